"""Container definitions, round 7 (stop 66, issue 9, k8s66): the text a command gets on its standard input (a Helm
values file named ``-`` given by ``cat FILE |``, ``< FILE``, ``echo '<json>' |``), a manifest fetched into a file
before ``kubectl apply -f FILE`` reads it, a sed or envsubst value only known at run time, and ``kubectl set env``
removing or emptying the Agent's ``DD_SITE``.

Each with a compliant twin (the home Region, the fetched text or the site declared) and an offending one (a Region
abroad, a manifest or value read at run time, the Agent's default site undeclared):

- Vector's chart (``helm upgrade --install vector vector/vector``) given its values file on standard input: helm
  reads a values file named ``-`` from standard input (helm/helm PR 2809, "Support reading the values file from
  STDIN"; issue 7002: ``cat <<EOF | helm upgrade --install ... --values -``), here the file the script writes by
  ``cat FILE |`` or ``< FILE`` (bash(1) "Redirecting Input"), or a JSON document echoed (JSON is YAML); the sink's
  ``region`` (Vector ``aws_cloudwatch_logs`` sink, https://vector.dev/docs/reference/configuration/sinks/aws_cloudwatch_logs/);
- ``curl -fsSLo FILE URL``, ``wget -qO FILE URL`` (wget(1): "-O file ... documents will ... be written to file") and
  ``aws s3 cp s3://BUCKET/KEY FILE`` (AWS CLI s3 cp) of the stack's own bucket, then ``kubectl apply -f FILE``: k8s64
  decided that a manifest applied by URL is RES-015 by the URL until declared; a file the script fetches is that URL;
- a template's Region filled by ``sed "s/__REGION__/$DR/g"`` / ``envsubst`` where ``DR`` is read from Parameter Store
  (``aws ssm get-parameter``): a value only known at run time that decides the Job's Region;
- ``kubectl set env daemonset/datadog-agent DD_SITE-`` ("To remove a variable, append a dash: ``kubectl set env
  deployment/registry ENV-``", kubectl set env, https://kubernetes.io/docs/reference/kubectl/generated/kubectl_set/
  kubectl_set_env/) and ``DD_SITE=`` (empty): the Agent then sends to its default site, US1 (``datadoghq.com``,
  "By default the Agent sends its data to the Datadog US site", Datadog "Agent Site troubleshooting").

Reproduced on the unchanged engine (d207e72e): 48 programs, 30 offending, 18 compliant; **39 failed: 21 leaks
(``fetch-curl`` / ``-wget`` / ``-s3cp``, ``sed-ssm``, ``envsubst-ssm``, ``setenv-remove`` / ``-empty``), 9 false
alarms (``helm-*-home``: RES-015 by ``-``), 9 wrong rules (``helm-*-abroad``: RES-015 by ``-`` beside or instead of
RES-009)**. See docs/residency.md, *Container definitions, round 7 (stop 66)*.

Ids: ``k8s66-<code>-<shape>``; AWS programs (EC2 user data) in EU / US / CN. tests/test_realistic_programs.py runs
them as CASES (``k8s66-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, dns_suffix
from platform_programs_agents62 import declared

CODES = ("EU", "US", "CN")
"""The programs' jurisdictions."""
US1 = "datadoghq.com"
"""The Datadog Agent's default site (US1)."""

SHAPES: dict[str, set[str]] = {
    "helm-cat-home": set(),
    "helm-cat-abroad": {"RES-009"},
    "helm-redirect-home": set(),
    "helm-redirect-abroad": {"RES-009"},
    "helm-echo-home": set(),
    "helm-echo-abroad": {"RES-009"},
    "fetch-curl": {"RES-015"},
    "fetch-curl-declared": set(),
    "fetch-wget": {"RES-015"},
    "fetch-s3cp": {"RES-015"},
    "fetch-other-file": set(),
    "sed-ssm": {"RES-011"},
    "envsubst-ssm": {"RES-011"},
    "setenv-remove": {"RES-015"},
    "setenv-remove-declared": set(),
    "setenv-empty": {"RES-015"},
}
"""The shapes and their verdicts in every jurisdiction of ``CODES``."""


def _manifest_url(code: str) -> str:
    """The stack's manifests bucket's object URL (virtual-hosted style, the home Region)."""
    return f"https://fleet-manifests-{code.lower()}.s3.{AWS_HOME[code]}.{dns_suffix(code)}/cluster/agent.yaml"


def _region(code: str, shape: str) -> str:
    return AWS_HOME[code] if shape.endswith("-home") else AWS_ABROAD[code]


def _vector_values(region: str, json: bool = False) -> str:
    """Vector's chart values: one CloudWatch Logs sink of the pods' logs, in ``region``."""
    if json:
        return (
            '{"role":"Agent","customConfig":{"sources":{"k8s":{"type":"kubernetes_logs"}},"sinks":{"cw":{"type":'
            f'"aws_cloudwatch_logs","inputs":["k8s"],"group_name":"/fleet/pods","region":"{region}",'
            '"encoding":{"codec":"json"}}}}}'
        )
    return (
        "role: Agent\ncustomConfig:\n  sources:\n    k8s:\n      type: kubernetes_logs\n  sinks:\n    cw:\n"
        "      type: aws_cloudwatch_logs\n      inputs: [k8s]\n      group_name: /fleet/pods\n"
        f"      region: {region}\n      encoding:\n        codec: json\n"
    )


