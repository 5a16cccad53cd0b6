"""False alarms, round 31 (stop 64, issue 9: falsealarm64).

Ordinary in-country boot scripts a platform team writes (EC2 user data in EU / US / JP, ECS user data in CN / JP / DE),
with emphasis on what stop 63 added readers for: the Datadog Agent's ``docker run`` line and its ``-e DD_SITE``, the
Datadog Helm chart's values, the OpenTelemetry Collector's configuration URIs. The hunt (one-value probes, the home
Datadog site declared resident: ``bash -ec`` / ``su -lc`` / ``runuser -c``, wrappers in ``for`` / ``while read`` loops
over home Regions, inline ``$(...)`` among options, Vector / Filebeat / Collector files with home sites, the Splunk
forwarder's CLI to a resident indexer, CIDR blocks under host keys, App Runner start commands, SAE / ECI in ROS, ROS
databases' address attributes through a shell variable) found the stop-63 readers right on compliant programs, except:

- **the Datadog chart's values from standard input** (Helm: a values file named ``-`` is read from standard input,
  helm/helm PR 2809 "Support reading the values file from STDIN"; issue 7002's ``cat <<EOF | helm upgrade --install ...
  --values -``; Datadog "Install the Datadog Agent on Kubernetes": ``datadog.site``): ``helm upgrade --install ... -f -
  <<EOF`` with the home site was RES-015 by ``-``, a values file the script does not write;
- **the Collector's ``--config=env:NAME``** (config63's reading of the Collector's configuration URIs) given by
  ``export NAME="$(cat <<EOF`` over lines: a body holding ``$DD_API_KEY`` was no known value, RES-015 by ``env:NAME``
  whatever it held (a false alarm for the home site); from ``"$(cat FILE)"`` of a file the script writes, each line
  was read apart and a site abroad passed every door (a leak);
- **the Agent's ``-e DD_SITE`` given a value the evaluator computes** (``"$(cat /etc/fleet/dd_site)"`` of a file the
  script writes, or ``read -r DD_SITE < FILE`` then ``export DD_SITE``; Datadog "Docker Agent": ``docker run ... -e
  DD_SITE=<DATADOG_SITE>``): judged nowhere, so a site abroad passed every door (leaks).

Reproduced on the unchanged engine (main 644efda6): see docs/residency.md, *False alarms, round 31 (stop 64)*.

Ids: ``falsealarm64-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

from platform_parts import Row
from platform_programs_agents62 import HOME_SITE, declared
from platform_programs_falsealarm58 import _ali, _boot

AWS_CODES = ("EU", "US", "JP")
ALI_CODES = ("CN", "JP", "DE")
ABROAD_SITE = {"EU": "us5.datadoghq.com", "US": "datadoghq.eu", "JP": "us5.datadoghq.com", "CN": "datadoghq.com",
               "DE": "us5.datadoghq.com"}  # fmt: skip
"""A Datadog site outside each market (Datadog "Getting Started with Datadog Sites": US5 is in the US, EU1 in the
EU)."""
REFUSED = {"RES-015"}
KEY = (
    "DD_API_KEY=$(aws ssm get-parameter --name /fleet/dd-api-key --with-decryption --query Parameter.Value "
    "--output text)\n"
)
"""The Agent's API key from the team's SecureString parameter (a value no reader computes: it decides nothing)."""
ALI_KEY = "DD_API_KEY=$(aliyun kms GetSecretValue --SecretName fleet-dd-api-key | jq -r .SecretData)\n"
"""The same from KMS Secrets Manager on Alibaba Cloud."""

# -- the Datadog Helm chart (Datadog "Install the Datadog Agent on Kubernetes": `helm install datadog-agent -f
# datadog-values.yaml datadog/datadog`, values datadog.apiKeyExistingSecret, datadog.site), the chart from the team's
# ECR (Helm "Use OCI-based registries"); its values from standard input (helm/helm PR 2809: `-f -`) ----------------
CHART = "oci://@A@.dkr.ecr.@R@.@S@/charts/datadog"
INSTALL = f"helm upgrade --install datadog-agent {CHART} --version 3.69.0 -n datadog --create-namespace"


def _values(site: str | None) -> str:
    line = f"  site: {site}\n" if site else ""
    return f"datadog:\n  apiKeyExistingSecret: datadog-secret\n{line}  logs:\n    enabled: true\nEOF\n"


def helm_stdin(site: str | None) -> str:
    """The chart installed with its values from the here-document the line gives (``-f -``)."""
    return f"{INSTALL} -f - <<EOF\n{_values(site)}"


def helm_cat_pipe(site: str) -> str:
    """The same values piped by ``cat`` (helm/helm issue 7002: ``cat <<EOF | helm ... --values -``)."""
    return f"cat <<'EOF' | {INSTALL} --values -\n{_values(site)}"


HELM_UNKNOWN = f"sops -d /etc/fleet/datadog-values.enc.yaml | {INSTALL} -f -\n"
"""Values decrypted at boot and piped in: no input shows them (RES-015 by ``-``, pinned)."""

# -- the OpenTelemetry Collector given a configuration by an environment variable ("--config=env:OTEL_CONFIG"), the
# Collector's Datadog exporter (api.site, api.key; its default site US1) -------------------------------------------
RUN_COLLECTOR = (
    "nohup /usr/bin/otelcol-contrib --config=/etc/otelcol-contrib/config.yaml --config=env:OTEL_CONFIG "
    "> /var/log/otelcol.log 2>&1 &\n"
)


def _exporter(site: str | None) -> str:
    line = f"      site: {site}\n" if site else ""
    return (f"exporters:\n  datadog:\n    api:\n{line}      key: $DD_API_KEY\n"
            "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [datadog]\n")  # fmt: skip


def otel_env_heredoc(site: str | None) -> str:
    """The exporter in a variable by ``"$(cat <<EOF`` over lines (an unquoted body: its ``$DD_API_KEY`` expanded)."""
    return f'{KEY}export OTEL_CONFIG="$(cat <<EOF\n{_exporter(site)}EOF\n)"\n{RUN_COLLECTOR}'


