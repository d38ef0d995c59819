#pragma once

// Runs a program to completion with its output in files: the one place emrctl starts processes.
// Ctrl-C reaches the child (it shares our process group); emrctl itself keeps running to record
// what happened, and says so through `interrupted`.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <emrctl/util/error.hpp>

namespace emrctl::jobs {

struct ProcessSpec {
    std::vector<std::string> argv;           // argv[0] is looked up on PATH
    std::map<std::string, std::string> env;  // added to (or replacing in) our environment
    std::filesystem::path cwd;               // empty: ours
    std::filesystem::path stdout_file;       // empty: inherit ours
    std::filesystem::path stderr_file;       // empty: inherit ours
};

struct ProcessResult {
    int exit_code = 0;         // 128 + signal number when a signal ended it
    bool interrupted = false;  // the user pressed Ctrl-C while it ran
};

Result<ProcessResult> run_process(const ProcessSpec& spec);

// Whether an executable of this name is on PATH (or the path exists and is executable).
bool find_executable(const std::string& name);

}  // namespace emrctl::jobs
