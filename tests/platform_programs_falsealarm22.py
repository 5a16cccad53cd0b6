"""False-alarm hunt over the Terraform registry's example programs (stop 39, ``falsealarm22``).

The ``examples/`` folders of ``terraform-aws-modules/terraform-aws-*`` (sns, sqs, kms, s3-bucket, dynamodb-table,
eventbridge, secrets-manager, ssm-parameter, lambda, rds, vpc, cloudwatch, step-functions, ecr, efs, cloudfront) and of
``alibabacloud-automation/terraform-alicloud-*`` (the Alibaba Cloud modules' own examples), ported to pulumi-aws v7 /
pulumi-alicloud 4 Python programs as a user would: each module call becomes the resources the module makes for the
example's arguments, with the example's values.

What the port changes, and nothing else:

- every resource takes the stack's provider (``c.aws`` / ``c.ali``); the example's ``local.region`` becomes the stack's
  Region (a second Region the example names is kept where the stack's jurisdiction can hold it, and named in the
  program where it cannot: those runs are the genuine refusals);
- ``data.aws_caller_identity`` / ``data.aws_partition`` become the pinned account ``123456789012`` and the stack's
  partition (``aws-cn`` in CN, where ``arn:aws:`` ARNs the example writes by hand would not work);
  ``data.aws_iam_policy_document`` becomes the JSON document it renders (one statement per block, ``Principal`` as
  ``{"AWS": [...]}``);
- ``random_pet`` / ``random_password`` become fixed strings; code archives the module builds from a folder become an
  in-memory archive of one handler; a module's ``create = false`` instance makes nothing and is left out.

Each program runs once per stack where it fits (its id names the example and the stack). A program the engine
refuses is a false alarm (fixed in the catalogue or engine) or a genuine transfer (kept refused, with a declared twin
``-declared`` carrying the one-line fix the message gives); ``REFUSED`` carries the verdicts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import assuming_role

Build = Callable[[Any], object]

REGIONS = {"EU": "eu-west-1", "DE": "eu-central-1", "JP": "ap-northeast-1", "US": "us-east-1", "CN": "cn-north-1"}
ALI_REGIONS = {"CN": "cn-shanghai", "EU": "eu-central-1", "DE": "eu-central-1", "JP": "ap-northeast-1",
               "US": "us-east-1"}  # fmt: skip
"""The context's provider Regions (tests/test_realistic_programs.py ``REGION``)."""
ALI_ACCOUNT = "1234567890123456"
"""``data.alicloud_account.default.id``: the mocks' Alibaba Cloud account."""
ACCOUNT = "123456789012"
"""``data.aws_caller_identity.current.account_id``: the account the stack's provider pins (the mocks' caller)."""


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _caller(code: str) -> str:
    # data.aws_caller_identity.current.arn, as the mocks answer it.
    return f"arn:{_part(code)}:iam::{ACCOUNT}:user/sovereign-dc-mock"


def _root(code: str) -> str:
    return f"arn:{_part(code)}:iam::{ACCOUNT}:root"


def _doc(*statements: dict[str, Any]) -> str:
    # data.aws_iam_policy_document's json: Version first, the statements in order.
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def _trust(service: str) -> str:
    return _doc({"Sid": "", "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": service}})


def _archive(handler: str, source: str) -> pulumi.AssetArchive:
    return pulumi.AssetArchive({handler: pulumi.StringAsset(source)})


PY_HANDLER = _archive("index.py", "def lambda_handler(event, context):\n    return event\n")


def _kms_key(c: Any, code: str, name: str, *statements: dict[str, Any], **args: Any) -> aws.kms.Key:
    """terraform-aws-kms: a key whose policy is the module's default statement (the account's root may do anything,
    ``enable_default_policy = true``) followed by the example's ``key_statements``, and its ``alias/<alias>``."""
    default = {"Sid": "Default", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
               "Principal": {"AWS": _root(code)}}  # fmt: skip
    key = aws.kms.Key(name, enable_key_rotation=args.pop("enable_key_rotation", True),
                      policy=_doc(default, *statements), opts=c.aws, **args)  # fmt: skip
    return key


def _service_statement(sid: str, service: str, actions: list[str]) -> dict[str, Any]:
    return {"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": "*", "Principal": {"Service": service}}


# -- terraform-aws-sns -------------------------------------------------------------------------------------------------


def sns_complete(code: str) -> Build:
    """terraform-aws-sns examples/complete: a standard topic with a data protection policy denying inbound e-mail
    addresses, and a FIFO topic encrypted with its own key whose policy lets its account publish and lets anyone
    subscribe only the example's own FIFO queue (``sns:Endpoint``), with the queue subscribed and every delivery
    feedback role set."""

    def build(c: Any) -> object:
        name = "ex-complete"
        default = aws.sns.Topic("default_sns", name=f"{name}-default", signature_version=2, opts=c.aws)
        aws.sns.DataProtectionPolicy("default_sns", arn=default.arn, policy=json.dumps({
            "Description": "Deny Inbound Address", "Name": "DenyInboundEmailAdressPolicy",
            "Statement": [{"DataDirection": "Inbound",
                           "DataIdentifier": [f"arn:{_part(code)}:dataprotection::aws:data-identifier/EmailAddress"],
                           "Operation": {"Deny": {}}, "Principal": ["*"], "Sid": "DenyInboundEmailAddress"}],
            "Version": "2021-06-01"}), opts=c.aws)  # fmt: skip
        key = _kms_key(c, code, "kms", _service_statement("SNS", "sns.amazonaws.com",
                                                          ["kms:GenerateDataKey*", "kms:Decrypt"]),
                       description="KMS key to encrypt topic")  # fmt: skip
        aws.kms.Alias("kms", name=f"alias/sns/{name}", target_key_id=key.key_id, opts=c.aws)
        role = aws.iam.Role("this", name=name, assume_role_policy=_doc(
            {"Action": "sts:AssumeRole", "Effect": "Allow", "Sid": "SnsAssume",
             "Principal": {"Service": "sns.amazonaws.com"}}), opts=c.aws)  # fmt: skip
        aws.iam.RolePolicy("this", name=name, role=role.id, policy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutMetricFilter",
                        "logs:PutRetentionPolicy"], "Effect": "Allow", "Resource": "*"}]}), opts=c.aws)  # fmt: skip
        feedback: dict[str, Any] = {f"{kind}_{outcome}_feedback_role_arn": role.arn
                    for kind in ("application", "firehose", "http", "lambda", "sqs")
                    for outcome in ("failure", "success")}  # fmt: skip
        rates: dict[str, Any] = {f"{kind}_success_feedback_sample_rate": 100
                 for kind in ("application", "firehose", "http", "lambda", "sqs")}  # fmt: skip
        topic = aws.sns.Topic(
            "complete_sns", name_prefix=f"{name}-", display_name="complete", kms_master_key_id=key.key_id,
            tracing_config="Active", fifo_topic=True, fifo_throughput_scope="MessageGroup",
            content_based_deduplication=True, delivery_policy=json.dumps({"http": {
                "defaultHealthyRetryPolicy": {"minDelayTarget": 20, "maxDelayTarget": 20, "numRetries": 3,
                                              "numMaxDelayRetries": 0, "numNoDelayRetries": 0,
                                              "numMinDelayRetries": 0, "backoffFunction": "linear"},
                "disableSubscriptionOverrides": False, "defaultThrottlePolicy": {"maxReceivesPerSecond": 1}}}),
            opts=c.aws, **feedback, **rates,
        )  # fmt: skip
        queue = aws.sqs.Queue("sqs", name=f"{name}.fifo", fifo_queue=True, sqs_managed_sse_enabled=True, opts=c.aws)
        aws.sqs.QueuePolicy("sqs", queue_url=queue.url, policy=pulumi.Output.all(queue.arn, topic.arn).apply(
            lambda a: _doc({"Sid": "SNS", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": a[0],
                            "Principal": {"Service": "sns.amazonaws.com"},
                            "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}}})), opts=c.aws)  # fmt: skip
        # The module's topic policy: its DefaultStatementID (everyone, limited to the account by AWS:SourceAccount),
        # then the example's topic_policy_statements `pub` and `sub`.
        aws.sns.TopicPolicy("complete_sns", arn=topic.arn, policy=pulumi.Output.all(topic.arn, queue.arn).apply(
            lambda a: _doc(
                {"Sid": "DefaultStatementID", "Effect": "Allow", "Resource": a[0],
                 "Action": ["sns:Subscribe", "sns:SetTopicAttributes", "sns:RemovePermission", "sns:Publish",
                            "sns:ListSubscriptionsByTopic", "sns:GetTopicAttributes", "sns:DeleteTopic",
                            "sns:AddPermission"],
                 "Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"AWS:SourceAccount": ACCOUNT}}},
                {"Sid": "pub", "Effect": "Allow", "Action": "sns:Publish", "Resource": a[0],
                 "Principal": {"AWS": _caller(code)}},
                {"Sid": "sub", "Effect": "Allow", "Action": ["sns:Subscribe", "sns:Receive"], "Resource": a[0],
                 "Principal": {"AWS": "*"}, "Condition": {"StringLike": {"sns:Endpoint": a[1]}}})),
            opts=c.aws)  # fmt: skip
        return aws.sns.TopicSubscription("complete_sns-sqs", topic=topic.arn, protocol="sqs", endpoint=queue.arn,
                                         opts=c.aws)  # fmt: skip

    return build


# -- terraform-aws-sqs -------------------------------------------------------------------------------------------------


def _allow_from(arn: str) -> str:
    # The module's dead-letter queue redrive allow policy: only the source queue may redrive into it.
    return json.dumps({"redrivePermission": "byQueue", "sourceQueueArns": [arn]})


def sqs_complete(code: str) -> Build:
    """terraform-aws-sqs examples/complete: a default queue, a FIFO queue with its dead-letter queue, an unencrypted
    queue, one encrypted with the example's key and a DLQ, an SSE queue redriving into a separate SSE DLQ that allows
    it back, and a queue with a DLQ whose policies let the account's root send and receive."""

    def build(c: Any) -> object:
        name = "ex-complete"
        key = _kms_key(c, code, "kms", _service_statement("SQS", "sqs.amazonaws.com",
                                                          ["kms:GenerateDataKey*", "kms:Decrypt"]),
                       description="KMS key to encrypt queue")  # fmt: skip
        aws.kms.Alias("kms", name=f"alias/sqs/{name}", target_key_id=key.key_id, opts=c.aws)
        aws.sqs.Queue("default_sqs", name=f"{name}-default", sqs_managed_sse_enabled=True, opts=c.aws)

        def with_dlq(module: str, queue_name: str, dlq_name: str, **args: Any) -> tuple[aws.sqs.Queue, aws.sqs.Queue]:
            queue = aws.sqs.Queue(module, name=queue_name, opts=c.aws, **args)
            dlq = aws.sqs.Queue(f"{module}-dlq", name=dlq_name, opts=c.aws, **args)
            aws.sqs.RedrivePolicy(f"{module}-dlq", queue_url=queue.url, redrive_policy=dlq.arn.apply(
                lambda arn: json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 10})), opts=c.aws)  # fmt: skip
            aws.sqs.RedriveAllowPolicy(f"{module}-dlq", queue_url=dlq.url, redrive_allow_policy=queue.arn.apply(
                _allow_from), opts=c.aws)  # fmt: skip
            return queue, dlq

        with_dlq("fifo_sqs", f"{name}.fifo", f"{name}-dlq.fifo", fifo_queue=True, sqs_managed_sse_enabled=True)
        aws.sqs.Queue("unencrypted_sqs", name=f"{name}-unencrypted", sqs_managed_sse_enabled=False, opts=c.aws)
        with_dlq("cmk_encrypted_sqs", f"{name}-cmk", f"{name}-cmk-dlq", kms_master_key_id=key.key_id,
                 kms_data_key_reuse_period_seconds=3600)  # fmt: skip
        sse = aws.sqs.Queue("sse_encrypted_sqs", name=f"{name}-sse", sqs_managed_sse_enabled=True, opts=c.aws)
        sse_dlq = aws.sqs.Queue("sse_encrypted_dlq_sqs", name=f"{name}-sse-dlq", sqs_managed_sse_enabled=True,
                                opts=c.aws)  # fmt: skip
        aws.sqs.RedrivePolicy("sse_encrypted_sqs", queue_url=sse.url, redrive_policy=sse_dlq.arn.apply(
            lambda arn: json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 10})), opts=c.aws)  # fmt: skip
        aws.sqs.RedriveAllowPolicy("sse_encrypted_dlq_sqs", queue_url=sse_dlq.url,
                                   redrive_allow_policy=sse.arn.apply(_allow_from), opts=c.aws)  # fmt: skip
        queue = aws.sqs.Queue("sqs_with_dlq", name=f"{name}-sqs-with-dlq", sqs_managed_sse_enabled=True, opts=c.aws)
        dlq = aws.sqs.Queue("sqs_with_dlq-dlq", name=f"{name}-sqs-with-dlq-dlq", sqs_managed_sse_enabled=True,
                            opts=c.aws)  # fmt: skip
        aws.sqs.RedrivePolicy("sqs_with_dlq-dlq", queue_url=queue.url, redrive_policy=dlq.arn.apply(
            lambda arn: json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": 10})), opts=c.aws)  # fmt: skip
        for module, target in (("sqs_with_dlq", queue), ("sqs_with_dlq-dlq", dlq)):
            aws.sqs.QueuePolicy(module, queue_url=target.url, policy=target.arn.apply(lambda arn: _doc(
                {"Sid": "AccountReadWrite", "Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage"],
                 "Resource": arn, "Principal": {"AWS": _root(code)}})), opts=c.aws)  # fmt: skip
        return queue

    return build


# -- terraform-aws-kms -------------------------------------------------------------------------------------------------


def kms_complete(code: str, secondary: str) -> Build:
    """terraform-aws-kms examples/complete: a key with every role list set to the caller and a CloudWatch Logs
    statement, its aliases and a grant to a Lambda role; an external key; a DNSSEC signing key; a default key; a
    multi-Region primary key and its replica in ``secondary`` (the example's us-east-1 → eu-west-1)."""

    def build(c: Any) -> object:
        region = REGIONS[code]
        me = _caller(code)
        lambda_role = aws.iam.Role("lambda", name="kms-ex-complete", assume_role_policy=_trust("lambda.amazonaws.com"),
                                   opts=c.aws)  # fmt: skip

        def role(sid: str, actions: list[str], principals: list[str] | str = me) -> dict[str, Any]:
            return {"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": "*", "Principal": {"AWS": principals}}

        key = _kms_key(
            c, code, "kms_complete",
            role("KeyOwner", ["kms:*"]),
            role("KeyAdministration", ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                                       "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                                       "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                                       "kms:CancelKeyDeletion", "kms:ReplicateKey", "kms:ImportKeyMaterial"]),
            role("KeyUsage", ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                              "kms:DescribeKey"]),
            {**role("KeyServiceUsage", ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"]),
             "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}},
            role("KeyServiceRolesASGDecrypt", ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                               "kms:DescribeKey"],
                 [f"arn:{_part(code)}:iam::{ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/"
                  "AWSServiceRoleForAutoScaling"]),
            role("KeySymmetricEncryption", ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                            "kms:DescribeKey"]),
            role("KeyHMAC", ["kms:DescribeKey", "kms:GenerateMac", "kms:VerifyMac"]),
            role("KeyAsymmetricPublicEncryption", ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:DescribeKey",
                                                   "kms:GetPublicKey"]),
            role("KeyAsymmetricSignVerify", ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign", "kms:Verify"]),
            {"Sid": "CloudWatchLogs", "Effect": "Allow", "Resource": "*",
             "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
             "Principal": {"Service": f"logs.{region}.amazonaws.com"},
             "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn":
                                       f"arn:{_part(code)}:logs:{region}:{ACCOUNT}:log-group:*"}}},
            deletion_window_in_days=7, description="Complete key example showing various configurations available",
            enable_key_rotation=False, is_enabled=True, key_usage="ENCRYPT_DECRYPT", multi_region=False,
        )  # fmt: skip
        for alias in ("one", "foo/bar"):
            aws.kms.Alias(f"kms_complete-{alias}", name_prefix=f"alias/{alias}", target_key_id=key.key_id, opts=c.aws)
        aws.kms.Alias("kms_complete-ex", name_prefix=lambda_role.name.apply(lambda n: f"alias/{n}"),
                      target_key_id=key.key_id, opts=c.aws)  # fmt: skip
        aws.kms.Grant("kms_complete-lambda", key_id=key.key_id, grantee_principal=lambda_role.arn,
                      operations=["Encrypt", "Decrypt", "GenerateDataKey"],
                      constraints=[{"encryption_context_equals": {"Department": "Finance"}}], opts=c.aws)  # fmt: skip
        aws.kms.ExternalKey("kms_external", deletion_window_in_days=7, description="External key example",
                            enabled=True, key_material_base64="Wblj06fduthWggmsT0cLVoIMOkeLbc2kVfMud77i/JY=",
                            multi_region=False, valid_to="2027-06-01T00:00:00Z",
                            policy=_doc({"Sid": "Default", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
                                         "Principal": {"AWS": _root(code)}}), opts=c.aws)  # fmt: skip
        dnssec = _kms_key(
            c, code, "kms_dnssec_signing",
            {"Sid": "Route53DnssecService", "Effect": "Allow", "Resource": "*",
             "Action": ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"],
             "Principal": {"Service": "dnssec-route53.amazonaws.com"},
             "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT},
                           "ArnLike": {"aws:SourceArn": f"arn:{_part(code)}:route53:::hostedzone/*"}}},
            {"Sid": "Route53DnssecGrant", "Effect": "Allow", "Resource": "*", "Action": "kms:CreateGrant",
             "Principal": {"Service": "dnssec-route53.amazonaws.com"},
             "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"},
                           "StringEquals": {"aws:SourceAccount": ACCOUNT},
                           "ArnLike": {"aws:SourceArn": f"arn:{_part(code)}:route53:::hostedzone/*"}}},
            description="CMK for Route53 DNSSEC signing", key_usage="SIGN_VERIFY",
            customer_master_key_spec="ECC_NIST_P256", enable_key_rotation=False,
        )  # fmt: skip
        aws.kms.Alias("kms_dnssec_signing", name="alias/route53/dnssec-ex", target_key_id=dnssec.key_id, opts=c.aws)
        _kms_key(c, code, "kms_default")
        primary = _kms_key(c, code, "kms_primary", deletion_window_in_days=7,
                           description="Primary key of replica key example", enable_key_rotation=False,
                           is_enabled=True, key_usage="ENCRYPT_DECRYPT", multi_region=True)  # fmt: skip
        aws.kms.Alias("kms_primary", name="alias/primary-standard", target_key_id=primary.key_id, opts=c.aws)
        # The module's `region` argument: pulumi-aws v7's resource-level region.
        replica = aws.kms.ReplicaKey(
            "kms_replica", region=secondary, deletion_window_in_days=7,
            description="Replica key example showing various configurations available", primary_key_arn=primary.arn,
            policy=_doc({"Sid": "Default", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
                         "Principal": {"AWS": _root(code)}},
                        role("KeyOwner", ["kms:*"])), opts=c.aws,
        )  # fmt: skip
        return aws.kms.Alias("kms_replica", region=secondary, name="alias/replica-standard",
                             target_key_id=replica.key_id, opts=c.aws)  # fmt: skip

    return build


