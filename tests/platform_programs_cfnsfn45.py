"""Workflows and OpenAPI bodies inside CloudFormation templates (stop 45, issue 9: cfnsfn45).

Stop 44 judged a Pulumi ``sfn.StateMachine``'s ``definition`` (sfn44: the account of what a Task writes into, RES-023)
and a Pulumi API's OpenAPI ``body`` (openapi44: a reading integration with no enforced security, RES-024). The same
state machine or API written in a ``cloudformation.Stack``'s ``template_body`` passed every front door: the template
reader read a template resource's properties with the Pulumi type's text fields only. Reproduced on the unchanged
engine (main, 28fdd30: ``RuleEngine("EU").check`` of a Stack whose template holds an
``AWS::StepFunctions::StateMachine`` publishing to another account's topic, and an ``AWS::ApiGateway::RestApi``
whose Body reads S3 with no security: no RES-023, no RES-024; the Pulumi twins were refused).

``shape``:

- ``sfn-*``: an ``AWS::StepFunctions::StateMachine`` (CloudFormation template reference: ``Definition`` Json,
  ``DefinitionString`` String, ``DefinitionSubstitutions``) or SAM's ``AWS::Serverless::StateMachine`` (``Definition``
  Map). ``-own``: the stack's own topic (``${AWS::AccountId}``, the template's ``Ref``, or the pinned account written
  out): passes. ``-partner``: another account's (444455556666) topic or queue: RES-023 outside CN (an aws-cn account is
  China's by partition). ``-string`` / ``-object`` / ``-sub`` / ``-join`` / ``-substitution``: the definition as a JSON
  text, a map, an ``Fn::Sub``, an ``Fn::Join`` of literals, a ``${TopicArn}`` filled by ``DefinitionSubstitutions``.
  ``sfn-partner-getitem``: a DynamoDB GetItem of the partner's table (read only): passes. ``-declared``: the partner
  account declared: passes.
- ``rest-*`` / ``http-*``: an ``AWS::ApiGateway::RestApi`` / ``AWS::ApiGatewayV2::Api`` whose ``Body`` is the OpenAPI
  document of openapi44: an open S3 read of the template's own bucket or an open ``SQS-ReceiveMessage`` of its own
  queue is RES-024 unless declared (``public:<logical id>``); under IAM (``awsSigv4``) it passes.

tests/test_realistic_programs.py runs them as CASES (``cfnsfn45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

PARTNER = "444455556666"
OWN = "123456789012"
CODES = ("EU", "US", "JP", "CN")
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
SFN_OWN = ("sfn-string-own", "sfn-object-own-ref", "sfn-string-own-literal", "sfn-substitution-own",
           "sfn-partner-getitem", "sfn-partner-declared")  # fmt: skip
SFN_PARTNER = ("sfn-string-partner", "sfn-object-partner-queue", "sfn-sub-partner", "sfn-join-partner",
               "sfn-substitution-partner", "sam-partner")  # fmt: skip
API_SHAPES = ("rest-anonymous-s3", "rest-iam-s3", "rest-anonymous-s3-declared", "http-anonymous-sqs-receive",
              "http-iam-sqs-receive")  # fmt: skip
API_OFFENDING = frozenset({"rest-anonymous-s3", "http-anonymous-sqs-receive"})
SHAPES = SFN_OWN + SFN_PARTNER + API_SHAPES

PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-operations-account", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's operations account in the same jurisdiction; SCP limits it to in-country Regions",
}  # fmt: skip
PUBLIC_DECLARED: dict[str, Any] = {
    "id": "files-public", "kind": "resident", "match": "public:FilesApi",
    "evidence": "public website content, no personal data",
}  # fmt: skip
# docs: "x-amazon-apigateway-authtype property": IAM authorization.
SIGV4 = {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}
STATES = "arn:${AWS::Partition}:states:::"


def expected(code: str, shape: str) -> set[str]:
    if shape in SFN_PARTNER and code != "CN":
        return {"RES-023"}
    return {"RES-024"} if shape in API_OFFENDING else set()


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _publish(topic: Any) -> dict[str, Any]:
    # connect-sns: "Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": ..., "Message.$": ...}
    task = {"Type": "Task", "Resource": f"{STATES}sns:publish", "Parameters": {"TopicArn": topic, "Message.$": "$.m"},
            "End": True}  # fmt: skip
    return {"StartAt": "Notify", "States": {"Notify": task}}


def _definition(code: str, shape: str) -> tuple[str, Any, dict[str, Any]]:
    """(definition property, its value, other template Resources) of a state machine shape."""
    region, part = REGIONS[code], _partition(code)
    partner_topic = f"arn:{part}:sns:{region}:{PARTNER}:fleet-alerts"
    own_topic = "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:fleet-alerts"
    alerts = {"Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "fleet-alerts"}}}
    if shape == "sfn-string-own":
        return "DefinitionString", {"Fn::Sub": json.dumps(_publish(own_topic))}, {}
    if shape == "sfn-object-own-ref":
        # The template's own topic by Ref (an AWS::SNS::Topic's Ref is its ARN), in an Fn::Sub inside the map.
        return "Definition", _publish({"Ref": "Alerts"}), alerts
    if shape == "sfn-string-own-literal":
        return "DefinitionString", json.dumps(_publish(f"arn:{part}:sns:{region}:{OWN}:fleet-alerts")), {}
    if shape == "sfn-substitution-own":
        return "Definition", _publish("${TopicArn}"), alerts
    if shape == "sfn-partner-getitem":
        # connect-ddb: getItem reads the partner's table, sends it nothing of the stack's (read_only)
        table = f"arn:{part}:dynamodb:{region}:{PARTNER}:table/orders"
        task = {"Type": "Task", "Resource": f"{STATES}dynamodb:getItem",
                "Parameters": {"TableName": table, "Key": {"id": {"S.$": "$.orderId"}}}, "End": True}  # fmt: skip
        return "DefinitionString", json.dumps({"StartAt": "Read", "States": {"Read": task}}), {}
    if shape in ("sfn-string-partner", "sfn-partner-declared"):
        return "DefinitionString", json.dumps(_publish(partner_topic)), {}
    if shape == "sfn-object-partner-queue":
        # connect-sqs: "Resource": "arn:aws:states:::sqs:sendMessage", "QueueUrl": "https://sqs.<region>..."
        suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
        url = f"https://sqs.{region}.{suffix}/{PARTNER}/dealer-updates"
        task = {"Type": "Task", "Resource": f"{STATES}sqs:sendMessage",
                "Parameters": {"QueueUrl": url, "MessageBody.$": "$.order"}, "End": True}  # fmt: skip
        return "Definition", {"StartAt": "Send", "States": {"Send": task}}, {}
    if shape == "sfn-sub-partner":
        topic = f"arn:${{AWS::Partition}}:sns:${{AWS::Region}}:{PARTNER}:fleet-alerts"
        return "DefinitionString", {"Fn::Sub": json.dumps(_publish(topic))}, {}
    if shape == "sfn-join-partner":
        text = json.dumps(_publish(partner_topic))
        middle = text.index("TopicArn")
        return "DefinitionString", {"Fn::Join": ["", [text[:middle], text[middle:]]]}, {}
    if shape == "sfn-substitution-partner":
        return "Definition", _publish("${TopicArn}"), {}
    # sam-partner: SAM's Definition (Map), transformed into an AWS::StepFunctions::StateMachine
    return "Definition", _publish(partner_topic), {}


def state_machine(code: str, shape: str) -> Build:
    prop, value, others = _definition(code, shape)
    kind = "AWS::Serverless::StateMachine" if shape.startswith("sam-") else "AWS::StepFunctions::StateMachine"
    props: dict[str, Any] = {prop: value}
    if kind == "AWS::StepFunctions::StateMachine":
        props["RoleArn"] = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders-flow"
    else:
        props["Role"] = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders-flow"
    if shape == "sfn-substitution-own":
        props["DefinitionSubstitutions"] = {"TopicArn": {"Ref": "Alerts"}}
    elif shape == "sfn-substitution-partner":
        region, part = REGIONS[code], _partition(code)
        props["DefinitionSubstitutions"] = {"TopicArn": f"arn:{part}:sns:{region}:{PARTNER}:fleet-alerts"}
    template: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09",
                                "Resources": {"OrdersFlow": {"Type": kind, "Properties": props}, **others}}  # fmt: skip
    if kind == "AWS::Serverless::StateMachine":
        template["Transform"] = "AWS::Serverless-2016-10-31"
    document = json.dumps(template)

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, capabilities: CAPABILITY_AUTO_EXPAND for a SAM transform)
        capabilities = ["CAPABILITY_AUTO_EXPAND"] if kind == "AWS::Serverless::StateMachine" else None
        return aws.cloudformation.Stack("orders-flow", template_body=document, capabilities=capabilities, opts=c.aws)

    return build


def _operation(shape: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the operation, top-level keys) of an API shape, as openapi44 writes them."""
    if shape.startswith("rest-"):
        operation: dict[str, Any] = {
            "parameters": [{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}],
            "x-amazon-apigateway-integration": {
                "type": "aws", "httpMethod": "GET",
                "credentials": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/files-api",
                "uri": "arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/fleet-files-${AWS::Region}/{key}",
                "requestParameters": {"integration.request.path.key": "method.request.path.key"},
                "passthroughBehavior": "when_no_match"},
        }  # fmt: skip
    else:
        operation = {"x-amazon-apigateway-integration": {
            "type": "aws_proxy", "integrationSubtype": "SQS-ReceiveMessage",
            "credentials": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/jobs-api",
            "requestParameters": {"QueueUrl": "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/jobs",
                                  "MaxNumberOfMessages": "10"},
            "payloadFormatVersion": "1.0"}}  # fmt: skip
    top: dict[str, Any] = {}
    if "-iam-" in shape:
        top = {"security": [{"sigv4": []}], "components": {"securitySchemes": {"sigv4": SIGV4}}}
    return operation, top


