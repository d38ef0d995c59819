#include <emrctl/stacks/cluster.hpp>
#include <emrctl/stacks/emr_stack.hpp>
#include <emrctl/stacks/endpoints.hpp>
#include <emrctl/stacks/iam.hpp>
#include <emrctl/stacks/naming.hpp>
#include <emrctl/stacks/network.hpp>
#include <emrctl/stacks/security_groups.hpp>
#include <emrctl/stacks/storage.hpp>

namespace emrctl::stacks {

namespace {

cfn::Value joined_refs(const std::vector<cfn::ResourceRef>& refs) {
    cfn::List ids;
    for (const auto& r : refs)
        ids.push_back(r.ref());
    return cfn::join(",", std::move(ids));
}

void add_outputs(cfn::Template& t, const config::Project& p, const NetworkRefs& network,
                 const StorageRefs& storage, const IamRefs& iam, const cfn::ResourceRef& cluster) {
    auto output = [&](const std::string& id, cfn::Value value, std::string description) {
        t.add_output(id, {.value = std::move(value),
                          .description = std::move(description),
                          .export_name = export_name(p, id)});
    };
    output("VpcId", network.vpc.ref(), "The VPC");
    output("PublicSubnetIds", joined_refs(network.public_subnets), "Public subnets, one per AZ");
    output("PrivateSubnetIds", joined_refs(network.private_subnets),
           "Private subnets, one per AZ; the cluster runs in the first");
    output("DataBucketName", storage.data_bucket.ref(), "Code, data and job outputs");
    output("DataBucketArn", storage.data_bucket.att("Arn"), "Code, data and job outputs");
    output("LogsBucketName", storage.logs_bucket.ref(), "EMR cluster and step logs");
    output("LogsBucketArn", storage.logs_bucket.att("Arn"), "EMR cluster and step logs");
    output(k_cluster_id_output, cluster.ref(), "The EMR cluster (j-...)");
    output("InstanceRoleArn", iam.instance_role.att("Arn"), "Role of the cluster's nodes");
    output("NotebookRoleArn", iam.notebook_role.att("Arn"),
           "Service role for EMR Notebooks and Studio workspaces");
}

Stack emr_on_ec2_stack(const config::Project& p) {
    cfn::Template t("emrctl " + p.name + ": Spark on EMR on EC2 (" + p.cluster.release +
                    ") in a private subnet, with its VPC, buckets and roles");
    const auto network = add_network(t, p);
    const auto endpoints = add_endpoints(t, p, network);
    const auto security_groups = add_emr_security_groups(t, p, network);
    const auto storage = add_storage(t, p);
    const auto iam = add_iam(t, p, storage);
    const auto cluster = add_cluster(t, p,
                                     {.network = network,
                                      .security_groups = security_groups,
                                      .storage = storage,
                                      .iam = iam,
                                      .endpoints = endpoints});
    add_outputs(t, p, network, storage, iam, cluster);
    return {emr_stack_name(p), std::move(t)};
}

}  // namespace

std::vector<Stack> synthesize(const config::Project& p) {
    std::vector<Stack> stacks;
    stacks.push_back(emr_on_ec2_stack(p));
    return stacks;
}

}  // namespace emrctl::stacks
