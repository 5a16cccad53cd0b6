"""False alarms, round 12 (stop 52, issue 9 item 6: falsealarm52).

Part 1, names a YAML text defines: a Docker Compose file (a ``docker-compose.yml`` written by user data's
here-document, a cloud-config's ``write_files``, an SSM Command document, Alibaba ECS user data, a ROS instance's
``UserData``) whose ``services:`` define ``db`` and ``cache`` and whose application reaches them as
``postgres://db:5432/fleet`` and ``redis://cache:6379/0``; and a Kubernetes manifest whose Deployment reaches its own
``kind: Service`` as ``http://api:8080`` and ``http://api.default.svc.cluster.local:8080``. Compose puts every
service on the project's network under its name; the cluster DNS answers for a Service with a selector.

Part 2, everyday programs over stop 51's changes, in their ordinary own-account use, written from the pulumi-aws v7 /
pulumi-alicloud registry pages and the CloudFormation / ROS references: YAML CloudFormation templates with short-form
``!GetAtt`` / ``!Ref`` / ``!Sub`` over the template's own metric stream, flow log and backup copy vault; the Pulumi
resources of the same kinds wired by output (a metric stream's Firehose stream, a flow log's group, a backup copy
action's vault, an IoT rule's queue, a lifecycle hook's queue); a DynamoDB replica of the stack's own table in the
second Region at home; user data writing a crontab, s3cmd's ``~/.s3cfg`` and an ``.ini`` over the instance's Region; a
CodeBuild buildspec whose phases set and use a variable; a provider whose ``endpoints`` are the Region's own; a
StackSet instance naming its StackSet by ``apply``; ROS ``Fn::Base64Decode`` / ``Fn::GetJsonValue`` / ``Fn::Select``
by key over the stack's own values; the aliyun CLI's ``--ZoneId`` in the Region's own zone; in CN (aws-cn cn-north-1;
Alibaba cn-shanghai), EU, DE, JP and US.

Reproduced on the unchanged engine (main faa992a): every compose and manifest program was RES-015 at every door
("db is a host under no catalogued cloud suffix"); they pass now, and their twins stay refused (a partner's database
host, a service name an ``extra_hosts`` entry maps to an address, an ``ExternalName`` Service). See docs/residency.md
"False alarms, round 12 (stop 52)". tests/test_realistic_programs.py runs them as CASES (``falsealarm52-*``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    DEPLOYER,
    IMDS,
    OWN_ACCOUNT,
    PARTNER_DB,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    dns_suffix,
    partition,
    ros_stack,
    trust_policy,
)

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
ALI_CODES = ("CN", "JP", "DE")
SECOND = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A second AWS Region inside each jurisdiction (Germany has one: its replica program does not run there)."""
ALI_ZONE = {"CN": "cn-shanghai-b", "JP": "ap-northeast-1a", "DE": "eu-central-1a"}
"""A zone of each market's Alibaba Cloud Region."""
VPC_ID = "vpc-0a1b2c3d4e5f60718"
"""The network stack's VPC."""


def _ecr(code: str, repository: str) -> str:
    """An image in the stack's own account's ECR registry in its Region."""
    return f"{OWN_ACCOUNT}.dkr.ecr.{AWS_HOME[code]}.{dns_suffix(code)}/{repository}"


def compose_file(image: str, db: str = "db", extra: str = "") -> str:
    """The fleet's Compose file: the application, its database and its cache, the application reaching both by
    service name (``db``: the database's host in the URL; ``extra``: more keys of the application's service)."""
    return (
        "services:\n"
        "  app:\n"
        f"    image: {image}/fleet-app:1.4\n"
        "    environment:\n"
        f"      DATABASE_URL: postgres://fleet@{db}:5432/fleet\n"
        "      REDIS_URL: redis://cache:6379/0\n"
        "    depends_on: [db, cache]\n"
        '    ports: ["8080:8080"]\n'
        f"{extra}"
        "  db:\n"
        f"    image: {image}/postgres:16\n"
        "    volumes: [pgdata:/var/lib/postgresql/data]\n"
        "  cache:\n"
        f"    image: {image}/redis:7\n"
        "volumes:\n"
        "  pgdata: {}\n"
    )


def _compose_script(compose: str) -> str:
    return (
        "#!/bin/bash\nset -e\nmkdir -p /opt/fleet\n"
        f"cat > /opt/fleet/docker-compose.yml <<'EOF'\n{compose}EOF\n"
        "cd /opt/fleet && docker compose up -d\n"
    )


