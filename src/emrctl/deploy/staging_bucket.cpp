#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/aws/services/sts/get_caller_identity.hpp>
#include <emrctl/aws/sha256.hpp>
#include <emrctl/deploy/bucket_exists.hpp>
#include <emrctl/deploy/staging_bucket.hpp>

namespace emrctl::deploy {

using aws::Service;
using aws::protocol::Endpoint;

std::string staging_bucket_name(const std::string& account, const std::string& region) {
    return "emrctl-staging-" + account + "-" + region;
}

namespace {

Result<void> ensure_bucket(const aws::Client& client, const std::string& bucket,
                           const DeployEventSink& sink) {
    auto there = bucket_exists(client, bucket);
    if (!there) return std::unexpected(there.error());
    if (*there) return {};
    if (sink) {
        sink(Notice{"creating the staging bucket s3://" + bucket +
                    " (once per account and region)"});
    }
    const aws::s3::CreateBucketInput create{.bucket = bucket, .region = client.region()};
    auto made = client.call(
        Service::s3,
        [&](const Endpoint& e) { return aws::s3::make_create_bucket_request(create, e); },
        aws::s3::parse_create_bucket_response);
    if (!made && !(made.error().aws && made.error().aws->code == "BucketAlreadyOwnedByYou")) {
        return std::unexpected(made.error());
    }
    return {};
}

// Virtual-hosted on AWS, as CloudFormation expects; path-style on a custom endpoint, whose
// host has no bucket subdomains.
Result<std::string> object_url(const aws::Client& client, const std::string& bucket,
                               const std::string& key) {
    auto endpoint = client.settings().endpoint(Service::s3);
    if (!endpoint) return std::unexpected(endpoint.error());
    if (endpoint->origin == aws::EndpointOrigin::aws) {
        return endpoint->scheme + "://" + bucket + "." + endpoint->host + "/" + key;
    }
    return endpoint->scheme + "://" + endpoint->host + endpoint->base_path + "/" + bucket + "/" +
           key;
}

}  // namespace

Result<std::string> stage_template(const aws::Client& client, const std::string& stack,
                                   const std::string& body, const DeployEventSink& sink) {
    auto identity = client.call(Service::sts, aws::sts::make_get_caller_identity_request,
                                aws::sts::parse_get_caller_identity_response);
    if (!identity) return std::unexpected(identity.error());
    const auto bucket = staging_bucket_name(identity->account, client.region());
    if (auto made = ensure_bucket(client, bucket, sink); !made) {
        return std::unexpected(add_context(std::move(made.error()),
                                           "while preparing the staging bucket for templates"));
    }
    const auto hash = aws::sha256_hex(body);
    const auto key = "templates/" + stack + "/" + hash + ".json";
    const aws::s3::PutObjectInput put{.bucket = bucket,
                                      .key = key,
                                      .body = body,
                                      .content_type = "application/json",
                                      .payload_sha256_hex = hash};
    auto stored = client.call(
        Service::s3, [&](const Endpoint& e) { return aws::s3::make_put_object_request(put, e); },
        aws::s3::parse_put_object_response);
    if (!stored) return std::unexpected(stored.error());
    return object_url(client, bucket, key);
}

}  // namespace emrctl::deploy
