// Fuzz target: any bytes as the answer of an XML-protocol call (query: STS, CloudFormation, EC2;
// REST-XML: S3), through every parse_* of those services and the shared error decoders and retry
// classifier. Nothing may crash, hang or throw: a hostile or broken endpoint must produce an
// Error, never take emrctl down.
//
// Registered in tests/fuzz/CMakeLists.txt with:
//   find_package(pugixml REQUIRED)
//   add_executable(xml_response_fuzz xml_response_fuzz.cpp)
//   target_link_libraries(xml_response_fuzz PRIVATE emrctl_aws pugixml::pugixml standard_warnings)
//   target_link_options(xml_response_fuzz PRIVATE -fsanitize=fuzzer)
// and run by scripts/fuzz.sh as target xml_response_fuzz (corpus tests/fuzz/corpus/xml_response,
// dictionary tests/fuzz/xml_response.dict).
//
// Input: byte 0 picks the status, byte 1 which headers to send (their values are cut from the
// body, so header parsing is fuzzed too), the rest is the body.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "touch_result.hpp"

#include <emrctl/aws/protocol/aws_error.hpp>
#include <emrctl/aws/protocol/http_response.hpp>
#include <emrctl/aws/protocol/retry.hpp>
#include <emrctl/aws/protocol/xml_error.hpp>
#include <emrctl/aws/services/cloudformation/change_sets.hpp>
#include <emrctl/aws/services/cloudformation/get_template.hpp>
#include <emrctl/aws/services/cloudformation/stack_events.hpp>
#include <emrctl/aws/services/cloudformation/stack_resources.hpp>
#include <emrctl/aws/services/cloudformation/stacks.hpp>
#include <emrctl/aws/services/ec2/security_groups.hpp>
#include <emrctl/aws/services/s3/buckets.hpp>
#include <emrctl/aws/services/s3/delete_objects.hpp>
#include <emrctl/aws/services/s3/list_objects.hpp>
#include <emrctl/aws/services/s3/multipart.hpp>
#include <emrctl/aws/services/s3/objects.hpp>
#include <emrctl/aws/services/s3/s3_protocol.hpp>
#include <emrctl/aws/services/sts/assume_role.hpp>
#include <emrctl/aws/services/sts/get_caller_identity.hpp>

namespace {

using namespace emrctl;
using namespace emrctl::aws;
using fuzz::touch;

constexpr std::array<int, 12> k_statuses{200, 200, 200, 204, 206, 301,
                                         400, 403, 404, 429, 500, 503};

protocol::HttpResponse make_response(const std::uint8_t* data, std::size_t size) {
    protocol::HttpResponse response;
    response.status = size > 0 ? k_statuses[data[0] % k_statuses.size()] : 200;
    const std::uint8_t flags = size > 1 ? data[1] : 0;
    const std::size_t skip = size > 2 ? 2 : size;
    response.body.assign(reinterpret_cast<const char*>(data) + skip, size - skip);
    const std::string_view head = std::string_view(response.body).substr(0, 40);
    const std::string value(head);
    if (flags & 0x01) response.headers.emplace_back("x-amzn-ErrorType", value);
    if (flags & 0x02) response.headers.emplace_back("x-amz-bucket-region", value);
    if (flags & 0x04) response.headers.emplace_back("Content-Length", value);
    if (flags & 0x08) response.headers.emplace_back("Last-Modified", value);
    if (flags & 0x10) response.headers.emplace_back("ETag", value);
    if (flags & 0x20) response.headers.emplace_back("x-amz-meta-" + value, value);
    if (flags & 0x40) response.headers.emplace_back("x-amz-request-id", value);
    if (flags & 0x80) response.headers.emplace_back("x-amz-delete-marker", value);
    return response;
}

// Reads every error the same way a caller would, so a bad Error is caught here too.

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto response = make_response(data, size);
    std::size_t sink = 0;

    sink += touch(sts::parse_get_caller_identity_response(response));
    sink += touch(sts::parse_assume_role_response(response));

    sink += touch(cloudformation::parse_create_change_set_response(response));
    sink += touch(cloudformation::parse_describe_change_set_response(response));
    sink += touch(cloudformation::parse_execute_change_set_response(response));
    sink += touch(cloudformation::parse_delete_change_set_response(response));
    sink += touch(cloudformation::parse_describe_stacks_response(response));
    sink += touch(cloudformation::parse_delete_stack_response(response));
    sink += touch(cloudformation::parse_describe_stack_events_response(response));
    sink += touch(cloudformation::parse_list_stack_resources_response(response));
    sink += touch(cloudformation::parse_get_template_response(response));

    sink += touch(ec2::parse_describe_security_groups_response(response));
    sink += touch(ec2::parse_create_security_group_response(response));
    sink += touch(ec2::parse_authorize_security_group_ingress_response(response));
    sink += touch(ec2::parse_authorize_security_group_egress_response(response));
    sink += touch(ec2::parse_revoke_security_group_ingress_response(response));
    sink += touch(ec2::parse_revoke_security_group_egress_response(response));

    sink += touch(s3::parse_create_bucket_response(response));
    sink += touch(s3::parse_head_bucket_response(response));
    sink += touch(s3::parse_delete_bucket_response(response));
    sink += touch(s3::parse_list_buckets_response(response));
    sink += touch(s3::parse_put_object_response(response));
    sink += touch(s3::parse_get_object_response(response));
    sink += touch(s3::parse_head_object_response(response));
    sink += touch(s3::parse_delete_object_response(response));
    sink += touch(s3::parse_delete_objects_response(response));
    sink += touch(s3::parse_list_objects_v2_response(response));
    sink += touch(s3::parse_list_object_versions_response(response));
    sink += touch(s3::parse_create_multipart_upload_response(response));
    sink += touch(s3::parse_upload_part_response(response));
    sink += touch(s3::parse_complete_multipart_upload_response(response));
    sink += touch(s3::parse_abort_multipart_upload_response(response));

    sink += touch(protocol::query_error({"sts", "Fuzz"}, response));
    sink += touch(protocol::rest_xml_error({"s3", "Fuzz"}, response));
    sink += static_cast<std::size_t>(protocol::classify_retry(response));
    sink += protocol::error_code_of(response).size();
    sink += protocol::body_excerpt(response.body).size();

    // Nothing reads the sum; it only keeps the calls from being optimized away.
    volatile std::size_t keep = sink;
    (void)keep;
    return 0;
}
