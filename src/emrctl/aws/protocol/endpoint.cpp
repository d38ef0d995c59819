#include <emrctl/aws/protocol/endpoint.hpp>

namespace emrctl::aws::protocol {

HttpRequest start_request(const Endpoint& endpoint, std::string_view method,
                          std::string_view path) {
    HttpRequest request;
    request.scheme = endpoint.scheme;
    request.method = std::string(method);
    request.host = endpoint.host;
    std::string base = endpoint.base_path;
    // An endpoint URL written with a trailing '/' must not double the separator.
    while (base.ends_with('/'))
        base.pop_back();
    request.path = base + std::string(path);
    if (request.path.empty()) request.path = "/";
    return request;
}

}  // namespace emrctl::aws::protocol
