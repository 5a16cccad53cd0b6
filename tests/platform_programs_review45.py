"""Programs of the false-alarm review of stop 45's changes (review45): compliant programs stop 45 might refuse.

Stop 45 made the engine refuse more: a state machine's RDS Data API ``ResourceArn`` and CloudWatch Logs
``PutSubscriptionFilter`` ``DestinationArn`` judged by account (cloudflow45, RES-023); a CloudFormation template's
state machine definition and OpenAPI ``Body`` judged as the Pulumi type's input (cfnsfn45, RES-023 / RES-024); FireLens
options' ``${VAR}`` read as in a file (logplugins45, RES-016); an unappliable sed delete on a log-router file failing
closed, and PyIceberg's role keys judged by account (scripts45, RES-016 / RES-023). For each, the nearest compliant
forms a real user writes, in every jurisdiction the service is in (CN's aws-cn partition included):

- ``sfn-*`` (EU / US / JP / CN): the stack's own Aurora cluster by its ``arn`` output as the RDS Data API
  ``ResourceArn`` under a provider pinning no account (``-own-unpinned``, Parameters; ``-jsonata-own-unpinned``,
  Arguments) and under the pinned provider; its own logs destination and Lambda function as ``DestinationArn``
  (unpinned). Twin: the own account's cluster written out by hand beside the made one under the unpinned provider
  (``rdsdata-literal-unpinned``: nothing ties it to the provider's account), RES-023 outside CN.
- ``cfn-*`` (EU / US / JP / CN, a provider pinning no account): a template state machine publishing to the stack's
  own topic passed in by its Pulumi ``arn`` output, the template's own topic by ``Fn::Sub``'s ``${Alerts}``, an
  ``Fn::Sub`` variable map, ``Fn::GetAtt`` of its own function, ``Fn::ImportValue`` (an export of the same account and
  Region, CloudFormation "Fn::ImportValue"), ``${AWS::AccountId}``; an HTTP API Body whose SQS-ReceiveMessage route is
  behind a JWT authorizer whose issuer is the in-country Cognito user pool, a RestApi Body whose S3 read is behind a
  Cognito user pool authorizer. Twin: a partner's topic, RES-023 outside CN.
- ``script-*`` (EU / US / JP / CN): EC2 user data writing a fluent-bit.conf whose datadog output goes to the stack's
  internal NLB, then the plain sed deletes people write to tidy it (comments, blank lines, ``-e`` twice, ``;``, a
  backup suffix, GNU ``\\s``), awk or a line-number delete on another file. Twin: the unappliable delete (scripts45's
  ``delete-unapplied-datadog``) stays RES-016.
- ``iceberg-*`` (EU / US / JP): PyIceberg's ``client.role-arn`` given the stack's own role by its ``arn`` output under
  a provider pinning no account.
- ``firelens-*`` (EU / US / JP / CN): FireLens options with ``${VAR}`` in keys that name no destination (the log
  group, stream prefix, Datadog service and tags) beside a written or the platform's Region / host;
  ``${AWS_DEFAULT_REGION}`` in an ECS task.

tests/test_realistic_programs.py runs them as CASES (``review45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

OWN = "123456789012"
"""The team's account (the table's pinned provider's; the unpinned provider pins none)."""
PARTNER = "444455556666"
HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

SFN_SHAPES = (
    "rdsdata-own-unpinned", "rdsdata-jsonata-own-unpinned", "rdsdata-own-pinned", "subfilter-destination-own-unpinned",
    "subfilter-lambda-own-unpinned", "rdsdata-literal-unpinned",
)  # fmt: skip
CFN_SHAPES = (
    "cfn-topic-output-unpinned", "cfn-sub-resource-unpinned", "cfn-sub-varmap-unpinned", "cfn-getatt-lambda-unpinned",
    "cfn-importvalue-unpinned", "cfn-accountid-unpinned", "cfn-join-pseudo-unpinned", "cfn-parameter-output-unpinned",
    "cfn-http-jwt-unpinned", "cfn-rest-cognito-unpinned", "cfn-partner-unpinned", "cfn-parameter-partner-unpinned",
)  # fmt: skip
SCRIPT_SHAPES = (
    "script-delete-comments", "script-delete-comments-blank", "script-delete-two-e", "script-delete-semicolon",
    "script-delete-backup-suffix", "script-delete-gnu-space", "script-awk-other-file", "script-line-delete-other-file",
    "script-awk-read-conf", "script-sed-print-conf", "script-grep-clean", "script-delete-unapplied",
)  # fmt: skip
ICEBERG_SHAPES = ("iceberg-role-output-unpinned",)
FIRELENS_SHAPES = ("firelens-cloudwatch-var-group", "firelens-datadog-var-tags", "firelens-default-region")

