"""Programs of the API Gateway leftovers of the stage-variable join (stop 40): OpenAPI bodies, Deployment variables and
VPC-link private integrations.

- **OpenAPI bodies**: a RestApi whose ``body`` holds ``x-amazon-apigateway-integration`` objects taking their host
  (``https://${stageVariables.backend}/orders``, type ``http_proxy``) or their S3 bucket
  (``arn:aws:apigateway:<region>:s3:path/${stageVariables.bucket}/{key}``) from a stage variable. Joined like an
  Integration's ``uri`` (``components/residency/stages.py``): proven when at least one Stage of the RestApi is in the
  program and every Stage (and canary) sets the variable; each Stage's value is judged as the host or bucket it makes
  there (RES-015 / RES-017 at the Stage); no Stage or a Stage leaving it unset: refused at the RestApi. Before stop 40
  the body's stage-variable host was refused whatever its Stages set (a false alarm).
- **Deployment variables**: pulumi-aws v7's ``apigateway.Deployment(variables=...)`` creates no Stage (the Terraform
  provider v6 sends ``CreateDeployment`` without ``stageName``), and AWS applies ``variables`` only to "the Stage
  resource that is associated with the new deployment": none. They do not count in the join (a Deployment with
  ``variables`` and no Stage stays refused at the Integration).
- **VPC links**: a REST ``VPC_LINK`` integration (``connection_id`` the stack's ``VpcLink`` to its NLB, ``uri`` a
  private name used only for the Host header and TLS), an HTTP API's private integration (a listener ARN, a Cloud Map
  service ARN), and the v7 ``integration_target`` (VPC link v2, an ALB's ARN). A link to another Region's NLB is
  refused by that ARN's Region; a literal ``connection_id`` proves no link.

tests/test_realistic_programs.py runs them as CASES (``stages40-*``); docs/residency.md, "API Gateway bodies,
Deployment variables and VPC links (stop 40)".
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
PARTNER_BUCKET = "partner-diag-uploads"
PRIVATE_HOST = "orders.internal.example.com"

BodyShape = Literal[
    "own",  # one Stage, `backend` the stack's internal NLB (its dns_name Output): refused before stop 40
    "two-own",  # prod and test Stages, each naming a load balancer the stack makes
    "canary-own",  # a canary overriding `backend` with the stack's second NLB
    "partner",  # the Stage names a partner's host: RES-015 at the Stage
    "canary-partner",  # the canary's override names the partner: RES-015 at the Stage
    "no-stage",  # a Deployment and no Stage: RES-015 at the RestApi
    "unset",  # prod sets `backend`, test does not: RES-015 at the RestApi
    "deployment-variables",  # the Deployment's `variables` set `backend` (dead in v7), no Stage: RES-015 at the RestApi
    "bucket-own",  # an S3 integration whose bucket is `${stageVariables.bucket}`, the Stage naming the stack's bucket
    "bucket-partner",  # the Stage naming a partner's bucket: RES-017 at the Stage (aws-cn: by partition, passes)
    "bucket-no-stage",  # no Stage: RES-017 at the RestApi (aws-cn: passes)
]

BODY_SHAPES: tuple[BodyShape, ...] = (
    "own", "two-own", "canary-own", "partner", "canary-partner", "no-stage", "unset", "deployment-variables",
    "bucket-own", "bucket-partner", "bucket-no-stage",
)  # fmt: skip
BODY_PASSING = frozenset({"own", "two-own", "canary-own", "bucket-own"})


def body_expected(code: str, shape: BodyShape) -> set[str]:
    """The rule ids a body program is refused with (aws-cn buckets are China's by partition)."""
    if shape in BODY_PASSING:
        return set()
    if shape.startswith("bucket-"):
        return set() if code == "CN" else {"RES-017"}
    return {"RES-015"}


DeploymentShape = Literal[
    "variables-only",  # an Integration's host from `${stageVariables.backend}`, only the Deployment sets it: RES-015
    "variables-and-stage",  # the same, and a Stage setting it to the stack's NLB: passes (the Stage's value is judged)
]
DEPLOYMENT_SHAPES: tuple[DeploymentShape, ...] = ("variables-only", "variables-and-stage")

LinkShape = Literal[
    "rest-private-host",  # REST VPC_LINK, connection_id the stack's VpcLink to its NLB, uri a private name
    "rest-nlb-host",  # the same, uri the NLB's dns_name
    "rest-foreign-nlb",  # the stack's VpcLink targets an NLB ARN in another Region: refused by that ARN
    "rest-literal-link",  # connection_id a literal id: no link proven, the private name is unproven (RES-015)
    "rest-partner-host",  # the stack's link, uri a partner's public host (Host header / SNI only): passes
    "rest-v2-target",  # VPC link v2: integration_target the stack's ALB ARN, uri a private name
    "rest-v2-foreign-target",  # integration_target an ALB ARN in another Region
    "http-listener",  # an HTTP API's VPC_LINK integration to the stack's NLB listener ARN
    "http-foreign-listener",  # a listener ARN in another Region
    "http-cloud-map",  # an HTTP API's VPC_LINK integration to the stack's Cloud Map service ARN
]
LINK_SHAPES: tuple[LinkShape, ...] = (
    "rest-private-host", "rest-nlb-host", "rest-foreign-nlb", "rest-literal-link", "rest-partner-host",
    "rest-v2-target", "rest-v2-foreign-target", "http-listener", "http-foreign-listener", "http-cloud-map",
)  # fmt: skip


def _opts(region: str) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=[OWN]))


