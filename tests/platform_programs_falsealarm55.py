"""False alarms, round 17 (stop 55, issue 9: falsealarm55).

Everyday compliant programs over what stop 54 changed (docs/residency.md, the "(stop 54)" sections), written from the
tools' manuals and the pulumi-aws v7 / pulumi-alicloud instance pages as a platform team would (its own account,
Region, VPC, private addresses, metadata, service principals): script loops over command substitutions, positional
parameters and functions, here-strings, arrays and ``printf -v``, settings files a script fills from the metadata,
Vector / rclone / rsyslog RELP / syslog-ng failover / HAProxy / stunnel / Redis readers, ssh aliases with
``ProxyJump``, docker networks (``docker network connect``), ``--dns`` / ``--add-host ...:host-gateway`` / nginx
``resolver`` / systemd-resolved at the VPC's resolver, Postfix through SES, and the aliyun CLI's RAM / KMS documents
(a trust policy for a service principal read back from a file, the team's own account); in EU / DE / US / JP / CN
(aws-cn cn-north-1; Alibaba cn-shanghai, ap-northeast-1, eu-central-1).

Reproduced on the unchanged engine (main a7fee677): see docs/residency.md "False alarms, round 17 (stop 55)" for the
counts and the false alarms found. The refused twins stay refused.

Ids: ``falsealarm55-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    ALI_METADATA,
    AWS_HOME,
    DEPLOYER,
    IMDS,
    OWN_ACCOUNT,
    OWN_UID,
    PARTNER_UID,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
    partition,
)

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"
TOKEN = (
    'TOKEN=$(curl -sX PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\n'
)
"""IMDSv2: the session token every later metadata request sends."""
PARTNER_HOST = "db.partner-analytics.com"
"""A partner's database: no catalogued suffix places it in a country (RES-015 until declared)."""


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` formatted with the stack's Region (``{region}``), its DNS suffix
    (``{suffix}``), the lower-case code (``{c}``), the metadata's base URL (``{imds}``), the account (``{account}``)
    and a partner's host (``{partner}``); the stack's buckets ``fleet-logs-<c>`` and ``fleet-data-<c>`` beside it."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            values = {"region": AWS_HOME[code], "suffix": dns_suffix(code), "c": code.lower(), "imds": IMDS,
                      "account": OWN_ACCOUNT, "partner": PARTNER_HOST,
                      "partition": partition(code)}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            aws.s3.Bucket("data", bucket=f"fleet-data-{code.lower()}", opts=c.aws)
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + body.format(**values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(body: str) -> Callable[[str], Build]:
    """An ECS instance (the team's deployment role: its account is the stack's own) whose user data is ``body``
    formatted with the region (``{region}``), the lower-case code (``{c}``), the metadata's base URL (``{imds}``), the
    team's account (``{uid}``) and a partner's (``{partner_uid}``)."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            values = {"region": ALI_HOME[code], "c": code.lower(), "imds": ALI_METADATA, "uid": OWN_UID,
                      "partner_uid": PARTNER_UID}  # fmt: skip
            return ali_boot(c, "#!/bin/bash\nset -e\n" + body.format(**values))

        return build

    return make


# bash(1) "for name [ [ in [ word ... ] ] ; ] do list ; done": the words of a command substitution (scripts54b /
# fnros54b), a file the script writes, the stack's own buckets and the VPC's hosts.
LOOP_SUBSTITUTIONS = """for b in $(echo fleet-logs-{c} fleet-data-{c}); do
  aws s3api put-bucket-versioning --bucket "$b" --versioning-configuration Status=Enabled --region {region}
done
for r in $(echo {region}); do aws ec2 describe-instances --region "$r" --output text; done
printf '10.20.1.7\\n10.20.1.8\\n' > /etc/fleet/nodes
for h in $(cat /etc/fleet/nodes); do curl -fsS "http://$h:8080/healthz"; done
"""
# The same loop's file naming a partner's host: the file is read, its words judged.
LOOP_SUBSTITUTIONS_PARTNER = LOOP_SUBSTITUTIONS.replace("10.20.1.8", "{partner}")

# The Region from IMDSv2 (`placement/region`), given to a loop and to the CLI's `--region`.
LOOP_METADATA_REGION = (
    TOKEN
    + """REGION=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/placement/region)
for r in $(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/placement/region); do
  aws ssm get-parameter --name /fleet/db --region "$r" --query Parameter.Value --output text
done
aws s3 cp /var/log/cloud-init.log s3://fleet-logs-{c}/boot/ --region "$REGION"
"""
)

# bash(1) positional parameters: a function's `$1` / `$2`, `set --`.
POSITIONAL = """backup() {{
  aws s3 cp "$1" "s3://fleet-logs-{c}/backups/$(basename "$1")" --region "$2"
}}
backup /etc/fleet/app.conf {region}
set -- {region} fleet-logs-{c}
aws s3 ls "s3://$2/" --region "$1"
notify() {{ curl -fsS -X POST "http://$1:8080/hooks/boot"; }}
notify 10.20.1.7
"""

# bash(1) here-strings (`<<< word`) read by `read`: the Region, the zone from the metadata, the database's address.
HERE_STRINGS = (
    TOKEN
    + """read -r REGION <<< "{region}"
read -r AZ <<< "$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/placement/availability-zone)"
read -r DB_HOST DB_PORT <<< "10.20.1.30 5432"
aws configure set region "$REGION"
psql -h "$DB_HOST" -p "$DB_PORT" -U fleet -c 'select 1'
echo "zone=$AZ" > /etc/fleet/zone
"""
)

# bash(1) arrays (`NAME=(...)`, `"${{NAME[@]}}"`, associative `declare -A`) and printf(1) `-v var`.
ARRAYS = """REGIONS=({region})
NODES=(10.20.1.7 10.20.1.8 10.20.1.9)
for n in "${{NODES[@]}}"; do ssh -o StrictHostKeyChecking=no ec2-user@"$n" uptime; done
aws s3 ls s3://fleet-logs-{c}/ --region "${{REGIONS[0]}}"
printf -v BUCKET 'fleet-logs-%s' {c}
aws s3 ls "s3://$BUCKET/" --region {region}
declare -A CFG=([region]={region} [db]=10.20.1.30)
psql -h "${{CFG[db]}}" -U fleet -c 'select 1'
aws sts get-caller-identity --region "${{CFG[region]}}"
"""

# Settings files a script fills from the metadata (scripts54b reads their Region and host fields): JSON, YAML and the
# AWS CLI's config file.
SETTINGS_FROM_METADATA = (
    TOKEN
    + """REGION=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/placement/region)
INSTANCE_ID=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/instance-id)
mkdir -p /opt/fleet /root/.aws
cat > /opt/fleet/settings.json <<EOF
{{"region": "$REGION", "instance": "$INSTANCE_ID", "db_host": "10.20.1.30", "bucket": "fleet-logs-{c}"}}
EOF
cat > /opt/fleet/settings.yaml <<EOF
aws:
  region: $REGION
  endpoint: https://s3.{region}.{suffix}
database:
  host: 10.20.1.30
EOF
cat > /root/.aws/config <<EOF
[default]
region = $REGION
output = json
EOF
"""
)

# Vector's `aws_s3` / `aws_cloudwatch_logs` sinks in the Region and its `vector` sink to an aggregator in the VPC.
VECTOR_OWN = """cat > /etc/vector/vector.yaml <<'EOF'
sources:
  app:
    type: file
    include: ["/var/log/fleet/*.log"]
sinks:
  archive:
    type: aws_s3
    inputs: ["app"]
    bucket: fleet-logs-{c}
    region: {region}
    compression: gzip
    encoding:
      codec: json
  cw:
    type: aws_cloudwatch_logs
    inputs: ["app"]
    group_name: /fleet/app
    stream_name: "{{{{ host }}}}"
    region: {region}
    encoding:
      codec: json
  central:
    type: vector
    inputs: ["app"]
    address: 10.20.0.9:6000
EOF
systemctl enable --now vector
"""

# rclone's S3 backend ("region", "location_constraint") in the Region, and `--s3-region`.
RCLONE_OWN = """mkdir -p /root/.config/rclone
cat > /root/.config/rclone/rclone.conf <<'EOF'
[s3]
type = s3
provider = AWS
env_auth = true
region = {region}
location_constraint = {region}
acl = private
EOF
rclone sync /var/lib/fleet/exports s3:fleet-logs-{c}/exports
rclone lsd s3: --s3-region {region}
"""

# rsyslog omrelp (`target`, the legacy `:omrelp:host:port` selector action) and syslog-ng's failover servers.
RELP_FAILOVER_OWN = """cat > /etc/rsyslog.d/70-relp.conf <<'EOF'
module(load="omrelp")
action(type="omrelp" target="10.20.0.9" port="2514")
*.* :omrelp:10.20.0.10:2514;RSYSLOG_ForwardFormat
EOF
cat > /etc/syslog-ng/conf.d/failover.conf <<'EOF'
destination d_net {{ network("10.20.0.9" port(514) failover( servers("10.20.0.10", "10.20.0.11") )); }};
EOF
systemctl restart rsyslog syslog-ng
"""

# The VPC's resolver (Amazon DNS at 169.254.169.253 and the VPC's base + 2) for docker `--dns`, Compose `dns`, nginx
# `resolver` and systemd-resolved; `host-gateway` (docker run `--add-host`: "the special host-gateway value").
RESOLVERS_OWN = """docker run -d --name api --dns 169.254.169.253 --add-host=host.docker.internal:host-gateway \\
  -e AWS_REGION={region} {account}.dkr.ecr.{region}.{suffix}/api:1.4
cat > /opt/compose.yaml <<'EOF'
services:
  api:
    image: {account}.dkr.ecr.{region}.{suffix}/api:1.4
    dns:
      - 10.20.0.2
    extra_hosts:
      - "host.docker.internal:host-gateway"
    environment:
      METRICS_URL: http://host.docker.internal:9100/metrics
EOF
docker compose -f /opt/compose.yaml up -d
cat > /etc/nginx/conf.d/resolver.conf <<'EOF'
resolver 169.254.169.253 valid=30s ipv6=off;
EOF
mkdir -p /etc/systemd/resolved.conf.d
printf '[Resolve]\\nDNS=10.20.0.2\\n' > /etc/systemd/resolved.conf.d/vpc.conf
"""

# docker network connect ("Connect a container to a network": `docker network connect [OPTIONS] NETWORK CONTAINER`,
# `--alias`): the api container joins the network after it starts and reaches the database by its name.
DOCKER_NETWORK_CONNECT = """docker network create fleet
docker run -d --network fleet --name fleet-db postgres:16
docker run -d --name api -e DATABASE_URL=postgres://fleet@fleet-db:5432/fleet \\
  {account}.dkr.ecr.{region}.{suffix}/api:1.4
docker network connect fleet api
"""

# The same with the network the connect names not made by the script (the default bridge or one made elsewhere answers
# no name the engine can prove): the database's name stays a host.
DOCKER_NETWORK_CONNECT_OTHER = DOCKER_NETWORK_CONNECT.replace(
    "docker network connect fleet api", "docker network connect shared api"
)

# IAM "Creating a role for an AWS service (AWS CLI)": the trust policy written to a file and given as `file://`, and
# one inline in a double-quoted word (`"Principal": {"Service": "ec2.amazonaws.com"}`: the service the role trusts).
IAM_TRUST_POLICY = """cat > /tmp/ec2-trust.json <<'EOF'
{{
  "Version": "2012-10-17",
  "Statement": [
    {{"Effect": "Allow", "Principal": {{"Service": ["ec2.amazonaws.com", "ssm.amazonaws.com"]}},
      "Action": "sts:AssumeRole"}}
  ]
}}
EOF
aws iam create-role --role-name fleet-node --assume-role-policy-document file:///tmp/ec2-trust.json
aws iam create-role --role-name fleet-fn --assume-role-policy-document \\
  "{{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{{\\"Effect\\":\\"Allow\\",\\"Principal\\":{{\\"Service\\":\\"lambda.amazonaws.com\\"}},\\"Action\\":\\"sts:AssumeRole\\"}}]}}"
aws iam attach-role-policy --role-name fleet-node \\
  --policy-arn arn:{partition}:iam::aws:policy/AmazonSSMManagedInstanceCore
"""
# The same host under an application's own "Service" key (no Principal object): a global endpoint the app may call.
IAM_TRUST_POLICY_APP_SERVICE = (
    IAM_TRUST_POLICY
    + """echo '{{"Service": "sqs.amazonaws.com", "queue": "fleet"}}' > /etc/fleet/queue.json
"""
)

