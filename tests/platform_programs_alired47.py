"""Alibaba Cloud red team, stop 47: accounts that receive what the stack sends, named by inputs no round had listed.

Round 47 listed every input of the installed pulumi-alicloud (4.0.0) whose name says Region, account, UID, owner,
endpoint, ARN, host, sink or destination (top level and three levels of nested input types), set each to a Region
abroad, a partner's UID 5555666677778888 or a partner's ARN, and ran the one-value subjects through
``RuleEngine.check`` on the unchanged engine (docs/residency.md, "Alibaba Cloud red team, stop 47"). Every Region field
was judged; these account-bearing inputs passed while a sibling was refused (RES-023): CloudMonitor alert targets of
the newer rule types (group metric rules, metric alarm rules, process monitoring) and event rule targets (MNS, SLS,
Function Compute) by ARN, where ``cms.Alarm``'s ``targets.arn`` is refused; a VPC attached to a CEN of another account
(``cen_owner_id``, the grants' and office networks' refused); a DataWorks data source of another account's instance
(``crossAccountOwnerId`` in its connection properties); an SLS alert's Eventstore sink write role (the ETL sinks' is
refused); a CDN Function Compute trigger's ``trigger_arn`` (its ``function_arn`` is refused); an endpoint service's
whitelist by ARN (its ``user_id`` is refused); an ActionTrail trail made through the older ``TrailDeprecated`` type
delivering to a partner's Logstore with a partner's write role (refused on ``actiontrail.Trail``). And three older
(deprecated) types of hub-run services passed outside CN while their newer twins were refused (RES-016): an Anti-DDoS
Pro instance (``dns.DdosCooInstance``), a Config aggregator remediation (``configaggregate.Remediation``) and a Config
report template (``config.ReportTemplate``).

``who``: ``own`` (the team's UID, the provider assuming the team's deployment role: passes), ``partner`` (RES-023),
``partner-declared`` (the partner's account declared, ``acs:ram::<uid>:``: passes). The CEN attachment declares the
partner's CEN by id in every variant (a CEN made elsewhere is RES-017 until declared, judged apart).

tests/test_realistic_programs.py runs them as CASES (``alired47-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME as HOME
from platform_parts import DEPLOYER, Build
from platform_parts import OWN_UID as OWN
from platform_parts import PARTNER_UID as PARTNER
from pulumi_alicloud.config.report_template import ReportTemplate

PARTNER_CEN = "cen-grouphub000000001"
"""The partner's CEN (the group's network hub), declared by id in every CEN program."""

PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-operations-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's operations account; its contract keeps its queues, Logstores, CEN and databases in the "
                "market's regions",
}  # fmt: skip
CEN_DECLARED: dict[str, Any] = {
    "id": "group-network-hub", "kind": "resident", "match": PARTNER_CEN,
    "evidence": "the group's network hub CEN, with transit routers in the market's regions only",
}  # fmt: skip


def _uid(who: str) -> str:
    return OWN if who == "own" else PARTNER


def _queue(code: str, who: str) -> str:
    # An SMQ (MNS) queue as CloudMonitor names an alert target: acs:mns:{regionId}:{userId}:/queues/{name}/message.
    return f"acs:mns:{HOME[code]}:{_uid(who)}:/queues/ops-alerts/message"


def group_metric_rule(code: str, who: str) -> Build:
    # docs: cms/groupmetricrule — `targets` ([{id, arn, level, json_params}]): where the alert is pushed.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        group = alicloud.cms.MonitorGroup("fleet-api", monitor_group_name="fleet-api", opts=c.ali)
        return alicloud.cms.GroupMetricRule(
            "api-cpu", group_id=group.id, group_metric_rule_name="api-cpu", category="ecs", rule_id="api-cpu",
            metric_name="cpu_total", namespace="acs_ecs_dashboard", period=60, interval="3600",
            escalations={"critical": {"comparison_operator": "GreaterThanThreshold", "statistics": "Average",
                                      "threshold": "90", "times": 3}},
            targets=[{"id": "1", "arn": _queue(code, who), "level": "CRITICAL", "json_params": "{}"}],
            opts=c.ali,
        )  # fmt: skip

    return build


def metric_alarm_rule(code: str, who: str) -> Build:
    # docs: cloudmonitor/servicemetricalarmrule — `targets` ([{target_id, arn, level, json_params}]), "The Alibaba
    # Cloud Resource Name (ARN) of the resource that receives the alert".
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.cloudmonitor.ServiceMetricAlarmRule(
            "db-cpu", rule_name="db-cpu", metric_alarm_rule_id="db-cpu", namespace="acs_rds_dashboard",
            metric_name="CpuUsage", contact_groups="fleet-oncall",
            resources=json.dumps([{"instanceId": "rm-fleetorders0001"}]),
            escalations={"critical": {"comparison_operator": "GreaterThanThreshold", "statistics": "Average",
                                      "threshold": "90", "times": 3}},
            targets=[{"target_id": "1", "arn": _queue(code, who), "level": "CRITICAL"}],
            opts=c.ali,
        )  # fmt: skip

    return build


def process_alarm(code: str, who: str) -> Build:
    # docs: cloudmonitor/servicegroupmonitoringagentprocess — `alert_configs[].target_lists` ([{target_list_id, arn,
    # level, json_params}]), the registry example's target an SMQ queue ARN.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        group = alicloud.cms.MonitorGroup("fleet-workers", monitor_group_name="fleet-workers", opts=c.ali)
        return alicloud.cloudmonitor.ServiceGroupMonitoringAgentProcess(
            "dispatcher", group_id=group.id, process_name="dispatcher", match_express_filter_relation="or",
            match_expresses=[{"name": "dispatcher", "value": "*", "function": "all"}],
            alert_configs=[{"escalations_level": "critical", "comparison_operator": "LessThanThreshold",
                            "statistics": "Average", "threshold": "1", "times": "3",
                            "target_lists": [{"target_list_id": "1", "arn": _queue(code, who), "level": "CRITICAL",
                                              "json_params": "{}"}]}],
            opts=c.ali,
        )  # fmt: skip

    return build


ECS_EVENTS: Any = {"product": "ecs", "event_type_lists": ["StatusNotification"], "level_lists": ["CRITICAL"]}


def event_rule(target: str) -> Callable[[str, str], Build]:
    # docs: cms/eventrule — `mns_parameters` / `sls_parameters` / `fc_parameters` (region, queue / project + log_store /
    # service + function, and `arn`, "acs:${Service}:${Region}:${Account}:...", DescribeEventRuleTargetList).
    def make(code: str, who: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            region, uid = HOME[code], _uid(who)
            targets: dict[str, Any] = {
                "mns": {"mns_parameters": [{"mns_parameters_id": "1", "region": region, "queue": "ecs-events",
                                            "arn": f"acs:mns:{region}:{uid}:/queues/ecs-events"}]},
                "sls": {"sls_parameters": [{"sls_parameters_id": "1", "region": region, "project": "fleet-ops",
                                            "log_store": "ecs-events",
                                            "arn": f"acs:log:{region}:{uid}:project/fleet-ops/logstore/ecs-events"}]},
                "fc": {"fc_parameters": [{"fc_parameters_id": "1", "region": region, "service_name": "fleet-ops",
                                          "function_name": "on-ecs-event",
                                          "arn": f"acs:fc:{region}:{uid}:services/fleet-ops/functions/on-ecs-event"}]},
            }[target]  # fmt: skip
            return alicloud.cms.EventRule(
                "ecs-events", rule_name="ecs-events", event_pattern=ECS_EVENTS, opts=c.ali, **targets
            )

        return build

    return make


def cen_attachment(code: str, who: str) -> Build:
    # docs: cen/instanceattachment — `instance_id` (the CEN), `cen_owner_id` ("The account ID to which the CEN instance
    # belongs"), the stack's own VPC as the child instance.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        vpc = alicloud.vpc.Network("plant", vpc_name="plant", cidr_block="10.40.0.0/16", opts=c.ali)
        return alicloud.cen.InstanceAttachment(
            "plant-to-hub", instance_id=PARTNER_CEN, child_instance_id=vpc.id, child_instance_type="VPC",
            child_instance_region_id=HOME[code], cen_owner_id=int(_uid(who)), opts=c.ali,
        )  # fmt: skip

    return build


def dataworks_source(code: str, who: str) -> Build:
    # docs: dataworks/datasource — `connection_properties` (JSON; the MySQL type's instance mode: regionId, instanceId,
    # database, username, password, envType; cross-account: crossAccountOwnerId, crossAccountRoleName).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        properties: dict[str, Any] = {
            "envType": "Prod", "regionId": HOME[code], "instanceId": "rm-fleetreport0001", "database": "reporting",
            "username": "dw_sync", "password": "not-a-real-password",
        }  # fmt: skip
        if who != "own":
            properties |= {"crossAccountOwnerId": PARTNER, "crossAccountRoleName": "dataworks-sync"}
        return alicloud.dataworks.DataSource(
            "reporting-db", project_id=123456, data_source_name="reporting_db", type="mysql",
            connection_properties_mode="InstanceMode", connection_properties=json.dumps(properties), opts=c.ali,
        )  # fmt: skip

    return build


def sls_alert_event_store(code: str, who: str) -> Build:
    # docs: sls/alert — `configuration.sink_event_store` (endpoint, project, event_store, `role_arn` "Roles used to
    # write alarm data to the event Library"); the query reads the stack's own Logstore.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        sink: Any = {"enabled": True, "endpoint": f"{HOME[code]}-intranet.log.aliyuncs.com", "project": "group-alerts",
                "event_store": "alerts", "role_arn": f"acs:ram::{_uid(who)}:role/aliyunlogetlrole"}  # fmt: skip
        query: Any = {"region": HOME[code], "project": "fleet-app", "store": "api", "store_type": "log",
                 "query": "status >= 500 | select count(*) as errors", "time_span_type": "Relative",
                 "start": "-15m", "end": "now", "power_sql_mode": "auto"}  # fmt: skip
        return alicloud.sls.Alert(
            "api-errors", alert_name="api-errors", display_name="API errors", project_name="fleet-app",
            schedule={"type": "FixedRate", "interval": "5m"},
            configuration={"version": "2.0", "type": "default", "dashboard": "internal-alert-analysis",
                           "query_lists": [query], "sink_event_store": sink,
                           "condition_configuration": {"condition": "errors > 10", "count_condition": "__count__ > 0"},
                           "severity_configurations": [{"severity": 8, "eval_condition": {"condition": "errors > 10",
                                                                                          "count_condition": ""}}],
                           "template_configuration": {"template_id": "sls.builtin.dynamic", "type": "sys",
                                                      "lang": "cn"}},
            opts=c.ali,
        )  # fmt: skip

    return build


def cdn_fc_trigger(code: str, who: str) -> Build:
    # docs: cdn/fctrigger — `trigger_arn` ("acs:fc:{RegionID}:{AccountID}:{Filter}"), `source_arn` (the domain),
    # `role_arn` (the role CDN uses to invoke), `event_meta_name` (LogFileCreated: offline log files).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.cdn.FcTrigger(
            "cdn-logs", event_meta_name="LogFileCreated", event_meta_version="1.0.0", notes="offline CDN logs",
            role_arn=f"acs:ram::{OWN}:role/aliyuncdneventnotificationrole",
            source_arn=f"acs:cdn:*:{OWN}:domain/static.fleet.example.cn",
            trigger_arn=f"acs:fc:{HOME[code]}:{_uid(who)}:services/cdn-logs/functions/ingest/triggers/cdn-logs",
            opts=c.ali,
        )  # fmt: skip

    return build


def endpoint_service_user(code: str, who: str) -> Build:
    # docs: privatelink/vpcendpointserviceuser — `user_id` (required by pulumi-alicloud 4.0.0: the team's account here)
    # and `user_arn` ("The whitelist in the format of ARN": the RAM role allowed to connect).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        service = alicloud.privatelink.VpcEndpointService(
            "diagnostics", service_description="diagnostics", connect_bandwidth=103, auto_accept_connection=False,
            opts=c.ali,
        )  # fmt: skip
        return alicloud.privatelink.VpcEndpointServiceUser(
            "diagnostics-reader", service_id=service.id, user_id=OWN,
            user_arn=f"acs:ram::{_uid(who)}:role/diagnostics-reader", opts=c.ali,
        )  # fmt: skip

    return build


def trail_deprecated(code: str, who: str) -> Build:
    # docs: actiontrail/traildeprecated — the older type of actiontrail/trail, the same inputs: `sls_project_arn`
    # (acs:log:{region}:{uid}:project/{name}) and `sls_write_role_arn` (the role ActionTrail assumes to deliver).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        uid = _uid(who)
        return alicloud.actiontrail.TrailDeprecated(
            "audit", trail_name="fleet-audit", event_rw="All", trail_region="All",
            sls_project_arn=f"acs:log:{HOME[code]}:{uid}:project/group-audit",
            sls_write_role_arn=f"acs:ram::{uid}:role/aliyunactiontraildefaultrole", opts=c.ali,
        )  # fmt: skip

    return build


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "cms-group-metric-rule": (group_metric_rule, ("CN", "JP")),
    "cms-metric-alarm-rule": (metric_alarm_rule, ("CN", "JP", "DE")),
    "cms-process-alarm": (process_alarm, ("CN", "DE")),
    "cms-event-rule-mns": (event_rule("mns"), ("CN", "JP")),
    "cms-event-rule-sls": (event_rule("sls"), ("CN", "DE")),
    "cms-event-rule-fc": (event_rule("fc"), ("CN", "JP")),
    "cen-attachment": (cen_attachment, ("CN", "JP")),
    "dataworks-source": (dataworks_source, ("CN", "DE")),
    "sls-alert-event-store": (sls_alert_event_store, ("CN", "JP", "DE")),
    "cdn-fc-trigger": (cdn_fc_trigger, ("CN",)),
    "endpoint-service-user-arn": (endpoint_service_user, ("CN", "JP")),
    "actiontrail-trail-deprecated": (trail_deprecated, ("CN", "JP", "DE")),
}
"""kind -> (builder, jurisdictions); each made as own / partner / partner-declared."""


# -- older (deprecated) types of hub-run services: refused outside CN as their newer twins are -----------------------


def anti_ddos_instance(code: str) -> Build:
    # docs: dns/ddoscooinstance — the older type of ddos/ddoscooinstance (an Anti-DDoS Pro / Premium instance).
    def build(c: Any) -> object:
        return alicloud.dns.DdosCooInstance(
            "edge-shield", name="edge-shield", base_bandwidth="30", bandwidth="30", service_bandwidth="100",
            port_count="50", domain_count="50", period=1, product_type="ddoscoo", opts=c.ali,
        )  # fmt: skip

    return build


def config_aggregate_remediation(code: str) -> Build:
    # docs: configaggregate/remediation — the older type of cfg/aggregateremediation (an aggregator rule's remediation).
    def build(c: Any) -> object:
        return alicloud.configaggregate.Remediation(
            "bucket-acl-fix", aggregator_id="ca-fleet000000000001", config_rule_id="cr-fleet00000000001",
            remediation_type="OOS", remediation_template_id="ACS-OSS-PutBucketAcl", invoke_type="MANUAL_EXECUTION",
            remediation_source_type="ALIYUN",
            remediation_origin_params=json.dumps({"bucketName": "{resourceId}", "regionId": "{regionId}",
                                                  "permissionName": "private"}),
            opts=c.ali,
        )  # fmt: skip

    return build


def config_report_template(code: str) -> Build:
    # docs: config/reporttemplate — the older type of cfg/reporttemplate (a compliance report of the account's rules).
    def build(c: Any) -> object:
        # The SDK's `config` package is the provider's settings module, which does not re-export the resource class.
        return ReportTemplate(
            "weekly-compliance", report_template_name="weekly-compliance", report_granularity="AllInOne",
            report_file_formats="excel", report_language="en-US", subscription_frequency="0 0 9 ? * MON", opts=c.ali,
        )  # fmt: skip

    return build


HUB_TWINS: dict[str, Callable[[str], Build]] = {
    "dns-ddos-coo-instance": anti_ddos_instance,
    "configaggregate-remediation": config_aggregate_remediation,
    "config-report-template": config_report_template,
}
"""kind -> builder: passes in CN (the mainland hub), RES-016 in JP and DE (the hubs are Hangzhou / Shanghai and
Singapore, whatever the provider's region)."""


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    for kind, (make, codes) in KINDS.items():
        for code in codes:
            for who in ("own", "partner", "partner-declared"):
                declared = [PARTNER_DECLARED] if who == "partner-declared" else []
                if kind == "cen-attachment":
                    declared = [CEN_DECLARED, *declared]
                out.append((f"alired47-{code.lower()}-{kind}-{who}", code, make(code, who),
                            {"RES-023"} if who == "partner" else set(), declared))  # fmt: skip
    for kind, hub in HUB_TWINS.items():
        for code in ("CN", "JP", "DE"):
            out.append((f"alired47-{code.lower()}-{kind}", code, hub(code), set() if code == "CN" else {"RES-016"}, []))
    return out
