"""Container definitions, round 4 (stop 64, issue 9, k8s64): Compose interpolation of an unset variable, manifests
piped into ``kubectl apply -f -``, kubectl's global flags after ``run``, the OpenTelemetry Collector's and Vector's
Helm charts, helm's ``-fFILE``, and manifests applied by URL decided.

k8s63 left these open, each here with a compliant twin (the home Region, the VPC's API server, the site declared, the
manifest's URL declared) and an offending one (a Region abroad, a partner's API server, the tool's default site):

- a Compose file user data writes for the Datadog Agent whose ``environment`` gives ``DD_SITE: ${DD_SITE}`` (map form)
  or ``- DD_SITE=${DD_SITE}`` (list form) with nothing setting it: Compose "Interpolation" ("If Compose can't resolve
  a substituted variable and no default value is defined, it displays a warning and substitutes the variable with an
  empty string", https://docs.docker.com/reference/compose-file/interpolation/), so the Agent is given an empty site,
  its default (US1); the twin exports the declared site first (Compose reads the shell's environment);
- a manifest echoed into ``kubectl apply -f -`` (kubectl apply: "cat pod.json | kubectl apply -f -",
  https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/), and given by a here-string (bash(1) "Here
  Strings"): a Job on the AWS CLI image whose ``args`` hold ``--region R``;
- ``kubectl run ... -s HOST:6443`` after the subcommand (kubectl options "can be passed to any command",
  https://kubernetes.io/docs/reference/kubectl/kubectl/): a partner's API server, and the VPC's;
- the OpenTelemetry Collector chart (``open-telemetry/opentelemetry-collector``, values.yaml ``config``: the
  Collector's configuration) with the Datadog exporter's API key alone (the exporter's default site, US1) or its
  ``api.site`` declared; Vector's chart (``vector/vector``, values.yaml ``customConfig``) with a ``datadog_logs`` sink
  without ``site`` or with it declared;
- the Datadog chart's values file given tight (``-f/opt/datadog/values.yaml``, pflag's shorthand form) with the US5
  site declared;
- decided: a manifest applied from the stack's own bucket by URL (``kubectl apply -f https://<bucket>.s3.<home>...``):
  its content decides what runs and where it sends and is read at run time, RES-015 by the URL until declared, as the
  Collector's ``--config=https://...`` (config63).

Reproduced on the unchanged engine (644efda6): 45 programs, 24 offending, 21 compliant; **27 failed: 24 leaks, 3
false alarms, no wrong rule**: every offending program passed every door (the kubectl-url-bucket rows are the
decision's), and the three ``helm-dd-values-tight-declared`` rows were refused (RES-015 ``datadoghq.com``: the file
given tight was unread, the chart's default judged). See docs/residency.md, *Container definitions, round 4 (stop
64)*.

Ids: ``k8s64-<code>-<shape>``; AWS programs (EC2 user data) in EU / US / CN. tests/test_realistic_programs.py runs them
as CASES (``k8s64-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, OWN_ACCOUNT, SUBNETS, Build, Row
from platform_programs_config60 import DEFAULT_SITE, declared

CODES = ("EU", "US", "CN")
"""The programs' jurisdictions."""
AGENT = "gcr.io/datadoghq/agent:7"
"""The Datadog Agent's image (Datadog "Docker Agent")."""
CLI = "public.ecr.aws/aws-cli/aws-cli:2.17.0"
"""The AWS CLI's official image, whose entrypoint is ``aws``."""
US5 = "us5.datadoghq.com"
"""Datadog's US5 site, the fleet's organisation in the ``-tight-`` rows."""

SHAPES: dict[str, set[str]] = {
    "compose-site-unset": {"RES-015"},
    "compose-site-unset-list": {"RES-015"},
    "compose-site-exported-declared": set(),
    "kubectl-echo-abroad": {"RES-009"},
    "kubectl-echo-home": set(),
    "kubectl-here-string-abroad": {"RES-009"},
    "kubectl-run-server-partner": {"RES-015"},
    "kubectl-run-server-private": set(),
    "helm-otel-dd-default": {"RES-015"},
    "helm-otel-dd-site-declared": set(),
    "helm-vector-dd-default": {"RES-015"},
    "helm-vector-dd-site-declared": set(),
    "helm-dd-values-tight-declared": set(),
    "kubectl-url-bucket": {"RES-015"},
    "kubectl-url-bucket-declared": set(),
}
"""The shapes and their verdicts in every jurisdiction of ``CODES``."""


def _region(code: str, shape: str) -> str:
    return AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def _bucket_url(code: str) -> str:
    """The stack's manifests bucket's object URL (virtual-hosted style, the home Region)."""
    return f"https://fleet-manifests-{code.lower()}.s3.{AWS_HOME[code]}.{_suffix(code)}/cluster/agent.yaml"


def _ecr_chart(code: str, name: str) -> str:
    """A chart the team mirrors into its ECR (Helm "Use OCI-based registries"; Amazon ECR "Pushing a Helm chart")."""
    return f"oci://{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{_suffix(code)}/charts/{name}"


def _compose(shape: str) -> str:
    # Datadog "Docker Agent" (Compose: image gcr.io/datadoghq/agent:7, environment DD_API_KEY, DD_SITE); Compose
    # "Interpolation": `${VAR}` from the shell's environment or the project's .env, an unset one an empty string
    site = "      - DD_SITE=${DD_SITE}\n" if shape.endswith("-list") else "      DD_SITE: ${DD_SITE}\n"
    key = "      - DD_API_KEY=${DD_API_KEY}\n" if shape.endswith("-list") else "      DD_API_KEY: ${DD_API_KEY}\n"
    export = f"export DD_SITE={DEFAULT_SITE}\n" if "-exported-" in shape else ""
    return (
        "DD_API_KEY=$(aws secretsmanager get-secret-value --secret-id datadog/api-key --query SecretString "
        f"--output text)\nexport DD_API_KEY\n{export}mkdir -p /opt/datadog\n"
        "cat > /opt/datadog/docker-compose.yml <<'EOF'\nservices:\n  datadog:\n"
        f"    image: {AGENT}\n    restart: unless-stopped\n    environment:\n{key}{site}"
        "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\nEOF\n"
        "docker compose -f /opt/datadog/docker-compose.yml up -d\n"
    )


