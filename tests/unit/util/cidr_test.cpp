#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include <emrctl/util/cidr.hpp>

namespace emrctl::util {
namespace {

constexpr std::uint32_t address(std::uint32_t a, std::uint32_t b, std::uint32_t c,
                                std::uint32_t d) {
    return (a << 24) | (b << 16) | (c << 8) | d;
}

TEST(ParseCidr, ReadsAddressInHostOrderAndPrefix) {
    const auto cidr = parse_cidr("172.16.0.0/22");
    ASSERT_TRUE(cidr);
    EXPECT_EQ(cidr->address, address(172, 16, 0, 0));
    EXPECT_EQ(cidr->prefix, 22);
}

TEST(ParseCidr, ReadsTheExtremes) {
    EXPECT_EQ(parse_cidr("0.0.0.0/0"), (Cidr{0, 0}));
    EXPECT_EQ(parse_cidr("255.255.255.255/32"), (Cidr{0xffffffffU, 32}));
    EXPECT_EQ(parse_cidr("10.0.0.0/8"), (Cidr{address(10, 0, 0, 0), 8}));
}

TEST(ParseCidr, RejectsAMissingOrEmptyPrefix) {
    EXPECT_EQ(parse_cidr("172.16.0.0"), std::nullopt);
    EXPECT_EQ(parse_cidr("172.16.0.0/"), std::nullopt);
    EXPECT_EQ(parse_cidr("/16"), std::nullopt);
}

TEST(ParseCidr, RejectsAPrefixOver32) {
    EXPECT_EQ(parse_cidr("10.0.0.0/33"), std::nullopt);
    EXPECT_EQ(parse_cidr("10.0.0.0/-1"), std::nullopt);
    EXPECT_EQ(parse_cidr("10.0.0.0/1000"), std::nullopt);
}

TEST(ParseCidr, RejectsOctetsOver255) {
    EXPECT_EQ(parse_cidr("256.0.0.0/16"), std::nullopt);
    EXPECT_EQ(parse_cidr("300.1.2.3/22"), std::nullopt);
    EXPECT_EQ(parse_cidr("10.0.0.1000/16"), std::nullopt);
}

TEST(ParseCidr, RejectsLeadingZeros) {
    EXPECT_EQ(parse_cidr("01.2.3.4/16"), std::nullopt);
    EXPECT_EQ(parse_cidr("1.2.3.04/16"), std::nullopt);
    EXPECT_EQ(parse_cidr("1.2.3.0/016"), std::nullopt);
    EXPECT_EQ(parse_cidr("1.2.00.0/16"), std::nullopt);
}

TEST(ParseCidr, RejectsTheWrongNumberOfOctets) {
    EXPECT_EQ(parse_cidr("1.2.3/16"), std::nullopt);
    EXPECT_EQ(parse_cidr("1.2.3.4.5/16"), std::nullopt);
    EXPECT_EQ(parse_cidr("1..3.4/16"), std::nullopt);
    EXPECT_EQ(parse_cidr("1.2.3./16"), std::nullopt);
}

TEST(ParseCidr, RejectsAnythingElse) {
    EXPECT_EQ(parse_cidr(""), std::nullopt);
    EXPECT_EQ(parse_cidr("abc"), std::nullopt);
    EXPECT_EQ(parse_cidr("a.b.c.d/16"), std::nullopt);
    EXPECT_EQ(parse_cidr(" 10.0.0.0/16"), std::nullopt);
    EXPECT_EQ(parse_cidr("10.0.0.0/16 "), std::nullopt);
    EXPECT_EQ(parse_cidr("10.0.0.0/16/2"), std::nullopt);
    EXPECT_EQ(parse_cidr("+1.2.3.4/16"), std::nullopt);
}

TEST(Cidr, SubnetCarvesEqualBlocksFromTheStart) {
    const Cidr vpc = *parse_cidr("172.16.0.0/22");
    EXPECT_EQ(vpc.subnet(0, 24).to_string(), "172.16.0.0/24");
    EXPECT_EQ(vpc.subnet(1, 24).to_string(), "172.16.1.0/24");
    EXPECT_EQ(vpc.subnet(3, 24).to_string(), "172.16.3.0/24");
    EXPECT_EQ(vpc.subnet(5, 25).to_string(), "172.16.2.128/25");
}

TEST(Cidr, SubnetOfASmallBlock) {
    const Cidr vpc = *parse_cidr("10.0.0.0/24");
    EXPECT_EQ(vpc.subnet(5, 27).to_string(), "10.0.0.160/27");
    EXPECT_EQ(vpc.subnet(3, 32).to_string(), "10.0.0.3/32");
}

TEST(Cidr, SubnetStartsFromTheNetworkAddress) {
    const Cidr vpc = *parse_cidr("172.16.1.5/22");
    EXPECT_EQ(vpc.subnet(1, 24).to_string(), "172.16.1.0/24");
}

TEST(Cidr, HostBitsZeroOnlyAtTheStartOfABlock) {
    EXPECT_TRUE(parse_cidr("172.16.0.0/22")->host_bits_zero());
    EXPECT_TRUE(parse_cidr("172.16.4.0/22")->host_bits_zero());
    EXPECT_FALSE(parse_cidr("172.16.2.0/22")->host_bits_zero());
    EXPECT_FALSE(parse_cidr("172.16.0.1/22")->host_bits_zero());
    EXPECT_TRUE(parse_cidr("0.0.0.0/0")->host_bits_zero());
    EXPECT_FALSE(parse_cidr("0.0.0.1/0")->host_bits_zero());
    EXPECT_TRUE(parse_cidr("1.2.3.4/32")->host_bits_zero());
}

TEST(Cidr, NetworkClearsTheHostBits) {
    EXPECT_EQ(parse_cidr("172.16.0.1/22")->network().to_string(), "172.16.0.0/22");
    EXPECT_EQ(parse_cidr("172.16.7.255/22")->network().to_string(), "172.16.4.0/22");
    EXPECT_EQ(parse_cidr("10.1.2.3/8")->network().to_string(), "10.0.0.0/8");
    EXPECT_EQ(parse_cidr("10.1.2.3/0")->network().to_string(), "0.0.0.0/0");
    EXPECT_EQ(parse_cidr("10.1.2.3/32")->network().to_string(), "10.1.2.3/32");
}

TEST(Cidr, ToStringReadsBack) {
    for (const std::string text :
         {"172.16.0.0/22", "0.0.0.0/0", "255.255.255.255/32", "10.200.3.17/16"}) {
        const auto cidr = parse_cidr(text);
        ASSERT_TRUE(cidr) << text;
        EXPECT_EQ(cidr->to_string(), text);
    }
}

}  // namespace
}  // namespace emrctl::util
