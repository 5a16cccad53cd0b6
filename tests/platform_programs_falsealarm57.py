"""False alarms, round 21 (stop 57, issue 9: falsealarm57).

The false alarms stop 56 left open, closed with offending twins that stay refused, and everyday compliant programs
over what stop 56 changed, written from the tools' manuals (bash(1) "Shell Functions", hostname(1), ip-address(8),
cut(1), the EC2 and ECS instance metadata pages, jq 1.7's ``--arg`` / ``$ARGS``, bash's ``declare -A``, ``mapfile``,
``printf -v``, ``${!#}``) and the pulumi-aws v7 / pulumi-alicloud instance pages, as a platform team would (its own
account, Region, VPC, private zone ``fleet.internal``, private addresses, metadata), in EU / DE / US / JP / CN (aws-cn
cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1):

- a function's ``while read`` loop fed by its caller's pipe (``printf '%s\\n' 10.20.1.7 10.20.1.8 | push_all`` where
  ``push_all() { while read -r ip; do ssh ...; done; }``): on main 44bcf26a RES-015 (``$(< /dev/stdin)``, the loop's
  input unread); now each call's pipe is read, so a partner's host piped in is refused by name and a call with no
  readable input (``push_all < FILE`` of a file the script does not write) stays unknown (RES-015);
- the machine's own values through text tools: ``$(hostname -i | cut -d' ' -f1)``, ``$(hostname -I | awk '{print
  $1}')``, IMDS ``local-ipv4`` (with a token), Alibaba's ``100.100.100.200`` ``private-ipv4`` passed and pass; ``$(ip
  -4 addr show eth0 | awk '/inet / {print $2}' | cut -d/ -f1)`` was RES-015 (a false alarm: ``ip addr`` was not read
  as the machine's own) and passes; ``$(hostname -i | cut -c2-)``, ``| tr 1 5``, ``| sed 's/^1//'`` and ``$(hostname
  -f | sed 's/.internal$//')`` passed as the machine's own (character edits: 172.16.0.5 minus its first character is a
  public address; the name without its last label is no name of the machine) and are RES-015 now.

Ids: ``falsealarm57-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    ALI_METADATA,
    AWS_HOME,
    DEPLOYER,
    IMDS,
    OWN_ACCOUNT,
    PARTNER_DB,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    partition,
)
from platform_parts import dns_suffix as _suffix

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"
VPC_ID = "vpc-0a1b2c3d4e5f60718"
ABROAD = {"EU": "us-west-2", "DE": "us-west-2", "US": "eu-west-1", "JP": "us-west-2", "CN": "us-west-2"}
"""A Region outside each jurisdiction (in the stack's own partition where one exists)."""


def _fill(body: str, values: dict[str, str]) -> str:
    """``body`` with each ``@KEY@`` replaced (no ``str.format``: the programs are full of shell braces)."""
    for key, value in values.items():
        body = body.replace(f"@{key}@", value)
    return body


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` with the stack's Region (``@R@``), its DNS suffix (``@S@``), the
    lower-case code (``@c@``), the partition (``@p@``), the account (``@A@``), the metadata's base URL (``@M@``), a
    Region abroad (``@X@``) and a partner's host (``@P@``); the stack's bucket ``fleet-logs-<c>``, its queue
    ``fleet-jobs`` and the VPC's private zone ``fleet.internal`` (``db`` -> 10.20.1.30, ``cache`` -> 10.20.1.40)
    beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            values = {"R": AWS_HOME[code], "S": _suffix(code), "c": code.lower(), "A": OWN_ACCOUNT, "M": IMDS,
                      "P": PARTNER_DB, "p": partition(code), "X": ABROAD[code]}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            aws.sqs.Queue("jobs", name="fleet-jobs", opts=c.aws)
            # docs: route53/zone (vpcs: a private hosted zone), route53/record
            zone = aws.route53.Zone("internal", name="fleet.internal", vpcs=[{"vpc_id": VPC_ID}], opts=c.aws)
            aws.route53.Record("db", zone_id=zone.zone_id, name="db.fleet.internal", type="A", ttl=60,
                               records=["10.20.1.30"], opts=c.aws)  # fmt: skip
            aws.route53.Record("cache", zone_id=zone.zone_id, name="cache.fleet.internal", type="A", ttl=60,
                               records=["10.20.1.40"], opts=c.aws)  # fmt: skip
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + _fill(body, values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(body: str) -> Callable[[str], Build]:
    """An ECS instance (the team's deployment role: its account is the stack's own) whose user data is ``body`` with
    the region (``@R@``), the lower-case code (``@c@``), the metadata's base URL (``@M@``) and a partner's host
    (``@P@``); the stack's bucket ``fleet-logs-<c>`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            alicloud.oss.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.ali)
            values = {"R": ALI_HOME[code], "c": code.lower(), "M": ALI_METADATA, "P": PARTNER_DB}
            return ali_boot(c, "#!/bin/bash\nset -e\n" + _fill(body, values))

        return build

    return make


