#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "problem_matchers.hpp"
#include <gtest/gtest.h>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/parse.hpp>
#include <emrctl/config/validate.hpp>

namespace emrctl::config {
namespace {

using namespace testing;

// The files a test project has: `files` are files, `folders` folders; anything else is missing.
FileFacts facts(std::initializer_list<std::string> files,
                std::initializer_list<std::string> folders = {}) {
    FileFacts f;
    for (const auto& path : files)
        f.paths[path] = PathInfo{.kind = PathKind::file, .size = 10};
    for (const auto& path : folders) {
        f.paths[path] = PathInfo{.kind = PathKind::folder};
        f.folder_files[path] = {FileEntry{.path = path + "/part-0.csv", .size = 10}};
    }
    return f;
}

// Parses `text` as emrctl.yaml over the defaults, then validates it as the loader does.
std::vector<Error> check(std::string_view text, const FileFacts& files) {
    Project project = native_defaults();
    SourceMap sources("emrctl.yaml");
    const auto parsed = parse_project(text, "emrctl.yaml", project, sources);
    if (!parsed.empty()) {
        ADD_FAILURE() << "the test project does not parse:" << listing(parsed);
        return parsed;
    }
    apply_derived_defaults(project, sources);  // as the loader does
    normalize_paths(project);
    return validate(project, sources, files);
}

// A valid project's jobs, to append after the settings under test.
constexpr std::string_view k_jobs =
    "jobs:\n"
    "  - name: pi\n"
    "    script: jobs/pi.py\n";

FileFacts pi_facts() {
    return facts({"jobs/pi.py"});
}

std::string with_jobs(std::string_view settings) {
    return std::string(settings) + std::string(k_jobs);
}

TEST(Validate, AMinimalProjectIsValid) {
    expect_valid(check("name: demo\n" + std::string(k_jobs), pi_facts()));
}

TEST(Validate, TheDesignExampleIsValid) {
    expect_valid(check(
        "name: siads516\n"
        "region: us-east-1\n"
        "network: {cidr: 172.16.0.0/22, azs: 1, nat: single, endpoints: [s3, ssm]}\n"
        "cluster:\n"
        "  release: emr-7.14.0\n"
        "  applications: [Hadoop, Spark, Livy, JupyterEnterpriseGateway]\n"
        "  primary: {type: m6g.xlarge}\n"
        "  core: {type: m6g.xlarge, count: 2, market: SPOT}\n"
        "  bootstrap: [bootstrap/install.sh]\n"
        "  idle_timeout: 1h\n"
        "jobs:\n"
        "  - name: pi\n"
        "    script: jobs/pi.py\n"
        "    args: [--partitions, \"4\"]\n"
        "  - name: wordcount\n"
        "    script: jobs/wordcount.py\n"
        "    data: data/articles\n",
        facts({"bootstrap/install.sh", "jobs/pi.py", "jobs/wordcount.py"}, {"data/articles"})));
}

TEST(Validate, PathsAreLookedUpNormalized) {
    expect_valid(
        check("name: demo\n"
              "jobs:\n"
              "  - name: pi\n"
              "    script: ./jobs//pi.py\n"
              "    data: data/articles/\n",
              facts({"jobs/pi.py"}, {"data/articles"})));
}

TEST(Validate, CidrWithAnOctetOver255) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network:\n"
                                        "  cidr: 300.1.2.3/22\n"),
                              pi_facts()),
                        {.message = "\"300.1.2.3/22\" is not an IPv4 CIDR block",
                         .line = 3,
                         .column = 9,
                         .key_path = "network.cidr",
                         .hint = "e.g. 172.16.0.0/22",
                         .line_text = "  cidr: 300.1.2.3/22"});
}

TEST(Validate, CidrThatIsNotTheStartOfItsBlock) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network:\n"
                                        "  cidr: 172.16.0.1/22\n"),
                              pi_facts()),
                        {.message = "\"172.16.0.1/22\" is not the first address of a /22 block",
                         .line = 3,
                         .column = 9,
                         .key_path = "network.cidr",
                         .hint = "did you mean 172.16.0.0/22?"});
}

TEST(Validate, CidrThatIsNotACidr) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network: {cidr: abc}\n"),
                              pi_facts()),
                        {.message = "\"abc\" is not an IPv4 CIDR block",
                         .line = 2,
                         .column = 17,
                         .key_path = "network.cidr",
                         .hint = "write an address and a prefix length"});
}

