"""Programs of the stage-variable hosts (stop 39): an API Gateway HTTP / HTTP_PROXY integration whose host is a stage
variable (``https://${stageVariables.backend}/orders``, ``http://${stageVariables.alb}.<region>.elb.amazonaws.com/``, a
REST path placeholder mapped to ``stageVariables.backend``; an HTTP API's ``integration_uri``), joined to every Stage of
its API the program makes (``components/residency/stages.py``).

The host is proven when at least one Stage of the same API is in the program and every one (and every canary of one)
sets the variable; each Stage's value is then judged as the host it makes in the URL (RES-015 at the Stage: the stack's
own load balancer passes, a partner's host, a bare word or a value that ends the host early with ``/`` is refused). An
API with no Stage in the program, a Stage (or a canary) that leaves the variable unset, or only a Stage of another API:
RES-015 at the Integration. Before stop 39 the Integration's host was not judged at all (the Stage's value only as a
bare host, the canary's not at all). tests/test_realistic_programs.py runs them as CASES (``stagehosts39-*``);
docs/residency.md, "Stage-variable hosts (stop 39)".
"""

from __future__ import annotations

from typing import Any, Literal

import pulumi
import pulumi_aws as aws

Build = Any
OWN = "123456789012"
REGIONS = {"EU": "eu-central-1", "JP": "ap-northeast-1", "US": "us-west-2", "CN": "cn-north-1"}
PARTNER_HOST = "orders.partner.example.com"

RestShape = Literal[
    "own",  # one Stage, `backend` the stack's internal NLB (its dns_name Output), beside a Lambda alias variable
    "two-own",  # prod and test Stages, each naming a load balancer the stack makes
    "partner",  # one Stage naming a partner's host: RES-015 at the Stage
    "one-foreign",  # prod names the stack's NLB, test a partner's host: RES-015 at the test Stage
    "no-stage",  # a Deployment and no Stage (the console or another stack adds one): RES-015 at the Integration
    "unset",  # prod names the stack's NLB, test sets no `backend`: RES-015 at the Integration
    "other-api-stage",  # no Stage of this API; another API's Stage sets `backend`: RES-015 at the Integration
    "bare-word",  # the Stage's `backend` is one label (`orders`), no host any resolver places: RES-015 at the Stage
    "escape",  # `http://${stageVariables.alb}.<region>.elb.amazonaws.com/`, the Stage's value `<partner>/`: the
    # request goes to the partner (a stage variable may hold "/"), whatever fixed suffix follows: RES-015 at the Stage
    "subdomain-own",  # the same uri, the Stage's value the stack's internal ALB's first label
    "mapped-own",  # `https://{host}/orders`, integration.request.path.host = stageVariables.backend (refused before)
    "mapped-partner",
    "canary-own",  # a canary whose stage_variable_overrides point `backend` at the stack's second NLB
    "canary-partner",  # the canary's override names a partner's host: RES-015 at the Stage (passed at every door)
    "canary-blank",  # the canary blanks `backend`: its requests have no host from the Stage: RES-015 at the Integration
    "output-partner",  # a partner's host given as an Output beside the stack's NLB: RES-015 at the Stage
    "variables-output-own",  # the Stage's whole variables map an Output (the guard resolves it as the plan reads it)
    "uri-output-beside",  # a second Integration of the API whose uri is an Output (the NLB's health path): the guard
    # resolves it as the plan reads it (refused by the guard alone before stop 39 had it been a bucket join)
]

REST_SHAPES: tuple[RestShape, ...] = (
    "own", "two-own", "partner", "one-foreign", "no-stage", "unset", "other-api-stage", "bare-word", "escape",
    "subdomain-own", "mapped-own", "mapped-partner", "canary-own", "canary-partner", "canary-blank", "output-partner",
    "variables-output-own", "uri-output-beside",
)  # fmt: skip
REST_PASSING = frozenset(
    {"own", "two-own", "subdomain-own", "mapped-own", "canary-own", "variables-output-own", "uri-output-beside"}
)

HttpShape = Literal[
    "own",  # an HTTP API's `$default` Stage naming the stack's internal NLB in `stage_variables`
    "partner",  # RES-015 at the Stage
    "no-stage",  # RES-015 at the Integration
    "unset",  # a second Stage without `backend`: RES-015 at the Integration
    "subdomain-own",  # `http://${stageVariables.alb}.<region>.elb.amazonaws.com/{proxy}`, the Stage naming the ALB
]

HTTP_SHAPES: tuple[HttpShape, ...] = ("own", "partner", "no-stage", "unset", "subdomain-own")
HTTP_PASSING = frozenset({"own", "subdomain-own"})


