"""Programs of stop 47's fourth round on the stack's own resources by ARN under an unpinned provider (madearns47).

Under a provider that pins no account (AWS: no ``allowed_account_ids`` and no ``assume_role``, as the registry's
examples write it), an ARN in a written or granted account field names an account the program cannot prove is the
stack's, so RES-023 fails closed, except where the value IS the ARN output of a resource the program makes with the
same provider (``made_account_arns``, stops 42-46). Stop 46 left these outputs unlisted (one-value checks); each was
reproduced here with the ``*-own-unpinned`` program below on main c0b9543 (RES-023 at every door outside CN while the
same program pinned passes):

- an Incident Manager response plan's ``arn`` as a metric alarm's ``alarm_actions`` (CloudWatch alarm actions: "start
  an Incident Manager incident"; StartIncident "Used to start an incident from CloudWatch alarms, EventBridge events")
  and as an EventBridge target's ``arn`` (EventBridge targets: "Incident Manager response plan");
- an Inspector Classic assessment template's ``arn`` as an EventBridge target's ``arn`` (EventBridge targets:
  "Inspector assessment template");
- as a Lambda permission's ``source_arn`` (AddPermission: "For AWS services, the ARN of the AWS resource that invokes
  the function"): a CodeCommit repository's ``arn`` (a repository trigger invoking the function), an Amazon Connect
  instance's ``arn`` (Lambda "Grant Amazon Connect access": "a principal of connect.amazonaws.com and the ARN of your
  Amazon Connect instance"), a metric alarm's ``arn`` (CloudWatch "Invoke a Lambda function from an alarm": principal
  lambda.alarms.cloudwatch.amazonaws.com, ``--source-arn`` the alarm's ARN) and a load balancer target group's ``arn``
  (the registry's lb/targetgroupattachment "Usage with lambda": ``source_arn=test_target_group.arn``, under
  ``aws.lb`` and under its alias ``aws.alb``);
- a Redshift Serverless workgroup's ``arn`` as an EventBridge target's ``arn`` (Amazon Redshift "Scheduling Amazon
  Redshift Data API operations with Amazon EventBridge": a cluster "or an Amazon Redshift Serverless workgroup");
- a REST API stage's ``execution_arn`` followed by ``/*/*`` (any method, any path of that stage) as a Lambda
  permission's ``source_arn`` (apigateway/stage outputs ``execution_arn`` "Execution ARN to be used in
  `lambda_permission`'s `source_arn` when allowing API Gateway to invoke a Lambda function, e.g.,
  `arn:aws:execute-api:eu-west-2:123456789012:z4675bid1j/prod`"; stop 46 left a stage's ``execution_arn`` open).

``shape``: ``*-own-unpinned`` (the stack's own resource by its output, provider pinning no account: passes);
``*-partner-unpinned`` (another account's ARN written out, the offending twin: RES-023 outside CN; an aws-cn account is
China's by partition, so CN programs pass). tests/test_realistic_programs.py runs them as CASES (``madearns47-*``).
"""

from __future__ import annotations

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
    unpinned,
    unpinned_rows,
)

_FOUR = ("EU", "DE", "US", "JP")
SHAPES = {
    "response-plan-alarm": _FOUR,
    "response-plan-target": _FOUR,
    "inspector-target": _FOUR,
    "codecommit-permission": (*_FOUR, "CN"),
    "connect-permission": _FOUR,
    "alarm-permission": (*_FOUR, "CN"),
    "target-group-permission": (*_FOUR, "CN"),
    "alb-target-group-permission": ("EU", "CN"),
    "stage-permission": (*_FOUR, "CN"),
    "workgroup-target": _FOUR,
}
"""Shape family -> the jurisdictions it runs in (each as ``-own-unpinned`` and ``-partner-unpinned``); CN only where
the service is offered in the China Regions (CodeCommit, CloudWatch, Elastic Load Balancing)."""


def _invoke(
    name: str, fn: aws.lambda_.Function, principal: str, source: Any, opts: pulumi.ResourceOptions
) -> aws.lambda_.Permission:
    return aws.lambda_.Permission(
        name, action="lambda:InvokeFunction", function=fn.name, principal=principal, source_arn=source, opts=opts
    )


def _response_plan(opts: pulumi.ResourceOptions) -> aws.ssmincidents.ResponsePlan:
    # docs: ssmincidents/responseplan (`incident_template` title and impact; outputs `arn` "The ARN of the response
    # plan"). The plan's replication set (ssmincidents.ReplicationSet) is the account's, made once, not per stack.
    return aws.ssmincidents.ResponsePlan(
        "checkout", name="checkout", incident_template={"title": "checkout errors", "impact": 2}, opts=opts
    )


