#include <fstream>

#include <emrctl/aws/services/s3/list_objects.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/deploy/parallel.hpp>
#include <emrctl/jobs/emr_outputs.hpp>
#include <emrctl/util/interrupt.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::jobs {

namespace fs = std::filesystem;
namespace s3 = aws::s3;

namespace {

Result<std::vector<s3::ObjectSummary>> list_all(const aws::Client& client,
                                                const std::string& bucket,
                                                const std::string& prefix) {
    std::vector<s3::ObjectSummary> objects;
    s3::ListObjectsV2Input input{.bucket = bucket, .prefix = prefix};
    for (;;) {
        auto page = client.call(
            aws::Service::s3,
            [&](const aws::protocol::Endpoint& e) {
                return s3::make_list_objects_v2_request(input, e);
            },
            s3::parse_list_objects_v2_response);
        if (!page) return std::unexpected(page.error());
        objects.insert(objects.end(), page->objects.begin(), page->objects.end());
        if (!page->is_truncated || page->next_continuation_token.empty()) break;
        input.continuation_token = page->next_continuation_token;
    }
    return objects;
}

// A key must stay inside the target folder whatever it holds ("../", absolute parts).
bool is_safe_relative(const std::string& relative) {
    if (relative.empty() || relative.starts_with('/')) return false;
    for (const auto& part : util::split(relative, '/')) {
        if (part == ".." || part == ".") return false;
    }
    return true;
}

Result<void> download(const aws::Client& client, const std::string& bucket,
                      const s3::ObjectSummary& object, const fs::path& file,
                      std::uint64_t range_bytes) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const auto partial = fs::path(file.string() + ".part");
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return fail(ErrorKind::io, "cannot write " + partial.string());
    std::uint64_t offset = 0;
    do {
        s3::GetObjectInput input{.bucket = bucket, .key = object.key};
        // A small object in one request; a large one in ranges, so no body is ever larger.
        if (object.size > range_bytes) {
            input.range = s3::ByteRange{.first = offset, .last = offset + range_bytes - 1};
        }
        auto got = client.call(
            aws::Service::s3,
            [&](const aws::protocol::Endpoint& e) { return s3::make_get_object_request(input, e); },
            s3::parse_get_object_response);
        if (!got) {
            return std::unexpected(
                add_context(got.error(), "while downloading s3://" + bucket + "/" + object.key));
        }
        out.write(got->body.data(), static_cast<std::streamsize>(got->body.size()));
        offset += got->body.size();
        if (got->body.empty()) break;  // the object shrank since it was listed
    } while (offset < object.size && object.size > range_bytes);
    out.close();
    if (!out) return fail(ErrorKind::io, "cannot write " + partial.string());
    fs::rename(partial, file, ec);
    if (ec) return fail(ErrorKind::io, "cannot write " + file.string() + ": " + ec.message());
    return ok();
}

}  // namespace

bool is_result_key(const std::string& relative_key) {
    if (relative_key.empty() || relative_key.ends_with('/') ||
        relative_key.ends_with("_$folder$")) {
        return false;
    }
    const auto name = config::base_name(relative_key);
    return !name.starts_with('_') && !name.starts_with('.');
}

Result<OutputsReport> download_outputs(const aws::Client& client, const std::string& data_bucket,
                                       const config::Job& job, const fs::path& target,
                                       const DownloadOptions& options) {
    const auto prefix = config::output_prefix(job) + "/";
    OutputsReport report{.source = "s3://" + data_bucket + "/" + prefix};
    auto listed = list_all(client, data_bucket, prefix);
    if (!listed) return std::unexpected(listed.error());
    std::vector<s3::ObjectSummary> wanted;
    for (auto& object : *listed) {
        const auto relative = object.key.substr(prefix.size());
        if (!is_result_key(relative)) continue;
        if (!is_safe_relative(relative)) {
            return fail(ErrorKind::aws, "refusing to download " + object.key +
                                            ": it would land outside " + target.string());
        }
        report.bytes += object.size;
        wanted.push_back(std::move(object));
    }
    if (wanted.empty()) {
        return fail(ErrorKind::usage,
                    "job \"" + job.name + "\" has no outputs in " + report.source + " yet",
                    "run it: emrctl run " + job.name);
    }
    report.files = wanted.size();
    auto done = deploy::run_parallel(
        wanted.size(), options.workers,
        [&](std::size_t i) {
            return download(client, data_bucket, wanted[i],
                            target / wanted[i].key.substr(prefix.size()), options.range_bytes);
        },
        [] { return interrupt_requested(); });
    if (!done) return std::unexpected(done.error());
    return report;
}

}  // namespace emrctl::jobs
