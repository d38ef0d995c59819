#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/s3/list_objects.hpp>
#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws::s3 {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;

const auto k_endpoint = aws_endpoint("s3.eu-west-3.amazonaws.com");

TEST(ListObjectsV2, SendsListTypeFirstAndOnlyTheOptionsGiven) {
    const auto request = make_list_objects_v2_request(
        ListObjectsV2Input{.bucket = "siads516-code",
                           .prefix = "jobs/my dir+/",
                           .delimiter = "/",
                           .continuation_token = "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=",
                           .start_after = "jobs/a",
                           .max_keys = 500},
        k_endpoint);
    EXPECT_EQ(request.method, "GET");
    EXPECT_EQ(request.path, "/siads516-code");
    EXPECT_EQ(request.query,
              (std::vector<QueryParam>{
                  {"list-type", "2"},
                  {"prefix", "jobs/my dir+/"},
                  {"delimiter", "/"},
                  {"continuation-token", "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="},
                  {"start-after", "jobs/a"},
                  {"max-keys", "500"}}));
    EXPECT_EQ(request_url(request),
              "https://s3.eu-west-3.amazonaws.com/siads516-code?list-type=2&prefix=jobs%2Fmy%"
              "20dir%2B%2F&delimiter=%2F&continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%"
              "2Fwm36Hy4vbOwM%3D&start-after=jobs%2Fa&max-keys=500");
    EXPECT_EQ(make_list_objects_v2_request({.bucket = "b"}, k_endpoint).query,
              (std::vector<QueryParam>{{"list-type", "2"}}));
}

