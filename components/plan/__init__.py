"""The reviewer's offline plan: run every stack's program under recording mocks and report what it
creates, where, under which key, and every residency violation (``python -m components.plan``).

    from components.plan import plan_stacks
    plan = plan_stacks(Path("stacks"))
    print(plan.verdict, plan.exit_code)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from components.plan.collect import PlanInputError, Project, find_project, find_stack_files, plan_stack
from components.plan.model import SCHEMA_VERSION, ReviewPlan, StackPlan
from components.residency import load_catalogue

__all__ = ["SCHEMA_VERSION", "ReviewPlan", "PlanInputError", "Project", "StackPlan", "plan_stack", "plan_stacks"]


def plan_stacks(stacks_dir: Path, names: Sequence[str] = ()) -> ReviewPlan:
    """Plan the named stacks (default: every ``Pulumi.*.yaml``) of the project owning ``stacks_dir``."""
    files = find_stack_files(stacks_dir, names)
    project = find_project(stacks_dir)
    return ReviewPlan(tuple(plan_stack(f, project) for f in files), load_catalogue().version)
