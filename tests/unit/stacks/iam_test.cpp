#include "stack_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/stacks/iam.hpp>

namespace emrctl::stacks {
namespace {

using namespace testing;

TEST(Iam, InstanceProfileIsNamedLikeItsRoleAsEmrRequires) {
    const auto t = synthesize_one(sample_project());
    EXPECT_EQ(props(t, "EmrInstanceProfile").at("InstanceProfileName"),
              props(t, "EmrInstanceRole").at("RoleName"));
    EXPECT_EQ(props(t, "EmrCluster").at("JobFlowRole"), cfn::ref("EmrInstanceProfile"));
}

TEST(Iam, ServiceRoleUsesThev2PolicyAndMayPassOnlyTheInstanceRoleToEc2) {
    const auto t = synthesize_one(sample_project());
    const auto& role = props(t, "EmrServiceRole");
    EXPECT_EQ(
        role.at("ManagedPolicyArns"),
        cfn::Value(cfn::List{cfn::sub(
            "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2")}));
    const auto& policy = std::get<cfn::Map>(list_at(role, "Policies").front().v);
    const auto& statement =
        std::get<cfn::Map>(list_at(map_at(policy, "PolicyDocument"), "Statement").front().v);
    EXPECT_EQ(statement.at("Action"), cfn::Value(cfn::List{"iam:PassRole"}));
    EXPECT_EQ(statement.at("Resource"),
              cfn::Value(cfn::List{cfn::get_att("EmrInstanceRole", "Arn")}));
    EXPECT_EQ(map_at(map_at(statement, "Condition"), "StringLike").at("iam:PassedToService"),
              cfn::Value("ec2.amazonaws.com*"));
}

TEST(Iam, InstanceRoleReachesOnlyTheProjectsBucketsAndTheBucketsJobsRead) {
    auto p = sample_project();
    p.existing_data_buckets = {"s3://shared-data/", "other"};
    p.jobs.push_back(config::Job{
        .name = "raw", .script = "s3://code-bucket/x.py", .data_uri = "s3://shared-data/raw/"});
    EXPECT_EQ(external_buckets(p),
              (std::vector<std::string>{"shared-data", "other", "code-bucket"}));
    const auto t = synthesize_one(p);
    const auto& role = props(t, "EmrInstanceRole");
    const auto& policy = std::get<cfn::Map>(list_at(role, "Policies").front().v);
    std::vector<std::string> resources;
    for (const auto& s : list_at(map_at(policy, "PolicyDocument"), "Statement")) {
        const auto& statement = std::get<cfn::Map>(s.v);
        EXPECT_EQ(statement.at("Effect"), cfn::Value("Allow"));
        for (const auto& r : list_at(statement, "Resource")) {
            if (const auto* sub = std::get_if<cfn::Sub>(&r.v)) resources.push_back(sub->text);
        }
        // No statement grants anything on every resource.
        EXPECT_EQ(std::ranges::count(list_at(statement, "Resource"), cfn::Value("*")), 0);
    }
    EXPECT_NE(std::ranges::find(resources, "arn:${AWS::Partition}:s3:::code-bucket/*"),
              resources.end());
    EXPECT_NE(std::ranges::find(resources, "${DataBucket.Arn}/*"), resources.end());
    EXPECT_EQ(list_at(role, "ManagedPolicyArns").size(), 1U);  // SSM core only
}

TEST(Iam, NoExistingBucketsMeansNoExistingBucketStatement) {
    const auto t = synthesize_one(sample_project());
    const auto& policy =
        std::get<cfn::Map>(list_at(props(t, "EmrInstanceRole"), "Policies").front().v);
    for (const auto& s : list_at(map_at(policy, "PolicyDocument"), "Statement")) {
        EXPECT_NE(std::get<cfn::Map>(s.v).at("Sid"), cfn::Value("ExistingDataRead"));
    }
}

}  // namespace
}  // namespace emrctl::stacks
