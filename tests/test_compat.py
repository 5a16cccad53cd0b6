"""Canary for components/_compat.py, the one module that touches private Pulumi SDK details.

When pulumi is upgraded, the first test fails: re-read the details named in ``has_private_details``
in the new SDK, then update ``CHECKED_PULUMI_VERSION``. The helpers fall back to public behaviour
when a detail disappears (the fallback is tested here too, so an upgrade is slower, never wrong),
or, where there is none (the registration hook), refuse to run.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import inspect
import types
import typing
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pulumi
import pulumi.runtime.resource as runtime_resource
import pulumi_aws as aws
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pulumi.output import Unknown
from pulumi.runtime import rpc

from components import _compat
from components.simulate import tuning
from components.testing import MockSession


def test_pulumi_is_the_version_whose_private_details_were_checked() -> None:
    installed = version("pulumi")
    assert installed == _compat.CHECKED_PULUMI_VERSION, (
        f"pulumi {installed} is installed but components/_compat.py was checked against "
        f"{_compat.CHECKED_PULUMI_VERSION}: re-check every detail it uses, then update CHECKED_PULUMI_VERSION"
    )


@pytest.mark.parametrize("detail", sorted(_compat.has_private_details()))
def test_private_detail_is_present(detail: str) -> None:
    assert _compat.has_private_details()[detail], f"{detail} is gone from the SDK: see components/_compat.py"


def test_source_positions_off_skips_the_stack_walk_and_restores_it(pulumi_mocks: MockSession) -> None:
    original = runtime_resource._get_stack_trace
    with _compat.source_positions_off():
        assert runtime_resource._get_stack_trace is not original
        assert len(runtime_resource._get_stack_trace().frames) == 0
        run = pulumi_mocks.run(lambda: aws.s3.Bucket("b", opts=pulumi.ResourceOptions()))
    assert runtime_resource._get_stack_trace is original
    assert run.find("b").type == "aws:s3/bucket:Bucket"


def _resolve(output: pulumi.Output[Any]) -> tuple[Any, bool, bool, set[Any]]:
    return _compat.sync_await(_compat.resolved(output))


@pytest.fixture(params=["private", "public"])
def output_data(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """``resolved`` as it runs, and with the public-API fallback (what runs if the SDK drops ``_data``)."""
    if request.param == "public":
        monkeypatch.setattr(_compat, "_OUTPUT_DATA", False)
    return str(request.param)


@pytest.mark.parametrize("secret", [False, True], ids=["plain", "secret"])
def test_resolved_gives_value_secretness_and_dependencies(
    pulumi_mocks: MockSession, output_data: str, secret: bool
) -> None:
    def program() -> tuple[Any, ...]:
        bucket = aws.s3.Bucket("b")
        source: pulumi.Output[Any] = bucket.arn.apply(lambda arn: {"arn": arn})
        value, known, is_secret, resources = _resolve(pulumi.Output.secret(source) if secret else source)
        return value, known, is_secret, sorted(r.pulumi_resource_name for r in resources)

    run = pulumi_mocks.run(program)
    value, known, is_secret, resources = run.value
    assert value == {"arn": run.find("b").outputs["arn"]}
    assert (known, is_secret, resources) == (True, secret, ["b"])


@pytest.mark.parametrize("secret", [False, True], ids=["plain", "secret"])
def test_output_state_is_what_resolved_gives(pulumi_mocks: MockSession, output_data: str, secret: bool) -> None:
    """``output_state`` (the guard's await per held input, stop 49) reads the state ``resolved`` gives, field for field:
    as the SDK's own future itself (no coroutine made per value), or through the public API without ``_data``."""

    def program() -> tuple[Any, ...]:
        bucket = aws.s3.Bucket("b")
        source: pulumi.Output[Any] = bucket.arn.apply(lambda arn: {"arn": arn})
        output = pulumi.Output.secret(source) if secret else source
        awaitable = _compat.output_state(output)
        made_a_coroutine = inspect.iscoroutine(awaitable)
        state = _compat.sync_await(awaitable)
        fields = (state.value, state.is_known, state.is_secret, state.resources)
        return made_a_coroutine, fields, _resolve(output)

    made_a_coroutine, fields, resolved = pulumi_mocks.run(program).value
    assert made_a_coroutine is (output_data == "public")
    assert fields == resolved
    assert list(fields[1:3]) == [True, secret]


def test_settled_tells_a_resolved_output_without_waiting(pulumi_mocks: MockSession, output_data: str) -> None:
    """``settled`` as the guard asks it for an auto-named bucket's name (stop 37): False before the registration
    returns, True after (``settle`` waits for it, bounded); without ``_data`` it never says True (nothing is taken as
    known, fail closed) and ``settle`` returns at once."""

    def program() -> tuple[bool | None, bool | None]:
        bucket = aws.s3.BucketV2("b")
        before = _compat.settled(bucket.bucket)
        _compat.sync_await(_compat.settle([bucket.bucket], 5.0))
        _resolve(bucket.bucket)
        return before, _compat.settled(bucket.bucket)

    before, after = pulumi_mocks.run(program).value
    assert before is False
    assert after is (output_data == "private")


def _hold(resource: pulumi.Resource, judge: Any) -> None:
    _compat.install_registration_hook()
    _compat.hold_registration(resource, judge)


def test_a_held_judgement_runs_before_the_registration_and_a_refusal_fails_it(pulumi_mocks: MockSession) -> None:
    order: list[str] = []

    def program() -> None:
        key = aws.kms.Key("k")

        def refuse_b2(name: str, arn: pulumi.Output[str]) -> Any:
            async def judge() -> None:
                value, *_ = await _compat.resolved(arn)
                order.append(f"judged {name}")
                if name == "b2":
                    raise ValueError(f"refused {name} -> {value.split(':')[2]}")

            return judge

        # One source feeding many resources (a key's ARN): one refusal fails exactly its own resource.
        for i in range(4):
            alias = aws.kms.Alias(f"b{i}", target_key_id=key.arn)
            _hold(alias, refuse_b2(f"b{i}", key.arn))

    run = pulumi_mocks.run(program, raise_on_error=False)
    assert isinstance(run.error, ValueError) and str(run.error).endswith("refused b2 -> kms")
    assert sorted(order) == ["judged b0", "judged b1", "judged b2", "judged b3"]
    assert {r.name for r in run.resources} >= {"b0", "b1", "b3"}
    assert "b2" not in {r.name for r in run.resources}, "a refused registration never reaches the engine"


def test_held_judgements_run_once_each_in_the_order_they_were_held(pulumi_mocks: MockSession) -> None:
    calls: list[str] = []

    def judge(label: str) -> Any:
        async def run() -> None:
            calls.append(label)

        return run

    def program() -> None:
        bucket = aws.s3.Bucket("b")
        _hold(bucket, judge("first guard"))
        _hold(bucket, judge("second guard"))
        aws.s3.Bucket("not-held")

    run = pulumi_mocks.run(program)
    assert calls == ["first guard", "second guard"]
    assert {r.name for r in run.resources} >= {"b", "not-held"}


def test_a_read_is_held_like_a_registration(pulumi_mocks: MockSession) -> None:
    calls: list[str] = []

    async def judge() -> None:
        calls.append("judged")

    def program() -> None:
        read = aws.s3.Bucket.get("existing", "bucket-name")
        _hold(read, judge)

    pulumi_mocks.run(program)
    assert calls == ["judged"]


def test_the_hook_refuses_to_install_on_an_sdk_without_prepare_resource(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime_resource, "prepare_resource", lambda *a: None)
    with pytest.raises(_compat.UnsupportedSdkError, match=r"pip install pulumi==3\.272\.0"):
        _compat.install_registration_hook()


def test_a_registration_is_never_held_where_no_hook_would_run_it(pulumi_mocks: MockSession) -> None:
    async def judge() -> None:
        pass

    def program() -> None:
        bucket = aws.s3.Bucket("b")
        with _compat.registration_unhooked():  # e.g. another library replaced the SDK's function
            _compat.hold_registration(bucket, judge)

    _compat.install_registration_hook()
    run = pulumi_mocks.run(program, raise_on_error=False)
    assert isinstance(run.error, _compat.UnsupportedSdkError)
    assert "Fix: call enforce() after whatever replaces it" in str(run.error)


def test_registration_unhooked_restores_the_sdks_own_function() -> None:
    _compat.install_registration_hook()
    hooked = runtime_resource.prepare_resource
    with _compat.registration_unhooked():
        assert runtime_resource.prepare_resource is hooked.__wrapped__  # type: ignore[attr-defined]
    assert runtime_resource.prepare_resource is hooked


def test_pulumi_policy_is_the_version_whose_private_details_were_checked() -> None:
    installed = version("pulumi-policy")
    assert installed == _compat.CHECKED_PULUMI_POLICY_VERSION, (
        f"pulumi-policy {installed} is installed but components/_compat.py was checked against "
        f"{_compat.CHECKED_PULUMI_POLICY_VERSION}: re-check policy_proxy_target, convert_policy_requests_once and "
        "share_policy_arguments, then update CHECKED_PULUMI_POLICY_VERSION"
    )


@pytest.mark.parametrize("detail", sorted(_compat.has_private_policy_details()))
def test_private_policy_detail_is_present(detail: str) -> None:
    assert _compat.has_private_policy_details()[detail], (
        f"{detail} is gone from pulumi-policy: see components/_compat.py"
    )


def test_policy_proxy_target_reads_past_unknowns() -> None:
    from pulumi_policy import proxy
    from pulumi_policy.proxy import UnknownValueError

    target = {"region": proxy.UNKNOWN_STRING_VALUE, "tags": [proxy.UNKNOWN_STRING_VALUE]}
    wrapped = proxy._DictProxy(target, [])
    with pytest.raises(UnknownValueError):
        _ = wrapped["region"]  # what a policy touching an unknown would hit
    assert _compat.policy_proxy_target(wrapped) is target
    assert _compat.policy_proxy_target(target) is target


def _counting_conversions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts protobuf's ``MessageToDict`` calls (pulumi-policy's conversion of a message) from now on."""
    from google.protobuf import json_format

    original, calls = json_format.MessageToDict, [0]

    def counting(message: Any, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(message, *args, **kwargs)

    monkeypatch.setattr(json_format, "MessageToDict", counting)
    return calls


def test_a_policy_request_is_converted_once_for_all_the_policies(monkeypatch: pytest.MonkeyPatch) -> None:
    """pulumi-policy's Analyze converts the request inside its loop over the policies; with the patch a request's
    properties and its provider's are converted once, and every policy sees the request's values."""
    from pulumi_policy import EnforcementLevel, Policy, ResourceValidationPolicy
    from residency_pack.values import plain
    from test_policy_support import UNKNOWN, Res, aws_provider, servicer

    assert _compat.convert_policy_requests_once()
    seen: list[Any] = []

    def validate(args: Any, _report: Any) -> None:
        seen.append(args)

    policies: list[Policy] = [
        ResourceValidationPolicy(f"p{i}", "d", validate, EnforcementLevel.MANDATORY) for i in range(4)
    ]
    pack = servicer("t", "0.0.1", policies, EnforcementLevel.MANDATORY)
    bucket = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b", "tags": {"a": [UNKNOWN]}}, provider=aws_provider())
    request = bucket.analyze_request()
    calls = _counting_conversions(monkeypatch)
    pack.Analyze(request, None)
    assert calls == [2]  # the properties and the provider's, not 2 per policy
    assert len(seen) == 4 and all(plain(a.props) == bucket.props for a in seen)
    pack.Analyze(request, None)
    assert calls == [4]  # nothing is kept from one request to the next


def test_every_policy_of_a_request_gets_the_same_proxy_provider_and_options() -> None:
    """pulumi-policy's Analyze builds a proxy (a copy of every dict and list), a provider and options for each policy;
    with the patch one of each per request, handed to every policy (which only read: tests/test_pack_reads_only.py),
    and nothing is kept for the next request."""
    from pulumi_policy import EnforcementLevel, Policy, ResourceValidationPolicy
    from residency_pack.values import plain
    from test_policy_support import UNKNOWN, Res, aws_provider, servicer

    assert _compat.share_policy_arguments()
    seen: list[Any] = []
    policies: list[Policy] = [
        ResourceValidationPolicy(f"p{i}", "d", lambda args, _r: seen.append(args), EnforcementLevel.MANDATORY)
        for i in range(4)
    ]
    pack = servicer("t", "0.0.1", policies, EnforcementLevel.MANDATORY)
    bucket = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b", "tags": {"a": [UNKNOWN]}}, provider=aws_provider())
    request = bucket.analyze_request()
    pack.Analyze(request, None)
    assert len({id(a) for a in seen}) == 4  # each policy its own arguments ...
    for shared in ("props", "provider", "opts"):  # ... over one proxy, provider and options
        assert len({id(getattr(a, shared)) for a in seen}) == 1, shared
    assert plain(seen[0].props) == bucket.props and plain(seen[0].provider.props) == aws_provider().props
    pack.Analyze(request, None)
    assert seen[4].props is not seen[0].props and seen[4].provider is not seen[0].provider
    assert plain(seen[4].props) == bucket.props


def test_every_stack_policy_gets_the_same_proxy_and_provider_per_resource() -> None:
    """AnalyzeStack builds the resources again for each stack policy: each policy still gets its own resources (whose
    parent and dependencies the servicer fills in), over one proxy and provider per resource of the request."""
    from pulumi.runtime import proto
    from pulumi_policy import EnforcementLevel, Policy, StackValidationPolicy
    from test_policy_support import Res, aws_provider, servicer

    assert _compat.share_policy_arguments()
    seen: list[list[Any]] = []
    policies: list[Policy] = [
        StackValidationPolicy(f"s{i}", "d", lambda args, _r: seen.append(list(args.resources))) for i in range(3)
    ]
    pack = servicer("t", "0.0.1", policies, EnforcementLevel.MANDATORY)
    a = Res("aws:s3/bucket:Bucket", "a", {"bucket": "a"}, provider=aws_provider())
    b = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b"}, provider=aws_provider(), dependencies=[a.urn])
    pack.AnalyzeStack(proto.AnalyzeStackRequest(resources=[a.stack_message(), b.stack_message()]), None)
    assert len({id(r) for resources in seen for r in resources}) == 6
    for i in range(2):
        assert len({id(resources[i].props) for resources in seen}) == 1
        assert len({id(resources[i].provider) for resources in seen}) == 1
    for resources in seen:
        assert [dict(r.props) for r in resources] == [a.props, b.props]
        assert resources[1].dependencies == [resources[0]]


def test_outside_an_analysed_request_every_proxy_is_made_afresh() -> None:
    """Remediate hands each policy the previous one's changes through fresh proxies: left alone."""
    assert _compat.share_policy_arguments()
    module = _compat._policy_module()
    value = {"a": [1]}
    assert module.unknown_checking_proxy(value) is not module.unknown_checking_proxy(value)


