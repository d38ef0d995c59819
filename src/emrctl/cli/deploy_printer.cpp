#include <cstdio>
#include <ctime>
#include <ostream>

#include <emrctl/cli/deploy_printer.hpp>
#include <emrctl/cli/format.hpp>
#include <emrctl/cli/job_printer.hpp>
#include <emrctl/util/overloaded.hpp>

namespace emrctl::cli {

namespace {

std::string clock_time(const std::optional<aws::protocol::Timestamp>& t) {
    if (!t) return "        ";
    const auto seconds = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::seconds>(*t));
    std::tm local{};
    ::localtime_r(&seconds, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &local);
    return buf;
}

std::string padded(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

char change_mark(const std::string& action) {
    if (action == "Add" || action == "Import") return '+';
    if (action == "Remove") return '-';
    return '~';
}

std::string ms_text(std::chrono::milliseconds ms) {
    return elapsed_text(1, 1 + ms.count());
}

}  // namespace

std::string rate_text(std::uint64_t bytes, std::chrono::milliseconds elapsed) {
    if (elapsed.count() <= 0) return "";
    const auto per_second =
        static_cast<double>(bytes) * 1000.0 / static_cast<double>(elapsed.count());
    return human_bytes(static_cast<std::uint64_t>(per_second)) + "/s";
}

DeployPrinter::DeployPrinter(std::ostream& out, OutputFormat format, bool terminal)
    : m_out(out), m_format(format), m_terminal(terminal) {}

void DeployPrinter::end_progress_line() {
    if (!m_progress_shown) return;
    m_out << "\n";
    m_progress_shown = false;
}

void DeployPrinter::progress(const deploy::PublishProgress& p) {
    if (!m_terminal) return;
    const auto now = std::chrono::steady_clock::now();
    const bool last = p.files_done == p.files_total;
    if (!last && now - m_last_progress < std::chrono::milliseconds(100)) return;
    m_last_progress = now;
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(now - m_publish_started);
    m_out << "\r\x1b[2K  uploading " << p.files_done << "/" << p.files_total << " files, "
          << human_bytes(p.bytes_done) << " of " << human_bytes(p.bytes_total);
    if (const auto rate = rate_text(p.bytes_done, elapsed); !rate.empty()) m_out << ", " << rate;
    m_out << std::flush;
    m_progress_shown = true;
}

void DeployPrinter::operator()(const deploy::DeployEvent& event) {
    if (m_format == OutputFormat::json) return;  // the summary says it all at the end
    if (!std::holds_alternative<deploy::PublishAdvanced>(event)) end_progress_line();
    std::visit(util::Overloaded{
                   [&](const deploy::Notice& n) { m_out << "  " << n.text << "\n"; },
                   [&](const deploy::ChangeSetReady& c) {
                       std::size_t add = 0, modify = 0, remove = 0;
                       for (const auto& r : c.changes) {
                           const bool added = r.action == "Add" || r.action == "Import";
                           (added ? add : r.action == "Remove" ? remove : modify) += 1;
                       }
                       m_out << c.stack << ": " << add << " to add, " << modify << " to modify, "
                             << remove << " to remove\n";
                       for (const auto& r : c.changes) {
                           m_out << "  " << change_mark(r.action) << " "
                                 << padded(r.resource_type, 40) << " " << r.logical_id;
                           if (r.action == "Import") m_out << "  (adopted)";
                           if (r.replacement == "True") m_out << "  (replaced)";
                           if (r.replacement == "Conditional") m_out << "  (may be replaced)";
                           m_out << "\n";
                       }
                   },
                   [&](const deploy::StackUnchanged& u) { m_out << u.stack << ": no changes\n"; },
                   [&](const deploy::StackEventSeen& s) {
                       const auto& e = s.event;
                       m_out << "  " << clock_time(e.timestamp) << "  " << padded(e.status, 20)
                             << " " << padded(e.resource_type, 36) << " " << e.logical_id;
                       if (!e.status_reason.empty()) m_out << "  " << e.status_reason;
                       m_out << "\n";
                   },
                   [&](const deploy::StackSettled& s) {
                       m_out << s.stack << ": " << s.status << " in " << ms_text(s.elapsed) << "\n";
                   },
                   [&](const deploy::PublishStarted& p) {
                       m_publish_started = std::chrono::steady_clock::now();
                       m_out << "assets: " << p.upload_files << " to upload ("
                             << human_bytes(p.upload_bytes) << "), " << p.unchanged_files
                             << " unchanged, " << p.remove_files << " to delete\n";
                   },
                   [&](const deploy::PublishAdvanced& a) { progress(a.progress); },
                   [&](const deploy::PublishFinished& f) {
                       const auto& plan = f.report.plan;
                       m_out << "assets: " << plan.upload.size() << " uploaded ("
                             << human_bytes(plan.upload_bytes) << "), " << plan.unchanged.size()
                             << " unchanged, " << plan.remove.size() << " deleted in "
                             << ms_text(f.report.elapsed);
                       if (plan.upload_bytes > 0) {
                           m_out << " (" << rate_text(plan.upload_bytes, f.report.elapsed) << ")";
                       }
                       m_out << "\n";
                   },
                   [&](const aws::RetryNotice& r) {
                       m_out << "  an AWS call failed (attempt " << r.attempt << "); retrying in "
                             << ms_text(r.delay) << "\n";
                   },
               },
               event);
    m_out << std::flush;
}

}  // namespace emrctl::cli
