"""False alarms, round 33 (stop 65, issue 9: falsealarm65b).

Ordinary in-country boot scripts a platform team writes (EC2 user data in EU / US / JP and aws-cn CN, ECS user data
in CN / JP / DE), with emphasis on what stop 65's first wave added readers for: ``IFS=`` settings (``IFS=$'\\n\\t'``
strict mode, ``IFS=, read -r``, ``OLDIFS=$IFS``), ``su -`` / ``su --command=`` / ``runuser -u``, ``systemd-run --unit``
/ ``--property``, ``select``, ``export -n``, values with two substitutions, ``setsid`` / ``nohup`` / ``flock`` /
``stdbuf`` / ``taskset`` wrappers, xargs over home Regions (``-n 1``, ``-P 4``, ``-I{} sh -c``), the Collector with
several ``--config`` sources and ``${env:X:-default}``, the Agent's ``docker run -eDD_SITE=``, Compose ``.env`` /
``--env-file``, printf-written environment files. The hunt (one-value probes of the unchanged engine, main 23bea94d)
found the first wave's readers right on compliant programs, except:

- **an attached ``-eDD_SITE=`` after an option word holding a blank** (docker container run, "-e, --env: Set
  environment variables", https://docs.docker.com/reference/cli/docker/container/run/; the Agent's
  ``-e DD_API_KEY=<KEY>``, Datadog "Docker Agent"): ``-eDD_API_KEY=$(cat /run/dd)`` or ``-e DD_TAGS="env:prod
  team:fleet"`` before it split into words that looked like an image, so the written site was not read and the Agent's
  default US1 site was judged (RES-015 ``datadoghq.com``) where the home site is declared (``dd-run-*-declared``);
- **an environment file written by ``printf 'NAME=%s\\n' WORD > FILE``** (bash(1) "printf": each conversion prints
  the next argument): the assignment scan read the format, ``AWS_REGION=%s``: a Compose file filled from the file
  by ``--env-file`` was refused (``sqs.v0.amazonaws.com``, RES-015: ``compose-printf-env-file-home``), and a Region
  abroad sourced back (``set -a; . FILE``) and given to ``--region`` passed every door (``printf-source-abroad``,
  ``printf-tee-source-abroad``, ``printf-var-source-abroad``, ``ali-printf-source-abroad``: leaks).

Pinned beside them (passing before as after): the first wave's readers over home Regions in one boot script
(``boot-wrappers-home``, ``ali-boot-wrappers-home``), the Collector with two ``--config`` files and an
``${env:AWS_REGION:-<home>}`` default, on the host and in docker (``otel-*-home``).

Reproduced on the unchanged engine (main 23bea94d): see docs/residency.md, *False alarms, round 33 (stop 65)*.

Ids: ``falsealarm65b-<code>-<shape>``; tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

from typing import Any

from platform_parts import Row
from platform_programs_agents62 import HOME_SITE, declared
from platform_programs_falsealarm58 import _ali, _boot

ABROAD_SITE = {"EU": "us5.datadoghq.com", "US": "datadoghq.eu", "JP": "us5.datadoghq.com"}
"""A Datadog site outside each market (Datadog "Getting Started with Datadog Sites")."""

# -- the Datadog Agent in docker (Datadog "Docker Agent": `docker run -d --name dd-agent -e DD_API_KEY=<KEY> -e
# DD_SITE=<SITE> ... gcr.io/datadoghq/agent:7`), its flags written attached (pflag's shorthand: `-eVALUE`) ----------
AGENT = "-v /var/run/docker.sock:/var/run/docker.sock:ro -v /proc/:/host/proc/:ro gcr.io/datadoghq/agent:7\n"


def dd_run_secret(site: str) -> str:
    """The API key from Secrets Manager in a substitution, the site attached after it, over continued lines."""
    return (
        "docker run -d --name dd-agent --restart unless-stopped \\\n"
        '  -eDD_API_KEY="$(aws secretsmanager get-secret-value --secret-id datadog/api-key --region @R@ '
        '--query SecretString --output text)" \\\n'
        f"  -eDD_SITE={site} \\\n  {AGENT}"
    )


def dd_run_tags(site: str) -> str:
    """The fleet's tags (a blank between them, quoted) before the attached site."""
    return (
        "DD_API_KEY=$(cat /run/secrets/dd)\n"
        'docker run -d --name dd-agent -e DD_API_KEY -e DD_TAGS="env:prod team:fleet" '
        f"-eDD_SITE={site} {AGENT}"
    )


