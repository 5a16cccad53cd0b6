"""Guard overhead: the same program with and without ``enforce``, in one process (goal <= 1.05x).

The program is the guard's worst realistic case: every resource has one Output-valued input that
must be judged once it resolves (KMS aliases whose target is a key's ARN, which carries a region),
so every resource is held for judging. Runs alternate between the two variants so machine noise
hits both alike, in counterbalanced order (plain first in even pairs, guarded first in odd ones); the
figure is the median of the per-pair ratios (at least 5 pairs), at 1,000 and 5,000 resources, printed with
every pair's ratio and the load average at the start and end of each program's pairs. A
second program, the mixed estate of the earlier benchmark (plain inputs, nested Outputs, JSON
policies), is measured the same way. Run with ``make bench``.

CPU time on a shared machine drifts by several percent between runs; ``--instructions`` counts the
instructions each variant executes under callgrind instead (valgrind; far steadier, though thread
scheduling still moves it a little), the measure of the work the guard adds, not of its cache misses.

``--parts ROUNDS`` takes the guard apart on the aliases program (``PARTS``: the hook and an empty transformation,
holding the Output inputs, the guard without judging the resolved values, the guard as shipped), each part a variant
run in turn in one process: where the overhead goes, not a goal figure (docs/performance.md, stop 44).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from unittest import mock

# perf55 (stop 55): run as a script, this file's path starts at benchmarks/, so `components` came from the .venv's
# editable install (/work/main for every worktree sharing it): a worktree's guard figures measured main's engine.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

from components import _compat
from components._compat import registration_unhooked
from components.residency import enforce
from components.residency.engine import RuleEngine
from components.residency.guard import Guard
from components.simulate import run_pulumi_program
from components.simulate.tuning import collect

GOAL = 1.05
RESOURCES_PER_GROUP = 7


def aliases(resources: int, guarded: bool) -> Callable[[], None]:
    """``resources`` KMS aliases, each targeting a key by its ARN (an Output the guard must judge)."""

    def program() -> None:
        if guarded:
            enforce("CN")
        on_aws = pulumi.ResourceOptions(provider=aws.Provider("aws-cn", region="cn-north-1"))
        key = aws.kms.Key("key", enable_key_rotation=True, opts=on_aws)
        for i in range(resources - 2):
            aws.kms.Alias(f"alias-{i}", name=f"alias/telemetry-{i}", target_key_id=key.arn, opts=on_aws)

    return program


def estate(groups: int, guarded: bool) -> Callable[[], None]:
    """A CN estate mixing plain inputs, nested Outputs and JSON policies: the guard's real workload."""

    def program() -> None:
        if guarded:
            enforce("CN")
        aws_p = aws.Provider("aws-cn", region="cn-north-1")
        ali_p = alicloud.Provider("ali-cn", region="cn-shanghai")
        on_aws = pulumi.ResourceOptions(provider=aws_p)
        on_ali = pulumi.ResourceOptions(provider=ali_p)
        for i in range(groups):
            key = aws.kms.Key(f"key-{i}", enable_key_rotation=True, deletion_window_in_days=30, opts=on_aws)
            bucket = aws.s3.Bucket(
                f"bucket-{i}", tags={"class": "telemetry", "note": "stays in cn-north-1"}, opts=on_aws
            )
            aws.s3.BucketServerSideEncryptionConfiguration(
                f"sse-{i}",
                bucket=bucket.id,
                rules=[
                    aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
                        apply_server_side_encryption_by_default=aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
                            sse_algorithm="aws:kms", kms_master_key_id=key.arn
                        ),
                        bucket_key_enabled=True,
                    )
                ],
                opts=on_aws,
            )
            aws.s3.BucketPolicy(
                f"tls-{i}",
                bucket=bucket.id,
                policy=bucket.arn.apply(
                    lambda arn: json.dumps(
                        {
                            "Version": "2012-10-17",
                            "Statement": [
                                {
                                    "Effect": "Deny",
                                    "Principal": "*",
                                    "Action": "s3:*",
                                    "Resource": [arn, f"{arn}/*"],
                                    "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                                }
                            ],
                        }
                    )
                ),
                opts=on_aws,
            )
            aws.ec2.Subnet(
                f"subnet-{i}",
                vpc_id="vpc-0123",
                cidr_block=f"10.{i // 256}.{i % 256}.0/24",
                availability_zone="cn-north-1a" if i % 2 else "cn-north-1b",
                opts=on_aws,
            )
            aws.ec2.SecurityGroup(
                f"sg-{i}",
                vpc_id="vpc-0123",
                ingress=[
                    aws.ec2.SecurityGroupIngressArgs(
                        protocol="tcp", from_port=443, to_port=443, cidr_blocks=["10.0.0.0/8"]
                    )
                ],
                opts=on_aws,
            )
            alicloud.oss.Bucket(f"oss-{i}", bucket=f"oss-{i}", opts=on_ali)

    return program


def timed(program: Callable[[], None], *, guarded: bool) -> float:
    """CPU seconds of this process (all threads) for one run: steadier than wall time on a shared machine.

    An unguarded run runs on the SDK exactly as shipped: without the registration hook that an
    earlier guarded run in this process installed, so the baseline never pays any of the guard's cost.
    """
    collect()  # the garbage of earlier runs is collected here, outside every measurement
    with contextlib.nullcontext() if guarded else registration_unhooked():
        start = time.process_time()
        result = run_pulumi_program(program, project="sovereign-dc", stack="bench", raise_on_error=True)
        elapsed = time.process_time() - start
    assert result.error is None
    return elapsed


def compare(label: str, make: Callable[[bool], Callable[[], None]], pairs: int) -> float:
    """Alternate plain and guarded runs; print every pair, the medians and the load; return the median ratio."""
    plain: list[float] = []
    guarded: list[float] = []
    load_at_start = os.getloadavg()[0]
    for i in range(pairs):
        # Counterbalanced (ABBA): in one process the second run of a pair is a little slower whatever it
        # runs (an A/A test of two plain runs measured +2% at 1,000 resources, +0.7% at 5,000), so a
        # fixed order would charge that to whichever variant always runs second.
        if i % 2 == 0:
            plain.append(timed(make(False), guarded=False))
            guarded.append(timed(make(True), guarded=True))
        else:
            guarded.append(timed(make(True), guarded=True))
            plain.append(timed(make(False), guarded=False))
    ratios = [g / p for g, p in zip(guarded, plain, strict=True)]
    ratio = statistics.median(ratios)
    spread = max(plain) / min(plain)
    # For information, beside the goal's statistic: interference only ever slows a run down, so the
    # fastest run of each variant is the least disturbed one (the estimator timeit recommends).
    best = min(guarded) / min(plain)
    print(
        f"  {label:34} without {statistics.median(plain):5.2f} s  with {statistics.median(guarded):5.2f} s cpu"
        f"  ratio {ratio:.3f}  (goal <= {GOAL:.2f}: {'met' if ratio <= GOAL else 'NOT met'};"
        f" noise: slowest/fastest plain run {spread:.2f}; fastest with / fastest without {best:.3f})",
        flush=True,
    )
    # Every pair, not only the median: one pair's ratio moves by several percent on a shared machine,
    # and the load average (1 minute) says how shared it was while the pairs ran.
    print(
        f"    pairs (with / without): {' '.join(f'{r:.3f}' for r in ratios)};"
        f" spread of the ratios {min(ratios):.3f}-{max(ratios):.3f};"
        f" load average {load_at_start:.2f} at start, {os.getloadavg()[0]:.2f} at end",
        flush=True,
    )
    return ratio


def _hold_only(self: Guard, args: pulumi.ResourceTransformationArgs) -> None:
    """The ``held`` part: every Output input of the resource awaited before its registration is prepared, as the guard
    holds it (``_compat.hold_registration``), with no engine and no bookkeeping."""
    outputs = [v for v in args.props.values() if isinstance(v, pulumi.Output)]
    if not outputs:
        return

    async def judge() -> None:
        for output in outputs:
            await _compat.resolved(output)

    _compat.hold_registration(args.resource, judge)


def _no_findings(self: RuleEngine, *args: Any, **kwargs: Any) -> list[Any]:
    return []


PARTS: dict[str, str] = {
    "plain": "no guard (the SDK as shipped)",
    "enforced": "enforce(): the hook and a transformation that returns at once",
    "held": "+ every Output input held and awaited (no engine)",
    "checked": "the guard, but no resolved value judged (check_value: none)",
    "judged": "the guard as shipped",
}
"""The guard taken apart, each part a variant of the same run (``--parts``; perfguard44, stop 44)."""


@contextlib.contextmanager
def _part(name: str) -> Iterator[None]:
    """The guard's code as the part ``name`` runs it (class attributes swapped for the block)."""
    with contextlib.ExitStack() as stack:
        if name == "enforced":
            stack.enter_context(mock.patch.object(Guard, "__call__", lambda self, args: None))
        elif name == "held":
            stack.enter_context(mock.patch.object(Guard, "__call__", _hold_only))
        elif name == "checked":
            stack.enter_context(mock.patch.object(RuleEngine, "check_value", _no_findings))
        yield


def parts(resources: int, rounds: int) -> int:
    """Where the guard's overhead goes on the aliases program: the parts of ``PARTS`` run in turn in one process (the
    order rotated and reversed every round), median CPU of each; each part's step over the one before it, as a share
    of the plain run. Not a goal figure (the goal is ``compare``'s pairs): a map of what is left to cut."""
    times: dict[str, list[float]] = {name: [] for name in PARTS}
    names = list(PARTS)
    load_at_start = os.getloadavg()[0]
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order[::-1] if r % 2 else order:
            with _part(name):
                times[name].append(timed(aliases(resources, name != "plain"), guarded=name != "plain"))
    medians = {name: statistics.median(t) for name, t in times.items()}
    plain = medians["plain"]
    print(
        f"guard overhead by part, {resources} resources each with one Output input, median of {rounds} rounds (CPU,"
        f" one process; load average {load_at_start:.2f} at start, {os.getloadavg()[0]:.2f} at end)",
        flush=True,
    )
    before = plain
    for name, label in PARTS.items():
        step = medians[name] - before
        print(
            f"  {name:9} {label:62} {medians[name]:6.3f} s  ratio {medians[name] / plain:.3f}"
            f"  step {step / plain:+.3f} ({step / resources * 1e6:+.0f} us per resource)",
            flush=True,
        )
        before = medians[name]
    return 0


PROGRAMS: dict[str, Callable[[int, bool], Callable[[], None]]] = {"aliases": aliases, "estate": estate}


def run_once(program: str, size: int, guarded: bool) -> None:
    """One warmed-up run, then exit at once: what ``--instructions`` counts (minus a warm-up-only run)."""
    timed(aliases(50, guarded=True), guarded=True)
    timed(estate(5, guarded=True), guarded=True)
    if size:
        timed(PROGRAMS[program](size, guarded), guarded=guarded)
    sys.stdout.flush()
    os._exit(0)  # the interpreter's teardown is not part of any run


def count_instructions(valgrind: str, program: str, size: int, guarded: bool) -> int:
    """Instructions executed by a child doing ``run_once`` (all threads), counted by callgrind."""
    with tempfile.TemporaryDirectory() as scratch:
        child = [sys.executable, str(Path(__file__).resolve()), "--run", program, str(size)]
        child += ["--guarded"] if guarded else []
        done = subprocess.run(
            [valgrind, "--tool=callgrind", f"--callgrind-out-file={scratch}/out", *child],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},  # same dict layouts in every child
            check=False,
        )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run of {program} ({size}, guarded={guarded}) failed:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def instructions(resources: list[int]) -> int:
    """The guard's overhead in instructions executed: far steadier than CPU time on a shared machine.

    It leaves out what CPU time includes (cache misses, page faults, the machine's drift), so it is
    the precise measure of the work the guard adds, not a replacement for the goal's CPU ratio.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("guard_bench.py --instructions needs valgrind: install it (apt-get install valgrind).", file=sys.stderr)
        return 2
    groups = max(resources) // RESOURCES_PER_GROUP
    runs = [("aliases", 0, False)]
    runs += [("aliases", n, g) for n in resources for g in (False, True)]
    runs += [("estate", groups, g) for g in (False, True)]
    print("guard overhead in instructions executed (callgrind; each run minus a warm-up-only run)", flush=True)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        counts = dict(zip(runs, pool.map(lambda r: count_instructions(valgrind, *r), runs), strict=True))
    base = counts["aliases", 0, False]
    for program, size in [("aliases", n) for n in resources] + [("estate", groups)]:
        plain, guarded = counts[program, size, False] - base, counts[program, size, True] - base
        registered = size if program == "aliases" else groups * RESOURCES_PER_GROUP + 2
        label = f"{registered} resources, " + ("each with one Output input" if program == "aliases" else "mixed estate")
        print(
            f"  {label:34} without {plain / 1e9:6.2f} G  with {guarded / 1e9:6.2f} G instructions"
            f"  ratio {guarded / plain:.3f}  ({(guarded - plain) / registered / 1e3:.0f} k per resource)",
            flush=True,
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resources", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument(
        "--pairs",
        type=int,
        default=10,
        help="alternating runs of each variant (>= 5; even keeps the order balanced; one pair's ratio moves by "
        "up to 10%% on a shared machine, so the default takes 10)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions executed under callgrind instead of timing (steadier; needs valgrind)",
    )
    parser.add_argument(
        "--parts",
        type=int,
        metavar="ROUNDS",
        help="take the guard apart instead (PARTS: median of ROUNDS rotated rounds at the first --resources)",
    )
    parser.add_argument("--run", nargs=2, metavar=("PROGRAM", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--guarded", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        run_once(args.run[0], int(args.run[1]), args.guarded)
    if args.instructions:
        return instructions(args.resources)
    timed(aliases(50, guarded=True), guarded=True)  # warm imports and caches outside the measurement
    timed(estate(5, guarded=True), guarded=True)
    if args.parts:
        return parts(args.resources[0], args.parts)
    print(f"guard overhead, median of {args.pairs} alternating pairs (CPU time, one process)")
    for n in args.resources:
        compare(f"{n} resources, each with one Output input", functools.partial(aliases, n), args.pairs)
    groups = max(args.resources) // RESOURCES_PER_GROUP
    compare(
        f"{groups * RESOURCES_PER_GROUP + 2} resources, mixed estate", functools.partial(estate, groups), args.pairs
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
