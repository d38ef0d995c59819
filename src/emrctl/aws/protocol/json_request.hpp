#pragma once

// JSON 1.1 requests (EMR): a POST to "/" naming the operation in X-Amz-Target, the input as a
// JSON object in an application/x-amz-json-1.1 body.

#include <string_view>

#include <nlohmann/json.hpp>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>

namespace emrctl::aws::protocol {

inline constexpr std::string_view k_json_1_1_content_type = "application/x-amz-json-1.1";

// `target_prefix` is the service's ("ElasticMapReduce"); X-Amz-Target is "<prefix>.<operation>".
// Invalid UTF-8 in the input is replaced (U+FFFD) rather than thrown on: the JSON writer would
// otherwise throw, and the server would refuse such bytes anyway.
HttpRequest make_json_request(const Endpoint& endpoint, std::string_view target_prefix,
                              std::string_view operation, const nlohmann::json& input);

}  // namespace emrctl::aws::protocol
