#pragma once

// Where the emulator of a CTest fixture listens, as tests/emulator/start.sh recorded it.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace emrctl::testing {

// "http://127.0.0.1:<port>" from $EMRCTL_EMULATOR_DIR/endpoint; empty when the test is not run by
// CTest (the suites then skip).
inline std::string emulator_endpoint_from_fixture() {
    const char* dir = std::getenv("EMRCTL_EMULATOR_DIR");
    if (dir == nullptr) return {};
    std::ifstream in(std::filesystem::path(dir) / "endpoint");
    std::string endpoint;
    std::getline(in, endpoint);
    return endpoint;
}

}  // namespace emrctl::testing
