"""False alarms, round 15 (stop 54, issue 9: falsealarm54).

Everyday compliant programs over what stop 53 changed (docs/residency.md, the "(stop 53)" sections), written from the
tools' manuals and the pulumi-aws v7 / pulumi-alicloud instance, ECS task definition and ROS stack pages: names a
script maps in ``/etc/hosts`` (by a variable holding a private address, by the machine's own address from the
metadata or ``hostname -i``), Compose ``extra_hosts`` and ``docker run --add-host`` to addresses in the VPC, a Compose
service's ``container_name``, an ECS container's ``extraHosts``, ``rsync`` / ``scp`` to an ssh_config alias
(``alias:/path``), ssh bastions by their EC2 DNS names, Postfix through ``postconf -e`` and a full msmtprc, docker
``--log-opt`` addresses on the machine or in the VPC (``tcp+tls://``, ``unixgram://``, ``[::1]``, ``$(hostname -i)``),
the SDK Region variables and settings files filled from the metadata, nginx one-line blocks, the aliyun CLI's JSON
``--RegionIds`` of the home Region, the owner account from the ECS metadata, and ROS hub-service templates on a China
site account (CN) and an international one (JP, declared); in EU / DE / US / JP / CN (aws-cn cn-north-1; Alibaba
cn-shanghai, ap-northeast-1, eu-central-1).

Reproduced on the unchanged engine (main 51ca59f): the compliant programs of six AWS shapes (``etc-hosts-variable``,
``etc-hosts-own-address``, ``compose-extra-hosts-private``, ``docker-add-host-private``, ``compose-container-name``,
``rsync-ssh-alias``), the ECS task definition ``ecs-extra-hosts-private`` and the Alibaba ``ali-hosts-own`` were
refused at every door (RES-015: the name read as a host under no catalogued suffix): 38 of the 68 compliant programs,
76 of the 186 table tests; the 25 refused twins were refused there too (docs/residency.md "False alarms, round 15
(stop 54)"). What changed: a name a hosts file maps only to private addresses (or the
machine's own) is that address for the text or container holding the mapping; a Compose ``container_name`` is the
service's name; ``alias:/path`` on an scp / rsync line is the ssh_config alias. The refused twins (a public address, a
value the engine cannot compute, an NFS mount of the alias) stay RES-015.

Ids: ``falsealarm54-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    ALI_METADATA,
    AWS_HOME,
    DEPLOYER,
    IMDS,
    OWN_ACCOUNT,
    OWN_UID,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
    ros_template,
)
from platform_programs_falsealarm53b import WAF_ORIGIN_DECLARED

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"
PUBLIC = "203.0.113.5"
"""A public address (TEST-NET-3), the refused twins' mapping: nothing places it in a country."""
TOKEN = (
    'TOKEN=$(curl -sX PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\n'
)
"""IMDSv2: the session token every later metadata request sends."""


def _private_dns(code: str) -> str:
    """An instance's private DNS name in the Region (EC2 "Amazon EC2 instance hostname types": ``ip-<address>.ec2.
    internal`` in us-east-1, ``ip-<address>.<region>.compute.internal`` elsewhere)."""
    return "ip-10-20-1-7.ec2.internal" if code == "US" else f"ip-10-20-1-7.{AWS_HOME[code]}.compute.internal"


def _boot(body: str) -> Callable[[str], Build]:
    """An EC2 instance whose user data is ``body`` formatted with the stack's Region (``{region}``), its DNS suffix
    (``{suffix}``), the lower-case code (``{c}``), the mail relay (``{smtp}``: SES's SMTP endpoint in the Region; the
    VPC's relay in CN, where SES is not offered), the metadata's base URL (``{imds}``), the account (``{account}``),
    the private DNS name of an app instance (``{private_dns}``) and a public address (``{public}``)."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            region = AWS_HOME[code]
            smtp = "10.20.0.25" if code == "CN" else f"email-smtp.{region}.{dns_suffix(code)}"
            values = {"region": region, "suffix": dns_suffix(code), "c": code.lower(), "smtp": smtp, "imds": IMDS,
                      "account": OWN_ACCOUNT, "private_dns": _private_dns(code), "public": PUBLIC}  # fmt: skip
            aws.s3.Bucket("logs", bucket=f"fleet-logs-{code.lower()}", opts=c.aws)
            # docs: ec2/instance (user_data)
            return aws.ec2.Instance("fleet", ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\nset -euo pipefail\n" + body.format(**values),
                                    opts=c.aws)  # fmt: skip

        return build

    return make


# hosts(5) "IP_address canonical_hostname [aliases...]", the address in a variable the script sets to the database's
# private address; the names then at psql(1) `-h`, redis.conf `replicaof` and a URL.
ETC_HOSTS_VARIABLE = """DB_IP=10.20.1.30
CACHE_IP="10.20.1.40"
echo "$DB_IP db.fleet.internal db" >> /etc/hosts
echo "${{CACHE_IP}} cache.fleet.internal" | sudo tee -a /etc/hosts > /dev/null
cat > /etc/redis/redis.conf <<'EOF'
replicaof cache.fleet.internal 6379
EOF
PGPASSWORD=$(aws ssm get-parameter --name /fleet/db-password --with-decryption --query Parameter.Value \\
  --output text --region {region}) psql -h db.fleet.internal -U fleet -c 'select 1'
