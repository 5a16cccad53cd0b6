"""False-alarm hunt over pulumi's public example programs (stop 37, ``falsealarm21``).

Whole multi-resource programs from ``pulumi/examples`` (the ``aws-py-*`` programs; ``aws-ts-*`` and ``alicloud-ts-*``
ones translated to Python where no Python one exists) and ``pulumi/templates`` (``aws-python``, ``alicloud-python``,
``static-website-aws-python``, ``serverless-aws-python``, ``container-aws-python``, ``vm-aws-python``,
``kubernetes-aws-python``), ported to pulumi-aws v7 / pulumi-alicloud 4 as a user would: only what the port forces.

What the port changes, and nothing else:

- every resource takes the stack's provider (``c.aws`` / ``c.ali``: the stack's ``aws:region`` / ``alicloud:region``);
  ``aws.config.region`` (read by several examples) becomes the stack's Region;
- in aws-cn the partition in hand-written ARNs (``arn:aws:logs:*:*:*``, ``arn:aws:iam::aws:policy/...``,
  ``arn:aws:apigateway:...``) becomes ``aws-cn``: AWS managed policies and resource ARNs there live in that partition,
  so the example as written would not work in China (a port forced by the Region, as ``aws.iam.ManagedPolicy``'s
  constants, which name ``arn:aws:``, are);
- code archives read from the example's folder become an in-memory archive of the same handler (the folder is not
  here), component packages not installed here (``pulumi_awsx``, ``pulumi_eks``, ``pulumi_aws_apigateway``,
  ``pulumi_synced_folder``, ``pulumi_random``, ``pulumi_docker_build``) become the pulumi-aws resources they make;
- an ``aws.ec2.get_ami`` / ``get_vpc`` / ``get_subnets`` lookup becomes the ids it returns (the mocks answer no
  such invoke), written as literals;
- the Alibaba ECS example's zone ``us-east-1a`` becomes a zone of the stack's Region (the example's own zone is a
  typo for an AWS zone and would not deploy anywhere).

Each program runs once per stack where it fits (its id names the stack). A program the engine refuses is a false
alarm (fixed in the engine) or a genuine transfer (kept refused, with a declared twin showing the one-line fix the
message gives); ``rows`` carries the verdicts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
ALI_REGIONS = {"CN": "cn-shanghai", "EU": "eu-central-1", "DE": "eu-central-1", "JP": "ap-northeast-1",
               "US": "us-east-1"}  # fmt: skip
"""The context's provider Regions (tests/test_realistic_programs.py ``REGION``)."""
AMI = "ami-0a1b2c3d4e5f60718"
DEFAULT_VPC = "vpc-0a1b2c3d4e5f60718"
DEFAULT_SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60718"]


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _trust(service: str, version: str = "2012-10-17") -> str:
    return json.dumps({"Version": version, "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Sid": "",
                                                          "Principal": {"Service": service}}]})  # fmt: skip


def _archive(handler: str, source: str) -> pulumi.AssetArchive:
    return pulumi.AssetArchive({handler: pulumi.StringAsset(source)})


HELLO = _archive("hello.py", "def handler(event, context):\n    return {'statusCode': 200, 'body': 'Hello'}\n")


def _logs_policy(code: str) -> str:
    # examples/aws-py-apigateway-lambda-serverless/iam.py, aws-py-stepfunctions/iam.py
    return json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
        "Resource": f"arn:{_part(code)}:logs:*:*:*"}]})  # fmt: skip


def _managed(code: str, name: str) -> str:
    return f"arn:{_part(code)}:iam::aws:policy/{name}"


# -- templates -------------------------------------------------------------------------------------------------------


def aws_python(code: str) -> Build:
    """templates/aws-python: one bucket."""

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("my-bucket", opts=c.aws)
        pulumi.export("bucket_name", bucket.id)
        return bucket

    return build


def alicloud_python(code: str) -> Build:
    """templates/alicloud-python: one OSS bucket."""

    def build(c: Any) -> object:
        bucket = alicloud.oss.Bucket("my-bucket", opts=c.ali)
        pulumi.export("bucket_name", bucket.id)
        return bucket

    return build


def static_website(code: str) -> Build:
    """templates/static-website-aws-python: a private bucket behind CloudFront with an origin access control."""

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("bucket", opts=c.aws)
        block = aws.s3.BucketPublicAccessBlock("public-access-block", bucket=bucket.bucket, block_public_acls=True,
                                               block_public_policy=True, ignore_public_acls=True,
                                               restrict_public_buckets=True, opts=c.aws)  # fmt: skip
        # synced_folder.S3BucketFolder("bucket-folder", acl="private", ...) uploads the folder's files.
        for name in ("index.html", "error.html"):
            aws.s3.BucketObject(name, bucket=bucket.bucket, key=name, acl="private", content_type="text/html",
                                content=f"<html>{name}</html>",
                                opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[block]))  # fmt: skip
        oac = aws.cloudfront.OriginAccessControl("origin-access-control", origin_access_control_origin_type="s3",
                                                 signing_behavior="always", signing_protocol="sigv4",
                                                 opts=c.aws)  # fmt: skip
        cdn = aws.cloudfront.Distribution(
            "cdn", enabled=True, default_root_object="index.html",
            origins=[{"origin_id": bucket.arn, "domain_name": bucket.bucket_regional_domain_name,
                      "origin_access_control_id": oac.id}],
            default_cache_behavior={
                "target_origin_id": bucket.arn, "viewer_protocol_policy": "redirect-to-https",
                "allowed_methods": ["GET", "HEAD", "OPTIONS"], "cached_methods": ["GET", "HEAD", "OPTIONS"],
                "default_ttl": 600, "max_ttl": 600, "min_ttl": 600,
                "forwarded_values": {"query_string": True, "cookies": {"forward": "all"}},
            },
            price_class="PriceClass_100",
            custom_error_responses=[{"error_code": 404, "response_code": 404, "response_page_path": "/error.html"}],
            restrictions={"geo_restriction": {"restriction_type": "none"}},
            viewer_certificate={"cloudfront_default_certificate": True}, opts=c.aws,
        )  # fmt: skip
        aws.s3.BucketPolicy("bucket-policy", bucket=bucket.bucket, policy=pulumi.Output.all(
            bucket_arn=bucket.arn, cdn_arn=cdn.arn).apply(lambda a: json.dumps({
                "Version": "2012-10-17", "Statement": {
                    "Effect": "Allow", "Principal": {"Service": "cloudfront.amazonaws.com"},
                    "Action": "s3:GetObject", "Resource": f"{a['bucket_arn']}/*",
                    "Condition": {"StringEquals": {"AWS:SourceArn": a["cdn_arn"]}}}})), opts=c.aws)  # fmt: skip
        pulumi.export("cdnURL", cdn.domain_name.apply(lambda name: f"https://{name}"))
        return cdn

    return build


def _rest_api(c: Any, code: str, fn: aws.lambda_.Function, stage_name: str, regional: bool) -> aws.apigateway.Stage:
    # The examples' swagger body with an aws_proxy integration to the function (aws-py-serverless-raw,
    # aws-py-apigateway-lambda-serverless); `regional` is the one-line fix RES-016 gives (endpoint_configuration).
    uri = pulumi.Output.format("arn:{0}:apigateway:{1}:lambda:path/2015-03-31/functions/{2}/invocations",
                               _part(code), REGIONS[code], fn.arn)  # fmt: skip
    body = pulumi.Output.json_dumps(
        {
            "swagger": "2.0",
            "info": {"title": "api", "version": "1.0"},
            "paths": {
                "/{proxy+}": {
                    "x-amazon-apigateway-any-method": {
                        "x-amazon-apigateway-integration": {
                            "uri": uri,
                            "passthroughBehavior": "when_no_match",
                            "httpMethod": "POST",
                            "type": "aws_proxy",
                        }
                    }
                }
            },
        }
    )
    extra: dict[str, Any] = {"endpoint_configuration": {"types": "REGIONAL"}} if regional else {}
    api = aws.apigateway.RestApi("api", body=body, opts=c.aws, **extra)
    deployment = aws.apigateway.Deployment("api-deployment", rest_api=api.id, opts=c.aws)
    stage = aws.apigateway.Stage("api-stage", rest_api=api.id, deployment=deployment.id, stage_name=stage_name,
                                 opts=c.aws)  # fmt: skip
    aws.lambda_.Permission("api-lambda-permission", action="lambda:invokeFunction", function=fn.name,
                           principal="apigateway.amazonaws.com",
                           source_arn=stage.execution_arn.apply(lambda arn: arn + "*/*"), opts=c.aws)  # fmt: skip
    return stage


def serverless_template(code: str, regional: bool = False) -> Build:
    """templates/serverless-aws-python: a function behind pulumi-aws-apigateway's RestAPI (a static route to `www`
    and GET /date), written with the pulumi-aws resources that component makes (a RestApi with an OpenAPI body)."""

    def build(c: Any) -> object:
        role = aws.iam.Role("role", assume_role_policy=_trust("lambda.amazonaws.com"),
                            managed_policy_arns=[_managed(code, "service-role/AWSLambdaBasicExecutionRole")],
                            opts=c.aws)  # fmt: skip
        fn = aws.lambda_.Function(
            "fn",
            runtime="python3.9",
            handler="handler.handler",
            role=role.arn,
            code=_archive("handler.py", "import datetime\ndef handler(e, c):\n    return {'statusCode': 200}\n"),
            opts=c.aws,
        )
        stage = _rest_api(c, code, fn, "stage", regional)
        pulumi.export("url", stage.invoke_url)
        return stage

    return build


