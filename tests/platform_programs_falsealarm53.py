"""False alarms, round 13 (stop 53, issue 9: falsealarm53).

Everyday compliant programs over stop 52's changes and the configuration files users write daily, written from the
provider and tool manuals (pulumi-aws v7 / pulumi-alicloud ec2 and ecs instances' user data, systemd.exec(5),
Helm, Terraform's JSON syntax, npmrc(5) / pip's configuration, CodeArtifact, dockerd's daemon.json, nginx, Docker
Compose, curl(1) / wget(1), the EC2 IMDSv2 guide, the aliyun CLI): the metadata's Region by IMDSv2 at ``--region``,
``${AWS_REGION:-<home>}``, a Region / address written into a file and read back, a crontab backup with ``\\%``,
systemd units and drop-ins with ``Environment=`` endpoints, a Helm values file and an OCI chart in the account's
ECR, Terraform ``main.tf.json`` / ``terraform.tfvars.json`` with an S3 backend the stack makes, ``.npmrc`` /
``pip.conf`` at the account's CodeArtifact, dockerd's awslogs driver, nginx to its own sockets and upstreams, a
Compose file reaching the host by ``host.docker.internal:host-gateway``, ``docker run --add-host``, ``curl -o`` /
``wget -O`` / ``tee`` of the metadata read back; Alibaba Cloud systemd units, the aliyun CLI's image and snapshot
copies to the Region, a ``Domestic`` provider; in EU / DE / US / JP / CN (aws-cn cn-north-1; Alibaba cn-shanghai,
ap-northeast-1, eu-central-1).

Reproduced on the unchanged engine (main 45eea1d): **30 of the 89 compliant programs were refused** at every door
(each failing first at the guard): ``file-readback-own`` (RES-011: a Region curl wrote into a file, read back by
``$(cat FILE)``), ``file-download-own`` (RES-011: the same by ``curl -o``), ``file-tee-own`` (RES-011: by ``| tee
FILE`` and ``2>/dev/null > FILE``), ``compose-host-gateway`` (RES-015: any
``extra_hosts`` entry closed the file's service names, and ``host.docker.internal`` was a host), ``docker-add-host``
(RES-015) and ``nginx-local`` (RES-015: ``proxy_pass http://unix:/run/...sock`` read as a host ``unix``, and
``ip6-localhost``), x5 jurisdictions each. What changed is in docs/residency.md "False alarms, round 13 (stop 53)".
Their leak twins (a service's name mapped outside, another name mapped outside, the daemon's ``host-gateway-ip``
moved, a filter computing another country's Region, a command not computable, a host named ``unix`` with a port) are
refused here and were on main too. Package registries are destinations by the stop-49 decision (mirrors and installers:
RES-015 until declared; ``mirrors.aliyun.com`` RES-016 as an ``aliyun.com`` edge host): the company's repository
manager passes once declared, npm's and PyPI's public registries stay refused; the account's CodeArtifact in the
Region passes undeclared.

Ids: ``falsealarm53-<code>-<shape>[-<twin>]``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_ABROAD,
    AWS_HOME,
    DEPLOYER,
    IMDS,
    OWN_ACCOUNT,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
)

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
AMI = "ami-0a1b2c3d4e5f60718"
DB_ADDRESS = "10.20.1.30"
"""The database's private address in the stack's VPC."""
TOKEN = (
    'TOKEN=$(curl -sX PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\n'
)
"""IMDSv2: the session token every later metadata request sends (EC2 user guide, "Retrieve instance metadata")."""


def _instance(c: Any, script: str, name: str = "fleet") -> object:
    # docs: ec2/instance (user_data)
    return aws.ec2.Instance(name, ami=AMI, instance_type="t3.medium", subnet_id=SUBNETS[0], user_data=script,
                            opts=c.aws)  # fmt: skip


def _ecr(code: str) -> str:
    return f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{dns_suffix(code)}"


def _s3(code: str) -> str:
    return f"https://s3.{AWS_HOME[code]}.{dns_suffix(code)}"


def imdsv2_region(code: str) -> Build:
    def build(c: Any) -> object:
        # EC2 user guide, "Use IMDSv2": a token first, then each request with the token header; the Region at a
        # --region argument as a command substitution (stop 52 reads the machine's own commands).
        script = (
            "#!/bin/bash\nset -euo pipefail\n"
            + TOKEN
            + 'aws s3 cp /var/log/cloud-init-output.log s3://fleet-boot-logs/ --region "$(curl -s -H '
            + f'"X-aws-ec2-metadata-token: $TOKEN" {IMDS}/meta-data/placement/region)"\n'
            + f'R=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {IMDS}/meta-data/placement/region)\n'
            + "aws ssm get-parameter --name /fleet/db --region $R\n"
        )
        aws.s3.Bucket("boot-logs", bucket="fleet-boot-logs", opts=c.aws)
        return _instance(c, script)

    return build


def region_default_expansion(code: str) -> Build:
    def build(c: Any) -> object:
        # bash(1) "Parameter Expansion": ${parameter:-word} gives word when the parameter is unset or null.
        region = AWS_HOME[code]
        script = (
            "#!/bin/bash\nset -e\n"
            f"aws s3 sync /srv/exports s3://fleet-exports-{code.lower()}/ --region ${{AWS_REGION:-{region}}}\n"
            f'export AWS_DEFAULT_REGION="${{AWS_DEFAULT_REGION:-{region}}}"\n'
            "aws sqs list-queues --region $AWS_DEFAULT_REGION\n"
        )
        aws.s3.Bucket("exports", bucket=f"fleet-exports-{code.lower()}", opts=c.aws)
        return _instance(c, script)

    return build


def file_readback_own(code: str) -> Build:
    def build(c: Any) -> object:
        # A Region from the metadata written into a file at boot, read back by a later command (stop 52 reads files
        # the script writes back).
        script = (
            "#!/bin/bash\nset -e\n" + TOKEN + "mkdir -p /etc/fleet\n"
            f'curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {IMDS}/meta-data/placement/region > /etc/fleet/region\n'
            f"echo {DB_ADDRESS} > /etc/fleet/db_host\n"
            "read -r DB_HOST < /etc/fleet/db_host\n"
            "psql -h $DB_HOST -U fleet -c 'select 1'\n"
            "aws s3 ls s3://fleet-boot-logs/ --region $(cat /etc/fleet/region)\n"
        )
        aws.s3.Bucket("boot-logs", bucket="fleet-boot-logs", opts=c.aws)
        return _instance(c, script)

    return build


def cron_backup(code: str) -> Build:
    def build(c: Any) -> object:
        # crontab(5): an escaped \\% stays a percent sign; a nightly dump copied to the stack's own bucket.
        region = AWS_HOME[code]
        line = (
            f"30 2 * * * root pg_dump -h {DB_ADDRESS} -U fleet fleet | gzip > /var/backups/fleet-$(date +\\%F).sql.gz"
            f" && aws s3 cp /var/backups/ s3://fleet-backups-{code.lower()}/ --recursive --region {region}"
        )
        script = f"#!/bin/bash\nset -e\ncat > /etc/cron.d/fleet-backup <<'EOF'\n{line}\nEOF\n"
        aws.s3.Bucket("backups", bucket=f"fleet-backups-{code.lower()}", opts=c.aws)
        return _instance(c, script)

    return build


def systemd_unit(code: str) -> Build:
    def build(c: Any) -> object:
        # systemd.exec(5) Environment= / EnvironmentFile=; systemd.service(5) ExecStart=
        region = AWS_HOME[code]
        unit = (
            "[Unit]\nDescription=Fleet telemetry API\nAfter=network-online.target\nWants=network-online.target\n\n"
            "[Service]\nType=simple\nUser=fleet\n"
            f"Environment=AWS_REGION={region}\n"
            f'Environment="S3_ENDPOINT={_s3(code)}" "DB_HOST={DB_ADDRESS}" "DB_PORT=5432"\n'
            "Environment=REDIS_URL=redis://127.0.0.1:6379/0\n"
            "EnvironmentFile=-/etc/fleet/fleet.env\n"
            "ExecStart=/usr/local/bin/fleet-api --listen 0.0.0.0:8080 --region ${AWS_REGION}\n"
            "Restart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n"
        )
        env = f"QUEUE_URL=https://sqs.{region}.{dns_suffix(code)}/{OWN_ACCOUNT}/fleet-jobs\nLOG_LEVEL=info\n"
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /etc/fleet\n"
            f"cat > /etc/systemd/system/fleet-api.service <<'EOF'\n{unit}EOF\n"
            f"cat > /etc/fleet/fleet.env <<'EOF'\n{env}EOF\n"
            "systemctl daemon-reload\nsystemctl enable --now fleet-api.service\n"
        )
        aws.sqs.Queue("jobs", name="fleet-jobs", opts=c.aws)
        return _instance(c, script)

    return build


def systemd_dropin(code: str) -> Build:
    def build(c: Any) -> object:
        # systemd.unit(5) drop-in directories (<unit>.d/*.conf); the CloudWatch agent's region override
        region = AWS_HOME[code]
        dropin = (
            "[Service]\n"
            f"Environment=AWS_DEFAULT_REGION={region}\n"
            "Environment=HTTPS_PROXY=http://10.20.0.10:3128\n"
            "Environment=NO_PROXY=169.254.169.254,localhost,127.0.0.1\n"
        )
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /etc/systemd/system/amazon-cloudwatch-agent.service.d\n"
            "cat > /etc/systemd/system/amazon-cloudwatch-agent.service.d/override.conf <<'EOF'\n"
            f"{dropin}EOF\nsystemctl daemon-reload\nsystemctl restart amazon-cloudwatch-agent\n"
        )
        return _instance(c, script)

    return build


def helm_values(code: str) -> Build:
    def build(c: Any) -> object:
        # Helm: `helm install -f values.yaml` and `--set`; a chart kept in the account's ECR as an OCI artifact
        # (Amazon ECR user guide, "Pushing a Helm chart"); the Region and the database in the values.
        region = AWS_HOME[code]
        values = (
            "global:\n"
            f"  region: {region}\n"
            "image:\n"
            f"  repository: {_ecr(code)}/fleet-api\n  tag: '1.4.2'\n"
            "config:\n"
            f"  s3Endpoint: {_s3(code)}\n"
            f"  databaseHost: {DB_ADDRESS}\n"
            "  databasePort: 5432\n"
            "service:\n  type: ClusterIP\n  port: 8080\n"
        )
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /opt/fleet\n"
            f"cat > /opt/fleet/values.yaml <<'EOF'\n{values}EOF\n"
            f"aws ecr get-login-password --region {region} | helm registry login --username AWS --password-stdin "
            f"{_ecr(code)}\n"
            f"helm upgrade --install fleet oci://{_ecr(code)}/charts/fleet-api --version 1.4.2 "
            f"-f /opt/fleet/values.yaml --set global.region={region} --namespace fleet --create-namespace\n"
        )
        return _instance(c, script)

    return build


def terraform_json(code: str) -> Build:
    def build(c: Any) -> object:
        # Terraform JSON configuration syntax (*.tf.json): a provider block and an S3 backend the stack makes.
        region = AWS_HOME[code]
        config = {
            "terraform": {"backend": {"s3": {"bucket": f"fleet-tfstate-{code.lower()}", "key": "edge/terraform.tfstate",
                                             "region": region, "encrypt": True}}},
            "provider": {"aws": {"region": region, "allowed_account_ids": [OWN_ACCOUNT]}},
            "variable": {"db_host": {"default": DB_ADDRESS}},
        }  # fmt: skip
        tfvars = {"region": region, "db_host": DB_ADDRESS, "vpc_id": "vpc-0a1b2c3d4e5f60718"}
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /opt/edge\n"
            f"cat > /opt/edge/main.tf.json <<'EOF'\n{json.dumps(config, indent=2)}\nEOF\n"
            f"cat > /opt/edge/terraform.tfvars.json <<'EOF'\n{json.dumps(tfvars, indent=2)}\nEOF\n"
            "cd /opt/edge && terraform init -input=false && terraform apply -auto-approve\n"
        )
        aws.s3.Bucket("tfstate", bucket=f"fleet-tfstate-{code.lower()}", opts=c.aws)
        return _instance(c, script)

    return build


def codeartifact_npm_pip(code: str) -> Build:
    def build(c: Any) -> object:
        # CodeArtifact user guide: "Configure npm without using the login command" (.npmrc registry=, :_authToken)
        # and "Configure pip" (pip.conf index-url with aws:<token>@); the domain and repository the stack makes.
        region = AWS_HOME[code]
        host = f"fleet-{OWN_ACCOUNT}.d.codeartifact.{region}.amazonaws.com"
        npmrc = (
            f"registry=https://{host}/npm/packages/\n//{host}/npm/packages/:_authToken=${{CODEARTIFACT_AUTH_TOKEN}}\n"
        )
        pipconf = f"[global]\nindex-url = https://aws:${{CODEARTIFACT_AUTH_TOKEN}}@{host}/pypi/packages/simple/\n"
        script = (
            "#!/bin/bash\nset -e\n"
            "export CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain fleet "
            f"--domain-owner {OWN_ACCOUNT} --region {region} --query authorizationToken --output text)\n"
            f"cat > /home/ec2-user/.npmrc <<'EOF'\n{npmrc}EOF\n"
            f"cat > /etc/pip.conf <<'EOF'\n{pipconf}EOF\n"
            f"aws codeartifact login --tool pip --domain fleet --domain-owner {OWN_ACCOUNT} --repository packages "
            f"--region {region}\n"
            "pip install fleet-agent==2.3.0\n"
        )
        domain = aws.codeartifact.Domain("fleet", domain="fleet", opts=c.aws)
        aws.codeartifact.Repository("packages", repository="packages", domain=domain.domain, opts=c.aws)
        return _instance(c, script)

    return build


def docker_daemon(code: str) -> Build:
    def build(c: Any) -> object:
        # dockerd(8) daemon.json: the awslogs log driver in the stack's Region; Docker's awslogs driver options
        region = AWS_HOME[code]
        daemon = {"log-driver": "awslogs", "log-opts": {"awslogs-region": region, "awslogs-group": "/fleet/docker",
                                                         "awslogs-create-group": "true"},
                  "live-restore": True}  # fmt: skip
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /etc/docker\n"
            f"cat > /etc/docker/daemon.json <<'EOF'\n{json.dumps(daemon, indent=2)}\nEOF\n"
            "systemctl restart docker\n"
            f"docker run -d --name api -p 8080:8080 -e DB_HOST={DB_ADDRESS} {_ecr(code)}/fleet-api:1.4.2\n"
        )
        aws.cloudwatch.LogGroup("docker", name="/fleet/docker", retention_in_days=30, opts=c.aws)
        return _instance(c, script)

    return build


NGINX_APP = {"": "http://unix:/run/gunicorn/fleet.sock", "-unix-host": "http://unix:8080"}
"""Suffix -> the app location's proxy_pass: nginx's UNIX-domain socket form (the machine's own file), and its twin, a
host named ``unix`` with a port (no socket: RES-015)."""


def nginx_local(code: str, twin: str = "") -> Build:
    def build(c: Any) -> object:
        # nginx: proxy_pass / fastcgi_pass / uwsgi_pass / grpc_pass to the machine's own sockets and an upstream group
        # of the VPC's addresses; ngx_http_proxy_module: "If the proxied server is a UNIX-domain socket: proxy_pass
        # http://unix:/tmp/backend.socket:/uri/;". The health check over ::1 by Debian's /etc/hosts name.
        conf = (
            "upstream app_servers {\n    server 10.20.1.11:8080;\n    server 10.20.1.12:8080;\n}\n"
            "server {\n    listen 80;\n    server_name _;\n"
            "    location / { proxy_pass http://app_servers; proxy_set_header Host $host; }\n"
            f"    location /app/ {{ proxy_pass {NGINX_APP[twin]}; }}\n"
            "    location /static/ { proxy_pass http://127.0.0.1:9000; }\n"
            "    location ~ \\.php$ { include fastcgi_params; fastcgi_pass unix:/run/php/php8.2-fpm.sock; }\n"
            "    location /legacy/ { include uwsgi_params; uwsgi_pass unix:///run/uwsgi/app.sock; }\n"
            "    location /rpc/ { grpc_pass grpc://localhost:50051; }\n"
            "}\n"
        )
        script = (
            "#!/bin/bash\nset -e\ndnf install -y nginx\n"
            f"cat > /etc/nginx/conf.d/fleet.conf <<'EOF'\n{conf}EOF\nsystemctl enable --now nginx\n"
            "curl -fsS http://ip6-localhost/healthz\n"
        )
        return _instance(c, script)

    return build


GATEWAY_TWINS = {
    "": ('["host.docker.internal:host-gateway"]', "host.docker.internal", ""),
    "-service-mapped": ('["host.docker.internal:host-gateway", "fleet-db:203.0.113.10"]', "host.docker.internal", ""),
    "-other-name": ('["host.docker.internal:host-gateway", "metrics:203.0.113.10"]', "metrics", ""),
    "-gateway-moved": ('["host.docker.internal:host-gateway"]', "host.docker.internal", "203.0.113.10"),
}
"""Suffix -> (the api service's extra_hosts, the host its metrics go to, the daemon's host-gateway-ip): the compliant
program, and its leak twins: the database's service name mapped to an address outside, the metrics sent to another
name an entry maps outside, the daemon's gateway address moved outside (each RES-015)."""


def _daemon_gateway(address: str) -> str:
    """dockerd's daemon.json setting the host-gateway address (``host-gateway-ip``), when ``address``."""
    if not address:
        return ""
    return (
        f'cat > /etc/docker/daemon.json <<\'EOF\'\n{{"host-gateway-ip": "{address}"}}\nEOF\nsystemctl restart docker\n'
    )


def compose_host_gateway(code: str, twin: str = "") -> Build:
    def build(c: Any) -> object:
        # Docker Compose: extra_hosts "host.docker.internal:host-gateway" (the host machine), a service reached by its
        # name with a hyphen, and the application's metrics sent to the host's agent.
        entries, metrics, moved = GATEWAY_TWINS[twin]
        compose = (
            "services:\n  api:\n"
            f"    image: {_ecr(code)}/fleet-api:1.4.2\n"
            f"    extra_hosts: {entries}\n"
            "    environment:\n"
            "      DATABASE_URL: postgres://fleet@fleet-db:5432/fleet\n"
            f"      STATSD_HOST: {metrics}\n"
            f"      OTEL_EXPORTER_OTLP_ENDPOINT: http://{metrics}:4317\n"
            "  fleet-db:\n"
            f"    image: {_ecr(code)}/postgres:16\n"
        )
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /opt/fleet\n" + _daemon_gateway(moved)
            + f"cat > /opt/fleet/compose.yaml <<'EOF'\n{compose}EOF\n"
            "cd /opt/fleet && docker compose up -d\n"
        )  # fmt: skip
        return _instance(c, script)

    return build


