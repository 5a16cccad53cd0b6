"""``AwsCountryKeys``: one customer-managed KMS key per data class, plus a disk key for compute."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

from components.cloud_args import CountryKeysArgs
from components.naming import DISK_KEY, class_tags, slug

__all__ = ["DISK_KEY", "AwsCountryKeys", "AwsCountryKeysArgs"]


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
        key = aws.kms.Key(
            f"{name}-{slug(data_class)}{role}",
            description=f"sovereign-dc {args.jurisdiction} {data_class}{role}",
            key_usage="ENCRYPT_DECRYPT",
            customer_master_key_spec="SYMMETRIC_DEFAULT",
            enable_key_rotation=True,
            rotation_period_in_days=args.rotation_days,
            deletion_window_in_days=args.deletion_window_days,
            policy=pulumi.Output.all(partition, account).apply(lambda pa: _policy(pa[0], pa[1])),
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


def _policy(partition: str, account: str) -> str:
    """Key policy: the account administers the key; principals of any other account are refused."""
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
            ],
        }
    )
