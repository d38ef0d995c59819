// `emrctl run`, `status`, `logs`, `outputs` and `run --cancel` on EMR, run as a user runs them
// against the emulator (CTest label `emulator`). moto never moves a step by itself: each test
// deploys the quickstart, makes sure its cluster is WAITING, and scripts the steps' lives with the
// control API's step rules.

#include <filesystem>
#include <string>
#include <vector>

#include "emrctl_on_emulator.hpp"
#include <gtest/gtest.h>
#include <signal.h>

namespace emrctl::testing {
namespace {

namespace fs = std::filesystem;
constexpr auto npos = std::string::npos;

constexpr const char* k_traceback = R"(Traceback (most recent call last):
  File "/mnt/tmp/spark-1/pi.py", line 42, in <module>
    main()
  File "/mnt/tmp/spark-1/pi.py", line 37, in main
    raise ValueError("bad row 17")
ValueError: bad row 17
)";

class EmrJobs : public EmrctlOnEmulator {
  protected:
    void SetUp() override {
        EmrctlOnEmulator::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        const auto deployed = emrctl({"deploy"});
        ASSERT_EQ(deployed.status, 0) << deployed.err;
        m_cluster = outputs()["quickstart"]["ClusterId"].get<std::string>();
        m_bucket = outputs()["quickstart"]["DataBucketName"].get<std::string>();
        control().post("emr/clusters/" + m_cluster + "/state", {{"state", "WAITING"}});
    }

    void rule(const std::string& name, Json final_state, double running_seconds = 0.3) {
        control().post("emr/step-rules", {{"match", {{"name", name}}},
                                          {"pending_seconds", 0.1},
                                          {"running_seconds", running_seconds},
                                          {"final", std::move(final_state)}});
    }

    std::vector<Json> steps() {
        const auto answer = control().get("emr/steps", {{"cluster_id", m_cluster}});
        return {answer["steps"].begin(), answer["steps"].end()};
    }

    std::string step_id(const std::string& name) {
        for (const auto& s : steps())
            if (s["name"] == name) return s["id"].get<std::string>();
        return {};
    }

    void set_on_failure(const std::string& job, const std::string& action) {
        auto yaml = read_file(m_project / "emrctl.yaml");
        const auto at = yaml.find("  - name: " + job + "\n");
        ASSERT_NE(at, npos);
        yaml.insert(at + std::string("  - name: " + job + "\n").size(),
                    "    on_failure: " + action + "\n");
        write(m_project / "emrctl.yaml", yaml);
    }

    std::string m_cluster;
    std::string m_bucket;
};

TEST_F(EmrJobs, RunAddsOneStepPerJobInOrderAndFollowsThemToTheEnd) {
    rule("pi", {{"state", "COMPLETED"}, {"logs", {{"stdout", "Pi is roughly 3.141592\n"}}}});
    rule("wordcount", {{"state", "COMPLETED"}});
    const auto since = control().last_seq();
    const auto r = emrctl({"run"});
    EXPECT_EQ(r.status, 0) << r.out << r.err;

    EXPECT_EQ(control().requests(since, "emr", "AddJobFlowSteps").size(), 1u);
    const auto all = steps();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]["name"], "pi");
    EXPECT_EQ(all[1]["name"], "wordcount");
    EXPECT_EQ(all[0]["action_on_failure"], "CONTINUE");
    const auto data = "s3://" + m_bucket;
    EXPECT_EQ(all[1]["args"],
              Json({"spark-submit", "--deploy-mode", "cluster", data + "/code/wordcount.py",
                    "--output_uri", data + "/outputs/wordcount", "--data_source_folder",
                    data + "/data/wordcount/", "--top", "20"}));

    const auto pi = all[0]["id"].get<std::string>();
    EXPECT_NE(r.out.find("pi: PENDING (step " + pi + ")"), npos) << r.out;
    EXPECT_NE(r.out.find("pi: COMPLETED in "), npos) << r.out;
    EXPECT_NE(r.out.find("Pi is roughly 3.141592"), npos) << r.out;
    EXPECT_NE(r.out.find("wordcount: COMPLETED in "), npos) << r.out;
    EXPECT_NE(r.out.find("2 of 2 jobs completed; outputs in " + data + "/outputs/"), npos) << r.out;
    EXPECT_NE(r.err.find("added 2 steps to cluster " + m_cluster), npos) << r.err;
}

