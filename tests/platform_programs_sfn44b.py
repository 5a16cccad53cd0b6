"""Programs of stop 44's second Step Functions pass (sfn44b): what sfn44 left open about a state machine's Task
destinations' accounts.

1. Under a provider pinning no account (``team``: a region, no ``allowed_account_ids``), the stack's own SQS queue by
   its ``url`` output, DynamoDB table and state machine by ``arn`` were RES-023 in a Task's ``Parameters`` (sfn44's
   ``*-own`` shapes pass only because the stack's provider pins its account). Reproduced on the unchanged engine by the
   ``*-own-unpinned`` shapes below (EU, US, JP: RES-023 at every door; CN passes, an aws-cn account is China's). Their
   outputs are outputs only (pulumi-aws v7 sqs/queue ``url``, dynamodb/table ``arn``, sfn/stateMachine ``arn``), now
   ``made_account_arns``: they pass. ``kinesis-own-unpinned`` stayed RES-023 outside CN (a Kinesis stream's ``arn`` is
   also an input, which a program could set to anyone's ARN); since stop 45 (awsred45) it passes: the stream's
   physical ``id``, no input, is its ARN ("same as `id`") and proves it (``made_account_arns`` ``output: id``).
   ``sqs-own-second-provider``: the same queue made by a second provider (``ops``, a
   profile, its account unknown) stays RES-023 (its credentials may be another account's). ``sqs-partner-unpinned``:
   a partner's queue URL, RES-023 outside CN (as under a pinned provider).
2. AWS SDK integration parameters naming a written resource under other names, listed per action
   (``written_account_fields`` ``resources``): ``sns-targetarn-partner`` (``aws-sdk:sns:publish`` ``TargetArn``, a
   partner's topic) is RES-023 outside CN; ``sns-targetarn-own`` (the stack's topic by ``arn``) passes;
   ``tags-resourcearn-partner`` (``aws-sdk:sns:listTagsForResource`` ``ResourceArn``, a read of the partner's topic's
   tags) passes: the name is judged only in the listed write actions.

tests/test_realistic_programs.py runs them as CASES (``sfn44b-*``).
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
PASSING = ("sqs-own-unpinned", "ddb-own-unpinned", "startexec-own-unpinned", "sns-targetarn-own",
           "tags-resourcearn-partner", "kinesis-own-unpinned")  # fmt: skip
REFUSED = ("sqs-own-second-provider", "sqs-partner-unpinned", "sns-targetarn-partner")
SHAPES = PASSING + REFUSED

STATES_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def expected(code: str, shape: str) -> set[str]:
    return {"RES-023"} if shape in REFUSED and code != "CN" else set()


def _part(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def _suffix(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _task(shape: str, region: str, own: str | None) -> dict[str, Any]:
    """The Task state of ``shape``; ``own`` is the stack's resource's output (ARN, URL) where the shape names one."""
    states, p = f"arn:{_part(region)}:states:::", PARTNER
    topic = f"arn:{_part(region)}:sns:{region}:{p}:fleet-alerts"
    if shape.startswith("sqs"):
        # connect-sqs: "Resource": "arn:aws:states:::sqs:sendMessage", "QueueUrl"
        url = own or f"https://sqs.{region}.{_suffix(region)}/{p}/dealer-updates"
        return {"Type": "Task", "Resource": f"{states}sqs:sendMessage",
                "Parameters": {"QueueUrl": url, "MessageBody.$": "$.order"}}  # fmt: skip
    if shape.startswith("ddb"):
        # connect-ddb: putItem "TableName" (PutItem: "You can also provide the ... ARN of the table")
        return {"Type": "Task", "Resource": f"{states}dynamodb:putItem",
                "Parameters": {"TableName": own, "Item": {"id": {"S.$": "$.orderId"}}}}  # fmt: skip
    if shape.startswith("startexec"):
        # connect-stepfunctions: "states:startExecution.sync:2", "StateMachineArn"
        return {"Type": "Task", "Resource": f"{states}states:startExecution.sync:2",
                "Parameters": {"StateMachineArn": own, "Input": {"order.$": "$.order"}}}  # fmt: skip
    if shape.startswith("kinesis"):
        # AWS SDK integration (aws-sdk:kinesis:putRecord): PutRecord "StreamARN: The ARN of the stream"
        return {"Type": "Task", "Resource": f"{states}aws-sdk:kinesis:putRecord",
                "Parameters": {"StreamARN": own, "Data.$": "$.reading", "PartitionKey.$": "$.vin"}}  # fmt: skip
    if shape.startswith("sns-targetarn"):
        # SNS Publish "TargetArn": "If you don't specify a value for the TargetArn parameter, you must specify a value
        # for the PhoneNumber or TopicArn parameters" (the SDK integration takes the API's parameter names)
        return {"Type": "Task", "Resource": f"{states}aws-sdk:sns:publish",
                "Parameters": {"TargetArn": own or topic, "Message.$": "$.message"}}  # fmt: skip
    # tags-resourcearn-partner: SNS ListTagsForResource "ResourceArn": reads the topic's tags, sends it nothing
    return {"Type": "Task", "Resource": f"{states}aws-sdk:sns:listTagsForResource",
            "Parameters": {"ResourceArn": topic}}  # fmt: skip


def _own(shape: str, opts: pulumi.ResourceOptions) -> Any:
    """The stack's own resource a shape names, by its output (None for the partner shapes)."""
    if shape.startswith("sqs-own"):
        return aws.sqs.Queue("dealer-updates", opts=opts).url  # docs: sqs/queue (url: "The URL for the created queue")
    if shape.startswith("ddb"):
        # docs: dynamodb/table (hash_key, attributes, billing_mode; arn "ARN of the table")
        return aws.dynamodb.Table(
            "orders", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST",
            opts=opts,
        ).arn  # fmt: skip
    if shape.startswith("startexec"):
        role = aws.iam.Role("fulfilment", assume_role_policy=STATES_TRUST, opts=opts)
        # docs: sfn/statemachine (arn "The ARN of the state machine")
        return aws.sfn.StateMachine(
            "fulfilment", role_arn=role.arn,
            definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}), opts=opts,
        ).arn  # fmt: skip
    if shape.startswith("kinesis"):
        return aws.kinesis.Stream("telemetry", shard_count=1, opts=opts).arn  # docs: kinesis/stream (arn)
    if shape == "sns-targetarn-own":
        return aws.sns.Topic("fleet-alerts", opts=opts).arn  # docs: sns/topic (arn)
    return None


