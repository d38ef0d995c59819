#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "problem_matchers.hpp"
#include <gtest/gtest.h>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/parse.hpp>

namespace emrctl::config {
namespace {

using namespace testing;

using namespace std::chrono_literals;

struct Parsed {
    Project project = native_defaults();
    SourceMap sources{"emrctl.yaml"};
    std::vector<Error> problems;
};

Parsed parse(std::string_view text) {
    Parsed p;
    p.problems = parse_project(text, "emrctl.yaml", p.project, p.sources);
    return p;
}

TEST(ParseProject, ReadsEverySetting) {
    const auto p = parse(
        "name: siads516\n"
        "region: us-east-1\n"
        "network: {cidr: 10.0.0.0/16, azs: 2, nat: per_az, endpoints: [s3]}\n"
        "cluster:\n"
        "  release: emr-7.13.0\n"
        "  applications: [Hadoop, Spark, Livy]\n"
        "  primary: {type: m5.xlarge, market: SPOT}\n"
        "  core: {type: m5.2xlarge, count: 4, market: SPOT}\n"
        "  bootstrap: [bootstrap/install.sh]\n"
        "  idle_timeout: 1h30m\n"
        "existing_data_buckets: [s3://shared-data]\n"
        "jobs:\n"
        "  - name: pi\n"
        "    script: jobs/pi.py\n"
        "    args: [--partitions, \"4\"]\n"
        "    on_failure: TERMINATE_CLUSTER\n"
        "    spark_conf: {spark.executor.memory: 4g}\n"
        "  - name: wordcount\n"
        "    script: jobs/wordcount.jar\n"
        "    main_class: com.example.WordCount\n"
        "    data: data/articles\n"
        "    description: counts words\n");
    ASSERT_TRUE(p.problems.empty()) << listing(p.problems);
    const auto& project = p.project;
    EXPECT_EQ(project.name, "siads516");
    EXPECT_EQ(project.region, "us-east-1");
    EXPECT_EQ(project.network.cidr, "10.0.0.0/16");
    EXPECT_EQ(project.network.azs, 2);
    EXPECT_EQ(project.network.nat, NatGateways::per_az);
    EXPECT_EQ(project.network.endpoints, std::vector<Endpoint>{Endpoint::s3});
    EXPECT_EQ(project.cluster.release, "emr-7.13.0");
    EXPECT_EQ(project.cluster.applications, (std::vector<std::string>{"Hadoop", "Spark", "Livy"}));
    EXPECT_EQ(project.cluster.primary.type, "m5.xlarge");
    EXPECT_EQ(project.cluster.primary.market, Market::spot);
    EXPECT_EQ(project.cluster.core.type, "m5.2xlarge");
    EXPECT_EQ(project.cluster.core.count, 4);
    EXPECT_EQ(project.cluster.core.market, Market::spot);
    EXPECT_EQ(project.cluster.bootstrap, std::vector<std::string>{"bootstrap/install.sh"});
    EXPECT_EQ(project.cluster.idle_timeout, 90min);
    EXPECT_EQ(project.existing_data_buckets, std::vector<std::string>{"s3://shared-data"});
    ASSERT_EQ(project.jobs.size(), 2U);
    EXPECT_EQ(project.jobs[0].name, "pi");
    EXPECT_EQ(project.jobs[0].script, "jobs/pi.py");
    EXPECT_EQ(project.jobs[0].args, (std::vector<std::string>{"--partitions", "4"}));
    EXPECT_EQ(project.jobs[0].on_failure, ActionOnFailure::terminate_cluster);
    EXPECT_EQ(project.jobs[0].spark_conf.at("spark.executor.memory"), "4g");
    EXPECT_EQ(project.jobs[0].data, std::nullopt);
    EXPECT_EQ(project.jobs[1].main_class, "com.example.WordCount");
    EXPECT_EQ(project.jobs[1].data, "data/articles");
    EXPECT_EQ(project.jobs[1].on_failure, ActionOnFailure::continue_);
}

TEST(ParseProject, DefaultsFillWhatTheFileLeavesOut) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core:\n"
        "    count: 5\n");
    ASSERT_TRUE(p.problems.empty()) << listing(p.problems);
    const auto defaults = native_defaults();
    EXPECT_EQ(p.project.cluster.core.count, 5);
    EXPECT_EQ(p.project.cluster.core.type, defaults.cluster.core.type);
    EXPECT_EQ(p.project.cluster.core.market, defaults.cluster.core.market);
    EXPECT_EQ(p.project.cluster.release, "emr-7.14.0");
    EXPECT_EQ(p.project.cluster.applications, defaults.cluster.applications);
    EXPECT_EQ(p.project.cluster.idle_timeout, 1h);
    EXPECT_EQ(p.project.network.cidr, "172.16.0.0/22");
    EXPECT_EQ(p.project.network.azs, 1);
    EXPECT_EQ(p.project.region, std::nullopt);
    EXPECT_TRUE(p.project.jobs.empty());
}

