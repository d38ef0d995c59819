#pragma once

// How job events read in a terminal: one line per state change, the driver's output under a
// completed job, the traceback under a failed one.

#include <iosfwd>

#include <emrctl/cli/global_options.hpp>
#include <emrctl/jobs/events.hpp>

namespace emrctl::cli {

class JobPrinter {
  public:
    JobPrinter(std::ostream& out, std::ostream& notes, OutputFormat format, bool local);
    void operator()(const jobs::JobEvent& event);

  private:
    std::ostream& m_out;
    std::ostream& m_notes;
    OutputFormat m_format;
    bool m_local;
};

std::string elapsed_text(std::int64_t from_ms, std::int64_t to_ms);  // "9.8s", "2m05s"

}  // namespace emrctl::cli