# ssh_config(5) aliases with ProxyJump and LocalForward, used by ssh, scp and git over ssh.
SSH_PROXYJUMP = """mkdir -p /root/.ssh
cat > /root/.ssh/config <<'EOF'
Host bastion
  HostName 10.20.0.5
  User ec2-user
Host db-tunnel
  HostName 10.20.1.30
  ProxyJump bastion
  LocalForward 15432 localhost:5432
Host *.fleet.internal
  User ec2-user
EOF
ssh -fN db-tunnel
ssh bastion uptime
scp /etc/fleet/app.conf bastion:/tmp/app.conf
git clone bastion:/srv/git/fleet.git /opt/fleet-src
"""
SSH_PROXYJUMP_PARTNER = SSH_PROXYJUMP.replace("HostName 10.20.0.5", "HostName {partner}")

# HAProxy `resolvers` / `server`, stunnel `connect`, Redis `CONFIG SET replicaof`, redis.conf appended by echo / sed.
PROXIES_AND_REDIS_OWN = """cat > /etc/haproxy/haproxy.cfg <<'EOF'
global
    log 127.0.0.1 local0
resolvers vpc
    nameserver dns1 10.20.0.2:53
backend app
    balance roundrobin
    server app1 10.20.1.7:8080 check
    server app2 10.20.1.8:8080 check
EOF
cat > /etc/stunnel/stunnel.conf <<'EOF'
[pg]
client = yes
accept = 127.0.0.1:5432
connect = 10.20.1.30:5432
EOF
redis-cli -h 10.20.1.40 CONFIG SET replicaof "10.20.1.41 6379"
echo "replicaof 10.20.1.41 6379" >> /etc/redis/redis.conf
sed -i '$a masterauth secret' /etc/redis/redis.conf
"""

