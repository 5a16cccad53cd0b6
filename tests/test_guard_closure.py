"""Nothing slips past the guard: later transformations, awaitable inputs, remote components, invokes.

Also the canary for components/_compat.py: the private Pulumi SDK behaviour it relies on, pinned to
the SDK version it was checked against.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pulumi
import pulumi_aws as aws
import pytest

from components import _compat
from components.errors import ResidencyViolation
from components.residency import audit_session, enforce
from components.testing import MockSession, run_pulumi_program


def opts(provider: pulumi.ProviderResource) -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(provider=provider)


def refused(session: MockSession, program: Any, rule_id: str) -> ResidencyViolation:
    result = session.run(program, raise_on_error=False)
    assert isinstance(result.error, ResidencyViolation), result.error
    assert result.error.rule_id == rule_id
    return result.error


# -- the guard stays the last stack transformation -------------------------------------------------


def _move_buckets_to(region: str) -> Any:
    def transformation(args: pulumi.ResourceTransformationArgs) -> pulumi.ResourceTransformationResult | None:
        if args.type_ != "aws:s3/bucket:Bucket":
            return None
        return pulumi.ResourceTransformationResult({**args.props, "region": region}, args.opts)

    return transformation


@pytest.mark.parametrize(("region", "verdict"), [("us-east-1", "RES-003"), ("cn-northwest-1", None)])
def test_a_transformation_registered_after_enforce_is_still_judged(
    pulumi_mocks: MockSession, region: str, verdict: str | None
) -> None:
    def program() -> None:
        enforce("CN")
        pulumi.runtime.register_stack_transformation(_move_buckets_to(region))
        provider = aws.Provider("cn", region="cn-north-1")
        aws.s3.Bucket("data", opts=opts(provider))

    if verdict is None:
        assert pulumi_mocks.run(program, raise_on_error=False).error is None
    else:
        error = refused(pulumi_mocks, program, verdict)
        assert (error.resource_name, error.path, error.value) == ("data", "region", "us-east-1")


def test_the_guard_stays_last_after_several_registrations(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        guard = enforce("CN")
        for _ in range(3):
            pulumi.runtime.register_stack_transformation(lambda args: None)
        root = pulumi.runtime.get_root_resource()
        assert root is not None and root._transformations[-1] is guard
        assert len(root._transformations) == 4

    assert pulumi_mocks.run(program, raise_on_error=False).error is None


# -- awaitable inputs are judged like Outputs ------------------------------------------------------


@pytest.mark.parametrize("kind", ["coroutine", "future", "task"])
@pytest.mark.parametrize(("region", "verdict"), [("ap-east-1", "RES-003"), ("cn-north-1", None)])
def test_awaitable_inputs_are_judged_when_they_resolve(
    pulumi_mocks: MockSession, kind: str, region: str, verdict: str | None
) -> None:
    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        aws.s3.Bucket("data", region=_awaitable(kind, region), opts=opts(provider))

    if verdict is None:
        result = pulumi_mocks.run(program, raise_on_error=False)
        assert result.error is None
        assert result.find("data").inputs["region"] == region
    else:
        refused(pulumi_mocks, program, verdict)


def _awaitable(kind: str, value: str) -> Any:
    async def later() -> str:
        await asyncio.sleep(0)
        return value

    if kind == "coroutine":
        return later()
    if kind == "task":
        return asyncio.ensure_future(later())
    future: asyncio.Future[str] = asyncio.get_event_loop().create_future()
    future.set_result(value)
    return future


@pytest.mark.parametrize("kind", ["coroutine", "future"])
@pytest.mark.parametrize("where", ["map", "args"])
@pytest.mark.parametrize(("region", "verdict"), [("eu-west-1", "RES-009"), ("cn-northwest-1", None)])
def test_nested_awaitable_inputs_are_judged_where_they_sit(
    pulumi_mocks: MockSession, kind: str, where: str, region: str, verdict: str | None
) -> None:
    # A coroutine can be awaited only once (by the SDK): the guard wraps it, also inside a map or an
    # input type, and judges it at its own path.
    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        replica_region = _awaitable(kind, region)
        replica: Any = (
            {"region_name": replica_region}
            if where == "map"
            else aws.dynamodb.TableReplicaArgs(region_name=replica_region)
        )
        aws.dynamodb.Table(
            "table", hash_key="id", attributes=[{"name": "id", "type": "S"}], replicas=[replica], opts=opts(provider)
        )

    if verdict is None:
        result = pulumi_mocks.run(program, raise_on_error=False)
        assert result.error is None, result.error
        assert result.find("table").inputs["replicas"] == [{"regionName": region}]
    else:
        error = refused(pulumi_mocks, program, verdict)
        assert (error.path, error.value) == ("replicas[0].region_name", region)


@pytest.mark.parametrize("kind", ["coroutine", "future", "output"])
@pytest.mark.parametrize(("region", "verdict"), [("us-east-1", "RES-010"), ("cn-north-1", None)])
def test_an_awaitable_read_id_is_judged(pulumi_mocks: MockSession, kind: str, region: str, verdict: str | None) -> None:
    arn = f"arn:{'aws-cn' if region.startswith('cn-') else 'aws'}:kms:{region}:123456789012:key/k-1"

    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        read_id = pulumi.Output.from_input(arn) if kind == "output" else _awaitable(kind, arn)
        aws.kms.Key.get("existing", read_id, opts=opts(provider))

    if verdict is None:
        assert pulumi_mocks.run(program, raise_on_error=False).error is None
    else:
        error = refused(pulumi_mocks, program, verdict)
        assert (error.path, error.value) == ("id", arn)


def test_the_guard_refuses_to_start_on_an_sdk_it_cannot_hold_registrations_on(
    pulumi_mocks: MockSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the SDK function the guard judges Output inputs in, it would run blind: it refuses instead.
    import pulumi.runtime.resource as runtime_resource

    monkeypatch.setattr(runtime_resource, "prepare_resource", lambda *args: None)
    result = pulumi_mocks.run(lambda: enforce("CN"), raise_on_error=False)
    assert isinstance(result.error, _compat.UnsupportedSdkError)
    assert f"pip install pulumi=={_compat.CHECKED_PULUMI_VERSION}" in str(result.error)


# -- remote components -----------------------------------------------------------------------------


class RemoteVpc(pulumi.ComponentResource):
    """What a code-generated multi-language component SDK (e.g. pulumi_awsx.ec2.Vpc) does."""

    def __init__(self, name: str, package: str) -> None:
        super().__init__(f"{package}:ec2:Vpc", name, {"cidrBlock": "10.0.0.0/16"}, None, remote=True)


class LocalComponent(pulumi.ComponentResource):
    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("sovereign:test:Local", name, None, opts)
        self.register_outputs({})


def test_a_remote_component_of_an_uncovered_package_is_refused(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        RemoteVpc("vpc", "awsx")

    error = refused(pulumi_mocks, program, "RES-013")  # as the plan and the pack judge it
    assert error.value == "awsx"


def test_local_components_and_covered_remote_packages_pass(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        LocalComponent("local")

    assert pulumi_mocks.run(program, raise_on_error=False).error is None


# -- invokes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("region", "verdict"), [("us-east-1", "RES-021"), ("cn-northwest-1", None)])
def test_invoke_arguments_are_judged(pulumi_mocks: MockSession, region: str, verdict: str | None) -> None:
    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        # pulumi-aws v7 functions take a per-call region, like resources.
        aws.s3.get_bucket(bucket="fleet-data", region=region, opts=pulumi.InvokeOptions(provider=provider))

    if verdict is None:
        assert pulumi_mocks.run(program, raise_on_error=False).error is None
    else:
        error = refused(pulumi_mocks, program, verdict)
        assert error.path == "region" and "[RES-003]" in str(error)


FOREIGN_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
OWN_KEY = "arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def _later(value: Any, *, secret: bool = False) -> pulumi.Output[Any]:
    """A value the program only has once another resource registered (an Output with a dependency)."""
    provider = aws.Provider("cn-later", region="cn-north-1")
    topic = aws.sns.Topic("later", opts=pulumi.ResourceOptions(provider=provider))
    later = topic.arn.apply(lambda _: value)
    return pulumi.Output.secret(later) if secret else later


@pytest.mark.parametrize(("region", "verdict"), [("us-east-1", "RES-021"), ("cn-northwest-1", None)])
def test_output_arguments_of_an_invoke_are_judged_before_it_is_sent(
    pulumi_mocks: MockSession, region: str, verdict: str | None
) -> None:
    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        aws.s3.get_bucket_output(
            bucket="fleet-data", region=_later(region), opts=pulumi.InvokeOptions(provider=provider)
        )

    result = pulumi_mocks.run(program, raise_on_error=False)
    if verdict is None:
        assert result.error is None
        assert [i.token for i in result.invokes] == ["aws:s3/getBucket:getBucket"]
    else:
        assert isinstance(result.error, ResidencyViolation), result.error
        assert result.error.rule_id == verdict and result.error.path == "region"
        assert "[RES-003]" in str(result.error)
        assert result.invokes == (), "the invoke must not be sent"


@pytest.mark.parametrize(("arn", "verdict"), [(FOREIGN_KEY, "RES-021"), (OWN_KEY, None)])
def test_an_output_nested_in_an_invoke_argument_is_judged(
    pulumi_mocks: MockSession, arn: str, verdict: str | None
) -> None:
    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        # One item of the list is an Output: off the annotation, but the SDK awaits Outputs at any depth.
        statement = _later({"actions": ["kms:Decrypt"], "resources": [arn]})
        aws.iam.get_policy_document_output(
            statements=[statement],  # type: ignore[list-item]
            opts=pulumi.InvokeOptions(provider=provider),
        )

    result = pulumi_mocks.run(program, raise_on_error=False)
    if verdict is None:
        assert result.error is None
    else:
        assert isinstance(result.error, ResidencyViolation), result.error
        assert result.error.rule_id == verdict and result.error.path.startswith("statements[0].resources")


@pytest.mark.parametrize("own", [True, False])
def test_a_bucket_named_by_an_output_is_proven_by_the_resource_that_made_it(
    pulumi_mocks: MockSession, own: bool
) -> None:
    """EU shares its partition: a regionless bucket name is proven only as this stack's own bucket."""

    def program() -> None:
        enforce("EU")
        provider = aws.Provider("eu", region="eu-west-1")
        bucket = aws.s3.Bucket("telemetry", opts=pulumi.ResourceOptions(provider=provider))  # auto-named
        name = bucket.id if own else bucket.id.apply(lambda _: "partner-telemetry-dropbox")
        aws.s3.get_bucket_output(bucket=name, opts=pulumi.InvokeOptions(provider=provider))

    result = pulumi_mocks.run(program, raise_on_error=False)
    if own:
        assert result.error is None
    else:
        assert isinstance(result.error, ResidencyViolation), result.error
        assert result.error.rule_id == "RES-021" and result.error.path == "bucket"


