#pragma once

// A step's logs where EMR writes them: <LogUri>/<cluster-id>/steps/<step-id>/{stdout,stderr}.gz,
// pushed to S3 every few minutes, so a log that is missing now may simply not be there yet.

#include <optional>
#include <string>

#include <emrctl/aws/client.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::jobs {

struct S3Location {
    std::string bucket;
    std::string key;

    std::string uri() const { return "s3://" + bucket + "/" + key; }
};

enum class StepLog { stdout_log, stderr_log };

// `log_uri` as DescribeCluster reports it ("s3://logs/", "s3n://logs/emr"); nullopt when it is
// not an S3 URI.
std::optional<S3Location> step_log_location(const std::string& log_uri,
                                            const std::string& cluster_id,
                                            const std::string& step_id, StepLog log);

// The log, gunzipped; nullopt while EMR has not pushed it.
Result<std::optional<std::string>> fetch_step_log(const aws::Client& client,
                                                  const S3Location& where);

// gzip (or zlib) data, inflated; several gzip members are read one after the other.
Result<std::string> gunzip(const std::string& data);

}  // namespace emrctl::jobs
