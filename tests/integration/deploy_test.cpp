// `emrctl deploy` (and `diff`, `destroy`) run as a user runs them, on a fresh copy of the
// quickstart, against the emulator (CTest label `emulator`): what the user sees — exit status, the
// key phrases — and what happened on "AWS", checked through the emulator's control API.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "emrctl_on_emulator.hpp"
#include <gtest/gtest.h>
#include <signal.h>

namespace emrctl::testing {
namespace {

namespace fs = std::filesystem;
constexpr auto npos = std::string::npos;

constexpr const char* k_removed_article = "16-bike-share-data-shapes-new-stations.txt";

class Deploy : public EmrctlOnEmulator {
  protected:
    // A deploy that must succeed; the assertions of the test that needs it say the rest.
    Outcome deploy_ok() {
        auto r = emrctl({"deploy"});
        EXPECT_EQ(r.status, 0) << r.err;
        return r;
    }

    Json stack(const std::string& name) {
        const auto inventory = control().get("inventory");
        for (const auto& s : inventory["stacks"])
            if (s["name"] == name) return s;
        return nullptr;
    }
    std::set<std::string> buckets() {
        std::set<std::string> names;
        const auto inventory = control().get("inventory");
        for (const auto& b : inventory["buckets"])
            names.insert(b["name"].get<std::string>());
        return names;
    }
    std::string output(const std::string& key) {
        const auto o = outputs();
        if (!o.contains("quickstart") || !o["quickstart"].contains(key)) return {};
        return o["quickstart"][key].get<std::string>();
    }

    // The paths of the PutObject requests after `since`.
    std::vector<std::string> put_paths(long since) {
        std::vector<std::string> paths;
        for (const auto& r : control().requests(since, "s3", "PutObject"))
            paths.push_back(r["path"].get<std::string>());
        std::sort(paths.begin(), paths.end());
        return paths;
    }
    std::size_t upload_requests(long since) {
        std::size_t n = 0;
        for (const auto* op : {"PutObject", "UploadPart", "CreateMultipartUpload"})
            n += control().requests(since, "s3", op).size();
        return n;
    }

    // The parameters the stack was last deployed with.
    Json parameters(const std::string& name) {
        return control().get("cloudformation/stacks/" + name)["parameters"];
    }
    // The EMR cluster as the emulator has it; null when there is none.
    Json cluster(const std::string& id) {
        const auto clusters = control().get("emr/clusters");
        for (const auto& c : clusters["clusters"])
            if (c["id"] == id) return c;
        return nullptr;
    }

