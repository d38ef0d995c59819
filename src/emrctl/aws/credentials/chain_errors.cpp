#include <algorithm>

#include <emrctl/aws/credentials/chain_errors.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// "  - profile "dev" in /home/u/.aws/credentials: file missing"
std::string looked_in(const SharedFile& file, const std::string& profile) {
    std::string line = "\n  - profile " + in_quotes(profile) + " in " + file.path + ": ";
    if (file.state == FileState::missing) return line + "file missing";
    if (!file.profiles.contains(profile)) return line + "no such profile";
    return line + "no aws_access_key_id or role_arn";
}

// "/home/u/.aws/config (file missing)"
std::string file_label(const SharedFile& file) {
    return file.state == FileState::missing ? file.path + " (file missing)" : file.path;
}

}  // namespace

Error no_credentials_found(const SharedConfig& config, const ProfileSelection& profile) {
    std::string message = "no AWS credentials found; emrctl looked in:";
    message += "\n  - environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: ";
    message += profile.origin == ProfileOrigin::flag ? "not used with --profile" : "not set";
    message += looked_in(config.credentials_file, profile.name);
    message += looked_in(config.config_file, profile.name);

    std::string hint;
    if (profile.origin == ProfileOrigin::default_name) {
        hint =
            "run \"aws configure\" to store keys in profile \"default\", or export "
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN with "
            "temporary keys)";
        auto others = config.profile_names();
        std::erase(others, profile.name);
        if (!others.empty()) {
            hint += ", or choose another profile with --profile: " + util::join(others, ", ");
        }
    } else {
        hint = "run \"aws configure --profile " + profile.name +
               "\" to store keys in it, or give it role_arn and source_profile";
    }
    return Error{.kind = ErrorKind::config, .message = message, .hint = hint};
}

Error profile_not_found(const SharedConfig& config, const ProfileSelection& profile) {
    const auto message = "profile " + in_quotes(profile.name) + " (from " +
                         describe_origin(profile.origin) + ") not found in " +
                         file_label(config.credentials_file) + " or " +
                         file_label(config.config_file);

    std::vector<std::string> hints;
    if (std::ranges::find(config.stray_config_sections, profile.name) !=
        config.stray_config_sections.end()) {
        hints.push_back("in " + config.config_file.path + " write [profile " + profile.name +
                        "], not [" + profile.name + "]");
    }
    const auto names = config.profile_names();
    if (names.empty()) {
        hints.push_back("no profiles exist; run \"aws configure --profile " + profile.name +
                        "\" to create it");
    } else {
        hints.push_back("profiles that exist: " + util::join(names, ", "));
    }
    const std::vector<std::string_view> candidates(names.begin(), names.end());
    if (const auto guess = util::closest_match(profile.name, candidates); !guess.empty()) {
        hints.push_back("did you mean " + in_quotes(guess) + "?");
    }
    return Error{.kind = ErrorKind::config, .message = message, .hint = util::join(hints, "; ")};
}

}  // namespace emrctl::aws
