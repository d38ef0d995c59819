#include <algorithm>

#include <emrctl/aws/protocol/http_response.hpp>

namespace emrctl::aws::protocol {

namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::optional<std::string_view> find_header(const HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers) {
        if (same_name(key, name)) return std::string_view(value);
    }
    return std::nullopt;
}

bool is_success(const HttpResponse& response) {
    return response.status >= 200 && response.status < 300;
}

}  // namespace emrctl::aws::protocol
