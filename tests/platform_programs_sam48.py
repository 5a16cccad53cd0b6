"""SAM and CloudFormation templates, what stop 47 left (stop 48, issue 9: sam48).

samsfn47 and falsealarm47 left SAM's Globals, connectors, ``AWS::Include``, a bucket named with ``${AWS::Region}`` and
a SAM event's ``EventBusName`` open. Reproduced on the unchanged engine (main 1fd7240: ``RuleEngine(code).check`` of
each shape's ``cloudformation.Stack`` under a provider pinned to 123456789012, and of the Pulumi twins):

- another account's log group (444455556666) passed every door as an API's access log destination in a template:
  SAM ``AWS::Serverless::Api`` ``AccessLogSetting`` (and under ``Globals.Api``), ``AWS::Serverless::HttpApi``
  ``AccessLogSettings``, CloudFormation ``AWS::ApiGateway::Stage`` / ``AWS::ApiGatewayV2::Stage``, while the Pulumi
  stages' ``access_log_settings.destination_arn`` were RES-023 outside CN;
- another account's event bus passed as a rule's bus: the Pulumi ``cloudwatch.EventRule`` / ``EventTarget``
  ``event_bus_name``, a template ``AWS::Events::Rule`` ``EventBusName`` and a SAM ``EventBridgeRule`` /
  ``CloudWatchEvent`` event's ``EventBusName``;
- a snippet included from another bucket (``Fn::Transform`` ``AWS::Include``) passed in CN (the bucket proven by its
  partition) and from a location given by a Parameter everywhere; outside CN another bucket was RES-017 only;
- already passing, pinned here: a snippet in the template's own bucket, a bucket named ``fleet-snippets-
  ${AWS::Region}`` named by the same ``Fn::Sub`` text (the template reading fills the Region in both places), and
  ``Globals.Function``'s destinations (``EventInvokeConfig``, ``DeadLetterQueue``; judged since stop 46).

``shape``:

- ``*-partner``: another account's log group or bus: RES-023 outside CN (an aws-cn account is China's by partition:
  passes in CN); ``-own`` (the template's log group by ``Fn::GetAtt`` or ``Fn::Sub`` of ``${AWS::AccountId}``, its
  bus by ``Ref``, the program's bus) and ``-declared`` (the partner's account declared) pass.
- ``include-partner-bucket`` (CN only: outside CN another bucket is RES-017 beside it, two rules the table's one-
  refusal programs cannot hold; tests/test_rules.py pins both): RES-025; ``include-own-bucket``,
  ``include-own-bucket-region`` (``fleet-snippets-${AWS::Region}``) and ``include-partner-declared`` (the bucket
  declared) pass.
- ``region-bucket-*``: a bucket named with ``${AWS::Region}`` named again by the same text (a queue policy's
  ``aws:SourceArn``, a state machine's ``DefinitionS3Location``): pass (no false alarm, checked, not changed).
- ``connector-own``: a SAM connector from a function to the template's queue: passes.

tests/test_realistic_programs.py runs them as CASES (``sam48-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import Build, Row

PARTNER = "444455556666"
CODES = ("EU", "DE", "JP", "US", "CN")
REGIONS = {"CN": "cn-north-1", "DE": "eu-central-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
"""The table's provider Region per jurisdiction (tests/test_realistic_programs.py ``REGION``)."""
REFUSED_OUTSIDE_CN = ("api-accesslog-partner", "globals-api-accesslog-partner", "httpapi-accesslog-partner",
                      "cfn-stage-accesslog-partner", "cfn-v2stage-accesslog-partner", "fn-ebrule-bus-partner",
                      "sm-cwevent-bus-partner", "cfn-rule-bus-partner", "pulumi-rule-bus-partner")  # fmt: skip
