"""Container definitions, round 3 (stop 63, issue 9, k8s63): App Runner start commands, Compose entrypoints cleared,
SAE applications in ROS, the Datadog Helm chart's values, manifests applied by URL, EKS add-on configuration values.

k8s62 read a Kubernetes manifest's, a Batch EKS job's, a Lightsail / ECI / SAE container's command as the ``docker
run`` line it is and left open the places this round writes, each with a compliant twin (the home Region, the VPC's
database, the Agent's site declared) and an offending one (a Region abroad, a partner's database, the Agent's default
site):

- an App Runner service's ``start_command`` ("An optional command that App Runner runs to start the application in
  the source image. If specified, this command overrides the Docker image's default start command", App Runner API
  ImageConfiguration; Pulumi apprunner/service ``source_configuration.image_repository.image_configuration``): a
  ``psql -h H`` check before the server starts, a ``/bin/sh -c "aws ssm put-parameter ... --region R && exec ..."``;
- a Compose file user data writes whose service clears the image's entrypoint (Compose "entrypoint": "If the value is
  ``[]`` (empty list) or ``''`` (empty string), the default entrypoint declared by the image is ignored, or in other
  words, overridden to be empty", https://docs.docker.com/reference/compose-file/services/#entrypoint) and runs
  ``["/bin/sh", "-c", "aws ... --region R"]`` on the AWS CLI image (whose entrypoint is ``aws``);
- an SAE application in an ROS template (``ALIYUN::SAE::Application`` ``ImageUrl``, ``Command``, ``CommandArgs``,
  ``Envs``, https://www.alibabacloud.com/help/en/ros/developer-reference/aliyun-sae-application): ``mysqldump -h H``,
  and the Datadog Agent's image with its API key alone (its default site) or its site declared;
- the Datadog Agent installed with its Helm chart (``helm upgrade --install datadog-agent
  oci://<own ECR>/charts/datadog``, Datadog "Install the Datadog Agent on Kubernetes"; the chart's values.yaml:
  "datadog.site -- The site of the Datadog intake to send Agent data to", left empty, so the Agent's default US1
  site): its API key alone, ``--set datadog.site=datadoghq.com``, a values file the script writes without and with
  ``site``, ``--set datadog.site=$SITE`` from Parameter Store, ``--set datadog.dd_url=<the VPC's proxy>``;
- pinned decisions: a manifest applied by URL (``kubectl apply -f https://raw.githubusercontent.com/...``: the
  content is the publisher's, unknown at plan time; the URL's host is judged, RES-015 until declared), and an EKS
  add-on's ``configuration_values`` (the Amazon CloudWatch Observability add-on's agent ``region``,
  https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/install-CloudWatch-Observability-EKS-addon.html:
  read as JSON already, RES-009 abroad, the home twin passes).

Reproduced on the unchanged engine (86a0559b): 59 programs, 31 offending, 28 compliant; **25 failed, all leaks**
(each offending App Runner, Compose, Helm and ROS SAE program passed every door); no false alarm, no wrong rule; the
12 kubectl-URL and add-on rows and the Helm proxy twins pin behaviour that held. The Helm rows were counted with the
Helm reading switched off (``RuleEngine._judge_helm_releases`` a no-op), the rest on 86a0559b itself. See
docs/residency.md, *Container definitions, round 3 (stop 63)*.

Ids: ``k8s63-<code>-<shape>``; AWS programs in EU / US (App Runner: not offered in China) and EU / US / CN, Alibaba
Cloud programs in CN / JP. tests/test_realistic_programs.py runs them as CASES (``k8s63-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_ABROAD,
    AWS_HOME,
    OWN_ACCOUNT,
    PARTNER_DB,
    SUBNETS,
    Build,
    Row,
    ros_stack,
)
from platform_programs_config60 import DEFAULT_SITE, declared

APP_RUNNER_CODES = ("EU", "US")
"""App Runner's programs' jurisdictions (App Runner is offered in no aws-cn Region)."""
CODES = ("EU", "US", "CN")
"""The other AWS programs' jurisdictions."""
ALI_CODES = ("CN", "JP")
"""The Alibaba Cloud programs' jurisdictions."""
CLI = "public.ecr.aws/aws-cli/aws-cli:2.17.0"
"""The AWS CLI's official image, whose entrypoint is ``aws``."""
PRIVATE_DB = "10.0.5.12"
"""The VPC's own PostgreSQL / MySQL."""
MANIFEST_URL = "https://raw.githubusercontent.com/kubernetes-sigs/metrics-server/v0.7.1/deploy/components.yaml"
"""A manifest applied by URL (metrics-server's release manifest, as its README installs it)."""