def _job(code: str, shape: str) -> str:
    """A Job on the AWS CLI image recording the node's start in Parameter Store (``--region`` the parameter's)."""
    args = ["ssm", "put-parameter", "--name", "/fleet/nodes/started", "--value", "up", "--overwrite", "--region",
            _region(code, shape)]  # fmt: skip
    job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "node-started", "namespace": "ops"},
           "spec": {"template": {"spec": {"restartPolicy": "Never", "serviceAccountName": "ops",
                                          "containers": [{"name": "cli", "image": CLI, "args": args}]}}}}  # fmt: skip
    return json.dumps(job, separators=(",", ":"))


def _kubectl(code: str, shape: str) -> str:
    if shape.startswith("kubectl-echo"):
        return f"echo '{_job(code, shape)}' | kubectl apply -f -\n"
    if shape.startswith("kubectl-here-string"):
        return f"kubectl apply -f - <<< '{_job(code, shape)}'\n"
    if shape.startswith("kubectl-run-server"):
        # kubectl run NAME --image=image -- [COMMAND] [args...]; -s, --server: "The address and port of the
        # Kubernetes API server"
        server = "k8s.partner-analytics.com:6443" if shape.endswith("-partner") else "10.0.8.10:6443"
        return (f"kubectl run smoke --image=busybox:1.36 --restart=Never -n ops -s {server} "
                "--certificate-authority=/etc/kubernetes/pki/ca.crt -- sleep 5\n")  # fmt: skip
    return f"kubectl apply -f {_bucket_url(code)}\n"


def _helm(code: str, shape: str) -> str:
    if shape.startswith("helm-otel"):
        # (the charts mirrored into the team's ECR) open-telemetry-helm-charts: `helm install
        # my-opentelemetry-collector open-telemetry/opentelemetry-collector
        # --set mode=daemonset --set image.repository="otel/opentelemetry-collector-k8s"`; values `config`
        site = f" --set config.exporters.datadog.api.site={DEFAULT_SITE}" if shape.endswith("-declared") else ""
        return (
            f"helm upgrade --install otel {_ecr_chart(code, 'opentelemetry-collector')} -n otel --create-namespace "
            "--set mode=daemonset --set image.repository=otel/opentelemetry-collector-contrib "
            f"--set config.exporters.datadog.api.key=$DD_API_KEY{site} "
            "--set 'config.service.pipelines.traces.exporters={datadog}'\n"
        )
    if shape.startswith("helm-vector"):
        # vector helm chart: `helm install vector vector/vector --namespace vector --create-namespace --values
        # values.yaml`; values `role: Agent`, `customConfig` (sources, sinks); a `datadog_logs` sink's `site`
        site = f"      site: {DEFAULT_SITE}\n" if shape.endswith("-declared") else ""
        return (
            "mkdir -p /opt/vector\ncat > /opt/vector/values.yaml <<'EOF'\nrole: Agent\ncustomConfig:\n"
            "  sources:\n    k8s:\n      type: kubernetes_logs\n  sinks:\n    dd:\n      type: datadog_logs\n"
            f"      inputs: [k8s]\n      default_api_key: ${{DD_API_KEY}}\n{site}EOF\n"
            f"helm upgrade --install vector {_ecr_chart(code, 'vector')} -n vector --create-namespace "
            "--values /opt/vector/values.yaml\n"
        )
    chart = _ecr_chart(code, "datadog")
    return (
        "mkdir -p /opt/datadog\ncat > /opt/datadog/values.yaml <<'EOF'\ndatadog:\n  apiKeyExistingSecret: "
        f"datadog-secret\n  site: {US5}\nEOF\nhelm upgrade --install datadog-agent {chart} --version 3.69.0 -n "
        "datadog --create-namespace -f/opt/datadog/values.yaml\n"
    )


def _program(code: str, shape: str) -> Build:
    if shape.startswith("compose"):
        body = _compose(shape)
    elif shape.startswith("helm"):
        body = _helm(code, shape)
    else:
        body = _kubectl(code, shape)
    script = f"#!/bin/bash\nset -euo pipefail\n{body}"

    def build(c: Any) -> object:
        made: list[object] = []
        if shape.startswith("kubectl-url"):
            made.append(aws.s3.Bucket("manifests", bucket=f"fleet-manifests-{code.lower()}", opts=c.aws))
        made.append(aws.ec2.Instance("fleet-node", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.large",
                                     subnet_id=SUBNETS[0], user_data=script, opts=c.aws))  # fmt: skip
        return made

    return build


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "kubectl-url-bucket-declared":
        return [{"id": "fleet-manifests", "kind": "resident", "match": _bucket_url(code),
                 "evidence": "the stack's bucket; the cluster pipeline uploads the reviewed agent.yaml"}]  # fmt: skip
    if shape == "helm-dd-values-tight-declared":
        return [{**declared(code, US5), "id": "datadog-us5"}]
    return [declared(code, DEFAULT_SITE)] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    return [
        (f"k8s64-{code.lower()}-{shape}", code, _program(code, shape), expected, _declared(code, shape))
        for code in CODES
        for shape, expected in SHAPES.items()
    ]
