#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include <emrctl/cfn/template.hpp>

namespace emrctl::cfn {
namespace {

Resource vpc() {
    return Resource{.type = "AWS::EC2::VPC", .properties = {{"CidrBlock", "172.16.0.0/22"}}};
}

Resource subnet(Value vpc_id) {
    return Resource{.type = "AWS::EC2::Subnet", .properties = {{"VpcId", std::move(vpc_id)}}};
}

// The message of the std::logic_error `f` throws, or "" if it throws none.
template <class F>
std::string logic_error_of(F&& f) {
    try {
        f();
    } catch (const std::logic_error& e) {
        return e.what();
    }
    return {};
}

TEST(Template, AddReturnsAHandleThatWiresTheNextResource) {
    Template t("test");
    const auto handle = t.add("Vpc", vpc());
    EXPECT_EQ(handle.id, "Vpc");
    EXPECT_EQ(handle.type, "AWS::EC2::VPC");
    EXPECT_EQ(handle.ref(), ref("Vpc"));
    EXPECT_EQ(handle.att("CidrBlock"), get_att("Vpc", "CidrBlock"));
    t.add("Subnet", subnet(handle.ref()));
    EXPECT_TRUE(t.contains("Subnet"));
    EXPECT_EQ(t.resources().size(), 2U);
    EXPECT_EQ(t.resources().at("Subnet").properties.at("VpcId"), ref("Vpc"));
}

TEST(Template, KeepsItsDescription) {
    EXPECT_EQ(Template("emrctl: network of demo").description(), "emrctl: network of demo");
}

TEST(Template, RejectsADuplicateId) {
    Template t("test");
    t.add("Vpc", vpc());
    const auto what = logic_error_of([&] { t.add("Vpc", vpc()); });
    EXPECT_NE(what.find("duplicate logical id 'Vpc'"), std::string::npos) << what;
    EXPECT_EQ(t.resources().size(), 1U);
}

TEST(Template, AParameterCanBeReferredToAndSubstituted) {
    Template t("test");
    const auto generation = t.add_parameter("Generation", {.default_value = "1"});
    EXPECT_EQ(generation, ref("Generation"));
    t.add("Vpc",
          Resource{.type = "AWS::EC2::VPC",
                   .properties = {{"Name", sub("demo-${Generation}")}, {"Tag", generation}}});
    EXPECT_EQ(t.parameters().size(), 1U);
    EXPECT_EQ(t.parameters().at("Generation").default_value, "1");
}

TEST(Template, AParameterSharesTheIdsOfResources) {
    Template t("test");
    t.add("Vpc", vpc());
    t.add_parameter("Generation", {});
    EXPECT_NE(logic_error_of([&] { t.add_parameter("Vpc", {}); }).find("duplicate logical id"),
              std::string::npos);
    EXPECT_NE(logic_error_of([&] {
                  t.add_parameter("Generation", {});
              }).find("duplicate logical id 'Generation'"),
              std::string::npos);
    EXPECT_NE(logic_error_of([&] { t.add("Generation", vpc()); }).find("duplicate logical id"),
              std::string::npos);
    EXPECT_THROW(t.add_parameter("my-generation", {}), std::logic_error);
}

TEST(Template, RejectsAnInvalidId) {
    Template t("test");
    EXPECT_THROW(t.add("my-vpc", vpc()), std::logic_error);
    EXPECT_THROW(t.add("", vpc()), std::logic_error);
    EXPECT_THROW(t.add("Vpc_1", vpc()), std::logic_error);
    EXPECT_TRUE(t.resources().empty());
}

TEST(Template, RejectsARefToAResourceNotYetAdded) {
    Template t("test");
    const auto what = logic_error_of([&] { t.add("Subnet", subnet(ref("Vpc"))); });
    EXPECT_NE(what.find("Subnet refers to 'Vpc'"), std::string::npos) << what;
    EXPECT_FALSE(t.contains("Subnet"));
}

TEST(Template, RejectsAGetAttOfAResourceNotYetAdded) {
    Template t("test");
    EXPECT_THROW(t.add("Subnet", subnet(get_att("Vpc", "VpcId"))), std::logic_error);
}

TEST(Template, RejectsSubVariablesNamingResourcesNotYetAdded) {
    Template t("test");
    EXPECT_THROW(t.add("A", subnet(sub("${Vpc}"))), std::logic_error);
    EXPECT_THROW(t.add("B", subnet(sub("arn:${Vpc.Arn}/*"))), std::logic_error);
    EXPECT_THROW(t.add("C", subnet(sub("${AWS::Region}-${Vpc}"))), std::logic_error);
    EXPECT_TRUE(t.resources().empty());
}

TEST(Template, AcceptsPseudoParametersAndEscapesInSub) {
    Template t("test");
    EXPECT_NO_THROW(t.add("A", subnet(sub("${AWS::Region}-${AWS::StackName}"))));
    EXPECT_NO_THROW(t.add("B", subnet(sub("${!Literal}-${!Vpc}"))));
    EXPECT_NO_THROW(t.add("C", subnet(ref("AWS::NoValue"))));
}

TEST(Template, AcceptsReferencesToResourcesAlreadyAdded) {
    Template t("test");
    t.add("Vpc", vpc());
    EXPECT_NO_THROW(t.add("A", subnet(sub("${Vpc}"))));
    EXPECT_NO_THROW(t.add("B", subnet(sub("${Vpc.CidrBlock}/x"))));
    EXPECT_NO_THROW(t.add("C", subnet(get_att("Vpc", "CidrBlock"))));
}

TEST(Template, FindsReferencesNestedInListsMapsAndIntrinsics) {
    Template t("test");
    t.add("Vpc", vpc());
    const List nested{
        List{"a", Map{{"Deep", List{ref("Missing")}}}},
        join(",", List{"a", get_att("Missing", "Arn")}),
        select(0, List{ref("Missing")}),
        import_value(sub("${Missing}-export")),
    };
    for (const auto& value : nested) {
        EXPECT_THROW(t.add("X", subnet(value)), std::logic_error);
    }
    EXPECT_FALSE(t.contains("X"));
}

TEST(Template, RejectsAReferenceToItself) {
    Template t("test");
    EXPECT_THROW(t.add("Vpc", subnet(ref("Vpc"))), std::logic_error);
}

TEST(Template, RejectsDependsOnAnUnknownResource) {
    Template t("test");
    auto r = vpc();
    r.depends_on = {"Gateway"};
    const auto what = logic_error_of([&] { t.add("Vpc", r); });
    EXPECT_NE(what.find("Vpc depends on unknown 'Gateway'"), std::string::npos) << what;
    t.add("Gateway", Resource{.type = "AWS::EC2::InternetGateway"});
    EXPECT_NO_THROW(t.add("Vpc", r));
}

TEST(Template, AddOutputChecksIdDuplicatesAndReferences) {
    Template t("test");
    t.add("Vpc", vpc());
    t.add_output("VpcId", Output{.value = ref("Vpc"), .description = "the VPC"});
    EXPECT_THROW(t.add_output("VpcId", Output{.value = ref("Vpc")}), std::logic_error);
    EXPECT_THROW(t.add_output("vpc-id", Output{.value = ref("Vpc")}), std::logic_error);
    EXPECT_THROW(t.add_output("Other", Output{.value = ref("Missing")}), std::logic_error);
    EXPECT_EQ(t.outputs().size(), 1U);
    EXPECT_EQ(t.outputs().at("VpcId").description, "the VPC");
}

}  // namespace
}  // namespace emrctl::cfn
