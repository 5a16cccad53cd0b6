"""Configuration file grammars in user data, round 7 (stop 56, issue 9, config56b).

Reproduced on the unchanged engine (main at 1ae99877), one-value checks of an EC2 instance's user data in EU, then
these programs through every front door.

**Refused on the unchanged engine, compliant** (RES-015 at the Service's name, at every door and at the first
preview; pass now): a Kubernetes manifest written as one JSON ``List`` (``kubectl apply -f -``, or pretty-printed in
k3s's manifests directory by a cloud-config's ``write_files``) whose Deployment's ``postgres://reports@analytics-db``
names a Service of the same List: a selector Service (``k8s-json-selector-own``) or an ExternalName Service to the
home Region's RDS endpoint (``k8s-json-list-own``, ``k3s-json-list-own``). The
``defined_spans`` markers were YAML lines (``kind: Service``) and a ``List``'s ``items`` were not read as objects.

**Passed every door**, with a partner's host (``db.partner-analytics.com``) or a Region abroad:

1. ``ctr task exec --exec-id ID CONTAINER redis-cli replicaof <partner> 6379`` (``ctr-task-exec-partner``: ctr's
   ``task exec`` was not catalogued, only ``ctr run``);
2. ``crictl exec --name redis redis-cli replicaof <partner> 6379`` and ``--label app=redis`` (``crictl-name-partner``,
   ``crictl-label-partner``: the container selected by a filter, so no CONTAINER-ID operand; the command's first word
   was skipped as one and nothing read);
3. ``kubectl debug ... --image=amazon/aws-cli --arguments-only -- logs put-log-events ... --region <abroad>``
   (``kubectl-debug-args-abroad``: the words after ``--`` are the AWS CLI image's entrypoint's arguments, and were read
   as a command, ``logs``, which is none).

RES-015 / RES-009 now; the VPC's Redis, the home Region pass.

**Pinned** (refused before and after): other shippers' files commonly written by user data, naming a partner's host
(``agents-partner``: Fluentd's ``<match> @type forward <server> host``, Telegraf's ``[[outputs.influxdb_v2]] urls``,
Promtail's ``clients: - url``, the OpenTelemetry Collector's ``exporters: otlp: endpoint``) are RES-015 (the body's host
scan finds the partner's dotted name or URL). Their twin with the VPC's collector (``agents-own``) was RES-017 in EU, US
and JP (a false alarm: Telegraf's InfluxDB v2 ``bucket = "metrics"`` read as an S3 bucket by ``.conf``'s lines; so
``agents-partner`` had RES-017 beside RES-015 there); it passes now (the Telegraf entry reads ``bucket`` as
``database``). ``k8s-json-list-partner`` / ``k3s-json-list-partner`` (the ExternalName's target a partner's host,
now found at the target) and ``k8s-json-selector-machine`` (the machine's own ``curl http://analytics-db:5432/``: no
cluster DNS there) stay RES-015.

On main 1ae99877, 51 of these 80 programs failed ``test_every_front_door_agrees`` (the 22 leaks, the 26 false alarms,
``agents-partner`` in EU / US / JP) and 29 failed ``test_a_first_preview_refuses_no_compliant_program``.

Ids: ``config56b-<code>-<shape>``; AWS programs in EU / US / JP / CN (an EC2 instance, a launch template with base64
user data, an SSM Command document, a cloud-config's ``write_files``), Alibaba Cloud programs in CN / JP / DE (an ECS
instance or launch template). ``-declared`` twins declare the partner's host as a resident destination and pass.
tests/test_realistic_programs.py runs them as CASES (``config56b-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, PARTNER_DB, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image (k3s, containerd's CLIs and the shippers baked in)."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own Redis primary in the VPC."""
PRIVATE_LOGS = "10.0.3.20"
"""The fleet's own log and metrics collector in the VPC."""
ABROAD = "ap-southeast-1"
"""A Region outside every table jurisdiction (Singapore)."""
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
AWS_SHAPES: dict[str, set[str]] = {
    "k8s-json-list-own": set(),
    "k8s-json-list-partner": REFUSED,
    "k8s-json-list-partner-declared": set(),
    "k8s-json-selector-own": set(),
    "k8s-json-selector-machine": REFUSED,
    "k3s-json-list-own": set(),
    "k3s-json-list-partner": REFUSED,
    "k3s-yaml-list-own": set(),
    "ctr-task-exec-partner": REFUSED,
    "ctr-task-exec-own": set(),
    "crictl-name-partner": REFUSED,
    "crictl-label-partner": REFUSED,
    "crictl-name-own": set(),
    "kubectl-debug-args-abroad": {"RES-009"},
    "kubectl-debug-args-own": set(),
    "agents-partner": REFUSED,
    "agents-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ENCODED = frozenset({"k8s-json-selector-own", "ctr-task-exec-partner", "crictl-name-own", "agents-partner"})
"""The shapes made as a launch template (base64 user data)."""
DOCUMENT = frozenset({"crictl-label-partner", "kubectl-debug-args-own", "ctr-task-exec-own"})
"""The shapes made as an SSM Command document."""
CLOUD_CONFIG = frozenset({"k3s-json-list-own", "k3s-json-list-partner", "k3s-yaml-list-own"})
"""The shapes written by a cloud-config's ``write_files``."""
ALI_SHAPES = {
    "ali-k8s-json-list-partner": REFUSED,
    "ali-ctr-task-exec-partner": REFUSED,
    "ali-crictl-name-partner": REFUSED,
    "ali-own": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def analytics_list(target: str | None) -> dict[str, Any]:
    """A ``v1`` ``List`` (kubectl reads a List's ``items`` as its objects) of the analytics database's Service and the
    reports Deployment calling it by its name (``postgres://reports@analytics-db:5432``): with ``target`` an
    ExternalName Service (a CNAME to ``target``), without one a Service selecting the database's pods."""
    spec: dict[str, Any] = (
        {"type": "ExternalName", "externalName": target}
        if target
        else {"selector": {"app": "analytics-db"}, "ports": [{"port": 5432}]}
    )
    service = {"apiVersion": "v1", "kind": "Service",
               "metadata": {"name": "analytics-db", "namespace": "analytics"}, "spec": spec}  # fmt: skip
    container = {
        "name": "reports", "image": "fleet/reports:1.4",
        "env": [{"name": "DATABASE_URL", "value": "postgres://reports@analytics-db:5432/analytics"}],
    }  # fmt: skip
    deployment = {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "reports", "namespace": "analytics"},
        "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "reports"}},
                 "template": {"metadata": {"labels": {"app": "reports"}}, "spec": {"containers": [container]}}},
    }  # fmt: skip
    return {"apiVersion": "v1", "kind": "List", "items": [service, deployment]}


