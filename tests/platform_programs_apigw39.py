"""REST APIs whose endpoint type AWS picks: edge-optimised unless the program says otherwise (stop 39, ``apigw39``).

API Gateway makes a REST API and a REST custom domain name edge-optimised (fronted by CloudFront edge locations
worldwide) when no endpoint type is given: "Edge-optimized ... is the default endpoint type for API Gateway REST APIs"
(https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html); pulumi-aws's
``endpoint_configuration.types`` "If unspecified, defaults to EDGE" (registry pages apigateway/restapi and, up to v6,
apigateway/domainname); the provider sends no endpoint configuration when the block is left out
(terraform-provider-aws ``internal/service/apigateway/rest_api.go`` and ``domain_name.go``, ``CreateRestApi`` /
``CreateDomainName``) and its acceptance tests for such APIs, a ``body`` included, skip every partition where EDGE is
not offered (``acctest.PreCheckAPIGatewayTypeEDGE``).

Each builder is what a team writes from the registry page for an in-country stack (``c.aws``: the stack's Region):

- a ``RestApi`` given an OpenAPI ``body`` (OAS 3 or Swagger 2, a Lambda proxy integration) and no endpoint type, as
  pulumi's own serverless examples write it; the same with what is NOT proof of a regional endpoint (the body's
  ``x-amazon-apigateway-endpoint-configuration`` with ``types``, a property the extension's page does not list, at the
  top or in an OAS 3 ``servers`` entry; ``parameters = {endpointConfigurationTypes: REGIONAL}``, an ``import-rest-api``
  parameter, while the provider calls ``PutRestApi``; ``put_rest_api_mode = merge``); a body that itself says EDGE in a
  ``servers`` entry beside ``endpoint_configuration = REGIONAL``;
- an ``apigateway.DomainName`` with a regional certificate and no endpoint type;
- a CloudFormation stack whose template makes an ``AWS::ApiGateway::DomainName`` (or a ``RestApi`` with a ``Body``)
  without ``EndpointConfiguration``;
- and the twins that pass: ``endpoint_configuration = REGIONAL`` (or ``PRIVATE``) beside the body ("will replace all
  REST API configuration except values overridden in this resource configuration", RestApi ``body``), a REGIONAL
  domain name, ``EndpointConfiguration: {Types: [REGIONAL]}`` in the template, and HTTP / WebSocket APIs
  (``apigatewayv2``), which have no edge-optimised endpoint ("Edge-optimized: REST API Yes, HTTP API No",
  https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html; an API Gateway v2 domain name's
  ``endpoint_type`` "Valid values: REGIONAL").

In aws-cn EDGE is not offered ("Endpoint Configuration type EDGE is not supported in this region: cn-north-1",
serverless/examples#516): an API left without a type fails to deploy there, and the engine refuses it as it always
has for a RestApi without ``endpoint_configuration`` (RES-016, the message's fix: REGIONAL).
tests/test_realistic_programs.py runs them as CASES (``apigw39-*``), each offending program with its regional twin
and a declared twin (``-declared``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
CODES = ("EU", "JP", "US", "CN")
REGION = {"EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
"""The stacks each program runs in, with their Region (tests/test_realistic_programs.py REGION)."""

HANDLER = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return {'statusCode': 200}\n")})
LAMBDA_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _function(c: Any) -> aws.lambda_.Function:
    role = aws.iam.Role("orders-fn-role", assume_role_policy=LAMBDA_TRUST, opts=c.aws)
    return aws.lambda_.Function(
        "orders-fn", role=role.arn, runtime="python3.12", handler="index.handler", code=HANDLER, opts=c.aws
    )


def _openapi(code: str, fn: aws.lambda_.Function, dialect: str, extension: dict[str, Any] | None) -> pulumi.Output[str]:
    """The API's OpenAPI document: GET /orders proxied to the function (x-amazon-apigateway-integration), with
    ``extension`` as x-amazon-apigateway-endpoint-configuration where the dialect puts it (Swagger 2: at the top; OAS 3:
    in a Server object, api-gateway-swagger-extensions-endpoint-configuration.html)."""
    uri = pulumi.Output.format(
        "arn:{0}:apigateway:{1}:lambda:path/2015-03-31/functions/{2}/invocations",
        _partition(code),
        REGION[code],
        fn.arn,
    )
    operation = {
        "x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": uri},
        "responses": {"200": {"description": "the orders"}},
    }
    info = {"title": "orders", "version": "1.0"}
    document: dict[str, Any]
    if dialect == "swagger":
        document = {"swagger": "2.0", "info": info, "paths": {"/orders": {"get": operation}}}
        if extension is not None:
            document["x-amazon-apigateway-endpoint-configuration"] = extension
    else:
        document = {"openapi": "3.0.1", "info": info, "paths": {"/orders": {"get": operation}}}
        if extension is not None:
            document["servers"] = [{"url": "/", "x-amazon-apigateway-endpoint-configuration": extension}]
    return pulumi.Output.json_dumps(document)


REST_SHAPES: dict[str, dict[str, Any]] = {
    # shape: (RestApi arguments beside the body, the body's dialect and extension, whether it is refused)
    # Refused: no endpoint type, whatever the body holds (AWS makes it EDGE).
    "body-oas3": {"dialect": "oas3"},
    "body-swagger": {"dialect": "swagger"},
    "body-ext-regional": {"dialect": "swagger", "extension": {"types": ["REGIONAL"]}},
    "body-servers-ext-regional": {"dialect": "oas3", "extension": {"types": ["REGIONAL"]}},
    "body-parameters-regional": {"dialect": "oas3", "args": {"parameters": {"endpointConfigurationTypes": "REGIONAL"}}},
    "body-merge-mode": {"dialect": "oas3", "args": {"put_rest_api_mode": "merge"}},
    # Refused: the body itself says EDGE (in an OAS 3 Server object), beside a REGIONAL endpoint_configuration.
    "body-servers-ext-edge": {
        "dialect": "oas3", "extension": {"types": ["EDGE"]}, "args": {"endpoint_configuration": {"types": "REGIONAL"}},
    },
    # Passes: the endpoint type written in the resource (it overrides what the body imports).
    "body-regional": {"dialect": "oas3", "args": {"endpoint_configuration": {"types": "REGIONAL"}}},
    "body-swagger-regional": {"dialect": "swagger", "args": {"endpoint_configuration": {"types": "REGIONAL"}}},
    "body-private": {"dialect": "oas3", "args": {"endpoint_configuration": {"types": "PRIVATE"}}},
}  # fmt: skip
REST_REFUSED = {
    "body-oas3", "body-swagger", "body-ext-regional", "body-servers-ext-regional", "body-parameters-regional",
    "body-merge-mode", "body-servers-ext-edge",
}  # fmt: skip
"""The REST shapes refused (RES-016) in every jurisdiction, CN included."""


def rest_api(code: str, shape: str) -> Build:
    # docs: apigateway/restapi (body, endpoint_configuration, parameters, put_rest_api_mode), deployment, stage;
    # lambda/permission for API Gateway to invoke the function.
    spec = REST_SHAPES[shape]

    def build(c: Any) -> object:
        fn = _function(c)
        body = _openapi(code, fn, spec["dialect"], spec.get("extension"))
        api = aws.apigateway.RestApi("orders-api", name="orders", body=body, opts=c.aws, **spec.get("args", {}))
        deployment = aws.apigateway.Deployment("orders-deployment", rest_api=api.id, opts=c.aws)
        aws.lambda_.Permission(
            "orders-invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=pulumi.Output.concat(api.execution_arn, "/*/*"), opts=c.aws,
        )  # fmt: skip
        return aws.apigateway.Stage(
            "orders-stage", rest_api=api.id, deployment=deployment.id, stage_name="v1", opts=c.aws
        )

    return build


DOMAIN_SHAPES = ("domain-no-type", "domain-regional")
"""An apigateway.DomainName with a certificate of the stack's Region: without an endpoint type (refused, AWS makes
it EDGE) or REGIONAL (passes)."""


def domain_name(code: str, shape: str) -> Build:
    # docs: apigateway/domainname (regional_certificate_arn, endpoint_configuration), acm/certificate,
    # apigateway/basepathmapping, route53/record (an alias to regional_domain_name).
    def build(c: Any) -> object:
        cert = aws.acm.Certificate(
            "api-cert", domain_name="api.orders.example.com", validation_method="DNS", opts=c.aws
        )
        api = aws.apigateway.RestApi("orders-api", name="orders", endpoint_configuration={"types": "REGIONAL"},
                                     opts=c.aws)  # fmt: skip
        extra: dict[str, Any] = {"endpoint_configuration": {"types": "REGIONAL"}} if shape == "domain-regional" else {}
        domain = aws.apigateway.DomainName(
            "orders-domain", domain_name="api.orders.example.com", regional_certificate_arn=cert.arn,
            security_policy="TLS_1_2", opts=c.aws, **extra,
        )  # fmt: skip
        return aws.apigateway.BasePathMapping(
            "orders-v1", rest_api=api.id, domain_name=domain.domain_name, base_path="v1", opts=c.aws
        )

    return build


TEMPLATE_SHAPES = (
    "cfn-domain-no-type", "cfn-domain-regional", "cfn-restapi-body-no-type", "cfn-restapi-body-regional",
    "cfn-restapi-body-servers-edge",
)  # fmt: skip
"""A CloudFormation stack's template making a REST custom domain name or a REST API with a Body: without
EndpointConfiguration (refused), with ``Types: [REGIONAL]`` (passes), or REGIONAL with a Body whose OpenAPI 3.0 Server
object names EDGE (refused, as the Pulumi body is)."""


def template(code: str, shape: str) -> Build:
    # docs: cloudformation/stack (template_body); AWS::ApiGateway::DomainName (RegionalCertificateArn,
    # EndpointConfiguration), AWS::ApiGateway::RestApi (Body, EndpointConfiguration).
    regional = {"EndpointConfiguration": {"Types": ["REGIONAL"]}} if shape.endswith(("-regional", "-edge")) else {}
    cert = f"arn:{_partition(code)}:acm:{REGION[code]}:{OWN}:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789"
    if shape.startswith("cfn-domain"):
        resource = {
            "Type": "AWS::ApiGateway::DomainName",
            "Properties": {"DomainName": "api.orders.example.com", "RegionalCertificateArn": cert, **regional},
        }
    else:
        body: dict[str, Any] = {
            "openapi": "3.0.1",
            "info": {"title": "orders", "version": "1.0"},
            "paths": {
                "/health": {
                    "get": {
                        "x-amazon-apigateway-integration": {"type": "mock"},
                        "responses": {"200": {"description": "up"}},
                    }
                }
            },
        }
        if shape.endswith("-servers-edge"):
            body["servers"] = [{"url": "/", "x-amazon-apigateway-endpoint-configuration": {"types": ["EDGE"]}}]
        resource = {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "orders", "Body": body, **regional}}
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Api": resource}})

    def build(c: Any) -> object:
        return aws.cloudformation.Stack("orders-api", template_body=document, opts=c.aws)

    return build


V2_SHAPES = ("http-body", "http-domain", "websocket")
"""HTTP and WebSocket APIs (apigatewayv2): regional only, each passes."""


def apigatewayv2(code: str, shape: str) -> Build:
    # docs: apigatewayv2/api (protocol_type, body), apigatewayv2/domainname (domain_name_configuration.endpoint_type
    # "Valid values: REGIONAL"), apigatewayv2/stage.
    def build(c: Any) -> object:
        if shape == "http-body":
            fn = _function(c)
            body = _openapi(code, fn, "oas3", None)
            api = aws.apigatewayv2.Api("orders-http", name="orders", protocol_type="HTTP", body=body, opts=c.aws)
            return aws.apigatewayv2.Stage("orders-http", api_id=api.id, name="$default", auto_deploy=True, opts=c.aws)
        if shape == "http-domain":
            cert = aws.acm.Certificate("api-cert", domain_name="api.orders.example.com", validation_method="DNS",
                                       opts=c.aws)  # fmt: skip
            return aws.apigatewayv2.DomainName(
                "orders-domain", domain_name="api.orders.example.com",
                domain_name_configuration={"certificate_arn": cert.arn, "endpoint_type": "REGIONAL",
                                           "security_policy": "TLS_1_2"},
                opts=c.aws,
            )  # fmt: skip
        api = aws.apigatewayv2.Api("orders-ws", name="orders-ws", protocol_type="WEBSOCKET",
                                   route_selection_expression="$request.body.action", opts=c.aws)  # fmt: skip
        return aws.apigatewayv2.Stage("orders-ws", api_id=api.id, name="live", auto_deploy=True, opts=c.aws)

    return build


def declared(code: str, service: str = "aws-apigateway-edge") -> dict[str, Any]:
    """The one line RES-016's message gives: the edge-optimised endpoint declared as a transfer (CloudFront edge
    locations worldwide), under a basis the jurisdiction accepts (data_protection.yaml transfer_bases)."""
    basis = {"EU": "scc", "CN": "cac-security-assessment"}.get(code, "documented-assessment")
    return {
        "id": f"orders-api-edge-{code.lower()}", "kind": "transfer", "match": service, "destination": "worldwide",
        "data_classes": ["owner_personal_data"], "basis": basis, "reference": f"TIA-{code}-2026-039 (orders API)",
        "approved_by": "dpo@example.com", "expires": "2099-12-31",
    }  # fmt: skip


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    table: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    edge = {"RES-016"}
    for code in CODES:
        c = code.lower()
        for shape in REST_SHAPES:
            table.append((f"apigw39-{c}-rest-{shape}", code, rest_api(code, shape),
                          edge if shape in REST_REFUSED else set(), []))  # fmt: skip
        for shape in DOMAIN_SHAPES:
            table.append((f"apigw39-{c}-{shape}", code, domain_name(code, shape),
                          edge if shape == "domain-no-type" else set(), []))  # fmt: skip
        for shape in TEMPLATE_SHAPES:
            table.append((f"apigw39-{c}-{shape}", code, template(code, shape),
                          edge if shape.endswith(("-no-type", "-edge")) else set(), []))  # fmt: skip
        for shape in V2_SHAPES:
            table.append((f"apigw39-{c}-v2-{shape}", code, apigatewayv2(code, shape), set(), []))
        # Declared twins: the default-EDGE program passes once its endpoint is declared a transfer (the body that
        # says EDGE itself is a finding of its own entry, declared by that id).
        table += [
            (f"apigw39-{c}-rest-body-oas3-declared", code, rest_api(code, "body-oas3"), set(), [declared(code)]),
            (f"apigw39-{c}-rest-body-servers-ext-edge-declared", code, rest_api(code, "body-servers-ext-edge"), set(),
             [declared(code, "aws-apigateway-edge-openapi")]),
            (f"apigw39-{c}-domain-no-type-declared", code, domain_name(code, "domain-no-type"), set(),
             [declared(code)]),
            (f"apigw39-{c}-cfn-domain-no-type-declared", code, template(code, "cfn-domain-no-type"), set(),
             [declared(code)]),
            (f"apigw39-{c}-cfn-restapi-body-servers-edge-declared", code,
             template(code, "cfn-restapi-body-servers-edge"), set(), [declared(code, "aws-apigateway-edge-openapi")]),
        ]  # fmt: skip
    return table
