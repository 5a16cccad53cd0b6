"""Alibaba Cloud red team, stop 46: other accounts, Regions and hosts named by types the table never exercised.

Round 46 repeated round 45's method (docs/residency.md, "Alibaba Cloud red team, stop 46"): the ``alicloud.*``
constructors the table makes were listed against the installed pulumi-alicloud, and about seventy types and fields that
send, replicate, export or share data (EventBridge streams, Cloud Firewall, Anti-DDoS, ESA, Cloud Storage Gateway,
PolarDB / Tair / DTS, Realtime Compute, Lingjun, Elastic Desktop Service, ROS, Service Catalog, Auto Scaling
notifications ...) were tried as one-value ``RuleEngine.check`` subjects with a partner's UID, a Region abroad
(``cn-hongkong`` / ``HK`` for CN) or a foreign host, on the unchanged engine.

What passed while a sibling was refused: an Elastic Desktop Service office network attached to a CEN the stack did not
make (``cen_id``) or of another account (``cen_owner_id``; a transit router attachment's CEN and a CEN grant's owner are
refused); a Lingjun VPD grant rule handing the stack's Lingjun network to another account's Lingjun HUB
(``grant_tenant_id``); an ESA Cache Reserve instance keeping the site's cached content in Hong Kong (``cr_region: HK``);
a Realtime Compute for Apache Flink variable whose name says it is a host (an OOS parameter's is judged by its name);
an SLS alert user record whose `email` list names a partner's domain (a CloudMonitor or ARMS contact's is refused).
``who``: ``own`` (the team's CEN made by the stack, the team's UID under a provider assuming its deployment role:
passes), ``elsewhere`` (the team's UID, a CEN made by another stack and not declared: RES-017), ``partner`` (the
partner's CEN declared by id, its UID not: RES-023), ``partner-declared`` (both declared: passes).

The shapes already refused stay as paired ``home`` / ``abroad`` programs of types no table program made before: an EBS
enterprise snapshot policy's cross-region copy, a Cloud Storage Gateway express sync's bucket Region, an Auto Scaling
notification's MNS queue, a Cloud Control API resource's RegionId, a Service Catalog product provisioned in a Region,
a Security Center backup policy's Region, a Content Moderation OSS scan's bucket Region, a ROS change set's
notification URL, an ESA layer-4 application's origin, an SLS alert webhook record.

tests/test_realistic_programs.py runs them as CASES (``alired46-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME as HOME
from platform_parts import DEPLOYER, Build, Row, account_rows, home_abroad_rows
from platform_parts import OWN_UID as OWN
from platform_parts import PARTNER_UID as PARTNER

ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "us-east-1"}
PARTNER_CEN = "cen-grouphub000000001"
TEAM_CEN = "cen-teamhub0000000001"
"""The team's CEN, made by the network stack (not this one)."""

PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-network-hub-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's network-hub account; its contract keeps its CEN and Lingjun HUB in the market's regions",
}  # fmt: skip
CEN_DECLARED: dict[str, Any] = {
    "id": "group-network-hub", "kind": "resident", "match": PARTNER_CEN,
    "evidence": "the group's network hub CEN, with transit routers in the market's regions only",
}  # fmt: skip


def _zone(code: str) -> str:
    return f"{HOME[code]}-b" if code == "CN" else f"{HOME[code]}a"


def _office_cen(c: Any, who: str) -> tuple[Any, str | None]:
    # (cen_id, cen_owner_id): the stack's own CEN, the team's CEN made elsewhere, or the partner's.
    if who == "own":
        return alicloud.cen.Instance("desktops", cen_instance_name="desktops", opts=c.ali).id, None
    if who == "elsewhere":
        return TEAM_CEN, OWN
    return PARTNER_CEN, PARTNER


def simple_office_site(code: str, who: str) -> Build:
    # docs: eds/simpleofficesite — `cen_id` ("Cloud Enterprise Network Instance ID"), `cen_owner_id` ("The cen owner
    # id"; CreateSimpleOfficeSite: set when the CEN instance belongs to another Alibaba Cloud account).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        cen, owner = _office_cen(c, who)
        return alicloud.eds.SimpleOfficeSite(
            "drivers-desktops", office_site_name="drivers-desktops", cidr_block="172.16.0.0/12", cen_id=cen,
            cen_owner_id=owner, desktop_access_type="VPC", enable_internet_access=False, opts=c.ali,
        )  # fmt: skip

    return build


