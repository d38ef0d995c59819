#include <chrono>

#include <gtest/gtest.h>

#include <emrctl/aws/protocol/timestamp.hpp>

namespace emrctl::aws::protocol {
namespace {

using namespace std::chrono;

Timestamp utc(int y, unsigned mo, unsigned d, int h, int mi, int s, int ms = 0) {
    return Timestamp{sys_days{year{y} / month{mo} / day{d}}} + hours{h} + minutes{mi} + seconds{s} +
           milliseconds{ms};
}

TEST(ParseIso8601, ReadsTheFormsAwsWrites) {
    EXPECT_EQ(parse_iso8601("2011-07-15T23:28:33.359Z"), utc(2011, 7, 15, 23, 28, 33, 359));
    EXPECT_EQ(parse_iso8601("2011-07-15T23:28:33Z"), utc(2011, 7, 15, 23, 28, 33));
    // moto writes microseconds; only milliseconds are kept.
    EXPECT_EQ(parse_iso8601("2024-02-29T00:00:01.123456Z"), utc(2024, 2, 29, 0, 0, 1, 123));
    EXPECT_EQ(parse_iso8601("2011-07-15T23:28:33"), utc(2011, 7, 15, 23, 28, 33));
}

TEST(ParseIso8601, AppliesAnOffsetToGetUtc) {
    EXPECT_EQ(parse_iso8601("2011-07-16T01:28:33+02:00"), utc(2011, 7, 15, 23, 28, 33));
    EXPECT_EQ(parse_iso8601("2011-07-15T20:28:33.5-03:00"), utc(2011, 7, 15, 23, 28, 33, 500));
}

TEST(ParseIso8601, RejectsAnythingElse) {
    for (const auto* text :
         {"", "2011-07-15", "2011-02-30T00:00:00Z", "2011-07-15T24:00:00Z", "2011-07-15 23:28:33Z",
          "2011-07-15T23:28:33.Z", "2011-07-15T23:28:33Zjunk", "2011-07-15T23:28:33+0200",
          "20११-07-15T23:28:33Z", "1.5e9"}) {
        EXPECT_FALSE(parse_iso8601(text)) << text;
    }
}

TEST(ParseHttpDate, ReadsImfFixdate) {
    EXPECT_EQ(parse_http_date("Wed, 12 Oct 2009 17:50:00 GMT"), utc(2009, 10, 12, 17, 50, 0));
    EXPECT_FALSE(parse_http_date("Wed, 12 Oct 2009 17:50:00 UTC"));
    EXPECT_FALSE(parse_http_date("Wed, 31 Feb 2009 17:50:00 GMT"));
    EXPECT_FALSE(parse_http_date("Wed, 12 Foo 2009 17:50:00 GMT"));
    EXPECT_FALSE(parse_http_date("2009-10-12T17:50:00Z"));
}

TEST(FromEpochSeconds, KeepsMillisecondsAndRejectsNonsense) {
    EXPECT_EQ(from_epoch_seconds(1.700000000123e9), utc(2023, 11, 14, 22, 13, 20, 123));
    EXPECT_EQ(from_epoch_seconds(1700000000.25), utc(2023, 11, 14, 22, 13, 20, 250));
    EXPECT_FALSE(from_epoch_seconds(std::numeric_limits<double>::infinity()));
    EXPECT_FALSE(from_epoch_seconds(std::numeric_limits<double>::quiet_NaN()));
    EXPECT_FALSE(from_epoch_seconds(1e300));
}

}  // namespace
}  // namespace emrctl::aws::protocol