# Postfix relaying through the Region's SES SMTP endpoint (SES "Integrating Amazon SES with Postfix").
POSTFIX_SES = """postconf -e "relayhost = [email-smtp.{region}.{suffix}]:587" "smtp_tls_security_level = encrypt"
postconf -e 'mynetworks = 127.0.0.0/8 10.20.0.0/16'
systemctl restart postfix
"""

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "loop-substitutions": (LOOP_SUBSTITUTIONS, set()),
    "loop-substitutions-partner": (LOOP_SUBSTITUTIONS_PARTNER, {"RES-015"}),
    "loop-metadata-region": (LOOP_METADATA_REGION, set()),
    "positional": (POSITIONAL, set()),
    "here-strings": (HERE_STRINGS, set()),
    "arrays": (ARRAYS, set()),
    "settings-from-metadata": (SETTINGS_FROM_METADATA, set()),
    "vector-own": (VECTOR_OWN, set()),
    "rclone-own": (RCLONE_OWN, set()),
    "relp-failover-own": (RELP_FAILOVER_OWN, set()),
    "resolvers-own": (RESOLVERS_OWN, set()),
    "docker-network-connect": (DOCKER_NETWORK_CONNECT, set()),
    "docker-network-connect-other": (DOCKER_NETWORK_CONNECT_OTHER, {"RES-015"}),
    "iam-trust-policy": (IAM_TRUST_POLICY, set()),
    "ssh-proxyjump": (SSH_PROXYJUMP, set()),
    "ssh-proxyjump-partner": (SSH_PROXYJUMP_PARTNER, {"RES-015"}),
    "proxies-and-redis-own": (PROXIES_AND_REDIS_OWN, set()),
    "postfix-ses": (POSTFIX_SES, set()),
}
"""shape -> (user data, expected rule ids) for every AWS code."""

