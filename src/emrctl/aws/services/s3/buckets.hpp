#pragma once

// S3 buckets: the staging bucket emrctl creates on first use (CreateBucket, HeadBucket), the
// retained buckets `destroy --purge` removes (DeleteBucket), and ListBuckets.

#include <optional>
#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::s3 {

struct CreateBucketInput {
    std::string bucket;
    std::string region;  // sent as LocationConstraint, except for us-east-1, which rejects it
};

HttpRequest make_create_bucket_request(const CreateBucketInput& input,
                                       const protocol::Endpoint& endpoint);
// BucketAlreadyOwnedByYou is an error here; callers that create on first use treat it as done.
Result<void> parse_create_bucket_response(const protocol::HttpResponse& response);

struct HeadBucketInput {
    std::string bucket;
};

struct HeadBucketOutput {
    std::string region;  // x-amz-bucket-region
};

// A HEAD answer has no body: a missing bucket is code NotFound, a bucket of another account
// Forbidden, one in another region MovedPermanently (with the region in the message).
HttpRequest make_head_bucket_request(const HeadBucketInput& input,
                                     const protocol::Endpoint& endpoint);
Result<HeadBucketOutput> parse_head_bucket_response(const protocol::HttpResponse& response);

struct DeleteBucketInput {
    std::string bucket;
};

// The bucket must be empty, every version and delete marker included (BucketNotEmpty otherwise).
HttpRequest make_delete_bucket_request(const DeleteBucketInput& input,
                                       const protocol::Endpoint& endpoint);
Result<void> parse_delete_bucket_response(const protocol::HttpResponse& response);

struct ListBucketsInput {
    std::string continuation_token;
    std::string prefix;              // only buckets whose names start with it
    std::optional<int> max_buckets;  // with a continuation token, pages; without, all at once
};

struct BucketSummary {
    std::string name;
    std::optional<protocol::Timestamp> creation_date;
    std::string region;  // BucketRegion, when the service reports it
};

struct ListBucketsOutput {
    std::vector<BucketSummary> buckets;
    std::string owner_id;
    std::string continuation_token;  // more pages when not empty
};

HttpRequest make_list_buckets_request(const ListBucketsInput& input,
                                      const protocol::Endpoint& endpoint);
Result<ListBucketsOutput> parse_list_buckets_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::s3
