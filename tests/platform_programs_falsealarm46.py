"""False alarms left by stop 45 (stop 46, issue 9, falsealarm46): the compliant programs stop 45 named as possibly
refused, and the nearest compliant forms of stop 45's new refusals, through every front door.

1. **FireLens files** (``firelens-*``, EU / US / JP / CN, an EC2 task definition): a Fluent Bit file kept as an object
   of the stack's bucket and loaded by the log router (``config-file-type s3``, ``config-file-value`` the object's ARN).
   The object is read (judged as any Fluent Bit file). Its ``region`` written out passes (``-region-written``);
   ``region ${AWS_REGION}`` stays RES-016 (``-aws-region``: the object names no reader, and the same object fetched by
   an instance's agent has no AWS_REGION; decision kept, fail closed) and passes with the entry id declared
   (``-aws-region-declared``); a file in the router's image (``config-file-type file``) is not in the program and the
   options the app container gives pass (``-file-in-image``).
2. **Batch** (``batch-aws-region-declared``): Batch documents only its ``AWS_BATCH_*`` variables ("AWS Batch job
   environment variables"), so ``region ${AWS_REGION}`` in a job definition's FireLens options stays RES-016
   (logplugins45's program); declared by the entry id it passes.
3. **Step Functions, a Region from the input** (``sfn-*``): ``States.Format('arn:aws:sns:{}:<own account>:alerts',
   $.region)`` stays RES-023 outside CN (``sfn-region-input``; whoever starts the execution picks the Region, and
   a Region abroad receives what the state sends) and so does one read from the context object
   (``sfn-region-context``, an intrinsic over ``$$.StateMachine.Id``: opaque). Before stop 46 each also gave RES-011
   "Unknown region '${v}'", which a declaration of the expression did not cover, so ``sfn-region-input-declared``
   could not pass: it passes now. A Lambda payload carrying an ARN built from the event's Region
   (``sfn-payload-region-input``) is data and passes (RES-011 before). The waitForTaskToken callback to the stack's own
   queue by its ``url`` output under a provider pinning no account passes (``sfn-callback-own-queue-unpinned``).
4. **CloudFlow** (``fnf-*``, CN / JP / DE): ``OSS:GetObject`` from a bucket in a Region abroad stays RES-009
   (``fnf-oss-get-abroad``), consistently with every other read the engine judges by Region (a Step Functions
   GetItem or ReceiveMessage, a Lambda event source mapping); from the home Region or the flow's own (``region``
   omitted) it passes.
5. **Role settings** (``role-*``, EU / US / JP, a provider pinning no account): PyIceberg's ``GLUE__ROLE_ARN`` and
   the generic ``GLUE_ROLE_ARN`` / ``S3_ROLE_ARN`` given the stack's own role by its ``arn`` output pass, and so does
   a Glue job's ``--GLUE_ROLE_ARN`` argument (not a setting the engine reads); the same role ARN written out by hand
   stays RES-023 under the unpinned provider (``-literal-unpinned``: nothing ties it to the credentials' account) and
   passes under the table's pinned provider (``-literal-pinned``).
6. **The hunt over stop 45's refusals** (EU / US / JP / CN, a provider pinning no account): cfnmap45's template
   resources writing to the template's own (``cfn-*``: a Lambda permission for EventBridge with the rule's
   ``SourceArn`` and for S3 with ``SourceAccount`` ``${AWS::AccountId}``, a rule target whose dead-letter queue is
   ``Fn::Sub``'s own queue, a rule forwarding to the account's default bus, a Lambda subscription by ``Fn::GetAtt``,
   an event invoke config's own queue) all pass; scripts45's envsubst of a Fluent Bit template whose
   ``${AWS_REGION}`` the script sets from the instance metadata (``script-imds-envsubst``; RES-016 on main: fixed,
   the instance's own Region), a fixed value (``script-fixed-envsubst``), and sed / perl filling a region placeholder
   with the home Region pass; an envsubst of a variable the script never sets stays RES-016
   (``script-envsubst-unset``).

tests/test_realistic_programs.py runs them as CASES (``falsealarm46-*``).
"""

from __future__ import annotations