TEST(Validate, CidrSmallerThanSlash28) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network:\n"
                                        "  cidr: 10.0.0.0/29\n"),
                              pi_facts()),
                        {.message = "a VPC of /29 is outside what AWS allows (/16 to /28)",
                         .line = 3,
                         .column = 9,
                         .key_path = "network.cidr",
                         .hint = "from /16 (65,536 addresses) to /28 (16)"});
}

TEST(Validate, CidrTooSmallForTheSubnetsOfItsAzs) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network:\n"
                                        "  cidr: 10.0.0.0/26\n"
                                        "  azs: 3\n"),
                              pi_facts()),
                        {.message = "\"10.0.0.0/26\" is too small for 6 subnets (a public and a "
                                    "private one per AZ)",
                         .line = 3,
                         .column = 9,
                         .key_path = "network.cidr",
                         .hint = "use a larger block"});
    // The same block holds the two subnets of one AZ (/27 each).
    expect_valid(check(with_jobs("name: demo\n"
                                 "network: {cidr: 10.0.0.0/26, azs: 1}\n"),
                       pi_facts()));
}

TEST(Validate, CidrLargerThanSlash16) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network:\n"
                                        "  cidr: 10.0.0.0/15\n"),
                              pi_facts()),
                        {.message = "a VPC of /15 is outside what AWS allows (/16 to /28)",
                         .line = 3,
                         .column = 9,
                         .key_path = "network.cidr",
                         .hint = "from /16"});
}

TEST(Validate, ASlash24HoldsTheSubnetsOfThreeAzs) {
    expect_valid(check(with_jobs("name: demo\n"
                                 "network:\n"
                                 "  cidr: 10.0.0.0/24\n"
                                 "  azs: 3\n"),
                       pi_facts()));
    expect_valid(check(with_jobs("name: demo\n"
                                 "network: {cidr: 10.0.0.0/16, azs: 3}\n"),
                       pi_facts()));
}

TEST(SubnetPrefix, AddsTheBitsThatNumberTheSubnets) {
    EXPECT_EQ(subnet_prefix(22, 1), 22);
    EXPECT_EQ(subnet_prefix(22, 2), 23);
    EXPECT_EQ(subnet_prefix(24, 4), 26);
    EXPECT_EQ(subnet_prefix(24, 6), 27);
    EXPECT_EQ(subnet_prefix(16, 3), 18);
}

TEST(Validate, ZeroAzs) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network:\n"
                                        "  azs: 0\n"),
                              pi_facts()),
                        {.message = "0 availability zones is out of range",
                         .line = 3,
                         .column = 8,
                         .key_path = "network.azs",
                         .hint = "use 1 to 3"});
}

TEST(Validate, FourAzs) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "network:\n"
                                        "  azs: 4\n"),
                              pi_facts()),
                        {.message = "4 availability zones is out of range",
                         .line = 3,
                         .column = 8,
                         .key_path = "network.azs",
                         .hint = "use 1 to 3"});
}

TEST(Validate, NegativeCoreCount) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  core:\n"
                                        "    count: -1\n"),
                              pi_facts()),
                        {.message = "-1 core instances is out of range",
                         .line = 4,
                         .column = 12,
                         .key_path = "cluster.core.count",
                         .hint = "use 0 (a single-node cluster) to 256"});
}

TEST(Validate, CoreCountOver256) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  core:\n"
                                        "    count: 257\n"),
                              pi_facts()),
                        {.message = "257 core instances is out of range",
                         .line = 4,
                         .column = 12,
                         .key_path = "cluster.core.count",
                         .hint = "to 256"});
}

TEST(Validate, CoreCountZeroAnd256AreAllowed) {
    expect_valid(check(with_jobs("name: demo\n"
                                 "cluster: {core: {count: 0}}\n"),
                       pi_facts()));
    expect_valid(check(with_jobs("name: demo\n"
                                 "cluster: {core: {count: 256}}\n"),
                       pi_facts()));
}

TEST(Validate, InstanceTypeWithoutSize) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  core:\n"
                                        "    type: m6g\n"),
                              pi_facts()),
                        {.message = "\"m6g\" is not an EC2 instance type",
                         .line = 4,
                         .column = 11,
                         .key_path = "cluster.core.type",
                         .hint = "write family.size, e.g. m6g.xlarge"});
}

TEST(Validate, InstanceTypeWithoutFamily) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  primary:\n"
                                        "    type: xlarge\n"),
                              pi_facts()),
                        {.message = "\"xlarge\" is not an EC2 instance type",
                         .line = 4,
                         .column = 11,
                         .key_path = "cluster.primary.type",
                         .hint = "family.size"});
}