def _partition(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def _nlb(name: str, opts: pulumi.ResourceOptions, kind: str = "network") -> aws.lb.LoadBalancer:
    return aws.lb.LoadBalancer(name, load_balancer_type=kind, internal=True, subnets=["subnet-1", "subnet-2"],
                               opts=opts)  # fmt: skip


def _http_proxy(uri: str) -> dict[str, Any]:
    # docs: API Gateway "x-amazon-apigateway-integration object" (type, httpMethod, uri, passthroughBehavior).
    return {"type": "http_proxy", "httpMethod": "GET", "uri": uri, "passthroughBehavior": "when_no_match"}


def _s3_get(region: str) -> dict[str, Any]:
    # docs: API Gateway "Tutorial: Create a REST API as an Amazon S3 proxy" (the OpenAPI definition: type aws, uri
    # arn:aws:apigateway:<region>:s3:path/{bucket}/{object}, credentials a role), a stage variable in the path
    # ("AWS integration URIs: A stage variable can be used as part of AWS URI action or path components").
    partition = _partition(region)
    return {
        "type": "aws",
        "httpMethod": "GET",
        "uri": f"arn:{partition}:apigateway:{region}:s3:path/${{stageVariables.bucket}}/{{key}}",
        "credentials": f"arn:{partition}:iam::{OWN}:role/orders-s3-read",
        "requestParameters": {"integration.request.path.key": "method.request.path.key"},
        "passthroughBehavior": "when_no_match",
    }


# openapi44 (stop 44): an S3 read in a body with no security is a grant to everyone (RES-024); the bucket programs here
# are about the stage-variables join, so their read requires IAM ("x-amazon-apigateway-authtype property": awsSigv4),
# as a team's private diagnostics API would.
_IAM = {
    "security": [{"sigv4": []}],
    "components": {
        "securitySchemes": {
            "sigv4": {
                "type": "apiKey",
                "name": "Authorization",
                "in": "header",
                "x-amazon-apigateway-authtype": "awsSigv4",
            }
        }
    },
}


def _openapi(integration: dict[str, Any], path: str) -> str:
    parameters = [{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}] if "{" in path else []
    return json.dumps({
        "openapi": "3.0.1",
        "info": {"title": "orders", "version": "2026-12-04"},
        "paths": {path: {"get": {"parameters": parameters, "responses": {"200": {"description": "OK"}},
                                 "x-amazon-apigateway-integration": integration}}},
        **(_IAM if integration.get("type") == "aws" else {}),
    })  # fmt: skip


def rest_body(code: str, shape: BodyShape) -> Build:
    # docs: aws apigateway/restapi (`body`: "OpenAPI specification that defines the set of routes and integrations");
    # apigateway/deployment ("For REST APIs that are configured via OpenAPI specification ... no special dependency
    # setup is needed beyond referencing the id attribute"; `variables`: "Map to set on the related stage");
    # apigateway/stage (`variables`, `canary_settings.stage_variable_overrides`); API Gateway "API Gateway stage
    # variables reference for REST APIs" ("A full domain - http://${stageVariables.<variable_name>}/resource/operation").
    region = REGIONS[code]

    def build(c: Any) -> object:
        opts = _opts(region)
        orders, following = _nlb("orders", opts), _nlb("orders-next", opts)
        values: dict[str, Any] = {"ORDERS": orders.dns_name, "NEXT": following.dns_name, "PARTNER": PARTNER_HOST}
        if shape.startswith("bucket-"):
            uploads = aws.s3.Bucket("uploads", bucket=f"fleet-diag-uploads-{code.lower()}", opts=opts)
            values = {"OWN": uploads.bucket, "PARTNER": PARTNER_BUCKET}
            body = _openapi(_s3_get(region), "/files/{key}")
        else:
            body = _openapi(_http_proxy("https://${stageVariables.backend}/orders"), "/orders")
        api = aws.apigateway.RestApi("orders", name="orders", body=body,
                                     endpoint_configuration={"types": "REGIONAL"}, opts=opts)  # fmt: skip
        dead = {"backend": orders.dns_name} if shape == "deployment-variables" else None
        deployment = aws.apigateway.Deployment("orders", rest_api=api.id, variables=dead,
                                               triggers={"body": api.body.apply(lambda b: str(hash(b)))},
                                               opts=opts)  # fmt: skip
        stages: dict[str, tuple[tuple[str, dict[str, str], str | None], ...]] = {
            "own": (("prod", {"backend": "ORDERS"}, None),),
            "two-own": (("prod", {"backend": "ORDERS"}, None), ("test", {"backend": "NEXT"}, None)),
            "canary-own": (("prod", {"backend": "ORDERS"}, "NEXT"),),
            "partner": (("prod", {"backend": "PARTNER"}, None),),
            "canary-partner": (("prod", {"backend": "ORDERS"}, "PARTNER"),),
            "unset": (("prod", {"backend": "ORDERS"}, None), ("test", {"release": "next"}, None)),
            "bucket-own": (("prod", {"bucket": "OWN"}, None),),
            "bucket-partner": (("prod", {"bucket": "PARTNER"}, None),),
        }
        for name, variables, override in stages.get(shape, ()):
            canary: Any = None
            if override is not None:
                canary = {"deployment_id": deployment.id, "percent_traffic": 10,
                          "stage_variable_overrides": {"backend": values[override]}}  # fmt: skip
            aws.apigateway.Stage(f"orders-{name}", rest_api=api.id, deployment=deployment.id, stage_name=name,
                                 variables={k: values.get(v, v) for k, v in variables.items()},
                                 canary_settings=canary, opts=opts)  # fmt: skip
        return api

    return build


def deployment_variables(code: str, shape: DeploymentShape) -> Build:
    # docs: aws apigateway/deployment (v7: no `stage_name`; `variables` "Map to set on the related stage"), the
    # Terraform provider's aws_api_gateway_deployment (CreateDeployment with Variables and no StageName), API Gateway
    # CreateDeployment (`variables`: "the stage variables for the Stage resource that is associated with the new
    # deployment").
    region = REGIONS[code]

    def build(c: Any) -> object:
        opts = _opts(region)
        orders = _nlb("orders", opts)
        api = aws.apigateway.RestApi("orders", name="orders", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        resource = aws.apigateway.Resource("orders", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="orders", opts=opts)  # fmt: skip
        method = aws.apigateway.Method("get-orders", rest_api=api.id, resource_id=resource.id, http_method="GET",
                                       authorization="AWS_IAM", opts=opts)  # fmt: skip
        integration = aws.apigateway.Integration(
            "orders-backend", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            type="HTTP_PROXY", integration_http_method="GET", uri="https://${stageVariables.backend}/orders", opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "orders", rest_api=api.id, variables={"backend": orders.dns_name},
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[integration])),
        )  # fmt: skip
        if shape == "variables-and-stage":
            aws.apigateway.Stage("orders-prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
                                 variables={"backend": orders.dns_name}, opts=opts)  # fmt: skip
        return deployment

    return build


