#pragma once

// SHA-256, the content hash of S3 checksums, SigV4 payload hashes and the asset manifest.

#include <filesystem>
#include <string>
#include <string_view>

#include <emrctl/util/error.hpp>

namespace emrctl::aws {

std::string sha256_hex(std::string_view data);

// Streams the file in fixed-size chunks: memory stays flat whatever its size.
Result<std::string> sha256_file_hex(const std::filesystem::path& file);

}  // namespace emrctl::aws
