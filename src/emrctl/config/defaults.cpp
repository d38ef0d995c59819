#include <chrono>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/releases.hpp>

namespace emrctl::config {

using namespace std::chrono_literals;

Project native_defaults() {
    Project p;
    p.layout = Layout::native;
    p.network = Network{.cidr = "172.16.0.0/22",
                        .azs = 1,
                        .nat = NatGateways::single,
                        .endpoints = {Endpoint::s3, Endpoint::ssm}};
    p.cluster = Cluster{
        .release = std::string(k_default_release),
        .applications = {"Hadoop", "Spark"},
        .primary = {.type = "m6g.xlarge", .count = 1, .market = Market::on_demand},
        .core = {.type = "m6g.xlarge", .count = 2, .market = Market::on_demand},
        .bootstrap = {},
        .idle_timeout = 1h,
    };
    return p;
}

Job native_job_defaults() {
    return Job{.on_failure = ActionOnFailure::continue_};
}

void apply_derived_defaults(Project& project, const SourceMap& sources) {
    if (is_spark_runtime(project.cluster.release) && !sources.find("cluster.applications")) {
        project.cluster.applications = {"Spark"};
    }
}

Project seed_defaults() {
    Project p = native_defaults();
    p.layout = Layout::seed;
    p.name = "default";
    p.cluster.applications = {"Hadoop", "Spark", "Livy", "JupyterEnterpriseGateway"};
    p.cluster.primary = {.type = "m4.large", .count = 1, .market = Market::spot};
    p.cluster.core = {.type = "m4.large", .count = 2, .market = Market::spot};
    return p;
}

}  // namespace emrctl::config
