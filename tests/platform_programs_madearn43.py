"""Programs of stop 43's own-ARN work (madearn43): the stack's own resources named by their ARN output, the rest.

Stop 42 (ownrole42, review42) made a RAM / IAM role, an SNS topic, an EventBridge rule and an SQS queue the stack makes
count as the deploying account's when a resource made with the SAME provider names it by its ``arn`` output. Every
other own resource named by its ARN output as a written destination (``written_account_fields``) was still refused
RES-023 under a provider that pins no account (AWS: no ``allowed_account_ids``) or assumes no role (Alibaba Cloud),
although the destination is made with the same credentials, so in the same account. Reproduced on the unchanged
engine for each ``own-*`` program below (all refused RES-023 at the guard): an S3 event notification to the stack's
Lambda function, a log subscription filter to its function, CloudTrail to its log group (the ARN output followed by the
``:*`` CloudTrail requires, as pulumi-aws's own example writes it), an EventBridge target that is its event bus or its
log group. The Alibaba Cloud programs (a Function Compute 3.0 asynchronous destination and an EventBridge target that is
the stack's own function by ``function_arn``) stay RES-023: FC functions were left out of the catalogue (a first
preview cannot tie Alibaba's own example, which builds the same ARN from the UID, to the output); they pin the verdict.

``shape``: ``own-*`` (passes) and the offending twins (RES-023): ``*-literal`` (the own account's ARN written out by
hand beside ``depends_on``: nothing ties the account to the provider's), ``*-second-provider`` (made by a second
provider of the stack, another profile: it may run as another account), ``*-format`` (an ARN built with
``pulumi.Output.format`` from a partner account and the own resource's name: computed from it, but not its output),
``*-partner-literal`` (another account's resource). ``sfn-partner-literal``: a state machine logging its execution
data to another account's log group passed every door before stop 43 (its written field was skipped for a workflow
type), now RES-023; ``own-log-group-sfn``, the own log group by ``arn`` + ``:*``, passes. AWS in EU and US (aws-cn
accounts are China's by partition, so CN proves nothing there), Alibaba Cloud in CN and EU (Frankfurt).
tests/test_realistic_programs.py runs them as CASES (``madearn43-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN_ACCOUNT = "123456789012"
"""The mocks' AWS account: what every ARN of a resource made by any provider carries."""
OWN_UID = "1234567890123456"
"""The mocks' Alibaba Cloud account."""
PARTNER_ACCOUNT = "444455556666"
PARTNER_UID = "5555666677778888"
AWS_HOME = {"EU": "eu-central-1", "US": "us-east-1"}
ALI_HOME = {"CN": "cn-shanghai", "EU": "eu-central-1"}
AWS_SHAPES = ("own-function-notification", "own-function-log-filter", "own-log-group-trail", "own-bus-target",
              "own-log-group-target", "function-literal", "function-second-provider", "log-group-format",
              "bus-partner-literal", "own-log-group-sfn", "sfn-partner-literal")  # fmt: skip
ALI_SHAPES = ("own-fc-async", "own-fc-eventbridge", "fc-literal", "fc-second-provider", "fc-format")

LAMBDA_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})  # fmt: skip
TRAIL_TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                   "Action": "sts:AssumeRole"}],
})  # fmt: skip


def expected(shape: str) -> set[str]:
    return set() if shape.startswith("own-") else {"RES-023"}


def ali_expected(shape: str) -> set[str]:
    # Every Alibaba Cloud program stays RES-023 under a provider assuming no role, the own function by `function_arn`
    # too: FC functions are not in `made_account_arns` (endpoints.yaml, madearn43: Alibaba's own example builds the same
    # ARN from the UID, which a first preview cannot tie to the output; left open). The fix: assume the team's role.
    return {"RES-023"}


