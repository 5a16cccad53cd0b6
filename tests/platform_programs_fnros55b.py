"""Template functions, round 9: jq's sort / sort_by / unique, getpath, range, a computed index, fromjson and a
script's ``--arg`` / ``--argjson`` parameters (stop 55, issue 9).

Reproduced first on the unchanged engine (main b59e64d8, these programs through every door): see
docs/residency.md, *Template functions, round 9 (stop 55)*, for the count. ROS ``Fn::Jq`` filters (CN / JP / DE) and a
script's ``jq`` (EU / US; the one reader, ``components/residency/jq.py``) using jq's ``sort_by(f)``, ``sort``,
``unique``, ``getpath(PATH)``, ``range(a; b)``, a computed index ``.[f]`` / ``$t[$i]``, ``fromjson`` and a program's
``$name`` given by ``--arg`` / ``--argjson`` were left unread, so each compliant program was refused at home (RES-011 at
a Region field, RES-015 at a host) and its abroad twin got that unproven-value rule instead of the rule of what jq
computes (RES-009 / RES-006). ``to_entries | map(select(...))`` was read already (pinned).

Since this round the jq reader reads those forms (each checked against jq 1.6 on this machine) and a script's ``jq``
takes ``--arg NAME VALUE`` / ``--argjson NAME JSON`` as its ``$NAME``.

``kind`` (ROS: CN, JP, DE; user data: EU, US): ``-home`` passes, ``-abroad`` refused (RES-009 a Region; RES-006 an
endpoint of another Region).

tests/test_realistic_programs.py runs them as CASES (``fnros55b-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from platform_parts import ALI_HOME, AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY
from platform_programs_fnros55 import USER_DATA_CODES, _copy, _copy_to, _jq, _sink, _user_data

OWN_ACCOUNT = "123456789012"


def _region(code: str, where: str) -> str:
    # The Alibaba Cloud Region the program names: the stack's own, or one outside the market.
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _targets(code: str, where: str) -> list[dict[str, Any]]:
    # The image copy plan's targets: an archive at home (priority 2), then the disaster-recovery copy (priority 1).
    return [{"name": "archive-1", "role": "archive", "priority": 2, "region": ALI_HOME[code]},
            {"name": "dr-1", "role": "backup", "priority": 1, "region": _region(code, where)}]  # fmt: skip


def ros_copy_jq_sort_by(code: str, where: str) -> Build:
    # jq `sort_by(path_expression)` ("sort by comparing the result of the path"): the target of the lowest priority
    # number first.
    return _copy(_jq(".targets | sort_by(.priority) | first | .region", {"targets": _targets(code, where)}))


def ros_copy_jq_unique(code: str, where: str) -> Build:
    # jq `unique` ("The same values as the input, in sorted order, with duplicates removed"): the copies' one
    # distinct Region.
    region = _region(code, where)
    return _copy(_jq("[.copies[].region] | unique | first", {"copies": [{"region": region}, {"region": region}]}))


def ros_copy_jq_sort(code: str, where: str) -> Build:
    # jq `sort` of the DR Regions the plan lists (the first in code point order).
    return _copy(_jq(".dr | sort | first", {"dr": [_region(code, where)]}))


def ros_copy_jq_getpath(code: str, where: str) -> Build:
    # jq `getpath(PATHS)` ("outputs the values in . found at each path in PATHS").
    return _copy(_jq('getpath(["plan", "dr", "region"])', {"plan": {"dr": {"region": _region(code, where)}}}))


def ros_copy_jq_index(code: str, where: str) -> Build:
    # A computed index `.[f]` (jq's "Generic Object Index: .[<string>]" with a filter): the target the plan's
    # `primary` names.
    return _copy(_jq(".targets[.primary].region", {"primary": 1, "targets": _targets(code, where)}))


def ros_copy_jq_range(code: str, where: str) -> Build:
    # jq `range(upto)` / `range(from; upto)` ("produces a range of numbers"): every target but the first, by index.
    script = ".targets as $t | range(1; $t | length) as $i | $t[$i].region"
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_fromjson(code: str, where: str) -> Build:
    # jq `fromjson` ("parse the input as JSON"): the plan kept as a JSON text inside the settings.
    return _copy(_jq(".plan | fromjson | .dr.region", {"plan": json.dumps({"dr": {"region": _region(code, where)}})}))


def ros_copy_jq_entries_map(code: str, where: str) -> Build:
    # jq `to_entries | map(f)`: the Region whose role is backup (pinned: read since stop 54).
    roles = {ALI_HOME[code]: "archive", _region(code, where): "backup"}
    script = '.roles | to_entries | map(select(.value == "backup")) | first | .key'
    return _copy(_jq(script, {"roles": roles}))


def ros_fc_jq_sort_by(code: str, where: str) -> Build:
    # An FC function's SINK_HOST: the endpoint of the sink of the lowest latency, built in a jq text.
    sinks = [{"latency": 30, "region": ALI_HOME[code]}, {"latency": 5, "region": _region(code, where)}]
    script = '.sinks | sort_by(.latency) | first | "oss-\\(.region)-internal.aliyuncs.com"'
    return _sink(_jq(script, {"sinks": sinks}))


def _aws_plan(code: str, where: str) -> str:
    targets = [{"name": "archive-1", "role": "archive", "priority": 2, "region": AWS_HOME[code]},
               {"name": "dr-1", "role": "backup", "priority": 1, "region": _aws_region(code, where)}]  # fmt: skip
    return json.dumps({"targets": targets})


def jq_copy_arg(code: str, where: str) -> Build:
    # jq `--arg name value` ("passes a value to the jq program as a predefined variable"): the target of that role.
    jq = ".targets[] | select(.role == $role) | .region"
    return _user_data(
        f"DR=$(echo '{_aws_plan(code, where)}' | jq -r --arg role backup '{jq}')\n" + _copy_to(code, "$DR")
    )


def jq_copy_argjson(code: str, where: str) -> Build:
    # jq `--argjson name JSON-text` ("passes a JSON-encoded value"): the target at that index.
    jq = ".targets[$n].region"
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r --argjson n 1 '{jq}')\n" + _copy_to(code, "$DR"))


def jq_copy_sort_by(code: str, where: str) -> Build:
    jq = ".targets | sort_by(.priority) | first | .region"
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def jq_sqs_getpath(code: str, where: str) -> Build:
    # A queue's endpoint from a jq text over getpath.
    queue = json.dumps({"queue": {"region": _aws_region(code, where), "name": "jobs"}})
    jq = '"sqs.\\(getpath(["queue", "region"])).amazonaws.com"'
    script = f"Q=$(echo '{queue}' | jq -r '{jq}')\ncurl -fsS \"https://$Q/{OWN_ACCOUNT}/jobs\"\n"
    return _user_data(script)


UNPADDED_ABROAD = {"EU": "ap-south-1", "US": "eu-north-1"}
"""A Region outside each jurisdiction whose name's base64 ends in a partial quantum once its padding is cut."""


