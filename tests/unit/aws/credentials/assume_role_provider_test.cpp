#include "fixtures.hpp"
#include "memory_files.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/assume_role_provider.hpp>

namespace emrctl::aws {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;
using testing::FakeSts;
using testing::shared_config;

constexpr std::string_view k_base_keys =
    "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = SECRETBASE\n";

class AssumeRole : public ::testing::Test {
  protected:
    Result<Credentials> assume(const SharedConfig& config, std::string_view profile,
                               const RoleCache* cache = nullptr) {
        const auto* section = config.find_profile(profile);
        EXPECT_NE(section, nullptr) << profile;
        const auto fn = sts.fn();
        const auto now = clock.fn();
        return assume_role_credentials(
            *section,
            {.env = env, .config = config, .assume_role = fn, .cache = cache, .now = now});
    }

    Error assume_error(const SharedConfig& config, std::string_view profile) {
        auto result = assume(config, profile);
        EXPECT_FALSE(result.has_value());
        return result ? Error{} : result.error();
    }

    Environment env{{"HOME", "/home/u"}};
    FakeClock clock;
    FakeSts sts{clock};
};

TEST_F(AssumeRole, AssumesTheRoleWithTheSourceProfilesKeys) {
    const auto config = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n"
        "role_session_name = alice\nexternal_id = xyz\nduration_seconds = 7200\n",
        std::string(k_base_keys));
    auto credentials = assume(config, "dev");
    ASSERT_TRUE(credentials.has_value()) << credentials.error().message;
    ASSERT_EQ(sts.calls.size(), 1U);
    const auto& call = sts.calls[0];
    EXPECT_EQ(call.request.role_arn, "arn:aws:iam::123456789012:role/deploy");
    EXPECT_EQ(call.request.role_session_name, "alice");
    EXPECT_EQ(call.request.external_id, "xyz");
    EXPECT_EQ(call.request.duration, std::chrono::seconds{7200});
    EXPECT_EQ(call.request.profile, "dev");
    EXPECT_EQ(call.source.access_key_id, "AKIDBASE");
    EXPECT_EQ(call.source.secret_access_key, "SECRETBASE");
    EXPECT_EQ(credentials->access_key_id, "ASIA1");
    EXPECT_EQ(credentials->expiration, clock.now + 1h);
    EXPECT_EQ(credentials->source,
              "assumed role arn:aws:iam::123456789012:role/deploy via profile dev");
}

TEST_F(AssumeRole, MakesUpASessionNameWhenTheProfileHasNone) {
    const auto config =
        shared_config("[profile dev]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n",
                      std::string(k_base_keys));
    ASSERT_TRUE(assume(config, "dev").has_value());
    EXPECT_EQ(sts.calls.at(0).request.role_session_name,
              "emrctl-" + std::to_string(clock.now.time_since_epoch().count()));
    EXPECT_EQ(sts.calls.at(0).request.external_id, "");
    EXPECT_EQ(sts.calls.at(0).request.duration, std::nullopt);
}

TEST_F(AssumeRole, FollowsChainedSourceProfilesFromTheKeysUp) {
    const auto config = shared_config(
        "[profile deploy]\nrole_arn = arn:aws:iam::1:role/deploy\nsource_profile = admin\n"
        "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\n",
        std::string(k_base_keys));
    auto credentials = assume(config, "deploy");
    ASSERT_TRUE(credentials.has_value()) << credentials.error().message;
    ASSERT_EQ(sts.calls.size(), 2U);
    EXPECT_EQ(sts.calls[0].request.role_arn, "arn:aws:iam::1:role/admin");
    EXPECT_EQ(sts.calls[0].source.access_key_id, "AKIDBASE");
    EXPECT_EQ(sts.calls[1].request.role_arn, "arn:aws:iam::1:role/deploy");
    EXPECT_EQ(sts.calls[1].source.access_key_id, "ASIA1");
    EXPECT_EQ(sts.calls[1].source.session_token, "token1");
    EXPECT_EQ(credentials->access_key_id, "ASIA2");
    EXPECT_EQ(credentials->source, "assumed role arn:aws:iam::1:role/deploy via profile deploy");
}

TEST_F(AssumeRole, ASourceProfileWithKeysGivesItsKeysEvenWithARole) {
    const auto config = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n"
        "[profile base]\nrole_arn = arn:aws:iam::1:role/other\n",
        std::string(k_base_keys));
    ASSERT_TRUE(assume(config, "dev").has_value());
    ASSERT_EQ(sts.calls.size(), 1U);
    EXPECT_EQ(sts.calls[0].source.access_key_id, "AKIDBASE");
}

