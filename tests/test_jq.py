"""The one jq reader (components/residency/jq.py): a ROS template's ``Fn::Jq`` and a script's ``jq`` read alike.

jqone53 (stop 53): the engine's Fn::Jq subset (fnros53) and the script reader's path / sub / gsub (scripts50,
scripts52) were two readings of one language; they are one now, and these cases pin what it reads and what it leaves.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from typing import Any

import pytest
from hypothesis import given, settings
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
        # fnros54b (stop 54): an object built, a comma, `..`, `ltrimstr`, parentheses and `length`, this list's
        # until then, are read (test_the_rest_of_jq_is_read_as_jq_does); these stay unread.
        # fnros55 (stop 55): `test`, `reduce` and `length > 1` are read now
        # (test_jq_s_functions_and_arithmetic_are_read); these stay unread.
        # fnros56 (stop 56): `match`, `test` with flags, `keys_unsorted`, `group_by` and `as [$h]` are read now
        '.host | scan("d"; "g")',  # jq 1.7's scan/2 (jq 1.6 has none)
        "$ARGS",  # a template's jq: no arguments given
        # (a `$name` parameter and a recursion, `def f($a): $a; f(.host)` and `def f: f; f`, are read since fnros60,
        # stop 60: test_fnros60_functions_with_parameters_are_read; a recursion never ending gives no value)
        # fnros58 (stop 58): `@sh`, a format string (`@base64 "\\(.host)"`), `[path(..)]` and `fromstream` are read
        # now (test_jq_s_path_expressions_and_their_builtins_are_read); these stay unread.
        "@html",  # a format outside the subset
        '@html "\\(.host)"',  # a format string of one
        "env.REGION",  # the environment
        '.host | sub("(db)"; "x")',  # a group in the regular expression
        '.host | sub("a**"; "x")',  # a regular expression jq refuses too
        "." * (jq.MAX_PROGRAM + 1),  # past the bound
        ".targets | .[1:2:3]",  # not jq
        ".host as [[$h]] | $h",  # a nested destructuring pattern
        "$ENV.REGION",  # the environment
        # fnros57 (stop 57): `paths`, `tostream` and a regular expression over non-ASCII text are read now
        # (test_jq_s_paths_streams_and_comments_are_read); these stay unread.
        # fnros59 (stop 59): a slice's path (`.targets[0] | [path(.[1:])]`, this list's until stop 58) is read now
        ".targets[0] | [path(.[1:2:3])]",  # not jq
        # fnros55b (stop 55): `sort` of scalars is read now (test_jq_s_orderings_paths_and_ranges_are_read).
        "[fromstream(1 | truncate_stream(tostream))]",  # another builtin (fnros58: fromstream is read now)
        # fnros62: `.host | index("b")` of ASCII text is read (a non-ASCII text stays unread, pinned below)
        "input",  # a template's jq: no documents given
        "try .host catch .",  # a handler reading jq's message
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
        ".host + 1",  # a text and a number: jq's error
        ".targets + .host",  # a list and a text: jq's error
        "true + .host",  # a boolean
        "[.host][0][0]",  # an index of a text: jq's error
        '{"n": 1.5} | tostring',  # a fraction's JSON text (jq 1.6 writes 17 digits)
        '"a\\u0001" | tojson',  # a control character jq may escape otherwise
        ".host | to_entries",  # entries of a text: jq's error
        "true | length",  # a boolean's length: jq's error
        ".host | split(1)",  # jq's error
        '[.targets[]] | join(",")',  # objects joined: jq's error
        "(.targets[].region, .host.x)",  # an error after an output: jq gives the outputs first, the list does not
        "try (.targets[].region, .host.x)",
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
        # fnros54b (stop 54): the `?` covers its own step only (jq 1.6: `Term FIELD '?'`): "retired" gives nothing, the
        # items after it are read (mutation54 read the path so far and gave only ["cn-beijing"], hiding the third).
        (".targets[].region?", MIXED, ["cn-beijing", "cn-shanghai"]),
        # `try` of a whole term: jq gives "cn-beijing" and stops at the error; an error after an output is not read
        ("(.targets[].region)?", MIXED, None),
        (".host.a.b?", MIXED, None),  # `.host.a` is jq's error, not caught
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


# fnros54b (stop 54): the rest of jq a template or a script writes (jq manual: "Object Construction: {}", "Comma: ,",
# "Recursive Descent: ..", "length", "ltrimstr(str)", "rtrimstr(str)", "split(str)", "join(str)", "Array/String
# Slice: .[10:15]", "Parenthesis", "if-then-else-end", "try-catch", "Variable / Symbolic Binding Operator: ... as
# $identifier | ...", "Addition: +" of several values, "tostring" / "tojson" of a map or list); each checked against jq
# 1.6 on this machine (and again by test_the_reader_agrees_with_the_jq_binary where jq is installed).
ROLES = {**DATA, "url": "https://oss-cn-hangzhou.aliyuncs.com/b", "n": [1, 2, 3]}


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ("{a: .host}", [{"a": "db.internal"}]),
        ("{a: .host, b: .targets[].region} | .b", ["cn-beijing", "cn-shanghai"]),
        ('{host, "empty"}', [{"host": "db.internal", "empty": None}]),
        ("{(.host): 1}", [{"db.internal": 1}]),
        ('{"r-\\(.targets[0].region)": 1} | keys[0]', ["r-cn-beijing"]),
        (".targets[0].region as $r | {$r} | .r", ["cn-beijing"]),
        (".host, .empty", ["db.internal", None]),
        ("[..] | length", [15]),
        ("[.. | .region? // empty]", [["cn-beijing", "cn-shanghai"]]),
        (".targets | length", [2]),
        (".empty | length", [0]),
        ('.host | ltrimstr("db.")', ["internal"]),
        ('.host | rtrimstr(".internal")', ["db"]),
        ('.host | ltrimstr("x")', ["db.internal"]),
        ('.url | ltrimstr("https://") | split("/") | .[0]', ["oss-cn-hangzhou.aliyuncs.com"]),
        ('.url | split("/")[2]', ["oss-cn-hangzhou.aliyuncs.com"]),
        ('.host | split(".") | join("-")', ["db-internal"]),
        ('.n | join("-")', ["1-2-3"]),
        (".n | .[1:]", [[2, 3]]),
        (".n | .[:-1]", [[1, 2]]),
        (".n[-2:][0]", [2]),
        (".host | .[3:]", ["internal"]),
        (".empty | .[1:]", [None]),
        ("(.host + .host)", ["db.internaldb.internal"]),
        ("(.targets[] | .region)", ["cn-beijing", "cn-shanghai"]),
        ('.targets[] | select(.role == "backup").region', ["cn-shanghai"]),
        ('if .empty then "a" else "b" end', ["b"]),
        ('if .host == "db.internal" then "cn-beijing" elif .empty then "x" else "y" end', ["cn-beijing"]),
        ('.targets[] | if .role == "main" then .region else empty end', ["cn-beijing"]),
        ('if .empty then "a" end', [ROLES]),  # jq 1.7's manual: no `else` is `else .` (jq 1.6 refuses the filter)
        ('try .host.name catch "cn-beijing"', ["cn-beijing"]),
        ("try .host.name", []),
        ("[.targets[] | try .region]", [["cn-beijing", "cn-shanghai"]]),
        ('try error("x") catch "y"', ["y"]),
        ('.targets[0].region as $r | "oss-" + $r + ".aliyuncs.com"', ["oss-cn-beijing.aliyuncs.com"]),
        (".targets[] as $t | $t.region", ["cn-beijing", "cn-shanghai"]),
        ("[.n[] as $x | .n[] as $y | $x + $y] | length", [9]),
        ('.targets[].region + "-x"', ["cn-beijing-x", "cn-shanghai-x"]),
        ("[(1, 2) + (10, 20)]", [[11, 12, 21, 22]]),  # jq's order: the right side's outputs outer
        ("[(1, 2) == (1, 2)]", [[True, False, False, True]]),
        ("[(true, false) and (true, false)]", [[True, False, False]]),
        ("[(true, false) or (true, false)]", [[True, True, False]]),
        (".targets | tostring", ['[{"role":"main","region":"cn-beijing"},{"role":"backup","region":"cn-shanghai"}]']),
        (".targets[0] | tojson", ['{"role":"main","region":"cn-beijing"}']),
        ('"\\(.targets[0].region)/\\(.empty)/\\(.n)"', ["cn-beijing/null/[1,2,3]"]),
        (".targets | to_entries | .[1].value.region", ["cn-shanghai"]),
        ("[.targets[].region] | add", ["cn-beijingcn-shanghai"]),
        (".n | add", [6]),
        ('.host | startswith("db"), endswith("x")', [True, False]),
        (".host | type, not", ["string", False]),
        ("{a: 1} == {a: 1.0}", [True]),
        ("true == 1", [False]),
    ],
)
def test_the_rest_of_jq_is_read_as_jq_does(program: str, expected: list[Any]) -> None:
    assert jq.outputs(program, ROLES) == expected


# fnros55 (stop 55): jq's `test`, `reduce`, `limit`, `def`, arithmetic, orderings of scalars, `from_entries` /
# `with_entries` and the formats `@text`, `@json`, `@base64`, `@base64d` are read as jq 1.6 gives them (each checked
# against /usr/bin/jq).
@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ('.targets[] | select(.region | test("shanghai$")) | .role', ["backup"]),
        ('.host | test("^db[.]")', [True]),
        ('reduce .targets[] as $t (null; if $t.role == "backup" then $t.region else . end)', ["cn-shanghai"]),
        ("reduce .n[] as $x (0; . + $x)", [6]),
        ("reduce empty as $x (.host; 1)", ["db.internal"]),
        ("[limit(2; .n[])]", [[1, 2]]),
        ("limit(1; .targets[] | .region)", ["cn-beijing"]),
        ("def regions: .targets[].region; [regions] | last", ["cn-shanghai"]),
        ('def host(r): "oss-" + r + ".aliyuncs.com"; host(.targets[0].region)', ["oss-cn-beijing.aliyuncs.com"]),
        ("def f(g): .targets | g; f(.[1].region)", ["cn-shanghai"]),  # an argument runs on the input where it is used
        ("def f: def g: 3; g * 2; f", [6]),
        ("def f: 1; def g: f + 1; g", [2]),
        ('def f: "a"; f, (def f: "b"; f), f', ["a", "b", "a"]),  # a definition's scope is its expression's
        (".n[2] - 1, .n[0] * 4, .n[2] / 2, .n[1] / 2, .n[2] % 2", [2, 4, 1.5, 1, 1]),
        ("-.n[0] + 1, -5 % 3, 5 % -3", [0, -2, 2]),
        ("1 + 2 * 3 - 4 / 2", [5]),
        ("[.targets[].region] - [.targets[0].region]", [["cn-shanghai"]]),
        ('.host / "."', [["db", "internal"]]),
        ("{a: {b: 1}} * {a: {c: 2}}", [{"a": {"b": 1, "c": 2}}]),
        ('"ab" * 2', ["abab"]),
        ('.n[0] < .n[1], "a" > "b", null <= false, .host >= 1', [True, False, True, True]),
        ("[.targets[] | {key: .role, value: .region}] | from_entries | .backup", ["cn-shanghai"]),
        ('.targets[0] | with_entries(select(.key == "region")) | .region', ["cn-beijing"]),
        ("[] | from_entries", [{}]),
        ('"ZXUtd2VzdC0x" | @base64d', ["eu-west-1"]),
        (".host | @base64 | @base64d", ["db.internal"]),
        (".n | @text, @json", ["[1,2,3]", "[1,2,3]"]),
        (".targets[-1].region, .n[-2:]", ["cn-shanghai", [2, 3]]),
    ],
)
def test_jq_s_functions_and_arithmetic_are_read(program: str, expected: list[Any]) -> None:
    assert jq.outputs(program, ROLES) == expected


@pytest.mark.parametrize(
    "program",
    [
        ".n[0] / 0",
        ".n[0] % 0",
        ".host - 1",
        "{} - {}",
        "-.host",
        '.n | test("a")',
        ".host * {}",
        # the reader's own limits at run time: jq's versions differ, or jq and Python read it differently
        '.host | test("[[:alpha:]]")',  # a POSIX bracket
        "reduce .targets[] as $t (null; $t.region, .)",  # an update giving two values
        "limit(0; .targets[])",  # jq 1.6 gives every output, jq 1.7 none
        '[{"k": "a", "v": 1}] | from_entries',  # jq 1.6 and 1.7 read `k` / `v` differently
        '"ab" * 0',
        ".n[0] % 1.5",  # a remainder of a fraction
        '"ZXUtd2VzdC0" | @base64d',  # a partial quantum (jq 1.6 decodes it)
    ],
)
def test_jq_s_arithmetic_errors_give_no_value(program: str) -> None:
    # fnros55 (stop 55): read, but no value for this input (jq raises: division by zero, types it cannot combine; or
    # the subset's limits at run time).
    assert jq.read(program).run is not None
    assert jq.outputs(program, ROLES) is None


# fnros55b (stop 55): jq's `sort` / `sort_by` / `unique` / `unique_by` (scalar keys), `getpath`, `range`, a computed
# index `.[f]`, `fromjson`, a `$name` given by the caller (`--arg`) and a string inside an interpolation are read as jq
# 1.6 gives them (each checked against /usr/bin/jq).
@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ("[.targets[].region] | sort | last", ["cn-shanghai"]),
        ('[3, 1, 2, "b", "a", null, true, false] | sort', [[None, False, True, 1, 2, 3, "a", "b"]]),
        ("[.n[], .n[]] | unique", [[1, 2, 3]]),
        (".targets | sort_by(.role) | first | .region", ["cn-shanghai"]),
        ('[{"p": 1, "n": "b"}, {"p": 0, "n": "a"}, {"p": 1, "n": "c"}] | sort_by(.p) | map(.n)', [["a", "b", "c"]]),
        (".targets | unique_by(.region | length) | map(.role)", [["main", "backup"]]),
        ('getpath(["targets", 1, "region"])', ["cn-shanghai"]),
        ('getpath(["empty", "a", 0])', [None]),
        ("[range(3)], [range(1; 3)], [range(2; 1)]", [[0, 1, 2], [1, 2], []]),
        (".targets[.n[0]].region", ["cn-shanghai"]),
        (".targets[0][.targets[1] | keys | first]", ["cn-beijing"]),
        (".targets as $t | range(1; $t | length) as $i | $t[$i].role", ["backup"]),
        (".n[(0, 1)]", [1, 2]),
        ('"{\\"dr\\": {\\"r\\": \\"cn-shanghai\\"}, \\"n\\": 1.0}" | fromjson | .dr.r, .n', ["cn-shanghai", 1]),
        (".n | tojson | fromjson", [[1, 2, 3]]),
        ('"oss-\\(getpath(["targets", 0, "region"]))-internal"', ["oss-cn-beijing-internal"]),
        ('"\\("(")\\(.host)"', ["(db.internal"]),
    ],
)
def test_jq_s_orderings_paths_and_ranges_are_read(program: str, expected: list[Any]) -> None:
    assert jq.outputs(program, ROLES) == expected


@pytest.mark.parametrize(
    "program",
    [
        ".host | sort",  # jq's error: not an array
        ".targets | sort_by(.)",  # objects ordered: not read
        ".targets | sort_by(.role, .region)",  # a key of several values
        "[range(1.5)]",  # a fraction (jq 1.6 and 1.7 differ)
        "[range(0, 1; 3)]",  # a bound of several values
        "range(1000)",  # past the bound on outputs
        ".n[.n[0] / 2]",  # a fractional index
        ".n[null]",  # jq's error
        ".n[[1]]",  # jq's `indices`
        ".targets[.host]",  # a key of an array: jq's error
        ".targets[.n[0]]?",  # an optional computed index (jq's `try` covers the term)
        '"9007199254740993" | fromjson',  # jq rounds it
        '"NaN" | fromjson',
        '"\\"\\\\u0001\\"" | fromjson',  # a control character
        '"1 2" | fromjson',
        ".n | fromjson",  # jq's error: not a string
        'getpath(["n", true])',
        # found by the binary test: jq 1.6's `first(f)` / `limit(n; f)` stop with a `break` a `try` inside catches
        '[limit(1; try .host catch "c")]',  # jq 1.6: ["db.internal", "c"]
        "[first(.n[] | .?)]",  # jq 1.6: [1, 2, 3]
        'try .host catch "c" as $v | [$v]',  # jq 1.6: the handler is `"c" as $v | [$v]`
    ],
)
def test_jq_s_orderings_paths_and_ranges_may_give_no_value(program: str) -> None:
    # fnros55b (stop 55): no value for this input (jq's error, or where jq's versions or Python and jq may differ).
    assert jq.outputs(program, ROLES) is None


# fnros56 (stop 56): jq 1.6's regular expressions (match / capture / scan / splits / split(re; flags), test with
# flags), group_by / min_by / max_by, keys_unsorted and a destructuring pattern, each as the binary gives it.
@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ('.url | capture("^https://oss-(?<region>[a-z0-9-]+)\\\\.") | .region', ["cn-hangzhou"]),
        ('.url | match("oss-([a-z]+)-(x)?") | .captures | map(.string)', [["cn", None]]),
        ('.host | match("(?<n>b)?\\\\.i") | .offset, .length, .captures[0].offset', [1, 3, 1]),
        ('[.host | match("[a-z]+"; "g") | .string]', [["db", "internal"]]),
        ('.host | capture("(?<x>[a-z])"; "g") | .x', ["d", "b", "i", "n", "t", "e", "r", "n", "a", "l"]),
        ('[.host | scan("[dn]")], [.host | scan("(d)(b)|(l)")]',
         [["d", "n", "n"], [["d", "b", None], [None, None, "l"]]]),
        ('[.host | splits("\\\\.")], (.host | split("[.]"; null))', [["db", "internal"], ["db", "internal"]]),
        ('.host | test("DB"; "i"), test("DB"; null), test("DB"; "gi")', [True, False, True]),
        ('.host | test("^db\\\\.\\\\w+$")', [True]),
        ('.targets | group_by(.role) | map(.[0].role)', [["backup", "main"]]),
        ("(.targets | min_by(.region) | .role), (.n | max_by(-.))", ["main", 1]),
        ("[] | min_by(.a), max_by(.a)", [None, None]),
        ('{"b": 1, "a": 2} | keys_unsorted', [["b", "a"]]),
        ("[foreach .n[] as $x (0; . + $x)], [foreach .n[] as $x (0; . + $x; select(. > 3))]", [[1, 3, 6], [6]]),
        ("foreach .targets[] as $t (0; . + 1; select(. == 2) | $t.region)", ["cn-shanghai"]),
        (".targets[] as {role: $r, $region} | [$r, $region]", [["main", "cn-beijing"], ["backup", "cn-shanghai"]]),
        ('.n as [$a, $b, $c, $d] | [$a, $d], (null as [$x] | $x), ({"k": 1} as {"k": $y} | $y)', [[1, None], None, 1]),
    ],
)  # fmt: skip
def test_jq_s_regular_expressions_groupings_and_patterns_are_read(program: str, expected: list[Any]) -> None:
    assert jq.outputs(program, ROLES) == expected


@pytest.mark.parametrize(
    "program",
    [
        # fnros57: over non-ASCII text (read since stop 57) case folding and `\\w` are not read
        '"stra\\u00dfe" | test("SS"; "i")',  # Oniguruma folds ß as ss (true), Python does not
        '"\\u00e9a" | [scan("\\\\w+")]',  # Oniguruma's \w holds marks, Python's does not
        '.host | [match(""; "g")]',  # a match of no text (jq 1.6 steps past it otherwise)
        '.host | [match("x*"; "g")]',
        '.n | match("1")',  # jq's error: not a string
        '.host | test("a"; "x")',  # a flag not read
        '.host | match("db"; "x")',  # a flag outside g and i
        '.host | test("\\\\s")',  # an escape Oniguruma and Python may read otherwise
        '.host | capture("(?<a>d)(?<a>b)")',  # a name twice: jq and Python differ
        '.host | test("(?=d)")',  # a look-ahead: not read
        '.host | test("[[:alpha:]]")',  # a POSIX bracket
        ".targets | group_by(.)",  # objects ordered: not read
        ".host as [$h] | $h",  # jq's error: an index of a string
        ".n as [$a, $a] | $a",  # a name twice
        ".n as [$a] ?// $a | $a",  # destructuring alternatives
        "foreach .n[] as $x (0; ., 1)",  # an update of two values (jq 1.6 and 1.7 differ)
        # found by the binary: jq 1.6 runs the source on another input after a second start ("Cannot iterate over
        # null"); the reader gave [6, 16] (stop 55's case, moved here)
        "reduce .n[] as $x (0, 10; . + $x)",
        "[foreach .n[] as $x (0, 10; . + $x)]",
    ],
)
def test_jq_s_regular_expressions_and_patterns_may_give_no_value(program: str) -> None:
    # fnros56 (stop 56): no value for this input (jq's error, or where jq and Python may differ).
    assert jq.outputs(program, ROLES) is None


PLAN = {"plan": {"archive": {"tier": "cold", "region": "cn-shanghai", "on": False, "note": None},
                 "copy": {"tier": "warm", "dr_region": "ap-southeast-1", "targets": [], "opts": {}}}}  # fmt: skip


@pytest.mark.parametrize(
    ("program", "data", "expected"),
    [
        # fnros57 (stop 57): each expectation is jq 1.6's output on this machine (test_the_new_forms_agree_with_jq).
        (
            '[paths(type == "string") as $p | select($p[-1] == "dr_region") | getpath($p)] | first',
            PLAN,
            ["ap-southeast-1"],
        ),
        ("[paths] | length", PLAN, [11]),
        ("[paths(..)] | length", PLAN, [23]),
        ("[leaf_paths] | length", PLAN, [4]),  # `paths(scalars)`: a null or false leaf is no path
        ("[paths(scalars)] | length", PLAN, [4]),
        (
            '[leaf_paths as $p | {key: ($p | map(tostring) | join(".")), value: getpath($p)}] | from_entries'
            ' | .["plan.copy.dr_region"]',
            PLAN,
            ["ap-southeast-1"],
        ),
        ('[tostream | select(length == 2 and .[0][-1] == "dr_region") | .[1]] | last', PLAN, ["ap-southeast-1"]),
        ("[1, [2], {}] | [tostream]", None, [[[[0], 1], [[1, 0], 2], [[1, 0]], [[2], {}], [[2]]]]),
        ("3 | [tostream]", None, [[[[], 3]]]),
        ('.plan.copy | has("dr_region"), has("region")', PLAN, [True, False]),
        ("[1, 2] | has(1), has(2), has(-1)", None, [True, False, False]),
        ("[.. | strings] | length", PLAN, [4]),
        ("[.. | scalars] | length", PLAN, [6]),
        ("[.. | iterables | length]", PLAN, [[1, 2, 4, 4, 0, 0]]),
        ("[.. | booleans, nulls]", PLAN, [[False, None]]),
        ("[.. | objects | keys[0]]", PLAN, [["plan", "archive", "note", "dr_region", None]]),
        ("[.. | arrays], [.. | numbers], [.. | values | type] | length", PLAN, [1, 0, 11]),
        # comments (the manual, "Comments") to the line's end
        (".plan.copy # the DR copy\n| .dr_region # its Region", PLAN, ["ap-southeast-1"]),
        ('"#x" # not a comment inside a string', None, ["#x"]),
        # a computed slice
        ('.plan.copy.dr_region | match("-") as $m | .[$m.offset + $m.length:]', PLAN, ["southeast-1"]),
        ("[1, 2, 3] | 1 as $n | .[$n:], .[:$n], .[null:-$n]", None, [[2, 3], [1], [1, 2]]),
        # regular expressions over non-ASCII text (code points, as jq 1.6 gives them)
        (
            '"Z\u00fcrich/eu-central-2" | capture("^(?<site>[^/]+)/(?<r>.+)$")',
            None,
            [{"site": "Z\u00fcrich", "r": "eu-central-2"}],
        ),
        ('"\u6771\u4eac-ap-northeast-1" | [match("-"; "g") | .offset]', None, [[2, 5, 15]]),
        ('"\\ud83d\\ude00a-b" | [splits("-")], [scan("[a-z]")]', None, [["\U0001f600a", "b"], ["a", "b"]]),
        # jq 1.6's gsub substitutes afresh in the rest after each match (found by the binary)
        ('"abc" | gsub("^."; "y")', None, ["yyy"]),
        ('"abcb" | gsub("b|$"; "y")', None, ["aycy"]),
        ('"eu-west-1" | gsub("^[a-z]+-"; "")', None, ["1"]),
        ('"dr-us-west-2" | gsub("^dr-"; "")', None, ["us-west-2"]),
    ],
)
def test_jq_s_paths_streams_and_comments_are_read(program: str, data: Any, expected: list[Any]) -> None:
    assert jq.outputs(program, data) == expected


@pytest.mark.parametrize(
    "program",
    [
        '"abcb" | gsub("x*"; "y")',  # jq 1.6 never ends
        "1 # a carriage return ends a comment\r+ 1",  # and is jq 1.6's syntax error
        "1\r+ 1",
        '{"a": 1} | has(0)',  # jq's error
        "[1] | has(0.5)",  # jq 1.6 truncates
        'null | has("a")',  # jq 1.6 false, jq 1.7 an error
        "[1, 2] | .[0.5:]",  # jq 1.6 floors a start, ceils an end
        '[1, 2] | .["a":]',  # jq's error
        "[input, input]",  # no documents given (a template); two call sites either way
    ],
)
def test_jq_s_paths_streams_and_comments_may_give_no_value(program: str) -> None:
    # fnros57 (stop 57): no value (jq's error, a version difference, or where jq and Python may differ).
    assert jq.outputs(program, None) is None


# fnros58 (stop 58): jq 1.6's path expressions (`path`, `del`, `setpath`, `delpaths`, the assignments), `walk`, `any`
# / `all`, `nth`, `fromstream` and the formats `@sh` / `@uri` / `@csv` / `@tsv` (format strings too); each expected
# value is jq 1.6's own output on this machine (the last, mutation57b's program written to read the plan).
@pytest.mark.parametrize(
    ("program", "data", "expected"),
    [
        ("walk(.)", {"b": 1, "a": 2}, [{"b": 1, "a": 2}]),
        (
            'walk(if type == "number" then . + 1 else . end)',
            {"b": [1, {"d": 1, "c": 2}]},
            [{"b": [2, {"d": 2, "c": 3}]}],
        ),
        ('walk(if type == "number" then (., .) else . end)', [1, 2], [[1, 1, 2, 2]]),
        ('walk(if type == "number" then empty else . end)', [1, 2], [[]]),
        ("path(.[-1])", [1, 2, 3], [[-1]]),
        ("del(.[-1])", [1, 2, 3], [[1, 2]]),
        ("del(.[0, 2])", [1, 2, 3], [[2]]),
        ("del(.[5])", [1, 2, 3], [[1, 2, 3]]),
        ("del(.a)", None, [None]),
        ("del(.a.b)", {"a": None}, [{"a": None}]),
        ("setpath([-1]; 9)", [1, 2], [[1, 9]]),
        ("setpath([3]; 9)", [], [[None, None, None, 9]]),
        ('setpath(["a", 1]; 9)', None, [{"a": [None, 9]}]),
        ("setpath([]; 9)", {}, [9]),
        ('setpath(["a"]; 1)', {"b": 1}, [{"b": 1, "a": 1}]),
        ("[path(..)]", {"a": [1, 2]}, [[[], ["a"], ["a", 0], ["a", 1]]]),
        ("[path(.a[])]", {"a": [1, 2]}, [[["a", 0], ["a", 1]]]),
        ("[path(.a[0].b)]", None, [[["a", 0, "b"]]]),
        (".a[] |= . + 1", {"a": [1, 2]}, [{"a": [2, 3]}]),
        (".a[] |= (., 5)", {"a": [1, 2]}, [{"a": [1, 2]}]),
        ("[.a = (3, 4)]", {"a": [1, 2]}, [[{"a": 3}, {"a": 4}]]),
        (".a += .b", {"a": 1, "b": 2}, [{"a": 3, "b": 2}]),
        ('.a //= "x"', {"a": None}, [{"a": "x"}]),
        (".a[0] as $x | .a[1] = $x", {"a": [1, 2]}, [{"a": [1, 1]}]),
        ("[.a = 1, 2]", {"a": 1}, [[{"a": 1}, 2]]),
        (".a |= null // 3", {"a": 1}, [{"a": None}]),
        ("any", [1, [2]], [True]),
        ("any", [], [False]),
        ("all", [None, False], [False]),
        ("any", {"a": True}, [True]),
        ("any(. > 1)", [1, 2], [True]),
        ("any(.[]; . > 1)", [1, "a"], [True]),
        ("nth(1)", [1, 2, 3], [2]),
        ("nth(5; .[])", [1, 2, 3], [3]),
        ("[nth(0; empty)]", [1, 2, 3], [[None]]),
        ("@sh", "it's a b", ["'it'\\''s a b'"]),
        ("@sh", ["a b", "c'd", 1, None, True], ["'a b' 'c'\\''d' 1 null true"]),
        ("@uri", "a b/c?d=é~*()!'", ["a%20b%2Fc%3Fd%3D%C3%A9~*()!'"]),
        ("@uri", [1, 2], ["%5B1%2C2%5D"]),
        ("@csv", ["a", 'b"c', 1, None, True], ['"a","b""c",1,,true']),
        ("@tsv", ["a\tb", "c\\d", "e\nf", "g\rh", None, True, 1], ["a\\tb\tc\\\\d\te\\nf\tg\\rh\t\ttrue\t1"]),
        ("fromstream(tostream)", {"a": [1, {"b": 2}]}, [{"a": [1, {"b": 2}]}]),
        ("[fromstream(.[] | tostream)]", [{"a": 1}, {"b": 2}], [[{"a": 1}, {"b": 2}]]),
        ("fromstream(tostream)", 3, [3]),
        ("fromstream(tostream)", {"a": []}, [{"a": []}]),
        ("[fromstream([[0], 1], [[1], 2], [[1]])]", None, [[[1, 2]]]),
        ('[fromstream([["a"], 1])]', None, [[]]),
        ("[fromstream([[], 1], [[], 2])]", None, [[1, 2]]),
        ("[path(.a | select(.b == 1))]", {"a": {"b": 1}}, [[["a"]]]),
        ('[path(.. | select(type == "number"))]', {"a": {"b": 1}}, [[["a", "b"]]]),
        ("del(.. | select(. == 1))", {"a": {"b": 1}}, [{"a": {}}]),
        ('path(getpath(["a", "b"]))', {"a": {"b": 1}}, [["a", "b"]]),
        ("path(first(.a[]))", {"a": [1, 2]}, [["a", 0]]),
        ("path(.a | last)", {"a": [1, 2]}, [["a", -1]]),
        ("path(.a?)", {"a": [1, 2]}, [["a"]]),
        ("[path(.a | .[0], .[1])]", {"a": [1, 2]}, [[["a", 0], ["a", 1]]]),
        ("del(.[1, 0])", [3, 1, 2], [[2]]),
        ("delpaths([[0], [0]])", [3, 1, 2], [[1, 2]]),
        ("delpaths([[]])", {"a": 1}, [None]),
        ("to_entries | map(.value |= tostring) | from_entries", {"a": 1}, [{"a": "1"}]),
        ("with_entries(.value += 1)", {"a": 1}, [{"a": 2}]),
        (".[] += 1", [1, 2], [[2, 3]]),
        (".a.b[0] -= 1 | .a.b[0] *= 3", {"a": {"b": [1]}}, [{"a": {"b": [0]}}]),
        (".a |= ascii_upcase", {"a": "x"}, [{"a": "X"}]),
        (".a.b |= 1", None, [{"a": {"b": 1}}]),
        ('@sh "aws --region \\(.x)"', {"x": "eu"}, ["aws --region 'eu'"]),
        ('@uri "https://h/?q=\\(.x)"', {"x": "e u"}, ["https://h/?q=e%20u"]),
        (
            'reduce paths(type == "number") as $p (.; setpath($p; 0))',
            {"a": {"b": 1}, "c": [1, 2]},
            [{"a": {"b": 0}, "c": [0, 0]}],
        ),
        ('del(.a[] | select(.r == "x")) | .a[0].r', {"a": [{"r": "x"}, {"r": "y"}]}, ["y"]),
        ("[path(.a[]?)]", {"a": [1, 2]}, [[["a", 0], ["a", 1]]]),
        ("[path(.a[]?)]", {"a": 1}, [[]]),
        ("[.[] | nth(1)]", [[1, 2], [3]], [[2, None]]),
        (".a |= map(. * 10)", {"a": [1, 2]}, [{"a": [10, 20]}]),
        (".[5] = 1", [1, 2], [[1, 2, None, None, None, 1]]),
        (".a %= 2", {"a": 2}, [{"a": 0}]),
        ('delpaths([["b"], ["a"]])', {"b": 2, "a": 1}, [{}]),
        ("del(.[-1, 0])", [1, 2, 3], [[2]]),
        ("delpaths([[-1], [2]])", [1, 2, 3], [[1, 2]]),
        ("[path(.a[.i])]", {"a": [1, 2, 3], "i": 1}, [[["a", 1]]]),
        (
            '. as $d | [paths(type == "string")] | length as $n | $d | getpath([0, "r"])',
            [{"r": "eu-west-1"}],
            ["eu-west-1"],
        ),
        # fnros59 (stop 59): a slice, `if` and a defined function of no parameter in a path expression, and an update
        # of no value where jq 1.6 and 1.7 agree (each expected value jq 1.6's output)
        ("[path(.a[1:])]", {"a": [1, 2, 3]}, [[["a", {"start": 1, "end": None}]]]),
        ("[path(.[:2]), path(.[-2:])]", [1, 2, 3], [[[{"start": None, "end": 2}], [{"start": -2, "end": None}]]]),
        ("[path(.[1:][1:])]", [1, 2, 3], [[[{"start": 1, "end": None}, {"start": 1, "end": None}]]]),
        ("del(.a[1:])", {"a": [1, 2, 3]}, [{"a": [1]}]),
        ("del(.[:1], .[3])", [1, 2, 3, 4], [[2, 3]]),
        ("del(.a[-1:], .a[0])", {"a": [1, 2, 3]}, [{"a": [2]}]),
        ("del(.a[1:][0])", {"a": [1, 2, 3]}, [{"a": [1, 3]}]),
        (".a[1:] |= map(. * 10)", {"a": [1, 2, 3]}, [{"a": [1, 20, 30]}]),
        (".a[:2][] |= . * 10", {"a": [1, 2, 3]}, [{"a": [10, 20, 3]}]),
        ('.[1:3] = ["x"]', [1, 2, 3, 4], [[1, "x", 4]]),
        (".[5:] = [9]", [1, 2], [[1, 2, 9]]),
        ('.a[2:1] = ["x"]', {"a": [1, 2, 3]}, [{"a": [1, 2, "x", 3]}]),
        (".a[1:][0].r = 5", {"a": [{"r": 1}, {"r": 2}]}, [{"a": [{"r": 1}, {"r": 5}]}]),
        ('getpath(["a", {"start": 1, "end": null}])', {"a": [1, 2, 3]}, [[2, 3]]),
        ('delpaths([["a", {"start": 0, "end": 2}], ["a", {"start": 2, "end": 3}]])', {"a": [1, 2, 3]}, [{"a": []}]),
        ("[path(.a[1:])]", {"a": "abc"}, [[["a", {"start": 1, "end": None}]]]),
        ("[path(if .a == 1 then .b else .a end)]", {"a": 1, "b": 2}, [[["b"]]]),
        ("[path(if .a == 2 then .b elif .b then .c else .a end)]", {"a": 1, "b": 2}, [[["c"]]]),
        ("del(if .a then .a[1:] else .b end)", {"a": [1, 2, 3]}, [{"a": [1]}]),
        ("def t: .b; [path(t)]", {"a": 1, "b": 2}, [[["b"]]]),
        ('def ts: .t[]; del(ts | select(.k == "a")) | .t[0].r', {"t": [{"r": "x", "k": "a"}, {"r": "y"}]}, ["y"]),
        (".r |= empty", {"r": "a", "s": 1}, [{"s": 1}]),
        (".a[] |= empty", {"a": {"x": 1, "y": 2}}, [{"a": {}}]),
        (".a[0] |= empty", {"a": [1, 2, 3]}, [{"a": [2, 3]}]),
        ("(.a[] | select(. == 2)) |= empty", {"a": [1, 2, 3]}, [{"a": [1, 3]}]),
        (".t[0].r |= empty", {"t": [{"r": "x", "k": "a"}]}, [{"t": [{"k": "a"}]}]),
    ],
)
def test_jq_s_path_expressions_and_their_builtins_are_read(program: str, data: Any, expected: list[Any]) -> None:
    assert jq.outputs(program, data) == expected


@pytest.mark.parametrize(
    ("program", "data"),
    [
        ('{"a": 1} | del(.a.b)', None),  # jq's error: a key of a number
        ("setpath([-1]; 9)", []),  # jq's error: out of bounds
        ('setpath(["a"]; 9)', 1),  # jq's error
        ("nth(-1; .[])", [1]),  # jq's error
        ("nth(1.5; .[])", [1, 2, 3]),  # jq 1.6's limit reads a fraction its own way
        ("@sh", [[1]]),  # jq's error: an array inside
        ("@csv", "x"),  # jq's error: not an array
        (".a[] |= empty", {"a": [1, 2]}),  # jq 1.6 deletes, and its later paths shift ({"a": [2]}; 1.7: [])
        ('try (.a |= (1, error)) catch "x"', {"a": 1}),  # jq stops at the update's first output
        ("[[1, 2]] | any(.[])", None),  # jq 1.6 gives false (a condition of two values)
        ('{"a": 1} | any(.; ..)', None),  # jq 1.6 gives false
        ("path(1)", None),  # jq's "Invalid path expression"
        # fnros59 (stop 59): `if` and a slice in a path expression are read now (this list's until stop 58)
        ("path(if .a then .a end)", {"a": 1}),  # jq 1.7's `if` without `else` (jq 1.6 refuses it)
        # (a defined function with a parameter as a path expression is read since fnros60, stop 60)
        ("path(reduce .a as $x (.; .b))", {"a": 1}),  # a reduction as a path expression
        (".a[1:] = 1", {"a": [1, 2]}),  # jq's error: a slice assigned a non-array
        (".a[1:] = [1]", {"a": "xy"}),  # jq's error: a slice of a string updated
        ('delpaths([[{"start": 0.5}]])', [1, 2]),  # a fractional slice bound
        ('delpaths([[{"from": 0}]])', [1, 2]),  # an object no slice
        ("[fromstream(1)]", None),  # an event of another shape
        ('walk(if type == "number" then (., .) else . end)', {"a": 1}),  # an object's value walked to two
        (".[100000] = 1", []),  # past the bound
        (".a = 1 = 2", {}),  # jq's syntax error (an assignment is no operand of another)
    ],
)
def test_jq_s_path_expressions_may_give_no_value(program: str, data: Any) -> None:
    # fnros58 (stop 58): no value (jq's error, a version or a reading difference, or past a bound).
    assert jq.outputs(program, data) is None


# fnros60 (stop 60): jq's functions with parameters (the manual, "Defining Functions": a filter parameter, "the argument
# is a filter, not a value"; `def f($a): ...` is `def f(a): a as $a | ...`), each as a value and as a path expression,
# and recursion; each expected value jq 1.6's output (checked with /usr/bin/jq).
_FNROS60 = {"targets": [{"role": "archive", "region": "eu-west-1"}, {"role": "backup", "region": "us-west-2"},
                        {"role": "x", "region": "ap-east-1"}]}  # fmt: skip


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ('def pick($role): .targets[] | select(.role == $role); pick("backup").region', ["us-west-2"]),
        ("def r($x): $x.region; r(.targets[1])", ["us-west-2"]),
        ("def r($x): $x; [.targets[] | r(.region)]", [["eu-west-1", "us-west-2", "ap-east-1"]]),
        ("def f($a; $b): [$a, $b]; [f(1, 2; 3, 4)]", [[[1, 3], [1, 4], [2, 3], [2, 4]]]),  # the first outermost
        ("def f($a): a; [f(1, 2)]", [[1, 2, 1, 2]]),  # `$a` and the filter `a` both bound
        ("def f($a): def g: $a; [g, $a]; f(.targets[0].role)", [["archive", "archive"]]),
        ('def pick(f): .targets[] | select(f); del(pick(.role == "archive")) | .targets[0].region', ["us-west-2"]),
        ('def pick(f): .targets[] | select(f); pick(.role == "archive") |= empty | .targets[0].region', ["us-west-2"]),
        ("def drop(f): del(f); drop(.targets[0]) | .targets[0].region", ["us-west-2"]),
        ("def at($i): .targets[$i]; del(at(0)) | .targets[0].region", ["us-west-2"]),
        ("def at($i): .targets[$i]; [path(at(0, 2))]", [[["targets", 0], ["targets", 2]]]),
        ("def at(f): .targets[f]; [path(at(0, 2))]", [[["targets", 0], ["targets", 2]]]),
        ("def at($i): .targets[$i]; at(1) |= .region | .targets[1]", ["us-west-2"]),
        (
            "def after($n): if $n == 0 then .targets[0] else del(.targets[0]) | after($n - 1) end; after(1).region",
            ["us-west-2"],
        ),
        (
            "def after($n): if $n == 0 then .targets[0] else del(.targets[0]) | after($n - 1) end; "
            "[after(0, 1, 2).region]",
            [["eu-west-1", "us-west-2", "ap-east-1"]],
        ),
        ("def fact($n): if $n <= 1 then 1 else $n * fact($n - 1) end; [fact(5), fact(3)]", [[120, 6]]),
        (
            "def r(f): if (f | length) == 0 then empty else (f | .[0].region), r(f | .[1:]) end; [r(.targets)]",
            [["eu-west-1", "us-west-2", "ap-east-1"]],
        ),
        ("def p($i): if $i == 0 then .targets else p($i - 1) | .[$i] end; [path(p(1))]", [[["targets", 1]]]),
        (
            "def p($i): if $i == 0 then .targets else p($i - 1) | .[$i] end; [del(p(1)) | .targets[].region]",
            [["eu-west-1", "ap-east-1"]],
        ),
    ],
)
def test_fnros60_functions_with_parameters_are_read(program: str, expected: list[Any]) -> None:
    assert jq.outputs(program, _FNROS60) == expected


@pytest.mark.parametrize(
    "program",
    [
        "def inf: inf; inf",  # a recursion that never ends: past the bound, unread (jq never stops)
        "def loop($n): loop($n + 1); loop(0)",
        "def t(f): f, t(f, f); [t(1)] | length",
        "def g(f): [path(f)]; g(1)",  # an argument no path expression used as one: jq's "Invalid path expression"
        # a path expression through reduce / foreach: jq 1.6 loses the path at the accumulator ("Invalid path
        # expression with result ..." where the update moves it; checked with jq 1.6), jq 1.7 not confirmed: unread
        'del(reduce ("targets", 0) as $k (.; .[$k])) | .targets[0].region',
        "path(reduce .targets[] as $t (.; .))",
        "path(foreach (1, 2) as $x (.; .targets))",
        '(reduce ("targets", 0) as $k (.; .[$k])) |= empty',
    ],
)
def test_fnros60_recursions_and_reductions_past_the_reading_give_no_value(program: str) -> None:
    assert jq.outputs(program, _FNROS60) is None


def test_fnros60_input_at_several_call_sites() -> None:
    # `input` at several call sites, each a whole leading stage (one value each: jq's depth-first order and the
    # reader's stage-by-stage one consume alike); jq 1.6: `jq -n 'input | input.r'` of the two documents is "b".
    documents = [{"r": "a", "t": [1]}, {"r": "b"}, {"r": "c"}]
    for program, expected in (
        ("input | input.r", ["b"]),
        ("input as $base | input | .x // $base.r", ["a"]),
        ('input["t"] | input | input.r', ["c"]),
        ("input.t[0] | input", [{"r": "b"}]),
    ):
        run = jq.read(program, None, (), documents).run
        assert run is not None and run(None) == expected, program
    for program in ("(input, input) | (., input)", "input | .r, input", "input | inputs",
                    "input as $b | $b | input", "input | input.r?"):  # fmt: skip
        assert jq.read(program, None, (), documents).run is None, program
    assert jq.read("input | input.r").run is None  # a template: no documents


# fnros61 (stop 61): `input` past the leading stages (after a stage of one value, `. | input | input.r`; several in
# one array, `[input, input]`) and without -n (jq(1): the filter runs for each JSON text, `input` taking the next:
# `jq '. as $b | input | .r' a.json b.json` runs once); each expected value is jq 1.6's (checked on this machine).
_FNROS61 = [{"r": "eu-west-1", "t": [1]}, {"r": "eu-central-1"}, {"r": "us-east-1"}]


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        (". | input | input.r", ["eu-central-1"]),
        (".a | input | input.r", ["eu-central-1"]),
        ("[input, input] | .[1].r", ["eu-central-1"]),
        ("[., input, input] | .[2].r", ["eu-central-1"]),
        ('[input.t[0], input["r"]]', [[1, "eu-central-1"]]),
        ("[input, input] as $d | input.r", ["us-east-1"]),
    ],
)
def test_fnros61_input_past_the_leading_stage(program: str, expected: list[Any]) -> None:
    run = jq.read(program, None, (), _FNROS61).run
    assert run is not None and run(None) == expected, program


@pytest.mark.parametrize(
    ("program", "documents", "expected"),
    [
        (". as $b | input | .r // $b.r", _FNROS61[:2], ["eu-central-1"]),
        ("[., input] | .[1].r", _FNROS61[:2], ["eu-central-1"]),
        (".r, (input | .r)", _FNROS61[:2], ["eu-west-1", "eu-central-1"]),
        ("[inputs] | length", _FNROS61, [2]),  # the first document is `.`, the rest read by inputs: one run
        (".r", _FNROS61, ["eu-west-1", "eu-central-1", "us-east-1"]),  # no input: each document a run
        # three documents: the second run's `input` has none left, jq 1.6's error after printing "eu-central-1"
        # (exit 5): no value
        ("[., input] | .[1].r", _FNROS61, None),
    ],
)
def test_fnros61_input_without_null_input(program: str, documents: list[Any], expected: list[Any] | None) -> None:
    run = jq.read(program, None, (), documents, each=True).run
    assert run is not None and run(None) == expected, program


def test_fnros61_input_in_other_places_stays_unread() -> None:
    for program in ("[input, [input]]", "[input, input][] | input", "(. , .) | input | input", "input | .r, input",
                    "[input, input | .r]", "first(input, input)"):  # fmt: skip
        assert jq.read(program, None, (), _FNROS61).run is None, program
    assert jq.read(". as $b | input | .r").run is None  # a template's Fn::Jq: no documents, unread


def test_a_script_s_documents_are_inputs() -> None:
    # fnros57 (stop 57): `jq -n` reads its input's documents by `input` / `inputs`, afresh at each run.
    documents = [{"r": "eu-west-1"}, {"r": "eu-central-1"}]
    run = jq.read("input | .r", None, (), documents).run
    assert run is not None and run(None) == ["eu-west-1"] and run(None) == ["eu-west-1"]
    run = jq.read("[inputs | .r]", None, (), documents).run
    assert run is not None and run(None) == [["eu-west-1", "eu-central-1"]]
    run = jq.read("[range(3) | try input catch 0]", None, (), documents).run
    assert run is not None and run(None) == [[*documents, 0]]  # jq 1.6's: "No more inputs" caught
    run = jq.read("[input, input]", None, (), documents).run  # two call sites in one array: read since fnros61
    assert run is not None and run(None) == [documents]
    assert jq.read("input").run is None


def test_a_program_s_comments_are_blanked_in_place() -> None:
    # fnros57 (stop 57): a script joining a substitution's lines keeps what jq reads.
    program = '.a # the "a"\n| "#b" # c\r\n| .c'
    blanked = jq.comments_blanked(program)
    assert len(blanked) == len(program) and "#" not in blanked.replace('"#b"', "")
    assert jq.outputs(program.replace("\r", ""), {"a": "#b"}) == jq.outputs(
        blanked.replace("\n", " ").replace("\r", ""), {"a": "#b"}
    )


_NON_ASCII = st.text(alphabet=["a", "b", "-", "/", "1", "\u00e4", "\u00df", "\u6771", "\U0001f600", "\u0663", "\u0301"],
                     max_size=9)  # fmt: skip
_EXPRESSIONS = ["b", "[a-z]+", "(?<x>[^-/]+)-", "^(?<s>[^/]+)/(?<r>.+)$", "\\\\d", "\u00e4+", "(a)|(b)", "[^a]b", ".b",
                "\u6771.", "b$", "^."]  # fmt: skip
_FUNCTIONS = ['[match(R; "g") | [.offset, .length, .string, (.captures | map([.offset, .length, .string]))]]',
              "[capture(R)]", "[scan(R)]", "[splits(R)]", "test(R)", "split(R; null)", 'sub(R; "x")',
              'gsub(R; "y")']  # fmt: skip


@pytest.mark.skipif(shutil.which("jq") is None, reason="the jq binary is not installed")
@settings(max_examples=150, deadline=None)
@given(_NON_ASCII, st.sampled_from(_EXPRESSIONS), st.sampled_from(_FUNCTIONS))
def test_regular_expressions_over_any_text_agree_with_the_jq_binary(text: str, expression: str, function: str) -> None:
    # fnros57 (stop 57): non-ASCII text (code points, as jq 1.6 converts Oniguruma's byte offsets) and jq 1.6's gsub.
    program = function.replace("R", f'"{expression}"')
    ours = jq.outputs(program, text)
    if ours is None:
        return
    run = subprocess.run([str(shutil.which("jq")), "-c", program], input=json.dumps(text), capture_output=True,
                         text=True, check=False, timeout=10)  # fmt: skip
    assert run.returncode == 0, (program, text, run.stderr)
    assert [json.loads(line) for line in run.stdout.splitlines()] == ours, (program, text)


def test_a_script_s_arguments_are_args() -> None:
    # fnros56 (stop 56): a caller's variables and positional arguments are `$ARGS` (jq manual, "$ARGS").
    run = jq.read("$ARGS", {"n": "dr-1"}, ["a", 1]).run
    assert run is not None and run(None) == [{"positional": ["a", 1], "named": {"n": "dr-1"}}]


def test_a_caller_s_variables_are_the_program_s() -> None:
    # fnros55b (stop 55): a script's `jq --arg role backup` / `--argjson n 1` gives `$role` / `$n`.
    program = ".targets[] | select(.role == $role) | .region"
    assert jq.read(program, {"role": "backup"}).run is not None
    assert jq.read(program).run is None
    assert jq.outputs(".targets[$n].region", ROLES) is None
    run = jq.read(".targets[$n].region", {"n": 1}).run
    assert run is not None and run(ROLES) == ["cn-shanghai"]
    assert jq.json_value("1.0") == 1
    with pytest.raises(ValueError):
        jq.json_value("Infinity")


def test_a_function_s_texts_are_kept() -> None:
    # fnros55 (stop 55): a literal in a function's body is a text the program may write.
    assert "db.partner.example" in jq.read('def h: "db.partner.example"; .a // h').texts


def test_a_variable_is_bound_for_its_body_only() -> None:
    # `as` binds `$x` for the pipe after it; outside it (or never bound) the name is not read.
    assert jq.outputs("(.host as $h | $h), .empty", ROLES) == ["db.internal", None]
    assert jq.outputs("(.host as $h | $h) | $h", ROLES) is None
    assert jq.outputs('.n[] as $x | .n[] as $x | "\\($x)"', ROLES) == [str(n) for _ in range(3) for n in (1, 2, 3)]


def test_the_texts_of_the_new_forms_are_kept() -> None:
    assert set(jq.read('try .x catch "db.partner.example"').texts) == {"db.partner.example"}
    assert "partner" in jq.read('{h: "partner"} | .h').texts
    assert "db.partner.example" in jq.read('if .a then "db.partner.example" else .h end').texts


# The reader against the jq binary: every program it reads gives jq's outputs (a program it leaves unread is the
# caller's fail-closed case, never a wrong value).
JQ = shutil.which("jq")
PIECES = [
    ".host",
    ".empty",
    ".targets",
    ".targets[]",
    ".targets[0]",
    ".targets[].region",
    ".n",
    ".n[]",
    ".url",
    ".",
    '"cn-"',
    '"x"',
    "1",
    "null",
    "true",
    "length",
    "tostring",
    "tojson",
    "keys",
    "to_entries",
    "add",
    "not",
    'ltrimstr("cn-")',
    'rtrimstr(".internal")',
    'split(".")',
    'join("-")',
    ".[1:]",
    ".[:-1]",
    ".[0]",
    ".region",
    'select(.role == "backup")',
    "empty",
    "..",
    "ascii_upcase",
    "type",
    'startswith("db")',
    "first",
    "last",
    # fnros55 (stop 55)
    'test("db")',
    "from_entries",
    "@base64",
    "@text",
    "length - 1",
    ". * 2",
    "-.",
    # fnros55b (stop 55)
    "sort",
    "unique",
    "sort_by(.region)",
    "unique_by(type)",
    'getpath(["targets", 0])',
    "tojson | fromjson",
    "fromjson",
    "[range(2)]",
    ".[.n[0]]",
    # fnros56 (stop 56)
    "keys_unsorted",
    "min_by(.region)",
    "max_by(type)",
    "group_by(.role)",
    'test("N"; "i")',
    '[match("[a-z]+"; "g") | .string]',
    'match("(?<a>[a-z]+)(-)?(x)?")',
    'capture("(?<w>\\\\w+)\\\\.")',
    '[scan("[0-9a-d]")]',
    '[splits("[.-]")]',
    'split("n+"; "g")',
    # fnros57 (stop 57)
    "[paths]",
    "[leaf_paths]",
    "[tostream]",
    '[paths(type == "string")]',
    'has("region")',
    "[.. | scalars]",
    # fnros58 (stop 58)
    "del(.targets[0])",
    "del(.. | select(. == null))",
    "[path(..)]",
    "[path(.targets[]?.region)]",
    '[path(.[1, "host"]?)]',
    'setpath(["a", 0]; 1)',
    "setpath([-1]; 0)",
    'delpaths([["targets", 0], ["host"], [-1]])',
    'walk(if type == "string" then ascii_upcase else . end)',
    "any",
    "all",
    'any(.[]?; . == "a")',
    "nth(0)",
    "[nth(1; .[]?)]",
    "[fromstream(tostream)]",
    "@sh",
    "@uri",
    "@csv",
    "@tsv",
    '@sh "x \\(.)"',
    ".targets |= length",
    ".host = 1",
    ".[]? += 1",
    '.x //= "d"',
    # fnros59 (stop 59)
    "del(.targets[1:])",
    "[path(.[:1])]",
    ".[-1:] |= map(1)",
    ".targets[:1] = []",
    ".host |= empty",
    ".[]? |= empty",
    # fnros62 (stop 62)
    "reverse",
    "min",
    "max",
    "flatten",
    "flatten(1)",
    "map_values(length)",
    "map_values(empty)",
    'index("a")',
    "rindex(1)",
    "[indices(null)]",
    'IN("a", 1)',
    'IN(.[]?; "a", null)',
]
FORMS = [
    "{a}",
    "{b: {a}}",
    "{a: {b}}",
    "[{a}]",
    "({a})",
    "{a} | {b}",
    "{a}, {b}",
    "{a} + {b}",
    "{a} == {b}",
    "{a} // {b}",
    "{a} and {b}",
    "{a} or {b}",
    "if {a} then {b} else {c} end",
    "try {a}",
    'try {a} catch "c"',
    "{a} as $v | {b} | [., $v]",
    "{a}?",
    "[{a}] | {b}",
    '"<\\({a})>"',
    "{a}[1:]",
    "{{k: {a}}}",
    "{a} | .[]?",
    # fnros55 (stop 55)
    "{a} - {b}",
    "{a} * {b}",
    "{a} / {b}",
    "{a} % {b}",
    "{a} < {b}",
    "{a} >= {b}",
    "reduce {a} as $x (null; {b})",
    "reduce {a} as $x ([]; . + [$x])",
    "[limit(1; {a})]",
    "def f: {a}; f | {b}",
    "def f(g): g | {b}; f({a})",
    "with_entries({a})",
    # fnros55b (stop 55)
    "{a}[{b}]",
    "[range({a}; {b})]",
    "sort_by({a})",
    "getpath([{a}])",
    '"<\\({a} | "\\({b})")>"',
    # fnros56 (stop 56)
    "{a} as [$x, $y] | [$x, $y, {b}]",
    "{a} as {role: $r, $region} | [$r, $region]",
    "{a} | min_by({b})",
    "[foreach {a} as $x (null; {b})]",
    "[foreach {a} as $x (0; . + 1; [$x, {b}])]",
    # fnros57 (stop 57)
    "[paths({a})]",
    "{a} # a comment\n| {b}",
    "{a}[{b}:]",
    "[{a}] | .[:({b} | length)]",
    # fnros58 (stop 58)
    "{a} |= {b}",
    "({a}) = {b}",
    "{a} += {b}",
    "{a} //= {b}",
    "del({a})",
    "[path({a})]",
    "walk({a})",
    "any({a}; {b})",
    "all({a})",
    "[nth(1; {a})]",
    "[fromstream({a} | tostream)]",
    "setpath([{a}]; {b})",
    "delpaths([[{a}]])",
    "[{a}] | @csv",
    '@uri "q=\\({a})"',
    # fnros59 (stop 59)
    "del(if {a} then .[0]? else .[1:] end)",
    "def f: {a}; [path(f)]",
    "{a} |= empty",
    "del({a}[1:])",
    # fnros60 (stop 60)
    "def f($x): [$x, {b}]; f({a})",
    "def f(g): [path(g)]; f({a})",
    "def f(g): g; del(f({a}))",
    "def at($i): .[$i]; [path(at({a}))]",
]


@st.composite
def _programs(draw: st.DrawFn, depth: int = 2) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from(PIECES))
    form = draw(st.sampled_from(FORMS))
    parts = {name: draw(_programs(depth - 1)) for name in "abc"}
    return (
        form.replace("{{", "\0")
        .replace("{a}", parts["a"])
        .replace("{b}", parts["b"])
        .replace("{c}", parts["c"])
        .replace("\0", "{")
    )


@pytest.mark.skipif(JQ is None, reason="the jq binary is not installed")
@settings(max_examples=150, deadline=None)
@given(_programs(), st.sampled_from([ROLES, ROLES["targets"], "db.internal", None, [1, "a", None]]))
def test_the_reader_agrees_with_the_jq_binary(program: str, data: Any) -> None:
    ours = jq.outputs(program, data)
    if ours is None:
        return
    assert JQ is not None
    run = subprocess.run([JQ, "-c", program], input=json.dumps(data), capture_output=True, text=True, check=False)
    if run.returncode == 3:  # jq 1.6's narrower grammar refuses it (`{a: if ...}`, `if` without `else`): no value
        return
    if _JQ_CATCHES_BREAK and "|=" in program and ("?" in program or "try" in program):
        # jq 1.6's `?` / `try` catch the `break` its `|=` (`_modify`: label / break) uses to stop, so the path is
        # deleted (`.[-1:] |= map(1)?` gives `[]`): jqlang/jq #1859, fixed in 1.7 (#2750); the reader follows 1.7.
        # Found by this property in stop 66's second CI run (a new random example; the reader unchanged since stop 65)
        return
    assert run.returncode == 0, (program, run.stderr)
    assert [json.loads(line) for line in run.stdout.splitlines()] == ours, program


def _jq_catches_break() -> bool:
    """Whether the installed jq is one whose ``?`` swallows ``|=``'s internal break (jq 1.6: jqlang/jq #1859)."""
    if JQ is None:
        return False
    run = subprocess.run([JQ, "-c", ".[0] |= (.)?"], input="[1]", capture_output=True, text=True, check=False)
    return run.stdout.strip() != "[1]"


