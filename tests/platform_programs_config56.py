"""Configuration file grammars in user data, round 6 (stop 56, issue 9, config56).

Reproduced on the unchanged engine (main at 8f0aa679), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door. **Passed** with a partner's host (``db.partner-analytics.com``):

1. **A Kubernetes ExternalName Service written as JSON** (``k8s-json-partner``: one line to ``kubectl apply -f -``;
   ``k8s-json-file-partner``: a ``.json`` file then applied; ``k8s-json-pretty-partner``: pretty-printed in k3s's
   manifests directory by a cloud-config's ``write_files``; ``k8s-json-patch-partner``: ``kubectl patch ... -p
   '{"spec": {"externalName": ...}}'``), and one YAML document there (``k3s-yaml-partner``: a single document in
   ``write_files`` is walked as a document, where ``externalName`` was no host key). RES-015 now; the home Region's
   RDS endpoint passes, the partner declared passes.
2. **A shipper's file named another way** (``filebeat-eq-partner``: ``filebeat -c=FILE``; ``vector-eq-partner``:
   ``vector --config=FILE``; ``filebeat-relative-partner``: ``--path.config DIR -c NAME``; ``vector-env-partner``:
   ``VECTOR_CONFIG=FILE`` in a unit drop-in and exported; ``vector-dir-partner``: ``vector --config-dir DIR``).
   RES-015 now; the VPC's collector passes.
3. **A container's command under other container CLIs** (``nerdctl-partner``, ``ctr-partner``, ``crictl-partner``,
   ``kubectl-debug-partner``: ``redis-server --replicaof <partner> 6379`` / ``redis-cli replicaof``; the same line with
   ``docker run`` / ``kubectl exec`` was refused). RES-015 now; the VPC's Redis passes.

**Refused on the unchanged engine, compliant** (RES-015 at every door and at the first preview; pass now):
``k8s-url-externalname-own`` (a Deployment's ``postgres://reports@analytics-db:5432`` naming an ExternalName Service
of the same manifest whose ``externalName`` is the home Region's RDS endpoint: the name is now followed to its
target), ``docker-connect-id-own`` / ``ssm-docker-connect-id-own`` (``DB_ID=$(docker run -d postgres:16)``, then
``docker network connect --alias db fleet "$DB_ID"``: a container given by its id). **Refused before and after**
(pinned): ``k8s-url-externalname-partner`` (the target a partner's host, now found at the target),
``docker-connect-id-machine`` (the machine's own ``curl http://db:5432/``).

On main 8f0aa679, 77 of these 148 programs failed ``test_every_front_door_agrees`` (the 65 leaks: the 14 AWS partner
shapes above x4 and the three Alibaba partner shapes x3; the 12 false alarms) and 12 failed
``test_a_first_preview_refuses_no_compliant_program`` (the false alarms).

Ids: ``config56-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document, a cloud-config's ``write_files``), Alibaba Cloud programs in CN / JP / DE (an ECS
instance or launch template). ``-declared`` twins declare the partner's host as a resident destination and pass.
tests/test_realistic_programs.py runs them as CASES (``config56-*``).
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
"""The fleet's machine image (k3s, containerd's CLIs, Filebeat and Vector baked in)."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own Redis primary in the VPC."""
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
    "k8s-json-partner": REFUSED,
    "k8s-json-own": set(),
    "k8s-json-partner-declared": set(),
    "k8s-json-file-partner": REFUSED,
    "k8s-json-file-own": set(),
    "k8s-json-pretty-partner": REFUSED,
    "k8s-json-pretty-own": set(),
    "k3s-yaml-partner": REFUSED,
    "k3s-yaml-own": set(),
    "k8s-json-patch-partner": REFUSED,
    "k8s-json-patch-own": set(),
    "filebeat-eq-partner": REFUSED,
    "filebeat-eq-own": set(),
    "filebeat-relative-partner": REFUSED,
    "filebeat-relative-own": set(),
    "vector-eq-partner": REFUSED,
    "vector-eq-own": set(),
    "vector-env-partner": REFUSED,
    "vector-env-own": set(),
    "vector-dir-partner": REFUSED,
    "vector-dir-own": set(),
    "nerdctl-partner": REFUSED,
    "nerdctl-own": set(),
    "ctr-partner": REFUSED,
    "ctr-own": set(),
    "crictl-partner": REFUSED,
    "crictl-own": set(),
    "kubectl-debug-partner": REFUSED,
    "kubectl-debug-own": set(),
    "k8s-url-externalname-own": set(),
    "k8s-url-externalname-partner": REFUSED,
    "docker-connect-id-own": set(),
    "ssm-docker-connect-id-own": set(),
    "docker-connect-id-machine": REFUSED,
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset(
    {"k8s-json-file-partner", "filebeat-eq-own", "vector-eq-partner", "ctr-partner", "crictl-own",
     "k8s-url-externalname-own", "vector-dir-partner"}
)  # fmt: skip
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset(
    {"k8s-json-patch-partner", "k8s-json-patch-own", "nerdctl-own", "kubectl-debug-partner",
     "ssm-docker-connect-id-own", "vector-env-own"}
)  # fmt: skip
"""The shapes made as an SSM Command document."""
CLOUD_CONFIG = frozenset({"k8s-json-pretty-partner", "k8s-json-pretty-own", "k3s-yaml-partner", "k3s-yaml-own"})
"""The shapes written by a cloud-config's ``write_files``."""
ALI_SHAPES = {
    "ali-k8s-json-partner": REFUSED,
    "ali-filebeat-eq-partner": REFUSED,
    "ali-nerdctl-partner": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def external_name(target: str) -> dict[str, Any]:
    """A Service of type ExternalName (Kubernetes "Service", ExternalName: "map a Service to a DNS name ... by returning
    a CNAME record with its value"), the analytics jobs' name for the database."""
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "analytics-db", "namespace": "analytics"},
        "spec": {"type": "ExternalName", "externalName": target},
    }


