"""The residency rules table: stable ids, names, messages and fixes.

This table is the single source of every rule's identity and wording. The judging logic lives in
``engine.py``; the construction-time guard, the offline plan and the CrossGuard policy pack all
call that one engine and cite these rules, so no front door carries a copy of a rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from components.errors import ResidencyViolation

__all__ = ["RULES", "Finding", "JudgedBy", "Rule", "rule"]

EnforcementLevel = Literal["mandatory", "advisory"]
JudgedBy = Literal["engine", "config"]
SECRET_PLACEHOLDER = "[secret]"


@dataclass(frozen=True, slots=True)
class Rule:
    """One residency rule, as cited by every front door."""

    id: str
    """Stable identifier, e.g. ``RES-004``; never reused for a different rule."""
    name: str
    """Short kebab-case name, used as the policy name in the CrossGuard pack."""
    message: str
    """What the rule forbids, in one sentence."""
    fix: str
    """What to change so the resource complies."""
    level: EnforcementLevel = "mandatory"
    """CrossGuard enforcement level; residency rules fail closed, so all are mandatory."""
    judged_by: JudgedBy = "engine"
    """``engine``: judged on resources by the engine (guard, plan, policy pack); ``config``: judged on
    the stack files and the deployment map before any program runs (``ConfigError`` carries the id)."""


RULES: tuple[Rule, ...] = (
    Rule(
        "RES-001",
        "provider-region-pinned",
        "A cloud provider must pin its region explicitly, to a region inside the jurisdiction.",
        "Pass region=<an in-jurisdiction region> to the provider; never rely on AWS_REGION/ALICLOUD_REGION "
        "or provider defaults.",
    ),
    Rule(
        "RES-002",
        "explicit-provider",
        "A cloud resource must use an explicit provider (directly, through a providers map or from its "
        "parent component), never the default provider.",
        "Pass opts=ResourceOptions(provider=<pinned provider>) or create it under a component that has "
        "providers=[...].",
    ),
    Rule(
        "RES-003",
        "resource-region-override",
        "A per-resource region override (pulumi-aws v7 `region`, pulumi-alicloud `region_id`) must stay "
        "inside the jurisdiction.",
        "Remove the override or set it to an in-jurisdiction region.",
    ),
    Rule(
        "RES-004",
        "aws-arn-in-jurisdiction",
        "Every AWS ARN referenced must be in one of the jurisdiction's partitions and, when it names a "
        "region, in one of its regions.",
        "Reference a resource created in this country (in-partition ARN, e.g. arn:aws-cn:... for CN).",
    ),
    Rule(
        "RES-005",
        "alicloud-arn-in-jurisdiction",
        "Every Alibaba Cloud ACS ARN referenced must name an Alibaba Cloud region of the jurisdiction.",
        "Reference a resource created in an in-country Alibaba Cloud region.",
    ),
    Rule(
        "RES-006",
        "endpoint-in-jurisdiction",
        "Every service endpoint (AWS or Alibaba Cloud host name) must be an in-jurisdiction regional "
        "endpoint with the jurisdiction's DNS suffix.",
        "Use the regional endpoint of an in-country region (e.g. s3.cn-north-1.amazonaws.com.cn, "
        "oss-cn-shanghai.aliyuncs.com).",
    ),
    Rule(
        "RES-007",
        "oss-location-in-jurisdiction",
        "Every OSS location (oss-<region>) must be an in-jurisdiction Alibaba Cloud region.",
        "Use the OSS location of an in-country region, e.g. oss-cn-beijing.",
    ),
    Rule(
        "RES-008",
        "zone-in-jurisdiction",
        "Every availability zone must belong to a region inside the jurisdiction.",
        "Choose a zone of an in-country region (e.g. cn-north-1a, cn-shanghai-b).",
    ),
    Rule(
        "RES-009",
        "region-field-in-jurisdiction",
        "Every region-valued input (peer, replica, destination, source regions ...) must be inside the jurisdiction.",
        "Point replication, peering and copies at an in-country region.",
    ),
    Rule(
        "RES-010",
        "existing-resource-in-jurisdiction",
        "A resource read with .get() or adopted with import_ must be an in-jurisdiction resource.",
        "Read or import only resources that live in this country.",
    ),
    Rule(
        "RES-011",
        "known-region",
        "A region the catalogue does not know (a typo or a region not yet reviewed) cannot be proven "
        "resident and is refused.",
        "Fix the region id, or add the region to components/residency/jurisdictions.yaml with its source.",
    ),
    Rule(
        "RES-012",
        "verified-provider",
        "A resource's provider must have been checked by the guard (created after enforce()).",
        "Call enforce(<jurisdiction>) before creating any provider or resource.",
    ),
    Rule(
        "RES-013",
        "covered-package",
        "A custom resource must come from a cloud package the catalogue covers (aws, alicloud) or from a "
        "package that creates nothing in any cloud region.",
        "Use aws or alicloud resources for infrastructure; other clouds cannot be proven resident.",
    ),
    Rule(
        "RES-014",
        "unknown-value-provenance",
        "A value unknown at preview must come only from resources of this stack that are themselves in the "
        "jurisdiction; otherwise it cannot be judged and fails closed.",
        "Derive the value from in-country resources of this stack, or make it a known literal.",
    ),
    # Config and deployment refusals (ids RES-030..RES-039): judged on the files, before any program runs.
    Rule(
        "RES-030",
        "config-region-in-jurisdiction",
        "Every region a data center is configured with (a stack file's clouds.<cloud>.primary/secondary, or "
        "CountryDataCenterArgs) must be inside the stack's jurisdiction.",
        "Use one of the jurisdiction's regions for that cloud (the message lists them), or remove the cloud.",
        judged_by="config",
    ),
    Rule(
        "RES-031",
        "config-region-known",
        "A region in a stack file that the catalogue does not know (a typo or a region not yet reviewed) cannot "
        "be proven resident and is refused.",
        "Fix the region id, or add the region to components/residency/jurisdictions.yaml with its source.",
        judged_by="config",
    ),
    Rule(
        "RES-032",
        "state-backend-in-jurisdiction",
        "A jurisdiction's Pulumi state backend (stacks/deployments.yaml) must be a URL that itself shows the state "
        "is kept inside the jurisdiction.",
        "Use an S3 bucket URL with region=<an in-country region> (and the partition's endpoint pinned outside "
        "aws), or Alibaba Cloud OSS through its S3 API with an in-country endpoint.",
        judged_by="config",
    ),
    Rule(
        "RES-033",
        "secrets-provider-in-jurisdiction",
        "A jurisdiction's Pulumi secrets provider (stacks/deployments.yaml) must be a URL that itself shows the "
        "key is kept inside the jurisdiction.",
        "Use awskms://<key id, alias or ARN>?region=<an in-country region>.",
        judged_by="config",
    ),
)

_RULES_BY_ID = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id (a KeyError for an id that does not exist is a programming error)."""
    return _RULES_BY_ID[rule_id]


