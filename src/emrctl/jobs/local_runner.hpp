#pragma once

// `emrctl run --local`: the project's jobs on a local Spark, with EMR's semantics: the same
// argument contract and bucket layout (mirrored under .emrctl/local/), the same states, the same
// ActionOnFailure, and logs where EMR writes them.

#include <string>
#include <vector>

#include <emrctl/jobs/events.hpp>
#include <emrctl/jobs/job_run.hpp>
#include <emrctl/workspace/project_loader.hpp>

namespace emrctl::jobs {

struct LocalRunOptions {
    std::vector<std::string> jobs;  // names; empty: every job, in project order
    std::string master = "local[*]";
};

struct RunSummary {
    std::vector<JobRun> runs;  // in the order they were to run
    bool interrupted = false;

    bool all_completed() const;
};

Result<RunSummary> run_local(const workspace::LoadedProject& loaded, const LocalRunOptions& options,
                             const JobEventSink& events);

// The jobs named, in project order, or an error naming the unknown one (with "did you mean").
Result<std::vector<const config::Job*>> select_jobs(const config::Project& project,
                                                    const std::vector<std::string>& names);

// Why a driver failed: the Python traceback from its stdout or stderr if there is one, else the
// last lines of its stderr.
std::string failure_excerpt(const std::string& stdout_text, const std::string& stderr_text);

}  // namespace emrctl::jobs
