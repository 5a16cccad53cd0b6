"""``AlicloudCountryKeys``: one customer-managed Alibaba Cloud KMS key per data class, plus a disk key."""

from __future__ import annotations

import functools
import json
import operator
from dataclasses import dataclass, field

import pulumi
import pulumi_alicloud as alicloud

from components.alicloud.ram import assume_role_document
from components.cloud_args import CountryKeysArgs
from components.config.models import AlicloudKmsInstance
from components.errors import ConfigError
from components.naming import DISK_KEY, class_tags, slug
from components.network import subnet_cidrs

__all__ = ["AlicloudCountryKeys", "AlicloudCountryKeysArgs"]


@dataclass
class AlicloudCountryKeysArgs(CountryKeysArgs[alicloud.Provider]):
    """Inputs of ``AlicloudCountryKeys`` (fields: ``CountryKeysArgs``)."""

    kms_instance: AlicloudKmsInstance = field(default_factory=AlicloudKmsInstance, kw_only=True)
    """Size of the KMS instance created in each region (by keyword only)."""


# ECS encrypts a disk with a customer key by assuming this role (ECS User Guide, "Encrypt cloud disks":
# the AliyunECSDiskEncryptDefaultRole authorisation). Its name is fixed by ECS, one per account.
DISK_ENCRYPT_ROLE = "AliyunECSDiskEncryptDefaultRole"
_ECS_PRINCIPAL = "ecs.aliyuncs.com"


