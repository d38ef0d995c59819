#pragma once

// An endpoint URL given by the user (--endpoint-url, AWS_ENDPOINT_URL..., endpoint_url in a
// profile), parsed strictly: it becomes the host every request and every signature goes to, so a
// typo must stop the run here, not surface later as a connection error.

#include <string>
#include <string_view>

#include <emrctl/util/error.hpp>

namespace emrctl::aws {

struct EndpointUrl {
    std::string scheme;     // "http" or "https"
    std::string host;       // "127.0.0.1:4566"; the port only when not the scheme's default
    std::string base_path;  // "" or "/prefix", without a trailing '/'
};

// Accepts http(s)://host[:port][/path], the host a name, an IPv4 address or a bracketed IPv6
// address. `source` ("--endpoint-url", "AWS_ENDPOINT_URL_S3"…) names it in errors.
Result<EndpointUrl> parse_endpoint_url(std::string_view url, std::string_view source);

}  // namespace emrctl::aws
