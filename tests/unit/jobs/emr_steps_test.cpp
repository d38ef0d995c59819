#include <gtest/gtest.h>

#include <emrctl/jobs/emr_steps.hpp>

namespace emrctl::jobs {
namespace {

using Args = std::vector<std::string>;

config::Job wordcount() {
    return {.name = "word-count",
            .script = "jobs/wordcount.py",
            .args = {"--top", "20"},
            .data = "data/articles"};
}

TEST(SparkSubmitArgs, GivenAPythonJobWithDataThenTheContractIsInS3Uris) {
    EXPECT_EQ(
        spark_submit_args(wordcount(), "demo-data-x"),
        (Args{"spark-submit", "--deploy-mode", "cluster", "s3://demo-data-x/code/wordcount.py",
              "--output_uri", "s3://demo-data-x/outputs/wordcount", "--data_source_folder",
              "s3://demo-data-x/data/wordcount/", "--top", "20"}));
}

TEST(SparkSubmitArgs, GivenSparkConfThenEachIsAConfBeforeTheScript) {
    auto job = wordcount();
    job.data.reset();
    job.args.clear();
    job.spark_conf = {{"spark.executor.memory", "4g"},
                      {"spark.dynamicAllocation.enabled", "false"}};
    EXPECT_EQ(spark_submit_args(job, "b"),
              (Args{"spark-submit", "--deploy-mode", "cluster", "--conf",
                    "spark.dynamicAllocation.enabled=false", "--conf", "spark.executor.memory=4g",
                    "s3://b/code/wordcount.py", "--output_uri", "s3://b/outputs/wordcount"}));
}

TEST(SparkSubmitArgs, GivenAJarThenItsMainClassComesFirst) {
    const config::Job job{.name = "etl", .script = "jars/etl.jar", .main_class = "com.x.Main"};
    EXPECT_EQ(spark_submit_args(job, "b"),
              (Args{"spark-submit", "--deploy-mode", "cluster", "--class", "com.x.Main",
                    "s3://b/code/etl.jar", "--output_uri", "s3://b/outputs/etl"}));
}

TEST(SparkSubmitArgs, GivenDataAlreadyInS3ThenItIsPassedAsIs) {
    const config::Job job{.name = "seed",
                          .script = "s3://other/code/step.py",
                          .data_uri = "s3://shared/data/articles/"};
    EXPECT_EQ(
        spark_submit_args(job, "b"),
        (Args{"spark-submit", "--deploy-mode", "cluster", "s3://other/code/step.py", "--output_uri",
              "s3://b/outputs/seed", "--data_source_folder", "s3://shared/data/articles/"}));
}

TEST(StepConfig, RunsThroughCommandRunnerWithTheJobsActionOnFailure) {
    auto job = wordcount();
    job.on_failure = config::ActionOnFailure::cancel_and_wait;
    const auto step = step_config(job, "b");
    EXPECT_EQ(step.name, "word-count");
    EXPECT_EQ(step.hadoop_jar_step.jar, "command-runner.jar");
    EXPECT_TRUE(step.hadoop_jar_step.main_class.empty());
    EXPECT_EQ(step.action_on_failure, aws::emr::ActionOnFailure::cancel_and_wait);
    EXPECT_EQ(step_action(config::ActionOnFailure::continue_),
              aws::emr::ActionOnFailure::continue_);
    EXPECT_EQ(step_action(config::ActionOnFailure::terminate_cluster),
              aws::emr::ActionOnFailure::terminate_cluster);
}

aws::emr::Step step(std::string state) {
    return {.id = "s-1", .name = "pi", .state = std::move(state)};
}

TEST(JobState, MapsEveryStepState) {
    EXPECT_EQ(job_state(step("PENDING")), JobState::pending);
    EXPECT_EQ(job_state(step("RUNNING")), JobState::running);
    EXPECT_EQ(job_state(step("COMPLETED")), JobState::completed);
    EXPECT_EQ(job_state(step("FAILED")), JobState::failed);
    EXPECT_EQ(job_state(step("CANCELLED")), JobState::cancelled);
    EXPECT_EQ(job_state(step("INTERRUPTED")), JobState::cancelled);
    EXPECT_EQ(job_state(step("CANCEL_PENDING")), JobState::pending);
    auto started = step("CANCEL_PENDING");
    started.timeline.started = aws::protocol::Timestamp(std::chrono::milliseconds(1));
    EXPECT_EQ(job_state(started), JobState::running);
    EXPECT_FALSE(is_final(JobState::running));
    EXPECT_TRUE(is_final(JobState::cancelled));
}

TEST(JobRun, GivenAFailedStepThenTheReasonJoinsReasonAndMessage) {
    auto failed = step("FAILED");
    failed.failure = aws::emr::StepFailureDetails{.reason = "Unknown Error.",
                                                  .message = "Exception in thread \"main\"",
                                                  .log_file = "s3://l/j-1/steps/s-1/stderr.gz"};
    failed.timeline.started = aws::protocol::Timestamp(std::chrono::milliseconds(1000));
    failed.timeline.ended = aws::protocol::Timestamp(std::chrono::milliseconds(5000));
    const auto run = job_run("pi", failed);
    EXPECT_EQ(run.job, "pi");
    EXPECT_EQ(run.step_id, "s-1");
    EXPECT_EQ(run.state, JobState::failed);
    EXPECT_EQ(run.reason, "Unknown Error: Exception in thread \"main\"");
    EXPECT_EQ(run.started_ms, 1000);
    EXPECT_EQ(run.ended_ms, 5000);
}

TEST(JobRun, GivenACancelledStepThenTheReasonIsEmrsStateChangeMessage) {
    auto cancelled = step("CANCELLED");
    cancelled.state_change_reason.message = "Cancelled by user";
    EXPECT_EQ(job_run("pi", cancelled).reason, "Cancelled by user");
    EXPECT_EQ(job_run("pi", step("COMPLETED")).reason, "");
    EXPECT_EQ(job_run("pi", step("PENDING")).started_ms, 0);
}

}  // namespace
}  // namespace emrctl::jobs
