"""The hardened S3 bucket every AWS component builds on (data classes and the audit trail alike).

Not a component: a helper that registers the bucket and its companion resources under the caller.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pulumi
import pulumi_aws as aws

from components.protection import MULTIPART_ABORT_DAYS, NONCURRENT_GRACE_DAYS

__all__ = ["HardenedBucket", "Identity", "exact_retention_rules", "hardened_bucket", "tls_only_statement"]


class Identity:
    """What a bucket policy is written from: the bucket, its key, the account and partition."""

    def __init__(self, bucket_arn: str, key_arn: str | None, account: str, partition: str) -> None:
        self.bucket_arn = bucket_arn
        self.key_arn = key_arn
        self.account = account
        self.partition = partition


class HardenedBucket:
    """A bucket and the resources later steps must depend on."""

    def __init__(self, bucket: aws.s3.Bucket, versioning: aws.s3.BucketVersioning, policy: aws.s3.BucketPolicy) -> None:
        self.bucket = bucket
        self.versioning = versioning
        self.policy = policy


def exact_retention_rules(days: int) -> list[Any]:
    """Lifecycle rules after which no byte is older than ``days + NONCURRENT_GRACE_DAYS``.

    With versioning an expiration only adds a delete marker (S3 User Guide, "Lifecycle configuration
    elements" / "Expiring objects"): noncurrent versions need their own expiration, expired delete
    markers their own rule (``ExpiredObjectDeleteMarker`` cannot share a rule with ``Days``), and
    incomplete multipart uploads are aborted.
    """
    return [
        {
            "id": "retention",
            "status": "Enabled",
            "filter": {},
            "expiration": {"days": days},
            "noncurrent_version_expiration": {"noncurrent_days": NONCURRENT_GRACE_DAYS},
            "abort_incomplete_multipart_upload": {"days_after_initiation": MULTIPART_ABORT_DAYS},
        },
        {
            "id": "expired-delete-markers",
            "status": "Enabled",
            "filter": {},
            "expiration": {"expired_object_delete_marker": True},
        },
    ]


def tls_only_statement(bucket_arn: str) -> dict[str, Any]:
    """Refuse plain HTTP (S3 User Guide, "Security best practices": aws:SecureTransport)."""
    return {
        "Sid": "DenyInsecureTransport",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": [bucket_arn, f"{bucket_arn}/*"],
        "Condition": {"Bool": {"aws:SecureTransport": "false"}},
    }


def hardened_bucket(
    parent: pulumi.Resource,
    base: str,
    provider: aws.Provider,
    tags: Mapping[str, str],
    *,
    days: int,
    key: aws.kms.Key | None,
    lock_mode: str | None,
    policy_statements: Callable[[Identity], list[dict[str, Any]]],
    depends_on: Sequence[pulumi.Resource] = (),
) -> HardenedBucket:
    """Versioned, private, owner-enforced bucket with exact retention, SSE-KMS with ``key`` (SSE-S3 when
    None: S3 server access logs can only be delivered to SSE-S3 buckets) and, with ``lock_mode``, Object
    Lock default retention of ``days`` so no version can be deleted before its time.

    ``policy_statements(identity)`` gives the bucket policy's statements.
    """
    child = pulumi.ResourceOptions(parent=parent, provider=provider)
    bucket = aws.s3.Bucket(
        base,
        force_destroy=False,
        # Object Lock can only be turned on at creation (S3 User Guide, "Configuring S3 Object Lock").
        object_lock_enabled=lock_mode is not None,
        tags=dict(tags),
        # Data outlives the stack: a mistaken destroy must neither delete nor orphan-and-delete it.
        opts=pulumi.ResourceOptions(parent=parent, provider=provider, protect=True, retain_on_delete=True),
    )
    versioning = aws.s3.BucketVersioning(
        f"{base}-versioning", bucket=bucket.id, versioning_configuration={"status": "Enabled"}, opts=child
    )
    default: Any = (
        {"sse_algorithm": "aws:kms", "kms_master_key_id": key.arn} if key is not None else {"sse_algorithm": "AES256"}
    )
    aws.s3.BucketServerSideEncryptionConfiguration(
        f"{base}-encryption",
        bucket=bucket.id,
        rules=[{"apply_server_side_encryption_by_default": default, "bucket_key_enabled": key is not None}],
        opts=child,
    )
    aws.s3.BucketPublicAccessBlock(
        f"{base}-public-access",
        bucket=bucket.id,
        block_public_acls=True,
        block_public_policy=True,
        ignore_public_acls=True,
        restrict_public_buckets=True,
        opts=child,
    )
    aws.s3.BucketOwnershipControls(
        f"{base}-ownership", bucket=bucket.id, rule={"object_ownership": "BucketOwnerEnforced"}, opts=child
    )
    invoke = pulumi.InvokeOutputOptions(parent=parent, provider=provider)
    account = aws.get_caller_identity_output(opts=invoke).account_id
    partition = aws.get_partition_output(opts=invoke).partition
    key_arn: pulumi.Output[str | None] = key.arn if key is not None else pulumi.Output.from_input(None)
    policy = aws.s3.BucketPolicy(
        f"{base}-policy",
        bucket=bucket.id,
        policy=pulumi.Output.all(bucket.arn, key_arn, account, partition).apply(
            lambda v: json.dumps({"Version": "2012-10-17", "Statement": policy_statements(Identity(*v))})
        ),
        opts=pulumi.ResourceOptions(parent=parent, provider=provider, depends_on=list(depends_on)),
    )
    if lock_mode is not None:
        # Default retention applies to every new version; COMPLIANCE cannot be shortened by anyone,
        # GOVERNANCE only with s3:BypassGovernanceRetention (S3 User Guide, "Object Lock retention modes").
        aws.s3.BucketObjectLockConfiguration(
            f"{base}-object-lock",
            bucket=bucket.id,
            object_lock_enabled="Enabled",
            rule={"default_retention": {"mode": lock_mode.upper(), "days": days}},
            opts=pulumi.ResourceOptions(parent=parent, provider=provider, depends_on=[versioning]),
        )
    aws.s3.BucketLifecycleConfiguration(
        f"{base}-lifecycle",
        bucket=bucket.id,
        rules=exact_retention_rules(days),
        opts=pulumi.ResourceOptions(parent=parent, provider=provider, depends_on=[versioning]),
    )
    return HardenedBucket(bucket, versioning, policy)
