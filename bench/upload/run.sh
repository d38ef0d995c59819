#!/usr/bin/env bash
# Upload benchmark: one generated dataset (one 1 GiB file + 2,000 files of 1-64 KiB) uploaded to
# a local S3 server (versitygw, posix backend, on 127.0.0.1) by emrctl's asset publisher
# (bench/upload/publish_main.cpp), `aws s3 sync` (AWS CLI v1) and `s5cmd sync`, side by side in
# one run: a full upload into an empty bucket, then the same again with nothing changed. Prints
# the medians, throughput, the ratios and emrctl's peak RSS against the targets (issue:
# bench/upload): faster than aws s3 sync, at least as fast as s5cmd, peak RSS < 100 MiB, a
# no-change run < 1 s.
#
#   bench/upload/run.sh [--runs N] [--concurrency C] [--tools LIST] [--build-dir DIR | --driver F]
#
# --runs N         runs of each tool (default 3; medians are reported)
# --concurrency C  requests in flight for every tool (default 16), part size 16 MiB for all
# --tools LIST     which tools to run (default emrctl,aws,s5cmd)
# --build-dir DIR  a configured build tree (-DEMRCTL_BENCH=ON) to build emrctl_bench_upload in;
#                  default: scripts/build.sh release, build/release
# --driver FILE    an emrctl_bench_upload already built: used as it is, nothing is built
# Environment: BENCH_STRICT=1 exits 3 when a target is missed (default: report only);
# BENCH_NO_WAIT=1 does not wait for other builds (ninja, make, cargo, go build) to finish
# before measuring; BENCH_MAX_WAIT=S waits at most S seconds (default 1200).
#
# Everything it writes goes under .cache/bench-upload/ (tools, data/, server/, results/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache="$root/.cache/bench-upload"
runs=3
concurrency=16
tools=emrctl,aws,s5cmd
build_dir=""
driver=""

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=${2:?--runs needs a number}; shift 2 ;;
        --concurrency) concurrency=${2:?--concurrency needs a number}; shift 2 ;;
        --tools) tools=${2:?--tools needs a list}; shift 2 ;;
        --build-dir) build_dir=${2:?--build-dir needs a folder}; shift 2 ;;
        --driver) driver=$(realpath "${2:?--driver needs a file}"); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
case "$runs$concurrency" in *[!0-9]*|'') echo "run.sh: --runs and --concurrency take numbers" >&2; exit 2 ;; esac
IFS=, read -r -a tool_list <<<"$tools"
for t in "${tool_list[@]}"; do
    case "$t" in emrctl|aws|s5cmd) ;; *) echo "run.sh: unknown tool: $t" >&2; exit 2 ;; esac
done

log() { printf '==> %s\n' "$*" >&2; }

# 0. Disk: the dataset (1.03 GiB), and the server's copy of one tool's upload at a time (up to
# 2 GiB while a multipart upload is being assembled from its parts).
need_kib=$((4 * 1024 * 1024))
mkdir -p "$cache"
avail_kib=$(df -Pk "$cache" | awk 'NR == 2 { print $4 }')
if [ -f "$cache/data.stamp" ]; then need_kib=$((3 * 1024 * 1024)); fi
if [ "$avail_kib" -lt "$need_kib" ]; then
    echo "run.sh: $((avail_kib / 1024)) MiB free under $cache; the benchmark needs $((need_kib / 1024)) MiB" >&2
    exit 1
fi

# 1. Tools and the driver.
"$here/setup.sh" >"$cache/setup.txt"
s5cmd="$cache/bin/s5cmd"
aws="$cache/venv/bin/aws"
versitygw="$cache/bin/versitygw"
if [[ ",$tools," == *,emrctl,* ]] && [ -z "$driver" ]; then
    if [ -n "$build_dir" ]; then
        log "building emrctl_bench_upload in $build_dir"
        cmake --build "$build_dir" --target emrctl_bench_upload -j 2 >"$cache/build.log" 2>&1 \
            || { tail -n 30 "$cache/build.log" >&2; exit 1; }
    else
        build_dir="$root/build/release"
        log "building emrctl (scripts/build.sh release)"
        "$root/scripts/build.sh" release >"$cache/build.log" 2>&1 \
            || { tail -n 30 "$cache/build.log" >&2; exit 1; }
    fi
    driver="$build_dir/bench/emrctl_bench_upload"
