#pragma once

// HMAC-SHA256, the keyed hash of SigV4's key chain and signature.

#include <string>
#include <string_view>

namespace emrctl::aws {

// The raw 32-byte digest, as bytes in a string: SigV4 feeds each digest as the next key.
std::string hmac_sha256(std::string_view key, std::string_view data);

// Lower-case hex of raw bytes: how signatures and keys are written.
std::string to_hex(std::string_view bytes);

}  // namespace emrctl::aws