# -- terraform-aws-dynamodb-table --------------------------------------------------------------------------------------


def dynamodb_basic(code: str) -> Build:
    """terraform-aws-dynamodb-table examples/basic: an on-demand table with a global secondary index and a resource
    policy letting ``arn:aws:iam::222222222222:role/DummyRole`` (another account) read items."""

    def build(c: Any) -> object:
        table = aws.dynamodb.Table(
            "dynamodb_table", name="my-table-brave-lion", hash_key="id", range_key="title", table_class="STANDARD",
            billing_mode="PAY_PER_REQUEST", deletion_protection_enabled=False,
            attributes=[{"name": "id", "type": "N"}, {"name": "title", "type": "S"}, {"name": "age", "type": "N"}],
            global_secondary_indexes=[{"name": "TitleIndex", "hash_key": "title", "range_key": "age",
                                       "projection_type": "INCLUDE", "non_key_attributes": ["id"],
                                       "on_demand_throughput": {"max_write_request_units": 1,
                                                                "max_read_request_units": 1}}],
            on_demand_throughput={"max_read_request_units": 1, "max_write_request_units": 1},
            server_side_encryption={"enabled": False}, point_in_time_recovery={"enabled": False},
            tags={"Terraform": "true", "Environment": "staging"}, opts=c.aws,
        )  # fmt: skip
        # The module replaces __DYNAMODB_TABLE_ARN__ with the table's ARN.
        return aws.dynamodb.ResourcePolicy("dynamodb_table", resource_arn=table.arn, policy=table.arn.apply(
            lambda arn: _doc({"Sid": "AllowDummyRoleAccess", "Effect": "Allow",
                              "Principal": {"AWS": f"arn:{_part(code)}:iam::222222222222:role/DummyRole"},
                              "Action": "dynamodb:GetItem", "Resource": arn})), opts=c.aws)  # fmt: skip

    return build


def dynamodb_global_tables(code: str, secondary: str) -> Build:
    """terraform-aws-dynamodb-table examples/global-tables: a streamed, KMS-encrypted table with a replica in
    ``secondary`` (the example's eu-west-1 → us-east-1) encrypted with a key made there."""

    def build(c: Any) -> object:
        tags = {"Terraform": "true", "Environment": "staging"}
        primary = aws.kms.Key("primary", description="CMK for primary region", tags=tags, opts=c.aws)
        other = aws.kms.Key("secondary", region=secondary, description="CMK for secondary region", tags=tags,
                            opts=c.aws)  # fmt: skip
        return aws.dynamodb.Table(
            "dynamodb_table", name="my-table-brave-lion", hash_key="id", range_key="title", stream_enabled=True,
            stream_view_type="NEW_AND_OLD_IMAGES", billing_mode="PAY_PER_REQUEST",
            server_side_encryption={"enabled": True, "kms_key_arn": primary.arn},
            attributes=[{"name": "id", "type": "N"}, {"name": "title", "type": "S"}, {"name": "age", "type": "N"}],
            global_secondary_indexes=[{"name": "TitleIndex", "hash_key": "title", "range_key": "age",
                                       "projection_type": "INCLUDE", "non_key_attributes": ["id"]}],
            replicas=[{"region_name": secondary, "kms_key_arn": other.arn, "propagate_tags": True,
                       "point_in_time_recovery": True}],
            tags=tags, opts=c.aws,
        )  # fmt: skip

    return build


# -- terraform-aws-eventbridge -----------------------------------------------------------------------------------------


def eventbridge_api_destination(code: str) -> Build:
    """terraform-aws-eventbridge examples/with-api-destination: a bus whose order and refund rules post to API
    destinations at ``https://smee.io/...`` (a webhook relay) through three connections (basic, OAuth, API key)."""

    def build(c: Any) -> object:
        pet = "brave-lion"
        bus = aws.cloudwatch.EventBus("eventbridge", name=f"{pet}-bus", description="Event bus with API destination",
                                      opts=c.aws)  # fmt: skip
        role = aws.iam.Role("eventbridge", name=f"{pet}-role", assume_role_policy=_trust("events.amazonaws.com"),
                            opts=c.aws)  # fmt: skip
        key = _kms_key(c, code, "kms", {
            "Sid": "Allow use of the key", "Effect": "Allow", "Resource": "*", "Principal": {"AWS": _root(code)},
            "Action": ["kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt"],
            "Condition": {"StringLike": {"kms:ViaService": "secretsmanager.*.amazonaws.com",
                                         "kms:EncryptionContext:SecretARN":
                                         f"arn:{_part(code)}:secretsmanager:*:*:secret:events!connection/*"}}},
            {"Sid": "KeyOwner", "Effect": "Allow", "Action": "kms:*", "Resource": "*",
             "Principal": {"AWS": _caller(code)}}, description="KMS key for EventBridge",
            tags={"EventBridgeApiDestinations": "true"})  # fmt: skip
        params = {
            "bodies": [
                {"key": "body-parameter-key", "value": "body-parameter-value", "is_value_secret": False},
                {"key": "body-secret-key", "value": "body-secret-value", "is_value_secret": True},
            ],
            "headers": [
                {"key": "header-parameter-key1", "value": "header-parameter-value1", "is_value_secret": False},
                {"key": "header-parameter-key2", "value": "header-parameter-value2"},
            ],
            "query_strings": [
                {
                    "key": "query-string-parameter-key1",
                    "value": "query-string-parameter-value1",
                    "is_value_secret": False,
                },
                {"key": "query-string-parameter-key2", "value": "query-string-parameter-value2"},
            ],
        }
        basic: Any = {"basic": {"username": pet, "password": pet}, "invocation_http_parameters": params}
        oauth: Any = {
            "oauth": {
                "authorization_endpoint": "https://smee.io/hgoubgoibwekt331",
                "http_method": "GET",
                "client_parameters": {"client_id": "1234567890", "client_secret": "Pass1234!"},
                "oauth_http_parameters": params,
            }
        }
        connections = {
            "requestbin": aws.cloudwatch.EventConnection("requestbin", name="requestbin", authorization_type="BASIC",
                                                         auth_parameters=basic, opts=c.aws),
            "smee": aws.cloudwatch.EventConnection("smee", name="smee", authorization_type="OAUTH_CLIENT_CREDENTIALS",
                                                   auth_parameters=oauth, opts=c.aws),
            "github": aws.cloudwatch.EventConnection("github", name="github", authorization_type="API_KEY",
                auth_parameters={"api_key": {"key": "x-signature-id", "value": pet}}, kms_key_identifier=key.arn,
                opts=c.aws),
        }  # fmt: skip
        destinations = {}
        for name, url, rate, connection in (
            ("smee", "https://smee.io/hgoubgoibwekt331", 200, "smee"),
            ("requestbin", "https://smee.io/hgoubGoIbWEKt331", 20, "requestbin"),
            ("github", "https://smee.io/hgoubGoIbWEKt331", 20, "github"),
            ("refunds_github", "https://smee.io/QaM356V2p1PFFZS", 20, "github"),
        ):
            destinations[name] = aws.cloudwatch.EventApiDestination(
                name, name=name, description=f"my {name} endpoint", invocation_endpoint=url, http_method="POST",
                invocation_rate_limit_per_second=rate, connection_arn=connections[connection].arn,
                opts=c.aws)  # fmt: skip
        rules = {name: aws.cloudwatch.EventRule(name, name=f"{name}-rule", event_bus_name=bus.name,
                                                description=f"Capture all {name[:-1]} data", state="ENABLED",
                                                event_pattern=json.dumps({"source": [f"myapp.{name}"]}), opts=c.aws)
                 for name in ("orders", "refunds")}  # fmt: skip
        aws.iam.RolePolicy("eventbridge-api-destination", role=role.id, policy=pulumi.Output.all(
            *[d.arn for d in destinations.values()]).apply(lambda arns: _doc(
                {"Sid": "APIDestinationAccess", "Effect": "Allow", "Action": "events:InvokeApiDestination",
                 "Resource": arns})), opts=c.aws)  # fmt: skip
        for rule, target, destination in (
            ("orders", "send-orders-to-requestbin", "requestbin"),
            ("orders", "send-orders-to-github", "github"),
            ("refunds", "send-refunds-to-github", "refunds_github"),
        ):
            aws.cloudwatch.EventTarget(target, target_id=target, rule=rules[rule].name, event_bus_name=bus.name,
                                       arn=destinations[destination].arn, role_arn=role.arn, opts=c.aws)  # fmt: skip
        return bus

    return build


