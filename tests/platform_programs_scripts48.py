"""Scripts and user data, round 4 (stop 48, issue 9, scripts48).

Reproduced on the unchanged engine (main at 1fd7240), one-value checks then these programs through every front door:

1. **The instance's own Region through more pipelines** (``own-*``, EC2 user data of an instance in plain text and
   of a launch template in base64, EU / US / JP / CN): a Fluent Bit ``cloudwatch_logs`` template's ``region
   ${AWS_REGION}`` filled by envsubst from the instance identity document read with ``grep region | awk -F\\"
   '{print $4}'``, with ``jq --raw-output .region``, or from ``placement/region | tr -d '\\n'`` was RES-016 (only
   ``jq -r .region`` and the bare path were read). They pass now. The Region derived from the zone
   (``placement/availability-zone | sed 's/.$//'``) stays RES-016: a Local Zone's name minus its last letter is a
   zone group (``us-east-1-qro-1``, in Mexico), no Region.
2. **Option values filled from the script's variables** (``option-*``, ``psql-*``): ``aws cloudwatch
   put-metric-data --region $TARGET`` with ``TARGET`` set to another country's Region passed (the option was read as
   written, ``$TARGET``, no region shape): RES-009; the same with the stack's own Region passes. ``psql -h $DBH``
   with ``DBH`` a partner's host passed: RES-015; a private address passes. Alibaba Cloud ECS (CN / JP / DE; an
   instance in base64 and plain, and an ECS launch template): ``ossutil cp ... -e oss-$REGION-internal.aliyuncs.com``
   with ``REGION`` from the ECS metadata's ``region-id`` was RES-015 (``REGION-internal.aliyuncs.com`` names no
   region): it passes; from a file it stays RES-015. ``aliyun ecs DescribeInstances --region $TARGET`` with another
   country's region passed: RES-009.
3. **The AWS CLI's shared config file** (``aws-config-*``): user data writing ``[default]`` / ``region = <another
   country's Region>`` into ``/root/.aws/config`` with a here-document passed (only ``aws configure set`` was read):
   RES-009; ``region = $R`` with ``R`` from the instance metadata passes.

tests/test_realistic_programs.py runs them as CASES (``scripts48-*``).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_METADATA, IMDS, Build, Row, ali_boot
from platform_parts import AWS_ABROAD as FOREIGN

HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs (the table's Alibaba provider pins each one's region)."""
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
FB = "/etc/fluent-bit/fluent-bit.conf"
TEMPLATE = "/opt/fleet/fluent-bit.tpl"
DOCUMENT = f"{IMDS}/dynamic/instance-identity/document"

OWN_REGION = {
    # EC2 "Instance identity documents": the document's "region" line, its 4th field split at double quotes
    "own-grep-awk-envsubst": (f"export AWS_REGION=$(curl -s {DOCUMENT} | grep region | awk -F\\\" '{{print $4}}')\n"),
    "own-jq-raw-output-envsubst": f"export AWS_REGION=$(curl -s {DOCUMENT} | jq --raw-output .region)\n",
    "own-tr-envsubst": f"export AWS_REGION=$(curl -s {IMDS}/meta-data/placement/region | tr -d '\\n')\n",
    "own-az-sed-envsubst": (
        f"export AWS_REGION=$(curl -s {IMDS}/meta-data/placement/availability-zone | sed 's/.$//')\n"
    ),
}
"""How each ``own-*`` program sets AWS_REGION (the last one derives it from the zone: refused)."""
ENVSUBST_SHAPES = tuple(OWN_REGION)
OPTION_SHAPES = ("option-region-foreign", "option-region-own", "psql-host-partner", "psql-host-private")
CONFIG_SHAPES = ("aws-config-foreign", "aws-config-own-metadata")
ALI_SHAPES = ("ali-ossutil-metadata", "ali-ossutil-file", "ali-cli-region-foreign", "ali-cli-region-metadata")
ENCODED = frozenset(
    {"own-jq-raw-output-envsubst", "own-az-sed-envsubst", "option-region-foreign", "aws-config-foreign"}
)
"""The AWS shapes made as a launch template (base64 user data); the others as an instance (plain text)."""


def _aws_expected(shape: str) -> set[str]:
    return {
        "own-az-sed-envsubst": {"RES-016"},
        "option-region-foreign": {"RES-009"},
        "psql-host-partner": {"RES-015"},
        "aws-config-foreign": {"RES-009"},
    }.get(shape, set())


def _ali_expected(shape: str) -> set[str]:
    return {"ali-ossutil-file": {"RES-015"}, "ali-cli-region-foreign": {"RES-009"}}.get(shape, set())