fi
if [[ ",$tools," == *,emrctl,* ]] && [ ! -x "$driver" ]; then
    echo "run.sh: no driver at $driver" >&2
    exit 1
fi

# 2. The dataset, once: data/big.bin (1 GiB of AES-CTR keystream: incompressible and
# deterministic) and data/small/dNN/fNNNN.bin (2,000 files, 1-64 KiB, seeded). Every file gets an
# old modification time: emrctl's hash cache trusts only files older than ~2 s, and aws/s5cmd
# sync compare times too.
data="$cache/data"
dataset_version="v1 big=1GiB small=2000x1-64KiB"
if [ "$(cat "$cache/data.stamp" 2>/dev/null)" != "$dataset_version" ]; then
    log "generating the dataset under .cache/bench-upload/data"
    rm -rf "$data" "$cache/data.stamp"
    mkdir -p "$data"
    openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f \
        -iv 00000000000000000000000000000000 -in /dev/zero 2>/dev/null \
        | head -c 1073741824 >"$data/big.bin" || true
    [ "$(stat -c %s "$data/big.bin")" = 1073741824 ] || { echo "run.sh: big.bin is short" >&2; exit 1; }
    python3 - "$data/small" <<'PY'
import os, random, sys
top, rng = sys.argv[1], random.Random(2026)
for i in range(2000):
    d = os.path.join(top, f"d{i // 100:02d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"f{i:04d}.bin"), "wb") as f:
        f.write(rng.randbytes(rng.randint(1024, 64 * 1024)))
PY
    find "$data" -exec touch -h -d @1767225600 {} +
    echo "$dataset_version" >"$cache/data.stamp"
fi
read -r data_files data_bytes < <(find "$data" -type f -printf '%s\n' | awk '{ n++; s += $1 } END { print n, s }')

# 3. The server: versitygw, posix backend, on a free loopback port; stopped on exit.
server_root="$cache/server"
results="$cache/results"
rm -rf "$server_root" "$results"
mkdir -p "$server_root" "$results"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
endpoint="http://127.0.0.1:$port"
export AWS_ACCESS_KEY_ID=benchupload AWS_SECRET_ACCESS_KEY=benchuploadsecret
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3 AWS_CA_BUNDLE
# The AWS CLI's and emrctl's shared files: this benchmark's own, never ~/.aws.
export AWS_CONFIG_FILE="$cache/aws-config" AWS_SHARED_CREDENTIALS_FILE="$cache/aws-credentials"
cat >"$AWS_CONFIG_FILE" <<EOF
[default]
region = us-east-1
s3 =
    max_concurrent_requests = $concurrency
    multipart_threshold = 16MB
    multipart_chunksize = 16MB
    addressing_style = path
EOF
: >"$AWS_SHARED_CREDENTIALS_FILE"

server_pid=""
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$server_root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
ROOT_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID ROOT_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY \
    "$versitygw" --port "127.0.0.1:$port" --keep-alive --quiet posix "$server_root" \
    >"$results/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
    "$s5cmd" --endpoint-url "$endpoint" ls >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$results/server.log" >&2; exit 1; }
    sleep 0.1
done
log "versitygw on $endpoint (pid $server_pid), data in .cache/bench-upload/server"

# 4. The runs.
wait_for_builds() {
    [ "${BENCH_NO_WAIT:-0}" = 1 ] && return 0
    local waited=0 limit=${BENCH_MAX_WAIT:-1200}
    while pgrep -x ninja >/dev/null || pgrep -x make >/dev/null || pgrep -x cargo >/dev/null \
        || pgrep -x ctest >/dev/null; do
        [ $waited = 0 ] && log "waiting for a running build or test run (ninja, make, cargo, ctest) to finish"
        if [ $waited -ge "$limit" ]; then
            log "WARNING: still busy after ${limit}s; going on (see the bg load column)"
            return 0
        fi
        waited=$((waited + 10))
        sleep 10
    done
}
busy_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
server_jiffies() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

command_for() {  # tool bucket -> the command, in the array `cmd`
    case "$1" in
        emrctl) cmd=("$driver" --endpoint-url "$endpoint" --bucket "$2" --concurrency "$concurrency"
                     "$cache" data) ;;
        aws) cmd=("$aws" --endpoint-url "$endpoint" s3 sync --no-progress "$data/" "s3://$2/") ;;
        s5cmd) cmd=("$s5cmd" --endpoint-url "$endpoint" --numworkers "$concurrency" sync
                    --concurrency "$concurrency" --part-size 16 "$data/" "s3://$2/") ;;
    esac
}

