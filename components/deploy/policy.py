"""The residency policy pack every ``preview`` and ``up`` runs, and its per-jurisdiction config.

The pack (``policy/``, run by the engine through ``--policy-pack``) judges every resource with the
same rule engine as the program's guard. Its jurisdiction is pinned through ``--policy-pack-config``
(one ``{"jurisdiction": CODE}`` per policy), so a stack file edited to another jurisdiction is
refused by the pack instead of silently judged against the wrong border (see docs/policy.md).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from components.residency.rules import RULES, RuleId, rule

__all__ = ["GUARD_ONLY_RULES", "PACK_DIR", "policy_config", "policy_names", "write_policy_config"]

PACK_DIR = Path(__file__).resolve().parents[2] / "policy"
"""The pack in this checkout; it imports the checkout's own ``components`` (never a copy)."""
GUARD_ONLY_RULES = frozenset(
    {RuleId.EXISTING_RESOURCE_IN_JURISDICTION, RuleId.VERIFIED_PROVIDER, RuleId.INVOKE_IN_JURISDICTION}
)
"""Rules the pack cannot apply (``residency_pack.GUARD_ONLY``; a test keeps the two in step)."""
_STACK_POLICIES = ("explicit-provider-final-state",)
"""Stack policies whose names are not a rule's own name."""


def policy_names() -> list[str]:
    """Every policy of the pack, in the pack's order (a test compares this with ``build_policies()``)."""
    # Config rules (RES-030...) are judged when the stack file is read, never by the pack.
    stack_level = (
        RuleId.UNKNOWN_VALUE_PROVENANCE,
        RuleId.DESTINATION_HOST_PROVEN,
        RuleId.REGIONLESS_REFERENCE_PROVEN,
        RuleId.GRANTED_ACCOUNT_PROVEN,
    )  # judged with the whole stack in view
    per_rule = [
        r.name for r in RULES if r.judged_by == "engine" and r.id not in GUARD_ONLY_RULES and r.id not in stack_level
    ]
    return [
        *per_rule,
        rule(RuleId.UNKNOWN_VALUE_PROVENANCE).name,
        *_STACK_POLICIES,
        rule(RuleId.DESTINATION_HOST_PROVEN).name,
        rule(RuleId.REGIONLESS_REFERENCE_PROVEN).name,
        rule(RuleId.GRANTED_ACCOUNT_PROVEN).name,
        # RES-024 of a resource joined to another of the stack: a DomainPolicy to its VPC domain, an API Gateway
        # Integration to its Methods (stop 43).
        f"{rule(RuleId.PUBLIC_ACCESS_DECLARED).name}-joined",
        # RES-025 of a document held in S3 (an included snippet), proven by a bucket the stack makes (falsealarm49).
        f"{rule(RuleId.DOCUMENT_WITHIN_BOUNDS).name}-held",
        # A StackSet's / stack group's template, judged with the stack instances naming it (stackinst50).
        "stack-set-instances-joined",
    ]


def policy_config(jurisdiction: str) -> dict[str, Any]:
    """The ``--policy-pack-config`` document pinning every policy to ``jurisdiction``."""
    return {name: {"jurisdiction": jurisdiction} for name in policy_names()}


def write_policy_config(path: Path, jurisdiction: str) -> Path:
    """Write the config for ``jurisdiction`` to ``path`` (parents created) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(policy_config(jurisdiction), indent=2) + "\n", encoding="utf-8")
    return path
