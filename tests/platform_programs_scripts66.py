"""Scripts and user data, round 23 (stop 66, issue 9, scripts66): the bare ``for NAME; do`` loop, IFS applied to the
other splits (an array's items, ``read -a``, ``set --``'s positions, a function's loop over ``$1``), an array holding
a command substitution printed by a function or inline, a printf format reused for more arguments, GNU parallel's
``:::`` arguments, screen's other flag groups.

What *Scripts and user data, round 21 / 22* and *False alarms, round 33* (stop 65) left open in the one script reader
(residency-open.md, "Free text and scripts"). Each shape was probed on the unchanged engine (d207e72e) first; see
docs/residency.md, *Scripts and user data, round 23 (stop 66)*. On d207e72e **every refused program below passed every
door (a leak)**; the home and declared twins passed, as they must; no false alarm, no wrong rule (counts in the
section).

1. **The bare loop** (bash(1) "Looping Constructs": "If 'in words' is not present, the for command executes list once
   for each positional parameter that is set, as if 'in "$@"' had been specified"): ``set -- <home> <abroad>`` or a
   function's call, then ``for r; do ... --region "$r"; done`` (``bare-set-*``, ``bare-func-*``, ``ali-bare-*``).
2. **IFS for the other splits** (bash(1) "Word Splitting", "Arrays", "read"): ``IFS=,`` on a line of its own, then
   ``ARR=($RS)`` looped over or indexed (``ifs-array-*``, ``ifs-element-*``), ``read -ra ARR <<< "$RS"``
   (``ifs-read-*``), ``set -- $RS`` then ``"$2"`` (``set-second-*``), a function's ``local IFS=,`` before ``for r in
   $1`` (``local-ifs-*``).
3. **An array holding a command substitution, printed** (bash(1) "Command Substitution", "Arrays"): ``REGIONS=($(cat
   FILE) <home>)``, ``regions() { printf '%s\\n' "${REGIONS[@]}"; }``, ``for r in $(regions)`` (``printed-array-*``:
   a file the script does not write fails closed, RES-011; one it writes is read), and inline ``$(echo
   "${REGIONS[@]}")`` (``inline-array-unknown``).
4. **A printf format reused** (bash(1) "printf": "The format is reused as necessary to consume all of the
   arguments"): ``printf 'AWS_REGION=%s\\n' <home> <abroad> > FILE`` then ``. FILE`` (``printf-reuse-*``,
   ``ali-printf-reuse-abroad`` with ``ALIBABA_CLOUD_REGION_ID``).
5. **GNU parallel** (https://www.gnu.org/software/parallel/man.html: "::: arguments Use arguments on the command line
   as input source", "{} ... replaced by a full line read from the input source"): ``parallel aws ... --region {} :::
   <home> <abroad>`` (``parallel-*``, ``ali-parallel-abroad``), ``parallel psql -h {} ... ::: <partner>``
   (``parallel-psql-*``).
6. **screen's flag groups** (screen(1): ``-L`` "turn on automatic output logging" takes no value; ``-S sessionname``):
   ``screen -LdmS NAME ...``, ``screen -dmLS NAME ...`` (``screen-*``).

Ids: ``scripts66-<code>-<shape>``; AWS programs in EU / US / CN (an EC2 instance), Alibaba Cloud programs in CN / JP /
DE (an ECS instance, platform_parts.ali_boot).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot
from platform_programs_config61 import declared
from platform_programs_scripts63 import ALI_ABROAD, ALI_SECOND, AWS_SECOND, IMAGE, QUEUES

AWS_ROWS: dict[str, tuple[str, ...]] = {
    "bare-set-abroad": ("EU", "US", "CN"),
    "bare-set-home": ("EU",),
    "bare-func-abroad": ("EU", "US"),
    "bare-func-home": ("US",),
    "ifs-array-abroad": ("EU", "CN"),
    "ifs-array-home": ("US",),
    "ifs-element-abroad": ("EU", "US"),
    "ifs-read-abroad": ("EU", "CN"),
    "ifs-read-home": ("US",),
    "set-second-abroad": ("EU", "US", "CN"),
    "set-second-home": ("EU",),
    "local-ifs-abroad": ("EU", "US"),
    "local-ifs-home": ("CN",),
    "printed-array-unknown": ("EU", "US", "CN"),
    "printed-array-abroad": ("EU",),
    "printed-array-home": ("US",),
    "inline-array-unknown": ("CN",),
    "printf-reuse-abroad": ("EU", "US", "CN"),
    "printf-reuse-home": ("EU",),
    "parallel-abroad": ("EU", "US", "CN"),
    "parallel-home": ("US",),
    "screen-logged-abroad": ("EU",),
    "screen-grouped-abroad": ("US",),
}
"""Each AWS shape and the jurisdictions it is written in (``-abroad`` RES-009, ``-unknown`` RES-011, ``-home``
passes)."""
ALI_ROWS: dict[str, tuple[str, ...]] = {
    "ali-bare-abroad": ("CN", "JP", "DE"),
    "ali-bare-home": ("CN",),
    "ali-parallel-abroad": ("JP",),
    "ali-printf-reuse-abroad": ("DE",),
}
"""Each Alibaba Cloud shape and its jurisdictions."""
PARTNER = "db.partner.example.com"
"""A partner's database psql is run against under parallel."""
REGIONS = "/etc/fleet/regions"
"""The file the printed-array programs read Regions from."""
ENV_FILE = "/etc/fleet/region.env"
"""The environment file printf writes and the script sources back."""


def _other(shape: str, code: str) -> str:
    """The second Region of a shape: abroad, or a second home Region."""
    return AWS_SECOND[code] if shape.endswith("-home") else AWS_ABROAD[code]


