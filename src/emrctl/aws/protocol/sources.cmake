# The AWS protocol codecs (this folder) and the per-service request builders and response parsers
# (../services), folded into emrctl_aws: src/CMakeLists.txt includes this once emrctl_aws exists.
find_package(pugixml REQUIRED)

target_sources(emrctl_aws PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/aws_error.cpp
    ${CMAKE_CURRENT_LIST_DIR}/endpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/http_response.cpp
    ${CMAKE_CURRENT_LIST_DIR}/json_error.cpp
    ${CMAKE_CURRENT_LIST_DIR}/json_reader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/json_request.cpp
    ${CMAKE_CURRENT_LIST_DIR}/payload.cpp
    ${CMAKE_CURRENT_LIST_DIR}/query_request.cpp
    ${CMAKE_CURRENT_LIST_DIR}/query_response.cpp
    ${CMAKE_CURRENT_LIST_DIR}/retry.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timestamp.cpp
    ${CMAKE_CURRENT_LIST_DIR}/xml_error.cpp
    ${CMAKE_CURRENT_LIST_DIR}/xml_reader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/xml_writer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/cloudformation/change_sets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/cloudformation/get_template.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/cloudformation/stack_events.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/cloudformation/stack_fields.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/cloudformation/stack_resources.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/cloudformation/stacks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/ec2/security_groups.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/emr/clusters.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/emr/state_change_reason.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/emr/steps.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/buckets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/content_md5.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/delete_objects.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/list_objects.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/multipart.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/object_metadata.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/objects.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/s3/s3_protocol.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/sts/assume_role.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../services/sts/get_caller_identity.cpp)

# The parsers' headers name pugixml and nlohmann types, so whoever includes them (tests, clients)
# needs those packages too; the libraries stay private to emrctl_aws, whose static archive passes
# them on at link time.
target_link_libraries(emrctl_aws PRIVATE pugixml::pugixml nlohmann_json::nlohmann_json)
