"""False-alarm review of stop 42's changes (review42, stop 42; issue 9).

Stop 42 judged organisation and source-account condition keys as grants (orgkeys42), read Fluent Bit configuration
files wherever a program writes them (fluentbit42), read API bodies inside CloudFormation templates and a REST body's
private integration (bodies42), bounded documents (docbounds42) and proved a role the stack makes by its ARN output
(ownrole42). These programs are the ordinary, compliant shapes those changes reach, written from the AWS documentation's
own examples, in EU, US, JP and CN with the provider pinned to the team's account (the table's ``c.aws``):

- service principals limited by ``aws:SourceAccount`` / ``aws:SourceArn`` (the "confused deputy" guidance): a CloudTrail
  bucket policy (CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail"), an AWS Config delivery bucket
  ("Permissions for the Amazon S3 bucket for the AWS Config delivery channel"), S3 server access logging
  ("Enabling Amazon S3 server access logging": ``logging.s3.amazonaws.com`` with the source bucket's ARN, which has no
  account field), VPC flow logs to S3 (``delivery.logs.amazonaws.com`` with ``arn:aws:logs:<region>:<account>:*``), an
  SNS topic for S3 event notifications (S3 User Guide, "Walkthrough: Configuring a bucket for notifications": the
  ``aws:SourceArn`` there is ``arn:aws:s3:*:*:<bucket>``, Region and account wildcards, beside ``aws:SourceAccount``),
  an SQS queue subscribed to the stack's topic, a Lambda permission for S3 and for API Gateway (``source_arn``), a
  CloudWatch Logs subscription role for Kinesis (``logs.<region>.amazonaws.com``), a GuardDuty publishing key;
- the same topic policy under a provider pinned to nothing: the literal own account is refused outside CN (RES-023, as a
  grant ``{"AWS": "<own id>"}`` is there since stop 35), the stack's own topic by its ARN output passes (a made value);
- Fluent Bit files: the ``[SERVICE]`` HTTP server and a ``forward`` input listening on ``0.0.0.0``, the
  ``prometheus_exporter`` output (it listens, it sends nothing), the standard parsers file, ``s3`` /
  ``kinesis_firehose`` / ``opensearch`` outputs to the stack's own bucket, stream and domain; an ini file with an
  ``[INPUT]`` section that is no Fluent Bit file;
- documents: a Step Functions definition with 300 states, a CloudWatch dashboard with 200 widgets;
- a REST body computed from the stack's VpcLink and NLB in one apply (the proxy path).

tests/test_realistic_programs.py runs them as CASES (``review42-*``); docs/residency.md, "False-alarm review of stop
42's changes (stop 42)".
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]
OWN = "123456789012"
"""The team's account (the realistic table's AWS providers are pinned to it)."""
PARTNER = "444455556666"
"""A partner's account, which no provider of the stack is pinned to."""
REGIONS = {"EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
PARTITION = {"EU": "aws", "JP": "aws", "US": "aws", "CN": "aws-cn"}
CODES = ("EU", "US", "JP", "CN")
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
ELASTIC_CLOUD_ID = (
    "fleet-logs:"
    + base64.b64encode(
        b"eu-west-1.aws.found.io$4fa8821e75634032bed1cf22110e2f97$4fa8821e75634032bed1cf22110e2f96"
    ).decode()
)
"""An Elastic Cloud id as the Elastic console prints it (the format from Fluent Bit's manual)."""
CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})

