#!/usr/bin/env bash
# emrctl's overhead on a local run: `emrctl run pi --local` against a bare `spark-submit` of the
# same script with the same arguments and the same Spark, side by side in one hyperfine run
# (median of --runs each, default 5). Target: under 5% (issue: Jobs, bench/local).
# usage: bench/local/run.sh [--runs N]
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
runs=5
[ "${1:-}" = "--runs" ] && runs=$2

"$root/scripts/setup.sh"
command -v hyperfine >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo;
    $sudo apt-get install -y -qq hyperfine >/dev/null; }
"$root/scripts/build.sh" release >/dev/null
emrctl="$root/build/release/src/emrctl"

work="$root/build/bench/local"
rm -rf "$work" && mkdir -p "$work"
cp -r "$root/examples/quickstart" "$work/project"
rm -rf "$work/project/.emrctl" "$work/project/emrctl.out" "$work/project/emrctl.state.json"
export EMRCTL_LOCAL_VENV="$root/.cache/spark-venv"

# One run installs the venv and places the script where both commands read it.
(cd "$work/project" && "$emrctl" run pi --local >/dev/null)
venv=$EMRCTL_LOCAL_VENV
spark_home=$(ls -d "$venv"/lib/python3*/site-packages/pyspark)
script="$work/project/.emrctl/local/s3/data/code/pi.py"
out="file://$work/bare-output/pi"
bare="env SPARK_HOME=$spark_home PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python SPARK_LOCAL_IP=127.0.0.1 $venv/bin/spark-submit --master 'local[*]' --name pi --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false $script --output_uri $out --partitions 4"

cd "$work/project"
hyperfine --runs "$runs" --warmup 1 --export-json "$work/results.json" \
    -n "emrctl run pi --local" "$emrctl run pi --local" \
    -n "bare spark-submit" "$bare"

python3 - "$work/results.json" <<'PY'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) for x in json.load(open(sys.argv[1]))["results"]}
e, b = r["emrctl run pi --local"], r["bare spark-submit"]
print(f"\nmedian: emrctl {e:.3f} s, bare spark-submit {b:.3f} s, "
      f"overhead {100 * (e - b) / b:+.1f}% (target < 5%)")
PY
