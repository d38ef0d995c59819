#include <nlohmann/json.hpp>

#include <emrctl/aws/credentials/role_cache.hpp>
#include <emrctl/aws/credentials/timestamp.hpp>
#include <emrctl/aws/sha256.hpp>

namespace emrctl::aws {

namespace {

std::optional<std::string> string_member(const nlohmann::json& doc, const char* name) {
    const auto it = doc.find(name);
    if (it == doc.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace

std::string role_cache_key(const AssumeRoleRequest& request,
                           std::string_view source_access_key_id) {
    // A JSON array is an unambiguous encoding of the fields: no separator can be forged.
    const nlohmann::json fields = {request.role_arn, request.role_session_name, request.external_id,
                                   request.duration ? request.duration->count() : 0,
                                   source_access_key_id};
    return sha256_hex(fields.dump());
}

RoleCache::RoleCache(std::shared_ptr<FileAccess> files, std::filesystem::path folder)
    : m_files(std::move(files)), m_folder(std::move(folder)) {}

std::optional<std::filesystem::path> RoleCache::default_folder(const Environment& env) {
    const auto home = env.get("HOME");
    if (!home) return std::nullopt;
    return std::filesystem::path(*home) / ".emrctl" / "cache" / "credentials";
}

std::filesystem::path RoleCache::path_of(std::string_view key) const {
    return m_folder / (std::string(key) + ".json");
}

std::optional<Credentials> RoleCache::load(std::string_view key) const {
    const auto text = m_files->read(path_of(key));
    if (!text || !*text) return std::nullopt;
    const auto doc = nlohmann::json::parse(**text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    const auto access_key_id = string_member(doc, "AccessKeyId");
    const auto secret = string_member(doc, "SecretAccessKey");
    const auto token = string_member(doc, "SessionToken");
    const auto expiration = string_member(doc, "Expiration");
    const auto source = string_member(doc, "Source");
    if (!access_key_id || !secret || !token || !expiration || !source) return std::nullopt;
    auto expires = parse_timestamp(*expiration);
    if (!expires) return std::nullopt;
    return Credentials{.access_key_id = *access_key_id,
                       .secret_access_key = *secret,
                       .session_token = *token,
                       .expiration = *expires,
                       .source = *source};
}

void RoleCache::store(std::string_view key, const Credentials& credentials) const {
    // Only temporary credentials are kept: without an expiration an entry would live forever.
    if (!credentials.expiration) return;
    const nlohmann::ordered_json doc = {
        {"AccessKeyId", credentials.access_key_id},
        {"SecretAccessKey", credentials.secret_access_key},
        {"SessionToken", credentials.session_token},
        {"Expiration", format_timestamp(*credentials.expiration)},
        {"Source", credentials.source},
    };
    (void)m_files->write_private(path_of(key), doc.dump(2) + "\n");
}

}  // namespace emrctl::aws
