#include <emrctl/aws/protocol/xml_reader.hpp>
#include <emrctl/aws/services/cloudformation/stack_fields.hpp>

namespace emrctl::aws::cloudformation {

namespace {
using Fields = std::vector<std::pair<std::string, std::string>>;
}  // namespace

void add_parameters(protocol::QueryParams& params, const std::vector<Parameter>& parameters) {
    std::vector<Fields> items;
    for (const auto& p : parameters) {
        items.push_back({{"ParameterKey", p.key}, {"ParameterValue", p.value}});
    }
    params.add_structures("Parameters", items);
}

void add_tags(protocol::QueryParams& params, const std::vector<Tag>& tags) {
    std::vector<Fields> items;
    for (const auto& t : tags)
        items.push_back({{"Key", t.key}, {"Value", t.value}});
    params.add_structures("Tags", items);
}

std::vector<Parameter> read_parameters(pugi::xml_node list) {
    std::vector<Parameter> out;
    for (const auto member : protocol::children_named(list, "member")) {
        out.push_back({.key = protocol::text_at(member, "ParameterKey"),
                       .value = protocol::text_at(member, "ParameterValue")});
    }
    return out;
}

std::vector<Tag> read_tags(pugi::xml_node list) {
    std::vector<Tag> out;
    for (const auto member : protocol::children_named(list, "member")) {
        out.push_back(
            {.key = protocol::text_at(member, "Key"), .value = protocol::text_at(member, "Value")});
    }
    return out;
}

}  // namespace emrctl::aws::cloudformation
