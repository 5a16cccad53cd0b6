"""Scripts and user data, round 14 (stop 58, issue 9, scripts58).

What *Scripts and user data, round 13* and *round 13, part 2 (stop 57)* and *The lead's review of stop 57* left open
in the one script reader (their "Left open"; residency-open.md, "Free text and scripts", "The script reader's bounds").
Reproduced on the unchanged engine (main at 38135ba4: one-value probes, then these programs through every front door);
see docs/residency.md, *Scripts and user data, round 14 (stop 58)*, for which offending programs passed every door:

1. **The reader's bounds fail closed** (``calls-past-*``: a wrapper's 65th distinct call giving ``--region``, after 64
   in-country ones; ``cross-hosts-*`` / ``cross-assign-*``: a host of two variables whose values give ten
   combinations, the one pair abroad not on the first value of either, at ``psql -h`` and through an assignment;
   ``positional-21-*``: ``${21}`` of a call of 21 words).
2. **Shell readings left open** (``read-exact-*``: ``read -N N``; ``read-delim-file-*``: ``read -d , R < FILE`` of a
   file the script writes; ``substring-*``: ``${DR:6:N}``; ``substring-end-*``: ``${DR: -N}``; ``default-var-*``:
   ``${R:-$B}``; ``op-var-*``: ``${T/fleet/$B}``; ``mapfile-nul-*``: ``mapfile -t -d '' RS < <(printf '%s\\0' ...)``;
   ``mapfile-nul-file-*``: the same of a file; ``function-lines-*``: ``$(f)`` where f logs, then echoes;
   ``loop-assign-*``: ``R="$DR"`` in a ``for DR`` loop's body, found on the way).

Also through an SSM Command document (``ssm-``) and an Alibaba ECS instance's user data (``ali-``). Each refusal has
its compliant twin (the home Region, or in-country private addresses), which passes. Ids:
``scripts58-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
REGION_SHAPES = (
    "calls-past", "positional-21", "read-exact", "read-delim-file", "substring", "substring-end", "default-var",
    "op-var", "mapfile-nul", "mapfile-nul-file", "function-lines", "loop-assign", "ssm-default-var", "ssm-substring",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with the home Region."""