# bash(1) "Shell Functions": "Functions are executed in the context of the calling shell"; a function called as a
# pipeline's last command reads the pipe. A team's helper reloads its web tier and registers this machine's addresses.
FUNCTION_LOOP = r"""push_all() { while read -r ip; do ssh -o StrictHostKeyChecking=no ec2-user@"$ip" 'sudo systemctl reload nginx'; done; }
register() {
  while read -r addr; do
    curl -fsS -X PUT "http://10.20.1.5:8500/v1/agent/service/register" -d "{\"Name\": \"web\", \"Address\": \"$addr\"}"
    redis-cli -h "$addr" -p 6379 ping
  done
}
printf '%s\n' 10.20.1.7 10.20.1.8 | push_all
printf '%s\n' db.fleet.internal \
  | push_all
hostname -I | tr ' ' '\n' | register
"""  # noqa: E501
# A partner's host piped into the same function, alone or beside the VPC's addresses: refused by name (RES-015; on
# main the loop's input was unknown, RES-015 for `$(< /dev/stdin)`).
FUNCTION_LOOP_PARTNER = FUNCTION_LOOP + "printf '%s\\n' @P@ | push_all\n"
# A call whose input is a file the script does not write: unknown (RES-015), as a loop reading it directly.
FUNCTION_LOOP_FILE = FUNCTION_LOOP + "push_all < /etc/fleet/peers\n"
# stop 56's decision (falsealarm56 `describe-private`), written through the function: the listing's
# PrivateIpAddress is not proven an address of this VPC, RES-015 as the inline loop is.
FUNCTION_LOOP_DESCRIBE = FUNCTION_LOOP + (
    "aws ec2 describe-instances --region @R@ --filters Name=tag:Role,Values=web \\\n"
    "  --query 'Reservations[].Instances[].PrivateIpAddress' --output text | tr '\\t' '\\n' | push_all\n"
)

# hostname(1) -i / -I, the EC2 instance metadata (IMDSv2: a token, then `local-ipv4`), ip-address(8) `ip -4 addr show
# eth0` / `ip -o -4 addr show dev ens5` / `ip -br`, cut(1) by fields: the machine's own address at a bind, a health
# check, a cluster's own announcement.
OWN_VALUES = r"""IP1=$(hostname -i | cut -d' ' -f1)
IP2=$(hostname -I | awk '{print $1}')
TOKEN=$(curl -sX PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
IP3=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/local-ipv4)
IP4=$(ip -4 addr show eth0 | awk '/inet / {print $2}' | cut -d/ -f1)
IP5=$(ip -o -4 addr show dev ens5 | awk '{print $4}' | cut -d/ -f1)
IP6=$(ip -br -4 addr show eth0 | awk '{print $3}' | cut -d/ -f1 | head -n 1)
SHORT=$(hostname | cut -d. -f1)
redis-cli -h "$IP1" -p 6379 ping
curl -fsS "http://$IP2:8080/healthz"
curl -fsS "http://$IP3:9100/metrics" -o /dev/null
psql -h "$IP4" -U fleet -c 'select 1'
nc -z -w 3 "$IP5" 5432
curl -fsS "http://${IP6}:8500/v1/agent/self"
logger -t fleet "booted as $SHORT"
"""
# Character edits of the machine's own address or name are not its own (RES-015 now; passed on main).
OWN_VALUES_CUT_CHARS = OWN_VALUES + 'EDGE=$(hostname -i | cut -c2-)\ncurl -fsS "http://$EDGE:8080/healthz"\n'
OWN_VALUES_TR = OWN_VALUES + "EDGE=$(hostname -I | awk '{print $1}' | tr 1 5)\nredis-cli -h \"$EDGE\" ping\n"
OWN_VALUES_NAME_TRIM = OWN_VALUES + "EDGE=$(hostname -f | sed 's/.internal$//')\npsql -h \"$EDGE\" -U fleet\n"
# A tunnel's address (its `peer` is the far end): not the machine's own network interface (RES-015).
OWN_VALUES_TUNNEL = OWN_VALUES + (
    "EDGE=$(ip -4 addr show tun0 | awk '/inet / {print $2}' | cut -d/ -f1)\ncurl -fsS \"http://$EDGE:8080/\"\n"
)

