#pragma once

// What the protocol and service tests share: endpoints, and answers as the transport hands them
// over.

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>

namespace emrctl::aws::protocol::testing {

inline Endpoint aws_endpoint(std::string host) {
    return Endpoint{.scheme = "https", .host = std::move(host), .base_path = ""};
}

// moto on a local port: plain HTTP.
inline Endpoint emulator_endpoint() {
    return Endpoint{.scheme = "http", .host = "127.0.0.1:5000", .base_path = ""};
}

inline HttpResponse answer(int status, std::string body, std::vector<Header> headers = {}) {
    return HttpResponse{.status = status, .headers = std::move(headers), .body = std::move(body)};
}

inline std::optional<std::string> header_of(const HttpRequest& request, std::string_view name) {
    for (const auto& [key, value] : request.headers) {
        if (key.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < key.size(); ++i) {
            const auto a = static_cast<unsigned char>(key[i]);
            const auto b = static_cast<unsigned char>(name[i]);
            if (std::tolower(a) != std::tolower(b)) same = false;
        }
        if (same) return value;
    }
    return std::nullopt;
}

}  // namespace emrctl::aws::protocol::testing
