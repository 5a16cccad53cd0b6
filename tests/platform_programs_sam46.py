"""SAM functions, APIs and definitions in S3 (stop 46, issue 9: sam46).

cfnmap45 judged a SAM function's ``EventInvokeConfig`` and a SAM API's ``DefinitionBody`` as their Pulumi twins and
left open what these programs pin. Reproduced on the unchanged engine (main, 35d8768: ``RuleEngine(code).check`` of a
``cloudformation.Stack`` whose SAM template holds each shape, under a provider pinned to 123456789012):

- a SAM ``AWS::Serverless::Function`` ``DeadLetterQueue`` (``Type: SQS``, ``TargetArn``) in another account passed, in
  the function or in ``Globals.Function`` (the Pulumi function's ``dead_letter_config.target_arn``: RES-023 outside CN);
- a SAM ``AWS::Serverless::Api`` without ``EndpointConfiguration`` (SAM sets the RestApi's only when given, so API
  Gateway's default, edge-optimised, applies) passed, and so did SAM's implicit ``ServerlessRestApi`` made by a
  function's ``Api`` event (SAM's hello-world template); a template ``AWS::ApiGateway::RestApi`` without it is RES-016;
- a state machine's ``DefinitionS3Location`` / SAM ``DefinitionUri`` and an API's ``DefinitionUri`` / ``BodyS3Location``
  were judged by their bucket only: what the S3 object holds (the Tasks' written accounts, the API's callers) was
  never read.

``shape``:

- ``fn-dlq-partner`` / ``globals-dlq-partner``: another account's (444455556666) queue as the dead-letter queue:
  RES-023 outside CN (an aws-cn account is China's by partition); ``fn-dlq-own``: the template's queue (GetAtt) passes.
- ``api-default-edge``: a SAM Api without EndpointConfiguration, ``hello-implicit-edge``: a function's Api event
  without RestApiId and no ``Globals.Api``: RES-016 in all four (edge-optimised is refused in CN too, where it cannot
  be deployed); ``api-regional`` (``EndpointConfiguration: REGIONAL``), ``api-regional-globals`` and
  ``hello-implicit-regional`` (``Globals.Api.EndpointConfiguration``), ``httpapi-default`` (an HTTP API, never edge)
  pass.
- ``sfn-definition-in-s3``: a state machine whose definition is the template's own bucket's object, and
  ``api-definition-in-s3``: a REGIONAL SAM Api whose OpenAPI definition is there: RES-023 outside CN / RES-024 in all
  four at stop 46; since falsealarm47 (stop 47) they pass (the stack's own bucket: who writes the object is the
  stack's account); ``-declared``: the location declared after review passes.

tests/test_realistic_programs.py runs them as CASES (``sam46-*``).
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
ACCOUNT_SHAPES = ("fn-dlq-partner", "globals-dlq-partner")
EDGE_SHAPES = ("api-default-edge", "hello-implicit-edge")
CALLER_SHAPES: tuple[str, ...] = ()
# falsealarm47 (stop 47): a definition or body in the template's own bucket passes (refused here at stop 46).
COMPLIANT = ("fn-dlq-own", "api-regional", "api-regional-globals", "hello-implicit-regional", "httpapi-default",
             "sfn-definition-in-s3", "api-definition-in-s3",
             "sfn-definition-in-s3-declared", "api-definition-in-s3-declared")  # fmt: skip
SHAPES = ACCOUNT_SHAPES + EDGE_SHAPES + CALLER_SHAPES + COMPLIANT

HANDLER = "def handler(event, context):\n    return {'statusCode': 200, 'body': 'ok'}\n"
OWN_QUEUE = {"Fn::GetAtt": ["Failures", "Arn"]}


def expected(code: str, shape: str) -> set[str]:
    if shape in ACCOUNT_SHAPES:
        return set() if code == "CN" else {"RES-023"}
    return {"RES-016"} if shape in EDGE_SHAPES else {"RES-024"} if shape in CALLER_SHAPES else set()


def _specs(code: str) -> str:
    """The template's own bucket holding the definitions (its literal BucketName: a bucket the stack makes)."""
    return f"fleet-specs-{code.lower()}"


def declared(code: str, shape: str) -> list[dict[str, Any]]:
    if not shape.endswith("-declared"):
        return []
    key = "flow.asl.json" if shape.startswith("sfn-") else "openapi.yaml"
    evidence = "definition reviewed by the platform team: the stack's own queue / IAM-authorised reads only"
    match = f"s3://{_specs(code)}/{key}"
    return [{"id": "reviewed-definition", "kind": "resident", "match": match, "evidence": evidence}]


