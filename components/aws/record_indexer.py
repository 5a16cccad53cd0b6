"""``AwsRecordIndexer``: records the vehicles write into the data-class buckets become visible to owners.

Each bucket the owner data service serves notifies ``s3:ObjectCreated:*`` under its own class prefix to
a Lambda function that runs the service's code package (``portal.aws_lambda.index_handler``) with the
service's own role, network and environment, and adds each new object to the record index.

S3 keeps exactly one notification configuration per bucket (PutBucketNotificationConfiguration
"replaces the existing notification configuration"), and ``aws.s3.BucketNotification`` owns all of it:
this component is the only one in the toolkit that creates one for the data-class buckets (the ingest
writes objects and the audit trail writes to its own buckets; neither configures notifications), and
``tests/test_record_indexer.py`` fails if a second appears. A component that needs another destination
on these buckets must add it to :func:`notification_targets` rather than create its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pulumi
import pulumi_aws as aws

from components.aws.portal import RUNTIME, AwsOwnerDataPortal
from components.config.models import DATA_CLASSES
from components.naming import slug
from portal.catalogue import DATA_CLASS_POLICIES

__all__ = [
    "INDEX_EVENTS",
    "AwsRecordIndexer",
    "AwsRecordIndexerArgs",
    "indexed_classes",
    "indexer_environment",
    "notification_targets",
]

INDEX_EVENTS = ["s3:ObjectCreated:*"]
"""Every way an object is created (Put, Post, Copy, CompleteMultipartUpload)."""
# The service principal S3 invokes Lambda with (Lambda Developer Guide, "Viewing resource-based IAM
# policies in Lambda": the S3 example statement, with AWS:SourceAccount and AWS:SourceArn conditions,
# https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html); the China guide
# shows service principals in their global form for aws-cn functions ("Granting Lambda function access
# to Amazon Web Services services", https://docs.amazonaws.cn/en_us/lambda/latest/dg/permissions-function-services.html).
_S3_PRINCIPAL = "s3.amazonaws.com"
_CONFIGURATION_ID = "sovereign-record-indexer"


def indexed_classes(classes: Mapping[str, object]) -> list[str]:
    """The classes of ``classes`` the owner data service serves in some form (its catalogue, ``portal/``);
    a class it never serves (``audit_logs``) is never subscribed, so it is never indexed."""
    return sorted(c for c in classes if c in DATA_CLASSES and DATA_CLASS_POLICIES[c].served_form is not None)


def indexer_environment(service: Mapping[str, pulumi.Input[str]]) -> dict[str, pulumi.Input[str]]:
    """The service's environment without the identity provider settings: the indexer answers no owner
    (``Settings.from_env(verify_tokens=False)``), so it is given no address it does not use."""
    return {name: value for name, value in service.items() if not name.startswith("PORTAL_OIDC_")}


def notification_targets(
    data_class: str, function_arn: pulumi.Input[str]
) -> list[aws.s3.BucketNotificationLambdaFunctionArgs]:
    """The whole notification configuration of one data-class bucket: created objects under the class's
    own prefix (so ``_ingest_errors/...`` never invokes the indexer) to the indexer function."""
    return [
        aws.s3.BucketNotificationLambdaFunctionArgs(
            id=_CONFIGURATION_ID,
            lambda_function_arn=function_arn,
            events=INDEX_EVENTS,
            filter_prefix=f"{data_class}/",
        )
    ]


@dataclass
class AwsRecordIndexerArgs:
    """Inputs of ``AwsRecordIndexer``."""

    jurisdiction: str
    """Jurisdiction code, e.g. ``CN``; part of every physical name."""
    provider: aws.Provider
    """Pinned provider of the primary region (the buckets' and the portal's)."""
    portal: AwsOwnerDataPortal
    """The deployed service: its code package, role, network, environment and log key are reused."""
    buckets: Mapping[str, aws.s3.Bucket]
    """Data class -> primary bucket; the classes the service serves (:func:`indexed_classes`) are subscribed."""
    handler: str = "portal.aws_lambda.index_handler"
    """Entry point inside the service's code package."""
    log_retention_days: int = 1096
    """Retention of the function's log group (a CloudWatch Logs retention value)."""
    tags: Mapping[str, str] = field(default_factory=dict)
    """Tags for every taggable resource."""