def program(code: str, shape: str) -> Build:
    region = HOME[code]

    def build(c: Any) -> object:
        # A provider pinning no account (the team's stack without allowed_account_ids), or the stack's pinned one for
        # the SDK-parameter shapes.
        team = pulumi.ResourceOptions(provider=aws.Provider("team", region=region))
        opts = c.aws if shape.startswith(("sns-", "tags-")) else team
        made = opts
        if shape == "sqs-own-second-provider":
            made = pulumi.ResourceOptions(provider=aws.Provider("ops", region=region, profile="ops"))
        own = _own(shape, made)
        role = aws.iam.Role("orders-flow", assume_role_policy=STATES_TRUST, opts=opts)

        def definition(value: str | None) -> str:
            return json.dumps({"StartAt": "Send", "States": {"Send": {**_task(shape, region, value), "End": True}}})

        body: Any = pulumi.Output.from_input(own).apply(definition) if own is not None else definition(None)
        # docs: sfn/statemachine (role_arn, definition: "The Amazon States Language definition of the state machine")
        return aws.sfn.StateMachine("orders-flow", role_arn=role.arn, definition=body, opts=opts)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"sfn44b-{code.lower()}-{shape}", code, program(code, shape), expected(code, shape), [])
        for code in HOME
        for shape in SHAPES
    ]  # fmt: skip
