"""Scripts and user data, round 17 (stop 61, issue 9, scripts61): uncomputed values spliced into options, read forms,
eval and defaults.

What *Scripts and user data, round 16* and its part 2 (stop 60) and *The lead's review of stop 60* left open in the one
script reader (residency-open.md, "Free text and scripts"). Reproduced on the unchanged engine (main 3c67a1f3: one-value
probes, then these programs through every front door); see docs/residency.md, *Scripts and user data, round 17 (stop
61)*. On main 3c67a1f3, 66 of the 132 programs failed every door: 62 leaks and 4 false alarms, no wrong rule.

1. **An uncomputed value spliced unquoted into options**: ``EXTRA=$(aws ssm get-parameter ... --output text)`` then
   ``aws ec2 copy-snapshot --region <home> ... $EXTRA`` (``opts-aws-*``, also in an SSM document, ``ssm-opts-aws-*``),
   ``PGOPTS=$(cat /etc/fleet/db.opts)`` then ``psql -h <VPC> $PGOPTS`` (``opts-psql-*``) and ``aliyun ecs CopyImage
   ... --DestinationRegionId <home> $EXTRA`` (``ali-opts-*``): the value may hold ``--region <abroad>`` / ``-h
   <partner>``, which the tool takes (the last occurrence of an option counts); each passed every door. Now unknown
   there (RES-011 / RES-015); the compliant twins write the destination options after the splice, which override it.
2. **Read forms**: ``{ read -r -n N R; } < FILE`` (a group's redirection, ``read-group-*``), ``read -rsn N R < FILE``
   (grouped options, ``read-grouped-*``, ``ali-read-grouped-*``) and ``read -r -n N R <<< "$X"``
   (``read-counted-here-*``) left R unset: a Region abroad passed every door.
3. **Words the shell rewrites**: ``eval "RS=(<second> <abroad>)"`` (``eval-array-*``, ``ssm-eval-array-*``),
   ``R=$"<abroad>"`` (locale quoting, ``locale-*``), ``R=us-\\west-2`` (a backslash in an unquoted word,
   ``backslash-*``), ``DR[$(hostname -s)]=<abroad>`` (a key given by a substitution, ``assoc-key-*``), ``<<<
   $'<second>\\n<abroad>'`` (``ansi-here-*``) and ``"${DR_REGION:-$'<abroad>'}"`` (``ansi-default-*``) passed every
   door; ``: "${R:=$(cat FILE)}"`` (``default-subst-*``) too: now RES-011, its twin the machine's own Region from the
   instance metadata. ``"${DR_REGIONS[$((N-1))]}"`` with ``N=2`` (``arith-index-*``) was every item: RES-009 at home
   (a false alarm) where the item left out is abroad.

Each refusal has its compliant twin (the home Region and a second Region in the jurisdiction, the VPC's database or
the options written after the splice), which passes. Ids: ``scripts61-<jurisdiction>-<shape>``.
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
AWS_ABROAD_OF = {AWS_HOME[code]: AWS_ABROAD[code] for code in ("EU", "US", "JP", "CN")}
"""The Region abroad of each jurisdiction, by its home Region."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region in each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia)."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
SNAPSHOT = "aws ec2 copy-snapshot --source-snapshot-id snap-0a1b2c3d4e5f60718 --description dr"
"""A snapshot copy; its Regions are what each shape gives."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
OPTS_PARAMETER = "aws ssm get-parameter --name /fleet/copy-options --query Parameter.Value --output text"
"""The copy's extra options, read from Parameter Store at boot (a value no reader computes)."""
METADATA_REGION = "curl -s http://169.254.169.254/latest/meta-data/placement/region"
"""The machine's own Region (the instance metadata service)."""
REGION_SHAPES = (
    "read-group", "read-grouped", "read-counted-here", "eval-array", "locale", "backslash", "ssm-eval-array",
    "arith-index", "assoc-key", "ansi-here", "ansi-default",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with Regions in the jurisdiction."""
UNKNOWN_SHAPES = {"opts-aws": "RES-011", "opts-psql": "RES-015", "default-subst": "RES-011", "ssm-opts-aws": "RES-011"}
"""The AWS shapes refused as unknown (a value no reader computes reaching a destination option) and their rule."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in REGION_SHAPES},
    **{f"{shape}-unknown": {rule} for shape, rule in UNKNOWN_SHAPES.items()},
    **{f"{shape}-home": set() for shape in (*REGION_SHAPES, *UNKNOWN_SHAPES)},
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-opts-unknown": {"RES-011"}, "ali-opts-home": set(),
    "ali-read-grouped-abroad": {"RES-009"}, "ali-read-grouped-home": set(),
}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("read-grouped-", "eval-array-", "backslash-", "opts-psql-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _region_script(shape: str, home: str, second: str, region: str) -> str:
    """The lines giving ``R`` (or the command's Region) the Region ``region`` by the shape's reading (bash(1))."""
    n = len(region)
    shapes = {
        # "Redirections" of a group command ("Compound Commands": `{ list; }`): the list reads the file
        "read-group-": f"echo {region} > /etc/fleet/dr-region\n{{ read -r -n {n} R; }} < /etc/fleet/dr-region\n",
        # "read": options grouped behind one dash (-s silent, -n nchars), as getopt reads them
        "read-grouped-": f"echo {region} > /etc/fleet/dr-region\nread -rsn{n} R < /etc/fleet/dr-region\n",
        # "read" -n nchars from a here-string of a variable
        "read-counted-here-": f'DR={region}\nread -r -n {n} R <<< "$DR"\n',
        # "eval": its arguments are read and executed as a command (an array's compound assignment)
        "eval-array-": f'eval "RS=({second} {region})"\nfor R in "${{RS[@]}}"; do\n  {RETENTION} --region "$R"\ndone\n',
        # "Locale-Specific Translation": $"string" is translated, then double-quoted (no catalogue: the string)
        "locale-": f'R=$"{region}"\n',
        # "Escape Character": an unquoted backslash preserves the next character (removed by quote removal)
        "backslash-": "R=" + region.replace("-", "-\\", 1) + "\n",
        # "Arrays": the subscript is an arithmetic expression (a name in it its value); the other item is left out
        "arith-index-": f"DR_REGIONS=({AWS_ABROAD_OF[home] if region == home else home} {region})\nN=2\n"
        'R="${DR_REGIONS[$((N-1))]}"\n',
        # "Arrays": an associative array's key given by a command substitution (the host's short name)
        "assoc-key-": f"declare -A DR\nDR[$(hostname -s)]={region}\n"
        f'for h in "${{!DR[@]}}"; do\n  {RETENTION} --region "${{DR[$h]}}"\ndone\n',
        # "ANSI-C Quoting" in a here-string ("Here Strings": the word, a newline appended): one Region a line
        "ansi-here-": f"while read -r R; do\n  {RETENTION} --region \"$R\"\ndone <<< $'{second}\\n{region}'\n",
        # "Shell Parameter Expansion" ${parameter:-word}; shopt extquote (on by default): $'...' read in the word
        "ansi-default-": f"R=\"${{DR_REGION:-$'{region}'}}\"\n",
    }
    body = next(v for k, v in shapes.items() if shape.startswith(k))
    return body + ("" if "--region" in body else f'{SNAPSHOT} --source-region {home} --region "$R"\n')


def _unknown_script(shape: str, home: str, unknown: bool) -> str:
    """A value no reader computes reaching a destination option (unknown), or kept from it (home)."""
    if shape.startswith("opts-aws-"):
        # bash(1) "Word Splitting"; the AWS CLI's options (argparse: the last occurrence counts)
        copy = (
            f"{SNAPSHOT} --source-region {home} --region {home} $EXTRA"
            if unknown
            else f"{SNAPSHOT} $EXTRA --source-region {home} --region {home}"
        )
        return f"EXTRA=$({OPTS_PARAMETER})\n{copy}\n"
    if shape.startswith("opts-psql-"):
        # psql(1): -h host; getopt, the last -h counts
        run = "psql -h 10.0.2.15 $PGOPTS -d app" if unknown else "psql $PGOPTS -h 10.0.2.15 -d app"
        return f"PGOPTS=$(cat /etc/fleet/db.opts)\n{run} -f /opt/app/migrate.sql\n"
    # "Parameter Expansion": ${parameter:=word} assigns word's expansion (a substitution) to an unset parameter
    word = "$(cat /etc/fleet/dr-region)" if unknown else f"$({METADATA_REGION})"
    return f': "${{R:={word}}}"\n{RETENTION} --region "$R"\n'


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region or host reaches its command through the shape's shell reading."""
    home = AWS_HOME[code]
    head = "#!/bin/bash\nset -euo pipefail\n"
    if shape.startswith(tuple(UNKNOWN_SHAPES)):
        return head + _unknown_script(shape, home, shape.endswith("-unknown"))
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else home
    return head + _region_script(shape, home, AWS_SECOND[code], region)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            lines = _user_data(code, shape.removeprefix("ssm-")).splitlines()[2:]
            step = {"action": "aws:runShellScript", "name": "copy", "inputs": {"runCommand": lines}}
            document = {"schemaVersion": "2.2", "description": "Fleet snapshot copy", "mainSteps": [step]}
            return aws.ssm.Document("fleet-copy", name="fleet-copy", document_type="Command",
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
    """An aliyun CLI image copy given extra options read at boot, or its destination region by a grouped read."""
    home = ALI_HOME[code]
    if shape.startswith("ali-opts-"):
        # Alibaba Cloud CLI: `aliyun <product> <ApiName> --<ParameterName> <value>`, `--endpoint` the host every request
        # goes to; the extra words come from a file the image bakes: spliced after the region parameters they may set
        # --DestinationRegionId again (unknown), before them they are overridden (the endpoint written last in both)
        args = f"--RegionId {home} --ImageId m-fleet --DestinationRegionId {home}"
        copy = f"{args} $EXTRA" if shape.endswith("unknown") else f"$EXTRA {args}"
        return (
            "#!/bin/bash\nEXTRA=$(cat /etc/fleet/copy.opts)\n"
            f"aliyun ecs CopyImage {copy} --endpoint ecs.{home}.aliyuncs.com\n"
        )
    region = ALI_ABROAD[code] if shape.endswith("abroad") else home
    return (
        f"#!/bin/bash\necho {region} > /etc/fleet/dr-region\nread -rsn{len(region)} R < /etc/fleet/dr-region\n"
        'aliyun ecs CopyImage --RegionId {h} --ImageId m-fleet --DestinationRegionId "$R"\n'.replace("{h}", home)
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts61-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts61-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
