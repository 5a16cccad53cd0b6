"""Every shipped stack, run as `pulumi up` would run __main__.py, under the realistic mocks.

Residency (every resource and provider in the jurisdiction), encryption (every bucket with the key of
its own country and data class), the security baseline (one table-driven test per control) and
protection of data stores and keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi
import pytest
from shipped import SHIPPED, clouds_of, config_of, run_stack, run_with_config
from shipped import settings as shipped_settings

from components.residency import load_catalogue
from components.residency.catalogue import Cloud
from components.testing import ProgramRun, ResourceRecord, Secret

DATA_CLASS_TAG = "sovereign:data-class"

S3_BUCKET = "aws:s3/bucket:Bucket"
KMS_KEY = "aws:kms/key:Key"
OSS_BUCKET = "alicloud:oss/bucket:Bucket"
ALI_KEY = "alicloud:kms/key:Key"


def run_edited_stack(stack: str, edit: Callable[[Any], None], *, raise_on_error: bool = False) -> ProgramRun:
    """The shipped program on a shipped stack whose ``sovereign-dc:datacenter`` settings ``edit`` changed."""
    config, secret_keys = config_of(stack)
    datacenter = json.loads(config["sovereign-dc:datacenter"])
    edit(datacenter)
    config["sovereign-dc:datacenter"] = json.dumps(datacenter)
    return run_with_config(stack, config, secret_keys, raise_on_error=raise_on_error)


def _is_access_log_bucket(bucket: ResourceRecord) -> bool:
    return bucket.inputs["tags"][DATA_CLASS_TAG] == "audit_logs" and "-audit-access-" in bucket.name


def _by_name(run: ProgramRun, token: str) -> dict[str, ResourceRecord]:
    return {r.name: r for r in run.by_type(token)}


@pytest.mark.parametrize("stack", SHIPPED)
def test_program_runs_and_exports(stack: str) -> None:
    run = run_stack(stack)
    assert run.ok, run.error
    assert run.outputs["jurisdiction"] == stack.upper()
    for cloud in clouds_of(stack):
        assert run.outputs[cloud]["buckets"], f"{cloud} exported no buckets"


@pytest.mark.parametrize("stack", SHIPPED)
def test_every_resource_and_provider_is_inside_the_jurisdiction(stack: str) -> None:
    jurisdiction = load_catalogue().get(stack)
    clouds: dict[str | None, Cloud] = {"aws": "aws", "alicloud": "alicloud"}
    cloud_records = [r for r in run_stack(stack).resources if r.cloud in clouds]
    assert cloud_records
    for record in cloud_records:
        assert record.region is not None, record.name
        assert jurisdiction.allows_region(clouds[record.cloud], record.region), (
            f"{record.type} {record.name} in {record.region}"
        )
        if record.type.startswith("pulumi:providers:"):
            assert record.inputs.get("region") == record.region, f"provider {record.name} is not pinned"
        else:
            assert record.provider, f"{record.name} uses a default provider"


@pytest.mark.parametrize("stack", SHIPPED)
def test_every_arn_is_in_the_jurisdictions_partition(stack: str) -> None:
    partitions = load_catalogue().get(stack).aws.partitions
    for record in run_stack(stack).resources:
        text = json.dumps({k: v for k, v in record.inputs.items() if not isinstance(v, Secret)}, default=str)
        for arn in (t for t in text.replace('"', " ").split() if t.startswith("arn:")):
            assert arn.split(":")[1] in partitions, f"{record.name}: {arn}"


@pytest.mark.parametrize("stack", SHIPPED)
def test_every_s3_bucket_uses_the_key_of_its_own_country_and_data_class(stack: str) -> None:
    if "aws" not in clouds_of(stack):
        pytest.skip("no AWS in this market")
    run = run_stack(stack)
    buckets = _by_name(run, S3_BUCKET)
    keys_by_arn = {k.outputs["arn"]: k for k in run.by_type(KMS_KEY)}
    configs = run.by_type("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
    assert len(configs) == len(buckets)
    for config in configs:
        bucket = buckets[config.name.removesuffix("-encryption")]
        assert config.inputs["bucket"] == bucket.id
        (rule,) = config.inputs["rules"]
        default = rule["applyServerSideEncryptionByDefault"]
        if _is_access_log_bucket(bucket):
            # S3 server access logs are delivered only to SSE-S3 buckets (S3 User Guide): the one exemption.
            assert default == {"sseAlgorithm": "AES256"}
            continue
        assert default["sseAlgorithm"] == "aws:kms"
        assert rule["bucketKeyEnabled"] is True
        key = keys_by_arn[default["kmsMasterKeyId"]]
        assert key.region == bucket.region
        assert key.inputs["tags"][DATA_CLASS_TAG] == bucket.inputs["tags"][DATA_CLASS_TAG]
        assert key.inputs["tags"]["sovereign:jurisdiction"] == stack.upper()


@pytest.mark.parametrize("stack", SHIPPED)
def test_every_oss_bucket_uses_the_key_of_its_own_country_and_data_class(stack: str) -> None:
    if "alicloud" not in clouds_of(stack):
        pytest.skip("no Alibaba Cloud in this market")
    run = run_stack(stack)
    keys_by_id = {k.id: k for k in run.by_type(ALI_KEY)}
    buckets = run.by_type(OSS_BUCKET)
    assert buckets
    for bucket in buckets:
        rule = bucket.inputs["serverSideEncryptionRule"]
        assert rule["sseAlgorithm"] == "KMS"
        key = keys_by_id[rule["kmsMasterKeyId"]]
        assert key.region == bucket.region
        assert key.inputs["tags"][DATA_CLASS_TAG] == bucket.inputs["tags"][DATA_CLASS_TAG]


@pytest.mark.parametrize("stack", SHIPPED)
def test_replication_targets_only_the_in_country_secondary(stack: str) -> None:
    settings = shipped_settings(stack)
    run = run_stack(stack)
    s3_buckets = {b.outputs["arn"]: b for b in run.by_type(S3_BUCKET)}
    keys = {k.outputs["arn"]: k for k in run.by_type(KMS_KEY)}
    s3_rules = run.by_type("aws:s3/bucketReplicationConfig:BucketReplicationConfig")
    aws_secondary = settings.clouds.aws.secondary if settings.clouds.aws else None
    # The audit class is not replicated: each region has its own audit buckets and trail.
    replicated = len([c for c in settings.data_classes if c != "audit_logs"])
    assert len(s3_rules) == (replicated if aws_secondary else 0)
    for config in s3_rules:
        (rule,) = config.inputs["rules"]
        destination = rule["destination"]
        assert s3_buckets[destination["bucket"]].region == aws_secondary
        assert keys[destination["encryptionConfiguration"]["replicaKmsKeyId"]].region == aws_secondary
    oss_rules = run.by_type("alicloud:oss/bucketReplication:BucketReplication")
    ali_secondary = settings.clouds.alicloud.secondary if settings.clouds.alicloud else None
    assert len(oss_rules) == (replicated if ali_secondary else 0)
    ali_keys = {k.id: k for k in run.by_type(ALI_KEY)}
    for config in oss_rules:
        assert config.inputs["destination"]["location"] == f"oss-{ali_secondary}"
        assert ali_keys[config.inputs["encryptionConfiguration"]["replicaKmsKeyId"]].region == ali_secondary


# -- the security baseline, one control per row ---------------------------------------------------


def _tls_only(policy: str) -> bool:
    statements = json.loads(policy)["Statement"]
    return any(
        s["Effect"] == "Deny" and s.get("Condition", {}).get("Bool", {}).get(k) in ("false", ["false"])
        for s in statements
        for k in ("aws:SecureTransport", "acs:SecureTransport")
    )


def _no_world_ingress(record: ResourceRecord) -> bool:
    return all("0.0.0.0/0" not in (rule.get("cidrBlocks") or []) for rule in record.inputs.get("ingress") or [])


def _no_world_egress(record: ResourceRecord) -> bool:
    return all("0.0.0.0/0" not in (rule.get("cidrBlocks") or []) for rule in record.inputs.get("egress") or [])


Control = Callable[[ResourceRecord], bool]
CONTROLS: list[tuple[str, str, str, Control]] = [
    (
        "s3-versioning",
        "aws",
        "aws:s3/bucketVersioning:BucketVersioning",
        lambda r: r.inputs["versioningConfiguration"]["status"] == "Enabled",
    ),
    (
        "s3-public-access-fully-blocked",
        "aws",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        lambda r: all(
            r.inputs[k] is True
            for k in ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")
        ),
    ),
    (
        "s3-owner-enforced",
        "aws",
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        lambda r: r.inputs["rule"]["objectOwnership"] == "BucketOwnerEnforced",
    ),
    ("s3-tls-only", "aws", "aws:s3/bucketPolicy:BucketPolicy", lambda r: _tls_only(r.inputs["policy"])),
    (
        "s3-lifecycle-expires",
        "aws",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        lambda r: r.inputs["rules"][0]["expiration"]["days"] >= 1 and r.inputs["rules"][0]["status"] == "Enabled",
    ),
    ("s3-no-force-destroy", "aws", S3_BUCKET, lambda r: r.inputs.get("forceDestroy") is False),
    (
        "kms-rotation",
        "aws",
        KMS_KEY,
        lambda r: r.inputs["enableKeyRotation"] is True and 90 <= r.inputs["rotationPeriodInDays"] <= 365,
    ),
    ("kms-deletion-window", "aws", KMS_KEY, lambda r: 7 <= r.inputs["deletionWindowInDays"] <= 30),
    (
        "kms-policy-own-account",
        "aws",
        KMS_KEY,
        lambda r: json.loads(r.inputs["policy"])["Statement"][0]["Principal"]["AWS"].endswith(
            ":iam::123456789012:root"
        ),
    ),
    ("vpc-subnets-private", "aws", "aws:ec2/subnet:Subnet", lambda r: r.inputs["mapPublicIpOnLaunch"] is False),
    ("sg-no-world-ingress", "aws", "aws:ec2/securityGroup:SecurityGroup", _no_world_ingress),
    ("sg-no-world-egress", "aws", "aws:ec2/securityGroup:SecurityGroup", _no_world_egress),
    (
        "ec2-imdsv2",
        "aws",
        "aws:ec2/instance:Instance",
        lambda r: r.inputs["metadataOptions"]["httpTokens"] == "required",
    ),
    ("ec2-no-public-ip", "aws", "aws:ec2/instance:Instance", lambda r: r.inputs["associatePublicIpAddress"] is False),
    (
        "ec2-disk-encrypted-with-country-key",
        "aws",
        "aws:ec2/instance:Instance",
        lambda r: (
            r.inputs["rootBlockDevice"]["encrypted"] is True
            and r.inputs["rootBlockDevice"]["kmsKeyId"].startswith(
                f"arn:aws{'-cn' if (r.region or '').startswith('cn-') else ''}:kms:{r.region}:"
            )
        ),
    ),
    (
        "vpc-endpoint-in-region",
        "aws",
        "aws:ec2/vpcEndpoint:VpcEndpoint",
        lambda r: f".{r.region}." in r.inputs["serviceName"],
    ),
    ("oss-versioning", "alicloud", OSS_BUCKET, lambda r: r.inputs["versioning"]["status"] == "Enabled"),
    (
        "oss-lifecycle-expires",
        "alicloud",
        OSS_BUCKET,
        lambda r: r.inputs["lifecycleRules"][0]["expirations"][0]["days"] >= 1,
    ),
    ("oss-private-acl", "alicloud", "alicloud:oss/bucketAcl:BucketAcl", lambda r: r.inputs["acl"] == "private"),
    (
        "oss-public-access-blocked",
        "alicloud",
        "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock",
        lambda r: r.inputs["blockPublicAccess"] is True,
    ),
    ("oss-tls-only", "alicloud", "alicloud:oss/bucketPolicy:BucketPolicy", lambda r: _tls_only(r.inputs["policy"])),
    (
        "alikms-rotation",
        "alicloud",
        ALI_KEY,
        lambda r: r.inputs["automaticRotation"] == "Enabled" and r.inputs["rotationInterval"].endswith("d"),
    ),
    ("alikms-deletion-window", "alicloud", ALI_KEY, lambda r: 7 <= r.inputs["pendingWindowInDays"] <= 30),
    ("alikms-deletion-protection", "alicloud", ALI_KEY, lambda r: r.inputs["deletionProtection"] == "Enabled"),
    (
        "ecs-sg-no-world-ingress",
        "alicloud",
        "alicloud:ecs/securityGroupRule:SecurityGroupRule",
        lambda r: r.inputs["type"] != "ingress" or r.inputs["cidrIp"] not in ("0.0.0.0/0", ""),
    ),
    (
        "ecs-no-public-ip",
        "alicloud",
        "alicloud:ecs/instance:Instance",
        lambda r: r.inputs["internetMaxBandwidthOut"] == 0,
    ),
    (
        "ecs-disk-encrypted",
        "alicloud",
        "alicloud:ecs/instance:Instance",
        lambda r: r.inputs["systemDiskEncrypted"] is True and bool(r.inputs["systemDiskKmsKeyId"]),
    ),
    ("ecs-imds-hardened", "alicloud", "alicloud:ecs/instance:Instance", lambda r: r.inputs["httpTokens"] == "required"),
]


def _uses_compute(stack: str, cloud: str) -> bool:
    compute = shipped_settings(stack).compute
    sizing = getattr(compute, cloud)
    return sizing is not None and sizing.count > 0


@pytest.mark.parametrize("stack", SHIPPED)
@pytest.mark.parametrize(("control", "cloud", "token", "holds"), CONTROLS, ids=[c[0] for c in CONTROLS])
def test_security_baseline(stack: str, control: str, cloud: str, token: str, holds: Control) -> None:
    if cloud not in clouds_of(stack):
        pytest.skip(f"no {cloud} in this market")
    records = run_stack(stack).by_type(token)
    compute_only = token.split(":")[1].split("/", maxsplit=1)[0] in ("ec2", "ecs")
    if compute_only and not _uses_compute(stack, cloud) and not records:
        pytest.skip(f"no {cloud} compute in this market")
    # A control that checks nothing proves nothing.
    assert records, f"no {token} registered"
    failing = [r.name for r in records if not holds(r)]
    assert not failing, f"{control} fails for {failing}"


@pytest.mark.parametrize("stack", SHIPPED)
def test_private_subnets_span_two_zones(stack: str) -> None:
    run = run_stack(stack)
    for token, zone_key in (("aws:ec2/subnet:Subnet", "availabilityZone"), ("alicloud:vpc/switch:Switch", "zoneId")):
        records = run.by_type(token)
        if records:
            assert len({r.inputs[zone_key] for r in records}) >= 2


@pytest.mark.parametrize("stack", SHIPPED)
def test_data_stores_and_keys_are_protected(stack: str) -> None:
    run = run_stack(stack)
    stores = [r for r in run.resources if r.type in (S3_BUCKET, KMS_KEY, OSS_BUCKET, ALI_KEY)]
    assert stores
    unprotected = [r.name for r in stores if not (r.protect and r.retain_on_delete)]
    assert not unprotected


@pytest.mark.parametrize("stack", SHIPPED)
def test_children_follow_the_component_conventions(stack: str) -> None:
    run = run_stack(stack)
    by_urn = {r.urn: r for r in run.resources}
    components = [r for r in run.resources if r.type.startswith("sovereign:")]
    assert components
    for record in run.resources:
        parent = by_urn.get(record.parent)
        if parent is not None and parent.type.startswith("sovereign:"):
            assert record.name.startswith(f"{parent.name}-"), f"{record.name} under {parent.name}"


def test_breakglass_contact_is_exported_as_a_secret() -> None:
    run = run_stack("cn")
    assert isinstance(run.outputs["breakglassContact"], Secret)
    assert "breakglassContact" not in run_stack("us").outputs


def test_bad_stack_config_fails_cleanly_without_a_traceback(tmp_path: Path) -> None:
    def foreign_secondary(datacenter: Any) -> None:
        datacenter["clouds"]["aws"]["secondary"] = "ap-east-1"

    run = run_edited_stack("cn", foreign_secondary)
    assert isinstance(run.error, pulumi.RunError)
    assert str(run.error) == (
        "stacks/Pulumi.cn.yaml: sovereign-dc:datacenter.clouds.aws.secondary: "
        "[RES-030] ap-east-1 is outside Mainland China (CN). "
        "Fix: use one of cn-north-1, cn-northwest-1"
    )
    assert not [r for r in run.resources if r.cloud is not None]


def test_outputs_name_what_operators_need() -> None:
    aws = run_stack("cn").outputs["aws"]
    assert aws["primaryRegion"] == "cn-north-1"
    assert aws["secondaryRegion"] == "cn-northwest-1"
    assert set(aws["keyArns"]) >= {"vehicle_telemetry", "camera_footage", "owner_personal_data"}
    assert all(arn.startswith("arn:aws-cn:kms:cn-north-1:") for arn in aws["keyArns"].values())
    assert len(aws["subnetIds"]) == 2
