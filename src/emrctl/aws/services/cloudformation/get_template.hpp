#pragma once

// CloudFormation GetTemplate: the template a stack was deployed with, for `emrctl diff`. Stage
// Original is the template as submitted (what emrctl synthesized), not after transforms.

#include <string>
#include <vector>

#include <emrctl/aws/http_request.hpp>
#include <emrctl/aws/protocol/endpoint.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/util/error.hpp>

namespace emrctl::aws::cloudformation {

enum class TemplateStage { original, processed };

struct GetTemplateInput {
    std::string stack_name;
    std::string change_set_name;  // the template of a change set instead; empty: the stack's
    TemplateStage stage = TemplateStage::original;
};

struct GetTemplateOutput {
    std::string template_body;  // JSON or YAML, as submitted
    std::vector<std::string> stages_available;
};

HttpRequest make_get_template_request(const GetTemplateInput& input,
                                      const protocol::Endpoint& endpoint);
Result<GetTemplateOutput> parse_get_template_response(const protocol::HttpResponse& response);

}  // namespace emrctl::aws::cloudformation
