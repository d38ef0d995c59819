#pragma once

// Uploads the project's assets (bootstrap scripts, job code, job data) to their bucket, doing
// only what changed since the last publish:
//
//   GET <bucket>/.emrctl/assets.json ─┐   what emrctl published last time (key → sha256, size,
//   etag) ListObjectsV2 under each prefix ──┼─▶ plan: upload the new and the changed (sha256
//   differs, or
//                                     │         the object was altered or removed behind our back),
//                                     │         skip the rest, delete what emrctl published before
//                                     │         and the project no longer has
//   PutObject / multipart × N workers ┘─▶ PUT the new assets.json last
//
// Only keys emrctl itself published are ever deleted: job outputs, logs and anything else in the
// bucket are never touched. Memory stays bounded whatever the file sizes: bodies are streamed from
// the files by the transport, a part at a time.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <emrctl/aws/client.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

// Where emrctl keeps, in each bucket it publishes to, the record of what it published.
inline constexpr const char* k_published_manifest_key = ".emrctl/assets.json";

struct AssetFile {
    std::filesystem::path file;  // absolute, or relative to the working directory
    std::string bucket;
    std::string key;
    std::uint64_t size = 0;
    std::string sha256;  // hex, of the file's content
};

struct PublishOptions {
    int concurrency = 16;  // requests in flight
    // Files from this size on go up in parts, in parallel; smaller ones in one PutObject.
    std::uint64_t multipart_threshold = 16ULL * 1024 * 1024;
    std::uint64_t part_size = 16ULL * 1024 * 1024;  // grown when a file would need > 10,000 parts
};

struct PublishPlan {
    std::vector<AssetFile> upload;     // new or changed
    std::vector<AssetFile> unchanged;  // already there with the same content
    struct Removal {
        std::string bucket;
        std::string key;
    };
    std::vector<Removal> remove;  // published before, gone from the project
    std::uint64_t upload_bytes = 0;
};

// Progress of a publish, reported from the worker threads (one at a time, never concurrently).
struct PublishProgress {
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    std::size_t files_done = 0;
    std::size_t files_total = 0;
    std::string last_key;  // the file that just finished, when one did
};
using PublishObserver = std::function<void(const PublishProgress&)>;

struct PublishReport {
    PublishPlan plan;
    std::chrono::milliseconds elapsed{0};
};

// Reads what is published and compares it with `assets`; changes nothing. The buckets must
// exist. Used by `emrctl diff` and as publish's first step.
Result<PublishPlan> plan_publish(const aws::Client& client, const std::vector<AssetFile>& assets);

// Plans, uploads, deletes and records. On failure, multipart uploads in flight are aborted, the
// previous record stays (so the next publish redoes only what is missing), and the error says
// which file failed and why.
Result<PublishReport> publish_assets(const aws::Client& client,
                                     const std::vector<AssetFile>& assets,
                                     const PublishOptions& options = {},
                                     const PublishObserver& observer = {});

}  // namespace emrctl::deploy
