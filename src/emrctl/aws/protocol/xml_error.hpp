#pragma once

// Errors of the XML protocols. The query protocol (STS, CloudFormation) answers
//   <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>
// (EC2 and moto's older handlers nest <Errors><Error>, with RequestID or no id at all); S3
// (REST-XML) answers <Error><Code/><Message/><RequestId/>…</Error>, or nothing at all to a HEAD.

#include <optional>
#include <string_view>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/operation.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::protocol {

// The error document of any of those shapes; nullopt when the body is not XML or holds no
// <Error> with a <Code>.
std::optional<ErrorDocument> read_xml_error(std::string_view body);

// A failed query-protocol answer.
Error query_error(const Operation& operation, const HttpResponse& response);

// A failed S3 answer. A redirect names the bucket's region (x-amz-bucket-region) in the message,
// since the fix is to use that region.
Error rest_xml_error(const Operation& operation, const HttpResponse& response);

}  // namespace emrctl::aws::protocol
