#include <emrctl/stacks/naming.hpp>
#include <emrctl/stacks/storage.hpp>
#include <emrctl/stacks/tags.hpp>

namespace emrctl::stacks {

namespace {

cfn::ResourceRef add_bucket(cfn::Template& t, const config::Project& p, const std::string& id,
                            const std::string& name, const std::string& tag_name,
                            std::vector<cfn::ResourceRef>& policies) {
    const auto bucket = t.add(
        id,
        {.type = "AWS::S3::Bucket",
         .properties = {{"BucketName", name},
                        {"BucketEncryption",
                         cfn::Map{{"ServerSideEncryptionConfiguration",
                                   cfn::List{cfn::Map{{"ServerSideEncryptionByDefault",
                                                       cfn::Map{{"SSEAlgorithm", "AES256"}}}}}}}},
                        {"PublicAccessBlockConfiguration",
                         cfn::Map{{"BlockPublicAcls", true},
                                  {"BlockPublicPolicy", true},
                                  {"IgnorePublicAcls", true},
                                  {"RestrictPublicBuckets", true}}},
                        {"OwnershipControls",
                         cfn::Map{{"Rules", cfn::List{cfn::Map{
                                                {"ObjectOwnership", "BucketOwnerEnforced"}}}}}},
                        {"Tags", tags(p, tag_name)}},
         .deletion_policy = cfn::DeletionPolicy::retain,
         .update_replace_policy = cfn::DeletionPolicy::retain});
    // Deny every request that does not use TLS (AWS Config rule s3-bucket-ssl-requests-only).
    policies.push_back(t.add(
        id + "Policy",
        {.type = "AWS::S3::BucketPolicy",
         .properties = {
             {"Bucket", bucket.ref()},
             {"PolicyDocument",
              cfn::Map{
                  {"Version", "2012-10-17"},
                  {"Statement",
                   cfn::List{cfn::Map{
                       {"Sid", "DenyInsecureTransport"},
                       {"Effect", "Deny"},
                       {"Principal", "*"},
                       {"Action", "s3:*"},
                       {"Resource", cfn::List{bucket.att("Arn"), cfn::sub("${" + id + ".Arn}/*")}},
                       {"Condition",
                        cfn::Map{{"Bool", cfn::Map{{"aws:SecureTransport", "false"}}}}}}}}}}}}));
    return bucket;
}

}  // namespace

StorageRefs add_storage(cfn::Template& t, const config::Project& p) {
    StorageRefs refs{};
    refs.data_bucket = add_bucket(t, p, "DataBucket", data_bucket_name(p), "data", refs.policies);
    refs.logs_bucket = add_bucket(t, p, "LogsBucket", logs_bucket_name(p), "logs", refs.policies);
    return refs;
}

}  // namespace emrctl::stacks