TEST_F(AssumeRole, AProfileMayBeItsOwnSourceWhenItHoldsKeys) {
    const auto config = shared_config(std::nullopt,
                                      "[dev]\nrole_arn = arn:aws:iam::1:role/dev\n"
                                      "source_profile = dev\naws_access_key_id = AKIDDEV\n"
                                      "aws_secret_access_key = S\n");
    ASSERT_TRUE(assume(config, "dev").has_value());
    ASSERT_EQ(sts.calls.size(), 1U);
    EXPECT_EQ(sts.calls[0].source.access_key_id, "AKIDDEV");
}

TEST_F(AssumeRole, BeingItsOwnSourceWithoutKeysIsAnError) {
    const auto config =
        shared_config("[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = dev\n");
    const auto e = assume_error(config, "dev");
    EXPECT_EQ(e.message,
              "profile \"dev\" is its own source_profile but holds no aws_access_key_id");
    EXPECT_EQ(e.where->line, 3);
    EXPECT_TRUE(sts.calls.empty());
}

TEST_F(AssumeRole, ALoopOfSourceProfilesIsAnErrorNamingTheLoop) {
    const auto config = shared_config(
        "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
        "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = c\n"
        "[profile c]\nrole_arn = arn:aws:iam::1:role/c\nsource_profile = a\n");
    const auto e = assume_error(config, "a");
    EXPECT_EQ(e.kind, ErrorKind::config);
    EXPECT_EQ(e.message, "profiles loop through source_profile: a -> b -> c -> a");
    EXPECT_EQ(e.hint,
              "end the chain at a profile holding aws_access_key_id and aws_secret_access_key, or "
              "with credential_source = Environment");
    EXPECT_EQ(e.where->file, "/home/u/.aws/config");
    EXPECT_EQ(e.where->line, 9);
    EXPECT_EQ(e.where->line_text, "source_profile = a");
    EXPECT_TRUE(sts.calls.empty());
}

TEST_F(AssumeRole, AMissingSourceProfileIsAnErrorWithAGuess) {
    const auto config =
        shared_config("[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = bsae\n",
                      std::string(k_base_keys));
    const auto e = assume_error(config, "dev");
    EXPECT_EQ(e.message, "profile \"dev\": source_profile \"bsae\" does not exist");
    EXPECT_EQ(e.hint, "did you mean \"base\"?");
}

TEST_F(AssumeRole, ASourceProfileWithoutCredentialsIsAnError) {
    const auto config = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = empty\n"
        "[profile empty]\nregion = eu-west-3\n");
    const auto e = assume_error(config, "dev");
    EXPECT_EQ(e.message, "profile \"dev\": source_profile \"empty\" holds no credentials");
    EXPECT_EQ(e.hint,
              "give profile \"empty\" aws_access_key_id and aws_secret_access_key, or a role_arn "
              "and its own source_profile");
}

TEST_F(AssumeRole, ASourceProfileUsingSsoIsNamed) {
    const auto config = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = corp\n"
        "[profile corp]\nsso_session = corp\n");
    EXPECT_EQ(assume_error(config, "dev").message,
              "profile \"corp\" uses IAM Identity Center (sso_session), which emrctl does not "
              "support");
}

TEST_F(AssumeRole, CredentialSourceEnvironmentUsesTheEnvironmentsKeys) {
    env.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    env.set("AWS_SECRET_ACCESS_KEY", "SECRETENV");
    const auto config = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\ncredential_source = Environment\n");
    ASSERT_TRUE(assume(config, "dev").has_value());
    EXPECT_EQ(sts.calls.at(0).source.access_key_id, "AKIDENV");
}

TEST_F(AssumeRole, CredentialSourceEnvironmentWithoutTheVariablesIsAnError) {
    const auto config = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\ncredential_source = Environment\n");
    const auto e = assume_error(config, "dev");
    EXPECT_EQ(e.message,
              "profile \"dev\" has credential_source = Environment but AWS_ACCESS_KEY_ID and "
              "AWS_SECRET_ACCESS_KEY are not set");
}

TEST_F(AssumeRole, OtherCredentialSourcesAreUnsupportedOrUnknown) {
    const auto ec2 = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\ncredential_source = "
        "Ec2InstanceMetadata\n");
    EXPECT_EQ(assume_error(ec2, "dev").message,
              "profile \"dev\" uses credential_source = Ec2InstanceMetadata, which emrctl does not "
              "support");
    const auto typo = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\ncredential_source = Enviroment\n");
    const auto e = assume_error(typo, "dev");
    EXPECT_EQ(e.message, "profile \"dev\": unknown credential_source \"Enviroment\"");
    EXPECT_EQ(e.hint, "did you mean \"Environment\"?");
}

