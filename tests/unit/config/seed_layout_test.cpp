#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "problem_matchers.hpp"
#include <gtest/gtest.h>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/seed_layout.hpp>
#include <emrctl/config/validate.hpp>

namespace emrctl::config {
namespace {

const std::string k_file(k_seed_steps_file);

struct Seeded {
    Project project = seed_defaults();
    SourceMap sources{k_file};
    std::vector<Error> problems;
};

Seeded parse_seed(std::string_view text) {
    Seeded s;
    s.problems = parse_seed_steps(text, k_file, s.project, s.sources);
    return s;
}

void expect_problem(const Error& e, testing::Expected x) {
    x.file = k_file;
    testing::expect_problem(e, x);
}

void expect_only_problem(const std::vector<Error>& problems, testing::Expected x) {
    x.file = k_file;
    testing::expect_only_problem(problems, x);
}

using testing::listing;

const Job& only_job(const Seeded& s) {
    EXPECT_TRUE(s.problems.empty()) << listing(s.problems);
    EXPECT_EQ(s.project.jobs.size(), 1U);
    return s.project.jobs.at(0);
}

TEST(ParseSeedSteps, KeepsTheSeedsDefaults) {
    const auto s = parse_seed(R"({"steps": [{"name": "step1", "code_filename": "step1.py"}]})");
    ASSERT_TRUE(s.problems.empty()) << listing(s.problems);
    const auto& p = s.project;
    EXPECT_EQ(p.layout, Layout::seed);
    EXPECT_EQ(p.name, "default");
    EXPECT_EQ(p.cluster.primary.type, "m4.large");
    EXPECT_EQ(p.cluster.core.type, "m4.large");
    EXPECT_EQ(p.cluster.primary.market, Market::spot);
    EXPECT_EQ(p.cluster.core.market, Market::spot);
    EXPECT_EQ(p.cluster.core.count, 2);
    EXPECT_EQ(p.network.cidr, "172.16.0.0/22");
    EXPECT_EQ(p.network.azs, 1);
}

TEST(ParseSeedSteps, CodeFilenameIsInEmrStepsCode) {
    const auto s = parse_seed(R"({"steps": [{"name": "step1", "code_filename": "x.py"}]})");
    const auto& job = only_job(s);
    EXPECT_EQ(job.name, "step1");
    EXPECT_EQ(job.script, "emr_steps/code/x.py");
    EXPECT_EQ(job.data, std::nullopt);
    EXPECT_EQ(job.data_uri, std::nullopt);
    EXPECT_TRUE(job.args.empty());
    EXPECT_EQ(job.on_failure, ActionOnFailure::continue_);
}

TEST(ParseSeedSteps, DataSourceFolderIsInEmrStepsData) {
    const auto s = parse_seed(
        R"({"steps": [{"name": "s", "code_filename": "x.py", "data_source_folder": "x"}]})");
    const auto& job = only_job(s);
    EXPECT_EQ(job.data, "emr_steps/data/x");
    EXPECT_EQ(job.data_uri, std::nullopt);
}

TEST(ParseSeedSteps, DataSourceBucketAndFolderIsADataUri) {
    const auto s = parse_seed(R"({"steps": [{"name": "s", "code_filename": "x.py",
        "data_source_bucket": "s3://b", "data_source_folder": "folder"}]})");
    const auto& job = only_job(s);
    EXPECT_EQ(job.data_uri, "s3://b/folder/");
    EXPECT_EQ(job.data, std::nullopt);
    EXPECT_EQ(job.script, "emr_steps/code/x.py");
}

TEST(ParseSeedSteps, SlashesAroundBucketAndFolderAreIgnored) {
    const auto s = parse_seed(R"({"steps": [{"name": "s", "code_filename": "x.py",
        "data_source_bucket": "s3://b/", "data_source_folder": "/folder/"}]})");
    EXPECT_EQ(only_job(s).data_uri, "s3://b/folder/");
}

TEST(ParseSeedSteps, CodeSourceFolderWithABucketIsAScriptInS3) {
    const auto s = parse_seed(R"({"steps": [{"name": "s", "code_filename": "x.py",
        "data_source_bucket": "s3://b", "code_source_folder": "code"}]})");
    const auto& job = only_job(s);
    EXPECT_EQ(job.script, "s3://b/code/x.py");
    EXPECT_EQ(job.data_uri, std::nullopt);
}

