// SigV4 against botocore, stage by stage. tests/fixtures/sigv4/vectors.json holds requests signed
// by botocore's own signer with a frozen clock (tests/aws/make_sigv4_vectors.py made it), and
// what botocore computed at each stage. Each stage here starts from botocore's output of the
// stage before, so a failure names the first stage that disagrees, for the case named in the
// test: Botocore/SigV4Vector.CanonicalQuery/query_repeated_key_sorted_by_encoded_value.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/aws/hmac.hpp>
#include <emrctl/aws/sigv4.hpp>

namespace emrctl::aws {
namespace {

using nlohmann::json;

const std::filesystem::path k_vectors =
    std::filesystem::path(EMRCTL_SOURCE_DIR) / "tests/fixtures/sigv4/vectors.json";

// The whole file, or a discarded value when it is missing or not JSON. (A field missing from a
// case throws from json::at below, which gtest reports as that test's failure.)
json load_document() {
    std::ifstream in(k_vectors);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str(), nullptr, false);
}

// Shared, not copied: gtest copies each parameter once per test of the suite.
struct Vector {
    std::string name;
    std::shared_ptr<const json> data;
};

// Failure lines name the case rather than dumping the object's bytes.
void PrintTo(const Vector& v, std::ostream* os) {
    *os << v.name;
}

std::vector<Vector> load_vectors() {
    const auto document = load_document();
    std::vector<Vector> out;
    if (!document.is_object() || !document.contains("cases")) return out;
    for (const auto& c : document.at("cases"))
        out.push_back({c.at("name").get<std::string>(), std::make_shared<const json>(c)});
    return out;
}

std::vector<std::pair<std::string, std::string>> pairs(const json& list) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : list)
        out.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
    return out;
}

HttpRequest request_of(const json& r) {
    return {.scheme = r.at("scheme").get<std::string>(),
            .method = r.at("method").get<std::string>(),
            .host = r.at("host").get<std::string>(),
            .path = r.at("path").get<std::string>(),
            .query = pairs(r.at("query")),
            .headers = pairs(r.at("headers")),
            .body = r.at("body").get<std::string>()};
}

SigningParams params_of(const json& p) {
    return {
        .access_key_id = p.at("access_key_id").get<std::string>(),
        .secret_access_key = p.at("secret_access_key").get<std::string>(),
        .session_token = p.at("session_token").get<std::string>(),
        .region = p.at("region").get<std::string>(),
        .service = p.at("service").get<std::string>(),
        .time = std::chrono::sys_seconds{std::chrono::seconds{p.at("epoch_seconds").get<long>()}},
        .payload = p.at("payload") == "unsigned_payload" ? PayloadMode::unsigned_payload
                                                         : PayloadMode::signed_body,
        .style = p.at("style") == "s3" ? SigningStyle::s3 : SigningStyle::standard};
}

std::string from_hex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
    return out;
}

class SigV4Vector : public testing::TestWithParam<Vector> {
  protected:
    const json& data() const { return *GetParam().data; }
    const json& botocore() const { return data().at("botocore"); }
    std::string expected(const char* stage) const {
        return botocore().at(stage).get<std::string>();
    }
    bool presigned() const { return data().at("kind") == "presign"; }
    HttpRequest request() const { return request_of(data().at("request")); }
    SigningParams params() const { return params_of(data().at("params")); }
    std::chrono::seconds expires() const {
        return std::chrono::seconds{data().at("params").at("expires_seconds").get<long>()};
    }

    // The request as botocore had it when it built the canonical request: with the headers
    // (header signing) or the query parameters (presigning) that signing adds.
    HttpRequest request_at_signing() const {
        auto r = request();
        r.headers = pairs(botocore().at("signing_headers"));
        r.query = pairs(botocore().at("signing_query"));
        return r;
    }

    // Names the case in every failure message, with what it is about.
    std::string what(std::string_view stage) const {
        return "case " + GetParam().name + " (" + data().at("description").get<std::string>() +
               "): " + std::string(stage) + " differs from botocore's";
    }
};

TEST_P(SigV4Vector, AddsWhatBotocoreAddsBeforeSigning) {
    auto r = request();
    if (presigned()) {
        ASSERT_TRUE(sign_query(r, params(), expires()));
        ASSERT_FALSE(r.query.empty());
        r.query.pop_back();  // X-Amz-Signature, checked in its own stage
        EXPECT_EQ(r.query, pairs(botocore().at("signing_query"))) << what("query to sign");
        EXPECT_EQ(r.headers, pairs(botocore().at("signing_headers"))) << what("headers to sign");
    } else {
        add_signing_headers(r, params());
        EXPECT_EQ(r.headers, pairs(botocore().at("signing_headers"))) << what("headers to sign");
    }
}

