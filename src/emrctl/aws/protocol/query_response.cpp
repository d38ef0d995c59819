#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/protocol/xml_error.hpp>

namespace emrctl::aws::protocol {

Result<QueryResult> read_query_response(const Operation& operation, const HttpResponse& response) {
    if (!is_success(response)) return std::unexpected(query_error(operation, response));
    auto document = parse_xml(response.body);
    if (!document) {
        return std::unexpected(malformed_response(operation, response, document.error().message));
    }
    const auto root = document->root();
    auto result = root.child((std::string(operation.name) + "Result").c_str());
    if (!result) result = root;
    auto request_id = text_at(root, "ResponseMetadata/RequestId");
    return QueryResult{
        .document = std::move(*document), .result = result, .request_id = std::move(request_id)};
}

Result<void> check_query_response(const Operation& operation, const HttpResponse& response) {
    if (!is_success(response)) return std::unexpected(query_error(operation, response));
    return ok();
}

}  // namespace emrctl::aws::protocol
