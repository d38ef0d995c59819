#include <nlohmann/json.hpp>

#include <emrctl/aws/protocol/json_reader.hpp>
#include <emrctl/aws/services/emr/state_change_reason.hpp>

namespace emrctl::aws::emr {

StateChangeReason read_state_change_reason(const nlohmann::json& status) {
    const auto& reason = protocol::json_member(status, "StateChangeReason");
    return {.code = protocol::json_string(reason, "Code"),
            .message = protocol::json_string(reason, "Message")};
}

}  // namespace emrctl::aws::emr
