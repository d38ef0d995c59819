#pragma once

// EMR steps: adding a job to a cluster (AddJobFlowSteps, a spark-submit through
// command-runner.jar), following it (DescribeStep), listing them (ListSteps), and cancelling
// them (CancelSteps).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/timestamp.hpp>
#include <emrctl/aws/services/emr/state_change_reason.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::emr {

// What EMR does with the cluster when the step fails.
enum class ActionOnFailure { continue_, cancel_and_wait, terminate_cluster };

inline constexpr std::string_view k_command_runner_jar = "command-runner.jar";

struct HadoopJarStep {
    std::string jar = std::string(k_command_runner_jar);
    std::string main_class;         // empty for command-runner.jar
    std::vector<std::string> args;  // "spark-submit", "--deploy-mode"…
    std::vector<std::pair<std::string, std::string>> properties;  // Java properties
};

struct StepConfig {
    std::string name;
    ActionOnFailure action_on_failure = ActionOnFailure::continue_;
    HadoopJarStep hadoop_jar_step;
};

struct AddJobFlowStepsInput {
    std::string cluster_id;  // JobFlowId
    std::vector<StepConfig> steps;
    std::string execution_role_arn;  // empty: the cluster's instance profile
};

struct AddJobFlowStepsOutput {
    std::vector<std::string> step_ids;  // in the order of the steps given
};

HttpRequest make_add_job_flow_steps_request(const AddJobFlowStepsInput& input,
                                            const protocol::Endpoint& endpoint);
Result<AddJobFlowStepsOutput> parse_add_job_flow_steps_response(
    const protocol::HttpResponse& response);

struct StepFailureDetails {
    std::string reason;
    std::string message;
    std::string log_file;  // the S3 path of the log that shows the failure
};

struct StepTimeline {
    std::optional<protocol::Timestamp> created;
    std::optional<protocol::Timestamp> started;
    std::optional<protocol::Timestamp> ended;
};

struct Step {
    std::string id;  // "s-1XXXXXXXXXXA"
    std::string name;
    // "PENDING", "CANCEL_PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"
    std::string state;
    StateChangeReason state_change_reason;
    std::optional<StepFailureDetails> failure;
    StepTimeline timeline;
    std::string action_on_failure;  // as EMR reports it: "CONTINUE", "TERMINATE_CLUSTER"…
    std::string jar;
    std::vector<std::string> args;
};

struct DescribeStepInput {
    std::string cluster_id;
    std::string step_id;
};

HttpRequest make_describe_step_request(const DescribeStepInput& input,
                                       const protocol::Endpoint& endpoint);
Result<Step> parse_describe_step_response(const protocol::HttpResponse& response);

struct ListStepsInput {
    std::string cluster_id;
    std::vector<std::string> states;    // StepStates filter; empty: every state
    std::vector<std::string> step_ids;  // empty: every step
    std::string marker;
};

struct ListStepsOutput {
    std::vector<Step> steps;  // newest first, as EMR sends them
    std::string marker;
};

HttpRequest make_list_steps_request(const ListStepsInput& input,
                                    const protocol::Endpoint& endpoint);
Result<ListStepsOutput> parse_list_steps_response(const protocol::HttpResponse& response);

// How a RUNNING step is stopped; a PENDING one is simply dropped from the queue.
enum class StepCancellationOption { send_interrupt, terminate_process };

struct CancelStepsInput {
    std::string cluster_id;
    std::vector<std::string> step_ids;
    StepCancellationOption option = StepCancellationOption::send_interrupt;
};

// EMR's answer per step: the request was taken (SUBMITTED; the step becomes CANCEL_PENDING, then
// CANCELLED) or refused (FAILED, with a reason: the step had already ended, for one).
struct CancelStepInfo {
    std::string step_id;
    std::string status;  // "SUBMITTED" or "FAILED"
    std::string reason;
};

struct CancelStepsOutput {
    std::vector<CancelStepInfo> steps;
};

HttpRequest make_cancel_steps_request(const CancelStepsInput& input,
                                      const protocol::Endpoint& endpoint);
Result<CancelStepsOutput> parse_cancel_steps_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::emr
