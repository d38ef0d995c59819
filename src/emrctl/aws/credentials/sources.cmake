# Credentials, region and endpoints (DESIGN.md §5): one provider per file, then the chain, then
# the cache; settings.hpp is what the rest of emrctl calls.
target_sources(emrctl_aws PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/assume_role_provider.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cached_credentials.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chain.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chain_errors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/credentials.cpp
    ${CMAKE_CURRENT_LIST_DIR}/disk_file_access.cpp
    ${CMAKE_CURRENT_LIST_DIR}/endpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/endpoint_url.cpp
    ${CMAKE_CURRENT_LIST_DIR}/environment.cpp
    ${CMAKE_CURRENT_LIST_DIR}/environment_provider.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ini.cpp
    ${CMAKE_CURRENT_LIST_DIR}/profile_provider.cpp
    ${CMAKE_CURRENT_LIST_DIR}/profile_selection.cpp
    ${CMAKE_CURRENT_LIST_DIR}/region.cpp
    ${CMAKE_CURRENT_LIST_DIR}/role_cache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/service.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settings.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shared_config.cpp
    ${CMAKE_CURRENT_LIST_DIR}/timestamp.cpp
    ${CMAKE_CURRENT_LIST_DIR}/unsupported_profiles.cpp)
# The role cache's entries are JSON.
target_link_libraries(emrctl_aws PRIVATE nlohmann_json::nlohmann_json)
