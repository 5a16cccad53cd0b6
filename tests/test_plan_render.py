"""Renderers on synthetic plans: the Markdown size bound, Mermaid determinism, JSON schema."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import jsonschema

from components.plan.mermaid import MAX_NODES_PER_REGION, diagram
from components.plan.model import (
    ComponentInfo,
    Encryption,
    PlannedResource,
    ReviewPlan,
    StackError,
    StackPlan,
    Violation,
)
from components.plan.render_json import render_json
from components.plan.render_markdown import MAX_CHARS, render_markdown
from components.plan.render_text import render_text

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "components/plan/schema.json").read_text(encoding="utf-8"))


def _stack(name: str, components: int, per_component: int, violations: int, *, seed: int = 0) -> StackPlan:
    """A synthetic stack: ``components`` storage components in two regions, plus violations."""
    rng = random.Random(seed)
    comps, resources = [], []
    urn = f"urn:pulumi:{name}::sovereign-dc::"
    for c in range(components):
        comp_urn = f"{urn}sovereign:aws:CountryStorage::store-{c}"
        comps.append(ComponentInfo(comp_urn, "sovereign:aws:CountryStorage", f"store-{c}", ""))
        region = "cn-north-1" if c % 2 else "cn-northwest-1"
        key_urn = f"{comp_urn}$aws:kms/key:Key::key-{c}"
        resources.append(
            PlannedResource(
                key_urn, "aws:kms/key:Key", f"key-{c}", "aws", region, "CN", comp_urn, True, True, "create", False
            )
        )
        for i in range(per_component - 1):
            enc = Encryption("customer-key", key_urn, f"key-{c}", region, "arn:aws-cn:kms:...")
            resources.append(
                PlannedResource(
                    f"{comp_urn}$aws:s3/bucket:Bucket::b-{c}-{i}",
                    "aws:s3/bucket:Bucket",
                    f"b-{c}-{i}",
                    "aws",
                    region,
                    "CN",
                    comp_urn,
                    True,
                    True,
                    "create",
                    True,
                    enc,
                )
            )
    rng.shuffle(resources)
    found = tuple(
        Violation(
            "RES-004",
            "aws-arn-in-jurisdiction",
            "aws:s3/bucketPolicy:BucketPolicy",
            f"p-{v}",
            f"{urn}aws:s3/bucketPolicy:BucketPolicy::p-{v}",
            "policy(json).Statement[0].Resource",
            f"arn:aws:s3:::foreign-{v}|x",
            "Partition aws is outside CN.",
            "Reference an in-country resource.",
        )
        for v in range(violations)
    )
    return StackPlan(
        name,
        f"stacks/Pulumi.{name}.yaml",
        "CN",
        "Mainland China",
        tuple(sorted(resources, key=lambda r: r.urn)),
        tuple(comps),
        found,
    )


def test_markdown_of_a_huge_plan_stays_under_the_comment_limit() -> None:
    plan = ReviewPlan(tuple(_stack(f"s{i}", 60, 90, 400 if i == 0 else 0, seed=i) for i in range(8)), "test")
    assert sum(len(s.resources) for s in plan.stacks) > 40_000
    text = render_markdown(plan)
    assert len(text) <= MAX_CHARS < 65_000
    assert "more violation(s) not shown" in text
    assert text.count("<details>") == text.count("</details>") >= 8
    assert "Details omitted to fit one comment" in text or "details omitted" in text
    assert "foreign-0\\|x" in text  # pipes escaped inside table cells


def test_markdown_of_a_small_plan_is_complete() -> None:
    plan = ReviewPlan((_stack("cn", 2, 3, 1),), "test")
    text = render_markdown(plan)
    assert "All 6 resources" in text and "```mermaid" in text and "not shown" not in text
    assert text.startswith("## sovereign-dc plan: ❌ fail")


def test_mermaid_is_deterministic_and_bounded() -> None:
    one, two = _stack("cn", 40, 3, 0, seed=1), _stack("cn", 40, 3, 0, seed=2)
    assert one.resources == two.resources  # same content, registered in another order
    assert diagram(one) == diagram(two)
    text = diagram(one)
    assert "CountryStorage x 20" in text  # 20 components per region > MAX_NODES_PER_REGION: collapsed
    assert text.count("\n") < 30
    small = _stack("cn", MAX_NODES_PER_REGION, 2, 1)
    target = next(r for r in small.resources if r.name == "b-1-0")
    small = dataclasses.replace(small, violations=(dataclasses.replace(small.violations[0], urn=target.urn),))
    text = diagram(small)
    assert "n_aws_cn_north_1_CountryStorage_store_1[" in text
    assert text.splitlines()[-1] == "  class n_aws_cn_north_1_CountryStorage_store_1 violation"


def test_json_of_a_synthetic_plan_matches_the_schema() -> None:
    broken = StackPlan("bad", "stacks/Pulumi.bad.yaml", error=StackError("input", "stacks/Pulumi.bad.yaml", "", "x"))
    plan = ReviewPlan((_stack("cn", 3, 3, 2), broken), "test")
    document = json.loads(render_json(plan))
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert document["verdict"] == "error" and document["exit_code"] == 2
    assert document["summary"] == {
        "stacks": 2,
        "resources": 9,
        "components": 3,
        "violations": 2,
        "failed_stacks": 1,
        "error_stacks": 1,
    }
    assert render_json(plan) == render_json(plan)


def test_text_leads_with_summary_and_violations_and_keeps_the_inventory_for_verbose() -> None:
    plan = ReviewPlan((_stack("cn", 1, 2, 2),), "test")
    text = render_text(plan)
    assert text.index("SUMMARY") < text.index("RESIDENCY VIOLATIONS (2)") < text.index("Stack cn")
    summary_row = text.splitlines()[text.splitlines().index("SUMMARY") + 2]
    assert summary_row.split() == ["cn", "CN", "2", "aws:cn-northwest-1", "2", "FAIL"]
    assert "data stores and their keys:" not in text and "is shown with --verbose" in text
    verbose = render_text(plan, verbose=True)
    assert "data stores and their keys:" in verbose and "--verbose" not in verbose
    assert verbose.startswith(text.split("Stack cn")[0])  # the same first screen
