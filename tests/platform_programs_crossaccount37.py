"""Programs that write the stack's data into a resource named by its ARN (cross-account writes review, stop 37).

The lead's decision: writing into another account's resource is a transfer to that account, judged by RES-023 as a
grant is (``written_account_fields`` in components/residency/endpoints.yaml). Each builder is what a team writes from
the provider docs: an SNS subscription of a queue, an EventBridge rule forwarding to an event bus, a log subscription
filter to a CloudWatch Logs destination, a CloudWatch Logs delivery to a delivery destination, a Lambda dead-letter
queue. ``dest`` says whose resource it is:

- ``"partner"``: another account's, which no provider of the stack pins (refused, RES-023; in CN every aws-cn account
  is China's by partition, as RES-023 already judges grants there);
- ``"own"``: the account the stack's provider is pinned to (``allowed_account_ids``), written out;
- ``"second"``: the organisation's central logging account, which a second provider of the same stack is pinned to;
- ``"made"``: the resource's ARN output, made by the stack;
- ``"made-unpinned"``: the same, made under a provider pinned to no account (the account is the provider's whatever it
  is: the stack writes into what it made);
- ``"declared"``: the partner account, declared in the register (``PARTNER_DECLARED``).

tests/test_realistic_programs.py runs them as CASES (``crossaccount37-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's own account (the mocks' caller identity, pinned by the realistic table's provider)."""
CENTRAL = "210987654321"
"""The organisation's central logging account, pinned by a second provider of the stack."""
PARTNER = "999999999999"
"""Another account no provider of the stack pins."""
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
KINDS = ("sns-queue", "event-bus", "log-destination", "log-delivery", "lambda-dlq")
DESTS = ("partner", "own", "second", "made", "made-unpinned", "declared")

PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-analytics-account", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's analytics account in the same jurisdiction; SCP limits it to in-country Regions",
}  # fmt: skip
"""The partner account declared resident by ``arn:aws:iam::<id>:`` (as RES-023 declarations work)."""


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _trust(service: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
        }
    )


def _arn(code: str, service: str, account: str, resource: str) -> str:
    return f"arn:{_part(code)}:{service}:{REGIONS[code]}:{account}:{resource}"


def _made(kind: str, opts: pulumi.ResourceOptions) -> Any:
    """The destination made by the stack (its ARN output)."""
    if kind in ("sns-queue", "lambda-dlq"):
        return aws.sqs.Queue("inbox", name="fleet-inbox", opts=opts).arn
    if kind == "event-bus":
        return aws.cloudwatch.EventBus("central", name="fleet-central", opts=opts).arn
    if kind == "log-destination":
        stream = aws.kinesis.Stream("logs", name="fleet-logs", shard_count=1, opts=opts)
        role = aws.iam.Role("logs-role", assume_role_policy=_trust("logs.amazonaws.com"), opts=opts)
        return aws.cloudwatch.LogDestination(
            "central-logs", name="fleet-central", role_arn=role.arn, target_arn=stream.arn, opts=opts
        ).arn
    if kind == "log-delivery":
        group = aws.cloudwatch.LogGroup("vended", name="/fleet/vended", retention_in_days=30, opts=opts)
        return aws.cloudwatch.LogDeliveryDestination(
            "central", name="fleet-central",
            delivery_destination_configuration={"destination_resource_arn": group.arn}, opts=opts,
        ).arn  # fmt: skip
    raise ValueError(kind)


def _literal(kind: str, code: str, account: str) -> str:
    """The destination written out, in the jurisdiction's Region, owned by ``account``."""
    return {
        "sns-queue": _arn(code, "sqs", account, "fleet-inbox"),
        "lambda-dlq": _arn(code, "sqs", account, "fleet-dlq"),
        "event-bus": _arn(code, "events", account, "event-bus/fleet-central"),
        "log-destination": _arn(code, "logs", account, "destination:fleet-central"),
        "log-delivery": _arn(code, "logs", account, "delivery-destination:fleet-central"),
    }[kind]