# Everyday programs over stop 56's readings: associative arrays, mapfile loops, printf -v with %d, ${!#}, read -t,
# jq -n --arg and $ARGS.named (a settings document built from arguments: RES-011 on main, `jq -n` not computed), at
# home; the same with the Region argument abroad is RES-009.
EVERYDAY = r"""declare -A HOSTS=([db]=db.fleet.internal [cache]=cache.fleet.internal)
declare -A PORTS=([db]=5432 [cache]=6379)
for svc in "${!HOSTS[@]}"; do
  nc -z -w 3 "${HOSTS[$svc]}" "${PORTS[$svc]}" || logger -t fleet "$svc down"
done
mapfile -t PEERS < <(printf '%s\n' 10.20.1.7 10.20.1.8)
for p in "${PEERS[@]}"; do curl -fsS "http://$p:8080/healthz"; done
printf -v SHARD 'shard-%02d' 7
aws s3 cp /var/log/cloud-init.log "s3://fleet-logs-@c@/boot/$SHARD/" --region @R@
probe() { pg_isready -q -p 5432 -h "${!#}"; }
probe --quiet db.fleet.internal
read -r -t 5 GREETING < /etc/motd || true
aws sqs send-message --queue-url "https://sqs.@R@.@S@/@A@/fleet-jobs" --message-body "$GREETING" --region @R@
SETTINGS=$(jq -cn --arg region @R@ --arg bucket fleet-logs-@c@ '$ARGS.named')
aws s3 cp /etc/fleet/app.conf "s3://$(echo "$SETTINGS" | jq -r .bucket)/cfg/" --region "$(echo "$SETTINGS" | jq -r .region)"
"""  # noqa: E501
EVERYDAY_ABROAD = EVERYDAY.replace("--arg region @R@ --arg bucket", "--arg region @X@ --arg bucket")
# A settings document in a variable (single-quoted JSON) read back with jq at `--region`: at home it passes; abroad it
# passed every door on main 44bcf26a (the value filled into `$(echo "$S" | jq -r .region)` bare, its quotes lost, jq
# read no JSON and gave nothing) and is RES-009 now.
JSON_VARIABLE = """S='{"region": "@R@", "bucket": "fleet-logs-@c@"}'
aws s3 cp /var/log/cloud-init.log "s3://fleet-logs-@c@/boot/" --region "$(echo "$S" | jq -r .region)"
"""
JSON_VARIABLE_ABROAD = JSON_VARIABLE.replace('"region": "@R@"', '"region": "@X@"')

# Compose (stop 56's `command:` and `docker compose run` readings) with the services' own names at home.
COMPOSE = r"""mkdir -p /opt/fleet
cat > /opt/fleet/compose.yaml <<'EOF'
services:
  db:
    image: postgres:16
  migrate:
    image: postgres:16
    command: ["psql", "-h", "db", "-U", "fleet", "-f", "/sql/schema.sql"]
    depends_on: [db]
  sync:
    image: public.ecr.aws/aws-cli/aws-cli:2.17.0
    command: s3 sync /data s3://fleet-logs-@c@/exports/ --region @R@
EOF
docker compose -f /opt/fleet/compose.yaml up -d db
docker compose -f /opt/fleet/compose.yaml run --rm migrate psql -h db -U fleet -c 'select 1'
docker compose -f /opt/fleet/compose.yaml run --rm sync
"""

# Alibaba Cloud ECS: the instance metadata's private address, hostname -I and ip addr at a bind and a health check.
ALI_OWN_VALUES = r"""IP1=$(curl -s @M@/meta-data/private-ipv4)
IP2=$(hostname -I | awk '{print $1}')
IP3=$(ip -4 addr show eth0 | awk '/inet / {print $2}' | cut -d/ -f1)
redis-cli -h "$IP1" -p 6379 ping
curl -fsS "http://$IP2:8080/healthz"
nc -z -w 3 "$IP3" 22
aliyun oss cp /var/log/cloud-init.log oss://fleet-logs-@c@/boot/ --region @R@
"""
ALI_OWN_VALUES_CUT_CHARS = ALI_OWN_VALUES + 'EDGE=$(curl -s @M@/meta-data/private-ipv4 | cut -c3-)\nnc -z "$EDGE" 22\n'
ALI_FUNCTION_LOOP = r"""check_all() {
  while read -r h; do nc -z -w 3 "$h" 22 || logger -t fleet "$h down"; done
}
printf '%s\n' 172.16.1.7 172.16.1.8 | check_all
"""
ALI_FUNCTION_LOOP_PARTNER = ALI_FUNCTION_LOOP + "printf '%s\\n' @P@ | check_all\n"

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "function-loop": (FUNCTION_LOOP, set()),
    "function-loop-partner": (FUNCTION_LOOP_PARTNER, {"RES-015"}),
    "function-loop-file": (FUNCTION_LOOP_FILE, {"RES-015"}),
    "function-loop-describe": (FUNCTION_LOOP_DESCRIBE, {"RES-015"}),
    "own-values": (OWN_VALUES, set()),
    "own-values-cut-chars": (OWN_VALUES_CUT_CHARS, {"RES-015"}),
    "own-values-tr": (OWN_VALUES_TR, {"RES-015"}),
    "own-values-name-trim": (OWN_VALUES_NAME_TRIM, {"RES-015"}),
    "own-values-tunnel": (OWN_VALUES_TUNNEL, {"RES-015"}),
    "everyday": (EVERYDAY, set()),
    "everyday-abroad": (EVERYDAY_ABROAD, {"RES-009"}),
    "compose": (COMPOSE, set()),
    "json-variable": (JSON_VARIABLE, set()),
    "json-variable-abroad": (JSON_VARIABLE_ABROAD, {"RES-009"}),
}
ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "ali-own-values": (ALI_OWN_VALUES, set()),
    "ali-own-values-cut-chars": (ALI_OWN_VALUES_CUT_CHARS, {"RES-015"}),
    "ali-function-loop": (ALI_FUNCTION_LOOP, set()),
    "ali-function-loop-partner": (ALI_FUNCTION_LOOP_PARTNER, {"RES-015"}),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm57-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm57-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
