#pragma once

// Local file access with errors as values.

#include <filesystem>
#include <string>
#include <string_view>

#include <emrctl/util/error.hpp>

namespace emrctl::workspace {

Result<std::string> read_text(const std::filesystem::path& path);

// Writes through a temporary file and a rename: readers see the old file or the new one, never
// half of one.
Result<void> write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace emrctl::workspace
