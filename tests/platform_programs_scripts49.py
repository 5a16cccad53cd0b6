"""Scripts and user data, round 5 (stop 49, issue 9, scripts49).

Reproduced on the unchanged engine (main at 3b6f8c1), one-value checks then these programs through every front door:

1. **Filters that only select or trim** (``own-*``, EC2 user data of an instance in plain text and of a launch
   template in base64, EU / US / JP / CN): a Fluent Bit ``cloudwatch_logs`` template's ``region ${AWS_REGION}`` filled
   by envsubst from the metadata's ``placement/region`` piped through ``head -n 1`` or a bare ``xargs``, or from the
   identity document's ``jq .region`` with its quotes removed by ``tr -d '"'``, was RES-016 (only ``tr -d`` of blanks
   and ``jq -r`` were read). They pass now. A ``sed`` substitution that writes text (``s/-1$/-2/``) gives an unknown
   value: RES-016, as before.
2. **A value passed on by xargs** (``xargs-*``): ``echo <partner host> | xargs -I{} curl ... https://{}/intake`` and
   ``echo "$COLLECTOR" | xargs -I{} ...`` passed (the URL's host was the placeholder ``{}``): RES-015; the same to a
   private address passes. **A host a sed substitution writes** (``sed-*``): ``HOST=$(echo collector.fleet.internal |
   sed 's/fleet.internal/partner-analytics.com/')`` then ``curl https://$HOST/intake`` passed (a value made at run
   time): the engine applies the substitution to the literal (RES-015); over the instance's own name (``hostname -f``,
   unknown) the host the substitution writes is judged (RES-015); a private address's port changed passes.
3. **Application config files** (``app-*``): ``cat > /etc/fleet/app.json <<EOF`` naming a partner's database under
   ``database.host``, a YAML ``aws.region`` of another country written with ``tee``, passed (only URLs and cloud hosts
   were read in the body): RES-015 / RES-009. A config naming private addresses, ``0.0.0.0``, a path under
   ``endpoint`` and the instance's own Region (``$R`` from the metadata) passes, and so does the CloudWatch agent's
   JSON with the stack's Region (as before).
4. **The Alibaba Cloud CLI's config file** (``ali-config-*``, CN / JP / DE; an ECS instance, base64 and plain, and an
   ECS launch template): ``~/.aliyun/config.json`` with a profile's ``"region_id": "us-west-1"`` passed (only ``aliyun
   configure set --region`` was read): RES-009; ``"region_id": "$REGION"`` with REGION from the ECS metadata's
   ``region-id`` passes. ``ossutil -e oss-$REGION-internal.aliyuncs.com`` with REGION read through ``| head -n 1``
   was RES-015 (``REGION-internal.aliyuncs.com``): it passes.

tests/test_realistic_programs.py runs them as CASES (``scripts49-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_METADATA,
    AWS_HOME,
    FLUENT_BIT_CONF,
    IMDS,
    PARTNER_DB,
    PARTNER_INTAKE,
    REGION_FROM_METADATA,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
)
from platform_parts import AWS_ABROAD as ABROAD

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs (the table's Alibaba provider pins each one's region)."""
TEMPLATE = "/opt/fleet/fluent-bit.tpl"
"""The Fluent Bit template the ``own-*`` programs fill with envsubst."""

OWN_REGION = {
    # coreutils head(1): the first line; the metadata item is one line
    "own-head-envsubst": f"export AWS_REGION=$(curl -s {IMDS}/meta-data/placement/region | head -n 1)\n",
    # findutils xargs: the default command is echo (the line's one word)
    "own-xargs-envsubst": f"export AWS_REGION=$(curl -s {IMDS}/meta-data/placement/region | xargs)\n",
    # EC2 "Instance identity documents": jq prints the JSON string, tr -d '"' drops its quotes
    "own-jq-tr-envsubst": (
        f"export AWS_REGION=$(curl -s {IMDS}/dynamic/instance-identity/document | jq .region | tr -d '\"')\n"
    ),
    # a substitution writing text: the value is unknown. scripts54 (stop 54): into the template's own variable, not the
    # SDKs' AWS_REGION (an SDK Region variable's own substitution is read since stop 54: RES-011 beside the template's
    # RES-016 on the same resource, and the table holds one rule a program; the RES-011 is scripts54's env-inline-*)
    "own-sed-rewrite-envsubst": (f"export FLB_REGION=$(curl -s {IMDS}/meta-data/placement/region | sed 's/-1$/-2/')\n"),
}
"""How each ``own-*`` program sets the template's Region variable (the last one rewrites it: refused)."""
XARGS_SHAPES = ("xargs-literal-partner", "xargs-variable-partner", "xargs-private")
SED_SHAPES = ("sed-host-literal-partner", "sed-host-unknown-partner", "sed-host-private")
APP_SHAPES = ("app-json-partner-db", "app-yaml-region-abroad", "app-yaml-own", "app-cwagent-own")
ENCODED = frozenset(
    {
        "own-xargs-envsubst",
        "own-sed-rewrite-envsubst",
        "xargs-variable-partner",
        "sed-host-unknown-partner",
        "app-yaml-own",
    }
)
"""The AWS shapes made as a launch template (base64 user data); the others as an instance (plain text)."""
ALI_SHAPES = ("ali-config-abroad", "ali-config-metadata", "ali-head-ossutil", "ali-app-yaml-partner")


