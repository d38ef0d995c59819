#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/cloudformation/get_template.hpp>
#include <emrctl/aws/services/cloudformation/stack_events.hpp>
#include <emrctl/aws/services/cloudformation/stack_resources.hpp>
#include <emrctl/aws/services/cloudformation/stacks.hpp>

namespace emrctl::aws::cloudformation {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;

const auto k_endpoint = aws_endpoint("cloudformation.eu-west-3.amazonaws.com");

constexpr auto k_missing_stack =
    R"(<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <Error><Type>Sender</Type><Code>ValidationError</Code>
    <Message>Stack with id siads516-emr does not exist</Message></Error>
  <RequestId>b9b4b068-3a41-11e5-94eb-EXAMPLE</RequestId>
</ErrorResponse>)";

TEST(DescribeStacks, SendsTheNameOnlyWhenGiven) {
    EXPECT_EQ(make_describe_stacks_request({.stack_name = "siads516-emr"}, k_endpoint).body,
              "Action=DescribeStacks&Version=2010-05-15&StackName=siads516-emr");
    EXPECT_EQ(make_describe_stacks_request({.next_token = "abc"}, k_endpoint).body,
              "Action=DescribeStacks&Version=2010-05-15&NextToken=abc");
}

TEST(DescribeStacks, ReadsStatusOutputsAndExports) {
    const auto output = parse_describe_stacks_response(answer(200, R"(
<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStacksResult>
    <Stacks>
      <member>
        <StackName>siads516-emr</StackName>
        <StackId>arn:aws:cloudformation:eu-west-3:123456789012:stack/siads516-emr/3c4d</StackId>
        <Description><![CDATA[emrctl: EMR cluster & jobs]]></Description>
        <CreationTime>2023-11-14T22:13:20.000Z</CreationTime>
        <LastUpdatedTime>2023-11-15T08:00:00.250Z</LastUpdatedTime>
        <StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus>
        <StackStatusReason>The following resource(s) failed to update: [Cluster]. </StackStatusReason>
        <Parameters>
          <member><ParameterKey>Release</ParameterKey><ParameterValue>emr-7.14.0</ParameterValue></member>
        </Parameters>
        <Outputs>
          <member>
            <OutputKey>ClusterId</OutputKey>
            <OutputValue>j-2AXXXXXXGAPLF</OutputValue>
            <Description>The EMR cluster</Description>
            <ExportName>siads516-ClusterId</ExportName>
          </member>
          <member><OutputKey>LogUri</OutputKey><OutputValue>s3://siads516-logs/emr/</OutputValue></member>
        </Outputs>
        <Tags><member><Key>emrctl:project</Key><Value>siads516</Value></member></Tags>
        <DisableRollback>false</DisableRollback>
      </member>
    </Stacks>
  </DescribeStacksResult>
  <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
</DescribeStacksResponse>)"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->stacks.size(), 1u);
    const auto& stack = output->stacks[0];
    EXPECT_EQ(stack.stack_name, "siads516-emr");
    EXPECT_EQ(stack.status, "UPDATE_ROLLBACK_COMPLETE");
    EXPECT_EQ(stack.status_reason, "The following resource(s) failed to update: [Cluster]. ");
    EXPECT_EQ(stack.description, "emrctl: EMR cluster & jobs");
    ASSERT_TRUE(stack.last_updated_time);
    EXPECT_EQ(stack.last_updated_time->time_since_epoch().count(), 1700035200250);
    ASSERT_EQ(stack.outputs.size(), 2u);
    EXPECT_EQ(stack.outputs[0].key, "ClusterId");
    EXPECT_EQ(stack.outputs[0].value, "j-2AXXXXXXGAPLF");
    EXPECT_EQ(stack.outputs[0].description, "The EMR cluster");
    EXPECT_EQ(stack.outputs[0].export_name, "siads516-ClusterId");
    EXPECT_EQ(stack.outputs[1].export_name, "");
    ASSERT_EQ(stack.tags.size(), 1u);
    EXPECT_EQ(stack.tags[0].key, "emrctl:project");
    EXPECT_EQ(stack.parameters[0].key, "Release");
    EXPECT_EQ(output->next_token, "");
}

TEST(DescribeStacks, ReadsAMissingStackAsNoStacks) {
    const auto output = parse_describe_stacks_response(answer(400, k_missing_stack));
    ASSERT_TRUE(output);
    EXPECT_TRUE(output->stacks.empty());
}

TEST(DescribeStacks, KeepsOtherValidationErrors) {
    const auto output = parse_describe_stacks_response(answer(400, R"(<ErrorResponse><Error>
<Code>ValidationError</Code><Message>1 validation error detected: Value 'a b' at 'stackName' failed to satisfy constraint</Message>
</Error><RequestId>r</RequestId></ErrorResponse>)"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().aws->code, "ValidationError");
}

TEST(DescribeStacks, ReadsAnEmptyPageWithAToken) {
    const auto output = parse_describe_stacks_response(
        answer(200,
               "<DescribeStacksResponse><DescribeStacksResult><Stacks/><NextToken>t2"
               "</NextToken></DescribeStacksResult></DescribeStacksResponse>"));
    ASSERT_TRUE(output);
    EXPECT_TRUE(output->stacks.empty());
    EXPECT_EQ(output->next_token, "t2");
}

TEST(IsStackMissing, MatchesOnlyTheDoesNotExistValidationError) {
    const auto missing = parse_describe_stack_events_response(answer(400, k_missing_stack));
    ASSERT_FALSE(missing);
    EXPECT_TRUE(is_stack_missing(missing.error()));
    EXPECT_EQ(missing.error().message,
              "cloudformation DescribeStackEvents: ValidationError: Stack with id siads516-emr "
              "does not exist (request id b9b4b068-3a41-11e5-94eb-EXAMPLE)");
    Error other = missing.error();
    other.aws->code = "AccessDenied";
    EXPECT_FALSE(is_stack_missing(other));
    EXPECT_FALSE(is_stack_missing(Error{.kind = ErrorKind::network, .message = "x"}));
}

TEST(DeleteStack, SendsRetainedResourcesAndToken) {
    const auto request =
        make_delete_stack_request(DeleteStackInput{.stack_name = "siads516-storage",
                                                   .retain_resources = {"DataBucket", "LogsBucket"},
                                                   .client_token = "emrctl-destroy-1"},
                                  k_endpoint);
    EXPECT_EQ(request.body,
              "Action=DeleteStack&Version=2010-05-15&StackName=siads516-storage&"
              "RetainResources.member.1=DataBucket&RetainResources.member.2=LogsBucket&"
              "ClientRequestToken=emrctl-destroy-1");
    EXPECT_EQ(make_delete_stack_request({.stack_name = "s"}, k_endpoint).body,
              "Action=DeleteStack&Version=2010-05-15&StackName=s");
    // moto's answer has no DeleteStackResult element.
    EXPECT_TRUE(parse_delete_stack_response(
        answer(200,
               "<DeleteStackResponse><ResponseMetadata><RequestId>5ccc7dcd</RequestId>"
               "</ResponseMetadata></DeleteStackResponse>")));
}

TEST(DescribeStackEvents, ReadsEventsNewestFirstWithTheNextToken) {
    const auto request =
        make_describe_stack_events_request({.stack_name = "s", .next_token = "t"}, k_endpoint);
    EXPECT_EQ(request.body,
              "Action=DescribeStackEvents&Version=2010-05-15&StackName=s&NextToken=t");
    const auto output = parse_describe_stack_events_response(answer(200, R"(
<DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeStackEventsResult>
    <StackEvents>
      <member>
        <EventId>Cluster-CREATE_FAILED-2023-11-14T22:20:01.114Z</EventId>
        <StackId>arn:aws:cloudformation:eu-west-3:123456789012:stack/siads516-emr/3c4d</StackId>
        <StackName>siads516-emr</StackName>
        <LogicalResourceId>Cluster</LogicalResourceId>
        <PhysicalResourceId>j-2AXXXXXXGAPLF</PhysicalResourceId>
        <ResourceType>AWS::EMR::Cluster</ResourceType>
        <Timestamp>2023-11-14T22:20:01.114Z</Timestamp>
        <ResourceStatus>CREATE_FAILED</ResourceStatus>
        <ResourceStatusReason>The requested instance type m6g.xlarge is not supported in the requested availability zone.</ResourceStatusReason>
        <ClientRequestToken>tok-1</ClientRequestToken>
      </member>
      <member>
        <EventId>Cluster-CREATE_IN_PROGRESS-2023-11-14T22:13:30.000Z</EventId>
        <StackName>siads516-emr</StackName>
        <LogicalResourceId>Cluster</LogicalResourceId>
        <ResourceType>AWS::EMR::Cluster</ResourceType>
        <Timestamp>2023-11-14T22:13:30Z</Timestamp>
        <ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus>
      </member>
    </StackEvents>
    <NextToken>older</NextToken>
  </DescribeStackEventsResult>
</DescribeStackEventsResponse>)"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->events.size(), 2u);
    const auto& failed = output->events[0];
    EXPECT_EQ(failed.status, "CREATE_FAILED");
    EXPECT_EQ(failed.logical_id, "Cluster");
    EXPECT_EQ(failed.physical_id, "j-2AXXXXXXGAPLF");
    EXPECT_EQ(failed.resource_type, "AWS::EMR::Cluster");
    EXPECT_EQ(failed.status_reason,
              "The requested instance type m6g.xlarge is not supported in the requested "
              "availability zone.");
    EXPECT_EQ(failed.client_token, "tok-1");
    ASSERT_TRUE(failed.timestamp && output->events[1].timestamp);
    EXPECT_GT(*failed.timestamp, *output->events[1].timestamp);
    EXPECT_EQ(output->events[1].status_reason, "");
    EXPECT_EQ(output->next_token, "older");
}

TEST(ListStackResources, ReadsSummariesAndPages) {
    const auto request =
        make_list_stack_resources_request({.stack_name = "siads516-emr"}, k_endpoint);
    EXPECT_EQ(request.body, "Action=ListStackResources&Version=2010-05-15&StackName=siads516-emr");
    const auto output = parse_list_stack_resources_response(answer(200, R"(
<ListStackResourcesResponse>
  <ListStackResourcesResult>
    <StackResourceSummaries>
      <member>
        <ResourceStatus>CREATE_COMPLETE</ResourceStatus>
        <LogicalResourceId>PrimarySecurityGroup</LogicalResourceId>
        <LastUpdatedTimestamp>2011-06-21T20:15:58Z</LastUpdatedTimestamp>
        <PhysicalResourceId>sg-0123456789abcdef0</PhysicalResourceId>
        <ResourceType>AWS::EC2::SecurityGroup</ResourceType>
        <DriftInformation><StackResourceDriftStatus>NOT_CHECKED</StackResourceDriftStatus></DriftInformation>
      </member>
      <member>
        <ResourceStatus>DELETE_FAILED</ResourceStatus>
        <ResourceStatusReason>resource sg-0123 has a dependent object</ResourceStatusReason>
        <LogicalResourceId>CoreSecurityGroup</LogicalResourceId>
        <PhysicalResourceId>sg-0fedcba9876543210</PhysicalResourceId>
        <ResourceType>AWS::EC2::SecurityGroup</ResourceType>
      </member>
    </StackResourceSummaries>
    <NextToken>more</NextToken>
  </ListStackResourcesResult>
</ListStackResourcesResponse>)"));
    ASSERT_TRUE(output) << output.error().message;
    ASSERT_EQ(output->resources.size(), 2u);
    EXPECT_EQ(output->resources[0].logical_id, "PrimarySecurityGroup");
    EXPECT_EQ(output->resources[0].physical_id, "sg-0123456789abcdef0");
    EXPECT_EQ(output->resources[0].resource_type, "AWS::EC2::SecurityGroup");
    EXPECT_TRUE(output->resources[0].last_updated);
    EXPECT_EQ(output->resources[1].status, "DELETE_FAILED");
    EXPECT_EQ(output->resources[1].status_reason, "resource sg-0123 has a dependent object");
    EXPECT_EQ(output->next_token, "more");

    const auto empty = parse_list_stack_resources_response(
        answer(200,
               "<ListStackResourcesResponse><ListStackResourcesResult>"
               "<StackResourceSummaries/></ListStackResourcesResult>"
               "</ListStackResourcesResponse>"));
    ASSERT_TRUE(empty);
    EXPECT_TRUE(empty->resources.empty());
    EXPECT_EQ(empty->next_token, "");
}

TEST(GetTemplate, AsksForTheOriginalAndReadsTheBodyVerbatim) {
    EXPECT_EQ(make_get_template_request({.stack_name = "s"}, k_endpoint).body,
              "Action=GetTemplate&Version=2010-05-15&StackName=s&TemplateStage=Original");
    EXPECT_EQ(make_get_template_request(
                  {.stack_name = "s", .change_set_name = "c", .stage = TemplateStage::processed},
                  k_endpoint)
                  .body,
              "Action=GetTemplate&Version=2010-05-15&StackName=s&ChangeSetName=c&"
              "TemplateStage=Processed");
    const auto output = parse_get_template_response(answer(200, R"(<GetTemplateResponse>
  <GetTemplateResult>
    <TemplateBody>{
  "Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "a&amp;b &lt;c&gt;"}}}
}
</TemplateBody>
    <StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>
  </GetTemplateResult>
</GetTemplateResponse>)"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->template_body,
              "{\n  \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": "
              "{\"BucketName\": \"a&b <c>\"}}}\n}\n");
    EXPECT_EQ(output->stages_available, (std::vector<std::string>{"Original", "Processed"}));
}

}  // namespace
}  // namespace emrctl::aws::cloudformation
