"""Scripts and user data, round 9, part 2 (stop 53, issue 9, scripts53b).

scripts53 made a variable assigned a command substitution the engine cannot compute (``R=$(aws configure get
region)``, ``H=$(aws ssm get-parameter ...)``, ``$(cat FILE)`` of a file the script does not write) fail closed at a
listed command's Region / host argument only. Reproduced on the unchanged engine (main at 7f5945bc), these programs
through every front door; the offending ones each passed:

1. **A URL's host** (``url-*``, EC2 user data, EU / US / JP / CN): ``H=$(aws ssm get-parameter ...)`` then ``curl
   https://$H/ingest`` passed (the host a placeholder "filled elsewhere"): RES-015 now, declared by the substitution's
   text. The machine's own address in the URL (``SELF=$(curl .../local-ipv4)``), a token from Parameter Store in a
   header and a date in the path pass.
2. **A Region variable** (``env-*``): ``R=$(aws configure get region)`` then ``export AWS_REGION=$R`` (the SDK's and
   CLI's Region for every later call) passed: RES-011 now (an unknown Region). The metadata's Region exported as
   ``AWS_DEFAULT_REGION`` and a password from Parameter Store pass.
3. **A settings file** (``config-*``): ``R=$(cat /etc/fleet/region)`` then ``cat > /root/.aws/config <<EOF`` with
   ``region = $R`` passed: RES-011 now. The metadata's Region written so passes.
4. **Alibaba Cloud** (``ali-*``, CN / JP / DE; ECS instances): ``export ALIBABA_CLOUD_REGION_ID=$R`` after ``R=$(cat
   /etc/fleet/region)`` (RES-011) passed; ``aliyun ros CreateStackInstances --RegionIds '["<home>","us-west-1"]'`` (a
   Region list given as one JSON array, the CLI's array format) passed, read as one word: RES-009 now. The home Region
   alone in the array and the metadata's region exported pass.

Ids: ``scripts53b-<jurisdiction>-<shape>``. tests/test_realistic_programs.py runs them as CASES (``scripts53b-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, ALI_METADATA, IMDS, OWN_UID, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
ALI_ABROAD = "us-west-1"
"""An Alibaba Cloud region outside CN, JP and DE."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
SSM = "aws ssm get-parameter --query Parameter.Value --output text --with-decryption --name"
"""Reads a parameter from Parameter Store: a value the engine cannot compute."""
REPORT = "-d @/var/fleet/report.json -H 'Content-Type: application/json'"
"""curl's body and type for the nightly report."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call that takes its Region from the environment or the CLI's configuration."""
AWS_EXPECTED = {
    "url-host-ssm": {"RES-015"},
    "url-host-own": set(),
    "env-region-unknown": {"RES-011"},
    "env-region-own": set(),
    "config-region-unknown": {"RES-011"},
    "config-region-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-env-region-unknown": {"RES-011"},
    "ali-env-region-own": set(),
    "ali-regionids-abroad": {"RES-009"},
    "ali-regionids-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def _user_data(code: str, shape: str) -> str:
    """A boot script assigning a value from a command first, then using the variable (bash(1) "Command
    Substitution")."""
    if shape == "url-host-ssm":
        return (
            f"#!/bin/bash\nset -euo pipefail\nH=$({SSM} /fleet/ingest-host)\n"
            f"curl -fsS -X POST https://$H/ingest {REPORT}\n"
        )
    if shape == "url-host-own":
        return (
            f"#!/bin/bash\nset -euo pipefail\nSELF=$(curl -s {IMDS}/meta-data/local-ipv4)\n"
            f"TOKEN=$({SSM} /fleet/api-token)\nSTAMP=$(date +%F)\n"
            f'curl -fsS -X POST "http://$SELF:8080/reports/$STAMP" -H "Authorization: Bearer $TOKEN" {REPORT}\n'
        )
    if shape == "env-region-unknown":
        return f"#!/bin/bash\nset -euo pipefail\nR=$(aws configure get region)\nexport AWS_REGION=$R\n{RETENTION}\n"
    if shape == "env-region-own":
        return (
            f"#!/bin/bash\nset -euo pipefail\nR=$(curl -s {IMDS}/meta-data/placement/region)\n"
            f"export AWS_DEFAULT_REGION=$R\nexport PGPASSWORD=$({SSM} /fleet/db-password)\n"
            f"TAG=$(date +%Y%m%d)\n{RETENTION}\n"
            f"aws ec2 create-tags --resources $(ec2-metadata -i | cut -d ' ' -f 2) --tags Key=boot,Value=$TAG\n"
        )
    if shape == "config-region-unknown":
        region = "$(cat /etc/fleet/region)"
    else:
        region = f"$(curl -s {IMDS}/meta-data/placement/region)"
    return (
        f"#!/bin/bash\nset -euo pipefail\nR={region}\nmkdir -p /root/.aws\n"
        "cat > /root/.aws/config <<EOF\n[default]\nregion = $R\noutput = json\nEOF\n"
        f"{RETENTION}\n"
    )


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """The aliyun CLI with its region from the environment (ALIBABA_CLOUD_REGION_ID) or a ROS stack group's instances
    in a JSON array of regions (ROS CreateStackInstances ``RegionIds``, an array: the CLI takes an array parameter
    as a JSON string)."""
    home = ALI_HOME[code]
    if shape == "ali-env-region-unknown":
        return (
            "#!/bin/bash\nR=$(cat /etc/fleet/region)\nexport ALIBABA_CLOUD_REGION_ID=$R\n"
            "aliyun ecs DescribeInstances --output cols=InstanceId\n"
        )
    if shape == "ali-env-region-own":
        return (
            f"#!/bin/bash\nR=$(curl -s {ALI_METADATA}/meta-data/region-id)\nexport ALIBABA_CLOUD_REGION_ID=$R\n"
            "STAMP=$(date +%F)\naliyun ecs DescribeInstances --output cols=InstanceId > /var/fleet/$STAMP.txt\n"
        )
    regions = f'["{home}","{ALI_ABROAD}"]' if shape == "ali-regionids-abroad" else f'["{home}"]'
    return (
        f"#!/bin/bash\naliyun ros CreateStackInstances --RegionId {home} --StackGroupName fleet-baseline "
        f"--AccountIds '[\"{OWN_UID}\"]' --RegionIds '{regions}'\n"
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts53b-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts53b-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
