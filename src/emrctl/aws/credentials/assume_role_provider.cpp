#include <algorithm>
#include <array>
#include <charconv>
#include <variant>

#include <emrctl/aws/credentials/assume_role_provider.hpp>
#include <emrctl/aws/credentials/environment_provider.hpp>
#include <emrctl/aws/credentials/profile_provider.hpp>
#include <emrctl/aws/credentials/unsupported_profiles.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

constexpr std::array<std::string_view, 3> k_credential_sources = {
    "Environment", "Ec2InstanceMetadata", "EcsContainer"};

std::unexpected<Error> error_at(const ConfigValue& value, std::string message, std::string hint) {
    auto e = fail(ErrorKind::config, std::move(message), std::move(hint));
    e.error().where = value.where();
    return e;
}

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

Result<std::optional<std::chrono::seconds>> duration_of(const ConfigSection& profile) {
    const auto* value = profile.find("duration_seconds");
    if (value == nullptr) return std::optional<std::chrono::seconds>{};
    long long seconds = 0;
    const auto& text = value->value;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc{} || end != text.data() + text.size() ||
        seconds < k_min_role_duration.count() || seconds > k_max_role_duration.count()) {
        return error_at(*value,
                        "profile " + in_quotes(profile.name) +
                            ": duration_seconds must be a whole number from 900 to 43200, not " +
                            in_quotes(text),
                        "write the session length in seconds, e.g. duration_seconds = 3600");
    }
    return std::optional<std::chrono::seconds>{std::chrono::seconds{seconds}};
}

// One role to assume: the profile that names it and what it asks for.
struct Hop {
    const ConfigSection* profile;
    AssumeRoleRequest request;
};

// The roles to assume, the profile asked for first, and the keys the last one is assumed with.
struct Plan {
    std::vector<Hop> hops;
    Credentials keys;
};

// What a profile's role is assumed with: keys, or the next profile's role.
using Source = std::variant<Credentials, const ConfigSection*>;

Result<Source> from_credential_source(const ConfigSection& profile, const ConfigValue& value,
                                      const Environment& env) {
    if (value.value == "Environment") {
        auto keys = credentials_from_environment(env);
        if (!keys) return std::unexpected(keys.error());
        if (!*keys) {
            return error_at(value,
                            "profile " + in_quotes(profile.name) +
                                " has credential_source = Environment but AWS_ACCESS_KEY_ID and "
                                "AWS_SECRET_ACCESS_KEY are not set",
                            "export them, or use source_profile = <a profile holding keys>");
        }
        return Source{std::move(**keys)};
    }
    if (std::ranges::find(k_credential_sources, value.value) != k_credential_sources.end()) {
        return std::unexpected(
            unsupported_by_emrctl(profile, value, "credential_source = " + value.value));
    }
    const auto guess = util::closest_match(value.value, k_credential_sources);
    return error_at(value,
                    "profile " + in_quotes(profile.name) + ": unknown credential_source " +
                        in_quotes(value.value),
                    guess.empty() ? "emrctl supports credential_source = Environment"
                                  : "did you mean " + in_quotes(guess) + "?");
}

Result<Source> from_source_profile(const ConfigSection& profile, const ConfigValue& value,
                                   const std::vector<std::string>& visited,
                                   const SharedConfig& config) {
    const auto& name = value.value;
    if (name == profile.name) {
        auto keys = static_credentials(profile);
        if (!keys) return std::unexpected(keys.error());
        if (*keys) return Source{std::move(**keys)};
        return error_at(value,
                        "profile " + in_quotes(name) +
                            " is its own source_profile but holds no aws_access_key_id",
                        "add its keys, or name the profile that holds them");
    }
    const auto* source = config.find_profile(name);
    if (source == nullptr) {
        const auto names = config.profile_names();
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        const auto guess = util::closest_match(name, candidates);
        return error_at(value,
                        "profile " + in_quotes(profile.name) + ": source_profile " +
                            in_quotes(name) + " does not exist",
                        guess.empty() ? "profiles that exist: " + util::join(names, ", ")
                                      : "did you mean " + in_quotes(guess) + "?");
    }
    if (std::ranges::find(visited, name) != visited.end()) {
        auto loop = visited;
        loop.push_back(name);
        return error_at(value, "profiles loop through source_profile: " + util::join(loop, " -> "),
                        "end the chain at a profile holding aws_access_key_id and "
                        "aws_secret_access_key, or with credential_source = Environment");
    }
    if (has_static_keys(*source)) {
        auto keys = static_credentials(*source);
        if (!keys) return std::unexpected(keys.error());
        return Source{std::move(**keys)};
    }
    if (source->find("role_arn") != nullptr) return Source{source};
    if (auto unsupported = unsupported_credentials(*source)) return std::unexpected(*unsupported);
    return error_at(value,
                    "profile " + in_quotes(profile.name) + ": source_profile " + in_quotes(name) +
                        " holds no credentials",
                    "give profile " + in_quotes(name) +
                        " aws_access_key_id and aws_secret_access_key, or a role_arn and its own "
                        "source_profile");
}