def test_without_the_servicer_details_every_policy_gets_its_own_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_compat, "_sharing_details", lambda: {"gone": False})
    assert _compat.share_policy_arguments() is False
    monkeypatch.setattr(_compat, "_conversion_details", lambda: {"gone": False})
    monkeypatch.setattr(_compat, "_sharing_details", lambda: {"here": True})
    assert _compat.share_policy_arguments() is False  # the proxy is keyed on the converted value: needs the memo


def test_a_stack_request_is_converted_once_for_all_the_stack_policies(monkeypatch: pytest.MonkeyPatch) -> None:
    from pulumi.runtime import proto
    from pulumi_policy import EnforcementLevel, Policy, StackValidationPolicy
    from test_policy_support import Res, aws_provider, servicer

    assert _compat.convert_policy_requests_once()
    seen: list[list[Any]] = []

    def validate(args: Any, _report: Any) -> None:
        seen.append(list(args.resources))

    policies: list[Policy] = [StackValidationPolicy(f"s{i}", "d", validate) for i in range(3)]
    pack = servicer("t", "0.0.1", policies, EnforcementLevel.MANDATORY)
    a = Res("aws:s3/bucket:Bucket", "a", {"bucket": "a"}, provider=aws_provider())
    b = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b"}, provider=aws_provider(), dependencies=[a.urn])
    calls = _counting_conversions(monkeypatch)
    pack.AnalyzeStack(proto.AnalyzeStackRequest(resources=[a.stack_message(), b.stack_message()]), None)
    assert calls == [4]  # two resources, each with a provider: not 4 per stack policy
    assert len({id(r) for resources in seen for r in resources}) == 6  # each policy its own PolicyResources
    for resources in seen:
        assert [dict(r.props) for r in resources] == [a.props, b.props]
        assert resources[1].dependencies == [resources[0]]


