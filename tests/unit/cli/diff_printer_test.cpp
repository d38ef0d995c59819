#include <string>

#include <gtest/gtest.h>

#include <emrctl/cli/diff_printer.hpp>

namespace emrctl::cli {

namespace {

using cfn::ChangeKind;

cfn::TemplateDiff diff(const std::string& deployed, const std::string& synthesized) {
    auto result = cfn::diff_templates(deployed, synthesized);
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().message);
    return result ? *result : cfn::TemplateDiff{};
}

}  // namespace

TEST(FormatTemplateDiff, NoDifferences) {
    EXPECT_EQ(format_template_diff({}, "demo", {}), "Stack demo\nThere were no differences\n");
}

TEST(FormatTemplateDiff, ResourcesAddedRemovedAndModified) {
    const auto d = diff(R"({"Resources": {
        "Cluster": {"Type": "AWS::EMR::Cluster",
                    "Properties": {"ReleaseLabel": "emr-7.1.0", "LogUri": "s3://l/",
                                   "Tags": [{"Key": "Name", "Value": "a"}]}},
        "Old": {"Type": "AWS::SQS::Queue"}}})",
                        R"({"Resources": {
        "Cluster": {"Type": "AWS::EMR::Cluster",
                    "Properties": {"ReleaseLabel": "emr-7.2.0", "StepConcurrencyLevel": 2,
                                   "Tags": [{"Key": "Name", "Value": "b"}]}},
        "DataBucket": {"Type": "AWS::S3::Bucket"}}})");
    EXPECT_EQ(format_template_diff(d, "demo", {}),
              "Stack demo\n"
              "\n"
              "Resources\n"
              "[~] AWS::EMR::Cluster Cluster\n"
              " ├─ [-] Properties.LogUri: \"s3://l/\"\n"
              " ├─ [~] Properties.ReleaseLabel: \"emr-7.1.0\" → \"emr-7.2.0\"\n"
              " ├─ [+] Properties.StepConcurrencyLevel: 2\n"
              " └─ [~] Properties.Tags[Key=Name].Value: \"a\" → \"b\"\n"
              "[+] AWS::S3::Bucket DataBucket\n"
              "[-] AWS::SQS::Queue Old\n");
}

TEST(FormatTemplateDiff, TypeChangeSaysItReplaces) {
    const auto d = diff(R"({"Resources": {"R": {"Type": "AWS::IAM::Role"}}})",
                        R"({"Resources": {"R": {"Type": "AWS::IAM::User"}}})");
    EXPECT_EQ(format_template_diff(d, "demo", {}),
              "Stack demo\n\nResources\n"
              "[~] AWS::IAM::Role → AWS::IAM::User R (type changed: replaces the resource)\n");
}

TEST(FormatTemplateDiff, HeaderParametersConditionsAndOutputsInTemplateOrder) {
    const auto d = diff(R"({"Description": "a",
                            "Parameters": {"Env": {"Type": "String"}},
                            "Conditions": {"IsProd": {"Fn::Equals": ["a", "b"]}},
                            "Outputs": {"Gone": {"Value": "x"},
                                        "Id": {"Value": {"Ref": "A"}}}})",
                        R"({"Description": "b",
                            "Parameters": {"Env": {"Type": "String", "Default": "dev"}},
                            "Conditions": {"IsProd": {"Fn::Equals": ["a", "c"]}},
                            "Outputs": {"Id": {"Value": {"Ref": "B"}},
                                        "New": {"Value": "y"}}})");
    EXPECT_EQ(
        format_template_diff(d, "demo", {}),
        "Stack demo\n"
        "\n"
        "Template\n"
        "[~] Description: \"a\" → \"b\"\n"
        "\n"
        "Parameters\n"
        "[~] Parameter Env\n"
        " └─ [+] Default: \"dev\"\n"
        "\n"
        "Conditions\n"
        "[~] Condition IsProd: {\"Fn::Equals\":[\"a\",\"b\"]} → {\"Fn::Equals\":[\"a\",\"c\"]}\n"
        "\n"
        "Outputs\n"
        "[-] Output Gone: {\"Value\":\"x\"}\n"
        "[~] Output Id\n"
        " └─ [~] Value: {\"Ref\":\"A\"} → {\"Ref\":\"B\"}\n"
        "[+] Output New: {\"Value\":\"y\"}\n");
}

TEST(FormatTemplateDiff, LongValuesAreCutAtACharacterBoundary) {
    cfn::TemplateDiff d;
    // 98 ASCII bytes, then "é" (2 bytes) straddling byte 99: the cut falls before it.
    const std::string long_value = "\"" + std::string(97, 'x') + "\xc3\xa9" + "tail\"";
    d.header.push_back({.kind = ChangeKind::added, .path = "Description", .new_json = long_value});
    const std::string text = format_template_diff(d, "demo", {});
    EXPECT_NE(text.find("[+] Description: \"" + std::string(97, 'x') + "…\n"), std::string::npos)
        << text;
}

TEST(FormatTemplateDiff, ShortValuesAreKeptWhole) {
    cfn::TemplateDiff d;
    const std::string value = "\"" + std::string(98, 'x') + "\"";  // exactly the width
    d.header.push_back({.kind = ChangeKind::added, .path = "Description", .new_json = value});
    EXPECT_NE(format_template_diff(d, "demo", {}).find(value + "\n"), std::string::npos);
}

TEST(FormatTemplateDiff, ColorOnlyWhenAsked) {
    const auto d = diff("", R"({"Resources": {"B": {"Type": "AWS::S3::Bucket"}}})");
    EXPECT_EQ(format_template_diff(d, "demo", {.color = false}).find('\033'), std::string::npos);
    const std::string colored = format_template_diff(d, "demo", {.color = true});
    EXPECT_NE(colored.find("\033[32m[+]\033[0m AWS::S3::Bucket B"), std::string::npos) << colored;
}

}  // namespace emrctl::cli
