// Fuzz target: any bytes as the answer of a JSON-protocol call (JSON 1.1: EMR; REST-JSON errors),
// through every EMR parse_* and the shared JSON error decoders and retry classifier. Nothing may
// crash, hang or throw: nlohmann::json throws on type mismatches, so this is what proves the
// parsers only use the total accessors of json_reader.hpp.
//
// Registered in tests/fuzz/CMakeLists.txt with:
//   add_executable(json_response_fuzz json_response_fuzz.cpp)
//   target_link_libraries(json_response_fuzz PRIVATE emrctl_aws nlohmann_json::nlohmann_json
//       standard_warnings)
//   target_link_options(json_response_fuzz PRIVATE -fsanitize=fuzzer)
// and run by scripts/fuzz.sh as target json_response_fuzz (corpus
// tests/fuzz/corpus/json_response, dictionary tests/fuzz/json_response.dict).
//
// Input: byte 0 picks the status, byte 1 which headers to send (values cut from the body), the
// rest is the body.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "touch_result.hpp"

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/json_error.hpp>
#include <emrctl/aws/protocol/json_reader.hpp>
#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/aws/services/emr/clusters.hpp>
#include <emrctl/aws/services/emr/steps.hpp>

namespace {

using namespace emrctl;
using namespace emrctl::aws;
using fuzz::touch;

constexpr std::array<int, 10> k_statuses{200, 200, 200, 400, 403, 404, 429, 500, 502, 503};

protocol::HttpResponse make_response(const std::uint8_t* data, std::size_t size) {
    protocol::HttpResponse response;
    response.status = size > 0 ? k_statuses[data[0] % k_statuses.size()] : 200;
    const std::uint8_t flags = size > 1 ? data[1] : 0;
    const std::size_t skip = size > 2 ? 2 : size;
    response.body.assign(reinterpret_cast<const char*>(data) + skip, size - skip);
    const std::string value(std::string_view(response.body).substr(0, 60));
    if (flags & 0x01) response.headers.emplace_back("X-Amzn-ErrorType", value);
    if (flags & 0x02) response.headers.emplace_back("x-amzn-RequestId", value);
    return response;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto response = make_response(data, size);
    std::size_t sink = 0;

    sink += touch(emr::parse_describe_cluster_response(response));
    sink += touch(emr::parse_list_clusters_response(response));
    sink += touch(emr::parse_terminate_job_flows_response(response));
    sink += touch(emr::parse_add_job_flow_steps_response(response));
    sink += touch(emr::parse_describe_step_response(response));
    sink += touch(emr::parse_list_steps_response(response));

    sink += touch(protocol::json_error({"emr", "Fuzz"}, response));
    sink += touch(protocol::rest_json_error({"emr-containers", "Fuzz"}, response));
    sink += static_cast<std::size_t>(protocol::classify_retry(response));
    sink += protocol::error_code_of(response).size();
    if (const auto document = protocol::read_json_error(response.body)) {
        sink += document->code.size();
    }

    volatile std::size_t keep = sink;
    (void)keep;
    return 0;
}
