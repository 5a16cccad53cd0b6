"""ROS templates, round 3, and Alibaba's serverless transform (stop 48, issue 9: ros48).

Stop 47 (ros47) left open the ROS twins whose property names it did not find, and an ``ALIYUN::FC::Function``'s
``AsyncConfiguration.Destination`` {OnSuccess, OnFailure} (strings one level above the Pulumi
``destination_config.on_failure.destination``). The names were read from the ROS CDK 1.15.0's generated template keys.
Reproduced on the unchanged engine (main 1fd7240, ``RuleEngine(code).check`` of a ``ros.Stack`` whose template holds
each resource, against the pulumi-alicloud twin under the same provider; partner UID 5555666677778888): another account
in ``ALIYUN::VPC::VpcPeerConnection`` ``AcceptingAliUid``, ``ALIYUN::CEN::TransitRouterVpcAttachment`` ``VpcOwnerId``
(and the VBR / VPN twins), ``ALIYUN::PrivateLink::VpcEndpointService`` ``User``, ``ALIYUN::ECS::
NetworkInterfacePermission`` ``AccountId``, ``ALIYUN::ESS::LifecycleHook`` ``NotificationArn``, ``ALIYUN::ESS::
ScalingGroup`` ``NotificationConfigurations[].NotificationArn``, ``ALIYUN::CMS::MetricRuleTargets`` ``Targets[].Arn``
and ``ALIYUN::FC::Function`` ``AsyncConfiguration.Destination.OnFailure`` passed every door (each Pulumi twin:
RES-023); so did the same destination in an ``Aliyun::Serverless::Function`` (Alibaba's ``Aliyun::Serverless``
transform, the function declared as a key of its ``Aliyun::Serverless::Service``). A foreign Region on the transform's
MNSTopic event was already RES-009 (before = after).

``shape``: ``peering``, ``transit``, ``endpoint-users``, ``eni``, ``hook``, ``asg-notify``, ``metric-targets``,
``fc-async``, ``serverless``: ``-own`` the stack's own account (``Ref ALIYUN::AccountId``, ``${ALIYUN::AccountId}`` in
``Fn::Sub``, the template's own queue): passes; ``-partner`` the partner's UID: RES-023 in CN, JP and DE (an Alibaba
Cloud account has no jurisdiction by partition); ``-partner-declared``: passes. ``serverless-topic-abroad``: the
transform's MNSTopic event on a topic in another market's Region: RES-009 (already so on main).
``cn-stackgroup-transit-partner``: the partner's VPC on the transit router in a ``ros.StackGroup``'s template.

tests/test_realistic_programs.py runs them as CASES (``ros48-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME as HOME
from platform_parts import DEPLOYER, Build, Row
from platform_parts import PARTNER_UID as PARTNER

ABROAD = {"CN": "ap-southeast-1", "JP": "cn-shanghai", "DE": "ap-northeast-1"}
"""A Region in another market: where a topic of the group's other business lives."""
PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-hub-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's hub account; its contract keeps its networks, queues and functions in the market",
}  # fmt: skip
OWN_ACCOUNT_REF = {"Ref": "ALIYUN::AccountId"}
"""ROS's pseudo parameter: the stack's own account."""
OWN_QUEUE = {"Fn::Sub": "acs:mns:${ALIYUN::Region}:${ALIYUN::AccountId}:/queues/failed-orders/messages"}
"""The stack's own dead-letter queue (its Region and account, ROS's pseudo parameters)."""


def _partner_queue(code: str) -> str:
    return f"acs:mns:{HOME[code]}:{PARTNER}:/queues/failed-orders/messages"


def _template(resources: dict[str, Any], **top: Any) -> str:
    return json.dumps({"ROSTemplateFormatVersion": "2015-09-01", **top, "Resources": resources})


def _stack(name: str, resources: dict[str, Any], **top: Any) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        body = _template(resources, **top)
        return alicloud.ros.Stack(name, stack_name=name, template_body=body, opts=c.ali)

    return build


def _account(who: str) -> Any:
    return OWN_ACCOUNT_REF if who == "own" else int(PARTNER)


def peering(code: str, who: str) -> Build:
    # ROS ALIYUN::VPC::VpcPeerConnection AcceptingAliUid: the account owning the accepter VPC.
    return _stack("peering", {"Peer": {"Type": "ALIYUN::VPC::VpcPeerConnection", "Properties": {
        "VpcId": "vpc-app01", "AcceptingVpcId": "vpc-hub01", "AcceptingRegionId": HOME[code],
        "AcceptingAliUid": _account(who), "Name": "app-to-hub"}}})  # fmt: skip


