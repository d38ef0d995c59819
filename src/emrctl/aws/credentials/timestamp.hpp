#pragma once

// ISO 8601 UTC timestamps, the form AWS gives expirations in ("2024-05-17T10:05:07Z") and the
// form the credentials cache stores them in.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace emrctl::aws {

// "2024-05-17T10:05:07Z".
std::string format_timestamp(std::chrono::sys_seconds time);

// Accepts "YYYY-MM-DDTHH:MM:SS" with optional fractional seconds (dropped) and a zone of "Z" or
// "+HH:MM"/"-HH:MM"; nullopt for anything else.
std::optional<std::chrono::sys_seconds> parse_timestamp(std::string_view text);

}  // namespace emrctl::aws