# One measured command: wall time (ns clock), peak RSS, CPU of the tool, of the server, and of
# everything else on the machine. Appends a line to results/runs.tsv.
measure() {  # tool phase run bucket
    local tool=$1 phase=$2 run=$3 bucket=$4 out="$results/$1-$2-$3"
    local cmd t0 t1 b0 b1 s0 s1 uploaded rss user sys
    command_for "$tool" "$bucket"
    b0=$(busy_jiffies); s0=$(server_jiffies); t0=$(date +%s%N)
    if ! /usr/bin/time -o "$out.time" -f '%M %U %S' "${cmd[@]}" >"$out.log" 2>&1; then
        tail -n 20 "$out.log" >&2
        echo "run.sh: $tool failed ($phase, run $run): ${cmd[*]}" >&2
        exit 1
    fi
    t1=$(date +%s%N); b1=$(busy_jiffies); s1=$(server_jiffies)
    read -r rss user sys <"$out.time"
    case "$tool" in
        emrctl) uploaded=$(sed -n 's/.* uploaded=\([0-9]*\) .*/\1/p' "$out.log") ;;
        aws) uploaded=$(grep -c '^upload: ' "$out.log" || true) ;;
        s5cmd) uploaded=$(grep -c '^cp ' "$out.log" || true) ;;
    esac
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$phase" "$run" \
        "$(( (t1 - t0) / 1000 ))" "$rss" "$user" "$sys" "$((s1 - s0))" "$((b1 - b0))" \
        "${uploaded:-?}" >>"$results/runs.tsv"
}

# What the bucket holds (emrctl's own record aside) must be the dataset, key for key and size
# for size.
verify() {  # tool bucket
    local listing
    listing=$(cd "$data" && find . -type f -printf '%P %s\n' | LC_ALL=C sort)
    if ! diff <(echo "$listing") <("$s5cmd" --endpoint-url "$endpoint" ls "s3://$2/*" \
        | awk '{ print $NF, $(NF-1) }' | grep -v '^\.emrctl/' | LC_ALL=C sort) >"$results/verify-$1.diff"; then
        head -n 10 "$results/verify-$1.diff" >&2
        echo "run.sh: the bucket $2 does not hold the dataset after $1's upload" >&2
        exit 1
    fi
    # And byte for byte: versitygw's posix backend keeps each object as a plain file.
    local differ
    differ=$(diff -rq "$data" "$server_root/$2" \
        | grep -v "^Only in $server_root/$2: \.\(sgwtmp\|emrctl\)$" || true)
    if [ -n "$differ" ]; then
        echo "$differ" | head -n 10 >&2
        echo "run.sh: the objects in $2 differ from the dataset after $1's upload" >&2
        exit 1
    fi
}

printf 'tool\tphase\trun\twall_us\trss_kib\tuser_s\tsys_s\tserver_jiffies\tbusy_jiffies\tuploaded\n' \
    >"$results/runs.tsv"
wait_for_builds
log "dataset: $data_files files, $data_bytes bytes; $runs runs of: ${tool_list[*]}; concurrency $concurrency, parts 16 MiB"
for run in $(seq "$runs"); do
    # A different tool goes first in each run, so none always meets a fresher page cache.
    n=${#tool_list[@]}
    for i in $(seq 0 $((n - 1))); do
        tool=${tool_list[$(( (i + run - 1) % n ))]}
        bucket="bench-upload-$tool-$run"
        "$s5cmd" --endpoint-url "$endpoint" mb "s3://$bucket" >/dev/null
        # A first publish hashes every file: emrctl's hash cache starts empty.
        [ "$tool" = emrctl ] && rm -rf "$cache/.emrctl"
        log "run $run/$runs: $tool, full upload"
        measure "$tool" full "$run" "$bucket"
        verify "$tool" "$bucket"
        log "run $run/$runs: $tool, again with nothing changed"
        measure "$tool" nochange "$run" "$bucket"
        # Only one upload is kept on disk at a time.
        rm -rf "${server_root:?}/$bucket"
    done
done

# 5. The report.
{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr)"
    echo "emrctl: commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'); tools: $(tr '\n' ';' <"$cache/setup.txt" | sed 's/;$//; s/;/; /g')"
    echo "dataset: $data_files files, $data_bytes bytes; concurrency $concurrency, 16 MiB parts; $runs runs, medians"
    echo
} >"$results/header.txt"
status=0
python3 - "$results/runs.tsv" "$data_bytes" "$data_files" "$(getconf CLK_TCK)" >"$results/report.txt" <<'PY' || status=$?
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
data_bytes, data_files, hz = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
mib = 1024 * 1024
names = {"emrctl": "emrctl publish", "aws": "aws s3 sync", "s5cmd": "s5cmd sync"}
tools = [t for t in ("emrctl", "aws", "s5cmd") if any(r["tool"] == t for r in rows)]
med = {}
print(f"{'tool':<15} {'phase':<9} {'wall s':>8} {'min-max s':>13} {'MiB/s':>7} {'peak RSS MiB':>12}"
      f" {'CPU s':>6} {'server CPU s':>12} {'bg load':>7} {'uploaded':>8}")