STATES_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip


def expected(code: str, shape: str) -> set[str]:
    if code != "CN" and shape in ("rdsdata-literal-unpinned", "cfn-partner-unpinned", "cfn-parameter-partner-unpinned"):
        return {"RES-023"}
    if shape == "script-delete-unapplied":
        return {"RES-016"}
    return set()


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def _opts(c: Any, shape: str, code: str) -> pulumi.ResourceOptions:
    if shape.endswith("-pinned") and not shape.endswith("-unpinned"):
        pinned: pulumi.ResourceOptions = c.aws  # the table's provider, pinned to the team's account
        return pinned
    # docs: aws Provider — region only; no allowed_account_ids (the credentials' account, whichever it is)
    return pulumi.ResourceOptions(provider=aws.Provider("team", region=HOME[code]))


def _machine(name: str, definition: Any, opts: pulumi.ResourceOptions) -> aws.sfn.StateMachine:
    role = aws.iam.Role(f"{name}-role", assume_role_policy=STATES_TRUST, opts=opts)
    # docs: sfn/statemachine (role_arn; definition "The Amazon States Language definition of the state machine")
    return aws.sfn.StateMachine(name, role_arn=role.arn, definition=definition, opts=opts)


def _function(opts: pulumi.ResourceOptions) -> aws.lambda_.Function:
    trust = STATES_TRUST.replace("states.amazonaws.com", "lambda.amazonaws.com")
    role = aws.iam.Role("audit-exec", assume_role_policy=trust, opts=opts)
    return aws.lambda_.Function(
        "audit-sink", name="audit-sink", role=role.arn, runtime="python3.12", handler="index.handler",
        code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(event, context):\n    return None\n")}),
        opts=opts,
    )  # fmt: skip


def sfn(code: str, shape: str) -> Build:
    """A state machine writing through an ``aws-sdk`` Task (supported-services-awssdk: ``rdsdata``,
    ``cloudwatchlogs``) into the stack's own resource."""
    region, part = HOME[code], _part(code)
    states = f"arn:{part}:states:::aws-sdk:"

    def build(c: Any) -> object:
        opts = _opts(c, shape, code)
        if shape.startswith("rdsdata"):
            # docs: rds/cluster (Aurora Serverless v2 with the Data API: engine aurora-postgresql,
            # enable_http_endpoint, master_username, manage_master_user_password; outputs arn,
            # master_user_secrets[].secret_arn)
            cluster = aws.rds.Cluster(
                "orders", cluster_identifier="orders", engine="aurora-postgresql", engine_mode="provisioned",
                database_name="orders", master_username="fleet", manage_master_user_password=True,
                enable_http_endpoint=True, skip_final_snapshot=True,
                serverlessv2_scaling_configuration={"min_capacity": 0.5, "max_capacity": 4}, opts=opts,
            )  # fmt: skip
            resource: Any = cluster.arn
            if shape == "rdsdata-literal-unpinned":
                resource = f"arn:{part}:rds:{region}:{OWN}:cluster:orders"
                opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[cluster]))
            secret = f"arn:{part}:secretsmanager:{region}:{OWN}:secret:orders-db"
            key = "Arguments" if "-jsonata-" in shape else "Parameters"
            sql = "INSERT INTO orders (id, vin) VALUES (:id, :vin)"

            def flow(arn: str) -> str:
                params: dict[str, Any] = {"ResourceArn": arn, "SecretArn": secret, "Database": "orders", "Sql": sql}
                if key == "Arguments":
                    params["Parameters"] = [{"Name": "id", "Value": {"StringValue": "{% $states.input.id %}"}}]
                    head: dict[str, Any] = {"QueryLanguage": "JSONata"}
                else:
                    params["Parameters"] = [{"Name": "id", "Value": {"StringValue.$": "$.id"}}]
                    head = {}
                task = {"Type": "Task", "Resource": f"{states}rdsdata:executeStatement", key: params, "End": True}
                return json.dumps({**head, "StartAt": "Record", "States": {"Record": task}})

            return _machine("orders-flow", pulumi.Output.from_input(resource).apply(flow), opts)
        # PutSubscriptionFilter: destinationArn, a logs destination or a Lambda function of the stack.
        if shape == "subfilter-destination-own-unpinned":
            trust = STATES_TRUST.replace("states.amazonaws.com", "logs.amazonaws.com")
            role = aws.iam.Role("audit-delivery", assume_role_policy=trust, opts=opts)
            # The stream is the central logging account's, under the table's provider pinned to it (a Kinesis
            # stream's `arn` is an input too, not a made ARN: stop 43's open item, not stop 45's).
            stream = aws.kinesis.Stream("audit", shard_count=1, opts=c.aws)
            # docs: cloudwatch/logdestination (name, role_arn, target_arn; output arn)
            target: Any = aws.cloudwatch.LogDestination(
                "audit", name="audit", role_arn=role.arn, target_arn=stream.arn, opts=opts
            ).arn
        else:
            target = _function(opts).arn
        definition = pulumi.Output.from_input(target).apply(lambda t: json.dumps({"StartAt": "Subscribe", "States": {
            "Subscribe": {"Type": "Task", "Resource": f"{states}cloudwatchlogs:putSubscriptionFilter", "End": True,
                          "Parameters": {"LogGroupName.$": "$.logGroup", "FilterName": "audit",
                                         "FilterPattern": "", "DestinationArn": t}}}}))  # fmt: skip
        return _machine("audit-flow", definition, opts)

    return build


