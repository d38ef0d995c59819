#pragma once

// A template parameter: a value the stack is given at each deploy rather than written into the
// template, so that changing it changes the stack while the template stays the same.

#include <string>

namespace emrctl::cfn {

struct Parameter {
    std::string type = "String";  // "String", "Number"…
    std::string default_value;    // what CloudFormation uses when a deploy passes none
    std::string description;      // what it is for, shown in the console
};

}  // namespace emrctl::cfn
