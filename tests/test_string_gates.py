"""The tests a string's judging makes before calling a reader that would find nothing (guardcost47, stop 47).

Every string of every resource goes through ``RuleEngine._judge_text`` and ``_judge_string``; a call there that answers
nothing for most strings is skipped by its reader's own first test, made at the call. These tests pin that each skipped
reader does find nothing for what its gate skips, so a reader taught to read more must widen its gate too, and that
the bucket-name places moved into ``_judged_as_bucket_field`` are judged as before.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.residency import RuleEngine, Subject, load_catalogue
from components.residency.catalogue import Cloud
from components.residency.engine import _GRANT_KEYS, ProviderRef, _KeyPlan, _Walk

_OTHER_ACCOUNT = "210987654321"


def _provider(code: str, cloud: Cloud = "aws") -> ProviderRef:
    regions = sorted(load_catalogue().jurisdictions[code].regions(cloud))
    return ProviderRef(cloud, "p", regions[0], accounts=frozenset({"123456789012"}) if cloud == "aws" else frozenset())


def _rule_ids(code: str, type_: str, props: dict[str, Any]) -> list[str]:
    findings, _ = RuleEngine(code).check(Subject(type_, "r", props, _provider(code)))
    return sorted(f.rule.id for f in findings)


_GLUE = "aws:glue/job:Job"


def _walk(engine: RuleEngine, type_: str, kpath: tuple[str, ...]) -> _Walk:
    walk = _Walk(Subject(type_, "r", {}, _provider("EU")), "aws", None, False, None)
    walk.kpath = kpath
    return walk


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="="), max_size=60))
def test_the_written_settings_reader_finds_nothing_without_an_equals_sign(text: str) -> None:
    # _judge_string calls it only for a string holding "=": every other string would add no finding.
    engine = RuleEngine("EU")
    walk = _walk(engine, _GLUE, ("default_arguments", "conf"))
    plan = engine._key_plan(_GLUE, walk.kpath, "conf")
    engine._judge_written_settings(walk, f"--conf spark.sql.catalog.lake.glue.id {text}", "p", plan)
    assert walk.findings == []


@pytest.mark.parametrize(
    ("code", "conf", "expected"),
    [
        ("EU", f"spark.sql.catalog.lake.glue.id={_OTHER_ACCOUNT}", ["RES-023"]),
        ("EU", "spark.sql.catalog.lake.glue.id=123456789012", []),
        ("JP", "spark.sql.catalog.lake.client.region=us-east-1", ["RES-009"]),
        ("JP", "spark.sql.catalog.lake.client.region=ap-northeast-1", []),
    ],
)
def test_a_written_setting_is_still_judged(code: str, conf: str, expected: list[str]) -> None:
    props = {"name": "j", "command": {"name": "glueetl"}, "default_arguments": {"--conf": conf}}
    assert _rule_ids(code, _GLUE, props) == expected


@pytest.mark.parametrize(
    "kpath",
    [("name",), ("target_key_id",), ("policy", "statement", "resource"), ("tags", "owner"), ("principal",)],
)
def test_no_account_is_granted_away_from_a_grant_key(kpath: tuple[str, ...]) -> None:
    # _judge_text calls _grants_account only for a type with granted_account_fields or a place under a grant key.
    engine = RuleEngine("EU")
    type_ = "aws:kms/alias:Alias"
    assert type_ not in engine._granted_account_paths and _GRANT_KEYS.isdisjoint(kpath[1:] or ("x",))
    walk = _walk(engine, type_, kpath)
    assert engine._grants_account(walk) is False


@pytest.mark.parametrize(
    ("code", "account", "expected"), [("EU", _OTHER_ACCOUNT, ["RES-023"]), ("EU", "123456789012", [])]
)
def test_a_granted_account_is_still_judged(code: str, account: str, expected: list[str]) -> None:
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"}, "Action": "s3:*"}],
    }
    assert _rule_ids(code, "aws:s3/bucketPolicy:BucketPolicy", {"bucket": "b", "policy": policy}) == expected
    # A catalogued granted_account_fields input (no grant key on its path): a Lambda permission's principal.
    props = {"action": "lambda:InvokeFunction", "function": "f", "principal": account}
    assert _rule_ids(code, "aws:lambda/permission:Permission", props) == expected


_GROUP = "aws:rds/cluster:Cluster"
_CODEBUILD = "aws:codebuild/project:Project"


def _s3_logs(location: str) -> dict[str, Any]:
    return {"logs_config": {"s3_logs": {"status": "ENABLED", "location": location}}}


@pytest.mark.parametrize(
    ("code", "type_", "props", "expected"),
    [
        # A multi-region group joined by name (global_group_fields): its name proves nothing (RES-017); a blank id
        # names no group; an ARN naming its Region is judged by that Region.
        ("EU", _GROUP, {"global_cluster_identifier": "fleet-global"}, ["RES-017"]),
        ("EU", _GROUP, {"global_cluster_identifier": " "}, []),
        ("EU", _GROUP, {"global_cluster_identifier": "arn:aws:rds::123456789012:global-cluster:g"}, ["RES-017"]),
        ("EU", _GROUP, {"global_cluster_identifier": "arn:aws:rds:us-east-1:123456789012:cluster:c"}, ["RES-004"]),
        ("EU", _GROUP, {"global_cluster_identifier": "arn:aws:rds:eu-west-1:123456789012:cluster:c"}, []),
        # A bucket named by the first segment of `<bucket>/<prefix>` (bucket_prefix_fields), regionless: RES-017
        # unless the stack made it; an S3 ARN there is read as one.
        ("EU", _CODEBUILD, _s3_logs("logs-b/p"), ["RES-017"]),
        ("EU", _CODEBUILD, _s3_logs("arn:aws:s3:::logs-b/p"), ["RES-017"]),
    ],
)
def test_a_bucket_or_group_name_is_judged_as_before(
    code: str, type_: str, props: dict[str, Any], expected: list[str]
) -> None:
    assert _rule_ids(code, type_, props) == expected


def test_the_bucket_field_reader_leaves_text_to_the_rest() -> None:
    # False: the string is read on as any string is (an ARN naming its Region, text that is no bucket name).
    engine = RuleEngine("EU")
    walk = _walk(engine, _GROUP, ("global_cluster_identifier",))
    plan: _KeyPlan = engine._key_plan(_GROUP, walk.kpath, "global_cluster_identifier")
    arn = "arn:aws:rds:us-east-1:123456789012:cluster:c"
    assert engine._judged_as_bucket_field(walk, arn, "p", plan) is False and walk.findings == []
    assert engine._judged_as_bucket_field(walk, "fleet-global", "p", plan) is True
    assert [f.rule.id for f in walk.findings] == ["RES-017"]
