"""Alibaba Cloud red team, round 17 (stop 57): the ROS DTS migration job's destination account, the DTS jobs' source
accounts, a RAM role trusting another account's SAML / OIDC provider (the decision round 16 left open), an
Elasticsearch instance's remote reindex whitelist and an EMR cluster's application settings.

Reproduced on the unchanged engine and catalogue (base 8bba384b, docs/residency.md "Alibaba Cloud red team, round 17
(stop 57)"): 9 of 132 tests failed, each a program that must be refused passing every door, in CN, JP and DE: a ROS
``ALIYUN::DTS::MigrationJob2`` migrating into a partner's account (``DestinationEndpoint.OwnerId``, with ``Role``), and
an Elasticsearch instance (Pulumi ``setting_config``, ROS ``YMLConfig``) whose ``reindex.remote.whitelist`` names a
partner's cluster. Pinned as they were: a source database in another account (SynchronizationJob2's
``SourceEndpoint.OwnerId``, the Pulumi jobs' ``source_endpoint_owner_id``: data coming in, no transfer), a RAM role
trusting another account's SAML or OIDC provider (no grant: RAM's pages describe the current account's IdP only) and
the account's own, an EMR cluster's Hive metastore / default file system at a partner's host (RES-015) or its OSS
endpoint in another Region (RES-006), each with its compliant twin.

Now MigrationJob2 is read as the DTS synchronisation job (its ``DestinationEndpoint.OwnerId`` the job's
``destination_endpoint_owner_id``: RES-023), and ``reindex.remote.whitelist`` is a host key (RES-015).

Ids: ``alired57b-<code>-ros-dts-migration2-owner-<own|partner|partner-declared>``,
``alired57b-<code>-<ros-dts-sync2|dts-sync|dts-migration>-src-owner-partner``,
``alired57b-<code>-<ram-role|ros-ram-role>-trust-oidc-partner-idp``,
``alired57b-<code>-ros-ram-role-trust-saml-<partner|own>-idp``,
``alired57b-<code>-<es|ros-es>-reindex-remote-<own|partner|partner-declared>``,
``alired57b-<code>-emr-<metastore-jdbc-partner|metastore-uris-partner|defaultfs-partner|oss-endpoint-abroad|
oss-endpoint-home|metastore-local>``.
tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, ros_stack
from platform_programs_alired57 import PARTNER_DECLARED, _endpoint, _ram_role, _ros_role, _sync2, _trust

CODES = ("CN", "JP", "DE")
_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
_ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "ap-southeast-1"}

PARTNER_ES = "es.fleet-partner.example.com"
PARTNER_ES_DECLARED: dict[str, Any] = {
    "id": "partner-es", "kind": "resident", "match": PARTNER_ES,
    "evidence": "the partner's search cluster, hosted in the market",
}  # fmt: skip
OWN_ES_ADDRESS = "10.20.3.17"
"""Another Elasticsearch cluster of the stack, by its address in the stack's VPC (Alibaba Cloud's instance domains,
``es-cn-<id>.elasticsearch.aliyuncs.com``, name no Region: judged RES-015 wherever they are written, before and now)."""


def _migration2(code: str, owner: str) -> Build:
    # docs: ROS ALIYUN::DTS::MigrationJob2 DestinationEndpoint (the ROS CDK's RosMigrationJob2.DestinationEndpoint
    # Property: OwnerId "The ID of the Alibaba Cloud account to which the destination database belongs ... migrate or
    # synchronize data across different Alibaba Cloud accounts. In this case, you must specify Role", Role, Region)
    job = {"Type": "ALIYUN::DTS::MigrationJob2", "Properties": {
        "DtsJobName": "orders-move", "SourceEndpoint": _endpoint("src", code),
        "DestinationEndpoint": _endpoint("dst", code, owner=owner),
        "DbList": {"orders": {"name": "orders", "all": True}}, "StructureInitialization": True,
        "DataInitialization": True, "DataSynchronization": False}}  # fmt: skip
    return ros_stack(f"dts-migration2-owner-{code.lower()}", {"Move": job})


def _dts_sync_src_owner(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dts/synchronizationjob (source_endpoint_owner_id "The ID of Alibaba Cloud account to which the source
        # instance belongs", source_endpoint_role "The name of the role configured for the cloud account to which the
        # source instance belongs"; the data comes from there into the stack's own RDS)
        return alicloud.dts.SynchronizationJob(
            "from-partner", dts_instance_id="dtsfleet0001", dts_job_name="orders-in",
            source_endpoint_instance_type="RDS", source_endpoint_instance_id="rm-partner0001",
            source_endpoint_engine_name="MySQL", source_endpoint_region=_HOME[code],
            source_endpoint_owner_id=PARTNER_UID, source_endpoint_role="dts-from-fleet",
            source_endpoint_user_name="dts", source_endpoint_password="Fleet-Dts-2026",
            destination_endpoint_instance_type="RDS", destination_endpoint_instance_id="rm-fleet0001",
            destination_endpoint_engine_name="MySQL", destination_endpoint_region=_HOME[code],
            destination_endpoint_user_name="dts", destination_endpoint_password="Fleet-Dts-2026",
            db_list='{"orders":{"name":"orders","all":true}}', structure_initialization=True,
            data_initialization=True, data_synchronization=True, opts=c.ali)  # fmt: skip

    return build


def _dts_migration_src_owner(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dts/migrationjob (source_endpoint_owner_id "The Alibaba Cloud account ID to which the source instance
        # belongs", source_endpoint_role)
        return alicloud.dts.MigrationJob(
            "from-partner", dts_instance_id="dtsfleet0002", dts_job_name="orders-in",
            source_endpoint_instance_type="RDS", source_endpoint_instance_id="rm-partner0001",
            source_endpoint_engine_name="MySQL", source_endpoint_region=_HOME[code],
            source_endpoint_owner_id=PARTNER_UID, source_endpoint_role="dts-from-fleet",
            source_endpoint_user_name="dts", source_endpoint_password="Fleet-Dts-2026",
            destination_endpoint_instance_type="RDS", destination_endpoint_instance_id="rm-fleet0001",
            destination_endpoint_engine_name="MySQL", destination_endpoint_region=_HOME[code],
            destination_endpoint_user_name="dts", destination_endpoint_password="Fleet-Dts-2026",
            db_list='{"orders":{"name":"orders","all":true}}', structure_initialization=True,
            data_initialization=True, data_synchronization=False, opts=c.ali)  # fmt: skip

    return build


_SAML = {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}
_OIDC = {"oidc:aud": "sts.aliyuncs.com", "oidc:sub": "system:serviceaccount:fleet:uploader"}


def _es(remote: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: elasticsearch/instance (setting_config "YML configuration file settings for the instance"); Elastic's
        # reindex API ("Reindex from a remote cluster": remote hosts must be listed in `reindex.remote.whitelist`;
        # the cluster connects to them and reads their documents)
        return alicloud.elasticsearch.Instance(
            "search", description="fleet-search", version="7.10_with_X-Pack", vswitch_id="vsw-fleet0001",
            password="Fleet-Es-2026", instance_charge_type="PostPaid", data_node_amount=2,
            data_node_spec="elasticsearch.sn2ne.large", data_node_disk_size=20, data_node_disk_type="cloud_ssd",
            setting_config={"reindex.remote.whitelist": f"{remote}:9200", "action.auto_create_index": "+.*,-*"},
            opts=c.ali)  # fmt: skip

    return build


def _ros_es(code: str, remote: str) -> Build:
    # docs: ROS ALIYUN::ElasticSearch::Instance (VSwitchId, Version, Password, DataNode {Amount, Spec, DiskSize,
    # DiskType}, YMLConfig Map: the instance's YML settings, as the Pulumi instance's `setting_config`)
    es = {"Type": "ALIYUN::ElasticSearch::Instance", "Properties": {
        "VSwitchId": "vsw-fleet0001", "Version": "7.10_with_X-Pack", "Password": "Fleet-Es-2026",
        "DataNode": {"Amount": 2, "Spec": "elasticsearch.sn2ne.large", "DiskSize": 20, "DiskType": "cloud_ssd"},
        "YMLConfig": {"reindex.remote.whitelist": f"{remote}:9200"}}}  # fmt: skip
    return ros_stack(f"search-{code.lower()}", {"Search": es})


def _emr(code: str, items: list[tuple[str, str, str]]) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: emrv2/cluster (application_configs: application_name, config_file_name, config_item_key,
        # config_item_value "The configuration item value of application installed"; node_groups, node_attributes)
        configs: Any = [{"application_name": app, "config_file_name": f"{app.lower()}-site.xml", "config_item_key": key,
                    "config_item_value": value, "config_scope": "CLUSTER"} for app, key, value in items]  # fmt: skip
        return alicloud.emrv2.Cluster(
            "lake", cluster_name="fleet-lake", cluster_type="DATALAKE", release_version="EMR-5.16.0",
            payment_type="PayAsYouGo", deploy_mode="NORMAL", security_mode="NORMAL",
            applications=["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"], application_configs=configs,
            node_attributes=[{"vpc_id": "vpc-fleet0001", "zone_id": f"{_HOME[code]}-b", "security_group_id": "sg-1",
                              "ram_role": "AliyunECSInstanceForEMRRole", "key_pair_name": "fleet"}],
            node_groups=[{"node_group_type": "MASTER", "node_group_name": "master", "node_count": 1,
                          "instance_types": ["ecs.g7.xlarge"], "vswitch_ids": ["vsw-fleet0001"],
                          "system_disk": {"category": "cloud_essd", "size": 80, "count": 1},
                          "data_disks": [{"category": "cloud_essd", "size": 80, "count": 1}]}],
            opts=c.ali)  # fmt: skip

    return build


PARTNER_METASTORE = "metastore.fleet-partner.example.com"


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        c = code.lower()
        p = f"alired57b-{c}"
        out += [(f"{p}-ros-dts-migration2-owner-own", code, _migration2(code, OWN_UID), set(), []),
                (f"{p}-ros-dts-migration2-owner-partner", code, _migration2(code, PARTNER_UID), {"RES-023"}, []),
                (f"{p}-ros-dts-migration2-owner-partner-declared", code, _migration2(code, PARTNER_UID), set(),
                 [PARTNER_DECLARED])]  # fmt: skip
        partner_src = _endpoint("src", code, owner=PARTNER_UID)
        out += [(f"{p}-ros-dts-sync2-src-owner-partner", code, _sync2(code, partner_src, _endpoint("dst", code)),
                 set(), []),
                (f"{p}-dts-sync-src-owner-partner", code, _dts_sync_src_owner(code), set(), []),
                (f"{p}-dts-migration-src-owner-partner", code, _dts_migration_src_owner(code), set(), [])]  # fmt: skip
        saml_partner = _trust(f"acs:ram::{PARTNER_UID}:saml-provider/partner-idp", _SAML)
        oidc_partner = _trust(f"acs:ram::{PARTNER_UID}:oidc-provider/partner-ack", _OIDC)
        saml_own = _trust(f"acs:ram::{OWN_UID}:saml-provider/fleet-idp", _SAML)
        out += [(f"{p}-ros-ram-role-trust-saml-partner-idp", code, _ros_role(code, saml_partner), set(), []),
                (f"{p}-ram-role-trust-oidc-partner-idp", code, _ram_role(oidc_partner), set(), []),
                (f"{p}-ros-ram-role-trust-oidc-partner-idp", code, _ros_role(code, oidc_partner), set(), []),
                (f"{p}-ros-ram-role-trust-saml-own-idp", code, _ros_role(code, saml_own), set(), [])]  # fmt: skip
        out += [(f"{p}-es-reindex-remote-own", code, _es(OWN_ES_ADDRESS), set(), []),
                (f"{p}-es-reindex-remote-partner", code, _es(PARTNER_ES), {"RES-015"}, []),
                (f"{p}-es-reindex-remote-partner-declared", code, _es(PARTNER_ES), set(),
                 [PARTNER_ES_DECLARED]),
                (f"{p}-ros-es-reindex-remote-own", code, _ros_es(code, OWN_ES_ADDRESS), set(), []),
                (f"{p}-ros-es-reindex-remote-partner", code, _ros_es(code, PARTNER_ES), {"RES-015"}, []),
                (f"{p}-ros-es-reindex-remote-partner-declared", code, _ros_es(code, PARTNER_ES), set(),
                 [PARTNER_ES_DECLARED])]  # fmt: skip
        out += [(f"{p}-emr-metastore-jdbc-partner", code,
                 _emr(code, [("HIVE", "javax.jdo.option.ConnectionURL",
                              f"jdbc:mysql://{PARTNER_METASTORE}:3306/hive?createDatabaseIfNotExist=true")]),
                 {"RES-015"}, []),
                (f"{p}-emr-metastore-uris-partner", code,
                 _emr(code, [("HIVE", "hive.metastore.uris", f"thrift://{PARTNER_METASTORE}:9083")]), {"RES-015"}, []),
                (f"{p}-emr-defaultfs-partner", code,
                 _emr(code, [("HADOOP-COMMON", "fs.defaultFS", "hdfs://nn.fleet-partner.example.com:8020")]),
                 {"RES-015"}, []),
                (f"{p}-emr-oss-endpoint-abroad", code,
                 _emr(code, [("HADOOP-COMMON", "fs.oss.endpoint", f"oss-{_ABROAD[code]}-internal.aliyuncs.com")]),
                 {"RES-006"}, []),
                (f"{p}-emr-oss-endpoint-home", code,
                 _emr(code, [("HADOOP-COMMON", "fs.oss.endpoint", f"oss-{_HOME[code]}-internal.aliyuncs.com")]),
                 set(), []),
                (f"{p}-emr-metastore-local", code,
                 _emr(code, [("HIVE", "hive.metastore.uris", "thrift://10.20.1.5:9083"),
                             ("HIVE", "hive.exec.dynamic.partition.mode", "nonstrict"),
                             ("SPARK3", "spark.sql.shuffle.partitions", "200")]), set(), [])]  # fmt: skip
    return out
