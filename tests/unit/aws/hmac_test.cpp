#include <string>

#include <gtest/gtest.h>

#include <emrctl/aws/hmac.hpp>

namespace emrctl::aws {
namespace {

// RFC 4231, the HMAC-SHA256 test cases.
TEST(HmacSha256, MatchesRfc4231ShortKey) {
    EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, MatchesRfc4231BinaryKey) {
    EXPECT_EQ(to_hex(hmac_sha256(std::string(20, '\x0b'), "Hi There")),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacSha256, MatchesRfc4231KeyLongerThanABlock) {
    EXPECT_EQ(to_hex(hmac_sha256(std::string(131, '\xaa'),
                                 "Test Using Larger Than Block-Size Key - Hash Key First")),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256, GivesTheRaw32ByteDigest) {
    EXPECT_EQ(hmac_sha256("key", "data").size(), 32U);
}

TEST(ToHex, WritesEveryByteAsTwoLowerCaseDigits) {
    EXPECT_EQ(to_hex(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
    EXPECT_EQ(to_hex(""), "");
}

}  // namespace
}  // namespace emrctl::aws