def test_outside_an_analysed_request_every_conversion_is_made_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remediate (each policy sees the previous one's changes) and any other caller are left alone."""
    from google.protobuf import json_format, struct_pb2

    assert _compat.convert_policy_requests_once()
    module = _compat._policy_module()  # pulumi_policy.policy, whose two names the patch replaced
    message = json_format.Parse('{"a": 1}', struct_pb2.Struct())
    calls = _counting_conversions(monkeypatch)
    first = module.deserialize_properties(module.json_format.MessageToDict(message))
    second = module.deserialize_properties(module.json_format.MessageToDict(message))
    assert calls == [2] and first == second == {"a": 1} and first is not second


def test_without_the_servicer_details_requests_are_converted_per_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_compat, "_conversion_details", lambda: {"gone": False})
    assert _compat.convert_policy_requests_once() is False


def test_protobuf_hands_out_one_object_per_sub_message() -> None:
    """What makes the memo hit (keyed on the message object): without it requests are converted per policy again."""
    from test_policy_support import Res, aws_provider

    request = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b"}, provider=aws_provider()).analyze_request()
    assert request.properties is request.properties
    assert request.provider.properties is request.provider.properties


def test_serialised_secret_signature_is_the_engines() -> None:
    # The engine's wire format (sdk/go/common/resource/sig): the key and the secret signature.
    assert _compat.SECRET_SIG_KEY == "4dabf18193072939515e22adb298388d"
    assert _compat.SECRET_SIG == "1b47061264138c4ac30d75fd1eb44270"


