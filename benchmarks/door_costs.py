"""Where a realistic program's cost goes: each front door of ``tests/test_realistic_programs.py``, timed apart.

The realistic table runs every program through the guard, the plan, the policy pack, the preview and state reviews
and a first preview (``test_every_front_door_agrees`` and ``test_a_first_preview_refuses_no_compliant_program``). This
runs the same steps, with the table's own helpers, over an even sample of its programs, one after another in one
process, and times each step by this process's CPU time (``time.process_time``: the machine is shared, so wall time
would measure the neighbours). It asserts nothing: the tests judge the verdicts; this only says where the time goes.

``--pack-only`` times just the policy pack (final state and first preview) over runs made beforehand. ``--rounds``
repeats the timed pass (every door, or the pack alone) that many times and sums it, for side-by-side comparisons of
two checkouts (run it from each, alternating).

    .venv/bin/python benchmarks/door_costs.py --programs 50
    .venv/bin/python benchmarks/door_costs.py --programs 100 --rounds 3
    .venv/bin/python benchmarks/door_costs.py --programs 50 --pack-only --rounds 3

``--first N`` samples only the table's first N programs, so that two checkouts whose tables differ in length (a stop
appends its cases at the end) time the same programs: pass the shorter table's length to both.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT / "tests", ROOT / "policy", ROOT):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import pulumi.runtime.config  # noqa: E402

STEPS = (
    "guard raise",
    "plan",
    "pack: resources",
    "pack: stack",
    "preview+state review",
    "first preview run",
    "first preview review",
    "first preview pack: resources",
    "first preview pack: stack",
)


@contextlib.contextmanager
def _clock(costs: dict[str, float], step: str) -> Iterator[None]:
    start = time.process_time()
    try:
        yield
    finally:
        costs[step] = costs.get(step, 0.0) + time.process_time() - start


class _StackConfig:
    """``PULUMI_CONFIG`` as the engine hands it to a pack (the tests' ``stack_config`` fixture, without pytest)."""

    def __init__(self) -> None:
        self.saved = dict(pulumi.runtime.config.CONFIG.get())

    def __call__(self, values: dict[str, Any] | None) -> None:
        if values is None:
            os.environ.pop("PULUMI_CONFIG", None)
        else:
            os.environ["PULUMI_CONFIG"] = json.dumps(dict(values))

    def restore(self) -> None:
        live = pulumi.runtime.config.CONFIG.get()
        live.clear()
        live.update(self.saved)


def _sample(cases: list[Any], programs: int) -> list[Any]:
    """An even spread over the table (its programs are grouped by the stop and the author that added them)."""
    step = max(1, len(cases) // programs)
    return cases[::step][:programs]


def _pack(
    t: Any, case: Any, run: Any, config: _StackConfig, costs: dict[str, float], prefix: str, *, preview: bool
) -> None:
    config(t._config(case))
    pack = t.Pack()
    with _clock(costs, f"{prefix}: resources"):
        for r in t._pack_resources(run, final_state=False):
            pack.analyze(r)
    with _clock(costs, f"{prefix}: stack"):
        pack.analyze_stack(t._pack_resources(run, final_state=not preview))


def _first_preview_run(t: Any, case: Any) -> Any:
    with t.audit_session():
        return t.run_pulumi_program(
            t._program(case, "raise"), project="sovereign-dc", stack=case.code.lower(), config=t._config(case),
            preview=True, mocks=t.FirstPreviewMocks(t._mocks(case)),
        )  # fmt: skip


def every_door(t: Any, cases: list[Any]) -> dict[str, float]:
    """CPU seconds per step, summed over ``cases``."""
    costs: dict[str, float] = {}
    config = _StackConfig()
    try:
        for case in cases:
            with _clock(costs, "guard raise"):
                t.guard_rules(case)
            with _clock(costs, "plan"):
                run, _ = t.plan_run(case)
            _pack(t, case, run, config, costs, "pack", preview=False)
            with _clock(costs, "preview+state review"):
                t.review_rules(case, run)
            with _clock(costs, "first preview run"):
                first = _first_preview_run(t, case)
            with _clock(costs, "first preview review"):
                document = t.first_preview_document(first.resources, t._config(case))
                t.review_document(t.parse_preview(document, "first.json"))
            _pack(t, case, first, config, costs, "first preview pack", preview=True)
    finally:
        config.restore()
    return costs


def pack_only(t: Any, cases: list[Any], rounds: int) -> float:
    """CPU seconds of the pack (final state and first preview) over ``cases``, ``rounds`` times."""
    runs = [(case, t.plan_run(case)[0], _first_preview_run(t, case)) for case in cases]
    config = _StackConfig()
    costs: dict[str, float] = {}
    for case, run, _first in runs:  # warm-up: the pack's first judgements parse and derive the catalogues' tables
        _pack(t, case, run, config, costs, "pack", preview=False)
    costs.clear()
    try:
        for _ in range(rounds):
            for case, run, first in runs:
                _pack(t, case, run, config, costs, "pack", preview=False)
                _pack(t, case, first, config, costs, "pack", preview=True)
    finally:
        config.restore()
    return sum(costs.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=50)
    parser.add_argument("--pack-only", action="store_true")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--first", type=int, default=None, help="sample only the table's first N programs")
    args = parser.parse_args(argv)
    import test_realistic_programs as t

    cases = _sample(list(t.CASES)[: args.first], args.programs)
    if args.pack_only:
        print(f"pack CPU {pack_only(t, cases, args.rounds):.3f} s ({len(cases)} programs x {args.rounds} rounds)")
        return 0
    # A first pass imports the provider submodules each program uses (0.7 s for one of them) and parses the catalogues:
    # the suite pays that once per worker over thousands of programs, so it is no door's cost.
    every_door(t, cases)
    costs: dict[str, float] = {}
    for _ in range(args.rounds):
        for step, cost in every_door(t, cases).items():
            costs[step] = costs.get(step, 0.0) + cost
    total = sum(costs.values())
    runs = len(cases) * args.rounds
    print(f"{len(cases)} programs x {args.rounds} rounds, {total:.3f} s CPU, {1000 * total / runs:.1f} ms per program")
    for step in STEPS:
        print(f"  {step:30} {costs.get(step, 0.0):7.2f} s  {100 * costs.get(step, 0.0) / total:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
