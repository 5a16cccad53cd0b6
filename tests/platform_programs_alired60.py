"""Alibaba Cloud red team, round 20 (stop 60): the ROS twins of Pulumi types whose catalogue entries name a written
account, an OSS bucket, a network joined or a phone number, where the ROS form was left unread: a Container Registry
sync rule to another account and a registry instance's custom bucket, SLS ETL (EtlV2) sinks, an SLS OSS export and
alert notifications, Function Compute 3 and SAE OSS mounts, a transit router joining another account's CEN and a grant
to it, DTS task alarms, Resource Center delivery and sharing, and a CPFS data flow's bucket.

Reproduced on the unchanged engine (main 0183f733, docs/residency.md "Alibaba Cloud red team, round 20 (stop 60)"):
42 of 114 programs failed. 39 leaks: every offending ROS program here passed every door in CN, JP and DE while its
Pulumi twin (pinned beside it for three types) was refused: ``ALIYUN::CR::RepoSyncRule`` ``TargetUserId`` of a partner
(RES-023 on ``cs.RegistryEnterpriseSyncRule``), ``ALIYUN::CR::InstanceV2`` ``CustomOssBucket`` (RES-017),
``ALIYUN::SLS::EtlV2`` a sink's ``RoleArn`` (RES-023), ``ALIYUN::SLS::OssExport`` ``Sink.Bucket`` / ``Sink.RoleArn``
(RES-017 / RES-023), ``ALIYUN::SLS::Alert`` an SMS ``MobileList`` number without country code (RES-022),
``ALIYUN::FC3::Function`` / ``ALIYUN::SAE::Application`` an OSS mount's bucket (RES-017), ``ALIYUN::CEN::TransitRouter``
joining a partner's CEN (RES-017), ``ALIYUN::CEN::TransitRouterGrantAttachment`` ``CenOwnerId`` (RES-023),
``ALIYUN::DTS::JobMonitorRule`` ``Phones`` (RES-022), ``ALIYUN::ResourceManager::DeliveryChannel`` a partner's
Logstore and ``ALIYUN::ResourceManager::SharedTarget`` a partner account (RES-023). 3 false alarms: an
``ALIYUN::NAS::DataFlow``'s ``SourceStorage`` bucket was RES-017 in a template (an ``oss://`` text) while the Pulumi
``nas.DataFlow`` passes (CreateDataFlow refuses a bucket in another Region: ``same_region_buckets``). No wrong rule.

Now each ROS type is read as its Pulumi twin (``stack_templates`` ``resources``), so each offending template is refused
under the twin's rule and its compliant twin (the stack's own account, the template's own bucket or CEN, a number with
the market's country code, the partner declared) passes. A grant to the group's CEN declares the CEN by its id (as
alired43's rows), so what remains is the account it names; an OSS export offends by its bucket or by its role, one
at a time (a sink naming both gives RES-017 at the guard and RES-017 with RES-023 at the plan: left open).

Ids: ``alired60-<code>-<ros-cr-sync|ros-etl-sink|ros-delivery|ros-shared-target|ros-oss-export-role>-<own|partner|
partner-declared>`` (``account_rows``), ``alired60-<code>-ros-<oss-export|cr-instance|fc3-mount|sae-mount|
transit-router|dts-monitor|sls-alert>-<own|partner>``, ``alired60-<code>-ros-cen-grant-<own|partner|
partner-declared>``, the pinned Pulumi twins ``alired60-<code>-<cr-sync|oss-export|dts-monitor>-partner`` and
``-dts-monitor-own``, and ``alired60-<code>-<nas-dataflow|ros-nas-dataflow>``.

tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, account_rows, ros_stack

CODES = ("CN", "JP", "DE")
MARKET_NUMBER = {"CN": "+8613800138000", "JP": "+819012345678", "DE": "+4915112345678"}
"""An operator's mobile number in each market, with its country code: an alarm texted to it stays in the market."""
NATIONAL_NUMBER = "13800138000"
"""An operator's mobile number written without a country code (which country's it is, nothing in the stack says)."""
GROUP_DECLARED: dict[str, Any] = {
    "id": "group-shared-services", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the group's shared-services account; its contract keeps its registries and logs in the market",
}  # fmt: skip
PARTNER_BUCKET = "fleet-partner-archive"
"""A partner's OSS bucket (the stack does not make it: its owner and Region are not proven)."""
PARTNER_CEN = "cen-partner0hub0001"
"""The group hub's CEN instance, made by another account's stack."""
CEN_DECLARED: dict[str, Any] = {
    "id": "group-network-hub", "kind": "resident", "match": PARTNER_CEN,
    "evidence": "the group's network hub CEN, with transit routers in the market's regions only",
}  # fmt: skip


