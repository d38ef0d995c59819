#include <algorithm>
#include <chrono>
#include <map>

#include <emrctl/aws/services/emr/clusters.hpp>
#include <emrctl/aws/services/emr/steps.hpp>
#include <emrctl/deploy/stack_deployment.hpp>
#include <emrctl/jobs/emr_runner.hpp>
#include <emrctl/jobs/emr_steps.hpp>
#include <emrctl/jobs/run_history.hpp>
#include <emrctl/stacks/naming.hpp>
#include <emrctl/util/interrupt.hpp>

namespace emrctl::jobs {

namespace emr = aws::emr;

namespace {

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool has_ended(const std::string& cluster_state) {
    return cluster_state == "TERMINATING" || cluster_state == "TERMINATED" ||
           cluster_state == "TERMINATED_WITH_ERRORS";
}

std::string action_name(config::ActionOnFailure a) {
    switch (a) {
        case config::ActionOnFailure::continue_:
            return "CONTINUE";
        case config::ActionOnFailure::cancel_and_wait:
            return "CANCEL_AND_WAIT";
        case config::ActionOnFailure::terminate_cluster:
            return "TERMINATE_CLUSTER";
    }
    return {};
}

Result<std::vector<emr::Step>> list_steps(const aws::Client& client, const std::string& cluster_id,
                                          const std::vector<std::string>& step_ids) {
    std::vector<emr::Step> steps;
    emr::ListStepsInput input{.cluster_id = cluster_id, .step_ids = step_ids};
    do {
        auto page = client.call(
            aws::Service::emr,
            [&](const aws::protocol::Endpoint& e) {
                return emr::make_list_steps_request(input, e);
            },
            emr::parse_list_steps_response);
        if (!page) return std::unexpected(page.error());
        steps.insert(steps.end(), page->steps.begin(), page->steps.end());
        input.marker = page->marker;
    } while (!input.marker.empty());
    return steps;
}

// The text shown under a failed job: the Python traceback, or why there is none yet.
std::string failure_tail(const StepLogs& logs, const std::string& job) {
    if (!logs.err() && !logs.out()) {
        return "EMR has not pushed the step's logs to " + logs.location +
               " yet (it does every few minutes): `emrctl logs " + job +
               " --follow` waits for them and shows them";
    }
    return failure_excerpt(logs.out().value_or(""), logs.err().value_or(""));
}

// Follows the steps of `runs` (one per job of `jobs`) until every one has ended, reporting each
// change of state: JobStarted while it waits or runs, JobEnded once, with the failure's logs.
class StepFollower {
  public:
    StepFollower(const aws::Client& client, const EmrCluster& cluster,
                 std::vector<const config::Job*> jobs, RunSummary& summary, RunHistory& history,
                 const JobEventSink& events)
        : m_client(client),
          m_cluster(cluster),
          m_jobs(std::move(jobs)),
          m_summary(summary),
          m_history(history),
          m_events(events) {}

    Result<deploy::WaitOutcome> follow(const deploy::WaitPolicy& policy,
                                       const deploy::Clock& clock) {
        return deploy::wait_until(
            clock, policy, [&] { return poll(clock); }, [] { return interrupt_requested(); });
    }

