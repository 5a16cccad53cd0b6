"""The plan runs every stack's program fresh: a program's own local modules are executed per stack.

Regression: the plan had its own copy of the program runner without the module unloading of
``components.simulate.program``; a program whose resources are declared in a local module then
registered nothing for the second stack (``import infra`` found the first stack's module in
``sys.modules`` and ran none of its code), and that stack was reported PASS with no resources.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.plan import plan_stacks

ROOT = Path(__file__).resolve().parents[1]

MAIN = """
import pulumi

from components.residency import enforce

enforce(pulumi.Config("sovereign-dc").require("jurisdiction"))

import infra  # noqa: E402  (declares every resource at import time, like many real programs)
"""

INFRA = """
import pulumi
import pulumi_aws as aws

region = pulumi.Config("sovereign-dc").require("region")
home = aws.Provider("home", region=region)
aws.s3.Bucket("data", opts=pulumi.ResourceOptions(provider=home))
"""


def _stack(stacks: Path, name: str, jurisdiction: str, region: str) -> None:
    (stacks / f"Pulumi.{name}.yaml").write_text(
        textwrap.dedent(
            f"""\
            config:
              sovereign-dc:jurisdiction: {jurisdiction}
              sovereign-dc:region: {region}
            """
        ),
        encoding="utf-8",
    )


@pytest.fixture
def local_module_project(tmp_path: Path) -> Iterator[Path]:
    shutil.copy(ROOT / "Pulumi.yaml", tmp_path / "Pulumi.yaml")
    (tmp_path / "__main__.py").write_text(textwrap.dedent(MAIN), encoding="utf-8")
    (tmp_path / "infra.py").write_text(textwrap.dedent(INFRA), encoding="utf-8")
    stacks = tmp_path / "stacks"
    stacks.mkdir()
    yield stacks
    sys.modules.pop("infra", None)


def test_each_stack_executes_the_programs_local_modules(local_module_project: Path) -> None:
    _stack(local_module_project, "a-cn", "CN", "cn-north-1")
    _stack(local_module_project, "b-us", "CN", "us-east-1")  # second stack: a violation that must be seen
    plan = plan_stacks(local_module_project)
    first, second = plan.stacks
    assert {r.name for r in first.resources} == {"home", "data"}
    assert {r.name for r in second.resources} == {"home", "data"}, "the second stack recorded nothing"
    assert first.verdict == "pass"
    assert second.verdict == "fail"
    assert {(v.rule, v.resource_name) for v in second.violations} == {("RES-001", "home")}
    assert "infra" not in sys.modules, "the program's local module leaked out of the plan"


def test_same_program_planned_twice_gives_the_same_plan(local_module_project: Path) -> None:
    _stack(local_module_project, "cn", "CN", "cn-north-1")
    once = plan_stacks(local_module_project)
    twice = plan_stacks(local_module_project)
    assert [r.urn for r in once.stacks[0].resources] == [r.urn for r in twice.stacks[0].resources]
    assert len(twice.stacks[0].resources) == 2