@dataclass(frozen=True, slots=True)
class Finding:
    """One violation of one rule by one resource input."""

    rule: Rule
    """The rule broken."""
    resource_type: str
    """Pulumi type token of the offending resource."""
    resource_name: str
    """Logical name of the offending resource."""
    path: str
    """Input path, e.g. ``rules[0].destination.bucket`` or ``policy(json).Statement[0].Resource``."""
    value: Any
    """The offending value (``[secret]`` when the input was secret)."""
    detail: str
    """Why this value breaks the rule, e.g. ``partition aws is not one of aws-cn``."""

    @property
    def message(self) -> str:
        """The rule's message made specific to this value."""
        return f"{self.rule.message} {self.detail}"

    def to_violation(self) -> ResidencyViolation:
        """The exception the guard raises for this finding."""
        return ResidencyViolation(
            self.rule.id, self.resource_type, self.resource_name, self.path, self.value, self.detail, self.rule.fix
        )

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready form (used by the plan's JSON output and the policy pack's messages)."""
        return {
            "rule": self.rule.id,
            "name": self.rule.name,
            "resource_type": self.resource_type,
            "resource_name": self.resource_name,
            "path": self.path,
            "value": self.value if isinstance(self.value, (str, int, float, bool, type(None))) else repr(self.value),
            "message": self.message,
            "fix": self.rule.fix,
        }
