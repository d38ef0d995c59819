#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include <emrctl/cfn/render.hpp>

namespace emrctl::cfn {

// How GoogleTest prints a Value in a failure message.
[[maybe_unused]] static void PrintTo(const Value& v, std::ostream* os) {
    *os << to_json(v);
}

namespace {

const Map& as_map(const Value& v) {
    return std::get<Map>(v.v);
}

TEST(ToDocument, HasTheFiveTopLevelSections) {
    Template t("demo");
    const auto doc = as_map(to_document(t));
    EXPECT_EQ(doc.at("AWSTemplateFormatVersion"), Value("2010-09-09"));
    EXPECT_EQ(doc.at("Description"), Value("demo"));
    EXPECT_EQ(doc.at("Parameters"), Value(Map{}));  // empty: the renderers leave it out
    EXPECT_EQ(doc.at("Resources"), Value(Map{}));
    EXPECT_EQ(doc.at("Outputs"), Value(Map{}));
    EXPECT_EQ(doc.size(), 5U);
}

TEST(ToDocument, ParameterHasTypeDefaultAndDescription) {
    Template t("demo");
    t.add_parameter("Generation", {.default_value = "1", .description = "which one"});
    t.add_parameter("Size", {.type = "Number"});
    const auto parameters = as_map(as_map(to_document(t)).at("Parameters"));
    EXPECT_EQ(parameters.at("Generation"),
              Value(Map{{"Type", "String"}, {"Default", "1"}, {"Description", "which one"}}));
    EXPECT_EQ(parameters.at("Size"), Value(Map{{"Type", "Number"}}));
}

TEST(ToDocument, ResourceHasTypePropertiesAndItsOptions) {
    Template t("demo");
    t.add("Gateway", Resource{.type = "AWS::EC2::InternetGateway"});
    t.add("Bucket", Resource{.type = "AWS::S3::Bucket",
                             .properties = {{"BucketName", "b"}},
                             .depends_on = {"Gateway"},
                             .deletion_policy = DeletionPolicy::retain,
                             .update_replace_policy = DeletionPolicy::snapshot});
    const auto resources = as_map(as_map(to_document(t)).at("Resources"));
    EXPECT_EQ(resources.at("Bucket"), Value(Map{{"Type", "AWS::S3::Bucket"},
                                                {"Properties", Map{{"BucketName", "b"}}},
                                                {"DependsOn", List{"Gateway"}},
                                                {"DeletionPolicy", "Retain"},
                                                {"UpdateReplacePolicy", "Snapshot"}}));
    EXPECT_EQ(resources.at("Gateway"),
              Value(Map{{"Type", "AWS::EC2::InternetGateway"}, {"Properties", Map{}}}));
}

TEST(ToDocument, OutputHasValueDescriptionAndExportName) {
    Template t("demo");
    t.add("Vpc", Resource{.type = "AWS::EC2::VPC"});
    t.add_output("VpcId", Output{.value = ref("Vpc"), .description = "d", .export_name = "x-Vpc"});
    t.add_output("Plain", Output{.value = "v", .description = "p"});
    const auto outputs = as_map(as_map(to_document(t)).at("Outputs"));
    EXPECT_EQ(outputs.at("VpcId"), Value(Map{{"Value", ref("Vpc")},
                                             {"Description", "d"},
                                             {"Export", Map{{"Name", "x-Vpc"}}}}));
    EXPECT_EQ(outputs.at("Plain"), Value(Map{{"Value", "v"}, {"Description", "p"}}));
}

}  // namespace
}  // namespace emrctl::cfn
