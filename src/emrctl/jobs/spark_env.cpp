#include <cstdlib>

#include <emrctl/aws/sha256.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/jobs/process.hpp>
#include <emrctl/jobs/spark_env.hpp>
#include <emrctl/workspace/files.hpp>

namespace emrctl::jobs {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_stamp_file = ".emrctl-stamp";

fs::path venv_location(const fs::path& project_dir) {
    if (const char* v = std::getenv(k_venv_variable); v != nullptr && *v != '\0') return v;
    return fs::absolute(project_dir) / ".emrctl" / "venv";
}

Result<void> run_quietly(const std::vector<std::string>& argv, const fs::path& log,
                         const std::string& what) {
    auto r = run_process({.argv = argv, .stdout_file = log, .stderr_file = log});
    if (!r) return std::unexpected(r.error());
    if (r->interrupted) return fail(ErrorKind::io, what + " was interrupted");
    if (r->exit_code != 0) {
        auto text = workspace::read_text(log);
        std::string tail = text ? *text : "";
        if (tail.size() > 1500) tail = "..." + tail.substr(tail.size() - 1500);
        return fail(ErrorKind::io,
                    what + " failed (exit status " + std::to_string(r->exit_code) + "):\n" + tail,
                    "check the network access to PyPI and the packages in requirements.txt; "
                    "the full log is " +
                        log.string());
    }
    return ok();
}

// venv/lib/python3.X/site-packages/pyspark, whichever Python made the venv.
fs::path find_spark_home(const fs::path& venv) {
    std::error_code ec;
    for (fs::directory_iterator it(venv / "lib", ec), end; !ec && it != end; it.increment(ec)) {
        const auto candidate = it->path() / "site-packages" / "pyspark";
        if (fs::is_directory(candidate / "bin", ec)) return candidate;
    }
    return {};
}

}  // namespace

std::string spark_env_stamp(const std::string& spark_version, const std::string& requirements) {
    return "pyspark==" + spark_version + "\nrequirements " + aws::sha256_hex(requirements) + "\n";
}

Result<SparkEnv> ensure_spark_env(const fs::path& project_dir, const std::string& spark_version,
                                  const JobEventSink& events) {
    if (!find_executable("java")) {
        return fail(ErrorKind::io, "no java on PATH: Spark needs a Java runtime",
                    "install a JDK 17 (Debian: apt-get install openjdk-17-jre-headless)");
    }
    const auto venv = venv_location(project_dir);
    const auto requirements_file = project_dir / config::k_requirements_file;
    std::string requirements;
    if (fs::exists(requirements_file)) {
        auto text = workspace::read_text(requirements_file);
        if (!text) return std::unexpected(text.error());
        requirements = *text;
    }
    const auto want = spark_env_stamp(spark_version, requirements);
    SparkEnv env{.venv = venv,
                 .python = venv / "bin" / "python",
                 .spark_submit = venv / "bin" / "spark-submit",
                 .spark_version = spark_version};
    auto have = workspace::read_text(venv / k_stamp_file);
    env.spark_home = find_spark_home(venv);
    if (have && *have == want && fs::exists(env.spark_submit) && !env.spark_home.empty()) {
        return env;
    }

    events(Notice{"installing pyspark " + spark_version +
                  (requirements.empty() ? "" : " and requirements.txt") + " into " + venv.string() +
                  " (first run only; a few minutes)"});
    std::error_code ec;
    fs::create_directories(venv, ec);
    const auto log = venv / "install.log";
    if (!fs::exists(env.python)) {
        if (auto made = run_quietly({"python3", "-m", "venv", venv.string()}, log,
                                    "creating the venv " + venv.string());
            !made) {
            return std::unexpected(made.error());
        }
    }
    std::vector<std::string> pip{
        env.python.string(),        "-m", "pip", "install", "--disable-pip-version-check",
        "pyspark==" + spark_version};
    if (!requirements.empty()) {
        pip.emplace_back("-r");
        pip.push_back(fs::absolute(requirements_file).string());
    }
    if (auto installed = run_quietly(pip, log, "installing pyspark " + spark_version); !installed) {
        return std::unexpected(installed.error());
    }
    env.spark_home = find_spark_home(venv);
    if (env.spark_home.empty()) {
        return fail(ErrorKind::io, "pyspark installed, but its Spark is not in " + venv.string(),
                    "delete " + venv.string() + " and run again");
    }
    if (auto stamped = workspace::write_file_atomically(venv / k_stamp_file, want); !stamped) {
        return std::unexpected(stamped.error());
    }
    return env;
}

}  // namespace emrctl::jobs