def k8s_json(target: str) -> str:
    """The Service as one line of JSON to ``kubectl apply -f -`` (kubectl apply: "The JSON and YAML formats are
    accepted"; "-f ... '-' to read from stdin")."""
    return f"kubectl apply -f - <<'EOF'\n{json.dumps(external_name(target))}\nEOF\n"


def k8s_json_file(target: str) -> str:
    """The Service as a ``.json`` file the script writes, then applies."""
    return (
        f"mkdir -p /opt/fleet/k8s\ncat > /opt/fleet/k8s/analytics-db.json <<'EOF'\n{json.dumps(external_name(target))}"
        "\nEOF\nkubectl apply -f /opt/fleet/k8s/analytics-db.json\n"
    )


def k8s_json_pretty(target: str) -> str:
    """The Service pretty-printed as JSON in k3s's auto-deploy directory ("Any file found in
    /var/lib/rancher/k3s/server/manifests will automatically be deployed"), a cloud-config's ``write_files``."""
    body = "".join(f"      {line}\n" for line in json.dumps(external_name(target), indent=2).splitlines())
    return (
        "#cloud-config\nwrite_files:\n  - path: /var/lib/rancher/k3s/server/manifests/analytics-db.json\n"
        f"    permissions: '0600'\n    content: |\n{body}runcmd:\n  - systemctl restart k3s\n"
    )


def k3s_yaml(target: str) -> str:
    """The Service as one YAML document in k3s's auto-deploy directory (a cloud-config's ``write_files``)."""
    service = (
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: analytics-db\n  namespace: analytics\nspec:\n"
        f"  type: ExternalName\n  externalName: {target}\n"
    )
    body = "".join(f"      {line}\n" for line in service.splitlines())
    return (
        "#cloud-config\nwrite_files:\n  - path: /var/lib/rancher/k3s/server/manifests/analytics-db.yaml\n"
        f"    content: |\n{body}runcmd:\n  - systemctl restart k3s\n"
    )


def k8s_json_patch(target: str) -> str:
    """The Service pointed at its database by ``kubectl patch`` (kubectl patch: "-p, --patch: The patch to be applied to
    the resource JSON file")."""
    return f'kubectl patch service analytics-db -n analytics -p \'{{"spec": {{"externalName": "{target}"}}}}\'\n'


def filebeat_eq(host: str) -> str:
    """Filebeat's configuration under the fleet's own name, given with ``-c=FILE`` (libbeat: "-c <file> Pass the
    location of a configuration file for the Beat"; Go's flag package: "-flag=x")."""
    return (
        "mkdir -p /etc/fleet\ncat > /etc/fleet/shipper.yml <<'EOF'\nfilebeat.inputs:\n  - type: filestream\n"
        f"    id: app\n    paths: [/var/log/app/*.log]\noutput.logstash:\n  hosts: ['{host}:5044']\nEOF\n"
        "nohup filebeat -c=/etc/fleet/shipper.yml -e >/var/log/shipper.log 2>&1 &\n"
    )


