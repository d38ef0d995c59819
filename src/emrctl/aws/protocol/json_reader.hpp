#pragma once

// Reading JSON answers without exceptions: nlohmann::json's typed getters throw on a type
// mismatch, so parsers use these total accessors, which answer empty values instead. A fuzzed or
// hostile body therefore reads as missing fields, never as a crash.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/operation.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::protocol {

// nullopt when the text is not JSON. An empty text is an empty object: some operations answer
// 200 with no body at all.
std::optional<nlohmann::json> parse_json(std::string_view text);

// The body of a JSON-protocol answer as an object; json_error for a failed status,
// malformed_response for a body that is not a JSON object.
Result<nlohmann::json> read_json_response(const Operation& operation, const HttpResponse& response);

// The member `key` of `object`; a null value when `object` is not an object or lacks it.
const nlohmann::json& json_member(const nlohmann::json& object, std::string_view key);

std::string json_string(const nlohmann::json& object, std::string_view key);
std::optional<double> json_number(const nlohmann::json& object, std::string_view key);
// A whole number that fits; nullopt for fractions, huge values and non-numbers.
std::optional<std::int64_t> json_integer(const nlohmann::json& object, std::string_view key);
bool json_bool(const nlohmann::json& object, std::string_view key);
// Epoch seconds, as JSON 1.1 and REST-JSON send timestamps.
std::optional<Timestamp> json_epoch(const nlohmann::json& object, std::string_view key);
// The string elements of an array member; other elements are skipped.
std::vector<std::string> json_strings(const nlohmann::json& object, std::string_view key);
// The elements of an array member that are objects.
std::vector<const nlohmann::json*> json_objects(const nlohmann::json& object, std::string_view key);

}  // namespace emrctl::aws::protocol