def _loops(shape: str, code: str) -> str:
    home, other, run = AWS_HOME[code], _other(shape, code), f'{QUEUES} --region "$r"'
    scripts = {
        # bash(1) "Looping Constructs": no `in` loops over "$@" (`set --`'s words, a function's arguments)
        "bare-set-": f"set -- {home} {other}\nfor r; do\n  {run}\ndone\n",
        "bare-func-": f"sync_all() {{\n  for r\n  do\n    {run}\n  done\n}}\nsync_all {home} {other}\n",
        # bash(1) "Word Splitting" under an IFS set on a line of its own
        "ifs-array-": f'RS="{home},{other}"\nIFS=,\nARR=($RS)\nfor r in "${{ARR[@]}}"; do\n  {run}\ndone\n',
        "ifs-element-": f'RS="{home},{other}"\nIFS=,\nARR=($RS)\nunset IFS\n{QUEUES} --region "${{ARR[1]}}"\n',
        "ifs-read-": f'RS="{home},{other}"\nIFS=,\nread -ra ARR <<< "$RS"\nfor r in "${{ARR[@]}}"; do\n  {run}\ndone\n',
        "set-second-": f'RS="{home},{other}"\nIFS=,\nset -- $RS\nunset IFS\n{QUEUES} --region "$2"\n',
        "local-ifs-": f"sync_all() {{\n  local IFS=,\n  for r in $1; do\n    {run}\n  done\n}}\n"
        f'sync_all "{home},{other}"\n',
    }
    return next(v for k, v in scripts.items() if shape.startswith(k))


def _printed(shape: str, code: str) -> str:
    home, run = AWS_HOME[code], f'{QUEUES} --region "$r"'
    written = {"printed-array-abroad": AWS_ABROAD[code], "printed-array-home": AWS_SECOND[code]}.get(shape)
    head = f"printf '%s\\n' {written} > {REGIONS}\n" if written else ""
    array = f"REGIONS=($(cat {REGIONS}) {home})\n"
    if shape.startswith("inline-"):
        return f'{array}for r in $(echo "${{REGIONS[@]}}"); do\n  {run}\ndone\n'
    return f"{head}{array}regions() {{ printf '%s\\n' \"${{REGIONS[@]}}\"; }}\nfor r in $(regions); do\n  {run}\ndone\n"


def _commands(shape: str, code: str) -> str:
    home, other = AWS_HOME[code], _other(shape, code)
    line = f"{QUEUES} --region {AWS_ABROAD[code]}"
    scripts = {
        # bash(1) "printf": the format reused per argument; sourced back (set -a exports every name)
        "printf-reuse-": f"printf 'AWS_REGION=%s\\n' {home} {other} > {ENV_FILE}\nset -a\n. {ENV_FILE}\nset +a\n"
        f"{QUEUES}\n",
        # GNU parallel: `{}` each argument of the `:::` source
        "parallel-psql-": f"parallel -j 2 psql -h {{}} -U app -c 'select 1' ::: {PARTNER}\n",
        "parallel-": f"parallel -j 2 {QUEUES} --region {{}} ::: {home} {other}\n",
        # screen(1): -L (logging) takes no value; -S the session name, last in the group
        "screen-logged-": f"screen -LdmS fleet-sync bash -c '{line}'\n",
        "screen-grouped-": f"screen -dmLS fleet-sync bash -c '{line}'\n",
    }
    return next(v for k, v in scripts.items() if shape.startswith(k))


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith(("printed-", "inline-")):
            script = _printed(shape, code)
        elif shape.startswith(("printf-", "parallel-", "screen-")):
            script = _commands(shape, code)
        else:
            script = _loops(shape, code)
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=f"#!/bin/bash\nset -euo pipefail\n{script}", opts=c.aws)  # fmt: skip

    return build


def _ali_script(shape: str, code: str) -> str:
    home = ALI_HOME[code]
    other = ALI_SECOND[code] if shape.endswith("-home") else ALI_ABROAD[code]
    # aliyun CLI: `aliyun ecs DescribeInstances --RegionId R` (the API's RegionId)
    call = "aliyun ecs DescribeInstances --RegionId"
    if shape.startswith("ali-bare-"):
        return f'set -- {home} {other}\nfor r; do\n  {call} "$r"\ndone\n'
    if shape.startswith("ali-parallel-"):
        return f"parallel {call} {{}} ::: {home} {other}\n"
    # the Alibaba Cloud CLI's ALIBABA_CLOUD_REGION_ID, from an environment file printf writes (the format reused)
    return (
        f"printf 'ALIBABA_CLOUD_REGION_ID=%s\\n' {home} {other} > {ENV_FILE}\nset -a\n. {ENV_FILE}\nset +a\n"
        "aliyun ecs DescribeInstances\n"
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, f"#!/bin/bash\nset -euo pipefail\n{_ali_script(shape, code)}")

    return build


def _expected(shape: str) -> set[str]:
    return set() if shape.endswith("-home") else {"RES-011"} if shape.endswith("-unknown") else {"RES-009"}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for shape, codes in AWS_ROWS.items():
        out += [(f"scripts66-{code.lower()}-{shape}", code, aws_program(code, shape), _expected(shape), [])
                for code in codes]  # fmt: skip
    for shape, codes in ALI_ROWS.items():
        out += [(f"scripts66-{code.lower()}-{shape}", code, ali_program(code, shape), _expected(shape), [])
                for code in codes]  # fmt: skip
    out.append(("scripts66-eu-parallel-psql-partner", "EU", aws_program("EU", "parallel-psql-partner"), {"RES-015"},
                []))  # fmt: skip
    out.append(("scripts66-eu-parallel-psql-declared", "EU", aws_program("EU", "parallel-psql-declared"), set(),
                [declared("EU", PARTNER)]))  # fmt: skip
    return out
