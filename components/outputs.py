"""What ``CountryDataCenter`` exports: the stack outputs, typed per cloud.

TypedDicts, so the exported values stay the plain dicts Pulumi serialises (the stack outputs are unchanged)
while code and users reading ``CountryDataCenter.outputs`` get the keys and value types checked. Keys are
the stack output names (camelCase); ``NotRequired`` keys appear only when the stack file enables the
feature (compute, account hardening, vehicle ingest, owner data portal).
"""

from __future__ import annotations

from typing import NotRequired, TypedDict

import pulumi

__all__ = [
    "AlicloudIngestOutputs",
    "AlicloudOutputs",
    "AlicloudPortalOutputs",
    "AuditTrailOutputs",
    "AwsIngestOutputs",
    "AwsOutputs",
    "AwsPortalOutputs",
    "CloudOutputs",
    "DataCenterOutputs",
    "DataProtectionOutputs",
    "PlatformOutputs",
]


class DataProtectionOutputs(TypedDict):
    """How one data class is kept (``dataProtection.<class>``)."""

    category: str
    retentionDays: int
    maxAgeDays: int
    lockMode: str
    accessLogging: bool
    backupRegions: list[str]


class AuditTrailOutputs(TypedDict):
    """The cloud's audit trail (``auditTrail``): CloudTrail on AWS, ActionTrail on Alibaba Cloud."""

    service: str
    regions: list[str]
    trailBucket: pulumi.Output[str]
    accessLogBuckets: dict[str, pulumi.Output[str]]
    flowLogs: bool


class AwsIngestOutputs(TypedDict):
    """AWS IoT Core ingest (``ingest``): the ATS data endpoint and the topic rule per route."""

    endpoint: pulumi.Output[str]
    rules: dict[str, pulumi.Output[str]]


class AlicloudIngestOutputs(TypedDict):
    """Alibaba Cloud IoT Platform ingest (``ingest``): the endpoint and the ROS stack that builds it."""

    endpoint: pulumi.Output[str]
    stack: pulumi.Output[str]


class AwsPortalOutputs(TypedDict):
    """The owner data service on AWS (``portal``)."""

    url: pulumi.Output[str]
    databaseEndpoint: pulumi.Output[str]


class AlicloudPortalOutputs(TypedDict):
    """The owner data service on Alibaba Cloud (``portal``)."""

    url: pulumi.Output[str]
    """``https://<custom domain>`` (through WAF 3.0) when ``alicloud_domain`` is set, else the API group's."""
    databaseConnection: pulumi.Output[str]
    wafCname: NotRequired[pulumi.Output[str]]
    """The WAF's CNAME: point the custom domain's DNS CNAME record at it."""


class PlatformOutputs(TypedDict, total=False):
    """What ``build_platform`` adds to a cloud's outputs (each key only when enabled)."""

    ingest: AwsIngestOutputs | AlicloudIngestOutputs
    portal: AwsPortalOutputs | AlicloudPortalOutputs


class CloudOutputs(TypedDict):
    """What every cloud exports (``aws`` / ``alicloud``)."""

    primaryRegion: str
    secondaryRegion: str | None
    buckets: dict[str, pulumi.Output[str]]
    """Bucket name per data class, in the primary region."""
    replicaBuckets: dict[str, pulumi.Output[str]]
    """Bucket name per data class, in the secondary region (empty without one)."""
    dataProtection: dict[str, DataProtectionOutputs]
    auditTrail: AuditTrailOutputs
    vpcId: NotRequired[pulumi.Output[str]]
    instanceIds: NotRequired[list[pulumi.Output[str]]]
    accountHardening: NotRequired[list[str]]
    """The opt-in account-level controls applied (stack file ``account_hardening``)."""
    ingest: NotRequired[AwsIngestOutputs | AlicloudIngestOutputs]
    portal: NotRequired[AwsPortalOutputs | AlicloudPortalOutputs]


class AwsOutputs(CloudOutputs):
    """AWS outputs: keys by ARN, private networks as subnets."""

    keyArns: dict[str, pulumi.Output[str]]
    subnetIds: NotRequired[list[pulumi.Output[str]]]


class AlicloudOutputs(CloudOutputs):
    """Alibaba Cloud outputs: keys by id, private networks as vSwitches."""

    keyIds: dict[str, pulumi.Output[str]]
    vswitchIds: NotRequired[list[pulumi.Output[str]]]


class DataCenterOutputs(TypedDict):
    """``CountryDataCenter.outputs``: the jurisdiction, and each configured cloud's outputs."""

    jurisdiction: str
    aws: NotRequired[AwsOutputs]
    alicloud: NotRequired[AlicloudOutputs]