def _envsubst_script(shape: str) -> str:
    """Install Fluent Bit, set AWS_REGION the shape's way, fill the template (GNU gettext envsubst), start it; the
    template is a Fluent Bit classic file (Fluent Bit manual, "Amazon CloudWatch": region, log_group_name)."""
    template = (
        "[OUTPUT]\n    Name              cloudwatch_logs\n    Match             *\n"
        "    region            ${AWS_REGION}\n    log_group_name    /fleet/app\n    log_stream_prefix app-\n"
    )
    return (
        f"#!/bin/bash\nset -euo pipefail\ndnf install -y fluent-bit\n{OWN_REGION[shape]}"
        f"cat > {TEMPLATE} <<'EOF'\n{template}EOF\nenvsubst < {TEMPLATE} > {FB}\nsystemctl enable --now fluent-bit\n"
    )


def _option_script(code: str, shape: str) -> str:
    """A boot metric sent to a Region a variable holds (AWS CLI put-metric-data, --region), or a database's schema
    loaded from a host a variable holds (psql -h)."""
    if shape.startswith("option-"):
        target = FOREIGN[code] if shape == "option-region-foreign" else HOME[code]
        return (
            f"#!/bin/bash\nset -euo pipefail\nTARGET={target}\n"
            "aws cloudwatch put-metric-data --namespace Fleet --metric-name Boot --value 1 --region $TARGET\n"
        )
    host = "db.partner-analytics.com" if shape == "psql-host-partner" else "10.0.3.7"
    return f"#!/bin/bash\nset -euo pipefail\nDBH={host}\npsql -h $DBH -U fleet -f /opt/fleet/schema.sql\n"


def _config_script(code: str, shape: str) -> str:
    """The AWS CLI's shared config file written by a here-document (AWS CLI "Configuration and credential file
    settings": [default], region)."""
    if shape == "aws-config-foreign":
        head, region = "", FOREIGN[code]
    else:
        head, region = f"R=$(curl -s {IMDS}/meta-data/placement/region)\n", "$R"
    return (
        f"#!/bin/bash\nset -euo pipefail\n{head}mkdir -p /root/.aws\ncat > /root/.aws/config <<EOF\n[default]\n"
        f"region = {region}\noutput = json\nEOF\naws s3 ls\n"
    )


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape in ENVSUBST_SHAPES:
            user_data = _envsubst_script(shape)
        elif shape in OPTION_SHAPES:
            user_data = _option_script(code, shape)
        else:
            user_data = _config_script(code, shape)
        if shape in ENCODED:
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            encoded = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id="ami-0a1b2c3d4e5f60718", instance_type="t3.small",
                                          user_data=encoded, opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str, bucket: str) -> str:
    """Upload the boot log with ossutil to the stack's bucket through the region's internal endpoint (ossutil's
    ``-e/--endpoint``), or call the ECS API of a region a variable holds (aliyun CLI ``--region``)."""
    metadata = f"REGION=$(curl -s {ALI_METADATA}/meta-data/region-id)\n"
    if shape == "ali-ossutil-metadata":
        return (
            f"#!/bin/bash\nset -e\n{metadata}ossutil cp /var/log/cloud-init-output.log oss://{bucket}/boot/ "
            "-e oss-$REGION-internal.aliyuncs.com\n"
        )
    if shape == "ali-ossutil-file":
        return (
            f"#!/bin/bash\nset -e\nREGION=$(cat /etc/fleet/region)\nossutil cp /var/log/cloud-init-output.log "
            f"oss://{bucket}/boot/ -e oss-$REGION-internal.aliyuncs.com\n"
        )
    target = "TARGET=us-west-1\n" if shape == "ali-cli-region-foreign" else f"{metadata}TARGET=$REGION\n"
    return f"#!/bin/bash\nset -e\n{target}aliyun ecs DescribeInstances --region $TARGET > /var/log/fleet-peers.json\n"


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        # docs: oss/bucket (bucket: the bucket's name); the logs go to the stack's own bucket
        bucket = alicloud.oss.Bucket("boot-logs", bucket=f"fleet-boot-logs-{code.lower()}", opts=c.ali)
        script: Any = bucket.bucket.apply(lambda name: _ali_script(code, shape, name))
        if shape in ("ali-cli-region-foreign", "ali-ossutil-metadata"):
            script = script.apply(lambda s: base64.b64encode(s.encode()).decode())
        return ali_boot(c, script, launch_template=shape == "ali-cli-region-foreign")

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in HOME:
        p = f"scripts48-{code.lower()}-"
        for shape in (*ENVSUBST_SHAPES, *OPTION_SHAPES, *CONFIG_SHAPES):
            out.append((p + shape, code, aws_program(code, shape), _aws_expected(shape), []))
    for code in ALI_CODES:
        p = f"scripts48-{code.lower()}-"
        out += [(p + shape, code, ali_program(code, shape), _ali_expected(shape), []) for shape in ALI_SHAPES]
    return out
