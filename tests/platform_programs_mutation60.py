"""Mutation search, round 32: stop 59's readers spelled another way (stop 60, issue 9: mutation60).

Round 32 mutated the realistic programs stop 59's second wave added (mutation59b, quoting59, scripts59b, awsred59b,
falsealarm59b), then the first wave's, with the mutants tool, and stop 59's readers by hand
(``RuleEngine(code).check`` of EC2 user data and of CloudFormation stacks, a scratch probe kept out of the tree;
docs/residency.md "Mutation search, round 32 (stop 60)"). Reproduced on the unchanged engine (main 0183f733), each
``-abroad`` program below passing every door with a Region abroad, and each ``branch-comment-home`` program refused
with its Regions at home:

- a word quoted in parts (bash(1) "Quote Removal": one word) read by quoting59 in an assignment only: an element's
  assignment (``RS[1]=us-"west"-2``, ``element-parts``), a compound assignment's item (``RS=(<home> "us-"west-2)``,
  ``compound-parts``), a loop's word (``for R in <home> us-'west'-2``, ``loop-parts``) and a here-string's word
  (``read -r R <<< "us-"west-2``, ``herestring-parts``): each held its first part or nothing;
- a slice whose offset is a variable (``"${RS[@]:$N}"``, ``slice-var-offset``): the ``$`` kept it unmatched, the loop's
  variable held nothing;
- an array item holding a variable or a substitution (bash(1) "Arrays": each value is expanded): ``RS[1]="$DR"``
  (``element-var``), ``RS[1]=$(cat FILE)`` (``element-subst``), ``RS=(<home> "$(cat FILE)")`` (``compound-subst``),
  ``RS=("$DR" <home>)`` in a loop's words (``loop-var-item``), ``printf -v 'RS[1]' %s "$(cat FILE)"``
  (``printf-element-subst``): each element held nothing;
- ``while read -r R || [ -n "$R" ]`` (``read-last-line``: the idiom that reads a last line without its newline) and
  ``while read -rd ';' R`` (``read-grouped-delim``: getopt's grouped ``-r -d``): the loop was not read, R unset;
- a function choosing its echo by ``if`` with a comment above it and in a branch (``branch-comment``): unknown, RES-011
  with both Regions at home (a false alarm); abroad it is RES-009 now (RES-011 before).

Ids ``mutation60-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; the home twin uses a second Region inside the
jurisdiction); ``mutation60-<code>-slice-var-offset-precise`` (the abroad item outside the slice: refused, the offset
not computed: a superset, fail closed).
tests/test_realistic_programs.py runs them as CASES (``mutation60-*``).
"""

from __future__ import annotations

from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows

# The same helpers as rounds 25-31 (one fact, one place): the DR copy, the Regions and the machines; quoting59's split
# of a Region into the parts a word is quoted in.
from platform_programs_mutation56 import _aws, _copy_to, _region
from platform_programs_quoting59 import _parts

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""

DR_FILE = "/etc/fleet/dr-region"
"""The file the script writes the DR Region to (read back by ``$(cat ...)``)."""


def _dr_file(code: str, where: str) -> str:
    return f"mkdir -p /etc/fleet\necho {_region(code, where)} > {DR_FILE}\n"


def element_parts(code: str, where: str) -> str:
    # bash(1) "Arrays": "name[subscript]=value"; "Quote Removal": the value is one word, its quotes removed.
    a, b, c = _parts(_region(code, where))
    return f'RS[0]={AWS_HOME[code]}\nRS[1]={a}"{b}"{c}\n{_copy_to(code, "${RS[1]}")}\n'


def compound_parts(code: str, where: str) -> str:
    # bash(1) "Arrays": "name=(value1 ... valuen)", each value a word.
    a, b, c = _parts(_region(code, where))
    return f'RS=({AWS_HOME[code]} "{a}"{b}{c})\nfor R in "${{RS[@]}}"; do\n  {_copy_to(code, "$R")}\ndone\n'


def loop_parts(code: str, where: str) -> str:
    # bash(1) "Compound Commands": "for name [ [ in [ word ... ] ] ; ] do list ; done".
    a, b, c = _parts(_region(code, where))
    return f"for R in {AWS_HOME[code]} {a}'{b}'{c}; do\n  {_copy_to(code, '$R')}\ndone\n"


def herestring_parts(code: str, where: str) -> str:
    # bash(1) "Here Strings": "<<< word ... The word undergoes ... quote removal".
    a, b, c = _parts(_region(code, where))
    return f'read -r R <<< "{a}"{b}{c}\n{_copy_to(code, "$R")}\n'


def slice_var_offset(code: str, where: str, first: str = "") -> str:
    # bash(1) "Substring Expansion": "offset and length are arithmetic expressions" (a variable among them).
    return (f"N=1\nRS=({first or AWS_HOME[code]} {_region(code, where)})\n"
            f'for R in "${{RS[@]:$N}}"; do\n  {_copy_to(code, "$R")}\ndone\n')  # fmt: skip


