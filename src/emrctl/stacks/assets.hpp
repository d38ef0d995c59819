#pragma once

// The project's local files and where each goes in the data bucket: bootstrap scripts, job
// scripts, the files of each job's data folder, and requirements.txt with the script emrctl
// generates to pip-install it on every node.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <emrctl/config/file_facts.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::stacks {

struct Asset {
    std::string source;  // relative to the project folder; empty for a generated asset
    std::string bucket;
    std::string key;
    std::uint64_t size = 0;
    // The content of a file emrctl writes itself (synth puts it on disk for deploy to upload).
    std::optional<std::string> generated;
};

// The bootstrap action of a project with a requirements.txt: the generated script, which gets
// the requirements' S3 URI as its argument.
inline constexpr const char* k_requirements_key = "bootstrap/requirements.txt";
inline constexpr const char* k_requirements_script_key = "bootstrap/emrctl-requirements.sh";
std::string requirements_script();

// Sorted by key, each key once.
std::vector<Asset> plan_assets(const config::Project& p, const config::FileFacts& files);

}  // namespace emrctl::stacks
