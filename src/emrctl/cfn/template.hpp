#pragma once

// A CloudFormation template under construction. Ids are checked as they are added, so a template
// that exists is one CloudFormation can parse.

#include <map>
#include <optional>
#include <string>

#include <emrctl/cfn/parameter.hpp>
#include <emrctl/cfn/resource.hpp>
#include <emrctl/cfn/value.hpp>

namespace emrctl::cfn {

struct Output {
    Value value;
    std::string description;
    std::optional<std::string> export_name;
};

class Template {
  public:
    explicit Template(std::string description);

    // Adds a resource and returns its handle. Throws std::logic_error on an invalid or duplicate
    // id, or a reference to a resource (or parameter) not yet added: both are bugs in a resource
    // set.
    ResourceRef add(const std::string& id, Resource resource);
    void add_output(const std::string& id, Output output);
    // Declares a parameter and returns a Ref to it. Throws std::logic_error on an invalid id or
    // one that a parameter or resource has already.
    Value add_parameter(const std::string& id, Parameter parameter);

    bool contains(const std::string& id) const { return m_resources.contains(id); }
    const std::string& description() const { return m_description; }
    const std::map<std::string, Resource>& resources() const { return m_resources; }
    const std::map<std::string, Output>& outputs() const { return m_outputs; }
    const std::map<std::string, Parameter>& parameters() const { return m_parameters; }

  private:
    void require_known_targets(const Value& value, const std::string& user) const;

    std::string m_description;
    std::map<std::string, Resource> m_resources;
    std::map<std::string, Output> m_outputs;
    std::map<std::string, Parameter> m_parameters;
};

}  // namespace emrctl::cfn