TEST_F(EmrJobs, AFailedJobShowsEmrsReasonAndTheTracebackFromTheLogsBucket) {
    rule("pi", {{"state", "FAILED"},
                {"reason", "Unknown Error."},
                {"message", "Exception in thread \"main\" org.apache.spark.SparkException"},
                {"logs", {{"stderr", std::string("INFO some spark noise\n") + k_traceback}}}});
    rule("wordcount", {{"state", "COMPLETED"}});
    const auto r = emrctl({"run"});
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("pi: FAILED in "), npos) << r.out;
    EXPECT_NE(r.out.find("Unknown Error: Exception in thread \"main\""), npos) << r.out;
    EXPECT_NE(r.out.find("    Traceback (most recent call last):"), npos) << r.out;
    EXPECT_NE(r.out.find("    ValueError: bad row 17"), npos) << r.out;
    EXPECT_EQ(r.out.find("some spark noise"), npos) << r.out;
    EXPECT_NE(r.out.find("emrctl logs pi --stderr"), npos) << r.out;
    // CONTINUE, the default: the next job runs.
    EXPECT_NE(r.out.find("wordcount: COMPLETED"), npos) << r.out;
    EXPECT_NE(r.err.find("not every job completed"), npos) << r.err;
}

TEST_F(EmrJobs, InClusterModeTheTracebackComesFromTheDriversContainerLogs) {
    // spark-submit's own stderr names the YARN application; the driver's stderr is in the
    // application master's container, as YARN aggregates it under the cluster's log folder.
    const std::string application = "application_1700000000000_0001";
    rule("pi", {{"state", "FAILED"},
                {"logs",
                 {{"stderr", "INFO Client: Submitted application " + application +
                                 "\nException in thread \"main\" org.apache.spark.SparkException: "
                                 "Application " +
                                 application + " finished with failed status\n"}}}});
    const auto logs = outputs()["quickstart"]["LogsBucketName"].get<std::string>();
    const auto containers = "s3://" + logs + "/" + m_cluster + "/containers/" + application +
                            "/container_1700000000000_0001_01_00000";
    control().post("s3/objects", {{"uri", containers + "1/stderr.gz"},
                                  {"text", std::string("INFO driver noise\n") + k_traceback},
                                  {"gzip", true}});
    control().post(
        "s3/objects",
        {{"uri", containers + "1/stdout.gz"}, {"text", "rows read: 17\n"}, {"gzip", true}});
    control().post(
        "s3/objects",
        {{"uri", containers + "2/stderr.gz"}, {"text", "executor noise\n"}, {"gzip", true}});
    const auto r = emrctl({"run", "pi"});
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("    ValueError: bad row 17"), npos) << r.out;
    EXPECT_EQ(r.out.find("finished with failed status"), npos) << r.out;

    const auto out = emrctl({"logs", "pi", "--stdout"});
    EXPECT_EQ(out.status, 0) << out.err;
    EXPECT_EQ(out.out, "rows read: 17\n");
}

TEST_F(EmrJobs, CancelAndWaitCancelsTheJobsAfterTheFailedOne) {
    set_on_failure("pi", "CANCEL_AND_WAIT");
    rule("pi", {{"state", "FAILED"}, {"logs", {{"stderr", k_traceback}}}});
    const auto r = emrctl({"run"});
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    const auto all = steps();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]["action_on_failure"], "CANCEL_AND_WAIT");
    EXPECT_EQ(all[1]["state"], "CANCELLED");
    EXPECT_NE(r.out.find("pi: FAILED"), npos) << r.out;
    EXPECT_NE(r.out.find("wordcount: CANCELLED"), npos) << r.out;
    EXPECT_NE(r.out.find("job \"pi\" failed and its on_failure is CANCEL_AND_WAIT"), npos) << r.out;
}

