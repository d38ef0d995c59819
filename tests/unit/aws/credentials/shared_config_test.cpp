#include "fixtures.hpp"
#include "memory_files.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/shared_config.hpp>

namespace emrctl::aws {
namespace {

using testing::k_config_path;
using testing::k_credentials_path;
using testing::shared_config;

std::string value_of(const SharedConfig& config, std::string_view profile, std::string_view key) {
    const auto* section = config.find_profile(profile);
    if (section == nullptr) return "<no profile>";
    const auto* value = section->find(key);
    return value == nullptr ? "<no key>" : value->value;
}

TEST(SharedConfig, NamesProfilesByTheFilesConventions) {
    const auto config =
        shared_config("[default]\nregion = eu-west-3\n[profile dev]\nregion = us-east-1\n",
                      "[default]\naws_access_key_id = A\n[prod]\naws_access_key_id = P\n");
    EXPECT_EQ(config.profile_names(), (std::vector<std::string>{"default", "dev", "prod"}));
    EXPECT_EQ(value_of(config, "dev", "region"), "us-east-1");
    EXPECT_EQ(value_of(config, "prod", "aws_access_key_id"), "P");
    EXPECT_EQ(config.config_file.profiles, (std::set<std::string, std::less<>>{"default", "dev"}));
    EXPECT_EQ(config.credentials_file.profiles,
              (std::set<std::string, std::less<>>{"default", "prod"}));
}

TEST(SharedConfig, MergesAProfileOfBothFilesWithTheCredentialsFileWinning) {
    const auto config =
        shared_config("[profile dev]\nregion = eu-west-3\naws_access_key_id = FROM_CONFIG\n",
                      "# keys\n[dev]\naws_access_key_id = FROM_CREDENTIALS\n");
    EXPECT_EQ(value_of(config, "dev", "region"), "eu-west-3");
    const auto* key = config.find_profile("dev")->find("aws_access_key_id");
    EXPECT_EQ(key->value, "FROM_CREDENTIALS");
    EXPECT_EQ(key->file, k_credentials_path);
    EXPECT_EQ(key->line, 3);
    EXPECT_EQ(config.find_profile("dev")->find("region")->file, k_config_path);
}

TEST(SharedConfig, ProfileDefaultWinsOverDefaultInTheConfigFile) {
    const auto config =
        shared_config("[profile default]\nregion = eu-west-3\n[default]\nregion = us-east-1\n");
    EXPECT_EQ(value_of(config, "default", "region"), "eu-west-3");
}

TEST(SharedConfig, ASectionWithoutProfileInTheConfigFileIsNoProfile) {
    const auto config =
        shared_config("[dev]\nregion = eu-west-3\n[sso-session corp]\nsso_region = x\n");
    EXPECT_EQ(config.find_profile("dev"), nullptr);
    EXPECT_EQ(config.stray_config_sections, (std::vector<std::string>{"dev"}));
}

TEST(SharedConfig, AProfilePrefixInTheCredentialsFileIsPartOfTheName) {
    const auto config = shared_config(std::nullopt, "[profile dev]\naws_access_key_id = A\n");
    EXPECT_EQ(config.profile_names(), (std::vector<std::string>{"profile dev"}));
}

TEST(SharedConfig, KeepsServicesSectionsAndSubSections) {
    const auto config = shared_config(
        "[profile dev]\nservices = local\ns3 =\n  addressing_style = path\n"
        "[services local]\ns3 =\n  endpoint_url = http://127.0.0.1:4566\n");
    const auto& services = config.services.at("local");
    EXPECT_EQ(services.subsections.at("s3").at("endpoint_url").value, "http://127.0.0.1:4566");
    EXPECT_EQ(services.subsections.at("s3").at("endpoint_url").line, 7);
    EXPECT_EQ(config.find_profile("dev")->subsections.at("s3").at("addressing_style").value,
              "path");
}

TEST(SharedConfig, RecordsWhichFilesExist) {
    const auto config = shared_config(std::nullopt, "");
    EXPECT_EQ(config.config_file.state, FileState::missing);
    EXPECT_EQ(config.config_file.path, k_config_path);
    EXPECT_EQ(config.credentials_file.state, FileState::present);
    EXPECT_TRUE(config.profiles.empty());
}

TEST(SharedConfig, FilesAreUnderHomeByDefault) {
    const auto paths = shared_file_paths(Environment{{"HOME", "/home/u"}});
    EXPECT_EQ(paths.config, "/home/u/.aws/config");
    EXPECT_EQ(paths.credentials, "/home/u/.aws/credentials");
}

TEST(SharedConfig, VariablesMoveTheFilesAndATildeIsHome) {
    const auto paths = shared_file_paths(Environment{{"HOME", "/home/u"},
                                                     {"AWS_CONFIG_FILE", "/etc/aws/config"},
                                                     {"AWS_SHARED_CREDENTIALS_FILE", "~/keys"}});
    EXPECT_EQ(paths.config, "/etc/aws/config");
    EXPECT_EQ(paths.credentials, "/home/u/keys");
}

TEST(SharedConfig, LoadsBothFilesThroughFileAccess) {
    testing::MemoryFiles files;
    files.put(k_credentials_path, "[default]\naws_access_key_id = A\n");
    auto config = load_shared_config(Environment{{"HOME", "/home/u"}}, files);
    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config->config_file.state, FileState::missing);
    EXPECT_EQ(config->credentials_file.state, FileState::present);
    EXPECT_EQ(value_of(*config, "default", "aws_access_key_id"), "A");
}

TEST(SharedConfig, ALoadFailsWithTheLocationOfABrokenLine) {
    testing::MemoryFiles files;
    files.put(k_config_path, "[default]\nregion eu-west-3\n");
    auto config = load_shared_config(Environment{{"HOME", "/home/u"}}, files);
    ASSERT_FALSE(config.has_value());
    EXPECT_EQ(config.error().message, "expected \"key = value\" or a [section]");
    EXPECT_EQ(config.error().where->file, k_config_path);
    EXPECT_EQ(config.error().where->line, 2);
}

}  // namespace
}  // namespace emrctl::aws
