#pragma once

// Flags every command takes (DESIGN.md §2).

#include <string>
#include <vector>

namespace emrctl::cli {

enum class OutputFormat { text, json };

struct GlobalOptions {
    std::string file;                  // -f: emrctl.yaml or a project folder
    std::vector<std::string> context;  // -c key=value
    std::string profile;
    std::string region;
    std::string endpoint_url;
    OutputFormat output = OutputFormat::text;
    bool yes = false;
    bool verbose = false;
};

}  // namespace emrctl::cli
