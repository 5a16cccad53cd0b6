"""Container definitions, round 5 (stop 65, issue 9, k8s65): the Agent's ``-eDD_SITE=`` given tight, a manifest's URL
held by a variable, kustomize's remote targets, any chart's ``--set`` values (Grafana's k8s-monitoring destinations
without a scheme), and the Compose project's ``.env`` and the variables the shell exports to Compose.

k8s64 left these open; each here with a compliant twin (the site declared, the home Region, the manifest's URL
declared) and an offending one (the Agent's default US1 site, a partner's endpoint, a Region abroad, a URL read at run
time):

- ``docker run ... -eDD_SITE=us5.datadoghq.com gcr.io/datadoghq/agent:7``: docker's flags are pflag's, whose shorthand
  takes its value attached (``-eVALUE``; docker container run: "-e, --env: Set environment variables",
  https://docs.docker.com/reference/cli/docker/container/run/); the twins declare US5 (``-tight-declared``) or only the
  US1 default (``-tight-us1-declared``: the written US5 must be judged);
- ``URL=<the stack's bucket's object URL>; kubectl apply -f "$URL"`` (k8s64 decided: a manifest by URL is RES-015 by its
  URL until declared) and ``URL=$(aws ssm get-parameter ...)`` (a URL read at run time);
- ``kubectl apply -k github.com/<org>/<repo>/<path>?ref=<tag>``: kustomize's remote target without a scheme (kubectl
  apply: "-k, --kustomize='': Process a kustomization directory"; kustomize "remote targets":
  ``github.com/kubernetes-sigs/kustomize/examples/multibases?ref=v1.0.6``,
  https://github.com/kubernetes-sigs/kustomize/blob/master/examples/remoteBuild.md);
- Grafana's k8s-monitoring chart (``helm install grafana-k8s-monitoring grafana/k8s-monitoring``; destinations'
  ``url``: "The URL for the OTLP destination", ``protocol`` "grpc" by default, whose endpoint is ``host:port``,
  https://github.com/grafana/k8s-monitoring-helm/blob/main/charts/k8s-monitoring/docs/destinations/otlp.md) with
  ``--set 'destinations[0].url=...'`` without a scheme (a Grafana Cloud endpoint in the US; Amazon Managed Service for
  Prometheus in the home Region) and from ``$(aws ssm ...)``;
- a Compose file for the Agent whose ``DD_SITE: ${DD_SITE}`` is given by a ``.env`` file in another directory than the
  project's (Compose "Set environment variables ... .env file": "the .env file in the project directory",
  https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/), by the project's
  ``--project-directory``, and by a ``DD_SITE=...`` given only to another command (bash(1) "Simple Command
  Expansion": such assignments are added to that command's environment only).

Reproduced on the unchanged engine (bc352e13): 48 programs, 27 offending, 21 compliant; **30 failed: 27 leaks, 3 false
alarms, no wrong rule**: every offending program passed every door, and the three ``dd-run-tight-declared`` rows were
refused (RES-015 ``datadoghq.com``: the Agent's default judged in place of the attached ``-e`` value). See
docs/residency.md, *Container definitions, round 5 (stop 65)*.

Ids: ``k8s65-<code>-<shape>``; AWS programs (EC2 user data) in EU / US / CN. tests/test_realistic_programs.py runs them
as CASES (``k8s65-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, OWN_ACCOUNT, SUBNETS, Build, Row
from platform_programs_config60 import DEFAULT_SITE, declared
from platform_programs_k8s64 import AGENT, US5

CODES = ("EU", "US", "CN")
"""The programs' jurisdictions."""
KEY = (
    "DD_API_KEY=$(aws secretsmanager get-secret-value --secret-id datadog/api-key --query SecretString --output text)\n"
    "export DD_API_KEY\n"
)
"""The Agent's API key from Secrets Manager (in the home Region: the instance's own)."""
GRAFANA_PROM = "prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push"
"""A Grafana Cloud stack's Prometheus endpoint (US), written without a scheme."""
GRAFANA_OTLP = "otlp-gateway-prod-us-east-0.grafana.net:443"
"""A Grafana Cloud stack's OTLP gateway (US), as a gRPC endpoint ``host:port``."""
KUSTOMIZE = "github.com/fleet-platform/cluster-addons/overlays/agent?ref=v1.4.2"
"""The team's kustomization on GitHub, a remote target without a scheme."""

SHAPES: dict[str, set[str]] = {
    "dd-run-tight-declared": set(),
    "dd-run-tight-us1-declared": {"RES-015"},
    "dd-run-env-eq-declared": set(),
    "kubectl-url-var": {"RES-015"},
    "kubectl-url-var-declared": set(),
    "kubectl-url-ssm": {"RES-015"},
    "kubectl-kustomize-git": {"RES-015"},
    "kubectl-kustomize-git-declared": set(),
    "helm-km-prom-partner": {"RES-015"},
    "helm-km-otlp-partner": {"RES-015"},
    "helm-km-amp-home": set(),
    "helm-km-ssm": {"RES-015"},
    "compose-dotenv-elsewhere": {"RES-015"},
    "compose-dotenv-project-declared": set(),
    "compose-site-other-command": {"RES-015"},
    "compose-site-default-declared": set(),
}
"""The shapes and their verdicts in every jurisdiction of ``CODES``."""


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def _bucket_url(code: str) -> str:
    """The stack's manifests bucket's object URL (virtual-hosted style, the home Region)."""
    return f"https://fleet-manifests-{code.lower()}.s3.{AWS_HOME[code]}.{_suffix(code)}/cluster/agent.yaml"


