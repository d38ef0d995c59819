#include <algorithm>

#include <nlohmann/json.hpp>

#include <emrctl/deploy/security_group_links.hpp>

namespace emrctl::deploy {

namespace ec2 = aws::ec2;
using aws::Service;
using aws::protocol::Endpoint;

namespace {

// A group named by a Ref to a logical id, or by its id outright.
std::string group_of(const nlohmann::json& value,
                     const std::map<std::string, std::string>& physical) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object() && value.contains("Ref") && value["Ref"].is_string()) {
        const auto found = physical.find(value["Ref"].get<std::string>());
        if (found != physical.end()) return found->second;
    }
    if (value.is_object() && value.contains("Fn::GetAtt") && value["Fn::GetAtt"].is_array() &&
        !value["Fn::GetAtt"].empty() && value["Fn::GetAtt"][0].is_string()) {
        const auto found = physical.find(value["Fn::GetAtt"][0].get<std::string>());
        if (found != physical.end()) return found->second;
    }
    return {};
}

int port(const nlohmann::json& rule, const char* name) {
    if (!rule.contains(name)) return -1;
    const auto& v = rule[name];
    if (v.is_number_integer()) return v.get<int>();
    if (v.is_string()) {
        try {
            return std::stoi(v.get<std::string>());
        } catch (const std::exception&) {
            return -1;
        }
    }
    return -1;
}

std::string protocol_of(const nlohmann::json& rule) {
    if (!rule.contains("IpProtocol")) return {};
    const auto& v = rule["IpProtocol"];
    std::string p = v.is_string() ? v.get<std::string>() : v.dump();
    if (p == "6") return "tcp";
    if (p == "17") return "udp";
    if (p == "1") return "icmp";
    return p;
}

void add_rule(std::set<GroupLink>& links, const std::string& group, Direction direction,
              const nlohmann::json& rule, const std::map<std::string, std::string>& physical) {
    const char* other_key =
        direction == Direction::ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId";
    if (!rule.is_object() || !rule.contains(other_key)) return;
    const auto other = group_of(rule[other_key], physical);
    if (group.empty() || other.empty()) return;
    const auto protocol = protocol_of(rule);
    const bool all = protocol == "-1";
    links.insert({.group = group,
                  .direction = direction,
                  .protocol = protocol,
                  .from_port = all ? -1 : port(rule, "FromPort"),
                  .to_port = all ? -1 : port(rule, "ToPort"),
                  .other = other});
}

}  // namespace

std::set<GroupLink> declared_links(std::string_view template_json,
                                   const std::map<std::string, std::string>& physical) {
    std::set<GroupLink> links;
    const auto doc = nlohmann::json::parse(template_json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("Resources") ||
        !doc["Resources"].is_object()) {
        return links;
    }
    for (const auto& [logical_id, resource] : doc["Resources"].items()) {
        if (!resource.is_object() || !resource.contains("Properties")) continue;
        const auto type = resource.value("Type", "");
        const auto& props = resource["Properties"];
        if (type == "AWS::EC2::SecurityGroupIngress" && props.contains("GroupId")) {
            add_rule(links, group_of(props["GroupId"], physical), Direction::ingress, props,
                     physical);
        } else if (type == "AWS::EC2::SecurityGroupEgress" && props.contains("GroupId")) {
            add_rule(links, group_of(props["GroupId"], physical), Direction::egress, props,
                     physical);
        } else if (type == "AWS::EC2::SecurityGroup") {
            const auto found = physical.find(logical_id);
            if (found == physical.end()) continue;
            for (const auto& [key, direction] :
                 {std::pair{"SecurityGroupIngress", Direction::ingress},
                  std::pair{"SecurityGroupEgress", Direction::egress}}) {
                if (!props.contains(key) || !props[key].is_array()) continue;
                for (const auto& rule : props[key]) {
                    add_rule(links, found->second, direction, rule, physical);
                }
            }
        }
    }
    return links;
}

