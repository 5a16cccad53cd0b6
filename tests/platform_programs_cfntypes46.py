"""Pipes, schedules, subscriptions and alarms inside templates (stop 46, issue 9: cfntypes46).

cfnsfn45 / cfnmap45 judged a template's state machine, API bodies, SNS subscriptions, rule targets, Lambda permissions
and event invoke configs as their Pulumi type. Other written destinations in a ``cloudformation.Stack`` template were
still read as template text only: another account's queue, topic, stream or log destination as an
``AWS::Pipes::Pipe`` ``Target``, an ``AWS::Scheduler::Schedule`` ``Target.Arn`` / ``Target.DeadLetterConfig.Arn``, an
``AWS::Logs::SubscriptionFilter`` ``DestinationArn``, an ``AWS::Logs::Destination`` ``TargetArn``, an
``AWS::CloudWatch::Alarm`` / ``CompositeAlarm`` action, an ``AWS::SQS::Queue`` ``RedrivePolicy.deadLetterTargetArn``,
an ``AWS::Lambda::EventSourceMapping`` ``DestinationConfig.OnFailure.Destination`` or an ``AWS::S3::Bucket``
``NotificationConfiguration`` queue / topic passed every front door while the Pulumi twin was refused RES-023.
Reproduced on the unchanged engine (main, 35d8768: ``RuleEngine("EU").check`` of a Stack whose template holds each of
them under a provider pinned to 123456789012: no finding; the Pulumi twins RES-023). Two compliant templates were
refused there: an alarm whose ``AlarmDescription`` names a runbook URL and an event source mapping whose
``FilterCriteria`` pattern names a host (RES-015; the Pulumi ``alarm_description`` is a text field, a filter pattern a
match field).

``shape``:

- ``*-partner-*``: another account's (444455556666) destination: RES-023 outside CN (an aws-cn account is China's by
  partition). ``pipe-``: a pipe's Target; ``schedule-``: a schedule's Target.Arn / its DeadLetterConfig; ``subfilter-``:
  a subscription filter's DestinationArn (a partner's logs destination); ``logdest-``: a logs destination's TargetArn;
  ``alarm-`` / ``composite-``: AlarmActions / OKActions; ``queue-``: a queue's RedrivePolicy; ``esm-``: an event source
  mapping's OnFailure destination; ``bucket-``: a bucket's notification queue / topic.
- ``*-own-*``: the template's own resource (``Fn::GetAtt`` / ``Ref``), ``${AWS::AccountId}`` in ``Fn::Sub`` or the
  pinned account written out: passes. ``alarm-own-runbook`` and ``esm-own-filter-host`` were false alarms (RES-015).
- ``alarm-partner-declared``: the partner's topic with its account declared: passes.

tests/test_realistic_programs.py runs them as CASES (``cfntypes46-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

PARTNER = "444455556666"
OWN = "123456789012"  # the table's provider is pinned to it (allowed_account_ids)
CODES = ("EU", "US", "JP", "CN")
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
PARTNER_SHAPES = ("pipe-partner-target", "schedule-partner-target", "schedule-partner-dlq",
                  "subfilter-partner-destination", "logdest-partner-stream", "alarm-partner-topic",
                  "alarm-partner-ok", "composite-partner-topic", "queue-partner-dlq", "esm-partner-dlq",
                  "bucket-partner-queue", "bucket-partner-topic")  # fmt: skip
COMPLIANT = ("pipe-own-getatt", "schedule-own-getatt", "schedule-own-pinned", "subfilter-own-getatt",
             "logdest-own-getatt", "alarm-own-ref", "alarm-own-runbook", "composite-own-ref", "queue-own-getatt",
             "esm-own-sub", "esm-own-filter-host", "bucket-own-getatt", "alarm-partner-declared")  # fmt: skip
SHAPES = PARTNER_SHAPES + COMPLIANT

PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-operations-account", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's operations account in the same jurisdiction; SCP limits it to in-country Regions",
}  # fmt: skip
OWN_QUEUE = {"Fn::GetAtt": ["Jobs", "Arn"]}
OWN_TOPIC = {"Ref": "Alerts"}  # AWS::SNS::Topic Ref: the topic's ARN
OWN_DLQ = {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs-dlq"}
ROLE = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/fleet-events"}


def expected(code: str, shape: str) -> set[str]:
    return {"RES-023"} if shape in PARTNER_SHAPES and code != "CN" else set()


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _arn(code: str, service: str, rest: str, account: str = PARTNER) -> str:
    return f"arn:{_partition(code)}:{service}:{REGIONS[code]}:{account}:{rest}"


def _pipe(code: str, shape: str) -> dict[str, Any]:
    # AWS::Pipes::Pipe: RoleArn, Source, Target (String), SourceParameters.FilterCriteria.Filters[].Pattern
    target = _arn(code, "sqs", "dealer-orders") if shape == "pipe-partner-target" else OWN_QUEUE
    pattern = json.dumps({"body": {"status": ["SHIPPED"]}})
    props = {"RoleArn": ROLE, "Source": {"Fn::GetAtt": ["Orders", "Arn"]}, "Target": target,
             "SourceParameters": {"FilterCriteria": {"Filters": [{"Pattern": pattern}]}}}  # fmt: skip
    return {"OrdersPipe": {"Type": "AWS::Pipes::Pipe", "Properties": props},
            "Orders": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "orders"}}}  # fmt: skip


def _schedule(code: str, shape: str) -> dict[str, Any]:
    # AWS::Scheduler::Schedule: ScheduleExpression, FlexibleTimeWindow {Mode}, Target {Arn, RoleArn, DeadLetterConfig}
    target: dict[str, Any] = {"Arn": OWN_QUEUE, "RoleArn": ROLE, "DeadLetterConfig": {"Arn": OWN_DLQ},
                              "Input": json.dumps({"job": "nightly-report"})}  # fmt: skip
    if shape == "schedule-partner-target":
        target["Arn"] = _arn(code, "sqs", "dealer-reports")
    elif shape == "schedule-partner-dlq":
        target["DeadLetterConfig"] = {"Arn": _arn(code, "sqs", "dealer-dlq")}
    elif shape == "schedule-own-pinned":
        target["Arn"] = _arn(code, "sqs", "jobs", OWN)
    props = {"ScheduleExpression": "cron(0 2 * * ? *)", "FlexibleTimeWindow": {"Mode": "OFF"}, "Target": target}
    return {"Nightly": {"Type": "AWS::Scheduler::Schedule", "Properties": props}}


def _logs(code: str, shape: str) -> dict[str, Any]:
    stream = {"Audit": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}}}
    if shape.startswith("subfilter-"):
        # AWS::Logs::SubscriptionFilter: LogGroupName, FilterPattern, DestinationArn (a partner's logical destination
        # for cross-account delivery), RoleArn
        own = shape == "subfilter-own-getatt"
        destination = {"Fn::GetAtt": ["Audit", "Arn"]} if own else _arn(code, "logs", "destination:central-audit")
        props: dict[str, Any] = {"LogGroupName": "/fleet/api", "FilterPattern": "{ $.level = \"ERROR\" }",
                                 "DestinationArn": destination}  # fmt: skip
        if own:
            props["RoleArn"] = ROLE
        return {"ApiErrors": {"Type": "AWS::Logs::SubscriptionFilter", "Properties": props}, **stream}
    # AWS::Logs::Destination: DestinationName, RoleArn, TargetArn (the physical target, a Kinesis stream)
    audit = {"Fn::GetAtt": ["Audit", "Arn"]}
    target = _arn(code, "kinesis", "stream/audit") if shape == "logdest-partner-stream" else audit
    props = {"DestinationName": "fleet-audit", "RoleArn": ROLE, "TargetArn": target}
    return {"AuditDestination": {"Type": "AWS::Logs::Destination", "Properties": props}, **stream}


def _alarm(code: str, shape: str) -> dict[str, Any]:
    topic = {"Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "fleet-alerts"}}}
    partner = _arn(code, "sns", "dealer-alerts")
    if shape.startswith("composite-"):
        # AWS::CloudWatch::CompositeAlarm: AlarmRule, AlarmActions, OKActions
        actions = [partner] if shape == "composite-partner-topic" else [OWN_TOPIC]
        props: dict[str, Any] = {"AlarmRule": "ALARM(fleet-queue-depth) OR ALARM(fleet-errors)",
                                 "AlarmActions": actions, "OKActions": [OWN_TOPIC]}  # fmt: skip
        return {"FleetHealth": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": props}, **topic}
    # AWS::CloudWatch::Alarm: MetricName, Namespace, Statistic, Period, EvaluationPeriods, Threshold,
    # ComparisonOperator, AlarmActions / OKActions / InsufficientDataActions ([String]), AlarmDescription
    props = {"MetricName": "ApproximateNumberOfMessagesVisible", "Namespace": "AWS/SQS", "Statistic": "Maximum",
             "Period": 300, "EvaluationPeriods": 2, "Threshold": 1000, "ComparisonOperator": "GreaterThanThreshold",
             "Dimensions": [{"Name": "QueueName", "Value": "jobs"}], "AlarmActions": [OWN_TOPIC],
             "OKActions": [OWN_TOPIC]}  # fmt: skip
    if shape in ("alarm-partner-topic", "alarm-partner-declared"):
        props["AlarmActions"] = [OWN_TOPIC, partner]
    elif shape == "alarm-partner-ok":
        props["OKActions"] = [partner]
    elif shape == "alarm-own-runbook":
        props["AlarmDescription"] = "Queue backlog: follow https://runbooks.fleet-ops.example.com/queues/jobs"
        ops = "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:ops"
        props["InsufficientDataActions"] = [{"Fn::Sub": ops}]
    return {"QueueDepth": {"Type": "AWS::CloudWatch::Alarm", "Properties": props}, **topic}


def _queue(code: str, shape: str) -> dict[str, Any]:
    # AWS::SQS::Queue: RedrivePolicy (Json: deadLetterTargetArn, maxReceiveCount)
    dlq = _arn(code, "sqs", "dealer-dlq") if shape == "queue-partner-dlq" else {"Fn::GetAtt": ["JobsDlq", "Arn"]}
    props = {"QueueName": "work", "RedrivePolicy": {"deadLetterTargetArn": dlq, "maxReceiveCount": 5}}
    return {"Work": {"Type": "AWS::SQS::Queue", "Properties": props},
            "JobsDlq": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs-dlq"}}}  # fmt: skip


def _mapping(code: str, shape: str) -> dict[str, Any]:
    # AWS::Lambda::EventSourceMapping: FunctionName, EventSourceArn, StartingPosition, DestinationConfig {OnFailure
    # {Destination}}, FilterCriteria {Filters [{Pattern}]}
    failed = _arn(code, "sqs", "dealer-failures") if shape == "esm-partner-dlq" else OWN_DLQ
    props: dict[str, Any] = {"FunctionName": "ingest", "EventSourceArn": {"Fn::GetAtt": ["Audit", "Arn"]},
                             "StartingPosition": "LATEST",
                             "DestinationConfig": {"OnFailure": {"Destination": failed}}}  # fmt: skip
    if shape == "esm-own-filter-host":
        pattern = {"data": {"origin": ["ingest.fleet-ops.example.com"]}}
        props["FilterCriteria"] = {"Filters": [{"Pattern": json.dumps(pattern)}]}
    return {"Ingest": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": props},
            "Audit": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}}}  # fmt: skip


def _bucket(code: str, shape: str) -> dict[str, Any]:
    # AWS::S3::Bucket NotificationConfiguration: QueueConfigurations [{Event, Queue, Filter}], TopicConfigurations
    # [{Event, Topic}]
    queue = _arn(code, "sqs", "dealer-uploads") if shape == "bucket-partner-queue" else OWN_QUEUE
    topic = _arn(code, "sns", "dealer-uploads") if shape == "bucket-partner-topic" else OWN_TOPIC
    rules = [{"Name": "prefix", "Value": "incoming/"}]
    notification = {
        "QueueConfigurations": [{"Event": "s3:ObjectCreated:*", "Queue": queue, "Filter": {"S3Key": {"Rules": rules}}}],
        "TopicConfigurations": [{"Event": "s3:ObjectRemoved:*", "Topic": topic}]}  # fmt: skip
    props = {"BucketName": {"Fn::Sub": "fleet-uploads-${AWS::Region}"}, "NotificationConfiguration": notification}
    return {"Uploads": {"Type": "AWS::S3::Bucket", "Properties": props},
            "Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "fleet-alerts"}}}  # fmt: skip


_BUILDERS: dict[str, Callable[[str, str], dict[str, Any]]] = {
    "pipe": _pipe, "schedule": _schedule, "subfilter": _logs, "logdest": _logs, "alarm": _alarm,
    "composite": _alarm, "queue": _queue, "esm": _mapping, "bucket": _bucket,
}  # fmt: skip


def program(code: str, shape: str) -> Build:
    resources = _BUILDERS[shape.split("-", maxsplit=1)[0]](code, shape)
    jobs = {"Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}}}
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {**jobs, **resources}})

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("fleet-events", template_body=document, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in CODES:
        for shape in SHAPES:
            declared = [PARTNER_DECLARED] if shape == "alarm-partner-declared" else []
            build = program(code, shape)
            out.append((f"cfntypes46-{code.lower()}-{shape}", code, build, expected(code, shape), declared))
    return out
