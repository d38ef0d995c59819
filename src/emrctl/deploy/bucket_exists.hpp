#pragma once

// Whether buckets exist (HeadBucket): what deploy, diff, destroy and the staging bucket all ask
// before touching one. A bucket of another account is an error (Forbidden), not "missing".

#include <string>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

Result<bool> bucket_exists(const aws::Client& client, const std::string& bucket);

// Whether every one of them exists.
Result<bool> buckets_exist(const aws::Client& client, const std::vector<std::string>& buckets);

}  // namespace emrctl::deploy
