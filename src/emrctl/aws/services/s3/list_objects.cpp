#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/services/s3/list_objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>

namespace emrctl::aws::s3 {

namespace {

constexpr auto k_list_v2 = operation("ListObjectsV2");
constexpr auto k_list_versions = operation("ListObjectVersions");

// A size S3 wrote; a negative or garbled one reads as 0 rather than wrapping around.
std::uint64_t size_at(pugi::xml_node node) {
    const auto size = protocol::int_at(node, "Size");
    return size && *size > 0 ? static_cast<std::uint64_t>(*size) : 0;
}

void add_if_set(HttpRequest& request, std::string name, const std::string& value) {
    if (!value.empty()) request.query.emplace_back(std::move(name), value);
}

}  // namespace

HttpRequest make_list_objects_v2_request(const ListObjectsV2Input& input,
                                         const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "GET", bucket_path(input.bucket));
    request.query.emplace_back("list-type", "2");
    add_if_set(request, "prefix", input.prefix);
    add_if_set(request, "delimiter", input.delimiter);
    add_if_set(request, "continuation-token", input.continuation_token);
    add_if_set(request, "start-after", input.start_after);
    if (input.max_keys) request.query.emplace_back("max-keys", std::to_string(*input.max_keys));
    return request;
}

Result<ListObjectsV2Output> parse_list_objects_v2_response(const protocol::HttpResponse& response) {
    auto document = read_s3_xml(k_list_v2, response);
    if (!document) return std::unexpected(std::move(document.error()));
    using protocol::text_at;
    const auto root = document->root();
    ListObjectsV2Output out{.is_truncated = protocol::bool_at(root, "IsTruncated"),
                            .next_continuation_token = text_at(root, "NextContinuationToken"),
                            .key_count = protocol::int_at(root, "KeyCount")};
    for (const auto node : protocol::children_named(root, "Contents")) {
        out.objects.push_back({.key = text_at(node, "Key"),
                               .size = size_at(node),
                               .etag = text_at(node, "ETag"),
                               .last_modified = protocol::iso8601_at(node, "LastModified"),
                               .storage_class = text_at(node, "StorageClass")});
    }
    for (const auto node : protocol::children_named(root, "CommonPrefixes")) {
        out.common_prefixes.push_back(text_at(node, "Prefix"));
    }
    return out;
}

HttpRequest make_list_object_versions_request(const ListObjectVersionsInput& input,
                                              const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "GET", bucket_path(input.bucket));
    request.query.emplace_back("versions", "");
    add_if_set(request, "prefix", input.prefix);
    add_if_set(request, "key-marker", input.key_marker);
    add_if_set(request, "version-id-marker", input.version_id_marker);
    if (input.max_keys) request.query.emplace_back("max-keys", std::to_string(*input.max_keys));
    return request;
}

Result<ListObjectVersionsOutput> parse_list_object_versions_response(
    const protocol::HttpResponse& response) {
    auto document = read_s3_xml(k_list_versions, response);
    if (!document) return std::unexpected(std::move(document.error()));
    using protocol::text_at;
    const auto root = document->root();
    ListObjectVersionsOutput out{.is_truncated = protocol::bool_at(root, "IsTruncated"),
                                 .next_key_marker = text_at(root, "NextKeyMarker"),
                                 .next_version_id_marker = text_at(root, "NextVersionIdMarker")};
    // <Version> and <DeleteMarker> elements interleave; one pass keeps S3's order.
    for (const auto node : root.children()) {
        const std::string_view name = node.name();
        if (name != "Version" && name != "DeleteMarker") continue;
        const bool marker = name == "DeleteMarker";
        out.versions.push_back({.kind = marker ? VersionKind::delete_marker : VersionKind::object,
                                .key = text_at(node, "Key"),
                                .version_id = text_at(node, "VersionId"),
                                .is_latest = protocol::bool_at(node, "IsLatest"),
                                .size = size_at(node),
                                .etag = text_at(node, "ETag"),
                                .last_modified = protocol::iso8601_at(node, "LastModified")});
    }
    return out;
}

}  // namespace emrctl::aws::s3
