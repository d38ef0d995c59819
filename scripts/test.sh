#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is missing, checks formatting,
# builds with warnings as errors, runs every test (unit, golden, cfn-lint), fuzzes the parsers,
# and runs every test again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)
say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

"$root/scripts/setup.sh"

say "clang-format"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
clang-format --dry-run --Werror "${sources[@]}"

say "debug build (-Werror) and tests"
"$root/scripts/build.sh" debug
ctest --test-dir build/debug --output-on-failure -j "$jobs"

say "fuzzing the project-file parser and validator, and the AWS response parsers"
"$root/scripts/build.sh" fuzz
"$root/scripts/fuzz.sh" "${EMRCTL_FUZZ_SECONDS:-30}"

say "AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
"$root/scripts/build.sh" asan
# The Python-only checks (cfn-lint, the emulator's own suite) ran above; everything that runs
# emrctl's code runs again here.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build/asan --output-on-failure -j "$jobs" -E '^(cfn_lint|emulator_selftest)$'
