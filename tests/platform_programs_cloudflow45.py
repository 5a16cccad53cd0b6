"""Programs of stop 45's CloudFlow and Step Functions SDK work (cloudflow45): what a workflow's task writes to, by
integrations stop 44 did not read.

1. **Step Functions AWS SDK parameters** (``aws:sfn/stateMachine:StateMachine`` under the table's pinned provider, EU,
   US, JP, CN). The service names are the "Task state resource" column of "Supported AWS SDK service integrations"
   (``aws-sdk:rdsdata:...``, ``aws-sdk:cloudwatchlogs:...``, ``aws-sdk:firehose:...``, ``aws-sdk:eventbridge:...``).
   Before stop 45 an RDS Data API ExecuteStatement / BatchExecuteStatement into a partner's Aurora cluster by
   ``ResourceArn`` and a CloudWatch Logs PutSubscriptionFilter streaming the stack's log group to a partner's
   destination by ``DestinationArn`` passed every door (reproduced with this table on the unchanged catalogue):
   ``rdsdata-partner``, ``rdsdata-batch-partner`` and ``subfilter-partner`` are RES-023 outside CN now, and pass in CN
   (aws-cn accounts are China's). Their twins pass: the stack's own cluster and destination (``rdsdata-own``,
   ``subfilter-own``), the partner's secret read for the own cluster's credentials (``rdsdata-secret-partner``: the
   secret receives nothing), a read naming a partner's log group by ``ResourceArn``
   (``logs-tags-partner``: ``ListTagsForResource``; the name is judged only in the listed write actions), and the
   calls that name their destination by a name of the caller's account (``putlogevents-name``: PutLogEvents
   ``LogGroupName``; ``firehose-name``: Firehose PutRecord ``DeliveryStreamName``). Refused before and unchanged:
   ``eventbridge-partner`` (``aws-sdk:eventbridge:putEvents`` ``Entries[].EventBusName``, RES-023 since stop 44) and
   ``s3-partner-bucket`` (``aws-sdk:s3:putObject`` ``Bucket`` of a bucket the stack does not make, RES-017), outside CN.
2. **CloudFlow (fnf) integrations beyond Function Compute and MNS queues** (``alicloud:fnf/flow:Flow`` under the
   table's provider assuming the deployment role, CN, JP, DE), written as Alibaba's integration pages show them:
   OSS (``OSS:PutObject``; ``region``: "Region where the bucket resides. Defaults to the current flow's region"),
   EventBridge (``EventBridge:PutEvents``, ``eventBusName``), MNS topics (a v1 task step's
   ``resourceArn: acs:mns:...:/topics/<name>/messages``, "Integrate ... MNS topics"; a state-machine FDL
   ``MNS:SendMessage`` whose ``resourceArn`` names "the SMQ queue or topic") and the generic OpenAPI action
   (``<Service>:<APIOperation>``, "Task state"). Every one was already judged by the existing judgements, nothing
   changed (regression pins): ``oss-put-home``, ``oss-put-default-region``, ``eventbridge-bus``, ``mns-topic-own``,
   ``openapi-home`` pass; ``oss-put-abroad`` and ``openapi-abroad`` are RES-009 (a region abroad); ``mns-topic-partner``
   and ``mns-send-topic-partner`` are RES-023 (stop 44's ``*.resource_arn`` entry covers topics too).

tests/test_realistic_programs.py runs them as CASES (``cloudflow45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import platform_programs as pp
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import yaml

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN_AWS = "123456789012"
"""The account the table's AWS provider pins (``allowed_account_ids``)."""
PARTNER_AWS = "444455556666"
AWS_HOME = {"EU": "eu-central-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
SFN_PASSING = ("rdsdata-own", "rdsdata-secret-partner", "subfilter-own", "logs-tags-partner", "putlogevents-name",
               "firehose-name")  # fmt: skip
SFN_REFUSED = ("rdsdata-partner", "rdsdata-batch-partner", "subfilter-partner")
SFN_ALREADY_REFUSED = {"eventbridge-partner": {"RES-023"}, "s3-partner-bucket": {"RES-017"}}
SFN_SHAPES = SFN_PASSING + SFN_REFUSED + tuple(SFN_ALREADY_REFUSED)

OWN_ALI = "1234567890123456"
"""The UID of the deployment role the table's Alibaba provider assumes (``platform_parts.DEPLOYER``)."""
PARTNER_ALI = "5555666677778888"
ALI_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
ABROAD = "us-west-1"
FNF_PASSING = ("oss-put-home", "oss-put-default-region", "eventbridge-bus", "mns-topic-own", "openapi-home")
FNF_REFUSED = {"oss-put-abroad": {"RES-009"}, "openapi-abroad": {"RES-009"}, "mns-topic-partner": {"RES-023"},
               "mns-send-topic-partner": {"RES-023"}}  # fmt: skip
FNF_SHAPES = FNF_PASSING + tuple(FNF_REFUSED)

STATES_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def sfn_expected(code: str, shape: str) -> set[str]:
    if code == "CN":
        return set()
    return {"RES-023"} if shape in SFN_REFUSED else SFN_ALREADY_REFUSED.get(shape, set())


def _sfn_task(shape: str, region: str) -> dict[str, Any]:
    """The Task state of ``shape`` (the SDK integrations take the API's parameter names, in PascalCase)."""
    part = "aws-cn" if region.startswith("cn-") else "aws"
    states = f"arn:{part}:states:::aws-sdk:"
    account = PARTNER_AWS if shape.endswith("-partner") and not shape.startswith("rdsdata-secret") else OWN_AWS
    cluster = f"arn:{part}:rds:{region}:{account}:cluster:orders"
    secret_account = PARTNER_AWS if shape == "rdsdata-secret-partner" else OWN_AWS
    secret = f"arn:{part}:secretsmanager:{region}:{secret_account}:secret:orders-db"
    if shape.startswith("rdsdata"):
        # RDS Data API ExecuteStatement / BatchExecuteStatement: resourceArn (the Aurora cluster), secretArn (the
        # credentials), database, sql, parameters.
        action = "batchExecuteStatement" if shape == "rdsdata-batch-partner" else "executeStatement"
        sql = "INSERT INTO orders (id, vin) VALUES (:id, :vin)"
        params: dict[str, Any] = {"ResourceArn": cluster, "SecretArn": secret, "Database": "orders", "Sql": sql}
        if action == "executeStatement":
            params["Parameters"] = [{"Name": "id", "Value": {"StringValue.$": "$.orderId"}},
                                    {"Name": "vin", "Value": {"StringValue.$": "$.vin"}}]  # fmt: skip
        else:
            params["ParameterSets.$"] = "$.rows"
        return {"Type": "Task", "Resource": f"{states}rdsdata:{action}", "Parameters": params}
    if shape.startswith("subfilter"):
        # CloudWatch Logs PutSubscriptionFilter: logGroupName, filterName, filterPattern, destinationArn
        destination = f"arn:{part}:logs:{region}:{account}:destination:central-audit"
        return {"Type": "Task", "Resource": f"{states}cloudwatchlogs:putSubscriptionFilter",
                "Parameters": {"LogGroupName": "/fleet/orders", "FilterName": "all", "FilterPattern": "",
                               "DestinationArn": destination}}  # fmt: skip
    if shape == "logs-tags-partner":
        # CloudWatch Logs ListTagsForResource: resourceArn (a log group's ARN): reads its tags
        group = f"arn:{part}:logs:{region}:{PARTNER_AWS}:log-group:/fleet/orders"
        return {"Type": "Task", "Resource": f"{states}cloudwatchlogs:listTagsForResource",
                "Parameters": {"ResourceArn": group}}  # fmt: skip
    if shape == "putlogevents-name":
        # CloudWatch Logs PutLogEvents: logGroupName ("The name of the log group"), logStreamName, logEvents
        return {"Type": "Task", "Resource": f"{states}cloudwatchlogs:putLogEvents",
                "Parameters": {"LogGroupName": "/fleet/orders", "LogStreamName": "executions",
                               "LogEvents": [{"Message.$": "States.JsonToString($)",
                                              "Timestamp.$": "$.timestamp"}]}}  # fmt: skip
    if shape == "firehose-name":
        # Firehose PutRecord: DeliveryStreamName, Record.Data
        return {"Type": "Task", "Resource": f"{states}firehose:putRecord",
                "Parameters": {"DeliveryStreamName": "fleet-telemetry", "Record": {"Data.$": "$.reading"}}}  # fmt: skip
    if shape == "eventbridge-partner":
        # EventBridge PutEvents: Entries[].EventBusName ("The name or ARN of the event bus")
        bus = f"arn:{part}:events:{region}:{PARTNER_AWS}:event-bus/central"
        return {"Type": "Task", "Resource": f"{states}eventbridge:putEvents",
                "Parameters": {"Entries": [{"EventBusName": bus, "Source": "fleet.orders", "DetailType": "order",
                                            "Detail.$": "$.order"}]}}  # fmt: skip
    # s3-partner-bucket: S3 PutObject Bucket (a bucket this stack does not make)
    return {"Type": "Task", "Resource": f"{states}s3:putObject",
            "Parameters": {"Bucket": "partner-fleet-exports", "Key.$": "$.orderId", "Body.$": "$.order"}}  # fmt: skip


def sfn_program(code: str, shape: str) -> Build:
    region = AWS_HOME[code]
    definition = json.dumps({"StartAt": "Write", "States": {"Write": {**_sfn_task(shape, region), "End": True}}})

    def build(c: Any) -> object:
        role = aws.iam.Role("orders-flow", assume_role_policy=STATES_TRUST, opts=c.aws)
        # docs: sfn/statemachine (role_arn, definition: "The Amazon States Language definition of the state machine")
        return aws.sfn.StateMachine("orders-flow", role_arn=role.arn, definition=definition, opts=c.aws)

    return build


def fnf_expected(shape: str) -> set[str]:
    return FNF_REFUSED.get(shape, set())


def _state_machine(action: str, parameters: dict[str, Any]) -> str:
    # docs: "Task state" (Type: StateMachine, SpecVersion: v1, a Task's Action `<Service>:<APIOperation>`, Parameters)
    task = {"Type": "Task", "Name": "write", "Action": action, "TaskMode": "RequestComplete",
            "Parameters": parameters, "End": True}  # fmt: skip
    document = {"Type": "StateMachine", "Name": "orders", "SpecVersion": "v1", "StartAt": "write", "States": [task]}
    return yaml.safe_dump(document, sort_keys=False)


def fnf_definition(code: str, shape: str) -> str:
    region = ALI_HOME[code]
    uid = PARTNER_ALI if shape.endswith("-partner") else OWN_ALI
    if shape.startswith("oss-put"):
        # "Integrate CloudFlow with OSS": OSS:PutObject with bucket, key, body and region ("Region where the bucket
        # resides. Defaults to the current flow's region")
        parameters: dict[str, Any] = {"bucket": "fleet-exports", "key": "orders/$Context.Execution.Name.json",
                                      "body": "$Input"}  # fmt: skip
        if shape != "oss-put-default-region":
            parameters["region"] = ABROAD if shape == "oss-put-abroad" else region
        return _state_machine("OSS:PutObject", parameters)
    if shape == "eventbridge-bus":
        # "Integrate CloudFlow with EventBridge": EventBridge:PutEvents, eventBusName (a bus of the flow's account)
        return _state_machine("EventBridge:PutEvents", {"id": "order-event", "type": "fleet:order:created",
                                                        "eventBusName": "fleet-orders", "source": "fleet.orders",
                                                        "subject": "orders", "data": "$Input"})  # fmt: skip
    if shape.startswith("mns-topic"):
        # "Integrate ... MNS topics": a v1 task step, resourceArn acs:mns:...:/topics/{topicName}/messages
        topic = f"acs:mns:{region}:{uid}:/topics/fleet-alerts/messages"
        step = {"type": "task", "name": "notify", "resourceArn": topic, "pattern": "requestResponse",
                "serviceParams": {"MessageBody": "$"}}  # fmt: skip
        return yaml.safe_dump({"version": "v1", "type": "flow", "steps": [step]}, sort_keys=False)
    if shape == "mns-send-topic-partner":
        # "Integrate CloudFlow with SMQ": MNS:SendMessage, resourceArn "of the SMQ queue or topic"
        arn = f"acs:mns:{region}:{uid}:/topics/fleet-alerts/messages"
        return _state_machine("MNS:SendMessage", {"resourceArn": arn, "message": {"body": "$Input"}})
    # openapi-*: an Alibaba Cloud OpenAPI action ("Task state": `<ServiceName>:<APIOperation>`, ECS:DescribeInstances)
    return _state_machine("ECS:DescribeInstances", {"RegionId": ABROAD if shape == "openapi-abroad" else region})


def fnf_program(code: str, shape: str) -> Build:
    text = fnf_definition(code, shape)

    def build(c: Any) -> object:
        # docs: fnf/flow (name, type "FDL", definition, role_arn: the RAM role the flow assumes)
        return alicloud.fnf.Flow(
            "orders-flow", name="orders-flow", description="order fulfilment", type="FDL", definition=text,
            role_arn=f"acs:ram::{OWN_ALI}:role/fnf-orders", opts=c.ali,
        )  # fmt: skip

    return pp.assuming_role(build)


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    sfn: list[Row] = [
        (f"cloudflow45-{code.lower()}-sfn-{shape}", code, sfn_program(code, shape), sfn_expected(code, shape), [])
        for code in AWS_HOME
        for shape in SFN_SHAPES
    ]
    fnf: list[Row] = [
        (f"cloudflow45-{code.lower()}-fnf-{shape}", code, fnf_program(code, shape), fnf_expected(shape), [])
        for code in ALI_HOME
        for shape in FNF_SHAPES
    ]
    return sfn + fnf