def test_is_input_type_tells_generated_args_from_plain_values() -> None:
    assert _compat.is_input_type(aws.s3.BucketVersioningVersioningConfigurationArgs)
    assert not _compat.is_input_type(dict)


def test_runtime_snapshot_restores_the_root_stack_and_config() -> None:
    from pulumi.runtime import get_root_resource

    snapshot = _compat.RuntimeSnapshot()
    before = (get_root_resource(), _compat.runtime_config_keys())
    with MockSession(config={"x": "1"}) as session:
        session.run(lambda: aws.s3.Bucket("b"))
        assert "sovereign-dc:x" in _compat.runtime_config_keys()
    snapshot.restore()
    assert (get_root_resource(), _compat.runtime_config_keys()) == before


def test_runtime_snapshot_sees_a_context_variable_of_a_pulumi_module_imported_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import contextvars
    import sys
    import types

    _compat.RuntimeSnapshot()  # the scan of the pulumi modules is reused from here on while they are unchanged
    late = types.ModuleType("pulumi._sovereign_late")
    var: contextvars.ContextVar[str] = contextvars.ContextVar("late", default="before")
    late.var = var  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pulumi._sovereign_late", late)
    snapshot = _compat.RuntimeSnapshot()
    var.set("changed by a run")
    snapshot.restore()
    assert var.get() == "before"


