"""Stack config: the stack-file reader, the pydantic models, and one clear message per bad config."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pulumi
import pytest
import yaml

from components.config import (
    SECRET_PLACEHOLDER,
    load_stack_config,
    load_stack_file,
    stack_file_to_pulumi_config,
)
from components.errors import ConfigError

STACKS = Path(__file__).resolve().parent.parent / "stacks"
SHIPPED = sorted(p.name.removeprefix("Pulumi.").removesuffix(".yaml") for p in STACKS.glob("Pulumi.*.yaml"))


def test_the_required_markets_ship() -> None:
    assert {"cn", "us", "eu", "jp"} <= set(SHIPPED)
    assert len(SHIPPED) >= 5


@pytest.mark.parametrize("stack", SHIPPED)
def test_every_shipped_stack_validates(stack: str) -> None:
    settings = load_stack_file(STACKS / f"Pulumi.{stack}.yaml")
    assert settings.stack == stack
    assert settings.jurisdiction.code == stack.upper()
    assert settings.datacenter.owners


def test_stack_file_becomes_cli_style_runtime_config() -> None:
    config, secret_keys = stack_file_to_pulumi_config(STACKS / "Pulumi.cn.yaml")
    assert config["sovereign-dc:jurisdiction"] == "CN"
    datacenter = json.loads(config["sovereign-dc:datacenter"])
    assert datacenter["clouds"]["aws"] == {"primary": "cn-north-1", "secondary": "cn-northwest-1"}
    assert datacenter["clouds"]["alicloud"] == {"primary": "cn-shanghai", "secondary": "cn-beijing"}
    # Secure values are never decrypted: a placeholder, listed as secret.
    assert config["sovereign-dc:breakglassContact"] == SECRET_PLACEHOLDER
    assert secret_keys == ["sovereign-dc:breakglassContact"]


def test_nested_secure_values_mark_the_whole_key_secret(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.x.yaml"
    path.write_text(
        "config:\n  plain: 3\n  flag: true\n  sovereign-dc:obj:\n    a: {secure: abc}\n    b: [1, {secure: def}]\n"
    )
    config, secret_keys = stack_file_to_pulumi_config(path)
    assert config["sovereign-dc:plain"] == "3"
    assert config["sovereign-dc:flag"] == "true"
    assert json.loads(config["sovereign-dc:obj"]) == {"a": SECRET_PLACEHOLDER, "b": [1, SECRET_PLACEHOLDER]}
    assert secret_keys == ["sovereign-dc:obj"]
    assert "abc" not in config["sovereign-dc:obj"]


def test_the_stacks_aws_accounts_are_read_as_the_cli_gives_them(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.x.yaml"
    path.write_text('config:\n  aws:allowedAccountIds: ["012345678901", "123456789012"]\n')
    config, _ = stack_file_to_pulumi_config(path)
    assert json.loads(config["aws:allowedAccountIds"]) == ["012345678901", "123456789012"]


@pytest.mark.parametrize(
    ("written", "key", "problem"),
    [
        (
            "123456789012",
            r"config\.aws:allowedAccountIds",
            r"must be a non-empty list of AWS account ids \(it is a number 123456789012\)",
        ),
        ('"123456789012"', r"config\.aws:allowedAccountIds", r"\(it is text '123456789012'\)"),
        ("[]", r"config\.aws:allowedAccountIds", r"\(it is a list \[\]\)"),
        (
            "[123456789012]",
            r"config\.aws:allowedAccountIds\[0\]",
            r"a number 123456789012 is not a quoted 12-digit AWS account id",
        ),
        (
            '["123456789012", "12345678901"]',
            r"config\.aws:allowedAccountIds\[1\]",
            r"text '12345678901' is not a quoted",
        ),
    ],
)
def test_a_malformed_account_list_names_the_key_and_the_fix(
    tmp_path: Path, written: str, key: str, problem: str
) -> None:
    # A bare number loses an account id's leading zeros, and the provider takes a list: the plan and the deploy
    # would judge grants (RES-023) against accounts the provider does not pin.
    path = tmp_path / "Pulumi.x.yaml"
    path.write_text(f"config:\n  aws:allowedAccountIds: {written}\n")
    with pytest.raises(
        ConfigError,
        match=rf"^{re.escape(str(path))}: {key}: .*{problem}.*Fix: write the accounts as a list of quoted 12-digit ids",
    ):
        stack_file_to_pulumi_config(path)


def test_missing_stack_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "Pulumi.nowhere.yaml"
    with pytest.raises(
        ConfigError, match=rf"^{re.escape(str(missing))}: cannot read the stack file.*Fix: check the path"
    ):
        stack_file_to_pulumi_config(missing)


def test_malformed_yaml_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.bad.yaml"
    path.write_text("config:\n  sovereign-dc:jurisdiction: CN\n   bad-indent: [\n")
    with pytest.raises(
        ConfigError, match=rf"^{re.escape(str(path))}: not valid YAML .*line \d+.*Fix: correct the YAML"
    ):
        stack_file_to_pulumi_config(path)


# -- negative configs: each mutation of the cn stack gives its own message -------------------------


def _cn() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((STACKS / "Pulumi.cn.yaml").read_text())
    return doc


def _dc(doc: dict[str, Any]) -> dict[str, Any]:
    datacenter: dict[str, Any] = doc["config"]["sovereign-dc:datacenter"]
    return datacenter


def _set(path: str, value: Any) -> Any:
    def mutate(doc: dict[str, Any]) -> None:
        node = _dc(doc)
        *parents, last = path.split(".")
        for part in parents:
            node = node[part]
        node[last] = value

    return mutate


def _top(key: str, value: Any) -> Any:
    def mutate(doc: dict[str, Any]) -> None:
        if value is None:
            doc["config"].pop(key)
        else:
            doc["config"][key] = value

    return mutate


BAD_CONFIGS = [
    pytest.param(
        _set("clouds.aws.primery", "cn-north-1"),
        r"sovereign-dc:datacenter\.clouds\.aws\.primery: unknown key `primery` \(did you mean `primary`\?\)\. "
        r"Fix: rename it to `primary`$",
        id="unknown-key",
    ),
    pytest.param(
        _set("data_classes.camera_footage.retention_days", "30"),
        r"sovereign-dc:datacenter\.data_classes\.camera_footage\.retention_days"
        r": wrong type: expected a whole number, got text '30'\. Fix: write the number without quotes, e.g\. 30$",
        id="wrong-type",
    ),
    pytest.param(
        _set("clouds", 5),
        r"sovereign-dc:datacenter\.clouds: wrong type: expected a mapping \(indented `key: value` lines\), got a "
        r"number 5\. Fix: write `clouds:` with its keys indented below it \(docs/datacenter\.md\)$",
        id="wrong-type-mapping",
    ),
    pytest.param(
        _set("owners", "platform@example.com"),
        r"sovereign-dc:datacenter\.owners: wrong type: expected a list, got text 'platform@example\.com'\. "
        r"Fix: write it as a list, e\.g\. `\[a, b\]` or one `- item` line per entry$",
        id="wrong-type-list",
    ),
    pytest.param(
        _set("clouds.aws.secondary", "us-east-1"),
        r"sovereign-dc:datacenter\.clouds\.aws\.secondary: \[RES-030\] us-east-1 is outside Mainland China \(CN\)"
        r"\. Fix: use one of cn-north-1, cn-northwest-1",
        id="region-outside-jurisdiction",
    ),
    pytest.param(
        _set("clouds.alicloud.primary", "cn-hongkong"),
        r"sovereign-dc:datacenter\.clouds\.alicloud\.primary: \[RES-030\] cn-hongkong is outside Mainland China \(CN\)"
        r"\. Fix: use one of .*cn-shanghai",
        id="hong-kong-is-not-mainland",
    ),
    pytest.param(
        _set("clouds.aws.primary", "cn-north-9"),
        r"sovereign-dc:datacenter\.clouds\.aws\.primary: \[RES-031\] cn-north-9 is not a known aws region\. "
        r"Fix: use one of",
        id="unknown-region",
    ),
    pytest.param(
        _set("clouds.alicloud.secondary", "cn-shanghai"),
        r"sovereign-dc:datacenter\.clouds\.alicloud\.secondary: the secondary region equals the primary \(cn-shanghai\)"
        r"\. Fix: use another in-country region",
        id="secondary-equals-primary",
    ),
    pytest.param(
        _set("compute.alicloud.cidr", "10.40.128.0/17"),
        r"sovereign-dc:datacenter\.compute\.alicloud\.cidr: "
        r"10\.40\.128\.0/17 overlaps compute\.aws\.cidr \(10\.40\.0\.0/16\)"
        r"\. Fix: give each cloud its own",
        id="overlapping-cidrs",
    ),
    pytest.param(
        _set("compute.aws.cidr", "10.40.0.1/16"),
        r"sovereign-dc:datacenter\.compute\.aws\.cidr: '10\.40\.0\.1/16' is not an IPv4 network.*Fix: write it like",
        id="cidr-with-host-bits",
    ),
    pytest.param(
        _set("compute.aws.cidr", "8.8.0.0/16"),
        r"sovereign-dc:datacenter\.compute\.aws\.cidr: 8\.8\.0\.0/16 is not a private range",
        id="public-cidr",
    ),
    pytest.param(
        _top("sovereign-dc:jurisdiction", "XX"),
        r"sovereign-dc:jurisdiction: unknown jurisdiction 'XX'\. Fix: use one of .*CN.*US",
        id="unknown-jurisdiction",
    ),
    pytest.param(
        _top("sovereign-dc:jurisdiction", "US"),
        r"sovereign-dc:datacenter\.clouds\.aws\.primary: \[RES-030\] cn-north-1 is outside United States \(US\)",
        id="stack-in-the-wrong-jurisdiction",
    ),
    pytest.param(
        _top("sovereign-dc:datacentre", {"clouds": {}}),
        r"sovereign-dc:datacentre: unknown setting\. Fix: did you mean `sovereign-dc:datacenter`\?",
        id="unknown-setting",
    ),
    pytest.param(
        _top("sovereign-dc:breakglassContact", "+86 10 5555 0100"),
        r"sovereign-dc:breakglassContact: the break-glass contact is stored in plain text"
        r"\. Fix: run `pulumi config set --secret",
        id="plaintext-secret",
    ),
    pytest.param(
        _top("sovereign-dc:datacenter", None),
        r"sovereign-dc:datacenter: the data center settings are missing",
        id="missing-datacenter",
    ),
    pytest.param(
        _set("data_classes.dashcam_audio", {"retention_days": 7}),
        r"sovereign-dc:datacenter\.data_classes\.dashcam_audio: 'dashcam_audio' is not allowed .*vehicle_telemetry",
        id="unknown-data-class",
    ),
    pytest.param(
        _set("owners", []),
        r"sovereign-dc:datacenter\.owners: List should have at least 1 item",
        id="no-owners",
    ),
    pytest.param(
        _set("keys.deletion_window_days", 3),
        r"sovereign-dc:datacenter\.keys\.deletion_window_days: Input should be greater than or equal to 7",
        id="deletion-window-too-short",
    ),
    pytest.param(
        _set("clouds", {}),
        r"sovereign-dc:datacenter\.clouds: no cloud is configured\. Fix: add `aws:`",
        id="no-cloud",
    ),
    pytest.param(
        lambda doc: _dc(doc)["clouds"].pop("alicloud"),
        r"sovereign-dc:datacenter\.compute\.alicloud: compute is set for alicloud but alicloud is not under clouds",
        id="compute-without-cloud",
    ),
    pytest.param(
        lambda doc: _dc(doc).pop("owners"),
        r"sovereign-dc:datacenter\.owners: required key is missing\. Fix: add it",
        id="missing-key",
    ),
    # A jurisdiction written as a secret or as a list is not an unknown code: the message says what it is.
    pytest.param(
        _top("sovereign-dc:jurisdiction", {"secure": "v1:abc"}),
        r"sovereign-dc:jurisdiction: the jurisdiction is stored as a secret \(`secure:`\)\. "
        r"Fix: write it in clear, one of AE, .*\bCN\b",
        id="secret-jurisdiction",
    ),
    pytest.param(
        _top("sovereign-dc:jurisdiction", ["CN"]),
        r"sovereign-dc:jurisdiction: expected one jurisdiction code, got a list '\[\"CN\"\]'\. Fix: write one code",
        id="jurisdiction-list",
    ),
]


@pytest.mark.parametrize(("mutate", "message"), BAD_CONFIGS)
def test_bad_config_gives_one_clear_message_per_problem(tmp_path: Path, mutate: Any, message: str) -> None:
    doc = _cn()
    mutate(doc)
    path = tmp_path / "Pulumi.cn.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(ConfigError) as caught:
        load_stack_file(path)
    problems = [str(p) for p in caught.value.problems]
    assert re.match(rf"^{re.escape(str(path))}: {message}", problems[0]), problems
    assert str(caught.value) == "\n".join(problems)
    assert all("Fix: " in p and "\n" not in p for p in problems)


def test_runtime_loader_reads_pulumi_config_and_names_the_stack_file(pulumi_mocks: Any) -> None:
    config, secret_keys = stack_file_to_pulumi_config(STACKS / "Pulumi.cn.yaml")
    pulumi_mocks.configure(config, secret_keys)
    settings = load_stack_config("cn")
    assert settings.file == "stacks/Pulumi.cn.yaml"
    assert settings.datacenter.clouds.alicloud is not None
    assert isinstance(settings.breakglass_contact, pulumi.Output)

    bad = dict(config, **{"sovereign-dc:jurisdiction": "Atlantis"})
    pulumi_mocks.configure(bad, secret_keys)
    with pytest.raises(ConfigError, match=r"^stacks/Pulumi\.cn\.yaml: sovereign-dc:jurisdiction: unknown jurisdiction"):
        load_stack_config("cn")


def test_runtime_loader_refuses_a_plaintext_contact(pulumi_mocks: Any) -> None:
    config, _ = stack_file_to_pulumi_config(STACKS / "Pulumi.cn.yaml")
    pulumi_mocks.configure(config, [])
    with pytest.raises(ConfigError, match=r"breakglassContact: the break-glass contact is stored in plain text"):
        load_stack_config("cn")


@pytest.mark.parametrize(
    ("written", "key", "problem"),
    [
        (
            '"acs:ram::1234567890123456:role/deployer"',
            r"config\.alicloud:assumeRole",
            r"must be an object with a roleArn",
        ),
        ("{roleArn: acs:ram::1234567890123456:user/ci}", r"config\.alicloud:assumeRole\.roleArn", r"is not a RAM role"),
        ("{sessionName: ci}", r"config\.alicloud:assumeRole\.roleArn", r"nothing|None|is not a RAM role"),
    ],
)
def test_a_malformed_alibaba_deployment_role_names_the_key_and_the_fix(
    tmp_path: Path, written: str, key: str, problem: str
) -> None:
    # The role the platform's Alibaba Cloud providers deploy as pins them to its account (RES-023, stop 36).
    path = tmp_path / "Pulumi.x.yaml"
    path.write_text(f"config:\n  alicloud:assumeRole: {written}\n")
    with pytest.raises(
        ConfigError, match=rf"^{re.escape(str(path))}: {key}: .*({problem}).*Fix: e\.g\. alicloud:assumeRole"
    ):
        stack_file_to_pulumi_config(path)
    path.write_text('config:\n  alicloud:assumeRole: {roleArn: "acs:ram::1234567890123456:role/deployer"}\n')
    config, _ = stack_file_to_pulumi_config(path)
    assert json.loads(config["alicloud:assumeRole"]) == {"roleArn": "acs:ram::1234567890123456:role/deployer"}


def test_runtime_loader_refuses_a_malformed_account_list(pulumi_mocks: Any) -> None:
    # Under `pulumi up` the CLI hands the program `aws:allowedAccountIds` as JSON text; checked as the offline plan
    # checks the file, so a bare number fails before a provider is pinned to it.
    config, secret_keys = stack_file_to_pulumi_config(STACKS / "Pulumi.cn.yaml")
    pulumi_mocks.configure(dict(config, **{"aws:allowedAccountIds": "123456789012"}), secret_keys)
    with pytest.raises(
        ConfigError,
        match=r"^stacks/Pulumi\.cn\.yaml: config\.aws:allowedAccountIds: must be a non-empty list of AWS account ids "
        r"\(it is a number 123456789012\)\. Fix: write the accounts as a list of quoted 12-digit ids",
    ):
        load_stack_config("cn")
    pulumi_mocks.configure(dict(config, **{"aws:allowedAccountIds": '["123456789012"]'}), secret_keys)
    assert load_stack_config("cn").stack == "cn"
