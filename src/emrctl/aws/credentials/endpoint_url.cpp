#include <algorithm>
#include <charconv>

#include <emrctl/aws/credentials/endpoint_url.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

bool is_host_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

bool is_ipv6_char(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.';
}

bool has_space_or_control(std::string_view text) {
    return std::ranges::any_of(text, [](char c) { return static_cast<unsigned char>(c) <= ' '; });
}

}  // namespace

Result<EndpointUrl> parse_endpoint_url(std::string_view url, std::string_view source) {
    const auto reject = [&](std::string why) {
        return fail(ErrorKind::config,
                    std::string(source) + " \"" + std::string(url) +
                        "\" is not an endpoint URL: " + std::move(why),
                    "write it as http(s)://host[:port][/path], e.g. http://127.0.0.1:4566");
    };
    if (url.empty()) return reject("it is empty");
    if (has_space_or_control(url)) return reject("it contains white space");
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos)
        return reject("it has no scheme (http:// or https://)");
    const auto scheme = util::to_lower(url.substr(0, scheme_end));
    if (scheme != "http" && scheme != "https") return reject("the scheme must be http or https");

    auto rest = url.substr(scheme_end + 3);
    if (rest.find_first_of("?#") != std::string_view::npos) {
        return reject("it may not have a query or a fragment");
    }
    const auto path_start = std::min(rest.find('/'), rest.size());
    const auto authority = rest.substr(0, path_start);
    auto path = rest.substr(path_start);
    if (authority.find('@') != std::string_view::npos) {
        return reject("it may not hold a user name or password");
    }

    // The host, then an optional ":port"; an IPv6 address is bracketed because it has colons.
    std::string host;
    std::string_view port_text;
    if (authority.starts_with('[')) {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return reject("an IPv6 host needs its closing ]");
        host = util::to_lower(authority.substr(0, close + 1));
        if (close == 1 || !std::ranges::all_of(host.substr(1, host.size() - 2), is_ipv6_char)) {
            return reject("\"" + host + "\" is not an IPv6 address");
        }
        const auto after = authority.substr(close + 1);
        if (!after.empty() && !after.starts_with(':')) return reject("unexpected text after ]");
        if (!after.empty()) port_text = after.substr(1);
        if (!after.empty() && port_text.empty()) return reject("the port after ':' is missing");
    } else {
        const auto colon = authority.find(':');
        host = util::to_lower(authority.substr(0, colon));
        if (colon != std::string_view::npos) {
            port_text = authority.substr(colon + 1);
            if (port_text.empty()) return reject("the port after ':' is missing");
        }
        if (!std::ranges::all_of(host, is_host_name_char)) {
            return reject("\"" + host + "\" is not a host name");
        }
    }
    if (host.empty()) return reject("it has no host");

    if (!port_text.empty()) {
        int port = 0;
        const auto [end, ec] =
            std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (ec != std::errc{} || end != port_text.data() + port_text.size() || port < 1 ||
            port > 65535) {
            return reject("port \"" + std::string(port_text) +
                          "\" is not a number from 1 to 65535");
        }
        // HttpRequest::host carries a port only when it is not the scheme's default.
        const bool default_port =
            (scheme == "https" && port == 443) || (scheme == "http" && port == 80);
        if (!default_port) host += ":" + std::to_string(port);
    }

    while (path.ends_with('/'))
        path.remove_suffix(1);
    return EndpointUrl{.scheme = scheme, .host = host, .base_path = std::string(path)};
}

}  // namespace emrctl::aws
