"""Template functions, round 11: jq's ``paths`` / ``leaf_paths`` / ``tostream`` / ``has``, ``to_entries`` /
``with_entries`` over computed objects, a script's ``jq -s`` / ``-n`` with ``input`` / ``inputs``, ``--slurpfile`` /
``--rawfile`` of a file the script writes, a jq program in double quotes, a jq program with ``#`` comments over several
lines, regular expressions over non-ASCII text, ROS ``Fn::Replace`` / ``Fn::Sub`` / ``Fn::Join`` over computed lists
(stop 57, issue 9).

Reproduced first on the unchanged engine (main 44bcf26a, these programs through every door): see docs/residency.md,
*Template functions, round 11 (stop 57)*, for the count.

``kind`` (ROS: CN, JP, DE; user data: EU, US): ``-home`` passes, ``-abroad`` refused (RES-009 a Region; RES-006 an
endpoint of another Region).

tests/test_realistic_programs.py runs them as CASES (``fnros57-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from platform_parts import ALI_HOME, AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY
from platform_programs_fnros55 import USER_DATA_CODES, _copy, _copy_to, _jq, _user_data

OWN_ACCOUNT = "123456789012"


def _region(code: str, where: str) -> str:
    # The Alibaba Cloud Region the program names: the stack's own, or one outside the market.
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _plan(code: str, where: str) -> dict[str, Any]:
    # The image copy plan, nested as a runbook keeps it: the archive at home, the disaster-recovery copy's Region.
    return {"plan": {"archive": {"tier": "cold", "region": ALI_HOME[code]},
                     "copy": {"tier": "warm", "dr_region": _region(code, where)}}}  # fmt: skip


def ros_copy_jq_paths(code: str, where: str) -> Build:
    # jq `paths(node_filter)` ("outputs the paths to any elements ... for which node_filter is true") and `getpath`:
    # the value at whichever path ends in `dr_region`.
    script = '[paths(type == "string") as $p | select($p[-1] == "dr_region") | getpath($p)] | first'
    return _copy(_jq(script, _plan(code, where)))


def ros_copy_jq_leaf_paths(code: str, where: str) -> Build:
    # jq `leaf_paths` ("an alias of paths(scalars)"): the plan flattened to dotted keys, then `plan.copy.dr_region`.
    script = '[leaf_paths as $p | {key: ($p | map(tostring) | join(".")), value: getpath($p)}] | from_entries'
    return _copy(_jq(script + ' | .["plan.copy.dr_region"]', _plan(code, where)))


def ros_copy_jq_tostream(code: str, where: str) -> Build:
    # jq `tostream` ("streamed form": [path, leaf] events, then closing [path] events): the last leaf named dr_region.
    script = '[tostream | select(length == 2 and .[0][-1] == "dr_region") | .[1]] | last'
    return _copy(_jq(script, _plan(code, where)))


def ros_copy_jq_has(code: str, where: str) -> Build:
    # jq `has(key)` ("whether the input object has the given key"): the copy's Region where the plan has one, else
    # the archive's.
    script = 'if .plan.copy | has("dr_region") then .plan.copy.dr_region else .plan.archive.region end'
    return _copy(_jq(script, _plan(code, where)))


def ros_copy_jq_with_entries_computed(code: str, where: str) -> Build:
    # jq `with_entries` ("to_entries | map(f) | from_entries") over an object the filter builds from a list: pinned.
    targets = [{"role": "archive", "region": ALI_HOME[code]}, {"role": "backup", "region": _region(code, where)}]
    script = '.targets | map({(.role): .region}) | add | with_entries(select(.key == "backup")) | .[]'
    return _copy(_jq(script, {"targets": targets}))


def ros_copy_jq_to_entries_computed(code: str, where: str) -> Build:
    # jq `to_entries` over an object built `{(key): value}`: pinned.
    script = '{(.plan.copy.tier): .plan.copy.dr_region} | to_entries | map(select(.key == "warm")) | .[0].value'
    return _copy(_jq(script, _plan(code, where)))


def ros_copy_replace_select_split(code: str, where: str) -> Build:
    # ROS Fn::Replace ("replaces a substring ... with a specified string": {"Fn::Replace": [{"key": "value"},
    # "string"]}) over Fn::Select of the list Fn::Split computes: the plan lists Regions with `_` for `-`.
    regions = f"{ALI_HOME[code].replace('-', '_')},{_region(code, where).replace('-', '_')}"
    return _copy({"Fn::Replace": [{"_": "-"}, {"Fn::Select": [1, {"Fn::Split": [",", regions]}]}]})


def ros_copy_sub_join_jq(code: str, where: str) -> Build:
    # ROS Fn::Sub whose variable is Fn::Join of the list Fn::Jq's `All` computes (the Region's parts): pinned.
    parts = {"Fn::Jq": ["All", '.dr | split("-") | .[]', json.dumps({"dr": _region(code, where)})]}
    return _copy({"Fn::Sub": ["${Dr}", {"Dr": {"Fn::Join": ["-", parts]}}]})


def _aws_plan(code: str, where: str) -> str:
    targets = [{"name": "archive-1", "role": "archive", "region": AWS_HOME[code]},
               {"name": "dr-1", "role": "backup", "region": _aws_region(code, where)}]  # fmt: skip
    return json.dumps({"targets": targets})


def _written(code: str, where: str) -> str:
    # The plan written by the script itself (bash(1) "Here Documents", quoted word: no expansion).
    return f"mkdir -p /etc/dr\ncat > /etc/dr/plan.json <<'EOF'\n{_aws_plan(code, where)}\nEOF\n"


def jq_copy_double_quoted(code: str, where: str) -> Build:
    # A jq program in double quotes (bash(1) "Double Quotes": `\"` is a quote), its regular expression too.
    jq = '".targets[] | select(.name | test(\\"^dr-\\")) | .region"'
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r {jq})\n" + _copy_to(code, "$DR"))


def jq_copy_double_quoted_arg(code: str, where: str) -> Build:
    # A double-quoted jq program naming an `--arg` variable: `\$role` (bash(1) "Double Quotes": "The backslash retains
    # its special meaning only when followed by ... $", and is removed), so jq reads `$role`.
    jq = '".targets[] | select(.role == \\$role) | .region"'
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r --arg role backup {jq})\n" + _copy_to(code, "$DR"))


def jq_sqs_capture_arn_double_quoted(code: str, where: str) -> Build:
    # A queue's endpoint from its ARN (jq `capture`), the program double-quoted: the pattern's `arn:aws:sqs:(?<r>...)`
    # is no ARN (read as one of an unknown Region before: RES-011 at home).
    queue = json.dumps({"queue": f"arn:aws:sqs:{_aws_region(code, where)}:{OWN_ACCOUNT}:jobs"})
    jq = '".queue | capture(\\"^arn:aws:sqs:(?<r>[a-z0-9-]+):\\") | \\"sqs.\\(.r).amazonaws.com\\""'
    script = f"Q=$(echo '{queue}' | jq -r {jq})\ncurl -fsS \"https://$Q/{OWN_ACCOUNT}/jobs\"\n"
    return _user_data(script)


def jq_copy_comment_lines(code: str, where: str) -> Build:
    # A jq program over several lines with comments (the manual, "Comments": "# ... until the end of the line").
    jq = ("\n  # the disaster-recovery target, not the archive\n  .targets[]\n"
          '  | select(.role == "backup") # one a plan\n  | .region\n')  # fmt: skip
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def jq_copy_slurp(code: str, where: str) -> Build:
    # jq `--slurp` / `-s` ("read the entire input stream into a large array"): the first document's backup.
    jq = '.[0].targets[] | select(.role == "backup") | .region'
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -rs '{jq}')\n" + _copy_to(code, "$DR"))


def jq_copy_null_input(code: str, where: str) -> Build:
    # jq `-n` ("use null as the single input value") with `input` ("Outputs one new input").
    jq = 'input | .targets[] | select(.role == "backup") | .region'
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -rn '{jq}')\n" + _copy_to(code, "$DR"))


def jq_copy_inputs(code: str, where: str) -> Build:
    # jq `-n` with `inputs` ("Outputs all remaining inputs, one by one"), the way jq reduces several documents.
    jq = '[inputs | .targets[]] | map(select(.role == "backup")) | .[0].region'
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -rn '{jq}')\n" + _copy_to(code, "$DR"))


def jq_copy_slurpfile(code: str, where: str) -> Build:
    # jq `--slurpfile variable-name filename` ("reads all the JSON texts in the named file and binds an array of the
    # parsed JSON values to the given global variable") of the plan the script writes.
    jq = '$plan[0].targets[] | select(.role == "backup") | .region'
    return _user_data(
        _written(code, where) + f"DR=$(jq -rn --slurpfile plan /etc/dr/plan.json '{jq}')\n" + _copy_to(code, "$DR")
    )


def jq_copy_rawfile(code: str, where: str) -> Build:
    # jq `--rawfile variable-name filename` ("reads in the named file and binds its contents to the given global
    # variable"): the plan as text, parsed with fromjson.
    jq = '$plan | fromjson | .targets[] | select(.role == "backup") | .region'
    return _user_data(
        _written(code, where) + f"DR=$(jq -rn --rawfile plan /etc/dr/plan.json '{jq}')\n" + _copy_to(code, "$DR")
    )


def jq_copy_paths(code: str, where: str) -> Build:
    # A script's jq `paths(f)` / `getpath`: the Region of the target the plan names `dr-1`, wherever it is.
    jq = 'getpath(first(paths(type == "string") as $p | select(getpath($p) == "dr-1") | $p[:-1])) | .region'
    return _user_data(f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def _site_plan(code: str, where: str) -> str:
    # The plan keys sites by their names as people write them (non-ASCII text): `<site>/<region>`.
    site = {"EU": "Zürich", "US": "Montréal"}[code]
    return json.dumps({"sites": [f"Archiv-Köln/{AWS_HOME[code]}", f"{site}/{_aws_region(code, where)}"]},
                      ensure_ascii=False)  # fmt: skip


def jq_copy_capture_non_ascii(code: str, where: str) -> Build:
    # jq `capture` over non-ASCII text (Oniguruma reads UTF-8; jq gives code points): the second site's Region.
    jq = '.sites[1] | capture("^(?<site>[^/]+)/(?<region>[a-z0-9-]+)$") | .region'
    return _user_data(f"DR=$(echo '{_site_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def jq_copy_match_non_ascii(code: str, where: str) -> Build:
    # jq `match` over non-ASCII text: the part after the match's offset and length (code points, as jq 1.6 gives).
    jq = '.sites[1] | match("/") as $m | .[$m.offset + $m.length:]'
    return _user_data(f"DR=$(echo '{_site_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR"))


def jq_copy_double_quoted_env(code: str) -> Build:
    # The double-quoted program falls back to the machine's environment (`env`, unread by design): its value is
    # unknown (RES-011). On main the escaped `\$role` was read as a reference to an unset shell variable, so the
    # substitution counted as the machine's own and the DR copy abroad passed every door.
    jq = '".targets[] | select(.role == \\$role) | .region // env.DR_REGION"'
    return _user_data(
        f"DR=$(echo '{_aws_plan(code, 'abroad')}' | jq -r --arg role backup {jq})\n" + _copy_to(code, "$DR")
    )


def arn_rows() -> list[Row]:
    """The double-quoted ARN pattern at home (passes; RES-011 before). Its abroad twin names the ARN abroad in the
    script's own text (the guard RES-004, a preview RES-004 and RES-006: not pinned here)."""
    return [(f"fnros57-{code.lower()}-jq-sqs-capture-arn-double-quoted-home", code,
             jq_sqs_capture_arn_double_quoted(code, "home"), set(), []) for code in USER_DATA_CODES]  # fmt: skip


