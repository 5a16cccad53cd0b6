"""Scripts and user data, round 15, part 2 (stop 59, issue 9, scripts59b).

What *Scripts and user data, round 15*, *Configuration file grammars in user data, round 10* and *Template functions,
round 13* (stop 59) left open in the one script reader (their "Left open"; residency-open.md, "Free text and
scripts"). Reproduced on the unchanged engine (main at a15e0128: one-value probes, then these programs through every
front door); see docs/residency.md, *Scripts and user data, round 15, part 2 (stop 59)*:

1. **A split script list** (an SSM Command document's ``runCommand``, one line an item, one script the agent runs):
   a function defined over several items and called by a later item (``ssm-function-if-*``: ``dr_region() {`` /
   ``if [ -f /etc/fleet/dr ]; then`` / ``echo <Region>`` / ``else`` / ... / ``}`` / ``R="$(dr_region)"``;
   ``ssm-function-echo-*``: a body of one echo, called at ``--region "$(dr_region)"``) was RES-011 with the home
   Region (the call's item judged alone: a false alarm) and RES-011, not the Region, abroad; a ``sed -i`` edit of the
   Datadog Agent's datadog.yaml whose ``${SITE}`` an earlier item assigns (``ssm-dd-sed-site-*``) passed every door
   with Datadog's US1 site (the item alone: ``${SITE}`` unset).
2. **jq's environment**: ``export R=<Region>`` then ``$(jq -rn 'env.R')`` (``jq-env-export-*``, an EC2 instance) and
   ``$(R=<Region> jq -rn '$ENV.R')`` (``jq-env-prefix-*``, a launch template) were RES-011 with the home Region (a
   false alarm) and RES-011, not the Region, abroad (jq's ``env`` unread); an Alibaba ECS instance's ``export
   REGION=...`` read by ``jq -rn env.REGION`` (``ali-jq-env-*``) likewise. ``jq-env-machine-*`` (``env.AWS_REGION``,
   a variable the script neither sets nor exports: the machine's environment) stays RES-011 (pinned: fail closed).

Each refusal has its compliant twin (the home Region and a second Region in the jurisdiction; the US1 site declared:
resident in the US, a transfer from EU / JP / CN), which passes. Ids: ``scripts59b-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, Build, Row, ali_boot
from platform_programs_config59 import DEFAULT_SITE, declared

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region in each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia): the other branch."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
REGION_SHAPES = ("ssm-function-if", "ssm-function-echo", "jq-env-export", "jq-env-prefix")
"""The shapes refused with a Region abroad (RES-009) and passing with Regions in the jurisdiction."""
EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in REGION_SHAPES},
    **{f"{shape}-home": set() for shape in REGION_SHAPES},
    "ssm-dd-sed-site-default": {"RES-015"},
    "ssm-dd-sed-site-declared": set(),
    "jq-env-machine": {"RES-011"},
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
ALI_EXPECTED = {"ali-jq-env-abroad": {"RES-009"}, "ali-jq-env-home": set()}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""


def _region_lines(shape: str, home: str, second: str, region: str) -> list[str]:
    """The items giving the retention call the Region ``region`` by the shape's reading (bash(1) "Shell Functions",
    "Compound Commands"); ``second`` is another Region in the jurisdiction (the other branch)."""
    if shape.startswith("ssm-function-if-"):
        return ["dr_region() {", "  if [ -f /etc/fleet/dr ]; then", f"    echo {region}", "  else",
                f"    echo {second if region != second else home}", "  fi", "}", 'R="$(dr_region)"',
                f'{RETENTION} --region "$R"']  # fmt: skip
    return ["dr_region() {", f"  echo {region}", "}", f'{RETENTION} --region "$(dr_region)"']


def _jq_env_script(shape: str, region: str) -> str:
    """A boot script whose Region reaches the call through jq's environment (jq 1.6 manual, "$ENV, env")."""
    if shape.startswith("jq-env-export-"):
        given = f"export R={region}\nREG=$(jq -rn 'env.R')\n"
    elif shape.startswith("jq-env-prefix-"):
        given = f"REG=$(R={region} jq -rn '$ENV.R')\n"
    else:  # the machine's environment: not the script's to prove
        given = "REG=$(jq -rn 'env.AWS_REGION')\n"
    return f'#!/bin/bash\nset -euo pipefail\n{given}{RETENTION} --region "$REG"\n'


def _lines(code: str, shape: str) -> list[str]:
    """The ``runCommand`` items of the shape in the jurisdiction ``code``."""
    if shape.startswith("ssm-dd-sed-site-"):
        # Datadog's documented way of choosing the site: the package's commented `# site:` line edited in place
        return [f"SITE={DEFAULT_SITE}", 'sed -i "s/^# site:.*/site: ${SITE}/" /etc/datadog-agent/datadog.yaml',
                "systemctl restart datadog-agent"]  # fmt: skip
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]
    return _region_lines(shape, AWS_HOME[code], AWS_SECOND[code], region)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("jq-env-"):
            region = AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]
            script = _jq_env_script(shape, region)
            if shape.startswith("jq-env-prefix-"):
                # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
                data = base64.b64encode(script.encode()).decode()
                return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                              opts=c.aws)  # fmt: skip
            # docs: ec2/instance (ami, instance_type, user_data)
            return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", user_data=script,
                                    opts=c.aws)  # fmt: skip
        # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand: one line each)
        step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": _lines(code, shape)}}
        document = {"schemaVersion": "2.2", "description": "Fleet log retention", "mainSteps": [step]}
        return aws.ssm.Document("fleet-retention", name="fleet-retention", document_type="Command",
                                document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip

    return build


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        region = ALI_ABROAD[code] if shape.endswith("-abroad") else ALI_HOME[code]
        call = "aliyun ecs DescribeInstances --PageSize 50 --RegionId"
        return ali_boot(c, f'#!/bin/bash\nexport REGION={region}\n{call} "$(jq -rn env.REGION)"\n')

    return build


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, DEFAULT_SITE)] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts59b-{code.lower()}-"
        out += [
            (p + shape, code, aws_program(code, shape), expected, _declared(code, shape))
            for shape, expected in EXPECTED.items()
        ]
    for code in ALI_CODES:
        p = f"scripts59b-{code.lower()}-"
        out += [(p + shape, code, ali_program(code, shape), expected, []) for shape, expected in ALI_EXPECTED.items()]
    return out