TEST_F(EmrJobs, LogsNotPushedYetAreSaidSoAndFollowWaitsForThem) {
    rule("pi", {{"state", "FAILED"}, {"message", "Step failed."}});
    const auto r = emrctl({"run", "pi"});
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("EMR has not pushed the step's logs"), npos) << r.out;
    EXPECT_NE(r.out.find("every few minutes"), npos) << r.out;
    EXPECT_NE(r.out.find("emrctl logs pi --follow"), npos) << r.out;

    const auto now = emrctl({"logs", "pi"});
    EXPECT_EQ(now.status, 1) << now.out << now.err;
    EXPECT_NE(now.err.find("emrctl logs pi --follow"), npos) << now.err;

    const auto following = start({"logs", "pi", "--follow"});
    ASSERT_TRUE(wait_for_stderr(following, "waiting for EMR to push the logs"))
        << read_file(following.err);
    control().post("emr/clusters/" + m_cluster + "/steps/" + step_id("pi") + "/logs",
                   {{"stderr", k_traceback}, {"stdout", "partial output\n"}});
    const auto followed = finish(following);
    EXPECT_EQ(followed.status, 0) << followed.err;
    EXPECT_NE(followed.out.find("==> why pi failed"), npos) << followed.out;
    EXPECT_NE(followed.out.find("ValueError: bad row 17"), npos) << followed.out;
    EXPECT_NE(followed.out.find("partial output"), npos) << followed.out;
}

TEST_F(EmrJobs, NoWaitReturnsAfterAddingTheStepsAndStatusFollowsThem) {
    const auto r = emrctl({"run", "--no-wait"});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("submitted 2 jobs to cluster " + m_cluster), npos) << r.out;
    const auto pi = step_id("pi");
    const auto wordcount = step_id("wordcount");
    ASSERT_FALSE(pi.empty());

    const auto before = emrctl({"status"});
    EXPECT_EQ(before.status, 0) << before.err;
    EXPECT_NE(before.out.find("cluster " + m_cluster), npos) << before.out;
    EXPECT_NE(before.out.find(wordcount), npos) << before.out;
    EXPECT_NE(before.out.find("PENDING"), npos) << before.out;

    control().post("emr/clusters/" + m_cluster + "/steps/" + pi + "/state",
                   {{"state", "COMPLETED"}});
    control().post("emr/clusters/" + m_cluster + "/steps/" + wordcount + "/state",
                   {{"state", "FAILED"}, {"reason", "Out of memory"}});
    const auto after = emrctl({"status", "--output", "json"});
    EXPECT_EQ(after.status, 0) << after.err;
    const auto doc = Json::parse(after.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << after.out;
    EXPECT_EQ(doc["cluster"], m_cluster);
    ASSERT_EQ(doc["jobs"].size(), 2u);
    EXPECT_EQ(doc["jobs"][0]["state"], "COMPLETED");
    EXPECT_EQ(doc["jobs"][0]["step_id"], pi);
    EXPECT_EQ(doc["jobs"][1]["state"], "FAILED");
    EXPECT_NE(doc["jobs"][1]["reason"].get<std::string>().find("Out of memory"), npos);

    const auto one = emrctl({"status", "pi"});
    EXPECT_EQ(one.status, 0);
    EXPECT_EQ(one.out.find("wordcount"), npos) << one.out;
}

TEST_F(EmrJobs, LogsShowsTheDriversStdoutOrStderr) {
    rule("pi", {{"state", "COMPLETED"},
                {"logs", {{"stdout", "Pi is roughly 3.14\n"}, {"stderr", "INFO SparkContext\n"}}}});
    ASSERT_EQ(emrctl({"run", "pi"}).status, 0);
    const auto out = emrctl({"logs", "pi"});
    EXPECT_EQ(out.status, 0) << out.err;
    EXPECT_EQ(out.out, "Pi is roughly 3.14\n");
    const auto err = emrctl({"logs", "pi", "--stderr"});
    EXPECT_EQ(err.status, 0) << err.err;
    EXPECT_EQ(err.out, "INFO SparkContext\n");
    const auto never = emrctl({"logs", "wordcount"});
    EXPECT_EQ(never.status, 2) << never.err;
    EXPECT_NE(never.err.find("has not run on cluster " + m_cluster), npos) << never.err;
}

