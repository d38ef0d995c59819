#include <gtest/gtest.h>

#include <emrctl/deploy/security_group_links.hpp>

namespace emrctl::deploy {
namespace {

namespace ec2 = aws::ec2;

const std::map<std::string, std::string> k_physical{
    {"Primary", "sg-p"}, {"Core", "sg-c"}, {"ServiceAccess", "sg-s"}};

// Two declared rules as emrctl's template writes them, and one inline.
constexpr const char* k_template = R"({
  "Resources": {
    "CoreFromPrimaryTCP": {"Type": "AWS::EC2::SecurityGroupIngress", "Properties": {
      "GroupId": {"Ref": "Core"}, "SourceSecurityGroupId": {"Ref": "Primary"},
      "IpProtocol": "tcp", "FromPort": 0, "ToPort": 65535}},
    "ServiceAccessToCore": {"Type": "AWS::EC2::SecurityGroupEgress", "Properties": {
      "GroupId": {"Ref": "ServiceAccess"}, "DestinationSecurityGroupId": {"Ref": "Core"},
      "IpProtocol": "tcp", "FromPort": "8443", "ToPort": "8443"}},
    "Primary": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
      "SecurityGroupIngress": [{"IpProtocol": "-1", "SourceSecurityGroupId": {"Ref": "Core"}}]}},
    "Bucket": {"Type": "AWS::S3::Bucket"}
  }
})";

ec2::IpPermission from_group(std::string protocol, int from, int to, std::string group) {
    ec2::IpPermission p{.ip_protocol = std::move(protocol)};
    if (p.ip_protocol != "-1") {
        p.from_port = from;
        p.to_port = to;
    }
    p.user_id_group_pairs = {{.group_id = std::move(group)}};
    return p;
}

TEST(SecurityGroupLinks, DeclaredLinksResolveRefsAndPortsWrittenAsStrings) {
    const auto links = declared_links(k_template, k_physical);
    EXPECT_EQ(links.size(), 3U);
    EXPECT_TRUE(links.contains({"sg-c", Direction::ingress, "tcp", 0, 65535, "sg-p"}));
    EXPECT_TRUE(links.contains({"sg-s", Direction::egress, "tcp", 8443, 8443, "sg-c"}));
    EXPECT_TRUE(links.contains({"sg-p", Direction::ingress, "-1", -1, -1, "sg-c"}));
}

TEST(SecurityGroupLinks, ATemplateThatIsNotJsonDeclaresNothing) {
    EXPECT_TRUE(declared_links("Resources: {}", k_physical).empty());
}

TEST(SecurityGroupLinks, OnlyRulesBetweenOurGroupsThatTheTemplateDoesNotDeclareAreUndeclared) {
    const std::vector<ec2::SecurityGroup> groups{
        {.group_id = "sg-c",
         .ingress = {from_group("tcp", 0, 65535, "sg-p"),          // declared
                     from_group("udp", 0, 65535, "sg-p"),          // added by EMR
                     from_group("tcp", 22, 22, "sg-elsewhere")}},  // not between our groups
        {.group_id = "sg-p", .ingress = {from_group("-1", 0, 0, "sg-c")}},  // declared inline
        {.group_id = "sg-s",
         .egress = {from_group("tcp", 8443, 8443, "sg-c"), from_group("tcp", 8443, 8443, "sg-p")}},
    };
    const auto links = undeclared_links(groups, declared_links(k_template, k_physical));
    ASSERT_EQ(links.size(), 2U);
    EXPECT_EQ(links[0], (GroupLink{"sg-c", Direction::ingress, "udp", 0, 65535, "sg-p"}));
    EXPECT_EQ(links[1], (GroupLink{"sg-s", Direction::egress, "tcp", 8443, 8443, "sg-p"}));
}

}  // namespace
}  // namespace emrctl::deploy
