#pragma once

// A job as an EMR step (pure): a spark-submit in cluster mode through command-runner.jar, with the
// argument contract of DESIGN.md §3 spelled in s3:// URIs, and EMR's step states read back as
// the job states every target shares.

#include <string>
#include <vector>

#include <emrctl/aws/services/emr/steps.hpp>
#include <emrctl/config/project.hpp>
#include <emrctl/jobs/job_run.hpp>

namespace emrctl::jobs {

// "spark-submit --deploy-mode cluster [--class C] [--conf k=v...] s3://<data>/code/x.py <args>".
// `data_bucket` is the bucket's name, as the stack's DataBucketName output gives it.
std::vector<std::string> spark_submit_args(const config::Job& job, const std::string& data_bucket);

aws::emr::StepConfig step_config(const config::Job& job, const std::string& data_bucket);

aws::emr::ActionOnFailure step_action(config::ActionOnFailure action);

// PENDING and CANCEL_PENDING of a step that never started are pending; CANCELLED and
// INTERRUPTED are cancelled.
JobState job_state(const aws::emr::Step& step);
bool is_final(JobState state);

// The step as a run of `job`: its state, times, and why it failed or was cancelled.
JobRun job_run(const std::string& job, const aws::emr::Step& step);

}  // namespace emrctl::jobs
