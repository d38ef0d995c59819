#!/usr/bin/env python3
"""Run a command K times; measure each run's wall time and peak memory.

Usage: measure.py [--runs K] [--warmup W] [--cwd DIR] [--env KEY=VALUE]... [--tree]
                  [--direct] [--before SHELL_COMMAND] [--label NAME] [--json FILE]
                  -- COMMAND [ARG]...
       measure.py --floor

Per run:
  wall_ns     from just before the spawn to just after wait4() returns (includes fork/exec
              and the command's own start-up).
  maxrss_kib  ru_maxrss that wait4() gives for the command. On Linux this is the largest peak
              RSS of any single process among the command and the descendants it waited for
              (the kernel folds a reaped child's peak into its parent's RUSAGE_CHILDREN and wait4
              reports self + children): the exact high-water mark of the biggest process, never
              a sum of processes alive at the same time.
How the command is spawned matters for maxrss: exec folds the high-water mark of the image a
process was exec'd from into its maxrss, so a command spawned straight from Python reports at
least this interpreter's own peak (~15 MiB), which hides a small program's real peak. So by
default the command is spawned by spawn_rusage (spawn_rusage.c beside this file, compiled with
cc on first use into --helper-dir), a ~1 MiB C program that times it with CLOCK_MONOTONIC,
waits with wait4() and hands back the numbers; `--floor` prints the resulting floor (the
maxrss of `true`). --direct spawns from Python instead (subprocess + os.wait4 +
time.perf_counter_ns), for comparison.
With --tree (for commands that start other processes, like `cdk synth` starting `node app.js`),
a sampling thread also walks the command's process tree every --interval ms and records:
  tree_peak_kib   the largest sum of VmRSS over the tree seen in one sample (a lower bound
                  of the true peak of the sum: a spike between samples is missed);
  processes       each process's own peak (VmHWM, exact as of its last sample) with its
                  command line, so the CLI and the app it spawns are reported separately.
The sampler runs in this process on the same cores as the command, so --tree is off by
default and used only for commands that run for seconds.

The command's stdout and stderr go to a temporary file, printed if it exits non-zero (then
measure.py exits 1). W warm-up runs (default 1) are done first and not recorded, so every
recorded run sees a warm page cache. --before runs a shell command (untimed) before every run,
e.g. to delete a cache so that every run starts without it.

Also reports background_cores: how many cores the rest of the machine kept busy during the
measured runs (all cores' busy time from /proc/stat, less the CPU time of this script and of
everything it started, over the elapsed time; coarse when the runs take less than a second in
all, as the kernel counts CPU time in 10 ms ticks), so numbers taken while something else ran
are visible as such. Prints a one-line summary; --json writes all the numbers.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def children_of(pid: int) -> list[int]:
    """Direct children of pid, from /proc/<pid>/task/<tid>/children (Linux >= 3.5)."""
    kids = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    kids.extend(int(k) for k in f.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return kids


def read_status(pid: int) -> tuple[int, int] | None:
    """(VmRSS, VmHWM) of pid in KiB, or None when it is gone or a zombie."""
    rss = hwm = None
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except OSError:
        return None
    if rss is None or hwm is None:
        return None
    return rss, hwm


def command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
        return " ".join(a.decode(errors="replace") for a in args if a)[:160]
    except OSError:
        return "?"


class TreeSampler(threading.Thread):
    def __init__(self, root: int, interval_s: float, skip_root: bool):
        super().__init__(daemon=True)
        self.root = root
        self.skip_root = skip_root
        self.interval_s = interval_s
        self.stop = threading.Event()
        self.peak_sum_kib = 0
        self.samples = 0
        self.procs: dict[tuple[int, str], dict] = {}

    def run(self) -> None:
        while not self.stop.is_set():
            total = 0
            todo = [self.root]
            while todo:
                pid = todo.pop()
                todo.extend(children_of(pid))
                if pid == self.root and self.skip_root:
                    continue  # the spawn_rusage helper: measurement, not the command
                status = read_status(pid)
                if status is not None:
                    rss, hwm = status
                    total += rss
                    cmd = command_line(pid)  # re-read: a forked child may exec later
                    proc = self.procs.setdefault((pid, cmd), {"pid": pid, "cmd": cmd, "hwm_kib": 0})
                    proc["hwm_kib"] = max(proc["hwm_kib"], hwm)
            self.samples += 1
            self.peak_sum_kib = max(self.peak_sum_kib, total)
            self.stop.wait(self.interval_s)


HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_HELPER_DIR = os.path.join(HERE, "..", "..", "build", "bench", "synth")


def helper_path(helper_dir: str) -> str:
    """spawn_rusage, compiled from spawn_rusage.c when missing or older than the source."""
    source = os.path.join(HERE, "spawn_rusage.c")
    binary = os.path.join(helper_dir, "spawn_rusage")
    if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        os.makedirs(helper_dir, exist_ok=True)
        subprocess.run([os.environ.get("CC", "cc"), "-O2", "-Wall", "-Werror", "-o", binary, source],
                       check=True)
    return binary


def busy_seconds() -> float:
    """CPU time all cores spent busy since boot (from /proc/stat), in seconds."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """CPU time of this process and of every child it reaped (the commands, the spawn_rusage
    helper, --before commands), in seconds."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def run_once(cmd, cwd, env, tree, interval_s, log, helper):
    log.seek(0)
    log.truncate()
    read_fd = write_fd = None
    argv = cmd
    if helper:
        read_fd, write_fd = os.pipe()
        argv = [helper, str(write_fd)] + cmd
    start = time.perf_counter_ns()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=log,
                            stderr=subprocess.STDOUT, pass_fds=(write_fd,) if helper else ())
    sampler = None
    if tree:
        sampler = TreeSampler(proc.pid, interval_s, skip_root=bool(helper))
        sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    outer_ns = time.perf_counter_ns() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if helper:
        os.close(write_fd)
        with os.fdopen(read_fd) as f:
            fields = f.read().split()
        if proc.returncode != 0 or len(fields) != 5:
            return {"exit": proc.returncode or 1}
        wall_ns, maxrss, user_us, sys_us, code = (int(x) for x in fields)
        result = {"wall_ns": wall_ns, "maxrss_kib": maxrss, "exit": code,
                  "user_s": user_us / 1e6, "sys_s": sys_us / 1e6, "outer_wall_ns": outer_ns}
    else:
        result = {"wall_ns": outer_ns, "maxrss_kib": usage.ru_maxrss, "exit": proc.returncode,
                  "user_s": usage.ru_utime, "sys_s": usage.ru_stime}
    if sampler is not None:
        sampler.stop.set()
        sampler.join()
        result["tree_peak_kib"] = sampler.peak_sum_kib
        result["samples"] = sampler.samples
        result["processes"] = sorted(sampler.procs.values(), key=lambda p: p["pid"])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--cwd")
    ap.add_argument("--env", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--tree", action="store_true", help="also sample the process tree's RSS")
    ap.add_argument("--interval", type=float, default=5.0, help="tree sampling period, ms")
    ap.add_argument("--direct", action="store_true",
                    help="spawn from Python (maxrss then has this interpreter's peak as floor)")
    ap.add_argument("--helper-dir", default=DEFAULT_HELPER_DIR,
                    help="where spawn_rusage is compiled (default: build/bench/synth)")
    ap.add_argument("--floor", action="store_true",
                    help="print the maxrss floor of the chosen spawn method (runs `true`)")
    ap.add_argument("--before", metavar="SHELL_COMMAND",
                    help="run this (untimed, through /bin/sh) before every run, warm-ups included")
    ap.add_argument("--label", default="")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if args.floor:
        cmd = cmd or ["true"]
        args.label = args.label or "floor"
    if not cmd or args.runs < 1:
        ap.error("need a command after -- and --runs >= 1")
    env = dict(os.environ)
    for kv in args.env:
        key, _, value = kv.partition("=")
        env[key] = value

    helper = None if args.direct else helper_path(args.helper_dir)
    runs = []
    with tempfile.TemporaryFile("w+") as log:
        for i in range(args.warmup + args.runs):
            if args.before:
                subprocess.run(args.before, shell=True, check=True, cwd=args.cwd, env=env)
            if i == args.warmup:  # the measured runs start: note what the machine did meanwhile
                busy0, wall0 = busy_seconds(), time.perf_counter()
                cpu0 = own_cpu_seconds()
            r = run_once(cmd, args.cwd, env, args.tree, args.interval / 1000.0, log, helper)
            if r["exit"] != 0:
                log.seek(0)
                sys.stderr.write(log.read()[-4000:])
                print(f"measure.py: {' '.join(cmd)} exited {r['exit']}", file=sys.stderr)
                return 1
            if i >= args.warmup:
                runs.append(r)

    # CPU the rest of the machine used while we measured, in cores (0 = idle, 2 = both cores
    # busy with something else): the busy time of all cores, less the CPU time of this script
    # and everything it started, over the elapsed time. A high value means noisy numbers.
    mine = own_cpu_seconds() - cpu0
    elapsed = time.perf_counter() - wall0
    background = max(0.0, (busy_seconds() - busy0 - mine) / elapsed)
    walls = [r["wall_ns"] / 1e6 for r in runs]
    summary = {
        "label": args.label or os.path.basename(cmd[0]),
        "cmd": cmd,
        "cwd": args.cwd or os.getcwd(),
        "spawn": "python" if args.direct else "spawn_rusage",
        "runs": len(runs),
        "warmup": args.warmup,
        "median_ms": statistics.median(walls),
        "min_ms": min(walls),
        "max_ms": max(walls),
        "maxrss_kib": max(r["maxrss_kib"] for r in runs),
        "background_cores": background,
        "all": runs,
    }
    if args.tree:
        summary["tree_peak_kib"] = max(r["tree_peak_kib"] for r in runs)
        peaks: dict[str, int] = {}
        for r in runs:
            for p in r["processes"]:
                peaks[p["cmd"]] = max(peaks.get(p["cmd"], 0), p["hwm_kib"])
        summary["process_peaks_kib"] = peaks
    line = (f"{summary['label']}: median {summary['median_ms']:.2f} ms "
            f"(min {summary['min_ms']:.2f}, max {summary['max_ms']:.2f}, {len(runs)} runs), "
            f"peak RSS {summary['maxrss_kib'] / 1024:.1f} MiB, "
            f"background load {background:.2f} cores")
    if args.tree:
        line += f", tree peak (sampled sum) {summary['tree_peak_kib'] / 1024:.1f} MiB"
    print(line, flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
