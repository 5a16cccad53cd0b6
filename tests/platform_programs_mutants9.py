"""Programs of the mutation search's round 9 (stop 36): what the `account` mutant found.

A CloudWatch telemetry centralisation rule for the organisation copies the organisation's logs into
``rule.destination.account`` in ``rule.destination.region`` (docs: pulumi-aws observabilityadmin/
centralizationrulefororganization; CloudWatch API CentralizationRuleDestination, "Account: The destination account
(within the organization) to which the telemetry data should be centralized"). The region was judged (RES-009), the
account was not: the account kind swapped it for one no provider pins and the rule passed. ``who`` is the destination
account: ``own`` (the account the provider is pinned to), ``second`` (the team's logging account, another AWS provider
of the stack pinned to it), ``stranger`` (an account nothing pins) or ``declared`` (the stranger, declared).
tests/test_realistic_programs.py runs them as CASES (``mutants9-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the realistic table's providers are pinned to it)."""
LOGGING = "210987654321"
"""The team's central logging account, which the stack's second provider is pinned to."""
STRANGER = "999988887777"
"""An account no provider of the stack is pinned to."""
REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = tuple(REGIONS)
WHO = ("own", "second", "stranger", "declared")
DECLARED: dict[str, Any] = {
    "id": "central-logging-account", "kind": "resident", "match": STRANGER,
    "evidence": "the organisation's logging account; an SCP limits it to the market's Regions",
}  # fmt: skip


def centralization_rule(code: str, who: str) -> Build:
    account = {"own": OWN, "second": LOGGING}.get(who, STRANGER)
    region = REGIONS[code]

    def build(c: Any) -> object:
        if who == "second":
            logging = aws.Provider("aws-logging", region=region, allowed_account_ids=[LOGGING])
            aws.cloudwatch.LogGroup("central", name="/org/central", opts=pulumi.ResourceOptions(provider=logging))
        return aws.observabilityadmin.CentralizationRuleForOrganization(
            "central-logs", rule_name="central-logs",
            rule={
                "destination": {"account": account, "region": region},
                "source": {"regions": [region], "scope": "OrganizationId = 'o-abc123'",
                           "source_logs_configuration": {"encrypted_log_group_strategy": "SKIP",
                                                         "log_group_selection_criteria": "*"}},
            },
            opts=c.aws,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (
            f"mutants9-{code.lower()}-centralization-rule-{who}-account", code, centralization_rule(code, who),
            {"RES-023"} if who == "stranger" else set(), [DECLARED] if who == "declared" else [],
        )
        for code in CODES
        for who in WHO
    ]  # fmt: skip
