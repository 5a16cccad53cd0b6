"""The one jq reader (components/residency/jq.py): a ROS template's ``Fn::Jq`` and a script's ``jq`` read alike.

jqone53 (stop 53): the engine's Fn::Jq subset (fnros53) and the script reader's path / sub / gsub (scripts50,
scripts52) were two readings of one language; they are one now, and these cases pin what it reads and what it leaves.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from components.residency import jq
from components.residency.scripts import filter_values, substitution_values

DATA = {
    "targets": [{"role": "main", "region": "cn-beijing"}, {"role": "backup", "region": "cn-shanghai"}],
    "host": "db.internal",
    "empty": None,
}


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        (".host", ["db.internal"]),
        ('."host"', ["db.internal"]),
        (".targets[1].region", ["cn-shanghai"]),
        (".targets[-1].region", ["cn-shanghai"]),
        (".targets[] | .region", ["cn-beijing", "cn-shanghai"]),
        ('.targets[] | select(.role == "backup") | .region', ["cn-shanghai"]),
        ("first(.targets[] | .region)", ["cn-beijing"]),
        (".targets | map(.region) | last", ["cn-shanghai"]),
        ('.empty // "cn-beijing"', ["cn-beijing"]),
        ('"\\(.host):5432"', ["db.internal:5432"]),
        ('.host | sub("internal"; "corp.example")', ["db.corp.example"]),
        ('.host | gsub("\\\\."; "-")', ["db-internal"]),
        (".missing", [None]),
        # fnros54 (stop 54): addition (binding tighter than `==`, looser than a path) and an array built, then steps.
        ('"oss-" + .targets[0].region + "-internal"', ["oss-cn-beijing-internal"]),
        ('.empty + "x"', ["x"]),
        ('.host + ".corp" == "db.internal.corp"', [True]),
        ('.empty // "a" + "b"', ["ab"]),
        ("[.targets[].region]", [["cn-beijing", "cn-shanghai"]]),
        ("[.targets[].region][1]", ["cn-shanghai"]),
        ('[.targets[] | select(.role == "backup")][0].region', ["cn-shanghai"]),
        ("[.targets[].region] | first", ["cn-beijing"]),
        ("[] | first", [None]),
        ("[.targets[].region] + [.host]", [["cn-beijing", "cn-shanghai", "db.internal"]]),
        # fnros54 (stop 54): builtins of no argument (then steps), as jq 1.6 gives them.
        (".targets | keys", [[0, 1]]),
        (".targets[0] | keys[0]", ["region"]),
        ('.targets[0] | to_entries[] | select(.key == "region") | .value', ["cn-beijing"]),
        (".host | ascii_upcase | ascii_downcase", ["db.internal"]),
        (".empty | tostring", ["null"]),
    ],
)
def test_the_subset_is_read_as_jq_does(program: str, expected: list[Any]) -> None:
    assert jq.outputs(program, DATA) == expected


@pytest.mark.parametrize(
    "program",
    [
        "{a: .host}",  # an object built
        ".host, .empty",  # a comma
        "..",  # recursion
        '.host | ltrimstr("db.")',  # another builtin (fnros54: `keys`, this case's until stop 53, is read)
        '.host | sub("(db)"; "x")',  # a group in the regular expression
        '.host | sub("a**"; "x")',  # a regular expression jq refuses too
        "." * (jq.MAX_PROGRAM + 1),  # past the bound
        "(.host + .host)",  # parentheses
        ".targets | length",  # `length` (fnros54: not read)
    ],
)
def test_anything_else_is_left_unread(program: str) -> None:
    assert jq.outputs(program, DATA) is None
    assert program in jq.read(program).texts  # the caller judges the program's own text where the input is unknown


def test_an_error_jq_would_raise_gives_no_value() -> None:
    assert jq.read(".host.name").run is not None  # read, but a key of a text is jq's error for this input
    assert jq.outputs(".host.name", DATA) is None
    assert jq.outputs('.empty.host // "x"', DATA) == ["x"]  # a key of null is null, so the alternative applies


def test_the_texts_a_program_may_write_are_kept() -> None:
    assert jq.read('.h // "db.partner.example"').texts == ("db.partner.example",)
    assert jq.read('.h | sub("internal"; "partner.example")').texts == ("partner.example",)
    assert jq.read(".a.b | first").texts == ()


@pytest.mark.parametrize(
    "program",
    [
        '.targets[].region + "-x"',  # several values added (jq gives each; the subset reads one value a side)
        ".host + 1",  # a text and a number: jq's error
        ".targets + .host",  # a list and a text: jq's error
        "true + .host",  # a boolean
        "[.host][0][0]",  # an index of a text: jq's error
        ".targets | tostring",  # a list's JSON text (jq and Python may write it differently)
        ".targets | to_entries",  # an array's entries: objects only are read
        ".host | keys",  # keys of a text: jq's error
        ".targets | ascii_downcase",  # a case of a list: jq's error
    ],
)
def test_a_sum_or_an_array_jq_would_refuse_gives_no_value(program: str) -> None:
    # fnros54 (stop 54): read, but no value for this input (jq raises, or the subset gives no single value a side).
    assert jq.read(program).run is not None
    assert jq.outputs(program, DATA) is None


def test_a_script_and_a_template_read_one_program_alike() -> None:
    program = '.targets[] | select(.role == "backup") | .region'
    document = json.dumps(DATA)
    assert filter_values(f"$(echo '{document}' | jq -r '{program}')", {}) == ["cn-shanghai"]
    assert jq.outputs(program, DATA) == ["cn-shanghai"]


def test_a_program_writing_a_host_does_not_select_from_the_machines_name() -> None:
    # Before jqone53 a program outside the script reader's path / sub shape had no texts, so `hostname | jq ...` was
    # read as the machine's own name whatever the program wrote.
    assert substitution_values("$(hostname | jq -R '\"db.partner.example\"')", {}, {}) != ["${HOSTNAME}"]
    assert substitution_values("$(hostname | jq -R '{h: \"db.partner.example\"} | .h')", {}, {}) != ["${HOSTNAME}"]
    assert substitution_values("$(hostname -f | head -n 1)", {}, {}) == ["${HOSTNAME}"]


KEYS = st.text(alphabet="abcdefghij_", min_size=1, max_size=6)


@given(st.lists(KEYS, min_size=1, max_size=5), st.text(max_size=12))
def test_a_path_is_a_lookup(keys: list[str], leaf: str) -> None:
    document: Any = leaf
    for key in reversed(keys):
        document = {key: document}
    assert jq.outputs("." + ".".join(keys), document) == [leaf]


@given(st.text(alphabet="abc.-", max_size=20), st.sampled_from(["a", "b", "\\\\.", "-"]), st.text("xyz", max_size=3))
def test_sub_and_gsub_replace_as_a_regular_expression(text: str, pattern: str, replacement: str) -> None:
    regexp = json.loads(f'"{pattern}"')

    assert jq.outputs(f'gsub("{pattern}"; "{replacement}")', text) == [re.sub(regexp, replacement, text)]
    assert jq.outputs(f'sub("{pattern}"; "{replacement}")', text) == [re.sub(regexp, replacement, text, count=1)]


# fnros54 (stop 54): addition of texts joins them; an array built collects a path's outputs (jq manual, "Addition: +",
# "Array construction: []").
@given(st.lists(st.text(max_size=8), min_size=1, max_size=4))
def test_a_sum_of_texts_joins_them(texts: list[str]) -> None:
    document = {f"k{i}": t for i, t in enumerate(texts)}
    assert jq.outputs(" + ".join(f".k{i}" for i in range(len(texts))), document) == ["".join(texts)]


@given(st.lists(st.one_of(st.text(max_size=6), st.integers(), st.none()), max_size=6), st.integers(-8, 8))
def test_an_array_built_is_the_list_of_outputs(items: list[Any], index: int) -> None:
    document = {"t": [{"v": v} for v in items]}
    assert jq.outputs("[.t[].v]", document) == [items]
    expected = items[index] if -len(items) <= index < len(items) else None
    assert jq.outputs(f"[.t[].v][{index}]", document) == [expected]


# mutation54 (stop 54): jq's optional paths (`.key?`, `.[]?`, `.[n]?`) are read: an error jq would raise on the path
# before the `?` gives no output (the outputs before the error are kept); the subset's own limits stay unread.
MIXED = {"targets": [{"region": "cn-beijing"}, "retired", {"region": "cn-shanghai"}], "host": "db.internal"}


@pytest.mark.parametrize(
    ("program", "data", "expected"),
    [
        ('.targets[]? | select(.role? == "backup") | .region?', DATA, ["cn-shanghai"]),
        (".host[]?", DATA, []),  # iterating a text: jq's error, caught
        (".host.name?", DATA, []),
        (".host?.name", DATA, None),  # the `?` catches only the path before it
        (".targets?[1]?.region", DATA, ["cn-shanghai"]),
        (".targets[] | .region?", MIXED, ["cn-beijing", "cn-shanghai"]),  # each input's own error
        (".targets[].region?", MIXED, ["cn-beijing"]),  # one path: jq stops at the error, the output before it kept
        (".targets[].region", MIXED, None),
    ],
)
def test_an_optional_path_catches_only_jq_s_own_errors(program: str, data: Any, expected: list[Any] | None) -> None:
    assert jq.outputs(program, data) == expected


def test_an_optional_path_never_catches_the_subset_s_limits() -> None:
    many = {"items": list(range(300))}
    assert jq.outputs(".items[]?", many) is None  # past _MAX_OUTPUTS: unread, not an empty output
    assert jq.outputs(".a ?// .b", DATA) is None  # jq's destructuring alternative `?//`: outside the subset


@given(st.lists(st.one_of(st.text(max_size=4), st.integers(), st.dictionaries(KEYS, st.text(max_size=4))), max_size=6))
def test_an_optional_iteration_keeps_the_items_it_reads(items: list[Any]) -> None:
    # `.[]?` of a list gives its items (no error to catch); `.[] | .k?` gives each object's key, nothing for a scalar
    # that jq cannot index (a text, a number), in the list's order.
    assert jq.outputs(".[]?", items) == items
    expected = [item.get("a") for item in items if isinstance(item, dict)]
    assert jq.outputs(".[] | .a?", items) == expected
