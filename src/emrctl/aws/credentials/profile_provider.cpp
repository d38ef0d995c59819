#include <emrctl/aws/credentials/profile_provider.hpp>

namespace emrctl::aws {

namespace {

std::unexpected<Error> half_a_pair(const ConfigSection& profile, const ConfigValue& present,
                                   std::string_view present_key, std::string_view missing_key) {
    auto e = fail(ErrorKind::config,
                  "profile \"" + profile.name + "\" has " + std::string(present_key) + " but no " +
                      std::string(missing_key),
                  "add " + std::string(missing_key) + " = ... next to it, or remove " +
                      std::string(present_key));
    e.error().where = present.where();
    return e;
}

}  // namespace

bool has_static_keys(const ConfigSection& profile) {
    return profile.find("aws_access_key_id") != nullptr ||
           profile.find("aws_secret_access_key") != nullptr;
}

Result<std::optional<Credentials>> static_credentials(const ConfigSection& profile) {
    const auto* key = profile.find("aws_access_key_id");
    const auto* secret = profile.find("aws_secret_access_key");
    if (key == nullptr && secret == nullptr) return std::optional<Credentials>{};
    if (secret == nullptr) {
        return half_a_pair(profile, *key, "aws_access_key_id", "aws_secret_access_key");
    }
    if (key == nullptr) {
        return half_a_pair(profile, *secret, "aws_secret_access_key", "aws_access_key_id");
    }
    const auto* token = profile.find("aws_session_token");
    return Credentials{.access_key_id = key->value,
                       .secret_access_key = secret->value,
                       .session_token = token != nullptr ? token->value : "",
                       .source = "profile " + profile.name + " in " + key->file};
}

}  // namespace emrctl::aws
