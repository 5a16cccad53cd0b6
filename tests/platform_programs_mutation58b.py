"""Mutation search, round 29: stop 58's readers spelled another way (stop 58, issue 9: mutation58b).

Round 29 mutated the stop-58 first-wave table programs (scripts58, config58, fnros58, awsred58, alired58,
falsealarm58, mutation58) with the mutants tool, and stop 58's shell readers by hand (``RuleEngine(code).check`` of
EC2 user data, a scratch probe kept out of the tree; docs/residency.md "Mutation search, round 29 (stop 58)").
Reproduced on the unchanged engine (main 290bcb02), each ``-abroad`` program passing every door with a Region abroad:

- a substring expansion whose offset or length is an arithmetic expression (bash(1) "Substring Expansion": "offset
  and length are arithmetic expressions"): ``${DR_TARGET:1+2}``, ``${T:0-9}``, ``${T:(3)}`` were left unread (literal
  numbers only);
- ``read -d , DR < <(LIST)``: a process substitution was read without ``-d`` only;
- an operation on an array's element (``${RS[1]:3}``, ``${RS[$i]#dr-}``, ``${RS[1],,}``): the element use was not
  seen (no element held);
- ``mapfile -d '' RS < <(printf '%s\\0' ...)`` looped over with ``"${RS[@]}"``: printf's ``\\0`` as the evaluator
  writes it (two characters) was no separator, one word, nothing judged.

- an Elasticsearch reindex whitelist's fixed host with any port (``es.<partner>:*``, ``[2001:db8::25]:*``; Elastic's
  own example is ``localhost:*``): ``host:*`` was no host shape, judged as written, nothing refused (``host:9200`` was
  RES-015 since stop 57).

And a false alarm: a pipe stage ``grep -v -e '^<home>$'`` (grep's pattern by ``-e``) was no line selection, so the
home twin (a second Region inside the jurisdiction) was RES-011 (and the ``-abroad`` one RES-011 too); now each line
is a value (``-home`` passes, ``-abroad`` is RES-009).

Ids ``mutation58b-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; the home twin uses a second Region inside the
jurisdiction) and ``mutation58b-<code>-es-reindex-any-port-<partner|partner-declared|ipv6-public|partner-beside-vpc|vpc|
ipv6-private>`` (Alibaba Cloud CN / JP / DE). tests/test_realistic_programs.py runs them as CASES (``mutation58b-*``).
"""

from __future__ import annotations

from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_alired58 import OWN_ADDRESS, PARTNER_ZONE, PARTNER_ZONE_DECLARED, _es_settings

# The same helpers as rounds 25-28 (one fact, one place): the DR copy, the Regions and the machines.
from platform_programs_mutation56 import _aws, _copy_to, _region

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs (alired58's Elasticsearch instance)."""


def substring_arithmetic(code: str, where: str) -> str:
    # bash(1) "Substring Expansion": "length and offset are arithmetic expressions".
    return f"DR_TARGET=dr:{_region(code, where)}\n{_copy_to(code, '${DR_TARGET:1+2}')}\n"


def read_delimited_process(code: str, where: str) -> str:
    # bash(1) "read": "-d delim The first character of delim is used to terminate the input line"; the input a
    # process substitution ("Process Substitution": `<(list)`).
    return (f"read -r -d , DR < <(printf '%s,%s' {_region(code, where)} {AWS_HOME[code]}) || true\n"
            f"{_copy_to(code, '$DR')}\n")  # fmt: skip


def element_operation(code: str, where: str) -> str:
    # bash(1) "Parameter Expansion": parameter may be an array reference; `${RS[1]:3}` the element's substring.
    return f"RS=(dr:{AWS_HOME[code]} dr:{_region(code, where)})\n{_copy_to(code, '${RS[1]:3}')}\n"


def mapfile_nul_loop(code: str, where: str) -> str:
    # bash(1) "mapfile": "If delim is the empty string, mapfile will terminate a line when it reads a NUL character".
    return (f"mapfile -t -d '' RS < <(printf '%s\\0' {AWS_HOME[code]} {_region(code, where)})\n"
            f'for r in "${{RS[@]}}"; do\n  {_copy_to(code, "$r")}\ndone\n')  # fmt: skip


def grep_pattern_option(code: str, where: str) -> str:
    # grep(1): "-e PATTERNS, --regexp=PATTERNS Use PATTERNS as the patterns"; "-v Invert the sense of matching".
    return (f"DR=$(printf '%s\\n' {AWS_HOME[code]} {_region(code, where)} | grep -v -e '^{AWS_HOME[code]}$')\n"
            f"{_copy_to(code, '$DR')}\n")  # fmt: skip


REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "substring-arithmetic": (_aws(substring_arithmetic), REGION, AWS_CODES),
    "read-delimited-process": (_aws(read_delimited_process), REGION, AWS_CODES),
    "element-operation": (_aws(element_operation), REGION, AWS_CODES),
    "mapfile-nul-loop": (_aws(mapfile_nul_loop), REGION, AWS_CODES),
    "grep-pattern-option": (_aws(grep_pattern_option), REGION, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


# Elastic, "Reindex from remote": reindex.remote.whitelist "can be set to a comma delimited list of allowed remote host
# and port combinations ... localhost:*": a fixed host with any port is that host.
ANY_PORT: dict[str, tuple[str, set[str], list[dict[str, str]]]] = {
    "partner": (f"es.{PARTNER_ZONE}:*", {"RES-015"}, []),
    "partner-declared": (f"es.{PARTNER_ZONE}:*", set(), [PARTNER_ZONE_DECLARED]),
    "ipv6-public": ("[2001:db8::25]:*", {"RES-015"}, []),
    "partner-beside-vpc": (f"{OWN_ADDRESS}:9200, es.{PARTNER_ZONE}:*", {"RES-015"}, []),
    "vpc": (f"{OWN_ADDRESS}:*", set(), []),
    "ipv6-private": ("[fd00::25]:*", set(), []),
}
"""A reindex whitelist's fixed host with any port: the pattern, the rules it breaks, its declared destinations."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation58b", KINDS)
    for code in ALI_CODES:
        out += [(f"mutation58b-{code.lower()}-es-reindex-any-port-{name}", code, _es_settings(pattern), rules, declared)
                for name, (pattern, rules, declared) in ANY_PORT.items()]  # fmt: skip
    return out