TEST(Validate, NewerFamilyAtLargeIsTooSmallForEmr) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  core:\n"
                                        "    type: m6g.large\n"),
                              pi_facts()),
                        {.message = "EMR supports m6g from m6g.xlarge, not m6g.large",
                         .line = 4,
                         .column = 11,
                         .key_path = "cluster.core.type",
                         .hint = "use m6g.xlarge, or m4.large"});
}

TEST(Validate, M4LargeIsAccepted) {
    expect_valid(check(with_jobs("name: demo\n"
                                 "cluster:\n"
                                 "  primary: {type: m4.large}\n"
                                 "  core: {type: m4.large}\n"),
                       pi_facts()));
}

TEST(Validate, OtherSizesAreAccepted) {
    expect_valid(check(with_jobs("name: demo\n"
                                 "cluster:\n"
                                 "  primary: {type: r7gd.16xlarge}\n"
                                 "  core: {type: c5n.metal}\n"),
                       pi_facts()));
}

TEST(Validate, MicroInstancesAreTooSmallForEmr) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  core:\n"
                                        "    type: t3.micro\n"),
                              pi_facts()),
                        {.message = "EMR does not run on micro instances (t3.micro)",
                         .line = 4,
                         .column = 11,
                         .key_path = "cluster.core.type",
                         .hint = "use t3.xlarge or larger"});
}

TEST(Validate, ScriptThatDoesNotExist) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: pi\n"
                              "    script: jobs/pi.py\n",
                              facts({})),
                        {.message = "script \"jobs/pi.py\" does not exist",
                         .line = 4,
                         .column = 13,
                         .key_path = "jobs[0].script",
                         .hint = "e.g. jobs/pi.py",
                         .line_text = "    script: jobs/pi.py"});
}

TEST(Validate, ScriptThatIsAFolder) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: pi\n"
                              "    script: jobs/pi.py\n",
                              facts({}, {"jobs/pi.py"})),
                        {.message = "\"jobs/pi.py\" is a folder, not a script",
                         .line = 4,
                         .column = 13,
                         .key_path = "jobs[0].script",
                         .hint = "name the .py file"});
}

TEST(Validate, ScriptThatIsNeitherPythonNorJar) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: pi\n"
                              "    script: jobs/pi.sh\n",
                              facts({"jobs/pi.sh"})),
                        {.message = "script \"jobs/pi.sh\" is neither .py nor .jar",
                         .line = 4,
                         .column = 13,
                         .key_path = "jobs[0].script",
                         .hint = "PySpark script (.py) or a jar"});
}

TEST(Validate, ScriptInS3NeedsNoLocalFile) {
    expect_valid(
        check("name: demo\n"
              "jobs:\n"
              "  - name: pi\n"
              "    script: s3://shared/code/pi.py\n",
              facts({})));
}

TEST(Validate, DuplicateJobNames) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: pi\n"
                              "    script: jobs/pi.py\n"
                              "  - name: pi\n"
                              "    script: jobs/pi2.py\n",
                              facts({"jobs/pi.py", "jobs/pi2.py"})),
                        {.message = "job name \"pi\" is already used by jobs[0]",
                         .line = 5,
                         .column = 11,
                         .key_path = "jobs[1].name",
                         .hint = "give every job its own name"});
}

TEST(Validate, JobNamesWithTheSameOutputFolder) {
    expect_only_problem(
        check("name: demo\n"
              "jobs:\n"
              "  - name: word-count\n"
              "    script: jobs/a.py\n"
              "  - name: wordcount\n"
              "    script: jobs/b.py\n",
              facts({"jobs/a.py", "jobs/b.py"})),
        {.message = "job names \"word-count\" and \"wordcount\" both write to outputs/wordcount/",
         .line = 5,
         .column = 11,
         .key_path = "jobs[1].name",
         .hint = "named after the letters and digits of the name"});
}

TEST(Validate, JobNameWithoutLettersOrDigits) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: \"---\"\n"
                              "    script: jobs/a.py\n",
                              facts({"jobs/a.py"})),
                        {.message = "job name \"---\" has no letters or digits",
                         .line = 3,
                         .column = 11,
                         .key_path = "jobs[0].name",
                         .hint = "use e.g. \"wordcount\""});
}