# RAM CreateRole `--AssumeRolePolicyDocument` (a service principal; the team's own account) and KMS SetKeyPolicy for
# the team's account, inline as the aliyun CLI docs write them.
ALI_CLI_DOCUMENTS = """aliyun ram CreateRole --RoleName fleet-ecs --AssumeRolePolicyDocument '{{"Statement":[{{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{{"Service":["ecs.aliyuncs.com"]}}}}],"Version":"1"}}'
aliyun ram CreateRole --RoleName fleet-admin --AssumeRolePolicyDocument '{{"Statement":[{{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{{"RAM":["acs:ram::{uid}:root"]}}}}],"Version":"1"}}'
aliyun kms SetKeyPolicy --KeyId key-shh1234567890 --PolicyName default --Policy '{{"Version":"1","Statement":[{{"Effect":"Allow","Principal":{{"RAM":["acs:ram::{uid}:*"]}},"Action":["kms:*"],"Resource":["*"]}}]}}' --region {region}
"""  # noqa: E501
ALI_CLI_DOCUMENTS_PARTNER = ALI_CLI_DOCUMENTS.replace("acs:ram::{uid}:root", "acs:ram::{partner_uid}:root")

# The same trust policy written to a file and read back with `$(cat ...)` (a service principal), and one naming the
# owner account from the ECS metadata (`owner-account-id`).
ALI_CLI_POLICY_FILE = """cat > /tmp/trust.json <<'EOF'
{{"Statement":[{{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{{"Service":["fc.aliyuncs.com"]}}}}],"Version":"1"}}
EOF
aliyun ram CreateRole --RoleName fleet-fc --AssumeRolePolicyDocument "$(cat /tmp/trust.json)"
OWNER=$(curl -s {imds}/meta-data/owner-account-id)
aliyun ram CreateRole --RoleName fleet-ops --AssumeRolePolicyDocument "{{\\"Statement\\":[{{\\"Action\\":\\"sts:AssumeRole\\",\\"Effect\\":\\"Allow\\",\\"Principal\\":{{\\"RAM\\":[\\"acs:ram::$OWNER:root\\"]}}}}],\\"Version\\":\\"1\\"}}"
aliyun ecs DescribeInstances --RegionId {region}
"""  # noqa: E501
# The owner variable read from a parameter the team keeps (OOS GetParameter): nothing proves whose account it names.
ALI_CLI_POLICY_FILE_OWNER_PARAMETER = ALI_CLI_POLICY_FILE.replace(
    "OWNER=$(curl -s {imds}/meta-data/owner-account-id)",
    "OWNER=$(aliyun oos GetParameter --RegionId {region} --Name fleet-owner | jq -r .Parameter.Value)",
)
ALI_CLI_POLICY_FILE_PARTNER = ALI_CLI_POLICY_FILE.replace(
    '"Service":["fc.aliyuncs.com"]', '"RAM":["acs:ram::{partner_uid}:root"]'
)

