"""More log-router plugins (stop 45, issue 9, logplugins45).

Reproduced on the unchanged engine (main at 28fdd30) with the programs below, in EU, US, JP and CN: each offending
program passed every front door.

- Outputs whose plugin sends to a default no one wrote, not catalogued before: Fluent Bit's ``calyptia`` (Calyptia
  Cloud, ``cloud_host`` default cloud-api.calyptia.com), Fluentd's ``elasticsearch_data_stream`` with ``cloud_id``
  (a subclass of out_elasticsearch: Elastic's hosted service, the host inside the id), ``scalyr`` without
  ``scalyr_server`` (https://agent.scalyr.com/), ``coralogix`` (no host parameter at all) and Microsoft's
  ``azure-storage-append-blob`` (a storage account whose region nothing shows);
- a FireLens output's ``${VAR}`` in an ECS task definition's ``logConfiguration.options``: ECS writes the options into
  the configuration Fluent Bit reads, which fills the variable in from the log router's environment, as in a file.
  ``Host ${DD_HOST}`` of a datadog output and ``region ${LOG_REGION}`` of a cloudwatch_logs output passed (a set input
  counted as set); ``region ${AWS_REGION}`` is the task's own Region (ECS sets it for every task) and passes, in an
  ECS task definition; in a Batch job definition (Batch documents only its ``AWS_BATCH_*`` variables) it is refused.

Carriers: an ECS Fargate task definition whose app container logs through FireLens (the options being the Fluent
Bit output), a Batch job definition likewise, and an SSM parameter holding a Fluentd file (fetched at boot). Since
stop 45 each output is judged by the catalogue's log-router entries (RES-016 until declared by the entry id the
finding names). Compliant twins: the same outputs with the destination written as the stack's internal NLB or private
addresses, a Fluentd ``http`` output to the NLB (what Coralogix's own guide configures, to its ingress host), the
region written out, ``${AWS_REGION}`` in an ECS task.

tests/test_realistic_programs.py runs them as CASES (``logplugins45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws

Build = Callable[[Any], object]

CODES = ("EU", "US", "JP", "CN")
REGION = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
"""The table's AWS provider Region of each jurisdiction (test_realistic_programs ``REGION``)."""
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]

# (carrier, output): the carrier decides where the output is written, the output where it sends.
SHAPES = (
    ("ecs-firelens", "fb-cloudwatch-aws-region"),
    ("ecs-firelens", "fb-cloudwatch-var-region"),
    ("ecs-firelens", "fb-datadog-own-nlb"),
    ("ecs-firelens", "fb-datadog-var-host"),
    ("ecs-firelens", "fb-calyptia-own-nlb"),
    ("ecs-firelens", "fb-calyptia-default"),
    ("batch-firelens", "fb-cloudwatch-own-region"),
    ("batch-firelens", "fb-cloudwatch-aws-region"),
    ("ssm-fluentd", "fd-es-data-stream-private-hosts"),
    ("ssm-fluentd", "fd-es-data-stream-cloud-id"),
    ("ssm-fluentd", "fd-scalyr-own-nlb"),
    ("ssm-fluentd", "fd-scalyr-default"),
    ("ssm-fluentd", "fd-http-own-nlb"),
    ("ssm-fluentd", "fd-coralogix"),
    ("ssm-fluentd", "fd-azure-append-blob"),
)
_RES016 = {
    "fb-cloudwatch-var-region", "fb-datadog-var-host", "fb-calyptia-default",
    "fd-scalyr-default", "fd-coralogix", "fd-azure-append-blob",
}  # fmt: skip
# config64 (stop 64): the data stream output's cloud_id is read as the Elastic Cloud host it encodes (was RES-016)
_RES015 = {"fd-es-data-stream-cloud-id"}


def expected(carrier: str, output: str) -> set[str]:
    if carrier == "batch-firelens" and output == "fb-cloudwatch-aws-region":
        return {"RES-016"}  # Batch does not document AWS_REGION: not fixed (fail closed)
    return {"RES-016"} if output in _RES016 else {"RES-015"} if output in _RES015 else set()


def fluent_bit(code: str, output: str, target: str | None) -> dict[str, str]:
    """The FireLens options of the app container: the Fluent Bit output's keys, as each output's manual page writes
    them (cloudwatch_logs: region, log_group_name; datadog: Host, apikey; calyptia: api_key, cloud_host)."""
    return {
        "fb-cloudwatch-aws-region": {"Name": "cloudwatch_logs", "region": "${AWS_REGION}",
                                     "log_group_name": "/fleet/app", "log_stream_prefix": "app-"},
        "fb-cloudwatch-var-region": {"Name": "cloudwatch_logs", "region": "${LOG_REGION}",
                                     "log_group_name": "/fleet/app", "log_stream_prefix": "app-"},
        "fb-cloudwatch-own-region": {"Name": "cloudwatch_logs", "region": REGION[code],
                                     "log_group_name": "/fleet/app", "log_stream_prefix": "app-"},
        "fb-datadog-own-nlb": {"Name": "datadog", "Host": str(target), "TLS": "on", "apikey": "${DD_API_KEY}",
                               "dd_service": "fleet-app"},
        "fb-datadog-var-host": {"Name": "datadog", "Host": "${DD_HOST}", "TLS": "on", "apikey": "${DD_API_KEY}",
                                "dd_service": "fleet-app"},
        "fb-calyptia-own-nlb": {"Name": "calyptia", "api_key": "${CALYPTIA_KEY}", "cloud_host": str(target),
                                "cloud_port": "443"},
        "fb-calyptia-default": {"Name": "calyptia", "api_key": "${CALYPTIA_KEY}"},
    }[output]  # fmt: skip


