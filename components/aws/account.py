"""``AwsAccountHardening``: opt-in controls that change the whole AWS account (or a whole region of it).

They affect resources this stack does not own, so a stack turns them on explicitly
(``account_hardening`` in the stack file, docs/datacenter.md); one stack per account should own them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pulumi
import pulumi_aws as aws

__all__ = ["AwsAccountHardening", "AwsAccountHardeningArgs"]


@dataclass
class AwsAccountHardeningArgs:
    """Inputs of ``AwsAccountHardening``."""

    provider: aws.Provider
    """Pinned provider of the primary region (EBS defaults are per region)."""
    s3_public_access_block: bool = False
    """Block public access for every bucket of the account (S3 User Guide, "Blocking public access")."""
    ebs_encryption_by_default: bool = False
    """Encrypt every new EBS volume of the region (EC2 User Guide, "Encryption by default")."""
    disk_key: aws.kms.Key | None = None
    """Default EBS key of the region (the country's disk key); the AWS managed key when None."""


class AwsAccountHardening(pulumi.ComponentResource):
    """Account-level S3 public access block and region-level EBS encryption by default."""

    def __init__(self, name: str, args: AwsAccountHardeningArgs, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:aws:AccountHardening", name, {}, opts)
        child = pulumi.ResourceOptions(parent=self, provider=args.provider)
        if args.s3_public_access_block:
            aws.s3.AccountPublicAccessBlock(
                f"{name}-s3-public-access",
                block_public_acls=True,
                block_public_policy=True,
                ignore_public_acls=True,
                restrict_public_buckets=True,
                opts=child,
            )
        if args.ebs_encryption_by_default:
            aws.ebs.EncryptionByDefault(f"{name}-ebs-encryption", enabled=True, opts=child)
            if args.disk_key is not None:
                aws.ebs.DefaultKmsKey(f"{name}-ebs-default-key", key_arn=args.disk_key.arn, opts=child)
        self.register_outputs({})