class AwsRecordIndexer(pulumi.ComponentResource):
    """An indexing Lambda function, and per served bucket an invoke permission and the bucket notification."""

    function: aws.lambda_.Function
    """The indexer."""
    notifications: dict[str, aws.s3.BucketNotification]
    """Data class -> its bucket's notification configuration."""
    permissions: dict[str, aws.lambda_.Permission]
    """Data class -> the permission letting S3 invoke the indexer for that bucket only."""

    def __init__(self, name: str, args: AwsRecordIndexerArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:RecordIndexer", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        invoke = pulumi.InvokeOutputOptions(parent=self, provider=args.provider)
        account = aws.get_caller_identity_output(opts=invoke).account_id
        tags = dict(args.tags)
        portal = args.portal
        function_name = f"sovereign-{args.jurisdiction.lower()}-portal-indexer"
        logs = aws.cloudwatch.LogGroup(
            f"{name}-function-logs",
            name=f"/aws/lambda/{function_name}",
            retention_in_days=args.log_retention_days,
            kms_key_id=portal.log_key.arn,
            tags=tags,
            opts=child,
        )
        self.function = aws.lambda_.Function(
            f"{name}-function",
            name=function_name,
            description="sovereign-dc owner data service: index new record objects",
            runtime=RUNTIME,
            handler=args.handler,
            # The service's own package, role, network and environment: the indexer reads exactly what the
            # service reads (servable objects, the database secret) and nothing else.
            code=portal.code,
            role=portal.function_role.arn,
            memory_size=512,
            timeout=120,
            kms_key_arn=portal.environment_key.arn,
            vpc_config=aws.lambda_.FunctionVpcConfigArgs(
                subnet_ids=portal.subnet_ids, security_group_ids=[portal.function_security_group.id]
            ),
            logging_config=aws.lambda_.FunctionLoggingConfigArgs(log_format="JSON", log_group=logs.name),
            environment=aws.lambda_.FunctionEnvironmentArgs(variables=indexer_environment(portal.environment)),
            tags=tags,
            opts=pulumi.ResourceOptions.merge(child, pulumi.ResourceOptions(depends_on=[portal.function_grants])),
        )
        self.permissions, self.notifications = {}, {}
        for data_class in indexed_classes(args.buckets):
            bucket = args.buckets[data_class]
            role = f"{name}-{slug(data_class)}"
            # Only this bucket, in this account, may invoke the function (confused deputy: a bucket name
            # can move to another account, so the account is pinned as well).
            self.permissions[data_class] = aws.lambda_.Permission(
                f"{role}-invoke",
                action="lambda:InvokeFunction",
                function=self.function.name,
                principal=_S3_PRINCIPAL,
                source_arn=bucket.arn,
                source_account=account,
                opts=child,
            )
            # S3 checks that the function lets S3 invoke it when the configuration is saved, so the permission
            # comes first; the call replaces the bucket's whole configuration (hence one resource per bucket).
            # https://docs.amazonaws.cn/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
            self.notifications[data_class] = aws.s3.BucketNotification(
                f"{role}-notification",
                bucket=bucket.id,
                lambda_functions=notification_targets(data_class, self.function.arn),
                opts=pulumi.ResourceOptions.merge(
                    child, pulumi.ResourceOptions(depends_on=[self.permissions[data_class]])
                ),
            )
        self.register_outputs(
            {
                "functionName": self.function.name,
                "subscribedBuckets": {c: args.buckets[c].bucket for c in self.notifications},
            }
        )