def docker_add_host(code: str, twin: str = "") -> Build:
    def build(c: Any) -> object:
        # docker container run --add-host (host:ip; "host-gateway" the host itself): the container sends its traces
        # and metrics to the agent on the machine.
        _, metrics, moved = GATEWAY_TWINS[twin]
        script = (
            "#!/bin/bash\nset -e\n" + _daemon_gateway(moved)
            + "docker run -d --name api --restart unless-stopped -p 8080:8080 "
            "--add-host=host.docker.internal:host-gateway --add-host metrics:203.0.113.10 "
            f"-e OTEL_EXPORTER_OTLP_ENDPOINT=http://{metrics}:4317 -e STATSD_HOST={metrics} "
            f"-e DB_HOST={DB_ADDRESS} {_ecr(code)}/fleet-api:1.4.2\n"
        )  # fmt: skip
        return _instance(c, script)

    return build


def file_tee_own(code: str) -> Build:
    def build(c: Any) -> object:
        # tee(1) ("copy standard input to each FILE"), its own output discarded; bash(1) `2>/dev/null` (the error
        # output only): the metadata's Region and address kept in files, read back by later commands.
        script = (
            "#!/bin/bash\nset -e\n" + TOKEN + "mkdir -p /etc/fleet\n"
            f'curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {IMDS}/meta-data/placement/region 2>/dev/null '
            "| sudo tee /etc/fleet/region > /dev/null\n"
            f'curl -s -H "X-aws-ec2-metadata-token: $TOKEN" {IMDS}/meta-data/local-ipv4 2>/dev/null '
            "> /etc/fleet/address\n"
            "aws ssm put-parameter --name /fleet/boot/$(cat /etc/fleet/address) --value ok --overwrite "
            "--region $(cat /etc/fleet/region)\n"
            "pg_isready -h $(cat /etc/fleet/address) -p 5432\n"
        )  # fmt: skip
        return _instance(c, script)

    return build


