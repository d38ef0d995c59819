#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <emrctl/aws/services/emr/clusters.hpp>
#include <emrctl/aws/services/emr/steps.hpp>

namespace emrctl::aws::emr {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;
using protocol::testing::header_of;

const auto k_endpoint = aws_endpoint("elasticmapreduce.eu-west-3.amazonaws.com");

TEST(DescribeCluster, TargetsTheOperation) {
    const auto request =
        make_describe_cluster_request({.cluster_id = "j-2AXXXXXXGAPLF"}, k_endpoint);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.path, "/");
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.DescribeCluster");
    EXPECT_EQ(header_of(request, "Content-Type"), "application/x-amz-json-1.1");
    EXPECT_EQ(request.body, R"({"ClusterId":"j-2AXXXXXXGAPLF"})");
}

TEST(DescribeCluster, ReadsStateAddressesAndNetwork) {
    const auto output = parse_describe_cluster_response(answer(200, R"({
  "Cluster": {
    "Id": "j-2AXXXXXXGAPLF",
    "Name": "siads516",
    "ClusterArn": "arn:aws:elasticmapreduce:eu-west-3:123456789012:cluster/j-2AXXXXXXGAPLF",
    "Status": {
      "State": "TERMINATED_WITH_ERRORS",
      "StateChangeReason": {"Code": "BOOTSTRAP_FAILURE", "Message": "On the master instance (i-0abc), bootstrap action 1 returned a non-zero return code"},
      "Timeline": {"CreationDateTime": 1700000000.123, "ReadyDateTime": 1700000420, "EndDateTime": 1.70000123E9}
    },
    "Ec2InstanceAttributes": {
      "Ec2SubnetId": "subnet-0123456789abcdef0",
      "RequestedEc2SubnetIds": ["subnet-0123456789abcdef0"],
      "Ec2AvailabilityZone": "eu-west-3a",
      "IamInstanceProfile": "siads516-emr-instance",
      "EmrManagedMasterSecurityGroup": "sg-0aaa",
      "EmrManagedSlaveSecurityGroup": "sg-0bbb",
      "ServiceAccessSecurityGroup": "sg-0ccc",
      "AdditionalMasterSecurityGroups": ["sg-0ddd"],
      "AdditionalSlaveSecurityGroups": []
    },
    "LogUri": "s3n://siads516-logs/emr/",
    "ReleaseLabel": "emr-7.14.0",
    "AutoTerminate": false,
    "TerminationProtected": true,
    "MasterPublicDnsName": "ec2-13-38-0-1.eu-west-3.compute.amazonaws.com",
    "NormalizedInstanceHours": 24,
    "Applications": [{"Name": "Spark", "Version": "3.5.5"}]
  }
})"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->id, "j-2AXXXXXXGAPLF");
    EXPECT_EQ(output->name, "siads516");
    EXPECT_EQ(output->state, "TERMINATED_WITH_ERRORS");
    EXPECT_EQ(output->state_change_reason.code, "BOOTSTRAP_FAILURE");
    EXPECT_EQ(output->state_change_reason.message,
              "On the master instance (i-0abc), bootstrap action 1 returned a non-zero return "
              "code");
    ASSERT_TRUE(output->timeline.created && output->timeline.ready && output->timeline.ended);
    EXPECT_EQ(output->timeline.created->time_since_epoch().count(), 1700000000123);
    EXPECT_EQ(output->timeline.ready->time_since_epoch().count(), 1700000420000);
    EXPECT_EQ(output->timeline.ended->time_since_epoch().count(), 1700001230000);
    EXPECT_EQ(output->log_uri, "s3n://siads516-logs/emr/");
    EXPECT_EQ(output->release_label, "emr-7.14.0");
    EXPECT_EQ(output->master_public_dns_name, "ec2-13-38-0-1.eu-west-3.compute.amazonaws.com");
    EXPECT_TRUE(output->termination_protected);
    EXPECT_EQ(output->normalized_instance_hours, 24);
    EXPECT_EQ(output->ec2.subnet_id, "subnet-0123456789abcdef0");
    EXPECT_EQ(output->ec2.availability_zone, "eu-west-3a");
    EXPECT_EQ(output->ec2.primary_security_group, "sg-0aaa");
    EXPECT_EQ(output->ec2.core_security_group, "sg-0bbb");
    EXPECT_EQ(output->ec2.service_access_security_group, "sg-0ccc");
    EXPECT_EQ(output->ec2.additional_primary_security_groups, std::vector<std::string>{"sg-0ddd"});
    EXPECT_TRUE(output->ec2.additional_core_security_groups.empty());
}

