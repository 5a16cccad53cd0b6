"""Container definitions, round 6 (stop 65, issue 9, k8s65b): a Kubernetes manifest whose text the script computes
before ``kubectl`` reads it (a template filled by ``sed`` or ``envsubst``, piped into ``kubectl apply -f -`` or
written into the file ``kubectl apply -f`` reads), a manifest fetched on a pipe (``curl URL |``, ``kustomize build
URL |``, ``aws s3 cp s3://... - |``), and a written ``kustomization.yaml`` naming a remote base.

Each with a compliant twin (the home Region, the fetched text declared) and an offending one (a Region abroad, a
manifest read at run time):

- a Job running the AWS CLI (``public.ecr.aws/aws-cli/aws-cli``) whose ``--region`` is a template's placeholder,
  filled by ``sed "s/__REGION__/$R/g" FILE | kubectl apply -f -`` (GNU sed: "sed ... writes the result to standard
  output"; kubectl apply: ``cat pod.json | kubectl apply -f -``,
  https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/), by ``sed ... <<'EOF' | kubectl apply -f -``,
  by ``sed ... FILE > OUT`` then ``kubectl apply -f OUT``, and by ``envsubst < FILE | kubectl apply -f -`` with the
  variable exported (GNU gettext envsubst: "Substitutes the values of environment variables");
- ``curl -fsSL URL | kubectl apply -f -`` and ``aws s3 cp s3://BUCKET/KEY - | kubectl apply -f -`` (AWS CLI s3 cp:
  "the - argument ... stream to standard output"): k8s64 decided that a manifest applied by URL is RES-015 by the URL
  until declared; ``kustomize build github.com/<org>/<repo>//<path>?ref=<tag> | kubectl apply -f -`` (kustomize
  "remote targets", https://github.com/kubernetes-sigs/kustomize/blob/master/examples/remoteBuild.md);
- a manifest read from Parameter Store into a variable and echoed into ``kubectl apply -f -`` (``M=$(aws ssm
  get-parameter ...)``; ``echo "$M" |``): a value only known at run time that decides what runs;
- a ``kustomization.yaml`` the script writes whose ``resources:`` name a remote base
  (``github.com/<org>/<repo>//deploy/agent?ref=v1.2.0``; kustomize: "resources ... Each entry in this list must be a
  path to a file, or a path (or URL) referring to another kustomization directory",
  https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/), applied by ``kubectl apply -k DIR``.

Reproduced on the unchanged engine (23bea94d): 45 programs, 33 offending, 12 compliant; **33 failed: 33 leaks, no
false alarm, no wrong rule** (every offending program passed every door). See docs/residency.md, *Container
definitions, round 6 (stop 65)*.

Ids: ``k8s65b-<code>-<shape>``; AWS programs (EC2 user data) in EU / US / CN. tests/test_realistic_programs.py runs
them as CASES (``k8s65b-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row

CODES = ("EU", "US", "CN")
"""The programs' jurisdictions."""
REMOTE_BASE = "github.com/fleet-platform/cluster-addons//deploy/agent?ref=v1.2.0"
"""The team's kustomization base on GitHub, a remote target without a scheme."""

SHAPES: dict[str, set[str]] = {
    "sed-file-pipe-home": set(),
    "sed-file-pipe-abroad": {"RES-009"},
    "sed-heredoc-pipe-abroad": {"RES-009"},
    "sed-var-pipe-abroad": {"RES-009"},
    "sed-out-file-abroad": {"RES-009"},
    "envsubst-file-pipe-home": set(),
    "envsubst-file-pipe-abroad": {"RES-009"},
    "envsubst-heredoc-pipe-abroad": {"RES-009"},
    "curl-pipe": {"RES-015"},
    "curl-pipe-declared": set(),
    "s3cp-pipe": {"RES-015"},
    "ssm-var-pipe": {"RES-015"},
    "kustomize-build-git": {"RES-015"},
    "kustomization-remote": {"RES-015"},
    "kustomization-remote-declared": set(),
}
"""The shapes and their verdicts in every jurisdiction of ``CODES``."""


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def _manifest_url(code: str) -> str:
    """The stack's manifests bucket's object URL (virtual-hosted style, the home Region)."""
    return f"https://fleet-manifests-{code.lower()}.s3.{AWS_HOME[code]}.{_suffix(code)}/cluster/agent.yaml"


