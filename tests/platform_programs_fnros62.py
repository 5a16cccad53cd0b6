"""Template functions, round 16: jq builtins that choose one value of a list, which the reader did not evaluate:
``index`` / ``rindex`` / ``indices``, ``min`` / ``max``, ``reverse``, ``flatten``, ``map_values`` and ``IN`` (stop 62,
issue 9; stop 61's comparison with jq 1.6 found them unread).

Reproduced first on the unchanged engine (main f3925f44, these programs through every door): see docs/residency.md,
*Template functions, round 16 (stop 62)*, for the count.

- ROS ``Fn::Jq`` (ROS "Fn::Jq": ``[First, filter, JSON text]``) at ``ALIYUN::ECS::CopyImage`` ``DestinationRegionId``
  (CN / JP / DE): the copy target's Region chosen from the image plan's settings by the index of its role among the
  roles (``$p.regions[$p.roles | index("dr")]``), the newest of a history (``reverse | .[0]``), the target of the
  highest priority (``max``), the second of the Regions flattened (``flatten``), a site's Region out of a map of
  sites (``map_values(.region) | .dr``) and the target whose role is one of two (``IN("dr", "backup")``). The plan
  holds the other Region too (abroad for ``-home``, home for ``-abroad``): the program picks one.
- A boot script's ``jq -r`` over a JSON file it writes (EU / US, at ``aws ec2 copy-snapshot --region``): the same
  choices, with ``rindex``, ``min`` and ``indices``; the plan's other Region is the home one (the file written is
  judged by its Region keys as written: a Region abroad there is RES-009 whatever jq picks, by design).

``-home`` passes (RES-011 at home, a false alarm, where the builtin was unread), ``-abroad`` RES-009.
tests/test_realistic_programs.py runs them as CASES (``fnros62-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_fnros53 import ALI_CODES, AWS_AWAY, _copy, _pair
from platform_programs_fnros55 import AWS_SECOND, USER_DATA_CODES, _copy_to, _user_data

Family = Callable[[str, str], Build]


def _plan(picked: str, other: str) -> dict[str, Any]:
    # The image plan's settings: the targets by role with their priority, the sites by name, a history of copies
    # (newest last), and the Regions by role in two parallel lists. `picked` is the Region each filter chooses.
    return {
        "targets": [
            {"role": "archive", "priority": 10, "region": other},
            {"role": "dr", "priority": 90, "region": picked},
        ],
        "sites": {"archive": {"region": other}, "dr": {"region": picked}},
        "history": [{"region": other, "at": "2026-11-01"}, {"region": picked, "at": "2026-12-01"}],
        "roles": ["archive", "dr"],
        "regions": [other, picked],
        "primary": [other],
        "secondary": [[picked]],
    }


FILTERS: dict[str, str] = {
    # jq manual 1.7, "index(s), rindex(s)": "Outputs the index of the first (index) or last (rindex) occurrence of s
    # in the input"
    "index": '. as $p | $p.regions[$p.roles | index("dr")]',
    "rindex": '. as $p | $p.regions[$p.roles | rindex("dr")]',
    # "indices(s)": "Outputs an array containing the indices in . where s occurs"
    "indices": '. as $p | $p.regions[$p.roles | indices("dr") | .[0]]',
    # "reverse": "Reverses an array"
    "reverse": ".history | reverse | .[0].region",
    # "min, max, min_by(path_exp), max_by(path_exp)": "Find the minimum or maximum element of the input array"
    "max": "([.targets[].priority] | max) as $top | .targets[] | select(.priority == $top) | .region",
    "min": "([.targets[].priority | -.] | min) as $top | .targets[] | select(-.priority == $top) | .region",
    # "flatten, flatten(depth)": "Flattens an array of nested arrays"
    "flatten": "[.primary, .secondary] | flatten | .[1]",
    "flatten-depth": "[.primary, .secondary] | flatten(2) | .[1]",
    # "map(f), map_values(f)": "map_values(f) is .[] |= f" on an object
    "map-values": ".sites | map_values(.region) | .dr",
    # "IN(s)": "outputs true if . appears in the stream s"
    "in": '.targets[] | select(.role | IN("dr", "backup")) | .region',
}
"""Each jq filter choosing the plan's ``picked`` Region, by the builtin it probes."""

ROS_KINDS = ("index", "reverse", "max", "flatten", "map-values", "in")
"""The filters a ROS template's ``Fn::Jq`` runs."""
SCRIPT_KINDS = ("index", "rindex", "indices", "reverse", "min", "flatten-depth", "map-values", "in")
"""The filters a boot script's ``jq -r`` runs."""


def _ros(kind: str) -> Family:
    def family(code: str, where: str) -> Build:
        picked, other = _pair(code, where)
        return _copy({"Fn::Jq": ["First", FILTERS[kind], json.dumps(_plan(picked, other))]})

    return family


def _dr(code: str, where: str) -> str:
    # The disaster-recovery Region: the jurisdiction's second Region, or one abroad.
    return AWS_SECOND[code] if where == "home" else AWS_AWAY[code]


def _script(kind: str) -> Family:
    # The boot script writes the runbook's plan, then copies the nightly snapshot to the Region jq chooses.
    def family(code: str, where: str) -> Build:
        # the other Region is the home one: a JSON file the script writes is judged by its Region keys as written
        # (a Region abroad there is RES-009 whichever the jq program picks; found by this round's first table)
        plan = json.dumps(_plan(_dr(code, where), AWS_HOME[code]))
        script = f"mkdir -p /etc/dr\ncat > /etc/dr/plan.json <<'EOF'\n{plan}\nEOF\n"
        script += f"DR=$(jq -r '{FILTERS[kind]}' /etc/dr/plan.json)\n"
        return _user_data(script + _copy_to(code, "$DR"))

    return family


HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    **{f"ros-copy-jq-{kind}": (_ros(kind), {"RES-009"}, ALI_CODES) for kind in ROS_KINDS},
    **{f"jq-copy-{kind}": (_script(kind), {"RES-009"}, USER_DATA_CODES) for kind in SCRIPT_KINDS},
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros62", HOME_ABROAD)