# -- the fence: no private SDK name outside components/_compat.py ------------------------------

_LIBRARY = ("components", "policy", "portal")
_ROOT = Path(__file__).resolve().parents[1]
_SDK_MODULES = ("pulumi", "pulumi_policy")
# Runtime modules whose contents are SDK internals (settings, the loop helpers, the stack runner).
_INTERNAL_MODULES = (
    "pulumi.runtime.settings",
    "pulumi.runtime.sync_await",
    "pulumi.runtime.stack",
    "pulumi.runtime.config.CONFIG",
    "pulumi._types",
)


def _sdk_private_attributes() -> frozenset[str]:
    """Private attribute names the SDK's resource and Output classes use (``_name``, ``_data``...)."""
    names: set[str] = set()
    for cls in (
        pulumi.Resource,
        pulumi.CustomResource,
        pulumi.ComponentResource,
        pulumi.ProviderResource,
        pulumi.Output,
    ):
        for klass in cls.__mro__:
            for name, member in vars(klass).items():
                names.add(name)
                code = getattr(getattr(member, "fget", member), "__code__", None)
                if code is not None:
                    names.update(code.co_names)
    return frozenset(n for n in names if n.startswith("_") and not n.endswith("__"))


def _is_sdk(module: str) -> bool:
    return module.split(".", maxsplit=1)[0] in _SDK_MODULES


