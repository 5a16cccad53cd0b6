"""The bounds within which the engine reads a document found in an input (stop 42, issue 9; RES-025).

Each bound has a document just within it (read, and judged as before stop 42) and one beyond it (refused, fail closed,
its text still scanned): nesting depth (JSON, YAML, and a document inside a document), expanded nodes after YAML
aliases, an alias inside its own anchor, and gzip payloads. A document with a few anchors and merge keys is judged
exactly as the same document written out. Random nested documents never raise out of the engine.
"""

from __future__ import annotations

import base64
import gzip
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.residency import ProviderRef, RuleEngine, Subject
from components.residency.documents import (
    MAX_DECODED,
    MAX_DEPTH,
    MAX_NODES,
    DocumentBeyondBounds,
    _check_extent,
    _json_too_deep,
    gunzip,
    input_document,
    json_or_none,
    load_document,
    yaml_or_none,
)

PINNED_EU = ProviderRef("aws", "eu", "eu-west-1", accounts=frozenset({"123456789012"}))


def _ssm(value: str) -> Subject:
    return Subject("aws:ssm/parameter:Parameter", "p", {"name": "/fleet/config", "type": "String", "value": value},
                   PINNED_EU)  # fmt: skip


def _rules(subject: Subject, code: str = "EU") -> list[tuple[str, str]]:
    return sorted((f.rule.id, f.path) for f in RuleEngine(code).check(subject)[0])


def _laughs(levels: int, width: int = 6, leaf: str = "telemetry") -> str:
    lines = [f"l0: &l0 [{leaf}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _yaml_nested(levels: int) -> str:
    """A block-style YAML map ``levels`` maps deep."""
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(levels - 1)) + f"{'  ' * (levels - 1)}k: fleet\n"


# -- the reader, per bound --


def test_json_depth_is_bounded_before_the_decoder_recurses() -> None:
    assert json_or_none("[" * MAX_DEPTH + "1" + "]" * MAX_DEPTH) is not None
    with pytest.raises(DocumentBeyondBounds, match=f"nested deeper than {MAX_DEPTH} levels"):
        json_or_none("[" * (MAX_DEPTH + 1) + "1" + "]" * (MAX_DEPTH + 1))
    with pytest.raises(DocumentBeyondBounds, match="nested deeper"):
        json_or_none("[" * 200_000 + "]" * 200_000)  # RecursionError before stop 42
    # brackets inside strings are text, not nesting
    assert json_or_none(json.dumps({"text": "[" * 500})) == {"text": "[" * 500}


def test_yaml_depth_is_bounded_while_composing() -> None:
    assert yaml_or_none(_yaml_nested(MAX_DEPTH)) is not None
    with pytest.raises(DocumentBeyondBounds, match="nested deeper"):
        yaml_or_none(_yaml_nested(MAX_DEPTH + 1))
    with pytest.raises(DocumentBeyondBounds, match="nested deeper"):
        yaml_or_none("a: " + "[" * 5000 + "]" * 5000)  # PyYAML's composer recursed into RecursionError


def test_the_depth_of_an_input_counts_the_levels_above_its_document() -> None:
    document = "[" * 60 + "1" + "]" * 60
    assert json_or_none(document, depth=MAX_DEPTH - 60) is not None
    with pytest.raises(DocumentBeyondBounds):
        json_or_none(document, depth=MAX_DEPTH - 59)


def test_expanded_nodes_are_bounded_after_aliases() -> None:
    assert yaml_or_none(_laughs(6)) is not None  # 6**6 = 46,656 lists: read
    with pytest.raises(DocumentBeyondBounds, match=f"more than {MAX_NODES} nodes once its aliases are expanded"):
        yaml_or_none(_laughs(8))  # 6**8: the walk did not end in 300 s before stop 42
    with pytest.raises(DocumentBeyondBounds, match="more than"):
        yaml_or_none(_laughs(40, width=2))  # 2**40 lists from 40 lines


def test_an_alias_inside_its_own_anchor_is_endless() -> None:
    with pytest.raises(DocumentBeyondBounds, match="an alias that holds itself"):
        yaml_or_none("a: &a [fleet, *a]\n")
    with pytest.raises(DocumentBeyondBounds, match="holds itself"):
        yaml_or_none("a: &a {name: fleet, self: *a}\n")
    assert yaml_or_none("a: &a [fleet]\nb: [*a, *a]\n") == {"a": ["fleet"], "b": [["fleet"], ["fleet"]]}


def test_alias_chains_deeper_than_the_text_are_bounded_by_their_expanded_depth() -> None:
    lines = ["l0: &l0 [fleet]"] + [f"l{i}: &l{i} [*l{i - 1}]" for i in range(1, MAX_DEPTH + 5)]
    with pytest.raises(DocumentBeyondBounds, match=r"nested deeper than \d+ levels once its aliases are expanded"):
        yaml_or_none("\n".join(lines) + "\n")


