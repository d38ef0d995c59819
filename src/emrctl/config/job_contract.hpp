#pragma once

// The argument contract of a job (DESIGN.md §3, kept from the seed app so its scripts run
// unchanged): the script gets --output_uri <data bucket>/outputs/<name>, then, when it has data,
// --data_source_folder <uri>, then its own args. The same contract holds on EMR (s3:// URIs) and
// on a local run (file:// URIs into the local mirror of the buckets).

#include <string>
#include <vector>

#include <emrctl/config/project.hpp>

namespace emrctl::config {

// How to spell a location in the data bucket: "s3://demo-data-x" or
// "file:///home/me/proj/.emrctl/local/s3/demo-data-x". No trailing slash.
struct BucketUris {
    std::string data_bucket;
};

std::string output_uri(const Job& job, const BucketUris& uris);
// Empty when the job has no data.
std::string data_uri(const Job& job, const BucketUris& uris);
std::string script_uri(const Job& job, const BucketUris& uris);

// The arguments after the script: the contract's, then the job's own.
std::vector<std::string> contract_arguments(const Job& job, const BucketUris& uris);

}  // namespace emrctl::config
