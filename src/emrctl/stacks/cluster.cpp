#include <emrctl/config/bucket_layout.hpp>
#include <emrctl/config/choices.hpp>
#include <emrctl/stacks/assets.hpp>
#include <emrctl/stacks/cluster.hpp>
#include <emrctl/stacks/naming.hpp>
#include <emrctl/stacks/tags.hpp>

namespace emrctl::stacks {

namespace {

constexpr const char* k_cluster = "EmrCluster";

cfn::Map instance_group(const std::string& name, const config::InstanceGroup& g, int count) {
    // SPOT without a BidPrice caps the price at the on-demand price.
    return {{"Name", name},
            {"InstanceType", g.type},
            {"InstanceCount", count},
            {"Market", std::string(config::name_of(config::k_market_choices, g.market))}};
}

cfn::List bootstrap_actions(const config::Project& p, const StorageRefs& storage) {
    cfn::List actions;
    for (const auto& script : p.cluster.bootstrap) {
        const cfn::Value path = script.starts_with("s3://")
                                    ? cfn::Value(script)
                                    : cfn::sub("s3://${" + storage.data_bucket.id + "}/" +
                                               config::bootstrap_key(script));
        actions.push_back(cfn::Map{{"Name", config::base_name(script)},
                                   {"ScriptBootstrapAction", cfn::Map{{"Path", path}}}});
    }
    // Last, so that the user's scripts can install what building the packages needs.
    if (p.requirements) {
        const auto in_bucket = [&](const std::string& key) {
            return cfn::sub("s3://${" + storage.data_bucket.id + "}/" + key);
        };
        actions.push_back(cfn::Map{{"Name", "emrctl-requirements"},
                                   {"ScriptBootstrapAction",
                                    cfn::Map{{"Path", in_bucket(k_requirements_script_key)},
                                             {"Args", cfn::List{in_bucket(k_requirements_key)}}}}});
    }
    return actions;
}

cfn::List applications(const config::Project& p) {
    cfn::List apps;
    for (const auto& name : p.cluster.applications)
        apps.push_back(cfn::Map{{"Name", name}});
    return apps;
}

}  // namespace

cfn::ResourceRef add_cluster(cfn::Template& t, const config::Project& p, const ClusterInputs& in) {
    cfn::Map instances{
        {"Ec2SubnetId", in.network.private_subnets.front().ref()},
        {"EmrManagedMasterSecurityGroup", in.security_groups.primary.ref()},
        {"EmrManagedSlaveSecurityGroup", in.security_groups.core.ref()},
        {"ServiceAccessSecurityGroup", in.security_groups.service_access.ref()},
        {"MasterInstanceGroup", instance_group("Primary", p.cluster.primary, 1)},
        // Jobs arrive as steps after the cluster is up: keep it alive between them; the idle
        // timeout ends it.
        {"KeepJobFlowAliveWhenNoSteps", true},
        {"TerminationProtected", false},
    };
    if (p.cluster.core.count > 0) {
        instances.emplace("CoreInstanceGroup",
                          instance_group("Core", p.cluster.core, p.cluster.core.count));
    }

    // Nodes boot only once they can reach S3 and the EMR service, and EMR checks the security
    // group rules at launch.
    std::vector<std::string> depends_on;
    for (const auto& r : in.network.private_default_routes)
        depends_on.push_back(r.id);
    for (const auto& r : in.endpoints)
        depends_on.push_back(r.id);
    for (const auto& r : in.security_groups.rules)
        depends_on.push_back(r.id);
    for (const auto& r : in.storage.policies)
        depends_on.push_back(r.id);

    // The generation is part of the name, which CloudFormation cannot change in place: a new
    // generation replaces the cluster.
    t.add_parameter(
        k_cluster_generation_parameter,
        {.type = "String",
         .default_value = "1",
         .description = "Generation of the EMR cluster, part of its name. emrctl deploy "
                        "raises it when the cluster has ended (auto-terminated when "
                        "idle), so that CloudFormation replaces it with a new one."});
    const auto name = cfn::sub(p.name + "-${" + std::string(k_cluster_generation_parameter) + "}");

    return t.add(
        k_cluster,
        {.type = "AWS::EMR::Cluster",
         .properties = {{"Name", name},
                        {"ReleaseLabel", p.cluster.release},
                        {"Applications", applications(p)},
                        {"Instances", std::move(instances)},
                        {"JobFlowRole", in.iam.instance_profile.ref()},
                        {"ServiceRole", in.iam.service_role.ref()},
                        {"LogUri", cfn::sub("s3://${" + in.storage.logs_bucket.id + "}/")},
                        {"BootstrapActions", bootstrap_actions(p, in.storage)},
                        {"Configurations",
                         cfn::List{cfn::Map{
                             {"Classification", "spark-env"},
                             {"Configurations",
                              cfn::List{cfn::Map{
                                  {"Classification", "export"},
                                  {"ConfigurationProperties",
                                   cfn::Map{{"PYSPARK_PYTHON", "/usr/bin/python3"}}}}}}}}},
                        {"AutoTerminationPolicy",
                         cfn::Map{{"IdleTimeout",
                                   static_cast<std::int64_t>(p.cluster.idle_timeout.count())}}},
                        {"VisibleToAllUsers", true},
                        {"Tags", tags(p, "cluster", {{k_emr_managed_tag, "true"}})}},
         .depends_on = std::move(depends_on),
         // Deleting the cluster loses nothing: jobs write their outputs and logs to S3.
         .deletion_policy = cfn::DeletionPolicy::remove,
         .update_replace_policy = cfn::DeletionPolicy::remove});
}

}  // namespace emrctl::stacks
