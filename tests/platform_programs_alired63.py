"""Alibaba Cloud red team, round 23 (stop 63): what round 22 left open. The address attributes of the template's own
databases that round 22 did not catalogue (an AnalyticDB for MySQL cluster, an AnalyticDB for PostgreSQL instance, its
elastic twin and its public endpoint, a PolarDB-X instance, an RDS instance's extra endpoint), read where a platform
engineer writes them: an ECS server's user data (``Fn::Sub``) and a Function Compute function's environment; and the
Pulumi twins: each type's own address output (``connection_string``, a DB proxy's ``db_proxy_connection_string``)
written into a function's ``DATABASE_URL``.

Reproduced on the unchanged engine (86a0559b, docs/residency.md "Alibaba Cloud red team, round 23 (stop 63)"): 30 of
42 programs failed, all false alarms, no leak and no wrong rule: the template's own database by its ``ConnectionString``
(18: ``ALIYUN::ADB::DBCluster``, ``ALIYUN::GPDB::DBInstance`` / ``ElasticDBInstance`` / ``InstancePublicConnection``,
``ALIYUN::PolarDBX::DBInstance``, ``ALIYUN::RDS::Connection``) was RES-015 at every door, and the program's own public
connection or extra endpoint (12: ``adb.Connection``, ``gpdb.Connection``, ``rds.Connection``,
``rds.DbInstanceEndpoint`` ``connection_string``) at the plan, the pack and the reviews (the guard passed it by its
dependency). Now each attribute is the template's own (``template_attributes``) and each output the resource's own
address (``self_address_outputs``); a partner's server and an id attribute stay refused (pinned).

Examined and found judged already (no row: one-value probes on 86a0559b): the Express Connect Router's VBR / VPC / TR
associations and grants and a transit router's ECR attachment (RES-009 for another Region, RES-023 for another
account), an OSS inventory's destination account, an SLS OSS shipper's bucket, a Tair instance's global instance, a
DataWorks data source's Region, host and cross-account owner, EFLO node groups' and clusters' user data and
invocations' command content (text and Base64). No ROS twin exists for them (the ROS CDK has no
``ros-cdk-expressconnectrouter`` package and ``ros-cdk-cen`` no ECR attachment), and the ROS types
``ALIYUN::MONGODB::ShardingInstance`` and ``ALIYUN::RDS::DBProxy`` give no address attribute at all.

Ids: ``alired63-<code>-ros-<adb|gpdb|gpdb-elastic|gpdb-public|polardbx|rds-connection>-own``,
``alired63-<code>-ros-<adb|gpdb>-partner``, ``alired63-<code>-ros-adb-id``,
``alired63-<code>-<adb-connection|gpdb-connection|rds-connection|rds-endpoint>-own``, ``alired63-<code>-adb-partner``.

tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

import pulumi
import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, Build, Row, ros_stack

CODES = ("CN", "JP", "DE")
PARTNER_DB = "db.partner-analytics.com"
"""A partner's database server, reached over the Internet."""
VPC = {"VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001"}


# -- ROS: the template's own databases, by their address attributes ---------------------------------------------------