def _uid(who: str) -> str:
    return OWN_UID if who == "own" else PARTNER_UID


# -- Container Registry: a sync rule to another account's instance (ROS and Pulumi) ----------------------------------


def _ros_cr_sync(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::CR::RepoSyncRule (InstanceId, NamespaceName, SyncRuleName, SyncScope, SyncTrigger,
    # TargetInstanceId, TargetNamespaceName, TargetRegionId, TargetUserId "The UID of the account to which the target
    # instance belongs"): every image pushed to the namespace is copied to the target instance
    rule = {"Type": "ALIYUN::CR::RepoSyncRule", "Properties": {
        "InstanceId": "cri-fleet0001", "NamespaceName": "fleet", "SyncRuleName": "to-group", "SyncScope": "NAMESPACE",
        "SyncTrigger": "PASSIVE", "TargetInstanceId": "cri-group0001", "TargetNamespaceName": "fleet",
        "TargetRegionId": ALI_HOME[code], "TargetUserId": _uid(who)}}  # fmt: skip
    return ros_stack(f"cr-sync-{code.lower()}", {"SyncToGroup": rule})


def _cr_sync(code: str, who: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: cs/registryenterprisesyncrule (instance_id, namespace_name, sync_rule_name, tag_filter,
        # target_instance_id, target_namespace_name, target_region_id, target_user_id "The UID of the account to which
        # the target instance belongs")
        return alicloud.cs.RegistryEnterpriseSyncRule(
            "to-group", instance_id="cri-fleet0001", namespace_name="fleet", sync_rule_name="to-group",
            tag_filter=".*", target_instance_id="cri-group0001", target_namespace_name="fleet",
            target_region_id=ALI_HOME[code], target_user_id=_uid(who), opts=c.ali)  # fmt: skip

    return build


# -- SLS: an ETL job (EtlV2) whose sink writes with another account's role --------------------------------------------


def _ros_etl(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::SLS::EtlV2 (Project, Name, DisplayName, Configuration {Script, Lang, Logstore, RoleArn, Sinks
    # [{Name, Project, Logstore, Endpoint, RoleArn "the role ... to write data to the destination Logstore",
    # Datasets}]}); CreateETL's configuration
    sink = {"Name": "group", "Project": "group-telemetry", "Logstore": "trips",
            "Endpoint": f"{ALI_HOME[code]}-intranet.log.aliyuncs.com",
            "RoleArn": f"acs:ram::{_uid(who)}:role/aliyunlogetlrole", "Datasets": ["__UNNAMED__"]}  # fmt: skip
    etl = {"Type": "ALIYUN::SLS::EtlV2", "Properties": {
        "Project": "fleet-telemetry", "Name": "trips-to-group", "DisplayName": "trips to the group",
        "Configuration": {"Script": "e_drop_fields('vin')", "Lang": "SPL", "Logstore": "trips",
                          "RoleArn": f"acs:ram::{OWN_UID}:role/aliyunlogetlrole", "Sinks": [sink]}}}  # fmt: skip
    return ros_stack(f"etl-{code.lower()}", {"TripsToGroup": etl})


# -- Resource Center: a delivery channel to another account's Logstore, a share with another account ---------------


def _ros_delivery(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::ResourceManager::DeliveryChannel (DeliveryChannelName, DeliveryChannelFilter {ResourceTypes},
    # ResourceChangeDelivery {TargetArn "The ARN of the delivery destination", SlsProperties}): every change of the
    # account's resources' configuration is delivered there
    channel = {"Type": "ALIYUN::ResourceManager::DeliveryChannel", "Properties": {
        "DeliveryChannelName": "config-changes", "DeliveryChannelFilter": {"ResourceTypes": ["ACS::ECS::Instance"]},
        "ResourceChangeDelivery": {
            "TargetArn": f"acs:log:{ALI_HOME[code]}:{_uid(who)}:project/config-audit/logstore/changes"}}}  # fmt: skip
    return ros_stack(f"delivery-{code.lower()}", {"Changes": channel})


def _ros_shared_target(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::ResourceManager::SharedTarget (ResourceShareId, TargetId "The ID of the shared target": a member
    # account given the share's resources)
    target = {"Type": "ALIYUN::ResourceManager::SharedTarget",
              "Properties": {"ResourceShareId": "rs-fleet0001", "TargetId": _uid(who)}}  # fmt: skip
    return ros_stack(f"shared-target-{code.lower()}", {"GroupTarget": target})


# -- OSS buckets a template's resource writes into ------------------------------------------------------------------


def _own_bucket(code: str) -> dict[str, Any]:
    # docs: ROS ALIYUN::OSS::Bucket (BucketName): the template's own bucket, in the stack's Region
    return {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": f"fleet-archive-{code.lower()}"}}


def _bucket(code: str, who: str) -> Any:
    return {"Fn::GetAtt": ["Archive", "Name"]} if who == "own" else PARTNER_BUCKET


def _with_bucket(name: str, code: str, who: str, resources: dict[str, Any]) -> Build:
    own = {"Archive": _own_bucket(code)} if who == "own" else {}
    return ros_stack(f"{name}-{code.lower()}", {**own, **resources})


def _ros_oss_export(code: str, who: str, role: str = "own") -> Build:
    # docs: ROS ALIYUN::SLS::OssExport (ProjectName, ExportName, DisplayName, Configuration {Logstore, RoleArn, Sink
    # {Bucket, Endpoint, RoleArn "the RAM role that is used to write data to OSS", Prefix, PathFormat, ContentType,
    # BufferInterval, BufferSize, TimeZone}}): the Logstore's logs shipped into the bucket
    sink = {"Bucket": _bucket(code, who), "Endpoint": f"https://oss-{ALI_HOME[code]}-internal.aliyuncs.com",
            "RoleArn": f"acs:ram::{_uid(role)}:role/aliyunlogdefaultrole", "Prefix": "trips/",
            "PathFormat": "%Y/%m/%d/%H/%M", "ContentType": "json", "BufferInterval": 300, "BufferSize": 256,
            "TimeZone": "+0800"}  # fmt: skip
    export = {"Type": "ALIYUN::SLS::OssExport", "Properties": {
        "ProjectName": "fleet-telemetry", "ExportName": "trips-archive", "DisplayName": "trips archive",
        "Configuration": {"Logstore": "trips", "RoleArn": f"acs:ram::{OWN_UID}:role/aliyunlogdefaultrole",
                          "Sink": sink}}}  # fmt: skip
    return _with_bucket("oss-export", code, who, {"TripsArchive": export})


def _ros_oss_export_role(code: str, who: str) -> Build:
    """The template's own bucket written with the role ``who`` gives (across accounts, the bucket owner's
    AliyunLogDefaultRole: SLS "Ship data across Alibaba Cloud accounts")."""
    return _ros_oss_export(code, "own", role=who)


def _oss_export(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: sls/ossexportsink (project, job_name, display_name, configuration {logstore, role_arn, sink {bucket,
        # endpoint, role_arn, prefix, path_format, content_type, buffer_interval, buffer_size, time_zone}})
        sink = {"bucket": PARTNER_BUCKET, "endpoint": f"https://oss-{ALI_HOME[code]}-internal.aliyuncs.com",
                "role_arn": f"acs:ram::{OWN_UID}:role/aliyunlogdefaultrole", "prefix": "trips/",
                "path_format": "%Y/%m/%d/%H/%M", "content_type": "json", "buffer_interval": "300",
                "buffer_size": "256", "time_zone": "+0800"}  # fmt: skip
        configuration: Any = {"logstore": "trips", "role_arn": f"acs:ram::{OWN_UID}:role/aliyunlogdefaultrole",
                              "sink": sink}  # fmt: skip
        return alicloud.sls.OssExportSink("trips-archive", project="fleet-telemetry", job_name="trips-archive",
                                          display_name="trips archive", configuration=configuration,
                                          opts=c.ali)  # fmt: skip

    return build


def _ros_cr_instance(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::CR::InstanceV2 (InstanceName, InstanceType, PaymentType, DefaultOssBucket "false" with
    # CustomOssBucket "The name of the custom OSS bucket": every image pushed to the registry is stored there)
    registry = {"Type": "ALIYUN::CR::InstanceV2", "Properties": {
        "InstanceName": "fleet-registry", "InstanceType": "Standard", "PaymentType": "Subscription", "Period": 12,
        "DefaultOssBucket": "false", "CustomOssBucket": _bucket(code, who)}}  # fmt: skip
    return _with_bucket("registry", code, who, {"Registry": registry})


def _ros_fc3_mount(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::FC3::Function (FunctionName, Handler, Runtime, Code, OssMountConfig {MountPoints [{BucketName,
    # BucketPath, Endpoint, MountDir, ReadOnly}]}): the function reads and writes the bucket as a directory
    function = {"Type": "ALIYUN::FC3::Function", "Properties": {
        "FunctionName": "trip-compactor", "Handler": "index.handler", "Runtime": "python3.10", "MemorySize": 512,
        "Code": {"ZipFile": "def handler(event, context):\n    return 'ok'\n"},
        "OssMountConfig": {"MountPoints": [{
            "BucketName": _bucket(code, who), "BucketPath": "/trips", "MountDir": "/mnt/trips", "ReadOnly": False,
            "Endpoint": f"http://oss-{ALI_HOME[code]}-internal.aliyuncs.com"}]}}}  # fmt: skip
    return _with_bucket("fc3-mount", code, who, {"Compactor": function})


def _ros_sae_mount(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::SAE::Application (AppName, NamespaceId, PackageType, ImageUrl, Replicas, Cpu, Memory,
    # OssMountDescs [{bucketName, bucketPath, mountPath, readOnly}], OssAkId, OssAkSecret): the application's OSS mount
    app = {"Type": "ALIYUN::SAE::Application", "Properties": {
        "AppName": "trip-api", "NamespaceId": f"{ALI_HOME[code]}:fleet", "PackageType": "Image", "Replicas": 2,
        "ImageUrl": f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet/trip-api:2.1", "Cpu": 1000, "Memory": 2048,
        "OssAkId": "LTAI5tFleetMountKey", "OssAkSecret": "fleet-mount-secret",
        "OssMountDescs": [{"bucketName": _bucket(code, who), "bucketPath": "/exports", "mountPath": "/mnt/exports",
                           "readOnly": False}]}}  # fmt: skip
    return _with_bucket("sae-mount", code, who, {"TripApi": app})


# -- CEN: a transit router joining another account's network, a grant to it ----------------------------------------


def _ros_transit_router(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::CEN::TransitRouter (CenId "The ID of the CEN instance", TransitRouterName); ALIYUN::CEN::
    # CenInstance (CenInstanceName): the template's own network, by Ref
    router = {"Type": "ALIYUN::CEN::TransitRouter", "Properties": {
        "CenId": {"Ref": "Network"} if who == "own" else PARTNER_CEN, "TransitRouterName": "fleet"}}  # fmt: skip
    own = {"Network": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "fleet"}}} if who == "own" else {}
    return ros_stack(f"transit-router-{code.lower()}", {**own, "Router": router})


def _ros_cen_grant(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::CEN::TransitRouterGrantAttachment (CenId, CenOwnerId "The ID of the Alibaba Cloud account to
    # which the CEN instance belongs", InstanceId, InstanceType VPC): the stack's VPC granted to that network
    grant = {"Type": "ALIYUN::CEN::TransitRouterGrantAttachment", "Properties": {
        "CenId": {"Ref": "Network"} if who == "own" else PARTNER_CEN, "CenOwnerId": _uid(who),
        "InstanceId": "vpc-fleet0001", "InstanceType": "VPC", "OrderType": "PayByResourceOwner"}}  # fmt: skip
    own = {"Network": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "fleet"}}} if who == "own" else {}
    return ros_stack(f"cen-grant-{code.lower()}", {**own, "Grant": grant})


# -- Phone numbers the alarms are texted to -------------------------------------------------------------------------


def _number(code: str, who: str) -> str:
    return MARKET_NUMBER[code] if who == "own" else NATIONAL_NUMBER


def _ros_dts_monitor(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::DTS::JobMonitorRule (DtsJobId, Type delay | error, DelayRuleTime, State, Phones "The mobile
    # numbers that receive the alarm"); pulumi-alicloud dts/jobmonitorrule `phone` (the same numbers, comma-separated)
    rule = {"Type": "ALIYUN::DTS::JobMonitorRule", "Properties": {
        "DtsJobId": "dtsfleet0sync01", "Type": "delay", "DelayRuleTime": 300, "State": "Y",
        "Phones": [_number(code, who)]}}  # fmt: skip
    return ros_stack(f"dts-monitor-{code.lower()}", {"SyncDelay": rule})


def _dts_monitor(code: str, who: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: dts/jobmonitorrule (dts_job_id, type, delay_rule_time, state, phone)
        return alicloud.dts.JobMonitorRule("sync-delay", dts_job_id="dtsfleet0sync01", type="delay",
                                           delay_rule_time="300", state="Y", phone=_number(code, who),
                                           opts=c.ali)  # fmt: skip

    return build


def _ros_sls_alert(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::SLS::Alert (Project, Detail {Name, DisplayName, Schedule, Configuration {QueryList, Condition,
    # Dashboard, NotificationList [{Type SMS, MobileList, Content}]}})
    alert = {"Type": "ALIYUN::SLS::Alert", "Properties": {"Project": "fleet-telemetry", "Detail": {
        "Name": "ingest-errors", "DisplayName": "ingest errors", "Schedule": {"Type": "FixedRate", "Interval": "5m"},
        "Configuration": {
            "Condition": "errors > 100", "Dashboard": "ingest",
            "QueryList": [{"LogStore": "ingest", "Query": "level: ERROR | select count(*) as errors",
                           "Start": "-5m", "End": "now", "TimeSpanType": "Custom", "ChartTitle": "errors"}],
            "NotificationList": [{"Type": "SMS", "MobileList": [_number(code, who)],
                                  "Content": "ingest errors: ${errors}"}]}}}}  # fmt: skip
    return ros_stack(f"sls-alert-{code.lower()}", {"IngestErrors": alert})


# -- A CPFS data flow's OSS bucket (a false alarm in ROS) ----------------------------------------------------------


def _nas_dataflow(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: nas/dataflow (file_system_id, fset_id, source_storage "oss://<bucket>", throughput); CreateDataFlow:
        # the OSS bucket must be in the file system's Region (cross-Region data flows are not supported)
        return alicloud.nas.DataFlow("training-data", file_system_id="cpfs-fleet0001", fset_id="fset-fleet0001",
                                     source_storage="oss://fleet-training-data", throughput=600,
                                     opts=c.ali)  # fmt: skip

    return build


def _ros_nas_dataflow(code: str) -> Build:
    # docs: ROS ALIYUN::NAS::DataFlow (FileSystemId, FsetId, SourceStorage "oss://<bucket>", Throughput)
    flow = {"Type": "ALIYUN::NAS::DataFlow", "Properties": {
        "FileSystemId": "cpfs-fleet0001", "FsetId": "fset-fleet0001", "SourceStorage": "oss://fleet-training-data",
        "Throughput": 600}}  # fmt: skip
    return ros_stack(f"dataflow-{code.lower()}", {"TrainingData": flow})


# -- A CloudMonitor site monitor's detection point naming a carrier and no city: Pulumi and ROS ----------------------

PROBES_DECLARED: dict[str, Any] = {
    "id": "portal-probes", "kind": "resident", "match": "alicloud-cms-site-monitor-probe-cities",
    "evidence": "DescribeSiteMonitorISPCityList: the detection points the task uses are in the market",
}  # fmt: skip
CARRIER_ONLY = [{"isp": "465"}]
"""A detection point naming its carrier (465) and no city: which city CloudMonitor probes from is not documented."""


def _health_url(code: str) -> str:
    return f"https://fleet-portal.oss-{ALI_HOME[code]}.aliyuncs.com/health"


def _site_monitor(code: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: cms/sitemonitor (address, task_name, task_type, interval, isp_cities [{city, isp, type}]: city and isp
        # optional each; "If this parameter is not specified, three detection points will be chosen randomly")
        isp_cities: Any = CARRIER_ONLY
        return alicloud.cms.SiteMonitor("portal-health", address=_health_url(code), task_name="portal_health",
                                        task_type="HTTP", interval="5", isp_cities=isp_cities, opts=c.ali)  # fmt: skip

    return build


def _ros_site_monitor(code: str) -> Build:
    # docs: ROS ALIYUN::CMS::SiteMonitor (Address, TaskName, TaskType, Interval, IspCities [{Isp, City}])
    props = {"Address": _health_url(code), "TaskName": "portal_health", "TaskType": "HTTP", "Interval": 5,
             "IspCities": [{"Isp": p["isp"]} for p in CARRIER_ONLY]}  # fmt: skip
    return ros_stack(f"site-monitor-{code.lower()}", {"PortalHealth": {"Type": "ALIYUN::CMS::SiteMonitor",
                                                                       "Properties": props}})  # fmt: skip


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out = account_rows(
        "alired60",
        {"ros-cr-sync": _ros_cr_sync, "ros-etl-sink": _ros_etl, "ros-delivery": _ros_delivery,
         "ros-shared-target": _ros_shared_target, "ros-oss-export-role": _ros_oss_export_role},
        CODES, GROUP_DECLARED,
    )  # fmt: skip
    for code in CODES:
        p = f"alired60-{code.lower()}"
        # Pinned: the Pulumi twins refused before and after.
        out += [(f"{p}-cr-sync-partner", code, _cr_sync(code, "partner"), {"RES-023"}, []),
                (f"{p}-oss-export-partner", code, _oss_export(code), {"RES-017"}, []),
                (f"{p}-dts-monitor-partner", code, _dts_monitor(code, "partner"), {"RES-022"}, []),
                (f"{p}-dts-monitor-own", code, _dts_monitor(code, "own"), set(), [])]  # fmt: skip
        kinds = {"oss-export": (_ros_oss_export, "RES-017"), "cr-instance": (_ros_cr_instance, "RES-017"),
                 "fc3-mount": (_ros_fc3_mount, "RES-017"), "sae-mount": (_ros_sae_mount, "RES-017"),
                 "transit-router": (_ros_transit_router, "RES-017"), "dts-monitor": (_ros_dts_monitor, "RES-022"),
                 "sls-alert": (_ros_sls_alert, "RES-022")}  # fmt: skip
        for kind, (make, refused) in kinds.items():
            out += [(f"{p}-ros-{kind}-own", code, make(code, "own"), set(), []),
                    (f"{p}-ros-{kind}-partner", code, make(code, "partner"), {refused}, [])]  # fmt: skip
        # A grant to the group hub's CEN, declared by its id (the transit router rows judge an undeclared one): what
        # remains is the account the grant names.
        out += [(f"{p}-ros-cen-grant-own", code, _ros_cen_grant(code, "own"), set(), []),
                (f"{p}-ros-cen-grant-partner", code, _ros_cen_grant(code, "partner"), {"RES-023"}, [CEN_DECLARED]),
                (f"{p}-ros-cen-grant-partner-declared", code, _ros_cen_grant(code, "partner"), set(),
                 [CEN_DECLARED, GROUP_DECLARED])]  # fmt: skip
        # A detection point with a carrier and no city: the Pulumi monitor as its ROS twin (RES-016, declarable).
        out += [(f"{p}-site-monitor-carrier-only", code, _site_monitor(code), {"RES-016"}, []),
                (f"{p}-site-monitor-carrier-only-declared", code, _site_monitor(code), set(), [PROBES_DECLARED]),
                (f"{p}-ros-site-monitor-carrier-only", code, _ros_site_monitor(code), {"RES-016"}, [])]  # fmt: skip
        out += [(f"{p}-nas-dataflow", code, _nas_dataflow(code), set(), []),
                (f"{p}-ros-nas-dataflow", code, _ros_nas_dataflow(code), set(), [])]  # fmt: skip
    return out