def api(code: str, shape: str) -> Build:
    operation, top = _operation(shape)
    rest = shape.startswith("rest-")
    path, method = ("/{key}", "get") if rest else ("/jobs", "get")
    info = {"title": "files" if rest else "jobs", "version": "2026-12-05"}
    responses = {"200": {"description": "200 response"}}
    body = {"openapi": "3.0.1", "info": info, "paths": {path: {method: {"responses": responses, **operation}}}, **top}
    resources: dict[str, Any]
    if rest:
        # AWS::ApiGateway::RestApi: Body, EndpointConfiguration (REGIONAL: no EDGE); the bucket the stack makes.
        resources = {
            "FilesApi": {"Type": "AWS::ApiGateway::RestApi", "Properties": {
                "Name": "files", "EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": body}},
            "Files": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-files-${AWS::Region}"}},
        }  # fmt: skip
    else:
        # AWS::ApiGatewayV2::Api: Body ("The OpenAPI definition. Supported only for HTTP APIs"); the queue it reads.
        resources = {
            "JobsApi": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": body}},
            "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}},
        }  # fmt: skip
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources})

    def build(c: Any) -> object:
        return aws.cloudformation.Stack("files-api" if rest else "jobs-api", template_body=document, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in CODES:
        for shape in SHAPES:
            build = api(code, shape) if shape in API_SHAPES else state_machine(code, shape)
            declared = (
                [PARTNER_DECLARED] if shape == "sfn-partner-declared" else
                [PUBLIC_DECLARED] if shape.endswith("-s3-declared") else []
            )  # fmt: skip
            out.append((f"cfnsfn45-{code.lower()}-{shape}", code, build, expected(code, shape), declared))
    return out
