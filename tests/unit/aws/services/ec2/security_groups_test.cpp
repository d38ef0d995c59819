#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/ec2/security_groups.hpp>

namespace emrctl::aws::ec2 {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;
using protocol::testing::header_of;

const auto k_endpoint = aws_endpoint("ec2.eu-west-3.amazonaws.com");

// Two EMR managed groups that reference each other, as DescribeSecurityGroups answers them.
constexpr auto k_two_groups = R"(<?xml version="1.0" encoding="UTF-8"?>
<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
    <securityGroupInfo>
        <item>
            <ownerId>123456789012</ownerId>
            <groupId>sg-0a1b2c3d4e5f60001</groupId>
            <groupName>siads516-emr-MasterSecurityGroup-1X2Y3Z</groupName>
            <groupDescription>EMR primary node &amp; friends</groupDescription>
            <vpcId>vpc-0123456789abcdef0</vpcId>
            <ipPermissions>
                <item>
                    <ipProtocol>tcp</ipProtocol>
                    <fromPort>0</fromPort>
                    <toPort>65535</toPort>
                    <groups>
                        <item>
                            <userId>123456789012</userId>
                            <groupId>sg-0a1b2c3d4e5f60002</groupId>
                            <groupName>siads516-emr-CoreSecurityGroup-4A5B6C</groupName>
                            <description>from core nodes</description>
                        </item>
                        <item>
                            <userId>123456789012</userId>
                            <groupId>sg-0a1b2c3d4e5f60001</groupId>
                        </item>
                    </groups>
                    <ipRanges/>
                    <ipv6Ranges/>
                    <prefixListIds/>
                </item>
                <item>
                    <ipProtocol>icmp</ipProtocol>
                    <fromPort>-1</fromPort>
                    <toPort>-1</toPort>
                    <groups/>
                    <ipRanges>
                        <item><cidrIp>10.0.0.0/16</cidrIp><description>VPC</description></item>
                        <item><cidrIp>192.168.1.0/24</cidrIp></item>
                    </ipRanges>
                    <ipv6Ranges>
                        <item><cidrIpv6>2001:db8::/32</cidrIpv6><description>v6</description></item>
                    </ipv6Ranges>
                    <prefixListIds>
                        <item><prefixListId>pl-63a5400a</prefixListId><description>S3</description></item>
                    </prefixListIds>
                </item>
            </ipPermissions>
            <ipPermissionsEgress>
                <item>
                    <ipProtocol>-1</ipProtocol>
                    <groups/>
                    <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                    <ipv6Ranges/>
                    <prefixListIds/>
                </item>
            </ipPermissionsEgress>
            <tagSet>
                <item><key>aws:cloudformation:stack-name</key><value>siads516-emr</value></item>
                <item><key>for-use-with-amazon-emr-managed-policies</key><value>true</value></item>
            </tagSet>
            <securityGroupArn>arn:aws:ec2:eu-west-3:123456789012:security-group/sg-0a1b2c3d4e5f60001</securityGroupArn>
        </item>
        <item>
            <ownerId>123456789012</ownerId>
            <groupId>sg-0a1b2c3d4e5f60002</groupId>
            <groupName>siads516-emr-CoreSecurityGroup-4A5B6C</groupName>
            <groupDescription>EMR core nodes</groupDescription>
            <vpcId>vpc-0123456789abcdef0</vpcId>
            <ipPermissions/>
            <ipPermissionsEgress/>
        </item>
    </securityGroupInfo>
    <nextToken>eyJ2IjoiMiIsImMiOiJ0b2tlbiJ9</nextToken>
</DescribeSecurityGroupsResponse>)";

TEST(DescribeSecurityGroups, FlattensIdsAndFiltersWithoutMember) {
    const auto request = make_describe_security_groups_request(
        {.group_ids = {"sg-1", "sg-2"},
         .filters = {{.name = "vpc-id", .values = {"vpc-1"}},
                     {.name = "tag:aws:cloudformation:stack-name", .values = {"a b", "c"}}}},
        k_endpoint);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/");
    EXPECT_EQ(header_of(request, "Content-Type"),
              "application/x-www-form-urlencoded; charset=utf-8");
    EXPECT_EQ(request.body,
              "Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=sg-1&GroupId.2=sg-2&"
              "Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1&"
              "Filter.2.Name=tag%3Aaws%3Acloudformation%3Astack-name&Filter.2.Value.1=a%20b&"
              "Filter.2.Value.2=c");
}

