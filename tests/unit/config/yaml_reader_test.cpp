#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <emrctl/config/yaml_reader.hpp>

namespace emrctl::config {
namespace {

TEST(Describe, NamesTheKindOfNode) {
    EXPECT_EQ(describe(YAML::Load("[a]")), "a list");
    EXPECT_EQ(describe(YAML::Load("{a: 1}")), "a map");
    EXPECT_EQ(describe(YAML::Load("two")), "\"two\"");
    EXPECT_EQ(describe(YAML::Load("~")), "nothing");
    EXPECT_EQ(describe(YAML::Node()), "nothing");
}

TEST(YamlReader, LoadRejectsDeepFlowNesting) {
    SourceMap sources("f.yaml");
    const std::string text = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
    YamlReader r("f.yaml", text, sources);
    EXPECT_TRUE(r.load().IsNull());
    const auto problems = r.take_problems();
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].message, "the file nests deeper than 64 levels");
    EXPECT_EQ(problems[0].where->file, "f.yaml");
}

TEST(YamlReader, LoadRejectsDeepBlockNesting) {
    SourceMap sources("f.yaml");
    std::string text;
    for (int depth = 0; depth < 70; ++depth)
        text += std::string(static_cast<std::size_t>(2 * depth), ' ') + "k:\n";
    YamlReader r("f.yaml", text, sources);
    EXPECT_TRUE(r.load().IsNull());
    const auto problems = r.take_problems();
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].message, "the file nests deeper than 64 levels");
}

TEST(YamlReader, LoadAcceptsOrdinaryNesting) {
    SourceMap sources("f.yaml");
    const std::string text = "a: [[[1]]]\nb:\n  c:\n    d: 1\n";
    YamlReader r("f.yaml", text, sources);
    EXPECT_TRUE(r.load().IsMap());
    EXPECT_TRUE(r.ok());
}

TEST(YamlReader, LoadRejectsAFileOver4MiB) {
    SourceMap sources("f.yaml");
    const std::string text = "# " + std::string(4 * 1024 * 1024, 'x') + "\n";
    YamlReader r("f.yaml", text, sources);
    EXPECT_TRUE(r.load().IsNull());
    const auto problems = r.take_problems();
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].message, "the file is larger than 4 MiB");
}

TEST(YamlReader, IntegerReadsPlainWholeNumbersOnly) {
    SourceMap sources("f.yaml");
    const std::string text = "a: 42\nb: -3\nc: \"4\"\nd: 4.0\ne: 0x10\nf: 99999999999\n";
    YamlReader r("f.yaml", text, sources);
    const auto root = r.load();
    int a = 0;
    int b = 0;
    int untouched = 7;
    EXPECT_TRUE(r.integer(root["a"], "a", a));
    EXPECT_TRUE(r.integer(root["b"], "b", b));
    EXPECT_EQ(a, 42);
    EXPECT_EQ(b, -3);
    for (const auto* key : {"c", "d", "e", "f"})
        EXPECT_FALSE(r.integer(root[key], key, untouched)) << key;
    EXPECT_EQ(untouched, 7);
    EXPECT_EQ(r.take_problems().size(), 4U);
}

TEST(YamlReader, StringListReportsEveryBadItemAndKeepsTheOldValue) {
    SourceMap sources("f.yaml");
    const std::string text = "a: [x, [y], {z: 1}]\n";
    YamlReader r("f.yaml", text, sources);
    const auto root = r.load();
    std::vector<std::string> out{"old"};
    EXPECT_FALSE(r.string_list(root["a"], "a", out));
    EXPECT_EQ(out, std::vector<std::string>{"old"});
    const auto problems = r.take_problems();
    ASSERT_EQ(problems.size(), 2U);
    EXPECT_EQ(problems[0].where->key_path, "a[1]");
    EXPECT_EQ(problems[1].where->key_path, "a[2]");
}

TEST(YamlReader, ListRecordsWhereEachItemIs) {
    SourceMap sources("f.yaml");
    const std::string text = "a:\n  - x\n  - y\n";
    YamlReader r("f.yaml", text, sources);
    const auto root = r.load();
    EXPECT_TRUE(r.list(root["a"], "a"));
    ASSERT_NE(sources.find("a[1]"), nullptr);
    EXPECT_EQ(sources.find("a[1]")->line, 3);
    EXPECT_EQ(sources.find("a[1]")->column, 5);
    EXPECT_EQ(sources.find("a[1]")->line_text, "  - y");
}

}  // namespace
}  // namespace emrctl::config
