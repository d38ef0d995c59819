# The protocol codecs (tests/unit/aws/protocol) and the per-service request builders and response
# parsers (tests/unit/aws/services): pure, so every test is a built request compared field by
# field or a recorded answer parsed.
find_package(pugixml REQUIRED)  # imported targets are per directory: src/ found its own

set(services ${CMAKE_CURRENT_LIST_DIR}/../services)
emrctl_test(emrctl_protocol_tests
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/errors_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/query_request_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/retry_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/timestamp_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/xml_reader_test.cpp
        ${services}/cloudformation/change_sets_test.cpp
        ${services}/cloudformation/stacks_test.cpp
        ${services}/ec2/security_groups_test.cpp
        ${services}/emr/emr_test.cpp
        ${services}/s3/buckets_test.cpp
        ${services}/s3/list_objects_test.cpp
        ${services}/s3/multipart_test.cpp
        ${services}/s3/objects_test.cpp
        ${services}/sts/sts_test.cpp
    LIBS emrctl_aws nlohmann_json::nlohmann_json pugixml::pugixml
    LABELS unit)
