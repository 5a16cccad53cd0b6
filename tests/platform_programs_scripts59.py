"""Scripts and user data, round 15 (stop 59, issue 9, scripts59).

What *Scripts and user data, round 14* and its part 2 (stop 58) and *The lead's review of stop 58* left open in the one
script reader (their "Left open"; residency-open.md, "Free text and scripts", "The script reader's bounds").
Reproduced on the unchanged engine (main at 8801eb8a: one-value probes, then these programs through every front door);
see docs/residency.md, *Scripts and user data, round 15 (stop 59)*:

1. **Leaks** (each offending program passed every door): an array's slice (``slice-loop-*``: ``for R in
   "${RS[@]:1:1}"``; ``slice-arg-*``: ``--region "${RS[@]: -2:1}"``), its keys (``keys-loop-*``: ``for R in
   "${!M[@]}"``), ANSI-C quoting (``ansi-region-*``: ``--region $'<Region>'``; ``ansi-hex-*``: ``$'us-west\\x2d2'``),
   ``IFS=, read -r -a RS <<<
   "$(cmd)"`` (``herestr-cmd-*``) and ``<<< "$LIST"`` (``herestr-var-*``), ``while read -r -d ';' R``
   (``read-delim-loop-*``), ``printf -v 'RS[1]'`` (``printf-element-*``), and a substring whose offset is a variable
   (``substring-var-*``: ``${DR:$N:9}``).
2. **False alarms** (each compliant twin was RES-011 at home): a function choosing its echo by ``if`` / ``case``
   (``function-if-*``, ``function-case-*``), a nested substitution unquoted or in an argument (``nested-unquoted-*``,
   ``nested-arg-*``), and jq's output written to a file, then read back (``jq-file-*``); and the fleet's private
   intake written with ANSI-C escapes (``ansi-host-home``: RES-015, read as the host ``10\\x2e0...``). Their offending
   twins were refused already (RES-011 / RES-015: unknown), now by the Region or host they give. ``nested-host-*``
   (``curl $(echo $(cat FILE))``) agreed on main and is pinned.

Also through an SSM Command document (``ssm-``: the slice loop, the ``IFS=, read -a <<< "$LIST"`` loop and the ``read
-d ';'`` loop, each line an item of ``runCommand``; found on the way: a loop whose body is a later item than its
``for`` / ``while read`` line passed every door with a Region abroad, even ``for R in <home> <abroad>``, the body
judged alone) and an Alibaba ECS instance's user data (``ali-``). Each refusal has its
compliant twin (the home Region and a second Region in the jurisdiction, or a private address), which passes. Ids:
``scripts59-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, PARTNER_COLLECTOR, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region in each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia): the other branch or item."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
PRIVATE_INGEST = "10.0.3.7"
"""The fleet's own log intake, a private address in the VPC (the host shapes' compliant twin)."""
REGION_SHAPES = (
    "slice-loop", "slice-arg", "keys-loop", "ansi-region", "ansi-hex", "herestr-cmd", "herestr-var",
    "read-delim-loop", "printf-element", "substring-var", "function-if", "function-case", "nested-unquoted",
    "nested-arg", "jq-file", "ssm-slice-loop", "ssm-herestr-var", "ssm-read-delim-loop",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with Regions in the jurisdiction."""