TEST(DescribeCluster, ToleratesMissingAndMistypedFields) {
    const auto output = parse_describe_cluster_response(answer(
        200,
        R"({"Cluster":{"Id":"j-1","Status":"RUNNING","NormalizedInstanceHours":1.5,"LogUri":7,"Ec2InstanceAttributes":[]}})"));
    ASSERT_TRUE(output);
    EXPECT_EQ(output->state, "");
    EXPECT_EQ(output->log_uri, "");
    EXPECT_FALSE(output->normalized_instance_hours);
    EXPECT_FALSE(output->timeline.created);
    const auto no_cluster = parse_describe_cluster_response(answer(200, "{}"));
    ASSERT_FALSE(no_cluster);
    EXPECT_EQ(no_cluster.error().aws->code, "MalformedResponse");
    const auto not_object = parse_describe_cluster_response(answer(200, "[1,2]"));
    ASSERT_FALSE(not_object);
    EXPECT_EQ(not_object.error().message,
              "emr DescribeCluster: MalformedResponse: the answer (HTTP 200) could not be read: "
              "not a JSON object");
}

TEST(DescribeCluster, ReportsTheServiceError) {
    const auto output = parse_describe_cluster_response(answer(
        400,
        R"({"__type":"com.amazonaws.elasticmapreduce#InvalidRequestException","ErrorCode":"NoSuchCluster","Message":"Cluster id 'j-NOPE' is not valid."})",
        {{"x-amzn-RequestId", "e-1"}}));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().message,
              "emr DescribeCluster: InvalidRequestException: Cluster id 'j-NOPE' is not valid. "
              "(request id e-1)");
}

TEST(ListClusters, FiltersByStateAndPages) {
    const auto request = make_list_clusters_request(
        {.states = {"STARTING", "RUNNING", "WAITING"}, .marker = "m-1"}, k_endpoint);
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.ListClusters");
    EXPECT_EQ(nlohmann::json::parse(request.body),
              nlohmann::json::parse(
                  R"({"ClusterStates":["STARTING","RUNNING","WAITING"],"Marker":"m-1"})"));
    const auto since = protocol::Timestamp{std::chrono::milliseconds{1700000000500}};
    const auto dated = make_list_clusters_request({.created_after = since}, k_endpoint);
    EXPECT_EQ(dated.body, R"({"CreatedAfter":1700000000.5})");
    EXPECT_EQ(make_list_clusters_request({}, k_endpoint).body, "{}");

    const auto output = parse_list_clusters_response(answer(200, R"({
  "Clusters": [
    {"Id": "j-1", "Name": "siads516", "ClusterArn": "arn:c1",
     "Status": {"State": "WAITING", "StateChangeReason": {"Message": "Cluster ready to run steps."},
                "Timeline": {"CreationDateTime": 1700000000}},
     "NormalizedInstanceHours": 8},
    "not a cluster",
    {"Id": "j-2", "Name": "old", "Status": {"State": "TERMINATED", "StateChangeReason": {"Code": "USER_REQUEST"}}}
  ],
  "Marker": "next-page"
})"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->clusters.size(), 2u);
    EXPECT_EQ(output->clusters[0].id, "j-1");
    EXPECT_EQ(output->clusters[0].state, "WAITING");
    EXPECT_EQ(output->clusters[0].state_change_reason.message, "Cluster ready to run steps.");
    EXPECT_EQ(output->clusters[0].normalized_instance_hours, 8);
    EXPECT_EQ(output->clusters[1].state_change_reason.code, "USER_REQUEST");
    EXPECT_EQ(output->marker, "next-page");

    const auto empty = parse_list_clusters_response(answer(200, R"({"Clusters":[]})"));
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->clusters.empty());
    EXPECT_EQ(empty->marker, "");
}

