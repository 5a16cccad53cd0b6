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
from components.alicloud.account import AlicloudAccountHardening, AlicloudAccountHardeningArgs
from components.audit import ALICLOUD_AUDIT, AWS_AUDIT, CloudAudit
from components.aws import (
    AwsCountryCompute,
    AwsCountryComputeArgs,
    AwsCountryKeys,
    AwsCountryKeysArgs,
    AwsCountryStorage,
    AwsCountryStorageArgs,
)
from components.aws.account import AwsAccountHardening, AwsAccountHardeningArgs
from components.cloud_args import CountryComputeArgs, CountryKeysArgs, CountryStorageArgs
from components.config.models import CloudRegions, DataCenterConfig
from components.errors import ResidencyViolation
from components.naming import DISK_KEY, TAG_JURISDICTION
from components.platform import build_platform
from components.protection import AUDIT_LOGS, protection_of
from components.residency.catalogue import Cloud, Jurisdiction
from components.residency.rules import RuleId, rule

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
    audit: CloudAudit
    """The cloud's audit trail: log buckets before storage, the trail after it."""
    keys_extra: Callable[[DataCenterConfig], dict[str, Any]] = lambda _config: {}
    """Cloud-only keyword arguments of the keys Args (Alibaba: the KMS instance sizing)."""
    compute_extra: Callable[[Any], dict[str, Any]] = lambda _keys: {}
    """Cloud-only keyword arguments of the compute Args (Alibaba: the disk-encryption authorisation)."""


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
        audit=AWS_AUDIT,
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
        audit=ALICLOUD_AUDIT,
        keys_extra=lambda config: {"kms_instance": config.keys.alicloud_instance},
        compute_extra=lambda keys: {"disk_encryption_role": keys.disk_encryption_role},
    ),
)
"""The clouds, in the order they are built (a tuple of frozen entries: nothing here can change at run time)."""


def _region_outside(
    name: str, cloud: str, regions: CloudRegions, region: str, jurisdiction: Jurisdiction
) -> ResidencyViolation:
    role = "primary" if region == regions.primary else "secondary"
    found = rule(RuleId.CONFIG_REGION_IN_JURISDICTION)
    return ResidencyViolation(
        found.id,
        "sovereign:datacenter:CountryDataCenter",
        name,
        f"datacenter.clouds.{cloud}.{role}",
        region,
        f"{cloud} region {region} is outside {jurisdiction.code}",
        found.fix,
    )


def _hardening(
    cloud: str,
    name: str,
    config: DataCenterConfig,
    primary: Any,
    disk_key: Any,
    opts: pulumi.ResourceOptions,
) -> list[str]:
    """The opt-in account-level controls of ``cloud`` (stack file ``account_hardening``); their names."""
    flags = config.account_hardening
    if cloud == "aws" and (flags.s3_public_access_block or flags.ebs_encryption_by_default):
        AwsAccountHardening(
            name,
            AwsAccountHardeningArgs(
                provider=primary,
                s3_public_access_block=flags.s3_public_access_block,
                ebs_encryption_by_default=flags.ebs_encryption_by_default,
                disk_key=disk_key,
            ),
            opts,
        )
        return [f for f in ("s3_public_access_block", "ebs_encryption_by_default") if getattr(flags, f)]
    if cloud == "alicloud" and flags.ecs_disk_encryption_by_default:
        AlicloudAccountHardening(
            name, AlicloudAccountHardeningArgs(provider=primary, ecs_disk_encryption_by_default=True), opts
        )
        return ["ecs_disk_encryption_by_default"]
    return []


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
        protection = protection_of(code, config)
        data_classes = [c for c in protection if c != AUDIT_LOGS]
        sizing = getattr(config.compute, cloud.name)
        keys = cloud.keys(
            f"{prefix}-keys",
            cloud.keys_args(
                jurisdiction=code,
                data_classes=[*data_classes, AUDIT_LOGS],
                rotation_days=config.keys.rotation_days,
                deletion_window_days=config.keys.deletion_window_days,
                primary=primary,
                secondary=secondary,
                tags=tags,
                # Instance disks need a key only where there is compute.
                disk_key=sizing is not None,
                **cloud.keys_extra(config),
            ),
            child,
        )
        audit_logs = cloud.audit.logs(
            self, f"{prefix}-audit", code, protection[AUDIT_LOGS], keys, primary, secondary, regions, tags
        )
        secondary_region: dict[str, Any] = (
            {"secondary_region": regions.secondary} if cloud.storage_takes_secondary_region else {}
        )
        storage = cloud.storage(
            f"{prefix}-storage",
            cloud.storage_args(
                jurisdiction=code,
                retention_days={c: protection[c].retention_days for c in data_classes},
                keys=keys.keys,
                primary=primary,
                secondary=secondary,
                replica_keys=keys.replica_keys,
                tags=tags,
                lock_modes={c: protection[c].lock_mode for c in data_classes},
                access_log_bucket=audit_logs.access_log_buckets.get("primary"),
                replica_access_log_bucket=audit_logs.access_log_buckets.get("secondary"),
                access_logged=frozenset(c for c in data_classes if protection[c].access_logging),
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
            "dataProtection": {
                c: {
                    "category": p.category,
                    "retentionDays": p.retention_days,
                    "maxAgeDays": p.max_age_days,
                    # OSS retention policies have one mode (no governance bypass): shown as "worm".
                    "lockMode": "worm" if cloud.name == "alicloud" else p.lock_mode,
                    "accessLogging": p.access_logging or c == AUDIT_LOGS,
                    "backupRegions": [r for r in (regions.primary, regions.secondary) if r],
                }
                for c, p in protection.items()
            },
            "auditTrail": cloud.audit.describe(audit_logs, regions, sizing is not None),
        }
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
                    flow_log_bucket=audit_logs.flow_log_bucket,
                    snapshot_days=sizing.snapshot_retention_days,
                    flow_log_retention_days=protection[AUDIT_LOGS].retention_days,
                    data_buckets=storage.buckets,
                    data_keys={c: keys.keys[c] for c in storage.buckets},
                    **cloud.compute_extra(keys),
                ),
                child,
            )
            out["vpcId"] = compute.vpc.id
            out[cloud.network_ids] = [s.id for s in cloud.networks(compute)]
            out["instanceIds"] = [i.id for i in compute.instances]
        cloud.audit.trail(self, f"{prefix}-trail", code, audit_logs, keys, storage, primary, secondary, regions, tags)
        hardening = _hardening(cloud.name, f"{prefix}-account", config, primary, keys.keys.get(DISK_KEY), child)
        if hardening:
            out["accountHardening"] = hardening
        # Vehicle ingest and the owner data service, when the stack file enables them (docs/ingest.md).
        network = compute if sizing is not None else None
        out.update(build_platform(self, prefix, cloud.name, config, code, primary, keys, storage, network, tags))
        return out
