#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/deploy/bucket_exists.hpp>

namespace emrctl::deploy {

Result<bool> bucket_exists(const aws::Client& client, const std::string& bucket) {
    const aws::s3::HeadBucketInput input{.bucket = bucket};
    auto head = client.call(
        aws::Service::s3,
        [&](const aws::protocol::Endpoint& e) {
            return aws::s3::make_head_bucket_request(input, e);
        },
        aws::s3::parse_head_bucket_response);
    if (head) return true;
    if (aws::s3::is_not_found(head.error())) return false;
    return std::unexpected(head.error());
}

Result<bool> buckets_exist(const aws::Client& client, const std::vector<std::string>& buckets) {
    for (const auto& bucket : buckets) {
        auto there = bucket_exists(client, bucket);
        if (!there || !*there) return there;
    }
    return true;
}

}  // namespace emrctl::deploy
