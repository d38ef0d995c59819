#include <emrctl/deploy/stack_status.hpp>

namespace emrctl::deploy {

StackCondition stack_condition(std::string_view status) {
    if (status.empty() || status == "DELETE_COMPLETE") return StackCondition::missing;
    if (status == "REVIEW_IN_PROGRESS") return StackCondition::review;
    if (status.ends_with("_IN_PROGRESS")) return StackCondition::in_progress;
    if (status == "ROLLBACK_COMPLETE" || status == "ROLLBACK_FAILED" || status == "CREATE_FAILED") {
        return StackCondition::failed_create;
    }
    if (status.ends_with("_FAILED")) return StackCondition::stuck;
    return StackCondition::updatable;
}

bool is_success(std::string_view status) {
    return status == "CREATE_COMPLETE" || status == "UPDATE_COMPLETE" ||
           status == "DELETE_COMPLETE" || status == "IMPORT_COMPLETE";
}

bool is_settled(std::string_view status) {
    return !status.empty() && (status == "REVIEW_IN_PROGRESS" || !status.ends_with("_IN_PROGRESS"));
}

}  // namespace emrctl::deploy
