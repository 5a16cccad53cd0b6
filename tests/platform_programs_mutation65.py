"""Mutation search, round 36: stop 64's readings spelled another way (stop 65, issue 9: mutation65).

Round 36 mutated the realistic programs stop 64 added (mutation64, scripts64, config64, awsred64, k8s64, falsealarm64,
alired64) with the mutants tool, then stop 64's readings by hand (``RuleEngine(code).check`` and
``tests/test_scripts.findings`` of EC2 user data, a scratch probe kept out of the tree): docs/residency.md "Mutation
search, round 36 (stop 65)". Reproduced on the unchanged engine (main bc352e13):

- a command run under the util-linux / coreutils wrappers a boot script uses (setsid(1) "setsid [options] program
  [arguments]", stdbuf(1) "stdbuf OPTION... COMMAND", ionice(1) "ionice [-c class] [-n level] [-t] command",
  taskset(1) "taskset [options] mask command", flock(1) "flock [options] file|directory command [arguments]" and
  "flock [options] file|directory -c command"): ``setsid``, ``stdbuf``, ``ionice``, ``taskset``, ``flock-command``,
  ``flock-c`` passed every door abroad (no listed command: nothing read);
- xargs running a shell per item (``printf ... | xargs -I{} sh -c '<copy> --region {}'``, ``xargs-sh-c``: the
  expanded command was written with the shell's text unquoted, its first word alone read as the line), given its count
  as ``--max-args 1`` (``xargs-max-args``; findutils "Invoking xargs": "--max-args=max-args, -n max-args", getopt_long
  takes the next word), fed items one of which is a command substitution (``printf '%s\\n' $(echo <home> | sed ...)
  <second> | xargs -I{} ...``, ``xargs-substituted-item``; ``$(cat /etc/fleet/dr_region)``, ``xargs-unknown-item``,
  RES-011: the words were cut at the substitution's ``$(`` and no echo was found), or run by ``eval`` (``eval "printf
  ... | xargs ..."``, ``eval-xargs``): each passed every door abroad;
- the OpenTelemetry Collector's ``site: ${env:DD_SITE:-}`` / ``${env:DD_SITE:-<site>}`` with no ``DD_SITE`` anywhere
  ("A default value for unset variable can be provided after :- suffix", opentelemetry-collector PR 10907):
  ``otel-env-default-empty`` (the exporter's US1 default) and ``otel-env-default-site-abroad`` passed every door.

Ids ``mutation65-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN EC2 instances; the home twin uses a second Region
inside the jurisdiction) and the Collector rows (RES-015, and ``-declared``, which passes); ``flock-psql-partner``: a
``-c`` of the command flock runs is that command's (psql's host read). On bc352e13: 28 leaks (every refused row), no
false alarm, no wrong rule.
tests/test_realistic_programs.py runs them as CASES (``mutation65-*``).
"""

from __future__ import annotations

from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows

# The same helpers as rounds 25-35 (one fact, one place): the Regions, the machine, the copy (mutation56, mutation63,
# mutation64), the Collector's file (config64), the market's Datadog site and its declaration (agents62).
from platform_programs_agents62 import HOME_SITE, declared
from platform_programs_config64 import otel_datadog
from platform_programs_mutation53 import AWS_SECOND
from platform_programs_mutation56 import _aws, _region
from platform_programs_mutation63 import _copy
from platform_programs_mutation64 import _line

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
LOCK = "/var/lock/fleet-dr.lock"
"""The lock file the nightly copy holds (flock(1): "Manage flock(2) locks from within shell scripts")."""


def _xargs(code: str) -> str:
    # The copy with xargs' replace string in the Region's place (findutils "Invoking xargs": "-I replace-str").
    return " ".join(_copy(code, "{}"))


def _items(code: str, where: str) -> str:
    # The Regions the copy goes to: the stack's second Region, then the one judged (a second home one, or abroad).
    return f"{AWS_SECOND[code]} {_region(code, where)}"


def setsid(code: str, where: str) -> str:
    return f"setsid {_line(code, where)} > /var/log/fleet-dr.log 2>&1 < /dev/null &\n"


def stdbuf(code: str, where: str) -> str:
    return f"stdbuf -oL -eL {_line(code, where)} | tee -a /var/log/fleet-dr.log\n"


def ionice(code: str, where: str) -> str:
    return f"ionice -c2 -n7 {_line(code, where)}\n"


