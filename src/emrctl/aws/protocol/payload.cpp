#include <emrctl/aws/protocol/payload.hpp>
#include <emrctl/aws/sigv4.hpp>

namespace emrctl::aws::protocol {

std::uint64_t payload_size(const Payload& payload) {
    if (const auto* text = std::get_if<std::string>(&payload)) return text->size();
    return std::get<FileBody>(payload).length;
}

void set_payload(HttpRequest& request, Payload payload, std::string_view sha256_hex) {
    request.headers.emplace_back("Content-Length", std::to_string(payload_size(payload)));
    if (auto* file = std::get_if<FileBody>(&payload)) {
        request.headers.emplace_back(
            "X-Amz-Content-SHA256",
            std::string(sha256_hex.empty() ? k_unsigned_payload : sha256_hex));
        request.body.clear();
        request.body_file = std::move(*file);
        return;
    }
    if (!sha256_hex.empty()) request.headers.emplace_back("X-Amz-Content-SHA256", sha256_hex);
    request.body = std::move(std::get<std::string>(payload));
    request.body_file.reset();
}

}  // namespace emrctl::aws::protocol