def _ecr_chart(code: str, name: str) -> str:
    """A chart the team mirrors into its ECR (Helm "Use OCI-based registries")."""
    return f"oci://{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{_suffix(code)}/charts/{name}"


def _docker(shape: str) -> str:
    # Datadog "Docker Agent": docker run -d --name dd-agent -e DD_API_KEY=<KEY> -e DD_SITE=<SITE> ... agent:7
    site = f"--env=DD_SITE={US5}" if "-env-eq-" in shape else f"-eDD_SITE={US5}"
    return (
        f'{KEY}docker run -d --name dd-agent --restart unless-stopped -eDD_API_KEY="$DD_API_KEY" {site} '
        "-v /var/run/docker.sock:/var/run/docker.sock:ro -v /proc/:/host/proc/:ro "
        f"-v /sys/fs/cgroup/:/host/sys/fs/cgroup:ro {AGENT}\n"
    )


def _kubectl(code: str, shape: str) -> str:
    if shape.startswith("kubectl-url-ssm"):
        return (
            "URL=$(aws ssm get-parameter --name /fleet/cluster/agent-manifest --query Parameter.Value --output text)\n"
            'kubectl apply -f "$URL"\n'
        )
    if shape.startswith("kubectl-url-var"):
        return f'MANIFEST_URL="{_bucket_url(code)}"\nkubectl apply -f "$MANIFEST_URL"\n'
    return f"kubectl apply -k '{KUSTOMIZE}'\n"


def _helm(code: str, shape: str) -> str:
    # grafana/k8s-monitoring: cluster.name, destinations[] (name, type, url)
    url, kind, fetch = GRAFANA_PROM, "prometheus", ""
    if shape.endswith("-ssm"):
        url, fetch = (
            "$PROM_URL",
            (
                "PROM_URL=$(aws ssm get-parameter --name /fleet/monitoring/prometheus-url --query Parameter.Value "
                "--output text)\n"
            ),
        )
    elif "-otlp-" in shape:
        url, kind = GRAFANA_OTLP, "otlp"
    elif "-amp-" in shape:
        url = f"https://aps-workspaces.{AWS_HOME[code]}.{_suffix(code)}/workspaces/ws-0a1b2c3d/api/v1/remote_write"
    return (
        f"{fetch}helm upgrade --install grafana-k8s-monitoring {_ecr_chart(code, 'k8s-monitoring')} -n monitoring "
        f"--create-namespace --set cluster.name=fleet-{code.lower()} --set 'destinations[0].name=metrics' "
        f"--set 'destinations[0].type={kind}' --set \"destinations[0].url={url}\"\n"
    )


def _compose(shape: str) -> str:
    # Datadog "Docker Agent" in Compose; Compose reads ${DD_SITE} from the shell's environment or the project's .env
    site = "${DD_SITE:-" + US5 + "}" if "-default-" in shape else "${DD_SITE}"
    compose = (
        "cat > /opt/datadog/docker-compose.yml <<'EOF'\nservices:\n  datadog:\n"
        f"    image: {AGENT}\n    restart: unless-stopped\n    environment:\n      DD_API_KEY: ${{DD_API_KEY}}\n"
        f"      DD_SITE: {site}\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\nEOF\n"
    )
    dotenv = f"cat > /etc/fleet/.env <<'EOF'\nDD_SITE={US5}\nEOF\n"
    up = "docker compose -f /opt/datadog/docker-compose.yml up -d\n"
    if "-dotenv-project" in shape:
        up = "docker compose --project-directory /etc/fleet -f /opt/datadog/docker-compose.yml up -d\n"
    if "-other-command" in shape:
        dotenv = f"DD_SITE={US5} /opt/fleet/bin/check-intake\n"
    elif "-default-" in shape:
        dotenv = ""
    return f"{KEY}mkdir -p /opt/datadog /etc/fleet\n{dotenv}{compose}{up}"


def _program(code: str, shape: str) -> Build:
    if shape.startswith("compose"):
        body = _compose(shape)
    elif shape.startswith("helm"):
        body = _helm(code, shape)
    elif shape.startswith("kubectl"):
        body = _kubectl(code, shape)
    else:
        body = _docker(shape)
    script = f"#!/bin/bash\nset -euo pipefail\n{body}"

    def build(c: Any) -> object:
        made: list[object] = []
        if shape.startswith("kubectl-url-var"):
            made.append(aws.s3.Bucket("manifests", bucket=f"fleet-manifests-{code.lower()}", opts=c.aws))
        made.append(aws.ec2.Instance("fleet-node", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.large",
                                     subnet_id=SUBNETS[0], user_data=script, opts=c.aws))  # fmt: skip
        return made

    return build


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "kubectl-url-var-declared":
        return [{"id": "fleet-manifests", "kind": "resident", "match": _bucket_url(code),
                 "evidence": "the stack's bucket; the cluster pipeline uploads the reviewed agent.yaml"}]  # fmt: skip
    if shape == "kubectl-kustomize-git-declared":
        return [{"id": "cluster-addons", "kind": "resident", "match": KUSTOMIZE,
                 "evidence": "the team's reviewed kustomization, tag v1.4.2, fetched by the node at boot"}]  # fmt: skip
    if shape.endswith("-us1-declared"):
        return [declared(code, DEFAULT_SITE)]
    if shape.startswith("compose") or (shape.startswith("dd-run") and shape.endswith("-declared")):
        return [{**declared(code, US5), "id": "datadog-us5"}]
    return []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    return [
        (f"k8s65-{code.lower()}-{shape}", code, _program(code, shape), expected, _declared(code, shape))
        for code in CODES
        for shape, expected in SHAPES.items()
    ]
