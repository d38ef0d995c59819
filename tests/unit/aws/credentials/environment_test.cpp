#include <gtest/gtest.h>
#include <stdlib.h>

#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/profile_selection.hpp>

namespace emrctl::aws {
namespace {

TEST(Environment, CopiesTheProcessEnvironmentOnce) {
    ::setenv("EMRCTL_CREDENTIALS_TEST", "before", 1);
    const auto env = Environment::from_process();
    ::setenv("EMRCTL_CREDENTIALS_TEST", "after", 1);
    EXPECT_EQ(env.get("EMRCTL_CREDENTIALS_TEST"), "before");
    ::unsetenv("EMRCTL_CREDENTIALS_TEST");
}

TEST(Environment, AnEmptyVariableReadsAsUnset) {
    Environment env{{"AWS_PROFILE", ""}, {"AWS_REGION", "eu-west-3"}};
    EXPECT_EQ(env.get("AWS_PROFILE"), std::nullopt);
    EXPECT_EQ(env.get("AWS_REGION"), "eu-west-3");
    EXPECT_EQ(env.get("HOME"), std::nullopt);
    env.set("AWS_REGION", "us-east-1");
    EXPECT_EQ(env.get("AWS_REGION"), "us-east-1");
}

TEST(ProfileSelection, FlagThenAwsProfileThenDefault) {
    const Environment env{{"AWS_PROFILE", "from-env"}};
    auto selected = select_profile("from-flag", env);
    EXPECT_EQ(selected.name, "from-flag");
    EXPECT_EQ(selected.origin, ProfileOrigin::flag);
    selected = select_profile(std::nullopt, env);
    EXPECT_EQ(selected.name, "from-env");
    EXPECT_EQ(selected.origin, ProfileOrigin::environment);
    selected = select_profile(std::nullopt, Environment{});
    EXPECT_EQ(selected.name, "default");
    EXPECT_EQ(selected.origin, ProfileOrigin::default_name);
    EXPECT_EQ(select_profile("", env).name, "from-env");
}

TEST(ProfileSelection, DescribesWhereTheNameCameFrom) {
    EXPECT_EQ(describe_origin(ProfileOrigin::flag), "--profile");
    EXPECT_EQ(describe_origin(ProfileOrigin::environment), "AWS_PROFILE");
    EXPECT_EQ(describe_origin(ProfileOrigin::default_name), "the default");
}

}  // namespace
}  // namespace emrctl::aws