import json
from typing import Any

import platform_programs as pp
import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import yaml
from platform_parts import ALI_HOME, OWN_ACCOUNT, OWN_UID, SUBNETS, Build, Row, dns_suffix, partition, trust_policy
from platform_parts import FLUENT_BIT_CONF as FB

HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
ABROAD_ALI = "us-west-1"

FIRELENS_SHAPES = ("firelens-s3-conf-region-written", "firelens-s3-conf-aws-region",
                   "firelens-s3-conf-aws-region-declared", "firelens-file-in-image")  # fmt: skip
BATCH_SHAPES = ("batch-aws-region-declared",)
SFN_SHAPES = ("sfn-region-input", "sfn-region-input-declared", "sfn-region-context", "sfn-payload-region-input",
              "sfn-callback-own-queue-unpinned")  # fmt: skip
ROLE_SHAPES = ("role-iceberg-glue-output-unpinned", "role-env-output-unpinned", "role-gluejob-arg-output-unpinned",
               "role-env-literal-unpinned", "role-env-literal-pinned")  # fmt: skip
FNF_SHAPES = ("fnf-oss-get-abroad", "fnf-oss-get-home", "fnf-oss-get-default-region")
CFN_SHAPES = ("cfn-perm-events-source-arn", "cfn-perm-s3-source-account", "cfn-rule-dlq-sub", "cfn-rule-default-bus",
              "cfn-sub-lambda-getatt", "cfn-eic-own-queue")  # fmt: skip
SCRIPT_SHAPES = ("script-imds-envsubst", "script-fixed-envsubst", "script-sed-region", "script-perl-region",
                 "script-envsubst-unset")  # fmt: skip

ENV_REGION = "fluent-bit-aws-output-region-from-environment"
"""The catalogue entry a Fluent Bit AWS output whose region is an environment variable is refused by (RES-016)."""


def _region_expression(code: str) -> str:
    return f"States.Format('arn:{partition(code)}:sns:{{}}:{OWN_ACCOUNT}:fleet-alerts', $.region)"


def expected(code: str, shape: str) -> set[str]:
    if shape in ("firelens-s3-conf-aws-region", "script-envsubst-unset"):
        return {"RES-016"}
    if shape in ("sfn-region-input", "sfn-region-context", "role-env-literal-unpinned") and code != "CN":
        return {"RES-023"}
    if shape == "fnf-oss-get-abroad":
        return {"RES-009"}
    return set()


def declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape in ("firelens-s3-conf-aws-region-declared", "batch-aws-region-declared"):
        where = "the ECS task definition that loads it" if shape.startswith("firelens") else "the job's compute env"
        return [{"id": "log-router-env-region", "kind": "resident", "match": ENV_REGION,
                 "evidence": f"AWS_REGION is {HOME[code]}, set for {where} (CHG-2026-311)"}]  # fmt: skip
    if shape == "sfn-region-input-declared":
        return [{"id": "regional-alerts", "kind": "resident", "match": _region_expression(code),
                 "evidence": "the only caller is the stack's dispatch rule, which passes the home Region"}]  # fmt: skip
    return []


def _unpinned(code: str) -> pulumi.ResourceOptions:
    # docs: aws Provider — region only; no allowed_account_ids (the credentials' account, whichever it is)
    return pulumi.ResourceOptions(provider=aws.Provider("team", region=HOME[code]))


def _fluent_bit_conf(region: str) -> str:
    """A Fluent Bit classic file (Fluent Bit manual, "Amazon CloudWatch": region, log_group_name, log_stream_prefix)."""
    return (
        "[OUTPUT]\n    Name              cloudwatch_logs\n    Match             *\n"
        f"    region            {region}\n    log_group_name    /fleet/app\n    log_stream_prefix app-\n"
        "    auto_create_group true\n"
    )