_JQ_CATCHES_BREAK = _jq_catches_break()


# fnros62 (stop 62): jq's builtins choosing one value of a list (index / rindex / indices, min / max, reverse, flatten,
# map_values, IN), each as jq 1.6's and 1.7's builtin.jq define it alike; checked with jq 1.6 on this machine.
_PLAN = {
    "roles": ["archive", "dr", "archive"],
    "regions": ["us-east-1", "eu-central-1", "ap-south-1"],
    "targets": [{"role": "archive", "priority": 10, "region": "us-east-1"},
                {"role": "dr", "priority": 90, "region": "eu-central-1"}],
    "sites": {"archive": {"region": "us-east-1"}, "dr": {"region": "eu-central-1"}},
    "nested": [["us-east-1"], [["eu-central-1"]]],
    "zone": "eu-central-1a,eu-west-1b",
}  # fmt: skip


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ('. as $p | $p.regions[$p.roles | index("dr")]', ["eu-central-1"]),
        ('. as $p | $p.regions[$p.roles | rindex("archive")]', ["ap-south-1"]),
        ('.roles | indices("archive")', [[0, 2]]),
        ('.roles | indices(["dr", "archive"]), index(["archive", "dr"])', [[1], 0]),  # a run of items
        ('.roles | index("backup"), rindex("backup")', [None, None]),
        ('.zone | index(","), rindex("-"), indices("eu-")', [13, 21, [0, 14]]),  # ASCII: byte = character
        (".regions | reverse | .[0]", ["ap-south-1"]),
        ("null | reverse", [[]]),
        ("[.targets[].priority] | max, min", [90, 10]),
        ("[.targets[].region] | max", ["us-east-1"]),
        ("[] | min", [None]),
        ('[1, null, "a", false] | min, max', [None, "a"]),
        (".nested | flatten | .[1]", ["eu-central-1"]),
        (".nested | flatten(1) | .[1]", [["eu-central-1"]]),
        (".nested | flatten(0) | length", [2]),
        (".sites | map_values(.region) | .dr", ["eu-central-1"]),
        (".regions | map_values(ascii_upcase) | .[1]", ["EU-CENTRAL-1"]),
        (".sites | map_values(empty)", [{}]),  # an object's key of no value deleted (jq 1.6 and 1.7 alike)
        ('.targets[] | select(.role | IN("dr", "backup")) | .region', ["eu-central-1"]),
        ('[.roles[] | IN("dr")]', [[False, True, False]]),
        ('IN(.roles[]; "backup", "dr")', [True]),
        ('IN(.roles[]; "backup")', [False]),
    ],
)
def test_fnros62_builtins_choosing_from_a_list_are_read(program: str, expected: list[Any]) -> None:
    assert jq.outputs(program, _PLAN) == expected, program


