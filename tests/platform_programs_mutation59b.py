"""Mutation search, round 31: stop 59's readers spelled another way (stop 59, issue 9: mutation59b).

Round 31 mutated this stop's table programs (scripts59, config59, fnros59, awsred59, alired59, falsealarm59,
mutation59) with the mutants tool, and stop 59's readers by hand (``RuleEngine(code).check`` of EC2 user data and of
CloudFormation stacks, a scratch probe kept out of the tree; docs/residency.md "Mutation search, round 31 (stop 59)").
Reproduced on the unchanged engine (main a15e0128), each ``-abroad`` program below passing every door with a Region
abroad:

- ``for R in "${RS[@]:-2:1}"`` (``slice-default``): bash reads ``:-`` as the default expansion (bash(1) "Substring
  Expansion": "a negative offset must be separated from the colon by at least one space to avoid being confused with
  the :- expansion"), so every item is given; the reader took it as the offset -2 (the first of two items, home);
- ``for R in "${RS[@]: -1}"`` (``slice-last-blank``): the loop's words were split at the blank inside the quotes, so
  R held nothing;
- ``DR="${RS[@]:1}"`` / ``DR="${RS[@]:(-1)}"`` (``slice-assign``, ``slice-assign-paren``): an assignment of an
  array's slice held nothing (the slice was read in a command's argument and a loop's words only);
- ``IFS=, read -ra RS <<< "$LIST"`` (``read-grouped``): the array reader's gate looked for ``-a`` alone, so the
  grouped ``-ra`` (getopt's ``-r -a``) left ``${RS[1]}`` unread;
- ``while read -r -d \\; R`` (``read-delim-backslash``): the delimiter written with a backslash (bash(1) "QUOTING":
  the backslash "preserves the literal value of the next character") was not read as ``;``;
- Fluent Bit's ``Host ${LOG_SINK}`` in a quoted here-document, the variable given by a file a systemd drop-in's
  ``EnvironmentFile=`` names (``fluent-bit-env-file-partner``, RES-015): config59 read ``Environment=`` lines only,
  so the partner's collector passed every door (the VPC's collector, ``-own``, passes).

Ids ``mutation59b-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; the home twin uses a second Region inside the
jurisdiction), ``mutation59b-<code>-fluent-bit-env-file-<partner|own>`` and ``mutation59b-<code>-<kind>-precise``
(the abroad item outside the slice: passes, in EU and US).
tests/test_realistic_programs.py runs them as CASES (``mutation59b-*``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_config58 import heredoc

# The same helpers as rounds 25-30 (one fact, one place): the DR copy, the Regions and the machines.
from platform_programs_mutation56 import _aws, _copy_to, _region

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""


def slice_default(code: str, where: str) -> str:
    # bash(1) "Parameter Expansion": `${parameter:-word}` "If parameter is unset or null, the expansion of word is
    # substituted. Otherwise, the value of parameter is substituted" (of `RS[@]`: every item).
    return (f"RS=({AWS_HOME[code]} {_region(code, where)})\n"
            f'for R in "${{RS[@]:-2:1}}"; do\n  {_copy_to(code, "$R")}\ndone\n')  # fmt: skip


def slice_last_blank(code: str, where: str, first: str = "") -> str:
    # bash(1) "Substring Expansion": "If parameter is an indexed array name subscripted by @ or *, the result is the
    # length members of the array beginning with ${parameter[offset]}. A negative offset is taken relative to one
    # greater than the maximum index".
    return (f"RS=({first or AWS_HOME[code]} {_region(code, where)})\n"
            f'for R in "${{RS[@]: -1}}"; do\n  {_copy_to(code, "$R")}\ndone\n')  # fmt: skip


def slice_assign(code: str, where: str, first: str = "") -> str:
    # the same slice assigned to a variable (bash(1) "Parameter Expansion" in an assignment's word).
    return f'RS=({first or AWS_HOME[code]} {_region(code, where)})\nDR="${{RS[@]:1}}"\n{_copy_to(code, "$DR")}\n'


def slice_assign_paren(code: str, where: str) -> str:
    # "offset and length are arithmetic expressions": `(-1)` needs no blank.
    return f'RS=({AWS_HOME[code]} {_region(code, where)})\nDR="${{RS[@]:(-1)}}"\n{_copy_to(code, "$DR")}\n'


def read_grouped(code: str, where: str) -> str:
    # bash(1) "read": "-a aname The words are assigned to sequential indices of the array variable aname"; options
    # grouped as getopt reads them (`-ra` is `-r -a`).
    return (f'LIST="{AWS_HOME[code]},{_region(code, where)}"\nIFS=, read -ra RS <<< "$LIST"\n'
            f"{_copy_to(code, '${RS[1]}')}\n")  # fmt: skip


def read_delim_backslash(code: str, where: str) -> str:
    # bash(1) "read": "-d delim The first character of delim is used to terminate the input line"; "QUOTING": "A
    # non-quoted backslash (\\) ... preserves the literal value of the next character".
    return (f'LIST="{AWS_HOME[code]};{_region(code, where)};"\n'
            f'while read -r -d \\; R; do\n  {_copy_to(code, "$R")}\ndone <<< "$LIST"\n')  # fmt: skip


REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "slice-default": (_aws(slice_default), REGION, AWS_CODES),
    "slice-last-blank": (_aws(slice_last_blank), REGION, AWS_CODES),
    "slice-assign": (_aws(slice_assign), REGION, AWS_CODES),
    "slice-assign-paren": (_aws(slice_assign_paren), REGION, AWS_CODES),
    "read-grouped": (_aws(read_grouped), REGION, AWS_CODES),
    "read-delim-backslash": (_aws(read_delim_backslash), REGION, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


PARTNER = "logs.partner-analytics.com"
"""A third party's log collector (nothing proves where it is)."""
OWN = "10.0.3.20"
"""The VPC's own collector."""