def link_expected(code: str, shape: LinkShape) -> set[str]:
    """The rule ids a VPC-link program is refused with."""
    if "foreign" in shape:
        return {"RES-004"}
    if shape == "rest-literal-link":
        return {"RES-015"}
    return set()


def vpc_link(code: str, shape: LinkShape) -> Build:
    # docs: aws apigateway/vpclink (`target_arn`: "network load balancer arns in the VPC targeted by the VPC link"),
    # apigateway/integration (`connection_type` VPC_LINK, `connection_id` "ID of the VpcLink used for the integration";
    # `uri`: "For private integrations, the URI parameter is not used for routing requests to your endpoint, but is used
    # for setting the Host header and for certificate validation"; `integration_target`: "ALB or NLB ARN to send the
    # request to ... VPC Link V2"), apigatewayv2/vpclink and apigatewayv2/integration (`integration_uri`: "For an HTTP
    # API private integration, specify the ARN of an Application Load Balancer listener, Network Load Balancer
    # listener, or AWS Cloud Map service"); API Gateway "Set up a private integration" (REST and HTTP APIs).
    region = REGIONS[code]

    def foreign(kind: str) -> str:
        # Another Region's load balancer (in CN one in the aws partition: aws-cn has only its two Regions).
        return (f"arn:aws:elasticloadbalancing:{ABROAD[code]}:{OWN}:{kind}/net/orders/50dc6c495c0c9188"
                + ("/f2f7dc8efc522ab2" if kind == "listener" else ""))  # fmt: skip

    def build(c: Any) -> object:
        opts = _opts(region)
        if shape.startswith("http-"):
            http = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", opts=opts)
            link = aws.apigatewayv2.VpcLink("orders", name="orders", subnet_ids=["subnet-1", "subnet-2"],
                                            security_group_ids=["sg-1"], opts=opts)  # fmt: skip
            target: Any
            if shape == "http-cloud-map":
                namespace = aws.servicediscovery.PrivateDnsNamespace("internal", name="internal.example.com",
                                                                     vpc="vpc-1", opts=opts)  # fmt: skip
                target = aws.servicediscovery.Service("orders", name="orders", namespace_id=namespace.id,
                                                      opts=opts).arn  # fmt: skip
            elif shape == "http-foreign-listener":
                target = foreign("listener")
            else:
                nlb = _nlb("orders", opts)
                group = aws.lb.TargetGroup("orders", port=8080, protocol="TCP", vpc_id="vpc-1", opts=opts)
                target = aws.lb.Listener("orders", load_balancer_arn=nlb.arn, port=80, protocol="TCP",
                                         default_actions=[{"type": "forward", "target_group_arn": group.arn}],
                                         opts=opts).arn  # fmt: skip
            private = aws.apigatewayv2.Integration(
                "orders", api_id=http.id, integration_type="HTTP_PROXY", integration_method="ANY",
                connection_type="VPC_LINK", connection_id=link.id, integration_uri=target, opts=opts,
            )  # fmt: skip
            aws.apigatewayv2.Route("orders", api_id=http.id, route_key="ANY /orders/{proxy+}",
                                   target=private.id.apply(lambda i: f"integrations/{i}"), opts=opts)  # fmt: skip
            aws.apigatewayv2.Stage("orders", api_id=http.id, name="$default", auto_deploy=True, opts=opts)
            return private
        api = aws.apigateway.RestApi("orders", name="orders", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        resource = aws.apigateway.Resource("orders", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="orders", opts=opts)  # fmt: skip
        method = aws.apigateway.Method("get-orders", rest_api=api.id, resource_id=resource.id, http_method="GET",
                                       authorization="AWS_IAM", opts=opts)  # fmt: skip
        nlb = _nlb("orders", opts, "application" if shape.startswith("rest-v2") else "network")
        uri: Any = f"http://{PRIVATE_HOST}/orders"
        extra: dict[str, Any] = {}
        if shape.startswith("rest-v2"):
            # VPC link v2 for REST APIs: an apigatewayv2 VpcLink, the load balancer named by integration_target.
            link_id: Any = aws.apigatewayv2.VpcLink("orders", name="orders", subnet_ids=["subnet-1", "subnet-2"],
                                                    security_group_ids=["sg-1"], opts=opts).id  # fmt: skip
            extra["integration_target"] = foreign("loadbalancer") if "foreign" in shape else nlb.arn
        elif shape == "rest-literal-link":
            link_id = "a1b2c3"
        else:
            target = foreign("loadbalancer") if shape == "rest-foreign-nlb" else nlb.arn
            link_id = aws.apigateway.VpcLink("orders", name="orders", target_arn=target, opts=opts).id
        if shape == "rest-nlb-host":
            uri = nlb.dns_name.apply(lambda host: f"http://{host}/orders")
        elif shape == "rest-partner-host":
            uri = f"https://{PARTNER_HOST}/orders"
        integration = aws.apigateway.Integration(
            "orders-backend", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            type="HTTP_PROXY", integration_http_method="GET", uri=uri, connection_type="VPC_LINK",
            connection_id=link_id, opts=opts, **extra,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "orders", rest_api=api.id,
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[integration])),
        )  # fmt: skip
        aws.apigateway.Stage("orders-prod", rest_api=api.id, deployment=deployment.id, stage_name="prod", opts=opts)
        return integration

    return build
