"""Alibaba Cloud red team, round 22 (stop 62): what round 21 left open. The ROS twins of the Pulumi types whose phone
fields text another country (a SchedulerX application group's alarm contacts, the DTS change tracking, synchronisation
and migration tasks' alarm numbers), and the ``Fn::GetAtt`` endpoint attributes of the template's own databases other
than ``ALIYUN::RDS::DBInstance`` (an RDS subscription, clone or read-only instance, a PolarDB cluster and its public
endpoint, a Tair (Redis) instance, a MongoDB replica set), read where a platform engineer writes them: an SLS RDS
external store's ``Host``, an ECS instance's user data, a Function Compute function's environment.

Reproduced on the unchanged engine (main 2519f654, docs/residency.md "Alibaba Cloud red team, round 22 (stop 62)"): 36
of 69 programs failed, 12 leaks and 24 false alarms, no wrong rule. Leaks: ``ALIYUN::SchedulerX::AppGroup``
``MonitorContacts`` texting an on-call number in Singapore, ``ALIYUN::DTS::SubscriptionJob2`` / ``SynchronizationJob2``
/ ``MigrationJob2`` ``DelayPhone`` / ``ErrorPhone`` (mainland China numbers only, by the DTS API) in a JP or DE stack
passed every door while each Pulumi twin (pinned beside it) was RES-022. False alarms: the template's own database's
address given by ``Fn::GetAtt`` (or ``${Id.Attribute}`` in ``Fn::Sub``) of an uncatalogued attribute was RES-015. Found
while writing them: a URL whose host is a template Parameter after a userinfo
(``mysql://${DbUser}:${DbPassword}@${DbHost}:3306/``) passed every door (the userinfo hid the variable; without it the
URL was RES-015).

Now each ROS type's phone property is read as its Pulumi twin's (``stack_templates`` ``resources``) and each database
type's address attributes are its own (``template_attributes``): the offending programs are refused under the twin's
rule and the compliant ones (the market's number, the template's own database) pass. What stays open (no ROS type
found: EFLO grant rules, Cloud Connect grants, a DataWorks data source, an OSS inventory, an SLS OSS shipper, a Tair
global instance) is in the docs section.

Ids: ``alired62-<code>-<ros-schedulerx-contacts|schedulerx-contacts>-<own|abroad>``,
``alired62-<code>-<ros-dts-subscription|ros-dts-sync|ros-dts-migration|dts-subscription>-phone``,
``alired62-<code>-ros-rds-store-<prepay|clone|readonly|readonly-id>``,
``alired62-<code>-ros-<polardb-primary|polardb-cluster|polardb-public|redis|mongodb>-<own|partner>``,
``alired62-<code>-ros-polardb-userinfo-<own|parameter>``.

tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, Build, Row, ros_stack

CODES = ("CN", "JP", "DE")
MARKET_NUMBER = {"CN": "+8613800138000", "JP": "+819012345678", "DE": "+4915112345678"}
"""An on-call engineer's mobile number in each market, with its country code: an alarm texted to it stays there."""
ABROAD_NUMBER = "+6581234567"
"""The group's follow-the-sun operations centre in Singapore: outside every market of the table."""
MAINLAND_NUMBER = "13800138000"
"""A mainland China mobile number as DTS takes it ("Only mobile numbers in the Chinese mainland are supported")."""
PARTNER_DB = "db.partner-analytics.com"
"""A partner's database server, reached over the Internet."""


# -- SchedulerX: an application group's alarm contacts ----------------------------------------------------------------


def _contacts(code: str, who: str) -> list[dict[str, str]]:
    return [{"userName": "fleet-oncall", "userPhone": MARKET_NUMBER[code] if who == "own" else ABROAD_NUMBER}]


