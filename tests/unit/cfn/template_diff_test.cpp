#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/cfn/template_diff.hpp>

namespace emrctl::cfn {

namespace {

// A small template in the shape emrctl renders: a bucket and a cluster with tags.
const std::string k_deployed = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "demo",
  "Outputs": {
    "ClusterId": {"Value": {"Ref": "Cluster"}, "Export": {"Name": "demo:ClusterId"}}
  },
  "Resources": {
    "DataBucket": {
      "Type": "AWS::S3::Bucket",
      "DeletionPolicy": "Retain",
      "Properties": {
        "BucketName": "demo-data",
        "Tags": [{"Key": "emrctl:project", "Value": "demo"}, {"Key": "Name", "Value": "demo-data"}]
      }
    },
    "Cluster": {
      "Type": "AWS::EMR::Cluster",
      "DependsOn": ["DataBucket", "Role"],
      "Properties": {
        "ReleaseLabel": "emr-7.1.0",
        "Applications": [{"Name": "Hadoop"}, {"Name": "Spark"}],
        "Instances": {"CoreInstanceGroup": {"InstanceCount": 2, "InstanceType": "m6g.xlarge"}},
        "LogUri": {"Fn::Sub": "s3://${LogsBucket}/logs/"}
      }
    },
    "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "demo"}}
  }
})";

// The deployed template with the value at a JSON pointer set to `new_json`.
std::string edited(const std::string& pointer, const std::string& new_json) {
    auto doc = nlohmann::json::parse(k_deployed);
    doc[nlohmann::json::json_pointer(pointer)] = nlohmann::json::parse(new_json);
    return doc.dump(2);
}

TemplateDiff diff(const std::string& deployed, const std::string& synthesized) {
    auto result = diff_templates(deployed, synthesized);
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().message);
    return result ? *result : TemplateDiff{};
}

const ResourceDiff& only_resource(const TemplateDiff& d) {
    EXPECT_EQ(d.resources.size(), 1U);
    return d.resources.front();
}

}  // namespace

TEST(DiffTemplates, IdenticalTemplatesHaveNoDifferences) {
    const auto d = diff(k_deployed, k_deployed);
    EXPECT_TRUE(d.empty());
}

TEST(DiffTemplates, KeyOrderAndWhitespaceAreNoDifference) {
    const std::string a = R"({"Resources": {"B": {"Type": "T", "Properties": {"x": 1, "y": 2}}}})";
    const std::string b =
        "{\"Resources\":{\"B\":{\"Properties\":{\"y\":2,\"x\":1},\"Type\":\"T\"}}}";
    EXPECT_TRUE(diff(a, b).empty());
}

TEST(DiffTemplates, ResourceAdded) {
    const std::string synthesized = R"({"Resources": {
        "Logs": {"Type": "AWS::S3::Bucket"}, "Role": {"Type": "AWS::IAM::Role"}}})";
    const auto d = diff(R"({"Resources": {"Role": {"Type": "AWS::IAM::Role"}}})", synthesized);
    const auto& r = only_resource(d);
    EXPECT_EQ(r.logical_id, "Logs");
    EXPECT_EQ(r.kind, ChangeKind::added);
    EXPECT_EQ(r.new_type, "AWS::S3::Bucket");
    EXPECT_EQ(r.old_type, "");
    EXPECT_TRUE(r.changes.empty());
}

TEST(DiffTemplates, ResourceRemoved) {
    const auto d = diff(R"({"Resources": {"Role": {"Type": "AWS::IAM::Role"},
                                          "Old": {"Type": "AWS::SQS::Queue"}}})",
                        R"({"Resources": {"Role": {"Type": "AWS::IAM::Role"}}})");
    const auto& r = only_resource(d);
    EXPECT_EQ(r.logical_id, "Old");
    EXPECT_EQ(r.kind, ChangeKind::removed);
    EXPECT_EQ(r.old_type, "AWS::SQS::Queue");
    EXPECT_EQ(r.new_type, "");
}

