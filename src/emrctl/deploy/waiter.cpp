#include <algorithm>

#include <emrctl/deploy/waiter.hpp>

namespace emrctl::deploy {

Result<WaitOutcome> wait_until(const Clock& clock, const WaitPolicy& policy,
                               const std::function<Result<bool>()>& poll,
                               const std::function<bool()>& interrupted) {
    const auto deadline = clock.now() + policy.timeout;
    auto delay = policy.first_delay;
    while (true) {
        auto done = poll();
        if (!done) return std::unexpected(done.error());
        if (*done) return WaitOutcome::done;
        if (interrupted && interrupted()) return WaitOutcome::interrupted;
        if (clock.now() >= deadline) return WaitOutcome::timed_out;
        clock.sleep(delay);
        if (interrupted && interrupted()) return WaitOutcome::interrupted;
        delay = std::min(policy.max_delay,
                         std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(
                             static_cast<double>(delay.count()) * policy.growth)));
    }
}

}  // namespace emrctl::deploy
