// EC2 security groups against the emulator (CTest label `emulator`): what `emrctl destroy` does to
// groups that reference each other — describe them, revoke the rules naming the other group as
// they were described, and treat a rule already gone as such — over real HTTP, signed.

#include <algorithm>
#include <string>
#include <vector>

#include "emulator_client.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/ec2/security_groups.hpp>

namespace emrctl::aws {
namespace {

class Ec2SecurityGroups : public ::testing::Test {
  protected:
    void SetUp() override {
        m_endpoint = emulator_endpoint();
        if (m_endpoint.empty()) GTEST_SKIP() << "EMRCTL_EMULATOR_DIR is not set: run via ctest";
        m_client = std::make_unique<Client>(m_endpoint, "testing", "testing");
        m_client->control(m_endpoint, "reset", "{}");
    }

    Result<std::string> create(const std::string& name) {
        auto answer = m_client->send(Service::ec2, [&](const protocol::Endpoint& e) {
            return ec2::make_create_security_group_request(
                {.group_name = name,
                 .description = "emrctl integration test",
                 .tags = {{"emrctl:test", "ec2_test"}}},
                e);
        });
        if (!answer) return std::unexpected(answer.error());
        return ec2::parse_create_security_group_response(*answer);
    }

    Result<ec2::DescribeSecurityGroupsOutput> describe(const ec2::DescribeSecurityGroupsInput& in) {
        auto answer = m_client->send(Service::ec2, [&](const protocol::Endpoint& e) {
            return ec2::make_describe_security_groups_request(in, e);
        });
        if (!answer) return std::unexpected(answer.error());
        return ec2::parse_describe_security_groups_response(*answer);
    }

    Result<ec2::SecurityGroup> describe_one(const std::string& group_id) {
        auto out = describe({.group_ids = {group_id}});
        if (!out) return std::unexpected(out.error());
        if (out->security_groups.size() != 1) {
            return fail(ErrorKind::internal, "expected one group for " + group_id);
        }
        return out->security_groups[0];
    }

    using MakeRules = HttpRequest (*)(const ec2::SecurityGroupRules&, const protocol::Endpoint&);
    using ParseRules = Result<void> (*)(const protocol::HttpResponse&);

    Result<void> call(MakeRules make, ParseRules parse, const ec2::SecurityGroupRules& rules) {
        auto answer = m_client->send(Service::ec2,
                                     [&](const protocol::Endpoint& e) { return make(rules, e); });
        if (!answer) return std::unexpected(answer.error());
        return parse(*answer);
    }

