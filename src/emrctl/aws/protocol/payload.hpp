#pragma once

// An upload body as the caller gives it: bytes in memory, or a range of a file that the
// transport streams (HttpRequest::body_file), so memory stays bounded whatever the file size.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include <emrctl/aws/http_request.hpp>

namespace emrctl::aws::protocol {

using Payload = std::variant<std::string, FileBody>;

std::uint64_t payload_size(const Payload& payload);

// Puts the payload in the request with its Content-Length. A file range also gets
// x-amz-content-sha256, since the signer never reads files: the caller's hex SHA-256 of the
// range, or UNSIGNED-PAYLOAD without one (S3 accepts it; over TLS the transport protects the
// bytes). An in-memory body gets the header only when the caller gives a hash.
void set_payload(HttpRequest& request, Payload payload, std::string_view sha256_hex);

}  // namespace emrctl::aws::protocol
