"""Container task definitions, round 1 (stop 61, issue 9, ecs61): an agent's default site in a task definition,
exec-form commands, template twins.

The programs a platform team writes for containers on ECS and AWS Batch, each as a Pulumi resource and, where the
shape differs, as its CloudFormation twin in a ``cloudformation.Stack`` (provider pinned to the team's account):

- the Datadog Agent as a sidecar of a Fargate task (Datadog "Amazon ECS on AWS Fargate": a ``datadog-agent``
  container of ``public.ecr.aws/datadog/agent`` with ``DD_API_KEY`` and ``ECS_FARGATE``; "DD_SITE ... your Datadog
  site"), with its API key alone, with an empty ``DD_SITE``, sending to the VPC's Datadog proxy (``DD_DD_URL``), its
  default site declared; the same sidecar in an ``AWS::ECS::TaskDefinition`` and in a multi-container Batch job
  (``ecs_properties``);
- exec-form commands (ECS ContainerDefinition ``command``: "The command that's passed to the container", each item
  one argument, no shell): the AWS CLI image's ``["ec2", "copy-snapshot", ..., "--region", R]`` (its entrypoint is
  ``aws``), a task's own ``entryPoint: ["aws"]``, ``pg_dump --host H`` on ``postgres:16``; ``["sh", "-c", "aws ...
  --region R"]`` in a template and in a Batch job definition.

Reproduced on the unchanged engine (main 3c67a1f3): see docs/residency.md, *Container task definitions, round 1
(stop 61)*, for the counts. **Passed every door** on main: the Agent's sidecar with ``DD_API_KEY`` alone or an empty
``DD_SITE`` (Pulumi, template, Batch: the container's image and environment were walked as fields, where no
``document_defaults`` reading ran), an exec-form command's Region abroad or partner host (each item was read as a
script alone: ``--region`` and its value were two scripts), and any command of an ``AWS::ECS::TaskDefinition`` /
``AWS::Batch::JobDefinition`` or of a Pulumi Batch job definition (no script field there). RES-015 / RES-009 now; the
twins pass (the VPC's proxy, the declared default site, the home Region, the VPC's database).

Ids: ``ecs61-<code>-<shape>``; AWS programs in EU / US / CN, the Agent's task shapes in JP too.
tests/test_realistic_programs.py runs them as CASES (``ecs61-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, OWN_ACCOUNT, PARTNER_DB, Build, Row, dns_suffix, trust_policy
from platform_programs_awsred51 import _stack
from platform_programs_config60 import DEFAULT_SITE, declared

CODES = ("EU", "US", "CN")
"""The round's jurisdictions: two outside China and aws-cn."""
AGENT_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the Agent's Pulumi task shapes (a transfer to US1 from three markets, resident in the US)."""
AGENT = "public.ecr.aws/datadog/agent:7"
"""The Datadog Agent's image (Datadog "Amazon ECS on AWS Fargate": public.ecr.aws/datadog/agent:latest)."""
PROXY = "https://10.0.3.20:3834"
"""The VPC's Datadog proxy (Datadog "Agent Proxy Configuration": DD_DD_URL)."""
PRIVATE_DB = "10.0.5.12"
"""The VPC's own PostgreSQL."""
CLI = "public.ecr.aws/aws-cli/aws-cli:2.17.0"
"""The AWS CLI's official image: "docker run --rm -it repository/name ... The equivalent of the aws executable"."""
SNAPSHOT = "snap-0a1b2c3d4e5f60718"

AGENT_SHAPES: dict[str, set[str]] = {
    "dd-task-api-key-only": {"RES-015"},
    "dd-task-site-empty": {"RES-015"},
    "dd-task-proxy": set(),
    "dd-task-declared": set(),
}
"""The Agent's Pulumi task shapes and their verdicts in every jurisdiction of ``AGENT_CODES``."""
SHAPES: dict[str, set[str]] = {
    "dd-cfn-api-key-only": {"RES-015"},
    "dd-cfn-proxy": set(),
    "dd-batch-ecs-properties": {"RES-015"},
    "dd-batch-ecs-properties-proxy": set(),
    "exec-cli-copy-snapshot-home": set(),
    "exec-cli-copy-snapshot-abroad": {"RES-009"},
    "exec-entrypoint-aws-home": set(),
    "exec-entrypoint-aws-abroad": {"RES-009"},
    "exec-pg-dump-home": set(),
    "exec-pg-dump-partner": {"RES-015"},
    "cfn-exec-copy-snapshot-home": set(),
    "cfn-exec-copy-snapshot-abroad": {"RES-009"},
    "cfn-sh-c-home": set(),
    "cfn-sh-c-abroad": {"RES-009"},
    "batch-sh-c-home": set(),
    "batch-sh-c-abroad": {"RES-009"},
    "cfn-batch-exec-home": set(),
    "cfn-batch-exec-abroad": {"RES-009"},
}
"""The other shapes and their verdicts in every jurisdiction of ``CODES``."""


