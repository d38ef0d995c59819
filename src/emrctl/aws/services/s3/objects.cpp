#include <charconv>

#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>

namespace emrctl::aws::s3 {

namespace {

constexpr auto k_put = operation("PutObject");
constexpr auto k_get = operation("GetObject");
constexpr auto k_head = operation("HeadObject");
constexpr auto k_delete = operation("DeleteObject");

std::optional<std::uint64_t> size_header(const protocol::HttpResponse& response,
                                         std::string_view name) {
    const auto value = protocol::find_header(response, name);
    if (!value || value->empty()) return std::nullopt;
    std::uint64_t size = 0;
    const auto* end = value->data() + value->size();
    const auto [ptr, ec] = std::from_chars(value->data(), end, size);
    if (ec != std::errc{} || ptr != end) return std::nullopt;
    return size;
}

std::optional<protocol::Timestamp> date_header(const protocol::HttpResponse& response,
                                               std::string_view name) {
    const auto value = protocol::find_header(response, name);
    return value ? protocol::parse_http_date(*value) : std::nullopt;
}

void add_version(HttpRequest& request, const std::string& version_id) {
    if (!version_id.empty()) request.query.emplace_back("versionId", version_id);
}

}  // namespace

HttpRequest make_put_object_request(const PutObjectInput& input,
                                    const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "PUT", object_path(input.bucket, input.key));
    if (!input.content_type.empty())
        request.headers.emplace_back("Content-Type", input.content_type);
    if (!input.content_md5.empty()) request.headers.emplace_back("Content-MD5", input.content_md5);
    if (!input.checksum_sha256.empty()) {
        request.headers.emplace_back("x-amz-checksum-sha256", input.checksum_sha256);
    }
    add_metadata(request, input.metadata);
    protocol::set_payload(request, input.body, input.payload_sha256_hex);
    return request;
}

Result<PutObjectOutput> parse_put_object_response(const protocol::HttpResponse& response) {
    if (auto checked = check_s3_response(k_put, response); !checked) {
        return std::unexpected(std::move(checked.error()));
    }
    return PutObjectOutput{.etag = header_or_empty(response, "ETag"),
                           .version_id = header_or_empty(response, "x-amz-version-id"),
                           .checksum_sha256 = header_or_empty(response, "x-amz-checksum-sha256")};
}

HttpRequest make_get_object_request(const GetObjectInput& input,
                                    const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "GET", object_path(input.bucket, input.key));
    add_version(request, input.version_id);
    if (input.range) {
        auto range = "bytes=" + std::to_string(input.range->first) + "-";
        if (input.range->last) range += std::to_string(*input.range->last);
        request.headers.emplace_back("Range", std::move(range));
    }
    return request;
}

Result<GetObjectOutput> parse_get_object_response(const protocol::HttpResponse& response) {
    if (auto checked = check_s3_response(k_get, response); !checked) {
        return std::unexpected(std::move(checked.error()));
    }
    // The body is the object's bytes, whatever they look like: even an object holding an <Error>
    // document is data here, never an error.
    return GetObjectOutput{.body = response.body,
                           .etag = header_or_empty(response, "ETag"),
                           .content_length = size_header(response, "Content-Length"),
                           .content_range = header_or_empty(response, "Content-Range"),
                           .content_type = header_or_empty(response, "Content-Type"),
                           .last_modified = date_header(response, "Last-Modified"),
                           .version_id = header_or_empty(response, "x-amz-version-id"),
                           .metadata = read_metadata(response)};
}

HttpRequest make_head_object_request(const HeadObjectInput& input,
                                     const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "HEAD", object_path(input.bucket, input.key));
    add_version(request, input.version_id);
    return request;
}

Result<HeadObjectOutput> parse_head_object_response(const protocol::HttpResponse& response) {
    if (auto checked = check_s3_response(k_head, response); !checked) {
        return std::unexpected(std::move(checked.error()));
    }
    return HeadObjectOutput{.etag = header_or_empty(response, "ETag"),
                            .size = size_header(response, "Content-Length"),
                            .content_type = header_or_empty(response, "Content-Type"),
                            .last_modified = date_header(response, "Last-Modified"),
                            .version_id = header_or_empty(response, "x-amz-version-id"),
                            .checksum_sha256 = header_or_empty(response, "x-amz-checksum-sha256"),
                            .metadata = read_metadata(response)};
}

HttpRequest make_delete_object_request(const DeleteObjectInput& input,
                                       const protocol::Endpoint& endpoint) {
    auto request =
        protocol::start_request(endpoint, "DELETE", object_path(input.bucket, input.key));
    add_version(request, input.version_id);
    return request;
}

Result<DeleteObjectOutput> parse_delete_object_response(const protocol::HttpResponse& response) {
    if (auto checked = check_s3_response(k_delete, response); !checked) {
        return std::unexpected(std::move(checked.error()));
    }
    return DeleteObjectOutput{
        .delete_marker = header_or_empty(response, "x-amz-delete-marker") == "true",
        .version_id = header_or_empty(response, "x-amz-version-id")};
}

}  // namespace emrctl::aws::s3
