"""An EV maker's ordinary data-platform programs in every market: the in-country data lake and streaming telemetry path,
ML workloads, the owner data export service and observability (false-alarm hunt, stop 33).

Written from the Pulumi registry (pulumi-aws v7, pulumi-alicloud) and the AWS / AWS China / Alibaba Cloud docs, like
tests/platform_programs_intl.py, in areas the earlier hunts did not write: Kinesis enhanced fan-out consumers and Glue
catalog tables over a Kinesis stream (`endpointUrl`) or a Kafka topic, Glue workflows with Data Quality rulesets and
schema registries, Firehose to Redshift and to OpenSearch in the VPC, MSK Replicator between two Regions of one market,
Redshift operations (usage limits, scheduled pause / resume, Redshift-managed VPC endpoints, the Data API), Lake
Formation data cells filters, Athena for Apache Spark and federated catalogs; on Alibaba Cloud DataHub into MaxCompute
over the VPC endpoints, E-MapReduce on ECS with a bootstrap script in OSS, SLS export to OSS with alerts and dashboards;
Bedrock model invocation logging, SageMaker notebooks with lifecycle scripts and model package groups, SageMaker
model monitoring from the Region's prebuilt image, Alibaba Model Studio (DashScope) from Function Compute; CloudFront
signed URLs in aws-cn under an ICP-registered name, API Gateway HTTP APIs with a Cognito JWT authorizer, Alibaba CDN
`domestic` with URL signing over a private OSS origin, presigned OSS links served through API Gateway with the secret
in KMS; CloudWatch cross-account observability (OAM), subscription filters and Contributor Insights, Internet Monitor,
Managed Prometheus scrapers of the stack's EKS cluster.

None sends data out of its market except through a declared destination, so every front door must accept every
compliant one; tests/test_realistic_programs.py runs them as CASES (``falsealarm9-*``), with the offending twins.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _policy, _ram_trust, _trust

Build = Any

ACCOUNT = "123456789012"
OBSERVED_ACCOUNT = "210987654321"
FC_ZIP = "UEsDBAoAAAAAAA=="
# A 2048-bit RSA public key in PEM (CloudFront public keys are "SubjectPublicKeyInfo" PEM, "Create a key pair for a
# trusted key group"); the bytes are not checked by the mocks.
PUBLIC_KEY = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0\n"
    "-----END PUBLIC KEY-----\n"
)


def _cn(region: str) -> bool:
    return region.startswith("cn-")


def _sfx(region: str) -> str:
    # AWS General Reference / docs.amazonaws.cn "Amazon Web Services China endpoints": <service>.<region>.amazonaws.com
    # and <service>.<region>.amazonaws.com.cn.
    return "amazonaws.com.cn" if _cn(region) else "amazonaws.com"


def _partition(region: str) -> str:
    return "aws-cn" if _cn(region) else "aws"


def _arn(service: str, region: str, resource: str, account: str = ACCOUNT) -> str:
    return f"arn:{_partition(region)}:{service}:{region}:{account}:{resource}"


def _role(name: str, service: str, opts: pulumi.ResourceOptions, statements: Any = None) -> aws.iam.Role:
    role = aws.iam.Role(name, assume_role_policy=_trust(service), opts=opts)
    if statements is not None:
        policy = statements if isinstance(statements, pulumi.Output) else pulumi.Output.from_input(statements)
        aws.iam.RolePolicy(f"{name}-access", role=role.id, policy=policy.apply(_policy), opts=opts)
    return role


def _fc(name: str, opts: pulumi.ResourceOptions, env: dict[str, Any], **kw: Any) -> alicloud.fc.V3Function:
    role = alicloud.ram.Role(
        f"{name}-role", role_name=f"{name}-role", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
    )
    return alicloud.fc.V3Function(
        name, function_name=name, runtime="python3.10", handler="index.handler", memory_size=512, role=role.arn,
        code={"zip_file": FC_ZIP}, environment_variables=env, opts=opts, **kw,
    )  # fmt: skip


# -- (a) the data lake and streaming telemetry path: AWS -----------------------------------------------------------


def kinesis_fanout_catalog(region: str) -> Build:
    # docs: kinesis/stream (ON_DEMAND, KMS), kinesis/streamconsumer (enhanced fan-out: "the consumer ARN is used as the
    # event source"), lambda/eventsourcemapping with the consumer ARN and an on-failure SQS destination;
    # glue/catalogtable
    # over the stream ("Kinesis streaming source: typeOfData kinesis, streamARN, endpointUrl" — AWS Glue "Adding
    # streaming ETL jobs": the endpoint is https://kinesis.<region>.amazonaws.com[.cn]); glue/job (gluestreaming)
    # reading
    # the table into the stack's lake bucket.
    def build(c: Any) -> object:
        opts = _aws(region)
        stream = aws.kinesis.Stream(
            "vehicle-signals", stream_mode_details={"stream_mode": "ON_DEMAND"}, encryption_type="KMS",
            kms_key_id="alias/aws/kinesis", retention_period=72, opts=opts,
        )  # fmt: skip
        consumer = aws.kinesis.StreamConsumer("battery-alerts", name="battery-alerts", stream_arn=stream.arn, opts=opts)
        dlq = aws.sqs.Queue("battery-alerts-dlq", message_retention_seconds=1209600, opts=opts)
        fn = _function("battery-alerts", opts, {"ALERT_QUEUE_URL": dlq.url, "SOC_THRESHOLD": "5"})
        aws.lambda_.EventSourceMapping(
            "battery-alerts", event_source_arn=consumer.arn, function_name=fn.arn, starting_position="LATEST",
            batch_size=500, maximum_batching_window_in_seconds=5, bisect_batch_on_function_error=True,
            destination_config={"on_failure": {"destination_arn": dlq.arn}}, opts=opts,
        )  # fmt: skip
        lake = aws.s3.Bucket("signals-lake", opts=opts)
        db = aws.glue.CatalogDatabase("telemetry", name="telemetry", opts=opts)
        table = aws.glue.CatalogTable(
            "vehicle-signals-stream", name="vehicle_signals_stream", database_name=db.name, table_type="EXTERNAL_TABLE",
            parameters={"classification": "json", "typeOfData": "kinesis"},
            storage_descriptor={
                "location": stream.name,
                "parameters": {
                    "typeOfData": "kinesis",
                    "streamARN": stream.arn,
                    "streamName": stream.name,
                    "endpointUrl": f"https://kinesis.{region}.{_sfx(region)}",
                },
                "input_format": "org.apache.hadoop.mapred.TextInputFormat",
                "output_format": "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                "ser_de_info": {"serialization_library": "org.openx.data.jsonserde.JsonSerDe"},
                "columns": [
                    {"name": "vin", "type": "string"}, {"name": "soc", "type": "double"},
                    {"name": "cell_temp_max", "type": "double"}, {"name": "ts", "type": "timestamp"},
                ],
            },
            opts=opts,
        )  # fmt: skip
        scripts = aws.s3.Bucket("glue-scripts", opts=opts)
        role = _role(
            "glue-streaming", "glue.amazonaws.com", opts,
            pulumi.Output.all(stream.arn, lake.arn, scripts.arn).apply(lambda a: [
                {"Effect": "Allow", "Action": ["kinesis:DescribeStream", "kinesis:GetRecords",
                                               "kinesis:GetShardIterator", "kinesis:ListShards"], "Resource": a[0]},
                {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": [f"{a[1]}/*", f"{a[2]}/*"]},
            ]),
        )  # fmt: skip
        return aws.glue.Job(
            "signals-to-lake", role_arn=role.arn, glue_version="4.0", worker_type="G.1X", number_of_workers=2,
            command={"name": "gluestreaming", "script_location": scripts.bucket.apply(lambda b: f"s3://{b}/signals.py")},
            default_arguments={
                "--source_database": db.name, "--source_table": table.name,
                "--target_path": lake.bucket.apply(lambda b: f"s3://{b}/signals/"),
                "--TempDir": scripts.bucket.apply(lambda b: f"s3://{b}/tmp/"),
                "--enable-continuous-cloudwatch-log": "true", "--job-language": "python",
            },
            opts=opts,
        )  # fmt: skip

    return build


def glue_kafka_schema(region: str) -> Build:
    # docs: msk/serverlesscluster (IAM auth), glue/connection (KAFKA, KAFKA_BOOTSTRAP_SERVERS from the cluster's
    # bootstrap_brokers_sasl_iam output, KAFKA_SASL_MECHANISM AWS_MSK_IAM), glue/catalogtable over a topic ("typeOfData
    # kafka, connectionName, topicName"), glue/registry + glue/schema (AVRO, BACKWARD) for the vehicle events.
    def build(c: Any) -> object:
        opts = _aws(region)
        cluster = aws.msk.ServerlessCluster(
            "vehicle-events", cluster_name="vehicle-events",
            vpc_configs=[{"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-kafka"]}],
            client_authentication={"sasl": {"iam": {"enabled": True}}}, opts=opts,
        )  # fmt: skip
        connection = aws.glue.Connection(
            "vehicle-events", name="vehicle-events", connection_type="KAFKA",
            connection_properties={
                "KAFKA_BOOTSTRAP_SERVERS": cluster.bootstrap_brokers_sasl_iam,
                "KAFKA_SSL_ENABLED": "true",
                "KAFKA_SASL_MECHANISM": "AWS_MSK_IAM",
            },
            physical_connection_requirements={
                "availability_zone": f"{region}a", "subnet_id": "subnet-a", "security_group_id_lists": ["sg-kafka"],
            },
            opts=opts,
        )  # fmt: skip
        db = aws.glue.CatalogDatabase("events", name="vehicle_events", opts=opts)
        aws.glue.CatalogTable(
            "charging-sessions", name="charging_sessions", database_name=db.name, table_type="EXTERNAL_TABLE",
            parameters={"classification": "json"},
            storage_descriptor={
                "parameters": {"typeOfData": "kafka", "connectionName": connection.name,
                               "topicName": "charging-sessions", "startingOffsets": "latest"},
                "columns": [{"name": "vin", "type": "string"}, {"name": "kwh", "type": "double"}],
            },
            opts=opts,
        )  # fmt: skip
        registry = aws.glue.Registry("vehicle-events", registry_name="vehicle-events", opts=opts)
        return aws.glue.Schema(
            "charging-session", schema_name="charging-session", registry_arn=registry.arn, data_format="AVRO",
            compatibility="BACKWARD",
            schema_definition=json.dumps({
                "type": "record", "name": "ChargingSession", "namespace": "com.fleet.events",
                "fields": [{"name": "vin", "type": "string"}, {"name": "kwh", "type": "double"},
                           {"name": "station_id", "type": "string"}],
            }),
            opts=opts,
        )  # fmt: skip

    return build


def glue_workflow_quality(region: str) -> Build:
    # docs: glue/workflow, glue/trigger (SCHEDULED start, CONDITIONAL on the crawler's success), glue/crawler over the
    # stack's raw bucket, glue/job, glue/dataqualityruleset (DQDL rules on the crawler's table: "target_table").
    def build(c: Any) -> object:
        opts = _aws(region)
        raw = aws.s3.Bucket("drive-logs-raw", opts=opts)
        curated = aws.s3.Bucket("drive-logs-curated", opts=opts)
        role = _role(
            "glue-etl", "glue.amazonaws.com", opts,
            pulumi.Output.all(raw.arn, curated.arn).apply(lambda a: [
                {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": [a[0], f"{a[0]}/*"]},
                {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": f"{a[1]}/*"},
            ]),
        )  # fmt: skip
        db = aws.glue.CatalogDatabase("drive-logs", name="drive_logs", opts=opts)
        workflow = aws.glue.Workflow(
            "nightly-drive-logs", name="nightly-drive-logs", max_concurrent_runs=1,
            default_run_properties={"target": curated.bucket.apply(lambda b: f"s3://{b}/drive_logs/")}, opts=opts,
        )  # fmt: skip
        crawler = aws.glue.Crawler(
            "drive-logs", name="drive-logs", database_name=db.name, role=role.arn,
            s3_targets=[{"path": raw.bucket.apply(lambda b: f"s3://{b}/drive_logs/")}], opts=opts,
        )  # fmt: skip
        job = aws.glue.Job(
            "drive-logs-curate", name="drive-logs-curate", role_arn=role.arn, glue_version="4.0",
            command={"script_location": raw.bucket.apply(lambda b: f"s3://{b}/scripts/curate.py")},
            default_arguments={"--target_path": curated.bucket.apply(lambda b: f"s3://{b}/drive_logs/"),
                               "--enable-glue-datacatalog": "true", "--enable-metrics": "true"},
            opts=opts,
        )  # fmt: skip
        aws.glue.Trigger(
            "nightly-start", name="nightly-start", type="SCHEDULED", schedule="cron(0 1 * * ? *)",
            workflow_name=workflow.name, actions=[{"crawler_name": crawler.name}], opts=opts,
        )  # fmt: skip
        aws.glue.Trigger(
            "after-crawl", name="after-crawl", type="CONDITIONAL", workflow_name=workflow.name,
            predicate={"conditions": [{"crawler_name": crawler.name, "crawl_state": "SUCCEEDED"}]},
            actions=[{"job_name": job.name}], opts=opts,
        )  # fmt: skip
        return aws.glue.DataQualityRuleset(
            "drive-logs-quality", name="drive-logs-quality",
            ruleset='Rules = [ IsComplete "vin", ColumnLength "vin" = 17, ColumnValues "odometer_km" >= 0, '
            'Completeness "trip_start" > 0.99 ]',
            target_table={"database_name": db.name, "table_name": "drive_logs"}, opts=opts,
        )  # fmt: skip

    return build


def firehose_to_redshift(region: str) -> Build:
    # docs: redshift/cluster (encrypted, private, manage_master_password), kinesis/firehosedeliverystream destination
    # "redshift": cluster_jdbcurl "jdbc:redshift://<endpoint>/<database>" built from the cluster's endpoint output,
    # credentials through secrets_manager_configuration (the cluster's master password secret), the intermediate S3
    # bucket of the stack.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("warehouse", enable_key_rotation=True, opts=opts)
        cluster = aws.redshift.Cluster(
            "fleet-warehouse", cluster_identifier="fleet-warehouse", node_type="ra3.xlplus", number_of_nodes=2,
            database_name="fleet", master_username="fleet_admin", manage_master_password=True, encrypted="true",
            kms_key_id=key.arn, publicly_accessible=False, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        staging = aws.s3.Bucket("warehouse-staging", opts=opts)
        role = _role(
            "firehose-redshift", "firehose.amazonaws.com", opts,
            pulumi.Output.all(staging.arn, cluster.master_password_secret_arn).apply(lambda a: [
                {"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject", "s3:ListBucket"],
                 "Resource": [a[0], f"{a[0]}/*"]},
                {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": a[1]},
            ]),
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("firehose-redshift", retention_in_days=30, opts=opts)
        return aws.kinesis.FirehoseDeliveryStream(
            "trips-to-warehouse", destination="redshift",
            redshift_configuration={
                "role_arn": role.arn,
                "cluster_jdbcurl": pulumi.Output.concat("jdbc:redshift://", cluster.endpoint, "/fleet"),
                "data_table_name": "trips", "data_table_columns": "vin,trip_id,start_ts,end_ts,km,kwh",
                "copy_options": "json 'auto' gzip",
                "secrets_manager_configuration": {"enabled": True, "secret_arn": cluster.master_password_secret_arn,
                                                  "role_arn": role.arn},
                "s3_configuration": {"role_arn": role.arn, "bucket_arn": staging.arn, "buffering_size": 10,
                                     "buffering_interval": 300, "compression_format": "GZIP"},
                "cloudwatch_logging_options": {"enabled": True, "log_group_name": logs.name,
                                               "log_stream_name": "redshift"},
            },
            opts=opts,
        )  # fmt: skip

    return build


def firehose_to_opensearch(region: str) -> Build:
    # docs: opensearch/domain (VPC, encrypted, node-to-node), kinesis/firehosedeliverystream destination "opensearch"
    # (domain_arn of the stack's domain, vpc_config in the stack's subnets, s3 backup of failed documents).
    def build(c: Any) -> object:
        opts = _aws(region)
        domain = aws.opensearch.Domain(
            "fault-codes", domain_name="fault-codes", engine_version="OpenSearch_2.13",
            cluster_config={"instance_type": "r6g.large.search", "instance_count": 2},
            ebs_options={"ebs_enabled": True, "volume_size": 100},
            vpc_options={"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-search"]},
            encrypt_at_rest={"enabled": True}, node_to_node_encryption={"enabled": True},
            domain_endpoint_options={"enforce_https": True, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"},
            opts=opts,
        )  # fmt: skip
        backup = aws.s3.Bucket("fault-codes-failed", opts=opts)
        role = _role(
            "firehose-search", "firehose.amazonaws.com", opts,
            pulumi.Output.all(domain.arn, backup.arn).apply(lambda a: [
                {"Effect": "Allow", "Action": ["es:ESHttpPost", "es:ESHttpPut", "es:DescribeDomain"],
                 "Resource": [a[0], f"{a[0]}/*"]},
                {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": f"{a[1]}/*"},
                {"Effect": "Allow", "Action": ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                               "ec2:DeleteNetworkInterface"], "Resource": "*"},
            ]),
        )  # fmt: skip
        return aws.kinesis.FirehoseDeliveryStream(
            "fault-codes-to-search", destination="opensearch",
            opensearch_configuration={
                "domain_arn": domain.arn, "role_arn": role.arn, "index_name": "fault-codes",
                "index_rotation_period": "OneDay", "s3_backup_mode": "FailedDocumentsOnly",
                "s3_configuration": {"role_arn": role.arn, "bucket_arn": backup.arn},
                "vpc_config": {"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-firehose"],
                               "role_arn": role.arn},
            },
            opts=opts,
        )  # fmt: skip

    return build


def msk_replicator(source_region: str, target_region: str) -> Build:
    # docs: msk/cluster in two Regions of the market, msk/replicator in the target Region ("MSK Replicator ... must be
    # created in the target cluster's Region"): kafka_clusters by the stack's cluster ARNs, replication_info_list with
    # source / target ARNs, topics and consumer groups to replicate, the execution role trusted by kafka.amazonaws.com.
    def build(c: Any) -> object:
        src_opts, dst_opts = _aws(source_region), _aws(target_region)

        def cluster(name: str, opts: pulumi.ResourceOptions) -> aws.msk.Cluster:
            return aws.msk.Cluster(
                name, cluster_name=name, kafka_version="3.6.0", number_of_broker_nodes=3,
                broker_node_group_info={"instance_type": "kafka.m7g.large", "client_subnets": ["subnet-a", "subnet-b",
                                        "subnet-c"], "security_groups": ["sg-kafka"]},
                client_authentication={"sasl": {"iam": True}}, opts=opts,
            )  # fmt: skip

        primary = cluster("telemetry-primary", src_opts)
        standby = cluster("telemetry-standby", dst_opts)
        role = _role(
            "msk-replicator", "kafka.amazonaws.com", dst_opts,
            pulumi.Output.all(primary.arn, standby.arn).apply(lambda a: [
                {"Effect": "Allow", "Action": ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster",
                                               "kafka-cluster:*Topic*", "kafka-cluster:ReadData",
                                               "kafka-cluster:WriteData", "kafka-cluster:*Group*"],
                 "Resource": [a[0], a[1], "*"]},
            ]),
        )  # fmt: skip
        return aws.msk.Replicator(
            "telemetry-dr", replicator_name="telemetry-dr", service_execution_role_arn=role.arn,
            kafka_clusters=[
                {"amazon_msk_cluster": {"msk_cluster_arn": primary.arn},
                 "vpc_config": {"subnet_ids": ["subnet-a", "subnet-b"], "security_groups_ids": ["sg-kafka"]}},
                {"amazon_msk_cluster": {"msk_cluster_arn": standby.arn},
                 "vpc_config": {"subnet_ids": ["subnet-c", "subnet-d"], "security_groups_ids": ["sg-kafka-dr"]}},
            ],
            replication_info_list={
                "source_kafka_cluster_arn": primary.arn, "target_kafka_cluster_arn": standby.arn,
                "target_compression_type": "NONE",
                "topic_replications": [{"topics_to_replicates": ["vehicle-.*"], "copy_topic_configurations": True,
                                        "copy_access_control_lists_for_topics": True,
                                        "starting_position": {"type": "LATEST"}}],
                "consumer_group_replications": [{"consumer_groups_to_replicates": [".*"]}],
            },
            opts=dst_opts,
        )  # fmt: skip

    return build


def redshift_operations(region: str) -> Build:
    # docs: redshift/cluster, redshift/usagelimit (concurrency scaling, log then disable), redshift/scheduledaction
    # (pause at night, resume in the morning, the scheduler role trusted by scheduler.redshift.amazonaws.com),
    # redshift/endpointaccess (a Redshift-managed VPC endpoint in the analysts' subnets), redshift/logging to
    # CloudWatch;
    # a Lambda calling the Data API at its regional endpoint (redshift-data.<region>.amazonaws.com[.cn]).
    def build(c: Any) -> object:
        opts = _aws(region)
        cluster = aws.redshift.Cluster(
            "fleet-dw", cluster_identifier="fleet-dw", node_type="ra3.xlplus", number_of_nodes=2, database_name="fleet",
            master_username="fleet_admin", manage_master_password=True, encrypted="true", skip_final_snapshot=True,
            opts=opts,
        )  # fmt: skip
        aws.redshift.UsageLimit(
            "concurrency-cap", cluster_identifier=cluster.id, feature_type="concurrency-scaling", limit_type="time",
            amount=60, period="daily", breach_action="disable", opts=opts,
        )  # fmt: skip
        scheduler = aws.iam.Role(
            "redshift-scheduler", assume_role_policy=_trust("scheduler.redshift.amazonaws.com"), opts=opts
        )
        aws.redshift.ScheduledAction(
            "pause-nightly", name="fleet-dw-pause", schedule="cron(0 22 * * ? *)", iam_role=scheduler.arn,
            target_action={"pause_cluster": {"cluster_identifier": cluster.id}}, opts=opts,
        )  # fmt: skip
        aws.redshift.ScheduledAction(
            "resume-morning", name="fleet-dw-resume", schedule="cron(0 6 * * ? *)", iam_role=scheduler.arn,
            target_action={"resume_cluster": {"cluster_identifier": cluster.id}}, opts=opts,
        )  # fmt: skip
        subnets = aws.redshift.SubnetGroup("analysts", subnet_ids=["subnet-x", "subnet-y"], opts=opts)
        aws.redshift.EndpointAccess(
            "analysts", endpoint_name="fleet-dw-analysts", cluster_identifier=cluster.id,
            subnet_group_name=subnets.name, vpc_security_group_ids=["sg-analysts"], opts=opts,
        )  # fmt: skip
        aws.redshift.Logging(
            "audit-logs", cluster_identifier=cluster.id, log_destination_type="cloudwatch",
            log_exports=["connectionlog", "userlog", "useractivitylog"], opts=opts,
        )  # fmt: skip
        return _function(
            "fleet-kpis",
            opts,
            {
                "REDSHIFT_CLUSTER_ID": cluster.id,
                "REDSHIFT_DATABASE": "fleet",
                "REDSHIFT_SECRET_ARN": cluster.master_password_secret_arn,
                "REDSHIFT_DATA_ENDPOINT": f"https://redshift-data.{region}.{_sfx(region)}",
            },
        )

    return build


def lake_cells_filter(region: str, market: str) -> Build:
    # docs: lakeformation/datalakesettings (the platform role as admin), lakeformation/resource (the lake bucket
    # registered with the service-linked role), lakeformation/datacellsfilter (no VIN columns, only the market's rows),
    # lakeformation/permissions (SELECT on the filter for the stack's analyst role), lakeformation/lftag +
    # resourcelftag on the database.
    def build(c: Any) -> object:
        opts = _aws(region)
        lake = aws.s3.Bucket("charging-lake", opts=opts)
        admin = aws.iam.Role("lake-admin", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
        analyst = aws.iam.Role("charging-analyst", assume_role_policy=_trust("athena.amazonaws.com"), opts=opts)
        aws.lakeformation.DataLakeSettings("settings", admins=[admin.arn], opts=opts)
        aws.lakeformation.Resource("charging-lake", arn=lake.arn, use_service_linked_role=True, opts=opts)
        db = aws.glue.CatalogDatabase("charging", name="charging", opts=opts)
        tag = aws.lakeformation.LfTag("sensitivity", key="sensitivity", values=["public", "restricted"], opts=opts)
        aws.lakeformation.ResourceLfTag(
            "charging-restricted", database={"name": db.name}, lf_tag={"key": tag.key, "value": "restricted"}, opts=opts
        )
        cells = aws.lakeformation.DataCellsFilter(
            "no-vin",
            table_data={
                "database_name": db.name, "table_name": "sessions", "name": "no_vin_market_rows",
                "table_catalog_id": ACCOUNT,
                "column_wildcard": {"excluded_column_names": ["vin", "owner_id", "lat", "lon"]},
                "row_filter": {"filter_expression": f"market = '{market}'"},
            },
            opts=opts,
        )  # fmt: skip
        return aws.lakeformation.Permissions(
            "analyst-select", principal=analyst.arn, permissions=["SELECT"],
            data_cells_filter={"database_name": db.name, "table_name": "sessions", "name": "no_vin_market_rows",
                               "table_catalog_id": ACCOUNT},
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[cells])),
        )  # fmt: skip

    return build


def athena_spark_federated(region: str) -> Build:
    # docs: athena/workgroup with the Apache Spark engine ("PySpark engine version 3", execution_role, results in the
    # stack's bucket encrypted with its key), athena/workgroup (SQL, enforce_workgroup_configuration, expected bucket
    # owner), athena/preparedstatement, athena/datacatalog type LAMBDA (a federated DynamoDB connector function of the
    # stack: "function" = its ARN).
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("athena-results", enable_key_rotation=True, opts=opts)
        results = aws.s3.Bucket("athena-results", opts=opts)
        spark_role = _role("athena-spark", "athena.amazonaws.com", opts)
        aws.athena.Workgroup(
            "battery-notebooks", name="battery-notebooks",
            configuration={
                "engine_version": {"selected_engine_version": "PySpark engine version 3"},
                "execution_role": spark_role.arn,
                "result_configuration": {"output_location": results.bucket.apply(lambda b: f"s3://{b}/spark/"),
                                         "encryption_configuration": {"encryption_option": "SSE_KMS",
                                                                      "kms_key_arn": key.arn}},
            },
            opts=opts,
        )  # fmt: skip
        sql = aws.athena.Workgroup(
            "fleet-sql", name="fleet-sql",
            configuration={
                "enforce_workgroup_configuration": True, "publish_cloudwatch_metrics_enabled": True,
                "bytes_scanned_cutoff_per_query": 10737418240,
                "result_configuration": {"output_location": results.bucket.apply(lambda b: f"s3://{b}/sql/"),
                                         "expected_bucket_owner": ACCOUNT,
                                         "encryption_configuration": {"encryption_option": "SSE_KMS",
                                                                      "kms_key_arn": key.arn}},
            },
            opts=opts,
        )  # fmt: skip
        aws.athena.PreparedStatement(
            "trips-by-vin", name="trips_by_vin", workgroup=sql.name,
            query_statement="SELECT trip_id, start_ts, km FROM fleet.trips WHERE vin = ? ORDER BY start_ts DESC",
            opts=opts,
        )  # fmt: skip
        connector = _function(
            "dynamodb-connector",
            opts,
            {"spill_bucket": results.bucket, "spill_prefix": "athena-spill", "disable_spill_encryption": "false"},
        )
        return aws.athena.DataCatalog(
            "owner-profiles", name="owner_profiles", type="LAMBDA", description="Owner profiles in DynamoDB",
            parameters={"function": connector.arn}, opts=opts,
        )  # fmt: skip

    return build


def athena_jdbc_reports(region: str, query_region: str | None = None) -> Build:
    # docs: Athena "Connect with JDBC": the JDBC 3.x URL jdbc:athena://Region=<region>;WorkGroup=...;OutputLocation=...
    # ("Basic connection parameters": Region, alias AwsRegion, "the AWS Region where queries will be run"); in the China
    # Regions the JDBC 2.x URL jdbc:awsathena://EndpointOverride=athena.<region>.amazonaws.com.cn:443;AwsRegion=<region>
    # ("Athena JDBC 2.x driver", docs.amazonaws.cn). An ECS task of the dealer BI reports (ecs/taskdefinition,
    # container_definitions JSON with the URL in its environment) and a Lambda given the same URL, both writing
    # results to the stack's bucket.
    def build(c: Any) -> object:
        opts = _aws(region)
        target = query_region or region
        results = aws.s3.Bucket("bi-results", opts=opts)
        workgroup = aws.athena.Workgroup(
            "dealer-bi", name="dealer-bi",
            configuration={"result_configuration": {"output_location": results.bucket.apply(lambda b: f"s3://{b}/")}},
            opts=opts,
        )  # fmt: skip
        if _cn(region):
            url = pulumi.Output.all(workgroup.name, results.bucket).apply(
                lambda a: (
                    f"jdbc:awsathena://EndpointOverride=athena.{target}.amazonaws.com.cn:443;AwsRegion={target};"
                    f"Workgroup={a[0]};S3OutputLocation=s3://{a[1]}/jdbc/"
                )
            )
        else:
            url = pulumi.Output.all(workgroup.name, results.bucket).apply(
                lambda a: f"jdbc:athena://Region={target};WorkGroup={a[0]};OutputLocation=s3://{a[1]}/jdbc/"
            )
        repo = aws.ecr.Repository("dealer-bi", name="dealer-bi", opts=opts)
        role = _role("dealer-bi-task", "ecs-tasks.amazonaws.com", opts)
        aws.ecs.TaskDefinition(
            "dealer-bi", family="dealer-bi", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="512",
            memory="1024", task_role_arn=role.arn, execution_role_arn=role.arn,
            container_definitions=pulumi.Output.all(repo.repository_url, url).apply(lambda a: json.dumps([{
                "name": "reports", "image": f"{a[0]}:2.3.0", "essential": True,
                "environment": [{"name": "ATHENA_JDBC_URL", "value": a[1]},
                                {"name": "REPORT_SCHEDULE", "value": "0 5 * * *"}],
            }])),
            opts=opts,
        )  # fmt: skip
        return _function("dealer-bi-refresh", opts, {"ATHENA_JDBC_URL": url, "REPORT_TIMEZONE": "UTC"})

    return build


# -- (a) the data lake and streaming telemetry path: Alibaba Cloud mainland ----------------------------------------


def ali_datahub_maxcompute(region: str) -> Build:
    # docs: datahub/project, datahub/topic (TUPLE with a schema), datahub/subscription; maxcompute/project; a Function
    # Compute 3.0 function moving records from DataHub to MaxCompute over the VPC endpoints ("DataHub endpoints":
    # http://dh-<region>-int-vpc.aliyuncs.com; "MaxCompute endpoints": http://service.<region>-vpc.maxcompute.aliyun-inc
    # .com/api and Tunnel http://dt.<region>-vpc.maxcompute.aliyun-inc.com).
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.datahub.Project(
            "vehicle-telemetry", name="vehicle_telemetry", comment="Telemetry", opts=opts
        )
        topic = alicloud.datahub.Topic(
            "battery", name="battery", project_name=project.name, record_type="TUPLE", shard_count=4, life_cycle=7,
            record_schema={"vin": "STRING", "soc": "DOUBLE", "cell_temp_max": "DOUBLE", "event_time": "TIMESTAMP"},
            comment="Battery signals", opts=opts,
        )  # fmt: skip
        alicloud.datahub.Subscription(
            "to-maxcompute", project_name=project.name, topic_name=topic.name, comment="Loader", opts=opts
        )
        mc = alicloud.maxcompute.Project(
            "fleet-lake", project_name="fleet_lake", default_quota="os_PayAsYouGoQuota", opts=opts
        )
        return _fc(
            "datahub-loader", opts,
            {
                "DATAHUB_ENDPOINT": f"http://dh-{region}-int-vpc.aliyuncs.com",
                "DATAHUB_PROJECT": project.name,
                "DATAHUB_TOPIC": topic.name,
                "ODPS_ENDPOINT": f"http://service.{region}-vpc.maxcompute.aliyun-inc.com/api",
                "ODPS_TUNNEL_ENDPOINT": f"http://dt.{region}-vpc.maxcompute.aliyun-inc.com",
                "ODPS_PROJECT": mc.project_name,
            },
            vpc_config={"vpc_id": "vpc-fleet", "v_switch_ids": ["vsw-a"], "security_group_id": "sg-fc"},
        )  # fmt: skip

    return build


FLINK_SQL = """CREATE TEMPORARY TABLE battery_signals (
  vin STRING, soc DOUBLE, cell_temp_max DOUBLE, event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datahub',
  'endPoint' = 'http://dh-{region}-int-vpc.aliyuncs.com',
  'project' = 'vehicle_telemetry',
  'topic' = 'battery',
  'subId' = '{sub_id}',
  'accessId' = '${{secret_values.ak_id}}',
  'accessKey' = '${{secret_values.ak_secret}}'
);
CREATE TEMPORARY TABLE battery_alerts (
  vin STRING, window_end TIMESTAMP(3), max_temp DOUBLE
) WITH (
  'connector' = 'sls',
  'endPoint' = '{region}-intranet.log.aliyuncs.com',
  'project' = 'fleet-battery-alerts-{region}',
  'logStore' = 'alerts',
  'accessId' = '${{secret_values.ak_id}}',
  'accessKey' = '${{secret_values.ak_secret}}'
);
INSERT INTO battery_alerts
SELECT vin, TUMBLE_END(event_time, INTERVAL '1' MINUTE), MAX(cell_temp_max)
FROM battery_signals GROUP BY vin, TUMBLE(event_time, INTERVAL '1' MINUTE)
HAVING MAX(cell_temp_max) > 55;
"""


def ali_flink_datahub_to_sls(region: str) -> Build:
    # docs: realtimecompute/vvpinstance, realtimecompute/deployment (a SQL artifact: "DataHub connector" with endPoint
    # http://dh-<region>-int-vpc.aliyuncs.com and subId, "Simple Log Service connector" with endPoint
    # <region>-intranet.log.aliyuncs.com; credentials as ${secret_values.*} variables), datahub/subscription,
    # log/project + log/store.
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.datahub.Project("telemetry", name="vehicle_telemetry", comment="Telemetry", opts=opts)
        topic = alicloud.datahub.Topic(
            "battery", name="battery", project_name=project.name, record_type="TUPLE", shard_count=4, life_cycle=7,
            record_schema={"vin": "STRING", "soc": "DOUBLE", "cell_temp_max": "DOUBLE", "event_time": "TIMESTAMP"},
            opts=opts,
        )  # fmt: skip
        sub = alicloud.datahub.Subscription("flink", project_name=project.name, topic_name=topic.name, opts=opts)
        sls = alicloud.log.Project("alerts", project_name=f"fleet-battery-alerts-{region}", opts=opts)
        alicloud.log.Store("alerts", project_name=sls.project_name, logstore_name="alerts", opts=opts)
        state = alicloud.oss.Bucket("flink-state", bucket=f"fleet-flink-state-{region}", opts=opts)
        vvp = alicloud.realtimecompute.VvpInstance(
            "telemetry-flink", vvp_instance_name="telemetry-flink", payment_type="PayAsYouGo", vpc_id="vpc-fleet",
            vswitch_ids=["vsw-a"], zone_id=f"{region}-g", storage={"oss": {"bucket": state.bucket}}, opts=opts,
        )  # fmt: skip
        return alicloud.realtimecompute.Deployment(
            "battery-alerts", deployment_name="battery-alerts", namespace=vvp.id.apply(lambda i: f"{i}-default"),
            resource_id=vvp.id, engine_version="vvr-8.0.9-flink-1.17", execution_mode="STREAMING",
            deployment_target={"mode": "PER_JOB", "name": "default-queue"},
            artifact={"kind": "SQLSCRIPT", "sql_artifact": {
                "sql_script": sub.sub_id.apply(
                    lambda sid: FLINK_SQL.format(region=region, sub_id=sid or "1712345678901abcd")
                )}},
            opts=opts,
        )  # fmt: skip

    return build


def ali_emr_datalake(region: str) -> Build:
    # docs: emrv2/cluster (DATALAKE, EMR-5.x, HADOOP-COMMON / HDFS / YARN / SPARK3 / HIVE, a bootstrap script in the
    # stack's OSS bucket: "script_path oss://<bucket>/<path>"), the bucket and the ECS RAM role of the nodes.
    def build(c: Any) -> object:
        opts = _ali(region)
        bucket = alicloud.oss.Bucket("emr-artifacts", bucket=f"fleet-emr-artifacts-{region}", opts=opts)
        role = alicloud.ram.Role(
            "emr-ecs", role_name="fleet-emr-ecs", assume_role_policy_document=_ram_trust("ecs.aliyuncs.com"), opts=opts
        )
        return alicloud.emrv2.Cluster(
            "drive-analytics", cluster_name="drive-analytics", cluster_type="DATALAKE", release_version="EMR-5.16.0",
            payment_type="PayAsYouGo", deploy_mode="NORMAL", security_mode="NORMAL",
            applications=["HADOOP-COMMON", "HDFS", "YARN", "SPARK3", "HIVE"],
            application_configs=[{"application_name": "HIVE", "config_file_name": "hivemetastore-site.xml",
                                  "config_item_key": "hive.metastore.type", "config_item_value": "DLF",
                                  "config_scope": "CLUSTER"}],
            node_attributes=[{"vpc_id": "vpc-fleet", "zone_id": f"{region}-g", "security_group_id": "sg-emr",
                              "ram_role": role.role_name, "key_pair_name": "emr-ops"}],
            node_groups=[
                {"node_group_type": "MASTER", "node_group_name": "master", "node_count": 1,
                 "instance_types": ["ecs.g7.xlarge"], "vswitch_ids": ["vsw-a"], "payment_type": "PayAsYouGo",
                 "system_disk": {"category": "cloud_essd", "size": 120, "count": 1},
                 "data_disks": [{"category": "cloud_essd", "size": 200, "count": 1}]},
                {"node_group_type": "CORE", "node_group_name": "core", "node_count": 3,
                 "instance_types": ["ecs.g7.2xlarge"], "vswitch_ids": ["vsw-a"], "payment_type": "PayAsYouGo",
                 "system_disk": {"category": "cloud_essd", "size": 120, "count": 1},
                 "data_disks": [{"category": "cloud_essd", "size": 500, "count": 2}]},
            ],
            bootstrap_scripts=[{
                "script_name": "install-python-deps", "execution_fail_strategy": "FAILED_CONTINUE",
                "execution_moment": "BEFORE_INSTALL", "priority": 1, "script_args": "--requirements lake.txt",
                "script_path": bucket.bucket.apply(lambda b: f"oss://{b}/bootstrap/install.sh"),
                "node_selector": {"node_select_type": "CLUSTER"},
            }],
            opts=opts,
        )  # fmt: skip

    return build


def ali_sls_export_alerts(region: str) -> Build:
    # docs: log/project, log/store, log/storeindex, sls/ossexportsink (the stack's logstore to its OSS bucket, parquet,
    # the export role), log/dashboard (char_list JSON of the charging errors), sls/alert (configuration: a query on the
    # logstore, severity, the default action policy "sls.builtin.dynamic").
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        project = alicloud.log.Project("charging-logs", project_name=f"fleet-charging-logs-{region}", opts=opts)
        store = alicloud.log.Store("sessions", project_name=project.project_name, logstore_name="sessions",
                                   retention_period=30, shard_count=2, opts=opts)  # fmt: skip
        alicloud.log.StoreIndex(
            "sessions", project=project.project_name, logstore=store.logstore_name,
            full_text={"case_sensitive": False, "token": " ,;"},
            field_searches=[{"name": "status", "type": "text"}, {"name": "station_id", "type": "text"}], opts=opts,
        )  # fmt: skip
        archive = alicloud.oss.Bucket("charging-archive", bucket=f"fleet-charging-archive-{region}", opts=opts)
        role = alicloud.ram.Role(
            "sls-export", role_name="fleet-sls-export", assume_role_policy_document=_ram_trust("log.aliyuncs.com"),
            opts=opts,
        )  # fmt: skip
        alicloud.sls.OssExportSink(
            "sessions-archive", project=project.project_name, job_name="sessions-archive",
            display_name="sessions-archive",
            configuration={
                "logstore": store.logstore_name, "role_arn": role.arn, "from_time": 1735689600, "to_time": 0,
                "sink": {"bucket": archive.bucket, "prefix": "sessions", "suffix": ".parquet", "role_arn": role.arn,
                         "endpoint": f"https://oss-{region}-internal.aliyuncs.com", "time_zone": "+0000",
                         "content_type": "parquet", "compression_type": "snappy", "buffer_interval": "300",
                         "buffer_size": "256", "path_format": "%Y/%m/%d/%H", "path_format_type": "time",
                         "content_detail": json.dumps({"columns": [{"name": "status", "type": "string"},
                                                                   {"name": "station_id", "type": "string"}]})},
            },
            opts=opts,
        )  # fmt: skip
        alicloud.log.Dashboard(
            "charging-health", project_name=project.project_name, dashboard_name="charging-health",
            display_name="Charging health",
            char_list=json.dumps([{
                "action": {}, "title": "Failed sessions",
                "type": "linepro",
                "search": {"logstore": "sessions", "topic": "", "query": "status: failed | select count(1) as c",
                           "start": "-86400s", "end": "now"},
                "display": {"xAxis": ["__time__"], "yAxis": ["c"], "xPos": 0, "yPos": 0, "width": 10, "height": 12,
                            "displayName": "Failed sessions"},
            }]),
            opts=opts,
        )  # fmt: skip
        return alicloud.sls.Alert(
            "charging-failures", project_name=project.project_name, alert_name="charging-failures",
            display_name="Charging failures",
            schedule={"type": "FixedRate", "interval": "5m"},
            configuration={
                "version": "2.0", "type": "default", "dashboard": "charging-health",
                "query_lists": [{"query": "status: failed | select count(1) as c", "store": store.logstore_name,
                                 "store_type": "log", "project": project.project_name, "region": region,
                                 "time_span_type": "Relative", "start": "-5m", "end": "now",
                                 "power_sql_mode": "auto"}],
                "group_configuration": {"type": "no_group"},
                "severity_configurations": [{"severity": 8, "eval_condition": {"condition": "c > 50",
                                                                               "count_condition": ""}}],
                "policy_configuration": {"alert_policy_id": "sls.builtin.dynamic",
                                         "action_policy_id": "sls.builtin", "repeat_interval": "1h"},
                "threshold": 1, "no_data_fire": False, "no_data_severity": 6, "send_resolved": True,
            },
            opts=opts,
        )  # fmt: skip

    return build


# -- (b) ML workloads ---------------------------------------------------------------------------------------------


def bedrock_invocation_logging(region: str, model: str = "anthropic.claude-3-haiku-20240307-v1:0") -> Build:
    # docs: bedrockmodel/invocationloggingconfiguration (text and embedding data to the stack's log group and bucket,
    # the role Bedrock assumes, trusted by bedrock.amazonaws.com with aws:SourceAccount), s3/bucketpolicy letting
    # bedrock.amazonaws.com write; a Lambda calling the in-region runtime endpoint
    # (bedrock-runtime.<region>.amazonaws.com)
    # with an in-region foundation model id ("Supported foundation models in Amazon Bedrock").
    def build(c: Any) -> object:
        opts = _aws(region)
        logs = aws.s3.Bucket("bedrock-invocations", opts=opts)
        group = aws.cloudwatch.LogGroup("bedrock-invocations", retention_in_days=90, opts=opts)
        role = aws.iam.Role(
            "bedrock-logging",
            assume_role_policy=_policy([{
                "Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT},
                              "ArnLike": {"aws:SourceArn": _arn("bedrock", region, "*")}},
            }]),
            opts=opts,
        )  # fmt: skip
        aws.iam.RolePolicy(
            "bedrock-logging", role=role.id,
            policy=group.arn.apply(lambda a: _policy([{"Effect": "Allow", "Action": ["logs:CreateLogStream",
                                                                                     "logs:PutLogEvents"],
                                                       "Resource": f"{a}:log-stream:aws/bedrock/modelinvocations"}])),
            opts=opts,
        )  # fmt: skip
        policy = aws.s3.BucketPolicy(
            "bedrock-invocations", bucket=logs.id,
            policy=logs.arn.apply(lambda a: _policy([{
                "Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "s3:PutObject",
                "Resource": f"{a}/AWSLogs/{ACCOUNT}/BedrockModelInvocationLogs/*",
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT},
                              "ArnLike": {"aws:SourceArn": _arn("bedrock", region, "*")}},
            }])),
            opts=opts,
        )  # fmt: skip
        aws.bedrockmodel.InvocationLoggingConfiguration(
            "invocations",
            logging_config={
                "text_data_delivery_enabled": True, "embedding_data_delivery_enabled": True,
                "image_data_delivery_enabled": False,
                "cloudwatch_config": {"log_group_name": group.name, "role_arn": role.arn,
                                      "large_data_delivery_s3_config": {"bucket_name": logs.id,
                                                                        "key_prefix": "large"}},
                "s3_config": {"bucket_name": logs.id, "key_prefix": "bedrock"},
            },
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[policy])),
        )  # fmt: skip
        return _function(
            "service-advisor",
            opts,
            {
                "BEDROCK_RUNTIME_ENDPOINT": f"https://bedrock-runtime.{region}.amazonaws.com",
                "MODEL_ID": model,
                "MODEL_ARN": f"arn:aws:bedrock:{region}::foundation-model/{model}",
            },
        )

    return build


def sagemaker_notebook_registry(region: str) -> Build:
    # docs: sagemaker/notebookinstancelifecycleconfiguration (on_start: base64 script copying the team's settings from
    # the
    # stack's bucket with `aws s3 cp ... --region <region>` and pointing pip at the Region's CodeArtifact repository),
    # sagemaker/notebookinstance (no direct internet access, in the VPC, the stack's key), sagemaker/modelpackagegroup
    # and its policy letting the stack's deployment role describe and use its packages.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("notebooks", enable_key_rotation=True, opts=opts)
        bucket_name = f"fleet-ml-settings-{region}"
        aws.s3.Bucket("ml-settings", bucket=bucket_name, opts=opts)
        domain = "fleet-ml"
        script = "\n".join([
            "#!/bin/bash", "set -e",
            f"aws s3 cp s3://{bucket_name}/jupyter/ /home/ec2-user/.jupyter/ --recursive --region {region}",
            f"aws codeartifact login --tool pip --domain {domain} --domain-owner {ACCOUNT} --repository pypi-store "
            f"--region {region}",
            "sudo -u ec2-user -i <<'EOF'", "source activate python3", "pip install --quiet lightgbm==4.3.0", "EOF",
        ])  # fmt: skip
        lifecycle = aws.sagemaker.NotebookInstanceLifecycleConfiguration(
            "team-settings", name="team-settings", on_start=base64.b64encode(script.encode()).decode(), opts=opts
        )
        role = _role("notebook", "sagemaker.amazonaws.com", opts)
        aws.sagemaker.NotebookInstance(
            "battery-research", name="battery-research", role_arn=role.arn, instance_type="ml.t3.large",
            lifecycle_config_name=lifecycle.name, direct_internet_access="Disabled", subnet_id="subnet-a",
            security_groups=["sg-notebooks"], kms_key_id=key.id, root_access="Disabled", volume_size=50, opts=opts,
        )  # fmt: skip
        group = aws.sagemaker.ModelPackageGroup(
            "battery-soh", model_package_group_name="battery-soh",
            model_package_group_description="Battery state-of-health models", opts=opts,
        )  # fmt: skip
        deployer = _role("model-deployer", "codebuild.amazonaws.com", opts)
        return aws.sagemaker.ModelPackageGroupPolicy(
            "battery-soh", model_package_group_name=group.model_package_group_name,
            resource_policy=pulumi.Output.all(group.arn, deployer.arn).apply(lambda a: _policy([{
                "Sid": "DeployerReads", "Effect": "Allow", "Principal": {"AWS": a[1]},
                "Action": ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages",
                           "sagemaker:DescribeModelPackageGroup"],
                "Resource": [a[0], a[0].replace(":model-package-group/", ":model-package/") + "/*"],
            }])),
            opts=opts,
        )  # fmt: skip

    return build


def sagemaker_model_monitor(region: str) -> Build:
    # docs: sagemaker/model + endpointconfiguration (data_capture_config into the stack's bucket) + endpoint;
    # sagemaker/dataqualityjobdefinition with the Region's Model Monitor analyzer image
    # (sagemaker.get_prebuilt_ecr_image,
    # "sagemaker-model-monitor-analyzer"), baselines and reports in the stack's bucket; sagemaker/monitoringschedule.
    def build(c: Any) -> object:
        opts = _aws(region)
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        bucket = aws.s3.Bucket("range-model", opts=opts)
        role = _role(
            "range-model", "sagemaker.amazonaws.com", opts,
            bucket.arn.apply(lambda a: [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject",
                                                                       "s3:ListBucket"],
                                         "Resource": [a, f"{a}/*"]}]),
        )  # fmt: skip
        repo = aws.ecr.Repository("range-model", name="range-model", opts=opts)
        model = aws.sagemaker.Model(
            "range-model", execution_role_arn=role.arn,
            primary_container={"image": repo.repository_url.apply(lambda u: f"{u}:1.4.2"),
                               "model_data_url": bucket.bucket.apply(lambda b: f"s3://{b}/models/range/model.tar.gz")},
            vpc_config={"subnets": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-models"]}, opts=opts,
        )  # fmt: skip
        config = aws.sagemaker.EndpointConfiguration(
            "range-model", production_variants=[{"variant_name": "primary", "model_name": model.name,
                                                 "instance_type": "ml.m5.large", "initial_instance_count": 1}],
            data_capture_config={
                "enable_capture": True, "initial_sampling_percentage": 20,
                "destination_s3_uri": bucket.bucket.apply(lambda b: f"s3://{b}/capture/"),
                "capture_options": [{"capture_mode": "Input"}, {"capture_mode": "Output"}],
            },
            opts=opts,
        )  # fmt: skip
        endpoint = aws.sagemaker.Endpoint(
            "range-model", name="range-model", endpoint_config_name=config.name, opts=opts
        )
        image = aws.sagemaker.get_prebuilt_ecr_image_output(
            repository_name="sagemaker-model-monitor-analyzer", opts=invoke
        )
        definition = aws.sagemaker.DataQualityJobDefinition(
            "range-model-quality", name="range-model-quality", role_arn=role.arn,
            data_quality_app_specification={"image_uri": image.registry_path},
            data_quality_baseline_config={
                "constraints_resource": {"s3_uri": bucket.bucket.apply(lambda b: f"s3://{b}/baseline/constraints.json")},
                "statistics_resource": {"s3_uri": bucket.bucket.apply(lambda b: f"s3://{b}/baseline/statistics.json")},
            },
            data_quality_job_input={"endpoint_input": {"endpoint_name": endpoint.name,
                                                       "local_path": "/opt/ml/processing/input"}},
            data_quality_job_output_config={"monitoring_outputs": {"s3_output": {
                "s3_uri": bucket.bucket.apply(lambda b: f"s3://{b}/monitoring/"),
                "local_path": "/opt/ml/processing/output"}}},
            job_resources={"cluster_config": {"instance_count": 1, "instance_type": "ml.m5.large",
                                              "volume_size_in_gb": 20}},
            network_config={"vpc_config": {"subnets": ["subnet-a"], "security_group_ids": ["sg-models"]}},
            opts=opts,
        )  # fmt: skip
        return aws.sagemaker.MonitoringSchedule(
            "range-model-quality", name="range-model-quality",
            monitoring_schedule_config={"monitoring_job_definition_name": definition.name,
                                        "monitoring_type": "DataQuality",
                                        "schedule_config": {"schedule_expression": "cron(0 * ? * * *)"}},
            opts=opts,
        )  # fmt: skip

    return build


def ali_model_studio(region: str, base_url: str) -> Build:
    # docs: Model Studio "Base URL overview" / "Select region, service deployment scope, and access domain": the
    # China (Beijing) region's DashScope domain https://dashscope.aliyuncs.com (OpenAI-compatible path
    # /compatible-mode/v1) and workspace-dedicated domain <workspace-id>.cn-beijing.maas.aliyuncs.com, deployment scope
    # "Chinese mainland (inference restricted to China)". kms/secret keeps the API key; a Function Compute 3.0 function
    # answering owners' service questions reads it from KMS at its VPC endpoint (kms-vpc.<region>.aliyuncs.com).
    def build(c: Any) -> object:
        opts = _ali(region)
        key = alicloud.kms.Key("assistant", description="Owner assistant", pending_window_in_days=7, opts=opts)
        secret = alicloud.kms.Secret(
            "dashscope-key", secret_name="fleet/dashscope-api-key", secret_data="placeholder",
            version_id="v1", encryption_key_id=key.id, opts=opts,
        )  # fmt: skip
        return _fc(
            "owner-assistant",
            opts,
            {
                "OPENAI_BASE_URL": base_url,
                "MODEL": "qwen-plus",
                "API_KEY_SECRET": secret.secret_name,
                "KMS_ENDPOINT": f"kms-vpc.{region}.aliyuncs.com",
            },
        )

    return build


# -- (c) the owner data export service ------------------------------------------------------------------------------


def cn_cloudfront_signed_exports(region: str, domain: str = "exports.fleet-example.cn") -> Build:
    # docs.amazonaws.cn CloudFront "Features not supported / differences in the China Regions": an ICP-recorded
    # alternate domain and an IAM server certificate (no ACM, no default *.cloudfront.cn certificate for HTTPS);
    # cloudfront/publickey + keygroup ("Serving private content with signed URLs": trusted_key_groups on the cache
    # behavior), cloudfront/originaccessidentity to the stack's bucket; route53 alias; the signing Lambda reading the
    # private key from Secrets Manager at its China endpoint.
    def build(c: Any) -> object:
        opts = _aws(region)
        exports = aws.s3.Bucket("owner-exports", opts=opts)
        oai = aws.cloudfront.OriginAccessIdentity("owner-exports", comment="owner exports", opts=opts)
        aws.s3.BucketPolicy(
            "owner-exports", bucket=exports.id,
            policy=pulumi.Output.all(exports.arn, oai.iam_arn).apply(lambda a: _policy([{
                "Effect": "Allow", "Principal": {"AWS": a[1]}, "Action": "s3:GetObject", "Resource": f"{a[0]}/*"}])),
            opts=opts,
        )  # fmt: skip
        public_key = aws.cloudfront.PublicKey("export-signer", encoded_key=PUBLIC_KEY, comment="exports", opts=opts)
        group = aws.cloudfront.KeyGroup("export-signers", name="export-signers", items=[public_key.id], opts=opts)
        cert = aws.iam.ServerCertificate(
            "exports-cert", name="exports-fleet-example-cn", path="/cloudfront/",
            certificate_body="-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
            private_key="-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n", opts=opts,
        )  # fmt: skip
        dist = aws.cloudfront.Distribution(
            "owner-exports", enabled=True, aliases=[domain], comment="Owner data exports",
            origins=[{"origin_id": "exports", "domain_name": exports.bucket_regional_domain_name,
                      "s3_origin_config": {"origin_access_identity": oai.cloudfront_access_identity_path}}],
            default_cache_behavior={
                "target_origin_id": "exports", "viewer_protocol_policy": "https-only",
                "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                "trusted_key_groups": [group.id],
                "forwarded_values": {"query_string": False, "cookies": {"forward": "none"}},
            },
            restrictions={"geo_restriction": {"restriction_type": "none"}},
            viewer_certificate={"iam_certificate_id": cert.id, "ssl_support_method": "sni-only",
                                "minimum_protocol_version": "TLSv1.2_2021"},
            opts=opts,
        )  # fmt: skip
        zone = aws.route53.Zone("fleet-example", name="fleet-example.cn", opts=opts)
        aws.route53.Record(
            "exports", zone_id=zone.zone_id, name=domain, type="A",
            aliases=[{"name": dist.domain_name, "zone_id": dist.hosted_zone_id, "evaluate_target_health": False}],
            opts=opts,
        )  # fmt: skip
        signing_key = aws.secretsmanager.Secret("export-signing-key", name="owner-exports/signing-key", opts=opts)
        return _function(
            "export-signer",
            opts,
            {
                "CLOUDFRONT_KEY_PAIR_ID": public_key.id,
                "CLOUDFRONT_DOMAIN": dist.domain_name,
                "SIGNING_KEY_SECRET_ARN": signing_key.arn,
                "SECRETS_MANAGER_ENDPOINT": f"https://secretsmanager.{region}.amazonaws.com.cn",
                "URL_TTL_SECONDS": "900",
            },
        )

    return build


def http_api_export(region: str, zone_name: str) -> Build:
    # docs: cognito/userpool + userpoolclient; apigatewayv2/api (HTTP) + authorizer (JWT: issuer
    # https://cognito-idp.<region>.amazonaws.com/<pool id>, audience the client id) + integration (AWS_PROXY) + route
    # + stage (access logs); apigatewayv2/domainname (REGIONAL, the Region's ACM certificate) + apimapping; route53
    # alias to the domain's target; kms/key (RSA_2048 SIGN_VERIFY) signing export manifests; the export Lambda writing
    # presigned S3 links (s3.<region>.amazonaws.com).
    def build(c: Any) -> object:
        opts = _aws(region)
        pool = aws.cognito.UserPool("owners", name="owners", opts=opts)
        client = aws.cognito.UserPoolClient("owner-app", user_pool_id=pool.id, generate_secret=False, opts=opts)
        exports = aws.s3.Bucket("owner-exports", opts=opts)
        signer = aws.kms.Key(
            "export-manifests", customer_master_key_spec="RSA_2048", key_usage="SIGN_VERIFY", opts=opts
        )
        fn = _function(
            "owner-export",
            opts,
            {
                "EXPORT_BUCKET": exports.bucket,
                "S3_ENDPOINT": f"https://s3.{region}.amazonaws.com",
                "MANIFEST_SIGNING_KEY": signer.arn,
                "URL_TTL_SECONDS": "3600",
            },
        )
        api = aws.apigatewayv2.Api("owner-export", protocol_type="HTTP", opts=opts)
        authorizer = aws.apigatewayv2.Authorizer(
            "owners", api_id=api.id, authorizer_type="JWT", identity_sources=["$request.header.Authorization"],
            name="owners",
            jwt_configuration={"audiences": [client.id],
                               "issuer": pool.id.apply(lambda p: f"https://cognito-idp.{region}.amazonaws.com/{p}")},
            opts=opts,
        )  # fmt: skip
        integration = aws.apigatewayv2.Integration(
            "owner-export", api_id=api.id, integration_type="AWS_PROXY", integration_uri=fn.invoke_arn,
            payload_format_version="2.0", opts=opts,
        )  # fmt: skip
        aws.apigatewayv2.Route(
            "post-export", api_id=api.id, route_key="POST /exports", authorization_type="JWT",
            authorizer_id=authorizer.id, target=integration.id.apply(lambda i: f"integrations/{i}"), opts=opts,
        )  # fmt: skip
        access = aws.cloudwatch.LogGroup("owner-export-access", retention_in_days=90, opts=opts)
        stage = aws.apigatewayv2.Stage(
            "default", api_id=api.id, name="$default", auto_deploy=True,
            access_log_settings={"destination_arn": access.arn,
                                 "format": json.dumps({"requestId": "$context.requestId", "status": "$context.status",
                                                       "sub": "$context.authorizer.claims.sub"})},
            opts=opts,
        )  # fmt: skip
        aws.lambda_.Permission(
            "owner-export-invoke",
            action="lambda:InvokeFunction",
            function=fn.name,
            principal="apigateway.amazonaws.com",
            source_arn=api.execution_arn.apply(lambda a: f"{a}/*/*"), opts=opts,
        )  # fmt: skip
        cert = aws.acm.Certificate("exports", domain_name=f"exports.{zone_name}", validation_method="DNS", opts=opts)
        domain = aws.apigatewayv2.DomainName(
            "exports", domain_name=f"exports.{zone_name}",
            domain_name_configuration={"certificate_arn": cert.arn, "endpoint_type": "REGIONAL",
                                       "security_policy": "TLS_1_2"},
            opts=opts,
        )  # fmt: skip
        aws.apigatewayv2.ApiMapping("exports", api_id=api.id, domain_name=domain.id, stage=stage.id, opts=opts)
        zone = aws.route53.Zone("zone", name=zone_name, opts=opts)
        return aws.route53.Record(
            "exports", zone_id=zone.zone_id, name=f"exports.{zone_name}", type="A",
            aliases=[{"name": domain.domain_name_configuration.target_domain_name,
                      "zone_id": domain.domain_name_configuration.hosted_zone_id, "evaluate_target_health": False}],
            opts=opts,
        )  # fmt: skip

    return build


def ali_cdn_signed_exports(region: str, domain: str = "exports.fleet-example.cn") -> Build:
    # docs: cdn/domainnew (scope "domestic", an OSS origin: the stack's bucket's extranet endpoint, HTTPS with an SSL
    # certificate of the stack), cdn/domainconfig "aliauth" (URL signing type A, "Configure URL signing") and
    # "l2_oss_key" (back-to-origin to a private OSS bucket: "Access a private OSS origin"), alidns/record CNAME to the
    # domain's cname output; the signing function given the domain and the key from KMS.
    def build(c: Any) -> object:
        opts = _ali(region)
        bucket = alicloud.oss.Bucket("owner-exports", bucket=f"fleet-owner-exports-{region}", opts=opts)
        alicloud.oss.BucketAcl("owner-exports", bucket=bucket.bucket, acl="private", opts=opts)
        cdn = alicloud.cdn.DomainNew(
            "exports", domain_name=domain, cdn_type="download", scope="domestic",
            sources=[{"content": bucket.extranet_endpoint.apply(lambda e: f"fleet-owner-exports-{region}.{e}"),
                      "type": "oss", "port": 443, "priority": 20, "weight": 10}],
            certificate_config={"cert_type": "cas", "cert_id": "12345678", "server_certificate_status": "on"},
            opts=opts,
        )  # fmt: skip
        alicloud.cdn.DomainConfig(
            "exports-url-signing", domain_name=cdn.domain_name, function_name="aliauth",
            function_args=[{"arg_name": "auth_type", "arg_value": "type_a"},
                           {"arg_name": "auth_key1", "arg_value": "k1-rotating-secret"},
                           {"arg_name": "ali_auth_delta", "arg_value": "1800"}],
            opts=opts,
        )  # fmt: skip
        alicloud.cdn.DomainConfig(
            "exports-private-origin", domain_name=cdn.domain_name, function_name="l2_oss_key",
            function_args=[{"arg_name": "private_oss_auth", "arg_value": "on"}], opts=opts,
        )  # fmt: skip
        alicloud.dns.AlidnsRecord(
            "exports", domain_name="fleet-example.cn", rr="exports", type="CNAME", value=cdn.cname, ttl=600,
            opts=opts,
        )  # fmt: skip
        key = alicloud.kms.Key("export-signing", description="CDN URL signing key", opts=opts)
        secret = alicloud.kms.Secret(
            "cdn-auth-key", secret_name="owner-exports/cdn-auth-key", secret_data="placeholder", version_id="v1",
            encryption_key_id=key.id, opts=opts,
        )  # fmt: skip
        return _fc(
            "export-link-signer",
            opts,
            {
                "CDN_DOMAIN": cdn.domain_name,
                "AUTH_KEY_SECRET": secret.secret_name,
                "LINK_TTL_SECONDS": "1800",
                "OSS_BUCKET": bucket.bucket,
            },
        )

    return build


def ali_oss_presign_api(region: str) -> Build:
    # docs: oss/bucket (private, SSE-KMS with the stack's key), kms/key + kms/secret; a Function Compute 3.0 function
    # issuing presigned GET links on the region's internal OSS endpoint (oss-<region>-internal.aliyuncs.com), STS and
    # KMS over their VPC endpoints (sts-vpc.<region>.aliyuncs.com, kms-vpc.<region>.aliyuncs.com); apigateway/group +
    # apigateway/api (a FunctionCompute backend: fc_service_config with the function's region and ARN).
    def build(c: Any) -> object:
        opts = _ali(region)
        key = alicloud.kms.Key("owner-exports", description="Owner exports", opts=opts)
        bucket = alicloud.oss.Bucket(
            "owner-exports", bucket=f"fleet-owner-exports-{region}",
            server_side_encryption_rule={"sse_algorithm": "KMS", "kms_master_key_id": key.id}, opts=opts,
        )  # fmt: skip
        secret = alicloud.kms.Secret(
            "export-hmac", secret_name="owner-exports/hmac", secret_data="placeholder", version_id="v1",
            encryption_key_id=key.id, opts=opts,
        )  # fmt: skip
        fn = _fc(
            "owner-export-links", opts,
            {
                "OSS_ENDPOINT": f"https://oss-{region}-internal.aliyuncs.com",
                "OSS_BUCKET": bucket.bucket,
                "STS_ENDPOINT": f"sts-vpc.{region}.aliyuncs.com",
                "KMS_ENDPOINT": f"kms-vpc.{region}.aliyuncs.com",
                "HMAC_SECRET": secret.secret_name,
                "LINK_TTL_SECONDS": "900",
            },
            vpc_config={"vpc_id": "vpc-fleet", "v_switch_ids": ["vsw-a"], "security_group_id": "sg-fc"},
        )  # fmt: skip
        group = alicloud.apigateway.Group("owner-exports", name="owner_exports", description="Owner exports", opts=opts)
        role = alicloud.ram.Role(
            "apigateway-fc", role_name="fleet-apigateway-fc",
            assume_role_policy_document=_ram_trust("apigateway.aliyuncs.com"), opts=opts,
        )  # fmt: skip
        return alicloud.apigateway.Api(
            "create-export-link", group_id=group.id, name="create_export_link", description="Presigned export link",
            auth_type="APP", request_config={"protocol": "HTTPS", "method": "POST", "path": "/exports",
                                             "mode": "MAPPING"},
            service_type="FunctionCompute",
            fc_service_config={"region": region, "function_type": "HttpTrigger", "arn_role": role.arn,
                               "function_name": fn.function_name, "timeout": 10,
                               "path": "/", "method": "POST", "only_business_path": False,
                               "function_base_url": fn.function_arn.apply(
                                   lambda _: f"https://owner-export-links.{region}.fcapp.run")},
            stage_names=["RELEASE"], opts=opts,
        )  # fmt: skip

    return build


# -- (d) observability ----------------------------------------------------------------------------------------------


def oam_cross_account(region: str) -> Build:
    # docs: oam/sink in the monitoring account, oam/sinkpolicy (the organization's accounts may link metrics, logs and
    # traces: Condition aws:PrincipalOrgID / ForAllValues:StringEquals oam:ResourceTypes), oam/link from an observed
    # account of the same Region (CloudWatch cross-account observability is per Region: "a sink ... in each Region").
    def build(c: Any) -> object:
        opts = _aws(region)
        observed = pulumi.ResourceOptions(
            provider=aws.Provider(
                f"aws-observed-{region}", region=region,
                assume_roles=[{"role_arn": f"arn:aws:iam::{OBSERVED_ACCOUNT}:role/platform-deployer"}],
            )
        )  # fmt: skip
        sink = aws.oam.Sink("fleet-monitoring", name="fleet-monitoring", opts=opts)
        aws.oam.SinkPolicy(
            "fleet-monitoring", sink_identifier=sink.arn,
            policy=_policy([{
                "Effect": "Allow", "Principal": "*", "Resource": "*",
                "Action": ["oam:CreateLink", "oam:UpdateLink"],
                "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-fleet12345"},
                              "ForAllValues:StringEquals": {"oam:ResourceTypes": [
                                  "AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"]}},
            }]),
            opts=opts,
        )  # fmt: skip
        return aws.oam.Link(
            "telematics-account", label_template="$AccountName", sink_identifier=sink.arn,
            resource_types=["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"],
            link_configuration={"log_group_configuration": {"filter": "LogGroupName LIKE 'telematics-%'"},
                                "metric_configuration": {"filter": "Namespace IN ('AWS/IoT', 'AWS/Kinesis')"}},
            opts=observed,
        )  # fmt: skip

    return build


def logs_subscription_insights(region: str) -> Build:
    # docs: cloudwatch/loggroup (KMS), cloudwatch/logsubscriptionfilter to the stack's Kinesis stream (role trusted by
    # logs.amazonaws.com with aws:SourceArn of the Region's log groups), cloudwatch/logmetricfilter + metricalarm,
    # cloudwatch/contributorinsightrule (rule_definition JSON over the log group), cloudwatch/querydefinition.
    def build(c: Any) -> object:
        opts = _aws(region)
        group = aws.cloudwatch.LogGroup("charger-gateway", name="/fleet/charger-gateway", retention_in_days=30,
                                        opts=opts)  # fmt: skip
        stream = aws.kinesis.Stream("log-archive", shard_count=1, encryption_type="KMS",
                                    kms_key_id="alias/aws/kinesis", opts=opts)  # fmt: skip
        role = aws.iam.Role(
            "logs-to-kinesis",
            assume_role_policy=_policy([{
                "Effect": "Allow", "Principal": {"Service": "logs.amazonaws.com"}, "Action": "sts:AssumeRole",
                "Condition": {"StringLike": {"aws:SourceArn": _arn("logs", region, "*")}},
            }]),
            opts=opts,
        )  # fmt: skip
        aws.iam.RolePolicy(
            "logs-to-kinesis", role=role.id,
            policy=stream.arn.apply(lambda a: _policy([{"Effect": "Allow", "Action": "kinesis:PutRecord",
                                                        "Resource": a}])),
            opts=opts,
        )  # fmt: skip
        aws.cloudwatch.LogSubscriptionFilter(
            "charger-gateway-archive", name="archive", log_group=group.name, filter_pattern="",
            destination_arn=stream.arn, role_arn=role.arn, distribution="Random", opts=opts,
        )  # fmt: skip
        aws.cloudwatch.LogMetricFilter(
            "handshake-failures", name="handshake-failures", log_group_name=group.name,
            pattern='{ $.event = "ocpp_handshake" && $.result = "failed" }',
            metric_transformation={"name": "HandshakeFailures", "namespace": "Fleet/Charging", "value": "1"},
            opts=opts,
        )  # fmt: skip
        topic = aws.sns.Topic("charging-ops", opts=opts)
        aws.cloudwatch.MetricAlarm(
            "handshake-failures", comparison_operator="GreaterThanThreshold", evaluation_periods=3, period=60,
            statistic="Sum", threshold=20, metric_name="HandshakeFailures", namespace="Fleet/Charging",
            alarm_actions=[topic.arn], opts=opts,
        )  # fmt: skip
        aws.cloudwatch.ContributorInsightRule(
            "top-failing-stations", rule_name="top-failing-stations", rule_state="ENABLED",
            rule_definition=group.name.apply(lambda g: json.dumps({
                "Schema": {"Name": "CloudWatchLogRule", "Version": 1},
                "LogGroupNames": [g], "LogFormat": "JSON",
                "Contribution": {"Keys": ["$.station_id"], "Filters": [{"Match": "$.result", "In": ["failed"]}]},
                "AggregateOn": "Count",
            })),
            opts=opts,
        )  # fmt: skip
        return aws.cloudwatch.QueryDefinition(
            "failed-sessions", name="charging/failed-sessions", log_group_names=[group.name],
            query_string="fields @timestamp, station_id, vin_hash, error\n| filter result = 'failed'\n"
            "| sort @timestamp desc\n| limit 100",
            opts=opts,
        )  # fmt: skip

    return build


def internet_monitor(region: str) -> Build:
    # docs: cloudwatch/internetmonitor (the owner portal's VPC as monitored resource, health event thresholds, internet
    # measurements delivered to the stack's bucket: internet_measurements_log_delivery.s3_config).
    def build(c: Any) -> object:
        opts = _aws(region)
        vpc = aws.ec2.Vpc("portal", cidr_block="10.40.0.0/16", opts=opts)
        logs = aws.s3.Bucket("internet-measurements", opts=opts)
        return aws.cloudwatch.InternetMonitor(
            "owner-portal", monitor_name="owner-portal", resources=[vpc.arn], traffic_percentage_to_monitor=100,
            max_city_networks_to_monitor=500,
            health_events_config={"availability_score_threshold": 96, "performance_score_threshold": 90},
            internet_measurements_log_delivery={"s3_config": {"bucket_name": logs.bucket,
                                                              "bucket_prefix": "internet-monitor",
                                                              "log_delivery_status": "ENABLED"}},
            opts=opts,
        )  # fmt: skip

    return build


SCRAPE_CONFIG = """global:
  scrape_interval: 30s
  external_labels:
    clusterArn: {cluster_arn}
