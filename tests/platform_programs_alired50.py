"""Alibaba Cloud red team, stop 50: a ROS CEN id given by a Parameter, OSS replication into another account's bucket.

Reproduced on the unchanged engine (main 25d38a3, docs/residency.md "Alibaba Cloud red team, round 8 (stop 50)"): a ROS
transit-router or CEN instance attachment whose ``CenId`` / ``TransitRouterId`` is a ``Ref`` to a template Parameter
(its Default, or the value the ``ros.Stack``'s ``parameters`` give it, a partner's CEN), or an ``Fn::Select`` of a
literal list, passed every door, while the literal id is RES-017 since stop 49 and the Pulumi twin from config RES-017;
an ``oss.BucketReplication`` into another account's bucket in the stack's own Region passed (its ``destination.bucket``
was not read; nor the ROS ``ALIYUN::OSS::BucketReplication``'s), while the AWS twin (``s3.BucketReplicationConfig``
``rules[].destination.bucket``) is RES-017; a ROS Region Parameter given abroad as ``ros.StackParameterArgs`` (not a
map) took its Default at the guard and passed.

Now: the Parameter's value is judged as the id it gives (a partner's id RES-017 unless declared; the stack's own CEN's
id output passes), a Parameter with no value is RES-017; the replication's destination bucket is proven like every
OSS delivery bucket (made by this stack, or declared: RES-017 otherwise); a given ``StackParameterArgs`` is read.

tests/test_realistic_programs.py runs them as CASES (``alired50-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME, DEPLOYER, WHO, Build, Row, ros_stack
from platform_parts import PARTNER_UID as PARTNER

HOME = {**ALI_HOME, "EU": "eu-central-1", "US": "us-east-1"}
"""Each stack's Alibaba Cloud Region (the table's ``ali`` provider: the EU stack's is Frankfurt, the US stack's
Virginia)."""
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
"""The hub's CEN and transit router declared by id (the ``-declared`` attachment programs)."""
PARTNER_BUCKET = "hub-orders-archive"
"""The group's hub account's archive bucket, in the stack's Region (not made by the stack)."""
BUCKET_DECLARED: dict[str, Any] = {
    "id": "group-hub-archive", "kind": "resident", "match": PARTNER_BUCKET,
    "evidence": "the hub account's archive bucket in the stack's Region (storage contract annex 1)",
}  # fmt: skip
"""The hub's archive bucket declared by name (the ``-replication-partner-declared`` programs)."""
PARTNER_ROLE = f"acs:ram::{PARTNER}:role/sovereign-deployer"
"""The deployment role of the group's hub account (the ``-assume-hub-role`` programs' provider assumes it)."""


def _parameters(given: dict[str, Any]) -> Any:
    return [{"parameter_key": k, "parameter_value": v} for k, v in given.items()]


def transit_attachment(code: str, how: str) -> Build:
    """A ROS transit-router VPC attachment whose ``CenId`` / ``TransitRouterId`` are ``Ref`` s to two Parameters:
    ``default`` (their Defaults name the hub's network), ``given`` (the stack's ``parameters`` give the hub's ids),
    ``unset`` (no Default, nothing given), ``own`` (given the ids of the CEN and transit router the program makes)."""
    # docs: ROS ALIYUN::CEN::TransitRouterVpcAttachment — CenId, TransitRouterId; ROS Parameters (Type String,
    # Default); pulumi-alicloud ros/stack `parameters` ({parameter_key, parameter_value}).
    defaults = how == "default"
    params = {
        "CenId": {"Type": "String", **({"Default": PARTNER_CEN} if defaults else {})},
        "TransitRouterId": {"Type": "String", **({"Default": PARTNER_ROUTER} if defaults else {})},
    }
    attach = {"Type": "ALIYUN::CEN::TransitRouterVpcAttachment", "Properties": {
        "CenId": {"Ref": "CenId"}, "TransitRouterId": {"Ref": "TransitRouterId"}, "VpcId": "vpc-orders01",
        "ZoneMappings": [{"VSwitchId": "vsw-orders01", "ZoneId": f"{HOME[code]}-a"}]}}  # fmt: skip
    body = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Parameters": params, "Resources": {"Attach": attach}})

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        given: dict[str, Any] = {}
        if how == "given":
            given = {"CenId": PARTNER_CEN, "TransitRouterId": PARTNER_ROUTER}
        elif how == "own":
            cen = alicloud.cen.Instance("backbone", cen_instance_name="backbone", opts=c.ali)
            router = alicloud.cen.TransitRouter("router", cen_id=cen.id, opts=c.ali)
            given = {"CenId": cen.id, "TransitRouterId": router.transit_router_id}
        return alicloud.ros.Stack(
            "orders-network", stack_name="orders-network", template_body=body, parameters=_parameters(given) or None,
            opts=c.ali,
        )  # fmt: skip

    return build


