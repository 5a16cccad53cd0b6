"""Scripts and user data, round 18 (stop 62, issue 9, scripts62): splices and overrides, read and eval forms.

What *Scripts and user data, round 17 (stop 61)* and *The lead's review of stop 61* left open in the one script reader
(residency-open.md, "Free text and scripts", *Left by Scripts and user data, round 17 (stop 61)*). Reproduced on the
unchanged engine (main 2519f654: one-value probes, then these programs through every front door); see
docs/residency.md, *Scripts and user data, round 18 (stop 62)*.

1. **A splice after a boolean long flag**: ``EXTRA=$(aws ssm get-parameter ... --output text)`` then ``aws ec2
   copy-snapshot ... --region <home> --no-cli-pager $EXTRA`` (``flag-splice-*``): the splice was read as the flag's
   value, so ``--region <abroad>`` in it passed every door. The AWS CLI's ``--no-...`` options take no value.
2. **An option word held whole by a variable**: ``DR_OPT="--region=<abroad>"`` then ``aws logs ... "$DR_OPT"``
   (``eq-word-*``): argparse reads ``--region=VALUE`` as the option; the word was read as an operand.
3. **Read forms**: ``{ read -r SRC; read -r DR; } < FILE`` (a group of several reads, ``read-multi-*``) and ``read -r -n
   N R <<< "<text>$N"`` (a counted here-string of text around a variable, ``here-text-*``) left the names unset.
4. **A process substitution's command**: ``while read -r S; do ...; done < <(aws ec2 describe-snapshots --region "$R"
   ...)`` (``procsub-*``): the words after ``<(`` were read as the ``done`` keyword's, the ``aws`` command never.
5. **An element assigned by an arithmetic subscript**: ``RS[i+1]=<abroad>`` (``arith-assign-*``) held nothing.

Each refusal has its compliant twin (the home Region and a second Region in the jurisdiction, or the options written
after the splice), which passes. Ids: ``scripts62-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region in each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
SNAPSHOT = "aws ec2 copy-snapshot --source-snapshot-id snap-0a1b2c3d4e5f60718 --description dr"
"""A snapshot copy; its Regions are what each shape gives."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
OPTS_PARAMETER = "aws ssm get-parameter --name /fleet/copy-options --query Parameter.Value --output text"
"""The copy's extra options, read from Parameter Store at boot (a value no reader computes)."""
REGION_SHAPES = ("eq-word", "read-multi", "here-text", "procsub", "arith-assign")
"""The shapes refused with a Region abroad (RES-009) and passing with Regions in the jurisdiction."""
EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in REGION_SHAPES},
    **{f"{shape}-home": set() for shape in REGION_SHAPES},
    "flag-splice-unknown": {"RES-011"},
    "flag-splice-home": set(),
}  # fmt: skip
"""Each shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("read-multi-", "procsub-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _region_script(shape: str, home: str, second: str, region: str) -> str:
    """The lines giving the command the Region ``region`` by the shape's reading (bash(1))."""
    stem, last = region[:-1], region[-1]
    shapes = {
        # argparse: "--option=value" is one word holding the option and its value (the AWS CLI parses so)
        "eq-word-": f'DR_OPT="--region={region}"\n{RETENTION} "$DR_OPT"\n',
        # "Compound Commands" `{ list; }` with a redirection: every read of the list reads the one file, in turn
        "read-multi-": f"printf '%s\\n' {home} {region} > /etc/fleet/regions\n"
        f'{{ read -r SRC; read -r DR; }} < /etc/fleet/regions\n{SNAPSHOT} --source-region "$SRC" --region "$DR"\n',
        # "read" -n nchars from a here-string ("Here Strings": the word expanded) of text around a variable
        "here-text-": f'N={last}\nread -r -n {len(region)} DR <<< "{stem}$N"\n{RETENTION} --region "$DR"\n',
        # "Process Substitution": <(list) runs the list; its output is the loop's input
        "procsub-": f'R={region}\nwhile read -r SNAP; do\n  echo "$SNAP" >> /var/log/fleet-snapshots\n'
        f"done < <(aws ec2 describe-snapshots --owner-ids self --region \"$R\" --query 'Snapshots[].SnapshotId' "
        "--output text)\n",
        # "Arrays": name[subscript]=value, "the subscript is treated as an arithmetic expression"
        "arith-assign-": f'i=0\nRS[i]={second}\nRS[i+1]={region}\nfor R in "${{RS[@]}}"; do\n'
        f'  {RETENTION} --region "$R"\ndone\n',
    }
    return next(v for k, v in shapes.items() if shape.startswith(k))


def _splice_script(home: str, unknown: bool) -> str:
    """Options read at boot spliced after a boolean long flag (unknown), or before the Regions written (home)."""
    # AWS CLI: --no-cli-pager takes no value (a global option); argparse keeps an option's last occurrence
    copy = (
        f"{SNAPSHOT} --source-region {home} --region {home} --no-cli-pager $EXTRA"
        if unknown
        else f"{SNAPSHOT} --no-cli-pager $EXTRA --source-region {home} --region {home}"
    )
    return f"EXTRA=$({OPTS_PARAMETER})\n{copy}\n"


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region reaches its command through the shape's shell reading."""
    home = AWS_HOME[code]
    head = "#!/bin/bash\nset -euo pipefail\n"
    if shape.startswith("flag-splice-"):
        return head + _splice_script(home, shape.endswith("-unknown"))
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else home
    return head + _region_script(shape, home, AWS_SECOND[code], region)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith(LAUNCH_TEMPLATES):
            # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
            data = base64.b64encode(_user_data(code, shape).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts62-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in EXPECTED.items()]
    return out
