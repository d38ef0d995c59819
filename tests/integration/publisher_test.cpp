// The asset publisher against the emulator's S3: multipart uploads of large files, incremental
// re-publishing, deletions limited to what it published, and failures that leave nothing
// half-done (CTest label `emulator`).

#include "emulator_fixture.hpp"

#include <emrctl/deploy/stack_deployment.hpp>

namespace emrctl::deploy {
namespace {

using Publisher = EmulatorTest;

TEST_F(Publisher, UploadsInPartsThenOnlyWhatChangedAndDeletesOnlyWhatItPublished) {
    std::vector<AssetFile> assets{write("data/big.bin", 21 * k_mib, 1), write("code/a.py", 1000, 2),
                                  write("code/b.py", 2000, 3)};
    auto first = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->plan.upload.size(), 3U);
    EXPECT_EQ(object_size("data/big.bin"), 21 * k_mib);
    EXPECT_EQ(count_requests(0, "UploadPart"), 5U);  // 21 MiB in 5 MiB parts

    m_control->post(
        "s3/objects",
        nlohmann::json::parse(
            R"({"bucket": "publisher-test", "key": "outputs/job/part-0000", "text": "result"})"));
    auto seq = last_seq();
    auto again = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(again->plan.upload.empty());
    EXPECT_EQ(again->plan.unchanged.size(), 3U);
    EXPECT_EQ(count_requests(seq, "PutObject") + count_requests(seq, "UploadPart"), 0U);

    assets[1] = write("code/a.py", 1001, 4);
    assets.pop_back();  // code/b.py is gone from the project
    seq = last_seq();
    auto changed = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(changed) << changed.error().message;
    ASSERT_EQ(changed->plan.upload.size(), 1U);
    EXPECT_EQ(changed->plan.upload[0].key, "code/a.py");
    ASSERT_EQ(changed->plan.remove.size(), 1U);
    EXPECT_EQ(changed->plan.remove[0].key, "code/b.py");
    EXPECT_EQ(count_requests(seq, "PutObject"), 2U);  // code/a.py and the record
    EXPECT_FALSE(object_size("code/b.py"));
    EXPECT_EQ(object_size("outputs/job/part-0000"), 6U);  // never published: never deleted
}

TEST_F(Publisher, KeysAtTheBucketRootAreListedOnceForAll) {
    const std::vector<AssetFile> assets{write("a.txt", 10, 1), write("b.txt", 20, 2),
                                        write("c.txt", 30, 3), write("code/d.py", 40, 4)};
    ASSERT_TRUE(publish_assets(*m_client, assets, m_options));
    const auto seq = last_seq();
    auto again = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(again->plan.unchanged.size(), 4U);
    EXPECT_EQ(count_requests(seq, "ListObjectsV2"), 2U);  // "" (one level) and "code/"
}

TEST_F(Publisher, AnObjectReplacedBehindItsBackIsUploadedAgain) {
    const std::vector<AssetFile> assets{write("code/a.py", 1000, 2)};
    ASSERT_TRUE(publish_assets(*m_client, assets, m_options));
    m_control->post("s3/objects",
                    nlohmann::json::parse(
                        R"({"bucket": "publisher-test", "key": "code/a.py", "text": "edited"})"));
    auto plan = plan_publish(*m_client, assets);
    ASSERT_TRUE(plan) << plan.error().message;
    EXPECT_EQ(plan->upload.size(), 1U);
}

TEST_F(Publisher, AFailingPartAbortsTheUploadAndTheNextPublishFinishesTheJob) {
    const std::vector<AssetFile> assets{write("data/big.bin", 17 * k_mib, 5),
                                        write("code/a.py", 1000, 6)};
    m_control->post(
        "faults",
        nlohmann::json::parse(
            R"({"service": "s3", "operation": "UploadPart", "kind": "internal_error", "count": 1000})"));
    auto failed = publish_assets(*m_client, assets, m_options);
    ASSERT_FALSE(failed);
    const auto& e = failed.error();
    EXPECT_NE(e.message.find("UploadPart"), std::string::npos) << e.message;
    ASSERT_FALSE(e.context.empty());
    EXPECT_NE(e.context.front().find("data/big.bin"), std::string::npos);
    EXPECT_EQ(count_requests(0, "AbortMultipartUpload"), 1U);
    EXPECT_FALSE(object_size("data/big.bin"));

    m_control->del("faults");
    auto retried = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(retried) << retried.error().message;
    EXPECT_EQ(object_size("data/big.bin"), 17 * k_mib);
    auto after = plan_publish(*m_client, assets);
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->upload.empty());
}

TEST_F(Publisher, AConnectionDroppedMidPartIsRetried) {
    const std::vector<AssetFile> assets{write("data/big.bin", 17 * k_mib, 7)};
    m_control->post(
        "faults",
        nlohmann::json::parse(
            R"({"service": "s3", "operation": "UploadPart", "kind": "drop", "drop_at": "request",
                "request_bytes": 1048576, "count": 1})"));
    auto published = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(published) << published.error().message;
    EXPECT_EQ(object_size("data/big.bin"), 17 * k_mib);
}

// Not the publisher, but the same emulator plumbing: a template over the inline limit (lowered
// here, so that a small one will do) goes through the staging bucket, made once.
TEST_F(Publisher, ATemplateOverTheInlineLimitGoesThroughTheStagingBucket) {
    const StackDeployment stack{
        .name = "staged",
        .template_body = R"({"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}})"};
    DeployOptions options;
    options.inline_template_limit = 10;
    const Clock instant{.now = [] { return std::chrono::steady_clock::now(); },
                        .sleep = [](std::chrono::milliseconds) {}};
    for (const auto outcome : {StackOutcome::created, StackOutcome::unchanged}) {
        auto deployed = deploy_stack(*m_client, stack, options, instant, {}, {});
        ASSERT_TRUE(deployed) << deployed.error().message;
        EXPECT_EQ(deployed->outcome, outcome);
    }
    EXPECT_EQ(count_requests(0, "CreateBucket"), 2U);  // the test's own bucket, then staging
    const auto staged = m_control->objects("emrctl-staging-123456789012-us-east-1");
    ASSERT_EQ(staged.size(), 1U);
    EXPECT_TRUE(staged.begin()->first.starts_with("templates/staged/"));
}

}  // namespace
}  // namespace emrctl::deploy
