#include <stdexcept>
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include <emrctl/cfn/value.hpp>

namespace emrctl::cfn {
namespace {

TEST(Value, LiteralsKeepTheirType) {
    EXPECT_TRUE(std::holds_alternative<std::string>(Value("text").v));
    EXPECT_TRUE(std::holds_alternative<std::string>(Value(std::string_view("text")).v));
    EXPECT_TRUE(std::holds_alternative<std::int64_t>(Value(3).v));
    EXPECT_TRUE(std::holds_alternative<bool>(Value(true).v));
    EXPECT_EQ(std::get<std::int64_t>(Value(-7).v), -7);
}

TEST(Value, ComparesByContent) {
    EXPECT_EQ(ref("Vpc"), ref("Vpc"));
    EXPECT_NE(ref("Vpc"), ref("Subnet"));
    EXPECT_NE(Value(ref("Vpc")), Value("Vpc"));
    EXPECT_EQ(select(1, get_azs()), select(1, get_azs()));
    EXPECT_NE(select(1, get_azs()), select(0, get_azs()));
    EXPECT_EQ((Map{{"a", List{1, "x"}}}), (Map{{"a", List{1, "x"}}}));
}

TEST(Value, CopiesAreDeep) {
    Value original = select(0, List{"a", "b"});
    Value copy = original;
    original = select(0, List{"c"});
    EXPECT_EQ(copy, select(0, List{"a", "b"}));
}

TEST(Ref, AcceptsLogicalIdsAndPseudoParameters) {
    EXPECT_EQ(std::get<Ref>(ref("MyVpc").v).target, "MyVpc");
    EXPECT_EQ(std::get<Ref>(ref("AWS::Region").v).target, "AWS::Region");
    EXPECT_EQ(std::get<Ref>(ref("AWS::NoValue").v).target, "AWS::NoValue");
}

TEST(Ref, RejectsInvalidIds) {
    EXPECT_THROW(ref(""), std::logic_error);
    EXPECT_THROW(ref("my-vpc"), std::logic_error);
    EXPECT_THROW(ref("My Vpc"), std::logic_error);
    EXPECT_THROW(ref("Vpc.Id"), std::logic_error);
    EXPECT_THROW(ref("${Vpc}"), std::logic_error);
}

TEST(Ref, RejectsUnknownPseudoParameters) {
    EXPECT_THROW(ref("AWS::Regoin"), std::logic_error);
    EXPECT_THROW(ref("AWS::"), std::logic_error);
}

TEST(Ref, ErrorNamesTheIntrinsicAndTheTarget) {
    try {
        ref("my-vpc");
        FAIL() << "no exception";
    } catch (const std::logic_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("malformed CloudFormation intrinsic"), std::string::npos) << what;
        EXPECT_NE(what.find("my-vpc"), std::string::npos) << what;
    }
}

TEST(GetAtt, KeepsResourceAndAttribute) {
    const auto v = get_att("Cluster", "MasterPublicDNS");
    EXPECT_EQ(std::get<GetAtt>(v.v).resource, "Cluster");
    EXPECT_EQ(std::get<GetAtt>(v.v).attribute, "MasterPublicDNS");
    EXPECT_NO_THROW(get_att("Db", "Endpoint.Address"));
}

TEST(GetAtt, RejectsAnEmptyAttribute) {
    EXPECT_THROW(get_att("Cluster", ""), std::logic_error);
}

TEST(GetAtt, RejectsAnInvalidResourceId) {
    EXPECT_THROW(get_att("", "Arn"), std::logic_error);
    EXPECT_THROW(get_att("AWS::Region", "Arn"), std::logic_error);
    EXPECT_THROW(get_att("my-bucket", "Arn"), std::logic_error);
}

TEST(Sub, AcceptsWellFormedVariables) {
    EXPECT_NO_THROW(sub("plain text"));
    EXPECT_NO_THROW(sub("${Bucket}-${AWS::Region}"));
    EXPECT_NO_THROW(sub("${Bucket.Arn}/*"));
    EXPECT_NO_THROW(sub("${!Literal}"));
    EXPECT_NO_THROW(sub("$ and } alone"));
    EXPECT_EQ(std::get<Sub>(sub("a${B}c").v).text, "a${B}c");
}

TEST(Sub, RejectsAnUnclosedVariable) {
    EXPECT_THROW(sub("${"), std::logic_error);
    EXPECT_THROW(sub("arn:${Bucket"), std::logic_error);
    EXPECT_THROW(sub("${A}-${B"), std::logic_error);
    EXPECT_THROW(sub("}${"), std::logic_error);
}

TEST(Sub, RejectsAnEmptyVariable) {
    EXPECT_THROW(sub("${}"), std::logic_error);
    EXPECT_THROW(sub("x-${A}-${}"), std::logic_error);
}

TEST(Join, RejectsNoParts) {
    EXPECT_THROW(join(",", {}), std::logic_error);
}

TEST(Join, KeepsSeparatorAndParts) {
    const auto v = join("", List{"a", ref("B")});
    EXPECT_EQ(std::get<Join>(v.v).separator, "");
    EXPECT_EQ(std::get<Join>(v.v).parts, (List{"a", ref("B")}));
}

TEST(Select, RejectsANegativeIndex) {
    EXPECT_THROW(select(-1, get_azs()), std::logic_error);
}

TEST(Select, KeepsIndexAndList) {
    const auto v = select(2, get_azs());
    EXPECT_EQ(std::get<Select>(v.v).index, 2);
    EXPECT_EQ(*std::get<Select>(v.v).list, get_azs());
}

TEST(GetAzs, DefaultsToTheStacksRegion) {
    EXPECT_EQ(std::get<GetAZs>(get_azs().v).region, "");
    EXPECT_EQ(std::get<GetAZs>(get_azs("eu-west-3").v).region, "eu-west-3");
}

TEST(ImportValue, TakesAnyValueAsName) {
    const auto v = import_value(sub("${AWS::StackName}-VpcId"));
    EXPECT_EQ(*std::get<ImportValue>(v.v).name, sub("${AWS::StackName}-VpcId"));
}

TEST(IsLogicalId, AcceptsOneTo255AsciiLettersAndDigits) {
    EXPECT_TRUE(is_logical_id("A"));
    EXPECT_TRUE(is_logical_id("PublicSubnet1"));
    EXPECT_TRUE(is_logical_id(std::string(255, 'a')));
    EXPECT_FALSE(is_logical_id(std::string(256, 'a')));
    EXPECT_FALSE(is_logical_id(""));
    EXPECT_FALSE(is_logical_id("a_b"));
    EXPECT_FALSE(is_logical_id("a-b"));
    EXPECT_FALSE(is_logical_id("caf\xc3\xa9"));
}

TEST(Strings, MakesAListOfStrings) {
    EXPECT_EQ(strings({"a", "b"}), (List{"a", "b"}));
    EXPECT_TRUE(strings({}).empty());
}

}  // namespace
}  // namespace emrctl::cfn
