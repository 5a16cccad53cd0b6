"""Where the pack takes the jurisdiction from: policy config, else the stack config; otherwise it refuses."""

from __future__ import annotations

from typing import Any

import pytest
from residency_pack.resource_policies import RESOURCE_RULES  # policy/ is on sys.path (tests/conftest.py)
from test_policy_support import Diag, Pack, Res, aws_provider, pin_all

BEIJING = aws_provider("cn-north-1")
FRANKFURT = aws_provider("eu-central-1")
STACK_KEY = "sovereign-dc:jurisdiction"


def messages(diags: list[Diag]) -> list[str]:
    return [d.message for d in diags]


def test_the_stack_config_alone_sets_the_jurisdiction(stack_config: Any) -> None:
    stack_config({STACK_KEY: "EU"})
    pack = Pack()
    assert pack.analyze(FRANKFURT) == []
    diags = pack.analyze(BEIJING)
    assert [d.policy for d in diags] == ["provider-region-pinned"]
    assert "(jurisdiction EU from stack config `sovereign-dc:jurisdiction`)" in diags[0].message


def test_a_changed_stack_config_is_read_again(stack_config: Any) -> None:
    # The pack parses the stack config once per text (every policy asks for every resource), never once per process.
    pack = Pack()
    for code, home, foreign in (("EU", FRANKFURT, BEIJING), ("CN", BEIJING, FRANKFURT), ("EU", FRANKFURT, BEIJING)):
        stack_config({STACK_KEY: code})
        assert pack.analyze(home) == []
        diags = pack.analyze(foreign)
        assert [d.policy for d in diags] == ["provider-region-pinned"]
        assert f"(jurisdiction {code} from stack config" in diags[0].message
    stack_config(None)
    assert "no jurisdiction is set" in pack.analyze(BEIJING)[0].message


def test_policy_config_alone_sets_the_jurisdiction(stack_config: Any) -> None:
    stack_config({"aws:region": "eu-central-1"})
    pack = Pack(pin_all("cn"))
    assert pack.analyze(BEIJING) == []
    diags = pack.analyze(FRANKFURT)
    assert [d.policy for d in diags] == ["provider-region-pinned"]
    assert "(jurisdiction CN from policy config `provider-region-pinned.jurisdiction`)" in diags[0].message


def test_policy_config_and_stack_config_that_agree_are_fine(stack_config: Any) -> None:
    stack_config({STACK_KEY: "cn"})
    assert Pack(pin_all("CN")).analyze(BEIJING) == []


def test_policy_config_and_stack_config_that_disagree_refuse(stack_config: Any) -> None:
    stack_config({STACK_KEY: "EU"})
    diags = Pack(pin_all("CN")).analyze(BEIJING)
    assert len(diags) == len(RESOURCE_RULES)  # every resource-level policy refuses; the stack policies run later
    assert {d.level for d in diags} == {"mandatory"}
    assert (
        "policy config pins jurisdiction 'CN' but the stack's `sovereign-dc:jurisdiction` is 'EU'" in diags[0].message
    )


@pytest.mark.parametrize(
    ("config", "policy_config", "text"),
    [
        pytest.param(None, None, "no jurisdiction is set, so residency cannot be judged", id="nothing"),
        pytest.param({"aws:region": "cn-north-1"}, None, "no jurisdiction is set", id="other-keys-only"),
        pytest.param(
            {STACK_KEY: "XX"},
            None,
            "stack config `sovereign-dc:jurisdiction`: unknown jurisdiction 'XX'",
            id="stack-unknown",
        ),
        pytest.param(None, pin_all("XX"), "unknown jurisdiction 'XX'. Fix: use one of", id="policy-unknown"),
        pytest.param(None, pin_all(""), "is '', not a jurisdiction code", id="policy-empty"),
    ],
)
def test_a_missing_or_unknown_jurisdiction_refuses_every_cloud_resource(
    stack_config: Any, config: Any, policy_config: Any, text: str
) -> None:
    stack_config(config)
    pack = Pack(policy_config)
    diags = pack.analyze(BEIJING)
    assert len(diags) == len(RESOURCE_RULES)  # one per resource-level policy
    assert {d.level for d in diags} == {"mandatory"}
    assert all(text in m for m in messages(diags))
    assert diags[0].message.startswith("RES-001: ")
    if "no jurisdiction" in text:
        assert "pulumi config set jurisdiction <CODE>" in diags[0].message
        assert "--policy-pack-config" in diags[0].message
    stack = pack.analyze_stack([BEIJING])
    assert [(d.policy, d.urn) for d in stack] == [
        ("unknown-value-provenance", ""),
        ("explicit-provider-final-state", ""),
        ("destination-host-proven", ""),
        ("regionless-reference-proven", ""),
        ("granted-account-proven", ""),
        ("public-access-declared-joined", ""),
        ("document-within-bounds-held", ""),
        ("stack-set-instances-joined", ""),
    ]
    assert all(text in m for m in messages(stack))


def test_regionless_resources_need_no_jurisdiction(stack_config: Any) -> None:
    stack_config(None)
    rand = Res(
        "random:index/randomId:RandomId", "r", {"byteLength": 4}, provider=Res("pulumi:providers:random", "r", {})
    )
    assert Pack().analyze(rand) == []


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", ""])
def test_an_unreadable_pulumi_config_counts_as_no_stack_config(
    stack_config: Any, monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    """The engine always sends a JSON object; anything else must not crash the resolver (it refuses instead)."""
    from residency_pack.jurisdiction import ConfigProblem, Engines, Resolved

    stack_config(None)
    monkeypatch.setenv("PULUMI_CONFIG", raw)
    engines = Engines()
    problem = engines.resolve("provider-region-pinned", {})
    assert isinstance(problem, ConfigProblem)
    assert "no jurisdiction is set" in problem.message
    resolved = engines.resolve("provider-region-pinned", {"jurisdiction": "de"})
    assert isinstance(resolved, Resolved)
    assert resolved.engine.jurisdiction.code == "DE"
    assert engines.resolve("explicit-provider", {"jurisdiction": "DE"}).engine is resolved.engine  # type: ignore[union-attr]
