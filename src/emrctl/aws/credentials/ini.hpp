#pragma once

// The INI dialect of ~/.aws/config and ~/.aws/credentials, as the AWS SDKs' shared-file
// specification reads it, keeping line numbers so that errors point into the file:
//
//   # full-line comments start with # or ;
//   [profile dev]                 ; a comment may follow a section header
//   region = eu-west-3            # in a value, only after white space: "a#b" keeps its '#'
//   role_arn=arn:aws:iam::1:role/x=y     (the value is everything after the first '=')
//   s3 =                          (an empty value opens a sub-section of indented properties)
//     addressing_style = path
//
// An indented line after a non-empty value continues it (joined with '\n'). Keys are
// lower-cased; section names are kept as written (the files decide what "profile x" means).

#include <string>
#include <string_view>
#include <vector>

#include <emrctl/util/error.hpp>

namespace emrctl::aws {

struct IniProperty {
    std::string key;
    std::string value;
    int line = 0;
    std::string line_text;
    std::vector<IniProperty> children;  // the sub-section under `key =`
};

struct IniSection {
    std::string name;  // between the brackets, trimmed: "default", "profile dev"
    int line = 0;
    std::vector<IniProperty> properties;
};

struct IniDocument {
    std::vector<IniSection> sections;  // in file order; a name may repeat
};

// Fails with a config error at the first line that is none of the above; `file_name` goes into
// the error's location.
Result<IniDocument> parse_ini(std::string_view text, const std::string& file_name);

}  // namespace emrctl::aws