Result<Source> source_of(const ConfigSection& profile, const std::vector<std::string>& visited,
                         const AssumeRoleContext& context) {
    const auto* credential_source = profile.find("credential_source");
    const auto* source_profile = profile.find("source_profile");
    if (credential_source != nullptr && source_profile != nullptr) {
        return error_at(
            *source_profile,
            "profile " + in_quotes(profile.name) + " has both source_profile and credential_source",
            "keep one: source_profile names the profile holding the keys, "
            "credential_source = Environment takes them from AWS_ACCESS_KEY_ID");
    }
    if (credential_source != nullptr) {
        return from_credential_source(profile, *credential_source, context.env);
    }
    if (source_profile != nullptr) {
        return from_source_profile(profile, *source_profile, visited, context.config);
    }
    if (const auto* token_file = profile.find("web_identity_token_file")) {
        return std::unexpected(
            unsupported_by_emrctl(profile, *token_file, "web identity (web_identity_token_file)"));
    }
    return error_at(*profile.find("role_arn"),
                    "profile " + in_quotes(profile.name) +
                        " has role_arn but no source_profile or credential_source",
                    "add source_profile = <a profile holding keys>, or credential_source = "
                    "Environment");
}

Result<Plan> plan_roles(const ConfigSection& profile, const AssumeRoleContext& context) {
    Plan plan;
    std::vector<std::string> visited;
    const ConfigSection* current = &profile;
    while (true) {
        if (const auto* mfa = current->find("mfa_serial")) {
            return std::unexpected(
                unsupported_by_emrctl(*current, *mfa, "an MFA code (mfa_serial)"));
        }
        auto request = role_request(*current);
        if (!request) return std::unexpected(request.error());
        plan.hops.push_back({.profile = current, .request = std::move(*request)});
        visited.push_back(current->name);
        auto source = source_of(*current, visited, context);
        if (!source) return std::unexpected(source.error());
        if (auto* keys = std::get_if<Credentials>(&*source)) {
            plan.keys = std::move(*keys);
            return plan;
        }
        current = std::get<const ConfigSection*>(*source);
    }
}

Result<Credentials> assume(const Hop& hop, const Credentials& source,
                           const AssumeRoleContext& context) {
    const auto key = role_cache_key(hop.request, source.access_key_id);
    if (context.cache != nullptr) {
        if (auto cached = context.cache->load(key);
            cached && !needs_refresh(*cached, context.now())) {
            return std::move(*cached);
        }
    }
    if (!context.assume_role) {
        return fail(ErrorKind::internal, "profile " + in_quotes(hop.profile->name) +
                                             " needs STS to assume its role, which is not wired "
                                             "in here");
    }
    auto request = hop.request;
    if (request.role_session_name.empty()) {
        request.role_session_name =
            "emrctl-" + std::to_string(context.now().time_since_epoch().count());
    }
    auto credentials = context.assume_role(request, source);
    if (!credentials) {
        return std::unexpected(add_context(
            credentials.error(),
            "while assuming role " + request.role_arn + " for profile " + hop.profile->name));
    }
    credentials->source = "assumed role " + request.role_arn + " via profile " + hop.profile->name;
    if (context.cache != nullptr) context.cache->store(key, *credentials);
    return credentials;
}

}  // namespace

Result<AssumeRoleRequest> role_request(const ConfigSection& profile) {
    const auto* arn = profile.find("role_arn");
    if (arn == nullptr) {
        return fail(ErrorKind::internal, "profile " + in_quotes(profile.name) + " has no role_arn");
    }
    if (!arn->value.starts_with("arn:") || arn->value.find(":role/") == std::string::npos) {
        return error_at(*arn,
                        "profile " + in_quotes(profile.name) + ": role_arn " +
                            in_quotes(arn->value) + " is not an IAM role ARN",
                        "write it as arn:aws:iam::<account id>:role/<role name>");
    }
    auto duration = duration_of(profile);
    if (!duration) return std::unexpected(duration.error());
    const auto* session = profile.find("role_session_name");
    const auto* external_id = profile.find("external_id");
    return AssumeRoleRequest{.role_arn = arn->value,
                             .role_session_name = session != nullptr ? session->value : "",
                             .external_id = external_id != nullptr ? external_id->value : "",
                             .duration = *duration,
                             .profile = profile.name};
}

Result<Credentials> assume_role_credentials(const ConfigSection& profile,
                                            const AssumeRoleContext& context) {
    auto plan = plan_roles(profile, context);
    if (!plan) return std::unexpected(plan.error());
    auto credentials = std::move(plan->keys);
    // The last hop is assumed with the keys, and each one before it with the role after it.
    for (auto hop = plan->hops.rbegin(); hop != plan->hops.rend(); ++hop) {
        auto next = assume(*hop, credentials, context);
        if (!next) return std::unexpected(next.error());
        credentials = std::move(*next);
    }
    return credentials;
}

}  // namespace emrctl::aws
