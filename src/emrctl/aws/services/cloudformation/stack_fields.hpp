#pragma once

// The key/value pairs stacks and change sets both carry.

#include <string>
#include <vector>

#include <pugixml.hpp>

#include <emrctl/aws/protocol/query_request.hpp>

namespace emrctl::aws::cloudformation {

struct Parameter {
    std::string key;
    std::string value;
};

struct Tag {
    std::string key;
    std::string value;
};

// Parameters.member.N.ParameterKey / .ParameterValue, and Tags.member.N.Key / .Value.
void add_parameters(protocol::QueryParams& params, const std::vector<Parameter>& parameters);
void add_tags(protocol::QueryParams& params, const std::vector<Tag>& tags);

// The <member> lists of an answer.
std::vector<Parameter> read_parameters(pugi::xml_node list);
std::vector<Tag> read_tags(pugi::xml_node list);

}  // namespace emrctl::aws::cloudformation
