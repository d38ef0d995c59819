// SigV4 behaviour the botocore vectors do not cover: the documentation's signing-key example,
// time formatting, edge cases of each stage, re-signing, and what emrctl adds (a caller-set
// payload hash, expiry checks).

#include <algorithm>
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include <emrctl/aws/hmac.hpp>
#include <emrctl/aws/sha256.hpp>
#include <emrctl/aws/sigv4.hpp>

namespace emrctl::aws {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view k_docs_secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

std::chrono::sys_seconds at(std::chrono::year_month_day day, std::chrono::seconds time_of_day) {
    return std::chrono::sys_days{day} + time_of_day;
}

SigningParams s3_params() {
    return {.access_key_id = "AKIDEXAMPLE",
            .secret_access_key = std::string(k_docs_secret),
            .region = "eu-west-3",
            .service = "s3",
            .time = at(std::chrono::year{2024} / 5 / 17, 10h + 5min + 7s),
            .style = SigningStyle::s3};
}

HttpRequest s3_put(std::string body) {
    return {.method = "PUT",
            .host = "s3.eu-west-3.amazonaws.com",
            .path = "/bucket/code/job.py",
            .body = std::move(body)};
}

std::size_t count_named(const HttpRequest& request, std::string_view name) {
    return static_cast<std::size_t>(
        std::ranges::count_if(request.headers, [&](const Header& h) { return h.first == name; }));
}

std::string header(const HttpRequest& request, std::string_view name) {
    for (const auto& [n, v] : request.headers)
        if (n == name) return v;
    return {};
}

// The AWS documentation's "Example: signing key": secret, 20120215, us-east-1, iam, and the
// published digest of every step of the chain.
TEST(SigningKey, ReproducesTheAwsDocumentationExampleStepByStep) {
    const auto k_date = hmac_sha256("AWS4" + std::string(k_docs_secret), "20120215");
    EXPECT_EQ(to_hex(k_date), "969fbb94feb542b71ede6f87fe4d5fa29c789342b0f407474670f0c2489e0a0d");
    const auto k_region = hmac_sha256(k_date, "us-east-1");
    EXPECT_EQ(to_hex(k_region), "69daa0209cd9c5ff5c8ced464a696fd4252e981430b10e3d3fd8e2f197d7a70c");
    const auto k_service = hmac_sha256(k_region, "iam");
    EXPECT_EQ(to_hex(k_service),
              "f72cfd46f26bc4643f06a11eabb6c0ba18780c19a8da0c31ace671265e3c87fa");
    EXPECT_EQ(to_hex(signing_key(k_docs_secret, "20120215", "us-east-1", "iam")),
              "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

TEST(AmzDate, IsBasicIso8601InUtc) {
    using std::chrono::year;
    EXPECT_EQ(amz_date(std::chrono::sys_seconds{}), "19700101T000000Z");
    EXPECT_EQ(amz_date(at(year{2024} / 2 / 29, 23h + 59min + 59s)), "20240229T235959Z");
    EXPECT_EQ(amz_date(at(year{2025} / 1 / 1, 0s)), "20250101T000000Z");
    EXPECT_EQ(amz_date(at(year{2015} / 8 / 30, 12h + 36min)), "20150830T123600Z");
}

TEST(CredentialScope, IsDateRegionServiceAndTerminator) {
    EXPECT_EQ(credential_scope(s3_params()), "20240517/eu-west-3/s3/aws4_request");
}

TEST(CanonicalUri, EmptyPathIsSlashForEveryStyle) {
    EXPECT_EQ(canonical_uri("", SigningStyle::standard), "/");
    EXPECT_EQ(canonical_uri("", SigningStyle::s3), "/");
    EXPECT_EQ(canonical_uri("/", SigningStyle::s3), "/");
}

TEST(CanonicalUri, StandardPathsAreNormalizedThenEncodedTwice) {
    EXPECT_EQ(canonical_uri("/..", SigningStyle::standard), "/");
    EXPECT_EQ(canonical_uri("/a/..", SigningStyle::standard), "/");
    EXPECT_EQ(canonical_uri("//a//", SigningStyle::standard), "/a/");
    EXPECT_EQ(canonical_uri("/a b", SigningStyle::standard), "/a%2520b");
}

TEST(CanonicalUri, S3KeysAreEncodedOnceAndNeverNormalized) {
    EXPECT_EQ(canonical_uri("/b/../k ey/./", SigningStyle::s3), "/b/../k%20ey/./");
}

TEST(CanonicalUri, RelativePathIsTakenFromTheRootAsTheUrlSendsIt) {
    EXPECT_EQ(canonical_uri("bucket/key", SigningStyle::s3), "/bucket/key");
    EXPECT_EQ(canonical_uri("a/b", SigningStyle::standard), "/a/b");
}

TEST(CanonicalQuery, EmptyQueryIsEmpty) {
    EXPECT_EQ(canonical_query({}), "");
}

TEST(SignableHeaders, AddsHostOnlyWhenTheRequestHasNone) {
    HttpRequest request{.method = "GET", .host = "sts.amazonaws.com"};
    EXPECT_EQ(signed_headers(signable_headers(request)), "host");
    request.headers = {{"HOST", "sts.amazonaws.com:443"}};
    EXPECT_EQ(canonical_headers(signable_headers(request)), "host:sts.amazonaws.com:443\n");
}

TEST(CanonicalHeaders, CollapsesEveryKindOfWhiteSpace) {
    const HttpRequest request{
        .method = "GET", .host = "h", .headers = {{"X-A", "\t a \r\n\v\f b  "}, {"X-B", "   "}}};
    EXPECT_EQ(canonical_headers(signable_headers(request)), "host:h\nx-a:a b\nx-b:\n");
}

TEST(Sign, SigningAgainReplacesTheEarlierSignature) {
    auto request = s3_put("print(1)\n");
    auto params = s3_params();
    params.session_token = "token-1";
    sign(request, params);

    // A retry a minute later, after the credentials were refreshed to long-term ones.
    params.time += 1min;
    params.session_token.clear();
    const auto steps = sign(request, params);

    auto fresh = s3_put("print(1)\n");
    const auto fresh_steps = sign(fresh, params);
    EXPECT_EQ(request.headers, fresh.headers);
    EXPECT_EQ(steps.signature, fresh_steps.signature);
    EXPECT_EQ(count_named(request, "Authorization"), 1U);
    EXPECT_EQ(count_named(request, "X-Amz-Security-Token"), 0U);
}

TEST(Sign, KeepsAPayloadHashTheCallerSetForAStreamedBody) {
    const std::string content = "a file too large to hold in memory\n";
    auto held = s3_put(content);
    const auto held_steps = sign(held, s3_params());

    auto streamed = s3_put("");
    streamed.headers.emplace_back("x-amz-content-sha256", sha256_hex(content));
    const auto streamed_steps = sign(streamed, s3_params());

    EXPECT_EQ(streamed_steps.signature, held_steps.signature);
    EXPECT_EQ(header(streamed, "X-Amz-Content-SHA256"), sha256_hex(content));
    EXPECT_EQ(count_named(streamed, "x-amz-content-sha256"), 0U);
}

TEST(Sign, UnsignedPayloadOutsideS3IsAnnouncedInAHeader) {
    HttpRequest request{.method = "POST", .host = "sts.amazonaws.com", .body = "Action=X"};
    auto params = s3_params();
    params.style = SigningStyle::standard;
    params.service = "sts";
    params.payload = PayloadMode::unsigned_payload;
    const auto steps = sign(request, params);
    EXPECT_EQ(header(request, "X-Amz-Content-SHA256"), k_unsigned_payload);
    EXPECT_TRUE(steps.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
}

TEST(Sign, StandardSignedBodyAddsNoPayloadHeader) {
    HttpRequest request{.method = "POST", .host = "sts.amazonaws.com", .body = "Action=X"};
    auto params = s3_params();
    params.style = SigningStyle::standard;
    sign(request, params);
    EXPECT_EQ(count_named(request, "X-Amz-Content-SHA256"), 0U);
    EXPECT_EQ(count_named(request, "X-Amz-Date"), 1U);
}

TEST(SignQuery, S3AlwaysSignsUnsignedPayload) {
    auto request = s3_put("the body is not known when the URL is made");
    const auto steps = sign_query(request, s3_params(), 1h);
    ASSERT_TRUE(steps);
    EXPECT_TRUE(steps->canonical_request.ends_with("\nhost\nUNSIGNED-PAYLOAD"));
    EXPECT_EQ(request.query.back().first, "X-Amz-Signature");
}

TEST(SignQuery, SigningAgainReplacesTheEarlierParameters) {
    auto request = s3_put("");
    ASSERT_TRUE(sign_query(request, s3_params(), 1h));
    ASSERT_TRUE(sign_query(request, s3_params(), 2h));
    auto fresh = s3_put("");
    ASSERT_TRUE(sign_query(fresh, s3_params(), 2h));
    EXPECT_EQ(request.query, fresh.query);
}

TEST(Presign, AcceptsExpiriesFromOneSecondToSevenDays) {
    EXPECT_TRUE(presign(s3_put(""), s3_params(), 1s));
    EXPECT_TRUE(presign(s3_put(""), s3_params(), k_max_presign_expiry));
}

TEST(Presign, RejectsExpiriesOutsideWhatSigV4Allows) {
    for (const auto expires : {0s, -5s, k_max_presign_expiry + 1s}) {
        const auto url = presign(s3_put(""), s3_params(), expires);
        ASSERT_FALSE(url) << expires.count();
        EXPECT_EQ(url.error().kind, ErrorKind::usage);
        EXPECT_EQ(url.error().message,
                  "a presigned URL must expire within 1 to 604800 seconds (7 days), not " +
                      std::to_string(expires.count()));
    }
}

}  // namespace
}  // namespace emrctl::aws
