"""SAM function event destinations and a run-time queue URL's declaration (stop 46, issue 9: samevents46).

sam46 mapped a SAM function's ``DeadLetterQueue`` and left its ``Events`` open; falsealarm46 left a queue URL whose
Region the execution input gives with a second finding. Reproduced on the unchanged engine (main, 0572244:
``RuleEngine(code).check`` of each shape under a provider pinned to 123456789012, then this table on main's
``components``):

- a SAM ``AWS::Serverless::Function`` event whose generated resource writes into another account (444455556666)
  passed every door: a ``Kinesis`` / ``MSK`` event's ``DestinationConfig.OnFailure.Destination`` (the generated event
  source mapping's; the Pulumi ``lambda.EventSourceMapping`` ``destination_config.on_failure.destination_arn`` is
  RES-023 outside CN), an ``EventBridgeRule`` / ``Schedule`` / ``ScheduleV2`` event's ``DeadLetterConfig.Arn`` (the
  rule's or schedule's target's: ``cloudwatch.EventTarget`` ``dead_letter_config.arn``, ``scheduler.Schedule``
  ``target.dead_letter_config.arn``) and an ``SNS`` event's ``RedrivePolicy`` (``sns.TopicSubscription``
  ``redrive_policy``);
- ``States.Format('https://sqs.{}.amazonaws.com/<own account>/q', $.region)`` at ``QueueUrl.$`` gave RES-023 and a
  RES-015 for the placeholder host ``sqs.v0.amazonaws.com``; the declaration of the expression was refused as "a URL
  prefix naming no host", so the documented fix could not be written.

``shape``:

- ``*-partner``: another account's queue: RES-023 outside CN (an aws-cn account is China's by partition: passes in
  CN); ``-own`` (the template's queue by ``Fn::GetAtt``, or ``Fn::Sub`` of ``${AWS::AccountId}``), ``-sam-made``
  (``Type: SQS``: SAM makes the queue) and ``-declared`` (the partner's account declared) pass.
- ``sfn-queue-region-input``: RES-023 alone outside CN (whoever starts the execution picks the Region and a Region
  abroad receives the message, as for the ARN form); passes in CN. ``-declared``: the expression declared passes.

tests/test_realistic_programs.py runs them as CASES (``samevents46-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN = "123456789012"
PARTNER = "444455556666"
CODES = ("EU", "US", "JP", "CN")
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
REFUSED = ("kinesis-onfailure-partner", "msk-onfailure-partner", "ebrule-dlq-partner", "schedule-dlq-partner",
           "schedulev2-dlq-partner", "sns-redrive-partner", "sfn-queue-region-input")  # fmt: skip
COMPLIANT = ("kinesis-onfailure-own", "ebrule-dlq-own-sub", "schedulev2-dlq-sam-made", "sns-redrive-own",
             "sns-redrive-partner-declared", "sfn-queue-region-input-declared")  # fmt: skip
SHAPES = REFUSED + COMPLIANT

HANDLER = "def handler(event, context):\n    return None\n"
OWN_QUEUE = {"Fn::GetAtt": ["Failures", "Arn"]}
STATES_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _partner_queue(code: str) -> str:
    return f"arn:{_part(code)}:sqs:{REGIONS[code]}:{PARTNER}:fleet-failures"


def _queue_expression(code: str) -> str:
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    return f"States.Format('https://sqs.{{}}.{suffix}/{OWN}/fleet-orders', $.region)"


def expected(code: str, shape: str) -> set[str]:
    return {"RES-023"} if shape in REFUSED and code != "CN" else set()


def declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "sns-redrive-partner-declared":
        return [{"id": "partner-failures", "kind": "resident", "match": PARTNER,
                 "evidence": "the partner's account, reviewed: its queues are in the home Region"}]  # fmt: skip
    if shape == "sfn-queue-region-input-declared":
        return [{"id": "regional-orders", "kind": "resident", "match": _queue_expression(code),
                 "evidence": "the only caller is the stack's dispatch rule, which passes the home Region"}]  # fmt: skip
    return []


def _event(code: str, shape: str) -> dict[str, Any]:
    """SAM AWS::Serverless::Function event sources: Kinesis / MSK (Stream, StartingPosition, DestinationConfig
    {OnFailure {Type, Destination}}), EventBridgeRule (Pattern, DeadLetterConfig {Arn | Type}), Schedule (Schedule,
    DeadLetterConfig), ScheduleV2 (ScheduleExpression, DeadLetterConfig), SNS (Topic, RedrivePolicy)."""
    target: Any = _partner_queue(code) if "partner" in shape else OWN_QUEUE
    if shape == "ebrule-dlq-own-sub":
        target = {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:fleet-failures"}
    on_failure = {"DestinationConfig": {"OnFailure": {"Type": "SQS", "Destination": target}}}
    if shape.startswith("kinesis-"):
        return {"Type": "Kinesis", "Properties": {"Stream": {"Fn::GetAtt": ["Telemetry", "Arn"]},
                                                  "StartingPosition": "LATEST", **on_failure}}  # fmt: skip
    if shape.startswith("msk-"):
        cluster = f"arn:{_part(code)}:kafka:{REGIONS[code]}:{OWN}:cluster/fleet/0b1c2d3e"
        return {"Type": "MSK", "Properties": {"Stream": cluster, "Topics": ["telemetry"], "StartingPosition": "LATEST",
                                              **on_failure}}  # fmt: skip
    if shape.startswith("ebrule-"):
        return {"Type": "EventBridgeRule", "Properties": {"Pattern": {"source": ["aws.ec2"]},
                                                          "DeadLetterConfig": {"Arn": target}}}  # fmt: skip
    if shape.startswith("schedule-"):
        return {"Type": "Schedule", "Properties": {"Schedule": "rate(5 minutes)", "DeadLetterConfig": {"Arn": target}}}
    if shape.startswith("schedulev2-"):
        dlq = {"Type": "SQS"} if shape.endswith("-sam-made") else {"Arn": target}
        return {"Type": "ScheduleV2", "Properties": {"ScheduleExpression": "rate(5 minutes)", "DeadLetterConfig": dlq}}
    return {"Type": "SNS", "Properties": {"Topic": {"Ref": "Alerts"}, "RedrivePolicy": {"deadLetterTargetArn": target}}}


def template(code: str, shape: str) -> dict[str, Any]:
    props = {"Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER,
             "Events": {"Source": _event(code, shape)}}  # fmt: skip
    resources: dict[str, Any] = {
        "Failures": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-failures"}},
        "Worker": {"Type": "AWS::Serverless::Function", "Properties": props},
    }
    if shape.startswith("kinesis-"):
        resources["Telemetry"] = {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}}
    if shape.startswith("sns-"):
        resources["Alerts"] = {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "fleet-alerts"}}
    return {"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::Serverless-2016-10-31",
            "Resources": resources}  # fmt: skip


def program(code: str, shape: str) -> Build:
    if shape.startswith("sfn-"):
        return _sfn(code)
    document = json.dumps(template(code, shape))

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body; CAPABILITY_AUTO_EXPAND for the SAM transform)
        return aws.cloudformation.Stack(
            "fleet-events",
            template_body=document,
            capabilities=["CAPABILITY_AUTO_EXPAND", "CAPABILITY_IAM"],
            opts=c.aws,
        )

    return build


def _sfn(code: str) -> Build:
    """connect-sqs (``sqs:sendMessage``, QueueUrl); intrinsic ``States.Format`` taking the Region from the input."""
    task = {"Type": "Task", "Resource": f"arn:{_part(code)}:states:::sqs:sendMessage", "End": True,
            "Parameters": {"QueueUrl.$": _queue_expression(code), "MessageBody.$": "$.order"}}  # fmt: skip
    definition = json.dumps({"StartAt": "Send", "States": {"Send": task}})

    def build(c: Any) -> object:
        role = aws.iam.Role("orders-flow-role", assume_role_policy=STATES_TRUST, opts=c.aws)
        # docs: sfn/statemachine (role_arn; definition)
        return aws.sfn.StateMachine("orders-flow", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"samevents46-{c.lower()}-{shape}", c, program(c, shape), expected(c, shape), declared(c, shape))
        for c in CODES
        for shape in SHAPES
    ]
