#pragma once

// Query-protocol answers: <OpResponse><OpResult>…</OpResult><ResponseMetadata>…</OpResponse>.
// The parsers read the <OpResult> element. The root's name is not checked: moto answers
// CreateChangeSet with a <CreateStackResponse> root, and nothing is learnt from the name.

#include <pugixml.hpp>

#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/operation.hpp>
#include <emrctl/aws/protocol/xml_reader.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::protocol {

struct QueryResult {
    XmlDocument document;
    // <OpResult>, or the root when an operation that returns nothing omits it (moto's
    // DeleteStack): either way the fields read as empty.
    pugi::xml_node result;
    std::string request_id;  // ResponseMetadata/RequestId
};

// query_error for a failed status; malformed_response for a body that is not XML.
Result<QueryResult> read_query_response(const Operation& operation, const HttpResponse& response);

// A successful answer whose body is not read: only its status is checked.
Result<void> check_query_response(const Operation& operation, const HttpResponse& response);

}  // namespace emrctl::aws::protocol