COMPOSE_TWINS = {
    "": ("db", ""),
    "-partner-db": (PARTNER_DB, ""),
    "-extra-hosts": ("db", '    extra_hosts: ["db:203.0.113.10"]\n'),
}
"""Suffix -> (the database host, more keys of the application): the compliant program and its leak twins (a partner's
database; the service name mapped to an address outside by ``extra_hosts``, an /etc/hosts entry)."""


def compose_user_data(code: str, twin: str = "") -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (user_data); Docker Compose networking (services reach each other by name)
        db, extra = COMPOSE_TWINS[twin]
        script = _compose_script(compose_file(_ecr(code, "fleet"), db, extra))
        return aws.ec2.Instance("fleet", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
                                user_data=script, opts=c.aws)  # fmt: skip

    return build


def compose_cloud_config(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/launchtemplate (user_data, base64); cloud-init write_files (path, content) and runcmd
        content = "".join(f"      {line}\n" for line in compose_file(_ecr(code, "fleet")).splitlines())
        cloud_config = (
            "#cloud-config\npackages: [docker.io, docker-compose-v2]\nwrite_files:\n"
            f"  - path: /opt/fleet/compose.yaml\n    permissions: '0644'\n    content: |\n{content}"
            "runcmd:\n  - [sh, -c, 'cd /opt/fleet && docker compose up -d']\n"
        )
        encoded = base64.b64encode(cloud_config.encode()).decode()
        return aws.ec2.LaunchTemplate("fleet", image_id="ami-0a1b2c3d4e5f60718", instance_type="t3.medium",
                                      user_data=encoded, opts=c.aws)  # fmt: skip

    return build


def compose_ssm_document(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ssm/document (document_type Command, content: schemaVersion 2.2, aws:runShellScript runCommand)
        lines = _compose_script(compose_file(_ecr(code, "fleet"))).splitlines()
        content = {"schemaVersion": "2.2", "description": "Start the fleet application", "mainSteps": [
            {"action": "aws:runShellScript", "name": "compose", "inputs": {"runCommand": lines}}]}  # fmt: skip
        return aws.ssm.Document("fleet-compose", document_type="Command", content=json.dumps(content), opts=c.aws)

    return build


MANIFEST_SERVICE = {"": "  selector: {app: api}\n", "-external-name": "  type: ExternalName\n  externalName: {host}\n"}
"""Suffix -> the Service's spec: the compliant program's selector, and the leak twin's CNAME to a partner's host."""


def manifest(twin: str = "") -> str:
    """The fleet's Kubernetes manifest: the api Service and a Deployment whose pods reach it by name."""
    spec = MANIFEST_SERVICE[twin].replace("{host}", PARTNER_DB)
    return (
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n"
        f"spec:\n{spec}  ports:\n    - port: 8080\n---\n"
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"
        "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n"
        "    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          env:\n"
        "            - name: API_URL\n              value: http://api:8080\n"
        "            - name: API_FQDN\n              value: http://api.default.svc.cluster.local:8080/v1\n"
    )


def k8s_manifest(code: str, twin: str = "") -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (user_data); Kubernetes DNS for Services and Pods; the image's k3s applying the manifest
        script = (
            "#!/bin/bash\nset -e\nmkdir -p /opt/fleet\n"
            f"cat > /opt/fleet/app.yaml <<'EOF'\n{manifest(twin)}EOF\nk3s kubectl apply -f /opt/fleet/app.yaml\n"
        )
        return aws.ec2.Instance("fleet", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.medium", subnet_id=SUBNETS[0],
                                user_data=script, opts=c.aws)  # fmt: skip

    return build


# -- Part 2: everyday programs over stop 51's changes (AWS) -----------------------------------------------------------


def _yaml_stack(name: str, body: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body: a YAML template, short-form intrinsic functions)
        return aws.cloudformation.Stack(name, name=name, template_body=body, capabilities=["CAPABILITY_IAM"],
                                        opts=c.aws)  # fmt: skip

    return build


def cfn_yaml_metric_stream(code: str) -> Build:
    # AWS::CloudWatch::MetricStream FirehoseArn / RoleArn by !GetAtt; the stream's bucket by !Sub.
    return _yaml_stack(
        "metric-stream",
        f"""AWSTemplateFormatVersion: '2010-09-09'
Resources:
  MetricsBucket:
    Type: AWS::S3::Bucket
  DeliveryRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {trust_policy("firehose.amazonaws.com")}
  Delivery:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      DeliveryStreamType: DirectPut
      ExtendedS3DestinationConfiguration:
        BucketARN: !GetAtt MetricsBucket.Arn
        RoleARN: !GetAtt DeliveryRole.Arn
  StreamRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {trust_policy("streams.metrics.cloudwatch.amazonaws.com")}
  Stream:
    Type: AWS::CloudWatch::MetricStream
    Properties:
      OutputFormat: json
      FirehoseArn: !GetAtt Delivery.Arn
      RoleArn: !GetAtt StreamRole.Arn
Outputs:
  Bucket:
    Value: !Sub 'arn:${{AWS::Partition}}:s3:::${{MetricsBucket}}'
""",
    )


def cfn_yaml_flow_log(code: str) -> Build:
    # AWS::EC2::FlowLog LogDestination !GetAtt of the template's log group, DeliverLogsPermissionArn of its role.
    return _yaml_stack(
        "vpc-flow-logs",
        f"""AWSTemplateFormatVersion: '2010-09-09'
Resources:
  FlowLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 90
  FlowLogRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {trust_policy("vpc-flow-logs.amazonaws.com")}
  FlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: {VPC_ID}
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: cloud-watch-logs
      LogDestination: !GetAtt FlowLogs.Arn
      DeliverLogsPermissionArn: !GetAtt FlowLogRole.Arn
""",
    )


def cfn_yaml_backup_copy(code: str) -> Build:
    # AWS::Backup::BackupPlan CopyActions DestinationBackupVaultArn !Sub of the template's own vault.
    return _yaml_stack(
        "claims-backup",
        """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: claims
  CopyVault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: claims-copies
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: claims-daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: !Ref Vault
            ScheduleExpression: cron(0 3 * * ? *)
            CopyActions:
              - DestinationBackupVaultArn: !Sub '{vault}'
""".replace("{vault}", "arn:${AWS::Partition}:backup:${AWS::Region}:${AWS::AccountId}:backup-vault:${CopyVault}"),
    )


def native_metric_stream(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudwatch/metricstream (firehose_arn, role_arn, output_format, include_filters);
        # kinesis/firehosedeliverystream (destination extended_s3); s3/bucketv2; iam/role
        bucket = aws.s3.Bucket("metrics", opts=c.aws)
        delivery_role = aws.iam.Role("delivery", assume_role_policy=trust_policy("firehose.amazonaws.com"), opts=c.aws)
        stream = aws.kinesis.FirehoseDeliveryStream(
            "metrics", destination="extended_s3",
            extended_s3_configuration={"bucket_arn": bucket.arn, "role_arn": delivery_role.arn}, opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("stream", assume_role_policy=trust_policy("streams.metrics.cloudwatch.amazonaws.com"),
                            opts=c.aws)  # fmt: skip
        return aws.cloudwatch.MetricStream("metrics", firehose_arn=stream.arn, role_arn=role.arn, output_format="json",
                                           include_filters=[{"namespace": "AWS/EC2"}], opts=c.aws)  # fmt: skip

    return build


def native_flow_log_backup(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/flowlog (log_destination, iam_role_arn, vpc_id); backup/vault; backup/plan (rule copy_actions
        # destination_vault_arn)
        group = aws.cloudwatch.LogGroup("flow-logs", retention_in_days=90, opts=c.aws)
        role = aws.iam.Role("flow-logs", assume_role_policy=trust_policy("vpc-flow-logs.amazonaws.com"), opts=c.aws)
        aws.ec2.FlowLog("vpc", vpc_id=VPC_ID, traffic_type="ALL", log_destination=group.arn, iam_role_arn=role.arn,
                        opts=c.aws)  # fmt: skip
        vault = aws.backup.Vault("claims", name="claims", opts=c.aws)
        copies = aws.backup.Vault("claims-copies", name="claims-copies", opts=c.aws)
        return aws.backup.Plan("claims", name="claims-daily", rules=[{
            "rule_name": "daily", "target_vault_name": vault.name, "schedule": "cron(0 3 * * ? *)",
            "copy_actions": [{"destination_vault_arn": copies.arn, "lifecycle": {"delete_after": 35}}]}],
            opts=c.aws)  # fmt: skip

    return build


def native_rule_and_hook(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: iot/topicrule (sqs {queue_url, role_arn, use_base64}); autoscaling/lifecyclehook
        # (notification_target_arn, role_arn); sqs/queue (url, arn)
        telemetry = aws.sqs.Queue("telemetry", opts=c.aws)
        rule_role = aws.iam.Role("iot", assume_role_policy=trust_policy("iot.amazonaws.com"), opts=c.aws)
        aws.iot.TopicRule("telemetry", enabled=True, sql="SELECT * FROM 'fleet/+/telemetry'", sql_version="2016-03-23",
                          sqs=[{"queue_url": telemetry.url, "role_arn": rule_role.arn, "use_base64": False}],
                          opts=c.aws)  # fmt: skip
        hooks = aws.sqs.Queue("scale-in", opts=c.aws)
        hook_role = aws.iam.Role("hooks", assume_role_policy=trust_policy("autoscaling.amazonaws.com"), opts=c.aws)
        return aws.autoscaling.LifecycleHook(
            "drain", autoscaling_group_name="fleet-workers",
            lifecycle_transition="autoscaling:EC2_INSTANCE_TERMINATING", default_result="CONTINUE",
            heartbeat_timeout=300, notification_target_arn=hooks.arn, role_arn=hook_role.arn, opts=c.aws,
        )  # fmt: skip

    return build


def own_table_replica(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: dynamodb/table (stream_enabled, stream_view_type), dynamodb/tablereplica (global_table_arn: "ARN of the
        # main or global table which this resource will replicate"; made in the provider's Region)
        main = aws.dynamodb.Table("orders", name="orders", billing_mode="PAY_PER_REQUEST", hash_key="id",
                                  attributes=[{"name": "id", "type": "S"}], stream_enabled=True,
                                  stream_view_type="NEW_AND_OLD_IMAGES", opts=c.aws)  # fmt: skip
        second = aws.Provider("second", region=SECOND[code], allowed_account_ids=[OWN_ACCOUNT])
        return aws.dynamodb.TableReplica("orders-replica", global_table_arn=main.arn,
                                         opts=pulumi.ResourceOptions(provider=second))  # fmt: skip

    return build


def script_cron_s3cfg(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ec2/instance (user_data); s3cmd's ~/.s3cfg (host_base, host_bucket, bucket_location); a crontab line;
        # an application's .ini
        region, suffix = AWS_HOME[code], dns_suffix(code)
        s3cfg = (
            f"[default]\nhost_base = s3.{region}.{suffix}\nhost_bucket = %(bucket)s.s3.{region}.{suffix}\n"
            f"bucket_location = {region}\nuse_https = True\n"
        )
        ini = f"[aws]\nregion = {region}\n\n[database]\nhost = 10.20.1.30\nport = 5432\n"
        script = (
            "#!/bin/bash\nset -e\n"
            f"R=$(curl -s {IMDS}/meta-data/placement/region)\n"
            f"cat > /root/.s3cfg <<'EOF'\n{s3cfg}EOF\n"
            f"cat > /etc/fleet/app.ini <<'EOF'\n{ini}EOF\n"
            'echo "15 2 * * * root aws s3 sync /var/log/fleet s3://fleet-logs-$R/ --region $R" > /etc/cron.d/logs\n'
            "(crontab -l; echo '0 3 * * * s3cmd sync /srv/exports s3://fleet-exports/') | crontab -\n"
        )
        aws.s3.Bucket("exports", bucket="fleet-exports", opts=c.aws)
        aws.s3.Bucket("logs", bucket=f"fleet-logs-{region}", opts=c.aws)
        return aws.ec2.Instance("fleet", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=script, opts=c.aws)  # fmt: skip

    return build


def buildspec_variables(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: codebuild/project (source buildspec, environment environment_variables); buildspec phases sharing a
        # variable (CodeBuild: "exported variables ... available in subsequent phases")
        region, p = AWS_HOME[code], partition(code)
        buildspec = (
            "version: 0.2\nenv:\n  variables:\n"
            f"    ARTIFACTS: fleet-artifacts-{code.lower()}\n  exported-variables: [IMAGE_TAG]\nphases:\n"
            "  pre_build:\n    commands:\n"
            "      - export IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c1-8)\n"
            f"      - export REGION={region}\n"
            "  build:\n    commands:\n      - make dist\n"
            "      - aws s3 cp dist/fleet.tgz s3://$ARTIFACTS/$IMAGE_TAG/ --region $REGION\n"
            "  post_build:\n    commands:\n"
            "      - aws ssm put-parameter --name /fleet/release --value $IMAGE_TAG --overwrite --region $AWS_REGION\n"
        )
        role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=c.aws)
        aws.s3.Bucket("artifacts", bucket=f"fleet-artifacts-{code.lower()}", opts=c.aws)
        return aws.codebuild.Project(
            "fleet", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
            environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0",
                         "type": "LINUX_CONTAINER",
                         "environment_variables": [{"name": "AWS_REGION", "value": region}]},
            source={"type": "NO_SOURCE", "buildspec": buildspec},
            tags={"partition": p}, opts=c.aws,
        )  # fmt: skip

    return build


def provider_own_endpoints(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: aws Provider (endpoints: "Configuration block for customizing service endpoints"; s3, sts, dynamodb)
        region, suffix = AWS_HOME[code], dns_suffix(code)
        provider = aws.Provider("regional", region=region, allowed_account_ids=[OWN_ACCOUNT], endpoints=[{
            "s3": f"https://s3.{region}.{suffix}", "sts": f"https://sts.{region}.{suffix}",
            "dynamodb": f"https://dynamodb.{region}.{suffix}"}])  # fmt: skip
        opts = pulumi.ResourceOptions(provider=provider)
        aws.dynamodb.Table("sessions", billing_mode="PAY_PER_REQUEST", hash_key="id",
                           attributes=[{"name": "id", "type": "S"}], opts=opts)  # fmt: skip
        return aws.s3.Bucket("reports", bucket=f"fleet-reports-{code.lower()}", opts=opts)

    return build


def stack_set_applied(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: cloudformation/stackset (SELF_MANAGED, administration_role_arn, execution_role_name),
        # cloudformation/stacksetinstance (stack_set_name, account_id, stack_set_instance_region)
        p = partition(code)
        body = json.dumps(
            {
                "Parameters": {"Retention": {"Type": "Number", "Default": 30}},
                "Resources": {
                    "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": {"Ref": "Retention"}}}
                },
            }
        )
        stack_set = aws.cloudformation.StackSet(
            "baseline", name="baseline", template_body=body, permission_model="SELF_MANAGED",
            administration_role_arn=f"arn:{p}:iam::{OWN_ACCOUNT}:role/AWSCloudFormationStackSetAdministrationRole",
            execution_role_name="AWSCloudFormationStackSetExecutionRole", opts=c.aws,
        )  # fmt: skip
        return aws.cloudformation.StackSetInstance(
            "baseline-home", stack_set_name=stack_set.name.apply(lambda name: name), account_id=OWN_ACCOUNT,
            stack_set_instance_region=AWS_HOME[code], parameter_overrides={"Retention": "90"}, opts=c.aws,
        )  # fmt: skip

    return build


AWS_PROGRAMS: dict[str, tuple[Callable[[str], Build], tuple[str, ...]]] = {
    "compose-user-data": (compose_user_data, AWS_CODES),
    "compose-cloud-config": (compose_cloud_config, AWS_CODES),
    "compose-ssm-document": (compose_ssm_document, AWS_CODES),
    "k8s-manifest": (k8s_manifest, AWS_CODES),
    "cfn-yaml-metric-stream": (cfn_yaml_metric_stream, AWS_CODES),
    "cfn-yaml-flow-log": (cfn_yaml_flow_log, AWS_CODES),
    "cfn-yaml-backup-copy": (cfn_yaml_backup_copy, AWS_CODES),
    "metric-stream": (native_metric_stream, AWS_CODES),
    "flow-log-backup-copy": (native_flow_log_backup, AWS_CODES),
    "iot-rule-lifecycle-hook": (native_rule_and_hook, AWS_CODES),
    "own-table-replica": (own_table_replica, ("EU", "US", "JP", "CN")),
    "script-cron-s3cfg": (script_cron_s3cfg, AWS_CODES),
    "buildspec-variables": (buildspec_variables, AWS_CODES),
    "provider-own-endpoints": (provider_own_endpoints, AWS_CODES),
    "stack-set-applied": (stack_set_applied, AWS_CODES),
}
"""Shape -> (builder, jurisdictions). The replica needs a second Region at home (not DE)."""


# -- Alibaba Cloud ----------------------------------------------------------------------------------------------------


def _acr(code: str) -> str:
    """The stack's own Container Registry in its Region, from its VPC (registry-vpc.<region>.aliyuncs.com)."""
    return f"registry-vpc.{ALI_HOME[code]}.aliyuncs.com/fleet"


def ali_compose_user_data(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ecs/instance (user_data); Docker Compose networking
        c.ali_role = DEPLOYER
        return ali_boot(c, _compose_script(compose_file(_acr(code))))

    return build


def ros_compose_user_data(code: str) -> Build:
    # ROS ALIYUN::ECS::Instance UserData: Fn::Base64Decode of the compose script (decoded since stop 51).
    encoded = base64.b64encode(_compose_script(compose_file(_acr(code))).encode()).decode()
    return ros_stack("fleet-app", {"Server": {"Type": "ALIYUN::ECS::Instance", "Properties": {
        "ImageId": "aliyun_3_x64_20G_alibase_20240819.vhd", "InstanceType": "ecs.g7.large", "VpcId": "vpc-uf6fleet0001",
        "VSwitchId": "vsw-uf6fleet0001", "SecurityGroupId": "sg-uf6fleet0001",
        "UserData": {"Fn::Base64Decode": encoded}}}})  # fmt: skip


def ros_select_json(code: str) -> Build:
    # ROS Fn::Select by key over the stack's own Regions, Fn::GetJsonValue of a JSON text naming its OSS endpoint.
    region = ALI_HOME[code]
    settings = json.dumps({"endpoint": f"oss-{region}-internal.aliyuncs.com", "bucket": f"fleet-{code.lower()}"})
    return ros_stack("fleet-settings", {
        "Region": {"Type": "ALIYUN::OOS::Parameter", "Properties": {
            "ParameterName": "fleet-region", "Type": "String",
            "Value": {"Fn::Select": ["primary", {"primary": region, "zone": ALI_ZONE[code]}]}}},
        "Endpoint": {"Type": "ALIYUN::OOS::Parameter", "Properties": {
            "ParameterName": "fleet-oss-endpoint", "Type": "String",
            "Value": {"Fn::GetJsonValue": ["endpoint", settings]}}},
    })  # fmt: skip


def ali_cli_zone(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: ecs/instance (user_data); aliyun CLI RPC call CreateVSwitch (--RegionId, --ZoneId); the Region from the
        # instance metadata
        c.ali_role = DEPLOYER
        script = (
            "#!/bin/bash\nset -e\nR=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
            "aliyun vpc CreateVSwitch --RegionId $R --VpcId vpc-uf6fleet0001 \\\n"
            f"  --ZoneId {ALI_ZONE[code]} --CidrBlock 10.20.8.0/24 --VSwitchName fleet-batch\n"
        )
        return ali_boot(c, script)

    return build


def ali_provider_own_endpoints(code: str) -> Build:
    def build(c: Any) -> object:
        # docs: alicloud Provider (endpoints: oss, ecs overrides), oss/bucket
        region = ALI_HOME[code]
        provider = alicloud.Provider(
            "regional", region=region,
            endpoints=[{"oss": f"oss-{region}-internal.aliyuncs.com", "ecs": f"ecs-vpc.{region}.aliyuncs.com"}],
            assume_role={"role_arn": DEPLOYER, "session_name": "ci"},
        )  # fmt: skip
        return alicloud.oss.Bucket("reports", bucket=f"fleet-reports-{code.lower()}",
                                   opts=pulumi.ResourceOptions(provider=provider))  # fmt: skip

    return build


ALI_PROGRAMS: dict[str, Callable[[str], Build]] = {
    "ali-compose-user-data": ali_compose_user_data,
    "ros-compose-user-data": ros_compose_user_data,
    "ros-select-json": ros_select_json,
    "ali-cli-zone": ali_cli_zone,
    "ali-provider-own-endpoints": ali_provider_own_endpoints,
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for shape, (make, codes) in AWS_PROGRAMS.items():
        out += [(f"falsealarm52-{code.lower()}-{shape}", code, make(code), set(), []) for code in codes]
    for shape, make_ali in ALI_PROGRAMS.items():
        out += [(f"falsealarm52-{code.lower()}-{shape}", code, make_ali(code), set(), []) for code in ALI_CODES]
    # The leak twins of part 1: a partner's database host, a service name mapped to an address by extra_hosts, an
    # ExternalName Service (a CNAME to a partner's host); RES-015 as before.
    for code in AWS_CODES:
        out += [(f"falsealarm52-{code.lower()}-compose-user-data{twin}", code, compose_user_data(code, twin),
                 {"RES-015"}, []) for twin in ("-partner-db", "-extra-hosts")]  # fmt: skip
        out += [(f"falsealarm52-{code.lower()}-k8s-manifest-external-name", code, k8s_manifest(code, "-external-name"),
                 {"RES-015"}, [])]  # fmt: skip
    return out
