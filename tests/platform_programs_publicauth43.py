"""Public endpoints without a grant (stop 43, issue 9, RES-024): the lead's decision on the red team's open item.

Resources public by kind or by their auth setting, with no policy statement to ``*``, passed every front door before
stop 43 (reproduced on the unchanged engine with these programs, EU / US / JP / CN):

- **A REST API method that serves stored data with no code in between**: a ``Method`` with ``authorization: NONE``
  (no API key) whose ``Integration`` is of type ``AWS`` and calls S3's path API (``arn:aws:apigateway:<region>:s3:path/
  <bucket>/{key}``, "Tutorial: Create a REST API as an Amazon S3 proxy") or DynamoDB ``Query`` (``...:dynamodb:action/
  Query``): anyone on the Internet reads the bucket or the table. RES-024 since stop 43 unless declared. Compliant
  twins: the same integration behind ``AWS_IAM`` authorization, or ``api_key_required`` (an API key is a secret the
  caller must hold: the lead's decision), an anonymous method whose integration is the stack's Lambda function
  (``AWS_PROXY``: the code decides what it returns, not judged), and the offending program declared
  ``public:<integration>``.
- **An ECR Public repository** (``ecrpublic.Repository``): anyone can pull its images ("Public repository policies":
  a policy cannot deny pulls). RES-024 since stop 43 unless declared, every jurisdiction (the repository's control
  plane is us-east-1 only; ``aws-cn`` has no ECR Public, so CN is not a row).
- **Not judged, by decision** (compliant rows, passing before and after): an Alibaba Cloud Elasticsearch instance with a
  public endpoint open to ``0.0.0.0/0`` (reachability is no grant: the service asks for credentials), and a Function
  Compute HTTP trigger with ``authType: anonymous`` (runs the stack's code).

Each builder is what a team writes from pulumi-aws v7's ``apigateway.Method`` / ``Integration`` and ``ecrpublic``
pages and pulumi-alicloud's ``elasticsearch.Instance`` / ``fc.Trigger`` pages.
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
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = ("EU", "US", "JP", "CN")
ALI_REGIONS = {"CN": "cn-shanghai", "EU": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1"}
HANDLER = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return {'statusCode': 200}\n")})
API_FORMS = (
    "anonymous-s3-path",
    "anonymous-dynamodb-query",
    "iam-s3-path",
    "api-key-dynamodb-query",
    "anonymous-lambda-proxy",
    "anonymous-s3-path-declared",
)
OFFENDING = frozenset({"anonymous-s3-path", "anonymous-dynamodb-query"})


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def rest_api(code: str, form: str) -> Build:
    """A REST API with one GET method on ``/{key}`` and its integration (same rest_api, resource_id, http_method)."""

    def build(c: Any) -> object:
        region = REGIONS[code]
        part = _partition(code)
        api = aws.apigateway.RestApi("files", name="files", endpoint_configuration={"types": "REGIONAL"}, opts=c.aws)
        resource = aws.apigateway.Resource(
            "files-key", rest_api=api.id, parent_id=api.root_resource_id, path_part="{key}", opts=c.aws
        )
        method = aws.apigateway.Method(
            "files-get",
            rest_api=api.id,
            resource_id=resource.id,
            http_method="GET",
            authorization="AWS_IAM" if form.startswith("iam-") else "NONE",
            api_key_required=form.startswith("api-key-"),
            request_parameters={"method.request.path.key": True},
            opts=c.aws,
        )
        role = f"arn:{part}:iam::{OWN}:role/apigw-read"
        if form.endswith("lambda-proxy"):
            handler = aws.lambda_.Function(
                "files", role=role, runtime="python3.12", handler="index.handler", code=HANDLER, opts=c.aws
            )
            return aws.apigateway.Integration(
                "files-get", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
                type="AWS_PROXY", integration_http_method="POST", uri=handler.invoke_arn, opts=c.aws,
            )  # fmt: skip
        if "dynamodb" in form:
            table = aws.dynamodb.Table(
                "files", hash_key="key", attributes=[{"name": "key", "type": "S"}], billing_mode="PAY_PER_REQUEST",
                opts=c.aws,
            )  # fmt: skip
            template = table.name.apply(lambda name: json.dumps({
                "TableName": name, "KeyConditionExpression": "#k = :v", "ExpressionAttributeNames": {"#k": "key"},
                "ExpressionAttributeValues": {":v": {"S": "$input.params('key')"}}}))  # fmt: skip
            return aws.apigateway.Integration(
                "files-get", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
                type="AWS", integration_http_method="POST", credentials=role,
                uri=f"arn:{part}:apigateway:{region}:dynamodb:action/Query",
                request_templates={"application/json": template}, opts=c.aws,
            )  # fmt: skip
        bucket = aws.s3.Bucket("files", opts=c.aws)
        return aws.apigateway.Integration(
            "files-get", rest_api=api.id, resource_id=resource.id, http_method="GET",
            type="AWS", integration_http_method="GET", credentials=role,
            uri=bucket.bucket.apply(lambda name: f"arn:{part}:apigateway:{region}:s3:path/{name}/{{key}}"),
            request_parameters={"integration.request.path.key": "method.request.path.key"}, opts=c.aws,
        )  # fmt: skip

    return build


def ecr_public(code: str) -> Build:
    """An ECR Public repository for the fleet agent's image (its control plane is us-east-1 only)."""

    def build(c: Any) -> object:
        return aws.ecrpublic.Repository(
            "fleet-agent", repository_name="fleet-agent",
            catalog_data={"description": "Fleet telemetry agent", "operating_systems": ["Linux"]}, opts=c.aws,
        )  # fmt: skip

    return build