for phase in ("full", "nochange"):
    for t in tools:
        rs = [r for r in rows if r["tool"] == t and r["phase"] == phase]
        walls = [int(r["wall_us"]) / 1e6 for r in rs]
        wall = statistics.median(walls)
        rss = max(int(r["rss_kib"]) for r in rs) / 1024
        cpu = statistics.median(float(r["user_s"]) + float(r["sys_s"]) for r in rs)
        server = statistics.median(int(r["server_jiffies"]) / hz for r in rs)
        # Cores the rest of the machine kept busy: all busy time less the tool's and the server's.
        bg = statistics.median(max(0.0, (int(r["busy_jiffies"]) / hz - float(r["user_s"])
                                         - float(r["sys_s"]) - int(r["server_jiffies"]) / hz)
                                    / (int(r["wall_us"]) / 1e6)) for r in rs)
        uploaded = "/".join(sorted({r["uploaded"] for r in rs}))
        med[t, phase] = (wall, rss)
        tput = f"{data_bytes / mib / wall:7.0f}" if phase == "full" else f"{'':>7}"
        print(f"{names[t]:<15} {phase:<9} {wall:8.3f} {min(walls):6.2f}-{max(walls):<6.2f} {tput}"
              f" {rss:12.1f} {cpu:6.2f} {server:12.2f} {bg:7.2f} {uploaded:>8}")
print("\n(wall: median; peak RSS: the largest of the runs, /usr/bin/time %M; CPU: the tool's user+sys;"
      "\n server CPU: versitygw's during the command; bg load: cores kept busy by anything else;"
      "\n uploaded: files the tool said it uploaded)")

missed = 0
def target(ok, text):
    global missed
    missed += 0 if ok else 1
    print(f"  [{'PASS' if ok else 'MISS'}] {text}")

if "emrctl" in tools:
    print("\nratios (other tool's median wall time / emrctl's: above 1 = emrctl faster; for the full"
          "\nupload this is emrctl's throughput over the other's):")
    for other in ("aws", "s5cmd"):
        if other in tools:
            for phase in ("full", "nochange"):
                r = med[other, phase][0] / med["emrctl", phase][0]
                print(f"  {phase:<9} emrctl vs {names[other]:<12} {r:5.2f}x")
    print("\ntargets:")
    e_full, e_none = med["emrctl", "full"][0], med["emrctl", "nochange"][0]
    if "aws" in tools:
        target(e_full < med["aws", "full"][0],
               f"full upload faster than aws s3 sync: {e_full:.2f} s vs {med['aws', 'full'][0]:.2f} s")
    if "s5cmd" in tools:
        target(e_full <= med["s5cmd", "full"][0],
               f"full upload at least as fast as s5cmd: {e_full:.2f} s vs {med['s5cmd', 'full'][0]:.2f} s")
    peak = max(med["emrctl", p][1] for p in ("full", "nochange"))
    target(peak < 100, f"emrctl's peak RSS under 100 MiB: {peak:.1f} MiB")
    target(e_none < 1.0, f"no-change run under 1 s ({data_files:,} files): {e_none:.3f} s")
sys.exit(3 if missed else 0)
PY
cat "$results/header.txt" "$results/report.txt"
log "results: .cache/bench-upload/results/ (report.txt, runs.tsv, each command's log)"
[ "${BENCH_STRICT:-0}" = 1 ] && exit "$status"
exit 0