def container_template(code: str) -> Build:
    """templates/container-aws-python: awsx's ApplicationLoadBalancer, ECR Repository / Image and FargateService,
    written with the pulumi-aws resources they make."""

    def build(c: Any) -> object:
        cluster = aws.ecs.Cluster("cluster", opts=c.aws)
        sg = aws.ec2.SecurityGroup("loadbalancer", vpc_id=DEFAULT_VPC, ingress=[
            {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]}],
            egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws)  # fmt: skip
        lb = aws.lb.LoadBalancer("loadbalancer", load_balancer_type="application", security_groups=[sg.id],
                                 subnets=DEFAULT_SUBNETS, opts=c.aws)  # fmt: skip
        tg = aws.lb.TargetGroup("loadbalancer", port=80, protocol="HTTP", target_type="ip", vpc_id=DEFAULT_VPC,
                                opts=c.aws)  # fmt: skip
        listener = aws.lb.Listener("loadbalancer-0", load_balancer_arn=lb.arn, port=80, protocol="HTTP",
                                   default_actions=[{"type": "forward", "target_group_arn": tg.arn}],
                                   opts=c.aws)  # fmt: skip
        repo = aws.ecr.Repository("repo", force_delete=True, opts=c.aws)
        exec_role = aws.iam.Role("service-execution", assume_role_policy=_trust("ecs-tasks.amazonaws.com"),
                                 opts=c.aws)  # fmt: skip
        aws.iam.RolePolicyAttachment(
            "service-execution",
            role=exec_role.name,
            policy_arn=_managed(code, "service-role/AmazonECSTaskExecutionRolePolicy"),
            opts=c.aws,
        )
        task = aws.ecs.TaskDefinition(
            "service", family="service", cpu="512", memory="128", network_mode="awsvpc",
            requires_compatibilities=["FARGATE"], execution_role_arn=exec_role.arn,
            container_definitions=pulumi.Output.json_dumps([{
                "name": "app", "image": repo.repository_url.apply(lambda url: f"{url}:latest"), "cpu": 512,
                "memory": 128, "essential": True, "portMappings": [{"containerPort": 80, "hostPort": 80}]}]),
            opts=c.aws,
        )  # fmt: skip
        service = aws.ecs.Service(
            "service", cluster=cluster.arn, launch_type="FARGATE", task_definition=task.arn, desired_count=1,
            network_configuration={"assign_public_ip": True, "subnets": DEFAULT_SUBNETS, "security_groups": [sg.id]},
            load_balancers=[{"target_group_arn": tg.arn, "container_name": "app", "container_port": 80}],
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[listener]),
        )  # fmt: skip
        pulumi.export("url", pulumi.Output.concat("http://", lb.dns_name))
        return service

    return build


