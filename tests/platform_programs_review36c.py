"""False-alarm review of RES-024 (stop 36, ``falsealarm20``): ordinary compliant programs that write ``*`` principals
the way AWS's and Alibaba Cloud's documentation recommends for access that is NOT public.

A service's log or event delivery to the stack's own bucket / topic / queue (CloudFront OAC, ALB / NLB access logs,
CloudTrail, Config, VPC flow logs, WAF logs, S3 notifications, CloudWatch alarms, EventBridge), statements restricted
by who (``aws:SourceVpce``, ``aws:SourceVpc``, ``aws:PrincipalOrgID``, ``aws:SourceOwner``, ``aws:SourceArn``,
``kms:CallerAccount``, ``aws:SourceIp``, ``acs:SourceVpc``), a ``Deny`` of everything not through the stack's VPC
endpoint beside an ``Allow`` to ``*`` (API Gateway's private API example), the default KMS key policy, Lambda
permissions to services with ``source_arn``, OSS private ACLs and RAM trust policies of services. Policies are
literal JSON and ``aws.iam.get_policy_document`` documents (``principals`` of type ``*``).

Every program is compliant (``expected`` empty) except the offending twins, which show what stays refused.
tests/test_realistic_programs.py runs them as CASES (``falsealarm20-*``) through :func:`rows`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
"""The team's account (the mocks' caller identity, the context's provider pin)."""
ORG = "o-a1b2c3d4e5"
"""The team's AWS organization."""
ALI_OWN = "1234567890123456"
"""The team's Alibaba Cloud account."""
CODES = ("EU", "DE", "JP", "US", "CN")
REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
ELB_ACCOUNT = {"EU": "156460612806", "DE": "054676820928", "JP": "582318560864", "US": "127311923021",
               "CN": "638102146993"}  # fmt: skip
"""The Region's Elastic Load Balancing account (ALB "Enable access logs", "Regions available before August 2022")."""
VPCE = "vpce-0a1b2c3d4e5f60718"
VPC = "vpc-0a1b2c3d4e5f60718"
LAMBDA_CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _doc(*statements: dict[str, Any], version: str = "2012-10-17") -> str:
    return json.dumps({"Version": version, "Statement": list(statements)})


def _trust(service: str) -> str:
    return _doc({"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"})


def _bucket(name: str, code: str, opts: pulumi.ResourceOptions) -> tuple[aws.s3.Bucket, str, str]:
    bucket = f"fleet-{name}-{code.lower()}"
    return aws.s3.Bucket(name, bucket=bucket, opts=opts), bucket, f"arn:{_part(code)}:s3:::{bucket}"


def _function(name: str, opts: pulumi.ResourceOptions) -> aws.lambda_.Function:
    role = aws.iam.Role(f"{name}-role", assume_role_policy=_trust("lambda.amazonaws.com"), opts=opts)
    return aws.lambda_.Function(name, role=role.arn, runtime="python3.12", handler="index.handler", code=LAMBDA_CODE,
                                opts=opts)  # fmt: skip


