"""Container definitions, round 2 (stop 62, issue 9, k8s62): Kubernetes manifests in user data, Batch EKS jobs, App
Runner, Lightsail, ECI and SAE containers.

ecs61 read an ECS / Batch container definition as the ``docker run`` line it is. This round writes the other places a
platform team defines a container, each with a compliant twin (the home Region, the VPC's database, the Agent's site
declared) and an offending one (a Region abroad, a partner's database, the Agent's default site unset or given by a
secret):

- a Kubernetes manifest user data applies (``kubectl apply -f - <<'EOF'``; a file ``cat > FILE <<'EOF'`` writes then
  ``kubectl apply -f FILE``; a k3s auto-deploy manifest a cloud-config's ``write_files`` writes): a Job on the AWS CLI
  image whose ``args`` are ``["ec2", "copy-snapshot", ..., "--region", R]`` (the image's entrypoint is ``aws``), a
  CronJob's ``pg_dump --host H`` in exec form, a Deployment's ``command: ["/bin/sh", "-c"]`` with a multi-line script
  in ``args``, a k3s Job whose ``command`` is ``aws ssm put-parameter ... --region R``, an Alibaba Cloud cluster's
  Job running ``psql -h H``; the Datadog Agent's DaemonSet whose ``DD_SITE`` comes from a ConfigMap (``valueFrom``);
- a Batch job definition's ``eks_properties`` (Pulumi ``pod_properties.containers``: ``commands`` / ``args``) and its
  template twin (``AWS::Batch::JobDefinition`` ``EksProperties.PodProperties.Containers``: ``Command`` / ``Args``);
- a Lightsail container service deployment (``containers``: ``commands`` and an ``environment`` map): the Agent with
  its API key alone, the AWS CLI image's ``ssm get-parameters-by-path ... --region R``;
- an ECS task whose Agent's ``DD_SITE`` is a container secret (``secrets: [{name: DD_SITE, valueFrom: <ARN>}]``);
- an Alibaba Cloud ECI container group (``containers``: ``commands`` / ``args`` / ``environment_vars``) with the
  Agent's sidecar and a ``pg_dump`` job, the ROS twin of the job (``ALIYUN::ECI::ContainerGroup`` ``Container``:
  ``Command`` / ``Arg``), and an SAE application whose ``command`` / ``command_args`` run ``mysqldump -h H``.

Reproduced on the unchanged engine (main 2519f654): see docs/residency.md, *Container definitions, round 2 (stop 62)*,
for the counts. **Passed every door** on main: every exec-form command of a manifest (each list item is a YAML line
of the user data, read alone), a multi-line ``sh -c`` script in a manifest's ``args`` and the ``command`` of a
manifest a cloud-config writes, a Batch EKS job's and a Lightsail / ECI / SAE container's exec-form command (each item
walked as a field), the Agent's Lightsail / ECI sidecar with its API key alone, and the Agent's ``DD_SITE`` from a
secret or a ConfigMap (counted as set). RES-009 / RES-015 now; the twins pass.

Ids: ``k8s62-<code>-<shape>``; AWS programs in EU / US / CN, Alibaba Cloud programs in CN / JP.
tests/test_realistic_programs.py runs them as CASES (``k8s62-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_ABROAD,
    AWS_HOME,
    DEPLOYER,
    OWN_ACCOUNT,
    PARTNER_DB,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    ros_stack,
    trust_policy,
)
from platform_programs_awsred51 import _stack
from platform_programs_config60 import DEFAULT_SITE, declared

CODES = ("EU", "US", "CN")
"""The AWS programs' jurisdictions: two outside China and aws-cn."""
ALI_CODES = ("CN", "JP")
"""The Alibaba Cloud programs' jurisdictions."""
CLI = "public.ecr.aws/aws-cli/aws-cli:2.17.0"
"""The AWS CLI's official image, whose entrypoint is ``aws`` ("The equivalent of the aws executable")."""
AGENT = "gcr.io/datadoghq/agent:7"
"""The Datadog Agent's image (Datadog "Kubernetes", "Docker Agent": gcr.io/datadoghq/agent:7)."""
PRIVATE_DB = "10.0.5.12"
"""The VPC's own PostgreSQL / MySQL."""
SNAPSHOT = "snap-0a1b2c3d4e5f60718"
SECRET_SITE = "datadog-config/site"

