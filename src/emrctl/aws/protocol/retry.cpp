#include <algorithm>
#include <array>

#include <emrctl/aws/protocol/json_error.hpp>
#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/aws/protocol/xml_error.hpp>

namespace emrctl::aws::protocol {

namespace {

// botocore's standard-mode lists, less LimitExceededException (see the header).
constexpr std::array<std::string_view, 13> k_throttling_codes{
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "RequestThrottled",
    "SlowDown",
    "EC2ThrottledException",
    "PriorRequestNotComplete"};

constexpr std::array<std::string_view, 7> k_transient_codes{
    "RequestTimeout",     "RequestTimeoutException", "InternalError",      "InternalFailure",
    "ServiceUnavailable", "IDPCommunicationError",   "InternalServerError"};

bool transient_status(int status) {
    return status == 500 || status == 502 || status == 503 || status == 504;
}

Retryability classify(int status, std::string_view code) {
    if (is_throttling_code(code) || status == 429) return Retryability::throttling;
    if (is_transient_code(code) || transient_status(status)) return Retryability::transient;
    return Retryability::no;
}

}  // namespace

bool is_throttling_code(std::string_view code) {
    return std::find(k_throttling_codes.begin(), k_throttling_codes.end(), code) !=
           k_throttling_codes.end();
}

bool is_transient_code(std::string_view code) {
    return std::find(k_transient_codes.begin(), k_transient_codes.end(), code) !=
           k_transient_codes.end();
}

std::string error_code_of(const HttpResponse& response) {
    if (auto header = error_type_header(response); !header.empty()) return header;
    const auto start = response.body.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return {};
    if (response.body[start] == '{') {
        const auto document = read_json_error(response.body);
        return document ? document->code : std::string{};
    }
    if (response.body[start] == '<') {
        const auto document = read_xml_error(response.body);
        return document ? document->code : std::string{};
    }
    return {};
}

Retryability classify_retry(const HttpResponse& response) {
    // A 2xx is never retried here: the one success that can hide a failure (S3's
    // CompleteMultipartUpload) is caught by its parser, which the AwsDetail overload classifies.
    if (is_success(response)) return Retryability::no;
    return classify(response.status, error_code_of(response));
}

Retryability classify_retry(const AwsDetail& detail) {
    return classify(detail.http_status, detail.code);
}

}  // namespace emrctl::aws::protocol