def unknown_rows() -> list[Row]:
    """A double-quoted jq program the reader leaves unread at a Region argument (RES-011: unknown; no home twin)."""
    return [(f"fnros57-{code.lower()}-jq-copy-double-quoted-env", code, jq_copy_double_quoted_env(code),
             {"RES-011"}, []) for code in USER_DATA_CODES]  # fmt: skip


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "ros-copy-jq-paths": (ros_copy_jq_paths, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-leaf-paths": (ros_copy_jq_leaf_paths, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-tostream": (ros_copy_jq_tostream, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-has": (ros_copy_jq_has, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-with-entries-computed": (ros_copy_jq_with_entries_computed, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-to-entries-computed": (ros_copy_jq_to_entries_computed, {"RES-009"}, ALI_CODES),
    "ros-copy-replace-select-split": (ros_copy_replace_select_split, {"RES-009"}, ALI_CODES),
    "ros-copy-sub-join-jq": (ros_copy_sub_join_jq, {"RES-009"}, ALI_CODES),
    "jq-copy-double-quoted": (jq_copy_double_quoted, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-double-quoted-arg": (jq_copy_double_quoted_arg, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-comment-lines": (jq_copy_comment_lines, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-slurp": (jq_copy_slurp, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-null-input": (jq_copy_null_input, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-inputs": (jq_copy_inputs, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-slurpfile": (jq_copy_slurpfile, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-rawfile": (jq_copy_rawfile, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-paths": (jq_copy_paths, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-capture-non-ascii": (jq_copy_capture_non_ascii, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-match-non-ascii": (jq_copy_match_non_ascii, {"RES-009"}, USER_DATA_CODES),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros57", HOME_ABROAD) + arn_rows() + unknown_rows()
