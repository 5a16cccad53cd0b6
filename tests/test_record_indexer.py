"""The record indexer's infrastructure (issue 12): every data-class bucket the owner data service serves
notifies the indexer of new objects, on both clouds, and nothing else may invoke it.

Whole shipped stacks that enable the portal run under the realistic mocks as ``pulumi up`` would (guard
in raise mode); then the components alone under the guard.
"""

from __future__ import annotations

import json

import pulumi
import pulumi_aws as aws
import pytest
from shipped import SHIPPED as STACKS
from shipped import run_stack
from shipped import settings as _settings
from test_platform import DATA_CLASS_TAG, _under

from components.aws.record_indexer import indexed_classes
from components.residency import enforce, load_catalogue
from components.testing import MockSession, ProgramRun, ResourceRecord, SovereignMocks
from portal.catalogue import DATA_CLASS_POLICIES

ACCOUNT_AWS = "123456789012"


PORTAL = [(s, c) for s in STACKS if _settings(s).portal for c in _settings(s).portal.clouds]
AWS = [p for p in PORTAL if p[1] == "aws"]
ALICLOUD = [p for p in PORTAL if p[1] == "alicloud"]


def _served(stack: str) -> set[str]:
    """The classes this market stores that the service serves in some form (its catalogue)."""
    stored = _settings(stack).data_classes
    return {c for c in stored if DATA_CLASS_POLICIES[c].served_form is not None}


def _primary_buckets(run: ProgramRun, cloud: str) -> dict[str, ResourceRecord]:
    token = "aws:s3/bucket:Bucket" if cloud == "aws" else "alicloud:oss/bucket:Bucket"
    return {
        b.inputs["tags"][DATA_CLASS_TAG]: b
        for b in _under(run, f"dc-{cloud}-storage")
        if b.type == token and not b.name.endswith("-replica")
    }


def test_the_indexed_classes_are_the_served_ones() -> None:
    assert indexed_classes(dict.fromkeys(DATA_CLASS_POLICIES)) == sorted(
        c for c, p in DATA_CLASS_POLICIES.items() if p.served_form is not None
    )
    assert "audit_logs" not in indexed_classes(dict.fromkeys(DATA_CLASS_POLICIES))


def test_the_cn_stack_indexes_on_both_clouds() -> None:
    assert ("cn", "aws") in AWS and ("cn", "alicloud") in ALICLOUD


# -- AWS ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stack", "cloud"), AWS)
def test_every_served_bucket_notifies_the_indexer_of_created_objects_under_its_class(stack: str, cloud: str) -> None:
    run = run_stack(stack)
    function = run.find("dc-aws-indexer-function")
    buckets = _primary_buckets(run, "aws")
    notifications = {n.inputs["bucket"]: n for n in run.by_type("aws:s3/bucketNotification:BucketNotification")}
    subscribed = {c for c, b in buckets.items() if b.id in notifications}
    assert subscribed == _served(stack) and subscribed, "every served data-class bucket, and only those"
    for data_class in subscribed:
        (target,) = notifications[buckets[data_class].id].inputs["lambdaFunctions"]
        assert target["lambdaFunctionArn"] == function.outputs["arn"]
        assert target["events"] == ["s3:ObjectCreated:*"]
        assert target["filterPrefix"] == f"{data_class}/", "errors under _ingest_errors/ never invoke it"
        assert notifications[buckets[data_class].id].region == buckets[data_class].region


@pytest.mark.parametrize(("stack", "cloud"), AWS)
def test_no_bucket_has_two_notification_resources(stack: str, cloud: str) -> None:
    # S3 keeps one notification configuration per bucket: a second BucketNotification would silently
    # replace the first. Any new destination must join the indexer's (notification_targets).
    buckets = [n.inputs["bucket"] for n in run_stack(stack).by_type("aws:s3/bucketNotification:BucketNotification")]
    assert len(buckets) == len(set(buckets))


@pytest.mark.parametrize(("stack", "cloud"), AWS)
def test_only_each_served_bucket_of_this_account_may_invoke_the_indexer(stack: str, cloud: str) -> None:
    run = run_stack(stack)
    function = run.find("dc-aws-indexer-function")
    buckets = _primary_buckets(run, "aws")
    permissions = [p for p in run.by_type("aws:lambda/permission:Permission") if p.name.startswith("dc-aws-indexer-")]
    assert {p.inputs["sourceArn"] for p in permissions} == {buckets[c].outputs["arn"] for c in _served(stack)}
    for permission in permissions:
        assert permission.inputs == {
            "action": "lambda:InvokeFunction",
            "function": function.outputs["name"],
            "principal": "s3.amazonaws.com",
            "sourceArn": permission.inputs["sourceArn"],
            "sourceAccount": ACCOUNT_AWS,
        }
    by_source = {p.inputs["sourceArn"]: p for p in permissions}
    for notification in run.by_type("aws:s3/bucketNotification:BucketNotification"):
        (bucket,) = [b for b in buckets.values() if b.id == notification.inputs["bucket"]]
        assert by_source[bucket.outputs["arn"]].urn in notification.dependencies, "permission before notification"


