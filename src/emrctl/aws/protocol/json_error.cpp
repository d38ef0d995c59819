#include <nlohmann/json.hpp>

#include <emrctl/aws/protocol/json_error.hpp>
#include <emrctl/aws/protocol/json_reader.hpp>

namespace emrctl::aws::protocol {

namespace {

std::string first_string(const nlohmann::json& object,
                         std::initializer_list<std::string_view> keys) {
    for (const auto key : keys) {
        if (auto value = json_string(object, key); !value.empty()) return value;
    }
    return {};
}

Error json_protocol_error(const Operation& operation, const HttpResponse& response) {
    auto document = read_json_error(response.body);
    if (auto header = error_type_header(response); !header.empty()) {
        if (!document) {
            document = ErrorDocument{.message = reason_for_status(response.status)};
        }
        document->code = std::move(header);
    }
    return aws_error(operation, response, document);
}

}  // namespace

std::string sanitize_error_code(std::string_view raw) {
    if (const auto colon = raw.find(':'); colon != std::string_view::npos) {
        raw = raw.substr(0, colon);
    }
    if (const auto hash = raw.rfind('#'); hash != std::string_view::npos) {
        raw = raw.substr(hash + 1);
    }
    return std::string(raw);
}

std::string error_type_header(const HttpResponse& response) {
    const auto value = find_header(response, "x-amzn-ErrorType");
    return value ? sanitize_error_code(*value) : std::string{};
}

std::optional<ErrorDocument> read_json_error(std::string_view body) {
    const auto document = parse_json(body);
    if (!document || !document->is_object()) return std::nullopt;
    ErrorDocument out{
        .code = sanitize_error_code(first_string(*document, {"__type", "code", "Code"})),
        .message = first_string(*document, {"message", "Message", "errorMessage"})};
    if (out.code.empty() && out.message.empty()) return std::nullopt;
    return out;
}

Error json_error(const Operation& operation, const HttpResponse& response) {
    return json_protocol_error(operation, response);
}

Error rest_json_error(const Operation& operation, const HttpResponse& response) {
    return json_protocol_error(operation, response);
}

}  // namespace emrctl::aws::protocol
