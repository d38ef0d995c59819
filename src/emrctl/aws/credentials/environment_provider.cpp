#include <emrctl/aws/credentials/environment_provider.hpp>
#include <emrctl/aws/credentials/timestamp.hpp>

namespace emrctl::aws {

Result<std::optional<Credentials>> credentials_from_environment(const Environment& env) {
    const auto key = env.get("AWS_ACCESS_KEY_ID");
    const auto secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (!key && !secret) return std::optional<Credentials>{};
    if (!secret) {
        return fail(ErrorKind::config, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
                    "export AWS_SECRET_ACCESS_KEY as well, or unset AWS_ACCESS_KEY_ID to use a "
                    "profile");
    }
    if (!key) {
        return fail(ErrorKind::config, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
                    "export AWS_ACCESS_KEY_ID as well, or unset AWS_SECRET_ACCESS_KEY to use a "
                    "profile");
    }
    Credentials credentials{.access_key_id = *key,
                            .secret_access_key = *secret,
                            .session_token = env.get("AWS_SESSION_TOKEN").value_or(""),
                            .source = std::string(k_environment_source)};
    if (auto expiration = env.get("AWS_CREDENTIAL_EXPIRATION")) {
        credentials.expiration = parse_timestamp(*expiration);
        if (!credentials.expiration) {
            return fail(ErrorKind::config,
                        "AWS_CREDENTIAL_EXPIRATION \"" + *expiration + "\" is not a timestamp",
                        "write it as 2024-05-17T10:05:07Z, or unset it");
        }
    }
    return credentials;
}

}  // namespace emrctl::aws