def firelens(code: str, shape: str) -> Build:
    """ECS Developer Guide, "Example Amazon ECS task definition: Route logs to FireLens" and its custom configuration
    (``firelensConfiguration.options``: ``config-file-type`` ``s3`` with the object's ARN, or ``file`` with a path in
    the router's image; "your task execution IAM role must include the s3:GetObject permission")."""
    region, part = HOME[code], partition(code)

    def build(c: Any) -> object:
        image = f"{OWN_ACCOUNT}.dkr.ecr.{region}.{dns_suffix(code)}/app:2.1"
        app: dict[str, Any] = {"name": "app", "essential": True, "image": image, "memory": 512,
                               "logConfiguration": {"logDriver": "awsfirelens"}}  # fmt: skip
        if shape == "firelens-file-in-image":
            app["logConfiguration"]["options"] = {
                "Name": "cloudwatch_logs",
                "region": region,
                "log_group_name": "/fleet/app",
                "log_stream_prefix": "app-",
            }
            router = {"name": "log_router", "essential": True, "memory": 128,
                      "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                      "firelensConfiguration": {"type": "fluentbit", "options": {
                          "config-file-type": "file",
                          "config-file-value": "/fluent-bit/configs/parse-json.conf"}}}  # fmt: skip
            containers: Any = json.dumps([router, app])
        else:
            text = _fluent_bit_conf(region if shape.endswith("-written") else "${AWS_REGION}")
            bucket = aws.s3.Bucket("log-router-config", opts=c.aws)
            # docs: s3/bucketobjectv2 (bucket, key, content)
            aws.s3.BucketObjectv2("extra-conf", bucket=bucket.id, key="fluent-bit/extra.conf", content=text,
                                  opts=c.aws)  # fmt: skip

            def with_router(name: str) -> str:
                router = {"name": "log_router", "essential": True, "memory": 128,
                          "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                          "firelensConfiguration": {"type": "fluentbit", "options": {
                              "config-file-type": "s3",
                              "config-file-value": f"arn:{part}:s3:::{name}/fluent-bit/extra.conf"}}}  # fmt: skip
                return json.dumps([router, app])

            containers = bucket.bucket.apply(with_router)
        return aws.ecs.TaskDefinition("app", family="app", requires_compatibilities=["EC2"], network_mode="bridge",
                                      container_definitions=containers, opts=c.aws)  # fmt: skip

    return build


def batch(code: str, shape: str) -> Build:
    """Batch API, ContainerProperties: logConfiguration (logDriver awsfirelens, options) of a Fargate job."""

    def build(c: Any) -> object:
        props = {"image": f"{OWN_ACCOUNT}.dkr.ecr.{HOME[code]}.{dns_suffix(code)}/nightly:3",
                 "command": ["python", "-m", "fleet.nightly"],
                 "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}],
                 "logConfiguration": {"logDriver": "awsfirelens", "options": {
                     "Name": "cloudwatch_logs", "region": "${AWS_REGION}", "log_group_name": "/fleet/nightly",
                     "log_stream_prefix": "nightly-"}}}  # fmt: skip
        return aws.batch.JobDefinition("nightly", type="container", platform_capabilities=["FARGATE"],
                                       container_properties=json.dumps(props), opts=c.aws)  # fmt: skip

    return build


def _machine(name: str, definition: Any, opts: pulumi.ResourceOptions) -> aws.sfn.StateMachine:
    role = aws.iam.Role(f"{name}-role", assume_role_policy=trust_policy("states.amazonaws.com"), opts=opts)
    # docs: sfn/statemachine (role_arn; definition "The Amazon States Language definition of the state machine")
    return aws.sfn.StateMachine(name, role_arn=role.arn, definition=definition, opts=opts)