curl -fsS http://cache.fleet.internal:9121/metrics
"""
# The same with the address the script cannot prove inside the VPC: a public address, a value from Parameter Store.
ETC_HOSTS_VARIABLE_PUBLIC = ETC_HOSTS_VARIABLE.replace("DB_IP=10.20.1.30", "DB_IP={public}")
ETC_HOSTS_VARIABLE_UNKNOWN = ETC_HOSTS_VARIABLE.replace(
    "DB_IP=10.20.1.30",
    "DB_IP=$(aws ssm get-parameter --name /fleet/db-ip --query Parameter.Value --output text --region {region})",
)

# The machine's own address (IMDSv2 `local-ipv4`, hostname(1) `-i`) under a service name: Kafka's advertised listener
# (server.properties) and a health check reach the broker on the machine itself.
ETC_HOSTS_OWN_ADDRESS = (
    TOKEN
    + """LOCAL_IP=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/local-ipv4)
echo "$LOCAL_IP $(hostname -f) kafka-1.fleet.internal" >> /etc/hosts
echo "$(hostname -i) api.fleet.internal" | sudo tee -a /etc/hosts
cat > /opt/kafka/config/server.properties <<'EOF'
broker.id=1
listeners=PLAINTEXT://0.0.0.0:9092
advertised.listeners=PLAINTEXT://kafka-1.fleet.internal:9092
log.dirs=/var/lib/kafka
EOF
systemctl start kafka
curl -fsS http://api.fleet.internal:8080/healthz
"""
)

# Compose file reference `extra_hosts` ("Adds hostname mappings to the container network interface configuration
# (/etc/hosts for Linux)"): the database and cache in the VPC, named by the app's environment.
COMPOSE_EXTRA_HOSTS = """mkdir -p /opt/fleet
cat > /opt/fleet/compose.yaml <<'EOF'
services:
  api:
    image: {account}.dkr.ecr.{region}.{suffix}/api:1.4
    extra_hosts:
      - "db.fleet.internal:10.20.1.30"
      - "cache.fleet.internal=10.20.1.40"
    environment:
      AWS_REGION: {region}
      DATABASE_URL: postgres://fleet@db.fleet.internal:5432/fleet
      REDIS_URL: redis://cache.fleet.internal:6379/0
EOF
docker compose -f /opt/fleet/compose.yaml up -d
"""
COMPOSE_EXTRA_HOSTS_PUBLIC = COMPOSE_EXTRA_HOSTS.replace("db.fleet.internal:10.20.1.30", "db.fleet.internal:{public}")

# docker container run `--add-host` ("Add a custom host-to-IP mapping (host:ip)").
DOCKER_ADD_HOST = """docker run -d --name api --add-host db.fleet.internal:10.20.1.30 \\
  --add-host=cache.fleet.internal:10.20.1.40 \\
  -e DATABASE_URL=postgres://fleet@db.fleet.internal:5432/fleet -e REDIS_HOST=cache.fleet.internal \\
  {account}.dkr.ecr.{region}.{suffix}/api:1.4
"""

# Compose `container_name`: Docker's embedded DNS answers a container's name on the project's (user-defined) network.
COMPOSE_CONTAINER_NAME = """mkdir -p /opt/fleet
cat > /opt/fleet/docker-compose.yml <<'EOF'
services:
  db:
    image: postgres:16
    container_name: fleet-postgres
    volumes: ["/var/lib/fleet/pg:/var/lib/postgresql/data"]
  worker:
    image: {account}.dkr.ecr.{region}.{suffix}/worker:1.4
    container_name: fleet-worker
    depends_on: [db]
    environment:
      DATABASE_URL: postgres://fleet@fleet-postgres:5432/fleet
      AWS_REGION: {region}
