#pragma once

// The three ways AWS writes a time: ISO 8601 in XML bodies ("2011-07-15T23:28:33.359Z"), an
// IMF-fixdate in HTTP headers ("Wed, 12 Oct 2009 17:50:00 GMT") and epoch seconds as a JSON
// number (1.6e9, with a fraction) in JSON bodies. Parsers answer nullopt for anything else,
// including impossible dates, so a malformed answer can never become a wrong time.

#include <chrono>
#include <optional>
#include <string_view>

namespace emrctl::aws::protocol {

// Milliseconds: stack events and steps in the same second stay in order.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

// "YYYY-MM-DDTHH:MM:SS", an optional fraction, then "Z", "+HH:MM" or "-HH:MM" (none means UTC).
std::optional<Timestamp> parse_iso8601(std::string_view text);

// "Wed, 12 Oct 2009 17:50:00 GMT".
std::optional<Timestamp> parse_http_date(std::string_view text);

// Epoch seconds; nullopt when not finite or beyond the year 5000 either way.
std::optional<Timestamp> from_epoch_seconds(double seconds);

}  // namespace emrctl::aws::protocol
