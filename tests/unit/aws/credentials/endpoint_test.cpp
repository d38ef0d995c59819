#include "fixtures.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/credentials/endpoint.hpp>

namespace emrctl::aws {
namespace {

using testing::shared_config;

TEST(Service, VariableAndSectionKeysFollowTheServiceId) {
    EXPECT_EQ(endpoint_variable(service_info(Service::emr_containers).id),
              "AWS_ENDPOINT_URL_EMR_CONTAINERS");
    EXPECT_EQ(endpoint_variable(service_info(Service::cloudformation).id),
              "AWS_ENDPOINT_URL_CLOUDFORMATION");
    EXPECT_EQ(services_key(service_info(Service::emr_containers).id), "emr_containers");
    EXPECT_EQ(services_key(service_info(Service::s3).id), "s3");
}

TEST(AwsEndpoint, IsRegionalPerService) {
    const std::vector<std::pair<Service, std::string>> expected = {
        {Service::s3, "s3.eu-west-3.amazonaws.com"},
        {Service::sts, "sts.eu-west-3.amazonaws.com"},
        {Service::cloudformation, "cloudformation.eu-west-3.amazonaws.com"},
        {Service::emr, "elasticmapreduce.eu-west-3.amazonaws.com"},
        {Service::emr_containers, "emr-containers.eu-west-3.amazonaws.com"},
        {Service::eks, "eks.eu-west-3.amazonaws.com"},
        {Service::ec2, "ec2.eu-west-3.amazonaws.com"},
    };
    for (const auto& [service, host] : expected) {
        const auto endpoint = aws_endpoint(service, "eu-west-3");
        EXPECT_EQ(endpoint.scheme, "https");
        EXPECT_EQ(endpoint.host, host);
        EXPECT_EQ(endpoint.base_path, "");
        EXPECT_EQ(endpoint.signing_region, "eu-west-3");
        EXPECT_EQ(endpoint.origin, EndpointOrigin::aws);
        EXPECT_EQ(endpoint.source, "AWS");
    }
    EXPECT_EQ(aws_endpoint(Service::emr, "eu-west-3").signing_name, "elasticmapreduce");
    EXPECT_EQ(aws_endpoint(Service::emr_containers, "eu-west-3").signing_name, "emr-containers");
    EXPECT_EQ(aws_endpoint(Service::s3, "eu-west-3").signing_name, "s3");
}

TEST(AwsEndpoint, IamIsGlobalPerPartition) {
    auto iam = aws_endpoint(Service::iam, "eu-west-3");
    EXPECT_EQ(iam.host, "iam.amazonaws.com");
    EXPECT_EQ(iam.signing_region, "us-east-1");
    iam = aws_endpoint(Service::iam, "us-gov-east-1");
    EXPECT_EQ(iam.host, "iam.us-gov.amazonaws.com");
    EXPECT_EQ(iam.signing_region, "us-gov-west-1");
    iam = aws_endpoint(Service::iam, "cn-north-1");
    EXPECT_EQ(iam.host, "iam.cn-north-1.amazonaws.com.cn");
    EXPECT_EQ(iam.signing_region, "cn-north-1");
}

TEST(AwsEndpoint, ChinaIsUnderItsOwnDomain) {
    EXPECT_EQ(aws_endpoint(Service::s3, "cn-northwest-1").host,
              "s3.cn-northwest-1.amazonaws.com.cn");
}

class ResolveEndpoint : public ::testing::Test {
  protected:
    Result<Endpoint> resolve(Service service) {
        return resolve_endpoint(service, "eu-west-3", flag, env, config,
                                select_profile(std::nullopt, env));
    }

    std::string url_of(Service service) {
        auto endpoint = resolve(service);
        if (!endpoint) return "error: " + endpoint.error().message;
        return endpoint->scheme + "://" + endpoint->host + endpoint->base_path + " from " +
               endpoint->source;
    }

