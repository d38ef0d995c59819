// The asset publisher against the emulator's S3: multipart uploads of large files, incremental
// re-publishing, deletions limited to what it published, and failures that leave nothing
// half-done (CTest label `emulator`).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/sha256.hpp>
#include <emrctl/deploy/asset_publisher.hpp>
#include <emrctl/deploy/stack_deployment.hpp>

namespace emrctl::deploy {
namespace {

namespace fs = std::filesystem;
using aws::Service;
using aws::protocol::Endpoint;

constexpr std::uint64_t k_mib = 1024ULL * 1024;

std::string emulator_endpoint() {
    const char* dir = std::getenv("EMRCTL_EMULATOR_DIR");
    if (dir == nullptr) return {};
    std::ifstream in(fs::path(dir) / "endpoint");
    std::string endpoint;
    std::getline(in, endpoint);
    return endpoint;
}

class Publisher : public testing::Test {
  protected:
    void SetUp() override {
        m_endpoint = emulator_endpoint();
        if (m_endpoint.empty()) GTEST_SKIP() << "EMRCTL_EMULATOR_DIR is not set: run via ctest";
        m_control = aws::make_curl_transport();
        control("POST", "reset", "{}");
        auto client =
            aws::Client::open({.region = "us-east-1", .endpoint_url = m_endpoint},
                              aws::Environment({{"AWS_ACCESS_KEY_ID", "testing"},
                                                {"AWS_SECRET_ACCESS_KEY", "testing"},
                                                {"AWS_CONFIG_FILE", "/dev/null"},
                                                {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"}}),
                              aws::make_disk_file_access(),
                              {.retry = {.max_attempts = 3},
                               .retry_environment = {.sleep = [](std::chrono::milliseconds) {},
                                                     .random = [] { return 0.0; }}});
        ASSERT_TRUE(client) << client.error().message;
        m_client.emplace(std::move(*client));
        const aws::s3::CreateBucketInput create{.bucket = k_bucket, .region = "us-east-1"};
        auto made = m_client->call(
            Service::s3,
            [&](const Endpoint& e) { return aws::s3::make_create_bucket_request(create, e); },
            aws::s3::parse_create_bucket_response);
        ASSERT_TRUE(made) << made.error().message;
        m_dir = fs::temp_directory_path() /
                ("emrctl-publisher-" + std::to_string(::getpid()) + "-" +
                 testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        if (!m_dir.empty()) fs::remove_all(m_dir);
    }

    nlohmann::json control(const std::string& method, const std::string& route,
                           const std::string& body = {}) {
        aws::HttpRequest r{.scheme = "http",
                           .method = method,
                           .host = m_endpoint.substr(7),
                           .path = "/_emrctl/" + route};
        const auto q = route.find('?');
        if (q != std::string::npos) {
            r.path = "/_emrctl/" + route.substr(0, q);
            for (const auto& kv : {route.substr(q + 1)}) {
                std::size_t at = 0;
                while (at < kv.size()) {
                    auto amp = kv.find('&', at);
                    if (amp == std::string::npos) amp = kv.size();
                    const auto pair = kv.substr(at, amp - at);
                    const auto eq = pair.find('=');
                    r.query.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
                    at = amp + 1;
                }
            }
        }
        r.body = body;
        auto answer = m_control->send(r);
        EXPECT_TRUE(answer);
        if (!answer) return {};
        EXPECT_EQ(answer->status, 200) << answer->body;
        return nlohmann::json::parse(answer->body, nullptr, false);
    }

    std::size_t count_requests(std::int64_t since, const std::string& operation) {
        const auto log = control("GET", "requests?service=s3&operation=" + operation +
                                            "&since=" + std::to_string(since));
        return log["requests"].size();
    }
    std::int64_t last_seq() { return control("GET", "requests")["last_seq"].get<std::int64_t>(); }

    AssetFile write(const std::string& key, std::uint64_t size, unsigned seed) {
        const auto path = m_dir / key;
        fs::create_directories(path.parent_path());
        std::string bytes(size, '\0');
        std::mt19937 random(seed);
        for (auto& c : bytes)
            c = static_cast<char>(random() & 0xff);
        std::ofstream(path, std::ios::binary) << bytes;
        return {.file = path,
                .bucket = k_bucket,
                .key = key,
                .size = size,
                .sha256 = aws::sha256_hex(bytes)};
    }

    std::optional<std::uint64_t> object_size(const std::string& key) {
        const aws::s3::HeadObjectInput input{.bucket = k_bucket, .key = key};
        auto head = m_client->call(
            Service::s3,
            [&](const Endpoint& e) { return aws::s3::make_head_object_request(input, e); },
            aws::s3::parse_head_object_response);
        if (!head) return std::nullopt;
        return head->size;
    }

    static constexpr const char* k_bucket = "publisher-test";
    const PublishOptions m_options{
        .concurrency = 4, .multipart_threshold = 16 * k_mib, .part_size = 5 * k_mib};
    std::string m_endpoint;
    std::unique_ptr<aws::Transport> m_control;
    std::optional<aws::Client> m_client;
    fs::path m_dir;
};

TEST_F(Publisher, UploadsInPartsThenOnlyWhatChangedAndDeletesOnlyWhatItPublished) {
    std::vector<AssetFile> assets{write("data/big.bin", 21 * k_mib, 1), write("code/a.py", 1000, 2),
                                  write("code/b.py", 2000, 3)};
    auto first = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->plan.upload.size(), 3U);
    EXPECT_EQ(object_size("data/big.bin"), 21 * k_mib);
    EXPECT_EQ(count_requests(0, "UploadPart"), 5U);  // 21 MiB in 5 MiB parts

    control("POST", "s3/objects",
            R"({"bucket": "publisher-test", "key": "outputs/job/part-0000", "text": "result"})");
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

TEST_F(Publisher, AnObjectReplacedBehindItsBackIsUploadedAgain) {
    const std::vector<AssetFile> assets{write("code/a.py", 1000, 2)};
    ASSERT_TRUE(publish_assets(*m_client, assets, m_options));
    control("POST", "s3/objects",
            R"({"bucket": "publisher-test", "key": "code/a.py", "text": "edited"})");
    auto plan = plan_publish(*m_client, assets);
    ASSERT_TRUE(plan) << plan.error().message;
    EXPECT_EQ(plan->upload.size(), 1U);
}

TEST_F(Publisher, AFailingPartAbortsTheUploadAndTheNextPublishFinishesTheJob) {
    const std::vector<AssetFile> assets{write("data/big.bin", 17 * k_mib, 5),
                                        write("code/a.py", 1000, 6)};
    control(
        "POST", "faults",
        R"({"service": "s3", "operation": "UploadPart", "kind": "internal_error", "count": 1000})");
    auto failed = publish_assets(*m_client, assets, m_options);
    ASSERT_FALSE(failed);
    const auto& e = failed.error();
    EXPECT_NE(e.message.find("UploadPart"), std::string::npos) << e.message;
    ASSERT_FALSE(e.context.empty());
    EXPECT_NE(e.context.front().find("data/big.bin"), std::string::npos);
    EXPECT_EQ(count_requests(0, "AbortMultipartUpload"), 1U);
    EXPECT_FALSE(object_size("data/big.bin"));

    control("DELETE", "faults");
    auto retried = publish_assets(*m_client, assets, m_options);
    ASSERT_TRUE(retried) << retried.error().message;
    EXPECT_EQ(object_size("data/big.bin"), 17 * k_mib);
    auto after = plan_publish(*m_client, assets);
    ASSERT_TRUE(after);
    EXPECT_TRUE(after->upload.empty());
}

TEST_F(Publisher, AConnectionDroppedMidPartIsRetried) {
    const std::vector<AssetFile> assets{write("data/big.bin", 17 * k_mib, 7)};
    control("POST", "faults",
            R"({"service": "s3", "operation": "UploadPart", "kind": "drop", "drop_at": "request",
                "request_bytes": 1048576, "count": 1})");
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
    const auto staged = control("GET", "s3/objects?bucket=emrctl-staging-123456789012-us-east-1");
    ASSERT_EQ(staged["objects"].size(), 1U);
    EXPECT_TRUE(staged["objects"][0]["key"].get<std::string>().starts_with("templates/staged/"));
}

}  // namespace
}  // namespace emrctl::deploy
