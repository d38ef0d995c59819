#include <emrctl/config/job_contract.hpp>
#include <emrctl/jobs/emr_steps.hpp>

namespace emrctl::jobs {

namespace {

std::int64_t epoch_ms(const std::optional<aws::protocol::Timestamp>& t) {
    return t ? t->time_since_epoch().count() : 0;
}

std::string strip_period(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.pop_back();
    return text;
}

std::string failure_reason(const aws::emr::Step& step) {
    if (step.failure) {
        const auto reason = strip_period(step.failure->reason);
        const auto& message = step.failure->message;
        if (!reason.empty() && !message.empty()) return reason + ": " + message;
        if (!message.empty()) return message;
        if (!reason.empty()) return reason;
    }
    return step.state_change_reason.message;
}

}  // namespace

std::vector<std::string> spark_submit_args(const config::Job& job, const std::string& data_bucket) {
    const config::BucketUris uris{.data_bucket = "s3://" + data_bucket};
    std::vector<std::string> args{"spark-submit", "--deploy-mode", "cluster"};
    if (job.main_class) {
        args.emplace_back("--class");
        args.push_back(*job.main_class);
    }
    for (const auto& [key, value] : job.spark_conf) {
        args.emplace_back("--conf");
        args.push_back(key + "=" + value);
    }
    args.push_back(config::script_uri(job, uris));
    for (auto& arg : config::contract_arguments(job, uris))
        args.push_back(std::move(arg));
    return args;
}

aws::emr::StepConfig step_config(const config::Job& job, const std::string& data_bucket) {
    return {.name = job.name,
            .action_on_failure = step_action(job.on_failure),
            .hadoop_jar_step = {.args = spark_submit_args(job, data_bucket)}};
}

aws::emr::ActionOnFailure step_action(config::ActionOnFailure action) {
    switch (action) {
        case config::ActionOnFailure::continue_:
            return aws::emr::ActionOnFailure::continue_;
        case config::ActionOnFailure::cancel_and_wait:
            return aws::emr::ActionOnFailure::cancel_and_wait;
        case config::ActionOnFailure::terminate_cluster:
            return aws::emr::ActionOnFailure::terminate_cluster;
    }
    return aws::emr::ActionOnFailure::continue_;
}

JobState job_state(const aws::emr::Step& step) {
    const auto& s = step.state;
    if (s == "RUNNING") return JobState::running;
    if (s == "COMPLETED") return JobState::completed;
    if (s == "FAILED") return JobState::failed;
    if (s == "CANCELLED" || s == "INTERRUPTED") return JobState::cancelled;
    // A RUNNING step being cancelled still runs until Spark stops.
    if (s == "CANCEL_PENDING" && step.timeline.started) return JobState::running;
    return JobState::pending;
}

bool is_final(JobState state) {
    return state == JobState::completed || state == JobState::failed ||
           state == JobState::cancelled;
}

JobRun job_run(const std::string& job, const aws::emr::Step& step) {
    JobRun run{.job = job,
               .step_id = step.id,
               .state = job_state(step),
               .started_ms = epoch_ms(step.timeline.started),
               .ended_ms = epoch_ms(step.timeline.ended)};
    if (run.state == JobState::failed || run.state == JobState::cancelled) {
        run.reason = failure_reason(step);
    }
    if (run.state == JobState::completed) run.exit_code = 0;
    if (run.state == JobState::failed) run.exit_code = 1;
    return run;
}

}  // namespace emrctl::jobs
