#include <gtest/gtest.h>

#include <emrctl/aws/uri_encode.hpp>

namespace emrctl::aws {
namespace {

TEST(UriEncode, KeepsOnlyUnreservedCharacters) {
    EXPECT_EQ(uri_encode("AZaz09-._~", Slashes::encode), "AZaz09-._~");
    EXPECT_EQ(uri_encode(" +=&%*!'()", Slashes::encode), "%20%2B%3D%26%25%2A%21%27%28%29");
}

TEST(UriEncode, EncodesUtf8BytesWithUpperCaseHex) {
    EXPECT_EQ(uri_encode("é日", Slashes::encode), "%C3%A9%E6%97%A5");
}

TEST(UriEncode, KeepsSlashesOnlyWhenAsked) {
    EXPECT_EQ(uri_encode("a/b", Slashes::keep), "a/b");
    EXPECT_EQ(uri_encode("a/b", Slashes::encode), "a%2Fb");
}

TEST(EncodePath, IsNeverEmptyAndAlwaysAbsolute) {
    EXPECT_EQ(encode_path(""), "/");
    EXPECT_EQ(encode_path("key"), "/key");
    EXPECT_EQ(encode_path("/bucket/my key"), "/bucket/my%20key");
}

TEST(EncodeQuery, KeepsTheGivenOrderAndWritesEmptyValues) {
    const std::vector<QueryParam> query{{"b", "x y"}, {"a", ""}, {"b", "/"}};
    EXPECT_EQ(encode_query(query), "b=x%20y&a=&b=%2F");
    EXPECT_EQ(encode_query({}), "");
}

TEST(RequestUrl, JoinsSchemeHostPathAndQuery) {
    HttpRequest request{
        .scheme = "http", .method = "GET", .host = "127.0.0.1:5000", .path = "/bucket/a b"};
    EXPECT_EQ(request_url(request), "http://127.0.0.1:5000/bucket/a%20b");
    request.query = {{"prefix", "x/"}};
    EXPECT_EQ(request_url(request), "http://127.0.0.1:5000/bucket/a%20b?prefix=x%2F");
}

}  // namespace
}  // namespace emrctl::aws
