"""Public endpoints without a grant, OpenAPI bodies (stop 44, issue 9, RES-024): the form publicauth43 / anonymous43
left open.

publicauth43 refused a REST ``Method`` with ``authorization: NONE`` whose ``AWS`` integration reads stored data, and
anonymous43 an open HTTP API ``Route`` to an ``SQS-ReceiveMessage`` integration. The same endpoints written in the
API's OpenAPI ``body`` passed every front door: an operation's ``x-amazon-apigateway-integration`` ("type": "aws",
"httpMethod": "GET", an S3 path ``uri``; or "type": "aws_proxy", "integrationSubtype": "SQS-ReceiveMessage") with no
``security`` of its own and none at the top of the document, so API Gateway imports the method with no authorization.
Reproduced on the unchanged engine (main, 0c09d32) with the offending programs below, EU / US / JP / CN.

- Offending (RES-024 since openapi44 unless declared): a RestApi body reading the stack's bucket by S3 path with no
  ``security``; the same with a top-level IAM (``awsSigv4``) requirement that the operation overrides with
  ``security: []``; the same operation "secured" by an OpenAPI ``http`` bearer scheme with no
  ``x-amazon-apigateway-authorizer`` (API Gateway enforces no such scheme); an HTTP API body receiving the stack's
  queue's messages (``SQS-ReceiveMessage``) with no ``security``.
- Compliant twins: the S3 read under a top-level ``awsSigv4`` requirement (IAM, "x-amazon-apigateway-authtype"); a
  DynamoDB ``Query`` requiring an API key (the ``api_key`` scheme, "Configure a method to use API keys with an OpenAPI
  definition"); an open operation to the stack's Lambda (``aws_proxy``: code decides what it returns, not judged); the
  HTTP API's queue read under an IAM scheme; an open ``SQS-SendMessage`` (writes, returns nothing stored); the open S3
  read declared ``public:<api>``.

Each builder is what a team writes from pulumi-aws v7's ``apigateway.RestApi`` / ``apigatewayv2.Api`` (``body``) pages
and API Gateway's OpenAPI extension pages ("x-amazon-apigateway-integration object", "x-amazon-apigateway-authtype
property").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN = "123456789012"
CODES = ("EU", "US", "JP", "CN")
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
HANDLER = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return {'statusCode': 200}\n")})
REST_FORMS = (
    "rest-anonymous-s3",
    "rest-override-open-s3",
    "rest-bearer-s3",
    "rest-iam-s3",
    "rest-api-key-dynamodb-query",
    "rest-anonymous-lambda-proxy",
    "rest-anonymous-s3-declared",
)
HTTP_FORMS = ("http-anonymous-sqs-receive", "http-iam-sqs-receive", "http-anonymous-sqs-send")
OFFENDING = frozenset({"rest-anonymous-s3", "rest-override-open-s3", "rest-bearer-s3", "http-anonymous-sqs-receive"})
DECLARED: list[dict[str, Any]] = [
    {"id": "files-public", "kind": "resident", "match": "public:files",
     "evidence": "public website content, no personal data"},
]  # fmt: skip
# docs: "x-amazon-apigateway-authtype property": IAM authorization shared by several operations.
SIGV4 = {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}
# docs: "Configure a method to use API keys with an OpenAPI definition".
API_KEY = {"type": "apiKey", "name": "x-api-key", "in": "header"}
# An OpenAPI bearer scheme with no API Gateway authorizer: API Gateway does not enforce it.
BEARER = {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"},
]})  # fmt: skip


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _document(title: str, path: str, method: str, operation: dict[str, Any], **top: Any) -> str:
    return json.dumps({
        "openapi": "3.0.1", "info": {"title": title, "version": "2026-12-05"},
        "paths": {path: {method: {"responses": {"200": {"description": "200 response"}}, **operation}}}, **top,
    })  # fmt: skip


def rest_api(code: str, form: str) -> Build:
    """A REST API made from an OpenAPI body with one GET operation on ``/{key}``."""

    def build(c: Any) -> object:
        region, part = REGIONS[code], _partition(code)
        role = aws.iam.Role("files-api", assume_role_policy=TRUST, opts=c.aws)
        if form.endswith("lambda-proxy"):
            handler = aws.lambda_.Function(
                "files", role=role.arn, runtime="python3.12", handler="index.handler", code=HANDLER, opts=c.aws
            )
            body = handler.invoke_arn.apply(
                lambda arn: _document(
                    "files",
                    "/{key}",
                    "get",
                    {"x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": arn}},
                )
            )
        elif "dynamodb" in form:
            table = aws.dynamodb.Table(
                "files", hash_key="key", attributes=[{"name": "key", "type": "S"}], billing_mode="PAY_PER_REQUEST",
                opts=c.aws,
            )  # fmt: skip
            body = pulumi.Output.all(table.name, role.arn).apply(lambda a: _document("files", "/{key}", "get", {
                "security": [{"api_key": []}],
                "x-amazon-apigateway-integration": {
                    "type": "aws", "httpMethod": "POST", "credentials": a[1],
                    "uri": f"arn:{part}:apigateway:{region}:dynamodb:action/Query",
                    "requestTemplates": {"application/json": json.dumps({
                        "TableName": a[0], "KeyConditionExpression": "#k = :v",
                        "ExpressionAttributeNames": {"#k": "key"},
                        "ExpressionAttributeValues": {":v": {"S": "$input.params('key')"}}})}}},
                components={"securitySchemes": {"api_key": API_KEY}},
                **{"x-amazon-apigateway-api-key-source": "HEADER"},
            ))  # fmt: skip
        else:
            bucket = aws.s3.Bucket("files", opts=c.aws)
            operation: dict[str, Any] = {}
            top: dict[str, Any] = {}
            if form.startswith("rest-iam-"):
                top = {"security": [{"sigv4": []}], "components": {"securitySchemes": {"sigv4": SIGV4}}}
            elif form.startswith("rest-override-open-"):
                top = {"security": [{"sigv4": []}], "components": {"securitySchemes": {"sigv4": SIGV4}}}
                operation = {"security": []}  # the operation opts out of the document's requirement
            elif form.startswith("rest-bearer-"):
                top = {"components": {"securitySchemes": {"bearer": BEARER}}}
                operation = {"security": [{"bearer": []}]}
            body = pulumi.Output.all(bucket.bucket, role.arn).apply(lambda a: _document("files", "/{key}", "get", {
                **operation,
                "parameters": [{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}],
                "x-amazon-apigateway-integration": {
                    "type": "aws", "httpMethod": "GET", "credentials": a[1],
                    "uri": f"arn:{part}:apigateway:{region}:s3:path/{a[0]}/{{key}}",
                    "requestParameters": {"integration.request.path.key": "method.request.path.key"},
                    "passthroughBehavior": "when_no_match"}}, **top))  # fmt: skip
        api = aws.apigateway.RestApi(
            "files", name="files", body=body, endpoint_configuration={"types": "REGIONAL"}, opts=c.aws
        )
        deployment = aws.apigateway.Deployment("files", rest_api=api.id, opts=c.aws)
        return aws.apigateway.Stage("files-prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
                                    opts=c.aws)  # fmt: skip

    return build


def http_api(code: str, form: str) -> Build:
    """An HTTP API made from an OpenAPI body with one operation on ``/jobs`` calling the stack's queue."""

    def build(c: Any) -> object:
        role = aws.iam.Role("jobs-api", assume_role_policy=TRUST, opts=c.aws)
        queue = aws.sqs.Queue("jobs", name="jobs", opts=c.aws)
        send = form.endswith("-send")
        subtype = "SQS-SendMessage" if send else "SQS-ReceiveMessage"
        extra = {"MessageBody": "$request.body"} if send else {"MaxNumberOfMessages": "10"}
        top: dict[str, Any] = {}
        operation: dict[str, Any] = {}
        if form.startswith("http-iam-"):
            top = {"components": {"securitySchemes": {"sigv4": SIGV4}}}
            operation = {"security": [{"sigv4": []}]}
        body = pulumi.Output.all(queue.url, role.arn).apply(lambda a: _document(
            "jobs", "/jobs", "post" if send else "get", {
                **operation,
                "x-amazon-apigateway-integration": {
                    "type": "aws_proxy", "integrationSubtype": subtype, "credentials": a[1],
                    "requestParameters": {"QueueUrl": a[0], **extra}, "payloadFormatVersion": "1.0"}},
            **top))  # fmt: skip
        api = aws.apigatewayv2.Api("jobs", name="jobs", protocol_type="HTTP", body=body, opts=c.aws)
        return aws.apigatewayv2.Stage("jobs-default", api_id=api.id, name="$default", auto_deploy=True, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = [
        (f"openapi44-{code.lower()}-{form}", code, rest_api(code, form),
         {"RES-024"} if form in OFFENDING else set(), DECLARED if form.endswith("-declared") else [])
        for code in CODES
        for form in REST_FORMS
    ]  # fmt: skip
    out += [
        (f"openapi44-{code.lower()}-{form}", code, http_api(code, form), {"RES-024"} if form in OFFENDING else set(),
         [])
        for code in CODES
        for form in HTTP_FORMS
    ]  # fmt: skip
    return out
