#include "../../protocol/protocol_test_support.hpp"
#include <gtest/gtest.h>

#include <emrctl/aws/services/cloudformation/change_sets.hpp>

namespace emrctl::aws::cloudformation {
namespace {

using protocol::testing::answer;
using protocol::testing::aws_endpoint;

const auto k_endpoint = aws_endpoint("cloudformation.eu-west-3.amazonaws.com");

TEST(CreateChangeSet, SendsAnInlineTemplateWithEverything) {
    const auto request = make_create_change_set_request(
        CreateChangeSetInput{.stack_name = "siads516-network",
                             .change_set_name = "emrctl-1700000000",
                             .template_source = TemplateBody{R"({"Resources":{}})"},
                             .parameters = {{"Cidr", "172.16.0.0/22"}},
                             .capabilities = {Capability::iam, Capability::named_iam},
                             .type = ChangeSetType::create,
                             .tags = {{"emrctl:project", "siads516"}},
                             .client_token = "tok-1",
                             .description = "emrctl deploy"},
        k_endpoint);
    EXPECT_EQ(request.method, "POST");
    EXPECT_EQ(request.host, "cloudformation.eu-west-3.amazonaws.com");
    EXPECT_EQ(request.path, "/");
    EXPECT_EQ(request.body,
              "Action=CreateChangeSet&Version=2010-05-15&StackName=siads516-network&"
              "ChangeSetName=emrctl-1700000000&TemplateBody=%7B%22Resources%22%3A%7B%7D%7D&"
              "Parameters.member.1.ParameterKey=Cidr&"
              "Parameters.member.1.ParameterValue=172.16.0.0%2F22&"
              "Capabilities.member.1=CAPABILITY_IAM&Capabilities.member.2=CAPABILITY_NAMED_IAM&"
              "ChangeSetType=CREATE&Tags.member.1.Key=emrctl%3Aproject&"
              "Tags.member.1.Value=siads516&ClientToken=tok-1&Description=emrctl%20deploy");
}

TEST(CreateChangeSet, SendsATemplateUrlAndLeavesEmptyListsOut) {
    const auto request = make_create_change_set_request(
        CreateChangeSetInput{
            .stack_name = "s",
            .change_set_name = "c",
            .template_source = TemplateUrl{"https://b.s3.eu-west-3.amazonaws.com/t/s.json"}},
        k_endpoint);
    EXPECT_EQ(request.body,
              "Action=CreateChangeSet&Version=2010-05-15&StackName=s&ChangeSetName=c&"
              "TemplateURL=https%3A%2F%2Fb.s3.eu-west-3.amazonaws.com%2Ft%2Fs.json&"
              "ChangeSetType=UPDATE");
}

TEST(CreateChangeSet, SendsTheResourcesToImportWithTheirIdentifiers) {
    const auto request = make_create_change_set_request(
        CreateChangeSetInput{.stack_name = "s",
                             .change_set_name = "c",
                             .template_source = TemplateBody{"{}"},
                             .type = ChangeSetType::import_resources,
                             .resources_to_import = {{.resource_type = "AWS::S3::Bucket",
                                                      .logical_id = "DataBucket",
                                                      .identifier = {{"BucketName", "s-data-x"}}},
                                                     {.resource_type = "AWS::S3::Bucket",
                                                      .logical_id = "LogsBucket",
                                                      .identifier = {{"BucketName", "s-logs-x"}}}}},
        k_endpoint);
    EXPECT_EQ(request.body,
              "Action=CreateChangeSet&Version=2010-05-15&StackName=s&ChangeSetName=c&"
              "TemplateBody=%7B%7D&ChangeSetType=IMPORT&"
              "ResourcesToImport.member.1.ResourceType=AWS%3A%3AS3%3A%3ABucket&"
              "ResourcesToImport.member.1.LogicalResourceId=DataBucket&"
              "ResourcesToImport.member.1.ResourceIdentifier.entry.1.key=BucketName&"
              "ResourcesToImport.member.1.ResourceIdentifier.entry.1.value=s-data-x&"
              "ResourcesToImport.member.2.ResourceType=AWS%3A%3AS3%3A%3ABucket&"
              "ResourcesToImport.member.2.LogicalResourceId=LogsBucket&"
              "ResourcesToImport.member.2.ResourceIdentifier.entry.1.key=BucketName&"
              "ResourcesToImport.member.2.ResourceIdentifier.entry.1.value=s-logs-x");
}

TEST(CreateChangeSet, ReadsTheIdsEvenUnderMotosRootName) {
    // moto answers with a <CreateStackResponse> root; only the Result element matters.
    const auto output = parse_create_change_set_response(answer(200, R"(
<CreateStackResponse>
  <CreateChangeSetResult>
    <Id>arn:aws:cloudformation:eu-west-3:123456789012:changeSet/emrctl-1/1a2b3c</Id>
    <StackId>arn:aws:cloudformation:eu-west-3:123456789012:stack/siads516-network/4d5e6f</StackId>
  </CreateChangeSetResult>
  <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
</CreateStackResponse>)"));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->id,
              "arn:aws:cloudformation:eu-west-3:123456789012:changeSet/emrctl-1/1a2b3c");
    EXPECT_EQ(output->stack_id,
              "arn:aws:cloudformation:eu-west-3:123456789012:stack/siads516-network/4d5e6f");
}

TEST(CreateChangeSet, ReportsAnInsufficientCapabilities) {
    const auto output = parse_create_change_set_response(answer(400, R"(
<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <Error><Type>Sender</Type><Code>InsufficientCapabilitiesException</Code>
    <Message>Requires capabilities : [CAPABILITY_NAMED_IAM]</Message></Error>
  <RequestId>r-2</RequestId>
</ErrorResponse>)"));
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().message,
              "cloudformation CreateChangeSet: InsufficientCapabilitiesException: Requires "
              "capabilities : [CAPABILITY_NAMED_IAM] (request id r-2)");
}

TEST(DescribeChangeSet, SendsNamesAndTheNextToken) {
    const auto request = make_describe_change_set_request(
        DescribeChangeSetInput{.change_set_name = "c", .stack_name = "s", .next_token = "n+1"},
        k_endpoint);
    EXPECT_EQ(request.body,
              "Action=DescribeChangeSet&Version=2010-05-15&ChangeSetName=c&StackName=s&"
              "NextToken=n%2B1");
    const auto by_arn = make_describe_change_set_request(
        DescribeChangeSetInput{.change_set_name = "arn:aws:cloudformation:x:1:changeSet/c/1"},
        k_endpoint);
    EXPECT_EQ(by_arn.body,
              "Action=DescribeChangeSet&Version=2010-05-15&ChangeSetName=arn%3Aaws%"
              "3Acloudformation%3Ax%3A1%3AchangeSet%2Fc%2F1");
}

constexpr auto k_ready_change_set =
    R"(<DescribeChangeSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
  <DescribeChangeSetResult>
    <ChangeSetName>emrctl-1700000000</ChangeSetName>
    <ChangeSetId>arn:aws:cloudformation:eu-west-3:123456789012:changeSet/emrctl-1700000000/1a2b</ChangeSetId>
    <StackId>arn:aws:cloudformation:eu-west-3:123456789012:stack/siads516-emr/3c4d</StackId>
    <StackName>siads516-emr</StackName>
    <CreationTime>2023-11-14T22:13:20.000Z</CreationTime>
    <ExecutionStatus>AVAILABLE</ExecutionStatus>
    <Status>CREATE_COMPLETE</Status>
    <Parameters>
      <member><ParameterKey>Release</ParameterKey><ParameterValue>emr-7.14.0</ParameterValue></member>
    </Parameters>
    <Capabilities><member>CAPABILITY_NAMED_IAM</member></Capabilities>
    <Changes>
      <member>
        <Type>Resource</Type>
        <ResourceChange>
          <Action>Modify</Action>
          <LogicalResourceId>Cluster</LogicalResourceId>
          <PhysicalResourceId>j-2AXXXXXXGAPLF</PhysicalResourceId>
          <ResourceType>AWS::EMR::Cluster</ResourceType>
          <Replacement>True</Replacement>
          <Scope><member>Properties</member><member>Tags</member></Scope>
          <Details>
            <member>
              <Target><Attribute>Properties</Attribute><Name>ReleaseLabel</Name><RequiresRecreation>Always</RequiresRecreation></Target>
              <Evaluation>Static</Evaluation>
              <ChangeSource>DirectModification</ChangeSource>
            </member>
            <member>
              <Target><Attribute>Tags</Attribute><RequiresRecreation>Never</RequiresRecreation></Target>
              <Evaluation>Static</Evaluation>
              <ChangeSource>DirectModification</ChangeSource>
            </member>
          </Details>
        </ResourceChange>
      </member>
      <member>
        <Type>Resource</Type>
        <ResourceChange>
          <Action>Add</Action>
          <LogicalResourceId>JobsBucket</LogicalResourceId>
          <ResourceType>AWS::S3::Bucket</ResourceType>
          <Scope/>
          <Details/>
        </ResourceChange>
      </member>
    </Changes>
    <NextToken>page-2</NextToken>
  </DescribeChangeSetResult>
  <ResponseMetadata><RequestId>r-3</RequestId></ResponseMetadata>
</DescribeChangeSetResponse>)";

TEST(DescribeChangeSet, ReadsAReadyChangeSetAndItsChanges) {
    const auto output = parse_describe_change_set_response(answer(200, k_ready_change_set));
    ASSERT_TRUE(output) << output.error().message;
    EXPECT_EQ(output->change_set_name, "emrctl-1700000000");
    EXPECT_EQ(output->stack_name, "siads516-emr");
    EXPECT_EQ(output->status, "CREATE_COMPLETE");
    EXPECT_EQ(output->execution_status, "AVAILABLE");
    EXPECT_EQ(output->outcome, ChangeSetOutcome::ready);
    EXPECT_EQ(output->next_token, "page-2");
    ASSERT_TRUE(output->creation_time);
    EXPECT_EQ(output->creation_time->time_since_epoch().count(), 1700000000000);
    ASSERT_EQ(output->parameters.size(), 1u);
    EXPECT_EQ(output->parameters[0].value, "emr-7.14.0");
    ASSERT_EQ(output->changes.size(), 2u);
    const auto& modify = output->changes[0];
    EXPECT_EQ(modify.action, "Modify");
    EXPECT_EQ(modify.logical_id, "Cluster");
    EXPECT_EQ(modify.physical_id, "j-2AXXXXXXGAPLF");
    EXPECT_EQ(modify.resource_type, "AWS::EMR::Cluster");
    EXPECT_EQ(modify.replacement, "True");
    EXPECT_EQ(modify.scope, (std::vector<std::string>{"Properties", "Tags"}));
    ASSERT_EQ(modify.details.size(), 2u);
    EXPECT_EQ(modify.details[0].attribute, "Properties");
    EXPECT_EQ(modify.details[0].name, "ReleaseLabel");
    EXPECT_EQ(modify.details[0].requires_recreation, "Always");
    EXPECT_EQ(modify.details[0].evaluation, "Static");
    EXPECT_EQ(modify.details[0].change_source, "DirectModification");
    EXPECT_EQ(modify.details[1].attribute, "Tags");
    EXPECT_EQ(modify.details[1].name, "");
    const auto& add = output->changes[1];
    EXPECT_EQ(add.action, "Add");
    EXPECT_EQ(add.replacement, "");
    EXPECT_TRUE(add.scope.empty());
    EXPECT_TRUE(add.details.empty());
}

std::string failed_change_set(std::string_view reason) {
    return "<DescribeChangeSetResponse><DescribeChangeSetResult><Status>FAILED</Status>"
           "<ExecutionStatus>UNAVAILABLE</ExecutionStatus><StatusReason>" +
           std::string(reason) +
           "</StatusReason></DescribeChangeSetResult>"
           "</DescribeChangeSetResponse>";
}

TEST(DescribeChangeSet, RecognisesBothNoChangesReasons) {
    const auto usual = parse_describe_change_set_response(
        answer(200, failed_change_set("The submitted information didn't contain changes. Submit "
                                      "different information to create a change set.")));
    ASSERT_TRUE(usual);
    EXPECT_EQ(usual->outcome, ChangeSetOutcome::no_changes);
    EXPECT_TRUE(usual->changes.empty());
    const auto other = parse_describe_change_set_response(
        answer(200, failed_change_set("No updates are to be performed.")));
    ASSERT_TRUE(other);
    EXPECT_EQ(other->outcome, ChangeSetOutcome::no_changes);
}

TEST(DescribeChangeSet, TellsARealFailureFromNoChanges) {
    const auto output = parse_describe_change_set_response(
        answer(200, failed_change_set("Template error: instance of Fn::GetAtt references undefined "
                                      "resource Clustr")));
    ASSERT_TRUE(output);
    EXPECT_EQ(output->outcome, ChangeSetOutcome::failed);
    EXPECT_EQ(output->status_reason,
              "Template error: instance of Fn::GetAtt references undefined resource Clustr");
}

TEST(ChangeSetOutcome, FollowsStatusAndExecutionStatus) {
    EXPECT_EQ(change_set_outcome("CREATE_PENDING", "UNAVAILABLE", ""), ChangeSetOutcome::pending);
    EXPECT_EQ(change_set_outcome("CREATE_IN_PROGRESS", "UNAVAILABLE", ""),
              ChangeSetOutcome::pending);
    EXPECT_EQ(change_set_outcome("CREATE_COMPLETE", "AVAILABLE", ""), ChangeSetOutcome::ready);
    EXPECT_EQ(change_set_outcome("CREATE_COMPLETE", "EXECUTE_COMPLETE", ""),
              ChangeSetOutcome::other);
    EXPECT_EQ(change_set_outcome("CREATE_COMPLETE", "OBSOLETE", ""), ChangeSetOutcome::other);
    EXPECT_EQ(change_set_outcome("DELETE_COMPLETE", "", ""), ChangeSetOutcome::other);
    EXPECT_EQ(change_set_outcome("", "", ""), ChangeSetOutcome::other);
}

TEST(ExecuteChangeSet, SendsTheTokenAndAcceptsAnyBody) {
    const auto request = make_execute_change_set_request(
        ExecuteChangeSetInput{.change_set_name = "c", .stack_name = "s", .client_token = "t"},
        k_endpoint);
    EXPECT_EQ(request.body,
              "Action=ExecuteChangeSet&Version=2010-05-15&ChangeSetName=c&StackName=s&"
              "ClientRequestToken=t");
    EXPECT_TRUE(parse_execute_change_set_response(
        answer(200,
               "<ExecuteChangeSetResponse><ExecuteChangeSetResult/><ResponseMetadata><RequestId>r"
               "</RequestId></ResponseMetadata></ExecuteChangeSetResponse>")));
    const auto invalid = parse_execute_change_set_response(answer(400, R"(
<ErrorResponse><Error><Code>InvalidChangeSetStatus</Code>
<Message>ChangeSet [arn:c] cannot be executed in its current execution status of [UNAVAILABLE]</Message>
</Error><RequestId>r-4</RequestId></ErrorResponse>)"));
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().message,
              "cloudformation ExecuteChangeSet: InvalidChangeSetStatus: ChangeSet [arn:c] cannot "
              "be executed in its current execution status of [UNAVAILABLE] (request id r-4)");
}

TEST(DeleteChangeSet, SendsTheNames) {
    const auto request = make_delete_change_set_request(
        DeleteChangeSetInput{.change_set_name = "c", .stack_name = "s"}, k_endpoint);
    EXPECT_EQ(request.body,
              "Action=DeleteChangeSet&Version=2010-05-15&ChangeSetName=c&StackName=s");
    EXPECT_TRUE(parse_delete_change_set_response(
        answer(200,
               "<DeleteChangeSetResponse><DeleteChangeSetResult>\n  </DeleteChangeSetResult>"
               "</DeleteChangeSetResponse>")));
}

}  // namespace
}  // namespace emrctl::aws::cloudformation
