"""``AwsCountryStorage``: one hardened S3 bucket per data class, replicated only inside the country."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.cloud_args import CountryStorageArgs
from components.naming import class_tags, slug

__all__ = ["AwsCountryStorage", "AwsCountryStorageArgs"]

# Regionless service principal: AWS uses the global form in every partition, aws-cn included.
_S3_PRINCIPAL = "s3.amazonaws.com"


@dataclass
class AwsCountryStorageArgs(CountryStorageArgs[aws.Provider, aws.kms.Key]):
    """Inputs of ``AwsCountryStorage`` (fields: ``CountryStorageArgs``; keys from ``AwsCountryKeys``)."""


class AwsCountryStorage(pulumi.ComponentResource):
    """Per data class: an SSE-KMS bucket with versioning, no public access, TLS only and retention."""

    buckets: dict[str, aws.s3.Bucket]
    """Data class -> primary bucket."""
    replica_buckets: dict[str, aws.s3.Bucket]
    """Data class -> replica bucket in the secondary region (empty without one)."""

    def __init__(self, name: str, args: AwsCountryStorageArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:CountryStorage", name, {}, opts)
        self.buckets = {}
        self.replica_buckets = {}
        for data_class, days in args.retention_days.items():
            base = f"{name}-{slug(data_class)}"
            tags = class_tags(args.tags, args.jurisdiction, data_class)
            bucket, versioning = self._bucket(base, args.keys[data_class], days, args.primary, tags)
            self.buckets[data_class] = bucket
            if args.secondary is not None:
                replica_key = args.replica_keys[data_class]
                replica, replica_versioning = self._bucket(f"{base}-replica", replica_key, days, args.secondary, tags)
                self.replica_buckets[data_class] = replica
                self._replicate(
                    base,
                    bucket,
                    args.keys[data_class],
                    replica,
                    replica_key,
                    args.primary,
                    [versioning, replica_versioning],
                    tags,
                )
        self.register_outputs(
            {
                "buckets": {c: b.bucket for c, b in self.buckets.items()},
                "replicaBuckets": {c: b.bucket for c, b in self.replica_buckets.items()},
            }
        )

    def _bucket(
        self, base: str, key: aws.kms.Key, days: int, provider: aws.Provider, tags: Mapping[str, str]
    ) -> tuple[aws.s3.Bucket, aws.s3.BucketVersioning]:
        child = pulumi.ResourceOptions(parent=self, provider=provider)
        bucket = aws.s3.Bucket(
            base,
            force_destroy=False,
            tags=dict(tags),
            # Data outlives the stack: a mistaken destroy must neither delete nor orphan-and-delete it.
            opts=pulumi.ResourceOptions(parent=self, provider=provider, protect=True, retain_on_delete=True),
        )
        versioning = aws.s3.BucketVersioning(
            f"{base}-versioning", bucket=bucket.id, versioning_configuration={"status": "Enabled"}, opts=child
        )
        aws.s3.BucketServerSideEncryptionConfiguration(
            f"{base}-encryption",
            bucket=bucket.id,
            rules=[
                {
                    "apply_server_side_encryption_by_default": {
                        "sse_algorithm": "aws:kms",
                        "kms_master_key_id": key.arn,
                    },
                    "bucket_key_enabled": True,
                }
            ],
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
        aws.s3.BucketPolicy(
            f"{base}-policy",
            bucket=bucket.id,
            policy=pulumi.Output.all(bucket.arn, key.arn).apply(lambda ak: _bucket_policy(ak[0], ak[1])),
            opts=child,
        )
        aws.s3.BucketLifecycleConfiguration(
            f"{base}-lifecycle",
            bucket=bucket.id,
            rules=[
                {
                    "id": "retention",
                    "status": "Enabled",
                    "filter": {},
                    "expiration": {"days": days},
                    "noncurrent_version_expiration": {"noncurrent_days": days},
                    "abort_incomplete_multipart_upload": {"days_after_initiation": 7},
                }
            ],
            opts=pulumi.ResourceOptions(parent=self, provider=provider, depends_on=[versioning]),
        )
        return bucket, versioning

    def _replicate(
        self,
        base: str,
        source: aws.s3.Bucket,
        source_key: aws.kms.Key,
        replica: aws.s3.Bucket,
        replica_key: aws.kms.Key,
        provider: aws.Provider,
        versionings: list[aws.s3.BucketVersioning],
        tags: Mapping[str, str],
    ) -> None:
        child = pulumi.ResourceOptions(parent=self, provider=provider)
        role = aws.iam.Role(
            f"{base}-replication-role",
            description="S3 replication to the in-country secondary region",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {"Effect": "Allow", "Principal": {"Service": _S3_PRINCIPAL}, "Action": "sts:AssumeRole"}
                    ],
                }
            ),
            tags=dict(tags),
            opts=child,
        )
        aws.iam.RolePolicy(
            f"{base}-replication-policy",
            role=role.id,
            policy=pulumi.Output.all(source.arn, replica.arn, source_key.arn, replica_key.arn).apply(
                lambda arns: _replication_policy(*arns)
            ),
            opts=child,
        )
        aws.s3.BucketReplicationConfig(
            f"{base}-replication",
            bucket=source.id,
            role=role.arn,
            rules=[
                {
                    "id": "in-country-replica",
                    "status": "Enabled",
                    "filter": {},
                    "delete_marker_replication": {"status": "Enabled"},
                    "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
                    "destination": {
                        "bucket": replica.arn,
                        "storage_class": "STANDARD",
                        "encryption_configuration": {"replica_kms_key_id": replica_key.arn},
                    },
                }
            ],
            opts=pulumi.ResourceOptions(parent=self, provider=provider, depends_on=versionings),
        )


def _bucket_policy(bucket_arn: str, key_arn: str) -> str:
    """Refuse plain HTTP and uploads that name any KMS key but the bucket's own."""
    statements: list[dict[str, Any]] = [
        {
            "Sid": "DenyInsecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": [bucket_arn, f"{bucket_arn}/*"],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        },
        {
            "Sid": "DenyOtherKmsKeys",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:PutObject",
            "Resource": f"{bucket_arn}/*",
            "Condition": {"StringNotEqualsIfExists": {"s3:x-amz-server-side-encryption-aws-kms-key-id": key_arn}},
        },
    ]
    return json.dumps({"Version": "2012-10-17", "Statement": statements})


def _replication_policy(source_arn: str, replica_arn: str, source_key_arn: str, replica_key_arn: str) -> str:
    """Least privilege for S3 replication between the two in-country buckets and their keys."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                    "Resource": source_arn,
                },
                {
                    "Effect": "Allow",
                    "Action": [
                        "s3:GetObjectVersionForReplication",
                        "s3:GetObjectVersionAcl",
                        "s3:GetObjectVersionTagging",
                    ],
                    "Resource": f"{source_arn}/*",
                },
                {
                    "Effect": "Allow",
                    "Action": ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                    "Resource": f"{replica_arn}/*",
                },
                {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": source_key_arn},
                {"Effect": "Allow", "Action": ["kms:Encrypt", "kms:GenerateDataKey"], "Resource": replica_key_arn},
            ],
        }
    )
