#include <algorithm>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <emrctl/deploy/parallel.hpp>

namespace emrctl::deploy {

Result<void> run_parallel(std::size_t count, int workers,
                          const std::function<Result<void>(std::size_t)>& task,
                          const std::function<bool()>& stop) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex error_mutex;
    std::optional<Error> first_error;

    auto record = [&](Error e) {
        const std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::move(e);
        failed = true;
    };
    auto work = [&] {
        while (!failed) {
            if (stop && stop()) {
                record(Error{.kind = ErrorKind::interrupted, .message = "interrupted"});
                return;
            }
            const std::size_t i = next.fetch_add(1);
            if (i >= count) return;
            if (auto done = task(i); !done) record(std::move(done.error()));
        }
    };

    if (count == 0) return {};
    const auto threads = std::min(static_cast<std::size_t>(std::max(workers, 1)), count);
    if (threads == 1) {
        work();
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(threads);
        for (std::size_t t = 0; t < threads; ++t)
            pool.emplace_back(work);
    }
    if (first_error) return std::unexpected(std::move(*first_error));
    return {};
}

}  // namespace emrctl::deploy