# Alibaba Cloud's VPC resolvers (100.100.2.136 / .138) and NTP VPC endpoint, docker `--dns` on ECS.
ALI_RESOLVERS = """cat > /etc/resolv.conf <<'EOF'
nameserver 100.100.2.136
nameserver 100.100.2.138
options timeout:2 attempts:3 rotate single-request-reopen
EOF
sed -i 's/^server /#server /' /etc/chrony.conf
echo "server ntp.cloud.aliyuncs.com iburst" >> /etc/chrony.conf
docker run -d --dns 100.100.2.136 --name api registry-vpc.{region}.aliyuncs.com/fleet/api:1.4
"""

ALI_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "ali-cli-documents": (ALI_CLI_DOCUMENTS, set()),
    "ali-cli-documents-partner": (ALI_CLI_DOCUMENTS_PARTNER, {"RES-023"}),
    "ali-cli-policy-file": (ALI_CLI_POLICY_FILE, set()),
    "ali-cli-policy-file-partner": (ALI_CLI_POLICY_FILE_PARTNER, {"RES-023"}),
    "ali-cli-policy-file-owner-parameter": (ALI_CLI_POLICY_FILE_OWNER_PARAMETER, {"RES-023"}),
    "ali-resolvers": (ALI_RESOLVERS, set()),
}
"""shape -> (user data, expected rule ids) for every Alibaba Cloud code."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm55-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    app = _boot(IAM_TRUST_POLICY_APP_SERVICE)
    out += [(f"falsealarm55-{code.lower()}-iam-trust-policy-app-service", code, app(code),
             {"RES-006"} if code == "CN" else {"RES-015"}, []) for code in AWS_CODES]  # fmt: skip
    for shape, (body, expected) in ALI_PROGRAMS.items():
        out += [(f"falsealarm55-{code.lower()}-{shape}", code, _ali(body)(code), expected, []) for code in ALI_CODES]
    return out
