#include <deque>

#include <gtest/gtest.h>

#include <emrctl/aws/retry.hpp>

namespace emrctl::aws {
namespace {

using namespace std::chrono_literals;
using protocol::HttpResponse;

// Answers from a script; counts what it was sent.
class ScriptedTransport final : public Transport {
  public:
    std::deque<Result<HttpResponse>> answers;
    int sent = 0;

    Result<HttpResponse> send(const HttpRequest&) override {
        ++sent;
        auto a = std::move(answers.front());
        answers.pop_front();
        return a;
    }
};

HttpResponse status(int code) {
    return HttpResponse{.status = code};
}

Result<HttpResponse> dropped() {
    return fail(ErrorKind::network, "GET http://127.0.0.1: connection reset");
}

Retryability by_status(const HttpResponse& r) {
    if (r.status == 429) return Retryability::throttling;
    return r.status >= 500 ? Retryability::transient : Retryability::no;
}

struct Recorder {
    std::vector<std::chrono::milliseconds> sleeps;
    RetryEnvironment env(RetryQuota* quota = nullptr) {
        return {.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); },
                .random = [] { return 0.5; },
                .quota = quota};
    }
};

const auto k_build = []() -> Result<HttpRequest> { return HttpRequest{.method = "GET"}; };

TEST(Retry, RetriesThrottlingAnd5xxAndDroppedConnectionsThenSucceeds) {
    ScriptedTransport t;
    t.answers = {status(503), dropped(), status(429), status(200)};
    Recorder rec;
    RetryReport report;
    auto r = send_with_retries(t, k_build, by_status, {.max_attempts = 4}, rec.env(), &report);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(t.sent, 4);
    EXPECT_EQ(report.attempts, 4);
    // Full jitter with r = 0.5: half of 1 s, 2 s, 4 s.
    EXPECT_EQ(rec.sleeps, (std::vector<std::chrono::milliseconds>{500ms, 1000ms, 2000ms}));
    EXPECT_EQ(report.waited, 3500ms);
}

TEST(Retry, GivesUpAfterMaxAttemptsWithTheLastAnswer) {
    ScriptedTransport t;
    t.answers = {status(500), status(500), status(502)};
    Recorder rec;
    auto r = send_with_retries(t, k_build, by_status, {.max_attempts = 3}, rec.env());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 502);
    EXPECT_EQ(t.sent, 3);
    EXPECT_EQ(rec.sleeps.size(), 2U);
}

TEST(Retry, ANetworkErrorOnTheLastAttemptIsReturnedAsIs) {
    ScriptedTransport t;
    t.answers = {dropped(), dropped()};
    Recorder rec;
    auto r = send_with_retries(t, k_build, by_status, {.max_attempts = 2}, rec.env());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::network);
}

TEST(Retry, FinalAnswersAreNotRetried) {
    ScriptedTransport t;
    t.answers = {status(403)};
    Recorder rec;
    auto r = send_with_retries(t, k_build, by_status, {}, rec.env());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403);
    EXPECT_EQ(t.sent, 1);
    EXPECT_TRUE(rec.sleeps.empty());
}

TEST(Retry, EachAttemptIsBuiltAfresh) {
    ScriptedTransport t;
    t.answers = {status(500), status(200)};
    Recorder rec;
    int built = 0;
    auto build = [&]() -> Result<HttpRequest> {
        ++built;  // re-signing needs a new X-Amz-Date each time
        return HttpRequest{};
    };
    ASSERT_TRUE(send_with_retries(t, build, by_status, {}, rec.env()));
    EXPECT_EQ(built, 2);
}

TEST(Retry, AnEmptyQuotaStopsRetryingAndSuccessesRefillIt) {
    RetryQuota quota;
    while (quota.acquire(5)) {
    }
    EXPECT_EQ(quota.available(), 0);
    ScriptedTransport t;
    t.answers = {status(500), status(200)};
    Recorder rec;
    auto r = send_with_retries(t, k_build, by_status, {}, rec.env(&quota));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500) << "no tokens, no retry";
    t.answers = {status(200)};
    ASSERT_TRUE(send_with_retries(t, k_build, by_status, {}, rec.env(&quota)));
    EXPECT_EQ(quota.available(), 1);
}

TEST(Retry, DelaysGrowExponentiallyUpToTheCap) {
    const RetryPolicy p{.base_delay = 1000ms, .max_delay = 20'000ms};
    EXPECT_EQ(backoff_delay(1, 0.999, p), 999ms);
    EXPECT_EQ(backoff_delay(3, 0.5, p), 2000ms);
    EXPECT_EQ(backoff_delay(10, 0.5, p), 10'000ms);  // 512 s capped at 20 s
    EXPECT_EQ(backoff_delay(40, 0.0, p), 0ms);
}

}  // namespace
}  // namespace emrctl::aws
