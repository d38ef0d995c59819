#include "stack_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/stacks/naming.hpp>

namespace emrctl::stacks {
namespace {

using namespace testing;

TEST(SecurityGroups, ServiceAccessGroupHasOnlyTheTwo8443EgressRules) {
    const auto t = synthesize_one(sample_project());
    // Its inline egress is the rule that matches nothing, which removes CloudFormation's
    // default allow-all.
    const auto& inline_egress =
        list_at(props(t, "EmrServiceAccessSecurityGroup"), "SecurityGroupEgress");
    ASSERT_EQ(inline_egress.size(), 1U);
    EXPECT_EQ(std::get<cfn::Map>(inline_egress[0].v).at("CidrIp"),
              cfn::Value("255.255.255.255/32"));

    std::vector<std::string> destinations;
    for (const auto& id : ids_of_type(t, "AWS::EC2::SecurityGroupEgress")) {
        const auto& p = props(t, id);
        EXPECT_EQ(p.at("GroupId"), cfn::ref("EmrServiceAccessSecurityGroup")) << id;
        EXPECT_EQ(p.at("FromPort"), cfn::Value(8443)) << id;
        EXPECT_EQ(p.at("ToPort"), cfn::Value(8443)) << id;
        destinations.push_back(std::get<cfn::Ref>(p.at("DestinationSecurityGroupId").v).target);
    }
    std::ranges::sort(destinations);
    EXPECT_EQ(destinations,
              (std::vector<std::string>{"EmrCoreSecurityGroup", "EmrPrimarySecurityGroup"}));
}

TEST(SecurityGroups, ServiceAccessAccepts9443FromThePrimaryOnly) {
    const auto t = synthesize_one(sample_project());
    const auto& rule = props(t, "ServiceAccessFromPrimary");
    EXPECT_EQ(rule.at("GroupId"), cfn::ref("EmrServiceAccessSecurityGroup"));
    EXPECT_EQ(rule.at("SourceSecurityGroupId"), cfn::ref("EmrPrimarySecurityGroup"));
    EXPECT_EQ(rule.at("FromPort"), cfn::Value(9443));
    int into_service_access = 0;
    for (const auto& id : ids_of_type(t, "AWS::EC2::SecurityGroupIngress")) {
        if (props(t, id).at("GroupId") == cfn::ref("EmrServiceAccessSecurityGroup")) {
            ++into_service_access;
        }
    }
    EXPECT_EQ(into_service_access, 1);
}

TEST(SecurityGroups, NodeGroupsOpenAllTrafficToEachOtherAndCluster8443) {
    const auto t = synthesize_one(sample_project());
    // ICMP, TCP and UDP for primary<-primary, primary<-core, core<-core, core<-primary, plus
    // 8443 from service access into each and 9443 into service access.
    EXPECT_EQ(ids_of_type(t, "AWS::EC2::SecurityGroupIngress").size(), 4U * 3U + 3U);
    EXPECT_EQ(props(t, "CoreFromPrimaryUDP").at("ToPort"), cfn::Value(65535));
    EXPECT_EQ(props(t, "PrimaryFromServiceAccess").at("FromPort"), cfn::Value(8443));
}

TEST(SecurityGroups, EveryGroupAndSubnetCarriesTheEmrManagedPolicyTag) {
    const auto t = synthesize_one(sample_project());
    for (const auto* id : {"EmrPrimarySecurityGroup", "EmrCoreSecurityGroup",
                           "EmrServiceAccessSecurityGroup", "PublicSubnet1", "PrivateSubnet1"}) {
        EXPECT_TRUE(has_tag(props(t, id), k_emr_managed_tag, "true")) << id;
        EXPECT_TRUE(has_tag(props(t, id), k_project_tag, "demo")) << id;
    }
    EXPECT_TRUE(has_tag(props(t, "EmrCluster"), k_emr_managed_tag, "true"));
}

TEST(SecurityGroups, SparkRuntimeReleaseOpensHttpsFromTheVpcToTheServiceEndpoint) {
    auto p = sample_project();
    EXPECT_FALSE(synthesize_one(p).contains("ServiceAccessFromVpcHttps"));
    p.cluster.release = "emr-spark-8.0.0";
    p.cluster.applications = {"Spark"};
    const auto t = synthesize_one(p);
    ASSERT_TRUE(t.contains("ServiceAccessFromVpcHttps"));
    EXPECT_EQ(props(t, "ServiceAccessFromVpcHttps").at("CidrIp"), cfn::get_att("Vpc", "CidrBlock"));
}

}  // namespace
}  // namespace emrctl::stacks
