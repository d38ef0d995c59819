#include <algorithm>
#include <array>

#include <emrctl/aws/hmac.hpp>
#include <emrctl/aws/sha256.hpp>
#include <emrctl/aws/sigv4.hpp>
#include <emrctl/aws/uri_encode.hpp>
#include <emrctl/util/strings.hpp>

namespace emrctl::aws {

namespace {

constexpr std::string_view k_algorithm = "AWS4-HMAC-SHA256";
constexpr std::string_view k_content_sha256 = "X-Amz-Content-SHA256";

// Headers a proxy, a tracer or the HTTP client may add or rewrite after signing; signing them
// would break the signature on the way. The same list as botocore's.
constexpr std::array<std::string_view, 14> k_unsigned_headers = {
    "baggage",    "connection",         "expect",
    "keep-alive", "proxy-authenticate", "proxy-authorization",
    "te",         "traceparent",        "tracestate",
    "trailer",    "transfer-encoding",  "upgrade",
    "user-agent", "x-amzn-trace-id"};

// The query parameters sign_query adds: removed first, so signing twice does not repeat them.
constexpr std::array<std::string_view, 7> k_presign_params = {
    "X-Amz-Algorithm",     "X-Amz-Credential",     "X-Amz-Date",     "X-Amz-Expires",
    "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-Signature"};

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && util::starts_with_ci(a, b);
}

const Header* find_header(std::span<const Header> headers, std::string_view name) {
    const auto it =
        std::ranges::find_if(headers, [&](const Header& h) { return same_name(h.first, name); });
    return it == headers.end() ? nullptr : &*it;
}

void erase_header(std::vector<Header>& headers, std::string_view name) {
    std::erase_if(headers, [&](const Header& h) { return same_name(h.first, name); });
}

void append_padded(std::string& out, long value, std::size_t width) {
    const auto digits = std::to_string(value);
    if (digits.size() < width) out.append(width - digits.size(), '0');
    out += digits;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// SigV4's Trimall. Tabs count as white space too: botocore collapses every run, tabs included.
std::string trim_all(std::string_view value) {
    std::string out;
    bool pending_space = false;
    for (const char c : value) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// RFC 3986 §5.2.4 "remove dot segments", and also empty segments: AWS services other than S3
// treat "a//b" as "a/b". A trailing '/' stays when something is left before it.
std::string normalize_path(std::string_view path) {
    std::vector<std::string> kept;
    for (auto& segment : util::split(path, '/')) {
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (!kept.empty()) kept.pop_back();
            continue;
        }
        kept.push_back(std::move(segment));
    }
    std::string out = "/" + util::join(kept, "/");
    if (path.ends_with('/') && !kept.empty()) out += '/';
    return out;
}

std::string authorization(const SigningParams& params, std::string_view signed_names,
                          std::string_view signature_hex) {
    std::string out(k_algorithm);
    out += " Credential=" + params.access_key_id + "/" + credential_scope(params);
    out += ", SignedHeaders=";
    out += signed_names;
    out += ", Signature=";
    out += signature_hex;
    return out;
}

SigningSteps run_stages(const HttpRequest& request, const SigningParams& params) {
    SigningSteps steps;
    steps.canonical_request = canonical_request(request, params);
    steps.string_to_sign = string_to_sign(steps.canonical_request, params);
    const auto key = signing_key(params.secret_access_key, amz_date(params.time).substr(0, 8),
                                 params.region, params.service);
    steps.signature = signature(key, steps.string_to_sign);
    return steps;
}

bool needs_content_sha256_header(const SigningParams& params) {
    return params.style == SigningStyle::s3 || params.payload == PayloadMode::unsigned_payload;
}

Result<void> check_expiry(std::chrono::seconds expires) {
    if (expires >= std::chrono::seconds{1} && expires <= k_max_presign_expiry) return ok();
    return fail(ErrorKind::usage,
                "a presigned URL must expire within 1 to 604800 seconds (7 days), not " +
                    std::to_string(expires.count()));
}

}  // namespace

std::string amz_date(std::chrono::sys_seconds time) {
    const auto day = std::chrono::floor<std::chrono::days>(time);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{time - day};
    std::string out;
    append_padded(out, static_cast<int>(ymd.year()), 4);
    append_padded(out, static_cast<unsigned>(ymd.month()), 2);
    append_padded(out, static_cast<unsigned>(ymd.day()), 2);
    out += 'T';
    append_padded(out, hms.hours().count(), 2);
    append_padded(out, hms.minutes().count(), 2);
    append_padded(out, hms.seconds().count(), 2);
    out += 'Z';
    return out;
}

std::string credential_scope(const SigningParams& params) {
    return amz_date(params.time).substr(0, 8) + "/" + params.region + "/" + params.service +
           "/aws4_request";
}

void add_signing_headers(HttpRequest& request, const SigningParams& params) {
    auto& headers = request.headers;
    for (const auto name : {"Authorization", "X-Amz-Date", "X-Amz-Security-Token"})
        erase_header(headers, name);
    headers.emplace_back("X-Amz-Date", amz_date(params.time));
    if (!params.session_token.empty())
        headers.emplace_back("X-Amz-Security-Token", params.session_token);
    if (needs_content_sha256_header(params)) {
        // Read before the header is replaced: a hash the caller set must survive re-signing.
        const auto payload = payload_hash(request, params);
        erase_header(headers, k_content_sha256);
        headers.emplace_back(k_content_sha256, payload);
    }
}

std::string canonical_uri(std::string_view path, SigningStyle style) {
    if (style == SigningStyle::s3) return encode_path(path);
    // The path is sent encoded once; AWS signs the encoding of that, hence twice.
    return uri_encode(encode_path(normalize_path(path)), Slashes::keep);
}

std::string canonical_query(std::span<const QueryParam> query) {
    std::vector<QueryParam> encoded;
    encoded.reserve(query.size());
    for (const auto& [key, value] : query)
        encoded.emplace_back(uri_encode(key, Slashes::encode), uri_encode(value, Slashes::encode));
    // Pairs, not "key=value" strings: as text, "a-b=1" would sort before "a=2".
    std::ranges::sort(encoded);
    std::string out;
    for (const auto& [key, value] : encoded) {
        if (!out.empty()) out += '&';
        out += key + "=" + value;
    }
    return out;
}

std::vector<Header> signable_headers(const HttpRequest& request) {
    std::vector<Header> out;
    if (find_header(request.headers, "host") == nullptr) out.emplace_back("host", request.host);
    for (const auto& [name, value] : request.headers) {
        auto lower = util::to_lower(name);
        if (std::ranges::find(k_unsigned_headers, lower) != k_unsigned_headers.end()) continue;
        out.emplace_back(std::move(lower), value);
    }
    std::ranges::stable_sort(out, {}, &Header::first);
    return out;
}

std::string canonical_headers(std::span<const Header> signable) {
    std::string out;
    for (std::size_t i = 0; i < signable.size(); ++i) {
        const auto& [name, value] = signable[i];
        if (i > 0 && signable[i - 1].first == name) {
            out += ',';
        } else {
            if (i > 0) out += '\n';
            out += name + ":";
        }
        out += trim_all(value);
    }
    if (!out.empty()) out += '\n';
    return out;
}

std::string signed_headers(std::span<const Header> signable) {
    std::string out;
    for (std::size_t i = 0; i < signable.size(); ++i) {
        if (i > 0 && signable[i - 1].first == signable[i].first) continue;
        if (!out.empty()) out += ';';
        out += signable[i].first;
    }
    return out;
}

std::string payload_hash(const HttpRequest& request, const SigningParams& params) {
    if (params.payload == PayloadMode::unsigned_payload) return std::string(k_unsigned_payload);
    if (const auto* given = find_header(request.headers, k_content_sha256)) return given->second;
    return sha256_hex(request.body);
}

std::string canonical_request(const HttpRequest& request, const SigningParams& params) {
    const auto signable = signable_headers(request);
    return request.method + "\n" + canonical_uri(request.path, params.style) + "\n" +
           canonical_query(request.query) + "\n" + canonical_headers(signable) + "\n" +
           signed_headers(signable) + "\n" + payload_hash(request, params);
}

std::string string_to_sign(std::string_view canonical_request, const SigningParams& params) {
    return std::string(k_algorithm) + "\n" + amz_date(params.time) + "\n" +
           credential_scope(params) + "\n" + sha256_hex(canonical_request);
}

std::string signing_key(std::string_view secret_access_key, std::string_view date,
                        std::string_view region, std::string_view service) {
    const auto k_date = hmac_sha256("AWS4" + std::string(secret_access_key), date);
    const auto k_region = hmac_sha256(k_date, region);
    const auto k_service = hmac_sha256(k_region, service);
    return hmac_sha256(k_service, "aws4_request");
}

std::string signature(std::string_view signing_key, std::string_view string_to_sign) {
    return to_hex(hmac_sha256(signing_key, string_to_sign));
}

SigningSteps sign(HttpRequest& request, const SigningParams& params) {
    add_signing_headers(request, params);
    auto steps = run_stages(request, params);
    request.headers.emplace_back(
        "Authorization",
        authorization(params, signed_headers(signable_headers(request)), steps.signature));
    return steps;
}

Result<SigningSteps> sign_query(HttpRequest& request, const SigningParams& params,
                                std::chrono::seconds expires) {
    if (auto checked = check_expiry(expires); !checked) return std::unexpected(checked.error());
    auto effective = params;
    if (params.style == SigningStyle::s3) effective.payload = PayloadMode::unsigned_payload;
    std::erase_if(request.query, [](const QueryParam& p) {
        return std::ranges::find(k_presign_params, p.first) != k_presign_params.end();
    });
    auto& query = request.query;
    query.emplace_back("X-Amz-Algorithm", k_algorithm);
    query.emplace_back("X-Amz-Credential", params.access_key_id + "/" + credential_scope(params));
    query.emplace_back("X-Amz-Date", amz_date(params.time));
    query.emplace_back("X-Amz-Expires", std::to_string(expires.count()));
    query.emplace_back("X-Amz-SignedHeaders", signed_headers(signable_headers(request)));
    if (!params.session_token.empty())
        query.emplace_back("X-Amz-Security-Token", params.session_token);
    auto steps = run_stages(request, effective);
    query.emplace_back("X-Amz-Signature", steps.signature);
    return steps;
}

Result<std::string> presign(HttpRequest request, const SigningParams& params,
                            std::chrono::seconds expires) {
    if (auto signed_query = sign_query(request, params, expires); !signed_query)
        return std::unexpected(std::move(signed_query.error()));
    return request_url(request);
}

}  // namespace emrctl::aws