TEST(ParseProject, DataInS3IsADataUri) {
    const auto p = parse(
        "name: demo\n"
        "jobs:\n"
        "  - name: wc\n"
        "    script: jobs/wc.py\n"
        "    data: s3://shared/articles/\n");
    ASSERT_TRUE(p.problems.empty()) << listing(p.problems);
    EXPECT_EQ(p.project.jobs[0].data, std::nullopt);
    EXPECT_EQ(p.project.jobs[0].data_uri, "s3://shared/articles/");
}

TEST(ParseProject, RecordsWhereEachValueIsWritten) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core: {type: m5.xlarge, count: 3}\n"
        "jobs:\n"
        "  - name: pi\n"
        "    script: jobs/pi.py\n");
    ASSERT_TRUE(p.problems.empty()) << listing(p.problems);
    const auto* count = p.sources.find("cluster.core.count");
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->file, "emrctl.yaml");
    EXPECT_EQ(count->line, 3);
    EXPECT_EQ(count->column, 34);
    EXPECT_EQ(count->key_path, "cluster.core.count");
    EXPECT_EQ(count->line_text, "  core: {type: m5.xlarge, count: 3}");
    const auto* script = p.sources.find("jobs[0].script");
    ASSERT_NE(script, nullptr);
    EXPECT_EQ(script->line, 6);
    EXPECT_EQ(script->column, 13);
    const auto* job = p.sources.find("jobs[0]");
    ASSERT_NE(job, nullptr);
    EXPECT_EQ(job->line, 5);
    EXPECT_EQ(job->column, 5);
    EXPECT_EQ(p.sources.find("cluster.core.market"), nullptr);
}

TEST(ParseProject, SyntaxErrorGivesLineColumnAndTheLine) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  release: emr-7.14.0\n"
        "   core: x\n");
    expect_only_problem(p.problems, {.message = "not valid YAML: illegal map value",
                                     .line = 4,
                                     .column = 8,
                                     .key_path = "",
                                     .hint = "check the indentation and quoting",
                                     .line_text = "   core: x"});
}

TEST(ParseProject, UnknownTopLevelKeySuggestsTheClosest) {
    const auto p = parse(
        "name: demo\n"
        "clustr:\n"
        "  release: emr-7.14.0\n");
    expect_only_problem(p.problems, {.message = "unknown key \"clustr\"",
                                     .line = 2,
                                     .column = 1,
                                     .key_path = "clustr",
                                     .hint = "did you mean \"cluster\"?",
                                     .line_text = "clustr:"});
}

TEST(ParseProject, UnknownNestedKeySuggestsTheClosest) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core:\n"
        "    cuont: 3\n");
    expect_only_problem(p.problems, {.message = "unknown key \"cuont\"",
                                     .line = 4,
                                     .column = 5,
                                     .key_path = "cluster.core.cuont",
                                     .hint = "did you mean \"count\"?"});
}

TEST(ParseProject, UnknownKeyFarFromAnyListsTheKnownKeys) {
    const auto p = parse(
        "name: demo\n"
        "network:\n"
        "  availability: 2\n");
    expect_only_problem(p.problems, {.message = "unknown key \"availability\"",
                                     .line = 3,
                                     .column = 3,
                                     .key_path = "network.availability",
                                     .hint = "known keys here: cidr, azs, nat or endpoints"});
}

TEST(ParseProject, PrimaryHasNoCount) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  primary: {type: m5.xlarge, count: 2}\n");
    expect_only_problem(p.problems, {.message = "unknown key \"count\"",
                                     .line = 3,
                                     .column = 30,
                                     .key_path = "cluster.primary.count",
                                     .hint = "type or market"});
}

