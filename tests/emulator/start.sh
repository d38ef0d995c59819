#!/usr/bin/env bash
# start.sh OUTDIR — start the AWS emulator (tests/emulator/emulator.py) in the background on
# 127.0.0.1 and a free port, wait until it is ready, and leave in OUTDIR:
#   port      the port number            endpoint  http://127.0.0.1:<port>
#   pid       the emulator's process id  env.sh    exports for a test's shell (endpoint, fake keys)
#   emulator.log   its stdout and stderr
# Prints the port on stdout. Extra arguments go to emulator.py; INITIAL_NO_AUTH_ACTION_COUNT in
# the environment turns moto's signature checking on after that many requests.
# Env: EMULATOR_PYTHON (default <repo>/.venv/bin/python), EMULATOR_START_TIMEOUT (s, default 60),
#      EMULATOR_MAX_LIFETIME (s, default 3600: an emulator whose cleanup never ran still exits).
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 OUTDIR [emulator.py arguments...]" >&2
    exit 2
fi
outdir=$1
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${EMULATOR_PYTHON:-$root/.venv/bin/python}
timeout=${EMULATOR_START_TIMEOUT:-60}
lifetime=${EMULATOR_MAX_LIFETIME:-3600}

if [ ! -x "$python" ]; then
    echo "start.sh: no Python at $python; run scripts/setup.sh first" >&2
    exit 1
fi
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

# A previous emulator recorded here (a cleanup that never ran): stop it first.
if [ -f "$outdir/pid" ]; then
    "$here/stop.sh" "$outdir" >/dev/null 2>&1 || true
fi
rm -f "$outdir/port" "$outdir/pid" "$outdir/endpoint" "$outdir/env.sh"

log=$outdir/emulator.log
# Emptied here, not by the background redirection below: until the child gets to it, the loop
# would read the READY line of the previous emulator's log and report its dead port.
: >"$log"
# setsid: the emulator outlives this script (CTest runs setup and cleanup as separate tests) and
# gets its own process group, so stop.sh can signal exactly it.
setsid "$python" "$here/emulator.py" --max-lifetime "$lifetime" "$@" </dev/null >"$log" 2>&1 &
pid=$!
echo "$pid" >"$outdir/pid"

port=""
deadline=$((SECONDS + timeout))
while [ $SECONDS -lt $deadline ]; do
    if port=$(sed -n 's/^READY \([0-9][0-9]*\)$/\1/p' "$log" 2>/dev/null) && [ -n "$port" ]; then
        break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "start.sh: the emulator exited before it was ready; its log ($log):" >&2
        cat "$log" >&2
        rm -f "$outdir/pid"
        exit 1
    fi
    sleep 0.05
done
if [ -z "$port" ]; then
    echo "start.sh: the emulator was not ready after ${timeout}s; its log ($log):" >&2
    cat "$log" >&2
    kill "$pid" 2>/dev/null || true
    rm -f "$outdir/pid"
    exit 1
fi

echo "$port" >"$outdir/port"
echo "http://127.0.0.1:$port" >"$outdir/endpoint"
cat >"$outdir/env.sh" <<ENV
# Source this to point AWS SDKs (and emrctl) at the emulator started by tests/emulator/start.sh.
export EMULATOR_PORT=$port
export EMULATOR_CONTROL=http://127.0.0.1:$port/_emrctl
export AWS_ENDPOINT_URL=http://127.0.0.1:$port
export AWS_ACCESS_KEY_ID=testing
export AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1
export AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN
ENV
echo "$port"
