"""False alarms, round 19 (stop 56, issue 9: falsealarm56).

Everyday compliant programs over what stop 55 changed (docs/residency.md, the "(stop 55)" sections and the lead's
mends), written from the tools' manuals (bash(1), getent(1), host(1), nslookup(1), dig(1), docker / podman / kubectl,
redis-cli, syslog-ng, Compose, filebeat / vector, jq, the aws CLI) and the pulumi-aws v7 / pulumi-alicloud instance
pages as a platform team would (its own account, Region, VPC, private zone ``fleet.internal``, private addresses,
metadata, service principals): name lookups through ``getent hosts`` / ``host`` / ``nslookup`` and ``dig +short``
piped through ``head`` / ``awk``, ``"$@"`` through a retry wrapper, arrays by index (``${!A[@]}``, ``A+=()``),
``$(cat <<EOF)``, ``docker exec`` / ``podman run`` / ``kubectl run`` / ``kubectl exec``, docker networks, Redis
``CONFIG SET`` / ``REPLICAOF``, syslog-ng ``@define``, Compose flow lists, filebeat ``-c``, jq over a settings file,
the CloudWatch agent's ``{instance_id}`` placeholders, and the aliyun CLI's ``oss`` commands; EU / DE / US / JP / CN
(aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1).

Reproduced on the unchanged engine (main 8f0aa679): see docs/residency.md "False alarms, round 19 (stop 56)" for the
counts and the false alarms found. The refused twins stay refused.

Ids: ``falsealarm56-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    ALI_METADATA,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
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
PARTNER_HOST = "db.partner-analytics.com"
"""A partner's database: no catalogued suffix places it in a country (RES-015 until declared)."""


def _fill(body: str, values: dict[str, str]) -> str:
    """``body`` with each ``@KEY@`` replaced (no ``str.format``: the programs are full of shell braces)."""
    for key, value in values.items():
        body = body.replace(f"@{key}@", value)
    return body


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` with the stack's Region (``@R@``), its DNS suffix (``@S@``), the
    lower-case code (``@c@``), the partition (``@p@``), the account (``@A@``) and a partner's host (``@P@``); the
    stack's buckets ``fleet-logs-<c>`` / ``fleet-data-<c>`` and the VPC's private zone ``fleet.internal`` (``db`` ->
    10.20.1.30, ``cache`` -> 10.20.1.40, ``logs`` -> 10.20.0.9) beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            values = {"R": AWS_HOME[code], "S": _suffix(code), "c": code.lower(), "A": OWN_ACCOUNT,
                      "P": PARTNER_HOST, "p": partition(code)}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            aws.s3.Bucket("data", bucket=f"fleet-data-{code.lower()}", opts=c.aws)
            # docs: route53/zone (vpcs: a private hosted zone), route53/record
            zone = aws.route53.Zone("internal", name="fleet.internal", vpcs=[{"vpc_id": VPC_ID}], opts=c.aws)
            aws.route53.Record("db", zone_id=zone.zone_id, name="db.fleet.internal", type="A", ttl=60,
                               records=["10.20.1.30"], opts=c.aws)  # fmt: skip
            aws.route53.Record("cache", zone_id=zone.zone_id, name="cache.fleet.internal", type="A", ttl=60,
                               records=["10.20.1.40"], opts=c.aws)  # fmt: skip
            aws.route53.Record("logs", zone_id=zone.zone_id, name="logs.fleet.internal", type="A", ttl=60,
                               records=["10.20.0.9"], opts=c.aws)  # fmt: skip
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + _fill(body, values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(body: str) -> Callable[[str], Build]:
    """An ECS instance (the team's deployment role: its account is the stack's own) whose user data is ``body`` with
    the region (``@R@``), the lower-case code (``@c@``) and the metadata's base URL (``@M@``); the stack's buckets
    ``fleet-logs-<c>`` / ``fleet-data-<c>`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            alicloud.oss.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.ali)
            alicloud.oss.Bucket("data", bucket=f"fleet-data-{code.lower()}", opts=c.ali)
            values = {"R": ALI_HOME[code], "c": code.lower(), "M": ALI_METADATA}
            return ali_boot(c, "#!/bin/bash\nset -e\n" + _fill(body, values))

        return build

    return make