    // Whether `emrctl --help` lists the command (diff and destroy are landing separately).
    bool has_command(const std::string& name) {
        const auto help = emrctl({"--help"});
        return help.out.find("\n  " + name + " ") != npos;
    }
};

TEST_F(Deploy, CreatesTheStackUploadsEveryAssetOnceAndWritesTheOutputs) {
    const auto r = deploy_ok();
    EXPECT_NE(r.out.find("Stack quickstart created ("), npos) << r.out;
    EXPECT_NE(r.out.find("Outputs written to " + (m_project / "emrctl.out/outputs.json").string()),
              npos)
        << r.out;
    EXPECT_NE(r.err.find(" to add, 0 to modify, 0 to remove"), npos) << r.err;
    EXPECT_NE(r.err.find(" uploaded ("), npos) << r.err;

    const auto created = stack("quickstart");
    ASSERT_FALSE(created.is_null()) << control().get("inventory").dump(1);
    EXPECT_EQ(created["status"], "CREATE_COMPLETE");

    EXPECT_FALSE(output("ClusterId").empty()) << outputs().dump(1);
    const auto data = output("DataBucketName");
    const auto logs = output("LogsBucketName");
    ASSERT_FALSE(data.empty()) << outputs().dump(1);
    EXPECT_EQ(data, data_bucket());
    EXPECT_TRUE(buckets().contains(data));
    EXPECT_TRUE(buckets().contains(logs)) << logs;

    const auto files = manifest()["files"];
    ASSERT_FALSE(files.empty());
    const auto objects = control().objects(data);
    for (const auto& f : files) {
        const auto key = f["key"].get<std::string>();
        ASSERT_TRUE(objects.contains(key)) << key;
        EXPECT_EQ(objects.at(key), f["size"].get<long>()) << key;
    }
    EXPECT_TRUE(objects.contains(".emrctl/assets.json"));
    // Every asset once, plus the record of what was published.
    EXPECT_EQ(put_paths(0).size(), files.size() + 1);
    EXPECT_TRUE(control().requests(0, "s3", "CreateMultipartUpload").empty());
}

TEST_F(Deploy, AgainWithoutChangesUploadsNothing) {
    deploy_ok();
    const auto since = control().last_seq();
    const auto r = deploy_ok();
    EXPECT_NE(r.err.find("quickstart: no changes"), npos) << r.err;
    EXPECT_NE(r.out.find("Stack quickstart unchanged ("), npos) << r.out;
    EXPECT_EQ(upload_requests(since), 0U);
    EXPECT_TRUE(control().requests(since, "cloudformation", "ExecuteChangeSet").empty());
}

TEST_F(Deploy, AChangedJobScriptIsTheOnlyUpload) {
    deploy_ok();
    const auto bucket = data_bucket();
    std::ofstream(m_project / "jobs/pi.py", std::ios::app) << "# a change\n";
    const auto since = control().last_seq();
    const auto r = deploy_ok();
    EXPECT_NE(r.err.find("1 uploaded"), npos) << r.err;
    EXPECT_EQ(put_paths(since), (std::vector<std::string>{"/" + bucket + "/.emrctl/assets.json",
                                                          "/" + bucket + "/code/pi.py"}));
    EXPECT_EQ(control().objects(bucket, "code/pi.py").at("code/pi.py"),
              static_cast<long>(fs::file_size(m_project / "jobs/pi.py")));
}

TEST_F(Deploy, ARemovedDataFileIsDeletedAndObjectsItNeverUploadedStay) {
    deploy_ok();
    const auto bucket = data_bucket();
    const auto removed = std::string("data/wordcount/") + k_removed_article;
    ASSERT_TRUE(control().objects(bucket).contains(removed));
    control().post("s3/objects",
                   {{"bucket", bucket}, {"key", "outputs/pi/part-0000"}, {"text", "3.14159\n"}});
    const auto before = control().objects(bucket);
    fs::remove(m_project / "data/articles" / k_removed_article);

    const auto since = control().last_seq();
    const auto r = deploy_ok();
    EXPECT_NE(r.err.find("1 deleted"), npos) << r.err;
    auto expected = before;
    expected.erase(removed);
    auto after = control().objects(bucket);
    after.erase(".emrctl/assets.json");  // rewritten: its size changes
    expected.erase(".emrctl/assets.json");
    EXPECT_EQ(after, expected);
    EXPECT_TRUE(after.contains("outputs/pi/part-0000"));
    EXPECT_EQ(put_paths(since), (std::vector<std::string>{"/" + bucket + "/.emrctl/assets.json"}));
}

// EMR ends an idle cluster by itself, but the stack still lists it: the next deploy replaces it
// (a new ClusterGeneration renames it) and keeps the rest of the stack. A live one is kept.
TEST_F(Deploy, AnEndedClusterIsReplacedByTheNextDeployAndALiveOneIsKept) {
    deploy_ok();
    const auto first = output("ClusterId");
    ASSERT_FALSE(first.empty()) << outputs().dump(1);
    EXPECT_EQ(parameters("quickstart")["ClusterGeneration"], "1");
    EXPECT_EQ(cluster(first)["name"], "quickstart-1");
    EXPECT_EQ(cluster(first)["state"], "WAITING");
    const auto vpc = output("VpcId");
    const auto data = output("DataBucketName");

    const auto alive = deploy_ok();
    EXPECT_NE(alive.err.find("quickstart: no changes"), npos) << alive.err;
    EXPECT_EQ(alive.err.find("deploying a new one"), npos) << alive.err;
    EXPECT_EQ(output("ClusterId"), first);

    control().post("emr/clusters/" + first + "/state",
                   {{"state", "TERMINATED"},
                    {"code", "ALL_STEPS_COMPLETED"},
                    {"message", "Cluster was terminated after being idle for 1 hour"}});
    const auto since = control().last_seq();
    const auto replaced = deploy_ok();
    EXPECT_NE(replaced.err.find("cluster " + first +
                                " ended (TERMINATED: Cluster was terminated after being idle for "
                                "1 hour): deploying a new one"),
              npos)
        << replaced.err;
    EXPECT_NE(replaced.err.find("0 to add, 1 to modify, 0 to remove"), npos) << replaced.err;
    EXPECT_NE(replaced.out.find("Stack quickstart updated ("), npos) << replaced.out;
    const auto second = output("ClusterId");
    EXPECT_NE(second, first);
    EXPECT_EQ(parameters("quickstart")["ClusterGeneration"], "2");
    EXPECT_EQ(cluster(second)["name"], "quickstart-2");
    EXPECT_EQ(cluster(second)["state"], "WAITING");
    EXPECT_EQ(cluster(first)["state"], "TERMINATED");
    // Only the cluster changed: same network and buckets, nothing uploaded again.
    EXPECT_EQ(output("VpcId"), vpc);
    EXPECT_EQ(output("DataBucketName"), data);
    EXPECT_EQ(upload_requests(since), 0U);

    // The parameter's value is not in the template: diff sees nothing to do.
    if (has_command("diff")) {
        const auto diff = emrctl({"diff"});
        EXPECT_NE(diff.out.find("There were no differences"), npos) << diff.out << diff.err;
    }
    // The new cluster lives: the next deploy keeps it and its generation.
    const auto again = deploy_ok();
    EXPECT_NE(again.err.find("quickstart: no changes"), npos) << again.err;
    EXPECT_EQ(output("ClusterId"), second);
    EXPECT_EQ(parameters("quickstart")["ClusterGeneration"], "2");
}

TEST_F(Deploy, ACreateThatRollsBackShowsTheFailedResourceAndTheNextDeployCreatesItAgain) {
    control().post(
        "cloudformation/stack-rules",
        {{"stack_name", "quickstart"},
         {"on", "create"},
         {"status", "ROLLBACK_COMPLETE"},
         {"failure",
          {{"logical_id", "DataBucket"}, {"reason", "quickstart-data-x already exists"}}}});
    const auto failed = emrctl({"deploy"});
    EXPECT_EQ(failed.status, 1) << failed.err;
    EXPECT_EQ(stack("quickstart")["status"], "ROLLBACK_COMPLETE");
    const auto generic = failed.err.find(
        "error: stack quickstart failed to create and was rolled "
        "back (ROLLBACK_COMPLETE)");
    ASSERT_NE(generic, npos) << failed.err;
    // The root cause first, then CloudFormation's and emrctl's generic lines.
    const auto cause = failed.err.find("quickstart-data-x already exists");
    EXPECT_LT(cause, generic) << failed.err;
    EXPECT_LT(cause, failed.err.find("The following resource(s) failed to create")) << failed.err;
    const auto report = failed.err.substr(generic);
    EXPECT_NE(report.find("DataBucket (AWS::S3::Bucket) CREATE_FAILED: quickstart-data-x already "
                          "exists"),
              npos)
        << report;
    // What to do comes after the causes.
    EXPECT_NE(report.find("fix: "), npos) << report;
    EXPECT_NE(report.find("`emrctl deploy` again"), npos) << report;

    control().del("cloudformation/stack-rules");
    // The retained buckets outlived the rollback (moto keeps DataBucket although it "failed";
    // CloudFormation keeps every Retain bucket it had created): the next deploy deletes the
    // rolled-back stack, adopts them through an import, then updates the stack with the rest.
    const auto again = emrctl({"deploy"});
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.err.find("deleting it to create it again"), npos) << again.err;
    EXPECT_NE(again.err.find("adopting s3://"), npos) << again.err;
    const auto created = stack("quickstart");
    ASSERT_FALSE(created.is_null());
    EXPECT_EQ(created["status"], "UPDATE_COMPLETE");  // the import, then the rest
}

TEST_F(Deploy, ACreateThatFailsAfterTheBucketsWereCreatedCanBeDeployedAgain) {
    control().post("cloudformation/stack-rules",
                   {{"stack_name", "quickstart"},
                    {"on", "create"},
                    {"status", "ROLLBACK_COMPLETE"},
                    {"failure",
                     {{"logical_id", "EmrCluster"},
                      {"reason",
                       "The requested instance type m6g.xlarge is not supported in the "
                       "requested availability zone."}}}});
    const auto failed = emrctl({"deploy"});
    EXPECT_EQ(failed.status, 1) << failed.err;
    EXPECT_NE(failed.err.find("EmrCluster (AWS::EMR::Cluster) CREATE_FAILED: The requested "
                              "instance type m6g.xlarge"),
              npos)
        << failed.err;
    EXPECT_EQ(stack("quickstart")["status"], "ROLLBACK_COMPLETE");

    control().del("cloudformation/stack-rules");
    // CloudFormation keeps the Retain buckets of a rolled-back create: the next deploy adopts
    // them instead of failing on their names.
    const auto again = emrctl({"deploy"});
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.err.find("adopting s3://"), npos) << again.err;
    const auto created = stack("quickstart");
    ASSERT_FALSE(created.is_null());
    EXPECT_EQ(created["status"], "UPDATE_COMPLETE");  // the import, then the rest
}

