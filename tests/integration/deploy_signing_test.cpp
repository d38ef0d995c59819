// `emrctl deploy` against the emulator with signature checking on (its own instance, DESIGN §7): a
// wrong secret stops the deploy with the service's own error code, and nothing is created.

#include <string>

#include "emrctl_on_emulator.hpp"
#include "emulator_client.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/protocol/xml_reader.hpp>

namespace emrctl::testing {
namespace {

constexpr auto npos = std::string::npos;

constexpr const char* k_allow_all =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";

// The three calls the emulator lets through unsigned after a reset: a user, a policy letting it
// do anything, and its key.
Credentials create_user_and_key(const std::string& endpoint) {
    aws::Client setup(endpoint, "testing", "testing");
    auto iam = [&](const std::string& action, const aws::protocol::QueryParams& params) {
        return setup.send(aws::Service::iam, [&](const aws::protocol::Endpoint& e) {
            return aws::protocol::make_query_request(e, action, "2010-05-08", params);
        });
    };
    aws::protocol::QueryParams user;
    user.add("UserName", "ci");
    EXPECT_TRUE(iam("CreateUser", user));
    auto policy = user;
    policy.add("PolicyName", "all");
    policy.add("PolicyDocument", k_allow_all);
    EXPECT_TRUE(iam("PutUserPolicy", policy));
    auto key = iam("CreateAccessKey", user);
    if (!key) {
        ADD_FAILURE() << key.error().message;
        return {};
    }
    auto answer = aws::protocol::read_query_response({"iam", "CreateAccessKey"}, *key);
    if (!answer) {
        ADD_FAILURE() << key->body;
        return {};
    }
    return {.key = aws::protocol::text_at(answer->result, "AccessKey/AccessKeyId"),
            .secret = aws::protocol::text_at(answer->result, "AccessKey/SecretAccessKey")};
}

class DeploySigning : public EmrctlOnEmulator {
  protected:
    // The reset restarts the count of free calls, for the next suite on this emulator too.
    void TearDown() override {
        if (m_control) m_control->reset();
        EmrctlOnEmulator::TearDown();
    }
};

TEST_F(DeploySigning, AWrongSecretStopsTheDeployWithTheServicesCodeAndCreatesNothing) {
    ASSERT_NE(control().get("health")["initial_no_auth_action_count"], nullptr)
        << "this suite needs the emulator with signature checking on";
    const auto key = create_user_and_key(m_endpoint);
    ASSERT_FALSE(key.key.empty());
    const auto since = control().last_seq();

    const auto r = emrctl({"deploy"}, {.key = key.key, .secret = key.secret + "x"});
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find("error: "), npos) << r.err;
    EXPECT_NE(r.err.find("SignatureDoesNotMatch"), npos) << r.err;
    EXPECT_TRUE(control().get("inventory")["stacks"].empty()) << control().get("inventory").dump(1);
    EXPECT_TRUE(control().requests(since, "cloudformation", "ExecuteChangeSet").empty());
    EXPECT_TRUE(control().requests(since, "s3", "PutObject").empty());
}

}  // namespace
}  // namespace emrctl::testing
