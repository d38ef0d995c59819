#include <array>
#include <charconv>
#include <limits>
#include <utility>

#include <emrctl/util/duration.hpp>

namespace emrctl::util {

namespace {
constexpr std::array<std::pair<char, std::int64_t>, 4> k_units{
    {{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}}};
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::int64_t total = 0;
    std::size_t next_unit = 0;  // units must come largest first, each at most once
    const char* p = text.data();
    const char* end = text.data() + text.size();
    while (p < end) {
        std::int64_t n = 0;
        const auto [after, ec] = std::from_chars(p, end, n);
        if (ec != std::errc{} || n < 0) return std::nullopt;
        p = after;
        std::int64_t scale = 1;
        if (p == end) {
            if (next_unit != 0) return std::nullopt;  // "1h30": a unit is missing
        } else {
            std::size_t u = next_unit;
            while (u < k_units.size() && k_units[u].first != *p)
                ++u;
            if (u == k_units.size()) return std::nullopt;
            scale = k_units[u].second;
            next_unit = u + 1;
            ++p;
        }
        if (n > (std::numeric_limits<std::int64_t>::max() - total) / scale) return std::nullopt;
        total += n * scale;
    }
    return std::chrono::seconds(total);
}

std::string format_duration(std::chrono::seconds d) {
    std::int64_t left = d.count();
    if (left == 0) return "0s";
    std::string out;
    for (const auto& [unit, scale] : k_units) {
        if (left >= scale) {
            out += std::to_string(left / scale);
            out += unit;
            left %= scale;
        }
    }
    return out;
}

}  // namespace emrctl::util
