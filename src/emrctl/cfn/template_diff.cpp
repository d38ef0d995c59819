#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include <emrctl/cfn/template_diff.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::cfn {

namespace {

using Json = nlohmann::json;
using Changes = std::vector<PropertyChange>;

constexpr std::string_view k_resources = "Resources";
// The other top-level sections whose members are named entries; the rest is the header.
constexpr std::array<std::string_view, 4> k_entry_sections = {"Parameters", "Mappings",
                                                              "Conditions", "Outputs"};

std::string compact(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string member_path(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

// {"Ref": …} and {"Fn::…": …} are one value: a change inside one is shown whole.
bool is_intrinsic(const Json& j) {
    if (!j.is_object() || j.size() != 1) return false;
    const std::string& key = j.begin().key();
    return key == "Ref" || key.starts_with("Fn::");
}

// Tags: lists whose items are all objects with a string "Key", no Key twice on a side. Such
// lists are matched by Key, so reordering them is no change.
bool has_unique_keys(const Json& list) {
    std::set<std::string> seen;
    for (const auto& item : list) {
        if (!item.is_object()) return false;
        const auto key = item.find("Key");
        if (key == item.end() || !key->is_string()) return false;
        if (!seen.insert(key->get<std::string>()).second) return false;
    }
    return true;
}

bool matched_by_key(const Json& a, const Json& b) {
    return (!a.empty() || !b.empty()) && has_unique_keys(a) && has_unique_keys(b);
}

// The keys of two objects, sorted, each once.
std::set<std::string> all_keys(const Json& a, const Json& b) {
    std::set<std::string> keys;
    for (const auto& [key, value] : a.items())
        keys.insert(key);
    for (const auto& [key, value] : b.items())
        keys.insert(key);
    return keys;
}

void diff_value(const Json& a, const Json& b, const std::string& path, Changes& out);

void added(const Json& b, const std::string& path, Changes& out) {
    out.push_back({.kind = ChangeKind::added, .path = path, .new_json = compact(b)});
}

void removed(const Json& a, const std::string& path, Changes& out) {
    out.push_back({.kind = ChangeKind::removed, .path = path, .old_json = compact(a)});
}

void diff_members(const Json& a, const Json& b, const std::string& path, Changes& out) {
    for (const auto& key : all_keys(a, b)) {
        const auto old_value = a.find(key);
        const auto new_value = b.find(key);
        if (new_value == b.end()) {
            removed(*old_value, member_path(path, key), out);
        } else if (old_value == a.end()) {
            added(*new_value, member_path(path, key), out);
        } else {
            diff_value(*old_value, *new_value, member_path(path, key), out);
        }
    }
}

void diff_items_by_index(const Json& a, const Json& b, const std::string& path, Changes& out) {
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
        const std::string item_path = path + "[" + std::to_string(i) + "]";
        if (i >= b.size()) {
            removed(a[i], item_path, out);
        } else if (i >= a.size()) {
            added(b[i], item_path, out);
        } else {
            diff_value(a[i], b[i], item_path, out);
        }
    }
}

void diff_items_by_key(const Json& a, const Json& b, const std::string& path, Changes& out) {
    const auto by_key = [](const Json& list) {
        std::map<std::string, const Json*> items;
        for (const auto& item : list)
            items.emplace(item.at("Key").get<std::string>(), &item);
        return items;
    };
    const auto old_items = by_key(a);
    const auto new_items = by_key(b);
    std::set<std::string> keys;
    for (const auto& [key, item] : old_items)
        keys.insert(key);
    for (const auto& [key, item] : new_items)
        keys.insert(key);
    for (const auto& key : keys) {
        const std::string item_path = path + "[Key=" + key + "]";
        const auto old_item = old_items.find(key);
        const auto new_item = new_items.find(key);
        if (new_item == new_items.end()) {
            removed(*old_item->second, item_path, out);
        } else if (old_item == old_items.end()) {
            added(*new_item->second, item_path, out);
        } else {
            diff_value(*old_item->second, *new_item->second, item_path, out);
        }
    }
}

void diff_value(const Json& a, const Json& b, const std::string& path, Changes& out) {
    if (a == b) return;
    if (a.is_object() && b.is_object() && !is_intrinsic(a) && !is_intrinsic(b)) {
        diff_members(a, b, path, out);
    } else if (a.is_array() && b.is_array()) {
        if (matched_by_key(a, b)) {
            diff_items_by_key(a, b, path, out);
        } else {
            diff_items_by_index(a, b, path, out);
        }
    } else {
        out.push_back({.kind = ChangeKind::changed,
                       .path = path,
                       .old_json = compact(a),
                       .new_json = compact(b)});
    }
}

// DependsOn is a set: "A" and ["A"] are the same, and so are ["A", "B"] and ["B", "A"].
std::optional<std::set<std::string>> dependency_set(const Json& depends_on) {
    if (depends_on.is_string()) return std::set<std::string>{depends_on.get<std::string>()};
    if (!depends_on.is_array()) return std::nullopt;
    std::set<std::string> names;
    for (const auto& name : depends_on) {
        if (!name.is_string()) return std::nullopt;
        names.insert(name.get<std::string>());
    }
    return names;
}

std::string type_of(const Json& resource) {
    const auto type = resource.find("Type");
    if (type == resource.end()) return {};
    return type->is_string() ? type->get<std::string>() : compact(*type);
}

// Everything of a resource but its Type: Properties, DependsOn, DeletionPolicy, Condition…
Changes diff_resource_members(Json a, Json b) {
    a.erase("Type");
    b.erase("Type");
    // A resource without properties and one with empty properties are the same resource.
    if (!a.contains("Properties")) a["Properties"] = Json::object();
    if (!b.contains("Properties")) b["Properties"] = Json::object();
    Changes changes;
    for (const auto& key : all_keys(a, b)) {
        if (!b.contains(key)) {
            removed(a[key], key, changes);
        } else if (!a.contains(key)) {
            added(b[key], key, changes);
        } else if (key != "DependsOn") {
            diff_value(a[key], b[key], key, changes);
        } else if (a[key] != b[key]) {
            const auto old_set = dependency_set(a[key]);
            const auto new_set = dependency_set(b[key]);
            if (old_set && new_set && *old_set == *new_set) continue;
            // Shown whole: positions mean nothing in a set.
            changes.push_back({.kind = ChangeKind::changed,
                               .path = key,
                               .old_json = compact(a[key]),
                               .new_json = compact(b[key])});
        }
    }
    return changes;
}

std::vector<ResourceDiff> diff_resources(const Json& a, const Json& b) {
    std::vector<ResourceDiff> out;
    for (const auto& id : all_keys(a, b)) {
        const auto old_resource = a.find(id);
        const auto new_resource = b.find(id);
        if (new_resource == b.end()) {
            out.push_back({.logical_id = id,
                           .kind = ChangeKind::removed,
                           .old_type = type_of(*old_resource)});
        } else if (old_resource == a.end()) {
            out.push_back(
                {.logical_id = id, .kind = ChangeKind::added, .new_type = type_of(*new_resource)});
        } else if (*old_resource != *new_resource) {
            ResourceDiff diff{.logical_id = id,
                              .kind = ChangeKind::changed,
                              .old_type = type_of(*old_resource),
                              .new_type = type_of(*new_resource),
                              .changes = diff_resource_members(*old_resource, *new_resource)};
            if (diff.type_changed() || !diff.changes.empty()) out.push_back(std::move(diff));
        }
    }
    return out;
}

std::vector<EntryDiff> diff_entries(const Json& a, const Json& b) {
    std::vector<EntryDiff> out;
    for (const auto& name : all_keys(a, b)) {
        const auto old_entry = a.find(name);
        const auto new_entry = b.find(name);
        if (new_entry == b.end()) {
            out.push_back(
                {.name = name, .kind = ChangeKind::removed, .old_json = compact(*old_entry)});
        } else if (old_entry == a.end()) {
            out.push_back(
                {.name = name, .kind = ChangeKind::added, .new_json = compact(*new_entry)});
        } else if (*old_entry != *new_entry) {
            EntryDiff diff{.name = name,
                           .kind = ChangeKind::changed,
                           .old_json = compact(*old_entry),
                           .new_json = compact(*new_entry)};
            diff_value(*old_entry, *new_entry, "", diff.changes);
            out.push_back(std::move(diff));
        }
    }
    return out;
}

// Removes a section from the template and returns it; an absent section is empty.
Json take_section(Json& doc, std::string_view name) {
    const auto it = doc.find(name);
    if (it == doc.end()) return Json::object();
    Json section = std::move(*it);
    doc.erase(it);
    return section;
}

enum class Side { deployed, synthesized };

std::unexpected<Error> invalid(Side side, std::string what) {
    if (side == Side::deployed) {
        return fail(ErrorKind::aws, "the deployed template " + what,
                    "emrctl diff compares the JSON templates emrctl deploys; a stack deployed "
                    "another way can be compared with a CloudFormation change set");
    }
    return fail(ErrorKind::internal, "the synthesized template " + what);
}

Result<Json> parse_template(std::string_view text, Side side) {
    const std::string_view trimmed = util::trim(text);
    if (trimmed.empty()) {
        if (side == Side::deployed) return Json::object();
        return invalid(side, "is empty");
    }
    if (trimmed.front() != '{') return invalid(side, "is not JSON (was it deployed by emrctl?)");
    Json doc;
    try {
        doc = Json::parse(trimmed);
    } catch (const Json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 1: …" without the tag.
        std::string detail = e.what();
        if (const auto end_of_tag = detail.find("] "); end_of_tag != std::string::npos) {
            detail.erase(0, end_of_tag + 2);
        }
        return invalid(side, "is not valid JSON: " + detail);
    }
    if (!doc.is_object()) return invalid(side, "is not a JSON object");
    for (const auto name : k_entry_sections) {
        if (doc.contains(name) && !doc[std::string(name)].is_object()) {
            return invalid(side, "has a section " + std::string(name) + " that is not an object");
        }
    }
    if (doc.contains(k_resources)) {
        const auto& resources = doc[std::string(k_resources)];
        if (!resources.is_object()) {
            return invalid(side, "has a section Resources that is not an object");
        }
        for (const auto& [id, resource] : resources.items()) {
            if (!resource.is_object()) {
                return invalid(side, "has a resource " + id + " that is not an object");
            }
        }
    }
    return doc;
}

}  // namespace

bool TemplateDiff::empty() const {
    return header.empty() && parameters.empty() && mappings.empty() && conditions.empty() &&
           resources.empty() && outputs.empty();
}

Result<TemplateDiff> diff_templates(std::string_view deployed_json,
                                    std::string_view synthesized_json) {
    auto deployed = parse_template(deployed_json, Side::deployed);
    if (!deployed) return std::unexpected(std::move(deployed.error()));
    auto synthesized = parse_template(synthesized_json, Side::synthesized);
    if (!synthesized) return std::unexpected(std::move(synthesized.error()));
    Json& a = *deployed;
    Json& b = *synthesized;

    TemplateDiff diff;
    diff.resources = diff_resources(take_section(a, k_resources), take_section(b, k_resources));
    diff.parameters = diff_entries(take_section(a, "Parameters"), take_section(b, "Parameters"));
    diff.mappings = diff_entries(take_section(a, "Mappings"), take_section(b, "Mappings"));
    diff.conditions = diff_entries(take_section(a, "Conditions"), take_section(b, "Conditions"));
    diff.outputs = diff_entries(take_section(a, "Outputs"), take_section(b, "Outputs"));
    diff_members(a, b, "", diff.header);
    return diff;
}

}  // namespace emrctl::cfn
