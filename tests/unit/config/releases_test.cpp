#include <set>
#include <string_view>

#include <gtest/gtest.h>

#include <emrctl/config/releases.hpp>

namespace emrctl::config {
namespace {

TEST(FindRelease, KnowsTheSparkOfEachRelease) {
    ASSERT_TRUE(find_release("emr-7.14.0"));
    EXPECT_EQ(find_release("emr-7.14.0")->label, "emr-7.14.0");
    EXPECT_EQ(find_release("emr-7.14.0")->spark_version, "3.5.6");
    EXPECT_EQ(find_release("emr-6.11.0")->spark_version, "3.3.2");
    ASSERT_TRUE(find_release("emr-spark-8.0.0"));
    EXPECT_TRUE(find_release("emr-spark-8.0.0")->spark_version.starts_with("4."));
}

TEST(FindRelease, UnknownLabelsAreNotFound) {
    EXPECT_FALSE(find_release("emr-7.14"));
    EXPECT_FALSE(find_release("EMR-7.14.0"));
    EXPECT_FALSE(find_release("emr-5.36.0"));
    EXPECT_FALSE(find_release(""));
}

TEST(KnownReleases, LabelsAreUniqueAndSevenXShipSpark35) {
    std::set<std::string_view> labels;
    for (const auto& r : known_releases()) {
        EXPECT_TRUE(labels.insert(r.label).second) << r.label;
        EXPECT_EQ(find_release(r.label)->spark_version, r.spark_version);
        if (r.label.starts_with("emr-7.")) {
            EXPECT_TRUE(r.spark_version.starts_with("3.5.")) << r.label;
        }
    }
    EXPECT_TRUE(labels.contains("emr-6.11.0"));
    EXPECT_TRUE(labels.contains("emr-7.0.0"));
}

TEST(IsSparkRuntime, OnlyForEmrSparkLabels) {
    EXPECT_TRUE(is_spark_runtime("emr-spark-8.0.0"));
    EXPECT_TRUE(is_spark_runtime("emr-spark-9.1.0"));
    EXPECT_FALSE(is_spark_runtime("emr-7.14.0"));
    EXPECT_FALSE(is_spark_runtime("emr-spark"));
    EXPECT_FALSE(is_spark_runtime(""));
}

}  // namespace
}  // namespace emrctl::config