@pytest.mark.parametrize(("stack", "cloud"), AWS)
def test_the_aws_indexer_runs_the_service_package_with_its_grants_and_no_more(stack: str, cloud: str) -> None:
    run = run_stack(stack)
    indexer, service = run.find("dc-aws-indexer-function"), run.find("dc-aws-portal-function")
    assert indexer.inputs["handler"] == "portal.aws_lambda.index_handler"
    for same in ("runtime", "role", "vpcConfig", "kmsKeyArn"):
        assert indexer.inputs[same] == service.inputs[same], same
    assert indexer.inputs["code"].path == service.inputs["code"].path == _settings(stack).portal.code_path
    env = service.inputs["environment"]["variables"]
    assert indexer.inputs["environment"]["variables"] == {k: v for k, v in env.items() if "OIDC" not in k}
    assert indexer.region == service.region == _settings(stack).clouds.aws.primary
    # Least privilege: no grant of its own. The shared role reads only servable forms (test_platform).
    assert [r.type for r in _under(run, "dc-aws-indexer") if r.type.startswith("aws:iam/")] == []
    logs = run.find("dc-aws-indexer-function-logs")
    assert logs.inputs["name"] == f"/aws/lambda/{indexer.inputs['name']}"
    assert logs.inputs["kmsKeyId"] == run.find("dc-aws-portal-logs-key").outputs["arn"]
    assert indexer.inputs["loggingConfig"]["logGroup"] == logs.outputs["name"]


# -- Alibaba Cloud -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stack", "cloud"), ALICLOUD)
def test_every_served_oss_bucket_triggers_the_indexer_on_created_objects(stack: str, cloud: str) -> None:
    run = run_stack(stack)
    region = _settings(stack).clouds.alicloud.primary
    account = run.find("dc-alicloud-indexer-trigger-policy")  # its ARNs carry the account
    account_id = json.loads(account.inputs["policyDocument"])["Statement"][0]["Resource"][0].split(":")[3]
    function = run.find("dc-alicloud-indexer-function")
    role = run.find("dc-alicloud-indexer-trigger-role")
    buckets = _primary_buckets(run, "alicloud")
    triggers = run.by_type("alicloud:fc/v3Trigger:V3Trigger")
    by_source = {t.inputs["sourceArn"]: t for t in triggers}
    expected = {f"acs:oss:{region}:{account_id}:{buckets[c].outputs['bucket']}": c for c in _served(stack)}
    assert set(by_source) == set(expected) and expected
    for source, data_class in expected.items():
        trigger = by_source[source]
        assert trigger.inputs["triggerType"] == "oss" and trigger.inputs["qualifier"] == "LATEST"
        assert trigger.inputs["functionName"] == function.outputs["functionName"]
        assert trigger.inputs["invocationRole"] == role.outputs["arn"]
        assert json.loads(trigger.inputs["triggerConfig"]) == {
            "events": ["oss:ObjectCreated:*"],
            "filter": {"key": {"prefix": f"{data_class}/", "suffix": ""}},
        }
        assert trigger.region == region


@pytest.mark.parametrize(("stack", "cloud"), ALICLOUD)
def test_oss_may_invoke_the_indexer_and_nothing_else(stack: str, cloud: str) -> None:
    run = run_stack(stack)
    region = _settings(stack).clouds.alicloud.primary
    function = run.find("dc-alicloud-indexer-function")
    trust = json.loads(run.find("dc-alicloud-indexer-trigger-role").inputs["assumeRolePolicyDocument"])
    assert trust["Statement"] == [
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["oss.aliyuncs.com"]}}
    ]
    (grant,) = json.loads(run.find("dc-alicloud-indexer-trigger-policy").inputs["policyDocument"])["Statement"]
    (resource,) = grant["Resource"]
    assert grant["Action"] == ["fc:InvokeFunction"] and grant["Effect"] == "Allow"
    assert resource.startswith(f"acs:fc:{region}:") and resource.endswith(
        f":functions/{function.outputs['functionName']}"
    )
    attachment = run.find("dc-alicloud-indexer-trigger-attachment")
    assert attachment.inputs["policyName"] == run.find("dc-alicloud-indexer-trigger-policy").outputs["policyName"]


@pytest.mark.parametrize(("stack", "cloud"), ALICLOUD)
def test_the_alibaba_indexer_runs_the_service_image_with_its_grants_and_no_more(stack: str, cloud: str) -> None:
    run = run_stack(stack)
    indexer, service = run.find("dc-alicloud-indexer-function"), run.find("dc-alicloud-portal-function")
    container = indexer.inputs["customContainerConfig"]
    assert (
        container["image"] == service.inputs["customContainerConfig"]["image"] == _settings(stack).portal.alicloud_image
    )
    assert container["entrypoints"] + container["commands"] == ["python", "-m", "portal.fc_indexer"]
    assert container["port"] == 9000
    for same in ("role", "vpcConfig"):
        assert indexer.inputs[same] == service.inputs[same], same
    assert indexer.inputs["internetAccess"] is False
    assert indexer.inputs["logConfig"]["logstore"] == service.inputs["logConfig"]["logstore"]
    env = service.inputs["environmentVariables"]
    assert indexer.inputs["environmentVariables"] == {k: v for k, v in env.items() if "OIDC" not in k}
    # Its only RAM grant is the trigger role's (above); it reads with the service's role.
    rams = {r.name for r in _under(run, "dc-alicloud-indexer") if r.type.startswith("alicloud:ram/")}
    assert rams == {f"dc-alicloud-indexer-trigger-{p}" for p in ("role", "policy", "attachment")}