def test_a_secret_invoke_argument_is_refused_without_showing_it(pulumi_mocks: MockSession) -> None:
    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        aws.kms.get_key_output(key_id=_later(FOREIGN_KEY, secret=True), opts=pulumi.InvokeOptions(provider=provider))

    error = refused(pulumi_mocks, program, "RES-021")
    assert error.value == "[secret]" and "123456789012" not in str(error)


def test_an_audited_invoke_argument_is_a_finding_of_the_plan() -> None:
    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        aws.kms.get_key_output(key_id=_later(FOREIGN_KEY), opts=pulumi.InvokeOptions(provider=provider))

    with audit_session() as guards:
        run = run_pulumi_program(program, project="p", stack="cn")
    assert run.error is None
    assert [(f.rule.id, f.path) for f in guards[0].findings] == [("RES-021", "keyId")]  # as the function sends it


@pytest.mark.parametrize("how", ["default", "parent", "pinned"])
def test_an_invoke_runs_where_its_provider_is(pulumi_mocks: MockSession, how: str) -> None:
    """The ambient region of a default provider is unproven, as for a resource (RES-002 under RES-021)."""

    def program() -> None:
        enforce("CN")
        provider = aws.Provider("cn", region="cn-north-1")
        parent = LocalComponent("platform", opts=pulumi.ResourceOptions(providers=[provider]))
        opts = {
            "default": None,
            "parent": pulumi.InvokeOptions(parent=parent),
            "pinned": pulumi.InvokeOptions(provider=provider),
        }[how]
        aws.get_caller_identity(opts=opts)

    if how == "default":
        error = refused(pulumi_mocks, program, "RES-021")
        assert re.search(
            r"at provider: \[RES-002\] It would use the default provider.*"
            r"Fix: Call the function through an in-country provider \(opts=pulumi.InvokeOptions",
            str(error),
        )
    else:
        assert pulumi_mocks.run(program, raise_on_error=False).error is None