# getent(1) "hosts ... gethostbyname2(3)" (the system's resolver: /etc/hosts, then DNS, nsswitch.conf(5)), host(1)
# "host [-t type] name [server]" and nslookup(1) "nslookup [-option] [name | -] [server]": the private zone's names,
# each answer selected by awk / head / cut, given to psql, redis-cli and curl.
LOOKUPS = r"""DB_IP=$(getent hosts db.fleet.internal | awk '{print $1}')
psql -h "$DB_IP" -U fleet -c 'select 1'
CACHE_IP=$(getent ahostsv4 cache.fleet.internal | head -n 1 | cut -d' ' -f1)
redis-cli -h "$CACHE_IP" ping
DB_ADDR=$(host -t A db.fleet.internal | awk '/has address/ {print $4}')
curl -fsS "http://$DB_ADDR:8008/health"
CACHE_ADDR=$(nslookup cache.fleet.internal | awk '/^Address: / {print $2}' | tail -n 1)
redis-cli -h "$CACHE_ADDR" info replication
HOST=db.fleet.internal
pg_isready -h "$(dig +short "$HOST" | head -n 1)" -p 5432
"""
# The same lookups of a partner's name: its address is the partner's database.
LOOKUPS_PARTNER = LOOKUPS.replace("getent hosts db.fleet.internal", "getent hosts @P@")
# A lookup asking a public resolver (host(1)'s and nslookup(1)'s `server` operand): not the VPC's answer.
LOOKUPS_OTHER_SERVER = LOOKUPS.replace("host -t A db.fleet.internal", "host -t A db.fleet.internal 8.8.8.8")
LOOKUPS_NSLOOKUP_SERVER = LOOKUPS.replace("nslookup cache.fleet.internal", "nslookup cache.fleet.internal 1.1.1.1")

# The aws CLI's ec2 describe-instances in the stack's Region (`--query` JMESPath over `PrivateIpAddress`,
# `--output text`) piped into a `while read` loop running ssh: the listing's addresses are decided below
# (docs/residency.md, round 19: a VPC's CIDR may be publicly routable, so the field is not proven private).
DESCRIBE_PRIVATE = r"""aws ec2 describe-instances --region @R@ \
  --filters Name=tag:Role,Values=web Name=instance-state-name,Values=running \
  --query 'Reservations[].Instances[].PrivateIpAddress' --output text | tr '\t' '\n' | while read -r ip; do
  ssh -o StrictHostKeyChecking=no ec2-user@"$ip" 'sudo systemctl reload nginx'
done
"""

# bash(1) "Pipelines": a `printf` of the VPC's addresses continued over two lines (a backslash-newline) piped into a
# `while read` loop: on main 8f0aa679 the pipe's command was read from its last physical line only (`10.20.1.8`, run
# as a command: unknown), a false alarm (RES-015).
PIPED_CONTINUED = r"""printf '%s\n' 10.20.1.7 \
  10.20.1.8 | while read -r h; do curl -fsS "http://$h:8080/healthz"; done
"""

