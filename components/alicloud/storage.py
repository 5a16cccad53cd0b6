"""``AlicloudCountryStorage``: one hardened OSS bucket per data class, replicated only inside the country."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pulumi
import pulumi_alicloud as alicloud

from components.alicloud.ram import ROLE_NAME_LIMIT, assume_role_document
from components.cloud_args import CountryStorageArgs
from components.naming import class_tags, slug
from components.protection import MULTIPART_ABORT_DAYS, NONCURRENT_GRACE_DAYS

__all__ = ["AlicloudCountryStorage", "AlicloudCountryStorageArgs"]

# Regionless service principal of OSS (the same in every Alibaba Cloud region).
_OSS_PRINCIPAL = "oss.aliyuncs.com"


@dataclass
class AlicloudCountryStorageArgs(CountryStorageArgs[alicloud.Provider, alicloud.kms.Key]):
    """Inputs of ``AlicloudCountryStorage`` (fields: ``CountryStorageArgs``; keys from ``AlicloudCountryKeys``)."""

    secondary_region: str | None = field(default=None, kw_only=True)
    """Region id of ``secondary`` (OSS replication names its destination as ``oss-<region>``); by keyword only.
    Replication is set up only when both ``secondary`` and this are given."""


class AlicloudCountryStorage(pulumi.ComponentResource):
    """Per data class: an SSE-KMS OSS bucket, versioned, private, public access blocked, TLS only, exact
    retention, WORM retention policy and access logging."""

    buckets: dict[str, alicloud.oss.Bucket]
    """Data class -> primary bucket."""
    replica_buckets: dict[str, alicloud.oss.Bucket]
    """Data class -> replica bucket in the secondary region (empty without one)."""

    def __init__(self, name: str, args: AlicloudCountryStorageArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:alicloud:CountryStorage", name, {}, opts)
        self.buckets = {}
        self.replica_buckets = {}
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(parent=self, provider=args.primary)).id
        for data_class, days in args.retention_days.items():
            base = f"{name}-{slug(data_class)}"
            tags = class_tags(args.tags, args.jurisdiction, data_class)
            bucket = hardened_bucket(self, base, args.keys[data_class], days, args.primary, account, tags)
            self._lock_and_log(base, args, data_class, bucket, days, args.primary, args.access_log_bucket)
            self.buckets[data_class] = bucket
            if args.secondary is not None and args.secondary_region is not None:
                replica_key = args.replica_keys[data_class]
                replica = hardened_bucket(self, f"{base}-replica", replica_key, days, args.secondary, account, tags)
                self._lock_and_log(
                    f"{base}-replica", args, data_class, replica, days, args.secondary, args.replica_access_log_bucket
                )
                self.replica_buckets[data_class] = replica
                self._replicate(base, args, data_class, bucket, replica, args.secondary_region, tags)
        self.register_outputs(
            {
                "buckets": {c: b.bucket for c, b in self.buckets.items()},
                "replicaBuckets": {c: b.bucket for c, b in self.replica_buckets.items()},
            }
        )

    def _lock_and_log(
        self,
        base: str,
        args: AlicloudCountryStorageArgs,
        data_class: str,
        bucket: alicloud.oss.Bucket,
        days: int,
        provider: alicloud.Provider,
        log_bucket: alicloud.oss.Bucket | None,
    ) -> None:
        """WORM retention for ``days`` and server access logging into the region's audit bucket."""
        child = pulumi.ResourceOptions(parent=self, provider=provider)
        if data_class in args.lock_modes:
            # OSS retention policy (BucketWorm): no version can be deleted or overwritten for ``days``; a
            # locked policy cannot be shortened or removed (OSS User Guide, "Retention policies"). OSS has a
            # single, compliance-like mode: a ``governance`` class is stricter on OSS than on S3.
            alicloud.oss.BucketWorm(
                f"{base}-worm", bucket=bucket.bucket, retention_period_in_days=days, status="Locked", opts=child
            )
        if log_bucket is not None and data_class in args.access_logged:
            # Access logs go to a bucket in the same region (OSS User Guide, "Logging").
            alicloud.oss.BucketLogging(
                f"{base}-access-logging",
                bucket=bucket.bucket,
                target_bucket=log_bucket.bucket,
                target_prefix=f"oss-access/{slug(data_class)}/{'replica/' if base.endswith('-replica') else ''}",
                opts=child,
            )

    def _replicate(
        self,
        base: str,
        args: AlicloudCountryStorageArgs,
        data_class: str,
        source: alicloud.oss.Bucket,
        replica: alicloud.oss.Bucket,
        secondary_region: str,
        tags: Mapping[str, str],
    ) -> None:
        child = pulumi.ResourceOptions(parent=self, provider=args.primary)
        source_key, replica_key = args.keys[data_class], args.replica_keys[data_class]
        role_name = f"sovereign-{args.jurisdiction.lower()}-{slug(data_class)}-oss-replication"[:ROLE_NAME_LIMIT]
        role = alicloud.ram.Role(
            f"{base}-replication-role",
            role_name=role_name,
            description="OSS replication to the in-country secondary region",
            assume_role_policy_document=assume_role_document(_OSS_PRINCIPAL),
            tags=dict(tags),
            opts=child,
        )
        policy = alicloud.ram.Policy(
            f"{base}-replication-policy",
            policy_name=role_name,
            description="Least privilege for in-country OSS replication",
            policy_document=pulumi.Output.all(source.bucket, replica.bucket, source_key.arn, replica_key.arn).apply(
                lambda values: _replication_policy(*values)
            ),
            opts=child,
        )
        attachment = alicloud.ram.RolePolicyAttachment(
            f"{base}-replication-attachment",
            role_name=role.role_name,
            policy_name=policy.policy_name,
            policy_type="Custom",
            opts=child,
        )
        alicloud.oss.BucketReplication(
            f"{base}-replication",
            bucket=source.bucket,
            action="ALL",
            destination={"bucket": replica.bucket, "location": f"oss-{secondary_region}"},
            sync_role=role.role_name,
            historical_object_replication="enabled",
            encryption_configuration={"replica_kms_key_id": replica_key.id},
            source_selection_criteria={"sse_kms_encrypted_objects": {"status": "Enabled"}},
            opts=pulumi.ResourceOptions(parent=self, provider=args.primary, depends_on=[attachment]),
        )


