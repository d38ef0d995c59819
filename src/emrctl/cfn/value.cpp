#include <algorithm>
#include <array>
#include <cctype>
#include <stdexcept>
#include <string>

#include <emrctl/cfn/value.hpp>

namespace emrctl::cfn {

namespace {

void require(bool condition, const std::string& what) {
    if (!condition) throw std::logic_error("malformed CloudFormation intrinsic: " + what);
}

bool is_pseudo_parameter(std::string_view target) {
    static constexpr std::array<std::string_view, 8> k_pseudo{
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
        "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};
    return std::ranges::find(k_pseudo, target) != k_pseudo.end();
}

// Attribute names are identifiers, dotted for nested ones ("Endpoint.Address").
bool is_attribute_name(std::string_view attribute) {
    if (attribute.empty() || attribute.front() == '.' || attribute.back() == '.') return false;
    return std::ranges::all_of(attribute, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.';
    });
}

// Every ${...} in a Fn::Sub string must be closed and name something; "${!Literal}" is an escape.
bool sub_variables_well_formed(std::string_view text) {
    std::size_t pos = 0;
    while ((pos = text.find("${", pos)) != std::string_view::npos) {
        const auto close = text.find('}', pos);
        if (close == std::string_view::npos || close == pos + 2) return false;
        pos = close + 1;
    }
    return true;
}

}  // namespace

bool is_logical_id(std::string_view id) {
    if (id.empty() || id.size() > 255) return false;
    for (char c : id) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) return false;
    }
    return true;
}

Value ref(std::string_view target) {
    require(is_logical_id(target) || is_pseudo_parameter(target),
            "Ref to '" + std::string(target) + "'");
    return Ref{std::string(target)};
}

Value get_att(std::string_view resource, std::string_view attribute) {
    require(is_logical_id(resource), "GetAtt on '" + std::string(resource) + "'");
    require(is_attribute_name(attribute),
            "GetAtt of '" + std::string(attribute) + "' on " + std::string(resource));
    return GetAtt{std::string(resource), std::string(attribute)};
}

Value sub(std::string_view text) {
    require(sub_variables_well_formed(text), "Sub '" + std::string(text) + "'");
    return Sub{std::string(text)};
}

Value join(std::string_view separator, List parts) {
    require(!parts.empty(), "Join with no parts");
    return Join{std::string(separator), std::move(parts)};
}

Value select(std::int64_t index, Value list) {
    require(index >= 0, "Select with a negative index");
    return Select{index, std::move(list)};
}

Value get_azs(std::string_view region) {
    return GetAZs{std::string(region)};
}

Value import_value(Value name) {
    return ImportValue{std::move(name)};
}

List strings(const std::vector<std::string>& items) {
    return List(items.begin(), items.end());
}

}  // namespace emrctl::cfn