scrape_configs:
  - job_name: pod_exporter
    kubernetes_sd_configs:
      - role: pod
  - job_name: cadvisor
    scheme: https
    authorization:
      type: Bearer
      credentials_file: /var/run/secrets/kubernetes.io/serviceaccount/token
    kubernetes_sd_configs:
      - role: node
    relabel_configs:
      - action: labelmap
        regex: __meta_kubernetes_node_label_(.+)
      - replacement: kubernetes.default.svc:443
        target_label: __address__
      - source_labels: [__meta_kubernetes_node_name]
        regex: (.+)
        target_label: __metrics_path__
        replacement: /api/v1/nodes/$1/proxy/metrics/cadvisor
"""


def amp_eks_scraper(region: str) -> Build:
    # docs: amp/workspace (KMS, logging to the stack's log group), amp/scraper ("AWS managed collector": source the
    # stack's EKS cluster, destination the workspace, scrape_configuration the YAML of the default configuration:
    # kubernetes_sd_configs and the in-cluster API server kubernetes.default.svc:443), amp/rulegroupnamespace.
    def build(c: Any) -> object:
        opts = _aws(region)
        role = aws.iam.Role("eks-cluster", assume_role_policy=_trust("eks.amazonaws.com"), opts=opts)
        cluster = aws.eks.Cluster(
            "telematics", role_arn=role.arn, version="1.31",
            vpc_config={"subnet_ids": ["subnet-a", "subnet-b"], "endpoint_private_access": True,
                        "endpoint_public_access": False},
            access_config={"authentication_mode": "API"}, opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("amp", retention_in_days=30, opts=opts)
        workspace = aws.amp.Workspace(
            "telematics", alias="telematics",
            logging_configuration={"log_group_arn": logs.arn.apply(lambda a: f"{a}:*")}, opts=opts,
        )  # fmt: skip
        aws.amp.RuleGroupNamespace(
            "charging", workspace_id=workspace.id, name="charging",
            data="groups:\n  - name: charging\n    rules:\n      - record: job:ocpp_failures:rate5m\n"
            "        expr: sum by (job) (rate(ocpp_handshake_failures_total[5m]))\n",
            opts=opts,
        )  # fmt: skip
        return aws.amp.Scraper(
            "telematics", alias="telematics",
            source={"eks": {"cluster_arn": cluster.arn, "subnet_ids": ["subnet-a", "subnet-b"],
                            "security_group_ids": ["sg-scraper"]}},
            destination={"amp": {"workspace_arn": workspace.arn}},
            scrape_configuration=cluster.arn.apply(lambda a: SCRAPE_CONFIG.replace("{cluster_arn}", a)),
            opts=opts,
        )  # fmt: skip

    return build


ADOT_CONFIG = """extensions:
  health_check:
  sigv4auth:
    region: {region}
    service: aps
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: 0.0.0.0:4318
  awsecscontainermetrics:
    collection_interval: 30s
