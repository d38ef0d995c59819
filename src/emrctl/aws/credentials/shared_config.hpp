#pragma once

// The shared config and credentials files (~/.aws/config, ~/.aws/credentials), read as the AWS
// SDKs read them: profiles of both files merged into one map, the credentials file winning
// where both set a key.
//
// Where the files are: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE (a leading "~/" is
// HOME), else ~/.aws/config and ~/.aws/credentials. Section names differ between the two files:
//
//   ~/.aws/config        [default]  [profile dev]  [services local]  [sso-session x]
//   ~/.aws/credentials   [default]  [dev]
//
// In the config file [profile default] wins over [default]; a section like [dev] is no profile
// there (it is remembered, to point the mistake out when "dev" is not found).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// One key's value and where it was written.
struct ConfigValue {
    std::string value;
    std::string file;
    int line = 0;
    std::string line_text;

    // Its place in the file, for errors about it.
    SourceLocation where() const;
};

using ConfigValues = std::map<std::string, ConfigValue, std::less<>>;

struct ConfigSection {
    std::string name;  // the profile or services name, without its "profile " prefix
    ConfigValues values;
    std::map<std::string, ConfigValues, std::less<>> subsections;  // `s3 =` + indented keys

    const ConfigValue* find(std::string_view key) const;
};

enum class FileState { missing, present };

struct SharedFile {
    std::string path;
    FileState state = FileState::missing;
    std::set<std::string, std::less<>> profiles;  // the profiles this file defines
};

struct SharedConfig {
    SharedFile config_file;
    SharedFile credentials_file;
    std::map<std::string, ConfigSection, std::less<>> profiles;
    std::map<std::string, ConfigSection, std::less<>> services;  // [services x] of the config file
    std::vector<std::string> stray_config_sections;  // [x] in the config file: not a profile

    const ConfigSection* find_profile(std::string_view name) const;
    std::vector<std::string> profile_names() const;  // sorted
};

struct SharedFilePaths {
    std::string config;
    std::string credentials;
};

SharedFilePaths shared_file_paths(const Environment& env);

// A file's path and its content; nullopt content: the file does not exist.
struct SharedFileText {
    std::string path;
    std::optional<std::string> text;
};

// Pure: parses and merges the two files. Fails on the first line either file gets wrong.
Result<SharedConfig> parse_shared_config(const SharedFileText& config,
                                         const SharedFileText& credentials);

// Finds, reads and parses both files.
Result<SharedConfig> load_shared_config(const Environment& env, const FileAccess& files);

}  // namespace emrctl::aws