    std::string m_endpoint;
    std::unique_ptr<Client> m_client;
};

// The rules of `permissions` that name `group_id` as their peer.
std::vector<ec2::IpPermission> naming(const std::vector<ec2::IpPermission>& permissions,
                                      const std::string& group_id) {
    std::vector<ec2::IpPermission> out;
    for (const auto& permission : permissions) {
        const auto& pairs = permission.user_id_group_pairs;
        if (std::any_of(pairs.begin(), pairs.end(),
                        [&](const ec2::UserIdGroupPair& p) { return p.group_id == group_id; })) {
            out.push_back(permission);
        }
    }
    return out;
}

TEST_F(Ec2SecurityGroups, RevokesRulesBetweenGroupsAsDescribedAndKnowsWhenTheyAreGone) {
    const auto primary = create("emrctl-it-primary");
    ASSERT_TRUE(primary) << primary.error().message;
    const auto core = create("emrctl-it-core");
    ASSERT_TRUE(core) << core.error().message;
    EXPECT_TRUE(primary->starts_with("sg-")) << *primary;

    // GIVEN the primary group lets the core group in on two ports and itself in on everything,
    // and may talk to the core group on 443
    const ec2::SecurityGroupRules ingress{
        .group_id = *primary,
        .permissions = {{.ip_protocol = "tcp",
                         .from_port = 8443,
                         .to_port = 8443,
                         .ipv4_ranges = {{"10.0.0.0/16", "vpc"}},
                         .user_id_group_pairs = {{.group_id = *core, .description = "from core"}}},
                        {.ip_protocol = "-1", .user_id_group_pairs = {{.group_id = *primary}}}}};
    auto authorized = call(ec2::make_authorize_security_group_ingress_request,
                           ec2::parse_authorize_security_group_ingress_response, ingress);
    ASSERT_TRUE(authorized) << authorized.error().message;
    const ec2::SecurityGroupRules egress{
        .group_id = *primary,
        .permissions = {{.ip_protocol = "tcp",
                         .from_port = 443,
                         .to_port = 443,
                         .user_id_group_pairs = {{.group_id = *core}}}}};
    authorized = call(ec2::make_authorize_security_group_egress_request,
                      ec2::parse_authorize_security_group_egress_response, egress);
    ASSERT_TRUE(authorized) << authorized.error().message;

    // WHEN it is described THEN the pairs come back with the owner's account
    auto described = describe_one(*primary);
    ASSERT_TRUE(described) << described.error().message;
    EXPECT_EQ(described->group_name, "emrctl-it-primary");
    EXPECT_EQ(described->description, "emrctl integration test");
    EXPECT_TRUE(described->vpc_id.starts_with("vpc-")) << described->vpc_id;
    EXPECT_EQ(described->owner_id, "123456789012");
    EXPECT_EQ(described->tags, (std::vector<ec2::Tag>{{"emrctl:test", "ec2_test"}}));
    const auto from_core = naming(described->ingress, *core);
    ASSERT_EQ(from_core.size(), 1u);
    EXPECT_EQ(from_core[0].ip_protocol, "tcp");
    EXPECT_EQ(from_core[0].from_port, 8443);
    EXPECT_EQ(from_core[0].to_port, 8443);
    ASSERT_EQ(from_core[0].user_id_group_pairs.size(), 1u);
    EXPECT_EQ(from_core[0].user_id_group_pairs[0].user_id, "123456789012");
    EXPECT_EQ(from_core[0].user_id_group_pairs[0].description, "from core");
    const auto from_itself = naming(described->ingress, *primary);
    ASSERT_EQ(from_itself.size(), 1u);
    EXPECT_EQ(from_itself[0].ip_protocol, "-1");
    EXPECT_FALSE(from_itself[0].from_port);
    const auto to_core = naming(described->egress, *core);
    ASSERT_EQ(to_core.size(), 1u);
    EXPECT_EQ(to_core[0].from_port, 443);

    // and the filters destroy uses find both groups
    auto tagged = describe({.filters = {{.name = "tag:emrctl:test", .values = {"ec2_test"}},
                                        {.name = "vpc-id", .values = {described->vpc_id}}}});
    ASSERT_TRUE(tagged) << tagged.error().message;
    EXPECT_EQ(tagged->security_groups.size(), 2u);

    // WHEN every described rule is revoked as described
    const ec2::SecurityGroupRules all_ingress{.group_id = *primary,
                                              .permissions = described->ingress};
    auto revoked = call(ec2::make_revoke_security_group_ingress_request,
                        ec2::parse_revoke_security_group_ingress_response, all_ingress);
    ASSERT_TRUE(revoked) << revoked.error().message;
    const ec2::SecurityGroupRules core_egress{.group_id = *primary, .permissions = to_core};
    revoked = call(ec2::make_revoke_security_group_egress_request,
                   ec2::parse_revoke_security_group_egress_response, core_egress);
    ASSERT_TRUE(revoked) << revoked.error().message;

    // THEN they are gone, and the default egress rule stays
    described = describe_one(*primary);
    ASSERT_TRUE(described) << described.error().message;
    EXPECT_TRUE(described->ingress.empty());
    EXPECT_TRUE(naming(described->egress, *core).empty());
    EXPECT_EQ(described->egress.size(), 1u);

    // and revoking them again says they are not found
    revoked = call(ec2::make_revoke_security_group_ingress_request,
                   ec2::parse_revoke_security_group_ingress_response, all_ingress);
    ASSERT_FALSE(revoked);
    EXPECT_TRUE(ec2::is_permission_not_found(revoked.error())) << revoked.error().message;
    revoked = call(ec2::make_revoke_security_group_egress_request,
                   ec2::parse_revoke_security_group_egress_response, core_egress);
    ASSERT_FALSE(revoked);
    EXPECT_TRUE(ec2::is_permission_not_found(revoked.error())) << revoked.error().message;
}

TEST_F(Ec2SecurityGroups, AMissingGroupIsRecognised) {
    auto described = describe({.group_ids = {"sg-0123456789abcdef0"}});
    ASSERT_FALSE(described);
    EXPECT_TRUE(ec2::is_group_not_found(described.error())) << described.error().message;

    auto revoked =
        call(ec2::make_revoke_security_group_ingress_request,
             ec2::parse_revoke_security_group_ingress_response,
             {.group_id = "sg-0123456789abcdef0",
              .permissions = {{.ip_protocol = "-1", .ipv4_ranges = {{"0.0.0.0/0", ""}}}}});
    ASSERT_FALSE(revoked);
    EXPECT_TRUE(ec2::is_group_not_found(revoked.error())) << revoked.error().message;
    EXPECT_FALSE(ec2::is_permission_not_found(revoked.error()));
}

}  // namespace
}  // namespace emrctl::aws
