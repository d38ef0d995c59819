#pragma once

// Context overrides from the command line (`-c key=value`, as in CDK): the seed's parameter names
// (cidr, max_azs, naming_prefix, naming_suffix, instance_type, instance_consumption,
// nb_core_instances, existing_data_buckets) and the project file's own dotted keys
// (cluster.core.count=3). They are read by the same strict parser as the file, after it.

#include <string>
#include <vector>

#include <emrctl/config/project.hpp>
#include <emrctl/config/source_map.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::config {

std::vector<Error> apply_overrides(const std::vector<std::string>& assignments, Project& project,
                                   SourceMap& sources);

}  // namespace emrctl::config
