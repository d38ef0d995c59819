#include <emrctl/aws/credentials/cached_credentials.hpp>

namespace emrctl::aws {

CachedCredentials::CachedCredentials(FetchFn fetch, ClockFn now)
    : m_fetch(std::move(fetch)), m_now(std::move(now)) {}

Result<Credentials> CachedCredentials::get() {
    const std::lock_guard lock(m_mutex);
    if (m_cached && !needs_refresh(*m_cached, m_now())) return *m_cached;
    auto fresh = m_fetch();
    if (!fresh) {
        // Within the margin the old credentials still work: a brief STS outage should not fail
        // a request they can sign. Past their expiry the failure is the answer.
        const auto now = m_now();
        if (m_cached && m_cached->expiration && now < *m_cached->expiration) return *m_cached;
        return fresh;
    }
    m_cached = *fresh;
    return fresh;
}

void CachedCredentials::invalidate() {
    const std::lock_guard lock(m_mutex);
    m_cached.reset();
}

}  // namespace emrctl::aws
