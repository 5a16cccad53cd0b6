"""The pack as the engine loads it: PulumiPolicy.yaml, __main__.py, requirements, metadata and config file."""

from __future__ import annotations

import json
import runpy
import sys
import tomllib
from typing import Any

import jsonschema
import pulumi_policy
import pytest
import yaml
from google.protobuf import empty_pb2, json_format
from residency_pack import GUARD_ONLY, PACK_NAME, RESOURCE_RULES
from test_policy_support import LEVELS, POLICY_DIR, REPO, Pack

from components.residency.rules import RULES, rule


def test_every_rule_is_a_policy_or_documented_as_guard_only() -> None:
    covered = set(RESOURCE_RULES) | {"RES-002", "RES-014", "RES-015", "RES-017", "RES-023"} | set(GUARD_ONLY)
    assert covered == {r.id for r in RULES if r.judged_by == "engine"}  # config rules are judged on files
    assert not set(GUARD_ONLY) & set(RESOURCE_RULES)


def test_analyzer_info_comes_from_the_rules_table(stack_config: Any) -> None:
    info = Pack().servicer.GetAnalyzerInfo(empty_pb2.Empty(), None)
    assert info.name == PACK_NAME
    assert info.supportsConfig
    by_name = {p.name: p for p in info.policies}
    expected = {rule(r).name: rule(r) for r in RESOURCE_RULES}
    expected |= {"unknown-value-provenance": rule("RES-014"), "explicit-provider-final-state": rule("RES-002")}
    expected |= {rule(r).name: rule(r) for r in ("RES-015", "RES-017", "RES-023")}
    expected |= {"public-access-declared-joined": rule("RES-024")}  # a DomainPolicy joined to its domain (stop 43)
    expected |= {"document-within-bounds-held": rule("RES-025")}  # a snippet held in S3 (falsealarm49)
    expected |= {"stack-set-instances-joined": rule("RES-009")}  # a StackSet's template with its instances (stop 50)
    assert set(by_name) == set(expected)
    codes = None
    for name, the_rule in expected.items():
        policy = by_name[name]
        assert policy.description == f"{the_rule.id}: {the_rule.message}"
        assert policy.remediation_steps == the_rule.fix
        assert LEVELS[policy.enforcementLevel] == the_rule.level == "mandatory"
        schema = json_format.MessageToDict(policy.configSchema.properties)
        codes = schema["jurisdiction"]["enum"]
        assert "CN" in codes and "EU" in codes


def test_main_builds_the_pack_the_engine_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    built: dict[str, Any] = {}

    def fake_pack(**kwargs: Any) -> None:
        built.update(kwargs)

    monkeypatch.setattr(pulumi_policy, "PolicyPack", fake_pack)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in (str(REPO), str(POLICY_DIR))])
    # What `python -m pulumi.policy <engine> .` does, from the pack directory.
    monkeypatch.chdir(POLICY_DIR)
    runpy.run_path(".", run_name="__main__")
    assert built["name"] == PACK_NAME
    assert built["enforcement_level"] == pulumi_policy.EnforcementLevel.MANDATORY
    # + RES-024 joined (stop 43), RES-025 held (falsealarm49), the StackSets joined to their instances (stackinst50)
    assert len(built["policies"]) == len(RESOURCE_RULES) + 8
    assert sys.path[0] == str(REPO)  # the checked-out residency core, not a copy


def test_policy_project_file_runs_python_from_the_packs_own_virtualenv() -> None:
    project = yaml.safe_load((POLICY_DIR / "PulumiPolicy.yaml").read_text())
    assert project["runtime"] == {"name": "python", "options": {"toolchain": "pip", "virtualenv": "venv"}}
    assert project["version"]


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def test_requirements_pin_the_cores_dependencies_exactly_as_pyproject() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    declared = _pins(pyproject["dependencies"] + pyproject["optional-dependencies"]["policy"])
    required = _pins((POLICY_DIR / "requirements.txt").read_text().splitlines())
    assert required == {k: declared[k] for k in ("phonenumbers", "pulumi", "pulumi-policy", "pydantic", "pyyaml")}


def test_the_shipped_policy_config_pins_cn_for_every_policy_and_fits_their_schema(stack_config: Any) -> None:
    config = json.loads((POLICY_DIR / "policy-config.cn.json").read_text())
    pack = Pack()
    assert set(config) == {p.name for p in pack.policies}
    for policy in pack.policies:
        assert policy.config_schema is not None
        schema = {"type": "object", "properties": policy.config_schema.properties, "additionalProperties": False}
        jsonschema.validate(config[policy.name], schema)
    with pytest.raises(jsonschema.ValidationError, match="'Mars' is not one of"):
        jsonschema.validate({"jurisdiction": "Mars"}, schema)


def test_the_policies_after_the_first_tell_a_request_by_identity(cn: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every resource policy of a request gets the same props proxy and provider (``share_policy_arguments``), so the
    request's value key (the repr of its plain properties) is made once per request, not once per policy; an equal
    request after it is still told by its value, and a different one judged afresh."""
    from residency_pack import resource_policies
    from residency_pack.values import resource_key as original
    from test_policy_support import Res, aws_provider

    keyed: list[str] = []

    def counting(*args: Any) -> tuple[Any, ...]:
        keyed.append(args[1])
        return original(*args)

    monkeypatch.setattr(resource_policies, "resource_key", counting)
    bucket = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b"}, provider=aws_provider())
    foreign = Res("aws:s3/bucket:Bucket", "f", {"bucket": "f"}, provider=aws_provider("us-east-1", "us"))
    assert cn.analyze(bucket) == []
    assert keyed == ["b"]  # 16 policies, one key
    refused = cn.analyze(foreign)
    assert keyed == ["b", "f"] and {d.policy for d in refused} and all("[RES-" in d.message for d in refused)
    assert cn.analyze(bucket) == [] and cn.analyze(foreign) == refused
    assert keyed == ["b", "f", "b", "f"]


def test_the_stack_policies_after_the_first_tell_a_stack_by_identity(cn: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The regionless stack policies share one judgement of the stack: its value key is made once per resource for the
    three of them (each gets the same props and provider objects), not three times."""
    from residency_pack import stack_policies
    from test_policy_support import Res, aws_provider

    original, keyed = stack_policies._value_key, []

    def counting(resource: Any) -> tuple[Any, ...]:
        keyed.append(resource.name)
        return original(resource)

    monkeypatch.setattr(stack_policies, "_value_key", counting)
    a = Res("aws:s3/bucket:Bucket", "a", {"bucket": "a"}, provider=aws_provider())
    b = Res("aws:s3/bucket:Bucket", "b", {"bucket": "b"}, provider=aws_provider(), dependencies=[a.urn])
    assert cn.analyze_stack([a, b]) == []
    assert keyed == ["a", "b"]
    assert cn.analyze_stack([a, b]) == [] and keyed == ["a", "b", "a", "b"]
