#include <emrctl/aws/credentials/assume_role_provider.hpp>
#include <emrctl/aws/credentials/chain.hpp>
#include <emrctl/aws/credentials/chain_errors.hpp>
#include <emrctl/aws/credentials/environment_provider.hpp>
#include <emrctl/aws/credentials/profile_provider.hpp>
#include <emrctl/aws/credentials/unsupported_profiles.hpp>

namespace emrctl::aws {

namespace {

std::optional<RoleCache> role_cache(const CredentialSources& sources) {
    if (!sources.files) return std::nullopt;
    auto folder = RoleCache::default_folder(sources.env);
    if (!folder) return std::nullopt;
    return RoleCache(sources.files, std::move(*folder));
}

// nullopt: the profile holds no credentials of any kind.
Result<std::optional<Credentials>> from_profile(const ConfigSection& profile,
                                                const CredentialSources& sources) {
    if (profile.find("role_arn") != nullptr) {
        const auto cache = role_cache(sources);
        const AssumeRoleContext context{.env = sources.env,
                                        .config = sources.config,
                                        .assume_role = sources.assume_role,
                                        .cache = cache ? &*cache : nullptr,
                                        .now = sources.now};
        auto credentials = assume_role_credentials(profile, context);
        if (!credentials) return std::unexpected(credentials.error());
        return std::optional<Credentials>{std::move(*credentials)};
    }
    if (auto unsupported = unsupported_credentials(profile)) return std::unexpected(*unsupported);
    return static_credentials(profile);
}

}  // namespace

Result<Credentials> resolve_credentials(const CredentialSources& sources) {
    const auto& selection = sources.profile;
    if (selection.origin != ProfileOrigin::flag) {
        auto from_env = credentials_from_environment(sources.env);
        if (!from_env) return std::unexpected(from_env.error());
        if (*from_env) return std::move(**from_env);
    }
    const auto* profile = sources.config.find_profile(selection.name);
    if (profile == nullptr) {
        // A missing "default" only means there is nothing to find; a missing profile someone
        // named is a mistake to point out.
        if (selection.origin == ProfileOrigin::default_name) {
            return std::unexpected(no_credentials_found(sources.config, selection));
        }
        return std::unexpected(profile_not_found(sources.config, selection));
    }
    auto found = from_profile(*profile, sources);
    if (!found) return std::unexpected(found.error());
    if (!*found) return std::unexpected(no_credentials_found(sources.config, selection));
    return std::move(**found);
}

}  // namespace emrctl::aws