HOST_SHAPES = ("ansi-host", "nested-host")
"""The AWS shapes refused with a partner's host (RES-015) and passing with the fleet's private intake."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in REGION_SHAPES},
    **{f"{shape}-abroad": {"RES-015"} for shape in HOST_SHAPES},
    **{f"{shape}-home": set() for shape in (*REGION_SHAPES, *HOST_SHAPES)},
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-ansi-abroad": {"RES-009"}, "ali-ansi-home": set(),
    "ali-function-case-abroad": {"RES-009"}, "ali-function-case-home": set(),
}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("slice-arg-", "ansi-hex-", "herestr-var-", "function-case-", "nested-arg-", "jq-file-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _region_script(shape: str, home: str, second: str, region: str) -> str:
    """The lines giving ``R`` (or the command's Region) the Region ``region`` by the shape's reading (bash(1));
    ``second`` is another Region in the jurisdiction (another item or branch)."""
    prefix, number = region.rsplit("-", 1)
    shapes = {
        # "Parameter Expansion": an indexed array subscripted by @ with an offset and a length: those members
        "slice-loop-": f'RS=({second} {region} {home})\nfor R in "${{RS[@]:1:1}}"; do\n'
        f'  {RETENTION} --region "$R"\ndone\n',
        "slice-arg-": f'RS=({region} {second})\n{RETENTION} --region "${{RS[@]: -2:1}}"\n',
        # "Arrays": ${!name[@]} expands to the keys assigned in name
        "keys-loop-": f'declare -A ROLE=([{second}]=primary [{region}]=dr)\nfor R in "${{!ROLE[@]}}"; do\n'
        f'  {RETENTION} --region "$R"\ndone\n',
        # "QUOTING": $'string', backslash escapes replaced as the ANSI C standard specifies
        "ansi-region-": f"{RETENTION} --region $'{region}'\n",
        "ansi-hex-": f"R=$'{prefix}\\x2d{number}'\n",
        # "read": -a, the words (split at IFS) assigned to sequential indices
        "herestr-cmd-": f'IFS=, read -r -a RS <<< "$(echo {second},{region})"\nR="${{RS[1]}}"\n',
        "herestr-var-": f'LIST="{second},{region}"\nIFS=, read -r -a RS <<< "$LIST"\nfor R in "${{RS[@]}}"; do\n'
        f'  {RETENTION} --region "$R"\ndone\n',
        # "read": -d delim, the first character of delim terminates the input line
        "read-delim-loop-": f'echo "{second};{region};" > /etc/fleet/regions\n'
        f"while read -r -d ';' R; do\n  {RETENTION} --region \"$R\"\ndone < /etc/fleet/regions\n",
        # "printf": -v var assigns the output to the variable var (an array element too)
        "printf-element-": f"declare -a RS\nprintf -v 'RS[1]' '%s' {region}\nR=\"${{RS[1]}}\"\n",
        # "Substring Expansion": offset and length are arithmetic expressions (a variable's value)
        "substring-var-": f'N=6\nDR=fleet-{region}-primary\nR="${{DR:$N:{len(region)}}}"\n',
        # "Compound Commands": the output of whichever branch runs
        "function-if-": f"dr_region() {{\n  if [ -f /etc/fleet/dr ]; then\n    echo {region}\n  else\n"
        f'    echo {second}\n  fi\n}}\nR="$(dr_region)"\n',
        "function-case-": f'dr_region() {{\n  case "$1" in\n    primary) echo {second} ;;\n    *) echo {region} ;;\n'
        f'  esac\n}}\n{RETENTION} --region "$(dr_region dr)"\n',
        # "Command Substitution": "Command substitutions may be nested"
        "nested-unquoted-": f"echo {region} > /etc/fleet/region\n"
        f"{RETENTION} --region $(echo $(cat /etc/fleet/region))\n",
        "nested-arg-": f"echo {region} > /etc/fleet/region\n"
        f'{RETENTION} --region "$(echo "$(cat /etc/fleet/region)")"\n',
        # jq's output redirected to a file, read back
        "jq-file-": f'echo \'{{"region": "{region}"}}\' > /etc/fleet/cfg.json\n'
        "jq -r .region /etc/fleet/cfg.json > /tmp/region\nR=$(cat /tmp/region)\n",
    }
    body = next(v for k, v in shapes.items() if shape.startswith(k))
    uses_r = "--region" not in body
    return body + (f'{RETENTION} --region "$R"\n' if uses_r else "")


def _host_script(shape: str, abroad: bool) -> str:
    """Logs posted to the intake a shape gives: a partner's host abroad, the fleet's private intake at home."""
    host = PARTNER_COLLECTOR if abroad else PRIVATE_INGEST
    post = "curl -s -X POST --data-binary @/var/log/fleet/app.log"
    if shape.startswith("ansi-host-"):
        return f"{post} $'https://{host.replace('.', chr(92) + 'x2e')}/v1/logs'\n"
    return f'echo "https://{host}/v1/logs" > /etc/fleet/endpoint\n{post} $(echo $(cat /etc/fleet/endpoint))\n'


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region or host reaches its command through the shape's shell reading."""
    home = AWS_HOME[code]
    abroad = shape.endswith("-abroad")
    if shape.startswith(HOST_SHAPES):
        return "#!/bin/bash\nset -euo pipefail\n" + _host_script(shape, abroad)
    region = AWS_ABROAD[code] if abroad else home
    return "#!/bin/bash\nset -euo pipefail\n" + _region_script(shape, home, AWS_SECOND[code], region)


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
    """An aliyun CLI call given its region by ANSI-C quoting or by a function's ``case`` arm."""
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    call = "aliyun ecs DescribeInstances --PageSize 50 --RegionId"
    if shape.startswith("ali-ansi-"):
        return f"#!/bin/bash\n{call} $'{region}'\n"
    return (
        f'#!/bin/bash\nfleet_region() {{\n  case "$1" in\n    primary) echo {ALI_HOME[code]} ;;\n'
        f'    *) echo {region} ;;\n  esac\n}}\n{call} "$(fleet_region dr)"\n'
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts59-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts59-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