def _publish(topic: Any) -> dict[str, Any]:
    task = {"Type": "Task", "Resource": "arn:${AWS::Partition}:states:::sns:publish", "End": True,
            "Parameters": {"TopicArn": topic, "Message.$": "$.m"}}  # fmt: skip
    return {"StartAt": "Notify", "States": {"Notify": task}}


def _template_machine(code: str, shape: str, topic_arn: str | None) -> dict[str, Any]:
    """The Resources of a template whose state machine writes to the stack's own resource."""
    alerts = {"Alerts": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "fleet-alerts"}}}
    others: dict[str, Any] = {}
    props: dict[str, Any] = {"RoleArn": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/orders-flow"}
    if shape == "cfn-topic-output-unpinned":
        props["DefinitionString"] = json.dumps(_publish(topic_arn))
    elif shape == "cfn-sub-resource-unpinned":
        # Fn::Sub: "${MyResource}" is the resource's Ref (an AWS::SNS::Topic's Ref is its ARN).
        props["DefinitionString"] = {"Fn::Sub": json.dumps(_publish("${Alerts}"))}
        others = alerts
    elif shape == "cfn-sub-varmap-unpinned":
        props["DefinitionString"] = {"Fn::Sub": [json.dumps(_publish("${Topic}")), {"Topic": {"Ref": "Alerts"}}]}
        others = alerts
    elif shape == "cfn-getatt-lambda-unpinned":
        # connect-lambda: "Resource": "arn:aws:states:::lambda:invoke", "FunctionName": the function's ARN
        task = {"Type": "Task", "Resource": "arn:${AWS::Partition}:states:::lambda:invoke", "End": True,
                "Parameters": {"FunctionName": {"Fn::GetAtt": ["Enrich", "Arn"]}, "Payload.$": "$"}}  # fmt: skip
        props["Definition"] = {"StartAt": "Enrich", "States": {"Enrich": task}}
        others = {"Enrich": {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler",
            "Role": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/enrich",
            "Code": {"ZipFile": "def handler(event, context):\n    return event\n"}}}}  # fmt: skip
    elif shape == "cfn-importvalue-unpinned":
        props["Definition"] = _publish({"Fn::ImportValue": "fleet-alerts-topic-arn"})
    elif shape == "cfn-join-pseudo-unpinned":
        # Fn::Join of the pseudo parameters' Refs (CloudFormation "Pseudo parameters reference")
        own_join = {"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "sns", {"Ref": "AWS::Region"},
                                       {"Ref": "AWS::AccountId"}, "fleet-alerts"]]}  # fmt: skip
        props["Definition"] = _publish(own_join)
    elif shape in ("cfn-parameter-output-unpinned", "cfn-parameter-partner-unpinned"):
        # A template parameter the Pulumi Stack fills (cloudformation/stack `parameters`) with the own topic's `arn`,
        # read by Fn::Sub's "${AlertsTopicArn}" (a parameter's Ref is its value).
        props["DefinitionString"] = {"Fn::Sub": json.dumps(_publish("${AlertsTopicArn}"))}
    elif shape == "cfn-accountid-unpinned":
        own = "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:fleet-alerts"
        props["DefinitionString"] = {"Fn::Sub": json.dumps(_publish(own))}
    else:  # cfn-partner-unpinned
        props["DefinitionString"] = json.dumps(_publish(f"arn:{_part(code)}:sns:{HOME[code]}:{PARTNER}:fleet-alerts"))
    return {"OrdersFlow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": props}, **others}