"""Another account's log group or event bus: RES-023 outside CN, passing in CN (aws-cn)."""
REFUSED_IN_CN = ("include-partner-bucket",)
"""A snippet included from a bucket the stack does not make: RES-025 (CN only, see the module docstring)."""
COMPLIANT = ("api-accesslog-own", "globals-httpapi-accesslog-own", "cfn-stage-accesslog-own-sub",
             "fn-ebrule-bus-own", "pulumi-rule-bus-own", "api-accesslog-partner-declared", "include-own-bucket",
             "include-own-bucket-region", "include-partner-declared", "region-bucket-queue-policy",
             "region-bucket-definition", "connector-own")  # fmt: skip
"""The stack's own log groups, buses and buckets, a declared partner, and a SAM connector to the template's queue."""
SHAPES = REFUSED_OUTSIDE_CN + COMPLIANT

HANDLER = "def handler(event, context):\n    return None\n"
BODY = {"openapi": "3.0.1", "info": {"title": "fleet", "version": "1"}, "paths": {}}
"""An API with no operation: only its access log is judged here."""
ACCESS_FORMAT = "$context.requestId $context.status"
DEFINITION = {"StartAt": "Record", "States": {"Record": {"Type": "Pass", "End": True}}}
PATTERN = {"source": ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"]}
SNIPPET_BUCKET = "fleet-snippets"
PARTNER_BUCKET = "partner-shared-snippets"
REGION_BUCKET = {"Fn::Sub": "fleet-snippets-${AWS::Region}"}
"""A bucket named per Region, as a platform team names its artifact buckets."""


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def expected(code: str, shape: str) -> set[str]:
    if shape in REFUSED_IN_CN:
        return {"RES-025"}
    return {"RES-023"} if shape in REFUSED_OUTSIDE_CN and code != "CN" else set()


def declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "api-accesslog-partner-declared":
        return [{"id": "partner-logs", "kind": "resident", "match": PARTNER,
                 "evidence": "the partner's account, reviewed: its log groups are in the home Region"}]  # fmt: skip
    if shape == "include-partner-declared":
        return [{"id": "shared-snippets", "kind": "resident", "match": PARTNER_BUCKET,
                 "evidence": "the platform team's snippet bucket, its snippets reviewed"}]  # fmt: skip
    return []


def _log_group(code: str, shape: str) -> Any:
    if "-partner" in shape:
        return f"arn:{_part(code)}:logs:{REGIONS[code]}:{PARTNER}:log-group:/fleet/api-access"
    if shape.endswith("-own-sub"):
        return {"Fn::Sub": "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/fleet/api-access"}
    return {"Fn::GetAtt": ["AccessLogs", "Arn"]}


def _bus(code: str, shape: str) -> Any:
    if "-partner" in shape:
        return f"arn:{_part(code)}:events:{REGIONS[code]}:{PARTNER}:event-bus/fleet-central"
    return {"Ref": "FleetBus"}


def _access_log_resources(code: str, shape: str) -> dict[str, Any]:
    """An API and its access log group: SAM Api (AccessLogSetting, or Globals.Api's), SAM HttpApi
    (AccessLogSettings), CloudFormation AWS::ApiGateway::Stage / AWS::ApiGatewayV2::Stage ({DestinationArn, Format})."""
    log = {"DestinationArn": _log_group(code, shape), "Format": ACCESS_FORMAT}
    resources: dict[str, Any] = {"AccessLogs": {"Type": "AWS::Logs::LogGroup", "Properties": {
        "LogGroupName": "/fleet/api-access", "RetentionInDays": 30}}}  # fmt: skip
    if "httpapi-" in shape:
        props: dict[str, Any] = {"DefinitionBody": BODY}
        if not shape.startswith("globals-"):
            props["AccessLogSettings"] = log
        resources["Api"] = {"Type": "AWS::Serverless::HttpApi", "Properties": props}
    elif shape.startswith("cfn-v2stage-"):
        resources["Api"] = {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "fleet", "ProtocolType": "HTTP"}}
        resources["Stage"] = {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {
            "ApiId": {"Ref": "Api"}, "StageName": "prod", "AutoDeploy": True, "AccessLogSettings": log}}  # fmt: skip
    elif shape.startswith("cfn-stage-"):
        resources["Api"] = {"Type": "AWS::ApiGateway::RestApi", "Properties": {
            "Name": "fleet", "EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": BODY}}  # fmt: skip
        resources["Deployment"] = {"Type": "AWS::ApiGateway::Deployment", "Properties": {"RestApiId": {"Ref": "Api"}}}
        resources["Stage"] = {"Type": "AWS::ApiGateway::Stage", "Properties": {
            "RestApiId": {"Ref": "Api"}, "DeploymentId": {"Ref": "Deployment"}, "StageName": "prod",
            "AccessLogSetting": log}}  # fmt: skip
    else:
        props = {"StageName": "prod", "EndpointConfiguration": "REGIONAL", "DefinitionBody": BODY}
        if not shape.startswith("globals-"):
            props["AccessLogSetting"] = log
        resources["Api"] = {"Type": "AWS::Serverless::Api", "Properties": props}
    return resources


