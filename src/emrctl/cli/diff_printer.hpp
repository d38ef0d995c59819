#pragma once

// How `emrctl diff` reads in a terminal, in the manner of `cdk diff`: a heading per stack, a
// section per part of the template, one line per added, removed or modified entry, and the
// property changes of a modified one under it.

#include <string>

#include <emrctl/cfn/template_diff.hpp>
#include <emrctl/cli/error_printer.hpp>

namespace emrctl::cli {

// Values longer than this many bytes are cut, with "…" at the end.
inline constexpr std::size_t k_diff_value_width = 100;

//   Stack quickstart
//   Resources
//   [+] AWS::S3::Bucket DataBucket
//   [~] AWS::EMR::Cluster EmrCluster
//    └─ [~] Properties.ReleaseLabel: "emr-7.1.0" → "emr-7.2.0"
// Markers are green, red and yellow when style.color is set.
std::string format_template_diff(const cfn::TemplateDiff& diff, const std::string& stack_name,
                                 Style style);

}  // namespace emrctl::cli
