#include <emrctl/aws/credentials/chain.hpp>
#include <emrctl/aws/credentials/settings.hpp>

namespace emrctl::aws {

Result<AwsSettings> AwsSettings::load(const AwsOptions& options, Environment env,
                                      std::shared_ptr<FileAccess> files) {
    auto config = load_shared_config(env, *files);
    if (!config) return std::unexpected(config.error());
    const auto profile = select_profile(options.profile, env);
    auto region = resolve_region({.flag = options.region, .project = options.project_region}, env,
                                 *config, profile);
    if (!region) return std::unexpected(region.error());
    AwsSettings settings;
    settings.m_options = options;
    settings.m_env = std::move(env);
    settings.m_files = std::move(files);
    settings.m_config = std::move(*config);
    settings.m_profile = profile;
    settings.m_region = std::move(*region);
    return settings;
}

Result<Endpoint> AwsSettings::endpoint(Service service) const {
    return resolve_endpoint(service, m_region.name, m_options.endpoint_url, m_env, m_config,
                            m_profile);
}

std::shared_ptr<CachedCredentials> AwsSettings::credentials(AssumeRoleFn assume_role,
                                                            ClockFn now) const {
    CredentialSources sources{.env = m_env,
                              .config = m_config,
                              .profile = m_profile,
                              .assume_role = std::move(assume_role),
                              .files = m_files,
                              .now = now};
    return std::make_shared<CachedCredentials>(
        [sources = std::move(sources)] { return resolve_credentials(sources); }, std::move(now));
}

SigningParams signing_params(const Credentials& credentials, const Endpoint& endpoint,
                             std::chrono::sys_seconds time) {
    return {.access_key_id = credentials.access_key_id,
            .secret_access_key = credentials.secret_access_key,
            .session_token = credentials.session_token,
            .region = endpoint.signing_region,
            .service = endpoint.signing_name,
            .time = time,
            .style = endpoint.signing_name == "s3" ? SigningStyle::s3 : SigningStyle::standard};
}

}  // namespace emrctl::aws
