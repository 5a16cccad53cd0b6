"""SAM state machines' events and SAM SNS events' Region and queue (stop 47, issue 9: samsfn47).

samevents46 judged a SAM function's event destinations as the Pulumi resources SAM generates and left a SAM state
machine's ``Events`` and an SNS event's ``Region`` open. Reproduced on the unchanged engine (main c0b9543:
``RuleEngine(code).check`` of each shape's ``cloudformation.Stack`` under a provider pinned to 123456789012):

- another account's queue (444455556666) passed every door as the dead-letter queue of a SAM
  ``AWS::Serverless::StateMachine`` ``EventBridgeRule`` / ``CloudWatchEvent`` / ``Schedule`` event (the generated
  ``AWS::Events::Rule`` target's, the Pulumi ``cloudwatch.EventTarget`` ``dead_letter_config.arn``: RES-023 outside
  CN) and of a ``ScheduleV2`` event (the generated ``AWS::Scheduler::Schedule`` target's, the Pulumi
  ``scheduler.Schedule`` ``target.dead_letter_config.arn``);
- the same queue passed as a SAM function's ``CloudWatchEvent`` event's dead-letter queue (samevents46 listed
  ``EventBridgeRule``, its subclass in SAM's translator, only) and as an SNS event's ``SqsSubscription.QueueArn``
  (the generated ``AWS::SNS::Subscription``'s Endpoint, the Pulumi ``sns.TopicSubscription`` ``endpoint``);
- another account's log group passed as a state machine's log destination in a template, SAM's ``Logging`` and
  CloudFormation's ``LoggingConfiguration`` (``Destinations[].CloudWatchLogsLogGroup.LogGroupArn``, the Pulumi
  ``sfn.StateMachine`` ``logging_configuration.log_destination``: RES-023 outside CN);
- an SNS event's ``Region`` abroad was already refused (RES-009, a region field): pinned here, not changed.

``shape``:

- ``*-partner``: another account's queue or log group: RES-023 outside CN (an aws-cn account is China's by
  partition: passes in CN); ``-own`` (the template's queue or log group by ``Fn::GetAtt`` / ``Ref``, or ``Fn::Sub`` of
  ``${AWS::AccountId}``), ``-sam-made`` (``DeadLetterConfig: {Type: SQS}``: SAM makes the queue) and ``-declared``
  (the partner's account declared) pass.
- ``fn-sns-region-abroad``: the topic's Region outside the jurisdiction: RES-009 in all five (CN: Hong Kong). The
  topic's ARN is read from Parameter Store (``{{resolve:ssm:...}}``, as a platform team publishes it), so the event's
  ``Region`` alone says where it is (a literal ARN abroad adds RES-004: the guard stops at the first);
  ``fn-sns-region-home``: an in-country Region other than the provider's passes.

tests/test_realistic_programs.py runs them as CASES (``samsfn47-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

PARTNER = "444455556666"
CODES = ("EU", "DE", "JP", "US", "CN")
REGIONS = {"CN": "cn-north-1", "DE": "eu-central-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
"""The table's provider Region per jurisdiction (tests/test_realistic_programs.py ``REGION``)."""
TOPIC_REGIONS = {"CN": ("cn-northwest-1", "ap-east-1"), "DE": ("eu-central-1", "eu-west-1"),
                 "EU": ("eu-west-3", "us-east-1"), "JP": ("ap-northeast-3", "us-west-2"),
                 "US": ("us-west-2", "eu-west-1")}  # fmt: skip
"""(an in-country Region, a Region abroad) for an SNS event's topic per jurisdiction."""
REFUSED_OUTSIDE_CN = ("sm-ebrule-dlq-partner", "sm-cwevent-dlq-partner", "sm-schedule-dlq-partner",
                      "sm-schedulev2-dlq-partner", "fn-cwevent-dlq-partner", "fn-sns-sqssub-partner",
                      "sm-logging-partner", "cfn-sfn-logging-partner")  # fmt: skip