# config64 (stop 64): the id is read as the Elastic Cloud host it encodes (endpoints.yaml `encoded_host_keys`, the
# decoder Filebeat's `cloud.id` uses), RES-015 until that host is declared (it was RES-016 by the entry's id).
ELASTIC_DECLARED: dict[str, Any] = {
    "id": "firelens-elastic-cloud-id",
    "kind": "resident",
    "match": "4fa8821e75634032bed1cf22110e2f97.eu-west-1.aws.found.io",
    "evidence": "the team's Elastic Cloud deployment runs in the jurisdiction's Region (Elastic Cloud console)",
}
# shape -> (rule, refused in CN too, destinations); rule None: compliant everywhere. RES-023 is never refused in CN
# (aws-cn accounts are China's by partition); RES-016 of a third party's service is refused everywhere.
SHAPES: dict[str, tuple[str | None, bool, list[dict[str, Any]]]] = {
    "cloudtrail-bucket": (None, False, []),
    "config-bucket": (None, False, []),
    "s3-access-logging": (None, False, []),
    "s3-access-logging-literal": (None, False, []),
    "flowlogs-bucket": (None, False, []),
    "topic-s3-walkthrough": (None, False, []),
    "topic-s3-literal-bucket": (None, False, []),
    "queue-own-topic": (None, False, []),
    "queue-own-topic-unpinned": (None, False, []),
    "queue-own-rule-unpinned": (None, False, []),
    # A service principal's aws:SourceArn / aws:SourceAccount only narrow the statement (the lead's review of stop
    # 42): a partner's rule, or the own account written out under an unpinned provider, is not judged there.
    "queue-partner-rule-unpinned": (None, False, []),
    "topic-s3-own-unpinned": (None, False, []),
    "lambda-s3-permission": (None, False, []),
    "lambda-apigw-permission": (None, False, []),
    "logs-kinesis-role": (None, False, []),
    "guardduty-key": (None, False, []),
    "fluentbit-listeners": (None, False, []),
    "fluentbit-own-targets": (None, False, []),
    "fluentbit-parsers": (None, False, []),
    "fluentbit-es-own-host": (None, False, []),
    "fluentbit-es-cloud-id": ("RES-015", True, []),
    "fluentbit-es-cloud-id-declared": (None, False, [ELASTIC_DECLARED]),
    "firelens-es-cloud-id": ("RES-015", True, []),
    "ini-input-section": (None, False, []),
    "sfn-many-states": (None, False, []),
    "dashboard-many-widgets": (None, False, []),
    "rest-body-link-apply": (None, False, []),
}


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (
            f"review42-{code.lower()}-{shape}",
            code,
            program(code, shape),
            {rule} if rule and (code != "CN" or in_cn) else set(),
            declared,
        )
        for shape, (rule, in_cn, declared) in SHAPES.items()
        for code in CODES
    ]