READBACK_TWINS = {
    "-computed-abroad": "echo {abroad} | tr -d ' ' > /etc/fleet/region\n",
    "-unknown": "aws configure get region > /etc/fleet/region\n",
}
"""Suffix -> how the leak twin writes the Region file: a filter computing another country's Region (RES-009), a
command the engine cannot compute (RES-011: read back at --region, unknown)."""


def file_download_own(code: str, twin: str = "") -> Build:
    def build(c: Any) -> object:
        # curl(1) -o FILE / wget(1) -O FILE of the instance metadata, read back by later commands.
        written = (
            f"curl -sf -o /etc/fleet/region {IMDS}/meta-data/placement/region\n"
            f"wget -qO /etc/fleet/address {IMDS}/meta-data/local-ipv4\n"
            if not twin
            else READBACK_TWINS[twin].replace("{abroad}", AWS_ABROAD.get(code, "us-east-1"))
        )
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /etc/fleet\n" + written
            + "aws cloudwatch put-metric-data --namespace Fleet --metric-name Boot --value 1 "
            "--region $(cat /etc/fleet/region)\n"
        )  # fmt: skip
        return _instance(c, script)

    return build


def _nexus(code: str) -> str:
    """The company's own package repository manager in the market (a Sonatype Nexus on its own hosts)."""
    return f"nexus.fleet-{code.lower()}.example.com"


