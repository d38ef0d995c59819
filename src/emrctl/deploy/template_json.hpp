#pragma once

// Reading members of a CloudFormation template parsed with nlohmann::json, as pointers that are
// null when the member is absent or of another type: templates are data from outside (the
// deployed one comes from AWS), so nothing may assume their shape. Pointers, not operator[] and
// get<>(), also keep GCC's -Wnull-dereference quiet at -O3.

#include <string>
#include <string_view>

namespace emrctl::deploy {

template <class Json>
const Json* member(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto found = object.find(key);
    return found == object.end() ? nullptr : &*found;
}

template <class Json>
const std::string* string_member(const Json& object, std::string_view key) {
    const auto* value = member(object, key);
    return value == nullptr ? nullptr : value->template get_ptr<const std::string*>();
}

}  // namespace emrctl::deploy
