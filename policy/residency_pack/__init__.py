"""The sovereign-dc residency policy pack: the rule core of ``components.residency`` at engine time."""

from __future__ import annotations

from pulumi_policy import Policy

from components._compat import share_policy_arguments
from components.residency.catalogue import load_catalogue
from components.residency.rules import RuleId
from residency_pack.jurisdiction import Engines
from residency_pack.resource_policies import RESOURCE_RULES, resource_policy
from residency_pack.stack_policies import (
    StackJudgement,
    explicit_provider_policy,
    provenance_policy,
    regionless_policies,
)

__all__ = ["GUARD_ONLY", "PACK_NAME", "RESOURCE_RULES", "build_policies"]

PACK_NAME = "sovereign-dc-residency"
"""The policy pack's name, as shown by ``pulumi preview`` and Pulumi Cloud."""

GUARD_ONLY: dict[str, str] = {
    RuleId.EXISTING_RESOURCE_IN_JURISDICTION: (
        "the engine passes no read id or import id to policies; foreign values read this way are "
        "still refused when they flow into this stack (RES-014 or the value rules)"
    ),
    RuleId.VERIFIED_PROVIDER: (
        "at engine time every provider arrives with its own inputs, so no provider is unverified"
    ),
    RuleId.INVOKE_IN_JURISDICTION: (
        "provider functions (invokes) are not sent to analyzers; only the guard sees their arguments"
    ),
}
"""Rules only the construction-time guard can apply, and why."""


def build_policies() -> list[Policy]:
    """Every policy of the pack, sharing one jurisdiction resolver (and its engines).

    Also makes pulumi-policy's servicer (which ``PolicyPack`` serves) convert each request once for all the policies
    rather than once per policy, and hand them all the same properties proxy, provider and options
    (components/_compat.py): the same resource is otherwise converted and copied by each of its resource policies, and
    the whole stack by each stack policy. The policies only read what they are given (tests/test_pack_reads_only.py).
    """
    share_policy_arguments()
    engines = Engines()
    codes = sorted(load_catalogue().jurisdictions)
    policies: list[Policy] = [resource_policy(rule_id, engines, codes) for rule_id in RESOURCE_RULES]
    # (perf65) One judgement of each resource with the stack in view, read by every stack policy.
    shared = StackJudgement()
    policies.append(provenance_policy(engines, codes, shared))
    policies.append(explicit_provider_policy(engines, codes, shared))
    policies.extend(regionless_policies(engines, codes, shared))
    return policies