PUBLIC_REGISTRIES = ("https://registry.npmjs.org/", "https://pypi.org/simple")
"""npm's and PyPI's public registries (hosts under no cloud suffix, served from wherever their CDN answers)."""


def package_registries(code: str, public: bool = False) -> Build:
    def build(c: Any) -> object:
        # npmrc(5) "registry"; pip's configuration file (pip.conf [global] index-url, trusted-host): the build machine
        # installs from the company's repository manager (or, ``public``, from the public registries).
        npm, pypi = (
            PUBLIC_REGISTRIES
            if public
            else (
                f"https://{_nexus(code)}/repository/npm-group/",
                f"https://{_nexus(code)}/repository/pypi-group/simple",
            )
        )
        script = (
            "#!/bin/bash\nset -e\n"
            f"cat > /root/.npmrc <<'EOF'\nregistry={npm}\nstrict-ssl=true\nEOF\n"
            f"cat > /etc/pip.conf <<'EOF'\n[global]\nindex-url = {pypi}\ntimeout = 60\nEOF\n"
            "npm ci --omit=dev --prefix /opt/fleet-ui && pip install -r /opt/fleet/requirements.txt\n"
        )  # fmt: skip
        return _instance(c, script)

    return build


def nexus_declared(code: str) -> dict[str, Any]:
    return {"id": f"{code.lower()}-nexus", "kind": "resident", "match": _nexus(code),
            "evidence": "the company's package repository manager, hosted in the market's data centre"}  # fmt: skip


