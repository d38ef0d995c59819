#pragma once

// What every EC2 call shares: EC2's dialect of the query protocol at API version 2016-11-15.
// Requests are form-encoded like the query protocol's, but a list is flattened without ".member":
// GroupId.1=sg-1&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1, and an empty list is not sent.
// Answers have no <OpResult> wrapper (the fields sit under the root, which carries the EC2
// namespace as its default xmlns), name their fields in lowerCamelCase (<groupId>), hold list
// elements as <item>, and carry <requestId> at the top. Errors are
// <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>, which
// protocol::query_error reads.

#include <string_view>

#include <emrctl/aws/protocol/operation.hpp>

namespace emrctl::aws::ec2 {

inline constexpr std::string_view k_api_version = "2016-11-15";

constexpr protocol::Operation operation(std::string_view name) {
    return {.service = "ec2", .name = name};
}

}  // namespace emrctl::aws::ec2
