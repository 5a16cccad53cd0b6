"""The residency rules table: stable ids, names, messages and fixes.

This table is the single source of every rule's identity and wording. The judging logic lives in
``engine.py``; the construction-time guard, the offline plan and the CrossGuard policy pack all
call that one engine and cite these rules, so no front door carries a copy of a rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from components.errors import ResidencyViolation

__all__ = ["RULES", "SECRET_PLACEHOLDER", "Finding", "JudgedBy", "Rule", "RuleId", "json_value", "rule"]


class RuleId(StrEnum):
    """Every rule id as a symbol, so code names rules rather than spelling strings.

    A member's name is its rule's kebab-case name in upper snake case (a test keeps them in step).
    RES-020 is deliberately unused: remote components are refused as RES-013 by every front door.
    """

    PROVIDER_REGION_PINNED = "RES-001"
    EXPLICIT_PROVIDER = "RES-002"
    RESOURCE_REGION_OVERRIDE = "RES-003"
    AWS_ARN_IN_JURISDICTION = "RES-004"
    ALICLOUD_ARN_IN_JURISDICTION = "RES-005"
    ENDPOINT_IN_JURISDICTION = "RES-006"
    OSS_LOCATION_IN_JURISDICTION = "RES-007"
    ZONE_IN_JURISDICTION = "RES-008"
    REGION_FIELD_IN_JURISDICTION = "RES-009"
    EXISTING_RESOURCE_IN_JURISDICTION = "RES-010"
    KNOWN_REGION = "RES-011"
    VERIFIED_PROVIDER = "RES-012"
    COVERED_PACKAGE = "RES-013"
    UNKNOWN_VALUE_PROVENANCE = "RES-014"
    DESTINATION_HOST_PROVEN = "RES-015"
    GLOBAL_SERVICE_IN_JURISDICTION = "RES-016"
    REGIONLESS_REFERENCE_PROVEN = "RES-017"
    DECLARED_TRANSFER_CURRENT = "RES-018"
    DECLARED_TRANSFER_IN_SCOPE = "RES-019"
    INVOKE_IN_JURISDICTION = "RES-021"
    DESTINATION_PHONE_PROVEN = "RES-022"
    GRANTED_ACCOUNT_PROVEN = "RES-023"
    PUBLIC_ACCESS_DECLARED = "RES-024"
    DOCUMENT_WITHIN_BOUNDS = "RES-025"
    CONFIG_REGION_IN_JURISDICTION = "RES-030"
    CONFIG_REGION_KNOWN = "RES-031"
    STATE_BACKEND_IN_JURISDICTION = "RES-032"
    SECRETS_PROVIDER_IN_JURISDICTION = "RES-033"


EnforcementLevel = Literal["mandatory", "advisory"]
JudgedBy = Literal["engine", "config"]
SECRET_PLACEHOLDER = "[secret]"
"""How every front door shows a secret value: never decrypted, never echoed (the Pulumi preview's own spelling)."""


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", str(self.id))  # a RuleId symbol is stored as its plain text


RULES: tuple[Rule, ...] = (
    Rule(
        RuleId.PROVIDER_REGION_PINNED,
        "provider-region-pinned",
        "A cloud provider must pin its region explicitly, to a region inside the jurisdiction.",
        "Pass region=<an in-jurisdiction region> to the provider; never rely on AWS_REGION/ALICLOUD_REGION "
        "or provider defaults.",
    ),
    Rule(
        RuleId.EXPLICIT_PROVIDER,
        "explicit-provider",
        "A cloud resource must use an explicit provider (directly, through a providers map or from its "
        "parent component), never the default provider.",
        "Pass opts=ResourceOptions(provider=<pinned provider>) or create it under a component that has "
        "providers=[...].",
    ),
    Rule(
        RuleId.RESOURCE_REGION_OVERRIDE,
        "resource-region-override",
        "A per-resource region override (pulumi-aws v7 `region`, pulumi-alicloud `region_id`) must stay "
        "inside the jurisdiction.",
        "Remove the override or set it to an in-jurisdiction region.",
    ),
    Rule(
        RuleId.AWS_ARN_IN_JURISDICTION,
        "aws-arn-in-jurisdiction",
        "Every AWS ARN referenced must be in one of the jurisdiction's partitions and, when it names a "
        "region, in one of its regions.",
        "Reference a resource created in this country (in-partition ARN, e.g. arn:aws-cn:... for CN), or, where "
        "the service takes it only from another region, declare the ARN's prefix in sovereign-dc:destinations "
        "(kind: transfer with its legal basis, limited by resources).",
    ),
    Rule(
        RuleId.ALICLOUD_ARN_IN_JURISDICTION,
        "alicloud-arn-in-jurisdiction",
        "Every Alibaba Cloud ACS ARN referenced must name an Alibaba Cloud region of the jurisdiction.",
        "Reference a resource created in an in-country Alibaba Cloud region.",
    ),
    Rule(
        RuleId.ENDPOINT_IN_JURISDICTION,
        "endpoint-in-jurisdiction",
        "Every service endpoint (AWS or Alibaba Cloud host name) must be an in-jurisdiction regional "
        "endpoint with the jurisdiction's DNS suffix.",
        "Use the regional endpoint of an in-country region (e.g. s3.cn-north-1.amazonaws.com.cn, "
        "oss-cn-shanghai.aliyuncs.com).",
    ),
    Rule(
        RuleId.OSS_LOCATION_IN_JURISDICTION,
        "oss-location-in-jurisdiction",
        "Every OSS location (oss-<region>) must be an in-jurisdiction Alibaba Cloud region.",
        "Use the OSS location of an in-country region, e.g. oss-cn-beijing.",
    ),
    Rule(
        RuleId.ZONE_IN_JURISDICTION,
        "zone-in-jurisdiction",
        "Every availability zone must belong to a region inside the jurisdiction.",
        "Choose a zone of an in-country region (e.g. cn-north-1a, cn-shanghai-b).",
    ),
    Rule(
        RuleId.REGION_FIELD_IN_JURISDICTION,
        "region-field-in-jurisdiction",
        "Every region-valued input (peer, replica, destination, source regions ...) must be inside the jurisdiction.",
        "Point replication, peering and copies at an in-country region.",
    ),
    Rule(
        RuleId.EXISTING_RESOURCE_IN_JURISDICTION,
        "existing-resource-in-jurisdiction",
        "A resource read with .get() or adopted with import_ must be an in-jurisdiction resource.",
        "Read or import only resources that live in this country.",
    ),
    Rule(
        RuleId.KNOWN_REGION,
        "known-region",
        "A region the catalogue does not know (a typo or a region not yet reviewed) cannot be proven "
        "resident and is refused.",
        "Fix the region id, or add the region to components/residency/jurisdictions.yaml with its source.",
    ),
    Rule(
        RuleId.VERIFIED_PROVIDER,
        "verified-provider",
        "A resource's provider must have been checked by the guard (created after enforce()).",
        "Call enforce(<jurisdiction>) before creating any provider or resource.",
    ),
    Rule(
        RuleId.COVERED_PACKAGE,
        "covered-package",
        "A custom resource must come from a cloud package the catalogue covers (aws, alicloud) or from a "
        "package that creates nothing in any cloud region.",
        "Use aws or alicloud resources for infrastructure; other clouds cannot be proven resident.",
    ),
    Rule(
        RuleId.UNKNOWN_VALUE_PROVENANCE,
        "unknown-value-provenance",
        "A value unknown at preview must come only from resources of this stack that are themselves in the "
        "jurisdiction; otherwise it cannot be judged and fails closed.",
        "Derive the value from in-country resources of this stack, or make it a known literal.",
    ),
    Rule(
        RuleId.DESTINATION_HOST_PROVEN,
        "destination-host-proven",
        "Every destination host (URL, endpoint, proxy, DNS record, webhook, connection string, bare host "
        "under a host key) must be proven in the jurisdiction by the endpoint catalogue (a catalogued "
        "cloud suffix with an in-country region label) or declared in the transfer register.",
        "Use an in-country regional endpoint, or declare the host in sovereign-dc:destinations "
        "(kind: resident with evidence, or kind: transfer with its legal basis), e.g. "
        '{"id": "plant-files", "kind": "resident", "match": "files.plant.example.de", '
        '"evidence": "own file server, Munich plant"}.',
    ),
    Rule(
        RuleId.GLOBAL_SERVICE_IN_JURISDICTION,
        "global-service-in-jurisdiction",
        "A global or edge service (CDN, global accelerator, multi-region access point, cross-border "
        "bandwidth, overseas/global scope, cross-region inference, edge-optimised API) serves data outside "
        "any one region and is refused unless the jurisdiction allows it or the stack declares it.",
        "Use a regional alternative (REGIONAL API endpoint, domestic CDN scope, in-region model id), or "
        "declare the transfer in sovereign-dc:destinations.",
    ),
    Rule(
        RuleId.REGIONLESS_REFERENCE_PROVEN,
        "regionless-reference-proven",
        "A regionless reference (S3 bucket ARN or name, OSS bucket URL, a global database, datastore or "
        "Direct Connect gateway joined by name or id) in a partition shared with other countries must name a "
        "bucket or global group created by this stack or declared.",
        "Create the bucket or global group in this stack (and reference its outputs), or declare it in "
        "sovereign-dc:destinations (kind: resident with an ARN-prefix or name match and evidence), e.g. "
        '{"id": "raw-drives", "kind": "resident", "match": "fleet-raw-drives", '
        '"evidence": "bucket of the data stack, oss-cn-shanghai"}.',
    ),
    Rule(
        RuleId.DECLARED_TRANSFER_CURRENT,
        "declared-transfer-current",
        "A declared transfer whose approval has expired no longer covers anything.",
        "Renew the approval and update `expires` in sovereign-dc:destinations, or remove the transfer.",
    ),
    Rule(
        RuleId.DECLARED_TRANSFER_IN_SCOPE,
        "declared-transfer-in-scope",
        "A declared transfer limited to some resources (`resources`) covers only those resources.",
        "Add the resource's type token or name pattern to the declaration's `resources`, or stop the transfer.",
    ),
    Rule(
        RuleId.INVOKE_IN_JURISDICTION,
        "invoke-in-jurisdiction",
        "A provider function (invoke) runs through an in-country provider, and its arguments (region, endpoint, ARN, "
        "bucket; Outputs once they resolve) point inside the jurisdiction.",
        "Call the function through an in-country provider (opts=pulumi.InvokeOptions(provider=...)), without a "
        "foreign region or endpoint argument.",
    ),
    Rule(
        RuleId.DESTINATION_PHONE_PROVEN,
        "destination-phone-proven",
        "Every phone number that texts or calls carry data to (SMS and voice subscriptions, alarm and on-call "
        "contacts, call transfers) must be written with its country code (+<code>...) and be a valid number of "
        "one of the jurisdiction's countries; a phone number claimed in a country must be claimed in one of them.",
        "Use a number of the jurisdiction's countries in international form (e.g. +86 for CN, +49 for DE), or "
        "declare the number in sovereign-dc:destinations (match: the exact number, or a +<prefix>* such as +44*).",
    ),
    Rule(
        RuleId.GRANTED_ACCOUNT_PROVEN,
        "granted-account-proven",
        "An AWS account a resource policy, a role's trust policy, a Lambda or layer permission or another catalogued "
        "grant (a KMS grant's grantee, a VPC endpoint service's principals, an endpoint authorization, ECR replication "
        "to a registry) grants (a 12-digit id, `arn:<partition>:iam::<id>:root`, a role or user ARN), or that owns a "
        "resource the stack writes into (the account in a target's, subscription's, dead-letter queue's, log or "
        "delivery destination's, event bus's ARN; an owner-account field), in a partition shared with other countries, "
        "or an Alibaba Cloud account a RAM trust policy, an OSS bucket or KMS key policy "
        "or a resource share grants, or that owns a resource the stack writes into (the UID in an EventBridge "
        "target's, ActionTrail or Config delivery's, MNS subscription's ARN; an owner-account field such as a "
        "CloudMonitor double write's or CEN attachment's) (a UID, `acs:ram::<uid>:root`, a role ARN; in any "
        "jurisdiction, CN included), must "
        "be one a provider of the stack is pinned to, or declared: the engine cannot tell another account from the "
        "stack's own, and an account granted can read the data and move it anywhere.",
        'Pin your accounts on the stack\'s providers (aws.Provider(..., allowed_account_ids=["<id>"]); the '
        "organisation's central logging account: a second provider pinned to it, or a declaration), "
        'alicloud.Provider(..., assume_role={"role_arn": "acs:ram::<uid>:role/<deployer>"}), or '
        "`aws:allowedAccountIds` / `alicloud:assumeRole` in the stack file for the platform's providers) or declare "
        'the account in sovereign-dc:destinations, e.g. {"id": "eu-analytics", "kind": "resident", "match": '
        '"arn:aws:iam::210987654321:", "evidence": "the company\'s EU analytics account, SCP eu-only"} '
        "(or the bare id, or `acs:ram::<uid>:` for an Alibaba Cloud account; kind: transfer for a partner abroad).",
    ),
    Rule(
        RuleId.PUBLIC_ACCESS_DECLARED,
        "public-access-declared",
        "A grant to everyone (a policy statement allowing the principal `*` without a condition that restricts who, "
        "as AWS and OSS define a public policy; a public-read / public-read-write / authenticated-read ACL; a grant to "
        "the AllUsers group; a Lambda or layer permission to `*`) lets anyone in any country read the data, so it "
        "must be declared: what may be published cannot be proven.",
        "Restrict the statement to who needs it (a fixed aws:SourceVpce, aws:SourceIp ... condition, or an account "
        "condition naming a pinned account: aws:PrincipalAccount, aws:SourceAccount, aws:SourceArn; an organisation, "
        "aws:PrincipalOrgID or organization_id, is then judged as a grant, RES-023, and declared by its id; a private "
        "ACL; source_arn on the permission), or declare the resource as public in sovereign-dc:destinations, one line: "
        '{"id": "public-site", "kind": "resident", "match": "public:<the resource\'s logical name>", '
        '"evidence": "public website content, no personal data"}.',
    ),
    Rule(
        RuleId.DOCUMENT_WITHIN_BOUNDS,
        "document-within-bounds",
        "An input's JSON / YAML document (template, policy, body, cloud-config, decoded user data) must be readable "
        "within the engine's bounds (nesting depth, expanded nodes after aliases, decoded size); beyond them it cannot "
        "be judged and fails closed. A template snippet included from S3 (Fn::Transform AWS::Include) is not read "
        "at all: refused unless it is in a bucket the stack makes or its location is declared.",
        "Flatten the document (fewer than 100 levels), remove alias chains (anchors that expand to more than 200,000 "
        "nodes, or an alias inside its own anchor), keep gzip user data under 1 MiB decompressed, or move the "
        "document to a file the stack uploads as an object, or split it; write an included snippet into the "
        "template, keep it in a bucket the stack makes, or declare its location after reviewing it.",
    ),
    # Config and deployment refusals (ids RES-030..RES-039): judged on the files, before any program runs.
    Rule(
        RuleId.CONFIG_REGION_IN_JURISDICTION,
        "config-region-in-jurisdiction",
        "Every region a data center is configured with (a stack file's clouds.<cloud>.primary/secondary, or "
        "CountryDataCenterArgs) must be inside the stack's jurisdiction.",
        "Use one of the jurisdiction's regions for that cloud (the message lists them), or remove the cloud.",
        judged_by="config",
    ),
    Rule(
        RuleId.CONFIG_REGION_KNOWN,
        "config-region-known",
        "A region in a stack file that the catalogue does not know (a typo or a region not yet reviewed) cannot "
        "be proven resident and is refused.",
        "Fix the region id, or add the region to components/residency/jurisdictions.yaml with its source.",
        judged_by="config",
    ),
    Rule(
        RuleId.STATE_BACKEND_IN_JURISDICTION,
        "state-backend-in-jurisdiction",
        "A jurisdiction's Pulumi state backend (stacks/deployments.yaml) must be a URL that itself shows the state "
        "is kept inside the jurisdiction.",
        "Use an S3 bucket URL with region=<an in-country region> (and the partition's endpoint pinned outside "
        "aws), or Alibaba Cloud OSS through its S3 API with an in-country endpoint.",
        judged_by="config",
    ),
    Rule(
        RuleId.SECRETS_PROVIDER_IN_JURISDICTION,
        "secrets-provider-in-jurisdiction",
        "A jurisdiction's Pulumi secrets provider (stacks/deployments.yaml) must be a URL that itself shows the "
        "key is kept inside the jurisdiction.",
        "Use awskms://<key id, alias or ARN>?region=<an in-country region>.",
        judged_by="config",
    ),
)

JsonScalar = str | int | float | bool | None


def json_value(value: Any) -> JsonScalar:
    """An offending value as every report shows it: JSON scalars as they are, anything else as its repr."""
    return value if isinstance(value, str | int | float | bool) or value is None else repr(value)


_RULES_BY_ID = {str(r.id): r for r in RULES}


def rule(rule_id: RuleId | str) -> Rule:
    """The rule with this id (a KeyError for an id that does not exist is a programming error)."""
    return _RULES_BY_ID[str(rule_id)]


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
    declared_by: str | None = None
    """Id of the ``sovereign-dc:destinations`` entry that covers this finding; None: a violation."""

    @property
    def status(self) -> str:
        """``declared`` when a declaration covers the finding, else ``violation``."""
        return "declared" if self.declared_by else "violation"

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
            "value": json_value(self.value),
            "message": self.message,
            "fix": self.rule.fix,
            "status": self.status,
            "declared_by": self.declared_by,
        }
