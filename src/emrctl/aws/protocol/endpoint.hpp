#pragma once

// Where a service answers. Resolving it (region, --endpoint-url, AWS_ENDPOINT_URL_<SERVICE>) is
// the client's job (aws::Endpoint, which also carries the signing scope); the request builders
// only need these three parts of it.

#include <string>
#include <string_view>

#include <emrctl/aws/http_request.hpp>

namespace emrctl::aws::protocol {

struct Endpoint {
    std::string scheme = "https";  // "http" only for local emulators
    std::string host;              // with ":port" when the port is not the scheme's default
    std::string base_path;  // "" or "/prefix" when the endpoint URL has a path; no trailing '/'
};

// A request to `path` under the endpoint's base path; `path` is raw and starts with '/'.
HttpRequest start_request(const Endpoint& endpoint, std::string_view method, std::string_view path);

}  // namespace emrctl::aws::protocol
