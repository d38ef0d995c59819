#include <algorithm>
#include <thread>

#include <emrctl/deploy/clock.hpp>
#include <emrctl/util/interrupt.hpp>

namespace emrctl::deploy {

Clock real_clock() {
    return Clock{
        .now = [] { return std::chrono::steady_clock::now(); },
        // In slices, so that Ctrl-C is noticed within a tenth of a second.
        .sleep =
            [](std::chrono::milliseconds d) {
                const auto until = std::chrono::steady_clock::now() + d;
                while (!interrupt_requested()) {
                    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        until - std::chrono::steady_clock::now());
                    if (left.count() <= 0) return;
                    std::this_thread::sleep_for(std::min(left, std::chrono::milliseconds(100)));
                }
            },
    };
}

}  // namespace emrctl::deploy