TEST_F(Deploy, ThrottledCloudFormationCallsAreRetried) {
    control().post("faults", {{"service", "cloudformation"},
                              {"operation", "CreateChangeSet"},
                              {"kind", "throttling"},
                              {"count", 2}});
    const auto r = deploy_ok();
    EXPECT_NE(r.err.find("an AWS call failed (attempt 1); retrying in "), npos) << r.err;
    EXPECT_NE(r.err.find("an AWS call failed (attempt 2); retrying in "), npos) << r.err;
    EXPECT_EQ(control().get("faults")["faults"][0]["hits"], 2);
    EXPECT_EQ(stack("quickstart")["status"], "CREATE_COMPLETE");
}

TEST_F(Deploy, AnUploadAnsweredWithA500OnceIsRetried) {
    control().post(
        "faults",
        {{"service", "s3"}, {"operation", "PutObject"}, {"kind", "internal_error"}, {"count", 1}});
    const auto r = deploy_ok();
    EXPECT_NE(r.err.find("retrying in "), npos) << r.err;
    EXPECT_EQ(control().get("faults")["faults"][0]["hits"], 1);
    const auto objects = control().objects(data_bucket());
    const auto files = manifest()["files"];
    for (const auto& f : files)
        EXPECT_TRUE(objects.contains(f["key"].get<std::string>())) << f["key"];
}

