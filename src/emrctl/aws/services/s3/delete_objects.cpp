#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/xml_writer.hpp>
#include <emrctl/aws/services/s3/content_md5.hpp>
#include <emrctl/aws/services/s3/delete_objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>

namespace emrctl::aws::s3 {

namespace {
constexpr auto k_operation = operation("DeleteObjects");
}  // namespace

HttpRequest make_delete_objects_request(const DeleteObjectsInput& input,
                                        const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "POST", bucket_path(input.bucket));
    // "?delete" names the subresource; it is sent as "delete=", which S3 reads the same and
    // SigV4 canonicalizes the same.
    request.query.emplace_back("delete", "");
    std::string body = "<Delete xmlns=\"" + std::string(k_xmlns) + "\">";
    for (const auto& object : input.objects) {
        body += "<Object><Key>" + protocol::xml_escape(object.key) + "</Key>";
        if (!object.version_id.empty()) {
            body += "<VersionId>" + protocol::xml_escape(object.version_id) + "</VersionId>";
        }
        body += "</Object>";
    }
    body += input.quiet ? "<Quiet>true</Quiet>" : "<Quiet>false</Quiet>";
    body += "</Delete>";
    request.headers.emplace_back("Content-Type", "application/xml");
    request.headers.emplace_back("Content-MD5", content_md5(body));
    request.body = std::move(body);
    return request;
}

Result<DeleteObjectsOutput> parse_delete_objects_response(const protocol::HttpResponse& response) {
    auto document = read_s3_xml(k_operation, response);
    if (!document) return std::unexpected(std::move(document.error()));
    using protocol::text_at;
    const auto root = document->root();
    DeleteObjectsOutput out;
    for (const auto node : protocol::children_named(root, "Deleted")) {
        out.deleted.push_back({.key = text_at(node, "Key"),
                               .version_id = text_at(node, "VersionId"),
                               .delete_marker = protocol::bool_at(node, "DeleteMarker"),
                               .delete_marker_version_id = text_at(node, "DeleteMarkerVersionId")});
    }
    for (const auto node : protocol::children_named(root, "Error")) {
        out.errors.push_back({.key = text_at(node, "Key"),
                              .version_id = text_at(node, "VersionId"),
                              .code = text_at(node, "Code"),
                              .message = text_at(node, "Message")});
    }
    return out;
}

}  // namespace emrctl::aws::s3