def sfn(code: str, shape: str) -> Build:
    """connect-sns / connect-lambda / connect-sqs (``.waitForTaskToken``: "pass a task token", ``$$.Task.Token``);
    intrinsic functions ``States.Format``, ``States.StringSplit``, ``States.ArrayGetItem``; the context object
    (``$$.StateMachine.Id``)."""
    region, part = HOME[code], partition(code)
    states = f"arn:{part}:states:::"

    def build(c: Any) -> object:
        if shape == "sfn-callback-own-queue-unpinned":
            opts = _unpinned(code)
            queue = aws.sqs.Queue("approvals", opts=opts)

            def flow(url: str) -> str:
                task = {"Type": "Task", "Resource": f"{states}sqs:sendMessage.waitForTaskToken", "End": True,
                        "Parameters": {"QueueUrl": url, "MessageBody": {
                            "order.$": "$.order", "taskToken.$": "$$.Task.Token"}}}  # fmt: skip
                return json.dumps({"StartAt": "Approve", "States": {"Approve": task}})

            return _machine("approvals-flow", queue.url.apply(flow), opts)
        if shape == "sfn-payload-region-input":
            # An EventBridge finding's Region and account (`$.detail.region`, `$.account`) built into the ARN the
            # stack's own function isolates: data for the function, not where the state writes.
            resource = (f"States.Format('arn:{part}:ec2:{{}}:{{}}:instance/{{}}', $.region, $.account, "
                        "$.detail.instanceId)")  # fmt: skip
            task = {"Resource": f"{states}lambda:invoke", "Parameters": {
                "FunctionName": f"arn:{part}:lambda:{region}:{OWN_ACCOUNT}:function:isolate-instance",
                "Payload": {"resourceArn.$": resource, "finding.$": "$.detail"}}}  # fmt: skip
        else:
            topic = _region_expression(code)
            if shape == "sfn-region-context":
                # The state machine's own Region, read from its ARN in the context object: opaque to the engine.
                own = "States.ArrayGetItem(States.StringSplit($$.StateMachine.Id, ':'), 3)"
                topic = f"States.Format('arn:{part}:sns:{{}}:{OWN_ACCOUNT}:fleet-alerts', {own})"
            task = {"Resource": f"{states}sns:publish", "Parameters": {"TopicArn.$": topic, "Message.$": "$.message"}}
        definition = json.dumps({"StartAt": "Send", "States": {"Send": {"Type": "Task", **task, "End": True}}})
        return _machine("dispatch-flow", definition, c.aws)

    return build