APP_RUNNER_SHAPES: dict[str, set[str]] = {
    "apprunner-psql-private": set(),
    "apprunner-psql-partner": {"RES-015"},
    "apprunner-sh-c-home": set(),
    "apprunner-sh-c-abroad": {"RES-009"},
    "apprunner-cli-home": set(),
    "apprunner-cli-abroad": {"RES-009"},
}
"""App Runner's shapes and their verdicts in every jurisdiction of ``APP_RUNNER_CODES``."""
AWS_SHAPES: dict[str, set[str]] = {
    "compose-empty-entrypoint-home": set(),
    "compose-empty-entrypoint-abroad": {"RES-009"},
    "helm-dd-api-key-only": {"RES-015"},
    "helm-dd-site-set": {"RES-015"},
    "helm-dd-site-set-declared": set(),
    "helm-dd-values-no-site": {"RES-015"},
    "helm-dd-values-site-declared": set(),
    "helm-dd-site-from-parameter": {"RES-015"},
    "helm-dd-dd-url-proxy": set(),
    "kubectl-url": {"RES-015"},
    "kubectl-url-declared": set(),
    "eks-addon-cloudwatch-home": set(),
    "eks-addon-cloudwatch-abroad": {"RES-009"},
}
"""The other AWS shapes and their verdicts in every jurisdiction of ``CODES``."""
ALI_SHAPES: dict[str, set[str]] = {
    "ros-sae-mysqldump-private": set(),
    "ros-sae-mysqldump-partner": {"RES-015"},
    "ros-sae-dd-api-key-only": {"RES-015"},
    "ros-sae-dd-declared": set(),
}
"""The Alibaba Cloud shapes and their verdicts in every jurisdiction of ``ALI_CODES``."""


def _region(code: str, shape: str) -> str:
    return AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]


def _host(shape: str) -> str:
    return PARTNER_DB if shape.endswith("-partner") else PRIVATE_DB


def _put_parameter(region: str) -> str:
    """``aws ssm put-parameter`` recording the service's start (the parameter is stored in ``--region``)."""
    return f"aws ssm put-parameter --name /fleet/api/started --value up --overwrite --region {region}"


def _instance(script: str) -> Build:
    """An EC2 instance running ``script`` as user data."""
    return lambda c: aws.ec2.Instance("fleet-host", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium",
                                      subnet_id=SUBNETS[0], user_data=script, opts=c.aws)  # fmt: skip