def filebeat_relative(host: str) -> str:
    """Filebeat's configuration named relative to ``--path.config`` (libbeat: "-c ... The path is relative to
    path.config")."""
    return (
        "mkdir -p /etc/fleet/beats\ncat > /etc/fleet/beats/shipper.yml <<'EOF'\nfilebeat.inputs:\n"
        "  - type: filestream\n    id: app\n    paths: [/var/log/app/*.log]\n"
        f"output.logstash:\n  hosts: ['{host}:5044']\nEOF\n"
        "filebeat --path.config /etc/fleet/beats --path.data /var/lib/fleet-beats -c shipper.yml -e &\n"
    )


def vector_eq(host: str) -> str:
    """Vector's YAML configuration given with ``--config=FILE`` (vector CLI: ``--config``, "File format is detected
    from the file name")."""
    return (
        "mkdir -p /etc/fleet\ncat > /etc/fleet/pipeline.yaml <<'EOF'\nsources:\n  app:\n    type: file\n"
        "    include: [/var/log/app/*.log]\nsinks:\n  central:\n    type: socket\n    inputs: [app]\n    mode: tcp\n"
        f"    address: {host}:514\n    encoding:\n      codec: json\nEOF\nvector --config=/etc/fleet/pipeline.yaml &\n"
    )


def vector_env(host: str) -> str:
    """Vector's configuration named by its environment variable (vector CLI: ``--config``, "env: VECTOR_CONFIG"), in
    the systemd unit's drop-in and exported for a first run."""
    return (
        "mkdir -p /etc/fleet /etc/systemd/system/vector.service.d\n"
        "cat > /etc/fleet/pipeline.yaml <<'EOF'\nsources:\n  app:\n    type: file\n    include: [/var/log/app/*.log]\n"
        f"sinks:\n  central:\n    type: socket\n    inputs: [app]\n    mode: tcp\n    address: {host}:514\nEOF\n"
        "printf '[Service]\\nEnvironment=VECTOR_CONFIG=/etc/fleet/pipeline.yaml\\n' "
        "> /etc/systemd/system/vector.service.d/fleet.conf\n"
        "export VECTOR_CONFIG=/etc/fleet/pipeline.yaml\nvector validate\nsystemctl daemon-reload\n"
        "systemctl restart vector\n"
    )


def vector_dir(host: str) -> str:
    """Vector's configuration split over the files of a directory given with ``--config-dir`` ("Read configuration
    from files in one or more directories. File format is detected from the file name")."""
    return (
        "mkdir -p /etc/fleet/vector.d\n"
        "cat > /etc/fleet/vector.d/sources.yaml <<'EOF'\nsources:\n  app:\n    type: file\n"
        "    include: [/var/log/app/*.log]\nEOF\n"
        f"cat > /etc/fleet/vector.d/sinks.yaml <<'EOF'\nsinks:\n  central:\n    type: socket\n    inputs: [app]\n"
        f"    mode: tcp\n    address: {host}:514\nEOF\n"
        "nohup vector --config-dir /etc/fleet/vector.d >/var/log/vector.log 2>&1 &\n"
    )


def containers(shape: str, host: str) -> str:
    """A Redis replica started by another container CLI than docker, its primary on the command line."""
    if shape.startswith("nerdctl"):
        # nerdctl command reference: "nerdctl run [OPTIONS] IMAGE [COMMAND] [ARG...]" (Docker compatible)
        return (
            "nerdctl --namespace fleet pull redis:7\n"
            f"nerdctl --namespace fleet run -d --name cache --restart always redis:7 redis-server --replicaof {host} "
            "6379\n"
        )
    if shape.startswith("ctr"):
        # ctr run: "[flags] Image|RootFS ID [COMMAND] [ARG...]"
        return (
            "ctr images pull docker.io/library/redis:7\n"
            "ctr run -d --net-host --env REDIS_ARGS=--appendonly docker.io/library/redis:7 cache "
            f"redis-server --replicaof {host} 6379\n"
        )
    if shape.startswith("crictl"):
        # crictl exec: "crictl exec [command options] CONTAINER-ID COMMAND [ARG...]"
        return (
            "CID=3f2a9c8e7d61\n"
            f"crictl --runtime-endpoint unix:///run/containerd/containerd.sock exec -i $CID redis-cli replicaof {host} "
            "6379\n"
        )
    # kubectl debug: "kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]"
    return f"kubectl debug -n cache cache-0 -i --image=redis:7 --target=redis -- redis-cli replicaof {host} 6379\n"


