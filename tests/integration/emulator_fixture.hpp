#pragma once

// A test fixture for deploy/ against the emulator: emrctl's own aws::Client pointed at it, the
// control API, the request log, a bucket and a scratch folder (CTest label `emulator`).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <emrctl/aws/client.hpp>
#include <emrctl/aws/credentials/file_access.hpp>
#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/sha256.hpp>
#include <emrctl/deploy/asset_publisher.hpp>

namespace emrctl::deploy {

namespace fs = std::filesystem;
using aws::Service;
using aws::protocol::Endpoint;

inline constexpr std::uint64_t k_mib = 1024ULL * 1024;

inline std::string emulator_endpoint() {
    const char* dir = std::getenv("EMRCTL_EMULATOR_DIR");
    if (dir == nullptr) return {};
    std::ifstream in(fs::path(dir) / "endpoint");
    std::string endpoint;
    std::getline(in, endpoint);
    return endpoint;
}

class EmulatorTest : public testing::Test {
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
                ("emrctl-deploy-test-" + std::to_string(::getpid()) + "-" +
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

}  // namespace emrctl::deploy
