#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/s3/content_md5.hpp>
#include <emrctl/aws/services/s3/delete_objects.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws::s3 {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;
using protocol::testing::emulator_endpoint;
using protocol::testing::header_of;

const auto k_endpoint = aws_endpoint("s3.eu-west-3.amazonaws.com");

TEST(PutObject, SendsAnInMemoryBodyWithItsHeaders) {
    const auto request = make_put_object_request(
        PutObjectInput{.bucket = "siads516-code",
                       .key = "jobs/pi.py",
                       .body = std::string("hello"),
                       .content_type = "text/x-python",
                       .content_md5 = content_md5("hello"),
                       .checksum_sha256 = "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=",
                       .metadata = {{"emrctl-sha256", "2cf24dba"}}},
        k_endpoint);
    EXPECT_EQ(request.method, "PUT");
    EXPECT_EQ(request.path, "/siads516-code/jobs/pi.py");
    EXPECT_EQ(request.body, "hello");
    EXPECT_FALSE(request.body_file);
    EXPECT_EQ(header_of(request, "Content-Length"), "5");
    EXPECT_EQ(header_of(request, "Content-Type"), "text/x-python");
    EXPECT_EQ(header_of(request, "Content-MD5"), "XUFAKrxLKna5cZ2REBfFkg==");
    EXPECT_EQ(header_of(request, "x-amz-checksum-sha256"),
              "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
    EXPECT_EQ(header_of(request, "x-amz-meta-emrctl-sha256"), "2cf24dba");
    // The signer hashes an in-memory body itself.
    EXPECT_FALSE(header_of(request, "x-amz-content-sha256"));
}

TEST(PutObject, StreamsAFileRangeSignedWithTheCallersHash) {
    const auto request = make_put_object_request(
        PutObjectInput{.bucket = "b",
                       .key = "data/big.csv",
                       .body = FileBody{.path = "/tmp/big.csv", .offset = 0, .length = 1234},
                       .payload_sha256_hex = "ab12"},
        k_endpoint);
    EXPECT_EQ(request.body, "");
    ASSERT_TRUE(request.body_file);
    EXPECT_EQ(request.body_file->path, "/tmp/big.csv");
    EXPECT_EQ(request.body_file->length, 1234u);
    EXPECT_EQ(header_of(request, "Content-Length"), "1234");
    EXPECT_EQ(header_of(request, "X-Amz-Content-SHA256"), "ab12");
    EXPECT_FALSE(header_of(request, "Content-Type"));
}

TEST(PutObject, SignsAnUnhashedFileRangeAsUnsignedPayload) {
    const auto request = make_put_object_request(
        PutObjectInput{.bucket = "b", .key = "k", .body = FileBody{.path = "/f", .length = 0}},
        k_endpoint);
    EXPECT_EQ(header_of(request, "X-Amz-Content-SHA256"), "UNSIGNED-PAYLOAD");
    EXPECT_EQ(header_of(request, "Content-Length"), "0");
}

TEST(PutObject, EncodesAwkwardKeysOnlyOnTheWayOut) {
    const auto request = make_put_object_request(
        PutObjectInput{
            .bucket = "b", .key = "data/my file+v1 100%/日本.csv", .body = std::string()},
        emulator_endpoint());
    EXPECT_EQ(request.path, "/b/data/my file+v1 100%/日本.csv");
    EXPECT_EQ(request_url(request),
              "http://127.0.0.1:5000/b/data/my%20file%2Bv1%20100%25/%E6%97%A5%E6%9C%AC.csv");
}

TEST(PutObject, ReadsTheETagAndVersion) {
    const auto output = parse_put_object_response(
        answer(200, "",
               {{"ETag", "\"5d41402abc4b2a76b9719d911017c592\""},
                {"x-amz-version-id", "3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"}}));
    ASSERT_TRUE(output);
    EXPECT_EQ(output->etag, "\"5d41402abc4b2a76b9719d911017c592\"");
    EXPECT_EQ(output->version_id, "3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
    const auto bad_digest = parse_put_object_response(answer(
        400,
        R"(<Error><Code>BadDigest</Code><Message>The Content-MD5 you specified did not match what we received.</Message><RequestId>R</RequestId></Error>)"));
    ASSERT_FALSE(bad_digest);
    EXPECT_EQ(bad_digest.error().message,
              "s3 PutObject: BadDigest: The Content-MD5 you specified did not match what we "
              "received. (request id R)");
}

TEST(GetObject, AsksForARangeAndAVersion) {
    const auto request =
        make_get_object_request(GetObjectInput{.bucket = "b",
                                               .key = "logs/stderr.gz",
                                               .range = ByteRange{.first = 100, .last = 199},
                                               .version_id = "v1"},
                                k_endpoint);
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(header_of(request, "Range"), "bytes=100-199");
    EXPECT_EQ(request_url(request),
              "https://s3.eu-west-3.amazonaws.com/b/logs/stderr.gz?versionId=v1");
    const auto tail = make_get_object_request(
        GetObjectInput{.bucket = "b", .key = "k", .range = ByteRange{.first = 5}}, k_endpoint);
    EXPECT_EQ(header_of(tail, "Range"), "bytes=5-");
    EXPECT_FALSE(
        header_of(make_get_object_request({.bucket = "b", .key = "k"}, k_endpoint), "Range"));
}

TEST(GetObject, ReturnsTheBytesEvenWhenTheyLookLikeAnError) {
    const auto output =
        parse_get_object_response(answer(206, "<Error><Code>InternalError</Code></Error>",
                                         {{"ETag", "\"e\""},
                                          {"Content-Length", "41"},
                                          {"Content-Range", "bytes 0-40/100"},
                                          {"Content-Type", "application/xml"},
                                          {"Last-Modified", "Wed, 12 Oct 2009 17:50:00 GMT"},
                                          {"X-Amz-Meta-Emrctl-Sha256", "abc"}}));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->body, "<Error><Code>InternalError</Code></Error>");
    EXPECT_EQ(output->content_length, 41u);
    EXPECT_EQ(output->content_range, "bytes 0-40/100");
    EXPECT_TRUE(output->last_modified);
    ASSERT_EQ(output->metadata.size(), 1u);
    EXPECT_EQ(output->metadata[0].first, "emrctl-sha256");
    EXPECT_EQ(output->metadata[0].second, "abc");
}

TEST(GetObject, ReportsAMissingKeyAndABadRange) {
    const auto missing =
        parse_get_object_response(answer(404, R"(<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>outputs/pi/part-0</Key><RequestId>R5</RequestId></Error>)"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message,
              "s3 GetObject: NoSuchKey: The specified key does not exist. (request id R5)");
    EXPECT_TRUE(is_not_found(missing.error()));
    const auto range =
        parse_get_object_response(answer(416,
                                         "<Error><Code>InvalidRange</Code><Message>The requested "
                                         "range is not satisfiable</Message></Error>"));
    ASSERT_FALSE(range);
    EXPECT_EQ(range.error().aws->code, "InvalidRange");
}

TEST(HeadObject, ReadsSizeETagAndMetadata) {
    const auto request = make_head_object_request({.bucket = "b", .key = "a b"}, k_endpoint);
    EXPECT_EQ(request.method, "HEAD");
    EXPECT_EQ(request.path, "/b/a b");
    const auto output =
        parse_head_object_response(answer(200, "",
                                          {{"ETag", "\"d41d8cd98f00b204e9800998ecf8427e-2\""},
                                           {"Content-Length", "10485760"},
                                           {"Content-Type", "text/csv"},
                                           {"Last-Modified", "Tue, 14 Nov 2023 22:13:20 GMT"},
                                           {"x-amz-meta-emrctl-sha256", "ff00"},
                                           {"x-amz-meta-", "ignored: no name"},
                                           {"x-amz-version-id", "null"}}));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->etag, "\"d41d8cd98f00b204e9800998ecf8427e-2\"");
    EXPECT_EQ(output->size, 10485760u);
    EXPECT_EQ(output->content_type, "text/csv");
    ASSERT_TRUE(output->last_modified);
    EXPECT_EQ(output->last_modified->time_since_epoch().count(), 1700000000000);
    EXPECT_EQ(output->version_id, "null");
    ASSERT_EQ(output->metadata.size(), 1u);
    EXPECT_EQ(output->metadata[0].second, "ff00");
}

TEST(HeadObject, ReadsAGarbledLengthAsUnknown) {
    const auto output = parse_head_object_response(answer(200, "", {{"Content-Length", "-1"}}));
    ASSERT_TRUE(output);
    EXPECT_FALSE(output->size);
    const auto missing = parse_head_object_response(answer(404, "", {{"x-amz-request-id", "R"}}));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "s3 HeadObject: NotFound: Not Found (request id R)");
}

