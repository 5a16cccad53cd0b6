"""Alibaba Cloud red team, stop 43: data out of the jurisdiction through resource types the table never made.

Round 43 listed the ``alicloud.*`` constructors the realistic table already makes (249) against the installed
pulumi-alicloud's resource classes (1,217) and tried about thirty data-carrying types it never made (DTS instances and
migration jobs, CDN real-time log delivery, GA access logs, CloudMonitor event rules, ACK add-on configurations,
AnalyticDB for PostgreSQL JDBC / Kafka sources, ESA log delivery, CEN grants, Express Connect Router grants and
associations, transit router ECR attachments, HBR restore jobs, PAI code sources, SMS short URLs ...; the full list
and each verdict is in docs/residency.md, "Alibaba Cloud red team, stop 43"), each first as a one-value
``RuleEngine.check`` and then, for the shapes below, as a program written from the provider's registry page. Most
were already refused where they name a Region or a host outside the jurisdiction; those stay here as paired programs
(``home`` in-country, ``abroad`` out of it) so a later change cannot lose them.

What passed is one shape, the one round 40 closed for its siblings: the input that names the OTHER ACCOUNT owning
what the stack's network is joined to. A CEN child instance grant (``cen.InstanceGrant``) or transit router grant
(``cen.TransitRouterGrantAttachment``) hands the stack's VPC to another account's CEN (``cen_owner_id``); an Express
Connect Router grant association (``expressconnect.RouterGrantAssociation``) hands it to another account's ECR
(``ecr_owner_ali_uid``); the stack's ECR associated with another account's transit router
(``expressconnect.RouterTrAssociation``, ``transit_router_owner_id``); another account's ECR attached to the stack's
transit router (``cen.TransitRouterEcrAttachment``, ``ecr_owner_id``). The CEN / ECR id of another account is
refused as before (RES-017) until declared, the fix its message asks; with it declared, the account passed. ``who``:
``own`` (the stack's own CEN / ECR, its own UID, under a provider assuming the team's deployment role: passes),
``partner`` (the partner's CEN / ECR declared by id as resident, the partner's UID: RES-023, passed before),
``partner-declared`` (the partner's UID declared too: passes).

tests/test_realistic_programs.py runs them as CASES (``alired43-*``) in CN and JP.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud

Build = Callable[[Any], object]

OWN = "1234567890123456"
"""The team's Alibaba Cloud account (the mocks' account, whose deployment role the provider assumes)."""
PARTNER = "5555666677778888"
"""The group's network-hub account, which no provider of the stack assumes a role of."""
DEPLOYER = f"acs:ram::{OWN}:role/sovereign-deployer"
HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1"}
ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1"}
CODES = ("CN", "JP")
WHO = ("own", "partner", "partner-declared")
PARTNER_CEN = "cen-grouphub0000000001"
PARTNER_ECR = "ecr-grouphub0000000001"
PARTNER_TR = "tr-grouphub0000000001"

PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-network-hub-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's network-hub account; its contract keeps its CEN and ECR in the market's regions",
}  # fmt: skip


def _place_declared(kind: str) -> list[dict[str, Any]]:
    """The partner's CEN or ECR, declared by id (the fix RES-017's message asks for a CEN / ECR the stack does not
    make); RouterTrAssociation's partner ids are not judged as a group. RouterGrantAssociation's ``ecr_id`` is since
    stop 47 (the lead's decision: judged as cen.InstanceGrant's ``cen_id`` is), so its partner ECR is declared too."""
    match = {"cen-grant": PARTNER_CEN, "tr-grant": PARTNER_CEN, "ecr-grant": PARTNER_ECR,
             "tr-ecr-attachment": PARTNER_ECR}.get(kind)  # fmt: skip
    if match is None:
        return []
    return [{"id": "group-network-hub", "kind": "resident", "match": match,
             "evidence": "the group's network hub, in the market's regions"}]  # fmt: skip


def _uid(who: str) -> str:
    return OWN if who == "own" else PARTNER


def _vpc(code: str, opts: pulumi.ResourceOptions) -> Any:
    return alicloud.vpc.Network("telematics", vpc_name="telematics", cidr_block="10.40.0.0/16", opts=opts)


