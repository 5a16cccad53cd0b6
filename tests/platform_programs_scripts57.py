"""Scripts and user data, round 13 (stop 57, issue 9, scripts57).

What *Scripts and user data, round 12, part 2 (stop 56)* left open in the one script reader (its "Left open";
residency-open.md, "Free text and scripts"), and the duplicate the lead's review of stop 56 named
(``scripts._expanded_body_line`` wrote a here-document's line with the script's variable values as the engine's
``_filled`` writes a host or an option's value). Reproduced on the unchanged engine (main at 44bcf26a: one-value probes,
then these programs through every front door); see docs/residency.md, *Scripts and user data, round 13 (stop 57)*,
for which offending programs passed every door there:

1. **Both fillings pinned before the cut** (``body-*``: a ``while read`` loop's here-document line; ``option-*``: a
   Region option's value): text around an expansion (``${P}-2``), a default word (``${DR:-<Region>}``), a variable the
   script never assigns (``${Q}-2``: a placeholder, passes).
2. **A several-line ``$(cat <<EOF ... EOF)`` inside an argument** (``heredoc-lines-*``: unquoted, its lines the
   command's words; ``heredoc-head-*``: ``"$(cat <<EOF | head -n1``).
3. **The last positional parameter where calls give different numbers of words** (``last-bang-*``: ``${!#}``,
   ``last-slice-*``: ``${@: -1}``).
4. **printf -v with an argument holding an expansion or a number in another base** (``printf-var-*``: ``'%s-%s' "$A"
   2``; ``printf-hex-*``: ``'%s-%d' us-west 0x2``).
5. **read -d / -t from a file** (``read-d-file-*``, ``read-t-file-*``: a file the script writes;
   ``read-file-unknown``: one it does not write, RES-011).
6. **mapfile -d / -u / -C, ${10}, a backquoted substitution over several lines** (``mapfile-d-*``, ``mapfile-u-*``,
   ``mapfile-c-*``, ``positional-ten-*``, ``backquote-lines-*``).
7. **``${M[$k]}`` where k is known** (``assoc-known-*``: ``k=dr``; its ``-home`` twin's ``k=home`` beside a key
   holding a Region abroad) and **a here-string's default word** (``herestring-default-*``: ``<<< "${DR:-a b}"``).

Also through an SSM Command document (``ssm-``), a CodeBuild buildspec (``build-``) and an Alibaba ECS instance's user
data (``ali-``). Each refusal has its compliant twin (the home Region), which passes. Ids:
``scripts57-<jurisdiction>-<shape>``.
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
    "body-text", "body-default", "option-text", "option-default", "heredoc-lines", "heredoc-head", "last-bang",
    "last-slice", "printf-var", "printf-hex", "read-d-file", "read-t-file", "mapfile-d", "mapfile-u", "mapfile-c",
    "positional-ten", "backquote-lines", "assoc-known", "herestring-default", "ssm-read-d-file", "build-printf-var",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with the home Region."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in PAIRED},
    **{f"{shape}-home": set() for shape in PAIRED},
    "body-unknown": set(),
    "read-file-unknown": {"RES-011"},
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-heredoc-head-abroad": {"RES-009"}, "ali-heredoc-head-home": set(),
    "ali-read-d-file-abroad": {"RES-009"}, "ali-read-d-file-home": set(),
}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = (
    "body-default-", "option-default-", "heredoc-head-", "last-slice-", "printf-hex-", "read-t-file-", "mapfile-u-",
    "positional-ten-", "herestring-default-",
)  # fmt: skip
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _split(region: str) -> tuple[str, str]:
    """A Region's name before its number, and the number (``us-west``, ``2``)."""
    prefix, number = region.rsplit("-", 1)
    return prefix, number


