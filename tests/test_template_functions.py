"""One reader of template text functions (fnsel50, stop 50, issue 9).

Stop 49 had two readers of a template's ``Fn::Join``: fnsub49's ``_evaluated_functions`` (every join whose parts are
known becomes the text it gives, before any door reads the template) and mutation49's
``RuleEngine._judged_as_joined_text`` (a join left under a key that is no host or bucket, read again through
``_template_texts``). The second only ever saw what the first had left, and the first leaves a join only when
``_joined_texts`` could not read it, so the second found nothing: these tests show it on every input shape (nested
functions, ``Ref`` to a Parameter with and without a Default, pseudo parameters, lists, non-text parts, CloudFormation
and ROS) and pin the cases where the two differed before (a join nested deeper than ``_template_texts`` reads, an
``Fn::Select`` by index). ``_judged_as_joined_text`` is removed; the evaluation is the one reader.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components.residency import ProviderRef, RuleEngine, Subject
from components.residency.engine import _EACH, _evaluated_functions, _OwnStack, _template_texts

_DOCUMENT: dict[str, Any] = {
    "Parameters": {
        "Env": {"Type": "String"},
        "Zone": {"Type": "String", "Default": "eu-central-1"},
        "Tier": {"Type": "String", "AllowedValues": ["a", "b"]},
        "Subnets": {"Type": "CommaDelimitedList"},
    },
    "Mappings": {"Regions": {"eu-west-1": {"Second": "eu-central-1"}, "us-east-1": {"Second": "us-west-2"}}},
    "Resources": {"Logs": {"Type": "AWS::S3::Bucket"}},
}
"""A template's Parameters (no Default, a Default, AllowedValues, a list), a Region map and one resource."""

_PSEUDO = {"${AWS::Region}": "eu-west-1", "${AWS::Partition}": "aws", "${AWS::URLSuffix}": "amazonaws.com",
           "${ALIYUN::Region}": "cn-shanghai"}  # fmt: skip
"""The own stack's pseudo parameters (as ``RuleEngine._in_own_stack`` fills them for a stack in eu-west-1)."""


def _fill(text: str) -> str:
    for name, value in _PSEUDO.items():
        text = text.replace(name, value)
    return text


_STACK = _OwnStack("AWS::Region", "eu-west-1", _fill)

_TEXTS = st.sampled_from(["", "-", ":", "https://", "sqs.", "eu-west-1", "intake.saas.example", "${Env}", "a,b"])
_LEAVES = st.one_of(
    _TEXTS,
    st.integers(min_value=-2, max_value=443),
    st.sampled_from([
        {"Ref": "Env"}, {"Ref": "Zone"}, {"Ref": "Tier"}, {"Ref": "Subnets"}, {"Ref": "AWS::Region"},
        {"Ref": "AWS::AccountId"}, {"Ref": "AWS::URLSuffix"}, {"Ref": "ALIYUN::Region"}, {"Ref": "Logs"},
        {"Fn::GetAtt": ["Logs", "DomainName"]}, {"Fn::ImportValue": "shared"}, {"Fn::Sub": "oss-${ALIYUN::Region}"},
        {"Fn::Sub": "${Env}.intake.saas.example"}, {"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Second"]},
        {"Fn::FindInMap": ["Regions", "ap-east-1", "Second"]}, {"Fn::GetAZs": ""}, {"Fn::Str": 8443}, None, True,
    ]),
)  # fmt: skip


