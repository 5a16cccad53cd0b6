"""``AlicloudCountryKeys``: one customer-managed Alibaba Cloud KMS key per data class, plus a disk key."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import pulumi
import pulumi_alicloud as alicloud

from components.cloud_args import CountryKeysArgs
from components.naming import class_tags, slug

__all__ = ["AlicloudCountryKeys", "AlicloudCountryKeysArgs"]


@dataclass
class AlicloudCountryKeysArgs(CountryKeysArgs[alicloud.Provider]):
    """Inputs of ``AlicloudCountryKeys`` (fields: ``CountryKeysArgs``)."""


class AlicloudCountryKeys(pulumi.ComponentResource):
    """Customer-managed keys usable only by RAM identities of the stack's own account."""

    keys: dict[str, alicloud.kms.Key]
    """Primary-region key per data class, plus ``DISK_KEY``."""
    replica_keys: dict[str, alicloud.kms.Key]
    """Secondary-region key per data class (empty without a secondary region)."""

    def __init__(self, name: str, args: AlicloudCountryKeysArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:alicloud:CountryKeys", name, {}, opts)
        self.keys, self.replica_keys = args.build_keys(functools.partial(self._key, name, args))
        self.register_outputs(
            {
                "keyIds": {c: k.id for c, k in self.keys.items()},
                "replicaKeyIds": {c: k.id for c, k in self.replica_keys.items()},
            }
        )

    def _key(
        self, name: str, args: AlicloudCountryKeysArgs, data_class: str, provider: alicloud.Provider, role: str
    ) -> alicloud.kms.Key:
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(parent=self, provider=provider)).id
        key = alicloud.kms.Key(
            f"{name}-{slug(data_class)}{role}",
            description=f"sovereign-dc {args.jurisdiction} {data_class}{role}",
            key_spec="Aliyun_AES_256",
            key_usage="ENCRYPT/DECRYPT",
            protection_level="SOFTWARE",
            automatic_rotation="Enabled",
            rotation_interval=f"{args.rotation_days}d",
            pending_window_in_days=args.deletion_window_days,
            deletion_protection="Enabled",
            deletion_protection_description="sovereign-dc: retire on purpose (docs/datacenter.md)",
            status="Enabled",
            policy=account.apply(_policy),
            tags=class_tags(args.tags, args.jurisdiction, data_class),
            # A key is the only way to read its data: a mistaken destroy must not schedule its deletion.
            opts=pulumi.ResourceOptions(parent=self, provider=provider, protect=True, retain_on_delete=True),
        )
        alicloud.kms.Alias(
            f"{name}-{slug(data_class)}{role}-alias",
            alias_name=f"alias/sovereign/{args.jurisdiction.lower()}/{slug(data_class)}",
            key_id=key.id,
            opts=pulumi.ResourceOptions(parent=self, provider=provider),
        )
        return key


def _policy(account: str) -> str:
    """Key policy: only RAM identities of this account may use or manage the key."""
    return json.dumps(
        {
            "Version": "1",
            "Statement": [
                {
                    "Sid": "AccountUsesKey",
                    "Effect": "Allow",
                    "Principal": {"RAM": [f"acs:ram::{account}:*"]},
                    "Action": ["kms:*"],
                    "Resource": ["*"],
                }
            ],
        }
    )
