#pragma once

// The rules between a stack's security groups that the stack did not declare. EMR adds rules
// between the groups it is given (primary ↔ core ↔ service access); CloudFormation knows nothing
// of them, so the groups still reference each other when it deletes them and the delete fails
// with DependencyViolation — the classic reason an EMR stack will not go. Destroy revokes exactly
// these rules first; the declared ones CloudFormation removes itself.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/services/ec2/security_groups.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

enum class Direction { ingress, egress };

// One rule between two groups: in `group`, from (ingress) or to (egress) `other`.
struct GroupLink {
    std::string group;
    Direction direction = Direction::ingress;
    std::string protocol;
    int from_port = -1;
    int to_port = -1;
    std::string other;
    auto operator<=>(const GroupLink&) const = default;
};

// The links a template declares (AWS::EC2::SecurityGroupIngress/Egress resources, and rules
// inline in AWS::EC2::SecurityGroup), with logical ids mapped to group ids through `physical`.
// A template that is not JSON declares nothing.
std::set<GroupLink> declared_links(std::string_view template_json,
                                   const std::map<std::string, std::string>& physical);

// The links among `groups` (between any two of them, or a group and itself) that are not
// `declared`, one permission per link, ready to revoke.
std::vector<GroupLink> undeclared_links(const std::vector<aws::ec2::SecurityGroup>& groups,
                                        const std::set<GroupLink>& declared);

// Revokes the undeclared links among the groups (those that still exist); returns how many.
Result<std::size_t> revoke_undeclared_links(const aws::Client& client,
                                            const std::vector<std::string>& group_ids,
                                            const std::set<GroupLink>& declared);

}  // namespace emrctl::deploy
