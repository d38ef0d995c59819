#pragma once

// What every S3 call shares: REST-XML, path-style addressing, and the 2006-03-01 namespace of
// its request bodies.
//
// Path-style always (https://host/<bucket>/<key>, never https://<bucket>.host/<key>): a local
// emulator has no wildcard DNS, and a bucket name with dots breaks the TLS certificate of a
// virtual-hosted address.

#include <string>
#include <string_view>

#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/operation.hpp>
#include <emrctl/aws/protocol/xml_reader.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::s3 {

inline constexpr std::string_view k_xmlns = "http://s3.amazonaws.com/doc/2006-03-01/";

constexpr protocol::Operation operation(std::string_view name) {
    return {.service = "s3", .name = name};
}

// "/<bucket>" and "/<bucket>/<key>", raw: HttpRequest paths are encoded once, on the way out, and
// S3 signing encodes them the same single time, segment by segment ('/' kept), so a key with
// spaces, '+', '%' or non-ASCII characters needs nothing here. A key is used exactly as given:
// S3 keys may hold "//", "./" or "../", which are never normalized away.
std::string bucket_path(std::string_view bucket);
std::string object_path(std::string_view bucket, std::string_view key);

// rest_xml_error for a failed status. For a 2xx, the parsed body, unless it is an <Error>
// document: S3 can answer 200 and fail later in the body (CompleteMultipartUpload), which is
// then an error with http_status 200 that protocol::classify_retry calls transient for
// InternalError and SlowDown.
Result<protocol::XmlDocument> read_s3_xml(const protocol::Operation& operation,
                                          const protocol::HttpResponse& response);

// rest_xml_error for a failed status; the body is not read.
Result<void> check_s3_response(const protocol::Operation& operation,
                               const protocol::HttpResponse& response);

// A header's value, or "".
std::string header_or_empty(const protocol::HttpResponse& response, std::string_view name);

// A missing bucket, object, version or upload, from any S3 call: NoSuchBucket, NoSuchKey,
// NoSuchVersion, NoSuchUpload, or the bodyless NotFound of a HEAD.
bool is_not_found(const Error& error);

}  // namespace emrctl::aws::s3
