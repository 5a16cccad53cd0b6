"""The construction-time guard under the realistic mocks.

Each check class of issue 2 gets a compliant and an offending program; the offending resource must
never reach the mock engine, and the error must carry rule id, resource, path, value and fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
import pytest

from components.errors import ResidencyViolation
from components.residency import Guard, audit_session, enforce
from components.testing import MockSession, ProgramRun

Program = Callable[[], Any]


def run(session: MockSession, program: Program) -> ProgramRun:
    return session.run(program, raise_on_error=False)


def opts(provider: pulumi.ProviderResource) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=provider)


def assert_refused(result: ProgramRun, rule_id: str, name: str, path: str, value: Any = None) -> ResidencyViolation:
    error = result.error
    assert isinstance(error, ResidencyViolation), f"expected a violation, got {error!r}"
    assert (error.rule_id, error.resource_name, error.path) == (rule_id, name, path)
    if value is not None:
        assert error.value == value
    assert error.fix and "Fix:" in str(error)
    assert name not in {r.name for r in result.resources}, "the offending resource reached the engine"
    return error


# -- 1. provider region pinned and inside, also as an Output ----------------------------------------


@pytest.mark.parametrize(
    ("code", "good", "bad"),
    [("CN", "cn-northwest-1", "ap-east-1"), ("EU", "eu-west-3", "eu-west-2"), ("US", "us-gov-west-1", "ca-central-1")],
)
@pytest.mark.parametrize("as_output", [False, True], ids=["plain", "output"])
def test_provider_region(pulumi_mocks: MockSession, code: str, good: str, bad: str, as_output: bool) -> None:
    def program(name: str, region: str) -> Program:
        def build() -> None:
            enforce(code)
            aws.Provider(name, region=pulumi.Output.from_input(region) if as_output else region)

        return build

    assert run(pulumi_mocks, program("good", good)).error is None
    assert_refused(run(pulumi_mocks, program("bad", bad)), "RES-001", "bad", "region", bad)


def test_unpinned_provider_region_is_refused(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("JP")
        alicloud.Provider("ali")

    error = assert_refused(run(pulumi_mocks, program), "RES-001", "ali", "region")
    assert "not pinned" in str(error)


# -- 2. no default provider; explicit, providers map or inherited --------------------------------


class Holder(pulumi.ComponentResource):
    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:test:Holder", name, {}, opts)
        aws.s3.Bucket(f"{name}-bucket", opts=pulumi.ResourceOptions(parent=self))
        self.register_outputs({})


@pytest.mark.parametrize("how", ["provider", "providers-list", "providers-map", "parent"])
def test_explicit_provider_in_every_form_is_accepted(pulumi_mocks: MockSession, how: str) -> None:
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        if how == "provider":
            aws.s3.Bucket("b", opts=opts(p))
        elif how == "providers-list":
            aws.s3.Bucket("b", opts=pulumi.ResourceOptions(providers=[p]))
        elif how == "providers-map":
            aws.s3.Bucket("b", opts=pulumi.ResourceOptions(providers={"aws": p}))
        else:
            Holder("h", opts=pulumi.ResourceOptions(providers=[p]))

    result = run(pulumi_mocks, program)
    assert result.error is None
    assert all(r.provider for r in result.resources if r.type.startswith("aws:"))


def test_default_provider_is_refused(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        Holder("h")  # the child bucket has no provider anywhere up its parent chain

    assert_refused(run(pulumi_mocks, program), "RES-002", "h-bucket", "provider")


def test_a_resource_given_as_an_input_is_not_a_registration(pulumi_mocks: MockSession) -> None:
    # pulumi/examples aws-py-apigatewayv2-http-api-quickcreate: `role=lambda_role`, `function=lambda_function`. The
    # input comes back as a resource reference, which the SDK rebuilds as `Role(name, ResourceOptions(urn=...))`: a
    # `get` of the stack's own resource, not a registration, and not under the default provider (stop 37).
    def program() -> None:
        enforce("EU")
        p = aws.Provider("p", region="eu-west-1")
        role = aws.iam.Role("fn-role", assume_role_policy="{}", opts=opts(p))
        aws.iam.RolePolicyAttachment("attach", role=role,  # type: ignore[call-overload]
                                     policy_arn="arn:aws:iam::aws:policy/ReadOnlyAccess", opts=opts(p))  # fmt: skip

    result = run(pulumi_mocks, program)
    assert result.error is None, result.error
    assert [r.name for r in result.resources if r.type == "aws:iam/role:Role"] == ["fn-role"]


def test_a_resource_got_by_another_stacks_urn_is_judged(pulumi_mocks: MockSession) -> None:
    # Only a URN of the running stack and project is the stack's own resource; any other is judged as written.
    def program() -> None:
        enforce("EU")
        urn = "urn:pulumi:other-stack::other-project::aws:s3/bucket:Bucket::theirs"
        aws.s3.Bucket("theirs", opts=pulumi.ResourceOptions(urn=urn))

    assert_refused(run(pulumi_mocks, program), "RES-002", "theirs", "provider")


def test_provider_created_before_enforce_is_unverified(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        early = aws.Provider("early", region="us-east-1")
        enforce("CN")
        aws.s3.Bucket("b", opts=opts(early))

    assert_refused(run(pulumi_mocks, program), "RES-012", "b", "provider", "early")


# -- 3. per-resource region overrides ----------------------------------------------------------------


@pytest.mark.parametrize(("region", "refused"), [("cn-northwest-1", False), ("us-west-2", True)])
def test_aws_per_resource_region(pulumi_mocks: MockSession, region: str, refused: bool) -> None:
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        aws.kms.Key("k", region=region, opts=opts(p))

    result = run(pulumi_mocks, program)
    if refused:
        assert_refused(result, "RES-003", "k", "region", region)
    else:
        assert result.error is None and result.find("k").region == region


@pytest.mark.parametrize(("region", "refused"), [("cn-beijing", False), ("cn-hongkong", True)])
def test_alicloud_per_resource_region_id(pulumi_mocks: MockSession, region: str, refused: bool) -> None:
    def program() -> None:
        enforce("CN")
        p = alicloud.Provider("p", region="cn-shanghai")
        # In pulumi-alicloud 4.0 only a few resources still take region_id as an input (PolarDB AI apps).
        alicloud.polardb.Application(
            "app", application_type="supabase", architecture="x86", db_cluster_id="pc-1", region_id=region, opts=opts(p)
        )

    result = run(pulumi_mocks, program)
    if refused:
        assert_refused(result, "RES-003", "app", "region_id", region)
    else:
        assert result.error is None


@pytest.mark.parametrize(("targets", "refused"), [(["cn-beijing"], False), (["cn-beijing", "ap-southeast-1"], True)])
def test_snapshot_copy_destinations(pulumi_mocks: MockSession, targets: list[str], refused: bool) -> None:
    def program() -> None:
        enforce("CN")
        p = alicloud.Provider("p", region="cn-shanghai")
        alicloud.ecs.AutoSnapshotPolicy(
            "snap",
            repeat_weekdays=["1"],
            time_points=["1"],
            retention_days=7,
            enable_cross_region_copy=True,
            target_copy_regions=targets,
            opts=opts(p),
        )

    result = run(pulumi_mocks, program)
    if refused:
        assert_refused(result, "RES-009", "snap", "target_copy_regions[1]", "ap-southeast-1")
    else:
        assert result.error is None


# -- 4. references nested in lists, dicts and JSON strings --------------------------------------------


def test_foreign_arn_nested_in_replication_rules(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        aws.s3.BucketReplicationConfig(
            "rep",
            bucket="src",
            role="arn:aws-cn:iam::123456789012:role/replication",
            rules=[
                aws.s3.BucketReplicationConfigRuleArgs(
                    status="Enabled",
                    destination=aws.s3.BucketReplicationConfigRuleDestinationArgs(bucket="arn:aws:s3:::abroad"),
                )
            ],
            opts=opts(p),
        )

    assert_refused(run(pulumi_mocks, program), "RES-004", "rep", "rules[0].destination.bucket", "arn:aws:s3:::abroad")


def test_in_country_policy_with_service_principal_is_accepted(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        bucket = aws.s3.Bucket("b", opts=opts(p))
        aws.s3.BucketPolicy(
            "pol",
            bucket=bucket.id,
            policy=bucket.arn.apply(
                lambda arn: json.dumps(
                    {"Statement": [{"Principal": {"Service": "s3.amazonaws.com"}, "Resource": [arn, f"{arn}/*"]}]}
                )
            ),
            opts=opts(p),
        )

    result = run(pulumi_mocks, program)
    assert result.error is None
    assert result.find("pol").inputs["policy"].count("arn:aws-cn:s3:::") == 2


def test_foreign_arn_inside_a_json_policy_string(pulumi_mocks: MockSession) -> None:
    document = {"Statement": [{"Resource": ["arn:aws-cn:s3:::ok/*", "arn:aws:s3:::leak/*"]}]}

    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        aws.iam.Policy("pol", policy=json.dumps(document), opts=opts(p))

    assert_refused(run(pulumi_mocks, program), "RES-004", "pol", "policy(json).Statement[0].Resource[1]")


def test_foreign_zone_and_oss_location(pulumi_mocks: MockSession) -> None:
    def aws_program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        aws.ec2.Subnet("s", vpc_id="vpc-1", cidr_block="10.0.1.0/24", availability_zone="ap-east-1a", opts=opts(p))

    def ali_program() -> None:
        enforce("CN")
        p = alicloud.Provider("p", region="cn-shanghai")
        alicloud.oss.BucketReplication(
            "rep",
            bucket="src",
            action="ALL",
            destination=alicloud.oss.BucketReplicationDestinationArgs(bucket="dst", location="oss-cn-hongkong"),
            opts=opts(p),
        )

    assert_refused(run(pulumi_mocks, aws_program), "RES-008", "s", "availability_zone", "ap-east-1a")
    assert_refused(run(pulumi_mocks, ali_program), "RES-007", "rep", "destination.location", "oss-cn-hongkong")


# -- 5. Output-valued inputs, top level or nested, secret or not ------------------------------------


@pytest.mark.parametrize("secret", [False, True], ids=["plain", "secret"])
def test_nested_output_is_judged_when_it_resolves(pulumi_mocks: MockSession, secret: bool) -> None:
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        foreign = pulumi.Output.from_input("arn:aws:kms:us-east-1:123456789012:key/abc")
        aws.s3.BucketServerSideEncryptionConfiguration(
            "sse",
            bucket="b",
            rules=[
                aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
                    apply_server_side_encryption_by_default=aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
                        sse_algorithm="aws:kms",
                        kms_master_key_id=pulumi.Output.secret(foreign) if secret else foreign,
                    )
                )
            ],
            opts=opts(p),
        )

    path = "rules[0].apply_server_side_encryption_by_default.kms_master_key_id"
    error = assert_refused(run(pulumi_mocks, program), "RES-004", "sse", path)
    if secret:
        assert error.value == "[secret]" and "us-east-1:123456789012" not in str(error)
    else:
        assert error.value == "arn:aws:kms:us-east-1:123456789012:key/abc"


@pytest.mark.parametrize(("value", "refused"), [("cn-northwest-1", False), ("ap-southeast-1", True)])
@pytest.mark.parametrize("key", ["value", "insecure_value"])
def test_a_setting_named_by_an_output_is_judged_under_its_name(
    pulumi_mocks: MockSession, value: str, refused: bool, key: str
) -> None:
    # The name resolves after the value is seen: the value (a secret Output the SDK makes of `value`, or a
    # plain `insecure_value`, held) is judged under the name once it resolves, as the policy pack judges the
    # resolved name (a region), not under its own key (where a region passed).
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        stack = pulumi.Output.from_input("prod")
        name = pulumi.Output.concat("/fleet/", stack, "/EXPORT_REGION")
        if key == "value":
            aws.ssm.Parameter("export-region", name=name, type="String", value=value, opts=opts(p))
        else:
            aws.ssm.Parameter("export-region", name=name, type="String", insecure_value=value, opts=opts(p))

    result = run(pulumi_mocks, program)
    if not refused:
        assert result.error is None and "export-region" in {r.name for r in result.resources}
        return
    error = assert_refused(result, "RES-009", "export-region", key)
    assert error.value == ("[secret]" if key == "value" else value)


def test_outputs_from_in_country_resources_are_accepted(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        key = aws.kms.Key("k", opts=opts(p))
        aws.s3.BucketServerSideEncryptionConfiguration(
            "sse",
            bucket="b",
            rules=[
                aws.s3.BucketServerSideEncryptionConfigurationRuleArgs(
                    apply_server_side_encryption_by_default=aws.s3.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs(
                        sse_algorithm="aws:kms", kms_master_key_id=key.arn
                    ),
                    bucket_key_enabled=True,
                )
            ],
            opts=opts(p),
        )

    result = run(pulumi_mocks, program)
    assert result.error is None
    sse = result.find("sse").inputs["rules"][0]["applyServerSideEncryptionByDefault"]
    assert sse["kmsMasterKeyId"].startswith("arn:aws-cn:kms:cn-north-1:")


# -- 6. reads and imports of existing resources -------------------------------------------------------


@pytest.mark.parametrize(
    ("how", "path"),
    [("get", "id"), ("get-output", "id"), ("import", "import")],
)
def test_existing_resources_must_be_in_country(pulumi_mocks: MockSession, how: str, path: str) -> None:
    foreign = "arn:aws:kms:eu-west-1:123456789012:key/abc"

    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        if how == "get":
            aws.kms.Key.get("k", foreign, opts=opts(p))
        elif how == "get-output":
            aws.kms.Key.get("k", pulumi.Output.from_input(foreign), opts=opts(p))
        else:
            aws.kms.Key("k", opts=pulumi.ResourceOptions(provider=p, import_=foreign))

    assert_refused(run(pulumi_mocks, program), "RES-010", "k", path, foreign)


def test_in_country_read_is_accepted(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        aws.kms.Key.get("k", "arn:aws-cn:kms:cn-north-1:123456789012:key/abc", opts=opts(p))

    result = run(pulumi_mocks, program)
    assert result.error is None and result.find("k").read_id


# -- 7. the provider's own settings ------------------------------------------------------------------


@pytest.mark.parametrize(
    # Rule id first, as in every rule table (tests/test_rules.py PAIRS, tests/test_policy_resources.py CASES).
    ("rule_id", "kwargs", "path"),
    [
        (
            "RES-006",
            {"endpoints": [aws.ProviderEndpointArgs(s3="https://s3.us-east-1.amazonaws.com")]},
            "endpoints(json)[0].s3",
        ),
        (
            "RES-004",
            {"assume_roles": [aws.ProviderAssumeRoleArgs(role_arn="arn:aws:iam::123456789012:role/deploy")]},
            # Provider inputs of object type reach the engine JSON-encoded, hence the (json) step.
            "assume_roles(json)[0].roleArn",
        ),
        ("RES-009", {"sts_region": "us-east-1"}, "sts_region"),
    ],
    ids=["endpoint", "assume-role", "sts-region"],
)
def test_provider_settings(pulumi_mocks: MockSession, rule_id: str, kwargs: dict[str, Any], path: str) -> None:
    def program() -> None:
        enforce("CN")
        aws.Provider("p", region="cn-north-1", **kwargs)

    assert_refused(run(pulumi_mocks, program), rule_id, "p", path)


def test_in_country_provider_settings_are_accepted(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        aws.Provider(
            "p",
            region="cn-north-1",
            endpoints=[aws.ProviderEndpointArgs(s3="https://s3.cn-north-1.amazonaws.com.cn")],
            assume_roles=[aws.ProviderAssumeRoleArgs(role_arn="arn:aws-cn:iam::123456789012:role/deploy")],
        )
        alicloud.Provider(
            "ali",
            region="cn-beijing",
            assume_role=alicloud.ProviderAssumeRoleArgs(role_arn="acs:ram::1234567890123456:role/deploy"),
        )

    assert run(pulumi_mocks, program).error is None


# -- packages, audit mode and the audit session --------------------------------------------------------


def test_resources_of_uncovered_clouds_are_refused(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        pulumi.CustomResource("gcp:storage/bucket:Bucket", "gcs", {"location": "ASIA-EAST2"})

    assert_refused(run(pulumi_mocks, program), "RES-013", "gcs", "")


def offending_program(guard_box: list[Guard], mode: str = "audit") -> Program:
    def program() -> None:
        guard_box.append(enforce("CN", mode=mode))  # type: ignore[arg-type]
        p = aws.Provider("p", region="cn-north-1")
        aws.s3.Bucket("abroad", region="eu-west-1", opts=opts(p))
        aws.iam.Policy("pol", policy=pulumi.Output.from_input('{"Resource": "arn:aws:s3:::x"}'), opts=opts(p))
        aws.s3.Bucket("fine", opts=opts(p))

    return program


def test_audit_mode_collects_every_violation_and_registers_everything(pulumi_mocks: MockSession) -> None:
    box: list[Guard] = []
    result = run(pulumi_mocks, offending_program(box))
    assert result.error is None
    assert sorted((f.rule.id, f.resource_name, f.path) for f in box[0].findings) == [
        ("RES-003", "abroad", "region"),
        ("RES-004", "pol", "policy(json).Resource"),
    ]
    assert {"abroad", "pol", "fine"} <= {r.name for r in result.resources}


def test_audit_session_switches_an_unmodified_program_to_audit(pulumi_mocks: MockSession) -> None:
    box: list[Guard] = []
    with audit_session() as guards:
        result = run(pulumi_mocks, offending_program(box, mode="raise"))
    assert result.error is None
    assert guards == box and len(guards[0].findings) == 2


def test_enforce_rejects_unknown_codes_and_modes() -> None:
    with pytest.raises(Exception, match=r"unknown jurisdiction 'XX'.*Fix: use one of"):
        enforce("XX", register=lambda _: None)
    with pytest.raises(ValueError, match="mode must be 'raise' or 'audit'"):
        enforce("CN", mode="loud", register=lambda _: None)  # type: ignore[arg-type]


# `enforce(pulumi.Config().get("jurisdiction"))` passes None when the key is missing: it used to end in
# "AttributeError: 'NoneType' object has no attribute 'aws'", far from the cause.
@pytest.mark.parametrize(("code", "shown"), [(None, "None"), (5, "5"), ("", "''"), (["CN"], "['CN']")])
def test_enforce_without_a_jurisdiction_code_says_so(code: Any, shown: str) -> None:
    from components.errors import ConfigError

    with pytest.raises(
        ConfigError,
        match=rf"^enforce\(\): jurisdiction: expected a jurisdiction code such as 'CN', got {re.escape(shown)}",
    ) as caught:
        enforce(code, register=lambda _: None)
    assert "Fix: pass the code" in str(caught.value) and "sovereign-dc:jurisdiction" in str(caught.value)
    with pytest.raises(ValueError, match=r"mode must be 'raise' or 'audit', not 'loud'\. Fix: "):
        enforce("CN", mode="loud", register=lambda _: None)  # type: ignore[arg-type]


# -- 12. a name the program makes later than the resource naming it (stop 35) ----------------------------------------


def _exporter(p: pulumi.ProviderResource, bucket: str | pulumi.Output[str]) -> aws.lambda_.Function:
    return aws.lambda_.Function(
        "exporter", role="arn:aws:iam::123456789012:role/exporter", runtime="python3.12", handler="index.handler",
        code=pulumi.AssetArchive({"index.py": pulumi.StringAsset("")}),
        environment={"variables": {"ARCHIVE_BUCKET": bucket}}, opts=opts(p),
    )  # fmt: skip


@pytest.mark.parametrize("as_output", [False, True], ids=["plain", "output"])
@pytest.mark.parametrize("between", ["nothing", "sync-invoke"])
@pytest.mark.parametrize("made", [True, False], ids=["made-later", "never-made"])
def test_a_bucket_made_later_in_the_program_proves_its_name(
    pulumi_mocks: MockSession, between: str, made: bool, as_output: bool
) -> None:
    """The guard judges a regionless name once construction is over, as the pack and the reviews judge the whole stack:
    a bucket made further down proves it (also across a synchronous invoke, whose pump runs registration tasks while
    the program is suspended in it), and a name nothing makes is refused before the resource registers."""

    def program() -> None:
        enforce("EU")
        p = aws.Provider("p", region="eu-central-1")
        _exporter(p, pulumi.Output.from_input("fleet-trip-archive") if as_output else "fleet-trip-archive")
        if between == "sync-invoke":
            aws.get_caller_identity(opts=pulumi.InvokeOptions(provider=p))
        if made:
            aws.s3.BucketV2("archive", bucket="fleet-trip-archive", opts=opts(p))

    result = run(pulumi_mocks, program)
    if made:
        assert result.error is None and {"exporter", "archive"} <= {r.name for r in result.resources}
    else:
        assert_refused(result, "RES-017", "exporter", "environment.variables.ARCHIVE_BUCKET", "fleet-trip-archive")


def test_a_later_name_in_audit_mode_is_reported_once_construction_is_over(pulumi_mocks: MockSession) -> None:
    box: list[Guard] = []

    def program() -> None:
        box.append(enforce("EU", mode="audit"))
        p = aws.Provider("p", region="eu-central-1")
        _exporter(p, "fleet-trip-archive")
        aws.s3.BucketV2("other", bucket="fleet-other-bucket", opts=opts(p))

    result = run(pulumi_mocks, program)
    assert result.error is None
    assert [(f.rule.id, f.resource_name) for f in box[0].findings] == [("RES-017", "exporter")]


def test_a_synchronous_invoke_waiting_on_the_held_resource_does_not_hang(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A program that blocks its construction on an Output of the held resource (a synchronous invoke given it) would
    wait on itself: after PUMP_PATIENCE_SECONDS on one pump the name is judged with what has registered (refused)."""
    from components import _compat

    monkeypatch.setattr(_compat, "PUMP_PATIENCE_SECONDS", 0.2)

    def program() -> None:
        enforce("EU")
        p = aws.Provider("p", region="eu-central-1")
        fn = _exporter(p, "fleet-trip-archive")
        aws.lambda_.get_function(function_name=fn.name, opts=pulumi.InvokeOptions(provider=p))  # type: ignore[arg-type]
        aws.s3.BucketV2("archive", bucket="fleet-trip-archive", opts=opts(p))

    result = run(pulumi_mocks, program)
    assert isinstance(result.error, ResidencyViolation), result.error
    assert result.error.rule_id == "RES-017" and "exporter" not in {r.name for r in result.resources}


