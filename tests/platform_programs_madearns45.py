"""Programs of stop 45's audit of the stack's own resources by ARN under a provider pinning no account (madearns45).

Under a provider that pins no account (AWS: no ``allowed_account_ids`` and no ``assume_role``, as the registry's
examples write it), an ARN names an account the program cannot prove is the stack's, so RES-023 fails closed, except
where the value IS the ARN output of a resource the program makes with the same provider (``made_account_arns``,
stops 42-44). The audit of every written / granted account field (``written_account_fields``,
``granted_account_fields``) for the resource types whose ARN output users pass there found these outputs unlisted, so
the stack's own resource was refused (RES-023) while the same program under a pinned provider passed:

- an Aurora cluster's ``arn`` as a state machine's RDS Data ``ResourceArn`` (``aws-sdk:rdsdata:executeStatement``,
  judged since stop 45, cloudflow45);
- an ECS cluster's ``arn`` as an EventBridge target (the scheduled ECS task of the registry's cloudwatch/eventtarget
  example, "ECS Run Task with Role and Task Override Usage": ``arn=aws_ecs_cluster.arn``);
- a CloudWatch Logs delivery destination's ``arn`` as a log delivery's ``delivery_destination_arn`` (registry
  cloudwatch/logdelivery example: ``delivery_destination_arn=example_aws_cloudwatch_log_delivery_destination.arn``);
- a Redshift Serverless namespace's ``arn`` as a zero-ETL integration's ``target_arn`` (registry rds/integration
  example: ``target_arn=example_namespace.arn``);
- a backup vault's ``arn`` as a backup plan's copy action ``destination_vault_arn`` (registry backup/plan).

Each was reproduced on main (71d938d) with the ``*-own-unpinned`` shape below: RES-023 at every door outside CN.

``shape``: ``*-own-unpinned`` (the stack's own resource by its ARN output, provider pinning no account: passes);
``*-partner-unpinned`` (another account's ARN written out, the offending twin: RES-023 outside CN; an aws-cn account is
China's by partition, so CN programs pass). tests/test_realistic_programs.py runs them as CASES (``madearns45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import AWS_HOME, Build, Row, partition, partner_arn, trust_policy, unpinned, unpinned_rows

SHAPES = {
    "rdsdata": ("EU", "US", "JP", "CN"),
    "ecs-target": ("EU", "US", "JP", "CN"),
    "log-delivery": ("EU", "US", "JP"),
    "zero-etl": ("EU", "US", "JP"),
    "backup-copy": ("EU", "US", "JP", "CN"),
    "zero-etl-cluster": ("EU", "US", "JP"),
    "msk-vpc-connection": ("EU", "US", "JP"),
    "iot-kafka": ("EU", "US", "JP"),
    "codebuild-target": ("EU", "US", "JP", "CN"),
    "batch-target": ("EU", "US", "JP", "CN"),
    "sagemaker-pipeline-target": ("EU", "US", "JP"),
}
"""Shape family -> the jurisdictions it runs in (each as ``-own-unpinned`` and ``-partner-unpinned``)."""


def _cluster(opts: pulumi.ResourceOptions) -> aws.rds.Cluster:
    # docs: rds/cluster (engine, enable_http_endpoint "Enable HTTP endpoint (data API)", manage_master_user_password)
    return aws.rds.Cluster(
        "orders", cluster_identifier="orders", engine="aurora-postgresql", engine_mode="provisioned",
        master_username="orders", manage_master_user_password=True, enable_http_endpoint=True,
        storage_encrypted=True, skip_final_snapshot=True,
        serverlessv2_scaling_configuration={"min_capacity": 0.5, "max_capacity": 2}, opts=opts,
    )  # fmt: skip


def rdsdata(code: str, shape: str) -> Build:
    # Step Functions "Supported AWS SDK service integrations": `arn:aws:states:::aws-sdk:rdsdata:executeStatement`;
    # RDS Data API ExecuteStatement `resourceArn` "The Amazon Resource Name (ARN) of the Aurora Serverless DB cluster".
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any = _cluster(opts).arn if "-own-" in shape else partner_arn(code, "rds", "cluster:orders")
        flow = pulumi.Output.from_input(target).apply(lambda arn: json.dumps({"StartAt": "Record", "States": {
            "Record": {"Type": "Task", "Resource": f"arn:{partition(code)}:states:::aws-sdk:rdsdata:executeStatement",
                       "Parameters": {"ResourceArn": arn, "SecretArn.$": "$.secretArn", "Database": "orders",
                                      "Sql": "INSERT INTO audit(id) VALUES (:id)",
                                      "Parameters": [{"Name": "id", "Value": {"StringValue.$": "$.orderId"}}]},
                       "End": True}}}))  # fmt: skip
        role = aws.iam.Role("orders-flow-role", assume_role_policy=trust_policy("states.amazonaws.com"), opts=opts)
        return aws.sfn.StateMachine("orders-flow", role_arn=role.arn, definition=flow, opts=opts)

    return build


def ecs_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventtarget "ECS Run Task with Role and Task Override Usage" (`arn` = the cluster's `arn`,
    # `role_arn`, `ecs_target.task_definition_arn`); ecs/cluster (outputs `arn` "ARN that identifies the cluster").
    def build(c: Any) -> object:
        opts = unpinned(code)
        cluster: Any = (
            aws.ecs.Cluster("batch", name="batch", opts=opts).arn
            if "-own-" in shape
            else partner_arn(code, "ecs", "cluster/batch")
        )
        task = aws.ecs.TaskDefinition(
            "nightly-report", family="nightly-report", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
            cpu="256", memory="512",
            container_definitions=json.dumps([{"name": "report", "image": "busybox:1.36", "essential": True,
                                               "command": ["sh", "-c", "echo report"]}]),
            opts=opts,
        )  # fmt: skip
        rule = aws.cloudwatch.EventRule("nightly", schedule_expression="cron(0 2 * * ? *)", opts=opts)
        role = aws.iam.Role("events-ecs", assume_role_policy=trust_policy("events.amazonaws.com"), opts=opts)
        return aws.cloudwatch.EventTarget(
            "nightly-report", rule=rule.name, arn=cluster, role_arn=role.arn,
            ecs_target={"task_definition_arn": task.arn, "task_count": 1, "launch_type": "FARGATE",
                        "network_configuration": {"subnets": ["subnet-0123456789abcdef0"]}},
            opts=opts,
        )  # fmt: skip

    return build


def log_delivery(code: str, shape: str) -> Build:
    # docs: cloudwatch/logdelivery (`delivery_destination_arn` = the delivery destination's `arn`);
    # cloudwatch/logdeliverydestination (outputs `arn` "The Amazon Resource Name (ARN) of the delivery destination").
    def build(c: Any) -> object:
        opts = unpinned(code)
        source = aws.cloudwatch.LogDeliverySource(
            "kb-logs", name="kb-logs", log_type="APPLICATION_LOGS",
            resource_arn=f"arn:aws:bedrock:{AWS_HOME[code]}:123456789012:knowledge-base/KB12345678", opts=opts,
        )  # fmt: skip
        destination: Any
        if "-own-" in shape:
            group = aws.cloudwatch.LogGroup("kb-vended", name="/kb/vended", retention_in_days=30, opts=opts)
            destination = aws.cloudwatch.LogDeliveryDestination(
                "kb-central", name="kb-central",
                delivery_destination_configuration={"destination_resource_arn": group.arn}, opts=opts,
            ).arn  # fmt: skip
        else:
            destination = partner_arn(code, "logs", "delivery-destination:kb-central")
        return aws.cloudwatch.LogDelivery(
            "kb-to-central", delivery_source_name=source.name, delivery_destination_arn=destination, opts=opts
        )

    return build


def zero_etl(code: str, shape: str) -> Build:
    # docs: rds/integration (the registry example: `target_arn` = the Redshift Serverless namespace's `arn`);
    # redshiftserverless/namespace (outputs `arn` "Amazon Resource Name (ARN) of the Redshift Serverless Namespace").
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any = (
            aws.redshiftserverless.Namespace("warehouse", namespace_name="warehouse", opts=opts).arn
            if "-own-" in shape
            else partner_arn(code, "redshift-serverless", "namespace/0123abcd-4567-89ab-cdef-0123456789ab")
        )
        source = aws.rds.Cluster(
            "orders", cluster_identifier="orders", engine="aurora-mysql", master_username="orders",
            manage_master_user_password=True, storage_encrypted=True, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        return aws.rds.Integration(
            "orders-to-warehouse", integration_name="orders", source_arn=source.arn, target_arn=target, opts=opts
        )

    return build


def backup_copy(code: str, shape: str) -> Build:
    # docs: backup/plan (`rules.copy_actions.destination_vault_arn` "An Amazon Resource Name (ARN) that uniquely
    # identifies the destination backup vault for the copied backup"); backup/vault (outputs `arn` "ARN of the vault").
    def build(c: Any) -> object:
        opts = unpinned(code)
        primary = aws.backup.Vault("primary", name="primary", opts=opts)
        vault: Any = (
            aws.backup.Vault("locked-copy", name="locked-copy", opts=opts).arn
            if "-own-" in shape
            else partner_arn(code, "backup", "backup-vault:locked-copy")
        )
        return aws.backup.Plan(
            "daily", name="daily",
            rules=[{"rule_name": "daily", "target_vault_name": primary.name, "schedule": "cron(0 3 * * ? *)",
                    "lifecycle": {"delete_after": 35},
                    "copy_actions": [{"destination_vault_arn": vault, "lifecycle": {"delete_after": 35}}]}],
            opts=opts,
        )  # fmt: skip

    return build


def zero_etl_cluster(code: str, shape: str) -> Build:
    # docs: rds/integration (`target_arn` "ARN of the Redshift data warehouse to use as the target for replication": a
    # provisioned cluster or a Serverless namespace); redshift/cluster (outputs `arn` "Amazon Resource Name (ARN) of
    # cluster").
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any
        if "-own-" in shape:
            target = aws.redshift.Cluster(
                "warehouse", cluster_identifier="warehouse", node_type="ra3.xlplus", number_of_nodes=2,
                database_name="warehouse", master_username="warehouse", manage_master_password=True,
                encrypted="true", skip_final_snapshot=True, opts=opts,
            ).arn  # fmt: skip
        else:
            target = partner_arn(code, "redshift", "namespace:0123abcd-4567-89ab-cdef-0123456789ab")
        source = aws.rds.Cluster(
            "orders", cluster_identifier="orders", engine="aurora-mysql", master_username="orders",
            manage_master_user_password=True, storage_encrypted=True, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        return aws.rds.Integration(
            "orders-to-warehouse", integration_name="orders", source_arn=source.arn, target_arn=target, opts=opts
        )

    return build


def _msk(opts: pulumi.ResourceOptions) -> aws.msk.Cluster:
    # docs: msk/cluster (kafka_version, number_of_broker_nodes, broker_node_group_info; outputs `arn` "Amazon Resource
    # Name (ARN) of the MSK cluster", `bootstrap_brokers_sasl_iam`)
    return aws.msk.Cluster(
        "events", cluster_name="events", kafka_version="3.6.0", number_of_broker_nodes=3,
        broker_node_group_info={"instance_type": "kafka.m5.large",
                                "client_subnets": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1",
                                                   "subnet-0123456789abcdef2"],
                                "security_groups": ["sg-0123456789abcdef0"]},
        client_authentication={"sasl": {"iam": True}}, opts=opts,
    )  # fmt: skip


def msk_vpc_connection(code: str, shape: str) -> Build:
    # docs: msk/vpcconnection (the registry example: `target_cluster_arn` = the cluster's `arn`; "Amazon Resource Name
    # (ARN) of the cluster"; multi-VPC private connectivity: clients in that VPC reach the cluster's brokers).
    def build(c: Any) -> object:
        opts = unpinned(code)
        target: Any = (
            _msk(opts).arn if "-own-" in shape
            else partner_arn(code, "kafka", "cluster/events/01234567-89ab-cdef-0123-456789abcdef-1", sep=":")
        )  # fmt: skip
        return aws.msk.VpcConnection(
            "analytics-vpc", authentication="SASL_IAM", target_cluster_arn=target, vpc_id="vpc-0123456789abcdef0",
            client_subnets=["subnet-0fedcba9876543210", "subnet-0fedcba9876543211"],
            security_groups=["sg-0fedcba9876543210"], opts=opts,
        )  # fmt: skip

    return build


def iot_kafka(code: str, shape: str) -> Build:
    # docs: iot/topicrule (`kafkas.destination_arn` "The ARN of Kafka action's VPC `iot.TopicRuleDestination`");
    # iot/topicruledestination (outputs `arn` "The ARN of the topic rule destination"; `vpc_configuration`).
    def build(c: Any) -> object:
        opts = unpinned(code)
        destination: Any
        if "-own-" in shape:
            role = aws.iam.Role("iot-vpc", assume_role_policy=trust_policy("iot.amazonaws.com"), opts=opts)
            destination = aws.iot.TopicRuleDestination(
                "kafka-vpc", vpc_configuration={"role_arn": role.arn, "subnet_ids": ["subnet-0123456789abcdef0"],
                                                "vpc_id": "vpc-0123456789abcdef0",
                                                "security_groups": ["sg-0123456789abcdef0"]}, opts=opts,
            ).arn  # fmt: skip
        else:
            destination = partner_arn(code, "iot", "ruledestination/vpc/01234567-89ab-cdef-0123-456789abcdef")
        return aws.iot.TopicRule(
            "telemetry-to-kafka", name="telemetry_to_kafka", enabled=True, sql="SELECT * FROM 'telemetry/#'",
            sql_version="2016-03-23",
            kafkas=[{"destination_arn": destination, "topic": "telemetry",
                     "client_properties": {"bootstrap.servers": "b-1.events.abc123.c2.kafka."
                                           f"{AWS_HOME[code]}.amazonaws.com:9092",
                                           "security.protocol": "PLAINTEXT"}}],
            opts=opts,
        )  # fmt: skip

    return build


def codebuild_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventtarget (a CodeBuild project as the target, `arn` = the project's `arn`, `role_arn`);
    # codebuild/project (outputs `arn` "ARN of the CodeBuild project").
    def build(c: Any) -> object:
        opts = unpinned(code)
        project: Any
        if "-own-" in shape:
            role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=opts)
            project = aws.codebuild.Project(
                "nightly-build", name="nightly-build", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
                environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0",
                             "type": "LINUX_CONTAINER"},
                source={"type": "NO_SOURCE", "buildspec": "version: 0.2\nphases:\n  build:\n    commands: [make]\n"},
                opts=opts,
            ).arn  # fmt: skip
        else:
            project = partner_arn(code, "codebuild", "project/nightly-build")
        rule = aws.cloudwatch.EventRule("nightly-build", schedule_expression="cron(0 1 * * ? *)", opts=opts)
        role = aws.iam.Role("events-build", assume_role_policy=trust_policy("events.amazonaws.com"), opts=opts)
        return aws.cloudwatch.EventTarget("nightly-build", rule=rule.name, arn=project, role_arn=role.arn, opts=opts)

    return build


def batch_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventtarget (a Batch job queue as the target: `arn` = the queue's `arn`, `batch_target`
    # {job_definition, job_name}); batch/jobqueue (outputs `arn` "ARN of the job queue").
    def build(c: Any) -> object:
        opts = unpinned(code)
        queue: Any
        if "-own-" in shape:
            compute = aws.batch.ComputeEnvironment(
                "fargate", name="fargate", type="MANAGED",
                compute_resources={"type": "FARGATE", "max_vcpus": 4, "subnets": ["subnet-0123456789abcdef0"],
                                   "security_group_ids": ["sg-0123456789abcdef0"]},
                opts=opts,
            )  # fmt: skip
            queue = aws.batch.JobQueue(
                "reports", name="reports", state="ENABLED", priority=1,
                compute_environment_orders=[{"order": 1, "compute_environment": compute.arn}], opts=opts,
            ).arn  # fmt: skip
        else:
            queue = partner_arn(code, "batch", "job-queue/reports")
        rule = aws.cloudwatch.EventRule("nightly-batch", schedule_expression="cron(0 4 * * ? *)", opts=opts)
        role = aws.iam.Role("events-batch", assume_role_policy=trust_policy("events.amazonaws.com"), opts=opts)
        return aws.cloudwatch.EventTarget(
            "nightly-batch", rule=rule.name, arn=queue, role_arn=role.arn,
            batch_target={"job_definition": "reports:1", "job_name": "nightly-report"}, opts=opts,
        )  # fmt: skip

    return build


def sagemaker_pipeline_target(code: str, shape: str) -> Build:
    # docs: cloudwatch/eventtarget (a SageMaker AI pipeline as the target: `arn` = the pipeline's `arn`,
    # `sagemaker_pipeline_target`); sagemaker/pipeline (outputs `arn` "ARN assigned by AWS to this Pipeline").
    def build(c: Any) -> object:
        opts = unpinned(code)
        pipeline: Any
        if "-own-" in shape:
            role = aws.iam.Role("pipeline", assume_role_policy=trust_policy("sagemaker.amazonaws.com"), opts=opts)
            definition = json.dumps({"Version": "2020-12-01", "Steps": [{
                "Name": "Wait", "Type": "Fail", "Arguments": {"ErrorMessage": "placeholder"}}]})  # fmt: skip
            pipeline = aws.sagemaker.Pipeline(
                "retrain", pipeline_name="retrain", pipeline_display_name="retrain", role_arn=role.arn,
                pipeline_definition=definition, opts=opts,
            ).arn  # fmt: skip
        else:
            pipeline = partner_arn(code, "sagemaker", "pipeline/retrain", sep=":")
        rule = aws.cloudwatch.EventRule("weekly-retrain", schedule_expression="cron(0 5 ? * SUN *)", opts=opts)
        role = aws.iam.Role("events-pipeline", assume_role_policy=trust_policy("events.amazonaws.com"), opts=opts)
        return aws.cloudwatch.EventTarget(
            "weekly-retrain", rule=rule.name, arn=pipeline, role_arn=role.arn,
            sagemaker_pipeline_target={"pipeline_parameter_lists": [{"name": "mode", "value": "full"}]}, opts=opts,
        )  # fmt: skip

    return build


_BUILDERS: dict[str, Callable[[str, str], Build]] = {
    "rdsdata": rdsdata, "ecs-target": ecs_target, "log-delivery": log_delivery, "zero-etl": zero_etl,
    "backup-copy": backup_copy, "zero-etl-cluster": zero_etl_cluster, "msk-vpc-connection": msk_vpc_connection,
    "iot-kafka": iot_kafka, "codebuild-target": codebuild_target, "batch-target": batch_target,
    "sagemaker-pipeline-target": sagemaker_pipeline_target,
}  # fmt: skip


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return unpinned_rows("madearns45", SHAPES, _BUILDERS)
