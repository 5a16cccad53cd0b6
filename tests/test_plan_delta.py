"""``--baseline``: the plan leads with what a change changes; ``--verbose`` holds the inventory."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from shipped import review

from components.plan.cli import main
from components.plan.delta import compare, compare_documents
from components.plan.model import ReviewPlan
from components.plan.render_json import plan_to_dict
from components.plan.render_markdown import render_markdown
from components.plan.render_text import render_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "components" / "plan" / "schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cn_plan() -> ReviewPlan:
    return review("cn")  # the shipped cn stack's plan, made once per test process (tests/shipped.py)


def _baseline(plan: ReviewPlan) -> dict[str, Any]:
    """The plan as main's JSON, edited into what main looked like before the change."""
    document = copy.deepcopy(plan_to_dict(plan))
    stack = document["stacks"][0]
    resources = stack["resources"]
    added = next(r for r in resources if r["type"] == "aws:s3/bucket:Bucket" and r["region"] == "cn-north-1")
    resources.remove(added)  # the change adds this bucket
    moved = next(r for r in resources if r["type"] == "alicloud:kms/key:Key")
    moved["region"] = "cn-hangzhou"  # the change moves this key
    resources.append(
        {**added, "urn": added["urn"] + "-old", "name": "old-bucket", "protect": True}  # the change removes this
    )
    stack["violations"].append(
        {
            "rule": "RES-004",
            "rule_name": "aws-arn-in-jurisdiction",
            "resource_type": "aws:s3/bucketPolicy:BucketPolicy",
            "resource_name": "leak",
            "urn": "urn:x",
            "path": "policy(json).Statement[0].Resource",
            "value": "arn:aws:s3:::foreign/*",
            "message": "m",
            "fix": "f",
        }
    )
    stack["verdict"] = "fail"
    return document


def test_text_leads_with_the_delta_per_country_and_region(cn_plan: ReviewPlan) -> None:
    baseline = _baseline(cn_plan)
    delta = compare(cn_plan, baseline, "main.json")
    text = render_text(cn_plan, delta=delta)
    assert text.index("CHANGES AGAINST THE BASELINE (main.json") < text.index("SUMMARY") < text.index("Stack cn")
    head = text[: text.index("SUMMARY")]
    assert "cn · changed · verdict PASS (was FAIL) · resources +1 -1 ~1 · findings +0 -1" in head
    assert "CN aws cn-north-1: +1 -1 ~0" in head and "- aws:s3/bucket:Bucket old-bucket [protected]" in head
    assert "CN alicloud cn-shanghai: +0 -0 ~1" in head and "region cn-hangzhou -> cn-shanghai" in head
    assert "- RES-004 aws:s3/bucketPolicy:BucketPolicy 'leak' at policy(json).Statement[0].Resource" in head
    assert "inventory (" in text and "data stores and their keys" not in text


def test_markdown_comment_shows_delta_verdict_violations_and_collapses_the_inventory(cn_plan: ReviewPlan) -> None:
    delta = compare(cn_plan, _baseline(cn_plan), "main.json")
    markdown = render_markdown(cn_plan, delta=delta)
    order = ["## sovereign-dc plan: ✅ pass", "### What this change does", "### Verdict", "### Stacks (inventory)"]
    assert [markdown.index(h) for h in order] == sorted(markdown.index(h) for h in order)
    first_screen = markdown[: markdown.index("### Stacks (inventory)")]
    assert "| `cn` | changed | ✅ pass (was ❌ fail) | +1 / -1 / ~1 | 0 / 1 |" in first_screen
    assert "`- aws:s3/bucket:Bucket old-bucket [protected]`" in first_screen and "✔️ resolved" in first_screen
    assert "<details>" not in first_screen and "<details><summary><b>cn</b>" in markdown


