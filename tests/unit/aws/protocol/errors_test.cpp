#include "protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/json_error.hpp>
#include <emrctl/aws/protocol/xml_error.hpp>

namespace emrctl::aws::protocol {
namespace {

using testing::answer;

constexpr Operation k_describe_stacks{"cloudformation", "DescribeStacks"};

TEST(QueryError, ReadsTheErrorResponseDocument) {
    const auto error = query_error(k_describe_stacks, answer(400, R"(<?xml version="1.0"?>
<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <Error>
    <Type>Sender</Type>
    <Code>ValidationError</Code>
    <Message>Stack with id demo-network does not exist</Message>
  </Error>
  <RequestId>4af14eec-350e-11e4-b260-EXAMPLE</RequestId>
</ErrorResponse>)"));
    EXPECT_EQ(error.kind, ErrorKind::aws);
    EXPECT_EQ(error.message,
              "cloudformation DescribeStacks: ValidationError: Stack with id demo-network does "
              "not exist (request id 4af14eec-350e-11e4-b260-EXAMPLE)");
    EXPECT_EQ(error.hint, "");
    ASSERT_TRUE(error.aws);
    EXPECT_EQ(error.aws->service, "cloudformation");
    EXPECT_EQ(error.aws->operation, "DescribeStacks");
    EXPECT_EQ(error.aws->code, "ValidationError");
    EXPECT_EQ(error.aws->message, "Stack with id demo-network does not exist");
    EXPECT_EQ(error.aws->request_id, "4af14eec-350e-11e4-b260-EXAMPLE");
    EXPECT_EQ(error.aws->http_status, 400);
}

TEST(QueryError, SaysWhatToDoAboutExpiredCredentials) {
    const auto error = query_error({"sts", "GetCallerIdentity"}, answer(403, R"(
<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>ExpiredToken</Code>
    <Message>The security token included in the request is expired</Message></Error>
  <RequestId>9f3a5c1e-0b7d-4d5e-8a43-EXAMPLE</RequestId>
</ErrorResponse>)"));
    EXPECT_EQ(error.message,
              "sts GetCallerIdentity: ExpiredToken: The security token included in the request "
              "is expired (request id 9f3a5c1e-0b7d-4d5e-8a43-EXAMPLE)");
    EXPECT_EQ(error.hint,
              "your session credentials expired: refresh them (aws sso login, or new keys)");
}

TEST(QueryError, ReadsMotosNestedErrorsAndTakesTheIdFromTheHeader) {
    const auto error = query_error(
        {"cloudformation", "CreateChangeSet"},
        answer(403,
               "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Errors><Error>"
               "<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/dev is "
               "not authorized to perform: cloudformation:CreateChangeSet</Message>"
               "<Type>Sender</Type></Error></Errors></ErrorResponse>",
               {{"X-Amzn-ErrorType", "AccessDenied"}, {"x-amzn-RequestId", "req-1"}}));
    EXPECT_EQ(error.message,
              "cloudformation CreateChangeSet: AccessDenied: User: "
              "arn:aws:iam::123456789012:user/dev is not authorized to perform: "
              "cloudformation:CreateChangeSet (request id req-1)");
    EXPECT_EQ(error.hint,
              "the credentials in use lack permission for CreateChangeSet; allow "
              "cloudformation:CreateChangeSet to the user or role they belong to, or use another "
              "--profile");
}

TEST(QueryError, ReadsTheEc2ShapeWithRequestID) {
    const auto error = query_error(
        {"ec2", "RevokeSecurityGroupIngress"},
        answer(503,
               "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request "
               "limit exceeded.</Message></Error></Errors><RequestID>ec2-req</RequestID>"
               "</Response>"));
    EXPECT_EQ(error.message,
              "ec2 RevokeSecurityGroupIngress: RequestLimitExceeded: Request limit exceeded. "
              "(request id ec2-req)");
    EXPECT_EQ(error.hint, "AWS is throttling requests: wait a minute and run it again");
}

TEST(QueryError, FallsBackToTheStatusForABodyThatIsNotAnError) {
    const auto error = query_error(
        k_describe_stacks,
        answer(500,
               "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
               "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error.</p>"));
    EXPECT_EQ(error.message,
              "cloudformation DescribeStacks: InternalServerError: Internal Server Error: 500 "
              "Internal Server Error Internal Server Error The server encountered an internal "
              "error.");
    const auto empty = query_error(k_describe_stacks, answer(503, ""));
    EXPECT_EQ(empty.message,
              "cloudformation DescribeStacks: ServiceUnavailable: Service Unavailable");
}

TEST(RestXmlError, ReadsTheS3ErrorDocument) {
    const auto error = rest_xml_error({"s3", "ListObjectsV2"},
                                      answer(404, R"(<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>demo-assets</BucketName><RequestId>4442587FB7D0A2F9</RequestId><HostId>s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=</HostId></Error>)",
                                             {{"x-amz-request-id", "ignored-when-body-has-one"}}));
    EXPECT_EQ(error.message,
              "s3 ListObjectsV2: NoSuchBucket: The specified bucket does not exist (request id "
              "4442587FB7D0A2F9)");
    EXPECT_EQ(error.aws->http_status, 404);
}

TEST(RestXmlError, NamesAHeadErrorAfterItsStatus) {
    const auto error = rest_xml_error({"s3", "HeadObject"},
                                      answer(404, "", {{"x-amz-request-id", "0A49CE4060975EAC"}}));
    EXPECT_EQ(error.message, "s3 HeadObject: NotFound: Not Found (request id 0A49CE4060975EAC)");
    EXPECT_EQ(error.aws->code, "NotFound");
    const auto forbidden = rest_xml_error({"s3", "HeadObject"}, answer(403, ""));
    EXPECT_EQ(forbidden.message, "s3 HeadObject: Forbidden: Forbidden");
    EXPECT_EQ(forbidden.hint,
              "the credentials in use lack permission for HeadObject; allow s3:GetObject to the "
              "user or role they belong to, or use another --profile");
}

TEST(RestXmlError, NamesTheRegionOfABucketElsewhere) {
    const auto error = rest_xml_error(
        {"s3", "HeadBucket"},
        answer(301, "", {{"x-amz-bucket-region", "eu-west-3"}, {"x-amz-request-id", "R1"}}));
    EXPECT_EQ(error.message,
              "s3 HeadBucket: MovedPermanently: Moved Permanently; the bucket is in eu-west-3 "
              "(request id R1)");
    EXPECT_EQ(error.hint, "use --region eu-west-3 for this bucket");
}

TEST(RestXmlError, SaysToCheckTheKeys) {
    const auto error = rest_xml_error(
        {"s3", "PutObject"},
        answer(403,
               "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we "
               "calculated does not match the signature you provided. Check your key and "
               "signing method.</Message><RequestId>R2</RequestId></Error>"));
    EXPECT_EQ(error.hint,
              "check the access key and secret (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or "
              "the profile's keys): AWS does not know the key id, or the secret does not match "
              "it");
    const auto unknown = rest_xml_error(
        {"s3", "PutObject"}, answer(403, "<Error><Code>InvalidAccessKeyId</Code></Error>"));
    EXPECT_EQ(unknown.hint, error.hint);
    EXPECT_EQ(unknown.message, "s3 PutObject: InvalidAccessKeyId");
}

TEST(JsonError, StripsTheNamespaceOfType) {
    const auto error = json_error(
        {"emr", "DescribeCluster"},
        answer(
            400,
            R"({"__type":"com.amazonaws.elasticmapreduce#InvalidRequestException","ErrorCode":"NoSuchCluster","Message":"Cluster id 'j-3SD91U2E1L2QX' is not valid."})",
            {{"x-amzn-RequestId", "8b4d2e1f-EXAMPLE"}}));
    EXPECT_EQ(error.message,
              "emr DescribeCluster: InvalidRequestException: Cluster id 'j-3SD91U2E1L2QX' is not "
              "valid. (request id 8b4d2e1f-EXAMPLE)");
    EXPECT_EQ(error.aws->code, "InvalidRequestException");
}

TEST(JsonError, PrefersTheHeaderAndStripsItsSuffix) {
    auto error =
        json_error({"emr", "ListSteps"},
                   answer(400, R"({"__type":"ThrottlingException","message":"Rate exceeded"})",
                          {{"X-Amzn-ErrorType",
                            "ThrottlingException:http://internal.amazon.com/coral/"
                            "com.amazon.coral.availability/"},
                           {"X-Amzn-RequestId", "t-1"}}));
    EXPECT_EQ(error.message, "emr ListSteps: ThrottlingException: Rate exceeded (request id t-1)");
    EXPECT_EQ(error.hint, "AWS is throttling requests: wait a minute and run it again");
    note_retries(error, 3);
    EXPECT_EQ(error.hint,
              "AWS is throttling; emrctl retried 3 times with backoff: wait a minute and run it "
              "again, or run fewer emrctl commands at once against this account");
    note_retries(error, 1);
    EXPECT_TRUE(error.hint.starts_with("AWS is throttling; emrctl retried 1 time with backoff"));
}

TEST(JsonError, KnowsExpiredAndUnknownKeys) {
    const auto expired = json_error(
        {"emr", "ListClusters"},
        answer(
            400,
            R"({"__type":"ExpiredTokenException","message":"The security token included in the request is expired"})"));
    EXPECT_EQ(expired.hint,
              "your session credentials expired: refresh them (aws sso login, or new keys)");
    const auto unknown = json_error(
        {"emr", "ListClusters"},
        answer(
            400,
            R"({"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."})"));
    EXPECT_TRUE(unknown.hint.starts_with("check the access key and secret"));
}

TEST(JsonError, FallsBackToTheStatus) {
    const auto error = json_error({"emr", "ListSteps"}, answer(500, ""));
    EXPECT_EQ(error.message, "emr ListSteps: InternalServerError: Internal Server Error");
    const auto garbage = json_error({"emr", "ListSteps"}, answer(502, "upstream \x01 reset"));
    EXPECT_EQ(garbage.message, "emr ListSteps: BadGateway: Bad Gateway: upstream reset");
}

TEST(RestJsonError, ReadsAHeaderOnlyError) {
    const auto error = rest_json_error(
        {"emr-containers", "DescribeJobRun"},
        answer(404, "",
               {{"x-amzn-ErrorType", "ResourceNotFoundException"}, {"x-amzn-RequestId", "rj-1"}}));
    EXPECT_EQ(error.message,
              "emr-containers DescribeJobRun: ResourceNotFoundException: Not Found (request id "
              "rj-1)");
    const auto with_body =
        rest_json_error({"emr-containers", "DescribeJobRun"},
                        answer(404, R"({"message":"Job run 000000031k2l5kq8m not found"})",
                               {{"x-amzn-ErrorType", "ResourceNotFoundException"}}));
    EXPECT_EQ(with_body.message,
              "emr-containers DescribeJobRun: ResourceNotFoundException: Job run "
              "000000031k2l5kq8m not found");
}

TEST(SanitizeErrorCode, KeepsTheShapeNameOnly) {
    EXPECT_EQ(sanitize_error_code("aws.protocoltests.restjson#FooError:http://internal.amazon.com/"
                                  "coral/com.amazon.coral.validate/"),
              "FooError");
    EXPECT_EQ(sanitize_error_code("FooError"), "FooError");
    EXPECT_EQ(sanitize_error_code("a#b#FooError"), "FooError");
    EXPECT_EQ(sanitize_error_code(""), "");
}

TEST(AwsError, HintsAboutTheClock) {
    const auto error = aws_error(AwsDetail{.service = "s3",
                                           .operation = "PutObject",
                                           .code = "RequestTimeTooSkewed",
                                           .message = "The difference between the request time "
                                                      "and the current time is too large.",
                                           .http_status = 403});
    EXPECT_EQ(
        error.hint,
        "this machine's clock is more than 5 minutes off: sync it (timedatectl set-ntp true)");
}

TEST(MalformedResponse, SaysWhatCouldNotBeRead) {
    const auto error = malformed_response({"sts", "GetCallerIdentity"},
                                          answer(200, "<html>", {{"x-amzn-RequestId", "m-1"}}),
                                          "no Account or Arn");
    EXPECT_EQ(error.kind, ErrorKind::aws);
    EXPECT_EQ(error.message,
              "sts GetCallerIdentity: MalformedResponse: the answer (HTTP 200) could not be read: "
              "no Account or Arn (request id m-1)");
    EXPECT_EQ(error.hint,
              "if --endpoint-url points at an emulator or a proxy, check that it serves this API; "
              "otherwise run again with -v and report it as a bug in emrctl");
}

TEST(BodyExcerpt, IsShortAndCutsBetweenCharacters) {
    const std::string long_text(200, 'x');
    EXPECT_EQ(body_excerpt(long_text), std::string(160, 'x') + "…");
    std::string accents;
    for (int i = 0; i < 100; ++i)
        accents += "é";
    const auto excerpt = body_excerpt(accents);
    EXPECT_EQ(excerpt, accents.substr(0, 160) + "…");
}

}  // namespace
}  // namespace emrctl::aws::protocol
