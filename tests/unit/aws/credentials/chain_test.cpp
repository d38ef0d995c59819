#include "fixtures.hpp"
#include "memory_files.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/chain.hpp>

namespace emrctl::aws {
namespace {

using testing::FakeClock;
using testing::FakeSts;
using testing::shared_config;

const std::string k_default_keys =
    "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = S\n";
const std::string k_dev_keys = "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = S\n";

class Chain : public ::testing::Test {
  protected:
    Result<Credentials> resolve(const SharedConfig& config,
                                std::optional<std::string> profile_flag = std::nullopt) {
        return resolve_credentials({.env = env,
                                    .config = config,
                                    .profile = select_profile(profile_flag, env),
                                    .assume_role = sts.fn(),
                                    .files = files,
                                    .now = clock.fn()});
    }

    Error resolve_error(const SharedConfig& config,
                        std::optional<std::string> profile_flag = std::nullopt) {
        auto result = resolve(config, std::move(profile_flag));
        EXPECT_FALSE(result.has_value()) << result->source;
        return result ? Error{} : result.error();
    }

    void export_keys() {
        env.set("AWS_ACCESS_KEY_ID", "AKIDENV");
        env.set("AWS_SECRET_ACCESS_KEY", "SECRETENV");
    }

    Environment env{{"HOME", "/home/u"}};
    std::shared_ptr<testing::MemoryFiles> files = std::make_shared<testing::MemoryFiles>();
    FakeClock clock;
    FakeSts sts{clock};
};

TEST_F(Chain, TheEnvironmentComesBeforeTheDefaultProfile) {
    export_keys();
    auto credentials = resolve(shared_config(std::nullopt, k_default_keys));
    ASSERT_TRUE(credentials.has_value());
    EXPECT_EQ(credentials->access_key_id, "AKIDENV");
    EXPECT_EQ(credentials->source, "environment");
}

TEST_F(Chain, TheEnvironmentComesBeforeTheProfileAwsProfileNames) {
    export_keys();
    env.set("AWS_PROFILE", "dev");
    auto credentials = resolve(shared_config(std::nullopt, k_dev_keys));
    ASSERT_TRUE(credentials.has_value());
    EXPECT_EQ(credentials->access_key_id, "AKIDENV");
}

TEST_F(Chain, WithoutTheEnvironmentTheDefaultProfileIsUsed) {
    auto credentials = resolve(shared_config(std::nullopt, k_default_keys + k_dev_keys));
    ASSERT_TRUE(credentials.has_value());
    EXPECT_EQ(credentials->access_key_id, "AKIDDEFAULT");
    EXPECT_EQ(credentials->source, "profile default in /home/u/.aws/credentials");
}

TEST_F(Chain, AwsProfileChoosesTheProfile) {
    env.set("AWS_PROFILE", "dev");
    auto credentials = resolve(shared_config(std::nullopt, k_default_keys + k_dev_keys));
    ASSERT_TRUE(credentials.has_value());
    EXPECT_EQ(credentials->access_key_id, "AKIDDEV");
}

TEST_F(Chain, AnExplicitProfileIgnoresTheEnvironmentAndAwsProfile) {
    export_keys();
    env.set("AWS_PROFILE", "default");
    auto credentials = resolve(shared_config(std::nullopt, k_default_keys + k_dev_keys), "dev");
    ASSERT_TRUE(credentials.has_value());
    EXPECT_EQ(credentials->access_key_id, "AKIDDEV");
    EXPECT_EQ(credentials->source, "profile dev in /home/u/.aws/credentials");
}

TEST_F(Chain, AnExplicitProfileIgnoresEvenHalfAKeyPairInTheEnvironment) {
    env.set("AWS_ACCESS_KEY_ID", "AKIDENV");
    EXPECT_TRUE(resolve(shared_config(std::nullopt, k_dev_keys), "dev").has_value());
    EXPECT_EQ(resolve_error(shared_config(std::nullopt, k_dev_keys)).message,
              "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
}

TEST_F(Chain, AProfileWithARoleIsAssumed) {
    const auto config = shared_config(
        "[profile deploy]\nrole_arn = arn:aws:iam::1:role/deploy\nsource_profile = dev\n",
        k_dev_keys);
    auto credentials = resolve(config, "deploy");
    ASSERT_TRUE(credentials.has_value()) << credentials.error().message;
    EXPECT_EQ(sts.calls.size(), 1U);
    EXPECT_EQ(credentials->source, "assumed role arn:aws:iam::1:role/deploy via profile deploy");
    EXPECT_EQ(files->writes(), 1);  // cached under /home/u/.emrctl
    EXPECT_TRUE(files->files().begin()->first.starts_with("/home/u/.emrctl/cache/credentials/"));
}

TEST_F(Chain, NothingFoundListsWhereItLooked) {
    const auto e = resolve_error(shared_config(std::nullopt));
    EXPECT_EQ(e.kind, ErrorKind::config);
    EXPECT_EQ(e.message,
              "no AWS credentials found; emrctl looked in:\n"
              "  - environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: not set\n"
              "  - profile \"default\" in /home/u/.aws/credentials: file missing\n"
              "  - profile \"default\" in /home/u/.aws/config: file missing");
    EXPECT_EQ(e.hint,
              "run \"aws configure\" to store keys in profile \"default\", or export "
              "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN with temporary "
              "keys)");
}

TEST_F(Chain, NothingFoundSaysWhatTheFilesHoldAndOffersTheOtherProfiles) {
    const auto e = resolve_error(shared_config("[default]\nregion = eu-west-3\n", k_dev_keys));
    EXPECT_EQ(e.message,
              "no AWS credentials found; emrctl looked in:\n"
              "  - environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: not set\n"
              "  - profile \"default\" in /home/u/.aws/credentials: no such profile\n"
              "  - profile \"default\" in /home/u/.aws/config: no aws_access_key_id or role_arn");
    EXPECT_EQ(e.hint,
              "run \"aws configure\" to store keys in profile \"default\", or export "
              "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN with temporary "
              "keys), or choose another profile with --profile: dev");
}

TEST_F(Chain, ANamedProfileWithoutCredentialsSaysHowToAddThem) {
    export_keys();
    const auto e = resolve_error(shared_config("[profile dev]\nregion = eu-west-3\n", ""), "dev");
    EXPECT_EQ(e.message,
              "no AWS credentials found; emrctl looked in:\n"
              "  - environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: not used "
              "with --profile\n"
              "  - profile \"dev\" in /home/u/.aws/credentials: no such profile\n"
              "  - profile \"dev\" in /home/u/.aws/config: no aws_access_key_id or role_arn");
    EXPECT_EQ(e.hint,
              "run \"aws configure --profile dev\" to store keys in it, or give it role_arn and "
              "source_profile");
}

TEST_F(Chain, AnUnknownExplicitProfileNamesTheFilesAndTheProfilesThatExist) {
    const auto e = resolve_error(
        shared_config(std::nullopt, k_default_keys + k_dev_keys + "[prod]\nregion = x\n"), "dve");
    EXPECT_EQ(e.kind, ErrorKind::config);
    EXPECT_EQ(e.message,
              "profile \"dve\" (from --profile) not found in /home/u/.aws/credentials or "
              "/home/u/.aws/config (file missing)");
    EXPECT_EQ(e.hint, "profiles that exist: default, dev, prod; did you mean \"dev\"?");
}

TEST_F(Chain, AnUnknownProfileFromAwsProfileIsAnErrorToo) {
    env.set("AWS_PROFILE", "staging");
    const auto e = resolve_error(shared_config("[default]\n", k_default_keys));
    EXPECT_EQ(e.message,
              "profile \"staging\" (from AWS_PROFILE) not found in /home/u/.aws/credentials or "
              "/home/u/.aws/config");
    EXPECT_EQ(e.hint, "profiles that exist: default");
}

TEST_F(Chain, AnUnknownProfilePointsOutAConfigSectionMissingItsProfileWord) {
    const auto e = resolve_error(shared_config("[dev]\nregion = eu-west-3\n"), "dev");
    EXPECT_EQ(e.hint,
              "in /home/u/.aws/config write [profile dev], not [dev]; no profiles exist; run "
              "\"aws configure --profile dev\" to create it");
}

TEST_F(Chain, AnSsoProfileIsNamedRatherThanSkipped) {
    const auto e = resolve_error(shared_config("[default]\nsso_session = corp\n"));
    EXPECT_EQ(e.message,
              "profile \"default\" uses IAM Identity Center (sso_session), which emrctl does not "
              "support");
}

}  // namespace
}  // namespace emrctl::aws
