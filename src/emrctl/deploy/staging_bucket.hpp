#pragma once

// Where templates too large to send inline (over 51,200 bytes) go: a bucket per account and
// region, emrctl-staging-<account>-<region>, created on first use — no separate bootstrap step.
// Templates are stored under their content hash, so a deploy never overwrites another's.

#include <string>

#include <emrctl/aws/client.hpp>
#include <emrctl/deploy/deploy_events.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

std::string staging_bucket_name(const std::string& account, const std::string& region);

// Uploads the template and returns the URL CloudFormation reads it from.
Result<std::string> stage_template(const aws::Client& client, const std::string& stack,
                                   const std::string& body, const DeployEventSink& sink);

}  // namespace emrctl::deploy