TEST(Validate, ScriptsWithTheSameFileNameWouldOverwriteEachOther) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: a\n"
                              "    script: jobs/a/main.py\n"
                              "  - name: b\n"
                              "    script: jobs/b/main.py\n",
                              facts({"jobs/a/main.py", "jobs/b/main.py"})),
                        {.message = "\"jobs/b/main.py\" and \"jobs/a/main.py\" would both upload "
                                    "to code/main.py",
                         .line = 6,
                         .column = 13,
                         .key_path = "jobs[1].script",
                         .hint = "different file names"});
}

TEST(Validate, TwoJobsMayRunTheSameScript) {
    expect_valid(
        check("name: demo\n"
              "jobs:\n"
              "  - name: a\n"
              "    script: jobs/main.py\n"
              "  - name: b\n"
              "    script: jobs/main.py\n",
              facts({"jobs/main.py"})));
}

TEST(Validate, EmptyScriptIsAProblem) {
    const auto problems = check(
        "name: demo\n"
        "jobs:\n"
        "  - name: pi\n"
        "    script: \"\"\n",
        pi_facts());
    ASSERT_EQ(problems.size(), 1U) << listing(problems);
    ASSERT_TRUE(problems[0].where);
    EXPECT_EQ(problems[0].where->key_path, "jobs[0].script");
    EXPECT_EQ(problems[0].where->line, 4);
}

TEST(Validate, EmptyJobNameIsAProblem) {
    const auto problems = check(
        "name: demo\n"
        "jobs:\n"
        "  - name: \"\"\n"
        "    script: jobs/pi.py\n",
        pi_facts());
    ASSERT_EQ(problems.size(), 1U) << listing(problems);
    ASSERT_TRUE(problems[0].where);
    EXPECT_EQ(problems[0].where->key_path, "jobs[0].name");
    EXPECT_EQ(problems[0].where->line, 3);
}

TEST(Validate, DataFolderThatDoesNotExist) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: wc\n"
                              "    script: jobs/wc.py\n"
                              "    data: data/articles\n",
                              facts({"jobs/wc.py"})),
                        {.message = "data folder \"data/articles\" does not exist",
                         .line = 5,
                         .column = 11,
                         .key_path = "jobs[0].data",
                         .hint = "create it, or fix the path"});
}

TEST(Validate, DataThatIsAFile) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: wc\n"
                              "    script: jobs/wc.py\n"
                              "    data: data/articles.csv\n",
                              facts({"jobs/wc.py", "data/articles.csv"})),
                        {.message = "\"data/articles.csv\" is a file, not a folder",
                         .line = 5,
                         .column = 11,
                         .key_path = "jobs[0].data",
                         .hint = "name the folder"});
}

TEST(Validate, IdleTimeoutUnderAMinute) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  idle_timeout: 59s\n"),
                              pi_facts()),
                        {.message = "idle timeout 59s is outside what EMR accepts",
                         .line = 3,
                         .column = 17,
                         .key_path = "cluster.idle_timeout",
                         .hint = "use 1m to 7d (60 to 604800 seconds)"});
}

TEST(Validate, IdleTimeoutOverSevenDays) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  idle_timeout: 8d\n"),
                              pi_facts()),
                        {.message = "idle timeout 8d is outside what EMR accepts",
                         .line = 3,
                         .column = 17,
                         .key_path = "cluster.idle_timeout",
                         .hint = "use 1m to 7d"});
}

TEST(Validate, IdleTimeoutOfAMinuteToSevenDaysIsAccepted) {
    for (const std::string value : {"60s", "1m", "7d", "604800", "6d23h59m59s"}) {
        expect_valid(
            check(with_jobs("name: demo\ncluster:\n  idle_timeout: " + value + "\n"), pi_facts()));
    }
}

TEST(Validate, UnknownReleaseSuggestsTheClosest) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  release: emr-7.14\n"),
                              pi_facts()),
                        {.message = "unknown EMR release label \"emr-7.14\"",
                         .line = 3,
                         .column = 12,
                         .key_path = "cluster.release",
                         .hint = "did you mean \"emr-7.14.0\"?"});
}

TEST(Validate, UnknownReleaseFarFromAnyNamesTheKnownRange) {
    const auto problems = check(with_jobs("name: demo\n"
                                          "cluster: {release: spark-latest}\n"),
                                pi_facts());
    ASSERT_EQ(problems.size(), 1U) << listing(problems);
    EXPECT_EQ(problems[0].hint.find("did you mean"), std::string::npos) << problems[0].hint;
    EXPECT_NE(problems[0].hint.find("emr-6.11.0 to emr-7.14.0 and emr-spark-8.0.0"),
              std::string::npos)
        << problems[0].hint;
}

