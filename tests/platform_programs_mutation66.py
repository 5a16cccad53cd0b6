"""Mutation search, round 37: stop 65's readings spelled another way (stop 66, issue 9: mutation66).

Round 37 mutated the realistic programs stop 65 added (mutation65, scripts65, scripts65b, config65, config65b,
awsred65, k8s65, k8s65b, falsealarm65, falsealarm65b, alired65) with the mutants tool, then stop 65's readings by hand
(``RuleEngine(code).check`` and ``tests/test_scripts.findings`` of EC2 user data, a scratch probe kept out of the
tree): docs/residency.md "Mutation search, round 37 (stop 66)". Reproduced on the unchanged engine (main d207e72e):

- a ``for`` loop written without ``in`` (bash(1) "Compound Commands": "If the in word is omitted, the for command
  executes list once for each positional parameter that is set"): ``for r; do`` after ``set --`` (``for-implicit-set``)
  and in a function over its call's words (``for-implicit-function``, ``for r`` then ``do`` on the next line:
  ``for-implicit-newline``): no loop was found, the Region abroad passed every door;
- an unquoted variable among ``set --``'s or a call's words (bash(1) "Word Splitting"): ``RS="<home> <abroad>"; set
  -- $RS`` then ``--region "$2"`` (``set-split-position``), ``copy $RS`` and the body's ``"$2"``
  (``call-split-position``), ``IFS=,`` before ``set -- $RS`` (``ifs-set-split-position``), a call given ``$(cat
  FILE)`` unquoted (``call-substitution-position``): ``$2`` held nothing;
- bash's ``exec -a NAME COMMAND`` (bash(1) "Shell Builtin Commands": "exec [-cl] [-a name] [command [arguments]]",
  ``exec-a``): ``NAME`` was read as the command;
- a function looping over its ``$1`` given one quoted word holding blanks (``copy "<home> <abroad>"``,
  ``function-word-loop``) or, under the function's ``local IFS=,``, commas (``function-local-ifs``);
- a command in a double-quoted command substitution (bash(1) "Command Substitution"; the substitution runs its
  command, quoted or not): ``ID="$(aws ec2 copy-snapshot ... --region <abroad> ...)"`` (``quoted-substitution``),
  backquoted (``quoted-backquote``), and the Datadog Agent's key read by ``-eDD_API_KEY="$(aws secretsmanager
  get-secret-value --region <abroad> ...)"`` (``secret-substitution``, falsealarm65b's program): each passed every
  door, where the same substitution unquoted was refused; ``psql-substitution-partner`` (RES-015);
- a kustomization remote target whose host is written with the root's trailing dot (``kubectl apply -k
  'collector.example.com./org/repo/...'``, ``kustomize-host-dot``: read as a local directory).

Ids ``mutation66-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN EC2 instances; the home twin uses a second Region
inside the jurisdiction), ``mutation66-<code>-psql-substitution-partner`` and ``-kustomize-host-dot`` (RES-015). On
d207e72e: every refused row a leak (passed every door), no false alarm, no wrong rule.
tests/test_realistic_programs.py runs them as CASES (``mutation66-*``).
"""

from __future__ import annotations

from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows

# The same helpers as rounds 25-36 (one fact, one place): the Regions, the machine, the copy (mutation56, mutation63,
# mutation64), the Datadog Agent's run line (falsealarm65b).
from platform_programs_agents62 import HOME_SITE, declared
from platform_programs_falsealarm65b import dd_run_secret
from platform_programs_mutation56 import _aws, _region
from platform_programs_mutation63 import _copy

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""


def _to(code: str, region: str) -> str:
    """The nightly copy to ``region`` (``aws ec2 copy-snapshot``: the copy is made in ``--region``)."""
    return " ".join(_copy(code, region))


def _pair(code: str, where: str, sep: str = " ") -> str:
    # The Regions the copy goes to: the stack's own, then the one judged (a second home one, or abroad).
    return f"{AWS_HOME[code]}{sep}{_region(code, where)}"


SECOND = '"$2"'
"""The second positional parameter, quoted."""


def for_implicit_set(code: str, where: str) -> str:
    return f"set -- {_pair(code, where)}\nfor r; do\n  {_to(code, '$r')}\ndone\n"


def for_implicit_function(code: str, where: str) -> str:
    return f"copy_all() {{\n  for r; do {_to(code, '$r')}; done\n}}\ncopy_all {_pair(code, where)}\n"


def for_implicit_newline(code: str, where: str) -> str:
    copy = _to(code, '"$r"')
    return f"copy_all() {{\n  for r\n  do\n    {copy}\n  done\n}}\ncopy_all {_pair(code, where)}\n"


