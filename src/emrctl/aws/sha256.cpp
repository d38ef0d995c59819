#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include <openssl/evp.h>

#include <emrctl/aws/sha256.hpp>

namespace emrctl::aws {

namespace {

constexpr std::size_t k_chunk = 1 << 20;

struct DigestDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using Digest = std::unique_ptr<EVP_MD_CTX, DigestDeleter>;

Digest new_digest() {
    Digest ctx(EVP_MD_CTX_new());
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    return ctx;
}

std::string finish(EVP_MD_CTX* ctx) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned length = 0;
    EVP_DigestFinal_ex(ctx, digest.data(), &length);
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned i = 0; i < length; ++i) {
        out += k_hex[digest[i] >> 4];
        out += k_hex[digest[i] & 0x0f];
    }
    return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    auto ctx = new_digest();
    EVP_DigestUpdate(ctx.get(), data.data(), data.size());
    return finish(ctx.get());
}

Result<std::string> sha256_file_hex(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(ErrorKind::io, "cannot read " + file.string());
    auto ctx = new_digest();
    // One buffer per thread for every file: filling a fresh megabyte with zeros per file cost
    // more than hashing a small script.
    thread_local std::vector<char> buffer(k_chunk);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = in.gcount();
        if (got > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(got));
    }
    if (in.bad()) return fail(ErrorKind::io, "error while reading " + file.string());
    return finish(ctx.get());
}

}  // namespace emrctl::aws