def element_var(code: str, where: str) -> str:
    # bash(1) "Arrays": the value of `name[subscript]=value` undergoes parameter expansion.
    return f'DR={_region(code, where)}\nRS[0]={AWS_HOME[code]}\nRS[1]="$DR"\n{_copy_to(code, "${RS[1]}")}\n'


def element_subst(code: str, where: str) -> str:
    # bash(1) "Command Substitution" in an element's value.
    return f"{_dr_file(code, where)}RS[0]={AWS_HOME[code]}\nRS[1]=$(cat {DR_FILE})\n{_copy_to(code, '${RS[1]}')}\n"


def compound_subst(code: str, where: str) -> str:
    # a compound assignment's item given by a command substitution, beside a literal one.
    return (f'{_dr_file(code, where)}RS=({AWS_HOME[code]} "$(cat {DR_FILE})")\n'
            f'for R in "${{RS[@]}}"; do\n  {_copy_to(code, "$R")}\ndone\n')  # fmt: skip


def loop_var_item(code: str, where: str) -> str:
    # a loop over an array one of whose items is a variable (bash(1) "Arrays": each value expanded).
    return (f'DR={_region(code, where)}\nRS=("$DR" {AWS_HOME[code]})\n'
            f'for R in "${{RS[@]}}"; do\n  {_copy_to(code, "$R")}\ndone\n')  # fmt: skip


def printf_element_subst(code: str, where: str) -> str:
    # bash(1) "printf": "-v var ... assigns the output to the variable var" (an element too).
    return f"{_dr_file(code, where)}printf -v 'RS[1]' '%s' \"$(cat {DR_FILE})\"\n{_copy_to(code, '${RS[1]}')}\n"


def read_last_line(code: str, where: str) -> str:
    # bash(1) "read": "The exit status is zero, unless end-of-file is encountered": a last line without its newline
    # is read into R with a non-zero status, so `|| [ -n "$R" ]` runs the body once more for it.
    return (f"printf '%s\\n%s' {AWS_HOME[code]} {_region(code, where)} > /etc/fleet-regions\n"
            f'while read -r R || [ -n "$R" ]; do\n  {_copy_to(code, "$R")}\ndone < /etc/fleet-regions\n')  # fmt: skip


def read_grouped_delim(code: str, where: str) -> str:
    # bash(1) "read": "-d delim The first character of delim is used to terminate the input line"; `-rd` is `-r -d`.
    return (f'LIST="{AWS_HOME[code]};{_region(code, where)};"\n'
            f"while read -rd ';' R; do\n  {_copy_to(code, '$R')}\ndone <<< \"$LIST\"\n")  # fmt: skip


def branch_comment(code: str, where: str) -> str:
    # bash(1) "Comments": "a word beginning with # causes that word and all remaining characters on that line to be
    # ignored"; "Compound Commands": the output of whichever branch runs.
    return (
        "dr_region() {\n  # the Region the nightly copy goes to\n  if [ -f /etc/fleet/failover ]; then  # failed over\n"
        f"    echo {AWS_HOME[code]}\n  else\n    # the usual DR Region\n    echo {_region(code, where)}\n  fi\n}}\n"
        f"{_copy_to(code, '$(dr_region)')}\n"
    )


REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "element-parts": (_aws(element_parts), REGION, AWS_CODES),
    "compound-parts": (_aws(compound_parts), REGION, AWS_CODES),
    "loop-parts": (_aws(loop_parts), REGION, AWS_CODES),
    "herestring-parts": (_aws(herestring_parts), REGION, AWS_CODES),
    "slice-var-offset": (_aws(slice_var_offset), REGION, AWS_CODES),
    "element-var": (_aws(element_var), REGION, AWS_CODES),
    "element-subst": (_aws(element_subst), REGION, AWS_CODES),
    "compound-subst": (_aws(compound_subst), REGION, AWS_CODES),
    "loop-var-item": (_aws(loop_var_item), REGION, AWS_CODES),
    "printf-element-subst": (_aws(printf_element_subst), REGION, AWS_CODES),
    "read-last-line": (_aws(read_last_line), REGION, AWS_CODES),
    "read-grouped-delim": (_aws(read_grouped_delim), REGION, AWS_CODES),
    "branch-comment": (_aws(branch_comment), REGION, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def _abroad_first(code: str, _where: str) -> str:
    # The item abroad first, outside the slice (`:$N` with N=1 gives the home Region): the offset is not computed, so
    # every item is judged (a superset: fail closed).
    return slice_var_offset(code, "home", first=_region(code, "abroad"))


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation60", KINDS)
    for code in ("EU", "US"):
        build = _aws(_abroad_first)(code, "home")
        out.append((f"mutation60-{code.lower()}-slice-var-offset-precise", code, build, REGION, []))
    return out
