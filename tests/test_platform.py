"""Vehicle ingest and the owner data service (issue 12 infrastructure), under the realistic mocks.

Every shipped stack that enables them runs as `pulumi up` would (guard in raise mode): one row per
security or residency control, per resource; then the components alone under the guard, the config
refusals (pinned messages), and the Alibaba forwarder's object layout.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pulumi
import pulumi_aws as aws
import pytest
from hypothesis import given
from hypothesis import strategies as st
from shipped import ROOT, SHIPPED, review, run_stack
from shipped import settings as _settings

from components.aws.ingest import AwsVehicleIngest, AwsVehicleIngestArgs
from components.config import build_stack_config, stack_file_to_pulumi_config
from components.config.models import DataCenterConfig
from components.config.services import load_services
from components.errors import ConfigError
from components.residency import enforce, load_catalogue
from components.residency.catalogue import Cloud
from components.testing import MockSession, ProgramRun, ResourceRecord, SovereignMocks

STACKS = SHIPPED
THING = "${iot:Connection.Thing.ThingName}"
DATA_CLASS_TAG = "sovereign:data-class"


def _enabled(feature: str) -> list[tuple[str, str]]:
    """(stack, cloud) pairs whose stack file enables ``feature`` on ``cloud``."""
    pairs = []
    for stack in STACKS:
        block = getattr(_settings(stack), feature)
        pairs += [(stack, cloud) for cloud in (block.clouds if block else [])]
    return pairs


INGEST = _enabled("ingest")
PORTAL = _enabled("portal")


def _under(run: ProgramRun, component: str) -> list[ResourceRecord]:
    """Every resource below the component named ``component`` (children and their children)."""
    by_urn = {r.urn: r for r in run.resources}
    found = []
    for record in run.resources:
        parent = by_urn.get(record.parent)
        while parent is not None:
            if parent.name == component:
                found.append(record)
                break
            parent = by_urn.get(parent.parent)
    return found


def test_the_cn_stack_enables_ingest_and_portal_on_both_clouds() -> None:
    assert ("cn", "aws") in INGEST and ("cn", "alicloud") in INGEST
    assert ("cn", "aws") in PORTAL and ("cn", "alicloud") in PORTAL


@pytest.mark.parametrize(
    ("feature", "stack", "cloud"),
    [("ingest", *p) for p in INGEST] + [("portal", *p) for p in PORTAL],
    ids=[f"ingest-{s}-{c}" for s, c in INGEST] + [f"portal-{s}-{c}" for s, c in PORTAL],
)
def test_every_ingest_and_portal_resource_is_in_country_on_a_pinned_provider(
    feature: str, stack: str, cloud: Cloud
) -> None:
    run = run_stack(stack)
    assert run.ok, run.error
    jurisdiction = load_catalogue().get(stack)
    records = [r for r in _under(run, f"dc-{cloud}-{feature}") if r.cloud is not None]
    assert len(records) >= 5, f"{feature} on {cloud} built only {len(records)} resources"
    for record in records:
        assert record.region is not None and jurisdiction.allows_region(cloud, record.region), record.name
        assert record.provider, f"{record.name} uses a default provider"


# -- AWS ingest, one control per row -----------------------------------------------------------------


def _policy(record: ResourceRecord, key: str = "policy") -> dict[str, Any]:
    policy: dict[str, Any] = json.loads(record.inputs[key])
    return policy


def _statements(record: ResourceRecord, key: str = "policy") -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = _policy(record, key)["Statement"]
    return statements


def _listed(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def _connect_bound_to_thing(run: ProgramRun, r: ResourceRecord) -> bool:
    (connect,) = [s for s in _statements(r) if s["Action"] == "iot:Connect"]
    return (
        connect["Resource"].endswith(f":client/{THING}")
        and connect["Condition"]["Bool"]["iot:Connection.Thing.IsAttached"] == "true"
        and bool(connect["Condition"]["StringEquals"]["iot:Connection.Thing.ThingTypeName"])
    )


def _publish_own_topics(run: ProgramRun, r: ResourceRecord) -> bool:
    (publish,) = [s for s in _statements(r) if s["Action"] == "iot:Publish"]
    return all(res.endswith(f"/{THING}") and "*" not in res for res in _listed(publish["Resource"]))


def _bucket_of(run: ProgramRun, name: str) -> ResourceRecord:
    (bucket,) = [b for b in run.by_type("aws:s3/bucket:Bucket") if b.outputs["bucket"] == name]
    return bucket


def _rule_files_by_layout(run: ProgramRun, r: ResourceRecord) -> bool:
    (action,) = r.inputs["s3"]
    bucket = _bucket_of(run, action["bucketName"])
    data_class = bucket.inputs["tags"][DATA_CLASS_TAG]
    return bool(
        action["key"]
        == (f'{data_class}/${{topic(3)}}/${{parse_time("yyyy-MM-dd", timestamp(), "UTC")}}/${{newuuid()}}.json')
        and r.inputs["sql"].endswith("/+'")
    )


def _error_action_in_country(run: ProgramRun, r: ResourceRecord) -> bool:
    error = r.inputs["errorAction"]["s3"]
    (action,) = r.inputs["s3"]
    return (
        error["bucketName"] == action["bucketName"]
        and error["key"].startswith("_ingest_errors/")
        and _bucket_of(run, error["bucketName"]).region == r.region
    )


def _rules_role_scoped(run: ProgramRun, r: ResourceRecord) -> bool:
    if not r.name.endswith("-ingest-rules-policy"):
        return True
    write, encrypt = _statements(r)
    return (
        write["Action"] == "s3:PutObject"
        and all(res.count("/") >= 2 and res.endswith("/*") for res in write["Resource"])
        and encrypt["Condition"]["StringEquals"]["kms:ViaService"] == f"s3.{r.region}.{_dns(r.region or '')}"
    )


def _dns(region: str) -> str:
    partition = load_catalogue().partition_of(region)
    assert partition is not None
    return partition.dns_suffix


def _trust_confined(run: ProgramRun, r: ResourceRecord) -> bool:
    if not r.name.endswith("-ingest-rules-role"):
        return True
    (statement,) = _statements(r, "assumeRolePolicy")
    return (
        statement["Principal"] == {"Service": "iot.amazonaws.com"}
        and statement["Condition"]["StringEquals"]["aws:SourceAccount"] == "123456789012"
        and f":iot:{r.region}:" in statement["Condition"]["ArnLike"]["aws:SourceArn"]
    )


Control = Callable[[ProgramRun, ResourceRecord], bool]
AWS_INGEST: list[tuple[str, str, Control]] = [
    ("iot-connect-bound-to-thing", "aws:iot/policy:Policy", _connect_bound_to_thing),
    ("iot-publish-own-topics-only", "aws:iot/policy:Policy", _publish_own_topics),
    ("rule-files-data-class-vin-day", "aws:iot/topicRule:TopicRule", _rule_files_by_layout),
    ("rule-errors-stay-in-country", "aws:iot/topicRule:TopicRule", _error_action_in_country),
    ("rule-sql-2016", "aws:iot/topicRule:TopicRule", lambda run, r: r.inputs["sqlVersion"] == "2016-03-23"),
    ("rules-role-least-privilege", "aws:iam/rolePolicy:RolePolicy", _rules_role_scoped),
    ("rules-role-confused-deputy", "aws:iam/role:Role", _trust_confined),
]


def _assert_control(stack: str, component: str, control: str, token: str, holds: Control) -> None:
    """Every ``token`` resource under ``component`` in ``stack`` exists and satisfies ``holds``."""
    run = run_stack(stack)
    records = [r for r in _under(run, component) if r.type == token]
    assert records, f"no {token} in {component}"
    failing = [r.name for r in records if not holds(run, r)]
    assert not failing, f"{control} fails for {failing}"


@pytest.mark.parametrize(("stack", "cloud"), [p for p in INGEST if p[1] == "aws"])
@pytest.mark.parametrize(("control", "token", "holds"), AWS_INGEST, ids=[c[0] for c in AWS_INGEST])
def test_aws_ingest_controls(stack: str, cloud: str, control: str, token: str, holds: Control) -> None:
    _assert_control(stack, "dc-aws-ingest", control, token, holds)


@pytest.mark.parametrize(("stack", "cloud"), [p for p in INGEST if p[1] == "aws"])
def test_aws_ingest_has_one_rule_per_route_and_an_in_country_ats_endpoint(stack: str, cloud: str) -> None:
    run, settings = run_stack(stack), _settings(stack)
    rules = {r.inputs["name"]: r for r in run.by_type("aws:iot/topicRule:TopicRule")}
    code = stack.lower()
    assert set(rules) == {f"sovereign_{code}_{t}" for t in settings.ingest.routes}
    region = settings.clouds.aws.primary
    partition = load_catalogue().partition_of(region)
    assert partition is not None
    endpoint = run.outputs["aws"]["ingest"]["endpoint"]
    assert endpoint.endswith(f"-ats.iot.{region}.{partition.dns_suffix}")


# -- AWS portal ----------------------------------------------------------------------------------------


def _stack_of(run: ProgramRun) -> str:
    return str(run.outputs["jurisdiction"]).lower()


def _owner_key_arn(run: ProgramRun) -> str:
    key_class = _settings(_stack_of(run)).portal.key_class
    (key,) = [
        k
        for k in run.by_type("aws:kms/key:Key")
        if k.inputs["tags"].get(DATA_CLASS_TAG) == key_class and not k.name.endswith("-replica")
    ]
    return str(key.outputs["arn"])


def _partition(region: str) -> str:
    partition = load_catalogue().partition_of(region)
    assert partition is not None
    return partition.name


def _db_locked_down(run: ProgramRun, r: ResourceRecord) -> bool:
    return (
        r.inputs["storageEncrypted"] is True
        and r.inputs["publiclyAccessible"] is False
        and r.inputs["manageMasterUserPassword"] is True
        and r.inputs["deletionProtection"] is True
        and r.inputs["multiAz"] is True
        and r.protect
        and r.retain_on_delete
        and "password" not in r.inputs
    )


def _reads_only_what_may_be_served(run: ProgramRun, r: ResourceRecord) -> bool:
    if not r.name.endswith("-portal-function-policy"):
        return True
    anonymised_only = _settings(_stack_of(run)).portal.anonymised_only
    (read,) = [s for s in _statements(r) if s["Sid"] == "ReadRecords"]
    primaries = [
        b for b in _under(run, "dc-aws-storage") if b.type == "aws:s3/bucket:Bucket" and not b.name.endswith("-replica")
    ]
    expected = sorted(
        f"{b.outputs['arn']}/{c}/*.anonymised.*" if c in anonymised_only else f"{b.outputs['arn']}/{c}/*"
        for b in primaries
        for c in [b.inputs["tags"][DATA_CLASS_TAG]]
    )
    return bool(expected) and read["Resource"] == expected


AWS_PORTAL: list[tuple[str, str, Control]] = [
    ("function-reads-only-servable-forms", "aws:iam/rolePolicy:RolePolicy", _reads_only_what_may_be_served),
    (
        "api-regional-never-edge",
        "aws:apigateway/restApi:RestApi",
        lambda run, r: r.inputs["endpointConfiguration"]["types"] == "REGIONAL",
    ),
    ("waf-regional", "aws:wafv2/webAcl:WebAcl", lambda run, r: r.inputs["scope"] == "REGIONAL"),
    (
        "waf-guards-the-stage",
        "aws:wafv2/webAclAssociation:WebAclAssociation",
        lambda run, r: r.inputs["resourceArn"] == run.find("dc-aws-portal-api-stage").outputs["arn"],
    ),
    (
        "access-logs-in-country",
        "aws:apigateway/stage:Stage",
        lambda run, r: (
            f":logs:{r.region}:" in r.inputs["accessLogSettings"]["destinationArn"]
            and "$context.requestId" in r.inputs["accessLogSettings"]["format"]
        ),
    ),
    ("db-locked-down", "aws:rds/instance:Instance", _db_locked_down),
    (
        "db-and-secret-under-owner-data-key",
        "aws:rds/instance:Instance",
        lambda run, r: r.inputs["kmsKeyId"] == r.inputs["masterUserSecretKmsKeyId"] == _owner_key_arn(run),
    ),
    (
        "db-tls-required",
        "aws:rds/parameterGroup:ParameterGroup",
        lambda run, r: (
            {"name": "rds.force_ssl", "value": "1", "applyMethod": "pending-reboot"} in r.inputs["parameters"]
        ),
    ),
    (
        "function-in-private-subnets",
        "aws:lambda/function:Function",
        lambda run, r: (
            set(r.inputs["vpcConfig"]["subnetIds"])
            == {s.id for s in run.by_type("aws:ec2/subnet:Subnet") if s.region == r.region}
        ),
    ),
    (
        "function-env-encrypted-and-jwks-set",
        "aws:lambda/function:Function",
        lambda run, r: (
            r.inputs["kmsKeyArn"] == _owner_key_arn(run)
            and r.inputs["environment"]["variables"]["PORTAL_OIDC_JWKS_URL"]
            == _settings(_stack_of(run)).portal.jwks_url
        ),
    ),
    (
        "logs-encrypted-and-kept",
        "aws:cloudwatch/logGroup:LogGroup",
        lambda run, r: (
            r.inputs["kmsKeyId"].startswith(f"arn:aws-cn:kms:{r.region}:")
            and r.inputs["retentionInDays"] == _settings(_stack_of(run)).portal.access_log_retention_days
        ),
    ),
    (
        "db-reachable-from-function-only",
        "aws:ec2/securityGroup:SecurityGroup",
        lambda run, r: (
            not r.name.endswith("-db-sg")
            or r.inputs["ingress"]
            == [
                {
                    "protocol": "tcp",
                    "fromPort": 5432,
                    "toPort": 5432,
                    "securityGroups": [run.find("dc-aws-portal-function-sg").id],
                }
            ]
        ),
    ),
]


@pytest.mark.parametrize(("stack", "cloud"), [p for p in PORTAL if p[1] == "aws"])
@pytest.mark.parametrize(("control", "token", "holds"), AWS_PORTAL, ids=[c[0] for c in AWS_PORTAL])
def test_aws_portal_controls(stack: str, cloud: str, control: str, token: str, holds: Control) -> None:
    _assert_control(stack, "dc-aws-portal", control, token, holds)


@pytest.mark.parametrize(("stack", "cloud"), [p for p in PORTAL if p[1] == "aws"])
def test_the_portal_url_is_the_regional_execute_api_endpoint(stack: str, cloud: str) -> None:
    region = _settings(stack).clouds.aws.primary
    url = run_stack(stack).outputs["aws"]["portal"]["url"]
    assert url.startswith("https://") and url.endswith(f".execute-api.{region}.{_dns(region)}/v1")


# -- Alibaba Cloud ingest and portal -----------------------------------------------------------------


def _template(run: ProgramRun) -> dict[str, Any]:
    template: dict[str, Any] = json.loads(run.find("dc-alicloud-ingest-iot").inputs["templateBody"])
    return template


@pytest.mark.parametrize(("stack", "cloud"), [p for p in INGEST if p[1] == "alicloud"])
def test_alicloud_ingest_template_authenticates_per_vehicle_and_routes_each_type(stack: str, cloud: str) -> None:
    run, settings = run_stack(stack), _settings(stack)
    region = settings.clouds.alicloud.primary
    resources = _template(run)["Resources"]
    assert resources["Product"]["Properties"]["AuthType"] == "x509"
    rules = {k: v for k, v in resources.items() if v["Type"] == "ALIYUN::IOT::Rule"}
    topics = {v["Properties"]["TopicShortName"] for v in resources.values() if v["Type"] == "ALIYUN::IOT::ProductTopic"}
    assert topics == set(settings.ingest.routes)
    assert len(rules) == len(settings.ingest.routes)
    for rule in rules.values():
        properties = rule["Properties"]
        assert "deviceName() as __vin" in properties["Select"]
        actions = properties["RuleAction"]
        assert sorted(a["ErrorActionFlag"] for a in actions) == [False, True]
        for action in actions:
            configuration = json.loads(action["Configuration"])
            assert action["Type"] == "FC" and configuration["fcRegion"] == region
            assert run.find(f"dc-alicloud-ingest-{configuration['functionName'].split('-ingest-')[1]}-forwarder")


@pytest.mark.parametrize(("stack", "cloud"), [p for p in INGEST if p[1] == "alicloud"])
def test_alicloud_forwarders_write_their_class_prefix_over_the_internal_endpoint(stack: str, cloud: str) -> None:
    run, settings = run_stack(stack), _settings(stack)
    region = settings.clouds.alicloud.primary
    buckets = {
        b.inputs["tags"][DATA_CLASS_TAG]: b for b in run.by_type("alicloud:oss/bucket:Bucket") if b.region == region
    }
    forwarders = [r for r in _under(run, "dc-alicloud-ingest") if r.type == "alicloud:fc/v3Function:V3Function"]
    assert len(forwarders) == 2 * len(settings.ingest.routes)
    for function in forwarders:
        env = function.inputs["environmentVariables"]
        data_class = env["KEY_PREFIX"].removeprefix("_ingest_errors/")
        assert env["BUCKET"] == buckets[data_class].outputs["bucket"]
        assert env["OSS_ENDPOINT"] == f"oss-{region}-internal.aliyuncs.com"
        assert function.inputs["internetAccess"] is False


@pytest.mark.parametrize(("stack", "cloud"), [p for p in PORTAL if p[1] == "alicloud"])
def test_alicloud_portal_database_secret_and_function_are_locked_down(stack: str, cloud: str) -> None:
    run, settings = run_stack(stack), _settings(stack)
    owner_key = next(
        k.id
        for k in run.by_type("alicloud:kms/key:Key")
        if k.inputs["tags"].get(DATA_CLASS_TAG) == settings.portal.key_class and not k.name.endswith("-replica")
    )
    db = run.find("dc-alicloud-portal-db")
    assert db.inputs["encryptionKey"] == owner_key
    assert db.inputs["securityIps"] == [settings.compute.alicloud.cidr]
    assert db.inputs["deletionProtection"] is True and db.protect and db.retain_on_delete
    assert db.inputs["zoneId"] != db.inputs["zoneIdSlaveA"]
    secret = run.find("dc-alicloud-portal-db-secret")
    assert secret.inputs["encryptionKeyId"] == owner_key
    assert secret.inputs["enableAutomaticRotation"] is True and secret.inputs["secretType"] == "Rds"
    assert secret.inputs["dkmsInstanceId"] == run.find("dc-alicloud-keys-instance").id
    function = run.find("dc-alicloud-portal-function")
    assert function.inputs["internetAccess"] is False
    assert function.inputs["customContainerConfig"]["image"] == settings.portal.alicloud_image
    compute_vswitches = [s.id for s in _under(run, "dc-alicloud-compute") if s.type == "alicloud:vpc/switch:Switch"]
    assert set(function.inputs["vpcConfig"]["vswitchIds"]) == set(compute_vswitches) and len(compute_vswitches) >= 2
    policy = json.loads(run.find("dc-alicloud-portal-function-policy").inputs["policyDocument"])
    (reads,) = [s["Resource"] for s in policy["Statement"] if s["Action"] == ["oss:GetObject"]]
    camera = [r for r in reads if "/camera_footage/" in r]
    assert camera and all(r.endswith("/camera_footage/*.anonymised.*") for r in camera)
    egress = {r.name: r for r in run.by_type("alicloud:ecs/securityGroupRule:SecurityGroupRule") if "portal" in r.name}
    assert egress["dc-alicloud-portal-deny-other-out"].inputs["policy"] == "drop"
    # Served on the custom domain, through WAF 3.0 (tests/test_portal_waf.py); the API group stays the origin.
    assert run.outputs["alicloud"]["portal"]["url"] == f"https://{settings.portal.alicloud_domain.name}"
    assert (
        run.find("dc-alicloud-portal-api-group")
        .outputs["subDomain"]
        .endswith(f"-{settings.clouds.alicloud.primary}.alicloudapi.com")
    )


# What Function Compute adds to every function with a role (FC "Configure environment variables").
_FC_ROLE_ENV = {
    "ALIBABA_CLOUD_ACCESS_KEY_ID": "STS.NUexampleKeyId",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "exampleKeySecret",
    "ALIBABA_CLOUD_SECURITY_TOKEN": "CAIS-example-security-token",
}


@pytest.mark.parametrize(("stack", "cloud"), [p for p in PORTAL if p[1] == "alicloud"])
def test_alicloud_portal_function_gets_every_setting_the_service_needs(stack: str, cloud: str) -> None:
    from portal.settings import Settings

    run, settings = run_stack(stack), _settings(stack)
    region = settings.clouds.alicloud.primary
    function = run.find("dc-alicloud-portal-function")
    env = dict(function.inputs["environmentVariables"])
    buckets = {
        b.inputs["tags"][DATA_CLASS_TAG]: b.outputs["bucket"]
        for b in run.by_type("alicloud:oss/bucket:Bucket")
        if b.region == region and DATA_CLASS_TAG in b.inputs["tags"]
    }
    assert env["PORTAL_STORAGE_BACKEND"] == "oss"
    assert json.loads(env["PORTAL_BUCKETS"]) == {c: buckets[c] for c in json.loads(env["PORTAL_BUCKETS"])}
    # Every record class the market stores (audit_logs is the audit trail's, not an owner's record).
    assert set(json.loads(env["PORTAL_BUCKETS"])) == set(settings.data_classes) - {"audit_logs"}
    assert env["PORTAL_ALICLOUD_REGION"] == region
    assert env["PORTAL_KMS_ENDPOINT"] == f"kms-vpc.{region}.aliyuncs.com"
    assert env["PORTAL_OSS_ENDPOINT"] == f"oss-{region}-internal.aliyuncs.com"
    assert env["PORTAL_DATABASE_SECRET_NAME"] == run.find("dc-alicloud-portal-db-secret").outputs["secretName"]
    assert env["PORTAL_DATABASE_HOST"] == run.find("dc-alicloud-portal-db").outputs["connectionString"]
    assert env["PORTAL_JURISDICTION"] == "CN" and env["PORTAL_OIDC_JWKS_URL"] == settings.portal.jwks_url
    # No credentials and no S3-compatibility settings: the role's STS credentials come from FC itself.
    assert not [k for k in env if k.startswith(("ALIBABA_CLOUD_", "PORTAL_S3_")) or k == "PORTAL_DATABASE_URL"]
    # The service accepts this environment as it is (the secret itself is read at start-up on FC;
    # tests/portal/test_portal_alicloud.py drives that read).
    accepted = Settings.from_env({k: v for k, v in env.items() if k != "PORTAL_DATABASE_HOST"} | _FC_ROLE_ENV)
    assert (accepted.storage_backend, accepted.alicloud_region) == ("oss", region)
    assert accepted.oss_endpoint == env["PORTAL_OSS_ENDPOINT"] and dict(accepted.buckets) == json.loads(
        env["PORTAL_BUCKETS"]
    )


@pytest.mark.parametrize(("stack", "cloud"), [p for p in PORTAL if p[1] == "alicloud"])
def test_alicloud_portal_role_may_read_records_and_its_secret_only(stack: str, cloud: str) -> None:
    run, settings = run_stack(stack), _settings(stack)
    region = settings.clouds.alicloud.primary
    policy = json.loads(run.find("dc-alicloud-portal-function-policy").inputs["policyDocument"])
    statements = policy["Statement"]
    by_action = {tuple(s["Action"]): s["Resource"] for s in statements}
    assert all(s["Effect"] == "Allow" and "Condition" not in s for s in statements)
    # Exactly these actions, none with a wildcard: no listing, no writing, no other secret.
    assert sorted(by_action) == [("kms:Decrypt",), ("kms:GetSecretValue",), ("oss:GetObject",)]
    assert by_action[("kms:GetSecretValue",)] == [run.find("dc-alicloud-portal-db-secret").outputs["arn"]]
    served = json.loads(run.find("dc-alicloud-portal-function").inputs["environmentVariables"]["PORTAL_BUCKETS"])
    # acs:oss:*:<account>:<bucket>/<data class>/<objects>: each served class in its own bucket only.
    reads = sorted(tuple(r.split(":", 4)[4].split("/", 1)) for r in by_action[("oss:GetObject",)])
    assert reads == sorted(
        (bucket, f"{c}/*.anonymised.*" if c in settings.portal.anonymised_only else f"{c}/*")
        for c, bucket in served.items()
    )
    keys = {k.name: k for k in run.by_type("alicloud:kms/key:Key") if k.region == region}
    assert set(by_action[("kms:Decrypt",)]) <= {k.outputs["arn"] for k in keys.values()}
    rules = run.by_type("alicloud:ecs/securityGroupRule:SecurityGroupRule")
    egress = {r.name: r.inputs for r in rules if "portal" in r.name}
    services = egress["dc-alicloud-portal-https-services-out"]
    assert (services["type"], services["portRange"], services["cidrIp"], services["policy"]) == (
        "egress",
        "443/443",
        "100.64.0.0/10",
        "accept",
    )
    assert egress["dc-alicloud-portal-deny-other-out"]["priority"] > services["priority"]


# -- the components alone, under the guard -------------------------------------------------------------


def _ingest_in(region: str, jurisdiction: str = "CN") -> None:
    provider = aws.Provider("p", region=region)
    key = aws.kms.Key("k", tags={DATA_CLASS_TAG: "vehicle_telemetry"}, opts=pulumi.ResourceOptions(provider=provider))
    bucket = aws.s3.Bucket("b", opts=pulumi.ResourceOptions(provider=provider))
    AwsVehicleIngest(
        "ingest",
        AwsVehicleIngestArgs(
            jurisdiction=jurisdiction,
            topic_root="vehicles",
            routes={"telemetry": "vehicle_telemetry"},
            buckets={"vehicle_telemetry": bucket},
            keys={"vehicle_telemetry": key},
            provider=provider,
        ),
    )


def test_aws_ingest_alone_passes_the_cn_guard() -> None:
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        guard = enforce("CN", mode="audit")
        run = session.run(lambda: _ingest_in("cn-north-1"))
        assert run.ok, run.error
        assert guard.findings == []
        policy = json.loads(run.find("ingest-vehicle-policy").inputs["policy"])
        assert policy["Statement"][1]["Resource"] == [
            f"arn:aws-cn:iot:cn-north-1:123456789012:topic/vehicles/telemetry/{THING}"
        ]


@pytest.mark.parametrize(
    ("jurisdiction", "region"), [("CN", "cn-northwest-1"), ("EU", "eu-central-1"), ("US", "us-east-1")]
)
def test_aws_ingest_follows_the_partition_of_its_jurisdiction(jurisdiction: str, region: str) -> None:
    dns = _dns(region)
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        guard = enforce(jurisdiction, mode="audit")
        run = session.run(lambda: _ingest_in(region, jurisdiction))
        assert run.ok, run.error
        assert guard.findings == []
        rule = run.find("ingest-telemetry-rule")
        assert rule.outputs["arn"].startswith(f"arn:{_partition(region)}:iot:{region}:")
        invoke = next(i for i in run.invokes if i.token == "aws:iot/getEndpoint:getEndpoint")
        assert invoke.result["endpointAddress"].endswith(f"-ats.iot.{region}.{dns}")


def test_aws_ingest_outside_the_country_is_refused_by_the_guard() -> None:
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        guard = enforce("CN", mode="audit")
        session.run(lambda: _ingest_in("ap-northeast-1"))
        rules = {f.rule.id for f in guard.findings}
        assert "RES-001" in rules  # the provider
        assert {f.resource_name for f in guard.findings} >= {"ingest-vehicle-policy", "ingest-telemetry-rule"}


# -- config refusals -------------------------------------------------------------------------------------


def _cn(mutate: Callable[[dict[str, Any]], None]) -> None:
    config, _ = stack_file_to_pulumi_config(ROOT / "stacks" / "Pulumi.cn.yaml")
    datacenter = json.loads(config["sovereign-dc:datacenter"])
    mutate(datacenter)
    build_stack_config("cn", "stacks/Pulumi.cn.yaml", "CN", json.dumps(datacenter))


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for part in parents:
            document = document[part]
        if value is None:
            del document[last]
        else:
            document[last] = value

    return mutate


def _unset(*paths: str) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        for path in paths:
            _set(path, None)(document)

    return mutate


REFUSALS = [
    (
        "ingest-on-alibaba-outside-shanghai",
        _set("clouds.alicloud.primary", "cn-hangzhou"),
        r"^stacks/Pulumi\.cn\.yaml: sovereign-dc:datacenter\.ingest\.clouds: Alibaba Cloud IoT Platform \(public "
        r"instance, X\.509, through ROS\) is not offered in cn-hangzhou \(the alicloud primary region\) according to https://"
        r".*\. Fix: remove `alicloud` from ingest\.clouds, or make the primary one of cn-shanghai if it is in the "
        r"jurisdiction\n",
    ),
    (
        "route-to-a-class-not-stored",
        _set("ingest.routes.diagnostics", "vehicle_diagnostics"),
        r"ingest\.routes\.diagnostics: data class vehicle_diagnostics is not stored in this market\. Fix: add "
        r"`data_classes\.vehicle_diagnostics`",
    ),
    (
        "unknown-data-class",
        _set("ingest.routes.radar", "radar_points"),
        r"ingest\.routes\.radar: 'radar_points' is not allowed",
    ),
    (
        "bad-message-type",
        _set("ingest.routes.Tele-metry", "vehicle_telemetry"),
        r"sovereign-dc:datacenter\.ingest\.routes",
    ),
    (
        "ingest-cloud-not-configured",
        _unset("clouds.alicloud", "compute.alicloud"),
        r"ingest\.clouds: ingest is enabled on alicloud but alicloud is not under clouds\. Fix: add `clouds\.alicloud`",
    ),
    (
        "portal-without-network",
        _set("compute.aws", None),
        r"portal\.clouds: the portal on aws needs the private network of compute\.aws\. Fix: add `compute\.aws`",
    ),
    (
        "portal-image-from-another-region",
        _set("portal.alicloud_image", "registry-vpc.cn-hangzhou.aliyuncs.com/sovereign-cn/portal:1.0.0"),
        r"portal\.alicloud_image: 'registry-vpc\.cn-hangzhou\.aliyuncs\.com/sovereign-cn/portal:1\.0\.0' is not an "
        r"image in the Container Registry of cn-shanghai",
    ),
    (
        "portal-image-missing",
        _set("portal.alicloud_image", None),
        r"portal\.alicloud_image: the portal on alicloud needs its container image",
    ),
    ("jwks-over-plain-http", _set("portal.jwks_url", "http://id.example-carmaker.cn/jwks"), r"portal\.jwks_url"),
    ("portal-key-class-not-stored", _set("portal.key_class", "vehicle_diagnostics"), r"portal\.key_class: data class"),
    (
        "kms-instance-without-secrets",
        _set("keys.alicloud_instance.secret_num", 0),
        r"keys\.alicloud_instance\.secret_num: the portal keeps its database credentials as a KMS secret",
    ),
    ("a-cloud-twice", _set("portal.clouds", ["aws", "aws"]), r"portal\.clouds: a cloud is listed twice"),
    ("log-retention-cloudwatch-refuses", _set("portal.access_log_retention_days", 1000), r"access_log_retention_days"),
]


@pytest.mark.parametrize(("case", "mutate", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_bad_ingest_or_portal_config_is_refused_with_the_key_and_the_fix(
    case: str, mutate: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        _cn(mutate)


def test_the_shipped_cn_config_is_accepted() -> None:
    _cn(lambda document: None)


def test_service_catalogue_lists_only_known_regions_with_sources() -> None:
    catalogue = load_catalogue()
    for service_id, service in load_services().items():
        assert service.sources, service_id
        assert service.regions <= catalogue.known_regions(service.cloud), service_id


# -- the Alibaba forwarder's object layout ---------------------------------------------------------------


def _forwarder() -> ModuleType:
    path = ROOT / "components" / "alicloud" / "ingest_forwarder" / "index.py"
    spec = importlib.util.spec_from_file_location("ingest_forwarder", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


@given(
    vin=st.text(alphabet=VIN_CHARS, min_size=17, max_size=17),
    when=st.datetimes(timezones=st.timezones()),
)
def test_forwarder_keys_follow_the_layout(vin: str, when: datetime.datetime) -> None:
    key = _forwarder().object_key("vehicle_telemetry", vin, when, "id")
    assert key == f"vehicle_telemetry/{vin}/{when.astimezone(datetime.UTC):%Y-%m-%d}/id.json"


@pytest.mark.parametrize("vin", ["", "LSVAB1234", "LSVAB1234567890IO", "../../../etc/passwd1", "lsvab12345678901a"])
def test_forwarder_refuses_what_is_not_a_vin(vin: str) -> None:
    with pytest.raises(ValueError, match="not a VIN"):
        _forwarder().object_key("vehicle_telemetry", vin, datetime.datetime.now(datetime.UTC), "id")


# -- the AWS portal alone: its optional access-log destination ------------------------------------------


def _portal_in(region: str, destination: str | None) -> None:
    from components.aws.portal import AwsOwnerDataPortal, AwsOwnerDataPortalArgs

    provider = aws.Provider("p", region=region)
    child = pulumi.ResourceOptions(provider=provider)
    key = aws.kms.Key("owner-key", opts=child)
    bucket = aws.s3.Bucket("records", opts=child)
    vpc = aws.ec2.Vpc("vpc", cidr_block="10.9.0.0/16", opts=child)
    subnets = [aws.ec2.Subnet(f"private-{i}", vpc_id=vpc.id, cidr_block=f"10.9.{i}.0/24", opts=child) for i in range(2)]
    AwsOwnerDataPortal(
        "portal",
        AwsOwnerDataPortalArgs(
            jurisdiction="CN",
            provider=provider,
            key=key,
            vpc_id=vpc.id,
            vpc_cidr="10.9.0.0/16",
            subnet_ids=[s.id for s in subnets],
            buckets={"owner_personal_data": bucket},
            bucket_keys={"owner_personal_data": key},
            anonymised_only=frozenset(),
            issuer="https://idp.example.cn",
            jwks_url="https://idp.example.cn/jwks",
            audience="portal",
            handler="portal.aws_lambda.handler",
            code_path="portal",
            rotation_days=365,
            deletion_window_days=30,
            access_log_destination_arn=destination,
        ),
    )


def test_portal_sends_access_logs_to_a_given_in_country_destination() -> None:
    audit = "arn:aws-cn:logs:cn-north-1:123456789012:log-group:/sovereign/cn/audit"
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        guard = enforce("CN", mode="audit")
        run = session.run(lambda: _portal_in("cn-north-1", audit))
        assert run.ok, run.error
        # The identity provider is no cloud host: a stack declares it in its transfer register (issue 9);
        # everything else the portal references is proven in-country.
        assert [f for f in guard.findings if "idp.example.cn" not in str(f.value)] == []
        assert run.find("portal-api-stage").inputs["accessLogSettings"]["destinationArn"] == audit
        groups = {g.name for g in run.by_type("aws:cloudwatch/logGroup:LogGroup")}
        assert groups == {"portal-waf-logs", "portal-function-logs"}


def test_portal_access_logs_abroad_are_refused_by_the_guard() -> None:
    abroad = "arn:aws:logs:eu-central-1:123456789012:log-group:/audit"
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        guard = enforce("CN", mode="audit")
        session.run(lambda: _portal_in("cn-north-1", abroad))
        (finding,) = [f for f in guard.findings if f.resource_name == "portal-api-stage"]
        assert finding.rule.id == "RES-004"
        assert finding.value == abroad


def test_every_platform_problem_is_reported_at_once() -> None:
    from components.config.services import platform_problems

    config, _ = stack_file_to_pulumi_config(ROOT / "stacks" / "Pulumi.cn.yaml")
    datacenter = json.loads(config["sovereign-dc:datacenter"])
    datacenter["ingest"]["routes"]["diagnostics"] = "vehicle_diagnostics"
    datacenter["portal"]["alicloud_image"] = "docker.io/library/portal:1"
    datacenter["compute"].pop("aws")
    settings = DataCenterConfig.model_validate(datacenter)
    keys = [problem.key.removeprefix("sovereign-dc:datacenter.") for problem in platform_problems(settings, "f")]
    assert keys == ["ingest.routes.diagnostics", "portal.alicloud_image", "portal.clouds"]


def test_the_cn_plan_shows_ingest_and_portal_all_in_country() -> None:
    from components.plan.render_json import render_json

    plan = review("cn")  # as `python -m components.plan --stack cn --format json` renders it
    document = json.loads(render_json(plan))
    assert plan.exit_code == 0 and document["verdict"] == "pass"
    (stack,) = document["stacks"]
    components = {c.rsplit("::", 1)[1] for c in (r["component"] for r in stack["resources"]) if c}
    assert {"dc-aws-ingest", "dc-aws-portal", "dc-alicloud-ingest", "dc-alicloud-portal"} <= components
    platform = [
        r
        for r in stack["resources"]
        if r["component"] and r["component"].rsplit("::", 1)[1].endswith(("-ingest", "-portal"))
    ]
    assert len(platform) > 60
    assert all(r["jurisdiction"] == "CN" for r in platform)
    stores = {r["name"]: r["encryption"] for r in platform if r["data_store"]}
    assert (
        stores["dc-aws-portal-db"]["key_name"]
        == stores["dc-alicloud-portal-db"]["key_name"].replace("alicloud", "aws")
        == "dc-aws-keys-owner-personal-data"
    )


def test_a_broken_service_catalogue_is_one_line_with_the_fix(tmp_path: Path) -> None:
    from components.errors import CatalogueError

    broken = tmp_path / "services.yaml"
    broken.write_text("services:\n  aws-iot-core: {name: x, cloud: gcp, regions: [], sources: []}\n", encoding="utf-8")
    message = r"malformed service catalogue \(aws-iot-core\.cloud: Input should be .*\)\. Fix: restore"
    with pytest.raises(CatalogueError, match=message):
        load_services(broken)
    broken.write_text("services: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"services\.yaml: .*Fix: "):
        load_services(broken)
