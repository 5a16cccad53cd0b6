"""Programs of an HTTP API (``aws.apigatewayv2.Api``) defined by an OpenAPI ``body`` (stop 41, httpapi41).

- **Stage-variable hosts**: an ``x-amazon-apigateway-integration`` of the body (OpenAPI 3, ``type: http_proxy``,
  ``payloadFormatVersion: "1.0"``) whose ``uri`` takes its host from ``${stageVariables.backend}``. Joined with the
  Api's ``apigatewayv2.Stage`` s as an HTTP API ``Integration``'s ``integration_uri`` is (stop 39) and a REST body is
  (stop 40): proven when at least one Stage of this Api is in the program and every one sets ``backend`` to a host the
  engine proves; a partner's host on a Stage is refused at the Stage (RES-015); no Stage, or a Stage leaving it
  unset, at the Api (RES-015). Before stop 41 the body's uri was refused at the Api whatever its Stages set (a false
  alarm: every ``-own`` program).
- **Private integrations**: ``connectionType: VPC_LINK``, ``connectionId`` the stack's ``apigatewayv2.VpcLink``,
  ``uri`` the stack's NLB listener ARN or Cloud Map service ARN ("For an HTTP API private integration, specify the
  ARN of an Application Load Balancer listener, Network Load Balancer listener, or AWS Cloud Map service", pulumi-aws
  apigatewayv2/integration ``integration_uri``; the body's ``uri`` is that field): the requests go there, so the ARN
  is judged by its Region (another Region's listener: RES-004). Unchanged by stop 41 (they already passed / were
  refused so); kept as the twins that pin it.
- **Written out**: a partner's host written in the body's uri (RES-015, unchanged).

tests/test_realistic_programs.py runs them as CASES (``httpapi41-*``); docs/residency.md, "HTTP API bodies and the
VPC-link catalogue (stop 41)".
"""

from __future__ import annotations

import json
from typing import Any, Literal

import pulumi
import pulumi_aws as aws

Build = Any
OWN = "123456789012"
REGIONS = {"EU": "eu-central-1", "JP": "ap-northeast-1", "US": "us-west-2", "CN": "cn-north-1"}
ABROAD = {"EU": "us-east-1", "JP": "us-east-1", "US": "eu-west-1", "CN": "ap-southeast-1"}
PARTNER_HOST = "orders.partner.example.com"

Shape = Literal[
    "own",  # one $default Stage, `backend` the stack's internal NLB (its dns_name): refused before stop 41
    "two-own",  # prod and test Stages, each naming a load balancer the stack makes
    "yaml-own",  # the same body written as YAML
    "partner",  # the Stage names a partner's host: RES-015 at the Stage
    "own-and-partner",  # prod the stack's NLB, test the partner's host: RES-015 at the test Stage
    "no-stage",  # no Stage of the Api in the program: RES-015 at the Api
    "unset",  # prod sets `backend`, test does not: RES-015 at the Api
    "other-api-stage",  # only another HTTP API's Stage sets `backend`: RES-015 at the Api
    "written-partner",  # the partner's host written in the uri: RES-015 at the Api (unchanged)
    "vpc-link-listener",  # VPC_LINK through the stack's VpcLink to its NLB listener: passes (unchanged)
    "vpc-link-cloud-map",  # VPC_LINK to the stack's Cloud Map service: passes (unchanged)
    "vpc-link-foreign-listener",  # a listener ARN in another Region: RES-004 (unchanged)
]
SHAPES: tuple[Shape, ...] = (
    "own", "two-own", "yaml-own", "partner", "own-and-partner", "no-stage", "unset", "other-api-stage",
    "written-partner", "vpc-link-listener", "vpc-link-cloud-map", "vpc-link-foreign-listener",
)  # fmt: skip
PASSING = frozenset({"own", "two-own", "yaml-own", "vpc-link-listener", "vpc-link-cloud-map"})


def expected(code: str, shape: Shape) -> set[str]:
    """The rule ids a program is refused with."""
    if shape in PASSING:
        return set()
    return {"RES-004"} if shape == "vpc-link-foreign-listener" else {"RES-015"}


def _opts(region: str) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=[OWN]))


def _nlb(name: str, opts: pulumi.ResourceOptions) -> aws.lb.LoadBalancer:
    return aws.lb.LoadBalancer(name, load_balancer_type="network", internal=True, subnets=["subnet-1", "subnet-2"],
                               opts=opts)  # fmt: skip


def _integration(uri: str, private: str | None = None) -> dict[str, Any]:
    # docs: API Gateway "x-amazon-apigateway-integration object" (type, httpMethod, uri, payloadFormatVersion "Specifies
    # the format of the payload sent to an integration. Required for HTTP APIs"; connectionType "VPC_LINK for private
    # integrations", connectionId "The ID of a VpcLink for the private integration").
    integration: dict[str, Any] = {"type": "http_proxy", "httpMethod": "ANY", "uri": uri,
                                   "payloadFormatVersion": "1.0"}  # fmt: skip
    if private is not None:
        integration |= {"connectionType": "VPC_LINK", "connectionId": private}
    return integration


