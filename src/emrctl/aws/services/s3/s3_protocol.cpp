#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/xml_error.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>

namespace emrctl::aws::s3 {

std::string bucket_path(std::string_view bucket) {
    return "/" + std::string(bucket);
}

std::string object_path(std::string_view bucket, std::string_view key) {
    return "/" + std::string(bucket) + "/" + std::string(key);
}

Result<protocol::XmlDocument> read_s3_xml(const protocol::Operation& operation,
                                          const protocol::HttpResponse& response) {
    if (!protocol::is_success(response)) {
        return std::unexpected(protocol::rest_xml_error(operation, response));
    }
    auto document = protocol::parse_xml(response.body);
    if (!document) {
        return std::unexpected(
            protocol::malformed_response(operation, response, document.error().message));
    }
    if (std::string_view(document->root().name()) == "Error") {
        return std::unexpected(protocol::rest_xml_error(operation, response));
    }
    return document;
}

Result<void> check_s3_response(const protocol::Operation& operation,
                               const protocol::HttpResponse& response) {
    if (!protocol::is_success(response)) {
        return std::unexpected(protocol::rest_xml_error(operation, response));
    }
    return ok();
}

std::string header_or_empty(const protocol::HttpResponse& response, std::string_view name) {
    const auto value = protocol::find_header(response, name);
    return value ? std::string(*value) : std::string{};
}

bool is_not_found(const Error& error) {
    if (error.kind != ErrorKind::aws || !error.aws) return false;
    const auto& code = error.aws->code;
    return code == "NoSuchBucket" || code == "NoSuchKey" || code == "NoSuchVersion" ||
           code == "NoSuchUpload" || code == "NotFound";
}

}  // namespace emrctl::aws::s3
