"""Scripts and user data, round 10 (stop 54, issue 9, scripts54).

scripts53 / scripts53b made a variable holding a command substitution the engine cannot compute (``H=$(cat FILE)``
of a file the script does not write, ``$(aws ssm get-parameter ...)``) fail closed at a listed command's Region /
host argument, a URL whose host is the variable whole, the SDKs' Region variables and a settings file's ``key =
value`` line. Reproduced on the unchanged engine (main at 51ca59f4), these programs through every front door; the
offending ones marked "passed" each passed every door:

1. **A URL's host with fixed text before the variable** (``url-around-*``, EC2 user data, EU / US / JP / CN):
   ``D=$(cat /etc/fleet/ingest-domain)`` then ``curl https://ingest.$D/v1/report`` passed (the placeholder reading:
   no fixed domain after the variable, so the host's domain is whatever the file holds): RES-015 now, declared by the
   substitution's text. The machine's own Region in a cloud host (``https://sqs.$R.amazonaws.com/...`` after ``R=$(curl
   <IMDS>/placement/region)``) and a variable before a fixed domain of the stack's own cloud pass; ``psql -h db.$D``
   was refused already (RES-015, pinned: ``psql-around-unknown``).
2. **A Region variable assigned a substitution in its own assignment** (``env-inline-*``): ``export
   AWS_REGION=$(cat /etc/fleet/region)`` passed (the assignment's bare value read up to its first blank, ``$(cat``):
   RES-011 now; ``export AWS_DEFAULT_REGION=$(echo $AZ | sed 's/[a-z]$//')`` of a literal zone abroad passed: RES-009
   now. The metadata's Region (``$(curl -s <IMDS>/placement/region)``) passes.
3. **Alibaba Cloud** (``ali-*``, CN / JP / DE; ECS instances): ``export ALIBABA_CLOUD_REGION_ID=$(cat
   /etc/fleet/region)`` (RES-011) passed, and ``export ALICLOUD_REGION=$R`` after ``R=$(cat /etc/fleet/region)`` (the
   Terraform / Pulumi alicloud provider's Region variable) passed: RES-011 now. The metadata's region-id passes in both.
4. **Shell expansions the reader did not compute** (``default-nested-*``, ``alternate-*``, ``while-*``; EC2 user data):
   ``--region "${BACKUP_REGION:-${AWS_REGION:-<abroad>}}"`` (a nested default) passed, read as no Region: RES-009 now;
   ``TARGET=${REPLICATE:+<abroad>}`` then ``--region ${TARGET:-<home>}`` passed: RES-009 now; ``while read -r h; do
   pg_isready -h "$h"; done <<EOF`` over a partner's database host passed: RES-015 now; ``while IFS= read -r r; do
   ... --region "$r"; done < /etc/fleet/regions`` of a file the script does not write passed: RES-011 now. The same
   with the home Region, the stack's own database hosts, or a regions file the script writes, pass.
5. **Pinned, unchanged** (``zone-unknown-*``): a zone argument holding a substitution the engine cannot compute beside
   the home ``--region`` passes (scripts53's decision: a zone is inside the Region its call goes to, judged on its
   own).

Ids: ``scripts54-<jurisdiction>-<shape>``. tests/test_realistic_programs.py runs them as CASES (``scripts54-*``).
"""

from __future__ import annotations

