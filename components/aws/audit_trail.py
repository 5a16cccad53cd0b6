"""``AwsCountryAuditTrail``: CloudTrail in every region the stack uses, with S3 data events, into the country.

One single-region trail per region (a multi-region trail would also record regions outside the
country, and its home region decides nothing about where events come from). Each logs management
events and the S3 data events of that region's data-class buckets, with log file validation
(CloudTrail User Guide, "Validating CloudTrail log file integrity"), SSE-KMS with the audit key and
delivery to the in-country, object-locked trail bucket.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws.audit_logs import trail_name

__all__ = ["AwsCountryAuditTrail", "AwsCountryAuditTrailArgs", "s3_data_event_selectors"]


@dataclass
class AwsCountryAuditTrailArgs:
    """Inputs of ``AwsCountryAuditTrail``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``."""
    trail_bucket: aws.s3.Bucket
    """The ``audit_logs`` trail bucket (from ``AwsCountryAuditLogs``)."""
    trail_bucket_policy: aws.s3.BucketPolicy
    """Its policy: CloudTrail checks it when a trail is created, so trails wait for it."""
    key: aws.kms.Key
    """The ``audit_logs`` key in the trail bucket's region (CloudTrail requires the same region)."""
    regions: Sequence[tuple[str, aws.Provider, Sequence[pulumi.Input[str]]]]
    """(region id, pinned provider, ARNs of that region's data-class buckets), primary first."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every trail."""


def s3_data_event_selectors(bucket_arns: Sequence[str]) -> list[Any]:
    """Advanced event selectors: management events, and every S3 object-level event of ``bucket_arns``
    (CloudTrail User Guide, "Logging data events": resources.type AWS::S3::Object, resources.ARN StartsWith)."""
    selectors: list[Any] = [
        {"name": "management", "field_selectors": [{"field": "eventCategory", "equals": ["Management"]}]}
    ]
    if bucket_arns:
        selectors.append(
            {
                "name": "data-class-objects",
                "field_selectors": [
                    {"field": "eventCategory", "equals": ["Data"]},
                    {"field": "resources.type", "equals": ["AWS::S3::Object"]},
                    {"field": "resources.ARN", "starts_withs": [f"{arn}/" for arn in bucket_arns]},
                ],
            }
        )
    return selectors


class AwsCountryAuditTrail(pulumi.ComponentResource):
    """Who did what to the owners' data, recorded in-country and tamper-evident."""

    trails: list[aws.cloudtrail.Trail]
    """One trail per region, primary first."""

    def __init__(self, name: str, args: AwsCountryAuditTrailArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:CountryAuditTrail", name, {}, opts)
        self.trails = []
        for index, (region, provider, bucket_arns) in enumerate(args.regions):
            self.trails.append(
                aws.cloudtrail.Trail(
                    f"{name}-{region}",
                    name=trail_name(args.jurisdiction, region),
                    s3_bucket_name=args.trail_bucket.id,
                    kms_key_id=args.key.arn,
                    enable_log_file_validation=True,
                    enable_logging=True,
                    is_multi_region_trail=False,
                    # IAM and other global services are logged once, by the primary region's trail.
                    include_global_service_events=index == 0,
                    advanced_event_selectors=pulumi.Output.all(*bucket_arns).apply(s3_data_event_selectors),
                    tags=dict(args.tags),
                    opts=pulumi.ResourceOptions(parent=self, provider=provider, depends_on=[args.trail_bucket_policy]),
                )
            )
        self.register_outputs({"trailArns": [t.arn for t in self.trails]})
