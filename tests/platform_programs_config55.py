"""Configuration file grammars in user data, round 4 (stop 55, issue 9, config55).

Reproduced on the unchanged engine (main at a7fee677), one-value checks of an EC2 instance's user data in EU, then these
programs through every front door. **Passed** with a partner's host (``db.partner-analytics.com``):

1. **Redis 7 ``CONFIG SET`` with several pairs** (``redis-pairs-partner``): ``redis-cli CONFIG SET maxmemory 1gb
   replicaof "<partner> 6379"`` (only the first parameter was looked up). RES-015 now; the VPC's primary passes.
2. **syslog-ng ``@define``** (``syslogng-define-partner``): ``@define collector "<partner>"`` then
   ``network("`collector`")`` (the backtick name was read as written and judged nothing). RES-015 now; an undefined
   name (syslog-ng then reads its environment) fails closed (``syslogng-undefined``), the VPC's collector passes (the
   definition in syslog-ng.conf, the destination in a conf.d file).
3. **syslog-ng ``@include``** (``syslogng-include-partner``): a destination in ``/etc/fleet/logging/dest.inc`` (a file
   the script writes, under no name the syslog-ng entry reads) included by syslog-ng.conf. RES-015 now; own passes.
4. **Kubernetes** (``k8s-*``): a Service of ``type: ExternalName`` whose ``externalName`` is a partner's host, given
   to ``kubectl apply -f -`` (the only finding was the Service's name in a pod's URL, ``http://analytics:8080``) and
   as an Ingress backend (no URL: passed every door), and in k3s's auto-deploy manifests directory written by a
   cloud-config. RES-015 at ``externalName`` now.

**Refused on the unchanged engine, compliant** (false alarms, RES-015 at every door, pass now):

5. ``docker network connect --alias db fleet fleet-db`` then another container of ``fleet`` reaching
   ``postgres://fleet@db:5432/fleet`` (``docker-connect-own``), ``docker run --network container:api`` sharing the
   api container's network (``docker-shared-own``), a legacy ``--link fleet-db:db`` (``docker-link-own``).
6. A pod's ``hostAliases`` mapping ``db.fleet`` to a private address, used in its ``env`` URL (``k8s-hostaliases-own``),
   and an ExternalName Service naming a Service of the same manifest (``api.backend.svc.cluster.local``; the key
   closed every name of the manifest, and the new reading of the line would otherwise have refused it) beside one
   naming the home Region's RDS endpoint (``k8s-externalname-own``).

**Refused before and after** (pinned): the machine's own ``curl http://db:5432/`` after ``network connect``
(``docker-connect-machine``), ``hostAliases`` to a public address (``k8s-hostaliases-public``), a partner's URL in a
pod's ``env`` (``k8s-env-partner``).

Ids: ``config55-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, a cloud-config's ``write_files``, an SSM Command document), Alibaba Cloud programs in CN / JP / DE (an ECS
instance or launch template). ``-declared`` twins declare the partner's host as a resident destination and pass.
tests/test_realistic_programs.py runs them as CASES (``config55-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (k3s and docker baked in)."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own Redis primary / database in the VPC."""
PRIVATE_LOGS = "10.0.3.20"
"""The fleet's own log collector in the VPC."""
HOME_RDS = {
    "EU": "fleet.c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com",
    "US": "fleet.c1a2b3c4d5e6.us-east-1.rds.amazonaws.com",
    "JP": "fleet.c1a2b3c4d5e6.ap-northeast-1.rds.amazonaws.com",
    "CN": "fleet.c1a2b3c4d5e6.rds.cn-north-1.amazonaws.com.cn",
}
"""The home Region's RDS endpoint (the stack's own database) in each jurisdiction."""
REFUSED = {"RES-015"}
DECLARED = {
    "id": "partner-analytics-db", "kind": "resident", "match": PARTNER_DB,
    "evidence": "the partner's database, hosted in the market under contract",
}  # fmt: skip
"""The partner's host declared as a resident destination (the ``-declared`` twins)."""
AWS_SHAPES = {
    "redis-pairs-partner": REFUSED,
    "redis-pairs-own": set(),
    "syslogng-define-partner": REFUSED,
    "syslogng-define-own": set(),
    "syslogng-undefined": REFUSED,
    "syslogng-include-partner": REFUSED,
    "syslogng-include-own": set(),
    "docker-connect-own": set(),
    "docker-shared-own": set(),
    "docker-link-own": set(),
    "docker-connect-machine": REFUSED,
    "k8s-externalname-partner": REFUSED,
    "k8s-externalname-own": set(),
    "k8s-ingress-partner": REFUSED,
    "k8s-ingress-partner-declared": set(),
    "k3s-manifest-partner": REFUSED,
    "k3s-manifest-own": set(),
    "k8s-hostaliases-own": set(),
    "k8s-hostaliases-public": REFUSED,
    "k8s-env-partner": REFUSED,
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"syslogng-define-own", "docker-shared-own", "k8s-hostaliases-own", "k8s-ingress-partner"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"redis-pairs-partner", "redis-pairs-own"})
"""The shapes made as an SSM Command document."""
CLOUD_CONFIG = frozenset({"k3s-manifest-partner", "k3s-manifest-own"})
"""The shapes written by a cloud-config's ``write_files``."""
ALI_SHAPES = {
    "ali-redis-pairs-partner": REFUSED,
    "ali-externalname-partner": REFUSED,
    "ali-syslogng-define-partner": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def redis(host: str) -> str:
    """A replica set at run time with Redis 7's several pairs ("CONFIG SET parameter value [parameter value ...]")."""
    return (
        "dnf install -y redis6\nsystemctl enable --now redis6\n"
        f'redis-cli -h 127.0.0.1 CONFIG SET maxmemory 1gb maxmemory-policy allkeys-lru replicaof "{host} 6379"\n'
    )


def syslog_ng_define(host: str | None) -> str:
    """The collector named once by ``@define`` in syslog-ng.conf, used as `` `collector` `` in a conf.d destination
    (syslog-ng OSE guide, "Global and environmental variables"); ``None``: no definition (the environment's)."""
    define = f'@define collector "{host}"\n' if host is not None else ""
    return (
        "cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\n@version: 4.2\n"
        f'{define}@include "scl.conf"\nsource s_src {{ system(); internal(); }};\n'
        '@include "/etc/syslog-ng/conf.d/*.conf"\nEOF\n'
        "cat > /etc/syslog-ng/conf.d/central.conf <<'EOF'\n"
        'destination d_central { network("`collector`" port(6514) transport("tcp")); };\n'
        "log { source(s_src); destination(d_central); };\nEOF\nsystemctl restart syslog-ng\n"
    )


def syslog_ng_include(host: str) -> str:
    """A destination kept in a file of the fleet's own and included by syslog-ng.conf (``@include "<filename>"``)."""
    return (
        "mkdir -p /etc/fleet/logging\ncat > /etc/fleet/logging/dest.inc <<'EOF'\n"
        f'destination d_central {{ network("{host}" port(6514) transport("tcp")); }};\nEOF\n'
        "cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\n@version: 4.2\nsource s_src { system(); internal(); };\n"
        '@include "/etc/fleet/logging/dest.inc"\nlog { source(s_src); destination(d_central); };\nEOF\n'
        "systemctl restart syslog-ng\n"
    )


def docker(shape: str) -> str:
    """Containers reaching each other by names Docker gives them (docker network connect, ``--network container:X``,
    ``--link``), or the machine itself using such a name (``docker-connect-machine``)."""
    if shape in ("docker-connect-own", "docker-connect-machine"):
        use = (
            "docker run -d --network fleet --name fleet-api "
            "-e DATABASE_URL=postgres://fleet@db:5432/fleet fleet/api:3.2\n"
            if shape == "docker-connect-own"
            else "until curl -sf http://db:5432/ ; do sleep 2; done\n"
        )
        return (
            "docker network create --driver bridge fleet\n"
            "docker run -d --name fleet-db -e POSTGRES_DB=fleet postgres:16\n"
            "docker network connect --alias db fleet fleet-db\n" + use
        )
    if shape == "docker-shared-own":
        return (
            "docker network create fleet\ndocker run -d --network fleet --name fleet-db postgres:16\n"
            "docker run -d --network fleet --name fleet-api fleet/api:3.2\n"
            "docker run -d --network container:fleet-api --name fleet-migrate \\\n"
            "  -e DATABASE_URL=postgres://fleet@fleet-db:5432/fleet fleet/migrate:3.2\n"
        )
    return (
        "docker run -d --name fleet-db postgres:16\n"
        "docker run -d --name fleet-api --link fleet-db:db -e DATABASE_URL=postgres://fleet@db:5432/fleet "
        "fleet/api:3.2\n"
    )


def external_name_service(name: str, host: str, namespace: str = "default") -> str:
    """A Service of ``type: ExternalName`` (a CNAME to ``host``)."""
    return (
        f"apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: {namespace}\n"
        f"spec:\n  type: ExternalName\n  externalName: {host}\n"
    )


def deployment(env_url: str, aliases: str = "") -> str:
    """The api Deployment with one ``env`` URL, and optionally a pod ``hostAliases`` block."""
    return (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n"
        "  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n"
        f"    spec:\n{aliases}      containers:\n        - name: api\n          image: fleet/api:3.2\n"
        f"          env:\n            - name: INGEST_URL\n              value: {env_url}\n"
    )


def ingress(service: str) -> str:
    """An Ingress sending every request to ``service``'s port 443."""
    return (
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\nspec:\n  rules:\n"
        "    - host: api.fleet.internal\n      http:\n        paths:\n          - path: /\n"
        "            pathType: Prefix\n"
        f"            backend:\n              service:\n                name: {service}\n"
        "                port:\n                  number: 443\n"
    )


def manifest(code: str, shape: str) -> str:
    """The Kubernetes manifest of a ``k8s-*`` / ``k3s-*`` shape."""
    own = shape.endswith("-own")
    if shape.startswith(("k8s-externalname", "k3s-manifest")):
        backend = (
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: ingest\n  namespace: backend\nspec:\n"
            "  selector:\n    app: ingest\n  ports:\n    - port: 8080\n---\n"
        )
        if own:
            services = (
                external_name_service("ingest", "ingest.backend.svc.cluster.local", "frontend")
                + "---\n"
                + external_name_service("fleet-db", HOME_RDS[code], "frontend")
            )
        else:
            services = external_name_service("analytics", PARTNER_DB)
        return backend + services + "---\n" + deployment("http://ingest.backend.svc.cluster.local:8080/v1")
    if shape.startswith("k8s-ingress"):
        return external_name_service("partner", PARTNER_DB) + "---\n" + ingress("partner")
    if shape.startswith("k8s-hostaliases"):
        address = PRIVATE_DB if own else "203.0.113.10"
        aliases = f'      hostAliases:\n        - ip: "{address}"\n          hostnames: ["db.fleet", "ingest.fleet"]\n'
        return deployment("http://ingest.fleet:8080/v1", aliases)
    return deployment(f"https://{PARTNER_DB}/ingest")  # k8s-env-partner


def kubectl(text: str) -> str:
    """``kubectl apply -f -`` of a here-document (kubectl apply: "-f ... '-' to read from stdin")."""
    return f"kubectl apply -f - <<'EOF'\n{text}EOF\n"


def k3s_config(text: str) -> str:
    """A cloud-config writing a manifest into k3s's auto-deploy directory ("Any file found in
    /var/lib/rancher/k3s/server/manifests will automatically be deployed")."""
    body = "".join(f"      {line}\n" for line in text.splitlines())
    return (
        "#cloud-config\nwrite_files:\n  - path: /var/lib/rancher/k3s/server/manifests/fleet.yaml\n"
        f"    permissions: '0600'\n    content: |\n{body}runcmd:\n  - systemctl restart k3s\n"
    )


def _body(code: str, shape: str) -> str:
    own = shape.endswith("-own")
    if shape.startswith("redis-"):
        return redis(PRIVATE_DB if own else PARTNER_DB)
    if shape.startswith("syslogng-define"):
        return syslog_ng_define(PRIVATE_LOGS if own else PARTNER_DB)
    if shape == "syslogng-undefined":
        return syslog_ng_define(None)
    if shape.startswith("syslogng-include"):
        return syslog_ng_include(PRIVATE_LOGS if own else PARTNER_DB)
    if shape.startswith("docker-"):
        return docker(shape)
    return kubectl(manifest(code, shape))


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape in CLOUD_CONFIG:
            user_data = k3s_config(manifest(code, shape))
        else:
            user_data = f"#!/bin/bash\nset -euo pipefail\n{_body(code, shape)}"
        if shape in DOCUMENT:
            # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
            content = {
                "schemaVersion": "2.2",
                "description": "Configure the fleet's services",
                "mainSteps": [
                    {
                        "action": "aws:runShellScript",
                        "name": "configure",
                        "inputs": {"runCommand": _body(code, shape).splitlines()},
                    }
                ],
            }
            return aws.ssm.Document("fleet-config", document_type="Command", content=json.dumps(content), opts=c.aws)
        if shape in ENCODED:
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            encoded = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=encoded,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def _ali_script(shape: str) -> str:
    """A replica of a partner's Redis set with several pairs, an ExternalName Service to a partner, a syslog-ng
    definition naming a partner, and the own twin (the VPC's addresses, a Service of the same manifest, the machine's
    docker network)."""
    if shape == "ali-redis-pairs-partner":
        return "#!/bin/bash\n" + redis(PARTNER_DB)
    if shape == "ali-externalname-partner":
        return "#!/bin/bash\n" + kubectl(manifest("CN", "k8s-externalname-partner"))
    if shape == "ali-syslogng-define-partner":
        return "#!/bin/bash\n" + syslog_ng_define(PARTNER_DB)
    own = manifest("CN", "k8s-hostaliases-own")
    return (
        "#!/bin/bash\n"
        + redis("192.168.0.12")
        + syslog_ng_define("192.168.0.20")
        + docker("docker-connect-own")
        + kubectl(own.replace(PRIVATE_DB, "192.168.0.9"))
    )


def ali_program(shape: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(shape)
        if shape == "ali-own":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"config55-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            declared = [DECLARED] if shape.endswith("-declared") else []
            built = shape.removesuffix("-declared")
            out.append((p + shape, code, aws_program(code, built), expected, declared))
    for code in ALI_CODES:
        p = f"config55-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
