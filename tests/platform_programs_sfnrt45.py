"""Programs of stop 45's Step Functions run-time destinations' accounts (sfnrt45, issue 9).

A state machine's Task names what it writes into (``written_account_fields``: SNS Publish ``TopicArn``, SQS SendMessage
``QueueUrl``, EventBridge PutEvents ``Entries[].EventBusName``, Lambda Invoke ``FunctionName``, a Task's
``Credentials.RoleArn`` ...). Stop 44 judged the account such a field names when the definition writes it; a run-time
value there (an ASL ``<Key>.$`` path, ``"TopicArn.$": "$.topic"``, or a JSONata expression ``{% $states.input.fn %}``)
names no account the program shows and passed every door, while the same run-time value at an S3 ``Bucket`` was
refused (RES-017) since stop 33: whoever starts the execution chooses it. Reproduced on the unchanged engine with this
table: every refused shape below but ``sns-jsonata-partner`` (refused since stop 44) passed every door in EU, US and
JP. Since stop 45 the account is refused (RES-023) unless the exact expression is declared (``kind: resident``, with
what bounds it); in CN every account of aws-cn is in China, so nothing is refused there (as a run-time bucket).

Each Task is written as the developer guide's integration pages show it (connect-sns, connect-sqs, connect-eventbridge,
connect-lambda, connect-ddb; ``Credentials.RoleArn.$`` as AWS CDK's ``TaskRole.fromRoleArnJsonPath('$.roleArn')``
writes it; ``States.Format`` as "Intrinsic functions" shows it), under the table's provider pinned to the own account.

Refused outside CN (RES-023; passed before): ``sns-path`` (``TopicArn.$``), ``sqs-path`` (``QueueUrl.$``),
``events-path`` (``Entries[].EventBusName.$``), ``lambda-jsonata`` (``FunctionName`` a JSONata path),
``credentials-path`` (``Credentials.RoleArn.$``, a publish to the stack's own topic by name under a role from the input)
and ``sns-format-account`` (a ``States.Format`` template whose account comes from the input).
Passing twins: ``sns-format-own`` (the template fixes the stack's own pinned account and home Region, the topic name
from the input), ``lambda-format-name`` / ``ddb-format-name`` (a fixed name prefix no ARN can begin: a name is the
caller's account's), ``sqs-path-receive`` / ``ddb-path-getitem`` (ReceiveMessage / GetItem send nothing: ``read_only``),
``sns-path-declared`` (the expression ``$.topic`` declared resident), ``sns-jsonata-own`` (a JSONata literal of the own
topic, judged as written). Regression pin: ``sns-jsonata-partner`` (a JSONata literal of a partner's topic, RES-023
since stop 44). tests/test_realistic_programs.py runs them as CASES (``sfnrt45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN = "123456789012"
"""The account the table's AWS provider pins (``allowed_account_ids``)."""
PARTNER = "444455556666"
HOME = {"EU": "eu-central-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
REFUSED = ("sns-path", "sqs-path", "events-path", "lambda-jsonata", "credentials-path", "sns-format-account",
           "sns-jsonata-partner")  # fmt: skip
PASSING = ("sns-format-own", "lambda-format-name", "ddb-format-name", "sqs-path-receive", "ddb-path-getitem",
           "sns-path-declared", "sns-jsonata-own")  # fmt: skip
SHAPES = REFUSED + PASSING

TOPIC_DECLARED: dict[str, Any] = {
    "id": "dispatch-topics", "kind": "resident", "match": "$.topic",
    "evidence": "the only caller is the stack's dispatch API, which passes one of the stack's own in-country topics",
}  # fmt: skip
"""The run-time expression declared resident by its exact text (as a run-time ``Bucket.$`` is declared)."""

STATES_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def expected(code: str, shape: str) -> set[str]:
    return {"RES-023"} if shape in REFUSED and code != "CN" else set()


def _task(shape: str, region: str) -> dict[str, Any]:
    """The Task state of ``shape``."""
    part = "aws-cn" if region.startswith("cn-") else "aws"
    states = f"arn:{part}:states:::"
    if shape in ("sns-path", "sns-path-declared"):
        # connect-sns: "Resource": "arn:aws:states:::sns:publish", "TopicArn", "Message.$"
        return {"Resource": f"{states}sns:publish", "Parameters": {"TopicArn.$": "$.topic", "Message.$": "$.message"}}
    if shape == "sqs-path":
        # connect-sqs: "Resource": "arn:aws:states:::sqs:sendMessage", "QueueUrl", "MessageBody.$"
        return {"Resource": f"{states}sqs:sendMessage", "Parameters": {"QueueUrl.$": "$.queueUrl",
                                                                       "MessageBody.$": "$.order"}}  # fmt: skip
    if shape == "events-path":
        # connect-eventbridge: "Resource": "arn:aws:states:::events:putEvents", "Entries": [{"EventBusName", ...}]
        entry = {"Detail": {"Message.$": "$.order"}, "DetailType": "OrderPlaced", "EventBusName.$": "$.bus",
                 "Source": "fleet.orders"}  # fmt: skip
        return {"Resource": f"{states}events:putEvents", "Parameters": {"Entries": [entry]}}
    if shape == "lambda-jsonata":
        # connect-lambda under JSONata: "Arguments": {"FunctionName": ..., "Payload": "{% $states.input %}"}
        return {"Resource": f"{states}lambda:invoke", "Arguments": {"FunctionName": "{% $states.input.function %}",
                                                                    "Payload": "{% $states.input %}"}}  # fmt: skip
    if shape == "credentials-path":
        # concepts-access-cross-acct-resources: "Credentials": {"RoleArn": ...}; CDK fromRoleArnJsonPath('$.roleArn')
        return {"Resource": f"{states}sns:publish", "Credentials": {"RoleArn.$": "$.roleArn"},
                "Parameters": {"TopicArn": "fleet-alerts", "Message.$": "$.message"}}  # fmt: skip
    if shape == "sns-format-account":
        topic = f"States.Format('arn:{part}:sns:{region}:{{}}:fleet-alerts', $.account)"
        return {"Resource": f"{states}sns:publish", "Parameters": {"TopicArn.$": topic, "Message.$": "$.message"}}
    if shape == "sns-format-own":
        topic = f"States.Format('arn:{part}:sns:{region}:{OWN}:{{}}', $.topicName)"
        return {"Resource": f"{states}sns:publish", "Parameters": {"TopicArn.$": topic, "Message.$": "$.message"}}
    if shape == "lambda-format-name":
        return {"Resource": f"{states}lambda:invoke", "Parameters": {
            "FunctionName.$": "States.Format('enrich-{}', $.stage)", "Payload.$": "$"}}  # fmt: skip
    if shape == "ddb-format-name":
        return {"Resource": f"{states}dynamodb:putItem", "Parameters": {
            "TableName.$": "States.Format('orders-{}', $.stage)", "Item": {"id": {"S.$": "$.orderId"}}}}  # fmt: skip
    if shape == "sqs-path-receive":
        return {"Resource": f"{states}aws-sdk:sqs:receiveMessage", "Parameters": {"QueueUrl.$": "$.queueUrl"}}
    if shape == "ddb-path-getitem":
        request = {"TableName.$": "$.table", "Key": {"id": {"S.$": "$.orderId"}}}
        return {"Resource": f"{states}dynamodb:getItem", "Parameters": request}
    account = PARTNER if shape == "sns-jsonata-partner" else OWN
    topic = f"{{% 'arn:{part}:sns:{region}:{account}:fleet-alerts' %}}"
    return {"Resource": f"{states}sns:publish", "Arguments": {"TopicArn": topic, "Message": "{% $states.input %}"}}


def program(code: str, shape: str) -> Build:
    region = HOME[code]
    document: dict[str, Any] = {"StartAt": "Send", "States": {"Send": {"Type": "Task", **_task(shape, region),
                                                                       "End": True}}}  # fmt: skip
    if "jsonata" in shape:
        document["QueryLanguage"] = "JSONata"
    definition = json.dumps(document)

    def build(c: Any) -> object:
        role = aws.iam.Role("dispatch-flow", assume_role_policy=STATES_TRUST, opts=c.aws)
        # docs: sfn/statemachine (role_arn, definition: "The Amazon States Language definition of the state machine")
        return aws.sfn.StateMachine("dispatch-flow", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (
            f"sfnrt45-{code.lower()}-{shape}",
            code,
            program(code, shape),
            expected(code, shape),
            [TOPIC_DECLARED] if shape.endswith("-declared") else [],
        )
        for code in HOME
        for shape in SHAPES
    ]
