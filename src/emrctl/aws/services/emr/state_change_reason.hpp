#pragma once

// Why a cluster or a step is in its state: {"Code": "ALL_STEPS_COMPLETED", "Message": "…"}.

#include <string>

#include <nlohmann/json_fwd.hpp>

namespace emrctl::aws::emr {

struct StateChangeReason {
    std::string code;  // "USER_REQUEST", "BOOTSTRAP_FAILURE", "ALL_STEPS_COMPLETED"…
    std::string message;
};

// From a Status object; empty when it has none.
StateChangeReason read_state_change_reason(const nlohmann::json& status);

}  // namespace emrctl::aws::emr
