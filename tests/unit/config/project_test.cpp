#include <string>

#include <gtest/gtest.h>

#include <emrctl/config/project.hpp>

namespace emrctl::config {
namespace {

TEST(FolderName, KeepsTheLettersAndDigitsOfTheJobName) {
    EXPECT_EQ(folder_name(Job{.name = "word-count"}), "wordcount");
    EXPECT_EQ(folder_name(Job{.name = "Step 2"}), "Step2");
    EXPECT_EQ(folder_name(Job{.name = "---"}), "");
}

TEST(BucketOf, IsTheBucketOfAUriOrName) {
    EXPECT_EQ(bucket_of("s3://my-bucket/some/key"), "my-bucket");
    EXPECT_EQ(bucket_of("s3://my-bucket"), "my-bucket");
    EXPECT_EQ(bucket_of("bucket/"), "bucket");
    EXPECT_EQ(bucket_of("bucket"), "bucket");
}

}  // namespace
}  // namespace emrctl::config