def write(kind: str, code: str, dest: str) -> Build:
    """A ``kind`` of write into the destination ``dest`` names, in a ``code`` stack (docs: each resource's registry
    page: sns/topicsubscription ``endpoint``, cloudwatch/eventtarget ``arn``, cloudwatch/logsubscriptionfilter
    ``destinationArn``, cloudwatch/logdelivery ``deliveryDestinationArn``, lambda/function ``deadLetterConfig``)."""

    def build(c: Any) -> object:
        opts = c.aws
        if dest == "made-unpinned":
            opts = pulumi.ResourceOptions(provider=aws.Provider(f"aws-unpinned-{code.lower()}", region=REGIONS[code]))
        if dest in ("made", "made-unpinned"):
            target: Any = _made(kind, opts)
        elif dest == "own":
            target = _literal(kind, code, OWN)
        elif dest == "second":
            # The organisation's central logging account, deployed to by a second provider of the same stack.
            central = aws.Provider(f"aws-central-{code.lower()}", region=REGIONS[code], allowed_account_ids=[CENTRAL])
            aws.cloudwatch.LogGroup("central-inbox", name="/fleet/central/inbox", retention_in_days=30,
                                    opts=pulumi.ResourceOptions(provider=central))  # fmt: skip
            target = _literal(kind, code, CENTRAL)
        else:
            target = _literal(kind, code, PARTNER)
        if kind == "sns-queue":
            topic = aws.sns.Topic("alerts", name="fleet-alerts", opts=opts)
            return aws.sns.TopicSubscription(
                "alerts-to-inbox", topic=topic.arn, protocol="sqs", endpoint=target, opts=opts
            )
        if kind == "event-bus":
            rule = aws.cloudwatch.EventRule(
                "vehicle-events", event_pattern=json.dumps({"source": ["fleet.vehicles"]}), opts=opts
            )
            role = aws.iam.Role("bus-role", assume_role_policy=_trust("events.amazonaws.com"), opts=opts)
            return aws.cloudwatch.EventTarget(
                "to-central-bus", rule=rule.name, arn=target, role_arn=role.arn, opts=opts
            )
        if kind == "log-destination":
            group = aws.cloudwatch.LogGroup("app", name="/fleet/app", retention_in_days=30, opts=opts)
            return aws.cloudwatch.LogSubscriptionFilter(
                "app-to-central", log_group=group.name, filter_pattern="", destination_arn=target, opts=opts
            )
        if kind == "log-delivery":
            source = aws.cloudwatch.LogDeliverySource(
                "app-logs", name="fleet-app", log_type="APPLICATION_LOGS",
                resource_arn=_arn(code, "bedrock", OWN, "knowledge-base/KB12345678"), opts=opts,
            )  # fmt: skip
            return aws.cloudwatch.LogDelivery(
                "app-to-central", delivery_source_name=source.name, delivery_destination_arn=target, opts=opts
            )
        if kind == "lambda-dlq":
            role = aws.iam.Role("fn-role", assume_role_policy=_trust("lambda.amazonaws.com"), opts=opts)
            code_asset = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})
            return aws.lambda_.Function(
                "ingest", role=role.arn, runtime="python3.12", handler="index.handler", code=code_asset,
                dead_letter_config={"target_arn": target}, opts=opts,
            )  # fmt: skip
        raise ValueError(kind)

    return build


# -- Alibaba Cloud: fields naming the account that receives the data ---------------------------------------------------

ALI_OWN = "1234567890123456"
ALI_PARTNER = "5555666677778888"
ALI_KINDS = ("hybrid-double-write", "cen-child-owner")
ALI_DESTS = ("partner", "own", "own-unpinned", "declared")

ALI_PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-monitoring-account", "kind": "resident", "match": f"acs:ram::{ALI_PARTNER}:",
    "evidence": "the group's China monitoring account on the China site",
}  # fmt: skip


def ali_write(kind: str, dest: str) -> Build:
    """CloudMonitor hybrid double write's ``user_id`` (the account the namespace's monitoring data is also written
    to) or a CEN attachment's ``child_instance_owner_id`` (another account's VPC joined to the stack's network), in a CN
    stack whose provider assumes the team's deployment role (``own``) or none (``own-unpinned``: the own UID proves
    nothing then, as RES-023 judges every Alibaba Cloud grant)."""
    account = ALI_PARTNER if dest in ("partner", "declared") else ALI_OWN

    def build(c: Any) -> object:
        extra: dict[str, Any] = {}
        if dest != "own-unpinned":
            extra["assume_role"] = {"role_arn": f"acs:ram::{ALI_OWN}:role/deployer", "session_name": "ci"}
        opts = pulumi.ResourceOptions(provider=alicloud.Provider("ali-cn-pinned", region="cn-shanghai", **extra))
        if kind == "hybrid-double-write":
            return alicloud.cloudmonitor.ServiceHybridDoubleWrite(
                "double-write", source_namespace="fleet-metrics", source_user_id=ALI_OWN,
                namespace="fleet-metrics-copy", user_id=account, opts=opts,
            )  # fmt: skip
        if kind == "cen-child-owner":
            cen = alicloud.cen.Instance("backbone", cen_instance_name="fleet-backbone", opts=opts)
            return alicloud.cen.InstanceAttachment(
                "plant-vpc", instance_id=cen.id, child_instance_id="vpc-plant0123456789", child_instance_type="VPC",
                child_instance_region_id="cn-shanghai", child_instance_owner_id=int(account), opts=opts,
            )  # fmt: skip
        raise ValueError(kind)

    return build
