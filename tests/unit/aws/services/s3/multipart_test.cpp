#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/aws/services/s3/multipart.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws::s3 {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;
using protocol::testing::header_of;

const auto k_endpoint = aws_endpoint("s3.eu-west-3.amazonaws.com");

TEST(CreateMultipartUpload, PostsToUploads) {
    const auto request = make_create_multipart_upload_request(
        CreateMultipartUploadInput{.bucket = "b",
                                   .key = "data/big file.parquet",
                                   .content_type = "application/octet-stream",
                                   .metadata = {{"emrctl-sha256", "abc"}}},
        k_endpoint);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request_url(request),
              "https://s3.eu-west-3.amazonaws.com/b/data/big%20file.parquet?uploads=");
    EXPECT_EQ(header_of(request, "Content-Type"), "application/octet-stream");
    EXPECT_EQ(header_of(request, "x-amz-meta-emrctl-sha256"), "abc");
    EXPECT_EQ(request.body, "");

    const auto output =
        parse_create_multipart_upload_response(answer(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>b</Bucket>
  <Key>data/big file.parquet</Key>
  <UploadId>VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>
</InitiateMultipartUploadResult>)"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->upload_id, "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA");
    EXPECT_EQ(output->key, "data/big file.parquet");
    const auto no_id =
        parse_create_multipart_upload_response(answer(200, "<InitiateMultipartUploadResult/>"));
    ASSERT_FALSE(no_id);
    EXPECT_EQ(no_id.error().aws->code, "MalformedResponse");
}

TEST(UploadPart, StreamsAFileRangeWithPartNumberAndUploadId) {
    const auto request = make_upload_part_request(
        UploadPartInput{.bucket = "b",
                        .key = "data/big file.parquet",
                        .upload_id = "VXBs+b2Fk/ID==",
                        .part_number = 3,
                        .body = FileBody{.path = "/data/big file.parquet",
                                         .offset = 2 * k_min_part_size,
                                         .length = k_min_part_size},
                        .payload_sha256_hex =
                            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
        k_endpoint);
    EXPECT_EQ(request.method, "PUT");
    EXPECT_EQ(request.query,
              (std::vector<QueryParam>{{"partNumber", "3"}, {"uploadId", "VXBs+b2Fk/ID=="}}));
    EXPECT_EQ(request_url(request),
              "https://s3.eu-west-3.amazonaws.com/b/data/big%20file.parquet?partNumber=3&"
              "uploadId=VXBs%2Bb2Fk%2FID%3D%3D");
    ASSERT_TRUE(request.body_file);
    EXPECT_EQ(request.body_file->offset, 10485760u);
    EXPECT_EQ(request.body_file->length, 5242880u);
    EXPECT_EQ(header_of(request, "Content-Length"), "5242880");
    EXPECT_EQ(header_of(request, "x-amz-content-sha256"),
              "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    const auto output = parse_upload_part_response(
        answer(200, "", {{"ETag", "\"b54357faf0632cce46e942fa68356b38\""}}));
    ASSERT_TRUE(output);
    EXPECT_EQ(output->etag, "\"b54357faf0632cce46e942fa68356b38\"");
    EXPECT_FALSE(parse_upload_part_response(answer(200, "")));
    const auto gone = parse_upload_part_response(
        answer(404,
               "<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist. The "
               "upload ID may be invalid, or the upload may have been aborted or "
               "completed.</Message><UploadId>x</UploadId><RequestId>R</RequestId></Error>"));
    ASSERT_FALSE(gone);
    EXPECT_TRUE(is_not_found(gone.error()));
}

TEST(CompleteMultipartUpload, SendsThePartsInOrder) {
    const auto request = make_complete_multipart_upload_request(
        CompleteMultipartUploadInput{.bucket = "b",
                                     .key = "k",
                                     .upload_id = "u1",
                                     .parts = {{1, "\"a54357faf0632cce46e942fa68356b38\""},
                                               {2, "\"0c78aef83f66abc1fa1e8477f296d394\""}}},
        k_endpoint);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request_url(request), "https://s3.eu-west-3.amazonaws.com/b/k?uploadId=u1");
    EXPECT_EQ(request.body,
              "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part>"
              "<PartNumber>1</PartNumber><ETag>&quot;a54357faf0632cce46e942fa68356b38&quot;</ETag>"
              "</Part><Part><PartNumber>2</PartNumber><ETag>&quot;0c78aef83f66abc1fa1e8477f296d394"
              "&quot;</ETag></Part></CompleteMultipartUpload>");
    EXPECT_EQ(header_of(request, "Content-Type"), "application/xml");
}

TEST(CompleteMultipartUpload, ReadsTheResultAfterKeepAliveSpaces) {
    const auto output = parse_complete_multipart_upload_response(
        answer(200, std::string(40, ' ') + R"(<?xml version="1.0" encoding="UTF-8"?>
<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Location>https://b.s3.eu-west-3.amazonaws.com/k</Location>
  <Bucket>b</Bucket>
  <Key>k</Key>
  <ETag>"3858f62230ac3c915f300c664312c11f-2"</ETag>
</CompleteMultipartUploadResult>)",
               {{"x-amz-version-id", "v7"}}));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->etag, "\"3858f62230ac3c915f300c664312c11f-2\"");
    EXPECT_EQ(output->location, "https://b.s3.eu-west-3.amazonaws.com/k");
    EXPECT_EQ(output->version_id, "v7");
}

TEST(CompleteMultipartUpload, TreatsA200WithAnErrorBodyAsARetryableError) {
    const auto output = parse_complete_multipart_upload_response(answer(200, R"(

<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>InternalError</Code>
  <Message>We encountered an internal error. Please try again.</Message>
  <RequestId>656c76696e6727732072657175657374</RequestId>
  <HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId>
</Error>)"));
    ASSERT_FALSE(output);
    const auto& error = output.error();
    EXPECT_EQ(error.message,
              "s3 CompleteMultipartUpload: InternalError: We encountered an internal error. "
              "Please try again. (request id 656c76696e6727732072657175657374)");
    ASSERT_TRUE(error.aws);
    EXPECT_EQ(error.aws->http_status, 200);
    EXPECT_EQ(protocol::classify_retry(*error.aws), protocol::Retryability::transient);
    // The transport-level classifier cannot see it: the status says success.
    EXPECT_EQ(protocol::classify_retry(answer(200, "<Error><Code>InternalError</Code></Error>")),
              protocol::Retryability::no);
}

TEST(CompleteMultipartUpload, ReportsAnInvalidPart) {
    const auto output = parse_complete_multipart_upload_response(answer(
        400,
        "<Error><Code>InvalidPart</Code><Message>One or more of the specified parts could not be "
        "found. The part might not have been uploaded, or the specified entity tag might not have "
        "matched the part's entity tag.</Message><RequestId>R</RequestId></Error>"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().aws->code, "InvalidPart");
    EXPECT_EQ(protocol::classify_retry(*output.error().aws), protocol::Retryability::no);
}

TEST(AbortMultipartUpload, DeletesTheUpload) {
    const auto request = make_abort_multipart_upload_request(
        AbortMultipartUploadInput{.bucket = "b", .key = "k", .upload_id = "u/1"}, k_endpoint);
    EXPECT_EQ(request.method, "DELETE");
    EXPECT_EQ(request_url(request), "https://s3.eu-west-3.amazonaws.com/b/k?uploadId=u%2F1");
    EXPECT_TRUE(parse_abort_multipart_upload_response(answer(204, "")));
}

}  // namespace
}  // namespace emrctl::aws::s3
