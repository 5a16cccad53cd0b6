"""``AlicloudCountryAuditTrail``: ActionTrail for each Alibaba region the stack uses, into the country.

One trail per region (``trail_region`` set to that region, not ``All``), read and write events,
delivered to the primary region's ``audit_logs`` bucket (ActionTrail User Guide, "Create a single-account
trail": OSS delivery; ``alicloud.actiontrail.Trail``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pulumi
import pulumi_alicloud as alicloud

__all__ = ["AlicloudCountryAuditTrail", "AlicloudCountryAuditTrailArgs"]


@dataclass
class AlicloudCountryAuditTrailArgs:
    """Inputs of ``AlicloudCountryAuditTrail``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``."""
    log_bucket: alicloud.oss.Bucket
    """The primary region's ``audit_logs`` bucket."""
    regions: Sequence[str]
    """Region ids whose events are recorded, primary first."""
    provider: alicloud.Provider
    """Pinned provider of the primary region."""


class AlicloudCountryAuditTrail(pulumi.ComponentResource):
    """Who did what in the stack's Alibaba regions, recorded in-country."""

    trails: list[alicloud.actiontrail.Trail]
    """One trail per region."""

    def __init__(
        self, name: str, args: AlicloudCountryAuditTrailArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("sovereign:alicloud:CountryAuditTrail", name, {}, opts)
        self.trails = [
            alicloud.actiontrail.Trail(
                f"{name}-{region}",
                trail_name=f"sovereign-{args.jurisdiction.lower()}-{region}",
                trail_region=region,
                event_rw="All",
                oss_bucket_name=args.log_bucket.bucket,
                oss_key_prefix=f"actiontrail/{region}",
                status="Enable",
                opts=pulumi.ResourceOptions(parent=self, provider=args.provider),
            )
            for region in args.regions
        ]
        self.register_outputs({"trailNames": [t.trail_name for t in self.trails]})
