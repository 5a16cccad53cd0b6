"""Alibaba Cloud red team, round 10 (stop 52): the aliyun CLI's other Region / zone parameters; the account's site.

Reproduced on the unchanged engine (main faa992a, docs/residency.md "Alibaba Cloud red team, round 10 (stop 52)"):
ECS user data (and a ROS ``ALIYUN::ECS::Instance``'s ``UserData``) running the aliyun CLI with an API's business
parameter naming a Region or zone abroad passed every door: only ``--region``, ``--RegionId``, ``--biz-region-id``,
``--ZoneId``, ``--zone-id`` and ``--DestinationRegionId`` (and its kebab twin) were read, so RDS
``ModifyInstanceCrossBackupPolicy --CrossBackupRegion`` (backup files kept in another Region), DTS ``ConfigureDtsJob
--DestinationEndpointRegion`` (a synchronization into another Region's database) and EBS ``CreateDiskReplicaPair
--DestinationZoneId`` (a disk replicated into another zone) abroad passed in CN (Hong Kong), JP and DE.

An ``alicloud.Provider`` naming the international site (``account_type="International"``) on a CN stack passed every
door with Cloud Config, Cloud Firewall and ESA resources, which pulumi-alicloud then manages (and the services keep) in
Singapore (terraform-provider-alicloud connectivity/endpoint.go: ``config``, ``cloudfw``, ``esa`` for an international
account); the catalogue accepted them in CN for a China-site account only.

Now: any business parameter named as a Region or zone input (the engine's one reading of input names) is judged as
one: RES-009 for a Region abroad, RES-008 for a zone abroad; the stack's own Region passes. A provider naming the
international site makes those three services RES-016 in CN too (declarable by the service's catalogue id); a provider
naming the China site, or none, keeps them accepted in CN; outside CN they were and stay RES-016 whatever the site.

tests/test_realistic_programs.py runs them as CASES (``alired52-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, Build, Row, home_abroad_rows
from platform_programs_alired51 import ALI_CODES, HOME, aliyun_script, ros_aliyun_script

CROSS_BACKUP = (
    "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    "aliyun rds ModifyInstanceCrossBackupPolicy --RegionId $R --DBInstanceId rm-fleet01 \\\n"
    "  --CrossBackupType 1 --BackupEnabled 1 --LogBackupEnabled 1 --CrossBackupRegion {region}"
)
"""RDS cross-Region backup: ``CrossBackupRegion`` is "the ID of the destination region where the cross-region backup
files of the instance are stored" (RDS ModifyInstanceCrossBackupPolicy); the instance's own Region from the metadata."""
CROSS_BACKUP_EQUALS = (
    "aliyun rds ModifyInstanceCrossBackupPolicy --DBInstanceId rm-fleet01 --CrossBackupType 1 --BackupEnabled 1 "
    "--CrossBackupRegion={region}"
)
"""The same call with the value in the option's word (``--Name=value``)."""
DTS_DESTINATION = (
    "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    "aliyun dts ConfigureDtsJob --DtsJobName fleet-sync --JobType SYNC --SourceEndpointInstanceType RDS \\\n"
    "  --SourceEndpointRegion $R --SourceEndpointInstanceID rm-fleet01 \\\n"
    "  --DestinationEndpointInstanceType RDS --DestinationEndpointRegion {region} \\\n"
    "  --DestinationEndpointInstanceID rm-fleet02 --DbList file:///opt/dts/db-list.json"
)
"""A DTS synchronization task: ``DestinationEndpointRegion`` is the destination database's Region (DTS
ConfigureDtsJob); the source is the team's database in the instance's own Region (read from the metadata)."""
DISK_REPLICA = (
    "R=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    "aliyun ebs CreateDiskReplicaPair --SourceDiskId d-fleet01 --DestinationRegionId $R \\\n"
    "  --DestinationZoneId {zone} --DestinationDiskId d-fleet02 --Bandwidth 10240"
)
"""EBS asynchronous replication: the disk's data is copied to a disk in ``DestinationZoneId`` (EBS
CreateDiskReplicaPair; "DestinationRegionId", "DestinationZoneId"); the Region is read from the metadata (the
instance's own), the zone written out: only the zone is judged here (``DestinationRegionId`` was read before)."""


SITES = {"domestic": "Domestic", "unset": None, "international": "International"}
"""The account site a program's provider names (pulumi-alicloud Provider ``account_type``: Domestic or International;
``unset``: none, the provider detects the account's site at run time)."""
DECLARED = {
    "config": {"id": "config-history", "kind": "transfer", "match": "alicloud-config-hub-region", "destination": "SG",
               "data_classes": ["audit_logs"], "basis": "standard-contract", "reference": "CAC-SC-2026-052",
               "approved_by": "dpo", "expires": "2027-12-31"},
}  # fmt: skip
"""Cloud Config in Singapore declared as a transfer by its catalogue entry's id (the ``-international-declared``
program: the configuration history of the stack's resources, filed under a standard contract)."""


