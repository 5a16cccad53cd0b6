"""Mutation search, round 30: stop 58's readers spelled another way, round 2 (stop 59, issue 9: mutation59).

Round 30 mutated the stop-58 second-wave table programs (awsred58b, falsealarm58b, scripts58b, mutation58b) and
mutation58 with the mutants tool, and stop 58's readers by hand (``RuleEngine(code).check`` of EC2 user data, of
CloudFormation stacks and of an Alibaba Cloud Elasticsearch instance, a scratch probe kept out of the tree;
docs/residency.md "Mutation search, round 30 (stop 59)"). Reproduced on the unchanged engine (main 8801eb8a), each
``-abroad`` / ``-partner`` program below passing every door with a Region abroad or a partner's host:

- ``readarray -t RS < <(cmd)`` then ``"${RS[1]}"``: ``readarray`` starts with ``read`` and was read as ``read -a``
  (the first line's words), not as ``mapfile`` (bash(1): "readarray ... A synonym for mapfile");
- an operation on a positional parameter (``${1:6}``, ``${1#fleet-}`` in a function): unread (variables only);
- ``: "${DR:=$B}"`` then ``"$DR"``: the assignment of a default word that is another variable was not read (a literal
  word was, since mutation54); inside a function body not even a literal word (``: "${DR:=<abroad>}"``): the variable
  held nothing;
- ``read -r -N 9 R < FILE`` / ``read -r -n 9 R < <(cmd)``: read's counts were read of a here-string or a
  here-document only;
- ``read -r -d : R <<EOF`` (the delimiter in the document's first line): ``-d`` was not read of a here-document;
- an rsyslog / syslog-ng include inside an included file (``include(file=...)`` naming a file whose ``$IncludeConfig``
  names the forwarding file): one level of includes was read;
- the Datadog Agent's ``site: ""`` (or ``DD_SITE=`` empty in a unit drop-in) beside its API key, the agent restarted:
  an empty setting counted as set, but the Agent sends to its default site then (datadog-agent
  pkg/config/utils/endpoints.go ``GetMainEndpoint``: ``else if c.GetString("site") != ""``, else ``DefaultSite``).

Ids ``mutation59-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; the home twin uses a second Region inside the
jurisdiction), ``mutation59-<code>-<rsyslog|syslog-ng>-nested-<partner|own>`` and
``mutation59-<code>-datadog-<site-empty|dd-site-empty>-<us|declared>`` (the default site, RES-015, and declared).
tests/test_realistic_programs.py runs them as CASES (``mutation59-*``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_config58 import DEFAULT_SITE, declared, heredoc

# The same helpers as rounds 25-29 (one fact, one place): the DR copy, the Regions and the machines.
from platform_programs_mutation56 import _aws, _copy_to, _region

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
PARTNER = "logs.partner-analytics.com"
"""A third party's log collector (nothing proves where it is)."""
OWN = "10.0.3.20"
"""The VPC's own collector."""


def readarray_lines(code: str, where: str) -> str:
    # bash(1) "mapfile": "Read lines from the standard input into the indexed array variable"; "readarray ... A
    # synonym for mapfile".
    return (f"readarray -t RS < <(printf '%s\\n' {AWS_HOME[code]} {_region(code, where)})\n"
            f"{_copy_to(code, '${RS[1]}')}\n")  # fmt: skip


def positional_substring(code: str, where: str) -> str:
    # bash(1) "Parameter Expansion": `${parameter:offset}` of any parameter, a positional one too.
    return f"copy_dr() {{\n  {_copy_to(code, '${1:3}')}\n}}\ncopy_dr dr:{_region(code, where)}\n"


def positional_operation(code: str, where: str) -> str:
    # bash(1) "Parameter Expansion": `${parameter#word}` "the shortest matching pattern deleted" from the beginning.
    return f"copy_dr() {{\n  {_copy_to(code, '${1#dr-}')}\n}}\ncopy_dr dr-{_region(code, where)}\n"


def default_assign_variable(code: str, where: str) -> str:
    # bash(1) "Parameter Expansion": `${parameter:=word}` "the expansion of word is assigned to parameter".
    return f'FALLBACK={_region(code, where)}\n: "${{DR_REGION:=$FALLBACK}}"\n{_copy_to(code, "$DR_REGION")}\n'


def default_assign_function(code: str, where: str) -> str:
    # the same expansion inside a function body (bash(1) "Shell Function Definitions": the body runs at each call).
    return (f'copy_dr() {{\n  : "${{DR_REGION:={_region(code, where)}}}"\n  {_copy_to(code, "$DR_REGION")}\n}}\n'
            "copy_dr\n")  # fmt: skip


def read_count_file(code: str, where: str) -> str:
    # bash(1) "read": "-N nchars read returns after reading exactly nchars characters"; the input a file.
    region = _region(code, where)
    return (f'mkdir -p /etc/fleet\necho "{region}-dr" > /etc/fleet/dr\nread -r -N {len(region)} DR < /etc/fleet/dr\n'
            f"{_copy_to(code, '$DR')}\n")  # fmt: skip