def taskset(code: str, where: str) -> str:
    return f"taskset -c 1 {_line(code, where)}\n"


def flock_command(code: str, where: str) -> str:
    return f"flock -n {LOCK} {_line(code, where)}\n"


def flock_c(code: str, where: str) -> str:
    return f"flock -w 600 {LOCK} -c '{_line(code, where)}'\n"


def xargs_sh_c(code: str, where: str) -> str:
    return f"printf '%s\\n' {_items(code, where)} | xargs -I{{}} sh -c '{_xargs(code)} || true'\n"


def xargs_max_args(code: str, where: str) -> str:
    return f"echo {_items(code, where)} | xargs --max-args 1 {' '.join(_copy(code, '')).rstrip()}\n"


def xargs_substituted_item(code: str, where: str) -> str:
    # The Region abroad computed by the deploy tooling (a sed of the stack's own), the second written.
    first, target = AWS_HOME[code], _region(code, where)
    items = f"$(echo {first} | sed 's/{first}/{target}/') {AWS_SECOND[code]}"
    return f"printf '%s\\n' {items} | xargs -I{{}} {_xargs(code)}\n"


def eval_xargs(code: str, where: str) -> str:
    return f"eval \"printf '%s\\n' {_items(code, where)} | xargs -I{{}} {_xargs(code)}\"\n"


def xargs_unknown_item(code: str) -> str:
    return f"printf '%s\\n' $(cat /etc/fleet/dr_region) {AWS_SECOND[code]} | xargs -I{{}} {_xargs(code)}\n"


def flock_psql_partner(_code: str) -> str:
    # A `-c` of the command flock runs is that command's (psql's SQL), not flock's line: psql's host is read.
    return f"flock -n {LOCK} psql -h reports-db.partner.example.com -U fleet -c 'select 1'\n"


REGION = {"RES-009"}
HOST = {"RES-015"}
UNKNOWN = {"RES-011"}

KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "setsid": (_aws(setsid), REGION, ("EU", "CN")),
    "stdbuf": (_aws(stdbuf), REGION, ("US",)),
    "ionice": (_aws(ionice), REGION, ("JP",)),
    "taskset": (_aws(taskset), REGION, ("EU",)),
    "flock-command": (_aws(flock_command), REGION, ("EU", "US")),
    "flock-c": (_aws(flock_c), REGION, AWS_CODES),
    "xargs-sh-c": (_aws(xargs_sh_c), REGION, ("EU", "US", "CN")),
    "xargs-max-args": (_aws(xargs_max_args), REGION, ("EU", "JP")),
    "xargs-substituted-item": (_aws(xargs_substituted_item), REGION, ("EU", "US", "CN")),
    "eval-xargs": (_aws(eval_xargs), REGION, ("EU", "CN")),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""

ABROAD_SITE = "us5.datadoghq.com"
"""A Datadog site outside the EU (US5)."""


def _fixed(script: Callable[[str], str]) -> Callable[[str, str], str]:
    return lambda code, _where: script(code)


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation65", KINDS)
    for code in ("EU", "US"):
        unknown = _aws(_fixed(xargs_unknown_item))(code, "abroad")
        out.append((f"mutation65-{code.lower()}-xargs-unknown-item", code, unknown, UNKNOWN, []))
    partner = _aws(_fixed(flock_psql_partner))("EU", "abroad")
    out.append(("mutation65-eu-flock-psql-partner", "EU", partner, HOST, []))
    empty = _fixed(lambda _c: otel_datadog("${env:DD_SITE:-}"))
    for code in ("EU", "US", "JP"):
        out.append((f"mutation65-{code.lower()}-otel-env-default-empty", code, _aws(empty)(code, "home"), HOST, []))
    us1 = [declared("US", HOME_SITE["US"])]
    out.append(("mutation65-us-otel-env-default-empty-declared", "US", _aws(empty)("US", "home"), set(), us1))
    abroad = _aws(_fixed(lambda _c: otel_datadog(f"${{env:DD_SITE:-{ABROAD_SITE}}}")))("EU", "abroad")
    out.append(("mutation65-eu-otel-env-default-site-abroad", "EU", abroad, HOST, []))
    home = _aws(_fixed(lambda _c: otel_datadog(f"${{env:DD_SITE:-{HOME_SITE['EU']}}}")))("EU", "home")
    eu1 = [declared("EU", HOME_SITE["EU"])]
    out.append(("mutation65-eu-otel-env-default-site-declared", "EU", home, set(), eu1))
    return out
