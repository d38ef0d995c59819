#!/usr/bin/env bash
# Synth benchmark: times `emrctl synth -o` on examples/quickstart and on generated projects with
# 10, 100 and 1000 jobs, and with --with-cdk the equivalent AWS CDK app (bench/synth/cdk-app) in
# the same run, then prints a table, the targets and the CDK/emrctl ratios.
#
#   bench/synth/run.sh [--runs K] [--cdk-runs K] [--with-cdk]
#
# --runs K      measured runs per emrctl project and mode (cold, warm; default 11), after 1 warm-up run
# --cdk-runs K  measured runs of `cdk synth` and of `node app.js` (default 5), after 1 warm-up run
# --with-cdk    also install (npm ci) and time the CDK app
# Environment: BENCH_STRICT=1 exits 3 when a target is missed (default: report only);
# BENCH_NO_WAIT=1 does not wait for other builds and test runs (ninja, ctest, make) to finish
# before building and measuring; BENCH_MAX_WAIT=S waits at most S seconds (default 1200).
#
# Everything it writes goes under build/bench/synth/ (projects, outputs, the CDK install with its
# node_modules, results/*.json and results/report.txt); nothing is written in the source tree.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$root/build/bench/synth"
results="$work/results"
python=${PYTHON:-python3}
runs=11
cdk_runs=5
with_cdk=0

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=${2:?--runs needs a number}; shift 2 ;;
        --runs=*) runs=${1#*=}; shift ;;
        --cdk-runs) cdk_runs=${2:?--cdk-runs needs a number}; shift 2 ;;
        --cdk-runs=*) cdk_runs=${1#*=}; shift ;;
        --with-cdk) with_cdk=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
case "$runs$cdk_runs" in *[!0-9]*|'') echo "run.sh: --runs and --cdk-runs take numbers" >&2; exit 2 ;; esac

log() { printf '==> %s\n' "$*" >&2; }

# The machine has 2 cores: a build running beside the benchmark slows it down and skews it.
wait_for_builds() {
    [ "${BENCH_NO_WAIT:-0}" = 1 ] && return 0
    local waited=0 limit=${BENCH_MAX_WAIT:-1200}
    while pgrep -x ninja >/dev/null || pgrep -x ctest >/dev/null || pgrep -x make >/dev/null; do
        [ $waited = 0 ] && log "waiting for a running build or test run (ninja, ctest, make) to finish before $1"
        if [ $waited -ge "$limit" ]; then
            log "WARNING: still busy after ${limit}s; going on (see the bg load column)"
            return 0
        fi
        waited=$((waited + 10))
        sleep 10
    done
}

mkdir -p "$work"
rm -rf "$results"
mkdir -p "$results"

# 1. The release binary.
wait_for_builds "building"
log "building emrctl (scripts/build.sh release)"
emrctl="$root/build/release/src/emrctl"
if ! "$root/scripts/build.sh" release >"$work/build.log" 2>&1; then
    tail -n 30 "$work/build.log" >&2
    echo "run.sh: scripts/build.sh release failed (whole log: build/bench/synth/build.log)" >&2
    exit 1
fi
[ -x "$emrctl" ] || { echo "run.sh: no emrctl binary at $emrctl" >&2; exit 1; }

# 2. The projects: a copy of the quickstart (so no state file or output lands in the repo) and
# generated ones.
log "preparing projects under build/bench/synth/projects"
projects="$work/projects"
mkdir -p "$projects"
rm -rf "$projects/quickstart"
cp -r "$root/examples/quickstart" "$projects/quickstart"
rm -rf "$projects/quickstart/emrctl.out" "$projects/quickstart/emrctl.state.json" \
    "$projects/quickstart/.emrctl"
# A fixed, old modification time, as generate_project.py gives its files: emrctl's hash cache
# only trusts files older than a couple of seconds, and a fresh copy is not.
find "$projects/quickstart" -type f -exec touch -d @1767225600 {} +
names=(quickstart)
for n in 10 100 1000; do
    "$python" "$here/generate_project.py" "$n" "$projects/jobs$n"
    names+=("jobs$n")
done
for p in "${names[@]}"; do
    "$emrctl" -f "$projects/$p" -c naming_suffix=bench001 validate >&2
done

# 3. emrctl synth, K runs each, twice: "cold", with emrctl's hash cache (.emrctl/cache/ in the
# project) deleted before every run, so every asset file is hashed and the cache written, as on
# a first synth or after editing every file; and "warm", with the cache valid, as on a synth
# after changing nothing.
wait_for_builds "measuring"
"$python" "$here/measure.py" --floor --runs "$runs" --json "$results/floor.json" >&2
outs="$work/out"
rm -rf "$outs"
for p in "${names[@]}"; do
    synth=("$emrctl" -f "$projects/$p" -c naming_suffix=bench001 synth -o "$outs/$p")
    "$python" "$here/measure.py" --runs "$runs" --label "emrctl synth $p (cold)" \
        --before "rm -rf '$projects/$p/.emrctl/cache'" \
        --json "$results/emrctl-cold-$p.json" -- "${synth[@]}" >&2
    "$python" "$here/measure.py" --runs "$runs" --label "emrctl synth $p (warm)" \
        --json "$results/emrctl-warm-$p.json" -- "${synth[@]}" >&2
    if [ -e "$projects/$p/emrctl.state.json" ]; then
        echo "run.sh: emrctl wrote a state file in $projects/$p despite -c naming_suffix" >&2
    fi
    "$python" - "$p" "$projects/$p" "$outs/$p" "$results/meta-emrctl-$p.json" <<'EOF'