def _ros_schedulerx(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::SchedulerX::AppGroup (AppName, GroupId, Namespace, NamespaceSource, MaxJobs, MonitorConfig
    # "The monitor configuration in JSON format" {sendChannel sms}, MonitorContacts "The monitor contacts in JSON
    # format", a List of {userName, userPhone}; CreateAppGroup MonitorContactsJson)
    group = {"Type": "ALIYUN::SchedulerX::AppGroup", "Properties": {
        "AppName": "fleet-batch", "GroupId": "fleet.batch", "Namespace": "fleet-ns-0001", "NamespaceName": "fleet",
        "NamespaceSource": "schedulerx",
        "MaxJobs": 100, "AppType": 1, "MonitorConfig": {"sendChannel": "sms"},
        "MonitorContacts": _contacts(code, who)}}  # fmt: skip
    return ros_stack(f"schedulerx-{code.lower()}", {"FleetBatch": group})


def _schedulerx(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: schedulerx/appgroup (app_name, group_id, namespace, namespace_source, max_jobs, monitor_config_json,
        # monitor_contacts_json: a JSON text, [{"userName", "userPhone"}])
        return alicloud.schedulerx.AppGroup(
            "fleet-batch", app_name="fleet-batch", group_id="fleet.batch", namespace="fleet-ns-0001",
            namespace_name="fleet", namespace_source="schedulerx", max_jobs=100, app_type=1,
            monitor_config_json=json.dumps({"sendChannel": "sms"}),
            monitor_contacts_json=json.dumps(_contacts(code, "abroad")), opts=c.ali)  # fmt: skip

    return build


# -- DTS: the alarm numbers of change tracking, synchronisation and migration tasks -----------------------------------


def _endpoint(code: str) -> dict[str, Any]:
    return {"InstanceType": "RDS", "InstanceID": "rm-fleet0001", "EngineName": "MySQL", "Region": ALI_HOME[code],
            "UserName": "dts_reader", "Password": "fleet-dts-password"}  # fmt: skip


def _ros_dts(code: str, kind: str) -> Build:
    # docs: ROS ALIYUN::DTS::SubscriptionJob2 / SynchronizationJob2 / MigrationJob2 (DtsJobName, SourceEndpoint,
    # DbList, DelayNotice, DelayPhone, DelayRuleTime, ErrorNotice, ErrorPhone "The mobile numbers that receive
    # status-related alerts ... Only mobile numbers in the Chinese mainland are supported")
    props: dict[str, Any] = {
        "DtsJobName": f"fleet-{kind}", "SourceEndpoint": _endpoint(code), "DbList": {"fleet": {"name": "fleet"}},
        "DelayNotice": True, "DelayRuleTime": 60, "DelayPhone": MAINLAND_NUMBER, "ErrorNotice": True,
        "ErrorPhone": MAINLAND_NUMBER}  # fmt: skip
    if kind == "subscription":
        kind_type = "ALIYUN::DTS::SubscriptionJob2"
        props["SubscriptionInstance"] = {"NetworkType": "vpc", "VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001"}
    else:
        kind_type = "ALIYUN::DTS::SynchronizationJob2" if kind == "sync" else "ALIYUN::DTS::MigrationJob2"
        props.update({"DestinationEndpoint": {**_endpoint(code), "InstanceID": "rm-fleet0002"},
                      "StructureInitialization": True, "DataInitialization": True,
                      "DataSynchronization": True})  # fmt: skip
    return ros_stack(f"dts-{kind}-{code.lower()}", {"FleetJob": {"Type": kind_type, "Properties": props}})


def _dts_subscription(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dts/subscriptionjob (payment_type, source_endpoint_engine_name, source_endpoint_instance_type,
        # source_endpoint_region, delay_notice, delay_phone, error_notice, error_phone)
        return alicloud.dts.SubscriptionJob(
            "fleet-subscription", payment_type="PayAsYouGo", source_endpoint_engine_name="MySQL",
            source_endpoint_instance_type="RDS", source_endpoint_instance_id="rm-fleet0001",
            source_endpoint_region=ALI_HOME[code], dts_job_name="fleet-subscription",
            db_list='{"fleet":{"name":"fleet"}}',
            delay_notice=True, delay_phone=MAINLAND_NUMBER, delay_rule_time="60", error_notice=True,
            error_phone=MAINLAND_NUMBER, opts=c.ali)  # fmt: skip

    return build


# -- The template's own databases, by their address attributes --------------------------------------------------------


def _rds(code: str, kind: str) -> dict[str, Any]:
    # docs: ROS ALIYUN::RDS::PrepayDBInstance / DBInstanceClone / ReadOnlyDBInstance (Engine, EngineVersion,
    # DBInstanceClass, DBInstanceStorage, VpcId, VSwitchId, SecurityIPList; a clone's DBInstanceId and BackupId, a
    # read-only instance's master DBInstanceId and ZoneId)
    common = {"DBInstanceClass": "mysql.n2.medium.1", "DBInstanceStorage": 50}
    vpc = {"VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "SecurityIPList": "10.20.0.0/16"}
    if kind == "prepay":
        return {"Type": "ALIYUN::RDS::PrepayDBInstance", "Properties": {
            **common, **vpc, "Engine": "MySQL", "EngineVersion": "8.0", "Period": 1,
            "PeriodType": "Month"}}  # fmt: skip
    if kind == "clone":
        return {"Type": "ALIYUN::RDS::DBInstanceClone", "Properties": {
            **common, **vpc, "DBInstanceId": "rm-fleet0001", "BackupType": "FullBackup",
            "BackupId": "fleet-backup-0001", "PayType": "Postpaid"}}  # fmt: skip
    return {"Type": "ALIYUN::RDS::ReadOnlyDBInstance", "Properties": {
        **common, "DBInstanceId": "rm-fleet0001", "EngineVersion": "8.0", "ZoneId": f"{ALI_HOME[code]}-a",
        "VPCId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001"}}  # fmt: skip


def _ros_rds_store(code: str, shape: str) -> Build:
    # docs: ROS ALIYUN::SLS::RdsExternalStore (Project, ExternalStoreName, StoreType rds-vpc, Host "The private or
    # public endpoint of the ApsaraDB RDS for MySQL instance", Port, Username, Password, Db, Table, VpcId, Region):
    # the fleet's vehicle table joined into the project's queries, read from the template's own instance
    kind, _, what = shape.partition("-")
    attribute = {"prepay": "InnerConnectionString", "clone": "InnerConnectionString",
                 "readonly": "ConnectionString"}[kind]  # fmt: skip
    host = {"Fn::GetAtt": ["Dimensions", "DBInstanceId" if what == "id" else attribute]}
    store = {"Type": "ALIYUN::SLS::RdsExternalStore", "Properties": {
        "Project": "fleet-telemetry", "ExternalStoreName": "vehicle_dimensions", "StoreType": "rds-vpc",
        "Host": host, "Port": 3306, "Username": "sls_reader", "Password": "fleet-reader-password",
        "Db": "fleet", "Table": "vehicles", "VpcId": "vpc-fleet0001", "Region": {"Ref": "ALIYUN::Region"}}}  # fmt: skip
    return ros_stack(f"rds-store-{code.lower()}", {"Dimensions": _rds(code, kind), "Vehicles": store})


def _server(user_data: Any) -> dict[str, Any]:
    # docs: ROS ALIYUN::ECS::Instance (ImageId, InstanceType, VpcId, VSwitchId, SecurityGroupId, UserData)
    return {"Type": "ALIYUN::ECS::Instance", "Properties": {
        "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "InstanceType": "ecs.g7.large", "VpcId": "vpc-fleet0001",
        "VSwitchId": "vsw-fleet0001", "SecurityGroupId": "sg-fleet0001", "UserData": user_data}}  # fmt: skip


def _polardb() -> dict[str, Any]:
    # docs: ROS ALIYUN::POLARDB::DBCluster (DBType, DBVersion, DBNodeClass, PayType, VpcId, VSwitchId,
    # SecurityIPList); Fn::GetAtt ClusterConnectionString "The cluster connection string of the db cluster",
    # PrimaryConnectionString "The primary connection string of the db cluster"
    return {"Type": "ALIYUN::POLARDB::DBCluster", "Properties": {
        "DBType": "MySQL", "DBVersion": "8.0", "DBNodeClass": "polar.mysql.x4.large", "PayType": "Postpaid",
        "VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "SecurityIPList": "10.20.0.0/16"}}  # fmt: skip


def _migrate_script(host: str) -> str:
    return ("#!/bin/bash\nset -euo pipefail\n"
            "dnf install -y mysql\n"
            f"mysql -h {host} -P 3306 -u fleet_app -p\"$(cat /etc/fleet/db-password)\" fleet < /opt/fleet/schema.sql\n"
            f"echo \"DATABASE_URL=mysql://{host}:3306/fleet\" > /etc/fleet/app.env\n"
            "systemctl enable --now fleet-app\n")  # fmt: skip


def _ros_polardb(code: str, shape: str) -> Build:
    # The application server's user data (Fn::Sub) loads the schema into the template's own PolarDB cluster by its
    # primary or cluster address, or through its public endpoint address (ALIYUN::POLARDB::DBClusterEndpointAddress
    # ConnectionString "The connection string of the cluster"); the partner twin names a partner's server.
    kind, _, who = shape.rpartition("-")
    resources: dict[str, Any] = {"Fleet": _polardb()}
    if kind == "polardb-public":
        resources["FleetPublic"] = {"Type": "ALIYUN::POLARDB::DBClusterEndpointAddress", "Properties": {
            "DBClusterId": {"Ref": "Fleet"}, "DBEndpointId": "pe-fleet0001", "NetType": "Public",
            "ConnectionStringPrefix": "fleet-public"}}  # fmt: skip
    attribute = {"polardb-primary": "Fleet.PrimaryConnectionString", "polardb-cluster": "Fleet.ClusterConnectionString",
                 "polardb-public": "FleetPublic.ConnectionString"}[kind]  # fmt: skip
    host = PARTNER_DB if who == "partner" else f"${{{attribute}}}"
    resources["App"] = _server({"Fn::Sub": _migrate_script(host)})
    return ros_stack(f"polardb-{code.lower()}", resources)


def _ros_polardb_userinfo(code: str, host: str) -> Build:
    # The same server, its DATABASE_URL carrying the user and password (RFC 3986 userinfo, both template Parameters)
    # before the host: the template's own cluster, or a host the deployer passes as a Parameter.
    script = ("#!/bin/bash\nset -euo pipefail\n"
              f"echo \"DATABASE_URL=mysql://${{DbUser}}:${{DbPassword}}@{host}:3306/fleet\" > /etc/fleet/app.env\n"
              "systemctl enable --now fleet-app\n")  # fmt: skip
    template = {"ROSTemplateFormatVersion": "2015-09-01",
                "Parameters": {"DbUser": {"Type": "String", "Default": "fleet_app"},
                               "DbPassword": {"Type": "String", "NoEcho": True},
                               "DbHost": {"Type": "String", "Description": "the database the server uses"}},
                "Resources": {"Fleet": _polardb(), "App": _server({"Fn::Sub": script})}}  # fmt: skip

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ros/stack (stack_name, template_body, parameters [{parameter_key, parameter_value}])
        return alicloud.ros.Stack(f"polardb-userinfo-{code.lower()}", stack_name=f"polardb-userinfo-{code.lower()}",
                                  template_body=json.dumps(template),
                                  parameters=[{"parameter_key": "DbPassword", "parameter_value": "fleet-db-password"}],
                                  opts=c.ali)  # fmt: skip

    return build


def _ros_redis(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::REDIS::Instance (InstanceClass, EngineVersion, VpcId, VSwitchId, ZoneId); Fn::GetAtt
    # ConnectionDomain "Connection domain of created instance": the session cache the server's user data points at
    cache = {"Type": "ALIYUN::REDIS::Instance", "Properties": {
        "InstanceClass": "redis.master.small.default", "EngineVersion": "7.0", "VpcId": "vpc-fleet0001",
        "VSwitchId": "vsw-fleet0001", "ZoneId": f"{ALI_HOME[code]}-a"}}  # fmt: skip
    host = "cache.partner-analytics.com" if who == "partner" else "${Sessions.ConnectionDomain}"
    script = ("#!/bin/bash\nset -euo pipefail\n"
              f"echo \"REDIS_URL=redis://{host}:6379/0\" >> /etc/fleet/app.env\n"
              f"redis-cli -h {host} -p 6379 ping\n"
              "systemctl restart fleet-app\n")  # fmt: skip
    return ros_stack(f"redis-{code.lower()}", {"Sessions": cache, "App": _server({"Fn::Sub": script})})


def _ros_mongodb(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::MONGODB::Instance (DBInstanceClass, DBInstanceStorage, EngineVersion, VpcId, VSwitchId,
    # ZoneId); Fn::GetAtt ConnectionURI "Connection uri"; ROS ALIYUN::FC3::Function (FunctionName, Runtime, Handler,
    # Code, EnvironmentVariables): the trip archive function writes to the template's own replica set
    mongo = {"Type": "ALIYUN::MONGODB::Instance", "Properties": {
        "DBInstanceClass": "dds.mongo.mid", "DBInstanceStorage": 20, "EngineVersion": "6.0",
        "VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "ZoneId": f"{ALI_HOME[code]}-a"}}  # fmt: skip
    uri: Any = ("mongodb://archive:secret@mongo.partner-analytics.com:3717/trips" if who == "partner"
                else {"Fn::GetAtt": ["Trips", "ConnectionURI"]})  # fmt: skip
    function = {"Type": "ALIYUN::FC3::Function", "Properties": {
        "FunctionName": "trip-archive", "Runtime": "python3.10", "Handler": "index.handler", "MemorySize": 512,
        "Code": {"ZipFile": "def handler(event, context):\n    return 'ok'\n"},
        "EnvironmentVariables": {"MONGODB_URI": uri, "MONGODB_DATABASE": "trips"}}}  # fmt: skip
    return ros_stack(f"mongodb-{code.lower()}", {"Trips": mongo, "Archive": function})


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        p = f"alired62-{code.lower()}"
        # SchedulerX: the market's number passes, Singapore's is refused (RES-022), the Pulumi twin pinned.
        out += [(f"{p}-ros-schedulerx-contacts-own", code, _ros_schedulerx(code, "own"), set(), []),
                (f"{p}-ros-schedulerx-contacts-abroad", code, _ros_schedulerx(code, "abroad"), {"RES-022"}, []),
                (f"{p}-schedulerx-contacts-abroad", code, _schedulerx(code), {"RES-022"}, [])]  # fmt: skip
        # DTS: mainland numbers only, so a JP or DE stack's alarms are texted to mainland China (RES-022), a CN
        # stack's stay home; the Pulumi twin pinned.
        phones = set() if code == "CN" else {"RES-022"}
        out += [(f"{p}-ros-dts-{kind}-phone", code, _ros_dts(code, kind), phones, [])
                for kind in ("subscription", "sync", "migration")]  # fmt: skip
        out += [(f"{p}-dts-subscription-phone", code, _dts_subscription(code), phones, [])]
        # The template's own databases: their address attributes pass; another attribute (an id is no host) and a
        # partner's server stay refused (pinned).
        out += [(f"{p}-ros-rds-store-{shape}", code, _ros_rds_store(code, shape), set(), [])
                for shape in ("prepay", "clone", "readonly")]  # fmt: skip
        out += [(f"{p}-ros-rds-store-readonly-id", code, _ros_rds_store(code, "readonly-id"), {"RES-015"}, [])]
        for kind in ("polardb-primary", "polardb-cluster", "polardb-public"):
            out += [(f"{p}-ros-{kind}-own", code, _ros_polardb(code, f"{kind}-own"), set(), []),
                    (f"{p}-ros-{kind}-partner", code, _ros_polardb(code, f"{kind}-partner"), {"RES-015"},
                     [])]  # fmt: skip
        # A userinfo before the host: the template's own cluster passes (RES-015 before: the user's Parameter was read
        # as the host), a Parameter host is refused (it passed every door before: the userinfo hid it).
        out += [(f"{p}-ros-polardb-userinfo-own", code,
                 _ros_polardb_userinfo(code, "${Fleet.PrimaryConnectionString}"), set(), []),
                (f"{p}-ros-polardb-userinfo-parameter", code, _ros_polardb_userinfo(code, "${DbHost}"), {"RES-015"},
                 [])]  # fmt: skip
        out += [(f"{p}-ros-redis-own", code, _ros_redis(code, "own"), set(), []),
                (f"{p}-ros-redis-partner", code, _ros_redis(code, "partner"), {"RES-015"}, []),
                (f"{p}-ros-mongodb-own", code, _ros_mongodb(code, "own"), set(), []),
                (f"{p}-ros-mongodb-partner", code, _ros_mongodb(code, "partner"), {"RES-015"}, [])]  # fmt: skip
    return out