# -- 13. a stack's template judged with the Parameter values it is given (falsealarm16, stop 35) ---------------------


@pytest.mark.parametrize(("given", "refused"), [("eu-central-1", False), ("ap-southeast-1", True)])
def test_a_stack_template_waits_for_its_given_parameters(pulumi_mocks: MockSession, given: str, refused: bool) -> None:
    """A ROS stack whose Parameter is given an Output, used in an Fn::Sub host: the guard holds the template until the
    given values resolve and judges it with them, as the policy pack judges the stack (it was RES-015 whatever the
    Output resolved to)."""
    template = {
        "ROSTemplateFormatVersion": "2015-09-01",
        "Parameters": {"Site": {"Type": "String"}},
        "Resources": {"Uploader": {"Type": "ALIYUN::FC::Function", "Properties": {
            "ServiceName": "fleet", "FunctionName": "uploader", "Handler": "index.handler", "Runtime": "python3.10",
            "EnvironmentVariables": {"OSS_ENDPOINT": {"Fn::Sub": "https://oss-${Site}-internal.aliyuncs.com"}}}}},
    }  # fmt: skip

    def program() -> None:
        enforce("DE")
        p = alicloud.Provider("p", region="eu-central-1")
        site = pulumi.Output.from_input("vpc-1").apply(lambda _: given)
        alicloud.ros.Stack(
            "platform", stack_name="platform", template_body=json.dumps(template),
            parameters=[{"parameter_key": "Site", "parameter_value": site}], opts=opts(p),
        )  # fmt: skip

    result = run(pulumi_mocks, program)
    if refused:
        assert isinstance(result.error, ResidencyViolation), result.error
        assert result.error.rule_id == "RES-006" and "platform" not in {r.name for r in result.resources}
    else:
        assert result.error is None and "platform" in {r.name for r in result.resources}


