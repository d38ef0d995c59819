#include <algorithm>

#include <emrctl/stacks/iam.hpp>
#include <emrctl/stacks/naming.hpp>
#include <emrctl/stacks/tags.hpp>

namespace emrctl::stacks {

namespace {

constexpr const char* k_service_role = "EmrServiceRole";
constexpr const char* k_instance_role = "EmrInstanceRole";
constexpr const char* k_instance_profile = "EmrInstanceProfile";
constexpr const char* k_notebook_role = "EmrNotebookRole";

cfn::Value managed_policy(const std::string& path) {
    return cfn::sub("arn:${AWS::Partition}:iam::aws:policy/" + path);
}

cfn::Map statement(const std::string& sid, std::vector<std::string> actions, cfn::List resources,
                   cfn::Map condition = {}) {
    cfn::Map s{{"Sid", sid},
               {"Effect", "Allow"},
               {"Action", cfn::strings(actions)},
               {"Resource", std::move(resources)}};
    if (!condition.empty()) s.emplace("Condition", std::move(condition));
    return s;
}

cfn::Map policy_document(cfn::List statements) {
    return {{"Version", "2012-10-17"}, {"Statement", std::move(statements)}};
}

// Trust for an AWS service, limited to calls made for this account (the confused-deputy guard
// the EMR guide recommends for elasticmapreduce).
cfn::Map trust(const std::string& service, bool source_guard) {
    cfn::Map s{{"Effect", "Allow"},
               {"Principal", cfn::Map{{"Service", service}}},
               {"Action", "sts:AssumeRole"}};
    if (source_guard) {
        s.emplace(
            "Condition",
            cfn::Map{{"StringEquals", cfn::Map{{"aws:SourceAccount", cfn::ref("AWS::AccountId")}}},
                     {"ArnLike", cfn::Map{{"aws:SourceArn",
                                           cfn::sub("arn:${AWS::Partition}:elasticmapreduce:"
                                                    "${AWS::Region}:${AWS::AccountId}:*")}}}});
    }
    return policy_document(cfn::List{std::move(s)});
}

cfn::List bucket_and_objects(const cfn::ResourceRef& bucket) {
    return {bucket.att("Arn"), cfn::sub("${" + bucket.id + ".Arn}/*")};
}

}  // namespace

std::vector<std::string> external_buckets(const config::Project& p) {
    std::vector<std::string> buckets;
    auto add = [&](const std::string& uri) {
        auto name = config::bucket_of(uri);
        if (!name.empty() && std::ranges::find(buckets, name) == buckets.end()) {
            buckets.push_back(std::move(name));
        }
    };
    for (const auto& b : p.existing_data_buckets)
        add(b);
    for (const auto& job : p.jobs) {
        if (job.script.starts_with("s3://")) add(job.script);
        if (job.data_uri) add(*job.data_uri);
    }
    for (const auto& script : p.cluster.bootstrap) {
        if (script.starts_with("s3://")) add(script);
    }
    return buckets;
}

IamRefs add_iam(cfn::Template& t, const config::Project& p, const StorageRefs& storage) {
    // EMR requires the instance profile to carry its role's name, so both are named; IAM names
    // are account-wide, hence the region.
    const auto instance_name = cfn::sub(p.name + "-emr-ec2-${AWS::Region}");

    cfn::List s3_statements{
        statement("ProjectDataReadWrite",
                  {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload",
                   "s3:ListMultipartUploadParts"},
                  cfn::List{cfn::sub("${" + storage.data_bucket.id + ".Arn}/*")}),
        statement("ProjectDataList", {"s3:ListBucket", "s3:GetBucketLocation"},
                  cfn::List{storage.data_bucket.att("Arn")}),
        statement("ClusterLogsWrite",
                  {"s3:PutObject", "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"},
                  bucket_and_objects(storage.logs_bucket)),
        // EMR's own tools on the nodes (the step runner, the log pusher) describe their cluster.
        statement("DescribeOwnCluster",
                  {"elasticmapreduce:DescribeCluster", "elasticmapreduce:ListBootstrapActions",
                   "elasticmapreduce:ListInstanceGroups", "elasticmapreduce:ListInstances",
                   "elasticmapreduce:ListSteps", "elasticmapreduce:DescribeStep"},
                  cfn::List{cfn::sub("arn:${AWS::Partition}:elasticmapreduce:${AWS::Region}:"
                                     "${AWS::AccountId}:cluster/*")}),
    };
    const auto external = external_buckets(p);
    if (!external.empty()) {
        cfn::List buckets;
        cfn::List objects;
        for (const auto& name : external) {
            buckets.push_back(cfn::sub("arn:${AWS::Partition}:s3:::" + name));
            objects.push_back(cfn::sub("arn:${AWS::Partition}:s3:::" + name + "/*"));
        }
        s3_statements.push_back(statement(
            "ExistingDataList", {"s3:ListBucket", "s3:GetBucketLocation"}, std::move(buckets)));
        s3_statements.push_back(
            statement("ExistingDataRead", {"s3:GetObject"}, std::move(objects)));
    }

    const auto instance_role = t.add(
        k_instance_role,
        {.type = "AWS::IAM::Role",
         .properties = {
             {"RoleName", instance_name},
             {"Description", "Nodes of the " + p.name + " EMR cluster"},
             {"AssumeRolePolicyDocument", trust("ec2.amazonaws.com", false)},
             {"ManagedPolicyArns", cfn::List{managed_policy("AmazonSSMManagedInstanceCore")}},
             {"Policies",
              cfn::List{cfn::Map{{"PolicyName", "project-data"},
                                 {"PolicyDocument", policy_document(std::move(s3_statements))}}}},
             {"Tags", tags(p, "")}}});
    const auto instance_profile =
        t.add(k_instance_profile, {.type = "AWS::IAM::InstanceProfile",
                                   .properties = {{"InstanceProfileName", instance_name},
                                                  {"Roles", cfn::List{instance_role.ref()}}}});

    // AmazonEMRServicePolicy_v2 may only pass roles named EMR_EC2_DefaultRole; ours is passed
    // by this statement.
    const auto service_role = t.add(
        k_service_role,
        {.type = "AWS::IAM::Role",
         .properties = {{"Description", "EMR service role of the " + p.name + " cluster"},
                        {"AssumeRolePolicyDocument", trust("elasticmapreduce.amazonaws.com", true)},
                        {"ManagedPolicyArns",
                         cfn::List{managed_policy("service-role/AmazonEMRServicePolicy_v2")}},
                        {"Policies",
                         cfn::List{cfn::Map{
                             {"PolicyName", "pass-instance-role"},
                             {"PolicyDocument",
                              policy_document(cfn::List{statement(
                                  "PassInstanceRole", {"iam:PassRole"},
                                  cfn::List{instance_role.att("Arn")},
                                  cfn::Map{{"StringLike", cfn::Map{{"iam:PassedToService",
                                                                    "ec2.amazonaws.com*"}}}})})}}}},
                        {"Tags", tags(p, "")}}});

    const auto notebook_role = t.add(
        k_notebook_role,
        {.type = "AWS::IAM::Role",
         .properties = {
             {"Description", "EMR Notebooks and Studio workspaces on the " + p.name + " cluster"},
             {"AssumeRolePolicyDocument", trust("elasticmapreduce.amazonaws.com", true)},
             {"ManagedPolicyArns",
              cfn::List{managed_policy("service-role/AmazonElasticMapReduceEditorsRole")}},
             {"Policies",
              cfn::List{
                  cfn::Map{{"PolicyName", "notebook-storage"},
                           {"PolicyDocument",
                            policy_document(cfn::List{statement(
                                "NotebookFiles",
                                {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket",
                                 "s3:GetBucketLocation", "s3:GetEncryptionConfiguration"},
                                bucket_and_objects(storage.data_bucket))})}}}},
             {"Tags", tags(p, "")}}});

    return {.service_role = service_role,
            .instance_role = instance_role,
            .instance_profile = instance_profile,
            .notebook_role = notebook_role};
}

}  // namespace emrctl::stacks