TEST_F(Deploy, AnUploadThatKeepsFailingNamesTheFileAndTheNextDeployUploadsOnlyWhatIsMissing) {
    control().post("faults", {{"service", "s3"},
                              {"operation", "PutObject"},
                              {"path_regex", "/code/pi\\.py$"},
                              {"kind", "internal_error"},
                              {"count", 1000}});
    const auto failed = emrctl({"deploy"});
    EXPECT_EQ(failed.status, 1) << failed.err;
    EXPECT_NE(failed.err.find("error: "), npos) << failed.err;
    EXPECT_NE(failed.err.find("PutObject"), npos) << failed.err;
    EXPECT_NE(failed.err.find("InternalError"), npos) << failed.err;
    EXPECT_NE(failed.err.find("jobs/pi.py"), npos) << failed.err;
    const auto bucket = data_bucket();
    ASSERT_FALSE(bucket.empty());
    EXPECT_FALSE(control().objects(bucket).contains("code/pi.py"));

    control().del("faults");
    const auto since = control().last_seq();
    const auto r = deploy_ok();
    EXPECT_EQ(put_paths(since), (std::vector<std::string>{"/" + bucket + "/.emrctl/assets.json",
                                                          "/" + bucket + "/code/pi.py"}));
    const auto objects = control().objects(bucket);
    const auto files = manifest()["files"];
    for (const auto& f : files)
        EXPECT_TRUE(objects.contains(f["key"].get<std::string>())) << f["key"];
}

