#pragma once

// A client as emrctl builds one (settings from the environment, then sign, send, retry) and the
// emulator's address and control API, for the integration suites.

#include <functional>
#include <memory>
#include <string>

#include "emulator_endpoint.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/settings.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/aws/retry.hpp>
#include <emrctl/aws/sigv4.hpp>
#include <emrctl/aws/transport.hpp>

namespace emrctl::aws {

inline std::string emulator_endpoint() {
    return testing::emulator_endpoint_from_fixture();
}

// A client as emrctl builds one: settings from the environment, then sign, send, retry.
class Client {
  public:
    Client(std::string endpoint, std::string key, std::string secret)
        : m_env{{"AWS_ENDPOINT_URL", endpoint},
                {"AWS_ACCESS_KEY_ID", std::move(key)},
                {"AWS_SECRET_ACCESS_KEY", std::move(secret)},
                {"AWS_REGION", "us-east-1"},
                {"AWS_CONFIG_FILE", "/dev/null"},
                {"AWS_SHARED_CREDENTIALS_FILE", "/dev/null"},
                {"HOME", "/nonexistent"}},
          m_transport(make_curl_transport({.connect = std::chrono::milliseconds(2000),
                                           .stalled = std::chrono::milliseconds(5000)})) {}

    Result<protocol::HttpResponse> send(
        Service service, const std::function<HttpRequest(const protocol::Endpoint&)>& make,
        RetryReport* report = nullptr) {
        auto settings = AwsSettings::load({}, m_env, make_disk_file_access());
        if (!settings) return std::unexpected(settings.error());
        auto endpoint = settings->endpoint(service);
        if (!endpoint) return std::unexpected(endpoint.error());
        auto credentials = settings->credentials(
            [](const AssumeRoleRequest&, const Credentials&) -> Result<Credentials> {
                return fail(ErrorKind::internal, "no roles here");
            });
        const auto where = endpoint->location();
        auto build = [&]() -> Result<HttpRequest> {
            auto creds = credentials->get();
            if (!creds) return std::unexpected(creds.error());
            auto request = make(where);
            sign(request, signing_params(*creds, *endpoint,
                                         std::chrono::floor<std::chrono::seconds>(
                                             std::chrono::system_clock::now())));
            return request;
        };
        const RetryEnvironment quick{.sleep = [](std::chrono::milliseconds) {},
                                     .random = [] { return 0.0; }};
        return send_with_retries(
            *m_transport, build,
            [](const protocol::HttpResponse& r) { return protocol::classify_retry(r); },
            RetryPolicy{.max_attempts = 3}, quick, report);
    }

    // A plain call to the emulator's control API.
    void control(const std::string& endpoint, const std::string& route, const std::string& json) {
        HttpRequest r{.scheme = "http",
                      .method = "POST",
                      .host = endpoint.substr(7),
                      .path = "/_emrctl/" + route};
        r.headers = {{"Content-Type", "application/json"}};
        r.body = json;
        auto answer = m_transport->send(r);
        ASSERT_TRUE(answer) << answer.error().message;
        ASSERT_EQ(answer->status, 200) << answer->body;
    }

  private:
    Environment m_env;
    std::unique_ptr<Transport> m_transport;
};

}  // namespace emrctl::aws
