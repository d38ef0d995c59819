#pragma once

// One function per command: run it and print what it has to say. Errors go back to main.

#include <string>

#include <emrctl/cli/global_options.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::cli {

struct ValidateOptions {
    bool explain = false;
};
Result<void> run_validate(const GlobalOptions& global, const ValidateOptions& options);

struct SynthOptions {
    std::string output_dir;  // empty: <project>/emrctl.out
    std::string stack;       // print this stack's template as YAML
};
Result<void> run_synth(const GlobalOptions& global, const SynthOptions& options);

Result<void> run_ls(const GlobalOptions& global);

}  // namespace emrctl::cli
