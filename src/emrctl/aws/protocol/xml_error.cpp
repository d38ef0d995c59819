#include <emrctl/aws/protocol/xml_error.hpp>
#include <emrctl/aws/protocol/xml_reader.hpp>

namespace emrctl::aws::protocol {

namespace {

// <Error> at the top, or under the top, or under the top's <Errors>: no unbounded search, so a
// deeply nested fuzzed body costs nothing.
pugi::xml_node error_node(pugi::xml_node root) {
    if (std::string_view(root.name()) == "Error") return root;
    if (const auto direct = root.child("Error")) return direct;
    return node_at(root, "Errors/Error");
}

}  // namespace

std::optional<ErrorDocument> read_xml_error(std::string_view body) {
    auto document = parse_xml(body);
    if (!document) return std::nullopt;
    const auto root = document->root();
    const auto error = error_node(root);
    if (!error || !error.child("Code")) return std::nullopt;
    ErrorDocument out{.code = text_at(error, "Code"), .message = text_at(error, "Message")};
    for (const auto node : {error, root}) {
        for (const auto* name : {"RequestId", "RequestID"}) {
            if (out.request_id.empty()) out.request_id = text_at(node, name);
        }
    }
    return out;
}

Error query_error(const Operation& operation, const HttpResponse& response) {
    return aws_error(operation, response, read_xml_error(response.body));
}

Error rest_xml_error(const Operation& operation, const HttpResponse& response) {
    auto document = read_xml_error(response.body);
    const auto region = find_header(response, "x-amz-bucket-region");
    const bool redirected =
        region && !region->empty() && response.status >= 300 && response.status < 400;
    if (redirected) {
        if (!document) {
            document = ErrorDocument{.code = code_for_status(response.status),
                                     .message = reason_for_status(response.status)};
        }
        document->message += "; the bucket is in " + std::string(*region);
    }
    auto error = aws_error(operation, response, document);
    if (redirected) error.hint = "use --region " + std::string(*region) + " for this bucket";
    return error;
}

}  // namespace emrctl::aws::protocol
