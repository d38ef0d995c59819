#include <emrctl/cfn/render.hpp>

namespace emrctl::cfn {

namespace {

std::string policy_name(DeletionPolicy p) {
    switch (p) {
        case DeletionPolicy::remove:
            return "Delete";
        case DeletionPolicy::retain:
            return "Retain";
        case DeletionPolicy::snapshot:
            return "Snapshot";
    }
    return "Retain";
}

Value resource_document(const Resource& r) {
    Map doc{{"Type", r.type}, {"Properties", r.properties}};
    if (!r.depends_on.empty()) doc.emplace("DependsOn", strings(r.depends_on));
    if (r.deletion_policy) doc.emplace("DeletionPolicy", policy_name(*r.deletion_policy));
    if (r.update_replace_policy) {
        doc.emplace("UpdateReplacePolicy", policy_name(*r.update_replace_policy));
    }
    return doc;
}

}  // namespace

Value to_document(const Template& t) {
    Map resources;
    for (const auto& [id, r] : t.resources())
        resources.emplace(id, resource_document(r));
    Map parameters;
    for (const auto& [id, p] : t.parameters()) {
        Map param{{"Type", p.type}};
        if (!p.default_value.empty()) param.emplace("Default", p.default_value);
        if (!p.description.empty()) param.emplace("Description", p.description);
        parameters.emplace(id, std::move(param));
    }
    Map outputs;
    for (const auto& [id, o] : t.outputs()) {
        Map out{{"Value", o.value}, {"Description", o.description}};
        if (o.export_name) out.emplace("Export", Map{{"Name", *o.export_name}});
        outputs.emplace(id, std::move(out));
    }
    return Map{{"AWSTemplateFormatVersion", "2010-09-09"},
               {"Description", t.description()},
               {"Parameters", std::move(parameters)},
               {"Resources", std::move(resources)},
               {"Outputs", std::move(outputs)}};
}

}  // namespace emrctl::cfn