@pytest.mark.parametrize(
    "program",
    [
        '"abc" | reverse',  # jq 1.6's error; later jq reverses the text
        '{"a": 1} | reverse',
        '{"a": [1, [2]]} | flatten',  # jq 1.6 flattens an object's values
        "[1, [2]] | flatten(1.5)",  # jq's `$x != 0` never reached: every level
        '"aaaa" | indices("aa")',  # overlapping matches
        '"\u00e4-eu" | index("-")',  # jq 1.6 counts bytes
        '"abc" | index("")',  # jq 1.6 fails
        "[1, 2] | indices([])",
        'null | index("a")',
        "[[1], [0]] | min",  # arrays ordered: not read
        '1 | IN(1, error("x"))',  # jq stops at the first true; an error after it is not read
        "map_values(., .; .)",
        "IN(1; 2; 3)",
    ],
)
def test_fnros62_forms_outside_the_reading_give_no_value(program: str) -> None:
    assert jq.read(program).run is None or jq.outputs(program, _PLAN) is None, program


def test_fnros62_flatten_depth_below_zero_is_jq_s_error() -> None:
    # builtin.jq: `if $x < 0 then error("flatten depth must not be negative")`: an error, caught by try
    assert jq.outputs('[1, [2]] | try flatten(-1) catch "negative"', None) == ["negative"]
    assert jq.outputs('[1, [2]] | try flatten(null) catch "negative"', None) == ["negative"]
    assert jq.outputs("[1, [2]] | flatten(-1)", None) is None