def eventbridge_bus_logging(code: str) -> Build:
    """terraform-aws-eventbridge examples/with-bus-logging: a bus logging INFO to a vended log group and a versioned
    bucket (CloudWatch Logs deliveries: a source, a destination per target, a delivery each), a second bus logging
    TRACE through deliveries made beside it, and the bucket's policy letting the log delivery service write for both
    sources."""

    def build(c: Any) -> object:
        pet = "brave-lion"
        group = aws.cloudwatch.LogGroup("cloudwatch_log_group", name=f"/aws/vendedlogs/events/event-bus/{pet}-bus",
                                        retention_in_days=14, opts=c.aws)  # fmt: skip
        bucket = _bucket(c, "s3_bucket", f"{pet}-eventbridge-bus-logs-bucket", force_destroy=True)
        aws.s3.BucketOwnershipControls("s3_bucket", bucket=bucket.id, rule={"object_ownership": "ObjectWriter"},
                                       opts=c.aws)  # fmt: skip
        aws.s3.BucketAcl("s3_bucket", bucket=bucket.id, acl="private", opts=c.aws)
        aws.s3.BucketVersioning("s3_bucket", bucket=bucket.id, versioning_configuration={"status": "Enabled"},
                                opts=c.aws)  # fmt: skip
        sources = []
        for module, bus_name, level, detail in (
            ("eventbridge", pet, "INFO", "NONE"),
            ("eventbridge_external", f"{pet}-external-bus", "TRACE", "FULL"),
        ):
            bus = aws.cloudwatch.EventBus(module, name=bus_name, log_config={"include_detail": detail, "level": level},
                                          opts=c.aws)  # fmt: skip
            sources.append(aws.cloudwatch.LogDeliverySource(module, name=f"{bus_name}-{level.lower()}-logs",
                                                            log_type=f"{level}_LOGS", resource_arn=bus.arn,
                                                            opts=c.aws))  # fmt: skip
        for i, source in enumerate(sources):
            for kind, target in (("cloudwatch_logs", group.arn), ("s3", bucket.arn)):
                destination = aws.cloudwatch.LogDeliveryDestination(
                    f"{kind}-{i}", name=f"{kind}-{i}", delivery_destination_configuration={
                        "destination_resource_arn": target}, opts=c.aws)  # fmt: skip
                aws.cloudwatch.LogDelivery(f"{kind}-{i}", delivery_source_name=source.name,
                                           delivery_destination_arn=destination.arn, opts=c.aws)  # fmt: skip
        both = pulumi.Output.all(bucket.arn, sources[0].arn, sources[1].arn)
        return aws.s3.BucketPolicy("s3_bucket", bucket=bucket.id, policy=both.apply(lambda a: _doc(
            {"Effect": "Allow", "Action": "s3:PutObject", "Resource": f"{a[0]}/AWSLogs/{ACCOUNT}/EventBusLogs/*",
             "Principal": {"Service": "delivery.logs.amazonaws.com"},
             "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": ACCOUNT},
                           "ArnLike": {"aws:SourceArn": [a[1], a[2]]}}})), opts=c.aws)  # fmt: skip

    return build


def dynamodb_autoscaling(code: str) -> Build:
    """terraform-aws-dynamodb-table examples/autoscaling: a provisioned table and its index scaled on read and write
    utilisation (Application Auto Scaling targets and target-tracking policies)."""

    def build(c: Any) -> object:
        table = aws.dynamodb.Table(
            "dynamodb_table", name="my-table-brave-lion", hash_key="id", range_key="title", billing_mode="PROVISIONED",
            read_capacity=5, write_capacity=5,
            attributes=[{"name": "id", "type": "N"}, {"name": "title", "type": "S"}, {"name": "age", "type": "N"}],
            global_secondary_indexes=[{"name": "TitleIndex", "hash_key": "title", "range_key": "age",
                                       "projection_type": "INCLUDE", "non_key_attributes": ["id"],
                                       "write_capacity": 10, "read_capacity": 10}],
            tags={"Terraform": "true", "Environment": "staging"}, opts=c.aws,
        )  # fmt: skip
        last: Any = table
        for scope, resource, low, high in (
            ("table", table.name.apply(lambda n: f"table/{n}"), 5, 10),
            ("index", table.name.apply(lambda n: f"table/{n}/index/TitleIndex"), 10, 30),
        ):
            for what, metric in (
                ("Read", "DynamoDBReadCapacityUtilization"),
                ("Write", "DynamoDBWriteCapacityUtilization"),
            ):
                target = aws.appautoscaling.Target(
                    f"{scope}_{what.lower()}", service_namespace="dynamodb", resource_id=resource,
                    scalable_dimension=f"dynamodb:{scope}:{what}CapacityUnits", min_capacity=low, max_capacity=high,
                    opts=c.aws)  # fmt: skip
                last = aws.appautoscaling.Policy(
                    f"{scope}_{what.lower()}_policy", policy_type="TargetTrackingScaling",
                    resource_id=target.resource_id,
                    scalable_dimension=target.scalable_dimension, service_namespace=target.service_namespace,
                    target_tracking_scaling_policy_configuration={
                        "predefined_metric_specification": {"predefined_metric_type": metric},
                        "scale_in_cooldown": 50, "scale_out_cooldown": 40, "target_value": 45},
                    opts=c.aws)  # fmt: skip
        return last

    return build


# -- terraform-aws-secrets-manager -------------------------------------------------------------------------------------


def secrets_manager_complete(code: str, replicas: tuple[str, ...]) -> Build:
    """terraform-aws-secrets-manager examples/complete: a random-password secret replicated to ``replicas`` (the
    example's us-east-1 and us-west-2 from eu-west-1) readable by the account, and a secret rotated by a Lambda every
    6 hours whose value names a MariaDB cluster's host."""

    def build(c: Any) -> object:
        name = "secrets-manager-ex-complete"
        region = REGIONS[code]
        account_read = {"Sid": "AllowAccountRead", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
                        "Resource": "*", "Principal": {"AWS": _root(code)}}  # fmt: skip
        secret = aws.secretsmanager.Secret("secrets_manager", name_prefix=name,
                                           description="Example Secrets Manager secret", recovery_window_in_days=0,
                                           replicas=[{"region": r} for r in replicas], opts=c.aws)  # fmt: skip
        aws.secretsmanager.SecretPolicy("secrets_manager", secret_arn=secret.arn, policy=_doc(account_read),
                                        block_public_policy=True, opts=c.aws)  # fmt: skip
        aws.secretsmanager.SecretVersion("secrets_manager", secret_id=secret.id,
                                         secret_string="a-64-character-random-password-from-random_password-resource!",
                                         opts=c.aws)  # fmt: skip
        role = aws.iam.Role("lambda", name=name, assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        aws.iam.RolePolicy("lambda", role=role.id, policy=secret.arn.apply(lambda arn: _doc(
            {"Effect": "Allow", "Resource": arn,
             "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]},
            {"Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*"},
            {"Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*"})),
            opts=c.aws)  # fmt: skip
        aws.cloudwatch.LogGroup("lambda", name=f"/aws/lambda/{name}", retention_in_days=7, opts=c.aws)
        fn = aws.lambda_.Function("lambda", name=name, description="Example Secrets Manager secret rotation lambda "
                                  "function", handler="function.lambda_handler", runtime="python3.13", timeout=60,
                                  memory_size=512, role=role.arn, publish=True,
                                  code=_archive("function.py", "def lambda_handler(event, context):\n    pass\n"),
                                  opts=c.aws)  # fmt: skip
        aws.lambda_.Permission("lambda-secrets", action="lambda:InvokeFunction", function=fn.name,
                               principal="secretsmanager.amazonaws.com", opts=c.aws)  # fmt: skip
        rotated = aws.secretsmanager.Secret("secrets_manager_rotate", name_prefix=name,
                                            description="Rotated example Secrets Manager secret",
                                            recovery_window_in_days=0, opts=c.aws)  # fmt: skip
        aws.secretsmanager.SecretPolicy("secrets_manager_rotate", secret_arn=rotated.arn, block_public_policy=True,
                                        policy=role.arn.apply(lambda arn: _doc(
            {"Sid": "LambdaReadWrite", "Effect": "Allow", "Resource": "*", "Principal": {"AWS": arn},
             "Action": ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]},
            {"Sid": "AccountDescribe", "Effect": "Allow", "Action": "secretsmanager:DescribeSecret",
             "Resource": "*", "Principal": {"AWS": _root(code)}})), opts=c.aws)  # fmt: skip
        # The example's secret value names a cluster endpoint in us-east-1; the port names the stack's Region.
        aws.secretsmanager.SecretVersion("secrets_manager_rotate", secret_id=rotated.id, secret_string=json.dumps({
            "engine": "mariadb", "host": f"mydb.cluster-123456789012.{region}.rds.amazonaws.com", "username": "Bill",
            "password": "ThisIsMySuperSecretString12356!", "dbname": "mydb", "port": 3306}), opts=c.aws)  # fmt: skip
        return aws.secretsmanager.SecretRotation("secrets_manager_rotate", secret_id=rotated.id,
                                                 rotation_lambda_arn=fn.arn,
                                                 rotation_rules={"schedule_expression": "rate(6 hours)"},
                                                 opts=c.aws)  # fmt: skip

    return build


# -- terraform-aws-s3-bucket -------------------------------------------------------------------------------------------

ELB_ACCOUNTS = {"us-east-1": "127311923021", "ap-northeast-1": "582318560864", "eu-central-1": "054676820928",
                "eu-west-1": "156460612806", "cn-north-1": "638102146993"}  # fmt: skip
"""The s3-bucket module's ``elb_service_accounts`` for the stacks' Regions (ELB's account per Region)."""


def _bucket(c: Any, name: str, bucket: str, **args: Any) -> aws.s3.Bucket:
    """The s3-bucket module's bucket with its defaults: every public access block setting on."""
    made = aws.s3.Bucket(name, bucket=bucket, opts=c.aws, **args)
    aws.s3.BucketPublicAccessBlock(name, bucket=made.id, block_public_acls=True, block_public_policy=True,
                                   ignore_public_acls=True, restrict_public_buckets=True, opts=c.aws)  # fmt: skip
    return made


def s3_notification(code: str) -> Build:
    """terraform-aws-s3-bucket examples/notification: one bucket notifying EventBridge, two functions (with their
    invoke permissions), a queue (whose policy lets S3 send) and two topics."""

    def build(c: Any) -> object:
        pet = "brave-lion"
        bucket = _bucket(c, "s3_bucket", f"s3-bucket-{pet}", force_destroy=True)
        fns = []
        for i in (1, 2):
            role = aws.iam.Role(f"lambda_function{i}", name=f"{pet}-lambda{i}",
                                assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)  # fmt: skip
            fns.append(aws.lambda_.Function(f"lambda_function{i}", name=f"{pet}-lambda{i}",
                                            handler="index.lambda_handler", runtime="python3.8", role=role.arn,
                                            code=PY_HANDLER, opts=c.aws))  # fmt: skip
        topics = [aws.sns.Topic(f"sns_topic{i}", name_prefix=f"{pet}-2", opts=c.aws) for i in (1, 2)]
        queues = [aws.sqs.Queue(f"this-{i}", name=f"{pet}-{i}", opts=c.aws) for i in (0, 1)]
        aws.sqs.QueuePolicy("allow_external", queue_url=queues[0].id, policy=queues[0].arn.apply(lambda arn: _doc(
            {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": arn,
             "Principal": {"Service": "s3.amazonaws.com"}})), opts=c.aws)  # fmt: skip
        # modules/notification: the permissions, the topics' and queue's policies letting S3 publish, then the
        # notification itself.
        perms = [aws.lambda_.Permission(f"allow-lambda{i + 1}", action="lambda:InvokeFunction", function=fn.name,
                                        principal="s3.amazonaws.com", source_arn=bucket.arn, opts=c.aws)
                 for i, fn in enumerate(fns)]  # fmt: skip
        for i, topic in enumerate(topics):
            both = pulumi.Output.all(topic.arn, bucket.arn)
            aws.sns.TopicPolicy(f"allow-sns{i + 1}", arn=topic.arn, policy=both.apply(
                lambda a: _doc({"Sid": "AllowS3Publish", "Effect": "Allow", "Action": "sns:Publish", "Resource": a[0],
                                "Principal": {"Service": "s3.amazonaws.com"},
                                "Condition": {"ArnEquals": {"aws:SourceArn": a[1]}}})), opts=c.aws)  # fmt: skip
        return aws.s3.BucketNotification(
            "all_notifications", bucket=bucket.id, eventbridge=True,
            lambda_functions=[{"id": "lambda1", "lambda_function_arn": fns[0].arn, "events": ["s3:ObjectCreated:Put"],
                               "filter_prefix": "prefix/", "filter_suffix": ".json"},
                              {"id": "lambda2", "lambda_function_arn": fns[1].arn,
                               "events": ["s3:ObjectCreated:Post"]}],
            queues=[{"id": "sqs1", "queue_arn": queues[0].arn, "events": ["s3:ObjectCreated:Put"],
                     "filter_prefix": "prefix2/", "filter_suffix": ".txt"}],
            topics=[{"id": "sns1", "topic_arn": topics[0].arn, "events": ["s3:ObjectRemoved:Delete"],
                     "filter_prefix": "prefix3/", "filter_suffix": ".csv"},
                    {"id": "sns2", "topic_arn": topics[1].arn, "events": ["s3:ObjectRemoved:DeleteMarkerCreated"]}],
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=perms),
        )  # fmt: skip

    return build


