#include <algorithm>
#include <array>

#include <emrctl/stacks/endpoints.hpp>
#include <emrctl/stacks/tags.hpp>

namespace emrctl::stacks {

namespace {

constexpr const char* k_s3_endpoint = "S3GatewayEndpoint";
constexpr const char* k_endpoint_security_group = "InterfaceEndpointSecurityGroup";

// ssm and ssmmessages are what Session Manager needs; SSM Agent 3.3.40.0 and later no longer
// use ec2messages.
constexpr std::array<std::pair<const char*, const char*>, 2> k_ssm_endpoints{
    {{"SsmEndpoint", "ssm"}, {"SsmMessagesEndpoint", "ssmmessages"}}};

bool wants(const config::Project& p, config::Endpoint e) {
    return std::ranges::find(p.network.endpoints, e) != p.network.endpoints.end();
}

}  // namespace

std::vector<cfn::ResourceRef> add_endpoints(cfn::Template& t, const config::Project& p,
                                            const NetworkRefs& network) {
    std::vector<cfn::ResourceRef> endpoints;
    if (wants(p, config::Endpoint::s3)) {
        cfn::List tables;
        for (const auto& table : network.private_route_tables)
            tables.push_back(table.ref());
        endpoints.push_back(
            t.add(k_s3_endpoint,
                  {.type = "AWS::EC2::VPCEndpoint",
                   .properties = {{"VpcId", network.vpc.ref()},
                                  {"ServiceName", cfn::sub("com.amazonaws.${AWS::Region}.s3")},
                                  {"VpcEndpointType", "Gateway"},
                                  {"RouteTableIds", std::move(tables)}}}));
    }
    if (wants(p, config::Endpoint::ssm)) {
        const auto group = t.add(
            k_endpoint_security_group,
            {.type = "AWS::EC2::SecurityGroup",
             .properties = {{"GroupDescription", "HTTPS from the VPC to its interface endpoints"},
                            {"VpcId", network.vpc.ref()},
                            {"SecurityGroupIngress",
                             cfn::List{cfn::Map{{"IpProtocol", "tcp"},
                                                {"FromPort", 443},
                                                {"ToPort", 443},
                                                {"CidrIp", network.vpc.att("CidrBlock")},
                                                {"Description", "HTTPS from the VPC"}}}},
                            {"Tags", tags(p, "endpoints")}}});
        cfn::List subnets;
        for (const auto& subnet : network.private_subnets)
            subnets.push_back(subnet.ref());
        for (const auto& [id, service] : k_ssm_endpoints) {
            endpoints.push_back(t.add(
                id,
                {.type = "AWS::EC2::VPCEndpoint",
                 .properties = {{"VpcId", network.vpc.ref()},
                                {"ServiceName",
                                 cfn::sub(std::string("com.amazonaws.${AWS::Region}.") + service)},
                                {"VpcEndpointType", "Interface"},
                                {"PrivateDnsEnabled", true},
                                {"SubnetIds", subnets},
                                {"SecurityGroupIds", cfn::List{group.ref()}}}}));
        }
    }
    return endpoints;
}

}  // namespace emrctl::stacks
