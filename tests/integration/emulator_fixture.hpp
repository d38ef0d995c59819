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

#include "emrctl_on_emulator.hpp"
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

class EmulatorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_endpoint = testing::emulator_endpoint_from_fixture();
        if (m_endpoint.empty()) GTEST_SKIP() << "EMRCTL_EMULATOR_DIR is not set: run via ctest";
        m_control.emplace(m_endpoint);
        m_control->reset();
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
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        if (!m_dir.empty()) fs::remove_all(m_dir);
    }

    std::size_t count_requests(long since, const std::string& operation,
                               const std::string& service = "s3") {
        return m_control->requests(since, service, operation).size();
    }
    long last_seq() { return m_control->last_seq(); }

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
    std::optional<testing::EmulatorControl> m_control;
    std::optional<aws::Client> m_client;
    fs::path m_dir;
};

}  // namespace emrctl::deploy