def test_gzip_payloads_are_decompressed_up_to_the_bound() -> None:
    assert gunzip(gzip.compress(b"a" * MAX_DECODED)) == b"a" * MAX_DECODED
    with pytest.raises(DocumentBeyondBounds, match=f"more than {MAX_DECODED} bytes decompressed"):
        gunzip(gzip.compress(b"a" * (MAX_DECODED + 1)))
    assert gunzip(gzip.compress(b"one") + gzip.compress(b"two")) == b"onetwo"  # members, as gzip.decompress
    assert gunzip(gzip.compress(b"one")[:-3]) is None  # truncated: no text, as before
    assert gunzip(b"\x1f\x8bnot gzip") is None


def test_the_join_and_template_bodies_read_a_document_beyond_the_bounds_as_none() -> None:
    # the stage-variables join and a nested template's body: the engine refuses the text where its walk meets it
    assert input_document(_laughs(8)) is None and load_document("[" * 500 + "]" * 500) is None


# -- the engine: refused beyond, judged within --


@pytest.mark.parametrize(
    ("within", "beyond"),
    [
        ("[" * 99 + '"fleet"' + "]" * 99, "[" * 101 + '"fleet"' + "]" * 101),
        (_yaml_nested(99), _yaml_nested(101)),
        (_laughs(6), _laughs(8)),
        ("a: &a [fleet]\nb: [*a, *a]\n", "a: &a [fleet, *a]\nb: 1\n"),
    ],
)
def test_a_document_beyond_the_bounds_is_refused_and_one_within_is_judged(within: str, beyond: str) -> None:
    assert _rules(_ssm(within)) == []
    assert _rules(_ssm(beyond)) == [("RES-025", "value")]


def test_a_document_beyond_the_bounds_is_still_scanned_as_text() -> None:
    """No finding lost: the foreign host in a document the engine cannot read is still found in its text."""
    deep = '{"a":' * 2000 + '"https://evil.example.com"' + "}" * 2000  # RecursionError before stop 42
    assert _rules(_ssm(deep)) == [("RES-015", "value"), ("RES-025", "value")]
    laughs = _laughs(8, leaf="https://x.example.com")  # did not end in 300 s before stop 42
    assert _rules(_ssm(laughs)) == [("RES-015", "value"), ("RES-025", "value")]


def test_a_document_inside_a_document_counts_both_depths() -> None:
    def wrapped(outer: int, inner: int) -> str:
        return json.dumps(_nest({"config": "[" * inner + '"fleet"' + "]" * inner}, outer))

    assert _rules(_ssm(wrapped(30, 30))) == []
    assert _rules(_ssm(wrapped(60, 60))) == [("RES-025", "value(json)" + ".n" * 60 + ".config")]


def _nest(value: Any, levels: int) -> Any:
    for _ in range(levels):
        value = {"n": value}
    return value


def test_gzip_user_data_beyond_the_bound_is_refused() -> None:
    def instance(script: bytes) -> Subject:
        data = base64.b64encode(gzip.compress(script, mtime=0)).decode()
        return Subject("aws:ec2/instance:Instance", "i", {"ami": "ami-1", "user_data_base64": data}, PINNED_EU)

    assert _rules(instance(b"#!/bin/bash\ncurl https://evil.example.com/x\n")) == [
        ("RES-015", "user_data_base64(base64+gzip)")
    ]
    assert _rules(instance(b"#!/bin/bash\n" + b"#" * (4 << 20))) == [("RES-025", "user_data_base64")]


def test_binary_content_in_a_cloud_config_is_bounded() -> None:
    bomb = base64.b64encode(gzip.compress(b"#" * (2 << 20), mtime=0)).decode()
    config = f"#cloud-config\nwrite_files:\n  - path: /etc/fleet.conf\n    content: !!binary |\n      {bomb}\n"
    subject = Subject("aws:ec2/instance:Instance", "i", {"ami": "ami-1", "user_data": config}, PINNED_EU)
    assert [rule for rule, _ in _rules(subject)] == ["RES-025"]


# -- a few anchors: judged exactly as the same document written out --

_COMPOSE_ANCHORED = """\
x-defaults: &defaults
  restart: always
  environment:
    OTEL_EXPORTER_OTLP_ENDPOINT: {endpoint}
services:
  ingest:
    <<: *defaults
    image: fleet/ingest
  export:
    <<: *defaults
    image: fleet/export
"""


def _written_out(endpoint: str) -> str:
    defaults = {"restart": "always", "environment": {"OTEL_EXPORTER_OTLP_ENDPOINT": endpoint}}
    return json.dumps({
        "x-defaults": defaults,
        "services": {"ingest": {**defaults, "image": "fleet/ingest"}, "export": {**defaults, "image": "fleet/export"}},
    })  # fmt: skip


