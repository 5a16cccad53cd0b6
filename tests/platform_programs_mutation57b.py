"""Mutation search, round 27: stop 57's first-wave readers spelled another way (stop 57, issue 9: mutation57b).

Round 27 mutated the stop-57 first-wave table programs (alired57, awsred57, config57, falsealarm57, fnros57, scripts57,
mutation57) with the mutants tool (1,761 mutants) and by hand (``RuleEngine("EU").check`` of EC2 user data, a scratch
probe kept out of the tree; docs/residency.md "Mutation search, round 27 (stop 57)"). Reproduced on the unchanged
engine (main 8a249ced): an associative array's element by a double-quoted variable subscript (``k=dr`` then
``--region "${M["$k"]}"``; bash(1) "Arrays": the subscript is expanded, its quotes removed, as ``${M[$k]}``) passed
every door with the Region abroad in ``M[dr]``: the reader held the element under the spelling ``M["$k"]`` while the
resolver reads the word with its quotes removed (``M[$k]``), so the use held nothing; assigned first
(``R="${M["$k"]}"``) the assignment's value ended at the inner quote (R held nothing). And a function's ``"$1"``
passed on whole to another function (``nightly() { copy nightly "$1"; }``, ``copy`` reading ``$2`` or ``${@:2:1}``)
held nothing there. Now the ``-abroad`` programs are RES-009 and the ``-home`` twins (a second Region inside the
jurisdiction) pass.

Ids ``mutation57b-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN). tests/test_realistic_programs.py runs them as
CASES (``mutation57b-*``).
"""

from __future__ import annotations

from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows

# The same helpers as rounds 25 and 26 (one fact, one place): the DR copy, the Regions and the machines.
from platform_programs_mutation56 import _aws, _copy_to, _region

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""


def assoc_quoted_subscript(code: str, where: str) -> str:
    # bash(1) "Arrays": "declare -A name"; `${name[subscript]}` with the subscript a double-quoted variable.
    element = '${M["$k"]}'
    return f"declare -A M=([home]={AWS_HOME[code]} [dr]={_region(code, where)})\nk=dr\n{_copy_to(code, element)}\n"


def assoc_quoted_assignment(code: str, where: str) -> str:
    # The same element assigned first (`R="${M["$k"]}"`: the quotes inside `${...}` are the subscript's own).
    return (f"declare -A M=([home]={AWS_HOME[code]} [dr]={_region(code, where)})\nk=dr\n"
            f'R="${{M["$k"]}}"\n{_copy_to(code, "$R")}\n')  # fmt: skip


def positional_forwarded(code: str, where: str) -> str:
    # bash(1) "Positional Parameters": a wrapper passing its own `$1` on to another function as that one's `$2`.
    return (f'copy() {{\n  {_copy_to(code, "$2")}\n}}\nnightly() {{\n  copy nightly "$1"\n}}\n'
            f"nightly {_region(code, where)}\n")  # fmt: skip


def slice_forwarded(code: str, where: str) -> str:
    # The same, the inner function reading `${@:2:1}` (round 26's slice of one parameter) on one line each.
    return (f'copy() {{ {_copy_to(code, "${@:2:1}")}; }}\nnightly() {{ copy nightly "$1"; }}\n'
            f"nightly {_region(code, where)}\n")  # fmt: skip


REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "assoc-quoted-subscript": (_aws(assoc_quoted_subscript), REGION, AWS_CODES),
    "assoc-quoted-assignment": (_aws(assoc_quoted_assignment), REGION, AWS_CODES),
    "positional-forwarded": (_aws(positional_forwarded), REGION, AWS_CODES),
    "slice-forwarded": (_aws(slice_forwarded), REGION, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    return home_abroad_rows("mutation57b", KINDS)