def response_plan_alarm(code: str, shape: str) -> Build:
    # docs: cloudwatch/metricalarm `alarm_actions` ("Each action is specified as an Amazon Resource Name (ARN)");
    # CloudWatch "Alarm actions" (an alarm can start an Incident Manager incident from a response plan).
    def build(c: Any) -> object:
        opts = unpinned(code)
        plan: Any = (
            _response_plan(opts).arn if "-own-" in shape
            else partner_arn(code, "ssm-incidents", "response-plan/checkout", region=False)
        )  # fmt: skip
        return aws.cloudwatch.MetricAlarm(
            "checkout-5xx", name="checkout-5xx", comparison_operator="GreaterThanOrEqualToThreshold",
            evaluation_periods=3, metric_name="HTTPCode_Target_5XX_Count", namespace="AWS/ApplicationELB", period=60,
            statistic="Sum", threshold=25, alarm_actions=[plan], opts=opts,
        )  # fmt: skip

    return build


def response_plan_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventtarget (`arn`, `role_arn`: the role EventBridge uses to start the incident); EventBridge
    # "Amazon EventBridge targets" lists "Incident Manager response plan".
    def build(c: Any) -> object:
        opts = unpinned(code)
        plan: Any = (
            _response_plan(opts).arn if "-own-" in shape
            else partner_arn(code, "ssm-incidents", "response-plan/checkout", region=False)
        )  # fmt: skip
        return scheduled_target(opts, "checkout-drill", plan)

    return build


def inspector_target(code: str, shape: str) -> Build:
    # docs: inspector/assessmenttemplate (`target_arn`, `duration`, `rules_package_arns`; outputs `arn` "The template
    # assessment ARN"); EventBridge "Amazon EventBridge targets" lists "Inspector assessment template" (a scheduled
    # assessment run). The rules package is the Region's own (Inspector Classic publishes one per Region).
    def build(c: Any) -> object:
        opts = unpinned(code)
        template: Any
        if "-own-" in shape:
            target = aws.inspector.AssessmentTarget("fleet", name="fleet", opts=opts)
            template = aws.inspector.AssessmentTemplate(
                "fleet-weekly", name="fleet-weekly", target_arn=target.arn, duration=3600,
                rules_package_arns=[f"arn:aws:inspector:{AWS_HOME[code]}:357557129151:rulespackage/0-ubA5XvBh"],
                opts=opts,
            ).arn  # fmt: skip
        else:
            template = partner_arn(code, "inspector", "target/0-AbCdEfGh/template/0-IjKlMnOp")
        return scheduled_target(opts, "fleet-weekly", template)

    return build


def codecommit_permission(code: str, shape: str) -> Build:
    # docs: codecommit/trigger (`triggers.destination_arn`, the function's ARN); codecommit/repository (outputs `arn`
    # "The ARN of the repository"); lambda/permission (`principal` codecommit.amazonaws.com, `source_arn` the
    # repository: CodeCommit "Create a trigger for a Lambda function", the function's policy allows the repository).
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("repo-hook", opts)
        source: Any
        if "-own-" in shape:
            repo = aws.codecommit.Repository("infra", repository_name="infra", opts=opts)
            aws.codecommit.Trigger(
                "infra", repository_name=repo.repository_name,
                triggers=[{"name": "push", "events": ["updateReference"], "destination_arn": fn.arn}], opts=opts,
            )  # fmt: skip
            source = repo.arn
        else:
            source = partner_arn(code, "codecommit", "infra")
        return _invoke("repo-hook-invoke", fn, "codecommit.amazonaws.com", source, opts)

    return build


def connect_permission(code: str, shape: str) -> Build:
    # docs: connect/instance (outputs `arn` "ARN of the instance"), connect/lambdafunctionassociation; Lambda "Grant
    # Amazon Connect access to your AWS Lambda functions" ("add the resource permissions using the add-permission
    # command, with a principal of connect.amazonaws.com and the ARN of your Amazon Connect instance").
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("caller-lookup", opts)
        source: Any
        if "-own-" in shape:
            instance = aws.connect.Instance(
                "support", identity_management_type="CONNECT_MANAGED", inbound_calls_enabled=True,
                outbound_calls_enabled=False, instance_alias=f"support-{code.lower()}", opts=opts,
            )  # fmt: skip
            aws.connect.LambdaFunctionAssociation(
                "caller-lookup", instance_id=instance.id, function_arn=fn.arn, opts=opts
            )
            source = instance.arn
        else:
            source = partner_arn(code, "connect", "instance/0123abcd-4567-89ab-cdef-0123456789ab")
        return _invoke("caller-lookup-invoke", fn, "connect.amazonaws.com", source, opts)

    return build


def alarm_permission(code: str, shape: str) -> Build:
    # docs: CloudWatch "Invoke a Lambda function from an alarm" (`--principal lambda.alarms.cloudwatch.amazonaws.com`,
    # `--source-arn` the alarm's ARN); cloudwatch/metricalarm (outputs `arn` "The ARN of the CloudWatch Metric Alarm";
    # `alarm_actions` the function's ARN).
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("queue-drain", opts)
        source: Any = (
            aws.cloudwatch.MetricAlarm(
                "backlog-high", name="backlog-high", comparison_operator="GreaterThanOrEqualToThreshold",
                evaluation_periods=2, metric_name="ApproximateNumberOfMessagesVisible", namespace="AWS/SQS",
                period=300, statistic="Maximum", threshold=1000, dimensions={"QueueName": "orders"},
                alarm_actions=[fn.arn], opts=opts,
            ).arn
            if "-own-" in shape
            else partner_arn(code, "cloudwatch", "alarm:backlog-high")
        )  # fmt: skip
        return _invoke("queue-drain-invoke", fn, "lambda.alarms.cloudwatch.amazonaws.com", source, opts)

    return build


