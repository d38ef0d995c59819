#pragma once

// An HTTP request as the AWS code builds it: what the signer signs and the transport sends. Paths
// and query strings are held raw; they are percent-encoded once, on the way out (uri_encode.hpp),
// so the signer and the transport cannot disagree on the encoding.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace emrctl::aws {

using Header = std::pair<std::string, std::string>;
using QueryParam = std::pair<std::string, std::string>;

// A body read from a range of a file while it is sent, so a multi-gigabyte upload part never
// sits in memory. Whoever builds the request sets x-amz-content-sha256 (the part's hash, or
// UNSIGNED-PAYLOAD): the signer does not read files.
struct FileBody {
    std::string path;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

struct HttpRequest {
    std::string scheme = "https";  // "http" only for local emulators
    std::string method;            // "GET", "PUT"…
    std::string host;              // with ":port" when the port is not the scheme's default
    // Raw and unencoded ("/bucket/my key+%.txt"); '/' always separates segments, so a label
    // holding a '/' (an ARN in a REST path) cannot be expressed.
    std::string path = "/";
    std::vector<QueryParam> query;  // raw, unencoded, in the order they are sent
    std::vector<Header> headers;    // in the order they are sent; names are case-insensitive
    std::string body;
    std::optional<FileBody> body_file;  // when set, the body is this file range; `body` is empty
};

}  // namespace emrctl::aws
