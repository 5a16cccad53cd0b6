"""SNS topic policies that let anyone subscribe only URLs or e-mail addresses (``sns:Endpoint``, stop 41, issue 9).

The SNS developer guide's access-control examples restrict who may subscribe to a topic by the subscription's endpoint
(``sns:Endpoint``: "The URL, email address, or ARN from a Subscribe request", SNS API permissions reference; the SDKs'
``newEndpointCondition("*@my-company.com")`` example) and protocol (``sns:Protocol``, "Limit subscriptions to HTTPS").
Until stop 41 only resource ARNs there restricted the statement; a URL or an address kept it public (RES-024) even when
its host was the stack's own API or load balancer, or its domain was declared: a false alarm. Stop 41 judges each value
as the destination it names. Each builder is what a team writes from pulumi-aws v7's ``sns.TopicPolicy`` page, the
document given as ``iam.get_policy_document``, ``pulumi.Output.json_dumps`` or ``json.dumps``:

- compliant: the stack's own HTTP API (its ``api_endpoint``) or ALB (its ``dns_name``) in the jurisdiction's Region,
  a declared host (``*.fleet.example.com``), a declared mail domain with the protocol fixed to e-mail (the guide's two
  conditions), a declared fixed address, the own queue beside the own API;
- offending: a partner's host or mail domain (RES-015), a foreign cloud host (RES-006), a wildcard host
  (``https://*.fleet.example.com/*``: its ``*`` also matches ``partner.example/x``), an address pattern with no
  protocol condition (its ``*`` may be ``https://partner.example/?to=x``), ``sns:Protocol`` alone (anyone's HTTPS
  endpoint): all three public (RES-024), declared or not.

Beside them (``snsend41-*-denies-*``, the same RES-024 entry's "several Denies that only together cover the Allow"): an
Allow to ``*`` restricted by one Deny per stage of a private API, or per action of a bucket, each unless through the
stack's VPC endpoint; their offending twins allow what no Deny covers.

tests/test_realistic_programs.py runs them as CASES (``snsend41-*``) in EU, US, JP and CN (aws-cn has SNS).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's own account (the mocks' caller identity, pinned by the realistic table's provider)."""
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = ("EU", "US", "JP", "CN")
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
FLEET_HOSTS_DECLARED: dict[str, Any] = {
    "id": "fleet-hooks", "kind": "resident", "match": "*.fleet.example.com",
    "evidence": "the company's webhook receivers, hosted in the jurisdiction (hosting contract 2026-02)",
}  # fmt: skip
FLEET_MAIL_DECLARED: dict[str, Any] = {
    "id": "fleet-mail", "kind": "resident", "match": "fleet.example.com",
    "evidence": "the company's mail servers in the jurisdiction (mail hosting DPA 2026-01)",
}  # fmt: skip

DESTS = ("own-api", "own-alb", "declared-host", "partner-host", "foreign-api", "declared-domain", "declared-address",
         "partner-domain", "domain-without-protocol", "wildcard-host", "protocol-only", "own-queue-and-api",
         "own-queue-and-partner-host")  # fmt: skip


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _foreign(code: str) -> str:
    """A Region outside the jurisdiction, in the same partition's naming (aws-cn's for CN is no CN Region)."""
    return "eu-west-1" if code in ("US", "JP", "CN") else "us-east-1"


def _statement(topic: Any, condition: dict[str, Any]) -> dict[str, Any]:
    return {"Sid": "SubscribeOnly", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sns:Subscribe",
            "Resource": topic, "Condition": condition}  # fmt: skip


def _document(topic: Any, condition: dict[str, Any]) -> pulumi.Output[str]:
    # Output.json_dumps: the topic's ARN (and any endpoint built from an output) resolved inside the document.
    return pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": [_statement(topic, condition)]})


def _literal(code: str, condition: dict[str, Any]) -> str:
    # json.dumps of a document naming the topic by its ARN, as a team writes it from the console's policy editor.
    topic = f"arn:{_partition(code)}:sns:{REGIONS[code]}:{OWN}:fleet-alerts"
    return json.dumps({"Version": "2012-10-17", "Statement": [_statement(topic, condition)]})