def _doc(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def _assume(service: str, condition: dict[str, Any] | None = None) -> str:
    statement: dict[str, Any] = {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}
    return _doc({**statement, "Condition": condition} if condition else statement)


def _classic(*sections: tuple[str, dict[str, str]]) -> str:
    return "\n".join(f"[{name}]\n" + "".join(f"    {k} {v}\n" for k, v in body.items()) for name, body in sections)


def program(code: str, shape: str) -> Build:  # noqa: C901 - one branch per documented shape
    region, p = REGIONS[code], PARTITION[code]

    def build(c: Any) -> object:  # noqa: C901 - one branch per documented shape
        # `-unpinned`: the stack's only provider pins no account (c.aws is never made: a pinned provider anywhere in
        # the stack proves its account for every resource, stack_account_keys).
        if shape.endswith("-unpinned"):
            opts = pulumi.ResourceOptions(provider=aws.Provider("aws-unpinned", region=region))
        else:
            opts = c.aws
        if shape == "cloudtrail-bucket":
            # CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail": the trail's ARN written out.
            bucket = aws.s3.Bucket("trail-logs", opts=opts)
            trail = f"arn:{p}:cloudtrail:{region}:{OWN}:trail/management"
            document = bucket.arn.apply(
                lambda arn: _doc(
                    {
                        "Sid": "AWSCloudTrailAclCheck",
                        "Effect": "Allow",
                        "Principal": {"Service": "cloudtrail.amazonaws.com"},
                        "Action": "s3:GetBucketAcl",
                        "Resource": arn,
                        "Condition": {"StringEquals": {"AWS:SourceArn": trail}},
                    },
                    {
                        "Sid": "AWSCloudTrailWrite",
                        "Effect": "Allow",
                        "Principal": {"Service": "cloudtrail.amazonaws.com"},
                        "Action": "s3:PutObject",
                        "Resource": f"{arn}/AWSLogs/{OWN}/*",
                        "Condition": {
                            "StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "AWS:SourceArn": trail}
                        },
                    },
                )
            )
            policy = aws.s3.BucketPolicy("trail-logs", bucket=bucket.id, policy=document, opts=opts)
            return aws.cloudtrail.Trail(
                "management",
                name="management",
                s3_bucket_name=bucket.id,
                opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[policy])),
            )
        if shape == "config-bucket":
            # AWS Config Developer Guide, "Permissions for the Amazon S3 Bucket": aws:SourceAccount of the recorder.
            bucket = aws.s3.Bucket("config-history", opts=opts)
            document = bucket.arn.apply(
                lambda arn: _doc(
                    {
                        "Sid": "AWSConfigBucketPermissionsCheck",
                        "Effect": "Allow",
                        "Principal": {"Service": "config.amazonaws.com"},
                        "Action": "s3:GetBucketAcl",
                        "Resource": arn,
                        "Condition": {"StringEquals": {"AWS:SourceAccount": OWN}},
                    },
                    {
                        "Sid": "AWSConfigBucketDelivery",
                        "Effect": "Allow",
                        "Principal": {"Service": "config.amazonaws.com"},
                        "Action": "s3:PutObject",
                        "Resource": f"{arn}/AWSLogs/{OWN}/Config/*",
                        "Condition": {
                            "StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "AWS:SourceAccount": OWN}
                        },
                    },
                )
            )
            return aws.s3.BucketPolicy("config-history", bucket=bucket.id, policy=document, opts=opts)
        if shape.startswith("s3-access-logging"):
            # S3 User Guide, "Enabling Amazon S3 server access logging": the logging service principal, limited to
            # the source bucket (aws:SourceArn, an S3 ARN with no account) and the source account.
            name = f"fleet-data-{code.lower()}-{OWN}"
            source = aws.s3.Bucket("data", bucket=name, opts=opts)
            logs = aws.s3.Bucket("access-logs", opts=opts)
            source_arn = pulumi.Output.from_input(f"arn:{p}:s3:::{name}") if shape.endswith("literal") else source.arn
            document = pulumi.Output.all(logs.arn, source_arn).apply(
                lambda a: _doc(
                    {
                        "Sid": "S3ServerAccessLogsPolicy",
                        "Effect": "Allow",
                        "Principal": {"Service": "logging.s3.amazonaws.com"},
                        "Action": ["s3:PutObject"],
                        "Resource": f"{a[0]}/data/*",
                        "Condition": {"ArnLike": {"aws:SourceArn": a[1]}, "StringEquals": {"aws:SourceAccount": OWN}},
                    }
                )
            )
            aws.s3.BucketPolicy("access-logs", bucket=logs.id, policy=document, opts=opts)
            return aws.s3.BucketLogging(
                "data", bucket=source.id, target_bucket=logs.id, target_prefix="data/", opts=opts
            )
        if shape == "flowlogs-bucket":
            # VPC User Guide, "Publish flow logs to Amazon S3": the bucket policy for delivery.logs.amazonaws.com.
            bucket = aws.s3.Bucket("flow-logs", opts=opts)
            log_arns = f"arn:{p}:logs:{region}:{OWN}:*"
            document = bucket.arn.apply(
                lambda arn: _doc(
                    {
                        "Sid": "AWSLogDeliveryWrite",
                        "Effect": "Allow",
                        "Principal": {"Service": "delivery.logs.amazonaws.com"},
                        "Action": "s3:PutObject",
                        "Resource": f"{arn}/AWSLogs/{OWN}/*",
                        "Condition": {
                            "StringEquals": {"aws:SourceAccount": OWN, "s3:x-amz-acl": "bucket-owner-full-control"},
                            "ArnLike": {"aws:SourceArn": log_arns},
                        },
                    },
                    {
                        "Sid": "AWSLogDeliveryAclCheck",
                        "Effect": "Allow",
                        "Principal": {"Service": "delivery.logs.amazonaws.com"},
                        "Action": "s3:GetBucketAcl",
                        "Resource": arn,
                        "Condition": {
                            "StringEquals": {"aws:SourceAccount": OWN},
                            "ArnLike": {"aws:SourceArn": log_arns},
                        },
                    },
                )
            )
            aws.s3.BucketPolicy("flow-logs", bucket=bucket.id, policy=document, opts=opts)
            return aws.ec2.FlowLog(
                "vpc",
                vpc_id="vpc-0a1b2c3d4e5f60718",
                traffic_type="ALL",
                log_destination_type="s3",
                log_destination=bucket.arn,
                opts=opts,
            )
        if shape.startswith("topic-s3"):
            # S3 User Guide, "Walkthrough: Configuring a bucket for notifications (SNS topic and SQS queue)".
            name = f"fleet-uploads-{code.lower()}-{OWN}"
            bucket = aws.s3.Bucket("uploads", bucket=name, opts=opts)
            topic = aws.sns.Topic("object-events", opts=opts)
            bucket_source = f"arn:{p}:s3:*:*:{name}" if shape == "topic-s3-walkthrough" else f"arn:{p}:s3:::{name}"
            document = topic.arn.apply(
                lambda arn: _doc(
                    {
                        "Sid": "example-statement-ID",
                        "Effect": "Allow",
                        "Principal": {"Service": "s3.amazonaws.com"},
                        "Action": "SNS:Publish",
                        "Resource": arn,
                        "Condition": {
                            "ArnLike": {"aws:SourceArn": bucket_source},
                            "StringEquals": {"aws:SourceAccount": OWN},
                        },
                    }
                )
            )
            topic_policy = aws.sns.TopicPolicy("object-events", arn=topic.arn, policy=document, opts=opts)
            return aws.s3.BucketNotification(
                "uploads",
                bucket=bucket.id,
                topics=[{"topic_arn": topic.arn, "events": ["s3:ObjectCreated:*"]}],
                opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[topic_policy])),
            )
        if shape.startswith(("queue-own-rule", "queue-partner-rule")):
            # EventBridge User Guide, "Using resource-based policies for Amazon EventBridge": an SQS target's queue
            # policy, limited to the stack's rule by its ARN output (or, the twin, a partner's rule written out).
            queue = aws.sqs.Queue("order-events", name="order-events", opts=opts)
            rule = aws.cloudwatch.EventRule("orders", event_pattern=json.dumps({"source": ["fleet.orders"]}), opts=opts)
            rule_source = (
                rule.arn
                if shape.startswith("queue-own-rule")
                else pulumi.Output.from_input(f"arn:{p}:events:{region}:{PARTNER}:rule/orders")
            )
            document = pulumi.Output.all(queue.arn, rule_source).apply(
                lambda a: _doc(
                    {
                        "Sid": "AllowRule",
                        "Effect": "Allow",
                        "Principal": {"Service": "events.amazonaws.com"},
                        "Action": "sqs:SendMessage",
                        "Resource": a[0],
                        "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}},
                    }
                )
            )
            aws.sqs.QueuePolicy("order-events", queue_url=queue.id, policy=document, opts=opts)
            return aws.cloudwatch.EventTarget("orders", rule=rule.name, arn=queue.arn, opts=opts)
        if shape.startswith("queue-own-topic"):
            # SNS Developer Guide, "Fanout to Amazon SQS queues": the queue policy, limited to the stack's topic.
            topic = aws.sns.Topic("orders", opts=opts)
            queue = aws.sqs.Queue("orders-audit", name="orders-audit", opts=opts)
            document = pulumi.Output.all(queue.arn, topic.arn).apply(
                lambda a: _doc(
                    {
                        "Effect": "Allow",
                        "Principal": {"Service": "sns.amazonaws.com"},
                        "Action": "sqs:SendMessage",
                        "Resource": a[0],
                        "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}},
                    }
                )
            )
            aws.sqs.QueuePolicy("orders-audit", queue_url=queue.id, policy=document, opts=opts)
            return aws.sns.TopicSubscription(
                "orders-audit", topic=topic.arn, protocol="sqs", endpoint=queue.arn, opts=opts
            )
        if shape.startswith("lambda-"):
            role = aws.iam.Role("fn-role", assume_role_policy=_assume("lambda.amazonaws.com"), opts=opts)
            fn = aws.lambda_.Function(
                "ingest", runtime="python3.12", handler="index.handler", role=role.arn, code=CODE, opts=opts
            )
            if shape == "lambda-s3-permission":
                # Lambda Developer Guide, "Using AWS Lambda with Amazon S3": the bucket's ARN and the owner account.
                bucket = aws.s3.Bucket("incoming", opts=opts)
                return aws.lambda_.Permission(
                    "allow-bucket",
                    action="lambda:InvokeFunction",
                    function=fn.name,
                    principal="s3.amazonaws.com",
                    source_arn=bucket.arn,
                    source_account=OWN,
                    opts=opts,
                )
            # pulumi-aws lambda/permission "Usage with API Gateway REST API": the API's execution ARN.
            api = aws.apigateway.RestApi("orders", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
            return aws.lambda_.Permission(
                "allow-api",
                action="lambda:InvokeFunction",
                function=fn.name,
                principal="apigateway.amazonaws.com",
                source_arn=api.execution_arn.apply(lambda a: f"{a}/*"),
                opts=opts,
            )
        if shape == "logs-kinesis-role":
            # CloudWatch Logs User Guide, "Subscription filters with Kinesis Data Streams": the role CloudWatch Logs
            # assumes, a regional service principal limited to the account's log groups.
            stream = aws.kinesis.Stream("log-events", shard_count=1, opts=opts)
            role = aws.iam.Role(
                "cwl-to-kinesis",
                assume_role_policy=_assume(
                    # The regional principal in the China Regions' form (the .amazonaws.com.cn suffix; whether the
                    # .amazonaws.com form is accepted there was not confirmed, docs/residency.md).
                    f"logs.{region}.amazonaws.com" + (".cn" if code == "CN" else ""),
                    {"StringLike": {"aws:SourceArn": f"arn:{p}:logs:{region}:{OWN}:*"}},
                ),
                opts=opts,
            )
            aws.iam.RolePolicy(
                "cwl-to-kinesis",
                role=role.id,
                policy=stream.arn.apply(
                    lambda arn: _doc({"Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": arn})
                ),
                opts=opts,
            )
            group = aws.cloudwatch.LogGroup("app", retention_in_days=30, opts=opts)
            return aws.cloudwatch.LogSubscriptionFilter(
                "app-to-kinesis",
                log_group=group.name,
                filter_pattern="",
                destination_arn=stream.arn,
                role_arn=role.arn,
                opts=opts,
            )
        if shape == "guardduty-key":
            # GuardDuty User Guide, "Exporting findings": the key policy for guardduty.amazonaws.com, limited to the
            # account and the detector (aws:SourceArn built from the detector's id).
            detector = aws.guardduty.Detector("main", enable=True, opts=opts)
            document = detector.id.apply(
                lambda d: _doc(
                    {
                        "Sid": "Enable IAM User Permissions",
                        "Effect": "Allow",
                        "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"},
                        "Action": "kms:*",
                        "Resource": "*",
                    },
                    {
                        "Sid": "AllowGuardDutyKey",
                        "Effect": "Allow",
                        "Principal": {"Service": "guardduty.amazonaws.com"},
                        "Action": "kms:GenerateDataKey",
                        "Resource": "*",
                        "Condition": {
                            "StringEquals": {
                                "aws:SourceAccount": OWN,
                                "aws:SourceArn": f"arn:{p}:guardduty:{region}:{OWN}:detector/{d}",
                            }
                        },
                    },
                )
            )
            return aws.kms.Key(
                "guardduty-findings",
                description="GuardDuty findings",
                enable_key_rotation=True,
                policy=document,
                opts=opts,
            )
        if shape == "fluentbit-listeners":
            # Fluent Bit manual: the built-in HTTP server ("Monitoring"), the forward input ("listen 0.0.0.0"), the
            # prometheus_exporter output (it exposes metrics on host:port, it sends nothing), CloudWatch in the Region.
            text = _classic(
                ("SERVICE", {"Flush": "5", "HTTP_Server": "On", "HTTP_Listen": "0.0.0.0", "HTTP_Port": "2020"}),
                ("INPUT", {"Name": "forward", "Listen": "0.0.0.0", "Port": "24224"}),
                ("INPUT", {"Name": "fluentbit_metrics", "Tag": "internal_metrics", "Scrape_Interval": "2"}),
                (
                    "OUTPUT",
                    {"Name": "prometheus_exporter", "Match": "internal_metrics", "Host": "0.0.0.0", "Port": "2021"},
                ),
                (
                    "OUTPUT",
                    {
                        "Name": "cloudwatch_logs",
                        "Match": "*",
                        "region": region,
                        "log_group_name": "/fleet/app",
                        "log_stream_prefix": "fb-",
                        "auto_create_group": "On",
                    },
                ),
            )
            return aws.ssm.Parameter("fluent-bit-conf", type="String", value=text, opts=opts)
        if shape == "fluentbit-own-targets":
            # Fluent Bit manual "Amazon S3", "Amazon Kinesis Data Firehose", "OpenSearch": the stack's bucket, stream
            # and domain in the stack's Region.
            bucket = aws.s3.Bucket("fleet-logs", opts=opts)
            role = aws.iam.Role("firehose", assume_role_policy=_assume("firehose.amazonaws.com"), opts=opts)
            firehose = aws.kinesis.FirehoseDeliveryStream(
                "app-logs",
                destination="extended_s3",
                extended_s3_configuration={"role_arn": role.arn, "bucket_arn": bucket.arn},
                opts=opts,
            )
            domain = aws.opensearch.Domain("logs", engine_version="OpenSearch_2.11", opts=opts)
            config = pulumi.Output.all(bucket.bucket, firehose.name, domain.endpoint).apply(
                lambda a: _classic(
                    ("INPUT", {"Name": "tail", "Path": "/var/log/app/*.log", "Tag": "app"}),
                    (
                        "OUTPUT",
                        {
                            "Name": "s3",
                            "Match": "app",
                            "bucket": a[0],
                            "region": region,
                            "total_file_size": "50M",
                            "upload_timeout": "10m",
                        },
                    ),
                    ("OUTPUT", {"Name": "kinesis_firehose", "Match": "app", "region": region, "delivery_stream": a[1]}),
                    (
                        "OUTPUT",
                        {
                            "Name": "opensearch",
                            "Match": "app",
                            "Host": a[2],
                            "Port": "443",
                            "AWS_Auth": "On",
                            "AWS_Region": region,
                            "tls": "On",
                            "Index": "app",
                        },
                    ),
                )
            )
            return aws.ssm.Parameter("fluent-bit-conf", type="String", value=config, opts=opts)
        if shape.startswith("fluentbit-es-"):
            # Fluent Bit manual "Elasticsearch": the stack's domain by its Host, or Elastic's hosted service by
            # Cloud_ID ("<deployment_name>:<base64_info>", the host inside the base64).
            domain = aws.opensearch.Domain("logs", engine_version="OpenSearch_2.11", opts=opts)
            options = pulumi.Output.from_input({"Name": "es", "Match": "*", "Index": "fleet", "tls": "On"})
            if shape == "fluentbit-es-own-host":
                options = domain.endpoint.apply(
                    lambda host: {
                        "Name": "es",
                        "Match": "*",
                        "Host": host,
                        "Port": "443",
                        "AWS_Auth": "On",
                        "AWS_Region": region,
                        "tls": "On",
                    }
                )
            else:
                options = options.apply(lambda o: {**o, "Cloud_ID": ELASTIC_CLOUD_ID, "Cloud_Auth": "fleet:pa55"})
            es_config = options.apply(
                lambda o: _classic(("INPUT", {"Name": "tail", "Path": "/var/log/app/*.log"}), ("OUTPUT", o))
            )
            return aws.ssm.Parameter("fluent-bit-conf", type="String", value=es_config, opts=opts)
        if shape == "firelens-es-cloud-id":
            # ECS Developer Guide, "Using FireLens": the awsfirelens log driver's options are the output's keys.
            containers = [
                {
                    "name": "log_router",
                    "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                    "essential": True,
                    "firelensConfiguration": {"type": "fluentbit"},
                },
                {
                    "name": "app",
                    "image": "public.ecr.aws/nginx/nginx:latest",
                    "essential": True,
                    "logConfiguration": {
                        "logDriver": "awsfirelens",
                        "options": {
                            "Name": "es",
                            "Cloud_ID": ELASTIC_CLOUD_ID,
                            "Cloud_Auth": "fleet:pa55",
                            "Index": "fleet",
                            "tls": "On",
                        },
                    },
                },
            ]
            return aws.ecs.TaskDefinition(
                "app",
                family="app",
                requires_compatibilities=["FARGATE"],
                cpu="256",
                memory="512",
                network_mode="awsvpc",
                container_definitions=json.dumps(containers),
                opts=opts,
            )
        if shape == "fluentbit-parsers":
            # Fluent Bit's own conf/parsers.conf (apache, nginx, docker) and a multiline parser, as shipped.
            text = (
                "[PARSER]\n    Name   apache\n    Format regex\n"
                '    Regex  ^(?<host>[^ ]*) [^ ]* (?<user>[^ ]*) \\[(?<time>[^\\]]*)\\] "(?<method>\\S+)(?: +(?<path>'
                '[^\\"]*?)(?: +\\S*)?)?" (?<code>[^ ]*) (?<size>[^ ]*)'
                '(?: "(?<referer>[^\\"]*)" "(?<agent>[^\\"]*)")?$\n'
                "    Time_Key time\n    Time_Format %d/%b/%Y:%H:%M:%S %z\n\n"
                "[PARSER]\n    Name   docker\n    Format json\n    Time_Key time\n"
                "    Time_Format %Y-%m-%dT%H:%M:%S.%L\n    Time_Keep On\n\n"
                "[MULTILINE_PARSER]\n    name          multiline-regex-test\n    type          regex\n"
                "    flush_timeout 1000\n"
                '    rule      "start_state"   "/([a-zA-Z]+ \\d+ \\d+\\:\\d+\\:\\d+)(.*)/"  "cont"\n'
                '    rule      "cont"          "/^\\s+at.*/"                     "cont"\n'
            )
            bucket = aws.s3.Bucket("fluent-bit-config", opts=opts)
            return aws.s3.BucketObjectv2("parsers", bucket=bucket.id, key="parsers.conf", content=text, opts=opts)
        if shape == "ini-input-section":
            # A game-controller style ini shipped with a kiosk app: `[INPUT]` with `key = value` lines, no Fluent Bit.
            text = "[DISPLAY]\nwidth = 1920\nheight = 1080\n\n[INPUT]\nDevice = touchscreen\nName = kiosk-panel\n"
            bucket = aws.s3.Bucket("kiosk-config", opts=opts)
            return aws.s3.BucketObjectv2("kiosk-ini", bucket=bucket.id, key="kiosk.ini", content=text, opts=opts)
        if shape == "sfn-many-states":
            # Step Functions: a long chain of Lambda tasks with retries (300 states), the function the stack's own.
            role = aws.iam.Role("fn-role", assume_role_policy=_assume("lambda.amazonaws.com"), opts=opts)
            fn = aws.lambda_.Function(
                "step", runtime="python3.12", handler="index.handler", role=role.arn, code=CODE, opts=opts
            )
            sfn_role = aws.iam.Role("sfn", assume_role_policy=_assume("states.amazonaws.com"), opts=opts)

            def definition(arn: str) -> str:
                states: dict[str, Any] = {}
                for i in range(300):
                    states[f"Step{i:03d}"] = {
                        "Type": "Task",
                        "Resource": "arn:" + p + ":states:::lambda:invoke",
                        "Parameters": {"FunctionName": arn, "Payload.$": "$", "Step": i},
                        "Retry": [
                            {
                                "ErrorEquals": ["Lambda.ServiceException", "Lambda.TooManyRequestsException"],
                                "IntervalSeconds": 2,
                                "MaxAttempts": 6,
                                "BackoffRate": 2,
                            }
                        ],
                        **({"Next": f"Step{i + 1:03d}"} if i < 299 else {"End": True}),
                    }
                return json.dumps({"Comment": "vehicle batch", "StartAt": "Step000", "States": states})

            return aws.sfn.StateMachine("batch", role_arn=sfn_role.arn, definition=fn.arn.apply(definition), opts=opts)
        if shape == "dashboard-many-widgets":
            # CloudWatch "Dashboard body structure and syntax": 200 metric widgets in the stack's Region.
            widgets = [
                {
                    "type": "metric",
                    "x": (i % 4) * 6,
                    "y": (i // 4) * 6,
                    "width": 6,
                    "height": 6,
                    "properties": {
                        "metrics": [
                            ["AWS/Lambda", "Invocations", "FunctionName", f"fn-{i}"],
                            [".", "Errors", ".", "."],
                        ],
                        "period": 300,
                        "stat": "Sum",
                        "region": region,
                        "title": f"fn-{i}",
                    },
                }
                for i in range(200)
            ]
            return aws.cloudwatch.Dashboard(
                "fleet", dashboard_name="fleet", dashboard_body=json.dumps({"widgets": widgets}), opts=opts
            )
        # rest-body-link-apply: API Gateway "Set up API with private integrations using OpenAPI": a greedy proxy
        # through the stack's VpcLink, the body computed from the link and the NLB in one apply.
        nlb = aws.lb.LoadBalancer("orders", internal=True, load_balancer_type="network", subnets=SUBNETS, opts=opts)
        link = aws.apigateway.VpcLink("orders", target_arn=nlb.arn, opts=opts)
        body = pulumi.Output.all(link.id, nlb.dns_name).apply(
            lambda a: json.dumps(
                {
                    "openapi": "3.0.1",
                    "info": {"title": "orders", "version": "1.0"},
                    "paths": {
                        "/{proxy+}": {
                            "x-amazon-apigateway-any-method": {
                                "parameters": [
                                    {"name": "proxy", "in": "path", "required": True, "schema": {"type": "string"}}
                                ],
                                "x-amazon-apigateway-integration": {
                                    "type": "http_proxy",
                                    "httpMethod": "ANY",
                                    "connectionType": "VPC_LINK",
                                    "connectionId": a[0],
                                    "uri": f"http://{a[1]}/{{proxy}}",
                                    "requestParameters": {
                                        "integration.request.path.proxy": "method.request.path.proxy"
                                    },
                                },
                            }
                        }
                    },
                }
            )
        )
        return aws.apigateway.RestApi("orders", body=body, endpoint_configuration={"types": "REGIONAL"}, opts=opts)

    return build
