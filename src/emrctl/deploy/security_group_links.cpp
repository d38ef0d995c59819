#include <algorithm>

#include <nlohmann/json.hpp>

#include <emrctl/deploy/security_group_links.hpp>
#include <emrctl/deploy/template_json.hpp>

namespace emrctl::deploy {

namespace ec2 = aws::ec2;
using aws::Service;
using aws::protocol::Endpoint;

namespace {

using Json = nlohmann::json;

// A group named by its id outright, or by a Ref (or GetAtt) to a logical id.
std::string group_of(const Json* value, const std::map<std::string, std::string>& physical) {
    if (value == nullptr) return {};
    if (const auto* id = value->get_ptr<const std::string*>()) return *id;
    const auto* logical = string_member(*value, "Ref");
    if (const auto* get_att = member(*value, "Fn::GetAtt");
        logical == nullptr && get_att != nullptr && get_att->is_array() && !get_att->empty()) {
        logical = get_att->front().get_ptr<const std::string*>();
    }
    if (logical == nullptr) return {};
    const auto found = physical.find(*logical);
    return found == physical.end() ? std::string() : found->second;
}

int port(const Json& rule, std::string_view name) {
    const auto* v = member(rule, name);
    if (v == nullptr) return -1;
    if (const auto* n = v->get_ptr<const Json::number_integer_t*>()) return static_cast<int>(*n);
    if (const auto* n = v->get_ptr<const Json::number_unsigned_t*>()) return static_cast<int>(*n);
    if (const auto* text = v->get_ptr<const std::string*>()) {
        try {
            return std::stoi(*text);
        } catch (const std::exception&) {
            return -1;
        }
    }
    return -1;
}

std::string protocol_of(const Json& rule) {
    const auto* v = member(rule, "IpProtocol");
    if (v == nullptr) return {};
    const auto* text = v->get_ptr<const std::string*>();
    const std::string p = text != nullptr ? *text : v->dump();
    if (p == "6") return "tcp";
    if (p == "17") return "udp";
    if (p == "1") return "icmp";
    return p;
}

void add_rule(std::set<GroupLink>& links, const std::string& group, Direction direction,
              const Json& rule, const std::map<std::string, std::string>& physical) {
    const auto other =
        group_of(member(rule, direction == Direction::ingress ? "SourceSecurityGroupId"
                                                              : "DestinationSecurityGroupId"),
                 physical);
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
    const auto doc = Json::parse(template_json, nullptr, false);
    const auto* resources = doc.is_discarded() ? nullptr : member(doc, "Resources");
    if (resources == nullptr || !resources->is_object()) return links;
    for (const auto& [logical_id, resource] : resources->items()) {
        const auto* type = string_member(resource, "Type");
        const auto* props = member(resource, "Properties");
        if (type == nullptr || props == nullptr) continue;
        if (*type == "AWS::EC2::SecurityGroupIngress") {
            add_rule(links, group_of(member(*props, "GroupId"), physical), Direction::ingress,
                     *props, physical);
        } else if (*type == "AWS::EC2::SecurityGroupEgress") {
            add_rule(links, group_of(member(*props, "GroupId"), physical), Direction::egress,
                     *props, physical);
        } else if (*type == "AWS::EC2::SecurityGroup") {
            const auto found = physical.find(logical_id);
            if (found == physical.end()) continue;
            for (const auto& [key, direction] :
                 {std::pair{"SecurityGroupIngress", Direction::ingress},
                  std::pair{"SecurityGroupEgress", Direction::egress}}) {
                const auto* rules = member(*props, key);
                if (rules == nullptr || !rules->is_array()) continue;
                for (const auto& rule : *rules)
                    add_rule(links, found->second, direction, rule, physical);
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
