#pragma once

// AWS credentials as every provider returns them, and the one freshness rule every cache uses.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace emrctl::aws {

struct Credentials {
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;  // empty for long-term keys
    // Temporary credentials stop working at this time; long-term keys have none.
    std::optional<std::chrono::sys_seconds> expiration;
    // Where they came from, for messages: "environment", "profile dev in /home/u/.aws/credentials",
    // "assumed role arn:aws:iam::123456789012:role/x via profile dev".
    std::string source;
};

// The time now. Injected wherever credentials expire, so tests can move time.
using ClockFn = std::function<std::chrono::sys_seconds()>;
std::chrono::sys_seconds system_now();

// Temporary credentials are replaced this long before they expire, as the SDKs do: a request
// signed just before the expiry could otherwise reach AWS just after it.
inline constexpr std::chrono::minutes k_refresh_margin{5};

// True when the credentials expire within k_refresh_margin of `now` (or already have).
bool needs_refresh(const Credentials& credentials, std::chrono::sys_seconds now);

}  // namespace emrctl::aws
