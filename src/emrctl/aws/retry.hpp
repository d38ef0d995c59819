#pragma once

// The AWS SDKs' "standard" retry mode: a failed attempt that may succeed later (throttling, a
// 5xx, a connection that broke) is tried again after a random delay in [0, min(20 s, 2^attempt
// s)) ("full jitter"), at most `max_attempts` times in all, while a shared retry quota lasts:
// when a service is down, clients stop piling retries onto it.

#include <chrono>
#include <functional>
#include <mutex>

#include <emrctl/aws/transport.hpp>

namespace emrctl::aws {

enum class Retryability { no, throttling, transient };

struct RetryPolicy {
    int max_attempts = 3;
    std::chrono::milliseconds base_delay{1000};
    std::chrono::milliseconds max_delay{20'000};
};

// Shared by every request of a run: 500 tokens, a retry costs 5 (10 after a timeout), a
// success pays back 1.
class RetryQuota {
  public:
    bool acquire(int cost);
    void release(int amount);
    int available() const;

  private:
    mutable std::mutex m_mutex;
    int m_tokens = 500;
};

// The hooks that make retries testable: how to wait and where randomness comes from.
struct RetryEnvironment {
    std::function<void(std::chrono::milliseconds)> sleep;
    std::function<double()> random;  // uniform in [0, 1)
    RetryQuota* quota = nullptr;     // null: no quota
};
RetryEnvironment real_retry_environment();

// What happened to a request that needed retries, for the user and for error messages.
struct RetryReport {
    int attempts = 0;
    std::chrono::milliseconds waited{0};
};

// Sends what `build` makes (called again per attempt, so each attempt is signed afresh) until a
// response is final. `classify` says whether a response is worth another attempt; network
// errors always are. `on_retry` (may be empty) hears of every retry before the wait.
Result<protocol::HttpResponse> send_with_retries(
    Transport& transport, const std::function<Result<HttpRequest>()>& build,
    const std::function<Retryability(const protocol::HttpResponse&)>& classify,
    const RetryPolicy& policy, const RetryEnvironment& env, RetryReport* report = nullptr,
    const std::function<void(int attempt, std::chrono::milliseconds delay)>& on_retry = {});

// The delay before retry number `attempt` (1-based), for a random draw `r` in [0, 1).
std::chrono::milliseconds backoff_delay(int attempt, double r, const RetryPolicy& policy);

}  // namespace emrctl::aws
