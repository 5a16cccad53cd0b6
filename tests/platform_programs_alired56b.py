"""Alibaba Cloud red team, round 15 (stop 56): ROS twins of DTS synchronisation, CloudMonitor event-rule targets and a
RAM role's trust policy; a global group id (a PolarDB GDN, a CEN) given by ``Ref`` to a template Parameter.

Reproduced on the unchanged engine (main 1ae99877, docs/residency.md "Alibaba Cloud red team, round 15 (stop 56)"): a
ROS ``ALIYUN::DTS::SynchronizationJob`` whose ``DestinationEndpoint`` is a partner's self-managed database by ``IP``
passed every door in CN, JP and DE, where its Pulumi twin (dts.SynchronizationJob ``destination_endpoint_ip``) is
RES-015 (3 leaks); a RAM role trusted by the account's own SAML identity provider, with RAM's documented
``saml:recipient`` condition (``https://signin.aliyun.com/saml-role/sso``), was RES-016 in a template and in Pulumi (6
false alarms). Pinned as they were: ROS DTS jobs and CloudMonitor event-rule targets (Function Compute, MNS) at home
(pass) and abroad (RES-009; cn-hongkong is not mainland China), a CloudMonitor webhook, an ARMS alert robot, an ARMS
remote write and a CloudMonitor DingTalk webhook to a partner (RES-015, declared: pass), a RAM role trusting another
account in ROS and Pulumi (RES-023, declared: pass), a PolarDB ``GDNId`` and a CEN ``CenId`` given by ``Ref`` to a
Parameter whose Default is a literal id, or given that id by the ros.Stack (RES-017, declared: pass), the aliyun CLI's
cross-Region copies (``cms PutEventRuleTargets --FcParameters.1.Region``, ``dds ModifyBackupPolicy --DestRegion``,
``rds ModifyInstanceCrossBackupPolicy``, ``cr CreateRepoSyncRule``, ``dts CreateDtsInstance``: RES-009 abroad; ``sls
CreateETL`` with a sink endpoint of another Region: RES-006) and polardb.BackupPolicy's cross-Region log backups.

Now the ROS job's ``DestinationEndpoint.IP`` is judged as the Pulumi ``destination_endpoint_ip`` (a ``stack_templates``
path), and ``saml:recipient`` is a match key (compared with the assertion's Recipient, never contacted).

Ids: ``alired56b-<code>-ros-dts-sync-<home|abroad>``, ``alired56b-<code>-ros-cms-<fc|mns>-<home|abroad>``,
``alired56b-<code>-ros-cms-webhook-<partner|partner-declared>``, ``alired56b-<code>-<ros-ram-role|ram-role>-trust-<own|
partner|partner-declared|idp-own>``, ``alired56b-<code>-ros-<polardb-gdn|cen>-param-<partner|partner-declared|
given-partner>``, ``alired56b-<code>-cli-<cms-fc|cms-mns|dds-cross-backup|rds-cross-backup|cr-sync-rule|dts-instance|
sls-etl>-<home|abroad>``, ``alired56b-<code>-polardb-log-backup-abroad``, ``alired56b-cn-polardb-log-backup-home``,
``alired56b-<code>-<arms-alert-robot|arms-remote-write|cms-contact-webhook|dts-sync-ip|ros-dts-sync-ip>-<partner|
partner-declared>``.
tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, ali_boot, ros_stack

CODES = ("CN", "JP", "DE")
_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
_ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "ap-southeast-1"}
"""cn-hongkong is not mainland China: a CN stack's data sent there leaves the jurisdiction."""


def _region(code: str, where: str) -> str:
    return _HOME[code] if where == "home" else _ABROAD[code]


