"""Scripts and user data, round 16, part 2 (stop 60, issue 9, scripts60b): read forms, word splitting into options,
ANSI-C control characters.

What *Scripts and user data, round 15* and its part 2 (stop 59) and *The lead's review of stop 59* left open in the one
script reader (their "Left open"; residency-open.md, "Free text and scripts"). Reproduced on the unchanged engine (main
at 0183f733: one-value probes, then these programs through every front door); see docs/residency.md, *Scripts and user
data, round 16, part 2 (stop 60)*:

On main 0183f733, 62 of the 132 programs failed every door: 47 leaks and 15 false alarms, no wrong rule.

1. **Read forms**: a slice of an array ``mapfile`` fills from a file the script writes (``mapfile-slice-loop-*``:
   ``for R in "${RS[@]:1:2}"``; ``mapfile-slice-arg-*``: ``--region "${RS[@]:1:1}"``) kept every item, so that the
   item sliced off (a Region abroad) was RES-009 at home: a false alarm; ``while read -r -n 16 R`` over fixed-width
   records (``while-read-n-*``), ``read -r -d '' R <<'EOF'`` (``heredoc-d-empty-*``, the idiom for a whole
   here-document) and ``read -r -d ';' R <<EOF`` whose value is past the document's first line (``heredoc-d-past-*``)
   passed every door with a Region abroad. ``read -n<N> R</etc/fleet/region`` written tightly (``read-tight-*``) is
   read since stop 59 (pinned).
2. **Word splitting into options**: an unquoted variable whose value holds blanks is split into words, options among
   them (bash(1) "Word Splitting"): ``DB_OPTS="-p 5432 -h <partner>"`` then ``psql -h 10.0.2.15 $DB_OPTS``
   (``psql-opts-*``), ``-p $P`` with ``P="5432 -h <partner>"`` (``psql-port-*``), ``mysql ... $MYSQL_OPTS``
   (``mysql-opts-*``) and ``redis-cli ... $REDIS_OPTS`` (``redis-opts-*``) passed every door with a partner's database
   or cache, and ``aws ec2 copy-snapshot $COPY_OPTS`` holding ``--region <abroad>`` (``aws-opts-*``) with a Region
   abroad.
3. **ANSI-C words expanding to a control character or a quote** at a Region (``ansi-control-*``: ``R=$'<Region>\\n'``;
   ``ansi-quote-*``: ``--region $'<Region>\\''``) were left as written and passed every door: now unknown (RES-011);
   their compliant twins are the ordinary forms stop 59 reads (``$'\\x65u-west-1'``, ``$'<home>'``), which pass.

Also through an SSM Command document (``ssm-``: one line an item of ``runCommand``) and an Alibaba ECS instance's user
data (``ali-``). Each refusal has its compliant twin (the home Region and a second Region in the jurisdiction, or the
VPC's database), which passes. Ids: ``scripts60b-<jurisdiction>-<shape>``.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
AWS_SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region in each jurisdiction (Frankfurt, Oregon, Osaka, Ningxia)."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
PARTNER_CACHE = "cache.partner-analytics.com"
"""A partner's Redis cache."""
REGION_SHAPES = (
    "mapfile-slice-loop", "mapfile-slice-arg", "while-read-n", "heredoc-d-empty", "heredoc-d-past", "read-tight",
    "aws-opts", "ssm-mapfile-slice-loop",
)  # fmt: skip
"""The AWS shapes refused with a Region abroad (RES-009) and passing with Regions in the jurisdiction."""
HOST_SHAPES = ("psql-opts", "psql-port", "mysql-opts", "redis-opts", "ssm-psql-opts")
"""The AWS shapes refused with a partner's host (RES-015) and passing with the VPC's database or plain options."""
ANSI_SHAPES = ("ansi-control", "ansi-quote")
"""The AWS shapes refused as unknown (RES-011: a Region holding a control character or a quote) whose compliant twin
is an ordinary ANSI-C word (stop 59's reading)."""
AWS_EXPECTED: dict[str, set[str]] = {
    **{f"{shape}-abroad": {"RES-009"} for shape in REGION_SHAPES},
    **{f"{shape}-abroad": {"RES-015"} for shape in HOST_SHAPES},
    **{f"{shape}-abroad": {"RES-011"} for shape in ANSI_SHAPES},
    **{f"{shape}-home": set() for shape in (*REGION_SHAPES, *HOST_SHAPES, *ANSI_SHAPES)},
}  # fmt: skip
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-mapfile-slice-abroad": {"RES-009"}, "ali-mapfile-slice-home": set(),
    "ali-mysql-opts-abroad": {"RES-015"}, "ali-mysql-opts-home": set(),
}  # fmt: skip
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("mapfile-slice-arg-", "heredoc-d-empty-", "psql-port-", "redis-opts-", "ansi-quote-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _region_script(shape: str, home: str, second: str, region: str, skipped: str) -> str:
    """The lines giving ``R`` (or the command's Region) the Region ``region`` by the shape's reading (bash(1));
    ``second`` is another Region in the jurisdiction, ``skipped`` an item the slice leaves out."""
    snapshot = f"aws ec2 copy-snapshot --source-region {home} --source-snapshot-id snap-0a1b2c3d4e5f60718"
    shapes = {
        # "Parameter Expansion": an indexed array subscripted by @ with an offset and a length: those members;
        # "mapfile": each line of the file an element, from index 0
        "mapfile-slice-loop-": f"printf '%s\\n' {skipped} {region} {second} > /etc/fleet/regions\n"
        f'mapfile -t RS < /etc/fleet/regions\nfor R in "${{RS[@]:1:2}}"; do\n  {RETENTION} --region "$R"\ndone\n',
        "mapfile-slice-arg-": f"printf '%s\\n' {skipped} {region} > /etc/fleet/regions\n"
        f'mapfile -t RS < /etc/fleet/regions\n{snapshot} --region "${{RS[@]:1:1}}"\n',
        # "read": -n nchars, read returns after reading nchars characters (fixed-width records, padded by printf)
        "while-read-n-": f"printf '%-16s' {second} {region} > /etc/fleet/regions\n"
        f'while read -r -n 16 R; do\n  {RETENTION} --region "$R"\ndone < /etc/fleet/regions\n',
        # "read": -d '' reads up to a NUL (none in a here-document: the whole body, IFS blanks at its ends removed)
        "heredoc-d-empty-": f"read -r -d '' R <<'EOF' || true\n{region}\nEOF\n",
        # "read": -d delim, the first character of delim terminates the input (on a later line of the document)
        "heredoc-d-past-": f"read -r -d ';' R <<EOF || true\n\n{region};{second}\nEOF\n",
        # "read": -n nchars from a file, written without blanks around the redirection
        "read-tight-": f"echo {region} > /etc/fleet/region\nread -n{len(region)} R</etc/fleet/region\n",
        # "Word Splitting": an unquoted variable's value split into words, options among them (the last one counts)
        "aws-opts-": f'COPY_OPTS="--source-region {home} --region {region}"\n'
        "aws ec2 copy-snapshot $COPY_OPTS --source-snapshot-id snap-0a1b2c3d4e5f60718 --description dr\n",
    }
    body = next(v for k, v in shapes.items() if shape.startswith(k))
    uses_r = "--region" not in body
    return body + (f'{RETENTION} --region "$R"\n' if uses_r else "")


def _host_script(shape: str, abroad: bool) -> str:
    """A database migration or a cache check whose options come from an unquoted variable (bash(1) "Word Splitting"):
    a partner's host among them abroad, plain options at home."""
    if shape.startswith("psql-opts-"):
        opts = f"-p 5432 -h {PARTNER_DB}" if abroad else "-p 5432 -U migrator"
        return f'DB_OPTS="{opts}"\npsql -h 10.0.2.15 $DB_OPTS -d app -f /opt/app/migrate.sql\n'
    if shape.startswith("psql-port-"):
        port = f'"5432 -h {PARTNER_DB}"' if abroad else "5432"
        return f"P={port}\npsql -h 10.0.2.15 -p $P -d app -c 'select 1'\n"
    if shape.startswith("mysql-opts-"):
        opts = f"--port=3306 --host={PARTNER_DB}" if abroad else "--port=3306 --ssl-mode=REQUIRED"
        return f'MYSQL_OPTS="{opts}"\nmysql -h 10.0.2.16 $MYSQL_OPTS app < /opt/app/schema.sql\n'
    opts = f"-p 6379 -h {PARTNER_CACHE}" if abroad else "-p 6379 -n 2"
    return f'REDIS_OPTS="{opts}"\nredis-cli -h 10.0.2.17 $REDIS_OPTS PING\n'


def _ansi_script(shape: str, home: str, abroad: bool) -> str:
    """A Region written as an ANSI-C word (bash(1) "QUOTING"): one expanding to a control character or a quote abroad
    (no Region name: unknown), an ordinary one at home."""
    if shape.startswith("ansi-control-"):
        word = f"$'{AWS_ABROAD_OF[home]}\\n'" if abroad else f"$'\\x{ord(home[0]):02x}{home[1:]}'"
        return f'R={word}\n{RETENTION} --region "$R"\n'
    word = f"$'{AWS_ABROAD_OF[home]}\\''" if abroad else f"$'{home}'"
    return f"{RETENTION} --region {word}\n"


AWS_ABROAD_OF = {AWS_HOME[code]: AWS_ABROAD[code] for code in AWS_CODES}
"""The Region abroad of each jurisdiction, by its home Region."""


def _user_data(code: str, shape: str) -> str:
    """A boot script whose Region or host reaches its command through the shape's shell reading."""
    home = AWS_HOME[code]
    abroad = shape.endswith("-abroad")
    head = "#!/bin/bash\nset -euo pipefail\n"
    if shape.startswith(HOST_SHAPES):
        return head + _host_script(shape, abroad)
    if shape.startswith(ANSI_SHAPES):
        return head + _ansi_script(shape, home, abroad)
    region = AWS_ABROAD[code] if abroad else home
    skipped = home if abroad else AWS_ABROAD[code]
    return head + _region_script(shape, home, AWS_SECOND[code], region, skipped)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            lines = _user_data(code, shape.removeprefix("ssm-")).splitlines()[2:]
            step = {"action": "aws:runShellScript", "name": "migrate", "inputs": {"runCommand": lines}}
            document = {"schemaVersion": "2.2", "description": "Fleet migration", "mainSteps": [step]}
            return aws.ssm.Document("fleet-migrate", name="fleet-migrate", document_type="Command",
                                    document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape.startswith(LAUNCH_TEMPLATES):
            # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
            data = base64.b64encode(_user_data(code, shape).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """An aliyun CLI call given its region by a slice of a mapfile'd array, or a MySQL migration given its options by
    an unquoted variable."""
    abroad = shape.endswith("abroad")
    if shape.startswith("ali-mapfile-slice-"):
        region, skipped = (ALI_ABROAD[code], ALI_HOME[code]) if abroad else (ALI_HOME[code], ALI_ABROAD[code])
        return (
            f"#!/bin/bash\nprintf '%s\\n' {skipped} {region} > /etc/fleet/regions\n"
            "mapfile -t RS < /etc/fleet/regions\n"
            'aliyun ecs DescribeInstances --PageSize 50 --RegionId "${RS[@]:1:1}"\n'
        )
    opts = f"--port=3306 --host={PARTNER_DB}" if abroad else "--port=3306 --default-character-set=utf8mb4"
    return f'#!/bin/bash\nMYSQL_OPTS="{opts}"\nmysql -h 192.168.10.20 $MYSQL_OPTS app < /opt/app/schema.sql\n'


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts60b-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts60b-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