def otel_env_file(site: str) -> str:
    """The exporter written to a file first, the variable given the file's whole text (``"$(cat FILE)"``)."""
    return (f"{KEY}mkdir -p /etc/otel\ncat > /etc/otel/datadog.yaml <<EOF\n{_exporter(site)}EOF\n"
            f'export OTEL_CONFIG="$(cat /etc/otel/datadog.yaml)"\n{RUN_COLLECTOR}')  # fmt: skip


OTEL_ENV_UNKNOWN = (
    "SITE=$(aws ssm get-parameter --name /fleet/dd-site --query Parameter.Value --output text)\n"
    + otel_env_heredoc("$SITE")
)
"""The exporter's site from a parameter read at boot: unproven (RES-015, pinned; it was RES-015 by ``env:``)."""

# -- the Agent's container (Datadog "Docker Agent": `docker run -d --name dd-agent -e DD_API_KEY=<KEY> -e
# DD_SITE=<DATADOG_SITE> -v /var/run/docker.sock:/var/run/docker.sock:ro ... gcr.io/datadoghq/agent:7`) ------------
AGENT = (
    'docker run -d --name dd-agent --restart unless-stopped -e DD_API_KEY="$DD_API_KEY" {site}'
    "-v /var/run/docker.sock:/var/run/docker.sock:ro -v /proc/:/host/proc/:ro "
    "-v /sys/fs/cgroup/:/host/sys/fs/cgroup:ro gcr.io/datadoghq/agent:7\n"
)


def dd_run_file(site: str, key: str = KEY) -> str:
    """The fleet's site written to a file at boot, the run given the file's text (``-e DD_SITE="$(cat FILE)"``)."""
    return (f"{key}mkdir -p /etc/fleet\necho {site} > /etc/fleet/dd_site\n"
            + AGENT.format(site='-e DD_SITE="$(cat /etc/fleet/dd_site)" '))  # fmt: skip


def dd_run_read(site: str, key: str = KEY) -> str:
    """The same read into the shell's variable and exported, the run passing the shell's value (``-e DD_SITE``)."""
    return (f"{key}mkdir -p /etc/fleet\nprintf '%s\\n' {site} > /etc/fleet/dd_site\n"
            "read -r DD_SITE < /etc/fleet/dd_site\nexport DD_SITE\n" + AGENT.format(site="-e DD_SITE "))  # fmt: skip


def _home(code: str) -> str:
    return HOME_SITE[code]


AWS_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "helm-stdin-home-declared": (lambda c: helm_stdin(_home(c)), set(), AWS_CODES),
    "helm-cat-pipe-home-declared": (lambda c: helm_cat_pipe(_home(c)), set(), ("EU", "JP")),
    "helm-stdin-abroad": (lambda c: helm_stdin(ABROAD_SITE[c]), REFUSED, ("EU", "JP")),
    "helm-stdin-default": (lambda c: helm_stdin(None), REFUSED, ("EU",)),
    "helm-pipe-unknown": (lambda c: HELM_UNKNOWN, REFUSED, ("JP",)),
    "otel-env-heredoc-home-declared": (lambda c: otel_env_heredoc(_home(c)), set(), AWS_CODES),
    "otel-env-file-home-declared": (lambda c: otel_env_file(_home(c)), set(), ("EU", "JP")),
    "otel-env-file-abroad": (lambda c: otel_env_file(ABROAD_SITE[c]), REFUSED, AWS_CODES),
    "otel-env-heredoc-default": (lambda c: otel_env_heredoc(None), REFUSED, ("EU",)),
    "otel-env-heredoc-unknown": (lambda c: OTEL_ENV_UNKNOWN, REFUSED, ("US",)),
    "dd-run-file-home-declared": (lambda c: dd_run_file(_home(c)), set(), AWS_CODES),
    "dd-run-file-abroad": (lambda c: dd_run_file(ABROAD_SITE[c]), REFUSED, AWS_CODES),
    "dd-run-read-home-declared": (lambda c: dd_run_read(_home(c)), set(), ("EU",)),
    "dd-run-read-abroad": (lambda c: dd_run_read(ABROAD_SITE[c]), REFUSED, AWS_CODES),
}
"""Each AWS shape (EC2 user data): its script for the market, its verdict, the markets it runs in."""

ALI_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "ali-dd-run-file-abroad": (lambda c: dd_run_file(ABROAD_SITE[c], ALI_KEY), REFUSED, ALI_CODES),
    "ali-dd-run-read-abroad": (lambda c: dd_run_read(ABROAD_SITE[c], ALI_KEY), REFUSED, ALI_CODES),
    "ali-dd-run-file-home-declared": (lambda c: dd_run_file(_home(c), ALI_KEY), set(), ("JP",)),
    "ali-otel-env-heredoc-home-declared": (
        lambda c: otel_env_heredoc(_home(c)).replace(KEY, ALI_KEY),
        set(),
        ("JP",),
    ),
}
"""Each Alibaba Cloud shape (ECS user data)."""


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, _home(code))] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for shape, (script, expected, codes) in AWS_SHAPES.items():
        out += [(f"falsealarm64-{code.lower()}-{shape}", code, _boot(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    for shape, (script, expected, codes) in ALI_SHAPES.items():
        out += [(f"falsealarm64-{code.lower()}-{shape}", code, _ali(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    return out
