#include <string>

#include <gtest/gtest.h>

#include <emrctl/config/bucket_layout.hpp>

namespace emrctl::config {
namespace {

TEST(BucketLayout, CodeKeyIsTheScriptsFileNameUnderCode) {
    EXPECT_EQ(code_key(Job{.name = "pi", .script = "jobs/pi.py"}), "code/pi.py");
    EXPECT_EQ(code_key(Job{.name = "pi", .script = "pi.py"}), "code/pi.py");
    EXPECT_EQ(code_key(Job{.name = "s", .script = "emr_steps/code/step1.py"}), "code/step1.py");
}

TEST(BucketLayout, DataAndOutputAreNamedAfterTheLettersAndDigitsOfTheJob) {
    const Job job{.name = "word-count_2", .script = "jobs/wc.py"};
    EXPECT_EQ(data_prefix(job), "data/wordcount2/");
    EXPECT_EQ(output_prefix(job), "outputs/wordcount2");
}

TEST(BucketLayout, BootstrapKeyIsTheFileNameUnderBootstrap) {
    EXPECT_EQ(bootstrap_key("bootstrap/install.sh"), "bootstrap/install.sh");
    EXPECT_EQ(bootstrap_key("ec2_bootstrap_scripts/bootstrap.sh"), "bootstrap/bootstrap.sh");
    EXPECT_EQ(bootstrap_key("setup.sh"), "bootstrap/setup.sh");
}

TEST(BaseName, IsTheLastComponent) {
    EXPECT_EQ(base_name("a/b/c.py"), "c.py");
    EXPECT_EQ(base_name("c.py"), "c.py");
    EXPECT_EQ(base_name("a/"), "");
    EXPECT_EQ(base_name(""), "");
}

}  // namespace
}  // namespace emrctl::config
