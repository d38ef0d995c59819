// emrctl's own AWS stack end to end against the emulator (CTest label `emulator`): endpoint and
// credential resolution, SigV4, the libcurl transport, retries, and the parsers, on real HTTP.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "emulator_client.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/settings.hpp>
#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/aws/retry.hpp>
#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/sts/get_caller_identity.hpp>
#include <emrctl/aws/sigv4.hpp>
#include <emrctl/aws/transport.hpp>

namespace emrctl::aws {
namespace {

class AwsAccess : public ::testing::Test {
  protected:
    void SetUp() override {
        m_endpoint = emulator_endpoint();
        if (m_endpoint.empty()) GTEST_SKIP() << "EMRCTL_EMULATOR_DIR is not set: run via ctest";
    }
    std::string m_endpoint;
};

TEST_F(AwsAccess, GetCallerIdentityOverRealHttp) {
    Client client(m_endpoint, "testing", "testing");
    client.control(m_endpoint, "reset", "{}");
    auto response = client.send(Service::sts, sts::make_get_caller_identity_request);
    ASSERT_TRUE(response) << response.error().message;
    auto identity = sts::parse_get_caller_identity_response(*response);
    ASSERT_TRUE(identity) << identity.error().message;
    EXPECT_EQ(identity->account, "123456789012");
}

TEST_F(AwsAccess, S3KeysWithSpacesPlusPercentAndUnicodeRoundTrip) {
    Client client(m_endpoint, "testing", "testing");
    client.control(m_endpoint, "reset", "{}");
    auto made = client.send(Service::s3, [](const protocol::Endpoint& e) {
        return s3::make_create_bucket_request({.bucket = "emrctl-it", .region = "us-east-1"}, e);
    });
    ASSERT_TRUE(made && s3::parse_create_bucket_response(*made));
    const std::string key = "data/word count/a+b 100%/é 日本.txt";
    auto put = client.send(Service::s3, [&](const protocol::Endpoint& e) {
        return s3::make_put_object_request(
            {.bucket = "emrctl-it", .key = key, .body = std::string("hello spark\n")}, e);
    });
    ASSERT_TRUE(put);
    ASSERT_TRUE(s3::parse_put_object_response(*put)) << put->body;
    auto got = client.send(Service::s3, [&](const protocol::Endpoint& e) {
        return s3::make_get_object_request({.bucket = "emrctl-it", .key = key}, e);
    });
    ASSERT_TRUE(got);
    auto object = s3::parse_get_object_response(*got);
    ASSERT_TRUE(object) << object.error().message;
    EXPECT_EQ(object->body, "hello spark\n");
}

TEST_F(AwsAccess, ThrottlingAnd5xxAreRetriedAndAPersistentOneIsReportedClearly) {
    Client client(m_endpoint, "testing", "testing");
    client.control(m_endpoint, "reset", "{}");
    client.control(m_endpoint, "faults",
                   R"({"faults": [{"service": "sts", "kind": "throttling", "count": 1},
                                  {"service": "sts", "kind": "service_unavailable", "count": 1}]})");
    RetryReport report;
    auto response = client.send(Service::sts, sts::make_get_caller_identity_request, &report);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(report.attempts, 3);

    client.control(m_endpoint, "faults", R"({"service": "sts", "kind": "throttling", "count": 5})");
    response = client.send(Service::sts, sts::make_get_caller_identity_request, &report);
    ASSERT_TRUE(response);
    auto parsed = sts::parse_get_caller_identity_response(*response);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().message.rfind("sts GetCallerIdentity: Throttling: ", 0), 0U)
        << parsed.error().message;
    EXPECT_NE(parsed.error().hint.find("throttl"), std::string::npos) << parsed.error().hint;
    client.control(m_endpoint, "reset", "{}");
}

TEST_F(AwsAccess, ADroppedConnectionIsRetried) {
    Client client(m_endpoint, "testing", "testing");
    client.control(m_endpoint, "reset", "{}");
    client.control(m_endpoint, "faults",
                   R"({"service": "sts", "kind": "drop", "response_bytes": -1, "count": 1})");
    RetryReport report;
    auto response = client.send(Service::sts, sts::make_get_caller_identity_request, &report);
    ASSERT_TRUE(response) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(report.attempts, 2);
}

}  // namespace
}  // namespace emrctl::aws
