#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <emrctl/config/file_facts.hpp>
#include <emrctl/config/project.hpp>

namespace emrctl::config {
namespace {

TEST(NormalizePath, DropsDotsEmptyPartsAndTrailingSlashes) {
    EXPECT_EQ(normalize_path("./a//b/"), "a/b");
    EXPECT_EQ(normalize_path("./jobs//pi.py"), "jobs/pi.py");
    EXPECT_EQ(normalize_path("data/articles/"), "data/articles");
    EXPECT_EQ(normalize_path("a/./b"), "a/b");
    EXPECT_EQ(normalize_path("jobs/pi.py"), "jobs/pi.py");
}

TEST(NormalizePath, KeepsALeadingSlash) {
    EXPECT_EQ(normalize_path("/abs//x.py"), "/abs/x.py");
    EXPECT_EQ(normalize_path("//abs/x.py"), "/abs/x.py");
    EXPECT_EQ(normalize_path("/"), "/");
}

TEST(NormalizePath, KeepsParentFolders) {
    EXPECT_EQ(normalize_path("../x.py"), "../x.py");
    EXPECT_EQ(normalize_path("./../x.py"), "../x.py");
}

TEST(NormalizePath, LeavesS3UrisAsTheyAre) {
    EXPECT_EQ(normalize_path("s3://bucket//code/./x.py"), "s3://bucket//code/./x.py");
    EXPECT_EQ(normalize_path("s3://bucket/data/"), "s3://bucket/data/");
}

TEST(NormalizePath, NothingLeftIsEmpty) {
    EXPECT_EQ(normalize_path("."), "");
    EXPECT_EQ(normalize_path("./"), "");
    EXPECT_EQ(normalize_path(""), "");
}

Project project_with_paths() {
    Project p;
    p.cluster.bootstrap = {"./bootstrap//setup.sh", "s3://b/bootstrap.sh"};
    p.jobs = {Job{.name = "a", .script = "jobs/./a.py", .data = "data/a/"},
              Job{.name = "b", .script = "s3://b/code/b.py", .data_uri = "s3://b/data//b/"},
              Job{.name = "c", .script = ""}};
    return p;
}

TEST(NormalizePaths, NormalizesScriptsDataAndBootstrapButNotUris) {
    auto p = project_with_paths();
    normalize_paths(p);
    EXPECT_EQ(p.cluster.bootstrap,
              (std::vector<std::string>{"bootstrap/setup.sh", "s3://b/bootstrap.sh"}));
    EXPECT_EQ(p.jobs[0].script, "jobs/a.py");
    EXPECT_EQ(p.jobs[0].data, "data/a");
    EXPECT_EQ(p.jobs[1].script, "s3://b/code/b.py");
    EXPECT_EQ(p.jobs[1].data_uri, "s3://b/data//b/");
    EXPECT_EQ(p.jobs[1].data, std::nullopt);
}

TEST(NamedPaths, ListsLocalScriptsDataAndBootstrapInOrder) {
    auto p = project_with_paths();
    normalize_paths(p);
    EXPECT_EQ(named_paths(p),
              (std::vector<std::string>{"bootstrap/setup.sh", "jobs/a.py", "data/a"}));
}

TEST(IsS3Uri, OnlyForS3Scheme) {
    EXPECT_TRUE(is_s3_uri("s3://bucket/key"));
    EXPECT_FALSE(is_s3_uri("S3://bucket/key"));
    EXPECT_FALSE(is_s3_uri("s3a://bucket/key"));
    EXPECT_FALSE(is_s3_uri("jobs/s3://x"));
}

TEST(FileFacts, UnknownPathsAreMissing) {
    FileFacts facts;
    facts.paths["jobs/pi.py"] = PathInfo{.kind = PathKind::file, .size = 42};
    facts.paths["data"] = PathInfo{.kind = PathKind::folder};
    EXPECT_EQ(facts.kind("jobs/pi.py"), PathKind::file);
    EXPECT_EQ(facts.size("jobs/pi.py"), 42U);
    EXPECT_EQ(facts.kind("data"), PathKind::folder);
    EXPECT_EQ(facts.kind("jobs/other.py"), PathKind::missing);
    EXPECT_EQ(facts.size("jobs/other.py"), 0U);
}

}  // namespace
}  // namespace emrctl::config
