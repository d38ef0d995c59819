#pragma once

// Waiting for AWS to finish something (a change set, a stack, a cluster): poll, sleep a little
// longer each time, give up after a timeout, stop at Ctrl-C. One implementation for every wait.

#include <chrono>
#include <functional>

#include <emrctl/deploy/clock.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

struct WaitPolicy {
    std::chrono::milliseconds first_delay{1000};
    std::chrono::milliseconds max_delay{10'000};
    double growth = 1.5;
    std::chrono::milliseconds timeout{std::chrono::hours(3)};
};

enum class WaitOutcome { done, timed_out, interrupted };

// Calls `poll` at once, then after each delay, until it says done (true), fails, the timeout
// passes or `interrupted()` becomes true.
Result<WaitOutcome> wait_until(const Clock& clock, const WaitPolicy& policy,
                               const std::function<Result<bool>()>& poll,
                               const std::function<bool()>& interrupted);

}  // namespace emrctl::deploy
