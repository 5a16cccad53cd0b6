"""False alarms, round 23 (stop 58, issue 9: falsealarm58).

The false alarms stop 57 left open, closed with offending twins that stay refused, and everyday compliant programs
over what stop 57 changed, written from the tools' manuals (bash(1) "Shell Functions", "Redirections", "Here
Documents", "Here Strings", "Arrays", "Parameter Expansion"; hostname(1) ``-s``; cut(1); jq 1.6 / 1.7 "Variable /
Symbolic Binding Operator: ... as $identifier | ..."; the EC2 and ECS instance metadata pages) as a platform team
would (its own account, Region, VPC, private zone ``fleet.internal``, private addresses, metadata), in EU / DE / US /
JP / CN (aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1).

Reproduced on the unchanged engine (main 38135ba4), every door:

- **a variable of more than 32 values** (``many-hosts``, ``many-hosts-url``): a function run for each of 40
  in-country hosts (``H=10.20.N.5`` then ``push``, the function reading ``$H``) was RES-015 for the 33rd value
  (``$(more values than the reader keeps)``, the reader's cap); each of the 40 passes now and a partner's 41st
  (``-partner``) is refused by name;
- **a function's loop with a call not piped** (``function-loop-redirected``): ``push_all <<EOF``, ``push_all <<<
  WORD``, ``push_all < FILE`` of a file the script writes and ``push_all < <(CMD)`` left the loop unknown (RES-015,
  ``$(< /dev/stdin)``); each call's redirection is read now (the partner in a here-document, ``-partner``, RES-015 by
  name; a file the script does not write, ``-unwritten``, RES-015 as that file's content);
- **a quoted word opening with a parenthesis** (``jq-parenthesised``): ``jq -r '(.regions | length) as $n |
  .regions[$n - 1]'`` was cut at its ``)`` by the word splitter (RES-011 for the home Region); read whole now, the
  same abroad (``-abroad``) is RES-009. (The mutation57b note's ``[paths(...)] | length as $n | getpath(["dr",
  "region"])`` is no false alarm: jq 1.6 itself errs, "Cannot index array with string", so the value is unknown.)

Leaks closed with compliant twins: ``while read ...; done <<< "$PEERS"`` (and a function's ``push <<< "$PEERS"``)
read the here-string as the text ``$PEERS`` (bash(1) "Here Strings": the word undergoes variable expansion), so a
partner's host there passed every door (``here-string-partner``, RES-015 now; ``here-string`` passes); and
``hostname -i | cut -d. -f2-`` (172.16.0.5 -> 16.0.5, to inet_aton(3) 16.0.0.5, a public address) passed as the
machine's own (``own-address-dot``, RES-015 now); the own name's first
label (``hostname | cut -d. -f1``, the metadata's ``local-hostname | cut -d. -f1``, ``awk -F. '{print $1}'``:
hostname(1) ``-s``) passes before and after (``short-name``).

Everyday programs over stop 57's readings (``everyday``: ``"$@"`` and ``"${@:2}"`` wrappers, ``read R <<EOF``,
``printf -v '%q'``, ``${10}``, ``${M[$k]}``, ``IFS=, read -a``, ``mapfile -u`` / ``-d ''``, jq paths / --slurpfile /
comments, the metadata's own name; ``vector``: Vector's namespaced sinks and a comma list of config files naming the
VPC's collector, the stack's bucket and the private zone's name) pass before and after; the same with the
here-document's Region abroad (``everyday-abroad``) is RES-009, a partner's collector (``vector-partner``) RES-015.

Ids: ``falsealarm58-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
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
ALI_ABROAD = {"CN": "us-west-1", "JP": "us-west-1", "DE": "us-west-1"}
SECOND = {"EU": "eu-central-1", "DE": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second Region of each jurisdiction (the team's DR Region; Germany has one commercial Region: the home one)."""