TEST(ParseProject, CountThatIsAWordIsNotANumber) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core:\n"
        "    count: two\n");
    expect_only_problem(p.problems, {.message = "expected a whole number, got \"two\"",
                                     .line = 4,
                                     .column = 12,
                                     .key_path = "cluster.core.count",
                                     .hint = "write a number such as 2",
                                     .line_text = "    count: two"});
}

TEST(ParseProject, QuotedCountIsText) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core:\n"
        "    count: \"2\"\n");
    expect_only_problem(p.problems,
                        {.message = "expected a whole number, got the quoted text \"2\"",
                         .line = 4,
                         .column = 12,
                         .key_path = "cluster.core.count",
                         .hint = "remove the quotes"});
}

TEST(ParseProject, CountThatIsAFractionIsNotANumber) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core: {count: 2.5}\n");
    expect_only_problem(p.problems, {.message = "expected a whole number, got \"2.5\"",
                                     .line = 3,
                                     .column = 17,
                                     .key_path = "cluster.core.count",
                                     .hint = "write a number such as 2"});
}

TEST(ParseProject, ApplicationsAsOneWordIsNotAList) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  applications: Spark\n");
    expect_only_problem(p.problems, {.message = "expected a list, got \"Spark\"",
                                     .line = 3,
                                     .column = 17,
                                     .key_path = "cluster.applications",
                                     .hint = "write a list as [a, b]"});
}

TEST(ParseProject, JobsAsAMapIsNotAList) {
    const auto p = parse(
        "name: demo\n"
        "jobs:\n"
        "  pi:\n"
        "    script: jobs/pi.py\n");
    expect_only_problem(p.problems, {.message = "expected a list, got a map",
                                     .line = 3,
                                     .column = 3,
                                     .key_path = "jobs",
                                     .hint = "lines starting with \"- \""});
}

TEST(ParseProject, ClusterAsAWordIsNotAMap) {
    const auto p = parse(
        "name: demo\n"
        "cluster: big\n");
    expect_only_problem(p.problems, {.message = "expected a map of settings, got \"big\"",
                                     .line = 2,
                                     .column = 10,
                                     .key_path = "cluster",
                                     .hint = "indented under cluster"});
}

TEST(ParseProject, NameAsAListIsNotText) {
    const auto p = parse("name: [a, b]\n");
    expect_only_problem(p.problems, {.message = "expected a text value, got a list",
                                     .line = 1,
                                     .column = 7,
                                     .key_path = "name",
                                     .hint = "write a single value after the colon"});
}

TEST(ParseProject, TopLevelListIsNotAProject) {
    const auto p = parse("- name: demo\n");
    expect_only_problem(p.problems, {.message = "expected a map of settings, got a list",
                                     .line = 1,
                                     .column = 1,
                                     .key_path = "",
                                     .hint = "the top level"});
}

TEST(ParseProject, UnknownMarketSuggestsTheRightSpelling) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core:\n"
        "    market: spot\n");
    expect_only_problem(p.problems, {.message = "unknown value \"spot\"",
                                     .line = 4,
                                     .column = 13,
                                     .key_path = "cluster.core.market",
                                     .hint = "did you mean \"SPOT\"? (one of ON_DEMAND or SPOT)"});
}

TEST(ParseProject, UnknownEndpointSuggestsTheClosest) {
    const auto p = parse(
        "name: demo\n"
        "network:\n"
        "  endpoints: [s3, smm]\n");
    expect_only_problem(p.problems, {.message = "unknown value \"smm\"",
                                     .line = 3,
                                     .column = 19,
                                     .key_path = "network.endpoints[1]",
                                     .hint = "did you mean \"ssm\"?"});
}

TEST(ParseProject, UnknownWordFarFromAnyListsTheChoices) {
    const auto p = parse(
        "name: demo\n"
        "jobs:\n"
        "  - name: pi\n"
        "    script: jobs/pi.py\n"
        "    on_failure: explode\n");
    expect_only_problem(p.problems,
                        {.message = "unknown value \"explode\"",
                         .line = 5,
                         .column = 17,
                         .key_path = "jobs[0].on_failure",
                         .hint = "use one of CONTINUE, CANCEL_AND_WAIT or TERMINATE_CLUSTER"});
}

