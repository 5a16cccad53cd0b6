"""``python -m components.plan``: the reviewer's offline plan of every stack (wrapped by ``make plan``).

Exit codes: 0 every stack is resident, 1 residency violations (or a program that never calls
``enforce()``), 2 bad input (no such stack, malformed stack file, invalid config) or a stack whose
program failed, because then the plan is incomplete and cannot vouch for residency.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from components.config import stack_file_to_pulumi_config
from components.errors import CatalogueError, ConfigError
from components.plan.collect import PlanInputError, find_project, find_stack_files
from components.plan.delta import BaselineError, Delta, compare, load_baseline
from components.plan.documents import DocumentError
from components.plan.model import ReviewPlan
from components.plan.parallel import plan_stacks
from components.plan.render_json import render_json
from components.plan.render_markdown import render_markdown
from components.plan.render_text import render_text
from components.plan.review import review_files
from components.residency import load_catalogue

__all__ = ["RENDERERS", "main", "parser"]

RENDERERS: dict[str, Callable[[ReviewPlan], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
_REPO_STACKS = Path(__file__).resolve().parents[2] / "stacks"


def _jobs(text: str) -> int:
    """``--jobs``: a positive number (0 or -1 used to be taken silently, as the default and as 1)."""
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(
            f"{jobs} is not a number of stacks to plan at once (use 1 or more; 1 plans them one after another)"
        )
    return jobs


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
        "--baseline",
        type=Path,
        metavar="FILE",
        help="JSON plan of the target branch (from --format json); the report then leads with what changed",
    )
    p.add_argument(
        "--verbose", action="store_true", help="text format: also list every resource of every stack (the inventory)"
    )
    p.add_argument(
        "--stacks-dir",
        type=Path,
        metavar="DIR",
        help="folder of Pulumi.<stack>.yaml files (default: ./stacks, else the project's stacks/)",
    )
    p.add_argument("--jobs", type=_jobs, metavar="N", help="plan N stacks at once (default: one per idle core)")
    review = p.add_argument_group(
        "real engine documents",
        "Judge what the engine will really do, with the same rules, report and exit codes (see docs/plan.md).",
    )
    review.add_argument(
        "--preview",
        action="append",
        default=[],
        metavar="FILE",
        help="review the JSON of `pulumi preview --json` (or its --event-log JSON lines); - reads stdin",
    )
    review.add_argument(
        "--state", action="append", default=[], metavar="FILE", help="review `pulumi stack export` (- reads stdin)"
    )
    review.add_argument(
        "--stack-file",
        type=Path,
        metavar="FILE",
        help="the stack's Pulumi.<stack>.yaml, for documents that carry no config (a stack export): its "
        "jurisdiction and transfer register (sovereign-dc:destinations) apply; must agree with a preview's config",
    )
    review.add_argument(
        "--jurisdiction",
        metavar="CODE",
        help="jurisdiction for documents that do not name one (a stack export); must agree with a preview's config",
    )
    return p


def _render(fmt: str, plan: ReviewPlan, delta: Delta | None, verbose: bool) -> str:
    if fmt == "text":
        return render_text(plan, delta=delta, verbose=verbose)
    if fmt == "markdown":
        return render_markdown(plan, delta=delta)
    if fmt == "json":
        return render_json(plan, delta.to_dict() if delta is not None else None)
    return RENDERERS[fmt](plan)


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (never raises for bad input: exit 2 with one paragraph)."""
    args = parser().parse_args(argv)
    try:
        return _main(args)
    except Exception as exc:  # a bug of the toolkit: one paragraph and exit 2, never a traceback
        first = " ".join(str(exc).split())[:300]
        return _fail(
            f"the plan failed: {type(exc).__name__}: {first}. Fix: this is a bug in sovereign-dc, not in your "
            "input; report it with the command line and the stack files."
        )


def _overwritten_input(output: Path | None, inputs: list[tuple[str, object]]) -> str | None:
    """The message when ``--output`` is one of the inputs (``(option, path)``): the report would destroy it."""
    if output is None or not output.is_file():
        return None
    for option, path in inputs:
        if path is not None and str(path) != "-" and Path(str(path)).is_file() and os.path.samefile(str(path), output):
            return (
                f"{output}: --output is the same file as {option} {path}, so writing the report would destroy it. "
                "Fix: write the report to another file."
            )
    return None


def _main(args: argparse.Namespace) -> int:
    if (args.jurisdiction or args.stack_file) and not (args.preview or args.state):
        return _fail(
            "--jurisdiction and --stack-file apply to --preview/--state documents only. "
            "Fix: drop them, or add --state FILE."
        )
    documents = [("--preview", p) for p in args.preview] + [("--state", p) for p in args.state]
    clash = _overwritten_input(
        args.output, [*documents, ("--baseline", args.baseline), ("--stack-file", args.stack_file)]
    )
    if clash:
        return _fail(clash)
    try:
        baseline = load_baseline(args.baseline) if args.baseline is not None else None
    except BaselineError as exc:
        return _fail(str(exc))
    if args.preview or args.state:
        if args.stack or args.stacks_dir:
            return _fail(
                "--stack/--stacks-dir plan the program under mocks; --preview/--state review the engine's documents. "
                "Fix: run them as two commands."
            )
        try:
            stack_config = stack_file_to_pulumi_config(args.stack_file)[0] if args.stack_file else None
            plan = review_files(args.preview, args.state, args.jurisdiction, stack_config, str(args.stack_file))
        except (DocumentError, CatalogueError, ConfigError) as exc:
            return _fail(_one_paragraph(str(exc)))
        return _emit(plan, args, baseline)
    stacks_dir: Path = args.stacks_dir or (Path("stacks") if Path("stacks").is_dir() else _REPO_STACKS)
    try:
        catalogue = load_catalogue()
        files = find_stack_files(stacks_dir, args.stack)
        project = find_project(stacks_dir)
    except (PlanInputError, CatalogueError) as exc:
        return _fail(str(exc))
    clash = _overwritten_input(args.output, [("(the stack file)", f) for f in files])
    if clash:
        return _fail(clash)
    started = time.perf_counter()
    plans = plan_stacks(files, project, jobs=args.jobs)
    plan = ReviewPlan(tuple(plans), catalogue.version)
    if len(files) > 1:
        elapsed = time.perf_counter() - started
        print(f"planned {len(files)} stacks in {elapsed:.1f} s: {plan.verdict}", file=sys.stderr, flush=True)
    return _emit(plan, args, baseline)


def _emit(plan: ReviewPlan, args: argparse.Namespace, baseline: dict[str, Any] | None) -> int:
    delta = compare(plan, baseline, args.baseline.name) if baseline is not None and args.baseline else None
    report = _render(args.format, plan, delta, args.verbose)
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
