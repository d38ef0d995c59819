#pragma once

// A synthesized quickstart-like project and helpers to look into its template.

#include <algorithm>
#include <string>
#include <vector>

#include <emrctl/cfn/template.hpp>
#include <emrctl/config/defaults.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/stacks/emr_stack.hpp>

namespace emrctl::stacks::testing {

inline config::Project sample_project() {
    auto p = config::native_defaults();
    p.name = "demo";
    p.suffix = "abc12345";
    p.cluster.bootstrap = {"bootstrap/install.sh"};
    p.jobs = {config::Job{.name = "pi", .script = "jobs/pi.py"},
              config::Job{.name = "word count", .script = "jobs/wc.py", .data = "data/articles"}};
    return p;
}

inline cfn::Template synthesize_one(const config::Project& p) {
    auto stacks = synthesize(p);
    return std::move(stacks.front().body);
}

inline const cfn::Map& props(const cfn::Template& t, const std::string& id) {
    return t.resources().at(id).properties;
}

inline std::vector<std::string> ids_of_type(const cfn::Template& t, const std::string& type) {
    std::vector<std::string> ids;
    for (const auto& [id, r] : t.resources()) {
        if (r.type == type) ids.push_back(id);
    }
    return ids;
}

inline const cfn::Map& map_at(const cfn::Map& m, const std::string& key) {
    return std::get<cfn::Map>(m.at(key).v);
}

inline const cfn::List& list_at(const cfn::Map& m, const std::string& key) {
    return std::get<cfn::List>(m.at(key).v);
}

inline bool has_tag(const cfn::Map& properties, const std::string& key, const std::string& value) {
    const auto& tags = list_at(properties, "Tags");
    return std::ranges::any_of(tags, [&](const cfn::Value& tag) {
        const auto& m = std::get<cfn::Map>(tag.v);
        return m.at("Key") == cfn::Value(key) && m.at("Value") == cfn::Value(value);
    });
}

}  // namespace emrctl::stacks::testing