def _target_group_permission(module: Any) -> Callable[[str, str], Build]:
    # docs: lb/targetgroupattachment "Usage with lambda" (`principal` elasticloadbalancing.amazonaws.com,
    # `source_arn=test_target_group.arn`, then the attachment with `target_id` the function's ARN); lb/targetgroup
    # (`target_type` lambda; outputs `arn` "ARN of the Target Group (matches `id`)"). aws.alb is the same resource
    # under its older module ("aws.alb.TargetGroup is known as aws.lb.TargetGroup").
    def family(code: str, shape: str) -> Build:
        def build(c: Any) -> object:
            opts = unpinned(code)
            fn = lambda_function("web-fn", opts)
            if "-own-" not in shape:
                partner = partner_arn(code, "elasticloadbalancing", "targetgroup/web-fn/0123456789abcdef")
                return _invoke("web-fn-invoke", fn, "elasticloadbalancing.amazonaws.com", partner, opts)
            group = module.TargetGroup("web-fn", name="web-fn", target_type="lambda", opts=opts)
            permission = _invoke("web-fn-invoke", fn, "elasticloadbalancing.amazonaws.com", group.arn, opts)
            return module.TargetGroupAttachment(
                "web-fn", target_group_arn=group.arn, target_id=fn.arn,
                opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[permission])),
            )  # fmt: skip

        return build

    return family


def stage_permission(code: str, shape: str) -> Build:
    # docs: apigateway/stage (outputs `execution_arn`, above), apigateway/deployment, apigateway/integration
    # (`AWS_PROXY` to the function's `invoke_arn`); lambda/permission (`principal` apigateway.amazonaws.com,
    # `source_arn` the stage's execution ARN followed by `/*/*`: only that stage may invoke the function).
    def build(c: Any) -> object:
        opts = unpinned(code)
        fn = lambda_function("orders-fn", opts)
        if "-own-" not in shape:
            partner = partner_arn(code, "execute-api", "a1b2c3d4e5/prod/*/*")
            return _invoke("orders-invoke", fn, "apigateway.amazonaws.com", partner, opts)
        api = aws.apigateway.RestApi("orders", name="orders", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        resource = aws.apigateway.Resource("orders", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="orders", opts=opts)  # fmt: skip
        method = aws.apigateway.Method(
            "orders-any", rest_api=api.id, resource_id=resource.id, http_method="ANY", authorization="NONE", opts=opts
        )
        integration = aws.apigateway.Integration(
            "orders-any", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST", type="AWS_PROXY", uri=fn.invoke_arn, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "orders", rest_api=api.id,
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[integration])),
        )  # fmt: skip
        stage = aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod", opts=opts)
        return _invoke("orders-invoke", fn, "apigateway.amazonaws.com", stage.execution_arn.apply(lambda a: f"{a}/*/*"),
                       opts)  # fmt: skip

    return build


def workgroup_target(code: str, shape: str) -> Build:
    # docs: Amazon Redshift "Scheduling Amazon Redshift Data API operations with Amazon EventBridge" ("with an Amazon
    # Redshift cluster or an Amazon Redshift Serverless workgroup as the data warehouse": the target's `Arn` is the
    # workgroup's, `RedshiftDataParameters` the SQL); redshiftserverless/workgroup (outputs `arn` "ARN of the Redshift
    # Serverless Workgroup"); cloudwatch/eventtarget (`redshift_target`).
    def build(c: Any) -> object:
        opts = unpinned(code)
        workgroup: Any
        if "-own-" in shape:
            namespace = aws.redshiftserverless.Namespace(
                "analytics", namespace_name="analytics", db_name="dev", opts=opts
            )
            workgroup = aws.redshiftserverless.Workgroup(
                "analytics", namespace_name=namespace.namespace_name, workgroup_name="analytics", base_capacity=8,
                opts=opts,
            ).arn  # fmt: skip
        else:
            workgroup = partner_arn(code, "redshift-serverless", "workgroup/0123abcd-4567-89ab-cdef-0123456789ab")
        return scheduled_target(
            opts, "nightly-refresh", workgroup,
            redshift_target={"database": "dev", "sql": "CALL refresh_daily()", "statement_name": "nightly-refresh"},
        )  # fmt: skip

    return build


_BUILDERS: dict[str, Callable[[str, str], Build]] = {
    "response-plan-alarm": response_plan_alarm, "response-plan-target": response_plan_target,
    "inspector-target": inspector_target, "codecommit-permission": codecommit_permission,
    "connect-permission": connect_permission, "alarm-permission": alarm_permission,
    "target-group-permission": _target_group_permission(aws.lb),
    "alb-target-group-permission": _target_group_permission(aws.alb), "stage-permission": stage_permission,
    "workgroup-target": workgroup_target,
}  # fmt: skip


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return unpinned_rows("madearns47", SHAPES, _BUILDERS)
