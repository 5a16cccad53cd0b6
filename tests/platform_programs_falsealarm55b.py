"""False alarms, round 18 (stop 55, issue 9: falsealarm55b).

Everyday compliant programs over what stop 55's first wave changed (docs/residency.md, the "(stop 55)" sections, and
the lead's mend in ``engine._opaque_value``), written from the tools' manuals (bash(1), dig(1), docker run, the
postgres / redis / mysql / prometheus images, redis-cli, syslog-ng, Kubernetes, the aliyun CLI's ``oss`` and ossutil
2.0) and the pulumi-aws v7 / pulumi-alicloud instance pages as a platform team would (its own account, Region, VPC,
private zone, private addresses, metadata, service principals): every unquoted word brace-expanded (``mkdir
{a,b}``, ``cp f{,.bak}``, ``find -exec {}``, awk / jq programs, a sequence, JSON echoed unquoted), ``"$@"`` through
wrappers and ``shift`` in an option loop, arrays (``R[1]=``, ``read -a``, ``mapfile``, multi-line), ``$(cat <<EOF)``,
IFS-split ``read`` and piped ``while read``, images whose command is no CLI (``postgres:16 -c ...``, ``redis:7
redis-server --save 60 1``), Redis ``CONFIG SET`` pairs and ``SENTINEL MONITOR``, syslog-ng ``@define`` /
``@include``, a Kubernetes ExternalName / hostAliases / Ingress applied by kubectl, ``docker run --link`` /
``--network container:``, a substitution reading a variable holding a literal (``$(dig +short $HOST)`` for the
private zone's name, ``$(aws ssm get-parameter --name /fleet/$ENV/...)`` not used at a destination, ``$(date -d
...)``), service principals in YAML and JSON policy documents, and the aliyun CLI's OSS commands; EU / DE / US / JP /
CN (aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1).

Reproduced on the unchanged engine (main b59e64d8): see docs/residency.md "False alarms, round 18 (stop 55)" for the
counts and the false alarms found (``dig-private-name``: the address of the stack's own private name, the lead's
mend held it unknown, RES-015; ``yaml-trust-policy``: a YAML trust policy's service principal, RES-015). The refused
twins stay refused.

Ids: ``falsealarm55b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
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
    10.20.1.30) beside it."""

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


# bash(1) "Brace Expansion" on every unquoted word: directories, a backup copy, find's `{}`, awk / jq programs and a
# sed expression in single quotes, JSON echoed unquoted, the Region's zones, a sequence of the VPC's addresses, an
# include pattern in quotes, `${...}` (not eligible).
BRACES = r"""mkdir -p /opt/fleet/{bin,conf,data,logs}
cp /etc/fleet/app.conf{,.bak}
find /var/log/fleet -name '*.log' -mtime +7 -exec gzip {} \;
find /opt/fleet/{conf,data} -type f -exec chmod 640 {} +
awk '{print $1}' /etc/fleet/nodes > /tmp/ips
awk -F, '{sum+=$3} END {print sum}' /var/log/fleet/usage.csv
jq -r '{region: .region, az: .availabilityZone}' /opt/fleet/identity.json
echo {\"region\":\"@R@\",\"bucket\":\"fleet-logs-@c@\"} > /opt/fleet/region.json
sed -i -e 's/{{REGION}}/@R@/g' /opt/fleet/app.yaml
for az in @R@{a,b}; do echo "$az" >> /opt/fleet/zones; done
for i in {7..9}; do curl -fsS http://10.20.1.$i:8080/healthz; done
aws s3 cp /var/log/fleet/ s3://fleet-logs-@c@/boot/ --recursive --exclude '*' --include '*.{log,gz}' --region @R@
echo ${HOSTNAME} ${REGION:-@R@}
"""

