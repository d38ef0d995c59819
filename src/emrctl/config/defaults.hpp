#pragma once

// Every default of a project, in one place. `emrctl validate --explain` prints a project after
// these have been applied, so what is written here is what users see.

#include <string_view>

#include <emrctl/config/project.hpp>
#include <emrctl/config/source_map.hpp>

namespace emrctl::config {

// The newest EMR 7.x release label (Spark 3.5) as of late 2026.
inline constexpr std::string_view k_default_release = "emr-7.14.0";

// What an emrctl.yaml leaves unsaid.
Project native_defaults();
Job native_job_defaults();

// Defaults that depend on what the project wrote: the Spark runtime releases (emr-spark-8.x)
// ship no Hadoop, so their default applications are Spark alone. Runs after parsing and
// overrides; `sources` tells what was written.
void apply_derived_defaults(Project& project, const SourceMap& sources);

// What the seed CDK app used (m4.large SPOT, two core nodes, 172.16.0.0/22, one AZ); its
// naming prefix was "default".
Project seed_defaults();

}  // namespace emrctl::config
