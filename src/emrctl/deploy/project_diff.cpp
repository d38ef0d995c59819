#include <algorithm>

#include <emrctl/aws/services/cloudformation/get_template.hpp>
#include <emrctl/aws/services/cloudformation/stacks.hpp>
#include <emrctl/deploy/bucket_exists.hpp>
#include <emrctl/deploy/project_diff.hpp>
#include <emrctl/deploy/stack_deployment.hpp>

namespace emrctl::deploy {

namespace cf = aws::cloudformation;
using aws::Service;
using aws::protocol::Endpoint;

namespace {

// The template the stack runs; "" when there is no stack (or only a change set never run).
Result<std::string> deployed_template(const aws::Client& client, const std::string& stack) {
    auto current = describe_stack(client, stack);
    if (!current) return std::unexpected(current.error());
    if (!*current || (*current)->status == "REVIEW_IN_PROGRESS") return std::string{};
    const cf::GetTemplateInput input{.stack_name = stack};
    auto got = client.call(
        Service::cloudformation,
        [&](const Endpoint& e) { return cf::make_get_template_request(input, e); },
        cf::parse_get_template_response);
    if (!got) return std::unexpected(got.error());
    return std::move(got->template_body);
}

Result<bool> all_buckets_exist(const aws::Client& client, const std::vector<AssetFile>& assets) {
    std::vector<std::string> buckets;
    for (const auto& a : assets) {
        if (std::find(buckets.begin(), buckets.end(), a.bucket) == buckets.end()) {
            buckets.push_back(a.bucket);
        }
    }
    return buckets_exist(client, buckets);
}

}  // namespace

bool ProjectDiff::empty() const {
    for (const auto& s : stacks) {
        if (!s.diff.empty()) return false;
    }
    return assets.upload.empty() && assets.remove.empty();
}

Result<ProjectDiff> diff_project(const aws::Client& client, const ProjectDeployment& deployment) {
    ProjectDiff result;
    for (const auto& stack : deployment.stacks) {
        auto deployed = deployed_template(client, stack.name);
        if (!deployed) return std::unexpected(deployed.error());
        auto diff = cfn::diff_templates(*deployed, stack.template_body);
        if (!diff) {
            return std::unexpected(
                add_context(std::move(diff.error()), "while comparing stack " + stack.name));
        }
        result.stacks.push_back(
            {.stack = stack.name, .deployed = !deployed->empty(), .diff = std::move(*diff)});
    }
    auto exist = all_buckets_exist(client, deployment.assets);
    if (!exist) return std::unexpected(exist.error());
    result.buckets_exist = *exist;
    if (*exist) {
        auto plan = plan_publish(client, deployment.assets);
        if (!plan) return std::unexpected(plan.error());
        result.assets = std::move(*plan);
    } else {
        result.assets.upload = deployment.assets;
        for (const auto& a : deployment.assets)
            result.assets.upload_bytes += a.size;
    }
    return result;
}

}  // namespace emrctl::deploy