def k8s_json_list(target: str | None, machine: bool = False) -> str:
    """The List as one line of JSON to ``kubectl apply -f -`` (kubectl apply: "The JSON and YAML formats are
    accepted"); with ``machine`` the script itself then waits for the database by the Service's name."""
    wait = "until curl -sf http://analytics-db:5432/ ; do sleep 2; done\n" if machine else ""
    return f"kubectl apply -f - <<'EOF'\n{json.dumps(analytics_list(target))}\nEOF\n{wait}"


def k3s_list(target: str, as_json: bool) -> str:
    """The List in k3s's auto-deploy directory ("Any file found in /var/lib/rancher/k3s/server/manifests will
    automatically be deployed"), pretty-printed JSON or one YAML document, a cloud-config's ``write_files``."""
    document = analytics_list(target)
    if as_json:
        text, name = json.dumps(document, indent=2), "analytics.json"
    else:
        items = [json.dumps(item) for item in document["items"]]
        text, name = "apiVersion: v1\nkind: List\nitems:\n" + "".join(f"  - {i}\n" for i in items), "analytics.yaml"
    body = "".join(f"      {line}\n" for line in text.splitlines())
    return (
        f"#cloud-config\nwrite_files:\n  - path: /var/lib/rancher/k3s/server/manifests/{name}\n"
        f"    permissions: '0600'\n    content: |\n{body}runcmd:\n  - systemctl restart k3s\n"
    )


def ctr_task_exec(host: str) -> str:
    """A replica pointed at its primary inside a running containerd task (ctr task exec: "[command options] CONTAINER
    CMD [ARG...]", ``--exec-id`` required)."""
    return (
        "ctr run -d docker.io/library/redis:7 cache\n"
        f"ctr --namespace default task exec --exec-id seed-1 cache redis-cli replicaof {host} 6379\n"
    )