def transit(code: str, who: str) -> Build:
    # ROS ALIYUN::CEN::TransitRouterVpcAttachment VpcOwnerId: the account owning the VPC attached to the stack's
    # transit router (the template's own CEN and transit router).
    return _stack("transit", {
        "Cen": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "backbone"}},
        "Router": {"Type": "ALIYUN::CEN::TransitRouter", "Properties": {"CenId": {"Ref": "Cen"}}},
        "Attach": {"Type": "ALIYUN::CEN::TransitRouterVpcAttachment", "Properties": {
            "CenId": {"Ref": "Cen"}, "TransitRouterId": {"Fn::GetAtt": ["Router", "TransitRouterId"]},
            "VpcId": "vpc-hub01", "VpcOwnerId": _account(who),
            "ZoneMappings": [{"VSwitchId": "vsw-hub01", "ZoneId": f"{HOME[code]}-a"}]}},
    })  # fmt: skip


def endpoint_users(code: str, who: str) -> Build:
    # ROS ALIYUN::PrivateLink::VpcEndpointService User: the accounts whitelisted to reach the service (and read its
    # answers).
    users = [OWN_ACCOUNT_REF] if who == "own" else [OWN_ACCOUNT_REF, PARTNER]
    nlb = {"ResourceId": "nlb-orders01", "ResourceType": "nlb", "ZoneId": f"{HOME[code]}-a"}
    return _stack("orders-api-service", {"Service": {"Type": "ALIYUN::PrivateLink::VpcEndpointService", "Properties": {
        "ServiceDescription": "orders API", "AutoAcceptEnabled": False, "User": users,
        "Resource": [nlb]}}})  # fmt: skip


def eni(code: str, who: str) -> Build:
    # ROS ALIYUN::ECS::NetworkInterfacePermission AccountId: the account allowed to attach the stack's ENI.
    account = OWN_ACCOUNT_REF if who == "own" else PARTNER
    return _stack("eni-grant", {"Grant": {"Type": "ALIYUN::ECS::NetworkInterfacePermission", "Properties": {
        "NetworkInterfaceId": "eni-orders01", "Permission": "InstanceAttach", "AccountId": account}}})  # fmt: skip


def _scaling_queue(code: str, who: str) -> Any:
    if who == "own":
        return {"Fn::Sub": "acs:ess:${ALIYUN::Region}:${ALIYUN::AccountId}:queue/scaling-events"}
    return f"acs:ess:{HOME[code]}:{PARTNER}:queue/scaling-events"


def hook(code: str, who: str) -> Build:
    # ROS ALIYUN::ESS::LifecycleHook NotificationArn: the queue told of every scale-out (instance ids, addresses).
    return _stack("scale-out-hook", {"Hook": {"Type": "ALIYUN::ESS::LifecycleHook", "Properties": {
        "ScalingGroupId": "asg-orders01", "LifecycleTransition": "SCALE_OUT", "DefaultResult": "CONTINUE",
        "HeartbeatTimeout": 600, "NotificationArn": _scaling_queue(code, who)}}})  # fmt: skip


def asg_notify(code: str, who: str) -> Build:
    # ROS ALIYUN::ESS::ScalingGroup NotificationConfigurations: ROS's only form of an ESS notification.
    return _stack("orders-asg", {"Group": {"Type": "ALIYUN::ESS::ScalingGroup", "Properties": {
        "ScalingGroupName": "orders", "MinSize": 1, "MaxSize": 4, "VSwitchId": "vsw-app01",
        "NotificationConfigurations": [{"NotificationArn": _scaling_queue(code, who),
                                        "NotificationTypes": ["AUTOSCALING:SCALE_OUT_SUCCESS"]}]}}})  # fmt: skip


def metric_targets(code: str, who: str) -> Build:
    # ROS ALIYUN::CMS::MetricRuleTargets Targets[].Arn: the queue CloudMonitor pushes the alert into.
    arn = OWN_QUEUE if who == "own" else _partner_queue(code)
    return _stack("cpu-alert-targets", {"Targets": {"Type": "ALIYUN::CMS::MetricRuleTargets", "Properties": {
        "RuleId": "cpu-high", "Targets": [{"Id": "1", "Level": "CRITICAL", "Arn": arn}]}}})  # fmt: skip


def fc_async(code: str, who: str) -> Build:
    # ROS ALIYUN::FC::Function AsyncConfiguration.Destination.OnFailure: where failed asynchronous events go.
    destination = OWN_QUEUE if who == "own" else _partner_queue(code)
    return _stack("order-worker", {
        "Service": {"Type": "ALIYUN::FC::Service", "Properties": {"ServiceName": "orders"}},
        "Worker": {"Type": "ALIYUN::FC::Function", "DependsOn": "Service", "Properties": {
            "ServiceName": "orders", "FunctionName": "worker", "Handler": "index.handler", "Runtime": "python3.10",
            "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
            "AsyncConfiguration": {"MaxAsyncRetryAttempts": 2, "Destination": {"OnFailure": destination}}}},
    })  # fmt: skip


