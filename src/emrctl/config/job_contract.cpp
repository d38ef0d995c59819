#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/config/job_contract.hpp>

namespace emrctl::config {

std::string output_uri(const Job& job, const BucketUris& uris) {
    return uris.data_bucket + "/" + output_prefix(job);
}

std::string data_uri(const Job& job, const BucketUris& uris) {
    if (job.data_uri) return *job.data_uri;
    if (job.data) return uris.data_bucket + "/" + data_prefix(job);
    return {};
}

std::string script_uri(const Job& job, const BucketUris& uris) {
    if (job.script.starts_with("s3://")) return job.script;
    return uris.data_bucket + "/" + code_key(job);
}

std::vector<std::string> contract_arguments(const Job& job, const BucketUris& uris) {
    std::vector<std::string> args{"--output_uri", output_uri(job, uris)};
    if (const auto data = data_uri(job, uris); !data.empty()) {
        args.emplace_back("--data_source_folder");
        args.push_back(data);
    }
    args.insert(args.end(), job.args.begin(), job.args.end());
    return args;
}

}  // namespace emrctl::config
