#include <array>
#include <cctype>
#include <optional>

#include "key_order.hpp"

#include <emrctl/cfn/render.hpp>
#include <emrctl/util/overloaded.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::cfn {

namespace {

// Plain (unquoted) only when YAML cannot read the text as anything but this string: it starts
// with a letter, '_' or '/', has no ": " or " #" (a mapping or a comment), no flow or quote
// characters, does not end in ':' or a space, and is not a word YAML 1.1 reads as a bool or null.
bool plain_safe(std::string_view s) {
    if (s.empty())
        return false;
    static constexpr std::array<std::string_view, 11> reserved{
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", "."};
    std::string lower;
    for (char c : s)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto word : reserved) {
        if (lower == word)
            return false;
    }
    const auto first = static_cast<unsigned char>(s.front());
    if (std::isalpha(first) == 0 && s.front() != '_' && s.front() != '/')
        return false;
    if (s.back() == ':' || s.back() == ' ')
        return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) {
        return false;
    }
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f)
            return false;
        if (std::string_view("{}[],'\"`|>&*!%@\\").find(c) != std::string_view::npos)
            return false;
    }
    return true;
}

std::string scalar(std::string_view s) {
    return plain_safe(s) ? std::string(s) : util::json_quote(s);
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
                if (l.empty())
                    return "[]";
                return std::nullopt;
            },
            [](const Map& m) -> std::optional<std::string> {
                if (m.empty())
                    return "{}";
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
        if (!after_dash)
            out += ' ';
        out += *text;
        out += '\n';
        return;
    }
    std::string tag;
    List storage;
    if (const auto* args = tagged_arguments(v, tag, storage)) {
        if (!after_dash)
            out += ' ';
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
        if (!after_dash)
            out += '\n';
        write_map(out, *map, indent, after_dash);
        return;
    }
    if (const auto* list = std::get_if<List>(&v.v)) {
        if (!after_dash)
            out += '\n';
        write_list(out, *list, indent, after_dash);
    }
}

void write_map(std::string& out, const Map& map, int indent, bool mid_line) {
    bool first = true;
    for (const auto* key : rendered_keys(map)) {
        if (!(first && mid_line))
            pad(out, indent);
        first = false;
        out += scalar(*key);
        out += ':';
        write_value(out, map.at(*key), indent + 2, false);
    }
}

void write_list(std::string& out, const List& list, int indent, bool mid_line) {
    bool first = true;
    for (const auto& item : list) {
        if (!(first && mid_line))
            pad(out, indent);
        first = false;
        out += "- ";
        write_value(out, item, indent + 2, true);
    }
}

}  // namespace

std::string to_yaml(const Value& v) {
    std::string out;
    if (const auto* map = std::get_if<Map>(&v.v)) {
        write_map(out, *map, 0, false);
    } else if (const auto* list = std::get_if<List>(&v.v)) {
        write_list(out, *list, 0, false);
    } else {
        out = inline_form(v).value_or("");
        out += '\n';
    }
    return out;
}

std::string to_yaml(const Template& t) {
    return to_yaml(to_document(t));
}

}  // namespace emrctl::cfn