TEST_F(EmrJobs, OutputsDownloadsTheResultsButNotSparksBookkeeping) {
    const std::string big(9u << 20, 'w');  // above one ranged GET
    const auto put = [&](const std::string& key, const std::string& text) {
        control().post("s3/objects", {{"bucket", m_bucket}, {"key", key}, {"text", text}});
    };
    put("outputs/wordcount/part-00000.csv", "word,count\nbike,12\n");
    put("outputs/wordcount/year=2024/part-00001.csv", big);
    put("outputs/wordcount/_SUCCESS", "");
    put("outputs/wordcount/.part-00000.csv.crc", "crc");
    put("outputs/wordcountextra/part-00000.csv", "not this job's");

    const auto r = emrctl({"outputs", "wordcount", "-o", "results"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("downloaded 2 files"), npos) << r.out;
    EXPECT_EQ(read_file(m_project / "results/part-00000.csv"), "word,count\nbike,12\n");
    EXPECT_EQ(fs::file_size(m_project / "results/year=2024/part-00001.csv"), big.size());
    EXPECT_EQ(read_file(m_project / "results/year=2024/part-00001.csv"), big);
    EXPECT_FALSE(fs::exists(m_project / "results/_SUCCESS"));
    EXPECT_FALSE(fs::exists(m_project / "results/.part-00000.csv.crc"));

    const auto none = emrctl({"outputs", "pi"});
    EXPECT_EQ(none.status, 2) << none.err;
    EXPECT_NE(none.err.find("has no outputs in s3://" + m_bucket + "/outputs/pi/"), npos)
        << none.err;
}

TEST_F(EmrJobs, CancelStopsAJobsRunningStep) {
    ASSERT_EQ(emrctl({"run", "--no-wait"}).status, 0);
    const auto r = emrctl({"run", "--cancel", "pi"});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("pi: CANCELLED"), npos) << r.out;
    EXPECT_NE(r.out.find("(cancelled with `emrctl run --cancel`)"), npos) << r.out;
    EXPECT_NE(emrctl({"status", "pi"}).out.find("cancelled with `emrctl run --cancel`"), npos);
    const auto all = steps();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0]["state"], "CANCELLED");

    const auto none = emrctl({"run", "--cancel"});
    EXPECT_EQ(none.status, 2) << none.err;
    EXPECT_NE(none.err.find("--cancel needs the jobs to cancel"), npos) << none.err;

    const auto again = emrctl({"run", "--cancel", "pi"});
    EXPECT_EQ(again.status, 2) << again.err;
    EXPECT_NE(again.err.find("nothing to cancel"), npos) << again.err;
}

TEST_F(EmrJobs, CtrlCDetachesAndTheStepsGoOn) {
    const auto running = start({"run"});
    ASSERT_TRUE(wait_for_stderr(running, "added 2 steps")) << read_file(running.err);
    ::kill(running.pid, SIGINT);
    const auto r = finish(running);
    EXPECT_EQ(r.status, 130) << r.out << r.err;
    EXPECT_NE(r.err.find("detached: the steps keep running on cluster " + m_cluster), npos)
        << r.err;
    EXPECT_NE(r.err.find("emrctl logs JOB --follow"), npos) << r.err;
    for (const auto& s : steps())
        EXPECT_TRUE(s["state"] == "RUNNING" || s["state"] == "PENDING") << s.dump();
}

TEST_F(EmrJobs, AnEndedClusterIsRefusedWithWhatToDo) {
    control().post("emr/clusters/" + m_cluster + "/state",
                   {{"state", "TERMINATED"}, {"code", "IDLE_TIMEOUT"}, {"message", "idle"}});
    const auto r = emrctl({"run"});
    EXPECT_EQ(r.status, 1);
    EXPECT_NE(r.err.find("cluster " + m_cluster + " of stack quickstart is TERMINATED"), npos)
        << r.err;
    EXPECT_NE(r.err.find("run `emrctl deploy` (or `emrctl up`) to start a new one"), npos) << r.err;
    EXPECT_TRUE(steps().empty());
}