# -- environment files written by printf with a conversion (bash(1) "printf"), sourced back under `set -a` (bash(1)
# "The Set Builtin") or given to Compose by `--env-file` (Docker "Set, use, and manage variables in a Compose file with
# interpolation") ------------------------------------------------------------------------------------------------------
def printf_source(region: str) -> str:
    return (
        "mkdir -p /etc/fleet\n"
        f"printf 'AWS_REGION=%s\\nLOG_LEVEL=%s\\n' {region} info > /etc/fleet/worker.env\n"
        "set -a; . /etc/fleet/worker.env; set +a\n"
        'aws sqs get-queue-url --queue-name fleet-jobs --region "$AWS_REGION"\n'
    )


def printf_tee_source(region: str) -> str:
    return (
        f"printf 'AWS_REGION=%s\\nQUEUE=fleet-jobs\\n' {region} | sudo tee /etc/fleet.env >/dev/null\n"
        "set -a; . /etc/fleet.env; set +a\n"
        'aws sqs get-queue-url --queue-name "$QUEUE" --region "$AWS_REGION"\n'
    )


def printf_var_source(region: str) -> str:
    return (
        f"DR_REGION={region}\n"
        "printf 'export AWS_REGION=%s\\n' \"$DR_REGION\" > /etc/profile.d/fleet-dr.sh\n"
        ". /etc/profile.d/fleet-dr.sh\n"
        'aws s3 ls s3://fleet-logs-@c@ --region "$AWS_REGION"\n'
    )


def compose_printf(db: str = "db.fleet.internal") -> str:
    return (
        "mkdir -p /opt/fleet\n"
        f"printf 'AWS_REGION=%s\\nDB_HOST=%s\\n' @R@ {db} > /opt/fleet/prod.env\n"
        "cat > /opt/fleet/compose.yaml <<'EOF'\n"
        "services:\n  worker:\n    image: @A@.dkr.ecr.@R@.@S@/fleet/worker:1.4\n    environment:\n"
        "      QUEUE_URL: https://sqs.${AWS_REGION}.@S@/@A@/fleet-jobs\n      DB_HOST: ${DB_HOST}\nEOF\n"
        "docker compose --env-file /opt/fleet/prod.env -f /opt/fleet/compose.yaml up -d\n"
    )


def ali_printf_source(region: str) -> str:
    return (
        "mkdir -p /etc/fleet\n"
        f"printf 'REGION=%s\\nLOG_LEVEL=info\\n' {region} > /etc/fleet/worker.env\n"
        "set -a; . /etc/fleet/worker.env; set +a\n"
        'aliyun ecs DescribeInstances --RegionId "$REGION"\n'
    )


