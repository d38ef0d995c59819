#pragma once

// `emrctl deploy` as a whole: every stack in order, and the assets published as soon as their
// bucket exists — alongside the stack still being created, since a cluster's bootstrap actions
// read their scripts before the cluster (and so the stack) can finish.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <emrctl/deploy/asset_publisher.hpp>
#include <emrctl/deploy/stack_deployment.hpp>

namespace emrctl::deploy {

struct ProjectDeployment {
    std::vector<StackDeployment> stacks;  // in deployment order
    std::vector<AssetFile> assets;
};

struct DeployedStack {
    std::string name;
    StackDeployResult result;
};

struct ProjectDeployResult {
    std::vector<DeployedStack> stacks;
    std::optional<PublishReport> published;  // none when the project has no assets
};

// `sink` is called from more than one thread, but never from two at once.
Result<ProjectDeployResult> deploy_project(const aws::Client& client,
                                           const ProjectDeployment& deployment,
                                           const DeployOptions& options,
                                           const PublishOptions& publish, const Clock& clock,
                                           const DeployEventSink& sink);

}  // namespace emrctl::deploy
