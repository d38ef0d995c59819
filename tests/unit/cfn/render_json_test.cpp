#include <ostream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/cfn/render.hpp>

namespace emrctl::cfn {

// How GoogleTest prints a Value in a failure message.
[[maybe_unused]] static void PrintTo(const Value& v, std::ostream* os) {
    *os << to_json(v);
}

namespace {

using nlohmann::json;

json parsed(const Value& v) {
    return json::parse(to_json(v));
}

TEST(ToJson, SortsKeysWithTypeFirst) {
    const Value v = Map{{"b", 1}, {"Type", "AWS::S3::Bucket"}, {"a", 2}, {"Z", 3}};
    EXPECT_EQ(to_json(v), R"({
  "Type": "AWS::S3::Bucket",
  "Z": 3,
  "a": 2,
  "b": 1
}
)");
}

TEST(ToJson, IndentsNestedListsAndMapsByTwo) {
    const Value v = Map{{"k", List{1, Map{{"x", true}}, List{"a"}}}};
    EXPECT_EQ(to_json(v), R"({
  "k": [
    1,
    {
      "x": true
    },
    [
      "a"
    ]
  ]
}
)");
}

TEST(ToJson, IsByteStableWhateverTheInsertionOrder) {
    Map first;
    first.emplace("Properties", Map{{"B", 2}, {"A", 1}});
    first.emplace("Type", "X");
    Map second;
    second.emplace("Type", "X");
    second.emplace("Properties", Map{{"A", 1}, {"B", 2}});
    EXPECT_EQ(to_json(first), to_json(second));
    EXPECT_EQ(to_json(first), to_json(first));
}

TEST(ToJson, DropsEmptyListsAndMapsInsideMaps) {
    const Value v = Map{{"a", List{}}, {"b", Map{}}, {"c", 1}};
    EXPECT_EQ(to_json(v), "{\n  \"c\": 1\n}\n");
}

TEST(ToJson, KeepsEmptyListsAndMapsInsideListsAndAtTheTop) {
    EXPECT_EQ(parsed(Map{{"c", List{List{}, Map{}}}}), json::parse(R"({"c": [[], {}]})"));
    EXPECT_EQ(to_json(Map{}), "{}\n");
    EXPECT_EQ(to_json(List{}), "[]\n");
}

TEST(ToJson, WritesScalars) {
    EXPECT_EQ(to_json(true), "true\n");
    EXPECT_EQ(to_json(false), "false\n");
    EXPECT_EQ(to_json(-42), "-42\n");
    EXPECT_EQ(to_json(std::int64_t{9007199254740993}), "9007199254740993\n");
    EXPECT_EQ(to_json("x"), "\"x\"\n");
}

TEST(ToJson, EscapesStrings) {
    const std::string nasty = "quote \" backslash \\ newline \n tab \t bell \x07 caf\xc3\xa9";
    EXPECT_EQ(parsed(Map{{nasty, nasty}}), (json{{nasty, nasty}}));
    EXPECT_EQ(to_json("a\"b"), "\"a\\\"b\"\n");
}

TEST(ToJson, RefLongForm) {
    EXPECT_EQ(parsed(ref("Vpc")), json::parse(R"({"Ref": "Vpc"})"));
    EXPECT_EQ(parsed(ref("AWS::Region")), json::parse(R"({"Ref": "AWS::Region"})"));
}

TEST(ToJson, GetAttLongFormIsAPair) {
    EXPECT_EQ(parsed(get_att("Db", "Endpoint.Address")),
              json::parse(R"({"Fn::GetAtt": ["Db", "Endpoint.Address"]})"));
}

TEST(ToJson, SubLongForm) {
    EXPECT_EQ(parsed(sub("${Bucket.Arn}/*")), json::parse(R"({"Fn::Sub": "${Bucket.Arn}/*"})"));
}

TEST(ToJson, JoinLongFormIsSeparatorAndList) {
    EXPECT_EQ(parsed(join(",", List{"a", ref("B")})),
              json::parse(R"({"Fn::Join": [",", ["a", {"Ref": "B"}]]})"));
}

TEST(ToJson, SelectLongFormIsIndexAndList) {
    EXPECT_EQ(parsed(select(1, get_azs())),
              json::parse(R"({"Fn::Select": [1, {"Fn::GetAZs": ""}]})"));
    EXPECT_EQ(parsed(select(0, List{"a", "b"})), json::parse(R"({"Fn::Select": [0, ["a", "b"]]})"));
}

TEST(ToJson, GetAzsLongFormNamesTheRegionOrNothing) {
    EXPECT_EQ(to_json(get_azs()), "{\n  \"Fn::GetAZs\": \"\"\n}\n");
    EXPECT_EQ(parsed(get_azs("eu-west-3")), json::parse(R"({"Fn::GetAZs": "eu-west-3"})"));
}

TEST(ToJson, ImportValueLongForm) {
    EXPECT_EQ(parsed(import_value("shared-VpcId")),
              json::parse(R"({"Fn::ImportValue": "shared-VpcId"})"));
    EXPECT_EQ(parsed(import_value(sub("${Env}-VpcId"))),
              json::parse(R"({"Fn::ImportValue": {"Fn::Sub": "${Env}-VpcId"}})"));
}

TEST(ToJson, IntrinsicsNestInsideEachOther) {
    const Value v = Map{{"Subnet", select(0, get_azs())},
                        {"Name", join("-", List{ref("AWS::StackName"), get_att("Vpc", "Id")})}};
    EXPECT_EQ(parsed(v), json::parse(R"({
      "Name": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, {"Fn::GetAtt": ["Vpc", "Id"]}]]},
      "Subnet": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
    })"));
}

TEST(LongForm, LeavesOtherValuesAsTheyAre) {
    EXPECT_EQ(long_form("x"), Value("x"));
    EXPECT_EQ(long_form(List{ref("A")}), Value(List{ref("A")}));
    EXPECT_EQ(long_form(ref("A")), Value(Map{{"Ref", "A"}}));
}

TEST(ToJson, TemplateIsTheFullDocument) {
    Template t("demo network");
    t.add("Vpc", Resource{.type = "AWS::EC2::VPC",
                          .properties = {{"CidrBlock", "172.16.0.0/22"}, {"Tags", List{}}},
                          .deletion_policy = DeletionPolicy::retain});
    t.add_output(
        "VpcId",
        Output{.value = ref("Vpc"), .description = "the VPC", .export_name = "demo-VpcId"});
    EXPECT_EQ(to_json(t), R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "demo network",
  "Outputs": {
    "VpcId": {
      "Description": "the VPC",
      "Export": {
        "Name": "demo-VpcId"
      },
      "Value": {
        "Ref": "Vpc"
      }
    }
  },
  "Resources": {
    "Vpc": {
      "Type": "AWS::EC2::VPC",
      "DeletionPolicy": "Retain",
      "Properties": {
        "CidrBlock": "172.16.0.0/22"
      }
    }
  }
}
)");
}

}  // namespace
}  // namespace emrctl::cfn
