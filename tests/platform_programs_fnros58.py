"""Template functions, round 12: jq's path expressions (``path(f)``, ``del(f)``, ``setpath`` / ``delpaths``, the
assignments ``|=`` / ``=`` / ``+=`` ... ``//=``), ``walk``, ``any`` / ``all``, ``nth``, ``fromstream`` and the formats
``@sh`` / ``@uri`` / ``@csv`` / ``@tsv`` (format strings too), in ROS ``Fn::Jq`` filters and a script's ``jq``
(stop 58, issue 9).

Reproduced first on the unchanged engine (main 38135ba4, these programs through every door): see docs/residency.md,
*Template functions, round 12 (stop 58)*, for the count. Each form was unread there: RES-011 at home (a false alarm)
and the same abroad (where the rule of what it computes is RES-009). ``length-as`` is mutation57b's program
(``[paths(...)] | length as $n | getpath(...)``, RES-011 at home, left open as a false alarm): jq 1.6 itself fails on
it (``getpath`` reads the array of paths, "Cannot index array"), so RES-011 was right; the table pins the program as
written to do what was meant (``. as $d | ... | $d | getpath(...)``), which passes at home.

``kind`` (ROS: CN, JP, DE; user data: EU, US): ``-home`` passes, ``-abroad`` refused (RES-009 a Region).

tests/test_realistic_programs.py runs them as CASES (``fnros58-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY
from platform_programs_fnros55 import USER_DATA_CODES, _copy, _copy_to, _jq, _user_data


def _region(code: str, where: str) -> str:
    # The Alibaba Cloud Region the program names: the stack's own, or one outside the market.
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _plan(code: str, where: str) -> dict[str, Any]:
    # The image copy plan, nested as a runbook keeps it: the archive at home, the disaster-recovery copy's Region.
    return {"plan": {"archive": {"tier": "cold", "region": ALI_HOME[code]},
                     "copy": {"tier": "warm", "dr_region": _region(code, where)}}}  # fmt: skip


def _ros(script: str) -> Family:
    return lambda code, where: _copy(_jq(script, _plan(code, where)))


# Each ROS Fn::Jq filter at an image copy's DestinationRegionId (jq manual, https://jqlang.org/manual/v1.6/).
ROS_FILTERS = {
    # `del(path_expression)` ("Removes a key and its corresponding value from an object"): the archive gone, the
    # copy's Region the one left.
    "ros-copy-jq-del": "del(.plan.archive) | .plan[].dr_region",
    # `|=` ("Update-assignment: the right-hand side is evaluated with the value of the left-hand side as its input").
    "ros-copy-jq-update": '.plan.copy |= . + {"tier": "hot"} | .plan.copy.dr_region',
    # `walk(f)` ("applies f recursively to every component of the input entity").
    "ros-copy-jq-walk": 'walk(if type == "string" then ltrimstr(" ") else . end) | .plan.copy.dr_region',
    # `nth(n; expr)` ("outputs the nth value output by expr").
    "ros-copy-jq-nth": "nth(1; .plan[] | .dr_region // .region)",
    # `any(generator; condition)` ("true if any of the elements ... are true").
    "ros-copy-jq-any": 'if any(.plan[]; .tier == "warm") then .plan.copy.dr_region else .plan.archive.region end',
    # `fromstream(stream_expression)` ("Outputs values corresponding to the stream expression's outputs").
    "ros-copy-jq-fromstream": "fromstream(tostream) | .plan.copy.dr_region",
    # `setpath(PATHS; VALUE)` in a reduction over computed paths.
    "ros-copy-jq-setpath": (
        'reduce paths(type == "string") as $p (.; setpath($p; getpath($p) | ascii_downcase)) | .plan.copy.dr_region'
    ),
    # `path(path_expression)` ("Outputs array representations of the given path expression in .").
    "ros-copy-jq-path": 'getpath([path(..) | select(length > 0 and .[-1] == "dr_region")][0])',
    # mutation57b's program, written to read the plan after counting its paths.
    "ros-copy-jq-length-as": (
        '. as $d | [paths(type == "string")] | length as $n | $d | getpath(["plan", "copy", "dr_region"])'
    ),
}


def _aws_plan(code: str, where: str) -> str:
    targets = [{"name": "archive-1", "role": "archive", "region": AWS_HOME[code]},
               {"name": "dr-1", "role": "backup", "region": _aws_region(code, where)}]  # fmt: skip
    return json.dumps({"targets": targets})


def _script(jq: str) -> Family:
    # A user data script reading the plan with jq -r, then copying the snapshot to the Region it gives.
    return lambda code, where: _user_data(
        f"DR=$(echo '{_aws_plan(code, where)}' | jq -r '{jq}')\n" + _copy_to(code, "$DR")
    )


SCRIPT_FILTERS = {
    "jq-copy-del": _script('del(.targets[] | select(.role == "archive")) | .targets[0].region'),
    "jq-copy-update": _script('.targets |= map(select(.role == "backup")) | .targets[0].region'),
    "jq-copy-assign": _script('.targets[0].region = "none" | .targets[] | select(.role == "backup") | .region'),
    "jq-copy-nth": _script("nth(1; .targets[]) | .region"),
    "jq-copy-walk": _script(
        'walk(if type == "object" and has("name") then del(.name) else . end) | .targets[1].region'
    ),
    "jq-copy-all": _script('if all(.targets[]; has("region")) then .targets[1].region else empty end'),
    "jq-copy-uri": _script(".targets[1].region | @uri"),
    "jq-copy-length-as": _script('. as $d | [paths(type == "string")] | length as $n | $d | .targets[1].region'),
}


def ros_copy_select_avg(code: str, where: str) -> Build:
    # ROS Fn::Avg ("returns the average of a set of numbers": [ndigits, [number1, number2, ...]]) as Fn::Select's
    # index (pinned: read since fnros53, no table program until now).
    return _copy({"Fn::Select": [{"Fn::Avg": [0, [1, "1"]]}, [ALI_HOME[code], _region(code, where)]]})


def cfn_function_to_json_string(code: str, where: str) -> Build:
    # CloudFormation Fn::ToJsonString (AWS::LanguageExtensions: "converts an object or array to its corresponding
    # JSON string"): a Lambda function's CONFIG holding the jobs queue's URL (pinned: the URL is judged inside it).
    url = {"Fn::Sub": f"https://sqs.{_aws_region(code, where)}.${{AWS::URLSuffix}}/${{AWS::AccountId}}/jobs"}
    role = {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/jobs"}
    function = {"Type": "AWS::Lambda::Function", "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler", "Role": role,
        "Code": {"ZipFile": "def handler(event, context):\n    return event\n"},
        "Environment": {"Variables": {"CONFIG": {"Fn::ToJsonString": {"queue_url": url, "batch": 10}}}}}}  # fmt: skip
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Transform": "AWS::LanguageExtensions",
                           "Resources": {"Jobs": function}})  # fmt: skip

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, capabilities: a transform needs CAPABILITY_AUTO_EXPAND)
        return aws.cloudformation.Stack("jobs", name="jobs", template_body=document,
                                        capabilities=["CAPABILITY_AUTO_EXPAND"], opts=c.aws)  # fmt: skip

    return build


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    **{name: (_ros(script), {"RES-009"}, ALI_CODES) for name, script in ROS_FILTERS.items()},
    **{name: (family, {"RES-009"}, USER_DATA_CODES) for name, family in SCRIPT_FILTERS.items()},
    "ros-copy-select-avg": (ros_copy_select_avg, {"RES-009"}, ALI_CODES),
    "cfn-function-to-json-string": (cfn_function_to_json_string, {"RES-006"}, ("EU", "US", "JP")),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros58", HOME_ABROAD)
