"""``CountryDataCenter``: pinned providers for a jurisdiction, then keys, storage and compute per cloud."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
from components.cloud_args import CountryComputeArgs, CountryKeysArgs, CountryStorageArgs
from components.config.models import CloudRegions, DataCenterConfig
from components.errors import ResidencyViolation
from components.naming import DISK_KEY, TAG_JURISDICTION
from components.platform import build_platform
from components.residency.catalogue import Cloud, Jurisdiction
from components.residency.rules import rule

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


def _aws_provider(name: str, region: str, tags: Mapping[str, str], opts: pulumi.ResourceOptions) -> aws.Provider:
    # Region pinned here, never from AWS_REGION or a profile: the environment must not pick the country.
    return aws.Provider(name, region=region, default_tags={"tags": tags}, opts=opts)


def _alicloud_provider(
    name: str, region: str, _tags: Mapping[str, str], opts: pulumi.ResourceOptions
) -> alicloud.Provider:
    # Region pinned as for AWS. No provider-wide tags here: each Alibaba resource is given its tags itself.
    return alicloud.Provider(name, region=region, opts=opts)


@dataclass(frozen=True)
class _Cloud:
    """What differs between clouds when ``CountryDataCenter`` builds one; the code path is shared."""

    name: Cloud
    """``aws`` or ``alicloud``: the key under ``clouds``, ``compute`` and the outputs, and part of child names."""
    provider: Callable[[str, str, Mapping[str, str], pulumi.ResourceOptions], pulumi.ProviderResource]
    """``(name, region, tags, opts)`` -> a provider pinned to ``region``."""
    keys: Callable[[str, Any, pulumi.ResourceOptions], Any]
    """Keys component class."""
    keys_args: type[CountryKeysArgs[Any]]
    """Its Args class."""
    storage: Callable[[str, Any, pulumi.ResourceOptions], Any]
    """Storage component class."""
    storage_args: type[CountryStorageArgs[Any, Any]]
    """Its Args class."""
    storage_takes_secondary_region: bool
    """Alibaba only: OSS replication names its destination by region id (``oss-<region>``)."""
    compute: Callable[[str, Any, pulumi.ResourceOptions], Any]
    """Compute component class."""
    compute_args: type[CountryComputeArgs[Any, Any]]
    """Its Args class."""
    key_ids: str
    """Output name of the key references: ``keyArns`` (AWS) or ``keyIds`` (Alibaba Cloud)."""
    key_id: Callable[[Any], pulumi.Output[str]]
    """The reference exported for one key (its ARN on AWS, its id on Alibaba Cloud)."""
    network_ids: str
    """Output name of the private networks: ``subnetIds`` (AWS) or ``vswitchIds`` (Alibaba Cloud)."""
    networks: Callable[[Any], Sequence[pulumi.CustomResource]]
    """The compute component's private networks (subnets or vSwitches)."""


_CLOUDS = (
    _Cloud(
        name="aws",
        provider=_aws_provider,
        keys=AwsCountryKeys,
        keys_args=AwsCountryKeysArgs,
        storage=AwsCountryStorage,
        storage_args=AwsCountryStorageArgs,
        storage_takes_secondary_region=False,
        compute=AwsCountryCompute,
        compute_args=AwsCountryComputeArgs,
        key_ids="keyArns",
        key_id=lambda key: key.arn,
        network_ids="subnetIds",
        networks=lambda compute: compute.subnets,
    ),
    _Cloud(
        name="alicloud",
        provider=_alicloud_provider,
        keys=AlicloudCountryKeys,
        keys_args=AlicloudCountryKeysArgs,
        storage=AlicloudCountryStorage,
        storage_args=AlicloudCountryStorageArgs,
        storage_takes_secondary_region=True,
        compute=AlicloudCountryCompute,
        compute_args=AlicloudCountryComputeArgs,
        key_ids="keyIds",
        key_id=lambda key: key.id,
        network_ids="vswitchIds",
        networks=lambda compute: compute.vswitches,
    ),
)
"""The clouds, in the order they are built (a tuple of frozen entries: nothing here can change at run time)."""