def cen_grant(code: str, who: str) -> Build:
    # docs: cen/instancegrant — "authorize a VPC or VBR to a CEN of a different account" (`cen_id`, `child_instance_id`,
    # `cen_owner_id`); the registry example builds `cen_owner_id` from `getAccount`.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        vpc = _vpc(code, c.ali)
        cen = alicloud.cen.Instance("hub", cen_instance_name="hub", opts=c.ali).id if who == "own" else PARTNER_CEN
        return alicloud.cen.InstanceGrant(
            "telematics-grant", cen_id=cen, child_instance_id=vpc.id, cen_owner_id=_uid(who), opts=c.ali
        )

    return build


def tr_grant(code: str, who: str) -> Build:
    # docs: cen/transitroutergrantattachment — `cen_owner_id` "The ID of the Alibaba Cloud account to which the CEN
    # instance belongs", `instance_type` VPC, `order_type` PayByCenOwner.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        vpc = _vpc(code, c.ali)
        cen = alicloud.cen.Instance("hub", cen_instance_name="hub", opts=c.ali).id if who == "own" else PARTNER_CEN
        return alicloud.cen.TransitRouterGrantAttachment(
            "telematics-grant", cen_id=cen, cen_owner_id=_uid(who), instance_id=vpc.id, instance_type="VPC",
            order_type="PayByCenOwner", opts=c.ali,
        )  # fmt: skip

    return build


def ecr_grant(code: str, who: str) -> Build:
    # docs: expressconnect/routergrantassociation — `ecr_id`, `ecr_owner_ali_uid` "The ID of the Alibaba Cloud account
    # (primary account) to which the leased line gateway instance is authorized", `instance_id`, `instance_region_id`,
    # `instance_type` VPC.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        vpc = _vpc(code, c.ali)
        ecr = (
            alicloud.expressconnect.RouterExpressConnectRouter("lines", alibaba_side_asn=65533, opts=c.ali).id
            if who == "own"
            else PARTNER_ECR
        )
        return alicloud.expressconnect.RouterGrantAssociation(
            "telematics-to-lines", ecr_id=ecr, ecr_owner_ali_uid=int(_uid(who)), instance_id=vpc.id,
            instance_region_id=HOME[code], instance_type="VPC", opts=c.ali,
        )  # fmt: skip

    return build


def ecr_tr_association(code: str, who: str) -> Build:
    # docs: expressconnect/routertrassociation — `ecr_id`, `association_region_id`, `cen_id`, `transit_router_id`,
    # `transit_router_owner_id` "The ID of the Alibaba Cloud account to which the forwarding router belongs".
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        ecr = alicloud.expressconnect.RouterExpressConnectRouter("lines", alibaba_side_asn=65533, opts=c.ali)
        if who == "own":
            cen = alicloud.cen.Instance("hub", cen_instance_name="hub", opts=c.ali)
            tr = alicloud.cen.TransitRouter("hub-tr", cen_id=cen.id, opts=c.ali)
            cen_id, tr_id = cen.id, tr.transit_router_id
        else:
            cen_id, tr_id = pulumi.Output.from_input(PARTNER_CEN), pulumi.Output.from_input(PARTNER_TR)
        return alicloud.expressconnect.RouterTrAssociation(
            "lines-to-hub", ecr_id=ecr.id, association_region_id=HOME[code], cen_id=cen_id, transit_router_id=tr_id,
            transit_router_owner_id=int(_uid(who)), opts=c.ali,
        )  # fmt: skip

    return build


def tr_ecr_attachment(code: str, who: str) -> Build:
    # docs: cen/transitrouterecrattachment — `ecr_id`, `cen_id`, `ecr_owner_id`, `transit_router_id` (the registry
    # example's ECR and transit router are the stack's own, `ecr_owner_id` from `getAccount`).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        cen = alicloud.cen.Instance("hub", cen_instance_name="hub", opts=c.ali)
        tr = alicloud.cen.TransitRouter("hub-tr", cen_id=cen.id, opts=c.ali)
        ecr = (
            alicloud.expressconnect.RouterExpressConnectRouter("lines", alibaba_side_asn=65533, opts=c.ali).id
            if who == "own"
            else PARTNER_ECR
        )
        return alicloud.cen.TransitRouterEcrAttachment(
            "hub-lines", ecr_id=ecr, cen_id=cen.id, transit_router_id=tr.transit_router_id, ecr_owner_id=int(_uid(who)),
            opts=c.ali,
        )  # fmt: skip

    return build


