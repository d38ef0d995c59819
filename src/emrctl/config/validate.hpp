#pragma once

// Validation: the second pass over a parsed, defaulted project. Checks values against what AWS
// and EMR accept and against the project's files; reports every problem at the place it was
// written, with a fix.

#include <vector>

#include <emrctl/config/file_facts.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/config/source_map.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::config {

std::vector<Error> validate(const Project& project, const SourceMap& sources,
                            const FileFacts& files);

// The subnet prefix length a VPC of `vpc_prefix` gets when split into `subnets` equal subnets.
int subnet_prefix(int vpc_prefix, int subnets);

}  // namespace emrctl::config
