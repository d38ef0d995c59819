#include "fixtures.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/region.hpp>

namespace emrctl::aws {
namespace {

using testing::shared_config;

class Region : public ::testing::Test {
  protected:
    Result<ResolvedRegion> resolve(const RegionInputs& inputs,
                                   std::optional<std::string> profile_flag = std::nullopt) {
        return resolve_region(inputs, env, config, select_profile(profile_flag, env));
    }

    Environment env{
        {"HOME", "/home/u"}, {"AWS_REGION", "eu-west-1"}, {"AWS_DEFAULT_REGION", "eu-west-2"}};
    SharedConfig config =
        shared_config("[default]\nregion = us-east-1\n[profile dev]\nregion = ap-south-1\n");
};

TEST_F(Region, TheFlagComesFirst) {
    auto region = resolve({.flag = "eu-west-3", .project = "eu-north-1"});
    ASSERT_TRUE(region.has_value());
    EXPECT_EQ(region->name, "eu-west-3");
    EXPECT_EQ(region->source, "--region");
}

TEST_F(Region, ThenAwsRegionThenAwsDefaultRegion) {
    auto region = resolve({.project = "eu-north-1"});
    EXPECT_EQ(region->name, "eu-west-1");
    EXPECT_EQ(region->source, "AWS_REGION");
    env = Environment{{"AWS_DEFAULT_REGION", "eu-west-2"}};
    region = resolve({.project = "eu-north-1"});
    EXPECT_EQ(region->name, "eu-west-2");
    EXPECT_EQ(region->source, "AWS_DEFAULT_REGION");
}

TEST_F(Region, ThenTheProjectFileAheadOfTheProfile) {
    env = Environment{};
    auto region = resolve({.project = "eu-north-1"});
    EXPECT_EQ(region->name, "eu-north-1");
    EXPECT_EQ(region->source, "the project file");
}

TEST_F(Region, ThenTheSelectedProfile) {
    env = Environment{};
    auto region = resolve({});
    EXPECT_EQ(region->name, "us-east-1");
    EXPECT_EQ(region->source, "profile default in /home/u/.aws/config");
    region = resolve({}, "dev");
    EXPECT_EQ(region->name, "ap-south-1");
    env.set("AWS_PROFILE", "dev");
    EXPECT_EQ(resolve({})->name, "ap-south-1");
}

TEST_F(Region, NoRegionAnywhereIsAnErrorSayingWhereToPutOne) {
    env = Environment{};
    config = shared_config(std::nullopt);
    auto region = resolve({});
    ASSERT_FALSE(region.has_value());
    EXPECT_EQ(region.error().kind, ErrorKind::config);
    EXPECT_EQ(region.error().message,
              "no AWS region configured; emrctl looked at --region, AWS_REGION, "
              "AWS_DEFAULT_REGION, the project file and profile \"default\" in "
              "/home/u/.aws/config");
    EXPECT_EQ(region.error().hint,
              "add region: to emrctl.yaml, pass --region, export AWS_REGION, or run \"aws "
              "configure set region us-east-1\"");
    EXPECT_EQ(resolve({}, "dev").error().hint,
              "add region: to emrctl.yaml, pass --region, export AWS_REGION, or run \"aws "
              "configure set region us-east-1 --profile dev\"");
}

TEST_F(Region, AWinningValueThatIsNoRegionNameIsAnError) {
    auto region = resolve({.flag = "EU West"});
    ASSERT_FALSE(region.has_value());
    EXPECT_EQ(region.error().message, "region \"EU West\" (from --region) is not a region name");
    EXPECT_EQ(region.error().hint, "AWS regions are written like us-east-1 or eu-west-3");
    for (const auto* bad : {"eu--west-1", "eu-west-1-", "-eu", "eu.west", "1eu"})
        EXPECT_FALSE(resolve({.flag = bad}).has_value()) << bad;
    for (const auto* good : {"us-gov-west-1", "cn-north-1", "il-central-1", "local"})
        EXPECT_TRUE(resolve({.flag = good}).has_value()) << good;
}

}  // namespace
}  // namespace emrctl::aws
