#pragma once

// What the rest of emrctl calls: everything decided about AWS access at the start of a run that
// talks to AWS, from the command line, the project file, the environment and the shared files.
//
//   auto settings = AwsSettings::load(options, Environment::from_process(),
//   make_disk_file_access()); auto endpoint = settings->endpoint(Service::s3); auto credentials =
//   settings->credentials(sts_assume_role);   // shared by every client auto params =
//   signing_params(*credentials->get(), *endpoint, system_now());

#include <memory>
#include <optional>
#include <string>

#include <emrctl/aws/credentials/assume_role_request.hpp>
#include <emrctl/aws/credentials/cached_credentials.hpp>
#include <emrctl/aws/credentials/endpoint.hpp>
#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/aws/credentials/profile_selection.hpp>
#include <emrctl/aws/credentials/region.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/aws/sigv4.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

struct AwsOptions {
    std::optional<std::string> profile;         // --profile
    std::optional<std::string> region;          // --region
    std::optional<std::string> endpoint_url;    // --endpoint-url
    std::optional<std::string> project_region;  // region: in the project file
};

class AwsSettings {
  public:
    // Reads the shared files, picks the profile and resolves the region (region.hpp). Fails on
    // a damaged shared file or when no region is configured; credentials are looked for later,
    // on first use.
    static Result<AwsSettings> load(const AwsOptions& options, Environment env,
                                    std::shared_ptr<FileAccess> files);

    const ResolvedRegion& region() const { return m_region; }
    const ProfileSelection& profile() const { return m_profile; }
    const SharedConfig& shared_config() const { return m_config; }

    // Where requests to `service` go (endpoint.hpp).
    Result<Endpoint> endpoint(Service service) const;

    // The credentials chain (chain.hpp) behind a refreshing cache. `assume_role` is the STS
    // client's AssumeRole, used by profiles with role_arn; `now` is injected for tests.
    std::shared_ptr<CachedCredentials> credentials(AssumeRoleFn assume_role,
                                                   ClockFn now = system_now) const;

  private:
    AwsSettings() = default;

    AwsOptions m_options;
    Environment m_env;
    std::shared_ptr<FileAccess> m_files;
    SharedConfig m_config;
    ProfileSelection m_profile;
    ResolvedRegion m_region;
};

// SigV4's parameters for a request to `endpoint` at `time`: the keys, the endpoint's signing
// region and name, and S3's signing style for S3.
SigningParams signing_params(const Credentials& credentials, const Endpoint& endpoint,
                             std::chrono::sys_seconds time);

}  // namespace emrctl::aws