def aws_form(form: str, code: str) -> Build:  # noqa: C901
    """One documented, non-public use of ``*`` or of a service principal (docs cited per form)."""

    def build(c: Any) -> object:  # noqa: C901
        opts, p, region = c.aws, _part(code), REGIONS[code]
        if form == "cloudfront-oac":
            # CloudFront "Restricting access to an Amazon S3 origin": OAC bucket policy, service principal with
            # AWS:SourceArn of the distribution.
            _, name, arn = _bucket("origin", code, opts)
            return aws.s3.BucketPolicy("origin-policy", bucket=name, policy=_doc({
                "Sid": "AllowCloudFrontServicePrincipalReadOnly", "Effect": "Allow",
                "Principal": {"Service": "cloudfront.amazonaws.com"}, "Action": "s3:GetObject",
                "Resource": f"{arn}/*",
                "Condition": {"StringEquals": {"AWS:SourceArn": f"arn:{p}:cloudfront::{OWN}:distribution/EDFDVBD6EX"}},
            }), opts=opts)  # fmt: skip
        if form == "alb-logs":
            # ELB "Enable access logs for your Application Load Balancer": the Region's ELB account may PutObject.
            _, name, arn = _bucket("alb-logs", code, opts)
            return aws.s3.BucketPolicy("alb-logs-policy", bucket=name, policy=_doc({
                "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{ELB_ACCOUNT[code]}:root"},
                "Action": "s3:PutObject", "Resource": f"{arn}/alb/AWSLogs/{OWN}/*",
            }), opts=opts)  # fmt: skip
        if form == "alb-logs-service":
            # ... Regions opened since August 2022: the log delivery service principal.
            _, name, arn = _bucket("alb-logs", code, opts)
            return aws.s3.BucketPolicy("alb-logs-policy", bucket=name, policy=_doc({
                "Effect": "Allow", "Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"},
                "Action": "s3:PutObject", "Resource": f"{arn}/alb/AWSLogs/{OWN}/*",
            }), opts=opts)  # fmt: skip
        if form == "nlb-logs":
            # ELB "Access logs for your Network Load Balancer": delivery.logs with aws:SourceAccount / aws:SourceArn.
            _, name, arn = _bucket("nlb-logs", code, opts)
            cond = {"StringEquals": {"aws:SourceAccount": [OWN]},
                    "ArnLike": {"aws:SourceArn": [f"arn:{p}:logs:{region}:{OWN}:*"]}}  # fmt: skip
            return aws.s3.BucketPolicy("nlb-logs-policy", bucket=name, policy=_doc(
                {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow",
                 "Principal": {"Service": "delivery.logs.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": f"{arn}/AWSLogs/{OWN}/*",
                 "Condition": {**cond, "StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                                        "aws:SourceAccount": [OWN]}}},
                {"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow",
                 "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": arn,
                 "Condition": cond},
            ), opts=opts)  # fmt: skip
        if form == "cloudtrail":
            # CloudTrail "Amazon S3 bucket policy for CloudTrail".
            _, name, arn = _bucket("trail", code, opts)
            source = {"StringEquals": {"aws:SourceArn": f"arn:{p}:cloudtrail:{region}:{OWN}:trail/main"}}
            return aws.s3.BucketPolicy("trail-policy", bucket=name, policy=_doc(
                {"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow",
                 "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Action": "s3:GetBucketAcl", "Resource": arn, "Condition": source},
                {"Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": f"{arn}/AWSLogs/{OWN}/*",
                 "Condition": {"StringEquals": {**source["StringEquals"],
                                                "s3:x-amz-acl": "bucket-owner-full-control"}}},
            ), opts=opts)  # fmt: skip
        if form == "config":
            # AWS Config "Permissions for the Amazon S3 Bucket for the AWS Config delivery channel".
            _, name, arn = _bucket("config", code, opts)
            account = {"StringEquals": {"AWS:SourceAccount": OWN}}
            return aws.s3.BucketPolicy("config-policy", bucket=name, policy=_doc(
                {"Sid": "AWSConfigBucketPermissionsCheck", "Effect": "Allow",
                 "Principal": {"Service": "config.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": arn,
                 "Condition": account},
                {"Sid": "AWSConfigBucketDelivery", "Effect": "Allow", "Principal": {"Service": "config.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": f"{arn}/AWSLogs/{OWN}/Config/*",
                 "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                                "AWS:SourceAccount": OWN}}},
            ), opts=opts)  # fmt: skip
        if form == "waf-logs":
            # WAF "Sending web ACL traffic logs to an Amazon S3 bucket" (bucket name starts aws-waf-logs-).
            name = f"aws-waf-logs-fleet-{code.lower()}"
            aws.s3.Bucket("waf-logs", bucket=name, opts=opts)
            arn = f"arn:{p}:s3:::{name}"
            cond = {"StringEquals": {"aws:SourceAccount": [OWN]},
                    "ArnLike": {"aws:SourceArn": [f"arn:{p}:logs:{region}:{OWN}:*"]}}  # fmt: skip
            return aws.s3.BucketPolicy("waf-logs-policy", bucket=name, policy=_doc(
                {"Sid": "AWSLogDeliveryWrite", "Effect": "Allow",
                 "Principal": {"Service": "delivery.logs.amazonaws.com"},
                 "Action": "s3:PutObject", "Resource": f"{arn}/AWSLogs/{OWN}/*", "Condition": cond},
                {"Sid": "AWSLogDeliveryAclCheck", "Effect": "Allow",
                 "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": arn,
                 "Condition": cond},
            ), opts=opts)  # fmt: skip
        if form == "secure-transport":
            # S3 "Enforce encryption of data in transit": a Deny to * beside an Allow to the own account.
            bucket, _, _ = _bucket("data", code, opts)
            policy = bucket.arn.apply(lambda arn: _doc(
                {"Sid": "AllowOwnAccount", "Effect": "Allow", "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"},
                 "Action": "s3:*", "Resource": [arn, f"{arn}/*"]},
                {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                 "Resource": [arn, f"{arn}/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            ))  # fmt: skip
            return aws.s3.BucketPolicy("data-policy", bucket=bucket.id, policy=policy, opts=opts)
        if form in ("s3-source-vpce", "s3-source-vpc", "s3-org"):
            # S3 "Controlling access from VPC endpoints with bucket policies"; IAM aws:PrincipalOrgID.
            key, value = {"s3-source-vpce": ("aws:SourceVpce", VPCE), "s3-source-vpc": ("aws:SourceVpc", VPC),
                          "s3-org": ("aws:PrincipalOrgID", ORG)}[form]  # fmt: skip
            bucket, _, _ = _bucket("shared", code, opts)
            policy = bucket.arn.apply(lambda arn: _doc({
                "Sid": "Restricted", "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:ListBucket"],
                "Resource": [arn, f"{arn}/*"], "Condition": {"StringEquals": {key: value}},
            }))  # fmt: skip
            return aws.s3.BucketPolicy("shared-policy", bucket=bucket.id, policy=policy, opts=opts)
        if form == "s3-vpce-deny":
            # S3 "Restricting access to a specific VPC endpoint": Deny unless through the endpoint.
            bucket, _, _ = _bucket("shared", code, opts)
            policy = bucket.arn.apply(lambda arn: _doc({
                "Sid": "Access-to-specific-VPCE-only", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "Resource": [arn, f"{arn}/*"], "Condition": {"StringNotEquals": {"aws:SourceVpce": VPCE}},
            }))  # fmt: skip
            return aws.s3.BucketPolicy("shared-policy", bucket=bucket.id, policy=policy, opts=opts)
        if form == "s3-policy-document":
            # aws.iam.get_policy_document with principals of type "*" restricted by aws:SourceVpce.
            # Literal values: a document over Outputs is a known first-preview false alarm (docs/residency-open.md).
            bucket, _, arn = _bucket("shared", code, opts)
            document = aws.iam.get_policy_document_output(statements=[{
                "sid": "ThroughEndpoint", "effect": "Allow", "principals": [{"type": "*", "identifiers": ["*"]}],
                "actions": ["s3:GetObject"], "resources": [f"{arn}/*"],
                "conditions": [{"test": "StringEquals", "variable": "aws:SourceVpce", "values": [VPCE]}],
            }], opts=pulumi.InvokeOptions(provider=opts.provider))  # fmt: skip
            return aws.s3.BucketPolicy("shared-policy", bucket=bucket.id, policy=document.json, opts=opts)
        if form == "sns-alarms":
            # SNS's default topic policy: "AWS": "*" with AWS:SourceOwner, the topic a CloudWatch alarm notifies.
            topic = aws.sns.Topic("alarms", name="alarms", opts=opts)
            arn = f"arn:{p}:sns:{region}:{OWN}:alarms"
            aws.sns.TopicPolicy("alarms-policy", arn=topic.arn, policy=_doc({
                "Sid": "__default_statement_ID", "Effect": "Allow", "Principal": {"AWS": "*"},
                "Action": ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:Subscribe",
                           "SNS:ListSubscriptionsByTopic", "SNS:Publish"],
                "Resource": arn, "Condition": {"StringEquals": {"AWS:SourceOwner": OWN}},
            }), opts=opts)  # fmt: skip
            return aws.cloudwatch.MetricAlarm("cpu-high", comparison_operator="GreaterThanThreshold",
                                              evaluation_periods=2, metric_name="CPUUtilization",
                                              namespace="AWS/EC2", period=300, statistic="Average", threshold=80,
                                              alarm_actions=[topic.arn], opts=opts)  # fmt: skip
        if form == "sns-s3-events":
            # S3 "Granting permissions to publish event notification messages to a destination".
            topic = aws.sns.Topic("uploads", name="uploads", opts=opts)
            _, name, arn = _bucket("uploads", code, opts)
            policy = topic.arn.apply(lambda t: _doc({
                "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "SNS:Publish",
                "Resource": t, "Condition": {"ArnLike": {"aws:SourceArn": arn},
                                             "StringEquals": {"aws:SourceAccount": OWN}},
            }))  # fmt: skip
            aws.sns.TopicPolicy("uploads-policy", arn=topic.arn, policy=policy, opts=opts)
            return aws.s3.BucketNotification("uploads", bucket=name,
                                             topics=[{"topic_arn": topic.arn, "events": ["s3:ObjectCreated:*"]}],
                                             opts=opts)  # fmt: skip
        if form == "sns-eventbridge":
            # EventBridge "Permissions for Amazon SNS": events.amazonaws.com may Publish, restricted by the rule.
            topic = aws.sns.Topic("events", name="events", opts=opts)
            rule_arn = f"arn:{p}:events:{region}:{OWN}:rule/ec2-state"
            policy = topic.arn.apply(lambda t: _doc({
                "Sid": "PublishEventsToMyTopic", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
                "Action": "sns:Publish", "Resource": t, "Condition": {"ArnEquals": {"aws:SourceArn": rule_arn}},
            }))  # fmt: skip
            return aws.sns.TopicPolicy("events-policy", arn=topic.arn, policy=policy, opts=opts)
        if form == "sqs-from-sns":
            # SNS "Subscribing an Amazon SQS queue to an Amazon SNS topic": "Principal": {"AWS": "*"} with
            # ArnEquals aws:SourceArn of the topic.
            topic = aws.sns.Topic("orders", opts=opts)
            queue = aws.sqs.Queue("orders", opts=opts)
            policy = pulumi.Output.all(queue.arn, topic.arn).apply(lambda a: _doc({
                "Sid": "AllowTopic", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:SendMessage",
                "Resource": a[0], "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}},
            }))  # fmt: skip
            aws.sqs.QueuePolicy("orders-policy", queue_url=queue.url, policy=policy, opts=opts)
            return aws.sns.TopicSubscription("orders", topic=topic.arn, protocol="sqs", endpoint=queue.arn, opts=opts)
        if form == "sqs-policy-document":
            # The same through aws.iam.get_policy_document (principals type "*").
            aws.sns.Topic("orders", name="orders", opts=opts)
            queue = aws.sqs.Queue("orders", name="orders", opts=opts)
            arn = f"arn:{p}:sqs:{region}:{OWN}:orders"
            document = aws.iam.get_policy_document_output(statements=[{
                "effect": "Allow", "principals": [{"type": "*", "identifiers": ["*"]}], "actions": ["sqs:SendMessage"],
                "resources": [arn],
                "conditions": [{"test": "ArnEquals", "variable": "aws:SourceArn",
                                "values": [f"arn:{p}:sns:{region}:{OWN}:orders"]}],
            }], opts=pulumi.InvokeOptions(provider=opts.provider))  # fmt: skip
            return aws.sqs.QueuePolicy("orders-policy", queue_url=queue.url, policy=document.json, opts=opts)
        if form == "eventbridge-org":
            # EventBridge "Permissions for event buses": the organisation may PutEvents on the bus.
            bus = aws.cloudwatch.EventBus("fleet", name="fleet", opts=opts)
            arn = f"arn:{p}:events:{region}:{OWN}:event-bus/fleet"
            return aws.cloudwatch.EventBusPolicy("fleet-org", event_bus_name=bus.name, policy=_doc({
                "Sid": "AllowOrganization", "Effect": "Allow", "Principal": "*", "Action": "events:PutEvents",
                "Resource": arn, "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG}},
            }), opts=opts)  # fmt: skip
        if form == "kms-default":
            # KMS "Default key policy" (root of the own account) and "kms:ViaService" with kms:CallerAccount (the
            # AWS managed key policy's shape).
            return aws.kms.Key("data-key", description="data", policy=_doc(
                {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
                 "Principal": {"AWS": f"arn:{p}:iam::{OWN}:root"}, "Action": "kms:*", "Resource": "*"},
                {"Sid": "Allow access through S3", "Effect": "Allow", "Principal": {"AWS": "*"},
                 "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                 "Resource": "*", "Condition": {"StringEquals": {
                     "kms:ViaService": f"s3.{region}.amazonaws.com{'.cn' if code == 'CN' else ''}",
                     "kms:CallerAccount": OWN}}},
            ), opts=opts)  # fmt: skip
        if form.startswith("apigw-private"):
            # API Gateway "Access a private API" / "API Gateway resource policy examples" ("Allow private API traffic
            # based on source VPC or VPC endpoint"): execute-api:Invoke to * from the stack's VPC endpoint; the guide's
            # example denies everything not through the endpoint and allows `*`. Offending twins (`-tls`, `-narrow`,
            # `-and`): the Deny restricts nobody (aws:SecureTransport), covers one stage only, or ANDs a second key.
            allow = {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}
            deny = {**allow, "Effect": "Deny", "Condition": {"StringNotEquals": {"aws:SourceVpce": VPCE}}}
            if form == "apigw-private-deny-tls":
                deny = {**deny, "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
            if form == "apigw-private-deny-narrow":
                deny = {**deny, "Resource": "execute-api:/prod/*"}
            if form == "apigw-private-deny-and":
                deny = {**deny, "Condition": {"StringNotEquals": {"aws:SourceVpce": VPCE,
                                                                  "aws:PrincipalTag/team": "fleet"}}}  # fmt: skip
            statements = ((deny, allow) if form.startswith("apigw-private-deny")
                          else ({**allow, "Condition": {"StringEquals": {"aws:SourceVpce": VPCE}}},))  # fmt: skip
            return aws.apigateway.RestApi("internal", name="internal",
                                          endpoint_configuration={"types": "PRIVATE", "vpc_endpoint_ids": [VPCE]},
                                          policy=_doc(*statements), opts=opts)  # fmt: skip
        if form == "opensearch-ip":
            # OpenSearch "IP-based policies".
            domain = f"arn:{p}:es:{region}:{OWN}:domain/search"
            return aws.opensearch.Domain("search", domain_name="search", engine_version="OpenSearch_2.11",
                                         cluster_config={"instance_type": "t3.small.search", "instance_count": 1},
                                         ebs_options={"ebs_enabled": True, "volume_size": 10},
                                         access_policies=_doc({
                                             "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*",
                                             "Resource": f"{domain}/*",
                                             "Condition": {"IpAddress": {"aws:SourceIp": ["192.0.2.0/24"]}}}),
                                         opts=opts)  # fmt: skip
        if form == "opensearch-vpc-open":
            # OpenSearch "About access policies on VPC domains": a VPC domain is reached only through its VPC and
            # security groups, and teams often give it an open policy (`AWS: *`, no condition). Refused until stop 42
            # (falsealarm20); since public42 the domain's own `vpc_options.subnet_ids` restricts who (catalogue
            # `network_restricted`, docs/residency.md "OpenSearch VPC domains and NotAction Denies (stop 42)"): passes,
            # and the declared twin's declaration is no longer needed.
            domain = f"arn:{p}:es:{region}:{OWN}:domain/search"
            return aws.opensearch.Domain("search", domain_name="search", engine_version="OpenSearch_2.11",
                                         cluster_config={"instance_type": "t3.small.search", "instance_count": 1},
                                         ebs_options={"ebs_enabled": True, "volume_size": 10},
                                         vpc_options={"subnet_ids": ["subnet-0a1b2c3d"],
                                                      "security_group_ids": ["sg-0a1b2c3d"]},
                                         access_policies=_doc({"Effect": "Allow", "Principal": {"AWS": "*"},
                                                               "Action": "es:ESHttp*", "Resource": f"{domain}/*"}),
                                         opts=opts)  # fmt: skip
        if form == "opensearch-vpc":
            # OpenSearch in a VPC with a policy to the own account's principals.
            domain = f"arn:{p}:es:{region}:{OWN}:domain/search"
            return aws.opensearch.Domain("search", domain_name="search", engine_version="OpenSearch_2.11",
                                         cluster_config={"instance_type": "t3.small.search", "instance_count": 1},
                                         ebs_options={"ebs_enabled": True, "volume_size": 10},
                                         vpc_options={"subnet_ids": ["subnet-0a1b2c3d"],
                                                      "security_group_ids": ["sg-0a1b2c3d"]},
                                         access_policies=_doc({
                                             "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttp*",
                                             "Resource": f"{domain}/*",
                                             "Condition": {"StringEquals": {"aws:PrincipalAccount": OWN}}}),
                                         opts=opts)  # fmt: skip
        if form == "ecr-lambda":
            # Lambda "Amazon ECR permissions": lambda.amazonaws.com with aws:sourceArn of the own functions.
            repo = aws.ecr.Repository("fn-images", name="fn-images", opts=opts)
            return aws.ecr.RepositoryPolicy("fn-images", repository=repo.name, policy=_doc({
                "Sid": "LambdaECRImageRetrievalPolicy", "Effect": "Allow",
                "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                "Condition": {"StringLike": {"aws:sourceArn": f"arn:{p}:lambda:{region}:{OWN}:function:*"}},
            }), opts=opts)  # fmt: skip
        if form == "secret-org":
            # Secrets Manager resource policy for the organisation.
            secret = aws.secretsmanager.Secret("shared", opts=opts)
            return aws.secretsmanager.SecretPolicy("shared-policy", secret_arn=secret.arn, policy=_doc({
                "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "secretsmanager:GetSecretValue",
                "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": ORG}},
            }), opts=opts)  # fmt: skip
        if form in ("lambda-s3", "lambda-sns", "lambda-events"):
            # Lambda "Granting function access to AWS services" (source_arn, source_account).
            fn = _function("handler", opts)
            if form == "lambda-s3":
                _, _, arn = _bucket("inbox", code, opts)
                return aws.lambda_.Permission("from-s3", action="lambda:InvokeFunction", function=fn.name,
                                              principal="s3.amazonaws.com", source_arn=arn, source_account=OWN,
                                              opts=opts)  # fmt: skip
            if form == "lambda-sns":
                topic = aws.sns.Topic("jobs", opts=opts)
                return aws.lambda_.Permission(
                    "from-sns",
                    action="lambda:InvokeFunction",
                    function=fn.name,
                    principal="sns.amazonaws.com",
                    source_arn=topic.arn,
                    opts=opts,
                )
            rule = aws.cloudwatch.EventRule("nightly", schedule_expression="cron(0 2 * * ? *)", opts=opts)
            return aws.lambda_.Permission(
                "from-events",
                action="lambda:InvokeFunction",
                function=fn.name,
                principal="events.amazonaws.com",
                source_arn=rule.arn,
                opts=opts,
            )
        raise ValueError(form)

    return build


def ali_form(form: str, code: str) -> Build:
    """One documented, non-public Alibaba Cloud policy or ACL."""

    def build(c: Any) -> object:
        # docs: alicloud provider `assumeRole`: the deployment role of the team's account pins the stack's account.
        role = alicloud.ProviderAssumeRoleArgs(role_arn=f"acs:ram::{ALI_OWN}:role/deployer", session_name="ci")
        opts = pulumi.ResourceOptions(provider=alicloud.Provider("ali", region=ALI_REGIONS[code], assume_role=role))
        name = f"fleet-data-{code.lower()}"
        if form == "oss-source-vpc":
            # OSS "Block Public Access": a statement with a fixed acs:SourceVpc is not public.
            bucket = alicloud.oss.Bucket("data", bucket=name, opts=opts)
            return alicloud.oss.BucketPolicy("data-policy", bucket=bucket.bucket, policy=_doc({
                "Effect": "Allow", "Principal": ["*"], "Action": ["oss:GetObject", "oss:ListObjects"],
                "Resource": [f"acs:oss:*:{ALI_OWN}:{name}", f"acs:oss:*:{ALI_OWN}:{name}/*"],
                "Condition": {"StringEquals": {"acs:SourceVpc": ["vpc-uf6f7l4fg90oxwxs1abcd"]}},
            }, version="1"), opts=opts)  # fmt: skip
        if form == "oss-ram-user":
            # OSS bucket policy to a RAM user of the own account, with a Deny unless HTTPS.
            bucket = alicloud.oss.Bucket("data", bucket=name, opts=opts)
            return alicloud.oss.BucketPolicy("data-policy", bucket=bucket.bucket, policy=_doc(
                {"Effect": "Allow", "Principal": [f"{ALI_OWN}"], "Action": ["oss:GetObject"],
                 "Resource": [f"acs:oss:*:{ALI_OWN}:{name}/*"]},
                {"Effect": "Deny", "Principal": ["*"], "Action": ["oss:*"],
                 "Resource": [f"acs:oss:*:{ALI_OWN}:{name}/*"],
                 "Condition": {"Bool": {"acs:SecureTransport": ["false"]}}},
                version="1"), opts=opts)  # fmt: skip
        if form == "oss-private":
            bucket = alicloud.oss.Bucket("data", bucket=name, acl="private", opts=opts)
            return alicloud.oss.BucketAcl("data-acl", bucket=bucket.bucket, acl="private", opts=opts)
        if form == "ram-trust-ecs":
            # RAM "Create a RAM role for a trusted Alibaba Cloud service".
            return alicloud.ram.Role("ecs-role", role_name="ecs-role", assume_role_policy_document=_doc({
                "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]},
            }, version="1"), opts=opts)  # fmt: skip
        if form == "ram-trust-account":
            # A RAM role the own account's RAM users may assume.
            return alicloud.ram.Role("ops-role", role_name="ops-role", assume_role_policy_document=_doc({
                "Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"RAM": [f"acs:ram::{ALI_OWN}:root"]},
            }, version="1"), opts=opts)  # fmt: skip
        raise ValueError(form)

    return build


AWS_FORMS = ("cloudfront-oac", "alb-logs", "alb-logs-service", "nlb-logs", "cloudtrail", "config", "waf-logs",
             "secure-transport", "s3-source-vpce", "s3-source-vpc", "s3-org", "s3-vpce-deny", "s3-policy-document",
             "sns-alarms", "sns-s3-events", "sns-eventbridge", "sqs-from-sns", "sqs-policy-document",
             "eventbridge-org", "kms-default", "apigw-private", "apigw-private-deny", "opensearch-ip",
             "opensearch-vpc", "ecr-lambda", "secret-org", "lambda-s3", "lambda-sns", "lambda-events")  # fmt: skip
ALI_FORMS = ("oss-source-vpc", "oss-ram-user", "oss-private", "ram-trust-ecs", "ram-trust-account")
ALI_CODES = ("CN", "DE", "JP")
ALI_REGIONS = {"CN": "cn-shanghai", "DE": "eu-central-1", "JP": "ap-northeast-1"}


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for code in CODES:
        for form in AWS_FORMS:
            yield f"falsealarm20-{code.lower()}-{form}", code, aws_form(form, code), set(), []
    for code, form in (("EU", "apigw-private-deny-tls"), ("CN", "apigw-private-deny-narrow"),
                       ("JP", "apigw-private-deny-and")):  # fmt: skip
        yield f"falsealarm20-{code.lower()}-{form}", code, aws_form(form, code), {"RES-024"}, []
    yield "falsealarm20-de-opensearch-vpc-open", "DE", aws_form("opensearch-vpc-open", "DE"), set(), []
    declared = {"id": "search-in-vpc", "kind": "resident", "match": "public:search",
                "evidence": "VPC-only domain: reached through the fleet VPC's security groups only"}  # fmt: skip
    yield "falsealarm20-de-opensearch-vpc-open-declared", "DE", aws_form("opensearch-vpc-open", "DE"), set(), [declared]
    for code in ALI_CODES:
        for form in ALI_FORMS:
            yield f"falsealarm20-{code.lower()}-{form}", code, ali_form(form, code), set(), []
