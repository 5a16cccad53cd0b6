"""Alibaba Cloud red team, stop 49: flows and CEN attachments in ROS templates, and two more services run from a hub.

Reproduced on the unchanged engine (main 3b6f8c1, docs/residency.md "Alibaba Cloud red team, stop 49"): an
``ALIYUN::FNF::Flow`` (and Funcraft's ``Aliyun::Serverless::Flow``) whose FDL task sends the execution's data to a
partner's function passed every door, while the same definition on a Pulumi ``fnf.Flow`` is RES-023; a ROS transit
router attachment or CEN instance attachment naming a CEN / transit router the template does not make (a partner's,
by literal id) passed, while the Pulumi twin is RES-017; a Cloud Architect Design Tools (BP Studio) application
deployed into ``us-west-1`` passed in CN (``area_id`` was not read), and BP Studio applications and Compute Nest
service instances passed on Tokyo, Frankfurt and Virginia providers, though pulumi-alicloud runs both from Hangzhou or
Singapore whatever the provider's Region.

Now: the flows are judged as the Pulumi flow (the stack's own function passes, a partner's is RES-023 until declared);
a literal CEN or transit-router id the template does not make is RES-017 (the template's own ``Ref`` / ``Fn::GetAtt``
/ ``Fn::Sub "${Cen}"`` passes); ``area_id`` is a Region (RES-009 abroad); BP Studio and Compute Nest pass in CN and are
RES-016 elsewhere until declared.

tests/test_realistic_programs.py runs them as CASES (``alired49-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, Build, Row, account_rows
from platform_parts import PARTNER_UID as PARTNER

HOME = {**ALI_HOME, "EU": "eu-central-1", "US": "us-east-1"}
"""Each stack's Alibaba Cloud Region (the table's ``ali`` provider: the EU stack's is Frankfurt, the US stack's
Virginia)."""
ABROAD = {"CN": "ap-southeast-1", "JP": "cn-shanghai", "DE": "ap-northeast-1"}
"""A Region in another market than the stack's (Singapore is not the mainland)."""

PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-hub-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's hub account; its contract keeps its functions in the market",
}  # fmt: skip
"""The partner's account declared by its UID (the ``-partner-declared`` flow programs)."""
PARTNER_CEN = "cen-hubnetwork00001"
"""A CEN instance of the group's hub account (not made by the stack)."""
PARTNER_ROUTER = "tr-hubrouter0000001"
"""A transit router in that CEN."""
CEN_DECLARED: list[dict[str, Any]] = [
    {"id": "group-hub-cen", "kind": "resident", "match": PARTNER_CEN,
     "evidence": "the group's hub CEN: transit routers in the market's Regions only (network contract annex 2)"},
    {"id": "group-hub-router", "kind": "resident", "match": PARTNER_ROUTER,
     "evidence": "the hub CEN's transit router in the stack's Region (network contract annex 2)"},
]  # fmt: skip
"""The hub's CEN and transit router declared by id (the ``-partner-declared`` attachment programs)."""
SERVICES_DECLARED: dict[str, dict[str, Any]] = {
    "bpstudio": {"id": "architecture-designs", "kind": "resident", "match": "alicloud-bpstudio-hub-region",
                 "evidence": "designs hold no personal data; accepted by the DPO, ARCH-49"},
    "computenest": {"id": "compute-nest", "kind": "resident", "match": "alicloud-compute-nest-hub-region",
                    "evidence": "the service instance's parameters hold no personal data; accepted by the DPO, CN-49"},
}  # fmt: skip
"""The service declared by its catalogue entry's id (the ``-declared`` hub programs)."""


def _stack(name: str, resources: dict[str, Any], **top: Any) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        body = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", **top, "Resources": resources})
        return alicloud.ros.Stack(name, stack_name=name, template_body=body, opts=c.ali)

    return build


def _fdl(code: str, who: str) -> Any:
    """A v1 FDL flow whose task hands each order to a function: the stack's own (its Region and account, ROS's pseudo
    parameters in ``Fn::Sub``) or the partner's in the same Region."""
    arn = (
        "acs:fc:${ALIYUN::Region}:${ALIYUN::AccountId}:services/orders/functions/enrich"
        if who == "own"
        else f"acs:fc:{HOME[code]}:{PARTNER}:services/orders/functions/enrich"
    )
    text = f"version: v1\ntype: flow\nsteps:\n  - type: task\n    name: enrich\n    resourceArn: {arn}\n"
    return {"Fn::Sub": text} if who == "own" else text


def fnf_flow(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::FNF::Flow — Definition "The definition of the flow" (FDL): the task's `resourceArn` names the
    # function each execution's input is sent to (the Pulumi fnf.Flow's `definition`).
    return _stack("order-flow", {"Flow": {"Type": "ALIYUN::FNF::Flow", "Properties": {
        "Name": "order-flow", "Description": "enrich orders", "Definition": _fdl(code, who)}}})  # fmt: skip


def serverless_flow(code: str, who: str) -> Build:
    # docs: Funcraft 2018-04-03 Aliyun::Serverless::Flow — {Description, Definition | DefinitionUri, Policies}, the
    # same FDL flow in a template written with the Aliyun::Serverless transform.
    return _stack("order-flow", {"Flow": {"Type": "Aliyun::Serverless::Flow", "Properties": {
        "Description": "enrich orders", "Definition": _fdl(code, who),
        "Policies": ["AliyunFCInvocationAccess"]}}}, Transform="Aliyun::Serverless-2018-04-03")  # fmt: skip


FLOW_KINDS: dict[str, Callable[[str, str], Build]] = {"ros-fnf-flow": fnf_flow, "serverless-flow": serverless_flow}
"""kind -> builder (``-own`` passes, ``-partner`` RES-023, ``-partner-declared`` passes)."""


def _own_network(form: str) -> tuple[dict[str, Any], Any, Any]:
    """The template's own CEN and transit router, and how the attachment names them: ``ref`` (``Ref`` / ``Fn::GetAtt``)
    or ``sub`` (``Fn::Sub "${Cen}"`` / ``"${Router.TransitRouterId}"``)."""
    made = {
        "Cen": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "backbone"}},
        "Router": {"Type": "ALIYUN::CEN::TransitRouter", "Properties": {"CenId": {"Ref": "Cen"}}},
    }
    if form == "sub":
        return made, {"Fn::Sub": "${Cen}"}, {"Fn::Sub": "${Router.TransitRouterId}"}
    return made, {"Ref": "Cen"}, {"Fn::GetAtt": ["Router", "TransitRouterId"]}


