"""API definitions inside templates and bodies (stop 42, bodies42): the false alarms stop 41 left open.

- **An OpenAPI definition's own address in a CloudFormation template** (``TEMPLATE_SHAPES``): an
  ``aws.cloudformation.Stack`` whose ``template_body`` makes an ``AWS::ApiGateway::RestApi`` (REGIONAL) or an
  ``AWS::ApiGatewayV2::Api`` with an OpenAPI ``Body`` naming the API's own custom domain (OpenAPI 3.0 ``servers[].url``
  with its ``basePath`` variable, Swagger 2.0 ``host``). The same definition on a Pulumi ``RestApi`` / ``Api`` ``body``
  is text since stop 41 (``endpoints.yaml`` ``text_fields``); in the template it was RES-015. Since stop 42 the
  template's resource is read with the Pulumi type's ``text_fields`` (``stack_templates`` ``resources``): the
  ``-servers`` / ``-swagger-host`` programs pass. Offending twins (``-partner-uri``): the same body also sending its
  requests to a partner's host (an ``x-amazon-apigateway-integration`` ``uri``), RES-015 as before.
- **A REST body's own private integration** (``BODY_SHAPES``): an ``aws.apigateway.RestApi`` whose OpenAPI body has an
  ``x-amazon-apigateway-integration`` with ``connectionType: VPC_LINK``. With ``connectionId`` the id of the
  ``apigateway.VpcLink`` the stack makes (its ``target_arn`` the stack's NLB; the body computed from ``link.id``), the
  requests go to that NLB and the ``uri`` only sets the Host header, as the Integration resource's ``uri`` since stop
  40 (``vpc_links.bodies``, since stop 42): a private name (``-vpc-link``) and a partner's public name
  (``-vpc-link-partner-host``) pass (RES-015 before). Twins: the link targets another Region's NLB (RES-004, at the
  link); a literal ``connectionId`` (``-literal-link``), ``${stageVariables.vpcLinkId}`` (``-stage-variable-link``,
  its Stage setting the made link's id: not joined, fail closed) and a body computed from the made link but naming
  another id (``-other-link-id``) prove no link: the uri is judged (RES-015).

docs: API Gateway "x-amazon-apigateway-integration object" (``connectionType`` "VPC_LINK for private integrations",
``connectionId`` "The ID of a VpcLink for the private integration"), "Set up API with private integrations using
OpenAPI" (the ``uri`` "is used instead to set up the integration request's Host header"), "Set the OpenAPI basePath
property" (``servers[].url`` and its ``basePath`` variable); CloudFormation ``AWS::ApiGateway::RestApi`` (``Body``,
``EndpointConfiguration``) and ``AWS::ApiGatewayV2::Api`` (``Body``); pulumi-aws v7 cloudformation/stack
(``template_body``), apigateway/restapi (``body``, ``endpoint_configuration``), apigateway/vpclink (``target_arn``),
apigateway/deployment, apigateway/stage (``variables``).

tests/test_realistic_programs.py runs them as CASES (``bodies42-*``); docs/residency.md, "API definitions inside
templates and bodies (stop 42)".
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Any
OWN = "123456789012"
REGIONS = {"EU": "eu-central-1", "JP": "ap-northeast-1", "US": "us-west-2", "CN": "cn-north-1"}
ABROAD = {"EU": "us-east-1", "JP": "us-east-1", "US": "eu-west-1", "CN": "ap-southeast-1"}
CODES = tuple(REGIONS)
OWN_DOMAIN = "api.fleet.example.com"
"""The API's own custom domain (where the API is served, not where it sends)."""
PARTNER_HOST = "orders.partner.example.com"
PRIVATE_HOST = "orders.internal.example.com"

TEMPLATE_SHAPES = (
    "cfn-rest-servers",  # RestApi Body, OpenAPI 3.0 servers[].url the own domain: passes (RES-015 before)
    "cfn-rest-swagger-host",  # RestApi Body, Swagger 2.0 host the own domain: passes (RES-015 before)
    "cfn-rest-swagger-host-yaml",  # the same template written as YAML: passes (RES-015 before)
    "cfn-http-servers",  # ApiGatewayV2::Api Body, servers[].url the own domain: passes (RES-015 before)
    "cfn-rest-servers-partner-uri",  # the RestApi's integration uri a partner's host: RES-015 (unchanged)
    "cfn-http-servers-partner-uri",  # the HTTP API's integration uri a partner's host: RES-015 (unchanged)
)
BODY_SHAPES = (
    "rest-body-vpc-link",  # VPC_LINK through the stack's link, uri a private name: passes (RES-015 before)
    "rest-body-vpc-link-partner-host",  # the same, uri a partner's public name (Host header only): passes
    "rest-body-vpc-link-foreign-nlb",  # the stack's link targets another Region's NLB: RES-004 (at the link)
    "rest-body-literal-link",  # connectionId a literal id: no link proven, RES-015 (unchanged)
    "rest-body-stage-variable-link",  # connectionId ${stageVariables.vpcLinkId}: not joined, RES-015 (unchanged)
    "rest-body-other-link-id",  # computed from the stack's link but naming another id: RES-015 (unchanged)
)
SHAPES = (*TEMPLATE_SHAPES, *BODY_SHAPES)
PASSING = frozenset(
    {"cfn-rest-servers", "cfn-rest-swagger-host", "cfn-rest-swagger-host-yaml", "cfn-http-servers",
     "rest-body-vpc-link", "rest-body-vpc-link-partner-host"}
)  # fmt: skip


