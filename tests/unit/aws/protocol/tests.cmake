# The protocol codecs and the per-service request builders and response parsers: pure, so every
# test is a built request compared field by field or a recorded answer parsed.
find_package(pugixml REQUIRED)  # imported targets are per directory: src/ found its own

emrctl_test(emrctl_protocol_tests
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/cloudformation_change_sets_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/cloudformation_stacks_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/emr_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/errors_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/query_request_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/retry_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/s3_buckets_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/s3_list_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/s3_multipart_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/s3_objects_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/sts_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/timestamp_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/xml_reader_test.cpp
    LIBS emrctl_aws nlohmann_json::nlohmann_json pugixml::pugixml
    LABELS unit)