def _template_api(shape: str) -> dict[str, Any]:
    """An API whose reading integration is behind an authorizer API Gateway enforces (``x-amazon-apigateway-authorizer``
    in the security scheme: API Gateway developer guide, "x-amazon-apigateway-authorizer object": jwt for HTTP APIs,
    cognito_user_pools for REST APIs)."""
    issuer = {"Fn::Sub": "https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}/${Users}"}
    pool = {"Users": {"Type": "AWS::Cognito::UserPool", "Properties": {"UserPoolName": "fleet"}}}
    responses = {"200": {"description": "200 response"}}
    if shape == "cfn-http-jwt-unpinned":
        scheme = {"type": "oauth2", "flows": {}, "x-amazon-apigateway-authorizer": {
            "type": "jwt", "identitySource": "$request.header.Authorization",
            "jwtConfiguration": {"issuer": issuer, "audience": ["fleet-console"]}}}  # fmt: skip
        operation = {
            "responses": responses,
            "security": [{"fleet-jwt": []}],
            "x-amazon-apigateway-integration": {
                "type": "aws_proxy",
                "integrationSubtype": "SQS-ReceiveMessage",
                "payloadFormatVersion": "1.0",
                "credentials": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/jobs-api",
                "requestParameters": {
                    "QueueUrl": "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/jobs"
                },
            },
        }
        body = {
            "openapi": "3.0.1",
            "info": {"title": "jobs", "version": "2026-12-05"},
            "paths": {"/jobs": {"get": operation}},
            "components": {"securitySchemes": {"fleet-jwt": scheme}},
        }
        return {"JobsApi": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Body": body}},
                "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "jobs"}}, **pool}  # fmt: skip
    scheme = {"type": "apiKey", "name": "Authorization", "in": "header",
              "x-amazon-apigateway-authtype": "cognito_user_pools",
              "x-amazon-apigateway-authorizer": {"type": "cognito_user_pools",
                                                 "providerARNs": [{"Fn::GetAtt": ["Users", "Arn"]}]}}  # fmt: skip
    operation = {
        "responses": responses, "security": [{"fleet-users": []}],
        "parameters": [{"name": "key", "in": "path", "required": True, "schema": {"type": "string"}}],
        "x-amazon-apigateway-integration": {
            "type": "aws", "httpMethod": "GET",
            "credentials": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/files-api",
            "uri": "arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/fleet-files-${AWS::Region}/{key}",
            "requestParameters": {"integration.request.path.key": "method.request.path.key"},
            "passthroughBehavior": "when_no_match"}}  # fmt: skip
    body = {
        "openapi": "3.0.1",
        "info": {"title": "files", "version": "2026-12-05"},
        "paths": {"/{key}": {"get": operation}},
        "components": {"securitySchemes": {"fleet-users": scheme}},
    }
    return {"FilesApi": {"Type": "AWS::ApiGateway::RestApi", "Properties": {
                "Name": "files", "EndpointConfiguration": {"Types": ["REGIONAL"]}, "Body": body}},
            "Files": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "fleet-files-${AWS::Region}"}},
            **pool}  # fmt: skip