def _region_outside(
    name: str, cloud: str, regions: CloudRegions, region: str, jurisdiction: Jurisdiction
) -> ResidencyViolation:
    role = "primary" if region == regions.primary else "secondary"
    found = rule("RES-030")
    return ResidencyViolation(
        found.id,
        "sovereign:datacenter:CountryDataCenter",
        name,
        f"datacenter.clouds.{cloud}.{role}",
        region,
        f"{cloud} region {region} is outside {jurisdiction.code}",
        found.fix,
    )


class CountryDataCenter(pulumi.ComponentResource):
    """One market's data center on each configured cloud, every byte inside the jurisdiction."""

    outputs: dict[str, Any]
    """What operators need, by cloud: regions, key ids, bucket names, network and instance ids."""

    def __init__(self, name: str, args: CountryDataCenterArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:datacenter:CountryDataCenter", name, {}, opts)
        config = args.datacenter
        for cloud in _CLOUDS:
            regions = getattr(config.clouds, cloud.name)
            for region in (regions.primary, regions.secondary) if regions else ():
                # Config validation already refused these; this guards direct use of the component.
                if region is not None and not args.jurisdiction.allows_region(cloud.name, region):
                    raise _region_outside(name, cloud.name, regions, region, args.jurisdiction)
        tags = {
            **config.tags,
            TAG_JURISDICTION: args.jurisdiction.code,
            "sovereign:stack": args.stack,
            "sovereign:owners": " ".join(config.owners),
        }
        self.outputs = {"jurisdiction": args.jurisdiction.code}
        for cloud in _CLOUDS:
            regions = getattr(config.clouds, cloud.name)
            if regions is not None:
                self.outputs[cloud.name] = self._cloud(name, args, cloud, regions, tags)
        self.register_outputs(self.outputs)

    def _cloud(
        self, name: str, args: CountryDataCenterArgs, cloud: _Cloud, regions: CloudRegions, tags: dict[str, str]
    ) -> dict[str, Any]:
        """Providers, keys, storage and (when sized) compute of one cloud; returns its outputs."""
        config = args.datacenter
        prefix = f"{name}-{cloud.name}"
        child = pulumi.ResourceOptions(parent=self)
        primary = cloud.provider(f"{prefix}-{regions.primary}", regions.primary, tags, child)
        secondary = (
            cloud.provider(f"{prefix}-{regions.secondary}", regions.secondary, tags, child)
            if regions.secondary
            else None
        )
        code = args.jurisdiction.code
        keys = cloud.keys(
            f"{prefix}-keys",
            cloud.keys_args(
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
        secondary_region: dict[str, Any] = (
            {"secondary_region": regions.secondary} if cloud.storage_takes_secondary_region else {}
        )
        storage = cloud.storage(
            f"{prefix}-storage",
            cloud.storage_args(
                jurisdiction=code,
                retention_days={c: d.retention_days for c, d in config.data_classes.items()},
                keys=keys.keys,
                primary=primary,
                secondary=secondary,
                replica_keys=keys.replica_keys,
                tags=tags,
                **secondary_region,
            ),
            child,
        )
        out: dict[str, Any] = {
            "primaryRegion": regions.primary,
            "secondaryRegion": regions.secondary,
            cloud.key_ids: {c: cloud.key_id(k) for c, k in keys.keys.items()},
            "buckets": {c: b.bucket for c, b in storage.buckets.items()},
            "replicaBuckets": {c: b.bucket for c, b in storage.replica_buckets.items()},
        }
        sizing = getattr(config.compute, cloud.name)
        if sizing is not None:
            compute = cloud.compute(
                f"{prefix}-compute",
                cloud.compute_args(
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
            out[cloud.network_ids] = [s.id for s in cloud.networks(compute)]
            out["instanceIds"] = [i.id for i in compute.instances]
        # Vehicle ingest and the owner data service, when the stack file enables them (docs/ingest.md).
        network = compute if sizing is not None else None
        out.update(build_platform(self, prefix, cloud.name, config, code, primary, keys, storage, network, tags))
        return out
