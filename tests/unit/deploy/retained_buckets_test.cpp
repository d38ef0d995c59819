#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/deploy/retained_buckets.hpp>

namespace emrctl::deploy {
namespace {

constexpr const char* k_template = R"({
  "Resources": {
    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
    "DataBucket": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
                   "Properties": {"BucketName": "demo-data-x", "Tags": [{"Key": "a", "Value": "b"}]}},
    "Scratch": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "demo-scratch"}},
    "Named": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
              "Properties": {"BucketName": {"Fn::Sub": "${AWS::StackName}-x"}}},
    "LogsBucket": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain",
                   "Properties": {"BucketName": "demo-logs-x"}}
  },
  "Outputs": {"VpcId": {"Value": {"Ref": "Vpc"}}}
})";

TEST(RetainedBuckets, OnlyRetainedBucketsWithALiteralNameInTemplateOrder) {
    const auto buckets = retained_buckets(k_template);
    ASSERT_EQ(buckets.size(), 2U);
    EXPECT_EQ(buckets[0].logical_id, "DataBucket");
    EXPECT_EQ(buckets[0].name, "demo-data-x");
    EXPECT_EQ(buckets[1].logical_id, "LogsBucket");
    EXPECT_TRUE(retained_buckets("not json").empty());
}

TEST(RetainedBuckets, TheImportTemplateHoldsTheAdoptedBucketsAloneAsTheyAre) {
    const auto doc =
        nlohmann::json::parse(import_template(k_template, {{"DataBucket", "demo-data-x"}}));
    ASSERT_EQ(doc["Resources"].size(), 1U);
    EXPECT_EQ(doc["Resources"]["DataBucket"]["DeletionPolicy"], "Retain");
    EXPECT_EQ(doc["Resources"]["DataBucket"]["Properties"]["Tags"][0]["Key"], "a");
    EXPECT_FALSE(doc.contains("Outputs"));  // they name resources the import does not have
}

}  // namespace
}  // namespace emrctl::deploy
