#include <array>
#include <charconv>
#include <cmath>

#include <emrctl/aws/protocol/timestamp.hpp>

namespace emrctl::aws::protocol {

namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

// Exactly `width` decimal digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

struct Fields {
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

std::optional<Timestamp> to_timestamp(const Fields& f) {
    const std::chrono::year_month_day date{std::chrono::year{f.year},
                                           std::chrono::month{static_cast<unsigned>(f.month)},
                                           std::chrono::day{static_cast<unsigned>(f.day)}};
    // 60 allows a leap second, which AWS never sends but RFC 3339 permits.
    if (!date.ok() || f.hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;
    return Timestamp{std::chrono::sys_days{date}} + hours{f.hour} + minutes{f.minute} +
           seconds{f.second};
}

}  // namespace

std::optional<Timestamp> parse_iso8601(std::string_view text) {
    // 2011-07-15T23:28:33
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    const auto hour = digits(text, 11, 2);
    const auto minute = digits(text, 14, 2);
    const auto second = digits(text, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
    if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't') ||
        text[13] != ':' || text[16] != ':') {
        return std::nullopt;
    }
    auto time = to_timestamp({*year, *month, *day, *hour, *minute, *second});
    if (!time) return std::nullopt;

    std::size_t pos = 19;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int millis = 0;
        int scale = 100;
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            millis += (text[pos] - '0') * scale;  // digits past the third add nothing
            scale /= 10;
            ++pos;
        }
        if (pos == start) return std::nullopt;
        *time += milliseconds{millis};
    }
    if (pos == text.size()) return time;
    if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) return time;
    if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
        const auto offset_hours = digits(text, pos + 1, 2);
        const auto offset_minutes = digits(text, pos + 4, 2);
        if (!offset_hours || !offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
            return std::nullopt;
        }
        const auto offset = hours{*offset_hours} + minutes{*offset_minutes};
        // A local time east of UTC is ahead of it: subtract to get UTC.
        return text[pos] == '+' ? *time - offset : *time + offset;
    }
    return std::nullopt;
}

std::optional<Timestamp> parse_http_date(std::string_view text) {
    // Wed, 12 Oct 2009 17:50:00 GMT
    static constexpr std::array<std::string_view, 12> k_months{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT") {
        return std::nullopt;
    }
    const auto day = digits(text, 5, 2);
    const auto year = digits(text, 12, 4);
    const auto hour = digits(text, 17, 2);
    const auto minute = digits(text, 20, 2);
    const auto second = digits(text, 23, 2);
    if (!day || !year || !hour || !minute || !second) return std::nullopt;
    if (text[7] != ' ' || text[11] != ' ' || text[16] != ' ' || text[19] != ':' ||
        text[22] != ':') {
        return std::nullopt;
    }
    const auto name = text.substr(8, 3);
    int month = 0;
    for (std::size_t i = 0; i < k_months.size(); ++i) {
        if (k_months[i] == name) month = static_cast<int>(i) + 1;
    }
    if (month == 0) return std::nullopt;
    return to_timestamp({*year, month, *day, *hour, *minute, *second});
}

std::optional<Timestamp> from_epoch_seconds(double value) {
    // Beyond about ±95,000 years the millisecond count would overflow; the bound is far tighter.
    constexpr double k_limit = 95'617'584'000.0;  // seconds from 1970 to the year 5000
    if (!std::isfinite(value) || std::fabs(value) > k_limit) return std::nullopt;
    return Timestamp{milliseconds{std::llround(value * 1000.0)}};
}

}  // namespace emrctl::aws::protocol
