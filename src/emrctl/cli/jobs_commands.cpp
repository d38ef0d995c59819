#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/format.hpp>
#include <emrctl/cli/job_printer.hpp>
#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/jobs/local_layout.hpp>
#include <emrctl/jobs/local_runner.hpp>
#include <emrctl/jobs/log_files.hpp>
#include <emrctl/jobs/run_history.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::cli {

namespace fs = std::filesystem;

namespace {

// Until deploy lands, jobs run only on the local Spark.
Result<void> require_local(bool local, const std::string& command) {
    if (local) return ok();
    return fail(ErrorKind::usage,
                "`emrctl " + command +
                    "` on EMR needs a deployed cluster, and "
                    "this emrctl cannot deploy yet",
                "add --local to use a local Spark with the same jobs and layout");
}

Result<workspace::LoadedProject> load(const GlobalOptions& global) {
    return workspace::load_project({.location = global.file, .context = global.context});
}

nlohmann::ordered_json run_json(const jobs::JobRun& r) {
    return {{"job", r.job},
            {"step_id", r.step_id},
            {"state", jobs::state_name(r.state)},
            {"started_ms", r.started_ms},
            {"ended_ms", r.ended_ms},
            {"exit_code", r.exit_code},
            {"reason", r.reason}};
}

Result<jobs::JobRun> latest_run(const fs::path& project_dir, const config::Project& project,
                                const std::string& job) {
    auto selected = jobs::select_jobs(project, {job});
    if (!selected) return std::unexpected(selected.error());
    auto history = jobs::RunHistory::load(jobs::LocalLayout(project_dir).runs_file());
    if (!history) return std::unexpected(history.error());
    auto run = history->latest(job);
    if (!run) {
        return fail(ErrorKind::usage, "job \"" + job + "\" has not run locally yet",
                    "run it: emrctl run " + job + " --local");
    }
    return *run;
}

}  // namespace

Result<void> run_jobs(const GlobalOptions& global, const RunOptions& options) {
    if (auto local = require_local(options.local, options.all_jobs ? "up" : "run"); !local) {
        return local;
    }
    auto loaded = load(global);
    if (!loaded) return std::unexpected(loaded.error());
    JobPrinter printer(std::cout, std::cerr, global.output, true);
    auto summary = jobs::run_local(*loaded, {.jobs = options.jobs}, std::ref(printer));
    if (!summary) return std::unexpected(summary.error());

    const jobs::LocalLayout layout(loaded->dir);
    if (global.output == OutputFormat::json) {
        nlohmann::ordered_json runs = nlohmann::ordered_json::array();
        for (const auto& r : summary->runs)
            runs.push_back(run_json(r));
        std::cout << nlohmann::ordered_json{{"runs", runs},
                                            {"outputs",
                                             (layout.data_bucket() / "outputs").string()}}
                         .dump(2)
                  << "\n";
    } else {
        std::size_t completed = 0;
        for (const auto& r : summary->runs)
            completed += r.state == jobs::JobState::completed;
        std::cout << "\n"
                  << completed << " of " << summary->runs.size() << " jobs completed; "
                  << "outputs in "
                  << fs::relative(layout.data_bucket() / "outputs", fs::current_path()).string()
                  << "/ (emrctl outputs JOB --local)\n";
    }
    if (summary->interrupted) {
        return fail(ErrorKind::io, "interrupted: the remaining jobs were cancelled",
                    "run them again with emrctl run --local");
    }
    if (!summary->all_completed()) {
        return fail(ErrorKind::io, "not every job completed",
                    "see the failure above; emrctl logs JOB --local --stderr shows the whole log");
    }
    return ok();
}

