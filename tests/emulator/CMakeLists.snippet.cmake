# --- AWS emulator (tests/emulator): paste into tests/CMakeLists.txt --------------------------------
# One emulator (moto + the /_emrctl control API) on 127.0.0.1 and a free port, shared by every test
# that says FIXTURES_REQUIRED emulator. start.sh leaves in ${EMRCTL_EMULATOR_DIR}: port, endpoint,
# pid, env.sh (exports AWS_ENDPOINT_URL, fake keys, EMULATOR_CONTROL) and emulator.log.
set(EMRCTL_EMULATOR_DIR "${CMAKE_CURRENT_BINARY_DIR}/emulator")
add_test(NAME emulator_start
    COMMAND ${PROJECT_SOURCE_DIR}/tests/emulator/start.sh ${EMRCTL_EMULATOR_DIR})
set_tests_properties(emulator_start PROPERTIES
    FIXTURES_SETUP emulator LABELS emulator TIMEOUT 120)
add_test(NAME emulator_stop
    COMMAND ${PROJECT_SOURCE_DIR}/tests/emulator/stop.sh ${EMRCTL_EMULATOR_DIR})
set_tests_properties(emulator_stop PROPERTIES
    FIXTURES_CLEANUP emulator LABELS emulator TIMEOUT 60)

# A second emulator with signature checking on (DESIGN §7: it breaks EKS and emr-containers GETs,
# so it serves only the suite that checks signing). The first 3 requests are free: a test uses them
# for iam CreateUser, PutUserPolicy and CreateAccessKey.
set(EMRCTL_EMULATOR_AUTH_DIR "${CMAKE_CURRENT_BINARY_DIR}/emulator-auth")
add_test(NAME emulator_auth_start
    COMMAND ${CMAKE_COMMAND} -E env INITIAL_NO_AUTH_ACTION_COUNT=3
        ${PROJECT_SOURCE_DIR}/tests/emulator/start.sh ${EMRCTL_EMULATOR_AUTH_DIR})
set_tests_properties(emulator_auth_start PROPERTIES
    FIXTURES_SETUP emulator_auth LABELS emulator TIMEOUT 120)
add_test(NAME emulator_auth_stop
    COMMAND ${PROJECT_SOURCE_DIR}/tests/emulator/stop.sh ${EMRCTL_EMULATOR_AUTH_DIR})
set_tests_properties(emulator_auth_stop PROPERTIES
    FIXTURES_CLEANUP emulator_auth LABELS emulator TIMEOUT 60)

# The emulator's own checks (start their own emulators; about 20 s).
add_test(NAME emulator_selftest
    COMMAND ${PROJECT_SOURCE_DIR}/.venv/bin/python -m pytest -q ${PROJECT_SOURCE_DIR}/tests/emulator)
set_tests_properties(emulator_selftest PROPERTIES LABELS emulator TIMEOUT 180)

# How a suite uses it (example: a GoogleTest binary reading $EMRCTL_EMULATOR_DIR/port). Tests that
# reset the emulator or inject faults must not overlap: RESOURCE_LOCK serializes them under -j.
#   gtest_discover_tests(emrctl_emulator_tests
#       PROPERTIES LABELS emulator FIXTURES_REQUIRED emulator RESOURCE_LOCK emulator TIMEOUT 300
#           ENVIRONMENT "EMRCTL_EMULATOR_DIR=${EMRCTL_EMULATOR_DIR}"
#       DISCOVERY_TIMEOUT 60)
#   gtest_discover_tests(emrctl_signing_tests
#       PROPERTIES LABELS emulator FIXTURES_REQUIRED emulator_auth RESOURCE_LOCK emulator_auth
#           ENVIRONMENT "EMRCTL_EMULATOR_DIR=${EMRCTL_EMULATOR_AUTH_DIR}"
#       DISCOVERY_TIMEOUT 60)
# ----------------------------------------------------------------------------------------------------