def subscribe_only(code: str, dest: str) -> Build:
    """A topic (``fleet-alerts``) and its policy letting anyone ``sns:Subscribe`` only ``dest``'s endpoints."""
    region = REGIONS[code]

    def build(c: Any) -> object:
        topic = aws.sns.Topic("alerts", name="fleet-alerts", opts=c.aws)
        if dest == "own-api":
            # An HTTP API's endpoint (https://<id>.execute-api.<region>.<suffix>), the one URL allowed, subscribed too.
            # (Not get_policy_document_output over the endpoint: a first preview records no dependency of an invoke's
            # result, RES-014, an open first-preview false alarm of its own; docs/residency-open.md.)
            api = aws.apigatewayv2.Api("hooks", protocol_type="HTTP", opts=c.aws)
            url = api.api_endpoint.apply(lambda e: f"{e}/sns/alerts")
            policy: Any = _document(topic.arn, {"StringEquals": {"sns:Endpoint": url}})
            aws.sns.TopicSubscription("hooks", topic=topic.arn, protocol="https", endpoint=url, opts=c.aws)
        elif dest == "own-alb":
            alb = aws.lb.LoadBalancer("hooks", load_balancer_type="application", subnets=SUBNETS, opts=c.aws)
            url = pulumi.Output.concat("https://", alb.dns_name, "/sns/*")
            policy = _document(topic.arn, {"StringLike": {"sns:Endpoint": url}})
        elif dest in ("declared-host", "partner-host", "wildcard-host", "foreign-api"):
            host = {
                "declared-host": "https://hooks.fleet.example.com/sns/*",
                "partner-host": "https://hooks.partner-ops.example.com/sns/*",
                "wildcard-host": "https://*.fleet.example.com/*",
                "foreign-api": f"https://a1b2c3d4e5.execute-api.{_foreign(code)}.amazonaws.com/prod/*",
            }[dest]
            policy = _document(topic.arn, {"StringLike": {"sns:Endpoint": host}})
        elif dest in ("declared-domain", "partner-domain"):
            # The SNS guide's pair of conditions, by the plain get_policy_document: every address of one domain, and
            # only by e-mail (the address pattern alone would also match an HTTPS URL ending in "@<domain>").
            domain = "fleet.example.com" if dest == "declared-domain" else "partner-ops.example.com"
            policy = aws.iam.get_policy_document(statements=[{
                "sid": "SubscribeOnly", "effect": "Allow", "actions": ["sns:Subscribe"],
                "resources": [f"arn:{_partition(code)}:sns:{region}:{OWN}:fleet-alerts"],
                "principals": [{"type": "AWS", "identifiers": ["*"]}],
                "conditions": [{"test": "StringLike", "variable": "sns:Endpoint", "values": [f"*@{domain}"]},
                               {"test": "StringEquals", "variable": "sns:Protocol", "values": ["email", "email-json"]}],
            }], opts=pulumi.InvokeOptions(provider=c.aws.provider)).json  # fmt: skip
        elif dest == "declared-address":
            policy = _literal(code, {"StringEquals": {"sns:Endpoint": ["ops@fleet.example.com"]}})
        elif dest == "domain-without-protocol":
            # The SDKs' newEndpointCondition("*@my-company.com") example alone: `*` may be an HTTPS URL's host.
            policy = _literal(code, {"StringLike": {"sns:Endpoint": "*@fleet.example.com"}})
        elif dest == "protocol-only":
            # "Limit subscriptions to HTTPS" granted to everyone: anyone's HTTPS endpoint, anywhere.
            policy = _literal(code, {"StringEquals": {"sns:Protocol": "https"}})
        elif dest in ("own-queue-and-api", "own-queue-and-partner-host"):
            queue = aws.sqs.Queue("inbox", opts=c.aws)
            api = aws.apigatewayv2.Api("hooks", protocol_type="HTTP", opts=c.aws)
            other: Any = (
                api.api_endpoint.apply(lambda e: f"{e}/sns/*")
                if dest == "own-queue-and-api"
                else "https://hooks.partner-ops.example.com/sns/*"
            )
            policy = _document(topic.arn, {"StringLike": {"sns:Endpoint": [queue.arn, other]}})
        else:
            raise ValueError(dest)
        return aws.sns.TopicPolicy("alerts", arn=topic.arn, policy=policy, opts=c.aws)

    return build


