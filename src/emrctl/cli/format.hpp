#pragma once

// Text layouts shared by commands: tables, sizes, synth summaries.

#include <cstdint>
#include <string>
#include <vector>

#include <emrctl/workspace/synth.hpp>

namespace emrctl::cli {

// Columns padded to their widest cell; the first row is the header.
std::string table(const std::vector<std::vector<std::string>>& rows);

std::string human_bytes(std::uint64_t bytes);  // "24.1 KiB"

std::string synth_summary_text(const workspace::SynthResult& result);
std::string synth_summary_json(const workspace::SynthResult& result);

}  // namespace emrctl::cli
