"""Pulumi programs building one compute component, shared by the component and deploy-control tests."""

from __future__ import annotations

from collections.abc import Callable

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

from components.alicloud import AlicloudCountryCompute, AlicloudCountryComputeArgs
from components.aws import AwsCountryCompute, AwsCountryComputeArgs


def aws_compute_program(instance_type: str, *, zones: int = 2, count: int = 1) -> Callable[[], None]:
    """A program building one ``AwsCountryCompute`` in Frankfurt with ``instance_type``."""

    def program() -> None:
        provider = aws.Provider("fra", region="eu-central-1")
        key = aws.kms.Key("disk", opts=pulumi.ResourceOptions(provider=provider))
        AwsCountryCompute(
            "c",
            AwsCountryComputeArgs(
                cidr="10.0.0.0/20",
                zones=zones,
                instance_type=instance_type,
                count=count,
                disk_gb=40,
                disk_key=key,
                provider=provider,
            ),
        )

    return program


def ali_compute_program(instance_type: str, disk: str) -> Callable[[], None]:
    """A program building one ``AlicloudCountryCompute`` in Shanghai with ``instance_type`` and ``disk``."""

    def program() -> None:
        provider = alicloud.Provider("sh", region="cn-shanghai")
        key = alicloud.kms.Key("disk", opts=pulumi.ResourceOptions(provider=provider))
        AlicloudCountryCompute(
            "a",
            AlicloudCountryComputeArgs(
                cidr="10.1.0.0/20",
                zones=2,
                instance_type=instance_type,
                count=1,
                disk_gb=40,
                disk_key=key,
                provider=provider,
                disk_category=disk,
            ),
        )

    return program