def jq_copy_base64d(code: str, padded: bool) -> Build:
    # jq `@base64d` of the DR Region kept base64-encoded in the plan: jq 1.6 decodes an unpadded text too (the reader
    # does not: unknown, RES-011); the padded home Region is decoded and passes.
    region = AWS_HOME[code] if padded else UNPADDED_ABROAD[code]
    encoded = base64.b64encode(region.encode()).decode()
    plan = json.dumps({"dr": encoded if padded else encoded.rstrip("=")})
    return _user_data(f"DR=$(echo '{plan}' | jq -r '.dr | @base64d')\n" + _copy_to(code, "$DR"))


def base64_rows() -> list[Row]:
    """A script's jq `@base64d` of an unpadded text (RES-011: a Region abroad passed every door, the reader's run-time
    "no value" printed as an empty line) and its padded home twin (passes)."""
    return [(f"fnros55b-{code.lower()}-jq-copy-base64d-{'padded' if padded else 'unpadded'}", code,
             jq_copy_base64d(code, padded), set() if padded else {"RES-011"}, [])
            for code in USER_DATA_CODES for padded in (True, False)]  # fmt: skip


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "ros-copy-jq-sort-by": (ros_copy_jq_sort_by, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-unique": (ros_copy_jq_unique, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-sort": (ros_copy_jq_sort, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-getpath": (ros_copy_jq_getpath, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-index": (ros_copy_jq_index, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-range": (ros_copy_jq_range, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-fromjson": (ros_copy_jq_fromjson, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-entries-map": (ros_copy_jq_entries_map, {"RES-009"}, ALI_CODES),
    "ros-fc-jq-sort-by": (ros_fc_jq_sort_by, {"RES-006"}, ALI_CODES),
    "jq-copy-arg": (jq_copy_arg, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-argjson": (jq_copy_argjson, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-sort-by": (jq_copy_sort_by, {"RES-009"}, USER_DATA_CODES),
    "jq-sqs-getpath": (jq_sqs_getpath, {"RES-006"}, USER_DATA_CODES),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros55b", HOME_ABROAD) + base64_rows()