def _app_runner(code: str, shape: str) -> Build:
    # docs: apprunner/service (service_name, source_configuration {image_repository {image_identifier,
    # image_repository_type, image_configuration {port, start_command, runtime_environment_variables}},
    # auto_deployments_enabled}, network_configuration {egress_configuration {egress_type VPC, vpc_connector_arn}})
    region = _region(code, shape)
    image = f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.amazonaws.com/fleet/api:1.4.2"
    if shape.startswith("apprunner-psql"):
        start = f"psql -h {_host(shape)} -U api_ro -d orders -c 'select 1'"
    elif shape.startswith("apprunner-sh-c"):
        start = f'/bin/sh -c "{_put_parameter(region)} && exec gunicorn -b 0.0.0.0:8080 app:app"'
    else:
        image, start = CLI, _put_parameter(region)
    connector = f"arn:aws:apprunner:{AWS_HOME[code]}:{OWN_ACCOUNT}:vpcconnector/fleet-vpc/1/0a1b2c3d4e5f60718"

    def build(c: Any) -> object:
        return aws.apprunner.Service(
            "fleet-api", service_name="fleet-api", opts=c.aws,
            source_configuration={"auto_deployments_enabled": False, "image_repository": {
                "image_identifier": image, "image_repository_type": "ECR" if image != CLI else "ECR_PUBLIC",
                "image_configuration": {"port": "8080", "start_command": start,
                                        "runtime_environment_variables": {"LOG_LEVEL": "info"}}}},
            network_configuration={"egress_configuration": {"egress_type": "VPC", "vpc_connector_arn": connector}},
        )  # fmt: skip

    return build


def _compose(code: str, shape: str) -> Build:
    # Compose "entrypoint": [] or '' overrides the image's entrypoint to be empty; "command" a list (exec form)
    entrypoint = "[]" if "-empty-" in shape else "''"
    command = json.dumps(["/bin/sh", "-c", _put_parameter(_region(code, shape))])
    return _instance(
        "#!/bin/bash\nset -euo pipefail\nmkdir -p /opt/fleet\ncat > /opt/fleet/docker-compose.yml <<'EOF'\n"
        f"services:\n  started:\n    image: {CLI}\n    entrypoint: {entrypoint}\n    command: {command}\n"
        '    restart: "no"\nEOF\ndocker compose -f /opt/fleet/docker-compose.yml up -d\n'
    )


def _helm(code: str, shape: str) -> Build:
    # Datadog "Install the Datadog Agent on Kubernetes" (Helm): `helm install datadog-agent -f datadog-values.yaml
    # datadog/datadog`, `--set datadog.site=<DATADOG_SITE>`; the chart from the team's ECR (Helm "Use OCI-based
    # registries": `helm install myrelease oci://localhost:5000/helm-charts/mychart --version 0.1.0`; Amazon ECR
    # "Pushing a Helm chart"); the chart's values datadog.apiKeyExistingSecret, datadog.site, datadog.dd_url
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    chart = f"oci://{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{suffix}/charts/datadog"
    install = f"helm upgrade --install datadog-agent {chart} --version 3.69.0 -n datadog --create-namespace"
    key = "--set datadog.apiKeyExistingSecret=datadog-secret"
    if shape == "helm-dd-api-key-only":
        line = f"{install} {key}\n"
    elif shape.startswith("helm-dd-site-set"):
        line = f"{install} {key} --set datadog.site={DEFAULT_SITE}\n"
    elif shape.startswith("helm-dd-values"):
        site = f"  site: {DEFAULT_SITE}\n" if "-site-" in shape else ""
        line = (f"cat > /opt/datadog/values.yaml <<'EOF'\ndatadog:\n  apiKeyExistingSecret: datadog-secret\n{site}"
                f"  logs:\n    enabled: true\nEOF\n{install} -f /opt/datadog/values.yaml\n")  # fmt: skip
    elif shape == "helm-dd-site-from-parameter":
        line = (f"SITE=$(aws ssm get-parameter --name /datadog/site --query Parameter.Value --output text "
                f"--region {AWS_HOME[code]})\n{install} {key} --set datadog.site=$SITE\n")  # fmt: skip
    else:
        line = f"{install} {key} --set datadog.dd_url=http://10.0.5.20:3834\n"
    return _instance(f"#!/bin/bash\nset -euo pipefail\nmkdir -p /opt/datadog\n{line}")