def _region(code: str, shape: str) -> str:
    return AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]


def _agent_environment(shape: str) -> list[dict[str, str]]:
    """The Agent's variables (Datadog "Amazon ECS on AWS Fargate": ECS_FARGATE, DD_API_KEY, DD_SITE)."""
    env = [{"name": "ECS_FARGATE", "value": "true"}, {"name": "DD_APM_ENABLED", "value": "true"}]
    if shape.endswith("-site-empty"):
        env.append({"name": "DD_SITE", "value": ""})
    if shape.endswith("-proxy"):
        env.append({"name": "DD_DD_URL", "value": PROXY})
    return env


def _secret(code: str) -> str:
    p = "aws-cn" if code == "CN" else "aws"
    return f"arn:{p}:secretsmanager:{AWS_HOME[code]}:{OWN_ACCOUNT}:secret:datadog/api-key-Ab12Cd"


def _agent_sidecar(code: str, shape: str) -> dict[str, Any]:
    """The Agent's container beside the app, its API key from Secrets Manager (ContainerDefinition ``secrets``)."""
    return {
        "name": "datadog-agent", "image": AGENT, "essential": True,
        "environment": _agent_environment(shape),
        "secrets": [{"name": "DD_API_KEY", "valueFrom": _secret(code)}],
        "portMappings": [{"containerPort": 8126, "protocol": "tcp"}],
    }  # fmt: skip


def _app(code: str) -> dict[str, Any]:
    return {
        "name": "orders-api", "image": f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{dns_suffix(code)}/orders-api:3.2.0",
        "essential": True, "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
        "environment": [{"name": "DD_AGENT_HOST", "value": "localhost"}, {"name": "DD_ENV", "value": "prod"}],
    }  # fmt: skip


def _task(name: str, containers: list[dict[str, Any]], c: Any) -> object:
    # docs: ecs/taskdefinition (family, requires_compatibilities FARGATE, network_mode awsvpc, cpu, memory,
    # execution_role_arn, container_definitions: "A list of valid container definitions provided as a single valid JSON
    # document").
    role = aws.iam.Role(f"{name}-execution", assume_role_policy=trust_policy("ecs-tasks.amazonaws.com"), opts=c.aws)
    return aws.ecs.TaskDefinition(
        name, family=name, requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512", memory="1024",
        execution_role_arn=role.arn, container_definitions=json.dumps(containers), opts=c.aws,
    )  # fmt: skip


def _cfn(container: dict[str, Any]) -> dict[str, Any]:
    """A container definition as a template writes it (the API's keys, PascalCase: ``Name``, ``Image``, ``Command``,
    ``Environment: [{Name, Value}]``, ``Secrets: [{Name, ValueFrom}]``)."""

    def pascal(value: Any) -> Any:
        if isinstance(value, dict):
            return {k[:1].upper() + k[1:]: pascal(v) for k, v in value.items()}
        if isinstance(value, list):
            return [pascal(v) for v in value]
        return value

    out: dict[str, Any] = pascal(container)
    return out


def _cfn_task(name: str, containers: list[dict[str, Any]]) -> Build:
    # docs: AWS::ECS::TaskDefinition Family, RequiresCompatibilities, NetworkMode, Cpu, Memory, ExecutionRoleArn,
    # ContainerDefinitions [ContainerDefinition].
    return _stack(name, {
        "ExecutionRole": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": json.loads(trust_policy("ecs-tasks.amazonaws.com"))}},
        "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "Family": name, "RequiresCompatibilities": ["FARGATE"], "NetworkMode": "awsvpc", "Cpu": "512",
            "Memory": "1024", "ExecutionRoleArn": {"Fn::GetAtt": ["ExecutionRole", "Arn"]},
            "ContainerDefinitions": [_cfn(c) for c in containers]}},
    })  # fmt: skip


def _copy_snapshot(code: str, region: str) -> list[str]:
    """``aws ec2 copy-snapshot``'s words after ``aws`` (the copy is made in ``--region``: "The Region ... in which to
    create the snapshot copy" is the Region the request is sent to)."""
    return ["ec2", "copy-snapshot", "--source-region", AWS_HOME[code], "--source-snapshot-id", SNAPSHOT,
            "--description", "nightly orders-db copy", "--region", region]  # fmt: skip


def _batch_role(name: str, c: Any) -> aws.iam.Role:
    return aws.iam.Role(f"{name}-job", assume_role_policy=trust_policy("ecs-tasks.amazonaws.com"), opts=c.aws)


