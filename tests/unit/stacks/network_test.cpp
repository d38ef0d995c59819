#include "stack_test_support.hpp"
#include <gtest/gtest.h>

namespace emrctl::stacks {
namespace {

using namespace testing;

std::string cidr_of(const cfn::Template& t, const std::string& id) {
    return std::get<std::string>(props(t, id).at("CidrBlock").v);
}

TEST(Network, SplitsTheVpcIntoAPublicAndAPrivateSubnetPerAz) {
    const auto t = synthesize_one(sample_project());
    EXPECT_EQ(cidr_of(t, "Vpc"), "172.16.0.0/22");
    EXPECT_EQ(cidr_of(t, "PublicSubnet1"), "172.16.0.0/23");
    EXPECT_EQ(cidr_of(t, "PrivateSubnet1"), "172.16.2.0/23");
    EXPECT_EQ(ids_of_type(t, "AWS::EC2::Subnet").size(), 2U);
    EXPECT_EQ(props(t, "PublicSubnet1").at("AvailabilityZone"), cfn::select(0, cfn::get_azs()));
}

TEST(Network, ThreeAzsGetSixSubnetsAndOneNatUnlessPerAz) {
    auto p = sample_project();
    p.network.cidr = "10.0.0.0/16";
    p.network.azs = 3;
    auto t = synthesize_one(p);
    EXPECT_EQ(ids_of_type(t, "AWS::EC2::Subnet").size(), 6U);
    EXPECT_EQ(cidr_of(t, "PrivateSubnet3"), "10.0.160.0/19");
    EXPECT_EQ(ids_of_type(t, "AWS::EC2::NatGateway").size(), 1U);
    for (const auto* route :
         {"PrivateDefaultRoute1", "PrivateDefaultRoute2", "PrivateDefaultRoute3"}) {
        EXPECT_EQ(props(t, route).at("NatGatewayId"), cfn::ref("NatGateway1")) << route;
    }

    p.network.nat = config::NatGateways::per_az;
    t = synthesize_one(p);
    EXPECT_EQ(ids_of_type(t, "AWS::EC2::NatGateway").size(), 3U);
    EXPECT_EQ(props(t, "PrivateDefaultRoute3").at("NatGatewayId"), cfn::ref("NatGateway3"));
    EXPECT_EQ(props(t, "NatGateway3").at("SubnetId"), cfn::ref("PublicSubnet3"));
}

TEST(Network, S3GatewayEndpointServesThePrivateRouteTables) {
    const auto t = synthesize_one(sample_project());
    const auto& endpoint = props(t, "S3GatewayEndpoint");
    EXPECT_EQ(endpoint.at("VpcEndpointType"), cfn::Value("Gateway"));
    EXPECT_EQ(endpoint.at("RouteTableIds"), cfn::Value(cfn::List{cfn::ref("PrivateRouteTable1")}));
}

TEST(Network, SessionManagerEndpointsOnlyWhenAsked) {
    auto p = sample_project();
    auto t = synthesize_one(p);
    EXPECT_TRUE(t.contains("SsmEndpoint"));
    EXPECT_TRUE(t.contains("SsmMessagesEndpoint"));
    EXPECT_EQ(props(t, "SsmEndpoint").at("PrivateDnsEnabled"), cfn::Value(true));
    p.network.endpoints = {config::Endpoint::s3};
    t = synthesize_one(p);
    EXPECT_FALSE(t.contains("SsmEndpoint"));
    EXPECT_FALSE(t.contains("InterfaceEndpointSecurityGroup"));
}

}  // namespace
}  // namespace emrctl::stacks