# bash(1) "Pipelines" and "Process Substitution": `while read` loops fed over continued lines (a backslash-newline
# before `|`, `| \` and a bare `|` at a line's end), a `{ ...; }` group and `done < <(...)`, each with the private
# zone's names or the VPC's addresses.
PIPED_LOOPS = r"""printf '%s\n' db.fleet.internal \
  | while read -r h; do pg_isready -h "$h" -p 5432; done
printf '%s\n' cache.fleet.internal | \
  while read -r h; do redis-cli -h "$h" ping; done
printf '%s\n' 10.20.1.40 10.20.1.41 |
  while read -r h; do redis-cli -h "$h" info replication; done
printf '%s\n' 10.20.1.7 | { while read -r h; do ssh ec2-user@"$h" uptime; done; }
while read -r h; do ssh ec2-user@"$h" uptime; done < <(printf '%s\n' 10.20.1.8 10.20.1.9)
"""
# The same loops given a partner's host: on main 8f0aa679 none of these loops was read (its variable unset, a
# placeholder) and each passed every door.
PIPED_LOOPS_PARTNER = PIPED_LOOPS.replace("printf '%s\\n' db.fleet.internal", "printf '%s\\n' @P@")
PIPED_LOOPS_PARTNER_BAR = PIPED_LOOPS.replace("printf '%s\\n' 10.20.1.40 10.20.1.41", "printf '%s\\n' @P@")
PIPED_LOOPS_PARTNER_GROUP = PIPED_LOOPS.replace("printf '%s\\n' 10.20.1.7 | {", "printf '%s\\n' @P@ | {")
PIPED_LOOPS_PARTNER_PROCESS = PIPED_LOOPS.replace("10.20.1.8 10.20.1.9)", "@P@)")
# A function's loop fed by its caller's pipe (bash(1) "Shell Functions": the function's commands read the caller's
# standard input): the caller's input is not read, so the loop's variable is unknown (on main 8f0aa679 the function's
# loop was not read at all and a partner's host passed every door).
PIPED_LOOPS_PARTNER_FUNCTION = (
    PIPED_LOOPS + "restart_all() { while read -r h; do ssh ec2-user@\"$h\" 'sudo systemctl restart fleet'; done; }\n"
    "printf '%s\\n' @P@ | restart_all\n"
)
# A loop reading the script's own standard input (nothing the reader can know): its variable is unknown, not unset.
PIPED_LOOPS_STDIN = PIPED_LOOPS + 'while read -r h; do psql -h "$h" -U fleet -c "select 1"; done\n'

# bash(1) "Special Parameters": a retry wrapper running "$@", a timing wrapper, `shift` past a count.
RETRY_WRAPPER = r"""retry() {
  local n=0
  until "$@"; do
    n=$((n + 1)); [ "$n" -ge 5 ] && return 1
    sleep $((n * 2))
  done
}
timed() { local start=$SECONDS; "$@"; echo "$1 took $((SECONDS - start))s" >> /var/log/fleet/boot.log; }
retry aws s3 cp /etc/fleet/app.conf s3://fleet-logs-@c@/conf/app.conf --region @R@
retry curl -fsS http://10.20.1.7:8080/healthz
timed retry psql -h db.fleet.internal -U fleet -c 'select 1'
times() { local count=$1; shift; for _ in $(seq "$count"); do "$@"; done; }
times 3 redis-cli -h cache.fleet.internal ping
"""

# bash(1) "Arrays": indices `${!A[@]}`, the last element `${A[-1]}`, the count `${#A[@]}`, `A+=(...)`, a slice.
ARRAY_INDEX = r"""NODES=(10.20.1.7 10.20.1.8)
NODES+=(10.20.1.9)
for i in "${!NODES[@]}"; do
  echo "node $i: ${NODES[$i]}"
  curl -fsS "http://${NODES[$i]}:9100/metrics" -o "/var/lib/fleet/node-$i.prom"
done
echo "${#NODES[@]} nodes"
ssh ec2-user@"${NODES[-1]}" uptime
for n in "${NODES[@]:1}"; do ssh ec2-user@"$n" 'sudo systemctl restart fleet'; done
BUCKETS=(fleet-logs-@c@ fleet-data-@c@)
aws s3api head-bucket --bucket "${BUCKETS[-1]}" --region @R@
"""

# bash(1) "Command Substitution" over `cat <<EOF` (a Region and an endpoint), used at the CLI's `--region` and
# `--endpoint-url`, and a quoted here-document giving a JSON document.
CAT_HEREDOC = r"""REGION=$(cat <<EOF
@R@
EOF
)
SQS=$(cat <<EOF
https://sqs.@R@.@S@
EOF
)
aws sqs list-queues --region "$REGION" --endpoint-url "$SQS"
TAGS=$(cat <<'EOF'
[{"Key":"team","Value":"fleet"},{"Key":"env","Value":"prod"}]
EOF
)
aws ec2 create-tags --resources i-0a1b2c3d4e5f60718 --tags "$TAGS" --region "$REGION"
"""

