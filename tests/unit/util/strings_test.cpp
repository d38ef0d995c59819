#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/util/strings.hpp>

namespace emrctl::util {
namespace {

using Words = std::vector<std::string>;

TEST(Split, KeepsEmptyPartsBetweenAndAroundSeparators) {
    EXPECT_EQ(split("a,b,,c", ','), (Words{"a", "b", "", "c"}));
    EXPECT_EQ(split(",a,", ','), (Words{"", "a", ""}));
}

TEST(Split, TextWithoutSeparatorIsOnePart) {
    EXPECT_EQ(split("abc", ','), (Words{"abc"}));
    EXPECT_EQ(split("", ','), (Words{""}));
}

TEST(Join, PutsTheSeparatorBetweenPartsOnly) {
    EXPECT_EQ(join(Words{"a", "b", "c"}, ", "), "a, b, c");
    EXPECT_EQ(join(Words{"a"}, ", "), "a");
    EXPECT_EQ(join(Words{}, ", "), "");
}

TEST(Join, UndoesSplit) {
    for (const std::string text : {"a/b/c", "/lead", "trail/", "//", "", "none"}) {
        EXPECT_EQ(join(split(text, '/'), "/"), text);
    }
}

TEST(Trim, RemovesSpacesTabsAndLineEndsAtBothEndsOnly) {
    EXPECT_EQ(trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(trim("\ta\tb\t"), "a\tb");
    EXPECT_EQ(trim("x"), "x");
}

TEST(Trim, BlankTextBecomesEmpty) {
    EXPECT_EQ(trim(" \t\r\n "), "");
    EXPECT_EQ(trim(""), "");
}

TEST(StartsWithCi, IgnoresCase) {
    EXPECT_TRUE(starts_with_ci("Spark-Job", "spark"));
    EXPECT_TRUE(starts_with_ci("spark", "SPARK"));
    EXPECT_FALSE(starts_with_ci("sp", "spark"));
    EXPECT_FALSE(starts_with_ci("hadoop", "spark"));
}

TEST(ToLower, LowersAsciiLettersOnly) {
    EXPECT_EQ(to_lower("ON_DEMAND m6g.XLarge"), "on_demand m6g.xlarge");
}

TEST(LettersAndDigits, KeepsOnlyAsciiLettersAndDigits) {
    EXPECT_EQ(letters_and_digits("word-count_2!"), "wordcount2");
    EXPECT_EQ(letters_and_digits("Word Count"), "WordCount");
    EXPECT_EQ(letters_and_digits("---"), "");
    EXPECT_EQ(letters_and_digits("caf\xc3\xa9"), "caf");
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
    EXPECT_EQ(edit_distance("", "abc"), 3U);
    EXPECT_EQ(edit_distance("abc", ""), 3U);
    EXPECT_EQ(edit_distance("clustr", "cluster"), 1U);
    EXPECT_EQ(edit_distance("same", "same"), 0U);
}

TEST(EditDistance, IgnoresCase) {
    EXPECT_EQ(edit_distance("spot", "SPOT"), 0U);
    EXPECT_EQ(edit_distance("On_Demand", "ON_DEMAND"), 0U);
}

TEST(EditDistance, TranspositionCostsTwo) {
    EXPECT_EQ(edit_distance("cuont", "count"), 2U);
}

TEST(ClosestMatch, FindsTheLikelyTypo) {
    constexpr std::array<std::string_view, 6> top{"name",    "region", "network",
                                                  "cluster", "jobs",   "existing_data_buckets"};
    EXPECT_EQ(closest_match("clustr", top), "cluster");
    EXPECT_EQ(closest_match("netwrk", top), "network");
    constexpr std::array<std::string_view, 3> core{"type", "count", "market"};
    EXPECT_EQ(closest_match("cuont", core), "count");
}

TEST(ClosestMatch, MatchesWhateverTheCase) {
    constexpr std::array<std::string_view, 2> markets{"ON_DEMAND", "SPOT"};
    EXPECT_EQ(closest_match("spot", markets), "SPOT");
    EXPECT_EQ(closest_match("on_demand", markets), "ON_DEMAND");
}

TEST(ClosestMatch, FarWordsHaveNoMatch) {
    constexpr std::array<std::string_view, 3> core{"type", "count", "market"};
    EXPECT_EQ(closest_match("zzzzzzzz", core), "");
    EXPECT_EQ(closest_match("availability", core), "");
}

TEST(ClosestMatch, NoCandidatesMeansNoMatch) {
    EXPECT_EQ(closest_match("count", std::span<const std::string_view>{}), "");
}

TEST(ClosestMatch, TiesGoToTheFirstCandidate) {
    constexpr std::array<std::string_view, 2> words{"cat", "car"};
    EXPECT_EQ(closest_match("caz", words), "cat");
}

TEST(OneOf, ListsWordsWithCommasAndAFinalOr) {
    constexpr std::array<std::string_view, 3> three{"a", "b", "c"};
    constexpr std::array<std::string_view, 2> two{"a", "b"};
    constexpr std::array<std::string_view, 1> one{"a"};
    EXPECT_EQ(one_of(three), "a, b or c");
    EXPECT_EQ(one_of(two), "a or b");
    EXPECT_EQ(one_of(one), "a");
    EXPECT_EQ(one_of(std::span<const std::string_view>{}), "");
}

TEST(JsonQuote, EscapesQuotesAndBackslashes) {
    EXPECT_EQ(json_quote(R"(he said "hi" \o/)"), R"("he said \"hi\" \\o/")");
    EXPECT_EQ(json_quote(""), R"("")");
}

TEST(JsonQuote, EscapesControlCharacters) {
    EXPECT_EQ(json_quote("a\nb\rc\td"), R"("a\nb\rc\td")");
    EXPECT_EQ(json_quote(std::string_view("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
}

TEST(JsonQuote, LeavesUtf8AsItIs) {
    EXPECT_EQ(json_quote("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
}

TEST(JsonQuote, EveryAsciiCharacterReadsBackThroughAJsonParser) {
    std::string all;
    for (int c = 0; c < 0x80; ++c)
        all += static_cast<char>(c);
    const auto parsed = nlohmann::json::parse(json_quote(all));
    ASSERT_TRUE(parsed.is_string());
    EXPECT_EQ(parsed.get<std::string>(), all);
}

}  // namespace
}  // namespace emrctl::util