def _function(name: str, opts: pulumi.ResourceOptions) -> aws.lambda_.Function:
    # docs: lambda/function (role, runtime, handler, code; output arn "ARN identifying your Lambda Function")
    role = aws.iam.Role(f"{name}-exec", assume_role_policy=LAMBDA_TRUST, opts=opts)
    return aws.lambda_.Function(
        name, role=role.arn, runtime="python3.12", handler="index.handler",
        code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(event, context):\n    return None\n")}),
        opts=opts,
    )  # fmt: skip


def aws_program(code: str, shape: str) -> Build:
    # The provider pins no account (no allowed_account_ids, no assume_roles): access keys of the team's account.
    region = AWS_HOME[code]

    def build(c: Any) -> object:
        team = aws.Provider("team", region=region)
        opts = pulumi.ResourceOptions(provider=team)
        maker = opts
        if shape.endswith("-second-provider"):
            maker = pulumi.ResourceOptions(provider=aws.Provider("ops", region=region, profile="ops"))
        if shape.startswith(("own-function", "function-")):
            fn = _function("thumbnail", maker)
            target: Any = fn.arn
            if shape == "function-literal":
                target = f"arn:aws:lambda:{region}:{OWN_ACCOUNT}:function:thumbnail"
                opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[fn]))
            if shape == "own-function-log-filter":
                # docs: cloudwatch/logsubscriptionfilter (destination_arn: a Lambda function, with its permission)
                group = aws.cloudwatch.LogGroup("app", name="/fleet/app", retention_in_days=30, opts=opts)
                return aws.cloudwatch.LogSubscriptionFilter(
                    "app-to-shipper", log_group=group.name, filter_pattern="ERROR", destination_arn=target, opts=opts
                )
            # docs: s3/bucketnotification (lambda_functions[].lambda_function_arn, events)
            bucket = aws.s3.Bucket("uploads", opts=opts)
            return aws.s3.BucketNotification(
                "uploads", bucket=bucket.id,
                lambda_functions=[{"lambda_function_arn": target, "events": ["s3:ObjectCreated:*"]}], opts=opts,
            )  # fmt: skip
        if shape in ("own-log-group-sfn", "sfn-partner-literal"):
            # docs: sfn/statemachine (logging_configuration.log_destination "ARN of a CloudWatch log group ... The
            # ARN must end with `:*`"; include_execution_data: each state's input and output go to the log group)
            group = aws.cloudwatch.LogGroup("orders-flow", name="/aws/vendedlogs/states/orders", opts=opts)
            role = aws.iam.Role("orders-flow", assume_role_policy=LAMBDA_TRUST.replace("lambda", "states"), opts=opts)
            destination: Any = group.arn.apply(lambda arn: f"{arn}:*")
            if shape == "sfn-partner-literal":
                destination = f"arn:aws:logs:{region}:{PARTNER_ACCOUNT}:log-group:/aws/vendedlogs/states/orders:*"
            return aws.sfn.StateMachine(
                "orders-flow", role_arn=role.arn,
                definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}),
                logging_configuration={"log_destination": destination, "include_execution_data": True,
                                       "level": "ALL"},
                opts=opts,
            )  # fmt: skip
        if shape in ("own-log-group-trail", "log-group-format"):
            # docs: cloudtrail/trail (cloud_watch_logs_group_arn "CloudTrail requires the Log Stream wildcard",
            # the registry example `example.arn.apply(lambda arn: f"{arn}:*")`; cloud_watch_logs_role_arn)
            group = aws.cloudwatch.LogGroup("trail", name="/fleet/cloudtrail", retention_in_days=365, opts=opts)
            role = aws.iam.Role("trail-to-logs", assume_role_policy=TRAIL_TRUST, opts=opts)
            bucket = aws.s3.Bucket("trail", opts=opts)
            arn: Any = group.arn.apply(lambda arn: f"{arn}:*")
            if shape == "log-group-format":
                arn = pulumi.Output.format("arn:aws:logs:{0}:{1}:log-group:{2}:*", region, PARTNER_ACCOUNT, group.name)
            return aws.cloudtrail.Trail(
                "fleet-audit", s3_bucket_name=bucket.id, cloud_watch_logs_group_arn=arn,
                cloud_watch_logs_role_arn=role.arn, opts=opts,
            )  # fmt: skip
        # docs: cloudwatch/eventrule, cloudwatch/eventtarget (arn: another event bus, a log group), cloudwatch/eventbus
        rule = aws.cloudwatch.EventRule("orders", event_pattern=json.dumps({"source": ["fleet.orders"]}), opts=opts)
        if shape == "own-log-group-target":
            group = aws.cloudwatch.LogGroup("orders-events", name="/aws/events/orders", opts=opts)
            return aws.cloudwatch.EventTarget("orders-to-logs", rule=rule.name, arn=group.arn, opts=opts)
        bus = aws.cloudwatch.EventBus("orders-archive", name="orders-archive", opts=opts)
        bus_arn: Any = bus.arn
        role = aws.iam.Role("events-to-bus", assume_role_policy=LAMBDA_TRUST.replace("lambda", "events"), opts=opts)
        if shape == "bus-partner-literal":
            bus_arn = f"arn:aws:events:{region}:{PARTNER_ACCOUNT}:event-bus/orders-archive"
        return aws.cloudwatch.EventTarget(
            "orders-to-archive", rule=rule.name, arn=bus_arn, role_arn=role.arn, opts=opts
        )

    return build