TEST(ParseProject, IdleTimeoutThatIsNotADuration) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  idle_timeout: soon\n");
    expect_only_problem(p.problems, {.message = "expected a duration, got \"soon\"",
                                     .line = 3,
                                     .column = 17,
                                     .key_path = "cluster.idle_timeout",
                                     .hint = "90s, 45m, 1h, 1h30m or 7d"});
}

TEST(ParseProject, EmptyFileIsAProblem) {
    const auto p = parse("");
    expect_only_problem(p.problems, {.message = "the project file is empty",
                                     .line = 0,
                                     .column = 0,
                                     .key_path = "",
                                     .hint = "emrctl init"});
}

TEST(ParseProject, FileWithOnlyCommentsIsEmpty) {
    const auto p = parse(
        "# my project\n"
        "\n"
        "   # nothing yet\n");
    expect_only_problem(p.problems, {.message = "the project file is empty",
                                     .line = 0,
                                     .column = 0,
                                     .key_path = "",
                                     .hint = "emrctl init"});
}

TEST(ParseProject, KeySetTwiceInAMap) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  release: emr-7.14.0\n"
        "  idle_timeout: 1h\n"
        "  release: emr-7.13.0\n");
    expect_only_problem(p.problems, {.message = "\"release\" is set twice",
                                     .line = 5,
                                     .column = 3,
                                     .key_path = "cluster.release",
                                     .hint = "keep one of the two"});
}

TEST(ParseProject, JobWithoutNameOrScript) {
    const auto p = parse(
        "name: demo\n"
        "jobs:\n"
        "  - args: [x]\n");
    ASSERT_EQ(p.problems.size(), 2U) << listing(p.problems);
    expect_problem(p.problems[0], {.message = "this job has no name",
                                   .line = 3,
                                   .column = 5,
                                   .key_path = "jobs[0]",
                                   .hint = "add `name: <name>`"});
    expect_problem(p.problems[1], {.message = "this job has no script",
                                   .line = 3,
                                   .column = 5,
                                   .key_path = "jobs[0]",
                                   .hint = "add `script: jobs/<file>.py`"});
}

TEST(ParseProject, EmptyValuePointsAtItsKey) {
    const auto p = parse(
        "name: demo\n"
        "cluster:\n"
        "  core:\n"
        "    count:\n"
        "  idle_timeout: 1h\n");
    ASSERT_EQ(p.problems.size(), 1U) << listing(p.problems);
    EXPECT_EQ(p.problems[0].message, "expected a whole number, got nothing");
    ASSERT_TRUE(p.problems[0].where);
    EXPECT_EQ(p.problems[0].where->line, 4);
    EXPECT_EQ(p.problems[0].where->line_text, "    count:");
}

TEST(ParseProject, ReportsEveryProblemInTheFile) {
    const auto p = parse(
        "name: demo\n"
        "clustr: 1\n"
        "cluster:\n"
        "  core:\n"
        "    count: two\n"
        "    market: spot\n"
        "  idle_timeout: soon\n"
        "network:\n"
        "  azs: \"3\"\n"
        "jobs:\n"
        "  - name: pi\n");
    ASSERT_EQ(p.problems.size(), 6U) << listing(p.problems);
    std::vector<std::string> keys;
    for (const auto& problem : p.problems) {
        ASSERT_TRUE(problem.where);
        EXPECT_GE(problem.where->line, 1);
        EXPECT_GE(problem.where->column, 1);
        keys.push_back(problem.where->key_path);
    }
    std::ranges::sort(keys);
    EXPECT_EQ(keys, (std::vector<std::string>{"cluster.core.count", "cluster.core.market",
                                              "cluster.idle_timeout", "clustr", "jobs[0]",
                                              "network.azs"}));
}

TEST(ParseProject, PositionsCountFromOne) {
    const auto p = parse("nmae: demo\n");
    expect_only_problem(p.problems, {.message = "unknown key \"nmae\"",
                                     .line = 1,
                                     .column = 1,
                                     .key_path = "nmae",
                                     .hint = "did you mean \"name\"?"});
}

TEST(ParseProject, WindowsLineEndingsAreNotPartOfTheLine) {
    const auto p = parse("name: demo\r\nclustr: 1\r\n");
    expect_only_problem(p.problems, {.message = "unknown key \"clustr\"",
                                     .line = 2,
                                     .column = 1,
                                     .key_path = "clustr",
                                     .hint = "did you mean \"cluster\"?",
                                     .line_text = "clustr: 1"});
}

}  // namespace
}  // namespace emrctl::config
