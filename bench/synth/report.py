#!/usr/bin/env python3
"""Print the synth benchmark's table and verdicts from the JSON files measure.py wrote.

Usage: report.py RESULTS_DIR

RESULTS_DIR holds, per project, emrctl-cold-<project>.json and emrctl-warm-<project>.json (from
measure.py) and meta-emrctl-<project>.json (jobs, assets, output sizes); after --with-cdk also
cdk-synth.json, cdk-app.json and meta-cdk.json; optionally floor.json.
Writes the same text to RESULTS_DIR/report.txt. Exits 0 whatever the verdicts, unless
BENCH_STRICT=1 and a target is missed (then 3).
"""

import glob
import json
import os
import sys

MIB = 1024.0

# Targets (DESIGN.md section 8 and the benchmark's brief).
QUICKSTART_MS = 20.0
QUICKSTART_MIB = 20.0
JOBS1000_MS = 200.0
CDK_SPEEDUP = 300.0
CDK_MEMORY_RATIO = 20.0
BUSY_CORES = 0.3  # background load above this makes a measurement suspect


def load(path):
    with open(path) as f:
        return json.load(f)


def main(results: str) -> int:
    out = []
    say = out.append
    verdicts = []

    def verdict(ok: bool, text: str) -> None:
        verdicts.append(ok)
        say(f"  [{'PASS' if ok else 'FAIL'}] {text}")

    rows = []
    for meta_path in sorted(glob.glob(os.path.join(results, "meta-emrctl-*.json"))):
        meta = load(meta_path)
        cold = load(os.path.join(results, f"emrctl-cold-{meta['project']}.json"))
        warm = load(os.path.join(results, f"emrctl-warm-{meta['project']}.json"))
        rows.append((meta, cold, warm))
    rows.sort(key=lambda r: (r[0]["project"] != "quickstart", r[0]["jobs"]))
    if not rows:
        print(f"report.py: no results in {results}", file=sys.stderr)
        return 1

    first = rows[0][1]
    say(f"emrctl synth -o: {first['runs']} runs each after {first['warmup']} warm-up run(s), "
        f"spawned by {first['spawn']}")
    busy = []
    for title, index in (("cold: hash cache deleted before every run (every asset file hashed)", 1),
                         ("warm: hash cache valid (synth again, nothing changed)", 2)):
        say("")
        say(title)
        header = (f"{'project':<11} {'jobs':>5} {'assets':>6} {'median ms':>10} {'min ms':>8} "
                  f"{'max ms':>8} {'peak RSS MiB':>13} {'template KiB':>13} {'assets.json KiB':>16} "
                  f"{'bg load':>8}")
        say(header)
        say("-" * len(header))
        for row in rows:
            meta, m = row[0], row[index]
            say(f"{meta['project']:<11} {meta['jobs']:>5} {meta['assets']:>6} {m['median_ms']:>10.2f} "
                f"{m['min_ms']:>8.2f} {m['max_ms']:>8.2f} {m['maxrss_kib'] / MIB:>13.2f} "
                f"{meta['template_bytes'] / 1024:>13.1f} {meta['manifest_bytes'] / 1024:>16.1f} "
                f"{m['background_cores']:>8.2f}")
            if m["background_cores"] > BUSY_CORES:
                busy.append(m["label"])
    floor = os.path.join(results, "floor.json")
    if os.path.exists(floor):
        f = load(floor)
        say(f"(measurement floor: `true` spawned the same way: {f['median_ms']:.2f} ms, "
            f"{f['maxrss_kib'] / MIB:.2f} MiB)")
    say("(bg load: cores the rest of the machine kept busy during those runs; "
        "0 = quiet, 2 = both cores taken)")
    by_jobs = {meta["jobs"]: cold for meta, cold, _ in rows if meta["project"] != "quickstart"}

    say("")
    say("Targets (on the cold numbers, the slower ones):")
    quick = next((cold for meta, cold, _ in rows if meta["project"] == "quickstart"), None)
    quick_warm = next((warm for meta, _, warm in rows if meta["project"] == "quickstart"), None)
    if quick:
        verdict(quick["median_ms"] < QUICKSTART_MS,
                f"quickstart median {quick['median_ms']:.2f} ms < {QUICKSTART_MS:.0f} ms")
        verdict(quick["maxrss_kib"] / MIB < QUICKSTART_MIB,
                f"quickstart peak RSS {quick['maxrss_kib'] / MIB:.2f} MiB < {QUICKSTART_MIB:.0f} MiB")
    if 1000 in by_jobs:
        verdict(by_jobs[1000]["median_ms"] < JOBS1000_MS,
                f"1000 jobs median {by_jobs[1000]['median_ms']:.2f} ms < {JOBS1000_MS:.0f} ms")
    if {10, 100, 1000} <= by_jobs.keys():
        t10, t100, t1000 = (by_jobs[n]["median_ms"] for n in (10, 100, 1000))
        low = (t100 - t10) / 90.0
        high = (t1000 - t100) / 900.0
        say(f"  growth: {high * 1000:.1f} us/job between 100 and 1000 jobs "
            f"({high:.4f} ms/job), {low * 1000:.1f} us/job between 10 and 100")
        # Roughly linear: the per-job cost at 100..1000 stays within 2x of the cost at 10..100
        # (both slopes measured on medians; below 5 us/job the difference is noise).
        linear = high <= max(2.0 * low, 0.005)
        verdict(linear, "growth roughly linear (per-job cost 100..1000 <= 2x the cost 10..100)")

    cdk_path = os.path.join(results, "cdk-synth.json")
    if os.path.exists(cdk_path):
        cdk = load(cdk_path)
        app = load(os.path.join(results, "cdk-app.json"))
        meta = load(os.path.join(results, "meta-cdk.json"))
        say("")
        say(f"AWS CDK peer (bench/synth/cdk-app: aws-cdk-lib {meta['aws_cdk_lib']}, CLI "
            f"{meta['aws_cdk_cli']}, node {meta['node']}), {cdk['runs']} runs each after "
            f"{cdk['warmup']} warm-up run(s):")
        cli_peak = max((v for k, v in cdk["process_peaks_kib"].items() if "cdk synth" in k), default=0)
        app_peak = max((v for k, v in cdk["process_peaks_kib"].items()
                        if k.startswith("node app.js")), default=0)
        header = (f"{'command':<34} {'median ms':>10} {'min ms':>9} {'max ms':>9} "
                  f"{'peak RSS MiB':>13} {'template KiB':>13} {'bg load':>8}")
        say(header)
        say("-" * len(header))
        say(f"{'cdk synth --quiet (CLI + app)':<34} {cdk['median_ms']:>10.1f} {cdk['min_ms']:>9.1f} "
            f"{cdk['max_ms']:>9.1f} {cdk['maxrss_kib'] / MIB:>13.1f} "
            f"{meta['template_bytes'] / 1024:>13.1f} {cdk['background_cores']:>8.2f}")
        say(f"{'node app.js (app alone)':<34} {app['median_ms']:>10.1f} {app['min_ms']:>9.1f} "
            f"{app['max_ms']:>9.1f} {app['maxrss_kib'] / MIB:>13.1f} "
            f"{meta['app_template_bytes'] / 1024:>13.1f} {app['background_cores']:>8.2f}")
        for name, m in (("emrctl synth quickstart (cold)", quick),
                        ("emrctl synth quickstart (warm)", quick_warm)):
            if m:
                say(f"{name:<34} {m['median_ms']:>10.2f} {m['min_ms']:>9.2f} "
                    f"{m['max_ms']:>9.2f} {m['maxrss_kib'] / MIB:>13.2f} "
                    f"{rows[0][0]['template_bytes'] / 1024:>13.1f} {m['background_cores']:>8.2f}")
        say("peak RSS of `cdk synth`, three ways:")
        say(f"  wait4 ru_maxrss (largest single process of the tree, exact): "
            f"{cdk['maxrss_kib'] / MIB:.1f} MiB")
        say(f"  per process (VmHWM, sampled every {meta['interval_ms']:.0f} ms): CLI {cli_peak / MIB:.1f} MiB, "
            f"app {app_peak / MIB:.1f} MiB")
        say(f"  whole tree at once (sum of VmRSS, sampled; a lower bound): "
            f"{cdk['tree_peak_kib'] / MIB:.1f} MiB")
        busy += [m["label"] for m in (cdk, app) if m["background_cores"] > BUSY_CORES]
        same = "identical to" if meta["templates_identical"] else "DIFFERENT from"
        say(f"  (the template `node app.js` writes is {same} the one `cdk synth` writes)")
        if quick:
            t_ratio = cdk["median_ms"] / quick["median_ms"]
            app_t_ratio = app["median_ms"] / quick["median_ms"]
            m_ratio = cdk["maxrss_kib"] / quick["maxrss_kib"]
            tree_ratio = cdk["tree_peak_kib"] / quick["maxrss_kib"]
            warm_ratio = cdk["median_ms"] / quick_warm["median_ms"] if quick_warm else float("nan")
            say("Ratios against emrctl synth of the quickstart, cold (medians; memory = peak RSS):")
            say(f"  time:   cdk synth / emrctl = {t_ratio:.0f}x   (node app.js alone / emrctl = "
                f"{app_t_ratio:.0f}x; cdk synth / emrctl warm = {warm_ratio:.0f}x)")
            say(f"  memory: largest cdk process / emrctl = {m_ratio:.0f}x   "
                f"(whole cdk tree / emrctl = {tree_ratio:.0f}x)")
            verdict(t_ratio >= CDK_SPEEDUP, f"emrctl >= {CDK_SPEEDUP:.0f}x faster than cdk synth "
                    f"({t_ratio:.0f}x)")
            verdict(m_ratio >= CDK_MEMORY_RATIO, f"emrctl <= 1/{CDK_MEMORY_RATIO:.0f} the memory of "
                    f"cdk synth's largest process (1/{m_ratio:.0f})")

    if busy:
        say("")
        say(f"WARNING: the machine was busy with other work (> {BUSY_CORES} cores) while measuring: "
            + ", ".join(busy) + "; those numbers are slower and noisier than on a quiet machine.")
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    with open(os.path.join(results, "report.txt"), "w") as f:
        f.write(text)
    if os.environ.get("BENCH_STRICT") == "1" and not all(verdicts):
        return 3
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: report.py RESULTS_DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
