"""An EV maker's ordinary mainland-China platform programs, on AWS China (aws-cn: Beijing cn-north-1, Ningxia
cn-northwest-1) and on Alibaba Cloud's mainland regions, and the programs that use the transfer register as a Chinese
engineer would.

Written from the Pulumi registry (pulumi-aws v7, pulumi-alicloud) and the AWS China (docs.amazonaws.cn) / Alibaba Cloud
docs, like tests/platform_programs_markets.py (whose areas these do not repeat): the owner data service behind API
Gateway with RDS, DynamoDB and S3 reached on their `amazonaws.com.cn` names, telematics over IoT Core, Kinesis, MSK and
Firehose, analytics on Athena, Glue, EMR and Redshift, ECS and EKS pulling from ECR in `*.amazonaws.com.cn`, CloudFront
in China (`*.cloudfront.cn`) behind a Route 53 zone, VPC endpoints named `cn.com.amazonaws.<region>.<service>`, IAM
with `arn:aws-cn:` ARNs, alarms to SNS, Backup copies and DR between Beijing and Ningxia; on Alibaba Cloud the
telemetry forwarding of IoT Platform, Kafka, Flink, MaxCompute, Hologres, DataWorks, OSS lifecycle and replication,
ACK with ACR images, RDS / PolarDB backups kept in the mainland, SLS and CloudMonitor alarms, SMS / DirectMail, CDN and
DCDN in the `domestic` scope, WAF, Cloud Firewall, ActionTrail, GA inside the mainland and PrivateLink. Amazon SES has
no page in the China guide's service list (docs.amazonaws.cn "Getting Started with Amazon Web Services in China"; not
confirmed by a page saying so), and SNS SMS and mobile push are "not yet available in the Beijing and Ningxia Regions"
(its sns.html page), so no program here mails or texts through them: owner notices go through Alibaba DirectMail / SMS.

None sends data out of mainland China except through a declared destination, so every front door must accept every
compliant one; tests/test_realistic_programs.py runs them as CASES (``cn-platform-cn-*``), with the offending twins
of the transfer-register programs.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import DEPLOYER as ALI_DEPLOYER
from platform_parts import Build
from platform_programs import _ali, _aws, _function, _policy, _ram_trust, _trust

from components.alicloud.audit_trail import AlicloudCountryAuditTrail, AlicloudCountryAuditTrailArgs
from components.alicloud.keys import AlicloudCountryKeys, AlicloudCountryKeysArgs
from components.alicloud.storage import AlicloudCountryStorage, AlicloudCountryStorageArgs
from components.aws.keys import AwsCountryKeys, AwsCountryKeysArgs
from components.aws.storage import AwsCountryStorage, AwsCountryStorageArgs

BEIJING, NINGXIA = "cn-north-1", "cn-northwest-1"
ACCOUNT = "123456789012"
# "Elastic Load Balancing: Enable access logs" (China regions): the ELB account writing access logs in each region.
ELB_ACCOUNTS = {BEIJING: "638102146993", NINGXIA: "037604701340"}
FC_ZIP = "UEsDBAoAAAAAAA=="


def _opts(c: Any, region: str | None) -> pulumi.ResourceOptions:
    opts: pulumi.ResourceOptions = _aws(region) if region else c.aws
    return opts


def _arn(service: str, region: str, resource: str) -> str:
    # "ARNs in the China Regions": arn:aws-cn:<service>:<region>:<account>:<resource>.
    return f"arn:aws-cn:{service}:{region}:{ACCOUNT}:{resource}"


def _fc(name: str, opts: pulumi.ResourceOptions, env: dict[str, Any], **kw: Any) -> alicloud.fc.V3Function:
    role = alicloud.ram.Role(
        f"{name}-role", role_name=f"{name}-role", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
    )
    return alicloud.fc.V3Function(
        name, function_name=name, runtime="python3.10", handler="index.handler", memory_size=512, role=role.arn,
        code={"zip_file": FC_ZIP}, environment_variables=env, opts=opts, **kw,
    )  # fmt: skip


# -- AWS China: the owner data service --------------------------------------------------------------------------------


def cn_owner_api(region: str = BEIJING) -> Build:
    # docs: apigateway/restapi (REGIONAL: edge-optimized endpoints are not offered in the China regions), resource +
    # method + integration (AWS_PROXY to the Lambda), deployment + stage; rds/instance (PostgreSQL, storage encrypted
    # with the stack's key, managed master password in Secrets Manager); the Lambda in the VPC given the database's
    # address output and the regional S3 / DynamoDB endpoints of the China region (docs.amazonaws.cn
    # "Amazon Web Services China endpoints": s3.<region>.amazonaws.com.cn, dynamodb.<region>.amazonaws.com.cn).
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("owner-data", description="Owner data", enable_key_rotation=True, opts=opts)
        aws.kms.Alias("owner-data", name="alias/owner-data", target_key_id=key.key_id, opts=opts)
        subnets = aws.rds.SubnetGroup("owner-db", subnet_ids=["subnet-a", "subnet-b"], opts=opts)
        db = aws.rds.Instance(
            "owner-db", engine="postgres", engine_version="16.3", instance_class="db.m6g.large",
            allocated_storage=100, storage_encrypted=True, kms_key_id=key.arn, db_subnet_group_name=subnets.name,
            username="owner_admin", manage_master_user_password=True, multi_az=True, backup_retention_period=7,
            skip_final_snapshot=False, final_snapshot_identifier="owner-db-final", opts=opts,
        )  # fmt: skip
        documents = aws.s3.Bucket("owner-documents", opts=opts)
        fn = _function(
            "owner-api", opts,
            {
                "DB_HOST": db.address,
                "DOCUMENTS_BUCKET": documents.bucket,
                "S3_ENDPOINT": f"https://s3.{region}.amazonaws.com.cn",
                "DYNAMODB_ENDPOINT": f"https://dynamodb.{region}.amazonaws.com.cn",
            },
            vpc_config={"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-owner-api"]},
        )  # fmt: skip
        api = aws.apigateway.RestApi("owner-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        resource = aws.apigateway.Resource(
            "vehicles", rest_api=api.id, parent_id=api.root_resource_id, path_part="vehicles", opts=opts
        )
        method = aws.apigateway.Method(
            "vehicles-get", rest_api=api.id, resource_id=resource.id, http_method="GET", authorization="AWS_IAM",
            opts=opts,
        )  # fmt: skip
        integration = aws.apigateway.Integration(
            "vehicles-get", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST", type="AWS_PROXY", uri=fn.invoke_arn, opts=opts,
        )  # fmt: skip
        aws.lambda_.Permission(
            "owner-api-invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=api.execution_arn.apply(lambda a: f"{a}/*/*"), opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "owner-api", rest_api=api.id, opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                depends_on=[integration])),
        )  # fmt: skip
        return aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod", opts=opts)

    return build


def cn_owner_records(region: str = BEIJING) -> Build:
    # docs: dynamodb/table (SSE with the stack's CMK, point-in-time recovery), s3/bucket + bucketserversideencryption-
    # configuration (aws:kms, bucket key), bucketpublicaccessblock, bucketlifecycleconfiguration, bucketpolicy denying
    # plain HTTP (aws:SecureTransport) with `arn:aws-cn:s3:::` resources, an SQS queue with its KMS key.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("owner-records", description="Owner records", enable_key_rotation=True, opts=opts)
        aws.dynamodb.Table(
            "owner-profiles", billing_mode="PAY_PER_REQUEST", hash_key="owner_id",
            attributes=[{"name": "owner_id", "type": "S"}],
            server_side_encryption={"enabled": True, "kms_key_arn": key.arn},
            point_in_time_recovery={"enabled": True}, opts=opts,
        )  # fmt: skip
        bucket = aws.s3.Bucket("owner-contracts", opts=opts)
        aws.s3.BucketServerSideEncryptionConfiguration(
            "owner-contracts", bucket=bucket.id,
            rules=[{"apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms",
                                                                "kms_master_key_id": key.arn},
                    "bucket_key_enabled": True}],
            opts=opts,
        )  # fmt: skip
        aws.s3.BucketPublicAccessBlock(
            "owner-contracts", bucket=bucket.id, block_public_acls=True, block_public_policy=True,
            ignore_public_acls=True, restrict_public_buckets=True, opts=opts,
        )  # fmt: skip
        aws.s3.BucketLifecycleConfiguration(
            "owner-contracts", bucket=bucket.id,
            rules=[{"id": "archive", "status": "Enabled", "filter": {"prefix": "signed/"},
                    "transitions": [{"days": 90, "storage_class": "GLACIER"}]}],
            opts=opts,
        )  # fmt: skip
        aws.s3.BucketPolicy(
            "owner-contracts", bucket=bucket.id,
            policy=bucket.bucket.apply(lambda b: _policy([{
                "Sid": "DenyPlainHttp", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                "Resource": [f"arn:aws-cn:s3:::{b}", f"arn:aws-cn:s3:::{b}/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }])),
            opts=opts,
        )  # fmt: skip
        return aws.sqs.Queue("contract-signed", kms_master_key_id=key.arn, opts=opts)

    return build


# -- AWS China: telematics --------------------------------------------------------------------------------------------


def cn_iot_telemetry(region: str = BEIJING) -> Build:
    # docs: iot/policy (iot:Connect / iot:Publish on `arn:aws-cn:iot:<region>:<account>:client/${iot:Connection.Thing.
    # ThingName}` and its topic), iot/thingtype, iot/topicrule (kinesis action + error action to the stack's bucket),
    # kinesis/stream, kinesis/firehosedeliverystream (Kinesis source, extended S3 destination); the vehicle gateway
    # Lambda given the account's ATS data endpoint (iot/getendpoint: <prefix>-ats.iot.<region>.amazonaws.com.cn).
    def build(c: Any) -> object:
        opts = _aws(region)
        aws.iot.Policy(
            "vehicle", name="vehicle",
            policy=_policy([
                {"Effect": "Allow", "Action": "iot:Connect",
                 "Resource": _arn("iot", region, "client/${iot:Connection.Thing.ThingName}")},
                {"Effect": "Allow", "Action": "iot:Publish",
                 "Resource": _arn("iot", region, "topic/vehicles/${iot:Connection.Thing.ThingName}/telemetry")},
            ]),
            opts=opts,
        )  # fmt: skip
        aws.iot.ThingType("ev-sedan", name="ev-sedan", properties={"searchable_attributes": ["vin", "model"]},
                          opts=opts)  # fmt: skip
        raw = aws.s3.Bucket("telemetry-raw", opts=opts)
        errors = aws.s3.Bucket("telemetry-errors", opts=opts)
        stream = aws.kinesis.Stream(
            "telemetry", stream_mode_details={"stream_mode": "ON_DEMAND"}, encryption_type="KMS",
            kms_key_id="alias/aws/kinesis", opts=opts,
        )  # fmt: skip
        firehose_role = aws.iam.Role("telemetry-firehose", assume_role_policy=_trust("firehose.amazonaws.com"),
                                     opts=opts)  # fmt: skip
        aws.kinesis.FirehoseDeliveryStream(
            "telemetry-to-s3", destination="extended_s3",
            kinesis_source_configuration={"kinesis_stream_arn": stream.arn, "role_arn": firehose_role.arn},
            extended_s3_configuration={"role_arn": firehose_role.arn, "bucket_arn": raw.arn,
                                       "prefix": "dt=!{timestamp:yyyy-MM-dd}/",
                                       "error_output_prefix": "errors/!{firehose:error-output-type}/"},
            opts=opts,
        )  # fmt: skip
        rule_role = aws.iam.Role("telemetry-rule", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        aws.iot.TopicRule(
            "telemetry", name="telemetry", enabled=True, sql_version="2016-03-23",
            sql="SELECT *, topic(2) AS vin, timestamp() AS received FROM 'vehicles/+/telemetry'",
            kineses=[{"stream_name": stream.name, "role_arn": rule_role.arn, "partition_key": "${topic(2)}"}],
            error_action={"s3": {"bucket_name": errors.bucket, "key": "${topic(2)}/${timestamp()}",
                                 "role_arn": rule_role.arn}},
            opts=opts,
        )  # fmt: skip
        endpoint = aws.iot.get_endpoint_output(
            endpoint_type="iot:Data-ATS", opts=pulumi.InvokeOutputOptions(provider=opts.provider)
        )
        return _function(
            "vehicle-gateway",
            opts,
            {
                "IOT_ENDPOINT": endpoint.endpoint_address,
                "IOT_ENDPOINT_HOST": f"a1b2c3d4e5f6g7-ats.iot.{region}.amazonaws.com.cn",
            },
        )

    return build


def cn_msk_telemetry(region: str = BEIJING) -> Build:
    # docs: msk/configuration, msk/cluster (TLS in transit, at-rest with the stack's key, broker logs to CloudWatch Logs
    # and the stack's bucket), lambda/eventsourcemapping from the cluster's topic, the consumer's bootstrap brokers
    # output (b-1.<cluster>.<id>.c2.kafka.<region>.amazonaws.com.cn:9094).
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("telemetry-kafka", description="MSK at rest", opts=opts)
        logs = aws.cloudwatch.LogGroup("msk-brokers", retention_in_days=30, opts=opts)
        archive = aws.s3.Bucket("msk-broker-logs", opts=opts)
        config = aws.msk.Configuration(
            "telemetry", name="telemetry", kafka_versions=["3.6.0"],
            server_properties="auto.create.topics.enable=false\ndefault.replication.factor=3\n", opts=opts,
        )  # fmt: skip
        cluster = aws.msk.Cluster(
            "telemetry", cluster_name="telemetry", kafka_version="3.6.0", number_of_broker_nodes=3,
            broker_node_group_info={"instance_type": "kafka.m5.large", "client_subnets": ["subnet-a", "subnet-b",
                                                                                          "subnet-c"],
                                    "security_groups": ["sg-msk"]},
            encryption_info={"encryption_at_rest_kms_key_arn": key.arn,
                             "encryption_in_transit": {"client_broker": "TLS", "in_cluster": True}},
            configuration_info={"arn": config.arn, "revision": config.latest_revision},
            logging_info={"broker_logs": {"cloudwatch_logs": {"enabled": True, "log_group": logs.name},
                                          "s3": {"enabled": True, "bucket": archive.id, "prefix": "brokers/"}}},
            opts=opts,
        )  # fmt: skip
        fn = _function(
            "telemetry-consumer", opts, {"BOOTSTRAP": cluster.bootstrap_brokers_tls},
            vpc_config={"subnet_ids": ["subnet-a"], "security_group_ids": ["sg-consumer"]},
        )  # fmt: skip
        return aws.lambda_.EventSourceMapping(
            "telemetry-consumer", event_source_arn=cluster.arn, function_name=fn.arn, topics=["vehicle.telemetry"],
            starting_position="LATEST", opts=opts,
        )  # fmt: skip

    return build


# -- AWS China: analytics ----------------------------------------------------------------------------------------------


def cn_athena_glue(region: str = BEIJING) -> Build:
    # docs: glue/catalogdatabase, glue/crawler over `s3://` of the stack's bucket, athena/workgroup (result
    # configuration to the stack's bucket, SSE_KMS with the stack's key, enforce_workgroup_configuration), athena/
    # namedquery.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("analytics", description="Athena results", opts=opts)
        lake = aws.s3.Bucket("telemetry-lake", opts=opts)
        results = aws.s3.Bucket("athena-results", opts=opts)
        db = aws.glue.CatalogDatabase("telemetry", name="telemetry", opts=opts)
        role = aws.iam.Role("glue-crawler", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
        aws.glue.Crawler(
            "telemetry", database_name=db.name, role=role.arn,
            s3_targets=[{"path": lake.bucket.apply(lambda b: f"s3://{b}/curated/")}], schedule="cron(0 3 * * ? *)",
            opts=opts,
        )  # fmt: skip
        workgroup = aws.athena.Workgroup(
            "fleet-analysts", name="fleet-analysts",
            configuration={"enforce_workgroup_configuration": True,
                           "result_configuration": {"output_location": results.bucket.apply(lambda b: f"s3://{b}/q/"),
                                                    "encryption_configuration": {"encryption_option": "SSE_KMS",
                                                                                 "kms_key_arn": key.arn}}},
            opts=opts,
        )  # fmt: skip
        return aws.athena.NamedQuery(
            "daily-soc", workgroup=workgroup.id, database=db.name,
            query="SELECT vin, avg(soc) FROM telemetry.curated WHERE dt = current_date GROUP BY vin", opts=opts,
        )  # fmt: skip

    return build


def cn_emr_cluster(region: str = BEIJING) -> Build:
    # docs: emr/cluster (release emr-7.1.0, Spark and Hive, log_uri `s3://` of the stack's bucket, service role and
    # instance profile, the Glue Data Catalog as Hive metastore via configurations_json), emr/securityconfiguration (S3
    # SSE-KMS and local disk encryption with the stack's key).
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("emr", description="EMR encryption", opts=opts)
        logs = aws.s3.Bucket("emr-logs", opts=opts)
        security = aws.emr.SecurityConfiguration(
            "fleet-emr", name="fleet-emr",
            configuration=key.arn.apply(lambda k: json.dumps({"EncryptionConfiguration": {
                "EnableInTransitEncryption": False, "EnableAtRestEncryption": True,
                "AtRestEncryptionConfiguration": {
                    "S3EncryptionConfiguration": {"EncryptionMode": "SSE-KMS", "AwsKmsKey": k},
                    "LocalDiskEncryptionConfiguration": {"EncryptionKeyProviderType": "AwsKms", "AwsKmsKey": k},
                }}})),
            opts=opts,
        )  # fmt: skip
        service = aws.iam.Role("emr-service", assume_role_policy=_trust("elasticmapreduce.amazonaws.com"), opts=opts)
        ec2 = aws.iam.Role("emr-ec2", assume_role_policy=_trust("ec2.amazonaws.com"), opts=opts)
        profile = aws.iam.InstanceProfile("emr-ec2", role=ec2.name, opts=opts)
        return aws.emr.Cluster(
            "battery-analytics", release_label="emr-7.1.0", applications=["Spark", "Hive"],
            service_role=service.arn, security_configuration=security.name,
            log_uri=logs.bucket.apply(lambda b: f"s3://{b}/emr/"),
            ec2_attributes={"subnet_id": "subnet-a", "instance_profile": profile.arn},
            master_instance_group={"instance_type": "m5.xlarge"},
            core_instance_group={"instance_type": "m5.xlarge", "instance_count": 2},
            configurations_json=json.dumps([{"Classification": "hive-site", "Properties": {
                "hive.metastore.client.factory.class":
                    "com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory"}}]),
            opts=opts,
        )  # fmt: skip

    return build


def cn_redshift_dr(region: str = BEIJING, dr_region: str = NINGXIA) -> Build:
    # docs: redshift/cluster (encrypted, managed password), redshift/logging to the stack's bucket (the Redshift
    # logging bucket policy for the China regions names the service principal redshift.amazonaws.com and
    # `arn:aws-cn:s3:::` resources), snapshotcopygrant in the DR region, snapshotcopy Beijing -> Ningxia.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        key = aws.kms.Key("warehouse", description="Redshift", opts=opts)
        dr_key = aws.kms.Key("warehouse-dr", description="Redshift snapshot copies", opts=dr)
        grant = aws.redshift.SnapshotCopyGrant(
            "warehouse-dr", snapshot_copy_grant_name="warehouse-dr", kms_key_id=dr_key.arn, opts=dr
        )
        cluster = aws.redshift.Cluster(
            "warehouse", cluster_identifier="fleet-warehouse", database_name="fleet", master_username="admin",
            manage_master_password=True, node_type="ra3.xlplus", cluster_type="multi-node", number_of_nodes=2,
            encrypted="true", kms_key_id=key.arn, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        audit = aws.s3.Bucket("warehouse-audit", opts=opts)
        aws.s3.BucketPolicy(
            "warehouse-audit", bucket=audit.id,
            policy=audit.bucket.apply(lambda b: _policy([{
                "Effect": "Allow", "Principal": {"Service": "redshift.amazonaws.com"},
                "Action": ["s3:PutObject", "s3:GetBucketAcl"],
                "Resource": [f"arn:aws-cn:s3:::{b}", f"arn:aws-cn:s3:::{b}/*"],
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
            }])),
            opts=opts,
        )  # fmt: skip
        aws.redshift.Logging(
            "warehouse", cluster_identifier=cluster.cluster_identifier, log_destination_type="s3",
            bucket_name=audit.bucket, s3_key_prefix="audit/", opts=opts,
        )  # fmt: skip
        return aws.redshift.SnapshotCopy(
            "warehouse", cluster_identifier=cluster.cluster_identifier, destination_region=dr_region,
            retention_period=7, snapshot_copy_grant_name=grant.snapshot_copy_grant_name, opts=opts,
        )  # fmt: skip

    return build


# -- AWS China: containers -----------------------------------------------------------------------------------------


def cn_ecs_from_ecr(region: str = BEIJING) -> Build:
    # docs: ecr/repository (scan on push, KMS encryption), ecr/lifecyclepolicy, ecs/cluster, ecs/taskdefinition (image
    # <account>.dkr.ecr.<region>.amazonaws.com.cn/<repo>:<tag> as "Amazon ECR private registry" gives it for the China
    # regions, awslogs driver in the task's region), ecs/service (FARGATE, private subnets), lb/targetgroup.
    def build(c: Any) -> object:
        opts = _aws(region)
        repo = aws.ecr.Repository(
            "owner-portal", image_scanning_configuration={"scan_on_push": True},
            encryption_configurations=[{"encryption_type": "KMS"}], opts=opts,
        )  # fmt: skip
        aws.ecr.LifecyclePolicy(
            "owner-portal", repository=repo.name,
            policy=json.dumps({"rules": [{"rulePriority": 1, "description": "keep 30",
                                          "selection": {"tagStatus": "any", "countType": "imageCountMoreThan",
                                                        "countNumber": 30},
                                          "action": {"type": "expire"}}]}),
            opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("owner-portal", retention_in_days=90, opts=opts)
        cluster = aws.ecs.Cluster("fleet", settings=[{"name": "containerInsights", "value": "enabled"}], opts=opts)
        execution = aws.iam.Role("portal-exec", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        aws.iam.RolePolicyAttachment(
            "portal-exec", role=execution.name,
            policy_arn="arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", opts=opts,
        )  # fmt: skip
        containers = pulumi.Output.all(repo.repository_url, logs.name).apply(
            lambda a: json.dumps(
                [
                    {
                        "name": "portal",
                        "image": f"{a[0]}:1.8.2",
                        "essential": True,
                        "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
                        "environment": [{"name": "S3_ENDPOINT", "value": f"https://s3.{region}.amazonaws.com.cn"}],
                        "logConfiguration": {
                            "logDriver": "awslogs",
                            "options": {
                                "awslogs-group": a[1],
                                "awslogs-region": region,
                                "awslogs-stream-prefix": "portal",
                            },
                        },
                    }
                ]
            )
        )
        task = aws.ecs.TaskDefinition(
            "owner-portal", family="owner-portal", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
            cpu="512", memory="1024", execution_role_arn=execution.arn, container_definitions=containers, opts=opts,
        )  # fmt: skip
        target = aws.lb.TargetGroup("owner-portal", port=8080, protocol="HTTP", target_type="ip", vpc_id="vpc-fleet",
                                    opts=opts)  # fmt: skip
        return aws.ecs.Service(
            "owner-portal", cluster=cluster.arn, task_definition=task.arn, desired_count=2, launch_type="FARGATE",
            network_configuration={"subnets": ["subnet-a", "subnet-b"], "security_groups": ["sg-portal"]},
            load_balancers=[{"target_group_arn": target.arn, "container_name": "portal", "container_port": 8080}],
            opts=opts,
        )  # fmt: skip

    return build


def cn_ecs_pinned_image(region: str = BEIJING) -> Build:
    # docs: ecs/taskdefinition with the image written out as the team's deploy pipeline pins it
    # (<account>.dkr.ecr.<region>.amazonaws.com.cn/fleet/telemetry-api@sha256:<digest>), its secrets from Secrets
    # Manager by `arn:aws-cn:secretsmanager:` ARN, and the X-Ray daemon sidecar from the stack's own ECR mirror.
    def build(c: Any) -> object:
        opts = _aws(region)
        registry = f"{ACCOUNT}.dkr.ecr.{region}.amazonaws.com.cn"
        containers = json.dumps(
            [
                {
                    "name": "api",
                    "image": f"{registry}/fleet/telemetry-api@sha256:{'a' * 64}",
                    "essential": True,
                    "secrets": [
                        {
                            "name": "DB_PASSWORD",
                            "valueFrom": _arn("secretsmanager", region, "secret:telemetry-db-AbCdEf"),
                        }
                    ],
                    "logConfiguration": {
                        "logDriver": "awslogs",
                        "options": {
                            "awslogs-group": "/ecs/telemetry-api",
                            "awslogs-region": region,
                            "awslogs-stream-prefix": "api",
                        },
                    },
                },
                {
                    "name": "xray",
                    "image": f"{registry}/mirror/aws-xray-daemon:3.3.12",
                    "essential": False,
                    "portMappings": [{"containerPort": 2000, "protocol": "udp"}],
                },
            ]
        )
        return aws.ecs.TaskDefinition(
            "telemetry-api", family="telemetry-api", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
            cpu="1024", memory="2048", execution_role_arn=f"arn:aws-cn:iam::{ACCOUNT}:role/ecsTaskExecutionRole",
            container_definitions=containers, opts=opts,
        )  # fmt: skip

    return build


def cn_eks_cluster(region: str = BEIJING) -> Build:
    # docs: eks/cluster (private endpoint, secrets envelope-encrypted with the stack's key, control-plane logs), the
    # managed policies by `arn:aws-cn:iam::aws:policy/` ARN, eks/nodegroup, eks/addon (vpc-cni, coredns), eks/
    # accessentry for the platform team's role.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("eks-secrets", description="EKS secrets", opts=opts)
        role = aws.iam.Role("eks-cluster", assume_role_policy=_trust("eks.amazonaws.com"), opts=opts)
        aws.iam.RolePolicyAttachment(
            "eks-cluster", role=role.name, policy_arn="arn:aws-cn:iam::aws:policy/AmazonEKSClusterPolicy", opts=opts
        )
        cluster = aws.eks.Cluster(
            "fleet", role_arn=role.arn, version="1.30",
            vpc_config={"subnet_ids": ["subnet-a", "subnet-b"], "endpoint_private_access": True,
                        "endpoint_public_access": False},
            encryption_config={"provider": {"key_arn": key.arn}, "resources": ["secrets"]},
            enabled_cluster_log_types=["api", "audit", "authenticator"],
            access_config={"authentication_mode": "API"}, opts=opts,
        )  # fmt: skip
        nodes = aws.iam.Role("eks-nodes", assume_role_policy=_trust("ec2.amazonaws.com"), opts=opts)
        for policy in ("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"):
            aws.iam.RolePolicyAttachment(
                f"eks-nodes-{policy}", role=nodes.name, policy_arn=f"arn:aws-cn:iam::aws:policy/{policy}", opts=opts
            )
        aws.eks.NodeGroup(
            "general", cluster_name=cluster.name, node_role_arn=nodes.arn, subnet_ids=["subnet-a", "subnet-b"],
            instance_types=["m6i.large"], scaling_config={"desired_size": 3, "min_size": 2, "max_size": 6}, opts=opts,
        )  # fmt: skip
        for addon in ("vpc-cni", "coredns"):
            aws.eks.Addon(addon, cluster_name=cluster.name, addon_name=addon, opts=opts)
        return aws.eks.AccessEntry(
            "platform-team", cluster_name=cluster.name, principal_arn=f"arn:aws-cn:iam::{ACCOUNT}:role/platform-team",
            opts=opts,
        )  # fmt: skip

    return build


# -- AWS China: the owner portal at the edge, DNS, endpoints, IAM ----------------------------------------------------


def cn_cloudfront_portal(region: str = BEIJING, domain: str = "fleet-example.cn") -> Build:
    # docs: "Amazon CloudFront in the China Regions" (docs.amazonaws.cn): an ICP-recorded alternate domain name is
    # required, the certificate is imported to IAM (ACM certificates cannot be used), distributions are served at
    # *.cloudfront.cn; cloudfront/distribution (S3 origin by its regional domain name, origin access identity, logging
    # to the stack's bucket), route53/zone + record (alias to the distribution's domain and hosted zone outputs).
    def build(c: Any) -> object:
        opts = _aws(region)
        site = aws.s3.Bucket("owner-portal-site", opts=opts)
        logs = aws.s3.Bucket("owner-portal-cdn-logs", opts=opts)
        oai = aws.cloudfront.OriginAccessIdentity("owner-portal", comment="owner portal", opts=opts)
        aws.s3.BucketPolicy(
            "owner-portal-site", bucket=site.id,
            policy=pulumi.Output.all(site.bucket, oai.iam_arn).apply(lambda a: _policy([{
                "Effect": "Allow", "Principal": {"AWS": a[1]}, "Action": "s3:GetObject",
                "Resource": f"arn:aws-cn:s3:::{a[0]}/*"}])),
            opts=opts,
        )  # fmt: skip
        distribution = aws.cloudfront.Distribution(
            "owner-portal", enabled=True, aliases=[f"portal.{domain}"], default_root_object="index.html",
            origins=[{"origin_id": "site", "domain_name": site.bucket_regional_domain_name,
                      "s3_origin_config": {"origin_access_identity": oai.cloudfront_access_identity_path}}],
            default_cache_behavior={"target_origin_id": "site", "viewer_protocol_policy": "redirect-to-https",
                                    "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                                    "forwarded_values": {"query_string": False, "cookies": {"forward": "none"}}},
            restrictions={"geo_restriction": {"restriction_type": "none"}},
            viewer_certificate={"iam_certificate_id": "ASCAEXAMPLEPORTALCERT", "ssl_support_method": "sni-only",
                                "minimum_protocol_version": "TLSv1.2_2021"},
            logging_config={"bucket": logs.bucket_domain_name, "prefix": "portal/"},
            opts=opts,
        )  # fmt: skip
        zone = aws.route53.Zone("owner-portal", name=domain, opts=opts)
        return aws.route53.Record(
            "portal", zone_id=zone.zone_id, name=f"portal.{domain}", type="A",
            aliases=[{"name": distribution.domain_name, "zone_id": distribution.hosted_zone_id,
                      "evaluate_target_health": False}],
            opts=opts,
        )  # fmt: skip

    return build


def cn_cloudfront_named_origin(region: str = BEIJING, domain: str = "fleet-example.cn") -> Build:
    # docs: the same distribution as the console shows it after creation, its endpoints written into the stack's DNS
    # and the portal's settings by name: the distribution domain d<id>.cloudfront.cn (CloudFront in China), the S3
    # website origin <bucket>.s3-website.<region>.amazonaws.com.cn (S3 "Website endpoints", China regions) and a
    # CNAME record of the portal's `static` name to the distribution.
    def build(c: Any) -> object:
        opts = _aws(region)
        zone = aws.route53.Zone("static", name=domain, opts=opts)
        aws.route53.Record(
            "static", zone_id=zone.zone_id, name=f"static.{domain}", type="CNAME", ttl=300,
            records=["d1a2b3c4d5e6f7.cloudfront.cn"], opts=opts,
        )  # fmt: skip
        aws.ssm.Parameter(
            "portal-origin", name="/portal/origin", type="String",
            value=f"http://fleet-portal-static.s3-website.{region}.amazonaws.com.cn", opts=opts,
        )  # fmt: skip
        return aws.ssm.Parameter(
            "portal-cdn", name="/portal/cdn", type="String", value="https://d1a2b3c4d5e6f7.cloudfront.cn", opts=opts
        )

    return build


def cn_route53_failover(
    region: str = BEIJING, dr_region: str = NINGXIA, domain: str = "fleet-example.cn", *, endpoint_check: bool = False
) -> Build:
    # docs: route53/healthcheck, route53/record failover routing (PRIMARY: the Beijing API Gateway regional domain,
    # SECONDARY: the Ningxia one), the records' targets taken from apigateway/domainname outputs (regional_domain_name,
    # regional_zone_id) in each region. The primary's health check is a CLOUDWATCH_METRIC check on the Beijing API's
    # 5XX alarm (cloudwatch_alarm_name / cloudwatch_alarm_region), or with `endpoint_check` an HTTPS endpoint check
    # without `regions` (run by Route 53's health checkers, whose locations for the China regions no document gives).
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        zone = aws.route53.Zone("owners", name=domain, opts=opts)
        names = {}
        for name, o in (("beijing", opts), ("ningxia", dr)):
            # ACM in the China regions holds imported certificates (it issues no public ones).
            names[name] = aws.apigateway.DomainName(
                f"api-{name}", domain_name=f"api.{domain}", endpoint_configuration={"types": "REGIONAL"},
                regional_certificate_arn=_arn("acm", region if name == "beijing" else dr_region,
                                              f"certificate/0a1b2c3d-{name}"),
                opts=o,
            )  # fmt: skip
        if endpoint_check:
            check = aws.route53.HealthCheck(
                "api-beijing-health", type="HTTPS", resource_path="/health", port=443, failure_threshold=3,
                request_interval=30, fqdn=f"api-beijing.{domain}", opts=opts,
            )  # fmt: skip
        else:
            alarm = aws.cloudwatch.MetricAlarm(
                "api-beijing-5xx", comparison_operator="GreaterThanThreshold", evaluation_periods=3,
                metric_name="5XXError", namespace="AWS/ApiGateway", period=60, statistic="Sum", threshold=20,
                dimensions={"ApiName": "owner-api", "Stage": "prod"}, opts=opts,
            )  # fmt: skip
            check = aws.route53.HealthCheck(
                "api-beijing-health", type="CLOUDWATCH_METRIC", cloudwatch_alarm_name=alarm.name,
                cloudwatch_alarm_region=region, insufficient_data_health_status="LastKnownStatus", opts=opts,
            )  # fmt: skip
        last = None
        for name, role in (("beijing", "PRIMARY"), ("ningxia", "SECONDARY")):
            last = aws.route53.Record(
                f"api-{name}", zone_id=zone.zone_id, name=f"api.{domain}", type="A", set_identifier=name,
                failover_routing_policies=[{"type": role}],
                health_check_id=check.id if role == "PRIMARY" else None,
                aliases=[{"name": names[name].regional_domain_name, "zone_id": names[name].regional_zone_id,
                          "evaluate_target_health": True}],
                opts=opts,
            )  # fmt: skip
        return last

    return build


def cn_vpc_endpoints(region: str = BEIJING) -> Build:
    # docs: "Amazon VPC endpoints in the China Regions": interface endpoints named cn.com.amazonaws.<region>.<service>
    # for the services that use that form (ecr.api, ecr.dkr, ...), com.amazonaws.<region>.<service> for the others
    # and for the S3 / DynamoDB gateway endpoints; an endpoint policy with `arn:aws-cn:` resources.
    def build(c: Any) -> object:
        opts = _aws(region)
        aws.ec2.VpcEndpoint(
            "s3", vpc_id="vpc-fleet", vpc_endpoint_type="Gateway", service_name=f"com.amazonaws.{region}.s3",
            route_table_ids=["rtb-private"],
            policy=_policy([{"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:PutObject"],
                             "Resource": ["arn:aws-cn:s3:::fleet-*/*",
                                          f"arn:aws-cn:s3:::prod-{region}-starport-layer-bucket/*"]}]),
            opts=opts,
        )  # fmt: skip
        aws.ec2.VpcEndpoint(
            "dynamodb", vpc_id="vpc-fleet", vpc_endpoint_type="Gateway",
            service_name=f"com.amazonaws.{region}.dynamodb", route_table_ids=["rtb-private"], opts=opts,
        )  # fmt: skip
        last = None
        for service in ("ecr.api", "ecr.dkr"):
            last = aws.ec2.VpcEndpoint(
                service.replace(".", "-"), vpc_id="vpc-fleet", vpc_endpoint_type="Interface", private_dns_enabled=True,
                service_name=f"cn.com.amazonaws.{region}.{service}", subnet_ids=["subnet-a", "subnet-b"],
                security_group_ids=["sg-endpoints"], opts=opts,
            )  # fmt: skip
        for service in ("logs", "kms", "secretsmanager", "monitoring"):
            last = aws.ec2.VpcEndpoint(
                service, vpc_id="vpc-fleet", vpc_endpoint_type="Interface", private_dns_enabled=True,
                service_name=f"com.amazonaws.{region}.{service}", subnet_ids=["subnet-a", "subnet-b"],
                security_group_ids=["sg-endpoints"], opts=opts,
            )  # fmt: skip
        return last

    return build


def cn_iam_guardrails(region: str = BEIJING) -> Build:
    # docs: iam/policy (deny outside the China regions with aws:RequestedRegion, allow the stack's resources by
    # `arn:aws-cn:` ARN), iam/role with a permissions boundary, iam/user-less SAML federation: iam/samlprovider is not
    # used; the role trusts the account root (`arn:aws-cn:iam::<account>:root`) with MFA.
    def build(c: Any) -> object:
        opts = _aws(region)
        boundary = aws.iam.Policy(
            "fleet-boundary",
            policy=_policy([
                {"Effect": "Deny", "NotAction": ["iam:*", "sts:*", "cloudfront:*", "route53:*"], "Resource": "*",
                 "Condition": {"StringNotEquals": {"aws:RequestedRegion": [BEIJING, NINGXIA]}}},
                {"Effect": "Allow", "Action": ["s3:*", "dynamodb:*", "kms:Decrypt", "kms:GenerateDataKey"],
                 "Resource": ["arn:aws-cn:s3:::fleet-*", "arn:aws-cn:s3:::fleet-*/*",
                              _arn("dynamodb", BEIJING, "table/owner-*"), _arn("dynamodb", NINGXIA, "table/owner-*"),
                              _arn("kms", BEIJING, "key/*")]},
            ]),
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role(
            "fleet-operator", permissions_boundary=boundary.arn,
            assume_role_policy=_policy([{"Effect": "Allow", "Principal": {"AWS": f"arn:aws-cn:iam::{ACCOUNT}:root"},
                                         "Action": "sts:AssumeRole",
                                         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]),
            opts=opts,
        )  # fmt: skip
        return aws.iam.RolePolicyAttachment("fleet-operator", role=role.name, policy_arn=boundary.arn, opts=opts)

    return build


def cn_alarms_to_sns(region: str = BEIJING, *, ops_mail: bool = False) -> Build:
    # docs: sns/topic (KMS alias/aws/sns), sns/topicsubscription to the stack's SQS queue and Lambda, cloudwatch/
    # metricalarm on the API's 5XX and the queue's age (alarm_actions: the topic), cloudwatch/compositealarm.
    # `ops_mail`: an email subscription for the operations mailbox (protocol email, the corporate address), which
    # SNS delivers to the mail domain's servers.
    def build(c: Any) -> object:
        opts = _aws(region)
        topic = aws.sns.Topic("fleet-alarms", kms_master_key_id="alias/aws/sns", opts=opts)
        queue = aws.sqs.Queue("fleet-alarms", opts=opts)
        aws.sns.TopicSubscription("alarms-queue", topic=topic.arn, protocol="sqs", endpoint=queue.arn, opts=opts)
        if ops_mail:
            aws.sns.TopicSubscription(
                "alarms-ops-mail", topic=topic.arn, protocol="email", endpoint="fleet-ops@fleet-example.cn", opts=opts
            )
        pager = _function("alarm-router", opts, {"TOPIC": topic.arn})
        aws.sns.TopicSubscription("alarms-router", topic=topic.arn, protocol="lambda", endpoint=pager.arn, opts=opts)
        api = aws.cloudwatch.MetricAlarm(
            "owner-api-5xx", comparison_operator="GreaterThanThreshold", evaluation_periods=3, metric_name="5XXError",
            namespace="AWS/ApiGateway", period=60, statistic="Sum", threshold=5,
            dimensions={"ApiName": "owner-api", "Stage": "prod"}, alarm_actions=[topic.arn], ok_actions=[topic.arn],
            opts=opts,
        )  # fmt: skip
        age = aws.cloudwatch.MetricAlarm(
            "telemetry-backlog", comparison_operator="GreaterThanThreshold", evaluation_periods=5,
            metric_name="ApproximateAgeOfOldestMessage", namespace="AWS/SQS", period=60, statistic="Maximum",
            threshold=600, dimensions={"QueueName": "telemetry"}, alarm_actions=[topic.arn], opts=opts,
        )  # fmt: skip
        return aws.cloudwatch.CompositeAlarm(
            "owner-service-degraded", alarm_name="owner-service-degraded", alarm_actions=[topic.arn],
            alarm_rule=pulumi.Output.all(api.name, age.name).apply(
                lambda n: f'ALARM("{n[0]}") AND ALARM("{n[1]}")'),
            opts=opts,
        )  # fmt: skip

    return build


# -- AWS China: DR between Beijing and Ningxia ------------------------------------------------------------------------


def cn_backup_to_ningxia(region: str = BEIJING, dr_region: str = NINGXIA) -> Build:
    # docs: backup/vault (the stack's key) in each region, backup/plan with a copy action to the Ningxia vault by its
    # `arn:aws-cn:backup:cn-northwest-1:` ARN, backup/selection by tag, the AWSBackupServiceRolePolicyForBackup managed
    # policy by its aws-cn ARN.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        key = aws.kms.Key("backup", description="Backup vault", opts=opts)
        vault = aws.backup.Vault("fleet", name="fleet", kms_key_arn=key.arn, opts=opts)
        aws.backup.Vault("fleet-dr", name="fleet-dr", opts=dr)
        plan = aws.backup.Plan(
            "fleet-daily",
            rules=[{"rule_name": "daily", "target_vault_name": vault.name, "schedule": "cron(0 18 * * ? *)",
                    "lifecycle": {"delete_after": 35},
                    "copy_actions": [{"destination_vault_arn": _arn("backup", dr_region, "backup-vault:fleet-dr"),
                                      "lifecycle": {"delete_after": 90}}]}],
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("backup", assume_role_policy=_trust("backup.amazonaws.com"), opts=opts)
        aws.iam.RolePolicyAttachment(
            "backup", role=role.name,
            policy_arn="arn:aws-cn:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup", opts=opts,
        )  # fmt: skip
        return aws.backup.Selection(
            "tagged", plan_id=plan.id, iam_role_arn=role.arn,
            selection_tags=[{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}], opts=opts,
        )  # fmt: skip

    return build


def cn_data_replication(region: str = BEIJING, dr_region: str = NINGXIA) -> Build:
    # docs: s3/bucketreplicationconfig (versioned buckets, SSE-KMS objects replicated with the Ningxia key),
    # dynamodb/table replicas (global table in the two China regions), rds/instanceautomatedbackupsreplication of
    # the Beijing instance to Ningxia with the DR key.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        dr_key = aws.kms.Key("records-dr", description="Ningxia replicas", opts=dr)
        source = aws.s3.Bucket("service-records", opts=opts)
        target = aws.s3.Bucket("service-records-dr", opts=dr)
        versioning = [
            aws.s3.BucketVersioning(f"{n}-versioning", bucket=b.id, versioning_configuration={"status": "Enabled"},
                                    opts=o)
            for n, b, o in (("service-records", source, opts), ("service-records-dr", target, dr))
        ]  # fmt: skip
        role = aws.iam.Role("replication", assume_role_policy=_trust("s3.amazonaws.com"), opts=opts)
        aws.s3.BucketReplicationConfig(
            "service-records", bucket=source.id, role=role.arn,
            rules=[{"id": "to-ningxia", "status": "Enabled", "filter": {}, "delete_marker_replication":
                    {"status": "Enabled"},
                    "source_selection_criteria": {"sse_kms_encrypted_objects": {"status": "Enabled"}},
                    "destination": {"bucket": target.arn, "storage_class": "STANDARD",
                                    "encryption_configuration": {"replica_kms_key_id": dr_key.arn}}}],
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=versioning)),
        )  # fmt: skip
        aws.dynamodb.Table(
            "vehicle-state", billing_mode="PAY_PER_REQUEST", hash_key="vin", attributes=[{"name": "vin", "type": "S"}],
            stream_enabled=True, stream_view_type="NEW_AND_OLD_IMAGES",
            replicas=[{"region_name": dr_region, "kms_key_arn": dr_key.arn}], opts=opts,
        )  # fmt: skip
        db = aws.rds.Instance(
            "service-db", engine="mysql", engine_version="8.0", instance_class="db.m6g.large", allocated_storage=50,
            storage_encrypted=True, username="admin", manage_master_user_password=True, backup_retention_period=7,
            skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        return aws.rds.InstanceAutomatedBackupsReplication(
            "service-db", source_db_instance_arn=db.arn, kms_key_id=dr_key.arn, retention_period=14, opts=dr
        )

    return build


def cn_elb_access_logs(region: str = BEIJING) -> Build:
    # docs: lb/loadbalancer (application, internet-facing) with access_logs to the stack's bucket, whose policy lets
    # the region's ELB account write (the "Enable access logs" page lists the account of each China region:
    # arn:aws-cn:iam::<elb-account>:root), lb/listener HTTPS with an IAM server certificate (ACM is not used in China).
    def build(c: Any) -> object:
        opts = _aws(region)
        logs = aws.s3.Bucket("alb-logs", opts=opts)
        policy = aws.s3.BucketPolicy(
            "alb-logs", bucket=logs.id,
            policy=logs.bucket.apply(lambda b: _policy([{
                "Effect": "Allow", "Principal": {"AWS": f"arn:aws-cn:iam::{ELB_ACCOUNTS[region]}:root"},
                "Action": "s3:PutObject", "Resource": f"arn:aws-cn:s3:::{b}/portal/AWSLogs/{ACCOUNT}/*"}])),
            opts=opts,
        )  # fmt: skip
        alb = aws.lb.LoadBalancer(
            "owner-portal", load_balancer_type="application", subnets=["subnet-pub-a", "subnet-pub-b"],
            security_groups=["sg-alb"], access_logs={"bucket": logs.bucket, "prefix": "portal", "enabled": True},
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[policy])),
        )  # fmt: skip
        target = aws.lb.TargetGroup("portal", port=8080, protocol="HTTP", target_type="ip", vpc_id="vpc-fleet",
                                    opts=opts)  # fmt: skip
        return aws.lb.Listener(
            "https", load_balancer_arn=alb.arn, port=443, protocol="HTTPS",
            ssl_policy="ELBSecurityPolicy-TLS13-1-2-2021-06",
            certificate_arn=f"arn:aws-cn:iam::{ACCOUNT}:server-certificate/portal-fleet-example-cn",
            default_actions=[{"type": "forward", "target_group_arn": target.arn}], opts=opts,
        )  # fmt: skip

    return build


def cn_toolkit_storage() -> Build:
    # The toolkit's AwsCountryKeys + AwsCountryStorage in CN (docs/components.md), Beijing primary and Ningxia
    # secondary, and the user's own Lambda reading the telemetry bucket with its key.
    def build(c: Any) -> object:
        primary = aws.Provider("aws-cn-north-1", region=BEIJING)
        other = aws.Provider("aws-cn-northwest-1", region=NINGXIA)
        classes = ["vehicle_telemetry", "owner_personal_data"]
        keys = AwsCountryKeys(
            "fleet-keys",
            AwsCountryKeysArgs(jurisdiction="CN", data_classes=classes, rotation_days=365, deletion_window_days=30,
                               primary=primary, secondary=other, disk_key=False),
        )  # fmt: skip
        AwsCountryStorage(
            "fleet-storage",
            AwsCountryStorageArgs(jurisdiction="CN", retention_days={"vehicle_telemetry": 365,
                                                                     "owner_personal_data": 1095},
                                  keys=keys.keys, primary=primary, secondary=other, replica_keys=keys.replica_keys),
        )  # fmt: skip
        opts = pulumi.ResourceOptions(provider=primary)
        return _function(
            "telemetry-reader",
            opts,
            {"KEY_ARN": keys.keys["vehicle_telemetry"].arn, "S3_ENDPOINT": "https://s3.cn-north-1.amazonaws.com.cn"},
        )

    return build


def cn_edge_and_events(region: str = BEIJING, dr_region: str = NINGXIA, domain: str = "fleet-example.cn") -> Build:
    # docs: wafv2/webacl (REGIONAL, the AWS managed common rule set) + webaclloggingconfiguration to a log group named
    # aws-waf-logs-*, a CloudFront distribution in China whose origin is the Ningxia ALB by its DNS name
    # (<name>-<id>.cn-northwest-1.elb.amazonaws.com.cn), a Route 53 geolocation record (country CN) to the Beijing ALB,
    # cloudwatch/eventrule + eventtarget forwarding fleet events to the DR event bus in Ningxia by its
    # `arn:aws-cn:events:cn-northwest-1:` ARN (cross-Region event buses).
    def build(c: Any) -> object:
        opts = _aws(region)
        acl = aws.wafv2.WebAcl(
            "owner-portal", scope="REGIONAL", default_action={"allow": {}},
            visibility_config={"cloudwatch_metrics_enabled": True, "metric_name": "owner-portal",
                               "sampled_requests_enabled": True},
            rules=[{"name": "common", "priority": 1, "override_action": {"none": {}},
                    "statement": {"managed_rule_group_statement": {"name": "AWSManagedRulesCommonRuleSet",
                                                                   "vendor_name": "AWS"}},
                    "visibility_config": {"cloudwatch_metrics_enabled": True, "metric_name": "common",
                                          "sampled_requests_enabled": True}}],
            opts=opts,
        )  # fmt: skip
        waf_logs = aws.cloudwatch.LogGroup(
            "waf-logs", name="aws-waf-logs-owner-portal", retention_in_days=90, opts=opts
        )
        aws.wafv2.WebAclLoggingConfiguration("owner-portal", resource_arn=acl.arn,
                                             log_destination_configs=[waf_logs.arn], opts=opts)  # fmt: skip
        aws.cloudfront.Distribution(
            "owner-api", enabled=True, aliases=[f"api.{domain}"],
            origins=[{"origin_id": "ningxia-alb",
                      "domain_name": f"owner-api-1234567890.{dr_region}.elb.amazonaws.com.cn",
                      "custom_origin_config": {"http_port": 80, "https_port": 443,
                                               "origin_protocol_policy": "https-only",
                                               "origin_ssl_protocols": ["TLSv1.2"]}}],
            default_cache_behavior={"target_origin_id": "ningxia-alb", "viewer_protocol_policy": "https-only",
                                    "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                                    "forwarded_values": {"query_string": True, "cookies": {"forward": "none"}}},
            restrictions={"geo_restriction": {"restriction_type": "none"}},
            viewer_certificate={"iam_certificate_id": "ASCAEXAMPLEAPICERT", "ssl_support_method": "sni-only"},
            opts=opts,
        )  # fmt: skip
        zone = aws.route53.Zone("owners-geo", name=domain, opts=opts)
        aws.route53.Record(
            "api-cn", zone_id=zone.zone_id, name=f"owners.{domain}", type="CNAME", ttl=60, set_identifier="cn",
            geolocation_routing_policies=[{"country": "CN"}],
            records=[f"owner-portal-1234567890.{region}.elb.amazonaws.com.cn"], opts=opts,
        )  # fmt: skip
        rule = aws.cloudwatch.EventRule(
            "fleet-to-dr", event_pattern=json.dumps({"source": ["fleet.vehicles"]}), opts=opts
        )
        role = aws.iam.Role("events-to-dr", assume_role_policy=_trust("events.amazonaws.com"), opts=opts)
        return aws.cloudwatch.EventTarget(
            "fleet-to-dr", rule=rule.name, arn=_arn("events", dr_region, "event-bus/fleet-dr"), role_arn=role.arn,
            opts=opts,
        )  # fmt: skip

    return build


def cn_dealer_services(region: str = BEIJING) -> Build:
    # docs: transfer/server (SFTP, VPC endpoint, service-managed users) + transfer/user with a home directory in the
    # stack's bucket, docdb/cluster (encrypted, the stack's key) for dealer profiles, msk/serverlesscluster (IAM auth)
    # for dealer events, the dealer-sync Lambda given the cluster's endpoint output.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("dealer-data", description="Dealer data", opts=opts)
        inbox = aws.s3.Bucket("dealer-inbox", opts=opts)
        server = aws.transfer.Server(
            "dealers", endpoint_type="VPC", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED",
            endpoint_details={"vpc_id": "vpc-fleet", "subnet_ids": ["subnet-a", "subnet-b"]}, opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("dealer-sftp", assume_role_policy=_trust("transfer.amazonaws.com"), opts=opts)
        aws.transfer.User(
            "dealer-0421", server_id=server.id, user_name="dealer-0421", role=role.arn, home_directory_type="LOGICAL",
            home_directory_mappings=[{"entry": "/", "target": inbox.bucket.apply(lambda b: f"/{b}/dealer-0421")}],
            opts=opts,
        )  # fmt: skip
        docdb = aws.docdb.Cluster(
            "dealer-profiles", master_username="dealeradmin", manage_master_user_password=True,
            storage_encrypted=True, kms_key_id=key.arn, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        aws.msk.ServerlessCluster(
            "dealer-events", cluster_name="dealer-events",
            vpc_configs=[{"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-msk"]}],
            client_authentication={"sasl": {"iam": {"enabled": True}}}, opts=opts,
        )  # fmt: skip
        return _function("dealer-sync", opts, {"DOCDB_HOST": docdb.endpoint, "INBOX": inbox.bucket})

    return build


# -- AWS China: the transfer register ---------------------------------------------------------------------------------


def cn_plant_mes_link(region: str = BEIJING) -> Build:
    # docs: ec2/customergateway + vpngateway + vpnconnection (static routes) to the Shanghai plant's data centre, a
    # route53/resolverendpoint (OUTBOUND) + resolverrule forwarding plant-sh.example.cn to its DNS servers, and the
    # quality-sync Lambda in the VPC calling the plant's MES by name. The plant is a declared resident host.
    def build(c: Any) -> object:
        opts = _aws(region)
        cgw = aws.ec2.CustomerGateway("shanghai-plant", bgp_asn="65010", ip_address="203.0.113.80", type="ipsec.1",
                                      opts=opts)  # fmt: skip
        vgw = aws.ec2.VpnGateway("plant-link", vpc_id="vpc-fleet", opts=opts)
        aws.ec2.VpnConnection("shanghai-plant", customer_gateway_id=cgw.id, vpn_gateway_id=vgw.id, type="ipsec.1",
                              static_routes_only=True, opts=opts)  # fmt: skip
        resolver = aws.route53.ResolverEndpoint(
            "to-plant-dns", direction="OUTBOUND", security_group_ids=["sg-resolver"],
            ip_addresses=[{"subnet_id": "subnet-a"}, {"subnet_id": "subnet-b"}], opts=opts,
        )  # fmt: skip
        rule = aws.route53.ResolverRule(
            "plant-sh", domain_name="plant-sh.example.cn", rule_type="FORWARD", resolver_endpoint_id=resolver.id,
            target_ips=[{"ip": "10.210.0.53"}, {"ip": "10.210.1.53"}], opts=opts,
        )  # fmt: skip
        aws.route53.ResolverRuleAssociation("plant-sh", resolver_rule_id=rule.id, vpc_id="vpc-fleet", opts=opts)
        return _function(
            "quality-sync", opts, {"MES_API": "https://mes.plant-sh.example.cn/api/v2/"},
            vpc_config={"subnet_ids": ["subnet-a", "subnet-b"], "security_group_ids": ["sg-quality"]},
        )  # fmt: skip

    return build


def cn_supplier_diagnostics(region: str = BEIJING, *, stray: bool = False) -> Build:
    # docs: lambda/function (weekly export of battery-pack fault codes to the German cell supplier's intake, under a
    # standard contract filed with the CAC, limited to the export's resources) on a scheduler/schedule, staging in the
    # stack's bucket. `stray`: the stack's marketing Lambda is also given the supplier's intake, outside the resources
    # the transfer is limited to.
    def build(c: Any) -> object:
        opts = _aws(region)
        staging = aws.s3.Bucket("supplier-diagnostics-staging", opts=opts)
        fn = _function("supplier-diagnostics-export", opts,
                       {"STAGING_BUCKET": staging.bucket,
                        "SUPPLIER_INTAKE": "https://intake.partner.example.com/v1/diagnostics"})  # fmt: skip
        role = aws.iam.Role("scheduler", assume_role_policy=_trust("scheduler.amazonaws.com"), opts=opts)
        last: Any = aws.scheduler.Schedule(
            "supplier-diagnostics-weekly", schedule_expression="cron(0 2 ? * MON *)",
            flexible_time_window={"mode": "OFF"}, target={"arn": fn.arn, "role_arn": role.arn}, opts=opts,
        )  # fmt: skip
        if stray:
            last = _function("campaign-sync", opts, {"PARTNER_API": "https://intake.partner.example.com/v1/campaigns"})
        return last

    return build


PLANT_RESIDENT: list[dict[str, Any]] = [
    # CN: the Shanghai plant's data centre (its VPN endpoint and its MES names), on-premises in Shanghai.
    {"id": "shanghai-plant-vpn", "kind": "resident", "match": "203.0.113.80",
     "evidence": "Shanghai Lingang plant data centre, facility register FR-SH-01"},
    {"id": "shanghai-plant-mes", "kind": "resident", "match": "*.plant-sh.example.cn",
     "evidence": "Shanghai Lingang plant data centre, facility register FR-SH-01"},
]  # fmt: skip
SUPPLIER_STANDARD_CONTRACT: dict[str, Any] = {
    # CN -> the German cell supplier: a standard contract (PIPL art. 38(1)3, filed with the provincial CAC) for
    # VIN-bound diagnostics, limited to the export Lambda (data_protection.yaml: not important data).
    "id": "cell-supplier-de",
    "kind": "transfer",
    "match": "https://intake.partner.example.com/v1/",
    "destination": "DE",
    "data_classes": ["vehicle_diagnostics"],
    "basis": "standard-contract",
    "reference": "CAC-SC-2026-014",
    "approved_by": "dpo@example.cn",
    "expires": "2099-12-31",
    "resources": ["supplier-diagnostics-export*"],
}


# -- Alibaba Cloud, mainland regions ---------------------------------------------------------------------------------


def ali_iot_forwarding(region: str = "cn-shanghai") -> Build:
    # docs: IoT Platform's rules engine has no Pulumi resource; ROS has ALIYUN::IOT::Rule / ALIYUN::IOT::RuleAction
    # (ROS developer reference), deployed as a ros/stack. The rule forwards `/<product>/+/user/telemetry` to the
    # stack's Tablestore instance (OTS action: instanceName, tableName, regionName) and to its Function Compute
    # function (FC action: regionName, serviceName, functionName); the Tablestore instance and table, the function.
    def build(c: Any) -> object:
        opts = _ali(region)
        ots = alicloud.ots.Instance(
            "vehicle-state", name="vehicle-state", accessed_by="Vpc", instance_type="HighPerformance", opts=opts
        )
        alicloud.ots.Table(
            "telemetry", instance_name=ots.name, table_name="telemetry", time_to_live=-1, max_version=1,
            primary_keys=[{"name": "vin", "type": "String"}, {"name": "ts", "type": "Integer"}], opts=opts,
        )  # fmt: skip
        fn = _fc(
            "telemetry-enrich", opts, {"OTS_ENDPOINT": f"https://vehicle-state.{region}.vpc.tablestore.aliyuncs.com"}
        )
        template = pulumi.Output.all(ots.name, fn.function_name).apply(
            lambda a: json.dumps(
                {
                    "ROSTemplateFormatVersion": "2015-09-01",
                    "Resources": {
                        "TelemetryRule": {
                            "Type": "ALIYUN::IOT::Rule",
                            "Properties": {
                                "Name": "telemetry",
                                "ProductKey": "a1FleetEv01",
                                "ShortTopic": "+/user/telemetry",
                                "Select": "deviceName() as vin, timestamp() as ts, *",
                                "DataType": "JSON",
                                "TopicType": 1,
                                "IotInstanceId": "iot-cn-fleet01",
                            },
                        },
                        "ToTablestore": {
                            "Type": "ALIYUN::IOT::RuleAction",
                            "Properties": {
                                "RuleId": {"Fn::GetAtt": ["TelemetryRule", "RuleId"]},
                                "Type": "OTS",
                                "IotInstanceId": "iot-cn-fleet01",
                                "Configuration": json.dumps(
                                    {
                                        "instanceName": a[0],
                                        "tableName": "telemetry",
                                        "regionName": region,
                                        "primaryKeys": [
                                            {"columnName": "vin", "value": "${vin}"},
                                            {"columnName": "ts", "value": "${ts}"},
                                        ],
                                    }
                                ),
                            },
                        },
                        "ToFunction": {
                            "Type": "ALIYUN::IOT::RuleAction",
                            "Properties": {
                                "RuleId": {"Fn::GetAtt": ["TelemetryRule", "RuleId"]},
                                "Type": "FC",
                                "IotInstanceId": "iot-cn-fleet01",
                                "Configuration": json.dumps({"regionName": region, "functionName": a[1]}),
                            },
                        },
                    },
                }
            )
        )
        return alicloud.ros.Stack("iot-telemetry-rules", stack_name="iot-telemetry-rules", template_body=template,
                                  opts=opts)  # fmt: skip

    return build


def ali_kafka_flink(region: str = "cn-hangzhou", *, bootstrap_by_hand: bool = False) -> Build:
    # docs: alikafka/instance (VPC, deploy_type 5) + topic + consumergroup, realtimecompute/vvpinstance (Flink, its OSS
    # bucket and vSwitch), an FC function given the instance's bootstrap servers (its end_point output); with
    # `bootstrap_by_hand` the bootstrap is written as the console shows it
    # (alikafka-pre-cn-<id>-1-vpc.alikafka.aliyuncs.com:9092), a host that names no region.
    def build(c: Any) -> object:
        opts = _ali(region)
        kafka = alicloud.alikafka.Instance(
            "telemetry", name="telemetry", partition_num=50, disk_type=1, disk_size=500, deploy_type=5, io_max=20,
            vswitch_id="vsw-kafka", security_group="sg-kafka", opts=opts,
        )  # fmt: skip
        alicloud.alikafka.Topic("vehicle-telemetry", instance_id=kafka.id, topic="vehicle-telemetry",
                                local_topic=False, compact_topic=False, partition_num=12, remark="telemetry",
                                opts=opts)  # fmt: skip
        alicloud.alikafka.ConsumerGroup("flink-soc", instance_id=kafka.id, consumer_id="flink-soc", opts=opts)
        state = alicloud.oss.Bucket("flink-state", bucket=f"fleet-flink-state-{region}", opts=opts)
        alicloud.realtimecompute.VvpInstance(
            "soc-jobs", vvp_instance_name="soc-jobs", payment_type="PayAsYouGo", zone_id=f"{region}-h",
            vpc_id="vpc-fleet", vswitch_ids=["vsw-flink"], storage={"oss": {"bucket": state.bucket}},
            resource_spec={"cpu": 8, "memory_gb": 32}, opts=opts,
        )  # fmt: skip
        bootstrap = "alikafka-pre-cn-7mz2abcd0001-1-vpc.alikafka.aliyuncs.com:9092" if bootstrap_by_hand else None
        return _fc("telemetry-bridge", opts, {"KAFKA_BOOTSTRAP": bootstrap or kafka.end_point})

    return build


def ali_maxcompute_dataworks(region: str = "cn-beijing", *, serving_region: str | None = None) -> Build:
    # docs: maxcompute/project (default quota), hologram/instance (a dedicated-VPC endpoint), dataworks/project (PAI
    # tasks off); a DataWorks data source is configured in the console, so the sync task's MaxCompute endpoint
    # (service.<region>.maxcompute.aliyun-inc.com, "Endpoints" of MaxCompute) is in an OOS parameter the scheduling
    # script reads, and the serving function is given the Hologres instance's dedicated-VPC endpoint as the console
    # shows it (<instanceID>-<region>-vpc-st.hologres.aliyuncs.com:80, "Endpoints for connecting to Hologres").
    # `serving_region`: the endpoint of an instance in another region (the offending twin: cn-hongkong).
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.maxcompute.Project(
            "fleet_warehouse", project_name="fleet_warehouse", comment="EV fleet warehouse",
            default_quota="默认后付费Quota", opts=opts,
        )  # fmt: skip
        alicloud.hologram.Instance(
            "fleet-serving", instance_name="fleet-serving", instance_type="Standard", payment_type="PayAsYouGo",
            zone_id=f"{region}-i", cpu=32,
            endpoints=[{"type": "VPCSingleTunnel", "vpc_id": "vpc-fleet", "vswitch_id": "vsw-holo"}], opts=opts,
        )  # fmt: skip
        project = alicloud.dataworks.Project(
            "fleet-dw", project_name="fleet_dw", display_name="fleet_dw", description="fleet warehouse pipelines",
            pai_task_enabled=False, opts=opts,
        )  # fmt: skip
        del project
        alicloud.oos.Parameter(
            "maxcompute-endpoint", parameter_name="fleet-maxcompute-endpoint", type="String",
            value=f"http://service.{region}.maxcompute.aliyun-inc.com/api", opts=opts,
        )  # fmt: skip
        holo = f"hgpostcn-cn-7mz2abcd0002-{serving_region or region}-vpc-st.hologres.aliyuncs.com:80"
        return _fc(
            "soc-serving",
            opts,
            {"PGHOST": holo.rsplit(":", 1)[0], "HOLOGRES_URL": f"postgresql://{holo}/fleet"},
            vpc_config={"vpc_id": "vpc-fleet", "vswitch_ids": ["vsw-holo"], "security_group_id": "sg-fc"},
        )

    return build


def ali_oss_lifecycle_replication(region: str = "cn-shanghai", dest_region: str = "cn-beijing") -> Build:
    # docs: oss/bucket (versioning, server-side KMS), oss/bucketlifecycle... the bucket's lifecycle_rules (to IA after
    # 30 days, to Archive after 180), oss/bucketreplication to a bucket in another mainland region (destination
    # location oss-<region>), oss/bucketlogging to the stack's log bucket.
    def build(c: Any) -> object:
        opts, dest = _ali(region), _ali(dest_region)
        logs = alicloud.oss.Bucket("oss-access-logs", bucket=f"fleet-oss-logs-{region}", opts=opts)
        source = alicloud.oss.Bucket(
            "dashcam-clips", bucket=f"fleet-dashcam-{region}", versioning={"status": "Enabled"},
            server_side_encryption_rule={"sse_algorithm": "KMS"},
            lifecycle_rules=[{"id": "tiering", "enabled": True, "prefix": "clips/",
                              "transitions": [{"days": 30, "storage_class": "IA"},
                                              {"days": 180, "storage_class": "Archive"}]}],
            opts=opts,
        )  # fmt: skip
        alicloud.oss.BucketLogging("dashcam-clips", bucket=source.bucket, target_bucket=logs.bucket,
                                   target_prefix="dashcam/", opts=opts)  # fmt: skip
        target = alicloud.oss.Bucket("dashcam-clips-dr", bucket=f"fleet-dashcam-{dest_region}",
                                     versioning={"status": "Enabled"}, opts=dest)  # fmt: skip
        return alicloud.oss.BucketReplication(
            "dashcam-to-dr", bucket=source.bucket, action="PUT,DELETE",
            destination={"bucket": target.bucket, "location": f"oss-{dest_region}"},
            sync_role="AliyunOSSRole", historical_object_replication="enabled", opts=opts,
        )  # fmt: skip

    return build


def ali_ack_acr(region: str = "cn-hangzhou") -> Build:
    # docs: cr/registryenterpriseinstance + cs/registryenterprisenamespace + registryenterpriserepo,
    # cs/managedkubernetes (ACK Pro, RRSA), cs/nodepool, and an ECI container group pulling from the ACR EE VPC host
    # (<instance>-registry-vpc.<region>.cr.aliyuncs.com) and from the personal edition's VPC host
    # (registry-vpc.<region>.aliyuncs.com: "Container Registry endpoints").
    def build(c: Any) -> object:
        opts = _ali(region)
        registry = alicloud.cr.RegistryEnterpriseInstance(
            "fleet-registry", instance_name="fleet-registry", instance_type="Standard", payment_type="Subscription",
            period=1, opts=opts,
        )  # fmt: skip
        namespace = alicloud.cs.RegistryEnterpriseNamespace(
            "fleet", instance_id=registry.id, name="fleet", auto_create=False, default_visibility="PRIVATE", opts=opts
        )
        alicloud.cs.RegistryEnterpriseRepo("owner-api", instance_id=registry.id, namespace=namespace.name,
                                           name="owner-api", summary="owner API", repo_type="PRIVATE",
                                           opts=opts)  # fmt: skip
        cluster = alicloud.cs.ManagedKubernetes(
            "fleet", name="fleet", cluster_spec="ack.pro.small", vswitch_ids=["vsw-a", "vsw-b"],
            pod_vswitch_ids=["vsw-pod-a"], service_cidr="172.21.0.0/20", enable_rrsa=True,
            new_nat_gateway=False, opts=opts,
        )  # fmt: skip
        alicloud.cs.NodePool(
            "general", cluster_id=cluster.id, node_pool_name="general", vswitch_ids=["vsw-a", "vsw-b"],
            instance_types=["ecs.g7.xlarge"], desired_size="3", system_disk_category="cloud_essd", opts=opts,
        )  # fmt: skip
        return alicloud.eci.ContainerGroup(
            "owner-api-canary", container_group_name="owner-api-canary", cpu=2, memory=4, vswitch_id="vsw-a",
            security_group_id="sg-eci", restart_policy="Always",
            image_registry_credentials=[{"server": f"fleet-registry-registry-vpc.{region}.cr.aliyuncs.com",
                                         "user_name": "fleet-puller", "password": "from-kms-secret"}],
            containers=[
                {"name": "api", "image": f"fleet-registry-registry-vpc.{region}.cr.aliyuncs.com/fleet/owner-api:2.4.1"},
                {"name": "log-agent", "image": f"registry-vpc.{region}.aliyuncs.com/fleet-mirror/ilogtail:2.0"},
            ],
            opts=opts,
        )  # fmt: skip

    return build


def ali_databases_backups(region: str = "cn-shenzhen", backup_region: str = "cn-guangzhou") -> Build:
    # docs: rds/instance (MySQL, TDE, SSL), rds/rdsinstancecrossbackuppolicy (cross-region backup into a second
    # mainland region), polardb/cluster + polardb/backuppolicy (level-2 backups in another mainland region:
    # data_level2_backup_another_region_region), kms/key + kms/secret holding the database password.
    def build(c: Any) -> object:
        opts = _ali(region)
        key = alicloud.kms.Key("owner-db", description="owner databases", pending_window_in_days=7, opts=opts)
        alicloud.kms.Secret("owner-db-password", secret_name="owner-db-password", secret_data="placeholder-only",
                            version_id="v1", encryption_key_id=key.id, opts=opts)  # fmt: skip
        rds = alicloud.rds.Instance(
            "owner-db", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.large.2c", instance_storage=200,
            instance_charge_type="Postpaid", vswitch_id="vsw-db", security_ips=["10.0.0.0/8"], ssl_action="Open",
            opts=opts,
        )  # fmt: skip
        alicloud.rds.RdsInstanceCrossBackupPolicy(
            "owner-db", instance_id=rds.id, cross_backup_region=backup_region, retention=30,
            log_backup_enabled="Enable", opts=opts,
        )  # fmt: skip
        polar = alicloud.polardb.Cluster(
            "service-history", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large",
            pay_type="PostPaid", vswitch_id="vsw-db", opts=opts,
        )  # fmt: skip
        return alicloud.polardb.BackupPolicy(
            "service-history", db_cluster_id=polar.id, data_level2_backup_retention_period=30,
            data_level2_backup_another_region_region=backup_region,
            data_level2_backup_another_region_retention_period=30, opts=opts,
        )  # fmt: skip

    return build


def ali_sls_alert_dingtalk(region: str = "cn-hangzhou") -> Build:
    # docs: log/project + store + alert (version 2.0, policy_configuration with the action policy), cms/alarmcontact
    # with a DingTalk robot webhook (channels_ding_web_hook: https://oapi.dingtalk.com/robot/send?access_token=...,
    # "Create a webhook" of SLS / CloudMonitor), cms/alarmcontactgroup and cms/alarm on the gateway fleet.
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.log.Project("gateway-logs", project_name=f"fleet-gateway-{region}", opts=opts)
        alicloud.log.Store("access", project_name=project.project_name, logstore_name="access", retention_period=180,
                           shard_count=2, opts=opts)  # fmt: skip
        contact = alicloud.cms.AlarmContact(
            "gateway-oncall", alarm_contact_name="gateway-oncall", describe="gateway on-call robot",
            channels_ding_web_hook="https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef", opts=opts,
        )  # fmt: skip
        group = alicloud.cms.AlarmContactGroup(
            "gateway-oncall", alarm_contact_group_name="gateway-oncall", contacts=[contact.alarm_contact_name],
            opts=opts,
        )  # fmt: skip
        alicloud.cms.Alarm(
            "gateway-cpu", name="gateway-cpu", project="acs_ecs_dashboard", metric="CPUUtilization", period=300,
            contact_groups=[group.alarm_contact_group_name],
            metric_dimensions=json.dumps([{"instanceId": "i-gateway1"}]),
            escalations_critical={"statistics": "Average", "comparison_operator": ">=", "threshold": "90", "times": 3},
            opts=opts,
        )  # fmt: skip
        return alicloud.log.Alert(
            "gateway-5xx", project_name=project.project_name, alert_name="gateway-5xx", alert_displayname="5xx",
            version="2.0", type="default", schedule={"type": "FixedRate", "interval": "5m"},
            query_lists=[{"store": "access", "store_type": "log", "start": "-5m", "end": "now",
                          "query": "status >= 500 | select count(*) as errors"}],
            policy_configuration={"alert_policy_id": "sls.builtin.dynamic", "action_policy_id": "gateway-oncall",
                                  "repeat_interval": "1h"},
            opts=opts,
        )  # fmt: skip

    return build


def ali_owner_notices(region: str = "cn-hangzhou", domain: str = "fleet-example.cn") -> Build:
    # docs: directmail/domain + mailaddress (the owner-notice sender), an FC function sending through DirectMail's
    # regional endpoint (dm.aliyuncs.com is the Hangzhou endpoint) and SMS (dysmsapi.aliyuncs.com) with the
    # approved sign and template, both named in its environment.
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.directmail.Domain("owners", domain_name=f"mail.{domain}", opts=opts)
        alicloud.directmail.MailAddress("notices", account_name=f"notices@mail.{domain}", sendtype="trigger",
                                        password="Placeholder-only-1", opts=opts)  # fmt: skip
        return _fc("owner-notices", opts, {
            "DM_ENDPOINT": "https://dm.aliyuncs.com", "SMS_ENDPOINT": "https://dysmsapi.aliyuncs.com",
            "SMS_SIGN": "车主服务", "SMS_TEMPLATE": "SMS_290000001", "FROM": f"notices@mail.{domain}",
        })  # fmt: skip

    return build


def ali_cdn_dcdn_domestic(region: str = "cn-shanghai", domain: str = "fleet-example.cn") -> Build:
    # docs: cdn/domainnew (scope domestic, OSS origin by its public name oss-<region>.aliyuncs.com host), dcdn/domain
    # (scope domestic, the owner API's SLB as origin by IP), cdn/domainconfig (https force), the stack's OSS bucket.
    def build(c: Any) -> object:
        opts = _ali(region)
        bucket = alicloud.oss.Bucket("portal-static", bucket="fleet-portal-static", opts=opts)
        alicloud.cdn.DomainNew(
            "static", domain_name=f"static.{domain}", cdn_type="web", scope="domestic",
            sources=[{"content": bucket.bucket.apply(lambda b: f"{b}.oss-{region}.aliyuncs.com"), "type": "oss",
                      "port": 443, "priority": 20, "weight": 10}],
            opts=opts,
        )  # fmt: skip
        slb = alicloud.slb.ApplicationLoadBalancer(
            "owner-api", load_balancer_name="owner-api", address_type="internet", load_balancer_spec="slb.s2.small",
            opts=opts,
        )  # fmt: skip
        return alicloud.dcdn.Domain(
            "api", domain_name=f"api.{domain}", scope="domestic",
            sources=[{"content": slb.address, "type": "ipaddr", "port": 443, "priority": "20", "weight": "10"}],
            opts=opts,
        )  # fmt: skip

    return build


def ali_waf_firewall(region: str = "cn-hangzhou", domain: str = "fleet-example.cn") -> Build:
    # docs: wafv3/instance + wafv3/domain (CNAME access, backend: the owner API's SLB address, HTTPS listen with the
    # uploaded certificate), cloudfirewall/controlpolicy (deny outbound to everything but the mainland Kafka and RDS
    # subnets), cloudfirewall/addressbook of those subnets.
    def build(c: Any) -> object:
        opts = _ali(region)
        waf = alicloud.wafv3.Instance("fleet-waf", opts=opts)
        slb = alicloud.slb.ApplicationLoadBalancer(
            "owner-api", load_balancer_name="owner-api", address_type="internet", load_balancer_spec="slb.s2.small",
            opts=opts,
        )  # fmt: skip
        alicloud.wafv3.Domain(
            "api", instance_id=waf.id, domain=f"api.{domain}", access_type="share",
            listen={"https_ports": [443], "cert_id": "12345678-cn-hangzhou", "protection_resource": "share"},
            redirect={"backends": [slb.address], "loadbalance": "iphash"}, opts=opts,
        )  # fmt: skip
        book = alicloud.cloudfirewall.AddressBook(
            "mainland-data", group_name="mainland-data", group_type="ip", description="fleet data subnets",
            address_lists=["10.10.0.0/16", "10.20.0.0/16"], opts=opts,
        )  # fmt: skip
        return alicloud.cloudfirewall.ControlPolicy(
            "allow-data", direction="out", application_name="ANY", acl_action="accept", description="to data subnets",
            source="10.0.0.0/8", source_type="net", destination=book.group_name, destination_type="group",
            proto="TCP", dest_port="9092", dest_port_type="port", opts=opts,
        )  # fmt: skip

    return build


def ali_audit_and_monitoring(region: str = "cn-shanghai") -> Build:
    # The toolkit's AlicloudCountryAuditTrail over the user's OSS log bucket (docs/components.md), and the user's own
    # actiontrail/trail delivering to the stack's SLS project (sls_project_arn acs:log:<region>:<account>:project/..),
    # cms/alarm on the trail's logstore.
    def build(c: Any) -> object:
        provider = alicloud.Provider(f"ali-{region}", region=region, assume_role={"role_arn": ALI_DEPLOYER})
        opts = pulumi.ResourceOptions(provider=provider)
        bucket = alicloud.oss.Bucket("audit-logs", bucket=f"fleet-audit-{region}", opts=opts)
        AlicloudCountryAuditTrail(
            "fleet-audit",
            AlicloudCountryAuditTrailArgs(jurisdiction="CN", log_bucket=bucket, regions=[region, "cn-beijing"],
                                          provider=provider),
        )  # fmt: skip
        project = alicloud.log.Project("trail-logs", project_name=f"fleet-trail-{region}", opts=opts)
        role = alicloud.ram.Role("trail-sls", role_name="trail-sls",
                                 assume_role_policy_document=_ram_trust("actiontrail.aliyuncs.com"),
                                 opts=opts)  # fmt: skip
        return alicloud.actiontrail.Trail(
            "ops-trail", trail_name="ops-trail", event_rw="Write", trail_region=region,
            sls_write_role_arn=role.arn,
            sls_project_arn=project.project_name.apply(lambda p: f"acs:log:{region}:1234567890123456:project/{p}"),
            opts=opts,
        )  # fmt: skip

    return build


def ali_ga_mainland(region: str = "cn-shanghai") -> Build:
    # docs: ga/accelerator + bandwidthpackage + bandwidthpackageattachment, ga/ipset (accelerate_region_id cn-beijing:
    # "GA within the Chinese mainland" lets both the acceleration area and the endpoint group region be mainland
    # regions), ga/listener and ga/endpointgroup (endpoint_group_region: the owner API's region, endpoint its SLB IP).
    # GA is judged whole (alicloud-global-accelerator): the stack declares it (GA_MAINLAND) or it is refused.
    def build(c: Any) -> object:
        opts = _ali(region)
        accelerator = alicloud.ga.Accelerator("owner-api", duration=1, auto_use_coupon=True, spec="1", opts=opts)
        bandwidth = alicloud.ga.BandwidthPackage(
            "owner-api", bandwidth=20, type="Basic", bandwidth_type="Basic", duration="1", auto_pay=True,
            ratio=30, opts=opts,
        )  # fmt: skip
        attach = alicloud.ga.BandwidthPackageAttachment(
            "owner-api", accelerator_id=accelerator.id, bandwidth_package_id=bandwidth.id, opts=opts
        )
        alicloud.ga.IpSet(
            "north", accelerator_id=attach.accelerator_id, accelerate_region_id="cn-beijing", bandwidth=10,
            opts=opts,
        )  # fmt: skip
        listener = alicloud.ga.Listener(
            "https", accelerator_id=attach.accelerator_id, port_ranges=[{"from_port": 443, "to_port": 443}],
            protocol="TCP", opts=opts,
        )  # fmt: skip
        slb = alicloud.slb.ApplicationLoadBalancer(
            "owner-api", load_balancer_name="owner-api", address_type="internet", load_balancer_spec="slb.s2.small",
            opts=opts,
        )  # fmt: skip
        return alicloud.ga.EndpointGroup(
            "owner-api", accelerator_id=attach.accelerator_id, listener_id=listener.id, endpoint_group_region=region,
            endpoint_configurations=[{"endpoint": slb.address, "type": "PublicIp", "weight": 100}], opts=opts,
        )  # fmt: skip

    return build


def ali_privatelink(region: str = "cn-beijing") -> Build:
    # docs: privatelink/vpcendpointservice (auto-accept off) + vpcendpointserviceresource (the diagnostics NLB),
    # vpcendpointserviceuser (the account), privatelink/vpcendpoint in the consumer VPC on the service's name, its
    # endpoint_domain output given to the consumer's FC function.
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        service = alicloud.privatelink.VpcEndpointService(
            "diagnostics", service_description="vehicle diagnostics", connect_bandwidth=103,
            auto_accept_connection=False, opts=opts,
        )  # fmt: skip
        alicloud.privatelink.VpcEndpointServiceResource(
            "diagnostics-slb", service_id=service.id, resource_id="lb-diagnostics", resource_type="slb", opts=opts
        )
        alicloud.privatelink.VpcEndpointServiceUser("diagnostics", service_id=service.id,
                                                    user_id="1234567890123456", opts=opts)  # fmt: skip
        endpoint = alicloud.privatelink.VpcEndpoint(
            "diagnostics", service_id=service.id, security_group_ids=["sg-consumer"], vpc_id="vpc-consumer",
            vpc_endpoint_name="diagnostics", opts=opts,
        )  # fmt: skip
        return _fc(
            "diag-consumer",
            opts,
            {"DIAG_HOST": endpoint.endpoint_domain},
            vpc_config={"vpc_id": "vpc-consumer", "vswitch_ids": ["vsw-c"], "security_group_id": "sg-fc"},
        )

    return build


def ali_toolkit_storage(region: str = "cn-shanghai", pinned: bool = True) -> Build:
    # The toolkit's AlicloudCountryKeys + AlicloudCountryStorage in a mainland region, and the user's own FC function
    # reading the telemetry bucket through the OSS internal endpoint (oss-<region>-internal.aliyuncs.com).
    def build(c: Any) -> object:
        # A team's own stack deploys as its account's role (provider `assumeRole`), as RES-023 asks of the key
        # policy's grant to the account (stop 36).
        role = alicloud.ProviderAssumeRoleArgs(role_arn=ALI_DEPLOYER) if pinned else None
        primary = alicloud.Provider(f"ali-{region}", region=region, assume_role=role)
        keys = AlicloudCountryKeys(
            "fleet-keys",
            AlicloudCountryKeysArgs(jurisdiction="CN", data_classes=["vehicle_telemetry", "owner_personal_data"],
                                    rotation_days=365, deletion_window_days=14, primary=primary, disk_key=False),
        )  # fmt: skip
        AlicloudCountryStorage(
            "fleet-storage",
            AlicloudCountryStorageArgs(jurisdiction="CN", retention_days={"vehicle_telemetry": 365,
                                                                          "owner_personal_data": 1095},
                                       keys=keys.keys, primary=primary),
        )  # fmt: skip
        opts = pulumi.ResourceOptions(provider=primary)
        return _fc(
            "telemetry-reader",
            opts,
            {
                "KEY_ID": keys.keys["vehicle_telemetry"].id,
                "OSS_ENDPOINT": f"https://oss-{region}-internal.aliyuncs.com",
            },
        )

    return build


def ali_fc_oss_pipeline(region: str = "cn-chengdu") -> Build:
    # docs: oss/bucket, fc/v3function + fc/v3trigger (oss trigger on the bucket's ObjectCreated events, invocation role
    # trusted by oss.aliyuncs.com), mns/queue for failed files, the function given the MNS endpoint
    # (https://<account>.mns.<region>.aliyuncs.com, "MNS endpoints") and the OSS internal endpoint.
    def build(c: Any) -> object:
        opts = _ali(region)
        bucket = alicloud.oss.Bucket("service-uploads", bucket=f"fleet-service-uploads-{region}", opts=opts)
        queue = alicloud.message.ServiceQueue("failed-uploads", queue_name="failed-uploads", opts=opts)
        fn = _fc("upload-indexer", opts, {
            "MNS_ENDPOINT": f"https://1234567890123456.mns.{region}.aliyuncs.com", "FAILED_QUEUE": queue.queue_name,
            "OSS_ENDPOINT": f"https://oss-{region}-internal.aliyuncs.com",
        })  # fmt: skip
        role = alicloud.ram.Role("oss-invoke", role_name="oss-invoke",
                                 assume_role_policy_document=_ram_trust("oss.aliyuncs.com"), opts=opts)  # fmt: skip
        return alicloud.fc.V3Trigger(
            "uploads", function_name=fn.function_name, trigger_name="uploads", trigger_type="oss", qualifier="LATEST",
            invocation_role=role.arn,
            source_arn=bucket.bucket.apply(lambda b: f"acs:oss:{region}:1234567890123456:{b}"),
            trigger_config=json.dumps({"events": ["oss:ObjectCreated:*"],
                                       "filter": {"key": {"prefix": "uploads/", "suffix": ".zip"}}}),
            opts=opts,
        )  # fmt: skip

    return build


def ali_telemetry_region(region: str) -> Build:
    # docs: sls/project + logstore (the regional telemetry landing zone of a northern / western data centre), kms/key,
    # alikafka consumer FC function writing to Tablestore over its VPC endpoint
    # (<instance>.<region>.vpc.tablestore.aliyuncs.com, "Endpoints" of Tablestore).
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.kms.Key("telemetry", description="telemetry", pending_window_in_days=7, opts=opts)
        project = alicloud.log.Project("telemetry", project_name=f"fleet-telemetry-{region}", opts=opts)
        alicloud.log.Store("raw", project_name=project.project_name, logstore_name="raw", retention_period=30,
                           shard_count=4, opts=opts)  # fmt: skip
        ots = alicloud.ots.Instance("vehicle-state", name="vstate", accessed_by="Vpc", instance_type="Capacity",
                                    opts=opts)  # fmt: skip
        return _fc("state-writer", opts, {
            "OTS_ENDPOINT": ots.name.apply(lambda n: f"https://{n}.{region}.vpc.tablestore.aliyuncs.com"),
            "SLS_ENDPOINT": f"{region}-intranet.log.aliyuncs.com",
        })  # fmt: skip

    return build


def ali_cdn_dns(region: str = "cn-shanghai", domain: str = "fleet-example.cn", *, cname_by_hand: bool = False) -> Build:
    # docs: cdn/domainnew (scope domestic) and dcdn/domain (scope domestic), then dns/alidnsrecord CNAME records of
    # the ICP-filed zone pointing each name at the domain's `cname` output ("Add a CNAME record": the CNAME CDN assigns,
    # <domain>.w.kunlunsl.com). `cname_by_hand`: the static record's target written out as the console shows it.
    def build(c: Any) -> object:
        opts = _ali(region)
        static = alicloud.cdn.DomainNew(
            "static", domain_name=f"static.{domain}", cdn_type="web", scope="domestic",
            sources=[{"content": f"fleet-portal-static.oss-{region}.aliyuncs.com", "type": "oss", "port": 443}],
            opts=opts,
        )  # fmt: skip
        api = alicloud.dcdn.Domain(
            "api", domain_name=f"api.{domain}", scope="domestic",
            sources=[{"content": "10.0.8.20", "type": "ipaddr", "port": 443}], opts=opts,
        )  # fmt: skip
        alicloud.dns.AlidnsRecord("api-cname", domain_name=domain, rr="api", type="CNAME", value=api.cname, opts=opts)
        target = f"static.{domain}.w.kunlunsl.com" if cname_by_hand else static.cname
        return alicloud.dns.AlidnsRecord("static-cname", domain_name=domain, rr="static", type="CNAME", value=target,
                                         opts=opts)  # fmt: skip

    return build


def ali_events_and_apps(region: str = "cn-shanghai") -> Build:
    # docs: rocketmq/rocketmqinstance (5.x, VPC only, no internet), eventbridge/eventbus + rule with an
    # acs.api.destination target to the stack's API Gateway group (its <id>-<region>.alicloudapi.com name),
    # apigateway/group + api (HTTP-VPC backend), sae/application from the ACR EE VPC image with a NAS mount target
    # (<id>.<region>.nas.aliyuncs.com) in its environment, fc/v3customdomain for the ICP-filed API name.
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.rocketmq.RocketMQInstance(
            "fleet-events", instance_name="fleet-events", service_code="rmq", payment_type="PayAsYouGo",
            series_code="standard", sub_series_code="cluster_ha",
            product_info={"msg_process_spec": "rmq.s2.2xlarge", "message_retention_time": 72},
            network_info={"vpc_info": {"vpc_id": "vpc-fleet", "vswitches": [{"vswitch_id": "vsw-a"}]},
                          "internet_info": {"internet_spec": "disable", "flow_out_type": "uninvolved"}},
            opts=opts,
        )  # fmt: skip
        group = alicloud.apigateway.Group("owners", name="owners", description="owner API", opts=opts)
        alicloud.apigateway.Api(
            "vehicles", group_id=group.id, name="vehicles", description="vehicles", auth_type="APP",
            request_config={"protocol": "HTTPS", "method": "GET", "path": "/vehicles", "mode": "PASSTHROUGH"},
            service_type="HTTP-VPC",
            http_vpc_service_config={"name": "owner-slb", "path": "/vehicles", "method": "GET", "timeout": 10000},
            stage_names=["RELEASE"], opts=opts,
        )  # fmt: skip
        bus = alicloud.eventbridge.EventBus("fleet", event_bus_name="fleet", opts=opts)
        hook = f"https://a1b2c3d4e5f6-{region}.alicloudapi.com/events"
        alicloud.eventbridge.Rule(
            "to-owner-api", event_bus_name=bus.event_bus_name, rule_name="to-owner-api",
            filter_pattern=json.dumps({"source": ["fleet.vehicles"]}),
            targets=[{"target_id": "owner-api", "type": "acs.api.destination", "endpoint": hook,
                      "param_lists": [{"resource_key": "URL", "form": "CONSTANT", "value": hook}]}],
            opts=opts,
        )  # fmt: skip
        alicloud.fc.V3CustomDomain(
            "owners", custom_domain_name="fc.fleet-example.cn", protocol="HTTP",
            route_config={"routes": [{"function_name": "owner-api", "path": "/*", "qualifier": "LATEST"}]}, opts=opts,
        )  # fmt: skip
        return alicloud.sae.Application(
            "owner-portal", app_name="owner-portal", namespace_id=f"{region}:fleet", package_type="Image",
            image_url=f"fleet-registry-registry-vpc.{region}.cr.aliyuncs.com/fleet/portal:3.1.0", replicas=2,
            cpu=1000, memory=2048, vpc_id="vpc-fleet", vswitch_id="vsw-a", security_group_id="sg-sae",
            envs=json.dumps([{"name": "NAS_HOST", "value": f"0a1b2c3d4e-xyz12.{region}.nas.aliyuncs.com"}]),
            opts=opts,
        )  # fmt: skip

    return build


def ali_plant_link(region: str = "cn-shanghai") -> Build:
    # docs: vpn/gateway + vpn/customergateway (the Shanghai plant's IPsec peer) + vpn/connection, pvtz/zone for the
    # plant's names forwarded by a pvtz/endpoint + rule, and the FC function calling the plant MES by name: the plant is
    # a declared resident host (its data centre is on-premises in Shanghai).
    def build(c: Any) -> object:
        opts = _ali(region)
        vpn = alicloud.vpn.Gateway("plant-link", vpc_id="vpc-fleet", bandwidth=100, enable_ssl=False,
                                   vpn_gateway_name="plant-link", vswitch_id="vsw-a", opts=opts)  # fmt: skip
        peer = alicloud.vpn.CustomerGateway("shanghai-plant", ip_address="203.0.113.80",
                                            customer_gateway_name="shanghai-plant", opts=opts)  # fmt: skip
        alicloud.vpn.Connection(
            "shanghai-plant", vpn_gateway_id=vpn.id, customer_gateway_id=peer.id, vpn_connection_name="shanghai-plant",
            local_subnets=["10.0.0.0/16"], remote_subnets=["10.210.0.0/16"], opts=opts,
        )  # fmt: skip
        return _fc(
            "mes-sync",
            opts,
            {"MES_API": "https://mes.plant-sh.example.cn/api/v2/"},
            vpc_config={"vpc_id": "vpc-fleet", "vswitch_ids": ["vsw-a"], "security_group_id": "sg-fc"},
        )

    return build


def ali_supplier_export(region: str = "cn-shanghai", *, stray: bool = False) -> Build:
    # docs: fc/v3function (the weekly battery fault-code export to the German cell supplier) + fc/v3trigger (timer),
    # staging in the stack's OSS bucket; `stray`: the stack's campaign function is given the same intake outside the
    # resources the transfer is limited to.
    def build(c: Any) -> object:
        opts = _ali(region)
        staging = alicloud.oss.Bucket("supplier-staging", bucket=f"fleet-supplier-staging-{region}", opts=opts)
        fn = _fc("supplier-diagnostics-export", opts, {
            "STAGING_BUCKET": staging.bucket, "SUPPLIER_INTAKE": "https://intake.partner.example.com/v1/diagnostics",
        })  # fmt: skip
        last: Any = alicloud.fc.V3Trigger(
            "weekly", function_name=fn.function_name, trigger_name="weekly", trigger_type="timer", qualifier="LATEST",
            trigger_config=json.dumps({"cronExpression": "CRON_TZ=Asia/Shanghai 0 0 2 ? * MON", "enable": True}),
            opts=opts,
        )  # fmt: skip
        if stray:
            last = _fc("campaign-sync", opts, {"PARTNER_API": "https://intake.partner.example.com/v1/campaigns"})
        return last

    return build


DINGTALK_ROBOT: dict[str, Any] = {
    # CN: the on-call DingTalk group's robot. No document places oapi.dingtalk.com's servers in a region (DingTalk is
    # also offered outside mainland China), so the engine cannot prove it and the stack declares it, citing its
    # DingTalk enterprise agreement (mainland data storage).
    "id": "dingtalk-oncall-robot",
    "kind": "resident",
    "match": "https://oapi.dingtalk.com/robot/",
    "evidence": "DingTalk enterprise service agreement DT-2026-118: data stored in mainland China",
}
SMS_ENDPOINT: dict[str, Any] = {
    # CN: Alibaba SMS's endpoint, which its endpoint table gives for every mainland region and Hong Kong alike
    # (endpoints.yaml `region_hosts`): the stack declares it, citing its mainland account's SMS service.
    "id": "alibaba-sms",
    "kind": "resident",
    "match": "dysmsapi.aliyuncs.com",
    "evidence": "Alibaba Cloud China site account (mainland SMS signs and templates approved), contract AC-CN-2026-02",
}
GA_MAINLAND: dict[str, Any] = {
    # CN: the owner API's Global Accelerator, its one acceleration area and its endpoint group both in the mainland.
    "id": "owner-api-ga",
    "kind": "resident",
    "match": "alicloud-global-accelerator",
    "evidence": "GA with EIP access in cn-beijing only and its endpoint group in cn-shanghai, network review NR-14",
}
OPS_MAILBOX: dict[str, Any] = {
    # CN: the operations mailbox's domain, whose mail servers are the company's own in Shanghai.
    "id": "ops-mail",
    "kind": "resident",
    "match": "fleet-example.cn",
    "evidence": "corporate mail servers in the Shanghai Lingang data centre, facility register FR-SH-01",
}
