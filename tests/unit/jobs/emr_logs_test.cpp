#include <gtest/gtest.h>
#include <zlib.h>

#include <emrctl/jobs/emr_logs.hpp>
#include <emrctl/jobs/emr_outputs.hpp>

namespace emrctl::jobs {
namespace {

std::string gzip(const std::string& text) {
    z_stream z{};
    EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

TEST(StepLogLocation, FollowsEmrsLayoutUnderTheLogUri) {
    const auto where =
        step_log_location("s3://demo-logs/", "j-1ABC", "s-2DEF", StepLog::stderr_log);
    ASSERT_TRUE(where);
    EXPECT_EQ(where->bucket, "demo-logs");
    EXPECT_EQ(where->key, "j-1ABC/steps/s-2DEF/stderr.gz");
    EXPECT_EQ(where->uri(), "s3://demo-logs/j-1ABC/steps/s-2DEF/stderr.gz");
}

TEST(StepLogLocation, GivenAPrefixOrHadoopsSchemeThenTheKeyIsUnderIt) {
    const auto where = step_log_location("s3n://logs/emr", "j-1", "s-2", StepLog::stdout_log);
    ASSERT_TRUE(where);
    EXPECT_EQ(where->uri(), "s3://logs/emr/j-1/steps/s-2/stdout.gz");
    EXPECT_FALSE(step_log_location("", "j-1", "s-2", StepLog::stdout_log));
    EXPECT_FALSE(step_log_location("hdfs:///logs", "j-1", "s-2", StepLog::stdout_log));
}

TEST(YarnApplicationId, TakesTheLastApplicationSparkSubmitNamed) {
    const std::string stderr_text =
        "INFO Client: Submitting application application_1700000000000_0003 to ResourceManager\n"
        "INFO Client: Application report for application_1700000000000_0004 (state: FAILED)\n"
        "Exception in thread \"main\" org.apache.spark.SparkException: Application "
        "application_1700000000000_0004 finished with failed status\n";
    EXPECT_EQ(yarn_application_id(stderr_text), "application_1700000000000_0004");
    EXPECT_FALSE(yarn_application_id("no application here; application_x_1 neither\n"));
    EXPECT_FALSE(yarn_application_id(""));
}

TEST(DriverLogKey, IsTheFirstContainerOfTheLastAttempt) {
    const auto prefix = std::string("j-1/containers/application_17_0004/");
    const std::vector<std::string> keys{
        prefix + "container_17_0004_01_000001/stderr.gz",
        prefix + "container_17_0004_01_000001/stdout.gz",
        prefix + "container_17_0004_01_000002/stderr.gz",
        prefix + "container_17_0004_02_000001/stderr.gz",
        prefix + "container_17_0004_02_000003/stderr.gz",
    };
    EXPECT_EQ(driver_log_key(keys, StepLog::stderr_log),
              prefix + "container_17_0004_02_000001/stderr.gz");
    EXPECT_EQ(driver_log_key(keys, StepLog::stdout_log),
              prefix + "container_17_0004_01_000001/stdout.gz");
    EXPECT_FALSE(
        driver_log_key({prefix + "container_17_0004_01_000002/stderr.gz"}, StepLog::stderr_log));
    const auto where = container_logs_prefix("s3://logs/", "j-1", "application_17_0004");
    ASSERT_TRUE(where);
    EXPECT_EQ(where->uri(), "s3://logs/" + prefix);
}

TEST(Gunzip, ReadsOneOrSeveralMembers) {
    auto text = gunzip(gzip("Traceback (most recent call last):\n"));
    ASSERT_TRUE(text) << text.error().message;
    EXPECT_EQ(*text, "Traceback (most recent call last):\n");
    auto joined = gunzip(gzip("first\n") + gzip("second\n"));
    ASSERT_TRUE(joined) << joined.error().message;
    EXPECT_EQ(*joined, "first\nsecond\n");
    const std::string big(1 << 20, 'x');
    auto large = gunzip(gzip(big));
    ASSERT_TRUE(large);
    EXPECT_EQ(*large, big);
}

TEST(Gunzip, GivenATruncatedOrForeignBodyThenItIsAnError) {
    const auto whole = gzip("some log line that is long enough\n");
    EXPECT_FALSE(gunzip(whole.substr(0, whole.size() / 2)));
    EXPECT_FALSE(gunzip("plain text, not gzip"));
    auto empty = gunzip("");
    ASSERT_TRUE(empty);
    EXPECT_EQ(*empty, "");
}

TEST(IsResultKey, SkipsSparksBookkeeping) {
    EXPECT_TRUE(is_result_key("part-00000-abc.csv"));
    EXPECT_TRUE(is_result_key("year=2024/part-00000.parquet"));
    EXPECT_FALSE(is_result_key("_SUCCESS"));
    EXPECT_FALSE(is_result_key(".part-00000.crc"));
    EXPECT_FALSE(is_result_key("year=2024/"));
    EXPECT_FALSE(is_result_key("tmp_$folder$"));
}

}  // namespace
}  // namespace emrctl::jobs
