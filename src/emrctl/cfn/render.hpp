#pragma once

// The one renderer: a template or value to JSON (what CloudFormation receives) or YAML (what a
// person reads). Keys are sorted, with "Type" first so a resource reads type-first; empty lists
// and maps inside maps are dropped. The same input always gives the same bytes.

#include <string>

#include <emrctl/cfn/template.hpp>
#include <emrctl/cfn/value.hpp>

namespace emrctl::cfn {

// The template as the document CloudFormation reads, intrinsics still in their short form.
Value to_document(const Template& t);

// An intrinsic in CloudFormation's JSON form ({"Fn::GetAtt": [...]}); other values unchanged.
Value long_form(const Value& v);

std::string to_json(const Value& v);
std::string to_json(const Template& t);

std::string to_yaml(const Value& v);
std::string to_yaml(const Template& t);

}  // namespace emrctl::cfn