def _private_uses(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    sdk_names: set[str] = set()  # local names bound to SDK modules or objects
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _is_sdk(alias.name):
                    sdk_names.add((alias.asname or alias.name).split(".")[0])
                    if alias.name.startswith(_INTERNAL_MODULES) or "._" in alias.name:
                        found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.module and _is_sdk(node.module):
            for alias in node.names:
                sdk_names.add(alias.asname or alias.name)
                full = f"{node.module}.{alias.name}"
                if alias.name.startswith("_") or "._" in node.module or full.startswith(_INTERNAL_MODULES):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
    private_attributes = _sdk_private_attributes()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.endswith("__"):
            root: ast.expr = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            own = isinstance(root, ast.Name) and root.id in ("self", "cls")
            if isinstance(root, ast.Name) and root.id in sdk_names:
                found.append((node.lineno, f"{ast.unparse(node)}"))
            elif not own and node.attr in private_attributes:
                found.append((node.lineno, f"{ast.unparse(node)} (a private attribute of SDK objects)"))
        elif (isinstance(node, ast.Attribute) and ast.unparse(node).startswith(_INTERNAL_MODULES)) or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and node.args[1].value in private_attributes
        ):
            found.append((node.lineno, ast.unparse(node)))
    return found


def _library_files() -> list[Path]:
    files = [p for top in _LIBRARY for p in sorted((_ROOT / top).rglob("*.py"))]
    return [p for p in files if p.relative_to(_ROOT).as_posix() != "components/_compat.py"]


def test_no_private_sdk_name_outside_the_compat_module() -> None:
    offences = [
        f"{path.relative_to(_ROOT)}:{line}: {what}"
        for path in _library_files()
        for line, what in _private_uses(path.read_text(encoding="utf-8"))
    ]
    assert not offences, "private Pulumi/pulumi-policy details belong in components/_compat.py:\n" + "\n".join(offences)


@pytest.mark.parametrize(
    "source",
    [
        "from pulumi import _types",
        "from pulumi.runtime.sync_await import _sync_await",
        "from pulumi.runtime.settings import SETTINGS",
        "import pulumi\nx = pulumi.runtime.settings.SETTINGS",
        "import pulumi\npulumi.output._OutputData",
        "import pulumi\npulumi.runtime.config.CONFIG.get()",
        "from pulumi_policy import proxy\nproxy._DictProxy",
        "def f(provider):\n    return provider._name",
        "def f(output):\n    return output._data",
        "def f(provider):\n    return getattr(provider, '_name', '?')",
    ],
)
def test_the_fence_sees_a_private_use(source: str) -> None:
    assert _private_uses(source), source


def test_the_fence_leaves_public_and_own_names_alone() -> None:
    source = (
        "import pulumi\nfrom pulumi.runtime import rpc\n"
        "class C:\n    def f(self, provider):\n        return self._name, provider.pulumi_resource_name, rpc.UNKNOWN\n"
    )
    assert _private_uses(source) == []


_UNKNOWN: Any = Unknown()  # type: ignore[no-untyped-call]  # the SDK's class has an untyped __init__


def _values() -> st.SearchStrategy[Any]:
    """Nested inputs as the SDK meets them: scalars, Unknown, dicts, lists, and tuples and sets (which the SDK's walk
    does not enter, so a difference there would show a changed SDK)."""
    scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=3), st.just(_UNKNOWN))
    return st.recursive(
        scalar,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.text(max_size=2), inner, max_size=4),
            st.tuples(inner, inner),
            st.frozensets(st.integers(), max_size=2),
        ),
        max_leaves=12,
    )


@given(_values(), st.booleans())
def test_the_lean_unknowns_check_answers_as_the_sdk_does(value: Any, share: bool) -> None:
    # The SDK's own function is the oracle: an upgrade that changes its walk fails here first.
    if share and isinstance(value, list | dict):
        value = [value, {"again": value}, value]  # one container reached twice
    assert _compat.contains_unknowns(value) is rpc.contains_unknowns(value)


def test_the_lean_unknowns_check_follows_a_cycle_once() -> None:
    cycle: list[Any] = [1]
    cycle.append({"back": cycle})
    assert _compat.contains_unknowns(cycle) is rpc.contains_unknowns(cycle) is False
    cycle.append(_UNKNOWN)
    assert _compat.contains_unknowns(cycle) is rpc.contains_unknowns(cycle) is True