AWS_PROGRAMS: dict[str, tuple[Callable[[str], Build], tuple[str, ...]]] = {
    "imdsv2-region": (imdsv2_region, AWS_CODES),
    "region-default-expansion": (region_default_expansion, AWS_CODES),
    "file-readback-own": (file_readback_own, AWS_CODES),
    "cron-backup": (cron_backup, AWS_CODES),
    "systemd-unit": (systemd_unit, AWS_CODES),
    "systemd-dropin": (systemd_dropin, AWS_CODES),
    "helm-values": (helm_values, AWS_CODES),
    "terraform-json": (terraform_json, AWS_CODES),
    "codeartifact-npm-pip": (codeartifact_npm_pip, ("EU", "DE", "US", "JP")),
    "docker-daemon": (docker_daemon, AWS_CODES),
    "nginx-local": (nginx_local, AWS_CODES),
    "compose-host-gateway": (compose_host_gateway, AWS_CODES),
    "docker-add-host": (docker_add_host, AWS_CODES),
    "file-download-own": (file_download_own, AWS_CODES),
    "file-tee-own": (file_tee_own, AWS_CODES),
}
"""Shape -> (builder, jurisdictions). CodeArtifact is not offered in the China Regions."""


# -- Alibaba Cloud ----------------------------------------------------------------------------------------------------


