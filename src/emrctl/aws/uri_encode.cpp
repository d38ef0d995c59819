#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws {

namespace {

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string uri_encode(std::string_view text, Slashes slashes) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (unreserved(c) || (c == '/' && slashes == Slashes::keep)) {
            out += ch;
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 0x0f];
        }
    }
    return out;
}

std::string encode_path(std::string_view path) {
    // Without the leading '/' the path would run into the host in the URL.
    if (!path.starts_with('/')) return "/" + uri_encode(path, Slashes::keep);
    return uri_encode(path, Slashes::keep);
}

std::string encode_query(std::span<const QueryParam> query) {
    std::string out;
    for (const auto& [key, value] : query) {
        if (!out.empty()) out += '&';
        out += uri_encode(key, Slashes::encode);
        out += '=';
        out += uri_encode(value, Slashes::encode);
    }
    return out;
}

std::string request_url(const HttpRequest& request) {
    std::string url = request.scheme + "://" + request.host + encode_path(request.path);
    if (!request.query.empty()) url += "?" + encode_query(request.query);
    return url;
}

}  // namespace emrctl::aws
