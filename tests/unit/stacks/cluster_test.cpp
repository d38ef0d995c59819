#include "stack_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/cfn/render.hpp>
#include <emrctl/stacks/cluster.hpp>

namespace emrctl::stacks {
namespace {

using namespace testing;
using namespace std::chrono_literals;

TEST(Cluster, RunsInTheFirstPrivateSubnetWithTheProjectsGroups) {
    const auto t = synthesize_one(sample_project());
    const auto& instances = map_at(props(t, "EmrCluster"), "Instances");
    EXPECT_EQ(instances.at("Ec2SubnetId"), cfn::ref("PrivateSubnet1"));
    EXPECT_EQ(instances.at("ServiceAccessSecurityGroup"),
              cfn::ref("EmrServiceAccessSecurityGroup"));
    EXPECT_EQ(map_at(instances, "MasterInstanceGroup").at("InstanceCount"), cfn::Value(1));
    EXPECT_EQ(map_at(instances, "CoreInstanceGroup").at("InstanceCount"), cfn::Value(2));
}

TEST(Cluster, ItsNameCarriesTheGenerationParameterSoANewGenerationReplacesIt) {
    const auto t = synthesize_one(sample_project());
    EXPECT_EQ(props(t, "EmrCluster").at("Name"),
              cfn::sub(sample_project().name + "-${ClusterGeneration}"));
    const auto& generation = t.parameters().at(k_cluster_generation_parameter);
    EXPECT_EQ(generation.type, "String");
    EXPECT_EQ(generation.default_value, "1");
    EXPECT_NE(generation.description.find("replaces it"), std::string::npos);
    EXPECT_EQ(t.outputs().at(k_cluster_id_output).value, cfn::ref("EmrCluster"));
}

TEST(Cluster, MarketAndTypeFollowTheProject) {
    auto p = sample_project();
    p.cluster.core = {.type = "r6g.2xlarge", .count = 5, .market = config::Market::spot};
    const auto t = synthesize_one(p);
    const auto& core = map_at(map_at(props(t, "EmrCluster"), "Instances"), "CoreInstanceGroup");
    EXPECT_EQ(core.at("Market"), cfn::Value("SPOT"));
    EXPECT_EQ(core.at("InstanceType"), cfn::Value("r6g.2xlarge"));
    EXPECT_EQ(core.at("InstanceCount"), cfn::Value(5));
    EXPECT_FALSE(core.contains("BidPrice")) << "SPOT without a bid caps at the on-demand price";
}

TEST(Cluster, ZeroCoreNodesMeansASingleNodeCluster) {
    auto p = sample_project();
    p.cluster.core.count = 0;
    const auto t = synthesize_one(p);
    EXPECT_FALSE(map_at(props(t, "EmrCluster"), "Instances").contains("CoreInstanceGroup"));
}

TEST(Cluster, IdleTimeoutBecomesAutoTerminationInSeconds) {
    auto p = sample_project();
    p.cluster.idle_timeout = 90min;
    const auto t = synthesize_one(p);
    EXPECT_EQ(map_at(props(t, "EmrCluster"), "AutoTerminationPolicy").at("IdleTimeout"),
              cfn::Value(5400));
}

TEST(Cluster, BootstrapScriptsComeFromTheDataBucketOrTheirOwnS3Uri) {
    auto p = sample_project();
    p.cluster.bootstrap = {"bootstrap/install.sh", "s3://tools/setup.sh"};
    const auto t = synthesize_one(p);
    const auto& actions = list_at(props(t, "EmrCluster"), "BootstrapActions");
    ASSERT_EQ(actions.size(), 2U);
    EXPECT_EQ(map_at(std::get<cfn::Map>(actions[0].v), "ScriptBootstrapAction").at("Path"),
              cfn::sub("s3://${DataBucket}/bootstrap/install.sh"));
    EXPECT_EQ(map_at(std::get<cfn::Map>(actions[1].v), "ScriptBootstrapAction").at("Path"),
              cfn::Value("s3://tools/setup.sh"));
}

TEST(Cluster, GivenRequirementsThenTheLastBootstrapActionInstallsThem) {
    auto p = sample_project();
    p.cluster.bootstrap = {"bootstrap/install.sh"};
    p.requirements = "requirements.txt";
    const auto t = synthesize_one(p);
    const auto& actions = list_at(props(t, "EmrCluster"), "BootstrapActions");
    ASSERT_EQ(actions.size(), 2U);
    const auto& last = std::get<cfn::Map>(actions[1].v);
    EXPECT_EQ(last.at("Name"), cfn::Value("emrctl-requirements"));
    const auto& script = map_at(last, "ScriptBootstrapAction");
    EXPECT_EQ(script.at("Path"), cfn::sub("s3://${DataBucket}/bootstrap/emrctl-requirements.sh"));
    EXPECT_EQ(script.at("Args"),
              cfn::Value(cfn::List{cfn::sub("s3://${DataBucket}/bootstrap/requirements.txt")}));
}

TEST(Cluster, WaitsForEveryRuleRouteEndpointAndBucketPolicy) {
    const auto t = synthesize_one(sample_project());
    const auto& depends = t.resources().at("EmrCluster").depends_on;
    for (const auto& id : ids_of_type(t, "AWS::EC2::SecurityGroupIngress")) {
        EXPECT_NE(std::ranges::find(depends, id), depends.end()) << id;
    }
    for (const auto* id : {"PrivateDefaultRoute1", "S3GatewayEndpoint", "SsmEndpoint",
                           "DataBucketPolicy", "LogsBucketPolicy", "ServiceAccessToCore"}) {
        EXPECT_NE(std::ranges::find(depends, id), depends.end()) << id;
    }
}

TEST(Cluster, JobsAreNotCloudFormationResources) {
    const auto t = synthesize_one(sample_project());
    EXPECT_TRUE(ids_of_type(t, "AWS::EMR::Step").empty());
    EXPECT_EQ(map_at(props(t, "EmrCluster"), "Instances").at("KeepJobFlowAliveWhenNoSteps"),
              cfn::Value(true));
}

TEST(Cluster, BucketsAreRetainedEncryptedPrivateAndTlsOnly) {
    const auto t = synthesize_one(sample_project());
    for (const auto* id : {"DataBucket", "LogsBucket"}) {
        const auto& bucket = t.resources().at(id);
        EXPECT_EQ(bucket.deletion_policy, cfn::DeletionPolicy::retain) << id;
        EXPECT_EQ(bucket.update_replace_policy, cfn::DeletionPolicy::retain) << id;
        const auto& block = map_at(bucket.properties, "PublicAccessBlockConfiguration");
        EXPECT_EQ(block.size(), 4U);
        for (const auto& [key, value] : block)
            EXPECT_EQ(value, cfn::Value(true)) << key;
        const auto& policy = map_at(props(t, std::string(id) + "Policy"), "PolicyDocument");
        const auto& deny = std::get<cfn::Map>(list_at(policy, "Statement").front().v);
        EXPECT_EQ(deny.at("Effect"), cfn::Value("Deny"));
        EXPECT_EQ(map_at(map_at(deny, "Condition"), "Bool").at("aws:SecureTransport"),
                  cfn::Value("false"));
    }
    EXPECT_EQ(props(t, "DataBucket").at("BucketName"), cfn::Value("demo-data-abc12345"));
    EXPECT_EQ(props(t, "EmrCluster").at("LogUri"), cfn::sub("s3://${LogsBucket}/"));
}

TEST(Cluster, OutputsAreExportedUnderTheProjectName) {
    const auto t = synthesize_one(sample_project());
    for (const auto* id : {"VpcId", "PublicSubnetIds", "PrivateSubnetIds", "DataBucketName",
                           "DataBucketArn", "LogsBucketName", "LogsBucketArn", "ClusterId"}) {
        ASSERT_TRUE(t.outputs().contains(id)) << id;
        EXPECT_EQ(t.outputs().at(id).export_name, "demo:" + std::string(id));
    }
    EXPECT_EQ(t.outputs().at("ClusterId").value, cfn::ref("EmrCluster"));
}

TEST(Cluster, SynthesisIsDeterministic) {
    EXPECT_EQ(cfn::to_json(synthesize_one(sample_project())),
              cfn::to_json(synthesize_one(sample_project())));
}

}  // namespace
}  // namespace emrctl::stacks