def test_the_portal_port_constant_matches_the_entry_point() -> None:
    from components.alicloud import record_indexer
    from portal import fc_indexer

    assert record_indexer._PORT == fc_indexer.DEFAULT_PORT


# -- the AWS component alone, under the guard ---------------------------------------------------------


def _indexer_in(region: str, jurisdiction: str) -> None:
    from components.aws.portal import AwsOwnerDataPortal, AwsOwnerDataPortalArgs
    from components.aws.record_indexer import AwsRecordIndexer, AwsRecordIndexerArgs

    # Pinned to the mocks' account, as the shipped stacks are (aws:allowedAccountIds): the portal's key policy
    # grants it.
    provider = aws.Provider("p", region=region, allowed_account_ids=["123456789012"])
    child = pulumi.ResourceOptions(provider=provider)
    key = aws.kms.Key("owner-key", opts=child)
    buckets = {c: aws.s3.Bucket(f"records-{c}", opts=child) for c in ("vehicle_telemetry", "audit_logs")}
    vpc = aws.ec2.Vpc("vpc", cidr_block="10.9.0.0/16", opts=child)
    subnets = [aws.ec2.Subnet(f"private-{i}", vpc_id=vpc.id, cidr_block=f"10.9.{i}.0/24", opts=child) for i in range(2)]
    portal = AwsOwnerDataPortal(
        "portal",
        AwsOwnerDataPortalArgs(
            jurisdiction=jurisdiction,
            provider=provider,
            key=key,
            vpc_id=vpc.id,
            vpc_cidr="10.9.0.0/16",
            subnet_ids=[s.id for s in subnets],
            buckets=buckets,
            bucket_keys=dict.fromkeys(buckets, key),
            anonymised_only=frozenset(),
            issuer="https://idp.example.cn",
            jwks_url="https://idp.example.cn/jwks",
            audience="portal",
            handler="portal.aws_lambda.handler",
            code_path="portal",
            rotation_days=365,
            deletion_window_days=30,
        ),
    )
    AwsRecordIndexer(
        "indexer",
        AwsRecordIndexerArgs(jurisdiction=jurisdiction, provider=provider, portal=portal, buckets=buckets),
    )


@pytest.mark.parametrize(("jurisdiction", "region"), [("CN", "cn-north-1"), ("EU", "eu-central-1")])
def test_the_aws_indexer_alone_passes_the_guard_of_its_jurisdiction(jurisdiction: str, region: str) -> None:
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        guard = enforce(jurisdiction, mode="audit")
        run = session.run(lambda: _indexer_in(region, jurisdiction))
        assert run.ok, run.error
    # The identity provider is no cloud host (declared in a stack's transfer register); nothing of the
    # indexer is: it gets no identity-provider setting at all.
    assert [f for f in guard.findings if "idp.example.cn" not in str(f.value)] == []
    assert not [f for f in guard.findings if f.resource_name.startswith("indexer-")]
    partition = load_catalogue().partition_of(region)
    assert partition is not None
    (notification,) = run.by_type("aws:s3/bucketNotification:BucketNotification")
    assert notification.inputs["bucket"] == run.find("records-vehicle_telemetry").id  # audit_logs: never served
    (permission,) = [p for p in run.by_type("aws:lambda/permission:Permission") if p.name.startswith("indexer-")]
    assert permission.inputs["sourceArn"].startswith(f"arn:{partition.name}:s3:::")


def test_the_aws_indexer_outside_the_country_is_refused_by_the_guard() -> None:
    with MockSession(project="sovereign-dc", stack="test", mocks=SovereignMocks()) as session:
        guard = enforce("CN", mode="audit")
        session.run(lambda: _indexer_in("ap-northeast-1", "CN"))
    refused = {(f.resource_name, f.rule.id) for f in guard.findings}
    assert {
        ("indexer-function", "RES-009"),  # the function's region
        ("indexer-vehicle-telemetry-invoke", "RES-004"),  # the bucket it trusts
        ("indexer-vehicle-telemetry-notification", "RES-004"),  # the function it notifies
    } <= refused


def test_alibaba_trigger_config_is_the_documented_shape() -> None:
    from components.alicloud.record_indexer import trigger_config

    # CreateTriggerInput example: {"events":["oss:ObjectCreated:*"],"filter":{"key":{"prefix":...,"suffix":...}}}
    assert json.loads(trigger_config("camera_footage")) == {
        "events": ["oss:ObjectCreated:*"],
        "filter": {"key": {"prefix": "camera_footage/", "suffix": ""}},
    }
