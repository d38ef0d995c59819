#include "fixtures.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/profile_provider.hpp>
#include <emrctl/aws/credentials/unsupported_profiles.hpp>

namespace emrctl::aws {
namespace {

using testing::shared_config;

TEST(ProfileProvider, ReadsKeysFromTheCredentialsFile) {
    const auto config =
        shared_config(std::nullopt, "[dev]\naws_access_key_id = AKID\naws_secret_access_key = S\n");
    auto found = static_credentials(*config.find_profile("dev"));
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ((*found)->access_key_id, "AKID");
    EXPECT_EQ((*found)->secret_access_key, "S");
    EXPECT_EQ((*found)->session_token, "");
    EXPECT_EQ((*found)->source, "profile dev in /home/u/.aws/credentials");
}

TEST(ProfileProvider, ReadsKeysAndATokenFromTheConfigFile) {
    const auto config = shared_config(
        "[profile dev]\naws_access_key_id = ASIA\naws_secret_access_key = S\naws_session_token = "
        "T\n");
    auto found = static_credentials(*config.find_profile("dev"));
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ((*found)->session_token, "T");
    EXPECT_EQ((*found)->source, "profile dev in /home/u/.aws/config");
}

TEST(ProfileProvider, AProfileWithoutKeysHasNone) {
    const auto config = shared_config("[default]\nregion = eu-west-3\n");
    auto found = static_credentials(*config.find_profile("default"));
    ASSERT_TRUE(found.has_value());
    EXPECT_FALSE(found->has_value());
}

TEST(ProfileProvider, AKeyWithoutASecretIsAnErrorAtTheKeysLine) {
    const auto config = shared_config(std::nullopt, "[dev]\n\naws_access_key_id = AKID\n");
    auto found = static_credentials(*config.find_profile("dev"));
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().message,
              "profile \"dev\" has aws_access_key_id but no aws_secret_access_key");
    EXPECT_EQ(found.error().hint,
              "add aws_secret_access_key = ... next to it, or remove aws_access_key_id");
    EXPECT_EQ(found.error().where->file, "/home/u/.aws/credentials");
    EXPECT_EQ(found.error().where->line, 3);
}

TEST(ProfileProvider, ASecretWithoutAKeyIsAnError) {
    const auto config = shared_config(std::nullopt, "[dev]\naws_secret_access_key = S\n");
    auto found = static_credentials(*config.find_profile("dev"));
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error().message,
              "profile \"dev\" has aws_secret_access_key but no aws_access_key_id");
}

TEST(UnsupportedProfiles, SsoIsNamedWithHowToExportItsCredentials) {
    const auto config = shared_config("[profile corp]\nsso_session = corp\nsso_account_id = 1\n");
    const auto e = unsupported_credentials(*config.find_profile("corp"));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->message,
              "profile \"corp\" uses IAM Identity Center (sso_session), which emrctl does not "
              "support");
    EXPECT_EQ(e->hint,
              "run eval \"$(aws configure export-credentials --profile corp --format env)\", then "
              "emrctl without --profile: it uses the exported AWS_ACCESS_KEY_ID, "
              "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN");
    EXPECT_EQ(e->where->line, 2);
}

TEST(UnsupportedProfiles, ACredentialProcessIsUsedOnlyWithoutKeys) {
    const auto process_only = shared_config("[profile p]\ncredential_process = /bin/creds\n");
    const auto e = unsupported_credentials(*process_only.find_profile("p"));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->message, "profile \"p\" uses credential_process, which emrctl does not support");

    const auto with_keys = shared_config(
        "[profile p]\ncredential_process = /bin/creds\naws_access_key_id = A\n"
        "aws_secret_access_key = S\n");
    EXPECT_FALSE(unsupported_credentials(*with_keys.find_profile("p")).has_value());
}

TEST(UnsupportedProfiles, WebIdentityIsNamed) {
    const auto config = shared_config("[profile ci]\nweb_identity_token_file = /var/token\n");
    const auto e = unsupported_credentials(*config.find_profile("ci"));
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->message,
              "profile \"ci\" uses web identity (web_identity_token_file), which emrctl does not "
              "support");
}

TEST(UnsupportedProfiles, APlainProfileIsFine) {
    const auto config = shared_config("[default]\nregion = eu-west-3\n");
    EXPECT_FALSE(unsupported_credentials(*config.find_profile("default")).has_value());
}

}  // namespace
}  // namespace emrctl::aws
