#include <array>

#include <emrctl/config/choices.hpp>
#include <emrctl/config/defaults.hpp>
#include <emrctl/config/parse.hpp>
#include <emrctl/config/yaml_reader.hpp>

namespace emrctl::config {

namespace {

constexpr std::array<std::string_view, 6> k_top_keys{"name",    "region", "network",
                                                     "cluster", "jobs",   "existing_data_buckets"};
constexpr std::array<std::string_view, 4> k_network_keys{"cidr", "azs", "nat", "endpoints"};
constexpr std::array<std::string_view, 6> k_cluster_keys{"release", "applications", "primary",
                                                         "core",    "bootstrap",    "idle_timeout"};
// The primary group always has exactly one instance, so it has no count.
constexpr std::array<std::string_view, 2> k_primary_keys{"type", "market"};
constexpr std::array<std::string_view, 3> k_core_keys{"type", "count", "market"};
constexpr std::array<std::string_view, 8> k_job_keys{
    "name", "script", "args", "data", "main_class", "spark_conf", "on_failure", "description"};

void read_network(YamlReader& r, const YAML::Node& node, Network& out) {
    if (!r.map(node, "network", k_network_keys)) return;
    if (auto n = node["cidr"]) r.string(n, "network.cidr", out.cidr);
    if (auto n = node["azs"]) r.integer(n, "network.azs", out.azs);
    if (auto n = node["nat"]) r.choice<NatGateways>(n, "network.nat", k_nat_choices, out.nat);
    if (auto n = node["endpoints"]; n && r.list(n, "network.endpoints")) {
        std::vector<Endpoint> endpoints;
        for (std::size_t i = 0; i < n.size(); ++i) {
            Endpoint e{};
            if (r.choice<Endpoint>(n[i], "network.endpoints[" + std::to_string(i) + "]",
                                   k_endpoint_choices, e)) {
                endpoints.push_back(e);
            }
        }
        out.endpoints = std::move(endpoints);
    }
}

template <std::size_t N>
void read_group(YamlReader& r, const YAML::Node& node, const std::string& path,
                const std::array<std::string_view, N>& keys, InstanceGroup& out) {
    if (!r.map(node, path, keys)) return;
    if (auto n = node["type"]) r.string(n, path + ".type", out.type);
    if (auto n = node["count"]) r.integer(n, path + ".count", out.count);
    if (auto n = node["market"])
        r.choice<Market>(n, path + ".market", k_market_choices, out.market);
}

void read_cluster(YamlReader& r, const YAML::Node& node, Cluster& out) {
    if (!r.map(node, "cluster", k_cluster_keys)) return;
    if (auto n = node["release"]) r.string(n, "cluster.release", out.release);
    if (auto n = node["applications"]) r.string_list(n, "cluster.applications", out.applications);
    if (auto n = node["primary"]) read_group(r, n, "cluster.primary", k_primary_keys, out.primary);
    if (auto n = node["core"]) read_group(r, n, "cluster.core", k_core_keys, out.core);
    if (auto n = node["bootstrap"]) r.string_list(n, "cluster.bootstrap", out.bootstrap);
    if (auto n = node["idle_timeout"]) r.duration(n, "cluster.idle_timeout", out.idle_timeout);
}

// A job's data may be a folder of the project or data already in S3.
void read_data(YamlReader& r, const YAML::Node& node, const std::string& path, Job& out) {
    std::string data;
    if (!r.string(node, path, data)) return;
    if (data.starts_with("s3://")) {
        out.data_uri = data;
    } else {
        out.data = data;
    }
}

Job read_job(YamlReader& r, const YAML::Node& node, const std::string& path) {
    Job job = native_job_defaults();
    if (!r.map(node, path, k_job_keys)) return job;
    if (auto n = node["name"]) {
        r.string(n, path + ".name", job.name);
    } else {
        r.problem(node, path, "this job has no name",
                  "add `name: <name>`; it names the job in commands and its output folder");
    }
    if (auto n = node["script"]) {
        r.string(n, path + ".script", job.script);
    } else {
        r.problem(node, path, "this job has no script",
                  "add `script: jobs/<file>.py`, the PySpark script the job runs");
    }
    if (auto n = node["args"]) r.string_list(n, path + ".args", job.args);
    if (auto n = node["data"]) read_data(r, n, path + ".data", job);
    if (auto n = node["main_class"]) {
        std::string main_class;
        if (r.string(n, path + ".main_class", main_class)) job.main_class = main_class;
    }
    if (auto n = node["spark_conf"]) r.string_map(n, path + ".spark_conf", job.spark_conf);
    if (auto n = node["on_failure"]) {
        r.choice<ActionOnFailure>(n, path + ".on_failure", k_action_choices, job.on_failure);
    }
    return job;
}

}  // namespace

std::vector<Error> parse_project(std::string_view text, const std::string& file, Project& project,
                                 SourceMap& sources) {
    YamlReader r(file, text, sources);
    const auto root = r.load();
    if (!r.ok()) return r.take_problems();
    if (root.IsNull()) {
        r.problem(root, "", "the project file is empty",
                  "start from `emrctl init`, or write at least `name:` and one job under `jobs:`");
        return r.take_problems();
    }
    if (!r.map(root, "", k_top_keys)) return r.take_problems();

    if (auto n = root["name"]) r.string(n, "name", project.name);
    if (auto n = root["region"]) {
        std::string region;
        if (r.string(n, "region", region)) project.region = region;
    }
    if (auto n = root["network"]) read_network(r, n, project.network);
    if (auto n = root["cluster"]) read_cluster(r, n, project.cluster);
    if (auto n = root["existing_data_buckets"]) {
        r.string_list(n, "existing_data_buckets", project.existing_data_buckets);
    }
    if (auto n = root["jobs"]; n && r.list(n, "jobs")) {
        std::vector<Job> jobs;
        for (std::size_t i = 0; i < n.size(); ++i) {
            jobs.push_back(read_job(r, n[i], "jobs[" + std::to_string(i) + "]"));
        }
        project.jobs = std::move(jobs);
    }
    return r.take_problems();
}

}  // namespace emrctl::config