def s3_replication(code: str, replica_region: str) -> Build:
    """terraform-aws-s3-bucket examples/s3-replication: a versioned origin bucket replicating four rules into a
    versioned bucket of a second provider (``replica_region``, the example's eu-west-1 → eu-central-1) with a KMS key
    made there; the destination is written by hand as ``arn:aws:s3:::<replica bucket name>``, as the example does."""

    def build(c: Any) -> object:
        pet = "brave-lion"
        name, replica_name = f"origin-s3-bucket-{pet}", f"replica-s3-bucket-{pet}"
        part = _part(code)
        replica_opts = pulumi.ResourceOptions(provider=aws.Provider("replica", region=replica_region,
                                                                    allowed_account_ids=[ACCOUNT]))  # fmt: skip
        key = aws.kms.Key("replica", description="S3 bucket replication KMS key", deletion_window_in_days=7,
                          opts=replica_opts)  # fmt: skip
        replica = aws.s3.Bucket("replica_bucket", bucket=replica_name, opts=replica_opts)
        aws.s3.BucketPublicAccessBlock("replica_bucket", bucket=replica.id, block_public_acls=True,
                                       block_public_policy=True, ignore_public_acls=True,
                                       restrict_public_buckets=True, opts=replica_opts)  # fmt: skip
        aws.s3.BucketVersioning("replica_bucket", bucket=replica.id,
                                versioning_configuration={"status": "Enabled"}, opts=replica_opts)  # fmt: skip
        origin = _bucket(c, "s3_bucket", name)
        versioning = aws.s3.BucketVersioning("s3_bucket", bucket=origin.id,
                                             versioning_configuration={"status": "Enabled"}, opts=c.aws)  # fmt: skip
        role = aws.iam.Role("replication", name=f"s3-bucket-replication-{pet}",
                            assume_role_policy=_trust("s3.amazonaws.com"), opts=c.aws)  # fmt: skip
        policy = aws.iam.Policy("replication", name=f"s3-bucket-replication-{pet}", policy=_doc(
            {"Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"], "Effect": "Allow",
             "Resource": [f"arn:{part}:s3:::{name}"]},
            {"Action": ["s3:GetObjectVersion", "s3:GetObjectVersionAcl"], "Effect": "Allow",
             "Resource": [f"arn:{part}:s3:::{name}/*"]},
            {"Action": ["s3:ReplicateObject", "s3:ReplicateDelete"], "Effect": "Allow",
             "Resource": f"arn:{part}:s3:::{replica_name}/*"}), opts=c.aws)  # fmt: skip
        aws.iam.PolicyAttachment("replication", name=f"s3-bucket-replication-{pet}", roles=[role.name],
                                 policy_arn=policy.arn, opts=c.aws)  # fmt: skip
        destination = f"arn:{part}:s3:::{replica_name}"
        rules: list[Any] = [
                {"id": "something-with-kms-and-filter", "status": "Enabled", "priority": 10,
                 "delete_marker_replication": {"status": "Disabled"},
                 "source_selection_criteria": {"replica_modifications": {"status": "Enabled"},
                                               "sse_kms_encrypted_objects": {"status": "Enabled"}},
                 "filter": {"and": {"prefix": "one", "tags": {"ReplicateMe": "Yes"}}},
                 "destination": {"bucket": destination, "storage_class": "STANDARD", "account": ACCOUNT,
                                 "encryption_configuration": {"replica_kms_key_id": key.arn},
                                 "access_control_translation": {"owner": "Destination"},
                                 "replication_time": {"status": "Enabled", "time": {"minutes": 15}},
                                 "metrics": {"status": "Enabled", "event_threshold": {"minutes": 15}}}},
                {"id": "something-with-filter", "status": "Enabled", "priority": 20,
                 "delete_marker_replication": {"status": "Disabled"},
                 "filter": {"and": {"prefix": "two", "tags": {"ReplicateMe": "Yes"}}},
                 "destination": {"bucket": destination, "storage_class": "STANDARD"}},
                {"id": "everything-with-filter", "status": "Enabled", "priority": 30,
                 "delete_marker_replication": {"status": "Enabled"}, "filter": {"prefix": ""},
                 "destination": {"bucket": destination, "storage_class": "STANDARD"}},
                {"id": "everything-without-filters", "status": "Enabled",
                 "delete_marker_replication": {"status": "Enabled"}, "filter": {},
                 "destination": {"bucket": destination, "storage_class": "STANDARD"}},
        ]  # fmt: skip
        return aws.s3.BucketReplicationConfig(
            "s3_bucket",
            bucket=origin.id,
            role=role.arn,
            rules=rules,
            opts=pulumi.ResourceOptions(provider=c.aws.provider, depends_on=[versioning]),
        )

    return build


def s3_log_bucket(code: str) -> Build:
    """terraform-aws-s3-bucket examples/complete, its ``log_bucket``: every log delivery policy the module writes
    (ELB's Regional account and service, ALB/NLB, server access logs from the example's bucket, CloudTrail, WAF),
    deny insecure transport and outdated TLS, and the example's bucket logging into it."""

    def build(c: Any) -> object:
        pet, part, region = "brave-lion", _part(code), REGIONS[code]
        logs = _bucket(c, "log_bucket", f"logs-{pet}", force_destroy=True)
        aws.s3.BucketOwnershipControls("log_bucket", bucket=logs.id,
                                       rule={"object_ownership": "BucketOwnerEnforced"}, opts=c.aws)  # fmt: skip
        source = f"s3-bucket-{pet}"
        org = {"StringEquals": {"aws:ResourceOrgID": "o-123456"}}

        def policy(arn: str) -> str:
            svc = {"Service": "delivery.logs.amazonaws.com"}
            logs_arn = {"ArnLike": {"aws:SourceArn": f"arn:{part}:logs:*:{ACCOUNT}:*"}}
            return _doc(
                {"Sid": f"ELBRegion{region.title()}", "Effect": "Allow", "Action": "s3:PutObject",
                 "Resource": f"{arn}/*", "Principal": {"AWS": f"arn:{part}:iam::{ELB_ACCOUNTS[region]}:root"}},
                {"Sid": "", "Effect": "Allow", "Action": "s3:PutObject", "Resource": f"{arn}/*",
                 "Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"}},
                {"Sid": "AlbNlbLogDeliveryWrite", "Effect": "Allow", "Action": "s3:PutObject", "Resource": f"{arn}/*",
                 "Principal": svc, "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                                                  "aws:ResourceOrgID": "o-123456"}}},
                {"Sid": "AlbNlbLogDeliveryAclCheck", "Effect": "Allow", "Action": ["s3:GetBucketAcl", "s3:ListBucket"],
                 "Resource": arn, "Principal": svc, "Condition": org},
                {"Sid": "AWSAccessLogDeliveryWrite", "Effect": "Allow", "Action": "s3:PutObject",
                 "Resource": f"{arn}/*", "Principal": {"Service": "logging.s3.amazonaws.com"},
                 "Condition": {"ForAnyValue:ArnLike": {"aws:SourceArn": f"arn:{part}:s3:::{source}"},
                               "ForAnyValue:StringEquals": {"aws:SourceAccount": ACCOUNT}, **org}},
                {"Sid": "AWSAccessLogDeliveryAclCheck", "Effect": "Allow", "Action": "s3:GetBucketAcl",
                 "Resource": arn, "Principal": {"Service": "logging.s3.amazonaws.com"}, "Condition": org},
                {"Sid": "AWSCloudTrailAclCheck", "Effect": "Allow", "Action": "s3:GetBucketAcl", "Resource": arn,
                 "Principal": {"Service": "cloudtrail.amazonaws.com"}},
                {"Sid": "AWSCloudTrailWrite", "Effect": "Allow", "Action": "s3:PutObject",
                 "Resource": f"{arn}/AWSLogs/{ACCOUNT}/*", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                 "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}},
                {"Sid": "denyInsecureTransport", "Effect": "Deny", "Action": "s3:*", "Resource": [arn, f"{arn}/*"],
                 "Principal": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
                {"Sid": "denyOutdatedTLS", "Effect": "Deny", "Action": "s3:*", "Resource": [arn, f"{arn}/*"],
                 "Principal": "*", "Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}},
                {"Sid": "WafLogDeliveryWrite", "Effect": "Allow", "Action": "s3:PutObject",
                 "Resource": f"{arn}/AWSLogs/{ACCOUNT}/*", "Principal": svc,
                 "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control",
                                                "aws:SourceAccount": ACCOUNT}, **logs_arn}},
                {"Sid": "WafLogDeliveryAclCheck", "Effect": "Allow", "Action": "s3:GetBucketAcl", "Resource": arn,
                 "Principal": svc, "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}, **logs_arn}},
            )  # fmt: skip

        aws.s3.BucketPolicy("log_bucket", bucket=logs.id, policy=logs.arn.apply(policy), opts=c.aws)
        bucket = _bucket(c, "s3_bucket", source, force_destroy=True)
        return aws.s3.BucketLogging("s3_bucket", bucket=bucket.id, target_bucket=logs.id, target_prefix="log/",
                                    opts=c.aws)  # fmt: skip

    return build


# -- terraform-aws-lambda ----------------------------------------------------------------------------------------------


def lambda_async(code: str) -> Build:
    """terraform-aws-lambda examples/async: an arm64 function whose asynchronous invocations report failures to a
    topic and successes to a queue, with the module's async event policy on its role."""

    def build(c: Any) -> object:
        pet = "brave-lion"
        topic = aws.sns.Topic("async", name_prefix=pet, opts=c.aws)
        queue = aws.sqs.Queue("async", name_prefix=pet, opts=c.aws)
        role = aws.iam.Role("lambda", name=f"{pet}-lambda-async", assume_role_policy=_trust("lambda.amazonaws.com"),
                            opts=c.aws)  # fmt: skip
        aws.iam.RolePolicy("lambda-async", role=role.id, policy=pulumi.Output.all(topic.arn, queue.arn).apply(
            lambda a: _doc({"Effect": "Allow", "Action": ["sns:Publish", "sqs:SendMessage"], "Resource": a})),
            opts=c.aws)  # fmt: skip
        aws.cloudwatch.LogGroup("lambda", name=f"/aws/lambda/{pet}-lambda-async", opts=c.aws)
        fn = aws.lambda_.Function("lambda", name=f"{pet}-lambda-async", handler="index.lambda_handler",
                                  runtime="python3.12", architectures=["arm64"], role=role.arn, code=PY_HANDLER,
                                  opts=c.aws)  # fmt: skip
        return aws.lambda_.FunctionEventInvokeConfig(
            "lambda", function_name=fn.name, maximum_event_age_in_seconds=100, maximum_retry_attempts=1,
            destination_config={"on_failure": {"destination": topic.arn}, "on_success": {"destination": queue.arn}},
            opts=c.aws,
        )  # fmt: skip

    return build


def lambda_event_source_mapping(code: str) -> Build:
    """terraform-aws-lambda examples/event-source-mapping: a function fed by a queue, a DynamoDB stream (failures to a
    second queue, two filters), a Kinesis stream and a RabbitMQ broker (credentials in a secret), each source allowed
    to invoke it, and AWS Config allowed for the organization (``data.aws_organizations_organization`` written as its
    id)."""

    def build(c: Any) -> object:
        pet, part, region = "brave-lion", _part(code), REGIONS[code]
        queue = aws.sqs.Queue("this", name=pet, opts=c.aws)
        failure = aws.sqs.Queue("failure", name=f"{pet}-failure", opts=c.aws)
        table = aws.dynamodb.Table("this", name=pet, billing_mode="PAY_PER_REQUEST", hash_key="UserId",
                                   range_key="GameTitle", stream_view_type="NEW_AND_OLD_IMAGES", stream_enabled=True,
                                   attributes=[{"name": "UserId", "type": "S"}, {"name": "GameTitle", "type": "S"}],
                                   opts=c.aws)  # fmt: skip
        stream = aws.kinesis.Stream("this", name=pet, shard_count=1, opts=c.aws)
        vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", opts=c.aws)
        subnet = aws.ec2.Subnet("vpc-public-0", vpc_id=vpc.id, cidr_block="10.0.0.0/24",
                                availability_zone=f"{region}a", opts=c.aws)  # fmt: skip
        broker = aws.mq.Broker("this", broker_name=pet, engine_type="RabbitMQ", engine_version="3.12.13",
                               host_instance_type="mq.t3.micro", security_groups=[vpc.default_security_group_id],
                               subnet_ids=[subnet.id],
                               users=[{"username": pet, "password": "a-40-character-random-password-from-tf01"}],
                               opts=c.aws)  # fmt: skip
        secret = aws.secretsmanager.Secret("this", name=f"{pet}-mq-credentials", opts=c.aws)
        aws.secretsmanager.SecretVersion("this", secret_id=secret.id, secret_string=json.dumps(
            {"username": pet, "password": "a-40-character-random-password-from-tf01"}), opts=c.aws)  # fmt: skip
        role = aws.iam.Role("lambda_function", name=f"{pet}-lambda-event-source-mapping",
                            assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)  # fmt: skip
        for policy in (
            "AWSLambdaSQSQueueExecutionRole",
            "AWSLambdaDynamoDBExecutionRole",
            "AWSLambdaKinesisExecutionRole",
            "AWSLambdaENIManagementAccess",
        ):
            aws.iam.RolePolicyAttachment(f"lambda_function-{policy}", role=role.name,
                                         policy_arn=f"arn:{part}:iam::aws:policy/service-role/{policy}",
                                         opts=c.aws)  # fmt: skip
        aws.iam.RolePolicy("lambda_function-statements", role=role.id, policy=pulumi.Output.all(
            failure.arn, broker.arn, secret.arn).apply(lambda a: _doc(
                {"Sid": "sqs_failure", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": a[0]},
                {"Sid": "mq_event_source", "Effect": "Allow", "Resource": "*",
                 "Action": ["ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"]},
                {"Sid": "mq_describe_broker", "Effect": "Allow", "Action": "mq:DescribeBroker", "Resource": a[1]},
                {"Sid": "secrets_manager_get_value", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
                 "Resource": a[2]})), opts=c.aws)  # fmt: skip
        fn = aws.lambda_.Function("lambda_function", name=f"{pet}-lambda-event-source-mapping",
                                  handler="index.lambda_handler", runtime="python3.12", role=role.arn,
                                  code=PY_HANDLER, tags={"example": "event-source-mapping"}, opts=c.aws)  # fmt: skip
        oslo = json.dumps({"data": {"Temperature": [{"numeric": [">", 0, "<=", 100]}], "Location": ["Oslo"]}})
        aws.lambda_.EventSourceMapping("sqs", function_name=fn.arn, event_source_arn=queue.arn,
                                       function_response_types=["ReportBatchItemFailures"],
                                       scaling_config={"maximum_concurrency": 20},
                                       metrics_config={"metrics": ["EventCount"]}, opts=c.aws)  # fmt: skip
        aws.lambda_.EventSourceMapping("dynamodb", function_name=fn.arn, event_source_arn=table.stream_arn,
                                       starting_position="LATEST",
                                       destination_config={"on_failure": {"destination_arn": failure.arn}},
                                       filter_criteria={"filters": [{"pattern": json.dumps({"eventName": ["INSERT"]})},
                                                                    {"pattern": oslo}]}, opts=c.aws)  # fmt: skip
        aws.lambda_.EventSourceMapping("kinesis", function_name=fn.arn, event_source_arn=stream.arn,
                                       starting_position="LATEST", filter_criteria={"filters": [{"pattern": oslo}]},
                                       opts=c.aws)  # fmt: skip
        aws.lambda_.EventSourceMapping("mq", function_name=fn.arn, event_source_arn=broker.arn, queues="my-queue",
                                       source_access_configurations=[{"type": "BASIC_AUTH", "uri": secret.arn},
                                                                     {"type": "VIRTUAL_HOST", "uri": "/"}],
                                       tags={"mapping": "amq"}, opts=c.aws)  # fmt: skip
        triggers: dict[str, tuple[str, dict[str, Any]]] = {
            "config": ("config.amazonaws.com", {"principal_org_id": "o-a1b2c3d4e5"}),
            "sqs": ("sqs.amazonaws.com", {"source_arn": queue.arn}),
            "dynamodb": ("dynamodb.amazonaws.com", {"source_arn": table.stream_arn}),
            "kinesis": ("kinesis.amazonaws.com", {"source_arn": stream.arn}),
            "mq": ("mq.amazonaws.com", {"source_arn": broker.arn}),
        }  # fmt: skip
        last: Any = fn
        for name, (principal, restrict) in triggers.items():
            last = aws.lambda_.Permission(f"lambda_function-{name}", action="lambda:InvokeFunction", function=fn.name,
                                          principal=principal, opts=c.aws, **restrict)  # fmt: skip
        return last

    return build


# -- terraform-aws-vpc -------------------------------------------------------------------------------------------------


def vpc_flow_log(code: str) -> Build:
    """terraform-aws-vpc examples/flow-log: a VPC over three zones with private and public subnets, flow logs into the
    module's own log group, into an external log group with its own role, and into a bucket (plain and Parquet) whose
    policy lets the log delivery service write (the s3-bucket module's WAF log delivery policy)."""

    def build(c: Any) -> object:
        name, part, region = "ex-flow-log", _part(code), REGIONS[code]
        zones = [f"{region}{z}" for z in ("a", "b", "c")] if code != "JP" else [f"{region}{z}" for z in "acd"]
        vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", enable_dns_support=True, tags={"Name": name}, opts=c.aws)
        igw = aws.ec2.InternetGateway("vpc", vpc_id=vpc.id, tags={"Name": name}, opts=c.aws)
        public_rt = aws.ec2.RouteTable("vpc-public", vpc_id=vpc.id, opts=c.aws)
        aws.ec2.Route("vpc-public-internet", route_table_id=public_rt.id, destination_cidr_block="0.0.0.0/0",
                      gateway_id=igw.id, opts=c.aws)  # fmt: skip
        for i, zone in enumerate(zones):
            aws.ec2.Subnet(f"vpc-private-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i}.0/24", availability_zone=zone,
                           tags={"Name": f"{name}-private-{zone}"}, opts=c.aws)  # fmt: skip
            public = aws.ec2.Subnet(f"vpc-public-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{i + 4}.0/24",
                                    availability_zone=zone, tags={"Name": f"{name}-public-{zone}"},
                                    opts=c.aws)  # fmt: skip
            aws.ec2.RouteTableAssociation(f"vpc-public-{i}", subnet_id=public.id, route_table_id=public_rt.id,
                                          opts=c.aws)  # fmt: skip
        bucket = _bucket(c, "s3_bucket", f"{name}-bucket", force_destroy=True)
        aws.s3.BucketPolicy("s3_bucket", bucket=bucket.id, policy=bucket.arn.apply(lambda arn: _doc(
            {"Sid": "WafLogDeliveryWrite", "Effect": "Allow", "Action": "s3:PutObject",
             "Resource": f"{arn}/AWSLogs/{ACCOUNT}/*", "Principal": {"Service": "delivery.logs.amazonaws.com"},
             "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": ACCOUNT},
                           "ArnLike": {"aws:SourceArn": f"arn:{part}:logs:*:{ACCOUNT}:*"}}},
            {"Sid": "WafLogDeliveryAclCheck", "Effect": "Allow", "Action": "s3:GetBucketAcl", "Resource": arn,
             "Principal": {"Service": "delivery.logs.amazonaws.com"},
             "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT},
                           "ArnLike": {"aws:SourceArn": f"arn:{part}:logs:*:{ACCOUNT}:*"}}})), opts=c.aws)  # fmt: skip

        def cloudwatch_role(suffix: str, group: aws.cloudwatch.LogGroup) -> aws.iam.Role:
            role = aws.iam.Role(f"flow_log{suffix}", name_prefix=f"{name}{suffix}-", assume_role_policy=_doc(
                {"Action": "sts:AssumeRole", "Effect": "Allow", "Sid": "VPCFlowLogsAssume",
                 "Principal": {"Service": "vpc-flow-logs.amazonaws.com"}}), opts=c.aws)  # fmt: skip
            aws.iam.RolePolicy(f"flow_log{suffix}", name_prefix=f"{name}{suffix}-", role=role.id,
                               policy=group.arn.apply(lambda arn: _doc(
                {"Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                            "logs:DescribeLogGroups", "logs:DescribeLogStreams"], "Effect": "Allow",
                 "Resource": [arn, f"{arn}:*"]})), opts=c.aws)  # fmt: skip
            return role

        own = aws.cloudwatch.LogGroup("flow_log", name=vpc.id.apply(lambda v: f"/aws/vpc-flow-log/{v}"),
                                      retention_in_days=30, opts=c.aws)  # fmt: skip
        aws.ec2.FlowLog("flow_log", vpc_id=vpc.id, traffic_type="ALL", log_destination_type="cloud-watch-logs",
                        log_destination=own.arn, iam_role_arn=cloudwatch_role("", own).arn,
                        max_aggregation_interval=600, opts=c.aws)  # fmt: skip
        external = aws.cloudwatch.LogGroup("flow_log_external", name_prefix=vpc.id.apply(
            lambda v: f"/aws/flow-log/vpc/{v}/{name}-external-"), retention_in_days=7, opts=c.aws)  # fmt: skip
        aws.ec2.FlowLog("flow_log_cloudwatch_external", vpc_id=vpc.id, traffic_type="ALL",
                        log_destination_type="cloud-watch-logs", log_destination=external.arn,
                        iam_role_arn=cloudwatch_role("-external", external).arn, max_aggregation_interval=600,
                        opts=c.aws)  # fmt: skip
        aws.ec2.FlowLog("flow_log_s3", vpc_id=vpc.id, traffic_type="ALL", log_destination_type="s3",
                        log_destination=bucket.arn, max_aggregation_interval=600, opts=c.aws)  # fmt: skip
        return aws.ec2.FlowLog(
            "flow_log_s3_parquet", vpc_id=vpc.id, traffic_type="ALL", log_destination_type="s3",
            log_destination=bucket.arn, max_aggregation_interval=600,
            destination_options={"file_format": "parquet", "hive_compatible_partitions": True,
                                 "per_hour_partition": True}, opts=c.aws,
        )  # fmt: skip

    return build


