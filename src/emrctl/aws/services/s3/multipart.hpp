#pragma once

// S3 multipart upload, the calls only (the part planner and the upload state live with the asset
// publisher):
//
//   CreateMultipartUpload ─▶ UploadPart × N (any order, in parallel) ─▶ CompleteMultipartUpload
//                                         └─ on any failure ─▶ AbortMultipartUpload
//
// Parts are 5 MiB to 5 GiB, except the last; at most 10,000 per upload.

#include <cstdint>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/payload.hpp>
#include <emrctl/aws/services/s3/object_metadata.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::s3 {

inline constexpr std::uint64_t k_min_part_size = 5ULL * 1024 * 1024;
inline constexpr int k_max_parts = 10'000;

struct CreateMultipartUploadInput {
    std::string bucket;
    std::string key;
    std::string content_type;
    Metadata metadata;
};

struct CreateMultipartUploadOutput {
    std::string bucket;
    std::string key;
    std::string upload_id;
};

HttpRequest make_create_multipart_upload_request(const CreateMultipartUploadInput& input,
                                                 const protocol::Endpoint& endpoint);
Result<CreateMultipartUploadOutput> parse_create_multipart_upload_response(
    const protocol::HttpResponse& response);

struct UploadPartInput {
    std::string bucket;
    std::string key;
    std::string upload_id;
    int part_number = 1;     // 1 to 10,000
    protocol::Payload body;  // usually a file range
    std::string content_md5;
    std::string payload_sha256_hex;  // as PutObjectInput's
};

struct UploadPartOutput {
    std::string etag;  // CompleteMultipartUpload needs it back, quotes and all
};

HttpRequest make_upload_part_request(const UploadPartInput& input,
                                     const protocol::Endpoint& endpoint);
Result<UploadPartOutput> parse_upload_part_response(const protocol::HttpResponse& response);

struct CompletedPart {
    int part_number = 0;
    std::string etag;
};

struct CompleteMultipartUploadInput {
    std::string bucket;
    std::string key;
    std::string upload_id;
    std::vector<CompletedPart> parts;  // in ascending part number order, as S3 requires
};

struct CompleteMultipartUploadOutput {
    std::string location;
    std::string bucket;
    std::string key;
    std::string etag;  // "<md5 of the part md5s>-<part count>"
    std::string version_id;
};

HttpRequest make_complete_multipart_upload_request(const CompleteMultipartUploadInput& input,
                                                   const protocol::Endpoint& endpoint);
// S3 answers 200 before it has assembled the parts and may fail afterwards: the failure is then
// an <Error> body under a 200 status. That is an error here (http_status 200, the body's code);
// protocol::classify_retry(*error.aws) says whether to complete again.
Result<CompleteMultipartUploadOutput> parse_complete_multipart_upload_response(
    const protocol::HttpResponse& response);

struct AbortMultipartUploadInput {
    std::string bucket;
    std::string key;
    std::string upload_id;
};

// Frees the parts already stored (they are billed until then). NoSuchUpload means it is gone.
HttpRequest make_abort_multipart_upload_request(const AbortMultipartUploadInput& input,
                                                const protocol::Endpoint& endpoint);
Result<void> parse_abort_multipart_upload_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::s3