TEST(TerminateJobFlows, SendsTheIdsAndAcceptsAnEmptyAnswer) {
    const auto request =
        make_terminate_job_flows_request({.cluster_ids = {"j-1", "j-2"}}, k_endpoint);
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.TerminateJobFlows");
    EXPECT_EQ(request.body, R"({"JobFlowIds":["j-1","j-2"]})");
    EXPECT_TRUE(parse_terminate_job_flows_response(answer(200, "")));
    EXPECT_TRUE(parse_terminate_job_flows_response(answer(200, "{}")));
}

TEST(AddJobFlowSteps, SendsASparkSubmitThroughCommandRunner) {
    const auto request = make_add_job_flow_steps_request(
        AddJobFlowStepsInput{
            .cluster_id = "j-1",
            .steps = {StepConfig{
                .name = "pi",
                .action_on_failure = ActionOnFailure::cancel_and_wait,
                .hadoop_jar_step = {.args = {"spark-submit", "--deploy-mode", "cluster",
                                             "s3://siads516-code/jobs/pi.py", "--rows", "1e6"}}}}},
        k_endpoint);
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.AddJobFlowSteps");
    EXPECT_EQ(nlohmann::json::parse(request.body), nlohmann::json::parse(R"({
  "JobFlowId": "j-1",
  "Steps": [{
    "Name": "pi",
    "ActionOnFailure": "CANCEL_AND_WAIT",
    "HadoopJarStep": {"Jar": "command-runner.jar",
                      "Args": ["spark-submit", "--deploy-mode", "cluster", "s3://siads516-code/jobs/pi.py", "--rows", "1e6"]}
  }]
})"));
    const auto with_role = make_add_job_flow_steps_request(
        AddJobFlowStepsInput{
            .cluster_id = "j-1",
            .steps = {StepConfig{.name = "x",
                                 .action_on_failure = ActionOnFailure::terminate_cluster,
                                 .hadoop_jar_step = {.jar = "s3://b/app.jar",
                                                     .main_class = "Main",
                                                     .properties = {{"k", "v"}}}},
                      StepConfig{.name = "y"}},
            .execution_role_arn = "arn:aws:iam::1:role/r"},
        k_endpoint);
    const auto body = nlohmann::json::parse(with_role.body);
    EXPECT_EQ(body["ExecutionRoleArn"], "arn:aws:iam::1:role/r");
    EXPECT_EQ(body["Steps"][0]["ActionOnFailure"], "TERMINATE_CLUSTER");
    EXPECT_EQ(
        body["Steps"][0]["HadoopJarStep"],
        nlohmann::json::parse(
            R"({"Jar":"s3://b/app.jar","MainClass":"Main","Args":[],"Properties":[{"Key":"k","Value":"v"}]})"));
    EXPECT_EQ(body["Steps"][1]["ActionOnFailure"], "CONTINUE");

    const auto output =
        parse_add_job_flow_steps_response(answer(200, R"({"StepIds":["s-1ABC","s-2DEF"]})"));
    ASSERT_TRUE(output);
    EXPECT_EQ(output->step_ids, (std::vector<std::string>{"s-1ABC", "s-2DEF"}));
}

constexpr auto k_failed_step = R"({
  "Id": "s-1XXXXXXXXXXA",
  "Name": "pi",
  "Config": {"Jar": "command-runner.jar", "Properties": {}, "Args": ["spark-submit", "s3://siads516-code/jobs/pi.py"]},
  "ActionOnFailure": "CONTINUE",
  "Status": {
    "State": "FAILED",
    "StateChangeReason": {},
    "FailureDetails": {"Reason": "Unknown Error.", "Message": "Exception in thread \"main\" org.apache.spark.SparkException", "LogFile": "s3://siads516-logs/emr/j-1/steps/s-1XXXXXXXXXXA/stderr.gz"},
    "Timeline": {"CreationDateTime": 1700000100.0, "StartDateTime": 1700000160.5, "EndDateTime": 1700000200}
  }
})";

