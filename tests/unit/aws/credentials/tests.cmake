# Credentials, region and endpoints: pure logic over an Environment snapshot and files held in
# memory, plus the disk cache in a scratch HOME. No network.
emrctl_test(emrctl_credentials_tests
    SOURCES
        ${CMAKE_CURRENT_LIST_DIR}/assume_role_provider_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/cached_credentials_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/chain_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/disk_file_access_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/endpoint_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/endpoint_url_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/environment_provider_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/environment_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/ini_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/profile_provider_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/region_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/role_cache_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/settings_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/shared_config_test.cpp
        ${CMAKE_CURRENT_LIST_DIR}/timestamp_test.cpp
    LIBS emrctl_aws
    LABELS unit)
