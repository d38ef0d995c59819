#include <array>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <emrctl/aws/hmac.hpp>

namespace emrctl::aws {

std::string hmac_sha256(std::string_view key, std::string_view data) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned length = 0;
    // Keys here are a secret access key or an earlier digest: far below INT_MAX.
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest.data(), &length);
    return {reinterpret_cast<const char*>(digest.data()), length};
}

std::string to_hex(std::string_view bytes) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes.size());
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        out += k_hex[c >> 4];
        out += k_hex[c & 0x0f];
    }
    return out;
}

}  // namespace emrctl::aws