def _program(code: str, shape: str) -> Build:
    region = _region(code, shape)
    if shape.startswith("dd-task-"):
        return lambda c: _task("orders-api", [_app(code), _agent_sidecar(code, shape)], c)
    if shape.startswith("dd-cfn-"):
        return _cfn_task("orders-api", [_app(code), _agent_sidecar(code, shape)])
    if shape.startswith("dd-batch-"):
        # docs: batch/jobdefinition (type container, platform_capabilities FARGATE, ecs_properties: "A valid JSON
        # string that contains the properties for the ECS job", taskProperties[].containers[]: multi-container jobs)
        def batch(c: Any) -> object:
            role = _batch_role("nightly-settlement", c)
            app = {"name": "settlement", "image": _app(code)["image"], "essential": True,
                   "command": ["python", "-m", "settlement.run", "--date", "yesterday"]}  # fmt: skip
            agent = {k: v for k, v in _agent_sidecar(code, shape).items() if k != "portMappings"}
            properties = role.arn.apply(lambda arn: json.dumps({"taskProperties": [{
                "executionRoleArn": arn, "containers": [app, {**agent, "essential": False}]}]}))  # fmt: skip
            return aws.batch.JobDefinition("nightly-settlement", name="nightly-settlement", type="container",
                                           platform_capabilities=["FARGATE"], ecs_properties=properties,
                                           opts=c.aws)  # fmt: skip

        return batch
    if shape.startswith("exec-cli-copy-snapshot"):
        # the AWS CLI image's entrypoint is aws: the command is its arguments
        return lambda c: _task("snapshot-copy", [{"name": "copy", "image": CLI, "essential": True,
                                                  "command": _copy_snapshot(code, region)}], c)  # fmt: skip
    if shape.startswith("exec-entrypoint-aws"):
        command = ["ssm", "get-parameters-by-path", "--path", "/orders/", "--recursive", "--region", region]
        return lambda c: _task("config-export", [{
            "name": "export", "image": f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{dns_suffix(code)}/ops-tools:1.4.0",
            "essential": True, "entryPoint": ["aws"], "command": command}], c)  # fmt: skip
    if shape.startswith("exec-pg-dump"):
        host = PARTNER_DB if shape.endswith("-partner") else PRIVATE_DB
        command = ["pg_dump", "--host", host, "--username", "orders_ro", "--format", "custom", "--file",
                   "/backup/orders.dump", "orders"]  # fmt: skip
        return lambda c: _task("orders-dump", [{
            "name": "dump", "image": "postgres:16", "essential": True, "command": command,
            "secrets": [{"name": "PGPASSWORD", "valueFrom": _secret(code)}]}], c)  # fmt: skip
    if shape.startswith("cfn-exec-copy-snapshot"):
        return _cfn_task("snapshot-copy", [{"name": "copy", "image": CLI, "essential": True,
                                            "command": _copy_snapshot(code, region)}])  # fmt: skip
    if shape.startswith("cfn-sh-c"):
        script = (
            f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id {SNAPSHOT} --region {region}"
        )
        return _cfn_task("snapshot-copy", [{"name": "copy", "image": CLI, "essential": True,
                                            "entryPoint": ["sh", "-c"], "command": [script]}])  # fmt: skip
    if shape.startswith("batch-sh-c"):
        # docs: batch/jobdefinition (type container, container_properties: "A valid container properties provided as
        # a single valid JSON document"; command, jobRoleArn, resourceRequirements)
        script = (
            "set -euo pipefail\n"
            f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id {SNAPSHOT} \\\n"
            f"  --region {region}\n"
        )

        def sh_c(c: Any) -> object:
            role = _batch_role("snapshot-copy", c)
            properties = role.arn.apply(
                lambda arn: json.dumps(
                    {
                        "image": CLI,
                        "command": ["/bin/bash", "-c", script],
                        "jobRoleArn": arn,
                        "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}],
                    }
                )
            )
            return aws.batch.JobDefinition("snapshot-copy", name="snapshot-copy", type="container",
                                           container_properties=properties, opts=c.aws)  # fmt: skip

        return sh_c
    # cfn-batch-exec: AWS::Batch::JobDefinition Type container, ContainerProperties {Image, Command, JobRoleArn,
    # ResourceRequirements}
    return _stack("snapshot-copy", {
        "JobRole": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": json.loads(trust_policy("ecs-tasks.amazonaws.com"))}},
        "Job": {"Type": "AWS::Batch::JobDefinition", "Properties": {
            "JobDefinitionName": "snapshot-copy", "Type": "container",
            "ContainerProperties": {"Image": CLI, "Command": _copy_snapshot(code, region),
                                    "JobRoleArn": {"Fn::GetAtt": ["JobRole", "Arn"]},
                                    "ResourceRequirements": [{"Type": "VCPU", "Value": "1"},
                                                             {"Type": "MEMORY", "Value": "2048"}]}}},
    })  # fmt: skip


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    return [declared(code, DEFAULT_SITE)] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AGENT_CODES:
        for shape, expected in AGENT_SHAPES.items():
            out.append((f"ecs61-{code.lower()}-{shape}", code, _program(code, shape), expected, _declared(code, shape)))
    for code in CODES:
        for shape, expected in SHAPES.items():
            out.append((f"ecs61-{code.lower()}-{shape}", code, _program(code, shape), expected, []))
    return out