def _fill(body: str, values: dict[str, str]) -> str:
    """``body`` with each ``@KEY@`` replaced (no ``str.format``: the programs are full of shell braces)."""
    for key, value in values.items():
        body = body.replace(f"@{key}@", value)
    return body


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` with the stack's Region (``@R@``), a second Region of the
    jurisdiction (``@R2@``), its DNS suffix (``@S@``), the lower-case code (``@c@``), the partition (``@p@``), the
    account (``@A@``), the metadata's base URL (``@M@``), a Region abroad (``@X@``) and a partner's host (``@P@``);
    the stack's bucket ``fleet-logs-<c>``, its queue ``fleet-jobs`` and the VPC's private zone ``fleet.internal``
    (``db`` -> 10.20.1.30) beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            values = {"R": AWS_HOME[code], "R2": SECOND[code], "S": _suffix(code), "c": code.lower(), "A": OWN_ACCOUNT,
                      "M": IMDS, "P": PARTNER_DB, "p": partition(code), "X": ABROAD[code]}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            aws.sqs.Queue("jobs", name="fleet-jobs", opts=c.aws)
            # docs: route53/zone (vpcs: a private hosted zone), route53/record
            zone = aws.route53.Zone("internal", name="fleet.internal", vpcs=[{"vpc_id": VPC_ID}], opts=c.aws)
            aws.route53.Record("db", zone_id=zone.zone_id, name="db.fleet.internal", type="A", ttl=60,
                               records=["10.20.1.30"], opts=c.aws)  # fmt: skip
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + _fill(body, values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(body: str) -> Callable[[str], Build]:
    """An ECS instance (the team's deployment role: its account is the stack's own) whose user data is ``body`` with
    the region (``@R@``), the lower-case code (``@c@``), the metadata's base URL (``@M@``), a region abroad (``@X@``)
    and a partner's host (``@P@``); the stack's bucket ``fleet-logs-<c>`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            alicloud.oss.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.ali)
            values = {"R": ALI_HOME[code], "c": code.lower(), "M": ALI_METADATA, "P": PARTNER_DB,
                      "X": ALI_ABROAD[code]}  # fmt: skip
            return ali_boot(c, "#!/bin/bash\nset -e\n" + _fill(body, values))

        return build

    return make


def many_hosts(prefix: str, command: str, count: int = 40) -> str:
    """A helper run once for each of ``count`` hosts of the VPC (``H=<prefix>.N.5`` then ``push``): bash(1) "Shell
    Functions", the function reads the caller's ``H`` when called."""
    calls = "".join(f"H={prefix}.{n}.5\npush\n" for n in range(count))
    return f"push() {{\n  {command}\n}}\n{calls}"


# A team's rolling restart of its 40 web hosts (each a private address of the VPC), one psql and one health check each.
MANY_HOSTS = many_hosts("10.20", 'psql -h "$H" -U fleet -c \'select 1\'\n  nc -z -w 3 "$H" 5432')
MANY_HOSTS_URL = many_hosts("10.20", 'URL="http://$H:8080/healthz"\n  curl -fsS "$URL" -o /dev/null')
# The same with a partner's database as the 41st: refused by name (RES-015; passed on neither: it was unknown).
MANY_HOSTS_PARTNER = MANY_HOSTS + "H=@P@\npush\n"
MANY_HOSTS_URL_PARTNER = MANY_HOSTS_URL + "H=@P@\npush\n"

# bash(1) "Redirections": a function called with a here-document, a here-string, a file the script writes, a process
# substitution: its `while read` loop reads that input (the call's standard input).
FUNCTION_LOOP_REDIRECTED = r"""push_all() { while read -r ip; do ssh -o StrictHostKeyChecking=no ec2-user@"$ip" 'sudo systemctl reload nginx'; done; }
push_all <<EOF
10.20.1.7
10.20.1.8
EOF
push_all <<< "10.20.1.9"
printf '%s\n' 10.20.1.10 10.20.1.11 > /etc/fleet/peers
push_all < /etc/fleet/peers
push_all < <(printf '%s\n' db.fleet.internal)
"""  # noqa: E501
FUNCTION_LOOP_REDIRECTED_PARTNER = FUNCTION_LOOP_REDIRECTED.replace("10.20.1.8\nEOF", "@P@\nEOF")
FUNCTION_LOOP_REDIRECTED_UNWRITTEN = FUNCTION_LOOP_REDIRECTED + "push_all < /etc/partner/peers\n"

# bash(1) "Here Strings": the word undergoes variable expansion; a loop (its own, or a function's) over a variable's
# lines. The partner's host in the variable passed every door on main 38135ba4 (the here-string read as the text `$H`).
HERE_STRING = r"""PEERS=10.20.1.7
while read -r ip; do nc -z -w 3 "$ip" 22; done <<< "$PEERS"
push() { while read -r ip; do redis-cli -h "$ip" ping; done; }
push <<< "$PEERS"
"""
HERE_STRING_PARTNER = HERE_STRING.replace("PEERS=10.20.1.7", "PEERS=@P@")

