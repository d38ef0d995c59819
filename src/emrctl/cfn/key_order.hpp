#pragma once

// The key order both renderers share: "Type" first, then the rest sorted; empty lists and maps
// are left out.

#include <string>
#include <vector>

#include <emrctl/cfn/value.hpp>

namespace emrctl::cfn {

inline bool is_empty_container(const Value& v) {
    if (const auto* l = std::get_if<List>(&v.v)) return l->empty();
    if (const auto* m = std::get_if<Map>(&v.v)) return m->empty();
    return false;
}

inline std::vector<const std::string*> rendered_keys(const Map& map) {
    std::vector<const std::string*> keys;
    if (auto it = map.find("Type"); it != map.end() && !is_empty_container(it->second)) {
        keys.push_back(&it->first);
    }
    for (const auto& [key, value] : map) {
        if (key != "Type" && !is_empty_container(value)) keys.push_back(&key);
    }
    return keys;
}

}  // namespace emrctl::cfn