def vm_template(code: str) -> Build:
    """templates/vm-aws-python: a VPC, a public subnet and a web server."""

    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", enable_dns_hostnames=True, enable_dns_support=True,
                          opts=c.aws)  # fmt: skip
        gateway = aws.ec2.InternetGateway("gateway", vpc_id=vpc.id, opts=c.aws)
        subnet = aws.ec2.Subnet("subnet", vpc_id=vpc.id, cidr_block="10.0.1.0/24", map_public_ip_on_launch=True,
                                opts=c.aws)  # fmt: skip
        table = aws.ec2.RouteTable(
            "routeTable", vpc_id=vpc.id, routes=[{"cidr_block": "0.0.0.0/0", "gateway_id": gateway.id}], opts=c.aws
        )
        aws.ec2.RouteTableAssociation("routeTableAssociation", subnet_id=subnet.id, route_table_id=table.id,
                                      opts=c.aws)  # fmt: skip
        group = aws.ec2.SecurityGroup("secGroup", description="Enable HTTP access", vpc_id=vpc.id, ingress=[
            {"from_port": 80, "to_port": 80, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}],
            egress=[{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws)  # fmt: skip
        user_data = '#!/bin/bash\necho "Hello, World from Pulumi!" > index.html\nnohup python3 -m http.server 80 &\n'
        server = aws.ec2.Instance("server", instance_type="t3.micro", subnet_id=subnet.id,
                                  vpc_security_group_ids=[group.id], user_data=user_data, ami=AMI,
                                  tags={"Name": "webserver"}, opts=c.aws)  # fmt: skip
        pulumi.export("url", server.public_dns.apply(lambda dns: f"http://{dns}"))
        return server

    return build


def kubernetes_template(code: str) -> Build:
    """templates/kubernetes-aws-python: awsx.ec2.Vpc and pulumi-eks's Cluster (API authentication, public endpoint,
    private nodes), written with the pulumi-aws resources they make."""

    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("eks-vpc", cidr_block="10.0.0.0/16", enable_dns_hostnames=True, opts=c.aws)
        zones = [f"{REGIONS[code]}{z}" for z in ("a", "b")] if code != "JP" else ["ap-northeast-1a", "ap-northeast-1c"]
        public = [aws.ec2.Subnet(f"eks-vpc-public-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24",
                                 availability_zone=zone, map_public_ip_on_launch=True, opts=c.aws)
                  for i, zone in enumerate(zones)]  # fmt: skip
        private = [aws.ec2.Subnet(f"eks-vpc-private-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{10 + i}.0/24",
                                  availability_zone=zone, opts=c.aws) for i, zone in enumerate(zones)]  # fmt: skip
        cluster_role = aws.iam.Role("eks-cluster-eksRole-role", assume_role_policy=_trust("eks.amazonaws.com"),
                                    opts=c.aws)  # fmt: skip
        aws.iam.RolePolicyAttachment("eks-cluster-eksRole-4b490823", role=cluster_role.name,
                                     policy_arn=_managed(code, "AmazonEKSClusterPolicy"), opts=c.aws)  # fmt: skip
        cluster = aws.eks.Cluster(
            "eks-cluster-eksCluster", role_arn=cluster_role.arn,
            access_config={"authentication_mode": "API"},
            vpc_config={"subnet_ids": [s.id for s in public + private], "endpoint_private_access": False,
                        "endpoint_public_access": True, "public_access_cidrs": ["0.0.0.0/0"]},
            opts=c.aws,
        )  # fmt: skip
        node_role = aws.iam.Role("eks-cluster-instanceRole-role", assume_role_policy=_trust("ec2.amazonaws.com"),
                                 opts=c.aws)  # fmt: skip
        for policy in ("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"):
            aws.iam.RolePolicyAttachment(f"eks-cluster-{policy}", role=node_role.name,
                                         policy_arn=_managed(code, policy), opts=c.aws)  # fmt: skip
        nodes = aws.eks.NodeGroup("eks-cluster-nodes", cluster_name=cluster.name, node_role_arn=node_role.arn,
                                  subnet_ids=[s.id for s in private], instance_types=["t3.medium"],
                                  scaling_config={"desired_size": 3, "min_size": 3, "max_size": 6},
                                  opts=c.aws)  # fmt: skip
        pulumi.export("kubeconfig", cluster.endpoint)
        return nodes

    return build


# -- pulumi/examples, Python ------------------------------------------------------------------------------------------


def apigateway_lambda_serverless(code: str, regional: bool = False) -> Build:
    """examples/aws-py-apigateway-lambda-serverless: a REST API (swagger body) and an HTTP API to one function."""

    def build(c: Any) -> object:
        role = aws.iam.Role("lambdaRole", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicy("lambdaRolePolicy", role=role.id, policy=_logs_policy(code), opts=c.aws)
        fn = aws.lambda_.Function("mylambda", role=role.arn, runtime="python3.12", handler="hello.handler", code=HELLO,
                                  opts=c.aws)  # fmt: skip
        _rest_api(c, code, fn, "example", regional)
        http = aws.apigatewayv2.Api("http-api-pulumi-example", protocol_type="HTTP", opts=c.aws)
        backend = aws.apigatewayv2.Integration(
            "example", api_id=http.id, integration_type="AWS_PROXY", connection_type="INTERNET",
            description="Lambda example", integration_method="POST", integration_uri=fn.arn,
            passthrough_behavior="WHEN_NO_MATCH", opts=c.aws,
        )  # fmt: skip
        route = aws.apigatewayv2.Route(
            "example-route",
            api_id=http.id,
            route_key="ANY /{proxy+}",
            target=backend.id.apply(lambda i: "integrations/" + i),
            opts=c.aws,
        )
        aws.apigatewayv2.Stage(
            "example-stage",
            api_id=http.id,
            auto_deploy=True,
            route_settings=[{"route_key": route.route_key, "throttling_burst_limit": 1, "throttling_rate_limit": 0.5}],
            opts=c.aws,
        )
        return aws.lambda_.Permission("api-http-lambda-permission", action="lambda:invokeFunction", function=fn.name,
                                      principal="apigateway.amazonaws.com",
                                      source_arn=http.execution_arn.apply(lambda arn: arn + "*/*"),
                                      opts=c.aws)  # fmt: skip

    return build


def apigatewayv2_eventbridge(code: str) -> Build:
    """examples/aws-py-apigatewayv2-eventbridge: an HTTP API putting events on a bus, a rule invoking a function."""

    def build(c: Any) -> object:
        api = aws.apigatewayv2.Api("example", protocol_type="HTTP", opts=c.aws)
        stage = aws.apigatewayv2.Stage("stage", api_id=api.id, name=code.lower(), auto_deploy=True, opts=c.aws)
        bus = aws.cloudwatch.EventBus("bus", opts=c.aws)
        rule = aws.cloudwatch.EventRule(
            "rule", event_bus_name=bus.name, event_pattern=json.dumps({"source": ["my-event-source"]}), opts=c.aws
        )
        role = aws.iam.Role(
            "api-gateway-role",
            assume_role_policy=_trust("apigateway.amazonaws.com"),
            managed_policy_arns=[_managed(code, "AmazonEventBridgeFullAccess")],
            opts=c.aws,
        )
        integration = aws.apigatewayv2.Integration(
            "integration", api_id=api.id, integration_type="AWS_PROXY", integration_subtype="EventBridge-PutEvents",
            credentials_arn=role.arn, request_parameters={"EventBusName": bus.name.apply(lambda name: name),
                                                          "Source": "my-event-source", "DetailType": "my-detail-type",
                                                          "Detail": "$request.body"}, opts=c.aws,
        )  # fmt: skip
        aws.apigatewayv2.Route(
            "route",
            api_id=api.id,
            route_key="POST /uploads",
            target=integration.id.apply(lambda i: f"integrations/{i}"),
            opts=c.aws,
        )
        lambda_role = aws.iam.Role("lambda-role", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicy("lambda-role-policy", role=lambda_role.id, policy=_logs_policy(code), opts=c.aws)
        fn = aws.lambda_.Function("lambda", role=lambda_role.arn, runtime="python3.12",
                                  handler="handlers.capture_order", code=_archive(
                                      "handlers.py", "def capture_order(event, context):\n    print(event)\n"),
                                  opts=c.aws)  # fmt: skip
        aws.cloudwatch.EventTarget("lambda-target", arn=fn.arn, rule=rule.name, event_bus_name=bus.name, opts=c.aws)
        aws.lambda_.Permission("lambda-permission", action="lambda:InvokeFunction", principal="events.amazonaws.com",
                               function=fn.arn, source_arn=rule.arn, opts=c.aws)  # fmt: skip
        pulumi.export("url", pulumi.Output.concat(api.api_endpoint, "/", stage.name))
        return stage

    return build


def http_api_quickcreate(code: str) -> Build:
    """examples/aws-py-apigatewayv2-http-api-quickcreate: an HTTP API quick-created with a function target."""

    def build(c: Any) -> object:
        role = aws.iam.Role("lambdaRole", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        # The example passes the Role and the Function themselves (`role=lambda_role`, `function=lambda_function`):
        # the guard's false alarm on that form (RES-002 on the rebuilt reference) is pinned in tests/test_guard.py
        # (`test_a_resource_given_as_an_input_is_not_a_registration`); here their names, because the SDK's mock
        # monitor deadlocks on a resource reference during a preview (pulumi/runtime/mocks.py RegisterResource
        # deserialises it on its own thread), which this table's first-preview test runs.
        aws.iam.RolePolicyAttachment("lambdaRoleAttachment", role=role.name,
                                     policy_arn=_managed(code, "service-role/AWSLambdaBasicExecutionRole"),
                                     opts=c.aws)  # fmt: skip
        fn = aws.lambda_.Function(
            "lambdaFunction",
            code=_archive("index.js", "exports.handler = async () => 'ok';\n"),
            runtime="nodejs20.x",
            role=role.arn,
            handler="index.handler",
            opts=c.aws,
        )
        aws.lambda_.Permission("lambdaPermission", action="lambda:InvokeFunction", principal="apigateway.amazonaws.com",
                               function=fn.name, opts=c.aws)  # fmt: skip
        api = aws.apigatewayv2.Api("httpApiGateway", protocol_type="HTTP", route_key="GET /", target=fn.invoke_arn,
                                   opts=c.aws)  # fmt: skip
        pulumi.export("endpoint", api.api_endpoint)
        return api

    return build


APPSYNC_SCHEMA = """
type Query { getTenantById(id: ID!): Tenant }
type Mutation { addTenant(id: ID!, name: String!): Tenant! }
type Tenant { id: ID! name: String }
schema { query: Query mutation: Mutation }
"""


def appsync(code: str) -> Build:
    """examples/aws-py-appsync: a GraphQL API with an API key over a DynamoDB table."""

    def build(c: Any) -> object:
        table = aws.dynamodb.Table("tenants", hash_key="id", attributes=[{"name": "id", "type": "S"}], read_capacity=1,
                                   write_capacity=1, opts=c.aws)  # fmt: skip
        role = aws.iam.Role("iam-role", assume_role_policy=_trust("appsync.amazonaws.com"), opts=c.aws)
        policy = aws.iam.Policy("iam-policy", policy=pulumi.Output.json_dumps({"Version": "2012-10-17", "Statement": [
            {"Action": ["dynamodb:PutItem", "dynamodb:GetItem"], "Effect": "Allow", "Resource": [table.arn]}]}),
            opts=c.aws)  # fmt: skip
        aws.iam.RolePolicyAttachment("iam-policy-attachment", role=role.name, policy_arn=policy.arn, opts=c.aws)
        api = aws.appsync.GraphQLApi("key", authentication_type="API_KEY", schema=APPSYNC_SCHEMA, opts=c.aws)
        aws.appsync.ApiKey("key", api_id=api.id, opts=c.aws)
        source = aws.appsync.DataSource("tenants-ds", name="tenantsdatasource", api_id=api.id, type="AMAZON_DYNAMODB",
                                        dynamodb_config={"table_name": table.name}, service_role_arn=role.arn,
                                        opts=c.aws)  # fmt: skip
        aws.appsync.Resolver(
            "get-resolver", api_id=api.id, data_source=source.name, type="Query", field="getTenantById",
            request_template='{"version": "2017-02-28", "operation": "GetItem", '
                             '"key": {"id": $util.dynamodb.toDynamoDBJson($ctx.args.id)}}',
            response_template="$util.toJson($ctx.result)", opts=c.aws,
        )  # fmt: skip
        resolver = aws.appsync.Resolver(
            "add-resolver", api_id=api.id, data_source=source.name, type="Mutation", field="addTenant",
            request_template='{"version" : "2017-02-28", "operation" : "PutItem", '
                             '"key" : {"id" : $util.dynamodb.toDynamoDBJson($ctx.args.id)}, '
                             '"attributeValues" : {"name": $util.dynamodb.toDynamoDBJson($ctx.args.name)}}',
            response_template="$util.toJson($ctx.result)", opts=c.aws,
        )  # fmt: skip
        pulumi.export("endpoint", api.uris.apply(lambda uris: (uris or {}).get("GRAPHQL")))
        return resolver

    return build


def s3_folder(code: str) -> Build:
    """examples/aws-py-s3-folder: a website bucket with a public-read bucket policy (``Principal: *``)."""

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("s3-website-bucket", opts=c.aws)
        site = aws.s3.BucketWebsiteConfiguration("s3-website", bucket=bucket.bucket,
                                                 index_document={"suffix": "index.html"}, opts=c.aws)  # fmt: skip
        block = aws.s3.BucketPublicAccessBlock("public-access-block", bucket=bucket.id, block_public_acls=False,
                                               opts=c.aws)  # fmt: skip
        for name in ("index.html", "python.png", "favicon.png"):
            aws.s3.BucketObject(name, bucket=bucket.id, content=name, content_type="text/html", opts=c.aws)
        policy = bucket.id.apply(lambda name: json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"],
            "Resource": [f"arn:{_part(code)}:s3:::{name}/*"]}]}))  # fmt: skip
        aws.s3.BucketPolicy("bucket-policy", bucket=bucket.id, policy=policy,
                            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[block]))  # fmt: skip
        pulumi.export("website_url", site.website_endpoint)
        return site

    return build


def secrets_manager(code: str) -> Build:
    """examples/aws-py-secrets-manager: a secret and its version."""

    def build(c: Any) -> object:
        secret = aws.secretsmanager.Secret("secret", opts=c.aws)
        return aws.secretsmanager.SecretVersion("secret_version", secret_id=secret.id, secret_string="mysecret",
                                                opts=c.aws)  # fmt: skip

    return build


