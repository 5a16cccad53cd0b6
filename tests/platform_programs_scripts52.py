"""Scripts and user data, round 8 (stop 52, issue 9, scripts52).

Reproduced on the unchanged engine (main at faa992a), one-value checks then these programs through every front door:

1. **A command substitution's value as a destination argument** (``subst-*``, EC2 user data, EU / US / JP / CN):
   ``aws ... --region $(echo <home> | sed 's/<home>/<abroad>/')``, ``--region "$(printf %s <abroad>)"``, ``psql -h
   $(echo <PARTNER> | tr A-Z a-z)``, ``--region `echo <abroad>` `` and ``psql -h $(cat FILE)`` of a file the script
   does not write passed (the splitter kept the substitution as an unknown ``$(...)`` word): RES-009 / RES-015 now
   (the unknown file fails closed). The metadata's Region, ``$(hostname -f)``, a Region derived from the metadata's
   zone and ``$(echo <home>)`` pass.
2. **A value written into a file and read back** (``file-*``): ``echo <partner> > /etc/fleet/dbhost`` then ``DB=$(cat
   /etc/fleet/dbhost)`` / ``read DB < /etc/fleet/dbhost`` and ``psql -h "$DB"``, or ``curl https://$(cat
   /etc/fleet/target)/reports``, passed: RES-015 now. The same with a private address passes.
3. **A buildspec's phases** (``buildspec-*``, a CodeBuild project): ``HOST=$(echo <partner>)`` in ``install`` used by
   ``post_build``'s ``psql -h "$HOST"`` passed: RES-015 now. A file ``install`` writes with a private address read by
   ``build``'s ``psql -h $(cat FILE)`` passes (not refused as an unknown file: the phases are one shell).
4. **Other shapes** (``jq-sub-abroad``, ``eval-printf-abroad``, ``cron-percent-*``): jq's ``sub("<home>";
   "<abroad>")`` giving ``--region``, ``eval "$(printf '... --region %s' <abroad>)"``, and a crontab line whose
   command ``/bin/bash`` reads ``psql -h <partner>`` after a ``%`` (crontab(5): the rest is its standard input)
   passed: RES-009 / RES-015 now. The crontab twin with a private address passes.
5. **Alibaba Cloud** (``ali-*``, CN / JP / DE; an ECS instance or launch template): ``aliyun ... --RegionId $(echo
   us-west-1)`` (RES-009), ``read DB < FILE`` of a partner's host (RES-015), a crontab ``%`` line (RES-015), each
   passed before; the metadata's region and the metadata's private address pass.

tests/test_realistic_programs.py runs them as CASES (``scripts52-*``).
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
    PARTNER_INTAKE,
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
DB_FILE = "/etc/fleet/dbhost"
"""The file a boot script writes its database's host into."""
NIGHTLY = "-U fleet -f /opt/fleet/nightly.sql"
"""psql's arguments after its host in the nightly report."""
AWS_EXPECTED = {
    "subst-region-abroad": {"RES-009"},
    "subst-printf-abroad": {"RES-009"},
    "subst-host-partner": {"RES-015"},
    "subst-file-unknown": {"RES-015"},
    "backquote-region-abroad": {"RES-009"},
    "subst-own": set(),
    "file-readback-partner": {"RES-015"},
    "file-url-partner": {"RES-015"},
    "file-readback-own": set(),
    "buildspec-subst-partner": {"RES-015"},
    "buildspec-file-own": set(),
    "jq-sub-abroad": {"RES-009"},
    "eval-printf-abroad": {"RES-009"},
    "cron-percent-partner": {"RES-015"},
    "cron-percent-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"subst-own", "file-url-partner", "cron-percent-own"})
"""The shapes made as a launch template (base64 user data); the other machine shapes as an instance (plain text)."""
ALI_EXPECTED = {
    "ali-subst-region-abroad": {"RES-009"},
    "ali-file-readback-partner": {"RES-015"},
    "ali-cron-percent-partner": {"RES-015"},
    "ali-subst-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def _substituted(code: str, shape: str) -> str:
    """A boot script whose destination arguments are command substitutions (bash(1) "Command Substitution")."""
    home, abroad = AWS_HOME[code], ABROAD[code]
    lines = {
        "subst-region-abroad": f"{RETENTION} $(echo {home} | sed 's/{home}/{abroad}/')",
        "subst-printf-abroad": f'{RETENTION} "$(printf %s {abroad})"',
        "subst-host-partner": f"psql -h $(echo {PARTNER_DB.upper()} | tr A-Z a-z) {NIGHTLY}",
        "subst-file-unknown": f"psql -U $(whoami) -h $(cat /etc/fleet/dbhost) {NIGHTLY}",
        "backquote-region-abroad": f"{RETENTION} `echo {abroad}`",
        "subst-own": (
            f'{RETENTION} "$(curl -s {IMDS}/meta-data/placement/region)"\n'
            f"{RETENTION} $(curl -s {IMDS}/meta-data/placement/availability-zone | sed 's/[a-z]$//')\n"
            f"{RETENTION} $(echo {home})\n"
            f"psql -U $(whoami) -h $(hostname -f) {NIGHTLY}\n"
        ),
    }
    return f"#!/bin/bash\nset -euo pipefail\n{lines[shape]}\n"


def _file(shape: str) -> str:
    """A boot script writing its target into a file, then reading it back (``$(cat FILE)``, ``read NAME < FILE``)."""
    if shape == "file-readback-partner":
        return f'#!/bin/bash\necho {PARTNER_DB} > {DB_FILE}\nDB=$(cat {DB_FILE})\npsql -h "$DB" {NIGHTLY}\n'
    if shape == "file-url-partner":
        return (
            f"#!/bin/bash\necho {PARTNER_INTAKE} > /etc/fleet/target\n"
            "curl -sf -X POST https://$(cat /etc/fleet/target)/reports --data-binary @/var/fleet/r.json\n"
        )
    return (
        f"#!/bin/bash\necho {PRIVATE_DB} > /etc/fleet/dbhost\nread -r DB < /etc/fleet/dbhost\npsql -h $DB {NIGHTLY}\n"
    )


def _other(code: str, shape: str) -> str:
    """jq's sub, eval of a printf, crontab lines with a ``%`` (crontab(5))."""
    home, abroad = AWS_HOME[code], ABROAD[code]
    if shape == "jq-sub-abroad":
        document = json.dumps({"region": home})
        return (
            f"#!/bin/bash\nR=$(echo '{document}' | jq -r '.region | sub(\"{home}\"; \"{abroad}\")')\n{RETENTION} $R\n"
        )
    if shape == "eval-printf-abroad":
        return f"#!/bin/bash\neval \"$(printf '{RETENTION} %s' {abroad})\"\n"
    host = PARTNER_DB if shape == "cron-percent-partner" else PRIVATE_DB
    return f"#!/bin/bash\necho '0 3 * * * root /bin/bash%psql -h {host} {NIGHTLY}' > /etc/cron.d/fleet-nightly\n"


def _buildspec(shape: str) -> str:
    """A report build (CodeBuild buildspec 0.2: phases install / build / post_build, one shell)."""
    install = ["yum install -y jq postgresql15"]
    build = ["./make-report.sh > /tmp/report.sql"]
    post: list[str] = []
    if shape == "buildspec-subst-partner":
        install.append(f"HOST=$(echo {PARTNER_DB})")
        post.append('psql -h "$HOST" -U fleet -f /tmp/report.sql')
    else:
        install.append(f"echo {PRIVATE_DB} > /tmp/dbhost")
        build.append("psql -h $(cat /tmp/dbhost) -U fleet -f /tmp/report.sql")
    phases: dict[str, Any] = {"install": {"commands": install}, "build": {"commands": build}}
    if post:
        phases["post_build"] = {"commands": post}
    return json.dumps({"version": "0.2", "phases": phases}, indent=2)


def _user_data(code: str, shape: str) -> str:
    if shape.startswith(("subst-", "backquote-")):
        return _substituted(code, shape)
    if shape.startswith("file-"):
        return _file(shape)
    return _other(code, shape)


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
    """The aliyun CLI with a substituted region, a partner's host read back from a file, a crontab ``%`` line, and
    the metadata's own region and address."""
    if shape == "ali-subst-region-abroad":
        return f"#!/bin/bash\naliyun ecs DescribeInstances --RegionId $(echo {ALI_ABROAD})\n"
    if shape == "ali-file-readback-partner":
        return (
            f"#!/bin/bash\necho {PARTNER_DB} > /etc/fleet/dbhost\nread DB < /etc/fleet/dbhost\npsql -h $DB {NIGHTLY}\n"
        )
    if shape == "ali-cron-percent-partner":
        return (
            f"#!/bin/bash\necho '0 2 * * * root /bin/sh%psql -h {PARTNER_DB} {NIGHTLY}' > /etc/cron.d/fleet-nightly\n"
        )
    return (
        f"#!/bin/bash\naliyun ecs DescribeInstances --RegionId $(curl -s {ALI_METADATA}/meta-data/region-id)\n"
        f"psql -h $(curl -s {ALI_METADATA}/meta-data/private-ipv4) {NIGHTLY}\n"
    )


def ali_program(shape: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape)
        if shape == "ali-subst-own":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts52-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts52-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_EXPECTED.items()]
    return out
