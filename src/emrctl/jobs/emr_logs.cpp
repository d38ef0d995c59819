#include <algorithm>
#include <cctype>

#include <zlib.h>

#include <emrctl/aws/services/s3/list_objects.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/jobs/emr_logs.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::jobs {

namespace {

// The cluster's folder under the LogUri: bucket and "<prefix>/<cluster-id>/".
std::optional<S3Location> cluster_logs(const std::string& log_uri, const std::string& cluster_id) {
    // s3n:// and s3a:// are Hadoop's names for the same buckets, and EMR reports them.
    std::string rest;
    for (const auto* scheme : {"s3://", "s3n://", "s3a://"}) {
        if (log_uri.starts_with(scheme)) rest = log_uri.substr(std::string(scheme).size());
    }
    const auto slash = rest.find('/');
    S3Location where{.bucket = rest.substr(0, slash)};
    if (where.bucket.empty()) return std::nullopt;
    std::string prefix = slash == std::string::npos ? "" : rest.substr(slash + 1);
    if (!prefix.empty() && !prefix.ends_with('/')) prefix += '/';
    where.key = prefix + cluster_id + "/";
    return where;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<S3Location> step_log_location(const std::string& log_uri,
                                            const std::string& cluster_id,
                                            const std::string& step_id, StepLog log) {
    auto where = cluster_logs(log_uri, cluster_id);
    if (!where) return std::nullopt;
    where->key +=
        "steps/" + step_id + "/" + (log == StepLog::stdout_log ? "stdout.gz" : "stderr.gz");
    return where;
}

std::optional<std::string> yarn_application_id(const std::string& step_stderr) {
    constexpr std::string_view k_prefix = "application_";
    std::optional<std::string> found;
    for (auto at = step_stderr.find(k_prefix); at != std::string::npos;
         at = step_stderr.find(k_prefix, at + 1)) {
        auto end = at + k_prefix.size();
        while (end < step_stderr.size() &&
               (std::isdigit(static_cast<unsigned char>(step_stderr[end])) != 0 ||
                step_stderr[end] == '_')) {
            ++end;
        }
        const auto id = step_stderr.substr(at, end - at);
        const auto parts = util::split(id.substr(k_prefix.size()), '_');
        if (parts.size() == 2 && all_digits(parts[0]) && all_digits(parts[1])) found = id;
    }
    return found;
}

std::optional<S3Location> container_logs_prefix(const std::string& log_uri,
                                                const std::string& cluster_id,
                                                const std::string& application_id) {
    auto where = cluster_logs(log_uri, cluster_id);
    if (!where) return std::nullopt;
    where->key += "containers/" + application_id + "/";
    return where;
}

std::optional<std::string> driver_log_key(const std::vector<std::string>& keys, StepLog log) {
    const std::string file = log == StepLog::stdout_log ? "/stdout.gz" : "/stderr.gz";
    std::optional<std::string> best;
    for (const auto& key : keys) {
        if (!key.ends_with("_000001" + file)) continue;
        // container_<cluster ts>_<app>_<attempt>_000001, or container_e<epoch>_... : the attempt
        // is the last but one field, zero-padded, so the greatest key is the last attempt.
        if (key.find("/container_") == std::string::npos) continue;
        if (!best || key > *best) best = key;
    }
    return best;
}

Result<DriverLogs> fetch_driver_logs(const aws::Client& client, const S3Location& prefix) {
    std::vector<std::string> keys;
    aws::s3::ListObjectsV2Input input{.bucket = prefix.bucket, .prefix = prefix.key};
    for (;;) {
        auto page = client.call(
            aws::Service::s3,
            [&](const aws::protocol::Endpoint& e) {
                return aws::s3::make_list_objects_v2_request(input, e);
            },
            aws::s3::parse_list_objects_v2_response);
        if (!page)
            return std::unexpected(add_context(page.error(), "while listing " + prefix.uri()));
        for (const auto& o : page->objects)
            keys.push_back(o.key);
        if (!page->is_truncated || page->next_continuation_token.empty()) break;
        input.continuation_token = page->next_continuation_token;
    }
    DriverLogs logs;
    for (const auto log : {StepLog::stdout_log, StepLog::stderr_log}) {
        const auto key = driver_log_key(keys, log);
        if (!key) continue;
        auto text = fetch_step_log(client, {.bucket = prefix.bucket, .key = *key});
        if (!text) return std::unexpected(text.error());
        (log == StepLog::stdout_log ? logs.stdout_text : logs.stderr_text) = std::move(*text);
    }
    return logs;
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
