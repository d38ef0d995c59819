#include <emrctl/config/validate.hpp>
#include <emrctl/stacks/naming.hpp>
#include <emrctl/stacks/network.hpp>
#include <emrctl/stacks/tags.hpp>
#include <emrctl/util/cidr.hpp>

namespace emrctl::stacks {

namespace {

constexpr const char* k_vpc = "Vpc";
constexpr const char* k_internet_gateway = "InternetGateway";
constexpr const char* k_gateway_attachment = "InternetGatewayAttachment";
constexpr const char* k_public_route_table = "PublicRouteTable";
constexpr const char* k_public_default_route = "PublicDefaultRoute";

std::string indexed(const char* base, int i) {
    return base + std::to_string(i + 1);
}

cfn::Value az(int i) {
    return cfn::select(i, cfn::get_azs());
}

}  // namespace

NetworkRefs add_network(cfn::Template& t, const config::Project& p) {
    const auto cidr = *util::parse_cidr(p.network.cidr);
    const int azs = p.network.azs;
    const int subnet_prefix = config::subnet_prefix(cidr.prefix, 2 * azs);
    const auto subnet_cidr = [&](int index) {
        return cidr.subnet(static_cast<std::uint32_t>(index), subnet_prefix).to_string();
    };
    const std::vector<std::pair<std::string, std::string>> emr_tag{{k_emr_managed_tag, "true"}};

    NetworkRefs refs{.vpc = t.add(k_vpc, {.type = "AWS::EC2::VPC",
                                          .properties = {{"CidrBlock", p.network.cidr},
                                                         {"EnableDnsHostnames", true},
                                                         {"EnableDnsSupport", true},
                                                         {"Tags", tags(p, "vpc")}}})};
    const auto igw = t.add(k_internet_gateway, {.type = "AWS::EC2::InternetGateway",
                                                .properties = {{"Tags", tags(p, "igw")}}});
    const auto attachment =
        t.add(k_gateway_attachment,
              {.type = "AWS::EC2::VPCGatewayAttachment",
               .properties = {{"VpcId", refs.vpc.ref()}, {"InternetGatewayId", igw.ref()}}});

    const auto public_table =
        t.add(k_public_route_table,
              {.type = "AWS::EC2::RouteTable",
               .properties = {{"VpcId", refs.vpc.ref()}, {"Tags", tags(p, "public")}}});
    t.add(k_public_default_route, {.type = "AWS::EC2::Route",
                                   .properties = {{"RouteTableId", public_table.ref()},
                                                  {"DestinationCidrBlock", "0.0.0.0/0"},
                                                  {"GatewayId", igw.ref()}},
                                   .depends_on = {attachment.id}});

    // Subnets are numbered across the block: public ones first, then private ones.
    std::vector<cfn::ResourceRef> nats;
    for (int i = 0; i < azs; ++i) {
        const auto name = "public-" + std::to_string(i + 1);
        const auto subnet =
            t.add(indexed("PublicSubnet", i), {.type = "AWS::EC2::Subnet",
                                               .properties = {{"VpcId", refs.vpc.ref()},
                                                              {"CidrBlock", subnet_cidr(i)},
                                                              {"AvailabilityZone", az(i)},
                                                              {"MapPublicIpOnLaunch", false},
                                                              {"Tags", tags(p, name, emr_tag)}}});
        refs.public_subnets.push_back(subnet);
        t.add(indexed("PublicSubnetRouteTableAssociation", i),
              {.type = "AWS::EC2::SubnetRouteTableAssociation",
               .properties = {{"SubnetId", subnet.ref()}, {"RouteTableId", public_table.ref()}}});
        if (i == 0 || p.network.nat == config::NatGateways::per_az) {
            const auto eip = t.add(indexed("NatAddress", i),
                                   {.type = "AWS::EC2::EIP",
                                    .properties = {{"Domain", "vpc"}, {"Tags", tags(p, "nat")}},
                                    .depends_on = {attachment.id}});
            nats.push_back(
                t.add(indexed("NatGateway", i),
                      {.type = "AWS::EC2::NatGateway",
                       .properties = {{"AllocationId", eip.att("AllocationId")},
                                      {"SubnetId", subnet.ref()},
                                      {"Tags", tags(p, "nat-" + std::to_string(i + 1))}}}));
        }
    }
    for (int i = 0; i < azs; ++i) {
        const auto name = "private-" + std::to_string(i + 1);
        const auto subnet =
            t.add(indexed("PrivateSubnet", i), {.type = "AWS::EC2::Subnet",
                                                .properties = {{"VpcId", refs.vpc.ref()},
                                                               {"CidrBlock", subnet_cidr(azs + i)},
                                                               {"AvailabilityZone", az(i)},
                                                               {"MapPublicIpOnLaunch", false},
                                                               {"Tags", tags(p, name, emr_tag)}}});
        const auto table =
            t.add(indexed("PrivateRouteTable", i),
                  {.type = "AWS::EC2::RouteTable",
                   .properties = {{"VpcId", refs.vpc.ref()}, {"Tags", tags(p, name)}}});
        const auto& nat = nats[nats.size() == 1 ? 0 : static_cast<std::size_t>(i)];
        refs.private_default_routes.push_back(
            t.add(indexed("PrivateDefaultRoute", i),
                  {.type = "AWS::EC2::Route",
                   .properties = {{"RouteTableId", table.ref()},
                                  {"DestinationCidrBlock", "0.0.0.0/0"},
                                  {"NatGatewayId", nat.ref()}}}));
        t.add(indexed("PrivateSubnetRouteTableAssociation", i),
              {.type = "AWS::EC2::SubnetRouteTableAssociation",
               .properties = {{"SubnetId", subnet.ref()}, {"RouteTableId", table.ref()}}});
        refs.private_subnets.push_back(subnet);
        refs.private_route_tables.push_back(table);
    }
    return refs;
}

}  // namespace emrctl::stacks
