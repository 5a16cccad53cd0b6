"""How ``CountryDataCenter`` wires each cloud's audit trail: log buckets before storage, the trail after it.

The log buckets must exist before the data buckets (which log into them); the trail needs the data
buckets (it records their object-level events). Each cloud provides the two steps and a description
for the stack outputs and the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pulumi

from components.config.models import CloudRegions
from components.outputs import AuditTrailOutputs
from components.protection import ClassProtection

__all__ = ["ALICLOUD_AUDIT", "AWS_AUDIT", "CloudAudit"]

Logs = Callable[[pulumi.Resource, str, str, ClassProtection, Any, Any, Any, CloudRegions, Mapping[str, str]], Any]
Trail = Callable[[pulumi.Resource, str, str, Any, Any, Any, Any, Any, CloudRegions, Mapping[str, str]], Any]


@dataclass(frozen=True)
class CloudAudit:
    """One cloud's audit steps."""

    logs: Logs
    """``(parent, name, jurisdiction, audit protection, keys, primary, secondary, regions, tags)`` -> the log
    buckets component (``access_log_buckets``: role -> bucket; ``flow_log_bucket``: bucket or None)."""
    trail: Trail
    """``(parent, name, jurisdiction, logs, keys, storage, primary, secondary, regions, tags)`` -> the trail."""
    describe: Callable[[Any, CloudRegions, bool], AuditTrailOutputs]
    """``(logs, regions, has compute)`` -> what the outputs and the plan say about the trail."""


def _aws_logs(
    parent: pulumi.Resource,
    name: str,
    code: str,
    protection: ClassProtection,
    keys: Any,
    primary: Any,
    secondary: Any,
    regions: CloudRegions,
    tags: Mapping[str, str],
) -> Any:
    from components.aws.audit_logs import AwsCountryAuditLogs, AwsCountryAuditLogsArgs

    return AwsCountryAuditLogs(
        name,
        AwsCountryAuditLogsArgs(
            jurisdiction=code,
            retention_days=protection.retention_days,
            lock_mode=protection.lock_mode,
            key=keys.keys[protection.data_class],
            primary=primary,
            primary_region=regions.primary,
            secondary=secondary,
            secondary_region=regions.secondary,
            tags=tags,
        ),
        pulumi.ResourceOptions(parent=parent),
    )


def _aws_trail(
    parent: pulumi.Resource,
    name: str,
    code: str,
    logs: Any,
    keys: Any,
    storage: Any,
    primary: Any,
    secondary: Any,
    regions: CloudRegions,
    tags: Mapping[str, str],
) -> Any:
    from components.aws.audit_trail import AwsCountryAuditTrail, AwsCountryAuditTrailArgs
    from components.protection import AUDIT_LOGS

    per_region = [(regions.primary, primary, [b.arn for b in storage.buckets.values()])]
    if secondary is not None and regions.secondary:
        per_region.append((regions.secondary, secondary, [b.arn for b in storage.replica_buckets.values()]))
    return AwsCountryAuditTrail(
        name,
        AwsCountryAuditTrailArgs(
            jurisdiction=code,
            trail_bucket=logs.trail_bucket,
            trail_bucket_policy=logs.trail_bucket_policy,
            key=keys.keys[AUDIT_LOGS],
            regions=per_region,
            tags=tags,
        ),
        pulumi.ResourceOptions(parent=parent),
    )


def _aws_describe(logs: Any, regions: CloudRegions, compute: bool) -> AuditTrailOutputs:
    return {
        "service": "CloudTrail (management + S3 data events, log file validation)",
        "regions": regions.used,
        "trailBucket": logs.trail_bucket.bucket,
        "accessLogBuckets": {r: b.bucket for r, b in logs.access_log_buckets.items()},
        "flowLogs": compute,
    }


def _ali_logs(
    parent: pulumi.Resource,
    name: str,
    code: str,
    protection: ClassProtection,
    keys: Any,
    primary: Any,
    secondary: Any,
    regions: CloudRegions,
    tags: Mapping[str, str],
) -> Any:
    from components.alicloud.audit_logs import AlicloudCountryAuditLogs, AlicloudCountryAuditLogsArgs

    return AlicloudCountryAuditLogs(
        name,
        AlicloudCountryAuditLogsArgs(
            jurisdiction=code,
            retention_days=protection.retention_days,
            key=keys.keys[protection.data_class],
            replica_key=keys.replica_keys.get(protection.data_class),
            primary=primary,
            secondary=secondary,
            tags=tags,
        ),
        pulumi.ResourceOptions(parent=parent),
    )


def _ali_trail(
    parent: pulumi.Resource,
    name: str,
    code: str,
    logs: Any,
    keys: Any,
    storage: Any,
    primary: Any,
    secondary: Any,
    regions: CloudRegions,
    tags: Mapping[str, str],
) -> Any:
    from components.alicloud.audit_trail import AlicloudCountryAuditTrail, AlicloudCountryAuditTrailArgs

    return AlicloudCountryAuditTrail(
        name,
        AlicloudCountryAuditTrailArgs(
            jurisdiction=code,
            log_bucket=logs.access_log_buckets["primary"],
            regions=regions.used,
            provider=primary,
        ),
        pulumi.ResourceOptions(parent=parent),
    )


def _ali_describe(logs: Any, regions: CloudRegions, compute: bool) -> AuditTrailOutputs:
    return {
        "service": "ActionTrail (read and write events of the stack's regions; flow logs to an in-country SLS store)",
        "regions": regions.used,
        "trailBucket": logs.access_log_buckets["primary"].bucket,
        "accessLogBuckets": {r: b.bucket for r, b in logs.access_log_buckets.items()},
        "flowLogs": compute,
    }


AWS_AUDIT = CloudAudit(logs=_aws_logs, trail=_aws_trail, describe=_aws_describe)
ALICLOUD_AUDIT = CloudAudit(logs=_ali_logs, trail=_ali_trail, describe=_ali_describe)