EOF
docker compose -f /opt/fleet/docker-compose.yml up -d
"""

# ssh_config(5) `Host` alias with `HostName`; rsync(1) / scp(1) `[user@]host:path`, the remote shell ssh reading it.
RSYNC_SSH_ALIAS = """mkdir -p /root/.ssh
cat > /root/.ssh/config <<'EOF'
Host app.fleet
  HostName 10.20.1.7
  User ec2-user
  IdentityFile /root/.ssh/fleet.pem
EOF
rsync -az --delete /opt/fleet/releases/ app.fleet:/opt/fleet/releases/
scp /opt/fleet/schema.sql app.fleet:/tmp/schema.sql
"""
# The alias mounted over NFS (mount.nfs reads no ssh_config: the name is looked up in DNS).
RSYNC_SSH_ALIAS_NFS = RSYNC_SSH_ALIAS + "mount -t nfs4 app.fleet:/srv/exports /mnt/releases\n"

# A bastion by its public DNS name in the Region, the app by its private DNS name (EC2 instance hostname types).
SSH_BASTION_DNS = """mkdir -p /home/ec2-user/.ssh
cat > /home/ec2-user/.ssh/config <<'EOF'
Host bastion
  HostName ec2-54-93-1-2.{region}.compute.{suffix}
  User ec2-user
Host app
  HostName {private_dns}
  ProxyJump bastion
EOF
chown -R ec2-user /home/ec2-user/.ssh
sudo -u ec2-user ssh app uptime
"""

# postconf(1) `-e` ("Edit the main.cf configuration file"), and an msmtprc with its usual settings.
MAIL_RELAY_POSTCONF = """postconf -e 'relayhost = [{smtp}]:587' 'smtp_tls_security_level = encrypt' \\
  'smtp_sasl_auth_enable = yes' 'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd'
cat >> /etc/postfix/main.cf <<'EOF'
myhostname = fleet-api.fleet.internal
mydestination = $myhostname, localhost.$mydomain, localhost
mynetworks = 127.0.0.0/8 10.20.0.0/16
inet_interfaces = loopback-only
EOF
cat > /etc/msmtprc <<'EOF'
defaults
auth           on
tls            on
tls_trust_file /etc/ssl/certs/ca-certificates.crt
logfile        /var/log/msmtp.log
account        relay
host           {smtp}
port           587
tls_starttls   on
from           alerts@fleet.example.com
passwordeval   "aws ssm get-parameter --name /fleet/smtp --with-decryption --query Parameter.Value --output text"
account default : relay
EOF
systemctl restart postfix
"""

# Docker logging drivers' address options on the machine or in the VPC (syslog `tcp+tls://`, `unixgram://`; fluentd
# on a UNIX socket, `tcp://localhost`, `[::1]`, the machine's own address; gelf in the VPC; awslogs at home).
DOCKER_LOGOPT_OWN = """docker run -d --log-driver syslog --log-opt syslog-address=tcp+tls://10.20.0.9:6514 \\
  --log-opt syslog-format=rfc5424 nginx:1.27
docker run -d --log-driver syslog --log-opt syslog-address=unixgram:///dev/log nginx:1.27
docker run -d --log-driver fluentd --log-opt fluentd-address=unix:///var/run/fluent.sock nginx:1.27
docker run -d --log-driver fluentd --log-opt fluentd-address=tcp://localhost:24224 --log-opt fluentd-async=true \\
  nginx:1.27
docker run -d --log-driver fluentd --log-opt fluentd-address=[::1]:24224 nginx:1.27
docker run -d --log-driver fluentd --log-opt fluentd-address=$(hostname -i):24224 nginx:1.27
docker run -d --log-driver gelf --log-opt gelf-address=udp://10.20.0.9:12201 --log-opt gelf-compression-type=none \\
  nginx:1.27
docker run -d --log-driver json-file --log-opt max-size=10m --log-opt max-file=3 --log-opt labels=app nginx:1.27
docker run -d --log-driver awslogs --log-opt awslogs-region={region} --log-opt awslogs-group=/fleet/web \\
  --log-opt awslogs-endpoint=https://logs.{region}.{suffix} nginx:1.27