# Each shape's Stages of the `orders` API: (stage name, its variables, its canary's `backend` override or None);
# ORDERS / NEXT stand for the stack's two internal NLBs' dns_name Outputs, PARTNER for the partner's host.
_REST_STAGES: dict[str, tuple[tuple[str, dict[str, str], str | None], ...]] = {
    "own": (("prod", {"backend": "ORDERS", "lambdaAlias": "live"}, None),),
    "uri-output-beside": (("prod", {"backend": "ORDERS"}, None),),
    "mapped-own": (("prod", {"backend": "ORDERS", "lambdaAlias": "live"}, None),),
    "two-own": (("prod", {"backend": "ORDERS"}, None), ("test", {"backend": "NEXT"}, None)),
    "partner": (("prod", {"backend": "PARTNER"}, None),),
    "mapped-partner": (("prod", {"backend": "PARTNER"}, None),),
    "one-foreign": (("prod", {"backend": "ORDERS"}, None), ("test", {"backend": "PARTNER"}, None)),
    "unset": (("prod", {"backend": "ORDERS"}, None), ("test", {"lambdaAlias": "test"}, None)),
    "bare-word": (("prod", {"backend": "orders"}, None),),
    "escape": (("prod", {"alb": f"{PARTNER_HOST}/"}, None),),
    "subdomain-own": (("prod", {"alb": "internal-orders-1234567890"}, None),),
    "canary-own": (("prod", {"backend": "ORDERS"}, "NEXT"),),
    "canary-partner": (("prod", {"backend": "ORDERS"}, "PARTNER"),),
    "canary-blank": (("prod", {"backend": "ORDERS"}, ""),),
}


def _opts(region: str) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=[OWN]))


def _elb_suffix(region: str) -> str:
    # docs: Elastic Load Balancing endpoints ("<name>-<id>.<region>.elb.amazonaws.com", ".com.cn" in the China Regions).
    return f"{region}.elb.amazonaws.com" + (".cn" if region.startswith("cn-") else "")


def _nlbs(opts: pulumi.ResourceOptions) -> tuple[aws.lb.LoadBalancer, aws.lb.LoadBalancer]:
    orders = aws.lb.LoadBalancer("orders", load_balancer_type="network", internal=True, subnets=["subnet-1"],
                                 opts=opts)  # fmt: skip
    canary = aws.lb.LoadBalancer("orders-next", load_balancer_type="network", internal=True, subnets=["subnet-2"],
                                 opts=opts)  # fmt: skip
    return orders, canary