def set_split_position(code: str, where: str) -> str:
    return f'RS="{_pair(code, where)}"\nset -- $RS\n{_to(code, SECOND)}\n'


def call_split_position(code: str, where: str) -> str:
    return f'RS="{_pair(code, where)}"\ncopy_second() {{\n  {_to(code, SECOND)}\n}}\ncopy_second $RS\n'


def ifs_set_split_position(code: str, where: str) -> str:
    return f'RS="{_pair(code, where, ",")}"\nIFS=,\nset -- $RS\n{_to(code, SECOND)}\n'


def call_substitution_position(code: str, where: str) -> str:
    # the Regions a deploy step wrote, read back unquoted as the call's words
    return (
        f"printf '%s %s\\n' {_pair(code, where)} > /etc/fleet/dr-regions\n"
        f"copy_second() {{\n  {_to(code, SECOND)}\n}}\ncopy_second $(cat /etc/fleet/dr-regions)\n"
    )


def exec_a(code: str, where: str) -> str:
    # bash's `exec -a NAME` (the process's name in ps), the last step of the boot script
    return f"exec -a fleet-dr {_to(code, _region(code, where))}\n"


def function_word_loop(code: str, where: str) -> str:
    return f'copy_all() {{\n  for r in $1; do {_to(code, "$r")}; done\n}}\ncopy_all "{_pair(code, where)}"\n'


def function_local_ifs(code: str, where: str) -> str:
    return (
        f"copy_all() {{\n  local IFS=,\n  for r in $1; do {_to(code, '$r')}; done\n}}\n"
        f'copy_all "{_pair(code, where, ",")}"\n'
    )


def quoted_substitution(code: str, where: str) -> str:
    copy = _to(code, _region(code, where))
    return f'ID="$({copy} --query SnapshotId --output text)"\necho "copy $ID started"\n'


def quoted_backquote(code: str, where: str) -> str:
    copy = _to(code, _region(code, where))
    return f'ID="`{copy} --query SnapshotId --output text`"\necho "copy $ID started"\n'


def secret_substitution(code: str, where: str) -> str:
    # falsealarm65b's Agent: the key read from Secrets Manager in a double-quoted substitution, the market's own site
    # (declared, as there)
    return dd_run_secret(HOME_SITE[code]).replace("@R@", _region(code, where))


REGION = {"RES-009"}
HOST = {"RES-015"}

KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "for-implicit-set": (_aws(for_implicit_set), REGION, ("EU", "US")),
    "for-implicit-function": (_aws(for_implicit_function), REGION, ("JP", "CN")),
    "for-implicit-newline": (_aws(for_implicit_newline), REGION, ("EU",)),
    "set-split-position": (_aws(set_split_position), REGION, ("EU", "US")),
    "call-split-position": (_aws(call_split_position), REGION, ("JP", "CN")),
    "ifs-set-split-position": (_aws(ifs_set_split_position), REGION, ("EU",)),
    "call-substitution-position": (_aws(call_substitution_position), REGION, ("EU", "US")),
    "exec-a": (_aws(exec_a), REGION, ("US", "JP")),
    "function-word-loop": (_aws(function_word_loop), REGION, ("EU", "US")),
    "function-local-ifs": (_aws(function_local_ifs), REGION, ("JP", "EU")),
    "quoted-substitution": (_aws(quoted_substitution), REGION, AWS_CODES),
    "quoted-backquote": (_aws(quoted_backquote), REGION, ("EU", "CN")),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def _fixed(script: Callable[[str], str]) -> Callable[[str, str], str]:
    return lambda code, _where: script(code)


def psql_substitution_partner(_code: str) -> str:
    return 'N="$(psql -h reports-db.partner.example.com -U fleet -tAc \'select count(*) from jobs\')"\necho "$N"\n'


def kustomize_host_dot(_code: str) -> str:
    return "kubectl apply -k 'collector.example.com./fleet-platform/cluster-addons/overlays/prod?ref=v1.4.0'\n"


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation66", KINDS)
    for code in ("JP", "EU"):  # the site declared (the market's own), the key's Region judged
        site = [declared(code, HOME_SITE[code])]
        for where, rules in (("home", set()), ("abroad", REGION)):
            build = _aws(secret_substitution)(code, where)
            out.append((f"mutation66-{code.lower()}-secret-substitution-{where}", code, build, rules, site))
    for code in ("EU", "US"):
        partner = _aws(_fixed(psql_substitution_partner))(code, "abroad")
        out.append((f"mutation66-{code.lower()}-psql-substitution-partner", code, partner, HOST, []))
    for code in ("EU", "CN"):
        remote = _aws(_fixed(kustomize_host_dot))(code, "abroad")
        out.append((f"mutation66-{code.lower()}-kustomize-host-dot", code, remote, HOST, []))
    return out
