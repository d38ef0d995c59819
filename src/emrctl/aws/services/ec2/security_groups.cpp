#include <utility>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/services/ec2/ec2_protocol.hpp>
#include <emrctl/aws/services/ec2/security_groups.hpp>

namespace emrctl::aws::ec2 {

namespace {

constexpr auto k_describe = operation("DescribeSecurityGroups");
constexpr auto k_create = operation("CreateSecurityGroup");
constexpr auto k_authorize_ingress = operation("AuthorizeSecurityGroupIngress");
constexpr auto k_authorize_egress = operation("AuthorizeSecurityGroupEgress");
constexpr auto k_revoke_ingress = operation("RevokeSecurityGroupIngress");
constexpr auto k_revoke_egress = operation("RevokeSecurityGroupEgress");

constexpr std::string_view k_permission_not_found = "InvalidPermission.NotFound";
constexpr std::string_view k_group_not_found = "InvalidGroup.NotFound";

// ---- requests ----

// "<list>.<n>", n counting from 1: EC2's flattening of list element `index`.
std::string item_name(std::string_view list, std::size_t index) {
    return std::string(list) + "." + std::to_string(index + 1);
}

void add_if_set(protocol::QueryParams& params, std::string name, const std::string& value) {
    if (!value.empty()) params.add(std::move(name), value);
}

void add_permissions(protocol::QueryParams& params, const std::vector<IpPermission>& permissions) {
    for (std::size_t i = 0; i < permissions.size(); ++i) {
        const auto& permission = permissions[i];
        const auto prefix = item_name("IpPermissions", i) + ".";
        params.add(prefix + "IpProtocol", permission.ip_protocol);
        if (permission.from_port) {
            params.add(prefix + "FromPort", std::to_string(*permission.from_port));
        }
        if (permission.to_port) params.add(prefix + "ToPort", std::to_string(*permission.to_port));
        for (std::size_t j = 0; j < permission.user_id_group_pairs.size(); ++j) {
            const auto& pair = permission.user_id_group_pairs[j];
            const auto at = item_name(prefix + "Groups", j) + ".";
            add_if_set(params, at + "GroupId", pair.group_id);
            add_if_set(params, at + "UserId", pair.user_id);
            add_if_set(params, at + "Description", pair.description);
        }
        for (std::size_t j = 0; j < permission.ipv4_ranges.size(); ++j) {
            const auto& range = permission.ipv4_ranges[j];
            const auto at = item_name(prefix + "IpRanges", j) + ".";
            params.add(at + "CidrIp", range.cidr);
            add_if_set(params, at + "Description", range.description);
        }
        for (std::size_t j = 0; j < permission.ipv6_ranges.size(); ++j) {
            const auto& range = permission.ipv6_ranges[j];
            const auto at = item_name(prefix + "Ipv6Ranges", j) + ".";
            params.add(at + "CidrIpv6", range.cidr);
            add_if_set(params, at + "Description", range.description);
        }
        for (std::size_t j = 0; j < permission.prefix_list_ids.size(); ++j) {
            const auto& list = permission.prefix_list_ids[j];
            const auto at = item_name(prefix + "PrefixListIds", j) + ".";
            params.add(at + "PrefixListId", list.prefix_list_id);
            add_if_set(params, at + "Description", list.description);
        }
    }
}

HttpRequest make_rules_request(const protocol::Operation& op, const SecurityGroupRules& input,
                               const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    params.add("GroupId", input.group_id);
    add_permissions(params, input.permissions);
    return protocol::make_query_request(endpoint, op.name, k_api_version, params);
}

// ---- answers ----

std::vector<pugi::xml_node> items_at(pugi::xml_node node, std::string_view path) {
    return protocol::children_named(protocol::node_at(node, path), "item");
}

// A port, ICMP type or code; nullopt when absent or not an int.
std::optional<int> port_at(pugi::xml_node node, std::string_view path) {
    const auto value = protocol::int_at(node, path);
    if (!value || !std::in_range<int>(*value)) return std::nullopt;
    return static_cast<int>(*value);
}

std::vector<CidrRange> read_ranges(pugi::xml_node list, std::string_view cidr_field) {
    std::vector<CidrRange> out;
    for (const auto item : protocol::children_named(list, "item")) {
        out.push_back({.cidr = protocol::text_at(item, cidr_field),
                       .description = protocol::text_at(item, "description")});
    }
    return out;
}

std::vector<IpPermission> read_permissions(pugi::xml_node list) {
    using protocol::text_at;
    std::vector<IpPermission> out;
    for (const auto item : protocol::children_named(list, "item")) {
        IpPermission permission{.ip_protocol = text_at(item, "ipProtocol"),
                                .from_port = port_at(item, "fromPort"),
                                .to_port = port_at(item, "toPort"),
                                .ipv4_ranges = read_ranges(item.child("ipRanges"), "cidrIp"),
                                .ipv6_ranges = read_ranges(item.child("ipv6Ranges"), "cidrIpv6")};
        for (const auto prefix : items_at(item, "prefixListIds")) {
            permission.prefix_list_ids.push_back({.prefix_list_id = text_at(prefix, "prefixListId"),
                                                  .description = text_at(prefix, "description")});
        }
        for (const auto pair : items_at(item, "groups")) {
            permission.user_id_group_pairs.push_back({.group_id = text_at(pair, "groupId"),
                                                      .user_id = text_at(pair, "userId"),
                                                      .description = text_at(pair, "description")});
        }
        out.push_back(std::move(permission));
    }
    return out;
}

std::vector<Tag> read_tags(pugi::xml_node list) {
    std::vector<Tag> out;
    for (const auto item : protocol::children_named(list, "item")) {
        out.push_back(
            {.key = protocol::text_at(item, "key"), .value = protocol::text_at(item, "value")});
    }
    return out;
}

SecurityGroup read_group(pugi::xml_node node) {
    using protocol::text_at;
    return {.group_id = text_at(node, "groupId"),
            .group_name = text_at(node, "groupName"),
            .vpc_id = text_at(node, "vpcId"),
            .description = text_at(node, "groupDescription"),
            .owner_id = text_at(node, "ownerId"),
            .ingress = read_permissions(node.child("ipPermissions")),
            .egress = read_permissions(node.child("ipPermissionsEgress")),
            .tags = read_tags(node.child("tagSet"))};
}

// "tcp 22-22 from sg-1, 10.0.0.0/8": one rule as a person reads it, for error messages.
std::string describe_rule(const IpPermission& permission) {
    std::string out = permission.ip_protocol == "-1" ? "all traffic" : permission.ip_protocol;
    if (permission.from_port || permission.to_port) {
        out += " " + (permission.from_port ? std::to_string(*permission.from_port) : "?") + "-" +
               (permission.to_port ? std::to_string(*permission.to_port) : "?");
    }
    std::vector<std::string> peers;
    for (const auto& pair : permission.user_id_group_pairs)
        peers.push_back(pair.group_id);
    for (const auto& range : permission.ipv4_ranges)
        peers.push_back(range.cidr);
    for (const auto& range : permission.ipv6_ranges)
        peers.push_back(range.cidr);
    for (const auto& list : permission.prefix_list_ids)
        peers.push_back(list.prefix_list_id);
    for (std::size_t i = 0; i < peers.size(); ++i) {
        out += (i == 0 ? " with " : ", ") + peers[i];
    }
    return out;
}

// An error of the call made from what a successful answer said.
Error answer_error(const protocol::Operation& op, const protocol::HttpResponse& response,
                   const protocol::QueryResult& answer, std::string code, std::string message) {
    return protocol::aws_error(
        AwsDetail{.service = std::string(op.service),
                  .operation = std::string(op.name),
                  .code = std::move(code),
                  .message = std::move(message),
                  .request_id = protocol::text_at(answer.result, "requestId"),
                  .http_status = response.status});
}

// The answer of an Authorize or Revoke call: <return>true</return>, and for a revoke in a
// default VPC the rules it did not know.
Result<void> read_rules_answer(const protocol::Operation& op,
                               const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(op, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    const auto returned = answer->result.child("return");
    if (returned && protocol::text_of(returned) != "true") {
        return std::unexpected(
            answer_error(op, response, *answer, "ReturnedFalse",
                         "EC2 answered <return>" + protocol::text_of(returned) +
                             "</return>: the security group's rules may not have changed"));
    }
    const auto unknown = read_permissions(answer->result.child("unknownIpPermissionSet"));
    if (!unknown.empty()) {
        std::string rules;
        for (const auto& permission : unknown) {
            rules += (rules.empty() ? "" : "; ") + describe_rule(permission);
        }
        return std::unexpected(
            answer_error(op, response, *answer, std::string(k_permission_not_found),
                         "the group has no such rule, so it was not revoked: " + rules));
    }
    return ok();
}

bool has_code(const Error& error, std::string_view code) {
    return error.kind == ErrorKind::aws && error.aws && error.aws->code == code;
}

}  // namespace

HttpRequest make_describe_security_groups_request(const DescribeSecurityGroupsInput& input,
                                                  const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    for (std::size_t i = 0; i < input.group_ids.size(); ++i) {
        params.add(item_name("GroupId", i), input.group_ids[i]);
    }
    for (std::size_t i = 0; i < input.filters.size(); ++i) {
        const auto& filter = input.filters[i];
        const auto prefix = item_name("Filter", i) + ".";
        params.add(prefix + "Name", filter.name);
        for (std::size_t j = 0; j < filter.values.size(); ++j) {
            params.add(item_name(prefix + "Value", j), filter.values[j]);
        }
    }
    if (input.max_results) params.add("MaxResults", std::to_string(*input.max_results));
    add_if_set(params, "NextToken", input.next_token);
    return protocol::make_query_request(endpoint, k_describe.name, k_api_version, params);
}

Result<DescribeSecurityGroupsOutput> parse_describe_security_groups_response(
    const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_describe, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    DescribeSecurityGroupsOutput out{.next_token = protocol::text_at(answer->result, "nextToken")};
    for (const auto item : items_at(answer->result, "securityGroupInfo")) {
        out.security_groups.push_back(read_group(item));
    }
    return out;
}

HttpRequest make_create_security_group_request(const CreateSecurityGroupInput& input,
                                               const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    params.add("GroupName", input.group_name);
    params.add("GroupDescription", input.description);
    add_if_set(params, "VpcId", input.vpc_id);
    if (!input.tags.empty()) {
        params.add("TagSpecification.1.ResourceType", "security-group");
        for (std::size_t i = 0; i < input.tags.size(); ++i) {
            const auto prefix = item_name("TagSpecification.1.Tag", i) + ".";
            params.add(prefix + "Key", input.tags[i].key);
            params.add(prefix + "Value", input.tags[i].value);
        }
    }
    return protocol::make_query_request(endpoint, k_create.name, k_api_version, params);
}

Result<std::string> parse_create_security_group_response(const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_create, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    auto group_id = protocol::text_at(answer->result, "groupId");
    if (group_id.empty()) {
        return std::unexpected(
            protocol::malformed_response(k_create, response, "it names no <groupId>"));
    }
    return group_id;
}

HttpRequest make_authorize_security_group_ingress_request(const SecurityGroupRules& input,
                                                          const protocol::Endpoint& endpoint) {
    return make_rules_request(k_authorize_ingress, input, endpoint);
}

Result<void> parse_authorize_security_group_ingress_response(
    const protocol::HttpResponse& response) {
    return read_rules_answer(k_authorize_ingress, response);
}

HttpRequest make_authorize_security_group_egress_request(const SecurityGroupRules& input,
                                                         const protocol::Endpoint& endpoint) {
    return make_rules_request(k_authorize_egress, input, endpoint);
}

Result<void> parse_authorize_security_group_egress_response(
    const protocol::HttpResponse& response) {
    return read_rules_answer(k_authorize_egress, response);
}

HttpRequest make_revoke_security_group_ingress_request(const SecurityGroupRules& input,
                                                       const protocol::Endpoint& endpoint) {
    return make_rules_request(k_revoke_ingress, input, endpoint);
}

Result<void> parse_revoke_security_group_ingress_response(const protocol::HttpResponse& response) {
    return read_rules_answer(k_revoke_ingress, response);
}

HttpRequest make_revoke_security_group_egress_request(const SecurityGroupRules& input,
                                                      const protocol::Endpoint& endpoint) {
    return make_rules_request(k_revoke_egress, input, endpoint);
}

Result<void> parse_revoke_security_group_egress_response(const protocol::HttpResponse& response) {
    return read_rules_answer(k_revoke_egress, response);
}

bool is_permission_not_found(const Error& error) {
    return has_code(error, k_permission_not_found);
}

bool is_group_not_found(const Error& error) {
    return has_code(error, k_group_not_found);
}

}  // namespace emrctl::aws::ec2