def cfn(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        opts = _opts(c, shape, code)
        if shape in ("cfn-http-jwt-unpinned", "cfn-rest-cognito-unpinned"):
            document: Any = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": _template_api(shape)})
        elif shape in ("cfn-parameter-output-unpinned", "cfn-parameter-partner-unpinned"):
            made = aws.sns.Topic("fleet-alerts", opts=opts)
            topic: Any = made.arn
            if shape == "cfn-parameter-partner-unpinned":
                # The partner's topic given beside the made one: the made topic proves nothing of it.
                topic = made.arn.apply(lambda _: f"arn:{_part(code)}:sns:{HOME[code]}:{PARTNER}:fleet-alerts")
            template = {"AWSTemplateFormatVersion": "2010-09-09",
                        "Parameters": {"AlertsTopicArn": {"Type": "String"}},
                        "Resources": _template_machine(code, shape, None)}  # fmt: skip
            return aws.cloudformation.Stack("orders-stack", template_body=json.dumps(template),
                                            parameters={"AlertsTopicArn": topic}, capabilities=["CAPABILITY_IAM"],
                                            opts=opts)  # fmt: skip
        elif shape == "cfn-topic-output-unpinned":
            # The stack's own topic made by Pulumi, passed into the template by its `arn` output.
            topic = aws.sns.Topic("fleet-alerts", opts=opts).arn
            document = topic.apply(
                lambda t: json.dumps(
                    {"AWSTemplateFormatVersion": "2010-09-09", "Resources": _template_machine(code, shape, t)}
                )
            )
        else:
            document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09",
                                   "Resources": _template_machine(code, shape, None)})  # fmt: skip
        # docs: cloudformation/stack (template_body, capabilities)
        return aws.cloudformation.Stack("orders-stack", template_body=document, capabilities=["CAPABILITY_IAM"],
                                        opts=opts)  # fmt: skip

    return build


FB = "/etc/fluent-bit/fluent-bit.conf"


def _fluent_bit(nlb: str) -> str:
    return (
        "# fleet collector\n[SERVICE]\n    Flush        5\n    Log_Level    info\n\n"
        "# application logs\n[INPUT]\n    Name tail\n    Tag  app.*\n    Path /var/log/fleet/*.log\n\n"
        f"[OUTPUT]\n    Name         datadog\n    Match        *\n    Host         {nlb}\n    Port         443\n"
        "    TLS          on\n    apikey       ${DD_API_KEY}\n    Retry_Limit  5\n"
    )


def _script(shape: str, nlb: str) -> str:
    head = "#!/bin/bash\nset -euo pipefail\nyum install -y fluent-bit\nmkdir -p /etc/fluent-bit\n"
    edit = {
        "script-delete-comments": f"sed -i '/^#/d' {FB}",
        "script-delete-comments-blank": f"sed -i '/^[[:space:]]*#/d' {FB}\nsed -i '/^[[:space:]]*$/d' {FB}",
        "script-delete-two-e": f"sed -i -e '/^#/d' -e '/^$/d' {FB}",
        "script-delete-semicolon": f"sed -i '/^#/d;/^$/d' {FB}",
        "script-delete-backup-suffix": f"sed -i.orig '/Retry_Limit/d' {FB}",
        "script-delete-gnu-space": f"sed -i '/^\\s*#/d' {FB}",
        "script-awk-other-file": "awk '!seen[$0]++' /etc/hosts > /tmp/hosts && cat /tmp/hosts > /etc/hosts",
        "script-line-delete-other-file": "sed -i '1d' /etc/motd",
        "script-awk-read-conf": f"awk '/^ *Host/ {{print $2}}' {FB} > /etc/fleet-collector-host",
        "script-sed-print-conf": f"sed -n '/\\[OUTPUT\\]/,$p' {FB} > /tmp/fluent-bit-outputs.txt",
        "script-grep-clean": f"grep -v '^#' {FB} > /tmp/fb.conf && mv /tmp/fb.conf {FB}",
        "script-delete-unapplied": f"sed -i '/\\<Retry_Limit\\>/d' {FB}",
    }[shape]
    return f"{head}cat > {FB} <<'EOF'\n{_fluent_bit(nlb)}EOF\n{edit}\nsystemctl enable --now fluent-bit\n"


def script(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        nlb = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                  opts=c.aws).dns_name  # fmt: skip
        return aws.ec2.Instance("app", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
                                user_data=nlb.apply(lambda n: _script(shape, n)), opts=c.aws)  # fmt: skip

    return build