VPCE = {"prod": "vpce-0a1b2c3d4e5f60718", "staging": "vpce-1a1b2c3d4e5f60718"}
"""The stack's VPC endpoints for execute-api, one per stage's VPC (or for S3: reads, writes)."""
DENY_FORMS = ("apigw-stages", "apigw-stages-open", "s3-read-write", "s3-read-write-delete")


def _deny_unless(actions: Any, resources: Any, vpce: str) -> dict[str, Any]:
    return {"Effect": "Deny", "Principal": "*", "Action": actions, "Resource": resources,
            "Condition": {"StringNotEquals": {"aws:SourceVpce": vpce}}}  # fmt: skip


def denies(code: str, form: str) -> Build:
    """An Allow to ``*`` restricted by several Denies that only together cover it (residency-open.md, RES-024 entry):
    a private REST API whose each stage is denied unless called through that stage's VPC endpoint (API Gateway
    "Allow private API traffic based on source VPC or VPC endpoint", one Deny per stage), and a bucket whose reads and
    writes are each denied unless through their own endpoint (S3 "Restricting access to a specific VPC endpoint", one
    Deny per action). Offending twins: the Allow also reaches what no Deny covers (every stage, ``s3:DeleteObject``)."""

    def build(c: Any) -> object:
        if form.startswith("apigw-stages"):
            stages = [f"execute-api:/{stage}/*" for stage in VPCE]
            allow = {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
                     "Resource": "execute-api:/*" if form == "apigw-stages-open" else stages}  # fmt: skip
            document = json.dumps({"Version": "2012-10-17", "Statement": [
                allow, *[_deny_unless("execute-api:Invoke", f"execute-api:/{stage}/*", vpce)
                         for stage, vpce in VPCE.items()]]})  # fmt: skip
            return aws.apigateway.RestApi("internal", name="internal", policy=document,
                                          endpoint_configuration={"types": "PRIVATE",
                                                                  "vpc_endpoint_ids": list(VPCE.values())},
                                          opts=c.aws)  # fmt: skip
        bucket = aws.s3.Bucket("exports", opts=c.aws)
        actions = ["s3:GetObject", "s3:PutObject"] + (["s3:DeleteObject"] if form == "s3-read-write-delete" else [])
        policy = bucket.arn.apply(lambda arn: json.dumps({"Version": "2012-10-17", "Statement": [
            {"Sid": "AnyoneThroughTheEndpoints", "Effect": "Allow", "Principal": "*", "Action": actions,
             "Resource": f"{arn}/*"},
            {"Sid": "ReadsThroughAnalytics", **_deny_unless("s3:GetObject", f"{arn}/*", VPCE["prod"])},
            {"Sid": "WritesThroughIngest", **_deny_unless(["s3:PutObject"], f"{arn}/*", VPCE["staging"])},
        ]}))  # fmt: skip
        return aws.s3.BucketPolicy("exports", bucket=bucket.id, policy=policy, opts=c.aws)

    return build


def expected(code: str, dest: str) -> set[str]:
    """The rule ids every front door reports for ``dest`` in ``code`` (with :func:`declared`'s register)."""
    if dest in ("partner-host", "partner-domain", "own-queue-and-partner-host"):
        return {"RES-015"}
    if dest == "foreign-api":
        return {"RES-006"}
    if dest in ("domain-without-protocol", "wildcard-host", "protocol-only"):
        return {"RES-024"}
    return set()


def declared(dest: str) -> list[dict[str, Any]]:
    """The register a team writes for ``dest``: its hosts or its mail domain (nothing declares a public statement)."""
    if dest in ("declared-host", "wildcard-host"):
        return [FLEET_HOSTS_DECLARED]
    if dest in ("declared-domain", "declared-address", "domain-without-protocol"):
        return [FLEET_MAIL_DECLARED]
    return []


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"snsend41-{code.lower()}-{dest}", code, subscribe_only(code, dest), expected(code, dest), declared(dest))
        for code in CODES
        for dest in DESTS
    ] + [
        (f"snsend41-{code.lower()}-denies-{form}", code, denies(code, form),
         {"RES-024"} if form in ("apigw-stages-open", "s3-read-write-delete") else set(), [])
        for code in CODES
        for form in DENY_FORMS
    ]  # fmt: skip
