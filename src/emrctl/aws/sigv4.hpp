#pragma once

// AWS Signature Version 4, as a pipeline of pure stages (the aws-c-auth model):
//
//   request ─▶ canonical request ─▶ string to sign ─▶ signature ─▶ Authorization / X-Amz-Signature
//                                       signing key ──┘
//
// Time, region and service are inputs: nothing here reads a clock or does I/O, so every stage is
// checked against botocore's own signer (tests/fixtures/sigv4/vectors.json).

#include <chrono>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws {

// S3 differs from every other service in three ways: its keys are encoded once and never
// normalized, it wants the payload hash in an x-amz-content-sha256 header, and its presigned
// URLs carry UNSIGNED-PAYLOAD.
enum class SigningStyle { standard, s3 };

// unsigned_payload leaves the body out of the signature (S3 only): how a large upload is sent
// without reading it twice.
enum class PayloadMode { signed_body, unsigned_payload };

struct SigningParams {
    std::string access_key_id;
    std::string secret_access_key;
    std::string session_token;  // empty for long-term credentials
    std::string region;         // "eu-west-3"
    std::string service;        // the signing name: "s3", "sts", "elasticmapreduce"…
    std::chrono::sys_seconds time;
    PayloadMode payload = PayloadMode::signed_body;
    SigningStyle style = SigningStyle::standard;
};

inline constexpr std::string_view k_unsigned_payload = "UNSIGNED-PAYLOAD";
// The longest a presigned URL may live, as SigV4 allows.
inline constexpr std::chrono::seconds k_max_presign_expiry{7 * 24 * 3600};

// "20150830T123600Z", the X-Amz-Date form of a time.
std::string amz_date(std::chrono::sys_seconds time);

// "20150830/us-east-1/iam/aws4_request": what the signing key is good for.
std::string credential_scope(const SigningParams& params);

// Stage 0 of header signing: adds X-Amz-Date, X-Amz-Security-Token (with a session token) and
// x-amz-content-sha256 (S3, or an unsigned payload), replacing those and any Authorization left
// by an earlier signing, so a retried request can be signed again.
void add_signing_headers(HttpRequest& request, const SigningParams& params);

// Stage 1, the canonical request, in its parts.

// The path, normalized and encoded twice for most services (as AWS requires), encoded once and
// otherwise left alone for S3, whose keys may hold "//", "." or "..". Empty becomes "/".
std::string canonical_uri(std::string_view path, SigningStyle style);

// Keys and values encoded, sorted by encoded key, then by encoded value for a repeated key.
std::string canonical_query(std::span<const QueryParam> query);

// The headers that are signed: names lower-cased, sorted by name (a repeated name keeps its
// values in order), host added unless present. Hop-by-hop and tracing headers that proxies may
// rewrite (user-agent, expect, x-amzn-trace-id…) are left out, as botocore leaves them out.
std::vector<Header> signable_headers(const HttpRequest& request);

// "name:value\n" per name, from signable_headers: values trimmed, runs of white space made one
// space, the values of a repeated name joined with ','.
std::string canonical_headers(std::span<const Header> signable);

// "content-type;host;x-amz-date", from signable_headers.
std::string signed_headers(std::span<const Header> signable);

// UNSIGNED-PAYLOAD, else an x-amz-content-sha256 header the caller set (a body streamed from a
// file is hashed without being held), else the hex SHA-256 of the body.
std::string payload_hash(const HttpRequest& request, const SigningParams& params);

std::string canonical_request(const HttpRequest& request, const SigningParams& params);

// Stage 2.
std::string string_to_sign(std::string_view canonical_request, const SigningParams& params);

// Stage 3: the raw key, from the secret, "YYYYMMDD", region and service. It is valid for that
// day, region and service only, so it may be cached under that scope.
std::string signing_key(std::string_view secret_access_key, std::string_view date,
                        std::string_view region, std::string_view service);

// Stage 4: the hex signature.
std::string signature(std::string_view signing_key, std::string_view string_to_sign);

// What signing computed. When AWS answers SignatureDoesNotMatch it sends back the canonical
// request it expected: comparing it with this one says which part differs.
struct SigningSteps {
    std::string canonical_request;
    std::string string_to_sign;
    std::string signature;
};

// Signs in headers: add_signing_headers, then Authorization.
SigningSteps sign(HttpRequest& request, const SigningParams& params);

// Signs in the query string: appends X-Amz-Algorithm, -Credential, -Date, -Expires,
// -SignedHeaders, -Security-Token (with a session token) and finally -Signature to the query,
// after the request's own parameters. S3 always signs UNSIGNED-PAYLOAD here: the body of a
// presigned request is not known when the URL is made. Fails when `expires` is not within
// 1 second to 7 days.
Result<SigningSteps> sign_query(HttpRequest& request, const SigningParams& params,
                                std::chrono::seconds expires);

// A presigned URL: whoever holds it may make this request until it expires.
Result<std::string> presign(HttpRequest request, const SigningParams& params,
                            std::chrono::seconds expires);

}  // namespace emrctl::aws