    std::optional<std::string> flag;
    Environment env{{"HOME", "/home/u"}};
    SharedConfig config = shared_config(
        "[default]\nendpoint_url = http://profile:1\nservices = local\n"
        "[services local]\ns3 =\n  endpoint_url = http://services-s3:2\n");
};

TEST_F(ResolveEndpoint, FollowsThePrecedenceOfTheSdks) {
    flag = "http://flag:9";
    env.set("AWS_ENDPOINT_URL_S3", "http://env-s3:8");
    env.set("AWS_ENDPOINT_URL", "http://env:7");
    EXPECT_EQ(url_of(Service::s3), "http://flag:9 from --endpoint-url");
    flag.reset();
    EXPECT_EQ(url_of(Service::s3), "http://env-s3:8 from AWS_ENDPOINT_URL_S3");
    EXPECT_EQ(url_of(Service::sts), "http://env:7 from AWS_ENDPOINT_URL");
    env = Environment{{"HOME", "/home/u"}};
    EXPECT_EQ(url_of(Service::s3),
              "http://services-s3:2 from [services local] in /home/u/.aws/config");
    EXPECT_EQ(url_of(Service::sts), "http://profile:1 from profile default in /home/u/.aws/config");
    config = shared_config(std::nullopt);
    EXPECT_EQ(url_of(Service::sts), "https://sts.eu-west-3.amazonaws.com from AWS");
}

TEST_F(ResolveEndpoint, TheFlagAppliesToEveryService) {
    flag = "http://127.0.0.1:4566";
    for (auto service : {Service::s3, Service::sts, Service::cloudformation, Service::emr,
                         Service::emr_containers, Service::eks, Service::iam, Service::ec2}) {
        const auto endpoint = resolve(service);
        ASSERT_TRUE(endpoint.has_value());
        EXPECT_EQ(endpoint->host, "127.0.0.1:4566");
        EXPECT_EQ(endpoint->origin, EndpointOrigin::flag);
        EXPECT_EQ(endpoint->signing_region, "eu-west-3");
        EXPECT_EQ(endpoint->signing_name, service_info(service).signing_name);
    }
}

TEST_F(ResolveEndpoint, AServiceVariableReachesOnlyItsService) {
    config = shared_config(std::nullopt);
    env.set("AWS_ENDPOINT_URL_EMR_CONTAINERS", "http://emr-containers.local:5000");
    EXPECT_EQ(url_of(Service::emr_containers),
              "http://emr-containers.local:5000 from AWS_ENDPOINT_URL_EMR_CONTAINERS");
    EXPECT_EQ(url_of(Service::emr), "https://elasticmapreduce.eu-west-3.amazonaws.com from AWS");
    EXPECT_EQ(resolve(Service::emr_containers)->origin, EndpointOrigin::environment);
}

TEST_F(ResolveEndpoint, IgnoringConfiguredUrlsLeavesOnlyTheFlag) {
    env.set("AWS_ENDPOINT_URL", "http://env:7");
    env.set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    EXPECT_EQ(url_of(Service::s3), "https://s3.eu-west-3.amazonaws.com from AWS");
    flag = "http://flag:9";
    EXPECT_EQ(url_of(Service::s3), "http://flag:9 from --endpoint-url");

    flag.reset();
    env = Environment{{"HOME", "/home/u"}};
    config = shared_config(
        "[default]\nendpoint_url = http://profile:1\nignore_configured_endpoint_urls = true\n");
    EXPECT_EQ(url_of(Service::s3), "https://s3.eu-west-3.amazonaws.com from AWS");
}

TEST_F(ResolveEndpoint, AMissingServicesSectionIsAnError) {
    config = shared_config("[default]\nservices = nowhere\n");
    auto endpoint = resolve(Service::s3);
    ASSERT_FALSE(endpoint.has_value());
    EXPECT_EQ(endpoint.error().message,
              "profile \"default\": services \"nowhere\" names no [services nowhere] section");
    EXPECT_EQ(endpoint.error().where->line, 2);
}

TEST_F(ResolveEndpoint, ABadUrlIsAnErrorNamingWhereItCameFrom) {
    env.set("AWS_ENDPOINT_URL_STS", "localhost:4566");
    auto endpoint = resolve(Service::sts);
    ASSERT_FALSE(endpoint.has_value());
    EXPECT_EQ(endpoint.error().message,
              "AWS_ENDPOINT_URL_STS \"localhost:4566\" is not an endpoint URL: it has no scheme "
              "(http:// or https://)");
}

}  // namespace
}  // namespace emrctl::aws