# -- 14. a provider's Output pin that waits on the resource whose grant is judged (stop 37) ----------------------------


def _trust(account: str) -> str:
    statement = {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"}, "Action": "sts:AssumeRole"}
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


@pytest.mark.parametrize(("account", "refused"), [("210987654321", True), ("123456789012", False)])
def test_a_pin_waiting_on_the_granting_role_does_not_hang(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch, account: str, refused: bool
) -> None:
    """A second provider assuming the role whose trust policy is being judged: its pin (the role's ARN) resolves only
    once the role registers, which waits on the judgement. The grant to an account nothing else proves waited for that
    pin forever (the program hung); now, after the guard's patience, it is judged without it (refused, with a warning
    naming the provider). A grant to the account the first provider pins as a plain value never waits."""

    def program() -> None:
        enforce("EU").patience = 0.2
        p = aws.Provider("p", region="eu-central-1", allowed_account_ids=["123456789012"])
        role = aws.iam.Role("ci", assume_role_policy=_trust(account), opts=opts(p))
        second = aws.Provider(
            "second", region="eu-central-1", assume_roles=[aws.ProviderAssumeRoleArgs(role_arn=role.arn)]
        )
        aws.s3.BucketV2("exports", bucket="fleet-exports", opts=opts(second))

    result = run(pulumi_mocks, program)
    if refused:
        error = assert_refused(result, "RES-023", "ci", "assume_role_policy(json).Statement[0].Principal.AWS")
        assert error.value == "arn:aws:iam::210987654321:root"
    else:
        assert result.error is None and {"ci", "second", "exports"} <= {r.name for r in result.resources}


# -- 15. an auto-named bucket's name, learned once the provider assigns it (autoname37, stop 37) ---------------------


def _parameter(p: pulumi.ProviderResource, value: str | pulumi.Output[str]) -> aws.ssm.Parameter:
    return aws.ssm.Parameter("raw-bucket", name="/fleet/lake/raw-bucket", type="String", value=value, opts=opts(p))


@pytest.mark.parametrize("form", ["own", "derived"])
def test_an_auto_named_buckets_name_read_back_through_another_resource_is_proven(
    pulumi_mocks: MockSession, form: str
) -> None:
    """A bucket made without `bucket` (the provider assigns the name), whose name an SSM parameter holds and a function
    reads from the parameter: the guard learns the assigned name from the bucket's `bucket` output and accepts it, as
    the policy pack and the reviews do from the final state (it was RES-017). A name computed from it that is not it
    (`<name>-partner`, a bucket the stack does not make) stays refused."""

    def program() -> None:
        enforce("EU")
        p = aws.Provider("p", region="eu-west-1")
        bucket = aws.s3.BucketV2("raw", opts=opts(p))
        name = bucket.bucket if form == "own" else bucket.bucket.apply(lambda n: f"{n}-partner")
        _exporter(p, _parameter(p, name).value)

    result = run(pulumi_mocks, program)
    if form == "own":
        assert result.error is None and "exporter" in {r.name for r in result.resources}
    else:
        assert_refused(result, "RES-017", "exporter", "environment.variables.ARCHIVE_BUCKET")


def _assigned_name(session: MockSession) -> str:
    """The name the mocks assign to the bucket `raw` (deterministic), read from a first run."""

    def program() -> None:
        enforce("EU")
        aws.s3.BucketV2("raw", opts=opts(aws.Provider("p", region="eu-west-1")))

    result = run(session, program)
    assert result.error is None
    (name,) = [r.outputs["bucket"] for r in result.resources if r.name == "raw"]
    assert isinstance(name, str) and name.startswith("raw")
    return name


@pytest.mark.parametrize("ours", [True, False], ids=["assigned-name", "other-name"])
def test_an_assigned_name_written_plainly_waits_for_the_bucket(pulumi_mocks: MockSession, ours: bool) -> None:
    """The name a previous `pulumi up` assigned, copied into the program as text (a bucket made further down): the
    guard waits for the bucket's name, then proves it; another name is refused once the name is known."""
    name = _assigned_name(pulumi_mocks) if ours else "fleet-not-ours"

    def program() -> None:
        enforce("EU")
        p = aws.Provider("p", region="eu-west-1")
        _exporter(p, name)
        aws.s3.BucketV2("raw", opts=opts(p))

    result = run(pulumi_mocks, program)
    if ours:
        assert result.error is None and "exporter" in {r.name for r in result.resources}
    else:
        assert_refused(result, "RES-017", "exporter", "environment.variables.ARCHIVE_BUCKET", "fleet-not-ours")


def test_a_bucket_made_inside_an_apply_proves_the_name_read_from_it(pulumi_mocks: MockSession) -> None:
    """A bucket constructed inside an `apply` (after construction is over) whose name flows into the function: the
    value (read back from an SSM parameter, which proves no bucket) resolves after the bucket's name, which the guard
    learns then."""

    def program() -> None:
        enforce("EU")
        p = aws.Provider("p", region="eu-west-1")
        key = aws.kms.Key("lake", opts=opts(p))

        def made(_arn: str) -> pulumi.Output[str]:
            return aws.s3.BucketV2("late", opts=opts(p)).bucket

        late: pulumi.Output[str] = key.arn.apply(made)
        _exporter(p, _parameter(p, late).value)

    result = run(pulumi_mocks, program)
    assert result.error is None and {"late", "exporter"} <= {r.name for r in result.resources}


def _settles(monkeypatch: pytest.MonkeyPatch) -> list[float | None]:
    """The patience of each wait for assigned names (``_compat.settle``) the guard starts."""
    from components import _compat

    calls: list[float | None] = []
    settle = _compat.settle

    async def recorded(outputs: Any, patience: float | None = None) -> None:
        calls.append(patience)
        await settle(outputs, patience)

    monkeypatch.setattr(_compat, "settle", recorded)
    return calls


def _waits_that_ran_out(monkeypatch: pytest.MonkeyPatch) -> list[float | None]:
    """The patience of each wait (``_compat.settle``) that ended with an Output still unresolved: a wait the guard
    should not have started shows here (its patience ran out), with no clock in the test."""
    from components import _compat

    ran_out: list[float | None] = []
    settle = _compat.settle

    async def recorded(outputs: Any, patience: float | None = None) -> None:
        await settle(outputs, patience)
        if any(_compat.settled(o) is False for o in outputs):
            ran_out.append(patience)

    monkeypatch.setattr(_compat, "settle", recorded)
    return ran_out


def test_a_wait_for_an_assigned_name_that_never_comes_is_refused_not_hung(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cycle: the bucket's provider waits on the judged function (its region is computed from the function's ARN),
    so the bucket's name cannot come before the function registers. The guard waits at most `patience` seconds,
    then refuses the name it cannot prove (fail closed), and the program ends."""

    waits = _settles(monkeypatch)

    def program() -> None:
        guard = enforce("EU")
        guard.patience = 0.3
        p = aws.Provider("p", region="eu-west-1")
        fn = _exporter(p, "fleet-not-ours")
        late = aws.Provider("late", region=fn.arn.apply(lambda _: "eu-west-1"))
        aws.s3.BucketV2("raw", opts=opts(late))

    result = run(pulumi_mocks, program)
    assert_refused(result, "RES-017", "exporter", "environment.variables.ARCHIVE_BUCKET", "fleet-not-ours")
    assert "raw" not in {r.name for r in result.resources}
    assert waits == [0.3]


def test_a_bucket_whose_inputs_are_outputs_is_not_waited_for(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bucket given an Output (it may be computed from the judged resource) is never waited for: a plain name it
    could prove is refused at once rather than risk a cycle; an Output name computed from it is proven (above)."""
    waits = _settles(monkeypatch)

    def program() -> None:
        guard = enforce("EU")
        guard.patience = 60.0  # a wait would show as a timeout of the test run
        p = aws.Provider("p", region="eu-west-1")
        fn = _exporter(p, "fleet-not-ours")
        aws.s3.BucketV2("raw", tags={"fn": fn.arn}, opts=opts(p))

    result = run(pulumi_mocks, program)
    assert_refused(result, "RES-017", "exporter", "environment.variables.ARCHIVE_BUCKET", "fleet-not-ours")
    assert waits == []


@pytest.mark.parametrize("form", ["own", "derived"])
def test_an_auto_named_oss_buckets_name_read_back_is_proven_under_its_clouds_key(
    pulumi_mocks: MockSession, form: str
) -> None:
    """The same for an OSS bucket made without `bucket` (pulumi-alicloud oss.Bucket: `bucket` is optional), its name
    held by an OOS parameter and written into an `oss://` URL of a Function Compute function: learned under the OSS
    key (`created_name`), proven; `<name>-partner` stays refused."""

    def program() -> None:
        enforce("DE")
        role = alicloud.ProviderAssumeRoleArgs(role_arn="acs:ram::1234567890123456:role/deployer", session_name="ci")
        p = alicloud.Provider("ali", region="eu-central-1", assume_role=role)
        bucket = alicloud.oss.Bucket("trips", opts=opts(p))
        name = bucket.bucket if form == "own" else bucket.bucket.apply(lambda n: f"{n}-partner")
        param = alicloud.oos.Parameter("trips", parameter_name="fleet-trips", type="String", value=name, opts=opts(p))
        alicloud.fc.V3Function(
            "loader", function_name="loader", runtime="python3.10", handler="index.handler",
            role="acs:ram::1234567890123456:role/loader", code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            environment_variables={"DATA": param.value.apply(lambda b: f"oss://{b}/x")}, opts=opts(p),
        )  # fmt: skip

    result = run(pulumi_mocks, program)
    if form == "own":
        assert result.error is None and "loader" in {r.name for r in result.resources}
    else:
        assert_refused(result, "RES-017", "loader", "environment_variables.DATA")


_HELD = {
    "include": ("RES-025", "template_body(json).Resources.Fn::Transform.Parameters.Location"),
    "api": ("RES-024", "template_body(json).Resources.Api.Properties.DefinitionUri"),
}


@pytest.mark.parametrize("bucket", ["own", "after", "read"])
@pytest.mark.parametrize("kind", sorted(_HELD))
def test_an_auto_named_bucket_holding_a_snippet_or_an_api_body_is_proven_in_cn(
    pulumi_mocks: MockSession, kind: str, bucket: str
) -> None:
    """(falsealarm49) An AWS::Include snippet or a SAM Api's OpenAPI body held in a bucket the program makes without
    `bucket` (the provider names it): the guard learns the name and proves the object (RES-025 / RES-024 before, in CN
    only: outside CN the unproven bucket is also RES-017, which alone made the guard judge again). So does a named
    bucket constructed after the stack (`after`: a snippet was RES-025 before, in every jurisdiction; the finding is
    now held until construction is over). A bucket the program only reads (`Bucket.get`) is not made: its name proves
    nothing, the object stays refused."""

    def template(name: str) -> str:
        if kind == "include":
            include = {"Name": "AWS::Include", "Parameters": {"Location": f"s3://{name}/snippets/queues.yaml"}}
            return json.dumps({"Resources": {"Fn::Transform": include}})
        api = {
            "StageName": "prod",
            "EndpointConfiguration": "REGIONAL",
            "DefinitionUri": {"Bucket": name, "Key": "openapi.yaml"},
        }
        return json.dumps({"Transform": "AWS::Serverless-2016-10-31",
                           "Resources": {"Api": {"Type": "AWS::Serverless::Api", "Properties": api}}})  # fmt: skip

    def program() -> None:
        enforce("CN")
        p = aws.Provider("p", region="cn-north-1")
        if bucket == "after":
            aws.cloudformation.Stack("orders", template_body=template("fleet-templates-cn"), opts=opts(p))
            aws.s3.Bucket("templates", bucket="fleet-templates-cn", opts=opts(p))
            return
        if bucket == "own":
            held = aws.s3.Bucket("templates", opts=opts(p))
        else:
            held = aws.s3.Bucket.get("templates", "platform-templates-shared", opts=opts(p))
        aws.cloudformation.Stack("orders", template_body=held.bucket.apply(template), opts=opts(p))

    result = run(pulumi_mocks, program)
    if bucket != "read":
        assert result.error is None and "orders" in {r.name for r in result.resources}
    else:
        assert_refused(result, *(_HELD[kind][0], "orders", _HELD[kind][1]))


# -- 16. the stage-variables join never waits on the judged Stage (stop 37) --------------------------------------------


@pytest.mark.parametrize(("named", "refused"), [("own", False), ("partner", True)])
def test_the_stage_join_does_not_wait_on_the_held_stage(pulumi_mocks: MockSession, named: str, refused: bool) -> None:
    """A second API described by the first API's Stage URL (`description=stage.invoke_url`) registers only after that
    Stage, which the guard holds until the join is read: reading the second API's id without patience hung the
    program. Its own API is awaited (the resource waits on it anyway); another API unknown after ``patience`` counts
    as any API (fail closed), so the S3 integration of the second API is still judged against its own Stage."""

    def program() -> None:
        enforce("EU").patience = 0.3
        p = aws.Provider("p", region="eu-central-1", allowed_account_ids=["123456789012"])
        bucket = aws.s3.BucketV2("diag", bucket="fleet-diag", opts=opts(p))
        first = aws.apigateway.RestApi("status", endpoint_configuration={"types": "REGIONAL"}, opts=opts(p))
        get = aws.apigateway.Method(
            "status-get", rest_api=first.id, resource_id=first.root_resource_id, http_method="GET",
            authorization="NONE", opts=opts(p),
        )  # fmt: skip
        mock = aws.apigateway.Integration(
            "status-mock", rest_api=first.id, resource_id=first.root_resource_id, http_method=get.http_method,
            type="MOCK", opts=opts(p),
        )  # fmt: skip
        released = aws.apigateway.Deployment(
            "status", rest_api=first.id, opts=pulumi.ResourceOptions(provider=p, depends_on=[mock])
        )
        stage = aws.apigateway.Stage(
            "status-prod", rest_api=first.id, deployment=released.id, stage_name="prod",
            variables={"bucket": bucket.bucket}, opts=opts(p),
        )  # fmt: skip
        second = aws.apigateway.RestApi(
            "uploads", description=stage.invoke_url, endpoint_configuration={"types": "REGIONAL"}, opts=opts(p)
        )
        obj = aws.apigateway.Resource(
            "object", rest_api=second.id, parent_id=second.root_resource_id, path_part="{key}", opts=opts(p)
        )
        put = aws.apigateway.Method(
            "put", rest_api=second.id, resource_id=obj.id, http_method="PUT", authorization="AWS_IAM", opts=opts(p)
        )
        upload = aws.apigateway.Integration(
            "put-object", rest_api=second.id, resource_id=obj.id, http_method=put.http_method,
            integration_http_method="PUT", type="AWS",
            uri="arn:aws:apigateway:eu-central-1:s3:path/${stageVariables.bucket}/{key}",
            credentials="arn:aws:iam::123456789012:role/apigw-uploads", opts=opts(p),
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "uploads", rest_api=second.id, opts=pulumi.ResourceOptions(provider=p, depends_on=[upload])
        )
        aws.apigateway.Stage(
            "uploads-prod", rest_api=second.id, deployment=deployment.id, stage_name="prod",
            variables={"bucket": bucket.bucket if named == "own" else "partner-uploads"}, opts=opts(p),
        )  # fmt: skip

    result = run(pulumi_mocks, program)
    if refused:
        assert_refused(result, "RES-017", "uploads-prod", "variables.bucket", "partner-uploads")
    else:
        assert result.error is None, result.error
        assert {"status-prod", "put-object", "uploads-prod"} <= {r.name for r in result.resources}


def _assert_body_judged_without_waiting(result: Any, ran_out: list[float | None], refused: bool, stage: str) -> None:
    """Sections 17 and 18: the API ``orders`` (its body's integration reading ``${stageVariables.backend}`` when
    ``refused``) is refused at its body's uri when its wait for the join ran out at the 0.3 s patience; otherwise
    registered with its Stage ``stage``, no wait having run out (a wait for the join would: the 60 s patience)."""
    assert ran_out == ([0.3] if refused else []), ran_out
    if refused:
        error = result.error
        assert isinstance(error, ResidencyViolation), error
        assert (error.rule_id, error.resource_name) == ("RES-015", "orders")
        assert error.path.endswith("x-amazon-apigateway-integration.uri"), error.path
    else:
        assert result.error is None, result.error
        assert {"orders", stage} <= {r.name for r in result.resources}


# -- 17. a RestApi whose body reads no stage variable does not wait for the join (stop 40) ----------------------------


@pytest.mark.parametrize(("reads", "refused"), [(False, False), (True, True)])
def test_a_rest_api_body_without_stage_variables_does_not_wait_for_the_join(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch, reads: bool, refused: bool
) -> None:
    """A RestApi given its OpenAPI body as an Output, its Stage's `rest_api` computed from the API's id
    (`api.id.apply(...)`): that id resolves only once the RestApi registers, so a RestApi judgement that read the
    stage-variables join waited `patience` for it (30 s in `pulumi up`). A body that names no stage variable needs no
    join and registers at once; one that reads `${stageVariables.backend}` still joins, and is refused at the RestApi
    (fail closed): its Stage's API is still unknown when the wait ends at `patience`, so no Stage proves the host."""
    ran_out = _waits_that_ran_out(monkeypatch)

    def program() -> None:
        enforce("EU").patience = 60.0 if not reads else 0.3
        p = aws.Provider("p", region="eu-central-1", allowed_account_ids=["123456789012"])
        lb = aws.lb.LoadBalancer("orders", internal=True, load_balancer_type="network", opts=opts(p))
        host = "${stageVariables.backend}" if reads else "internal.orders.eu-central-1.elb.amazonaws.com"
        body = lb.arn.apply(
            lambda _: json.dumps({
                "openapi": "3.0.1", "info": {"title": "orders", "version": "1"},
                "paths": {"/orders": {"get": {"x-amazon-apigateway-integration": {
                    "type": "http_proxy", "httpMethod": "GET", "uri": f"https://{host}/orders"}}}},
            })
        )  # fmt: skip
        api = aws.apigateway.RestApi("orders", body=body, endpoint_configuration={"types": "REGIONAL"}, opts=opts(p))
        api_id = api.id.apply(lambda i: i)
        deployment = aws.apigateway.Deployment("orders", rest_api=api_id, opts=opts(p))
        aws.apigateway.Stage(
            "orders-prod", rest_api=api_id, deployment=deployment.id, stage_name="prod",
            variables={"backend": "orders.partner.example.com" if reads else lb.dns_name}, opts=opts(p),
        )  # fmt: skip

    _assert_body_judged_without_waiting(run(pulumi_mocks, program), ran_out, refused, "orders-prod")


# -- 18. an HTTP API's body is joined like a RestApi's, and waits for the join only when it reads a variable (stop 41)


@pytest.mark.parametrize(("reads", "refused"), [(False, False), (True, True)])
def test_an_http_api_body_without_stage_variables_does_not_wait_for_the_join(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch, reads: bool, refused: bool
) -> None:
    """Section 17 for an HTTP API (httpapi41): its OpenAPI body, given as an Output, is a member of the join since stop
    41. A body that names no stage variable (a private integration to the stack's listener) registers at once, though
    its Stage's `api_id` is computed from the Api's id; one that reads `${stageVariables.backend}` joins, and is refused
    at the Api when the wait for its Stage's API ends at `patience` (fail closed)."""
    ran_out = _waits_that_ran_out(monkeypatch)

    def program() -> None:
        enforce("EU").patience = 60.0 if not reads else 0.3
        p = aws.Provider("p", region="eu-central-1", allowed_account_ids=["123456789012"])
        lb = aws.lb.LoadBalancer("orders", internal=True, load_balancer_type="network", opts=opts(p))
        link = aws.apigatewayv2.VpcLink("orders", subnet_ids=["subnet-1"], security_group_ids=["sg-1"], opts=opts(p))

        def body(parts: list[str]) -> str:
            integration = (
                {"type": "http_proxy", "uri": "https://${stageVariables.backend}/orders"}
                if reads
                else {"type": "http_proxy", "connectionType": "VPC_LINK", "connectionId": parts[1], "uri": parts[0]}
            )
            return json.dumps({
                "openapi": "3.0.1", "info": {"title": "orders", "version": "1"},
                "paths": {"/orders": {"get": {"x-amazon-apigateway-integration": {
                    **integration, "httpMethod": "ANY", "payloadFormatVersion": "1.0"}}}},
            })  # fmt: skip

        api = aws.apigatewayv2.Api(
            "orders", protocol_type="HTTP", body=pulumi.Output.all(lb.arn, link.id).apply(body), opts=opts(p)
        )
        aws.apigatewayv2.Stage(
            "orders-default", api_id=api.id.apply(lambda i: i), name="$default", auto_deploy=True,
            stage_variables={"backend": "orders.partner.example.com" if reads else lb.dns_name}, opts=opts(p),
        )  # fmt: skip

    _assert_body_judged_without_waiting(run(pulumi_mocks, program), ran_out, refused, "orders-default")


# -- 19. a RestApi body's private integration through the stack's own VpcLink (stop 42) -------------------------------


@pytest.mark.parametrize(("literal", "refused"), [(False, False), (True, True)])
def test_a_rest_api_bodys_private_integration_is_judged_by_the_link_without_waiting(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch, literal: bool, refused: bool
) -> None:
    """A RestApi whose OpenAPI body (an Output computed from the stack's ``apigateway.VpcLink`` id) routes through
    that link (``connectionType: VPC_LINK``): its ``uri`` is the Host header (bodies42), so a private name passes, and
    the API registers at once though its Stage's ``rest_api`` is computed from its id (no wait for the
    stage-variables join). A literal ``connectionId`` proves no link: refused at the uri (RES-015), also without
    waiting."""
    ran_out = _waits_that_ran_out(monkeypatch)

    def program() -> None:
        enforce("EU").patience = 60.0
        p = aws.Provider("p", region="eu-central-1", allowed_account_ids=["123456789012"])
        lb = aws.lb.LoadBalancer("orders-nlb", internal=True, load_balancer_type="network", opts=opts(p))
        link = aws.apigateway.VpcLink("orders-link", target_arn=lb.arn, opts=opts(p))
        body = link.id.apply(
            lambda i: json.dumps({
                "openapi": "3.0.1", "info": {"title": "orders", "version": "1"},
                "paths": {"/orders": {"get": {"x-amazon-apigateway-integration": {
                    "type": "http_proxy", "httpMethod": "GET", "uri": "http://orders.internal.example.com/orders",
                    "connectionType": "VPC_LINK", "connectionId": "a1b2c3" if literal else i}}}},
            })
        )  # fmt: skip
        api = aws.apigateway.RestApi("orders", body=body, endpoint_configuration={"types": "REGIONAL"}, opts=opts(p))
        api_id = api.id.apply(lambda i: i)
        deployment = aws.apigateway.Deployment("orders", rest_api=api_id, opts=opts(p))
        aws.apigateway.Stage("orders-prod", rest_api=api_id, deployment=deployment.id, stage_name="prod", opts=opts(p))

    result = run(pulumi_mocks, program)
    assert ran_out == [], ran_out
    if refused:
        assert_refused(result, "RES-015", "orders", _PRIVATE_URI_PATH, "orders.internal.example.com")
    else:
        assert result.error is None, result.error
        assert {"orders", "orders-prod"} <= {r.name for r in result.resources}


_PRIVATE_URI_PATH = "body(json).paths./orders.get.x-amazon-apigateway-integration.uri"


# -- 20. the stage join does not wait for what registers after the judged API (stop 46) --------------------------------


@pytest.mark.parametrize("preview", [True, False], ids=["first-preview", "up"])
@pytest.mark.parametrize(("authorization", "refused"), [("AWS_IAM", False), ("NONE", True)])
def test_the_stage_join_does_not_wait_for_a_method_made_from_the_judged_api(
    monkeypatch: pytest.MonkeyPatch, preview: bool, authorization: str, refused: bool
) -> None:
    """A RestApi made from an OpenAPI body computed from the stack's bucket name AND given a separate Method and S3
    Integration (apijoin45's `rest-body-*-method-*`), the guard's patience left at its default (30 s). In a first
    preview the body is unknown, so the RestApi's judgement joins, and read its Integration's `http_method`, which is
    `method.http_method`, an output of a Method made with `rest_api=api.id`: that Method cannot register before the
    RestApi, whose registration waits on this judgement, so the wait always ran its 30 s out and read the method not
    known (stop 45 measured 30.06 s for each of the 24 table programs). Now no wait runs out, and the verdicts are
    the same: the first preview passes both (the open Method's grant is the pack's and the reviews' to judge there),
    `pulumi up` refuses the Integration behind the open Method (RES-024) and passes the IAM one."""
    from engine_documents import FirstPreviewMocks

    from components.simulate.mocks import SovereignMocks
    from components.testing import run_pulumi_program

    ran_out = _waits_that_ran_out(monkeypatch)

    def program() -> None:
        enforce("EU")  # patience left at its default (`_compat.OUTPUT_PATIENCE_SECONDS`)
        p = aws.Provider("p", region="eu-west-1", allowed_account_ids=["123456789012"])
        role = "arn:aws:iam::123456789012:role/apigw-read"
        bucket = aws.s3.Bucket("files", opts=opts(p))
        body = bucket.bucket.apply(
            lambda name: json.dumps({
                "openapi": "3.0.1", "info": {"title": "files", "version": "1"}, "security": [{"sigv4": []}],
                "components": {"securitySchemes": {"sigv4": {
                    "type": "apiKey", "name": "Authorization", "in": "header",
                    "x-amazon-apigateway-authtype": "awsSigv4"}}},
                "paths": {"/{key}": {"get": {"x-amazon-apigateway-integration": {
                    "type": "aws", "httpMethod": "GET", "credentials": role,
                    "uri": f"arn:aws:apigateway:eu-west-1:s3:path/{name}/{{key}}"}}}},
            })
        )  # fmt: skip
        api = aws.apigateway.RestApi("files", body=body, endpoint_configuration={"types": "REGIONAL"}, opts=opts(p))
        key = aws.apigateway.Resource(
            "sheets-key", rest_api=api.id, parent_id=api.root_resource_id, path_part="{key}", opts=opts(p)
        )
        method = aws.apigateway.Method(
            "sheets-get-method", rest_api=api.id, resource_id=key.id, http_method="GET", authorization=authorization,
            opts=opts(p),
        )  # fmt: skip
        aws.apigateway.Integration(
            "sheets-get", rest_api=api.id, resource_id=key.id, http_method=method.http_method, type="AWS",
            integration_http_method="GET", credentials=role,
            uri=bucket.bucket.apply(lambda name: f"arn:aws:apigateway:eu-west-1:s3:path/{name}/sheets/{{key}}"),
            opts=opts(p),
        )  # fmt: skip

    mocks = FirstPreviewMocks(SovereignMocks()) if preview else None
    result = run_pulumi_program(
        program, project="sovereign-dc", stack="eu", preview=preview, mocks=mocks, raise_on_error=False
    )
    assert ran_out == [], ran_out
    if refused and not preview:
        assert_refused(result, "RES-024", "sheets-get", "uri")
    else:
        assert result.error is None, result.error
        assert {"files", "sheets-get"} <= {r.name for r in result.resources}
