"""Template functions, round 7: the rest of jq (stop 54, issue 9).

Reproduced first on the unchanged engine (main 0bf4fb91, these programs through every door): ROS ``Fn::Jq`` filters
and a script's ``jq`` (the one reader, ``components/residency/jq.py``) using jq outside the stop-54 subset were left
unread, so a compliant program was refused at home (RES-011 at a region field, RES-015 at a host) and its abroad twin
got the same unproven-value rule instead of the rule of what it computes (RES-009 / RES-006): an object built then
``select(...).key``, ``if ... then ... else ... end``, ``ltrimstr`` and ``split(...)[0]`` of a URL, ``as $p`` with a
slice ``.[1:]``, ``join``, ``..`` with ``//`` and ``empty`` (ROS CN / JP / DE), and in EC2 user data an SQS host built
in an object, an ``if``, a host cut out of a URL, a slice (EU / US). One leak: a script's
``jq -r '.targets[].region?'`` over a list whose second item is not an object (``"retired"``) gave only the first
Region (mutation54's ``?`` caught the whole path so far and stopped there; jq 1.6's ``?`` covers its own step, so jq
prints every Region after it too): the Region abroad passed every door (``jq-copy-optional-step-abroad``).

Since this round the jq reader reads those forms (each checked against jq 1.6 on this machine; a step's ``?`` covers
that step only), so each ``-home`` program passes and each ``-abroad`` one is refused by the rule of the value jq
computes.

``kind`` (ROS: CN, JP, DE; user data: EU, US): ``-home`` passes, ``-abroad`` refused (RES-009 a Region; RES-006 an
endpoint of another Region).

tests/test_realistic_programs.py runs them as CASES (``fnros54b-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, SUBNETS, Build, Row, home_abroad_rows, ros_stack
from platform_programs_fnros53 import ALI_AWAY, ALI_CODES, AWS_AWAY

USER_DATA_CODES = ("EU", "US")
"""The jurisdictions of the user data programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2"}
"""A second AWS Region inside each jurisdiction (Frankfurt, Oregon)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
OWN_ACCOUNT = "123456789012"


def _region(code: str, where: str) -> str:
    # The Alibaba Cloud Region the program names: the stack's own, or one outside the market.
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _copy(region: Any) -> Build:
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId: the Region the image is copied to.
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    return ros_stack("images", {"Copy": copy})


def _sink(host: Any) -> Build:
    # An FC function whose SINK_HOST is `host` (the function writes thumbnails to that OSS endpoint).
    function = {"Type": "ALIYUN::FC::Function", "Properties": {
        "ServiceName": "images", "FunctionName": "thumbnails", "Handler": "index.handler", "Runtime": "python3.10",
        "Code": {"SourceCode": "def handler(event, context):\n    return event\n"},
        "EnvironmentVariables": {"SINK_HOST": host}}}  # fmt: skip
    return ros_stack("images", {"Thumbnails": function})


def _jq(script: str, data: Any) -> dict[str, Any]:
    # ROS Fn::Jq [method, script, object] ("First: the first value that is sorted by the filter").
    return {"Fn::Jq": ["First", script, json.dumps(data)]}


def ros_copy_jq_object_select(code: str, where: str) -> Build:
    # jq "Object Construction: {}" (`{region, role}` for `{region: .region, role: .role}`) and a step after a term,
    # `select(f).region`.
    targets = [{"role": "archive", "region": ALI_HOME[code], "tier": "cold"},
               {"role": "backup", "region": _region(code, where), "tier": "warm"}]  # fmt: skip
    script = '.targets | map({region, role}) | .[] | select(.role == "backup").region'
    return _copy(_jq(script, {"targets": targets}))


def ros_copy_jq_if(code: str, where: str) -> Build:
    # jq "if-then-else-end": the disaster-recovery Region where it is enabled, else the primary one.
    plan = {"primary": ALI_HOME[code], "dr": {"enabled": True, "region": _region(code, where)}}
    return _copy(_jq("if .dr.enabled then .dr.region else .primary end", plan))


def ros_copy_jq_slice_as(code: str, where: str) -> Build:
    # jq "Variable / Symbolic Binding Operator" (`. as $p | ...`) and "Array/String Slice: .[10:15]": the first
    # Region after the primary.
    plan = {"plan": {"regions": [ALI_HOME[code], _region(code, where)]}}
    return _copy(_jq(".plan as $p | $p.regions[1:] | first", plan))


def ros_copy_jq_recurse(code: str, where: str) -> Build:
    # jq "Recursive Descent: .." with `.key?`, "Alternative operator: //" and `empty`: the backup Region wherever the
    # settings nest it.
    settings = {"images": {"retention": 7, "copies": {"backup_region": _region(code, where)}}}
    return _copy(_jq("[.. | .backup_region? // empty] | first", settings))


def ros_fc_jq_url_trim(code: str, where: str) -> Build:
    # jq `ltrimstr(str)` and `split(str)`, then an index: the host of the bucket URL the settings give.
    url = f"https://oss-{_region(code, where)}-internal.aliyuncs.com/thumbnails"
    return _sink(_jq('.sink.url | ltrimstr("https://") | split("/")[0]', {"sink": {"url": url}}))


def ros_fc_jq_join(code: str, where: str) -> Build:
    # jq `join(str)` of an array built, then `+`: the OSS internal endpoint of the sink's Region.
    sink = {"sink": {"service": "oss", "region": _region(code, where)}}
    return _sink(_jq('[.sink.service, .sink.region, "internal"] | join("-") + ".aliyuncs.com"', sink))


def _user_data(script: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=f"#!/bin/bash\nset -euo pipefail\n{script}", opts=c.aws)  # fmt: skip

    return build


def _copy_to(code: str, region: str) -> str:
    # aws ec2 copy-snapshot: the copy is made in the Region the call goes to (--region).
    return (f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id snap-0a1b2c3d4e5f60718 "
            f'--description nightly-dr --region "{region}"\n')  # fmt: skip


def jq_copy_optional_step(code: str, where: str) -> Build:
    # jq "Optional Object Identifier-Index: .foo?": each target's Region, nothing for a retired entry (a text).
    plan = json.dumps({"targets": [{"region": AWS_SECOND[code]}, "retired", {"region": _aws_region(code, where)}]})
    script = f"R=$(echo '{plan}' | jq -r '.targets[].region?')\nfor r in $R; do\n  {_copy_to(code, '$r')}done\n"
    return _user_data(script)


def jq_copy_if(code: str, where: str) -> Build:
    plan = json.dumps({"primary": AWS_HOME[code], "dr": {"enabled": True, "region": _aws_region(code, where)}})
    script = f"DR=$(echo '{plan}' | jq -r 'if .dr.enabled then .dr.region else .primary end')\n"
    return _user_data(script + _copy_to(code, "$DR"))


def jq_copy_slice(code: str, where: str) -> Build:
    plan = json.dumps({"regions": [AWS_HOME[code], _aws_region(code, where)]})
    script = f"DR=$(echo '{plan}' | jq -r '.regions[1:] | .[0]')\n"
    return _user_data(script + _copy_to(code, "$DR"))


def jq_sqs_object(code: str, where: str) -> Build:
    # An object built with an interpolated text, then its key: the SQS endpoint of the queue's Region.
    queue = json.dumps({"queue": {"region": _aws_region(code, where), "name": "jobs"}})
    script = (f"Q=$(echo '{queue}' | jq -r '.queue | {{host: \"sqs.\\(.region).amazonaws.com\"}} | .host')\n"
              f'curl -fsS "https://$Q/{OWN_ACCOUNT}/jobs"\n')  # fmt: skip
    return _user_data(script)


def jq_sqs_split(code: str, where: str) -> Build:
    url = f"https://sqs.{_aws_region(code, where)}.amazonaws.com/{OWN_ACCOUNT}/jobs"
    script = (f"HOST=$(echo '{json.dumps({'url': url})}' | jq -r '.url | ltrimstr(\"https://\") | split(\"/\")[0]')\n"
              f'curl -fsS "https://$HOST/{OWN_ACCOUNT}/jobs"\n')  # fmt: skip
    return _user_data(script)


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "ros-copy-jq-object-select": (ros_copy_jq_object_select, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-if": (ros_copy_jq_if, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-slice-as": (ros_copy_jq_slice_as, {"RES-009"}, ALI_CODES),
    "ros-copy-jq-recurse": (ros_copy_jq_recurse, {"RES-009"}, ALI_CODES),
    "ros-fc-jq-url-trim": (ros_fc_jq_url_trim, {"RES-006"}, ALI_CODES),
    "ros-fc-jq-join": (ros_fc_jq_join, {"RES-006"}, ALI_CODES),
    "jq-copy-optional-step": (jq_copy_optional_step, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-if": (jq_copy_if, {"RES-009"}, USER_DATA_CODES),
    "jq-copy-slice": (jq_copy_slice, {"RES-009"}, USER_DATA_CODES),
    "jq-sqs-object": (jq_sqs_object, {"RES-006"}, USER_DATA_CODES),
    "jq-sqs-split": (jq_sqs_split, {"RES-006"}, USER_DATA_CODES),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("fnros54b", HOME_ABROAD)
