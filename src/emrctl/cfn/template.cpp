#include <stdexcept>
#include <variant>

#include <emrctl/cfn/template.hpp>
#include <emrctl/util/overloaded.hpp>

namespace emrctl::cfn {

namespace {

// Calls `visit` with every logical id the value refers to: Ref, GetAtt and ${Id} in Sub.
template <class Visit>
void for_each_reference(const Value& value, const Visit& visit) {
    std::visit(util::Overloaded{
                   [&](const Ref& r) {
                       if (!r.target.starts_with("AWS::")) visit(r.target);
                   },
                   [&](const GetAtt& g) { visit(g.resource); },
                   [&](const Sub& s) {
                       std::size_t pos = 0;
                       while ((pos = s.text.find("${", pos)) != std::string::npos) {
                           const auto close = s.text.find('}', pos);
                           auto name = s.text.substr(pos + 2, close - pos - 2);
                           pos = close;
                           if (name.starts_with("AWS::") || name.starts_with("!")) continue;
                           visit(name.substr(0, name.find('.')));
                       }
                   },
                   [&](const Join& j) {
                       for (const auto& part : j.parts)
                           for_each_reference(part, visit);
                   },
                   [&](const Select& s) { for_each_reference(*s.list, visit); },
                   [&](const ImportValue& i) { for_each_reference(*i.name, visit); },
                   [&](const List& l) {
                       for (const auto& item : l)
                           for_each_reference(item, visit);
                   },
                   [&](const Map& m) {
                       for (const auto& [key, item] : m)
                           for_each_reference(item, visit);
                   },
                   [](const auto&) {},
               },
               value.v);
}

}  // namespace

Template::Template(std::string description) : m_description(std::move(description)) {}

void Template::require_known_targets(const Value& value, const std::string& user) const {
    for_each_reference(value, [&](const std::string& target) {
        if (!m_resources.contains(target) && !m_parameters.contains(target)) {
            throw std::logic_error(user + " refers to '" + target +
                                   "', which is not (yet) in the template");
        }
    });
}

ResourceRef Template::add(const std::string& id, Resource resource) {
    if (!is_logical_id(id)) throw std::logic_error("invalid logical id '" + id + "'");
    if (m_resources.contains(id) || m_parameters.contains(id)) {
        throw std::logic_error("duplicate logical id '" + id + "'");
    }
    require_known_targets(Value(resource.properties), id);
    for (const auto& dependency : resource.depends_on) {
        if (!m_resources.contains(dependency)) {
            throw std::logic_error(id + " depends on unknown '" + dependency + "'");
        }
    }
    ResourceRef handle{id, resource.type};
    m_resources.emplace(id, std::move(resource));
    return handle;
}

void Template::add_output(const std::string& id, Output output) {
    if (!is_logical_id(id)) throw std::logic_error("invalid output id '" + id + "'");
    if (m_outputs.contains(id)) throw std::logic_error("duplicate output id '" + id + "'");
    require_known_targets(output.value, "output " + id);
    m_outputs.emplace(id, std::move(output));
}

Value Template::add_parameter(const std::string& id, Parameter parameter) {
    if (!is_logical_id(id)) throw std::logic_error("invalid parameter id '" + id + "'");
    // Parameters and resources share one namespace: a Ref could not tell them apart.
    if (m_parameters.contains(id) || m_resources.contains(id)) {
        throw std::logic_error("duplicate logical id '" + id + "'");
    }
    m_parameters.emplace(id, std::move(parameter));
    return cfn::ref(id);
}

}  // namespace emrctl::cfn