def role(code: str, shape: str) -> Build:
    """PyIceberg "Configuration" (``PYICEBERG_CATALOG__<name>__GLUE__ROLE_ARN``; ``glue.role-arn``, iceberg-python PR
    4132) and the generic ``GLUE_ROLE_ARN`` / ``S3_ROLE_ARN`` keys scripts45 judges, and a Glue job's
    ``default_arguments`` (Glue "Using job parameters": ``--key`` arguments the script reads)."""

    def build(c: Any) -> object:
        opts = c.aws if shape.endswith("-pinned") and not shape.endswith("-unpinned") else _unpinned(code)
        execution = aws.iam.Role("lake-writer", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=opts)
        access = execution.arn.apply(lambda a: json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": a}, "Action": "sts:AssumeRole"}]}))  # fmt: skip
        catalog = aws.iam.Role("lake-catalog-access", assume_role_policy=access, opts=opts)
        if shape == "role-gluejob-arg-output-unpinned":
            scripts = aws.s3.Bucket("glue-scripts", opts=opts)
            glue = aws.iam.Role("glue-job", assume_role_policy=trust_policy("glue.amazonaws.com"), opts=opts)
            location = scripts.bucket.apply(lambda b: f"s3://{b}/jobs/compact.py")
            # docs: glue/job (role_arn, command.script_location, default_arguments)
            return aws.glue.Job("compact", role_arn=glue.arn, glue_version="4.0",
                                command={"name": "glueetl", "script_location": location, "python_version": "3"},
                                default_arguments={"--GLUE_ROLE_ARN": catalog.arn, "--datalake-formats": "iceberg"},
                                opts=opts)  # fmt: skip
        held: Any = catalog.arn
        if "-literal-" in shape:
            held = catalog.arn.apply(lambda _: f"arn:aws:iam::{OWN_ACCOUNT}:role/lake-catalog-access")
        if shape == "role-iceberg-glue-output-unpinned":
            variables: dict[str, Any] = {"PYICEBERG_CATALOG__DEFAULT__TYPE": "glue",
                                         "PYICEBERG_CATALOG__DEFAULT__GLUE__REGION": HOME[code],
                                         "PYICEBERG_CATALOG__DEFAULT__GLUE__ROLE_ARN": held}  # fmt: skip
        else:
            variables = {"GLUE_ROLE_ARN": held, "S3_ROLE_ARN": held, "LAKE_REGION": HOME[code]}
        code_asset = pulumi.AssetArchive({"index.py": pulumi.StringAsset(
            "from pyiceberg.catalog import load_catalog\n\ndef handler(event, context):\n"
            "    return load_catalog('default').list_namespaces()\n")})  # fmt: skip
        return aws.lambda_.Function("lake-writer", role=execution.arn, runtime="python3.12", handler="index.handler",
                                    code=code_asset, environment={"variables": variables}, opts=opts)  # fmt: skip

    return build


def fnf(code: str, shape: str) -> Build:
    """CloudFlow, "Integrate CloudFlow with OSS" (``OSS:GetObject``, ``bucket``, ``key``, ``region``: "Region where the
    bucket resides. Defaults to the current flow's region")."""
    parameters: dict[str, Any] = {"bucket": "fleet-reference", "key": "tariffs/$Input.tariff.json"}
    if shape != "fnf-oss-get-default-region":
        parameters["region"] = ABROAD_ALI if shape == "fnf-oss-get-abroad" else ALI_HOME[code]
    task = {"Type": "Task", "Name": "read", "Action": "OSS:GetObject", "TaskMode": "RequestComplete",
            "Parameters": parameters, "End": True}  # fmt: skip
    document = {"Type": "StateMachine", "Name": "tariffs", "SpecVersion": "v1", "StartAt": "read", "States": [task]}
    text = yaml.safe_dump(document, sort_keys=False)

    def build(c: Any) -> object:
        # docs: fnf/flow (name, type "FDL", definition, role_arn: the RAM role the flow assumes)
        return alicloud.fnf.Flow("tariffs-flow", name="tariffs-flow", description="tariff lookup", type="FDL",
                                 definition=text, role_arn=f"acs:ram::{OWN_UID}:role/fnf-tariffs",
                                 opts=c.ali)  # fmt: skip

    return pp.assuming_role(build)


_FUNCTION = {
    "Type": "AWS::Lambda::Function",
    "Properties": {
        "Runtime": "python3.12",
        "Handler": "index.handler",
        "Role": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/fleet-handler"},
        "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
    },
}
_OWN_QUEUE = {"Fn::Sub": "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:fleet-failed"}


def _template(shape: str) -> dict[str, Any]:
    """CloudFormation template reference: AWS::Lambda::Permission (Principal, SourceArn, SourceAccount),
    AWS::Events::Rule Target (Arn, RoleArn, DeadLetterConfig), AWS::SNS::Subscription (Protocol lambda, Endpoint),
    AWS::Lambda::EventInvokeConfig (DestinationConfig.OnFailure.Destination); pseudo parameters."""
    hourly = {"Type": "AWS::Events::Rule", "Properties": {"ScheduleExpression": "rate(1 hour)", "Targets": [
        {"Id": "fn", "Arn": {"Fn::GetAtt": ["Handler", "Arn"]}}]}}  # fmt: skip
    if shape == "cfn-perm-events-source-arn":
        return {"Handler": _FUNCTION, "Hourly": hourly, "Invoke": {"Type": "AWS::Lambda::Permission", "Properties": {
            "Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "Handler"}, "Principal": "events.amazonaws.com",
            "SourceArn": {"Fn::GetAtt": ["Hourly", "Arn"]}}}}  # fmt: skip
    if shape == "cfn-perm-s3-source-account":
        return {"Handler": _FUNCTION, "Invoke": {"Type": "AWS::Lambda::Permission", "Properties": {
            "Action": "lambda:InvokeFunction", "FunctionName": {"Fn::GetAtt": ["Handler", "Arn"]},
            "Principal": "s3.amazonaws.com", "SourceAccount": {"Fn::Sub": "${AWS::AccountId}"}}}}  # fmt: skip
    if shape == "cfn-rule-dlq-sub":
        return {"Jobs": {"Type": "AWS::SQS::Queue"}, "Changes": {"Type": "AWS::Events::Rule", "Properties": {
            "EventPattern": {"source": ["aws.ec2"]}, "Targets": [{"Id": "jobs", "Arn": {"Fn::GetAtt": ["Jobs", "Arn"]},
            "DeadLetterConfig": {"Arn": _OWN_QUEUE}}]}}}  # fmt: skip
    if shape == "cfn-rule-default-bus":
        bus = {"Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default"}
        role = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/fleet-forwarder"}
        return {"Fleet": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "fleet"}},
                "Forward": {"Type": "AWS::Events::Rule", "Properties": {
                    "EventBusName": {"Ref": "Fleet"}, "EventPattern": {"source": ["fleet.orders"]},
                    "Targets": [{"Id": "default", "Arn": bus, "RoleArn": role}]}}}  # fmt: skip
    if shape == "cfn-sub-lambda-getatt":
        return {"Handler": _FUNCTION, "Alerts": {"Type": "AWS::SNS::Topic"}, "ToHandler": {
            "Type": "AWS::SNS::Subscription", "Properties": {"TopicArn": {"Ref": "Alerts"}, "Protocol": "lambda",
            "Endpoint": {"Fn::GetAtt": ["Handler", "Arn"]}}}}  # fmt: skip
    return {"Handler": _FUNCTION, "OnFailure": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {
        "FunctionName": {"Ref": "Handler"}, "Qualifier": "$LATEST",
        "DestinationConfig": {"OnFailure": {"Destination": _OWN_QUEUE}}}}}  # fmt: skip


