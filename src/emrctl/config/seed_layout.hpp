#pragma once

// The seed CDK app's project layout, read as it is: emr_steps/emr_steps_configuration.json lists
// the steps; emr_steps/code/ and emr_steps/data/ hold their scripts and data;
// ec2_bootstrap_scripts/bootstrap.sh is the bootstrap action.

#include <string>
#include <string_view>
#include <vector>

#include <emrctl/config/project.hpp>
#include <emrctl/config/source_map.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::config {

inline constexpr std::string_view k_seed_steps_file = "emr_steps/emr_steps_configuration.json";
inline constexpr std::string_view k_seed_bootstrap = "ec2_bootstrap_scripts/bootstrap.sh";

// Reads the steps file's `text` into the jobs of `project` (which carries the seed's defaults),
// with the seed's semantics: a step's data_source_bucket (an s3:// URI) holds its data folder and,
// with code_source_folder, its code (the stack lets the cluster read every bucket jobs name).
std::vector<Error> parse_seed_steps(std::string_view text, const std::string& file,
                                    Project& project, SourceMap& sources);

}  // namespace emrctl::config
