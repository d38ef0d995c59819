#pragma once

// How deploy, diff and destroy events read in a terminal: the change set as a list, each stack
// event as a line (time, status, type, logical id, reason), uploads as one progress line that
// rewrites itself on a terminal and a summary line otherwise.

#include <chrono>
#include <iosfwd>

#include <emrctl/cli/global_options.hpp>
#include <emrctl/deploy/deploy_events.hpp>

namespace emrctl::cli {

class DeployPrinter {
  public:
    DeployPrinter(std::ostream& out, OutputFormat format, bool terminal);
    void operator()(const deploy::DeployEvent& event);

  private:
    void progress(const deploy::PublishProgress& p);
    void end_progress_line();

    std::ostream& m_out;
    OutputFormat m_format;
    bool m_terminal;
    bool m_progress_shown = false;
    std::chrono::steady_clock::time_point m_publish_started;
    std::chrono::steady_clock::time_point m_last_progress;
};

std::string rate_text(std::uint64_t bytes, std::chrono::milliseconds elapsed);  // "85.2 MiB/s"

}  // namespace emrctl::cli
