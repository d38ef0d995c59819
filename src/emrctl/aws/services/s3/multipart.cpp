#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/xml_writer.hpp>
#include <emrctl/aws/services/s3/multipart.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>

namespace emrctl::aws::s3 {

namespace {
constexpr auto k_create = operation("CreateMultipartUpload");
constexpr auto k_upload_part = operation("UploadPart");
constexpr auto k_complete = operation("CompleteMultipartUpload");
constexpr auto k_abort = operation("AbortMultipartUpload");
}  // namespace

HttpRequest make_create_multipart_upload_request(const CreateMultipartUploadInput& input,
                                                 const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "POST", object_path(input.bucket, input.key));
    request.query.emplace_back("uploads", "");
    if (!input.content_type.empty())
        request.headers.emplace_back("Content-Type", input.content_type);
    add_metadata(request, input.metadata);
    return request;
}

Result<CreateMultipartUploadOutput> parse_create_multipart_upload_response(
    const protocol::HttpResponse& response) {
    auto document = read_s3_xml(k_create, response);
    if (!document) return std::unexpected(std::move(document.error()));
    const auto root = document->root();
    CreateMultipartUploadOutput out{.bucket = protocol::text_at(root, "Bucket"),
                                    .key = protocol::text_at(root, "Key"),
                                    .upload_id = protocol::text_at(root, "UploadId")};
    if (out.upload_id.empty()) {
        return std::unexpected(protocol::malformed_response(k_create, response, "no UploadId"));
    }
    return out;
}

HttpRequest make_upload_part_request(const UploadPartInput& input,
                                     const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "PUT", object_path(input.bucket, input.key));
    request.query.emplace_back("partNumber", std::to_string(input.part_number));
    request.query.emplace_back("uploadId", input.upload_id);
    if (!input.content_md5.empty()) request.headers.emplace_back("Content-MD5", input.content_md5);
    protocol::set_payload(request, input.body, input.payload_sha256_hex);
    return request;
}

Result<UploadPartOutput> parse_upload_part_response(const protocol::HttpResponse& response) {
    if (auto checked = check_s3_response(k_upload_part, response); !checked) {
        return std::unexpected(std::move(checked.error()));
    }
    UploadPartOutput out{.etag = header_or_empty(response, "ETag")};
    if (out.etag.empty()) {
        return std::unexpected(protocol::malformed_response(k_upload_part, response, "no ETag"));
    }
    return out;
}

HttpRequest make_complete_multipart_upload_request(const CompleteMultipartUploadInput& input,
                                                   const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "POST", object_path(input.bucket, input.key));
    request.query.emplace_back("uploadId", input.upload_id);
    std::string body = "<CompleteMultipartUpload xmlns=\"" + std::string(k_xmlns) + "\">";
    for (const auto& part : input.parts) {
        body += "<Part><PartNumber>" + std::to_string(part.part_number) + "</PartNumber><ETag>" +
                protocol::xml_escape(part.etag) + "</ETag></Part>";
    }
    body += "</CompleteMultipartUpload>";
    request.headers.emplace_back("Content-Type", "application/xml");
    request.body = std::move(body);
    return request;
}

Result<CompleteMultipartUploadOutput> parse_complete_multipart_upload_response(
    const protocol::HttpResponse& response) {
    // read_s3_xml turns a 200 with an <Error> body into the error it is.
    auto document = read_s3_xml(k_complete, response);
    if (!document) return std::unexpected(std::move(document.error()));
    const auto root = document->root();
    CompleteMultipartUploadOutput out{.location = protocol::text_at(root, "Location"),
                                      .bucket = protocol::text_at(root, "Bucket"),
                                      .key = protocol::text_at(root, "Key"),
                                      .etag = protocol::text_at(root, "ETag"),
                                      .version_id = header_or_empty(response, "x-amz-version-id")};
    if (out.etag.empty()) {
        return std::unexpected(protocol::malformed_response(k_complete, response, "no ETag"));
    }
    return out;
}

HttpRequest make_abort_multipart_upload_request(const AbortMultipartUploadInput& input,
                                                const protocol::Endpoint& endpoint) {
    auto request =
        protocol::start_request(endpoint, "DELETE", object_path(input.bucket, input.key));
    request.query.emplace_back("uploadId", input.upload_id);
    return request;
}

Result<void> parse_abort_multipart_upload_response(const protocol::HttpResponse& response) {
    return check_s3_response(k_abort, response);
}

}  // namespace emrctl::aws::s3