def ad_office_site(code: str, who: str) -> Build:
    # docs: eds/adconnectorofficesite — an AD office network is attached to `cen_id` when it is made (AttachCen:
    # CenOwnerId, "The ID of the Alibaba Cloud account to which the CEN instance belongs").
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        cen, owner = _office_cen(c, who)
        return alicloud.eds.AdConnectorOfficeSite(
            "plant-desktops", ad_connector_office_site_name="plant-desktops", cen_id=cen, cen_owner_id=owner,
            cidr_block="10.30.0.0/16", desktop_access_type="VPC", domain_name="corp.fleet.example.cn",
            dns_addresses=["10.20.0.10"], domain_user_name="svc-desktops", domain_password="not-a-real-password",
            enable_admin_access=False, opts=c.ali,
        )  # fmt: skip

    return build


def vpd_grant(code: str, who: str) -> Build:
    # docs: eflo/vpdgrantrule — `instance_id` (the stack's Lingjun VPD), `er_id` ("The ID of the ER instance under the
    # cross-account tenant"), `grant_tenant_id` ("Cross-account authorized tenant ID").
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        vpd = alicloud.eflo.Vpd("training", vpd_name="training", cidr="10.0.0.0/8", opts=c.ali)
        tenant = OWN if who == "own" else PARTNER
        return alicloud.eflo.VpdGrantRule(
            "training-to-hub", instance_id=vpd.id, er_id="er-grouphub01", grant_tenant_id=tenant, opts=c.ali
        )

    return build


def flink_variable(code: str, who: str) -> Build:
    # docs: realtimecompute/variable — a namespace variable (`name`, `value`, `kind`), referenced as
    # `${secret_values.sink_brokers}` in the namespace's SQL drafts (a Kafka sink's `properties.bootstrap.servers`).
    def build(c: Any) -> object:
        value = f"{HOME[code]}-intranet.log.aliyuncs.com" if who == "own" else "kafka.partner.example.com:9092"
        name = "sls_endpoint" if who == "own" else "sink_brokers"
        return alicloud.realtimecompute.Variable(
            name, workspace="w-fleet0001", namespace="fleet-default", name=name, value=value, kind="Plain",
            description="where the trip enrichment job writes", opts=c.ali,
        )  # fmt: skip

    return build


FLINK_PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-kafka", "kind": "resident", "match": "kafka.partner.example.com",
    "evidence": "the partner's Kafka cluster, hosted in the market's region (contract PK-7)",
}  # fmt: skip


def cache_reserve(code: str, where: str) -> Build:
    # docs: esa/cachereserveinstance — `cr_region` ("Cache holding area": HK, Hong Kong, China; CN, Mainland China;
    # the example writes CN-beijing).
    def build(c: Any) -> object:
        return alicloud.esa.CacheReserveInstance(
            "site-cache", payment_type="Subscription", quota_gb=10240, period=1, auto_renew=True, auto_pay=True,
            cr_region="CN-beijing" if where == "home" else "HK", opts=c.ali,
        )  # fmt: skip

    return build


# -- already refused before stop 46 (a Region abroad, a foreign host); kept as paired programs of types the table did
# not make --------------------------------------------------------------------------------------------------------


def _region(code: str, where: str) -> str:
    return HOME[code] if where == "home" else ABROAD[code]


def enterprise_snapshot_copy(code: str, where: str) -> Build:
    # docs: ebs/enterprisesnapshotpolicy — `cross_region_copy_info` (`enabled`, `regions` [{region_id, retain_days}]).
    def build(c: Any) -> object:
        return alicloud.ebs.EnterpriseSnapshotPolicy(
            "disk-dr", enterprise_snapshot_policy_name="disk-dr", target_type="ECS_DISK", status="ENABLED",
            schedule={"cron_expression": "0 0 2 * * ?"}, retain_rule={"time_interval": 30, "time_unit": "DAYS"},
            cross_region_copy_info={"enabled": True,
                                    "regions": [{"region_id": _region(code, where), "retain_days": 7}]},
            opts=c.ali,
        )  # fmt: skip

    return build


def express_sync(code: str, where: str) -> Build:
    # docs: cloudstoragegateway/expresssync — `bucket_name`, `bucket_region` (the OSS bucket the gateways' shares
    # synchronise through).
    def build(c: Any) -> object:
        bucket = alicloud.oss.Bucket("plant-share", bucket="fleet-plant-share", opts=c.ali)
        return alicloud.cloudstoragegateway.ExpressSync(
            "plant-sync", express_sync_name="plant-sync", bucket_name=bucket.bucket,
            bucket_region=_region(code, where), opts=c.ali,
        )  # fmt: skip

    return build


