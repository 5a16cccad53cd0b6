"""Alibaba Cloud red team, stop 45: other accounts and Regions named by types (or fields) the table never exercised.

Round 45 repeated round 43's method (docs/residency.md, "Alibaba Cloud red team, stop 45"): the ``alicloud.*``
constructors the table makes were listed against the installed pulumi-alicloud, and about sixty types that send,
replicate, export or share data (Resource Center delivery, Config deliveries, CEN / VPN / Express Connect joins, HBR
plans, SLS ETL / export / ingestion / scheduled SQL, DTS jobs, MNS subscriptions, ECS image copy / share / import,
DataWorks, CloudSSO, Resource Manager shares ...) were tried as one-value ``RuleEngine.check`` subjects with a partner's
UID, a Region abroad (``cn-hongkong`` for CN) or a foreign host, on the unchanged engine.

What passed while a sibling was refused is the input naming the OTHER ACCOUNT that receives the data or is joined to
the stack's network: a multi-account Resource Center delivery channel's ``target_arn`` (its single-account sibling was
refused) and both channels' oversized-data bucket (``sls_properties.oversized_data_oss_target_arn``, Config's is
refused); another account's IPsec-VPN connection attached to the stack's transit router (``vpn_owner_id``; the VPC, VBR
and ECR attachments' owners are refused); a router interface connected to another account's (``opposite_interface_
owner_id``, on ``vpc.RouterInterfaceConnection`` and ``expressconnect.RouterInterface``; a VPC peering's accepter is
refused); an MNS queue endpoint of another account on ``message.ServiceSubscription`` (refused on
``mns.TopicSubscription``). ``who``: ``own`` (the team's UID under a provider assuming its deployment role: passes),
``partner`` (a partner's UID: RES-023, passed before), ``partner-declared`` (the partner's account declared: passes).

The shapes already refused (a Region abroad) stay as paired ``home`` / ``abroad`` programs of types no table program
made before: a router interface to a peer Region, CEN PrivateZone access, CEN cloud-service route, a CloudMonitor SLS
group, an ECS image copied from a Region, a multi-account delivery channel's target Region.

tests/test_realistic_programs.py runs them as CASES (``alired45-*``) in CN and JP.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME as HOME
from platform_parts import DEPLOYER, Build, Row, account_rows, home_abroad_rows
from platform_parts import OWN_UID as OWN
from platform_parts import PARTNER_UID as PARTNER

ABROAD = {"CN": "cn-hongkong", "JP": "ap-southeast-1"}
CODES = ("CN", "JP")

PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-hub-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's hub account; its contract keeps its logs, buckets and networks in the market's regions",
}  # fmt: skip


def _uid(who: str) -> str:
    return OWN if who == "own" else PARTNER


def multi_delivery(code: str, who: str) -> Build:
    # docs: resourcemanager/multiaccountdeliverychannel — `resource_change_delivery.target_arn` (an SLS Logstore ARN),
    # `delivery_channel_filter.account_scopes` (the resource directory's folders or members whose changes are sent).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.resourcemanager.MultiAccountDeliveryChannel(
            "org-changes", multi_account_delivery_channel_name="org-changes", delivery_channel_description="changes",
            delivery_channel_filter={"account_scopes": ["rd-fleet"], "resource_types": ["ACS::ECS::Instance"]},
            resource_change_delivery={
                "target_arn": f"acs:log:{HOME[code]}:{_uid(who)}:project/org-config/logstore/changes"},
            opts=c.ali,
        )  # fmt: skip

    return build


def multi_snapshot(code: str, who: str) -> Build:
    # docs: resourcemanager/multiaccountdeliverychannel — `resource_snapshot_delivery` (`delivery_time`, `target_type`
    # OSS, `target_arn` the bucket's ARN).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.resourcemanager.MultiAccountDeliveryChannel(
            "org-snapshots", multi_account_delivery_channel_name="org-snapshots",
            delivery_channel_description="snapshots",
            delivery_channel_filter={"account_scopes": ["rd-fleet"], "resource_types": ["ACS::RDS::DBInstance"]},
            resource_snapshot_delivery={"delivery_time": "16:00Z", "target_type": "OSS",
                                        "target_arn": f"acs:oss:{HOME[code]}:{_uid(who)}:resourcecenter-snapshots"},
            opts=c.ali,
        )  # fmt: skip

    return build


def delivery_oversized(code: str, who: str) -> Build:
    # docs: resourcemanager/deliverychannel — `resource_change_delivery.sls_properties.oversized_data_oss_target_arn`:
    # events over 1 MB go to this bucket (ROS: "you must enter an OSS bucket ARN with the resourcecenter- prefix").
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.resourcemanager.DeliveryChannel(
            "changes", delivery_channel_name="changes", delivery_channel_description="changes",
            delivery_channel_filter={"resource_types": ["ACS::ECS::Instance"]},
            resource_change_delivery={
                "target_arn": f"acs:log:{HOME[code]}:{OWN}:project/fleet-config/logstore/changes",
                "sls_properties": {
                    "oversized_data_oss_target_arn": f"acs:oss:{HOME[code]}:{_uid(who)}:resourcecenter-oversized"}},
            opts=c.ali,
        )  # fmt: skip

    return build


def tr_vpn_attachment(code: str, who: str) -> Build:
    # docs: cen/transitroutervpnattachment — `vpn_id` (an IPsec-VPN connection), `vpn_owner_id` ("the ID of the
    # Alibaba Cloud account to which the IPsec-VPN connection belongs"), `transit_router_id`, `zones`.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        cen = alicloud.cen.Instance("hub", cen_instance_name="hub", opts=c.ali)
        tr = alicloud.cen.TransitRouter("hub-tr", cen_id=cen.id, opts=c.ali)
        return alicloud.cen.TransitRouterVpnAttachment(
            "plant-vpn", vpn_id="vco-plant0000000001", vpn_owner_id=_uid(who), cen_id=cen.id,
            transit_router_id=tr.transit_router_id, auto_publish_route_enabled=False,
            zones=[{"zone_id": f"{HOME[code]}-b" if code == "CN" else f"{HOME[code]}a"}], opts=c.ali,
        )  # fmt: skip

    return build


def ri_connection(code: str, who: str) -> Build:
    # docs: vpc/routerinterfaceconnection — connects the stack's router interface to the opposite one
    # (`opposite_interface_id`, `opposite_router_id`, `opposite_interface_owner_id`).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        vpc = alicloud.vpc.Network("telematics", vpc_name="telematics", cidr_block="10.40.0.0/16", opts=c.ali)
        ri = alicloud.vpc.RouterInterface(
            "telematics-ri", opposite_region=HOME[code], router_type="VRouter", router_id=vpc.router_id,
            role="InitiatingSide", specification="Large.2", opts=c.ali,
        )  # fmt: skip
        return alicloud.vpc.RouterInterfaceConnection(
            "telematics-peer", interface_id=ri.id, opposite_interface_id="ri-hub00000000000001",
            opposite_router_id="vrt-hub00000000000001", opposite_router_type="VRouter",
            opposite_interface_owner_id=_uid(who), opts=c.ali,
        )  # fmt: skip

    return build


def ecr_router_interface(code: str, who: str) -> Build:
    # docs: expressconnect/routerinterface — the successor of the above; `opposite_interface_owner_id` with
    # `opposite_region_id`, `opposite_router_id`, `opposite_interface_id`.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        vpc = alicloud.vpc.Network("telematics", vpc_name="telematics", cidr_block="10.40.0.0/16", opts=c.ali)
        return alicloud.expressconnect.RouterInterface(
            "telematics-ri", opposite_region_id=HOME[code], role="InitiatingSide", router_id=vpc.router_id,
            router_type="VRouter", spec="Mini.2", opposite_router_type="VRouter",
            opposite_router_id="vrt-hub00000000000001", opposite_interface_id="ri-hub00000000000001",
            opposite_interface_owner_id=_uid(who), payment_type="PayAsYouGo", opts=c.ali,
        )  # fmt: skip

    return build


def mns_queue_subscription(code: str, who: str) -> Build:
    # docs: message/servicesubscription — `push_type` queue, `endpoint` the queue's ARN
    # (acs:mns:{REGION}:{AccountID}:queues/{QueueName}).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        topic = alicloud.message.ServiceTopic("alarms", topic_name="alarms", max_message_size=65536, opts=c.ali)
        return alicloud.message.ServiceSubscription(
            "alarms-to-queue", topic_name=topic.topic_name, subscription_name="alarms-to-queue", push_type="queue",
            endpoint=f"acs:mns:{HOME[code]}:{_uid(who)}:queues/alarms", notify_strategy="BACKOFF_RETRY",
            notify_content_format="SIMPLIFIED", opts=c.ali,
        )  # fmt: skip

    return build


ACCOUNT_KINDS: dict[str, Callable[[str, str], Build]] = {
    "rc-multi-delivery": multi_delivery,
    "rc-multi-snapshot": multi_snapshot,
    "rc-delivery-oversized": delivery_oversized,
    "tr-vpn-attachment": tr_vpn_attachment,
    "ri-connection": ri_connection,
    "ecr-router-interface": ecr_router_interface,
    "mns-queue-subscription": mns_queue_subscription,
}


# -- already refused before stop 45 (a Region abroad); kept as paired programs of types the table did not make -------


def router_interface(code: str, where: str) -> Build:
    # docs: vpc/routerinterface — `opposite_region`: the Region of the peer router.
    def build(c: Any) -> object:
        vpc = alicloud.vpc.Network("telematics", vpc_name="telematics", cidr_block="10.40.0.0/16", opts=c.ali)
        return alicloud.vpc.RouterInterface(
            "telematics-ri", opposite_region=HOME[code] if where == "home" else ABROAD[code], router_type="VRouter",
            router_id=vpc.router_id, role="InitiatingSide", specification="Large.2", opts=c.ali,
        )  # fmt: skip

    return build


def cen_private_zone(code: str, where: str) -> Build:
    # docs: cen/privatezone — `access_region_id` (the Region whose VPCs resolve through the host VPC's PrivateZone),
    # `host_region_id`, `host_vpc_id`.
    def build(c: Any) -> object:
        cen = alicloud.cen.Instance("hub", cen_instance_name="hub", opts=c.ali)
        vpc = alicloud.vpc.Network("dns-hub", vpc_name="dns-hub", cidr_block="10.41.0.0/16", opts=c.ali)
        return alicloud.cen.PrivateZone(
            "fleet-dns", cen_id=cen.id, host_region_id=HOME[code], host_vpc_id=vpc.id,
            access_region_id=HOME[code] if where == "home" else ABROAD[code], opts=c.ali,
        )  # fmt: skip

    return build


def cen_route_service(code: str, where: str) -> Build:
    # docs: cen/routeservice — lets VPCs in `access_region_id` reach cloud services (`host`) through the host VPC.
    def build(c: Any) -> object:
        cen = alicloud.cen.Instance("hub", cen_instance_name="hub", opts=c.ali)
        vpc = alicloud.vpc.Network("svc-hub", vpc_name="svc-hub", cidr_block="10.42.0.0/16", opts=c.ali)
        return alicloud.cen.RouteService(
            "oss-route", cen_id=cen.id, host="100.118.28.0/24", host_region_id=HOME[code], host_vpc_id=vpc.id,
            access_region_id=HOME[code] if where == "home" else ABROAD[code], opts=c.ali,
        )  # fmt: skip

    return build


def cms_sls_group(code: str, where: str) -> Build:
    # docs: cms/slsgroup — `sls_group_configs` (`sls_logstore`, `sls_project`, `sls_region`, `sls_user_id`).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.cms.SlsGroup(
            "trip-logs", sls_group_name="trip-logs", sls_group_description="trip logs",
            sls_group_configs=[{"sls_logstore": "trips", "sls_project": "fleet-logs", "sls_user_id": OWN,
                                "sls_region": HOME[code] if where == "home" else ABROAD[code]}],
            opts=c.ali,
        )  # fmt: skip

    return build


def ecs_copy_image(code: str, where: str) -> Build:
    # docs: ecs/copyimage — copies `source_image_id` from `source_region_id` into the provider's Region.
    def build(c: Any) -> object:
        return alicloud.ecs.CopyImage(
            "base-image", source_image_id="m-base000000000001", image_name="fleet-base",
            source_region_id=HOME[code] if where == "home" else ABROAD[code], opts=c.ali,
        )  # fmt: skip

    return build


def multi_delivery_region(code: str, where: str) -> Build:
    # docs: resourcemanager/multiaccountdeliverychannel — the target Logstore's Region in `target_arn`.
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        region = HOME[code] if where == "home" else ABROAD[code]
        return alicloud.resourcemanager.MultiAccountDeliveryChannel(
            "org-changes", multi_account_delivery_channel_name="org-changes", delivery_channel_description="changes",
            delivery_channel_filter={"account_scopes": ["rd-fleet"], "resource_types": ["ACS::ECS::Instance"]},
            resource_change_delivery={"target_arn": f"acs:log:{region}:{OWN}:project/org-config/logstore/changes"},
            opts=c.ali,
        )  # fmt: skip

    return build


REGION_KINDS: dict[str, tuple[Callable[[str, str], Build], set[str]]] = {
    "router-interface": (router_interface, {"RES-009"}),
    "cen-private-zone": (cen_private_zone, {"RES-009"}),
    "cen-route-service": (cen_route_service, {"RES-009"}),
    "cms-sls-group": (cms_sls_group, {"RES-009"}),
    "ecs-copy-image": (ecs_copy_image, {"RES-009"}),
    "rc-multi-delivery-region": (multi_delivery_region, {"RES-005"}),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return account_rows("alired45", ACCOUNT_KINDS, CODES, PARTNER_DECLARED) + home_abroad_rows(
        "alired45", REGION_KINDS, CODES
    )
