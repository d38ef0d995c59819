#pragma once

// Which call an answer belongs to: every AWS error message starts with it
// ("cloudformation DescribeStacks: ...").

#include <string_view>

namespace emrctl::aws::protocol {

struct Operation {
    std::string_view service;  // "sts", "cloudformation", "s3", "emr": how users name the service
    std::string_view name;     // the API operation: "DescribeStacks"
};

}  // namespace emrctl::aws::protocol