def fluentd(output: str, target: str | None) -> str:
    """A td-agent.conf: a tail source and the one ``<match>``, parameters as each plugin's source declares them."""
    match = {
        "fd-es-data-stream-private-hosts": ["@type elasticsearch_data_stream", "hosts 10.0.3.7:9200,10.0.3.8:9200",
                                            "data_stream_name logs-fleet-app"],
        "fd-es-data-stream-cloud-id": ["@type elasticsearch_data_stream",
                                       "cloud_id fleet:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyRhYmNkZWYkZ2hpamts",
                                       'cloud_auth "elastic:#{ENV[\'ES_PASSWORD\']}"',
                                       "data_stream_name logs-fleet-app"],
        "fd-scalyr-own-nlb": ["@type scalyr", 'api_write_token "#{ENV[\'SCALYR_TOKEN\']}"',
                              f"scalyr_server https://{target}/"],
        "fd-scalyr-default": ["@type scalyr", 'api_write_token "#{ENV[\'SCALYR_TOKEN\']}"'],
        "fd-http-own-nlb": ["@type http", f"endpoint https://{target}/logs/v1/singles", "json_array true",
                            "<format>", "  @type json", "</format>"],
        "fd-coralogix": ["@type coralogix", 'privatekey "#{ENV[\'CORALOGIX_KEY\']}"', "appname fleet",
                         "subsystemname app", "is_json true"],
        "fd-azure-append-blob": ["@type azure-storage-append-blob", "azure_storage_account fleetlogs",
                                 'azure_storage_access_key "#{ENV[\'AZURE_KEY\']}"', "azure_container app",
                                 "auto_create_container true", "path logs/"],
    }[output]  # fmt: skip
    head = ["<source>", "  @type tail", "  path /var/log/fleet/*.log", "  pos_file /var/log/td-agent/app.pos",
            "  tag app.*", "  <parse>", "    @type json", "  </parse>", "</source>", "", "<match app.**>"]  # fmt: skip
    return "\n".join(head + [f"  {line}" for line in match] + ["</match>"]) + "\n"


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


def aws_program(code: str, carrier: str, output: str) -> Build:
    region = REGION[code]

    def build(c: Any) -> object:
        target: Any = None
        if "own-nlb" in output:
            target = aws.lb.LoadBalancer("collector", load_balancer_type="network", internal=True, subnets=SUBNETS,
                                         opts=c.aws).dns_name  # fmt: skip
        if carrier == "ssm-fluentd":
            # The agent's configuration kept in Parameter Store, fetched at boot.
            text = pulumi.Output.from_input(target).apply(lambda t: fluentd(output, t))
            return aws.ssm.Parameter("td-agent-conf", name="/fleet/td-agent/conf", type="String", tier="Advanced",
                                     value=text, opts=c.aws)  # fmt: skip
        image = f"123456789012.dkr.ecr.{region}.{_suffix(code)}/app:2.1"
        router = {"name": "log_router", "essential": True,
                  "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                  "firelensConfiguration": {"type": "fluentbit",
                                            "options": {"enable-ecs-log-metadata": "true"}}}  # fmt: skip
        if carrier == "batch-firelens":
            # Batch API, ContainerProperties: logConfiguration (logDriver awsfirelens, options).
            props = {"image": image, "command": ["python", "-m", "fleet.nightly"],
                     "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}],
                     "logConfiguration": {"logDriver": "awsfirelens",
                                          "options": fluent_bit(code, output, None)}}  # fmt: skip
            return aws.batch.JobDefinition("nightly", type="container", platform_capabilities=["FARGATE"],
                                           container_properties=json.dumps(props), opts=c.aws)  # fmt: skip

        def containers(t: Any) -> str:
            # ECS Developer Guide, "Example Amazon ECS task definition: Route logs to FireLens".
            app = {"name": "app", "essential": True, "image": image,
                   "logConfiguration": {"logDriver": "awsfirelens",
                                        "options": fluent_bit(code, output, t)}}  # fmt: skip
            return json.dumps([router, app])

        return aws.ecs.TaskDefinition(
            "app", family="app", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512",
            memory="1024", container_definitions=pulumi.Output.from_input(target).apply(containers), opts=c.aws,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"logplugins45-{code.lower()}-{carrier}-{out}", code, aws_program(code, carrier, out), expected(carrier, out),
         [])
        for code in CODES
        for carrier, out in SHAPES
    ]  # fmt: skip