def eventbridge_schedules(code: str) -> Build:
    """terraform-aws-eventbridge examples/with-schedules: a bus, two schedule groups and three EventBridge Scheduler
    schedules (a nightly cron in Europe/London and a 10-hourly one invoking a function, one putting into a Kinesis
    stream), the scheduler's role allowed to invoke the function, and the function's permission for the cron."""

    def build(c: Any) -> object:
        pet = "brave-lion"
        aws.cloudwatch.EventBus("eventbridge", name="example", opts=c.aws)
        stream = aws.kinesis.Stream("this", name=pet, shard_count=1, opts=c.aws)
        fn_role = aws.iam.Role("lambda", name=f"{pet}-lambda", assume_role_policy=_doc(
            {"Effect": "Allow", "Action": "sts:AssumeRole",
             "Principal": {"Service": ["lambda.amazonaws.com", "scheduler.amazonaws.com"]}}), opts=c.aws)  # fmt: skip
        fn = aws.lambda_.Function("lambda", name=f"{pet}-lambda", handler="index.lambda_handler", runtime="python3.12",
                                  role=fn_role.arn, code=PY_HANDLER, opts=c.aws)  # fmt: skip
        role = aws.iam.Role("eventbridge", name="example-role", assume_role_policy=_doc(
            {"Effect": "Allow", "Action": "sts:AssumeRole",
             "Principal": {"Service": ["events.amazonaws.com", "scheduler.amazonaws.com"]}}), opts=c.aws)  # fmt: skip
        aws.iam.RolePolicy("eventbridge-lambda", role=role.id, policy=fn.arn.apply(lambda arn: _doc(
            {"Sid": "LambdaAccess", "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": arn})),
            opts=c.aws)  # fmt: skip
        dev = aws.scheduler.ScheduleGroup("dev", name_prefix="tmp-dev-", opts=c.aws)
        prod = aws.scheduler.ScheduleGroup("prod", name="prod", tags={"Env": "SuperProd"}, opts=c.aws)
        cron = aws.scheduler.Schedule(
            "lambda-cron", name="lambda-cron", group_name=dev.name, description="Trigger for a Lambda",
            schedule_expression="cron(0 1 * * ? *)", schedule_expression_timezone="Europe/London",
            flexible_time_window={"mode": "OFF"},
            target={"arn": fn.arn, "role_arn": role.arn, "input": json.dumps({"job": "cron-by-rate"})}, opts=c.aws,
        )  # fmt: skip
        aws.scheduler.Schedule("prod-lambda-cron", name="prod-lambda-cron", group_name=prod.name,
                               schedule_expression="rate(10 hours)", flexible_time_window={"mode": "OFF"},
                               target={"arn": fn.arn, "role_arn": role.arn}, opts=c.aws)  # fmt: skip
        aws.scheduler.Schedule("kinesis-cron", name="kinesis-cron", group_name=prod.name,
                               schedule_expression="rate(10 hours)", flexible_time_window={"mode": "OFF"},
                               target={"arn": stream.arn, "role_arn": role.arn,
                                       "kinesis_parameters": {"partition_key": "foo"}}, opts=c.aws)  # fmt: skip
        return aws.lambda_.Permission("lambda-ScanAmiRule", action="lambda:InvokeFunction", function=fn.name,
                                      principal="scheduler.amazonaws.com", source_arn=cron.arn,
                                      opts=c.aws)  # fmt: skip

    return build


# -- terraform-aws-rds -------------------------------------------------------------------------------------------------


def rds_complete_postgres(code: str) -> Build:
    """terraform-aws-rds examples/complete-postgres: a Multi-AZ PostgreSQL 17 instance in the example VPC's database
    subnets, its parameter and option groups, a master password managed in Secrets Manager and rotated every 15 days,
    PostgreSQL and upgrade logs into log groups, Performance Insights and enhanced monitoring with its role."""

    def build(c: Any) -> object:
        name, region = "complete-postgresql", REGIONS[code]
        zones = [f"{region}{z}" for z in ("a", "b", "c")] if code != "JP" else [f"{region}{z}" for z in "acd"]
        vpc = aws.ec2.Vpc("vpc", cidr_block="10.0.0.0/16", tags={"Name": name}, opts=c.aws)
        subnets = [aws.ec2.Subnet(f"vpc-database-{i}", vpc_id=vpc.id, cidr_block=f"10.0.{7 + i}.0/24",
                                  availability_zone=zone, opts=c.aws) for i, zone in enumerate(zones)]  # fmt: skip
        group = aws.rds.SubnetGroup("vpc-database", name=name, subnet_ids=[s.id for s in subnets], opts=c.aws)
        sg = aws.ec2.SecurityGroup("security_group", name=name, vpc_id=vpc.id,
                                   description="Complete PostgreSQL example security group",
                                   ingress=[{"from_port": 5432, "to_port": 5432, "protocol": "tcp",
                                             "description": "PostgreSQL access from within VPC",
                                             "cidr_blocks": ["10.0.0.0/16"]}], opts=c.aws)  # fmt: skip
        params = aws.rds.ParameterGroup("db", name_prefix=f"{name}-", family="postgres17",
                                        parameters=[{"name": "autovacuum", "value": "1"},
                                                    {"name": "client_encoding", "value": "utf8"}],
                                        tags={"Sensitive": "low"}, opts=c.aws)  # fmt: skip
        options = aws.rds.OptionGroup("db", name_prefix=f"{name}-", engine_name="postgres", major_engine_version="17",
                                      tags={"Sensitive": "low"}, opts=c.aws)  # fmt: skip
        for log in ("postgresql", "upgrade"):
            aws.cloudwatch.LogGroup(f"db-{log}", name=f"/aws/rds/instance/{name}/{log}", retention_in_days=7,
                                    tags={"Sensitive": "high"}, opts=c.aws)  # fmt: skip
        monitoring = aws.iam.Role("db-monitoring", name_prefix="example-monitoring-role-name-",
                                  description="Description for monitoring role",
                                  assume_role_policy=_trust("monitoring.rds.amazonaws.com"), opts=c.aws)  # fmt: skip
        aws.iam.RolePolicyAttachment("db-monitoring", role=monitoring.name, policy_arn=f"arn:{_part(code)}:iam::aws:"
                                     "policy/service-role/AmazonRDSEnhancedMonitoringRole", opts=c.aws)  # fmt: skip
        db = aws.rds.Instance(
            "db", identifier=name, engine="postgres", engine_version="17",
            engine_lifecycle_support="open-source-rds-extended-support-disabled", instance_class="db.t4g.large",
            allocated_storage=20, max_allocated_storage=100, storage_encrypted=True, db_name="completePostgresql",
            username="complete_postgresql", port=5432, manage_master_user_password=True, multi_az=True,
            db_subnet_group_name=group.name, vpc_security_group_ids=[sg.id], parameter_group_name=params.name,
            option_group_name=options.name, maintenance_window="Mon:00:00-Mon:03:00", backup_window="03:00-06:00",
            enabled_cloudwatch_logs_exports=["postgresql", "upgrade"], backup_retention_period=1,
            skip_final_snapshot=True, deletion_protection=False, performance_insights_enabled=True,
            performance_insights_retention_period=7, monitoring_interval=60, monitoring_role_arn=monitoring.arn,
            opts=c.aws,
        )  # fmt: skip
        # manage_master_user_password_rotation: the module rotates the secret RDS made.
        return aws.secretsmanager.SecretRotation(
            "db", secret_id=db.master_user_secrets.apply(lambda s: s[0]["secret_arn"] if s else ""),
            rotate_immediately=False, rotation_rules={"schedule_expression": "rate(15 days)"}, opts=c.aws,
        )  # fmt: skip

    return build


