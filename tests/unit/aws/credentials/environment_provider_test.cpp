#include <gtest/gtest.h>

#include <emrctl/aws/credentials/environment_provider.hpp>
#include <emrctl/aws/credentials/timestamp.hpp>

namespace emrctl::aws {
namespace {

TEST(EnvironmentProvider, FindsNothingWithoutTheVariables) {
    auto found = credentials_from_environment(Environment{{"HOME", "/home/u"}});
    ASSERT_TRUE(found.has_value());
    EXPECT_FALSE(found->has_value());
}

TEST(EnvironmentProvider, ReadsLongTermKeys) {
    auto found = credentials_from_environment(
        Environment{{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", "SECRET"}});
    ASSERT_TRUE(found.has_value() && found->has_value());
    const auto& c = **found;
    EXPECT_EQ(c.access_key_id, "AKID");
    EXPECT_EQ(c.secret_access_key, "SECRET");
    EXPECT_EQ(c.session_token, "");
    EXPECT_EQ(c.expiration, std::nullopt);
    EXPECT_EQ(c.source, "environment");
}

TEST(EnvironmentProvider, ReadsTheSessionTokenAndExpirationOfTemporaryKeys) {
    auto found = credentials_from_environment(
        Environment{{"AWS_ACCESS_KEY_ID", "ASIA"},
                    {"AWS_SECRET_ACCESS_KEY", "SECRET"},
                    {"AWS_SESSION_TOKEN", "TOKEN"},
                    {"AWS_CREDENTIAL_EXPIRATION", "2024-05-17T11:00:00Z"}});
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ((*found)->session_token, "TOKEN");
    EXPECT_EQ((*found)->expiration, parse_timestamp("2024-05-17T11:00:00Z"));
}

TEST(EnvironmentProvider, AKeyWithoutASecretNamesTheMissingVariable) {
    auto found = credentials_from_environment(Environment{{"AWS_ACCESS_KEY_ID", "AKID"}});
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().kind, ErrorKind::config);
    EXPECT_EQ(found.error().message, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    EXPECT_EQ(found.error().hint,
              "export AWS_SECRET_ACCESS_KEY as well, or unset AWS_ACCESS_KEY_ID to use a profile");
}

TEST(EnvironmentProvider, ASecretWithoutAKeyNamesTheMissingVariable) {
    auto found = credentials_from_environment(Environment{{"AWS_SECRET_ACCESS_KEY", "S"}});
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().message, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");
}

TEST(EnvironmentProvider, AnEmptyVariableCountsAsUnset) {
    auto found = credentials_from_environment(
        Environment{{"AWS_ACCESS_KEY_ID", ""}, {"AWS_SECRET_ACCESS_KEY", ""}});
    ASSERT_TRUE(found.has_value());
    EXPECT_FALSE(found->has_value());
}

TEST(EnvironmentProvider, ABadExpirationIsAnError) {
    auto found = credentials_from_environment(Environment{{"AWS_ACCESS_KEY_ID", "A"},
                                                          {"AWS_SECRET_ACCESS_KEY", "S"},
                                                          {"AWS_CREDENTIAL_EXPIRATION", "soon"}});
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().message, "AWS_CREDENTIAL_EXPIRATION \"soon\" is not a timestamp");
}

}  // namespace
}  // namespace emrctl::aws
