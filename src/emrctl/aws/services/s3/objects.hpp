#pragma once

// S3 objects one at a time: PutObject (an asset upload below the multipart threshold), GetObject
// (job outputs and logs, whole or a byte range), HeadObject (is it there, has it changed),
// DeleteObject.

#include <cstdint>
#include <optional>
#include <string>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/payload.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/aws/services/s3/object_metadata.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::s3 {

struct PutObjectInput {
    std::string bucket;
    std::string key;
    protocol::Payload body;       // in memory, or a file range the transport streams
    std::string content_type;     // empty: S3's default, binary/octet-stream
    std::string content_md5;      // base64 MD5 (content_md5.hpp); empty: not sent
    std::string checksum_sha256;  // base64 SHA-256, stored and verified by S3; empty: not sent
    // Hex SHA-256 of the body, for the signature: without it a file body is signed
    // UNSIGNED-PAYLOAD and an in-memory one is hashed by the signer.
    std::string payload_sha256_hex;
    Metadata metadata;
};

struct PutObjectOutput {
    std::string etag;  // with its quotes, as S3 sends it
    std::string version_id;
    std::string checksum_sha256;
};

HttpRequest make_put_object_request(const PutObjectInput& input,
                                    const protocol::Endpoint& endpoint);
Result<PutObjectOutput> parse_put_object_response(const protocol::HttpResponse& response);

// An inclusive byte range: bytes=first-last, or bytes=first- to the end.
struct ByteRange {
    std::uint64_t first = 0;
    std::optional<std::uint64_t> last;
};

struct GetObjectInput {
    std::string bucket;
    std::string key;
    std::optional<ByteRange> range;
    std::string version_id;
};

struct GetObjectOutput {
    std::string body;
    std::string etag;
    std::optional<std::uint64_t> content_length;
    std::string content_range;  // "bytes 0-99/1234" for a ranged answer (206)
    std::string content_type;
    std::optional<protocol::Timestamp> last_modified;
    std::string version_id;
    Metadata metadata;
};

HttpRequest make_get_object_request(const GetObjectInput& input,
                                    const protocol::Endpoint& endpoint);
Result<GetObjectOutput> parse_get_object_response(const protocol::HttpResponse& response);

struct HeadObjectInput {
    std::string bucket;
    std::string key;
    std::string version_id;
};

struct HeadObjectOutput {
    std::string etag;
    std::optional<std::uint64_t> size;
    std::string content_type;
    std::optional<protocol::Timestamp> last_modified;
    std::string version_id;
    std::string checksum_sha256;  // only when asked for with x-amz-checksum-mode, and stored
    Metadata metadata;
};

// A missing object is code NotFound (a HEAD has no body to say NoSuchKey).
HttpRequest make_head_object_request(const HeadObjectInput& input,
                                     const protocol::Endpoint& endpoint);
Result<HeadObjectOutput> parse_head_object_response(const protocol::HttpResponse& response);

struct DeleteObjectInput {
    std::string bucket;
    std::string key;
    std::string version_id;  // deletes that version for good; empty: a delete marker if versioned
};

struct DeleteObjectOutput {
    bool delete_marker = false;  // the delete made (or removed) a delete marker
    std::string version_id;
};

// Deleting a key that does not exist succeeds (204).
HttpRequest make_delete_object_request(const DeleteObjectInput& input,
                                       const protocol::Endpoint& endpoint);
Result<DeleteObjectOutput> parse_delete_object_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::s3