def _site_provider(code: str, site: str | None) -> pulumi.ResourceOptions:
    """The team's provider in the stack's Region, naming the account ``site`` (or none)."""
    # docs: alicloud Provider `account_type` ("Domestic" or "International"), `assume_role`.
    provider = alicloud.Provider(
        "ali-site", region=HOME[code], account_type=site,
        assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci"),
    )  # fmt: skip
    return pulumi.ResourceOptions(provider=provider)


def config_recorder(code: str, site: str | None) -> Build:
    """Cloud Config recording the stack's ECS and RDS resources (their configurations and history)."""

    # docs: cfg/configurationrecorder `resource_types`.
    def build(c: Any) -> object:
        opts = _site_provider(code, site)
        return alicloud.cfg.ConfigurationRecorder(
            "recorder", resource_types=["ACS::ECS::Instance", "ACS::RDS::DBInstance"], opts=opts
        )

    return build


def firewall_policy(code: str, site: str | None) -> Build:
    """A Cloud Firewall Internet-border policy letting the depot network reach the API."""

    # docs: cloudfirewall/controlpolicy (acl_action, description, destination, destination_type, direction, proto,
    # source, source_type).
    def build(c: Any) -> object:
        return alicloud.cloudfirewall.ControlPolicy(
            "depots-in", acl_action="accept", description="depots to the fleet API", destination="10.20.0.10/32",
            destination_type="net", direction="in", proto="TCP", source="203.0.113.0/24", source_type="net",
            dest_port="443", opts=_site_provider(code, site),
        )  # fmt: skip

    return build


def esa_site(code: str, site: str | None) -> Build:
    """An ESA site for the fleet portal, its edges in the mainland (``coverage: domestic``)."""

    # docs: esa/site (site_name, instance_id, access_type, coverage).
    def build(c: Any) -> object:
        return alicloud.esa.Site(
            "portal", site_name="fleet-portal.example.cn", instance_id="esa-site-fleet01", access_type="NS",
            coverage="domestic", opts=_site_provider(code, site),
        )  # fmt: skip

    return build


def ecs_instance(code: str, site: str | None) -> Build:
    """An ECS instance under the same provider: a regional service, placed by the provider's Region alone."""

    # docs: ecs/instance (image_id, instance_type, vswitch_id, security_groups).
    def build(c: Any) -> object:
        return alicloud.ecs.Instance(
            "fleet", image_id="aliyun_3_x64_20G_alibase_20240819.vhd", instance_type="ecs.g7.large",
            vswitch_id="vsw-uf6fleet0001", security_groups=["sg-uf6fleet0001"], opts=_site_provider(code, site),
        )  # fmt: skip

    return build


def site_rows() -> list[Row]:
    """Each hub service under a provider naming each site, in CN (the international site refused, newly) and in JP / DE
    (refused whatever the site, before too); an ECS instance under the international site passes; Config declared."""
    kinds = {"config-recorder": config_recorder, "firewall-policy": firewall_policy, "esa-site": esa_site}
    out: list[Row] = [
        (f"alired52-cn-{kind}-{shape}", "CN", make("CN", site), {"RES-016"} if site == "International" else set(), [])
        for kind, make in kinds.items()
        for shape, site in SITES.items()
    ]  # fmt: skip
    out += [
        (f"alired52-{code.lower()}-{kind}-{shape}", code, make(code, SITES[shape]), {"RES-016"}, [])
        for kind, make in kinds.items()
        for code in ("JP", "DE")
        for shape in ("domestic", "international")
    ]  # fmt: skip
    out.append(("alired52-cn-ecs-instance-international", "CN", ecs_instance("CN", "International"), set(), []))
    out.append(("alired52-cn-config-recorder-international-declared", "CN", config_recorder("CN", "International"),
                set(), [DECLARED["config"]]))  # fmt: skip
    return out


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out = home_abroad_rows("alired52", {
        "aliyun-rds-cross-backup": (aliyun_script(CROSS_BACKUP), {"RES-009"}, ALI_CODES),
        "aliyun-rds-cross-backup-equals": (aliyun_script(CROSS_BACKUP_EQUALS), {"RES-009"}, ("CN", "DE")),
        "aliyun-ebs-disk-replica": (aliyun_script(DISK_REPLICA), {"RES-008"}, ("CN", "JP", "DE")),
        "ros-aliyun-rds-cross-backup": (ros_aliyun_script(CROSS_BACKUP), {"RES-009"}, ("CN", "JP")),
        "aliyun-dts-destination-region": (aliyun_script(DTS_DESTINATION), {"RES-009"}, ("CN", "JP", "DE")),
        "ros-aliyun-dts-destination-region": (ros_aliyun_script(DTS_DESTINATION), {"RES-009"}, ("CN", "DE")),
    })  # fmt: skip
    return out + site_rows()
