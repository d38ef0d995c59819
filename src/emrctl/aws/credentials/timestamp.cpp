#include <cstdio>

#include <emrctl/aws/credentials/timestamp.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>

namespace emrctl::aws {

std::string format_timestamp(std::chrono::sys_seconds time) {
    const auto day = std::chrono::floor<std::chrono::days>(time);
    const std::chrono::year_month_day date{day};
    const std::chrono::hh_mm_ss clock{time - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                  static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()));
    return text;
}

std::optional<std::chrono::sys_seconds> parse_timestamp(std::string_view text) {
    // An expiration without a zone is ambiguous: refuse it rather than guess UTC.
    const bool has_zone =
        text.ends_with('Z') ||
        (text.size() > 6 && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-'));
    if (!has_zone) return std::nullopt;
    const auto parsed = protocol::parse_iso8601(text);
    if (!parsed) return std::nullopt;
    return std::chrono::floor<std::chrono::seconds>(*parsed);
}

}  // namespace emrctl::aws