"""Another account's queue or log group: RES-023 outside CN, passing in CN (aws-cn)."""
REFUSED_EVERYWHERE = ("fn-sns-region-abroad",)
"""The topic's Region abroad: RES-009 in all five."""
COMPLIANT = ("sm-ebrule-dlq-own", "sm-schedule-dlq-own-sub", "sm-schedulev2-dlq-sam-made", "fn-cwevent-dlq-own",
             "fn-sns-sqssub-own", "fn-sns-region-home", "sm-ebrule-dlq-partner-declared",
             "fn-sns-sqssub-partner-declared", "sm-logging-own", "cfn-sfn-logging-own-sub")  # fmt: skip
"""The stack's own or SAM-made queues and log groups, an in-country topic Region, and the partner's account
declared."""
SHAPES = REFUSED_OUTSIDE_CN + REFUSED_EVERYWHERE + COMPLIANT

HANDLER = "def handler(event, context):\n    return None\n"
OWN_QUEUE = {"Fn::GetAtt": ["Failures", "Arn"]}
OWN_QUEUE_SUB = {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:fleet-failures"}
DEFINITION = {"StartAt": "Record", "States": {"Record": {"Type": "Pass", "End": True}}}
"""A state machine with one Pass state: only the events are judged here."""
TOPIC_FROM_SSM = "{{resolve:ssm:/platform/fleet-alerts-topic-arn}}"
"""The alerts topic's ARN as the platform team publishes it (a CloudFormation dynamic reference)."""
PATTERN = {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _partner_queue(code: str) -> str:
    return f"arn:{_part(code)}:sqs:{REGIONS[code]}:{PARTNER}:fleet-failures"


def expected(code: str, shape: str) -> set[str]:
    if shape in REFUSED_EVERYWHERE:
        return {"RES-009"}
    return {"RES-023"} if shape in REFUSED_OUTSIDE_CN and code != "CN" else set()


def declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape.endswith("-partner-declared"):
        return [{"id": "partner-failures", "kind": "resident", "match": PARTNER,
                 "evidence": "the partner's account, reviewed: its queues are in the home Region"}]  # fmt: skip
    return []


def _logging(code: str, shape: str) -> dict[str, Any]:
    """A state machine's LoggingConfiguration (SAM: Logging): {Level, IncludeExecutionData, Destinations: [{
    CloudWatchLogsLogGroup: {LogGroupArn}}]}, the log group written into."""
    if "-partner" in shape:
        group: Any = f"arn:{_part(code)}:logs:{REGIONS[code]}:{PARTNER}:log-group:/fleet/flows:*"
    elif shape.endswith("-own-sub"):
        group = {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/fleet/flows:*"}
    else:
        group = {"Fn::GetAtt": ["FlowLogs", "Arn"]}
    return {"Level": "ERROR", "IncludeExecutionData": False,
            "Destinations": [{"CloudWatchLogsLogGroup": {"LogGroupArn": group}}]}  # fmt: skip


def _dead_letter(code: str, shape: str) -> dict[str, Any]:
    """SAM DeadLetterConfig: {Arn} of an existing queue, or {Type: SQS} for SAM to make one."""
    if shape.endswith("-sam-made"):
        return {"Type": "SQS"}
    if "-partner" in shape:
        return {"Arn": _partner_queue(code)}
    return {"Arn": OWN_QUEUE_SUB if shape.endswith("-own-sub") else OWN_QUEUE}


def _state_machine_event(code: str, shape: str) -> dict[str, Any]:
    """SAM AWS::Serverless::StateMachine event sources: EventBridgeRule / CloudWatchEvent (Pattern,
    DeadLetterConfig), Schedule (Schedule, DeadLetterConfig), ScheduleV2 (ScheduleExpression, DeadLetterConfig)."""
    dlq = {"DeadLetterConfig": _dead_letter(code, shape)}
    if shape.startswith("sm-ebrule-"):
        return {"Type": "EventBridgeRule", "Properties": {"Pattern": PATTERN, **dlq}}
    if shape.startswith("sm-cwevent-"):
        return {"Type": "CloudWatchEvent", "Properties": {"Pattern": PATTERN, **dlq}}
    if shape.startswith("sm-schedule-"):
        return {"Type": "Schedule", "Properties": {"Schedule": "rate(15 minutes)", **dlq}}
    return {"Type": "ScheduleV2", "Properties": {"ScheduleExpression": "rate(15 minutes)", **dlq}}


def _function_event(code: str, shape: str) -> dict[str, Any]:
    """SAM AWS::Serverless::Function event sources: CloudWatchEvent (Pattern, DeadLetterConfig), SNS (Topic,
    SqsSubscription {QueueArn, QueueUrl}, Region)."""
    if shape.startswith("fn-cwevent-"):
        return {"Type": "CloudWatchEvent", "Properties": {"Pattern": PATTERN,
                                                          "DeadLetterConfig": _dead_letter(code, shape)}}  # fmt: skip
    if shape.startswith("fn-sns-region-"):
        home, abroad = TOPIC_REGIONS[code]
        region = abroad if shape.endswith("-abroad") else home
        return {"Type": "SNS", "Properties": {"Topic": TOPIC_FROM_SSM, "Region": region}}
    if "-partner" in shape:
        suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
        url = f"https://sqs.{REGIONS[code]}.{suffix}/{PARTNER}/fleet-failures"
        queue: dict[str, Any] = {"QueueArn": _partner_queue(code), "QueueUrl": url}
    else:
        queue = {"QueueArn": OWN_QUEUE, "QueueUrl": {"Ref": "Failures"}}
    return {"Type": "SNS", "Properties": {"Topic": {"Ref": "Alerts"}, "SqsSubscription": queue}}


def template(code: str, shape: str) -> dict[str, Any]:
    resources: dict[str, Any] = {
        "Failures": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-failures"}},
        "Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "fleet-alerts"}},
    }
    if "-logging-" in shape:
        resources["FlowLogs"] = {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/fleet/flows"}}
    if shape.startswith("sm-logging-"):
        props = {"Definition": DEFINITION, "Policies": [], "Logging": _logging(code, shape)}
        resources["Recorder"] = {"Type": "AWS::Serverless::StateMachine", "Properties": props}
    elif shape.startswith("cfn-sfn-"):
        resources["Recorder"] = {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
            "Definition": DEFINITION, "RoleArn": {"Fn::GetAtt": ["RecorderRole", "Arn"]},
            "LoggingConfiguration": _logging(code, shape)}}  # fmt: skip
        resources["RecorderRole"] = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"Service": "states.amazonaws.com"}}]}}}  # fmt: skip
    elif shape.startswith("sm-"):
        props = {"Definition": DEFINITION, "Policies": [], "Events": {"Trigger": _state_machine_event(code, shape)}}
        resources["Recorder"] = {"Type": "AWS::Serverless::StateMachine", "Properties": props}
    else:
        resources["Worker"] = {"Type": "AWS::Serverless::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER,
            "Events": {"Source": _function_event(code, shape)}}}  # fmt: skip
    return {"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::Serverless-2016-10-31",
            "Resources": resources}  # fmt: skip


def program(code: str, shape: str) -> Build:
    document = json.dumps(template(code, shape))

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body; CAPABILITY_AUTO_EXPAND for the SAM transform)
        return aws.cloudformation.Stack(
            "fleet-triggers",
            template_body=document,
            capabilities=["CAPABILITY_AUTO_EXPAND", "CAPABILITY_IAM"],
            opts=c.aws,
        )

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"samsfn47-{c.lower()}-{shape}", c, program(c, shape), expected(c, shape), declared(c, shape))
        for c in CODES
        for shape in SHAPES
    ]
