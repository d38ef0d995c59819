#pragma once

// How an error reads in a terminal: where it is (with the source line and a caret), what is
// wrong, and how to fix it. The only place errors become text.

#include <string>

#include <emrctl/util/error.hpp>

namespace emrctl::cli {

struct Style {
    bool color = false;
};

std::string format_error(const Error& e, Style style);
std::string format_error_json(const Error& e);

}  // namespace emrctl::cli