def rest_stage_host(code: str, shape: RestShape) -> Build:
    # docs: aws apigateway/integration (type HTTP_PROXY, uri "https://${stageVariables.backend}/orders"; a path
    # placeholder mapped by `request_parameters` "integration.request.path.host" = "stageVariables.backend"),
    # apigateway/stage (`variables`, `canary_settings.stage_variable_overrides`: "Map of overridden stage variables
    # (including new variables) for the canary deployment"); API Gateway "API Gateway stage variables reference for REST
    # APIs" ("A full domain - http://${stageVariables.<variable_name>}/resource/operation", "A subdomain"). The fleet
    # orders API of the EV platform: each Stage sends its requests to its own backend through a VPC link in practice.
    region = REGIONS[code]

    def build(c: Any) -> object:
        opts = _opts(region)
        orders, following = _nlbs(opts)
        api = aws.apigateway.RestApi("orders", name="orders", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        resource = aws.apigateway.Resource("orders", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="orders", opts=opts)  # fmt: skip
        method = aws.apigateway.Method("get-orders", rest_api=api.id, resource_id=resource.id, http_method="GET",
                                       authorization="AWS_IAM", opts=opts)  # fmt: skip
        parameters: dict[str, str] | None = None
        uri = "https://${stageVariables.backend}/orders"
        if shape.startswith("mapped"):
            uri, parameters = "https://{host}/orders", {"integration.request.path.host": "stageVariables.backend"}
        elif shape in ("escape", "subdomain-own"):
            uri = f"http://${{stageVariables.alb}}.{_elb_suffix(region)}/orders"
        integration = aws.apigateway.Integration(
            "orders-backend", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            type="HTTP_PROXY", integration_http_method="GET", uri=uri, request_parameters=parameters, opts=opts,
        )  # fmt: skip
        members: list[pulumi.Resource] = [integration]
        if shape == "uri-output-beside":
            health = aws.apigateway.Method("get-health", rest_api=api.id, resource_id=api.root_resource_id,
                                           http_method="GET", authorization="NONE", opts=opts)  # fmt: skip
            members.append(aws.apigateway.Integration(
                "health-backend", rest_api=api.id, resource_id=api.root_resource_id, http_method=health.http_method,
                type="HTTP_PROXY", integration_http_method="GET",
                uri=orders.dns_name.apply(lambda host: f"http://{host}/health"), opts=opts,
            ))  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "orders", rest_api=api.id,
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=members)),
        )  # fmt: skip

        def stage(name: str, variables: Any, on: aws.apigateway.RestApi = api, released: Any = deployment,
                  canary: Any = None) -> aws.apigateway.Stage:  # fmt: skip
            return aws.apigateway.Stage(f"{on._name}-{name}", rest_api=on.id, deployment=released.id, stage_name=name,
                                        variables=variables, canary_settings=canary, opts=opts)  # fmt: skip

        values = {"ORDERS": orders.dns_name, "NEXT": following.dns_name, "PARTNER": PARTNER_HOST}
        for name, variables, override in _REST_STAGES.get(shape, ()):
            given = {k: values.get(v, v) for k, v in variables.items()}
            settings = None
            if override is not None:
                settings = {"deployment_id": deployment.id, "percent_traffic": 10,
                            "stage_variable_overrides": {"backend": values.get(override, override)}}  # fmt: skip
            stage(name, given, canary=settings)
        if shape == "output-partner":
            stage("prod", {"backend": pulumi.Output.from_input(PARTNER_HOST).apply(str), "next": following.dns_name})
        elif shape == "variables-output-own":
            stage("prod", orders.dns_name.apply(lambda host: {"backend": host, "lambdaAlias": "live"}))
        elif shape == "other-api-stage":
            # A second API (its own mock integration) whose Stage sets `backend`: it proves nothing for `orders`.
            other = aws.apigateway.RestApi("status", name="status", endpoint_configuration={"types": "REGIONAL"},
                                           opts=opts)  # fmt: skip
            status = aws.apigateway.Method("status-get", rest_api=other.id, resource_id=other.root_resource_id,
                                           http_method="GET", authorization="NONE", opts=opts)  # fmt: skip
            mock = aws.apigateway.Integration("status-mock", rest_api=other.id, resource_id=other.root_resource_id,
                                              http_method=status.http_method, type="MOCK", opts=opts)  # fmt: skip
            released = aws.apigateway.Deployment("status", rest_api=other.id, opts=pulumi.ResourceOptions.merge(
                opts, pulumi.ResourceOptions(depends_on=[mock])))  # fmt: skip
            stage("prod", {"backend": orders.dns_name}, on=other, released=released)
        return deployment

    return build


def http_api_stage_host(code: str, shape: HttpShape) -> Build:
    # docs: aws apigatewayv2/integration (integration_type HTTP_PROXY, integration_uri with a stage variable),
    # apigatewayv2/stage (`stage_variables`: "Map that defines the stage variables for the stage"); API Gateway "Use
    # stage variables for HTTP APIs" ("You can use stage variables ... to reference an HTTP integration URL").
    region = REGIONS[code]

    def build(c: Any) -> object:
        opts = _opts(region)
        orders, _ = _nlbs(opts)
        api = aws.apigatewayv2.Api("orders", name="orders", protocol_type="HTTP", opts=opts)
        uri = (
            f"http://${{stageVariables.alb}}.{_elb_suffix(region)}/{{proxy}}"
            if shape == "subdomain-own"
            else "https://${stageVariables.backend}/{proxy}"
        )
        integration = aws.apigatewayv2.Integration("orders-backend", api_id=api.id, integration_type="HTTP_PROXY",
                                                   integration_method="ANY", integration_uri=uri,
                                                   opts=opts)  # fmt: skip
        aws.apigatewayv2.Route("orders", api_id=api.id, route_key="ANY /orders/{proxy+}",
                               target=integration.id.apply(lambda i: f"integrations/{i}"), opts=opts)  # fmt: skip

        def stage(name: str, variables: dict[str, Any]) -> aws.apigatewayv2.Stage:
            return aws.apigatewayv2.Stage(f"orders-{name.lstrip('$')}", api_id=api.id, name=name, auto_deploy=True,
                                          stage_variables=variables, opts=opts)  # fmt: skip

        if shape == "own":
            stage("$default", {"backend": orders.dns_name})
        elif shape == "partner":
            stage("$default", {"backend": PARTNER_HOST})
        elif shape == "unset":
            stage("$default", {"backend": orders.dns_name})
            stage("canary", {"release": "next"})
        elif shape == "subdomain-own":
            stage("$default", {"alb": "internal-orders-1234567890"})
        return integration

    return build