ACCOUNT_KINDS: dict[str, Callable[[str, str], Build]] = {
    "cen-grant": cen_grant,
    "tr-grant": tr_grant,
    "ecr-grant": ecr_grant,
    "ecr-tr-association": ecr_tr_association,
    "tr-ecr-attachment": tr_ecr_attachment,
}


# -- already refused before stop 43 (the Region or host abroad); kept as paired programs ------------------------------


def dts_instance(code: str, where: str) -> Build:
    # docs: dts/instance — `source_region`, `destination_region` ("The destination region"), `type` SYNC.
    def build(c: Any) -> object:
        return alicloud.dts.Instance(
            "orders-sync", payment_type="PayAsYouGo", type="SYNC", instance_class="large",
            source_endpoint_engine_name="MySQL", source_region=HOME[code], destination_endpoint_engine_name="MySQL",
            destination_region=HOME[code] if where == "home" else ABROAD[code], sync_architecture="oneway",
            opts=c.ali,
        )  # fmt: skip

    return build


def dts_migration(code: str, where: str) -> Build:
    # docs: dts/migrationjob — the source and destination RDS instances by id and Region (`*_endpoint_region`).
    def build(c: Any) -> object:
        return alicloud.dts.MigrationJob(
            "orders-migration", dts_instance_id="dtsorders000001", dts_job_name="orders-migration",
            source_endpoint_instance_type="RDS", source_endpoint_instance_id="rm-orders000001",
            source_endpoint_engine_name="MySQL", source_endpoint_region=HOME[code],
            source_endpoint_user_name="dts", source_endpoint_password="example-Passw0rd",
            destination_endpoint_instance_type="RDS", destination_endpoint_instance_id="rm-reports000001",
            destination_endpoint_engine_name="MySQL",
            destination_endpoint_region=HOME[code] if where == "home" else ABROAD[code],
            destination_endpoint_user_name="dts", destination_endpoint_password="example-Passw0rd",
            db_list=json.dumps({"orders": {"name": "orders", "all": True}}), structure_initialization=True,
            data_initialization=True, data_synchronization=True, opts=c.ali,
        )  # fmt: skip

    return build


def cdn_realtime_log(code: str, where: str) -> Build:
    # docs: cdn/realtimelogdelivery — `domain`, `project`, `logstore`, `sls_region` (the SLS project's Region).
    def build(c: Any) -> object:
        return alicloud.cdn.RealTimeLogDelivery(
            "downloads-logs", domain="downloads.example.com", project="cdn-realtime", logstore="access",
            sls_region=HOME[code] if where == "home" else ABROAD[code], opts=c.ali,
        )  # fmt: skip

    return build


def ga_access_log(code: str, where: str) -> Build:
    # docs: ga/accesslog — `sls_project_name`, `sls_log_store_name`, `sls_region_id` ("The region ID of the Log Service
    # project").
    def build(c: Any) -> object:
        return alicloud.ga.AccessLog(
            "api-access-log", accelerator_id="ga-bp1api000000001", listener_id="lsr-bp1api00000001",
            endpoint_group_id="epg-bp1api00000001", sls_project_name="ga-logs", sls_log_store_name="access",
            sls_region_id=HOME[code] if where == "home" else ABROAD[code], opts=c.ali,
        )  # fmt: skip

    return build


ECS_EVENTS: Any = {"product": "ecs", "event_type_lists": ["StatusNotification"]}


def event_rule_mns(code: str, where: str) -> Build:
    # docs: cms/eventrule — `mns_parameters` (`contact_parameters_id`... `region`, `queue`): system events into a queue.
    def build(c: Any) -> object:
        return alicloud.cms.EventRule(
            "ecs-events", rule_name="ecs-events", event_pattern=ECS_EVENTS,
            mns_parameters=[{"mns_parameters_id": "1", "region": HOME[code] if where == "home" else ABROAD[code],
                             "queue": "ops-events"}], opts=c.ali,
        )  # fmt: skip

    return build


