#include <nlohmann/json.hpp>

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/json_reader.hpp>
#include <emrctl/aws/protocol/json_request.hpp>
#include <emrctl/aws/services/emr/emr_protocol.hpp>
#include <emrctl/aws/services/emr/steps.hpp>

namespace emrctl::aws::emr {

namespace {

constexpr auto k_add = operation("AddJobFlowSteps");
constexpr auto k_describe = operation("DescribeStep");
constexpr auto k_list = operation("ListSteps");
constexpr auto k_cancel = operation("CancelSteps");

using nlohmann::json;
using protocol::json_member;
using protocol::json_string;

std::string action_name(ActionOnFailure action) {
    switch (action) {
        case ActionOnFailure::continue_:
            return "CONTINUE";
        case ActionOnFailure::cancel_and_wait:
            return "CANCEL_AND_WAIT";
        case ActionOnFailure::terminate_cluster:
            return "TERMINATE_CLUSTER";
    }
    return {};
}

json step_config_json(const StepConfig& step) {
    json jar_step{{"Jar", step.hadoop_jar_step.jar}, {"Args", step.hadoop_jar_step.args}};
    if (!step.hadoop_jar_step.main_class.empty()) {
        jar_step["MainClass"] = step.hadoop_jar_step.main_class;
    }
    if (!step.hadoop_jar_step.properties.empty()) {
        json properties = json::array();
        for (const auto& [key, value] : step.hadoop_jar_step.properties) {
            properties.push_back({{"Key", key}, {"Value", value}});
        }
        jar_step["Properties"] = std::move(properties);
    }
    return {{"Name", step.name},
            {"ActionOnFailure", action_name(step.action_on_failure)},
            {"HadoopJarStep", std::move(jar_step)}};
}

// A Step and a StepSummary have the same shape where emrctl reads them.
Step read_step(const json& step) {
    const auto& status = json_member(step, "Status");
    const auto& timeline = json_member(status, "Timeline");
    const auto& config = json_member(step, "Config");
    Step out{.id = json_string(step, "Id"),
             .name = json_string(step, "Name"),
             .state = json_string(status, "State"),
             .state_change_reason = read_state_change_reason(status),
             .timeline = {.created = protocol::json_epoch(timeline, "CreationDateTime"),
                          .started = protocol::json_epoch(timeline, "StartDateTime"),
                          .ended = protocol::json_epoch(timeline, "EndDateTime")},
             .action_on_failure = json_string(step, "ActionOnFailure"),
             .jar = json_string(config, "Jar"),
             .args = protocol::json_strings(config, "Args")};
    const auto& failure = json_member(status, "FailureDetails");
    if (failure.is_object()) {
        out.failure = StepFailureDetails{.reason = json_string(failure, "Reason"),
                                         .message = json_string(failure, "Message"),
                                         .log_file = json_string(failure, "LogFile")};
    }
    return out;
}

}  // namespace

HttpRequest make_add_job_flow_steps_request(const AddJobFlowStepsInput& input,
                                            const protocol::Endpoint& endpoint) {
    json steps = json::array();
    for (const auto& step : input.steps)
        steps.push_back(step_config_json(step));
    json body{{"JobFlowId", input.cluster_id}, {"Steps", std::move(steps)}};
    if (!input.execution_role_arn.empty()) body["ExecutionRoleArn"] = input.execution_role_arn;
    return protocol::make_json_request(endpoint, k_target_prefix, k_add.name, body);
}

Result<AddJobFlowStepsOutput> parse_add_job_flow_steps_response(
    const protocol::HttpResponse& response) {
    auto body = protocol::read_json_response(k_add, response);
    if (!body) return std::unexpected(std::move(body.error()));
    return AddJobFlowStepsOutput{.step_ids = protocol::json_strings(*body, "StepIds")};
}

HttpRequest make_describe_step_request(const DescribeStepInput& input,
                                       const protocol::Endpoint& endpoint) {
    return protocol::make_json_request(
        endpoint, k_target_prefix, k_describe.name,
        {{"ClusterId", input.cluster_id}, {"StepId", input.step_id}});
}

Result<Step> parse_describe_step_response(const protocol::HttpResponse& response) {
    auto body = protocol::read_json_response(k_describe, response);
    if (!body) return std::unexpected(std::move(body.error()));
    auto step = read_step(json_member(*body, "Step"));
    if (step.id.empty()) {
        return std::unexpected(protocol::malformed_response(k_describe, response, "no Step.Id"));
    }
    return step;
}

HttpRequest make_list_steps_request(const ListStepsInput& input,
                                    const protocol::Endpoint& endpoint) {
    json body{{"ClusterId", input.cluster_id}};
    if (!input.states.empty()) body["StepStates"] = input.states;
    if (!input.step_ids.empty()) body["StepIds"] = input.step_ids;
    if (!input.marker.empty()) body["Marker"] = input.marker;
    return protocol::make_json_request(endpoint, k_target_prefix, k_list.name, body);
}

Result<ListStepsOutput> parse_list_steps_response(const protocol::HttpResponse& response) {
    auto body = protocol::read_json_response(k_list, response);
    if (!body) return std::unexpected(std::move(body.error()));
    ListStepsOutput out{.marker = json_string(*body, "Marker")};
    for (const auto* step : protocol::json_objects(*body, "Steps")) {
        out.steps.push_back(read_step(*step));
    }
    return out;
}

HttpRequest make_cancel_steps_request(const CancelStepsInput& input,
                                      const protocol::Endpoint& endpoint) {
    const char* option = input.option == StepCancellationOption::terminate_process
                             ? "TERMINATE_PROCESS"
                             : "SEND_INTERRUPT";
    return protocol::make_json_request(endpoint, k_target_prefix, k_cancel.name,
                                       {{"ClusterId", input.cluster_id},
                                        {"StepIds", input.step_ids},
                                        {"StepCancellationOption", option}});
}

Result<CancelStepsOutput> parse_cancel_steps_response(const protocol::HttpResponse& response) {
    auto body = protocol::read_json_response(k_cancel, response);
    if (!body) return std::unexpected(std::move(body.error()));
    CancelStepsOutput out;
    for (const auto* info : protocol::json_objects(*body, "CancelStepsInfoList")) {
        out.steps.push_back({.step_id = json_string(*info, "StepId"),
                             .status = json_string(*info, "Status"),
                             .reason = json_string(*info, "Reason")});
    }
    return out;
}

}  // namespace emrctl::aws::emr