def _dts_sync(code: str, where: str) -> Build:
    # docs: ROS ALIYUN::DTS::SynchronizationJob (DestRegion "The region ID of the destination instance",
    # DestinationEndpoint {InstanceType, InstanceId, Region}, SourceRegion, SourceEndpoint)
    dest = _region(code, where)
    job = {"Type": "ALIYUN::DTS::SynchronizationJob", "Properties": {
        "SynchronizationJobClass": "small", "PayType": "Postpaid", "SourceRegion": _HOME[code], "DestRegion": dest,
        "SourceEndpoint": {"InstanceType": "RDS", "InstanceId": "rm-fleet0001", "Region": _HOME[code],
                           "UserName": "dts", "Password": "Fleet-Dts-2026"},
        "DestinationEndpoint": {"InstanceType": "RDS", "InstanceId": "rm-fleetdr01", "Region": dest,
                                "UserName": "dts", "Password": "Fleet-Dts-2026"},
        "SynchronizationObjects": [{"DBName": "orders"}], "DataInitialization": True,
        "StructureInitialization": True}}  # fmt: skip
    return ros_stack(f"dts-sync-{code.lower()}", {"Sync": job})


def _cms_targets(code: str, kind: str, where: str) -> Build:
    # docs: ROS ALIYUN::CMS::EventRuleTargets (FcParameters {Region, ServiceName, FunctionName, Id}, MnsParameters
    # {Queue, Region, Id}, WebhookParameters {Url, Protocol, Method, Id}): where an event-triggered alert is sent.
    target: dict[str, Any]
    if kind == "fc":
        target = {"FcParameters": [{"Id": "1", "Region": _region(code, where), "ServiceName": "fleet-alerts",
                                    "FunctionName": "on-event"}]}  # fmt: skip
    elif kind == "mns":
        target = {"MnsParameters": [{"Id": "1", "Region": _region(code, where), "Queue": "fleet-alerts"}]}
    else:
        target = {"WebhookParameters": [{"Id": "1", "Protocol": "http", "Method": "POST", "Url": WEBHOOK}]}
    resources = {
        "Rule": {"Type": "ALIYUN::CMS::EventRule", "Properties": {
            "Name": "fleet-ecs-events", "EventPattern": [{"Product": "ecs", "EventTypeList": ["StatusNotification"]}],
            "State": "ENABLED"}},
        "Targets": {"Type": "ALIYUN::CMS::EventRuleTargets", "Properties": {
            "RuleName": {"Fn::GetAtt": ["Rule", "RuleName"]}, **target}},
    }  # fmt: skip
    return ros_stack(f"cms-{kind}-{code.lower()}", resources)


WEBHOOK = "https://alerts.fleet-partner.example.com/hooks/cms"
WEBHOOK_DECLARED: dict[str, Any] = {
    "id": "partner-alerts", "kind": "resident", "match": "alerts.fleet-partner.example.com",
    "evidence": "the on-call partner's alert intake, hosted in the market",
}  # fmt: skip