def _ros_database(code: str, kind: str) -> tuple[dict[str, Any], str, str]:
    """The database resource, the attribute naming its address, and the URL scheme and port its clients use."""
    zone = f"{ALI_HOME[code]}-a"
    if kind == "adb":
        # docs: ROS ALIYUN::ADB::DBCluster (DBClusterCategory, DBClusterVersion, DBNodeGroupCount, PayType, Mode,
        # ComputeResource, VpcId, VSwitchId, ZoneId); Fn::GetAtt ConnectionString "Vpc connection string"
        return {"Type": "ALIYUN::ADB::DBCluster", "Properties": {
            **VPC, "DBClusterCategory": "MixedStorage", "DBClusterVersion": "3.0", "Mode": "flexible",
            "ComputeResource": "32Core128GBNEW", "PayType": "Postpaid",
            "ZoneId": zone}}, "ConnectionString", "mysql"  # fmt: skip
    if kind in ("gpdb", "gpdb-public"):
        # docs: ROS ALIYUN::GPDB::DBInstance (EngineVersion, DBInstanceClass, DBInstanceGroupCount, PayType, VPCId,
        # VSwitchId, ZoneId, SecurityIPList); Fn::GetAtt ConnectionString "The endpoint of the instance"
        return {"Type": "ALIYUN::GPDB::DBInstance", "Properties": {
            "VPCId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "EngineVersion": "6.0",
            "DBInstanceClass": "gpdb.group.segsdx1", "DBInstanceGroupCount": "4", "PayType": "Postpaid",
            "ZoneId": zone, "SecurityIPList": "10.20.0.0/16"}}, "ConnectionString", "postgres"  # fmt: skip
    if kind == "gpdb-elastic":
        # docs: ROS ALIYUN::GPDB::ElasticDBInstance (EngineVersion, DBInstanceCategory, SegNodeNum, SegStorageType,
        # StorageSize, InstanceSpec, VSwitchId, ZoneId); Fn::GetAtt ConnectionString "The endpoint of the instance"
        return {"Type": "ALIYUN::GPDB::ElasticDBInstance", "Properties": {
            "VSwitchId": "vsw-fleet0001", "EngineVersion": "6.0", "DBInstanceCategory": "HighAvailability",
            "InstanceSpec": "2C16G", "SegNodeNum": 4, "SegStorageType": "cloud_essd", "StorageSize": 100,
            "ZoneId": zone, "SecurityIPList": "10.20.0.0/16"}}, "ConnectionString", "postgres"  # fmt: skip
    if kind == "polardbx":
        # docs: ROS ALIYUN::PolarDBX::DBInstance (DBNodeClass, DBNodeCount, EngineVersion, TopologyType, PayType,
        # PrimaryZone, VPCId, VSwitchId); Fn::GetAtt ConnectionString "Intranet connection string", Port
        return {"Type": "ALIYUN::PolarDBX::DBInstance", "Properties": {
            "VPCId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "DBNodeClass": "polarx.x4.large.2e",
            "DBNodeCount": 2, "EngineVersion": "5.7", "TopologyType": "3azones", "PayType": "POSTPAY",
            "PrimaryZone": zone}}, "ConnectionString", "mysql"  # fmt: skip
    # docs: ROS ALIYUN::RDS::DBInstance (the fleet's instance) and ALIYUN::RDS::Connection ("used to apply for a
    # public endpoint": DBInstanceId, ConnectionStringPrefix, Port); Fn::GetAtt ConnectionString "Connection string"
    return {"Type": "ALIYUN::RDS::DBInstance", "Properties": {
        **VPC, "Engine": "MySQL", "EngineVersion": "8.0", "DBInstanceClass": "mysql.n2.medium.1",
        "DBInstanceStorage": 50, "SecurityIPList": "10.20.0.0/16"}}, "ConnectionString", "mysql"  # fmt: skip


def _server(user_data: Any) -> dict[str, Any]:
    # docs: ROS ALIYUN::ECS::Instance (ImageId, InstanceType, VpcId, VSwitchId, SecurityGroupId, UserData)
    return {"Type": "ALIYUN::ECS::Instance", "Properties": {
        "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "InstanceType": "ecs.g7.large", **VPC,
        "SecurityGroupId": "sg-fleet0001", "UserData": user_data}}  # fmt: skip


def _report_script(scheme: str, host: str) -> str:
    # The reporting server's user data: its dashboard reads the warehouse the template makes.
    port = 5432 if scheme == "postgres" else 3306
    return ("#!/bin/bash\nset -euo pipefail\n"
            f"echo \"WAREHOUSE_URL={scheme}://{host}:{port}/fleet\" > /etc/fleet/reports.env\n"
            "systemctl enable --now fleet-reports\n")  # fmt: skip