TEST(Validate, SparkMissingFromApplications) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  applications: [Hadoop, Livy]\n"),
                              pi_facts()),
                        {.message = "Spark is not among the cluster's applications",
                         .line = 3,
                         .column = 17,
                         .key_path = "cluster.applications",
                         .hint = "add Spark"});
}

TEST(Validate, UnknownApplicationSuggestsTheClosest) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  applications: [Spark, Jupyterhub]\n"),
                              pi_facts()),
                        {.message = "unknown EMR application \"Jupyterhub\"",
                         .line = 3,
                         .column = 25,
                         .key_path = "cluster.applications[1]",
                         .hint = "did you mean \"JupyterHub\"?"});
}

TEST(Validate, HadoopOnTheSparkRuntimeRelease) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  release: emr-spark-8.0.0\n"
                                        "  applications: [Hadoop, Spark]\n"),
                              pi_facts()),
                        {.message = "emr-spark-8.0.0 does not ship Hadoop",
                         .line = 4,
                         .column = 18,
                         .key_path = "cluster.applications[0]",
                         .hint = "remove it: the Spark runtime releases have"});
}

TEST(Validate, SparkRuntimeReleaseWithDefaultApplicationsIsValid) {
    expect_valid(check(with_jobs("name: demo\n"
                                 "cluster:\n"
                                 "  release: emr-spark-8.0.0\n"),
                       pi_facts()));
}

TEST(Validate, ScriptInAParentFolder) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: a\n"
                              "    script: ../x.py\n",
                              facts({"../x.py"})),
                        {.message = "\"../x.py\" is outside the project folder",
                         .line = 4,
                         .column = 13,
                         .key_path = "jobs[0].script",
                         .hint = "move it into the project folder"});
}

TEST(Validate, ScriptWithAnAbsolutePath) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: a\n"
                              "    script: /abs/x.py\n",
                              facts({"/abs/x.py"})),
                        {.message = "\"/abs/x.py\" is outside the project folder",
                         .line = 4,
                         .column = 13,
                         .key_path = "jobs[0].script",
                         .hint = "write its path relative to it"});
}

TEST(Validate, DataOutsideTheProject) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: a\n"
                              "    script: jobs/a.py\n"
                              "    data: ../data\n",
                              facts({"jobs/a.py"}, {"../data"})),
                        {.message = "\"../data\" is outside the project folder",
                         .line = 5,
                         .column = 11,
                         .key_path = "jobs[0].data",
                         .hint = "or use an s3:// URI"});
}

TEST(Validate, JarWithoutMainClassPointsAtItsJob) {
    // main_class is not written, so the problem is shown at the closest written ancestor.
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: agg\n"
                              "    script: jobs/agg.jar\n",
                              facts({"jobs/agg.jar"})),
                        {.message = "the jar job has no main class",
                         .line = 3,
                         .column = 5,
                         .key_path = "jobs[0].main_class",
                         .hint = "add `main_class: com.example.Main`",
                         .line_text = "  - name: agg"});
}

TEST(Validate, MainClassOnAPythonJob) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: pi\n"
                              "    script: jobs/pi.py\n"
                              "    main_class: com.example.Main\n",
                              pi_facts()),
                        {.message = "main_class is for .jar scripts only",
                         .line = 5,
                         .column = 17,
                         .key_path = "jobs[0].main_class",
                         .hint = "remove main_class"});
}

TEST(Validate, NameWithUppercase) {
    expect_only_problem(check(with_jobs("name: Demo\n"), pi_facts()),
                        {.message = "\"Demo\" cannot prefix AWS resource names",
                         .line = 1,
                         .column = 7,
                         .key_path = "name",
                         .hint = "lowercase letters, digits and single hyphens"});
}

TEST(Validate, NameRules) {
    for (const std::string& bad :
         std::vector<std::string>{"1demo", "demo-", "de--mo", "de_mo", std::string(41, 'a')}) {
        const auto problems = check(with_jobs("name: \"" + bad + "\"\n"), pi_facts());
        ASSERT_EQ(problems.size(), 1U) << bad << listing(problems);
        EXPECT_EQ(problems[0].message, "\"" + bad + "\" cannot prefix AWS resource names");
    }
    for (const std::string& good :
         std::vector<std::string>{"d", "demo-2", "spark-homework", std::string(40, 'a')}) {
        expect_valid(check(with_jobs("name: " + good + "\n"), pi_facts()));
    }
}