def event_rule_sls(code: str, where: str) -> Build:
    # docs: cms/eventrule — `sls_parameters` (`region`, `project`, `log_store`).
    def build(c: Any) -> object:
        return alicloud.cms.EventRule(
            "ecs-events", rule_name="ecs-events", event_pattern=ECS_EVENTS,
            sls_parameters=[{"region": HOME[code] if where == "home" else ABROAD[code],
                             "project": "ops-events", "log_store": "ecs"}], opts=c.ali,
        )  # fmt: skip

    return build


def logtail_addon(code: str, where: str) -> Build:
    # docs: cs/kubernetesaddon — `config`, the add-on's JSON configuration (logtail-ds: the SLS project and its Region).
    def build(c: Any) -> object:
        config = {"IngressDashboardEnabled": "true", "sls_project_name": "k8s-logs",
                  "sls_region": HOME[code] if where == "home" else ABROAD[code]}  # fmt: skip
        return alicloud.cs.KubernetesAddon(
            "logtail", cluster_id="c0123456789abcdef", name="logtail-ds", config=json.dumps(config), opts=c.ali
        )

    return build


def jdbc_source(code: str, where: str) -> Build:
    # docs: gpdb/jdbcdatasource — `jdbc_connection_string`, the external database AnalyticDB for PostgreSQL reads and
    # writes (a regional RDS host: the Region in its name).
    def build(c: Any) -> object:
        region = HOME[code] if where == "home" else ABROAD[code]
        return alicloud.gpdb.JdbcDataSource(
            "orders-source", db_instance_id="gp-orders000001", data_source_name="orders", data_source_type="mysql",
            jdbc_connection_string=f"jdbc:mysql://rm-orders000001.mysql.rds.{region}.aliyuncs.com:3306/orders",
            jdbc_user_name="reader", jdbc_password="example-Passw0rd", opts=c.ali,
        )  # fmt: skip

    return build


def esa_sls_delivery(code: str, where: str) -> Build:
    # docs: esa/sitedeliverytask — `data_center` (cn: the logs of the mainland nodes), `delivery_type` sls,
    # `sls_delivery` (`sls_region`, `sls_project`, `sls_log_store`).
    def build(c: Any) -> object:
        home = where == "home"
        return alicloud.esa.SiteDeliveryTask(
            "site-logs", site_id="123456789", task_name="site-logs", business_type="dcdn_log_access_l1",
            data_center="cn", delivery_type="sls", field_name="ClientIP,UserAgent,URI",
            sls_delivery={"sls_region": HOME[code] if home else ABROAD[code], "sls_project": "site-logs",
                          "sls_log_store": "access"}, opts=c.ali,
        )  # fmt: skip

    return build


REGION_KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "dts-instance": (dts_instance, {"RES-009"}, CODES),
    "dts-migration": (dts_migration, {"RES-009"}, CODES),
    "cdn-realtime-log": (cdn_realtime_log, {"RES-009"}, CODES),
    "ga-access-log": (ga_access_log, {"RES-009"}, CODES),
    "event-rule-mns": (event_rule_mns, {"RES-009"}, CODES),
    "event-rule-sls": (event_rule_sls, {"RES-009"}, CODES),
    "logtail-addon": (logtail_addon, {"RES-009"}, CODES),
    "jdbc-source": (jdbc_source, {"RES-006"}, CODES),
    "esa-sls-delivery": (esa_sls_delivery, {"RES-009"}, ("CN",)),
}


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    for kind, make in ACCOUNT_KINDS.items():
        for code in CODES:
            for who in WHO:
                declared = [] if who == "own" else _place_declared(kind)
                if who == "partner-declared":
                    declared = [*declared, PARTNER_DECLARED]
                out.append((f"alired43-{code.lower()}-{kind}-{who}", code, make(code, who),
                            {"RES-023"} if who == "partner" else set(), declared))  # fmt: skip
    for kind, (make, rules, codes) in REGION_KINDS.items():
        for code in codes:
            for where in ("home", "abroad"):
                out.append((f"alired43-{code.lower()}-{kind}-{where}", code, make(code, where),
                            rules if where == "abroad" else set(), []))  # fmt: skip
    return out
