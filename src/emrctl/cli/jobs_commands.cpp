#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <emrctl/cli/aws_access.hpp>
#include <emrctl/cli/commands.hpp>
#include <emrctl/cli/format.hpp>
#include <emrctl/cli/job_printer.hpp>
#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/deploy/clock.hpp>
#include <emrctl/jobs/emr_outputs.hpp>
#include <emrctl/jobs/emr_runner.hpp>
#include <emrctl/jobs/emr_steps.hpp>
#include <emrctl/jobs/local_layout.hpp>
#include <emrctl/jobs/local_runner.hpp>
#include <emrctl/jobs/log_files.hpp>
#include <emrctl/jobs/run_history.hpp>
#include <emrctl/util/interrupt.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::cli {

namespace fs = std::filesystem;

namespace {

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

Result<void> run_jobs_local(const GlobalOptions& global, const RunOptions& options) {
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

Result<void> run_status_local(const GlobalOptions& global, const StatusOptions& options) {
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

Result<void> run_logs_local(const GlobalOptions& global, const LogsOptions& options) {
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

Result<void> run_outputs_local(const GlobalOptions& global, const OutputsOptions& options) {
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

// The project, its AWS client and its cluster: what every EMR command starts from.
struct OnEmr {
    workspace::LoadedProject loaded;
    aws::Client client;
    jobs::EmrCluster cluster;
};

bool stdout_is_terminal() {
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) != 0 && term != nullptr && std::string(term) != "dumb";
}

Result<OnEmr> open_emr(const GlobalOptions& global, workspace::LoadedProject loaded,
                       jobs::ClusterUse use) {
    auto client = open_client(global, loaded.project);
    if (!client) return std::unexpected(client.error());
    auto cluster = jobs::find_cluster(*client, loaded.project, use);
    if (!cluster) return std::unexpected(cluster.error());
    return OnEmr{std::move(loaded), std::move(*client), std::move(*cluster)};
}

Result<OnEmr> open_emr(const GlobalOptions& global, jobs::ClusterUse use) {
    auto loaded = load(global);
    if (!loaded) return std::unexpected(loaded.error());
    return open_emr(global, std::move(*loaded), use);
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Result<void> report_summary(const GlobalOptions& global, const jobs::RunSummary& summary,
                            const OnEmr& emr, bool waited) {
    const auto outputs = "s3://" + emr.cluster.data_bucket + "/outputs/";
    if (global.output == OutputFormat::json) {
        nlohmann::ordered_json runs = nlohmann::ordered_json::array();
        for (const auto& r : summary.runs)
            runs.push_back(run_json(r));
        std::cout << nlohmann::ordered_json{{"cluster", emr.cluster.id},
                                            {"runs", runs},
                                            {"outputs", outputs}}
                         .dump(2)
                  << "\n";
    } else if (!waited) {
        std::cout << "\nsubmitted " << summary.runs.size()
                  << (summary.runs.size() == 1 ? " job" : " jobs") << " to cluster "
                  << emr.cluster.id
                  << ": `emrctl status` shows them, `emrctl logs JOB --follow` waits for one\n";
    } else if (!summary.interrupted) {
        std::size_t completed = 0;
        for (const auto& r : summary.runs)
            completed += r.state == jobs::JobState::completed;
        std::cout << "\n"
                  << completed << " of " << summary.runs.size() << " jobs completed; outputs in "
                  << outputs << " (emrctl outputs JOB)\n";
    }
    if (summary.interrupted) {
        return std::unexpected(
            Error{.kind = ErrorKind::interrupted,
                  .message = "detached: the steps keep running on cluster " + emr.cluster.id,
                  .hint = "`emrctl status` shows them; `emrctl logs JOB --follow` waits for one "
                          "to end and shows its logs; `emrctl run --cancel JOB` stops one"});
    }
    if (waited && !summary.all_completed()) {
        return fail(ErrorKind::io, "not every job completed",
                    "see the failure above; emrctl logs JOB --stderr shows the driver's whole "
                    "stderr");
    }
    return ok();
}

Result<void> run_jobs_emr(const GlobalOptions& global, const RunOptions& options) {
    Result<OnEmr> emr = fail(ErrorKind::internal, "unset");
    if (options.all_jobs) {
        auto deployed = deploy_project(global, std::cerr);
        if (!deployed) return std::unexpected(deployed.error());
        emr = open_emr(global, std::move(deployed->loaded), jobs::ClusterUse::run_jobs);
    } else {
        // An ended cluster has nothing left to cancel, which cancel_on_emr says.
        emr = open_emr(
            global, options.cancel ? jobs::ClusterUse::read_results : jobs::ClusterUse::run_jobs);
    }
    if (!emr) return std::unexpected(emr.error());
    JobPrinter printer(std::cout, std::cerr, global.output, false,
                       stdout_is_terminal() ? LiveLine::on : LiveLine::off);
    const InterruptGuard guard;
    if (options.cancel) {
        auto summary = jobs::cancel_on_emr(emr->client, emr->loaded, emr->cluster, options.jobs,
                                           deploy::real_clock(), std::ref(printer));
        if (!summary) return std::unexpected(summary.error());
        if (global.output == OutputFormat::json) {
            nlohmann::ordered_json runs = nlohmann::ordered_json::array();
            for (const auto& r : summary->runs)
                runs.push_back(run_json(r));
            std::cout
                << nlohmann::ordered_json{{"cluster", emr->cluster.id}, {"cancelled", runs}}.dump(2)
                << "\n";
        }
        if (summary->interrupted) {
            return fail(ErrorKind::interrupted, "stopped waiting: the cancellation goes on",
                        "`emrctl status` shows when the steps are CANCELLED");
        }
        return ok();
    }
    const auto waiting = options.no_wait ? jobs::Waiting::no_wait : jobs::Waiting::until_done;
    auto summary = jobs::run_on_emr(emr->client, emr->loaded, emr->cluster,
                                    {.jobs = options.jobs, .waiting = waiting},
                                    deploy::real_clock(), std::ref(printer));
    if (!summary) return std::unexpected(summary.error());
    return report_summary(global, *summary, *emr, waiting == jobs::Waiting::until_done);
}

Result<void> run_status_emr(const GlobalOptions& global, const StatusOptions& options) {
    auto emr = open_emr(global, jobs::ClusterUse::read_results);
    if (!emr) return std::unexpected(emr.error());
    auto selected = jobs::select_jobs(
        emr->loaded.project,
        options.job.empty() ? std::vector<std::string>{} : std::vector<std::string>{options.job});
    if (!selected) return std::unexpected(selected.error());
    auto runs = jobs::latest_emr_runs(emr->client, emr->loaded, emr->cluster, *selected);
    if (!runs) return std::unexpected(runs.error());

    std::vector<std::vector<std::string>> rows{{"JOB", "STATE", "STEP", "ELAPSED", "REASON"}};
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < selected->size(); ++i) {
        const auto& run = (*runs)[i];
        const auto& name = (*selected)[i]->name;
        if (!run) {
            rows.push_back({name, "NEVER RUN", "", "", ""});
            list.push_back({{"job", name}, {"state", nullptr}});
            continue;
        }
        const auto until = run->ended_ms != 0 ? run->ended_ms : now_ms();
        rows.push_back({name, std::string(jobs::state_name(run->state)), run->step_id,
                        elapsed_text(run->started_ms, until), run->reason});
        list.push_back(run_json(*run));
    }
    if (global.output == OutputFormat::json) {
        std::cout << nlohmann::ordered_json{{"cluster", emr->cluster.id},
                                            {"cluster_state", emr->cluster.state},
                                            {"jobs", list}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "cluster " << emr->cluster.id << " (" << emr->cluster.state << ")\n"
                  << table(rows);
    }
    return ok();
}

Result<void> run_logs_emr(const GlobalOptions& global, const LogsOptions& options) {
    auto emr = open_emr(global, jobs::ClusterUse::read_results);
    if (!emr) return std::unexpected(emr.error());
    auto selected = jobs::select_jobs(emr->loaded.project, {options.job});
    if (!selected) return std::unexpected(selected.error());
    auto runs = jobs::latest_emr_runs(emr->client, emr->loaded, emr->cluster, *selected);
    if (!runs) return std::unexpected(runs.error());
    const auto& run = runs->front();
    if (!run) {
        return fail(ErrorKind::usage,
                    "job \"" + options.job + "\" has not run on cluster " + emr->cluster.id,
                    "run it: emrctl run " + options.job);
    }
    const auto wanted = options.stream == LogStream::stdout_only   ? jobs::LogsWanted::stdout_log
                        : options.stream == LogStream::stderr_only ? jobs::LogsWanted::stderr_log
                                                                   : jobs::LogsWanted::either;
    JobPrinter printer(std::cout, std::cerr, global.output, false);
    const InterruptGuard guard;
    auto logs = jobs::read_step_logs(emr->client, emr->cluster, *run, wanted,
                                     options.follow ? jobs::Follow::until_pushed : jobs::Follow::no,
                                     deploy::real_clock(), std::ref(printer));
    if (!logs) return std::unexpected(logs.error());
    const bool have = wanted == jobs::LogsWanted::stdout_log   ? logs->out().has_value()
                      : wanted == jobs::LogsWanted::stderr_log ? logs->err().has_value()
                                                               : logs->out() || logs->err();
    if (!have) {
        const auto state = std::string(jobs::state_name(logs->run.state));
        return fail(ErrorKind::io,
                    "no logs for " + options.job + " (step " + run->step_id + ", " + state +
                        ") in " + logs->location + " yet",
                    std::string(jobs::is_final(logs->run.state)
                                    ? "EMR pushes a step's logs to S3 every few minutes"
                                    : "EMR pushes a step's logs to S3 every few minutes while it "
                                      "runs") +
                        ": `emrctl logs " + options.job + " --follow` waits for them");
    }
    const auto out = logs->out().value_or("");
    const auto err = logs->err().value_or("");
    if (options.stream == LogStream::stdout_only) {
        std::cout << out;
    } else if (options.stream == LogStream::stderr_only) {
        std::cout << err;
    } else if (logs->run.state == jobs::JobState::failed) {
        // Failures first: the reason and the traceback are what the user came for.
        std::cout << "==> why " << run->job << " failed (step " << run->step_id << ") <==\n";
        if (!logs->run.reason.empty()) std::cout << logs->run.reason << "\n";
        std::cout << jobs::failure_excerpt(out, err);
        if (!out.empty()) std::cout << "\n==> stdout of " << run->job << " <==\n" << out;
        std::cout << "\n(the driver's whole stderr: emrctl logs " << run->job << " --stderr)\n";
    } else {
        std::cout << out;
    }
    return ok();
}

Result<void> run_outputs_emr(const GlobalOptions& global, const OutputsOptions& options) {
    auto emr = open_emr(global, jobs::ClusterUse::read_results);
    if (!emr) return std::unexpected(emr.error());
    auto selected = jobs::select_jobs(emr->loaded.project, {options.job});
    if (!selected) return std::unexpected(selected.error());
    const auto& job = *selected->front();
    const fs::path target = options.output_dir.empty()
                                ? fs::path("outputs") / config::folder_name(job)
                                : fs::path(options.output_dir);
    const InterruptGuard guard;
    auto report = jobs::download_outputs(emr->client, emr->cluster.data_bucket, job, target);
    if (!report) return std::unexpected(report.error());
    if (global.output == OutputFormat::json) {
        std::cout << nlohmann::ordered_json{{"source", report->source},
                                            {"target", target.string()},
                                            {"files", report->files},
                                            {"bytes", report->bytes}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "downloaded " << report->files << (report->files == 1 ? " file" : " files")
                  << " (" << human_bytes(report->bytes) << ") of " << job.name << "'s outputs from "
                  << report->source << " to " << target.string() << "/\n";
    }
    return ok();
}

Result<void> emr_only(bool flag, const std::string& name, bool local) {
    if (!flag || !local) return ok();
    return fail(ErrorKind::usage, name + " applies to jobs on EMR, not to --local runs",
                "a local run is followed to its end; Ctrl-C stops it");
}

}  // namespace

Result<void> run_jobs(const GlobalOptions& global, const RunOptions& options) {
    if (auto allowed = emr_only(options.no_wait, "--no-wait", options.local); !allowed)
        return allowed;
    if (auto allowed = emr_only(options.cancel, "--cancel", options.local); !allowed)
        return allowed;
    if (options.cancel && options.jobs.empty()) {
        return fail(ErrorKind::usage, "--cancel needs the jobs to cancel",
                    "emrctl run --cancel JOB...");
    }
    return options.local ? run_jobs_local(global, options) : run_jobs_emr(global, options);
}

Result<void> run_status(const GlobalOptions& global, const StatusOptions& options) {
    return options.local ? run_status_local(global, options) : run_status_emr(global, options);
}

Result<void> run_logs(const GlobalOptions& global, const LogsOptions& options) {
    if (auto allowed = emr_only(options.follow, "--follow", options.local); !allowed)
        return allowed;
    return options.local ? run_logs_local(global, options) : run_logs_emr(global, options);
}

Result<void> run_outputs(const GlobalOptions& global, const OutputsOptions& options) {
    return options.local ? run_outputs_local(global, options) : run_outputs_emr(global, options);
}

}  // namespace emrctl::cli
