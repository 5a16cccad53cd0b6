"""The lead's mend while merging stop 55 (issue 9): a substitution reading a variable the script gives a literal.

fnros55 found, and left open, that ``N=prod; R=$(aws ssm get-parameter --name /dr/$N/region ...)`` then ``--region
"$R"`` passed every door, while the same command naming no variable (``--name /dr/prod/region``) was RES-011: the
reader took a substitution whose every variable holds no text of an unknown command for the machine's own value (the
metadata's zone edited by ``sed``), even when a variable held a literal and the command itself read the value from
elsewhere. Reproduced on main at b59e64d (EC2 user data, EU / US / JP / CN): ``-unknown`` passed every door.

What changed (docs/residency.md, *The lead's mends while merging stop 55*): ``engine._opaque_value`` holds such a
substitution's output apart (unknown: RES-011 at a Region argument) for every command, as fnros55 had for text
filters. Twins that pass: the Region read from the instance metadata (``-metadata``), and the same parameter lookup
used where no destination is (``-not-destination``: a retention period).
Ids: ``lead55-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import SUBNETS, Build, Row

CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the programs (the table's AWS provider Region in each)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app"
"""A log retention call; its Region and period are the arguments each shape gives."""
LOOKUP = "aws ssm get-parameter --name /fleet/$ENVIRONMENT/{key} --query Parameter.Value --output text"
"""A parameter lookup whose name holds a variable the script gives a literal."""
SHAPES = {"unknown": {"RES-011"}, "metadata": set(), "not-destination": set()}
"""Each shape and the rules refusing it."""


def _user_data(shape: str) -> str:
    head = "#!/bin/bash\nENVIRONMENT=prod\n"
    if shape == "unknown":
        return f'{head}R=$({LOOKUP.format(key="dr-region")})\n{RETENTION} --retention-in-days 30 --region "$R"\n'
    if shape == "metadata":
        return (
            f"{head}TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token "
            "-H 'X-aws-ec2-metadata-token-ttl-seconds: 60')\n"
            'R=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" '
            "http://169.254.169.254/latest/meta-data/placement/region)\n"
            f'{RETENTION} --retention-in-days 30 --region "$R"\n'
        )
    return f'{head}DAYS=$({LOOKUP.format(key="retention-days")})\n{RETENTION} --retention-in-days "$DAYS"\n'


def _program(shape: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(shape), opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """Each shape in each jurisdiction."""
    return [(f"lead55-{code.lower()}-{shape}", code, _program(shape), set(rules), [])
            for code in CODES for shape, rules in SHAPES.items()]  # fmt: skip
