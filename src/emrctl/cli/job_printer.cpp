#include <chrono>
#include <cstdio>
#include <ostream>

#include <emrctl/cli/job_printer.hpp>
#include <emrctl/jobs/log_files.hpp>
#include <emrctl/util/overloaded.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::cli {

namespace {

constexpr std::size_t k_shown_output_lines = 40;

void indented(std::ostream& out, const std::string& text) {
    for (const auto& line : util::split(text, '\n')) {
        if (!line.empty()) out << "    " << line << "\n";
    }
}

}  // namespace

std::string elapsed_text(std::int64_t from_ms, std::int64_t to_ms) {
    if (from_ms == 0 || to_ms < from_ms) return "";
    const auto ms = to_ms - from_ms;
    char buf[32];
    if (ms < 60'000) {
        std::snprintf(buf, sizeof buf, "%.1fs", static_cast<double>(ms) / 1000.0);
    } else {
        std::snprintf(buf, sizeof buf, "%lldm%02llds", static_cast<long long>(ms / 60'000),
                      static_cast<long long>((ms % 60'000) / 1000));
    }
    return buf;
}

std::string waiting_line(const jobs::JobsWaiting& waiting, std::int64_t now_ms) {
    std::string line = "waiting:";
    const char* separator = " ";
    for (const auto& r : waiting.runs) {
        line += separator + r.job + " " + std::string(jobs::state_name(r.state));
        if (const auto took = elapsed_text(r.started_ms, now_ms); !took.empty()) {
            line += " " + took;
        }
        line += " (" + r.step_id + ")";
        separator = ", ";
    }
    return line;
}

JobPrinter::JobPrinter(std::ostream& out, std::ostream& notes, OutputFormat format, bool local,
                       LiveLine live)
    : m_out(out), m_notes(notes), m_format(format), m_local(local), m_live(live) {}

JobPrinter::~JobPrinter() {
    clear_live_line();
}

void JobPrinter::clear_live_line() {
    if (!m_live_line_shown) return;
    m_out << "\r\033[K" << std::flush;
    m_live_line_shown = false;
}

void JobPrinter::operator()(const jobs::JobEvent& event) {
    if (m_format == OutputFormat::json) return;  // the summary says it all at the end
    if (const auto* waiting = std::get_if<jobs::JobsWaiting>(&event)) {
        if (m_live == LiveLine::off) return;
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        m_out << "\r\033[K" << waiting_line(*waiting, now) << std::flush;
        m_live_line_shown = true;
        return;
    }
    clear_live_line();
    const std::string local = m_local ? " --local" : "";
    std::visit(
        util::Overloaded{
            [&](const jobs::Notice& n) { m_notes << "note: " << n.text << "\n"
                                                 << std::flush; },
            [&](const jobs::JobStarted& s) {
                // EMR steps report PENDING, then RUNNING; a local run starts RUNNING.
                m_out << s.run.job << ": " << jobs::state_name(s.run.state) << " (step "
                      << s.run.step_id << ")\n"
                      << std::flush;
            },
            [](const jobs::JobsWaiting&) {},
            [&](const jobs::JobEnded& e) {
                const auto& r = e.run;
                m_out << r.job << ": " << jobs::state_name(r.state);
                if (const auto took = elapsed_text(r.started_ms, r.ended_ms); !took.empty()) {
                    m_out << " in " << took;
                }
                if (!r.reason.empty()) m_out << " (" << r.reason << ")";
                m_out << "\n";
                if (r.state == jobs::JobState::completed && !e.output.empty()) {
                    const auto lines = util::split(e.output, '\n').size();
                    indented(m_out, jobs::last_lines(e.output, k_shown_output_lines));
                    if (lines > k_shown_output_lines + 1) {
                        m_out << "    ... the whole output: emrctl logs " << r.job << local << "\n";
                    }
                }
                if (r.state == jobs::JobState::failed) {
                    indented(m_out, e.error_tail);
                    m_out << "    the driver's whole stderr: emrctl logs " << r.job << local
                          << " --stderr\n";
                }
                m_out << std::flush;
            },
        },
        event);
}

}  // namespace emrctl::cli
