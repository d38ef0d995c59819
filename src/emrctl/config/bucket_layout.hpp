#pragma once

// Where a project's files live in its data bucket, and so also under the local run folder:
// code/, data/<job>/, outputs/<job>/, bootstrap/. The seed app used the same code/, data/ and
// outputs/ keys, so its jobs find their inputs where they always did.

#include <string>

#include <emrctl/config/project.hpp>

namespace emrctl::config {

std::string code_key(const Job& job);                  // "code/pi.py"
std::string data_prefix(const Job& job);               // "data/wordcount/"
std::string output_prefix(const Job& job);             // "outputs/wordcount"
std::string bootstrap_key(const std::string& script);  // "bootstrap/install.sh"

// The last component of a '/'-separated path.
std::string base_name(const std::string& path);

}  // namespace emrctl::config
