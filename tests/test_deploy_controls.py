"""Issue 10 controls, resource by resource, for every shipped stack (table-driven), plus the failure modes.

Exact retention, Object Lock / WORM, the in-country audit trail, the Alibaba KMS instance and disk
authorisation, partition-aware endpoint names, zone offerings, least privilege and account hardening.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pytest
from compute_programs import ali_compute_program, aws_compute_program
from shipped import ROOT, SHIPPED, clouds_of, review, run_stack
from shipped import settings as _settings
from test_stacks import run_edited_stack

from components.alicloud import (
    AlicloudCountryKeys,
    AlicloudCountryKeysArgs,
)
from components.aws.endpoints import endpoint_service_name
from components.config import load_stack_file
from components.config.models import AlicloudKmsInstance
from components.errors import ConfigError
from components.protection import MULTIPART_ABORT_DAYS, NONCURRENT_GRACE_DAYS, protection_of
from components.residency import load_catalogue
from components.testing import MockSession, ProgramRun, ResourceRecord, SovereignMocks

DATA_CLASS_TAG = "sovereign:data-class"
S3_BUCKET = "aws:s3/bucket:Bucket"
OSS_BUCKET = "alicloud:oss/bucket:Bucket"


def _protection(stack: str):  # type: ignore[no-untyped-def]
    return protection_of(stack.upper(), _settings(stack))


def _owner(run: ProgramRun, record: ResourceRecord, token: str, key: str = "bucket") -> ResourceRecord:
    """The bucket a bucket-child resource belongs to (by the bucket input)."""
    by_key = {(r.outputs.get("bucket") or r.id): r for r in run.by_type(token)}
    return by_key[record.inputs[key]]


# -- retention: the oldest byte is retention + grace, for every data-class bucket ----------------------


def _s3_max_age(rules: list[dict[str, Any]]) -> tuple[int, bool, int]:
    """(max age of any version, delete markers cleaned, multipart abort days) from S3 lifecycle rules."""
    current = [r for r in rules if r.get("expiration", {}).get("days")]
    (main,) = current
    markers = any(r.get("expiration", {}).get("expiredObjectDeleteMarker") is True for r in rules)
    age = main["expiration"]["days"] + main["noncurrentVersionExpiration"]["noncurrentDays"]
    return age, markers, main["abortIncompleteMultipartUpload"]["daysAfterInitiation"]


def _oss_max_age(rules: list[dict[str, Any]]) -> tuple[int, bool, int]:
    main = next(r for r in rules if any(e.get("days") for e in r.get("expirations") or []))
    markers = any(e.get("expiredObjectDeleteMarker") is True for r in rules for e in r.get("expirations") or [])
    age = main["expirations"][0]["days"] + main["noncurrentVersionExpirations"][0]["days"]
    return age, markers, main["abortMultipartUploads"][0]["days"]


def test_incomplete_multipart_uploads_are_aborted_after_exactly_one_day_on_s3_and_oss() -> None:
    # Pinned as a number, not as MULTIPART_ABORT_DAYS: comparing with the constant lets any change of it
    # pass. One day is the smallest S3 (DaysAfterInitiation) and OSS (AbortMultipartUpload Days) accept.
    run = run_stack("cn")
    lifecycles = run.by_type("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")
    s3 = [_s3_max_age(lc.inputs["rules"])[2] for lc in lifecycles]
    oss = [_oss_max_age(b.inputs["lifecycleRules"])[2] for b in run.by_type(OSS_BUCKET)]
    assert s3 and oss
    assert set(s3) == {1} and set(oss) == {1}
    assert MULTIPART_ABORT_DAYS == 1


@pytest.mark.parametrize("stack", SHIPPED)
def test_the_oldest_byte_is_retention_plus_the_documented_grace(stack: str) -> None:
    run = run_stack(stack)
    protection = _protection(stack)
    assert NONCURRENT_GRACE_DAYS <= 3 and MULTIPART_ABORT_DAYS <= NONCURRENT_GRACE_DAYS
    checked = 0
    for lifecycle in run.by_type("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"):
        bucket = _owner(run, lifecycle, S3_BUCKET)
        spec = protection[bucket.inputs["tags"][DATA_CLASS_TAG]]
        age, markers, abort = _s3_max_age(lifecycle.inputs["rules"])
        assert (age, markers, abort) == (spec.retention_days + NONCURRENT_GRACE_DAYS, True, MULTIPART_ABORT_DAYS)
        assert spec.max_age_days == age
        checked += 1
    for bucket in run.by_type(OSS_BUCKET):
        spec = protection[bucket.inputs["tags"][DATA_CLASS_TAG]]
        age, markers, abort = _oss_max_age(bucket.inputs["lifecycleRules"])
        assert (age, markers, abort) == (spec.retention_days + NONCURRENT_GRACE_DAYS, True, MULTIPART_ABORT_DAYS)
        checked += 1
    assert checked == len(run.by_type(S3_BUCKET)) + len(run.by_type(OSS_BUCKET))
    # The plan and operators see the same figure.
    for cloud in clouds_of(stack):
        shown = run.outputs[cloud]["dataProtection"]
        assert {c: v["maxAgeDays"] for c, v in shown.items()} == {c: p.max_age_days for c, p in protection.items()}


# -- backups that survive a mistake --------------------------------------------------------------------


@pytest.mark.parametrize("stack", SHIPPED)
def test_every_data_bucket_is_write_once_for_its_retention_in_country(stack: str) -> None:
    run = run_stack(stack)
    protection = _protection(stack)
    jurisdiction = load_catalogue().get(stack)
    locks = {
        _owner(run, r, S3_BUCKET).name: r
        for r in run.by_type("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration")
    }
    for bucket in run.by_type(S3_BUCKET):
        assert jurisdiction.allows_region("aws", bucket.region or "")
        if "-audit-access-" in bucket.name:
            # S3 refuses Object Lock default retention on a server-access-log target (docs/datacenter.md).
            assert bucket.name not in locks
            continue
        spec = protection[bucket.inputs["tags"][DATA_CLASS_TAG]]
        rule = locks[bucket.name].inputs["rule"]["defaultRetention"]
        assert bucket.inputs["objectLockEnabled"] is True
        assert rule == {"mode": spec.lock_mode.upper(), "days": spec.retention_days}
    worms = {_owner(run, r, OSS_BUCKET).name: r for r in run.by_type("alicloud:oss/bucketWorm:BucketWorm")}
    for bucket in run.by_type(OSS_BUCKET):
        spec = protection[bucket.inputs["tags"][DATA_CLASS_TAG]]
        worm = worms[bucket.name].inputs
        assert (worm["retentionPeriodInDays"], worm["status"]) == (spec.retention_days, "Locked")


@pytest.mark.parametrize("stack", SHIPPED)
def test_backups_stay_in_the_stack_regions_and_the_outputs_say_where(stack: str) -> None:
    settings = _settings(stack)
    run = run_stack(stack)
    for cloud in clouds_of(stack):
        regions = getattr(settings.clouds, cloud)
        expected = [r for r in (regions.primary, regions.secondary) if r]
        for spec in run.outputs[cloud]["dataProtection"].values():
            assert spec["backupRegions"] == expected
    if stack == "de":
        assert all(
            len(v["backupRegions"]) == 1 for c in clouds_of(stack) for v in run.outputs[c]["dataProtection"].values()
        )
    for policy in run.by_type("aws:dlm/lifecyclePolicy:LifecyclePolicy"):
        (schedule,) = policy.inputs["policyDetails"]["schedules"]
        assert not schedule.get("crossRegionCopyRules")
        assert schedule["retainRule"]["interval"] == settings.compute.aws.snapshot_retention_days
    for policy in run.by_type("alicloud:ecs/autoSnapshotPolicy:AutoSnapshotPolicy"):
        assert policy.inputs["enableCrossRegionCopy"] is False
    instances = run.by_type("alicloud:ecs/instance:Instance")
    attached = {
        a.inputs["diskId"]
        for a in run.by_type("alicloud:ecs/ecsAutoSnapshotPolicyAttachment:EcsAutoSnapshotPolicyAttachment")
    }
    assert attached == {i.outputs["systemDiskId"] for i in instances}


# -- the audit trail -----------------------------------------------------------------------------------


@pytest.mark.parametrize("stack", SHIPPED)
def test_the_audit_trail_records_data_events_into_an_in_country_locked_bucket(stack: str) -> None:
    run = run_stack(stack)
    settings = _settings(stack)
    jurisdiction = load_catalogue().get(stack)
    if "aws" in clouds_of(stack):
        trails = run.by_type("aws:cloudtrail/trail:Trail")
        regions = [r for r in (settings.clouds.aws.primary, settings.clouds.aws.secondary) if r]
        assert sorted(t.region or "" for t in trails) == sorted(regions)
        buckets = {b.id: b for b in run.by_type(S3_BUCKET)}
        keys = {k.outputs["arn"]: k for k in run.by_type("aws:kms/key:Key")}
        data_arns = {b.outputs["arn"] for b in buckets.values() if b.inputs["tags"][DATA_CLASS_TAG] != "audit_logs"}
        logged: set[str] = set()
        for trail in trails:
            target = buckets[trail.inputs["s3BucketName"]]
            assert target.inputs["tags"][DATA_CLASS_TAG] == "audit_logs" and target.inputs["objectLockEnabled"]
            assert jurisdiction.allows_region("aws", target.region or "")
            key = keys[trail.inputs["kmsKeyId"]]
            assert key.inputs["tags"][DATA_CLASS_TAG] == "audit_logs" and key.region == target.region
            assert trail.inputs["enableLogFileValidation"] is True and trail.inputs["isMultiRegionTrail"] is False
            for selector in trail.inputs["advancedEventSelectors"]:
                for field in selector["fieldSelectors"]:
                    if field["field"] == "resources.ARN":
                        logged |= {arn.rstrip("/") for arn in field["startsWiths"]}
        assert logged == data_arns
        for key in keys.values():
            sids = {s.get("Sid") for s in json.loads(key.inputs["policy"])["Statement"]}
            is_audit = key.inputs["tags"][DATA_CLASS_TAG] == "audit_logs"
            assert ({"CloudTrailEncryptsLogs", "FlowLogsEncryptLogs"} <= sids) == is_audit, key.name
        access = run.by_type("aws:s3/bucketLogging:BucketLogging")
        assert {_owner(run, a, S3_BUCKET).outputs["arn"] for a in access} == data_arns
        for entry in access:
            source, target = _owner(run, entry, S3_BUCKET), buckets[entry.inputs["targetBucket"]]
            assert target.region == source.region and target.inputs["tags"][DATA_CLASS_TAG] == "audit_logs"
        flow = run.by_type("aws:ec2/flowLog:FlowLog")
        assert len(flow) == (1 if settings.compute.aws else 0)
        for log in flow:
            assert log.inputs["logDestinationType"] == "s3"
            assert log.inputs["logDestination"] in {
                b.outputs["arn"]
                for b in buckets.values()
                if b.inputs["objectLockEnabled"] and b.inputs["tags"][DATA_CLASS_TAG] == "audit_logs"
            }
    if "alicloud" in clouds_of(stack):
        regions = [r for r in (settings.clouds.alicloud.primary, settings.clouds.alicloud.secondary) if r]
        trails = run.by_type("alicloud:actiontrail/trail:Trail")
        assert sorted(t.inputs["trailRegion"] for t in trails) == sorted(regions)
        oss = {b.id: b for b in run.by_type(OSS_BUCKET)}
        for trail in trails:
            target = oss[trail.inputs["ossBucketName"]]
            assert target.inputs["tags"][DATA_CLASS_TAG] == "audit_logs"
            assert jurisdiction.allows_region("alicloud", target.region or "")
        flows = run.by_type("alicloud:vpc/flowLog:FlowLog")
        assert len(flows) == (1 if settings.compute.alicloud else 0)
        stores = {s.inputs["logstoreName"]: s for s in run.by_type("alicloud:log/store:Store")}
        for flow_log in flows:
            store = stores[flow_log.inputs["logStoreName"]]
            assert store.region == flow_log.region == settings.clouds.alicloud.primary
            assert store.inputs["retentionPeriod"] == _protection(stack)["audit_logs"].retention_days
        logging = run.by_type("alicloud:oss/bucketLogging:BucketLogging")
        data = {b.id for b in oss.values() if b.inputs["tags"][DATA_CLASS_TAG] != "audit_logs"}
        assert {entry.inputs["bucket"] for entry in logging} == data
        for entry in logging:
            assert oss[entry.inputs["targetBucket"]].region == oss[entry.inputs["bucket"]].region


# -- Alibaba Cloud KMS instance and the disk authorisation ---------------------------------------------


@pytest.mark.parametrize("stack", SHIPPED)
def test_every_alibaba_key_is_bound_to_a_kms_instance_of_its_region(stack: str) -> None:
    if "alicloud" not in clouds_of(stack):
        pytest.skip("no Alibaba Cloud in this market")
    run = run_stack(stack)
    settings = _settings(stack)
    instances = {i.id: i for i in run.by_type("alicloud:kms/instance:Instance")}
    regions = [r for r in (settings.clouds.alicloud.primary, settings.clouds.alicloud.secondary) if r]
    assert sorted(i.region or "" for i in instances.values()) == sorted(regions)
    sizing = settings.keys.alicloud_instance
    for instance in instances.values():
        assert (instance.inputs["spec"], instance.inputs["keyNum"], instance.inputs["productVersion"]) == (
            sizing.spec,
            sizing.key_num,
            "3",
        )
        assert instance.protect and instance.retain_on_delete
        assert (instance.inputs["renewStatus"], instance.inputs["period"] % 12) == ("AutoRenewal", 0)
    for key in run.by_type("alicloud:kms/key:Key"):
        assert instances[key.inputs["dkmsInstanceId"]].region == key.region
        assert json.loads(key.inputs["policy"])["Statement"]
        assert key.inputs["rotationInterval"] == f"{settings.keys.rotation_days}d"
    disk_keys = [k for k in run.by_type("alicloud:kms/key:Key") if k.inputs["tags"][DATA_CLASS_TAG] == "compute_disks"]
    roles = [
        r for r in run.by_type("alicloud:ram/role:Role") if r.inputs["roleName"] == "AliyunECSDiskEncryptDefaultRole"
    ]
    has_compute = settings.compute.alicloud is not None
    assert (len(disk_keys), len(roles)) == ((1, 1) if has_compute else (0, 0))
    if has_compute:
        attachment = next(
            a for a in run.by_type("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment") if "disk-encrypt" in a.name
        )
        for ecs in run.by_type("alicloud:ecs/instance:Instance"):
            assert attachment.urn in ecs.dependencies
            assert ecs.inputs["systemDiskKmsKeyId"] == disk_keys[0].id


def test_a_kms_instance_too_small_for_the_keys_is_a_config_error(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        AlicloudCountryKeys(
            "ak",
            AlicloudCountryKeysArgs(
                jurisdiction="CN",
                data_classes=["owner_personal_data"] * 101,
                rotation_days=180,
                deletion_window_days=14,
                primary=alicloud.Provider("sh", region="cn-shanghai"),
                kms_instance=AlicloudKmsInstance(key_num=100),
            ),
        )

    with pytest.raises(
        ConfigError, match=r"keys\.alicloud_instance\.key_num: 100 is fewer than the 102 keys .* Fix: set"
    ):
        pulumi_mocks.run(program)


# -- endpoint names, zones ---------------------------------------------------------------------------

ENDPOINT_NAMES = [
    ("cn-north-1", "s3", "Gateway", "com.amazonaws.cn-north-1.s3"),
    ("cn-north-1", "kms", "Interface", "com.amazonaws.cn-north-1.kms"),
    ("cn-north-1", "ssm", "Interface", "com.amazonaws.cn-north-1.ssm"),
    ("cn-north-1", "sts", "Interface", "cn.com.amazonaws.cn-north-1.sts"),
    ("cn-northwest-1", "ec2", "Interface", "cn.com.amazonaws.cn-northwest-1.ec2"),
    ("eu-central-1", "sts", "Interface", "com.amazonaws.eu-central-1.sts"),
    ("us-east-1", "s3", "Gateway", "com.amazonaws.us-east-1.s3"),
]


@pytest.mark.parametrize(("region", "service", "kind", "expected"), ENDPOINT_NAMES)
def test_endpoint_service_names_follow_the_partition(
    pulumi_mocks: MockSession, region: str, service: str, kind: str, expected: str
) -> None:
    seen: list[str] = []

    def program() -> None:
        provider = aws.Provider("p", region=region)
        name = endpoint_service_name(service, kind, pulumi.InvokeOutputOptions(provider=provider))
        aws.ec2.VpcEndpoint(
            "e",
            vpc_id="vpc-1",
            vpc_endpoint_type=kind,
            service_name=name,
            opts=pulumi.ResourceOptions(provider=provider),
        )
        name.apply(seen.append)

    run = pulumi_mocks.run(program)
    assert run.find("e").inputs["serviceName"] == expected == seen[0]


@pytest.mark.parametrize("stack", SHIPPED)
def test_no_endpoint_service_name_is_hard_coded(stack: str) -> None:
    for endpoint in run_stack(stack).by_type("aws:ec2/vpcEndpoint:VpcEndpoint"):
        assert endpoint.inputs["serviceName"], endpoint.name
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "components" / "aws").glob("*.py"))
    assert '"com.amazonaws.' not in source and 'f"com.amazonaws' not in source


@pytest.mark.parametrize(
    ("program", "message"),
    [
        (
            aws_compute_program("x9z.large"),
            r"compute\.aws\.zones: x9z\.large is offered in 0 zone\(s\) .* Fix: choose",
        ),
        (
            ali_compute_program("ecs.zz9.large", "cloud_essd"),
            r"compute\.alicloud\.zones: ecs\.zz9\.large with cloud_essd disks is offered in 0 zone",
        ),
        (
            ali_compute_program("ecs.g7.large", "cloud_auto"),
            r"ecs\.g7\.large with cloud_auto disks is offered in 0 zone",
        ),
    ],
    ids=["aws-type", "alicloud-type", "alicloud-disk"],
)
def test_a_size_not_offered_in_enough_zones_is_a_clear_config_error(
    pulumi_mocks: MockSession, program: Callable[[], None], message: str
) -> None:
    with pytest.raises(pulumi.RunError, match=message) as raised:
        pulumi_mocks.run(program)
    assert isinstance(raised.value, ConfigError)


def test_offered_zones_are_used(pulumi_mocks: MockSession) -> None:
    run = pulumi_mocks.run(ali_compute_program("ecs.g7.large", "cloud_essd"))
    assert {s.inputs["zoneId"] for s in run.by_type("alicloud:vpc/switch:Switch")} == {"cn-shanghai-a", "cn-shanghai-b"}


# -- least privilege, table-driven ----------------------------------------------------------------------


def _endpoint_scoped(r: ResourceRecord) -> bool:
    if r.inputs["serviceName"].rsplit(".", 1)[-1] not in ("s3", "kms"):
        return True
    (statement,) = json.loads(r.inputs["policy"])["Statement"]
    region = r.region or ""
    return bool(
        statement["Condition"]["StringEquals"]["aws:ResourceAccount"] == "123456789012"
        and statement["Resource"].startswith(f"arn:aws{'-cn' if region.startswith('cn-') else ''}:")
    )


def _role_policy_scoped(r: ResourceRecord) -> bool:
    statements = json.loads(r.inputs["policy"])["Statement"]
    wildcard_action = any(
        a.endswith(":*") for s in statements for a in ([s["Action"]] if isinstance(s["Action"], str) else s["Action"])
    )
    resources = [r for s in statements for r in ([s["Resource"]] if isinstance(s["Resource"], str) else s["Resource"])]
    return not wildcard_action and all(_resource_scoped(resource) for resource in resources)


def _resource_scoped(resource: str) -> bool:
    """No wildcard but a trailing ``/*``; inside a named S3 bucket the object-key pattern may hold more
    (the owner portal reads only ``<bucket>/<class>/*.anonymised.*`` of some classes)."""
    if ":s3:::" in resource:
        bucket, _, _key = resource.partition("/")
        return "*" not in bucket
    return "*" not in resource.replace("/*", "")


def _ali_egress_closed(run: ProgramRun) -> bool:
    rules = [r for r in run.by_type("alicloud:ecs/securityGroupRule:SecurityGroupRule") if r.inputs["type"] == "egress"]
    groups = {r.inputs["securityGroupId"] for r in run.by_type("alicloud:ecs/securityGroupRule:SecurityGroupRule")}
    for group in groups:
        mine = [r for r in rules if r.inputs["securityGroupId"] == group]
        drops = [r for r in mine if r.inputs["policy"] == "drop" and r.inputs["cidrIp"] == "0.0.0.0/0"]
        accepts = [r for r in mine if r.inputs["policy"] == "accept"]
        if not drops or any(a.inputs["cidrIp"] == "0.0.0.0/0" for a in accepts):
            return False
        if min(d.inputs["priority"] for d in drops) <= max(a.inputs["priority"] for a in accepts):
            return False
    return bool(groups)


PRIVILEGE: list[tuple[str, str, str, Callable[[ResourceRecord], bool]]] = [
    ("endpoint-policy-own-account", "aws", "aws:ec2/vpcEndpoint:VpcEndpoint", _endpoint_scoped),
    ("ssm-endpoints", "aws", "aws:ec2/vpcEndpoint:VpcEndpoint", lambda r: True),
    ("ec2-instance-profile", "aws", "aws:ec2/instance:Instance", lambda r: bool(r.inputs.get("iamInstanceProfile"))),
    ("instance-role-scoped", "aws", "aws:iam/rolePolicy:RolePolicy", _role_policy_scoped),
    ("ecs-ram-role", "alicloud", "alicloud:ecs/instance:Instance", lambda r: bool(r.inputs.get("roleName"))),
    (
        "ecs-ram-policy-scoped",
        "alicloud",
        "alicloud:ram/policy:Policy",
        lambda r: all(
            "acs:oss:*:*:*" not in json.dumps(s["Resource"])
            for s in json.loads(r.inputs["policyDocument"])["Statement"]
        ),
    ),
]


@pytest.mark.parametrize("stack", SHIPPED)
@pytest.mark.parametrize(("control", "cloud", "token", "holds"), PRIVILEGE, ids=[c[0] for c in PRIVILEGE])
def test_least_privilege(
    stack: str, control: str, cloud: str, token: str, holds: Callable[[ResourceRecord], bool]
) -> None:
    settings = _settings(stack)
    if cloud not in clouds_of(stack) or getattr(settings.compute, cloud) is None:
        pytest.skip(f"no {cloud} compute in this market")
    run = run_stack(stack)
    records = run.by_type(token)
    assert records, f"no {token} registered"
    assert not [r.name for r in records if not holds(r)]
    if control == "ssm-endpoints":
        suffixes = {r.inputs["serviceName"].rsplit(".", 1)[-1] for r in records}
        assert {"ssm", "ssmmessages", "ec2messages"} <= suffixes


@pytest.mark.parametrize("stack", SHIPPED)
def test_alibaba_security_groups_deny_all_other_egress(stack: str) -> None:
    if "alicloud" not in clouds_of(stack) or _settings(stack).compute.alicloud is None:
        pytest.skip("no Alibaba Cloud compute in this market")
    assert _ali_egress_closed(run_stack(stack))


# -- account hardening (opt-in) and categories -----------------------------------------------------------


@pytest.mark.parametrize("stack", SHIPPED)
def test_account_hardening_is_built_only_where_the_stack_file_opts_in(stack: str) -> None:
    flags = _settings(stack).account_hardening
    run = run_stack(stack)
    expected = {
        "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": flags.s3_public_access_block
        and "aws" in clouds_of(stack),
        "aws:ebs/encryptionByDefault:EncryptionByDefault": flags.ebs_encryption_by_default
        and "aws" in clouds_of(stack),
        "alicloud:ecs/diskEncryptionByDefault:DiskEncryptionByDefault": flags.ecs_disk_encryption_by_default
        and "alicloud" in clouds_of(stack),
    }
    for token, wanted in expected.items():
        assert bool(run.by_type(token)) == wanted, token
    for block in run.by_type("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock"):
        assert all(
            block.inputs[k] is True
            for k in ("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")
        )
    assert any(expected.values()) == (stack in ("cn", "de"))


@pytest.mark.parametrize("stack", SHIPPED)
def test_categories_drive_lock_modes_and_are_exported(stack: str) -> None:
    run = run_stack(stack)
    for cloud in clouds_of(stack):
        shown = run.outputs[cloud]["dataProtection"]
        assert "audit_logs" in shown
        for data_class, spec in _protection(stack).items():
            assert shown[data_class]["category"] == spec.category
            assert shown[data_class]["lockMode"] == (spec.lock_mode if cloud == "aws" else "worm")
    for cloud in clouds_of(stack):
        trail = run.outputs[cloud]["auditTrail"]
        assert trail["flowLogs"] == (getattr(_settings(stack).compute, cloud) is not None)
    if stack == "cn":
        assert run.outputs["aws"]["dataProtection"]["camera_footage"]["category"] == "important"
        assert run.outputs["aws"]["dataProtection"]["camera_footage"]["lockMode"] == "compliance"


def test_a_stack_file_override_changes_the_lock_mode(tmp_path: Path) -> None:
    text = (
        (ROOT / "stacks" / "Pulumi.us.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "owner_personal_data: {retention_days: 1825}",
            "owner_personal_data: {retention_days: 1825, category: important, object_lock_mode: governance}",
        )
    )
    (tmp_path / "Pulumi.us.yaml").write_text(text, encoding="utf-8")
    spec = protection_of("US", load_stack_file(tmp_path / "Pulumi.us.yaml").datacenter)["owner_personal_data"]
    assert (spec.category, spec.lock_mode) == ("important", "governance")


# -- the plan shows it ---------------------------------------------------------------------------------


def test_the_plan_shows_categories_max_age_backups_and_the_audit_trail() -> None:
    # The shared plans rendered as `python -m components.plan --stack de` / `--format json` renders them
    # (tests/test_plan_cli.py drives the command line itself).
    import jsonschema

    from components.plan.render_json import render_json
    from components.plan.render_text import render_text

    de = review("de")
    assert de.exit_code == 0
    text = render_text(de)
    assert "  aws  vehicle_telemetry  sensitive_personal · 365d · max 366d · compliance lock in eu-central-1 " in text
    assert "(single region: backups stay in it)" in text
    assert "  alicloud  owner_personal_data  personal · 1095d · max 1096d · worm lock in eu-central-1" in text
    assert "audit trail (aws): CloudTrail (management + S3 data events, log file validation), VPC flow logs" in text
    cn_plan = review("cn")
    assert cn_plan.exit_code == 0
    document = json.loads(render_json(cn_plan))
    schema = json.loads((ROOT / "components" / "plan" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema, cls=jsonschema.Draft202012Validator)
    (cn,) = document["stacks"]
    rows = {(d["cloud"], d["data_class"]): d for d in cn["data_protection"]}
    assert rows[("aws", "camera_footage")] == {
        "cloud": "aws",
        "data_class": "camera_footage",
        "category": "important",
        "retention_days": 30,
        "max_age_days": 30 + NONCURRENT_GRACE_DAYS,
        "lock_mode": "compliance",
        "access_logging": True,
        "backup_regions": ["cn-north-1", "cn-northwest-1"],
    }
    assert {t["cloud"]: t["regions"] for t in cn["audit_trails"]} == {
        "alicloud": ["cn-shanghai", "cn-beijing"],
        "aws": ["cn-north-1", "cn-northwest-1"],
    }


# -- the mocks answer the new invokes per region, and refuse what the region does not offer ---------------

MOCK_ANSWERS = [
    (
        "aws:ec2/getVpcEndpointService:getVpcEndpointService",
        {"serviceName": "com.amazonaws.cn-north-1.kms", "serviceType": "Interface"},
        "cn-north-1",
        {"serviceName": "com.amazonaws.cn-north-1.kms"},
    ),
    (
        "aws:ec2/getVpcEndpointService:getVpcEndpointService",
        {"serviceName": "cn.com.amazonaws.cn-north-1.kms", "serviceType": "Interface"},
        "cn-north-1",
        {},
    ),
    (
        "aws:ec2/getVpcEndpointService:getVpcEndpointService",
        {"serviceName": "com.amazonaws.cn-north-1.sts", "serviceType": "Interface"},
        "cn-north-1",
        {},
    ),
    (
        "aws:ec2/getVpcEndpointService:getVpcEndpointService",
        {"serviceName": "com.amazonaws.eu-central-1.s3", "serviceType": "Gateway"},
        "eu-central-1",
        {"serviceName": "com.amazonaws.eu-central-1.s3"},
    ),
    (
        "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
        {"locationType": "availability-zone", "filters": [{"name": "instance-type", "values": ["m6i.large"]}]},
        "cn-northwest-1",
        {"locations": ["cn-northwest-1a", "cn-northwest-1b", "cn-northwest-1c"]},
    ),
    (
        "aws:ec2/getInstanceTypeOfferings:getInstanceTypeOfferings",
        {"locationType": "availability-zone", "filters": [{"name": "instance-type", "values": ["zz1.large"]}]},
        "us-east-1",
        {"locations": []},
    ),
    (
        "alicloud:index/getZones:getZones",
        {"availableInstanceType": "ecs.g7.large", "availableDiskCategory": "cloud_essd"},
        "cn-beijing",
        {"ids": ["cn-beijing-a", "cn-beijing-b", "cn-beijing-c"]},
    ),
    (
        "alicloud:index/getZones:getZones",
        {"availableInstanceType": "ecs.g7.large", "availableDiskCategory": "ephemeral"},
        "cn-beijing",
        {"ids": []},
    ),
]


@pytest.mark.parametrize(("token", "args", "region", "expected"), MOCK_ANSWERS)
def test_mocks_answer_per_region(token: str, args: dict[str, Any], region: str, expected: dict[str, Any]) -> None:
    from pulumi.runtime.mocks import MockCallArgs

    mocks = SovereignMocks()
    cloud = token.split(":", 1)[0]
    result, location = mocks.call_located(
        MockCallArgs(token, {**args, "region" if cloud == "aws" else "regionId": region}, "")
    )
    assert location.region == region
    assert {k: result.get(k) for k in expected} == expected if expected else result == {}


def test_a_whole_stack_with_an_unoffered_instance_type_fails_with_one_clear_line() -> None:
    def unoffered_instance_type(datacenter: Any) -> None:
        datacenter["compute"]["alicloud"]["instance_type"] = "ecs.zz9.large"

    run = run_edited_stack("jp", unoffered_instance_type)
    assert isinstance(run.error, pulumi.RunError)
    assert str(run.error) == (
        "stacks/Pulumi.jp.yaml: sovereign-dc:datacenter.compute.alicloud.zones: ecs.zz9.large with cloud_essd disks "
        "is offered in 0 zone(s) of this region (none) but `zones` asks for 2. Fix: choose an instance type offered "
        "in at least two zones of this region (alicloud.get_zones(available_instance_type=..., "
        "available_disk_category=...))"
    )
    assert isinstance(run.error, ConfigError), "the plan reports it as a config error"
    assert not run.by_type("alicloud:ecs/instance:Instance")


def _camel(value: object) -> object:
    """snake_case keys -> camelCase, as the engine hands inputs to the mocks."""
    if isinstance(value, dict):
        return {"".join(w.title() if i else w for i, w in enumerate(k.split("_"))): _camel(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_camel(v) for v in value]
    return value


@pytest.mark.parametrize("cloud", ["aws", "alicloud"])
def test_retention_rules_bound_the_age_of_every_byte_for_any_retention(cloud: str) -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from components.alicloud.storage import exact_retention_rules as oss_rules
    from components.aws.buckets import exact_retention_rules as s3_rules

    @given(st.integers(min_value=1, max_value=3650))
    def check(days: int) -> None:
        if cloud == "aws":
            age, markers, abort = _s3_max_age(_camel(s3_rules(days)))  # type: ignore[arg-type]
        else:
            age, markers, abort = _oss_max_age(_camel(oss_rules(days)))  # type: ignore[arg-type]
        assert (age, markers, abort) == (days + NONCURRENT_GRACE_DAYS, True, MULTIPART_ABORT_DAYS)

    check()