TEST(ParseSeedSteps, CodeSourceFolderWithoutABucket) {
    const auto s = parse_seed(
        "{\"steps\": [\n"
        "  {\"name\": \"s\", \"code_filename\": \"x.py\", \"code_source_folder\": \"code\"}\n"
        "]}\n");
    expect_only_problem(s.problems,
                        {.message = "code_source_folder needs a data_source_bucket to be read from",
                         .line = 2,
                         .column = 64,
                         .key_path = "steps[0].code_source_folder",
                         .hint = "add \"data_source_bucket\": \"s3://<bucket>\""});
}

TEST(ParseSeedSteps, DataSourceBucketThatIsNotAnS3Uri) {
    const auto s = parse_seed(
        "{\"steps\": [\n"
        "  {\"name\": \"s\", \"code_filename\": \"x.py\", \"data_source_bucket\": \"b\"}\n"
        "]}\n");
    expect_only_problem(s.problems, {.message = "data_source_bucket \"b\" is not an s3:// URI",
                                     .line = 2,
                                     .column = 64,
                                     .key_path = "steps[0].data_source_bucket",
                                     .hint = "write it as s3://<bucket name>"});
}

TEST(ParseSeedSteps, UnknownStepKeySuggestsTheClosest) {
    const auto s = parse_seed(
        "{\"steps\": [\n"
        "  {\"name\": \"s\", \"code_filenme\": \"x.py\"}\n"
        "]}\n");
    ASSERT_EQ(s.problems.size(), 2U) << listing(s.problems);
    expect_problem(s.problems[0], {.message = "unknown key \"code_filenme\"",
                                   .line = 2,
                                   .column = 17,
                                   .key_path = "steps[0].code_filenme",
                                   .hint = "did you mean \"code_filename\"?"});
    expect_problem(s.problems[1], {.message = "this step has no code_filename",
                                   .line = 2,
                                   .column = 3,
                                   .key_path = "steps[0]",
                                   .hint = "a file in emr_steps/code/"});
}

TEST(ParseSeedSteps, StepWithoutName) {
    const auto s = parse_seed(R"({"steps": [{"code_filename": "x.py"}]})");
    expect_only_problem(s.problems, {.message = "this step has no name",
                                     .line = 1,
                                     .column = 12,
                                     .key_path = "steps[0]",
                                     .hint = "add \"name\""});
}

TEST(ParseSeedSteps, JsonSyntaxErrorGivesItsPosition) {
    const auto s = parse_seed(
        "{\"steps\": [\n"
        "  {\"name\": \"s\" \"code_filename\": \"x.py\"}\n"
        "]}\n");
    expect_only_problem(s.problems, {.message = "not valid YAML: end of map flow not found",
                                     .line = 2,
                                     .column = 16,
                                     .key_path = "",
                                     .hint = "check the indentation and quoting"});
}

TEST(ParseSeedSteps, NoStepsList) {
    const auto s = parse_seed(R"({"stepz": []})");
    ASSERT_EQ(s.problems.size(), 2U) << listing(s.problems);
    expect_problem(s.problems[0], {.message = "unknown key \"stepz\"",
                                   .line = 1,
                                   .column = 2,
                                   .key_path = "stepz",
                                   .hint = "did you mean \"steps\"?"});
    expect_problem(s.problems[1], {.message = "there is no \"steps\" list",
                                   .line = 1,
                                   .column = 1,
                                   .key_path = "steps",
                                   .hint = "{\"steps\": [{\"name\": \"step1\""});
}

TEST(ParseSeedSteps, EmptyFile) {
    const auto s = parse_seed("");
    expect_only_problem(s.problems, {.message = "the steps file is empty",
                                     .line = 0,
                                     .column = 0,
                                     .key_path = "",
                                     .hint = "{\"steps\": "});
}

TEST(ParseSeedSteps, StepsThatAreNotAList) {
    const auto s = parse_seed(R"({"steps": {"name": "s"}})");
    expect_only_problem(s.problems, {.message = "expected a list, got a map",
                                     .line = 1,
                                     .column = 11,
                                     .key_path = "steps",
                                     .hint = "write a list"});
}

// Parses and validates like the loader, with the seed's files present unless named in `missing`.
std::vector<Error> check_seed(std::string_view text, const FileFacts& files) {
    auto s = parse_seed(text);
    if (!s.problems.empty()) {
        ADD_FAILURE() << "the test steps do not parse:" << listing(s.problems);
        return s.problems;
    }
    normalize_paths(s.project);
    return validate(s.project, s.sources, files);
}

