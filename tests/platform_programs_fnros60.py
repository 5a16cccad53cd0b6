"""Template functions, round 14: jq's ``input`` at several call sites, a path expression through ``reduce``,
functions with parameters (a filter parameter used as a path, a ``$name`` parameter, recursion) and a script's
``env | .R`` of an exported variable holding two values (stop 60, issue 9).

Reproduced first on the unchanged engine (main 0183f733, these programs through every door): see docs/residency.md,
*Template functions, round 14 (stop 60)*, for the count.

- jq functions with parameters (ROS ``Fn::Jq`` at an image copy's ``DestinationRegionId``; EC2 user data's ``jq -r``
  at ``aws ec2 copy-snapshot --region``): ``def pick($role): ...; pick("backup").region`` (a value parameter, jq
  manual "Defining Functions": ``def f($a): ...`` is ``def f(a): a as $a | ...``), ``def pick(f): ...;
  del(pick(...))`` (a filter parameter in a path expression), ``def at($i): .targets[$i]; at(0) |= empty`` and a
  recursive ``def nth_dr($n): ... nth_dr($n - 1) ...``. ``-home`` passes, ``-abroad`` RES-009.
- jq's ``input`` at several call sites over files the script writes (``jq -rn 'input as $base | input | .region //
  $base.region' base.json site.json``; the manual, "input": "Outputs one new input"): ``-home`` passes, ``-abroad``
  RES-009.
- jq's environment (``env | .R``, ``env.R``, ``$ENV.R``) of a variable the script exports in two branches (``export
  R=<home>`` or ``export R=<second>``): each value judged (``-home``: both in the jurisdiction, passes; ``-abroad``:
  the failover branch's Region abroad, RES-009).
- Found while fixing: a script's ``jq -r`` over two JSON texts (``echo '{...} {...}' | jq -r .region``, or two
  files) printed "" to the reader (its input read as one JSON text): the second Region passed every door abroad
  (``jq-copy-two-documents``); each text is read in turn now (RES-009 abroad).
- A path expression through ``reduce`` (``del(reduce ("plan", "archive") as $k (.; .[$k]))``) is jq 1.6's error
  ("Invalid path expression with result ..."): never a value, refused RES-011 home and abroad (fail closed, pinned).

tests/test_realistic_programs.py runs them as CASES (``fnros60-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from platform_parts import ALI_HOME, AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY
from platform_programs_fnros55 import AWS_SECOND, USER_DATA_CODES, _copy, _copy_to, _jq, _user_data

Family = Callable[[str, str], Build]


def _targets(code: str, where: str) -> dict[str, Any]:
    # The image copy plan as a runbook keeps it: the archive at home first, then the disaster-recovery copy.
    dr = ALI_HOME[code] if where == "home" else ALI_AWAY[code]
    return {"plan": {"archive": {"tier": "cold", "region": ALI_HOME[code]}, "copy": {"tier": "warm", "dr_region": dr}},
            "targets": [{"role": "archive", "region": ALI_HOME[code]}, {"role": "backup", "region": dr}]}  # fmt: skip


def _ros(script: str) -> Family:
    return lambda code, where: _copy(_jq(script, _targets(code, where)))


# Each ROS Fn::Jq filter at an image copy's DestinationRegionId (jq manual, https://jqlang.org/manual/v1.6/,
# "Defining Functions": "def addvalue($f): ...;" is a value parameter; "the argument is a filter, not a value").
ROS_FILTERS = {
    # a value parameter ($role) selecting the backup target
    "ros-copy-jq-def-value": 'def pick($role): .targets[] | select(.role == $role); pick("backup").region',
    # a filter parameter used as a path expression inside del (the archive gone, the backup first)
    "ros-copy-jq-del-def-filter": "def drop(f): del(f); drop(.targets[0]) | .targets[0].region",
    # a function with a filter parameter called as del's path expression
    "ros-copy-jq-del-def-pick": 'def pick(f): .targets[] | select(f); del(pick(.role == "archive")) | '
    ".targets[0].region",
    # a value parameter in an update's path: the archive's entry replaced by nothing (one path: jq 1.6 and 1.7 agree)
    "ros-copy-jq-update-def-at": "def at($i): .targets[$i]; at(0) |= empty | .targets[0].region",
    # recursion with a parameter: the n-th target after the archive
    "ros-copy-jq-def-recursive": "def after($n): if $n == 0 then .targets[0] else del(.targets[0]) | after($n - 1) "
    "end; after(1).region",
}


def _aws_plan(code: str, where: str) -> str:
    dr = AWS_HOME[code] if where == "home" else AWS_AWAY[code]
    return json.dumps({"targets": [{"role": "archive", "region": AWS_HOME[code]}, {"role": "backup", "region": dr}]})


def _script(program: str) -> Family:
    # A user data script reading the plan with jq -r, then copying the snapshot to the Region it gives.
    return lambda code, where: _user_data(
        f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{program}')\n" + _copy_to(code, "$DR")
    )


def _inputs(program: str) -> Family:
    # The base settings and the site's override as two files the boot script writes, read with jq -n's `input`.
    def family(code: str, where: str) -> Build:
        dr = AWS_SECOND[code] if where == "home" else AWS_AWAY[code]
        files = (
            "mkdir -p /etc/dr\n"
            f"cat > /etc/dr/base.json <<'EOF'\n{json.dumps({'region': AWS_HOME[code], 'tier': 'archive'})}\nEOF\n"
            f"cat > /etc/dr/site.json <<'EOF'\n{json.dumps({'region': dr, 'tier': 'backup'})}\nEOF\n"
        )
        return _user_data(
            f"{files}DR=$(jq -rn '{program}' /etc/dr/base.json /etc/dr/site.json)\n" + _copy_to(code, "$DR")
        )

    return family


def _environment(program: str) -> Family:
    # The failover Region exported in one branch, the home Region in the other, read through jq's environment.
    def family(code: str, where: str) -> Build:
        dr = AWS_SECOND[code] if where == "home" else AWS_AWAY[code]
        script = (
            f"if [ -f /etc/dr/failover ]; then\n  export R={dr}\nelse\n  export R={AWS_HOME[code]}\nfi\n"
            f"DR=$(jq -rn '{program}')\n"
        )
        return _user_data(script + _copy_to(code, "$DR"))

    return family


def _documents(code: str, where: str) -> Build:
    # The plan as two JSON texts one after another (the base, then the site's), read by jq -r (jq(1): the filter runs
    # for each JSON text of its input): found while fixing this round, it gave "" (a Region abroad passed every door).
    dr = AWS_SECOND[code] if where == "home" else AWS_AWAY[code]
    plan = f"{json.dumps({'region': AWS_HOME[code]})} {json.dumps({'region': dr})}"
    return _user_data(f"DR=$(echo '{plan}' | jq -r '.region')\n" + _copy_to(code, "$DR"))


SCRIPT_FILTERS = {
    "jq-copy-def-value": _script('def pick($role): .targets[] | select(.role == $role); pick("backup").region'),
    "jq-copy-del-def-pick": _script(
        'def pick(f): .targets[] | select(f); del(pick(.role == "archive")) | .targets[0].region'
    ),
    "jq-copy-def-recursive": _script(
        "def after($n): if $n == 0 then .targets[0] else del(.targets[0]) | after($n - 1) end; after(1).region"
    ),
    "jq-copy-input-input": _inputs("input | input.region"),
    "jq-copy-input-as": _inputs("input as $base | input | .region // $base.region"),
    "jq-copy-env-pipe": _environment("env | .R"),
    "jq-copy-env-field": _environment("env.R"),
    "jq-copy-env-dollar": _environment("$ENV.R"),
    "jq-copy-two-documents": _documents,
}


HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    **{name: (_ros(script), {"RES-009"}, ALI_CODES) for name, script in ROS_FILTERS.items()},
    **{name: (family, {"RES-009"}, USER_DATA_CODES) for name, family in SCRIPT_FILTERS.items()},
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""

# jq 1.6 tracks no path through reduce's accumulator: `path(reduce ("plan", "archive") as $k (.; .[$k]))` is its
# error "Invalid path expression ..." (checked with jq 1.6), so the filter gives no Region anywhere: refused, RES-011,
# whichever Region the runbook names.
REFUSED: dict[str, tuple[Family, tuple[str, ...]]] = {
    "ros-copy-jq-del-reduce": (
        _ros('del(reduce ("targets", 0) as $k (.; .[$k])) | .targets[0].region'),
        ("CN",),
    ),
    "jq-copy-del-reduce": (_script('del(reduce ("targets", 0) as $k (.; .[$k])) | .targets[0].region'), ("EU",)),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = home_abroad_rows("fnros60", HOME_ABROAD)
    for kind, (make, codes) in REFUSED.items():
        out += [
            (f"fnros60-{c.lower()}-{kind}-{w}", c, make(c, w), {"RES-011"}, [])
            for c in codes
            for w in ("home", "abroad")
        ]
    return out
