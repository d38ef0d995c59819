#pragma once

// Listing S3 keys: ListObjectsV2 (an asset sync compares what is there with what should be) and
// ListObjectVersions (`destroy --purge` must delete every version and delete marker before a
// versioned bucket can go). Both page: pass the returned token or markers back until the answer
// is not truncated.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::s3 {

struct ListObjectsV2Input {
    std::string bucket;
    std::string prefix;
    std::string delimiter;           // "/" to list one level; empty: every key under prefix
    std::string continuation_token;  // the previous page's next_continuation_token
    std::string start_after;         // a key to start after (first page only)
    std::optional<int> max_keys;     // at most 1,000 (the default)
};

struct ObjectSummary {
    std::string key;
    std::uint64_t size = 0;
    std::string etag;  // with its quotes; not an MD5 for multipart or encrypted objects
    std::optional<protocol::Timestamp> last_modified;
    std::string storage_class;
};

struct ListObjectsV2Output {
    std::vector<ObjectSummary> objects;
    std::vector<std::string> common_prefixes;  // with a delimiter: the "folders"
    bool is_truncated = false;
    std::string next_continuation_token;
    std::optional<std::int64_t> key_count;
};

HttpRequest make_list_objects_v2_request(const ListObjectsV2Input& input,
                                         const protocol::Endpoint& endpoint);
Result<ListObjectsV2Output> parse_list_objects_v2_response(const protocol::HttpResponse& response);

struct ListObjectVersionsInput {
    std::string bucket;
    std::string prefix;
    std::string key_marker;         // the previous page's next_key_marker
    std::string version_id_marker;  // the previous page's next_version_id_marker
    std::optional<int> max_keys;
};

enum class VersionKind { object, delete_marker };

struct ObjectVersion {
    VersionKind kind = VersionKind::object;
    std::string key;
    std::string version_id;  // "null" for an object written before versioning was enabled
    bool is_latest = false;
    std::uint64_t size = 0;  // 0 for a delete marker
    std::string etag;        // empty for a delete marker
    std::optional<protocol::Timestamp> last_modified;
};

struct ListObjectVersionsOutput {
    // Versions and delete markers in the order S3 lists them (by key, newest first per key).
    std::vector<ObjectVersion> versions;
    bool is_truncated = false;
    std::string next_key_marker;
    std::string next_version_id_marker;
};

HttpRequest make_list_object_versions_request(const ListObjectVersionsInput& input,
                                              const protocol::Endpoint& endpoint);
Result<ListObjectVersionsOutput> parse_list_object_versions_response(
    const protocol::HttpResponse& response);

}  // namespace emrctl::aws::s3