def transit_attachment(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::CEN::TransitRouterVpcAttachment — CenId, TransitRouterId: the stack's VPC joined to a transit
    # router; the template's own (`own`, `own-sub`) or the group hub's by id (`partner`).
    if who.startswith("own"):
        made, cen, router = _own_network("sub" if who == "own-sub" else "ref")
    else:
        made, cen, router = {}, PARTNER_CEN, PARTNER_ROUTER
    attach = {"Type": "ALIYUN::CEN::TransitRouterVpcAttachment", "Properties": {
        "CenId": cen, "TransitRouterId": router, "VpcId": "vpc-orders01",
        "ZoneMappings": [{"VSwitchId": "vsw-orders01", "ZoneId": f"{HOME[code]}-a"}]}}  # fmt: skip
    return _stack("orders-network", {**made, "Attach": attach})


def cen_attachment(code: str, who: str) -> Build:
    # docs: ROS ALIYUN::CEN::CenInstanceAttachment — CenId: the CEN the stack's VPC joins (the Pulumi `instance_id`).
    made, cen, _ = _own_network("ref") if who == "own" else ({}, PARTNER_CEN, None)
    attach = {"Type": "ALIYUN::CEN::CenInstanceAttachment", "Properties": {
        "CenId": cen, "ChildInstanceId": "vpc-orders01", "ChildInstanceRegionId": HOME[code],
        "ChildInstanceType": "VPC"}}  # fmt: skip
    return _stack("orders-network", {**made, "Attach": attach})


def bp_application(code: str, area: str) -> Build:
    # docs: bp/studioapplication — the registry's example (template YAUUQIYRSV1CMFGX), deployed into `area`.
    def build(c: Any) -> object:
        return alicloud.bp.StudioApplication(
            "orders-design", application_name="orders-design", template_id="YAUUQIYRSV1CMFGX", area_id=area,
            configuration={"enableMonitor": "1"}, variables={"env": "prod"}, opts=c.ali,
        )  # fmt: skip

    return build


def nest_service_instance(code: str) -> Build:
    # docs: compute/nestserviceinstance — a Compute Nest service deployed into the stack's Region (its parameters).
    def build(c: Any) -> object:
        parameters = {"RegionId": HOME[code], "InstanceChargeType": "PostPaid", "ZoneId": f"{HOME[code]}-a"}
        return alicloud.compute.NestServiceInstance(
            "orders-search", service_id="service-dd475e6e468348799f0f", service_version="1",
            service_instance_name="orders-search", parameters=json.dumps(parameters), opts=c.ali,
        )  # fmt: skip

    return build


def _network_rows() -> list[Row]:
    out: list[Row] = []
    for code in ("CN", "JP", "DE"):
        p = f"alired49-{code.lower()}"
        out += [
            (f"{p}-ros-transit-own", code, transit_attachment(code, "own"), set(), []),
            (f"{p}-ros-transit-own-sub", code, transit_attachment(code, "own-sub"), set(), []),
            (f"{p}-ros-transit-partner", code, transit_attachment(code, "partner"), {"RES-017"}, []),
            (f"{p}-ros-transit-partner-declared", code, transit_attachment(code, "partner"), set(), CEN_DECLARED),
            (f"{p}-ros-cen-own", code, cen_attachment(code, "own"), set(), []),
            (f"{p}-ros-cen-partner", code, cen_attachment(code, "partner"), {"RES-017"}, []),
        ]
    return out


def _hub_rows() -> list[Row]:
    out: list[Row] = [
        ("alired49-cn-bpstudio-home", "CN", bp_application("CN", HOME["CN"]), set(), []),
        ("alired49-cn-bpstudio-abroad", "CN", bp_application("CN", ABROAD["CN"]), {"RES-009"}, []),
        ("alired49-cn-computenest", "CN", nest_service_instance("CN"), set(), []),
    ]
    for code in ("JP", "DE", "EU", "US"):
        p = f"alired49-{code.lower()}"
        out += [
            (f"{p}-bpstudio-home", code, bp_application(code, HOME[code]), {"RES-016"}, []),
            (f"{p}-computenest", code, nest_service_instance(code), {"RES-016"}, []),
        ]
    out += [
        ("alired49-de-bpstudio-home-declared", "DE", bp_application("DE", HOME["DE"]), set(),
         [SERVICES_DECLARED["bpstudio"]]),
        ("alired49-de-bpstudio-abroad-declared", "DE", bp_application("DE", ABROAD["DE"]), {"RES-009"},
         [SERVICES_DECLARED["bpstudio"]]),
        ("alired49-jp-computenest-declared", "JP", nest_service_instance("JP"), set(),
         [SERVICES_DECLARED["computenest"]]),
    ]  # fmt: skip
    return out


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        *account_rows("alired49", FLOW_KINDS, ("CN", "JP", "DE"), PARTNER_DECLARED),
        *_network_rows(),
        *_hub_rows(),
    ]