def fluent_bit_env_file(host: str) -> str:
    """Fluent Bit's ``Host ${LOG_SINK}`` ("Configuration Variables": ``${MY_VARIABLE}`` read from the environment), the
    variable in a file a drop-in's ``EnvironmentFile=`` names (systemd.exec(5): "reads the environment variables from a
    text file"), the service restarted."""
    output = "[OUTPUT]\n    Name  forward\n    Match *\n    Host  ${LOG_SINK}\n    Port  24224\n"
    unit = "[Service]\nEnvironmentFile=-/etc/fleet/log-sink.env\n"
    return (
        heredoc("/etc/fluent-bit/fluent-bit.conf", output)
        + heredoc("/etc/fleet/log-sink.env", f"LOG_SINK={host}\n")
        + heredoc("/etc/systemd/system/fluent-bit.service.d/sink.conf", unit)
        + "systemctl daemon-reload\nsystemctl restart fluent-bit\n"
    )


def _env_file_script(host: str, _code: str, _where: str) -> str:
    return fluent_bit_env_file(host)


def _precise(script: Callable[..., str], code: str) -> Build:
    # The item abroad first, outside the slice (`: -1` / `:1` give the home Region): the slice is read, not the array.
    return _aws(lambda _code, _where: script(code, "home", first=_region(code, "abroad")))(code, "home")


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation59b", KINDS)
    for code in AWS_CODES:
        for who, host, expected in (("partner", PARTNER, {"RES-015"}), ("own", OWN, set())):
            build = _aws(functools.partial(_env_file_script, host))(code, "home")
            out.append((f"mutation59b-{code.lower()}-fluent-bit-env-file-{who}", code, build, expected, []))
    for code in ("EU", "US"):
        for name, script in (("slice-last-blank", slice_last_blank), ("slice-assign", slice_assign)):
            out.append((f"mutation59b-{code.lower()}-{name}-precise", code, _precise(script, code), set(), []))
    return out
