"""The plan as JSON, following ``schema.json`` (``schema_version`` says which version)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from components.plan.mermaid import diagram
from components.plan.model import SCHEMA_VERSION, Plan, StackPlan

__all__ = ["plan_to_dict", "render_json"]


def _stack_to_dict(stack: StackPlan) -> dict[str, Any]:
    return {
        "stack": stack.stack,
        "file": stack.file,
        "jurisdiction": (
            {"code": stack.jurisdiction_code, "name": stack.jurisdiction_name} if stack.jurisdiction_code else None
        ),
        "verdict": stack.verdict,
        "guarded": stack.guarded,
        "error": asdict(stack.error) if stack.error else None,
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
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The JSON document as Python data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": "sovereign-dc plan",
        "catalogue_version": plan.catalogue_version,
        "verdict": plan.verdict,
        "exit_code": plan.exit_code,
        "summary": plan.summary(),
        "stacks": [_stack_to_dict(s) for s in plan.stacks],
    }


def render_json(plan: Plan) -> str:
    """The JSON document, indented, keys in schema order, ending with a newline."""
    return json.dumps(plan_to_dict(plan), indent=2, ensure_ascii=False) + "\n"