TEST(DescribeSecurityGroups, SendsPagingOnlyWhenGiven) {
    EXPECT_EQ(make_describe_security_groups_request({}, k_endpoint).body,
              "Action=DescribeSecurityGroups&Version=2016-11-15");
    EXPECT_EQ(
        make_describe_security_groups_request({.next_token = "t2", .max_results = 5}, k_endpoint)
            .body,
        "Action=DescribeSecurityGroups&Version=2016-11-15&MaxResults=5&NextToken=t2");
}

TEST(DescribeSecurityGroups, ReadsGroupsRulesPairsAndTagsUnderTheNamespace) {
    const auto output = parse_describe_security_groups_response(answer(200, k_two_groups));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->next_token, "eyJ2IjoiMiIsImMiOiJ0b2tlbiJ9");
    ASSERT_EQ(output->security_groups.size(), 2u);

    const auto& primary = output->security_groups[0];
    EXPECT_EQ(primary.group_id, "sg-0a1b2c3d4e5f60001");
    EXPECT_EQ(primary.group_name, "siads516-emr-MasterSecurityGroup-1X2Y3Z");
    EXPECT_EQ(primary.description, "EMR primary node & friends");
    EXPECT_EQ(primary.vpc_id, "vpc-0123456789abcdef0");
    EXPECT_EQ(primary.owner_id, "123456789012");
    EXPECT_EQ(primary.tags,
              (std::vector<Tag>{{"aws:cloudformation:stack-name", "siads516-emr"},
                                {"for-use-with-amazon-emr-managed-policies", "true"}}));

    ASSERT_EQ(primary.ingress.size(), 2u);
    const auto& from_groups = primary.ingress[0];
    EXPECT_EQ(from_groups.ip_protocol, "tcp");
    EXPECT_EQ(from_groups.from_port, 0);
    EXPECT_EQ(from_groups.to_port, 65535);
    EXPECT_EQ(
        from_groups.user_id_group_pairs,
        (std::vector<UserIdGroupPair>{{"sg-0a1b2c3d4e5f60002", "123456789012", "from core nodes"},
                                      {"sg-0a1b2c3d4e5f60001", "123456789012", ""}}));
    EXPECT_TRUE(from_groups.ipv4_ranges.empty());
    EXPECT_TRUE(from_groups.ipv6_ranges.empty());
    EXPECT_TRUE(from_groups.prefix_list_ids.empty());

    const auto& icmp = primary.ingress[1];
    EXPECT_EQ(icmp.ip_protocol, "icmp");
    EXPECT_EQ(icmp.from_port, -1);
    EXPECT_EQ(icmp.to_port, -1);
    EXPECT_EQ(icmp.ipv4_ranges,
              (std::vector<CidrRange>{{"10.0.0.0/16", "VPC"}, {"192.168.1.0/24", ""}}));
    EXPECT_EQ(icmp.ipv6_ranges, (std::vector<CidrRange>{{"2001:db8::/32", "v6"}}));
    EXPECT_EQ(icmp.prefix_list_ids, (std::vector<PrefixListRef>{{"pl-63a5400a", "S3"}}));
    EXPECT_TRUE(icmp.user_id_group_pairs.empty());

    ASSERT_EQ(primary.egress.size(), 1u);
    EXPECT_EQ(primary.egress[0],
              (IpPermission{.ip_protocol = "-1", .ipv4_ranges = {{"0.0.0.0/0", ""}}}));
    EXPECT_FALSE(primary.egress[0].from_port);

    const auto& core = output->security_groups[1];
    EXPECT_EQ(core.group_id, "sg-0a1b2c3d4e5f60002");
    EXPECT_TRUE(core.ingress.empty());
    EXPECT_TRUE(core.egress.empty());
    EXPECT_TRUE(core.tags.empty());
}

