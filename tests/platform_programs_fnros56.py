"""Template functions, round 10: jq's regular expressions (``match`` / ``capture`` / ``scan`` / ``splits``, ``test``
with flags), ``group_by`` / ``min_by`` / ``max_by``, ``keys_unsorted``, ``foreach``, a destructuring ``as [$a]`` /
``as {k: $v}``, ``$ARGS``, a script's ``--arg NAME "$VAR"`` and a jq error on its input (stop 56, issue 9).

Reproduced first on the unchanged engine (main 8f0aa679, these programs through every door): see docs/residency.md,
*Template functions, round 10 (stop 56)*, for the count. ROS ``Fn::Jq`` filters (CN / JP / DE) and a script's ``jq``
(EU / US; the one reader, ``components/residency/jq.py``) using those forms were left unread, so each compliant program
was refused at home (RES-011 at a Region field, RES-015 at a host) and its abroad twin got that unproven-value rule
instead of the rule of what jq computes (RES-009 / RES-006). A script's ``jq --arg role "$ROLE"`` of a variable the
script sets was not applied (RES-011 at home). Pinned (right on main): ROS ``Fn::Select`` of a key over ``Fn::Add`` of
maps, ``Fn::Sub`` / ``Fn::Join`` over ``Fn::Select`` of a list ``Fn::Jq`` or ``Fn::Split`` computes, an ``Fn::Indent``
of several lines partly a Parameter, and a script's jq error on its input (fails closed, with a compliant ``?`` /
``//`` twin).

Since this round the jq reader reads those forms (each checked against jq 1.6 on this machine), a script's ``jq`` takes
``--args`` / ``--jsonargs`` as ``$ARGS.positional`` and its ``--arg`` / ``--argjson`` as ``$ARGS.named`` too, and an
``--arg`` value that is one variable the script gives one value is that value.

``kind`` (ROS: CN, JP, DE; user data: EU, US): ``-home`` passes, ``-abroad`` refused (RES-009 a Region; RES-006 an
endpoint of another Region).

tests/test_realistic_programs.py runs them as CASES (``fnros56-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from platform_parts import ALI_HOME, AWS_HOME, Build, Row, home_abroad_rows, ros_stack
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY
from platform_programs_fnros54 import _sink as _sink54
from platform_programs_fnros55 import USER_DATA_CODES, _copy, _copy_to, _jq, _sink, _user_data

OWN_ACCOUNT = "123456789012"


def _region(code: str, where: str) -> str:
    # The Alibaba Cloud Region the program names: the stack's own, or one outside the market.
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _targets(code: str, where: str) -> list[dict[str, Any]]:
    # The image copy plan's targets: an archive at home (priority 2, weight 1), then the disaster-recovery copy.
    return [{"name": "archive-1", "role": "archive", "priority": 2, "weight": 1, "region": ALI_HOME[code]},
            {"name": "DR-1", "role": "backup", "priority": 1, "weight": 5, "region": _region(code, where)}]  # fmt: skip


def _endpoint(code: str, where: str) -> dict[str, str]:
    # The DR copy's ECS endpoint, as a runbook keeps it (https://www.alibabacloud.com/help/en/ecs/developer-reference/
    # api-ecs-2014-05-26-endpoint: "ecs.<region-id>.aliyuncs.com").
    return {"dr_endpoint": f"ecs.{_region(code, where)}.aliyuncs.com"}


def ros_copy_jq_keys_unsorted(code: str, where: str) -> Build:
    # jq `keys_unsorted` ("like keys, but ... in insertion order"): the one Region the plan's replicas are keyed by.
    return _copy(_jq(".replicas | keys_unsorted | first", {"replicas": {_region(code, where): {"tier": "warm"}}}))


def ros_copy_jq_group_by(code: str, where: str) -> Build:
    # jq `group_by(path_expression)` ("groups of elements having the same .foo field"): the backup group's first.
    script = '.targets | group_by(.role) | map(select(.[0].role == "backup")) | .[0][0].region'
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_min_by(code: str, where: str) -> Build:
    # jq `min_by(path_exp)` ("find the minimum ... element"): the target of the lowest priority number.
    return _copy(_jq(".targets | min_by(.priority) | .region", {"targets": _targets(code, where)}))


def ros_copy_jq_max_by(code: str, where: str) -> Build:
    # jq `max_by(path_exp)`: the target of the greatest weight.
    return _copy(_jq(".targets | max_by(.weight) | .region", {"targets": _targets(code, where)}))


def ros_copy_jq_capture(code: str, where: str) -> Build:
    # jq `capture(val)` ("Collects the named captures in a JSON object"): the Region named in the DR endpoint.
    script = '.dr_endpoint | capture("^ecs\\\\.(?<region>[a-z0-9-]+)\\\\.aliyuncs\\\\.com$") | .region'
    return _copy(_jq(script, _endpoint(code, where)))


def ros_copy_jq_match(code: str, where: str) -> Build:
    # jq `match(val)` ("Outputs an object for each match"): the first capture's string.
    script = '.dr_endpoint | match("^ecs\\\\.([^.]+)\\\\.") | .captures[0].string'
    return _copy(_jq(script, _endpoint(code, where)))


def ros_copy_jq_splits(code: str, where: str) -> Build:
    # jq `splits(regex)` ("Splits an input string on each regex match"): the endpoint's second label.
    return _copy(_jq('[.dr_endpoint | splits("\\\\.")] | .[1]', _endpoint(code, where)))


def ros_copy_jq_scan(code: str, where: str) -> Build:
    # jq `scan(regex)` ("Emit a stream of the non-overlapping substrings of the input that match the regex"): the
    # Region of the DR image's ARN.
    arn = f"acs:ecs:{_region(code, where)}:{OWN_ACCOUNT}:image/m-uf6fleetbase0001"
    return _copy(_jq('.dr_image | [scan("^acs:ecs:([a-z0-9-]+):")] | .[0][0]', {"dr_image": arn}))


def ros_copy_jq_foreach(code: str, where: str) -> Build:
    # jq `foreach` ("like reduce, but ... produces the output of EXTRACT for each intermediate state"): the Region of
    # the second target the plan lists.
    script = "foreach .targets[] as $t (0; . + 1; select(. == 2) | $t.region)"
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_test_flags(code: str, where: str) -> Build:
    # jq `test(regex; flags)` ("i - Case insensitive search"): the target named dr-*, whatever its case.
    script = '.targets[] | select(.name | test("^dr-"; "i")) | .region'
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_copy_jq_destructure(code: str, where: str) -> Build:
    # jq "Destructuring Alternative Operator" / "Variable / Symbolic Binding Operator" (`. as [$a, $b]`): the plan
    # keeps [role, Region] pairs.
    pairs = [["archive", ALI_HOME[code]], ["backup", _region(code, where)]]
    script = '.pairs[] as [$role, $region] | select($role == "backup") | $region'
    return _copy(_jq(script, {"pairs": pairs}))


def ros_copy_jq_destructure_object(code: str, where: str) -> Build:
    # jq's object pattern (`. as {a: $x, $b}`): the backup target's Region.
    script = '.targets[] as {role: $r, $region} | select($r == "backup") | $region'
    return _copy(_jq(script, {"targets": _targets(code, where)}))


def ros_fc_jq_capture(code: str, where: str) -> Build:
    # An FC function's SINK_HOST: the OSS endpoint of the Region the sink's bucket ARN names.
    arn = f"acs:oss:{_region(code, where)}:{OWN_ACCOUNT}:thumbnails"
    script = '.sink | capture("^acs:oss:(?<r>[a-z0-9-]+):") | "oss-\\(.r)-internal.aliyuncs.com"'
    return _sink(_jq(script, {"sink": arn}))


def ros_copy_select_add_maps(code: str, where: str) -> Build:
    # ROS Fn::Select of a key ("If data is a dictionary, index is the key") over Fn::Add of two maps ("returns a merged
    # dictionary. If dictionaries share the same key, the latter value overwrites the former"): pinned.
    regions = {"Fn::Add": [{"archive": ALI_HOME[code], "dr": ALI_HOME[code]}, {"dr": _region(code, where)}]}
    properties = {"ImageId": "m-uf6fleetbase0001", "DestinationRegionId": {"Fn::Select": ["dr", regions]}}
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": properties}
    return ros_stack("images", {"Copy": copy})


def ros_copy_sub_select_jq(code: str, where: str) -> Build:
    # ROS Fn::Sub ("substitutes variables in an input string with values") whose variable is Fn::Select of the second
    # of the list Fn::Jq's `All` gives (a computed list): pinned.
    regions = {"Fn::Jq": ["All", ".targets[].region", json.dumps({"targets": _targets(code, where)})]}
    return _copy({"Fn::Sub": ["${Dr}", {"Dr": {"Fn::Select": [1, regions]}}]})


def ros_copy_join_select_split(code: str, where: str) -> Build:
    # ROS Fn::Join of a prefix and Fn::Select over Fn::Split of the text Fn::Jq computes (the plan keeps the Region
    # without its `geo-` prefix, `<name>.<suffix>`): pinned.
    geo, rest = _region(code, where).split("-", 1)
    part = {"Fn::Select": [0, {"Fn::Split": [".", {"Fn::Jq": ["First", ".dr", json.dumps({"dr": f"{rest}.dr"})]}]}]}
    return _copy({"Fn::Join": ["-", [geo, part]]})


def ros_fc_indent_lines(code: str, where: str) -> Build:
    # ROS Fn::Indent ("adjusts the indentation format of a string") of several lines, one partly the SinkHost
    # Parameter, which the program gives the OSS internal endpoint of the Region the function writes to: the
    # function's sink settings as a YAML block.
    lines = {"Fn::Sub": "sink:\n  endpoint: https://${SinkHost}/thumbnails\n  retries: 3"}
    return _sink54("SINK_CONFIG", {"Fn::Indent": [lines, 1]}, f"oss-{_region(code, where)}-internal.aliyuncs.com")


def _aws_plan(code: str, where: str) -> str:
    targets = [{"name": "archive-1", "role": "archive", "priority": 2, "region": AWS_HOME[code]},
               {"name": "DR-1", "role": "backup", "priority": 1, "region": _aws_region(code, where)}]  # fmt: skip
    return json.dumps({"targets": targets})


def jq_copy_arg_variable(code: str, where: str) -> Build:
    # jq `--arg name value` whose value is a variable the script sets (bash(1) "Parameter Expansion").
    jq = ".targets[] | select(.role == $role) | .region"
    return _user_data(
        f"ROLE=backup\nDR=$(echo '{_aws_plan(code, where)}' | jq -r --arg role \"$ROLE\" '{jq}')\n"
        + _copy_to(code, "$DR")
    )


def jq_copy_args_positional(code: str, where: str) -> Build:
    # jq `--args` ("Remaining arguments are positional string arguments ... available to the jq program as
    # $ARGS.positional[]").
    jq = ".targets[] | select(.role == $ARGS.positional[0]) | .region"
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{jq}' --args backup)\n" + _copy_to(code, "$DR"))


def jq_copy_args_named(code: str, where: str) -> Build:
    # `$ARGS.named` ("$ARGS.named ... the named arguments" given by --arg / --argjson).
    jq = ".targets[] | select(.role == $ARGS.named.role) | .region"
    return _user_data(
        f"DR=$(echo '{_aws_plan(code, where)}' | jq -r --arg role backup '{jq}')\n" + _copy_to(code, "$DR")
    )


def jq_copy_min_by(code: str, where: str) -> Build:
    jq = ".targets | min_by(.priority) | .region"
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def jq_sqs_capture(code: str, where: str) -> Build:
    # A queue's endpoint from the plan's `<region>/<name>` (jq `capture`). Not an ARN: the script's text would hold an
    # ARN abroad (RES-004), and an expression written `^arn:aws:sqs:(?<r>...)` is itself read as an ARN of an unknown
    # Region in the script's text (RES-011 at home, left open, docs/residency-open.md).
    queue = json.dumps({"queue": f"{_aws_region(code, where)}/jobs"})
    jq = '.queue | capture("^(?<r>[a-z0-9-]+)/(?<name>[a-z-]+)$") | "sqs.\\(.r).amazonaws.com"'
    script = f"Q=$(echo '{queue}' | jq -r '{jq}')\ncurl -fsS \"https://$Q/{OWN_ACCOUNT}/jobs\"\n"
    return _user_data(script)


def jq_copy_error(code: str, guarded: bool) -> Build:
    # A plan whose `dr` is a text, not a map: `.dr.region` is jq's error (jq prints nothing, exits 5), unknown
    # (RES-011); with `?` and a fallback to the home Region (the manual, "Alternative operator: //") it is that Region.
    jq = f'.dr.region? // "{AWS_HOME[code]}"' if guarded else ".dr.region"
    return _user_data(f"DR=$(echo '{{\"dr\": \"pending\"}}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def error_rows() -> list[Row]:
    """A script's jq error on its input at a Region argument (RES-011: unknown, no home twin) and its guarded twin
    (passes)."""
    return [(f"fnros56-{code.lower()}-jq-copy-error-{'guarded' if guarded else 'unguarded'}", code,
             jq_copy_error(code, guarded), set() if guarded else {"RES-011"}, [])
            for code in USER_DATA_CODES for guarded in (True, False)]  # fmt: skip


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "ros-copy-jq-keys-unsorted": (ros_copy_jq_keys_unsorted, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-group-by": (ros_copy_jq_group_by, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-min-by": (ros_copy_jq_min_by, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-max-by": (ros_copy_jq_max_by, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-capture": (ros_copy_jq_capture, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-match": (ros_copy_jq_match, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-splits": (ros_copy_jq_splits, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-scan": (ros_copy_jq_scan, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-test-flags": (ros_copy_jq_test_flags, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-foreach": (ros_copy_jq_foreach, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-destructure": (ros_copy_jq_destructure, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-destructure-object": (ros_copy_jq_destructure_object, {"RES-009"}, ALI_CODES),
    "ros-fc-jq-capture": (ros_fc_jq_capture, {"RES-006"}, ALI_CODES),
    "ros-copy-select-add-maps": (ros_copy_select_add_maps, {"RES-009"}, ALI_CODES),
    "ros-fc-indent-lines": (ros_fc_indent_lines, {"RES-006"}, ALI_CODES),
    "ros-copy-sub-select-jq": (ros_copy_sub_select_jq, {"RES-009"}, ALI_CODES),
    "ros-copy-join-select-split": (ros_copy_join_select_split, {"RES-009"}, ALI_CODES),
    "jq-copy-arg-variable": (jq_copy_arg_variable, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-args-positional": (jq_copy_args_positional, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-args-named": (jq_copy_args_named, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-min-by": (jq_copy_min_by, {"RES-009"}, USER_DATA_CODES),
    "jq-sqs-capture": (jq_sqs_capture, {"RES-006"}, USER_DATA_CODES),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros56", HOME_ABROAD) + error_rows()
