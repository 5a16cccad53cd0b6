"""Stack-file validation beyond shape: cloud tag limits, contacts, stack names, partitions, secure
values, duplicate keys; every problem of a file reported at once; the config rules RES-030..RES-033."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from components.config import load_stack_file
from components.config.limits import CLOUD_TAG_LIMITS, is_contact
from components.deploy.backends import check_backend, check_secrets_provider
from components.errors import ConfigError, ConfigProblems
from components.residency import load_catalogue
from components.residency.rules import RULES, rule

STACKS = Path(__file__).resolve().parent.parent / "stacks"
DC = "sovereign-dc:datacenter"


def _doc(stack: str = "cn") -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((STACKS / f"Pulumi.{stack}.yaml").read_text())
    return doc


def _problems(tmp_path: Path, doc: dict[str, Any] | str, name: str = "cn") -> list[str]:
    path = tmp_path / f"Pulumi.{name}.yaml"
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_stack_file(path, shown=f"stacks/Pulumi.{name}.yaml")
    problems = [str(p) for p in caught.value.problems]
    assert all(p.startswith(f"stacks/Pulumi.{name}.yaml") and "Fix: " in p and "\n" not in p for p in problems)
    return problems


def _tags(**tags: str) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        doc["config"][DC]["tags"] = tags

    return mutate


def _only(cloud: str) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        other = "alicloud" if cloud == "aws" else "aws"
        for section in ("clouds", "compute"):
            doc["config"][DC][section].pop(other)
        for feature in ("ingest", "portal"):  # vehicle ingest and the portal run on the clouds listed
            if feature in doc["config"][DC]:
                doc["config"][DC][feature]["clouds"] = [c for c in doc["config"][DC][feature]["clouds"] if c != other]

    return mutate


TAG_CASES = [
    ({"": "x"}, r"tags\.: a tag key is empty"),
    ({"aws:team": "x"}, r"tags\.aws:team: keys starting with `aws:` are reserved by AWS"),
    ({"AWS:team": "x"}, r"tags\.AWS:team: keys starting with `aws:` are reserved by AWS"),
    ({"team": "aws:x"}, r"tags\.team: values starting with `aws:` are reserved by AWS"),
    ({"acs:team": "x"}, r"tags\.acs:team: keys starting with `acs:` are reserved by Alibaba Cloud"),
    ({"aliyun-team": "x"}, r"tags\.aliyun-team: keys starting with `aliyun` are reserved by Alibaba Cloud"),
    ({"team": "see https://x"}, r"tags\.team: Alibaba Cloud refuses tags containing `https://`"),
    ({"team": "a" * 200}, r"tags\.team: the value is 200 characters; Alibaba Cloud allows 128"),
    ({"t" * 100: "x"}, r"the key is 100 characters; Alibaba Cloud allows 64"),
    ({"team": "a;b"}, r"tags\.team: AWS allows only letters, digits, spaces and _ \. : / = \+ - @ in tags"),
    ({"sovereign:stack": "x"}, r"tags\.sovereign:stack: tag keys starting with `sovereign:` are the toolkit's own"),
]


@pytest.mark.parametrize(("tags", "message"), TAG_CASES, ids=[m.split(":")[0][:30] for _, m in TAG_CASES])
def test_tags_meet_every_configured_clouds_limits(tmp_path: Path, tags: dict[str, str], message: str) -> None:
    doc = _doc()
    _tags(**tags)(doc)
    problems = _problems(tmp_path, doc)
    assert any(re.search(message, p) for p in problems), problems


def test_the_alibaba_value_limit_is_shorter_than_the_aws_one(tmp_path: Path) -> None:
    assert CLOUD_TAG_LIMITS["alicloud"].max_value == 128 < CLOUD_TAG_LIMITS["aws"].max_value == 256
    for cloud, accepted in (("aws", True), ("alicloud", False)):
        doc = _doc()
        _only(cloud)(doc)
        _tags(team="a" * 200)(doc)
        path = tmp_path / f"Pulumi.cn-{cloud}.yaml"
        path.write_text(yaml.safe_dump(doc), encoding="utf-8")
        if accepted:
            assert load_stack_file(path).datacenter.tags["team"] == "a" * 200
        else:
            with pytest.raises(ConfigError, match="the value is 200 characters; Alibaba Cloud allows 128"):
                load_stack_file(path)


def test_tag_count_leaves_room_for_the_toolkits_own(tmp_path: Path) -> None:
    us = _doc("us")  # AWS only: 50 per resource, 4 are the toolkit's
    us["config"][DC]["tags"] = {f"t{i}": "x" for i in range(46)}
    path = tmp_path / "Pulumi.us.yaml"
    path.write_text(yaml.safe_dump(us), encoding="utf-8")
    assert len(load_stack_file(path).datacenter.tags) == 46
    us["config"][DC]["tags"]["t46"] = "x"
    (problem,) = _problems(tmp_path, us, "us")
    assert "47 tags, but AWS allows 50 per resource and the toolkit adds 4 of its own. Fix: keep at most 46" in problem
    cn = _doc()  # with Alibaba Cloud: OSS buckets take 20
    cn["config"][DC]["tags"] = {f"t{i}": "x" for i in range(17)}
    assert any("allow 20 per resource" in p and "keep at most 16" in p for p in _problems(tmp_path, cn))


@pytest.mark.parametrize(
    ("owner", "ok"),
    [
        ("cn-platform@example.com", True),
        ("first.last+dpo@corp.example.cn", True),
        ("@sovereign-dc/cn-platform", True),
        ("@cn-oncall", True),
        ("bob", False),
        ("bob@localhost", False),
        ("@", False),
        ("mailto:bob@example.com", False),
        ("bob @example.com", False),
        ("https://example.com/team", False),
    ],
)
def test_owners_must_be_contacts(tmp_path: Path, owner: str, ok: bool) -> None:
    assert is_contact(owner) is ok
    if not ok and len(owner) >= 3:  # shorter ones fail the schema's own minimum length first
        doc = _doc()
        doc["config"][DC]["owners"] = ["cn-dpo@example.com", owner]
        problems = _problems(tmp_path, doc)
        assert any("owners[1]: " in p and "is not a contact. Fix: write an email address" in p for p in problems)


def test_owners_listed_twice_and_the_joined_owners_tag_over_the_value_limit(tmp_path: Path) -> None:
    doc = _doc()
    doc["config"][DC]["owners"] = [f"owner-number-{i}@example.com" for i in range(6)] + ["owner-number-0@example.com"]
    problems = _problems(tmp_path, doc)
    assert any("owners[6]: owner-number-0@example.com is listed twice" in p for p in problems)
    assert any(
        re.search(
            r"owners: the owners are written into the `sovereign:owners` tag, \d+ characters .* allow tag "
            r"values of 128",
            p,
        )
        for p in problems
    )


def test_a_stack_name_pulumi_refuses(tmp_path: Path) -> None:
    problems = _problems(tmp_path, _doc(), name="cn prod")
    assert any("the stack name 'cn prod' (from the file name) is one Pulumi refuses" in p for p in problems)


def test_a_secondary_region_in_another_partition(tmp_path: Path) -> None:
    doc = _doc("us")
    doc["config"][DC]["clouds"]["aws"]["secondary"] = "us-gov-west-1"
    (problem,) = _problems(tmp_path, doc, "us")
    assert "clouds.aws.secondary: us-gov-west-1 is in the aws-us-gov partition but the primary us-east-1 is in aws" in (
        problem
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (12345, r"breakglassContact\.secure: the `secure:` value must be ciphertext text, not a number"),
        ("", r"breakglassContact\.secure: the `secure:` value is empty"),
        (None, r"breakglassContact\.secure: the `secure:` value is empty"),
        (["a"], r"the `secure:` value must be ciphertext text, not a list"),
    ],
)
def test_malformed_secure_values_are_refused(tmp_path: Path, value: object, message: str) -> None:
    doc = _doc()
    doc["config"]["sovereign-dc:breakglassContact"] = {"secure": value}
    problems = _problems(tmp_path, doc)
    assert any(re.search(message, p) and "pulumi config set --secret breakglassContact" in p for p in problems)


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = (STACKS / "Pulumi.cn.yaml").read_text(encoding="utf-8")
    text = text.replace("retention_days: 30}", "retention_dayz: 30}").replace("cn-northwest-1", "us-west-2")
    text = text.replace("secure: v1:", "secure: 12345\n    # v1:").replace("market: mainland-china", "aws:x: y")
    problems = _problems(tmp_path, text)
    joined = "\n".join(problems)
    for expected in (
        "breakglassContact.secure: the `secure:` value must be ciphertext text",
        "data_classes.camera_footage.retention_dayz: unknown key `retention_dayz` (did you mean `retention_days`?)",
        "data_classes.camera_footage.retention_days: required key is missing",
        "clouds.aws.secondary: [RES-030] us-west-2 is outside Mainland China (CN)",
    ):
        assert expected in joined, joined
    assert len(problems) == len(set(problems)) >= 4


def test_duplicate_keys_in_a_stack_file(tmp_path: Path) -> None:
    text = (STACKS / "Pulumi.cn.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  sovereign-dc:jurisdiction: CN\n", "  sovereign-dc:jurisdiction: CN\n  sovereign-dc:jurisdiction: US\n"
    )
    (problem,) = _problems(tmp_path, text)
    assert "the key 'sovereign-dc:jurisdiction' is given twice (first at line 3) at line 4" in problem


def test_a_config_problems_error_pickles_and_reads_as_its_first_problem() -> None:
    import pickle

    first, second = ConfigError("f", "a", "p1", "x1", rule_id="RES-030"), ConfigError("f", "b", "p2", "x2")
    both = ConfigProblems([first, second])
    assert (both.key, both.rule_id) == ("a", "RES-030") and str(both) == f"{first}\n{second}"
    again = pickle.loads(pickle.dumps(both))
    assert str(again) == str(both) and [p.key for p in again.problems] == ["a", "b"]


# -- the config rules: a compliant and an offending case each ------------------------------------

CONFIG_RULES = {r.id for r in RULES if r.judged_by == "config"}


def test_config_rules_are_ids_30_to_39() -> None:
    assert {"RES-030", "RES-031", "RES-032", "RES-033"} == CONFIG_RULES
    assert all(30 <= int(r.removeprefix("RES-")) <= 39 for r in CONFIG_RULES)


def _region_pair(tmp_path: Path, region: str) -> list[str]:
    doc = _doc()
    doc["config"][DC]["clouds"]["aws"]["secondary"] = region
    path = tmp_path / "Pulumi.cn.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    try:
        load_stack_file(path)
    except ConfigError as exc:
        return [p.rule_id for p in exc.problems]
    return []


@pytest.mark.parametrize(
    ("rule_id", "good", "bad"),
    [("RES-030", "cn-northwest-1", "eu-west-1"), ("RES-031", "cn-northwest-1", "cn-northwest-9")],
)
def test_region_rule_pair(tmp_path: Path, rule_id: str, good: str, bad: str) -> None:
    assert _region_pair(tmp_path, good) == []
    assert _region_pair(tmp_path, bad) == [rule_id]
    assert rule(rule_id).judged_by == "config"


@pytest.mark.parametrize(
    ("rule_id", "good", "bad"),
    [
        ("RES-032", "s3://b?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn", "s3://b?region=us-east-1"),
        ("RES-033", "awskms://alias/k?region=cn-north-1", "awskms://alias/k?region=us-east-1"),
    ],
)
def test_deployment_rule_pair(rule_id: str, good: str, bad: str) -> None:
    catalogue = load_catalogue()
    cn = catalogue.get("CN")
    backend = "s3://b?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn"

    def check(url: str) -> None:
        if rule_id == "RES-032":
            check_backend(url, cn, catalogue, development=False, file="f", key="k")
        else:
            check_secrets_provider(url, cn, catalogue, backend_url=backend, development=False, file="f", key="k")

    check(good)
    with pytest.raises(ConfigError, match=rf"^f: k: \[{rule_id}\] .*outside Mainland China") as caught:
        check(bad)
    assert caught.value.rule_id == rule_id


def test_a_second_backend_for_one_jurisdiction_is_refused(tmp_path: Path) -> None:
    from components.deploy.models import load_deployment_map

    text = (STACKS / "deployments.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  HK:\n", "  CN:\n    backend: s3://elsewhere?region=us-east-1\n    secrets_provider: passphrase\n  HK:\n"
    )
    path = tmp_path / "deployments.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"deployments\.yaml: the key 'CN' is given twice \(first at line \d+\)"):
        load_deployment_map(path, load_catalogue())
