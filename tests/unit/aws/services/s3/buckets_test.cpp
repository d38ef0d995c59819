#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws::s3 {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;
using protocol::testing::emulator_endpoint;
using protocol::testing::header_of;

const auto k_endpoint = aws_endpoint("s3.eu-west-3.amazonaws.com");

TEST(CreateBucket, NamesTheRegionOutsideUsEast1) {
    const auto request = make_create_bucket_request(
        {.bucket = "siads516.assets", .region = "eu-west-3"}, k_endpoint);
    EXPECT_EQ(request.method, "PUT");
    EXPECT_EQ(request.host, "s3.eu-west-3.amazonaws.com");
    EXPECT_EQ(request.path, "/siads516.assets");
    EXPECT_EQ(header_of(request, "Content-Type"), "application/xml");
    EXPECT_EQ(request.body,
              "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
              "<LocationConstraint>eu-west-3</LocationConstraint></CreateBucketConfiguration>");
    const auto us_east_1 = make_create_bucket_request({.bucket = "b", .region = "us-east-1"},
                                                      aws_endpoint("s3.us-east-1.amazonaws.com"));
    EXPECT_EQ(us_east_1.body, "");
    EXPECT_FALSE(header_of(us_east_1, "Content-Type"));
}

TEST(CreateBucket, GoesPathStyleToAnEmulator) {
    const auto request = make_create_bucket_request(
        {.bucket = "b.with.dots", .region = "us-east-1"}, emulator_endpoint());
    EXPECT_EQ(request_url(request), "http://127.0.0.1:5000/b.with.dots");
}

TEST(CreateBucket, ReportsAnotherOwnersBucket) {
    EXPECT_TRUE(parse_create_bucket_response(answer(200, "", {{"Location", "/b"}})));
    const auto taken =
        parse_create_bucket_response(answer(409, R"(<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>BucketAlreadyExists</Code><Message>The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.</Message><BucketName>assets</BucketName><RequestId>R</RequestId><HostId>H</HostId></Error>)"));
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().aws->code, "BucketAlreadyExists");
}

TEST(HeadBucket, ReadsTheRegionOrAStatusCode) {
    const auto request = make_head_bucket_request({.bucket = "b"}, k_endpoint);
    EXPECT_EQ(request.method, "HEAD");
    EXPECT_EQ(request.path, "/b");
    const auto found =
        parse_head_bucket_response(answer(200, "", {{"x-amz-bucket-region", "eu-west-3"}}));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->region, "eu-west-3");
    const auto missing = parse_head_bucket_response(answer(404, ""));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "s3 HeadBucket: NotFound: Not Found");
    EXPECT_TRUE(is_not_found(missing.error()));
}

TEST(DeleteBucket, ReportsANonEmptyBucket) {
    const auto request = make_delete_bucket_request({.bucket = "b"}, k_endpoint);
    EXPECT_EQ(request.method, "DELETE");
    EXPECT_EQ(request.path, "/b");
    EXPECT_TRUE(parse_delete_bucket_response(answer(204, "")));
    const auto not_empty = parse_delete_bucket_response(answer(
        409,
        R"(<Error><Code>BucketNotEmpty</Code><Message>The bucket you tried to delete is not empty. You must delete all versions in the bucket.</Message><BucketName>b</BucketName><RequestId>R9</RequestId></Error>)"));
    ASSERT_FALSE(not_empty);
    EXPECT_EQ(not_empty.error().message,
              "s3 DeleteBucket: BucketNotEmpty: The bucket you tried to delete is not empty. You "
              "must delete all versions in the bucket. (request id R9)");
    EXPECT_FALSE(is_not_found(not_empty.error()));
}

TEST(ListBuckets, ReadsBucketsAndPages) {
    const auto request = make_list_buckets_request(
        {.continuation_token = "c t", .prefix = "siads", .max_buckets = 10}, k_endpoint);
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.path, "/");
    EXPECT_EQ(request_url(request),
              "https://s3.eu-west-3.amazonaws.com/?continuation-token=c%20t&max-buckets=10&"
              "prefix=siads");
    const auto output =
        parse_list_buckets_response(answer(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>bcaf1ffd86f461ca5fb16fd081034f</ID><DisplayName>webfile</DisplayName></Owner>
  <Buckets>
    <Bucket><Name>siads516-assets</Name><CreationDate>2023-11-14T22:13:20.000Z</CreationDate><BucketRegion>eu-west-3</BucketRegion></Bucket>
    <Bucket><Name>siads516-logs</Name><CreationDate>2023-11-14T22:13:21.000Z</CreationDate></Bucket>
  </Buckets>
  <ContinuationToken>next</ContinuationToken>
</ListAllMyBucketsResult>)"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->buckets.size(), 2u);
    EXPECT_EQ(output->buckets[0].name, "siads516-assets");
    EXPECT_EQ(output->buckets[0].region, "eu-west-3");
    EXPECT_TRUE(output->buckets[1].creation_date);
    EXPECT_EQ(output->owner_id, "bcaf1ffd86f461ca5fb16fd081034f");
    EXPECT_EQ(output->continuation_token, "next");
    const auto none = parse_list_buckets_response(
        answer(200,
               "<ListAllMyBucketsResult><Owner><ID>x</ID></Owner><Buckets/>"
               "</ListAllMyBucketsResult>"));
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->buckets.empty());
}

TEST(S3Paths, AreRawAndEncodedOnceOnTheWayOut) {
    EXPECT_EQ(object_path("b", "dir/my key+1%.txt"), "/b/dir/my key+1%.txt");
    // Kept as given: S3 keys may hold empty segments and dots.
    EXPECT_EQ(object_path("b", "a//./../c"), "/b/a//./../c");
    EXPECT_EQ(encode_path(object_path("b", "données/é 1+1=2%.csv")),
              "/b/donn%C3%A9es/%C3%A9%201%2B1%3D2%25.csv");
}

}  // namespace
}  // namespace emrctl::aws::s3