TEST(DiffTemplates, ResourceModifiedNamesThePropertyWithBothValues) {
    const auto d =
        diff(k_deployed, edited("/Resources/Cluster/Properties/ReleaseLabel", R"("emr-7.2.0")"));
    const auto& r = only_resource(d);
    EXPECT_EQ(r.logical_id, "Cluster");
    EXPECT_EQ(r.kind, ChangeKind::changed);
    EXPECT_EQ(r.old_type, "AWS::EMR::Cluster");
    EXPECT_EQ(r.new_type, "AWS::EMR::Cluster");
    EXPECT_FALSE(r.type_changed());
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].kind, ChangeKind::changed);
    EXPECT_EQ(r.changes[0].path, "Properties.ReleaseLabel");
    EXPECT_EQ(r.changes[0].old_json, R"("emr-7.1.0")");
    EXPECT_EQ(r.changes[0].new_json, R"("emr-7.2.0")");
}

TEST(DiffTemplates, NestedPropertyChangeHasItsFullPath) {
    const auto d =
        diff(k_deployed, edited("/Resources/Cluster/Properties/Instances/CoreInstanceGroup/"
                                "InstanceCount",
                                "3"));
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].path, "Properties.Instances.CoreInstanceGroup.InstanceCount");
    EXPECT_EQ(r.changes[0].old_json, "2");
    EXPECT_EQ(r.changes[0].new_json, "3");
}

TEST(DiffTemplates, ListItemsAreComparedByIndex) {
    const auto d =
        diff(k_deployed, edited("/Resources/Cluster/Properties/Applications",
                                R"([{"Name": "Hadoop"}, {"Name": "Livy"}, {"Name": "Spark"}])"));
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 2U);
    EXPECT_EQ(r.changes[0].path, "Properties.Applications[1].Name");
    EXPECT_EQ(r.changes[0].kind, ChangeKind::changed);
    EXPECT_EQ(r.changes[1].path, "Properties.Applications[2]");
    EXPECT_EQ(r.changes[1].kind, ChangeKind::added);
    EXPECT_EQ(r.changes[1].new_json, R"({"Name":"Spark"})");
}

TEST(DiffTemplates, PropertyAddedAndRemoved) {
    auto synthesized = edited("/Resources/Role/Properties", R"({"Path": "/emr/"})");
    const auto d = diff(k_deployed, synthesized);
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 2U);
    EXPECT_EQ(r.changes[0].path, "Properties.Path");
    EXPECT_EQ(r.changes[0].kind, ChangeKind::added);
    EXPECT_EQ(r.changes[0].new_json, R"("/emr/")");
    EXPECT_EQ(r.changes[0].old_json, "");
    EXPECT_EQ(r.changes[1].path, "Properties.RoleName");
    EXPECT_EQ(r.changes[1].kind, ChangeKind::removed);
    EXPECT_EQ(r.changes[1].old_json, R"("demo")");
    EXPECT_EQ(r.changes[1].new_json, "");
}

TEST(DiffTemplates, IntrinsicIsShownWhole) {
    const auto d = diff(k_deployed, edited("/Resources/Cluster/Properties/LogUri",
                                           R"({"Fn::Sub": "s3://${LogsBucket}/emr/"})"));
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].path, "Properties.LogUri");
    EXPECT_EQ(r.changes[0].old_json, R"({"Fn::Sub":"s3://${LogsBucket}/logs/"})");
    EXPECT_EQ(r.changes[0].new_json, R"({"Fn::Sub":"s3://${LogsBucket}/emr/"})");
}

TEST(DiffTemplates, ReorderedTagsAreNoDifference) {
    const auto d = diff(k_deployed, edited("/Resources/DataBucket/Properties/Tags",
                                           R"([{"Key": "Name", "Value": "demo-data"},
                                               {"Key": "emrctl:project", "Value": "demo"}])"));
    EXPECT_TRUE(d.empty());
}

TEST(DiffTemplates, ChangedTagValueIsOneChangeNamingTheKey) {
    const auto d = diff(k_deployed, edited("/Resources/DataBucket/Properties/Tags",
                                           R"([{"Key": "Name", "Value": "demo-bucket"},
                                               {"Key": "emrctl:project", "Value": "demo"}])"));
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].path, "Properties.Tags[Key=Name].Value");
    EXPECT_EQ(r.changes[0].old_json, R"("demo-data")");
    EXPECT_EQ(r.changes[0].new_json, R"("demo-bucket")");
}

