"""More template resources judged as their Pulumi type (stop 45, issue 9: cfnmap45).

cfnsfn45 judged a template's state machine and RestApi / HTTP API Body as the Pulumi type's input. A template's SNS
subscription endpoint, topic subscription list, EventBridge rule targets, Lambda permission principal / source account
and SAM ``AWS::Serverless::Api`` / ``HttpApi`` ``DefinitionBody`` were still read as template text only: another
account's queue, bus or dead-letter queue, a partner's source account, a ``*`` principal with no restriction and an
open S3 read / SQS receive in a SAM body passed every front door while the Pulumi twin was refused. Reproduced on the
unchanged engine (main, f2c5442: ``RuleEngine("EU").check`` of a Stack whose template holds each of them: no finding
but RES-017 for the SAM API's bucket; the Pulumi twins RES-023 / RES-024). Resource policies (S3 BucketPolicy, SQS
QueuePolicy, SNS TopicPolicy, KMS KeyPolicy) were already judged in a template as in Pulumi and are not repeated here.

``shape``:

- ``sub-*``: an ``AWS::SNS::Subscription`` (Endpoint, RedrivePolicy); ``topic-*``: an ``AWS::SNS::Topic`` with an
  inline ``Subscription`` list; ``rule-*``: an ``AWS::Events::Rule`` ``Targets`` item (Arn, DeadLetterConfig);
  ``perm-*``: an ``AWS::Lambda::Permission``. ``-partner-*``: another account's (444455556666) destination or source
  account: RES-023 outside CN (an aws-cn account is China's by partition). ``-own-*``: the template's own resource
  (``Fn::GetAtt``), ``${AWS::AccountId}`` / ``Ref AWS::AccountId``: passes. ``-declared``: the partner declared.
- ``perm-public``: ``Principal: "*"`` with no SourceArn / SourceAccount / PrincipalOrgID: RES-024 in all four;
  ``perm-public-restricted`` (its own SourceArn) passes.
- ``eic-*``: an ``AWS::Lambda::EventInvokeConfig`` ``DestinationConfig.OnFailure``; ``samfn-*``: SAM
  ``AWS::Serverless::Function`` ``EventInvokeConfig.DestinationConfig.OnSuccess`` (the same object): another
  account's queue RES-023 outside CN, the template's own queue passes.
- ``sam-*``: SAM ``AWS::Serverless::Api`` (open S3 read) / ``AWS::Serverless::HttpApi`` (open SQS-ReceiveMessage)
  ``DefinitionBody``: RES-024 in all four; under IAM (``awsSigv4``) they pass.

tests/test_realistic_programs.py runs them as CASES (``cfnmap45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

PARTNER = "444455556666"
CODES = ("EU", "US", "JP", "CN")
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
PARTNER_SHAPES = ("sub-partner-queue", "sub-partner-dlq", "topic-partner-queue", "rule-partner-bus",
                  "rule-partner-dlq", "perm-partner-source-account", "eic-partner-queue",
                  "samfn-partner-queue")  # fmt: skip
PUBLIC_SHAPES = ("perm-public", "sam-api-open-s3", "sam-httpapi-open-sqs")
COMPLIANT = ("sub-own-getatt", "sub-own-sub", "topic-own-getatt", "rule-own-getatt", "perm-own-source-account",
             "perm-public-restricted", "perm-partner-declared", "sam-api-iam", "sam-httpapi-iam", "eic-own-getatt",
             "samfn-own-getatt")  # fmt: skip
SHAPES = PARTNER_SHAPES + PUBLIC_SHAPES + COMPLIANT

PARTNER_DECLARED: dict[str, Any] = {
    "id": "partner-operations-account", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's operations account in the same jurisdiction; SCP limits it to in-country Regions",
}  # fmt: skip
# docs: "x-amazon-apigateway-authtype property": IAM authorization.
SIGV4 = {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}
OWN_QUEUE = {"Fn::GetAtt": ["Jobs", "Arn"]}
OWN_SUB = "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs-dlq"


def expected(code: str, shape: str) -> set[str]:
    if shape in PARTNER_SHAPES:
        return set() if code == "CN" else {"RES-023"}
    return {"RES-024"} if shape in PUBLIC_SHAPES else set()


def _arn(code: str, service: str, rest: str) -> str:
    return f"arn:{'aws-cn' if code == 'CN' else 'aws'}:{service}:{REGIONS[code]}:{PARTNER}:{rest}"


def _resources(code: str, shape: str) -> dict[str, Any]:
    """The template's Resources for a non-SAM shape: the resource under test and the queue it may deliver to."""
    jobs = {"Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}}}
    topic = {"Ref": "Alerts"}
    alerts = {"Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "fleet-alerts"}}}
    if shape.startswith("sub-"):
        # AWS::SNS::Subscription: Endpoint ("depends on the protocol": an SQS queue's ARN), RedrivePolicy (Json)
        props: dict[str, Any] = {"TopicArn": topic, "Protocol": "sqs", "Endpoint": OWN_QUEUE}
        if shape == "sub-partner-queue":
            props["Endpoint"] = _arn(code, "sqs", "dealer-updates")
        elif shape == "sub-own-sub":
            props["Endpoint"] = {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs"}
        elif shape == "sub-partner-dlq":
            props["RedrivePolicy"] = {"deadLetterTargetArn": _arn(code, "sqs", "dealer-dlq")}
        return {"Updates": {"Type": "AWS::SNS::Subscription", "Properties": props}, **alerts, **jobs}
    if shape.startswith("topic-"):
        # AWS::SNS::Topic Subscription: a list of {Endpoint, Protocol}
        endpoint = _arn(code, "sqs", "dealer-updates") if shape == "topic-partner-queue" else OWN_QUEUE
        subscription = [{"Protocol": "sqs", "Endpoint": endpoint}]
        return {"Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"Subscription": subscription}}, **jobs}
    if shape.startswith("rule-"):
        # AWS::Events::Rule Targets: Target {Arn, Id, DeadLetterConfig {Arn}}
        target: dict[str, Any] = {"Id": "jobs", "Arn": OWN_QUEUE, "DeadLetterConfig": {"Arn": {"Fn::Sub": OWN_SUB}}}
        if shape == "rule-partner-bus":
            target = {"Id": "partner", "Arn": _arn(code, "events", "event-bus/default"),
                      "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/forward"}}  # fmt: skip
        elif shape == "rule-partner-dlq":
            target["DeadLetterConfig"] = {"Arn": _arn(code, "sqs", "dealer-dlq")}
        pattern = {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}
        rule = {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": pattern, "Targets": [target]}}
        return {"StateChanges": rule, **jobs}
    if shape.startswith("eic-"):
        # AWS::Lambda::EventInvokeConfig: DestinationConfig {OnFailure {Destination}}
        failed = _arn(code, "sqs", "dealer-failures") if shape == "eic-partner-queue" else OWN_QUEUE
        props = {"FunctionName": "thumbnailer", "Qualifier": "$LATEST", "MaximumRetryAttempts": 1,
                 "DestinationConfig": {"OnFailure": {"Destination": failed}}}  # fmt: skip
        return {"ThumbnailerAsync": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": props}, **jobs}
    # AWS::Lambda::Permission: Principal, SourceAccount, SourceArn
    props = {"Action": "lambda:InvokeFunction", "FunctionName": "thumbnailer"}
    if shape in ("perm-partner-source-account", "perm-partner-declared"):
        props |= {"Principal": "s3.amazonaws.com", "SourceAccount": PARTNER}
    elif shape == "perm-own-source-account":
        props |= {"Principal": "s3.amazonaws.com", "SourceAccount": {"Ref": "AWS::AccountId"}}
    elif shape == "perm-public":
        props |= {"Principal": "*"}
    else:  # perm-public-restricted: the stack's own API (execute-api ARN) only
        source = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:a1b2c3/*/GET/thumbs"
        props |= {"Principal": "*", "SourceArn": {"Fn::Sub": source}}
    return {"Invoke": {"Type": "AWS::Lambda::Permission", "Properties": props}}


def _sam_api(shape: str) -> dict[str, Any]:
    """SAM Resources whose DefinitionBody is openapi44's OpenAPI document (REST: S3 read; HTTP: SQS receive)."""
    responses = {"200": {"description": "200 response"}}
    top: dict[str, Any] = {}
    if shape.endswith("-iam"):
        top = {"security": [{"sigv4": []}], "components": {"securitySchemes": {"sigv4": SIGV4}}}
    if shape.startswith("sam-api-"):
        integration = {
            "type": "aws", "httpMethod": "GET",
            "credentials": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/files-api",
            "uri": "arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/fleet-files-${AWS::Region}/{key}",
            "requestParameters": {"integration.request.path.key": "method.request.path.key"},
            "passthroughBehavior": "when_no_match"}  # fmt: skip
        key = [{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}]
        operation = {"parameters": key, "responses": responses, "x-amazon-apigateway-integration": integration}
        body = {"openapi": "3.0.1", "info": {"title": "files", "version": "2026-12-05"},
                "paths": {"/{key}": {"get": operation}}, **top}  # fmt: skip
        # SAM AWS::Serverless::Api: StageName, DefinitionBody, EndpointConfiguration (REGIONAL)
        api = {"Type": "AWS::Serverless::Api", "Properties": {
            "StageName": "prod", "EndpointConfiguration": {"Type": "REGIONAL"}, "DefinitionBody": body}}  # fmt: skip
        bucket = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-files-${AWS::Region}"}}
        return {"FilesApi": api, "Files": bucket}
    integration = {
        "type": "aws_proxy", "integrationSubtype": "SQS-ReceiveMessage",
        "credentials": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/jobs-api",
        "requestParameters": {"QueueUrl": "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/jobs",
                              "MaxNumberOfMessages": "10"},
        "payloadFormatVersion": "1.0"}  # fmt: skip
    operation = {"responses": responses, "x-amazon-apigateway-integration": integration}
    body = {"openapi": "3.0.1", "info": {"title": "jobs", "version": "2026-12-05"},
            "paths": {"/jobs": {"get": operation}}, **top}  # fmt: skip
    # SAM AWS::Serverless::HttpApi: DefinitionBody
    api = {"Type": "AWS::Serverless::HttpApi", "Properties": {"DefinitionBody": body}}
    return {"JobsApi": api, "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}}}


HANDLER = "def handler(event, context):\n    return event\n"


def _sam_function(code: str, shape: str) -> dict[str, Any]:
    """SAM AWS::Serverless::Function whose EventInvokeConfig DestinationConfig sends successes to a queue."""
    done = _arn(code, "sqs", "dealer-thumbs") if shape == "samfn-partner-queue" else OWN_QUEUE
    config = {"MaximumRetryAttempts": 1, "DestinationConfig": {"OnSuccess": {"Type": "SQS", "Destination": done}}}
    function = {"Type": "AWS::Serverless::Function", "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER,
        "EventInvokeConfig": config}}  # fmt: skip
    return {"Thumbnailer": function, "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}}}


def program(code: str, shape: str) -> Build:
    sam = shape.startswith("sam")
    resources = (
        _sam_api(shape) if shape.startswith("sam-") else
        _sam_function(code, shape) if sam else _resources(code, shape)
    )  # fmt: skip
    template: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources}
    if sam:
        template["Transform"] = "AWS::Serverless-2016-10-31"
    document = json.dumps(template)

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, capabilities: CAPABILITY_AUTO_EXPAND for a SAM transform)
        capabilities = ["CAPABILITY_AUTO_EXPAND"] if sam else None
        return aws.cloudformation.Stack("fleet-events", template_body=document, capabilities=capabilities, opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in CODES:
        for shape in SHAPES:
            declared = [PARTNER_DECLARED] if shape == "perm-partner-declared" else []
            build = program(code, shape)
            out.append((f"cfnmap45-{code.lower()}-{shape}", code, build, expected(code, shape), declared))
    return out