def cfn(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        body = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": _template(shape)})
        # docs: cloudformation/stack (template_body, capabilities)
        return aws.cloudformation.Stack("fleet-events", template_body=body, capabilities=["CAPABILITY_IAM"],
                                        opts=_unpinned(code))  # fmt: skip

    return build


def _script(code: str, shape: str) -> str:
    """EC2 user data writing a Fluent Bit file from a template (GNU gettext envsubst, sed, perl -pi)."""
    region = HOME[code]
    if shape in ("script-sed-region", "script-perl-region"):
        edit = (f"sed -i 's/__REGION__/{region}/' {FB}" if shape == "script-sed-region"
                else f"perl -pi -e 's/__REGION__/{region}/g' {FB}")  # fmt: skip
        body = _fluent_bit_conf("__REGION__")
        return f"#!/bin/bash\ncat > {FB} <<'EOF'\n{body}EOF\n{edit}\nsystemctl restart fluent-bit\n"
    assign = {
        # EC2 "Instance metadata categories": placement/region, "The AWS Region in which the instance is launched"
        # (IMDSv2: a session token first).
        "script-imds-envsubst": "TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token "
        "-H 'X-aws-ec2-metadata-token-ttl-seconds: 300')\nexport AWS_REGION=$(curl -s -H \"X-aws-ec2-metadata-token: "
        '$TOKEN" http://169.254.169.254/latest/meta-data/placement/region)\n',
        "script-fixed-envsubst": f"export AWS_REGION={region}\n",
        "script-envsubst-unset": "",
    }[shape]
    template = _fluent_bit_conf("${AWS_REGION}")
    return (f"#!/bin/bash\nset -euo pipefail\n{assign}cat > /tmp/fluent-bit.tmpl <<'EOF'\n{template}EOF\n"
            f"envsubst < /tmp/fluent-bit.tmpl > {FB}\nsystemctl restart fluent-bit\n")  # fmt: skip


def script(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("collector", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small",
                                subnet_id=SUBNETS[0], user_data=_script(code, shape), opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in HOME:
        p = f"falsealarm46-{code.lower()}-"
        for shapes, builder in ((FIRELENS_SHAPES, firelens), (BATCH_SHAPES, batch), (SFN_SHAPES, sfn),
                                (CFN_SHAPES, cfn), (SCRIPT_SHAPES, script)):  # fmt: skip
            out += [(p + s, code, builder(code, s), expected(code, s), declared(code, s)) for s in shapes]
        if code != "CN":
            out += [(p + s, code, role(code, s), expected(code, s), []) for s in ROLE_SHAPES]
    for code in ALI_HOME:
        p = f"falsealarm46-{code.lower()}-"
        out += [(p + s, code, fnf(code, s), expected(code, s), []) for s in FNF_SHAPES]
    return out
