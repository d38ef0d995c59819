#pragma once

// `emrctl validate --explain`: the project with every default filled in, as YAML a person can
// copy back into emrctl.yaml; values the project did not write are marked "# default".

#include <string>

#include <emrctl/config/project.hpp>
#include <emrctl/config/source_map.hpp>

namespace emrctl::config {

std::string explain(const Project& project, const SourceMap& sources);

}  // namespace emrctl::config
