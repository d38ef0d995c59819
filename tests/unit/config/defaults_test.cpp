#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <emrctl/config/defaults.hpp>
#include <emrctl/config/releases.hpp>
#include <emrctl/config/validate.hpp>

namespace emrctl::config {
namespace {

using namespace std::chrono_literals;

TEST(NativeDefaults, AreTheDocumentedOnes) {
    const auto p = native_defaults();
    EXPECT_EQ(p.layout, Layout::native);
    EXPECT_EQ(p.name, "");
    EXPECT_EQ(p.network.cidr, "172.16.0.0/22");
    EXPECT_EQ(p.network.azs, 1);
    EXPECT_EQ(p.network.nat, NatGateways::single);
    EXPECT_EQ(p.network.endpoints, (std::vector<Endpoint>{Endpoint::s3, Endpoint::ssm}));
    EXPECT_EQ(p.cluster.release, "emr-7.14.0");
    EXPECT_EQ(p.cluster.applications, (std::vector<std::string>{"Hadoop", "Spark"}));
    EXPECT_EQ(p.cluster.primary.type, "m6g.xlarge");
    EXPECT_EQ(p.cluster.primary.count, 1);
    EXPECT_EQ(p.cluster.primary.market, Market::on_demand);
    EXPECT_EQ(p.cluster.core.type, "m6g.xlarge");
    EXPECT_EQ(p.cluster.core.count, 2);
    EXPECT_EQ(p.cluster.core.market, Market::on_demand);
    EXPECT_EQ(p.cluster.idle_timeout, 1h);
    EXPECT_TRUE(p.cluster.bootstrap.empty());
    EXPECT_TRUE(p.jobs.empty());
}

TEST(NativeDefaults, DefaultReleaseIsAKnownSevenRelease) {
    const auto release = find_release(k_default_release);
    ASSERT_TRUE(release);
    EXPECT_TRUE(release->spark_version.starts_with("3.5"));
}

TEST(NativeDefaults, ANamedProjectOfDefaultsIsValid) {
    Project p = native_defaults();
    p.name = "demo";
    const auto problems = validate(p, SourceMap("emrctl.yaml"), FileFacts{});
    EXPECT_TRUE(problems.empty()) << problems.size();
}

TEST(NativeJobDefaults, ContinueOnFailure) {
    const auto job = native_job_defaults();
    EXPECT_EQ(job.on_failure, ActionOnFailure::continue_);
    EXPECT_TRUE(job.args.empty());
    EXPECT_EQ(job.data, std::nullopt);
}

TEST(SeedDefaults, AreTheSeedAppsValues) {
    const auto p = seed_defaults();
    EXPECT_EQ(p.layout, Layout::seed);
    EXPECT_EQ(p.name, "default");
    EXPECT_EQ(p.cluster.primary.type, "m4.large");
    EXPECT_EQ(p.cluster.primary.market, Market::spot);
    EXPECT_EQ(p.cluster.core.type, "m4.large");
    EXPECT_EQ(p.cluster.core.market, Market::spot);
    EXPECT_EQ(p.cluster.core.count, 2);
    EXPECT_EQ(p.network.cidr, "172.16.0.0/22");
    EXPECT_EQ(p.network.azs, 1);
    EXPECT_EQ(p.cluster.applications,
              (std::vector<std::string>{"Hadoop", "Spark", "Livy", "JupyterEnterpriseGateway"}));
}

TEST(SeedDefaults, AreValid) {
    const auto problems = validate(seed_defaults(), SourceMap("x"), FileFacts{});
    EXPECT_TRUE(problems.empty()) << problems.size();
}

}  // namespace
}  // namespace emrctl::config