def test_json_carries_the_delta_and_matches_the_schema(
    cn_plan: ReviewPlan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "main.json"
    baseline.write_text(json.dumps(plan_to_dict(cn_plan)), encoding="utf-8")
    code = main(
        ["--stack", "cn", "--stacks-dir", str(ROOT / "stacks"), "--format", "json", "--baseline", str(baseline)]
    )
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert code == 0 and document["delta"]["stacks"][0]["status"] == "same"
    same = compare(cn_plan, plan_to_dict(cn_plan), "main.json")
    assert "0 stack(s) changed" in render_text(cn_plan, delta=same) and "unchanged: cn" in render_text(
        cn_plan, delta=same
    )
    assert "No stack changes" in render_markdown(cn_plan, delta=same)


def test_declarations_are_diffed_when_both_plans_carry_them() -> None:
    def doc(declarations: list[dict[str, Any]] | None) -> dict[str, Any]:
        stack: dict[str, Any] = {"stack": "cn", "verdict": "pass", "resources": [], "violations": []}
        if declarations is not None:
            stack["declarations"] = declarations
        return {"stacks": [stack]}

    old = [{"id": "crash-reports", "status": "active"}, {"id": "gone", "status": "active"}]
    new = [
        {"id": "crash-reports", "status": "expiring", "expires": "2027-01-01"},
        {"id": "support-portal", "status": "active"},
    ]
    (stack,) = compare_documents(doc(new), doc(old), "main.json").stacks
    assert stack.status == "changed" and stack.declarations is not None
    assert stack.declarations.added == ("support-portal (active)",)
    assert stack.declarations.removed == ("gone (active)",)
    assert stack.declarations.changed == ("crash-reports (expiring, expires 2027-01-01)",)
    assert stack.declarations.attention == ("crash-reports (expiring, expires 2027-01-01)",)
    (skipped,) = compare_documents(doc(new), doc(None), "main.json").stacks
    assert skipped.declarations is None  # an older baseline without the register: nothing guessed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"cannot read the baseline \(No such file or directory\)"),
        (b"{not json", r"the baseline is not JSON \(line 1, column 2\)"),
        (b"\xff\xfe\x00binary", r"the baseline is not UTF-8 text"),
        (b"[1, 2]", r"not a sovereign-dc JSON plan: the top level is not an object"),
        (
            b'{"generator": "sovereign-dc plan", "schema_version": "2.0", "stacks": []}',
            r"schema_version '2.0' is not 1.x",
        ),
        (
            b'{"generator": "sovereign-dc plan", "schema_version": "1.1", "stacks": [{"stack": "cn"}]}',
            r"stacks\[0\]\.resources is not a list of objects",
        ),
    ],
)
def test_a_bad_baseline_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "main.json"
    if content is not None:
        path.write_bytes(content)
    code = main(["--stack", "cn", "--stacks-dir", str(ROOT / "stacks"), "--baseline", str(path)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"error: {path}: ") and "Fix: pass a file written by" in err
    assert re.search(message, err), err


def test_stacks_added_and_removed_are_whole_deltas() -> None:
    bucket = {"urn": "u1", "type": "aws:s3/bucket:Bucket", "name": "b", "cloud": "aws", "region": "eu-west-1",
              "jurisdiction": "EU", "protect": True}  # fmt: skip
    new = {"stacks": [{"stack": "eu", "verdict": "pass", "resources": [bucket], "violations": []}]}
    old = {"stacks": [{"stack": "uk", "verdict": "pass", "resources": [{**bucket, "jurisdiction": "UK"}],
                       "violations": []}]}  # fmt: skip
    eu, uk = compare_documents(new, old, "main.json").stacks
    assert (eu.stack, eu.status, eu.counts, eu.baseline_verdict) == ("eu", "added", (1, 0, 0), "-")
    assert (uk.stack, uk.status, uk.counts, uk.verdict) == ("uk", "removed", (0, 1, 0), "-")
    assert uk.places[0].removed == ("aws:s3/bucket:Bucket b [protected]",) and uk.places[0].jurisdiction == "UK"