# -- terraform-aws-efs -------------------------------------------------------------------------------------------------


def efs_complete(code: str, replica_region: str) -> Build:
    """terraform-aws-efs examples/complete: an encrypted file system (the example's key) with lifecycle transitions,
    a policy letting the caller mount it, mount targets in three private subnets behind an NFS security group, two
    access points, backups, and replication to ``replica_region`` (the example's eu-west-1 → eu-west-2); a default
    file system beside it."""

    def build(c: Any) -> object:
        name, region = "ex-complete", REGIONS[code]
        zones = [f"{region}{z}" for z in ("a", "b", "c")] if code != "JP" else [f"{region}{z}" for z in "acd"]
        key = _kms_key(c, code, "kms", {"Sid": "KeyAdministration", "Effect": "Allow", "Resource": "*",
                                        "Action": ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*",
                                                   "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*",
                                                   "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
                                                   "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
                                        "Principal": {"AWS": _caller(code)}},
                       description="EFS customer managed key", deletion_window_in_days=7)  # fmt: skip
        aws.kms.Alias("kms", name=f"alias/efs/{name}", target_key_id=key.key_id, opts=c.aws)
        vpc = aws.ec2.Vpc("vpc", cidr_block="10.99.0.0/18", tags={"Name": name}, opts=c.aws)
        private = [aws.ec2.Subnet(f"vpc-private-{i}", vpc_id=vpc.id, cidr_block=f"10.99.{3 + i}.0/24",
                                  availability_zone=zone, opts=c.aws) for i, zone in enumerate(zones)]  # fmt: skip
        for i, zone in enumerate(zones):
            aws.ec2.Subnet(f"vpc-public-{i}", vpc_id=vpc.id, cidr_block=f"10.99.{i}.0/24", availability_zone=zone,
                           opts=c.aws)  # fmt: skip
        fs = aws.efs.FileSystem("efs", creation_token=name, encrypted=True, kms_key_id=key.arn,
                                lifecycle_policies=[{"transition_to_ia": "AFTER_30_DAYS"},
                                                    {"transition_to_primary_storage_class": "AFTER_1_ACCESS"}],
                                tags={"Name": name}, opts=c.aws)  # fmt: skip
        aws.efs.FileSystemPolicy("efs", file_system_id=fs.id, bypass_policy_lockout_safety_check=False,
                                 policy=fs.arn.apply(lambda arn: _doc(
            {"Sid": "Example", "Effect": "Allow", "Action": "elasticfilesystem:ClientMount", "Resource": arn,
             "Principal": {"AWS": _caller(code)}})), opts=c.aws)  # fmt: skip
        sg = aws.ec2.SecurityGroup("efs", name_prefix=f"{name}-", description="Example EFS security group",
                                   vpc_id=vpc.id, opts=c.aws)  # fmt: skip
        for i in range(3):
            aws.vpc.SecurityGroupIngressRule(f"efs-vpc_{i + 1}", security_group_id=sg.id, from_port=2049,
                                             to_port=2049, ip_protocol="tcp", cidr_ipv4=f"10.99.{3 + i}.0/24",
                                             description="NFS ingress from VPC private subnets",
                                             opts=c.aws)  # fmt: skip
        for zone, subnet in zip(zones, private, strict=True):
            aws.efs.MountTarget(f"efs-{zone}", file_system_id=fs.id, subnet_id=subnet.id, security_groups=[sg.id],
                                opts=c.aws)  # fmt: skip
        aws.efs.AccessPoint("efs-posix_example", file_system_id=fs.id,
                            posix_user={"gid": 1001, "uid": 1001, "secondary_gids": [1002]},
                            tags={"Name": "posix-example", "Additionl": "yes"}, opts=c.aws)  # fmt: skip
        aws.efs.AccessPoint("efs-root_example", file_system_id=fs.id, root_directory={
            "path": "/example", "creation_info": {"owner_gid": 1001, "owner_uid": 1001, "permissions": "755"}},
            opts=c.aws)  # fmt: skip
        aws.efs.BackupPolicy("efs", file_system_id=fs.id, backup_policy={"status": "ENABLED"}, opts=c.aws)
        aws.efs.FileSystem("efs_default", tags={"Name": f"{name}-default"}, opts=c.aws)
        return aws.efs.ReplicationConfiguration("efs", source_file_system_id=fs.id,
                                                destination={"region": replica_region}, opts=c.aws)  # fmt: skip

    return build


def log_group_data_protection(code: str) -> Build:
    """terraform-aws-cloudwatch examples/log-group-with-data-protection-policy: three log groups; one audited and
    masked for addresses (findings into the audit group, the module's rendered document), one for a custom
    ``CustomerId-\\d{5}`` identifier (the example's own document)."""

    def build(c: Any) -> object:
        groups = {name: aws.cloudwatch.LogGroup(name, name_prefix=prefix, retention_in_days=7, opts=c.aws)
                  for name, prefix in (("log_group", "my-log-group-"),
                                       ("custom_data_protection_policy_log_group", "my-custom-policy-log-group-"),
                                       ("audit_destination_group", "audit-destination-log-group-"))}  # fmt: skip
        audit = groups["audit_destination_group"].name

        def document(name: str, identifiers: list[str], configuration: dict[str, Any] | None = None) -> Any:
            def render(group: str) -> str:
                doc: dict[str, Any] = {
                    "Name": name,
                    "Version": "2021-06-01",
                    "Statement": [
                        {
                            "Sid": "Audit",
                            "DataIdentifier": identifiers,
                            "Operation": {"Audit": {"FindingsDestination": {"CloudWatchLogs": {"LogGroup": group}}}},
                        },
                        {
                            "Sid": "Redact",
                            "DataIdentifier": identifiers,
                            "Operation": {"Deidentify": {"MaskConfig": {}}},
                        },
                    ],
                }
                if configuration is not None:
                    doc["Configuration"] = configuration
                return json.dumps(doc)

            return audit.apply(render)

        aws.cloudwatch.LogDataProtectionPolicy("log_data_protection_policy", log_group_name=groups["log_group"].name,
                                               policy_document=document("RedactAddress", [
                                                   f"arn:{_part(code)}:dataprotection::aws:data-identifier/Address"]),
                                               opts=c.aws)  # fmt: skip
        return aws.cloudwatch.LogDataProtectionPolicy(
            "custom_log_data_protection_policy", log_group_name=groups["custom_data_protection_policy_log_group"].name,
            policy_document=document("RedactCustomerId", ["CustomerId"], {"CustomDataIdentifier": [
                {"Name": "CustomerId", "Regex": "CustomerId-\\d{5}"}]}), opts=c.aws,
        )  # fmt: skip

    return build


# -- terraform-aws-ssm-parameter ---------------------------------------------------------------------------------------


def ssm_parameter_complete(code: str) -> Build:
    """terraform-aws-ssm-parameter examples/complete: eleven parameters (plain, Intelligent-Tiering, an AMI id typed
    ``aws:ec2:image``, secure strings with and without the example's key, lists) each written three times (the module,
    its ignore-value-changes form, the wrapper), among them an SSM integration webhook to Opsgenie's EU API
    (``data_type = aws:ssm:integration``, ``url = https://api.eu.opsgenie.com/v2/alerts``)."""

    def build(c: Any) -> object:
        key = aws.kms.Key("this", opts=c.aws)
        webhook = json.dumps({"description": "My webhook for opsgenie", "url": "https://api.eu.opsgenie.com/v2/alerts",
                              "body": json.dumps({"message": "SSM_ASG_scaledown_test"}),
                              "headers": {"Content-Type": "application/json", "Authorization": "MY_SECRET_TOKEN",
                                          "Method": "POST"}})  # fmt: skip
        parameters: dict[str, dict[str, Any]] = {
            "string_simple": {"type": "String", "value": "string_value123"},
            "string": {"type": "String", "value": "string_value123", "tier": "Intelligent-Tiering",
                       "allowed_pattern": "[a-z0-9_]+"},
            "string_as_ec2_image_data_type": {"type": "String", "value": "ami-0a1b2c3d4e5f60718",
                                              "data_type": "aws:ec2:image"},
            "secure": {"type": "SecureString", "value": "secret123123!!!", "tier": "Advanced",
                       "description": "My awesome password!"},
            "secure_true": {"type": "SecureString", "value": "secret123123!!!"},
            "secure_encrypted_true": {"type": "SecureString", "value": "secret123123!!!", "key_id": key.id},
            "/d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations/webhook/mywebhook": {
                "type": "SecureString", "data_type": "aws:ssm:integration", "value": webhook},
            "list_as_autoguess_type": {"type": "StringList", "value": "item1,item2"},
            "list_as_jsonencoded_string": {"type": "StringList", "value": json.dumps(["item1", "item2"])},
            "list_as_plain_string": {"type": "StringList", "value": "item1,item2"},
            "list_as_autoconvert_values": {"type": "StringList", "value": "item1,item2"},
        }  # fmt: skip
        made = []
        for suffix in ("", "-ignore-value-changes", "-from-wrapper"):
            for name, args in parameters.items():
                made.append(aws.ssm.Parameter(f"{name}{suffix}", name=f"{name}{suffix}", opts=c.aws,
                                              tags={"Name": "ex-complete", "Example": "complete"}, **args))  # fmt: skip
        return made[-1]

    return build


# -- terraform-aws-cloudwatch ------------------------------------------------------------------------------------------


def cloudwatch_log_subscription_filter(code: str) -> Build:
    """terraform-aws-cloudwatch examples/log-subscription-filter: a log group whose ``%test%`` events go through a
    subscription filter to a Firehose stream writing into the example's bucket, each hop with its own role."""

    def build(c: Any) -> object:
        pet = "brave-lion"
        group = aws.cloudwatch.LogGroup("log_group", name_prefix="my-log-group-", retention_in_days=7, opts=c.aws)
        bucket = _bucket(c, "logs_bucket", f"{pet}-logs", force_destroy=True)

        def role(name: str, service: str, actions: list[str], resources: pulumi.Output[list[str]]) -> aws.iam.Role:
            made = aws.iam.Role(name, name_prefix=f"{pet}-{name}-", assume_role_policy=_doc(
                {"Sid": "TrustRoleAndServiceToAssume", "Effect": "Allow",
                 "Action": ["sts:AssumeRole", "sts:TagSession"], "Principal": {"Service": service}}),
                opts=c.aws)  # fmt: skip
            aws.iam.RolePolicy(name, role=made.id, policy=resources.apply(lambda r: _doc(
                {"Sid": name, "Effect": "Allow", "Action": actions, "Resource": r})), opts=c.aws)  # fmt: skip
            return made

        to_s3 = role("FirehoseToS3", "firehose.amazonaws.com",
                     ["s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket",
                      "s3:ListBucketMultipartUploads", "s3:PutObject"],
                     bucket.arn.apply(lambda arn: [arn, f"{arn}/*"]))  # fmt: skip
        stream = aws.kinesis.FirehoseDeliveryStream(
            "logs", name=f"{pet}-logs", destination="extended_s3",
            extended_s3_configuration={"role_arn": to_s3.arn, "bucket_arn": bucket.arn,
                                       "prefix": "from-firehose-logs/"}, opts=c.aws,
        )  # fmt: skip
        to_firehose = role("CwLogsToFirehose", "logs.amazonaws.com", ["firehose:PutRecord"],
                           stream.arn.apply(lambda arn: [arn]))  # fmt: skip
        return aws.cloudwatch.LogSubscriptionFilter("log_subscription_filter", name="my-filter",
                                                    destination_arn=stream.arn, filter_pattern="%test%",
                                                    log_group=group.name, role_arn=to_firehose.arn,
                                                    opts=c.aws)  # fmt: skip

    return build


def cloudwatch_composite_alarm(code: str) -> Build:
    """terraform-aws-cloudwatch examples/composite-alarm: two Lambda metric alarms notifying one topic, a deployment
    alarm on a metric math expression, and a composite alarm of the first two notifying a second topic, suppressed by
    the deployment alarm (the fixtures' topics and function)."""

    def build(c: Any) -> object:
        topics = [aws.sns.Topic(f"aws_sns_topic_{i}", name_prefix="fixture-", opts=c.aws) for i in (1, 2)]
        role = aws.iam.Role("aws_lambda_function1", assume_role_policy=_trust("lambda.amazonaws.com"), opts=c.aws)
        fn = aws.lambda_.Function("aws_lambda_function1", runtime="python3.12", handler="index.lambda_handler",
                                  role=role.arn, code=PY_HANDLER, opts=c.aws)  # fmt: skip

        def alarm(name: str, metric: str, unit: str, threshold: int, **args: Any) -> aws.cloudwatch.MetricAlarm:
            return aws.cloudwatch.MetricAlarm(
                name, name=name, alarm_description=f"{metric} alarm", evaluation_periods=1, threshold=threshold,
                comparison_operator="GreaterThanOrEqualToThreshold", period=60, unit=unit, namespace="AWS/Lambda",
                metric_name=metric, statistic="Maximum", alarm_actions=[topics[0].arn], opts=c.aws, **args,
            )  # fmt: skip

        duration = alarm("lambda-duration", "Duration", "Milliseconds", 10, dimensions={"FunctionName": fn.name})
        errors = alarm("all-lambdas-errors", "Errors", "Count", 0)
        suppressor = aws.cloudwatch.MetricAlarm(
            "deployment-alarm", name="deployment-alarm", alarm_description="Deployment alarm",
            comparison_operator="GreaterThanThreshold", evaluation_periods=1, threshold=1,
            metric_queries=[{"id": "e1", "return_data": True, "expression": "TIME_SERIES(1)", "label": "deployment",
                             "period": 60}], opts=c.aws,
        )  # fmt: skip
        return aws.cloudwatch.CompositeAlarm(
            "composite_alarm", alarm_name="composite-alarm", alarm_description="Example of a composite alarm",
            alarm_actions=[topics[1].arn], ok_actions=[topics[1].arn],
            alarm_rule=pulumi.Output.format("ALARM({0}) AND ALARM({1})", duration.id, errors.id),
            actions_suppressor={"alarm": suppressor.id, "extension_period": 20, "wait_period": 10},
            tags={"example": "composite-alarm", "region": REGIONS[code]}, opts=c.aws,
        )  # fmt: skip

    return build


