"""Scripts and user data, round 9 (stop 53, issue 9, scripts53).

Reproduced on the unchanged engine (main at 45eea1d), one-value checks then these programs through every front door:

1. **A command substitution the evaluator cannot compute, assigned to a variable first** (``var-*``, EC2 user data,
   EU / US / JP / CN): ``R=$(aws configure get region)`` then ``aws ... --region $R``, ``DB=$(aws ssm get-parameter
   ...)`` then ``psql -h "$DB"``, ``read -r DB < FILE`` of a file the script does not write then ``psql -h $DB``
   passed (the variable was left as an unset one): RES-011 / RES-015 now (fail closed, as the substitution written at
   the argument was since stop 52). The metadata's Region and zone (``$(curl .../placement/region)``, ``$(ec2-metadata
   --availability-zone | cut ...)``, a Region derived from the zone by ``sed``), ``$(hostname -f)`` and a variable used
   at no destination (``STAMP=$(date +%F)``) pass.
2. **A substitution with text right after it** (``glued-*``): ``--availability-zone $(echo <abroad>)a`` was read as
   the zone ``<abroad>`` (its ``a`` a word of its own) and ``psql -h $(hostname -s).db.partner-analytics.com`` as the
   machine's own name (the partner's domain was left out): the word is read whole now (RES-008 on ``<abroad>a``,
   RES-015 on ``${HOSTNAME}.db.partner-analytics.com``). The metadata's Region with a zone letter passes.
3. **A command right after a substitution and an operator** (``closed-*``): shlex read ``$(date +%F);`` as one word
   ``);``, so the substitution never closed and ``pg_dump -h <partner>`` after it (or ``aws s3 ls --region <abroad>``
   after ``$(...)&&``) was read as part of it: passed; RES-015 / RES-009 now. The private address twin passes.
4. **``echo ... | tee FILE``** (``tee-*``): ``printf '[default]\\nregion = <abroad>\\n' | sudo tee /root/.aws/config >
   /dev/null`` and ``echo 'region = <abroad>' | sudo tee -a ...`` passed (``cat > FILE <<EOF`` and ``echo ... >> FILE``
   of the same lines were RES-009): RES-009 now. The home Region written so passes.
5. **A buildspec** (``buildspec-*``, a CodeBuild project): ``DB=$(aws ssm get-parameter ...)`` in ``install``, ``psql
   -h "$DB"`` in ``post_build``: RES-015 now (passed). ``env.exported-variables`` names variables exported to the
   pipeline's later stages (their values are the phases' own, judged there): the compliant twin exports one and passes.
6. **Alibaba Cloud** (``ali-*``, CN / JP / DE; ECS instances and a launch template): ``R=$(cat /etc/fleet/region)``
   then ``aliyun ... --RegionId $R`` (RES-011), the CLI's ``config.json`` written through ``tee`` with a region abroad
   (RES-009), each passed before; the metadata's region and private address through variables pass.

tests/test_realistic_programs.py runs them as CASES (``scripts53-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import (
    ALI_METADATA,
    AWS_HOME,
    IMDS,
    PARTNER_DB,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    trust_policy,
)
from platform_parts import AWS_ABROAD as ABROAD

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs (the table's Alibaba provider pins each one's region)."""
ALI_ABROAD = "us-west-1"
"""An Alibaba Cloud region outside CN, JP and DE."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own database, a private address in the VPC."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region"
"""A log retention call whose Region argument the shapes vary."""
NIGHTLY = "-U fleet -f /opt/fleet/nightly.sql"
"""psql's arguments after its host in the nightly report."""
SSM_DB = "aws ssm get-parameter --name /fleet/db-host --query Parameter.Value --output text"
"""Reads the database's host from Parameter Store: a value the engine cannot compute."""
SCRATCH = "aws ec2 create-volume --volume-type gp3 --size 100 --availability-zone"
"""A scratch volume whose zone argument the shapes vary."""
AWS_EXPECTED = {
    "var-region-unknown": {"RES-011"},
    "var-host-ssm": {"RES-015"},
    "var-read-unknown": {"RES-015"},
    "var-own": set(),
    "glued-zone-abroad": {"RES-008"},
    "glued-host-partner": {"RES-015"},
    "glued-zone-own": set(),
    "closed-semicolon-partner": {"RES-015"},
    "closed-and-abroad": {"RES-009"},
    "closed-semicolon-own": set(),
    "tee-config-abroad": {"RES-009"},
    "tee-append-abroad": {"RES-009"},
    "tee-config-own": set(),
    "buildspec-var-ssm": {"RES-015"},
    "buildspec-exported-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"var-host-ssm", "var-own", "glued-zone-own", "tee-append-abroad", "closed-semicolon-own"})
"""The shapes made as a launch template (base64 user data); the other machine shapes as an instance (plain text)."""
ALI_EXPECTED = {
    "ali-var-region-unknown": {"RES-011"},
    "ali-tee-config-abroad": {"RES-009"},
    "ali-var-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def _variable(code: str, shape: str) -> str:
    """A boot script assigning a destination from a command first, then using the variable (bash(1) "Command
    Substitution")."""
    home = AWS_HOME[code]
    if shape == "var-region-unknown":
        return f"#!/bin/bash\nset -euo pipefail\nREGION=$(aws configure get region)\n{RETENTION} $REGION\n"
    if shape == "var-host-ssm":
        return f'#!/bin/bash\nset -euo pipefail\nDB=$({SSM_DB})\npsql -h "$DB" {NIGHTLY}\n'
    if shape == "var-read-unknown":
        return f"#!/bin/bash\nread -r DB < /etc/fleet/dbhost\npsql -h $DB {NIGHTLY}\n"
    return (
        "#!/bin/bash\nset -euo pipefail\n"
        f"REGION=$(curl -s {IMDS}/meta-data/placement/region)\n"
        f"AZ=$(curl -s {IMDS}/meta-data/placement/availability-zone)\n"
        "ZONE_REGION=$(echo $AZ | sed 's/[a-z]$//')\n"
        "VOLUME_AZ=$(ec2-metadata --availability-zone | cut -d ' ' -f 2)\n"
        "SELF=$(hostname -f)\n"
        "STAMP=$(date +%F)\n"
        f'{RETENTION} $REGION\n{RETENTION} "$ZONE_REGION"\n{RETENTION} {home}\n'
        f"{SCRATCH} $VOLUME_AZ\n"
        f"psql -h $SELF {NIGHTLY} -o /var/fleet/nightly-$STAMP.out\n"
    )


def _glued(code: str, shape: str) -> str:
    """A destination word with text right after a command substitution (one word for the shell)."""
    if shape == "glued-zone-abroad":
        return f"#!/bin/bash\n{SCRATCH} $(echo {ABROAD[code]})a\n"
    if shape == "glued-host-partner":
        return f"#!/bin/bash\npsql -h $(hostname -s).db.partner-analytics.com {NIGHTLY}\n"
    return f"#!/bin/bash\n{SCRATCH} $(curl -s {IMDS}/meta-data/placement/region)b\n"


def _closed(code: str, shape: str) -> str:
    """A command right after a substitution's ``)`` and an operator with no blank between (``$(date +%F);``)."""
    if shape == "closed-and-abroad":
        return (
            f"#!/bin/bash\ncd /opt/fleet && REGION=$(curl -s {IMDS}/meta-data/placement/region)&& "
            f"aws s3 ls --region {ABROAD[code]}\n"
        )
    host = PARTNER_DB if shape == "closed-semicolon-partner" else PRIVATE_DB
    return f"#!/bin/bash\nSTAMP=$(date +%F); pg_dump -h {host} -U fleet fleet > /backup/fleet-$STAMP.sql\n"


def _tee(code: str, shape: str) -> str:
    """The CLI's settings file written through sudo tee (coreutils tee(1))."""
    home, abroad = AWS_HOME[code], ABROAD[code]
    if shape == "tee-append-abroad":
        return (
            "#!/bin/bash\nprintf '[default]\\noutput = json\\n' | sudo tee /root/.aws/config > /dev/null\n"
            f"echo 'region = {abroad}' | sudo tee -a /root/.aws/config > /dev/null\n"
        )
    region = abroad if shape == "tee-config-abroad" else home
    return f"#!/bin/bash\nprintf '[default]\\nregion = {region}\\n' | sudo tee /root/.aws/config > /dev/null\n"


def _buildspec(shape: str) -> str:
    """A report build (CodeBuild buildspec 0.2: phases install / build / post_build, one shell; env.exported-variables
    "List of environment variables you want to export", to CodePipeline's later stages)."""
    if shape == "buildspec-var-ssm":
        document: dict[str, Any] = {
            "version": "0.2",
            "phases": {
                "install": {"commands": ["yum install -y postgresql15", f"DB=$({SSM_DB})"]},
                "build": {"commands": ["./make-report.sh > /tmp/report.sql"]},
                "post_build": {"commands": ['psql -h "$DB" -U fleet -f /tmp/report.sql']},
            },
        }
    else:
        document = {
            "version": "0.2",
            "env": {"exported-variables": ["REPORT_DB"]},
            "phases": {
                "install": {"commands": ["yum install -y postgresql15", f"echo {PRIVATE_DB} > /tmp/dbhost"]},
                "build": {
                    "commands": [
                        "./make-report.sh > /tmp/report.sql",
                        "REPORT_DB=$(cat /tmp/dbhost)",
                        'psql -h "$REPORT_DB" -U fleet -f /tmp/report.sql',
                    ]
                },
            },
        }
    return json.dumps(document, indent=2)


def _user_data(code: str, shape: str) -> str:
    if shape.startswith("var-"):
        return _variable(code, shape)
    if shape.startswith("glued-"):
        return _glued(code, shape)
    if shape.startswith("closed-"):
        return _closed(code, shape)
    return _tee(code, shape)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("buildspec-"):
            # docs: codebuild/project (source.buildspec; CodeBuild "Build specification reference")
            role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=c.aws)
            return aws.codebuild.Project(
                "fleet-report", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
                source={"type": "NO_SOURCE", "buildspec": _buildspec(shape)},
                environment={"compute_type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER",
                             "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0"},
                opts=c.aws,
            )  # fmt: skip
        user_data = _user_data(code, shape)
        if shape in ENCODED:
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            encoded = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=encoded,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def _ali_script(shape: str) -> str:
    """The aliyun CLI with a region read from a file the script does not write, its config.json written through tee
    with a region abroad, and the metadata's own region and address through variables."""
    if shape == "ali-var-region-unknown":
        return "#!/bin/bash\nREGION=$(cat /etc/fleet/region)\naliyun ecs DescribeInstances --RegionId $REGION\n"
    if shape == "ali-tee-config-abroad":
        config = {
            "current": "default",
            "profiles": [{"name": "default", "mode": "EcsRamRole", "ram_role_name": "fleet", "region_id": ALI_ABROAD}],
        }
        return f"#!/bin/bash\necho '{json.dumps(config)}' | tee /root/.aliyun/config.json > /dev/null\n"
    return (
        f"#!/bin/bash\nREGION=$(curl -s {ALI_METADATA}/meta-data/region-id)\n"
        f"SELF=$(curl -s {ALI_METADATA}/meta-data/private-ipv4)\n"
        f"aliyun ecs DescribeInstances --RegionId $REGION\npsql -h $SELF {NIGHTLY}\n"
    )


def ali_program(shape: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape)
        if shape == "ali-var-own":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts53-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts53-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_EXPECTED.items()]
    return out
