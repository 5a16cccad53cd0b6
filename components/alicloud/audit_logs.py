"""``AlicloudCountryAuditLogs``: the in-country OSS buckets of the ``audit_logs`` data class.

One bucket per Alibaba region the stack uses (OSS access logs must land in the same region): SSE-KMS
with that region's audit key, versioned, WORM-locked for the audit retention, exact lifecycle,
private. ActionTrail delivers into the primary region's bucket.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pulumi
import pulumi_alicloud as alicloud

from components.alicloud.storage import hardened_bucket
from components.naming import class_tags

__all__ = ["AlicloudCountryAuditLogs", "AlicloudCountryAuditLogsArgs"]

AUDIT_CLASS = "audit_logs"


@dataclass
class AlicloudCountryAuditLogsArgs:
    """Inputs of ``AlicloudCountryAuditLogs``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``."""
    retention_days: int
    """Retention of the ``audit_logs`` class (also the WORM retention)."""
    key: alicloud.kms.Key
    """The ``audit_logs`` key of the primary region."""
    primary: alicloud.Provider
    """Pinned provider of the primary region."""
    secondary: alicloud.Provider | None = None
    """Pinned provider of the in-country secondary region (gets its own log bucket)."""
    replica_key: alicloud.kms.Key | None = None
    """The ``audit_logs`` key of the secondary region."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every bucket."""


class AlicloudCountryAuditLogs(pulumi.ComponentResource):
    """Where ActionTrail and OSS access logs land, inside the country."""

    access_log_buckets: dict[str, alicloud.oss.Bucket]
    """``primary`` / ``secondary`` -> the audit bucket of that region."""
    flow_log_bucket: None
    """Alibaba VPC flow logs deliver to Simple Log Service, not OSS: the compute component builds an
    in-country logstore for them (docs/datacenter.md)."""

    def __init__(
        self, name: str, args: AlicloudCountryAuditLogsArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("sovereign:alicloud:CountryAuditLogs", name, {}, opts)
        tags = class_tags(args.tags, args.jurisdiction, AUDIT_CLASS)
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(parent=self, provider=args.primary)).id
        self.flow_log_bucket = None
        self.access_log_buckets = {}
        for role, provider, key in (
            ("primary", args.primary, args.key),
            ("secondary", args.secondary, args.replica_key),
        ):
            if provider is None or key is None:
                continue
            base = f"{name}-{role}"
            child = pulumi.ResourceOptions(parent=self, provider=provider)
            bucket = hardened_bucket(self, base, key, args.retention_days, provider, account, tags)
            # Audit records are write-once for the audit retention (OSS User Guide, "Retention policies").
            alicloud.oss.BucketWorm(
                f"{base}-worm",
                bucket=bucket.bucket,
                retention_period_in_days=args.retention_days,
                status="Locked",
                opts=child,
            )
            self.access_log_buckets[role] = bucket
        self.register_outputs({"auditBuckets": {r: b.bucket for r, b in self.access_log_buckets.items()}})
