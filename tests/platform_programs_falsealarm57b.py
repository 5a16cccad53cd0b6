"""False alarms, round 22 (stop 57, issue 9: falsealarm57b).

The false alarms stop 57's first wave left open (docs/residency-open.md; *False alarms, round 21 (stop 57)* and
*False alarms, round 20 (stop 56)*), each closed with offending twins that stay refused, then everyday compliant
programs over what stop 57's first wave changed, written from the tools' manuals (jq 1.7 "String interpolation",
bash(1) "Shell Functions" / "Command Substitution" / "Positional Parameters", the Compose Specification's
services.networks ``aliases``) and the pulumi-aws v7 / pulumi-alicloud instance pages, as a platform team would (its
own account, Region, queue, bucket, private zone ``fleet.internal``), in EU / DE / US / JP / CN (aws-cn cn-north-1;
Alibaba cn-shanghai, ap-northeast-1, eu-central-1). Reproduced on the unchanged engine (main 8bba384b), through every
front door:

- jq's string interpolation building the stack's own queue URL (``Q=$(jq -rn --arg r "$R" --arg a "$A"
  '"https://sqs.\\($r).<suffix>/\\($a)/fleet-jobs"')``, R the home Region): RES-015 (the whole-script scan read the
  template ``sqs.\\($r).amazonaws.com`` as a host; a false alarm). Now the substitution the one evaluator computes is
  judged as the URL it prints: at home it passes; with R abroad it is refused for the endpoint (RES-006, it passed
  the scan only as a template before); with an argument read at run time (``--arg r "$(cat /etc/fleet/r)"``) the
  template is kept and refused as before (RES-015);
- a function's output (``last_arg() { echo "${!#}"; }``, ``R=$(last_arg fleet "$HOME_REGION")``): RES-011 (unknown);
  now the call's words are given to the echo: at home it passes, abroad RES-009, a call given a word read at run time
  stays unknown (RES-011); found this round: a helper building a URL from ``$1`` called as ``Q=$(endpoint <home>)``
  was RES-015 (``sqs``, ``1.amazonaws.com``: a call inside ``$(...)`` gave the body's positions nothing): passes now,
  abroad RES-006 (``function-url``);
- a Compose network's dotted alias on a network only some services join (``db`` on ``back`` with ``aliases:
  [pg.fleet-app.internal]``, ``migrate`` and ``app`` on ``back`` naming it, ``web`` on ``front`` naming nothing):
  RES-015 (the whole document judged as one); now each service's own values and command are judged with the aliases
  of the networks it joins (the YAML walk, the service's ``command:``, the scan's URLs inside its block): passes; a
  service on ``front`` naming the alias in a URL or at a host key, and the machine's own command outside the file,
  stay RES-015 (``-other``, ``-other-key``, ``-on-host``; falsealarm56b's ``compose-dotted-alias-other-network``).

Everyday programs over stop 57's first wave (``read <<EOF``, positional slices, ``printf %q`` / ``--``, jq
here-strings, ``read -d '' < FILE``, ``mapfile -d``, ``${M[$k]}``, a several-line ``$(cat <<EOF)``, ``printf %d``,
standalone ``ossutil --region``, ``ctr c create``, ``printf -v ... --``, ``${@:2}``) at home pass (``everyday``,
``everyday-containers``, ``ali-everyday``; on main all but ``ali-everyday`` passed already: pinned).

Ids: ``falsealarm57b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
    SUBNETS,
    Build,
    Row,
    ali_boot,
)
from platform_parts import dns_suffix as _suffix

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"
ABROAD = {"EU": "us-west-2", "DE": "us-west-2", "US": "eu-west-1", "JP": "us-west-2", "CN": "us-west-2"}
"""A Region outside each jurisdiction."""
ALI_ABROAD = {"CN": "us-west-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market."""


