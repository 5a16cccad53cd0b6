"""``python -m components.deploy preview|up|destroy|matrix``: run the estate, or print its CI workflow.

Exit codes: 0 every stack succeeded (or nothing had to run), 1 a stack failed, 2 bad input or a
refused command (one-paragraph message on stderr, never a traceback), 130 interrupted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO, cast

from components.deploy.matrix import WORKFLOW_PATH, render_workflow
from components.deploy.models import load_deployment_map
from components.deploy.runner import AutomationOperations, StackOperations, WaveRunner, render_dry_run, render_summary
from components.deploy.stacks import discover_stacks
from components.deploy.waves import COMMANDS, Command, RolloutPlan, plan_rollout
from components.errors import SovereignError
from components.project import Project
from components.residency.catalogue import load_catalogue

__all__ = ["build_plan", "main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Refused(SovereignError):
    """A command the operator has not confirmed, or cannot run here."""


def build_plan(
    project_dir: Path,
    map_path: Path | None,
    command: Command,
    only: Sequence[str] = (),
    report_dir: Path | None = None,
) -> RolloutPlan:
    """Load project, stack files and deployment map, and plan the rollout (no CLI needed)."""
    catalogue = load_catalogue()
    project = Project.load(project_dir)
    path = map_path or project.stack_config_dir / "deployments.yaml"
    dmap = load_deployment_map(path, catalogue)
    stacks = discover_stacks(project, catalogue)
    return plan_rollout(dmap, stacks, project, command, map_file=str(path), only=only, report_dir=report_dir)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m components.deploy",
        description="Deploy country stacks with in-country state and secrets, wave by wave.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--project-dir", type=Path, default=Path.cwd(), help="directory of Pulumi.yaml (default: .)")
    common.add_argument(
        "--map", type=Path, default=None, help="deployment map (default: <stackConfigDir>/deployments.yaml)"
    )
    common.add_argument(
        "--stack",
        action="append",
        default=[],
        metavar="STACK",
        help="only this stack (repeatable); waves keep their order",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="{preview,up,destroy,matrix}")
    for command in COMMANDS:
        sub = commands.add_parser(command, parents=[common], help=f"pulumi {command} every stack, wave by wave")
        sub.add_argument("--dry-run", action="store_true", help="print exactly what would run; needs no Pulumi CLI")
        sub.add_argument(
            "--report-dir",
            type=Path,
            default=None,
            help="where each stack's policy config and preview JSON and the run's summary are saved "
            "(default: <project-dir>/reports)",
        )
        sub.add_argument("--quiet", action="store_true", help="hide the engine output; keep progress and summary")
        sub.add_argument("--yes", action="store_true", help="confirm `up` (required: CI has no stdin to ask on)")
        sub.add_argument(
            "--yes-destroy",
            action="append",
            default=[],
            metavar="STACK",
            help="confirm destroying STACK; every destroyed stack must be named",
        )
    matrix = commands.add_parser("matrix", parents=[common], help=f"print the CI workflow ({WORKFLOW_PATH})")
    matrix.add_argument("--output", type=Path, default=None, help="write the workflow here instead of stdout")
    return parser


def _confirm(args: argparse.Namespace, plan: RolloutPlan) -> None:
    targets = [inv.stack for inv in plan.invocations()]
    if args.command == "up" and not args.yes:
        raise _Refused(
            f"refusing to run `up` on {', '.join(targets)} without --yes: it changes real infrastructure. "
            "Fix: add --yes, or --dry-run to see what would run"
        )
    if args.command == "destroy":
        named = set(args.yes_destroy)
        missing = [stack for stack in targets if stack not in named]
        if missing:
            flags = " ".join(f"--yes-destroy {stack}" for stack in missing)
            raise _Refused(
                f"refusing to destroy {', '.join(missing)}: every destroyed stack must be named. "
                f"Fix: add {flags} (and --stack to destroy fewer stacks)"
            )
        extra = sorted(named - set(targets))
        if extra:
            raise _Refused(
                f"--yes-destroy names {', '.join(extra)}, which this run does not target. "
                "Fix: add --stack for each, or drop those confirmations"
            )
    elif args.yes_destroy:
        raise _Refused(f"--yes-destroy confirms `destroy` only, not `{args.command}`. Fix: drop it")


def _default_operations() -> StackOperations:
    if shutil.which("pulumi") is None:
        raise _Refused(
            "the Pulumi CLI is not on PATH, and the Automation API drives it. "
            "Fix: install the pinned Pulumi CLI on this runner, or use --dry-run"
        )
    return AutomationOperations()


def main(
    argv: Sequence[str] | None = None,
    *,
    operations: Callable[[], StackOperations] = _default_operations,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the CLI; ``operations`` builds the CLI boundary (tests pass a recording stand-in)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args = _parser().parse_args(argv)
    try:
        if args.command == "matrix":
            text = render_workflow(build_plan(args.project_dir, args.map, "preview", args.stack))
            if args.output is None:
                out.write(text)
            else:
                args.output.parent.mkdir(parents=True, exist_ok=True)
                args.output.write_text(text, encoding="utf-8")
                print(f"wrote {args.output}", file=out)
            return EXIT_OK
        command = cast(Command, args.command)
        plan = build_plan(args.project_dir, args.map, command, args.stack, args.report_dir)
        if args.dry_run:
            print(render_dry_run(plan), file=out)
            return EXIT_OK
        _confirm(args, plan)
        runner = WaveRunner(operations(), lambda line: print(line, file=out, flush=True), show_output=not args.quiet)
        results = runner.run(plan)
        summary = render_summary(results)
        print(summary, file=out)
        reports = args.report_dir or args.project_dir / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        # Beside each stack's <stack>.preview.json, so CI can hand both to the reviewer.
        (reports / f"{command}-summary.txt").write_text(summary + "\n", encoding="utf-8")
        return EXIT_OK if all(result.status == "succeeded" for result in results) else EXIT_FAILED
    except (SovereignError, _Refused) as exc:
        # One line per problem (a ConfigProblems holds every problem of a file).
        for line in str(exc).splitlines() or [""]:
            print(f"error: {line}", file=err)
        return EXIT_USAGE
    except OSError as exc:
        where = f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc)
        print(f"error: {where}. Fix: check the path and permissions", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted: stacks that were running may hold a lock; check them with `pulumi stack`", file=err)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
