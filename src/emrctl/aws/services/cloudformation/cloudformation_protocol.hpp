#pragma once

// What every CloudFormation call shares: the query protocol at API version 2010-05-15.

#include <string_view>

#include <emrctl/aws/protocol/operation.hpp>

namespace emrctl::aws::cloudformation {

inline constexpr std::string_view k_api_version = "2010-05-15";

constexpr protocol::Operation operation(std::string_view name) {
    return {.service = "cloudformation", .name = name};
}

}  // namespace emrctl::aws::cloudformation