def _ros_warehouse(code: str, shape: str) -> Build:
    """An ECS server (``Fn::Sub`` user data) or an FC 3 function (environment, ``Fn::GetAtt``) reading the template's
    own database by its address attribute; ``partner``: a partner's server; ``id``: the cluster's id attribute."""
    kind, _, who = shape.rpartition("-")
    database, attribute, scheme = _ros_database(code, kind)
    resources: dict[str, Any] = {"Warehouse": database}
    logical = "Warehouse"
    if kind == "gpdb-public":
        # docs: ROS ALIYUN::GPDB::InstancePublicConnection (DBInstanceId, ConnectionStringPrefix, Port); Fn::GetAtt
        # ConnectionString "The connection string of the instance"
        resources["WarehousePublic"] = {"Type": "ALIYUN::GPDB::InstancePublicConnection", "Properties": {
            "DBInstanceId": {"Ref": "Warehouse"}, "ConnectionStringPrefix": "fleet-reports", "Port": 5432}}  # fmt: skip
        logical = "WarehousePublic"
    elif kind == "rds-connection":
        resources["WarehousePublic"] = {"Type": "ALIYUN::RDS::Connection", "Properties": {
            "DBInstanceId": {"Ref": "Warehouse"}, "ConnectionStringPrefix": "fleet-reports", "Port": 3306}}  # fmt: skip
        logical = "WarehousePublic"
    if kind in ("gpdb", "polardbx"):
        # The FC 3 function's environment (docs: ROS ALIYUN::FC3::Function EnvironmentVariables): the host by
        # Fn::GetAtt, as a host key's whole value.
        host: Any = PARTNER_DB if who == "partner" else {"Fn::GetAtt": [logical, attribute]}
        resources["Reports"] = {"Type": "ALIYUN::FC3::Function", "Properties": {
            "FunctionName": "fleet-reports", "Runtime": "python3.10", "Handler": "index.handler", "MemorySize": 512,
            "Code": {"ZipFile": "def handler(event, context):\n    return 'ok'\n"},
            "EnvironmentVariables": {"WAREHOUSE_HOST": host,
                                     "WAREHOUSE_PORT": "5432" if scheme == "postgres" else "3306"}}}  # fmt: skip
    else:
        named = {"partner": PARTNER_DB, "id": f"${{{logical}.DBClusterId}}"}.get(who, f"${{{logical}.{attribute}}}")
        resources["Reports"] = _server({"Fn::Sub": _report_script(scheme, named)})
    return ros_stack(f"warehouse-{kind}-{code.lower()}", resources)


# -- Pulumi: the stack's own databases, by their address outputs ------------------------------------------------------


def _function(c: Any, name: str, url: Any) -> object:
    # docs: fc/v3function (function_name, runtime, handler, memory_size, code, environment_variables)
    return alicloud.fc.V3Function(
        name, function_name=f"fleet-{name}", runtime="python3.10", handler="index.handler", memory_size=512,
        timeout=60, code={"zip_file": "UEsDBAoAAAAAAA=="}, environment_variables={"DATABASE_URL": url},
        opts=c.ali)  # fmt: skip


