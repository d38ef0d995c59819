#include <array>
#include <cctype>

#include <emrctl/util/strings.hpp>
#include <emrctl/util/yaml_scalar.hpp>

namespace emrctl::util {

bool yaml_plain_safe(std::string_view s) {
    if (s.empty()) return false;
    static constexpr std::array<std::string_view, 12> k_reserved{
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", ".", "nan"};
    const auto lower = to_lower(s);
    for (auto word : k_reserved) {
        if (lower == word) return false;
    }
    const auto first = static_cast<unsigned char>(s.front());
    // "--partitions" is text; "-5" or "- x" would not be.
    const bool option_like = s.size() > 1 && s[0] == '-' &&
                             (s[1] == '-' || std::isalpha(static_cast<unsigned char>(s[1])) != 0);
    if (std::isalpha(first) == 0 && s.front() != '_' && s.front() != '/' && !option_like) {
        return false;
    }
    if (s.back() == ':' || s.back() == ' ') return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos) {
        return false;
    }
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f) return false;
        if (std::string_view("{}[],'\"`|>&*!%@\\").find(c) != std::string_view::npos) return false;
    }
    return true;
}

std::string yaml_scalar(std::string_view text) {
    return yaml_plain_safe(text) ? std::string(text) : json_quote(text);
}

}  // namespace emrctl::util
