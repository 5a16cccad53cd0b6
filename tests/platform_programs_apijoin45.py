"""API joins every front door judges alike (stop 45, issue 9, RES-024): the join forms stop 44 left open.

Each program below is one of the join shapes the stop-44 docs named as open, each reproduced first on the unchanged
engine (docs/residency.md, *API joins every door judges alike (stop 45)*):

1. An Alibaba Cloud ``ANONYMOUS`` Api whose ``backend_id`` is the literal id of an ``apigateway.Backend`` the program
   makes (adopted with ``import_``, the id written out, as a team that adopts an existing Backend writes it). The state
   review and the pack match the Backend by id; the guard keyed a Backend by its resource only and refused the
   compliant (``HTTP``) twin. Now the Backend's type decides at every door.
2. The same Api whose ``backend_enabled`` is an Output (computed from the Backend's id: "enable the backend once it
   exists"): the guard judged the plain ``auth_type`` with ``backend_enabled`` not known and passed it, so an OSS
   Backend was served to anyone. The guard now holds the Api until ``backend_enabled`` resolves; a first preview,
   which cannot see it, counts it as true (fail closed where the Backend would be OSS). ``backend_enabled`` unset is
   not judged (the registry: "When set to true, the `backend_id` will be sent to the API").
3. An HTTP API with an ``AWS_IAM`` Route to a reading integration (the stack's queue, ``SQS-ReceiveMessage``) and an
   open Route to its Lambda, each ``target`` an Output (the registry's form): the plan, the pack and the reviews passed
   it, the guard alone refused it (leftovers44's builder, form ``iam-queue-open-lambda``, reused here).
4. A RestApi made from an OpenAPI ``body`` AND given separate ``Method`` / ``Integration`` resources: the body's
   operations are judged by the body's ``security``, the Methods by the join; a declaration ``public:<name>`` covers
   only the resource it names (the RestApi for its body, the Integration for its Method).

Twins compliant / offending in CN, JP and EU (Alibaba), EU / US / JP / CN (AWS).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import platform_programs_leftovers44 as lo44
import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

ALI_CODES = ("CN", "JP", "EU")
ALI_REGIONS = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "EU": "eu-central-1"}
AWS_CODES = ("EU", "US", "JP", "CN")
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
OWN = "123456789012"
BACKEND_ID = "3f0c9a1b5e7d4c2a8b6e0f1d2c3b4a59"  # the adopted Backend's id, written out

ALI_FORMS = {
    # form: (backend_type, how backend_id / backend_enabled are given, expected)
    "ali-literal-id-http": ("HTTP", "literal", set()),
    "ali-literal-id-fc": ("FC_EVENT", "literal", set()),
    "ali-literal-id-oss": ("OSS", "literal", {"RES-024"}),
    "ali-enabled-output-http": ("HTTP", "enabled-output", set()),
    "ali-enabled-output-oss": ("OSS", "enabled-output", {"RES-024"}),
    "ali-enabled-unset-oss": ("OSS", "enabled-unset", set()),
}
PUBLIC_FILES = {"id": "files-public", "kind": "resident", "match": "public:files",
                "evidence": "public product sheets, no personal data"}  # fmt: skip
PUBLIC_SHEETS = {"id": "sheets-public", "kind": "resident", "match": "public:sheets-get",
                 "evidence": "public product sheets, no personal data"}  # fmt: skip
REST_FORMS = {
    # form: (body operation secured, separate Method's authorization, declarations, expected)
    "rest-body-iam-method-iam": (True, "AWS_IAM", [], set()),
    "rest-body-iam-method-open": (True, "NONE", [], {"RES-024"}),
    "rest-body-open-method-iam": (False, "AWS_IAM", [], {"RES-024"}),
    "rest-body-open-method-iam-declared": (False, "AWS_IAM", [PUBLIC_FILES], set()),
    "rest-body-iam-method-open-api-declared": (True, "NONE", [PUBLIC_FILES], {"RES-024"}),
    "rest-body-iam-method-open-declared": (True, "NONE", [PUBLIC_SHEETS], set()),
}
SIGV4 = {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}


def ali_api(code: str, form: str) -> Build:
    """The dealer catalogue's image API: an ANONYMOUS Api whose backend is an API Gateway Backend of the program."""
    backend_type, given, _ = ALI_FORMS[form]

    def build(c: Any) -> object:
        alicloud.oss.Bucket("catalogue-images", bucket=f"catalogue-images-{code.lower()}", opts=c.ali)
        group = alicloud.apigateway.Group("catalogue", name="catalogue", description="catalogue", opts=c.ali)
        adopt = pulumi.ResourceOptions(import_=BACKEND_ID) if given == "literal" else None
        backend = alicloud.apigateway.Backend(
            "images", backend_name="images", backend_type=backend_type, description="images",
            opts=pulumi.ResourceOptions.merge(c.ali, adopt),
        )  # fmt: skip
        backend_id: Any = BACKEND_ID if given == "literal" else backend.id
        enabled: Any = True
        if given == "enabled-output":
            enabled = backend.id.apply(bool)  # enabled once the Backend exists
        elif given == "enabled-unset":
            enabled = None
        fc: Any = {"region": ALI_REGIONS[code], "function_name": "catalogue", "timeout": 10000,
                   "function_type": "FCEvent", "service_name": "catalogue"}  # fmt: skip
        return alicloud.apigateway.Api(
            "catalogue", group_id=group.id, name="catalogue", description="catalogue images", auth_type="ANONYMOUS",
            request_config={"protocol": "HTTPS", "method": "GET", "path": "/images/[key]", "mode": "MAPPING"},
            service_type="FunctionCompute", fc_service_config=fc, stage_names=["RELEASE"],
            backend_id=backend_id, backend_enabled=enabled, opts=c.ali,
        )  # fmt: skip

    return build


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def rest_body_and_methods(code: str, form: str) -> Build:
    """A REST API made from an OpenAPI body (GET ``/{key}`` reading the stack's bucket by S3 path) AND a separate
    ``/sheets/{key}`` Resource with its own Method and S3 Integration (the same bucket)."""
    body_secured, method_auth, _, _ = REST_FORMS[form]

    def build(c: Any) -> object:
        region, part = REGIONS[code], _partition(code)
        role = f"arn:{part}:iam::{OWN}:role/apigw-read"
        bucket = aws.s3.Bucket("files", opts=c.aws)
        top: dict[str, Any] = (
            {"security": [{"sigv4": []}], "components": {"securitySchemes": {"sigv4": SIGV4}}} if body_secured else {}
        )
        body = bucket.bucket.apply(lambda name: json.dumps({
            "openapi": "3.0.1", "info": {"title": "files", "version": "2026-12-05"},
            "paths": {"/{key}": {"get": {
                "responses": {"200": {"description": "200 response"}},
                "parameters": [{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}],
                "x-amazon-apigateway-integration": {
                    "type": "aws", "httpMethod": "GET", "credentials": role,
                    "uri": f"arn:{part}:apigateway:{region}:s3:path/{name}/{{key}}",
                    "requestParameters": {"integration.request.path.key": "method.request.path.key"},
                    "passthroughBehavior": "when_no_match"}}}}, **top}))  # fmt: skip
        api = aws.apigateway.RestApi(
            "files", name="files", body=body, endpoint_configuration={"types": "REGIONAL"}, opts=c.aws
        )
        sheets = aws.apigateway.Resource(
            "sheets", rest_api=api.id, parent_id=api.root_resource_id, path_part="sheets", opts=c.aws
        )
        key = aws.apigateway.Resource("sheets-key", rest_api=api.id, parent_id=sheets.id, path_part="{key}", opts=c.aws)
        method = aws.apigateway.Method(
            "sheets-get", rest_api=api.id, resource_id=key.id, http_method="GET", authorization=method_auth,
            request_parameters={"method.request.path.key": True}, opts=c.aws,
        )  # fmt: skip
        return aws.apigateway.Integration(
            "sheets-get", rest_api=api.id, resource_id=key.id, http_method=method.http_method,
            type="AWS", integration_http_method="GET", credentials=role,
            uri=bucket.bucket.apply(lambda name: f"arn:{part}:apigateway:{region}:s3:path/{name}/sheets/{{key}}"),
            request_parameters={"integration.request.path.key": "method.request.path.key"}, opts=c.aws,
        )  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    ali: list[Row] = [
        (f"apijoin45-{code.lower()}-{form}", code, ali_api(code, form), expected, [])
        for code in ALI_CODES
        for form, (_, _, expected) in ALI_FORMS.items()
    ]
    routes: list[Row] = [
        (f"apijoin45-{code.lower()}-http-{form}", code, lo44.http_api_two_integrations(code, form), expected, [])
        for code in AWS_CODES
        for form, expected in (("iam-queue-open-lambda", set()), ("iam-queue-open-queue", {"RES-024"}))
    ]
    rest: list[Row] = [
        (f"apijoin45-{code.lower()}-{form}", code, rest_body_and_methods(code, form), expected, list(declared))
        for code in AWS_CODES
        for form, (_, _, declared, expected) in REST_FORMS.items()
    ]
    return [*ali, *routes, *rest]
