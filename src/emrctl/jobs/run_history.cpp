#include <cstdio>

#include <nlohmann/json.hpp>

#include <emrctl/jobs/run_history.hpp>
#include <emrctl/workspace/files.hpp>

namespace emrctl::jobs {

namespace {

nlohmann::ordered_json to_json(const JobRun& r) {
    return {{"job", r.job},
            {"step_id", r.step_id},
            {"state", std::string(state_name(r.state))},
            {"started_ms", r.started_ms},
            {"ended_ms", r.ended_ms},
            {"exit_code", r.exit_code},
            {"reason", r.reason}};
}

std::optional<JobRun> from_json(const nlohmann::json& j) {
    if (!j.is_object()) return std::nullopt;
    const auto state = parse_state(j.value("state", ""));
    if (!state) return std::nullopt;
    return JobRun{.job = j.value("job", ""),
                  .step_id = j.value("step_id", ""),
                  .state = *state,
                  .started_ms = j.value("started_ms", std::int64_t{0}),
                  .ended_ms = j.value("ended_ms", std::int64_t{0}),
                  .exit_code = j.value("exit_code", -1),
                  .reason = j.value("reason", "")};
}

}  // namespace

Result<RunHistory> RunHistory::load(const std::filesystem::path& file) {
    RunHistory history;
    history.m_file = file;
    if (!std::filesystem::exists(file)) return history;
    auto text = workspace::read_text(file);
    if (!text) return std::unexpected(text.error());
    const auto doc = nlohmann::json::parse(*text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return fail(ErrorKind::io, file.string() + " is damaged",
                    "delete it: it only records past local runs");
    }
    history.m_sequence = doc.value("sequence", 0U);
    for (const auto& j : doc.value("runs", nlohmann::json::array())) {
        if (auto run = from_json(j)) history.m_runs.push_back(std::move(*run));
    }
    return history;
}

Result<void> RunHistory::save() const {
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (const auto& r : m_runs)
        runs.push_back(to_json(r));
    const nlohmann::ordered_json doc{{"sequence", m_sequence}, {"runs", std::move(runs)}};
    return workspace::write_file_atomically(m_file, doc.dump(2) + "\n");
}

std::string RunHistory::next_step_id() {
    char id[16];
    std::snprintf(id, sizeof id, "s-L%08u", ++m_sequence);
    return id;
}

void RunHistory::record(const JobRun& run) {
    for (auto& r : m_runs) {
        if (r.step_id == run.step_id) {
            r = run;
            return;
        }
    }
    m_runs.push_back(run);
}

std::optional<JobRun> RunHistory::latest(const std::string& job) const {
    for (auto it = m_runs.rbegin(); it != m_runs.rend(); ++it) {
        if (it->job == job) return *it;
    }
    return std::nullopt;
}

}  // namespace emrctl::jobs