TEST(DeleteObject, DeletesAVersionAndReadsTheMarker) {
    const auto request =
        make_delete_object_request({.bucket = "b", .key = "k", .version_id = "v+1"}, k_endpoint);
    EXPECT_EQ(request.method, "DELETE");
    EXPECT_EQ(request_url(request), "https://s3.eu-west-3.amazonaws.com/b/k?versionId=v%2B1");
    const auto output = parse_delete_object_response(
        answer(204, "", {{"x-amz-delete-marker", "true"}, {"x-amz-version-id", "dm-1"}}));
    ASSERT_TRUE(output);
    EXPECT_TRUE(output->delete_marker);
    EXPECT_EQ(output->version_id, "dm-1");
    const auto plain = parse_delete_object_response(answer(204, ""));
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->delete_marker);
}

TEST(DeleteObjects, SendsTheDeleteDocumentWithItsMd5) {
    const auto request = make_delete_objects_request(
        DeleteObjectsInput{.bucket = "siads516-data",
                           .objects = {{.key = "data/a b+c%.csv"},
                                       {.key = "r&d/<x>\r.txt",
                                        .version_id = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY"}}},
        k_endpoint);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/siads516-data");
    EXPECT_EQ(request_url(request), "https://s3.eu-west-3.amazonaws.com/siads516-data?delete=");
    EXPECT_EQ(request.body,
              "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>data/a "
              "b+c%.csv</Key></Object><Object><Key>r&amp;d/&lt;x&gt;&#13;.txt</Key><VersionId>"
              "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY</VersionId></Object><Quiet>true</Quiet>"
              "</Delete>");
    EXPECT_EQ(header_of(request, "Content-MD5"), "rpOH6nJr6g8Fnh+dUHOh5w==");
    EXPECT_EQ(header_of(request, "Content-Type"), "application/xml");
}

TEST(DeleteObjects, ReadsDeletedKeysAndPerKeyErrors) {
    const auto output =
        parse_delete_objects_response(answer(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Deleted><Key>data/a b+c%.csv</Key></Deleted>
  <Deleted><Key>r&amp;d/&lt;x&gt;&#13;.txt</Key><VersionId>v1</VersionId><DeleteMarker>true</DeleteMarker><DeleteMarkerVersionId>dm1</DeleteMarkerVersionId></Deleted>
  <Error><Key>locked.csv</Key><VersionId>v9</VersionId><Code>AccessDenied</Code><Message>Access Denied</Message></Error>
</DeleteResult>)"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->deleted.size(), 2u);
    EXPECT_EQ(output->deleted[0].key, "data/a b+c%.csv");
    EXPECT_EQ(output->deleted[1].key, "r&d/<x>\r.txt");
    EXPECT_TRUE(output->deleted[1].delete_marker);
    EXPECT_EQ(output->deleted[1].delete_marker_version_id, "dm1");
    ASSERT_EQ(output->errors.size(), 1u);
    EXPECT_EQ(output->errors[0].key, "locked.csv");
    EXPECT_EQ(output->errors[0].code, "AccessDenied");
    EXPECT_EQ(output->errors[0].message, "Access Denied");
    const auto quiet = parse_delete_objects_response(
        answer(200, "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>"));
    ASSERT_TRUE(quiet);
    EXPECT_TRUE(quiet->deleted.empty() && quiet->errors.empty());
}

TEST(DeleteObjects, ReportsAMissingMd5) {
    const auto output = parse_delete_objects_response(
        answer(400,
               "<Error><Code>InvalidRequest</Code><Message>Missing required header for this "
               "request: Content-MD5</Message><RequestId>R</RequestId></Error>"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().message,
              "s3 DeleteObjects: InvalidRequest: Missing required header for this request: "
              "Content-MD5 (request id R)");
}

TEST(ContentMd5, IsTheBase64OfTheDigest) {
    EXPECT_EQ(content_md5(""), "1B2M2Y8AsgTpgAmY7PhCfg==");
    EXPECT_EQ(content_md5("hello"), "XUFAKrxLKna5cZ2REBfFkg==");
}

}  // namespace
}  // namespace emrctl::aws::s3
