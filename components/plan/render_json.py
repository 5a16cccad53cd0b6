"""The plan as JSON, following ``schema.json`` (``schema_version`` says which version)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from components.plan.mermaid import diagram
from components.plan.model import SCHEMA_VERSION, ReviewPlan, StackPlan

__all__ = ["plan_to_dict", "render_json"]


def _error(stack: StackPlan) -> dict[str, Any] | None:
    if stack.error is None:
        return None
    e = stack.error
    return {"kind": e.kind, "file": e.file, "key": e.key, "message": e.message, "problems": list(e.paragraphs)}


def _stack_to_dict(stack: StackPlan) -> dict[str, Any]:
    return {
        "stack": stack.stack,
        "source": stack.source,
        "file": stack.file,
        "jurisdiction": (
            {"code": stack.jurisdiction_code, "name": stack.jurisdiction_name} if stack.jurisdiction_code else None
        ),
        "verdict": stack.verdict,
        "guarded": stack.guarded,
        "error": _error(stack),
        "counts": {
            "resources": len(stack.resources),
            "components": len(stack.components),
            "protected": stack.protected,
            "data_stores": len(stack.data_stores),
            "violations": len(stack.violations),
        },
        "secrets": list(stack.secret_keys),
        "regions": [asdict(r) for r in stack.regions],
        "violations": [asdict(v) for v in stack.violations],
        "declared": [asdict(v) for v in stack.declared],
        "declarations": [{**asdict(d), "status": d.status} for d in stack.declarations],
        "groups": [
            {
                "jurisdiction": code,
                "inside": code == stack.jurisdiction_code,
                "clouds": [
                    {
                        "cloud": cloud,
                        "regions": [
                            {
                                "region": region,
                                "components": [
                                    {"component": urn, "resources": len(resources)} for urn, resources in components
                                ],
                            }
                            for region, components in regions
                        ],
                    }
                    for cloud, regions in clouds
                ],
            }
            for code, clouds in stack.groups()
        ],
        "components": [asdict(c) for c in stack.components],
        "resources": [asdict(r) for r in stack.resources],
        "diagram": diagram(stack) if stack.error is None else None,
        "changes": [asdict(c) for c in stack.changes],
        "notes": list(stack.notes),
        "data_protection": [{**asdict(d), "backup_regions": list(d.backup_regions)} for d in stack.data_protection],
        "audit_trails": [{**asdict(t), "regions": list(t.regions)} for t in stack.audit_trails],
    }


def plan_to_dict(plan: ReviewPlan, delta: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON document as Python data (``delta``: the optional comparison with a baseline)."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "generator": "sovereign-dc plan",
        "catalogue_version": plan.catalogue_version,
        "verdict": plan.verdict,
        "exit_code": plan.exit_code,
        "summary": plan.summary(),
        "stacks": [_stack_to_dict(s) for s in plan.stacks],
    }
    if delta is not None:
        document["delta"] = delta
    return document


def render_json(plan: ReviewPlan, delta: dict[str, Any] | None = None) -> str:
    """The JSON document, indented, keys in schema order, ending with a newline."""
    return json.dumps(plan_to_dict(plan, delta), indent=2, ensure_ascii=False) + "\n"
