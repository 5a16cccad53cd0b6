"""Programs of the mutation search's round 11 (stop 42): what the search found over the programs stop 41 added.

An HTTP API's AWS service integration of subtype ``SQS-SendMessage`` "Delivers a message to the specified queue", the
queue named by its ``QueueUrl`` request parameter (API Gateway developer guide, "Integration subtype reference"),
written on an ``apigatewayv2.Integration`` (``request_parameters``, pulumi-aws apigatewayv2/integration) or inside the
Api's OpenAPI body (``x-amazon-apigateway-integration`` ``requestParameters``). A queue URL's path names the account
owning the queue (``https://sqs.<region>.amazonaws.com/<account>/<name>``), which receives every request the API
takes. The engine judged the URL's Region (its host) but not its account: the search's account mutant of
``review41-eu-http-sqs-body`` (the own account swapped for one no provider pins, in the role and the queue URL) passed
every front door, and so did the programs below sending to a partner's queue in the stack's own Region, while an IoT
rule's SQS action to the same queue was refused (RES-023, ``written_account_fields``).

``who``: ``own`` (the queue the stack makes, by its ``url`` output), ``partner`` (a queue of an account no provider
pins, in the stack's Region: RES-023, except in CN, where an aws-cn account is China's by partition), ``declared``
(the partner, declared by its bare id). ``where``: ``body`` (the OpenAPI body) or ``integration`` (the Integration
resource with a Route and a ``$default`` Stage).

A REST API (v1) AWS integration may name its queue by path instead, ``uri``
``arn:<partition>:apigateway:<region>:sqs:path/<account>/<queue>`` ("Path override ... your account ID and SQS queue
name", AWS re:Post "integrate an API Gateway REST API with Amazon SQS"; ``falsealarm13-*-rest-api-sqs-integration``):
the path's account owns the queue, and a partner's queue in the stack's Region passed as well (found reading the
follow-up run's survivors). ``rest-body`` (a RestApi's OpenAPI body) and ``rest-integration`` (the Integration
resource) are its programs, with the same ``who``.

tests/test_realistic_programs.py runs them as CASES (``mutation42-*``); docs/residency.md, "Mutation search, round 11
(stop 42)".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
PARTNER = "444455556666"
"""An order-processing partner's account, which no provider of the stack is pinned to."""
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
PARTITION = {"EU": "aws", "US": "aws", "JP": "aws", "CN": "aws-cn"}
SUFFIX = {"EU": "amazonaws.com", "US": "amazonaws.com", "JP": "amazonaws.com", "CN": "amazonaws.com.cn"}
WHO = ("own", "partner", "declared")
WHERE = ("body", "integration", "rest-body", "rest-integration")
PARTNER_DECLARED: dict[str, Any] = {
    "id": "orders-partner-account", "kind": "resident", "match": PARTNER,
    "evidence": "the fulfilment partner's account; its contract and an SCP keep it in the market's Regions",
}  # fmt: skip
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"},
]})  # fmt: skip


def http_sqs(code: str, where: str, who: str) -> Build:
    region = REGION[code]

    def rest_sqs(c: Any, role: aws.iam.Role, where: str, who: str) -> object:
        # docs: apigateway/integration (type AWS, uri "arn:aws:apigateway:{region}:{service}:{path|action}/
        # {service_api}", credentials, request_templates); the SQS proxy's path override `<account>/<queue>` and its
        # form-encoded SendMessage template (AWS re:Post, "api-gateway-rest-api-sqs-errors").
        owner = OWN if who == "own" else PARTNER
        queue: Any = aws.sqs.Queue("orders", opts=c.aws).name if who == "own" else "partner-orders"
        uri = pulumi.Output.from_input(queue).apply(
            lambda q: f"arn:{PARTITION[code]}:apigateway:{region}:sqs:path/{owner}/{q}"
        )
        params = {"integration.request.header.Content-Type": "'application/x-www-form-urlencoded'"}
        templates = {"application/json": "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"}
        if where == "rest-body":
            integration = {"type": "aws", "httpMethod": "POST", "uri": uri, "credentials": role.arn,
                           "requestParameters": params, "requestTemplates": templates,
                           "passthroughBehavior": "never"}  # fmt: skip
            body = pulumi.Output.json_dumps({
                "openapi": "3.0.1", "info": {"title": "orders", "version": "2026-12-04"},
                "paths": {"/orders": {"post": {"responses": {"200": {"description": "200 response"}},
                                               "x-amazon-apigateway-integration": integration}}},
            })  # fmt: skip
            return aws.apigateway.RestApi("orders", name="orders", body=body,
                                          endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)  # fmt: skip
        api = aws.apigateway.RestApi("orders", name="orders", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
        resource = aws.apigateway.Resource("orders", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="orders", opts=c.aws)  # fmt: skip
        method = aws.apigateway.Method("post-orders", rest_api=api.id, resource_id=resource.id, http_method="POST",
                                       authorization="AWS_IAM", opts=c.aws)  # fmt: skip
        return aws.apigateway.Integration(
            "orders", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST", type="AWS", uri=uri, credentials=role.arn, request_parameters=params,
            request_templates=templates, opts=c.aws,
        )  # fmt: skip

    def build(c: Any) -> object:
        # docs: "Working with AWS service integrations for HTTP APIs": the integration assumes `credentials` (a role of
        # the stack's account allowed sqs:SendMessage) and sends MessageBody to QueueUrl.
        role = aws.iam.Role("orders-api", assume_role_policy=TRUST, opts=c.aws)
        if where.startswith("rest-"):
            return rest_sqs(c, role, where, who)
        if who == "own":
            url: Any = aws.sqs.Queue("orders", opts=c.aws).url
        else:
            url = f"https://sqs.{region}.{SUFFIX[code]}/{PARTNER}/partner-orders"
        if where == "body":
            # docs: "x-amazon-apigateway-integration object" (integrationSubtype, credentials, requestParameters).
            integration = {"type": "aws_proxy", "integrationSubtype": "SQS-SendMessage", "credentials": role.arn,
                           "requestParameters": {"QueueUrl": url, "MessageBody": "$request.body"},
                           "payloadFormatVersion": "1.0"}  # fmt: skip
            body = pulumi.Output.json_dumps({
                "openapi": "3.0.1", "info": {"title": "orders", "version": "2026-12-04"},
                "paths": {"/orders": {"post": {"responses": {"default": {"description": "Default response"}},
                                               "x-amazon-apigateway-integration": integration}}},
            })  # fmt: skip
            return aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", body=body, opts=c.aws)
        # docs: apigatewayv2/integration (integration_subtype, credentials_arn, request_parameters), apigatewayv2/route.
        api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", opts=c.aws)
        made = aws.apigatewayv2.Integration(
            "orders", api_id=api.id, integration_type="AWS_PROXY", integration_subtype="SQS-SendMessage",
            credentials_arn=role.arn, payload_format_version="1.0",
            request_parameters={"QueueUrl": url, "MessageBody": "$request.body"}, opts=c.aws,
        )  # fmt: skip
        aws.apigatewayv2.Route("orders", api_id=api.id, route_key="POST /orders",
                               target=made.id.apply(lambda i: f"integrations/{i}"), opts=c.aws)  # fmt: skip
        return aws.apigatewayv2.Stage("orders-default", api_id=api.id, name="$default", auto_deploy=True, opts=c.aws)

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"mutation42-{code.lower()}-http-sqs-{where}-{who}", code, http_sqs(code, where, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] if who == "declared" else [])
        for code in REGION
        for where in WHERE
        for who in WHO
        if code != "CN" or who != "declared"
    ]  # fmt: skip
