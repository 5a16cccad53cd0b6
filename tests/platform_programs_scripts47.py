"""Scripts and user data, round 3 (stop 47, issue 9, scripts47).

Reproduced on the unchanged engine (main at c0b9543), one-value checks then these programs through every front door:

1. **The instance's own Region, read other ways** (``own-*``, EC2 user data of an instance in plain text and of a
   launch template in base64, EU / US / JP / CN): a Fluent Bit ``cloudwatch_logs`` template's ``region
   ${AWS_REGION}`` filled by envsubst from a variable the script sets from the instance metadata was RES-016 unless
   the value was exactly ``$(curl|wget ... /latest/meta-data/placement/region)``: backquotes (the EC2 page's own
   IMDSv2 example), the session token fetched inside the header, the instance identity document's ``region`` (``jq -r
   .region``), Amazon Linux's ``ec2-metadata --quiet --region`` and ``ec2-metadata -R | cut -d ' ' -f 2``, and a
   variable set from such a one (``export AWS_REGION=$R``). They pass now. A Region derived from the zone
   (``ec2-metadata -z`` and ``${AZ%?}``) stays RES-016 (``own-zone-derived-envsubst``: a Local Zone's name minus its
   last letter is no Region).
2. **A URL whose Region label is the instance's** (``own-region-sqs-url``): ``aws sqs send-message --queue-url
   https://sqs.$REGION.amazonaws.com/<own account>/fleet-boot`` with ``REGION`` from the metadata was RES-015 outside
   CN (the placeholder host ``sqs.v0.amazonaws.com``): it passes; the Region read from a file stays RES-015
   (``file-region-sqs-url``; in CN the host is under amazonaws.com.cn, China's alone, and passes). Alibaba Cloud ECS
   (CN / JP / DE; an instance in base64 and plain, and an ECS launch template): Logtail's documented installer URL
   ``http://logtail-release-$REGION.oss-$REGION-internal.aliyuncs.com/linux64/logtail.sh`` with ``REGION`` from the
   ECS metadata service's ``region-id`` (normal and security hardening mode) was RES-015: it passes; from a file it
   stays RES-015, and an installer fetched from another region's bucket is refused (RES-006).
3. **Variables at the point of use** (``var-*``): a collector host set to a partner's default and replaced before its
   use by the stack's NLB was RES-015 (every value anywhere counted): it passes; used before the replacement, or set in
   either branch of an ``if``, it is RES-015 (as before). A chain five levels deep to a partner's host passed (three
   levels were followed): RES-015; to a private address it passes.
4. **A run-time Region in a Step Functions payload** (``sfn-payload-queue-url``): ``States.Format('https://sqs.{}.
   amazonaws.com/<own account>/jobs', $.region)`` in a Lambda payload was RES-015 (the ARN form there passed since
   falsealarm46): it passes, as data.

tests/test_realistic_programs.py runs them as CASES (``scripts47-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import ALI_METADATA, IMDS, OWN_ACCOUNT, PARTNER_COLLECTOR, SUBNETS, Build, Row, ali_boot, partition
from platform_parts import FLUENT_BIT_CONF as FB

HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs (the table's Alibaba provider pins each one's region)."""
TEMPLATE = "/opt/fleet/fluent-bit.tpl"
STATES_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                           "Principal": {"Service": "states.amazonaws.com"}}]})  # fmt: skip

TOKEN_HEADER = "X-aws-ec2-metadata-token"
# The commands that give the instance's own Region (EC2 "Instance metadata categories", "Instance identity
# documents", amazon-ec2-utils ec2-metadata(8)), each as the script assigns it.
OWN_REGION = {
    "own-backquote-envsubst": f"export AWS_REGION=`curl -s {IMDS}/meta-data/placement/region`\n",
    "own-token-inline-envsubst": (
        f'export AWS_REGION=$(curl -s -H "{TOKEN_HEADER}: $(curl -sX PUT {IMDS}/api/token '
        f"-H 'X-aws-ec2-metadata-token-ttl-seconds: 60')\" {IMDS}/meta-data/placement/region)\n"
    ),
    "own-identity-document-envsubst": (
        f"export AWS_REGION=$(curl -s {IMDS}/dynamic/instance-identity/document | jq -r .region)\n"
    ),
    "own-ec2-metadata-quiet-envsubst": "export AWS_REGION=$(ec2-metadata --quiet --region)\n",
    "own-ec2-metadata-cut-envsubst": "export AWS_REGION=$(ec2-metadata -R | cut -d ' ' -f 2)\n",
    "own-assigned-from-variable-envsubst": (
        f"TOKEN=`curl -sX PUT {IMDS}/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300'`\n"
        f'R=$(curl -s -H "{TOKEN_HEADER}: $TOKEN" {IMDS}/meta-data/placement/region)\nexport AWS_REGION=$R\n'
    ),
    "own-zone-derived-envsubst": "AZ=$(ec2-metadata -z | cut -d ' ' -f 2)\nexport AWS_REGION=${AZ%?}\n",
}
ENVSUBST_SHAPES = tuple(OWN_REGION)
URL_SHAPES = ("own-region-sqs-url", "file-region-sqs-url")
VAR_SHAPES = ("var-replaced-before-use", "var-used-before-replaced", "var-either-branch", "var-chain-five-partner",
              "var-chain-five-private")  # fmt: skip