AWS_SHAPES: dict[str, set[str]] = {
    "kubectl-job-cli-home": set(),
    "kubectl-job-cli-abroad": {"RES-009"},
    "file-cronjob-pg-dump-private": set(),
    "file-cronjob-pg-dump-partner": {"RES-015"},
    "deployment-sh-c-home": set(),
    "deployment-sh-c-abroad": {"RES-009"},
    "k3s-write-files-job-home": set(),
    "k3s-write-files-job-abroad": {"RES-009"},
    "dd-daemonset-site-literal-declared": set(),
    "dd-daemonset-site-configmap": {"RES-015"},
    "dd-daemonset-site-configmap-declared": set(),
    "batch-eks-home": set(),
    "batch-eks-abroad": {"RES-009"},
    "cfn-batch-eks-home": set(),
    "cfn-batch-eks-abroad": {"RES-009"},
    "lightsail-dd-api-key-only": {"RES-015"},
    "lightsail-dd-declared": set(),
    "lightsail-cli-home": set(),
    "lightsail-cli-abroad": {"RES-009"},
    "ecs-dd-site-secret": {"RES-015"},
    "ecs-dd-site-secret-declared": set(),
}
"""The AWS shapes and their verdicts in every jurisdiction of ``CODES``."""
ALI_SHAPES: dict[str, set[str]] = {
    "kubectl-job-psql-private": set(),
    "kubectl-job-psql-partner": {"RES-015"},
    "eci-dd-api-key-only": {"RES-015"},
    "eci-dd-declared": set(),
    "eci-pg-dump-private": set(),
    "eci-pg-dump-partner": {"RES-015"},
    "ros-eci-pg-dump-private": set(),
    "ros-eci-pg-dump-partner": {"RES-015"},
    "sae-mysqldump-private": set(),
    "sae-mysqldump-partner": {"RES-015"},
}
"""The Alibaba Cloud shapes and their verdicts in every jurisdiction of ``ALI_CODES``."""


def _region(code: str, shape: str) -> str:
    return AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]


def _host(shape: str) -> str:
    return PARTNER_DB if shape.endswith("-partner") else PRIVATE_DB


def _copy_snapshot(code: str, region: str) -> list[str]:
    """``aws ec2 copy-snapshot``'s words after ``aws`` (the copy is made in ``--region``)."""
    return ["ec2", "copy-snapshot", "--source-region", AWS_HOME[code], "--source-snapshot-id", SNAPSHOT,
            "--description", "nightly orders-db copy", "--region", region]  # fmt: skip


def _put_parameter(region: str) -> list[str]:
    """``aws ssm put-parameter`` recording the last etcd backup (the parameter is stored in ``--region``)."""
    return ["aws", "ssm", "put-parameter", "--name", "/k3s/etcd/last-backup", "--value", "done", "--overwrite",
            "--region", region]  # fmt: skip


def _flow(items: list[str]) -> str:
    """A YAML flow sequence of ``items`` (JSON is YAML), as kubectl's manifests often write a command."""
    return json.dumps(items)


def _instance(script: str) -> Build:
    """An EC2 instance (the cluster's node or its bootstrap host) running ``script`` as user data."""
    return lambda c: aws.ec2.Instance("k8s-bootstrap", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium",
                                      subnet_id=SUBNETS[0], user_data=script, opts=c.aws)  # fmt: skip