# -- Alibaba Cloud modules (alibabacloud-automation/terraform-alicloud-*) ----------------------------------------------


def _ali_zones(code: str) -> tuple[str, str]:
    # data.alicloud_zones.default.zones[0] / [1], written as zones of the stack's Alibaba Cloud Region.
    region = ALI_REGIONS[code]
    return (f"{region}-b", f"{region}-e") if code == "CN" else (f"{region}a", f"{region}b")


def _ali_vpc(c: Any, code: str) -> tuple[alicloud.vpc.Network, alicloud.vpc.Switch]:
    """The alibaba/vpc/alicloud 2.0.0 module as the examples call it: a 172.16.0.0/16 VPC, one 172.16.0.0/21 vSwitch
    in the first zone."""
    vpc = alicloud.vpc.Network("vpc", vpc_name="TF-VPC", cidr_block="172.16.0.0/16", opts=c.ali)
    switch = alicloud.vpc.Switch("vpc", vpc_id=vpc.id, cidr_block="172.16.0.0/21", zone_id=_ali_zones(code)[0],
                                 vswitch_name="TF-VSwitch", opts=c.ali)  # fmt: skip
    return vpc, switch


def oss_bucket_complete(code: str) -> Build:
    """terraform-alicloud-oss-bucket examples/complete: a private bucket with a website, access logs into itself
    (``target_bucket = var.bucket_name``), a Referer allow-list, a lifecycle rule and a policy with no Principal."""

    def build(c: Any) -> object:
        name = "bucket-terraform-20211216"
        return alicloud.oss.Bucket(
            "create_new_bucket", bucket=name, acl="private",
            website={"index_document": "index.html", "error_document": "error.html"},
            logging={"target_bucket": name, "target_prefix": "log/"},
            referer_config={"allow_empty": False, "referers": ["http://www.aliyun.com", "https://www.aliyun.com"]},
            lifecycle_rules=[{"id": "rule-days", "prefix": "path1/", "enabled": True, "expirations": [{"days": 365}]}],
            policy=json.dumps({"Statement": [{"Action": ["oss:PutObject", "oss:GetObject", "oss:DeleteBucket"],
                                              "Effect": "Allow", "Resource": ["acs:oss:*:*:*"]}], "Version": "1"}),
            opts=c.ali,
        )  # fmt: skip

    return build


def mns_topic_complete(code: str) -> Build:
    """terraform-alicloud-mns-topic examples/complete: a topic and an HTTP subscription notifying
    ``http://www.xxx.com/notifyback.htm``."""

    def build(c: Any) -> object:
        topic = alicloud.mns.Topic("this", name="tf-topic-name", maximum_message_size=65536, logging_enabled=False,
                                   opts=c.ali)  # fmt: skip
        return alicloud.mns.TopicSubscription(
            "this", topic_name=topic.name, name="tf-subscription-name", endpoint="http://www.xxx.com/notifyback.htm",
            filter_tag="test", notify_strategy="BACKOFF_RETRY", notify_content_format="XML", opts=c.ali,
        )  # fmt: skip

    return build


def actiontrail_complete(code: str) -> Build:
    """terraform-alicloud-actiontrail examples/complete: ActionTrail's RAM role and policy, an OSS bucket, an SLS
    project, and a trail of every event into both (the project named by the ARN the example builds from the current
    Region and account)."""

    def build(c: Any) -> object:
        region = ALI_REGIONS[code]
        role = alicloud.ram.Role("ram", role_name="tf-testacc-role-2022", description="tf-testacc-role-description",
                                 force=False, assume_role_policy_document=json.dumps({"Statement": [
                                     {"Action": "sts:AssumeRole", "Effect": "Allow",
                                      "Principal": {"Service": ["actiontrail.aliyuncs.com"]}}], "Version": "1"}),
                                 opts=c.ali)  # fmt: skip
        log_resources = ["acs:log:*:*:project/*/logstore/actiontrail_*", "acs:log:*:*:project/*/logstore/innertrail_*"]
        policy = alicloud.ram.Policy("ram", policy_name="tf-testacc-policy-2022",
                                     description="tf-testacc-policy-description", force=False,
                                     policy_document=json.dumps({"Statement": [
            {"Action": ["oss:ListObjects", "oss:PutObject", "oss:GetBucketLocation", "kms:ListKeys", "kms:Listalias",
                        "kms:ListAliasesByKeyId", "kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt"],
             "Resource": "*", "Effect": "Allow"},
            {"Action": ["log:GetProject"], "Resource": "*", "Effect": "Allow"},
            {"Action": ["log:PostLogStoreLogs", "log:CreateLogstore", "log:GetLogstore", "log:CreateIndex",
                        "log:UpdateIndex", "log:GetIndex", "log:GetLogStoreLogs"],
             "Resource": log_resources, "Effect": "Allow"},
            {"Action": ["log:CreateDashboard", "log:UpdateDashboard"], "Resource": "acs:log:*:*:project/*/dashboard/*",
             "Effect": "Allow"},
            {"Action": ["log:CreateSavedSearch", "log:UpdateSavedSearch"],
             "Resource": ["acs:log:*:*:project/*/savedsearch/actiontrail_*",
                          "acs:log:*:*:project/*/savedsearch/innertrail_*"], "Effect": "Allow"},
            {"Action": ["mns:PublishMessage"], "Resource": "*", "Effect": "Allow"},
            {"Action": ["resourcemanager:GetResourceDirectory", "resourcemanager:ListAccounts",
                        "resourcemanager:GetResourceDirectoryAccount"], "Resource": "*", "Effect": "Allow"},
            {"Action": ["cms:DescribeMetricList", "cms:QueryMetricList"], "Resource": "*", "Effect": "Allow"},
            {"Action": "ram:DeleteServiceLinkedRole", "Resource": "*", "Effect": "Allow",
             "Condition": {"StringEquals": {"ram:ServiceName": "actiontrail.aliyuncs.com"}}}], "Version": "1"}),
                                     opts=c.ali)  # fmt: skip
        alicloud.ram.RolePolicyAttachment("ram", policy_name=policy.policy_name, role_name=role.role_name,
                                          policy_type=policy.type, opts=c.ali)  # fmt: skip
        bucket = alicloud.oss.Bucket("oss", bucket="tf-testacc-oss-2022", force_destroy=False, opts=c.ali)
        project = alicloud.log.Project("log_project", project_name="tf-testacc-log-project",
                                       description="tf-testacc-log-description", opts=c.ali)  # fmt: skip
        return alicloud.actiontrail.Trail(
            "actiontrail_trail", trail_name="tf-testacc-actiontrail-trail", event_rw="All", oss_bucket_name=bucket.id,
            oss_key_prefix=bucket.id,
            sls_project_arn=project.project_name.apply(lambda n: f"acs:log:{region}:{ALI_ACCOUNT}:project/{n}"),
            sls_write_role_arn=role.arn, opts=c.ali,
        )  # fmt: skip

    return build


def nat_gateway_complete(code: str) -> Build:
    """terraform-alicloud-nat-gateway examples/complete: an enhanced NAT gateway in the example's VPC, two EIPs bound
    to it, a DNAT entry (80 → 172.16.0.3:8080) and an SNAT entry for the VPC's CIDR."""

    def build(c: Any) -> object:
        vpc, switch = _ali_vpc(c, code)
        nat = alicloud.vpc.NatGateway("nat_gateway", vpc_id=vpc.id, vswitch_id=switch.id,
                                      nat_gateway_name="tf-nat-gateway-name", nat_type="Enhanced",
                                      specification="Small", description="tf-description", payment_type="PayAsYouGo",
                                      internet_charge_type="PayByLcu", period=1, opts=c.ali)  # fmt: skip
        eips = []
        for i in range(2):
            eip = alicloud.ecs.EipAddress(f"use_existing_id-{i}", address_name="TF-EIP-for-Nat", bandwidth="5",
                                          internet_charge_type="PayByTraffic", payment_type="PayAsYouGo", isp="BGP",
                                          tags={"Name": "TF-EIP-for-Nat"}, opts=c.ali)  # fmt: skip
            alicloud.ecs.EipAssociation(f"use_existing_id-{i}", allocation_id=eip.id, instance_id=nat.id,
                                        opts=c.ali)  # fmt: skip
            eips.append(eip)
        alicloud.vpc.ForwardEntry("dnat_entry", forward_table_id=nat.forward_table_ids,
                                  external_ip=eips[0].ip_address, external_port="80", ip_protocol="tcp",
                                  internal_ip="172.16.0.3", internal_port="8080", opts=c.ali)  # fmt: skip
        return alicloud.vpc.SnatEntry("snat_entry", snat_table_id=nat.snat_table_ids, source_cidr=vpc.cidr_block,
                                      snat_ip=eips[0].ip_address, opts=c.ali)  # fmt: skip

    return build


def redis_complete(code: str) -> Build:
    """terraform-alicloud-redis examples/complete: a KMS key and a ciphertext of the password's context, the example's
    VPC and security group, a Redis 4.0 instance over two zones with SSL, an account and a backup policy (the module's
    CloudMonitor alarm rule names the account's contact groups from a data source the mocks do not answer: left out)."""

    def build(c: Any) -> object:
        zones = _ali_zones(code)
        key = alicloud.kms.Key("kms", key_usage="ENCRYPT/DECRYPT", pending_window_in_days=30, status="Enabled",
                               opts=c.ali)  # fmt: skip
        cipher = alicloud.kms.Ciphertext("kms", plaintext="test", key_id=key.id, encryption_context={"test": "test"},
                                         opts=c.ali)  # fmt: skip
        vpc, switch = _ali_vpc(c, code)
        sg = alicloud.ecs.SecurityGroup("default", inner_access_policy="Accept", security_group_name="tf-testacc-name",
                                        vpc_id=vpc.id, opts=c.ali)  # fmt: skip
        redis = alicloud.kvstore.Instance(
            "redis_example", db_instance_name="tf-testacc-name", instance_type="Redis", engine_version="4.0",
            instance_class="redis.master.small.default", zone_id=zones[0], secondary_zone_id=zones[1],
            ssl_enable="Enable", vswitch_id=switch.id, security_ips=["127.0.0.1"], security_group_id=sg.id,
            payment_type="PostPaid", instance_release_protection=False, private_ip="172.16.0.10",
            vpc_auth_mode="Open", password="YourPassword123!", kms_encryption_context=cipher.encryption_context,
            maintain_start_time="02:00Z", maintain_end_time="03:00Z",
            config={"appendonly": "yes", "lazyfree-lazy-eviction": "yes"},
            tags={"Created": "TF", "For": "acceptance test"}, opts=c.ali,
        )  # fmt: skip
        alicloud.kvstore.Account("redis_example", instance_id=redis.id, account_name="tf_account_name",
                                 account_password="YourPassword123!", account_type="Normal",
                                 account_privilege="RoleReadWrite", opts=c.ali)  # fmt: skip
        return alicloud.kvstore.BackupPolicy("redis_example", instance_id=redis.id,
                                             backup_periods=["Monday", "Tuesday"], backup_time="02:00Z-03:00Z",
                                             opts=c.ali)  # fmt: skip

    return build


def rds_mysql(code: str) -> Build:
    """terraform-alicloud-rds examples/mysql: a high-availability MySQL 8.0 instance
    (modules/mysql-8.0-high-availability) in the default VPC's first vSwitch (``data.alicloud_vpcs`` written as its
    ids) behind the security-group module's group, four source ranges allowed, two databases, a read-write account
    and a backup policy."""

    def build(c: Any) -> object:
        sg = alicloud.ecs.SecurityGroup("security_group", vpc_id="vpc-default01", opts=c.ali)
        db = alicloud.rds.Instance(
            "mysql", engine="MySQL", engine_version="8.0", instance_type="rds.mysql.t1.small", instance_storage=20,
            category="HighAvailability", instance_charge_type="Postpaid", instance_name="myDBInstance",
            vswitch_id="vsw-default01", security_group_ids=[sg.id],
            security_ips=["11.193.54.0/24", "101.37.74.0/24", "10.137.42.0/24", "121.43.18.0/24"],
            tags={"Env": "Private", "Location": "Secret"}, opts=c.ali,
        )  # fmt: skip
        alicloud.rds.Connection("mysql", instance_id=db.id, connection_prefix="developmentabc", port="3306",
                                opts=c.ali)  # fmt: skip
        databases = [alicloud.rds.Database(f"mysql-{name}", instance_id=db.id, data_base_name=name,
                                           character_set="utf8", description=description, opts=c.ali)
                     for name, description in (("dbuserv1", "db1"), ("dbuserv2", "db2"))]  # fmt: skip
        account = alicloud.rds.RdsAccount("mysql", db_instance_id=db.id, account_name="account_name1",
                                          account_password="Example1234", opts=c.ali)  # fmt: skip
        alicloud.rds.AccountPrivilege("mysql", instance_id=db.id, account_name=account.account_name,
                                      privilege="ReadWrite", db_names=[d.data_base_name for d in databases],
                                      opts=c.ali)  # fmt: skip
        return alicloud.rds.BackupPolicy("mysql", instance_id=db.id, preferred_backup_periods=["Monday", "Wednesday"],
                                         preferred_backup_time="00:00Z-01:00Z", backup_retention_period=7,
                                         log_backup_retention_period=7, enable_backup_log=True,
                                         opts=c.ali)  # fmt: skip

    return build