def _aws_expected(shape: str) -> set[str]:
    return {
        "own-sed-rewrite-envsubst": {"RES-016"},
        "xargs-literal-partner": {"RES-015"},
        "xargs-variable-partner": {"RES-015"},
        "sed-host-literal-partner": {"RES-015"},
        "sed-host-unknown-partner": {"RES-015"},
        "app-json-partner-db": {"RES-015"},
        "app-yaml-region-abroad": {"RES-009"},
    }.get(shape, set())


def _ali_expected(shape: str) -> set[str]:
    return {"ali-config-abroad": {"RES-009"}, "ali-app-yaml-partner": {"RES-015"}}.get(shape, set())


def _envsubst_script(shape: str) -> str:
    """Install Fluent Bit, set AWS_REGION the shape's way, fill the template (GNU gettext envsubst), start it (Fluent
    Bit manual, "Amazon CloudWatch": region, log_group_name)."""
    name = "FLB_REGION" if shape == "own-sed-rewrite-envsubst" else "AWS_REGION"
    template = (
        "[OUTPUT]\n    Name              cloudwatch_logs\n    Match             *\n"
        f"    region            ${{{name}}}\n    log_group_name    /fleet/app\n    log_stream_prefix app-\n"
    )
    return (
        f"#!/bin/bash\nset -euo pipefail\ndnf install -y fluent-bit\n{OWN_REGION[shape]}"
        f"cat > {TEMPLATE} <<'EOF'\n{template}EOF\nenvsubst < {TEMPLATE} > {FLUENT_BIT_CONF}\n"
        "systemctl enable --now fluent-bit\n"
    )


def _xargs_script(shape: str) -> str:
    """Post the boot report to an intake whose host an echo pipes into xargs (findutils xargs ``-I``)."""
    post = "xargs -I{} curl -sf -X POST https://{}/intake --data-binary @/var/log/fleet/boot.json\n"
    if shape == "xargs-literal-partner":
        return f"#!/bin/bash\nset -euo pipefail\necho {PARTNER_INTAKE} | {post}"
    if shape == "xargs-variable-partner":
        return f'#!/bin/bash\nset -euo pipefail\nCOLLECTOR={PARTNER_INTAKE}\necho "$COLLECTOR" | {post}'
    return f"#!/bin/bash\nset -euo pipefail\necho 10.0.3.9 | {post}"


def _sed_script(shape: str) -> str:
    """Post the boot report to an intake whose host a sed substitution writes (GNU sed "The s Command"): over a
    literal (the engine applies it), over the instance's own name (unknown: the host sed writes is judged), or a
    private address's port changed."""
    host = {
        "sed-host-literal-partner": "$(echo collector.fleet.internal | sed 's/fleet.internal/partner-analytics.com/')",
        "sed-host-unknown-partner": "$(hostname -f | sed 's/[.]ec2[.]internal$/.partner-analytics.com/')",
        "sed-host-private": "$(echo 10.0.3.9:8080 | sed 's/8080/8443/')",
    }[shape]
    return (
        f"#!/bin/bash\nset -euo pipefail\nHOST={host}\n"
        "curl -sf -X POST https://$HOST/intake --data-binary @/var/log/fleet/boot.json\n"
    )