TEST_F(AssumeRole, BothSourcesOrNeitherAreErrors) {
    const auto both = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n"
        "credential_source = Environment\n",
        std::string(k_base_keys));
    EXPECT_EQ(assume_error(both, "dev").message,
              "profile \"dev\" has both source_profile and credential_source");
    const auto neither = shared_config("[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\n");
    const auto e = assume_error(neither, "dev");
    EXPECT_EQ(e.message, "profile \"dev\" has role_arn but no source_profile or credential_source");
    EXPECT_EQ(e.hint,
              "add source_profile = <a profile holding keys>, or credential_source = Environment");
    EXPECT_EQ(e.where->line, 2);
}

TEST_F(AssumeRole, RoleSettingsAreChecked) {
    const auto bad_arn = shared_config("[profile dev]\nrole_arn = deploy\nsource_profile = base\n",
                                       std::string(k_base_keys));
    auto e = assume_error(bad_arn, "dev");
    EXPECT_EQ(e.message, "profile \"dev\": role_arn \"deploy\" is not an IAM role ARN");
    EXPECT_EQ(e.hint, "write it as arn:aws:iam::<account id>:role/<role name>");

    const auto bad_duration = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n"
        "duration_seconds = 60\n",
        std::string(k_base_keys));
    e = assume_error(bad_duration, "dev");
    EXPECT_EQ(e.message,
              "profile \"dev\": duration_seconds must be a whole number from 900 to 43200, not "
              "\"60\"");
    EXPECT_EQ(e.where->line, 4);

    const auto mfa = shared_config(
        "[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n"
        "mfa_serial = arn:aws:iam::1:mfa/alice\n",
        std::string(k_base_keys));
    EXPECT_EQ(assume_error(mfa, "dev").message,
              "profile \"dev\" uses an MFA code (mfa_serial), which emrctl does not support");
    EXPECT_TRUE(sts.calls.empty());
}

TEST_F(AssumeRole, AnStsFailureSaysWhichRoleItWasAssuming) {
    sts.failure = Error{.kind = ErrorKind::aws, .message = "sts AssumeRole: AccessDenied"};
    const auto config =
        shared_config("[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n",
                      std::string(k_base_keys));
    const auto e = assume_error(config, "dev");
    EXPECT_EQ(e.kind, ErrorKind::aws);
    EXPECT_EQ(
        e.context,
        (std::vector<std::string>{"while assuming role arn:aws:iam::1:role/dev for profile dev"}));
}

TEST_F(AssumeRole, WithoutAnStsClientARoleCannotBeAssumed) {
    const auto config =
        shared_config("[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n",
                      std::string(k_base_keys));
    const AssumeRoleFn none;
    const auto now = clock.fn();
    auto result =
        assume_role_credentials(*config.find_profile("dev"),
                                {.env = env, .config = config, .assume_role = none, .now = now});
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().kind, ErrorKind::internal);
}

TEST_F(AssumeRole, ReusesCachedCredentialsUntilFiveMinutesBeforeTheyExpire) {
    auto files = std::make_shared<testing::MemoryFiles>();
    const RoleCache cache(files, "/home/u/.emrctl/cache/credentials");
    const auto config =
        shared_config("[profile dev]\nrole_arn = arn:aws:iam::1:role/dev\nsource_profile = base\n",
                      std::string(k_base_keys));
    ASSERT_TRUE(assume(config, "dev", &cache).has_value());
    EXPECT_EQ(files->writes(), 1);

    clock.now += 54min;  // six minutes left: still good
    auto again = assume(config, "dev", &cache);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(sts.calls.size(), 1U);
    EXPECT_EQ(again->access_key_id, "ASIA1");
    EXPECT_EQ(again->source, "assumed role arn:aws:iam::1:role/dev via profile dev");

    clock.now += 1min;  // five minutes left: refreshed
    auto refreshed = assume(config, "dev", &cache);
    ASSERT_TRUE(refreshed.has_value());
    EXPECT_EQ(sts.calls.size(), 2U);
    EXPECT_EQ(refreshed->access_key_id, "ASIA2");
    EXPECT_EQ(files->writes(), 2);
}

TEST_F(AssumeRole, CachesEveryRoleOfAChain) {
    auto files = std::make_shared<testing::MemoryFiles>();
    const RoleCache cache(files, "/home/u/.emrctl/cache/credentials");
    const auto config = shared_config(
        "[profile deploy]\nrole_arn = arn:aws:iam::1:role/deploy\nsource_profile = admin\n"
        "[profile admin]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\n",
        std::string(k_base_keys));
    ASSERT_TRUE(assume(config, "deploy", &cache).has_value());
    ASSERT_TRUE(assume(config, "deploy", &cache).has_value());
    ASSERT_TRUE(assume(config, "admin", &cache).has_value());
    EXPECT_EQ(sts.calls.size(), 2U);
    EXPECT_EQ(files->files().size(), 2U);
}

}  // namespace
}  // namespace emrctl::aws