def _fill(body: str, values: dict[str, str]) -> str:
    """``body`` with each ``@KEY@`` replaced (no ``str.format``: the programs are full of shell braces)."""
    for key, value in values.items():
        body = body.replace(f"@{key}@", value)
    return body


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` with the stack's Region (``@R@``), its DNS suffix (``@S@``), the
    lower-case code (``@c@``), the account (``@A@``) and a Region abroad (``@X@``); the stack's bucket
    ``fleet-logs-<c>`` and queue ``fleet-jobs`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            values = {"R": AWS_HOME[code], "S": _suffix(code), "c": code.lower(), "A": OWN_ACCOUNT, "X": ABROAD[code]}
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            aws.sqs.Queue("jobs", name="fleet-jobs", opts=c.aws)
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + _fill(body, values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(body: str) -> Callable[[str], Build]:
    """An ECS instance (the team's deployment role) whose user data is ``body`` with the region (``@R@``), the
    lower-case code (``@c@``) and a region abroad (``@X@``); the stack's bucket ``fleet-logs-<c>`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            alicloud.oss.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.ali)
            values = {"R": ALI_HOME[code], "c": code.lower(), "X": ALI_ABROAD[code]}
            return ali_boot(c, "#!/bin/bash\nset -e\n" + _fill(body, values))

        return build

    return make


# jq 1.7 manual, "String interpolation: \(exp)": "Inside a string, you can put an expression inside parens after a
# backslash. Whatever the expression returns will be interpolated into the string." A team builds its own queue's URL
# from the Region and account (the SQS queue URL form `https://sqs.<region>.<suffix>/<account>/<name>`).
JQ_URL = r"""R=@R@
A=@A@
Q=$(jq -rn --arg r "$R" --arg a "$A" '"https://sqs.\($r).@S@/\($a)/fleet-jobs"')
aws sqs send-message --queue-url "$Q" --message-body booted --region "$R"
"""
# The same with the Region abroad: the computed URL is another Region's endpoint (RES-006).
JQ_URL_ABROAD = JQ_URL.replace("R=@R@", "R=@X@").replace('--region "$R"', "--region @R@")
# An argument read at run time: the program's output is not computed; its template stays judged (RES-015).
JQ_URL_UNKNOWN = JQ_URL.replace('--arg r "$R"', '--arg r "$(cat /etc/fleet/region)"')

# bash(1) "Shell Functions": "the positional parameters are set to the arguments of the function call"; "Command
# Substitution": the command's standard output replaces it. `${!#}`: the last argument.
FUNCTION_OUTPUT = r"""HOME_REGION=@R@
last_arg() { echo "${!#}"; }
second() {
  echo "$2"
}
R=$(last_arg fleet "$HOME_REGION")
B=$(second logs "fleet-logs-@c@")
aws s3 cp /var/log/cloud-init.log "s3://$B/boot/" --region "$R"
aws sqs get-queue-url --queue-name fleet-jobs --region "$(second x @R@)"
"""
# The same helper given a Region abroad: RES-009.
FUNCTION_OUTPUT_ABROAD = FUNCTION_OUTPUT.replace("HOME_REGION=@R@", "HOME_REGION=@X@")
# A call given a word read at run time: unknown (RES-011).
FUNCTION_OUTPUT_UNKNOWN = FUNCTION_OUTPUT.replace(
    'R=$(last_arg fleet "$HOME_REGION")', 'R=$(last_arg fleet "$(cat /etc/fleet/region)")'
)

# A helper building the queue's URL from its first argument, called in a command substitution: on main its `$1` held
# nothing there (the call was no call at a command's place) and the URL was read as the hosts `sqs` and
# `1.amazonaws.com` (RES-015, a false alarm found this round); now the call gives `$1` its word and the helper's output
# is computed. Abroad: the endpoint is another Region's (RES-006).
FUNCTION_URL = r"""endpoint() { printf '%s\n' "https://sqs.$1.@S@/@A@/fleet-jobs"; }
Q=$(endpoint @R@)
aws sqs send-message --queue-url "$Q" --message-body booted --region @R@
"""
FUNCTION_URL_ABROAD = FUNCTION_URL.replace("Q=$(endpoint @R@)", "Q=$(endpoint @X@)")

# Compose Specification, services.networks: "aliases declares alternative hostnames for the service on the network.
# Other containers on the same network can use either the service name or this alias to connect to one of the
# service's containers". `web` is on `front` only and names nothing of `back`.
COMPOSE_PARTIAL_NETWORK = r"""mkdir -p /opt/fleet
cat > /opt/fleet/compose.yaml <<'EOF'
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/pg
    networks:
      back:
        aliases:
          - pg.fleet-app.internal
  migrate:
    image: postgres:16
    command: psql -h pg.fleet-app.internal -U fleet -c "select 1"
    networks:
      - back
  app:
    image: fleet/app:1.4
    environment:
      PGHOST: pg.fleet-app.internal
      DATABASE_URL: postgres://fleet@pg.fleet-app.internal:5432/fleet
    networks:
      - back
      - front
  web:
    image: nginx:1.27
    networks:
      - front
networks:
  back: {}
  front: {}
EOF
docker compose -f /opt/fleet/compose.yaml up -d
"""
# The front-only service naming the alias: Docker's DNS does not answer it there (RES-015).
COMPOSE_PARTIAL_NETWORK_OTHER = COMPOSE_PARTIAL_NETWORK.replace(
    "    image: nginx:1.27\n",
    "    image: nginx:1.27\n    environment:\n      STATUS_URL: http://pg.fleet-app.internal:9187/metrics\n",
)
# The same by a host key (a bare host): RES-015 too.
COMPOSE_PARTIAL_NETWORK_OTHER_KEY = COMPOSE_PARTIAL_NETWORK.replace(
    "    image: nginx:1.27\n", "    image: nginx:1.27\n    environment:\n      PGHOST: pg.fleet-app.internal\n"
)
# The alias on the machine itself, outside the file: no name there (RES-015).
COMPOSE_PARTIAL_NETWORK_ON_HOST = COMPOSE_PARTIAL_NETWORK + "pg_isready -h pg.fleet-app.internal -p 5432\n"

# Everyday shapes over stop 57's first wave, at home.
EVERYDAY = r"""mkdir -p /etc/fleet
cat > /etc/fleet/region <<EOF
@R@
EOF
read -r -d '' HOME_R < /etc/fleet/region || true
read -r DR <<EOF
@R@
EOF
mapfile -d , -t QS < <(printf %s "fleet-jobs,fleet-dead")
declare -A BUCKETS=([logs]=fleet-logs-@c@ [boot]=fleet-logs-@c@)
k=logs
printf -v SHARD 'shard-%02d' 010
printf -v QR '%q' @R@
aws s3 cp /var/log/cloud-init.log "s3://${BUCKETS[$k]}/boot/$SHARD/" --region "$HOME_R"
copy() { aws s3 cp /var/log/messages "s3://fleet-logs-@c@/boot/" --region "${@:2:1}"; }
copy nightly @R@
PLAN=$(jq -r '.dr.region' <<< '{"dr": {"region": "@R@"}}')
R2=$(cat <<EOF
@R@
EOF
)
aws sqs get-queue-url --queue-name "${QS[0]}" --region "$R2"
aws sqs get-queue-url --queue-name fleet-jobs --region "$DR"
aws sqs get-queue-url --queue-name fleet-jobs --region "$PLAN"
aws sqs get-queue-url --queue-name fleet-jobs --region "$QR"
"""

# More of stop 57's first wave at home: `ctr c create` of the VPC's own replica (mutation57's ctr reading), `printf -v
# ... --` and a positional slice `${@:2}`.
EVERYDAY_CONTAINERS = r"""ctr -n fleet images pull docker.io/library/redis:7
ctr -n fleet c create --net-host docker.io/library/redis:7 cache redis-server --replicaof 10.20.1.40 6379
ctr -n fleet task start -d cache
printf -v DR -- '%s' @R@
copy() { aws s3 cp /var/log/messages "s3://fleet-logs-@c@/boot/" --region "${@:2}"; }
copy nightly "$DR"
"""

# Alibaba Cloud ECS: standalone ossutil's own --region (mutation57), a helper's output, read <<EOF.
ALI_EVERYDAY = r"""last() { echo "${!#}"; }
R=$(last fleet "@R@")
read -r OR <<EOF
@R@
EOF
ossutil cp /var/log/cloud-init.log oss://fleet-logs-@c@/boot/ --region "$R"
aliyun oss ls oss://fleet-logs-@c@ --region "$OR"
"""
ALI_EVERYDAY_ABROAD = ALI_EVERYDAY.replace('R=$(last fleet "@R@")', 'R=$(last fleet "@X@")')

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "jq-url": (JQ_URL, set()),
    "jq-url-abroad": (JQ_URL_ABROAD, {"RES-006"}),
    "jq-url-unknown": (JQ_URL_UNKNOWN, {"RES-015"}),
    "function-output": (FUNCTION_OUTPUT, set()),
    "function-output-abroad": (FUNCTION_OUTPUT_ABROAD, {"RES-009"}),
    "function-output-unknown": (FUNCTION_OUTPUT_UNKNOWN, {"RES-011"}),
    "function-url": (FUNCTION_URL, set()),
    "function-url-abroad": (FUNCTION_URL_ABROAD, {"RES-006"}),
    "compose-partial-network": (COMPOSE_PARTIAL_NETWORK, set()),
    "compose-partial-network-other": (COMPOSE_PARTIAL_NETWORK_OTHER, {"RES-015"}),
    "compose-partial-network-other-key": (COMPOSE_PARTIAL_NETWORK_OTHER_KEY, {"RES-015"}),
    "compose-partial-network-on-host": (COMPOSE_PARTIAL_NETWORK_ON_HOST, {"RES-015"}),
    "everyday": (EVERYDAY, set()),
    "everyday-containers": (EVERYDAY_CONTAINERS, set()),
}
ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "ali-everyday": (ALI_EVERYDAY, set()),
    "ali-everyday-abroad": (ALI_EVERYDAY_ABROAD, {"RES-009"}),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm57b-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm57b-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