TEST(DescribeStep, ReadsAFailedStep) {
    const auto request =
        make_describe_step_request({.cluster_id = "j-1", .step_id = "s-1XXXXXXXXXXA"}, k_endpoint);
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.DescribeStep");
    EXPECT_EQ(request.body, R"({"ClusterId":"j-1","StepId":"s-1XXXXXXXXXXA"})");
    const auto output =
        parse_describe_step_response(answer(200, std::string(R"({"Step":)") + k_failed_step + "}"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->id, "s-1XXXXXXXXXXA");
    EXPECT_EQ(output->state, "FAILED");
    EXPECT_EQ(output->action_on_failure, "CONTINUE");
    EXPECT_EQ(output->jar, "command-runner.jar");
    EXPECT_EQ(output->args,
              (std::vector<std::string>{"spark-submit", "s3://siads516-code/jobs/pi.py"}));
    ASSERT_TRUE(output->failure);
    EXPECT_EQ(output->failure->reason, "Unknown Error.");
    EXPECT_EQ(output->failure->log_file,
              "s3://siads516-logs/emr/j-1/steps/s-1XXXXXXXXXXA/stderr.gz");
    ASSERT_TRUE(output->timeline.started);
    EXPECT_EQ(output->timeline.started->time_since_epoch().count(), 1700000160500);
}

TEST(DescribeStep, ReadsAPendingStepWithoutFailure) {
    const auto output = parse_describe_step_response(answer(
        200,
        R"({"Step":{"Id":"s-2","Name":"wc","Status":{"State":"PENDING","Timeline":{"CreationDateTime":1700000000}}}})"));
    ASSERT_TRUE(output);
    EXPECT_EQ(output->state, "PENDING");
    EXPECT_FALSE(output->failure);
    EXPECT_FALSE(output->timeline.started);
}

TEST(ListSteps, FiltersAndPages) {
    const auto request = make_list_steps_request(
        {.cluster_id = "j-1", .states = {"RUNNING"}, .step_ids = {"s-1"}, .marker = "m"},
        k_endpoint);
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.ListSteps");
    EXPECT_EQ(
        nlohmann::json::parse(request.body),
        nlohmann::json::parse(
            R"({"ClusterId":"j-1","StepStates":["RUNNING"],"StepIds":["s-1"],"Marker":"m"})"));
    const auto output = parse_list_steps_response(
        answer(200, std::string(R"({"Steps":[)") + k_failed_step + R"(],"Marker":"more"})"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->steps.size(), 1u);
    EXPECT_EQ(output->steps[0].state, "FAILED");
    EXPECT_EQ(output->marker, "more");
    const auto empty = parse_list_steps_response(answer(200, R"({"Steps":[]})"));
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->steps.empty());
}

TEST(CancelSteps, SendsTheStepsAndReadsEachAnswer) {
    const auto request =
        make_cancel_steps_request({.cluster_id = "j-1", .step_ids = {"s-1", "s-2"}}, k_endpoint);
    EXPECT_EQ(header_of(request, "X-Amz-Target"), "ElasticMapReduce.CancelSteps");
    EXPECT_EQ(nlohmann::json::parse(request.body), nlohmann::json::parse(R"({
  "ClusterId": "j-1", "StepIds": ["s-1", "s-2"], "StepCancellationOption": "SEND_INTERRUPT"})"));
    const auto terminate =
        make_cancel_steps_request({.cluster_id = "j-1",
                                   .step_ids = {"s-1"},
                                   .option = StepCancellationOption::terminate_process},
                                  k_endpoint);
    EXPECT_EQ(nlohmann::json::parse(terminate.body)["StepCancellationOption"], "TERMINATE_PROCESS");

    const auto output = parse_cancel_steps_response(answer(200, R"({"CancelStepsInfoList": [
  {"StepId": "s-1", "Status": "SUBMITTED", "Reason": ""},
  {"StepId": "s-2", "Status": "FAILED", "Reason": "Step s-2 is already in a final state"}]})"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->steps.size(), 2u);
    EXPECT_EQ(output->steps[0].step_id, "s-1");
    EXPECT_EQ(output->steps[0].status, "SUBMITTED");
    EXPECT_EQ(output->steps[1].status, "FAILED");
    EXPECT_EQ(output->steps[1].reason, "Step s-2 is already in a final state");
    const auto empty = parse_cancel_steps_response(answer(200, "{}"));
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->steps.empty());
}

TEST(CancelSteps, ReportsTheServiceError) {
    const auto output = parse_cancel_steps_response(answer(
        400,
        R"({"__type": "InvalidRequestException", "Message": "Cluster id 'j-9' is not valid."})"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().kind, ErrorKind::aws);
    ASSERT_TRUE(output.error().aws);
    EXPECT_EQ(output.error().aws->code, "InvalidRequestException");
}

}  // namespace
}  // namespace emrctl::aws::emr
