"""Vehicle ingest and the owner data service, per cloud, as ``CountryDataCenter`` composes them.

Kept apart from ``datacenter.py`` so the data center's code path stays one loop over clouds: it calls
:func:`build_platform` once per cloud with what it built, and merges the returned outputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

from components.alicloud.ingest import AlicloudVehicleIngest, AlicloudVehicleIngestArgs
from components.alicloud.portal import AlicloudOwnerDataPortal, AlicloudOwnerDataPortalArgs
from components.alicloud.portal_waf import AlicloudPortalFrontDoor, AlicloudPortalFrontDoorArgs
from components.alicloud.record_indexer import AlicloudRecordIndexer, AlicloudRecordIndexerArgs
from components.aws.ingest import AwsVehicleIngest, AwsVehicleIngestArgs
from components.aws.portal import AwsOwnerDataPortal, AwsOwnerDataPortalArgs
from components.aws.record_indexer import AwsRecordIndexer, AwsRecordIndexerArgs
from components.config.models import AlicloudPortalDomain, DataCenterConfig
from components.outputs import AlicloudPortalOutputs, PlatformOutputs
from components.residency.catalogue import Cloud

__all__ = ["build_platform"]


def build_platform(
    parent: pulumi.Resource,
    prefix: str,
    cloud: Cloud,
    config: DataCenterConfig,
    jurisdiction: str,
    primary: pulumi.ProviderResource,
    keys: Any,
    storage: Any,
    compute: Any | None,
    tags: Mapping[str, str],
) -> PlatformOutputs:
    """Build the ingest and portal components ``config`` enables on ``cloud``; return their outputs."""
    out: PlatformOutputs = {}
    child = pulumi.ResourceOptions(parent=parent)
    ingest, portal = config.ingest, config.portal
    if ingest is not None and cloud in ingest.clouds:
        if cloud == "aws":
            component = AwsVehicleIngest(
                f"{prefix}-ingest",
                AwsVehicleIngestArgs(
                    jurisdiction=jurisdiction,
                    topic_root=ingest.topic_root,
                    routes=dict(ingest.routes),
                    buckets=storage.buckets,
                    keys=keys.keys,
                    provider=cast(aws.Provider, primary),
                    tags=tags,
                ),
                child,
            )
            out["ingest"] = {"endpoint": component.endpoint, "rules": {t: r.name for t, r in component.rules.items()}}
        else:
            ali = AlicloudVehicleIngest(
                f"{prefix}-ingest",
                AlicloudVehicleIngestArgs(
                    jurisdiction=jurisdiction,
                    region=getattr(config.clouds, cloud).primary,
                    routes=dict(ingest.routes),
                    buckets=storage.buckets,
                    keys=keys.keys,
                    provider=cast(alicloud.Provider, primary),
                    tags=tags,
                ),
                child,
            )
            out["ingest"] = {"endpoint": ali.endpoint, "stack": ali.stack.id}
    if portal is not None and cloud in portal.clouds and compute is not None:
        sizing = getattr(config.compute, cloud)
        if cloud == "aws":
            aws_portal = AwsOwnerDataPortal(
                f"{prefix}-portal",
                AwsOwnerDataPortalArgs(
                    jurisdiction=jurisdiction,
                    provider=cast(aws.Provider, primary),
                    key=keys.keys[portal.key_class],
                    vpc_id=compute.vpc.id,
                    vpc_cidr=sizing.cidr,
                    subnet_ids=[s.id for s in compute.subnets],
                    buckets=storage.buckets,
                    bucket_keys={c: keys.keys[c] for c in storage.buckets},
                    anonymised_only=frozenset(portal.anonymised_only),
                    issuer=portal.issuer,
                    jwks_url=portal.jwks_url,
                    audience=portal.audience,
                    handler=portal.handler,
                    code_path=portal.code_path,
                    rotation_days=config.keys.rotation_days,
                    deletion_window_days=config.keys.deletion_window_days,
                    db_instance_class=portal.database.aws_instance_class,
                    db_storage_gb=portal.database.storage_gb,
                    db_backup_retention_days=portal.database.backup_retention_days,
                    access_log_retention_days=portal.access_log_retention_days,
                    tags=tags,
                ),
                child,
            )
            out["portal"] = {"url": aws_portal.url, "databaseEndpoint": aws_portal.database.endpoint}
            # New objects in the buckets the service serves reach its record index (docs/portal.md).
            AwsRecordIndexer(
                f"{prefix}-indexer",
                AwsRecordIndexerArgs(
                    jurisdiction=jurisdiction,
                    provider=cast(aws.Provider, primary),
                    portal=aws_portal,
                    buckets=storage.buckets,
                    log_retention_days=portal.access_log_retention_days,
                    tags=tags,
                ),
                child,
            )
        else:
            ali_portal = AlicloudOwnerDataPortal(
                f"{prefix}-portal",
                AlicloudOwnerDataPortalArgs(
                    jurisdiction=jurisdiction,
                    region=getattr(config.clouds, cloud).primary,
                    provider=cast(alicloud.Provider, primary),
                    key=keys.keys[portal.key_class],
                    vpc_id=compute.vpc.id,
                    vpc_cidr=sizing.cidr,
                    vswitch_ids=[s.id for s in compute.vswitches],
                    vswitch_zones=[s.zone_id for s in compute.vswitches],
                    buckets=storage.buckets,
                    bucket_keys={c: keys.keys[c] for c in storage.buckets},
                    anonymised_only=frozenset(portal.anonymised_only),
                    issuer=portal.issuer,
                    jwks_url=portal.jwks_url,
                    audience=portal.audience,
                    image=portal.alicloud_image or "",
                    db_instance_type=portal.database.alicloud_instance_type,
                    db_storage_gb=portal.database.storage_gb,
                    log_retention_days=portal.access_log_retention_days,
                    kms_instance_id=keys.instances["primary"].id,
                    tags=tags,
                ),
                child,
            )
            ali_out: AlicloudPortalOutputs = {
                "url": ali_portal.url,
                "databaseConnection": ali_portal.database.connection_string,
            }
            if portal.alicloud_domain is not None:
                front = _front_door(
                    f"{prefix}-portal-front-door",
                    ali_portal,
                    portal.alicloud_domain,
                    jurisdiction,
                    primary,
                    tags,
                    child,
                )
                ali_out["url"], ali_out["wafCname"] = front.url, front.cname
            out["portal"] = ali_out
            AlicloudRecordIndexer(
                f"{prefix}-indexer",
                AlicloudRecordIndexerArgs(
                    jurisdiction=jurisdiction,
                    region=getattr(config.clouds, cloud).primary,
                    provider=cast(alicloud.Provider, primary),
                    portal=ali_portal,
                    buckets=storage.buckets,
                    tags=tags,
                ),
                child,
            )
    return out


def _front_door(
    name: str,
    portal: AlicloudOwnerDataPortal,
    domain: AlicloudPortalDomain,
    jurisdiction: str,
    primary: pulumi.ProviderResource,
    tags: Mapping[str, str],
    opts: pulumi.ResourceOptions,
) -> AlicloudPortalFrontDoor:
    """The Alibaba portal's custom domain and WAF 3.0 (a child of the portal component), with a provider
    pinned to the WAF's region beside the data center's own providers."""
    waf_provider = alicloud.Provider(f"{name}-waf-provider", region=domain.waf_region, opts=opts)
    return AlicloudPortalFrontDoor(
        name,
        AlicloudPortalFrontDoorArgs(
            jurisdiction=jurisdiction,
            provider=cast(alicloud.Provider, primary),
            group_id=portal.api_group.id,
            group_domain=portal.api_group.sub_domain,
            domain=domain.name,
            certificate_id=domain.certificate_id,
            waf_provider=waf_provider,
            waf_region=domain.waf_region,
            icp_filing=domain.icp_filing,
            waf_instance_id=domain.waf_instance_id,
            tags=tags,
        ),
        pulumi.ResourceOptions(parent=portal),
    )
