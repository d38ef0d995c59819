#pragma once

// Why a stack operation failed, from its events: the resources that failed first and for a
// reason of their own. CloudFormation reports every failure it causes in turn ("Resource creation
// cancelled", "The following resource(s) failed to create: …"), which bury the one that matters.

#include <vector>

#include <emrctl/aws/services/cloudformation/stack_events.hpp>

namespace emrctl::deploy {

// From the events of one operation in the order they happened: the *_FAILED events of
// resources whose reason is not a consequence of another failure, oldest first. When every
// failure is a consequence, all the failed resource events; when none failed, the stack's own
// failed or rollback events.
std::vector<aws::cloudformation::StackEvent> root_causes(
    const std::vector<aws::cloudformation::StackEvent>& events);

}  // namespace emrctl::deploy
