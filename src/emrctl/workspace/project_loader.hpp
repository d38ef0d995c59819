#pragma once

// Finds the project on disk and runs the pure passes over it: parse (emrctl.yaml, or the seed
// layout) over the defaults, context overrides, then validation against the files it names.

#include <filesystem>
#include <string>
#include <vector>

#include <emrctl/config/file_facts.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/config/source_map.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::workspace {

inline constexpr const char* k_project_file = "emrctl.yaml";

// Whether loading may create the state file when the project has no naming suffix yet.
enum class SuffixPolicy { read_only, create_if_missing };

struct LoadOptions {
    std::filesystem::path location;    // emrctl.yaml, or a project folder; empty: cwd
    std::vector<std::string> context;  // -c key=value
    SuffixPolicy suffix = SuffixPolicy::read_only;
};

struct LoadedProject {
    config::Project project;
    config::SourceMap sources;
    config::FileFacts files;
    std::filesystem::path dir;
    std::string description;  // "emrctl.yaml" or "seed layout (emr_steps/...)"
};

Result<LoadedProject> load_project(const LoadOptions& options);

// Looks at every local path the project names: what it is and, for folders, what files it holds.
config::FileFacts gather_file_facts(const std::filesystem::path& dir,
                                    const std::vector<std::string>& paths);

}  // namespace emrctl::workspace