def _job_manifest(code: str, shape: str) -> str:
    # Kubernetes "Jobs": apiVersion batch/v1, kind Job, spec.template.spec.containers[] {name, image, command, args},
    # restartPolicy Never; "Define a Command and Arguments for a Container": args are the CMD given to the entrypoint.
    return f"""apiVersion: batch/v1
kind: Job
metadata:
  name: snapshot-copy
  namespace: ops
spec:
  backoffLimit: 2
  template:
    spec:
      serviceAccountName: snapshot-copier
      restartPolicy: Never
      containers:
        - name: copy
          image: {CLI}
          args: {_flow(_copy_snapshot(code, _region(code, shape)))}
"""


def _cronjob_manifest(shape: str) -> str:
    # Kubernetes "CronJob": spec.schedule, spec.jobTemplate.spec.template.spec.containers[]
    return f"""apiVersion: batch/v1
kind: CronJob
metadata:
  name: orders-dump
spec:
  schedule: "15 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: dump
              image: postgres:16
              command:
                - pg_dump
                - --host
                - {_host(shape)}
                - --username
                - orders_ro
                - --format
                - custom
                - --file
                - /backup/orders.dump
                - orders
              env:
                - name: PGPASSWORD
                  valueFrom:
                    secretKeyRef: {{name: orders-db, key: password}}
              volumeMounts:
                - {{name: backup, mountPath: /backup}}
          volumes:
            - name: backup
              persistentVolumeClaim: {{claimName: orders-backup}}
"""


def _deployment_manifest(code: str, shape: str) -> str:
    # Kubernetes "Deployments": spec.template.spec.containers[]; "Run a command in a shell": command ["/bin/sh", "-c"],
    # args [the script]
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: report-sync
spec:
  replicas: 1
  selector:
    matchLabels: {{app: report-sync}}
  template:
    metadata:
      labels: {{app: report-sync}}
    spec:
      containers:
        - name: sync
          image: {CLI}
          command: ["/bin/sh", "-c"]
          args:
            - |
              set -eu
              while true; do
                aws ssm get-parameters-by-path --path /reports/ --recursive \\
                  --region {_region(code, shape)} > /shared/parameters.json
                sleep 3600
              done
"""


def _site(code: str) -> str:
    """The Agent's site a market's team writes: EU1 in the EU, US1 elsewhere (declared either way)."""
    return "datadoghq.eu" if code == "EU" else DEFAULT_SITE


def _agent_daemonset(code: str, shape: str) -> str:
    # Datadog "Install the Datadog Agent on Kubernetes" (manual DaemonSet): the agent container with DD_API_KEY from a
    # Secret and DD_SITE "your Datadog site"; Kubernetes "Configure a Pod to Use a ConfigMap": env[].valueFrom
    # .configMapKeyRef {name, key}
    if shape.endswith("-site-literal-declared"):
        site = f"            - name: DD_SITE\n              value: {_site(code)}\n"
    else:
        site = (
            "            - name: DD_SITE\n              valueFrom:\n"
            "                configMapKeyRef: {name: datadog-config, key: site}\n"
        )
    return f"""apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: datadog-agent
  namespace: datadog
spec:
  selector:
    matchLabels: {{app: datadog-agent}}
  template:
    metadata:
      labels: {{app: datadog-agent}}
    spec:
      serviceAccountName: datadog-agent
      containers:
        - name: agent
          image: {AGENT}
          env:
            - name: DD_API_KEY
              valueFrom:
                secretKeyRef: {{name: datadog-secret, key: api-key}}
{site}            - name: DD_KUBERNETES_KUBELET_HOST
              valueFrom:
                fieldRef: {{fieldPath: status.hostIP}}