# bash(1) "Special Parameters" / shift: a logging wrapper passing "$@", an option loop with `shift 2`, `shift` then
# "$@" in a loop, `set --` with the VPC's addresses.
POSITIONAL = r"""log() { logger -t fleet "$@"; }
s3put() { aws s3 cp "$1" "s3://fleet-logs-@c@/$2" --region @R@; }
run() { log "running $*"; "$@"; }
run s3put /etc/fleet/app.conf conf/app.conf
opts() { while [ $# -gt 0 ]; do case "$1" in --region) REGION="$2"; shift 2;; *) shift;; esac; done; }
opts --region @R@ --verbose
aws ec2 describe-instances --region "$REGION" --output text
upload() { local bucket="$1"; shift; for f in "$@"; do aws s3 cp "$f" "s3://$bucket/" --region @R@; done; }
upload fleet-logs-@c@ /var/log/messages /var/log/cloud-init.log
set -- 10.20.1.7 10.20.1.8
for h in "$@"; do curl -fsS "http://$h:9100/metrics" -o /dev/null; done
"""

# bash(1) "Arrays": `NAME[k]=`, `read -a`, `mapfile` from a here-document, `readarray` from a here-string, an array
# written one item a line.
ARRAYS = r"""NODES[0]=10.20.1.7
NODES[1]=10.20.1.8
for i in 0 1; do ssh ec2-user@"${NODES[$i]}" uptime; done
read -r -a BUCKETS <<< "fleet-logs-@c@ fleet-data-@c@"
aws s3 ls "s3://${BUCKETS[1]}/" --region @R@
mapfile -t HOSTS <<EOF
10.20.1.30
db.fleet.internal
EOF
psql -h "${HOSTS[1]}" -U fleet -c 'select 1'
readarray -t REGIONS <<< "@R@"
aws ssm get-parameter --name /fleet/db --region "${REGIONS[0]}" --query Parameter.Value --output text
SERVERS=(
  10.20.1.40  # primary
  10.20.1.41
)
for s in "${SERVERS[@]}"; do redis-cli -h "$s" ping; done
"""

# bash(1) "Command Substitution" over `cat <<EOF`: a trust policy (a service principal), a settings text, the Region.
CAT_HEREDOC = r"""POLICY=$(cat <<'EOF'
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
EOF
)
aws iam create-role --role-name fleet-node --assume-role-policy-document "$POLICY"
CONF=$(cat <<EOF
region=@R@
db=10.20.1.30
EOF
)
echo "$CONF" > /opt/fleet/app.env
REGION=$(cat <<EOF
@R@
EOF
)
aws s3 ls s3://fleet-logs-@c@/ --region "$REGION"
"""

# bash(1) `read` split by IFS, and `while read` fed by a pipe of literal lines.
READ_IFS = r"""IFS=, read -r DB_HOST DB_PORT <<< "10.20.1.30,5432"
psql -h "$DB_HOST" -p "$DB_PORT" -U fleet -c 'select 1'
IFS=: read -r CACHE CACHE_PORT <<< "10.20.1.40:6379"
redis-cli -h "$CACHE" -p "$CACHE_PORT" ping
printf '10.20.1.7 8080\n10.20.1.8 8080\n' | while read -r h p; do curl -fsS "http://$h:$p/healthz"; done
printf '%s\n' fleet-logs-@c@ fleet-data-@c@ | while read -r b; do
  aws s3api put-bucket-encryption --bucket "$b" --region @R@ --server-side-encryption-configuration '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"}}]}'
done
while IFS='=' read -r k v; do echo "$k -> $v"; done < /opt/fleet/app.env
"""  # noqa: E501

# docker container run "IMAGE [COMMAND] [ARG...]": images whose command is no CLI (the images' own pages: postgres
# `-c name=value`, redis `redis-server --save 60 1`, mysql `--character-set-server`, prometheus `--config.file`), the
# AWS CLI image in the Region.
DOCKER_IMAGES = r"""docker run -d --name db -e POSTGRES_PASSWORD_FILE=/run/secrets/pg -v pgdata:/var/lib/postgresql/data postgres:16 -c shared_buffers=256MB -c max_connections=200
docker run -d --name cache redis:7 redis-server --save 60 1 --loglevel warning --appendonly yes
docker run -d --name web -p 80:80 nginx:1.27 nginx -g 'daemon off;'
docker run --rm alpine:3.20 sh -c 'echo ok > /dev/null'
docker run -d --name mysql -e MYSQL_ROOT_PASSWORD_FILE=/run/secrets/my mysql:8.4 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
docker run --rm busybox:1.36 ping -c 1 10.20.1.7
docker run -d --name mc memcached:1.6 memcached -m 512 -p 11211
docker run --rm public.ecr.aws/aws-cli/aws-cli:2.22.0 s3 ls s3://fleet-logs-@c@/ --region @R@
docker run -d --name prom -p 9090:9090 prom/prometheus:v2.53.0 --config.file=/etc/prometheus/prometheus.yml --storage.tsdb.retention.time=15d
docker run -d --name vault hashicorp/vault:1.17 server -dev -dev-listen-address=0.0.0.0:8200
"""  # noqa: E501

