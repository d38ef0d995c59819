#include <gtest/gtest.h>

#include <emrctl/deploy/stack_status.hpp>

namespace emrctl::deploy {
namespace {

TEST(StackStatus, ConditionsOfEveryKindOfStatus) {
    EXPECT_EQ(stack_condition(""), StackCondition::missing);
    EXPECT_EQ(stack_condition("DELETE_COMPLETE"), StackCondition::missing);
    EXPECT_EQ(stack_condition("REVIEW_IN_PROGRESS"), StackCondition::review);
    EXPECT_EQ(stack_condition("CREATE_IN_PROGRESS"), StackCondition::in_progress);
    EXPECT_EQ(stack_condition("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"), StackCondition::in_progress);
    EXPECT_EQ(stack_condition("UPDATE_ROLLBACK_IN_PROGRESS"), StackCondition::in_progress);
    EXPECT_EQ(stack_condition("ROLLBACK_COMPLETE"), StackCondition::failed_create);
    EXPECT_EQ(stack_condition("ROLLBACK_FAILED"), StackCondition::failed_create);
    EXPECT_EQ(stack_condition("CREATE_FAILED"), StackCondition::failed_create);
    EXPECT_EQ(stack_condition("UPDATE_ROLLBACK_FAILED"), StackCondition::stuck);
    EXPECT_EQ(stack_condition("DELETE_FAILED"), StackCondition::stuck);
    EXPECT_EQ(stack_condition("CREATE_COMPLETE"), StackCondition::updatable);
    EXPECT_EQ(stack_condition("UPDATE_COMPLETE"), StackCondition::updatable);
    EXPECT_EQ(stack_condition("UPDATE_ROLLBACK_COMPLETE"), StackCondition::updatable);
}

TEST(StackStatus, SuccessAndSettledness) {
    EXPECT_TRUE(is_success("CREATE_COMPLETE"));
    EXPECT_TRUE(is_success("UPDATE_COMPLETE"));
    EXPECT_FALSE(is_success("UPDATE_ROLLBACK_COMPLETE"));
    EXPECT_FALSE(is_success("ROLLBACK_COMPLETE"));
    EXPECT_TRUE(is_settled("ROLLBACK_COMPLETE"));
    EXPECT_TRUE(is_settled("REVIEW_IN_PROGRESS"));
    EXPECT_FALSE(is_settled("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"));
    EXPECT_FALSE(is_settled(""));
}

}  // namespace
}  // namespace emrctl::deploy
