"""Alibaba Cloud red team, round 10 (stop 52): the aliyun CLI's other parameters naming a Region or a zone.

Reproduced on the unchanged engine (main faa992a, docs/residency.md "Alibaba Cloud red team, round 10 (stop 52)"):
ECS user data (and a ROS ``ALIYUN::ECS::Instance``'s ``UserData``) running the aliyun CLI with an API's business
parameter naming a Region or zone abroad passed every door: only ``--region``, ``--RegionId``, ``--biz-region-id``,
``--ZoneId``, ``--zone-id`` and ``--DestinationRegionId`` (and its kebab twin) were read, so RDS
``ModifyInstanceCrossBackupPolicy --CrossBackupRegion`` (backup files kept in another Region), DTS ``ConfigureDtsJob
--DestinationEndpointRegion`` (a synchronization into another Region's database) and EBS ``CreateDiskReplicaPair
--DestinationZoneId`` (a disk replicated into another zone) abroad passed in CN (Hong Kong), JP and DE.

Now: any business parameter named as a Region or zone input (the engine's one reading of input names) is judged as
one: RES-009 for a Region abroad, RES-008 for a zone abroad; the stack's own Region passes.

tests/test_realistic_programs.py runs them as CASES (``alired52-*``).
"""

from __future__ import annotations

from platform_parts import Row, home_abroad_rows
from platform_programs_alired51 import ALI_CODES, aliyun_script, ros_aliyun_script

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
    return out
