// SigV4 against a verifier: the emulator with signature checking on (DESIGN §7: its own
// instance, since checking breaks EKS and emr-containers GETs). Its first three calls are free
// and create the IAM user and key the rest sign with.

#include "emulator_client.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/protocol/xml_reader.hpp>
#include <emrctl/aws/services/sts/get_caller_identity.hpp>

namespace emrctl::aws {
namespace {

constexpr const char* k_allow_all =
    R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})";

struct AccessKey {
    std::string id;
    std::string secret;
};

// The three free calls: a user, a policy letting it do anything, and its key.
AccessKey create_user_and_key(Client& client) {
    auto iam = [&](std::string action, protocol::QueryParams params) {
        return client.send(Service::iam, [&](const protocol::Endpoint& e) {
            return protocol::make_query_request(e, action, "2010-05-08", params);
        });
    };
    protocol::QueryParams user;
    user.add("UserName", "ci");
    EXPECT_TRUE(iam("CreateUser", user));
    auto policy = user;
    policy.add("PolicyName", "all");
    policy.add("PolicyDocument", k_allow_all);
    EXPECT_TRUE(iam("PutUserPolicy", policy));
    auto key = iam("CreateAccessKey", user);
    EXPECT_TRUE(key);
    auto answer = protocol::read_query_response({"iam", "CreateAccessKey"}, *key);
    EXPECT_TRUE(answer) << key->body;
    return {protocol::text_at(answer->result, "AccessKey/AccessKeyId"),
            protocol::text_at(answer->result, "AccessKey/SecretAccessKey")};
}

TEST(Signing, TheRightSecretIsAcceptedAndAWrongOneFailsWithAClearMessage) {
    const auto endpoint = emulator_endpoint();
    if (endpoint.empty()) GTEST_SKIP() << "EMRCTL_EMULATOR_DIR is not set: run via ctest";
    Client setup(endpoint, "testing", "testing");
    const auto key = create_user_and_key(setup);
    ASSERT_FALSE(key.id.empty());

    Client good(endpoint, key.id, key.secret);
    auto response = good.send(Service::sts, sts::make_get_caller_identity_request);
    ASSERT_TRUE(response);
    auto identity = sts::parse_get_caller_identity_response(*response);
    ASSERT_TRUE(identity) << identity.error().message;
    EXPECT_NE(identity->arn.find("user/ci"), std::string::npos) << identity->arn;

    Client bad(endpoint, key.id, key.secret + "x");
    response = bad.send(Service::sts, sts::make_get_caller_identity_request);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 403);
    identity = sts::parse_get_caller_identity_response(*response);
    ASSERT_FALSE(identity);
    EXPECT_EQ(identity.error().kind, ErrorKind::aws);
    EXPECT_EQ(identity.error().message.rfind("sts GetCallerIdentity: SignatureDoesNotMatch: ", 0),
              0U)
        << identity.error().message;
    EXPECT_NE(identity.error().hint.find("secret"), std::string::npos) << identity.error().hint;
}

}  // namespace
}  // namespace emrctl::aws