import base64
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_METADATA, AWS_ABROAD, AWS_HOME, IMDS, PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
REPORT = "-d @/var/fleet/report.json -H 'Content-Type: application/json'"
"""curl's body and type for the nightly report."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call that takes its Region from the environment or the CLI's configuration."""
AWS_EXPECTED = {
    "url-around-unknown": {"RES-015"},
    "url-around-own": set(),
    "psql-around-unknown": {"RES-015"},
    "env-inline-unknown": {"RES-011"},
    "env-inline-abroad": {"RES-009"},
    "env-inline-own": set(),
    "zone-unknown-home-region": set(),
    "default-nested-abroad": {"RES-009"},
    "default-nested-home": set(),
    "alternate-abroad": {"RES-009"},
    "alternate-home": set(),
    "while-hosts-partner": {"RES-015"},
    "while-hosts-own": set(),
    "while-regions-file": {"RES-011"},
    "while-regions-written": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-env-inline-unknown": {"RES-011"},
    "ali-env-inline-own": set(),
    "ali-provider-region-unknown": {"RES-011"},
    "ali-provider-region-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def _user_data(code: str, shape: str) -> str:
    """A boot script using a value a command gives (bash(1) "Command Substitution": the output replaces the
    substitution inside its word)."""
    head = "#!/bin/bash\nset -euo pipefail\n"
    if shape == "url-around-unknown":
        return f"{head}D=$(cat /etc/fleet/ingest-domain)\ncurl -fsS -X POST https://ingest.$D/v1/report {REPORT}\n"
    if shape == "url-around-own":
        return (
            f"{head}R=$(curl -s {IMDS}/meta-data/placement/region)\nQ=fleet-reports\nSTAMP=$(date +%F)\n"
            f"curl -fsS https://sqs.$R.{_suffix(code)}/{AWS_HOME[code]}/$Q?Action=GetQueueAttributes\n"
            f'curl -fsS -X POST "http://localhost:8080/reports/$STAMP" {REPORT}\n'
        )
    if shape == "psql-around-unknown":
        return f"{head}D=$(cat /etc/fleet/db-domain)\npsql -h db.$D -U app -d fleet -c 'select 1'\n"
    if shape == "env-inline-unknown":
        return f"{head}export AWS_REGION=$(cat /etc/fleet/region)\n{RETENTION}\n"
    if shape == "env-inline-abroad":
        return f"{head}AZ={AWS_ABROAD[code]}a\nexport AWS_DEFAULT_REGION=$(echo $AZ | sed 's/[a-z]$//')\n{RETENTION}\n"
    if shape == "env-inline-own":
        return f"{head}export AWS_REGION=$(curl -s {IMDS}/meta-data/placement/region)\n{RETENTION}\n"
    home, abroad = AWS_HOME[code], AWS_ABROAD[code]
    if shape.startswith("default-nested-"):
        region = abroad if shape.endswith("abroad") else home
        return f'{head}{RETENTION} --region "${{BACKUP_REGION:-${{AWS_REGION:-{region}}}}}"\n'
    if shape.startswith("alternate-"):
        region = abroad if shape.endswith("abroad") else home
        return f"{head}TARGET=${{REPLICATE:+{region}}}\n{RETENTION} --region ${{TARGET:-{home}}}\n"
    if shape.startswith("while-hosts-"):
        writer = f"fleet.cluster-c1a2b3.{home}.rds.{_suffix(code)}"
        other = PARTNER_DB if shape.endswith("partner") else f"fleet.cluster-ro-c1a2b3.{home}.rds.{_suffix(code)}"
        return (
            f'{head}while read -r h; do\n  pg_isready -h "$h" -p 5432 || exit 1\ndone <<EOF\n{writer}\n{other}\nEOF\n'
        )
    if shape.startswith("while-regions-"):
        written = (
            f"mkdir -p /etc/fleet\ncat > /etc/fleet/regions <<EOF\n{home}\nEOF\n" if shape.endswith("written") else ""
        )
        return f'{head}{written}while IFS= read -r r; do\n  {RETENTION} --region "$r"\ndone < /etc/fleet/regions\n'
    return (
        f"{head}aws ec2 create-volume --region {AWS_HOME[code]} --size 100 --volume-type gp3 "
        "--availability-zone $(cat /etc/fleet/az)\n"
    )


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("env-"):
            # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
            data = base64.b64encode(_user_data(code, shape).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """The aliyun CLI with its region from the environment (Alibaba Cloud CLI "Environment variables":
    ALIBABA_CLOUD_REGION_ID), or Terraform's alicloud provider with its region from ALICLOUD_REGION."""
    del code
    own = f"$(curl -s {ALI_METADATA}/meta-data/region-id)"
    if shape == "ali-env-inline-unknown":
        return "#!/bin/bash\nexport ALIBABA_CLOUD_REGION_ID=$(cat /etc/fleet/region)\naliyun ecs DescribeInstances\n"
    if shape == "ali-env-inline-own":
        return f"#!/bin/bash\nexport ALIBABA_CLOUD_REGION_ID={own}\naliyun ecs DescribeInstances\n"
    region = "$(cat /etc/fleet/region)" if shape == "ali-provider-region-unknown" else own
    return (
        f"#!/bin/bash\nR={region}\nexport ALICLOUD_REGION=$R\n"
        "cd /opt/fleet/terraform && terraform init -input=false && terraform apply -auto-approve -input=false\n"
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts54-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts54-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
