#include <string_view>

#include <emrctl/deploy/root_causes.hpp>

namespace emrctl::deploy {

namespace {

bool is_stack_event(const aws::cloudformation::StackEvent& e) {
    return e.resource_type == "AWS::CloudFormation::Stack";
}

bool is_failure(const aws::cloudformation::StackEvent& e) {
    return std::string_view(e.status).ends_with("_FAILED");
}

// Reasons CloudFormation gives a resource that failed because something else did.
bool is_consequence(std::string_view reason) {
    for (const std::string_view echo :
         {"Resource creation cancelled", "Resource update cancelled",
          "The following resource(s) failed to", "Resource handler returned message: \"null\""}) {
        if (reason.starts_with(echo)) return true;
    }
    return false;
}

}  // namespace

std::vector<aws::cloudformation::StackEvent> root_causes(
    const std::vector<aws::cloudformation::StackEvent>& events) {
    std::vector<aws::cloudformation::StackEvent> causes;
    for (const auto& e : events) {
        if (!is_stack_event(e) && is_failure(e) && !is_consequence(e.status_reason)) {
            causes.push_back(e);
        }
    }
    if (!causes.empty()) return causes;
    for (const auto& e : events) {
        if (!is_stack_event(e) && is_failure(e)) causes.push_back(e);
    }
    if (!causes.empty()) return causes;
    for (const auto& e : events) {
        const std::string_view status = e.status;
        if (is_stack_event(e) && !e.status_reason.empty() &&
            (is_failure(e) || status.find("ROLLBACK_IN_PROGRESS") != std::string_view::npos)) {
            causes.push_back(e);
        }
    }
    return causes;
}

}  // namespace emrctl::deploy
