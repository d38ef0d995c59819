#pragma once

// `emrctl run` on EMR: the jobs become steps of the project's cluster (one AddJobFlowSteps, in
// project order), then emrctl follows them until each has ended, reporting state changes as
// JobEvents and, for a failure, EMR's reason and the end of the driver's stderr. The steps belong
// to EMR, not to this process: Ctrl-C only stops the watching.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/deploy/clock.hpp>
#include <emrctl/deploy/waiter.hpp>
#include <emrctl/jobs/emr_logs.hpp>
#include <emrctl/jobs/events.hpp>
#include <emrctl/jobs/job_run.hpp>
#include <emrctl/jobs/local_runner.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::jobs {

// Where a deployed project's jobs run, from its stack's outputs and DescribeCluster.
struct EmrCluster {
    std::string id;  // "j-..."
    std::string state;
    std::string data_bucket;
    std::string log_uri;  // the cluster's LogUri, else s3://<logs bucket>/
};

// What the cluster is wanted for: running jobs needs a live one; an ended cluster still has its
// steps' states, logs and outputs to read.
enum class ClusterUse { run_jobs, read_results };

// An error saying what to do when the project is not deployed or, to run jobs, its cluster has
// ended.
Result<EmrCluster> find_cluster(const aws::Client& client, const config::Project& project,
                                ClusterUse use);

// The run history of the jobs submitted to `cluster_id` from this project folder.
std::filesystem::path emr_runs_file(const std::filesystem::path& project_dir,
                                    const std::string& cluster_id);

enum class Waiting { until_done, no_wait };

struct EmrRunOptions {
    std::vector<std::string> jobs;  // names; empty: every job, in project order
    Waiting waiting = Waiting::until_done;
    deploy::WaitPolicy poll{.first_delay = std::chrono::milliseconds(1000),
                            .max_delay = std::chrono::milliseconds(10'000),
                            .growth = 1.5,
                            .timeout = std::chrono::hours(24)};
};

// `interrupted` in the summary: Ctrl-C detached emrctl; the steps go on.
Result<RunSummary> run_on_emr(const aws::Client& client, const workspace::LoadedProject& loaded,
                              const EmrCluster& cluster, const EmrRunOptions& options,
                              const deploy::Clock& clock, const JobEventSink& events);

// The newest run of each job on the cluster, as EMR has it now: the step this folder's history
// recorded, else the newest step of the cluster with the job's name; nullopt for a job never run.
Result<std::vector<std::optional<JobRun>>> latest_emr_runs(
    const aws::Client& client, const workspace::LoadedProject& loaded, const EmrCluster& cluster,
    const std::vector<const config::Job*>& jobs);

// Cancels the newest run of each job that is pending or running, then follows those until they
// have ended. Jobs with nothing to cancel are reported by a Notice.
Result<RunSummary> cancel_on_emr(const aws::Client& client, const workspace::LoadedProject& loaded,
                                 const EmrCluster& cluster, const std::vector<std::string>& jobs,
                                 const deploy::Clock& clock, const JobEventSink& events);

// A step's driver logs. `follow`: wait until the step has ended and EMR has pushed the log wanted
// (it does every few minutes), with Notices on the way; else take what is there now.
enum class LogsWanted { stdout_log, stderr_log, either };
enum class Follow { no, until_pushed };

struct StepLogs {
    JobRun run;                              // as it was when the logs were read
    std::optional<std::string> stdout_text;  // the step's: spark-submit's own, in cluster mode
    std::optional<std::string> stderr_text;
    DriverLogs driver;     // the driver container's, once YARN has aggregated them
    std::string location;  // s3://.../steps/<step id>/, for messages

    // What the driver printed and wrote to stderr: its container's logs, else the step's.
    const std::optional<std::string>& out() const {
        return driver.stdout_text ? driver.stdout_text : stdout_text;
    }
    const std::optional<std::string>& err() const {
        return driver.stderr_text ? driver.stderr_text : stderr_text;
    }
};

Result<StepLogs> read_step_logs(const aws::Client& client, const EmrCluster& cluster,
                                const JobRun& run, LogsWanted wanted, Follow follow,
                                const deploy::Clock& clock, const JobEventSink& events);

}  // namespace emrctl::jobs
