#include <algorithm>
#include <random>
#include <thread>

#include <emrctl/aws/retry.hpp>

namespace emrctl::aws {

namespace {
constexpr int k_retry_cost = 5;
constexpr int k_timeout_retry_cost = 10;
constexpr int k_success_refund = 1;
constexpr int k_quota_capacity = 500;
}  // namespace

bool RetryQuota::acquire(int cost) {
    std::lock_guard lock(m_mutex);
    if (m_tokens < cost) return false;
    m_tokens -= cost;
    return true;
}

void RetryQuota::release(int amount) {
    std::lock_guard lock(m_mutex);
    m_tokens = std::min(k_quota_capacity, m_tokens + amount);
}

int RetryQuota::available() const {
    std::lock_guard lock(m_mutex);
    return m_tokens;
}

RetryEnvironment real_retry_environment() {
    static RetryQuota quota;
    return {.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); },
            .random =
                [] {
                    thread_local std::mt19937_64 engine{std::random_device{}()};
                    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
                },
            .quota = &quota};
}

std::chrono::milliseconds backoff_delay(int attempt, double r, const RetryPolicy& policy) {
    const double ceiling = std::min(static_cast<double>(policy.max_delay.count()),
                                    static_cast<double>(policy.base_delay.count()) *
                                        static_cast<double>(1LL << std::min(attempt - 1, 30)));
    return std::chrono::milliseconds(static_cast<std::int64_t>(r * ceiling));
}

Result<protocol::HttpResponse> send_with_retries(
    Transport& transport, const std::function<Result<HttpRequest>()>& build,
    const std::function<Retryability(const protocol::HttpResponse&)>& classify,
    const RetryPolicy& policy, const RetryEnvironment& env, RetryReport* report,
    const std::function<void(int, std::chrono::milliseconds)>& on_retry) {
    RetryReport local;
    RetryReport& r = report != nullptr ? *report : local;
    for (int attempt = 1;; ++attempt) {
        r.attempts = attempt;
        auto request = build();
        if (!request) return std::unexpected(request.error());
        auto response = transport.send(*request);
        int cost = 0;
        if (!response) {
            if (response.error().kind != ErrorKind::network) return response;
            cost = k_timeout_retry_cost;
        } else if (classify(*response) != Retryability::no) {
            cost = k_retry_cost;
        } else {
            if (env.quota != nullptr) env.quota->release(k_success_refund);
            return response;
        }
        const bool out_of_attempts = attempt >= policy.max_attempts;
        const bool out_of_quota = env.quota != nullptr && !env.quota->acquire(cost);
        if (out_of_attempts || out_of_quota) return response;  // the last answer, as it is
        const auto delay = backoff_delay(attempt, env.random(), policy);
        if (on_retry) on_retry(attempt, delay);
        env.sleep(delay);
        r.waited += delay;
    }
}

}  // namespace emrctl::aws