TEST(Validate, MissingNamePointsAtTheFile) {
    // Nothing in the file is an ancestor of `name`: the problem names the file only.
    expect_only_problem(check(k_jobs, pi_facts()), {.message = "the project has no name",
                                                    .line = 0,
                                                    .column = 0,
                                                    .key_path = "name",
                                                    .hint = "add `name: my-project` at the top"});
}

TEST(Validate, RegionThatIsNotARegionCode) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "region: us-east\n"),
                              pi_facts()),
                        {.message = "\"us-east\" is not an AWS region name",
                         .line = 2,
                         .column = 9,
                         .key_path = "region",
                         .hint = "us-east-1"});
    expect_valid(check(with_jobs("name: demo\nregion: us-gov-west-1\n"), pi_facts()));
}

TEST(Validate, SparkSettingWithoutSparkPrefix) {
    expect_only_problem(check("name: demo\n"
                              "jobs:\n"
                              "  - name: pi\n"
                              "    script: jobs/pi.py\n"
                              "    spark_conf:\n"
                              "      executor.memory: 4g\n",
                              pi_facts()),
                        {.message = "Spark setting \"executor.memory\" does not start with "
                                    "\"spark.\"",
                         .line = 6,
                         .column = 24,
                         .key_path = "jobs[0].spark_conf.executor.memory",
                         .hint = "spark.executor.memory"});
}

TEST(Validate, BootstrapScriptThatDoesNotExist) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "cluster:\n"
                                        "  bootstrap: [bootstrap/setup.sh]\n"),
                              pi_facts()),
                        {.message = "bootstrap script \"bootstrap/setup.sh\" does not exist",
                         .line = 3,
                         .column = 15,
                         .key_path = "cluster.bootstrap[0]",
                         .hint = "or an s3:// URI"});
}

TEST(Validate, ExistingBucketThatIsNotABucketName) {
    expect_only_problem(check(with_jobs("name: demo\n"
                                        "existing_data_buckets: [s3://my-data, Bad_Bucket]\n"),
                              pi_facts()),
                        {.message = "\"Bad_Bucket\" is not an S3 bucket name",
                         .line = 2,
                         .column = 39,
                         .key_path = "existing_data_buckets[1]",
                         .hint = "e.g. my-datasets or s3://my-datasets"});
}

TEST(Validate, NamingSuffixRules) {
    Project project = native_defaults();
    project.name = "demo";
    project.jobs = {Job{.name = "pi", .script = "jobs/pi.py"}};
    SourceMap sources("emrctl.yaml");
    project.suffix = "a1b2c3";
    expect_valid(validate(project, sources, pi_facts()));
    project.suffix = "Not_Ok";
    expect_only_problem(validate(project, sources, pi_facts()),
                        {.message = "naming suffix \"Not_Ok\" is not usable",
                         .line = 0,
                         .column = 0,
                         .key_path = "naming_suffix",
                         .hint = "1 to 16 lowercase letters and digits"});
}

TEST(Validate, ReportsEveryProblem) {
    const auto problems = check(
        "name: Demo\n"
        "network: {cidr: 172.16.0.1/22, azs: 4}\n"
        "cluster:\n"
        "  release: emr-7.14\n"
        "  applications: [Hadoop]\n"
        "  core: {type: m6g.large, count: 300}\n"
        "  idle_timeout: 8d\n"
        "jobs:\n"
        "  - name: pi\n"
        "    script: jobs/pi.py\n"
        "  - name: pi\n"
        "    script: ../other.py\n",
        facts({}));
    ASSERT_EQ(problems.size(), 11U) << listing(problems);
    std::vector<std::string> keys;
    for (const auto& problem : problems) {
        ASSERT_TRUE(problem.where);
        EXPECT_GE(problem.where->line, 1) << problem.message;
        EXPECT_GE(problem.where->column, 1) << problem.message;
        keys.push_back(problem.where->key_path);
    }
    std::ranges::sort(keys);
    EXPECT_EQ(keys, (std::vector<std::string>{
                        "cluster.applications", "cluster.core.count", "cluster.core.type",
                        "cluster.idle_timeout", "cluster.release", "jobs[0].script", "jobs[1].name",
                        "jobs[1].script", "name", "network.azs", "network.cidr"}));
}

}  // namespace
}  // namespace emrctl::config