import glob, json, re, sys
project, src, out, meta = sys.argv[1:]
with open(f"{src}/emrctl.yaml") as f:
    jobs = len(re.findall(r"^  - name:", f.read(), re.M))
templates = glob.glob(f"{out}/*.template.json")
with open(f"{out}/assets.json") as f:
    assets = len(json.load(f)["files"])
size = sum(__import__("os").path.getsize(t) for t in templates)
json.dump({"project": project, "jobs": jobs, "assets": assets, "template_bytes": size,
           "manifest_bytes": __import__("os").path.getsize(f"{out}/assets.json"),
           "templates": [t.rsplit("/", 1)[1] for t in templates]}, open(meta, "w"))
EOF
done

# 4. The CDK peer.
if [ "$with_cdk" = 1 ]; then
    install="$work/cdk-app-install"
    log "installing the CDK app into build/bench/synth/cdk-app-install"
    mkdir -p "$install"
    cp "$here/cdk-app/package.json" "$here/cdk-app/app.js" "$here/cdk-app/cdk.json" "$install/"
    stamp=$(cat "$here/cdk-app/package.json" "$here/cdk-app/package-lock.json" 2>/dev/null | sha256sum || true)
    if [ ! -d "$install/node_modules" ] || [ "$(cat "$install/.installed" 2>/dev/null)" != "$stamp" ]; then
        if [ -f "$here/cdk-app/package-lock.json" ]; then
            cp "$here/cdk-app/package-lock.json" "$install/"
            (cd "$install" && npm ci --no-audit --no-fund --loglevel=error) >&2
        else
            (cd "$install" && npm install --no-audit --no-fund --loglevel=error) >&2
        fi
        echo "$stamp" >"$install/.installed"
    fi
    cdk=(node node_modules/aws-cdk/bin/cdk)
    quiet_env=(--env CDK_DISABLE_VERSION_CHECK=1 --env CDK_DISABLE_CLI_TELEMETRY=true)

    # The environment the CLI gives the app (CDK_CONTEXT_JSON...), to run the app alone the same way.
    rm -rf "$install/cdk.out" "$install/app.out"
    (cd "$install" && CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=true \
        "${cdk[@]}" synth --quiet --app "env > '$results/cdk-app-env.txt' && node app.js") \
        >"$results/cdk-capture.log" 2>&1 \
        || { cat "$results/cdk-capture.log" >&2; exit 1; }
    app_env=()
    while IFS= read -r line; do
        case "$line" in
            CDK_OUTDIR=*|CDK_ERROR_FILE=*|CDK_PERF_COUNTERS_FILE=*) ;;
            CDK_*=*) app_env+=(--env "$line") ;;
        esac
    done <"$results/cdk-app-env.txt"
    app_env+=(--env "CDK_OUTDIR=$install/app.out" --env "CDK_ERROR_FILE=$install/app.out/error.txt"
              --env "CDK_PERF_COUNTERS_FILE=$install/app.out/performance-counters.json")

    wait_for_builds "measuring"
    interval=5
    "$python" "$here/measure.py" --runs "$cdk_runs" --tree --interval "$interval" --cwd "$install" \
        --label "cdk synth --quiet" --json "$results/cdk-synth.json" "${quiet_env[@]}" -- \
        "${cdk[@]}" synth --quiet >&2
    "$python" "$here/measure.py" --runs "$cdk_runs" --cwd "$install" --label "node app.js" \
        --json "$results/cdk-app.json" "${app_env[@]}" -- node app.js >&2

    "$python" - "$install" "$interval" "$results/meta-cdk.json" <<'EOF'
import filecmp, json, os, subprocess, sys
install, interval, meta = sys.argv[1], float(sys.argv[2]), sys.argv[3]
def version(pkg):
    with open(f"{install}/node_modules/{pkg}/package.json") as f:
        return json.load(f)["version"]
cli_t = f"{install}/cdk.out/quickstart.template.json"
app_t = f"{install}/app.out/quickstart.template.json"
json.dump({
    "aws_cdk_lib": version("aws-cdk-lib"), "aws_cdk_cli": version("aws-cdk"),
    "constructs": version("constructs"),
    "node": subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip(),
    "template_bytes": os.path.getsize(cli_t), "app_template_bytes": os.path.getsize(app_t),
    "templates_identical": filecmp.cmp(cli_t, app_t, shallow=False),
    "interval_ms": interval,
}, open(meta, "w"))
EOF
fi

# 5. The report.
{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr)"
    echo "emrctl: $emrctl (scripts/build.sh release), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo
} | tee "$results/header.txt"
"$python" "$here/report.py" "$results"
cat "$results/header.txt" "$results/report.txt" >"$results/report.full.txt"
log "results: build/bench/synth/results/ (report.full.txt, *.json)"