# -- the first wave's readers over home Regions (pinned): strict mode's IFS, `IFS=, read`, a saved IFS, su / runuser,
# systemd-run's unit and properties, select, export -n, two substitutions in one value, wrappers, xargs ----------------
BOOT_WRAPPERS = (
    "IFS=$'\\n\\t'\n"
    'IFS=, read -r REGION QUEUE <<< "@R@,fleet-jobs"\n'
    'aws sqs get-queue-url --queue-name "$QUEUE" --region "$REGION"\n'
    'OLDIFS=$IFS\nIFS=,\nREGIONS="@R@,@R2@"\n'
    'for r in $REGIONS; do aws ec2 describe-vpcs --region "$r"; done\nIFS=$OLDIFS\n'
    "su - ec2-user -c 'aws s3 ls s3://fleet-logs-@c@ --region @R@'\n"
    "su --login ec2-user --command='aws sqs get-queue-url --queue-name fleet-jobs --region @R@'\n"
    "runuser -u ec2-user -- aws s3 ls s3://fleet-logs-@c@ --region @R@\n"
    "systemd-run --unit=fleet-sync --property=Environment=AWS_REGION=@R@ "
    "/usr/bin/aws s3 sync /var/log s3://fleet-logs-@c@ --region @R@\n"
    "PS3='region? '\nselect r in @R@ @R2@; do aws ec2 describe-vpcs --region \"$r\"; break; done <<< 1\n"
    "export AWS_REGION=@R@\nexport -n AWS_REGION\n"
    'TOKEN=$(curl -sX PUT @M@/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 60")\n'
    'KEY="$(curl -sH "X-aws-ec2-metadata-token: $TOKEN" @M@/meta-data/instance-id)-$(date +%s)"\n'
    'aws s3 cp /var/log/cloud-init.log "s3://fleet-logs-@c@/$KEY/boot.log" --region @R@\n'
    "setsid aws s3 sync /var/log s3://fleet-logs-@c@ --region @R@ &\n"
    "nohup aws logs tail /fleet/app --follow --region @R@ >/var/log/tail.log 2>&1 &\n"
    "flock -n /var/lock/sync.lock aws s3 sync /var/log s3://fleet-logs-@c@ --region @R@\n"
    "stdbuf -oL aws logs tail /fleet/app --region @R@ | tee /var/log/t.log\n"
    "taskset -c 0 aws s3 sync /var/log s3://fleet-logs-@c@ --region @R@\n"
    "echo @R@ | xargs -n 1 aws ec2 describe-vpcs --region\n"
    "printf '%s\\n' @R@ @R2@ | xargs -P 4 -n 1 aws ec2 describe-vpcs --region\n"
    "printf '%s\\n' @R@ | xargs -I{} sh -c 'aws ec2 describe-vpcs --region {} > /tmp/vpcs-{}.json'\n"
)
ALI_BOOT_WRAPPERS = (
    "IFS=$'\\n\\t'\n"
    'IFS=, read -r REGION BUCKET <<< "@R@,fleet-logs-@c@"\n'
    'aliyun oss ls "oss://$BUCKET" --region "$REGION"\n'
    "su - ecs-user -c 'aliyun ecs DescribeInstances --RegionId @R@'\n"
    "runuser -u ecs-user -- aliyun oss ls oss://fleet-logs-@c@ --region @R@\n"
    "setsid aliyun oss ls oss://fleet-logs-@c@ --region @R@ &\n"
    "flock -n /var/lock/sync.lock aliyun oss ls oss://fleet-logs-@c@ --region @R@\n"
    "echo @R@ | xargs -n 1 aliyun ecs DescribeInstances --RegionId\n"
)

# -- the Collector (OpenTelemetry "Configuration": several `--config` sources merged, `${env:NAME:-default}`), the EMF
# exporter's and the CloudWatch Logs exporter's `region` (opentelemetry-collector-contrib awsemfexporter /
# awscloudwatchlogsexporter) ----------------------------------------------------------------------------------------
OTEL = (
    "mkdir -p /etc/otelcol-contrib\ncat > /etc/otelcol-contrib/config.yaml <<'EOF'\n"
    "receivers:\n  hostmetrics:\n    scrapers:\n      cpu: {}\n"
    "exporters:\n  awsemf:\n    region: ${env:AWS_REGION:-@R@}\n    namespace: Fleet\n"
    "service:\n  pipelines:\n    metrics:\n      receivers: [hostmetrics]\n      exporters: [awsemf]\nEOF\n"
    "cat > /etc/otelcol-contrib/logs.yaml <<'EOF'\n"
    "receivers:\n  filelog:\n    include: [/var/log/app/*.log]\n"
    "exporters:\n  awscloudwatchlogs:\n    region: @R@\n    log_group_name: /fleet/app\n    log_stream_name: app\n"
    "service:\n  pipelines:\n    logs:\n      receivers: [filelog]\n      exporters: [awscloudwatchlogs]\nEOF\n"
)
OTEL_HOST = OTEL + (
    "/usr/bin/otelcol-contrib --config=/etc/otelcol-contrib/config.yaml --config=/etc/otelcol-contrib/logs.yaml &\n"
)
OTEL_DOCKER = OTEL + (
    "docker run -d --name otel -v /etc/otelcol-contrib:/etc/otelcol-contrib "
    "otel/opentelemetry-collector-contrib:0.111.0 "
    "--config=/etc/otelcol-contrib/config.yaml --config=/etc/otelcol-contrib/logs.yaml\n"
)