# docker exec / podman run / kubectl run / kubectl exec (their manuals: "docker container exec [OPTIONS] CONTAINER
# COMMAND [ARG...]"; podman-run(1); "kubectl run NAME --image=image [--env=...] -- [COMMAND] [args...]").
CONTAINER_COMMANDS = r"""docker run -d --name db -e POSTGRES_PASSWORD_FILE=/run/secrets/pg postgres:16
docker exec db psql -U postgres -c 'create database fleet'
docker exec -e PGPASSWORD=local db pg_isready -h localhost
podman run --rm -e AWS_REGION=@R@ @A@.dkr.ecr.@R@.@S@/fleet/migrate:1.4 --db-host 10.20.1.30
podman exec -it api curl -fsS http://localhost:8080/healthz
kubectl run dbcheck --image=postgres:16 --rm -i --restart=Never -- psql -h db.fleet.internal -U fleet -c 'select 1'
kubectl exec deploy/api -- curl -fsS http://localhost:8080/healthz
kubectl run aws --image=public.ecr.aws/aws-cli/aws-cli:2.22.0 --restart=Never --env=AWS_REGION=@R@ -- s3 ls s3://fleet-logs-@c@/
docker compose -f /opt/compose.yaml exec api curl -fsS http://10.20.1.30:8008/health
"""

# docker network create / connect, a container found by its name on the network, and a sidecar sharing a network.
NETWORKS = r"""docker network create --driver bridge --subnet 172.28.0.0/16 fleet-net
docker run -d --name cache --network fleet-net redis:7
docker run -d --name api @A@.dkr.ecr.@R@.@S@/fleet/api:1.4
docker network connect fleet-net api
docker run --rm --network fleet-net redis:7 redis-cli -h cache ping
docker run -d --name exporter --network container:api prom/node-exporter:v1.8.2
docker run -d --name worker --network fleet-net -e REDIS_URL=redis://cache:6379/0 @A@.dkr.ecr.@R@.@S@/fleet/worker:1.4
"""

# Kubernetes: an ExternalName Service to the private zone's name, hostAliases at the VPC's cache, a ConfigMap with
# the Region, `kubectl create service externalname`.
K8S = r"""kubectl create service externalname fleet-db --external-name db.fleet.internal
cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: ConfigMap
metadata:
  name: fleet
data:
  AWS_REGION: @R@
  CACHE_HOST: cache.fleet.internal
---
apiVersion: v1
kind: Service
metadata:
  name: fleet-cache
spec:
  type: ExternalName
  externalName: cache.fleet.internal
---
apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  hostAliases:
  - ip: "10.20.1.40"
    hostnames: ["cache.fleet.internal"]
  containers:
  - name: probe
    image: redis:7
    command: ["redis-cli", "-h", "fleet-cache", "ping"]
EOF
"""

# redis-cli (Redis 7): CONFIG SET pairs, REPLICAOF the VPC's primary, a client list filter, a masterauth from a file.
REDIS = r"""redis-cli -h 10.20.1.41 REPLICAOF 10.20.1.40 6379
redis-cli -h 10.20.1.41 CONFIG SET masterauth "$(cat /run/secrets/redis)"
redis-cli -h 10.20.1.40 CONFIG SET notify-keyspace-events Ex dir /var/lib/redis
redis-cli -h 10.20.1.40 CONFIG SET bind "10.20.1.40 127.0.0.1"
redis-cli -h 10.20.1.40 CLIENT LIST TYPE replica
redis-cli --cluster create 10.20.1.40:6379 10.20.1.41:6379 10.20.1.42:6379 --cluster-replicas 0 --cluster-yes
"""

# syslog-ng `@define` of the collector's private name and the Region, a `@include` of a glob, and a destination using
# both.
SYSLOG_NG = r"""cat > /etc/syslog-ng/conf.d/fleet.conf <<'EOF'
@define collector "logs.fleet.internal"
@define region "@R@"
@include "/etc/syslog-ng/fleet.d/*.conf"
template t_fleet { template("`region` ${HOST} ${MSGHDR}${MSG}\n"); };
destination d_collector { syslog("`collector`" transport("tcp") port(6514) template(t_fleet)); };
log { source(s_src); destination(d_collector); };
EOF
systemctl reload syslog-ng
"""

