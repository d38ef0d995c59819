#include <array>

#include <openssl/evp.h>

#include <emrctl/aws/services/s3/content_md5.hpp>

namespace emrctl::aws::s3 {

std::string content_md5(std::string_view body) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int digest_size = 0;
    EVP_Digest(body.data(), body.size(), digest.data(), &digest_size, EVP_md5(), nullptr);
    // Base64 of 16 bytes is 24 characters; EVP_EncodeBlock also writes a terminating NUL.
    std::array<unsigned char, 4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1> encoded{};
    const int length =
        EVP_EncodeBlock(encoded.data(), digest.data(), static_cast<int>(digest_size));
    return std::string(reinterpret_cast<const char*>(encoded.data()),
                       static_cast<std::size_t>(length));
}

}  // namespace emrctl::aws::s3