Result<void> run_status(const GlobalOptions& global, const StatusOptions& options) {
    if (auto local = require_local(options.local, "status"); !local) return local;
    auto loaded = load(global);
    if (!loaded) return std::unexpected(loaded.error());
    auto selected = jobs::select_jobs(loaded->project, options.job.empty()
                                                           ? std::vector<std::string>{}
                                                           : std::vector<std::string>{options.job});
    if (!selected) return std::unexpected(selected.error());
    auto history = jobs::RunHistory::load(jobs::LocalLayout(loaded->dir).runs_file());
    if (!history) return std::unexpected(history.error());

    std::vector<std::vector<std::string>> rows{{"JOB", "STATE", "STEP", "ELAPSED", "REASON"}};
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto* job : *selected) {
        const auto run = history->latest(job->name);
        if (!run) {
            rows.push_back({job->name, "NEVER RUN", "", "", ""});
            list.push_back({{"job", job->name}, {"state", nullptr}});
            continue;
        }
        rows.push_back({job->name, std::string(jobs::state_name(run->state)), run->step_id,
                        elapsed_text(run->started_ms, run->ended_ms), run->reason});
        list.push_back(run_json(*run));
    }
    if (global.output == OutputFormat::json) {
        std::cout
            << nlohmann::ordered_json{{"cluster", jobs::k_local_cluster_id}, {"jobs", list}}.dump(2)
            << "\n";
    } else {
        std::cout << "cluster " << jobs::k_local_cluster_id << " (local Spark)\n" << table(rows);
    }
    return ok();
}

Result<void> run_logs(const GlobalOptions& global, const LogsOptions& options) {
    if (auto local = require_local(options.local, "logs"); !local) return local;
    auto loaded = load(global);
    if (!loaded) return std::unexpected(loaded.error());
    auto run = latest_run(loaded->dir, loaded->project, options.job);
    if (!run) return std::unexpected(run.error());
    const auto dir = jobs::LocalLayout(loaded->dir).step_logs(run->step_id);
    std::map<std::string, std::string> texts;
    for (const auto* stream : {"stdout", "stderr"}) {
        const auto file = dir / (std::string(stream) + ".gz");
        if (!fs::exists(file)) {
            return fail(ErrorKind::io,
                        "no " + std::string(stream) + " log for step " + run->step_id,
                        "the job may still be running: emrctl status --local");
        }
        auto text = jobs::read_gzip_file(file);
        if (!text) return std::unexpected(text.error());
        texts[stream] = std::move(*text);
    }
    if (options.stream == LogStream::stdout_only) {
        std::cout << texts["stdout"];
    } else if (options.stream == LogStream::stderr_only) {
        std::cout << texts["stderr"];
    } else if (run->state == jobs::JobState::failed) {
        // Failures first: the traceback is what the user came for.
        std::cout << "==> why " << run->job << " failed (step " << run->step_id << ") <==\n"
                  << jobs::failure_excerpt(texts["stdout"], texts["stderr"]) << "\n==> stdout of "
                  << run->job << " <==\n"
                  << texts["stdout"] << "\n(Spark's own log: emrctl logs " << run->job
                  << " --local --stderr)\n";
    } else {
        std::cout << texts["stdout"];
    }
    return ok();
}

Result<void> run_outputs(const GlobalOptions& global, const OutputsOptions& options) {
    if (auto local = require_local(options.local, "outputs"); !local) return local;
    auto loaded = load(global);
    if (!loaded) return std::unexpected(loaded.error());
    auto selected = jobs::select_jobs(loaded->project, {options.job});
    if (!selected) return std::unexpected(selected.error());
    const auto& job = *selected->front();
    const auto source = jobs::LocalLayout(loaded->dir).data_bucket() / config::output_prefix(job);
    if (!fs::is_directory(source)) {
        return fail(ErrorKind::usage, "job \"" + job.name + "\" has no outputs yet",
                    "run it: emrctl run " + job.name + " --local");
    }
    const fs::path target = options.output_dir.empty()
                                ? fs::path("outputs") / config::folder_name(job)
                                : fs::path(options.output_dir);
    std::error_code ec;
    fs::create_directories(target, ec);
    std::size_t files = 0;
    std::uint64_t bytes = 0;
    for (fs::recursive_directory_iterator it(source, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        const auto relative = fs::relative(it->path(), source);
        // Spark's bookkeeping files (_SUCCESS, .crc) are not results.
        const auto name = relative.filename().string();
        if (name.starts_with(".") || name.starts_with("_")) continue;
        fs::create_directories((target / relative).parent_path(), ec);
        fs::copy_file(it->path(), target / relative, fs::copy_options::overwrite_existing, ec);
        if (ec)
            return fail(ErrorKind::io,
                        "cannot write " + (target / relative).string() + ": " + ec.message());
        ++files;
        bytes += it->file_size();
    }
    std::cout << "copied " << files << (files == 1 ? " file" : " files") << " ("
              << human_bytes(bytes) << ") of " << job.name << "'s outputs to " << target.string()
              << "/\n";
    return ok();
}

}  // namespace emrctl::cli
