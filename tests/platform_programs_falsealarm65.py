"""False alarms, round 32 (stop 65, issue 9: falsealarm65).

Ordinary in-country boot scripts a platform team writes (EC2 user data in EU / US / JP and aws-cn CN, ECS user data
in CN / JP / DE), with emphasis on what stop 64 added readers for: ``eval`` / ``source`` / ``.`` of files and text
(``. /etc/os-release``, ``eval "$(ssh-agent -s)"``, ``. /opt/venv/bin/activate``, ``eval "$(pyenv init -)"``, conda's
shell hook), ``xargs`` over home Regions, wrappers with prefix assignments, ``bash -ce`` / ``sudo -iu``, Docker
Compose files with ``${VAR}`` interpolated, the Collector's and Vector's Helm charts given values on standard input.
The hunt (one-value probes of the unchanged engine, the home Datadog site / Elastic Cloud deployment declared
resident) found the stop-64 readers right on compliant programs, except:

- **a Compose file's ``${VAR}`` set in the project's ``.env`` or an ``--env-file``** (Docker "Set, use, and manage
  variables in a Compose file with interpolation": ``$ cat .env`` / ``TAG=v1.5``, ``image: "webapp:${TAG}"``;
  ``docker compose --env-file ./config/.env.dev up``): a Compose file written by a quoted here-document takes only
  the script's exported variables (scripts54b), so ``https://sqs.${AWS_REGION}.amazonaws.com/...`` with
  ``AWS_REGION`` in ``.env`` was RES-015 as ``sqs.v0.amazonaws.com`` (``compose-dotenv-home``,
  ``compose-env-file-home``, ``ali-compose-dotenv-home``);
- **an environment file written by ``printf 'A=x\\nB=y\\n'``** (printf's ``\\n`` escape: two lines): the assignment
  reader took ``x\\nB=y\\n`` for A's value, so a home Region filled into a Compose file was refused
  (``sqs.eu-west-1nlog_level``, RES-015) and a Region abroad, sourced back (``set -a; . FILE``) and given to
  ``--region``, passed every door (``printf-env-source-abroad``: a leak);
- **a chart's values given on standard input by a variable** (``VALUES=$(cat <<'EOF' ... EOF)``, then ``helm upgrade
  --install ... -f - <<< "$VALUES"`` or ``echo "$VALUES" | helm ... --values -``; helm/helm PR 2809): RES-015 by
  ``-`` whatever the values held (``helm-herestring-home``; ``helm-herestring-abroad`` RES-015 for RES-009).

Pinned beside them (passing before as after): a boot script over the stop-64 readers with home Regions only
(``boot-readers-home``), the same on Alibaba Cloud (``ali-boot-readers-home``); a values variable no reader computes
(``helm-herestring-unknown``, RES-015 by ``-``).

Reproduced on the unchanged engine (main bc352e13): see docs/residency.md, *False alarms, round 32 (stop 65)*.

Ids: ``falsealarm65-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

from platform_parts import Row
from platform_programs_agents62 import HOME_SITE, declared
from platform_programs_falsealarm58 import _ali, _boot

AWS_CODES = ("EU", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
ABROAD_SITE = {"EU": "us5.datadoghq.com", "US": "datadoghq.eu", "JP": "us5.datadoghq.com"}
"""A Datadog site outside each market (Datadog "Getting Started with Datadog Sites")."""

# -- Docker Compose with interpolation from an environment file (Docker "Set, use, and manage variables in a Compose
# file with interpolation": the project's `.env`, `docker compose --env-file FILE`); the worker's image from the
# team's ECR, its queue and the VPC's database by the private zone's name ---------------------------------------------
COMPOSE = (
    "cat > /opt/fleet/compose.yaml <<'EOF'\n"
    "services:\n"
    "  worker:\n"
    "    image: @A@.dkr.ecr.@R@.@S@/fleet/worker:1.4\n"
    "    restart: unless-stopped\n"
    "    environment:\n"
    "      AWS_REGION: ${AWS_REGION}\n"
    "      QUEUE_URL: https://sqs.${AWS_REGION}.@S@/@A@/fleet-jobs\n"
    "      DB_HOST: ${DB_HOST}\n"
    "EOF\n"
)


def compose_dotenv(db: str = "db.fleet.internal") -> str:
    """The project's ``.env`` written by a here-document beside the Compose file, ``docker compose up`` from there."""
    return (
        f"mkdir -p /opt/fleet\ncat > /opt/fleet/.env <<EOF\nAWS_REGION=@R@\nDB_HOST={db}\nEOF\n"
        f"{COMPOSE}cd /opt/fleet && docker compose up -d\n"
    )