TEST(DescribeSecurityGroups, ReadsTheLastPageWithNoGroupsAndNoToken) {
    const auto output = parse_describe_security_groups_response(
        answer(200,
               "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
               "<requestId>r</requestId><securityGroupInfo/></DescribeSecurityGroupsResponse>"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_TRUE(output->security_groups.empty());
    EXPECT_EQ(output->next_token, "");
}

TEST(DescribeSecurityGroups, LeavesAPortThatIsNotANumberUnset) {
    const auto output = parse_describe_security_groups_response(
        answer(200,
               "<DescribeSecurityGroupsResponse><securityGroupInfo><item><groupId>sg-1</groupId>"
               "<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>99999999999</fromPort>"
               "<toPort>x</toPort></item></ipPermissions></item></securityGroupInfo>"
               "</DescribeSecurityGroupsResponse>"));
    ASSERT_TRUE(output);
    ASSERT_EQ(output->security_groups.at(0).ingress.size(), 1u);
    EXPECT_FALSE(output->security_groups[0].ingress[0].from_port);
    EXPECT_FALSE(output->security_groups[0].ingress[0].to_port);
}

TEST(DescribeSecurityGroups, ReadsEc2sErrorDocumentAndRecognisesAMissingGroup) {
    const auto output = parse_describe_security_groups_response(
        answer(400, R"(<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>The security group 'sg-0123' does not exist</Message></Error></Errors><RequestID>d2c5e8f3-1a2b-4c3d-9e8f-EXAMPLE</RequestID></Response>)"));
    ASSERT_FALSE(output);
    const auto& error = output.error();
    EXPECT_EQ(error.kind, ErrorKind::aws);
    EXPECT_EQ(error.message,
              "ec2 DescribeSecurityGroups: InvalidGroup.NotFound: The security group 'sg-0123' "
              "does not exist (request id d2c5e8f3-1a2b-4c3d-9e8f-EXAMPLE)");
    ASSERT_TRUE(error.aws);
    EXPECT_EQ(error.aws->service, "ec2");
    EXPECT_EQ(error.aws->http_status, 400);
    EXPECT_TRUE(is_group_not_found(error));
    EXPECT_FALSE(is_permission_not_found(error));
}

TEST(DescribeSecurityGroups, SaysWhichPermissionIsMissingForUnauthorizedOperation) {
    const auto output = parse_describe_security_groups_response(
        answer(403,
               "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not "
               "authorized to perform this operation.</Message></Error></Errors><RequestID>r"
               "</RequestID></Response>"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().hint,
              "the credentials in use lack permission for DescribeSecurityGroups; allow "
              "ec2:DescribeSecurityGroups to the user or role they belong to, or use another "
              "--profile");
}

TEST(DescribeSecurityGroups, RejectsABodyThatIsNotXml) {
    const auto output = parse_describe_security_groups_response(answer(200, "<html><body"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().aws->code, "MalformedResponse");
}

// Ingress to the primary group from the core group and from a CIDR, and all traffic from itself.
const SecurityGroupRules k_rules{
    .group_id = "sg-primary",
    .permissions = {
        {.ip_protocol = "tcp",
         .from_port = 8443,
         .to_port = 8443,
         .ipv4_ranges = {{"10.0.0.0/16", "VPC"}},
         .ipv6_ranges = {{"::/0", ""}},
         .prefix_list_ids = {{"pl-63a5400a", ""}},
         .user_id_group_pairs = {{"sg-core", "123456789012", "core"}, {"sg-task", "", ""}}},
        {.ip_protocol = "-1", .user_id_group_pairs = {{.group_id = "sg-primary"}}},
    }};

constexpr std::string_view k_rules_body =
    "GroupId=sg-primary&"
    "IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=8443&IpPermissions.1.ToPort=8443&"
    "IpPermissions.1.Groups.1.GroupId=sg-core&IpPermissions.1.Groups.1.UserId=123456789012&"
    "IpPermissions.1.Groups.1.Description=core&IpPermissions.1.Groups.2.GroupId=sg-task&"
    "IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F16&IpPermissions.1.IpRanges.1.Description=VPC&"
    "IpPermissions.1.Ipv6Ranges.1.CidrIpv6=%3A%3A%2F0&"
    "IpPermissions.1.PrefixListIds.1.PrefixListId=pl-63a5400a&"
    "IpPermissions.2.IpProtocol=-1&IpPermissions.2.Groups.1.GroupId=sg-primary";

TEST(SecurityGroupRules, EncodeEveryPermissionAndPairTheSameWayForTheFourCalls) {
    const auto expect = [](std::string_view action) {
        return "Action=" + std::string(action) + "&Version=2016-11-15&" + std::string(k_rules_body);
    };
    EXPECT_EQ(make_revoke_security_group_ingress_request(k_rules, k_endpoint).body,
              expect("RevokeSecurityGroupIngress"));
    EXPECT_EQ(make_revoke_security_group_egress_request(k_rules, k_endpoint).body,
              expect("RevokeSecurityGroupEgress"));
    EXPECT_EQ(make_authorize_security_group_ingress_request(k_rules, k_endpoint).body,
              expect("AuthorizeSecurityGroupIngress"));
    EXPECT_EQ(make_authorize_security_group_egress_request(k_rules, k_endpoint).body,
              expect("AuthorizeSecurityGroupEgress"));
}

TEST(RevokeSecurityGroupIngress, SucceedsOnReturnTrue) {
    EXPECT_TRUE(parse_revoke_security_group_ingress_response(answer(200, R"(
<RevokeSecurityGroupIngressResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
  <return>true</return>
  <revokedSecurityGroupRuleSet>
    <item><securityGroupRuleId>sgr-0a1</securityGroupRuleId><groupId>sg-1</groupId></item>
  </revokedSecurityGroupRuleSet>
</RevokeSecurityGroupIngressResponse>)")));
}

TEST(RevokeSecurityGroupIngress, FailsOnReturnFalse) {
    const auto result = parse_revoke_security_group_ingress_response(
        answer(200,
               "<RevokeSecurityGroupIngressResponse><requestId>req-1</requestId>"
               "<return>false</return></RevokeSecurityGroupIngressResponse>"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message,
              "ec2 RevokeSecurityGroupIngress: ReturnedFalse: EC2 answered <return>false</return>: "
              "the security group's rules may not have changed (request id req-1)");
    EXPECT_FALSE(is_permission_not_found(result.error()));
}

TEST(RevokeSecurityGroupIngress, TurnsUnknownRulesOfADefaultVpcIntoPermissionNotFound) {
    const auto result = parse_revoke_security_group_ingress_response(answer(200, R"(
<RevokeSecurityGroupIngressResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>req-2</requestId>
  <return>true</return>
  <unknownIpPermissionSet>
    <item>
      <ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort>
      <groups><item><groupId>sg-core</groupId><userId>123456789012</userId></item></groups>
      <ipRanges><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>
    </item>
    <item><ipProtocol>-1</ipProtocol><ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges></item>
  </unknownIpPermissionSet>
</RevokeSecurityGroupIngressResponse>)"));
    ASSERT_FALSE(result);
    EXPECT_TRUE(is_permission_not_found(result.error()));
    EXPECT_EQ(result.error().message,
              "ec2 RevokeSecurityGroupIngress: InvalidPermission.NotFound: the group has no such "
              "rule, so it was not revoked: tcp 22-22 with sg-core, 10.0.0.0/8; all traffic with "
              "::/0 (request id req-2)");
}

TEST(RevokeSecurityGroupEgress, RecognisesInvalidPermissionNotFound) {
    const auto result = parse_revoke_security_group_egress_response(
        answer(400, R"(<?xml version="1.0" encoding="UTF-8"?>
<Response><Errors><Error><Code>InvalidPermission.NotFound</Code><Message>The specified rule does not exist in this security group.</Message></Error></Errors><RequestID>e1f2</RequestID></Response>)"));
    ASSERT_FALSE(result);
    EXPECT_TRUE(is_permission_not_found(result.error()));
    EXPECT_FALSE(is_group_not_found(result.error()));
    EXPECT_EQ(result.error().aws->operation, "RevokeSecurityGroupEgress");
    EXPECT_EQ(result.error().aws->request_id, "e1f2");
}

TEST(IsPermissionNotFound, MatchesOnlyAwsErrorsWithTheCode) {
    EXPECT_FALSE(is_permission_not_found(Error{.kind = ErrorKind::network, .message = "x"}));
    EXPECT_FALSE(is_group_not_found(Error{.kind = ErrorKind::network, .message = "x"}));
    Error other{.kind = ErrorKind::aws, .message = "x", .aws = AwsDetail{.code = "Throttling"}};
    EXPECT_FALSE(is_permission_not_found(other));
    EXPECT_FALSE(is_group_not_found(other));
}

TEST(AuthorizeSecurityGroupIngress, ReportsADuplicateRuleWithItsCode) {
    EXPECT_TRUE(parse_authorize_security_group_ingress_response(answer(
        200,
        "<AuthorizeSecurityGroupIngressResponse><return>true</return><securityGroupRuleSet>"
        "<item><securityGroupRuleId>sgr-1</securityGroupRuleId></item></securityGroupRuleSet>"
        "</AuthorizeSecurityGroupIngressResponse>")));
    const auto duplicate = parse_authorize_security_group_ingress_response(
        answer(400,
               "<Response><Errors><Error><Code>InvalidPermission.Duplicate</Code><Message>the "
               "specified rule \"peer: sg-core, TCP, from port: 22, to port: 22, ALLOW\" already "
               "exists</Message></Error></Errors><RequestID>r</RequestID></Response>"));
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().aws->code, "InvalidPermission.Duplicate");
    EXPECT_FALSE(parse_authorize_security_group_egress_response(
        answer(200,
               "<AuthorizeSecurityGroupEgressResponse><return>false</return>"
               "</AuthorizeSecurityGroupEgressResponse>")));
}

TEST(CreateSecurityGroup, SendsTheDescriptionAsGroupDescriptionAndTagsAsATagSpecification) {
    EXPECT_EQ(
        make_create_security_group_request({.group_name = "emrctl-it-a",
                                            .description = "integration & tests",
                                            .vpc_id = "vpc-1",
                                            .tags = {{"emrctl:project", "siads516"}}},
                                           k_endpoint)
            .body,
        "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=emrctl-it-a&"
        "GroupDescription=integration%20%26%20tests&VpcId=vpc-1&"
        "TagSpecification.1.ResourceType=security-group&"
        "TagSpecification.1.Tag.1.Key=emrctl%3Aproject&TagSpecification.1.Tag.1.Value=siads516");
    EXPECT_EQ(
        make_create_security_group_request({.group_name = "g", .description = "d"}, k_endpoint)
            .body,
        "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=g&GroupDescription=d");
}

TEST(CreateSecurityGroup, ReadsTheNewGroupsId) {
    const auto id = parse_create_security_group_response(answer(200, R"(
<CreateSecurityGroupResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
   <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
   <return>true</return>
   <groupId>sg-0a42d66a</groupId>
</CreateSecurityGroupResponse>)"));
    ASSERT_TRUE(id) << id.error().message;
    EXPECT_EQ(*id, "sg-0a42d66a");
}

TEST(CreateSecurityGroup, RejectsAnAnswerWithoutAGroupId) {
    const auto id = parse_create_security_group_response(
        answer(200,
               "<CreateSecurityGroupResponse><return>true</return>"
               "</CreateSecurityGroupResponse>"));
    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().aws->code, "MalformedResponse");
    const auto duplicate = parse_create_security_group_response(
        answer(400,
               "<Response><Errors><Error><Code>InvalidGroup.Duplicate</Code><Message>The security "
               "group 'g' already exists for VPC 'vpc-1'</Message></Error></Errors><RequestID>r"
               "</RequestID></Response>"));
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().aws->code, "InvalidGroup.Duplicate");
    EXPECT_FALSE(is_group_not_found(duplicate.error()));
}

}  // namespace
}  // namespace emrctl::aws::ec2
