"""Mutation search, round 34: stop 62's readings spelled another way (stop 63, issue 9: mutation63).

Round 34 mutated the realistic programs stop 62 added (mutation62, scripts62, agents62, awsred62, k8s62, falsealarm62,
alired62, fnros62) with the mutants tool, then stop 62's readings by hand (``RuleEngine(code).check`` and
``tests/test_scripts.findings`` of EC2 user data, a scratch probe kept out of the tree): docs/residency.md "Mutation
search, round 34 (stop 63)". Reproduced on the unchanged engine (main 86a0559b):

- ``kubectl create job`` / ``kubectl create cronjob`` (kubectl reference "kubectl create job": ``kubectl create job
  NAME --image=image -- [COMMAND] [args...]``; the words after ``--`` are the container's command) running ``aws ...
  --region <abroad>`` on the AWS CLI's image (``kubectl-create-job``, ``kubectl-create-cronjob``): ``create`` was no
  subcommand of kubectl the reader knew, so the command was never read (each ``-abroad`` passed every door);
- a Kubernetes manifest in a here-document whose container's ``env`` sets ``AWS_REGION`` to a Region abroad
  (``manifest-env-region``), or sets the Datadog Agent's ``DD_SITE`` to US1 undeclared (``manifest-dd-site-literal``):
  the container was read as ``docker run -e NAME ...`` with the value left out (a task definition's variables are
  judged at their own fields; a manifest inside a script's text has none): each passed every door;
- Kubernetes' ``$(NAME)`` references (pod-v1 "Container": "Variable references $(VAR_NAME) are expanded using the
  container's environment"): ``args: [..., "--region", "$(TARGET_REGION)"]`` with ``TARGET_REGION`` a home Region was
  RES-011 (a false alarm; abroad a wrong rule, RES-011 for RES-009: ``manifest-var-reference``), and ``DD_SITE:
  "$(SITE)"`` with ``SITE`` from a ConfigMap passed every door (``manifest-site-reference``; its ``-declared`` twin
  declares the ConfigMap reference);
- a manifest written as one line of JSON in a here-document (``manifest-json-line``: ``kubectl get -o json``'s or a
  generator's output; YAML reads JSON): the container reader found a ``containers:`` key only at a line's start;
- a manifest in a ``<<-`` here-document indented by tabs inside a function (``manifest-tab-heredoc``; bash(1) "Here
  Documents": "all leading tab characters are stripped"): kubectl reads YAML, the reader read tabs (no YAML).

Ids ``mutation63-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN EC2 instances; the home twin uses a second
Region inside the jurisdiction), ``mutation63-<code>-manifest-dd-site-literal`` and ``-manifest-site-reference`` /
``-declared``. On 86a0559b: 24 leaks (every refused row but the four ``manifest-var-reference-abroad``), 4 false alarms
(``manifest-var-reference-home``), 4 wrong rules (``manifest-var-reference-abroad``).
tests/test_realistic_programs.py runs them as CASES (``mutation63-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows

# The same helpers as rounds 25-33 (one fact, one place): the Regions, the machine, the team's ECR mirror of the AWS
# CLI's image (mutation62), Datadog's US1 site and its declaration (config61).
from platform_programs_config61 import DEFAULT_SITE, declared
from platform_programs_mutation56 import _aws, _region
from platform_programs_mutation62 import SNAPSHOT, _registry

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
SITE_MAP = "configMapKeyRef:datadog-config/site"
"""The text a ConfigMap reference of the Agent's site is judged and declared by (k8s62's ``_reference_text``)."""


def _cli(code: str) -> str:
    """The AWS CLI's image as the team mirrors it in its own ECR (its entrypoint is ``aws``)."""
    return f"{_registry(code)}/mirror/amazon/aws-cli:2.17.0"


def _copy(code: str, region: str) -> list[str]:
    """``aws ec2 copy-snapshot`` (the copy is made in ``--region``)."""
    return ["aws", "ec2", "copy-snapshot", "--source-region", AWS_HOME[code], "--source-snapshot-id", SNAPSHOT,
            "--description", "nightly-dr", "--region", region]  # fmt: skip


def _job(container: str) -> str:
    """A batch/v1 Job whose pod runs ``container`` (a YAML list item's lines)."""
    lines = "".join(f"        {line}\n" for line in container.strip("\n").split("\n"))
    return (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: snapshot-copy\n  namespace: ops\nspec:\n"
        "  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n" + lines
    )


def _applied(manifest: str) -> str:
    return f"kubectl apply -f - <<'EOF'\n{manifest}EOF\n"


def kubectl_create_job(code: str, where: str) -> str:
    # kubectl create job: "kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]"
    # ("Create a job with a command: kubectl create job my-job --image=busybox -- date").
    words = " ".join(_copy(code, _region(code, where)))
    return f"kubectl -n ops create job snapshot-copy-nightly --image={_cli(code)} -- {words}\n"


def kubectl_create_cronjob(code: str, where: str) -> str:
    # kubectl create cronjob: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND]
    # [args...]"; the nightly copy as a CronJob.
    words = " ".join(_copy(code, _region(code, where)))
    return f"kubectl -n ops create cronjob snapshot-copy --image={_cli(code)} --schedule='0 2 * * *' -- {words}\n"