TEST(DiffTemplates, AddedTagIsNamedByItsKey) {
    const auto d = diff(k_deployed, edited("/Resources/DataBucket/Properties/Tags",
                                           R"([{"Key": "emrctl:project", "Value": "demo"},
                                               {"Key": "Name", "Value": "demo-data"},
                                               {"Key": "Owner", "Value": "ana"}])"));
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].kind, ChangeKind::added);
    EXPECT_EQ(r.changes[0].path, "Properties.Tags[Key=Owner]");
    EXPECT_EQ(r.changes[0].new_json, R"({"Key":"Owner","Value":"ana"})");
}

TEST(DiffTemplates, ReorderedDependsOnIsNoDifference) {
    EXPECT_TRUE(
        diff(k_deployed, edited("/Resources/Cluster/DependsOn", R"(["Role", "DataBucket"])"))
            .empty());
}

TEST(DiffTemplates, ChangedDependsOnIsOneChangeShownWhole) {
    const auto d = diff(k_deployed, edited("/Resources/Cluster/DependsOn", R"(["DataBucket"])"));
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].path, "DependsOn");
    EXPECT_EQ(r.changes[0].old_json, R"(["DataBucket","Role"])");
    EXPECT_EQ(r.changes[0].new_json, R"(["DataBucket"])");
}

TEST(DiffTemplates, ResourceOptionChange) {
    const auto d = diff(k_deployed, edited("/Resources/DataBucket/DeletionPolicy", R"("Delete")"));
    const auto& r = only_resource(d);
    ASSERT_EQ(r.changes.size(), 1U);
    EXPECT_EQ(r.changes[0].path, "DeletionPolicy");
}

TEST(DiffTemplates, MissingAndEmptyPropertiesAreTheSame) {
    EXPECT_TRUE(diff(R"({"Resources": {"G": {"Type": "AWS::EC2::InternetGateway"}}})",
                     R"({"Resources": {"G": {"Type": "AWS::EC2::InternetGateway",
                                              "Properties": {}}}})")
                    .empty());
}

TEST(DiffTemplates, TypeChangeMeansReplacement) {
    const auto d = diff(k_deployed, edited("/Resources/Role/Type", R"("AWS::IAM::User")"));
    const auto& r = only_resource(d);
    EXPECT_EQ(r.kind, ChangeKind::changed);
    EXPECT_TRUE(r.type_changed());
    EXPECT_EQ(r.old_type, "AWS::IAM::Role");
    EXPECT_EQ(r.new_type, "AWS::IAM::User");
    EXPECT_TRUE(r.changes.empty());
}

TEST(DiffTemplates, OutputChanged) {
    const auto d = diff(k_deployed, edited("/Outputs/ClusterId/Export/Name", R"("demo:Cluster")"));
    EXPECT_TRUE(d.resources.empty());
    ASSERT_EQ(d.outputs.size(), 1U);
    const auto& o = d.outputs[0];
    EXPECT_EQ(o.name, "ClusterId");
    EXPECT_EQ(o.kind, ChangeKind::changed);
    ASSERT_EQ(o.changes.size(), 1U);
    EXPECT_EQ(o.changes[0].path, "Export.Name");
    EXPECT_EQ(o.changes[0].old_json, R"("demo:ClusterId")");
    EXPECT_EQ(o.changes[0].new_json, R"("demo:Cluster")");
}

TEST(DiffTemplates, OutputAddedCarriesItsValue) {
    const auto d = diff(
        k_deployed, edited("/Outputs/RoleArn", R"({"Value": {"Fn::GetAtt": ["Role", "Arn"]}})"));
    ASSERT_EQ(d.outputs.size(), 1U);
    EXPECT_EQ(d.outputs[0].name, "RoleArn");
    EXPECT_EQ(d.outputs[0].kind, ChangeKind::added);
    EXPECT_EQ(d.outputs[0].new_json, R"({"Value":{"Fn::GetAtt":["Role","Arn"]}})");
}

