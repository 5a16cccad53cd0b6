"""Benchmark of the offline plan (``python -m components.plan``); prints figures and ratios, asserts nothing.

1. Every shipped stack, end to end: ``python -m components.plan --format json``, wall time of the
   whole command, handed to a warm plan server as ``make plan`` does (goal: <= 2.0 s), next to the
   same in a fresh interpreter that imports everything itself, parallel and ``--jobs 1``;
   alternating, median of ``--repeat`` runs (at least 5).
2. A synthetic estate of about 5,000 resources (real ``AwsCountryKeys``/``AwsCountryStorage``
   components, so inputs carry Outputs as in the real program): the whole plan pipeline (recording
   mocks, guard, residency judging, model, JSON) against the raw Pulumi SDK registering the same
   resources under a plain ``pulumi.runtime.Mocks`` that echoes inputs, run three ways: as a user
   would run it (default settings; goal plan <= 0.6x), with the collector settings the plan uses
   (goal <= 1.15x), and with every setting the plan uses (collector, no source positions, the lean unknowns check; shown
   for information). Peak memory: plan <= 1.3x the raw SDK as a user runs it.
3. Linearity: the plan's CPU cost per resource at 1,000, 5,000 and 10,000 resources (goal: within 10%),
   the three sizes measured in rounds, in rotated order, so the machine's drift hits each alike.

Method: every measurement runs in its own fresh subprocess, so neither side inherits the other's
caches or heap. Both sides import the same modules before the clock starts (the provider SDKs'
lazily executed service modules and the residency catalogues included, then one full collection of
that start-up garbage: stop 18, before which about 0.1-0.2 s of one-time start-up fell inside the
clock and read as a cost per resource that shrinks with size; since stop 26 the plan side also
imports its own pipeline, which the raw side never runs, before the clock); the time is the run only (CPU
seconds of the process, all threads, steadier than wall time on a shared machine; wall is printed
too). Peak memory is the subprocess's peak RSS (``ru_maxrss``). Modes alternate and the median of
``--repeat`` runs is kept; every round's two ratios (plan against the raw SDK as a user runs it, and with the same
collector) are printed as well, with their median and spread and the load average at the estate's start and end.

    python benchmarks/plan_bench.py [--resources 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
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


def estate_plan_json(resources: int) -> tuple[str, int]:
    """The JSON plan of the estate (what the plan mode measures) and its resource count."""
    from components.plan.collect import build_stack_plan
    from components.plan.model import ReviewPlan
    from components.plan.render_json import render_json
    from components.residency import audit_session, load_catalogue
    from components.simulate import run_pulumi_program

    catalogue = load_catalogue()
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
    return render_json(ReviewPlan((stack,), catalogue.version)), len(stack.resources)


MODES = ("raw-default", "raw-collector", "raw-all", "plan")


def _worker(mode: str, resources: int) -> dict[str, Any]:
    import pulumi
    import pulumi_aws  # noqa: F401  (both sides pay the same imports before the clock starts)
    from pulumi.runtime.stack import wait_for_rpcs
    from pulumi.runtime.sync_await import _sync_await

    from components._compat import (
        lean_output_tracking,
        lean_type_unwrapping,
        lean_unknowns_check,
        source_positions_off,
    )
    from components.precompile import PROVIDER_MODULES, load
    from components.residency import load_catalogue
    from components.residency.endpoints import load_endpoints
    from components.simulate.tuning import collector_paused

    load_catalogue()
    load_endpoints()  # read once per process by the first enforce(), like the catalogue above
    # The provider SDKs execute a service module on first attribute access: about 0.15 s of import
    # work that would otherwise land inside the clock, the same on both sides, and read as a cost per
    # resource that shrinks as the estate grows (the linearity figure).
    load(PROVIDER_MODULES["aws"])
    if mode == "plan":
        # The plan's own pipeline (collecting, the model, JSON), imported before the clock like the
        # provider SDKs: about 0.14 s once per process that read as a cost per resource shrinking with
        # size (the linearity figure; stop 26). The raw side never imports them; peak memory counts
        # them either way.
        import components.plan.collect
        import components.plan.render_json  # noqa: F401
    # ... and the collection those imports have made due: otherwise it falls at whatever moment the
    # run's first allocations cross the threshold, inside the clock, on either side.
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    if mode.startswith("raw"):

        class Plain(pulumi.runtime.Mocks):
            def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
                return f"{args.name}-id", args.inputs

            def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]]]:
                return {}, []

        with contextlib.ExitStack() as settings:
            if mode in ("raw-collector", "raw-all"):
                settings.enter_context(collector_paused())
            if mode == "raw-all":
                settings.enter_context(source_positions_off())
                settings.enter_context(lean_unknowns_check())
                settings.enter_context(lean_output_tracking())  # perf56: one of tuning.tuned_run's settings
                settings.enter_context(lean_type_unwrapping())  # perf57: likewise
            pulumi.runtime.set_mocks(Plain(), project="bench", stack="bench", preview=False)
            _estate(resources, guarded=False)
            _sync_await(wait_for_rpcs())
        count, size = resources, 0
    else:
        report, count = estate_plan_json(resources)
        size = len(report)
    return {
        "mode": mode,
        "resources": count,
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
        "rss_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_before_kb": rss_before,
        "report_chars": size,
    }


def worker_env() -> dict[str, str]:
    """The environment of a worker process: this checkout's ``components`` first on its path.

    A worker runs this file as a script, so its path starts at ``benchmarks/``, not at the checkout; without
    this, ``components`` came from wherever the environment's editable install points (the checkout the
    ``.venv`` was installed from: ``/work/main`` for every worktree sharing its ``.venv``), and a worktree's
    estate figures measured another checkout's engine (stop 52).
    """
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), path]) if path else str(ROOT)}


def _measure(mode: str, resources: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", mode, "--resources", str(resources)],
        cwd=ROOT,
        env=worker_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    middle = dict(runs[0])
    for key in ("cpu", "wall", "rss_peak_kb"):
        middle[key] = statistics.median(r[key] for r in runs)
    middle["growth_kb"] = statistics.median(r["rss_peak_kb"] - r["rss_before_kb"] for r in runs)
    return middle


def _plan_wall(*extra: str, server: str = "off", server_dir: str = "", at_a_time: list[int] | None = None) -> float:
    env = {**os.environ, "SOVEREIGN_PLAN_SERVER": server}
    if server_dir:
        env["SOVEREIGN_PLAN_SERVER_DIR"] = server_dir
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "components.plan", "--format", "json", "--output", os.devnull, *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    if at_a_time is not None:  # how many stacks the run planned at once (the plan says so first)
        found = re.search(r"^planning \d+ stacks, (\d+) at a time", done.stderr, re.MULTILINE)
        at_a_time.append(int(found.group(1)) if found else 1)
    return elapsed


def _shipped(repeat: int) -> None:
    """The shipped stacks three ways, alternating: in a fresh interpreter (parallel, then ``--jobs 1``) and
    handed to a warm plan server (what ``make plan`` does outside CI), whose first, cold run is not counted."""
    parallel: list[float] = []
    sequential: list[float] = []
    warm: list[float] = []
    # A plan runs its stacks one at a time when it finds the other cores busy (parallel.default_jobs):
    # printed, so that a slow figure says whether it was the machine's load.
    warm_jobs: list[int] = []
    with tempfile.TemporaryDirectory(prefix="plan-bench-") as folder:
        server_dir = os.path.join(folder, "server")
        os.mkdir(server_dir, 0o700)
        cold = _plan_wall(server="on", server_dir=server_dir)
        try:
            for _ in range(max(repeat, 5)):
                parallel.append(_plan_wall())
                sequential.append(_plan_wall("--jobs", "1"))
                warm.append(_plan_wall(server="on", server_dir=server_dir, at_a_time=warm_jobs))
        finally:
            subprocess.run(
                [sys.executable, "-m", "components.plan.server", "stop"],
                cwd=ROOT,
                env={**os.environ, "SOVEREIGN_PLAN_SERVER_DIR": server_dir},
                capture_output=True,
                check=False,
            )
    print(
        f"shipped stacks, end to end (wall), median of {len(warm)}: warm plan server (make plan)"
        f" {statistics.median(warm):.2f} s, best {min(warm):.2f} s (goal <= 2.0 s:"
        f" {'met' if statistics.median(warm) <= 2.0 else 'NOT met'}; its cold start {cold:.2f} s;"
        f" stacks at a time in each warm run: {' '.join(map(str, warm_jobs))});"
        f" fresh interpreter {statistics.median(parallel):.2f} s, best {min(parallel):.2f} s;"
        f" fresh, one stack after another (--jobs 1) {statistics.median(sequential):.2f} s"
    )


def _pairs(label: str, plan: list[dict[str, Any]], raw: list[dict[str, Any]]) -> str:
    """Each round's plan / raw CPU ratio (a round runs every mode once), their median and their spread."""
    ratios = [p["cpu"] / r["cpu"] for p, r in zip(plan, raw, strict=True)]
    return (
        f"pairs, plan / raw SDK {label}: {' '.join(f'{x:.3f}' for x in ratios)};"
        f" median {statistics.median(ratios):.3f}, spread {min(ratios):.3f}-{max(ratios):.3f}"
    )


