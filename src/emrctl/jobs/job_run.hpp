#pragma once

// A job's run: the same states on EMR and on a local Spark (DESIGN.md §6).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace emrctl::jobs {

enum class JobState { pending, running, completed, failed, cancelled };

std::string_view state_name(JobState s);  // "PENDING", "RUNNING", ...
std::optional<JobState> parse_state(std::string_view name);

struct JobRun {
    std::string job;      // the job's name in the project
    std::string step_id;  // EMR's step id, or a local one ("l-...")
    JobState state = JobState::pending;
    std::int64_t started_ms = 0;  // since the epoch; 0 when it never started
    std::int64_t ended_ms = 0;
    int exit_code = -1;
    std::string reason;  // why it failed or was cancelled
};

}  // namespace emrctl::jobs
