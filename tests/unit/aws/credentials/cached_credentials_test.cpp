#include <thread>
#include <vector>

#include "fixtures.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/cached_credentials.hpp>

namespace emrctl::aws {
namespace {

using namespace std::chrono_literals;
using testing::FakeClock;

// Fetches "KEY1", "KEY2"…, each valid for `lifetime` from the clock's time (none: long-term).
struct CountingFetch {
    FakeClock& clock;
    std::optional<std::chrono::seconds> lifetime;
    int calls = 0;
    bool failing = false;

    CachedCredentials::FetchFn fn() {
        return [this]() -> Result<Credentials> {
            ++calls;
            if (failing) return fail(ErrorKind::network, "sts unreachable");
            Credentials c{.access_key_id = "KEY" + std::to_string(calls), .secret_access_key = "S"};
            if (lifetime) c.expiration = clock.now + *lifetime;
            return c;
        };
    }
};

TEST(CachedCredentials, FetchesLongTermKeysOnce) {
    FakeClock clock;
    CountingFetch fetch{.clock = clock};
    CachedCredentials cache(fetch.fn(), clock.fn());
    EXPECT_EQ(cache.get()->access_key_id, "KEY1");
    clock.now += 24h * 365;
    EXPECT_EQ(cache.get()->access_key_id, "KEY1");
    EXPECT_EQ(fetch.calls, 1);
}

TEST(CachedCredentials, RefreshesFiveMinutesBeforeExpiry) {
    FakeClock clock;
    CountingFetch fetch{.clock = clock, .lifetime = 1h};
    CachedCredentials cache(fetch.fn(), clock.fn());
    EXPECT_EQ(cache.get()->access_key_id, "KEY1");
    clock.now += 54min + 59s;
    EXPECT_EQ(cache.get()->access_key_id, "KEY1");
    EXPECT_EQ(fetch.calls, 1);
    clock.now += 1s;  // exactly five minutes left
    EXPECT_EQ(cache.get()->access_key_id, "KEY2");
    EXPECT_EQ(fetch.calls, 2);
    EXPECT_EQ(cache.get()->access_key_id, "KEY2");
    EXPECT_EQ(fetch.calls, 2);
}

TEST(CachedCredentials, AFailedFetchIsNotCached) {
    FakeClock clock;
    CountingFetch fetch{.clock = clock, .lifetime = 1h, .failing = true};
    CachedCredentials cache(fetch.fn(), clock.fn());
    EXPECT_EQ(cache.get().error().message, "sts unreachable");
    fetch.failing = false;
    EXPECT_EQ(cache.get()->access_key_id, "KEY2");
    EXPECT_EQ(fetch.calls, 2);
}

TEST(CachedCredentials, AFailedRefreshKeepsCredentialsThatStillWork) {
    FakeClock clock;
    CountingFetch fetch{.clock = clock, .lifetime = 1h};
    CachedCredentials cache(fetch.fn(), clock.fn());
    ASSERT_TRUE(cache.get().has_value());
    fetch.failing = true;
    clock.now += 57min;  // in the refresh window, not expired
    EXPECT_EQ(cache.get()->access_key_id, "KEY1");
    clock.now += 3min;  // expired
    EXPECT_EQ(cache.get().error().message, "sts unreachable");
}

TEST(CachedCredentials, InvalidateForcesAFetch) {
    FakeClock clock;
    CountingFetch fetch{.clock = clock};
    CachedCredentials cache(fetch.fn(), clock.fn());
    ASSERT_TRUE(cache.get().has_value());
    cache.invalidate();
    EXPECT_EQ(cache.get()->access_key_id, "KEY2");
}

TEST(CachedCredentials, ThreadsShareOneFetch) {
    FakeClock clock;
    CountingFetch fetch{.clock = clock, .lifetime = 1h};
    CachedCredentials cache(fetch.fn(), clock.fn());
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&cache] {
            for (int j = 0; j < 100; ++j)
                EXPECT_TRUE(cache.get().has_value());
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(fetch.calls, 1);
}

TEST(NeedsRefresh, OnlyCredentialsThatExpireNeedIt) {
    Credentials c;
    EXPECT_FALSE(needs_refresh(c, testing::k_start));
    c.expiration = testing::k_start + 6min;
    EXPECT_FALSE(needs_refresh(c, testing::k_start));
    c.expiration = testing::k_start + 5min;
    EXPECT_TRUE(needs_refresh(c, testing::k_start));
}

}  // namespace
}  // namespace emrctl::aws