"""

# The SDK Region variables (AWS CLI "Environment variables": AWS_REGION, AWS_DEFAULT_REGION) and settings files
# filled from the metadata's Region (an unquoted here-document expands `$R`; sed(1) `s///` of a placeholder).
SDK_REGION_OWN = (
    TOKEN
    + """export AWS_REGION=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/placement/region)
export AWS_DEFAULT_REGION=$AWS_REGION
echo "AWS_REGION=$AWS_REGION" >> /etc/environment
aws configure set region "$AWS_REGION"
R=$AWS_REGION
mkdir -p /etc/fleet /root/.aws
cat > /etc/fleet/app.env <<EOF
AWS_REGION=$R
S3_ENDPOINT=https://s3.$R.{suffix}
SQS_URL=https://sqs.$R.{suffix}/{account}/fleet-jobs
EOF
sed -i "s/REGION_PLACEHOLDER/$R/g" /etc/fleet/agent.yaml
cat > /root/.aws/config <<EOF
[default]
region = $R
EOF
aws s3 ls s3://fleet-logs-{c}/ --region "$AWS_DEFAULT_REGION"
"""
)

# nginx "Configuration File's Structure": one-line blocks (a redirect to the request's own host, a stream proxy to the
# database in the VPC, a status page for the machine, the VPC resolver at 169.254.169.253).
NGINX_ONELINERS = """cat > /etc/nginx/conf.d/fleet.conf <<'EOF'
resolver 169.254.169.253 valid=30s;
map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
server {{ listen 80 default_server; server_name _; return 301 https://$host$request_uri; }}
server {{ listen 8081; location /nginx_status {{ stub_status; allow 127.0.0.1; deny all; }} }}
server {{ listen 443 ssl; location / {{ proxy_pass http://127.0.0.1:8080; proxy_http_version 1.1; }} }}
EOF
cat > /etc/nginx/stream.d/db.conf <<'EOF'
upstream db {{ server 10.20.1.30:5432 max_fails=3; server 10.20.1.31:5432 backup; }}
server {{ listen 5432; proxy_pass db; }}
EOF
nginx -t && systemctl reload nginx
"""

AWS_PROGRAMS: dict[str, tuple[str, set[str]]] = {
    "etc-hosts-variable": (ETC_HOSTS_VARIABLE, set()),
    "etc-hosts-variable-public": (ETC_HOSTS_VARIABLE_PUBLIC, {"RES-015"}),
    "etc-hosts-variable-unknown": (ETC_HOSTS_VARIABLE_UNKNOWN, {"RES-015"}),
    "etc-hosts-own-address": (ETC_HOSTS_OWN_ADDRESS, set()),
    "compose-extra-hosts-private": (COMPOSE_EXTRA_HOSTS, set()),
    "compose-extra-hosts-public": (COMPOSE_EXTRA_HOSTS_PUBLIC, {"RES-015"}),
    "docker-add-host-private": (DOCKER_ADD_HOST, set()),
    "compose-container-name": (COMPOSE_CONTAINER_NAME, set()),
    "rsync-ssh-alias": (RSYNC_SSH_ALIAS, set()),
    "rsync-ssh-alias-nfs": (RSYNC_SSH_ALIAS_NFS, {"RES-015"}),
    "ssh-bastion-dns": (SSH_BASTION_DNS, set()),
    "mail-relay-postconf": (MAIL_RELAY_POSTCONF, set()),
    "docker-logopt-own": (DOCKER_LOGOPT_OWN, set()),
    "sdk-region-own": (SDK_REGION_OWN, set()),
    "nginx-oneliners": (NGINX_ONELINERS, set()),
}


def ecs_extra_hosts(address: str) -> Callable[[str], Build]:
    """An ECS task (bridge network mode, EC2 launch type) whose container maps the database's name to ``address`` by
    ``extraHosts`` and reaches it by that name (ContainerDefinition ``extraHosts``: "A list of hostnames and IP address
    mappings to append to the /etc/hosts file on the container"; not supported in the awsvpc network mode)."""

    def make(code: str) -> Build:
        def build(c: Any) -> object:
            region, suffix = AWS_HOME[code], dns_suffix(code)
            container = {
                "name": "api", "image": f"{OWN_ACCOUNT}.dkr.ecr.{region}.{suffix}/api:1.4", "essential": True,
                "memory": 512, "portMappings": [{"containerPort": 8080, "hostPort": 0}],
                "extraHosts": [{"hostname": "db.fleet.internal", "ipAddress": address},
                               {"hostname": "cache.fleet.internal", "ipAddress": "10.20.1.40"}],
                "environment": [{"name": "DB_HOST", "value": "db.fleet.internal"},
                                {"name": "REDIS_URL", "value": "redis://cache.fleet.internal:6379/0"},
                                {"name": "AWS_REGION", "value": region}],
            }  # fmt: skip
            # docs: ecs/taskdefinition (container_definitions: "A list of valid container definitions provided as a
            # single valid JSON document"; network_mode bridge)
            return aws.ecs.TaskDefinition("api", family="fleet-api", network_mode="bridge",
                                          requires_compatibilities=["EC2"],
                                          container_definitions=json.dumps([container]), opts=c.aws)  # fmt: skip

        return build

    return make


# -- Alibaba Cloud ----------------------------------------------------------------------------------------------------


def ali_hosts_own(code: str) -> Build:
    def build(c: Any) -> object:
        # /etc/hosts on ECS: the database's private address, and the instance's own private address from the metadata
        # (ECS "Instance metadata": meta-data/private-ipv4) under the service's name.
        c.ali_role = DEPLOYER
        script = (
            "#!/bin/bash\nset -e\n"
            "echo '192.168.1.30 db.fleet.internal' >> /etc/hosts\n"
            f"IP=$(curl -s {ALI_METADATA}/meta-data/private-ipv4)\n"
            'echo "$IP $(hostname) api.fleet.internal" >> /etc/hosts\n'
            "mysql -h db.fleet.internal -u fleet -e 'select 1'\n"
            "curl -fsS http://api.fleet.internal:8080/healthz\n"
        )
        return ali_boot(c, script)

    return build


def ali_cli_own(code: str) -> Build:
    def build(c: Any) -> object:
        # The aliyun CLI's JSON list parameters (`--RegionIds '["<home>"]'`, DescribeRegions / DescribeMetricList),
        # the Region and instance from the metadata, and the owner account from it (meta-data/owner-account-id) as a
        # CEN child instance's owner (AttachCenChildInstance ChildInstanceOwnerId).
        c.ali_role = DEPLOYER
        region = ALI_HOME[code]
        script = (
            "#!/bin/bash\nset -e\n"
            f"aliyun ecs DescribeRegions --RegionIds '[\"{region}\"]'\n"
            "aliyun cms DescribeMetricList --Namespace acs_ecs_dashboard --MetricName CPUUtilization "
            f'--RegionIds "[\\"{region}\\"]"\n'
            f"R=$(curl -s {ALI_METADATA}/meta-data/region-id)\n"
            f"ID=$(curl -s {ALI_METADATA}/meta-data/instance-id)\n"
            'aliyun ecs DescribeInstances --RegionId $R --InstanceIds "[\\"$ID\\"]"\n'
            f"OWNER=$(curl -s {ALI_METADATA}/meta-data/owner-account-id)\n"
            "aliyun cen AttachCenChildInstance --CenId cen-fleet0001 --ChildInstanceId vpc-fleet0001 "
            "--ChildInstanceType VPC --ChildInstanceRegionId $R --ChildInstanceOwnerId $OWNER\n"
        )
        return ali_boot(c, script)

    return build


def _hub_resources(region: str) -> dict[str, Any]:
    """ROS resources of the Alibaba Cloud hub services (Cloud Config's rule and delivery channel to the stack's SLS
    logstore, Cloud Firewall, ESA, Security Center, WAF: the types alired53 reads by namespace)."""
    return {
        "Rule": {"Type": "ALIYUN::Config::Rule", "Properties": {
            "RuleName": "ecs-instance-no-public-ip", "SourceOwner": "ALIYUN",
            "SourceIdentifier": "ecs-instance-no-public-ip",
            "ConfigRuleTriggerTypes": "ConfigurationItemChangeNotification", "RiskLevel": 1}},
        "Channel": {"Type": "ALIYUN::Config::DeliveryChannel", "Properties": {
            "DeliveryChannelType": "SLS", "DeliveryChannelName": "fleet-config",
            "DeliveryChannelAssumeRoleArn": f"acs:ram::{OWN_UID}:role/aliyunserviceroleforconfig",
            "DeliveryChannelTargetArn": f"acs:log:{region}:{OWN_UID}:project/fleet-config/logstore/config"}},
    }  # fmt: skip


def ali_ros_hub_domestic(code: str) -> Build:
    def build(c: Any) -> object:
        # CN under a provider naming the China site (pulumi-alicloud Provider account_type "Domestic"): the hub
        # services of a China-site account run in mainland China; with Cloud Firewall, ESA (domestic coverage),
        # Security Center and WAF beside Cloud Config.
        region = ALI_HOME[code]
        provider = alicloud.Provider("domestic", region=region, account_type="Domestic",
                                     assume_role={"role_arn": DEPLOYER, "session_name": "ci"})  # fmt: skip
        resources = {
            **_hub_resources(region),
            "Policy": {"Type": "ALIYUN::CLOUDFW::ControlPolicy", "Properties": {
                "AclAction": "accept", "Description": "depots to the fleet API", "Destination": "10.20.0.10/32",
                "DestinationType": "net", "Direction": "in", "Proto": "TCP", "Source": "203.0.113.0/24",
                "SourceType": "net", "DestPort": "443", "ApplicationName": "ANY"}},
            "Site": {"Type": "ALIYUN::ESA::Site", "Properties": {
                "InstanceId": "esa-site-fleet01", "SiteName": "fleet-portal.example.cn", "AccessType": "NS",
                "Coverage": "domestic"}},
            "BruteForce": {"Type": "ALIYUN::ThreatDetection::AntiBruteForceRule", "Properties": {
                "AntiBruteForceRuleName": "fleet-ssh", "DefaultRule": True, "FailCount": 5, "ForbiddenTime": 60,
                "Span": 10, "UuidList": ["inst-uuid-fleet01"]}},
            "Waf": {"Type": "ALIYUN::WAF::Domain", "Properties": {
                "InstanceId": "waf_cn_fleet0001", "DomainName": "portal.fleet.example.cn", "IsAccessProduct": 0,
                "HttpPort": ["80"], "SourceIps": ["47.100.10.20"]}},
        }  # fmt: skip
        opts = pulumi.ResourceOptions(provider=provider)
        return alicloud.ros.Stack("hub", stack_name="hub", template_body=ros_template(resources), opts=opts)

    return build


def ali_ros_hub_international(code: str) -> Build:
    def build(c: Any) -> object:
        # JP under a provider naming the international site: Cloud Config is run from Singapore (alired52 / alired53),
        # so the program declares the configuration history's transfer (HUB_DECLARED), as the docs tell a user to.
        region = ALI_HOME[code]
        provider = alicloud.Provider("international", region=region, account_type="International",
                                     assume_role={"role_arn": DEPLOYER, "session_name": "ci"})  # fmt: skip
        opts = pulumi.ResourceOptions(provider=provider)
        return alicloud.ros.Stack("hub", stack_name="hub", template_body=ros_template(_hub_resources(region)),
                                  opts=opts)  # fmt: skip

    return build


HUB_DECLARED = {
    "id": "config-history", "kind": "transfer", "match": "alicloud-config-hub-region", "destination": "SG",
    "data_classes": ["audit_logs"], "basis": "documented-assessment", "reference": "JP-2026-054",
    "approved_by": "dpo", "expires": "2027-12-31",
}  # fmt: skip
"""Cloud Config in Singapore declared as a transfer by its catalogue entry's id (alired53's form)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (body, expected) in AWS_PROGRAMS.items():
        out += [(f"falsealarm54-{code.lower()}-{shape}", code, _boot(body)(code), expected, []) for code in AWS_CODES]
    for shape, address, expected in (("ecs-extra-hosts-private", "10.20.1.30", set()),
                                     ("ecs-extra-hosts-public", PUBLIC, {"RES-015"})):  # fmt: skip
        out += [(f"falsealarm54-{code.lower()}-{shape}", code, ecs_extra_hosts(address)(code), expected, [])
                for code in AWS_CODES]  # fmt: skip
    for shape, make in (("ali-hosts-own", ali_hosts_own), ("ali-cli-own", ali_cli_own)):
        out += [(f"falsealarm54-{code.lower()}-{shape}", code, make(code), set(), []) for code in ALI_CODES]
    # (awsred57b) its WAF domain's public origin declared (falsealarm53b's WAF_ORIGIN_DECLARED: the same address)
    out.append(("falsealarm54-cn-ali-ros-hub-domestic", "CN", ali_ros_hub_domestic("CN"), set(), [WAF_ORIGIN_DECLARED]))
    out.append(
        ("falsealarm54-jp-ali-ros-hub-international-declared", "JP", ali_ros_hub_international("JP"), set(),
         [HUB_DECLARED])
    )  # fmt: skip
    return out