TEST(ParseSeedSteps, ValidationProblemsNameTheSeedsKeys) {
    const auto problems = check_seed(
        "{\"steps\": [\n"
        "  {\"name\": \"s\",\n"
        "   \"code_filename\": \"missing.py\"}\n"
        "]}\n",
        FileFacts{});
    expect_only_problem(problems, {.message = "script \"emr_steps/code/missing.py\" does not exist",
                                   .line = 3,
                                   .column = 21,
                                   .key_path = "steps[0].code_filename",
                                   .hint = "write a path relative to the project folder"});
}

TEST(ParseSeedSteps, MissingDataFolderNamesDataSourceFolder) {
    FileFacts files;
    files.paths["emr_steps/code/x.py"] = PathInfo{.kind = PathKind::file};
    const auto problems = check_seed(
        "{\"steps\": [\n"
        "  {\"name\": \"s\", \"code_filename\": \"x.py\",\n"
        "   \"data_source_folder\": \"nope\"}\n"
        "]}\n",
        files);
    expect_only_problem(problems, {.message = "data folder \"emr_steps/data/nope\" does not exist",
                                   .line = 3,
                                   .column = 26,
                                   .key_path = "steps[0].data_source_folder",
                                   .hint = "create it"});
}

TEST(ParseSeedSteps, DuplicateStepNamesNameTheSeedsKeys) {
    FileFacts files;
    files.paths["emr_steps/code/a.py"] = PathInfo{.kind = PathKind::file};
    files.paths["emr_steps/code/b.py"] = PathInfo{.kind = PathKind::file};
    const auto problems = check_seed(
        "{\"steps\": [\n"
        "  {\"name\": \"s\", \"code_filename\": \"a.py\"},\n"
        "  {\"name\": \"s\", \"code_filename\": \"b.py\"}\n"
        "]}\n",
        files);
    ASSERT_EQ(problems.size(), 1U) << listing(problems);
    ASSERT_TRUE(problems[0].where);
    EXPECT_EQ(problems[0].where->key_path, "steps[1].name");
    EXPECT_EQ(problems[0].where->line, 3);
    EXPECT_EQ(problems[0].where->column, 12);
}

TEST(ParseSeedSteps, DuplicateStepNameMessageNamesTheFirstStep) {
    FileFacts files;
    files.paths["emr_steps/code/a.py"] = PathInfo{.kind = PathKind::file};
    files.paths["emr_steps/code/b.py"] = PathInfo{.kind = PathKind::file};
    const auto problems = check_seed(
        R"({"steps": [{"name": "s", "code_filename": "a.py"},
                      {"name": "s", "code_filename": "b.py"}]})",
        files);
    ASSERT_EQ(problems.size(), 1U) << listing(problems);
    EXPECT_EQ(problems[0].message, "job name \"s\" is already used by steps[0]");
}

TEST(ParseSeedSteps, TheSeedFixtureIsValid) {
    std::ifstream in(std::string(EMRCTL_SOURCE_DIR) +
                     "/tests/fixtures/seed-project/emr_steps/emr_steps_configuration.json");
    ASSERT_TRUE(in) << "missing fixture";
    std::stringstream text;
    text << in.rdbuf();
    auto s = parse_seed(text.str());
    ASSERT_TRUE(s.problems.empty()) << listing(s.problems);
    ASSERT_EQ(s.project.jobs.size(), 2U);
    EXPECT_EQ(s.project.jobs[0].name, "step1");
    EXPECT_EQ(s.project.jobs[0].script, "emr_steps/code/step1.py");
    EXPECT_EQ(s.project.jobs[1].data, "emr_steps/data/step2");
    FileFacts files;
    files.paths["emr_steps/code/step1.py"] = PathInfo{.kind = PathKind::file};
    files.paths["emr_steps/code/step2.py"] = PathInfo{.kind = PathKind::file};
    files.paths["emr_steps/data/step2"] = PathInfo{.kind = PathKind::folder};
    normalize_paths(s.project);
    const auto problems = validate(s.project, s.sources, files);
    EXPECT_TRUE(problems.empty()) << listing(problems);
}

}  // namespace
}  // namespace emrctl::config