def ali_systemd_unit(code: str) -> Build:
    def build(c: Any) -> object:
        # systemd.exec(5) Environment=; the Alibaba Cloud SDK's region and OSS endpoint variables, the Region's own.
        c.ali_role = DEPLOYER
        region = ALI_HOME[code]
        unit = (
            "[Service]\n"
            f"Environment=ALIBABA_CLOUD_REGION_ID={region}\n"
            f"Environment=OSS_ENDPOINT=https://oss-{region}-internal.aliyuncs.com\n"
            f'Environment="DB_HOST={DB_ADDRESS}" "DB_PORT=3306"\n'
            "ExecStart=/usr/local/bin/fleet-api --listen 0.0.0.0:8080\n"
        )
        script = (
            "#!/bin/bash\nset -e\n"
            f"cat > /etc/systemd/system/fleet-api.service <<'EOF'\n{unit}EOF\n"
            "systemctl daemon-reload && systemctl enable --now fleet-api\n"
        )
        return ali_boot(c, script)

    return build


def ali_cli_own_region(code: str) -> Build:
    def build(c: Any) -> object:
        # aliyun CLI: a snapshot copy and an image copy to the stack's own Region (the named Region options read
        # since stop 52), the Region from the instance metadata.
        c.ali_role = DEPLOYER
        region = ALI_HOME[code]
        script = (
            "#!/bin/bash\nset -e\nR=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
            f"aliyun ecs CopyImage --RegionId $R --ImageId m-fleet0001 --DestinationRegionId {region} "
            "--DestinationImageName fleet-base\n"
            f"aliyun ecs CopySnapshot --RegionId {region} --SnapshotId s-fleet0001 --DestinationRegionId $R "
            "--DestinationSnapshotName fleet-daily\n"
        )
        return ali_boot(c, script)

    return build


