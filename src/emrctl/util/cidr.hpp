#pragma once

// IPv4 CIDR blocks: parsing, and carving a block into equal subnets.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace emrctl::util {

struct Cidr {
    std::uint32_t address = 0;  // host order
    int prefix = 0;

    // The i-th block of length `new_prefix` inside this one.
    Cidr subnet(std::uint32_t index, int new_prefix) const;
    bool host_bits_zero() const;
    Cidr network() const;  // the same block with host bits cleared
    std::string to_string() const;
    friend bool operator==(const Cidr&, const Cidr&) = default;
};

// "172.16.0.0/22"; nothing for anything else (no leading zeros, octets 0-255, prefix 0-32).
std::optional<Cidr> parse_cidr(std::string_view text);

}  // namespace emrctl::util
