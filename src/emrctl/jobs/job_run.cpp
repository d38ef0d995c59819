#include <array>
#include <utility>

#include <emrctl/jobs/job_run.hpp>

namespace emrctl::jobs {

namespace {
constexpr std::array<std::pair<JobState, std::string_view>, 5> k_names{{
    {JobState::pending, "PENDING"},
    {JobState::running, "RUNNING"},
    {JobState::completed, "COMPLETED"},
    {JobState::failed, "FAILED"},
    {JobState::cancelled, "CANCELLED"},
}};
}

std::string_view state_name(JobState s) {
    for (const auto& [state, name] : k_names) {
        if (state == s) return name;
    }
    return "PENDING";
}

std::optional<JobState> parse_state(std::string_view name) {
    for (const auto& [state, text] : k_names) {
        if (text == name) return state;
    }
    return std::nullopt;
}

}  // namespace emrctl::jobs