class AlicloudCountryKeys(pulumi.ComponentResource):
    """Customer-managed keys usable only by RAM identities of the stack's own account."""

    keys: dict[str, alicloud.kms.Key]
    """Primary-region key per data class, plus ``DISK_KEY``."""
    replica_keys: dict[str, alicloud.kms.Key]
    """Secondary-region key per data class (empty without a secondary region)."""
    instances: dict[str, alicloud.kms.Instance]
    """``primary`` / ``secondary`` -> the KMS instance every key of that region is bound to."""
    disk_encryption_role: alicloud.ram.RolePolicyAttachment | None
    """The ECS disk-encryption authorisation (only with a disk key); instances depend on it."""

    def __init__(self, name: str, args: AlicloudCountryKeysArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:alicloud:CountryKeys", name, {}, opts)
        needed = len(args.data_classes) + (1 if args.disk_key else 0)
        if args.kms_instance.key_num < needed:
            raise ConfigError(
                "sovereign-dc:datacenter",
                "keys.alicloud_instance.key_num",
                f"{args.kms_instance.key_num} is fewer than the {needed} keys this stack creates per region",
                f"set keys.alicloud_instance.key_num to at least {needed}",
            )
        self.instances = {"primary": self._instance(f"{name}-instance", args, args.primary)}
        if args.secondary is not None:
            self.instances["secondary"] = self._instance(f"{name}-instance-replica", args, args.secondary)
        self.keys, self.replica_keys = args.build_keys(functools.partial(self._key, name, args))
        self.disk_encryption_role = (
            self._disk_encryption_role(name, args, self.keys[DISK_KEY]) if DISK_KEY in self.keys else None
        )
        self.register_outputs(
            {
                "keyIds": {c: k.id for c, k in self.keys.items()},
                "replicaKeyIds": {c: k.id for c, k in self.replica_keys.items()},
                "kmsInstanceIds": {r: i.id for r, i in self.instances.items()},
            }
        )

    def _instance(self, base: str, args: AlicloudCountryKeysArgs, provider: alicloud.Provider) -> alicloud.kms.Instance:
        """A dedicated KMS instance (KMS 3.0, software keys) in its own small VPC, two zones.

        Without an instance, ``alicloud.kms.Key`` creates a region's "default key": no key policy and a
        fixed rotation (``alicloud.kms.Key`` docs: ``dkms_instance_id``, ``policy``). ``alicloud.kms.Instance``
        requires a VPC, zones and vSwitches in those zones.
        """
        child = pulumi.ResourceOptions(parent=self, provider=provider)
        sizing = args.kms_instance
        vpc = alicloud.vpc.Network(
            f"{base}-vpc", vpc_name=f"{base}-vpc", cidr_block=sizing.cidr, tags=dict(args.tags), opts=child
        )
        zones = alicloud.get_zones_output(
            available_resource_creation="VSwitch", opts=pulumi.InvokeOutputOptions(parent=self, provider=provider)
        ).ids
        switches = [
            alicloud.vpc.Switch(
                f"{base}-{index}",
                vswitch_name=f"{base}-{index}",
                vpc_id=vpc.id,
                cidr_block=cidr,
                zone_id=zones.apply(operator.itemgetter(index)),
                tags=dict(args.tags),
                opts=child,
            )
            for index, cidr in enumerate(subnet_cidrs(sizing.cidr, 2))
        ]
        return alicloud.kms.Instance(
            base,
            instance_name=base,
            product_version="3",
            payment_type="Subscription",
            # Subscription in whole years, renewed automatically: a lapsed instance takes every key offline.
            period=12,
            renew_status="AutoRenewal",
            renew_period=12,
            spec=sizing.spec,
            key_num=sizing.key_num,
            secret_num=sizing.secret_num,
            vpc_num=sizing.vpc_num,
            vpc_id=vpc.id,
            zone_ids=[s.zone_id for s in switches],
            vswitch_ids=[s.id for s in switches],
            deletion_protection=True,
            tags=dict(args.tags),
            # The keys live in the instance: a mistaken destroy must not release it.
            opts=pulumi.ResourceOptions(parent=self, provider=provider, protect=True, retain_on_delete=True),
        )

    def _disk_encryption_role(
        self, name: str, args: AlicloudCountryKeysArgs, disk_key: alicloud.kms.Key
    ) -> alicloud.ram.RolePolicyAttachment:
        """``AliyunECSDiskEncryptDefaultRole``, trusted by ECS, allowed exactly the disk key."""
        child = pulumi.ResourceOptions(parent=self, provider=args.primary)
        role = alicloud.ram.Role(
            f"{name}-disk-encrypt-role",
            role_name=DISK_ENCRYPT_ROLE,
            description="ECS encrypts instance disks with the sovereign-dc disk key",
            assume_role_policy_document=assume_role_document(_ECS_PRINCIPAL),
            opts=child,
        )
        policy = alicloud.ram.Policy(
            f"{name}-disk-encrypt-policy",
            policy_name=f"sovereign-{args.jurisdiction.lower()}-ecs-disk-encrypt",
            description="ECS disk encryption with the disk key only",
            policy_document=disk_key.arn.apply(
                lambda arn: json.dumps(
                    {
                        "Version": "1",
                        "Statement": [
                            {
                                "Effect": "Allow",
                                "Action": ["kms:DescribeKey", "kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
                                "Resource": [arn],
                            }
                        ],
                    }
                )
            ),
            opts=child,
        )
        return alicloud.ram.RolePolicyAttachment(
            f"{name}-disk-encrypt-attachment",
            role_name=role.role_name,
            policy_name=policy.policy_name,
            policy_type="Custom",
            opts=child,
        )

    def _key(
        self, name: str, args: AlicloudCountryKeysArgs, data_class: str, provider: alicloud.Provider, role: str
    ) -> alicloud.kms.Key:
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(parent=self, provider=provider)).id
        instance = self.instances["secondary" if role else "primary"]
        key = alicloud.kms.Key(
            f"{name}-{slug(data_class)}{role}",
            description=f"sovereign-dc {args.jurisdiction} {data_class}{role}",
            key_spec="Aliyun_AES_256",
            key_usage="ENCRYPT/DECRYPT",
            # Bound to the instance, so the policy and the rotation below take effect (default keys ignore both).
            dkms_instance_id=instance.id,
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
