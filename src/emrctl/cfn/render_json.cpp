#include "key_order.hpp"

#include <emrctl/cfn/render.hpp>
#include <emrctl/util/overloaded.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::cfn {

namespace {

void write(std::string& out, const Value& v, int indent);

void newline(std::string& out, int indent) {
    out += '\n';
    out.append(static_cast<std::size_t>(indent), ' ');
}

void write_list(std::string& out, const List& list, int indent) {
    if (list.empty()) {
        out += "[]";
        return;
    }
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out += ',';
        newline(out, indent + 2);
        write(out, list[i], indent + 2);
    }
    newline(out, indent);
    out += ']';
}

void write_map(std::string& out, const Map& map, int indent) {
    const auto keys = rendered_keys(map);
    if (keys.empty()) {
        out += "{}";
        return;
    }
    out += '{';
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) out += ',';
        newline(out, indent + 2);
        out += util::json_quote(*keys[i]);
        out += ": ";
        write(out, map.at(*keys[i]), indent + 2);
    }
    newline(out, indent);
    out += '}';
}

void write(std::string& out, const Value& v, int indent) {
    std::visit(util::Overloaded{
                   [&](bool b) { out += b ? "true" : "false"; },
                   [&](std::int64_t i) { out += std::to_string(i); },
                   [&](const std::string& s) { out += util::json_quote(s); },
                   [&](const List& l) { write_list(out, l, indent); },
                   [&](const Map& m) { write_map(out, m, indent); },
                   [&](const auto&) { write(out, long_form(v), indent); },
               },
               v.v);
}

}  // namespace

Value long_form(const Value& v) {
    return std::visit(util::Overloaded{
                          [&](const Ref& r) -> Value {
                              return Map{{"Ref", r.target}};
                          },
                          [&](const GetAtt& g) -> Value {
                              return Map{{"Fn::GetAtt", List{g.resource, g.attribute}}};
                          },
                          [&](const Sub& s) -> Value {
                              return Map{{"Fn::Sub", s.text}};
                          },
                          [&](const Join& j) -> Value {
                              return Map{{"Fn::Join", List{j.separator, j.parts}}};
                          },
                          [&](const Select& s) -> Value {
                              return Map{{"Fn::Select", List{s.index, *s.list}}};
                          },
                          [&](const GetAZs& g) -> Value {
                              return Map{{"Fn::GetAZs", g.region}};
                          },
                          [&](const ImportValue& i) -> Value {
                              return Map{{"Fn::ImportValue", *i.name}};
                          },
                          [&](const auto&) -> Value { return v; },
                      },
                      v.v);
}

std::string to_json(const Value& v) {
    std::string out;
    write(out, v, 0);
    out += '\n';
    return out;
}

std::string to_json(const Template& t) {
    return to_json(to_document(t));
}

}  // namespace emrctl::cfn