_FIXED = "@R@"
"""The stack's Region, filled by the builders."""
_ABROAD = "@X@"
"""A Region abroad, filled by the builders."""
_PARTNER = "@P@"
"""A partner's database abroad (``db.partner-analytics.com``), filled by the builders."""
REFUSED = {"RES-015"}

AWS_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "dd-run-secret-home-declared": (lambda c: dd_run_secret(HOME_SITE[c]), set(), ("EU", "US", "JP")),
    "dd-run-secret-abroad-declared": (lambda c: dd_run_secret(ABROAD_SITE[c]), REFUSED, ("EU",)),
    "dd-run-tags-home-declared": (lambda c: dd_run_tags(HOME_SITE[c]), set(), ("EU", "JP")),
    "dd-run-tags-abroad-declared": (lambda c: dd_run_tags(ABROAD_SITE[c]), REFUSED, ("US",)),
    "compose-printf-env-file-home": (lambda c: compose_printf(), set(), ("EU", "US", "CN")),
    "compose-printf-env-file-partner": (lambda c: compose_printf(_PARTNER), REFUSED, ("EU",)),
    "printf-source-home": (lambda c: printf_source(_FIXED), set(), ("EU", "JP")),
    "printf-source-abroad": (lambda c: printf_source(_ABROAD), {"RES-009"}, ("EU", "US", "CN")),
    "printf-tee-source-home": (lambda c: printf_tee_source(_FIXED), set(), ("US",)),
    "printf-tee-source-abroad": (lambda c: printf_tee_source(_ABROAD), {"RES-009"}, ("JP",)),
    "printf-var-source-home": (lambda c: printf_var_source(_FIXED), set(), ("CN",)),
    "printf-var-source-abroad": (lambda c: printf_var_source(_ABROAD), {"RES-009"}, ("US",)),
    "boot-wrappers-home": (lambda c: BOOT_WRAPPERS, set(), ("EU", "US", "CN")),
    "otel-host-home": (lambda c: OTEL_HOST, set(), ("EU", "JP")),
    "otel-docker-home": (lambda c: OTEL_DOCKER, set(), ("US",)),
}
"""Each AWS shape (EC2 user data): its script for the market, its verdict, the markets it runs in."""

ALI_SHAPES: dict[str, tuple[Any, set[str], tuple[str, ...]]] = {
    "ali-printf-source-home": (lambda c: ali_printf_source(_FIXED), set(), ("DE",)),
    "ali-printf-source-abroad": (lambda c: ali_printf_source(_ABROAD), {"RES-009"}, ("CN", "JP", "DE")),
    "ali-boot-wrappers-home": (lambda c: ALI_BOOT_WRAPPERS, set(), ("CN", "DE")),
}
"""Each Alibaba Cloud shape (ECS user data)."""


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, HOME_SITE[code])] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for shape, (script, expected, codes) in AWS_SHAPES.items():
        out += [(f"falsealarm65b-{code.lower()}-{shape}", code, _boot(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    for shape, (script, expected, codes) in ALI_SHAPES.items():
        out += [(f"falsealarm65b-{code.lower()}-{shape}", code, _ali(script(code))(code), set(expected),
                 _declared(code, shape)) for code in codes]  # fmt: skip
    return out
