#!/usr/bin/env bash
# Runs each libFuzzer target (built by `scripts/build.sh fuzz`) for the given number of seconds
# (the project file and the AWS XML and JSON response parsers),
# starting from the checked-in seed corpus. Findings are left in build/fuzz/findings/.
# usage: fuzz.sh [SECONDS]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
build="$root/build/fuzz"
mkdir -p "$build/corpus" "$build/findings"

for target in config_fuzz xml_response_fuzz json_response_fuzz; do
    name=${target%_fuzz}
    corpus="$build/corpus/$name"
    mkdir -p "$corpus"
    log="$build/$name.log"
    status=0
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict="$root/tests/fuzz/$name.dict" -artifact_prefix="$build/findings/" \
        -print_final_stats=1 "$corpus" "$root/tests/fuzz/corpus/$name" >"$log" 2>&1 || status=$?
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|SUMMARY)' "$log" || true
    if [ "$status" -ne 0 ]; then
        grep -A 30 -E '^==[0-9]+==ERROR' "$log" | head -60 >&2 || tail -40 "$log" >&2
        echo "fuzz: $target found a crash (exit $status); the input is in $build/findings/" >&2
        exit 1
    fi
    echo "fuzz: $target ran ${seconds}s without a crash"
done
