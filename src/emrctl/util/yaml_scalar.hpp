#pragma once

// How to write a string as a YAML scalar that every YAML reader (1.1 and 1.2) reads back as that
// same string: plain when nothing could misread it, double-quoted otherwise.

#include <string>
#include <string_view>

namespace emrctl::util {

// True when the text can stand unquoted: it starts with a letter, '_', '/' or is an option
// ("--top", "-v"), holds no ": " or
// " #", no flow, quote or tag characters, does not end in ':' or a space, and is not a word YAML
// 1.1 reads as a bool or null.
bool yaml_plain_safe(std::string_view text);

// The text as a YAML scalar: plain when safe, else double-quoted (JSON escaping).
std::string yaml_scalar(std::string_view text);

}  // namespace emrctl::util
