"""The per-cloud components on their own, under the realistic mocks and the residency guard."""

from __future__ import annotations

import ipaddress
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pytest
from compute_programs import aws_compute_program

from components.alicloud import AlicloudCountryKeys, AlicloudCountryKeysArgs
from components.aws import (
    AwsCountryKeys,
    AwsCountryKeysArgs,
    AwsCountryStorage,
    AwsCountryStorageArgs,
)
from components.config.models import DataCenterConfig
from components.datacenter import CountryDataCenter, CountryDataCenterArgs, _alicloud_provider
from components.protection import NONCURRENT_GRACE_DAYS
from components.residency import ResidencyViolation, enforce, load_catalogue
from components.testing import MockSession


def _cn_keys(secondary: bool) -> tuple[AwsCountryKeys, aws.Provider, aws.Provider | None]:
    primary = aws.Provider("bj", region="cn-north-1")
    other = aws.Provider("nx", region="cn-northwest-1") if secondary else None
    keys = AwsCountryKeys(
        "k",
        AwsCountryKeysArgs(
            jurisdiction="CN",
            data_classes=["vehicle_telemetry", "camera_footage"],
            rotation_days=365,
            deletion_window_days=30,
            primary=primary,
            secondary=other,
        ),
    )
    return keys, primary, other


def test_keys_per_data_class_with_replicas_in_the_secondary_region(pulumi_mocks: MockSession) -> None:
    guard = enforce("CN", mode="audit")
    run = pulumi_mocks.run(lambda: _cn_keys(secondary=True))
    assert guard.findings == []
    keys = run.by_type("aws:kms/key:Key")
    assert {k.name for k in keys} == {
        "k-vehicle-telemetry",
        "k-camera-footage",
        "k-compute-disks",
        "k-vehicle-telemetry-replica",
        "k-camera-footage-replica",
    }
    assert {k.region for k in keys if k.name.endswith("-replica")} == {"cn-northwest-1"}
    assert {k.outputs["arn"].split(":")[1] for k in keys} == {"aws-cn"}
    policy = run.find("k-camera-footage").inputs["policy"]
    assert "arn:aws-cn:iam::123456789012:root" in policy
    aliases = {a.inputs["name"] for a in run.by_type("aws:kms/alias:Alias")}
    assert "alias/sovereign/cn/camera-footage" in aliases
    assert run.find("k").type == "sovereign:aws:CountryKeys"


