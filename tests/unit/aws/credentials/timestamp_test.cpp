#include <gtest/gtest.h>

#include <emrctl/aws/credentials/timestamp.hpp>

namespace emrctl::aws {
namespace {

using namespace std::chrono_literals;

constexpr std::chrono::sys_seconds k_time =
    std::chrono::sys_days{std::chrono::year{2024} / 5 / 17} + 10h + 5min + 7s;

TEST(Timestamp, FormatsAsAwsWritesExpirations) {
    EXPECT_EQ(format_timestamp(k_time), "2024-05-17T10:05:07Z");
}

TEST(Timestamp, ParsesWhatItFormats) {
    EXPECT_EQ(parse_timestamp("2024-05-17T10:05:07Z"), k_time);
}

TEST(Timestamp, DropsFractionalSeconds) {
    EXPECT_EQ(parse_timestamp("2024-05-17T10:05:07.123Z"), k_time);
}

TEST(Timestamp, AppliesAZoneOffset) {
    EXPECT_EQ(parse_timestamp("2024-05-17T12:05:07+02:00"), k_time);
    EXPECT_EQ(parse_timestamp("2024-05-17T09:35:07-00:30"), k_time);
}

TEST(Timestamp, RejectsAnythingElse) {
    for (const auto* text :
         {"", "2024-05-17", "2024-05-17T10:05:07", "2024-13-17T10:05:07Z", "2024-02-30T10:05:07Z",
          "2024-05-17T24:05:07Z", "2024-05-17T10:05:07Zx", "2024-05-17 10:05:07Z",
          "2024-05-17T10:05:07.Z", "tomorrow"}) {
        EXPECT_EQ(parse_timestamp(text), std::nullopt) << text;
    }
}

}  // namespace
}  // namespace emrctl::aws
