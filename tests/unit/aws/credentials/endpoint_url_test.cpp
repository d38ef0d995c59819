#include <gtest/gtest.h>

#include <emrctl/aws/credentials/endpoint_url.hpp>

namespace emrctl::aws {
namespace {

EndpointUrl parse(std::string_view url) {
    auto parsed = parse_endpoint_url(url, "--endpoint-url");
    EXPECT_TRUE(parsed.has_value()) << url << ": " << parsed.error().message;
    return parsed.value_or(EndpointUrl{});
}

std::string why(std::string_view url) {
    auto parsed = parse_endpoint_url(url, "AWS_ENDPOINT_URL");
    EXPECT_FALSE(parsed.has_value()) << url;
    return parsed ? "" : parsed.error().message;
}

TEST(EndpointUrl, ReadsSchemeHostAndPort) {
    const auto url = parse("http://127.0.0.1:4566");
    EXPECT_EQ(url.scheme, "http");
    EXPECT_EQ(url.host, "127.0.0.1:4566");
    EXPECT_EQ(url.base_path, "");
}

TEST(EndpointUrl, DropsTheSchemesDefaultPortAndTrailingSlashes) {
    EXPECT_EQ(parse("https://s3.example.com:443/").host, "s3.example.com");
    EXPECT_EQ(parse("http://localhost:80").host, "localhost");
    EXPECT_EQ(parse("http://localhost:443").host, "localhost:443");
}

TEST(EndpointUrl, KeepsABasePath) {
    const auto url = parse("https://proxy.example.com/aws/s3//");
    EXPECT_EQ(url.host, "proxy.example.com");
    EXPECT_EQ(url.base_path, "/aws/s3");
}

TEST(EndpointUrl, LowerCasesSchemeAndHost) {
    const auto url = parse("HTTP://LocalHost:5000");
    EXPECT_EQ(url.scheme, "http");
    EXPECT_EQ(url.host, "localhost:5000");
}

TEST(EndpointUrl, AcceptsABracketedIpv6Host) {
    EXPECT_EQ(parse("http://[::1]:4566").host, "[::1]:4566");
    EXPECT_EQ(parse("https://[fd00::1]").host, "[fd00::1]");
}

TEST(EndpointUrl, RejectionsNameTheSourceAndTheReason) {
    auto parsed = parse_endpoint_url("ftp://files.example.com", "AWS_ENDPOINT_URL_S3");
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().kind, ErrorKind::config);
    EXPECT_EQ(parsed.error().message,
              "AWS_ENDPOINT_URL_S3 \"ftp://files.example.com\" is not an endpoint URL: the scheme "
              "must be http or https");
    EXPECT_EQ(parsed.error().hint,
              "write it as http(s)://host[:port][/path], e.g. http://127.0.0.1:4566");
}

TEST(EndpointUrl, RejectsWhatIsNotAPlainEndpoint) {
    const std::string_view prefix = "AWS_ENDPOINT_URL \"";
    const auto reason = [&](std::string_view url) {
        const auto message = why(url);
        const auto colon = message.find("\" is not an endpoint URL: ");
        EXPECT_TRUE(message.starts_with(prefix)) << message;
        return colon == std::string::npos ? message : message.substr(colon + 26);
    };
    EXPECT_EQ(reason(""), "it is empty");
    EXPECT_EQ(reason("localhost:4566"), "it has no scheme (http:// or https://)");
    EXPECT_EQ(reason("http://"), "it has no host");
    EXPECT_EQ(reason("http://:4566"), "it has no host");
    EXPECT_EQ(reason("http://localhost:"), "the port after ':' is missing");
    EXPECT_EQ(reason("http://localhost:99999"), "port \"99999\" is not a number from 1 to 65535");
    EXPECT_EQ(reason("http://localhost:45a"), "port \"45a\" is not a number from 1 to 65535");
    EXPECT_EQ(reason("http://localhost:0"), "port \"0\" is not a number from 1 to 65535");
    EXPECT_EQ(reason("http://localhost:4566?x=1"), "it may not have a query or a fragment");
    EXPECT_EQ(reason("http://localhost#top"), "it may not have a query or a fragment");
    EXPECT_EQ(reason("http://user:pw@localhost"), "it may not hold a user name or password");
    EXPECT_EQ(reason("http://local host"), "it contains white space");
    EXPECT_EQ(reason("http://loc%61lhost"), "\"loc%61lhost\" is not a host name");
    EXPECT_EQ(reason("http://[::1"), "an IPv6 host needs its closing ]");
    EXPECT_EQ(reason("http://[zz]:1"), "\"[zz]\" is not an IPv6 address");
    EXPECT_EQ(reason("http://[::1]x"), "unexpected text after ]");
}

}  // namespace
}  // namespace emrctl::aws
