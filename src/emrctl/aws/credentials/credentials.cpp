#include <emrctl/aws/credentials/credentials.hpp>

namespace emrctl::aws {

std::chrono::sys_seconds system_now() {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

bool needs_refresh(const Credentials& credentials, std::chrono::sys_seconds now) {
    if (!credentials.expiration) return false;
    return now + k_refresh_margin >= *credentials.expiration;
}

}  // namespace emrctl::aws