def ali_program(code: str, shape: str) -> Build:
    # docs: fc/v3function (output function_arn "ARN of function"), fc/v3asyncinvokeconfig
    # (destination_config.on_success.destination), eventbridge/rule (targets[].endpoint, type acs.fc.function); the
    # provider assumes no role (access keys of the team's account).
    region = ALI_HOME[code]

    def build(c: Any) -> object:
        team = alicloud.Provider("team", region=region)
        opts = pulumi.ResourceOptions(provider=team)
        maker = opts
        if shape == "fc-second-provider":
            maker = pulumi.ResourceOptions(provider=alicloud.Provider("ops", region=region, profile="ops"))
        archive = alicloud.fc.V3Function(
            "archive", function_name="archive", runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, opts=maker,
        )  # fmt: skip
        target: Any = archive.function_arn
        if shape == "fc-literal":
            target = f"acs:fc:{region}:{OWN_UID}:functions/archive"
            opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[archive]))
        elif shape == "fc-format":
            target = pulumi.Output.format("acs:fc:{0}:{1}:functions/{2}", region, PARTNER_UID, archive.function_name)
        if shape == "own-fc-eventbridge":
            bus = alicloud.eventbridge.EventBus("fleet-ops", event_bus_name="fleet-ops", opts=opts)
            return alicloud.eventbridge.Rule(
                "oss-events", event_bus_name=bus.event_bus_name, rule_name="oss-events",
                filter_pattern=json.dumps({"source": ["acs.oss"]}),
                targets=[{"target_id": "archive", "type": "acs.fc.function", "endpoint": target,
                          "param_lists": [{"resource_key": "functionName", "form": "CONSTANT", "value": "archive"},
                                          {"resource_key": "Body", "form": "ORIGINAL"}]}],
                opts=opts,
            )  # fmt: skip
        ingest = alicloud.fc.V3Function(
            "ingest", function_name="ingest", runtime="python3.10", handler="index.handler",
            code={"zip_file": "UEsDBAo="}, opts=opts,
        )  # fmt: skip
        return alicloud.fc.V3AsyncInvokeConfig(
            "ingest-async", function_name=ingest.function_name, max_async_retry_attempts=2,
            destination_config={"on_success": {"destination": target}}, opts=opts,
        )  # fmt: skip

    return build


Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    programs: list[Row] = [
        (f"madearn43-{code.lower()}-aws-{shape}", code, aws_program(code, shape), expected(shape), [])
        for code in AWS_HOME
        for shape in AWS_SHAPES
    ]
    return programs + [
        (f"madearn43-{code.lower()}-ali-{shape}", code, ali_program(code, shape), ali_expected(shape), [])
        for code in ALI_HOME
        for shape in ALI_SHAPES
    ]
