#include <zlib.h>

#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/jobs/emr_logs.hpp>

namespace emrctl::jobs {

std::optional<S3Location> step_log_location(const std::string& log_uri,
                                            const std::string& cluster_id,
                                            const std::string& step_id, StepLog log) {
    // s3n:// and s3a:// are Hadoop's names for the same buckets, and older clusters report them.
    std::string rest;
    for (const auto* scheme : {"s3://", "s3n://", "s3a://"}) {
        if (log_uri.starts_with(scheme)) rest = log_uri.substr(std::string(scheme).size());
    }
    if (rest.empty()) return std::nullopt;
    const auto slash = rest.find('/');
    S3Location where{.bucket = rest.substr(0, slash)};
    std::string prefix = slash == std::string::npos ? "" : rest.substr(slash + 1);
    if (!prefix.empty() && !prefix.ends_with('/')) prefix += '/';
    if (where.bucket.empty()) return std::nullopt;
    where.key = prefix + cluster_id + "/steps/" + step_id + "/" +
                (log == StepLog::stdout_log ? "stdout.gz" : "stderr.gz");
    return where;
}

Result<std::optional<std::string>> fetch_step_log(const aws::Client& client,
                                                  const S3Location& where) {
    auto object = client.call(
        aws::Service::s3,
        [&](const aws::protocol::Endpoint& e) {
            return aws::s3::make_get_object_request({.bucket = where.bucket, .key = where.key}, e);
        },
        aws::s3::parse_get_object_response);
    if (!object) {
        if (aws::s3::is_not_found(object.error())) return std::optional<std::string>{};
        return std::unexpected(add_context(object.error(), "while reading " + where.uri()));
    }
    auto text = gunzip(object->body);
    if (!text) return std::unexpected(add_context(text.error(), "while reading " + where.uri()));
    return std::optional<std::string>(std::move(*text));
}

Result<std::string> gunzip(const std::string& data) {
    if (data.empty()) return std::string{};
    z_stream z{};
    // 32 + 15: gzip or zlib header, detected; the largest window.
    if (inflateInit2(&z, 32 + 15) != Z_OK) return fail(ErrorKind::internal, "zlib cannot start");
    std::string out;
    std::string buffer(1 << 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    bool complete = false;
    for (;;) {
        z.next_out = reinterpret_cast<Bytef*>(buffer.data());
        z.avail_out = static_cast<uInt>(buffer.size());
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;  // damaged, or cut short (Z_BUF_ERROR)
        out.append(buffer.data(), buffer.size() - z.avail_out);
        if (rc == Z_STREAM_END) {
            complete = z.avail_in == 0;
            // Another gzip member follows: a log appended in pieces is their concatenation.
            if (complete || inflateReset(&z) != Z_OK) break;
        }
    }
    inflateEnd(&z);
    if (!complete) return fail(ErrorKind::io, "the log is not a complete gzip file");
    return out;
}

}  // namespace emrctl::jobs