def read_count_process(code: str, where: str) -> str:
    # bash(1) "read": "-n nchars read returns after reading nchars characters"; "Process Substitution".
    region = _region(code, where)
    return f"read -r -n {len(region)} DR < <(echo {region}-dr)\n{_copy_to(code, '$DR')}\n"


def read_delimited_heredoc(code: str, where: str) -> str:
    # bash(1) "read": "-d delim The first character of delim is used to terminate the input line"; "Here Documents".
    return (f"read -r -d : DR <<EOF || true\n{_region(code, where)}:{AWS_HOME[code]}\nEOF\n"
            f"{_copy_to(code, '$DR')}\n")  # fmt: skip


REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "readarray-lines": (_aws(readarray_lines), REGION, AWS_CODES),
    "positional-substring": (_aws(positional_substring), REGION, AWS_CODES),
    "positional-operation": (_aws(positional_operation), REGION, AWS_CODES),
    "default-assign-variable": (_aws(default_assign_variable), REGION, AWS_CODES),
    "default-assign-function": (_aws(default_assign_function), REGION, AWS_CODES),
    "read-count-file": (_aws(read_count_file), REGION, AWS_CODES),
    "read-count-process": (_aws(read_count_process), REGION, AWS_CODES),
    "read-delimited-heredoc": (_aws(read_delimited_heredoc), REGION, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rsyslog_nested(host: str) -> str:
    """rsyslog's main file including a file (``include(file=...)``) that includes the forwarding file
    (``$IncludeConfig``): rsyslog reads an included file's own includes in place."""
    action = f'*.* action(type="omfwd" target="{host}" port="514" protocol="tcp")\n'
    return (
        heredoc("/etc/fleet/rsyslog/forward.conf", action)
        + heredoc("/etc/fleet/rsyslog/fleet.conf", "$IncludeConfig /etc/fleet/rsyslog/forward.conf\n")
        + heredoc("/etc/rsyslog.conf", 'module(load="imuxsock")\ninclude(file="/etc/fleet/rsyslog/fleet.conf")\n')
        + "systemctl restart rsyslog\n"
    )


def syslog_ng_nested(host: str) -> str:
    """syslog-ng's main file including a file that includes the file with the network destination (`@include`)."""
    destination = (
        f'destination d_central {{ network("{host}" port(514) transport("tcp")); }};\n'
        "log { source(s_sys); destination(d_central); };\n"
    )
    main = '@version: 4.2\nsource s_sys { system(); };\n@include "/etc/fleet/logging/fleet.conf"\n'
    return (
        heredoc("/etc/fleet/logging/forward.conf", destination)
        + heredoc("/etc/fleet/logging/fleet.conf", '@include "/etc/fleet/logging/forward.conf"\n')
        + heredoc("/etc/syslog-ng/syslog-ng.conf", main)
        + "systemctl restart syslog-ng\n"
    )


DATADOG = "/etc/datadog-agent/datadog.yaml"
DATADOG_KEY = "api_key: ${DD_API_KEY}\nlogs_enabled: true\n"


def datadog_site_empty() -> str:
    """The Agent's file with ``site: ""`` (the default site, US1), the agent restarted."""
    return heredoc(DATADOG, DATADOG_KEY + 'site: ""\n') + "systemctl restart datadog-agent\n"


def datadog_dd_site_empty() -> str:
    """The Agent's file with no site and a unit drop-in giving ``DD_SITE`` an empty value (the default site, US1)."""
    unit = heredoc("/etc/systemd/system/datadog-agent.service.d/site.conf", "[Service]\nEnvironment=DD_SITE=\n")
    return heredoc(DATADOG, DATADOG_KEY) + unit + "systemctl daemon-reload\nsystemctl restart datadog-agent\n"


def _config(code: str, script: Callable[[], str]) -> Build:
    return _aws(lambda _code, _where: script())(code, "home")


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation59", KINDS)
    for code in AWS_CODES:
        c = code.lower()
        for name, reader in (("rsyslog", rsyslog_nested), ("syslog-ng", syslog_ng_nested)):
            out += [
                (f"mutation59-{c}-{name}-nested-partner", code, _config(code, functools.partial(reader, PARTNER)),
                 {"RES-015"}, []),
                (f"mutation59-{c}-{name}-nested-own", code, _config(code, functools.partial(reader, OWN)), set(), []),
            ]  # fmt: skip
        for name, script in (("site-empty", datadog_site_empty), ("dd-site-empty", datadog_dd_site_empty)):
            out += [
                (f"mutation59-{c}-datadog-{name}-us", code, _config(code, script), {"RES-015"}, []),
                (f"mutation59-{c}-datadog-{name}-declared", code, _config(code, script), set(),
                 [declared(code, DEFAULT_SITE)]),
            ]  # fmt: skip
    return out