ALI_SHAPES = ("ali-metadata-logtail", "ali-hardened-metadata-logtail", "ali-file-region-logtail",
              "ali-installer-abroad-logtail")  # fmt: skip


def _aws_expected(code: str, shape: str) -> set[str]:
    if shape == "own-zone-derived-envsubst":
        return {"RES-016"}
    if shape == "file-region-sqs-url":
        return set() if code == "CN" else {"RES-015"}
    if shape in ("var-used-before-replaced", "var-either-branch", "var-chain-five-partner"):
        return {"RES-015"}
    return set()


def _ali_expected(shape: str) -> set[str]:
    return {"ali-file-region-logtail": {"RES-015"}, "ali-installer-abroad-logtail": {"RES-006"}}.get(shape, set())


def _fluent_bit_template() -> str:
    """A Fluent Bit classic file (Fluent Bit manual, "Amazon CloudWatch": region, log_group_name)."""
    return (
        "[INPUT]\n    Name tail\n    Path /var/log/fleet/*.log\n    Tag  app.*\n\n[OUTPUT]\n"
        "    Name              cloudwatch_logs\n    Match             *\n    region            ${AWS_REGION}\n"
        "    log_group_name    /fleet/app\n    log_stream_prefix app-\n"
    )


def _envsubst_script(shape: str) -> str:
    """Install Fluent Bit, set AWS_REGION the shape's way, fill the template (GNU gettext envsubst), start it."""
    return (
        f"#!/bin/bash\nset -euo pipefail\ndnf install -y fluent-bit\n{OWN_REGION[shape]}"
        f"cat > {TEMPLATE} <<'EOF'\n{_fluent_bit_template()}EOF\nenvsubst < {TEMPLATE} > {FB}\n"
        "systemctl enable --now fluent-bit\n"
    )


def _url_script(code: str, shape: str) -> str:
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    region = (
        f"REGION=$(curl -s {IMDS}/meta-data/placement/region)\n"
        if shape == "own-region-sqs-url"
        else "REGION=$(cat /etc/fleet/region)\n"
    )
    # scripts53 (stop 53): `--region $REGION` of a Region read from a file the script does not write is RES-011 (an
    # unknown Region, beside the URL's RES-015 on the same resource; the table holds the guard's one rule): the file
    # shape leaves the Region to the CLI's configuration, the URL's reading is what it pins.
    option = "--region $REGION " if shape == "own-region-sqs-url" else ""
    return (
        f"#!/bin/bash\nset -euo pipefail\n{region}aws sqs send-message {option}"
        f'--queue-url "https://sqs.$REGION.{suffix}/{OWN_ACCOUNT}/fleet-boot" --message-body "$(hostname) ready"\n'
    )