def _eks_addon(code: str, shape: str) -> Build:
    # docs: eks/addon (cluster_name, addon_name, configuration_values: JSON of the add-on's schema); the CloudWatch
    # agent's configuration `agent.region` ("Specifies the Region to use for the CloudWatch endpoint")
    insights = {"kubernetes": {"enhanced_container_insights": True}}
    values = {"agent": {"config": {"agent": {"region": _region(code, shape)}, "logs": {"metrics_collected": insights}}},
              "containerLogs": {"enabled": False}}  # fmt: skip
    return lambda c: aws.eks.Addon("cloudwatch-observability", cluster_name="fleet", opts=c.aws,
                                   addon_name="amazon-cloudwatch-observability",
                                   configuration_values=json.dumps(values))  # fmt: skip


def _aws_program(code: str, shape: str) -> Build:
    if shape.startswith("apprunner"):
        return _app_runner(code, shape)
    if shape.startswith("compose"):
        return _compose(code, shape)
    if shape.startswith("helm"):
        return _helm(code, shape)
    if shape.startswith("kubectl-url"):
        return _instance(f"#!/bin/bash\nset -euo pipefail\nkubectl apply -f {MANIFEST_URL}\n")
    return _eks_addon(code, shape)


def _ali_program(code: str, shape: str) -> Build:
    # ALIYUN::SAE::Application AppName, NamespaceId, PackageType Image, ImageUrl, Replicas, Cpu, Memory, VpcId,
    # VSwitchId, Command ("the startup command"), CommandArgs (JSON text of the arguments), Envs (JSON text of
    # [{name, value}])
    registry = f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com"
    props: dict[str, Any] = {"NamespaceId": f"{ALI_HOME[code]}:fleet", "PackageType": "Image", "Replicas": 1,
                             "Cpu": 500, "Memory": 1024, "VpcId": "vpc-uf6fleet0001",
                             "VSwitchId": "vsw-uf6fleet0001"}  # fmt: skip
    if shape.startswith("ros-sae-mysqldump"):
        args = ["-h", _host(shape), "-u", "orders_ro", "--single-transaction", "--result-file=/backup/orders.sql",
                "orders"]  # fmt: skip
        props |= {"AppName": "orders-dump", "ImageUrl": f"{registry}/fleet-mirror/mysql:8.4", "Command": "mysqldump",
                  "CommandArgs": json.dumps(args),
                  "Envs": json.dumps([{"name": "MYSQL_PWD", "value": "from-kms"}])}  # fmt: skip
    else:
        props |= {"AppName": "datadog-agent", "ImageUrl": f"{registry}/fleet-mirror/datadog/agent:7",
                  "Envs": json.dumps([{"name": "DD_API_KEY", "value": "from-kms-secret"},
                                      {"name": "DD_APM_ENABLED", "value": "true"}])}  # fmt: skip
    return ros_stack("fleet-app", {"App": {"Type": "ALIYUN::SAE::Application", "Properties": props}})


def _declared(code: str, shape: str) -> list[dict[str, Any]]:
    if shape == "kubectl-url-declared":
        return [{**declared(code, "raw.githubusercontent.com"), "id": "github-release-manifests",
                 "evidence": "metrics-server's release manifest, reviewed and pinned by tag"}]  # fmt: skip
    return [declared(code, DEFAULT_SITE)] if shape.endswith("-declared") else []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in APP_RUNNER_CODES:
        for shape, expected in APP_RUNNER_SHAPES.items():
            out.append((f"k8s63-{code.lower()}-{shape}", code, _aws_program(code, shape), expected, []))
    for code in CODES:
        for shape, expected in AWS_SHAPES.items():
            out.append((f"k8s63-{code.lower()}-{shape}", code, _aws_program(code, shape), expected,
                        _declared(code, shape)))  # fmt: skip
    for code in ALI_CODES:
        for shape, expected in ALI_SHAPES.items():
            out.append((f"k8s63-{code.lower()}-{shape}", code, _ali_program(code, shape), expected,
                        _declared(code, shape)))  # fmt: skip
    return out
