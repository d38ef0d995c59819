#include <emrctl/aws/credentials/profile_provider.hpp>
#include <emrctl/aws/credentials/unsupported_profiles.hpp>

namespace emrctl::aws {

Error unsupported_by_emrctl(const ConfigSection& profile, const ConfigValue& value,
                            std::string_view what) {
    Error e{.kind = ErrorKind::config,
            .message = "profile \"" + profile.name + "\" uses " + std::string(what) +
                       ", which emrctl does not support",
            .hint = "run eval \"$(aws configure export-credentials --profile " + profile.name +
                    " --format env)\", then emrctl without --profile: it uses the exported "
                    "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN"};
    e.where = value.where();
    return e;
}

std::optional<Error> unsupported_credentials(const ConfigSection& profile) {
    if (const auto* v = profile.find("sso_session")) {
        return unsupported_by_emrctl(profile, *v, "IAM Identity Center (sso_session)");
    }
    if (const auto* v = profile.find("sso_start_url")) {
        return unsupported_by_emrctl(profile, *v, "IAM Identity Center (sso_start_url)");
    }
    if (has_static_keys(profile)) return std::nullopt;
    if (const auto* v = profile.find("credential_process")) {
        return unsupported_by_emrctl(profile, *v, "credential_process");
    }
    if (const auto* v = profile.find("web_identity_token_file")) {
        return unsupported_by_emrctl(profile, *v, "web identity (web_identity_token_file)");
    }
    return std::nullopt;
}

}  // namespace emrctl::aws
