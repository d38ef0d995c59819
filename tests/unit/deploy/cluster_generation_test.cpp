#include <optional>
#include <string>

#include <gtest/gtest.h>

#include <emrctl/deploy/cluster_generation.hpp>

namespace emrctl::deploy {
namespace {

TEST(ConditionOfCluster, OnlyTheEndingAndEndedStatesEndACluster) {
    for (const auto* state : {"STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"})
        EXPECT_EQ(condition_of_cluster(state), ClusterCondition::alive) << state;
    for (const auto* state : {"TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"})
        EXPECT_EQ(condition_of_cluster(state), ClusterCondition::ended) << state;
}

TEST(ChooseClusterGeneration, ANewStackStartsAtOne) {
    const auto choice = choose_cluster_generation(std::nullopt, ClusterCondition::absent);
    EXPECT_EQ(choice.value, "1");
    EXPECT_FALSE(choice.new_cluster);
}

TEST(ChooseClusterGeneration, AnAliveClusterKeepsItsGeneration) {
    const auto choice = choose_cluster_generation("3", ClusterCondition::alive);
    EXPECT_EQ(choice.value, "3");
    EXPECT_FALSE(choice.new_cluster);
}

TEST(ChooseClusterGeneration, AStackWithoutItsClusterOutputKeepsItsGeneration) {
    const auto choice = choose_cluster_generation("2", ClusterCondition::absent);
    EXPECT_EQ(choice.value, "2");
    EXPECT_FALSE(choice.new_cluster);
}

TEST(ChooseClusterGeneration, AnEndedClusterGetsTheNextGeneration) {
    const auto choice = choose_cluster_generation("1", ClusterCondition::ended);
    EXPECT_EQ(choice.value, "2");
    EXPECT_TRUE(choice.new_cluster);
    EXPECT_EQ(choose_cluster_generation("9", ClusterCondition::ended).value, "10");
}

TEST(ChooseClusterGeneration, AValueThatIsNotAPositiveNumberCountsAsOne) {
    for (const auto* value : {"", "abc", "2x", "0", "-4"})
        EXPECT_EQ(choose_cluster_generation(value, ClusterCondition::ended).value, "2") << value;
    // Kept as it is while the cluster lives: changing it would replace a working cluster.
    EXPECT_EQ(choose_cluster_generation("abc", ClusterCondition::alive).value, "abc");
}

TEST(ChooseClusterGeneration, AStackFromBeforeGenerationsGetsOneAndSaysWhenItsClusterEnded) {
    // The cluster's name gains the generation, so "1" already replaces it.
    const auto ended = choose_cluster_generation(std::nullopt, ClusterCondition::ended);
    EXPECT_EQ(ended.value, "1");
    EXPECT_TRUE(ended.new_cluster);
    const auto alive = choose_cluster_generation(std::nullopt, ClusterCondition::alive);
    EXPECT_EQ(alive.value, "1");
    EXPECT_FALSE(alive.new_cluster);
}

}  // namespace
}  // namespace emrctl::deploy