HOST_SHAPES = ("cross-hosts", "cross-assign")
"""The AWS shapes refused with a public address (RES-015) and passing with private ones."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in REGION_SHAPES},
    **{f"{shape}-abroad": {"RES-015"} for shape in HOST_SHAPES},
    **{f"{shape}-home": set() for shape in (*REGION_SHAPES, *HOST_SHAPES)},
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-substring-abroad": {"RES-009"}, "ali-substring-home": set(),
    "ali-read-delim-file-abroad": {"RES-009"}, "ali-read-delim-file-home": set(),
}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("positional-21-", "substring-end-", "op-var-", "mapfile-nul-file-", "cross-assign-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""
CALLS_BEFORE = 64
"""The in-country calls of the wrapper before the one the shape gives (scripts._MAX_CALLS_EXPANDED)."""


def _hosts_script(shape: str, abroad: bool) -> str:
    """A replica check whose host is built from two variables giving ten combinations (bash(1) "Parameter
    Expansion"); abroad, the first network is `192` so that `192.17.0.5` (a public address) is one of them, the
    others private (`10.x.0.5`, `192.168.0.5`); at home both networks are in 10.0.0.0/8."""
    nets = "10 192" if abroad else "10.1 10.2"
    octets = "168 17 2 20 3" if abroad else "0 1 2 3 4"
    suffix = ".0.5" if abroad else ".5"
    if shape.startswith("cross-hosts-"):
        return (
            f"for NET in {nets}; do\n  for OCT in {octets}; do\n"
            f"    psql -h \"${{NET}}.${{OCT}}{suffix}\" -U fleet -c 'select 1'\n  done\ndone\n"
        )
    net_cases = "".join(f"  site{i}) NET={n} ;;\n" for i, n in enumerate(nets.split()))
    octet_cases = "".join(f"  tier{i}) OCT={o} ;;\n" for i, o in enumerate(octets.split()))
    return (
        f'case "$FLEET_SITE" in\n{net_cases}esac\ncase "$FLEET_TIER" in\n{octet_cases}esac\n'
        f'H="${{NET}}.${{OCT}}{suffix}"\npsql -h "$H" -U fleet -c \'select 1\'\n'
    )


def _region_script(shape: str, home: str, region: str) -> str:
    """The lines giving ``R`` (or the command's Region) the Region ``region`` by the shape's reading (bash(1))."""
    prefix, number = region.rsplit("-", 1)
    shapes = {
        # "Special Parameters": "$@" written out for each distinct call; the 65th past the reader's bound
        "calls-past-": 'retain() {\n  aws logs put-retention-policy --retention-in-days 30 "$@"\n}\n'
        + "".join(f"retain --log-group-name /fleet/app{i} --region {home}\n" for i in range(CALLS_BEFORE))
        + f"retain --log-group-name /fleet/dr --region {region}\n",
        # "Positional Parameters": a parameter of more than one digit, enclosed in braces
        "positional-21-": f'retain() {{\n  {RETENTION} --region "${{21}}"\n}}\n'
        + "retain "
        + " ".join(f"tag{i}" for i in range(1, 21))
        + f" {region}\n",
        # "read": -N nchars, exactly nchars characters, not split
        "read-exact-": f'read -r -N {len(region)} R <<< "{region}-fleet"\n',
        # "read": -d delim from a file the script writes
        "read-delim-file-": f'echo "{region},{home}" > /etc/fleet/regions\n'
        "read -r -d , R < /etc/fleet/regions || true\n",
        # "Parameter Expansion": substring expansion, from an offset and of a length, or from the end
        "substring-end-": f'DR=fleet-{region}\n{RETENTION} --region "${{DR: -{len(region)}}}"\n',
        "substring-": f'DR=fleet-{region}-primary\nR="${{DR:6:{len(region)}}}"\n',
        # "Parameter Expansion": a default word and a replacement string that are variables
        "default-var-": f'B={region}\nR="${{DR_OVERRIDE:-$B}}"\n',
        "op-var-": f'B={prefix}\nT=fleet-{number}\nR="${{T/fleet/$B}}"\n',
        # "mapfile": -d '' splits at NUL characters; printf's \0 writes one
        "mapfile-nul-file-": f"printf '%s\\0' {home} {region} > /etc/fleet/regions\n"
        "mapfile -t -d '' RS < /etc/fleet/regions\nR=\"${RS[1]}\"\n",
        "mapfile-nul-": f"mapfile -t -d '' RS < <(printf '%s\\0' {home} {region})\nR=\"${{RS[1]}}\"\n",
        # "Looping Constructs": each word bound in turn, assigned to another variable in the body
        "loop-assign-": f'for DR in {home} {region}; do\n  R="$DR"\n  {RETENTION} --region "$R"\ndone\n',
        # "Command Substitution": a function's output, after a command writing nothing to it
        "function-lines-": f'dr_region() {{\n  logger -t fleet "resolving the DR Region"\n  echo {region}\n}}\n'
        'R="$(dr_region)"\n',
    }
    body = next(v for k, v in shapes.items() if shape.startswith(k))  # a longer name first (`substring-end-`)
    uses_r = "--region" not in body
    return body + (f'{RETENTION} --region "$R"\n' if uses_r else "")


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region or host reaches its command through the shape's shell reading."""
    home = AWS_HOME[code]
    abroad = shape.endswith("-abroad")
    if shape.startswith(HOST_SHAPES):
        return "#!/bin/bash\nset -euo pipefail\n" + _hosts_script(shape, abroad)
    return "#!/bin/bash\nset -euo pipefail\n" + _region_script(shape, home, AWS_ABROAD[code] if abroad else home)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            lines = _user_data(code, shape.removeprefix("ssm-")).splitlines()[2:]
            step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": lines}}
            document = {"schemaVersion": "2.2", "description": "Fleet log retention", "mainSteps": [step]}
            return aws.ssm.Document("fleet-retention", name="fleet-retention", document_type="Command",
                                    document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape.startswith(LAUNCH_TEMPLATES):
            # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
            data = base64.b64encode(_user_data(code, shape).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """An aliyun CLI call given its region by a substring of a variable or ``read -d ,`` of a file."""
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    call = "aliyun ecs DescribeInstances --PageSize 50 --RegionId"
    if shape.startswith("ali-substring-"):
        return f'#!/bin/bash\nDR=fleet-{region}-primary\n{call} "${{DR:6:{len(region)}}}"\n'
    return (
        f'#!/bin/bash\necho "{region},{ALI_HOME[code]}" > /etc/fleet/regions\n'
        f'read -r -d , R < /etc/fleet/regions || true\n{call} "$R"\n'
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts58-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts58-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
