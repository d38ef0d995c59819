#pragma once

// Errors of the JSON protocols. JSON 1.1 (EMR) and REST-JSON answer
//   {"__type": "com.amazonaws.emr#InvalidRequestException", "message": "…"}
// with the code also (or only, for REST-JSON) in an x-amzn-ErrorType header, which may carry a
// ":http://internal.amazon.com/…" suffix. The code is what follows the last '#', up to any ':'.

#include <optional>
#include <string>
#include <string_view>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/operation.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::protocol {

// "aws.emr#Throttling:http://x" → "Throttling".
std::string sanitize_error_code(std::string_view raw);

// The sanitized x-amzn-ErrorType header; "" without one.
std::string error_type_header(const HttpResponse& response);

// The error document of a JSON body: code from __type, code or Code; message from message,
// Message or errorMessage. nullopt when the body is not a JSON object naming a code or message.
std::optional<ErrorDocument> read_json_error(std::string_view body);

// A failed JSON 1.1 answer: the header's code first (as the Smithy protocol says), then the
// body's.
Error json_error(const Operation& operation, const HttpResponse& response);

// A failed REST-JSON answer: same precedence; REST-JSON services often send only the header.
Error rest_json_error(const Operation& operation, const HttpResponse& response);

}  // namespace emrctl::aws::protocol
