#pragma once

// Durations as people write them in a project file: "90s", "45m", "1h", "1h30m", "7d", or a bare
// number of seconds.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace emrctl::util {

std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// The shortest form parse_duration reads back to the same value: 3600s -> "1h", 5400s -> "1h30m".
std::string format_duration(std::chrono::seconds d);

}  // namespace emrctl::util
