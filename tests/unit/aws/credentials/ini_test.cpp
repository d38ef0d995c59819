#include <gtest/gtest.h>

#include <emrctl/aws/credentials/ini.hpp>

namespace emrctl::aws {
namespace {

IniDocument parse(std::string_view text) {
    auto doc = parse_ini(text, "/home/u/.aws/config");
    EXPECT_TRUE(doc.has_value()) << doc.error().message;
    return doc.value_or(IniDocument{});
}

Error parse_error(std::string_view text) {
    auto doc = parse_ini(text, "/home/u/.aws/config");
    EXPECT_FALSE(doc.has_value());
    return doc ? Error{} : doc.error();
}

TEST(Ini, ReadsSectionsAndPropertiesWithTheirLines) {
    const auto doc = parse("[default]\nregion = eu-west-3\n\n[profile dev]\noutput=json\n");
    ASSERT_EQ(doc.sections.size(), 2U);
    EXPECT_EQ(doc.sections[0].name, "default");
    EXPECT_EQ(doc.sections[0].line, 1);
    ASSERT_EQ(doc.sections[0].properties.size(), 1U);
    EXPECT_EQ(doc.sections[0].properties[0].key, "region");
    EXPECT_EQ(doc.sections[0].properties[0].value, "eu-west-3");
    EXPECT_EQ(doc.sections[0].properties[0].line, 2);
    EXPECT_EQ(doc.sections[0].properties[0].line_text, "region = eu-west-3");
    EXPECT_EQ(doc.sections[1].name, "profile dev");
    EXPECT_EQ(doc.sections[1].line, 4);
    EXPECT_EQ(doc.sections[1].properties[0].key, "output");
    EXPECT_EQ(doc.sections[1].properties[0].value, "json");
}

TEST(Ini, SkipsFullLineCommentsOfBothKinds) {
    const auto doc = parse("# a comment\n; another\n[default]\n  # indented\nregion = x\n");
    ASSERT_EQ(doc.sections.size(), 1U);
    ASSERT_EQ(doc.sections[0].properties.size(), 1U);
    EXPECT_EQ(doc.sections[0].properties[0].line, 5);
}

TEST(Ini, KeepsEqualsSignsInsideValues) {
    const auto doc = parse("[default]\naws_secret_access_key = abc=def==\n");
    EXPECT_EQ(doc.sections[0].properties[0].value, "abc=def==");
}

TEST(Ini, StripsInlineCommentsOnlyAfterWhiteSpace) {
    const auto doc = parse(
        "[default] # the default\nregion = eu-west-3 # Paris\n"
        "output = json\t; machine\nsecret = p#ss;word\n");
    ASSERT_EQ(doc.sections.size(), 1U);
    EXPECT_EQ(doc.sections[0].name, "default");
    EXPECT_EQ(doc.sections[0].properties[0].value, "eu-west-3");
    EXPECT_EQ(doc.sections[0].properties[1].value, "json");
    EXPECT_EQ(doc.sections[0].properties[2].value, "p#ss;word");
}

TEST(Ini, LowerCasesKeysAndTrimsNames) {
    const auto doc = parse("[  profile dev  ]\nAWS_Access_Key_ID = AKID\n");
    EXPECT_EQ(doc.sections[0].name, "profile dev");
    EXPECT_EQ(doc.sections[0].properties[0].key, "aws_access_key_id");
    EXPECT_EQ(doc.sections[0].properties[0].value, "AKID");
}

TEST(Ini, ReadsAnEmptyValueFollowedByIndentedLinesAsASubSection) {
    const auto doc = parse(
        "[default]\ns3 =\n  addressing_style = path\n  max_concurrent_requests = 20\n"
        "region = eu-west-3\n");
    const auto& properties = doc.sections[0].properties;
    ASSERT_EQ(properties.size(), 2U);
    EXPECT_EQ(properties[0].key, "s3");
    EXPECT_EQ(properties[0].value, "");
    ASSERT_EQ(properties[0].children.size(), 2U);
    EXPECT_EQ(properties[0].children[0].key, "addressing_style");
    EXPECT_EQ(properties[0].children[0].value, "path");
    EXPECT_EQ(properties[0].children[0].line, 3);
    EXPECT_EQ(properties[0].children[1].value, "20");
    EXPECT_EQ(properties[1].key, "region");
}

TEST(Ini, JoinsAnIndentedLineToTheValueBefore) {
    const auto doc = parse("[default]\nnote = first\n   second\n");
    EXPECT_EQ(doc.sections[0].properties[0].value, "first\nsecond");
}

TEST(Ini, AcceptsWindowsLineEndingsAndNoFinalNewline) {
    const auto doc = parse("[default]\r\nregion = eu-west-3\r\noutput = json");
    ASSERT_EQ(doc.sections[0].properties.size(), 2U);
    EXPECT_EQ(doc.sections[0].properties[0].value, "eu-west-3");
    EXPECT_EQ(doc.sections[0].properties[1].value, "json");
}

TEST(Ini, AnEmptyFileHasNoSections) {
    EXPECT_TRUE(parse("").sections.empty());
    EXPECT_TRUE(parse("\n# only a comment\n").sections.empty());
}

TEST(Ini, APropertyBeforeAnySectionIsAnError) {
    const auto e = parse_error("# keys\nregion = eu-west-3\n");
    EXPECT_EQ(e.kind, ErrorKind::config);
    EXPECT_EQ(e.message, "\"key = value\" before any [section]");
    EXPECT_EQ(e.hint, "put it under a section such as [default]");
    ASSERT_TRUE(e.where.has_value());
    EXPECT_EQ(e.where->file, "/home/u/.aws/config");
    EXPECT_EQ(e.where->line, 2);
    EXPECT_EQ(e.where->line_text, "region = eu-west-3");
}

TEST(Ini, ALineWithoutEqualsIsAnErrorAtItsLine) {
    const auto e = parse_error("[default]\nregion = eu-west-3\naws_access_key_id AKID\n");
    EXPECT_EQ(e.message, "expected \"key = value\" or a [section]");
    EXPECT_EQ(e.hint, "a value goes after a key and '='; a comment starts with # or ;");
    EXPECT_EQ(e.where->line, 3);
    EXPECT_EQ(e.where->line_text, "aws_access_key_id AKID");
}

TEST(Ini, MalformedSectionHeadersAreErrors) {
    EXPECT_EQ(parse_error("[default\n").message, "a section header needs a closing ]");
    EXPECT_EQ(parse_error("[default] region = x\n").message,
              "unexpected text after the section header");
    EXPECT_EQ(parse_error("[ ]\n").message, "empty section name");
}

TEST(Ini, AMissingKeyIsAnError) {
    const auto e = parse_error("[default]\n = value\n");
    EXPECT_EQ(e.message, "missing key before '='");
    EXPECT_EQ(e.where->line, 2);
}

TEST(Ini, ASubSectionLineWithoutEqualsIsAnError) {
    const auto e = parse_error("[default]\ns3 =\n  addressing_style\n");
    EXPECT_EQ(e.message, "expected \"key = value\" or a [section]");
    EXPECT_EQ(e.where->line, 3);
}

}  // namespace
}  // namespace emrctl::aws
