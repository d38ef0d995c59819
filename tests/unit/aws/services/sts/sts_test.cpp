#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/sts/assume_role.hpp>
#include <emrctl/aws/services/sts/get_caller_identity.hpp>

namespace emrctl::aws::sts {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;
using protocol::testing::header_of;

TEST(GetCallerIdentity, BuildsTheQueryRequest) {
    const auto request =
        make_get_caller_identity_request(aws_endpoint("sts.eu-west-3.amazonaws.com"));
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.host, "sts.eu-west-3.amazonaws.com");
    EXPECT_EQ(request.path, "/");
    EXPECT_EQ(request.body, "Action=GetCallerIdentity&Version=2011-06-15");
    EXPECT_EQ(header_of(request, "Content-Type"),
              "application/x-www-form-urlencoded; charset=utf-8");
}

TEST(GetCallerIdentity, ReadsWhoIsCalling) {
    const auto output = parse_get_caller_identity_response(answer(200, R"(
<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::123456789012:assumed-role/dev/alice</Arn>
    <UserId>AROA3XFRBF535PLBIFPI4:alice</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>)"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->account, "123456789012");
    EXPECT_EQ(output->arn, "arn:aws:sts::123456789012:assumed-role/dev/alice");
    EXPECT_EQ(output->user_id, "AROA3XFRBF535PLBIFPI4:alice");
}

TEST(GetCallerIdentity, RejectsAnAnswerWithoutAnAccount) {
    const auto output = parse_get_caller_identity_response(
        answer(200,
               "<GetCallerIdentityResponse><GetCallerIdentityResult/>"
               "</GetCallerIdentityResponse>"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().aws->code, "MalformedResponse");
    const auto html = parse_get_caller_identity_response(answer(200, "<html><body>hi"));
    ASSERT_FALSE(html);
    EXPECT_EQ(html.error().message,
              "sts GetCallerIdentity: MalformedResponse: the answer (HTTP 200) could not be read: "
              "malformed XML at byte 13: Start-end tags mismatch");
}

TEST(GetCallerIdentity, ReportsTheServiceError) {
    const auto output = parse_get_caller_identity_response(answer(403, R"(
<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>
    <Message>The security token included in the request is invalid.</Message></Error>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ErrorResponse>)"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().message,
              "sts GetCallerIdentity: InvalidClientTokenId: The security token included in the "
              "request is invalid. (request id c6104cbe-af31-11e0-8154-cbc7ccf896c7)");
    EXPECT_TRUE(output.error().hint.starts_with("check the access key and secret"));
}

TEST(AssumeRole, SendsTheRoleSessionAndOptions) {
    const auto request = make_assume_role_request(
        AssumeRoleInput{.role_arn = "arn:aws:iam::123456789012:role/emrctl-deploy",
                        .role_session_name = "emrctl-1700000000",
                        .duration = std::chrono::seconds{3600},
                        .external_id = "ext id+1"},
        aws_endpoint("sts.amazonaws.com"));
    EXPECT_EQ(request.body,
              "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%"
              "3Arole%2Femrctl-deploy&RoleSessionName=emrctl-1700000000&DurationSeconds=3600&"
              "ExternalId=ext%20id%2B1");
    const auto minimal = make_assume_role_request(AssumeRoleInput{.role_arn = "r",
                                                                  .role_session_name = "s",
                                                                  .serial_number = "arn:mfa",
                                                                  .token_code = "123456"},
                                                  aws_endpoint("sts.amazonaws.com"));
    EXPECT_EQ(minimal.body,
              "Action=AssumeRole&Version=2011-06-15&RoleArn=r&RoleSessionName=s&SerialNumber="
              "arn%3Amfa&TokenCode=123456");
}

TEST(AssumeRole, ReadsTheTemporaryCredentials) {
    const auto output = parse_assume_role_response(answer(200, R"(
<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <SourceIdentity>alice</SourceIdentity>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/emrctl-deploy/emrctl-1700000000</Arn>
      <AssumedRoleId>ARO123EXAMPLE123:emrctl-1700000000</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW</SessionToken>
      <Expiration>2023-11-14T23:13:20.512Z</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
</AssumeRoleResponse>)"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->credentials.access_key_id, "ASIAIOSFODNN7EXAMPLE");
    EXPECT_EQ(output->credentials.secret_access_key, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY");
    EXPECT_EQ(output->credentials.session_token,
              "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW");
    EXPECT_EQ(output->credentials.expiration.time_since_epoch().count(), 1700003600);
    EXPECT_EQ(output->assumed_role_arn,
              "arn:aws:sts::123456789012:assumed-role/emrctl-deploy/emrctl-1700000000");
    EXPECT_EQ(output->assumed_role_id, "ARO123EXAMPLE123:emrctl-1700000000");
}

TEST(AssumeRole, RejectsIncompleteCredentials) {
    const auto output = parse_assume_role_response(answer(200, R"(
<AssumeRoleResponse><AssumeRoleResult><Credentials>
  <AccessKeyId>ASIA</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>
  <Expiration>soon</Expiration>
</Credentials></AssumeRoleResult></AssumeRoleResponse>)"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().message,
              "sts AssumeRole: MalformedResponse: the answer (HTTP 200) could not be read: no "
              "complete Credentials (keys, token and expiration)");
}

TEST(AssumeRole, ReportsAccessDenied) {
    const auto output = parse_assume_role_response(answer(403, R"(
<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>AccessDenied</Code>
    <Message>User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role/emrctl-deploy</Message></Error>
  <RequestId>r-1</RequestId>
</ErrorResponse>)"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().hint,
              "the credentials in use lack permission for AssumeRole; allow sts:AssumeRole to the "
              "user or role they belong to, or use another --profile");
}

}  // namespace
}  // namespace emrctl::aws::sts