def iceberg(code: str, shape: str) -> Build:
    """PyIceberg "Configuration": ``client.role-arn`` ("Unified AWS Credentials"), the stack's own role by output."""

    def build(c: Any) -> object:
        opts = _opts(c, shape, code)
        trust = STATES_TRUST.replace("states.amazonaws.com", "lambda.amazonaws.com")
        execution = aws.iam.Role("lake-writer", assume_role_policy=trust, opts=opts)
        catalog_trust = execution.arn.apply(lambda a: json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": a}, "Action": "sts:AssumeRole"}]}))  # fmt: skip
        catalog = aws.iam.Role("lake-catalog-access", assume_role_policy=catalog_trust, opts=opts)
        variables: dict[str, Any] = {"PYICEBERG_CATALOG__DEFAULT__TYPE": "glue",
                                     "PYICEBERG_CATALOG__DEFAULT__GLUE__REGION": HOME[code],
                     "PYICEBERG_CATALOG__DEFAULT__CLIENT__ROLE_ARN": catalog.arn}  # fmt: skip
        code_asset = pulumi.AssetArchive({"index.py": pulumi.StringAsset(
            "from pyiceberg.catalog import load_catalog\n\ndef handler(event, context):\n"
            "    return load_catalog('default').list_namespaces()\n")})  # fmt: skip
        return aws.lambda_.Function("lake-writer", role=execution.arn, runtime="python3.12", handler="index.handler",
                                    code=code_asset, environment={"variables": variables}, opts=opts)  # fmt: skip

    return build


def firelens(code: str, shape: str) -> Build:
    """ECS Developer Guide, "Example Amazon ECS task definition: Route logs to FireLens"; the options are the Fluent Bit
    output's keys (cloudwatch_logs: region, log_group_name, log_stream_prefix; datadog: Host, apikey, dd_service,
    dd_tags)."""
    region = HOME[code]

    def build(c: Any) -> object:
        nlb = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                  opts=c.aws).dns_name  # fmt: skip

        def containers(host: str) -> str:
            options = {
                "firelens-cloudwatch-var-group": {"Name": "cloudwatch_logs", "region": region,
                                                  "log_group_name": "/ecs/${ECS_SERVICE}",
                                                  "log_stream_prefix": "${HOSTNAME}-", "auto_create_group": "true"},
                "firelens-datadog-var-tags": {"Name": "datadog", "Host": host, "TLS": "on", "apikey": "${DD_API_KEY}",
                                              "dd_service": "${SERVICE_NAME}", "dd_source": "ecs",
                                              "dd_tags": "env:${DEPLOY_ENV},team:fleet"},
                "firelens-default-region": {"Name": "cloudwatch_logs", "region": "${AWS_DEFAULT_REGION}",
                                            "log_group_name": "/fleet/app", "log_stream_prefix": "app-"},
            }[shape]  # fmt: skip
            router = {"name": "log_router", "essential": True,
                      "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                      "firelensConfiguration": {"type": "fluentbit"}}  # fmt: skip
            app = {"name": "app", "essential": True, "image": f"{OWN}.dkr.ecr.{region}.{_suffix(code)}/app:2.1",
                   "environment": [{"name": "SERVICE_NAME", "value": "fleet-app"}],
                   "logConfiguration": {"logDriver": "awsfirelens", "options": options}}  # fmt: skip
            return json.dumps([router, app])

        return aws.ecs.TaskDefinition(
            "app", family="app", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512",
            memory="1024", container_definitions=nlb.apply(containers), opts=c.aws,
        )  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    out: list[Row] = []
    for code in HOME:
        p = f"review45-{code.lower()}-"
        out += [(p + s, code, sfn(code, s), expected(code, s), []) for s in SFN_SHAPES]
        out += [(p + s, code, cfn(code, s), expected(code, s), []) for s in CFN_SHAPES]
        out += [(p + s, code, script(code, s), expected(code, s), []) for s in SCRIPT_SHAPES]
        out += [(p + s, code, firelens(code, s), expected(code, s), []) for s in FIRELENS_SHAPES]
        if code != "CN":
            out += [(p + s, code, iceberg(code, s), expected(code, s), []) for s in ICEBERG_SHAPES]
    return out