def _flattened(items: list[Any], depth: int) -> list[Any]:
    # The reference: builtin.jq's `_flatten($x)` written out.
    out: list[Any] = []
    for item in items:
        out += _flattened(item, depth - 1) if isinstance(item, list) and depth != 0 else [item]
    return out


_ITEMS = st.recursive(st.one_of(st.integers(-3, 3), st.sampled_from(["a", "b", "ab"]), st.none()),
                      lambda inner: st.lists(inner, max_size=3), max_leaves=10)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_ITEMS, max_size=6), _ITEMS, st.integers(-1, 3))
def test_fnros62_builtins_against_a_reference(items: list[Any], needle: Any, depth: int) -> None:
    data = {"t": items, "n": needle}
    run = [k for k in range(len(items)) if isinstance(needle, list) and needle
           and items[k : k + len(needle)] == needle and len(items[k:]) >= len(needle)]  # fmt: skip
    single = [k for k, item in enumerate(items) if item == needle and type(item) is type(needle)]
    got = jq.outputs(".t | indices($n)".replace("$n", json.dumps(needle)), data)
    if isinstance(needle, list) and not needle:
        assert got is None
    else:
        assert got == [run if isinstance(needle, list) else single]
    assert jq.outputs(".t | reverse", data) == [items[::-1]]
    flat = jq.outputs(".t | flatten" if depth < 0 else f".t | flatten({depth})", data)
    assert flat == [_flattened(items, depth)]
    assert jq.outputs(".t | map_values([.])", data) == [[[item] for item in items]]
    member = jq.outputs(".n | IN(.t[]?)".replace(".t[]?", json.dumps(items) + "[]"), data)
    assert member == [any(item == needle and type(item) is type(needle) for item in items)]
    scalars = [item for item in items if not isinstance(item, list)]
    if all(isinstance(item, int) for item in scalars) and scalars:
        assert jq.outputs("min, max", scalars) == [min(scalars), max(scalars)]
