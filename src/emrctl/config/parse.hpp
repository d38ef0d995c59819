#pragma once

// The strict parse of emrctl.yaml: reads the text over a defaulted project, so anything the file
// leaves out keeps its default. Unknown keys and wrong types are problems; values are checked
// later by validate().

#include <string>
#include <string_view>

#include <emrctl/config/project.hpp>
#include <emrctl/config/source_map.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::config {

// Reads `text` (the contents of `file`) into `project`, recording positions in `sources`.
// Returns every problem found, or nothing.
std::vector<Error> parse_project(std::string_view text, const std::string& file, Project& project,
                                 SourceMap& sources);

}  // namespace emrctl::config
