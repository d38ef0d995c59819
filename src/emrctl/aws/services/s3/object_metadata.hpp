#pragma once

// User metadata: x-amz-meta-<name> headers on the way in and out. S3 lower-cases the names and
// keeps the values as given (ASCII only: it answers other bytes RFC 2047-encoded).

#include <string>
#include <utility>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/http_response.hpp>

namespace emrctl::aws::s3 {

using Metadata = std::vector<std::pair<std::string, std::string>>;  // name without the prefix

void add_metadata(HttpRequest& request, const Metadata& metadata);

// In the order the headers came, names lower-cased.
Metadata read_metadata(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::s3
