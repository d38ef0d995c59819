#include <algorithm>
#include <array>
#include <utility>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/retry.hpp>

namespace emrctl::aws::protocol {

namespace {

constexpr std::array<std::string_view, 3> k_expired_codes{"ExpiredToken", "ExpiredTokenException",
                                                          "RequestExpired"};
constexpr std::array<std::string_view, 5> k_denied_codes{"AccessDenied", "AccessDeniedException",
                                                         "UnauthorizedOperation",
                                                         "UnauthorizedAccess", "Forbidden"};
constexpr std::array<std::string_view, 6> k_bad_key_codes{
    "InvalidClientTokenId",        "SignatureDoesNotMatch", "InvalidAccessKeyId",
    "UnrecognizedClientException", "AuthFailure",           "IncompleteSignature"};
constexpr std::array<std::string_view, 2> k_clock_codes{"RequestTimeTooSkewed", "SignatureExpired"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// The IAM action a policy must allow for an operation. Most are "<prefix>:<Operation>"; S3's
// object and listing calls are governed by differently named actions.
std::string iam_action(std::string_view service, std::string_view operation) {
    if (service == "s3") {
        static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> k_s3{{
            {"HeadObject", "GetObject"},
            {"HeadBucket", "ListBucket"},
            {"ListObjectsV2", "ListBucket"},
            {"ListObjectVersions", "ListBucketVersions"},
            {"ListBuckets", "ListAllMyBuckets"},
            {"DeleteObjects", "DeleteObject"},
            {"CreateMultipartUpload", "PutObject"},
            {"UploadPart", "PutObject"},
            {"CompleteMultipartUpload", "PutObject"},
            {"AbortMultipartUpload", "AbortMultipartUpload"},
        }};
        for (const auto& [op, action] : k_s3) {
            if (op == operation) return "s3:" + std::string(action);
        }
    }
    const std::string_view prefix = service == "emr" ? "elasticmapreduce" : service;
    return std::string(prefix) + ":" + std::string(operation);
}

std::string format_message(const AwsDetail& d) {
    std::string out = d.service + " " + d.operation + ": " + d.code;
    if (!d.message.empty()) out += ": " + d.message;
    if (!d.request_id.empty()) out += " (request id " + d.request_id + ")";
    return out;
}

}  // namespace

std::string hint_for(const AwsDetail& detail, int retries) {
    const std::string_view code = detail.code;
    if (listed(k_expired_codes, code)) {
        return "your session credentials expired: refresh them (aws sso login, or new keys)";
    }
    if (listed(k_denied_codes, code)) {
        return "the credentials in use lack permission for " + detail.operation + "; allow " +
               iam_action(detail.service, detail.operation) +
               " to the user or role they belong to, or use another --profile";
    }
    if (classify_retry(detail) == Retryability::throttling) {
        if (retries <= 0) return "AWS is throttling requests: wait a minute and run it again";
        return "AWS is throttling; emrctl retried " + std::to_string(retries) +
               (retries == 1 ? " time" : " times") +
               " with backoff: wait a minute and run it again, or run fewer emrctl commands at "
               "once against this account";
    }
    if (listed(k_bad_key_codes, code)) {
        return "check the access key and secret (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or "
               "the profile's keys): AWS does not know the key id, or the secret does not match it";
    }
    if (listed(k_clock_codes, code)) {
        return "this machine's clock is more than 5 minutes off: sync it (timedatectl set-ntp "
               "true)";
    }
    if (classify_retry(detail) == Retryability::transient) {
        const auto tried = retries <= 0 ? std::string()
                                        : "; emrctl retried " + std::to_string(retries) +
                                              (retries == 1 ? " time" : " times");
        return "the service failed on its side" + tried +
               ": run the command again in a few minutes; it picks up where it stopped";
    }
    return {};
}

Error aws_error(AwsDetail detail) {
    Error error;
    error.kind = ErrorKind::aws;
    error.message = format_message(detail);
    error.hint = hint_for(detail, 0);
    error.aws = std::move(detail);
    return error;
}

Error aws_error(const Operation& operation, const HttpResponse& response,
                const std::optional<ErrorDocument>& document) {
    AwsDetail detail{.service = std::string(operation.service),
                     .operation = std::string(operation.name),
                     .http_status = response.status};
    if (document) {
        detail.code = document->code;
        detail.message = document->message;
        detail.request_id = document->request_id;
    }
    if (detail.code.empty()) detail.code = code_for_status(response.status);
    if (!document) {
        detail.message = reason_for_status(response.status);
        if (auto excerpt = body_excerpt(response.body); !excerpt.empty()) {
            detail.message += ": " + excerpt;
        }
    }
    if (detail.request_id.empty()) detail.request_id = request_id_header(response);
    return aws_error(std::move(detail));
}

void note_retries(Error& error, int retries) {
    if (!error.aws) return;
    if (auto hint = hint_for(*error.aws, retries); !hint.empty()) error.hint = std::move(hint);
}

Error malformed_response(const Operation& operation, const HttpResponse& response,
                         std::string_view what) {
    AwsDetail detail{.service = std::string(operation.service),
                     .operation = std::string(operation.name),
                     .code = "MalformedResponse",
                     .message = "the answer (HTTP " + std::to_string(response.status) +
                                ") could not be read: " + std::string(what),
                     .request_id = request_id_header(response),
                     .http_status = response.status};
    auto error = aws_error(std::move(detail));
    error.hint =
        "if --endpoint-url points at an emulator or a proxy, check that it serves this API; "
        "otherwise run again with -v and report it as a bug in emrctl";
    return error;
}

std::string code_for_status(int status) {
    switch (status) {
        case 301:
            return "MovedPermanently";
        case 307:
            return "TemporaryRedirect";
        case 304:
            return "NotModified";
        case 400:
            return "BadRequest";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "NotFound";
        case 405:
            return "MethodNotAllowed";
        case 409:
            return "Conflict";
        case 411:
            return "LengthRequired";
        case 412:
            return "PreconditionFailed";
        case 413:
            return "RequestEntityTooLarge";
        case 416:
            return "InvalidRange";
        case 429:
            return "TooManyRequests";
        case 500:
            return "InternalServerError";
        case 501:
            return "NotImplemented";
        case 502:
            return "BadGateway";
        case 503:
            return "ServiceUnavailable";
        case 504:
            return "GatewayTimeout";
        default:
            return "Http" + std::to_string(status);
    }
}

std::string reason_for_status(int status) {
    switch (status) {
        case 301:
            return "Moved Permanently";
        case 307:
            return "Temporary Redirect";
        case 304:
            return "Not Modified";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 411:
            return "Length Required";
        case 412:
            return "Precondition Failed";
        case 413:
            return "Request Entity Too Large";
        case 416:
            return "Requested Range Not Satisfiable";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 501:
            return "Not Implemented";
        case 502:
            return "Bad Gateway";
        case 503:
            return "Service Unavailable";
        case 504:
            return "Gateway Timeout";
        default:
            return "HTTP " + std::to_string(status);
    }
}

std::string request_id_header(const HttpResponse& response) {
    for (const auto* name : {"x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id"}) {
        if (const auto value = find_header(response, name)) return std::string(*value);
    }
    return {};
}

std::string body_excerpt(std::string_view body) {
    constexpr std::size_t k_limit = 160;
    std::string out;
    bool space = false;
    bool in_tag = false;
    for (const char c : body) {
        const auto u = static_cast<unsigned char>(c);
        // Markup is dropped: a proxy's or an emulator's HTML page reads as its words.
        if (in_tag || c == '<') {
            in_tag = c != '>';
            space = !out.empty();
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (u < 0x20 || u == 0x7f) continue;  // keep terminals safe from a hostile body
        // Cut only before the first byte of a character, never inside one.
        const bool continuation = (u & 0xc0) == 0x80;
        if (!continuation && out.size() >= k_limit) {
            out += "…";
            break;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace emrctl::aws::protocol
