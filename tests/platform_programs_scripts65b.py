"""Scripts and user data, round 22 (stop 65, issue 9, scripts65b): xargs given its items from a file or split at
``-0`` / ``-d``, and the wrappers and shells no catalogue entry read (doas, screen, tmux, watch, script, BusyBox, mksh).

What *Scripts and user data, round 21*, *Mutation search, round 36* and *False alarms, round 32* (stop 65) left open
in the one script reader (residency-open.md, "Free text and scripts"). Each shape was probed on the unchanged engine
(main 23bea94d) first; see docs/residency.md, *Scripts and user data, round 22 (stop 65)*. On 23bea94d **25 of these
34 programs failed**, all **leaks** (passed every door though they must be refused); no false alarm, no wrong rule.

1. **xargs reading a file** (findutils "Invoking xargs", https://www.gnu.org/software/findutils/manual/html_node/
   find_html/Invoking-xargs.html: "--arg-file=file, -a file Read items from file instead of standard input"):
   ``printf '%s\\n' <home> <abroad> > FILE`` then ``xargs -a FILE -I{} aws ... --region {}`` (``xargs-file-*``) or
   ``xargs -I{} ... < FILE`` (``xargs-redirect-*``): the file's lines are the items; a file the script does not write
   (``xargs-file-unknown``) fails closed (RES-011).
2. **xargs' items cut at NUL** ("--null, -0 Input items are terminated by a null character instead of by
   whitespace"): ``printf '%s\\0' <home> <abroad> | xargs -0 -I{} ...`` (``xargs-null-*``): one item before.
3. **Wrappers and shells with no catalogue entry**: doas(1) "doas [-nSs] [-a style] [-C config] [-u user] command
   [args]" (https://man.openbsd.org/doas.1), screen(1) "-d -m", "-S sessionname", tmux(1) "new-session ...
   [shell-command]", watch(1) "command is given to sh -c", script(1) "-c, --command command", BusyBox's applet
   (``busybox sh -c``), mksh(1) ``-c string`` (``doas-*``, ``screen-*``, ``tmux-*``, ``watch-*``, ``script-*``,
   ``busybox-*``, ``mksh-*``): the command under them was never read.
4. **IFS before ``set -- $RS``** (bash(1) "Word Splitting"): ``IFS=,``, ``set -- $RS``, ``for r in "$@"``
   (``set-ifs-*``): the positional parameters' values were split at blanks (one word, no Region).

Ids: ``scripts65b-<code>-<shape>``; AWS programs in EU / US / CN (an EC2 instance, or a launch template with base64
user data for the xargs shapes).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row
from platform_programs_config61 import declared
from platform_programs_scripts63 import AWS_SECOND, IMAGE, QUEUES

AWS_CODES = ("EU", "US", "CN")
"""The jurisdictions of the xargs programs."""
XARGS_SHAPES: dict[str, set[str]] = {
    "xargs-file-abroad": {"RES-009"},
    "xargs-file-home": set(),
    "xargs-file-unknown": {"RES-011"},
    "xargs-redirect-abroad": {"RES-009"},
    "xargs-null-abroad": {"RES-009"},
    "xargs-null-home": set(),
}
"""Each xargs shape and its verdict in every jurisdiction."""
WRAPPER_ROWS: dict[str, tuple[str, ...]] = {
    "doas-abroad": ("EU", "US"),
    "screen-abroad": ("EU", "CN"),
    "tmux-abroad": ("US", "CN"),
    "tmux-home": ("EU",),
    "watch-abroad": ("US",),
    "script-abroad": ("CN",),
    "busybox-abroad": ("EU",),
    "mksh-abroad": ("US",),
    "set-ifs-abroad": ("EU", "CN"),
    "set-ifs-home": ("US",),
}
"""Each wrapper shape and the jurisdictions it is written in (RES-009 abroad, the home twin passes)."""
PARTNER = "db.partner.example.com"
"""A partner's database psql is run against under doas."""
REGIONS = "/etc/fleet/regions"
"""The file the xargs programs read their Regions from."""


def _xargs_script(shape: str, code: str) -> str:
    home = AWS_HOME[code]
    other = AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_SECOND[code]
    run = f"{QUEUES} --region {{}}"
    if shape == "xargs-file-unknown":
        return f"xargs -a {REGIONS} -I{{}} {run}\n"
    if shape.startswith("xargs-null-"):
        # findutils: --null, -0 (printf's `\0` ends each item)
        return f"printf '%s\\0' {home} {other} | xargs -0 -I{{}} {run}\n"
    written = f"printf '%s\\n' {home} {other} > {REGIONS}\n"
    if shape.startswith("xargs-redirect-"):
        return f"{written}xargs -I{{}} {run} < {REGIONS}\n"
    return f"{written}xargs -a {REGIONS} -I{{}} {run}\n"


def _wrapped_script(shape: str, code: str) -> str:
    region = (
        (AWS_SECOND[code] if shape.startswith("set-") else AWS_HOME[code])
        if shape.endswith("-home")
        else AWS_ABROAD[code]
    )
    line = f"{QUEUES} --region {region}"
    scripts = {
        "doas-": f"doas -u ec2-user {line}\n",
        "screen-": f"screen -dmS fleet-sync bash -c '{line}'\n",
        "tmux-": f"tmux new-session -d -s fleet-sync '{line}'\n",
        "watch-": f"watch -n 300 {line} &\n",
        "script-": f"script -qc '{line}' /dev/null\n",
        "busybox-": f"busybox sh -c '{line}'\n",
        "mksh-": f"mksh -c '{line}'\n",
        # bash(1) "Word Splitting" of `set -- $RS` under IFS=, ("Special Parameters": "$@" each positional parameter)
        "set-ifs-": f'RS="{AWS_HOME[code]},{region}"\nIFS=,\nset -- $RS\n'
        f'for r in "$@"; do\n  {QUEUES} --region "$r"\ndone\n',
    }
    return next(v for k, v in scripts.items() if shape.startswith(k))


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("xargs-"):
            script = _xargs_script(shape, code)
        elif shape.startswith("doas-psql-"):
            script = f"doas -u postgres psql -h {PARTNER} -U app -c 'select 1'\n"
        else:
            script = _wrapped_script(shape, code)
        user_data = f"#!/bin/bash\nset -euo pipefail\n{script}"
        if shape.startswith("xargs-"):
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            data = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        out += [(f"scripts65b-{code.lower()}-{shape}", code, aws_program(code, shape), expected, [])
                for shape, expected in XARGS_SHAPES.items()]  # fmt: skip
    for shape, codes in WRAPPER_ROWS.items():
        expected = set() if shape.endswith("-home") else {"RES-009"}
        out += [(f"scripts65b-{code.lower()}-{shape}", code, aws_program(code, shape), expected, [])
                for code in codes]  # fmt: skip
    out.append(("scripts65b-eu-doas-psql-partner", "EU", aws_program("EU", "doas-psql-partner"), {"RES-015"}, []))
    out.append(("scripts65b-eu-doas-psql-declared", "EU", aws_program("EU", "doas-psql-declared"), set(),
                [declared("EU", PARTNER)]))  # fmt: skip
    return out
