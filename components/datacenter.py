"""``CountryDataCenter``: pinned providers for a jurisdiction, then keys, storage and compute per cloud."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

from components.alicloud import (
    AlicloudCountryCompute,
    AlicloudCountryComputeArgs,
    AlicloudCountryKeys,
    AlicloudCountryKeysArgs,
    AlicloudCountryStorage,
    AlicloudCountryStorageArgs,
)
from components.aws import (
    AwsCountryCompute,
    AwsCountryComputeArgs,
    AwsCountryKeys,
    AwsCountryKeysArgs,
    AwsCountryStorage,
    AwsCountryStorageArgs,
)
from components.config.models import CloudRegions, DataCenterConfig
from components.naming import DISK_KEY, TAG_JURISDICTION
from components.residency.catalogue import Jurisdiction

__all__ = ["CountryDataCenter", "CountryDataCenterArgs"]


@dataclass
class CountryDataCenterArgs:
    """Inputs of ``CountryDataCenter``."""

    jurisdiction: Jurisdiction
    """Catalogue entry of the market; every region used must be one of its regions."""
    datacenter: DataCenterConfig
    """The validated ``sovereign-dc:datacenter`` stack config."""
    stack: str
    """Stack name, tagged on every resource so costs and audits can be traced to it."""


class CountryDataCenter(pulumi.ComponentResource):
    """One market's data center on each configured cloud, every byte inside the jurisdiction."""

    outputs: dict[str, Any]
    """What operators need, by cloud: regions, key ids, bucket names, network and instance ids."""

    def __init__(self, name: str, args: CountryDataCenterArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:datacenter:CountryDataCenter", name, {}, opts)
        config = args.datacenter
        for cloud in ("aws", "alicloud"):
            regions = getattr(config.clouds, cloud)
            for region in (regions.primary, regions.secondary) if regions else ():
                # Config validation already refused these; this guards direct use of the component.
                if region is not None and not args.jurisdiction.allows_region(cloud, region):
                    raise ValueError(f"{cloud} region {region} is outside {args.jurisdiction.code}")
        tags = {
            **config.tags,
            TAG_JURISDICTION: args.jurisdiction.code,
            "sovereign:stack": args.stack,
            "sovereign:owners": " ".join(config.owners),
        }
        self.outputs = {"jurisdiction": args.jurisdiction.code}
        if config.clouds.aws is not None:
            self.outputs["aws"] = self._aws(name, args, config.clouds.aws, tags)
        if config.clouds.alicloud is not None:
            self.outputs["alicloud"] = self._alicloud(name, args, config.clouds.alicloud, tags)
        self.register_outputs(self.outputs)

    def _aws(
        self, name: str, args: CountryDataCenterArgs, regions: CloudRegions, tags: dict[str, str]
    ) -> dict[str, Any]:
        config = args.datacenter
        primary = self._aws_provider(f"{name}-aws-{regions.primary}", regions.primary, tags)
        secondary = (
            self._aws_provider(f"{name}-aws-{regions.secondary}", regions.secondary, tags)
            if regions.secondary
            else None
        )
        code = args.jurisdiction.code
        child = pulumi.ResourceOptions(parent=self)
        keys = AwsCountryKeys(
            f"{name}-aws-keys",
            AwsCountryKeysArgs(
                jurisdiction=code,
                data_classes=list(config.data_classes),
                rotation_days=config.keys.rotation_days,
                deletion_window_days=config.keys.deletion_window_days,
                primary=primary,
                secondary=secondary,
                tags=tags,
            ),
            child,
        )
        storage = AwsCountryStorage(
            f"{name}-aws-storage",
            AwsCountryStorageArgs(
                jurisdiction=code,
                retention_days={c: d.retention_days for c, d in config.data_classes.items()},
                keys=keys.keys,
                primary=primary,
                secondary=secondary,
                replica_keys=keys.replica_keys,
                tags=tags,
            ),
            child,
        )
        out: dict[str, Any] = {
            "primaryRegion": regions.primary,
            "secondaryRegion": regions.secondary,
            "keyArns": {c: k.arn for c, k in keys.keys.items()},
            "buckets": {c: b.bucket for c, b in storage.buckets.items()},
            "replicaBuckets": {c: b.bucket for c, b in storage.replica_buckets.items()},
        }
        sizing = config.compute.aws
        if sizing is not None:
            compute = AwsCountryCompute(
                f"{name}-aws-compute",
                AwsCountryComputeArgs(
                    cidr=sizing.cidr,
                    zones=sizing.zones,
                    instance_type=sizing.instance_type,
                    count=sizing.count,
                    disk_gb=sizing.disk_gb,
                    disk_key=keys.keys[DISK_KEY],
                    provider=primary,
                    image=sizing.image,
                    tags=tags,
                ),
                child,
            )
            out["vpcId"] = compute.vpc.id
            out["subnetIds"] = [s.id for s in compute.subnets]
            out["instanceIds"] = [i.id for i in compute.instances]
        return out

    def _alicloud(
        self, name: str, args: CountryDataCenterArgs, regions: CloudRegions, tags: dict[str, str]
    ) -> dict[str, Any]:
        config = args.datacenter
        primary = self._alicloud_provider(f"{name}-alicloud-{regions.primary}", regions.primary)
        secondary = (
            self._alicloud_provider(f"{name}-alicloud-{regions.secondary}", regions.secondary)
            if regions.secondary
            else None
        )
        code = args.jurisdiction.code
        child = pulumi.ResourceOptions(parent=self)
        keys = AlicloudCountryKeys(
            f"{name}-alicloud-keys",
            AlicloudCountryKeysArgs(
                jurisdiction=code,
                data_classes=list(config.data_classes),
                rotation_days=config.keys.rotation_days,
                deletion_window_days=config.keys.deletion_window_days,
                primary=primary,
                secondary=secondary,
                tags=tags,
            ),
            child,
        )
        storage = AlicloudCountryStorage(
            f"{name}-alicloud-storage",
            AlicloudCountryStorageArgs(
                jurisdiction=code,
                retention_days={c: d.retention_days for c, d in config.data_classes.items()},
                keys=keys.keys,
                primary=primary,
                secondary=secondary,
                secondary_region=regions.secondary,
                replica_keys=keys.replica_keys,
                tags=tags,
            ),
            child,
        )
        out: dict[str, Any] = {
            "primaryRegion": regions.primary,
            "secondaryRegion": regions.secondary,
            "keyIds": {c: k.id for c, k in keys.keys.items()},
            "buckets": {c: b.bucket for c, b in storage.buckets.items()},
            "replicaBuckets": {c: b.bucket for c, b in storage.replica_buckets.items()},
        }
        sizing = config.compute.alicloud
        if sizing is not None:
            compute = AlicloudCountryCompute(
                f"{name}-alicloud-compute",
                AlicloudCountryComputeArgs(
                    cidr=sizing.cidr,
                    zones=sizing.zones,
                    instance_type=sizing.instance_type,
                    count=sizing.count,
                    disk_gb=sizing.disk_gb,
                    disk_key=keys.keys[DISK_KEY],
                    provider=primary,
                    image=sizing.image,
                    tags=tags,
                ),
                child,
            )
            out["vpcId"] = compute.vpc.id
            out["vswitchIds"] = [s.id for s in compute.vswitches]
            out["instanceIds"] = [i.id for i in compute.instances]
        return out

    def _aws_provider(self, name: str, region: str, tags: dict[str, str]) -> aws.Provider:
        # Region pinned here, never from AWS_REGION or a profile: the environment must not pick the country.
        return aws.Provider(
            name,
            region=region,
            default_tags={"tags": tags},
            opts=pulumi.ResourceOptions(parent=self),
        )

    def _alicloud_provider(self, name: str, region: str) -> alicloud.Provider:
        return alicloud.Provider(name, region=region, opts=pulumi.ResourceOptions(parent=self))
