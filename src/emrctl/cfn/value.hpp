#pragma once

// A CloudFormation value: a scalar, a list, a map, or one of a closed set of intrinsic functions.
// Intrinsics are built through the functions below, which check their arguments: a malformed
// intrinsic is a bug in emrctl, so they throw std::logic_error rather than return an Error.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <emrctl/util/indirect.hpp>

namespace emrctl::cfn {

struct Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value>;  // sorted: rendering is byte-stable by construction

struct Ref {
    std::string target;  // a logical id or a pseudo parameter such as AWS::Region
    friend bool operator==(const Ref&, const Ref&) = default;
};
struct GetAtt {
    std::string resource;
    std::string attribute;
    friend bool operator==(const GetAtt&, const GetAtt&) = default;
};
struct Sub {
    std::string text;  // ${LogicalId}, ${LogicalId.Attribute} and ${AWS::Pseudo} resolved by CFN
    friend bool operator==(const Sub&, const Sub&) = default;
};
struct Join {
    std::string separator;
    List parts;
    friend bool operator==(const Join&, const Join&) = default;
};
struct Select {
    std::int64_t index;
    util::Indirect<Value> list;
    friend bool operator==(const Select&, const Select&) = default;
};
struct GetAZs {
    std::string region;  // empty: the stack's region
    friend bool operator==(const GetAZs&, const GetAZs&) = default;
};
struct ImportValue {
    util::Indirect<Value> name;
    friend bool operator==(const ImportValue&, const ImportValue&) = default;
};

struct Value {
    using Variant = std::variant<bool, std::int64_t, std::string, List, Map, Ref, GetAtt, Sub, Join,
                                 Select, GetAZs, ImportValue>;
    Variant v;

    Value(bool b) : v(b) {}                           // NOLINT: values read as literals
    Value(int i) : v(std::int64_t{i}) {}              // NOLINT
    Value(std::int64_t i) : v(i) {}                   // NOLINT
    Value(const char* s) : v(std::string(s)) {}       // NOLINT
    Value(std::string s) : v(std::move(s)) {}         // NOLINT
    Value(std::string_view s) : v(std::string(s)) {}  // NOLINT
    Value(List l) : v(std::move(l)) {}                // NOLINT
    Value(Map m) : v(std::move(m)) {}                 // NOLINT
    Value(Ref r) : v(std::move(r)) {}                 // NOLINT
    Value(GetAtt g) : v(std::move(g)) {}              // NOLINT
    Value(Sub s) : v(std::move(s)) {}                 // NOLINT
    Value(Join j) : v(std::move(j)) {}                // NOLINT
    Value(Select s) : v(std::move(s)) {}              // NOLINT
    Value(GetAZs g) : v(std::move(g)) {}              // NOLINT
    Value(ImportValue i) : v(std::move(i)) {}         // NOLINT

    friend bool operator==(const Value&, const Value&) = default;
};

// Intrinsic constructors: each checks its arguments and throws std::logic_error when they are
// not what CloudFormation accepts.
Value ref(std::string_view target);
Value get_att(std::string_view resource, std::string_view attribute);
Value sub(std::string_view text);
Value join(std::string_view separator, List parts);
Value select(std::int64_t index, Value list);
Value get_azs(std::string_view region = {});
Value import_value(Value name);

// A list of plain strings, the most common property shape.
List strings(const std::vector<std::string>& items);

// True for an id CloudFormation accepts as a logical id: ASCII letters and digits, 1-255 long.
bool is_logical_id(std::string_view id);

}  // namespace emrctl::cfn