def cen_attachment_select(code: str) -> Build:
    """A ROS CEN instance attachment whose ``CenId`` is an ``Fn::Select`` of a literal list naming the hub's CEN."""
    # docs: ROS ALIYUN::CEN::CenInstanceAttachment — CenId; ROS Fn::Select [index, list].
    attach = {"Type": "ALIYUN::CEN::CenInstanceAttachment", "Properties": {
        "CenId": {"Fn::Select": [0, [PARTNER_CEN]]}, "ChildInstanceId": "vpc-orders01",
        "ChildInstanceRegionId": HOME[code], "ChildInstanceType": "VPC"}}  # fmt: skip
    body = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"Attach": attach}})

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.ros.Stack("orders-network", stack_name="orders-network", template_body=body, opts=c.ali)

    return build


def replication(code: str, who: str, region: str | None = None) -> Build:
    """The orders bucket replicated (same Region unless ``region``) into the stack's own replica bucket (``own``) or
    the hub account's archive bucket (``partner``)."""

    # docs: oss/bucketreplication — bucket, action, destination {bucket, location}, sync_role; OSS same-Region
    # replication across accounts (the destination bucket "in the same region under Account B").
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        source = alicloud.oss.Bucket("orders", bucket=f"orders-{code.lower()}-primary", opts=c.ali)
        if who == "own":
            target: Any = alicloud.oss.Bucket("replica", bucket=f"orders-{code.lower()}-replica", opts=c.ali).bucket
        else:
            target = PARTNER_BUCKET
        return alicloud.oss.BucketReplication(
            "orders-replication", bucket=source.bucket, action="PUT,DELETE", sync_role="AliyunOSSRole",
            destination={"bucket": target, "location": f"oss-{region or HOME[code]}"}, opts=c.ali,
        )  # fmt: skip

    return build


def ros_replication(code: str, who: str) -> Build:
    """The same replication written in a ROS template: into the template's own bucket (``own``, by ``Fn::GetAtt``
    ``Name``) or the hub account's archive bucket (``partner``, ``partner-declared``)."""
    # docs: ROS ALIYUN::OSS::BucketReplication — BucketName, ReplicationConfiguration.Rule {Action, SyncRole,
    # Destination {Bucket, Location}}; ALIYUN::OSS::Bucket Fn::GetAtt Name ("The name of Bucket").
    made = {"Replica": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": f"orders-{code.lower()}-replica"}}}
    target: Any = {"Fn::GetAtt": ["Replica", "Name"]} if who == "own" else PARTNER_BUCKET
    rule = {"Action": "PUT,DELETE", "SyncRole": "AliyunOSSRole",
            "Destination": {"Bucket": target, "Location": f"oss-{HOME[code]}"}}  # fmt: skip
    replication = {"Type": "ALIYUN::OSS::BucketReplication", "Properties": {
        "BucketName": f"orders-{code.lower()}-primary", "ReplicationConfiguration": {"Rule": rule}}}  # fmt: skip
    return ros_stack("orders-replication", {**(made if who == "own" else {}), "Replication": replication})


def copy_image_given_by_args(code: str, where: str) -> Build:
    """A ROS image copy whose destination Region is a Parameter (Default the stack's own Region) the program gives as
    a ``ros.StackParameterArgs`` (the SDK's input type, not a map): the stack's Region (``home``) or Singapore."""
    # docs: ROS ALIYUN::ECS::CopyImage — DestinationRegionId; pulumi-alicloud ros/stack `parameters`
    # (StackParameterArgs parameter_key / parameter_value).
    params = {"Target": {"Type": "String", "Default": HOME[code]}}
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-orders01",
            "DestinationRegionId": {"Ref": "Target"}, "DestinationImageName": "orders-dr"}}  # fmt: skip
    body = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Parameters": params, "Resources": {"Copy": copy}})
    target = HOME[code] if where == "home" else "ap-southeast-1"

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        given = [alicloud.ros.StackParameterArgs(parameter_key="Target", parameter_value=target)]
        return alicloud.ros.Stack("image-dr", stack_name="image-dr", template_body=body, parameters=given, opts=c.ali)

    return build