def expected(code: str, shape: str) -> set[str]:
    """The rule ids a program is refused with."""
    if shape in PASSING:
        return set()
    return {"RES-004"} if shape.endswith("-foreign-nlb") else {"RES-015"}


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program: each shape in EU, US, JP and CN."""
    return [
        (f"bodies42-{code.lower()}-{shape}", code, program(code, shape), expected(code, shape), [])
        for shape in SHAPES
        for code in CODES
    ]


def program(code: str, shape: str) -> Build:
    return template(code, shape) if shape in TEMPLATE_SHAPES else rest_body(code, shape)


def _opts(region: str) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=[OWN]))


def _integration(uri: str, **extra: Any) -> dict[str, Any]:
    return {"type": "http_proxy", "httpMethod": "GET", "uri": uri, **extra}


def _openapi(integration: dict[str, Any], *, swagger: bool = False, http: bool = False) -> dict[str, Any]:
    # An exported definition: the API's own domain where it is served, its base path, one operation.
    if http:
        integration = {**integration, "payloadFormatVersion": "1.0"}
    operation = {"responses": {"200": {"description": "orders"}}, "x-amazon-apigateway-integration": integration}
    if swagger:
        return {"swagger": "2.0", "info": {"title": "orders", "version": "2026-12-04"}, "host": OWN_DOMAIN,
                "basePath": "/v1", "schemes": ["https"], "paths": {"/orders": {"get": operation}}}  # fmt: skip
    return {
        "openapi": "3.0.1",
        "info": {"title": "orders", "version": "2026-12-04"},
        "servers": [{"url": "https://" + OWN_DOMAIN + "/{basePath}", "variables": {"basePath": {"default": "v1"}}}],
        "paths": {"/orders": {"get": operation}},
    }


def _yaml_template(body: dict[str, Any]) -> str:
    # The template as people write it in YAML (the Body a YAML map, not JSON text).
    import yaml

    template = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"OrdersApi": {
        "Type": "AWS::ApiGateway::RestApi",
        "Properties": {"Name": "orders", "EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": body}}}}  # fmt: skip
    return yaml.safe_dump(template, sort_keys=False)


def template(code: str, shape: str) -> Build:
    # docs: cloudformation/stack (template_body); AWS::ApiGateway::RestApi (Body, EndpointConfiguration),
    # AWS::ApiGatewayV2::Api (Body, "The OpenAPI definition. Supported only for HTTP APIs").
    http = shape.startswith("cfn-http")
    uri = f"https://{PARTNER_HOST}/orders" if shape.endswith("-partner-uri") else None
    integration = _integration(uri) if uri is not None else {"type": "mock"}
    body = _openapi(integration, swagger="swagger" in shape, http=http and uri is not None)
    if shape.endswith("-yaml"):
        document = _yaml_template(body)
    else:
        resource: dict[str, Any] = (
            {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": body}}
            if http
            else {"Type": "AWS::ApiGateway::RestApi", "Properties": {
                "Name": "orders", "EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": body}}
        )  # fmt: skip
        document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"OrdersApi": resource}})
    region = REGIONS[code]

    def build(c: Any) -> object:
        return aws.cloudformation.Stack("orders-api", template_body=document, opts=_opts(region))

    return build


def rest_body(code: str, shape: str) -> Build:
    # docs: apigateway/restapi (body, endpoint_configuration REGIONAL), apigateway/vpclink (target_arn "network load
    # balancer arns in the VPC targeted by the VPC link"), x-amazon-apigateway-integration (connectionType,
    # connectionId), apigateway/deployment, apigateway/stage (variables).
    region = REGIONS[code]

    def build(c: Any) -> object:
        opts = _opts(region)
        nlb = aws.lb.LoadBalancer("orders", load_balancer_type="network", internal=True,
                                  subnets=["subnet-1", "subnet-2"], opts=opts)  # fmt: skip
        target: Any = nlb.arn
        if shape.endswith("-foreign-nlb"):
            target = f"arn:aws:elasticloadbalancing:{ABROAD[code]}:{OWN}:loadbalancer/net/orders/50dc6c495c0c9188"
        link = aws.apigateway.VpcLink("orders", name="orders", target_arn=target, opts=opts)
        host = PARTNER_HOST if shape.endswith("-partner-host") else PRIVATE_HOST
        variables: dict[str, Any] | None = None
        body: Any
        if shape == "rest-body-literal-link":
            body = json.dumps(_openapi(_integration(f"http://{host}/orders", connectionType="VPC_LINK",
                                                    connectionId="a1b2c3")))  # fmt: skip
        elif shape == "rest-body-stage-variable-link":
            body = json.dumps(_openapi(_integration(f"http://{host}/orders", connectionType="VPC_LINK",
                                                    connectionId="${stageVariables.vpcLinkId}")))  # fmt: skip
            variables = {"vpcLinkId": link.id}
        else:
            named = (lambda _: "a1b2c3") if shape == "rest-body-other-link-id" else (lambda i: i)
            body = link.id.apply(
                lambda i: json.dumps(_openapi(_integration(f"http://{host}/orders", connectionType="VPC_LINK",
                                                           connectionId=named(i))))
            )  # fmt: skip
        api = aws.apigateway.RestApi("orders", name="orders", body=body, endpoint_configuration={"types": "REGIONAL"},
                                     opts=opts)  # fmt: skip
        deployment = aws.apigateway.Deployment("orders", rest_api=api.id, opts=opts)
        aws.apigateway.Stage("orders-prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
                             variables=variables, opts=opts)  # fmt: skip
        return api

    return build
