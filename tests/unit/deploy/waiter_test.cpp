#include <gtest/gtest.h>

#include <emrctl/deploy/waiter.hpp>

namespace emrctl::deploy {
namespace {

using std::chrono::milliseconds;

// A clock that only moves when the waiter sleeps.
struct FakeTime {
    std::chrono::steady_clock::time_point now{};
    std::vector<milliseconds> sleeps;
    Clock clock() {
        return {.now = [this] { return now; },
                .sleep =
                    [this](milliseconds d) {
                        sleeps.push_back(d);
                        now += d;
                    }};
    }
};

const WaitPolicy k_policy{.first_delay = milliseconds(1000),
                          .max_delay = milliseconds(4000),
                          .growth = 2.0,
                          .timeout = milliseconds(60'000)};

TEST(Waiter, PollsAtOnceAndReturnsWithoutSleepingWhenAlreadyDone) {
    FakeTime t;
    int polls = 0;
    auto outcome =
        wait_until(t.clock(), k_policy, [&]() -> Result<bool> { return ++polls == 1; }, {});
    ASSERT_TRUE(outcome);
    EXPECT_EQ(*outcome, WaitOutcome::done);
    EXPECT_EQ(polls, 1);
    EXPECT_TRUE(t.sleeps.empty());
}

TEST(Waiter, DelaysGrowUpToTheirMaximum) {
    FakeTime t;
    int polls = 0;
    auto outcome =
        wait_until(t.clock(), k_policy, [&]() -> Result<bool> { return ++polls == 6; }, {});
    ASSERT_TRUE(outcome);
    EXPECT_EQ(*outcome, WaitOutcome::done);
    EXPECT_EQ(t.sleeps,
              (std::vector<milliseconds>{milliseconds(1000), milliseconds(2000), milliseconds(4000),
                                         milliseconds(4000), milliseconds(4000)}));
}

TEST(Waiter, GivesUpAfterTheTimeoutWithoutPollingForever) {
    FakeTime t;
    int polls = 0;
    auto outcome = wait_until(t.clock(), k_policy,
                              [&]() -> Result<bool> {
                                  ++polls;
                                  return false;
                              },
                              {});
    ASSERT_TRUE(outcome);
    EXPECT_EQ(*outcome, WaitOutcome::timed_out);
    EXPECT_GE(t.now - std::chrono::steady_clock::time_point{}, milliseconds(60'000));
    EXPECT_LT(polls, 20);
}

TEST(Waiter, StopsWhenInterruptedDuringASleep) {
    FakeTime t;
    bool pressed = false;
    auto clock = t.clock();
    clock.sleep = [&](milliseconds) { pressed = true; };
    int polls = 0;
    auto outcome = wait_until(
        clock, k_policy,
        [&]() -> Result<bool> {
            ++polls;
            return false;
        },
        [&] { return pressed; });
    ASSERT_TRUE(outcome);
    EXPECT_EQ(*outcome, WaitOutcome::interrupted);
    EXPECT_EQ(polls, 1);
}

TEST(Waiter, AFailedPollEndsTheWaitWithItsError) {
    FakeTime t;
    auto outcome = wait_until(
        t.clock(), k_policy,
        []() -> Result<bool> { return fail(ErrorKind::aws, "DescribeStacks: Throttling"); }, {});
    ASSERT_FALSE(outcome);
    EXPECT_EQ(outcome.error().message, "DescribeStacks: Throttling");
}

}  // namespace
}  // namespace emrctl::deploy
