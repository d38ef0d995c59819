#pragma once

// An HTTP response as the transport hands it to the parsers: status, headers in the order
// received, and the whole body.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emrctl/aws/http_request.hpp>

namespace emrctl::aws::protocol {

struct HttpResponse {
    int status = 0;
    std::vector<Header> headers;
    std::string body;
};

// The first header with this name, compared case-insensitively as HTTP requires.
std::optional<std::string_view> find_header(const HttpResponse& response, std::string_view name);

// 2xx.
bool is_success(const HttpResponse& response);

}  // namespace emrctl::aws::protocol