def test_the_lean_unknowns_check_replaces_the_sdk_s_and_restores_it(pulumi_mocks: MockSession) -> None:
    original = rpc.contains_unknowns
    with _compat.lean_unknowns_check():
        assert rpc.contains_unknowns is _compat.contains_unknowns
        run = pulumi_mocks.run(lambda: aws.s3.Bucket("b", tags={"owner": "fleet"}, opts=pulumi.ResourceOptions()))
    assert rpc.contains_unknowns is original
    assert run.find("b").inputs["tags"] == {"owner": "fleet"}


# perf56 (stop 56): the lean Output tracking (tuning.tuned_run) keeps SETTINGS.outputs as the SDK's Output._track does:
# each Output's data is added when it is made, removed once it resolves, kept when it fails (the SDK picks those up at
# the program's end) and when it is cancelled; outside the block the SDK's own method is back.
def test_the_lean_output_tracking_replaces_the_sdk_s_and_restores_it(pulumi_mocks: MockSession) -> None:
    original = pulumi.Output.__dict__["_track"]
    with _compat.lean_output_tracking():
        assert pulumi.Output.__dict__["_track"] is _compat._lean_track
        run = pulumi_mocks.run(lambda: aws.s3.Bucket("b", tags={"owner": "fleet"}, opts=pulumi.ResourceOptions()))
    assert pulumi.Output.__dict__["_track"] is original
    assert run.find("b").inputs["tags"] == {"owner": "fleet"}


def _tracked_states(lean: bool) -> list[tuple[bool, bool]]:
    """(tracked when made, tracked once settled) of a resolved, a failed and a cancelled Output, on a fresh loop."""
    from pulumi.runtime.settings import SETTINGS

    loop = asyncio.new_event_loop()
    try:
        asyncio.set_event_loop(loop)
        states: list[tuple[bool, bool]] = []
        with _compat.lean_output_tracking() if lean else contextlib.nullcontext():
            for outcome in ("resolved", "failed", "cancelled"):
                future: asyncio.Future[Any] = loop.create_future()
                known: asyncio.Future[bool] = loop.create_future()
                known.set_result(True)
                out = pulumi.Output(set(), future, known)
                made = out._data in SETTINGS.outputs
                if outcome == "resolved":
                    future.set_result("v")
                elif outcome == "failed":
                    future.set_exception(ValueError("refused"))
                else:
                    out._data.cancel()
                loop.run_until_complete(asyncio.gather(out._data, return_exceptions=True))
                loop.run_until_complete(asyncio.sleep(0))  # the done callbacks
                states.append((made, out._data in SETTINGS.outputs))
                SETTINGS.outputs.discard(out._data)
        return states
    finally:
        asyncio.set_event_loop(None)
        loop.close()


def test_the_lean_output_tracking_keeps_the_outputs_set_as_the_sdk_does(pulumi_mocks: MockSession) -> None:
    assert _tracked_states(lean=True) == _tracked_states(lean=False) == [(True, False), (True, True), (True, True)]


def test_the_lean_output_tracking_changes_nothing_where_the_sdks_track_differs(monkeypatch: pytest.MonkeyPatch) -> None:
    def other_track(self: Any) -> None:  # a newer SDK's, not the one checked
        return None

    monkeypatch.setattr(pulumi.Output, "_track", other_track)
    with _compat.lean_output_tracking():
        assert pulumi.Output.__dict__["_track"] is other_track


# perf57 (stop 57): the lean type-hint unwrapping (tuning.tuned_run) answers as the SDK's _types.unwrap_type, object for
# object: the SDK's own function is the oracle, over every hint its serialisation meets in a mocked run, every property
# hint of the input types of four provider modules (and every hint nested in them), and hand-made ones of each kind.
def _hints_within(hint: Any, seen: dict[int, Any]) -> None:
    if id(hint) in seen:
        return
    seen[id(hint)] = hint
    for arg in typing.get_args(hint):
        if not isinstance(arg, list):  # Callable's parameter list
            _hints_within(arg, seen)


def _provider_hints() -> list[Any]:
    import pulumi_alicloud as alicloud
    from pulumi import _types as sdk_types

    seen: dict[int, Any] = {}
    for module in (aws.s3, aws.ec2, alicloud.oss, alicloud.ram):
        for cls in vars(module).values():
            if isinstance(cls, type) and sdk_types.is_input_type(cls):
                for hint in sdk_types.input_type_types(cls).values():
                    _hints_within(hint, seen)
    return list(seen.values())