def open_search(code: str) -> Build:
    """An Alibaba Cloud Elasticsearch instance whose public and Kibana endpoints accept any address (credentials
    still asked: not judged, the lead's decision)."""

    def build(c: Any) -> object:
        vpc = alicloud.vpc.Network("search", vpc_name="search", cidr_block="10.30.0.0/16", opts=c.ali)
        switch = alicloud.vpc.Switch(
            "search", vpc_id=vpc.id, cidr_block="10.30.1.0/24", zone_id=f"{ALI_REGIONS[code]}-b", opts=c.ali
        )
        return alicloud.elasticsearch.Instance(
            "search", version="7.10_with_X-Pack", instance_charge_type="PostPaid", data_node_amount=2,
            data_node_spec="elasticsearch.sn2ne.large", data_node_disk_size=20, data_node_disk_type="cloud_ssd",
            vswitch_id=switch.id, password="Fleet-Search-2026", enable_public=True, public_whitelists=["0.0.0.0/0"],
            enable_kibana_public_network=True, kibana_whitelists=["0.0.0.0/0"], opts=c.ali,
        )  # fmt: skip

    return build


def ali_anonymous(form: str) -> Build:
    """The owner portal's backend in China: a Function Compute 3.0 function behind an HTTP trigger with
    ``authType: anonymous`` (``trigger-http``), or behind an API Gateway API with ``auth_type`` ANONYMOUS and a
    FunctionCompute backend (``api-fc``): both run the stack's code (not judged, the lead's decision)."""

    def build(c: Any) -> object:
        fn = alicloud.fc.V3Function(
            "owner-api", function_name="owner-api", runtime="python3.10", handler="index.handler", memory_size=512,
            code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}, opts=c.ali,
        )  # fmt: skip
        if form == "trigger-http":
            return alicloud.fc.V3Trigger(
                "http", function_name=fn.function_name, qualifier="LATEST", trigger_type="http", trigger_name="http",
                trigger_config=json.dumps({"authType": "anonymous", "methods": ["GET", "POST"]}), opts=c.ali,
            )  # fmt: skip
        group = alicloud.apigateway.Group("owners", name="owners", description="owner API", opts=c.ali)
        backend: Any = {"region": ALI_REGIONS["CN"], "function_name": "owner-api", "timeout": 10000,
                        "function_type": "FCEvent", "service_name": "owners"}  # fmt: skip
        return alicloud.apigateway.Api(
            "vehicles", group_id=group.id, name="vehicles", description="vehicles", auth_type="ANONYMOUS",
            request_config={"protocol": "HTTPS", "method": "GET", "path": "/vehicles", "mode": "PASSTHROUGH"},
            service_type="FunctionCompute",
            fc_service_config=backend,
            stage_names=["RELEASE"], opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    declared = [{"id": "files-public", "kind": "resident", "match": "public:files-get",
                 "evidence": "public website content, no personal data"}]  # fmt: skip
    out: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = [
        (f"publicauth43-{code.lower()}-{form}", code, rest_api(code, form),
         {"RES-024"} if form in OFFENDING else set(), declared if form.endswith("-declared") else [])
        for code in CODES
        for form in API_FORMS
    ]  # fmt: skip
    out += [(f"publicauth43-{code.lower()}-ecr-public", code, ecr_public(code), {"RES-024"}, []) for code in CODES[:3]]
    out += [
        (f"publicauth43-{code.lower()}-ecr-public-declared", code, ecr_public(code), set(),
         [{"id": "agent-image", "kind": "resident", "match": "public:fleet-agent",
           "evidence": "public website content, no personal data"}])
        for code in CODES[:3]
    ]  # fmt: skip
    out += [(f"publicauth43-{code.lower()}-es-open-whitelist", code, open_search(code), set(), []) for code in CODES]
    out += [
        (f"publicauth43-cn-ali-{form}", "CN", ali_anonymous(form), set(), []) for form in ("trigger-http", "api-fc")
    ]
    return out
