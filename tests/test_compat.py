"""Canary for components/_compat.py, the one module that touches private Pulumi SDK details.

When pulumi is upgraded, the first test fails: re-read the details named in ``has_private_details``
in the new SDK, then update ``CHECKED_PULUMI_VERSION``. The helpers fall back to public behaviour
when a detail disappears; the fallback is tested here too, so an upgrade is slower, never wrong.
"""

from __future__ import annotations

import ast
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pulumi
import pulumi.runtime.resource as runtime_resource
import pulumi_aws as aws
import pytest

from components import _compat
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
    async def all_of() -> tuple[Any, bool, bool, set[Any]]:
        return (
            await output.future(with_unknowns=True),
            await output.is_known(),
            await output.is_secret(),
            await output.resources(),
        )

    from pulumi.runtime.sync_await import _sync_await

    return _sync_await(all_of())


@pytest.fixture(params=["private", "public"])
def judged(request: pytest.FixtureRequest) -> Any:
    """The helper, and its public-API fallback (what runs if the SDK drops the private details)."""
    return _compat.judged_output if request.param == "private" else _compat._judged_output_public


@pytest.mark.parametrize("secret", [False, True], ids=["plain", "secret"])
def test_judged_output_keeps_value_secretness_and_dependencies(
    pulumi_mocks: MockSession, judged: Any, secret: bool
) -> None:
    seen: list[tuple[Any, bool, bool, list[str]]] = []

    def program() -> tuple[Any, ...]:
        bucket = aws.s3.Bucket("b")
        source: pulumi.Output[Any] = bucket.arn.apply(lambda arn: {"arn": arn})
        gated = judged(
            pulumi.Output.secret(source) if secret else source,
            lambda v, k, s, deps: seen.append((v, k, s, sorted(d.pulumi_resource_name for d in deps))),
        )
        value, known, is_secret, resources = _resolve(gated)
        return value, known, is_secret, sorted(r.pulumi_resource_name for r in resources)

    run = pulumi_mocks.run(program)
    value, known, is_secret, resources = run.value
    assert value == {"arn": run.find("b").outputs["arn"]}
    assert (known, is_secret, resources) == (True, secret, ["b"])
    assert seen == [(value, True, secret, ["b"])], "the judge sees the value's dependencies"


def test_a_judge_that_raises_fails_the_output(pulumi_mocks: MockSession, judged: Any) -> None:
    def refuse(value: Any, known: bool, secret: bool, deps: set[Any]) -> None:
        raise ValueError(f"refused {value}")

    def program() -> None:
        gated = judged(pulumi.Output.from_input("us-east-1"), refuse)
        aws.s3.Bucket("b", bucket=gated)

    run = pulumi_mocks.run(program, raise_on_error=False)
    assert isinstance(run.error, ValueError) and str(run.error).endswith("refused us-east-1")
    assert "b" not in {r.name for r in run.resources}


@pytest.mark.parametrize("verdict", ["accept", "refuse"])
def test_a_judge_may_look_further_before_the_output_settles(
    pulumi_mocks: MockSession, judged: Any, verdict: str
) -> None:
    # A judge that returns an awaitable (the guard awaiting the producers' outputs) holds the Output
    # until it finishes: the registration waits for it and fails when it raises.
    order: list[str] = []

    async def look_further(value: Any) -> None:
        order.append("judged")
        if verdict == "refuse":
            raise ValueError(f"refused {value}")

    def used(value: str) -> str:
        order.append("used")
        return value

    def program() -> None:
        gated = judged(pulumi.Output.from_input("bucket-a"), lambda v, k, s, d: look_further(v))
        aws.s3.Bucket("b", bucket=gated.apply(used))

    run = pulumi_mocks.run(program, raise_on_error=False)
    if verdict == "refuse":
        assert isinstance(run.error, ValueError) and "b" not in {r.name for r in run.resources}
        assert order == ["judged"]
    else:
        assert run.error is None and run.find("b").inputs["bucket"] == "bucket-a"
        assert order == ["judged", "used"]


def test_many_gates_on_one_source_each_get_their_own_verdict(pulumi_mocks: MockSession, judged: Any) -> None:
    # One source feeding many resources (a key's ARN): one refusal fails exactly its own resource,
    # and a gate made after the source resolved still judges.
    judged_names: list[str] = []

    def judge_for(name: str) -> Any:
        def judge(value: Any, known: bool, secret: bool, deps: set[Any]) -> None:
            judged_names.append(name)
            if name == "b2":
                raise ValueError(f"refused {name}")

        return judge

    def program() -> None:
        key = aws.kms.Key("k")
        for i in range(5):
            aws.kms.Alias(f"b{i}", target_key_id=judged(key.arn, judge_for(f"b{i}")))
        _resolve(key.arn)  # resolved: the next gate waits on a finished source
        aws.kms.Alias("late", target_key_id=judged(key.arn, judge_for("late")))

    run = pulumi_mocks.run(program, raise_on_error=False)
    assert isinstance(run.error, ValueError) and str(run.error).endswith("refused b2")
    assert sorted(judged_names) == ["b0", "b1", "b2", "b3", "b4", "late"]
    assert {r.name for r in run.resources} >= {"b0", "b1", "b3", "b4", "late"}
    assert "b2" not in {r.name for r in run.resources}


def test_pulumi_policy_is_the_version_whose_private_details_were_checked() -> None:
    installed = version("pulumi-policy")
    assert installed == _compat.CHECKED_PULUMI_POLICY_VERSION, (
        f"pulumi-policy {installed} is installed but components/_compat.py was checked against "
        f"{_compat.CHECKED_PULUMI_POLICY_VERSION}: re-check policy_proxy_target, then update "
        "CHECKED_PULUMI_POLICY_VERSION"
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
