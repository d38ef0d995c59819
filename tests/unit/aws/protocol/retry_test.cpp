#include "protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/protocol/retry.hpp>

namespace emrctl::aws::protocol {
namespace {

using testing::answer;

TEST(ClassifyRetry, ThrottlingByCodeOrStatus) {
    EXPECT_EQ(classify_retry(answer(503,
                                    "<Error><Code>SlowDown</Code><Message>Please reduce your "
                                    "request rate.</Message></Error>")),
              Retryability::throttling);
    EXPECT_EQ(classify_retry(answer(400,
                                    "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling"
                                    "</Code><Message>Rate exceeded</Message></Error>"
                                    "</ErrorResponse>")),
              Retryability::throttling);
    EXPECT_EQ(classify_retry(answer(400, R"({"__type":"ThrottlingException","message":"x"})")),
              Retryability::throttling);
    EXPECT_EQ(
        classify_retry(answer(400, "", {{"x-amzn-ErrorType", "ThrottlingException:http://x"}})),
        Retryability::throttling);
    EXPECT_EQ(classify_retry(answer(429, "")), Retryability::throttling);
}

TEST(ClassifyRetry, TransientFor5xxAndServerSideTimeouts) {
    for (const int status : {500, 502, 503, 504}) {
        EXPECT_EQ(classify_retry(answer(status, "<html>oops</html>")), Retryability::transient)
            << status;
    }
    EXPECT_EQ(classify_retry(answer(400,
                                    "<Error><Code>RequestTimeout</Code><Message>Your socket "
                                    "connection to the server was not read from or written "
                                    "to within the timeout period.</Message></Error>")),
              Retryability::transient);
    EXPECT_EQ(classify_retry(answer(400, R"({"__type":"RequestTimeoutException"})")),
              Retryability::transient);
}

TEST(ClassifyRetry, NoForClientErrorsAndSuccesses) {
    EXPECT_EQ(classify_retry(answer(400,
                                    "<ErrorResponse><Error><Code>ValidationError</Code>"
                                    "</Error></ErrorResponse>")),
              Retryability::no);
    EXPECT_EQ(classify_retry(answer(403, "<Error><Code>AccessDenied</Code></Error>")),
              Retryability::no);
    EXPECT_EQ(classify_retry(answer(404, "")), Retryability::no);
    // A quota, not a rate: retrying cannot help.
    EXPECT_EQ(classify_retry(answer(400,
                                    "<ErrorResponse><Error><Code>LimitExceededException"
                                    "</Code></Error></ErrorResponse>")),
              Retryability::no);
    EXPECT_EQ(classify_retry(answer(200, "<Error><Code>InternalError</Code></Error>")),
              Retryability::no);
    EXPECT_EQ(classify_retry(answer(501, "")), Retryability::no);
}

TEST(ClassifyRetry, ClassifiesADecodedErrorWhateverItsStatus) {
    // S3's 200 with an <Error> body, as CompleteMultipartUpload's parser reports it.
    EXPECT_EQ(classify_retry(AwsDetail{.code = "InternalError", .http_status = 200}),
              Retryability::transient);
    EXPECT_EQ(classify_retry(AwsDetail{.code = "SlowDown", .http_status = 200}),
              Retryability::throttling);
    EXPECT_EQ(classify_retry(AwsDetail{.code = "InvalidPart", .http_status = 400}),
              Retryability::no);
    EXPECT_EQ(classify_retry(AwsDetail{.code = "ServiceUnavailable", .http_status = 503}),
              Retryability::transient);
}

TEST(ErrorCodeOf, FindsTheCodeWhateverTheProtocol) {
    EXPECT_EQ(error_code_of(answer(400,
                                   "  <ErrorResponse><Error><Code>A</Code></Error>"
                                   "</ErrorResponse>")),
              "A");
    EXPECT_EQ(error_code_of(answer(400, R"( {"__type":"x#B","message":"m"})")), "B");
    EXPECT_EQ(error_code_of(answer(400, R"({"code":"C"})")), "C");
    EXPECT_EQ(error_code_of(answer(400, "{}", {{"X-AMZN-ERRORTYPE", "D:http://x"}})), "D");
    EXPECT_EQ(error_code_of(answer(400, "plain text")), "");
    EXPECT_EQ(error_code_of(answer(400, "<not-closed")), "");
    EXPECT_EQ(error_code_of(answer(400, "")), "");
}

}  // namespace
}  // namespace emrctl::aws::protocol