def compose_env_file(db: str = "db.fleet.internal") -> str:
    """An environment file written by printf (``\\n`` between its lines), named by ``--env-file``."""
    return (
        f"mkdir -p /opt/fleet\nprintf 'AWS_REGION=@R@\\nDB_HOST={db}\\n' > /opt/fleet/fleet.env\n"
        f"{COMPOSE}docker compose --env-file /opt/fleet/fleet.env -f /opt/fleet/compose.yaml up -d\n"
    )


def printf_env_source(region: str) -> str:
    """The worker's environment file written by printf, sourced back under ``set -a`` (bash(1) "The Set Builtin")."""
    return (
        "mkdir -p /etc/fleet\n"
        f"printf 'AWS_REGION={region}\\nLOG_LEVEL=info\\n' > /etc/fleet/worker.env\n"
        "set -a; . /etc/fleet/worker.env; set +a\n"
        'aws sqs get-queue-url --queue-name fleet-jobs --region "$AWS_REGION"\n'
    )


ALI_COMPOSE = (
    "cat > /opt/fleet/compose.yaml <<'EOF'\n"
    "services:\n"
    "  worker:\n"
    "    image: registry-vpc.${REGION}.aliyuncs.com/fleet/worker:1.4\n"
    "    environment:\n"
    "      OSS_ENDPOINT: https://oss-${REGION}-internal.aliyuncs.com\n"
    "      OSS_BUCKET: fleet-logs-@c@\n"
    "      DB_HOST: ${DB_HOST}\n"
    "EOF\n"
)


def ali_compose_dotenv(db: str = "192.168.1.30") -> str:
    """The same on ECS: the OSS internal endpoint (Alibaba Cloud "Regions and endpoints", ``oss-<region>-internal``) and
    the VPC's registry endpoint by the Region the ``.env`` gives."""
    return (
        f"mkdir -p /opt/fleet\ncat > /opt/fleet/.env <<EOF\nREGION=@R@\nDB_HOST={db}\nEOF\n"
        f"{ALI_COMPOSE}cd /opt/fleet && docker compose up -d\n"
    )


def ali_printf_env_source(region: str) -> str:
    return (
        "mkdir -p /etc/fleet\n"
        f"printf 'REGION={region}\\nLOG_LEVEL=info\\n' > /etc/fleet/worker.env\n"
        "set -a; . /etc/fleet/worker.env; set +a\n"
        'aliyun oss ls oss://fleet-logs-@c@ --region "$REGION"\n'
    )


# -- a chart's values in a variable, given on standard input (helm/helm PR 2809: a values file `-` is standard input;
# bash(1) "Here Strings"); Vector's chart (`customConfig`, its sinks: the CloudWatch Logs sink's `region`), the
# Datadog chart (`datadog.site`), both from the team's ECR ---------------------------------------------------------
VECTOR = "helm upgrade --install vector oci://@A@.dkr.ecr.@R@.@S@/charts/vector -n observability --create-namespace"
DATADOG = "helm upgrade --install datadog-agent oci://@A@.dkr.ecr.@R@.@S@/charts/datadog -n datadog --create-namespace"


def vector_values(region: str) -> str:
    return (
        "VALUES=$(cat <<'EOF'\nrole: Agent\ncustomConfig:\n  sources:\n    k8s:\n      type: kubernetes_logs\n"
        "  sinks:\n    cw:\n      type: aws_cloudwatch_logs\n      inputs: [k8s]\n"
        f"      region: {region}\n      group_name: /fleet/k8s\n      encoding:\n        codec: json\nEOF\n)\n"
    )


def helm_herestring(region: str) -> str:
    return vector_values(region) + f'{VECTOR} -f - <<< "$VALUES"\n'


def helm_echo_pipe(site: str) -> str:
    return (
        "VALUES=\"$(cat <<'EOF'\ndatadog:\n  apiKeyExistingSecret: datadog-secret\n"
        f'  site: {site}\n  logs:\n    enabled: true\nEOF\n)"\n'
        f'echo "$VALUES" | {DATADOG} --values -\n'
    )


HELM_UNKNOWN = f'VALUES=$(sops -d /etc/fleet/vector-values.enc.yaml)\n{VECTOR} -f - <<< "$VALUES"\n'
"""Values decrypted at boot: no input shows them (RES-015 by ``-``, pinned)."""