TEST_P(SigV4Vector, CanonicalUri) {
    EXPECT_EQ(canonical_uri(request().path, params().style), expected("canonical_uri"))
        << what("canonical URI");
}

TEST_P(SigV4Vector, CanonicalQuery) {
    EXPECT_EQ(canonical_query(pairs(botocore().at("signing_query"))), expected("canonical_query"))
        << what("canonical query");
}

TEST_P(SigV4Vector, CanonicalHeaders) {
    EXPECT_EQ(canonical_headers(signable_headers(request_at_signing())),
              expected("canonical_headers"))
        << what("canonical headers");
}

TEST_P(SigV4Vector, SignedHeaders) {
    EXPECT_EQ(signed_headers(signable_headers(request_at_signing())), expected("signed_headers"))
        << what("signed headers");
}

TEST_P(SigV4Vector, PayloadHash) {
    EXPECT_EQ(payload_hash(request_at_signing(), params()), expected("payload_hash"))
        << what("payload hash");
}

TEST_P(SigV4Vector, CanonicalRequest) {
    EXPECT_EQ(canonical_request(request_at_signing(), params()), expected("canonical_request"))
        << what("canonical request");
}

TEST_P(SigV4Vector, StringToSign) {
    EXPECT_EQ(string_to_sign(expected("canonical_request"), params()), expected("string_to_sign"))
        << what("string to sign");
}

TEST_P(SigV4Vector, SigningKey) {
    const auto p = params();
    EXPECT_EQ(to_hex(signing_key(p.secret_access_key, amz_date(p.time).substr(0, 8), p.region,
                                 p.service)),
              expected("signing_key"))
        << what("signing key");
}

TEST_P(SigV4Vector, Signature) {
    EXPECT_EQ(signature(from_hex(expected("signing_key")), expected("string_to_sign")),
              expected("signature"))
        << what("signature");
}

// The whole pipeline at once: what goes on the wire.
TEST_P(SigV4Vector, SignedRequest) {
    if (presigned()) {
        const auto url = presign(request(), params(), expires());
        ASSERT_TRUE(url) << url.error().message;
        EXPECT_EQ(*url, expected("url")) << what("presigned URL");
        return;
    }
    auto r = request();
    const auto steps = sign(r, params());
    EXPECT_EQ(steps.canonical_request, expected("canonical_request")) << what("canonical request");
    EXPECT_EQ(steps.string_to_sign, expected("string_to_sign")) << what("string to sign");
    EXPECT_EQ(steps.signature, expected("signature")) << what("signature");
    ASSERT_FALSE(r.headers.empty());
    EXPECT_EQ(r.headers.back(), Header("Authorization", expected("authorization")))
        << what("Authorization header");
    EXPECT_EQ(r.headers, pairs(botocore().at("final_headers"))) << what("signed headers list");
}

std::string case_name(const testing::TestParamInfo<Vector>& info) {
    return info.param.name;
}

// gtest evaluates the generator once per TEST_P: the file is read once and kept.
const std::vector<Vector>& all_vectors() {
    static const auto vectors = load_vectors();
    return vectors;
}

INSTANTIATE_TEST_SUITE_P(Botocore, SigV4Vector, testing::ValuesIn(all_vectors()), case_name);

// Guards against a vectors file that is missing, unreadable or thinned out: the parameterized
// tests above would then pass by running on nothing.
TEST(SigV4Vectors, FileCoversEveryKindOfCase) {
    const auto document = load_document();
    ASSERT_TRUE(document.is_object()) << k_vectors << " is missing or not JSON";
    const auto& vectors = all_vectors();
    EXPECT_GE(vectors.size(), 25U);
    std::set<std::string> services;
    std::set<std::string> regions;
    int presigned = 0;
    int s3 = 0;
    int with_token = 0;
    int unsigned_payload = 0;
    for (const auto& v : vectors) {
        const auto& p = (*v.data).at("params");
        services.insert(p.at("service").get<std::string>());
        regions.insert(p.at("region").get<std::string>());
        presigned += (*v.data).at("kind") == "presign" ? 1 : 0;
        s3 += p.at("style") == "s3" ? 1 : 0;
        with_token += p.at("session_token") != "" ? 1 : 0;
        unsigned_payload += p.at("payload") == "unsigned_payload" ? 1 : 0;
    }
    for (const auto* service :
         {"sts", "cloudformation", "s3", "elasticmapreduce", "emr-containers"})
        EXPECT_TRUE(services.contains(service)) << "no case for " << service;
    EXPECT_TRUE(regions.contains("us-east-1"));
    EXPECT_TRUE(regions.contains("eu-west-3"));
    EXPECT_GT(presigned, 0);
    EXPECT_GT(s3, 0);
    EXPECT_GT(with_token, 0);
    EXPECT_GT(unsigned_payload, 0);
}

}  // namespace
}  // namespace emrctl::aws