def ess_notification(code: str, where: str) -> Build:
    # docs: ess/notification — `notification_arn`: an MNS queue or topic ARN (acs:ess:{region}:{account}:queue/{name})
    # the scaling group's activity notices are sent to.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.ess.Notification(
            "scaling-notices", scaling_group_id="asg-fleet0000000001",
            notification_types=["AUTOSCALING:SCALE_OUT_SUCCESS", "AUTOSCALING:SCALE_IN_SUCCESS"],
            notification_arn=f"acs:ess:{_region(code, where)}:{OWN}:queue/scaling-notices", opts=c.ali,
        )  # fmt: skip

    return build


def cloud_control_vpc(code: str, where: str) -> Build:
    # docs: cloudcontrol/resource — `product`, `resource_code`, `desire_attributes` (JSON of the resource's
    # attributes, here a VPC's RegionId).
    def build(c: Any) -> object:
        return alicloud.cloudcontrol.Resource(
            "analytics-vpc", product="VPC", resource_code="VPC",
            desire_attributes=json.dumps({"RegionId": _region(code, where), "CidrBlock": "10.50.0.0/16",
                                          "VpcName": "analytics"}),
            opts=c.ali,
        )  # fmt: skip

    return build


def provisioned_product(code: str, where: str) -> Build:
    # docs: servicecatalog/provisionedproduct — `stack_region_id`: the Region the product's ROS stack is made in.
    def build(c: Any) -> object:
        return alicloud.servicecatalog.ProvisionedProduct(
            "reporting-db", provisioned_product_name="reporting-db", product_id="prod-bp1reporting0001",
            product_version_id="pv-bp1reporting0001", portfolio_id="port-bp1fleet000001",
            stack_region_id=_region(code, where), opts=c.ali,
        )  # fmt: skip

    return build


def sas_backup_policy(code: str, where: str) -> Build:
    # docs: threatdetection/backuppolicy — anti-ransomware backups of `uuid_lists` servers, `policy_region_id`.
    def build(c: Any) -> object:
        return alicloud.threatdetection.BackupPolicy(
            "anti-ransomware", backup_policy_name="anti-ransomware", policy_version="2.0.0",
            uuid_lists=["3bb30859-b3b5-4f28-868f-b0892c98****"], policy_region_id=_region(code, where),
            policy=json.dumps({"Exclude": [], "Source": [], "Include": [], "Schedule": "I|1668703620|PT24H"}),
            opts=c.ali,
        )  # fmt: skip

    return build


def green_oss_scan(code: str, where: str) -> Build:
    # docs: aligreen/ossstocktask — `buckets`: JSON list of the buckets scanned ([{"Bucket", "Region", "Selected"}]).
    def build(c: Any) -> object:
        return alicloud.aligreen.OssStockTask(
            "photo-scan", biz_type="fleet-photos", image_opened=True, image_scan_limit=1000,
            image_scenes=["porn", "terrorism"], start_date="2026-12-01 00:00:00 +0800",
            end_date="2026-12-31 00:00:00 +0800",
            buckets=json.dumps([{"Bucket": "fleet-photos", "Region": _region(code, where), "Selected": True}]),
            opts=c.ali,
        )  # fmt: skip

    return build


def ros_change_set(code: str, where: str) -> Build:
    # docs: ros/changeset — `notification_urls`: "The callback URLs for receiving stack events" (an HTTP URL or an MNS
    # queue, acs:mns:{region}:{account}:/queues/{name}).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        url = (f"acs:mns:{HOME[code]}:{OWN}:/queues/ros-events" if where == "home"
               else "https://hooks.partner.example.com/ros")  # fmt: skip
        return alicloud.ros.ChangeSet(
            "network-update", change_set_name="network-update", change_set_type="CREATE", stack_name="network",
            template_body=json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}),
            notification_urls=[url], opts=c.ali,
        )  # fmt: skip

    return build


def esa_layer4_origin(code: str, where: str) -> Build:
    # docs: esa/transportlayerapplication — `rules[].source` ("Specific value of the origin"), `source_type`.
    def build(c: Any) -> object:
        source = "10.60.0.15" if where == "home" else "203.0.113.7"
        return alicloud.esa.TransportLayerApplication(
            "telemetry-tcp", site_id="7096621098****", record_name="tcp.fleet.example.cn", ipv6="off",
            rules=[{"edge_port": "8443", "protocol": "TCP", "source": source, "source_port": "8443",
                    "source_type": "ip", "client_ip_pass_through_mode": "off", "comment": "telemetry"}],
            opts=c.ali,
        )  # fmt: skip

    return build


