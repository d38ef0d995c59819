#pragma once

// Where a service's requests go, as the AWS SDKs decide it:
//
//   --endpoint-url                                    (every service: one local emulator)
//   AWS_ENDPOINT_URL_<SERVICE>                        (AWS_ENDPOINT_URL_S3, ..._EMR_CONTAINERS)
//   AWS_ENDPOINT_URL
//   endpoint_url in the profile's services section    ([services x] / s3 = / endpoint_url = ...)
//   endpoint_url in the profile
//   the AWS endpoint                                  (https://<prefix>.<region>.amazonaws.com)
//
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true (or ignore_configured_endpoint_urls = true in the
// profile) skips the variables and the profile; the flag still applies.

#include <optional>
#include <string>
#include <string_view>

#include <emrctl/aws/credentials/environment.hpp>
#include <emrctl/aws/credentials/profile_selection.hpp>
#include <emrctl/aws/credentials/service.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// Who chose the endpoint. Anything but `aws` is a custom endpoint (an emulator, a proxy), where
// S3 must be addressed path-style since bucket subdomains will not resolve.
enum class EndpointOrigin { aws, flag, environment, shared_config };

struct Endpoint {
    std::string scheme;          // "https"
    std::string host;            // "s3.eu-west-3.amazonaws.com", "127.0.0.1:4566"
    std::string base_path;       // "" or "/prefix": goes before every request's path
    std::string signing_region;  // the region SigV4 signs for (us-east-1 for global IAM)
    std::string signing_name;    // SigV4's service: "s3", "elasticmapreduce"…
    EndpointOrigin origin = EndpointOrigin::aws;
    std::string source;  // "AWS", "--endpoint-url", "AWS_ENDPOINT_URL_S3", "profile dev in ..."

    // Where requests go, as the request builders of aws/services take it.
    protocol::Endpoint location() const { return {scheme, host, base_path}; }
};

// The AWS endpoint of a service in a region. STS is regional; IAM has one endpoint per
// partition (iam.amazonaws.com, signed for us-east-1); China regions are under amazonaws.com.cn.
Endpoint aws_endpoint(Service service, std::string_view region);

// Fails when the URL that wins is not a valid endpoint URL, or the profile names a services
// section that does not exist.
Result<Endpoint> resolve_endpoint(Service service, std::string_view region,
                                  const std::optional<std::string>& flag, const Environment& env,
                                  const SharedConfig& config, const ProfileSelection& profile);

}  // namespace emrctl::aws