def _var_script(shape: str, nlb: str) -> str:
    post = 'curl -fsS -X POST "https://$COLLECTOR/ingest" -d @/var/log/fleet/boot.json\n'
    if shape == "var-replaced-before-use":
        # the vendor's sample line kept, then the team's own collector set before any use
        return f"#!/bin/bash\nset -euo pipefail\nCOLLECTOR={PARTNER_COLLECTOR}\nCOLLECTOR={nlb}\n{post}"
    if shape == "var-used-before-replaced":
        return f"#!/bin/bash\nset -euo pipefail\nCOLLECTOR={PARTNER_COLLECTOR}\n{post}COLLECTOR={nlb}\n{post}"
    if shape == "var-either-branch":
        return (
            f"#!/bin/bash\nset -euo pipefail\nif [ -f /etc/fleet/internal ]; then\n  COLLECTOR={nlb}\nelse\n"
            f"  COLLECTOR={PARTNER_COLLECTOR}\nfi\n{post}"
        )
    host = "db.partner-analytics.com" if shape == "var-chain-five-partner" else "10.0.3.7"
    return (
        f'#!/bin/bash\nset -euo pipefail\nPRIMARY={host}\nWRITER=$PRIMARY\nTARGET=$WRITER\nDB="${{TARGET}}"\n'
        "CONNECT=$DB\nexport DB_HOST=$CONNECT\nsystemctl restart fleet-app\n"
    )


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape in VAR_SHAPES:
            nlb = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                      opts=c.aws).dns_name  # fmt: skip
            user_data: Any = nlb.apply(lambda n: _var_script(shape, n))
        elif shape in URL_SHAPES:
            user_data = _url_script(code, shape)
        else:
            user_data = _envsubst_script(shape)
        if shape in ("own-token-inline-envsubst", "own-ec2-metadata-cut-envsubst", "file-region-sqs-url"):
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            encoded = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id="ami-0a1b2c3d4e5f60718", instance_type="t3.small",
                                          user_data=encoded, opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def sfn_program(code: str) -> Build:
    """A Lambda payload carrying the queue URL of the execution's Region (States.Format)."""
    part = partition(code)
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    queue = f"States.Format('https://sqs.{{}}.{suffix}/{OWN_ACCOUNT}/jobs', $.region)"
    definition = json.dumps({"StartAt": "Drain", "States": {"Drain": {
        "Type": "Task", "Resource": f"arn:{part}:states:::lambda:invoke",
        "Parameters": {"FunctionName": "drain-queue", "Payload": {"queueUrl.$": queue, "batch": 10}},
        "End": True}}})  # fmt: skip

    def build(c: Any) -> object:
        opts: pulumi.ResourceOptions = c.aws
        role = aws.iam.Role("drain-flow-role", assume_role_policy=STATES_TRUST, opts=opts)
        # docs: sfn/statemachine (role_arn; definition "The Amazon States Language definition of the state machine")
        return aws.sfn.StateMachine("drain-flow", role_arn=role.arn, definition=definition, opts=opts)

    return build


def _ali_script(shape: str) -> str:
    """Install Logtail the documented way (its installer from the region's internal OSS endpoint)."""
    region = {
        "ali-metadata-logtail": f"REGION=$(curl -s {ALI_METADATA}/meta-data/region-id)\n",
        "ali-hardened-metadata-logtail": (
            f'TOKEN=`curl -s -X PUT "{ALI_METADATA}/api/token" -H "X-aliyun-ecs-metadata-token-ttl-seconds:300"`\n'
            f'REGION=$(curl -s -H "X-aliyun-ecs-metadata-token: $TOKEN" {ALI_METADATA}/meta-data/region-id)\n'
        ),
        "ali-file-region-logtail": "REGION=$(cat /etc/fleet/region)\n",
        "ali-installer-abroad-logtail": f"REGION=$(curl -s {ALI_METADATA}/meta-data/region-id)\n",
    }[shape]
    # the installer's bucket is the region's (Logtail's install page); the abroad twin fetches another region's
    source = "us-west-1" if shape == "ali-installer-abroad-logtail" else "$REGION"
    # agents62 (stop 62): the installer's Region argument is judged since stop 62 (a Region read from a file is
    # RES-011 there, beside this URL's RES-015; pinned in tests/test_endpoints.py): the file shape installs with
    # `auto` (the machine's own Region), so that its one refusal stays the URL's this round probed
    install = "auto" if shape == "ali-file-region-logtail" else "$REGION"
    return (
        f"#!/bin/bash\nset -e\n{region}"
        f"wget http://logtail-release-{source}.oss-{source}-internal.aliyuncs.com/linux64/logtail.sh -O logtail.sh\n"
        f"chmod 755 logtail.sh\n./logtail.sh install {install}\n"
    )


def ali_program(shape: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape)
        encoded = shape in ("ali-hardened-metadata-logtail", "ali-metadata-logtail")
        user_data = base64.b64encode(script.encode()).decode() if encoded else script
        return ali_boot(c, user_data, launch_template=shape == "ali-hardened-metadata-logtail")

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in HOME:
        p = f"scripts47-{code.lower()}-"
        for shape in (*ENVSUBST_SHAPES, *URL_SHAPES, *VAR_SHAPES):
            out.append((p + shape, code, aws_program(code, shape), _aws_expected(code, shape), []))
        out.append((p + "sfn-payload-queue-url", code, sfn_program(code), set(), []))
    for code in ALI_CODES:
        p = f"scripts47-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), _ali_expected(shape), []) for shape in ALI_SHAPES]
    return out