def ali_domestic_provider(code: str) -> Build:
    def build(c: Any) -> object:
        # alicloud Provider account_type Domestic (a China-site account), with Cloud Config's recorder.
        region = ALI_HOME[code]
        import pulumi

        provider = alicloud.Provider("domestic", region=region, account_type="Domestic",
                                     assume_role={"role_arn": DEPLOYER, "session_name": "ci"})  # fmt: skip
        opts = pulumi.ResourceOptions(provider=provider)
        alicloud.oss.Bucket("reports", bucket=f"fleet-reports-{code.lower()}", opts=opts)
        return alicloud.ecs.SecurityGroup("fleet", security_group_name="fleet", vpc_id="vpc-uf6fleet0001", opts=opts)

    return build


ALI_PIP_MIRROR = "mirrors.aliyun.com"
"""Alibaba Cloud's public open-source mirror (no Alibaba page found says where it is served: docs/residency-open.md)."""


def ali_pip_mirror(code: str) -> Build:
    def build(c: Any) -> object:
        # pip.conf index-url / trusted-host at Alibaba Cloud's mirror (its PyPI mirror page's configuration)
        c.ali_role = DEPLOYER
        script = (
            "#!/bin/bash\nset -e\n"
            f"cat > /etc/pip.conf <<'EOF'\n[global]\nindex-url = https://{ALI_PIP_MIRROR}/pypi/simple/\n"
            f"trusted-host = {ALI_PIP_MIRROR}\nEOF\npip3 install -r /opt/fleet/requirements.txt\n"
        )
        return ali_boot(c, script)

    return build


