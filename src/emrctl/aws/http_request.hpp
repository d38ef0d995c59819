#pragma once

// An HTTP request as the AWS code builds it: what the signer signs and the transport sends. Paths
// and query strings are held raw; they are percent-encoded once, on the way out (uri_encode.hpp),
// so the signer and the transport cannot disagree on the encoding.

#include <string>
#include <utility>
#include <vector>

namespace emrctl::aws {

using Header = std::pair<std::string, std::string>;
using QueryParam = std::pair<std::string, std::string>;

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
};

}  // namespace emrctl::aws
