#pragma once

// A step's logs where EMR writes them: <LogUri>/<cluster-id>/steps/<step-id>/{stdout,stderr}.gz,
// pushed to S3 every few minutes, so a log that is missing now may simply not be there yet. In
// cluster deploy mode those hold spark-submit's own output; the driver's (the Python traceback,
// what the job printed) is in its YARN container's logs, aggregated under
// <LogUri>/<cluster-id>/containers/<application-id>/<container-id>/{stdout,stderr}.gz.

#include <optional>
#include <string>
#include <vector>

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

// The YARN application spark-submit reports in a step's stderr ("application_1700000000000_0003");
// the last one named, as a retried submission names a new one.
std::optional<std::string> yarn_application_id(const std::string& step_stderr);

// <LogUri>/<cluster-id>/containers/<application-id>/
std::optional<S3Location> container_logs_prefix(const std::string& log_uri,
                                                const std::string& cluster_id,
                                                const std::string& application_id);

// Among the keys under an application's container logs, the driver's `log`: a cluster-mode driver
// runs in the application master, the first container (..._000001) of the last attempt.
std::optional<std::string> driver_log_key(const std::vector<std::string>& keys, StepLog log);

// The driver's logs of a YARN application; both nullopt until YARN has aggregated them.
struct DriverLogs {
    std::optional<std::string> stdout_text;
    std::optional<std::string> stderr_text;
};
Result<DriverLogs> fetch_driver_logs(const aws::Client& client, const S3Location& prefix);

// The log, gunzipped; nullopt while EMR has not pushed it.
Result<std::optional<std::string>> fetch_step_log(const aws::Client& client,
                                                  const S3Location& where);

// gzip (or zlib) data, inflated; several gzip members are read one after the other.
Result<std::string> gunzip(const std::string& data);

}  // namespace emrctl::jobs
