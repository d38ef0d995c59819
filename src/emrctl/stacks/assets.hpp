#pragma once

// The project's local files and where each goes in the data bucket: bootstrap scripts, job
// scripts, and the files of each job's data folder.

#include <cstdint>
#include <string>
#include <vector>

#include <emrctl/config/file_facts.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::stacks {

struct Asset {
    std::string source;  // relative to the project folder
    std::string bucket;
    std::string key;
    std::uint64_t size = 0;
};

// Sorted by key, each key once.
std::vector<Asset> plan_assets(const config::Project& p, const config::FileFacts& files);

}  // namespace emrctl::stacks