# jq 1.6 manual, "Variable / Symbolic Binding Operator": `... as $identifier | ...`; a plan's last Region.
JQ_PARENTHESISED = r"""PLAN='{"regions": ["@R2@", "@R@"], "bucket": "fleet-logs-@c@"}'
R=$(echo "$PLAN" | jq -r '(.regions | length) as $n | .regions[$n - 1]')
B=$(echo "$PLAN" | jq -r '(.bucket)')
aws s3 cp /var/log/cloud-init.log "s3://$B/boot/" --region "$R"
"""
JQ_PARENTHESISED_ABROAD = JQ_PARENTHESISED.replace('"@R2@", "@R@"', '"@R2@", "@X@"')

# hostname(1): "-s, --short Display the short host name. This is the host name cut at the first dot."; the EC2
# metadata's local-hostname; the own short name at a health check and the agent's announcement.
SHORT_NAME = r"""SHORT=$(hostname | cut -d. -f1)
TOKEN=$(curl -sX PUT "@M@/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")
ME=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/local-hostname | cut -d. -f1)
N=$(hostname -f | awk -F. '{print $1}')
curl -fsS "http://$SHORT:8080/healthz"
redis-cli -h "$ME" -p 6379 ping
curl -fsS -X PUT "http://10.20.1.5:8500/v1/agent/service/register" -d "{\"Name\": \"web\", \"Address\": \"$N\"}"
nc -z -w 3 "$N" 22
"""
# The own address from its second field at a dot: 16.0.5 (inet_aton 16.0.0.5) is no address of the machine.
OWN_ADDRESS_DOT = SHORT_NAME + 'EDGE=$(hostname -i | cut -d. -f2-)\ncurl -fsS "http://$EDGE:8080/healthz"\n'

# Everyday programs over stop 57's readings.
EVERYDAY = r"""awsr() { aws --region @R@ "$@"; }
awsr s3 ls s3://fleet-logs-@c@/
awsr sqs list-queues
awsr ec2 describe-instances --filters Name=tag:Role,Values=web
awsr ssm get-parameter --name /fleet/db/host
awsr logs create-log-group --log-group-name /fleet/boot || true
run_in() { local region="$1"; aws --region "$region" "${@:2}"; }
run_in @R@ s3 ls s3://fleet-logs-@c@/
run_in @R2@ sqs list-queues
read -r DR <<EOF
@R2@
EOF
aws s3 ls s3://fleet-logs-@c@/ --region "$DR"
printf -v Q '%q' "10.20.1.30"
psql -h "$Q" -U fleet -c 'select 1'
set -- a b c d e f g h i 10.20.1.40
redis-cli -h "${10}" ping
declare -A REGION=([primary]=@R@ [dr]=@R2@)
for k in primary dr; do aws sqs list-queues --region "${REGION[$k]}"; done
HOSTS="10.20.1.7,10.20.1.8,10.20.1.9"
IFS=, read -r -a HS <<< "$HOSTS"
for h in "${HS[@]}"; do ssh -o StrictHostKeyChecking=no ec2-user@"$h" uptime; done
printf '%s\n' 10.20.1.9 10.20.1.10 > /tmp/list
mapfile -t -u 3 MORE 3< /tmp/list
for p in "${MORE[@]}"; do curl -fsS "http://$p:8080/healthz"; done
cat > /etc/fleet/plan.json <<'EOF'
{"dr": {"region": "@R2@"}, "primary": {"region": "@R@"}, "db": "db.fleet.internal"}
EOF
P=$(jq -r '[paths(type == "string")] | map(join(".")) | first' /etc/fleet/plan.json)
logger -t fleet "plan keys from $P"
D=$(jq -n -r --slurpfile plan /etc/fleet/plan.json '$plan[0].db')
psql -h "$D" -U fleet -c 'select 1'
PR=$(jq -r '# the primary Region
  .primary.region' /etc/fleet/plan.json)
aws sqs get-queue-attributes --queue-url "https://sqs.$PR.@S@/@A@/fleet-jobs" --attribute-names All --region "$PR"
"""
# Vector's namespaced configuration directory (stop 57's reading: `sinks/NAME.yaml` holds the sink's body) with the
# VPC's collector, the stack's bucket and the private zone's database, and a comma list of config files.
VECTOR = r"""mkdir -p /etc/fleet/pipe/sinks /etc/fleet/pipe/sources
cat > /etc/fleet/pipe/sources/journal.yaml <<'EOF'
type: journald
EOF
cat > /etc/fleet/pipe/sinks/central.yaml <<'EOF'
type: socket
inputs: ["journal"]
address: 10.20.1.50:514
mode: tcp
encoding:
  codec: json
EOF
cat > /etc/fleet/pipe/sinks/archive.yaml <<'EOF'
type: aws_s3
inputs: ["journal"]
bucket: fleet-logs-@c@
region: @R@
encoding:
  codec: json
EOF
cat > /etc/vector/extra.yaml <<'EOF'
sinks:
  es:
    type: elasticsearch
    inputs: [journal]
    endpoints: ["http://10.20.1.60:9200", "http://db.fleet.internal:9200"]
EOF
vector --config-dir /etc/fleet/pipe &
vector --config /etc/vector/vector.yaml,/etc/vector/extra.yaml &
"""
VECTOR_PARTNER = VECTOR.replace("address: 10.20.1.50:514", "address: @P@:514")