TEST_F(EmrJobs, UpAfterTheClusterEndedDeploysANewOneAndRunsTheJobsThere) {
    control().post("emr/clusters/" + m_cluster + "/state",
                   {{"state", "TERMINATED"}, {"message", "idle"}});
    rule("*", {{"state", "COMPLETED"}});
    const auto r = emrctl({"up"});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.err.find("cluster " + m_cluster + " ended (TERMINATED: idle): deploying a new one"),
              npos)
        << r.err;
    EXPECT_NE(r.out.find("2 of 2 jobs completed"), npos) << r.out;
    EXPECT_TRUE(steps().empty());  // none on the ended cluster
    std::string fresh;
    const auto clusters = control().get("emr/clusters");
    for (const auto& c : clusters["clusters"])
        if (c["name"] == "quickstart-2") fresh = c["id"].get<std::string>();
    ASSERT_FALSE(fresh.empty()) << clusters.dump(1);
    const auto answer = control().get("emr/steps", {{"cluster_id", fresh}});
    EXPECT_EQ(answer["steps"].size(), 2U) << answer.dump(1);
}

TEST_F(EmrJobs, UpDeploysThenRunsEveryJobAndSaysWhereTheOutputsAre) {
    // The stack is deployed already (and its cluster WAITING): up's deploy changes nothing.
    rule("*", {{"state", "COMPLETED"}});
    const auto r = emrctl({"up"});
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("pi: COMPLETED"), npos) << r.out;
    EXPECT_NE(r.out.find("wordcount: COMPLETED"), npos) << r.out;
    EXPECT_NE(r.out.find("2 of 2 jobs completed; outputs in s3://" + m_bucket + "/outputs/"), npos)
        << r.out;
    EXPECT_EQ(steps().size(), 2u);
}

class EmrJobsUndeployed : public EmrctlOnEmulator {};

TEST_F(EmrJobsUndeployed, SaysToDeployFirst) {
    const std::vector<std::vector<std::string>> commands{
        {"run"}, {"status"}, {"logs", "pi"}, {"outputs", "pi"}};
    for (const auto& args : commands) {
        const auto r = emrctl(args);
        EXPECT_EQ(r.status, 1) << args[0] << ": " << r.err;
        EXPECT_NE(r.err.find("project quickstart is not deployed"), npos) << r.err;
        EXPECT_NE(r.err.find("run `emrctl deploy`"), npos) << r.err;
    }
}

TEST_F(EmrJobsUndeployed, ARequirementsFileIsInstalledOnTheNodesByAGeneratedBootstrapAction) {
    write(m_project / "requirements.txt", "requests==2.32.*\n");
    const auto deployed = emrctl({"deploy"});
    ASSERT_EQ(deployed.status, 0) << deployed.err;
    const auto bucket = outputs()["quickstart"]["DataBucketName"].get<std::string>();
    const auto objects = control().objects(bucket, "bootstrap/");
    EXPECT_EQ(objects.count("bootstrap/requirements.txt"), 1u);
    EXPECT_EQ(objects.count("bootstrap/emrctl-requirements.sh"), 1u);
    const auto t = Json::parse(read_file(m_project / "emrctl.out/quickstart.template.json"));
    const auto& actions = t["Resources"]["EmrCluster"]["Properties"]["BootstrapActions"];
    ASSERT_EQ(actions.size(), 2u);
    EXPECT_EQ(actions[1]["Name"], "emrctl-requirements");
    EXPECT_EQ(actions[1]["ScriptBootstrapAction"]["Args"][0]["Fn::Sub"],
              "s3://${DataBucket}/bootstrap/requirements.txt");

    // Unchanged, the generated script is not uploaded again.
    const auto since = control().last_seq();
    ASSERT_EQ(emrctl({"deploy"}).status, 0);
    EXPECT_TRUE(control().requests(since, "s3", "PutObject").empty());
}

}  // namespace
}  // namespace emrctl::testing