def sls_alert_webhook(code: str, where: str) -> Build:
    # docs: log/resourcerecord — a record of the `sls.alert.action_webhook` resource: an alert webhook integration
    # (`url` in its JSON value) the project's alerts are posted to.
    def build(c: Any) -> object:
        # home: the team's own relay, a Function Compute HTTP trigger in the stack's Region.
        url = (f"https://ops-hooks-fleet.{HOME[code]}.fcapp.run/sls" if where == "home"
               else "https://hooks.partner.example.com/sls")  # fmt: skip
        # The SDK spells the `resource_name` input `resource_name_` (its first argument is the Pulumi name).
        return alicloud.log.ResourceRecord(
            "ops-webhook", resource_name_="sls.alert.action_webhook", record_id="ops-webhook", tag="ops-webhook",
            value=json.dumps({"id": "ops-webhook", "name": "ops-webhook", "type": "custom", "url": url,
                              "method": "POST", "headers": []}),
            opts=c.ali,
        )  # fmt: skip

    return build


def sls_alert_user(code: str, who: str) -> Build:
    # docs: log/resourcerecord — the registry's example: a `sls.common.user` record whose JSON value lists the user's
    # `email` addresses, where the project's alert notifications are sent.
    def build(c: Any) -> object:
        domain = "fleet.example.cn" if who == "own" else "partner.example.com"
        return alicloud.log.ResourceRecord(
            "ops-user", resource_name_="sls.common.user", record_id="ops-oncall", tag="ops on-call",
            value=json.dumps({"user_id": "ops-oncall", "user_name": "ops on-call", "email": [f"oncall@{domain}"],
                              "sms_enabled": False, "voice_enabled": False, "enabled": True}),
            opts=c.ali,
        )  # fmt: skip

    return build


MAIL_DECLARED: dict[str, Any] = {
    "id": "company-mail", "kind": "resident", "match": "fleet.example.cn",
    "evidence": "the company's mail service, hosted in the market (MX in the stack's Region)",
}  # fmt: skip


REGION_KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "esa-cache-reserve": (cache_reserve, {"RES-016"}, ("CN",)),
    "ebs-snapshot-copy": (enterprise_snapshot_copy, {"RES-009"}, ("CN", "JP")),
    "csg-express-sync": (express_sync, {"RES-009"}, ("CN", "JP")),
    "ess-notification": (ess_notification, {"RES-005"}, ("CN", "JP")),
    "cloudcontrol-vpc": (cloud_control_vpc, {"RES-009"}, ("CN", "JP")),
    "servicecatalog-product": (provisioned_product, {"RES-009"}, ("CN",)),
    "sas-backup-policy": (sas_backup_policy, {"RES-009"}, ("CN",)),
    "green-oss-scan": (green_oss_scan, {"RES-009"}, ("CN",)),
    "ros-change-set-hook": (ros_change_set, {"RES-015"}, ("CN", "JP")),
    "esa-layer4-origin": (esa_layer4_origin, {"RES-015"}, ("CN",)),
    "sls-alert-webhook": (sls_alert_webhook, {"RES-015"}, ("CN", "JP")),
}

OFFICE_KINDS: dict[str, Callable[[str, str], Build]] = {
    "eds-simple-office-site": simple_office_site,
    "eds-ad-office-site": ad_office_site,
}
OFFICE_EXPECTED = {"own": set(), "elsewhere": {"RES-017"}, "partner": {"RES-023"}, "partner-declared": set()}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for kind, make in OFFICE_KINDS.items():
        for code in ("CN", "JP"):
            for who, expected in OFFICE_EXPECTED.items():
                declared = {"partner": [CEN_DECLARED], "partner-declared": [CEN_DECLARED, PARTNER_DECLARED]}.get(
                    who, []
                )
                out.append((f"alired46-{code.lower()}-{kind}-{who}", code, make(code, who), expected, declared))
    out += account_rows("alired46", {"eflo-vpd-grant": vpd_grant}, ("CN",), PARTNER_DECLARED)
    out += account_rows("alired46", {"flink-variable": flink_variable}, ("CN", "JP", "DE"), FLINK_PARTNER_DECLARED,
                        rules=frozenset({"RES-015"}))  # fmt: skip
    for code in ("CN", "JP"):
        # The company's own domain passes once declared (a mail domain is placed by nothing, RES-015 until declared).
        out.append((f"alired46-{code.lower()}-sls-alert-user-own", code, sls_alert_user(code, "own"), set(),
                    [MAIL_DECLARED]))  # fmt: skip
        out.append((f"alired46-{code.lower()}-sls-alert-user-partner", code, sls_alert_user(code, "partner"),
                    {"RES-015"}, [MAIL_DECLARED]))  # fmt: skip
    out += home_abroad_rows("alired46", REGION_KINDS)
    return out