TEST(ListObjectsV2, ReadsATruncatedPage) {
    const auto output =
        parse_list_objects_v2_response(answer(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>siads516-code</Name>
  <Prefix>jobs/</Prefix>
  <KeyCount>2</KeyCount>
  <MaxKeys>2</MaxKeys>
  <IsTruncated>true</IsTruncated>
  <ContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</ContinuationToken>
  <NextContinuationToken>1wm36Hy4vbOwM/XYExHnhbYLgveDs2J=</NextContinuationToken>
  <Contents>
    <Key>jobs/my file+v1 100%.py</Key>
    <LastModified>2023-11-14T22:13:20.000Z</LastModified>
    <ETag>&quot;599bab3ed2c697f1d26842727561fd94&quot;</ETag>
    <Size>1024</Size>
    <StorageClass>STANDARD</StorageClass>
  </Contents>
  <Contents>
    <Key>jobs/日本/ </Key>
    <LastModified>2023-11-14T22:13:21.000Z</LastModified>
    <ETag>"d41d8cd98f00b204e9800998ecf8427e-3"</ETag>
    <Size>15728640</Size>
    <StorageClass>STANDARD</StorageClass>
  </Contents>
</ListBucketResult>)"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_TRUE(output->is_truncated);
    EXPECT_EQ(output->next_continuation_token, "1wm36Hy4vbOwM/XYExHnhbYLgveDs2J=");
    EXPECT_EQ(output->key_count, 2);
    ASSERT_EQ(output->objects.size(), 2u);
    EXPECT_EQ(output->objects[0].key, "jobs/my file+v1 100%.py");
    EXPECT_EQ(output->objects[0].etag, "\"599bab3ed2c697f1d26842727561fd94\"");
    EXPECT_EQ(output->objects[0].size, 1024u);
    EXPECT_EQ(output->objects[0].storage_class, "STANDARD");
    ASSERT_TRUE(output->objects[0].last_modified);
    EXPECT_EQ(output->objects[0].last_modified->time_since_epoch().count(), 1700000000000);
    EXPECT_EQ(output->objects[1].key, "jobs/日本/ ");
    EXPECT_EQ(output->objects[1].size, 15728640u);
}

TEST(ListObjectsV2, ReadsTheLastPageAndFolders) {
    const auto output = parse_list_objects_v2_response(
        answer(200, R"(<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>b</Name><Prefix></Prefix><Delimiter>/</Delimiter><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>
  <IsTruncated>false</IsTruncated>
  <CommonPrefixes><Prefix>code/</Prefix></CommonPrefixes>
  <CommonPrefixes><Prefix>data/</Prefix></CommonPrefixes>
</ListBucketResult>)"));
    ASSERT_TRUE(output);
    EXPECT_FALSE(output->is_truncated);
    EXPECT_EQ(output->next_continuation_token, "");
    EXPECT_TRUE(output->objects.empty());
    EXPECT_EQ(output->common_prefixes, (std::vector<std::string>{"code/", "data/"}));
}

TEST(ListObjectsV2, ReadsAnEmptyBucket) {
    const auto output = parse_list_objects_v2_response(
        answer(200,
               "<ListBucketResult><Name>b</Name><KeyCount>0</KeyCount><IsTruncated>false"
               "</IsTruncated></ListBucketResult>"));
    ASSERT_TRUE(output);
    EXPECT_TRUE(output->objects.empty());
    EXPECT_EQ(output->key_count, 0);
}

TEST(ListObjectsV2, ReportsAMissingBucket) {
    const auto output = parse_list_objects_v2_response(answer(
        404,
        R"(<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>b</BucketName><RequestId>R</RequestId></Error>)"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().message,
              "s3 ListObjectsV2: NoSuchBucket: The specified bucket does not exist (request id R)");
}

TEST(ListObjectVersions, SendsTheMarkers) {
    const auto request =
        make_list_object_versions_request(ListObjectVersionsInput{.bucket = "b",
                                                                  .prefix = "p/",
                                                                  .key_marker = "p/a b",
                                                                  .version_id_marker = "v/1+",
                                                                  .max_keys = 1000},
                                          k_endpoint);
    EXPECT_EQ(request_url(request),
              "https://s3.eu-west-3.amazonaws.com/b?versions=&prefix=p%2F&key-marker=p%2Fa%20b&"
              "version-id-marker=v%2F1%2B&max-keys=1000");
}

TEST(ListObjectVersions, KeepsVersionsAndDeleteMarkersInOrder) {
    const auto output =
        parse_list_object_versions_response(answer(200, R"(<?xml version="1.0" encoding="UTF-8"?>
<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>siads516-logs</Name>
  <Prefix></Prefix>
  <KeyMarker></KeyMarker>
  <VersionIdMarker></VersionIdMarker>
  <NextKeyMarker>emr/j-1/stderr.gz</NextKeyMarker>
  <NextVersionIdMarker>QUpfdndhfd8438MNFDN93jdnJFkdmqnh893</NextVersionIdMarker>
  <MaxKeys>3</MaxKeys>
  <IsTruncated>true</IsTruncated>
  <DeleteMarker>
    <Key>emr/j-1/controller.gz</Key>
    <VersionId>03jpff543dhffds434rfdsFDN943fdsFkdmqnh892</VersionId>
    <IsLatest>true</IsLatest>
    <LastModified>2023-11-14T22:13:20.000Z</LastModified>
    <Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID></Owner>
  </DeleteMarker>
  <Version>
    <Key>emr/j-1/controller.gz</Key>
    <VersionId>null</VersionId>
    <IsLatest>false</IsLatest>
    <LastModified>2023-11-14T22:10:00.000Z</LastModified>
    <ETag>"396fefef536d5ce46c7537ecf978a360"</ETag>
    <Size>217</Size>
    <StorageClass>STANDARD</StorageClass>
  </Version>
  <Version>
    <Key>emr/j-1/stderr.gz</Key>
    <VersionId>QUpfdndhfd8438MNFDN93jdnJFkdmqnh893</VersionId>
    <IsLatest>true</IsLatest>
    <ETag>"e"</ETag>
    <Size>3</Size>
  </Version>
</ListVersionsResult>)"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_TRUE(output->is_truncated);
    EXPECT_EQ(output->next_key_marker, "emr/j-1/stderr.gz");
    EXPECT_EQ(output->next_version_id_marker, "QUpfdndhfd8438MNFDN93jdnJFkdmqnh893");
    ASSERT_EQ(output->versions.size(), 3u);
    EXPECT_EQ(output->versions[0].kind, VersionKind::delete_marker);
    EXPECT_EQ(output->versions[0].version_id, "03jpff543dhffds434rfdsFDN943fdsFkdmqnh892");
    EXPECT_TRUE(output->versions[0].is_latest);
    EXPECT_EQ(output->versions[0].size, 0u);
    EXPECT_EQ(output->versions[1].kind, VersionKind::object);
    EXPECT_EQ(output->versions[1].version_id, "null");
    EXPECT_FALSE(output->versions[1].is_latest);
    EXPECT_EQ(output->versions[1].size, 217u);
    EXPECT_EQ(output->versions[2].key, "emr/j-1/stderr.gz");
}

TEST(ListObjectVersions, ReadsAnEmptyLastPage) {
    const auto output = parse_list_object_versions_response(
        answer(200,
               "<ListVersionsResult><Name>b</Name><IsTruncated>false</IsTruncated>"
               "</ListVersionsResult>"));
    ASSERT_TRUE(output);
    EXPECT_TRUE(output->versions.empty());
    EXPECT_FALSE(output->is_truncated);
    EXPECT_EQ(output->next_key_marker, "");
}

TEST(ListObjectVersions, ReadsANegativeSizeAsZero) {
    const auto output = parse_list_object_versions_response(
        answer(200,
               "<ListVersionsResult><Version><Key>k</Key><Size>-5</Size></Version>"
               "<Version><Key>k2</Key><Size>99999999999999999999999</Size></Version>"
               "</ListVersionsResult>"));
    ASSERT_TRUE(output);
    ASSERT_EQ(output->versions.size(), 2u);
    EXPECT_EQ(output->versions[0].size, 0u);
    EXPECT_EQ(output->versions[1].size, 0u);
}

}  // namespace
}  // namespace emrctl::aws::s3
