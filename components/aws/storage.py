"""``AwsCountryStorage``: one hardened S3 bucket per data class, replicated only inside the country."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pulumi
import pulumi_aws as aws

from components.aws.buckets import hardened_bucket, tls_only_statement
from components.aws.iam import assume_role_policy
from components.cloud_args import CountryStorageArgs
from components.naming import class_tags, slug

__all__ = ["AwsCountryStorage", "AwsCountryStorageArgs"]

# Regionless service principal: AWS uses the global form in every partition, aws-cn included.
_S3_PRINCIPAL = "s3.amazonaws.com"


@dataclass
class AwsCountryStorageArgs(CountryStorageArgs[aws.Provider, aws.kms.Key]):
    """Inputs of ``AwsCountryStorage`` (fields: ``CountryStorageArgs``; keys from ``AwsCountryKeys``)."""


class AwsCountryStorage(pulumi.ComponentResource):
    """Per data class: an SSE-KMS bucket with versioning, no public access, TLS only, exact retention,
    Object Lock (write-once for the retention period) and server access logging."""

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
            bucket, versioning = self._bucket(
                base, args, data_class, args.keys[data_class], days, args.primary, args.access_log_bucket, tags
            )
            self.buckets[data_class] = bucket
            if args.secondary is not None:
                replica_key = args.replica_keys[data_class]
                replica, replica_versioning = self._bucket(
                    f"{base}-replica",
                    args,
                    data_class,
                    replica_key,
                    days,
                    args.secondary,
                    args.replica_access_log_bucket,
                    tags,
                )
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
        self,
        base: str,
        args: AwsCountryStorageArgs,
        data_class: str,
        key: aws.kms.Key,
        days: int,
        provider: aws.Provider,
        log_bucket: aws.s3.Bucket | None,
        tags: Mapping[str, str],
    ) -> tuple[aws.s3.Bucket, aws.s3.BucketVersioning]:
        made = hardened_bucket(
            self,
            base,
            provider,
            tags,
            days=days,
            key=key,
            lock_mode=args.lock_modes.get(data_class),
            policy_statements=lambda ident: _bucket_policy(ident.bucket_arn, ident.key_arn or ""),
        )
        if log_bucket is not None and data_class in args.access_logged:
            # Server access logs go to a bucket in the same region and account (S3 User Guide,
            # "Enabling Amazon S3 server access logging"); one prefix per bucket keeps them apart.
            aws.s3.BucketLogging(
                f"{base}-access-logging",
                bucket=made.bucket.id,
                target_bucket=log_bucket.id,
                target_prefix=f"s3-access/{slug(data_class)}/{'replica/' if base.endswith('-replica') else ''}",
                opts=pulumi.ResourceOptions(parent=self, provider=provider),
            )
        return made.bucket, made.versioning

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
            assume_role_policy=assume_role_policy(_S3_PRINCIPAL),
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


def _bucket_policy(bucket_arn: str, key_arn: str) -> list[dict[str, Any]]:
    """Refuse plain HTTP and uploads that name any KMS key but the bucket's own."""
    return [
        tls_only_statement(bucket_arn),
        {
            "Sid": "DenyOtherKmsKeys",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:PutObject",
            "Resource": f"{bucket_arn}/*",
            "Condition": {"StringNotEqualsIfExists": {"s3:x-amz-server-side-encryption-aws-kms-key-id": key_arn}},
        },
    ]


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
                        # Object Lock retention travels with the replica (S3 User Guide, "Replicating
                        # objects with Object Lock": the role needs GetObjectRetention/GetObjectLegalHold).
                        "s3:GetObjectRetention",
                        "s3:GetObjectLegalHold",
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
