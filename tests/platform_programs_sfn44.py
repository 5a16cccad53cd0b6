"""Programs of stop 44's Step Functions work (sfn44): the account of what a state machine's definition writes to.

A state machine's Task states name where they send the execution's data in their request map (``Parameters``, or
``Arguments`` under JSONata): SNS Publish ``TopicArn``, SQS SendMessage ``QueueUrl``, EventBridge PutEvents
``Entries[].EventBusName``, Lambda Invoke ``FunctionName`` (an ARN or the partial ``<account>:function:<name>``),
DynamoDB PutItem ``TableName`` (an ARN), StartExecution ``StateMachineArn``, Kinesis PutRecord ``StreamARN`` (an AWS SDK
integration), or call a Lambda function by its ARN as the state's ``Resource``; a Task's ``Credentials.RoleArn`` makes
the state act in the role's account ("The role can allow cross-account access to resources"). Each is written as the
Step Functions developer guide's service-integration pages show it (connect-sns, connect-sqs, connect-eventbridge,
connect-lambda, connect-ddb, connect-stepfunctions, concepts-access-cross-acct-resources). Before stop 44 another
account's destination passed every door under a pinned provider (their Regions were judged, their accounts not):
reproduced on the unchanged engine for every ``*-partner*`` shape below (EU, US, JP: no finding at the guard).

``shape``: ``<integration>-own`` names the stack's own resource by its output under the stack's provider (pinned to the
account): passes. ``<integration>-partner`` names another account's (444455556666): RES-023 outside CN (an aws-cn
account is China's by partition, so the CN programs pass). ``*-declared``: the partner account declared resident
(``PARTNER_DECLARED``): passes. ``ddb-partner-getitem`` (DynamoDB GetItem, the optimized integration's read) and
``sqs-partner-receive`` (the SDK's ReceiveMessage) send the partner's resource nothing of the stack's (``read_only``):
pass. ``sns-partner-jsonata``: the same publish under JSONata (``Arguments``). ``lambda-partner-resource``: the
partner's function as the state's ``Resource`` (the legacy direct form). ``credentials-partner``: a publish to a topic
named by name only, under a partner account's role (the topic is that account's). tests/test_realistic_programs.py runs
them as CASES (``sfn44-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

PARTNER = "444455556666"
HOME = {"EU": "eu-central-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
OWN_SHAPES = ("sns-own", "sqs-own", "events-own", "lambda-own", "ddb-own", "startexec-own", "kinesis-own",
              "credentials-own", "ddb-partner-getitem", "sqs-partner-receive")  # fmt: skip
PARTNER_SHAPES = ("sns-partner", "sqs-partner", "events-partner", "lambda-partner-partial", "lambda-partner-resource",
                  "ddb-partner", "startexec-partner", "kinesis-partner", "credentials-partner",
                  "sns-partner-jsonata")  # fmt: skip
DECLARED_SHAPES = ("sns-partner-declared", "credentials-partner-declared")
SHAPES = OWN_SHAPES + PARTNER_SHAPES + DECLARED_SHAPES

PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-operations-account", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's operations account in the same jurisdiction; SCP limits it to in-country Regions",
}  # fmt: skip
"""The partner account declared resident by ``arn:aws:iam::<id>:`` (as RES-023 declarations work)."""

STATES_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def expected(code: str, shape: str) -> set[str]:
    if shape in PARTNER_SHAPES and code != "CN":
        return {"RES-023"}
    return set()


def _part(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def _suffix(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _task(shape: str, region: str, own: str | None) -> dict[str, Any]:
    """The Task state of ``shape``: ``own`` is the stack's resource's output (ARN, URL) where the shape names it."""
    part, p = _part(region), PARTNER
    states = f"arn:{part}:states:::"
    if shape.startswith("sns"):
        # connect-sns: "Resource": "arn:aws:states:::sns:publish", "TopicArn": "arn:aws:sns:region:account-id:myTopic"
        topic = own or f"arn:{part}:sns:{region}:{p}:fleet-alerts"
        if shape == "sns-partner-jsonata":
            return {"Type": "Task", "Resource": f"{states}sns:publish",
                    "Arguments": {"TopicArn": topic, "Message": "{% $states.input.message %}"}}  # fmt: skip
        return {"Type": "Task", "Resource": f"{states}sns:publish",
                "Parameters": {"TopicArn": topic, "Message.$": "$.message"}}  # fmt: skip
    if shape == "sqs-partner-receive":
        # AWS SDK integration (aws-sdk:sqs:receiveMessage): pulls messages from the queue, sends it nothing
        url = f"https://sqs.{region}.{_suffix(region)}/{p}/dealer-updates"
        return {"Type": "Task", "Resource": f"{states}aws-sdk:sqs:receiveMessage",
                "Parameters": {"QueueUrl": url, "MaxNumberOfMessages": 10}}  # fmt: skip
    if shape.startswith("sqs"):
        # connect-sqs: "Resource": "arn:aws:states:::sqs:sendMessage", "QueueUrl": "https://sqs.us-east-1...
        url = own or f"https://sqs.{region}.{_suffix(region)}/{p}/dealer-updates"
        return {"Type": "Task", "Resource": f"{states}sqs:sendMessage",
                "Parameters": {"QueueUrl": url, "MessageBody.$": "$.order"}}  # fmt: skip
    if shape.startswith("events"):
        # connect-eventbridge: "Entries": [{"Detail": ..., "DetailType": ..., "EventBusName": ..., "Source": ...}]
        bus = own or f"arn:{part}:events:{region}:{p}:event-bus/fleet-orders"
        return {"Type": "Task", "Resource": f"{states}events:putEvents",
                "Parameters": {"Entries": [{"Detail": {"Message.$": "$.order"}, "DetailType": "OrderPlaced",
                                            "EventBusName": bus, "Source": "fleet.orders"}]}}  # fmt: skip
    if shape == "lambda-partner-resource":
        # connect-lambda: the function's ARN directly as the Task's Resource (the state's input is its event)
        return {"Type": "Task", "Resource": f"arn:{part}:lambda:{region}:{p}:function:enrich-order"}
    if shape.startswith("lambda"):
        # connect-lambda: "Resource": "arn:aws:states:::lambda:invoke", "FunctionName", "Payload.$": "$"; Invoke's
        # FunctionName "Partial ARN - 123456789012:function:my-function"
        function = own or f"{p}:function:enrich-order"
        return {"Type": "Task", "Resource": f"{states}lambda:invoke",
                "Parameters": {"FunctionName": function, "Payload.$": "$"}}  # fmt: skip
    if shape.startswith("ddb"):
        # connect-ddb: putItem / getItem, "TableName" (PutItem: "You can also provide the ... ARN of the table")
        table = own or f"arn:{part}:dynamodb:{region}:{p}:table/orders"
        if shape == "ddb-partner-getitem":
            return {"Type": "Task", "Resource": f"{states}dynamodb:getItem",
                    "Parameters": {"TableName": table, "Key": {"id": {"S.$": "$.orderId"}}}}  # fmt: skip
        return {
            "Type": "Task",
            "Resource": f"{states}dynamodb:putItem",
            "Parameters": {"TableName": table, "Item": {"id": {"S.$": "$.orderId"}, "body": {"S.$": "$.order"}}},
        }
    if shape.startswith("startexec"):
        # connect-stepfunctions: "Resource": "arn:aws:states:::states:startExecution.sync:2", "StateMachineArn"
        machine = own or f"arn:{part}:states:{region}:{p}:stateMachine:fulfilment"
        return {"Type": "Task", "Resource": f"{states}states:startExecution.sync:2",
                "Parameters": {"StateMachineArn": machine, "Input": {"order.$": "$.order"}}}  # fmt: skip
    if shape.startswith("kinesis"):
        # AWS SDK integration (aws-sdk:kinesis:putRecord): PutRecord "StreamARN: The ARN of the stream"
        stream = own or f"arn:{part}:kinesis:{region}:{p}:stream/telemetry"
        return {"Type": "Task", "Resource": f"{states}aws-sdk:kinesis:putRecord",
                "Parameters": {"StreamARN": stream, "Data.$": "$.reading", "PartitionKey.$": "$.vin"}}  # fmt: skip
    # credentials-*: concepts-access-cross-acct-resources: "Credentials": {"RoleArn": ...}; the topic named by name
    role = own or f"arn:{part}:iam::{p}:role/fleet-alerts-publisher"
    return {"Type": "Task", "Resource": f"{states}aws-sdk:sns:publish", "Credentials": {"RoleArn": role},
            "Parameters": {"TopicArn": "fleet-alerts", "Message.$": "$.message"}}  # fmt: skip


def _own(shape: str, region: str, opts: pulumi.ResourceOptions) -> Any:
    """The stack's own resource a ``*-own`` shape names, by its output (None for the other shapes)."""
    if not shape.endswith("-own"):
        return None
    kind = shape.removesuffix("-own")
    if kind == "sns":
        return aws.sns.Topic("fleet-alerts", opts=opts).arn  # docs: sns/topic (arn)
    if kind == "sqs":
        return aws.sqs.Queue("dealer-updates", opts=opts).url  # docs: sqs/queue (url: "URL for the created queue")
    if kind == "events":
        return aws.cloudwatch.EventBus("fleet-orders", name="fleet-orders", opts=opts).arn  # docs: cloudwatch/eventbus
    if kind == "lambda":
        # docs: lambda/function (role, runtime, handler, code; arn)
        role = aws.iam.Role("enrich-exec", assume_role_policy=STATES_TRUST.replace("states", "lambda"), opts=opts)
        return aws.lambda_.Function(
            "enrich-order", role=role.arn, runtime="python3.12", handler="index.handler",
            code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(event, context):\n    return 1\n")}),
            opts=opts,
        ).arn  # fmt: skip
    if kind == "ddb":
        # docs: dynamodb/table (hash_key, attributes, billing_mode; arn)
        return aws.dynamodb.Table(
            "orders", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
            opts=opts,
        ).arn  # fmt: skip
    if kind == "startexec":
        role = aws.iam.Role("fulfilment", assume_role_policy=STATES_TRUST, opts=opts)
        return aws.sfn.StateMachine(
            "fulfilment", role_arn=role.arn,
            definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}), opts=opts,
        ).arn  # fmt: skip
    if kind == "kinesis":
        return aws.kinesis.Stream("telemetry", shard_count=1, opts=opts).arn  # docs: kinesis/stream (arn)
    # credentials-own: a role of the stack's own account the task assumes
    return aws.iam.Role("fleet-alerts-publisher", assume_role_policy=STATES_TRUST, opts=opts).arn


def program(code: str, shape: str) -> Build:
    region = HOME[code]

    def build(c: Any) -> object:
        opts = c.aws  # the stack's provider, pinned to its account (allowed_account_ids)
        own = _own(shape, region, opts)
        role = aws.iam.Role("orders-flow", assume_role_policy=STATES_TRUST, opts=opts)

        def definition(value: str | None) -> str:
            task = _task(shape, region, value)
            if shape == "sns-partner-jsonata":
                return json.dumps({"QueryLanguage": "JSONata", "StartAt": "Notify",
                                   "States": {"Notify": {**task, "End": True}}})  # fmt: skip
            return json.dumps({"StartAt": "Notify", "States": {"Notify": {**task, "End": True}}})

        body: Any = pulumi.Output.from_input(own).apply(definition) if own is not None else definition(None)
        # docs: sfn/statemachine (role_arn, definition: "The Amazon States Language definition of the state machine")
        return aws.sfn.StateMachine("orders-flow", role_arn=role.arn, definition=body, opts=opts)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"sfn44-{code.lower()}-{shape}", code, program(code, shape), expected(code, shape),
         [PARTNER_DECLARED] if shape in DECLARED_SHAPES else [])
        for code in HOME
        for shape in SHAPES
    ]  # fmt: skip
