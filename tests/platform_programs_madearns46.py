"""Programs of stop 46's third round on the stack's own resources by ARN under an unpinned provider (madearns46).

Under a provider that pins no account (AWS: no ``allowed_account_ids`` and no ``assume_role``, as the registry's
examples write it), an ARN in a written or granted account field names an account the program cannot prove is the
stack's, so RES-023 fails closed, except where the value IS the ARN output of a resource the program makes with the
same provider (``made_account_arns``, stops 42-45). This round listed every ``written_account_fields`` /
``granted_account_fields`` entry again and, for each, the resources whose output users pass there; these outputs were
unlisted, so the stack's own resource was refused (RES-023) while the same program under a pinned provider passed:

- an EC2 Auto Scaling policy's and an Application Auto Scaling policy's ``arn`` as a metric alarm's ``alarm_actions``
  (registry cloudwatch/metricalarm "Example in Conjunction with Scaling Policies": ``alarm_actions=[bat.arn]``);
- a REST API's and an HTTP API's ``execution_arn`` followed by ``/*`` or ``/*/*`` as a Lambda permission's
  ``source_arn`` (registry lambda/permission "Specify Lambda permissions for API Gateway REST API");
- an IoT topic rule's and a Cognito user pool's ``arn`` as a Lambda permission's ``source_arn`` (the service that
  invokes the function acts for that resource);
- an EventBridge API destination's, a CodePipeline pipeline's, an SSM document's ``arn`` as an EventBridge target's
  ``arn`` (registry cloudwatch/eventtarget "SSM Document Usage": ``arn=stop_instances.arn``), and a Glue workflow's
  (AWS Glue "Starting an AWS Glue workflow with an Amazon EventBridge event": the workflow is the rule's target);
- an IAM user's ``arn`` as a KMS grant's ``grantee_principal``;
- a logically air-gapped backup vault's ``arn`` as a backup plan's copy action ``destination_vault_arn``.

Each was reproduced on main (35d8768) with the ``*-own-unpinned`` shape below: RES-023 at every door outside CN.

``shape``: ``*-own-unpinned`` (the stack's own resource by its output, provider pinning no account: passes);
``*-partner-unpinned`` (another account's ARN written out, the offending twin: RES-023 outside CN; an aws-cn account is
China's by partition, so CN programs pass). tests/test_realistic_programs.py runs them as CASES (``madearns46-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import (
    AWS_HOME,
    Build,
    Row,
    lambda_function,
    partner_arn,
    scheduled_target,
    trust_policy,
    unpinned,
    unpinned_rows,
)

SHAPES = {
    "asg-alarm": ("EU", "US", "JP", "CN"),
    "appscaling-alarm": ("EU", "US", "JP", "CN"),
    "restapi-permission": ("EU", "US", "JP", "CN"),
    "httpapi-permission": ("EU", "US", "JP", "CN"),
    "iot-permission": ("EU", "US", "JP", "CN"),
    "userpool-permission": ("EU", "US", "JP"),
    "api-destination-target": ("EU", "US", "JP"),
    "codepipeline-target": ("EU", "US", "JP"),
    "ssm-document-target": ("EU", "US", "JP", "CN"),
    "glue-workflow-target": ("EU", "US", "JP", "CN"),
    "kms-grant-user": ("EU", "US", "JP", "CN"),
    "air-gapped-copy": ("EU", "US", "JP"),
}
"""Shape family -> the jurisdictions it runs in (each as ``-own-unpinned`` and ``-partner-unpinned``)."""


def asg_alarm(code: str, shape: str) -> Build:
    # docs: cloudwatch/metricalarm "Example in Conjunction with Scaling Policies" (`alarm_actions=[bat.arn]`);
    # autoscaling/policy (outputs `arn` "ARN assigned by AWS to the scaling policy").
    def build(c: Any) -> object:
        opts = unpinned(code)
        action: Any
        if "-own-" in shape:
            template = aws.ec2.LaunchTemplate(
                "web", name_prefix="web-", image_id="ami-0123456789abcdef0", instance_type="t3.micro", opts=opts
            )
            group = aws.autoscaling.Group(
                "web", name="web", min_size=1, max_size=4, vpc_zone_identifiers=["subnet-0123456789abcdef0"],
                launch_template={"id": template.id, "version": "$Latest"}, opts=opts,
            )  # fmt: skip
            action = aws.autoscaling.Policy(
                "web-scale-out", name="web-scale-out", scaling_adjustment=1, adjustment_type="ChangeInCapacity",
                cooldown=300, autoscaling_group_name=group.name, opts=opts,
            ).arn  # fmt: skip
        else:
            action = partner_arn(
                code, "autoscaling",
                "scalingPolicy:0123abcd-4567-89ab-cdef-0123456789ab:autoScalingGroupName/web:policyName/web-scale-out",
            )  # fmt: skip
        return aws.cloudwatch.MetricAlarm(
            "web-cpu-high", name="web-cpu-high", comparison_operator="GreaterThanOrEqualToThreshold",
            evaluation_periods=2, metric_name="CPUUtilization", namespace="AWS/EC2", period=120, statistic="Average",
            threshold=80, dimensions={"AutoScalingGroupName": "web"}, alarm_actions=[action], opts=opts,
        )  # fmt: skip

    return build


def appscaling_alarm(code: str, shape: str) -> Build:
    # docs: appautoscaling/policy (step scaling of an ECS service; outputs `arn` "ARN assigned by AWS to the scaling
    # policy"); cloudwatch/metricalarm `alarm_actions` ("The list of actions to execute when this alarm transitions into
    # an ALARM state from any other state. Each action is specified as an Amazon Resource Name (ARN)").
    def build(c: Any) -> object:
        opts = unpinned(code)
        action: Any
        if "-own-" in shape:
            target = aws.appautoscaling.Target(
                "orders-svc", max_capacity=6, min_capacity=1, resource_id="service/orders/orders-api",
                scalable_dimension="ecs:service:DesiredCount", service_namespace="ecs", opts=opts,
            )  # fmt: skip
            action = aws.appautoscaling.Policy(
                "orders-scale-out", name="orders-scale-out", policy_type="StepScaling",
                resource_id=target.resource_id, scalable_dimension=target.scalable_dimension,
                service_namespace=target.service_namespace,
                step_scaling_policy_configuration={"adjustment_type": "ChangeInCapacity", "cooldown": 60,
                                                   "metric_aggregation_type": "Maximum",
                                                   "step_adjustments": [{"metric_interval_lower_bound": "0",
                                                                         "scaling_adjustment": 1}]},
                opts=opts,
            ).arn  # fmt: skip
        else:
            action = partner_arn(
                code, "autoscaling",
                "scalingPolicy:0123abcd-4567-89ab-cdef-0123456789ab:resource/ecs/service/orders/orders-api"
                ":policyName/orders-scale-out",
            )  # fmt: skip
        return aws.cloudwatch.MetricAlarm(
            "orders-cpu-high", name="orders-cpu-high", comparison_operator="GreaterThanOrEqualToThreshold",
            evaluation_periods=2, metric_name="CPUUtilization", namespace="AWS/ECS", period=60, statistic="Maximum",
            threshold=75, dimensions={"ClusterName": "orders", "ServiceName": "orders-api"}, alarm_actions=[action],
            opts=opts,
        )  # fmt: skip

    return build


def restapi_permission(code: str, shape: str) -> Build:
    # docs: lambda/permission "Specify Lambda permissions for API Gateway REST API" (`source_arn` = the API's
    # `execution_arn` followed by `/*`); apigateway/restapi (outputs `execution_arn` "Execution ARN part to be used in
    # `lambda_permission`'s `source_arn` when allowing API Gateway to invoke a Lambda function").
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("orders-fn", opts)
        source: Any
        if "-own-" in shape:
            api = aws.apigateway.RestApi(
                "orders-api", name="orders", endpoint_configuration={"types": "REGIONAL"}, opts=opts
            )
            source = api.execution_arn.apply(lambda arn: f"{arn}/*")
        else:
            source = partner_arn(code, "execute-api", "a1b2c3d4e5/*")
        return aws.lambda_.Permission(
            "orders-invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=source, opts=opts,
        )  # fmt: skip

    return build


def httpapi_permission(code: str, shape: str) -> Build:
    # docs: apigatewayv2/api (outputs `execution_arn` "ARN prefix to be used in an `lambda.Permission`'s `source_arn`
    # attribute"); lambda/permission (`source_arn`: the API's `execution_arn` followed by `/*/*`, any stage and route).
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("hooks-fn", opts)
        source: Any
        if "-own-" in shape:
            api = aws.apigatewayv2.Api("hooks-api", name="hooks", protocol_type="HTTP", opts=opts)
            source = pulumi.Output.concat(api.execution_arn, "/*/*")
        else:
            source = partner_arn(code, "execute-api", "f6g7h8i9j0/*/*")
        return aws.lambda_.Permission(
            "hooks-invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=source, opts=opts,
        )  # fmt: skip

    return build


def iot_permission(code: str, shape: str) -> Build:
    # docs: iot/topicrule (`lambdas.function_arn`; outputs `arn` "The ARN of the topic rule"); lambda/permission
    # (`principal` iot.amazonaws.com, `source_arn` the rule's ARN: AWS IoT "AWS Lambda" rule action, "aws lambda
    # add-permission ... --source-arn arn:aws:iot:<region>:<account>:rule/<rule-name>").
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("telemetry-fn", opts)
        source: Any
        if "-own-" in shape:
            source = aws.iot.TopicRule(
                "telemetry", name="telemetry", enabled=True, sql="SELECT * FROM 'fleet/telemetry'",
                sql_version="2016-03-23", lambdas=[{"function_arn": fn.arn}], opts=opts,
            ).arn  # fmt: skip
        else:
            source = partner_arn(code, "iot", "rule/telemetry")
        return aws.lambda_.Permission(
            "telemetry-invoke", action="lambda:InvokeFunction", function=fn.name, principal="iot.amazonaws.com",
            source_arn=source, opts=opts,
        )  # fmt: skip

    return build


def userpool_permission(code: str, shape: str) -> Build:
    # docs: cognito/userpool (`lambda_config.pre_sign_up`; outputs `arn` "ARN of the user pool"); lambda/permission
    # (`principal` cognito-idp.amazonaws.com, `source_arn` the pool's ARN: Amazon Cognito "Customizing user pool
    # workflows with Lambda triggers", the resource-based policy Cognito needs to invoke the function).
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("signup-fn", opts)
        source: Any
        if "-own-" in shape:
            source = aws.cognito.UserPool(
                "members", name="members", lambda_config={"pre_sign_up": fn.arn}, opts=opts
            ).arn
        else:
            source = partner_arn(code, "cognito-idp", f"userpool/{AWS_HOME[code]}_AbCdEfGhI", sep=":")
        return aws.lambda_.Permission(
            "signup-invoke", action="lambda:InvokeFunction", function=fn.name, principal="cognito-idp.amazonaws.com",
            source_arn=source, opts=opts,
        )  # fmt: skip

    return build


def api_destination_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventapidestination (outputs `arn` "ARN of the event API Destination"),
    # cloudwatch/eventconnection; cloudwatch/eventtarget (`arn` the API destination's, with `http_target`). The
    # destination's own endpoint is the stack's own API's invoke URL in the home Region (judged separately, by its
    # host).
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any
        if "-own-" in shape:
            connection = aws.cloudwatch.EventConnection(
                "orders-sync", name="orders-sync", authorization_type="API_KEY",
                auth_parameters={"api_key": {"key": "x-api-key", "value": "placeholder"}}, opts=opts,
            )  # fmt: skip
            target = aws.cloudwatch.EventApiDestination(
                "orders-sync", name="orders-sync", connection_arn=connection.arn, http_method="POST",
                invocation_endpoint=f"https://a1b2c3d4e5.execute-api.{AWS_HOME[code]}.amazonaws.com/prod/sync",
                invocation_rate_limit_per_second=10, opts=opts,
            ).arn  # fmt: skip
        else:
            target = partner_arn(code, "events", "api-destination/orders-sync/0123abcd-4567-89ab-cdef-0123456789ab")
        return scheduled_target(opts, "orders-sync", target, http_target={"header_parameters": {"x-source": "nightly"}})

    return build


def codepipeline_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventtarget (a pipeline as the target: StartPipelineExecution); codepipeline/pipeline (outputs
    # `arn` "CodePipeline ARN").
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any
        if "-own-" in shape:
            bucket = aws.s3.Bucket("release-artifacts", bucket_prefix="release-artifacts-", opts=opts)
            role = aws.iam.Role("release", assume_role_policy=trust_policy("codepipeline.amazonaws.com"), opts=opts)
            target = aws.codepipeline.Pipeline(
                "release", name="release", role_arn=role.arn, pipeline_type="V2",
                artifact_stores=[{"location": bucket.bucket, "type": "S3"}],
                stages=[
                    {"name": "Source", "actions": [{
                        "name": "Source", "category": "Source", "owner": "AWS", "provider": "S3", "version": "1",
                        "output_artifacts": ["source"],
                        "configuration": {"S3Bucket": bucket.bucket, "S3ObjectKey": "release.zip",
                                          "PollForSourceChanges": "false"}}]},
                    {"name": "Approve", "actions": [{
                        "name": "Approve", "category": "Approval", "owner": "AWS", "provider": "Manual",
                        "version": "1"}]},
                ],
                opts=opts,
            ).arn  # fmt: skip
        else:
            target = partner_arn(code, "codepipeline", "release")
        return scheduled_target(opts, "nightly-release", target)

    return build


def ssm_document_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventtarget "SSM Document Usage" (`arn=stop_instances.arn`, `run_command_targets`);
    # ssm/document (outputs `arn` "ARN of the document").
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any
        if "-own-" in shape:
            target = aws.ssm.Document(
                "stop-instance", name="stop_instance", document_type="Command",
                content=json.dumps({"schemaVersion": "1.2", "description": "Stop an instance", "parameters": {},
                                    "runtimeConfig": {"aws:runShellScript": {"properties": [
                                        {"id": "0.aws:runShellScript", "runCommand": ["halt"]}]}}}),
                opts=opts,
            ).arn  # fmt: skip
        else:
            target = partner_arn(code, "ssm", "document/stop_instance")
        return scheduled_target(
            opts, "stop-instances", target, run_command_targets=[{"key": "tag:Terminate", "values": ["midnight"]}]
        )

    return build


def glue_workflow_target(code: str, shape: str) -> Build:
    # docs: AWS Glue "Starting an AWS Glue workflow with an Amazon EventBridge event" (an EVENT start trigger, and an
    # EventBridge rule whose target is the workflow's ARN with a role allowed glue:notifyEvent); glue/workflow (outputs
    # `arn` "ARN of Glue Workflow"), glue/trigger (`type` EVENT, `workflow_name`).
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any
        if "-own-" in shape:
            workflow = aws.glue.Workflow("ingest", name="ingest", opts=opts)
            aws.glue.Trigger(
                "ingest-start", name="ingest-start", type="EVENT", workflow_name=workflow.name,
                actions=[{"job_name": "ingest-orders"}], event_batching_conditions=[{"batch_size": 1}], opts=opts,
            )  # fmt: skip
            target = workflow.arn
        else:
            target = partner_arn(code, "glue", "workflow/ingest")
        return scheduled_target(opts, "ingest-on-upload", target)

    return build


def kms_grant_user(code: str, shape: str) -> Build:
    # docs: kms/grant (`grantee_principal` "The principal that is given permission to perform the operations that
    # the grant permits in ARN format"); iam/user (outputs `arn` "The ARN assigned by AWS for this user").
    def build(c: Any) -> object:
        opts = unpinned(code)
        key = aws.kms.Key("reports", description="reports", deletion_window_in_days=7, opts=opts)
        grantee: Any = (
            aws.iam.User("report-reader", name="report-reader", opts=opts).arn
            if "-own-" in shape
            else partner_arn(code, "iam", "user/report-reader", region=False)
        )
        return aws.kms.Grant(
            "report-reader", name="report-reader", key_id=key.key_id, grantee_principal=grantee,
            operations=["Decrypt", "DescribeKey"], opts=opts,
        )  # fmt: skip

    return build


def air_gapped_copy(code: str, shape: str) -> Build:
    # docs: backup/plan (`rules.copy_actions.destination_vault_arn`); backup/logicallyairgappedvault (outputs `arn`
    # "ARN of the Logically Air Gapped Backup Vault").
    def build(c: Any) -> object:
        opts = unpinned(code)
        primary = aws.backup.Vault("primary", name="primary", opts=opts)
        vault: Any = (
            aws.backup.LogicallyAirGappedVault(
                "air-gapped", name="air-gapped", min_retention_days=7, max_retention_days=35, opts=opts
            ).arn
            if "-own-" in shape
            else partner_arn(code, "backup", "backup-vault:air-gapped")
        )
        return aws.backup.Plan(
            "daily", name="daily",
            rules=[{"rule_name": "daily", "target_vault_name": primary.name, "schedule": "cron(0 3 * * ? *)",
                    "lifecycle": {"delete_after": 35},
                    "copy_actions": [{"destination_vault_arn": vault, "lifecycle": {"delete_after": 35}}]}],
            opts=opts,
        )  # fmt: skip

    return build


_BUILDERS: dict[str, Callable[[str, str], Build]] = {
    "asg-alarm": asg_alarm, "appscaling-alarm": appscaling_alarm, "restapi-permission": restapi_permission,
    "httpapi-permission": httpapi_permission, "iot-permission": iot_permission,
    "userpool-permission": userpool_permission, "api-destination-target": api_destination_target,
    "codepipeline-target": codepipeline_target, "ssm-document-target": ssm_document_target,
    "glue-workflow-target": glue_workflow_target,
    "kms-grant-user": kms_grant_user, "air-gapped-copy": air_gapped_copy,
}  # fmt: skip


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return unpinned_rows("madearns46", SHAPES, _BUILDERS)