def _verdict(ratio: float, goal: float) -> str:
    return f"(goal <= {goal:.2f}x: {'met' if ratio <= goal else 'NOT met'})"


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resources", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--worker", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, args.resources)))
        return
    _shipped(args.repeat)
    runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode in MODES}
    load_at_start = os.getloadavg()[0]
    for _ in range(args.repeat):
        for mode in MODES:
            runs[mode].append(_measure(mode, args.resources))
    load_at_end = os.getloadavg()[0]
    m = {mode: _median(r) for mode, r in runs.items()}
    plan = m["plan"]
    print(
        f"synthetic estate: {plan['resources']} resources, JSON report {plan['report_chars']:,} chars,"
        f" median of {args.repeat}"
    )
    labels = {
        "raw-default": "raw SDK, default settings",
        "raw-collector": "raw SDK, plan's collector",
        "raw-all": "raw SDK, all plan settings",
        "plan": "plan (record+judge+JSON)",
    }
    for mode in MODES:
        r = m[mode]
        print(
            f"  {labels[mode]:27} cpu {r['cpu']:6.2f} s  wall {r['wall']:6.2f} s"
            f"  peak RSS {r['rss_peak_kb'] / 1024:6.1f} MiB  run growth {r['growth_kb'] / 1024:6.1f} MiB"
        )
    vs_default = plan["cpu"] / m["raw-default"]["cpu"]
    vs_collector = plan["cpu"] / m["raw-collector"]["cpu"]
    memory = plan["rss_peak_kb"] / m["raw-default"]["rss_peak_kb"]
    print(f"  plan vs raw SDK as a user runs it   {vs_default:.2f}x cpu  {_verdict(vs_default, 0.6)}")
    print(f"  plan vs raw SDK, same collector     {vs_collector:.2f}x cpu  {_verdict(vs_collector, 1.15)}")
    print(f"  plan vs raw SDK, all plan settings  {plan['cpu'] / m['raw-all']['cpu']:.2f}x cpu  (for information)")
    print(f"  peak memory (RSS) vs raw default    {memory:.2f}x  {_verdict(memory, 1.3)}")
    print(f"  peak memory (RSS) vs raw collector  {plan['rss_peak_kb'] / m['raw-collector']['rss_peak_kb']:.2f}x")
    # The goals' lines above compare the medians; every round's own pair is printed too, since one run moves by
    # tens of percent on a shared machine, with the load average (1 minute) that says how shared it was.
    for mode, label in (("raw-default", "as a user runs it"), ("raw-collector", "with the plan's collector")):
        print(f"  {_pairs(label, runs['plan'], runs[mode])}")
    print(f"  load average {load_at_start:.2f} at the estate's start, {load_at_end:.2f} at its end")
    _linearity((1000, args.resources, 2 * args.resources), args.repeat)


def _linearity(sizes: tuple[int, ...], rounds: int) -> None:
    """The plan's CPU cost per resource at each size: the sizes run in rounds, in rotated order.

    Measured size after size, minutes apart, the machine's drift (one size's runs moved by up to 50%
    within ten minutes at stop 22) read as a cost per resource that changes with size.
    """
    print(f"linearity: the plan's CPU cost per resource (median of {rounds} rounds, sizes rotated in each)")
    costs: dict[int, list[float]] = {n: [] for n in sizes}
    counts: dict[int, int] = {}
    for i in range(rounds):
        for n in sizes[i % len(sizes) :] + sizes[: i % len(sizes)]:
            r = _measure("plan", n)
            costs[n].append(1000 * r["cpu"] / r["resources"])
            counts[n] = r["resources"]
    per = [statistics.median(costs[n]) for n in sizes]
    for n, cost in zip(sizes, per, strict=True):
        print(f"  {counts[n]:6d} resources  {cost:.3f} ms/resource  (rounds: {' '.join(f'{c:.3f}' for c in costs[n])})")
    spread = max(per) / min(per)
    print(
        f"  largest / smallest cost per resource {spread:.2f}  (goal <= 1.10: {'met' if spread <= 1.10 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