def crictl_filter(host: str, by: str) -> str:
    """crictl exec selecting the container by a filter instead of its ID (cri-tools: ``--name``, ``--label``)."""
    selector = "--name redis" if by == "name" else "--label app=redis"
    return f"crictl exec -i {selector} redis-cli replicaof {host} 6379\n"


def kubectl_debug_args(region: str) -> str:
    """A debug container from the AWS CLI image whose entrypoint (``aws``) gets the words after ``--`` as its arguments
    (kubectl debug ``--arguments-only``)."""
    return (
        "kubectl debug -n ops ops-0 -i --image=amazon/aws-cli --arguments-only -- logs put-log-events "
        f"--log-group-name /fleet/ops --log-stream-name debug --log-events timestamp=1,message=up --region {region}\n"
    )


def agents(host: str) -> str:
    """Fluentd, Telegraf, Promtail and the OpenTelemetry Collector sending to ``host``."""
    return (
        "mkdir -p /etc/fluent /etc/telegraf/telegraf.d /etc/promtail /etc/otelcol\n"
        "cat > /etc/fluent/fluent.conf <<'EOF'\n<match app.**>\n  @type forward\n  <server>\n    name central\n"
        f"    host {host}\n    port 24224\n  </server>\n</match>\nEOF\n"
        "cat > /etc/telegraf/telegraf.d/outputs.conf <<'EOF'\n[[outputs.influxdb_v2]]\n"
        f'  urls = ["http://{host}:8086"]\n  organization = "fleet"\n  bucket = "metrics"\nEOF\n'
        "cat > /etc/promtail/config.yml <<'EOF'\nserver:\n  http_listen_port: 9080\nclients:\n"
        f"  - url: http://{host}:3100/loki/api/v1/push\nEOF\n"
        "cat > /etc/otelcol/config.yaml <<'EOF'\nreceivers:\n  otlp:\n    protocols:\n      grpc: {}\nexporters:\n"
        f"  otlp:\n    endpoint: {host}:4317\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n"
        "      exporters: [otlp]\nEOF\nsystemctl restart fluentd telegraf promtail otelcol\n"
    )


def _body(code: str, shape: str) -> str:
    own = shape.endswith("-own")
    target = HOME_RDS[code] if own else PARTNER_DB
    if shape.startswith("k8s-json-list"):
        return k8s_json_list(target)
    if shape.startswith("k8s-json-selector"):
        return k8s_json_list(None, machine=shape.endswith("-machine"))
    if shape.startswith("k3s-"):
        return k3s_list(target, as_json=shape.startswith("k3s-json"))
    if shape.startswith("ctr-task-exec"):
        return ctr_task_exec(PRIVATE_DB if own else PARTNER_DB)
    if shape.startswith("crictl"):
        return crictl_filter(PRIVATE_DB if own else PARTNER_DB, "label" if "label" in shape else "name")
    if shape.startswith("kubectl-debug-args"):
        return kubectl_debug_args(AWS_HOME[code] if own else ABROAD)
    return agents(PRIVATE_LOGS if own else PARTNER_DB)


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
    """A partner's host as a JSON List's ExternalName target, in ``ctr task exec`` and in ``crictl exec --name``, and
    the own twin (a selector Service's List, the VPC's Redis in both commands)."""
    if shape == "ali-k8s-json-list-partner":
        return "#!/bin/bash\n" + k8s_json_list(PARTNER_DB)
    if shape == "ali-ctr-task-exec-partner":
        return "#!/bin/bash\n" + ctr_task_exec(PARTNER_DB)
    if shape == "ali-crictl-name-partner":
        return "#!/bin/bash\n" + crictl_filter(PARTNER_DB, "name")
    return "#!/bin/bash\n" + k8s_json_list(None) + ctr_task_exec("192.168.0.9") + crictl_filter("192.168.0.9", "name")


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
        p = f"config56b-{code.lower()}-"
        for shape, expected in AWS_SHAPES.items():
            declared = [DECLARED] if shape.endswith("-declared") else []
            out.append((p + shape, code, aws_program(code, shape.removesuffix("-declared")), expected, declared))
    for code in ALI_CODES:
        p = f"config56b-{code.lower()}-"
        out += [(p + shape, code, ali_program(shape), expected, []) for shape, expected in ALI_SHAPES.items()]
    return out