def _pulumi_database(c: Any, code: str, kind: str) -> tuple[pulumi.Output[str], str]:
    """The program's own database's address output and its URL scheme."""
    if kind in ("adb", "adb-connection"):
        # docs: adb/dbcluster (db_cluster_category, mode, compute_resource, payment_type, vswitch_id; output
        # connection_string "The connection string of the ADB cluster"), adb/connection (db_cluster_id,
        # connection_prefix; output connection_string "Connection cluster string")
        cluster = alicloud.adb.DBCluster(
            "warehouse", db_cluster_category="MixedStorage", db_cluster_version="3.0", mode="flexible",
            compute_resource="32Core128GBNEW", payment_type="PayAsYouGo", vswitch_id="vsw-fleet0001",
            description="fleet warehouse", opts=c.ali)  # fmt: skip
        if kind == "adb":
            return cluster.connection_string, "mysql"
        public = alicloud.adb.Connection("warehouse", db_cluster_id=cluster.id, connection_prefix="fleet-reports",
                                         opts=c.ali)  # fmt: skip
        return public.connection_string, "mysql"
    if kind in ("gpdb", "gpdb-connection"):
        # docs: gpdb/instance (engine, engine_version, db_instance_category, db_instance_mode, instance_spec,
        # seg_node_num, seg_storage_type, storage_size, vswitch_id; output connection_string), gpdb/connection
        # (instance_id, connection_prefix, port; output connection_string)
        instance = alicloud.gpdb.Instance(
            "warehouse", engine="gpdb", engine_version="6.0", db_instance_category="HighAvailability",
            db_instance_mode="StorageElastic", instance_spec="2C16G", seg_node_num=4, seg_storage_type="cloud_essd",
            storage_size=50, payment_type="PayAsYouGo", vswitch_id="vsw-fleet0001", vpc_id="vpc-fleet0001",
            zone_id=f"{ALI_HOME[code]}-a", description="fleet warehouse", opts=c.ali)  # fmt: skip
        if kind == "gpdb":
            return instance.connection_string, "postgres"
        gp_public = alicloud.gpdb.Connection("warehouse", instance_id=instance.id, connection_prefix="fleet-reports",
                                             port="5432", opts=c.ali)  # fmt: skip
        return gp_public.connection_string, "postgres"
    # docs: rds/instance, rds/rdsdbproxy (instance_id, instance_network_type, db_proxy_instance_num, vpc_id,
    # vswitch_id; output db_proxy_connection_string "Dbproxy connection string"), rds/connection (instance_id,
    # connection_prefix; output connection_string), rds/dbinstanceendpoint (db_instance_id, vpc_id, vswitch_id,
    # connection_string_prefix, port, node_items; output connection_string)
    db = alicloud.rds.Instance("trips", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.1",
                               instance_storage=50, instance_charge_type="Postpaid", vswitch_id="vsw-fleet0001",
                               security_ips=["10.20.0.0/16"], db_instance_storage_type="cloud_essd",
                               opts=c.ali)  # fmt: skip
    if kind == "rds-proxy":
        proxy = alicloud.rds.RdsDbProxy("trips", instance_id=db.id, instance_network_type="VPC",
                                        db_proxy_instance_num=2, vpc_id="vpc-fleet0001",
                                        vswitch_id="vsw-fleet0001", opts=c.ali)  # fmt: skip
        return proxy.db_proxy_connection_string, "mysql"
    if kind == "rds-connection":
        rds_public = alicloud.rds.Connection("trips", instance_id=db.id, connection_prefix="fleet-trips", port="3306",
                                             opts=c.ali)  # fmt: skip
        return rds_public.connection_string, "mysql"
    endpoint = alicloud.rds.DbInstanceEndpoint(
        "trips-read", db_instance_id=db.id, vpc_id="vpc-fleet0001", vswitch_id="vsw-fleet0001",
        connection_string_prefix="fleet-trips-read", port="3306", db_instance_endpoint_description="reports",
        node_items=[{"node_id": "rn-fleet0001", "weight": 25}], opts=c.ali)  # fmt: skip
    return endpoint.connection_string, "mysql"


def _pulumi_warehouse(code: str, kind: str, who: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        host, scheme = _pulumi_database(c, code, kind)
        port = 5432 if scheme == "postgres" else 3306
        url: Any = (f"{scheme}://{PARTNER_DB}:{port}/fleet" if who == "partner"
                    else host.apply(lambda h: f"{scheme}://{h}:{port}/fleet"))  # fmt: skip
        return _function(c, "reports", url)

    return build


ROS_KINDS = ("adb", "gpdb", "gpdb-elastic", "gpdb-public", "polardbx", "rds-connection")
PULUMI_KINDS = ("adb-connection", "gpdb-connection", "rds-connection", "rds-endpoint")
"""The Pulumi twins that failed: a public connection or extra endpoint whose host is the program's prefix. The cluster's
and instance's own ``connection_string`` (and the DB proxy's) carry the resource's id and passed before (not rows)."""


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        p = f"alired63-{code.lower()}"
        out += [(f"{p}-ros-{kind}-own", code, _ros_warehouse(code, f"{kind}-own"), set(), []) for kind in ROS_KINDS]
        out += [(f"{p}-ros-adb-partner", code, _ros_warehouse(code, "adb-partner"), {"RES-015"}, []),
                (f"{p}-ros-gpdb-partner", code, _ros_warehouse(code, "gpdb-partner"), {"RES-015"}, []),
                (f"{p}-ros-adb-id", code, _ros_warehouse(code, "adb-id"), {"RES-015"}, [])]  # fmt: skip
        out += [(f"{p}-{kind}-own", code, _pulumi_warehouse(code, kind, "own"), set(), []) for kind in PULUMI_KINDS]
        out += [(f"{p}-adb-partner", code, _pulumi_warehouse(code, "adb", "partner"), {"RES-015"}, [])]
    return out
