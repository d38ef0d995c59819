#include <charconv>

#include <emrctl/util/cidr.hpp>

namespace emrctl::util {

namespace {

std::uint32_t mask(int prefix) {
    return prefix == 0 ? 0U : ~std::uint32_t{0} << (32 - prefix);
}

std::optional<unsigned> number(std::string_view text, unsigned max) {
    if (text.empty() || text.size() > 3 || (text.size() > 1 && text.front() == '0')) {
        return std::nullopt;
    }
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value > max) return std::nullopt;
    return value;
}

}  // namespace

std::optional<Cidr> parse_cidr(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto prefix = number(text.substr(slash + 1), 32);
    if (!prefix) return std::nullopt;
    std::uint32_t address = 0;
    auto rest = text.substr(0, slash);
    for (int octet = 0; octet < 4; ++octet) {
        const auto dot = rest.find('.');
        if ((octet < 3) == (dot == std::string_view::npos)) return std::nullopt;
        const auto part = number(rest.substr(0, dot), 255);
        if (!part) return std::nullopt;
        address = (address << 8) | *part;
        rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    }
    return Cidr{address, static_cast<int>(*prefix)};
}

Cidr Cidr::subnet(std::uint32_t index, int new_prefix) const {
    const std::uint32_t size = new_prefix == 32 ? 1U : std::uint32_t{1} << (32 - new_prefix);
    return Cidr{network().address + index * size, new_prefix};
}

bool Cidr::host_bits_zero() const {
    return (address & ~mask(prefix)) == 0;
}

Cidr Cidr::network() const {
    return Cidr{address & mask(prefix), prefix};
}

std::string Cidr::to_string() const {
    return std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 0xff) + "." +
           std::to_string((address >> 8) & 0xff) + "." + std::to_string(address & 0xff) + "/" +
           std::to_string(prefix);
}

}  // namespace emrctl::util
