#include <chrono>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include <emrctl/util/duration.hpp>

namespace emrctl::util {
namespace {

using std::chrono::seconds;

TEST(ParseDuration, ReadsEachUnit) {
    EXPECT_EQ(parse_duration("90s"), seconds(90));
    EXPECT_EQ(parse_duration("45m"), seconds(2700));
    EXPECT_EQ(parse_duration("1h"), seconds(3600));
    EXPECT_EQ(parse_duration("7d"), seconds(604800));
}

TEST(ParseDuration, ReadsUnitsLargestFirst) {
    EXPECT_EQ(parse_duration("1h30m"), seconds(5400));
    EXPECT_EQ(parse_duration("1d2h3m4s"), seconds(93784));
    EXPECT_EQ(parse_duration("2d30s"), seconds(172830));
}

TEST(ParseDuration, ABareNumberIsSeconds) {
    EXPECT_EQ(parse_duration("3600"), seconds(3600));
    EXPECT_EQ(parse_duration("0"), seconds(0));
}

TEST(ParseDuration, RejectsANumberWithoutUnitAfterAUnit) {
    EXPECT_EQ(parse_duration("1h30"), std::nullopt);
}

TEST(ParseDuration, RejectsAUnitWithoutNumber) {
    EXPECT_EQ(parse_duration("m"), std::nullopt);
    EXPECT_EQ(parse_duration("1hm"), std::nullopt);
}

TEST(ParseDuration, RejectsNegativeAndSignedNumbers) {
    EXPECT_EQ(parse_duration("-5s"), std::nullopt);
    EXPECT_EQ(parse_duration("+5s"), std::nullopt);
}

TEST(ParseDuration, RejectsUnitsOutOfOrderOrRepeated) {
    EXPECT_EQ(parse_duration("1m1h"), std::nullopt);
    EXPECT_EQ(parse_duration("1h1h"), std::nullopt);
    EXPECT_EQ(parse_duration("30s1m"), std::nullopt);
}

TEST(ParseDuration, RejectsUnknownUnitsSpacesAndFractions) {
    EXPECT_EQ(parse_duration(""), std::nullopt);
    EXPECT_EQ(parse_duration("5x"), std::nullopt);
    EXPECT_EQ(parse_duration("5S"), std::nullopt);
    EXPECT_EQ(parse_duration("1.5h"), std::nullopt);
    EXPECT_EQ(parse_duration(" 5s"), std::nullopt);
    EXPECT_EQ(parse_duration("5s "), std::nullopt);
    EXPECT_EQ(parse_duration("1h 30m"), std::nullopt);
    EXPECT_EQ(parse_duration("soon"), std::nullopt);
}

TEST(ParseDuration, RejectsOverflow) {
    EXPECT_EQ(parse_duration("9223372036854775807"), seconds(INT64_MAX));
    EXPECT_EQ(parse_duration("9223372036854775808"), std::nullopt);
    EXPECT_EQ(parse_duration("106751991167300d"), seconds(INT64_C(9223372036854720000)));
    EXPECT_EQ(parse_duration("106751991167301d"), std::nullopt);
    // Each part fits, the sum does not.
    EXPECT_EQ(parse_duration("106751991167300d86400s"), std::nullopt);
}

TEST(FormatDuration, WritesTheShortestForm) {
    EXPECT_EQ(format_duration(seconds(0)), "0s");
    EXPECT_EQ(format_duration(seconds(59)), "59s");
    EXPECT_EQ(format_duration(seconds(90)), "1m30s");
    EXPECT_EQ(format_duration(seconds(3600)), "1h");
    EXPECT_EQ(format_duration(seconds(5400)), "1h30m");
    EXPECT_EQ(format_duration(seconds(604800)), "7d");
    EXPECT_EQ(format_duration(seconds(691200)), "8d");
    EXPECT_EQ(format_duration(seconds(93784)), "1d2h3m4s");
    EXPECT_EQ(format_duration(seconds(86401)), "1d1s");
}

TEST(FormatDuration, ReadsBackToTheSameValue) {
    for (std::int64_t s = 0; s < 200000; s += 97) {
        const auto text = format_duration(seconds(s));
        EXPECT_EQ(parse_duration(text), seconds(s)) << text;
    }
    for (const std::int64_t s : {INT64_C(604800), INT64_C(604801), INT64_MAX}) {
        EXPECT_EQ(parse_duration(format_duration(seconds(s))), seconds(s));
    }
}

}  // namespace
}  // namespace emrctl::util