def assume_hub_role(code: str) -> Build:
    """A provider assuming the hub account's deployment role (Terraform's / pulumi-alicloud's ``assume_role``): the
    stack deploys into that account, and replicates into a bucket it makes there."""

    # docs: pulumi-alicloud Provider assume_role {role_arn, session_name}.
    def build(c: Any) -> object:
        c.ali_role = PARTNER_ROLE
        source = alicloud.oss.Bucket("orders", bucket=f"orders-{code.lower()}-primary", opts=c.ali)
        target = alicloud.oss.Bucket("replica", bucket=f"orders-{code.lower()}-replica", opts=c.ali)
        return alicloud.oss.BucketReplication(
            "orders-replication", bucket=source.bucket, action="PUT,DELETE", sync_role="AliyunOSSRole",
            destination={"bucket": target.bucket, "location": f"oss-{HOME[code]}"}, opts=c.ali,
        )  # fmt: skip

    return build


def _network_rows() -> list[Row]:
    out: list[Row] = []
    for code in ("CN", "JP", "DE"):
        p = f"alired50-{code.lower()}-ros-transit-param"
        out += [
            (f"{p}-own", code, transit_attachment(code, "own"), set(), []),
            (f"{p}-default-partner", code, transit_attachment(code, "default"), {"RES-017"}, []),
            (f"{p}-given-partner", code, transit_attachment(code, "given"), {"RES-017"}, []),
            (f"{p}-given-partner-declared", code, transit_attachment(code, "given"), set(), CEN_DECLARED),
            (f"{p}-unset", code, transit_attachment(code, "unset"), {"RES-017"}, []),
        ]
    out += [
        ("alired50-cn-ros-cen-select-partner", "CN", cen_attachment_select("CN"), {"RES-017"}, []),
        ("alired50-cn-ros-cen-select-partner-declared", "CN", cen_attachment_select("CN"), set(), CEN_DECLARED),
    ]
    return out


def _replication_rows() -> list[Row]:
    out: list[Row] = []
    for code in ("CN", "JP", "DE", "EU", "US"):
        p = f"alired50-{code.lower()}-oss-replication"
        out += [
            (f"{p}-own", code, replication(code, "own"), set(), []),
            (f"{p}-partner", code, replication(code, "partner"), {"RES-017"}, []),
            (f"{p}-partner-declared", code, replication(code, "partner"), set(), [BUCKET_DECLARED]),
        ]
    out += [
        (f"alired50-{code.lower()}-ros-oss-replication-{who}", code, ros_replication(code, who),
         {"RES-017"} if who == "partner" else set(), [BUCKET_DECLARED] if who == "partner-declared" else [])
        for code in ("CN", "JP", "DE")
        for who in WHO
    ]  # fmt: skip
    out += [
        # Hong Kong is no mainland Region: the hub's bucket there is refused by its location as before (RES-007), its
        # owner declared or not (a declared bucket name says nothing of the Region it is written to).
        ("alired50-cn-oss-replication-hongkong-partner-declared", "CN", replication("CN", "partner", "cn-hongkong"),
         {"RES-007"}, [BUCKET_DECLARED]),
        ("alired50-cn-ros-copy-image-args-home", "CN", copy_image_given_by_args("CN", "home"), set(), []),
        ("alired50-cn-ros-copy-image-args-abroad", "CN", copy_image_given_by_args("CN", "abroad"), {"RES-009"}, []),
        ("alired50-jp-ros-copy-image-args-home", "JP", copy_image_given_by_args("JP", "home"), set(), []),
        ("alired50-jp-ros-copy-image-args-abroad", "JP", copy_image_given_by_args("JP", "abroad"), {"RES-009"}, []),
        ("alired50-cn-assume-hub-role", "CN", assume_hub_role("CN"), set(), []),
        ("alired50-jp-assume-hub-role", "JP", assume_hub_role("JP"), set(), []),
    ]  # fmt: skip
    return out


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [*_network_rows(), *_replication_rows()]
