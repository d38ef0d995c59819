#!/usr/bin/env bash
# stop.sh OUTDIR — stop the emulator that start.sh OUTDIR started (SIGTERM, then SIGKILL after
# EMULATOR_STOP_TIMEOUT seconds, default 10). Stopping one that is already gone is fine.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
outdir=$1
pidfile=$outdir/pid
timeout=${EMULATOR_STOP_TIMEOUT:-10}

if [ ! -f "$pidfile" ]; then
    echo "stop.sh: no emulator recorded in $outdir" >&2
    exit 0
fi
pid=$(cat "$pidfile")
case $pid in '' | *[!0-9]*)
    echo "stop.sh: $pidfile does not hold a process id" >&2
    exit 1
    ;;
esac

# Running and not yet a zombie (an exited process stays one until init reaps it, which can be
# slow in containers: it has stopped serving all the same).
alive() {
    local state
    state=$(sed -n 's/^[0-9]* (.*) \([A-Z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# Only signal the process if it is still our emulator (the pid may have been reused).
if alive "$pid" && grep -q "emulator.py" "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid"
    deadline=$((SECONDS + timeout))
    while alive "$pid" && [ $SECONDS -lt $deadline ]; do
        sleep 0.05
    done
    if alive "$pid"; then
        echo "stop.sh: emulator $pid ignored SIGTERM for ${timeout}s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
fi
rm -f "$pidfile" "$outdir/port" "$outdir/endpoint" "$outdir/env.sh"
