#pragma once

// Runs `count` independent tasks on up to `workers` threads, stopping at the first failure: tasks
// not yet started are skipped, those running finish. Returns the first error, or success.

#include <atomic>
#include <cstddef>
#include <functional>

#include <emrctl/util/error.hpp>

namespace emrctl::deploy {

// `task(i)` is called once for each i in [0, count) until one fails or `stop` becomes true
// (Ctrl-C), which is then an error of kind `interrupted`.
Result<void> run_parallel(std::size_t count, int workers,
                          const std::function<Result<void>(std::size_t)>& task,
                          const std::function<bool()>& stop = {});

}  // namespace emrctl::deploy
