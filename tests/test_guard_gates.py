"""The tests the guard and ``RuleEngine.check`` make per resource before a call that would do nothing (guardcost48).

Every resource of a guarded program goes through ``Guard.__call__`` and ``RuleEngine.check``; a call there that does
nothing for most types (``created_name``, ``_note_join_member``, ``_joined_known``, ``_check_global_resource``) is made
only for the types it can act on, tested at the call against a set read from the same tables the callee reads. These
tests pin that each set holds every type its callee acts on, so a table that grows widens its gate too, and that the
verdicts the moved code gives (global services, reads and imports) are the ones it gave before (stop 48).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from components.residency import RuleEngine, Subject, load_catalogue, stages
from components.residency.catalogue import Cloud
from components.residency.endpoints import ENDPOINTS_FILE, load_endpoints
from components.residency.engine import ProviderRef

_KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab"
_TOKEN = re.compile(r"\b(?:aws|alicloud):[A-Za-z0-9]+/[A-Za-z0-9]+:[A-Za-z0-9]+\b")
_CATALOGUED_TYPES = sorted(set(_TOKEN.findall(ENDPOINTS_FILE.read_text())))
"""Every type token ``endpoints.yaml`` names (entries, sources and comments alike): the types a gate may meet."""


class _EveryKey(Mapping[str, Any]):
    """Inputs that answer a name for any key asked (``created_name`` reads a type's own keys only)."""

    def __getitem__(self, key: str) -> Any:
        return "made.example.com"

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _provider(code: str, cloud: Cloud) -> ProviderRef:
    regions = sorted(load_catalogue().jurisdictions[code].regions(cloud))
    return ProviderRef(cloud, "p", regions[0], accounts=frozenset({"123456789012"}) if cloud == "aws" else frozenset())


def _rule_ids(code: str, type_: str, props: dict[str, Any], read_id: Any = None, import_id: Any = None) -> list[str]:
    cloud: Cloud = "alicloud" if type_.startswith("alicloud:") else "aws"
    findings, _ = RuleEngine(code).check(Subject(type_, "r", props, _provider(code, cloud), read_id, import_id))
    return sorted(f.rule.id for f in findings)


def test_the_catalogue_names_enough_types_to_test_the_gates() -> None:
    assert len(_CATALOGUED_TYPES) > 300


def test_no_type_outside_the_naming_types_creates_a_name() -> None:
    # Guard.__call__ calls _note_name (created_name, the unnamed buckets) only for RuleEngine.naming_types.
    engine = RuleEngine("EU")
    others = [t for t in _CATALOGUED_TYPES if t not in engine.naming_types]
    assert others
    assert [t for t in others if engine.created_name(t, _EveryKey()) is not None] == []
    assert engine.endpoints.bucket_types <= engine.naming_types


def test_every_join_member_and_vpc_link_type_is_kept() -> None:
    # Guard.__call__ calls _note_join_member only for stages.join_member_types().
    kept = stages.join_member_types()
    for type_ in _CATALOGUED_TYPES:
        assert (type_ in kept) == (type_ in stages.MEMBER_TYPES or stages.makes_vpc_link(type_)), type_
    assert load_endpoints().vpc_links.link_types <= kept


def test_every_type_that_may_join_is_asked() -> None:
    # Guard._judge_held awaits _joined_known only for stages.joining_types(): any other type gets _known from it.
    joining = stages.joining_types()
    for type_ in _CATALOGUED_TYPES:
        may_join = type_ in stages.JOIN_TYPES or stages.body_private_integration(type_) is not None
        assert (type_ in joining) == may_join, type_


@pytest.mark.parametrize(
    ("code", "type_", "props", "expected"),
    [
        ("EU", "aws:cloudfront/distribution:Distribution", {"enabled": True}, ["RES-016"]),
        ("CN", "aws:cloudfront/distribution:Distribution", {"enabled": True}, []),
        ("DE", "aws:globalaccelerator/accelerator:Accelerator", {"name": "a"}, ["RES-016"]),
        ("US", "aws:apigateway/restApi:RestApi", {"name": "a"}, ["RES-016"]),
        ("CN", "aws:apigateway/restApi:RestApi", {"name": "a"}, ["RES-016"]),
        ("JP", "aws:apigateway/restApi:RestApi", {"name": "a", "endpoint_configuration": {"types": "REGIONAL"}}, []),
        ("CN", "alicloud:cdn/domainNew:DomainNew", {"domain_name": "a.example.cn", "cdn_type": "web"}, []),
        ("CN", "alicloud:cdn/domainNew:DomainNew", {"domain_name": "a.example.cn", "scope": "overseas"}, ["RES-016"]),
        ("CN", "alicloud:ga/accelerator:Accelerator", {"duration": 1}, ["RES-016"]),
        ("EU", "aws:kms/alias:Alias", {"name": "alias/a"}, []),
    ],
)
def test_a_global_service_is_judged_once_per_resource(
    code: str, type_: str, props: dict[str, Any], expected: list[str]
) -> None:
    # check calls _check_global_resource only when the type has services (_resource_services, cached per type).
    assert _rule_ids(code, type_, props) == expected


@pytest.mark.parametrize(
    ("code", "type_", "read_id", "import_id", "expected"),
    [
        ("EU", "aws:s3/bucketV2:BucketV2", "logs", None, ["RES-017"]),
        ("EU", "aws:s3/bucketV2:BucketV2", None, "logs", ["RES-017"]),
        ("EU", "aws:kms/key:Key", f"arn:aws:kms:us-east-1:123456789012:key/{_KEY_ID}", None, ["RES-010"]),
        ("EU", "aws:kms/key:Key", None, f"arn:aws:kms:eu-west-1:123456789012:key/{_KEY_ID}", []),
        ("CN", "aws:kms/key:Key", f"arn:aws-cn:kms:cn-north-1:123456789012:key/{_KEY_ID}", None, []),
    ],
)
def test_a_read_or_adopted_id_is_judged(
    code: str, type_: str, read_id: str | None, import_id: str | None, expected: list[str]
) -> None:
    # The read / import tail of check, moved unchanged into _check_existing.
    assert _rule_ids(code, type_, {}, read_id, import_id) == expected