def _globals(code: str, shape: str) -> dict[str, Any]:
    """SAM's Globals.Api takes AccessLogSetting, Globals.HttpApi AccessLogSettings (samtranslator's Globals
    supported_properties): every API of the type inherits it."""
    log = {"DestinationArn": _log_group(code, shape), "Format": ACCESS_FORMAT}
    if shape.startswith("globals-httpapi-"):
        return {"HttpApi": {"AccessLogSettings": log}}
    if shape.startswith("globals-api-"):
        return {"Api": {"AccessLogSetting": log}}
    return {}


def _event_resources(code: str, shape: str) -> dict[str, Any]:
    """A rule on a bus: a SAM function's EventBridgeRule event, a SAM state machine's CloudWatchEvent event (their
    EventBusName, the generated rule's), or a CloudFormation AWS::Events::Rule's EventBusName."""
    resources: dict[str, Any] = {
        "FleetBus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "fleet-central"}},
        "Changes": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-changes"}},
    }
    bus = _bus(code, shape)
    if shape.startswith("fn-"):
        event = {"Type": "EventBridgeRule", "Properties": {"Pattern": PATTERN, "EventBusName": bus}}
        resources["Worker"] = {"Type": "AWS::Serverless::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER,
            "Events": {"Changes": event}}}  # fmt: skip
    elif shape.startswith("sm-"):
        event = {"Type": "CloudWatchEvent", "Properties": {"Pattern": PATTERN, "EventBusName": bus}}
        resources["Recorder"] = {"Type": "AWS::Serverless::StateMachine", "Properties": {
            "Definition": DEFINITION, "Policies": [], "Events": {"Changes": event}}}  # fmt: skip
    else:
        resources["Forward"] = {"Type": "AWS::Events::Rule", "Properties": {
            "EventBusName": bus, "EventPattern": PATTERN,
            "Targets": [{"Id": "changes", "Arn": {"Fn::GetAtt": ["Changes", "Arn"]}}]}}  # fmt: skip
    return resources


