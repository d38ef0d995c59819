#pragma once

// The credentials every request of a run signs with: fetched once, then handed out again until
// they come within k_refresh_margin of expiring, when the next caller fetches them afresh.
// Long-term keys never expire, so they are fetched once per run. Safe to share between the
// threads of a parallel upload: one of them refreshes while the others wait.

#include <functional>
#include <mutex>
#include <optional>

#include <emrctl/aws/credentials/credentials.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

class CachedCredentials {
  public:
    using FetchFn = std::function<Result<Credentials>()>;

    CachedCredentials(FetchFn fetch, ClockFn now);

    // The cached credentials, or fresh ones. A failed fetch is not cached: the next call tries
    // again. Meanwhile cached credentials that have not expired yet are still handed out.
    Result<Credentials> get();

    // Forgets the cached credentials, for when AWS answered that they expired early
    // (ExpiredToken): the next get() fetches.
    void invalidate();

  private:
    FetchFn m_fetch;
    ClockFn m_now;
    std::mutex m_mutex;
    std::optional<Credentials> m_cached;
};

}  // namespace emrctl::aws
