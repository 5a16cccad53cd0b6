"""``python -m components.plan``: the reviewer's offline plan of every stack (wrapped by ``make plan``).

Exit codes: 0 every stack is resident, 1 residency violations (or a program that never calls
``enforce()``), 2 bad input (no such stack, malformed stack file, invalid config) or a stack whose
program failed, because then the plan is incomplete and cannot vouch for residency.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from components.errors import CatalogueError
from components.plan.collect import PlanInputError, Project, find_stack_files
from components.plan.model import Plan
from components.plan.parallel import plan_stacks
from components.plan.render_json import render_json
from components.plan.render_markdown import render_markdown
from components.plan.render_text import render_text
from components.residency import load_catalogue

__all__ = ["RENDERERS", "main", "parser"]

RENDERERS: dict[str, Callable[[Plan], str]] = {"text": render_text, "json": render_json, "markdown": render_markdown}
_REPO_STACKS = Path(__file__).resolve().parents[2] / "stacks"


def parser() -> argparse.ArgumentParser:
    """The command line (also used by docs/plan.md)."""
    p = argparse.ArgumentParser(
        prog="python -m components.plan",
        description="Plan stacks offline under Pulumi mocks: what each creates, where, and whether it stays in its "
        "country. No cloud credentials, no Pulumi CLI.",
        epilog="Exit codes: 0 clean, 1 residency violations, 2 bad input or a stack that could not be planned.",
    )
    p.add_argument("--stack", action="append", default=[], metavar="NAME", help="plan only this stack (repeatable)")
    p.add_argument("--format", choices=sorted(RENDERERS), default="text", help="report format (default: text)")
    p.add_argument("--output", type=Path, metavar="FILE", help="write the report here instead of stdout")
    p.add_argument(
        "--stacks-dir",
        type=Path,
        metavar="DIR",
        help="folder of Pulumi.<stack>.yaml files (default: ./stacks, else the project's stacks/)",
    )
    p.add_argument("--jobs", type=int, metavar="N", help="plan N stacks at once (default: one per core)")
    return p


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    args = parser().parse_args(argv)
    stacks_dir: Path = args.stacks_dir or (Path("stacks") if Path("stacks").is_dir() else _REPO_STACKS)
    try:
        catalogue = load_catalogue()
        files = find_stack_files(stacks_dir, args.stack)
        project = Project.above(stacks_dir)
    except (PlanInputError, CatalogueError) as exc:
        return _fail(str(exc))
    started = time.perf_counter()
    plans = plan_stacks(files, project, jobs=args.jobs)
    plan = Plan(tuple(plans), catalogue.version)
    if len(files) > 1:
        elapsed = time.perf_counter() - started
        print(f"planned {len(files)} stacks in {elapsed:.1f} s: {plan.verdict}", file=sys.stderr, flush=True)
    report = RENDERERS[args.format](plan)
    if args.output is None:
        sys.stdout.write(report)
        sys.stdout.flush()
    else:
        try:
            args.output.write_text(report, encoding="utf-8")
        except OSError as exc:
            return _fail(f"{args.output}: cannot write the report ({exc.strerror}). Fix: choose a writable path.")
        print(f"wrote {args.format} plan to {args.output}", file=sys.stderr)
    return plan.exit_code
