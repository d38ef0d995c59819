#pragma once

// Step logs as EMR writes them: gzip files (stdout.gz, stderr.gz) in the step's log folder.

#include <filesystem>
#include <string>

#include <emrctl/util/error.hpp>

namespace emrctl::jobs {

// Compresses `plain` into `gz` (gzip format) and removes `plain`.
Result<void> gzip_file(const std::filesystem::path& plain, const std::filesystem::path& gz);
Result<std::string> read_gzip_file(const std::filesystem::path& gz);

// The last `lines` lines of `text`.
std::string last_lines(const std::string& text, std::size_t lines);

}  // namespace emrctl::jobs
