#pragma once

// What every STS call shares: the query protocol at API version 2011-06-15.

#include <string_view>

#include <emrctl/aws/protocol/operation.hpp>

namespace emrctl::aws::sts {

inline constexpr std::string_view k_api_version = "2011-06-15";

constexpr protocol::Operation operation(std::string_view name) {
    return {.service = "sts", .name = name};
}

}  // namespace emrctl::aws::sts
