#include <optional>

#include "key_order.hpp"

#include <emrctl/cfn/render.hpp>
#include <emrctl/util/overloaded.hpp>
#include <emrctl/util/strings.hpp>
#include <emrctl/util/yaml_scalar.hpp>

namespace emrctl::cfn {

namespace {

std::string scalar(std::string_view s) {
    return util::yaml_scalar(s);
}

void pad(std::string& out, int indent) {
    out.append(static_cast<std::size_t>(indent), ' ');
}

// The arguments of an intrinsic written as a tagged block sequence, or none for a tagged scalar.
const List* tagged_arguments(const Value& v, std::string& tag, List& storage) {
    return std::visit(util::Overloaded{
                          [&](const Join& j) -> const List* {
                              tag = "!Join";
                              storage = List{j.separator, j.parts};
                              return &storage;
                          },
                          [&](const Select& s) -> const List* {
                              tag = "!Select";
                              storage = List{s.index, *s.list};
                              return &storage;
                          },
                          [&](const auto&) -> const List* { return nullptr; },
                      },
                      v.v);
}

// A value that fits on the current line, or empty if it needs lines of its own.
std::optional<std::string> inline_form(const Value& v) {
    return std::visit(
        util::Overloaded{
            [](bool b) -> std::optional<std::string> { return b ? "true" : "false"; },
            [](std::int64_t i) -> std::optional<std::string> { return std::to_string(i); },
            [](const std::string& s) -> std::optional<std::string> { return scalar(s); },
            [](const List& l) -> std::optional<std::string> {
                if (l.empty()) return "[]";
                return std::nullopt;
            },
            [](const Map& m) -> std::optional<std::string> {
                // A map whose members are all dropped is an empty map, as in JSON.
                if (rendered_keys(m).empty()) return "{}";
                return std::nullopt;
            },
            [](const Ref& r) -> std::optional<std::string> { return "!Ref " + r.target; },
            [](const GetAtt& g) -> std::optional<std::string> {
                return "!GetAtt " + g.resource + "." + g.attribute;
            },
            [](const Sub& s) -> std::optional<std::string> {
                return "!Sub " + util::json_quote(s.text);
            },
            [](const GetAZs& g) -> std::optional<std::string> {
                return "!GetAZs " + util::json_quote(g.region);
            },
            [](const ImportValue& i) -> std::optional<std::string> {
                if (const auto* name = std::get_if<std::string>(&i.name->v)) {
                    return "!ImportValue " + scalar(*name);
                }
                return std::nullopt;
            },
            [](const auto&) -> std::optional<std::string> { return std::nullopt; },
        },
        v.v);
}

void write_map(std::string& out, const Map& map, int indent, bool mid_line);
void write_list(std::string& out, const List& list, int indent, bool mid_line);

// Writes a value whose line has been started ("key:" or "- "); `indent` is where its own nested
// lines start.
void write_value(std::string& out, const Value& v, int indent, bool after_dash) {
    if (auto text = inline_form(v)) {
        if (!after_dash) out += ' ';
        out += *text;
        out += '\n';
        return;
    }
    std::string tag;
    List storage;
    if (const auto* args = tagged_arguments(v, tag, storage)) {
        if (!after_dash) out += ' ';
        out += tag;
        out += '\n';
        write_list(out, *args, indent, false);
        return;
    }
    if (const auto* import = std::get_if<ImportValue>(&v.v)) {
        // A tag cannot follow a tag on one line: write this one in its long form.
        write_value(out, Map{{"Fn::ImportValue", *import->name}}, indent, after_dash);
        return;
    }
    if (const auto* map = std::get_if<Map>(&v.v)) {
        if (!after_dash) out += '\n';
        write_map(out, *map, indent, after_dash);
        return;
    }
    if (const auto* list = std::get_if<List>(&v.v)) {
        if (!after_dash) out += '\n';
        write_list(out, *list, indent, after_dash);
    }
}

void write_map(std::string& out, const Map& map, int indent, bool mid_line) {
    bool first = true;
    for (const auto* key : rendered_keys(map)) {
        if (!(first && mid_line)) pad(out, indent);
        first = false;
        out += scalar(*key);
        out += ':';
        write_value(out, map.at(*key), indent + 2, false);
    }
}

void write_list(std::string& out, const List& list, int indent, bool mid_line) {
    bool first = true;
    for (const auto& item : list) {
        if (!(first && mid_line)) pad(out, indent);
        first = false;
        out += "- ";
        write_value(out, item, indent + 2, true);
    }
}

}  // namespace

std::string to_yaml(const Value& v) {
    std::string out;
    if (auto text = inline_form(v)) {
        out = *text + "\n";
    } else if (const auto* map = std::get_if<Map>(&v.v)) {
        write_map(out, *map, 0, false);
    } else if (const auto* list = std::get_if<List>(&v.v)) {
        write_list(out, *list, 0, false);
    } else {
        write_value(out, v, 0, true);  // a tagged intrinsic: its tag, then its arguments
    }
    return out;
}

std::string to_yaml(const Template& t) {
    return to_yaml(to_document(t));
}

}  // namespace emrctl::cfn
