// `emrctl run --local` against a real local Spark (CTest label `spark`): what the user sees when
// jobs pass, fail, fail to parse, or lack their data, and that ActionOnFailure holds.

#include <filesystem>

#include "../support/emrctl_process.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using emrctl::testing::read_file;

// One venv for every test (the fixture test "spark_venv" creates it), not one per project.
const std::string k_env = "EMRCTL_LOCAL_VENV=" + std::string(EMRCTL_SPARK_VENV);

class LocalRun : public emrctl::testing::EmrctlTest {
  protected:
    // A project with the given jobs section; scripts are written by the test.
    fs::path project(const std::string& jobs) {
        const auto dir = m_dir / "project";
        write(dir / "emrctl.yaml", "name: sparktest\njobs:\n" + jobs);
        return dir;
    }
};

constexpr const char* k_word_count = R"(import argparse
from pyspark.sql import SparkSession
p = argparse.ArgumentParser()
p.add_argument("--output_uri", required=True)
p.add_argument("--data_source_folder", required=True)
p.add_argument("--min", type=int, default=1)
a = p.parse_args()
spark = SparkSession.builder.getOrCreate()
words = spark.read.option("recursiveFileLookup", "true").text(a.data_source_folder).selectExpr("explode(split(value, ' ')) AS w")
counts = words.groupBy("w").count().where(f"count >= {a.min}").orderBy("w")
counts.coalesce(1).write.mode("overwrite").csv(a.output_uri)
for row in counts.collect():
    print(f"{row.w}={row['count']}")
)";

TEST_F(LocalRun, AJobWithDataGetsTheContractArgumentsAndWritesItsOutputs) {
    const auto dir = project(
        "  - name: word-count\n    script: jobs/wc.py\n    data: data/in\n    args: [--min, "
        "\"2\"]\n");
    write(dir / "jobs/wc.py", k_word_count);
    write(dir / "data/in/a.txt", "spark spark emr\n");
    write(dir / "data/in/deeper/b.txt", "emr local\n");
    const auto r = emrctl("run --local", dir, k_env);
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("word-count: RUNNING (step s-L00000001)\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("word-count: COMPLETED in "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("    emr=2\n    spark=2\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("local=1"), std::string::npos) << "--min 2 was passed on: " << r.out;
    EXPECT_NE(r.out.find("1 of 1 jobs completed"), std::string::npos);
    // The outputs are where EMR would put them, in the local mirror of the data bucket.
    bool wrote_csv = false;
    for (const auto& f : fs::directory_iterator(dir / ".emrctl/local/s3/data/outputs/wordcount")) {
        wrote_csv = wrote_csv || f.path().extension() == ".csv";
    }
    EXPECT_TRUE(wrote_csv);

    const auto status = emrctl("--output json status --local", dir, k_env);
    ASSERT_EQ(status.status, 0) << status.err;
    const auto doc = nlohmann::json::parse(status.out);
    EXPECT_EQ(doc["jobs"][0]["state"], "COMPLETED");
    EXPECT_EQ(doc["jobs"][0]["step_id"], "s-L00000001");

    const auto logs = emrctl("logs word-count --local", dir, k_env);
    EXPECT_EQ(logs.status, 0) << logs.err;
    EXPECT_EQ(logs.out, "emr=2\nspark=2\n");  // local=1 is below --min
    EXPECT_TRUE(fs::exists(dir / ".emrctl/local/s3/logs/j-LOCAL/steps/s-L00000001/stderr.gz"));

    const auto outputs = emrctl("outputs word-count --local -o got", dir, k_env);
    EXPECT_EQ(outputs.status, 0) << outputs.err;
    EXPECT_NE(outputs.out.find("copied 1 file"), std::string::npos) << outputs.out;
}

TEST_F(LocalRun, AFailingJobShowsItsTracebackAndActionOnFailureDecidesTheRest) {
    const auto dir = project(
        "  - name: fails\n    script: jobs/fails.py\n"
        "  - name: goes-on\n    script: jobs/ok.py\n"
        "  - name: fails-hard\n    script: jobs/fails.py\n    on_failure: CANCEL_AND_WAIT\n"
        "  - name: never\n    script: jobs/ok.py\n");
    write(dir / "jobs/fails.py",
          "from pyspark.sql import SparkSession\n"
          "spark = SparkSession.builder.getOrCreate()\n"
          "def load(path):\n"
          "    raise FileNotFoundError(f'no such table: {path}')\n"
          "load('events')\n");
    write(dir / "jobs/ok.py", "print('ok ran')\n");
    const auto r = emrctl("run --local", dir, k_env);
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("fails: FAILED in "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("    Traceback (most recent call last):\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("    FileNotFoundError: no such table: events\n"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("the driver's whole stderr: emrctl logs fails --local --stderr"),
              std::string::npos);
    // CONTINUE (the default): the next job runs.
    EXPECT_NE(r.out.find("goes-on: COMPLETED"), std::string::npos) << r.out;
    // CANCEL_AND_WAIT: what comes after is cancelled, not run.
    EXPECT_NE(r.out.find("never: CANCELLED (cancelled: job \"fails-hard\" failed and its "
                         "on_failure is CANCEL_AND_WAIT)"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.err.find("error: not every job completed"), std::string::npos) << r.err;

    const auto logs = emrctl("logs fails --local", dir, k_env);
    EXPECT_TRUE(logs.out.starts_with("==> why fails failed (step s-L00000001) <==\nTraceback"))
        << "failures first: " << logs.out;
}

TEST_F(LocalRun, ASyntaxErrorIsReportedWithItsLine) {
    const auto dir = project("  - name: broken\n    script: jobs/broken.py\n");
    write(dir / "jobs/broken.py", "print('a'\nx = = 1\n");
    const auto r = emrctl("run --local", dir, k_env);
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.out.find("broken: FAILED"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("SyntaxError"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("broken.py\", line 1"), std::string::npos) << r.out;
}

TEST_F(LocalRun, AMissingDataFolderStopsBeforeAnythingRuns) {
    const auto dir = project("  - name: wc\n    script: jobs/wc.py\n    data: data/absent\n");
    write(dir / "jobs/wc.py", k_word_count);
    const auto r = emrctl("run --local", dir, k_env);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.err.find("emrctl.yaml:5:11: jobs[0].data: data folder \"data/absent\" does not "
                         "exist"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(dir / ".emrctl/local/runs.json")) << "nothing ran";
}

}  // namespace
