#pragma once

// How job events read in a terminal: one line per state change, the driver's output under a
// completed job, the traceback under a failed one.

#include <iosfwd>

#include <emrctl/cli/global_options.hpp>
#include <emrctl/jobs/events.hpp>

namespace emrctl::cli {

// On a terminal, one status line that is rewritten while jobs are waited for.
enum class LiveLine { off, on };

class JobPrinter {
  public:
    JobPrinter(std::ostream& out, std::ostream& notes, OutputFormat format, bool local,
               LiveLine live = LiveLine::off);
    ~JobPrinter();
    JobPrinter(const JobPrinter&) = delete;
    JobPrinter& operator=(const JobPrinter&) = delete;
    void operator()(const jobs::JobEvent& event);

  private:
    void clear_live_line();

    std::ostream& m_out;
    std::ostream& m_notes;
    OutputFormat m_format;
    bool m_local;
    LiveLine m_live;
    bool m_live_line_shown = false;
};

// The live line: "waiting: pi RUNNING 1m05s (s-1ABC), wordcount PENDING (s-2DEF)".
std::string waiting_line(const jobs::JobsWaiting& waiting, std::int64_t now_ms);

std::string elapsed_text(std::int64_t from_ms, std::int64_t to_ms);  // "9.8s", "2m05s"

}  // namespace emrctl::cli