def _helm(code: str, shape: str) -> str:
    region = _region(code, shape)
    release = "helm upgrade --install vector vector/vector --namespace logging --create-namespace"
    if "-echo-" in shape:
        return f"echo '{_vector_values(region, json=True)}' | {release} -f -\n"
    written = f"cat > /opt/k8s/vector-values.yaml <<'EOF'\n{_vector_values(region)}EOF\n"
    if "-cat-" in shape:
        return f"{written}cat /opt/k8s/vector-values.yaml | {release} --values -\n"
    return f"{written}{release} -f - < /opt/k8s/vector-values.yaml\n"


def _fetch(code: str, shape: str) -> str:
    url = _manifest_url(code)
    if shape.startswith("fetch-wget"):
        return f"wget -qO /opt/k8s/agent.yaml {url}\nkubectl apply -f /opt/k8s/agent.yaml\n"
    if shape.startswith("fetch-s3cp"):
        return (
            f"aws s3 cp s3://fleet-manifests-{code.lower()}/cluster/agent.yaml /opt/k8s/agent.yaml\n"
            "kubectl apply -f /opt/k8s/agent.yaml\n"
        )
    if shape.startswith("fetch-other"):  # the fetched file is not the one applied (baked into the image)
        return f"curl -fsSLo /opt/k8s/checksums.txt {url}.sha256\nkubectl apply -f /opt/k8s/baked/agent.yaml\n"
    return f"curl -fsSLo /opt/k8s/agent.yaml {url}\nkubectl apply -f /opt/k8s/agent.yaml\n"


def _job(command: str) -> str:
    """A Job running the AWS CLI in the cluster, its exec-form ``command``."""
    return (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fleet-drain\n  namespace: ops\nspec:\n"
        "  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      serviceAccountName: drain\n"
        "      containers:\n        - name: drain\n          image: public.ecr.aws/aws-cli/aws-cli:2.15.30\n"
        f"          command: {command}\n"
    )


def _sed(code: str, shape: str) -> str:
    ssm = "$(aws ssm get-parameter --name /fleet/dr-region --query Parameter.Value --output text)"
    if shape.startswith("envsubst"):
        job = _job('["aws", "ec2", "describe-instances", "--region", "${DR}", "--output", "json"]')
        return (
            f"export DR={ssm}\ncat > /opt/k8s/inventory.tpl.yaml <<'EOF'\n{job}EOF\n"
            "envsubst < /opt/k8s/inventory.tpl.yaml | kubectl apply -f -\n"
        )
    job = _job('["aws", "ec2", "describe-instances", "--region", "__REGION__", "--output", "json"]')
    return (
        f"DR={ssm}\ncat > /opt/k8s/inventory.tpl.yaml <<'EOF'\n{job}EOF\n"
        'sed "s/__REGION__/$DR/g" /opt/k8s/inventory.tpl.yaml | kubectl apply -f -\n'
    )


def _setenv(shape: str) -> str:
    change = "DD_SITE=" if shape.startswith("setenv-empty") else "DD_SITE-"
    return (
        "# revert the canary's site override: the Agent goes back to the chart's configuration\n"
        f"kubectl -n datadog set env daemonset/datadog-agent {change}\n"
        "kubectl -n datadog rollout status daemonset/datadog-agent --timeout=300s\n"
    )


def _program(code: str, shape: str) -> Build:
    if shape.startswith("helm"):
        body = _helm(code, shape)
    elif shape.startswith("fetch"):
        body = _fetch(code, shape)
    elif shape.startswith("setenv"):
        body = _setenv(shape)
    else:
        body = _sed(code, shape)
    script = f"#!/bin/bash\nset -euo pipefail\nmkdir -p /opt/k8s\n{body}"

    def build(c: Any) -> object:
        made: list[object] = []
        if shape.startswith("fetch"):
            made.append(aws.s3.Bucket("manifests", bucket=f"fleet-manifests-{code.lower()}", opts=c.aws))
        made.append(aws.ec2.Instance("fleet-node", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.large",
                                     subnet_id=SUBNETS[0], user_data=script, opts=c.aws))  # fmt: skip
        return made

    return build


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "fetch-curl-declared":
        return [{"id": "fleet-manifests", "kind": "resident", "match": _manifest_url(code),
                 "evidence": "the stack's bucket; the cluster pipeline uploads the reviewed agent.yaml"}]  # fmt: skip
    if shape == "setenv-remove-declared":
        return [declared(code, US1)]
    return []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    return [
        (f"k8s66-{code.lower()}-{shape}", code, _program(code, shape), expected, _declared(code, shape))
        for code in CODES
        for shape, expected in SHAPES.items()
    ]
