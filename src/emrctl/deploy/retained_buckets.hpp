#pragma once

// Buckets a stack keeps when it goes (DeletionPolicy Retain): after `destroy` without --purge, or
// after a create that rolled back, they outlive the stack, and creating it again would fail on
// their names. Deploy adopts them instead, through a CloudFormation import. Pure.

#include <string>
#include <string_view>
#include <vector>

namespace emrctl::deploy {

struct RetainedBucket {
    std::string logical_id;
    std::string name;
};

// The AWS::S3::Bucket resources of a template with DeletionPolicy Retain and a literal
// BucketName, in template order. A template that is not JSON has none.
std::vector<RetainedBucket> retained_buckets(std::string_view template_json);

// The template of an import change set that adopts `buckets` into a new stack: those resources
// alone, as the full template has them (CloudFormation requires exactly that).
std::string import_template(std::string_view template_json,
                            const std::vector<RetainedBucket>& buckets);

}  // namespace emrctl::deploy