  private:
    Result<bool> poll(const deploy::Clock& clock) {
        std::vector<std::string> ids;
        for (const auto& run : m_summary.runs) {
            if (!is_final(run.state)) ids.push_back(run.step_id);
        }
        if (ids.empty()) return true;
        auto steps = list_steps(m_client, m_cluster.id, ids);
        if (!steps) return std::unexpected(steps.error());
        bool changed = false;
        for (std::size_t i = 0; i < m_summary.runs.size(); ++i) {
            auto& run = m_summary.runs[i];
            const auto step = std::ranges::find(*steps, run.step_id, &emr::Step::id);
            if (step == steps->end() || is_final(run.state)) continue;
            auto seen = job_run(run.job, *step);
            // EMR may not say when a step started (the emulator does not for the first one).
            if (seen.started_ms == 0 && seen.state != JobState::pending) {
                seen.started_ms = run.started_ms != 0 ? run.started_ms : now_ms();
            }
            if (seen.state == run.state && seen.started_ms == run.started_ms) continue;
            changed = true;
            if (is_final(seen.state)) {
                if (seen.ended_ms == 0) seen.ended_ms = now_ms();
                // EMR rarely says why a step was cancelled; what emrctl knows of it is better.
                if (seen.state == JobState::cancelled && seen.reason.empty()) {
                    seen.reason = m_stop_reason.empty() ? run.reason : m_stop_reason;
                }
                run = seen;
                if (auto ended = report_end(i, clock); !ended)
                    return std::unexpected(ended.error());
            } else {
                const bool new_state = seen.state != run.state;
                seen.reason = run.reason;  // emrctl's own note ("cancelled with ...") stays
                run = seen;
                if (new_state) m_events(JobStarted{run});
            }
            m_history.record(run);
        }
        if (changed) {
            if (auto saved = m_history.save(); !saved) return std::unexpected(saved.error());
        }
        JobsWaiting waiting;
        for (const auto& run : m_summary.runs) {
            if (!is_final(run.state)) waiting.runs.push_back(run);
        }
        if (waiting.runs.empty()) return true;
        m_events(waiting);
        return false;
    }

    Result<void> report_end(std::size_t i, const deploy::Clock& clock) {
        const auto& run = m_summary.runs[i];
        const auto& job = *m_jobs[i];
        JobEnded ended{.run = run};
        if (run.state == JobState::completed || run.state == JobState::failed) {
            auto logs = read_step_logs(m_client, m_cluster, run, LogsWanted::either, Follow::no,
                                       clock, m_events);
            if (!logs) return std::unexpected(logs.error());
            ended.output = logs->out().value_or("");
            if (run.state == JobState::failed) ended.error_tail = failure_tail(*logs, run.job);
        }
        if (run.state == JobState::failed && job.on_failure != config::ActionOnFailure::continue_ &&
            m_stop_reason.empty()) {
            m_stop_reason = "cancelled: job \"" + job.name + "\" failed and its on_failure is " +
                            action_name(job.on_failure);
        }
        m_events(ended);
        return ok();
    }