def _region_script(shape: str, home: str, region: str) -> str:
    """The lines giving ``R`` (or the command's Region) the Region ``region`` by the shape's reading (bash(1))."""
    prefix, number = _split(region)
    loop = f'while read -r R; do\n  {RETENTION} --region "$R"\ndone <<EOF\n{{line}}\nEOF\n'
    shapes = {
        # bash(1) "Here Documents": an unquoted delimiter's body undergoes parameter expansion
        "body-text-": f"P={prefix}\n" + loop.format(line=f"${{P}}-{number}"),
        "body-default-": loop.format(line=f"${{DR:-{region}}}"),
        "body-unknown": loop.format(line=f"${{Q}}-{_split(AWS_HOME['EU'])[1]}"),
        "option-text-": f'P={prefix}\n{RETENTION} --region "${{P}}-{number}"\n',
        "option-default-": f'{RETENTION} --region "${{DR:-{region}}}"\n',
        # "Command Substitution": the output, trailing newlines deleted; unquoted, its lines split into words
        "heredoc-lines-": f"{RETENTION} $(cat <<EOF\n--region\n{region}\nEOF\n)\n",
        "heredoc-head-": f'{RETENTION} --region "$(cat <<EOF | head -n1\n{region}\n{home}\nEOF\n)"\n',
        # "Special Parameters" / "Parameter Expansion": the last positional parameter of each call
        "last-bang-": f'retain() {{\n  {RETENTION} --region "${{!#}}"\n}}\nretain /fleet/app {home}\n'
        f"retain /fleet/api /fleet/worker {region}\n",
        "last-slice-": f'retain() {{\n  {RETENTION} --region "${{@: -1}}"\n}}\nretain {region}\n'
        f"retain /fleet/api {home}\n",
        # "printf": -v assigns the output; %d of a number in base 16 ("0x")
        "printf-var-": f"A={prefix}\nprintf -v R '%s-%s' \"$A\" {number}\n",
        "printf-hex-": f"printf -v R '%s-%d' {prefix} 0x{int(number):x}\n",
        # "read": -d delim, -t timeout; a file the script writes
        "read-d-file-": f"echo {region} > /etc/fleet/region\nread -r -d '' R < /etc/fleet/region || true\n",
        "read-t-file-": f"echo {region} > /etc/fleet/region\nread -t 5 -r R < /etc/fleet/region\n",
        "read-file-unknown": "read -r -d '' R < /etc/fleet/region || true\n",
        # "mapfile": -d delim, -u fd, -C callback
        "mapfile-d-": f'mapfile -d , -t RS < <(printf %s "{home},{region}")\nR="${{RS[1]}}"\n',
        "mapfile-u-": f"printf '%s\\n' {home} {region} > /etc/fleet/regions\nexec 3< /etc/fleet/regions\n"
        f'mapfile -t -u 3 RS\nR="${{RS[1]}}"\n',
        "mapfile-c-": f'mapfile -t -C "echo read" -c 1 RS <<EOF\n{home}\n{region}\nEOF\nR="${{RS[1]}}"\n',
        # "Positional Parameters": a parameter of more than one digit is enclosed in braces
        "positional-ten-": f'retain() {{\n  {RETENTION} --region "${{10}}"\n}}\nretain a b c d e f g h i {region}\n',
        # "Command Substitution": the old-style backquoted form
        "backquote-lines-": f"R=`cat <<EOF\n{region}\nEOF\n`\n",
        # "Arrays": declare -A, a subscript naming a known variable
        "assoc-known-": f"declare -A M=([home]={home} [dr]={AWS_ABROAD_BY_HOME[home]})\n"
        f"k={'dr' if region != home else 'home'}\n" + 'R="${M[$k]}"\n',
        # "Here Strings": the word's default word, split by read -a
        "herestring-default-": f'read -r -a RS <<< "${{DR:-{home} {region}}}"\nR="${{RS[1]}}"\n',
    }
    body = next(v for k, v in shapes.items() if shape.startswith(k))
    uses_r = "--region" not in body
    return body + (f'{RETENTION} --region "$R"\n' if uses_r else "")


AWS_ABROAD_BY_HOME = {AWS_HOME[c]: AWS_ABROAD[c] for c in AWS_CODES}
"""The Region abroad of each home Region (the associative array's other key)."""


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region reaches ``--region`` through the shape's shell reading."""
    home = AWS_HOME[code]
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else home
    return "#!/bin/bash\nset -euo pipefail\n" + _region_script(shape, home, region)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            # the items run without `set -e` (dropped with the shebang), so `read -d ''` needs no `|| true` there
            lines = [
                line.removesuffix(" || true") for line in _user_data(code, shape.removeprefix("ssm-")).splitlines()[2:]
            ]
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
    """An aliyun CLI call given its region by the first line of a here-document or ``read -d ''`` of a file."""
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    call = "aliyun ecs DescribeInstances --PageSize 50 --RegionId"
    if shape.startswith("ali-heredoc-head-"):
        return f'#!/bin/bash\n{call} "$(cat <<EOF | head -n1\n{region}\n{ALI_HOME[code]}\nEOF\n)"\n'
    return (
        f"#!/bin/bash\necho {region} > /etc/fleet/region\nread -r -d '' R < /etc/fleet/region || true\n{call} \"$R\"\n"
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts57-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts57-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