def manifest_env_region(code: str, where: str) -> str:
    # A Job listing the DR Region's parameters; the Region given as the container's AWS_REGION (the AWS CLI's
    # "Environment variables to configure the AWS CLI": "AWS_REGION ... overrides the AWS_DEFAULT_REGION").
    container = (
        f"- name: params\n  image: {_cli(code)}\n  env:\n  - name: AWS_REGION\n    value: {_region(code, where)}\n"
        '  args: ["ssm", "get-parameters-by-path", "--path", "/fleet/dr", "--recursive"]'
    )
    return _applied(_job(container))


def manifest_var_reference(code: str, where: str) -> str:
    # Kubernetes "Define a command and arguments for a container": "env: - name: MESSAGE value: ... args:
    # ["$(MESSAGE)"]" ("The environment variable appears in parentheses, "$(VAR)". This is required for the variable
    # to be expanded in the command or args field").
    args = json.dumps(_copy(code, "$(TARGET_REGION)")[1:])
    container = (
        f"- name: copy\n  image: {_cli(code)}\n  env:\n  - name: TARGET_REGION\n    value: {_region(code, where)}\n"
        f"  args: {args}"
    )
    return _applied(_job(container))


def _agent(env: str) -> str:
    """The Datadog Agent's DaemonSet (Datadog "Install the Datadog Agent on Kubernetes" manifest shape)."""
    return _applied(
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: datadog-agent\n  namespace: datadog\nspec:\n"
        "  selector:\n    matchLabels: {app: datadog-agent}\n  template:\n    metadata:\n"
        "      labels: {app: datadog-agent}\n    spec:\n      containers:\n      - name: agent\n"
        "        image: gcr.io/datadoghq/agent:7\n        env:\n"
        "        - name: DD_API_KEY\n          valueFrom:\n"
        "            secretKeyRef: {name: datadog-secret, key: api-key}\n"
        + "".join(f"        {line}\n" for line in env.strip("\n").split("\n"))
    )


def manifest_site_reference(code: str, where: str) -> str:
    # Kubernetes "Define dependent environment variables": "$(VAR_NAME) ... expanded using the previously defined
    # environment variables"; the site from the ConfigMap the platform team keeps.
    return _agent(
        "- name: SITE\n  valueFrom:\n    configMapKeyRef: {name: datadog-config, key: site}\n"
        '- name: DD_SITE\n  value: "$(SITE)"'
    )


def manifest_dd_site_literal(code: str, where: str) -> str:
    return _agent(f"- name: DD_SITE\n  value: {DEFAULT_SITE}")


def manifest_json_line(code: str, where: str) -> str:
    # A Job generated as JSON (`kubectl create job ... --dry-run=client -o json` kept in a template), one line.
    job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "snapshot-copy", "namespace": "ops"},
           "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [
               {"name": "copy", "image": _cli(code), "args": _copy(code, _region(code, where))[1:]}]}}}}  # fmt: skip
    return f"kubectl apply -f - <<'EOF'\n{json.dumps(job, separators=(',', ':'))}\nEOF\n"


def manifest_tab_heredoc(code: str, where: str) -> str:
    # A function's body indented by tabs, its here-document `<<-` (bash strips the tabs; YAML's indentation is the
    # spaces after them).
    args = json.dumps(_copy(code, _region(code, where))[1:])
    body = _job(f"- name: copy\n  image: {_cli(code)}\n  args: {args}") + "EOF\n"
    tabbed = "".join(f"\t{line}\n" for line in body.rstrip("\n").split("\n"))
    return f"copy_snapshot() {{\n\tkubectl apply -f - <<-'EOF'\n{tabbed}}}\ncopy_snapshot\n"


REGION = {"RES-009"}
HOST = {"RES-015"}

KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "kubectl-create-job": (_aws(kubectl_create_job), REGION, AWS_CODES),
    "kubectl-create-cronjob": (_aws(kubectl_create_cronjob), REGION, ("EU", "CN")),
    "manifest-env-region": (_aws(manifest_env_region), REGION, AWS_CODES),
    "manifest-var-reference": (_aws(manifest_var_reference), REGION, AWS_CODES),
    "manifest-json-line": (_aws(manifest_json_line), REGION, AWS_CODES),
    "manifest-tab-heredoc": (_aws(manifest_tab_heredoc), REGION, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation63", KINDS)
    for code in AWS_CODES:
        p = f"mutation63-{code.lower()}-"
        out.append((f"{p}manifest-dd-site-literal", code, _aws(manifest_dd_site_literal)(code, "abroad"), HOST, []))
    for code in ("EU", "US"):
        p = f"mutation63-{code.lower()}-"
        site = _aws(manifest_site_reference)(code, "abroad")
        out.append((f"{p}manifest-site-reference", code, site, HOST, []))
        out.append((f"{p}manifest-site-reference-declared", code, site, set(), [declared(code, SITE_MAP)]))
    return out
