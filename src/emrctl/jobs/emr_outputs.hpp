#pragma once

// `emrctl outputs JOB` on EMR: what the job wrote under s3://<data bucket>/outputs/<name>/,
// downloaded in parallel, each object streamed to its file in ranges so memory stays bounded
// whatever the sizes.

#include <cstdint>
#include <filesystem>
#include <string>

#include <emrctl/aws/client.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::jobs {

struct OutputsReport {
    std::string source;  // s3://<bucket>/outputs/<name>/
    std::size_t files = 0;
    std::uint64_t bytes = 0;
};

struct DownloadOptions {
    int workers = 8;
    std::uint64_t range_bytes = 8ULL << 20;  // one GetObject at most this large
};

// Spark's bookkeeping (_SUCCESS, .crc files, "folder$" markers) is not downloaded.
Result<OutputsReport> download_outputs(const aws::Client& client, const std::string& data_bucket,
                                       const config::Job& job, const std::filesystem::path& target,
                                       const DownloadOptions& options = {});

// Whether a key under outputs/<name>/ is a result rather than Spark's or S3 consoles' bookkeeping.
bool is_result_key(const std::string& relative_key);

}  // namespace emrctl::jobs
