"""``AwsCountryAuditLogs``: the in-country buckets of the ``audit_logs`` data class.

* a trail bucket in the primary region: SSE-KMS with the audit key, Object Lock, exact retention;
  CloudTrail and VPC flow logs deliver there;
* an access-log bucket in each region used: S3 server access logs are delivered only to a bucket in
  the same region, encrypted with SSE-S3 (S3 User Guide, "Enabling Amazon S3 server access logging"),
  and "S3 buckets with Object Lock can't be used as destination buckets for server access logs"
  (S3 User Guide, "Object Lock considerations"), so these are SSE-S3, versioned, exact retention.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws.buckets import Identity, hardened_bucket, tls_only_statement
from components.naming import class_tags

__all__ = ["AwsCountryAuditLogs", "AwsCountryAuditLogsArgs", "trail_name"]

AUDIT_CLASS = "audit_logs"


def trail_name(jurisdiction: str, region: str) -> str:
    """The CloudTrail trail name of one region (fixed, so the bucket policy can name its ARN)."""
    return f"sovereign-{jurisdiction.lower()}-{region}"


@dataclass
class AwsCountryAuditLogsArgs:
    """Inputs of ``AwsCountryAuditLogs``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``."""
    retention_days: int
    """Retention of the ``audit_logs`` class."""
    lock_mode: str
    """Object Lock mode of the trail bucket (``governance`` or ``compliance``)."""
    key: aws.kms.Key
    """The ``audit_logs`` key (primary region)."""
    primary: aws.Provider
    """Pinned provider of the primary region."""
    primary_region: str
    """Its region id (the trails' names and ARNs carry it)."""
    secondary: aws.Provider | None = None
    """Pinned provider of the in-country secondary region, which gets its own access-log bucket and trail."""
    secondary_region: str | None = None
    """Its region id."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every bucket."""


class AwsCountryAuditLogs(pulumi.ComponentResource):
    """Where every audit record of the stack lands, inside the country."""

    trail_bucket: aws.s3.Bucket
    """CloudTrail and flow-log bucket (primary region, SSE-KMS, Object Lock)."""
    trail_bucket_policy: aws.s3.BucketPolicy
    """Its policy (CloudTrail checks it when the trail is created)."""
    access_log_buckets: dict[str, aws.s3.Bucket]
    """``primary`` / ``secondary`` -> server access log bucket of that region."""
    flow_log_bucket: aws.s3.Bucket
    """Where VPC flow logs go: the trail bucket."""

    def __init__(self, name: str, args: AwsCountryAuditLogsArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:CountryAuditLogs", name, {}, opts)
        tags = class_tags(args.tags, args.jurisdiction, AUDIT_CLASS)
        regions = [args.primary_region] + ([args.secondary_region] if args.secondary_region else [])
        trails = [trail_name(args.jurisdiction, region) for region in regions]
        made = hardened_bucket(
            self,
            f"{name}-trail",
            args.primary,
            tags,
            days=args.retention_days,
            key=args.key,
            lock_mode=args.lock_mode,
            policy_statements=lambda ident: [
                tls_only_statement(ident.bucket_arn),
                *_trail_delivery(ident, regions, trails),
            ],
        )
        self.trail_bucket = made.bucket
        self.trail_bucket_policy = made.policy
        self.flow_log_bucket = made.bucket
        self.access_log_buckets = {}
        for role, provider in (("primary", args.primary), ("secondary", args.secondary)):
            if provider is None:
                continue
            self.access_log_buckets[role] = hardened_bucket(
                self,
                f"{name}-access-{role}",
                provider,
                tags,
                days=args.retention_days,
                key=None,
                lock_mode=None,
                policy_statements=lambda ident: [tls_only_statement(ident.bucket_arn), *_access_log_delivery(ident)],
            ).bucket
        self.register_outputs(
            {
                "trailBucket": self.trail_bucket.bucket,
                "accessLogBuckets": {r: b.bucket for r, b in self.access_log_buckets.items()},
            }
        )


def _trail_delivery(ident: Identity, regions: list[str], trails: list[str]) -> list[dict[str, Any]]:
    """CloudTrail (only this account's named trails, "Amazon S3 bucket policy for CloudTrail") and VPC flow
    logs ("Publish flow logs to Amazon S3": delivery.logs.amazonaws.com) may write; nobody else is granted."""
    trail_arns = [
        f"arn:{ident.partition}:cloudtrail:{region}:{ident.account}:trail/{trail}"
        for region, trail in zip(regions, trails, strict=True)
    ]
    source_account = {"aws:SourceAccount": ident.account}
    return [
        {
            "Sid": "CloudTrailAclCheck",
            "Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"},
            "Action": "s3:GetBucketAcl",
            "Resource": ident.bucket_arn,
            "Condition": {"StringEquals": {"aws:SourceArn": trail_arns}},
        },
        {
            "Sid": "CloudTrailWrite",
            "Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": f"{ident.bucket_arn}/AWSLogs/{ident.account}/*",
            "Condition": {"StringEquals": {"aws:SourceArn": trail_arns}},
        },
        {
            "Sid": "FlowLogsAclCheck",
            "Effect": "Allow",
            "Principal": {"Service": "delivery.logs.amazonaws.com"},
            "Action": ["s3:GetBucketAcl", "s3:ListBucket"],
            "Resource": ident.bucket_arn,
            "Condition": {"StringEquals": source_account},
        },
        {
            "Sid": "FlowLogsWrite",
            "Effect": "Allow",
            "Principal": {"Service": "delivery.logs.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": f"{ident.bucket_arn}/AWSLogs/{ident.account}/*",
            "Condition": {"StringEquals": source_account},
        },
    ]


def _access_log_delivery(ident: Identity) -> list[dict[str, Any]]:
    """S3 server access log delivery by the logging service principal, for this account's buckets only
    (S3 User Guide, "Permissions for log delivery": logging.s3.amazonaws.com, aws:SourceAccount)."""
    return [
        {
            "Sid": "S3ServerAccessLogsDelivery",
            "Effect": "Allow",
            "Principal": {"Service": "logging.s3.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": f"{ident.bucket_arn}/s3-access/*",
            "Condition": {"StringEquals": {"aws:SourceAccount": ident.account}},
        }
    ]
