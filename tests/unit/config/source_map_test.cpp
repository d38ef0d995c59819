#include <string>

#include <gtest/gtest.h>

#include <emrctl/config/source_map.hpp>

namespace emrctl::config {
namespace {

TEST(ParentPath, DropsTheLastKeyOrIndex) {
    EXPECT_EQ(parent_path("jobs[2].data"), "jobs[2]");
    EXPECT_EQ(parent_path("jobs[2]"), "jobs");
    EXPECT_EQ(parent_path("cluster.core.count"), "cluster.core");
    EXPECT_EQ(parent_path("name"), "");
    EXPECT_EQ(parent_path(""), "");
}

TEST(SourceMap, FindsWhatWasRecorded) {
    SourceMap sources("emrctl.yaml");
    sources.record("cluster.core.count", SourceLocation{.file = "emrctl.yaml", .line = 4});
    const auto* where = sources.find("cluster.core.count");
    ASSERT_NE(where, nullptr);
    EXPECT_EQ(where->line, 4);
    EXPECT_EQ(where->key_path, "cluster.core.count");
    EXPECT_EQ(sources.find("cluster.core"), nullptr);
}

TEST(SourceMap, RecordKeepsAKeyPathTheLocationAlreadyHas) {
    SourceMap sources("x");
    sources.record(
        "jobs[0].script",
        SourceLocation{.file = "steps.json", .line = 3, .key_path = "steps[0].code_filename"});
    EXPECT_EQ(sources.find("jobs[0].script")->key_path, "steps[0].code_filename");
    EXPECT_EQ(sources.locate("jobs[0].script").key_path, "steps[0].code_filename");
}

TEST(SourceMap, LaterRecordReplacesEarlier) {
    SourceMap sources("x");
    sources.record("name", SourceLocation{.file = "emrctl.yaml", .line = 1});
    sources.record("name", SourceLocation{.file = "command line", .key_path = "naming_prefix"});
    EXPECT_EQ(sources.find("name")->file, "command line");
    EXPECT_EQ(sources.find("name")->key_path, "naming_prefix");
}

TEST(SourceMap, LocateFallsBackToTheClosestRecordedAncestor) {
    SourceMap sources("emrctl.yaml");
    sources.record("jobs", SourceLocation{.file = "emrctl.yaml", .line = 5, .column = 3});
    sources.record("jobs[1]", SourceLocation{.file = "emrctl.yaml", .line = 9, .column = 5});
    const auto where = sources.locate("jobs[1].main_class");
    EXPECT_EQ(where.line, 9);
    EXPECT_EQ(where.column, 5);
    EXPECT_EQ(where.key_path, "jobs[1].main_class");
    EXPECT_EQ(sources.locate("jobs[7].data").line, 5);
}

TEST(SourceMap, LocateWithoutAnyAncestorNamesTheDefaultFile) {
    SourceMap sources("emrctl.yaml");
    sources.record("cluster", SourceLocation{.file = "emrctl.yaml", .line = 2});
    const auto where = sources.locate("network.cidr");
    EXPECT_EQ(where.file, "emrctl.yaml");
    EXPECT_EQ(where.line, 0);
    EXPECT_EQ(where.column, 0);
    EXPECT_EQ(where.key_path, "network.cidr");
    EXPECT_EQ(sources.default_file(), "emrctl.yaml");
}

}  // namespace
}  // namespace emrctl::config