@pytest.mark.parametrize(
    "endpoint", ["https://collector.eu-west-1.amazonaws.com", "https://otel.partner.example.com:4318"]
)
def test_anchors_and_merge_keys_are_judged_as_the_document_written_out(endpoint: str) -> None:
    anchored = _rules(_ssm(_COMPOSE_ANCHORED.format(endpoint=endpoint)))
    written = _rules(_ssm(_written_out(endpoint)))
    assert [r for r, _ in anchored] == [r for r, _ in written]
    assert [p.replace("(yaml)", "(json)") for _, p in anchored] == [p for _, p in written]
    assert ("RES-025" in {r for r, _ in anchored}) is False


def test_many_merge_keys_of_one_map_stay_judged() -> None:
    # PyYAML 6 merges each key once however often a map is merged; the merge bound is a guard for other versions
    lines = ["m0: &m0 {region: eu-west-1}"]
    lines += [f"m{i}: &m{i} {{<<: [{', '.join([f'*m{i - 1}'] * 6)}]}}" for i in range(1, 9)]
    assert _rules(_ssm("\n".join(lines) + "\n")) == []


# -- random documents never raise out of the engine --

_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=12),
    st.sampled_from(["https://s3.eu-west-1.amazonaws.com", "us-east-1", "arn:aws:s3:::b", "eu-west-1"]),
)  # fmt: skip
_DOCUMENTS = st.recursive(
    _LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=40,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(document=_DOCUMENTS, depth=st.integers(0, 250), as_yaml=st.booleans())
def test_random_nested_documents_never_raise_out_of_the_engine(document: Any, depth: int, as_yaml: bool) -> None:
    nested = _nest(document, depth)
    text = json.dumps(nested)
    if as_yaml:
        text = "doc:\n  " + text  # flow style inside a block map: read as YAML
    findings = RuleEngine("EU").check(_ssm(text))[0]
    assert all(f.rule.id.startswith("RES-0") for f in findings)
    if depth > MAX_DEPTH + 1:
        assert "RES-025" in {f.rule.id for f in findings}


def test_a_non_printable_character_is_no_yaml_document_and_no_error() -> None:
    # stop 57's CI: the random documents above gave a leaf `[\b` (a flow sequence's opening and a backspace); PyYAML's
    # reader refuses the character while its loader is built, which was outside the error handling: a ReaderError out
    # of the engine. The text is no YAML document now, and the engine still judges the rest of the input.
    assert yaml_or_none("[\x08") is None
    findings = RuleEngine("EU").check(_ssm(json.dumps({"a": "[\x08", "b": "https://s3.us-east-1.amazonaws.com"})))[0]
    assert {f.rule.id for f in findings} == {"RES-006"}


@settings(max_examples=40, deadline=None)
@given(
    levels=st.integers(1, 30),
    width=st.integers(1, 8),
    cycle=st.booleans(),
)
def test_random_alias_chains_never_raise_out_of_the_engine(levels: int, width: int, cycle: bool) -> None:
    lines = ["l0: &l0 [fleet" + (", *l0" if cycle else "") + "]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    rules = {f.rule.id for f in RuleEngine("EU").check(_ssm("\n".join(lines) + "\n"))[0]}
    nodes = 2  # l0: a list and its string
    total = 1 + (levels + 1) + nodes  # the map, its keys, l0
    for _ in range(levels):
        nodes = 1 + width * nodes
        total += nodes
    assert rules == ({"RES-025"} if cycle or total > MAX_NODES else set())


# -- perf42: the JSON extent walk skipped where it cannot refuse --


def test_json_nodes_are_still_counted_in_a_text_longer_than_the_bound() -> None:
    """``json_or_none`` walks a JSON document's extent only for a text longer than ``MAX_NODES`` characters (a shorter
    one holds at most as many nodes as characters): a text just long enough to hold the bound is read, one node more
    refused."""
    within = "[" + "0," * (MAX_NODES - 2) + "0]"  # a list and MAX_NODES - 1 numbers
    assert len(within) > MAX_NODES and json_or_none(within) is not None
    with pytest.raises(DocumentBeyondBounds, match=f"more than {MAX_NODES} nodes"):
        json_or_none("[" + "0," * (MAX_NODES - 1) + "0]")


@settings(max_examples=80, deadline=None)
@given(document=_DOCUMENTS, depth=st.integers(0, 120), spaces=st.booleans())
def test_json_within_its_length_is_refused_by_the_bracket_scan_alone(document: Any, depth: int, spaces: bool) -> None:
    """What the skipped walk would find, the scan before ``json.loads`` finds (perf42): for any JSON text of at most
    ``MAX_NODES`` characters, the extent walk refuses it exactly when the bracket scan does, and for its depth only."""
    text = json.dumps(_nest(document, depth), indent=1 if spaces else None)
    assert len(text) <= MAX_NODES
    parsed = json.loads(text)
    try:
        _check_extent(parsed, MAX_DEPTH)
        walked = False
    except DocumentBeyondBounds as beyond:
        assert "nested deeper" in beyond.bound
        walked = True
    assert walked == _json_too_deep(text, MAX_DEPTH)