# Compose (compose-spec: `environment` as a list or a map, flow style; `command` as a list; `dns`, `extra_hosts`).
COMPOSE = r"""cat > /opt/compose.yaml <<'EOF'
services:
  api:
    image: @A@.dkr.ecr.@R@.@S@/fleet/api:1.4
    environment: [AWS_REGION=@R@, DB_HOST=db.fleet.internal, "CACHE_URL=redis://10.20.1.40:6379/0"]
    command: ["--region", "@R@", "--bucket", "fleet-data-@c@"]
    extra_hosts: ["db.fleet.internal:10.20.1.30"]
  worker:
    image: @A@.dkr.ecr.@R@.@S@/fleet/worker:1.4
    environment: {AWS_REGION: @R@, QUEUE_URL: "https://sqs.@R@.@S@/@A@/fleet-jobs"}
EOF
docker compose -f /opt/compose.yaml up -d
"""

# filebeat(1) `-c` a config file the script writes (Logstash output at the VPC's collector), vector `--config`.
SHIPPERS = r"""cat > /etc/filebeat/fleet.yml <<'EOF'
filebeat.inputs:
  - type: filestream
    id: fleet
    paths: ["/var/log/fleet/*.log"]
output.logstash:
  hosts: ["10.20.0.9:5044", "logs.fleet.internal:5044"]
  loadbalance: true
EOF
filebeat test config -c /etc/filebeat/fleet.yml
filebeat -c /etc/filebeat/fleet.yml -e &
cat > /etc/vector/fleet.toml <<'EOF'
[sources.app]
type = "file"
include = ["/var/log/fleet/*.log"]

[sinks.archive]
type = "aws_s3"
inputs = ["app"]
bucket = "fleet-logs-@c@"
region = "@R@"
encoding.codec = "json"
EOF
vector validate --no-environment /etc/vector/fleet.toml
vector --config /etc/vector/fleet.toml &
"""

# jq(1) "jq [options...] filter [files...]" over a settings file the script writes: `.region`, `getpath`, `sort_by`,
# `< FILE`, `cat FILE |` (on main 8f0aa679 each read of the file was unknown: RES-011 at --region).
JQ_FILE = r"""cat > /opt/fleet/settings.json <<'EOF'
{"region": "@R@", "db": {"host": "10.20.1.30", "port": 5432},
 "nodes": [{"name": "b", "ip": "10.20.1.8"}, {"name": "a", "ip": "10.20.1.7"}]}
EOF
REGION=$(jq -r '.region' /opt/fleet/settings.json)
DB=$(jq -r 'getpath(["db","host"])' < /opt/fleet/settings.json)
FIRST=$(cat /opt/fleet/settings.json | jq -r '.nodes | sort_by(.name) | .[0].ip')
aws s3 ls s3://fleet-logs-@c@/ --region "$REGION"
psql -h "$DB" -U fleet -c 'select 1'
curl -fsS "http://$FIRST:8080/healthz"
"""
# A file the script does not write, read the same way: unknown (RES-011 at --region).
JQ_FILE_UNWRITTEN = JQ_FILE.replace("REGION=$(jq -r '.region' /opt/fleet/settings.json)",
                                    "REGION=$(jq -r '.region' /etc/fleet/site.json)")  # fmt: skip

