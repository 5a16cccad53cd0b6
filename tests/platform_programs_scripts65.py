"""Scripts and user data, round 21 (stop 65, issue 9, scripts65): IFS set before a loop over a variable, su's long and
attached line option and runuser, systemd-run's remote host, select in a function printing, several substitutions in
one double-quoted value.

What *Scripts and user data, round 20 (stop 64)* and *Mutation search, round 35 (stop 64)* left open in the one script
reader (residency-open.md, "Free text and scripts"). Each shape was probed on the unchanged engine (main bc352e13)
first; see docs/residency.md, *Scripts and user data, round 21 (stop 65)*. On bc352e13 **42 of these 54 programs
failed**: **33 leaks** (passed every door though they must be refused), **6 false alarms** (compliant, refused
RES-011: ``select-home``, ``ali-select-home``) and **3 wrong rules** (RES-011 for RES-009: ``select-abroad``).

1. **IFS set before a loop over a variable** (bash(1) "Word Splitting": "The shell treats each character of IFS as a
   delimiter"): ``RS="<home>,<abroad>"; IFS=,; for r in $RS; do aws ... --region "$r"; done`` (``ifs-*``): the loop
   readers split at blanks, one word, no Region; ``IFS=$(cat /etc/fleet/sep)`` (``ifs-unknown``) fails closed now.
2. **su's long or attached line option and runuser** (util-linux su(1) / runuser(1): "-c, --command=command Pass
   command to the shell with the -c option"; "runuser [options] -u user [[--] command [argument...]]"):
   ``su ec2-user --command='...'``, ``su ec2-user -c'...'``, ``runuser -u ec2-user -- bash -c '...'``, ``runuser -l
   ec2-user -c '...'`` (``su-*``, ``runuser-*``): the line was never read.
3. **systemd-run's remote host** (systemd-run(1) ``-H, --host=``: "Execute the operation remotely. Specify a hostname,
   or a username and hostname separated by "@", to connect to"; ``systemd-host-*``): the host passed every door.
4. **select in a function printing** (bash(1) "Conditional Constructs", select: the name is set to the word whose
   number is read, null for another line, no pass at EOF): ``pick() { select r in A B; do echo "$r"; break; done; }``,
   ``R=$(pick)`` (``select-*``): RES-011 also at home; now each listed word.
5. **Several substitutions in one double-quoted value** (bash(1) "Double Quotes"): ``T="$(echo <home>) $(echo
   <abroad>)"``, ``for r in $T`` (``two-subst-*``): the first alone was read; one not computed fails closed.

Ids: ``scripts65-<code>-<shape>``; AWS programs in EU / US / CN (an EC2 instance or a launch template with base64
user data), Alibaba Cloud programs in CN / JP / DE (an ECS instance or launch template, platform_parts.ali_boot).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot
from platform_programs_config61 import declared
from platform_programs_scripts63 import ALI_ABROAD, ALI_SECOND, AWS_SECOND, IMAGE, QUEUES

AWS_CODES = ("EU", "US", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
BASTION = "bastion.partner.example.com"
"""A partner's machine systemd-run is told to run the unit on."""
AWS_SHAPES: dict[str, set[str]] = {
    "ifs-abroad": {"RES-009"},
    "ifs-home": set(),
    "ifs-unknown": {"RES-011"},
    "su-long-abroad": {"RES-009"},
    "su-attached-abroad": {"RES-009"},
    "runuser-u-abroad": {"RES-009"},
    "runuser-l-abroad": {"RES-009"},
    "runuser-l-home": set(),
    "systemd-host-partner": {"RES-015"},
    "select-abroad": {"RES-009"},
    "select-home": set(),
    "two-subst-abroad": {"RES-009"},
    "two-subst-unknown": {"RES-011"},
    "two-subst-home": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_SHAPES: dict[str, set[str]] = {
    "ali-ifs-abroad": {"RES-009"},
    "ali-runuser-abroad": {"RES-009"},
    "ali-select-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every market."""
ENCODED = ("ifs-", "runuser-", "two-subst-")
"""The AWS shapes booted by a launch template (base64 user data); the others by an instance."""


def _pick(first: str, second: str) -> str:
    """A function printing the word a select loop sets, and its use."""
    return f'pick() {{ select r in {first} {second}; do echo "$r"; break; done; }}\nR=$(pick)\n'


def _region_script(shape: str, home: str, region: str) -> str:
    """The lines giving the call the Region ``region`` (home or abroad) by the shape's reading."""
    line = f"{QUEUES} --region {region}"
    scripts = {
        "ifs-": f'RS="{home},{region}"\nIFS=,\nfor r in $RS; do\n  {QUEUES} --region "$r"\ndone\n',
        # su(1): -c, --command=command; getopt's attached value
        "su-long-": f"su ec2-user --command='{line}'\n",
        "su-attached-": f"su ec2-user -c'{line}'\n",
        # runuser(1): -u user [[--] command], or su's form with -c
        "runuser-u-": f"runuser -u ec2-user -- bash -c '{line}'\n",
        "runuser-l-": f"runuser -l ec2-user -c '{line}'\n",
        "select-": f'{_pick(region, home)}{QUEUES} --region "$R"\n',
        "two-subst-": f'T="$(echo {home}) $(echo {region})"\nfor r in $T; do\n  {QUEUES} --region "$r"\ndone\n',
    }  # fmt: skip
    return next(v for k, v in scripts.items() if shape.startswith(k))


def _aws_script(shape: str, code: str) -> str:
    home = AWS_HOME[code]
    if shape == "ifs-unknown":
        return (f'RS="{home},{AWS_SECOND[code]}"\nIFS=$(cat /etc/fleet/sep)\nfor r in $RS; do\n'
                f'  {QUEUES} --region "$r"\ndone\n')  # fmt: skip
    if shape == "two-subst-unknown":
        return f'T="$(echo {home}) $(cat /etc/fleet/dr_region)"\nfor r in $T; do\n  {QUEUES} --region "$r"\ndone\n'
    if shape.startswith("systemd-host-"):
        # systemd-run(1): -H, --host=[USER@]HOST runs the unit on that machine (over SSH)
        return f"systemd-run -H ops@{BASTION} --unit fleet-sync {QUEUES} --region {home}\n"
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
    if shape == "ali-ifs-abroad":
        return f'RS="{home},{ALI_ABROAD[code]}"\nIFS=,\nfor r in $RS; do\n  {call} "$r"\ndone\n'
    if shape == "ali-runuser-abroad":
        return f"runuser -u ecs-user -- bash -c '{call} {ALI_ABROAD[code]}'\n"
    return f'{_pick(ALI_SECOND[code], home)}{call} "$R"\n'


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, f"#!/bin/bash\nset -euo pipefail\n{_ali_script(shape, code)}",
                        launch_template=shape.endswith("-home"))  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        out += [(f"scripts65-{code.lower()}-{shape}", code, aws_program(code, shape), expected, [])
                for shape, expected in AWS_SHAPES.items()]  # fmt: skip
        out.append((f"scripts65-{code.lower()}-systemd-host-declared", code,
                    aws_program(code, "systemd-host-declared"), set(), [declared(code, BASTION)]))  # fmt: skip
    for code in ALI_CODES:
        out += [(f"scripts65-{code.lower()}-{shape}", code, ali_program(code, shape), expected, [])
                for shape, expected in ALI_SHAPES.items()]  # fmt: skip
    return out