TEST(DiffTemplates, ParametersConditionsAndMappingsAreEntries) {
    const std::string a = R"({"Parameters": {"Env": {"Type": "String"}},
                              "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}}})";
    const std::string b = R"({"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
                              "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Env"}, "live"]}},
                              "Mappings": {"Ami": {"us-east-1": {"Id": "ami-1"}}}})";
    const auto d = diff(a, b);
    ASSERT_EQ(d.parameters.size(), 1U);
    ASSERT_EQ(d.parameters[0].changes.size(), 1U);
    EXPECT_EQ(d.parameters[0].changes[0].path, "Default");
    EXPECT_EQ(d.parameters[0].changes[0].kind, ChangeKind::added);
    ASSERT_EQ(d.conditions.size(), 1U);
    ASSERT_EQ(d.conditions[0].changes.size(), 1U);
    EXPECT_EQ(d.conditions[0].changes[0].path, "");
    ASSERT_EQ(d.mappings.size(), 1U);
    EXPECT_EQ(d.mappings[0].kind, ChangeKind::added);
}

TEST(DiffTemplates, DescriptionChangeIsInTheHeader) {
    const auto d = diff(k_deployed, edited("/Description", R"("demo, renamed")"));
    ASSERT_EQ(d.header.size(), 1U);
    EXPECT_EQ(d.header[0].path, "Description");
    EXPECT_EQ(d.header[0].old_json, R"("demo")");
    EXPECT_EQ(d.header[0].new_json, R"("demo, renamed")");
    EXPECT_TRUE(d.resources.empty());
    EXPECT_FALSE(d.empty());
}

TEST(DiffTemplates, EntriesAreSortedById) {
    const auto d = diff("", R"({"Resources": {"Zeta": {"Type": "T"}, "Alpha": {"Type": "T"},
                                              "Mid": {"Type": "T"}}})");
    ASSERT_EQ(d.resources.size(), 3U);
    EXPECT_EQ(d.resources[0].logical_id, "Alpha");
    EXPECT_EQ(d.resources[1].logical_id, "Mid");
    EXPECT_EQ(d.resources[2].logical_id, "Zeta");
}

TEST(DiffTemplates, NoDeployedTemplateMeansEverythingIsAdded) {
    for (const std::string deployed : {"", "  \n"}) {
        const auto d = diff(deployed, k_deployed);
        ASSERT_EQ(d.resources.size(), 3U);
        for (const auto& r : d.resources)
            EXPECT_EQ(r.kind, ChangeKind::added) << r.logical_id;
        EXPECT_EQ(d.resources[0].logical_id, "Cluster");
        EXPECT_EQ(d.resources[0].new_type, "AWS::EMR::Cluster");
        ASSERT_EQ(d.outputs.size(), 1U);
        EXPECT_EQ(d.outputs[0].kind, ChangeKind::added);
        ASSERT_EQ(d.header.size(), 2U);
        EXPECT_EQ(d.header[0].path, "AWSTemplateFormatVersion");
        EXPECT_EQ(d.header[1].path, "Description");
    }
}

TEST(DiffTemplates, DeployedYamlIsAnError) {
    const auto result =
        diff_templates("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", k_deployed);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::aws);
    EXPECT_EQ(result.error().message,
              "the deployed template is not JSON (was it deployed by emrctl?)");
    EXPECT_FALSE(result.error().hint.empty());
}

TEST(DiffTemplates, BrokenDeployedJsonIsAnErrorSayingWhere) {
    const auto result = diff_templates("{\"Resources\": {\n  \"A\": }\n}", k_deployed);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::aws);
    EXPECT_TRUE(result.error().message.starts_with(
        "the deployed template is not valid JSON: parse error at line 2"))
        << result.error().message;
}

TEST(DiffTemplates, MalformedSectionsAreErrors) {
    EXPECT_EQ(diff_templates("[]", k_deployed).error().message,
              "the deployed template is not JSON (was it deployed by emrctl?)");
    EXPECT_EQ(diff_templates(R"({"Resources": []})", k_deployed).error().message,
              "the deployed template has a section Resources that is not an object");
    EXPECT_EQ(diff_templates(R"({"Resources": {"A": 1}})", k_deployed).error().message,
              "the deployed template has a resource A that is not an object");
    EXPECT_EQ(diff_templates(R"({"Outputs": "x"})", k_deployed).error().message,
              "the deployed template has a section Outputs that is not an object");
}

TEST(DiffTemplates, BrokenSynthesizedJsonIsAnInternalError) {
    const auto result = diff_templates(k_deployed, "{");
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::internal);
    EXPECT_TRUE(result.error().message.starts_with("the synthesized template is not valid JSON"));
    EXPECT_EQ(diff_templates(k_deployed, "").error().message, "the synthesized template is empty");
}

}  // namespace emrctl::cfn
