#pragma once

// What the credential tests share: the shared files of a user whose HOME is /home/u, a fake STS
// that counts its calls, and a clock the test moves.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <emrctl/aws/credentials/assume_role_request.hpp>
#include <emrctl/aws/credentials/shared_config.hpp>

namespace emrctl::aws::testing {

using namespace std::chrono_literals;

inline const std::string k_config_path = "/home/u/.aws/config";
inline const std::string k_credentials_path = "/home/u/.aws/credentials";

inline constexpr std::chrono::sys_seconds k_start =
    std::chrono::sys_days{std::chrono::year{2024} / 5 / 17} + 10h;

// The two files, parsed; nullopt text: the file does not exist.
inline SharedConfig shared_config(std::optional<std::string> config,
                                  std::optional<std::string> credentials = std::nullopt) {
    auto parsed = parse_shared_config({k_config_path, std::move(config)},
                                      {k_credentials_path, std::move(credentials)});
    EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
    return parsed.value_or(SharedConfig{});
}

// A clock that stands still until the test moves it.
struct FakeClock {
    std::chrono::sys_seconds now = k_start;
    ClockFn fn() {
        return [this] { return now; };
    }
};

// STS AssumeRole: each call returns new credentials ("ASIA1", "ASIA2"…) valid for an hour from
// the clock's time, and is remembered with the keys it was signed with.
struct FakeSts {
    explicit FakeSts(FakeClock& clock) : m_clock(clock) {}

    struct Call {
        AssumeRoleRequest request;
        Credentials source;
    };
    std::vector<Call> calls;
    std::optional<Error> failure;  // set: every call fails with it

    AssumeRoleFn fn() {
        return [this](const AssumeRoleRequest& request,
                      const Credentials& source) -> Result<Credentials> {
            calls.push_back({request, source});
            if (failure) return std::unexpected(*failure);
            const auto n = std::to_string(calls.size());
            return Credentials{.access_key_id = "ASIA" + n,
                               .secret_access_key = "secret" + n,
                               .session_token = "token" + n,
                               .expiration = m_clock.now + 1h};
        };
    }

  private:
    FakeClock& m_clock;
};

}  // namespace emrctl::aws::testing
