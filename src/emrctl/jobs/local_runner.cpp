#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <optional>

#include <sys/stat.h>

#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/config/job_contract.hpp>
#include <emrctl/config/releases.hpp>
#include <emrctl/jobs/local_layout.hpp>
#include <emrctl/jobs/local_runner.hpp>
#include <emrctl/jobs/log_files.hpp>
#include <emrctl/jobs/process.hpp>
#include <emrctl/jobs/run_history.hpp>
#include <emrctl/jobs/spark_env.hpp>
#include <emrctl/stacks/assets.hpp>
#include <emrctl/util/strings.hpp>
#include <emrctl/workspace/files.hpp>

namespace emrctl::jobs {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_excerpt_lines = 40;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A local run can read only what is in the project: data in S3 is out of its reach.
Result<void> check_runnable(const std::vector<const config::Job*>& jobs) {
    std::vector<Error> problems;
    for (const auto* job : jobs) {
        if (config::is_s3_uri(job->script) || job->data_uri) {
            const auto what = config::is_s3_uri(job->script) ? job->script : *job->data_uri;
            problems.push_back(Error{
                .kind = ErrorKind::usage,
                .message =
                    "job \"" + job->name + "\" reads " + what + ", which a local run cannot reach",
                .hint = "put a sample of it in a project folder and point `data:` at it, or run "
                        "this job on EMR"});
        }
    }
    if (problems.empty()) return ok();
    Error e{.kind = ErrorKind::usage, .message = "some jobs cannot run locally"};
    e.problems = std::move(problems);
    return std::unexpected(std::move(e));
}

bool same_file(const fs::path& a, const fs::path& b) {
    struct stat sa {};
    struct stat sb {};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

// "Uploads" the project's files into the local data bucket: hard links where the file system
// allows (no copy of large data), copies otherwise; files already in place are left alone.
Result<void> publish_assets(const workspace::LoadedProject& loaded, const LocalLayout& layout) {
    for (const auto& asset : stacks::plan_assets(loaded.project, loaded.files)) {
        // Generated assets bootstrap EMR nodes; the local venv installs the requirements itself.
        if (asset.generated) continue;
        const auto source = loaded.dir / asset.source;
        const auto target = layout.data_bucket() / asset.key;
        if (same_file(source, target)) continue;
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        fs::remove(target, ec);
        fs::create_hard_link(source, target, ec);
        if (ec) {
            ec.clear();
            fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
        }
        if (ec) {
            return fail(ErrorKind::io, "cannot place " + asset.source + " in " + target.string() +
                                           ": " + ec.message());
        }
    }
    return ok();
}

std::vector<std::string> spark_submit_command(const SparkEnv& env, const config::Job& job,
                                              const LocalLayout& layout,
                                              const LocalRunOptions& options) {
    // A local run stays on the loopback interface and opens no web UI; the job's own settings
    // come after these and win.
    std::vector<std::string> argv{env.spark_submit.string(),
                                  "--master",
                                  options.master,
                                  "--name",
                                  job.name,
                                  "--conf",
                                  "spark.driver.host=127.0.0.1",
                                  "--conf",
                                  "spark.driver.bindAddress=127.0.0.1",
                                  "--conf",
                                  "spark.ui.enabled=false"};
    if (job.main_class) {
        argv.emplace_back("--class");
        argv.push_back(*job.main_class);
    }
    for (const auto& [key, value] : job.spark_conf) {
        argv.emplace_back("--conf");
        argv.push_back(key + "=" + value);
    }
    argv.push_back((layout.data_bucket() / config::code_key(job)).string());
    for (auto& arg : config::contract_arguments(job, layout.uris()))
        argv.push_back(std::move(arg));
    return argv;
}

std::map<std::string, std::string> spark_environment(const SparkEnv& env) {
    const char* path = std::getenv("PATH");
    // The venv's Spark, whatever SPARK_HOME or python3 the user's shell has.
    return {{"PATH", (env.venv / "bin").string() + ":" + (path != nullptr ? path : "")},
            {"SPARK_HOME", env.spark_home.string()},
            {"SPARK_LOCAL_IP", "127.0.0.1"},
            {"PYSPARK_PYTHON", env.python.string()},
            {"PYSPARK_DRIVER_PYTHON", env.python.string()}};
}

struct Outcome {
    JobRun run;
    std::string output;
    std::string error_tail;
    bool interrupted = false;
};

Result<Outcome> run_one(const config::Job& job, JobRun run, const SparkEnv& env,
                        const LocalLayout& layout, const LocalRunOptions& options,
                        const JobEventSink& events, RunHistory& history) {
    const auto logs = layout.step_logs(run.step_id);
    std::error_code ec;
    fs::create_directories(logs, ec);
    run.state = JobState::running;
    run.started_ms = now_ms();
    history.record(run);
    if (auto saved = history.save(); !saved) return std::unexpected(saved.error());
    events(JobStarted{run});

    auto result = run_process({.argv = spark_submit_command(env, job, layout, options),
                               .env = spark_environment(env),
                               .stdout_file = logs / "stdout",
                               .stderr_file = logs / "stderr"});
    if (!result) return std::unexpected(result.error());
    run.ended_ms = now_ms();
    run.exit_code = result->exit_code;

    Outcome outcome{.interrupted = result->interrupted};
    auto out_text = workspace::read_text(logs / "stdout");
    auto err_text = workspace::read_text(logs / "stderr");
    outcome.output = out_text ? *out_text : "";
    for (const auto* name : {"stdout", "stderr"}) {
        if (auto zipped = gzip_file(logs / name, logs / (std::string(name) + ".gz")); !zipped) {
            return std::unexpected(zipped.error());
        }
    }
    if (result->interrupted) {
        run.state = JobState::cancelled;
        run.reason = "interrupted (Ctrl-C)";
    } else if (result->exit_code == 0) {
        run.state = JobState::completed;
    } else {
        run.state = JobState::failed;
        run.reason = "spark-submit exited with status " + std::to_string(result->exit_code);
        // PySpark's driver sends Python's stderr to stdout: the traceback is usually there.
        outcome.error_tail = failure_excerpt(outcome.output, err_text ? *err_text : "");
    }
    history.record(run);
    if (auto saved = history.save(); !saved) return std::unexpected(saved.error());
    outcome.run = run;
    return outcome;
}

}  // namespace

bool RunSummary::all_completed() const {
    return std::ranges::all_of(runs,
                               [](const JobRun& r) { return r.state == JobState::completed; });
}

Result<std::vector<const config::Job*>> select_jobs(const config::Project& project,
                                                    const std::vector<std::string>& names) {
    std::vector<const config::Job*> selected;
    std::vector<std::string_view> known;
    for (const auto& job : project.jobs)
        known.push_back(job.name);
    for (const auto& name : names) {
        if (std::ranges::find(known, name) == known.end()) {
            const auto guess = util::closest_match(name, known);
            return fail(ErrorKind::usage, "the project has no job \"" + name + "\"",
                        guess.empty() ? "its jobs: " + util::one_of(known)
                                      : "did you mean \"" + guess + "\"?");
        }
    }
    for (const auto& job : project.jobs) {
        if (names.empty() || std::ranges::find(names, job.name) != names.end()) {
            selected.push_back(&job);
        }
    }
    return selected;
}

namespace {

// "ValueError: bad", "SyntaxError: '(' was never closed", "py4j.protocol.Py4JJavaError: ...".
bool is_python_error_line(const std::string& line) {
    const auto colon = line.find(':');
    const auto name = line.substr(0, colon);
    if (name.empty() || std::isupper(static_cast<unsigned char>(name.back())) != 0) return false;
    const bool named_like_an_error = name.ends_with("Error") || name.ends_with("Exception") ||
                                     name.ends_with("Exit") || name.ends_with("Interrupt");
    return named_like_an_error && name.find(' ') == std::string::npos;
}

// The Python error report in `text`: from its first frame ("Traceback ..." or, for a syntax
// error, '  File "...", line N') to the error line.
std::optional<std::string> python_error(const std::string& text) {
    const auto lines = util::split(text, '\n');
    for (std::size_t end = lines.size(); end-- > 0;) {
        if (!is_python_error_line(lines[end])) continue;
        std::size_t begin = end;
        while (begin > 0 && (lines[begin - 1].starts_with(" ") ||
                             lines[begin - 1].starts_with("Traceback (most recent call last):"))) {
            --begin;
        }
        if (begin == end) continue;  // a bare "Error:" line with no frames is not Python's
        std::string excerpt;
        for (std::size_t i = begin; i <= end; ++i)
            excerpt += lines[i] + "\n";
        return last_lines(excerpt, k_excerpt_lines);
    }
    return std::nullopt;
}

}  // namespace

std::string failure_excerpt(const std::string& stdout_text, const std::string& stderr_text) {
    for (const auto* text : {&stdout_text, &stderr_text}) {
        if (auto excerpt = python_error(*text)) return *excerpt;
    }
    return last_lines(stderr_text, k_excerpt_lines);
}

Result<RunSummary> run_local(const workspace::LoadedProject& loaded, const LocalRunOptions& options,
                             const JobEventSink& events) {
    auto jobs = select_jobs(loaded.project, options.jobs);
    if (!jobs) return std::unexpected(jobs.error());
    if (auto runnable = check_runnable(*jobs); !runnable) return std::unexpected(runnable.error());
    const auto release = config::find_release(loaded.project.cluster.release);
    if (!release) return fail(ErrorKind::internal, "release passed validation but is unknown");

    auto env = ensure_spark_env(loaded.dir, std::string(release->spark_version), events);
    if (!env) return std::unexpected(env.error());
    const LocalLayout layout(loaded.dir);
    if (auto published = publish_assets(loaded, layout); !published) {
        return std::unexpected(published.error());
    }
    auto history = RunHistory::load(layout.runs_file());
    if (!history) return std::unexpected(history.error());

    RunSummary summary;
    for (const auto* job : *jobs) {
        summary.runs.push_back(JobRun{.job = job->name, .step_id = history->next_step_id()});
        history->record(summary.runs.back());
    }
    std::string stop_reason;
    for (std::size_t i = 0; i < jobs->size(); ++i) {
        const auto& job = *(*jobs)[i];
        auto& run = summary.runs[i];
        if (!stop_reason.empty()) {
            run.state = JobState::cancelled;
            run.reason = stop_reason;
            history->record(run);
            events(JobEnded{run, {}, {}});
            continue;
        }
        auto outcome = run_one(job, run, *env, layout, options, events, *history);
        if (!outcome) return std::unexpected(outcome.error());
        run = outcome->run;
        events(JobEnded{run, outcome->output, outcome->error_tail});
        if (outcome->interrupted) {
            summary.interrupted = true;
            stop_reason = "cancelled: the run was interrupted";
        } else if (run.state == JobState::failed &&
                   job.on_failure != config::ActionOnFailure::continue_) {
            stop_reason =
                "cancelled: job \"" + job.name + "\" failed and its on_failure is " +
                (job.on_failure == config::ActionOnFailure::cancel_and_wait ? "CANCEL_AND_WAIT"
                                                                            : "TERMINATE_CLUSTER");
        }
    }
    if (auto saved = history->save(); !saved) return std::unexpected(saved.error());
    return summary;
}

}  // namespace emrctl::jobs
