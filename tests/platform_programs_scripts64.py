"""Scripts and user data, round 20 (stop 64, issue 9, scripts64): wrappers setting the Region in an assignment before
the command, xargs running a command per item, option words around a substitution, eval and source of unread text,
functions printing from a loop, loop variables set by read, double-quoted text after a substitution.

What *Scripts and user data, round 19 (stop 63)*, *Mutation search, round 34 (stop 63)* and *False alarms, round 30
(stop 63)* left open in the one script reader (residency-open.md, "Free text and scripts"). Each shape was probed on
the unchanged engine (main 644efda6) first; see docs/residency.md, *Scripts and user data, round 20 (stop 64)*. On
644efda6 **45 of these 54 programs failed**: **30 leaks** (passed every door though they must be refused), **9 false
alarms** (compliant, refused RES-011) and **6 wrong rules** (RES-011 for RES-009).

1. **A wrapper setting the Region in an assignment before the command** (bash(1) "Simple Command Expansion": the
   assignments before a command are in its environment; the AWS CLI reads ``AWS_REGION``, "Environment variables to
   configure the AWS CLI"): ``with_region() { local r=$1; shift; AWS_REGION="$r" "$@"; }`` called in a loop over a
   Region abroad (``prefix-wrapper-*``): the call's words were written out after the script's end, where ``$r`` holds
   nothing.
2. **xargs running the command once per item** (GNU findutils "Invoking xargs": ``-I replace-str`` takes one line an
   item; ``-n max-args``): ``printf '%s\\n' <home> <abroad> | xargs -I{} aws ... --region {}`` (``xargs-*``: the two
   lines were written into one word) and ``echo <home> <abroad> | xargs -n1 aws ... --region`` (``xargs-n1-*``: read
   as one command, the second Region an operand).
3. **An option word around a substitution** (``DR_OPT="--region=$(cat /etc/fleet/dr)"``, then ``aws ... "$DR_OPT"``;
   ``dropt-*``): the evaluator holds no value for text around a substitution, so the option word was an operand.
4. **eval / source of text no reader reads** (bash(1) "Bourne Shell Builtins", ``eval``, ``.``): ``eval "$(cat
   /etc/fleet/env)"`` or ``. /etc/fleet/env`` then ``--region "$DR_REGION"`` (a name no line assigns; ``eval-unset``,
   ``source-unset``): read as unset, it passed. ``eval "$(ssh-agent -s)"`` beside ``R=<home>`` (``ssh-agent-home``)
   passes: the unknown reaches only names no line assigns.
5. **A function printing from a loop** (``pick() { while read -r r; do echo "$r"; return 0; done <<EOF ...; }``,
   ``func-while-*``): RES-011 also at home (a false alarm); now each line the loop reads.
6. **A loop variable set by read given to a wrapper** (``read -r T < /etc/fleet/targets`` of a file the script writes,
   ``for r in $T; do retry aws ... --region "$r"; done``; ``readloop-*``): RES-011 also at home.
7. **Double-quoted text after a substitution** (``T="$(echo <home>) <abroad>"``, ``for r in $T``; ``quoted-tail-*``):
   the text after the blank was dropped, the Region abroad passed.

Ids: ``scripts64-<code>-<shape>``; AWS programs in EU / US / CN (an EC2 instance or a launch template with base64
user data), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template, platform_parts.ali_boot).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot
from platform_programs_scripts63 import ALI_ABROAD, ALI_SECOND, AWS_SECOND, IMAGE, QUEUES, RETRY

AWS_CODES = ("EU", "US", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
ENV_FILE = "/etc/fleet/env"
"""A file the fleet's image bakes variables into (the script does not write it: no reader reads it)."""
WITH_REGION = 'with_region() { local r=$1; shift; AWS_REGION="$r" "$@"; }\n'
"""The fleet's wrapper giving a command its Region through the environment (on one line: written over several, the
assignment's line in the body was read with the loop's words already)."""
AWS_SHAPES: dict[str, set[str]] = {
    "prefix-wrapper-abroad": {"RES-009"},
    "prefix-wrapper-home": set(),
    "xargs-abroad": {"RES-009"},
    "xargs-home": set(),
    "xargs-n1-abroad": {"RES-009"},
    "dropt-unknown": {"RES-011"},
    "dropt-sed-abroad": {"RES-009"},
    "eval-unset": {"RES-011"},
    "source-unset": {"RES-011"},
    "ssh-agent-home": set(),
    "func-while-abroad": {"RES-009"},
    "func-while-home": set(),
    "readloop-abroad": {"RES-009"},
    "readloop-home": set(),
    "quoted-tail-abroad": {"RES-009"},
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_SHAPES: dict[str, set[str]] = {
    "ali-xargs-abroad": {"RES-009"},
    "ali-eval-unset": {"RES-011"},
    "ali-func-while-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every market."""
ENCODED = ("xargs-", "eval-", "source-", "quoted-")
"""The AWS shapes booted by a launch template (base64 user data); the others by an instance."""


def _pick(region: str) -> str:
    """A function printing the first line its loop reads, and its use."""
    return f'pick() {{\n  while read -r r; do echo "$r"; return 0; done <<EOF\n{region}\nEOF\n}}\nR=$(pick)\n'


def _region_script(shape: str, home: str, region: str) -> str:
    """The lines giving the call the Region ``region`` (home or abroad) by the shape's reading."""
    scripts = {
        "prefix-wrapper-": f"{WITH_REGION}for r in {home} {region}; do\n  with_region \"$r\" {QUEUES}\ndone\n",
        # findutils "Invoking xargs": -I, one line an item; -n1, one item a command
        "xargs-n1-": f"echo {home} {region} | xargs -n1 {QUEUES} --region\n",
        "xargs-": f"printf '%s\\n' {home} {region} | xargs -I{{}} {QUEUES} --region {{}}\n",
        "dropt-sed-": f'DR_OPT="--region=$(echo {home} | sed s/{home}/{region}/)"\n{QUEUES} "$DR_OPT"\n',
        "func-while-": f'{_pick(region)}{QUEUES} --region "$R"\n',
        "readloop-": f"{RETRY}echo '{home} {region}' > /etc/fleet/targets\nread -r T < /etc/fleet/targets\n"
                     f'for r in $T; do\n  retry {QUEUES} --region "$r"\ndone\n',
        "quoted-tail-": f'T="$(echo {home}) {region}"\nfor r in $T; do\n  {QUEUES} --region "$r"\ndone\n',
    }  # fmt: skip
    return next(v for k, v in scripts.items() if shape.startswith(k))


def _aws_script(shape: str, code: str) -> str:
    home = AWS_HOME[code]
    if shape == "dropt-unknown":
        return f'DR_OPT="--region=$(cat /etc/fleet/dr_region)"\n{QUEUES} "$DR_OPT"\n'
    if shape == "eval-unset":
        return f'eval "$(cat {ENV_FILE})"\n{QUEUES} --region "$DR_REGION"\n'
    if shape == "source-unset":
        return f'set -a\n. {ENV_FILE}\nset +a\n{QUEUES} --region "$DR_REGION"\n'
    if shape == "ssh-agent-home":
        return f'R={AWS_SECOND[code]}\neval "$(ssh-agent -s)"\nssh-add /etc/fleet/deploy_key\n{QUEUES} --region "$R"\n'
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_SECOND[code]
    return _region_script(shape, home, region)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        user_data = f"#!/bin/bash\nset -euo pipefail\n{_aws_script(shape, code)}"
        if shape.startswith(ENCODED):
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            data = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def _ali_script(shape: str, code: str) -> str:
    home = ALI_HOME[code]
    # aliyun CLI: `aliyun ecs DescribeInstances --RegionId R` (the API's RegionId)
    call = "aliyun ecs DescribeInstances --RegionId"
    if shape == "ali-xargs-abroad":
        return f"printf '%s\\n' {home} {ALI_ABROAD[code]} | xargs -I{{}} {call} {{}}\n"
    if shape == "ali-eval-unset":
        return f'eval "$(cat {ENV_FILE})"\n{call} "$DR_REGION"\n'
    return f'{_pick(ALI_SECOND[code])}{call} "$R"\n'


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, f"#!/bin/bash\nset -euo pipefail\n{_ali_script(shape, code)}",
                        launch_template=shape.endswith("-home"))  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        out += [(f"scripts64-{code.lower()}-{shape}", code, aws_program(code, shape), expected, [])
                for shape, expected in AWS_SHAPES.items()]  # fmt: skip
    for code in ALI_CODES:
        out += [(f"scripts64-{code.lower()}-{shape}", code, ali_program(code, shape), expected, [])
                for shape, expected in ALI_SHAPES.items()]  # fmt: skip
    return out