"""


def _eks_container(code: str, shape: str) -> dict[str, Any]:
    """A Batch EKS container (Batch EksContainer: ``command`` "The entrypoint for the container", ``args`` "An array
    of arguments to the entrypoint"); the Pulumi input names the command ``commands`` and the variables ``envs``."""
    return {"name": "copy", "image": CLI, "commands": ["aws"], "args": _copy_snapshot(code, _region(code, shape)),
            "envs": [{"name": "AWS_RETRY_MODE", "value": "standard"}]}  # fmt: skip


def _lightsail(code: str, shape: str) -> Build:
    # docs: lightsail/containerservice (name, power, scale); lightsail/containerservicedeploymentversion (service_name,
    # containers [{container_name, image, commands, environment (map), ports}])
    if shape.startswith("lightsail-dd-"):
        container: Any = {"container_name": "datadog-agent", "image": AGENT,
                                     "environment": {"DD_API_KEY": "{{resolve:ssm:/datadog/api-key}}",
                                                     "DD_APM_ENABLED": "true"}}  # fmt: skip
    else:
        region = _region(code, shape)
        container = {"container_name": "sync", "image": CLI,
                     "commands": ["ssm", "get-parameters-by-path", "--path", "/fleet-edge/", "--recursive",
                                  "--region", region]}  # fmt: skip

    def build(c: Any) -> object:
        service = aws.lightsail.ContainerService("fleet-edge", name="fleet-edge", power="nano", scale=1, opts=c.aws)
        return aws.lightsail.ContainerServiceDeploymentVersion("fleet-edge", service_name=service.name,
                                                               containers=[container], opts=c.aws)  # fmt: skip

    return build


def _ecs_site_secret(code: str) -> Build:
    # ECS ContainerDefinition `secrets` [{name, valueFrom}]: "The secret to expose to the container ... the full ARN of
    # the Secrets Manager secret or the full ARN of the parameter in the SSM Parameter Store"
    p = "aws-cn" if code == "CN" else "aws"
    arn = f"arn:{p}:ssm:{AWS_HOME[code]}:{OWN_ACCOUNT}:parameter/datadog/site"
    key = f"arn:{p}:secretsmanager:{AWS_HOME[code]}:{OWN_ACCOUNT}:secret:datadog/api-key-Ab12Cd"
    agent = {"name": "datadog-agent", "image": "public.ecr.aws/datadog/agent:7", "essential": True,
             "environment": [{"name": "ECS_FARGATE", "value": "true"}],
             "secrets": [{"name": "DD_API_KEY", "valueFrom": key}, {"name": "DD_SITE", "valueFrom": arn}]}  # fmt: skip

    def build(c: Any) -> object:
        role = aws.iam.Role("agent-execution", assume_role_policy=trust_policy("ecs-tasks.amazonaws.com"), opts=c.aws)
        return aws.ecs.TaskDefinition("agent", family="agent", requires_compatibilities=["FARGATE"],
                                      network_mode="awsvpc", cpu="256", memory="512", execution_role_arn=role.arn,
                                      container_definitions=json.dumps([agent]), opts=c.aws)  # fmt: skip

    return build


def _aws_program(code: str, shape: str) -> Build:
    region = _region(code, shape)
    if shape.startswith("kubectl-job-cli"):
        return _instance(
            f"#!/bin/bash\nset -euo pipefail\nkubectl apply -f - <<'EOF'\n{_job_manifest(code, shape)}EOF\n"
        )
    if shape.startswith("file-cronjob"):
        return _instance(
            "#!/bin/bash\nset -euo pipefail\nmkdir -p /opt/k8s\n"
            f"cat > /opt/k8s/orders-dump.yaml <<'EOF'\n{_cronjob_manifest(shape)}EOF\n"
            "kubectl apply -n orders -f /opt/k8s/orders-dump.yaml\n"
        )
    if shape.startswith("deployment-sh-c"):
        return _instance(f"#!/bin/bash\nkubectl apply -f - <<'EOF'\n{_deployment_manifest(code, shape)}EOF\n")
    if shape.startswith("k3s-write-files"):
        # k3s "Auto-Deploying Manifests": files in /var/lib/rancher/k3s/server/manifests are applied; cloud-init
        # write_files {path, content, permissions}; k3s "Air-Gap Install": INSTALL_K3S_SKIP_DOWNLOAD=true install.sh
        manifest = _job_manifest(code, shape).replace(
            f"          args: {_flow(_copy_snapshot(code, region))}\n",
            f"          command: {_flow(_put_parameter(region))}\n",
        )
        indented = "".join(f"      {line}\n" for line in manifest.splitlines())
        config = (
            "#cloud-config\nwrite_files:\n  - path: /var/lib/rancher/k3s/server/manifests/etcd-backup.yaml\n"
            f"    permissions: '0600'\n    content: |\n{indented}"
            "runcmd:\n  - INSTALL_K3S_SKIP_DOWNLOAD=true /opt/k3s/install.sh\n"
        )
        return _instance(config)
    if shape.startswith("dd-daemonset"):
        return _instance(f"#!/bin/bash\nkubectl apply -f - <<'EOF'\n{_agent_daemonset(code, shape)}EOF\n")
    if shape.startswith("batch-eks"):
        # docs: batch/jobdefinition (type container, eks_properties.pod_properties {service_account_name,
        # containers [{image, commands, args, envs}]})
        eks: Any = {"pod_properties": {"service_account_name": "snapshot-copier", "host_network": False,
                                       "containers": [_eks_container(code, shape)]}}  # fmt: skip

        def batch(c: Any) -> object:
            return aws.batch.JobDefinition("snapshot-copy", name="snapshot-copy", type="container", opts=c.aws,
                                           eks_properties=eks)  # fmt: skip

        return batch
    if shape.startswith("cfn-batch-eks"):
        # AWS::Batch::JobDefinition Type container, EksProperties.PodProperties {ServiceAccountName, Containers
        # [{Name, Image, Command, Args, Env [{Name, Value}]}]}
        return _stack("snapshot-copy", {"Job": {"Type": "AWS::Batch::JobDefinition", "Properties": {
            "JobDefinitionName": "snapshot-copy", "Type": "container",
            "EksProperties": {"PodProperties": {"ServiceAccountName": "snapshot-copier", "Containers": [{
                "Name": "copy", "Image": CLI, "Command": ["aws"], "Args": _copy_snapshot(code, region),
                "Env": [{"Name": "AWS_RETRY_MODE", "Value": "standard"}]}]}}}}})  # fmt: skip
    if shape.startswith("lightsail"):
        return _lightsail(code, shape)
    return _ecs_site_secret(code)


def _eci(code: str, shape: str) -> Build:
    # docs: eci/containergroup (container_group_name, security_group_id, vswitch_id, restart_policy, containers [{name,
    # image, commands, args, environment_vars [{key, value}]}])
    registry = f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com"
    if shape.startswith("eci-dd-"):
        containers: list[Any] = [
            {"name": "api", "image": f"{registry}/fleet/owner-api:2.4.1"},
            {"name": "datadog-agent", "image": f"{registry}/fleet-mirror/datadog/agent:7",
             "environment_vars": [{"key": "DD_API_KEY", "value": "from-kms-secret"},
                                  {"key": "DD_APM_ENABLED", "value": "true"}]},
        ]  # fmt: skip
        restart = "Always"
    else:
        containers = [{"name": "dump", "image": f"{registry}/fleet-mirror/postgres:16", "commands": ["pg_dump"],
                       "args": ["--host", _host(shape), "--username", "orders_ro", "--format", "custom", "--file",
                                "/backup/orders.dump", "orders"],
                       "environment_vars": [{"key": "PGPASSWORD", "value": "from-kms-secret"}]}]  # fmt: skip
        restart = "Never"
    return lambda c: alicloud.eci.ContainerGroup(
        "fleet-job", container_group_name="fleet-job", security_group_id="sg-uf6fleet0001",
        vswitch_id="vsw-uf6fleet0001", cpu=1, memory=2, restart_policy=restart, containers=containers, opts=c.ali,
    )  # fmt: skip


def _ali_program(code: str, shape: str) -> Build:
    host = _host(shape)
    if shape.startswith("kubectl-job-psql"):
        manifest = f"""apiVersion: batch/v1
kind: Job
metadata:
  name: orders-check
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: check
          image: registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet-mirror/postgres:16
          command: ["psql", "-h", "{host}", "-U", "orders_ro", "-d", "orders", "-c", "select count(*) from orders"]
"""
        script = f"#!/bin/bash\nkubectl apply -f - <<'EOF'\n{manifest}EOF\n"
        return lambda c: ali_boot(c, base64.b64encode(script.encode()).decode())
    if shape.startswith("eci-"):
        return _eci(code, shape)
    if shape.startswith("ros-eci"):
        # ALIYUN::ECI::ContainerGroup ContainerGroupName, SecurityGroupId, VSwitchId, RestartPolicy, Container [{Name,
        # Image, Command, Arg, EnvironmentVar [{Key, Value}]}]
        return ros_stack("fleet-job", {"Job": {"Type": "ALIYUN::ECI::ContainerGroup", "Properties": {
            "ContainerGroupName": "fleet-job", "SecurityGroupId": "sg-uf6fleet0001", "VSwitchId": "vsw-uf6fleet0001",
            "RestartPolicy": "Never", "Container": [{
                "Name": "dump", "Image": f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet-mirror/postgres:16",
                "Command": ["pg_dump"], "Arg": ["--host", host, "--username", "orders_ro", "--file",
                                                "/backup/orders.dump", "orders"],
                "EnvironmentVar": [{"Key": "PGPASSWORD", "Value": "from-kms-secret"}]}]}}})  # fmt: skip

    # docs: sae/application (app_name, package_type Image, image_url, namespace_id, vpc_id, vswitch_id, replicas, cpu,
    # memory, command "Mirror start command ... must be an executable object in the container", command_args "Mirror
    # startup command parameters ... in the format: [\"a\",\"b\"]", envs "[{\"name\":\"envtmp\",\"value\":\"0\"}]")
    def sae(c: Any) -> object:
        c.ali_role = DEPLOYER
        args = ["-h", host, "-u", "orders_ro", "--single-transaction", "--result-file=/backup/orders.sql", "orders"]
        return alicloud.sae.Application(
            "orders-dump", app_name="orders-dump", package_type="Image", replicas=1, cpu=500, memory=1024,
            image_url=f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet-mirror/mysql:8.4",
            namespace_id=f"{ALI_HOME[code]}:orders", vpc_id="vpc-uf6fleet0001", vswitch_id="vsw-uf6fleet0001",
            command="mysqldump", command_args=json.dumps(args),
            envs=json.dumps([{"name": "MYSQL_PWD", "value": "from-kms-secret"}]), opts=c.ali,
        )  # fmt: skip

    return sae


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "dd-daemonset-site-literal-declared":
        return [declared(code, _site(code))]
    if shape == "dd-daemonset-site-configmap-declared":
        return [{**declared(code, f"configMapKeyRef:{SECRET_SITE}"), "id": "datadog-site-config"}]
    if shape == "ecs-dd-site-secret-declared":
        p = "aws-cn" if code == "CN" else "aws"
        arn = f"arn:{p}:ssm:{AWS_HOME[code]}:{OWN_ACCOUNT}:parameter/datadog/site"
        return [{**declared(code, arn), "id": "datadog-site-parameter"}]
    return [declared(code, DEFAULT_SITE)] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in CODES:
        for shape, expected in AWS_SHAPES.items():
            out.append((f"k8s62-{code.lower()}-{shape}", code, _aws_program(code, shape), expected,
                        _declared(code, shape)))  # fmt: skip
    for code in ALI_CODES:
        for shape, expected in ALI_SHAPES.items():
            out.append((f"k8s62-{code.lower()}-{shape}", code, _ali_program(code, shape), expected,
                        _declared(code, shape)))  # fmt: skip
    return out