# redis-cli CONFIG SET "parameter value [parameter value ...]" (Redis 7) and Sentinel's monitor, at the VPC's cache.
REDIS_SENTINEL = r"""redis-cli -h 10.20.1.40 CONFIG SET maxmemory 2gb maxmemory-policy allkeys-lru
redis-cli -h 10.20.1.40 CONFIG SET save "900 1 300 10"
redis-cli -h 10.20.1.40 CONFIG SET appendonly yes appendfsync everysec
redis-cli -p 26379 SENTINEL MONITOR fleet 10.20.1.40 6379 2
redis-cli -p 26379 SENTINEL SET fleet down-after-milliseconds 5000
cat >> /etc/redis/sentinel.conf <<'EOF'
sentinel monitor fleet 10.20.1.40 6379 2
sentinel down-after-milliseconds fleet 5000
EOF
"""

# syslog-ng `@include` / `@define` (a global value used as `` `name` ``) to the VPC's collector.
SYSLOG_NG = r"""cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'
@version: 4.2
@include "scl.conf"
@define loghost "10.20.1.50"
@define logport "514"
source s_local { system(); internal(); };
destination d_central { network("`loghost`" port(`logport`) transport("tcp")); };
destination d_file { file("/var/log/fleet/all.log"); };
log { source(s_local); destination(d_central); destination(d_file); };
EOF
systemctl restart syslog-ng
"""

# Kubernetes: an ExternalName Service to the Region's RDS endpoint, hostAliases to the VPC's database, an internal
# Ingress's host, the account's ECR image, applied by kubectl from a here-document.
K8S = r"""cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: fleet-db
spec:
  type: ExternalName
  externalName: fleet-db.cluster-abc123def456.@R@.rds.@S@
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      hostAliases:
      - ip: "10.20.1.30"
        hostnames: ["db.fleet.internal", "db"]
      containers:
      - name: api
        image: @A@.dkr.ecr.@R@.@S@/fleet/api:1.4
        env:
        - name: DB_HOST
          value: fleet-db
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
  annotations:
    alb.ingress.kubernetes.io/scheme: internal
spec:
  ingressClassName: alb
  rules:
  - host: api.fleet.internal
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              number: 8080
EOF
"""

# docker run `--link name:alias` and `--network container:<name>` (the account's ECR images).
DOCKER_LINKS = r"""docker run -d --name db postgres:16
docker run -d --name api --link db:database -e DATABASE_URL=postgres://fleet@database:5432/fleet @A@.dkr.ecr.@R@.@S@/fleet/api:1.4
docker run -d --name sidecar --network container:api @A@.dkr.ecr.@R@.@S@/fleet/envoy:1.30
"""  # noqa: E501

# Substitutions reading a variable holding a literal: `dig +short` of the private zone's name given to psql (dig(1)
# "+short: Provide a terse answer"), an SSM parameter named by the environment (a password, at no destination), dates.
DIG_PRIVATE_NAME = r"""ENV=prod
HOST=db.fleet.internal
IP=$(dig +short $HOST)
DB_PASS=$(aws ssm get-parameter --name /fleet/$ENV/db-password --with-decryption --region @R@ --query Parameter.Value --output text)
EXPIRES=$(date -d '+7 days' +%Y-%m-%d)
echo "expires=$EXPIRES" >> /opt/fleet/app.env
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
aws s3 cp /var/log/cloud-init.log "s3://fleet-logs-@c@/boot/$STAMP.log" --region @R@
PGPASSWORD="$DB_PASS" psql -h "$IP" -U fleet -c 'select 1'
psql -h "$(dig +short db.fleet.internal)" -U fleet -c 'select 1'
"""  # noqa: E501
# The same lookup of a partner's name: its address is the partner's database.
DIG_PARTNER_NAME = DIG_PRIVATE_NAME.replace("HOST=db.fleet.internal", "HOST=@P@").replace(
    "$(dig +short db.fleet.internal)", "$(dig +short @P@)"
)
# A lookup asking a public resolver (`@server`): its answer is not the VPC's, not computed, fails closed.
DIG_OTHER_RESOLVER = DIG_PRIVATE_NAME.replace("IP=$(dig +short $HOST)", "IP=$(dig @8.8.8.8 +short $HOST)")

