#pragma once

// A CloudFormation resource: its type, its properties, and the options that sit beside them.

#include <optional>
#include <string>
#include <vector>

#include <emrctl/cfn/value.hpp>

namespace emrctl::cfn {

// What CloudFormation does with the physical resource when the stack deletes or replaces it.
// Unset means CloudFormation's default, Delete; `remove` writes that choice down explicitly.
enum class DeletionPolicy { remove, retain, snapshot };

struct Resource {
    std::string type;  // "AWS::EC2::VPC"
    Map properties;
    std::vector<std::string> depends_on;
    std::optional<DeletionPolicy> deletion_policy;
    std::optional<DeletionPolicy> update_replace_policy;
};

// A resource added to a template: what the next resource set needs to wire itself to it.
struct ResourceRef {
    std::string id;
    std::string type;

    Value ref() const { return cfn::ref(id); }
    Value att(std::string_view attribute) const { return get_att(id, attribute); }
};

}  // namespace emrctl::cfn
