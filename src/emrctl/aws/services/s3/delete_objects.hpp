#pragma once

// S3 DeleteObjects: up to 1,000 keys (or versions) per call, how `destroy --purge` empties a
// bucket and how an asset sync removes deleted files. A 200 answer can still report per-key
// errors: they come back in the output, not as a failed call.

#include <cstddef>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::s3 {

inline constexpr std::size_t k_max_delete_objects = 1000;

struct ObjectIdentifier {
    std::string key;
    std::string version_id;  // empty: the current version (a delete marker if versioned)
};

struct DeleteObjectsInput {
    std::string bucket;
    std::vector<ObjectIdentifier> objects;  // at most k_max_delete_objects: the caller batches
    // Quiet: the answer lists only the keys that failed, which is all a purge needs to know.
    bool quiet = true;
};

struct DeletedObject {
    std::string key;
    std::string version_id;
    bool delete_marker = false;
    std::string delete_marker_version_id;
};

struct DeleteObjectError {
    std::string key;
    std::string version_id;
    std::string code;  // "AccessDenied", "InternalError"…
    std::string message;
};

struct DeleteObjectsOutput {
    std::vector<DeletedObject> deleted;  // empty when quiet
    std::vector<DeleteObjectError> errors;
};

// A POST to /<bucket>?delete with the <Delete> document and its Content-MD5, which S3 requires.
HttpRequest make_delete_objects_request(const DeleteObjectsInput& input,
                                        const protocol::Endpoint& endpoint);
Result<DeleteObjectsOutput> parse_delete_objects_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::s3
