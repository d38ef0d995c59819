#pragma once

// The runs of a project's jobs on the local Spark, kept in .emrctl/local/runs.json so that
// `status`, `logs` and `outputs` can find them after `run` has ended, as they would ask EMR.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <emrctl/jobs/job_run.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::jobs {

class RunHistory {
  public:
    static Result<RunHistory> load(const std::filesystem::path& file);
    Result<void> save() const;

    // A new step id, "s-L00000001", "s-L00000002", ...
    std::string next_step_id();
    // Adds the run, or replaces the one with the same step id.
    void record(const JobRun& run);
    // The newest run of `job`.
    std::optional<JobRun> latest(const std::string& job) const;

    const std::vector<JobRun>& runs() const { return m_runs; }

  private:
    std::filesystem::path m_file;
    std::vector<JobRun> m_runs;
    unsigned m_sequence = 0;
};

}  // namespace emrctl::jobs
