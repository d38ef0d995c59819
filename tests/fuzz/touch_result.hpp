#pragma once

// Reads a parse result the way a caller would (message, hint, AWS code, retry class), so that a
// malformed Error is caught by the fuzzers too; the sum keeps the reads from being optimized out.

#include <cstddef>

#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::fuzz {

inline std::size_t touch(const Error& error) {
    std::size_t n = error.message.size() + error.hint.size();
    if (error.aws) {
        n += error.aws->code.size() + error.aws->request_id.size();
        n += static_cast<std::size_t>(aws::protocol::classify_retry(*error.aws));
    }
    return n;
}

template <class T>
std::size_t touch(const Result<T>& result) {
    return result ? 1 : touch(result.error());
}

}  // namespace emrctl::fuzz