TEST_F(Deploy, AMultipartUploadSurvivesADroppedConnection) {
    constexpr long size = 24L * 1024 * 1024;
    {
        std::ofstream big(m_project / "data/articles/big.txt", std::ios::binary);
        std::string line = "the quick brown fox jumps over the lazy dog 0123456789 abcdefghij\n";
        for (long written = 0; written < size; written += static_cast<long>(line.size())) {
            big.write(line.data(), static_cast<std::streamsize>(std::min<long>(
                                       static_cast<long>(line.size()), size - written)));
        }
    }
    ASSERT_EQ(static_cast<long>(fs::file_size(m_project / "data/articles/big.txt")), size);
    control().post("faults", {{"service", "s3"},
                              {"operation", "UploadPart"},
                              {"kind", "drop"},
                              {"drop_at", "request"},
                              {"request_bytes", 1048576},
                              {"count", 1}});
    const auto r = deploy_ok();
    EXPECT_EQ(control().get("faults")["faults"][0]["hits"], 1);
    EXPECT_NE(r.err.find("retrying in "), npos) << r.err;
    const auto objects = control().objects(data_bucket(), "data/wordcount/big.txt");
    ASSERT_TRUE(objects.contains("data/wordcount/big.txt"));
    EXPECT_EQ(objects.at("data/wordcount/big.txt"), size);
    EXPECT_EQ(control().requests(0, "s3", "CompleteMultipartUpload").size(), 1U);
}

TEST_F(Deploy, CtrlCWhileWaitingOnTheStackStopsWithAHintAndTheNextDeployFinishes) {
    // The create takes 3 s: CREATE_IN_PROGRESS now, CREATE_COMPLETE at the end.
    control().post(
        "cloudformation/stack-rules",
        {{"stack_name", "quickstart"},
         {"on", "create"},
         {"over_seconds", 3},
         {"events",
          Json::array(
              {{{"status", "CREATE_IN_PROGRESS"}, {"reason", "User Initiated"}},
               {{"logical_id", "Vpc"}, {"type", "AWS::EC2::VPC"}, {"status", "CREATE_IN_PROGRESS"}},
               {{"logical_id", "Vpc"}, {"type", "AWS::EC2::VPC"}, {"status", "CREATE_COMPLETE"}},
               {{"status", "CREATE_COMPLETE"}}})}});
    const auto running = start({"deploy"});
    ASSERT_TRUE(wait_for_stderr(running, "CREATE_IN_PROGRESS")) << read_file(running.err);
    ASSERT_EQ(::kill(running.pid, SIGINT), 0);
    const auto stopped = finish(running);
    EXPECT_EQ(stopped.status, 130) << stopped.err;
    EXPECT_NE(stopped.err.find("stopped waiting for stack quickstart"), npos) << stopped.err;
    EXPECT_NE(stopped.err.find("run `emrctl deploy` again"), npos) << stopped.err;
    EXPECT_EQ(stack("quickstart")["status"], "CREATE_IN_PROGRESS");

    // Right away: it follows the create under way to its end.
    const auto again = deploy_ok();
    EXPECT_NE(again.out.find("Stack quickstart"), npos) << again.out;
    EXPECT_EQ(stack("quickstart")["status"], "CREATE_COMPLETE");
    const auto objects = control().objects(data_bucket());
    const auto files = manifest()["files"];
    for (const auto& f : files)
        EXPECT_TRUE(objects.contains(f["key"].get<std::string>())) << f["key"];
}

// `emrctl diff`: what the next deploy would change, changing nothing.
class DeployDiff : public Deploy {};

