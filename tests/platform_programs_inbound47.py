"""Action-aware resource-policy grants (stop 47, issue 9: inbound47).

A resource policy that lets another account only DELIVER into the stack's queue, topic, event bus, stream or log
destination (``sqs:SendMessage``, ``sns:Publish``, ``events:PutEvents``, ``kinesis:PutRecord(s)`` with the two shape
reads a producer needs, ``logs:PutSubscriptionFilter``: ``endpoints.yaml`` ``delivery_actions``) moves none of the
stack's data out. Reproduced on the unchanged engine (main, c0b9543: ``RuleEngine(code).check`` of each shape under a
provider pinned to 123456789012, then this table on main's ``components``): every such statement to another account
was RES-023 outside CN (a partner's ``Principal``, or a ``*`` statement whose ``aws:SourceAccount`` / ``aws:SourceArn``
names it), while the same PutEvents grant made by ``cloudwatch.EventPermission`` passed.

``shape`` (the partner is 444455556666; an aws-cn account is China's by partition, so no account is refused in CN):

- pass (RES-023 outside CN before): ``sqs-send-partner``, ``sns-publish-partner``, ``sns-publish-source-account``,
  ``events-putevents-partner``, ``kinesis-put-partner`` (the registry's own resource-policy example),
  ``logs-destination-partner``;
- RES-023 outside CN (as before): ``sqs-send-receive-partner`` (a read beside the delivery), ``sqs-wildcard-partner``
  (``sqs:*``), ``sqs-notaction-partner`` (every action but ReceiveMessage), ``sns-subscribe-partner`` (the topic then
  sends to the partner), ``events-putrule-partner`` (the partner routes the bus's events to its own targets),
  ``kinesis-read-partner`` (GetShardIterator / GetRecords); ``sns-subscribe-partner-declared`` passes;
- ``events-putevents-org`` (an organization allowed only PutEvents): RES-023 outside CN at stop 47 (orgkeys42's
  decision, left to the lead); passes since stop 48 (the lead's decision, docs/residency.md "An organization's
  delivery-only grant (stop 48)"), as the same grant to one account;
- RES-024 everywhere (as before): ``sqs-send-public`` (a delivery-only statement to ``*`` is still public);
- Alibaba Cloud (CN, DE, JP; SMQ / MNS has no resource policy): ``ali-mns-push-role`` (a role the partner's MNS assumes,
  ``<uid>@mns.aliyuncs.com``, allowed mns:SendMessage on the stack's queue) passes as before; ``ali-role-partner`` (the
  partner's account may assume a role that can only send) and ``ali-oss-putobject-partner`` (an object belongs to its
  writer: left open) stay RES-023, in CN too (no Alibaba Cloud account is proven by where it is).

tests/test_realistic_programs.py runs them as CASES (``inbound47-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import assuming_role

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

PARTNER = "444455556666"
"""The partner's AWS account: a supplier whose systems hand the stack orders, alerts and telemetry."""
ALI_PARTNER = "5555666677778888"
"""The partner's Alibaba Cloud account (UID)."""
CODES = ("EU", "DE", "JP", "US", "CN")
ALI_CODES = ("CN", "DE", "JP")
REGIONS = {"CN": "cn-north-1", "DE": "eu-central-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
ORG = "o-a1b2c3d4e5"
"""An organization the stack does not declare."""

PASSES = ("sqs-send-partner", "sns-publish-partner", "sns-publish-source-account", "events-putevents-partner",
          "kinesis-put-partner", "logs-destination-partner", "sns-subscribe-partner-declared",
          "events-putevents-org")  # fmt: skip
REFUSED = ("sqs-send-receive-partner", "sqs-wildcard-partner", "sqs-notaction-partner", "sns-subscribe-partner",
           "events-putrule-partner", "kinesis-read-partner")  # fmt: skip
PUBLIC = ("sqs-send-public",)
SHAPES = PASSES + REFUSED + PUBLIC
ALI_SHAPES = ("ali-mns-push-role", "ali-role-partner", "ali-oss-putobject-partner")


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _policy(action: Any, principal: Any, condition: dict[str, Any] | None = None, key: str = "Action") -> str:
    statement: dict[str, Any] = {"Sid": "Partner", "Effect": "Allow", "Principal": principal, key: action,
                                 "Resource": "*"}  # fmt: skip
    if condition is not None:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def _statement(code: str, shape: str) -> str:
    """The resource policy each shape writes (``Resource: "*"``: the resource the policy is attached to)."""
    partner = {"AWS": f"arn:{_part(code)}:iam::{PARTNER}:root"}
    statements: dict[str, tuple[Any, Any, dict[str, Any] | None, str]] = {
        "sqs-send-partner": ("sqs:SendMessage", partner, None, "Action"),
        "sqs-send-receive-partner": (["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"], partner, None,
                                     "Action"),
        "sqs-wildcard-partner": ("sqs:*", partner, None, "Action"),
        "sqs-notaction-partner": (["sqs:ReceiveMessage"], partner, None, "NotAction"),
        "sqs-send-public": ("sqs:SendMessage", "*", None, "Action"),
        "sns-publish-partner": (["sns:Publish"], partner, None, "Action"),
        "sns-publish-source-account": ("SNS:Publish", {"AWS": "*"}, {"StringEquals": {"aws:SourceAccount": PARTNER}},
                                       "Action"),
        "sns-subscribe-partner": (["sns:Publish", "sns:Subscribe"], partner, None, "Action"),
        "sns-subscribe-partner-declared": (["sns:Publish", "sns:Subscribe"], partner, None, "Action"),
        "events-putevents-partner": ("events:PutEvents", partner, None, "Action"),
        "events-putrule-partner": (["events:PutEvents", "events:PutRule", "events:PutTargets"], partner, None,
                                   "Action"),
        "events-putevents-org": ("events:PutEvents", "*", {"StringEquals": {"aws:PrincipalOrgID": ORG}}, "Action"),
        "kinesis-put-partner": (["kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:PutRecord",
                                 "kinesis:PutRecords"], partner, None, "Action"),
        "kinesis-read-partner": (["kinesis:DescribeStreamSummary", "kinesis:GetShardIterator", "kinesis:GetRecords"],
                                 partner, None, "Action"),
        "logs-destination-partner": ("logs:PutSubscriptionFilter", {"AWS": PARTNER}, None, "Action"),
    }  # fmt: skip
    action, principal, condition, key = statements[shape]
    return _policy(action, principal, condition, key)


def expected(code: str, shape: str) -> set[str]:
    if shape in PUBLIC:
        return {"RES-024"}
    if shape in ALI_SHAPES:
        return set() if shape == "ali-mns-push-role" else {"RES-023"}
    return {"RES-023"} if shape in REFUSED and code != "CN" else set()


def declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "sns-subscribe-partner-declared":
        return [{"id": "partner-alerts", "kind": "resident", "match": f"arn:{_part(code)}:iam::{PARTNER}:",
                 "evidence": "the partner's account, reviewed: its subscribers are in the home Region"}]  # fmt: skip
    return []


def program(code: str, shape: str, document: str | None = None) -> Build:
    """docs: sqs/queuepolicy, sns/topicpolicy, cloudwatch/eventbuspolicy, kinesis/resourcepolicy,
    cloudwatch/logdestinationpolicy (each `policy` / `access_policy` a JSON document). The resource is chosen by the
    shape's prefix (``sqs-``, ``sns-``, ``events-``, ``kinesis-``, else a log destination); ``document`` replaces the
    shape's own statement (tests/platform_programs_orgdelivery48.py)."""
    document = _statement(code, shape) if document is None else document

    def build(c: Any) -> object:
        if shape.startswith("sqs-"):
            queue = aws.sqs.Queue("orders", opts=c.aws)
            return aws.sqs.QueuePolicy("orders-partner", queue_url=queue.url, policy=document, opts=c.aws)
        if shape.startswith("sns-"):
            topic = aws.sns.Topic("alerts", opts=c.aws)
            return aws.sns.TopicPolicy("alerts-partner", arn=topic.arn, policy=document, opts=c.aws)
        if shape.startswith("events-"):
            bus = aws.cloudwatch.EventBus("fleet", name="fleet", opts=c.aws)
            return aws.cloudwatch.EventBusPolicy("fleet-partner", event_bus_name=bus.name, policy=document, opts=c.aws)
        stream = aws.kinesis.Stream("telemetry", shard_count=1, opts=c.aws)
        if shape.startswith("kinesis-"):
            return aws.kinesis.ResourcePolicy("telemetry-partner", resource_arn=stream.arn, policy=document, opts=c.aws)
        return _log_destination(c, code, stream, document)

    return build


def _log_destination(c: Any, code: str, stream: aws.kinesis.Stream, document: str) -> object:
    """A CloudWatch Logs destination writing into the stack's stream, which the partner's log groups subscribe to
    (CloudWatch Logs "Step 1: Create a destination"; docs: cloudwatch/logdestination, logdestinationpolicy)."""
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    trust = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": f"logs.{suffix}"}, "Action": "sts:AssumeRole"}]})  # fmt: skip
    role = aws.iam.Role("logs-to-stream", assume_role_policy=trust, opts=c.aws)
    destination = aws.cloudwatch.LogDestination(
        "partner-logs", name="partner-logs", role_arn=role.arn, target_arn=stream.arn, opts=c.aws
    )
    return aws.cloudwatch.LogDestinationPolicy(
        "partner-logs", destination_name=destination.name, access_policy=document, opts=c.aws
    )


def _ram_document(statement: dict[str, Any]) -> str:
    return json.dumps({"Version": "1", "Statement": [{"Effect": "Allow", **statement}]})


def ali_program(code: str, shape: str) -> Build:
    """docs: ram/role (assume_role_policy_document), ram/policy, ram/rolepolicyattachment, message/servicequeue,
    oss/bucketpolicy. SMQ's "cross-account push authorization": the receiving account's RAM role trusted by
    ``<sending uid>@mns.aliyuncs.com``, allowed ``mns:SendMessage``."""

    def build(c: Any) -> object:
        opts = c.ali
        if shape == "ali-oss-putobject-partner":
            bucket = alicloud.oss.Bucket("drop", bucket=f"fleet-drop-{code.lower()}", opts=opts)
            policy = _ram_document({"Principal": [ALI_PARTNER], "Action": ["oss:PutObject"],
                                    "Resource": [f"acs:oss:*:*:fleet-drop-{code.lower()}/*"]})  # fmt: skip
            return alicloud.oss.BucketPolicy("drop-partner", bucket=bucket.bucket, policy=policy, opts=opts)
        alicloud.message.ServiceQueue("orders", queue_name="orders", opts=opts)
        trusted = (
            {"Service": [f"{ALI_PARTNER}@mns.aliyuncs.com"]}
            if shape == "ali-mns-push-role"
            else {"RAM": [f"acs:ram::{ALI_PARTNER}:root"]}
        )
        role = alicloud.ram.Role(
            "partner-push",
            role_name="partner-push",
            assume_role_policy_document=_ram_document({"Principal": trusted, "Action": "sts:AssumeRole"}),
            opts=opts,
        )
        send = alicloud.ram.Policy(
            "send-orders",
            policy_name="send-orders",
            policy_document=_ram_document({"Action": ["mns:SendMessage"], "Resource": ["acs:mns:*:*:/queues/orders"]}),
            opts=opts,
        )
        return alicloud.ram.RolePolicyAttachment(
            "partner-push-send",
            policy_name=send.policy_name,
            policy_type="Custom",
            role_name=role.role_name,
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[role, send])),
        )

    return assuming_role(build)


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        *[
            (f"inbound47-{c.lower()}-{shape}", c, program(c, shape), expected(c, shape), declared(c, shape))
            for c in CODES
            for shape in SHAPES
        ],
        *[
            (f"inbound47-{c.lower()}-{shape}", c, ali_program(c, shape), expected(c, shape), [])
            for c in ALI_CODES
            for shape in ALI_SHAPES
        ],
    ]