def _function(code: str, shape: str) -> dict[str, Any]:
    # SAM AWS::Serverless::Function: DeadLetterQueue {Type: SNS | SQS, TargetArn}; Events {Type: Api | HttpApi}
    props: dict[str, Any] = {"Runtime": "python3.12", "Handler": "index.handler", "InlineCode": HANDLER}
    if shape == "fn-dlq-partner":
        partition = "aws-cn" if code == "CN" else "aws"
        props["DeadLetterQueue"] = {"Type": "SQS", "TargetArn": f"arn:{partition}:sqs:{REGIONS[code]}:{PARTNER}:dlq"}
    elif shape == "fn-dlq-own":
        props["DeadLetterQueue"] = {"Type": "SQS", "TargetArn": OWN_QUEUE}
    elif shape.startswith("hello-"):
        props["Events"] = {"Hello": {"Type": "Api", "Properties": {"Path": "/hello", "Method": "get"}}}
    elif shape == "httpapi-default":
        props["Events"] = {"Hello": {"Type": "HttpApi", "Properties": {"Path": "/hello", "Method": "get"}}}
    return {"Type": "AWS::Serverless::Function", "Properties": props}


def template(code: str, shape: str) -> dict[str, Any]:
    failures = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "thumbnail-failures"}}
    specs = {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": _specs(code)}}
    resources: dict[str, Any] = {"Failures": failures}
    globals_: dict[str, Any] = {}
    if shape.startswith(("fn-", "hello-", "httpapi-")):
        resources["Thumbnailer"] = _function(code, shape)
    elif shape == "globals-dlq-partner":
        partition = "aws-cn" if code == "CN" else "aws"
        target = f"arn:{partition}:sqs:{REGIONS[code]}:{PARTNER}:dlq"
        globals_["Function"] = {"DeadLetterQueue": {"Type": "SQS", "TargetArn": target}}
        resources["Thumbnailer"] = _function(code, shape)
    elif shape.startswith("api-") and "in-s3" not in shape:
        # SAM AWS::Serverless::Api: StageName, EndpointConfiguration (a string, or {Type, VPCEndpointIds})
        props: dict[str, Any] = {"StageName": "prod"}
        if shape == "api-regional":
            props["EndpointConfiguration"] = "REGIONAL"
        elif shape == "api-regional-globals":
            globals_["Api"] = {"EndpointConfiguration": {"Type": "REGIONAL"}}
        resources["FleetApi"] = {"Type": "AWS::Serverless::Api", "Properties": props}
    elif shape.startswith("api-"):
        # SAM AWS::Serverless::Api DefinitionUri: {Bucket, Key} of the OpenAPI document
        uri = {"Bucket": _specs(code), "Key": "openapi.yaml"}
        props = {"StageName": "prod", "EndpointConfiguration": "REGIONAL", "DefinitionUri": uri}
        resources |= {"FleetApi": {"Type": "AWS::Serverless::Api", "Properties": props}, "Specs": specs}
    else:
        # AWS::StepFunctions::StateMachine DefinitionS3Location {Bucket, Key}, RoleArn
        role = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/fleet-flow"}
        location = {"Bucket": _specs(code), "Key": "flow.asl.json"}
        flow_props = {"RoleArn": role, "DefinitionS3Location": location}
        flow = {"Type": "AWS::StepFunctions::StateMachine", "Properties": flow_props}
        resources |= {"Flow": flow, "Specs": specs}
    if shape.startswith("hello-implicit-regional"):
        globals_["Api"] = {"EndpointConfiguration": "REGIONAL"}
    out: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::Serverless-2016-10-31"}
    if globals_:
        out["Globals"] = globals_
    return {**out, "Resources": resources}


def program(code: str, shape: str) -> Build:
    document = json.dumps(template(code, shape))

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body; CAPABILITY_AUTO_EXPAND for the SAM transform)
        return aws.cloudformation.Stack(
            "fleet-serverless", template_body=document, capabilities=["CAPABILITY_AUTO_EXPAND"], opts=c.aws
        )

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"sam46-{code.lower()}-{shape}", code, program(code, shape), expected(code, shape), declared(code, shape))
        for code in CODES
        for shape in SHAPES
    ]