processors:
  batch/traces:
    timeout: 1s
    send_batch_size: 50
  resourcedetection:
    detectors: [env, ecs]
exporters:
  awsxray:
    region: {region}
  awsemf:
    region: {region}
    namespace: Fleet/OwnerExport
    log_group_name: /aws/ecs/owner-export/metrics
  prometheusremotewrite:
    endpoint: {remote_write}
    auth:
      authenticator: sigv4auth
service:
  extensions: [health_check, sigv4auth]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [resourcedetection, batch/traces]
      exporters: [awsxray]
    metrics:
      receivers: [otlp, awsecscontainermetrics]
      exporters: [awsemf, prometheusremotewrite]
"""


def adot_collector(region: str, signing_region: str | None = None) -> Build:
    # docs: AWS Distro for OpenTelemetry "Collector configuration for ECS" (the sidecar reads AOT_CONFIG_CONTENT from
    # an SSM parameter: awsxray and awsemf exporters with the Region, prometheusremotewrite to the stack's Managed
    # Prometheus workspace signed by sigv4auth with its Region); ssm/parameter, ecs/taskdefinition (secrets from the
    # parameter), amp/workspace; the CloudWatch agent's configuration ("Manually create or edit the CloudWatch agent
    # configuration file": agent.region, logs.endpoint_override) in a second parameter.
    def build(c: Any) -> object:
        opts = _aws(region)
        workspace = aws.amp.Workspace("owner-export", alias="owner-export", opts=opts)
        config = workspace.prometheus_endpoint.apply(
            lambda e: ADOT_CONFIG.replace("{region}", signing_region or region).replace(
                "{remote_write}", f"{e}api/v1/remote_write" if e else f"https://aps-workspaces.{region}.amazonaws.com/"
            )
        )
        parameter = aws.ssm.Parameter("adot-config", name="/fleet/owner-export/adot-config", type="String",
                                      value=config, tier="Advanced", opts=opts)  # fmt: skip
        aws.ssm.Parameter(
            "cloudwatch-agent", name="AmazonCloudWatch-owner-export", type="String",
            value=json.dumps({
                "agent": {"region": region, "metrics_collection_interval": 60},
                "logs": {"endpoint_override": f"logs.{region}.amazonaws.com", "logs_collected": {"files": {
                    "collect_list": [{"file_path": "/var/log/owner-export/*.log",
                                      "log_group_name": "/fleet/owner-export", "retention_in_days": 30}]}}},
                "metrics": {"namespace": "Fleet/OwnerExport", "metrics_collected": {"mem": {
                    "measurement": ["mem_used_percent"]}}},
            }),
            opts=opts,
        )  # fmt: skip
        role = _role("owner-export-task", "ecs-tasks.amazonaws.com", opts)
        repo = aws.ecr.Repository("owner-export", name="owner-export", opts=opts)
        return aws.ecs.TaskDefinition(
            "owner-export", family="owner-export", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
            cpu="512", memory="1024", task_role_arn=role.arn, execution_role_arn=role.arn,
            container_definitions=pulumi.Output.all(repo.repository_url, parameter.arn).apply(lambda a: json.dumps([
                {"name": "app", "image": f"{a[0]}:4.1.0", "essential": True,
                 "environment": [{"name": "OTEL_EXPORTER_OTLP_ENDPOINT", "value": "http://localhost:4318"}]},
                {"name": "aws-otel-collector", "image": f"{a[0]}:adot-0.41.1", "essential": True,
                 "secrets": [{"name": "AOT_CONFIG_CONTENT", "valueFrom": a[1]}]},
            ])),
            opts=opts,
        )  # fmt: skip

    return build


def ali_arms_environment(region: str) -> Build:
    # docs: cs/managedkubernetes, arms/environment (CS, ManagedKubernetes, bound to the stack's cluster),
    # arms/envfeature
    # (metric-agent), arms/prometheus over the same cluster; cms/alarmcontactgroup for the on-call group.
    def build(c: Any) -> object:
        opts = _ali(region)
        cluster = alicloud.cs.ManagedKubernetes(
            "telematics", name="telematics", cluster_spec="ack.pro.small", vswitch_ids=["vsw-a", "vsw-b"],
            new_nat_gateway=False, service_cidr="172.21.0.0/20", pod_cidr="172.20.0.0/16", opts=opts,
        )  # fmt: skip
        env = alicloud.arms.Environment(
            "telematics",
            environment_name="telematics",
            environment_type="CS",
            environment_sub_type="ManagedKubernetes",
            bind_resource_id=cluster.id, opts=opts,
        )  # fmt: skip
        alicloud.arms.EnvFeature(
            "metric-agent", env_feature_name="metric-agent", environment_id=env.id, feature_version="1.1.17",
            opts=opts,
        )  # fmt: skip
        alicloud.cms.AlarmContactGroup("telematics-oncall", alarm_contact_group_name="telematics-oncall", opts=opts)
        return alicloud.arms.Prometheus(
            "telematics", cluster_type="aliyun-cs", grafana_instance_id="free", cluster_id=cluster.id, opts=opts
        )

    return build


# Managed Service for OpenTelemetry "Endpoints by region": the mainland regions whose tracing endpoint names them by an
# abbreviation (tracing-analysis-dc-<abbreviation>[-internal].aliyuncs.com).
TRACING_ABBREVIATIONS = {
    "cn-hangzhou": "hz", "cn-shanghai": "sh", "cn-qingdao": "qd", "cn-beijing": "bj", "cn-zhangjiakou": "zb",
    "cn-shenzhen": "sz", "ap-northeast-1": "jp",
}  # fmt: skip


def ali_otel_tracing(region: str, tracing_region: str | None = None) -> Build:
    # docs: Managed Service for OpenTelemetry "Endpoints and authentication" (the region's private endpoint, the token
    # in the HTTP path: http://<endpoint>/adapt_<token>/api/otlp/traces), fc/v3function with the OpenTelemetry SDK's
    # environment (OTEL_EXPORTER_OTLP_*_ENDPOINT), sls/metricstore for Prometheus metrics and its remote-write URL
    # (https://<project>.<region>-intranet.log.aliyuncs.com/prometheus/<project>/<metricstore>/api/v1/write).
    def build(c: Any) -> object:
        opts = _ali(region)
        abbreviation = TRACING_ABBREVIATIONS[tracing_region or region]
        base = f"http://tracing-analysis-dc-{abbreviation}-internal.aliyuncs.com/adapt_fleet01@a1b2c3_fleet01@d4e5f6"
        project = alicloud.log.Project("owner-metrics", project_name=f"fleet-owner-metrics-{region}", opts=opts)
        store = alicloud.sls.MetricStore(
            "owner-export", project_name=project.project_name, metric_store_name="owner-export", shard_count=2,
            ttl=30, opts=opts,
        )  # fmt: skip
        remote_write = pulumi.Output.all(project.project_name, store.metric_store_name).apply(
            lambda a: f"https://{a[0]}.{region}-intranet.log.aliyuncs.com/prometheus/{a[0]}/{a[1]}/api/v1/write"
        )
        return _fc(
            "owner-export-traced", opts,
            {
                "OTEL_SERVICE_NAME": "owner-export",
                "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": f"{base}/api/otlp/traces",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT": f"{base}/api/otlp/metrics",
                "OTEL_RESOURCE_ATTRIBUTES": f"deployment.environment=prod,cloud.region={region}",
                "PROMETHEUS_REMOTE_WRITE_URL": remote_write,
            },
        )  # fmt: skip

    return build


# -- the register as these programs' engineers use it ---------------------------------------------------------------

MODEL_STUDIO_FRANKFURT = "https://ws-fleet01.eu-central-1.maas.aliyuncs.com/compatible-mode/v1"
# DE: the workspace's models are called in the "European Union" deployment scope only ("Germany (Frankfurt) supports
# Global and European Union"), which the host does not show: the engineer declares the workspace domain resident with
# the console setting and the DPIA as evidence.
MODEL_STUDIO_EU_SCOPE: dict[str, Any] = {
    "id": "model-studio-eu-scope",
    "kind": "resident",
    "match": "https://ws-fleet01.eu-central-1.maas.aliyuncs.com/",
    "evidence": "workspace ws-fleet01 calls European Union deployment-scope models only (Model Studio console, "
    "model list qwen-plus EU); DPIA-DE-2026-044",
}
