"""Mutation search, round 18 (stop 49, issue 9: mutation49): an ``Fn::Join`` nested in a template resource's property.

The round's run of the template kinds (tests/residency_mutants.py ``--kinds template,template-partition,template-own``,
24 mutants per program) found two leaks of one cause. Reproduced on the unchanged engine (main 3b6f8c1, the table
programs ``review45-*-cfn-join-pseudo-unpinned`` and ``falsealarm47-*-ros-eventbridge-own-queue-join`` with one part of
their join rewritten, and ``RuleEngine(code).check`` of the PAIRS subjects in tests/test_rules.py): a state machine
``Definition``'s ``TopicArn`` given as ``Fn::Join`` of ``arn``, ``Ref AWS::Partition``, ``sns``, the Region, the account
and the topic passed with ``ap-northeast-2`` as the Region in JP, ``aws-cn`` as the partition, another account as the
account, and even with every part a literal (no finding, guard and plan), while the same ARN written out was RES-004; a
ROS ``ALIYUN::EventBridge::Rule`` target's ``Endpoint`` joined with another account's UID passed in CN and JP, while the
ARN written out was RES-023. A join that is the whole property was judged (ros46); one nested deeper (in a definition,
in a target of a list) had its parts walked one by one, and a host key's join was read for its host only.

``shape``: ``sfn-join`` (a state machine's SNS task, AWS: EU, DE, US, JP, CN): ``-own`` every part the stack's pseudo
parameters (passes), ``-abroad`` another market's Region joined in (RES-004), ``-partner`` another account joined in
(RES-023 outside CN; an aws-cn account is China's by partition, round 13, so it passes in CN), ``-partner-declared``
(passes). ``ros-rule-join`` (an EventBridge target on an MNS queue, Alibaba Cloud: CN, JP, DE): ``-own``,
``-partner`` (RES-023: an Alibaba Cloud account has no jurisdiction by partition), ``-partner-declared``.

tests/test_realistic_programs.py runs them as CASES (``mutation49-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, PARTNER_UID, UNPINNED_PARTNER, WHO, Build, Row

ABROAD = {"EU": "eu-west-2", "DE": "eu-west-1", "US": "ca-central-1", "JP": "ap-northeast-2", "CN": "ap-east-1"}
"""A Region of another market, beside each jurisdiction's (London beside the EU, Ireland beside Germany, Seoul beside
Tokyo, Hong Kong beside the mainland)."""
AWS_DECLARED: dict[str, Any] = {
    "id": "group-alerts-account", "kind": "resident", "match": f"arn:aws:sns:eu-west-1:{UNPINNED_PARTNER}:",
    "evidence": "the group's alerting account; its contract keeps its topics in the market's Region",
}  # fmt: skip
ALI_DECLARED: dict[str, Any] = {
    "id": "group-hub-account", "kind": "resident", "match": f"acs:mns:cn-shanghai:{PARTNER_UID}:",
    "evidence": "the group's hub account; its contract keeps its queues in the market",
}  # fmt: skip


def sfn_join(code: str, variant: str) -> Build:
    # CloudFormation AWS::StepFunctions::StateMachine Definition (an object), its SNS publish task's TopicArn
    # ("arn:aws:states:::sns:publish", Parameters.TopicArn) joined from the pseudo parameters' Refs (Fn::Join, as
    # review45's `cfn-join-pseudo` writes it); one part written as another Region or account.
    region: Any = ABROAD[code] if variant == "abroad" else {"Ref": "AWS::Region"}
    account: Any = UNPINNED_PARTNER if variant.startswith("partner") else {"Ref": "AWS::AccountId"}
    topic = {"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "sns", region, account, "fleet-alerts"]]}
    task = {"Type": "Task", "Resource": "arn:${AWS::Partition}:states:::sns:publish", "End": True,
            "Parameters": {"TopicArn": topic, "Message.$": "$"}}  # fmt: skip
    flow = {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders-flow"},
        "Definition": {"StartAt": "Notify", "States": {"Notify": task}}}}  # fmt: skip
    body = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"OrdersFlow": flow}})

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("orders-flow", template_body=body, opts=c.aws)

    return build


def ros_rule_join(code: str, who: str) -> Build:
    # ROS ALIYUN::EventBridge::Rule Targets[].Endpoint (an MNS queue target, "acs:mns:<region>:<uid>:queues/<name>"),
    # joined from the pseudo parameters' Refs as falsealarm47's `ros-eventbridge-own-queue-join` writes it.
    account: Any = {"Ref": "ALIYUN::AccountId"} if who == "own" else PARTNER_UID
    endpoint = {"Fn::Join": ["", ["acs:mns:", {"Ref": "ALIYUN::Region"}, ":", account, ":queues/fulfilment"]]}
    rule = {"Type": "ALIYUN::EventBridge::Rule", "Properties": {
        "EventBusName": "default", "RuleName": "uploads-to-queue", "FilterPattern": {"source": ["acs.oss"]},
        "Targets": [{"Id": "fulfilment", "Type": "acs.mns.queue", "Endpoint": endpoint,
                     "ParamList": [{"ResourceKey": "queue", "Form": "CONSTANT", "Value": "fulfilment"},
                                   {"ResourceKey": "Body", "Form": "ORIGINAL"}]}]}}  # fmt: skip
    body = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"Rule": rule}})

    def build(c: Any) -> object:
        # docs: ros/stack (stack_name, template_body); the provider assumes the team's deployment role
        c.ali_role = DEPLOYER
        return alicloud.ros.Stack("uploads", stack_name="uploads", template_body=body, opts=c.ali)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code, home in AWS_HOME.items():
        partner = set() if code == "CN" else {"RES-023"}  # an aws-cn account is China's by partition (round 13)
        declared = {**AWS_DECLARED, "match": f"arn:aws{'-cn' if code == 'CN' else ''}:sns:{home}:{UNPINNED_PARTNER}:"}
        out += [
            (f"mutation49-{code.lower()}-sfn-join-own", code, sfn_join(code, "own"), set(), []),
            (f"mutation49-{code.lower()}-sfn-join-abroad", code, sfn_join(code, "abroad"), {"RES-004"}, []),
            (f"mutation49-{code.lower()}-sfn-join-partner", code, sfn_join(code, "partner"), partner, []),
            (f"mutation49-{code.lower()}-sfn-join-partner-declared", code, sfn_join(code, "partner"), set(),
             [declared]),
        ]  # fmt: skip
    for code, home in ALI_HOME.items():
        for who in WHO:
            match = f"acs:mns:{home}:{PARTNER_UID}:"
            hub = [{**ALI_DECLARED, "match": match}] if who == "partner-declared" else []
            expected = {"RES-023"} if who == "partner" else set()
            out.append((f"mutation49-{code.lower()}-ros-rule-join-{who}", code, ros_rule_join(code, who), expected,
                        hub))  # fmt: skip
    return out