def test_without_a_secondary_there_is_no_replica_and_no_replication(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        keys, primary, _ = _cn_keys(secondary=False)
        AwsCountryStorage(
            "s",
            AwsCountryStorageArgs(
                jurisdiction="CN",
                retention_days={"vehicle_telemetry": 90, "camera_footage": 30},
                keys=keys.keys,
                primary=primary,
            ),
        )

    run = pulumi_mocks.run(program)
    assert not [k for k in run.by_type("aws:kms/key:Key") if k.name.endswith("-replica")]
    assert len(run.by_type("aws:s3/bucket:Bucket")) == 2
    assert run.by_type("aws:s3/bucketReplicationConfig:BucketReplicationConfig") == ()
    lifecycle = run.find("s-camera-footage-lifecycle").inputs["rules"][0]
    assert lifecycle["expiration"]["days"] == 30
    assert lifecycle["noncurrentVersionExpiration"]["noncurrentDays"] == NONCURRENT_GRACE_DAYS


def test_components_pass_the_guard_in_raise_mode_and_a_foreign_provider_does_not(pulumi_mocks: MockSession) -> None:
    enforce("CN")
    run = pulumi_mocks.run(lambda: _cn_keys(secondary=True))
    assert run.ok
    with pytest.raises(ResidencyViolation, match="RES-001"):
        aws.Provider("tokyo", region="ap-northeast-1")


def test_compute_spreads_private_subnets_and_instances_over_zones(pulumi_mocks: MockSession) -> None:
    run = pulumi_mocks.run(aws_compute_program("m6i.large", zones=3, count=4))
    subnets = run.by_type("aws:ec2/subnet:Subnet")
    nets = [ipaddress.IPv4Network(s.inputs["cidrBlock"]) for s in subnets]
    assert len(nets) == 3
    assert all(n.subnet_of(ipaddress.IPv4Network("10.0.0.0/20")) for n in nets)
    assert not any(a.overlaps(b) for i, a in enumerate(nets) for b in nets[i + 1 :])
    assert {s.inputs["availabilityZone"] for s in subnets} == {"eu-central-1a", "eu-central-1b", "eu-central-1c"}
    instances = run.by_type("aws:ec2/instance:Instance")
    assert len({i.inputs["subnetId"] for i in instances}) == 3
    assert all(i.ignore_changes == ("ami",) for i in instances)
    endpoints = {e.inputs["serviceName"] for e in run.by_type("aws:ec2/vpcEndpoint:VpcEndpoint")}
    assert endpoints == {
        f"com.amazonaws.eu-central-1.{service}" for service in ("s3", "kms", "ssm", "ssmmessages", "ec2messages")
    }


def test_alicloud_keys_rotate_and_are_limited_to_the_account(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        AlicloudCountryKeys(
            "ak",
            AlicloudCountryKeysArgs(
                jurisdiction="CN",
                data_classes=["owner_personal_data"],
                rotation_days=180,
                deletion_window_days=14,
                primary=alicloud.Provider("sh", region="cn-shanghai"),
            ),
        )

    run = pulumi_mocks.run(program)
    key = run.find("ak-owner-personal-data")
    assert key.inputs["rotationInterval"] == "180d"
    assert key.inputs["pendingWindowInDays"] == 14
    assert "acs:ram::1234567890123456:*" in key.inputs["policy"]
    assert key.protect and key.retain_on_delete


def test_datacenter_refuses_a_region_outside_its_jurisdiction(pulumi_mocks: MockSession) -> None:
    config = DataCenterConfig.model_validate(
        {
            "clouds": {"aws": {"primary": "us-east-1"}},
            "data_classes": {"vehicle_telemetry": {"retention_days": 30}},
            "owners": ["ops@example.com"],
        }
    )
    with pytest.raises(ResidencyViolation, match=r"^\[RES-030\] .*aws region us-east-1 is outside CN") as caught:
        CountryDataCenter("dc", CountryDataCenterArgs(load_catalogue().get("CN"), config, "cn"))
    assert caught.value.path == "datacenter.clouds.aws.primary" and caught.value.value == "us-east-1"


# alired53b (stop 53): the stack file's `alicloud:accountType` reaches the platform's provider (an explicit provider
# reads no stack config by itself), so every door judges the hub services under it as under a provider naming the site:
# Cloud Config recording in CN is RES-016 for an International account, accepted for a Domestic one or an unnamed site.
# (lead, stop 54: its cases joined alired54's below, which pins the runner's variable either way, so none of them
# depends on the environment the tests run in.)
# alired54 (stop 54): a stack file naming no site takes the runner's ALIBABA_CLOUD_ACCOUNT_TYPE (the value
# pulumi-alicloud's `account_type` reads by default, from the environment this program shares with the provider
# plugin): the site becomes an input every door judges. The file's own value wins, as it does at the provider. Before,
# an International runner left a Config recorder on the platform's CN provider accepted (the first case passed empty).
@pytest.mark.parametrize(
    ("file_site", "env_site", "expected", "refused"),
    [
        (None, None, None, False),
        ("Domestic", None, "Domestic", False),
        (None, "International", "International", True),
        (None, "Domestic", "Domestic", False),
        ("Domestic", "International", "Domestic", False),
        ("International", None, "International", True),
    ],
)
def test_the_platform_alicloud_provider_carries_the_runners_account_type(
    pulumi_mocks: MockSession,
    stack_config: Any,
    monkeypatch: pytest.MonkeyPatch,
    file_site: str | None,
    env_site: str | None,
    expected: str,
    refused: bool,
) -> None:
    stack_config({"alicloud:accountType": file_site} if file_site else {})
    if env_site is None:
        monkeypatch.delenv("ALIBABA_CLOUD_ACCOUNT_TYPE", raising=False)
    else:
        monkeypatch.setenv("ALIBABA_CLOUD_ACCOUNT_TYPE", env_site)
    guard = enforce("CN", mode="audit")

    def program() -> None:
        provider = _alicloud_provider("sh", "cn-shanghai", {}, pulumi.ResourceOptions())
        alicloud.cfg.ConfigurationRecorder(
            "recorder", resource_types=["ACS::ECS::Instance"], opts=pulumi.ResourceOptions(provider=provider)
        )

    run = pulumi_mocks.run(program)
    assert run.find("sh").inputs.get("accountType") == expected
    assert [f.rule.id for f in guard.findings] == (["RES-016"] if refused else [])
