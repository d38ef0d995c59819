#pragma once

// Time as the waits see it: an I/O seam, so tests run a three-hour stack timeout in no time.

#include <chrono>
#include <functional>

namespace emrctl::deploy {

struct Clock {
    std::function<std::chrono::steady_clock::time_point()> now;
    // Sleeps up to `d`; may return early when Ctrl-C is pressed.
    std::function<void(std::chrono::milliseconds d)> sleep;
};

Clock real_clock();

}  // namespace emrctl::deploy
