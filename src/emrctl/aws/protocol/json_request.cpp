#include <emrctl/aws/protocol/json_request.hpp>

namespace emrctl::aws::protocol {

HttpRequest make_json_request(const Endpoint& endpoint, std::string_view target_prefix,
                              std::string_view operation, const nlohmann::json& input) {
    auto request = start_request(endpoint, "POST", "/");
    request.headers.emplace_back("Content-Type", std::string(k_json_1_1_content_type));
    request.headers.emplace_back("X-Amz-Target",
                                 std::string(target_prefix) + "." + std::string(operation));
    const auto& body = input.is_null() ? nlohmann::json::object() : input;
    request.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return request;
}

}  // namespace emrctl::aws::protocol
