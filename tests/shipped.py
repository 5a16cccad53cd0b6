"""The shipped stacks (stacks/Pulumi.<name>.yaml) as the tests read them, each made once per process.

Many test files read the same stack files, run the same program on them and plan them: each of those
is made here once per test process (each pytest-xdist worker has its own) instead of once per test or
per file (issue 13: the suite's CPU). Only tests that *read* a stack use these; a test that edits a
stack, or drives the command line end to end, still builds its own.

What is handed out cannot leak from one test into the next: settings are deep copies, plans are frozen
dataclasses of tuples, and the program runs (frozen records over read-only mappings) are fingerprinted
when made and checked unchanged at the end of the session (:func:`check_unchanged`, called by the
``shipped_stacks_unchanged`` fixture in conftest.py), so a test that mutates a nested value fails.
"""

from __future__ import annotations

import functools
import json
import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from components.config import check_stack_file, stack_file_to_pulumi_config
from components.config.models import DataCenterConfig
from components.plan.collect import Project, plan_stack
from components.plan.model import ReviewPlan, StackPlan
from components.residency import Finding, audit_session, load_catalogue
from components.testing import ProgramFile, ProgramRun, SovereignMocks, run_pulumi_program

ROOT = Path(__file__).resolve().parents[1]
STACKS_DIR = ROOT / "stacks"
SHIPPED = sorted(p.name.removeprefix("Pulumi.").removesuffix(".yaml") for p in STACKS_DIR.glob("Pulumi.*.yaml"))

_made: dict[tuple[str, str], tuple[Callable[[], str], str]] = {}
"""(kind, stack) -> (how to fingerprint it now, its fingerprint when made)."""


def stack_file(stack: str) -> Path:
    return STACKS_DIR / f"Pulumi.{stack}.yaml"


@functools.cache
def _settings(stack: str) -> DataCenterConfig:
    return check_stack_file(stack_file(stack)).datacenter


def settings(stack: str) -> Any:
    """The stack file's validated ``sovereign-dc:datacenter`` settings (a copy of your own). Typed
    ``Any`` like ``load_stack_file(...).datacenter`` in the tests before: they read optional blocks
    (``portal``, ``compute.aws``) that the shipped files they parametrize over do set."""
    copy: DataCenterConfig = _settings(stack).model_copy(deep=True)
    return copy


def clouds_of(stack: str) -> frozenset[str]:
    clouds = _settings(stack).clouds
    return frozenset(c for c in ("aws", "alicloud") if getattr(clouds, c) is not None)


@functools.cache
def _config(stack: str) -> tuple[str, tuple[str, ...]]:
    config, secret_keys = stack_file_to_pulumi_config(stack_file(stack))
    return json.dumps(config), tuple(secret_keys)


def config_of(stack: str) -> tuple[dict[str, Any], list[str]]:
    """``stack_file_to_pulumi_config`` of the stack file (fresh objects, yours to edit)."""
    config, secret_keys = _config(stack)
    return json.loads(config), list(secret_keys)


def main_program() -> None:
    """__main__.py executed as `pulumi up` does. A callable rather than a path: the runner's path mode
    unloads every module first imported beside the program, and .venv/ lives beside it here."""
    runpy.run_path(str(ROOT / "__main__.py"), run_name="__main__")


def _fingerprint(run: ProgramRun) -> str:
    return repr((run.resources, run.invokes, run.outputs, run.error))


def _remember(kind: str, stack: str, run: ProgramRun) -> None:
    _made[(kind, stack)] = (functools.partial(_fingerprint, run), _fingerprint(run))


def run_with_config(
    stack: str, config: dict[str, Any], secret_keys: list[str], *, raise_on_error: bool = True
) -> ProgramRun:
    """The shipped program on ``config`` (e.g. a stack's, edited) under the realistic mocks, as `pulumi up` runs it."""
    return run_pulumi_program(
        main_program,
        project="sovereign-dc",
        stack=stack,
        config=config,
        secret_keys=secret_keys,
        mocks=SovereignMocks(),
        raise_on_error=raise_on_error,
    )


@functools.cache
def run_stack(stack: str) -> ProgramRun:
    """The shipped program on the stack under the realistic mocks, guard in raise mode (`pulumi up`)."""
    run = run_with_config(stack, *config_of(stack))
    _remember("run", stack, run)
    return run


@functools.cache
def audited_run(stack: str) -> tuple[ProgramRun, tuple[Finding, ...]]:
    """The program run from its file as `pulumi up` runs it, every ``enforce()`` in audit mode: the
    run and every finding of its guards (declared ones included)."""
    config, secret_keys = config_of(stack)
    with audit_session() as guards:
        run = run_pulumi_program(
            ProgramFile(ROOT), project="sovereign-dc", stack=stack, config=config, secret_keys=secret_keys
        )
    findings = tuple(f for g in guards for f in g.findings)
    _remember("audited", stack, run)
    return run, findings


@functools.cache
def plan(stack: str) -> StackPlan:
    """``plan_stack`` of the stack file, as ``python -m components.plan`` plans it."""
    return plan_stack(stack_file(stack), Project.above(STACKS_DIR))


def review(*stacks: str) -> ReviewPlan:
    """The plan of these stacks as the command line assembles it before rendering."""
    return ReviewPlan(tuple(plan(s) for s in stacks), load_catalogue().version)


def check_unchanged() -> list[str]:
    """The shared runs some test changed since they were made (an empty list when none was)."""
    return [f"{kind} {stack}" for (kind, stack), (now, then) in _made.items() if now() != then]
