"""Scripts and user data, round 13, part 2 (stop 57, issue 9, scripts57b).

What *Scripts and user data, round 13* and *Mutation search, round 26 (stop 57)* left open in the one script reader
(their "Left open"; residency-open.md, "Free text and scripts"). Reproduced on the unchanged engine (main at 8bba384b:
one-value probes, then these programs through every front door); see docs/residency.md, *Scripts and user data, round
13, part 2 (stop 57)*, for which offending programs passed every door there:

1. **A ``#`` inside a word** (``hash-bang-*``: an unquoted ``${!#}`` in a one-line function; ``hash-word-*``: ``echo
   a#b;`` before the call on the same line): the shared splitter (Python's shlex) cut the line there as a comment,
   where bash(1) "Comments" opens one only at a word's start. ``comment``: a real comment naming a Region abroad
   after the home Region (``... --region <home> # --region <abroad>``) passes.
2. **read's other forms** (``read-prompt-*``: ``-p PROMPT``; ``read-count-*``: ``-n N``; ``read-names-*``: two names
   from a here-document; ``read-process-*``: ``read R < <(echo ...)``); ``read-array-*`` (``-a`` from a
   here-document) and ``read-delim-*`` (``-d ,`` from a here-string) were refused already (pinned).
3. **Positional and printf** (``slice-from-*``: ``"${@:2}"`` giving ``--region`` and its Region; ``printf-star-*``:
   ``printf -v R '%*s' 0 <Region>``).
4. **A variable's parameter operations** (``op-subst-*``: ``${DR/<home>/<Region>}``; ``op-prefix-*``: ``${DR#xx}``;
   ``op-suffix-*``: ``${DR%%.*}``; ``op-lower-*``: ``${DR,,}`` of the Region in capitals; ``op-assign-*``:
   ``R="${DR#xx}"`` then ``"$R"``; ``op-unset``: an operation on a variable the script never sets, a placeholder,
   passes as ``${DR}`` does); ``cat-lines-*`` (a quoted several-line ``"$(cat <<EOF ...)"``) was refused already.

Also through an SSM Command document (``ssm-``), a CodeBuild buildspec (``build-``) and an Alibaba ECS instance's user
data (``ali-``). Each refusal has its compliant twin (the home Region), which passes. Ids:
``scripts57b-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot, trust_policy

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
PAIRED = (
    "hash-bang", "hash-word", "read-prompt", "read-count", "read-names", "read-process", "read-array", "read-delim",
    "slice-from", "printf-star", "op-subst", "op-prefix", "op-suffix", "op-lower", "op-assign", "cat-lines",
    "ssm-hash-word", "build-op-subst",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with the home Region."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in PAIRED},
    **{f"{shape}-home": set() for shape in PAIRED},
    "comment": set(),
    "op-unset": set(),
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-hash-word-abroad": {"RES-009"}, "ali-hash-word-home": set(),
    "ali-op-lower-abroad": {"RES-009"}, "ali-op-lower-home": set(),
}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("hash-word-", "read-count-", "read-process-", "printf-star-", "op-prefix-", "op-lower-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _region_script(shape: str, home: str, region: str) -> str:
    """The lines giving the retention call the Region ``region`` by the shape's reading (bash(1))."""
    shapes = {
        # "Comments": "a word beginning with # causes that word and all remaining characters on that line to be
        # ignored"; a `#` inside a word is text
        "hash-bang-": f"retain() {{ {RETENTION} --region ${{!#}}; }}\nretain /fleet/app {region}\n",
        "hash-word-": f'R={region}\necho build#1; {RETENTION} --region "$R"\n',
        "comment": f"{RETENTION} --region {home} # --region {AWS_ABROAD_BY_HOME[home]}\n",
        # "read": -p prompt (shown only on a terminal), -n nchars, several names, -a, -d; "Process Substitution"
        "read-prompt-": f'read -r -p "Region: " R <<< "{region}"\n',
        "read-count-": f'read -r -n {len(region)} R <<< "{region}-fleet"\n',
        "read-names-": f"read -r APP R <<EOF\nfleet {region}\nEOF\n",
        "read-process-": f"read -r R < <(echo {region})\n",
        "read-array-": f'read -r -a RS <<EOF\n{home} {region}\nEOF\nR="${{RS[1]}}"\n',
        "read-delim-": f'read -r -d , R <<< "{region},{home}"\n',
        # "Parameter Expansion": ${@:offset} (the parameters from offset on), printf's `*` width
        "slice-from-": f'retain() {{\n  {RETENTION} "${{@:2}}"\n}}\nretain /fleet/app --region {region}\n',
        "printf-star-": f"printf -v R '%*s' 0 {region}\n",
        # "Parameter Expansion": pattern substitution, prefix / suffix removal, case modification
        "op-subst-": f'DR={home}\n{RETENTION} --region "${{DR/{home}/{region}}}"\n',
        "op-prefix-": f'DR=fleet-{region}\n{RETENTION} --region "${{DR#fleet-}}"\n',
        "op-suffix-": f'DR={region}.fleet.internal\n{RETENTION} --region "${{DR%%.*}}"\n',
        "op-lower-": f'DR={region.upper()}\n{RETENTION} --region "${{DR,,}}"\n',
        "op-assign-": f'DR=xx{region}\nR="${{DR#xx}}"\n',
        "op-unset": f'{RETENTION} --region "${{DR#xx}}"\n',
        # "Command Substitution" quoted: one word (here one line per item, its first the Region)
        "cat-lines-": f'R="$(cat <<EOF\n{region}\nEOF\n)"\n',
    }
    body = next(v for k, v in shapes.items() if shape.startswith(k))
    uses_r = "--region" not in body and "retain" not in body
    return body + (f'{RETENTION} --region "$R"\n' if uses_r else "")


AWS_ABROAD_BY_HOME = {AWS_HOME[c]: AWS_ABROAD[c] for c in AWS_CODES}
"""The Region abroad of each home Region (named in a comment only)."""


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region reaches ``--region`` through the shape's shell reading."""
    home = AWS_HOME[code]
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else home
    return "#!/bin/bash\nset -euo pipefail\n" + _region_script(shape, home, region)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            lines = _user_data(code, shape.removeprefix("ssm-")).splitlines()[2:]
            step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": lines}}
            document = {"schemaVersion": "2.2", "description": "Fleet log retention", "mainSteps": [step]}
            return aws.ssm.Document("fleet-retention", name="fleet-retention", document_type="Command",
                                    document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape.startswith("build-"):
            # docs: codebuild/project (source.buildspec; CodeBuild "Build specification reference": phases.build)
            lines = _user_data(code, shape.removeprefix("build-")).splitlines()[2:]
            commands = "      - |\n" + "".join(f"        {line}\n" for line in lines)
            buildspec = f"version: 0.2\nphases:\n  build:\n    commands:\n{commands}"
            role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=c.aws)
            return aws.codebuild.Project(
                "fleet-retention", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
                source={"type": "NO_SOURCE", "buildspec": buildspec},
                environment={"compute_type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER",
                             "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0"},
                opts=c.aws,
            )  # fmt: skip
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
    """An aliyun CLI call given its region after a ``#`` inside a word, or by ``${DR,,}``."""
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    call = "aliyun ecs DescribeInstances --PageSize 50 --RegionId"
    if shape.startswith("ali-hash-word-"):
        return f'#!/bin/bash\nR={region}\necho build#1; {call} "$R"\n'
    return f'#!/bin/bash\nDR={region.upper()}\n{call} "${{DR,,}}"\n'


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts57b-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts57b-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
