"""An EV maker's ordinary, fully in-country platform programs, written from the provider documentation.

Each builder is what a platform engineer writes from the Pulumi registry examples (pulumi-aws v7, pulumi-alicloud)
and the AWS / Alibaba Cloud architecture docs: a few resources wired together through their outputs, in one
jurisdiction's regions. None sends data out of the country, so every front door must accept every one of them
(issue 9: "No false alarms for ordinary in-country programs"). tests/test_realistic_programs.py runs them as CASES.

A builder takes the harness's ``Ctx`` (``c.aws`` / ``c.ali``: the jurisdiction's home-region provider options);
``_aws(region)`` / ``_ali(region)`` give a second region of the same jurisdiction.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import DEPLOYER as ALI_DEPLOYER
from platform_parts import Build

CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})


def _aws(region: str) -> pulumi.ResourceOptions:
    # A team's own stack pins its account (the mocks' caller identity): a grant to it is the stack's own (RES-023).
    return pulumi.ResourceOptions(
        provider=aws.Provider(f"aws-{region}", region=region, allowed_account_ids=["123456789012"])
    )


def _ali(region: str, *, own_account: bool = False) -> pulumi.ResourceOptions:
    # `own_account`: the provider deploys as the team's deployment role (the mocks' account), so a policy granting that
    # account is the stack's own (RES-023 on Alibaba Cloud, stop 36).
    role = alicloud.ProviderAssumeRoleArgs(role_arn=ALI_DEPLOYER) if own_account else None
    return pulumi.ResourceOptions(provider=alicloud.Provider(f"ali-{region}", region=region, assume_role=role))


def assuming_role(build: Build, role: str = ALI_DEPLOYER) -> Build:
    """``build`` with the table's Alibaba Cloud provider (``Ctx.ali``) assuming the team's deployment ``role``: what
    the program writes into a resource of that role's account (an MNS queue's, an SLS project's ARN) is then the stack's
    own (RES-023 judges an Alibaba Cloud destination's account whatever the provider since stop 40; the one-line fix of
    a program that wrote into its own account under a provider assuming no role)."""

    def program(c: Any) -> object:
        c.ali_role = role
        return build(c)

    return program


def _trust(service: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
        }
    )


def _ram_trust(service: str) -> str:
    return json.dumps(
        {
            "Version": "1",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": [service]}, "Action": "sts:AssumeRole"}],
        }
    )


def _policy(statements: list[dict[str, Any]]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def _function(name: str, opts: pulumi.ResourceOptions, env: dict[str, Any] | None = None, **kw: Any) -> Any:
    role = aws.iam.Role(f"{name}-role", assume_role_policy=_trust("lambda.amazonaws.com"), opts=opts)
    aws.iam.RolePolicyAttachment(
        f"{name}-basic", role=role.name,
        policy_arn=role.arn.apply(
            lambda a: f"arn:{a.split(':')[1]}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
        ),
        opts=opts,
    )  # fmt: skip
    extra: dict[str, Any] = {"environment": {"variables": env}} if env else {}
    return aws.lambda_.Function(
        name, role=role.arn, runtime="python3.12", handler="index.handler", code=CODE, opts=opts, **extra, **kw
    )


# -- telemetry ingest --------------------------------------------------------------------------------------------


def iot_kinesis_firehose_s3(region: str | None = None) -> Build:
    # docs: iot/topicrule (kinesis action), kinesis/stream, kinesis/firehosedeliverystream (kinesis source, extended
    # S3 destination with dynamic partitioning prefix), the Firehose role scoped with aws:SourceAccount.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
        raw = aws.s3.Bucket("telemetry-raw", opts=opts)
        stream = aws.kinesis.Stream(
            "vehicle-telemetry", stream_mode_details={"stream_mode": "ON_DEMAND"}, retention_period=48,
            encryption_type="KMS", kms_key_id="alias/aws/kinesis", opts=opts,
        )  # fmt: skip
        firehose_role = aws.iam.Role(
            "firehose-role",
            assume_role_policy=ident.account_id.apply(
                lambda acct: _policy(
                    [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "firehose.amazonaws.com"},
                            "Action": "sts:AssumeRole",
                            "Condition": {"StringEquals": {"sts:ExternalId": acct}},
                        }
                    ]
                )
            ),
            opts=opts,
        )
        aws.iam.RolePolicy(
            "firehose-access", role=firehose_role.id,
            policy=pulumi.Output.all(raw.arn, stream.arn).apply(
                lambda a: _policy(
                    [
                        {"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetBucketLocation", "s3:ListBucket"],
                         "Resource": [a[0], f"{a[0]}/*"]},
                        {"Effect": "Allow", "Action": ["kinesis:DescribeStream", "kinesis:GetShardIterator",
                                                       "kinesis:GetRecords"], "Resource": a[1]},
                    ]
                )
            ),
            opts=opts,
        )  # fmt: skip
        aws.kinesis.FirehoseDeliveryStream(
            "telemetry-to-s3", destination="extended_s3",
            kinesis_source_configuration={"kinesis_stream_arn": stream.arn, "role_arn": firehose_role.arn},
            extended_s3_configuration={
                "role_arn": firehose_role.arn, "bucket_arn": raw.arn, "buffering_size": 64, "buffering_interval": 60,
                "prefix": "vin=!{partitionKeyFromQuery:vin}/dt=!{timestamp:yyyy-MM-dd}/",
                "error_output_prefix": "errors/!{firehose:error-output-type}/",
                "dynamic_partitioning_configuration": {"enabled": True},
                "processing_configuration": {
                    "enabled": True,
                    "processors": [
                        {"type": "MetadataExtraction", "parameters": [
                            {"parameter_name": "JsonParsingEngine", "parameter_value": "JQ-1.6"},
                            {"parameter_name": "MetadataExtractionQuery", "parameter_value": "{vin:.vin}"},
                        ]}
                    ],
                },
            },
            opts=opts,
        )  # fmt: skip
        iot_role = aws.iam.Role("iot-rule-role", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        aws.iam.RolePolicy(
            "iot-put-records", role=iot_role.id,
            policy=stream.arn.apply(lambda arn: _policy([{"Effect": "Allow", "Action": "kinesis:PutRecord",
                                                           "Resource": arn}])),
            opts=opts,
        )  # fmt: skip
        return aws.iot.TopicRule(
            "vehicle-telemetry", enabled=True, sql="SELECT *, topic(3) AS vin FROM 'fleet/telemetry/+'",
            sql_version="2016-03-23",
            kineses=[{"stream_name": stream.name, "role_arn": iot_role.arn, "partition_key": "${topic(3)}"}],
            opts=opts,
        )  # fmt: skip

    return build


def iot_timestream_dynamodb(region: str | None = None) -> Build:
    # docs: iot/topicrule (timestream and dynamodbv2 actions, error action to CloudWatch Logs), timestreamwrite.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        db = aws.timestreamwrite.Database("fleet", database_name="fleet", opts=opts)
        table = aws.timestreamwrite.Table(
            "battery", database_name=db.database_name, table_name="battery",
            retention_properties={"memory_store_retention_period_in_hours": 24,
                                  "magnetic_store_retention_period_in_days": 365},
            opts=opts,
        )  # fmt: skip
        state = aws.dynamodb.Table(
            "vehicle-state", billing_mode="PAY_PER_REQUEST", hash_key="vin",
            attributes=[{"name": "vin", "type": "S"}], point_in_time_recovery={"enabled": True},
            server_side_encryption={"enabled": True}, opts=opts,
        )  # fmt: skip
        errors = aws.cloudwatch.LogGroup("iot-rule-errors", retention_in_days=30, opts=opts)
        role = aws.iam.Role("iot-rule-role", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        aws.iam.RolePolicy(
            "iot-rule-access", role=role.id,
            policy=pulumi.Output.all(table.arn, state.arn, errors.arn).apply(
                lambda a: _policy(
                    [
                        {"Effect": "Allow", "Action": "timestream:WriteRecords", "Resource": a[0]},
                        {"Effect": "Allow", "Action": "timestream:DescribeEndpoints", "Resource": "*"},
                        {"Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": a[1]},
                        {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                         "Resource": f"{a[2]}:*"},
                    ]
                )
            ),
            opts=opts,
        )  # fmt: skip
        return aws.iot.TopicRule(
            "battery-metrics", enabled=True, sql_version="2016-03-23",
            sql="SELECT soc, cell_temp, pack_voltage FROM 'fleet/+/battery'",
            timestreams=[{
                "database_name": db.database_name, "table_name": table.table_name, "role_arn": role.arn,
                "dimensions": [{"name": "vin", "value": "${topic(2)}"}],
                "timestamp": {"unit": "MILLISECONDS", "value": "${timestamp()}"},
            }],
            dynamodbv2s=[{"role_arn": role.arn, "put_item": {"table_name": state.name}}],
            error_action={"cloudwatch_logs": {"log_group_name": errors.name, "role_arn": role.arn}},
            opts=opts,
        )  # fmt: skip

    return build


# -- APIs --------------------------------------------------------------------------------------------------------


def http_api_lambda(region: str | None = None) -> Build:
    # docs: apigatewayv2/api (HTTP), integration (AWS_PROXY), route, stage with access logs, lambda/permission with
    # source_arn "${execution_arn}/*/*" as the registry example shows.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        fn = _function("charging-sessions", opts, {"TABLE": "charging-sessions", "POWERTOOLS_SERVICE_NAME": "charging"})
        api = aws.apigatewayv2.Api(
            "charging", protocol_type="HTTP",
            cors_configuration={"allow_methods": ["GET", "POST"], "allow_origins": ["https://app.example.com"]},
            opts=opts,
        )  # fmt: skip
        integration = aws.apigatewayv2.Integration(
            "charging-fn", api_id=api.id, integration_type="AWS_PROXY", integration_uri=fn.invoke_arn,
            payload_format_version="2.0", opts=opts,
        )  # fmt: skip
        aws.apigatewayv2.Route(
            "post-session", api_id=api.id, route_key="POST /sessions",
            target=integration.id.apply(lambda i: f"integrations/{i}"), opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("charging-api-access", retention_in_days=90, opts=opts)
        aws.apigatewayv2.Stage(
            "default", api_id=api.id, name="$default", auto_deploy=True,
            access_log_settings={
                "destination_arn": logs.arn,
                "format": json.dumps({"requestId": "$context.requestId", "ip": "$context.identity.sourceIp",
                                      "status": "$context.status", "route": "$context.routeKey"}),
            },
            opts=opts,
        )  # fmt: skip
        return aws.lambda_.Permission(
            "api-invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=api.execution_arn.apply(lambda arn: f"{arn}/*/*"), opts=opts,
        )  # fmt: skip

    return build


def rest_api_regional_waf(region: str | None = None) -> Build:
    # docs: apigateway/restapi (REGIONAL endpoint), resource, method, integration, deployment, stage; wafv2/webacl
    # (REGIONAL scope, AWS managed rule group) and wafv2/webaclassociation on the stage ARN.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        fn = _function("vehicle-api", opts, {"STAGE": "prod"})
        api = aws.apigateway.RestApi("vehicle-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        resource = aws.apigateway.Resource(
            "vehicles", rest_api=api.id, parent_id=api.root_resource_id, path_part="vehicles", opts=opts
        )
        method = aws.apigateway.Method(
            "get-vehicles", rest_api=api.id, resource_id=resource.id, http_method="GET", authorization="AWS_IAM",
            opts=opts,
        )  # fmt: skip
        integration = aws.apigateway.Integration(
            "get-vehicles", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST", type="AWS_PROXY", uri=fn.invoke_arn, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "vehicle-api", rest_api=api.id, opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                depends_on=[integration])),
        )  # fmt: skip
        stage = aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod", opts=opts)
        aws.lambda_.Permission(
            "api-invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=api.execution_arn.apply(lambda arn: f"{arn}/*/GET/vehicles"), opts=opts,
        )  # fmt: skip
        acl = aws.wafv2.WebAcl(
            "vehicle-api", scope="REGIONAL", default_action={"allow": {}},
            rules=[{
                "name": "common", "priority": 1, "override_action": {"none": {}},
                "statement": {"managed_rule_group_statement": {"name": "AWSManagedRulesCommonRuleSet",
                                                              "vendor_name": "AWS"}},
                "visibility_config": {"cloudwatch_metrics_enabled": True, "metric_name": "common",
                                      "sampled_requests_enabled": True},
            }],
            visibility_config={"cloudwatch_metrics_enabled": True, "metric_name": "vehicle-api",
                               "sampled_requests_enabled": True},
            opts=opts,
        )  # fmt: skip
        return aws.wafv2.WebAclAssociation("vehicle-api", resource_arn=stage.arn, web_acl_arn=acl.arn, opts=opts)

    return build


def alb_fargate_from_own_ecr(region: str | None = None) -> Build:
    # docs: ecr/repository + lifecyclepolicy, ecs/cluster, ecs/taskdefinition (awslogs driver to the stack's log
    # group in its region, image from the stack's own repository), lb/loadbalancer, targetgroup (ip), listener,
    # ecs/service with load_balancers.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        repo = aws.ecr.Repository(
            "fleet-api", image_tag_mutability="IMMUTABLE", image_scanning_configuration={"scan_on_push": True},
            opts=opts,
        )  # fmt: skip
        aws.ecr.LifecyclePolicy(
            "fleet-api", repository=repo.name,
            policy=json.dumps({"rules": [{"rulePriority": 1, "description": "keep 30 images",
                                          "selection": {"tagStatus": "any", "countType": "imageCountMoreThan",
                                                        "countNumber": 30},
                                          "action": {"type": "expire"}}]}),
            opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("/ecs/fleet-api", retention_in_days=30, opts=opts)
        execution = aws.iam.Role("task-execution", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        cluster = aws.ecs.Cluster("fleet", settings=[{"name": "containerInsights", "value": "enabled"}], opts=opts)
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        task = aws.ecs.TaskDefinition(
            "fleet-api", family="fleet-api", cpu="512", memory="1024", network_mode="awsvpc",
            requires_compatibilities=["FARGATE"], execution_role_arn=execution.arn,
            container_definitions=pulumi.Output.all(repo.repository_url, logs.name, region_name).apply(
                lambda a: json.dumps([{
                    "name": "api", "image": f"{a[0]}:1.4.2", "essential": True,
                    "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
                    "environment": [{"name": "AWS_REGION", "value": a[2]}],
                    "logConfiguration": {"logDriver": "awslogs", "options": {
                        "awslogs-group": a[1], "awslogs-region": a[2], "awslogs-stream-prefix": "api"}},
                }])
            ),
            opts=opts,
        )  # fmt: skip
        alb = aws.lb.LoadBalancer(
            "fleet-api", load_balancer_type="application", internal=False, subnets=["subnet-a", "subnet-b"],
            security_groups=["sg-alb"], opts=opts,
        )  # fmt: skip
        tg = aws.lb.TargetGroup(
            "fleet-api", port=8080, protocol="HTTP", target_type="ip", vpc_id="vpc-1",
            health_check={"path": "/healthz", "matcher": "200"}, opts=opts,
        )  # fmt: skip
        listener = aws.lb.Listener(
            "https", load_balancer_arn=alb.arn, port=443, protocol="HTTPS",
            ssl_policy="ELBSecurityPolicy-TLS13-1-2-2021-06", certificate_arn=alb.arn.apply(
                lambda a: ":".join(a.split(":")[:5]).replace(":elasticloadbalancing:", ":acm:")
                + ":certificate/0f4c1a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b"),
            default_actions=[{"type": "forward", "target_group_arn": tg.arn}], opts=opts,
        )  # fmt: skip
        return aws.ecs.Service(
            "fleet-api", cluster=cluster.arn, task_definition=task.arn, desired_count=2, launch_type="FARGATE",
            network_configuration={"subnets": ["subnet-a", "subnet-b"], "security_groups": ["sg-task"]},
            load_balancers=[{"target_group_arn": tg.arn, "container_name": "api", "container_port": 8080}],
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[listener])),
        )  # fmt: skip

    return build


def firelens_to_cloudwatch(region: str, fluent_bit_account: str) -> Build:
    # docs: ECS FireLens ("Using the AWS for Fluent Bit image", China regions pull it from the regional ECR of AWS's
    # account in that region) with the cloudwatch_logs output plugin to the stack's log group in its own region.
    def build(c: Any) -> object:
        opts = _aws(region)
        repo = aws.ecr.Repository("ota-worker", opts=opts)
        logs = aws.cloudwatch.LogGroup("/ecs/ota-worker", retention_in_days=180, opts=opts)
        execution = aws.iam.Role("task-execution", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        task_role = aws.iam.Role("task", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        dns = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
        return aws.ecs.TaskDefinition(
            "ota-worker", family="ota-worker", cpu="256", memory="512", network_mode="awsvpc",
            requires_compatibilities=["FARGATE"], execution_role_arn=execution.arn, task_role_arn=task_role.arn,
            container_definitions=pulumi.Output.all(repo.repository_url, logs.name).apply(
                lambda a: json.dumps([
                    {"name": "log_router", "essential": True,
                     "image": f"{fluent_bit_account}.dkr.ecr.{region}.{dns}/aws-for-fluent-bit:stable",
                     "firelensConfiguration": {"type": "fluentbit"}},
                    {"name": "worker", "essential": True, "image": f"{a[0]}:2026.11",
                     "logConfiguration": {"logDriver": "awsfirelens", "options": {
                         "Name": "cloudwatch_logs", "region": region, "log_group_name": a[1],
                         "log_stream_prefix": "worker/", "auto_create_group": "false"}}},
                ])
            ),
            opts=opts,
        )  # fmt: skip

    return build


def eks_irsa(region: str | None = None) -> Build:
    # docs: eks/cluster, iam/openidconnectprovider from cluster.identities[0].oidcs[0].issuer, an IRSA role trusting
    # the provider with "<issuer>:sub" / ":aud" conditions (EKS user guide "Assign IAM roles to service accounts").
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        cluster_role = aws.iam.Role("eks-cluster", assume_role_policy=_trust("eks.amazonaws.com"), opts=opts)
        cluster = aws.eks.Cluster(
            "fleet", role_arn=cluster_role.arn, version="1.31",
            vpc_config={"subnet_ids": ["subnet-a", "subnet-b"], "endpoint_private_access": True,
                        "endpoint_public_access": False},
            opts=opts,
        )  # fmt: skip
        issuer = cluster.identities.apply(lambda ids: ids[0]["oidcs"][0]["issuer"] if ids else "")
        oidc = aws.iam.OpenIdConnectProvider("fleet-oidc", url=issuer, client_id_lists=["sts.amazonaws.com"], opts=opts)
        role = aws.iam.Role(
            "telemetry-reader",
            assume_role_policy=pulumi.Output.all(oidc.arn, oidc.url).apply(
                lambda a: _policy([{
                    "Effect": "Allow", "Principal": {"Federated": a[0]}, "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {"StringEquals": {
                        f"{a[1].removeprefix('https://')}:sub": "system:serviceaccount:telemetry:reader",
                        f"{a[1].removeprefix('https://')}:aud": "sts.amazonaws.com",
                    }},
                }])
            ),
            opts=opts,
        )  # fmt: skip
        return aws.iam.RolePolicy(
            "telemetry-reader", role=role.id,
            policy=_policy([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
                             "Resource": ["arn:*:s3:::fleet-telemetry-*", "arn:*:s3:::fleet-telemetry-*/*"],
                             "Condition": {"StringEquals": {"aws:ResourceAccount": "${aws:PrincipalAccount}"}}}]),
            opts=opts,
        )  # fmt: skip

    return build


# -- identity --------------------------------------------------------------------------------------------------


def cognito_pool(region: str | None = None) -> Build:
    # docs: cognito/userpool, userpoolclient (code grant; callbacks on the stack's own API Gateway stage),
    # userpooldomain (Cognito prefix domain), an HTTP API JWT authorizer trusting the pool's issuer.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        pool = aws.cognito.UserPool(
            "drivers", username_attributes=["email"], auto_verified_attributes=["email"], mfa_configuration="OPTIONAL",
            software_token_mfa_configuration={"enabled": True},
            password_policy={"minimum_length": 12, "require_symbols": True},
            opts=opts,
        )  # fmt: skip
        aws.cognito.UserPoolDomain("drivers", domain="ev-drivers-auth", user_pool_id=pool.id, opts=opts)
        api = aws.apigatewayv2.Api("driver-app", protocol_type="HTTP", opts=opts)
        client = aws.cognito.UserPoolClient(
            "driver-app", user_pool_id=pool.id, generate_secret=False,
            allowed_oauth_flows=["code"], allowed_oauth_flows_user_pool_client=True,
            allowed_oauth_scopes=["openid", "email", "profile"], supported_identity_providers=["COGNITO"],
            callback_urls=[api.api_endpoint.apply(lambda e: f"{e}/auth/callback")],
            logout_urls=[api.api_endpoint.apply(lambda e: f"{e}/")],
            opts=opts,
        )  # fmt: skip
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        return aws.apigatewayv2.Authorizer(
            "drivers-jwt", api_id=api.id, authorizer_type="JWT", identity_sources=["$request.header.Authorization"],
            jwt_configuration={
                "audiences": [client.id],
                "issuer": pulumi.Output.all(region_name, pool.id).apply(
                    lambda a: f"https://cognito-idp.{a[0]}.amazonaws.com/{a[1]}"),
            },
            opts=opts,
        )  # fmt: skip

    return build


# -- data -------------------------------------------------------------------------------------------------------


def aurora_with_proxy(region: str | None = None, *, via_suffix: str | None = None) -> Build:
    # docs: rds/cluster (manage_master_user_password, KMS), clusterinstance, rds/proxy with the cluster's managed
    # secret, proxydefaulttargetgroup, proxytarget; a Lambda reading the proxy endpoint. The kms:ViaService value is
    # the service's endpoint host in the partition's DNS suffix (`via_suffix` pins one, as a copied example would).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        suffix = (
            pulumi.Output.from_input(via_suffix) if via_suffix else aws.get_partition_output(opts=invoke).dns_suffix
        )
        key = aws.kms.Key("aurora", enable_key_rotation=True, deletion_window_in_days=30, opts=opts)
        cluster = aws.rds.Cluster(
            "fleet", engine=aws.rds.EngineType.AURORA_POSTGRESQL, engine_version="16.4", database_name="fleet",
            master_username="fleet_admin", manage_master_user_password=True, storage_encrypted=True,
            kms_key_id=key.arn, db_subnet_group_name="fleet-db", vpc_security_group_ids=["sg-db"],
            backup_retention_period=14, opts=opts,
        )  # fmt: skip
        aws.rds.ClusterInstance(
            "fleet-1", cluster_identifier=cluster.id, instance_class="db.r6g.large",
            engine=aws.rds.EngineType.AURORA_POSTGRESQL, engine_version=cluster.engine_version, opts=opts,
        )  # fmt: skip
        secret_arn = cluster.master_user_secrets.apply(lambda s: s[0]["secret_arn"] if s else "")
        proxy_role = aws.iam.Role("proxy", assume_role_policy=_trust("rds.amazonaws.com"), opts=opts)
        aws.iam.RolePolicy(
            "proxy-secret", role=proxy_role.id,
            policy=pulumi.Output.all(secret_arn, key.arn, suffix).apply(lambda a: _policy([
                {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": a[0]},
                {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": a[1],
                 "Condition": {"StringEquals": {"kms:ViaService": f"secretsmanager.{a[1].split(':')[3]}.{a[2]}"}}},
            ])),
            opts=opts,
        )  # fmt: skip
        proxy = aws.rds.Proxy(
            "fleet", engine_family="POSTGRESQL", role_arn=proxy_role.arn, require_tls=True,
            vpc_subnet_ids=["subnet-a", "subnet-b"], vpc_security_group_ids=["sg-proxy"],
            auths=[{"auth_scheme": "SECRETS", "iam_auth": "REQUIRED", "secret_arn": secret_arn}], opts=opts,
        )  # fmt: skip
        group = aws.rds.ProxyDefaultTargetGroup(
            "fleet", db_proxy_name=proxy.name, connection_pool_config={"max_connections_percent": 90}, opts=opts
        )
        aws.rds.ProxyTarget(
            "fleet", db_proxy_name=proxy.name, target_group_name=group.name, db_cluster_identifier=cluster.id,
            opts=opts,
        )  # fmt: skip
        return _function(
            "trip-writer",
            opts,
            {"PGHOST": proxy.endpoint, "PGPORT": "5432", "PGDATABASE": "fleet", "PGSSLMODE": "verify-full"},
            vpc_config={"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-fn"]},
        )

    return build


def elasticache_with_key_policy(region: str | None = None) -> Build:
    # docs: kms/key with a key policy (root account, ElastiCache via kms:ViaService and kms:CallerAccount),
    # elasticache/subnetgroup and replicationgroup (at-rest and in-transit encryption, slow log to CloudWatch Logs).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke)
        region_name = aws.get_region_output(opts=invoke).region
        key = aws.kms.Key(
            "sessions-cache", enable_key_rotation=True,
            policy=pulumi.Output.all(ident.account_id, part.partition, region_name, part.dns_suffix).apply(
                lambda a: _policy([
                    {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:{a[1]}:iam::{a[0]}:root"},
                     "Action": "kms:*", "Resource": "*"},
                    {"Sid": "ElastiCache", "Effect": "Allow", "Principal": {"AWS": "*"},
                     "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                "kms:CreateGrant", "kms:DescribeKey"],
                     "Resource": "*",
                     "Condition": {"StringEquals": {"kms:ViaService": f"elasticache.{a[2]}.{a[3]}",
                                                    "kms:CallerAccount": a[0]}}},
                ])
            ),
            opts=opts,
        )  # fmt: skip
        subnets = aws.elasticache.SubnetGroup("sessions", subnet_ids=["subnet-a", "subnet-b"], opts=opts)
        slow = aws.cloudwatch.LogGroup("/elasticache/sessions/slow", retention_in_days=14, opts=opts)
        return aws.elasticache.ReplicationGroup(
            "sessions", description="driver app sessions", engine="valkey", engine_version="8.0",
            node_type="cache.r7g.large", num_cache_clusters=2, automatic_failover_enabled=True,
            multi_az_enabled=True, subnet_group_name=subnets.name, at_rest_encryption_enabled=True,
            transit_encryption_enabled=True, kms_key_id=key.arn,
            log_delivery_configurations=[{"destination": slow.name, "destination_type": "cloudwatch-logs",
                                          "log_format": "json", "log_type": "slow-log"}],
            opts=opts,
        )  # fmt: skip

    return build


def opensearch_in_vpc(region: str | None = None) -> Build:
    # docs: opensearch/domain (vpc_options, encrypt_at_rest, node_to_node, log_publishing_options to a log group whose
    # resource policy lets es.amazonaws.com write), access_policies on the domain's own ARN.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke)
        region_name = aws.get_region_output(opts=invoke).region
        logs = aws.cloudwatch.LogGroup("/aws/opensearch/fleet-search", retention_in_days=30, opts=opts)
        aws.cloudwatch.LogResourcePolicy(
            "opensearch-logs", policy_name="opensearch-logs",
            policy_document=pulumi.Output.all(logs.arn, ident.account_id).apply(lambda a: _policy([{
                "Effect": "Allow", "Principal": {"Service": "es.amazonaws.com"},
                "Action": ["logs:PutLogEvents", "logs:CreateLogStream"], "Resource": f"{a[0]}:*",
                "Condition": {"StringEquals": {"aws:SourceAccount": a[1]}},
            }])),
            opts=opts,
        )  # fmt: skip
        return aws.opensearch.Domain(
            "fleet-search", domain_name="fleet-search", engine_version="OpenSearch_2.15",
            cluster_config={"instance_type": "r6g.large.search", "instance_count": 3,
                            "zone_awareness_enabled": True, "zone_awareness_config": {"availability_zone_count": 3}},
            ebs_options={"ebs_enabled": True, "volume_size": 200, "volume_type": "gp3"},
            vpc_options={"subnet_ids": ["subnet-a", "subnet-b", "subnet-c"], "security_group_ids": ["sg-search"]},
            encrypt_at_rest={"enabled": True}, node_to_node_encryption={"enabled": True},
            domain_endpoint_options={"enforce_https": True, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"},
            log_publishing_options=[{"cloudwatch_log_group_arn": logs.arn, "log_type": "INDEX_SLOW_LOGS"}],
            access_policies=pulumi.Output.all(part.partition, region_name, ident.account_id).apply(
                lambda a: _policy([{
                    "Effect": "Allow", "Principal": {"AWS": f"arn:{a[0]}:iam::{a[2]}:root"}, "Action": "es:ESHttp*",
                    "Resource": f"arn:{a[0]}:es:{a[1]}:{a[2]}:domain/fleet-search/*",
                }])
            ),
            opts=opts,
        )  # fmt: skip

    return build


def glue_athena_lake(region: str | None = None) -> Build:
    # docs: glue/catalogdatabase, glue/crawler (s3 target on the stack's lake bucket), athena/workgroup (results in the
    # stack's bucket, SSE_KMS), lakeformation/resource and permissions for the analysts' role.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        lake = aws.s3.Bucket("fleet-lake", opts=opts)
        results = aws.s3.Bucket("athena-results", opts=opts)
        key = aws.kms.Key("lake", enable_key_rotation=True, opts=opts)
        db = aws.glue.CatalogDatabase("telemetry", name="telemetry", opts=opts)
        crawler_role = aws.iam.Role("crawler", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
        aws.glue.Crawler(
            "trips", database_name=db.name, role=crawler_role.arn, schedule="cron(0 2 * * ? *)",
            s3_targets=[{"path": lake.bucket.apply(lambda b: f"s3://{b}/trips/")}], opts=opts,
        )  # fmt: skip
        aws.athena.Workgroup(
            "analysts", configuration={
                "enforce_workgroup_configuration": True, "publish_cloudwatch_metrics_enabled": True,
                "result_configuration": {
                    "output_location": results.bucket.apply(lambda b: f"s3://{b}/output/"),
                    "encryption_configuration": {"encryption_option": "SSE_KMS", "kms_key_arn": key.arn},
                },
            },
            opts=opts,
        )  # fmt: skip
        aws.lakeformation.Resource("lake", arn=lake.arn, use_service_linked_role=True, opts=opts)
        analysts = aws.iam.Role("analysts", assume_role_policy=_trust("athena.amazonaws.com"), opts=opts)
        return aws.lakeformation.Permissions(
            "analysts-trips", principal=analysts.arn, permissions=["SELECT", "DESCRIBE"],
            table={"database_name": db.name, "wildcard": True}, opts=opts,
        )  # fmt: skip

    return build


def redshift_serverless(region: str | None = None) -> Build:
    # docs: redshiftserverless/namespace (iam_roles, kms), workgroup (private), usagelimit; a role trusted by
    # redshift.amazonaws.com reading the stack's lake bucket.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        lake = aws.s3.Bucket("warranty-lake", opts=opts)
        role = aws.iam.Role("redshift-copy", assume_role_policy=_trust("redshift.amazonaws.com"), opts=opts)
        aws.iam.RolePolicy(
            "redshift-copy", role=role.id,
            policy=lake.arn.apply(lambda arn: _policy([{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
                                                        "Resource": [arn, f"{arn}/*"]}])),
            opts=opts,
        )  # fmt: skip
        ns = aws.redshiftserverless.Namespace(
            "warranty", namespace_name="warranty", db_name="warranty", manage_admin_password=True,
            iam_roles=[role.arn], default_iam_role_arn=role.arn, log_exports=["userlog", "connectionlog"], opts=opts,
        )  # fmt: skip
        wg = aws.redshiftserverless.Workgroup(
            "warranty", namespace_name=ns.namespace_name, workgroup_name="warranty", base_capacity=32,
            publicly_accessible=False, subnet_ids=["subnet-a", "subnet-b", "subnet-c"], security_group_ids=["sg-rs"],
            opts=opts,
        )  # fmt: skip
        return aws.redshiftserverless.UsageLimit(
            "warranty", resource_arn=wg.arn, usage_type="serverless-compute", amount=200, period="monthly",
            breach_action="deactivate", opts=opts,
        )  # fmt: skip

    return build


def dynamodb_stream_lambda(region: str | None = None) -> Build:
    # docs: dynamodb/table (stream), lambda/eventsourcemapping with an SQS on-failure destination, sqs/queue with a
    # redrive policy to its dead-letter queue.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        table = aws.dynamodb.Table(
            "charging-events", billing_mode="PAY_PER_REQUEST", hash_key="station", range_key="ts",
            attributes=[{"name": "station", "type": "S"}, {"name": "ts", "type": "N"}],
            stream_enabled=True, stream_view_type="NEW_AND_OLD_IMAGES", opts=opts,
        )  # fmt: skip
        dlq = aws.sqs.Queue(
            "charging-events-dlq", message_retention_seconds=1209600, sqs_managed_sse_enabled=True, opts=opts
        )
        aws.sqs.Queue(
            "billing", sqs_managed_sse_enabled=True, visibility_timeout_seconds=120,
            redrive_policy=dlq.arn.apply(lambda a: json.dumps({"deadLetterTargetArn": a, "maxReceiveCount": 5})),
            opts=opts,
        )  # fmt: skip
        fn = _function("billing-projector", opts, {"DLQ_URL": dlq.url, "TABLE_NAME": table.name})
        return aws.lambda_.EventSourceMapping(
            "charging-events", event_source_arn=table.stream_arn, function_name=fn.arn, starting_position="LATEST",
            batch_size=100, maximum_retry_attempts=3, bisect_batch_on_function_error=True,
            destination_config={"on_failure": {"destination_arn": dlq.arn}},
            filter_criteria={"filters": [{"pattern": json.dumps({"eventName": ["INSERT", "MODIFY"]})}]},
            opts=opts,
        )  # fmt: skip

    return build


# -- security ----------------------------------------------------------------------------------------------------


def kms_for_cloudwatch_logs(region: str | None = None) -> Build:
    # docs: "Encrypt log data in CloudWatch Logs using AWS KMS": the key policy lets logs.<region>.<dns suffix> use the
    # key with a kms:EncryptionContext:aws:logs:arn condition on the account's log groups (ArnLike with "*").
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke)
        region_name = aws.get_region_output(opts=invoke).region
        key = aws.kms.Key(
            "logs", description="CloudWatch Logs", enable_key_rotation=True,
            policy=pulumi.Output.all(ident.account_id, part.partition, region_name, part.dns_suffix).apply(
                lambda a: _policy([
                    {"Sid": "Root", "Effect": "Allow", "Principal": {"AWS": f"arn:{a[1]}:iam::{a[0]}:root"},
                     "Action": "kms:*", "Resource": "*"},
                    {"Sid": "Logs", "Effect": "Allow", "Principal": {"Service": f"logs.{a[2]}.{a[3]}"},
                     "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                "kms:Describe*"],
                     "Resource": "*",
                     "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn":
                                               f"arn:{a[1]}:logs:{a[2]}:{a[0]}:log-group:*"}}},
                ])
            ),
            opts=opts,
        )  # fmt: skip
        aws.kms.Alias("logs", name="alias/fleet/logs", target_key_id=key.key_id, opts=opts)
        return aws.cloudwatch.LogGroup("/fleet/vehicle-gateway", retention_in_days=365, kms_key_id=key.arn, opts=opts)

    return build


def secret_rotation(region: str | None = None) -> Build:
    # docs: secretsmanager/secret, the rotation Lambda from the AWS template (SECRETS_MANAGER_ENDPOINT is the
    # regional endpoint), lambda/permission for secretsmanager.amazonaws.com scoped by the secret's ARN,
    # secretsmanager/secretrotation, an interface VPC endpoint for Secrets Manager with private DNS.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        region_name = aws.get_region_output(opts=invoke).region
        part = aws.get_partition_output(opts=invoke)
        secret = aws.secretsmanager.Secret("charging-db", description="charging DB credentials", opts=opts)
        aws.ec2.VpcEndpoint(
            "secretsmanager", vpc_id="vpc-1", vpc_endpoint_type="Interface", private_dns_enabled=True,
            service_name=region_name.apply(lambda r: f"com.amazonaws.{r}.secretsmanager"),
            subnet_ids=["subnet-a", "subnet-b"], security_group_ids=["sg-endpoints"], opts=opts,
        )  # fmt: skip
        fn = _function(
            "rotate-charging-db", opts,
            {"SECRETS_MANAGER_ENDPOINT": pulumi.Output.all(region_name, part.dns_suffix).apply(
                lambda a: f"https://secretsmanager.{a[0]}.{a[1]}"), "EXCLUDE_CHARACTERS": "/@\"'\\"},
            timeout=30,
        )  # fmt: skip
        perm = aws.lambda_.Permission(
            "secretsmanager-invoke", action="lambda:InvokeFunction", function=fn.name,
            principal="secretsmanager.amazonaws.com", source_arn=secret.arn, opts=opts,
        )  # fmt: skip
        return aws.secretsmanager.SecretRotation(
            "charging-db", secret_id=secret.id, rotation_lambda_arn=fn.arn,
            rotation_rules={"automatically_after_days": 30},
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[perm])),
        )  # fmt: skip

    return build


def detective_controls(region: str | None = None) -> Build:
    # docs: guardduty/detector + publishingdestination (the stack's bucket and KMS key), securityhub/account and
    # standardssubscription, cfg/recorder + deliverychannel into the stack's bucket, config role.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        part = aws.get_partition_output(opts=invoke)
        region_name = aws.get_region_output(opts=invoke).region
        findings = aws.s3.Bucket("security-findings", opts=opts)
        key = aws.kms.Key("findings", enable_key_rotation=True, opts=opts)
        detector = aws.guardduty.Detector(
            "main", enable=True, finding_publishing_frequency="FIFTEEN_MINUTES", opts=opts
        )
        aws.guardduty.PublishingDestination(
            "findings", detector_id=detector.id, destination_arn=findings.arn, kms_key_arn=key.arn, opts=opts
        )
        hub = aws.securityhub.Account("main", enable_default_standards=False, opts=opts)
        aws.securityhub.StandardsSubscription(
            "fsbp", standards_arn=pulumi.Output.all(part.partition, region_name).apply(
                lambda a: f"arn:{a[0]}:securityhub:{a[1]}::standards/aws-foundational-security-best-practices/v/1.0.0"),
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[hub])),
        )  # fmt: skip
        config_role = aws.iam.Role("config", assume_role_policy=_trust("config.amazonaws.com"), opts=opts)
        recorder = aws.cfg.Recorder(
            "main", role_arn=config_role.arn, recording_group={"all_supported": True}, opts=opts
        )
        return aws.cfg.DeliveryChannel(
            "main", s3_bucket_name=findings.bucket, s3_key_prefix="config", s3_kms_key_arn=key.arn,
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[recorder])),
        )  # fmt: skip

    return build


def cloudtrail_to_own_bucket(region: str | None = None) -> Build:
    # docs: cloudtrail/trail with the "S3 bucket policy for CloudTrail" (aws:SourceArn of the trail), CloudWatch Logs
    # delivery to the stack's log group ("${log_group_arn}:*") through a role cloudtrail.amazonaws.com assumes.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke)
        region_name = aws.get_region_output(opts=invoke).region
        bucket = aws.s3.Bucket("audit-trail", force_destroy=False, opts=opts)
        trail_arn = pulumi.Output.all(part.partition, region_name, ident.account_id).apply(
            lambda a: f"arn:{a[0]}:cloudtrail:{a[1]}:{a[2]}:trail/fleet-audit"
        )
        policy = aws.s3.BucketPolicy(
            "audit-trail", bucket=bucket.id,
            policy=pulumi.Output.all(bucket.arn, trail_arn, ident.account_id).apply(lambda a: _policy([
                {"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow",
                 "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Action": "s3:GetBucketAcl", "Resource": a[0], "Condition": {"StringEquals": {"aws:SourceArn": a[1]}}},
                {"Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": f"{a[0]}/AWSLogs/{a[2]}/*",
                 "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": a[1]}}},
            ])),
            opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("cloudtrail/fleet-audit", retention_in_days=400, opts=opts)
        role = aws.iam.Role("cloudtrail-logs", assume_role_policy=_trust("cloudtrail.amazonaws.com"), opts=opts)
        aws.iam.RolePolicy(
            "cloudtrail-logs", role=role.id,
            policy=logs.arn.apply(lambda arn: _policy([{"Effect": "Allow", "Action": ["logs:CreateLogStream",
                                                                                      "logs:PutLogEvents"],
                                                        "Resource": f"{arn}:log-stream:*"}])),
            opts=opts,
        )  # fmt: skip
        return aws.cloudtrail.Trail(
            "fleet-audit", name="fleet-audit", s3_bucket_name=bucket.id, include_global_service_events=True,
            is_multi_region_trail=False, enable_log_file_validation=True,
            cloud_watch_logs_group_arn=logs.arn.apply(lambda a: f"{a}:*"), cloud_watch_logs_role_arn=role.arn,
            event_selectors=[{"read_write_type": "All", "include_management_events": True,
                              "data_resources": [{"type": "AWS::S3::Object",
                                                  "values": [bucket.arn.apply(lambda a: f"{a}/")]}]}],
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[policy])),
        )  # fmt: skip

    return build


def _interface_service(prefix: str, service: str, region: str) -> str:
    return f"{prefix if service.startswith('ecr') else 'com.amazonaws'}.{region}.{service}"


def vpc_endpoints(region: str | None = None, prefix: str = "com.amazonaws") -> Build:
    # docs: ec2/vpcendpoint (S3 gateway on route tables; ECR API/DKR, CloudWatch Logs, STS interface endpoints with
    # private DNS), a gateway endpoint policy limited to the account's buckets (aws:ResourceAccount), a Lambda given the
    # interface endpoint's DNS name from its dns_entries output. China's ECR/interface services are named
    # "cn.com.amazonaws.<region>.<service>" (VPC endpoint docs, China regions).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        region_name = aws.get_region_output(opts=invoke).region
        ident = aws.get_caller_identity_output(opts=invoke)
        vpc = aws.ec2.Vpc(
            "fleet", cidr_block="10.40.0.0/16", enable_dns_hostnames=True, enable_dns_support=True, opts=opts
        )
        rt = aws.ec2.RouteTable("private", vpc_id=vpc.id, opts=opts)
        aws.ec2.VpcEndpoint(
            "s3", vpc_id=vpc.id, vpc_endpoint_type="Gateway", route_table_ids=[rt.id],
            service_name=region_name.apply(lambda r: f"com.amazonaws.{r}.s3"),
            policy=ident.account_id.apply(lambda acct: _policy([{
                "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
                "Condition": {"StringEquals": {"aws:ResourceAccount": acct}},
            }])),
            opts=opts,
        )  # fmt: skip
        endpoints = {}
        for svc in ("ecr.api", "ecr.dkr", "logs", "sts"):
            endpoints[svc] = aws.ec2.VpcEndpoint(
                svc.replace(".", "-"), vpc_id=vpc.id, vpc_endpoint_type="Interface", private_dns_enabled=True,
                service_name=region_name.apply(functools.partial(_interface_service, prefix, svc)),
                subnet_ids=["subnet-a", "subnet-b"], security_group_ids=["sg-endpoints"], opts=opts,
            )  # fmt: skip
        sts_dns = endpoints["sts"].dns_entries.apply(lambda e: e[0]["dns_name"] if e else "")
        return _function(
            "token-broker",
            opts,
            {"AWS_STS_REGIONAL_ENDPOINTS": "regional", "STS_ENDPOINT": sts_dns.apply(lambda d: f"https://{d}")},
            vpc_config={"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-fn"]},
        )

    return build


def privatelink_service(region: str | None = None) -> Build:
    # docs: lb/loadbalancer (network, internal), ec2/vpcendpointservice (acceptance required, allowed principal of
    # the account), a consumer ec2/vpcendpoint on the service's service_name, a private Route 53 record to it.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke)
        nlb = aws.lb.LoadBalancer(
            "diag-service", load_balancer_type="network", internal=True, subnets=["subnet-a", "subnet-b"], opts=opts
        )
        service = aws.ec2.VpcEndpointService(
            "diag-service", acceptance_required=True, network_load_balancer_arns=[nlb.arn],
            allowed_principals=[pulumi.Output.all(part.partition, ident.account_id).apply(
                lambda a: f"arn:{a[0]}:iam::{a[1]}:root")],
            opts=opts,
        )  # fmt: skip
        endpoint = aws.ec2.VpcEndpoint(
            "diag-consumer", vpc_id="vpc-consumer", vpc_endpoint_type="Interface", service_name=service.service_name,
            subnet_ids=["subnet-c"], security_group_ids=["sg-consumer"], opts=opts,
        )  # fmt: skip
        zone = aws.route53.Zone(
            "diag-internal", name="diag.fleet.internal", vpcs=[{"vpc_id": "vpc-consumer"}], opts=opts
        )
        return aws.route53.Record(
            "diag-api", zone_id=zone.zone_id, name="api.diag.fleet.internal", type="CNAME", ttl=300,
            records=[endpoint.dns_entries.apply(lambda e: e[0]["dns_name"] if e else "")], opts=opts,
        )  # fmt: skip

    return build


def resolver_to_plant(region: str | None = None) -> Build:
    # docs: route53/resolverendpoint (OUTBOUND), resolverrule (FORWARD to the plant's on-prem DNS at private
    # addresses), resolverruleassociation; a private hosted zone with a CNAME to the stack's RDS endpoint.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        outbound = aws.route53.ResolverEndpoint(
            "to-plant", direction="OUTBOUND", security_group_ids=["sg-dns"],
            ip_addresses=[{"subnet_id": "subnet-a"}, {"subnet_id": "subnet-b"}], opts=opts,
        )  # fmt: skip
        rule = aws.route53.ResolverRule(
            "plant-corp", domain_name="corp.plant.internal", rule_type="FORWARD", resolver_endpoint_id=outbound.id,
            target_ips=[{"ip": "10.200.0.53", "port": 53}, {"ip": "10.200.1.53", "port": 53}], opts=opts,
        )  # fmt: skip
        aws.route53.ResolverRuleAssociation("plant-corp", resolver_rule_id=rule.id, vpc_id="vpc-1", opts=opts)
        db = aws.rds.Instance(
            "mes-bridge", engine="postgres", engine_version="16.4", instance_class="db.t4g.medium",
            allocated_storage=50, username="mes", manage_master_user_password=True, storage_encrypted=True,
            db_subnet_group_name="fleet-db", skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        zone = aws.route53.Zone("fleet-internal", name="fleet.internal", vpcs=[{"vpc_id": "vpc-1"}], opts=opts)
        return aws.route53.Record(
            "mes-db", zone_id=zone.zone_id, name="mes-db.fleet.internal", type="CNAME", ttl=60,
            records=[db.address], opts=opts,
        )  # fmt: skip

    return build


# -- ops ---------------------------------------------------------------------------------------------------------


def alarms_to_sns_sqs_lambda(region: str | None = None) -> Build:
    # docs: cloudwatch/metricalarm → sns/topic; sqs/queue with a queue policy for sns.amazonaws.com (aws:SourceArn),
    # sns/topicsubscription (sqs and lambda), lambda/permission, a log metric filter and a dashboard JSON body.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        topic = aws.sns.Topic("fleet-ops-alarms", kms_master_key_id="alias/aws/sns", opts=opts)
        queue = aws.sqs.Queue("ops-alarms", sqs_managed_sse_enabled=True, opts=opts)
        aws.sqs.QueuePolicy(
            "ops-alarms", queue_url=queue.id,
            policy=pulumi.Output.all(queue.arn, topic.arn).apply(lambda a: _policy([{
                "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage",
                "Resource": a[0], "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}},
            }])),
            opts=opts,
        )  # fmt: skip
        aws.sns.TopicSubscription("to-queue", topic=topic.arn, protocol="sqs", endpoint=queue.arn, opts=opts)
        fn = _function("pager-bridge", opts, {"QUEUE_URL": queue.url})
        aws.lambda_.Permission(
            "sns-invoke", action="lambda:InvokeFunction", function=fn.name, principal="sns.amazonaws.com",
            source_arn=topic.arn, opts=opts,
        )  # fmt: skip
        aws.sns.TopicSubscription("to-lambda", topic=topic.arn, protocol="lambda", endpoint=fn.arn, opts=opts)
        logs = aws.cloudwatch.LogGroup("/fleet/ota-service", retention_in_days=30, opts=opts)
        aws.cloudwatch.LogMetricFilter(
            "ota-failures", log_group_name=logs.name, pattern='{ $.level = "ERROR" && $.event = "ota_failed" }',
            metric_transformation={"name": "OtaFailures", "namespace": "Fleet/OTA", "value": "1"}, opts=opts,
        )  # fmt: skip
        aws.cloudwatch.MetricAlarm(
            "ota-failures", comparison_operator="GreaterThanOrEqualToThreshold", evaluation_periods=3,
            metric_name="OtaFailures", namespace="Fleet/OTA", period=300, statistic="Sum", threshold=10,
            treat_missing_data="notBreaching", alarm_actions=[topic.arn], ok_actions=[topic.arn], opts=opts,
        )  # fmt: skip
        return aws.cloudwatch.Dashboard(
            "fleet-ops", dashboard_name="fleet-ops",
            dashboard_body=region_name.apply(lambda r: json.dumps({"widgets": [
                {"type": "metric", "x": 0, "y": 0, "width": 12, "height": 6, "properties": {
                    "metrics": [["Fleet/OTA", "OtaFailures"]], "period": 300, "stat": "Sum", "region": r,
                    "title": "OTA failures"}},
                {"type": "log", "x": 12, "y": 0, "width": 12, "height": 6, "properties": {
                    "query": "SOURCE '/fleet/ota-service' | fields @timestamp, vin, error | sort @timestamp desc",
                    "region": r, "title": "OTA errors"}},
            ]})),
            opts=opts,
        )  # fmt: skip

    return build


def eventbridge_step_functions(region: str | None = None, *, partition: str | None = None) -> Build:
    # docs: cloudwatch/eventbus, eventrule (pattern on the custom bus), eventtarget to sfn/statemachine with a role for
    # events.amazonaws.com (aws:SourceAccount), a states.amazonaws.com role, an ASL definition invoking the stack's
    # Lambda and writing DynamoDB, logging to the stack's log group. The service integrations' ARNs carry the partition
    # ("arn:aws-cn:states:::lambda:invoke" in China); `partition` pins it as a copied global example would.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = pulumi.Output.from_input(partition) if partition else aws.get_partition_output(opts=invoke).partition
        bus = aws.cloudwatch.EventBus("vehicle-events", name="vehicle-events", opts=opts)
        fn = _function("diagnose-dtc", opts, {"SEVERITY_THRESHOLD": "3"})
        table = aws.dynamodb.Table(
            "dtc-cases",
            billing_mode="PAY_PER_REQUEST",
            hash_key="case_id",
            attributes=[{"name": "case_id", "type": "S"}],
            opts=opts,
        )
        sfn_role = aws.iam.Role(
            "dtc-workflow-role",
            assume_role_policy=ident.account_id.apply(lambda acct: _policy([{
                "Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"aws:SourceAccount": acct}},
            }])),
            opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("/aws/vendedlogs/states/dtc-workflow", retention_in_days=30, opts=opts)
        machine = aws.sfn.StateMachine(
            "dtc-workflow", role_arn=sfn_role.arn, type="STANDARD",
            logging_configuration={"log_destination": logs.arn.apply(lambda a: f"{a}:*"),
                                   "include_execution_data": False, "level": "ERROR"},
            definition=pulumi.Output.all(fn.arn, table.name, part).apply(lambda a: json.dumps({
                "Comment": "Triage a diagnostic trouble code",
                "StartAt": "Diagnose",
                "States": {
                    "Diagnose": {"Type": "Task", "Resource": f"arn:{a[2]}:states:::lambda:invoke",
                                 "Parameters": {"FunctionName": a[0], "Payload.$": "$"}, "Next": "Record",
                                 "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 3}]},
                    "Record": {"Type": "Task", "Resource": f"arn:{a[2]}:states:::dynamodb:putItem",
                               "Parameters": {"TableName": a[1], "Item": {"case_id": {"S.$": "$$.Execution.Name"}}},
                               "End": True},
                },
            })),
            opts=opts,
        )  # fmt: skip
        rule = aws.cloudwatch.EventRule(
            "dtc-raised", event_bus_name=bus.name,
            event_pattern=json.dumps({"source": ["fleet.telematics"], "detail-type": ["DTC Raised"],
                                      "detail": {"severity": [{"numeric": [">=", 3]}]}}),
            opts=opts,
        )  # fmt: skip
        events_role = aws.iam.Role(
            "events-start-workflow",
            assume_role_policy=ident.account_id.apply(lambda acct: _policy([{
                "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"aws:SourceAccount": acct}},
            }])),
            opts=opts,
        )  # fmt: skip
        aws.iam.RolePolicy(
            "events-start-workflow", role=events_role.id,
            policy=machine.arn.apply(lambda arn: _policy([{"Effect": "Allow", "Action": "states:StartExecution",
                                                           "Resource": arn}])),
            opts=opts,
        )  # fmt: skip
        return aws.cloudwatch.EventTarget(
            "dtc-workflow", rule=rule.name, event_bus_name=bus.name, arn=machine.arn, role_arn=events_role.arn,
            opts=opts,
        )  # fmt: skip

    return build


def ssm_command_association(region: str | None = None) -> Build:
    # docs: ssm/document (Command, schema 2.2, aws:runShellScript pulling the agent config from the stack's bucket in
    # its region), ssm/parameter (the RDS endpoint from outputs), ssm/association with output to the stack's bucket.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        bucket = aws.s3.Bucket("edge-gateway-config", opts=opts)
        db = aws.rds.Instance(
            "gateway-registry", engine="postgres", engine_version="16.4", instance_class="db.t4g.small",
            allocated_storage=20, username="registry", manage_master_user_password=True, storage_encrypted=True,
            skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        aws.ssm.Parameter(
            "registry-host", name="/fleet/gateway/registry-host", type="String", value=db.address, opts=opts
        )
        doc = aws.ssm.Document(
            "configure-gateway", document_type="Command", document_format="JSON",
            content=pulumi.Output.all(bucket.bucket, region_name).apply(lambda a: json.dumps({
                "schemaVersion": "2.2",
                "description": "Install the edge gateway agent configuration",
                "parameters": {"version": {"type": "String", "default": "latest"}},
                "mainSteps": [{
                    "action": "aws:runShellScript", "name": "configure",
                    "inputs": {"runCommand": [
                        f"aws s3 cp s3://{a[0]}/agent/{{{{ version }}}}/agent.yaml /etc/fleet/agent.yaml "
                        f"--region {a[1]}",
                        "REGISTRY=$(aws ssm get-parameter --name /fleet/gateway/registry-host "
                        f"--region {a[1]} --query Parameter.Value --output text)",
                        "echo \"registry_host: $REGISTRY\" >> /etc/fleet/agent.yaml",
                        "systemctl restart fleet-agent",
                    ]},
                }],
            })),
            opts=opts,
        )  # fmt: skip
        return aws.ssm.Association(
            "configure-gateways", name=doc.name, schedule_expression="rate(1 day)",
            targets=[{"key": "tag:Role", "values": ["edge-gateway"]}],
            output_location={"s3_bucket_name": bucket.bucket, "s3_key_prefix": "ssm-output/"}, opts=opts,
        )  # fmt: skip

    return build


def ssm_automation(region: str | None = None) -> Build:
    # docs: ssm/document (Automation, schema 0.3, assumeRole, aws:executeAwsApi / aws:waitForAwsResourceProperty) with
    # an automation role for ssm.amazonaws.com scoped by aws:SourceAccount and aws:SourceArn (confused deputy).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke)
        region_name = aws.get_region_output(opts=invoke).region
        role = aws.iam.Role(
            "automation",
            assume_role_policy=pulumi.Output.all(part.partition, region_name, ident.account_id).apply(
                lambda a: _policy([{
                    "Effect": "Allow", "Principal": {"Service": "ssm.amazonaws.com"}, "Action": "sts:AssumeRole",
                    "Condition": {"StringEquals": {"aws:SourceAccount": a[2]},
                                  "ArnLike": {"aws:SourceArn": f"arn:{a[0]}:ssm:{a[1]}:{a[2]}:automation-execution/*"}},
                }])
            ),
            opts=opts,
        )  # fmt: skip
        return aws.ssm.Document(
            "restart-charging-gateway", document_type="Automation", document_format="YAML",
            content=role.arn.apply(lambda arn: "\n".join([
                "schemaVersion: '0.3'",
                "description: Restart a charging gateway instance and wait for it",
                f"assumeRole: '{arn}'",
                "parameters:",
                "  InstanceId:",
                "    type: String",
                "mainSteps:",
                "  - name: reboot",
                "    action: aws:executeAwsApi",
                "    inputs:",
                "      Service: ec2",
                "      Api: RebootInstances",
                "      InstanceIds: ['{{ InstanceId }}']",
                "  - name: wait",
                "    action: aws:waitForAwsResourceProperty",
                "    inputs:",
                "      Service: ec2",
                "      Api: DescribeInstanceStatus",
                "      InstanceIds: ['{{ InstanceId }}']",
                "      PropertySelector: $.InstanceStatuses[0].InstanceStatus.Status",
                "      DesiredValues: [ok]",
                "",
            ])),
            opts=opts,
        )  # fmt: skip

    return build


def ecr_replication_in_country(region: str, replica_region: str) -> Build:
    # docs: ecr/replicationconfiguration — private image replication to a second region of the same account
    # (registry_id of the caller), e.g. Tokyo to Osaka.
    def build(c: Any) -> object:
        opts = _aws(region)
        ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
        aws.ecr.Repository("vehicle-sim", opts=opts)
        return aws.ecr.ReplicationConfiguration(
            "dr", replication_configuration={"rules": [{
                "destinations": [{"region": replica_region, "registry_id": ident.account_id}],
                "repository_filters": [{"filter": "vehicle-", "filter_type": "PREFIX_MATCH"}],
            }]},
            opts=opts,
        )  # fmt: skip

    return build


def s3_crr_in_country(region: str, replica_region: str) -> Build:
    # docs: s3/bucketversioning + bucketreplicationconfig to the stack's bucket in a second region of the country,
    # replica KMS key there, role for s3.amazonaws.com.
    def build(c: Any) -> object:
        src_opts, dst_opts = _aws(region), _aws(replica_region)
        src = aws.s3.Bucket("dashcam-clips", opts=src_opts)
        dst = aws.s3.Bucket("dashcam-clips-replica", opts=dst_opts)
        v1 = aws.s3.BucketVersioning(
            "src", bucket=src.id, versioning_configuration={"status": "Enabled"}, opts=src_opts
        )
        aws.s3.BucketVersioning("dst", bucket=dst.id, versioning_configuration={"status": "Enabled"}, opts=dst_opts)
        replica_key = aws.kms.Key("replica", enable_key_rotation=True, opts=dst_opts)
        role = aws.iam.Role("replication", assume_role_policy=_trust("s3.amazonaws.com"), opts=src_opts)
        return aws.s3.BucketReplicationConfig(
            "dashcam", bucket=src.id, role=role.arn,
            rules=[{"id": "all", "status": "Enabled", "filter": {"prefix": ""},
                    "delete_marker_replication": {"status": "Enabled"},
                    "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
                    "destination": {"bucket": dst.arn, "storage_class": "STANDARD_IA",
                                    "encryption_configuration": {"replica_kms_key_id": replica_key.arn}}}],
            opts=pulumi.ResourceOptions.merge(src_opts, pulumi.ResourceOptions(depends_on=[v1])),
        )  # fmt: skip

    return build


# -- Alibaba Cloud -------------------------------------------------------------------------------------------------


def ali_telemetry_pipeline(region: str) -> Build:
    # docs: datahub/project + topic (TUPLE) + subscription, log/project + store + storeindex, oss/bucket with
    # SSE-KMS, maxcompute/project; a Function Compute function reading DataHub and writing OSS by their endpoints.
    def build(c: Any) -> object:
        opts = _ali(region)
        hub = alicloud.datahub.Project("fleet_telemetry", name="fleet_telemetry", comment="vehicle signals", opts=opts)
        alicloud.datahub.Topic(
            "signals", name="signals", project_name=hub.name, record_type="TUPLE", shard_count=4, life_cycle=7,
            record_schema={"vin": "STRING", "ts": "TIMESTAMP", "soc": "DOUBLE", "speed": "DOUBLE"}, opts=opts,
        )  # fmt: skip
        alicloud.datahub.Subscription(
            "archiver", project_name=hub.name, topic_name="signals", comment="to OSS", opts=opts
        )
        logs = alicloud.log.Project("fleet-ops-logs", project_name="fleet-ops-logs", opts=opts)
        alicloud.log.Store(
            "gateway",
            project_name=logs.project_name,
            logstore_name="gateway",
            retention_period=90,
            shard_count=2,
            opts=opts,
        )
        bucket = alicloud.oss.Bucket(
            "fleet-signals-archive", bucket="fleet-signals-archive-cn", storage_class="Standard",
            server_side_encryption_rule={"sse_algorithm": "KMS"}, opts=opts,
        )  # fmt: skip
        alicloud.maxcompute.Project(
            "fleet_dw", project_name="fleet_dw", default_quota="os_PayAsYouGoQuota", opts=opts,
        )  # fmt: skip
        role = alicloud.ram.Role(
            "fc-archiver", role_name="fc-archiver", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        return alicloud.fc.V3Function(
            "archiver", function_name="archiver", runtime="python3.10", handler="index.handler", memory_size=512,
            role=role.arn, code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={
                "DATAHUB_ENDPOINT": f"https://dh-{region}.aliyuncs.com",
                "OSS_ENDPOINT": f"https://oss-{region}-internal.aliyuncs.com",
                "OSS_BUCKET": bucket.bucket,
                "SLS_ENDPOINT": f"{region}-intranet.log.aliyuncs.com",
            },
            opts=opts,
        )  # fmt: skip

    return build


def ali_ack_rrsa(region: str) -> Build:
    # docs: cs/managedkubernetes (enable_rrsa), the RRSA RAM role trusting the cluster's OIDC provider with "oidc:iss",
    # "oidc:aud" (sts.aliyuncs.com) and "oidc:sub" conditions (ACK "Use RRSA to authorize pods"), a RAM policy on the
    # stack's OSS bucket.
    def build(c: Any) -> object:
        opts = _ali(region)
        cluster = alicloud.cs.ManagedKubernetes(
            "fleet", name="fleet", cluster_spec="ack.pro.small", version="1.31.1-aliyun.1", enable_rrsa=True,
            worker_vswitch_ids=["vsw-a", "vsw-b"], pod_vswitch_ids=["vsw-a", "vsw-b"], service_cidr="172.21.0.0/20",
            new_nat_gateway=False, opts=opts,
        )  # fmt: skip
        bucket = alicloud.oss.Bucket("ota-packages", bucket="fleet-ota-packages-cn", opts=opts)
        oidc = cluster.rrsa_metadata.apply(lambda m: m or {})
        role = alicloud.ram.Role(
            "ota-publisher", role_name="ota-publisher",
            assume_role_policy_document=oidc.apply(lambda m: json.dumps({
                "Version": "1",
                "Statement": [{
                    "Effect": "Allow", "Action": "sts:AssumeRole",
                    "Principal": {"Federated": [m.get("ram_oidc_provider_arn", "")]},
                    "Condition": {"StringEquals": {
                        "oidc:iss": m.get("rrsa_oidc_issuer_url", ""), "oidc:aud": "sts.aliyuncs.com",
                        "oidc:sub": "system:serviceaccount:ota:publisher"}},
                }],
            })),
            opts=opts,
        )  # fmt: skip
        policy = alicloud.ram.Policy(
            "ota-publisher", policy_name="ota-publisher",
            policy_document=bucket.bucket.apply(lambda b: json.dumps({"Version": "1", "Statement": [{
                "Effect": "Allow", "Action": ["oss:PutObject", "oss:GetObject"],
                "Resource": [f"acs:oss:*:*:{b}", f"acs:oss:*:*:{b}/*"]}]})),
            opts=opts,
        )  # fmt: skip
        return alicloud.ram.RolePolicyAttachment(
            "ota-publisher", role_name=role.role_name, policy_name=policy.policy_name, policy_type="Custom", opts=opts
        )

    return build


def ali_databases_for_fc(region: str) -> Build:
    # docs: rds/instance (MySQL, private), rds/account + database, polardb/cluster, kvstore/instance (Tair), a
    # Function Compute function given each database's connection string output.
    def build(c: Any) -> object:
        opts = _ali(region)
        rds = alicloud.rds.Instance(
            "orders", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.2c",
            instance_storage=100, instance_charge_type="Postpaid", vswitch_id="vsw-a", security_ips=["10.0.0.0/8"],
            opts=opts,
        )  # fmt: skip
        alicloud.rds.Database("orders", instance_id=rds.id, data_base_name="orders", opts=opts)
        alicloud.rds.RdsAccount(
            "orders-app",
            db_instance_id=rds.id,
            account_name="orders_app",
            account_password="Placeholder-only-1",
            opts=opts,
        )
        polar = alicloud.polardb.Cluster(
            "vehicles", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large", pay_type="PostPaid",
            vswitch_id="vsw-a", security_ips=["10.0.0.0/8"], opts=opts,
        )  # fmt: skip
        tair = alicloud.kvstore.Instance(
            "sessions", db_instance_name="sessions", instance_class="tair.rdb.2g", instance_type="Redis",
            engine_version="7.0", vswitch_id="vsw-a", security_ips=["10.0.0.0/8"], opts=opts,
        )  # fmt: skip
        role = alicloud.ram.Role(
            "fc-orders", role_name="fc-orders", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        return alicloud.fc.V3Function(
            "orders-api", function_name="orders-api", runtime="python3.10", handler="index.handler",
            role=role.arn, code={"zip_file": "UEsDBAoAAAAAAA=="},
            vpc_config={"vpc_id": "vpc-1", "vswitch_ids": ["vsw-a"], "security_group_id": "sg-fc"},
            environment_variables={
                "MYSQL_HOST": rds.connection_string, "MYSQL_PORT": rds.port,
                "POLARDB_HOST": polar.connection_string, "REDIS_HOST": tair.connection_domain,
            },
            opts=opts,
        )  # fmt: skip

    return build


def ali_search_and_analytics(region: str) -> Build:
    # docs: elasticsearch/instance (private, kibana private whitelist), adb/dbcluster (AnalyticDB for MySQL), an ECI
    # container group of the stack's ACR EE image with both endpoints in its environment.
    def build(c: Any) -> object:
        opts = _ali(region)
        es = alicloud.elasticsearch.Instance(
            "fleet-search", version="7.10_with_X-Pack", instance_charge_type="PostPaid", data_node_amount=3,
            data_node_spec="elasticsearch.sn2ne.large", data_node_disk_size=100, data_node_disk_type="cloud_ssd",
            vswitch_id="vsw-a", password="Placeholder-only-1", kibana_private_whitelists=["10.0.0.0/8"],
            enable_public=False, enable_kibana_public_network=False, opts=opts,
        )  # fmt: skip
        adb = alicloud.adb.DBCluster(
            "warranty", db_cluster_category="MixedStorage", mode="flexible", compute_resource="8Core32GB",
            payment_type="PayAsYouGo", vswitch_id="vsw-a", security_ips=["10.0.0.0/8"], opts=opts,
        )  # fmt: skip
        registry = alicloud.cr.RegistryEnterpriseInstance(
            "fleet-registry", instance_name="fleet-registry", instance_type="Basic", payment_type="Subscription",
            period=1, opts=opts,
        )  # fmt: skip
        alicloud.cs.RegistryEnterpriseNamespace(
            "fleet", instance_id=registry.id, name="fleet", auto_create=False, default_visibility="PRIVATE", opts=opts
        )
        return alicloud.eci.ContainerGroup(
            "warranty-indexer", container_group_name="warranty-indexer", cpu=1, memory=2, vswitch_id="vsw-a",
            security_group_id="sg-eci", restart_policy="Always",
            containers=[{
                "name": "indexer",
                "image": f"fleet-registry-registry-vpc.{region}.cr.aliyuncs.com/fleet/indexer:1.2.0",
                "environment_vars": [
                    {"key": "ES_HOST", "value": es.domain},
                    {"key": "ADB_HOST", "value": adb.connection_string},
                ],
            }],
            opts=opts,
        )  # fmt: skip

    return build


def ali_kms_oss_sse(region: str) -> Build:
    # docs: kms/key, kms/alias, oss/bucket with server_side_encryption_rule (KMS, the key's id), oss bucket policy
    # allowing the account's RAM role on its own bucket with acs:SourceVpc condition. The bucket policy grants the
    # account (its UID): a team's own stack deploys as a role of it (stop 36), else RES-023.
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        key = alicloud.kms.Key(
            "dashcam",
            description="dashcam clips",
            key_spec="Aliyun_AES_256",
            protection_level="SOFTWARE",
            pending_window_in_days=7,
            opts=opts,
        )
        alicloud.kms.Alias("dashcam", alias_name="alias/fleet-dashcam", key_id=key.id, opts=opts)
        bucket = alicloud.oss.Bucket(
            "dashcam", bucket="fleet-dashcam-cn",
            server_side_encryption_rule={"sse_algorithm": "KMS", "kms_master_key_id": key.id},
            versioning={"status": "Enabled"}, opts=opts,
        )  # fmt: skip
        return alicloud.oss.BucketPolicy(
            "dashcam", bucket=bucket.bucket,
            policy=bucket.bucket.apply(lambda b: json.dumps({"Version": "1", "Statement": [{
                "Effect": "Allow", "Principal": ["1234567890123456"], "Action": ["oss:GetObject"],
                "Resource": [f"acs:oss:*:1234567890123456:{b}/*"],
                "Condition": {"StringEquals": {"acs:SourceVpc": ["vpc-1"]}}}]})),
            opts=opts,
        )  # fmt: skip

    return build


def ali_api_gateway_fc(region: str) -> Build:
    # docs: apigateway/group, apigateway/api with a FunctionCompute service config (fc_version 3.0, the function's
    # ARN), apigateway/deployment to RELEASE; the function's RAM role.
    def build(c: Any) -> object:
        opts = _ali(region)
        role = alicloud.ram.Role(
            "apigw-fc",
            role_name="apigw-fc",
            assume_role_policy_document=_ram_trust("apigateway.aliyuncs.com"),
            opts=opts,
        )
        fn_role = alicloud.ram.Role(
            "fc-charging", role_name="fc-charging", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        fn = alicloud.fc.V3Function(
            "charging-status", function_name="charging-status", runtime="python3.10", handler="index.handler",
            role=fn_role.arn, code={"zip_file": "UEsDBAoAAAAAAA=="}, opts=opts,
        )  # fmt: skip
        group = alicloud.apigateway.Group("charging", name="charging", description="charging status", opts=opts)
        fc_config: alicloud.apigateway.ApiFcServiceConfigArgsDict = {
            "region": region,
            "function_type": "FCEvent",
            "function_name": fn.function_name,
            "arn_role": role.arn,
            "timeout": 10,
            "function_base_url": "",
            "path": "/",
            "method": "GET",
            "only_business_path": False,
        }
        api = alicloud.apigateway.Api(
            "status", group_id=group.id, name="status", description="charging station status", auth_type="APP",
            request_config={"protocol": "HTTPS", "method": "GET", "path": "/status", "mode": "MAPPING"},
            service_type="FunctionCompute", fc_service_config=fc_config,
            stage_names=["RELEASE"], opts=opts,
        )  # fmt: skip
        return api

    return build


def ali_cms_alarm_to_mns(region: str, *, role: bool = True) -> Build:
    # docs: cms/alarmcontactgroup, cms/alarm on an ECS metric, mns/topic + queue + subscription, an EventBridge rule
    # (eventbridge/rule) routing CloudMonitor events to the stack's MNS queue.
    def build(c: Any) -> object:
        opts = _ali(region, own_account=role)
        group = alicloud.cms.AlarmContactGroup(
            "ops", alarm_contact_group_name="fleet-ops", describe="fleet ops", opts=opts
        )
        alicloud.cms.Alarm(
            "gateway-cpu", name="gateway-cpu", project="acs_ecs_dashboard", metric="CPUUtilization",
            contact_groups=[group.alarm_contact_group_name], period=300,
            metric_dimensions=json.dumps([{"instanceId": "i-gateway1"}]),
            escalations_critical={"statistics": "Average", "comparison_operator": ">=", "threshold": "90",
                                  "times": 3},
            opts=opts,
        )  # fmt: skip
        alicloud.message.ServiceTopic("ops-alarms", topic_name="ops-alarms", max_message_size=65536, opts=opts)
        queue = alicloud.message.ServiceQueue("ops-alarms", queue_name="ops-alarms", opts=opts)
        bus = alicloud.eventbridge.EventBus("fleet-ops", event_bus_name="fleet-ops", opts=opts)
        return alicloud.eventbridge.Rule(
            "cms-events", event_bus_name=bus.event_bus_name, rule_name="cms-events",
            filter_pattern=json.dumps({"source": ["acs.cms"], "type": ["cms:Alarm:AlarmNotice"]}),
            targets=[{
                "target_id": "mns", "type": "acs.mns.queue",
                "endpoint": queue.queue_name.apply(lambda q: f"acs:mns:{region}:1234567890123456:queues/{q}"),
                "param_lists": [{"resource_key": "queue", "form": "CONSTANT", "value": queue.queue_name},
                                {"resource_key": "Body", "form": "ORIGINAL"}],
            }],
            opts=opts,
        )  # fmt: skip

    return build


# -- batch 2: values that AWS / Alibaba docs write verbatim, owned by the provider in the stack's own region ----------


def endpoint_policies_for_ecr_and_ssm(region: str | None = None) -> Build:
    # docs: ECR "Create the Amazon S3 gateway endpoint" (the endpoint policy must allow the regional layer bucket
    # arn:aws:s3:::prod-<region>-starport-layer-bucket/*), SSM "Create VPC endpoints" (the S3 gateway endpoint policy
    # allows the regional SSM Agent / patch buckets aws-ssm-<region>, amazon-ssm-<region>, ...), Amazon Linux repos.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        region_name = aws.get_region_output(opts=invoke).region
        part = aws.get_partition_output(opts=invoke).partition
        ident = aws.get_caller_identity_output(opts=invoke)
        return aws.ec2.VpcEndpoint(
            "s3-gateway", vpc_id="vpc-1", vpc_endpoint_type="Gateway", route_table_ids=["rtb-private"],
            service_name=region_name.apply(lambda r: f"com.amazonaws.{r}.s3"),
            policy=pulumi.Output.all(region_name, part, ident.account_id).apply(lambda a: _policy([
                {"Sid": "EcrLayers", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": [f"arn:{a[1]}:s3:::prod-{a[0]}-starport-layer-bucket/*"]},
                {"Sid": "SsmAgent", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": [f"arn:{a[1]}:s3:::aws-ssm-{a[0]}/*", f"arn:{a[1]}:s3:::amazon-ssm-{a[0]}/*",
                              f"arn:{a[1]}:s3:::amazon-ssm-packages-{a[0]}/*",
                              f"arn:{a[1]}:s3:::{a[0]}-birdwatcher-prod/*",
                              f"arn:{a[1]}:s3:::aws-ssm-document-attachments-{a[0]}/*",
                              f"arn:{a[1]}:s3:::patch-baseline-snapshot-{a[0]}/*"]},
                {"Sid": "AmazonLinuxRepos", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                 "Resource": [f"arn:{a[1]}:s3:::al2023-repos-{a[0]}-de612dc2/*",
                              f"arn:{a[1]}:s3:::amazonlinux-2-repos-{a[0]}/*"]},
                {"Sid": "OwnAccount", "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:ResourceAccount": a[2]}}},
            ])),
            opts=opts,
        )  # fmt: skip

    return build


def lambda_with_aws_layers(region: str, layers: list[str]) -> Build:
    # docs: Powertools for AWS Lambda (Python) "Lambda Layer" (arn:aws:lambda:<region>:017000801446:layer:...), Lambda
    # Insights extension versions (arn:aws:lambda:<region>:580247275435:layer:LambdaInsightsExtension:<n>), both
    # published by AWS in the function's own region.
    def build(c: Any) -> object:
        return _function(
            "trip-summary",
            _aws(region),
            {"POWERTOOLS_SERVICE_NAME": "trips", "POWERTOOLS_METRICS_NAMESPACE": "Fleet"},
            layers=layers,
        )

    return build


def lambda_runtime_settings(region: str | None = None) -> Build:
    # docs: Lambda "Using Lambda environment variables", ADOT Lambda layer (OTEL collector on localhost:4318),
    # Node's connection reuse, NO_PROXY for the instance metadata and the VPC endpoints of the region, a TZ.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        return _function(
            "charger-sync",
            opts,
            {
                "AWS_LAMBDA_EXEC_WRAPPER": "/opt/otel-instrument",
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://localhost:4318",
                "OTEL_SERVICE_NAME": "charger-sync",
                "OTEL_PROPAGATORS": "tracecontext,baggage,xray",
                "AWS_NODEJS_CONNECTION_REUSE_ENABLED": "1",
                "NO_PROXY": "localhost,127.0.0.1,169.254.169.254,.amazonaws.com,.amazonaws.com.cn,.internal",
                "HTTPS_PROXY": "http://10.40.0.12:3128",
                "TZ": "Asia/Tokyo",
                "JAVA_TOOL_OPTIONS": "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
            },
        )

    return build


def ec2_user_data_bootstrap(region: str | None = None) -> Build:
    # docs: EC2 "Run commands when you launch an EC2 instance with user data" (IMDSv2 token from 169.254.169.254),
    # CloudWatch agent install (dnf) and config from SSM, the stack's bucket read in its region.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        bucket = aws.s3.Bucket("gateway-artifacts", opts=opts)
        script = bucket.bucket.apply(
            lambda b: "\n".join(
                [
                    "#!/bin/bash",
                    "set -euo pipefail",
                    'TOKEN=$(curl -sX PUT "http://169.254.169.254/latest/api/token" '
                    '-H "X-aws-ec2-metadata-token-ttl-seconds: 21600")',
                    'REGION=$(curl -sH "X-aws-ec2-metadata-token: $TOKEN" '
                    "http://169.254.169.254/latest/meta-data/placement/region)",
                    "dnf install -y amazon-cloudwatch-agent",
                    "/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 "
                    "-c ssm:/fleet/cloudwatch-agent -s",
                    f'aws s3 cp "s3://{b}/gateway/current.tar.gz" /opt/gateway.tar.gz --region "$REGION"',
                    "tar -xzf /opt/gateway.tar.gz -C /opt && systemctl enable --now fleet-gateway",
                    "",
                ]
            )
        )
        return aws.ec2.LaunchTemplate(
            "charging-gateway", image_id="ami-0abcdef1234567890", instance_type="t4g.medium",
            metadata_options={"http_tokens": "required", "http_endpoint": "enabled", "http_put_response_hop_limit": 1},
            user_data=script.apply(lambda s: __import__("base64").b64encode(s.encode()).decode()), opts=opts,
        )  # fmt: skip

    return build


def ecs_task_health_and_secrets(region: str | None = None) -> Build:
    # docs: ecs/taskdefinition healthCheck ("CMD-SHELL", "curl -f http://localhost/ || exit 1"), secrets valueFrom a
    # Secrets Manager secret's JSON key ("arn:...:secret:name:password::"), an SSM parameter ARN, X-Ray daemon sidecar.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        repo = aws.ecr.Repository("vehicle-registry", opts=opts)
        secret = aws.secretsmanager.Secret("registry-db", opts=opts)
        param = aws.ssm.Parameter("registry-flags", name="/fleet/registry/flags", type="String", value="{}", opts=opts)
        logs = aws.cloudwatch.LogGroup("/ecs/vehicle-registry", retention_in_days=30, opts=opts)
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        execution = aws.iam.Role("registry-execution", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        return aws.ecs.TaskDefinition(
            "vehicle-registry", family="vehicle-registry", cpu="512", memory="1024", network_mode="awsvpc",
            requires_compatibilities=["FARGATE"], execution_role_arn=execution.arn,
            container_definitions=pulumi.Output.all(repo.repository_url, secret.arn, param.arn, logs.name,
                                                    region_name).apply(
                lambda a: json.dumps([{
                    "name": "registry", "image": f"{a[0]}:3.1.0", "essential": True,
                    "portMappings": [{"containerPort": 8080}],
                    "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"],
                                    "interval": 30, "timeout": 5, "retries": 3},
                    "secrets": [{"name": "DB_PASSWORD", "valueFrom": f"{a[1]}:password::"},
                                {"name": "FEATURE_FLAGS", "valueFrom": a[2]}],
                    "environment": [{"name": "AWS_XRAY_DAEMON_ADDRESS", "value": "127.0.0.1:2000"}],
                    "logConfiguration": {"logDriver": "awslogs", "options": {
                        "awslogs-group": a[3], "awslogs-region": a[4], "awslogs-stream-prefix": "registry"}},
                }])
            ),
            opts=opts,
        )  # fmt: skip

    return build


def iam_region_guardrails(regions: list[str], home_bucket: str | None = None) -> Build:
    # docs: IAM "AWS: Denies access to AWS based on the requested Region" (NotAction on the global services, a
    # StringNotEquals aws:RequestedRegion list), iam:PassedToService and aws:CalledVia conditions, ${aws:username} in
    # the home-folder bucket (the stack's own, or `home_bucket` made elsewhere).
    def build(c: Any) -> object:
        opts = c.aws
        part = aws.get_partition_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).partition
        homes = home_bucket or aws.s3.Bucket("engineer-homes", opts=opts).bucket
        return aws.iam.Policy(
            "fleet-engineers",
            policy=pulumi.Output.all(part, homes).apply(lambda a: (p := a[0], b := a[1]) and _policy([
                {"Sid": "DenyOutsideCountry", "Effect": "Deny",
                 "NotAction": ["iam:*", "organizations:*", "route53:*", "sts:*", "support:*", "budgets:*",
                               "cloudfront:*", "waf:*", "health:*", "trustedadvisor:*"],
                 "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": regions}}},
                {"Sid": "PassTaskRoles", "Effect": "Allow", "Action": "iam:PassRole",
                 "Resource": f"arn:{p}:iam::*:role/fleet-*",
                 "Condition": {"StringEquals": {"iam:PassedToService": ["ecs-tasks.amazonaws.com",
                                                                       "lambda.amazonaws.com"]}}},
                {"Sid": "KmsViaCloudFormation", "Effect": "Allow", "Action": "kms:CreateGrant", "Resource": "*",
                 "Condition": {"ForAnyValue:StringEquals": {"aws:CalledVia": ["cloudformation.amazonaws.com"]}}},
                {"Sid": "OwnHome", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                 "Resource": f"arn:{p}:s3:::{b}/home/${{aws:username}}/*"},
            ])),
            opts=opts,
        )  # fmt: skip

    return build


def cloudtrail_event_rule(region: str | None = None) -> Build:
    # docs: EventBridge "Creating rules that react to AWS API calls via CloudTrail": the pattern matches
    # detail.eventSource "s3.amazonaws.com" (the service's event source name, the same in every partition).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        fn = _function("bucket-policy-watch", opts)
        rule = aws.cloudwatch.EventRule(
            "bucket-policy-changed",
            event_pattern=json.dumps({
                "source": ["aws.s3"], "detail-type": ["AWS API Call via CloudTrail"],
                "detail": {"eventSource": ["s3.amazonaws.com"],
                           "eventName": ["PutBucketPolicy", "DeleteBucketPolicy", "PutBucketAcl"]},
            }),
            opts=opts,
        )  # fmt: skip
        aws.lambda_.Permission(
            "events-invoke", action="lambda:InvokeFunction", function=fn.name, principal="events.amazonaws.com",
            source_arn=rule.arn, opts=opts,
        )  # fmt: skip
        return aws.cloudwatch.EventTarget("bucket-policy-watch", rule=rule.name, arn=fn.arn, opts=opts)

    return build


def scheduler_universal_target(region: str | None = None) -> Build:
    # docs: scheduler/schedule with a universal target ("arn:aws:scheduler:::aws-sdk:ssm:startAutomationExecution",
    # the partition's form), a role for scheduler.amazonaws.com with aws:SourceAccount.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        part = aws.get_partition_output(opts=invoke).partition
        ident = aws.get_caller_identity_output(opts=invoke)
        role = aws.iam.Role(
            "scheduler",
            assume_role_policy=ident.account_id.apply(lambda acct: _policy([{
                "Effect": "Allow", "Principal": {"Service": "scheduler.amazonaws.com"}, "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"aws:SourceAccount": acct}}}])),
            opts=opts,
        )  # fmt: skip
        return aws.scheduler.Schedule(
            "nightly-gateway-restart", schedule_expression="cron(0 3 * * ? *)",
            schedule_expression_timezone="Europe/Berlin", flexible_time_window={"mode": "OFF"},
            target={
                "arn": part.apply(lambda p: f"arn:{p}:scheduler:::aws-sdk:ssm:startAutomationExecution"),
                "role_arn": role.arn,
                "input": json.dumps({"DocumentName": "AWS-RestartEC2Instance",
                                     "Parameters": {"InstanceId": ["i-0123456789abcdef0"]}}),
            },
            opts=opts,
        )  # fmt: skip

    return build


def flow_logs_to_own_bucket(region: str | None = None) -> Build:
    # docs: ec2/flowlog to S3 (log_destination = the bucket's ARN) and the "Amazon S3 bucket permissions for flow logs"
    # policy for delivery.logs.amazonaws.com with aws:SourceAccount / aws:SourceArn (arn:...:logs:<region>:<acct>:*).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke).partition
        region_name = aws.get_region_output(opts=invoke).region
        bucket = aws.s3.Bucket("vpc-flow-logs", opts=opts)
        aws.s3.BucketPolicy(
            "vpc-flow-logs", bucket=bucket.id,
            policy=pulumi.Output.all(bucket.arn, ident.account_id, part, region_name).apply(lambda a: _policy([
                {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow",
                 "Principal": {"Service": "delivery.logs.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": f"{a[0]}/AWSLogs/{a[1]}/*",
                 "Condition": {"StringEquals": {"aws:SourceAccount": a[1], "s3:x-amz-acl": "bucket-owner-full-control"},
                               "ArnLike": {"aws:SourceArn": f"arn:{a[2]}:logs:{a[3]}:{a[1]}:*"}}},
                {"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow",
                 "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl",
                 "Resource": a[0], "Condition": {"StringEquals": {"aws:SourceAccount": a[1]}}},
            ])),
            opts=opts,
        )  # fmt: skip
        return aws.ec2.FlowLog(
            "fleet-vpc", vpc_id="vpc-1", traffic_type="REJECT", log_destination_type="s3",
            log_destination=bucket.arn, max_aggregation_interval=60,
            destination_options={"file_format": "parquet", "per_hour_partition": True}, opts=opts,
        )  # fmt: skip

    return build


def regional_custom_domain(region: str | None = None, zone: str = "fleet.example.eu") -> Build:
    # docs: acm/certificate (DNS validation) + route53 validation records, apigateway/domainname (REGIONAL) and the
    # Route 53 alias record to its regional_domain_name / regional_zone_id, basepathmapping to the stack's API.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        hosted = aws.route53.Zone("public", name=zone, opts=opts)
        cert = aws.acm.Certificate("api", domain_name=f"api.{zone}", validation_method="DNS", opts=opts)
        validation = aws.route53.Record(
            "api-cert-validation", zone_id=hosted.zone_id,
            name=cert.domain_validation_options.apply(lambda o: o[0]["resource_record_name"] if o else "x"),
            type=cert.domain_validation_options.apply(lambda o: o[0]["resource_record_type"] if o else "CNAME"),
            records=[cert.domain_validation_options.apply(lambda o: o[0]["resource_record_value"] if o else "x")],
            ttl=60, opts=opts,
        )  # fmt: skip
        checked = aws.acm.CertificateValidation(
            "api", certificate_arn=cert.arn, validation_record_fqdns=[validation.fqdn], opts=opts
        )
        api = aws.apigateway.RestApi("owner-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        domain = aws.apigateway.DomainName(
            "api", domain_name=f"api.{zone}", regional_certificate_arn=checked.certificate_arn,
            endpoint_configuration={"types": "REGIONAL"}, security_policy="TLS_1_2", opts=opts,
        )  # fmt: skip
        aws.apigateway.BasePathMapping(
            "v1", rest_api=api.id, domain_name=domain.domain_name, base_path="v1", stage_name="prod", opts=opts
        )
        return aws.route53.Record(
            "api", zone_id=hosted.zone_id, name=domain.domain_name, type="A",
            aliases=[{"name": domain.regional_domain_name, "zone_id": domain.regional_zone_id,
                      "evaluate_target_health": False}],
            opts=opts,
        )  # fmt: skip

    return build


def s3_notifications(region: str | None = None) -> Build:
    # docs: s3/bucketnotification to the stack's SQS queue (queue policy for s3.amazonaws.com with aws:SourceArn and
    # aws:SourceAccount) and Lambda (permission with source_account), EventBridge enabled.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
        bucket = aws.s3.Bucket("dashcam-uploads", opts=opts)
        queue = aws.sqs.Queue("dashcam-uploads", sqs_managed_sse_enabled=True, opts=opts)
        aws.sqs.QueuePolicy(
            "dashcam-uploads", queue_url=queue.id,
            policy=pulumi.Output.all(queue.arn, bucket.arn, ident.account_id).apply(lambda a: _policy([{
                "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage",
                "Resource": a[0], "Condition": {"ArnLike": {"aws:SourceArn": a[1]},
                                                "StringEquals": {"aws:SourceAccount": a[2]}}}])),
            opts=opts,
        )  # fmt: skip
        fn = _function("thumbnailer", opts, {"OUTPUT_PREFIX": "thumbs/"})
        perm = aws.lambda_.Permission(
            "s3-invoke", action="lambda:InvokeFunction", function=fn.name, principal="s3.amazonaws.com",
            source_arn=bucket.arn, source_account=ident.account_id, opts=opts,
        )  # fmt: skip
        return aws.s3.BucketNotification(
            "dashcam-uploads", bucket=bucket.id, eventbridge=True,
            queues=[{"queue_arn": queue.arn, "events": ["s3:ObjectCreated:*"], "filter_suffix": ".mp4"}],
            lambda_functions=[{"lambda_function_arn": fn.arn, "events": ["s3:ObjectCreated:*"],
                               "filter_prefix": "raw/", "filter_suffix": ".jpg"}],
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[perm])),
        )  # fmt: skip

    return build


def backup_copy_in_country(region: str, copy_region: str) -> Build:
    # docs: backup/vault, backup/plan with a copy_action to the stack's vault in a second in-country region,
    # backup/selection of resources by tag with the AWSBackupServiceRolePolicyForBackup role.
    def build(c: Any) -> object:
        opts, copy_opts = _aws(region), _aws(copy_region)
        vault = aws.backup.Vault("fleet", opts=opts)
        dr_vault = aws.backup.Vault("fleet-dr", opts=copy_opts)
        plan = aws.backup.Plan(
            "fleet", rules=[{
                "rule_name": "daily", "target_vault_name": vault.name, "schedule": "cron(0 1 * * ? *)",
                "lifecycle": {"delete_after": 35},
                "copy_actions": [{"destination_vault_arn": dr_vault.arn, "lifecycle": {"delete_after": 90}}],
            }],
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("backup", assume_role_policy=_trust("backup.amazonaws.com"), opts=opts)
        aws.iam.RolePolicyAttachment(
            "backup", role=role.name,
            policy_arn=role.arn.apply(
                lambda a: f"arn:{a.split(':')[1]}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"),
            opts=opts,
        )  # fmt: skip
        return aws.backup.Selection(
            "tagged", plan_id=plan.id, iam_role_arn=role.arn,
            selection_tags=[{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}], opts=opts,
        )  # fmt: skip

    return build


def dynamodb_global_table_in_country(region: str, replica_region: str) -> Build:
    # docs: dynamodb/table replicas (global tables version 2019.11.21) in a second region of the same country.
    def build(c: Any) -> object:
        return aws.dynamodb.Table(
            "vehicle-profiles", billing_mode="PAY_PER_REQUEST", hash_key="vin",
            attributes=[{"name": "vin", "type": "S"}], stream_enabled=True, stream_view_type="NEW_AND_OLD_IMAGES",
            replicas=[{"region_name": replica_region, "point_in_time_recovery": True}], opts=_aws(region),
        )  # fmt: skip

    return build


def ali_ecs_bootstrap_from_mirrors(region: str, *, sed_mirror: str | None = None) -> Build:
    # docs: ECS "Use instance user data" and the Alibaba Cloud mirror (mirrors.cloud.aliyuncs.com from inside the VPC),
    # instance metadata at 100.100.100.200, the CloudMonitor agent installer from the regional OSS bucket; the image's
    # own repo files are kept. `sed_mirror` adds the docs' repo rewrite, which names that host in the script text:
    # "public" (mirrors.aliyun.com, edge-served) or "intranet" (mirrors.cloud.aliyuncs.com, which names no region and
    # whose serving region no document we found states: unproven).
    def build(c: Any) -> object:
        script = "\n".join(
            [
                "#!/bin/bash",
                "REGION=$(curl -s http://100.100.100.200/latest/meta-data/region-id)",
                *(
                    {
                        "public": [
                            "sed -i 's#^baseurl=.*/alinux/#baseurl=http://mirrors.aliyun.com/alinux/#' "
                            "/etc/yum.repos.d/*.repo"
                        ],
                        "intranet": [
                            "sed -i 's#^baseurl=.*/alinux/#baseurl=http://mirrors.cloud.aliyuncs.com/alinux/#' "
                            "/etc/yum.repos.d/*.repo"
                        ],
                    }.get(sed_mirror or "", [])
                ),
                "yum install -y docker-ce",
                f'ARGUS_VERSION=3.5.10 bash -c "$(curl -s https://cms-agent-{region}.oss-{region}-internal.aliyuncs.com'
                '/Argus/agent_install_ecs-1.7.sh)"',
                "systemctl enable --now docker",
                "",
            ]
        )
        import base64

        return alicloud.ecs.Instance(
            "charging-gateway", instance_type="ecs.g7.large", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            vswitch_id="vsw-a", security_groups=["sg-gw"], user_data=base64.b64encode(script.encode()).decode(),
            opts=_ali(region),
        )  # fmt: skip

    return build


def ali_sls_logtail_and_alert(region: str) -> Build:
    # docs: log/project, log/store, logtail/config (file input on the ECS machine group), log/machinegroup (private
    # IPs), log/logtailconfig (file input) and log/logtailattachment binding the config to the machine group.
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.log.Project("gateway-logs", project_name="fleet-gateway-logs", opts=opts)
        store = alicloud.log.Store(
            "access",
            project_name=project.project_name,
            logstore_name="access",
            retention_period=180,
            shard_count=2,
            auto_split=True,
            max_split_shard_count=8,
            opts=opts,
        )
        group = alicloud.log.MachineGroup(
            "gateways", project=project.project_name, name="gateways", identify_type="ip",
            identify_lists=["10.20.1.11", "10.20.1.12"], opts=opts,
        )  # fmt: skip
        config = alicloud.log.LogTailConfig(
            "nginx-access", project=project.project_name, logstore=store.logstore_name, name="nginx-access",
            input_type="file", output_type="LogService",
            input_detail=json.dumps({"logType": "json_log", "logPath": "/var/log/nginx", "filePattern": "access.log",
                                     "topicFormat": "none", "discardUnmatch": False}),
            opts=opts,
        )  # fmt: skip
        return alicloud.log.LogTailAttachment(
            "nginx-access", project=project.project_name, logtail_config_name=config.name,
            machine_group_name=group.name, opts=opts,
        )  # fmt: skip

    return build


def ali_private_zone_and_cen(region: str, peer_region: str) -> Build:
    # docs: pvtz/zone + zoneattachment + zonerecord (A to a private IP, CNAME to the stack's RDS connection string),
    # cen/instance with two VPCs of the stack in two mainland regions (cen/instanceattachment).
    def build(c: Any) -> object:
        opts, peer = _ali(region), _ali(peer_region)
        vpc = alicloud.vpc.Network("fleet", vpc_name="fleet", cidr_block="10.20.0.0/16", opts=opts)
        dr_vpc = alicloud.vpc.Network("fleet-dr", vpc_name="fleet-dr", cidr_block="10.30.0.0/16", opts=peer)
        zone = alicloud.pvtz.Zone("fleet-internal", zone_name="fleet.internal", opts=opts)
        alicloud.pvtz.ZoneAttachment("fleet-internal", zone_id=zone.id, vpc_ids=[vpc.id], opts=opts)
        db = alicloud.rds.Instance(
            "registry", engine="PostgreSQL", engine_version="16.0", instance_type="pg.n2.2c.2m",
            instance_storage=50, vswitch_id="vsw-a", security_ips=["10.20.0.0/16"], opts=opts,
        )  # fmt: skip
        alicloud.pvtz.ZoneRecord(
            "registry-db",
            zone_id=zone.id,
            rr="registry-db",
            type="CNAME",
            value=db.connection_string,
            ttl=60,
            opts=opts,
        )
        alicloud.pvtz.ZoneRecord("mqtt", zone_id=zone.id, rr="mqtt", type="A", value="10.20.3.40", ttl=60, opts=opts)
        cen = alicloud.cen.Instance("fleet", cen_instance_name="fleet", opts=opts)
        alicloud.cen.InstanceAttachment(
            "fleet", instance_id=cen.id, child_instance_id=vpc.id, child_instance_type="VPC",
            child_instance_region_id=region, opts=opts,
        )  # fmt: skip
        return alicloud.cen.InstanceAttachment(
            "fleet-dr", instance_id=cen.id, child_instance_id=dr_vpc.id, child_instance_type="VPC",
            child_instance_region_id=peer_region, opts=opts,
        )  # fmt: skip

    return build


def ali_oss_fc_trigger(region: str) -> Build:
    # docs: fc/v3function + fc/v3trigger (oss trigger on the stack's bucket: source_arn acs:oss:<region>:<uid>:<bucket>,
    # invocation role for oss.aliyuncs.com), the function writing thumbnails back to the internal OSS endpoint.
    def build(c: Any) -> object:
        opts = _ali(region)
        bucket = alicloud.oss.Bucket("dashcam-frames", bucket=f"fleet-dashcam-frames-{region}", opts=opts)
        role = alicloud.ram.Role(
            "oss-invoke-fc",
            role_name="oss-invoke-fc",
            assume_role_policy_document=_ram_trust("oss.aliyuncs.com"),
            opts=opts,
        )
        fn_role = alicloud.ram.Role(
            "fc-thumbs", role_name="fc-thumbs", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        fn = alicloud.fc.V3Function(
            "thumbnailer", function_name="thumbnailer", runtime="python3.10", handler="index.handler",
            role=fn_role.arn, code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={"OSS_ENDPOINT": f"oss-{region}-internal.aliyuncs.com", "BUCKET": bucket.bucket},
            opts=opts,
        )  # fmt: skip
        return alicloud.fc.V3Trigger(
            "frames-created", function_name=fn.function_name, trigger_name="frames-created", trigger_type="oss",
            qualifier="LATEST", invocation_role=role.arn,
            source_arn=bucket.bucket.apply(lambda b: f"acs:oss:{region}:1234567890123456:{b}"),
            trigger_config=json.dumps({"events": ["oss:ObjectCreated:PutObject"],
                                       "filter": {"key": {"prefix": "frames/", "suffix": ".jpg"}}}),
            opts=opts,
        )  # fmt: skip

    return build


# -- batch 3: policy variables, redirect placeholders, AWS-owned principals and images of the stack's region --------


def iot_fleet_policy(region: str | None = None) -> Build:
    # docs: iot/policy with the "AWS IoT Core policy variables" (${iot:Connection.Thing.ThingName},
    # ${iot:ClientId}), iot/thing, certificate, policyattachment, thingprincipalattachment; the device data endpoint
    # (iot:Data-ATS, "<prefix>-ats.iot.<region>.amazonaws.com") handed to the provisioning Lambda.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke).partition
        region_name = aws.get_region_output(opts=invoke).region
        endpoint = aws.iot.get_endpoint_output(endpoint_type="iot:Data-ATS", opts=invoke)
        policy = aws.iot.Policy(
            "vehicle",
            policy=pulumi.Output.all(part, region_name, ident.account_id).apply(lambda a: _policy([
                {"Effect": "Allow", "Action": "iot:Connect",
                 "Resource": f"arn:{a[0]}:iot:{a[1]}:{a[2]}:client/${{iot:Connection.Thing.ThingName}}"},
                {"Effect": "Allow", "Action": ["iot:Publish", "iot:Receive"],
                 "Resource": f"arn:{a[0]}:iot:{a[1]}:{a[2]}:topic/fleet/${{iot:Connection.Thing.ThingName}}/*"},
                {"Effect": "Allow", "Action": "iot:Subscribe",
                 "Resource": f"arn:{a[0]}:iot:{a[1]}:{a[2]}:topicfilter/fleet/${{iot:ClientId}}/*"},
                {"Effect": "Allow", "Action": ["iot:GetThingShadow", "iot:UpdateThingShadow"],
                 "Resource": f"arn:{a[0]}:iot:{a[1]}:{a[2]}:thing/${{iot:Connection.Thing.ThingName}}"},
            ])),
            opts=opts,
        )  # fmt: skip
        thing = aws.iot.Thing("LSV0000000000001", attributes={"model": "ev-s"}, opts=opts)
        cert = aws.iot.Certificate("LSV0000000000001", active=True, opts=opts)
        aws.iot.PolicyAttachment("LSV0000000000001", policy=policy.name, target=cert.arn, opts=opts)
        aws.iot.ThingPrincipalAttachment("LSV0000000000001", thing=thing.name, principal=cert.arn, opts=opts)
        return _function("provisioner", opts, {"IOT_ENDPOINT": endpoint.endpoint_address, "POLICY": policy.name})

    return build


def alb_redirect_and_logs(region: str, elb_account: str | None) -> Build:
    # docs: lb/listener with the HTTP→HTTPS redirect ("#{host}", "#{path}", "#{query}" placeholders), access logs to
    # the stack's bucket whose policy lets the Region's Elastic Load Balancing account (regions before August 2022,
    # China included) or logdelivery.elasticloadbalancing.amazonaws.com (newer regions) write.
    def build(c: Any) -> object:
        opts = _aws(region)
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        part = aws.get_partition_output(opts=invoke).partition
        logs = aws.s3.Bucket("alb-access-logs", opts=opts)
        principal: Any = (
            part.apply(lambda p: {"AWS": f"arn:{p}:iam::{elb_account}:root"}) if elb_account
            else {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}
        )  # fmt: skip
        policy = aws.s3.BucketPolicy(
            "alb-access-logs", bucket=logs.id,
            policy=pulumi.Output.all(logs.arn, ident.account_id, principal).apply(lambda a: _policy([{
                "Effect": "Allow", "Principal": a[2], "Action": "s3:PutObject",
                "Resource": f"{a[0]}/fleet-api/AWSLogs/{a[1]}/*"}])),
            opts=opts,
        )  # fmt: skip
        alb = aws.lb.LoadBalancer(
            "fleet-api", load_balancer_type="application", subnets=["subnet-a", "subnet-b"], security_groups=["sg"],
            access_logs={"bucket": logs.id, "prefix": "fleet-api", "enabled": True},
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[policy])),
        )  # fmt: skip
        return aws.lb.Listener(
            "http", load_balancer_arn=alb.arn, port=80, protocol="HTTP",
            default_actions=[{"type": "redirect", "redirect": {
                "protocol": "HTTPS", "port": "443", "host": "#{host}", "path": "/#{path}", "query": "#{query}",
                "status_code": "HTTP_301"}}],
            opts=opts,
        )  # fmt: skip

    return build


def sagemaker_dlc_endpoint(region: str, dlc_account: str) -> Build:
    # docs: sagemaker/model with an AWS Deep Learning Container image ("Available Deep Learning Containers Images":
    # <account>.dkr.ecr.<region>.<suffix>/pytorch-inference), model data in the stack's bucket, endpointconfiguration
    # with the stack's KMS key, endpoint; the execution role for sagemaker.amazonaws.com.
    def build(c: Any) -> object:
        opts = _aws(region)
        dns = "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"
        models = aws.s3.Bucket("range-models", opts=opts)
        key = aws.kms.Key("range-models", enable_key_rotation=True, opts=opts)
        role = aws.iam.Role("sagemaker", assume_role_policy=_trust("sagemaker.amazonaws.com"), opts=opts)
        model = aws.sagemaker.Model(
            "range-predictor", execution_role_arn=role.arn,
            primary_container={
                "image": f"{dlc_account}.dkr.ecr.{region}.{dns}/pytorch-inference:"
                         "2.3.0-cpu-py311-ubuntu20.04-sagemaker",
                "model_data_url": models.bucket.apply(lambda b: f"s3://{b}/range/model.tar.gz"),
                "environment": {"SAGEMAKER_PROGRAM": "inference.py", "SAGEMAKER_REGION": region},
            },
            vpc_config={"subnets": ["subnet-a"], "security_group_ids": ["sg-sm"]}, opts=opts,
        )  # fmt: skip
        config = aws.sagemaker.EndpointConfiguration(
            "range-predictor", kms_key_arn=key.arn,
            production_variants=[{"variant_name": "primary", "model_name": model.name, "instance_type": "ml.c6i.large",
                                  "initial_instance_count": 1}],
            opts=opts,
        )  # fmt: skip
        return aws.sagemaker.Endpoint("range-predictor", endpoint_config_name=config.name, opts=opts)

    return build


def msk_to_lambda(region: str | None = None) -> Build:
    # docs: msk/cluster (IAM auth, TLS, broker logs to the stack's log group), lambda/eventsourcemapping on the
    # cluster ARN, a consumer given the bootstrap brokers (bootstrap_brokers_sasl_iam, comma-separated host:port).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        logs = aws.cloudwatch.LogGroup("/msk/fleet-events", retention_in_days=14, opts=opts)
        cluster = aws.msk.Cluster(
            "fleet-events", kafka_version="3.6.0", number_of_broker_nodes=3,
            broker_node_group_info={"instance_type": "kafka.m7g.large", "client_subnets": ["subnet-a", "subnet-b",
                                    "subnet-c"], "security_groups": ["sg-msk"]},
            client_authentication={"sasl": {"iam": True}},
            encryption_info={"encryption_in_transit": {"client_broker": "TLS", "in_cluster": True}},
            logging_info={"broker_logs": {"cloudwatch_logs": {"enabled": True, "log_group": logs.name}}},
            opts=opts,
        )  # fmt: skip
        fn = _function(
            "charging-consumer",
            opts,
            {"KAFKA_BROKERS": cluster.bootstrap_brokers_sasl_iam, "TOPIC": "charging"},
            vpc_config={"subnet_ids": ["subnet-a"], "security_group_ids": ["sg-fn"]},
        )
        return aws.lambda_.EventSourceMapping(
            "charging", event_source_arn=cluster.arn, function_name=fn.arn, topics=["charging"],
            starting_position="TRIM_HORIZON", batch_size=500, opts=opts,
        )  # fmt: skip

    return build


def prometheus_remote_write(region: str | None = None) -> Build:
    # docs: amp/workspace, the ADOT collector config (prometheusremotewrite exporter to the workspace's
    # prometheus_endpoint + "api/v1/remote_write", sigv4auth with the region), carried in an SSM parameter the
    # ECS sidecar reads (AOT_CONFIG_CONTENT).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        ws = aws.amp.Workspace("fleet-metrics", alias="fleet-metrics", opts=opts)
        config = pulumi.Output.all(ws.prometheus_endpoint, region_name).apply(
            lambda a: "\n".join(
                [
                    "receivers:",
                    "  prometheus:",
                    "    config:",
                    "      scrape_configs:",
                    "        - job_name: charging-gateway",
                    "          static_configs:",
                    "            - targets: ['localhost:9100']",
                    "extensions:",
                    "  sigv4auth:",
                    f"    region: {a[1]}",
                    "exporters:",
                    "  prometheusremotewrite:",
                    f"    endpoint: {a[0]}api/v1/remote_write",
                    "    auth:",
                    "      authenticator: sigv4auth",
                    "service:",
                    "  extensions: [sigv4auth]",
                    "  pipelines:",
                    "    metrics:",
                    "      receivers: [prometheus]",
                    "      exporters: [prometheusremotewrite]",
                    "",
                ]
            )
        )
        return aws.ssm.Parameter(
            "adot-config", name="/fleet/adot/config", type="String", tier="Advanced", value=config, opts=opts
        )

    return build


def synthetics_canary(region: str | None = None) -> Build:
    # docs: synthetics/canary (artifacts in the stack's bucket, s3://bucket/prefix), a heartbeat on the stack's own
    # regional API (its invoke URL from the stage output), run in the VPC.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        artifacts = aws.s3.Bucket("canary-artifacts", opts=opts)
        api = aws.apigatewayv2.Api("status", protocol_type="HTTP", opts=opts)
        stage = aws.apigatewayv2.Stage("live", api_id=api.id, name="live", auto_deploy=True, opts=opts)
        role = aws.iam.Role("canary", assume_role_policy=_trust("lambda.amazonaws.com"), opts=opts)
        return aws.synthetics.Canary(
            "status-heartbeat", name="status-heartbeat", execution_role_arn=role.arn, handler="index.handler",
            runtime_version="syn-nodejs-puppeteer-9.1", zip_file="canary.zip",
            artifact_s3_location=artifacts.bucket.apply(lambda b: f"s3://{b}/canary/"),
            schedule={"expression": "rate(5 minutes)"},
            run_config={"timeout_in_seconds": 60,
                        "environment_variables": {"URL": stage.invoke_url.apply(lambda u: f"{u}/health")}},
            opts=opts,
        )  # fmt: skip

    return build


def ali_actiontrail_to_own_sls_oss(region: str) -> Build:
    # docs: actiontrail/trail delivering to the stack's OSS bucket and SLS project (sls_project_arn
    # "acs:log:<region>:<uid>:project/<name>", sls_write_role_arn the AliyunServiceRoleForActionTrail role ARN).
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        bucket = alicloud.oss.Bucket("audit", bucket=f"fleet-audit-{region}", opts=opts)
        project = alicloud.log.Project("audit", project_name=f"fleet-audit-{region}", opts=opts)
        return alicloud.actiontrail.Trail(
            "fleet-audit", trail_name="fleet-audit", trail_region="All", event_rw="All",
            oss_bucket_name=bucket.bucket, oss_key_prefix="actiontrail",
            sls_project_arn=project.project_name.apply(lambda p: f"acs:log:{region}:1234567890123456:project/{p}"),
            sls_write_role_arn="acs:ram::1234567890123456:role/aliyunserviceroleforactiontrail", opts=opts,
        )  # fmt: skip

    return build


def ali_tablestore_and_kafka(region: str) -> Build:
    # docs: ots/instance + ots/table (the instance's VPC endpoint https://<instance>.<region>.vpc.tablestore.aliyuncs.com),
    # alikafka/instance (VPC, its domain_endpoint output), an SAE application given both.
    def build(c: Any) -> object:
        opts = _ali(region)
        ots = alicloud.ots.Instance(
            "fleetstate", name="fleetstate", accessed_by="Vpc", instance_type="HighPerformance", opts=opts
        )
        alicloud.ots.Table(
            "vehicle-state", instance_name=ots.name, table_name="vehicle_state", time_to_live=-1, max_version=1,
            primary_keys=[{"name": "vin", "type": "String"}], opts=opts,
        )  # fmt: skip
        kafka = alicloud.alikafka.Instance(
            "charging-events", name="charging-events", partition_num=50, disk_type=1, disk_size=500, deploy_type=5,
            io_max=20, vswitch_id="vsw-a", security_group="sg-kafka", opts=opts,
        )  # fmt: skip
        return alicloud.sae.Application(
            "state-projector", app_name="state-projector", package_type="Image", replicas=2, cpu=1000, memory=2048,
            vpc_id="vpc-1", vswitch_id="vsw-a", namespace_id=f"{region}:fleet",
            image_url=f"registry-vpc.{region}.aliyuncs.com/fleet/state-projector:1.0.3",
            envs=pulumi.Output.all(ots.name, kafka.domain_endpoint).apply(lambda a: json.dumps([
                {"name": "OTS_ENDPOINT", "value": f"https://{a[0]}.{region}.vpc.tablestore.aliyuncs.com"},
                {"name": "OTS_INSTANCE", "value": a[0]},
                {"name": "KAFKA_BOOTSTRAP", "value": a[1]},
            ])),
            opts=opts,
        )  # fmt: skip

    return build


def ali_slb_intranet_with_nas(region: str) -> Build:
    # docs: nas/filesystem + mounttarget (its mount_target_domain output), slb/loadbalancer (intranet), an ECS launch
    # template whose user data mounts the NAS over NFS v3 (mount -t nfs -o vers=3,nolock,proto=tcp <domain>:/ /mnt).
    def build(c: Any) -> object:
        import base64

        opts = _ali(region)
        fs = alicloud.nas.FileSystem(
            "map-tiles", protocol_type="NFS", storage_type="Performance", file_system_type="standard", opts=opts
        )
        target = alicloud.nas.MountTarget(
            "map-tiles", file_system_id=fs.id, access_group_name="DEFAULT_VPC_GROUP_NAME", vswitch_id="vsw-a", opts=opts
        )
        alicloud.slb.LoadBalancer(
            "tiles",
            load_balancer_name="tiles",
            address_type="intranet",
            load_balancer_spec="slb.s2.small",
            vswitch_id="vsw-a",
            opts=opts,
        )
        return alicloud.ecs.LaunchTemplate(
            "tile-server", launch_template_name="tile-server", image_id="aliyun_3_x64_20G_alibase_20240819.vhd",
            instance_type="ecs.g7.large", security_group_id="sg-tiles", vswitch_id="vsw-a",
            user_data=target.mount_target_domain.apply(lambda d: base64.b64encode(
                f"#!/bin/bash\nyum install -y nfs-utils\nmkdir -p /mnt/tiles\n"
                f"mount -t nfs -o vers=3,nolock,proto=tcp,noresvport {d}:/ /mnt/tiles\n".encode()).decode()),
            opts=opts,
        )  # fmt: skip

    return build


# -- batch 4: copies kept inside the country (second region of the same jurisdiction) ------------------------------


def s3_multi_region_access_point(regions: list[str]) -> Build:
    # docs: s3control/multiregionaccesspoint over the stack's buckets in two regions of the country; its alias-based
    # ARN (arn:<partition>:s3::<account>:accesspoint/<alias>.mrap) names no region.
    def build(c: Any) -> object:
        buckets = [aws.s3.Bucket(f"maps-{r}", opts=_aws(r)) for r in regions]
        return aws.s3control.MultiRegionAccessPoint(
            "maps", details={"name": "fleet-maps", "regions": [{"bucket": b.id} for b in buckets]}, opts=c.aws
        )

    return build


def regional_access_points(regions: list[str]) -> Build:
    # docs: s3/accesspoint per regional bucket (VPC-restricted), the in-country alternative to a Multi-Region Access
    # Point: each client is given its region's access point ARN.
    def build(c: Any) -> object:
        points = []
        for r in regions:
            bucket = aws.s3.Bucket(f"maps-{r}", opts=_aws(r))
            points.append(
                aws.s3.AccessPoint(
                    f"maps-{r}", bucket=bucket.id, name=f"maps-{r}", vpc_configuration={"vpc_id": "vpc-1"}, opts=_aws(r)
                )
            )
        return _function(
            "tile-router",
            c.aws,
            {f"AP_{r.replace('-', '_').upper()}": p.arn for r, p in zip(regions, points, strict=True)},
        )

    return build


def replicas_in_country(region: str, replica_region: str) -> Build:
    # docs: kms/key multi_region + kms/replicakey, secretsmanager/secret replicas (region, kms_key_id of the replica
    # key), rds/instance cross-region read replica (replicate_source_db = the source's ARN) in the second region.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(replica_region)
        key = aws.kms.Key("fleet-mrk", multi_region=True, enable_key_rotation=True, opts=opts)
        replica_key = aws.kms.ReplicaKey("fleet-mrk-dr", primary_key_arn=key.arn, opts=dr)
        aws.secretsmanager.Secret(
            "telematics-api-key", kms_key_id=key.arn,
            replicas=[{"region": replica_region, "kms_key_id": replica_key.arn}], opts=opts,
        )  # fmt: skip
        source = aws.rds.Instance(
            "warranty", engine="postgres", engine_version="16.4", instance_class="db.m7g.large", allocated_storage=100,
            username="warranty", manage_master_user_password=True, storage_encrypted=True, kms_key_id=key.arn,
            backup_retention_period=7, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        aws.rds.InstanceAutomatedBackupsReplication(
            "warranty", source_db_instance_arn=source.arn, kms_key_id=replica_key.arn, retention_period=14, opts=dr
        )
        return aws.rds.Instance(
            "warranty-dr", replicate_source_db=source.arn, instance_class="db.m7g.large", storage_encrypted=True,
            kms_key_id=replica_key.arn, skip_final_snapshot=True, opts=dr,
        )  # fmt: skip

    return build


def aurora_global_in_country(region: str, secondary_region: str) -> Build:
    # docs: rds/globalcluster with a primary cluster and a secondary cluster (global_cluster_identifier) in a second
    # region of the same country.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(secondary_region)
        global_cluster = aws.rds.GlobalCluster(
            "fleet-global", global_cluster_identifier="fleet-global", engine=aws.rds.EngineType.AURORA_POSTGRESQL,
            engine_version="16.4", database_name="fleet", storage_encrypted=True, opts=opts,
        )  # fmt: skip
        primary = aws.rds.Cluster(
            "fleet-primary", engine=global_cluster.engine, engine_version=global_cluster.engine_version,
            global_cluster_identifier=global_cluster.id, master_username="fleet_admin",
            manage_master_user_password=True, db_subnet_group_name="fleet-db", opts=opts,
        )  # fmt: skip
        return aws.rds.Cluster(
            "fleet-secondary", engine=global_cluster.engine, engine_version=global_cluster.engine_version,
            global_cluster_identifier=global_cluster.id, db_subnet_group_name="fleet-db-dr",
            kms_key_id=aws.kms.Key("fleet-dr", opts=dr).arn,
            opts=pulumi.ResourceOptions.merge(dr, pulumi.ResourceOptions(depends_on=[primary])),
        )  # fmt: skip

    return build


def cognito_identity_pool(region: str | None = None) -> Build:
    # docs: cognito/identitypool with the user pool as provider, iam role trusting cognito-identity.amazonaws.com
    # (AssumeRoleWithWebIdentity, "cognito-identity.amazonaws.com:aud" = the pool id, amr "authenticated"),
    # identitypoolroleattachment. The provider name is the user pool's issuer host (cognito-idp.<region>.<suffix>):
    # the China form under amazonaws.com.cn follows the China endpoint list, not a Cognito page (not confirmed).
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        region_name = aws.get_region_output(opts=invoke).region
        suffix = aws.get_partition_output(opts=invoke).dns_suffix
        user_pool = aws.cognito.UserPool("owners", opts=opts)
        client = aws.cognito.UserPoolClient("owner-app-client", user_pool_id=user_pool.id, opts=opts)
        pool = aws.cognito.IdentityPool(
            "owner-app-identities", identity_pool_name="owner_app", allow_unauthenticated_identities=False,
            cognito_identity_providers=[{
                "client_id": client.id, "server_side_token_check": True,
                "provider_name": pulumi.Output.all(region_name, suffix, user_pool.id).apply(
                    lambda a: f"cognito-idp.{a[0]}.{a[1]}/{a[2]}"),
            }],
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role(
            "owner-app-authenticated",
            assume_role_policy=pool.id.apply(lambda pid: _policy([{
                "Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": pid},
                              "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}},
            }])),
            opts=opts,
        )  # fmt: skip
        return aws.cognito.IdentityPoolRoleAttachment(
            "owner-app-roles", identity_pool_id=pool.id, roles={"authenticated": role.arn}, opts=opts
        )

    return build


def ali_oss_replication_in_country(region: str, dest_region: str) -> Build:
    # docs: oss/bucketreplication (cross-region replication) from the stack's bucket to its bucket in a second
    # mainland region (destination.location "oss-<region>", transfer_type internal).
    def build(c: Any) -> object:
        src = alicloud.oss.Bucket("dashcam-src", bucket=f"fleet-dashcam-{region}", opts=_ali(region))
        dst = alicloud.oss.Bucket("dashcam-dst", bucket=f"fleet-dashcam-{dest_region}", opts=_ali(dest_region))
        return alicloud.oss.BucketReplication(
            "dashcam", bucket=src.bucket, action="PUT,DELETE", historical_object_replication="enabled",
            destination={"bucket": dst.bucket, "location": f"oss-{dest_region}", "transfer_type": "internal"},
            opts=_ali(region),
        )  # fmt: skip

    return build


# -- batch 5: runbook links in descriptions that are not named `description` -----------------------------------------

RUNBOOK = "https://wiki.corp.example.com/runbooks"


def ops_runbook_links(region: str | None = None, *, notify_wiki: bool = False) -> Build:
    # docs: cloudwatch/metricalarm and compositealarm (alarm_description carrying the runbook link on-call reads),
    # route53/zone (comment), sfn/statemachine (ASL "Comment" on the machine and its states, nested in a Parallel).
    # `notify_wiki` subscribes the wiki's HTTPS hook to the alarm topic: then the alarm's notifications go there.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        topic = aws.sns.Topic("ota-oncall", opts=opts)
        if notify_wiki:
            aws.sns.TopicSubscription(
                "wiki-hook", topic=topic.arn, protocol="https", endpoint=f"{RUNBOOK}/hooks/alarm", opts=opts
            )
        alarm = aws.cloudwatch.MetricAlarm(
            "ota-error-rate", comparison_operator="GreaterThanThreshold", evaluation_periods=3, threshold=5,
            metric_name="Errors", namespace="AWS/Lambda", dimensions={"FunctionName": "ota-dispatch"}, period=60,
            statistic="Sum", alarm_actions=[topic.arn],
            alarm_description=f"OTA dispatch is failing. Runbook: {RUNBOOK}/ota-dispatch (owner: fleet-ota)",
            opts=opts,
        )  # fmt: skip
        aws.cloudwatch.CompositeAlarm(
            "ota-degraded", alarm_name="ota-degraded", alarm_actions=[topic.arn],
            alarm_rule=alarm.name.apply(lambda n: f'ALARM("{n}")'),
            alarm_description=f"OTA degraded; follow {RUNBOOK}/ota-degraded before paging the vendor", opts=opts,
        )  # fmt: skip
        aws.route53.Zone(
            "ota-internal", name="ota.fleet.internal", vpcs=[{"vpc_id": "vpc-1"}],
            comment=f"OTA service discovery; see {RUNBOOK}/dns", opts=opts,
        )  # fmt: skip
        fn = _function("ota-rollback", opts)
        role = aws.iam.Role("ota-rollback-sfn", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
        part = aws.get_partition_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).partition
        return aws.sfn.StateMachine(
            "ota-rollback", role_arn=role.arn,
            definition=pulumi.Output.all(fn.arn, part).apply(lambda a: json.dumps({
                "Comment": f"Roll back a firmware wave. Runbook: {RUNBOOK}/ota-rollback",
                "StartAt": "Rollback",
                "States": {
                    "Rollback": {
                        "Type": "Parallel", "Comment": "halt the wave and revert the canaries together", "End": True,
                        "Branches": [{
                            "StartAt": "Revert",
                            "States": {"Revert": {
                                "Type": "Task", "Resource": f"arn:{a[1]}:states:::lambda:invoke",
                                "Comment": f"see {RUNBOOK}/ota-rollback#revert",
                                "Parameters": {"FunctionName": a[0], "Payload.$": "$"}, "End": True}},
                        }],
                    },
                },
            })),
            opts=opts,
        )  # fmt: skip

    return build


def ali_ops_runbook_links(region: str, *, webhook_to_wiki: bool = False) -> Build:
    # docs: cms/alarmcontactgroup (describe), datahub/project + topic (comment), log/alert (alert_description,
    # annotations title/desc/runbook). `webhook_to_wiki` gives the stack's Function Compute function the wiki's hook URL
    # to post alerts to: a destination.
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.cms.AlarmContactGroup(
            "gateway-oncall", alarm_contact_group_name="gateway-oncall",
            describe=f"Charging gateway on-call; runbook {RUNBOOK}/gateway", opts=opts,
        )  # fmt: skip
        hub = alicloud.datahub.Project(
            "gateway_events",
            name="gateway_events",
            comment=f"Gateway events, schema at {RUNBOOK}/gateway-events",
            opts=opts,
        )
        alicloud.datahub.Topic(
            "heartbeats", name="heartbeats", project_name=hub.name, record_type="BLOB", shard_count=2, life_cycle=3,
            comment=f"heartbeats; retention policy {RUNBOOK}/retention", opts=opts,
        )  # fmt: skip
        if webhook_to_wiki:
            role = alicloud.ram.Role(
                "fc-notify", role_name="fc-notify", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
            )
            alicloud.fc.V3Function(
                "alert-notifier", function_name="alert-notifier", runtime="python3.10", handler="index.handler",
                role=role.arn, code={"zip_file": "UEsDBAoAAAAAAA=="},
                environment_variables={"WEBHOOK_URL": f"{RUNBOOK}/hooks/alert"}, opts=opts,
            )  # fmt: skip
        return alicloud.log.Alert(
            "gateway-5xx", project_name="gateway-logs", alert_name="gateway-5xx", alert_displayname="gateway 5xx",
            alert_description=f"5xx above 1% for 5 minutes. Runbook: {RUNBOOK}/gateway-5xx", version="2.0",
            type="default", schedule={"type": "FixedRate", "interval": "5m"},
            query_lists=[{"store": "access", "store_type": "log", "start": "-5m", "end": "now",
                          "query": "status >= 500 | select count(*) as errors"}],
            annotations=[{"key": "title", "value": "Gateway 5xx"},
                         {"key": "runbook", "value": f"{RUNBOOK}/gateway-5xx"}],
            opts=opts,
        )  # fmt: skip

    return build


# -- batch 6: content the service returns or mails to people -------------------------------------------------------

STATUS = "https://status.fleet-example.eu"


def edge_responses_with_status_links(region: str | None = None, *, redirect_to_status: bool = False) -> Build:
    # docs: wafv2/webacl custom_response_bodies (the blocked page), lb/listenerrule fixed-response (maintenance page),
    # ses/template (receipt mail), cognito/userpool invite message, ssm/maintenancewindowtask run-command comment, an
    # ASL Fail state's Cause. `redirect_to_status` sends the clients themselves to the status host (a redirect action):
    # then their requests go there.
    def build(c: Any) -> object:
        opts = _aws(region) if region else c.aws
        aws.wafv2.WebAcl(
            "driver-app", scope="REGIONAL", default_action={"allow": {}},
            custom_response_bodies=[{"key": "blocked", "content_type": "TEXT_HTML",
                                     "content": f"<p>Request blocked. Status: <a href='{STATUS}'>{STATUS}</a></p>"}],
            visibility_config={"cloudwatch_metrics_enabled": True, "metric_name": "driver-app",
                               "sampled_requests_enabled": True},
            opts=opts,
        )  # fmt: skip
        alb = aws.lb.LoadBalancer(
            "driver-app", load_balancer_type="application", subnets=["subnet-a", "subnet-b"], opts=opts
        )
        listener = aws.lb.Listener(
            "driver-app", load_balancer_arn=alb.arn, port=80, protocol="HTTP",
            default_actions=[{"type": "fixed-response", "fixed_response": {
                "content_type": "text/plain", "status_code": "404", "message_body": f"Not found. Status: {STATUS}"}}],
            opts=opts,
        )  # fmt: skip
        action: Any = (
            {"type": "redirect", "redirect": {"host": "status.fleet-example.eu", "path": "/", "protocol": "HTTPS",
                                              "status_code": "HTTP_302"}}
            if redirect_to_status else
            {"type": "fixed-response", "fixed_response": {
                "content_type": "text/plain", "status_code": "503",
                "message_body": f"Scheduled maintenance until 06:00 UTC, see {STATUS}/maintenance"}}
        )  # fmt: skip
        aws.lb.ListenerRule(
            "maintenance", listener_arn=listener.arn, priority=10, actions=[action],
            conditions=[{"path_pattern": {"values": ["/api/*"]}}], opts=opts,
        )  # fmt: skip
        aws.ses.Template(
            "charging-receipt", name="charging-receipt", subject="Your charging receipt",
            html=f"<p>Thanks for charging with us. Service status: <a href='{STATUS}'>{STATUS}</a></p>",
            text=f"Thanks for charging with us. Service status: {STATUS}", opts=opts,
        )  # fmt: skip
        aws.cognito.UserPool(
            "fleet-managers",
            admin_create_user_config={"allow_admin_create_user_only": True, "invite_message_template": {
                "email_subject": "Your fleet portal account",
                "email_message": f"Username {{username}}, temporary password {{####}}. Status page: {STATUS}",
                "sms_message": "Username {username}, temporary password {####}"}},
            opts=opts,
        )  # fmt: skip
        aws.ssm.MaintenanceWindowTask(
            "monthly-patching", window_id="mw-0123456789abcdef0", task_type="RUN_COMMAND",
            task_arn="AWS-RunPatchBaseline", priority=1, max_concurrency="10%", max_errors="5%",
            targets=[{"key": "WindowTargetIds", "values": ["e32eecb2-646c-4f4b-8ed1-205fbEXAMPLE"]}],
            task_invocation_parameters={"run_command_parameters": {
                "comment": f"Monthly gateway patching, announced on {STATUS}", "timeout_seconds": 600,
                "parameters": [{"name": "Operation", "values": ["Install"]}]}},
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("wave-guard", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
        return aws.sfn.StateMachine(
            "wave-guard", role_arn=role.arn,
            definition=json.dumps({"StartAt": "Halt", "States": {"Halt": {
                "Type": "Fail", "Error": "WaveHalted", "Cause": f"OTA wave halted by the guard; see {STATUS}"}}}),
            opts=opts,
        )  # fmt: skip

    return build


def ali_edge_responses_with_status_links(region: str, *, redirect_to_status: bool = False) -> Build:
    # docs: alb/rule FixedResponse (maintenance page), cr/repo summary and detail. `redirect_to_status` makes the rule a
    # Redirect to the status host instead.
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.cr.Repo(
            "ota-agent", namespace="fleet", name="ota-agent", repo_type="PRIVATE", summary="OTA agent images",
            detail=f"Release notes and incidents: {STATUS}", opts=opts,
        )  # fmt: skip
        action: Any = (
            {"order": 1, "type": "Redirect", "redirect_config": {"host": "status.fleet-example.eu", "http_code": "302",
                                                                 "protocol": "HTTPS", "path": "/"}}
            if redirect_to_status else
            {"order": 1, "type": "FixedResponse", "fixed_response_config": {
                "content": f"Scheduled maintenance until 06:00 CST, see {STATUS}/maintenance",
                "content_type": "text/plain", "http_code": "503"}}
        )  # fmt: skip
        return alicloud.alb.Rule(
            "maintenance", listener_id="lsn-0bfuchoh3ej1t8obox", priority=10, rule_name="maintenance",
            rule_conditions=[{"type": "Path", "path_config": {"values": ["/api/*"]}}], rule_actions=[action],
            opts=opts,
        )  # fmt: skip

    return build
