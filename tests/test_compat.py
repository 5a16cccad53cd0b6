"""Canary for components/_compat.py, the one module that touches private Pulumi SDK details.

When pulumi is upgraded, the first test fails: re-read the details named in ``has_private_details``
in the new SDK, then update ``CHECKED_PULUMI_VERSION``. The helpers fall back to public behaviour
when a detail disappears; the fallback is tested here too, so an upgrade is slower, never wrong.
"""

from __future__ import annotations

from importlib.metadata import version
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