ALI_MIRROR_DECLARED = {
    "id": "aliyun-mirror",
    "kind": "resident",
    "match": ALI_PIP_MIRROR,
    "evidence": "Alibaba Cloud's open-source mirror, served in mainland China (provider's statement)",
}


ALI_PROGRAMS: dict[str, Callable[[str], Build]] = {
    "ali-systemd-unit": ali_systemd_unit,
    "ali-cli-own-region": ali_cli_own_region,
    "ali-domestic-provider": ali_domestic_provider,
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (make, codes) in AWS_PROGRAMS.items():
        out += [(f"falsealarm53-{code.lower()}-{shape}", code, make(code), set(), []) for code in codes]
    for shape, make_ali in ALI_PROGRAMS.items():
        out += [(f"falsealarm53-{code.lower()}-{shape}", code, make_ali(code), set(), []) for code in ALI_CODES]
    # Leak twins of this round's changes (RES-015 / RES-009 / RES-011), and the package registries: destinations by the
    # stop-49 decision (RES-015 until declared), the company's repository manager passing once declared.
    for code in AWS_CODES:
        c = code.lower()
        out += [(f"falsealarm53-{c}-compose-host-gateway{t}", code, compose_host_gateway(code, t), {"RES-015"}, [])
                for t in ("-service-mapped", "-other-name", "-gateway-moved")]  # fmt: skip
        out += [(f"falsealarm53-{c}-docker-add-host{t}", code, docker_add_host(code, t), {"RES-015"}, [])
                for t in ("-other-name", "-gateway-moved")]  # fmt: skip
        out += [
            (f"falsealarm53-{c}-file-download-own-computed-abroad", code,
             file_download_own(code, "-computed-abroad"), {"RES-009"}, []),
            (f"falsealarm53-{c}-file-download-own-unknown", code, file_download_own(code, "-unknown"), {"RES-011"}, []),
            (f"falsealarm53-{c}-nginx-local-unix-host", code, nginx_local(code, "-unix-host"), {"RES-015"}, []),
            (f"falsealarm53-{c}-package-nexus", code, package_registries(code), {"RES-015"}, []),
            (f"falsealarm53-{c}-package-nexus-declared", code, package_registries(code), set(), [nexus_declared(code)]),
            (f"falsealarm53-{c}-package-public", code, package_registries(code, public=True), {"RES-015"}, []),
        ]  # fmt: skip
    out += [
        ("falsealarm53-cn-ali-pip-mirror", "CN", ali_pip_mirror("CN"), {"RES-016"}, []),
        ("falsealarm53-cn-ali-pip-mirror-declared", "CN", ali_pip_mirror("CN"), set(), [ALI_MIRROR_DECLARED]),
    ]
    return out
