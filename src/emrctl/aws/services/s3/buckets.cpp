#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/xml_writer.hpp>
#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>

namespace emrctl::aws::s3 {

namespace {
constexpr auto k_create = operation("CreateBucket");
constexpr auto k_head = operation("HeadBucket");
constexpr auto k_delete = operation("DeleteBucket");
constexpr auto k_list = operation("ListBuckets");
}  // namespace

HttpRequest make_create_bucket_request(const CreateBucketInput& input,
                                       const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "PUT", bucket_path(input.bucket));
    if (!input.region.empty() && input.region != "us-east-1") {
        request.headers.emplace_back("Content-Type", "application/xml");
        request.body = "<CreateBucketConfiguration xmlns=\"" + std::string(k_xmlns) +
                       "\"><LocationConstraint>" + protocol::xml_escape(input.region) +
                       "</LocationConstraint></CreateBucketConfiguration>";
    }
    return request;
}

Result<void> parse_create_bucket_response(const protocol::HttpResponse& response) {
    return check_s3_response(k_create, response);
}

HttpRequest make_head_bucket_request(const HeadBucketInput& input,
                                     const protocol::Endpoint& endpoint) {
    return protocol::start_request(endpoint, "HEAD", bucket_path(input.bucket));
}

Result<HeadBucketOutput> parse_head_bucket_response(const protocol::HttpResponse& response) {
    if (auto checked = check_s3_response(k_head, response); !checked) {
        return std::unexpected(std::move(checked.error()));
    }
    return HeadBucketOutput{.region = header_or_empty(response, "x-amz-bucket-region")};
}

HttpRequest make_delete_bucket_request(const DeleteBucketInput& input,
                                       const protocol::Endpoint& endpoint) {
    return protocol::start_request(endpoint, "DELETE", bucket_path(input.bucket));
}

Result<void> parse_delete_bucket_response(const protocol::HttpResponse& response) {
    return check_s3_response(k_delete, response);
}

HttpRequest make_list_buckets_request(const ListBucketsInput& input,
                                      const protocol::Endpoint& endpoint) {
    auto request = protocol::start_request(endpoint, "GET", "/");
    if (!input.continuation_token.empty()) {
        request.query.emplace_back("continuation-token", input.continuation_token);
    }
    if (input.max_buckets)
        request.query.emplace_back("max-buckets", std::to_string(*input.max_buckets));
    if (!input.prefix.empty()) request.query.emplace_back("prefix", input.prefix);
    return request;
}

Result<ListBucketsOutput> parse_list_buckets_response(const protocol::HttpResponse& response) {
    auto document = read_s3_xml(k_list, response);
    if (!document) return std::unexpected(std::move(document.error()));
    const auto root = document->root();
    ListBucketsOutput out{.owner_id = protocol::text_at(root, "Owner/ID"),
                          .continuation_token = protocol::text_at(root, "ContinuationToken")};
    for (const auto bucket :
         protocol::children_named(protocol::node_at(root, "Buckets"), "Bucket")) {
        out.buckets.push_back({.name = protocol::text_at(bucket, "Name"),
                               .creation_date = protocol::iso8601_at(bucket, "CreationDate"),
                               .region = protocol::text_at(bucket, "BucketRegion")});
    }
    return out;
}

}  // namespace emrctl::aws::s3