def test_an_invoke_hook_judges_only_its_own_program() -> None:
    # A guard of an earlier program (another test, another stack of the plan) is not consulted.
    calls: list[str] = []

    def guarded() -> None:
        _compat.install_invoke_hook(lambda tok, args, opts: calls.append(tok))
        provider = aws.Provider("cn", region="cn-north-1")
        aws.get_caller_identity(opts=pulumi.InvokeOptions(provider=provider))

    def unguarded() -> None:
        provider = aws.Provider("us", region="us-east-1")
        aws.s3.get_bucket(bucket="x", region="us-east-1", opts=pulumi.InvokeOptions(provider=provider))

    assert run_pulumi_program(guarded, project="p", stack="a").error is None
    assert calls == ["aws:index/getCallerIdentity:getCallerIdentity"]
    assert run_pulumi_program(unguarded, project="p", stack="b").error is None
    assert calls == ["aws:index/getCallerIdentity:getCallerIdentity"]


# -- canary ----------------------------------------------------------------------------------------


def test_compat_canary_names_the_sdk_version_it_was_checked_against() -> None:
    """If this fails after an SDK upgrade, re-check every helper in components/_compat.py, then bump."""
    import importlib.metadata
    import inspect

    assert importlib.metadata.version("pulumi") == _compat.CHECKED_PULUMI_VERSION

    source = inspect.getsource(pulumi.runtime.stack.register_stack_transformation)
    assert "root_resource._transformations + [t]" in source
    assert "remote" in inspect.signature(pulumi.Resource.__init__).parameters


def test_compat_own_outputs_are_the_objects_a_program_passes_on(pulumi_mocks: MockSession) -> None:
    """``_compat.own_outputs`` (the guard's stage join, stop 46): a resource's ``id`` and output properties are the
    same Output objects each time they are read, kept in its ``__dict__``; an Output computed from one is not."""

    def program() -> None:
        api = aws.apigateway.RestApi("files", opts=pulumi.ResourceOptions())
        method = aws.apigateway.Method(
            "get", rest_api=api.id, resource_id=api.root_resource_id, http_method="GET", authorization="NONE"
        )
        own = _compat.own_outputs(method)
        assert {id(method.id), id(method.urn), id(method.http_method), id(method.rest_api)} <= own
        assert method.http_method is method.http_method
        assert id(api.id) in _compat.own_outputs(api) and id(api.id) not in own
        assert id(method.http_method.apply(str)) not in own

    assert pulumi_mocks.run(program, raise_on_error=False).error is None
