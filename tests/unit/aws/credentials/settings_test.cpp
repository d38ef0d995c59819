#include "fixtures.hpp"
#include "memory_files.hpp"
#include "temp_home.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/settings.hpp>

namespace emrctl::aws {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;
using testing::FakeSts;

const std::string k_role_profiles =
    "[profile deploy]\nrole_arn = arn:aws:iam::1:role/deploy\nsource_profile = base\n"
    "region = eu-west-3\n";
const std::string k_base_keys = "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = S\n";

TEST(AwsSettings, ResolvesProfileRegionAndEndpoints) {
    auto files = std::make_shared<testing::MemoryFiles>();
    files->put(testing::k_config_path, "[default]\nregion = us-east-1\n");
    auto settings =
        AwsSettings::load({.endpoint_url = "http://127.0.0.1:4566", .project_region = "eu-west-3"},
                          Environment{{"HOME", "/home/u"}}, files);
    ASSERT_TRUE(settings.has_value()) << settings.error().message;
    EXPECT_EQ(settings->profile().name, "default");
    EXPECT_EQ(settings->region().name, "eu-west-3");
    EXPECT_EQ(settings->region().source, "the project file");
    const auto endpoint = settings->endpoint(Service::s3);
    ASSERT_TRUE(endpoint.has_value());
    EXPECT_EQ(endpoint->host, "127.0.0.1:4566");
    EXPECT_EQ(endpoint->signing_region, "eu-west-3");
}

TEST(AwsSettings, LoadFailsWithoutARegion) {
    auto files = std::make_shared<testing::MemoryFiles>();
    auto settings = AwsSettings::load({}, Environment{{"HOME", "/home/u"}}, files);
    ASSERT_FALSE(settings.has_value());
    EXPECT_TRUE(settings.error().message.starts_with("no AWS region configured"));
}

TEST(AwsSettings, LoadFailsOnABrokenSharedFile) {
    auto files = std::make_shared<testing::MemoryFiles>();
    files->put(testing::k_credentials_path, "[default\n");
    auto settings =
        AwsSettings::load({.region = "eu-west-3"}, Environment{{"HOME", "/home/u"}}, files);
    ASSERT_FALSE(settings.has_value());
    EXPECT_EQ(settings.error().where->file, testing::k_credentials_path);
}

TEST(AwsSettings, CredentialsComeFromTheChain) {
    auto files = std::make_shared<testing::MemoryFiles>();
    auto settings = AwsSettings::load(
        {.region = "eu-west-3"},
        Environment{
            {"HOME", "/home/u"}, {"AWS_ACCESS_KEY_ID", "A"}, {"AWS_SECRET_ACCESS_KEY", "S"}},
        files);
    ASSERT_TRUE(settings.has_value());
    auto credentials = settings->credentials({})->get();
    ASSERT_TRUE(credentials.has_value());
    EXPECT_EQ(credentials->source, "environment");
}

TEST(AwsSettings, ExpiredAssumedRoleCredentialsAreRefreshed) {
    FakeClock clock;
    FakeSts sts(clock);
    auto files = std::make_shared<testing::MemoryFiles>();
    files->put(testing::k_config_path, k_role_profiles);
    files->put(testing::k_credentials_path, k_base_keys);
    auto settings =
        AwsSettings::load({.profile = "deploy"}, Environment{{"HOME", "/home/u"}}, files);
    ASSERT_TRUE(settings.has_value()) << settings.error().message;
    EXPECT_EQ(settings->region().name, "eu-west-3");
    auto credentials = settings->credentials(sts.fn(), clock.fn());

    EXPECT_EQ(credentials->get()->access_key_id, "ASIA1");
    clock.now += 30min;
    EXPECT_EQ(credentials->get()->access_key_id, "ASIA1");
    EXPECT_EQ(sts.calls.size(), 1U);
    clock.now += 26min;  // four minutes left, on disk as in memory
    EXPECT_EQ(credentials->get()->access_key_id, "ASIA2");
    EXPECT_EQ(sts.calls.size(), 2U);
}

TEST(AwsSettings, AssumedRoleCredentialsOnDiskServeTheNextRun) {
    testing::TempHome home;
    const auto aws = home.path() / ".aws";
    std::filesystem::create_directories(aws);
    const auto config = make_disk_file_access();
    ASSERT_TRUE(config->write_private(aws / "config", k_role_profiles).has_value());
    ASSERT_TRUE(config->write_private(aws / "credentials", k_base_keys).has_value());
    const Environment env{{"HOME", home.string()}};
    FakeClock clock;
    FakeSts sts(clock);

    // Two runs: each loads its own settings and provider, as two emrctl processes would.
    const auto run = [&]() -> Result<Credentials> {
        auto settings = AwsSettings::load({.profile = "deploy"}, env, make_disk_file_access());
        if (!settings) return std::unexpected(settings.error());
        return settings->credentials(sts.fn(), clock.fn())->get();
    };
    auto first = run();
    ASSERT_TRUE(first.has_value()) << first.error().message;
    clock.now += 20min;
    auto second = run();
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(sts.calls.size(), 1U);
    EXPECT_EQ(second->access_key_id, first->access_key_id);
    EXPECT_EQ(second->session_token, first->session_token);
    EXPECT_EQ(second->expiration, first->expiration);

    const auto cache = home.path() / ".emrctl" / "cache" / "credentials";
    ASSERT_TRUE(std::filesystem::is_directory(cache));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(cache),
                            std::filesystem::directory_iterator()),
              1);

    clock.now += 40min;  // past the expiry: the third run assumes the role again
    auto third = run();
    ASSERT_TRUE(third.has_value());
    EXPECT_EQ(sts.calls.size(), 2U);
    EXPECT_EQ(third->access_key_id, "ASIA2");
}

TEST(SigningParams, ComeFromTheCredentialsAndTheEndpoint) {
    const Credentials credentials{
        .access_key_id = "ASIA", .secret_access_key = "S", .session_token = "T"};
    const auto s3 =
        signing_params(credentials, aws_endpoint(Service::s3, "eu-west-3"), testing::k_start);
    EXPECT_EQ(s3.access_key_id, "ASIA");
    EXPECT_EQ(s3.secret_access_key, "S");
    EXPECT_EQ(s3.session_token, "T");
    EXPECT_EQ(s3.region, "eu-west-3");
    EXPECT_EQ(s3.service, "s3");
    EXPECT_EQ(s3.time, testing::k_start);
    EXPECT_EQ(s3.style, SigningStyle::s3);
    const auto iam =
        signing_params(credentials, aws_endpoint(Service::iam, "eu-west-3"), testing::k_start);
    EXPECT_EQ(iam.region, "us-east-1");
    EXPECT_EQ(iam.service, "iam");
    EXPECT_EQ(iam.style, SigningStyle::standard);
}

}  // namespace
}  // namespace emrctl::aws
