#pragma once

// The project, fully defaulted and validated: what the rest of emrctl reads. Plain values only;
// where each value came from is kept beside it in a SourceMap.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace emrctl::config {

enum class Layout {
    native,  // emrctl.yaml
    seed,    // the seed CDK app's emr_steps/ folder, no emrctl.yaml
};

enum class NatGateways { single, per_az };
enum class Endpoint { s3, ssm };
enum class Market { on_demand, spot };
enum class ActionOnFailure { continue_, cancel_and_wait, terminate_cluster };

struct Network {
    std::string cidr;
    int azs = 0;
    NatGateways nat = NatGateways::single;
    std::vector<Endpoint> endpoints;
};

struct InstanceGroup {
    std::string type;
    int count = 0;
    Market market = Market::on_demand;
};

struct Cluster {
    std::string release;
    std::vector<std::string> applications;
    InstanceGroup primary;
    InstanceGroup core;
    std::vector<std::string> bootstrap;  // script paths, relative to the project folder
    std::chrono::seconds idle_timeout{0};
};

struct Job {
    std::string name;
    std::string script;                     // relative to the project folder
    std::vector<std::string> args;          // after the contract's own arguments
    std::optional<std::string> data;        // a folder in the project, uploaded with the job
    std::optional<std::string> data_uri;    // data already in S3 (the seed's data_source_bucket)
    std::optional<std::string> main_class;  // for .jar scripts
    std::map<std::string, std::string> spark_conf;
    ActionOnFailure on_failure = ActionOnFailure::continue_;
};

struct Project {
    Layout layout = Layout::native;
    std::string name;                   // the naming prefix of every resource
    std::string suffix;                 // the naming suffix that makes bucket names unique
    std::optional<std::string> region;  // none: from the AWS profile or environment
    Network network;
    Cluster cluster;
    std::vector<std::string> existing_data_buckets;  // other buckets the jobs may read
    // "requirements.txt" when the project folder has one: its Python packages are installed on
    // every node by a bootstrap action emrctl adds (and into the venv of a local run).
    std::optional<std::string> requirements;
    std::vector<Job> jobs;
};

inline constexpr const char* k_requirements_file = "requirements.txt";

// The folder name of a job under outputs/ and data/: only its letters and digits.
std::string folder_name(const Job& job);

// "s3://bucket/some/key" or "bucket/" -> "bucket".
std::string bucket_of(const std::string& uri_or_name);

}  // namespace emrctl::config
