#pragma once

// What every protocol's error decoder ends with: an Error of kind aws whose message reads
// "<service> <Operation>: <Code>: <message> (request id <id>)", with what to do about the codes
// users meet most (expired credentials, missing permissions, throttling, wrong keys).

#include <optional>
#include <string>
#include <string_view>

#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/operation.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::protocol {

// The parts of an error document, as each protocol's decoder finds them.
struct ErrorDocument {
    std::string code;
    std::string message;
    std::string request_id;
};

// The error for an answer already decoded into its parts.
Error aws_error(AwsDetail detail);

// What to do about an error code; "" when there is nothing useful to say. `retries` is how many
// times the call was retried before giving up (0 when unknown): the throttling hint says it.
std::string hint_for(const AwsDetail& detail, int retries);

// Rewrites the hint once the retry layer knows how many times it retried.
void note_retries(Error& error, int retries);

// A successful status with a body emrctl cannot read: an emulator that does not speak this API,
// a proxy's page, or a truncated answer. `what` says what was wrong with it.
Error malformed_response(const Operation& operation, const HttpResponse& response,
                         std::string_view what);

// The code for an error answer without one (a HEAD has no body; a proxy sends HTML):
// "NotFound", "Forbidden", "ServiceUnavailable"… after the status, "Http<status>" otherwise.
std::string code_for_status(int status);

// "Not Found", "Forbidden"…: the reason phrase, as the message of such an answer.
std::string reason_for_status(int status);

// The request id an AWS front end puts in a header (x-amzn-RequestId, x-amz-request-id).
std::string request_id_header(const HttpResponse& response);

// The error for a failed answer: the document's parts where it had them, the status otherwise
// (code_for_status, and reason_for_status plus an excerpt of a body that was not a document).
Error aws_error(const Operation& operation, const HttpResponse& response,
                const std::optional<ErrorDocument>& document);

// A short, single-line excerpt of a body that is not an AWS error document: markup dropped,
// white space collapsed, control characters removed.
std::string body_excerpt(std::string_view body);

}  // namespace emrctl::aws::protocol