# The CloudWatch agent's configuration (its `{instance_id}`, `{hostname}`, `{ip_address}` placeholders in
# log_stream_name) written and started with `-a fetch-config -m ec2 -c file:`, and an SSM parameter holding it.
CW_AGENT = r"""cat > /opt/aws/amazon-cloudwatch-agent/etc/fleet.json <<'EOF'
{"agent": {"region": "@R@"},
 "logs": {"logs_collected": {"files": {"collect_list": [
   {"file_path": "/var/log/fleet/app.log", "log_group_name": "/fleet/app", "log_stream_name": "{instance_id}"},
   {"file_path": "/var/log/messages", "log_group_name": "/fleet/system", "log_stream_name": "{hostname}-{ip_address}"}
 ]}}},
 "metrics": {"append_dimensions": {"InstanceId": "${aws:InstanceId}"},
             "metrics_collected": {"mem": {"measurement": ["mem_used_percent"]}}}}
EOF
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s \
  -c file:/opt/aws/amazon-cloudwatch-agent/etc/fleet.json
"""

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "lookups": (LOOKUPS, set()),
    "lookups-partner": (LOOKUPS_PARTNER, {"RES-015"}),
    "lookups-other-server": (LOOKUPS_OTHER_SERVER, {"RES-015"}),
    "lookups-nslookup-server": (LOOKUPS_NSLOOKUP_SERVER, {"RES-015"}),
    "describe-private": (DESCRIBE_PRIVATE, {"RES-015"}),
    "piped-continued": (PIPED_CONTINUED, set()),
    "piped-loops": (PIPED_LOOPS, set()),
    "piped-loops-partner": (PIPED_LOOPS_PARTNER, {"RES-015"}),
    "piped-loops-partner-bar": (PIPED_LOOPS_PARTNER_BAR, {"RES-015"}),
    "piped-loops-partner-group": (PIPED_LOOPS_PARTNER_GROUP, {"RES-015"}),
    "piped-loops-partner-process": (PIPED_LOOPS_PARTNER_PROCESS, {"RES-015"}),
    "piped-loops-partner-function": (PIPED_LOOPS_PARTNER_FUNCTION, {"RES-015"}),
    "piped-loops-stdin": (PIPED_LOOPS_STDIN, {"RES-015"}),
    "retry-wrapper": (RETRY_WRAPPER, set()),
    "array-index": (ARRAY_INDEX, set()),
    "cat-heredoc": (CAT_HEREDOC, set()),
    "container-commands": (CONTAINER_COMMANDS, set()),
    "networks": (NETWORKS, set()),
    "k8s": (K8S, set()),
    "redis": (REDIS, set()),
    "syslog-ng": (SYSLOG_NG, set()),
    "compose": (COMPOSE, set()),
    "shippers": (SHIPPERS, set()),
    "cw-agent": (CW_AGENT, set()),
    "jq-file": (JQ_FILE, set()),
    "jq-file-unwritten": (JQ_FILE_UNWRITTEN, {"RES-011"}),
}
"""shape -> (user data, expected rule ids) for every AWS code."""


def _cw_agent_parameter(code: str) -> Build:
    """The CloudWatch agent's configuration kept in an SSM parameter (docs: ssm/parameter; the agent's
    ``AmazonCloudWatch-`` parameter convention), with its ``{instance_id}`` placeholders."""

    def build(c: Any) -> object:
        value = json.dumps({"agent": {"region": AWS_HOME[code]}, "logs": {"logs_collected": {"files": {"collect_list": [
            {"file_path": "/var/log/fleet/app.log", "log_group_name": "/fleet/app", "log_stream_name": "{instance_id}"},
        ]}}}})  # fmt: skip
        return aws.ssm.Parameter("cwagent", name="AmazonCloudWatch-fleet", type="String", value=value, opts=c.aws)

    return build


# The aliyun CLI's `oss` commands and ossutil with the region's internal endpoint (`-e`), a sync, and the metadata's
# region.
ALI_OSS = r"""REGION=$(curl -s @M@/meta-data/region-id)
aliyun oss sync /var/lib/fleet/exports oss://fleet-data-@c@/exports/ --region "$REGION" -f
ossutil cp -r /var/log/fleet oss://fleet-logs-@c@/app/ -e oss-@R@-internal.aliyuncs.com
ossutil stat oss://fleet-logs-@c@ --region @R@
aliyun oss ls oss://fleet-logs-@c@/app/ -e https://oss-@R@-internal.aliyuncs.com
"""
ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {"ali-oss": (ALI_OSS, set())}
"""shape -> (user data, expected rule ids) for every Alibaba Cloud code."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm56-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    out += [(f"falsealarm56-{code.lower()}-cw-agent-parameter", code, _cw_agent_parameter(code), set(), [])
            for code in AWS_CODES]  # fmt: skip
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm56-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
