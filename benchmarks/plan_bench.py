"""Benchmark of the offline plan (``python -m components.plan``); prints figures and ratios, asserts nothing.

1. Every shipped stack, end to end: ``python -m components.plan --format json`` in a fresh
   interpreter, wall time including start-up and imports (goal: under 5 s).
2. A synthetic estate of about 5,000 resources (real ``AwsCountryKeys``/``AwsCountryStorage``
   components, so inputs carry Outputs as in the real program): the whole plan pipeline (recording
   mocks, residency judging, model, JSON rendering) against the raw Pulumi SDK registering the same
   resources under a plain ``pulumi.runtime.Mocks`` that echoes inputs (goals: time <= 1.25x, peak
   memory <= 1.3x).
3. Linearity: plan and raw SDK at 1/4, 1/2 and all of the estate, as CPU cost per resource.

Method: every measurement runs in its own fresh subprocess, so neither side inherits the other's
caches or heap. Both sides import the same modules before the clock starts; the time is the run
only (CPU seconds of the process, all threads, which is robust to other load on a shared machine;
wall seconds are printed too). Peak memory is the subprocess's peak RSS (``ru_maxrss``) and, to
show the run's own cost without the shared imports, the growth of peak RSS over the RSS measured
just before the run. Raw and plan runs alternate and the best of ``--repeat`` runs is kept.

    python benchmarks/plan_bench.py [--resources 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
UNIT = 46  # resources per keys+storage pair below (2 data classes, a secondary region, one disk key)


def _estate(resources: int, *, guarded: bool) -> None:
    """Register about ``resources`` resources the way a country data center does."""
    import pulumi_aws as aws

    from components.aws import AwsCountryKeys, AwsCountryKeysArgs, AwsCountryStorage, AwsCountryStorageArgs
    from components.residency import enforce

    if guarded:
        enforce("CN")
    primary = aws.Provider("cn-north-1", region="cn-north-1")
    secondary = aws.Provider("cn-northwest-1", region="cn-northwest-1")
    classes = {"vehicle_telemetry": 365, "camera_footage": 30}
    for i in range(max(resources // UNIT, 1)):
        keys = AwsCountryKeys(f"keys-{i}", AwsCountryKeysArgs("CN", list(classes), 365, 30, primary, secondary))
        AwsCountryStorage(
            f"storage-{i}",
            AwsCountryStorageArgs("CN", classes, keys.keys, primary, secondary, keys.replica_keys),
        )


def _worker(mode: str, resources: int) -> dict[str, Any]:
    import pulumi
    import pulumi_aws  # noqa: F401  (both sides pay the same imports before the clock starts)
    from pulumi.runtime.stack import wait_for_rpcs
    from pulumi.runtime.sync_await import _sync_await

    from components.plan.collect import build_stack_plan
    from components.plan.model import Plan
    from components.plan.render_json import render_json
    from components.residency import audit_session, load_catalogue
    from components.testing import run_pulumi_program

    catalogue = load_catalogue()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    if mode == "raw":

        class Plain(pulumi.runtime.Mocks):
            def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
                return f"{args.name}-id", args.inputs

            def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]]]:
                return {}, []

        pulumi.runtime.set_mocks(Plain(), project="bench", stack="bench", preview=False)
        _estate(resources, guarded=False)
        _sync_await(wait_for_rpcs())
        count = resources
        size = 0
    else:
        with audit_session() as guards:
            run = run_pulumi_program(
                lambda: _estate(resources, guarded=True), project="bench", stack="bench", raise_on_error=False
            )
        if run.error is not None:
            raise run.error
        stack = build_stack_plan(
            "bench",
            "bench",
            run.resources,
            guards[0].engine.jurisdiction,
            [f for g in guards for f in g.findings],
            catalogue=catalogue,
        )
        size = len(render_json(Plan((stack,), catalogue.version)))
        count = len(stack.resources)
    return {
        "mode": mode,
        "resources": count,
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
        "rss_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_before_kb": rss_before,
        "report_chars": size,
    }


def _measure(mode: str, resources: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", mode, "--resources", str(resources)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    best = dict(min(runs, key=lambda r: r["cpu"]))
    best["rss_peak_kb"] = min(r["rss_peak_kb"] for r in runs)
    best["growth_kb"] = min(r["rss_peak_kb"] - r["rss_before_kb"] for r in runs)
    return best


def _shipped(repeat: int) -> None:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "components.plan", "--format", "json", "--output", "/dev/null"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        times.append(time.perf_counter() - started)
    print(
        f"shipped stacks, end to end:  best {min(times):.2f} s, median {statistics.median(times):.2f} s  (goal < 5 s)"
    )


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resources", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", choices=["raw", "plan"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, args.resources)))
        return
    _shipped(args.repeat)
    raw_runs: list[dict[str, Any]] = []
    plan_runs: list[dict[str, Any]] = []
    for _ in range(args.repeat):
        raw_runs.append(_measure("raw", args.resources))
        plan_runs.append(_measure("plan", args.resources))
    raw, plan = _best(raw_runs), _best(plan_runs)
    print(f"synthetic estate: {plan['resources']} resources, JSON report {plan['report_chars']:,} chars")
    for label, r in (("raw SDK + plain mocks", raw), ("plan (record+judge+JSON)", plan)):
        print(
            f"  {label:26} cpu {r['cpu']:6.2f} s  wall {r['wall']:6.2f} s  peak RSS {r['rss_peak_kb'] / 1024:6.1f} MiB"
            f"  run growth {r['growth_kb'] / 1024:6.1f} MiB"
        )
    print(f"  time ratio (cpu)        {plan['cpu'] / raw['cpu']:.2f}x  (goal <= 1.25x)")
    print(f"  time ratio (wall)       {plan['wall'] / raw['wall']:.2f}x")
    print(f"  peak memory ratio (RSS) {plan['rss_peak_kb'] / raw['rss_peak_kb']:.2f}x  (goal <= 1.3x)")
    print(f"  run-growth memory ratio {plan['growth_kb'] / raw['growth_kb']:.2f}x")
    print("linearity (best of runs; the raw SDK's own cost per resource shown for comparison):")
    for fraction in (4, 2, 1):
        n = args.resources // fraction
        if fraction == 1:
            best_raw, best_plan = raw, plan
        else:
            repeats = max(args.repeat - 1, 1)
            best_raw = _best([_measure("raw", n) for _ in range(repeats)])
            best_plan = _best([_measure("plan", n) for _ in range(repeats)])
        count = best_plan["resources"]
        per_plan, per_raw = 1000 * best_plan["cpu"] / count, 1000 * best_raw["cpu"] / count
        print(
            f"  {count:6d} resources  plan {per_plan:.2f} ms/resource  raw {per_raw:.2f} ms/resource"
            f"  ratio {per_plan / per_raw:.2f}x"
        )


if __name__ == "__main__":
    main()