std::vector<GroupLink> undeclared_links(const std::vector<ec2::SecurityGroup>& groups,
                                        const std::set<GroupLink>& declared) {
    std::set<std::string> ours;
    for (const auto& g : groups)
        ours.insert(g.group_id);
    std::vector<GroupLink> links;
    for (const auto& g : groups) {
        for (const auto& [permissions, direction] :
             {std::pair{&g.ingress, Direction::ingress}, std::pair{&g.egress, Direction::egress}}) {
            for (const auto& p : *permissions) {
                for (const auto& pair : p.user_id_group_pairs) {
                    if (!ours.contains(pair.group_id)) continue;
                    const bool all = p.ip_protocol == "-1";
                    GroupLink link{.group = g.group_id,
                                   .direction = direction,
                                   .protocol = p.ip_protocol,
                                   .from_port = all ? -1 : p.from_port.value_or(-1),
                                   .to_port = all ? -1 : p.to_port.value_or(-1),
                                   .other = pair.group_id};
                    if (!declared.contains(link)) links.push_back(std::move(link));
                }
            }
        }
    }
    return links;
}

Result<std::size_t> revoke_undeclared_links(const aws::Client& client,
                                            const std::vector<std::string>& group_ids,
                                            const std::set<GroupLink>& declared) {
    if (group_ids.empty()) return std::size_t{0};
    std::vector<ec2::SecurityGroup> groups;
    // One at a time: a group already deleted must not hide the others (DescribeSecurityGroups
    // fails whole when any id is unknown).
    for (const auto& id : group_ids) {
        const ec2::DescribeSecurityGroupsInput input{.group_ids = {id}};
        auto described = client.call(
            Service::ec2,
            [&](const Endpoint& e) { return ec2::make_describe_security_groups_request(input, e); },
            ec2::parse_describe_security_groups_response);
        if (!described) {
            if (ec2::is_group_not_found(described.error())) continue;
            return std::unexpected(described.error());
        }
        groups.insert(groups.end(), described->security_groups.begin(),
                      described->security_groups.end());
    }
    std::size_t revoked = 0;
    for (const auto& link : undeclared_links(groups, declared)) {
        // Revoke the permission exactly as described, description included (moto matches on it).
        ec2::IpPermission permission{.ip_protocol = link.protocol};
        if (link.protocol != "-1") {
            permission.from_port = link.from_port;
            permission.to_port = link.to_port;
        }
        for (const auto& g : groups) {
            if (g.group_id != link.group) continue;
            const auto& list = link.direction == Direction::ingress ? g.ingress : g.egress;
            for (const auto& p : list) {
                for (const auto& pair : p.user_id_group_pairs) {
                    const bool same_ports =
                        link.protocol == "-1" || (p.from_port.value_or(-1) == link.from_port &&
                                                  p.to_port.value_or(-1) == link.to_port);
                    if (pair.group_id == link.other && p.ip_protocol == link.protocol &&
                        same_ports) {
                        permission.user_id_group_pairs = {pair};
                    }
                }
            }
        }
        const ec2::SecurityGroupRules rules{.group_id = link.group, .permissions = {permission}};
        auto done = link.direction == Direction::ingress
                        ? client.call(
                              Service::ec2,
                              [&](const Endpoint& e) {
                                  return ec2::make_revoke_security_group_ingress_request(rules, e);
                              },
                              ec2::parse_revoke_security_group_ingress_response)
                        : client.call(
                              Service::ec2,
                              [&](const Endpoint& e) {
                                  return ec2::make_revoke_security_group_egress_request(rules, e);
                              },
                              ec2::parse_revoke_security_group_egress_response);
        if (!done) {
            if (ec2::is_permission_not_found(done.error()) ||
                ec2::is_group_not_found(done.error())) {
                continue;
            }
            return std::unexpected(done.error());
        }
        ++revoked;
    }
    return revoked;
}

}  // namespace emrctl::deploy
