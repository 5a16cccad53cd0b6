"""Scripts and user data, round 7 (stop 51, issue 9, scripts51).

Reproduced on the unchanged engine (main at 54b9529), one-value checks then these programs through every front door:

1. **Config files cloud-init writes** (``wf-*``, cloud-config user data of an EC2 instance in plain text or a launch
   template in base64, EU / US / JP / CN): a ``write_files`` entry for ``/etc/fleet/app.conf`` with ``region =
   <abroad>``, for ``~/.aws/config`` with ``region = <abroad>`` or for ``/etc/fleet/app.toml`` naming a partner's
   database passed (only JSON / YAML contents were walked by key; the same file written by a here-document was read):
   RES-009 / RES-015 now. The instance's own Region in ``~/.aws/config`` passes.
2. **s3cmd's own keys** (``s3cmd-*``): ``~/.s3cfg`` with ``host_base = <partner>`` / ``host_bucket =
   %(bucket)s.<partner>`` or ``bucket_location = <abroad>`` passed: RES-015 / RES-009 now. The Region's own S3
   endpoints with s3cmd's ``%(bucket)s`` template pass (RES-017 on a bucket ``s`` before: the scan read the
   template's last letter as a bucket name).
3. **A buildspec's phases run by one shell** (``buildspec-*``, a CodeBuild project): ``R=<abroad>`` in
   ``phases.install.commands`` then ``aws ... --region $R`` in ``phases.build.commands``, a partner's host in
   ``env.variables`` used by a ``post_build`` command, and a ``finally`` block's ``--region <abroad>`` passed:
   RES-009 / RES-015 now. ``env.variables`` naming a private address and ``$AWS_REGION`` (CodeBuild's own) pass.
4. **Crontab lines** (``cron-*``): ``echo '0 3 * * * root aws logs ... --region <abroad>' > /etc/cron.d/...`` and
   ``(crontab -l; echo '*/15 * * * * psql -h <partner> ...') | crontab -`` passed (a cron line's command was not read
   past its schedule): RES-009 / RES-015 now. A cron line with the metadata's Region passes.
5. **Alibaba Cloud** (``ali-*``, CN / JP / DE; an ECS instance or launch template): s3cmd on the region's internal
   OSS endpoint creating its buckets with ``bucket_location = us-west-1`` (RES-009, passed before), a cloud-config
   ``write_files`` ``.conf`` with ``region = us-west-1`` (RES-009, passed before), a ``/etc/cron.d`` file written by a
   here-document running ``psql -h <partner>`` (RES-015, passed before); s3cmd on the region's internal OSS endpoint
   with the metadata's region passes.

tests/test_realistic_programs.py runs them as CASES (``scripts51-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import (
    ALI_METADATA,
    AWS_HOME,
    PARTNER_DB,
    PARTNER_INTAKE,
    REGION_FROM_METADATA,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
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

AWS_EXPECTED = {
    "wf-conf-region-abroad": {"RES-009"},
    "wf-awsconfig-own": set(),
    "wf-toml-partner": {"RES-015"},
    "s3cmd-partner": {"RES-015"},
    "s3cmd-location-abroad": {"RES-009"},
    "s3cmd-own": set(),
    "buildspec-phase-abroad": {"RES-009"},
    "buildspec-env-partner": {"RES-015"},
    "buildspec-finally-abroad": {"RES-009"},
    "buildspec-own": set(),
    "cron-region-abroad": {"RES-009"},
    "crontab-partner": {"RES-015"},
    "cron-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"wf-awsconfig-own", "s3cmd-location-abroad", "cron-region-abroad"})
"""The shapes made as a launch template (base64 user data); the other machine shapes as an instance (plain text)."""
ALI_EXPECTED = {
    "ali-s3cmd-location-abroad": {"RES-009"},
    "ali-s3cmd-own": set(),
    "ali-wf-conf-abroad": {"RES-009"},
    "ali-cron-partner": {"RES-015"},
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def cloud_config(files: dict[str, str], runcmd: list[str]) -> str:
    """A cloud-config writing ``files`` (cloud-init write_files: path, permissions, content) then running ``runcmd``."""
    document = {
        "write_files": [{"path": path, "permissions": "0600", "content": body} for path, body in files.items()],
        "runcmd": runcmd,
    }
    return "#cloud-config\n" + json.dumps(document, indent=2) + "\n"


def _written_config(code: str, shape: str) -> str:
    """An application's settings, the AWS CLI's shared config or a TOML file cloud-init writes (write_files)."""
    if shape == "wf-conf-region-abroad":
        files = {"/etc/fleet/app.conf": f"[aws]\nregion = {ABROAD[code]}\nqueue = fleet-jobs\n"}
    elif shape == "wf-awsconfig-own":
        files = {"/root/.aws/config": f"[default]\nregion = {AWS_HOME[code]}\noutput = json\n"}
    else:
        files = {"/etc/fleet/app.toml": f'[database]\nendpoint = "{PARTNER_DB}"\nport = 5432\n'}
    return cloud_config(files, ["systemctl enable --now fleet"])


def _s3cmd(code: str, shape: str) -> str:
    """s3cmd's ~/.s3cfg (host_base, host_bucket, bucket_location: s3cmd's S3/Config.py) and a nightly sync."""
    if shape == "s3cmd-partner":
        hosts = f"host_base = {PARTNER_INTAKE}\nhost_bucket = %(bucket)s.{PARTNER_INTAKE}\n"
        location = AWS_HOME[code]
    else:
        endpoint = f"s3.{AWS_HOME[code]}.{dns_suffix(code)}"
        hosts = f"host_base = {endpoint}\nhost_bucket = %(bucket)s.{endpoint}\n"
        location = ABROAD[code] if shape == "s3cmd-location-abroad" else AWS_HOME[code]
    config = f"[default]\nuse_https = True\n{hosts}bucket_location = {location}\n"
    return f"#!/bin/bash\nset -euo pipefail\ncat > /root/.s3cfg <<'EOF'\n{config}EOF\nchmod 600 /root/.s3cfg\n"


def _cron(code: str, shape: str) -> str:
    """A log retention job and a nightly report installed as cron lines (crontab(5): five time fields, a system
    crontab's user, the command)."""
    if shape == "cron-region-abroad":
        job = (
            f"aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region {ABROAD[code]}"
        )
        return f"#!/bin/bash\nset -e\necho '0 3 * * * root {job}' > /etc/cron.d/fleet-retention\n"
    if shape == "crontab-partner":
        job = f"psql -h {PARTNER_DB} -U fleet -f /opt/fleet/nightly.sql"
        return f"#!/bin/bash\nset -e\n(crontab -l 2>/dev/null; echo '*/15 * * * * {job}') | crontab -\n"
    job = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region $R"
    return f'#!/bin/bash\nset -e\n{REGION_FROM_METADATA}echo "0 3 * * * root {job}" > /etc/cron.d/fleet-retention\n'


def _buildspec(code: str, shape: str) -> str:
    """A report build (CodeBuild buildspec 0.2: env.variables, phases install / build / post_build, finally)."""
    variables = {"REPORT_DIR": "/tmp/report"}
    install = ["yum install -y jq"]
    build = ["./make-report.sh > $REPORT_DIR/r.json"]
    post: list[str] = []
    finally_: list[str] = []
    if shape == "buildspec-phase-abroad":
        install.append(f"R={ABROAD[code]}")
        build.append("aws logs put-retention-policy --log-group-name /fleet/report --retention-in-days 7 --region $R")
    elif shape == "buildspec-env-partner":
        variables["TARGET"] = PARTNER_INTAKE
        post.append("curl -sf -X POST https://$TARGET/reports --data-binary @$REPORT_DIR/r.json")
    elif shape == "buildspec-finally-abroad":
        finally_.append(f"aws cloudwatch put-metric-data --namespace Fleet --metric-name Built --value 1 --region "
                        f"{ABROAD[code]}")  # fmt: skip
    else:
        variables["TARGET"] = "10.0.3.9:8443"
        install.append("R=$AWS_REGION")
        build.append("aws logs put-retention-policy --log-group-name /fleet/report --retention-in-days 7 --region $R")
        post.append("curl -sf -X POST https://$TARGET/reports --data-binary @$REPORT_DIR/r.json")
    phases: dict[str, Any] = {"install": {"commands": install}, "build": {"commands": build}}
    if finally_:
        phases["build"]["finally"] = finally_
    if post:
        phases["post_build"] = {"commands": post}
    return json.dumps({"version": "0.2", "env": {"variables": variables}, "phases": phases}, indent=2)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("buildspec-"):
            # docs: codebuild/project (source.buildspec; CodeBuild "Build specification reference")
            role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=c.aws)
            return aws.codebuild.Project(
                "fleet-report", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
                source={"type": "NO_SOURCE", "buildspec": _buildspec(code, shape)},
                environment={"compute_type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER",
                             "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0"},
                opts=c.aws,
            )  # fmt: skip
        if shape.startswith("wf-"):
            user_data = _written_config(code, shape)
        elif shape.startswith("s3cmd-"):
            user_data = _s3cmd(code, shape)
        else:
            user_data = _cron(code, shape)
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
    """s3cmd against OSS's S3-compatible API, a cloud-config's settings file, a cron file."""
    if shape in ("ali-s3cmd-location-abroad", "ali-s3cmd-own"):
        region = ALI_ABROAD if shape == "ali-s3cmd-location-abroad" else "$REGION"
        endpoint = "oss-$REGION-internal.aliyuncs.com"
        config = f"[default]\nhost_base = {endpoint}\nhost_bucket = %(bucket)s.{endpoint}\nbucket_location = {region}\n"
        return (
            f"#!/bin/bash\nset -e\nREGION=$(curl -s {ALI_METADATA}/meta-data/region-id)\n"
            f"cat > /root/.s3cfg <<EOF\n{config}EOF\n"
        )
    if shape == "ali-wf-conf-abroad":
        return cloud_config({"/etc/fleet/app.conf": f"[oss]\nregion = {ALI_ABROAD}\n"}, ["systemctl restart fleet"])
    job = f"0 2 * * * root psql -h {PARTNER_DB} -U fleet -f /opt/fleet/nightly.sql"
    return f"#!/bin/bash\nset -e\ncat > /etc/cron.d/fleet-nightly <<'EOF'\n{job}\nEOF\n"


def ali_program(shape: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape)
        if shape == "ali-s3cmd-own":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts51-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts51-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_EXPECTED.items()]
    return out
