#include <cmath>
#include <limits>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/json_error.hpp>
#include <emrctl/aws/protocol/json_reader.hpp>

namespace emrctl::aws::protocol {

namespace {

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::optional<nlohmann::json> parse_json(std::string_view text) {
    if (blank(text)) return nlohmann::json::object();
    // allow_exceptions = false: a syntax error yields a "discarded" value instead of throwing.
    auto value = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    return value;
}

Result<nlohmann::json> read_json_response(const Operation& operation,
                                          const HttpResponse& response) {
    if (!is_success(response)) return std::unexpected(json_error(operation, response));
    auto value = parse_json(response.body);
    if (!value) return std::unexpected(malformed_response(operation, response, "not JSON"));
    if (!value->is_object()) {
        return std::unexpected(malformed_response(operation, response, "not a JSON object"));
    }
    return std::move(*value);
}

const nlohmann::json& json_member(const nlohmann::json& object, std::string_view key) {
    static const nlohmann::json k_null;
    if (!object.is_object()) return k_null;
    const auto found = object.find(std::string(key));
    return found == object.end() ? k_null : *found;
}

std::string json_string(const nlohmann::json& object, std::string_view key) {
    const auto& value = json_member(object, key);
    return value.is_string() ? value.get_ref<const std::string&>() : std::string{};
}

std::optional<double> json_number(const nlohmann::json& object, std::string_view key) {
    const auto& value = json_member(object, key);
    if (value.is_number_float()) return value.get<double>();
    if (value.is_number_integer()) {
        // Either signedness: get<double> converts both without undefined behaviour.
        return value.get<double>();
    }
    return std::nullopt;
}

std::optional<std::int64_t> json_integer(const nlohmann::json& object, std::string_view key) {
    const auto& value = json_member(object, key);
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(u);
    }
    if (value.is_number_integer()) return value.get<std::int64_t>();
    if (value.is_number_float()) {
        // Only exact whole numbers well inside the range convert: a cast of anything else is
        // undefined behaviour.
        const double d = value.get<double>();
        if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9.0e15) return std::nullopt;
        return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

bool json_bool(const nlohmann::json& object, std::string_view key) {
    const auto& value = json_member(object, key);
    return value.is_boolean() && value.get<bool>();
}

std::optional<Timestamp> json_epoch(const nlohmann::json& object, std::string_view key) {
    const auto seconds = json_number(object, key);
    return seconds ? from_epoch_seconds(*seconds) : std::nullopt;
}

std::vector<std::string> json_strings(const nlohmann::json& object, std::string_view key) {
    std::vector<std::string> out;
    const auto& array = json_member(object, key);
    if (!array.is_array()) return out;
    for (const auto& element : array) {
        if (element.is_string()) out.push_back(element.get<std::string>());
    }
    return out;
}

std::vector<const nlohmann::json*> json_objects(const nlohmann::json& object,
                                                std::string_view key) {
    std::vector<const nlohmann::json*> out;
    const auto& array = json_member(object, key);
    if (!array.is_array()) return out;
    for (const auto& element : array) {
        if (element.is_object()) out.push_back(&element);
    }
    return out;
}

}  // namespace emrctl::aws::protocol
