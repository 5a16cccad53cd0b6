"""``AlicloudAccountHardening``: opt-in controls that change a whole region of the Alibaba Cloud account.

Turned on explicitly (``account_hardening`` in the stack file, docs/datacenter.md): it affects disks this
stack does not own.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_alicloud as alicloud

__all__ = ["AlicloudAccountHardening", "AlicloudAccountHardeningArgs"]


@dataclass
class AlicloudAccountHardeningArgs:
    """Inputs of ``AlicloudAccountHardening``."""

    provider: alicloud.Provider
    """Pinned provider of the primary region."""
    ecs_disk_encryption_by_default: bool = False
    """Encrypt every new ECS disk of the region (ECS API EnableDiskEncryptionByDefault; available only in
    some regions and to some accounts, per its documentation)."""


class AlicloudAccountHardening(pulumi.ComponentResource):
    """Region-level ECS disk encryption by default."""

    def __init__(
        self, name: str, args: AlicloudAccountHardeningArgs, opts: pulumi.ResourceOptions | None = None
    ) -> None:
        super().__init__("sovereign:alicloud:AccountHardening", name, {}, opts)
        if args.ecs_disk_encryption_by_default:
            alicloud.ecs.DiskEncryptionByDefault(
                f"{name}-disk-encryption",
                encrypted=True,
                opts=pulumi.ResourceOptions(parent=self, provider=args.provider),
            )
        self.register_outputs({})
