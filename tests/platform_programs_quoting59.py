"""Scripts and user data, round 15, part 3: words quoted in parts (stop 59, issue 9, quoting59).

Found in the lead's review of stop 59. Reproduced on the unchanged engine (main at 3a865b22: one-value probes with
``tests/test_scripts.findings``, then these programs through every front door); see docs/residency.md, *Words quoted
in parts (stop 59)*:

- an assignment whose word is quoted in parts (bash(1) "Quote Removal": one word, its quotes removed):
  ``R="us-"west-2`` (``dq-prefix-*``), ``R=us-'west'-2`` (``sq-mid-*``), ``R='us-'west-2`` (``sq-prefix-*``),
  ``R=us-"west"-2`` (``dq-mid-*``), ``R="$A"-2`` (``var-suffix-*``), ``R="${P}"west-2`` (``brace-prefix-*``), and
  the same after ``export`` / ``local`` / ``declare`` / ``readonly`` (``export-*``, ``local-*``, ``declare-*``,
  ``readonly-*``): R held only the first part (``us-``) and the Region abroad given to ``--region "$R"`` passed every
  door; ``export AWS_REGION="us-"west-2`` (``env-region-*``) too;
- an array element whose subscript holds a variable (``RS[$i]=WORD``, ``element-var-*``; ``printf -v "RS[$i]" "%s"
  WORD``, ``printf-var-*``), then ``"${RS[1]}"``: nothing held, the Region abroad passed every door.

Each offending program (a Region abroad: RES-009) has its compliant twin (the home Region: passes), through an EC2
instance, a launch template (base64 user data), an SSM Command document and an Alibaba ECS instance's user data.
Ids: ``quoting59-<jurisdiction>-<shape>-<abroad|home>``.
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
SHAPES = (
    "dq-prefix", "sq-mid", "sq-prefix", "dq-mid", "var-suffix", "brace-prefix", "export", "local", "declare",
    "readonly", "env-region", "element-var", "printf-var", "ssm-dq-mid", "ssm-element-var",
)  # fmt: skip
"""The AWS shapes: refused with a Region abroad (RES-009), passing with the home Region."""
LAUNCH_TEMPLATES = ("sq-mid", "var-suffix", "declare", "printf-var")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _parts(region: str) -> tuple[str, str, str]:
    """``region`` split as ``us-`` / ``west`` / ``-2``."""
    head, rest = region.split("-", 1)
    middle, number = rest.rsplit("-", 1)
    return f"{head}-", middle, f"-{number}"


def _region_script(shape: str, region: str) -> str:
    """The lines giving the retention call the Region ``region`` by the shape's word (bash(1))."""
    a, b, c = _parts(region)
    use = f'{RETENTION} --region "$R"\n'
    shapes = {
        # "Quote Removal": the word is one word, its quotes removed
        "dq-prefix": f'R="{a}"{b}{c}\n{use}',
        "sq-mid": f"R={a}'{b}'{c}\n{use}",
        "sq-prefix": f"R='{a}'{b}{c}\n{use}",
        "dq-mid": f'R={a}"{b}"{c}\n{use}',
        # "Parameters": the variable's value with the text around it
        "var-suffix": f'A={a}{b}\nR="$A"{c}\n{use}',
        "brace-prefix": f'P={a}\nR="${{P}}"{b}{c}\n{use}',
        "export": f"export R='{a}'{b}{c}\n{use}",
        "local": f'retention() {{\n  local R="{a}"{b}{c}\n  {use}}}\nretention\n',
        "declare": f'declare R={a}"{b}{c}"\n{use}',
        "readonly": f"readonly R={a}'{b}'{c}\n{use}",
        # the AWS CLI's Region variable (where every later call goes)
        "env-region": f'export AWS_REGION="{a}"{b}{c}\n{RETENTION}\n',
        # "Arrays": name[subscript]=value, the subscript an arithmetic expression (a variable)
        "element-var": f'i=1\nRS[$i]={region}\nR="${{RS[1]}}"\n{use}',
        # "printf": -v var assigns the output to the variable var (an element too)
        "printf-var": f'i=1\nprintf -v "RS[$i]" "%s" {region}\n{RETENTION} --region "${{RS[1]}}"\n',
    }
    return shapes[shape.removeprefix("ssm-")]


def aws_program(code: str, shape: str, abroad: bool) -> Build:
    region = AWS_ABROAD[code] if abroad else AWS_HOME[code]
    script = "#!/bin/bash\nset -euo pipefail\n" + _region_script(shape, region)

    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": script.splitlines()[2:]}}
            document = {"schemaVersion": "2.2", "description": "Fleet log retention", "mainSteps": [step]}
            return aws.ssm.Document("fleet-retention", name="fleet-retention", document_type="Command",
                                    document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape in LAUNCH_TEMPLATES:
            data = base64.b64encode(script.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=script, opts=c.aws)  # fmt: skip

    return build


def ali_program(code: str, shape: str, abroad: bool) -> Build:
    """An aliyun CLI call given its region by a word quoted in parts, or by an element whose subscript is a variable."""
    region = ALI_ABROAD[code] if abroad else ALI_HOME[code]
    a, rest = region.split("-", 1)
    call = 'aliyun ecs DescribeInstances --PageSize 50 --RegionId "$R"'
    given = f'R="{a}-"{rest}' if shape == "ali-dq" else f'i=0\nRS[$i]={region}\nR="${{RS[0]}}"'

    def build(c: Any) -> object:
        return ali_boot(c, f"#!/bin/bash\n{given}\n{call}\n")

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"quoting59-{code.lower()}-"
        for shape in SHAPES:
            out.append((f"{p}{shape}-abroad", code, aws_program(code, shape, True), {"RES-009"}, []))
            out.append((f"{p}{shape}-home", code, aws_program(code, shape, False), set(), []))
    for code in ALI_CODES:
        p = f"quoting59-{code.lower()}-"
        for shape in ("ali-dq", "ali-element-var"):
            out.append((f"{p}{shape}-abroad", code, ali_program(code, shape, True), {"RES-009"}, []))
            out.append((f"{p}{shape}-home", code, ali_program(code, shape, False), set(), []))
    return out
