#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/overrides.hpp>
#include <emrctl/config/validate.hpp>

namespace emrctl::config {
namespace {

using namespace std::chrono_literals;

struct Overridden {
    Project project;
    SourceMap sources{"emrctl.yaml"};
    std::vector<Error> problems;
};

Overridden apply(const std::vector<std::string>& assignments, Project base = native_defaults()) {
    Overridden o{.project = std::move(base)};
    o.problems = apply_overrides(assignments, o.project, o.sources);
    return o;
}

std::string listing(const std::vector<Error>& problems) {
    std::string out;
    for (const auto& p : problems) {
        out += "\n  ";
        if (p.where) out += p.where->file + " [" + p.where->key_path + "] ";
        out += p.message + " (" + p.hint + ")";
    }
    return out;
}

TEST(ApplyOverrides, InstanceTypeSetsPrimaryAndCore) {
    const auto o = apply({"instance_type=m5.xlarge"}, seed_defaults());
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.cluster.primary.type, "m5.xlarge");
    EXPECT_EQ(o.project.cluster.core.type, "m5.xlarge");
}

TEST(ApplyOverrides, InstanceConsumptionSetsBothMarkets) {
    const auto o = apply({"instance_consumption=ON_DEMAND"}, seed_defaults());
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.cluster.primary.market, Market::on_demand);
    EXPECT_EQ(o.project.cluster.core.market, Market::on_demand);
}