def ali_kms_complete(code: str) -> Build:
    """terraform-alicloud-kms examples/complete: a key pending deletion after 30 days and the ciphertext of
    ``example`` under it (the module's ``decrypt`` reads it back through a data source the mocks do not answer: left
    out)."""

    def build(c: Any) -> object:
        key = alicloud.kms.Key("kms", description="From Terraform", key_usage="ENCRYPT/DECRYPT",
                               pending_window_in_days=30, status="PendingDeletion", opts=c.ali)  # fmt: skip
        return alicloud.kms.Ciphertext("encrypt", key_id=key.id, plaintext="example",
                                       encryption_context={"test": "test"}, opts=c.ali)  # fmt: skip

    return build


def slb_virtual_server_group(code: str) -> Build:
    """terraform-alicloud-slb examples/servers-within-virtual-server-group: a VPC and vSwitch, the security-group
    module's group, two ECS instances (the ecs-instance module; ``data.alicloud_instance_types`` / ``alicloud_images``
    written as an ecs.g9i type and a system image) and the module's internet-facing CLB with a virtual server group
    serving both on port 80."""

    def build(c: Any) -> object:
        vpc = alicloud.vpc.Network("default", vpc_name="tf_module", cidr_block="172.16.0.0/12", opts=c.ali)
        switch = alicloud.vpc.Switch("default", vpc_id=vpc.id, cidr_block="172.16.0.0/21",
                                     zone_id=_ali_zones(code)[0], opts=c.ali)  # fmt: skip
        sg = alicloud.ecs.SecurityGroup("security_group", vpc_id=vpc.id, opts=c.ali)
        instances = [alicloud.ecs.Instance(f"ecs_instance-{i}", instance_type="ecs.g9i.large",
                                           image_id="aliyun_3_x64_20G_alibase_20240819.vhd", vswitch_id=switch.id,
                                           security_groups=[sg.id], system_disk_category="cloud_essd", opts=c.ali)
                     for i in range(2)]  # fmt: skip
        slb = alicloud.slb.LoadBalancer("this", internet_charge_type="PayByTraffic", address_type="internet",
                                        load_balancer_spec="slb.s1.small", bandwidth=10, opts=c.ali)  # fmt: skip
        servers: Any = [{"server_ids": [i.id for i in instances], "port": 80, "weight": 100, "type": "ecs"}]
        return alicloud.slb.ServerGroup("this", load_balancer_id=slb.id, servers=servers, opts=c.ali)

    return build


# -- the table --------------------------------------------------------------------------------------------------------

RUNS: list[tuple[str, str, Callable[[], Build]]] = [
    # (example, stack, program): the example's ``local.region`` is the stack's Region.
    ("sns-complete", "EU", lambda: sns_complete("EU")),
    ("sns-complete", "JP", lambda: sns_complete("JP")),
    ("sns-complete", "CN", lambda: sns_complete("CN")),
    ("sqs-complete", "EU", lambda: sqs_complete("EU")),
    ("sqs-complete", "CN", lambda: sqs_complete("CN")),
    # The replica Region: the example's eu-west-1 beside a primary in the DE stack's eu-central-1 (both EU), and the
    # example's own pair in the US stack (a replica in eu-west-1, abroad).
    ("kms-complete", "EU", lambda: kms_complete("EU", "eu-central-1")),
    ("kms-complete", "US", lambda: kms_complete("US", "eu-west-1")),
    ("dynamodb-basic", "EU", lambda: dynamodb_basic("EU")),
    ("dynamodb-basic", "US", lambda: dynamodb_basic("US")),
    # As written (eu-west-1 with a replica in us-east-1) in EU, and with an in-country replica Region in JP and US.
    ("dynamodb-global-tables", "EU", lambda: dynamodb_global_tables("EU", "us-east-1")),
    ("dynamodb-global-tables", "JP", lambda: dynamodb_global_tables("JP", "ap-northeast-3")),
    ("dynamodb-global-tables", "US", lambda: dynamodb_global_tables("US", "us-west-2")),
    ("eventbridge-api-destination", "EU", lambda: eventbridge_api_destination("EU")),
    ("eventbridge-bus-logging", "EU", lambda: eventbridge_bus_logging("EU")),
    ("eventbridge-bus-logging", "US", lambda: eventbridge_bus_logging("US")),
    ("dynamodb-autoscaling", "DE", lambda: dynamodb_autoscaling("DE")),
    ("dynamodb-autoscaling", "CN", lambda: dynamodb_autoscaling("CN")),
    ("secrets-manager-complete", "EU", lambda: secrets_manager_complete("EU", ("us-east-1", "us-west-2"))),
    ("secrets-manager-complete", "US", lambda: secrets_manager_complete("US", ("us-east-2", "us-west-2"))),
    ("s3-notification", "EU", lambda: s3_notification("EU")),
    ("s3-notification", "CN", lambda: s3_notification("CN")),
    ("s3-replication", "EU", lambda: s3_replication("EU", "eu-central-1")),
    ("s3-replication", "JP", lambda: s3_replication("JP", "ap-northeast-3")),
    ("s3-replication", "CN", lambda: s3_replication("CN", "cn-northwest-1")),
    ("s3-log-bucket", "EU", lambda: s3_log_bucket("EU")),
    ("s3-log-bucket", "US", lambda: s3_log_bucket("US")),
    ("s3-log-bucket", "CN", lambda: s3_log_bucket("CN")),
    ("lambda-async", "JP", lambda: lambda_async("JP")),
    ("lambda-async", "CN", lambda: lambda_async("CN")),
    ("lambda-event-source-mapping", "EU", lambda: lambda_event_source_mapping("EU")),
    ("lambda-event-source-mapping", "CN", lambda: lambda_event_source_mapping("CN")),
    ("vpc-flow-log", "EU", lambda: vpc_flow_log("EU")),
    ("vpc-flow-log", "US", lambda: vpc_flow_log("US")),
    ("vpc-flow-log", "CN", lambda: vpc_flow_log("CN")),
    ("eventbridge-schedules", "EU", lambda: eventbridge_schedules("EU")),
    ("eventbridge-schedules", "CN", lambda: eventbridge_schedules("CN")),
    ("rds-complete-postgres", "EU", lambda: rds_complete_postgres("EU")),
    ("rds-complete-postgres", "JP", lambda: rds_complete_postgres("JP")),
    ("rds-complete-postgres", "CN", lambda: rds_complete_postgres("CN")),
    # The replica Region as written (eu-west-2, London: outside the EU), and an in-country one in JP.
    ("efs-complete", "EU", lambda: efs_complete("EU", "eu-west-2")),
    ("efs-complete", "JP", lambda: efs_complete("JP", "ap-northeast-3")),
    ("cloudwatch-log-data-protection", "EU", lambda: log_group_data_protection("EU")),
    ("cloudwatch-log-data-protection", "CN", lambda: log_group_data_protection("CN")),
    ("ssm-parameter-complete", "EU", lambda: ssm_parameter_complete("EU")),
    ("ssm-parameter-complete", "US", lambda: ssm_parameter_complete("US")),
    ("cloudwatch-log-subscription-filter", "EU", lambda: cloudwatch_log_subscription_filter("EU")),
    ("cloudwatch-log-subscription-filter", "CN", lambda: cloudwatch_log_subscription_filter("CN")),
    ("cloudwatch-composite-alarm", "JP", lambda: cloudwatch_composite_alarm("JP")),
    ("cloudwatch-composite-alarm", "DE", lambda: cloudwatch_composite_alarm("DE")),
    # Alibaba Cloud: in the CN stack's cn-shanghai, and once in a foreign stack.
    ("ali-oss-bucket", "CN", lambda: oss_bucket_complete("CN")),
    ("ali-oss-bucket", "DE", lambda: oss_bucket_complete("DE")),
    ("ali-mns-topic", "CN", lambda: mns_topic_complete("CN")),
    ("ali-actiontrail", "CN", lambda: assuming_role(actiontrail_complete("CN"))),
    ("ali-actiontrail", "JP", lambda: assuming_role(actiontrail_complete("JP"))),
    ("ali-nat-gateway", "CN", lambda: nat_gateway_complete("CN")),
    ("ali-nat-gateway", "DE", lambda: nat_gateway_complete("DE")),
    ("ali-redis", "CN", lambda: redis_complete("CN")),
    ("ali-redis", "US", lambda: redis_complete("US")),
    ("ali-rds-mysql", "CN", lambda: rds_mysql("CN")),
    ("ali-rds-mysql", "EU", lambda: rds_mysql("EU")),
    ("ali-slb-virtual-server-group", "CN", lambda: slb_virtual_server_group("CN")),
    ("ali-slb-virtual-server-group", "US", lambda: slb_virtual_server_group("US")),
    ("ali-kms", "CN", lambda: ali_kms_complete("CN")),
    ("ali-kms", "JP", lambda: ali_kms_complete("JP")),
]


def _transfer(id_: str, match: str, destination: str, reference: str, code: str = "EU") -> dict[str, Any]:
    # The register entry the refusal's message gives for a cross-border transfer.
    basis = {"EU": "scc", "DE": "scc", "CN": "standard-contract"}.get(code, "documented-assessment")
    return {"id": id_, "kind": "transfer", "match": match, "destination": destination,
            "data_classes": ["owner_personal_data"], "basis": basis, "reference": reference,
            "approved_by": "dpo@example.com", "expires": "2099-12-31"}  # fmt: skip


REFUSED: dict[tuple[str, str], str] = {
    # Genuine refusals, each kept with its declared twin (`-declared`): the example really sends data abroad or to
    # another party.
    # A multi-Region key's replica in eu-west-1 from a US stack (the example's own pair): key material abroad.
    ("kms-complete", "US"): "RES-003",
    # A table's resource policy granting another account (arn:aws:iam::222222222222:role/DummyRole) GetItem.
    ("dynamodb-basic", "EU"): "RES-023",
    ("dynamodb-basic", "US"): "RES-023",
    # API destinations and an OAuth endpoint at smee.io (a public webhook relay): events leave for a third party.
    ("eventbridge-api-destination", "EU"): "RES-015",
    # A secret replicated from eu-west-1 to us-east-1 and us-west-2 (the example's replicas).
    ("secrets-manager-complete", "EU"): "RES-009",
    # EFS replication from eu-west-1 to eu-west-2 (London): a copy of the file system outside the EU.
    ("efs-complete", "EU"): "RES-009",
    # An SSM integration webhook (data_type aws:ssm:integration) posting to Opsgenie's EU API: a SaaS host no catalogue
    # places (the value is a SecureString: the preview blinds it and says so; the pack and the guard read it).
    ("ssm-parameter-complete", "EU"): "RES-015",
    ("ssm-parameter-complete", "US"): "RES-015",
    # An MNS subscription pushing to http://www.xxx.com/notifyback.htm: a host nothing places in the country.
    ("ali-mns-topic", "CN"): "RES-015",
}
DECLARED: dict[tuple[str, str], list[dict[str, Any]]] = {
    # The Region the replica is made in, and its ARN (the replica's outputs, read by the preview and state reviews).
    ("kms-complete", "US"): [_transfer("kms-replica", "eu-west-1", "EU", "DPIA-2026-101 (key replica)", "US"),
                             _transfer("kms-replica-arn", f"arn:aws:kms:eu-west-1:{ACCOUNT}:", "EU",
                                       "DPIA-2026-101 (key replica)", "US")],
    ("dynamodb-basic", "EU"): [{"id": "dummy-role-account", "kind": "resident", "match": "arn:aws:iam::222222222222:",
                                "evidence": "the company's EU reporting account, SCP eu-only"}],
    ("dynamodb-basic", "US"): [{"id": "dummy-role-account", "kind": "resident", "match": "arn:aws:iam::222222222222:",
                                "evidence": "the company's US reporting account, SCP us-only"}],
    ("eventbridge-api-destination", "EU"): [_transfer("smee-relay", "smee.io", "US", "DPIA-2026-102 (relay)")],
    ("efs-complete", "EU"): [_transfer("efs-replica-london", "eu-west-2", "GB", "DPIA-2026-106 (UK adequacy)")],
    ("ssm-parameter-complete", "EU"): [{"id": "opsgenie-eu", "kind": "resident", "match": "api.eu.opsgenie.com",
                                        "evidence": "Opsgenie EU instance (Atlassian data residency: EU)"}],
    ("ssm-parameter-complete", "US"): [_transfer("opsgenie-eu", "api.eu.opsgenie.com", "EU", "DPIA-2026-105", "US")],
    ("ali-mns-topic", "CN"): [{"id": "notify-callback", "kind": "resident", "match": "www.xxx.com",
                               "evidence": "the application's own callback server in cn-shanghai (ICP filing)"}],
    # Refused at three inputs under three rules (the second key's Region RES-003, the replica Region RES-009, the
    # replica key's ARN RES-004), more than the table's one verdict per program pins: only the declared twin runs here
    # (the refusals are pinned by tests/test_rules.py's pairs for each rule).
    ("dynamodb-global-tables", "EU"): [_transfer("table-replica", "us-east-1", "US", "DPIA-2026-104"),
                                       _transfer("table-replica-key", f"arn:aws:kms:us-east-1:{ACCOUNT}:", "US",
                                                 "DPIA-2026-104")],
    ("secrets-manager-complete", "EU"): [_transfer("secret-replica-east", "us-east-1", "US", "DPIA-2026-103"),
                                         _transfer("secret-replica-west", "us-west-2", "US", "DPIA-2026-103")],
}  # fmt: skip


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for name, code, program in RUNS:
        refused = REFUSED.get((name, code))
        if refused or (name, code) not in DECLARED:
            yield f"falsealarm22-{name}-{code.lower()}", code, program(), {refused} if refused else set(), []
        if (name, code) in DECLARED:
            yield (f"falsealarm22-{name}-{code.lower()}-declared", code, program(), set(),
                   DECLARED[(name, code)])  # fmt: skip