def _job(region: str) -> str:
    """A Job running the AWS CLI in the cluster (a nightly inventory), its Region written at ``--region``."""
    return (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: fleet-inventory\n  namespace: ops\nspec:\n"
        "  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      serviceAccountName: inventory\n"
        "      containers:\n        - name: inventory\n          image: public.ecr.aws/aws-cli/aws-cli:2.15.30\n"
        f'          command: ["aws", "ec2", "describe-instances", "--region", "{region}", "--output", "json"]\n'
    )


def _template(code: str, shape: str) -> str:
    region = AWS_HOME[code] if shape.endswith("-home") else AWS_ABROAD[code]
    if shape.startswith("envsubst"):
        job = _job("${DR}")
        export = f"export DR={region}\n"
        if "-heredoc-" in shape:
            return f"{export}envsubst <<'EOF' | kubectl apply -f -\n{job}EOF\n"
        return f"{export}cat > /opt/k8s/inventory.tpl.yaml <<'EOF'\n{job}EOF\nenvsubst < /opt/k8s/inventory.tpl.yaml | kubectl apply -f -\n"  # noqa: E501
    job = _job("__REGION__")
    tpl = f"cat > /opt/k8s/inventory.tpl.yaml <<'EOF'\n{job}EOF\n"
    if "-heredoc-" in shape:
        return f"sed 's/__REGION__/{region}/g' <<'EOF' | kubectl apply -f -\n{job}EOF\n"
    if "-var-" in shape:
        return f'DR={region}\n{tpl}sed "s/__REGION__/$DR/g" /opt/k8s/inventory.tpl.yaml | kubectl apply -f -\n'
    if "-out-" in shape:
        return (
            f"{tpl}sed 's/__REGION__/{region}/g' /opt/k8s/inventory.tpl.yaml > /opt/k8s/inventory.yaml\n"
            "kubectl apply -f /opt/k8s/inventory.yaml\n"
        )
    return f"{tpl}sed -e 's/__REGION__/{region}/g' /opt/k8s/inventory.tpl.yaml | kubectl apply -f -\n"


def _fetched(code: str, shape: str) -> str:
    if shape.startswith("curl"):
        return f"curl -fsSL {_manifest_url(code)} | kubectl apply -f -\n"
    if shape.startswith("ssm"):
        return (
            "MANIFEST=$(aws ssm get-parameter --name /fleet/cluster/agent-manifest --query Parameter.Value "
            '--output text)\necho "$MANIFEST" | kubectl apply -f -\n'
        )
    if shape.startswith("s3cp"):
        return f"aws s3 cp s3://fleet-manifests-{code.lower()}/cluster/agent.yaml - | kubectl apply -f -\n"
    if shape.startswith("kustomize-build"):
        return "kustomize build 'github.com/fleet-platform/cluster-addons//overlays/agent?ref=v1.4.2' | kubectl apply -f -\n"  # noqa: E501
    return (
        "mkdir -p /opt/k8s/agent\ncat > /opt/k8s/agent/kustomization.yaml <<'EOF'\n"
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: monitoring\nresources:\n"
        f"  - {REMOTE_BASE}\nEOF\nkubectl apply -k /opt/k8s/agent\n"
    )


def _program(code: str, shape: str) -> Build:
    body = _template(code, shape) if shape.startswith(("sed", "envsubst")) else _fetched(code, shape)
    script = f"#!/bin/bash\nset -euo pipefail\nmkdir -p /opt/k8s\n{body}"

    def build(c: Any) -> object:
        made: list[object] = []
        if shape.startswith(("curl", "s3cp")):
            made.append(aws.s3.Bucket("manifests", bucket=f"fleet-manifests-{code.lower()}", opts=c.aws))
        made.append(aws.ec2.Instance("fleet-node", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.large",
                                     subnet_id=SUBNETS[0], user_data=script, opts=c.aws))  # fmt: skip
        return made

    return build


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "curl-pipe-declared":
        return [{"id": "fleet-manifests", "kind": "resident", "match": _manifest_url(code),
                 "evidence": "the stack's bucket; the cluster pipeline uploads the reviewed agent.yaml"}]  # fmt: skip
    if shape == "kustomization-remote-declared":
        return [{"id": "cluster-addons", "kind": "resident", "match": REMOTE_BASE,
                 "evidence": "the reviewed kustomization base, tag v1.2.0, fetched at boot"}]  # fmt: skip
    return []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    return [
        (f"k8s65b-{code.lower()}-{shape}", code, _program(code, shape), expected, _declared(code, shape))
        for code in CODES
        for shape, expected in SHAPES.items()
    ]