# -- the stop-64 readers over home Regions: a boot script a team writes (the OS's release file, a deploy key in an
# agent, a virtualenv, pyenv, conda's hook, xargs per Region, a prefix assignment, a login shell's `-ce`) ----------
BOOT_READERS = (
    ". /etc/os-release\n"
    'if [ "$ID" = amzn ]; then dnf install -y git jq; fi\n'
    'eval "$(ssh-agent -s)"\n'
    "ssh-add /root/.ssh/deploy_key\n"
    "python3 -m venv /opt/venv\n"
    ". /opt/venv/bin/activate\n"
    "pip install --quiet boto3\n"
    'export PYENV_ROOT="$HOME/.pyenv"\n'
    'eval "$(pyenv init -)"\n'
    'eval "$(/opt/conda/bin/conda shell.bash hook)"\n'
    "conda activate fleet\n"
    "printf '%s\\n' @R@ @R2@ | xargs -I{} aws ec2 describe-vpcs --region {}\n"
    "AWS_REGION=@R@ timeout 60 aws sqs get-queue-url --queue-name fleet-jobs\n"
    "sudo -iu ec2-user bash -ce 'aws s3 ls s3://fleet-logs-@c@ --region @R@'\n"
)
ALI_BOOT_READERS = (
    ". /etc/os-release\n"
    'eval "$(ssh-agent -s)"\n'
    ". /opt/venv/bin/activate\n"
    "echo @R@ | xargs -n1 aliyun ecs DescribeInstances --RegionId\n"
    "ALIBABA_CLOUD_REGION_ID=@R@ timeout 60 aliyun oss ls oss://fleet-logs-@c@\n"
    "sudo -iu ecs-user bash -ce 'aliyun oss ls oss://fleet-logs-@c@ --region @R@'\n"
)

_FIXED = "@R@"
"""The stack's Region, filled by the builders."""
_ABROAD = "@X@"
"""A Region abroad, filled by the builders."""
_PARTNER = "@P@"
"""A partner's database abroad (``db.partner-analytics.com``), filled by the builders."""
REFUSED = {"RES-015"}

AWS_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "compose-dotenv-home": (lambda c: compose_dotenv(), set(), ("EU", "US", "JP")),
    "compose-dotenv-partner": (lambda c: compose_dotenv(_PARTNER), REFUSED, ("EU", "JP")),
    "compose-env-file-home": (lambda c: compose_env_file(), set(), ("EU", "CN")),
    "compose-env-file-partner": (lambda c: compose_env_file(_PARTNER), REFUSED, ("US",)),
    "printf-env-source-home": (lambda c: printf_env_source(_FIXED), set(), ("EU",)),
    "printf-env-source-abroad": (lambda c: printf_env_source(_ABROAD), {"RES-009"}, ("EU", "JP", "CN")),
    "helm-herestring-home": (lambda c: helm_herestring(_FIXED), set(), ("EU", "US", "JP")),
    "helm-herestring-abroad": (lambda c: helm_herestring(_ABROAD), {"RES-009"}, ("EU",)),
    "helm-herestring-unknown": (lambda c: HELM_UNKNOWN, {"RES-015"}, ("JP",)),
    "helm-echo-pipe-home-declared": (lambda c: helm_echo_pipe(HOME_SITE[c]), set(), ("EU", "JP")),
    "helm-echo-pipe-abroad": (lambda c: helm_echo_pipe(ABROAD_SITE[c]), {"RES-015"}, ("US",)),
    "boot-readers-home": (lambda c: BOOT_READERS, set(), ("EU", "CN")),
}
"""Each AWS shape (EC2 user data): its script for the market, its verdict, the markets it runs in."""

ALI_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "ali-compose-dotenv-home": (lambda c: ali_compose_dotenv(), set(), ALI_CODES),
    "ali-compose-dotenv-partner": (lambda c: ali_compose_dotenv(_PARTNER), REFUSED, ("DE",)),
    "ali-printf-env-source-abroad": (lambda c: ali_printf_env_source(_ABROAD), {"RES-009"}, ALI_CODES),
    "ali-printf-env-source-home": (lambda c: ali_printf_env_source(_FIXED), set(), ("JP",)),
    "ali-boot-readers-home": (lambda c: ALI_BOOT_READERS, set(), ("DE",)),
}
"""Each Alibaba Cloud shape (ECS user data)."""


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, HOME_SITE[code])] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for shape, (script, expected, codes) in AWS_SHAPES.items():
        out += [(f"falsealarm65-{code.lower()}-{shape}", code, _boot(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    for shape, (script, expected, codes) in ALI_SHAPES.items():
        out += [(f"falsealarm65-{code.lower()}-{shape}", code, _ali(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    return out