def serverless_raw(code: str, regional: bool = False) -> Build:
    """examples/aws-py-serverless-raw: a counter table, a function and a REST API (swagger body)."""

    def build(c: Any) -> object:
        table = aws.dynamodb.Table("counterTable", attributes=[{"name": "Id", "type": "S"}], hash_key="Id",
                                   read_capacity=1, write_capacity=1, opts=c.aws)  # fmt: skip
        # The `_output` form through the stack's provider (the example's synchronous invoke uses the default provider;
        # through an explicit one it waits for the provider's registration, which the program's thread blocks).
        trust = aws.iam.get_policy_document_output(statements=[{"actions": ["sts:AssumeRole"], "principals": [
            {"identifiers": ["lambda.amazonaws.com"], "type": "Service"}]}], opts=pulumi.InvokeOutputOptions(
                provider=c.aws.provider))  # fmt: skip
        role = aws.iam.Role("mylambda-role", assume_role_policy=trust.json, opts=c.aws)
        policy = aws.iam.RolePolicy(
            "mylambda-policy",
            role=role.id,
            policy=pulumi.Output.json_dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Action": [
                                "dynamodb:UpdateItem",
                                "dynamodb:PutItem",
                                "dynamodb:GetItem",
                                "dynamodb:DescribeTable",
                            ],
                            "Resource": table.arn,
                            "Effect": "Allow",
                        },
                        {"Action": ["logs:*", "cloudwatch:*"], "Resource": "*", "Effect": "Allow"},
                    ],
                }
            ),
            opts=c.aws,
        )
        fn = aws.lambda_.Function(
            "mylambda", runtime="dotnet8", code=_archive("app.dll", "(published .NET app)"), timeout=300,
            handler="app::app.Functions::GetAsync", role=role.arn, publish=False,
            environment={"variables": {"COUNTER_TABLE": table.name}},
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[policy]),
        )  # fmt: skip
        stage = _rest_api(c, code, fn, "api", regional)
        pulumi.export("endpoint", stage.invoke_url.apply(lambda url: url + "api"))
        return stage

    return build


def webserver(code: str) -> Build:
    """examples/aws-py-webserver: an instance in the default VPC with an open HTTP security group."""

    def build(c: Any) -> object:
        group = aws.ec2.SecurityGroup(
            "web-secgrp",
            description="Enable HTTP access",
            ingress=[{"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws,
        )
        user_data = '\necho "Hello, World!" > index.html\nnohup python -m SimpleHTTPServer 80 &\n'
        server = aws.ec2.Instance("web-server-www", instance_type="t2.micro", vpc_security_group_ids=[group.id],
                                  user_data=user_data, ami=AMI, opts=c.aws)  # fmt: skip
        pulumi.export("public_dns", server.public_dns)
        return server

    return build


def stepfunctions(code: str) -> Build:
    """examples/aws-py-stepfunctions: a state machine whose one Task invokes a function; its role trusts
    ``states.<region>.amazonaws.com`` (the Region from ``aws.config.region``)."""

    def build(c: Any) -> object:
        lambda_role = aws.iam.Role("lambdaRole", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicy("lambdaRolePolicy", role=lambda_role.id, policy=_logs_policy(code), opts=c.aws)
        suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
        sfn_role = aws.iam.Role("sfnRole", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": f"states.{REGIONS[code]}.{suffix}"},
            "Action": "sts:AssumeRole"}]}), opts=c.aws)  # fmt: skip
        aws.iam.RolePolicy(
            "sfnRolePolicy",
            role=sfn_role.id,
            policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": ["lambda:InvokeFunction"], "Resource": "*"}],
                }
            ),
            opts=c.aws,
        )
        fn = aws.lambda_.Function("helloWorldFunction", role=lambda_role.arn, runtime="python3.12",
                                  handler="hello.handler", code=HELLO, opts=c.aws)  # fmt: skip
        machine = aws.sfn.StateMachine("stateMachine", role_arn=sfn_role.arn, definition=fn.arn.apply(
            lambda arn: json.dumps({"Comment": "A Hello World example of the Amazon States Language using an AWS "
                                               "Lambda Function", "StartAt": "HelloWorld",
                                    "States": {"HelloWorld": {"Type": "Task", "Resource": arn, "End": True}}})),
            opts=c.aws)  # fmt: skip
        pulumi.export("state_machine_arn", machine.id)
        return machine

    return build


def fargate(code: str) -> Build:
    """examples/aws-py-fargate: nginx (Docker Hub) on Fargate behind an ALB in the default VPC."""

    def build(c: Any) -> object:
        cluster = aws.ecs.Cluster("cluster", opts=c.aws)
        group = aws.ec2.SecurityGroup("web-secgrp", vpc_id=DEFAULT_VPC, description="Enable HTTP access", ingress=[
            {"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]}],
            egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws)  # fmt: skip
        alb = aws.lb.LoadBalancer("app-lb", security_groups=[group.id], subnets=DEFAULT_SUBNETS, opts=c.aws)
        tg = aws.lb.TargetGroup("app-tg", port=80, protocol="HTTP", target_type="ip", vpc_id=DEFAULT_VPC, opts=c.aws)
        listener = aws.lb.Listener(
            "web",
            load_balancer_arn=alb.arn,
            port=80,
            default_actions=[{"type": "forward", "target_group_arn": tg.arn}],
            opts=c.aws,
        )
        role = aws.iam.Role("task-exec-role", assume_role_policy=_trust("ecs-tasks.amazonaws.com", "2008-10-17"),
                            opts=c.aws)  # fmt: skip
        aws.iam.RolePolicyAttachment(
            "task-exec-policy",
            role=role.name,
            policy_arn=_managed(code, "service-role/AmazonECSTaskExecutionRolePolicy"),
            opts=c.aws,
        )
        task = aws.ecs.TaskDefinition(
            "app-task", family="fargate-task-definition", cpu="256", memory="512", network_mode="awsvpc",
            requires_compatibilities=["FARGATE"], execution_role_arn=role.arn,
            container_definitions=json.dumps([{"name": "my-app", "image": "nginx", "portMappings": [
                {"containerPort": 80, "hostPort": 80, "protocol": "tcp"}]}]), opts=c.aws,
        )  # fmt: skip
        service = aws.ecs.Service(
            "app-svc", cluster=cluster.arn, desired_count=3, launch_type="FARGATE", task_definition=task.arn,
            network_configuration={"assign_public_ip": True, "subnets": DEFAULT_SUBNETS,
                                   "security_groups": [group.id]},
            load_balancers=[{"target_group_arn": tg.arn, "container_name": "my-app", "container_port": 80}],
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[listener]),
        )  # fmt: skip
        pulumi.export("url", alb.dns_name)
        return service

    return build


ECR_ACTIONS = ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability", "ecr:PutImage",
               "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:DescribeRepositories",
               "ecr:GetRepositoryPolicy", "ecr:ListImages", "ecr:DeleteRepository", "ecr:BatchDeleteImage",
               "ecr:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy"]  # fmt: skip


