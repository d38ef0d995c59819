#include <emrctl/aws/protocol/query_request.hpp>
#include <emrctl/aws/protocol/query_response.hpp>
#include <emrctl/aws/services/cloudformation/cloudformation_protocol.hpp>
#include <emrctl/aws/services/cloudformation/get_template.hpp>

namespace emrctl::aws::cloudformation {

namespace {
constexpr auto k_operation = operation("GetTemplate");
}  // namespace

HttpRequest make_get_template_request(const GetTemplateInput& input,
                                      const protocol::Endpoint& endpoint) {
    protocol::QueryParams params;
    params.add("StackName", input.stack_name);
    if (!input.change_set_name.empty()) params.add("ChangeSetName", input.change_set_name);
    params.add("TemplateStage", input.stage == TemplateStage::original ? "Original" : "Processed");
    return protocol::make_query_request(endpoint, k_operation.name, k_api_version, params);
}

Result<GetTemplateOutput> parse_get_template_response(const protocol::HttpResponse& response) {
    auto answer = protocol::read_query_response(k_operation, response);
    if (!answer) return std::unexpected(std::move(answer.error()));
    return GetTemplateOutput{
        .template_body = protocol::text_at(answer->result, "TemplateBody"),
        .stages_available = protocol::member_texts(answer->result, "StagesAvailable")};
}

}  // namespace emrctl::aws::cloudformation
