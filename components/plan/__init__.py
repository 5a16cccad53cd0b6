"""The reviewer's offline plan: run every stack's program under recording mocks and report what it
creates, where, under which key, and every residency violation (``python -m components.plan``).

    from components.plan import plan_stacks
    plan = plan_stacks(Path("stacks"))
    print(plan.verdict, plan.exit_code)

The names below load on first use (PEP 562): ``python -m components.plan`` imports this package
before it runs, and when it hands the run to the warm plan server (:mod:`components.plan.server`)
it must not spend 0.3 s importing the engine it is about to delegate to.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from components.plan.collect import PlanInputError, Project, plan_stack
    from components.plan.model import SCHEMA_VERSION, ReviewPlan, StackPlan

__all__ = ["SCHEMA_VERSION", "ReviewPlan", "PlanInputError", "Project", "StackPlan", "plan_stack", "plan_stacks"]

_LAZY = {
    "PlanInputError": "components.plan.collect",
    "Project": "components.plan.collect",
    "plan_stack": "components.plan.collect",
    "SCHEMA_VERSION": "components.plan.model",
    "ReviewPlan": "components.plan.model",
    "StackPlan": "components.plan.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def plan_stacks(stacks_dir: Path, names: Sequence[str] = ()) -> ReviewPlan:
    """Plan the named stacks (default: every ``Pulumi.*.yaml``) of the project owning ``stacks_dir``."""
    from components.plan.collect import find_project, find_stack_files, plan_stack
    from components.plan.model import ReviewPlan
    from components.residency import load_catalogue

    files = find_stack_files(stacks_dir, names)
    project = find_project(stacks_dir)
    return ReviewPlan(tuple(plan_stack(f, project) for f in files), load_catalogue().version)