def _functions(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    parts = st.lists(children, max_size=4)
    return st.one_of(
        st.builds(lambda d, p: {"Fn::Join": [d, p]}, _TEXTS, parts),
        st.builds(lambda p: {"Fn::Join": ["", p]}, children),  # parts from one function (a Parameter's list)
        st.builds(lambda a, b: {"Fn::If": ["C", a, b]}, children, children),
        st.builds(lambda i, p: {"Fn::Select": [i, p]}, st.sampled_from([0, 1, "1", -1, 5]), parts),
        st.builds(lambda i, t: {"Fn::Select": [i, {"Fn::Split": [",", t]}]}, st.sampled_from([0, "1", 3]), children),
        st.builds(lambda t, v: {"Fn::Sub": [t, {"V": v}]}, st.sampled_from(["https://${V}/x", "${V}-1"]), children),
        st.builds(lambda n, t: {"Fn::Replace": [{"__X__": n}, t]}, children, children),
        st.builds(lambda v: {"Fn::Base64Encode": v}, children),
        # fnb64_51 (stop 51): Base64 both ways, ROS selects by a map's key, by slice and with a default value.
        st.builds(lambda v: {"Fn::Base64": v}, children),
        st.builds(lambda v: {"Fn::Base64Decode": v}, st.one_of(children, st.sampled_from(["ZXUtd2VzdC0x", "x"]))),
        st.builds(
            lambda k, a, b: {"Fn::Select": [k, {"a": a, "b": b}]},
            st.sampled_from(["a", "c", {"Ref": "Env"}]),
            children,
            children,
        ),
        st.builds(lambda i, p: {"Fn::Select": [i, p]}, st.sampled_from(["0:1", "1:", "::2", ":-1"]), parts),
        st.builds(lambda i, p, d: {"Fn::Select": [i, p, d]}, st.sampled_from([0, "4"]), parts, children),
        st.builds(
            lambda k, t: {"Fn::GetJsonValue": [k, t]},
            st.sampled_from(["a", "b"]),
            st.one_of(children, st.sampled_from(['{"a": "eu-west-1"}', '{"a": {"Ref": "Env"}}', "[1]"])),
        ),
        # fnros52 (stop 52): ROS list functions, Fn::Jq, Fn::Indent; a lookup's DefaultValue; a condition's Fn::If.
        st.builds(lambda a, b: {"Fn::ListMerge": [a, b]}, parts, st.one_of(parts, children)),
        st.builds(lambda a, b: {"Fn::MergeMapToList": [{"r": a}, {"n": b}]}, parts, st.one_of(parts, children)),
        st.builds(lambda k, m: {"Fn::SelectMapList": [k, m]}, st.sampled_from(["r", "n"]), children),
        st.builds(
            lambda f, t: {"Fn::Jq": ["First", f, t]},
            st.sampled_from([".a", ".a[1]", ".a | .b"]),
            st.one_of(children, st.sampled_from(['{"a": "eu-west-1"}', '{"a": ["x", "y"]}'])),
        ),
        st.builds(lambda t, n: {"Fn::Indent": [t, n]}, children, st.sampled_from([0, 1, "2", "x"])),
        st.builds(
            lambda k, d: {"Fn::FindInMap": ["Regions", k, "Second", {"DefaultValue": d}]},
            st.sampled_from([{"Ref": "AWS::Region"}, "ap-east-1", {"Ref": "Env"}]),
            children,
        ),
        st.builds(lambda a, b: {"Fn::If": ["IsProd", a, b]}, children, children),
        # fnros53 (stop 53): ROS number functions (as an index too), Fn::Add, jq filters beyond a path.
        st.builds(lambda i, p: {"Fn::Select": [{"Fn::Index": [i, p]}, p]}, children, parts),
        st.builds(lambda v: {"Fn::Length": v}, children),
        st.builds(lambda a, b: {"Fn::Add": [a, b]}, children, children),
        st.builds(
            lambda e, n: {"Fn::Calculate": [e, 0, n]}, st.sampled_from(["{0}-1", "({0}+1)/2", "1/{0}", "x"]), parts
        ),
        st.builds(lambda f, n: {f: n}, st.sampled_from(["Fn::Max", "Fn::Min"]), parts),
        st.builds(lambda n: {"Fn::Avg": [1, n]}, parts),
        st.builds(
            lambda f, t: {"Fn::Jq": ["All", f, t]},
            st.sampled_from(
                [
                    ".a[]",
                    '.[] | select(.r == "x") | .r',
                    "first(.a[])",
                    '"h-\\(.a)"',
                    ".a | map(.)",
                    # fnros54 (stop 54): jq's `+` and an array built.
                    '"h-" + .a',
                    ".a + .a",
                    "[.a[]][1]",
                    "[.[] | .r] | first",
                ]
            ),
            st.one_of(children, st.sampled_from(['{"a": ["x", "y"]}', '[{"r": "x"}]', '{"a": "eu-west-1"}'])),
        ),
        parts,
    )


_VALUES = st.recursive(_LEAVES, _functions, max_leaves=12)


def _joins(node: Any) -> list[Any]:
    """Every ``Fn::Join`` left in an evaluated value."""
    if isinstance(node, list):
        return [j for v in node for j in _joins(v)]
    if not isinstance(node, dict):
        return []
    here = [node] if len(node) == 1 and "Fn::Join" in node else []
    return here + [j for v in node.values() for j in _joins(v)]


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_a_join_the_evaluation_leaves_is_one_no_other_reading_could_read(value: Any) -> None:
    # mutation49's _judged_as_joined_text read such a join through _template_texts: it found no text in any of them.
    evaluated = _evaluated_functions(value, _DOCUMENT, _STACK)
    for join in _joins(evaluated):
        assert _template_texts(_DOCUMENT, join) is None, join


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_evaluating_twice_gives_what_evaluating_once_gives(value: Any) -> None:
    # A nested stack's body is evaluated with its parent's template, then again as its own: several texts made into
    # an Fn::Select (at _EACH, no index a template writes) are not narrowed to one the second time.
    once = _evaluated_functions(value, _DOCUMENT, _STACK)
    assert _evaluated_functions(once, _DOCUMENT, _STACK) == once


_SHAPES: list[tuple[str, Any, Any]] = [
    # (case, the template's value, what the evaluation gives)
    ("pseudo parameters", {"Fn::Join": ["", ["https://sqs.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}]]},
     "https://sqs.eu-west-1.amazonaws.com"),
    ("parameter without default", {"Fn::Join": [".", [{"Ref": "Env"}, "intake.saas.example"]]},
     {"Fn::Sub": "${Env}.intake.saas.example"}),
    ("parameter with default (filled at the door)", {"Fn::Join": ["-", [{"Ref": "Zone"}, "x"]]},
     {"Fn::Sub": "${Zone}-x"}),
    ("allowed values of an Fn::If", {"Fn::Join": ["", [{"Fn::If": ["C", "a", "b"]}, ".example"]]},
     {"Fn::Select": [_EACH, ["a.example", "b.example"]]}),
    ("non-text parts", {"Fn::Join": [":", ["port", 443, {"Fn::Str": 8443}]]}, "port:443:8443"),
    ("nested functions", {"Fn::Join": ["", [{"Fn::Join": ["-", ["oss", {"Ref": "ALIYUN::Region"}]]}, ".aliyuncs.com"]]},
     "oss-cn-shanghai.aliyuncs.com"),
    ("a region map's own row", {"Fn::Join": ["", [{"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Second"]}]]},
     "eu-central-1"),
    ("a Parameter's list: left as written", {"Fn::Join": [",", {"Ref": "Subnets"}]},
     {"Fn::Join": [",", {"Ref": "Subnets"}]}),
    ("an import: left as written", {"Fn::Join": ["", ["https://", {"Fn::ImportValue": "shared"}]]},
     {"Fn::Join": ["", ["https://", {"Fn::ImportValue": "shared"}]]}),
    ("a select by index", {"Fn::Select": ["1", ["eu-central-1", "us-east-1"]]}, "us-east-1"),
    ("a select from a split text", {"Fn::Select": [3, {"Fn::Split": [":", "arn:aws:sns:us-east-1:1:t"]}]}, "us-east-1"),
    ("a select from a split of a variable: left", {"Fn::Select": [0, {"Fn::Split": [",", {"Ref": "Env"}]}]},
     {"Fn::Select": [0, {"Fn::Split": [",", {"Ref": "Env"}]}]}),
    ("a select out of range: left", {"Fn::Select": [2, ["a", "b"]]}, {"Fn::Select": [2, ["a", "b"]]}),
    ("a select of the Region's zones: left", {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
     {"Fn::Select": [0, {"Fn::GetAZs": ""}]}),
    # fnb64_51 (stop 51): ROS's Fn::Base64Decode of a known text, Fn::Select by key, the Region's row, slice, default.
    ("a decoded literal", {"Fn::Base64Decode": "ZXUtd2VzdC0x"}, "eu-west-1"),
    ("a decoded join", {"Fn::Base64Decode": {"Fn::Join": ["", ["ZXUtd2Vz", "dC0x"]]}}, "eu-west-1"),
    ("a decode of a variable: left", {"Fn::Base64Decode": {"Ref": "Env"}}, {"Fn::Base64Decode": {"Ref": "Env"}}),
    ("a decode of no base64: left", {"Fn::Base64Decode": "not base64!"}, {"Fn::Base64Decode": "not base64!"}),
    ("an encoded text: left for the walk", {"Fn::Base64": "eu-west-1"}, {"Fn::Base64": "eu-west-1"}),
    ("a select by a map's key", {"Fn::Select": ["dr", {"primary": "eu-west-1", "dr": "us-east-1"}]}, "us-east-1"),
    ("a select by the Region's key", {"Fn::Select": [{"Ref": "AWS::Region"}, {"eu-west-1": "a", "us-east-1": "b"}]},
     "a"),
    ("a select by a key no one wrote: left", {"Fn::Select": ["c", {"a": "x"}]}, {"Fn::Select": ["c", {"a": "x"}]}),
    ("a select by a missing key with a default", {"Fn::Select": ["c", {"a": "x"}, "y"]}, "y"),
    ("a select by a Parameter's key: left", {"Fn::Select": [{"Ref": "Env"}, {"a": "x"}]},
     {"Fn::Select": [{"Ref": "Env"}, {"a": "x"}]}),
    ("a slice", {"Fn::Select": ["1:", ["a", "b", "c"]]}, ["b", "c"]),
    ("a slice with a step", {"Fn::Select": ["::2", ["a", "b", "c"]]}, ["a", "c"]),
    ("a select of a slice", {"Fn::Select": [0, {"Fn::Select": ["1:2", ["a", "b"]]}]}, "b"),
    ("a select out of range with a default", {"Fn::Select": ["4", ["a"], "b"]}, "b"),
    ("a select in range with a default", {"Fn::Select": ["0", ["a"], "b"]}, "a"),
    ("a JSON text's key", {"Fn::GetJsonValue": ["to", '{"to": "us-east-1", "n": 1}']}, "us-east-1"),
    ("a JSON text's map: left", {"Fn::GetJsonValue": ["to", '{"to": {"Ref": "Env"}}']},
     {"Fn::GetJsonValue": ["to", '{"to": {"Ref": "Env"}}']}),
    ("a JSON text's missing key: left", {"Fn::GetJsonValue": ["x", '{"to": "a"}']},
     {"Fn::GetJsonValue": ["x", '{"to": "a"}']}),
    # fnros52 (stop 52): ROS Fn::ListMerge, Fn::MergeMapToList, Fn::SelectMapList, Fn::Jq, Fn::Indent; a DefaultValue.
    ("lists merged", {"Fn::ListMerge": [["a"], ["b", "c"]]}, ["a", "b", "c"]),
    ("a select of lists merged", {"Fn::Select": ["2", {"Fn::ListMerge": [["a"], ["b", "c"]]}]}, "c"),
    ("lists merged with a Parameter's list: left", {"Fn::ListMerge": [["a"], {"Ref": "Subnets"}]},
     {"Fn::ListMerge": [["a"], {"Ref": "Subnets"}]}),
    ("maps merged to a list, the shorter's last value repeated",
     {"Fn::MergeMapToList": [{"r": ["a", "b"]}, {"n": ["x"]}]}, [{"r": "a", "n": "x"}, {"r": "b", "n": "x"}]),
    ("a key of maps merged", {"Fn::SelectMapList": ["r", {"Fn::MergeMapToList": [{"r": ["a", "b"]}]}]}, ["a", "b"]),
    ("a jq path", {"Fn::Jq": ["First", ".copy.to[1]", '{"copy": {"to": ["a", "us-east-1"]}}']}, "us-east-1"),
    ("a jq path, All", {"Fn::Jq": ["All", ".to", '{"to": "a"}']}, ["a"]),
    ("a jq path over a map written out", {"Fn::Jq": ["First", ".to", {"to": "a"}]}, "a"),
    # fnros53 (stop 53): a pipe is in the jq subset now (it was left as written, RES-011 at a region field).
    ("a jq pipe", {"Fn::Jq": ["First", ".a | .b", '{"a": {"b": "c"}}']}, "c"),
    ("a jq path to null: left", {"Fn::Jq": ["First", ".x", '{"to": "a"}']}, {"Fn::Jq": ["First", ".x", '{"to": "a"}']}),
    ("an indented text", {"Fn::Indent": ["a\nb", 1]}, "  a\n  b"),
    ("an indented text, size and first line", {"Fn::Indent": ["a\nb", 1, 4, False]}, "a\n    b"),
    # fnros53 (stop 53): one whole variable indented is that variable, read as its Ref alone (left as written before).
    ("an indent of a variable", {"Fn::Indent": [{"Ref": "Env"}, 1]}, {"Ref": "Env"}),
    # fnros54 (stop 54): one line partly a variable is the line (its blanks name nothing), read as its Fn::Sub is.
    ("an indent of a line with a variable", {"Fn::Indent": [{"Fn::Sub": "a ${Env}"}, 1]}, {"Fn::Sub": "a ${Env}"}),
    ("an indent of two lines with a variable: left", {"Fn::Indent": [{"Fn::Sub": "a\n${Env}"}, 1]},
     {"Fn::Indent": [{"Fn::Sub": "a\n${Env}"}, 1]}),
    ("an indent of a variable wider than any template needs: left", {"Fn::Indent": [{"Ref": "Env"}, 100_000, 8]},
     {"Fn::Indent": [{"Ref": "Env"}, 100_000, 8]}),
    ("an indent wider than any template needs: left", {"Fn::Indent": ["a", 100_000_000, 8]},
     {"Fn::Indent": ["a", 100_000_000, 8]}),
    ("a lookup's default", {"Fn::FindInMap": ["Regions", "ap-east-1", "Second", {"DefaultValue": "eu-north-1"}]},
     "eu-north-1"),
    ("a lookup's row before its default",
     {"Fn::FindInMap": ["Regions", {"Ref": "AWS::Region"}, "Second", {"DefaultValue": "x"}]}, "eu-central-1"),
    ("a lookup's default from the Region",
     {"Fn::FindInMap": ["Regions", "ap-east-1", "Second", {"DefaultValue": {"Ref": "AWS::Region"}}]}, "eu-west-1"),
    ("a condition not told (no values given): left", {"Fn::If": ["IsProd", "a", "b"]},
     {"Fn::If": ["IsProd", "a", "b"]}),
    # fnros53 (stop 53): ROS Fn::Index, Fn::Length, Fn::Add, Fn::Calculate, Fn::Avg, Fn::Max, Fn::Min (the ROS
    # reference's own examples) and as an Fn::Select's index; jq filters beyond a path (a documented subset).
    ("an index", {"Fn::Index": ["b", ["a", "b"]]}, 1),
    ("an index not there: left", {"Fn::Index": ["c", ["a", "b"]]}, {"Fn::Index": ["c", ["a", "b"]]}),
    ("an index in a Parameter's list: left", {"Fn::Index": ["a", {"Ref": "Subnets"}]},
     {"Fn::Index": ["a", {"Ref": "Subnets"}]}),
    ("a select by an index", {"Fn::Select": [{"Fn::Index": ["dr", ["main", "dr"]]}, ["eu-west-1", "us-east-1"]]},
     "us-east-1"),
    ("a length of a map, a list, a text", {"Fn::Add": [{"Fn::Length": {"key1": "v1", "key2": "v2"}},
                                                      {"Fn::Length": [1, 2, 3]}, {"Fn::Length": "aaaaaa"}]}, 11),
    ("a length of a list with a NoValue: left", {"Fn::Length": ["a", {"Ref": "AWS::NoValue"}]},
     {"Fn::Length": ["a", {"Ref": "AWS::NoValue"}]}),
    ("a length of a Parameter's list: left", {"Fn::Length": {"Ref": "Subnets"}}, {"Fn::Length": {"Ref": "Subnets"}}),
    ("a length of a text with a variable: left", {"Fn::Length": {"Ref": "Env"}}, {"Fn::Length": {"Ref": "Env"}}),
    ("maps added", {"Fn::Add": [{"key1": "value1"}, {"key2": "value2", "key1": "x"}]}, {"key1": "x", "key2": "value2"}),
    ("lists added", {"Fn::Add": [["a"], ["b"]]}, ["a", "b"]),
    ("numbers added", {"Fn::Add": [1, 2, 3]}, 6),
    ("texts added: left", {"Fn::Add": ["1", "2"]}, {"Fn::Add": ["1", "2"]}),
    ("a list added to a Parameter's: left", {"Fn::Add": [["a"], {"Ref": "Subnets"}]},
     {"Fn::Add": [["a"], {"Ref": "Subnets"}]}),
    ("a calculation", {"Fn::Calculate": ["(2+3)/2*3-1", 1]}, 5),
    ("a calculation with a float", {"Fn::Calculate": ["(2.0+3)/2*3-1", 1]}, 6.5),
    ("a calculation of numbers", {"Fn::Calculate": ["({1}+3)/2*3-1", 1, [3, 5, 6]]}, 11),
    ("a calculation's remainder", {"Fn::Calculate": ["({0}+{1})%3", 0, [5, 6]]}, 2),
    ("a calculation truncating", {"Fn::Calculate": ["-7/2", 0]}, -3),
    ("a calculation by zero: left", {"Fn::Calculate": ["1/0", 0]}, {"Fn::Calculate": ["1/0", 0]}),
    ("a calculation with a power: left", {"Fn::Calculate": ["9**9**9", 0]}, {"Fn::Calculate": ["9**9**9", 0]}),
    ("a calculation with a name: left", {"Fn::Calculate": ["x+1", 0]}, {"Fn::Calculate": ["x+1", 0]}),
    ("a calculation of a number not there: left", {"Fn::Calculate": ["{3}", 0, [1]]},
     {"Fn::Calculate": ["{3}", 0, [1]]}),
    ("a calculation nested past its bound: left", {"Fn::Calculate": ["(" * 300 + "1" + ")" * 300, 0]},
     {"Fn::Calculate": ["(" * 300 + "1" + ")" * 300, 0]}),
    ("an average", {"Fn::Avg": [1, [1, 2, 6.0]]}, 3.0),
    ("a select by an average: left", {"Fn::Select": [{"Fn::Avg": [0, [1, 1]]}, ["a", "b"]]},
     {"Fn::Select": [1.0, ["a", "b"]]}),
    ("a max", {"Fn::Max": [1.1, 2, 3]}, 3),
    ("a min", {"Fn::Min": [1.1, 2, 3]}, 1.1),
    ("a max of a Parameter: left", {"Fn::Max": [1, {"Ref": "Env"}]}, {"Fn::Max": [1, {"Ref": "Env"}]}),
    ("a calculation of a number past the bound: left", {"Fn::Calculate": ["{0}*{0}", 0, [10**16]]},
     {"Fn::Calculate": ["{0}*{0}", 0, [10**16]]}),
    ("an index of true: left", {"Fn::Index": [True, [1, True]]}, {"Fn::Index": [True, [1, True]]}),
    ("a select by a calculation of a length",
     {"Fn::Select": [{"Fn::Calculate": ["{0}-1", 0, [{"Fn::Length": ["a", "b", "c"]}]]}, ["a", "b", "c"]]}, "c"),
    ("a jq select", {"Fn::Jq": ["First", '.t[] | select(.role == "dr") | .r',
                                '{"t": [{"role": "main", "r": "a"}, {"role": "dr", "r": "b"}]}']}, "b"),
    ("a jq select !=", {"Fn::Jq": ["All", '.t[] | select(.role != "dr") | .r',
                                   '{"t": [{"role": "main", "r": "a"}, {"role": "dr", "r": "b"}]}']}, ["a"]),
    ("a jq map and first", {"Fn::Jq": ["First", "first(.t | map(.r) | .[])", '{"t": [{"r": "a"}, {"r": "b"}]}']}, "a"),
    ("a jq alternative", {"Fn::Jq": ["First", '.dr.region // "b"', '{"dr": {}}']}, "b"),
    ("a jq alternative not needed", {"Fn::Jq": ["First", '.dr.region // "b"', '{"dr": {"region": "a"}}']}, "a"),
    ("a jq alternative of an error: left", {"Fn::Jq": ["First", '.dr.region // "b"', '{"dr": "x"}']},
     {"Fn::Jq": ["First", '.dr.region // "b"', '{"dr": "x"}']}),
    ("a jq last", {"Fn::Jq": ["First", ".t | last", '{"t": ["a", "b"]}']}, "b"),
    ("a jq each, All", {"Fn::Jq": ["All", ".t[]", '{"t": ["a", "b"]}']}, ["a", "b"]),
    ("a jq negative index and a quoted key", {"Fn::Jq": ["First", '."t-1"[-1]', '{"t-1": ["a", "b"]}']}, "b"),
    ("a jq interpolation", {"Fn::Jq": ["First", '"oss-\\(.r).aliyuncs.com"', '{"r": "cn-beijing"}']},
     "oss-cn-beijing.aliyuncs.com"),
    ("a jq interpolation of several values: left", {"Fn::Jq": ["First", '"\\(.t[])"', '{"t": ["a", "b"]}']},
     {"Fn::Jq": ["First", '"\\(.t[])"', '{"t": ["a", "b"]}']}),
    # fnros54 (stop 54): `keys` joined the subset (this shape's builtin until stop 53); `ltrimstr` is still outside.
    # fnros54b (stop 54): ltrimstr, parentheses, tostring of a map, a list literal and a sum of several values are read.
    # fnros55 (stop 55): `test` (this shape's until then) is read now; `match` is outside the subset.
    ("a jq builtin outside the subset: left", {"Fn::Jq": ["First", '.t | match("x")', '{"t": "xa"}']},
     {"Fn::Jq": ["First", '.t | match("x")', '{"t": "xa"}']}),
    # fnros55 (stop 55): jq's test, reduce, def, arithmetic, entries and @base64d give their value.
    ("a jq test", {"Fn::Jq": ["First", '.t[] | select(.n | test("^dr-")) | .r',
                              '{"t": [{"n": "a-1", "r": "a"}, {"n": "dr-1", "r": "b"}]}']}, "b"),
    ("a jq reduce", {"Fn::Jq": ["First", "reduce .t[] as $x (null; $x)", '{"t": ["a", "b"]}']}, "b"),
    ("a jq def", {"Fn::Jq": ["First", "def r: .t[1]; r", '{"t": ["a", "b"]}']}, "b"),
    ("a jq array minus", {"Fn::Jq": ["First", ".t - .u | first", '{"t": ["a", "b"], "u": ["a"]}']}, "b"),
    ("a jq from_entries", {"Fn::Jq": ["First", '[{key: "r", value: .t[0]}] | from_entries | .r',
                                      '{"t": ["a"]}']}, "a"),
    ("a jq base64d", {"Fn::Jq": ["First", ".t | @base64d", '{"t": "Y24tYmVpamluZw=="}']}, "cn-beijing"),
    ("a jq environment: left", {"Fn::Jq": ["First", "$ENV.R", '{"t": 1}']},
     {"Fn::Jq": ["First", "$ENV.R", '{"t": 1}']}),
    # fnros55b (stop 55): jq's sort_by, unique, getpath, range, a computed index and fromjson give their value.
    ("a jq sort_by", {"Fn::Jq": ["First", ".t | sort_by(.p) | first | .r",
                                 '{"t": [{"p": 2, "r": "a"}, {"p": 1, "r": "b"}]}']}, "b"),
    ("a jq unique", {"Fn::Jq": ["All", ".t | unique | .[]", '{"t": ["b", "a", "b"]}']}, ["a", "b"]),
    ("a jq getpath", {"Fn::Jq": ["First", 'getpath(["t", 1])', '{"t": ["a", "b"]}']}, "b"),
    ("a jq computed index", {"Fn::Jq": ["First", ".t[.i]", '{"t": ["a", "b"], "i": 1}']}, "b"),
    ("a jq range", {"Fn::Jq": ["All", ".t as $t | range(1; 3) as $i | $t[$i]", '{"t": ["a", "b", "c"]}']},
     ["b", "c"]),
    ("a jq fromjson", {"Fn::Jq": ["First", ".t | fromjson | .r", '{"t": "{\\"r\\": \\"b\\"}"}']}, "b"),
    ("a jq fractional index: left", {"Fn::Jq": ["First", ".t[.i]", '{"t": ["a", "b"], "i": 0.5}']},
     {"Fn::Jq": ["First", ".t[.i]", '{"t": ["a", "b"], "i": 0.5}']}),
    # fnros56 (stop 56): jq's capture / match / scan / splits, test with flags, group_by / min_by / max_by,
    # keys_unsorted and a destructuring pattern give their value; $ARGS (no arguments in a template) stays unread.
    ("a jq capture", {"Fn::Jq": ["First", '.e | capture("^ecs\\\\.(?<r>[a-z0-9-]+)\\\\.") | .r',
                                 '{"e": "ecs.cn-beijing.aliyuncs.com"}']}, "cn-beijing"),
    ("a jq match", {"Fn::Jq": ["First", '.e | match("\\\\.([^.]+)\\\\.") | .captures[0].string',
                               '{"e": "ecs.cn-beijing.aliyuncs.com"}']}, "cn-beijing"),
    ("a jq splits", {"Fn::Jq": ["All", '.e | splits("\\\\.")', '{"e": "a.b"}']}, ["a", "b"]),
    ("a jq scan", {"Fn::Jq": ["First", '[.e | scan("[0-9]+")] | last', '{"e": "a1b22"}']}, "22"),
    ("a jq test with flags", {"Fn::Jq": ["First", '.t[] | select(test("^B"; "i"))', '{"t": ["a", "b"]}']}, "b"),
    ("a jq group_by", {"Fn::Jq": ["First", ".t | group_by(.p) | .[1][0].r",
                                  '{"t": [{"p": 2, "r": "a"}, {"p": 1, "r": "b"}]}']}, "a"),
    ("a jq min_by", {"Fn::Jq": ["First", ".t | min_by(.p) | .r", '{"t": [{"p": 2, "r": "a"}, {"p": 1, "r": "b"}]}']},
     "b"),
    ("a jq max_by", {"Fn::Jq": ["First", ".t | max_by(.p) | .r", '{"t": [{"p": 2, "r": "a"}, {"p": 1, "r": "b"}]}']},
     "a"),
    ("a jq keys_unsorted", {"Fn::Jq": ["First", ".t | keys_unsorted | .[0]", '{"t": {"b": 2, "a": 1}}']}, "b"),
    ("a jq destructuring", {"Fn::Jq": ["First", '.t[] as [$n, $r] | select($n == "dr") | $r',
                                       '{"t": [["main", "a"], ["dr", "b"]]}']}, "b"),
    ("a jq $ARGS: left", {"Fn::Jq": ["First", "$ARGS.named.r", '{"a": "x"}']},
     {"Fn::Jq": ["First", "$ARGS.named.r", '{"a": "x"}']}),
    # fnros57 (stop 57): over other text too (code points, as jq 1.6 gives them); with the i flag (case folding) left
    ("a jq regular expression over other text", {"Fn::Jq": ["First", '.e | capture("(?<r>.)") | .r',
                                                             '{"e": "\\u00e9"}']}, "\u00e9"),
    ("a jq regular expression over other text with i: left", {"Fn::Jq": ["First", '.e | test("SS"; "i")',
                                                                         '{"e": "\\u00df"}']},
     {"Fn::Jq": ["First", '.e | test("SS"; "i")', '{"e": "\\u00df"}']}),
    ("a jq ltrimstr", {"Fn::Jq": ["First", '.t | ltrimstr("x")', '{"t": "xa"}']}, "a"),
    ("a jq keys", {"Fn::Jq": ["First", ".t | keys | .[0]", '{"t": {"b": 2, "a": 1}}']}, "a"),
    ("a jq to_entries", {"Fn::Jq": ["First", '.t | to_entries[] | select(.value == "dr") | .key',
                                    '{"t": {"cn-beijing": "main", "cn-shanghai": "dr"}}']}, "cn-shanghai"),
    ("a jq ascii_downcase", {"Fn::Jq": ["First", ".r | ascii_downcase", '{"r": "CN-Beijing"}']}, "cn-beijing"),
    ("a jq tostring of a number", {"Fn::Jq": ["First", '"port-" + (.p | tostring)', '{"p": 1}']}, "port-1"),
    ("a jq tostring of a map", {"Fn::Jq": ["First", ".t | tostring", '{"t": {"a": 1}}']}, '{"a":1}'),
    ("a jq tostring of a fraction: left", {"Fn::Jq": ["First", ".t | tostring", '{"t": 1.5}']},
     {"Fn::Jq": ["First", ".t | tostring", '{"t": 1.5}']}),
    ("a jq comma: left", {"Fn::Jq": ["First", ".a, .b", '{"a": "x"}']}, {"Fn::Jq": ["First", ".a, .b", '{"a": "x"}']}),
    ("a jq recursion: left", {"Fn::Jq": ["First", "..", '{"a": "x"}']}, {"Fn::Jq": ["First", "..", '{"a": "x"}']}),
    ("a jq key of a text (jq's error): left", {"Fn::Jq": ["First", ".a.b", '{"a": "x"}']},
     {"Fn::Jq": ["First", ".a.b", '{"a": "x"}']}),
    ("a jq select with no match: left", {"Fn::Jq": ["First", '.[] | select(. == "z")', '["a"]']},
     {"Fn::Jq": ["First", '.[] | select(. == "z")', '["a"]']}),
    ("a jq filter longer than its bound: left", {"Fn::Jq": ["First", "." + " | ." * 300, '"a"']},
     {"Fn::Jq": ["First", "." + " | ." * 300, '"a"']}),
    # fnros54 (stop 54): jq's `a + b` and an array built `[f]` (then its steps), as jq gives them.
    ("a jq sum of texts", {"Fn::Jq": ["First", '"oss-" + .r + "-internal.aliyuncs.com"', '{"r": "cn-beijing"}']},
     "oss-cn-beijing-internal.aliyuncs.com"),
    ("a jq sum with null", {"Fn::Jq": ["First", '.x + "a"', '{"r": "b"}']}, "a"),
    ("a jq sum of numbers", {"Fn::Jq": ["First", ".n + 2", '{"n": 1}']}, 3),
    ("a jq sum of lists", {"Fn::Jq": ["All", '(.t + ["b"])[]', '{"t": ["a"]}']}, ["a", "b"]),
    ("a jq sum of several values", {"Fn::Jq": ["First", '.t[] + "x"', '{"t": ["a", "b"]}']}, "ax"),
    ("a jq object built, then a step after select",
     {"Fn::Jq": ["First", '.t | map({r, k}) | .[] | select(.k == "b").r',
                 '{"t": [{"k": "a", "r": 1}, {"k": "b", "r": "y"}]}']}, "y"),
    ("a jq if", {"Fn::Jq": ["First", 'if .d then .r else "z" end', '{"d": true, "r": "y"}']}, "y"),
    ("a jq as and a slice", {"Fn::Jq": ["All", ". as $p | $p.t[1:] | .[]", '{"t": ["a", "b", "c"]}']}, ["b", "c"]),
    ("a jq error after an output: left", {"Fn::Jq": ["All", ".t[], .t.x", '{"t": ["a"]}']},
     {"Fn::Jq": ["All", ".t[], .t.x", '{"t": ["a"]}']}),
    ("a jq sum of a text and a number (jq's error): left", {"Fn::Jq": ["First", '.r + 1', '{"r": "a"}']},
     {"Fn::Jq": ["First", '.r + 1', '{"r": "a"}']}),
    ("a jq array built, then first", {"Fn::Jq": ["First", '[.t[] | select(.k == "b") | .r] | first',
                                                 '{"t": [{"k": "a", "r": "x"}, {"k": "b", "r": "y"}]}']}, "y"),
    ("a jq array built, then an index", {"Fn::Jq": ["First", "[.t[].r][1]", '{"t": [{"r": "x"}, {"r": "y"}]}']}, "y"),
    ("a jq array built, then a key", {"Fn::Jq": ["First", "[.t[]][0].r", '{"t": [{"r": "x"}]}']}, "x"),
    ("a jq array built, itself: left", {"Fn::Jq": ["First", "[.t[]]", '{"t": ["x"]}']},
     {"Fn::Jq": ["First", "[.t[]]", '{"t": ["x"]}']}),  # a list: data ROS does not evaluate
    ("a jq empty array, first: left", {"Fn::Jq": ["First", "[] | first", '{"t": ["x"]}']},
     {"Fn::Jq": ["First", "[] | first", '{"t": ["x"]}']}),  # jq's null
    ("a join nested deeper than _template_texts reads",
     {"Fn::Join": ["", [{"Fn::Join": ["", [{"Fn::Join": ["", [{"Fn::Join": ["", [{"Fn::Join": ["", [
         {"Fn::Join": ["", [{"Fn::Join": ["", [{"Fn::Join": ["", [{"Fn::Join": ["", ["a", {"Ref": "Env"}]]}]]}]]}]]}]]}
     ]]}]]}]]}]]}, {"Fn::Sub": "a${Env}"}),
]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), [(v, e) for _, v, e in _SHAPES], ids=[c for c, _, _ in _SHAPES])
def test_each_shape_is_evaluated_once_for_every_door(value: Any, expected: Any) -> None:
    assert _evaluated_functions(value, _DOCUMENT, _STACK) == expected


_CONDITIONS: dict[str, Any] = {
    **_DOCUMENT,
    "Conditions": {
        "IsProd": {"Fn::Equals": [{"Ref": "Zone"}, "eu-central-1"]},
        "IsDev": {"Fn::Not": [{"Condition": "IsProd"}]},
        "Both": {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Equals": ["a", {"Ref": "Env"}]}]},
        "Either": {"Fn::Or": [{"Condition": "IsProd"}, {"Fn::Equals": ["a", {"Ref": "Env"}]}]},
        "Home": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]},
    },
}
"""``_DOCUMENT`` with Conditions over a Parameter's Default (``Zone``), one with no value (``Env``), the Region."""


@pytest.mark.parametrize(
    ("condition", "given", "expected"),
    [
        ("IsProd", {}, "yes"),  # Zone's Default
        ("IsProd", {"Zone": "us-east-1"}, "no"),  # the value the stack gives, not the Default
        ("IsDev", {}, "no"),
        ("Both", {}, "either"),  # Env has no value: not told, each branch
        ("Both", {"Zone": "us-east-1"}, "no"),  # false whatever Env is
        ("Either", {}, "yes"),
        ("Home", {}, "yes"),
        ("Missing", {}, "either"),
    ],
)
def test_a_condition_picks_its_branch_when_the_stack_tells_it(
    condition: str, given: dict[str, Any], expected: str
) -> None:
    # fnros52 (stop 52): Fn::If over the template's Conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition) with
    # the values the stack gives its Parameters, else their Defaults; a StackSet's (given None) is never told.
    value = {"Fn::If": [condition, "yes", "no"]}
    told = _evaluated_functions(value, _CONDITIONS, _STACK._replace(given=given))
    assert told == (value if expected == "either" else expected)
    assert _evaluated_functions(value, _CONDITIONS, _STACK) == value


def test_a_loop_is_copied_for_each_item() -> None:
    # fnros52 (stop 52): CloudFormation Fn::ForEach (AWS::LanguageExtensions): ${R}, &{R} and Ref R are the item; a
    # collection not written out keeps one copy whose item is each value the collection may give.
    snippet = {"T&{R}": {"Type": "X", "Properties": {"Region": {"Ref": "R"}, "Name": {"Fn::Sub": "t-${R}"}}}}
    written = {"Fn::ForEach::T": ["R", ["eu-west-1", "us-east-1"], snippet]}
    assert _evaluated_functions(written, _DOCUMENT, _STACK) == {
        "Teuwest1": {"Type": "X", "Properties": {"Region": "eu-west-1", "Name": "t-eu-west-1"}},
        "Tuseast1": {"Type": "X", "Properties": {"Region": "us-east-1", "Name": "t-us-east-1"}},
    }
    unknown = {"Fn::ForEach::T": ["R", {"Ref": "Subnets"}, snippet]}
    each = {"Fn::Select": [_EACH, {"Ref": "Subnets"}]}
    assert _evaluated_functions(unknown, _DOCUMENT, _STACK) == {
        "T&{R}": {"Type": "X", "Properties": {"Region": each, "Name": {"Fn::Sub": ["t-${R}", {"R": each}]}}}
    }


def test_a_nested_loop_is_copied_in_each_outer_copy() -> None:
    # fnros54 (stop 54): Fn::ForEach "can contain other intrinsic functions, including Fn::ForEach itself": the inner
    # loop is expanded in each copy of the outer one. On main 51ca59f the copies' inner loops had one key, so only the
    # last outer item's was kept (unexpanded): a Region abroad as the first item passed every door.
    inner = {"Fn::ForEach::Tables": ["T", ["Orders", "Trips"], {"&{T}&{R}": {"Type": "X", "Properties": {
        "Region": {"Ref": "R"}, "Name": {"Fn::Sub": "${T}-${R}"}}}}]}  # fmt: skip
    written = {"Fn::ForEach::Regions": ["R", ["us-east-1", "eu-west-1"], inner]}
    assert _evaluated_functions(written, _DOCUMENT, _STACK) == {
        f"{t}{r.replace('-', '')}": {"Type": "X", "Properties": {"Region": r, "Name": f"{t}-{r}"}}
        for r in ("us-east-1", "eu-west-1")
        for t in ("Orders", "Trips")
    }
    # Nested deeper than any template may write (CloudFormation allows five): the deepest stays as written.
    deep: dict[str, Any] = {"L&{A}": {"Type": "X"}}
    for level in range(12):
        deep = {f"Fn::ForEach::L{level}": [f"A{level}", ["a"], deep]}
    assert any(str(k).startswith("Fn::ForEach::") for k in _evaluated_functions(deep, _DOCUMENT, _STACK))


_JSON_PARAMETERS: dict[str, Any] = {
    "Parameters": {
        "Settings": {"Type": "Json"},
        "Plan": {"Type": "Json", "Default": '{"region": "cn-beijing"}'},
        "Written": {"Type": "Json", "Default": {"region": "cn-beijing"}},
    }
}
"""A ROS template's Json Parameters: none with a Default, a Default as JSON text, a Default written out."""


@pytest.mark.parametrize(
    ("function", "given", "expected"),
    [
        ({"Fn::GetJsonValue": ["region", {"Ref": "Settings"}]}, {"Settings": '{"region": "cn-hongkong"}'},
         "cn-hongkong"),
        ({"Fn::GetJsonValue": ["region", {"Ref": "Plan"}]}, {}, "cn-beijing"),
        ({"Fn::GetJsonValue": ["region", {"Ref": "Plan"}]}, {"Plan": '{"region": "cn-hongkong"}'}, "cn-hongkong"),
        ({"Fn::Jq": ["First", ".region", {"Ref": "Written"}]}, {}, "cn-beijing"),
        ({"Fn::Jq": ["First", ".region", {"Ref": "Plan"}]}, {}, "cn-beijing"),
        # Nothing given and no Default, a value not known yet (not a text), a text that is no JSON: left as written.
        ({"Fn::GetJsonValue": ["region", {"Ref": "Settings"}]}, {}, None),
        ({"Fn::GetJsonValue": ["region", {"Ref": "Settings"}]}, {"Settings": object()}, None),
        ({"Fn::Jq": ["First", ".region", {"Ref": "Settings"}]}, {"Settings": "cn-beijing"}, None),
        ({"Fn::Jq": ["First", ".region", {"Ref": "Settings"}]}, {"Settings": '{"region": "${ALIYUN::Region}"}'}, None),
    ],
)  # fmt: skip
def test_a_json_function_reads_the_parameter_the_stack_gives(function: Any, given: Any, expected: Any) -> None:
    # fnros54 (stop 54): ROS Fn::GetJsonValue / Fn::Jq over a Ref to a Parameter read the value the stack gives it,
    # else its Default (as the same Ref at a region field is read); on main 51ca59f it was left as written, RES-011 at
    # a region field at home too. A StackSet's template (given None) is never read so.
    told = _evaluated_functions(function, _JSON_PARAMETERS, _STACK._replace(given=given))
    assert told == (function if expected is None else expected)
    assert _evaluated_functions(function, _JSON_PARAMETERS, _STACK) == function


def test_the_deepest_join_was_unread_by_the_removed_reading() -> None:
    # Where the two readers differed: _template_texts stops past 8 levels, the bottom-up evaluation reads each level.
    deepest = next(v for c, v, _ in _SHAPES if c == "a join nested deeper than _template_texts reads")
    assert _template_texts(_DOCUMENT, deepest) is None
    assert _evaluated_functions(deepest, _DOCUMENT, _STACK) == {"Fn::Sub": "a${Env}"}


_EU = ProviderRef("aws", "eu", "eu-west-1", accounts=frozenset({"123456789012"}))


def _flow(topic: Any) -> Subject:
    # A state machine's Definition publishing to TopicArn (mutation49's shape), in a template of an EU stack.
    state = {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": topic}, "End": True}
    flow = {
        "Type": "AWS::StepFunctions::StateMachine",
        "Properties": {
            "RoleArn": "arn:aws:iam::123456789012:role/flow",
            "Definition": {"StartAt": "N", "States": {"N": state}},
        },
    }
    body = json.dumps({"Parameters": _DOCUMENT["Parameters"], "Resources": {"Flow": flow}})
    return Subject("aws:cloudformation/stack:Stack", "s", {"name": "s", "template_body": body}, _EU)  # fmt: skip


_TOPIC = ["arn", {"Ref": "AWS::Partition"}, "sns", {"Ref": "AWS::Region"}, {"Ref": "AWS::AccountId"}, "alerts"]
_WHERE = "template_body(json).Resources.Flow.Properties.Definition.States.N.Parameters.TopicArn"


@pytest.mark.parametrize(
    ("topic", "expected"),
    [
        ({"Fn::Join": [":", _TOPIC]}, []),
        ({"Fn::Join": [":", [*_TOPIC[:3], "us-east-1", *_TOPIC[4:]]]}, [("RES-004", f"{_WHERE}.Fn::Join")]),
        ({"Fn::Join": [":", [*_TOPIC[:4], "444455556666", "alerts"]]}, [("RES-023", _WHERE)]),
        # A part the evaluation cannot read (an import): walked part by part, as before and as the removed reading did.
        ({"Fn::Join": [":", [*_TOPIC[:5], {"Fn::ImportValue": "shared"}]]}, []),
    ],
)
def test_a_join_under_a_key_no_host_key_names_is_read_once(topic: Any, expected: list[tuple[str, str]]) -> None:
    # mutation49's cases, now read by the evaluation alone; a finding at the join the template wrote (fnsel50).
    findings = RuleEngine("EU").check(_flow(topic))[0]
    assert [(f.rule.id, f.path) for f in findings] == expected


def _stack_set_regions(regions: list[str]) -> Subject:
    # A template StackSet whose group's Regions come from a map row that is a list (CloudFormation Mappings: "Values
    # can be String or List types"), keyed by the stack's own Region.
    group = {
        "Regions": {"Fn::FindInMap": ["Cfg", {"Ref": "AWS::Region"}, "Replicas"]},
        "DeploymentTargets": {"Accounts": ["123456789012"]},
    }
    stack_set = {
        "Type": "AWS::CloudFormation::StackSet",
        "Properties": {"StackSetName": "x", "PermissionModel": "SELF_MANAGED", "StackInstancesGroup": [group]},
    }
    body = json.dumps({"Mappings": {"Cfg": {"eu-west-1": {"Replicas": regions}}}, "Resources": {"S": stack_set}})
    return Subject("aws:cloudformation/stack:Stack", "s", {"name": "s", "template_body": body}, _EU)


@pytest.mark.parametrize(
    ("regions", "expected"),
    [
        (["eu-west-1", "eu-central-1"], []),
        (["eu-west-1", "us-east-1"], [("RES-009", "StackInstancesGroup[0].Regions.Fn::FindInMap[1]")]),
    ],
)
def test_a_region_list_from_a_map_row_is_judged_item_by_item(regions: list[str], expected: list[Any]) -> None:
    # The lead's review of fnsel50: a map row holding a list of in-country Regions was RES-011 ("no region the engine
    # can read"), a false alarm; each item is now read as the Region it is.
    findings = RuleEngine("EU").check(_stack_set_regions(regions))[0]
    assert [(f.rule.id, f.path.split("Properties.")[-1]) for f in findings] == expected


_CN_ALI = ProviderRef("alicloud", "cn-shanghai", "cn-shanghai")


def _boot(user_data: Any, cloud: str) -> Subject:
    # A machine's UserData in a CloudFormation (EU) or ROS (CN) template.
    kind = "AWS::EC2::Instance" if cloud == "aws" else "ALIYUN::ECS::Instance"
    body = json.dumps({"Resources": {"Vm": {"Type": kind, "Properties": {"ImageId": "i", "UserData": user_data}}}})
    if cloud == "aws":
        return Subject("aws:cloudformation/stack:Stack", "s", {"name": "s", "template_body": body}, _EU)
    return Subject("alicloud:ros/stack:Stack", "s", {"stack_name": "s", "template_body": body}, _CN_ALI)


_AWS_CLI = "#!/bin/bash\naws ssm get-parameter --name /fleet/env --region {}\n"
_ALI_CLI = "#!/bin/bash\naliyun kms GetSecretValue --SecretName fleet --region {}\n"
_B64 = "template_body(json).Resources.Vm.Properties.UserData"


@pytest.mark.parametrize(
    ("user_data", "cloud", "expected"),
    [
        # fnb64_51 (stop 51): the script inside Base64 is judged by the user data script rules (it passed before).
        ({"Fn::Base64": {"Fn::Sub": _AWS_CLI.format("${AWS::Region}")}}, "aws", []),
        ({"Fn::Base64": {"Fn::Sub": _AWS_CLI.format("us-east-1")}}, "aws", [("RES-009", f"{_B64}.Fn::Base64.aws")]),
        ({"Fn::Base64": {"Fn::Join": ["", [_AWS_CLI.format(""), {"Ref": "AWS::Region"}]]}}, "aws", []),
        ({"Fn::Base64": {"Fn::Join": ["", [_AWS_CLI.format("us-east-1")]]}}, "aws",
         [("RES-009", f"{_B64}.Fn::Base64.aws")]),
        ({"Fn::Base64Encode": {"Fn::Sub": _ALI_CLI.format("${ALIYUN::Region}")}}, "alicloud", []),
        ({"Fn::Base64Encode": _ALI_CLI.format("cn-hongkong")}, "alicloud",
         [("RES-009", f"{_B64}.Fn::Base64Encode.aliyun")]),
        # A decoded literal is its text (the property's value, judged at the property).
        ({"Fn::Base64Decode": base64.b64encode(_ALI_CLI.format("cn-beijing").encode()).decode()}, "alicloud", []),
        ({"Fn::Base64Decode": base64.b64encode(_ALI_CLI.format("cn-hongkong").encode()).decode()}, "alicloud",
         [("RES-009", f"{_B64}.aliyun")]),
    ],
)  # fmt: skip
def test_a_base64_script_is_judged_as_user_data(user_data: Any, cloud: str, expected: list[Any]) -> None:
    code = "EU" if cloud == "aws" else "CN"
    findings = RuleEngine(code).check(_boot(user_data, cloud))[0]
    assert [(f.rule.id, f.path) for f in findings] == expected


def _member(joined: str, own: Any) -> Subject:
    # An Aurora cluster joining a global database, beside the template's own AWS::RDS::GlobalCluster (or none).
    props = {"Engine": "aurora-mysql", "GlobalClusterIdentifier": joined}
    member = {"Type": "AWS::RDS::DBCluster", "Properties": props}
    resources: dict[str, Any] = {"Member": member}
    if own is not None:
        resources["Global"] = {"Type": "AWS::RDS::GlobalCluster", "Properties": {"GlobalClusterIdentifier": own}}
    body = json.dumps({"Resources": resources})
    return Subject("aws:cloudformation/stack:Stack", "s", {"name": "s", "template_body": body}, _EU)


@pytest.mark.parametrize(
    ("joined", "own", "expected"),
    [
        ("orders-global", "orders-global", []),
        ("Orders-Global", "orders-global", []),  # Aurora keeps identifiers lower-cased
        ("partner-global", "orders-global", ["RES-017"]),
        ("partner-global", None, ["RES-017"]),
        ("orders-global", {"Fn::Sub": "orders-${AWS::Region}"}, ["RES-017"]),  # a name no literal gives: unproven
    ],
)
def test_a_template_member_joins_the_stacks_own_global_database(joined: str, own: Any, expected: list[str]) -> None:
    # fnb64_51 (stop 51): AWS::RDS::DBCluster GlobalClusterIdentifier is the Pulumi cluster's group field; the
    # template's own AWS::RDS::GlobalCluster by its literal name is a group the stack makes (group_types).
    findings = RuleEngine("EU").check(_member(joined, own))[0]
    assert [f.rule.id for f in findings] == expected
