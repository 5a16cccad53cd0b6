"""An EV maker's ordinary platform programs for its markets outside China: Japan, the United States and Germany, on AWS
and on Alibaba Cloud's international regions, and the programs that legitimately use the transfer register.

Written from the Pulumi registry (pulumi-aws v7, pulumi-alicloud) and the AWS / Alibaba Cloud docs, like
tests/platform_programs.py and tests/platform_programs_ops.py (whose areas these do not repeat): Bedrock with in-region
models, MSK Connect, Lake Formation, Redshift snapshot copies, EMR Serverless, SageMaker endpoints, Route 53 failover,
multi-region keys and secrets, endpoint policies, WAF logging, Cognito hosted login, CodeArtifact and CodeDeploy,
metric streams, Storage Lens, IoT jobs and dashcam video, App Runner, the European Sovereign Cloud, the toolkit's own
components, and Alibaba Cloud in Tokyo, Virginia, Silicon Valley and Frankfurt.

None sends data out of its country except through a declared destination, so every front door must accept every one
of them; tests/test_realistic_programs.py runs them as CASES (``*-platform-markets-*``).
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import DEPLOYER as ALI_DEPLOYER
from platform_parts import Build
from platform_programs import _ali, _aws, _function, _policy, _ram_trust, _trust

from components.alicloud.keys import AlicloudCountryKeys, AlicloudCountryKeysArgs
from components.alicloud.storage import AlicloudCountryStorage, AlicloudCountryStorageArgs
from components.aws.keys import AwsCountryKeys, AwsCountryKeysArgs
from components.aws.storage import AwsCountryStorage, AwsCountryStorageArgs

# "Docker Registry Paths and Example Code" (SageMaker developer guide, XGBoost): the account serving the built-in
# XGBoost image in each region.
XGBOOST_IMAGES = {
    "us-east-1": "683313688378.dkr.ecr.us-east-1.amazonaws.com",
    "us-east-2": "257758044811.dkr.ecr.us-east-2.amazonaws.com",
    "us-west-2": "246618743249.dkr.ecr.us-west-2.amazonaws.com",
    "ap-northeast-1": "354813040037.dkr.ecr.ap-northeast-1.amazonaws.com",
    "eu-central-1": "492215442770.dkr.ecr.eu-central-1.amazonaws.com",
}

# Bedrock "Supported foundation models in Amazon Bedrock" / "Model support by AWS Region": Titan Text Embeddings V2 and
# Claude 3 Haiku are served in-region (on-demand) in these regions.
EMBEDDING_MODEL = "amazon.titan-embed-text-v2:0"
CHAT_MODEL = "anthropic.claude-3-haiku-20240307-v1:0"


def _opts(c: Any, region: str | None) -> pulumi.ResourceOptions:
    opts: pulumi.ResourceOptions = _aws(region) if region else c.aws
    return opts


def _region(opts: pulumi.ResourceOptions) -> pulumi.Output[str]:
    return aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region


def _account(opts: pulumi.ResourceOptions) -> pulumi.Output[str]:
    return aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).account_id


def _service_name(region: str, service: str) -> str:
    # "AWS services that integrate with AWS PrivateLink": com.amazonaws.<region>.<service>.
    return f"com.amazonaws.{region}.{service}"


def _vpc(name: str, opts: pulumi.ResourceOptions, cidr: str = "10.20.0.0/16") -> tuple[aws.ec2.Vpc, list[Any]]:
    vpc = aws.ec2.Vpc(name, cidr_block=cidr, enable_dns_hostnames=True, enable_dns_support=True, opts=opts)
    base = cidr.split(".")
    subnets = [
        aws.ec2.Subnet(f"{name}-private-{i}", vpc_id=vpc.id, cidr_block=f"{base[0]}.{base[1]}.{i}.0/24", opts=opts)
        for i in range(2)
    ]
    return vpc, subnets


# -- the owner data service and its ML ---------------------------------------------------------------------------


def bedrock_owner_assistant(region: str | None = None) -> Build:
    # docs: bedrock/agentknowledgebase (VECTOR, embedding model ARN arn:aws:bedrock:<region>::foundation-model/...,
    # OPENSEARCH_SERVERLESS storage), opensearch/serverlesscollection (VECTORSEARCH) + encryption and network security
    # policies, bedrock/agentdatasource (S3 manuals bucket), bedrock/guardrail (PII anonymised), bedrockmodel/
    # invocationloggingconfiguration to the stack's log group and bucket; the chat Lambda calls the in-region model.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        here = _region(opts)
        manuals = aws.s3.Bucket("owner-manuals", opts=opts)
        logs_bucket = aws.s3.Bucket("bedrock-invocations", opts=opts)
        log_group = aws.cloudwatch.LogGroup("bedrock-invocations", retention_in_days=30, opts=opts)
        aws.opensearch.ServerlessSecurityPolicy(
            "kb-encryption",
            name="kb-encryption",
            type="encryption",
            policy=json.dumps(
                {"Rules": [{"Resource": ["collection/owner-kb"], "ResourceType": "collection"}], "AWSOwnedKey": True}
            ),
            opts=opts,
        )
        aws.opensearch.ServerlessSecurityPolicy(
            "kb-network",
            name="kb-network",
            type="network",
            policy=json.dumps(
                [
                    {
                        "Rules": [{"Resource": ["collection/owner-kb"], "ResourceType": "collection"}],
                        "AllowFromPublic": False,
                        "SourceServices": ["bedrock.amazonaws.com"],
                    }
                ]
            ),
            opts=opts,
        )
        collection = aws.opensearch.ServerlessCollection("owner-kb", name="owner-kb", type="VECTORSEARCH", opts=opts)
        role = aws.iam.Role("bedrock-kb", assume_role_policy=_trust("bedrock.amazonaws.com"), opts=opts)
        embedding = here.apply(lambda r: f"arn:aws:bedrock:{r}::foundation-model/{EMBEDDING_MODEL}")
        kb = aws.bedrock.AgentKnowledgeBase(
            "owner-manuals",
            name="owner-manuals",
            role_arn=role.arn,
            knowledge_base_configuration={
                "type": "VECTOR",
                "vector_knowledge_base_configuration": {"embedding_model_arn": embedding},
            },
            storage_configuration={
                "type": "OPENSEARCH_SERVERLESS",
                "opensearch_serverless_configuration": {
                    "collection_arn": collection.arn,
                    "vector_index_name": "manuals",
                    "field_mapping": {"vector_field": "embedding", "text_field": "text", "metadata_field": "metadata"},
                },
            },
            opts=opts,
        )
        aws.bedrock.AgentDataSource(
            "owner-manuals",
            knowledge_base_id=kb.id,
            name="manuals",
            data_source_configuration={"type": "S3", "s3_configuration": {"bucket_arn": manuals.arn}},
            opts=opts,
        )
        guardrail = aws.bedrock.Guardrail(
            "owner-assistant",
            name="owner-assistant",
            blocked_input_messaging="Sorry, I cannot help with that.",
            blocked_outputs_messaging="Sorry, I cannot answer that.",
            sensitive_information_policy_config={
                "pii_entities_configs": [
                    {"type": "EMAIL", "action": "ANONYMIZE"},
                    {"type": "PHONE", "action": "ANONYMIZE"},
                    {"type": "VEHICLE_IDENTIFICATION_NUMBER", "action": "ANONYMIZE"},
                ]
            },
            opts=opts,
        )
        log_role = aws.iam.Role("bedrock-logging", assume_role_policy=_trust("bedrock.amazonaws.com"), opts=opts)
        aws.bedrockmodel.InvocationLoggingConfiguration(
            "invocations",
            logging_config={
                "embedding_data_delivery_enabled": False,
                "text_data_delivery_enabled": True,
                "image_data_delivery_enabled": False,
                "cloudwatch_config": {"log_group_name": log_group.name, "role_arn": log_role.arn},
                "s3_config": {"bucket_name": logs_bucket.bucket, "key_prefix": "bedrock"},
            },
            opts=opts,
        )
        return _function(
            "owner-assistant",
            opts,
            {
                "KNOWLEDGE_BASE_ID": kb.id,
                "GUARDRAIL_ID": guardrail.guardrail_id,
                "MODEL_ID": CHAT_MODEL,
                "MODEL_ARN": here.apply(lambda r: f"arn:aws:bedrock:{r}::foundation-model/{CHAT_MODEL}"),
            },
            timeout=60,
        )

    return build


def sagemaker_realtime_endpoint(region: str) -> Build:
    # docs: sagemaker/model (primary_container image from the region's XGBoost registry, model data in the stack's
    # bucket), sagemaker/endpointconfiguration (data_capture_config to the stack's bucket, async_inference_config output
    # and SNS notifications), sagemaker/endpoint, appautoscaling target + policy on the variant.
    def build(c: Any) -> object:
        opts = _aws(region)
        models = aws.s3.Bucket("soh-models", opts=opts)
        key = aws.kms.Key("soh-endpoint", description="SageMaker endpoint storage", opts=opts)
        role = aws.iam.Role("sagemaker-exec", assume_role_policy=_trust("sagemaker.amazonaws.com"), opts=opts)
        done = aws.sns.Topic("soh-inference-done", opts=opts)
        failed = aws.sns.Topic("soh-inference-failed", opts=opts)
        model = aws.sagemaker.Model(
            "battery-soh",
            execution_role_arn=role.arn,
            primary_container={
                "image": f"{XGBOOST_IMAGES[region]}/sagemaker-xgboost:1.7-1",
                "model_data_url": models.bucket.apply(lambda b: f"s3://{b}/soh/model.tar.gz"),
            },
            opts=opts,
        )
        config = aws.sagemaker.EndpointConfiguration(
            "battery-soh",
            kms_key_arn=key.arn,
            production_variants=[
                {
                    "variant_name": "primary",
                    "model_name": model.name,
                    "initial_instance_count": 1,
                    "instance_type": "ml.m5.large",
                }
            ],
            data_capture_config={
                "enable_capture": True,
                "initial_sampling_percentage": 20,
                "destination_s3_uri": models.bucket.apply(lambda b: f"s3://{b}/capture/"),
                "capture_options": [{"capture_mode": "Input"}, {"capture_mode": "Output"}],
            },
            opts=opts,
        )
        async_config = aws.sagemaker.EndpointConfiguration(
            "battery-soh-batch",
            production_variants=[
                {
                    "variant_name": "primary",
                    "model_name": model.name,
                    "initial_instance_count": 1,
                    "instance_type": "ml.m5.large",
                }
            ],
            async_inference_config={
                "output_config": {
                    "s3_output_path": models.bucket.apply(lambda b: f"s3://{b}/async-out/"),
                    "kms_key_id": key.arn,
                    "notification_config": {"success_topic": done.arn, "error_topic": failed.arn},
                }
            },
            opts=opts,
        )
        aws.sagemaker.Endpoint("battery-soh-batch", endpoint_config_name=async_config.name, opts=opts)
        endpoint = aws.sagemaker.Endpoint("battery-soh", endpoint_config_name=config.name, opts=opts)
        target = aws.appautoscaling.Target(
            "battery-soh",
            service_namespace="sagemaker",
            scalable_dimension="sagemaker:variant:DesiredInstanceCount",
            resource_id=endpoint.name.apply(lambda n: f"endpoint/{n}/variant/primary"),
            min_capacity=1,
            max_capacity=4,
            opts=opts,
        )
        return aws.appautoscaling.Policy(
            "battery-soh",
            policy_type="TargetTrackingScaling",
            resource_id=target.resource_id,
            scalable_dimension=target.scalable_dimension,
            service_namespace=target.service_namespace,
            target_tracking_scaling_policy_configuration={
                "target_value": 70,
                "predefined_metric_specification": {"predefined_metric_type": "SageMakerVariantInvocationsPerInstance"},
            },
            opts=opts,
        )

    return build


def cognito_hosted_login(region: str | None = None, *, group_pool: str | None = None) -> Build:
    # docs: cognito/userpool (email sign-in, MFA optional, advanced security), cognito/userpooldomain with an Amazon
    # Cognito prefix domain (<prefix>.auth.<region>.amazoncognito.com), cognito/userpoolclient (authorization code flow,
    # callback to the stack's own HTTP API), cognito/resourceserver, the HTTP API's JWT authorizer whose issuer is the
    # pool's endpoint (https://cognito-idp.<region>.amazonaws.com/<pool id>). `group_pool`: the authorizer trusts the
    # group's shared owner pool instead, named by its issuer URL (a pool in another region).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        pool = aws.cognito.UserPool(
            "owners",
            username_attributes=["email"],
            auto_verified_attributes=["email"],
            mfa_configuration="OPTIONAL",
            software_token_mfa_configuration={"enabled": True},
            password_policy={
                "minimum_length": 12,
                "require_symbols": True,
                "require_numbers": True,
                "require_lowercase": True,
                "require_uppercase": True,
            },
            opts=opts,
        )
        aws.cognito.UserPoolDomain("owners", domain="fleet-owners-login", user_pool_id=pool.id, opts=opts)
        aws.cognito.ResourceServer(
            "owner-api",
            identifier="owner-api",
            name="owner-api",
            user_pool_id=pool.id,
            scopes=[{"scope_name": "vehicles.read", "scope_description": "Read the owner's vehicles"}],
            opts=opts,
        )
        api = aws.apigatewayv2.Api("owner-api", protocol_type="HTTP", opts=opts)
        client = aws.cognito.UserPoolClient(
            "owner-app",
            user_pool_id=pool.id,
            allowed_oauth_flows=["code"],
            allowed_oauth_flows_user_pool_client=True,
            allowed_oauth_scopes=["openid", "email", "owner-api/vehicles.read"],
            supported_identity_providers=["COGNITO"],
            callback_urls=[api.api_endpoint.apply(lambda e: f"{e}/auth/callback")],
            logout_urls=[api.api_endpoint.apply(lambda e: f"{e}/signed-out")],
            generate_secret=False,
            opts=opts,
        )
        issuer = group_pool or pool.endpoint.apply(lambda e: f"https://{e}")
        return aws.apigatewayv2.Authorizer(
            "owners-jwt",
            api_id=api.id,
            authorizer_type="JWT",
            identity_sources=["$request.header.Authorization"],
            jwt_configuration={"audiences": [client.id], "issuer": issuer},
            opts=opts,
        )

    return build


def app_runner_owner_api(region: str | None = None) -> Build:
    # docs: apprunner/service (image_repository of type ECR from the stack's own repository, instance role, the
    # environment naming the stack's DynamoDB table and KMS key), apprunner/vpcconnector, apprunner/
    # observabilityconfiguration (X-Ray trace), apprunner/autoscalingconfigurationversion, the ECR access role.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        repo = aws.ecr.Repository("owner-api", image_tag_mutability="IMMUTABLE", opts=opts)
        table = aws.dynamodb.Table(
            "owner-vehicles",
            billing_mode="PAY_PER_REQUEST",
            hash_key="owner_id",
            range_key="vin",
            attributes=[{"name": "owner_id", "type": "S"}, {"name": "vin", "type": "S"}],
            point_in_time_recovery={"enabled": True},
            opts=opts,
        )
        vpc, subnets = _vpc("owner-api", opts)
        sg = aws.ec2.SecurityGroup("owner-api", vpc_id=vpc.id, opts=opts)
        connector = aws.apprunner.VpcConnector(
            "owner-api",
            vpc_connector_name="owner-api",
            subnets=[s.id for s in subnets],
            security_groups=[sg.id],
            opts=opts,
        )
        tracing = aws.apprunner.ObservabilityConfiguration(
            "owner-api",
            observability_configuration_name="owner-api",
            trace_configuration={"vendor": "AWSXRAY"},
            opts=opts,
        )
        scaling = aws.apprunner.AutoScalingConfigurationVersion(
            "owner-api",
            auto_scaling_configuration_name="owner-api",
            max_concurrency=100,
            max_size=5,
            min_size=1,
            opts=opts,
        )
        access = aws.iam.Role("apprunner-ecr", assume_role_policy=_trust("build.apprunner.amazonaws.com"), opts=opts)
        instance = aws.iam.Role(
            "apprunner-instance", assume_role_policy=_trust("tasks.apprunner.amazonaws.com"), opts=opts
        )
        return aws.apprunner.Service(
            "owner-api",
            service_name="owner-api",
            auto_scaling_configuration_arn=scaling.arn,
            source_configuration={
                "authentication_configuration": {"access_role_arn": access.arn},
                "auto_deployments_enabled": False,
                "image_repository": {
                    "image_identifier": repo.repository_url.apply(lambda u: f"{u}:2026.12.1"),
                    "image_repository_type": "ECR",
                    "image_configuration": {
                        "port": "8080",
                        "runtime_environment_variables": {"TABLE_NAME": table.name, "AWS_REGION_HOME": _region(opts)},
                    },
                },
            },
            instance_configuration={"instance_role_arn": instance.arn, "cpu": "1024", "memory": "2048"},
            network_configuration={"egress_configuration": {"egress_type": "VPC", "vpc_connector_arn": connector.arn}},
            observability_configuration={"observability_enabled": True, "observability_configuration_arn": tracing.arn},
            opts=opts,
        )

    return build


# -- telematics ingestion ----------------------------------------------------------------------------------------


def msk_connect_to_s3(region: str | None = None) -> Build:
    # docs: msk/serverlesscluster (IAM auth), mskconnect/customplugin (the Confluent S3 sink ZIP in the stack's bucket),
    # mskconnect/connector (connector_configuration: connector.class, topics, s3.region, s3.bucket.name, flush.size;
    # bootstrap servers from the cluster, IAM client auth, TLS in transit, log delivery to the stack's log group).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        here = _region(opts)
        vpc, subnets = _vpc("telemetry-kafka", opts, "10.30.0.0/16")
        sg = aws.ec2.SecurityGroup("telemetry-kafka", vpc_id=vpc.id, opts=opts)
        cluster = aws.msk.ServerlessCluster(
            "telemetry",
            cluster_name="telemetry",
            vpc_configs=[{"subnet_ids": [s.id for s in subnets], "security_group_ids": [sg.id]}],
            client_authentication={"sasl": {"iam": {"enabled": True}}},
            opts=opts,
        )
        plugins = aws.s3.Bucket("kafka-connect-plugins", opts=opts)
        lake = aws.s3.Bucket("telemetry-lake", opts=opts)
        plugin_zip = aws.s3.BucketObjectv2(
            "s3-sink-plugin",
            bucket=plugins.id,
            key="confluentinc-kafka-connect-s3-10.5.13.zip",
            source=pulumi.StringAsset("plugin archive placeholder"),
            opts=opts,
        )
        plugin = aws.mskconnect.CustomPlugin(
            "s3-sink",
            name="s3-sink",
            content_type="ZIP",
            location={"s3": {"bucket_arn": plugins.arn, "file_key": plugin_zip.key}},
            opts=opts,
        )
        logs = aws.cloudwatch.LogGroup("kafka-connect", retention_in_days=14, opts=opts)
        role = aws.iam.Role("kafka-connect", assume_role_policy=_trust("kafkaconnect.amazonaws.com"), opts=opts)
        bootstrap = aws.msk.get_bootstrap_brokers_output(
            cluster_arn=cluster.arn, opts=pulumi.InvokeOutputOptions(provider=opts.provider)
        ).bootstrap_brokers_sasl_iam
        return aws.mskconnect.Connector(
            "telemetry-to-s3",
            name="telemetry-to-s3",
            kafkaconnect_version="2.7.1",
            capacity={
                "autoscaling": {
                    "mcu_count": 1,
                    "min_worker_count": 1,
                    "max_worker_count": 2,
                    "scale_in_policy": {"cpu_utilization_percentage": 20},
                    "scale_out_policy": {"cpu_utilization_percentage": 80},
                }
            },
            connector_configuration={
                "connector.class": "io.confluent.connect.s3.S3SinkConnector",
                "tasks.max": "2",
                "topics": "vehicle.telemetry",
                "s3.region": here,
                "s3.bucket.name": lake.bucket,
                "flush.size": "1000",
                "storage.class": "io.confluent.connect.s3.storage.S3Storage",
                "format.class": "io.confluent.connect.s3.format.json.JsonFormat",
            },
            kafka_cluster={
                "apache_kafka_cluster": {
                    "bootstrap_servers": bootstrap,
                    "vpc": {"security_groups": [sg.id], "subnets": [s.id for s in subnets]},
                }
            },
            kafka_cluster_client_authentication={"authentication_type": "IAM"},
            kafka_cluster_encryption_in_transit={"encryption_type": "TLS"},
            plugins=[{"custom_plugin": {"arn": plugin.arn, "revision": plugin.latest_revision}}],
            log_delivery={"worker_log_delivery": {"cloudwatch_logs": {"enabled": True, "log_group": logs.name}}},
            service_execution_role_arn=role.arn,
            opts=opts,
        )

    return build


def iot_jobs_and_dashcam_video(region: str | None = None) -> Build:
    # docs: iot/thinggroup (a model year), s3 object with the OTA job document, iot/topicrule republishing job
    # notifications, kinesis/videostream for dashcam clips (KMS key of the stack, 24 h retention), a Lambda that starts
    # the OTA job with the document's S3 URL (the document's firmware link is the presigned-URL placeholder
    # ${aws:iot:s3-presigned-url:<the object's S3 URL>} of "Job documents", here the bucket's regional URL), with the
    # document's own URL (https://<bucket>.s3.<region>.amazonaws.com/<key>, the "documentSource"
    # form of CreateJob) and the job's presigned-URL role.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        here = _region(opts)
        key = aws.kms.Key("dashcam-video", description="Dashcam clips", opts=opts)
        aws.kinesis.VideoStream(
            "dashcam",
            name="dashcam",
            data_retention_in_hours=24,
            media_type="video/h264",
            kms_key_id=key.arn,
            opts=opts,
        )
        group = aws.iot.ThingGroup(
            "model-2026", name="model-2026", properties={"description": "Model year 2026 vehicles"}, opts=opts
        )
        ota = aws.s3.Bucket("ota-jobs", opts=opts)
        firmware = pulumi.Output.all(ota.bucket, here).apply(
            lambda a: f"${{aws:iot:s3-presigned-url:https://{a[0]}.s3.{a[1]}.amazonaws.com/firmware/fw-4.2.0.bin}}"
        )
        doc = aws.s3.BucketObjectv2(
            "ota-job-document",
            bucket=ota.id,
            key="jobs/fw-4.2.0.json",
            content_type="application/json",
            content=firmware.apply(
                lambda url: json.dumps({"operation": "firmware-update", "version": "4.2.0", "url": url})
            ),
            opts=opts,
        )
        aws.iot.TopicRule(
            "job-notifications",
            enabled=True,
            sql_version="2016-03-23",
            sql="SELECT * FROM '$aws/events/job/#'",
            republishes=[
                {
                    "topic": "fleet/ota/status",
                    "role_arn": aws.iam.Role(
                        "iot-republish", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts
                    ).arn,
                }
            ],
            opts=opts,
        )
        presign = aws.iam.Role("ota-presign", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        source = pulumi.Output.all(ota.bucket, here, doc.key).apply(
            lambda a: f"https://{a[0]}.s3.{a[1]}.amazonaws.com/{a[2]}"
        )
        return _function(
            "ota-start",
            opts,
            {"THING_GROUP_ARN": group.arn, "JOB_DOCUMENT_SOURCE": source, "PRESIGN_ROLE_ARN": presign.arn},
        )

    return build


# -- analytics ----------------------------------------------------------------------------------------------------


def lake_formation_athena(region: str | None = None) -> Build:
    # docs: lakeformation/datalakesettings (admins), lakeformation/resource (the lake bucket registered with the
    # service-linked role), glue/catalogdatabase + glue/crawler (S3 target in the lake), lakeformation/permissions
    # (SELECT for the analysts' role), athena/workgroup (enforced result location in the stack's bucket, SSE_KMS with
    # the stack's key, bytes-scanned cutoff), athena/namedquery.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        lake = aws.s3.Bucket("charging-lake", opts=opts)
        results = aws.s3.Bucket("athena-results", opts=opts)
        key = aws.kms.Key("athena-results", description="Athena query results", opts=opts)
        admin = aws.iam.Role("lake-admin", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
        analysts = aws.iam.Role("analysts", assume_role_policy=_trust("athena.amazonaws.com"), opts=opts)
        aws.lakeformation.DataLakeSettings("lake", admins=[admin.arn], opts=opts)
        aws.lakeformation.Resource("charging-lake", arn=lake.arn, use_service_linked_role=True, opts=opts)
        db = aws.glue.CatalogDatabase("charging", name="charging", opts=opts)
        aws.glue.Crawler(
            "charging-sessions",
            database_name=db.name,
            role=admin.arn,
            schedule="cron(0 3 * * ? *)",
            s3_targets=[{"path": lake.bucket.apply(lambda b: f"s3://{b}/sessions/")}],
            opts=opts,
        )
        aws.lakeformation.Permissions(
            "analysts-select",
            principal=analysts.arn,
            permissions=["SELECT", "DESCRIBE"],
            table={"database_name": db.name, "wildcard": True},
            opts=opts,
        )
        workgroup = aws.athena.Workgroup(
            "analysts",
            name="analysts",
            configuration={
                "enforce_workgroup_configuration": True,
                "publish_cloudwatch_metrics_enabled": True,
                "bytes_scanned_cutoff_per_query": 10 * 1024**3,
                "result_configuration": {
                    "output_location": results.bucket.apply(lambda b: f"s3://{b}/analysts/"),
                    "encryption_configuration": {"encryption_option": "SSE_KMS", "kms_key_arn": key.arn},
                },
            },
            opts=opts,
        )
        return aws.athena.NamedQuery(
            "sessions-per-site",
            workgroup=workgroup.id,
            database=db.name,
            query="SELECT site_id, count(*) FROM sessions GROUP BY site_id",
            opts=opts,
        )

    return build


def redshift_snapshot_copy(region: str, dr_region: str) -> Build:
    # docs: redshift/cluster (encrypted with the stack's key, enhanced VPC routing, managed master password),
    # redshift/snapshotcopygrant (made in the destination region with its key: "the grant must be created in the
    # destination region"), redshift/snapshotcopy (destination_region, retention), redshift/logging to the stack's
    # bucket.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        key = aws.kms.Key("warehouse", description="Redshift warehouse", opts=opts)
        dr_key = aws.kms.Key("warehouse-dr", description="Redshift snapshot copies", opts=dr)
        grant = aws.redshift.SnapshotCopyGrant(
            "warehouse-dr", snapshot_copy_grant_name="warehouse-dr", kms_key_id=dr_key.arn, opts=dr
        )
        cluster = aws.redshift.Cluster(
            "warehouse",
            cluster_identifier="fleet-warehouse",
            database_name="fleet",
            master_username="admin",
            manage_master_password=True,
            node_type="ra3.xlplus",
            cluster_type="multi-node",
            number_of_nodes=2,
            encrypted="true",  # a string in pulumi-aws v7's redshift/cluster
            kms_key_id=key.arn,
            enhanced_vpc_routing=True,
            skip_final_snapshot=False,
            final_snapshot_identifier="fleet-warehouse-final",
            opts=opts,
        )
        audit = aws.s3.Bucket("warehouse-audit", opts=opts)
        aws.redshift.Logging(
            "warehouse",
            cluster_identifier=cluster.cluster_identifier,
            log_destination_type="s3",
            bucket_name=audit.bucket,
            s3_key_prefix="redshift/",
            opts=opts,
        )
        return aws.redshift.SnapshotCopy(
            "warehouse",
            cluster_identifier=cluster.cluster_identifier,
            destination_region=dr_region,
            retention_period=7,
            snapshot_copy_grant_name=grant.snapshot_copy_grant_name,
            opts=opts,
        )

    return build


def emr_serverless_studio(region: str | None = None) -> Build:
    # docs: emrserverless/application (spark, release emr-7.2.0, in the stack's VPC, monitoring to the stack's bucket
    # and CloudWatch), emr/studio (IAM auth, default_s3_location in the stack's bucket), the job runtime role.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        vpc, subnets = _vpc("analytics", opts, "10.40.0.0/16")
        sg = aws.ec2.SecurityGroup("spark", vpc_id=vpc.id, opts=opts)
        workspace_sg = aws.ec2.SecurityGroup("studio-workspace", vpc_id=vpc.id, opts=opts)
        engine_sg = aws.ec2.SecurityGroup("studio-engine", vpc_id=vpc.id, opts=opts)
        logs = aws.s3.Bucket("spark-logs", opts=opts)
        studio_bucket = aws.s3.Bucket("studio-notebooks", opts=opts)
        aws.emrserverless.Application(
            "battery-analytics",
            name="battery-analytics",
            release_label="emr-7.2.0",
            type="spark",
            maximum_capacity={"cpu": "64 vCPU", "memory": "256 GB"},
            network_configuration={"subnet_ids": [s.id for s in subnets], "security_group_ids": [sg.id]},
            monitoring_configuration={
                "s3_monitoring_configuration": {"log_uri": logs.bucket.apply(lambda b: f"s3://{b}/emr-serverless/")},
                "cloudwatch_logging_configuration": {"enabled": True, "log_group_name": "/emr-serverless/battery"},
            },
            auto_stop_configuration={"enabled": True, "idle_timeout_minutes": 15},
            opts=opts,
        )
        service = aws.iam.Role("emr-studio", assume_role_policy=_trust("elasticmapreduce.amazonaws.com"), opts=opts)
        return aws.emr.Studio(
            "analysts",
            name="analysts",
            auth_mode="IAM",
            vpc_id=vpc.id,
            subnet_ids=[s.id for s in subnets],
            service_role=service.arn,
            workspace_security_group_id=workspace_sg.id,
            engine_security_group_id=engine_sg.id,
            default_s3_location=studio_bucket.bucket.apply(lambda b: f"s3://{b}/studio/"),
            opts=opts,
        )

    return build


# -- DR between in-country regions -------------------------------------------------------------------------------


def multi_region_keys_and_tables(region: str, dr_region: str) -> Build:
    # docs: kms/key (multi_region), kms/replicakey in the DR region, dynamodb/table with a replica in the DR region
    # encrypted with the replica key (replicas[].region_name / kms_key_arn), secretsmanager/secret with a replica
    # (replicas[].region, kms_key_id), ssm/parameter read by the app in both regions.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        primary = aws.kms.Key(
            "owner-data",
            description="Owner data (multi-Region)",
            multi_region=True,
            enable_key_rotation=True,
            opts=opts,
        )
        replica = aws.kms.ReplicaKey("owner-data-dr", primary_key_arn=primary.arn, description="DR replica", opts=dr)
        aws.dynamodb.Table(
            "owner-profiles",
            billing_mode="PAY_PER_REQUEST",
            hash_key="owner_id",
            attributes=[{"name": "owner_id", "type": "S"}],
            stream_enabled=True,
            stream_view_type="NEW_AND_OLD_IMAGES",
            server_side_encryption={"enabled": True, "kms_key_arn": primary.arn},
            replicas=[{"region_name": dr_region, "kms_key_arn": replica.arn, "point_in_time_recovery": True}],
            opts=opts,
        )
        aws.secretsmanager.Secret(
            "owner-api-signing",
            description="Owner API JWT signing secret",
            kms_key_id=primary.arn,
            replicas=[{"region": dr_region, "kms_key_id": replica.arn}],
            opts=opts,
        )
        return aws.ssm.Parameter(
            "owner-api-dr-region",
            type="String",
            value=dr_region,
            description="Region the owner API fails over to",
            opts=opts,
        )

    return build


def route53_failover(region: str, dr_region: str, zone: str, checker_regions: list[str] | None = None) -> Build:
    # docs: lb/loadbalancer in each region, route53/healthcheck: with `checker_regions`, HTTPS on the primary ALB's DNS
    # name from those checker regions (API_HealthCheckConfig "Regions": at least three); without, a CLOUDWATCH_METRIC
    # check on the primary ALB's HealthyHostCount alarm ("Monitoring a CloudWatch alarm": no checker requests the
    # endpoint), route53/record
    # alias records with failover_routing_policies PRIMARY / SECONDARY (alias name and zone_id from each ALB), a TXT
    # record for domain ownership; pulumi-aws v7's per-resource `region` puts the DR ALB and its subnets in the DR
    # region with the same provider.
    def build(c: Any) -> object:
        opts = _aws(region)
        albs = []
        for name, where in (("primary", None), ("dr", dr_region)):
            extra: dict[str, Any] = {"region": where} if where else {}
            vpc = aws.ec2.Vpc(f"web-{name}", cidr_block="10.50.0.0/16", opts=opts, **extra)
            subnets = [
                aws.ec2.Subnet(f"web-{name}-{i}", vpc_id=vpc.id, cidr_block=f"10.50.{i}.0/24", opts=opts, **extra)
                for i in range(2)
            ]
            albs.append(
                aws.lb.LoadBalancer(
                    f"owner-web-{name}",
                    load_balancer_type="application",
                    subnets=[s.id for s in subnets],
                    opts=opts,
                    **extra,
                )
            )
        dns = aws.route53.Zone("owners", name=zone, opts=opts)
        if checker_regions:
            check = aws.route53.HealthCheck(
                "owner-web-primary",
                fqdn=albs[0].dns_name,
                port=443,
                type="HTTPS",
                resource_path="/healthz",
                failure_threshold=3,
                request_interval=30,
                regions=checker_regions,
                opts=opts,
            )
        else:
            alarm = aws.cloudwatch.MetricAlarm(
                "owner-web-primary-healthy",
                comparison_operator="LessThanThreshold",
                evaluation_periods=2,
                metric_name="HealthyHostCount",
                namespace="AWS/ApplicationELB",
                period=60,
                statistic="Minimum",
                threshold=1,
                dimensions={"LoadBalancer": albs[0].arn_suffix},
                opts=opts,
            )
            check = aws.route53.HealthCheck(
                "owner-web-primary",
                type="CLOUDWATCH_METRIC",
                cloudwatch_alarm_name=alarm.name,
                cloudwatch_alarm_region=region,
                insufficient_data_health_status="LastKnownStatus",
                opts=opts,
            )
        for alb, role, health in ((albs[0], "PRIMARY", check.id), (albs[1], "SECONDARY", None)):
            aws.route53.Record(
                f"owners-{role.lower()}",
                zone_id=dns.zone_id,
                name=f"owners.{zone}",
                type="A",
                set_identifier=role.lower(),
                failover_routing_policies=[{"type": role}],
                health_check_id=health,
                aliases=[{"name": alb.dns_name, "zone_id": alb.zone_id, "evaluate_target_health": True}],
                opts=opts,
            )
        return aws.route53.Record(
            "owners-verification",
            zone_id=dns.zone_id,
            name=f"_verify.{zone}",
            type="TXT",
            ttl=300,
            records=["fleet-ownership=2026-12"],
            opts=opts,
        )

    return build


# -- network controls ---------------------------------------------------------------------------------------------


def endpoints_with_policies(region: str | None = None) -> Build:
    # docs: ec2/vpcendpoint Gateway endpoints for S3 and DynamoDB with endpoint policies limited to the account's own
    # resources (aws:ResourceAccount), Interface endpoints (private DNS) for bedrock-runtime, sagemaker.runtime,
    # kinesis-streams and execute-api ("AWS services that integrate with AWS PrivateLink":
    # com.amazonaws.<region>.<svc>),
    # an endpoint policy allowing InvokeModel on the region's foundation models only.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        here = _region(opts)
        account = _account(opts)
        vpc, subnets = _vpc("private-services", opts, "10.60.0.0/16")
        sg = aws.ec2.SecurityGroup("endpoints", vpc_id=vpc.id, opts=opts)
        rt = aws.ec2.RouteTable("private", vpc_id=vpc.id, opts=opts)
        own_only = account.apply(
            lambda a: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "*",
                        "Resource": "*",
                        "Condition": {"StringEquals": {"aws:ResourceAccount": a}},
                    }
                ]
            )
        )
        for svc in ("s3", "dynamodb"):
            aws.ec2.VpcEndpoint(
                f"gw-{svc}",
                vpc_id=vpc.id,
                vpc_endpoint_type="Gateway",
                route_table_ids=[rt.id],
                policy=own_only,
                service_name=here.apply(functools.partial(_service_name, service=svc)),
                opts=opts,
            )
        models = here.apply(
            lambda r: _policy(
                [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                        "Resource": f"arn:aws:bedrock:{r}::foundation-model/*",
                    }
                ]
            )
        )
        last = None
        for svc, policy in (
            ("bedrock-runtime", models),
            ("sagemaker.runtime", None),
            ("kinesis-streams", None),
            ("execute-api", None),
        ):
            extra: dict[str, Any] = {"policy": policy} if policy is not None else {}
            last = aws.ec2.VpcEndpoint(
                f"if-{svc.replace('.', '-')}",
                vpc_id=vpc.id,
                vpc_endpoint_type="Interface",
                private_dns_enabled=True,
                subnet_ids=[s.id for s in subnets],
                security_group_ids=[sg.id],
                service_name=here.apply(functools.partial(_service_name, service=svc)),
                opts=opts,
                **extra,
            )
        return last

    return build


def waf_with_logging(region: str | None = None, *, countries: list[str] | None = None) -> Build:
    # docs: wafv2/webacl REGIONAL (AWS managed rule groups Common and IP reputation, a rate-based rule, a geo-match
    # rule: "GeoMatchStatement ... the country codes of the request's origin"), wafv2/ipset (the workshop's allow list),
    # wafv2/webaclloggingconfiguration to a log group named aws-waf-logs-* with a redacted Authorization header,
    # wafv2/webaclassociation with the stack's ALB.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        _, subnets = _vpc("portal", opts, "10.70.0.0/16")
        alb = aws.lb.LoadBalancer(
            "owner-portal", load_balancer_type="application", subnets=[s.id for s in subnets], opts=opts
        )
        workshops = aws.wafv2.IpSet(
            "workshops", scope="REGIONAL", ip_address_version="IPV4", addresses=["198.51.100.0/24"], opts=opts
        )
        visibility: dict[str, Any] = {"cloudwatch_metrics_enabled": True, "sampled_requests_enabled": True}
        rules: list[Any] = [
            {
                "name": "common",
                "priority": 1,
                "override_action": {"none": {}},
                "statement": {
                    "managed_rule_group_statement": {"vendor_name": "AWS", "name": "AWSManagedRulesCommonRuleSet"}
                },
                "visibility_config": {**visibility, "metric_name": "common"},
            },
            {
                "name": "ip-reputation",
                "priority": 2,
                "override_action": {"none": {}},
                "statement": {
                    "managed_rule_group_statement": {
                        "vendor_name": "AWS",
                        "name": "AWSManagedRulesAmazonIpReputationList",
                    }
                },
                "visibility_config": {**visibility, "metric_name": "ip-reputation"},
            },
            {
                "name": "workshops",
                "priority": 3,
                "action": {"allow": {}},
                "statement": {"ip_set_reference_statement": {"arn": workshops.arn}},
                "visibility_config": {**visibility, "metric_name": "workshops"},
            },
            {
                "name": "rate",
                "priority": 4,
                "action": {"block": {}},
                "statement": {"rate_based_statement": {"limit": 2000, "aggregate_key_type": "IP"}},
                "visibility_config": {**visibility, "metric_name": "rate"},
            },
        ]
        if countries:
            rules.append(
                {
                    "name": "markets-only",
                    "priority": 5,
                    "action": {"block": {}},
                    "statement": {
                        "not_statement": {"statement": {"geo_match_statement": {"country_codes": countries}}}
                    },
                    "visibility_config": {**visibility, "metric_name": "markets-only"},
                }
            )
        allow_all: Any = {"allow": {}}
        acl_visibility: Any = {**visibility, "metric_name": "owner-portal"}
        acl = aws.wafv2.WebAcl(
            "owner-portal",
            scope="REGIONAL",
            default_action=allow_all,
            rules=rules,
            visibility_config=acl_visibility,
            opts=opts,
        )
        logs = aws.cloudwatch.LogGroup("waf-logs", name="aws-waf-logs-owner-portal", retention_in_days=90, opts=opts)
        aws.wafv2.WebAclLoggingConfiguration(
            "owner-portal",
            resource_arn=acl.arn,
            log_destination_configs=[logs.arn],
            redacted_fields=[{"single_header": {"name": "authorization"}}],
            opts=opts,
        )
        return aws.wafv2.WebAclAssociation("owner-portal", resource_arn=alb.arn, web_acl_arn=acl.arn, opts=opts)

    return build


# -- CI/CD and observability ---------------------------------------------------------------------------------------


def codeartifact_codedeploy(region: str | None = None) -> Build:
    # docs: codeartifact/domain (encrypted with the stack's key) + repository (no external connection: packages are
    # published by the stack's own builds), codebuild/project whose environment names the repository endpoint
    # (codeartifact get-repository-endpoint: https://<domain>-<account>.d.codeartifact.<region>.amazonaws.com/pypi/
    # <repo>/), codedeploy/application + deploymentgroup (in-place on tagged EC2, auto rollback, SNS trigger).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        here = _region(opts)
        account = _account(opts)
        key = aws.kms.Key("artifacts", description="CodeArtifact", opts=opts)
        domain = aws.codeartifact.Domain("fleet", domain="fleet", encryption_key=key.arn, opts=opts)
        repo = aws.codeartifact.Repository("internal", repository="internal", domain=domain.domain, opts=opts)
        index = pulumi.Output.all(domain.domain, account, here, repo.repository).apply(
            lambda a: f"https://{a[0]}-{a[1]}.d.codeartifact.{a[2]}.amazonaws.com/pypi/{a[3]}/simple/"
        )
        build_role = aws.iam.Role("codebuild", assume_role_policy=_trust("codebuild.amazonaws.com"), opts=opts)
        aws.codebuild.Project(
            "telemetry-service",
            service_role=build_role.arn,
            artifacts={"type": "NO_ARTIFACTS"},
            source={"type": "NO_SOURCE", "buildspec": "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n"},
            environment={
                "compute_type": "BUILD_GENERAL1_SMALL",
                "image": "aws/codebuild/standard:7.0",
                "type": "LINUX_CONTAINER",
                "environment_variables": [
                    {"name": "PIP_INDEX_URL", "value": index},
                    {"name": "CODEARTIFACT_DOMAIN", "value": domain.domain},
                ],
            },
            opts=opts,
        )
        app = aws.codedeploy.Application("telemetry-service", compute_platform="Server", opts=opts)
        deploy_role = aws.iam.Role("codedeploy", assume_role_policy=_trust("codedeploy.amazonaws.com"), opts=opts)
        topic = aws.sns.Topic("deployments", opts=opts)
        return aws.codedeploy.DeploymentGroup(
            "telemetry-service",
            app_name=app.name,
            deployment_group_name="prod",
            service_role_arn=deploy_role.arn,
            deployment_config_name="CodeDeployDefault.OneAtATime",
            ec2_tag_sets=[{"ec2_tag_filters": [{"key": "service", "type": "KEY_AND_VALUE", "value": "telemetry"}]}],
            auto_rollback_configuration={"enabled": True, "events": ["DEPLOYMENT_FAILURE"]},
            trigger_configurations=[
                {"trigger_events": ["DeploymentFailure"], "trigger_name": "failures", "trigger_target_arn": topic.arn}
            ],
            opts=opts,
        )

    return build


def metric_stream_and_dashboard(region: str, other_region: str) -> Build:
    # docs: cloudwatch/metricstream (include filters, OpenTelemetry 1.0) to a Firehose delivering to the stack's bucket,
    # cloudwatch/dashboard whose metric widgets name both in-country regions ("region" of a widget's properties),
    # cloudwatch/compositealarm, cloudwatch/loganomalydetector on the API's log group.
    def build(c: Any) -> object:
        opts = _aws(region)
        metrics = aws.s3.Bucket("metric-archive", opts=opts)
        firehose_role = aws.iam.Role("metric-firehose", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
        stream_role = aws.iam.Role(
            "metric-stream", assume_role_policy=_trust("streams.metrics.cloudwatch.amazonaws.com"), opts=opts
        )
        firehose = aws.kinesis.FirehoseDeliveryStream(
            "metric-archive",
            destination="extended_s3",
            extended_s3_configuration={"role_arn": firehose_role.arn, "bucket_arn": metrics.arn, "prefix": "metrics/"},
            opts=opts,
        )
        aws.cloudwatch.MetricStream(
            "fleet-metrics",
            role_arn=stream_role.arn,
            firehose_arn=firehose.arn,
            output_format="opentelemetry1.0",
            include_filters=[{"namespace": "AWS/IoT"}, {"namespace": "AWS/Kinesis"}],
            opts=opts,
        )
        widgets = [
            {
                "type": "metric",
                "x": 0,
                "y": 0,
                "width": 12,
                "height": 6,
                "properties": {
                    "region": r,
                    "title": f"API 5xx {r}",
                    "stat": "Sum",
                    "period": 300,
                    "metrics": [["AWS/ApiGateway", "5XXError", "ApiName", "owner-api"]],
                },
            }
            for r in (region, other_region)
        ]
        aws.cloudwatch.Dashboard(
            "fleet-dr", dashboard_name="fleet-dr", dashboard_body=json.dumps({"widgets": widgets}), opts=opts
        )
        alarms = [
            aws.cloudwatch.MetricAlarm(
                f"api-{n}",
                comparison_operator="GreaterThanThreshold",
                evaluation_periods=3,
                metric_name=m,
                namespace="AWS/ApiGateway",
                period=60,
                statistic="Sum",
                threshold=t,
                dimensions={"ApiName": "owner-api"},
                opts=opts,
            )
            for n, m, t in (("errors", "5XXError", 10), ("latency", "Latency", 2000))
        ]
        aws.cloudwatch.CompositeAlarm(
            "owner-api-degraded",
            alarm_name="owner-api-degraded",
            alarm_rule=pulumi.Output.all(*[a.name for a in alarms]).apply(
                lambda n: " AND ".join(f'ALARM("{x}")' for x in n)
            ),
            opts=opts,
        )
        logs = aws.cloudwatch.LogGroup("owner-api", retention_in_days=30, opts=opts)
        return aws.cloudwatch.LogAnomalyDetector(
            "owner-api",
            log_group_arn_lists=[logs.arn],
            detector_name="owner-api",
            evaluation_frequency="FIVE_MIN",
            enabled=True,
            opts=opts,
        )

    return build


def storage_lens_in_country(region: str, regions: list[str]) -> Build:
    # docs: s3control/storagelensconfiguration (account level with bucket-level activity metrics, include: the
    # jurisdiction's regions, the daily export in Parquet to the stack's bucket, SSE-S3).
    def build(c: Any) -> object:
        opts = _aws(region)
        account = _account(opts)
        reports = aws.s3.Bucket("storage-lens", opts=opts)
        return aws.s3control.StorageLensConfiguration(
            "fleet-storage",
            config_id="fleet-storage",
            storage_lens_configuration={
                "enabled": True,
                "account_level": {
                    "activity_metrics": {"enabled": True},
                    "bucket_level": {"activity_metrics": {"enabled": True}},
                },
                "include": {"regions": regions},
                "data_export": {
                    "s3_bucket_destination": {
                        "account_id": account,
                        "arn": reports.arn,
                        "format": "Parquet",
                        "output_schema_version": "V_1",
                        "prefix": "storage-lens",
                        "encryption": {"sse_s3s": [{}]},
                    }
                },
            },
            opts=opts,
        )

    return build


def sovereign_cloud_owner_data() -> Build:
    # docs: the AWS European Sovereign Cloud (partition aws-eusc, region eusc-de-east-1): s3/bucket with SSE-KMS by the
    # stack's key, kms/key + alias, dynamodb/table, the Lambda reading both (its basic execution policy named by the
    # role ARN's partition), sqs/queue with a dead-letter queue.
    def build(c: Any) -> object:
        opts = _aws("eusc-de-east-1")
        key = aws.kms.Key("owner-data", description="Owner data", enable_key_rotation=True, opts=opts)
        aws.kms.Alias("owner-data", name="alias/owner-data", target_key_id=key.key_id, opts=opts)
        bucket = aws.s3.Bucket("owner-documents", opts=opts)
        aws.s3.BucketServerSideEncryptionConfiguration(
            "owner-documents",
            bucket=bucket.id,
            rules=[
                {
                    "apply_server_side_encryption_by_default": {
                        "sse_algorithm": "aws:kms",
                        "kms_master_key_id": key.arn,
                    },
                    "bucket_key_enabled": True,
                }
            ],
            opts=opts,
        )
        table = aws.dynamodb.Table(
            "owner-vehicles",
            billing_mode="PAY_PER_REQUEST",
            hash_key="owner_id",
            attributes=[{"name": "owner_id", "type": "S"}],
            server_side_encryption={"enabled": True, "kms_key_arn": key.arn},
            opts=opts,
        )
        dlq = aws.sqs.Queue("owner-requests-dlq", kms_master_key_id=key.arn, opts=opts)
        aws.sqs.Queue(
            "owner-requests",
            kms_master_key_id=key.arn,
            redrive_policy=dlq.arn.apply(lambda a: json.dumps({"deadLetterTargetArn": a, "maxReceiveCount": 5})),
            opts=opts,
        )
        return _function("owner-data", opts, {"BUCKET": bucket.bucket, "TABLE": table.name, "KEY_ARN": key.arn})

    return build


# -- the toolkit's own components ------------------------------------------------------------------------------------


def toolkit_storage(code: str, region: str, secondary: str | None) -> Build:
    # The toolkit's AwsCountryKeys + AwsCountryStorage (docs/components.md), as a user composes them: one key per data
    # class, replicated buckets in the in-country secondary region, Object Lock for telemetry, access logs in a bucket
    # of each region, then the user's own Lambda reading the telemetry bucket with its key.
    def build(c: Any) -> object:
        # The team's stack pins its account, as the shipped stacks do (`aws:allowedAccountIds`): the keys' policies
        # grant the account the provider works in (RES-023).
        pin = ["123456789012"]
        primary = aws.Provider(f"aws-{region}", region=region, allowed_account_ids=pin)
        other = aws.Provider(f"aws-{secondary}", region=secondary, allowed_account_ids=pin) if secondary else None
        classes = ["vehicle_telemetry", "owner_personal_data"]
        keys = AwsCountryKeys(
            "fleet-keys",
            AwsCountryKeysArgs(
                jurisdiction=code,
                data_classes=classes,
                rotation_days=365,
                deletion_window_days=30,
                primary=primary,
                secondary=other,
                disk_key=False,
            ),
        )
        opts = pulumi.ResourceOptions(provider=primary)
        access_logs = aws.s3.Bucket("fleet-access-logs", opts=opts)
        replica_logs = (
            aws.s3.Bucket("fleet-access-logs-dr", opts=pulumi.ResourceOptions(provider=other)) if other else None
        )
        storage = AwsCountryStorage(
            "fleet-storage",
            AwsCountryStorageArgs(
                jurisdiction=code,
                retention_days={"vehicle_telemetry": 365, "owner_personal_data": 730},
                keys=keys.keys,
                primary=primary,
                secondary=other,
                replica_keys=keys.replica_keys,
                lock_modes={"vehicle_telemetry": "governance"},
                access_log_bucket=access_logs,
                replica_access_log_bucket=replica_logs,
                access_logged=frozenset(classes),
            ),
        )
        del storage
        return _function(
            "telemetry-reader", opts, {"KEY_ARN": keys.keys["vehicle_telemetry"].arn, "DATA_CLASS": "vehicle_telemetry"}
        )

    return build


def ali_toolkit_storage(code: str, region: str) -> Build:
    # The toolkit's AlicloudCountryKeys + AlicloudCountryStorage in one international region, and the user's own
    # Function Compute function reading the owner bucket with its key.
    def build(c: Any) -> object:
        # A team's own stack deploys as its account's role (provider `assumeRole`), as RES-023 asks of the key
        # policy's grant to the account (stop 36).
        primary = alicloud.Provider(
            f"ali-{region}", region=region, assume_role=alicloud.ProviderAssumeRoleArgs(role_arn=ALI_DEPLOYER)
        )
        keys = AlicloudCountryKeys(
            "fleet-keys",
            AlicloudCountryKeysArgs(
                jurisdiction=code,
                data_classes=["owner_personal_data"],
                rotation_days=180,
                deletion_window_days=14,
                primary=primary,
                disk_key=False,
            ),
        )
        AlicloudCountryStorage(
            "fleet-storage",
            AlicloudCountryStorageArgs(
                jurisdiction=code, retention_days={"owner_personal_data": 730}, keys=keys.keys, primary=primary
            ),
        )
        opts = pulumi.ResourceOptions(provider=primary)
        role = alicloud.ram.Role(
            "fc-reader", role_name="fc-reader", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        return alicloud.fc.V3Function(
            "owner-reader",
            function_name="owner-reader",
            runtime="python3.10",
            handler="index.handler",
            memory_size=512,
            role=role.arn,
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={"KEY_ID": keys.keys["owner_personal_data"].id, "REGION": region},
            opts=opts,
        )

    return build


# -- Alibaba Cloud in Japan, the United States and Germany -------------------------------------------------------


def ali_owner_service(region: str) -> Build:
    # docs: alicloud kms/key, oss/bucket + bucketserversideencryption (KMS with the stack's key), rds/instance
    # (PostgreSQL, TDE off, SSL on, whitelisted vSwitch), vpc/network + vpc/switch, fc/v3function in the VPC (env: the
    # bucket, the database's connection_string output, the OSS internal endpoint oss-<region>-internal.aliyuncs.com).
    def build(c: Any) -> object:
        opts = _ali(region)
        key = alicloud.kms.Key("owner-data", description="Owner data", pending_window_in_days=7, opts=opts)
        bucket = alicloud.oss.Bucket("owner-documents", bucket=f"fleet-owner-docs-{region}", opts=opts)
        alicloud.oss.BucketServerSideEncryption(
            "owner-documents", bucket=bucket.bucket, sse_algorithm="KMS", kms_master_key_id=key.id, opts=opts
        )
        vpc = alicloud.vpc.Network("owner", vpc_name="owner", cidr_block="172.16.0.0/16", opts=opts)
        vsw = alicloud.vpc.Switch(
            "owner-a",
            vpc_id=vpc.id,
            cidr_block="172.16.1.0/24",
            zone_id=f"{region}a",
            vswitch_name="owner-a",
            opts=opts,
        )
        db = alicloud.rds.Instance(
            "owner-db",
            engine="PostgreSQL",
            engine_version="16.0",
            instance_type="pg.n2.2c.2m",
            instance_storage=50,
            instance_charge_type="Postpaid",
            vswitch_id=vsw.id,
            security_ips=["172.16.1.0/24"],
            opts=opts,
        )
        role = alicloud.ram.Role(
            "owner-fc", role_name="owner-fc", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        sg = alicloud.ecs.SecurityGroup("owner-fc", vpc_id=vpc.id, opts=opts)
        return alicloud.fc.V3Function(
            "owner-api",
            function_name="owner-api",
            runtime="python3.10",
            handler="index.handler",
            memory_size=512,
            role=role.arn,
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            vpc_config={"vpc_id": vpc.id, "vswitch_ids": [vsw.id], "security_group_id": sg.id},
            environment_variables={
                "BUCKET": bucket.bucket,
                "DB_HOST": db.connection_string,
                "OSS_ENDPOINT": f"https://oss-{region}-internal.aliyuncs.com",
            },
            opts=opts,
        )

    return build


def ali_telemetry_kafka_sls(region: str) -> Build:
    # docs: alicloud alikafka/instance + topic, log/project + log/store, log/ossexport (the SLS OSS shipping job into
    # the stack's bucket), a RAM role for SLS to write OSS.
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        vpc = alicloud.vpc.Network("telemetry", vpc_name="telemetry", cidr_block="172.17.0.0/16", opts=opts)
        vsw = alicloud.vpc.Switch(
            "telemetry-a", vpc_id=vpc.id, cidr_block="172.17.1.0/24", zone_id=f"{region}a", opts=opts
        )
        kafka = alicloud.alikafka.Instance(
            "telemetry",
            name="telemetry",
            partition_num=50,
            disk_type=1,
            disk_size=500,
            deploy_type=5,
            io_max=20,
            vswitch_id=vsw.id,
            opts=opts,
        )
        alicloud.alikafka.Topic(
            "vehicle-telemetry",
            instance_id=kafka.id,
            topic="vehicle-telemetry",
            remark="raw",
            partition_num=12,
            opts=opts,
        )
        project = alicloud.log.Project("telemetry", project_name=f"fleet-telemetry-{region}", opts=opts)
        store = alicloud.log.Store(
            "events",
            project_name=project.project_name,
            logstore_name="events",
            retention_period=30,
            shard_count=2,
            opts=opts,
        )
        archive = alicloud.oss.Bucket("telemetry-archive", bucket=f"fleet-telemetry-archive-{region}", opts=opts)
        role = alicloud.ram.Role(
            "sls-oss", role_name="sls-oss", assume_role_policy_document=_ram_trust("log.aliyuncs.com"), opts=opts
        )
        return alicloud.log.OssExport(
            "events-archive",
            project_name=project.project_name,
            logstore_name=store.logstore_name,
            export_name="events-archive",
            display_name="events-archive",
            bucket=archive.bucket,
            prefix="events",
            suffix=".json",
            buffer_interval=300,
            buffer_size=256,
            compress_type="snappy",
            content_type="json",
            path_format="%Y/%m/%d/%H/%M",
            time_zone="+0000",
            role_arn=role.arn,
            opts=opts,
        )

    return build


def ali_dr_between(region: str, dr_region: str) -> Build:
    # docs: alicloud oss/bucketreplication (cross-region replication to the stack's bucket in dr_region:
    # destination.bucket / destination.location oss-<region>), cen/instance + cen/transitrouter in each region +
    # cen/transitrouterpeerattachment (peer_transit_router_region_id).
    def build(c: Any) -> object:
        opts, dr = _ali(region), _ali(dr_region)
        source = alicloud.oss.Bucket(
            "owner-docs", bucket=f"fleet-owner-docs-{region}", versioning={"status": "Enabled"}, opts=opts
        )
        replica = alicloud.oss.Bucket(
            "owner-docs-dr", bucket=f"fleet-owner-docs-{dr_region}", versioning={"status": "Enabled"}, opts=dr
        )
        alicloud.oss.BucketReplication(
            "owner-docs",
            bucket=source.bucket,
            action="ALL",
            historical_object_replication="enabled",
            destination={"bucket": replica.bucket, "location": f"oss-{dr_region}"},
            opts=opts,
        )
        cen = alicloud.cen.Instance("fleet", cen_instance_name="fleet", opts=opts)
        tr = alicloud.cen.TransitRouter("home", cen_id=cen.id, transit_router_name="home", opts=opts)
        tr_dr = alicloud.cen.TransitRouter("dr", cen_id=cen.id, transit_router_name="dr", opts=dr)
        return alicloud.cen.TransitRouterPeerAttachment(
            "home-dr",
            cen_id=cen.id,
            transit_router_id=tr.transit_router_id,
            peer_transit_router_id=tr_dr.transit_router_id,
            peer_transit_router_region_id=dr_region,
            bandwidth=5,
            bandwidth_type="DataTransfer",
            transit_router_attachment_name="home-dr",
            opts=opts,
        )

    return build


def ali_alarms_to_mns(region: str) -> Build:
    # docs: alicloud mns/topic, cms/alarmcontactgroup (no contacts: notifications go to the MNS topic), cms/alarm on
    # the ECS CPU metric with escalations, the alarm's targets naming the MNS topic ARN
    # (acs:mns:<region>:<uid>:/topics/...).
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        topic = alicloud.mns.Topic("fleet-alarms", name="fleet-alarms", opts=opts)
        group = alicloud.cms.AlarmContactGroup(
            "oncall", alarm_contact_group_name="oncall", describe="Fleet on-call", opts=opts
        )
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).id
        return alicloud.cms.Alarm(
            "api-cpu",
            name="api-cpu",
            project="acs_ecs_dashboard",
            metric="CPUUtilization",
            period=300,
            contact_groups=[group.alarm_contact_group_name],
            metric_dimensions='[{"instanceId":"i-owner-api"}]',
            escalations_critical={"statistics": "Average", "comparison_operator": ">=", "threshold": "90", "times": 3},
            targets=[
                {
                    "target_id": "1",
                    "arn": pulumi.Output.all(account, topic.name).apply(
                        lambda a: f"acs:mns:{region}:{a[0]}:/topics/{a[1]}/messages"
                    ),
                    "level": '["CRITICAL"]',
                }
            ],
            opts=opts,
        )

    return build


# -- programs that use the transfer register -------------------------------------------------------------------------


def vendor_diagnostics_export(region: str | None = None, *, stray: bool = False) -> Build:
    # docs: kinesis/firehosedeliverystream with an http_endpoint_configuration (the vendor's HTTPS intake, its access
    # key in the stack's secret, S3 backup of failed records in the stack's bucket); lambda/function posting the
    # weekly fault summary to the same vendor API. `stray`: the stack's marketing Lambda posts to the same vendor,
    # outside the resources the transfer is limited to.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        backup = aws.s3.Bucket("diag-export-failed", opts=opts)
        role = aws.iam.Role("diag-export-delivery", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
        aws.kinesis.FirehoseDeliveryStream(
            "diag-export",
            destination="http_endpoint",
            http_endpoint_configuration={
                "url": "https://intake.vendor-analytics.example.com/v2/diagnostics",
                "name": "vendor-analytics",
                "role_arn": role.arn,
                "s3_backup_mode": "FailedDataOnly",
                "buffering_size": 5,
                "buffering_interval": 300,
                "request_configuration": {"content_encoding": "GZIP"},
                "s3_configuration": {"role_arn": role.arn, "bucket_arn": backup.arn},
            },
            opts=opts,
        )
        last = _function("diag-export-summary", opts, {"VENDOR_API": "https://intake.vendor-analytics.example.com/v2/"})
        if stray:
            last = _function("campaign-sync", opts, {"VENDOR_API": "https://intake.vendor-analytics.example.com/v2/"})
        return last

    return build


def dealer_onprem_link(region: str | None = None) -> Build:
    # docs: ec2/customergateway + vpngateway + vpnconnection (static routes) to the dealer-management system's data
    # centre, route53/resolverendpoint (OUTBOUND) + resolverrule forwarding dealer-net.example.jp to its DNS servers, a
    # Lambda in the VPC calling the system's API by name.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        vpc, subnets = _vpc("dealer-link", opts, "10.80.0.0/16")
        cgw = aws.ec2.CustomerGateway(
            "dealer-dc", bgp_asn="65000", ip_address="203.0.113.40", type="ipsec.1", opts=opts
        )
        vgw = aws.ec2.VpnGateway("dealer-link", vpc_id=vpc.id, opts=opts)
        aws.ec2.VpnConnection(
            "dealer-dc",
            customer_gateway_id=cgw.id,
            vpn_gateway_id=vgw.id,
            type="ipsec.1",
            static_routes_only=True,
            opts=opts,
        )
        sg = aws.ec2.SecurityGroup("resolver", vpc_id=vpc.id, opts=opts)
        resolver = aws.route53.ResolverEndpoint(
            "to-dealer-dns",
            direction="OUTBOUND",
            security_group_ids=[sg.id],
            ip_addresses=[{"subnet_id": s.id} for s in subnets],
            opts=opts,
        )
        rule = aws.route53.ResolverRule(
            "dealer-net",
            domain_name="dealer-net.example.jp",
            rule_type="FORWARD",
            resolver_endpoint_id=resolver.id,
            target_ips=[{"ip": "10.200.0.53"}, {"ip": "10.200.1.53"}],
            opts=opts,
        )
        aws.route53.ResolverRuleAssociation("dealer-net", resolver_rule_id=rule.id, vpc_id=vpc.id, opts=opts)
        return _function(
            "dealer-sync",
            opts,
            {"DMS_API": "https://dms.dealer-net.example.jp/api/v1/"},
            vpc_config={"subnet_ids": [s.id for s in subnets], "security_group_ids": [sg.id]},
        )

    return build


def partner_events_to_japan(region: str | None = None) -> Build:
    # docs: cloudwatch/eventconnection (API key auth) + eventapidestination (the Japanese partner's HTTPS intake),
    # cloudwatch/eventrule on the stack's own bus + eventtarget with the partner destination and a retry policy / DLQ.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        bus = aws.cloudwatch.EventBus("fleet-events", name="fleet-events", opts=opts)
        connection = aws.cloudwatch.EventConnection(
            "jp-partner-auth",
            authorization_type="API_KEY",
            auth_parameters={"api_key": {"key": "x-api-key", "value": "partner-issued-key"}},
            opts=opts,
        )
        destination = aws.cloudwatch.EventApiDestination(
            "jp-partner",
            connection_arn=connection.arn,
            http_method="POST",
            invocation_rate_limit_per_second=10,
            invocation_endpoint="https://events.partner.example.jp/v1/service-campaigns",
            opts=opts,
        )
        rule = aws.cloudwatch.EventRule(
            "service-campaigns",
            event_bus_name=bus.name,
            event_pattern=json.dumps({"source": ["fleet.campaigns"], "detail-type": ["ServiceCampaignOpened"]}),
            opts=opts,
        )
        role = aws.iam.Role("events-invoke", assume_role_policy=_trust("events.amazonaws.com"), opts=opts)
        dlq = aws.sqs.Queue("partner-events-dlq", opts=opts)
        return aws.cloudwatch.EventTarget(
            "jp-partner",
            rule=rule.name,
            event_bus_name=bus.name,
            arn=destination.arn,
            role_arn=role.arn,
            retry_policy={"maximum_retry_attempts": 10, "maximum_event_age_in_seconds": 3600},
            dead_letter_config={"arn": dlq.arn},
            opts=opts,
        )

    return build


def cn_supplier_quality_export(region: str | None = None) -> Build:
    # docs: lambda/function (nightly export of VIN-bound fault codes to the battery supplier's quality portal in
    # Germany) on a scheduler/schedule; the export's staging bucket in the stack.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        staging = aws.s3.Bucket("supplier-quality-staging", opts=opts)
        fn = _function(
            "supplier-quality-export",
            opts,
            {"STAGING_BUCKET": staging.bucket, "SUPPLIER_INTAKE": "https://intake.partner.example.com/v1/quality"},
        )
        role = aws.iam.Role("scheduler", assume_role_policy=_trust("scheduler.amazonaws.com"), opts=opts)
        return aws.scheduler.Schedule(
            "supplier-quality-nightly",
            schedule_expression="cron(0 2 * * ? *)",
            flexible_time_window={"mode": "OFF"},
            target={"arn": fn.arn, "role_arn": role.arn},
            opts=opts,
        )

    return build


# -- their register entries (sovereign-dc:destinations) ---------------------------------------------------------------

VENDOR_SCC: dict[str, Any] = {
    # EU -> a US analytics vendor under standard contractual clauses, limited to the export's resources and to VIN-bound
    # diagnostics (docs/residency.md "Declared destinations").
    "id": "vendor-analytics",
    "kind": "transfer",
    "match": "https://intake.vendor-analytics.example.com/v2/",
    "destination": "US",
    "data_classes": ["vehicle_diagnostics"],
    "basis": "scc",
    "reference": "TIA-2026-017",
    "approved_by": "dpo@example.eu",
    "expires": "2099-12-31",
    "resources": ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", "diag-export*"],
}
DEALER_DC: list[dict[str, Any]] = [
    # JP: the dealer-management system's data centre in Osaka (its VPN endpoint and its API names).
    {
        "id": "dealer-dc-vpn",
        "kind": "resident",
        "match": "203.0.113.40",
        "evidence": "Dealer DMS colocation in Osaka, contract DMS-JP-2026-03",
    },
    {
        "id": "dealer-dc-api",
        "kind": "resident",
        "match": "*.dealer-net.example.jp",
        "evidence": "Dealer DMS colocation in Osaka, contract DMS-JP-2026-03",
    },
]
JP_PARTNER_ADEQUACY: dict[str, Any] = {
    # DE -> the Japanese service partner: Japan has an EU adequacy decision (Commission Implementing Decision (EU)
    # 2019/419), which GDPR art. 45 makes a basis of its own.
    "id": "jp-service-partner",
    "kind": "transfer",
    "match": "https://events.partner.example.jp/v1/",
    "destination": "JP",
    "data_classes": ["owner_personal_data"],
    "basis": "adequacy",
    "reference": "EU-2019/419, DPA-DE-2026-008",
    "approved_by": "dpo@example.de",
    "expires": "2099-12-31",
}


# -- more of the same markets (second batch) ---------------------------------------------------------------------


def bedrock_service_agent(region: str | None = None, *, profile: str | None = None) -> Build:
    # docs: bedrock/agentagent (foundation_model: the in-region model id, or a geographic cross-region inference
    # profile id whose geography lies in the country: `us.` in the US, `jp.` in Japan), agentagentactiongroup with the
    # stack's Lambda as executor and an OpenAPI schema in the stack's bucket, agentagentalias, bedrock/inferenceprofile
    # (an application inference profile copied from the in-region foundation model, for cost allocation).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        here = _region(opts)
        schemas = aws.s3.Bucket("agent-schemas", opts=opts)
        role = aws.iam.Role("service-agent", assume_role_policy=_trust("bedrock.amazonaws.com"), opts=opts)
        agent = aws.bedrock.AgentAgent(
            "service-booking",
            agent_name="service-booking",
            agent_resource_role_arn=role.arn,
            foundation_model=profile or CHAT_MODEL,
            idle_session_ttl_in_seconds=600,
            instruction="Help owners book a service appointment at their nearest workshop.",
            opts=opts,
        )
        fn = _function("service-booking-actions", opts, {"WORKSHOP_TABLE": "workshops"})
        aws.bedrock.AgentAgentActionGroup(
            "bookings",
            action_group_name="bookings",
            agent_id=agent.agent_id,
            agent_version="DRAFT",
            action_group_executor={"lambda_": fn.arn},
            api_schema={"s3": {"s3_bucket_name": schemas.bucket, "s3_object_key": "bookings/openapi.json"}},
            skip_resource_in_use_check=True,
            opts=opts,
        )
        aws.bedrock.AgentAgentAlias("live", agent_alias_name="live", agent_id=agent.agent_id, opts=opts)
        return aws.bedrock.InferenceProfile(
            "service-agent-costs",
            name="service-agent-costs",
            model_source={"copy_from": here.apply(lambda r: f"arn:aws:bedrock:{r}::foundation-model/{CHAT_MODEL}")},
            opts=opts,
        )

    return build


def s3_express_and_tables(region: str, zone_id: str) -> Build:
    # docs: s3/directorybucket (S3 Express One Zone: bucket name <base>--<zone id>--x-s3, location {name: <zone id>,
    # of type AvailabilityZone}), ec2/subnet pinned by availability_zone_id in the same zone, s3tables/tablebucket +
    # namespace, a Firehose delivering into the table bucket through the Glue catalog of the region
    # (iceberg_configuration.catalog_configuration.catalog_arn arn:aws:glue:<region>:<account>:catalog).
    def build(c: Any) -> object:
        opts = _aws(region)
        account = _account(opts)
        vpc = aws.ec2.Vpc("training", cidr_block="10.90.0.0/16", opts=opts)
        aws.ec2.Subnet(
            "training-zonal", vpc_id=vpc.id, cidr_block="10.90.1.0/24", availability_zone_id=zone_id, opts=opts
        )
        aws.s3.DirectoryBucket(
            "training-shards",
            bucket=f"battery-training--{zone_id}--x-s3",
            location={"name": zone_id, "type": "AvailabilityZone"},
            opts=opts,
        )
        tables = aws.s3tables.TableBucket("charging-tables", name="charging-tables", opts=opts)
        aws.s3tables.Namespace("charging", namespace="charging", table_bucket_arn=tables.arn, opts=opts)
        backup = aws.s3.Bucket("charging-firehose-errors", opts=opts)
        role = aws.iam.Role("charging-firehose", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
        catalog = account.apply(lambda a: f"arn:aws:glue:{region}:{a}:catalog")
        return aws.kinesis.FirehoseDeliveryStream(
            "charging-sessions",
            destination="iceberg",
            iceberg_configuration={
                "role_arn": role.arn,
                "catalog_arn": catalog,
                "buffering_size": 64,
                "buffering_interval": 60,
                "destination_table_configurations": [{"database_name": "charging", "table_name": "sessions"}],
                "s3_configuration": {"role_arn": role.arn, "bucket_arn": backup.arn},
            },
            opts=opts,
        )

    return build


def owner_sms_alerts(region: str | None, numbers: list[str], sender_id: str) -> Build:
    # docs: sns/smspreferences (transactional, sender id, monthly spend limit, the usage report in the stack's bucket),
    # sns/topic + topicsubscription (protocol sms) for the owners' theft alerts to numbers in the country.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        reports = aws.s3.Bucket("sms-usage-reports", opts=opts)
        aws.sns.SmsPreferences(
            "owners",
            default_sms_type="Transactional",
            default_sender_id=sender_id,
            monthly_spend_limit=100,
            usage_report_s3_bucket=reports.bucket,
            opts=opts,
        )
        topic = aws.sns.Topic("theft-alerts", opts=opts)
        last = None
        for i, number in enumerate(numbers):
            last = aws.sns.TopicSubscription(
                f"theft-alert-{i}", topic=topic.arn, protocol="sms", endpoint=number, opts=opts
            )
        return last

    return build


def vehicle_tracker_geofences(region: str | None = None) -> Build:
    # docs: location/tracker (position filtering AccuracyBased, the stack's key), location/geofencecollection (service
    # areas), location/trackerassociation, an EventBridge rule on "Location Geofence Event" to the stack's Lambda.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        key = aws.kms.Key("vehicle-positions", description="Vehicle positions", opts=opts)
        tracker = aws.location.Tracker(
            "vehicles", tracker_name="vehicles", position_filtering="AccuracyBased", kms_key_id=key.arn, opts=opts
        )
        areas = aws.location.GeofenceCollection(
            "service-areas", collection_name="service-areas", kms_key_id=key.arn, opts=opts
        )
        aws.location.TrackerAssociation(
            "vehicles-areas", tracker_name=tracker.tracker_name, consumer_arn=areas.collection_arn, opts=opts
        )
        fn = _function("geofence-events", opts)
        rule = aws.cloudwatch.EventRule(
            "geofence-events",
            event_pattern=json.dumps({"source": ["aws.geo"], "detail-type": ["Location Geofence Event"]}),
            opts=opts,
        )
        aws.lambda_.Permission(
            "geofence-events",
            action="lambda:InvokeFunction",
            function=fn.name,
            principal="events.amazonaws.com",
            source_arn=rule.arn,
            opts=opts,
        )
        return aws.cloudwatch.EventTarget("geofence-events", rule=rule.name, arn=fn.arn, opts=opts)

    return build


def security_governance(region: str, linked: list[str]) -> Build:
    # docs: securityhub/account + findingaggregator (SPECIFIED_REGIONS: the other in-country regions),
    # guardduty/detector, inspector2/enabler, accessanalyzer/analyzer, cfg/configurationaggregator (account source,
    # the in-country regions).
    def build(c: Any) -> object:
        opts = _aws(region)
        account = _account(opts)
        hub = aws.securityhub.Account("hub", opts=opts)
        aws.securityhub.FindingAggregator(
            "in-country",
            linking_mode="SPECIFIED_REGIONS",
            specified_regions=linked,
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[hub])),
        )
        aws.guardduty.Detector("threats", enable=True, finding_publishing_frequency="FIFTEEN_MINUTES", opts=opts)
        aws.inspector2.Enabler("scans", account_ids=[account], resource_types=["EC2", "ECR", "LAMBDA"], opts=opts)
        aws.accessanalyzer.Analyzer("account", analyzer_name="account", type="ACCOUNT", opts=opts)
        return aws.cfg.ConfigurationAggregator(
            "in-country",
            name="in-country",
            account_aggregation_source={"account_ids": [account], "regions": [region, *linked]},
            opts=opts,
        )

    return build


def private_dns_across_regions(region: str, dr_region: str) -> Build:
    # docs: route53/zone (private, the home VPC), route53/zoneassociation with the DR region's VPC (vpc_region),
    # route53/resolverqueryLogconfig to the stack's log group + association, resolver DNS Firewall (domain list,
    # rule group BLOCK NXDOMAIN, association), servicediscovery/privatednsnamespace for ECS Service Connect.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        home = aws.ec2.Vpc("home", cidr_block="10.100.0.0/16", enable_dns_hostnames=True, opts=opts)
        far = aws.ec2.Vpc("dr", cidr_block="10.101.0.0/16", enable_dns_hostnames=True, opts=dr)
        zone = aws.route53.Zone(
            "internal", name="internal.fleet", vpcs=[{"vpc_id": home.id, "vpc_region": region}], opts=opts
        )
        aws.route53.ZoneAssociation("internal-dr", zone_id=zone.zone_id, vpc_id=far.id, vpc_region=dr_region, opts=opts)
        logs = aws.cloudwatch.LogGroup("dns-queries", retention_in_days=30, opts=opts)
        qlog = aws.route53.ResolverQueryLogConfig(
            "dns-queries", name="dns-queries", destination_arn=logs.arn, opts=opts
        )
        aws.route53.ResolverQueryLogConfigAssociation(
            "dns-queries", resolver_query_log_config_id=qlog.id, resource_id=home.id, opts=opts
        )
        blocked = aws.route53.ResolverFirewallDomainList(
            "blocked", name="blocked", domains=["*.badsite.example."], opts=opts
        )
        group = aws.route53.ResolverFirewallRuleGroup("egress", name="egress", opts=opts)
        aws.route53.ResolverFirewallRule(
            "block-bad",
            name="block-bad",
            action="BLOCK",
            block_response="NXDOMAIN",
            priority=100,
            firewall_domain_list_id=blocked.id,
            firewall_rule_group_id=group.id,
            opts=opts,
        )
        aws.route53.ResolverFirewallRuleGroupAssociation(
            "egress", name="egress", firewall_rule_group_id=group.id, priority=101, vpc_id=home.id, opts=opts
        )
        aws.servicediscovery.PrivateDnsNamespace("services", name="services.internal", vpc=home.id, opts=opts)
        return aws.ecs.Cluster(
            "fleet",
            name="fleet",
            service_connect_defaults={
                "namespace": aws.servicediscovery.HttpNamespace("connect", name="fleet-connect", opts=opts).arn
            },
            settings=[{"name": "containerInsights", "value": "enhanced"}],
            opts=opts,
        )

    return build


def private_ca_with_crl(region: str | None = None) -> Build:
    # docs: acmpca/certificateauthority (the vehicles' device CA: ROOT, RSA_4096, the CRL published to the stack's
    # bucket, its custom CNAME a name in the stack's private zone) , the bucket policy letting acm-pca write the CRL
    # (aws:SourceAccount), acm/certificate issued by the private CA for the telemetry endpoint.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        account = _account(opts)
        crl = aws.s3.Bucket("device-ca-crl", opts=opts)
        aws.s3.BucketPolicy(
            "device-ca-crl",
            bucket=crl.id,
            policy=pulumi.Output.all(crl.arn, account).apply(
                lambda a: _policy(
                    [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "acm-pca.amazonaws.com"},
                            "Action": ["s3:PutObject", "s3:PutObjectAcl", "s3:GetBucketAcl", "s3:GetBucketLocation"],
                            "Resource": [a[0], f"{a[0]}/*"],
                            "Condition": {"StringEquals": {"aws:SourceAccount": a[1]}},
                        }
                    ]
                )
            ),
            opts=opts,
        )
        ca = aws.acmpca.CertificateAuthority(
            "device-ca",
            type="ROOT",
            usage_mode="GENERAL_PURPOSE",
            certificate_authority_configuration={
                "key_algorithm": "RSA_4096",
                "signing_algorithm": "SHA512WITHRSA",
                "subject": {"common_name": "Fleet Device CA", "organization": "Fleet"},
            },
            revocation_configuration={
                "crl_configuration": {
                    "enabled": True,
                    "expiration_in_days": 7,
                    "s3_bucket_name": crl.bucket,
                    "s3_object_acl": "BUCKET_OWNER_FULL_CONTROL",
                }
            },
            opts=opts,
        )
        return aws.acm.Certificate(
            "telemetry-endpoint", domain_name="telemetry.internal.fleet", certificate_authority_arn=ca.arn, opts=opts
        )

    return build


def managed_data_stores(region: str | None = None) -> Build:
    # docs: mq/broker (RabbitMQ, private, the workshop messages), memorydb/cluster (TLS, the stack's key, snapshot
    # notifications to the stack's topic), neptune/cluster (the parts graph, IAM auth, audit logs exported),
    # keyspaces/keyspace (SINGLE_REGION replication).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        vpc, subnets = _vpc("data-stores", opts, "10.110.0.0/16")
        sg = aws.ec2.SecurityGroup("data-stores", vpc_id=vpc.id, opts=opts)
        key = aws.kms.Key("data-stores", description="Managed data stores", opts=opts)
        topic = aws.sns.Topic("data-store-events", opts=opts)
        aws.mq.Broker(
            "workshop-messages",
            broker_name="workshop-messages",
            engine_type="RabbitMQ",
            engine_version="3.13",
            host_instance_type="mq.m5.large",
            deployment_mode="SINGLE_INSTANCE",
            publicly_accessible=False,
            subnet_ids=[subnets[0].id],
            security_groups=[sg.id],
            auto_minor_version_upgrade=True,
            users=[{"username": "workshop", "password": "change-me-in-secrets-manager"}],
            logs={"general": True},
            opts=opts,
        )
        groups = aws.memorydb.SubnetGroup("sessions", subnet_ids=[s.id for s in subnets], opts=opts)
        aws.memorydb.Cluster(
            "sessions",
            acl_name="open-access",
            node_type="db.t4g.small",
            num_shards=1,
            tls_enabled=True,
            kms_key_arn=key.arn,
            sns_topic_arn=topic.arn,
            subnet_group_name=groups.name,
            security_group_ids=[sg.id],
            snapshot_retention_limit=7,
            opts=opts,
        )
        aws.neptune.Cluster(
            "parts-graph",
            cluster_identifier="parts-graph",
            engine="neptune",
            storage_encrypted=True,
            kms_key_arn=key.arn,
            iam_database_authentication_enabled=True,
            enable_cloudwatch_logs_exports=["audit"],
            skip_final_snapshot=True,
            vpc_security_group_ids=[sg.id],
            opts=opts,
        )
        return aws.keyspaces.Keyspace(
            "service-history",
            name="service_history",
            replication_specification={"replication_strategy": "SINGLE_REGION"},
            opts=opts,
        )

    return build


def ali_dns_and_events(region: str, domain: str) -> Build:
    # docs: alicloud dns/alidnsrecord (A record of the owner portal to the stack's ALB address, a TXT verification),
    # eventbridge/eventbus + rule whose target is the stack's Function Compute function (acs:fc ARN of the region),
    # fc/v3trigger (OSS object-created events of the stack's bucket).
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).id
        bucket = alicloud.oss.Bucket("uploads", bucket=f"fleet-uploads-{region}", opts=opts)
        role = alicloud.ram.Role(
            "events-fc", role_name="events-fc", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        fn = alicloud.fc.V3Function(
            "upload-scan",
            function_name="upload-scan",
            runtime="python3.10",
            handler="index.handler",
            memory_size=256,
            role=role.arn,
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={"BUCKET": bucket.bucket},
            opts=opts,
        )
        alicloud.fc.V3Trigger(
            "uploads",
            function_name=fn.function_name,
            trigger_name="uploads",
            trigger_type="oss",
            qualifier="LATEST",
            invocation_role=role.arn,
            source_arn=pulumi.Output.all(account, bucket.bucket).apply(lambda a: f"acs:oss:{region}:{a[0]}:{a[1]}"),
            trigger_config=json.dumps(
                {"events": ["oss:ObjectCreated:*"], "filter": {"key": {"prefix": "incoming/", "suffix": ".json"}}}
            ),
            opts=opts,
        )
        bus = alicloud.eventbridge.EventBus("fleet", event_bus_name="fleet", opts=opts)
        alicloud.eventbridge.Rule(
            "recalls",
            event_bus_name=bus.event_bus_name,
            rule_name="recalls",
            filter_pattern=json.dumps({"source": ["fleet.recalls"]}),
            targets=[
                {
                    "target_id": "scan",
                    "type": "acs.fc.function",
                    "endpoint": pulumi.Output.all(account, fn.function_name).apply(
                        lambda a: f"acs:fc:{region}:{a[0]}:functions/{a[1]}"
                    ),
                    "param_lists": [
                        {"resource_key": "functionName", "form": "CONSTANT", "value": "upload-scan"},
                        {"resource_key": "Body", "form": "ORIGINAL"},
                    ],
                }
            ],
            opts=opts,
        )
        alb = alicloud.alb.LoadBalancer(
            "portal",
            vpc_id="vpc-portal",
            address_type="Internet",
            load_balancer_edition="Standard",
            load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=[
                {"vswitch_id": "vsw-a", "zone_id": f"{region}a"},
                {"vswitch_id": "vsw-b", "zone_id": f"{region}b"},
            ],
            opts=opts,
        )
        alicloud.dns.AlidnsRecord(
            "portal", domain_name=domain, rr="owners", type="CNAME", value=alb.dns_name, ttl=600, opts=opts
        )
        return alicloud.dns.AlidnsRecord(
            "verify", domain_name=domain, rr="_verify", type="TXT", value="fleet-ownership=2026-12", ttl=600, opts=opts
        )

    return build


def ali_polardb_gdn(region: str, dr_region: str) -> Build:
    # docs: alicloud polardb/cluster in each region, polardb/globaldatabasenetwork on the primary, the secondary cluster
    # joining it (gdn_id, creation_option CreateGdnStandby), ActionTrail to the stack's bucket in the home region.
    def build(c: Any) -> object:
        opts, dr = _ali(region), _ali(dr_region)
        primary = alicloud.polardb.Cluster(
            "orders",
            db_type="MySQL",
            db_version="8.0",
            db_node_class="polar.mysql.x4.medium",
            pay_type="PostPaid",
            vswitch_id="vsw-home",
            opts=opts,
        )
        gdn = alicloud.polardb.GlobalDatabaseNetwork(
            "orders", db_cluster_id=primary.id, description="orders", opts=opts
        )
        alicloud.polardb.Cluster(
            "orders-dr",
            db_type="MySQL",
            db_version="8.0",
            db_node_class="polar.mysql.x4.medium",
            pay_type="PostPaid",
            vswitch_id="vsw-dr",
            creation_option="CreateGdnStandby",
            gdn_id=gdn.id,
            opts=dr,
        )
        trail_bucket = alicloud.oss.Bucket("actiontrail", bucket=f"fleet-actiontrail-{region}", opts=opts)
        return alicloud.actiontrail.Trail(
            "account",
            trail_name="account",
            event_rw="All",
            oss_bucket_name=trail_bucket.bucket,
            oss_key_prefix="trail",
            trail_region=region,
            opts=opts,
        )

    return build


# -- the names a stack serves on and the origins it lets in (third batch) ----------------------------------------


def served_names_and_origins(
    region: str | None = None, zone: str = "fleet.example.jp", *, redirect_bare: bool = False
) -> Build:
    # docs: iot/domainconfiguration (the vehicles connect to iot.<zone>, the stack's ACM certificate), lb/listener
    # HTTPS +
    # lb/listenerrule routing by host_header (owners.<zone> / dealers.<zone>) and a redirect of the bare host to
    # owners.<zone>, lambda/functionurl with CORS allow_origins the owner portal, apigatewayv2/api cors_configuration,
    # apigatewayv2/domainname (REGIONAL) + apimapping, the route53 alias records of those names. `redirect_bare`: a
    # listener rule also redirects the bare domain's visitors to owners.<zone> (the browser is sent to that host, which
    # nothing but the stack's own zone says is its ALB: the domain's delegation is at its registrar).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        cert = aws.acm.Certificate(
            "fleet-names", domain_name=f"*.{zone}", subject_alternative_names=[zone], validation_method="DNS", opts=opts
        )
        aws.iot.DomainConfiguration(
            "vehicles",
            name="vehicles",
            domain_name=f"iot.{zone}",
            service_type="DATA",
            server_certificate_arns=[cert.arn],
            tls_config={"security_policy": "IoTSecurityPolicy_TLS13_1_2_2022_10"},
            opts=opts,
        )
        vpc, subnets = _vpc("web", opts, "10.120.0.0/16")
        alb = aws.lb.LoadBalancer("web", load_balancer_type="application", subnets=[s.id for s in subnets], opts=opts)
        owners_tg = aws.lb.TargetGroup("owners", port=8080, protocol="HTTP", vpc_id=vpc.id, opts=opts)
        dealers_tg = aws.lb.TargetGroup("dealers", port=8081, protocol="HTTP", vpc_id=vpc.id, opts=opts)
        listener = aws.lb.Listener(
            "https",
            load_balancer_arn=alb.arn,
            port=443,
            protocol="HTTPS",
            certificate_arn=cert.arn,
            ssl_policy="ELBSecurityPolicy-TLS13-1-2-2021-06",
            default_actions=[
                {"type": "fixed-response", "fixed_response": {"content_type": "text/plain", "status_code": "404"}}
            ],
            opts=opts,
        )
        for i, (host, tg) in enumerate(((f"owners.{zone}", owners_tg), (f"dealers.{zone}", dealers_tg))):
            aws.lb.ListenerRule(
                f"host-{i}",
                listener_arn=listener.arn,
                priority=10 + i,
                conditions=[{"host_header": {"values": [host]}}],
                actions=[{"type": "forward", "target_group_arn": tg.arn}],
                opts=opts,
            )
        if redirect_bare:
            aws.lb.ListenerRule(
                "bare-to-owners",
                listener_arn=listener.arn,
                priority=5,
                conditions=[{"host_header": {"values": [zone]}}],
                actions=[
                    {
                        "type": "redirect",
                        "redirect": {
                            "host": f"owners.{zone}",
                            "protocol": "HTTPS",
                            "port": "443",
                            "status_code": "HTTP_301",
                        },
                    }
                ],
                opts=opts,
            )
        fn = _function("vehicle-status", opts)
        aws.lambda_.FunctionUrl(
            "vehicle-status",
            function_name=fn.name,
            authorization_type="AWS_IAM",
            cors={"allow_origins": [f"https://owners.{zone}"], "allow_methods": ["GET"], "max_age": 300},
            opts=opts,
        )
        api = aws.apigatewayv2.Api(
            "owner-api",
            protocol_type="HTTP",
            cors_configuration={
                "allow_origins": [f"https://owners.{zone}"],
                "allow_methods": ["GET", "POST"],
                "allow_headers": ["authorization", "content-type"],
            },
            opts=opts,
        )
        stage = aws.apigatewayv2.Stage("owner-api", api_id=api.id, name="$default", auto_deploy=True, opts=opts)
        domain = aws.apigatewayv2.DomainName(
            "owner-api",
            domain_name=f"api.{zone}",
            domain_name_configuration={
                "certificate_arn": cert.arn,
                "endpoint_type": "REGIONAL",
                "security_policy": "TLS_1_2",
            },
            opts=opts,
        )
        aws.apigatewayv2.ApiMapping("owner-api", api_id=api.id, domain_name=domain.id, stage=stage.id, opts=opts)
        dns = aws.route53.Zone("fleet", name=zone, opts=opts)
        aws.route53.Record(
            "api",
            zone_id=dns.zone_id,
            name=f"api.{zone}",
            type="A",
            aliases=[
                {
                    "name": domain.domain_name_configuration.target_domain_name,
                    "zone_id": domain.domain_name_configuration.hosted_zone_id,
                    "evaluate_target_health": False,
                }
            ],
            opts=opts,
        )
        return aws.route53.Record(
            "owners",
            zone_id=dns.zone_id,
            name=f"owners.{zone}",
            type="A",
            aliases=[{"name": alb.dns_name, "zone_id": alb.zone_id, "evaluate_target_health": True}],
            opts=opts,
        )

    return build


def ali_served_names_and_origins(region: str, domain: str) -> Build:
    # docs: alicloud oss/bucketcors (the owner portal's origin may GET), oss/bucketreferer (hotlink protection: only the
    # portal's pages may embed the images), fc/v3customdomain (api.<domain> routed to the stack's function, with
    # CORS for the portal's origin), alb/listener + alb/rule forwarding by host (owners.<domain>).
    def build(c: Any) -> object:
        opts = _ali(region)
        images = alicloud.oss.Bucket("vehicle-images", bucket=f"fleet-vehicle-images-{region}", opts=opts)
        alicloud.oss.BucketCors(
            "vehicle-images",
            bucket=images.bucket,
            cors_rules=[
                {
                    "allowed_origins": [f"https://owners.{domain}"],
                    "allowed_methods": ["GET"],
                    "allowed_headers": ["*"],
                    "max_age_seconds": 600,
                }
            ],
            opts=opts,
        )
        alicloud.oss.BucketReferer(
            "vehicle-images",
            bucket=images.bucket,
            allow_empty_referer=False,
            referer_lists=[f"https://owners.{domain}", f"https://*.{domain}"],
            opts=opts,
        )
        role = alicloud.ram.Role(
            "portal-fc", role_name="portal-fc", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        fn = alicloud.fc.V3Function(
            "portal-api",
            function_name="portal-api",
            runtime="python3.10",
            handler="index.handler",
            memory_size=256,
            role=role.arn,
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={"IMAGES": images.bucket},
            opts=opts,
        )
        alicloud.fc.V3CustomDomain(
            "portal-api",
            custom_domain_name=f"api.{domain}",
            protocol="HTTP",
            route_config={
                "routes": [
                    {"function_name": fn.function_name, "path": "/*", "qualifier": "LATEST", "methods": ["GET", "POST"]}
                ]
            },
            cors_config={"allow_origins": [f"https://owners.{domain}"], "allow_methods": ["GET", "POST"]},
            opts=opts,
        )
        alb = alicloud.alb.LoadBalancer(
            "portal",
            vpc_id="vpc-portal",
            address_type="Internet",
            load_balancer_edition="Standard",
            load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=[
                {"vswitch_id": "vsw-a", "zone_id": f"{region}a"},
                {"vswitch_id": "vsw-b", "zone_id": f"{region}b"},
            ],
            opts=opts,
        )
        group = alicloud.alb.ServerGroup(
            "owners",
            server_group_name="owners",
            vpc_id="vpc-portal",
            protocol="HTTP",
            health_check_config={"health_check_enabled": False},
            sticky_session_config={"sticky_session_enabled": False},
            opts=opts,
        )
        listener = alicloud.alb.Listener(
            "https",
            load_balancer_id=alb.id,
            listener_protocol="HTTP",
            listener_port=80,
            default_actions=[
                {
                    "type": "ForwardGroup",
                    "forward_group_config": {"server_group_tuples": [{"server_group_id": group.id}]},
                }
            ],
            opts=opts,
        )
        return alicloud.alb.Rule(
            "owners-host",
            listener_id=listener.id,
            rule_name="owners-host",
            priority=10,
            rule_conditions=[{"type": "Host", "host_config": {"values": [f"owners.{domain}"]}}],
            rule_actions=[
                {
                    "order": 1,
                    "type": "ForwardGroup",
                    "forward_group_config": {"server_group_tuples": [{"server_group_id": group.id}]},
                }
            ],
            opts=opts,
        )

    return build


def dr_state_machine(region: str, dr_region: str) -> Build:
    # docs: sfn/statemachine (STANDARD, logging ALL to the stack's log group, X-Ray): a failover runbook calling the
    # DR region's Lambda by its ARN (arn:aws:lambda:<dr region>:...), promoting the DR read replica through the
    # aws-sdk:rds integration with its DR region identifier, and publishing to the stack's topic.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        promote = _function("dr-promote-check", dr)
        topic = aws.sns.Topic("dr-events", opts=opts)
        logs = aws.cloudwatch.LogGroup("dr-runbook", retention_in_days=90, opts=opts)
        role = aws.iam.Role("dr-runbook", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
        definition = pulumi.Output.all(promote.arn, topic.arn).apply(
            lambda a: json.dumps(
                {
                    "Comment": "Fail the owner database over to the DR region",
                    "StartAt": "Check",
                    "States": {
                        "Check": {
                            "Type": "Task",
                            "Resource": "arn:aws:states:::lambda:invoke",
                            "Parameters": {"FunctionName": a[0], "Payload.$": "$"},
                            "Next": "Promote",
                        },
                        "Promote": {
                            "Type": "Task",
                            "Resource": "arn:aws:states:::aws-sdk:rds:promoteReadReplicaDBCluster",
                            "Parameters": {
                                "DbClusterIdentifier": f"arn:aws:rds:{dr_region}:123456789012:cluster:owners-dr"
                            },
                            "Next": "Notify",
                        },
                        "Notify": {
                            "Type": "Task",
                            "Resource": "arn:aws:states:::sns:publish",
                            "Parameters": {"TopicArn": a[1], "Message": "Owner database failed over"},
                            "End": True,
                        },
                    },
                }
            )
        )
        return aws.sfn.StateMachine(
            "dr-runbook",
            role_arn=role.arn,
            definition=definition,
            type="STANDARD",
            logging_configuration={
                "log_destination": logs.arn.apply(lambda a: f"{a}:*"),
                "include_execution_data": True,
                "level": "ALL",
            },
            tracing_configuration={"enabled": True},
            opts=opts,
        )

    return build


OWN_PORTAL_JP: dict[str, Any] = {
    # JP: the owner portal's name, served by the stack's own ALB in Tokyo through its Route 53 zone.
    "id": "owner-portal",
    "kind": "resident",
    "match": "owners.fleet.example.jp",
    "evidence": "Alias of this stack's ALB in ap-northeast-1; fleet.example.jp is delegated to this stack's zone",
}


# -- fourth batch: cross-region plumbing inside one country, containers and compliance --------------------------------


def logs_to_dr_destination(region: str, dr_region: str) -> Build:
    # docs: cloudwatch/logdestination in the DR region (target: a Kinesis stream there) + logdestinationpolicy (the
    # account's own log groups may subscribe), cloudwatch/logsubscriptionfilter on the home region's API log group
    # naming that destination's ARN (arn:aws:logs:<dr region>:<account>:destination:<name>): "Cross-Region log data
    # sharing using subscriptions".
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        account = _account(opts)
        stream = aws.kinesis.Stream("audit-archive", stream_mode_details={"stream_mode": "ON_DEMAND"}, opts=dr)
        role = aws.iam.Role("logs-to-kinesis", assume_role_policy=_trust("logs.amazonaws.com"), opts=dr)
        destination = aws.cloudwatch.LogDestination(
            "audit-archive", name="audit-archive", role_arn=role.arn, target_arn=stream.arn, opts=dr
        )
        aws.cloudwatch.LogDestinationPolicy(
            "audit-archive",
            destination_name=destination.name,
            access_policy=pulumi.Output.all(account, destination.arn).apply(
                lambda a: _policy(
                    [
                        {
                            "Effect": "Allow",
                            "Principal": {"AWS": a[0]},
                            "Action": "logs:PutSubscriptionFilter",
                            "Resource": a[1],
                        }
                    ]
                )
            ),
            opts=dr,
        )
        logs = aws.cloudwatch.LogGroup("owner-api-audit", retention_in_days=30, opts=opts)
        return aws.cloudwatch.LogSubscriptionFilter(
            "to-dr-archive", log_group=logs.name, filter_pattern="", destination_arn=destination.arn, opts=opts
        )

    return build


def opensearch_cross_cluster(region: str, dr_region: str) -> Build:
    # docs: opensearch/domain in each region (VPC-less, encryption at rest, node-to-node), opensearch/outboundconnection
    # from the home domain to the DR domain (remote_domain_info.region), opensearch/inboundconnectionaccepter on the DR
    # side: "Cross-cluster search" between the stack's own domains.
    def build(c: Any) -> object:
        opts, dr = _aws(region), _aws(dr_region)
        account = _account(opts)
        domains = []
        for name, o in (("fleet-search", opts), ("fleet-search-dr", dr)):
            domains.append(
                aws.opensearch.Domain(
                    name,
                    domain_name=name,
                    engine_version="OpenSearch_2.13",
                    cluster_config={"instance_type": "r6g.large.search", "instance_count": 2},
                    ebs_options={"ebs_enabled": True, "volume_size": 100},
                    encrypt_at_rest={"enabled": True},
                    node_to_node_encryption={"enabled": True},
                    opts=o,
                )
            )
        connection = aws.opensearch.OutboundConnection(
            "home-to-dr",
            connection_alias="home-to-dr",
            connection_mode="DIRECT",
            local_domain_info={"owner_id": account, "region": region, "domain_name": domains[0].domain_name},
            remote_domain_info={"owner_id": account, "region": dr_region, "domain_name": domains[1].domain_name},
            opts=opts,
        )
        return aws.opensearch.InboundConnectionAccepter("home-to-dr", connection_id=connection.id, opts=dr)

    return build


def config_conformance(region: str | None = None) -> Build:
    # docs: cfg/recorder (all supported types) + deliverychannel (the stack's bucket, its key, daily snapshots, the
    # stack's topic), cfg/conformancepack from a template in the stack's bucket (template_s3_uri s3://<bucket>/<key>)
    # with its results delivered to the same bucket.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        bucket = aws.s3.Bucket("config-history", opts=opts)
        key = aws.kms.Key("config-history", description="AWS Config history", opts=opts)
        topic = aws.sns.Topic("config-changes", opts=opts)
        role = aws.iam.Role("config-recorder", assume_role_policy=_trust("config.amazonaws.com"), opts=opts)
        recorder = aws.cfg.Recorder(
            "account", name="account", role_arn=role.arn, recording_group={"all_supported": True}, opts=opts
        )
        aws.cfg.DeliveryChannel(
            "account",
            name="account",
            s3_bucket_name=bucket.bucket,
            s3_key_prefix="config",
            s3_kms_key_arn=key.arn,
            sns_topic_arn=topic.arn,
            snapshot_delivery_properties={"delivery_frequency": "TwentyFour_Hours"},
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[recorder])),
        )
        template = aws.s3.BucketObjectv2(
            "operational-best-practices",
            bucket=bucket.id,
            key="packs/operational-best-practices.yaml",
            content="Resources:\n  S3BucketVersioningEnabled:\n    Type: AWS::Config::ConfigRule\n"
            "    Properties:\n      ConfigRuleName: s3-bucket-versioning-enabled\n      Source:\n"
            "        Owner: AWS\n        SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED\n",
            opts=opts,
        )
        return aws.cfg.ConformancePack(
            "operational-best-practices",
            name="operational-best-practices",
            template_s3_uri=pulumi.Output.all(bucket.bucket, template.key).apply(lambda a: f"s3://{a[0]}/{a[1]}"),
            delivery_s3_bucket=bucket.bucket,
            delivery_s3_key_prefix="conformance",
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[recorder])),
        )

    return build


def ecs_service_connect_firelens(region: str | None = None) -> Build:
    # docs: ecs/taskdefinition (Fargate; the app image from the stack's ECR repository; a FireLens log router,
    # the AWS for Fluent Bit image from the region's ECR (public.ecr.aws is the documented alternative, not used), its
    # output to the stack's OpenSearch domain endpoint and to CloudWatch Logs in the region; the app's environment
    # names the stack's queue URL), ecs/service with Service Connect in the cluster's namespace.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        here = _region(opts)
        repo = aws.ecr.Repository("vehicle-events", opts=opts)
        queue = aws.sqs.Queue("vehicle-events", opts=opts)
        search = aws.opensearch.Domain(
            "app-logs",
            domain_name="app-logs",
            engine_version="OpenSearch_2.13",
            cluster_config={"instance_type": "r6g.large.search", "instance_count": 2},
            ebs_options={"ebs_enabled": True, "volume_size": 50},
            opts=opts,
        )
        logs = aws.cloudwatch.LogGroup("vehicle-events", retention_in_days=14, opts=opts)
        namespace = aws.servicediscovery.HttpNamespace("fleet-services", name="fleet-services", opts=opts)
        cluster = aws.ecs.Cluster("fleet-services", service_connect_defaults={"namespace": namespace.arn}, opts=opts)
        role = aws.iam.Role("vehicle-events-task", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        containers = pulumi.Output.all(repo.repository_url, queue.url, search.endpoint, logs.name, here).apply(
            lambda a: json.dumps(
                [
                    {
                        "name": "app",
                        "image": f"{a[0]}:1.4.2",
                        "essential": True,
                        "portMappings": [{"name": "http", "containerPort": 8080}],
                        "environment": [{"name": "QUEUE_URL", "value": a[1]}],
                        "logConfiguration": {
                            "logDriver": "awsfirelens",
                            "options": {
                                "Name": "opensearch",
                                "Host": a[2],
                                "Port": "443",
                                "Index": "vehicle-events",
                                "AWS_Auth": "On",
                                "AWS_Region": a[4],
                                "tls": "On",
                            },
                        },
                    },
                    {
                        "name": "log-router",
                        "image": f"906394416424.dkr.ecr.{a[4]}.amazonaws.com/aws-for-fluent-bit:stable",
                        "essential": True,
                        "firelensConfiguration": {"type": "fluentbit"},
                        "logConfiguration": {
                            "logDriver": "awslogs",
                            "options": {
                                "awslogs-group": a[3],
                                "awslogs-region": a[4],
                                "awslogs-stream-prefix": "firelens",
                            },
                        },
                    },
                ]
            )
        )
        task = aws.ecs.TaskDefinition(
            "vehicle-events",
            family="vehicle-events",
            cpu="512",
            memory="1024",
            network_mode="awsvpc",
            requires_compatibilities=["FARGATE"],
            execution_role_arn=role.arn,
            task_role_arn=role.arn,
            container_definitions=containers,
            opts=opts,
        )
        _, subnets = _vpc("services", opts, "10.130.0.0/16")
        return aws.ecs.Service(
            "vehicle-events",
            cluster=cluster.arn,
            task_definition=task.arn,
            desired_count=2,
            launch_type="FARGATE",
            network_configuration={"subnets": [s.id for s in subnets]},
            service_connect_configuration={
                "enabled": True,
                "namespace": namespace.arn,
                "services": [
                    {
                        "port_name": "http",
                        "discovery_name": "vehicle-events",
                        "client_alias": [{"port": 80, "dns_name": "vehicle-events"}],
                    }
                ],
            },
            opts=opts,
        )

    return build


def ali_ack_cluster(region: str) -> Build:
    # docs: alicloud cs/managedkubernetes (ACK Pro, RRSA on, the control plane's logs to the stack's SLS project, addons
    # logtail-ds with the project and arms-prometheus), cs/nodepool in the stack's vSwitches, the RRSA OIDC audience.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc = alicloud.vpc.Network("ack", vpc_name="ack", cidr_block="172.20.0.0/16", opts=opts)
        vsws = [
            alicloud.vpc.Switch(
                f"ack-{z}", vpc_id=vpc.id, cidr_block=f"172.20.{i}.0/24", zone_id=f"{region}{z}", opts=opts
            )
            for i, z in enumerate("ab")
        ]
        project = alicloud.log.Project("ack-logs", project_name=f"fleet-ack-{region}", opts=opts)
        cluster = alicloud.cs.ManagedKubernetes(
            "fleet",
            name="fleet",
            cluster_spec="ack.pro.small",
            version="1.31.1-aliyun.1",
            vswitch_ids=[v.id for v in vsws],
            pod_cidr="10.240.0.0/16",
            service_cidr="10.241.0.0/16",
            enable_rrsa=True,
            control_plane_log_project=project.project_name,
            control_plane_log_components=["apiserver", "kcm", "scheduler"],
            addons=[
                {
                    "name": "logtail-ds",
                    "config": project.project_name.apply(
                        lambda p: json.dumps({"IngressDashboardEnabled": "true", "sls_project_name": p})
                    ),
                },
                {"name": "arms-prometheus"},
                {"name": "csi-plugin"},
                {"name": "managed-csiprovisioner"},
            ],
            opts=opts,
        )
        return alicloud.cs.NodePool(
            "workers",
            node_pool_name="workers",
            cluster_id=cluster.id,
            vswitch_ids=[v.id for v in vsws],
            instance_types=["ecs.g7.xlarge"],
            desired_size="3",  # a string in pulumi-alicloud's cs/nodepool
            system_disk_category="cloud_essd",
            system_disk_size=120,
            opts=opts,
        )

    return build


def ali_session_stores_and_api(region: str) -> Build:
    # docs: alicloud mongodb/instance (replica set, the stack's vSwitch) and kvstore/instance (Tair) whose outputs
    # (replica_sets[].connection_domain, connection_domain) the Function Compute function's environment names,
    # kms/secret holding the database password, apigateway/group + api with an FC backend (fc_service_config: the
    # function's region and ARN) exposing the function.
    def build(c: Any) -> object:
        opts = _ali(region)
        account = alicloud.get_account_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).id
        mongo = alicloud.mongodb.Instance(
            "trips",
            engine_version="6.0",
            db_instance_class="mdb.shard.2x.xlarge.d",
            db_instance_storage=40,
            vswitch_id="vsw-data",
            opts=opts,
        )
        cache = alicloud.kvstore.Instance(
            "sessions",
            db_instance_name="sessions",
            instance_class="redis.master.small.default",
            engine_version="7.0",
            vswitch_id="vsw-data",
            opts=opts,
        )
        alicloud.kms.Secret(
            "trips-db-password",
            secret_name="trips-db-password",
            secret_data="rotate-me-on-first-use",
            version_id="v1",
            force_delete_without_recovery=True,
            opts=opts,
        )
        role = alicloud.ram.Role(
            "trips-fc", role_name="trips-fc", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        env: dict[str, Any] = {
            "MONGO_HOST": mongo.replica_sets.apply(lambda rs: rs[0].connection_domain if rs else ""),
            "REDIS_HOST": cache.connection_domain,
            "SECRET_NAME": "trips-db-password",
        }
        fn = alicloud.fc.V3Function(
            "trips-api",
            function_name="trips-api",
            runtime="python3.10",
            handler="index.handler",
            memory_size=512,
            role=role.arn,
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables=env,
            opts=opts,
        )
        group = alicloud.apigateway.Group("owner-api", name="owner_api", description="Owner trips API", opts=opts)
        return alicloud.apigateway.Api(
            "trips",
            name="trips",
            group_id=group.id,
            description="The owner's trips",
            auth_type="APP",
            service_type="FunctionCompute",
            request_config={"protocol": "HTTPS", "method": "GET", "path": "/trips", "mode": "MAPPING"},
            fc_service_config={
                "region": region,
                "function_type": "HttpTrigger",
                "function_base_url": pulumi.Output.all(account, fn.function_name).apply(
                    lambda a: f"https://{a[0]}.{region}.fc.aliyuncs.com/2023-03-30/functions/{a[1]}/invocations"
                ),
                "arn_role": role.arn,
                "timeout": 10,
            },
            stage_names=["RELEASE"],
            opts=opts,
        )

    return build