    const aws::Client& m_client;
    const EmrCluster& m_cluster;
    std::vector<const config::Job*> m_jobs;
    RunSummary& m_summary;
    RunHistory& m_history;
    const JobEventSink& m_events;
    std::string m_stop_reason;
};

Result<emr::Step> describe_step(const aws::Client& client, const std::string& cluster_id,
                                const std::string& step_id) {
    return client.call(
        aws::Service::emr,
        [&](const aws::protocol::Endpoint& e) {
            return emr::make_describe_step_request({.cluster_id = cluster_id, .step_id = step_id},
                                                   e);
        },
        emr::parse_describe_step_response);
}

Result<RunSummary> follow_runs(const aws::Client& client, const EmrCluster& cluster,
                               std::vector<const config::Job*> jobs, RunSummary summary,
                               RunHistory& history, const deploy::WaitPolicy& policy,
                               const deploy::Clock& clock, const JobEventSink& events) {
    StepFollower follower(client, cluster, std::move(jobs), summary, history, events);
    auto outcome = follower.follow(policy, clock);
    if (!outcome) return std::unexpected(outcome.error());
    if (*outcome == deploy::WaitOutcome::interrupted) summary.interrupted = true;
    if (*outcome == deploy::WaitOutcome::timed_out) {
        return fail(ErrorKind::io, "the steps had not ended after the time emrctl waits",
                    "they go on: `emrctl status` shows them, `emrctl run --cancel JOB` stops one");
    }
    return summary;
}

}  // namespace

Result<EmrCluster> find_cluster(const aws::Client& client, const config::Project& project,
                                ClusterUse use) {
    const auto stack_name = stacks::emr_stack_name(project);
    auto stack = deploy::describe_stack(client, stack_name);
    if (!stack) return std::unexpected(stack.error());
    if (!*stack) {
        return fail(ErrorKind::aws,
                    "project " + project.name + " is not deployed: there is no stack " +
                        stack_name + " in " + client.region(),
                    "run `emrctl deploy` first (or `emrctl up` to deploy and run every job), or "
                    "add --local to use a local Spark");
    }
    std::map<std::string, std::string> outputs;
    for (const auto& o : (*stack)->outputs)
        outputs[o.key] = o.value;
    if (outputs["ClusterId"].empty() || outputs["DataBucketName"].empty()) {
        return fail(ErrorKind::aws,
                    "stack " + stack_name + " (" + (*stack)->status +
                        ") has no ClusterId or DataBucketName output",
                    "run `emrctl deploy` to bring it up to date");
    }
    EmrCluster found{.id = outputs["ClusterId"], .data_bucket = outputs["DataBucketName"]};
    auto cluster = client.call(
        aws::Service::emr,
        [&](const aws::protocol::Endpoint& e) {
            return emr::make_describe_cluster_request({.cluster_id = found.id}, e);
        },
        emr::parse_describe_cluster_response);
    if (!cluster) return std::unexpected(cluster.error());
    found.state = cluster->state;
    found.log_uri = cluster->log_uri;
    if (found.log_uri.empty() && !outputs["LogsBucketName"].empty()) {
        found.log_uri = "s3://" + outputs["LogsBucketName"] + "/";
    }
    if (use == ClusterUse::run_jobs && has_ended(found.state)) {
        const auto& why = cluster->state_change_reason;
        return fail(ErrorKind::aws,
                    "cluster " + found.id + " of stack " + stack_name + " is " + found.state +
                        (why.message.empty() ? std::string() : " (" + why.message + ")"),
                    "an ended cluster cannot run jobs: run `emrctl deploy` (or `emrctl up`) to "
                    "start a new one (the network, buckets and roles are kept), or add --local "
                    "to use a local Spark");
    }
    return found;
}

std::filesystem::path emr_runs_file(const std::filesystem::path& project_dir,
                                    const std::string& cluster_id) {
    return project_dir / ".emrctl" / "emr" / cluster_id / "runs.json";
}

Result<RunSummary> run_on_emr(const aws::Client& client, const workspace::LoadedProject& loaded,
                              const EmrCluster& cluster, const EmrRunOptions& options,
                              const deploy::Clock& clock, const JobEventSink& events) {
    auto jobs = select_jobs(loaded.project, options.jobs);
    if (!jobs) return std::unexpected(jobs.error());
    auto history = RunHistory::load(emr_runs_file(loaded.dir, cluster.id));
    if (!history) return std::unexpected(history.error());

    emr::AddJobFlowStepsInput input{.cluster_id = cluster.id};
    for (const auto* job : *jobs)
        input.steps.push_back(step_config(*job, cluster.data_bucket));
    auto added = client.call(
        aws::Service::emr,
        [&](const aws::protocol::Endpoint& e) {
            return emr::make_add_job_flow_steps_request(input, e);
        },
        emr::parse_add_job_flow_steps_response);
    if (!added) return std::unexpected(add_context(added.error(), "while adding the steps"));
    if (added->step_ids.size() != jobs->size()) {
        return fail(ErrorKind::aws, "EMR answered " + std::to_string(added->step_ids.size()) +
                                        " step ids for " + std::to_string(jobs->size()) + " steps");
    }

    RunSummary summary;
    for (std::size_t i = 0; i < jobs->size(); ++i) {
        summary.runs.push_back(JobRun{.job = (*jobs)[i]->name, .step_id = added->step_ids[i]});
        history->record(summary.runs.back());
    }
    if (auto saved = history->save(); !saved) return std::unexpected(saved.error());
    events(Notice{"added " + std::to_string(jobs->size()) +
                  (jobs->size() == 1 ? " step" : " steps") + " to cluster " + cluster.id + " (" +
                  cluster.state + ")"});
    for (const auto& run : summary.runs)
        events(JobStarted{run});
    if (options.waiting == Waiting::no_wait) return summary;
    return follow_runs(client, cluster, *jobs, std::move(summary), *history, options.poll, clock,
                       events);
}

Result<std::vector<std::optional<JobRun>>> latest_emr_runs(
    const aws::Client& client, const workspace::LoadedProject& loaded, const EmrCluster& cluster,
    const std::vector<const config::Job*>& jobs) {
    auto history = RunHistory::load(emr_runs_file(loaded.dir, cluster.id));
    if (!history) return std::unexpected(history.error());
    std::vector<std::string> known_ids;
    for (const auto* job : jobs) {
        if (auto run = history->latest(job->name)) known_ids.push_back(run->step_id);
    }
    // One ListSteps for the recorded steps; the whole list only when a job has no record (it
    // was run from another folder or machine).
    std::vector<emr::Step> steps;
    if (!known_ids.empty()) {
        auto listed = list_steps(client, cluster.id, known_ids);
        if (!listed) return std::unexpected(listed.error());
        steps = std::move(*listed);
    }
    if (known_ids.size() < jobs.size() || steps.size() < known_ids.size()) {
        auto all = list_steps(client, cluster.id, {});
        if (!all) return std::unexpected(all.error());
        steps.insert(steps.end(), all->begin(), all->end());
    }
    std::vector<std::optional<JobRun>> runs;
    for (const auto* job : jobs) {
        const auto recorded = history->latest(job->name);
        auto step = steps.end();
        if (recorded) step = std::ranges::find(steps, recorded->step_id, &emr::Step::id);
        // Steps come newest first; a record EMR no longer knows falls back to the name too.
        if (step == steps.end()) {
            step = std::ranges::find(steps, job->name, &emr::Step::name);
        }
        if (step == steps.end()) {
            runs.emplace_back();
            continue;
        }
        auto run = job_run(job->name, *step);
        if (recorded && recorded->step_id == run.step_id && run.reason.empty()) {
            run.reason = recorded->reason;
        }
        runs.emplace_back(std::move(run));
    }
    return runs;
}

Result<RunSummary> cancel_on_emr(const aws::Client& client, const workspace::LoadedProject& loaded,
                                 const EmrCluster& cluster, const std::vector<std::string>& names,
                                 const deploy::Clock& clock, const JobEventSink& events) {
    auto jobs = select_jobs(loaded.project, names);
    if (!jobs) return std::unexpected(jobs.error());
    auto latest = latest_emr_runs(client, loaded, cluster, *jobs);
    if (!latest) return std::unexpected(latest.error());
    auto history = RunHistory::load(emr_runs_file(loaded.dir, cluster.id));
    if (!history) return std::unexpected(history.error());

    RunSummary summary;
    std::vector<const config::Job*> cancelled_jobs;
    for (std::size_t i = 0; i < jobs->size(); ++i) {
        const auto& run = (*latest)[i];
        if (!run) {
            events(Notice{(*jobs)[i]->name + " has not run on cluster " + cluster.id});
        } else if (is_final(run->state)) {
            events(Notice{(*jobs)[i]->name + "'s latest run (step " + run->step_id + ") is " +
                          std::string(state_name(run->state)) + ": nothing to cancel"});
        } else {
            summary.runs.push_back(*run);
            cancelled_jobs.push_back((*jobs)[i]);
        }
    }
    if (summary.runs.empty()) {
        return fail(ErrorKind::usage, "no job to cancel: none of them is pending or running",
                    "`emrctl status` shows the jobs' states");
    }
    emr::CancelStepsInput input{.cluster_id = cluster.id};
    for (const auto& run : summary.runs)
        input.step_ids.push_back(run.step_id);
    auto answer = client.call(
        aws::Service::emr,
        [&](const aws::protocol::Endpoint& e) { return emr::make_cancel_steps_request(input, e); },
        emr::parse_cancel_steps_response);
    if (!answer) return std::unexpected(add_context(answer.error(), "while cancelling steps"));
    for (const auto& info : answer->steps) {
        if (info.status == "FAILED") {
            events(Notice{"EMR refused to cancel step " + info.step_id +
                          (info.reason.empty() ? std::string() : ": " + info.reason)});
        }
    }
    for (auto& run : summary.runs) {
        run.reason = "cancelled with `emrctl run --cancel`";
        events(Notice{"cancelling " + run.job + " (step " + run.step_id + ")"});
    }
    const deploy::WaitPolicy policy{.first_delay = std::chrono::milliseconds(500),
                                    .max_delay = std::chrono::milliseconds(5000),
                                    .growth = 1.5,
                                    .timeout = std::chrono::minutes(10)};
    return follow_runs(client, cluster, std::move(cancelled_jobs), std::move(summary), *history,
                       policy, clock, events);
}

Result<StepLogs> read_step_logs(const aws::Client& client, const EmrCluster& cluster,
                                const JobRun& run, LogsWanted wanted, Follow follow,
                                const deploy::Clock& clock, const JobEventSink& events) {
    const auto out =
        step_log_location(cluster.log_uri, cluster.id, run.step_id, StepLog::stdout_log);
    const auto err =
        step_log_location(cluster.log_uri, cluster.id, run.step_id, StepLog::stderr_log);
    if (!out || !err) {
        return fail(
            ErrorKind::aws,
            "cluster " + cluster.id + " writes no logs to S3 (LogUri \"" + cluster.log_uri + "\")",
            "its stack sets LogUri: run `emrctl deploy`");
    }
    StepLogs logs{.run = run, .location = err->uri().substr(0, err->uri().rfind('/') + 1)};
    auto fetch = [&]() -> Result<bool> {
        auto out_text = fetch_step_log(client, *out);
        if (!out_text) return std::unexpected(out_text.error());
        logs.stdout_text = std::move(*out_text);
        auto err_text = fetch_step_log(client, *err);
        if (!err_text) return std::unexpected(err_text.error());
        logs.stderr_text = std::move(*err_text);
        // spark-submit names the YARN application whose containers hold the driver's logs.
        const auto application = yarn_application_id(logs.stderr_text.value_or(""));
        const auto containers =
            application ? container_logs_prefix(cluster.log_uri, cluster.id, *application)
                        : std::nullopt;
        if (containers) {
            auto driver = fetch_driver_logs(client, *containers);
            if (!driver) return std::unexpected(driver.error());
            logs.driver = std::move(*driver);
        }
        switch (wanted) {
            case LogsWanted::stdout_log:
                return logs.out().has_value();
            case LogsWanted::stderr_log:
                return logs.err().has_value();
            case LogsWanted::either:
                break;
        }
        return logs.out().has_value() || logs.err().has_value();
    };
    if (follow == Follow::no) {
        if (auto fetched = fetch(); !fetched) return std::unexpected(fetched.error());
        return logs;
    }

    bool said_waiting_for_step = false;
    bool said_waiting_for_logs = false;
    auto poll = [&]() -> Result<bool> {
        if (!is_final(logs.run.state)) {
            auto step = describe_step(client, cluster.id, run.step_id);
            if (!step) return std::unexpected(step.error());
            logs.run = job_run(run.job, *step);
            if (!is_final(logs.run.state)) {
                if (!said_waiting_for_step) {
                    events(Notice{run.job + " is " + std::string(state_name(logs.run.state)) +
                                  " (step " + run.step_id + "): waiting for it to end"});
                    said_waiting_for_step = true;
                }
                return false;
            }
        }
        auto fetched = fetch();
        if (!fetched) return std::unexpected(fetched.error());
        if (!*fetched && !said_waiting_for_logs) {
            events(Notice{"waiting for EMR to push the logs of step " + run.step_id + " to " +
                          logs.location + " (it does every few minutes)"});
            said_waiting_for_logs = true;
        }
        return *fetched;
    };
    const deploy::WaitPolicy policy{.first_delay = std::chrono::milliseconds(1000),
                                    .max_delay = std::chrono::milliseconds(10'000),
                                    .growth = 1.5,
                                    .timeout = std::chrono::hours(24)};
    auto outcome = deploy::wait_until(clock, policy, poll, [] { return interrupt_requested(); });
    if (!outcome) return std::unexpected(outcome.error());
    if (*outcome == deploy::WaitOutcome::interrupted) {
        return fail(ErrorKind::interrupted, "stopped waiting for the logs of " + run.job,
                    "the step goes on; `emrctl logs " + run.job + " --follow` waits again");
    }
    if (*outcome == deploy::WaitOutcome::timed_out) {
        return fail(ErrorKind::io,
                    "the logs of " + run.job + " did not appear in " + logs.location);
    }
    return logs;
}

}  // namespace emrctl::jobs