def serverless(code: str, who: str, topic_region: str | None = None) -> Build:
    # Alibaba's Aliyun::Serverless transform: the function is a key of its service; its AsyncConfiguration is
    # ALIYUN::FC::Function's; its MNSTopic event subscribes it to a topic in `Region` (the function's by default).
    destination = {"Fn::GetAtt": ["FailedOrders", "ARN.WithSlash"]} if who == "own" else _partner_queue(code)
    timer = {"CronExpression": "0 0 2 * * *", "Enable": True, "Payload": "reconcile"}
    events: dict[str, Any] = {"nightly": {"Type": "Timer", "Properties": timer}}
    if topic_region is not None:
        events["orders"] = {"Type": "MNSTopic", "Properties": {
            "TopicName": "order-events", "Region": topic_region, "NotifyContentFormat": "JSON"}}  # fmt: skip
    function = {"Type": "Aliyun::Serverless::Function", "Properties": {
        "Handler": "index.handler", "Runtime": "python3", "CodeUri": "oss://orders-code/worker.zip",
        "MemorySize": 512, "Timeout": 60,
        "AsyncConfiguration": {"Destination": {"OnFailure": destination}, "MaxAsyncRetryAttempts": 2}},
        "Events": events}  # fmt: skip
    service = {"Type": "Aliyun::Serverless::Service", "Properties": {
        "Description": "order processing", "LogConfig": {"Project": "orders-logs", "Logstore": "fc"}},
        "worker": function}  # fmt: skip
    resources = {
        "Code": {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "orders-code"}},
        "FailedOrders": {"Type": "ALIYUN::MNS::Queue", "Properties": {"QueueName": "failed-orders"}},
        "orders": service,
    }
    return _stack("orders-serverless", resources, Transform="Aliyun::Serverless-2018-04-03")


def stackgroup_transit(code: str) -> Build:
    # The partner's VPC on a transit router in a stack group's template (its stack instances are not made here). The
    # template makes the CEN and transit router it names (alired49, stop 49: literal ids the template does not make are
    # RES-017 since then).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        body = _template({
            "Cen": {"Type": "ALIYUN::CEN::CenInstance", "Properties": {"Name": "backbone"}},
            "Router": {"Type": "ALIYUN::CEN::TransitRouter", "Properties": {"CenId": {"Ref": "Cen"}}},
            "Attach": {"Type": "ALIYUN::CEN::TransitRouterVpcAttachment", "Properties": {
            "CenId": {"Ref": "Cen"}, "TransitRouterId": {"Fn::GetAtt": ["Router", "TransitRouterId"]},
            "VpcId": "vpc-hub01",
            "VpcOwnerId": int(PARTNER),
            "ZoneMappings": [{"VSwitchId": "vsw-hub01", "ZoneId": f"{HOME[code]}-a"}]}}})  # fmt: skip
        return alicloud.ros.StackGroup("transit", stack_group_name="transit", template_body=body, opts=c.ali)

    return build


WITH_DECLARED = {"own": set(), "partner": {"RES-023"}, "partner-declared": set()}
WITHOUT_DECLARED = {"own": set(), "partner": {"RES-023"}}
KINDS: dict[str, tuple[Callable[[str, str], Build], dict[str, set[str]]]] = {
    "peering": (peering, WITH_DECLARED),
    "transit": (transit, WITH_DECLARED),
    "endpoint-users": (endpoint_users, WITH_DECLARED),
    "eni": (eni, WITHOUT_DECLARED),
    "hook": (hook, WITHOUT_DECLARED),
    "asg-notify": (asg_notify, WITHOUT_DECLARED),
    "metric-targets": (metric_targets, WITHOUT_DECLARED),
    "fc-async": (fc_async, WITH_DECLARED),
    "serverless": (serverless, WITH_DECLARED),
}


def _market_rows(code: str) -> list[Row]:
    c = code.lower()
    rows: list[Row] = []
    for kind, (make, expected) in KINDS.items():
        for who, rules in expected.items():
            declared = [PARTNER_DECLARED] if who == "partner-declared" else []
            build = make(code, "partner" if who == "partner-declared" else who)
            rows.append((f"ros48-{c}-{kind}-{who}", code, build, rules, declared))
    rows.append((f"ros48-{c}-serverless-topic-home", code, serverless(code, "own", HOME[code]), set(), []))
    rows.append((f"ros48-{c}-serverless-topic-abroad", code, serverless(code, "own", ABROAD[code]), {"RES-009"}, []))
    return rows


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = [row for code in ("CN", "JP", "DE") for row in _market_rows(code)]
    out.append(("ros48-cn-stackgroup-transit-partner", "CN", stackgroup_transit("CN"), {"RES-023"}, []))
    return out