def _trust(who: str) -> dict[str, Any]:
    # docs: RAM "Modify the trust policy of a RAM role" (a Principal with a RAM field: "the role can be assumed by RAM
    # users or RAM roles that belong to the trusted Alibaba Cloud account"; a Federated field: an identity provider,
    # "acs:ram::<account>:saml-provider/<name>", whose users assume the role by AssumeRoleWithSAML)
    account = OWN_UID if who in ("own", "idp-own") else PARTNER_UID
    if who == "idp-own":
        principal: dict[str, Any] = {"Federated": [f"acs:ram::{account}:saml-provider/fleet-idp"]}
        action = "sts:AssumeRole"
        condition = {"StringEquals": {"saml:recipient": "https://signin.aliyun.com/saml-role/sso"}}
        return {"Version": "1", "Statement": [{"Action": action, "Effect": "Allow", "Principal": principal,
                                               "Condition": condition}]}  # fmt: skip
    return {"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                                           "Principal": {"RAM": [f"acs:ram::{account}:root"]}}]}  # fmt: skip


def _ros_role(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::RAM::Role (RoleName, AssumeRolePolicyDocument {Version, Statement})
    role = {"Type": "ALIYUN::RAM::Role", "Properties": {"RoleName": "fleet-ops", "AssumeRolePolicyDocument":
                                                          _trust(who)}}  # fmt: skip
    return ros_stack(f"ram-role-{code.lower()}", {"Role": role})


def _ram_role(code: str, who: str) -> Build:

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: ram/role (assume_role_policy_document "The content of the policy document")
        return alicloud.ram.Role("fleet-ops", role_name="fleet-ops",
                                 assume_role_policy_document=json.dumps(_trust(who)), opts=c.ali)  # fmt: skip

    return build


ROLE_DECLARED: dict[str, Any] = {
    "id": "partner-ops", "kind": "resident", "match": PARTNER_UID,
    "evidence": "the operations partner's account; its users work in the market",
}  # fmt: skip

GDN_ID = "gd-m5ex5wqfqbou12345"
CEN_ID = "cen-fleetpartner01"
_POLARDB: dict[str, Any] = {
    "DBType": "MySQL", "DBVersion": "8.0", "DBNodeClass": "polar.mysql.x4.large", "PayType": "Postpaid",
    "VpcId": "vpc-fleet0001", "VSwitchId": "vsw-fleet0001", "CreationOption": "CreateGdnStandby"}  # fmt: skip


def _param_stack(code: str, kind: str, default: str, given: str | None) -> Build:
    """A ROS template whose global group id is ``{"Ref": <Parameter>}``, the Parameter's ``Default`` a literal id;
    ``given``: the value the ros.Stack gives it (None: the Default is the value ROS uses)."""
    name = "GdnId" if kind == "polardb-gdn" else "CenId"
    if kind == "polardb-gdn":
        # docs: ROS ALIYUN::POLARDB::DBCluster (GDNId with CreationOption CreateGdnStandby)
        resources: dict[str, Any] = {"Standby": {"Type": "ALIYUN::POLARDB::DBCluster",
                                                 "Properties": {**_POLARDB, "GDNId": {"Ref": name}}}}  # fmt: skip
    else:
        # docs: ROS ALIYUN::CEN::CenInstanceAttachment (CenId, ChildInstanceId, ChildInstanceType,
        # ChildInstanceRegionId)
        resources = {"Attach": {"Type": "ALIYUN::CEN::CenInstanceAttachment", "Properties": {
            "CenId": {"Ref": name}, "ChildInstanceId": "vpc-fleet0001", "ChildInstanceType": "VPC",
            "ChildInstanceRegionId": _HOME[code]}}}  # fmt: skip
    template = json.dumps(
        {
            "ROSTemplateFormatVersion": "2015-09-01",
            "Parameters": {name: {"Type": "String", "Default": default}},
            "Resources": resources,
        }
    )

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        params: list[alicloud.ros.StackParameterArgsDict] | None = None
        if given is not None:
            # docs: ros/stack (parameters: parameter_key, parameter_value)
            params = [{"parameter_key": name, "parameter_value": given}]
        return alicloud.ros.Stack(f"{kind}-param-{code.lower()}", stack_name=f"{kind}-param-{code.lower()}",
                                  template_body=template, parameters=params, opts=c.ali)  # fmt: skip

    return build


GROUP_DECLARED = {
    "polardb-gdn": {"id": "group-gdn", "kind": "resident", "match": GDN_ID,
                    "evidence": "the group's GDN; its primary and every secondary are in the market's regions"},
    "cen": {"id": "group-cen", "kind": "resident", "match": CEN_ID,
            "evidence": "the group's CEN; every network attached is in the market's regions"},
}  # fmt: skip


CLI = {
    # aliyun CLI RPC calls: a repeated structure's members are flat options (`--FcParameters.1.Region`).
    # docs: CloudMonitor PutEventRuleTargets (FcParameters.N.Region "The region where Function Compute is deployed",
    # MnsParameters.N.Region "The region where Simple Message Queue (formerly MNS) is deployed")
    "cli-cms-fc": "aliyun cms PutEventRuleTargets --RuleName fleet-ecs-events --FcParameters.1.Id 1 "
    "--FcParameters.1.Region {region} --FcParameters.1.ServiceName fleet-alerts "
    "--FcParameters.1.FunctionName on-event",
    "cli-cms-mns": "aliyun cms PutEventRuleTargets --RuleName fleet-ecs-events --MnsParameters.1.Id 1 "
    "--MnsParameters.1.Region {region} --MnsParameters.1.Queue fleet-alerts",
    # docs: ApsaraDB for MongoDB ModifyBackupPolicy (SrcRegion, DestRegion "The region ID of the cross-regional
    # backup", CrossBackupType, CrossBackupPeriod, CrossRetentionType, CrossRetentionValue)
    "cli-dds-cross-backup": "aliyun dds ModifyBackupPolicy --DBInstanceId dds-fleet0001 --SrcRegion {home} "
    "--DestRegion {region} --CrossBackupType update --CrossBackupPeriod Monday "
    "--CrossRetentionType delay --CrossRetentionValue 7 --CrossLogRetentionType delay "
    "--CrossLogRetentionValue 7 --InstanceType replicate",
    # docs: ApsaraDB RDS ModifyInstanceCrossBackupPolicy (CrossBackupRegion "The ID of the destination region")
    "cli-rds-cross-backup": "aliyun rds ModifyInstanceCrossBackupPolicy --RegionId {home} --DBInstanceId rm-fleet0001 "
    "--CrossBackupRegion {region} --BackupEnabled 1 --LogBackupEnabled 1",
    # docs: Container Registry CreateRepoSyncRule (TargetRegionId, TargetInstanceId)
    "cli-cr-sync-rule": "aliyun cr CreateRepoSyncRule --InstanceId cri-fleet0001 --NamespaceName fleet "
    "--SyncRuleName to-dr --TargetInstanceId cri-fleetdr01 --TargetNamespaceName fleet "
    "--TargetRegionId {region} --SyncScope NAMESPACE --SyncTrigger PASSIVE",
    # docs: DTS CreateDtsInstance (SourceRegion, DestinationRegion "The ID of the region in which the destination
    # instance resides")
    "cli-dts-instance": "aliyun dts CreateDtsInstance --Type SYNC --PayType PostPaid --InstanceClass small "
    "--SourceRegion {home} --DestinationRegion {region} --SourceEndpointEngineName MySQL "
    "--DestinationEndpointEngineName MySQL",
    # docs: Simple Log Service CreateETL (configuration.sinks[].endpoint "The endpoint of the destination project")
    "cli-sls-etl": "cat > /tmp/etl.json <<'EOF'\n"
    '{{"name":"to-dr","displayName":"to-dr","configuration":{{"script":"e_keep(e_search(\\"level: error\\"))",'
    '"logstore":"app","lang":"SPL","roleArn":"acs:ram::' + OWN_UID + ':role/aliyunlogetlrole",'
    '"sinks":[{{"name":"dr","endpoint":"{region}.log.aliyuncs.com","project":"fleet-dr-logs",'
    '"logstore":"app","roleArn":"acs:ram::' + OWN_UID + ':role/aliyunlogetlrole"}}]}}}}\n'
    "EOF\n"
    'aliyun sls CreateETL --project fleet-logs --body "$(cat /tmp/etl.json)"',
}
"""Alibaba Cloud CLI calls each sending data (or events) into ``{region}``."""


def _cli(code: str, kind: str, where: str) -> Build:
    line = CLI[kind].format(region=_region(code, where), home=_HOME[code])

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return ali_boot(c, "#!/bin/bash\n" + line + "\n")

    return build


def _polardb_log_backup(code: str, where: str) -> Build:
    region = "cn-beijing" if where == "home" else _ABROAD[code]  # a second mainland Region: CN only

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        # docs: polardb/backuppolicy (log_backup_another_region_region "The region in which you want to store
        # cross-region log backups")
        return alicloud.polardb.BackupPolicy("fleet", db_cluster_id="pc-fleet0001",
                                             log_backup_another_region_region=region,
                                             log_backup_another_region_retention_period=7, opts=c.ali)  # fmt: skip

    return build


PARTNER_URL = "https://alerts.fleet-partner.example.com"
PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-alerts", "kind": "resident", "match": "alerts.fleet-partner.example.com",
    "evidence": "the partner's alert and metrics intake, hosted in the market",
}  # fmt: skip
PARTNER_HOSTS = ("arms-alert-robot", "arms-remote-write", "cms-contact-webhook", "dts-sync-ip", "ros-dts-sync-ip")
"""Programs sending alerts, metrics or a database's rows to the partner's host (RES-015 unless declared)."""


def _partner_host(code: str, kind: str) -> Build:
    if kind == "ros-dts-sync-ip":
        # docs: ROS ALIYUN::DTS::SynchronizationJob DestinationEndpoint (InstanceType, IP, Port: a self-managed
        # database reached by its address)
        job = {"Type": "ALIYUN::DTS::SynchronizationJob", "Properties": {
            "SynchronizationJobClass": "small", "SourceRegion": _HOME[code], "DestRegion": _HOME[code],
            "SourceEndpoint": {"InstanceType": "RDS", "InstanceId": "rm-fleet0001", "UserName": "dts",
                               "Password": "Fleet-Dts-2026"},
            "DestinationEndpoint": {"InstanceType": "Express", "IP": "alerts.fleet-partner.example.com",
                                    "Port": "3306", "UserName": "dts", "Password": "Fleet-Dts-2026"},
            "SynchronizationObjects": [{"DBName": "orders"}]}}  # fmt: skip
        return ros_stack(f"dts-ip-{code.lower()}", {"Sync": job})

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        if kind == "arms-alert-robot":
            # docs: arms/alertrobot (robot_addr "The webhook url of the robot", robot_type wechat|dingding|webhook)
            return alicloud.arms.AlertRobot(
                "fleet",
                alert_robot_name="fleet",
                robot_type="webhook",
                robot_addr=PARTNER_URL + "/hooks/arms",
                daily_noc=False,
                opts=c.ali,
            )
        if kind == "arms-remote-write":
            # docs: arms/remotewrite (remote_write_yaml "The details of the Remote Write configuration item")
            yaml = f"remote_write:\n- name: partner\n  url: {PARTNER_URL}/api/v1/write\n"
            return alicloud.arms.RemoteWrite("fleet", cluster_id="c-fleet0001", remote_write_yaml=yaml, opts=c.ali)
        if kind == "cms-contact-webhook":
            # docs: cms/alarmcontact (channels_ding_web_hook "The webhook URL of the DingTalk chatbot")
            return alicloud.cms.AlarmContact("fleet", alarm_contact_name="fleet", describe="on-call",
                                             channels_ding_web_hook=PARTNER_URL + "/robot/send?access_token=0f1e",
                                             opts=c.ali)  # fmt: skip
        # docs: dts/synchronizationjob (destination_endpoint_instance_type "Express", destination_endpoint_ip)
        return alicloud.dts.SynchronizationJob(
            "fleet",
            dts_instance_id="dtsfleet0001",
            dts_job_name="to-partner",
            source_endpoint_instance_type="RDS",
            source_endpoint_instance_id="rm-fleet0001",
            source_endpoint_engine_name="MySQL",
            source_endpoint_region=_HOME[code],
            source_endpoint_user_name="dts",
            source_endpoint_password="x",
            destination_endpoint_instance_type="Express",
            destination_endpoint_engine_name="MySQL",
            destination_endpoint_ip="alerts.fleet-partner.example.com",
            destination_endpoint_port="3306",
            destination_endpoint_region=_HOME[code],
            destination_endpoint_user_name="dts",
            destination_endpoint_password="x",
            db_list='{"orders":{"name":"orders","all":true}}',
            structure_initialization=True,
            data_initialization=True,
            data_synchronization=True,
            opts=c.ali,
        )

    return build


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        c = code.lower()
        out += [(f"alired56b-{c}-ros-dts-sync-home", code, _dts_sync(code, "home"), set(), []),
                (f"alired56b-{c}-ros-dts-sync-abroad", code, _dts_sync(code, "abroad"), {"RES-009"}, [])]  # fmt: skip
        for kind in ("fc", "mns"):
            out += [(f"alired56b-{c}-ros-cms-{kind}-home", code, _cms_targets(code, kind, "home"), set(), []),
                    (f"alired56b-{c}-ros-cms-{kind}-abroad", code, _cms_targets(code, kind, "abroad"), {"RES-009"},
                     [])]  # fmt: skip
        out += [(f"alired56b-{c}-ros-cms-webhook-partner", code, _cms_targets(code, "webhook", ""), {"RES-015"}, []),
                (f"alired56b-{c}-ros-cms-webhook-partner-declared", code, _cms_targets(code, "webhook", ""), set(),
                 [WEBHOOK_DECLARED])]  # fmt: skip
        for prefix, program in (("ros-ram-role", _ros_role), ("ram-role", _ram_role)):
            out += [(f"alired56b-{c}-{prefix}-trust-own", code, program(code, "own"), set(), []),
                    (f"alired56b-{c}-{prefix}-trust-partner", code, program(code, "partner"), {"RES-023"}, []),
                    (f"alired56b-{c}-{prefix}-trust-partner-declared", code, program(code, "partner"), set(),
                     [ROLE_DECLARED])]  # fmt: skip
        for kind, literal in (("polardb-gdn", GDN_ID), ("cen", CEN_ID)):
            out += [(f"alired56b-{c}-ros-{kind}-param-partner", code, _param_stack(code, kind, literal, None),
                     {"RES-017"}, []),
                    (f"alired56b-{c}-ros-{kind}-param-partner-declared", code, _param_stack(code, kind, literal, None),
                     set(), [GROUP_DECLARED[kind]]),
                    (f"alired56b-{c}-ros-{kind}-param-given-partner", code,
                     _param_stack(code, kind, "", literal), {"RES-017"}, [])]  # fmt: skip
        for kind in CLI:
            # an SLS endpoint of another Region is a host of that Region (RES-006), the others name a Region (RES-009)
            abroad = {"RES-006"} if kind == "cli-sls-etl" else {"RES-009"}
            out += [(f"alired56b-{c}-{kind}-home", code, _cli(code, kind, "home"), set(), []),
                    (f"alired56b-{c}-{kind}-abroad", code, _cli(code, kind, "abroad"), abroad, [])]  # fmt: skip
        out.append(
            (f"alired56b-{c}-polardb-log-backup-abroad", code, _polardb_log_backup(code, "abroad"), {"RES-009"}, [])
        )
        for kind in PARTNER_HOSTS:
            out += [(f"alired56b-{c}-{kind}-partner", code, _partner_host(code, kind), {"RES-015"}, []),
                    (f"alired56b-{c}-{kind}-partner-declared", code, _partner_host(code, kind), set(),
                     [PARTNER_DECLARED])]  # fmt: skip
        out += [(f"alired56b-{c}-{prefix}-trust-idp-own", code, program(code, "idp-own"), set(), [])
                for prefix, program in (("ros-ram-role", _ros_role), ("ram-role", _ram_role))]  # fmt: skip
    out.append(("alired56b-cn-polardb-log-backup-home", "CN", _polardb_log_backup("CN", "home"), set(), []))
    return out