# A trust policy and a bucket policy written as YAML / JSON files (IAM "Principal": `Service`), given to the CLI.
YAML_TRUST_POLICY = r"""cat > /opt/fleet/trust.yaml <<'EOF'
Version: "2012-10-17"
Statement:
  - Effect: Allow
    Principal:
      Service:
        - ec2.amazonaws.com
        - ssm.amazonaws.com
    Action: sts:AssumeRole
  - Effect: Allow
    Principal: {Service: lambda.amazonaws.com}
    Action: sts:AssumeRole
EOF
yq -o=json /opt/fleet/trust.yaml > /opt/fleet/trust.json
aws iam create-role --role-name fleet-node --assume-role-policy-document file:///opt/fleet/trust.json
cat > /opt/fleet/bucket-policy.json <<'EOF'
{"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:@p@:s3:::fleet-logs-@c@/access/*","Condition":{"StringEquals":{"aws:SourceAccount":"@A@"}}}]}
EOF
aws s3api put-bucket-policy --bucket fleet-logs-@c@ --policy file:///opt/fleet/bucket-policy.json --region @R@
"""
# An app's own `Service:` setting in a YAML file naming a host no principal of the policy beside it names (the trust
# policy trusts ssm only): judged.
YAML_TRUST_POLICY_APP_SERVICE = (
    YAML_TRUST_POLICY.replace("        - ec2.amazonaws.com\n", "")
    + """cat > /opt/fleet/app.yaml <<'EOF'
upstream:
  Service: ec2.amazonaws.com
EOF
"""
)

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "braces": (BRACES, set()),
    "positional": (POSITIONAL, set()),
    "arrays": (ARRAYS, set()),
    "cat-heredoc": (CAT_HEREDOC, set()),
    "read-ifs": (READ_IFS, set()),
    "docker-images": (DOCKER_IMAGES, set()),
    "redis-sentinel": (REDIS_SENTINEL, set()),
    "syslog-ng": (SYSLOG_NG, set()),
    "k8s": (K8S, set()),
    "docker-links": (DOCKER_LINKS, set()),
    "dig-private-name": (DIG_PRIVATE_NAME, set()),
    "dig-partner-name": (DIG_PARTNER_NAME, {"RES-015"}),
    "dig-other-resolver": (DIG_OTHER_RESOLVER, {"RES-015"}),
    "yaml-trust-policy": (YAML_TRUST_POLICY, set()),
}
"""shape -> (user data, expected rule ids) for every AWS code."""

# The aliyun CLI's `oss` commands (ossutil 1.x inside the CLI) and ossutil 2.0 on the stack's buckets in the region.
ALI_OSS = r"""REGION=$(curl -s @M@/meta-data/region-id)
aliyun oss cp /var/log/cloud-init.log oss://fleet-logs-@c@/boot/ --region @R@
aliyun oss ls oss://fleet-logs-@c@/ --region "$REGION"
aliyun oss sign oss://fleet-logs-@c@/boot/cloud-init.log --timeout 3600 --region @R@
ossutil cp /etc/fleet/app.conf oss://fleet-data-@c@/conf/ --region @R@
ossutil api get-bucket-info --bucket fleet-logs-@c@ --region @R@
ossutil presign oss://fleet-data-@c@/conf/app.conf --expires-duration 1h --region @R@
"""
ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {"ali-oss": (ALI_OSS, set())}
"""shape -> (user data, expected rule ids) for every Alibaba Cloud code."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm55b-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    app = _boot(YAML_TRUST_POLICY_APP_SERVICE)
    out += [(f"falsealarm55b-{code.lower()}-yaml-trust-policy-app-service", code, app(code),
             {"RES-006"} if code == "CN" else {"RES-015"}, []) for code in AWS_CODES]  # fmt: skip
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm55b-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
