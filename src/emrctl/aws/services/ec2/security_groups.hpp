#pragma once

// EC2 security groups and their rules: what `emrctl destroy` needs to take apart groups that
// reference each other (EMR's managed groups do), so CloudFormation can delete them. Describe the
// groups (DescribeSecurityGroups), revoke their rules (RevokeSecurityGroupIngress / Egress); and,
// to set such groups up, create them (CreateSecurityGroup) and add rules
// (AuthorizeSecurityGroupIngress / Egress).
//
// A rule is sent as the IpPermission it was described as: the revoke calls take what
// DescribeSecurityGroups returned, descriptions included (AWS ignores them when matching; moto
// needs a source group's description to match).

#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::ec2 {

struct Tag {
    std::string key;
    std::string value;
    bool operator==(const Tag&) const = default;
};

// An IPv4 range (CidrIp) or an IPv6 range (CidrIpv6), with the rule's description.
struct CidrRange {
    std::string cidr;  // "10.0.0.0/16", "::/0"
    std::string description;
    bool operator==(const CidrRange&) const = default;
};

struct PrefixListRef {
    std::string prefix_list_id;  // "pl-63a5400a"
    std::string description;
    bool operator==(const PrefixListRef&) const = default;
};

// Another security group as the source (ingress) or destination (egress) of a rule.
struct UserIdGroupPair {
    std::string group_id;
    std::string user_id;  // the account owning group_id; empty: the caller's
    std::string description;
    bool operator==(const UserIdGroupPair&) const = default;
};

// Traffic of one protocol and port range, to or from every range, prefix list and group listed.
struct IpPermission {
    std::string ip_protocol;  // "-1" (everything), "tcp", "udp", "icmp", "icmpv6", or a number
    // The port range for tcp and udp, the ICMP type and code for icmp; absent for "-1".
    std::optional<int> from_port;
    std::optional<int> to_port;
    std::vector<CidrRange> ipv4_ranges;
    std::vector<CidrRange> ipv6_ranges;
    std::vector<PrefixListRef> prefix_list_ids;
    std::vector<UserIdGroupPair> user_id_group_pairs;
    bool operator==(const IpPermission&) const = default;
};

struct SecurityGroup {
    std::string group_id;
    std::string group_name;
    std::string vpc_id;
    std::string description;
    std::string owner_id;
    std::vector<IpPermission> ingress;  // ipPermissions
    std::vector<IpPermission> egress;   // ipPermissionsEgress
    std::vector<Tag> tags;
};

// A DescribeSecurityGroups filter: "vpc-id", "group-name", "tag:aws:cloudformation:stack-name"…
// A group matches when it matches any of the values of every filter.
struct Filter {
    std::string name;
    std::vector<std::string> values;
};

struct DescribeSecurityGroupsInput {
    std::vector<std::string> group_ids;  // empty: every group the filters match
    std::vector<Filter> filters;
    std::string next_token;
    // 5 to 1000 groups a page; AWS rejects it together with group_ids.
    std::optional<int> max_results;
};

struct DescribeSecurityGroupsOutput {
    std::vector<SecurityGroup> security_groups;
    std::string next_token;  // empty on the last page
};

// A group id that does not exist answers InvalidGroup.NotFound (is_group_not_found).
HttpRequest make_describe_security_groups_request(const DescribeSecurityGroupsInput& input,
                                                  const protocol::Endpoint& endpoint);
Result<DescribeSecurityGroupsOutput> parse_describe_security_groups_response(
    const protocol::HttpResponse& response);

struct CreateSecurityGroupInput {
    std::string group_name;
    std::string description;  // required by EC2
    std::string vpc_id;       // empty: the region's default VPC
    std::vector<Tag> tags;    // sent as a TagSpecification of resource type security-group
};

// The new group's id.
HttpRequest make_create_security_group_request(const CreateSecurityGroupInput& input,
                                               const protocol::Endpoint& endpoint);
Result<std::string> parse_create_security_group_response(const protocol::HttpResponse& response);

// The rules to add to or take from one group: the input of the four Authorize/Revoke calls.
struct SecurityGroupRules {
    std::string group_id;
    std::vector<IpPermission> permissions;
};

// Adding a rule the group already has answers InvalidPermission.Duplicate.
HttpRequest make_authorize_security_group_ingress_request(const SecurityGroupRules& input,
                                                          const protocol::Endpoint& endpoint);
Result<void> parse_authorize_security_group_ingress_response(
    const protocol::HttpResponse& response);

HttpRequest make_authorize_security_group_egress_request(const SecurityGroupRules& input,
                                                         const protocol::Endpoint& endpoint);
Result<void> parse_authorize_security_group_egress_response(const protocol::HttpResponse& response);

// Revoking a rule the group does not have fails with InvalidPermission.NotFound, whatever the
// VPC: outside a default VPC EC2 answers that code (and revokes nothing); in a default VPC it
// answers 200, revokes the rules it knows and lists the others in <unknownIpPermissionSet>, which
// the parser turns into that error. An answer of <return>false</return> is an error too.
HttpRequest make_revoke_security_group_ingress_request(const SecurityGroupRules& input,
                                                       const protocol::Endpoint& endpoint);
Result<void> parse_revoke_security_group_ingress_response(const protocol::HttpResponse& response);

HttpRequest make_revoke_security_group_egress_request(const SecurityGroupRules& input,
                                                      const protocol::Endpoint& endpoint);
Result<void> parse_revoke_security_group_egress_response(const protocol::HttpResponse& response);

// InvalidPermission.NotFound: a rule to revoke is not in the group (any more).
bool is_permission_not_found(const Error& error);

// InvalidGroup.NotFound: the group does not exist (any more), from any security-group call.
bool is_group_not_found(const Error& error);

}  // namespace emrctl::aws::ec2
