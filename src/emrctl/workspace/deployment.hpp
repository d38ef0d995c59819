#pragma once

// What deploy needs from a synthesized project: each stack's template and tags, the files to
// publish with their hashes, and which buckets those go to.

#include <emrctl/deploy/project_deployment.hpp>
#include <emrctl/workspace/project_loader.hpp>
#include <emrctl/workspace/synth.hpp>

namespace emrctl::workspace {

deploy::ProjectDeployment deployment_of(const LoadedProject& loaded, const SynthResult& synth);

}  // namespace emrctl::workspace
