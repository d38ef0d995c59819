#pragma once

// emrctl.state.json, beside the project file: what emrctl chose once and must choose the same
// way every time after, today the naming suffix that makes bucket names globally unique. Commit
// it with the project (like cdk.context.json): losing it means new bucket names.

#include <filesystem>
#include <optional>
#include <string>

#include <emrctl/util/error.hpp>

namespace emrctl::workspace {

inline constexpr const char* k_state_file = "emrctl.state.json";

struct State {
    std::string naming_suffix;
};

// Nothing if the file does not exist; an error if it exists and cannot be read.
Result<std::optional<State>> read_state(const std::filesystem::path& project_dir);
Result<void> write_state(const std::filesystem::path& project_dir, const State& state);

// Eight random lowercase letters and digits, as the seed app generated.
std::string generate_suffix();

}  // namespace emrctl::workspace
