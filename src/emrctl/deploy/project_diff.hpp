#pragma once

// `emrctl diff`: what a deploy would change, without changing anything — each stack's
// synthesized template against the one CloudFormation holds (GetTemplate, as submitted), and
// the assets against what was published.

#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/cfn/template_diff.hpp>
#include <emrctl/deploy/asset_publisher.hpp>
#include <emrctl/deploy/project_deployment.hpp>

namespace emrctl::deploy {

struct StackDiff {
    std::string stack;
    bool deployed = false;
    cfn::TemplateDiff diff;
};

struct ProjectDiff {
    std::vector<StackDiff> stacks;
    PublishPlan assets;
    bool buckets_exist = true;  // false: every asset would be uploaded to buckets yet to be made

    bool empty() const;
};

Result<ProjectDiff> diff_project(const aws::Client& client, const ProjectDeployment& deployment);

}  // namespace emrctl::deploy