def _include_resources(code: str, shape: str) -> dict[str, Any]:
    """AWS::Include at the Resources level (the transform's documented form): the snippet's resources are added
    there when CloudFormation processes the template."""
    resources: dict[str, Any] = {"Changes": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-changes"}}}
    if shape == "include-own-bucket-region":
        resources["Snippets"] = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": REGION_BUCKET}}
        location: Any = {"Fn::Sub": "s3://fleet-snippets-${AWS::Region}/fleet/alarms.yaml"}
    elif shape == "include-own-bucket":
        resources["Snippets"] = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": SNIPPET_BUCKET}}
        location = f"s3://{SNIPPET_BUCKET}/fleet/alarms.yaml"
    else:
        location = f"s3://{PARTNER_BUCKET}/fleet/alarms.yaml"
    resources["Fn::Transform"] = {"Name": "AWS::Include", "Parameters": {"Location": location}}
    return resources


def _region_bucket_resources(shape: str) -> dict[str, Any]:
    """A bucket named ``fleet-snippets-${AWS::Region}`` and the same ``Fn::Sub`` text naming it again: a queue policy
    letting S3 send from it (the S3 notification walkthrough's shape), or a state machine's definition held there."""
    resources: dict[str, Any] = {"Snippets": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": REGION_BUCKET}}}
    if shape == "region-bucket-definition":
        resources["RecorderRole"] = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {
            "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                    "Principal": {"Service": "states.amazonaws.com"}}]}}}  # fmt: skip
        resources["Recorder"] = {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
            "RoleArn": {"Fn::GetAtt": ["RecorderRole", "Arn"]},
            "DefinitionS3Location": {"Bucket": REGION_BUCKET, "Key": "flows/recorder.json"}}}  # fmt: skip
        return resources
    source = {"Fn::Sub": "arn:${AWS::Partition}:s3:::fleet-snippets-${AWS::Region}"}
    resources["Uploads"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-uploads"}}
    resources["UploadsPolicy"] = {"Type": "AWS::SQS::QueuePolicy", "Properties": {
        "Queues": [{"Ref": "Uploads"}], "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage",
            "Resource": {"Fn::GetAtt": ["Uploads", "Arn"]},
            "Condition": {"ArnLike": {"aws:SourceArn": source}, "StringEquals": {
                "aws:SourceAccount": {"Ref": "AWS::AccountId"}}}}]}}}  # fmt: skip
    return resources


def _connector_resources() -> dict[str, Any]:
    """AWS::Serverless::Connector: the function may write to the template's queue (SAM generates the IAM policy)."""
    return {
        "Changes": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "fleet-changes"}},
        "Worker": {"Type": "AWS::Serverless::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER}},
        "WorkerToChanges": {"Type": "AWS::Serverless::Connector", "Properties": {
            "Source": {"Id": "Worker"}, "Destination": {"Id": "Changes"}, "Permissions": ["Write"]}},
    }  # fmt: skip


def template(code: str, shape: str) -> dict[str, Any]:
    if "-accesslog-" in shape:
        resources = _access_log_resources(code, shape)
    elif "-bus-" in shape:
        resources = _event_resources(code, shape)
    elif shape.startswith("include-"):
        resources = _include_resources(code, shape)
    elif shape.startswith("region-bucket-"):
        resources = _region_bucket_resources(shape)
    else:
        resources = _connector_resources()
    document: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::Serverless-2016-10-31"}
    if shape.startswith("globals-"):
        document["Globals"] = _globals(code, shape)
    return {**document, "Resources": resources}


def program(code: str, shape: str) -> Build:
    if shape.startswith("pulumi-"):
        return _pulumi_rule(code, shape)
    document = json.dumps(template(code, shape))

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body; CAPABILITY_AUTO_EXPAND for the SAM and Include transforms)
        return aws.cloudformation.Stack(
            "fleet-platform",
            template_body=document,
            capabilities=["CAPABILITY_AUTO_EXPAND", "CAPABILITY_IAM"],
            opts=c.aws,
        )

    return build


def _pulumi_rule(code: str, shape: str) -> Build:
    """The Pulumi twin: a rule on a bus (``event_bus_name``: the program's own bus's name, or the partner's ARN)."""

    def build(c: Any) -> object:
        if shape.endswith("-partner"):
            bus: Any = f"arn:{_part(code)}:events:{REGIONS[code]}:{PARTNER}:event-bus/fleet-central"
        else:
            bus = aws.cloudwatch.EventBus("fleet-central", name="fleet-central", opts=c.aws).name
        # docs: cloudwatch/eventrule (event_bus_name: "The name or ARN of the event bus to associate with this rule")
        return aws.cloudwatch.EventRule(
            "fleet-changes", event_bus_name=bus, event_pattern=json.dumps(PATTERN), opts=c.aws
        )

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    table = [
        (f"sam48-{c.lower()}-{shape}", c, program(c, shape), expected(c, shape), declared(c, shape))
        for c in CODES
        for shape in SHAPES
    ]
    return table + [
        (f"sam48-cn-{shape}", "CN", program("CN", shape), expected("CN", shape), declared("CN", shape))
        for shape in REFUSED_IN_CN
    ]
