#pragma once

// Whether a failed call is worth repeating, as the SDKs' "standard" retry mode decides: throttling
// (back off harder), transient (a 5xx, a timeout the server reported), or no. Network errors never
// reach here: the retry layer retries them itself.

#include <string>
#include <string_view>

#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/retry.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::protocol {

// The retry layer's own enum (aws/retry.hpp), so classify_retry plugs into send_with_retries.
using aws::Retryability;

// Error codes that mean "slow down". CloudFormation's LimitExceededException, which botocore also
// lists, is left out: there it means a quota (too many stacks), which no retry can fix.
bool is_throttling_code(std::string_view code);

// Error codes that mean "this attempt failed, the next may not": S3's RequestTimeout (a 400),
// InternalError (also inside a 200 CompleteMultipartUpload), PriorRequestNotComplete…
bool is_transient_code(std::string_view code);

// From an answer: 429 and throttling codes are throttling; 500, 502, 503, 504 and transient
// codes are transient; everything else, 2xx included, is no. The code is found whatever the
// protocol (x-amzn-ErrorType header, JSON __type/code, XML <Code>).
Retryability classify_retry(const HttpResponse& response);

// From a decoded error: for answers whose failure only the parser sees (a 200 whose body is an
// S3 <Error>).
Retryability classify_retry(const AwsDetail& detail);

// The error code of a failed answer whatever its protocol; "" when it carries none.
std::string error_code_of(const HttpResponse& response);

}  // namespace emrctl::aws::protocol