def url_to_external_name(target: str) -> str:
    """An ExternalName Service and the Deployment whose jobs call it by its own name (``http://analytics-db:5432``):
    the cluster's DNS answers that name with a CNAME to ``target``, so the URL reaches ``target``."""
    service = (
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: analytics-db\n  namespace: analytics\nspec:\n"
        f"  type: ExternalName\n  externalName: {target}\n"
    )
    deployment = (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reports\n  namespace: analytics\nspec:\n"
        "  replicas: 1\n  selector:\n    matchLabels:\n      app: reports\n  template:\n    metadata:\n"
        "      labels:\n        app: reports\n    spec:\n      containers:\n        - name: reports\n"
        "          image: fleet/reports:1.4\n          env:\n            - name: DATABASE_URL\n"
        "              value: postgres://reports@analytics-db:5432/analytics\n"
    )
    return f"kubectl apply -f - <<'EOF'\n{service}---\n{deployment}EOF\n"


def docker_by_id(shape: str) -> str:
    """A database container run without a name, its ID kept from ``docker run -d`` ("prints the container ID"), joined
    to the script's network under an alias (``docker network connect --alias db fleet "$DB_ID"``); the api container
    on that network calls it ``db`` (``-own``), or the machine itself does (``-machine``: no DNS of the network)."""
    use = (
        "until curl -sf http://db:5432/ ; do sleep 2; done\n"
        if shape.endswith("-machine")
        else "docker run -d --network fleet --name fleet-api -e DATABASE_URL=postgres://fleet@db:5432/fleet "
        "fleet/api:3.2\n"
    )
    return (
        "docker network create --driver bridge fleet\nDB_ID=$(docker run -d -e POSTGRES_DB=fleet postgres:16)\n"
        'docker network connect --alias db fleet "$DB_ID"\n' + use
    )


def _body(code: str, shape: str) -> str:
    own = shape.endswith("-own")
    target = HOME_RDS[code] if own else PARTNER_DB
    if shape.startswith("k8s-json-file"):
        return k8s_json_file(target)
    if shape.startswith("k8s-json-pretty"):
        return k8s_json_pretty(target)
    if shape.startswith("k3s-yaml"):
        return k3s_yaml(target)
    if shape.startswith("k8s-url-externalname"):
        return url_to_external_name(target)
    if "docker-connect-id" in shape:
        return docker_by_id(shape)
    if shape.startswith("k8s-json-patch"):
        return k8s_json_patch(target)
    if shape.startswith("k8s-json"):
        return k8s_json(target)
    if shape.startswith("filebeat-eq"):
        return filebeat_eq(PRIVATE_LOGS if own else PARTNER_DB)
    if shape.startswith("filebeat-relative"):
        return filebeat_relative(PRIVATE_LOGS if own else PARTNER_DB)
    if shape.startswith("vector-env"):
        return vector_env(PRIVATE_LOGS if own else PARTNER_DB)
    if shape.startswith("vector-dir"):
        return vector_dir(PRIVATE_LOGS if own else PARTNER_DB)
    if shape.startswith("vector-eq"):
        return vector_eq(PRIVATE_LOGS if own else PARTNER_DB)
    return containers(shape, PRIVATE_DB if own else PARTNER_DB)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape in CLOUD_CONFIG:
            user_data = _body(code, shape)
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
    """A partner's host in a JSON manifest's ``externalName``, a Filebeat file given with ``-c=``, a nerdctl
    container's command, and the own twin (the VPC's addresses in the shipper and the container)."""
    if shape == "ali-k8s-json-partner":
        return "#!/bin/bash\n" + k8s_json(PARTNER_DB)
    if shape == "ali-filebeat-eq-partner":
        return "#!/bin/bash\n" + filebeat_eq(PARTNER_DB)
    if shape == "ali-nerdctl-partner":
        return "#!/bin/bash\n" + containers("nerdctl", PARTNER_DB)
    return "#!/bin/bash\n" + filebeat_eq("192.168.0.20") + vector_eq("192.168.0.20") + containers("ctr", "192.168.0.9")


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
        p = f"config56-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            declared = [DECLARED] if shape.endswith("-declared") else []
            out.append((p + shape, code, aws_program(code, shape.removesuffix("-declared")), expected, declared))
    for code in ALI_CODES:
        p = f"config56-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
