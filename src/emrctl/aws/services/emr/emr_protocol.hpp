#pragma once

// What every EMR call shares: JSON 1.1 with targets "ElasticMapReduce.<Operation>".

#include <string_view>

#include <emrctl/aws/protocol/operation.hpp>

namespace emrctl::aws::emr {

inline constexpr std::string_view k_target_prefix = "ElasticMapReduce";

constexpr protocol::Operation operation(std::string_view name) {
    return {.service = "emr", .name = name};
}

}  // namespace emrctl::aws::emr
