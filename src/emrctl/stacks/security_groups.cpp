#include <emrctl/config/releases.hpp>
#include <emrctl/stacks/naming.hpp>
#include <emrctl/stacks/security_groups.hpp>
#include <emrctl/stacks/tags.hpp>

namespace emrctl::stacks {

namespace {

constexpr const char* k_primary = "EmrPrimarySecurityGroup";
constexpr const char* k_core = "EmrCoreSecurityGroup";
constexpr const char* k_service_access = "EmrServiceAccessSecurityGroup";

struct Ports {
    const char* protocol;
    int from;
    int to;
    const char* label;
};

// "All ICMP, all TCP, all UDP": how EMR opens its node groups to each other.
constexpr std::array<Ports, 3> k_all_traffic{
    {{"icmp", -1, -1, "ICMP"}, {"tcp", 0, 65535, "TCP"}, {"udp", 0, 65535, "UDP"}}};

cfn::Map rule(const Ports& ports, const std::string& description) {
    return {{"IpProtocol", ports.protocol},
            {"FromPort", ports.from},
            {"ToPort", ports.to},
            {"Description", description}};
}

class Rules {
  public:
    Rules(cfn::Template& t, std::vector<cfn::ResourceRef>& out) : m_t(t), m_out(out) {}

    void ingress(const std::string& id, const cfn::ResourceRef& group, const cfn::ResourceRef& from,
                 const Ports& ports, const std::string& description) {
        auto props = rule(ports, description);
        props.emplace("GroupId", group.ref());
        props.emplace("SourceSecurityGroupId", from.ref());
        m_out.push_back(
            m_t.add(id, {.type = "AWS::EC2::SecurityGroupIngress", .properties = props}));
    }

    void egress(const std::string& id, const cfn::ResourceRef& group, const cfn::ResourceRef& to,
                const Ports& ports, const std::string& description) {
        auto props = rule(ports, description);
        props.emplace("GroupId", group.ref());
        props.emplace("DestinationSecurityGroupId", to.ref());
        m_out.push_back(
            m_t.add(id, {.type = "AWS::EC2::SecurityGroupEgress", .properties = props}));
    }

  private:
    cfn::Template& m_t;
    std::vector<cfn::ResourceRef>& m_out;
};

cfn::ResourceRef add_group(cfn::Template& t, const config::Project& p, const NetworkRefs& network,
                           const char* id, const std::string& description, const std::string& name,
                           cfn::List egress) {
    cfn::Map props{{"GroupDescription", description},
                   {"VpcId", network.vpc.ref()},
                   {"Tags", tags(p, name, {{k_emr_managed_tag, "true"}})}};
    if (!egress.empty()) props.emplace("SecurityGroupEgress", std::move(egress));
    return t.add(id, {.type = "AWS::EC2::SecurityGroup", .properties = std::move(props)});
}

}  // namespace

EmrSecurityGroups add_emr_security_groups(cfn::Template& t, const config::Project& p,
                                          const NetworkRefs& network) {
    // A group created with no egress rules gets "allow all"; the service access group must have
    // only its two 8443 rules, so it starts from a rule that matches nothing (ICMP type 252,
    // code 86 to the broadcast address) and gets the real ones below.
    const cfn::List no_egress{cfn::Map{{"IpProtocol", "icmp"},
                                       {"FromPort", 252},
                                       {"ToPort", 86},
                                       {"CidrIp", "255.255.255.255/32"},
                                       {"Description", "Disallow all traffic"}}};
    EmrSecurityGroups groups{
        .primary = add_group(t, p, network, k_primary, "EMR primary node (private subnet)",
                             "emr-primary", {}),
        .core = add_group(t, p, network, k_core, "EMR core and task nodes (private subnet)",
                          "emr-core", {}),
        .service_access = add_group(t, p, network, k_service_access,
                                    "EMR service access to a cluster in a private subnet",
                                    "emr-service-access", no_egress),
    };
    Rules rules(t, groups.rules);
    const auto& [primary, core, service] =
        std::tie(groups.primary, groups.core, groups.service_access);
    for (const auto& ports : k_all_traffic) {
        const std::string proto = ports.label;
        rules.ingress("PrimaryFromPrimary" + proto, primary, primary, ports,
                      "All " + proto + " within the primary group");
        rules.ingress("PrimaryFromCore" + proto, primary, core, ports,
                      "All " + proto + " from core and task nodes");
        rules.ingress("CoreFromCore" + proto, core, core, ports,
                      "All " + proto + " within the core group");
        rules.ingress("CoreFromPrimary" + proto, core, primary, ports,
                      "All " + proto + " from the primary node");
    }
    const Ports cluster_manager{"tcp", 8443, 8443, "8443"};
    const Ports service_port{"tcp", 9443, 9443, "9443"};
    rules.ingress("PrimaryFromServiceAccess", primary, service, cluster_manager,
                  "EMR cluster manager to the primary node");
    rules.ingress("CoreFromServiceAccess", core, service, cluster_manager,
                  "EMR cluster manager to core and task nodes");
    rules.ingress("ServiceAccessFromPrimary", service, primary, service_port,
                  "Primary node to the EMR service (required from emr-5.30.0)");
    rules.egress("ServiceAccessToPrimary", service, primary, cluster_manager,
                 "EMR cluster manager to the primary node");
    rules.egress("ServiceAccessToCore", service, core, cluster_manager,
                 "EMR cluster manager to core and task nodes");
    if (config::is_spark_runtime(p.cluster.release)) {
        // From emr-spark-8.0.0 the service access group guards EMR's VPC endpoint: HTTPS in from
        // the VPC.
        auto props = rule({"tcp", 443, 443, "443"}, "Nodes to the EMR service endpoint");
        props.emplace("GroupId", service.ref());
        props.emplace("CidrIp", network.vpc.att("CidrBlock"));
        groups.rules.push_back(
            t.add("ServiceAccessFromVpcHttps",
                  {.type = "AWS::EC2::SecurityGroupIngress", .properties = props}));
    }
    return groups;
}

}  // namespace emrctl::stacks