def _openapi(integration: dict[str, Any]) -> dict[str, Any]:
    # docs: API Gateway "Working with API Gateway extensions to OpenAPI" / "Import an HTTP API" (OpenAPI 3.0, the
    # integration on the operation, `x-amazon-apigateway-integration`).
    return {
        "openapi": "3.0.1",
        "info": {"title": "orders", "version": "2026-12-04"},
        "paths": {"/orders": {"get": {"responses": {"default": {"description": "Default response"}},
                                      "x-amazon-apigateway-integration": integration}}},
    }  # fmt: skip


def _yaml(document: dict[str, Any]) -> str:
    integration = document["paths"]["/orders"]["get"]["x-amazon-apigateway-integration"]
    return (
        'openapi: "3.0.1"\ninfo:\n  title: orders\n  version: "2026-12-04"\npaths:\n  /orders:\n    get:\n'
        "      responses:\n        default:\n          description: Default response\n"
        "      x-amazon-apigateway-integration:\n" + "".join(f'        {k}: "{v}"\n' for k, v in integration.items())
    )


def http_api_body(code: str, shape: Shape) -> Build:
    # docs: aws apigatewayv2/api (`body`: "OpenAPI specification that defines the set of routes and integrations to
    # create as part of the HTTP APIs. Supported only for HTTP APIs"), apigatewayv2/stage (`stage_variables`: "Map that
    # defines the stage variables for the stage"; `auto_deploy`), apigatewayv2/vpclink; API Gateway "Use stage
    # variables for HTTP APIs" ("http://${stageVariables.url}"), "Create private integrations for HTTP APIs".
    region = REGIONS[code]

    def build(c: Any) -> object:
        opts = _opts(region)
        orders, following = _nlb("orders", opts), _nlb("orders-next", opts)
        body: Any
        if shape.startswith("vpc-link-"):
            link = aws.apigatewayv2.VpcLink("orders", name="orders", subnet_ids=["subnet-1", "subnet-2"],
                                            security_group_ids=["sg-1"], opts=opts)  # fmt: skip
            target: Any
            if shape == "vpc-link-cloud-map":
                namespace = aws.servicediscovery.PrivateDnsNamespace("internal", name="internal.example.com",
                                                                     vpc="vpc-1", opts=opts)  # fmt: skip
                target = aws.servicediscovery.Service("orders", name="orders", namespace_id=namespace.id,
                                                      opts=opts).arn  # fmt: skip
            elif shape == "vpc-link-foreign-listener":
                target = (f"arn:aws:elasticloadbalancing:{ABROAD[code]}:{OWN}:listener/net/orders/50dc6c495c0c9188"
                          "/f2f7dc8efc522ab2")  # fmt: skip
            else:
                group = aws.lb.TargetGroup("orders", port=8080, protocol="TCP", vpc_id="vpc-1", opts=opts)
                target = aws.lb.Listener("orders", load_balancer_arn=orders.arn, port=80, protocol="TCP",
                                         default_actions=[{"type": "forward", "target_group_arn": group.arn}],
                                         opts=opts).arn  # fmt: skip
            body = pulumi.Output.all(link.id, target).apply(
                lambda parts: json.dumps(_openapi(_integration(parts[1], private=parts[0])))
            )
        elif shape == "written-partner":
            body = json.dumps(_openapi(_integration(f"https://{PARTNER_HOST}/orders")))
        else:
            document = _openapi(_integration("https://${stageVariables.backend}/orders"))
            body = _yaml(document) if shape == "yaml-own" else json.dumps(document)
        api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", body=body, opts=opts)
        values: dict[str, Any] = {"ORDERS": orders.dns_name, "NEXT": following.dns_name, "PARTNER": PARTNER_HOST}
        stages: dict[str, tuple[tuple[str, dict[str, str]], ...]] = {
            "own": (("$default", {"backend": "ORDERS"}),),
            "two-own": (("prod", {"backend": "ORDERS"}), ("test", {"backend": "NEXT"})),
            "yaml-own": (("$default", {"backend": "ORDERS"}),),
            "partner": (("$default", {"backend": "PARTNER"}),),
            "own-and-partner": (("prod", {"backend": "ORDERS"}), ("test", {"backend": "PARTNER"})),
            "unset": (("prod", {"backend": "ORDERS"}), ("test", {"release": "next"})),
            "written-partner": (("$default", {}),),
            "vpc-link-listener": (("$default", {}),),
            "vpc-link-cloud-map": (("$default", {}),),
            "vpc-link-foreign-listener": (("$default", {}),),
        }
        for name, variables in stages.get(shape, ()):
            aws.apigatewayv2.Stage(f"orders-{name.strip('$')}", api_id=api.id, name=name, auto_deploy=True,
                                   stage_variables={k: values.get(v, v) for k, v in variables.items()} or None,
                                   opts=opts)  # fmt: skip
        if shape == "other-api-stage":
            other = aws.apigatewayv2.Api("status", name="status", protocol_type="HTTP", opts=opts)
            aws.apigatewayv2.Stage("status-default", api_id=other.id, name="$default", auto_deploy=True,
                                   stage_variables={"backend": orders.dns_name}, opts=opts)  # fmt: skip
        return api

    return build