def _app_script(code: str, shape: str) -> str:
    """Write the fleet service's settings (or the CloudWatch agent's, its documented JSON: agent.region, logs) and
    start it."""
    region = AWS_HOME[code]
    if shape == "app-json-partner-db":
        body = json.dumps({"database": {"host": PARTNER_DB, "port": 5432, "name": "fleet"}, "region": region}, indent=2)
        write = f"cat > /etc/fleet/app.json <<EOF\n{body}\nEOF\n"
    elif shape == "app-yaml-region-abroad":
        body = f"aws:\n  region: {ABROAD[code]}\n  queue: fleet-jobs\nlog_level: info\n"
        write = f"tee /etc/fleet/app.yaml > /dev/null <<EOF\n{body}EOF\n"
    elif shape == "app-yaml-own":
        body = (
            "server:\n  host: 0.0.0.0\n  port: 8080\nhealth:\n  endpoint: /healthz\ndatabase:\n  host: 10.0.3.7\n"
            "  port: 5432\naws:\n  region: $R\n"
        )
        write = f"{REGION_FROM_METADATA}cat > /etc/fleet/app.yaml <<EOF\n{body}EOF\n"
    else:
        collected = {"file_path": "/var/log/fleet/*.log", "log_group_name": "/fleet/app"}
        agent = {
            "agent": {"metrics_collection_interval": 60, "region": region},
            "logs": {
                "logs_collected": {"files": {"collect_list": [collected]}},
                "endpoint_override": f"logs.{region}.{dns_suffix(code)}",
            },
        }
        path = "/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json"
        write = f"cat > {path} <<'EOF'\n{json.dumps(agent, indent=2)}\nEOF\n"
    return f"#!/bin/bash\nset -euo pipefail\nmkdir -p /etc/fleet\n{write}systemctl enable --now fleet\n"


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape in OWN_REGION:
            user_data = _envsubst_script(shape)
        elif shape in XARGS_SHAPES:
            user_data = _xargs_script(shape)
        elif shape in SED_SHAPES:
            user_data = _sed_script(shape)
        else:
            user_data = _app_script(code, shape)
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


def _ali_script(shape: str, bucket: str) -> str:
    """Configure the aliyun CLI with the instance's RAM role (its config.json: profiles[].mode EcsRamRole,
    ram_role_name, region_id; aliyun-cli config/profile.go) and list the region's instances, upload the boot log with
    ossutil through the region's internal endpoint, or write the fleet service's settings."""
    metadata = f"REGION=$(curl -s {ALI_METADATA}/meta-data/region-id)\n"
    if shape in ("ali-config-abroad", "ali-config-metadata"):
        region = "us-west-1" if shape == "ali-config-abroad" else "$REGION"
        profile = {"name": "default", "mode": "EcsRamRole", "ram_role_name": "fleet-node", "region_id": region,
                   "output_format": "json", "language": "en"}  # fmt: skip
        config = json.dumps({"current": "default", "profiles": [profile]}, indent=2)
        head = metadata if shape == "ali-config-metadata" else ""
        return (
            f"#!/bin/bash\nset -e\n{head}mkdir -p /root/.aliyun\ncat > /root/.aliyun/config.json <<EOF\n{config}\nEOF\n"
            "aliyun ecs DescribeInstances > /var/log/fleet-peers.json\n"
        )
    if shape == "ali-head-ossutil":
        return (
            f"#!/bin/bash\nset -e\nREGION=$(curl -s {ALI_METADATA}/meta-data/region-id | head -n 1)\n"
            f"ossutil cp /var/log/cloud-init-output.log oss://{bucket}/boot/ -e oss-$REGION-internal.aliyuncs.com\n"
        )
    body = f"collector:\n  endpoint: {PARTNER_INTAKE}\n  port: 443\nlog_level: info\n"
    return f"#!/bin/bash\nset -e\nmkdir -p /etc/fleet\ntee /etc/fleet/app.yml > /dev/null <<EOF\n{body}EOF\n"


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        # docs: oss/bucket (bucket: the bucket's name); the logs go to the stack's own bucket
        bucket = alicloud.oss.Bucket("boot-logs", bucket=f"fleet-boot-logs-{code.lower()}", opts=c.ali)
        script: Any = bucket.bucket.apply(lambda name: _ali_script(shape, name))
        if shape in ("ali-config-metadata", "ali-config-abroad"):
            script = script.apply(lambda s: base64.b64encode(s.encode()).decode())
        return ali_boot(c, script, launch_template=shape == "ali-config-metadata")

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts49-{code.lower()}-"
        for shape in (*OWN_REGION, *XARGS_SHAPES, *SED_SHAPES, *APP_SHAPES):
            out.append((p + shape, code, aws_program(code, shape), _aws_expected(shape), []))
    for code in ALI_CODES:
        p = f"scripts49-{code.lower()}-"
        out += [(p + shape, code, ali_program(code, shape), _ali_expected(shape), []) for shape in ALI_SHAPES]
    return out
