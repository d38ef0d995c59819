#pragma once

// Percent-encoding as SigV4 and AWS services expect it (RFC 3986): the unreserved characters
// A-Z a-z 0-9 - . _ ~ stay, every other byte becomes %XX with upper-case hex digits. Not
// application/x-www-form-urlencoded: a space is %20, never '+'.

#include <span>
#include <string>
#include <string_view>

#include <emrctl/aws/http_request.hpp>

namespace emrctl::aws {

// Whether '/' is kept: paths keep it as the segment separator, query keys and values encode it.
enum class Slashes { encode, keep };

std::string uri_encode(std::string_view text, Slashes slashes);

// The path as sent: encoded once, '/' kept, and never empty.
std::string encode_path(std::string_view path);

// The query as sent, in the given order: "a=1&b=x%20y". A key with an empty value is "key=".
std::string encode_query(std::span<const QueryParam> query);

// scheme://host/path?query: what the transport requests, and what a presigned URL is.
std::string request_url(const HttpRequest& request);

}  // namespace emrctl::aws
