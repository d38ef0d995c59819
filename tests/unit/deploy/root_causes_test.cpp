#include <gtest/gtest.h>

#include <emrctl/deploy/root_causes.hpp>
#include <emrctl/deploy/stack_deployment.hpp>

namespace emrctl::deploy {
namespace {

using aws::cloudformation::StackEvent;

StackEvent resource(std::string id, std::string status, std::string reason = {}) {
    return {.logical_id = std::move(id),
            .resource_type = "AWS::S3::Bucket",
            .status = std::move(status),
            .status_reason = std::move(reason)};
}

StackEvent stack(std::string status, std::string reason = {}) {
    return {.logical_id = "demo",
            .resource_type = "AWS::CloudFormation::Stack",
            .status = std::move(status),
            .status_reason = std::move(reason)};
}

// A create that failed as CloudFormation tells it: the one real failure, then the failures it
// caused, then the rollback.
const std::vector<StackEvent> k_failed_create{
    stack("CREATE_IN_PROGRESS", "User Initiated"),
    resource("Vpc", "CREATE_IN_PROGRESS"),
    resource("DataBucket", "CREATE_IN_PROGRESS"),
    resource("DataBucket", "CREATE_FAILED", "demo-data already exists"),
    resource("Vpc", "CREATE_FAILED", "Resource creation cancelled"),
    stack("ROLLBACK_IN_PROGRESS",
          "The following resource(s) failed to create: [Vpc, DataBucket]. Rollback requested by "
          "user."),
    resource("Vpc", "DELETE_COMPLETE"),
    stack("ROLLBACK_COMPLETE"),
};

TEST(RootCauses, TheResourceThatFailedForAReasonOfItsOwnComesAlone) {
    const auto causes = root_causes(k_failed_create);
    ASSERT_EQ(causes.size(), 1U);
    EXPECT_EQ(causes[0].logical_id, "DataBucket");
    EXPECT_EQ(causes[0].status_reason, "demo-data already exists");
}

TEST(RootCauses, WhenEveryFailureIsAnEchoAllOfThemAreShown) {
    const std::vector<StackEvent> events{
        resource("A", "CREATE_FAILED", "Resource creation cancelled"),
        resource("B", "UPDATE_FAILED", "Resource update cancelled")};
    EXPECT_EQ(root_causes(events).size(), 2U);
}

TEST(RootCauses, WithoutFailedResourcesTheStacksOwnReasonIsTheCause) {
    const std::vector<StackEvent> events{
        stack("UPDATE_IN_PROGRESS"),
        stack("UPDATE_ROLLBACK_IN_PROGRESS", "Parameter validation failed: bad value"),
        stack("UPDATE_ROLLBACK_COMPLETE")};
    const auto causes = root_causes(events);
    ASSERT_EQ(causes.size(), 1U);
    EXPECT_EQ(causes[0].status_reason, "Parameter validation failed: bad value");
}

TEST(StackFailure, TheErrorListsTheRootCausesFirstAndSaysWhatToDo) {
    const auto e = stack_failure("demo", "ROLLBACK_COMPLETE", k_failed_create);
    EXPECT_EQ(e.kind, ErrorKind::aws);
    EXPECT_NE(e.message.find("failed to create and was rolled back"), std::string::npos);
    ASSERT_EQ(e.problems.size(), 1U);
    EXPECT_EQ(e.problems[0].message,
              "DataBucket (AWS::S3::Bucket) CREATE_FAILED: demo-data already exists");
    EXPECT_NE(e.hint.find("emrctl deploy"), std::string::npos);
}

TEST(StackFailure, AnUpdateRollbackSaysTheStackIsAsBefore) {
    const auto e = stack_failure("demo", "UPDATE_ROLLBACK_COMPLETE", {});
    EXPECT_NE(e.message.find("failed to update"), std::string::npos);
    EXPECT_NE(e.hint.find("as it was before"), std::string::npos);
}

}  // namespace
}  // namespace emrctl::deploy
