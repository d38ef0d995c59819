#pragma once

// What a CloudFormation stack status means for emrctl: can it be updated, must it be waited for,
// did the last operation fail. Pure.

#include <string_view>

namespace emrctl::deploy {

enum class StackCondition {
    missing,        // no such stack (or DELETE_COMPLETE)
    in_progress,    // *_IN_PROGRESS: wait before doing anything
    review,         // REVIEW_IN_PROGRESS: a create change set was never executed
    failed_create,  // ROLLBACK_COMPLETE, ROLLBACK_FAILED, CREATE_FAILED: delete, then create
    stuck,          // UPDATE_ROLLBACK_FAILED, DELETE_FAILED, UPDATE_FAILED…: needs a person
    updatable,      // *_COMPLETE after success or a clean update rollback
};

StackCondition stack_condition(std::string_view status);

// Whether an operation that ended in `status` succeeded: CREATE_COMPLETE, UPDATE_COMPLETE,
// DELETE_COMPLETE, IMPORT_COMPLETE.
bool is_success(std::string_view status);

// Whether `status` ends an operation (anything but *_IN_PROGRESS, REVIEW_IN_PROGRESS aside).
bool is_settled(std::string_view status);

}  // namespace emrctl::deploy
