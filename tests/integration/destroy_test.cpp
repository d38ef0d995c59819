// destroy against the emulator, for what the CLI suite cannot set up: rules that EMR adds
// between a stack's security groups behind CloudFormation's back (CTest label `emulator`).

#include "emulator_fixture.hpp"

#include <emrctl/aws/services/cloudformation/stack_resources.hpp>
#include <emrctl/aws/services/ec2/security_groups.hpp>
#include <emrctl/deploy/project_destroy.hpp>
#include <emrctl/deploy/stack_deployment.hpp>

namespace emrctl::deploy {
namespace {

using Destroy = EmulatorTest;

constexpr const char* k_template = R"({
  "Resources": {
    "Primary": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "primary"}},
    "Core": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "core"}},
    "CoreFromPrimary": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
      "GroupId": {"Ref": "Core"}, "SourceSecurityGroupId": {"Ref": "Primary"},
      "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535}}
  }
})";

const Clock k_instant{.now = [] { return std::chrono::steady_clock::now(); },
                      .sleep = [](std::chrono::milliseconds) {}};

TEST_F(Destroy, RevokesTheRulesTheTemplateDoesNotDeclareAndDeletesTheStack) {
    const StackDeployment stack{.name = "links", .template_body = k_template};
    auto deployed = deploy_stack(*m_client, stack, {}, k_instant, {}, {});
    ASSERT_TRUE(deployed) << deployed.error().message;

    const aws::cloudformation::ListStackResourcesInput list{.stack_name = "links"};
    auto resources = m_client->call(
        Service::cloudformation,
        [&](const Endpoint& e) {
            return aws::cloudformation::make_list_stack_resources_request(list, e);
        },
        aws::cloudformation::parse_list_stack_resources_response);
    ASSERT_TRUE(resources) << resources.error().message;
    std::string primary, core;
    for (const auto& r : resources->resources) {
        if (r.logical_id == "Primary") primary = r.physical_id;
        if (r.logical_id == "Core") core = r.physical_id;
    }
    ASSERT_FALSE(primary.empty());
    ASSERT_FALSE(core.empty());

    // What EMR does when it starts a cluster: rules of its own between the groups.
    const aws::ec2::SecurityGroupRules emr_rule{
        .group_id = primary,
        .permissions = {{.ip_protocol = "udp",
                         .from_port = 0,
                         .to_port = 65535,
                         .user_id_group_pairs = {{.group_id = core}}}}};
    auto added = m_client->call(
        Service::ec2,
        [&](const Endpoint& e) {
            return aws::ec2::make_authorize_security_group_ingress_request(emr_rule, e);
        },
        aws::ec2::parse_authorize_security_group_ingress_response);
    ASSERT_TRUE(added) << added.error().message;

    const auto seq = last_seq();
    auto destroyed = destroy_project(*m_client, {.stacks = {stack}}, {}, k_instant, {});
    ASSERT_TRUE(destroyed) << destroyed.error().message;
    EXPECT_EQ(destroyed->revoked_rules, 1U);
    EXPECT_EQ(destroyed->deleted_stacks, std::vector<std::string>{"links"});
    EXPECT_EQ(count_requests(seq, "RevokeSecurityGroupIngress", "ec2"), 1U);

    auto again = destroy_project(*m_client, {.stacks = {stack}}, {}, k_instant, {});
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->missing_stacks, std::vector<std::string>{"links"});
}

}  // namespace
}  // namespace emrctl::deploy
