"""``AwsCountryKeys``: one customer-managed KMS key per data class, plus a disk key for compute."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.cloud_args import CountryKeysArgs
from components.naming import DISK_KEY, class_tags, slug
from components.protection import AUDIT_LOGS

__all__ = ["DISK_KEY", "AwsCountryKeys", "AwsCountryKeysArgs", "customer_key"]


def customer_key(
    name: str,
    *,
    description: str,
    rotation_days: int,
    deletion_window_days: int,
    policy: pulumi.Input[str],
    tags: pulumi.Input[dict[str, str]],
    opts: pulumi.ResourceOptions,
) -> aws.kms.Key:
    """A symmetric customer managed KMS key for encryption, rotated every ``rotation_days``; every key of
    the toolkit is made here, so they all share these settings."""
    return aws.kms.Key(
        name,
        description=description,
        key_usage="ENCRYPT_DECRYPT",
        customer_master_key_spec="SYMMETRIC_DEFAULT",
        enable_key_rotation=True,
        rotation_period_in_days=rotation_days,
        deletion_window_in_days=deletion_window_days,
        policy=policy,
        tags=tags,
        opts=opts,
    )


@dataclass
class AwsCountryKeysArgs(CountryKeysArgs[aws.Provider]):
    """Inputs of ``AwsCountryKeys`` (fields: ``CountryKeysArgs``)."""


class AwsCountryKeys(pulumi.ComponentResource):
    """Customer-managed keys that only the stack's own account (in its own partition) may use."""

    keys: dict[str, aws.kms.Key]
    """Primary-region key per data class, plus ``DISK_KEY``."""
    replica_keys: dict[str, aws.kms.Key]
    """Secondary-region key per data class (empty without a secondary region)."""

    def __init__(self, name: str, args: AwsCountryKeysArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:CountryKeys", name, {}, opts)
        self.keys, self.replica_keys = args.build_keys(functools.partial(self._key, name, args))
        self.register_outputs(
            {
                "keyArns": {c: k.arn for c, k in self.keys.items()},
                "replicaKeyArns": {c: k.arn for c, k in self.replica_keys.items()},
            }
        )

    def _key(
        self, name: str, args: AwsCountryKeysArgs, data_class: str, provider: aws.Provider, role: str
    ) -> aws.kms.Key:
        invoke = pulumi.InvokeOutputOptions(parent=self, provider=provider)
        account = aws.get_caller_identity_output(opts=invoke).account_id
        partition = aws.get_partition_output(opts=invoke).partition
        audit = data_class == AUDIT_LOGS
        key = customer_key(
            f"{name}-{slug(data_class)}{role}",
            description=f"sovereign-dc {args.jurisdiction} {data_class}{role}",
            rotation_days=args.rotation_days,
            deletion_window_days=args.deletion_window_days,
            policy=pulumi.Output.all(partition, account).apply(lambda pa: _policy(pa[0], pa[1], audit=audit)),
            tags=class_tags(args.tags, args.jurisdiction, data_class),
            # A key is the only way to read its data: a mistaken destroy must not schedule its deletion.
            opts=pulumi.ResourceOptions(parent=self, provider=provider, protect=True, retain_on_delete=True),
        )
        aws.kms.Alias(
            f"{name}-{slug(data_class)}{role}-alias",
            name=f"alias/sovereign/{args.jurisdiction.lower()}/{slug(data_class)}",
            target_key_id=key.key_id,
            opts=pulumi.ResourceOptions(parent=self, provider=provider),
        )
        return key


def _audit_statements(partition: str, account: str) -> list[dict[str, object]]:
    """Let CloudTrail and VPC flow-log delivery encrypt into the audit bucket, for this account only.

    CloudTrail: "Configure AWS KMS key policies for CloudTrail" (GenerateDataKey* with the
    ``kms:EncryptionContext:aws:cloudtrail:arn`` condition, DescribeKey). Flow logs to an SSE-KMS bucket:
    "Publish flow logs to Amazon S3" (delivery.logs.amazonaws.com needs GenerateDataKey*, Encrypt...).
    """
    return [
        {
            "Sid": "CloudTrailEncryptsLogs",
            "Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"},
            "Action": "kms:GenerateDataKey*",
            "Resource": "*",
            "Condition": {
                "StringEquals": {"aws:SourceAccount": account},
                "StringLike": {
                    "kms:EncryptionContext:aws:cloudtrail:arn": f"arn:{partition}:cloudtrail:*:{account}:trail/*"
                },
            },
        },
        {
            # DescribeKey carries no encryption context, so it gets its own statement (same guide).
            "Sid": "CloudTrailDescribesKey",
            "Effect": "Allow",
            "Principal": {"Service": "cloudtrail.amazonaws.com"},
            "Action": "kms:DescribeKey",
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:SourceAccount": account}},
        },
        {
            "Sid": "FlowLogsEncryptLogs",
            "Effect": "Allow",
            "Principal": {"Service": "delivery.logs.amazonaws.com"},
            "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:SourceAccount": account}},
        },
    ]


def _policy(partition: str, account: str, *, audit: bool = False) -> str:
    """Key policy: the account administers the key; principals of any other account are refused.

    The audit key also lets the log-delivery services of this account encrypt with it.
    """
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Id": "sovereign-dc-key-policy",
            "Statement": [
                {
                    "Sid": "AccountAdministersKey",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:{partition}:iam::{account}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                },
                {
                    "Sid": "DenyOtherAccounts",
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "kms:*",
                    "Resource": "*",
                    "Condition": {
                        "StringNotEquals": {"aws:PrincipalAccount": account},
                        "Bool": {"aws:PrincipalIsAWSService": "false"},
                    },
                },
                *(_audit_statements(partition, account) if audit else []),
            ],
        }
    )