def resources(code: str) -> Build:
    """examples/aws-py-resources: one of many types (SNS, EventBridge, logs, alarms, DynamoDB, EIP, VPC, ECR with a
    repository policy to ``Principal: *``, ECS, IAM, Kinesis, SQS)."""

    def build(c: Any) -> object:
        logins = aws.sns.Topic("myloginstopic", opts=c.aws)
        rule = aws.cloudwatch.EventRule(
            "myeventrule", event_pattern=json.dumps({"detail-type": ["AWS Console Sign In via CloudTrail"]}), opts=c.aws
        )
        aws.cloudwatch.EventTarget("myeventtarget", rule=rule.name, target_id="SendToSNS", arn=logins.arn, opts=c.aws)
        group = aws.cloudwatch.LogGroup("myloggroup", opts=c.aws)
        aws.cloudwatch.LogMetricFilter("mylogmetricfilter", pattern="", log_group_name=group.name,
                                       metric_transformation={"name": "EventCount", "namespace": "YourNamespace",
                                                              "value": "1"}, opts=c.aws)  # fmt: skip
        aws.cloudwatch.LogStream("mylogstream", log_group_name=group.name, opts=c.aws)
        aws.cloudwatch.MetricAlarm("mymetricalarm", comparison_operator="GreaterThanOrEqualToThreshold",
                                   evaluation_periods=2, metric_name="CPUUtilization", namespace="AWS/EC2", period=120,
                                   statistic="Average", threshold=80,
                                   alarm_description="This metric monitors ec2 cpu utilization",
                                   opts=c.aws)  # fmt: skip
        aws.dynamodb.Table("mytable", attributes=[{"name": "Id", "type": "S"}], hash_key="Id", read_capacity=1,
                           write_capacity=1, opts=c.aws)  # fmt: skip
        aws.ec2.Eip("myeip", opts=c.aws)
        aws.ec2.SecurityGroup(
            "mysecuritygroup",
            ingress=[{"protocol": "tcp", "from_port": 80, "to_port": 80, "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws,
        )
        vpc = aws.ec2.Vpc("myvpc", cidr_block="10.0.0.0/16", opts=c.aws)
        igw = aws.ec2.InternetGateway("myinternetgateway", vpc_id=vpc.id, opts=c.aws)
        aws.ec2.RouteTable("myroutetable", routes=[{"cidr_block": "0.0.0.0/0", "gateway_id": igw.id}], vpc_id=vpc.id,
                           opts=c.aws)  # fmt: skip
        repository = aws.ecr.Repository("myrepository", opts=c.aws)
        aws.ecr.RepositoryPolicy("myrepositorypolicy", repository=repository.id, policy=json.dumps({
            "Version": "2012-10-17", "Statement": [{"Sid": "new policy", "Effect": "Allow", "Principal": "*",
                                                    "Action": ECR_ACTIONS}]}), opts=c.aws)  # fmt: skip
        aws.ecr.LifecyclePolicy("mylifecyclepolicy", repository=repository.id, policy=json.dumps({"rules": [{
            "rulePriority": 1, "description": "Expire images older than 14 days",
            "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days",
                          "countNumber": 14}, "action": {"type": "expire"}}]}), opts=c.aws)  # fmt: skip
        aws.ecs.Cluster("mycluster", opts=c.aws)
        role = aws.iam.Role("myrole", assume_role_policy=_trust("ec2.amazonaws.com"), opts=c.aws)
        describe = json.dumps({"Version": "2012-10-17", "Statement": [{"Action": ["ec2:Describe*"], "Effect": "Allow",
                                                                       "Resource": "*"}]})  # fmt: skip
        aws.iam.RolePolicy("myrolepolicy", role=role.id, policy=describe, opts=c.aws)
        policy = aws.iam.Policy("mypolicy", policy=describe, opts=c.aws)
        aws.iam.RolePolicyAttachment("myrolepolicyattachment", role=role.id, policy_arn=policy.arn, opts=c.aws)
        aws.iam.User("myuser", opts=c.aws)
        aws.iam.Group("mygroup", opts=c.aws)
        aws.kinesis.Stream("mystream", shard_count=1, opts=c.aws)
        queue = aws.sqs.Queue("myqueue", opts=c.aws)
        topic = aws.sns.Topic("mytopic", opts=c.aws)
        return aws.sns.TopicSubscription("mytopicsubscription", topic=topic.arn, protocol="sqs", endpoint=queue.arn,
                                         opts=c.aws)  # fmt: skip

    return build


def voting_app(code: str) -> Build:
    """examples/aws-py-voting-app: Redis (Docker Hub ``redis:alpine``) and a Flask image pushed to the stack's ECR
    repository, two Fargate services behind NLBs, the frontend given the Redis NLB's DNS name."""

    def build(c: Any) -> object:
        cluster = aws.ecs.Cluster("app-cluster", opts=c.aws)
        vpc = aws.ec2.Vpc("app-vpc", cidr_block="172.31.0.0/16", enable_dns_hostnames=True, opts=c.aws)
        subnet = aws.ec2.Subnet("app-vpc-subnet", cidr_block="172.31.32.0/20", vpc_id=vpc.id, opts=c.aws)
        gateway = aws.ec2.InternetGateway("app-gateway", vpc_id=vpc.id, opts=c.aws)
        table = aws.ec2.RouteTable("app-routetable", routes=[{"cidr_block": "0.0.0.0/0", "gateway_id": gateway.id}],
                                   vpc_id=vpc.id, opts=c.aws)  # fmt: skip
        aws.ec2.MainRouteTableAssociation("app_routetable_association", route_table_id=table.id, vpc_id=vpc.id,
                                          opts=c.aws)  # fmt: skip
        sg = aws.ec2.SecurityGroup("security-group", vpc_id=vpc.id, description="Enables HTTP access", ingress=[
            {"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}],
            egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws)  # fmt: skip
        exec_role = aws.iam.Role("app-exec-role", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicyAttachment(
            "app-exec-policy",
            role=exec_role.name,
            policy_arn=_managed(code, "service-role/AmazonECSTaskExecutionRolePolicy"),
            opts=c.aws,
        )
        task_role = aws.iam.Role("app-task-role", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicyAttachment("app-access-policy", role=task_role.name,
                                     policy_arn=_managed(code, "AmazonECS_FullAccess"), opts=c.aws)  # fmt: skip
        repo = aws.ecr.Repository("app-ecr-repo", image_tag_mutability="MUTABLE", opts=c.aws)
        aws.ecr.LifecyclePolicy("app-lifecycle-policy", repository=repo.name, policy=json.dumps({"rules": [{
            "rulePriority": 10, "description": "Remove untagged images", "selection": {
                "tagStatus": "untagged", "countType": "imageCountMoreThan", "countNumber": 1},
            "action": {"type": "expire"}}]}), opts=c.aws)  # fmt: skip

        def tier(name: str, port: int) -> tuple[aws.lb.LoadBalancer, aws.lb.TargetGroup, aws.lb.Listener]:
            tg = aws.lb.TargetGroup(f"{name}-targetgroup", port=port, protocol="TCP", target_type="ip",
                                    vpc_id=vpc.id, opts=c.aws)  # fmt: skip
            nlb = aws.lb.LoadBalancer(f"{name}-balancer", load_balancer_type="network", internal=False,
                                      security_groups=[], subnets=[subnet.id], opts=c.aws)  # fmt: skip
            listener = aws.lb.Listener(f"{name}-listener", load_balancer_arn=nlb.arn, port=port, protocol="TCP",
                                       default_actions=[{"type": "forward", "target_group_arn": tg.arn}],
                                       opts=c.aws)  # fmt: skip
            return nlb, tg, listener

        def service(name: str, tg: aws.lb.TargetGroup, listener: aws.lb.Listener, port: int, defs: Any) -> object:
            task = aws.ecs.TaskDefinition(
                f"{name}-task-definition", family=f"{name}-task-definition-family", cpu="256", memory="512",
                network_mode="awsvpc", requires_compatibilities=["FARGATE"], execution_role_arn=exec_role.arn,
                task_role_arn=task_role.arn, container_definitions=defs, opts=c.aws,
            )  # fmt: skip
            return aws.ecs.Service(
                f"{name}-service", cluster=cluster.arn, desired_count=1, launch_type="FARGATE",
                task_definition=task.arn, wait_for_steady_state=False,
                network_configuration={"assign_public_ip": True, "subnets": [subnet.id], "security_groups": [sg.id]},
                load_balancers=[{"target_group_arn": tg.arn, "container_name": f"{name}-container",
                                 "container_port": port}],
                opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[listener]),
            )  # fmt: skip

        redis_lb, redis_tg, redis_listener = tier("redis", 6379)
        service("redis", redis_tg, redis_listener, 6379, json.dumps([{
            "name": "redis-container", "image": "redis:alpine", "memory": 512, "essential": True,
            "portMappings": [{"containerPort": 6379, "hostPort": 6379, "protocol": "tcp"}],
            "command": ["redis-server", "--requirepass", "s3cr3t-redis"]}]))  # fmt: skip
        flask_lb, flask_tg, flask_listener = tier("flask", 80)
        flask = service("flask", flask_tg, flask_listener, 80, pulumi.Output.json_dumps([{
            "name": "flask-container", "image": repo.repository_url.apply(lambda url: f"{url}:latest"),
            "memory": 512, "essential": True,
            "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
            "environment": [{"name": "REDIS", "value": redis_lb.dns_name}, {"name": "REDIS_PORT", "value": "6379"},
                            {"name": "REDIS_PWD", "value": "s3cr3t-redis"}]}]))  # fmt: skip
        pulumi.export("app-url", flask_lb.dns_name)
        return flask

    return build


def redshift_glue_etl(code: str) -> Build:
    """examples/aws-py-redshift-glue-etl: a private Redshift cluster, an S3 gateway endpoint named from the
    ``aws:region`` config, a Glue crawler over an events bucket and a Glue job loading Redshift over JDBC."""

    def build(c: Any) -> object:
        region, p = REGIONS[code], _part(code)
        vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", enable_dns_hostnames=True, opts=c.aws)
        subnet = aws.ec2.Subnet("subnet", vpc_id=vpc.id, cidr_block="10.0.1.0/24", opts=c.aws)
        group = aws.redshift.SubnetGroup("subnet-group", subnet_ids=[subnet.id], opts=c.aws)
        redshift_role = aws.iam.Role("redshift-role", assume_role_policy=_trust("redshift.amazonaws.com"),
                                     managed_policy_arns=[_managed(code, "AmazonS3ReadOnlyAccess")],
                                     opts=c.aws)  # fmt: skip
        service = f"cn.com.amazonaws.{region}.s3" if code == "CN" else f"com.amazonaws.{region}.s3"
        aws.ec2.VpcEndpoint("s3-vpc-endpoint", vpc_id=vpc.id, service_name=service,
                            route_table_ids=[vpc.main_route_table_id], opts=c.aws)  # fmt: skip
        cluster = aws.redshift.Cluster(
            "cluster", cluster_identifier="my-redshift-cluster", database_name="dev", master_username="admin",
            master_password=pulumi.Output.secret("Sup3rS3cret!"), node_type="ra3.xlplus",
            cluster_subnet_group_name=group.name, cluster_type="single-node", publicly_accessible=False,
            skip_final_snapshot=True, vpc_security_group_ids=[vpc.default_security_group_id],
            iam_roles=[redshift_role.arn], opts=c.aws,
        )  # fmt: skip
        db = aws.glue.CatalogDatabase("glue-catalog-db", name="events_db", opts=c.aws)
        glue_role = aws.iam.Role("glue-role", assume_role_policy=_trust("glue.amazonaws.com"), managed_policy_arns=[
            _managed(code, "AmazonS3FullAccess"), f"arn:{p}:iam::aws:policy/service-role/AWSGlueServiceRole"],
            opts=c.aws)  # fmt: skip
        events = aws.s3.Bucket("events", force_destroy=True, opts=c.aws)
        aws.glue.Crawler(
            "glue-crawler",
            database_name=db.name,
            role=glue_role.arn,
            schedule="cron(0/15 * * * ? *)",
            s3_targets=[{"path": events.bucket.apply(lambda n: f"s3://{n}")}],
            opts=c.aws,
        )
        connection = aws.glue.Connection(
            "glue-redshift-connection", connection_type="JDBC",
            connection_properties={"JDBC_CONNECTION_URL": cluster.endpoint.apply(lambda e: f"jdbc:redshift://{e}/dev"),
                                   "USERNAME": "admin", "PASSWORD": pulumi.Output.secret("Sup3rS3cret!")},
            physical_connection_requirements={"security_group_id_lists": cluster.vpc_security_group_ids,
                                              "availability_zone": subnet.availability_zone,
                                              "subnet_id": subnet.id}, opts=c.aws,
        )  # fmt: skip
        job_bucket = aws.s3.Bucket("glue-job-bucket", force_destroy=True, opts=c.aws)
        aws.s3.BucketObject("glue-job.py", bucket=job_bucket.id, source=pulumi.StringAsset("import sys\n"), opts=c.aws)
        job = aws.glue.Job(
            "glue-job", role_arn=glue_role.arn, glue_version="3.0", connections=[connection.name],
            number_of_workers=10, worker_type="G.1X",
            default_arguments={
                "--job-bookmark-option": "job-bookmark-enable", "--ConnectionName": connection.name,
                "--GlueDBName": "events_db", "--GlueDBTableName": events.bucket.apply(lambda n: n.replace("-", "_")),
                "--RedshiftDBName": "dev", "--RedshiftDBTableName": "events", "--RedshiftRoleARN": redshift_role.arn,
                "--TempDir": job_bucket.bucket.apply(lambda n: f"s3://{n}/glue-job-temp"),
            },
            command={"script_location": job_bucket.bucket.apply(lambda n: f"s3://{n}/glue-job.py"),
                     "python_version": "3"}, opts=c.aws,
        )  # fmt: skip
        return aws.glue.Trigger("trigger", schedule="cron(0/15 * * * ? *)", type="SCHEDULED",
                                actions=[{"job_name": job.name}], opts=c.aws)  # fmt: skip

    return build


def wordpress_fargate_rds(code: str) -> Build:
    """examples/aws-py-wordpress-fargate-rds: a VPC, a private MySQL RDS instance and WordPress (Docker Hub) on
    Fargate behind an ALB, given the database's address through Outputs."""

    def build(c: Any) -> object:
        zones = ["ap-northeast-1a", "ap-northeast-1c"] if code == "JP" else [f"{REGIONS[code]}a", f"{REGIONS[code]}b"]
        vpc = aws.ec2.Vpc("wp-example-net-vpc", cidr_block="10.100.0.0/16", enable_dns_hostnames=True,
                          enable_dns_support=True, opts=c.aws)  # fmt: skip
        igw = aws.ec2.InternetGateway("wp-example-net-igw", vpc_id=vpc.id, opts=c.aws)
        table = aws.ec2.RouteTable(
            "wp-example-net-rt", vpc_id=vpc.id, routes=[{"cidr_block": "0.0.0.0/0", "gateway_id": igw.id}], opts=c.aws
        )
        subnets = []
        for i, zone in enumerate(zones):
            subnet = aws.ec2.Subnet(f"wp-example-net-subnet-{zone}", vpc_id=vpc.id, cidr_block=f"10.100.{i}.0/24",
                                    availability_zone=zone, map_public_ip_on_launch=True, opts=c.aws)  # fmt: skip
            aws.ec2.RouteTableAssociation(f"vpc-route-table-assoc-{zone}", route_table_id=table.id,
                                          subnet_id=subnet.id, opts=c.aws)  # fmt: skip
            subnets.append(subnet.id)
        rds_sg = aws.ec2.SecurityGroup("wp-example-net-rds-sg", vpc_id=vpc.id, ingress=[
            {"cidr_blocks": ["0.0.0.0/0"], "from_port": 3306, "to_port": 3306, "protocol": "tcp"}],
            egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws)  # fmt: skip
        fe_sg = aws.ec2.SecurityGroup("wp-example-net-fe-sg", vpc_id=vpc.id, ingress=[
            {"cidr_blocks": ["0.0.0.0/0"], "from_port": 80, "to_port": 80, "protocol": "tcp"}],
            egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}],
            opts=c.aws)  # fmt: skip
        sng = aws.rds.SubnetGroup("wp-example-be-sng", subnet_ids=subnets, opts=c.aws)
        db = aws.rds.Instance(
            "wp-example-be-rds", db_name="lampdb", allocated_storage=20, engine="mysql", engine_version="8.0",
            instance_class="db.t3.micro", storage_type="gp2", db_subnet_group_name=sng.id, username="admin",
            password=pulumi.Output.secret("Wp-Passw0rd_"), vpc_security_group_ids=[rds_sg.id],
            skip_final_snapshot=True, publicly_accessible=False, opts=c.aws,
        )  # fmt: skip
        cluster = aws.ecs.Cluster("wp-example-fe-ecs", opts=c.aws)
        alb = aws.lb.LoadBalancer("wp-example-fe-alb", security_groups=[fe_sg.id], subnets=subnets, opts=c.aws)
        tg = aws.lb.TargetGroup("wp-example-fe-app-tg", port=80, protocol="HTTP", target_type="ip", vpc_id=vpc.id,
                                health_check={"healthy_threshold": 2, "interval": 5, "timeout": 4, "protocol": "HTTP",
                                              "matcher": "200-399"}, opts=c.aws)  # fmt: skip
        listener = aws.lb.Listener(
            "wp-example-fe-listener",
            load_balancer_arn=alb.arn,
            port=80,
            default_actions=[{"type": "forward", "target_group_arn": tg.arn}],
            opts=c.aws,
        )
        role = aws.iam.Role(
            "wp-example-fe-task-role", assume_role_policy=_trust("ecs-tasks.amazonaws.com", "2008-10-17"), opts=c.aws
        )
        aws.iam.RolePolicyAttachment(
            "wp-example-fe-task-policy",
            role=role.name,
            policy_arn=_managed(code, "service-role/AmazonECSTaskExecutionRolePolicy"),
            opts=c.aws,
        )
        task = aws.ecs.TaskDefinition(
            "wp-example-fe-app-task", family="fargate-task-definition", cpu="256", memory="512",
            network_mode="awsvpc", requires_compatibilities=["FARGATE"], execution_role_arn=role.arn,
            container_definitions=pulumi.Output.json_dumps([{
                "name": "wp-example-fe-app-container", "image": "wordpress",
                "portMappings": [{"containerPort": 80, "hostPort": 80, "protocol": "tcp"}],
                "environment": [
                    {"name": "WORDPRESS_DB_HOST", "value": pulumi.Output.format("{0}:{1}", db.address, "3306")},
                    {"name": "WORDPRESS_DB_NAME", "value": db.db_name},
                    {"name": "WORDPRESS_DB_USER", "value": db.username},
                    {"name": "WORDPRESS_DB_PASSWORD", "value": db.password}]}]), opts=c.aws,
        )  # fmt: skip
        return aws.ecs.Service(
            "wp-example-fe-app-svc", cluster=cluster.arn, desired_count=1, launch_type="FARGATE",
            task_definition=task.arn,
            network_configuration={"assign_public_ip": True, "subnets": subnets, "security_groups": [fe_sg.id]},
            load_balancers=[{"target_group_arn": tg.arn, "container_name": "wp-example-fe-app-container",
                             "container_port": 80}],
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[listener]),
        )  # fmt: skip

    return build


def eks_cluster(code: str) -> Build:
    """examples/aws-py-eks: an EKS cluster with a public endpoint and a node group, one subnet per zone."""

    def build(c: Any) -> object:
        role = aws.iam.Role("eks-iam-role", assume_role_policy=_trust("eks.amazonaws.com"), opts=c.aws)
        for name in ("AmazonEKSServicePolicy", "AmazonEKSClusterPolicy"):
            aws.iam.RolePolicyAttachment(f"eks-{name}", role=role.id, policy_arn=_managed(code, name), opts=c.aws)
        ec2_role = aws.iam.Role("ec2-nodegroup-iam-role", assume_role_policy=_trust("ec2.amazonaws.com"), opts=c.aws)
        for name in ("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"):
            aws.iam.RolePolicyAttachment(f"ec2-{name}", role=ec2_role.id, policy_arn=_managed(code, name), opts=c.aws)
        vpc = aws.ec2.Vpc("eks-vpc", cidr_block="10.100.0.0/16", instance_tenancy="default", enable_dns_hostnames=True,
                          enable_dns_support=True, tags={"Name": "pulumi-eks-vpc"}, opts=c.aws)  # fmt: skip
        igw = aws.ec2.InternetGateway("vpc-ig", vpc_id=vpc.id, opts=c.aws)
        table = aws.ec2.RouteTable(
            "vpc-route-table", vpc_id=vpc.id, routes=[{"cidr_block": "0.0.0.0/0", "gateway_id": igw.id}], opts=c.aws
        )
        # aws.get_availability_zones().names, as the Region answers (a literal: a synchronous invoke through the
        # stack's explicit provider blocks under the mocks).
        zones = ["ap-northeast-1a", "ap-northeast-1c"] if code == "JP" else [f"{REGIONS[code]}a", f"{REGIONS[code]}b"]
        subnet_ids: list[pulumi.Output[str]] = []
        for zone in zones:
            subnet = aws.ec2.Subnet(f"vpc-subnet-{zone}", assign_ipv6_address_on_creation=False, vpc_id=vpc.id,
                                    map_public_ip_on_launch=True, cidr_block=f"10.100.{len(subnet_ids)}.0/24",
                                    availability_zone=zone, opts=c.aws)  # fmt: skip
            aws.ec2.RouteTableAssociation(f"vpc-route-table-assoc-{zone}", route_table_id=table.id,
                                          subnet_id=subnet.id, opts=c.aws)  # fmt: skip
            subnet_ids.append(subnet.id)
        sg = aws.ec2.SecurityGroup(
            "eks-cluster-sg",
            vpc_id=vpc.id,
            description="Allow all HTTP(s) traffic",
            ingress=[
                {"cidr_blocks": ["0.0.0.0/0"], "from_port": 443, "to_port": 443, "protocol": "tcp"},
                {"cidr_blocks": ["0.0.0.0/0"], "from_port": 80, "to_port": 80, "protocol": "tcp"},
            ],
            opts=c.aws,
        )
        cluster = aws.eks.Cluster("eks-cluster", role_arn=role.arn, tags={"Name": "pulumi-eks-cluster"},
                                  vpc_config={"public_access_cidrs": ["0.0.0.0/0"], "security_group_ids": [sg.id],
                                              "subnet_ids": subnet_ids}, opts=c.aws)  # fmt: skip
        return aws.eks.NodeGroup("eks-node-group", cluster_name=cluster.name, node_group_name="pulumi-eks-nodegroup",
                                 node_role_arn=ec2_role.arn, subnet_ids=subnet_ids,
                                 scaling_config={"desired_size": 2, "max_size": 2, "min_size": 1},
                                 opts=c.aws)  # fmt: skip

    return build


# -- pulumi/examples, TypeScript translated ---------------------------------------------------------------------------


def scheduled_function(code: str) -> Build:
    """examples/aws-ts-scheduled-function: ``aws.cloudwatch.onSchedule`` empties a trash bucket every Friday; the
    callback function as pulumi-aws's CallbackFunction makes it (role, function reading the bucket's name)."""

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("trash", opts=c.aws)
        role = aws.iam.Role("emptyTrash", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicyAttachment("emptyTrash-lambdaFullAccess", role=role.name,
                                     policy_arn=_managed(code, "AWSLambda_FullAccess"), opts=c.aws)  # fmt: skip
        fn = aws.lambda_.Function("emptyTrash", role=role.arn, runtime="nodejs20.x", handler="__index.handler",
                                  code=_archive("__index.js", "exports.handler = async () => {};\n"),
                                  environment={"variables": {"BUCKET": bucket.id}}, opts=c.aws)  # fmt: skip
        rule = aws.cloudwatch.EventRule("emptyTrash", schedule_expression="cron(0 23 ? * FRI *)", opts=c.aws)
        aws.cloudwatch.EventTarget("emptyTrash", rule=rule.name, arn=fn.arn, opts=c.aws)
        return aws.lambda_.Permission("emptyTrash", action="lambda:invokeFunction", function=fn.name,
                                      principal="events.amazonaws.com", source_arn=rule.arn, opts=c.aws)  # fmt: skip

    return build


def s3_lambda_copyzip(code: str) -> Build:
    """examples/aws-ts-s3-lambda-copyzip: ``tpsReports.onObjectCreated`` zips each new report into a second bucket."""

    def build(c: Any) -> object:
        reports = aws.s3.Bucket("tpsReports", opts=c.aws)
        zips = aws.s3.Bucket("tpsZips", opts=c.aws)
        role = aws.iam.Role("zipTpsReports", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicyAttachment("zipTpsReports-lambdaFullAccess", role=role.name,
                                     policy_arn=_managed(code, "AWSLambda_FullAccess"), opts=c.aws)  # fmt: skip
        fn = aws.lambda_.Function("zipTpsReports", role=role.arn, runtime="nodejs20.x", handler="__index.handler",
                                  code=_archive("__index.js", "exports.handler = async (e) => {};\n"),
                                  environment={"variables": {"ZIP_BUCKET": zips.bucket}}, opts=c.aws)  # fmt: skip
        permission = aws.lambda_.Permission("zipTpsReports", action="lambda:InvokeFunction", function=fn.name,
                                            principal="s3.amazonaws.com", source_arn=reports.arn,
                                            opts=c.aws)  # fmt: skip
        return aws.s3.BucketNotification(
            "zipTpsReports", bucket=reports.id,
            lambda_functions=[{"lambda_function_arn": fn.arn, "events": ["s3:ObjectCreated:*"]}],
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[permission]),
        )  # fmt: skip

    return build


def synthetics_canary(code: str) -> Build:
    """examples/aws-ts-synthetics-canary: a canary whose script is a versioned object and whose results go to a
    bucket (``artifact_s3_location = s3://<results bucket>``)."""

    def build(c: Any) -> object:
        results = aws.s3.Bucket("canary-results", force_destroy=True, opts=c.aws)
        role = aws.iam.Role("canary-exec-role", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicy("canary-exec-policy", role=role.id, policy=results.arn.apply(lambda arn: json.dumps({
            "Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": [f"{arn}/*"]},
                {"Effect": "Allow", "Action": ["s3:GetBucketLocation"], "Resource": [arn]},
                {"Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "xray:PutTraceSegments"], "Resource": ["*"]},
                {"Effect": "Allow", "Resource": "*", "Action": "cloudwatch:PutMetricData",
                 "Condition": {"StringEquals": {"cloudwatch:namespace": "CloudWatchSynthetics"}}},
                {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup"],
                 "Resource": [f"arn:{_part(code)}:logs:*:*:*"]}]})), opts=c.aws)  # fmt: skip
        scripts = aws.s3.Bucket("canary-scripts", opts=c.aws)
        versioning = aws.s3.BucketVersioning(
            "canary-scripts-versioning", bucket=scripts.id, versioning_configuration={"status": "Enabled"}, opts=c.aws
        )
        script = aws.s3.BucketObjectv2(
            "canary-script",
            bucket=versioning.bucket,
            source=_archive("nodejs/node_modules/index.js", "exports.handler = async () => {};\n"),
            opts=c.aws,
        )
        return aws.synthetics.Canary(
            "canary-simple", artifact_s3_location=pulumi.Output.concat("s3://", results.id),
            execution_role_arn=role.arn, handler="exports.handler", runtime_version="syn-nodejs-puppeteer-9.1",
            schedule={"expression": "rate(1 minute)"}, s3_bucket=scripts.id, s3_key=script.id,
            s3_version=script.version_id, start_canary=True, opts=c.aws,
        )  # fmt: skip

    return build


def thumbnailer(code: str) -> Build:
    """examples/aws-ts-thumbnailer: new ``.mp4`` objects start an ffmpeg Fargate task (image in the stack's ECR
    repository) that writes a ``.jpg`` back; new ``.jpg`` objects are logged."""

    def build(c: Any) -> object:
        cluster = aws.ecs.Cluster("default-cluster", opts=c.aws)
        bucket = aws.s3.Bucket("bucket", opts=c.aws)
        repo = aws.ecr.Repository("repo", force_delete=True, opts=c.aws)
        exec_role = aws.iam.Role("ffmpegThumbTask-execution", assume_role_policy=_trust("ecs-tasks.amazonaws.com"),
                                 opts=c.aws)  # fmt: skip
        aws.iam.RolePolicyAttachment(
            "ffmpegThumbTask-execution",
            role=exec_role.name,
            policy_arn=_managed(code, "service-role/AmazonECSTaskExecutionRolePolicy"),
            opts=c.aws,
        )
        task = aws.ecs.TaskDefinition(
            "ffmpegThumbTask", family="ffmpegThumbTask", cpu="256", memory="512", network_mode="awsvpc",
            requires_compatibilities=["FARGATE"], execution_role_arn=exec_role.arn,
            container_definitions=pulumi.Output.json_dumps([{"name": "container", "memoryReservation": 512,
                "image": repo.repository_url.apply(lambda u: f"{u}:ffmpeg")}]),
            opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("onNewVideo", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        for name in ("AWSLambdaExecute", "AmazonECS_FullAccess"):
            aws.iam.RolePolicyAttachment(f"onNewVideo-{name}", role=role.name, policy_arn=_managed(code, name),
                                         opts=c.aws)  # fmt: skip
        video = aws.lambda_.Function(
            "onNewVideo", role=role.arn, runtime="nodejs20.x", handler="__index.handler",
            code=_archive("__index.js", "exports.handler = async (e) => {};\n"),
            environment={"variables": {"S3_BUCKET": bucket.id, "CLUSTER": cluster.arn, "TASK": task.arn}},
            opts=c.aws,
        )  # fmt: skip
        thumb = aws.lambda_.Function(
            "onNewThumbnail",
            role=role.arn,
            runtime="nodejs20.x",
            handler="__index.handler",
            code=_archive("__index.js", "exports.handler = async (e) => {};\n"),
            opts=c.aws,
        )
        perms = [aws.lambda_.Permission(name, action="lambda:InvokeFunction", function=fn.name,
                                        principal="s3.amazonaws.com", source_arn=bucket.arn, opts=c.aws)
                 for name, fn in (("onNewVideo", video), ("onNewThumbnail", thumb))]  # fmt: skip
        return aws.s3.BucketNotification(
            "onNewVideo", bucket=bucket.id, lambda_functions=[
                {"lambda_function_arn": video.arn, "events": ["s3:ObjectCreated:*"], "filter_suffix": ".mp4"},
                {"lambda_function_arn": thumb.arn, "events": ["s3:ObjectCreated:*"], "filter_suffix": ".jpg"}],
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=perms),
        )  # fmt: skip

    return build


def alicloud_ecs(code: str) -> Build:
    """examples/alicloud-ts-ecs: a resource group, a VPC, a vSwitch, a security group and a pay-as-you-go ECS
    instance with public bandwidth."""

    def build(c: Any) -> object:
        zone = f"{ALI_REGIONS[code]}-b" if code == "CN" else f"{ALI_REGIONS[code]}a"
        rg = alicloud.resourcemanager.ResourceGroup("pulumiDeployment", display_name="Pulumi Example RG",
                                                    resource_group_name="pulumiDeployment", opts=c.ali)  # fmt: skip
        vpc = alicloud.vpc.Network("pulumiExampleVpc", description="Pulumi Example VPC.", resource_group_id=rg.id,
                                   cidr_block="172.16.0.0/12", opts=c.ali)  # fmt: skip
        switch = alicloud.vpc.Switch("pulumiExampleSubnet", zone_id=zone, cidr_block="172.20.112.0/20",
                                     description="System created default virtual switch.", vpc_id=vpc.id,
                                     opts=c.ali)  # fmt: skip
        sg = alicloud.ecs.SecurityGroup("pulumiExampleSg", description="System created security group.",
                                        inner_access_policy="Accept", vpc_id=vpc.id, opts=c.ali)  # fmt: skip
        instance = alicloud.ecs.Instance(
            "pulumiExampleInstance", availability_zone=zone, credit_specification="Standard",
            image_id="aliyun_3_x64_20G_alibase_20220527.vhd", instance_charge_type="PostPaid",
            instance_type="ecs.t6-c2m1.large", internet_charge_type="PayByTraffic", internet_max_bandwidth_out=25,
            resource_group_id=rg.id, security_groups=[sg.id], spot_strategy="NoSpot", status="Running",
            stopped_mode="StopCharging", system_disk_category="cloud_essd", system_disk_performance_level="PL0",
            tags={"company": "pulumi"}, volume_tags={"company": "pulumi"}, vswitch_id=switch.id, opts=c.ali,
        )  # fmt: skip
        pulumi.export("publicIp", instance.public_ip)
        return instance

    return build


# -- the table --------------------------------------------------------------------------------------------------------

PROGRAMS: dict[str, Callable[[str], Build]] = {
    "aws-python": aws_python,
    "alicloud-python": alicloud_python,
    "static-website": static_website,
    "serverless-template": serverless_template,
    "container-template": container_template,
    "vm-template": vm_template,
    "kubernetes-template": kubernetes_template,
    "apigateway-lambda-serverless": apigateway_lambda_serverless,
    "apigatewayv2-eventbridge": apigatewayv2_eventbridge,
    "http-api-quickcreate": http_api_quickcreate,
    "appsync": appsync,
    "s3-folder": s3_folder,
    "secrets-manager": secrets_manager,
    "serverless-raw": serverless_raw,
    "webserver": webserver,
    "stepfunctions": stepfunctions,
    "fargate": fargate,
    "resources": resources,
    "voting-app": voting_app,
    "redshift-glue-etl": redshift_glue_etl,
    "wordpress-fargate-rds": wordpress_fargate_rds,
    "eks": eks_cluster,
    "scheduled-function": scheduled_function,
    "s3-lambda-copyzip": s3_lambda_copyzip,
    "synthetics-canary": synthetics_canary,
    "thumbnailer": thumbnailer,
    "alicloud-ecs": alicloud_ecs,
}
STACKS: dict[str, tuple[str, ...]] = {
    # Each program once per stack where it fits: the AWS ones rotate over the five stacks (CN last, with the
    # partition port), the Alibaba ones run in CN and one foreign stack.
    "aws-python": ("EU", "CN"),
    "alicloud-python": ("CN", "DE"),
    "static-website": ("EU", "CN"),
    "serverless-template": ("DE",),
    "container-template": ("JP", "CN"),
    "vm-template": ("US", "DE"),
    "kubernetes-template": ("EU", "CN"),
    "apigateway-lambda-serverless": ("JP",),
    "apigatewayv2-eventbridge": ("US", "CN"),
    "http-api-quickcreate": ("EU", "JP"),
    "appsync": ("DE", "CN"),
    "s3-folder": ("JP",),
    "secrets-manager": ("US", "CN"),
    "serverless-raw": ("EU",),
    "webserver": ("DE", "CN"),
    "stepfunctions": ("JP", "CN"),
    "fargate": ("US", "CN"),
    "resources": ("EU", "CN"),
    "voting-app": ("DE",),
    "redshift-glue-etl": ("JP", "CN"),
    "wordpress-fargate-rds": ("US", "CN"),
    "eks": ("EU", "CN"),
    "scheduled-function": ("DE", "CN"),
    "s3-lambda-copyzip": ("JP", "CN"),
    "synthetics-canary": ("US", "CN"),
    "thumbnailer": ("EU", "CN"),
    "alicloud-ecs": ("CN", "JP"),
}


REFUSED: dict[tuple[str, str], str] = {
    # Genuine refusals, each kept with its declared twin (`-declared`): the example really publishes or sends abroad.
    # CloudFront outside aws-cn serves from edge locations worldwide (RES-016, `aws-cloudfront`).
    ("static-website", "EU"): "RES-016",
    # A bucket policy granting s3:GetObject to `*`: a public website (RES-024).
    ("s3-folder", "JP"): "RES-024",
    # An ECR repository policy granting pull AND push / delete to `*` (RES-024): anyone may read the images.
    ("resources", "EU"): "RES-024",
    ("resources", "CN"): "RES-024",
    # A REST API given an OpenAPI body and no endpoint type: API Gateway makes it edge-optimised, CloudFront edge
    # locations worldwide (RES-016, `aws-apigateway-edge`; passed before stop 39, the body exempting it). The
    # `-regional` twin is the fix the message gives (endpoint_configuration REGIONAL).
    ("serverless-template", "DE"): "RES-016",
    ("apigateway-lambda-serverless", "JP"): "RES-016",
    ("serverless-raw", "EU"): "RES-016",
}
REGIONAL: dict[str, Callable[[str, bool], Build]] = {
    "serverless-template": serverless_template,
    "apigateway-lambda-serverless": apigateway_lambda_serverless,
    "serverless-raw": serverless_raw,
}
"""The programs whose REST API takes `endpoint_configuration = REGIONAL` in their `-regional` twin."""
_CLOUDFRONT_DECLARED = {
    "id": "site-cdn", "kind": "transfer", "match": "aws-cloudfront", "destination": "US",
    "data_classes": ["owner_personal_data"], "basis": "scc",
    "reference": "DPIA-EU-2026-044 (static site, PriceClass_100)",
    "approved_by": "dpo@example.eu", "expires": "2099-12-31",
}  # fmt: skip


def _public(name: str) -> dict[str, Any]:
    # The one line RES-024's message gives (docs/residency.md, "Grants to everyone").
    return {"id": f"public-{name}", "kind": "resident", "match": f"public:{name}",
            "evidence": "public website content / public images, no personal data"}  # fmt: skip


def _edge_api(code: str) -> dict[str, Any]:
    # The edge-optimised endpoint declared as a transfer, under a basis the jurisdiction accepts.
    basis = {"EU": "scc", "DE": "scc"}.get(code, "documented-assessment")
    return {
        "id": f"api-edge-{code.lower()}", "kind": "transfer", "match": "aws-apigateway-edge",
        "destination": "worldwide",
        "data_classes": ["owner_personal_data"], "basis": basis, "reference": f"TIA-{code}-2026-051 (REST API, EDGE)",
        "approved_by": "dpo@example.eu", "expires": "2099-12-31",
    }  # fmt: skip


DECLARED: dict[str, Callable[[str], dict[str, Any]]] = {
    "static-website": lambda code: _CLOUDFRONT_DECLARED,
    "s3-folder": lambda code: _public("bucket-policy"),
    "resources": lambda code: _public("myrepositorypolicy"),
    "serverless-template": _edge_api,
    "apigateway-lambda-serverless": _edge_api,
    "serverless-raw": _edge_api,
}


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for name, program in PROGRAMS.items():
        for code in STACKS[name]:
            refused = REFUSED.get((name, code))
            yield f"falsealarm21-{code.lower()}-{name}", code, program(code), {refused} if refused else set(), []
            if refused:
                yield (f"falsealarm21-{code.lower()}-{name}-declared", code, program(code), set(),
                       [DECLARED[name](code)])  # fmt: skip
            if name in REGIONAL:
                yield f"falsealarm21-{code.lower()}-{name}-regional", code, REGIONAL[name](code, True), set(), []