def hardened_bucket(
    parent: pulumi.Resource,
    base: str,
    key: alicloud.kms.Key,
    days: int,
    provider: alicloud.Provider,
    account: pulumi.Output[str],
    tags: Mapping[str, str],
) -> alicloud.oss.Bucket:
    """A private SSE-KMS OSS bucket under ``parent``: versioned, exact retention, public access blocked, TLS only.

    The WORM lock and access logging are the caller's (their retention and log target differ)."""
    child = pulumi.ResourceOptions(parent=parent, provider=provider)
    bucket = alicloud.oss.Bucket(
        base,
        storage_class="Standard",
        redundancy_type="ZRS",
        force_destroy=False,
        versioning={"status": "Enabled"},
        server_side_encryption_rule={"sse_algorithm": "KMS", "kms_master_key_id": key.id},
        lifecycle_rules=exact_retention_rules(days),
        tags=dict(tags),
        # Data outlives the stack: a mistaken destroy must neither delete nor orphan-and-delete it.
        opts=pulumi.ResourceOptions(parent=parent, provider=provider, protect=True, retain_on_delete=True),
    )
    alicloud.oss.BucketAcl(f"{base}-acl", bucket=bucket.bucket, acl="private", opts=child)
    alicloud.oss.BucketPublicAccessBlock(
        f"{base}-public-access", bucket=bucket.bucket, block_public_access=True, opts=child
    )
    alicloud.oss.BucketPolicy(
        f"{base}-policy",
        bucket=bucket.bucket,
        policy=pulumi.Output.all(bucket.bucket, account).apply(lambda ba: _tls_only_policy(ba[0], ba[1])),
        opts=child,
    )
    return bucket


def _tls_only_policy(bucket: str, account: str) -> str:
    """Refuse every request that does not use HTTPS."""
    return json.dumps(
        {
            "Version": "1",
            "Statement": [
                {
                    "Sid": "DenyInsecureTransport",
                    "Effect": "Deny",
                    "Principal": ["*"],
                    "Action": ["oss:*"],
                    "Resource": [f"acs:oss:*:{account}:{bucket}", f"acs:oss:*:{account}:{bucket}/*"],
                    "Condition": {"Bool": {"acs:SecureTransport": ["false"]}},
                }
            ],
        }
    )


def _replication_policy(source: str, replica: str, source_key_arn: str, replica_key_arn: str) -> str:
    """OSS may read the source, write the replica and use exactly the two keys involved."""
    return json.dumps(
        {
            "Version": "1",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": ["oss:ReplicateList", "oss:ReplicateGet"],
                    "Resource": [f"acs:oss:*:*:{source}", f"acs:oss:*:*:{source}/*"],
                },
                {
                    "Effect": "Allow",
                    "Action": ["oss:ReplicateList", "oss:ReplicateGet", "oss:ReplicatePut", "oss:ReplicateDelete"],
                    "Resource": [f"acs:oss:*:*:{replica}", f"acs:oss:*:*:{replica}/*"],
                },
                {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": [source_key_arn]},
                {"Effect": "Allow", "Action": ["kms:Encrypt", "kms:GenerateDataKey"], "Resource": [replica_key_arn]},
            ],
        }
    )


def exact_retention_rules(days: int) -> list[Any]:
    """OSS lifecycle rules after which no byte is older than ``days + NONCURRENT_GRACE_DAYS``.

    With versioning, expiration only adds a delete marker (OSS User Guide, "Lifecycle rules based on the
    last modified time" with versioning): noncurrent versions expire on their own, expired delete markers
    are removed by their own rule, incomplete multipart uploads are aborted.
    """
    return [
        {
            "id": "retention",
            "enabled": True,
            "prefix": "",
            "expirations": [{"days": days}],
            "noncurrent_version_expirations": [{"days": NONCURRENT_GRACE_DAYS}],
            "abort_multipart_uploads": [{"days": MULTIPART_ABORT_DAYS}],
        },
        {
            "id": "expired-delete-markers",
            "enabled": True,
            "prefix": "",
            "expirations": [{"expired_object_delete_marker": True}],
        },
    ]