EVERYDAY_ABROAD = EVERYDAY.replace("read -r DR <<EOF\n@R2@\nEOF", "read -r DR <<EOF\n@X@\nEOF")

# Alibaba Cloud ECS: 40 hosts of the VPC, a function's loop from a here-document, the metadata's own name, jq.
ALI_MANY_HOSTS = many_hosts("172.16", 'nc -z -w 3 "$H" 22 || logger -t fleet "$H down"')
ALI_MANY_HOSTS_PARTNER = ALI_MANY_HOSTS + "H=@P@\npush\n"
ALI_FUNCTION_LOOP = r"""check_all() {
  while read -r h; do nc -z -w 3 "$h" 22 || logger -t fleet "$h down"; done
}
check_all <<EOF
172.16.1.7
172.16.1.8
EOF
check_all <<< 172.16.1.9
"""
ALI_FUNCTION_LOOP_PARTNER = ALI_FUNCTION_LOOP + "check_all <<< @P@\n"
ALI_SHORT_NAME = r"""ME=$(curl -s @M@/meta-data/hostname | cut -d. -f1)
nc -z -w 3 "$ME" 22
PLAN='{"regions": ["@R@"], "bucket": "fleet-logs-@c@"}'
R=$(echo "$PLAN" | jq -r '(.regions | length) as $n | .regions[$n - 1]')
aliyun oss cp /var/log/cloud-init.log oss://fleet-logs-@c@/boot/ --region "$R"
"""
ALI_SHORT_NAME_ABROAD = ALI_SHORT_NAME.replace('"regions": ["@R@"]', '"regions": ["@X@"]')

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "many-hosts": (MANY_HOSTS, set()),
    "many-hosts-partner": (MANY_HOSTS_PARTNER, {"RES-015"}),
    "many-hosts-url": (MANY_HOSTS_URL, set()),
    "many-hosts-url-partner": (MANY_HOSTS_URL_PARTNER, {"RES-015"}),
    "function-loop-redirected": (FUNCTION_LOOP_REDIRECTED, set()),
    "function-loop-redirected-partner": (FUNCTION_LOOP_REDIRECTED_PARTNER, {"RES-015"}),
    "function-loop-redirected-unwritten": (FUNCTION_LOOP_REDIRECTED_UNWRITTEN, {"RES-015"}),
    "here-string": (HERE_STRING, set()),
    "here-string-partner": (HERE_STRING_PARTNER, {"RES-015"}),
    "jq-parenthesised": (JQ_PARENTHESISED, set()),
    "jq-parenthesised-abroad": (JQ_PARENTHESISED_ABROAD, {"RES-009"}),
    "short-name": (SHORT_NAME, set()),
    "own-address-dot": (OWN_ADDRESS_DOT, {"RES-015"}),
    "everyday": (EVERYDAY, set()),
    "everyday-abroad": (EVERYDAY_ABROAD, {"RES-009"}),
    "vector": (VECTOR, set()),
    "vector-partner": (VECTOR_PARTNER, {"RES-015"}),
}
ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "ali-many-hosts": (ALI_MANY_HOSTS, set()),
    "ali-many-hosts-partner": (ALI_MANY_HOSTS_PARTNER, {"RES-015"}),
    "ali-function-loop": (ALI_FUNCTION_LOOP, set()),
    "ali-function-loop-partner": (ALI_FUNCTION_LOOP_PARTNER, {"RES-015"}),
    "ali-short-name": (ALI_SHORT_NAME, set()),
    "ali-short-name-abroad": (ALI_SHORT_NAME_ABROAD, {"RES-009"}),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm58-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm58-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
