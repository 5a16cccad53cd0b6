"""ROS template resources judged as their Pulumi type (stop 46, issue 9: ros46).

Stop 45 / 46 judged a CloudFormation template's resource of a mapped type by the Pulumi type's one judgement
(cfnsfn45, cfnmap45, sam46). A ROS template (``alicloud.ros.Stack`` ``template_body``) was read as text only: a
``ALIYUN::MNS::Subscription`` pushing to a partner's queue, an ``ALIYUN::ACTIONTRAIL::Trail`` delivering the account's
audit events to a partner's Log Service project (with a partner's role), an ``ALIYUN::EventBridge::Rule`` target in a
partner's account passed every front door while the pulumi-alicloud twin (``message.ServiceSubscription``
``endpoint``, ``actiontrail.Trail`` ``sls_project_arn`` / ``sls_write_role_arn``, ``eventbridge.Rule``
``targets[].endpoint``) was refused (RES-023); a trail's ``OssBucketName`` naming a bucket the stack did not make passed
(the Pulumi ``oss_bucket_name`` is RES-017). Reproduced on the unchanged engine (main, 0572244:
``RuleEngine("CN").check`` of a ``ros.Stack`` whose template holds each of them: no finding). A RAM role's trust
policy, an OSS bucket's and a KMS key's policy in a template were already judged as in Pulumi (not repeated here).

``shape``: ``mns-*`` (a subscription's queue endpoint), ``trail-*`` (SlsProjectArn / SlsWriteRoleArn), ``eb-*`` (a
rule target's Endpoint), ``trail-bucket-*`` (OssBucketName). ``-own``: the template's own account
(``${ALIYUN::AccountId}`` in ``Fn::Sub``) or own bucket (``Fn::GetAtt [Bucket, Name]``): passes; ``-own-join``:
``Ref ALIYUN::Region`` / ``Ref ALIYUN::AccountId`` in an ``Fn::Join`` (the mapping first refused it as an unknown
Region, RES-011; fixed): passes. ``-partner``: the partner's UID written out: RES-023 in CN, JP and DE (an Alibaba
Cloud account has no jurisdiction by partition); ``-partner-declared``: the partner declared, passes.
``trail-bucket-elsewhere``: a bucket the stack does not make: RES-017. ``cn-stackgroup-mns-partner``: the same
subscription in a ``ros.StackGroup``'s template.

tests/test_realistic_programs.py runs them as CASES (``ros46-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import ALI_HOME as HOME
from platform_parts import DEPLOYER, Build, Row, ros_stack, ros_template
from platform_parts import PARTNER_UID as PARTNER

PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-hub-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's hub account; its contract keeps its queues and log projects in the market's regions",
}  # fmt: skip


def _own(service: str, resource: str) -> dict[str, str]:
    # The stack's own account and region, as ROS fills them (pseudo parameters ALIYUN::AccountId / ALIYUN::Region).
    return {"Fn::Sub": f"acs:{service}:${{ALIYUN::Region}}:${{ALIYUN::AccountId}}:{resource}"}


def _arn(code: str, who: str, service: str, resource: str) -> Any:
    if who == "own-join":
        # The same, joined from the pseudo parameters' Refs (Fn::Join): the stack's own Region and account.
        parts = [f"acs:{service}:", {"Ref": "ALIYUN::Region"}, ":", {"Ref": "ALIYUN::AccountId"}, f":{resource}"]
        return {"Fn::Join": ["", parts]}
    return _own(service, resource) if who == "own" else f"acs:{service}:{HOME[code]}:{PARTNER}:{resource}"


def mns_subscription(code: str, who: str) -> Build:
    # ROS ALIYUN::MNS::Subscription Endpoint: QueueEndpoint "acs:mns:{REGION}:{AccountID}:queues/{QueueName}".
    return ros_stack("order-events", {
        "Topic": {"Type": "ALIYUN::MNS::Topic", "Properties": {"TopicName": "order-events"}},
        "ToQueue": {"Type": "ALIYUN::MNS::Subscription", "Properties": {
            "TopicName": {"Fn::GetAtt": ["Topic", "TopicName"]}, "SubscriptionName": "to-fulfilment",
            "Endpoint": _arn(code, who, "mns", "queues/fulfilment"), "PushType": "queue"}},
    })  # fmt: skip


def trail(code: str, who: str) -> Build:
    # ROS ALIYUN::ACTIONTRAIL::Trail SlsProjectArn / SlsWriteRoleArn (the Log Service project events go to, the role
    # ActionTrail assumes to write there).
    role = (
        {"Fn::Sub": "acs:ram::${ALIYUN::AccountId}:role/aliyunserviceroleforactiontrail"}
        if who == "own"
        else f"acs:ram::{PARTNER}:role/actiontrail-delivery"
    )
    return ros_stack("audit-trail", {
        "Trail": {"Type": "ALIYUN::ACTIONTRAIL::Trail", "Properties": {
            "Name": "audit-trail", "EventRW": "All", "SlsProjectArn": _arn(code, who, "log", "project/audit"),
            "SlsWriteRoleArn": role}},
    })  # fmt: skip


def trail_bucket(code: str, who: str) -> Build:
    # ROS ALIYUN::ACTIONTRAIL::Trail OssBucketName: the template's own bucket (Fn::GetAtt Name) or one it does not make.
    resources: dict[str, Any] = {}
    if who == "own":
        resources["AuditBucket"] = {"Type": "ALIYUN::OSS::Bucket", "Properties": {"BucketName": "team-audit-logs"}}
    name = {"Fn::GetAtt": ["AuditBucket", "Name"]} if who == "own" else "group-audit-logs"
    resources["Trail"] = {"Type": "ALIYUN::ACTIONTRAIL::Trail", "Properties": {
        "Name": "audit-trail", "OssBucketName": name, "OssKeyPrefix": "actiontrail"}}  # fmt: skip
    return ros_stack("audit-trail-oss", resources)


def eventbridge_rule(code: str, who: str) -> Build:
    # ROS ALIYUN::EventBridge::Rule Targets [{Id, Type, Endpoint, ParamList}].
    return ros_stack("order-rules", {
        "Rule": {"Type": "ALIYUN::EventBridge::Rule", "Properties": {
            "EventBusName": "default", "RuleName": "orders-to-queue",
            "FilterPattern": {"source": ["acs.oss"]},
            "Targets": [{"Id": "fulfilment", "Type": "acs.mns.queue",
                         "Endpoint": _arn(code, who, "mns", "queues/fulfilment"),
                         "ParamList": [{"ResourceKey": "Body", "Form": "ORIGINAL"}]}]}},
    })  # fmt: skip


def stackgroup_subscription(code: str) -> Build:
    # The same partner subscription in a stack group's template (its stack instances are not made here).
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        body = ros_template({"ToQueue": {"Type": "ALIYUN::MNS::Subscription", "Properties": {
            "TopicName": "order-events", "SubscriptionName": "to-fulfilment",
            "Endpoint": _arn(code, "partner", "mns", "queues/fulfilment")}}})  # fmt: skip
        return alicloud.ros.StackGroup("order-events", stack_group_name="order-events", template_body=body, opts=c.ali)

    return build


KINDS: dict[str, tuple[Callable[[str, str], Build], dict[str, set[str]]]] = {
    "mns": (mns_subscription, {"own": set(), "own-join": set(), "partner": {"RES-023"}, "partner-declared": set()}),
    "trail": (trail, {"own": set(), "partner": {"RES-023"}, "partner-declared": set()}),
    "eb": (eventbridge_rule, {"own": set(), "partner": {"RES-023"}}),
    "trail-bucket": (trail_bucket, {"own": set(), "elsewhere": {"RES-017"}}),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in ("CN", "JP", "DE"):
        for kind, (make, expected) in KINDS.items():
            for who, rules in expected.items():
                declared = [PARTNER_DECLARED] if who == "partner-declared" else []
                out.append(
                    (
                        f"ros46-{code.lower()}-{kind}-{who}",
                        code,
                        make(code, {"partner-declared": "partner"}.get(who, who)),
                        rules,
                        declared,
                    )
                )
    out.append(("ros46-cn-stackgroup-mns-partner", "CN", stackgroup_subscription("CN"), {"RES-023"}, []))
    return out
