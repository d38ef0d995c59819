#pragma once

// What a deploy would change: the deployed template (as CloudFormation's GetTemplate returns the
// JSON emrctl sent) compared with the synthesized one, resource by resource, property by
// property. Pure: both templates come in as text.
//
// It reports what differs in the documents, not what CloudFormation will do about it: which
// property changes force a replacement is known only to CloudFormation (a change set says), so
// the only replacement named here is a changed Type.

#include <string>
#include <string_view>
#include <vector>

#include <emrctl/util/error.hpp>

namespace emrctl::cfn {

enum class ChangeKind { added, removed, changed };

// One difference inside a resource, an output or the template itself.
struct PropertyChange {
    ChangeKind kind = ChangeKind::changed;
    // Where, from the entry: "Properties.ReleaseLabel", "Properties.Instances.Ec2SubnetIds[0]",
    // "Properties.Tags[Key=Name].Value" (tag lists are matched by Key), "DependsOn".
    std::string path;
    std::string old_json;  // compact JSON; empty when added
    std::string new_json;  // compact JSON; empty when removed
};

struct ResourceDiff {
    std::string logical_id;
    ChangeKind kind = ChangeKind::changed;
    std::string old_type;                 // empty when added
    std::string new_type;                 // empty when removed
    std::vector<PropertyChange> changes;  // when changed: what differs besides Type

    // A resource whose Type changes is deleted and created again.
    bool type_changed() const { return kind == ChangeKind::changed && old_type != new_type; }
};

// A named entry of Parameters, Mappings, Conditions or Outputs.
struct EntryDiff {
    std::string name;
    ChangeKind kind = ChangeKind::changed;
    std::string old_json;  // the whole entry, compact; empty when added
    std::string new_json;  // the whole entry, compact; empty when removed
    // When changed, paths from the entry ("Value", "Export.Name"); one change with an empty path
    // when the entry is a single value (a condition's Fn::Equals).
    std::vector<PropertyChange> changes;
};

// Entries are sorted by logical id or name; the changes inside one follow the document (keys
// sorted, list items in their order), so the same two templates always give the same diff.
struct TemplateDiff {
    // Description, AWSTemplateFormatVersion, Transform, Metadata, Rules and any other top-level
    // key, with paths from the template ("Description", "Metadata.Owner").
    std::vector<PropertyChange> header;
    std::vector<EntryDiff> parameters;
    std::vector<EntryDiff> mappings;
    std::vector<EntryDiff> conditions;
    std::vector<ResourceDiff> resources;
    std::vector<EntryDiff> outputs;

    bool empty() const;
};

// Compares two templates given as JSON text. An empty (or blank) deployed template means the
// stack does not exist yet: everything in the synthesized one is added. Fails when either text
// is not a JSON object; a deployed template in YAML (deployed by hand) is such a failure.
Result<TemplateDiff> diff_templates(std::string_view deployed_json,
                                    std::string_view synthesized_json);

}  // namespace emrctl::cfn