TEST(ApplyOverrides, SeedNamesSetTheirFields) {
    const auto o = apply({"nb_core_instances=5", "max_azs=2", "cidr=10.0.0.0/16",
                          "naming_prefix=my-project", "naming_suffix=abc123"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.cluster.core.count, 5);
    EXPECT_EQ(o.project.network.azs, 2);
    EXPECT_EQ(o.project.network.cidr, "10.0.0.0/16");
    EXPECT_EQ(o.project.name, "my-project");
    EXPECT_EQ(o.project.suffix, "abc123");
}

TEST(ApplyOverrides, SuffixIsAnotherNameForNamingSuffix) {
    const auto o = apply({"suffix=x9"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.suffix, "x9");
    ASSERT_NE(o.sources.find("naming_suffix"), nullptr);
    EXPECT_EQ(o.sources.find("naming_suffix")->key_path, "suffix");
}

TEST(ApplyOverrides, ExistingDataBucketsIsACommaSeparatedList) {
    const auto o = apply({"existing_data_buckets=shared-data, s3://other-data"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.existing_data_buckets,
              (std::vector<std::string>{"shared-data", "s3://other-data"}));
}

TEST(ApplyOverrides, ExistingDataBucketsOfShortNames) {
    const auto o = apply({"existing_data_buckets=a,b"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.existing_data_buckets, (std::vector<std::string>{"a", "b"}));
    ASSERT_NE(o.sources.find("existing_data_buckets"), nullptr);
    EXPECT_EQ(o.sources.find("existing_data_buckets")->key_path, "existing_data_buckets");
}

TEST(ApplyOverrides, DottedKeysOfTheProjectFile) {
    const auto o =
        apply({"cluster.core.count=3", "cluster.release=emr-7.13.0", "network.endpoints=s3",
               "cluster.idle_timeout=2h", "region=eu-west-3", "cluster.applications=Spark,Livy"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.cluster.core.count, 3);
    EXPECT_EQ(o.project.cluster.release, "emr-7.13.0");
    EXPECT_EQ(o.project.network.endpoints, std::vector<Endpoint>{Endpoint::s3});
    EXPECT_EQ(o.project.cluster.idle_timeout, 2h);
    EXPECT_EQ(o.project.region, "eu-west-3");
    EXPECT_EQ(o.project.cluster.applications, (std::vector<std::string>{"Spark", "Livy"}));
}

TEST(ApplyOverrides, LeavesOtherSettingsAlone) {
    Project base = native_defaults();
    base.name = "demo";
    base.jobs = {Job{.name = "pi", .script = "jobs/pi.py"}};
    const auto o = apply({"cluster.core.count=3"}, base);
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.name, "demo");
    ASSERT_EQ(o.project.jobs.size(), 1U);
    EXPECT_EQ(o.project.jobs[0].script, "jobs/pi.py");
    EXPECT_EQ(o.project.cluster.core.type, base.cluster.core.type);
}

TEST(ApplyOverrides, TheLastAssignmentWins) {
    const auto o = apply({"nb_core_instances=5", "cluster.core.count=7"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.cluster.core.count, 7);
}

TEST(ApplyOverrides, ValuesWithSpacesAndQuotesAreText) {
    const auto o = apply({"naming_prefix=my \"big\" project: x"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.name, "my \"big\" project: x");
}

TEST(ApplyOverrides, ValuesThatLookLikeYamlKeywordsAreText) {
    const auto o = apply({"naming_prefix=null", "region=true"});
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    EXPECT_EQ(o.project.name, "null");
}

TEST(ApplyOverrides, RecordsTheCommandLineAsTheSource) {
    const auto o = apply({"instance_type=m5.xlarge"});
    for (const auto* path : {"cluster.primary.type", "cluster.core.type"}) {
        const auto* where = o.sources.find(path);
        ASSERT_NE(where, nullptr) << path;
        EXPECT_EQ(where->file, "command line");
        EXPECT_EQ(where->key_path, "instance_type");
        EXPECT_EQ(where->line_text, "-c instance_type=m5.xlarge");
        EXPECT_EQ(where->line, 0);
    }
}

TEST(ApplyOverrides, UnknownKeySuggestsTheClosest) {
    const auto o = apply({"nb_core_instance=3"});
    ASSERT_EQ(o.problems.size(), 1U) << listing(o.problems);
    const auto& e = o.problems[0];
    EXPECT_EQ(e.kind, ErrorKind::config);
    EXPECT_EQ(e.message, "unknown context key \"nb_core_instance\"");
    EXPECT_EQ(e.hint, "did you mean \"nb_core_instances\"?");
    ASSERT_TRUE(e.where);
    EXPECT_EQ(e.where->file, "command line");
    EXPECT_EQ(e.where->key_path, "nb_core_instance");
    EXPECT_EQ(e.where->line_text, "-c nb_core_instance=3");
}

TEST(ApplyOverrides, UnknownDottedKeySuggestsTheClosest) {
    const auto o = apply({"cluster.core.countt=3"});
    ASSERT_EQ(o.problems.size(), 1U) << listing(o.problems);
    EXPECT_EQ(o.problems[0].hint, "did you mean \"cluster.core.count\"?");
}

TEST(ApplyOverrides, UnknownKeyFarFromAnyListsTheSettableKeys) {
    const auto o = apply({"zzzzzzzzzzzz=3"});
    ASSERT_EQ(o.problems.size(), 1U) << listing(o.problems);
    EXPECT_NE(o.problems[0].hint.find("settable keys: name, region,"), std::string::npos)
        << o.problems[0].hint;
    EXPECT_NE(o.problems[0].hint.find("nb_core_instances"), std::string::npos)
        << o.problems[0].hint;
}

TEST(ApplyOverrides, WrongTypeNamesTheCommandLine) {
    const auto o = apply({"nb_core_instances=abc"});
    ASSERT_EQ(o.problems.size(), 1U) << listing(o.problems);
    const auto& e = o.problems[0];
    EXPECT_EQ(e.message, "expected a whole number, got \"abc\"");
    EXPECT_NE(e.hint.find("write a number such as 2"), std::string::npos) << e.hint;
    ASSERT_TRUE(e.where);
    EXPECT_EQ(e.where->file, "command line");
    EXPECT_EQ(e.where->key_path, "nb_core_instances");
    EXPECT_EQ(e.where->line_text, "-c nb_core_instances=abc");
    EXPECT_EQ(e.where->line, 0);
    EXPECT_EQ(e.where->column, 0);
}

TEST(ApplyOverrides, MissingEqualsSign) {
    for (const std::string assignment : {"nb_core_instances", "=3"}) {
        const auto o = apply({assignment});
        ASSERT_EQ(o.problems.size(), 1U) << listing(o.problems);
        const auto& e = o.problems[0];
        EXPECT_EQ(e.message, "\"-c " + assignment + "\" is not key=value");
        EXPECT_NE(e.hint.find("-c nb_core_instances=3"), std::string::npos) << e.hint;
        ASSERT_TRUE(e.where);
        EXPECT_EQ(e.where->file, "command line");
        EXPECT_EQ(e.where->line_text, "-c " + assignment);
    }
}

TEST(ApplyOverrides, ReportsEveryBadAssignment) {
    const auto o = apply({"nb_core_instances=abc", "bogus=1", "max_azs", "cidr=10.0.0.0/16"});
    EXPECT_EQ(o.problems.size(), 3U) << listing(o.problems);
    EXPECT_EQ(o.project.network.cidr, "10.0.0.0/16");
}

TEST(ApplyOverrides, OneBadValueForTwoFieldsIsOneProblem) {
    const auto o = apply({"instance_consumption=spot"});
    ASSERT_EQ(o.problems.size(), 1U) << listing(o.problems);
    EXPECT_EQ(o.problems[0].message, "unknown value \"spot\"");
}

TEST(ApplyOverrides, ValidationProblemsPointAtTheCommandLine) {
    Project base = native_defaults();
    base.name = "demo";
    auto o = apply({"nb_core_instances=300"}, base);
    ASSERT_TRUE(o.problems.empty()) << listing(o.problems);
    const auto problems = validate(o.project, o.sources, FileFacts{});
    ASSERT_EQ(problems.size(), 1U) << listing(problems);
    EXPECT_EQ(problems[0].message, "300 core instances is out of range");
    ASSERT_TRUE(problems[0].where);
    EXPECT_EQ(problems[0].where->file, "command line");
    EXPECT_EQ(problems[0].where->key_path, "nb_core_instances");
    EXPECT_EQ(problems[0].where->line_text, "-c nb_core_instances=300");
}

}  // namespace
}  // namespace emrctl::config
