#include "protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/protocol/json_request.hpp>
#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws::protocol {
namespace {

using testing::aws_endpoint;
using testing::header_of;

TEST(QueryParams, FlattensListsAndStructuresFromOne) {
    QueryParams params;
    params.add("StackName", "demo");
    const std::vector<std::string> capabilities{"CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"};
    params.add_list("Capabilities", capabilities);
    const std::vector<std::vector<std::pair<std::string, std::string>>> tags{
        {{"Key", "project"}, {"Value", "siads516"}}, {{"Key", "owner"}, {"Value", "a b"}}};
    params.add_structures("Tags", tags);
    EXPECT_EQ(form_encode(params.pairs()),
              "StackName=demo&Capabilities.member.1=CAPABILITY_IAM&"
              "Capabilities.member.2=CAPABILITY_NAMED_IAM&Tags.member.1.Key=project&"
              "Tags.member.1.Value=siads516&Tags.member.2.Key=owner&Tags.member.2.Value=a%20b");
}

TEST(QueryParams, SendsAnEmptyListAsAnEmptyValue) {
    QueryParams params;
    params.add_list("RetainResources", {});
    params.add_structures("Tags", {});
    EXPECT_EQ(form_encode(params.pairs()), "RetainResources=&Tags=");
}

TEST(FormEncode, PercentEncodesLikeSigV4) {
    // A template body holds every character; '+' must not survive as a space.
    const std::vector<std::pair<std::string, std::string>> pairs{
        {"TemplateBody", "{\"a\": \"b+c/d=e&f~g\"}\n"}, {"X", "é"}};
    EXPECT_EQ(form_encode(pairs),
              "TemplateBody=%7B%22a%22%3A%20%22b%2Bc%2Fd%3De%26f~g%22%7D%0A&X=%C3%A9");
}

TEST(MakeQueryRequest, PostsActionAndVersionFirst) {
    QueryParams params;
    params.add("RoleArn", "arn:aws:iam::123456789012:role/dev");
    const auto request = make_query_request(aws_endpoint("sts.eu-west-3.amazonaws.com"),
                                            "AssumeRole", "2011-06-15", params);
    EXPECT_EQ(request.scheme, "https");
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.host, "sts.eu-west-3.amazonaws.com");
    EXPECT_EQ(request.path, "/");
    EXPECT_TRUE(request.query.empty());
    EXPECT_EQ(header_of(request, "Content-Type"),
              "application/x-www-form-urlencoded; charset=utf-8");
    EXPECT_EQ(request.body,
              "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%"
              "3Arole%2Fdev");
}

TEST(MakeQueryRequest, GoesUnderTheEndpointBasePath) {
    const Endpoint endpoint{.scheme = "http", .host = "localhost:4566", .base_path = "/aws/"};
    const auto request = make_query_request(endpoint, "GetCallerIdentity", "2011-06-15", {});
    EXPECT_EQ(request.scheme, "http");
    EXPECT_EQ(request.path, "/aws/");
    EXPECT_EQ(request_url(request), "http://localhost:4566/aws/");
    EXPECT_EQ(request.body, "Action=GetCallerIdentity&Version=2011-06-15");
}

TEST(MakeJsonRequest, NamesTheTargetAndSendsTheInput) {
    const auto request = make_json_request(aws_endpoint("elasticmapreduce.eu-west-3.amazonaws.com"),
                                           "ElasticMapReduce", "DescribeCluster",
                                           nlohmann::json{{"ClusterId", "j-1"}});
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/");
    EXPECT_EQ(header_of(request, "Content-Type"), "application/x-amz-json-1.1");
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.DescribeCluster");
    EXPECT_EQ(request.body, R"({"ClusterId":"j-1"})");
}

TEST(MakeJsonRequest, SendsAnEmptyObjectForNoInputAndReplacesInvalidUtf8) {
    const auto empty = make_json_request(aws_endpoint("h"), "P", "Op", nlohmann::json{});
    EXPECT_EQ(empty.body, "{}");
    const auto invalid =
        make_json_request(aws_endpoint("h"), "P", "Op", nlohmann::json{{"Name", "a\xff"}});
    EXPECT_EQ(invalid.body, "{\"Name\":\"a\xEF\xBF\xBD\"}");
}

}  // namespace
}  // namespace emrctl::aws::protocol