TEST_F(DeployDiff, AfterADeployThereAreNoDifferences) {
    if (!has_command("diff")) GTEST_SKIP() << "emrctl has no diff command yet";
    deploy_ok();
    const auto since = control().last_seq();
    const auto r = emrctl({"diff"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("There were no differences"), npos) << r.out;
    EXPECT_NE(r.out.find(" unchanged"), npos) << r.out;
    EXPECT_EQ(r.out.find("to upload"), npos) << r.out;
    EXPECT_EQ(emrctl({"diff", "--fail"}).status, 0);
    EXPECT_EQ(upload_requests(since), 0U);
}

TEST_F(DeployDiff, ShowsAChangedPropertyAndAChangedScriptAndFailsWithFail) {
    if (!has_command("diff")) GTEST_SKIP() << "emrctl has no diff command yet";
    deploy_ok();
    auto yaml = read_file(m_project / "emrctl.yaml");
    const auto at = yaml.find("count: 2");
    ASSERT_NE(at, npos) << yaml;
    yaml.replace(at, 8, "count: 3");
    write(m_project / "emrctl.yaml", yaml);
    std::ofstream(m_project / "jobs/wordcount.py", std::ios::app) << "# a change\n";

    const auto since = control().last_seq();
    const auto r = emrctl({"diff"});
    EXPECT_EQ(r.status, 0) << r.err;
    const auto cluster = r.out.find("EmrCluster");
    ASSERT_NE(cluster, npos) << r.out;
    EXPECT_NE(r.out.find("InstanceCount", cluster), npos) << r.out;
    EXPECT_NE(r.out.find("2 → 3", cluster), npos) << r.out;
    const auto assets = r.out.find("Assets");
    ASSERT_NE(assets, npos) << r.out;
    EXPECT_NE(r.out.find("code/wordcount.py", assets), npos) << r.out;

    const auto failing = emrctl({"diff", "--fail"});
    EXPECT_EQ(failing.status, 1) << failing.err;
    // Nothing was changed on the way.
    EXPECT_EQ(upload_requests(since), 0U);
    EXPECT_TRUE(control().requests(since, "cloudformation", "ExecuteChangeSet").empty());
    EXPECT_TRUE(control().requests(since, "cloudformation", "UpdateStack").empty());
}

// `emrctl destroy`: the stack goes, the retained buckets stay unless purged.
class DeployDestroy : public Deploy {};

TEST_F(DeployDestroy, PurgeRemovesTheStackAndBothBucketsAndASecondDestroyIsFine) {
    if (!has_command("destroy")) GTEST_SKIP() << "emrctl has no destroy command yet";
    deploy_ok();
    const auto data = output("DataBucketName");
    const auto logs = output("LogsBucketName");
    const auto r = emrctl({"destroy", "--purge", "--yes"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(stack("quickstart").is_null()) << control().get("inventory").dump(1);
    EXPECT_FALSE(buckets().contains(data));
    EXPECT_FALSE(buckets().contains(logs));

    const auto again = emrctl({"destroy", "--yes"});
    EXPECT_EQ(again.status, 0) << again.err;
}

TEST_F(DeployDestroy, WithoutYesAndNoTerminalItRefusesAndDeletesNothing) {
    if (!has_command("destroy")) GTEST_SKIP() << "emrctl has no destroy command yet";
    deploy_ok();
    const auto since = control().last_seq();
    const auto r = emrctl({"destroy"});
    EXPECT_EQ(r.status, 2) << r.err;
    EXPECT_NE(r.err.find("--yes"), npos) << r.err;
    EXPECT_EQ(stack("quickstart")["status"], "CREATE_COMPLETE");
    EXPECT_TRUE(buckets().contains(output("DataBucketName")));
    EXPECT_TRUE(control().requests(since, "cloudformation", "DeleteStack").empty());
    EXPECT_TRUE(control().requests(since, "s3", "DeleteObjects").empty());
    EXPECT_TRUE(control().requests(since, "s3", "DeleteBucket").empty());
}

TEST_F(DeployDestroy, WithoutPurgeTheBucketsAreKeptAndNamed) {
    if (!has_command("destroy")) GTEST_SKIP() << "emrctl has no destroy command yet";
    deploy_ok();
    const auto data = output("DataBucketName");
    const auto logs = output("LogsBucketName");
    const auto r = emrctl({"destroy", "--yes"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(stack("quickstart").is_null()) << control().get("inventory").dump(1);
    EXPECT_TRUE(buckets().contains(data));
    EXPECT_TRUE(buckets().contains(logs));
    EXPECT_NE(r.out.find(data), npos) << r.out;
    EXPECT_NE(r.out.find(logs), npos) << r.out;
    EXPECT_NE(r.out.find("Kept"), npos) << r.out;
}

TEST_F(DeployDestroy, ADeployAfterADestroyThatKeptTheBucketsAdoptsThemAndUploadsNothing) {
    if (!has_command("destroy")) GTEST_SKIP() << "emrctl has no destroy command yet";
    deploy_ok();
    const auto data = output("DataBucketName");
    ASSERT_EQ(emrctl({"destroy", "--yes"}).status, 0);
    const auto since = control().last_seq();
    const auto again = emrctl({"deploy"});
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.err.find("adopting s3://" + data), npos) << again.err;
    EXPECT_EQ(stack("quickstart")["status"], "UPDATE_COMPLETE");
    // The files kept in the bucket are still those the record lists: nothing goes up again.
    EXPECT_TRUE(control().requests(since, "s3", "PutObject").size() <= 1U);
    EXPECT_NE(again.err.find("0 uploaded"), npos) << again.err;
}

}  // namespace
}  // namespace emrctl::testing