_T = typing.TypeVar("_T")
_INPUT: Any = pulumi.Input  # the SDK's type aliases, subscripted at run time as its own modules do
_INPUT_TYPE: Any = pulumi.InputType
_MADE_HINTS: list[Any] = [
    str,
    type(None),
    None,
    Any,
    pulumi.Output,
    pulumi.Output[str],
    _INPUT[str],
    _INPUT[typing.Optional[str]],  # noqa: UP045  (the SDK's own spelling: a typing.Union, not a types.UnionType)
    typing.Optional[_INPUT[str]],  # noqa: UP045  (the SDK's own spelling: a typing.Union, not a types.UnionType)
    typing.Optional[str],  # noqa: UP045  (the SDK's own spelling: a typing.Union, not a types.UnionType)
    typing.Union[int, str],  # noqa: UP007
    int | None,
    int | str,
    typing.Sequence[_INPUT[str]],
    typing.Mapping[str, _INPUT[str]],
    list[str],
    dict[str, int],
    typing.Literal["a", "b"],
    typing.Annotated[int, "meta"],
    typing.Callable[[int], str],
    typing.Generic,
    typing.List,  # noqa: UP006
    _T,
    "Output[T]",
    typing.ForwardRef("Output[T]"),
    aws.s3.BucketArgs,
    typing.Optional[_INPUT[aws.ec2.SecurityGroupIngressArgs]],  # noqa: UP045  (the SDK's own spelling: a typing.Union, not a types.UnionType)
    _INPUT_TYPE[aws.ec2.SecurityGroupIngressArgs],
]


def _recorded_hints(pulumi_mocks: MockSession) -> list[Any]:
    from pulumi import _types as sdk_types

    seen: dict[int, Any] = {}
    sdk_unwrap = sdk_types.unwrap_type

    def recording(val: Any) -> Any:
        seen[id(val)] = val
        return sdk_unwrap(val)

    def program() -> None:
        bucket = aws.s3.Bucket("b", tags={"owner": "fleet"})
        aws.ec2.SecurityGroup(
            "sg",
            ingress=[
                aws.ec2.SecurityGroupIngressArgs(protocol="tcp", from_port=443, to_port=443, cidr_blocks=["10.0.0.0/8"])
            ],
            tags={"bucket": bucket.bucket},
        )

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tuning, "TUNED", False)  # the SDK's own unwrapping, as a user's run has it
        patch.setattr(sdk_types, "unwrap_type", recording)
        pulumi_mocks.run(program)
    return list(seen.values())


def test_the_lean_type_unwrapping_answers_as_the_sdk_does(pulumi_mocks: MockSession) -> None:
    from pulumi import _types as sdk_types

    recorded = _recorded_hints(pulumi_mocks)
    assert any(isinstance(hint, type) for hint in recorded) and any(typing.get_origin(h) for h in recorded)
    for hint in [*recorded, *_provider_hints(), *_MADE_HINTS]:
        assert _compat.unwrap_type(hint) is sdk_types.unwrap_type(hint), hint


def test_the_lean_type_unwrapping_replaces_the_sdk_s_and_restores_it(pulumi_mocks: MockSession) -> None:
    from pulumi import _types as sdk_types

    original = sdk_types.unwrap_type
    with _compat.lean_type_unwrapping():
        assert sdk_types.unwrap_type is _compat.unwrap_type
        assert _compat.has_private_details()["pulumi._types.unwrap_type as checked"]  # holds while swapped
        run = pulumi_mocks.run(lambda: aws.s3.Bucket("b", tags={"owner": "fleet"}, opts=pulumi.ResourceOptions()))
    assert sdk_types.unwrap_type is original
    assert run.find("b").inputs["tags"] == {"owner": "fleet"}


def test_the_lean_type_unwrapping_changes_nothing_where_the_sdks_differs(monkeypatch: pytest.MonkeyPatch) -> None:
    from pulumi import _types as sdk_types

    def other_is_union_type(tp: Any) -> bool:  # a newer SDK's, reading other names than the one checked
        return typing.get_origin(tp) in (typing.Union, types.UnionType)

    original = sdk_types.unwrap_type
    monkeypatch.setattr(sdk_types, "_is_union_type", other_is_union_type)
    with _compat.lean_type_unwrapping():
        assert sdk_types.unwrap_type is original
