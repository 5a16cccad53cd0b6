"""Programs on services round 12 did not reach (red team, round 13, stop 36).

Each builder is what a team writes from the provider's registry page: an AppFlow connector profile and flow, a Bedrock
batch inference job, model invocation logging and model customisation, a DataZone environment, a PAI-EAS service, an SAE
application, Cloud Firewall policies, ALB rules and AScripts, Function Compute 3 triggers, EventBridge rule targets, DTS
subscription and synchronisation jobs, VPN and Express Connect links to a site. ``dest`` says where the program sends
the data: ``"home"`` an in-country destination (the compliant twin), ``"abroad"`` one outside the jurisdiction.
tests/test_realistic_programs.py runs them as CASES (``redteam37-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

PARTNER = "999999999999"
"""Another AWS account (a partner's)."""

HOME_AWS = {"CN": "cn-north-1", "EU": "eu-west-1"}
ABROAD_AWS = "us-east-1"
HOME_ALI = "cn-shanghai"
ABROAD_ALI = "ap-southeast-1"
UID = "1234567890123456"


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _trust(service: str) -> str:
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
    })  # fmt: skip


def _role(c: Any, name: str, service: str) -> Any:
    return aws.iam.Role(name, assume_role_policy=_trust(service), opts=c.aws)


# -- AWS ---------------------------------------------------------------------------------------------------------------


def appflow_snowflake(code: str, dest: str) -> Build:
    # docs: appflow/connectorprofile — snowflake `region`: "AWS Region of the Snowflake account"; `bucketName`: the
    # stage bucket. The Snowflake account is the destination of every flow that uses the profile.
    region = HOME_AWS[code] if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        stage = aws.s3.Bucket("snowflake-stage", opts=c.aws)
        return aws.appflow.ConnectorProfile(
            "snowflake", name="fleet-snowflake", connector_type="Snowflake", connection_mode="Public",
            connector_profile_config={
                "connector_profile_credentials": {"snowflake": {"username": "appflow", "password": "s3cret"}},
                "connector_profile_properties": {"snowflake": {
                    "account_name": "fleet", "bucket_name": stage.bucket, "stage": "FLEET.PUBLIC.STAGE",
                    "warehouse": "FLEET_WH", "region": region}},
            },
            opts=c.aws,
        )  # fmt: skip

    return build


def appflow_flow_s3(code: str, dest: str) -> Build:
    # docs: appflow/flow — destination `s3.bucketName`: the bucket the flow writes to.
    def build(c: Any) -> object:
        source = aws.s3.Bucket("flow-source", opts=c.aws)
        target = aws.s3.Bucket("flow-target", opts=c.aws).bucket if dest == "home" else "partner-landing-zone"
        return aws.appflow.Flow(
            "flow", name="fleet-flow",
            source_flow_config={"connector_type": "S3",
                                "source_connector_properties": {"s3": {"bucket_name": source.bucket,
                                                                       "bucket_prefix": "in"}}},
            destination_flow_configs=[{"connector_type": "S3",
                                       "destination_connector_properties": {"s3": {
                                           "bucket_name": target, "bucket_prefix": "out"}}}],
            tasks=[{"source_fields": ["vin"], "task_type": "Map", "destination_field": "vin",
                    "connector_operators": [{"s3": "NO_OP"}]}],
            trigger_config={"trigger_type": "OnDemand"}, opts=c.aws,
        )  # fmt: skip

    return build


def bedrock_batch_job(code: str, dest: str) -> Build:
    # docs: bedrockmodel/invocationjob — `outputDataConfig.s3OutputDataConfig.s3Uri`: where the job writes its output.
    def build(c: Any) -> object:
        data = aws.s3.Bucket("batch-data", opts=c.aws)
        out = data.bucket.apply(lambda b: f"s3://{b}/out/") if dest == "home" else "s3://partner-model-outputs/out/"
        role = _role(c, "batch-role", "bedrock.amazonaws.com")
        return aws.bedrockmodel.InvocationJob(
            "batch", job_name="fleet-batch", model_id="anthropic.claude-3-haiku-20240307-v1:0", role_arn=role.arn,
            input_data_config={"s3_input_data_config": {"s3_uri": data.bucket.apply(lambda b: f"s3://{b}/in/")}},
            output_data_config={"s3_output_data_config": {"s3_uri": out}}, opts=c.aws,
        )  # fmt: skip

    return build


def bedrock_batch_owner(code: str, dest: str) -> Build:
    # docs: bedrockmodel/invocationjob — `s3BucketOwner`: "The ID of the AWS account that owns the S3 bucket".
    owner = "123456789012" if dest == "home" else PARTNER

    def build(c: Any) -> object:
        data = aws.s3.Bucket("batch-data", opts=c.aws)
        role = _role(c, "batch-role", "bedrock.amazonaws.com")
        return aws.bedrockmodel.InvocationJob(
            "batch", job_name="fleet-batch", model_id="anthropic.claude-3-haiku-20240307-v1:0", role_arn=role.arn,
            input_data_config={"s3_input_data_config": {"s3_uri": data.bucket.apply(lambda b: f"s3://{b}/in/")}},
            output_data_config={"s3_output_data_config": {"s3_uri": data.bucket.apply(lambda b: f"s3://{b}/out/"),
                                                          "s3_bucket_owner": owner}},
            opts=c.aws,
        )  # fmt: skip

    return build


def bedrock_logging(code: str, dest: str) -> Build:
    # docs: bedrockmodel/invocationloggingconfiguration — `loggingConfig.s3Config.bucketName`: where every model
    # invocation's prompt and response are written.
    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("invocation-logs", opts=c.aws).bucket if dest == "home" else "partner-genai-logs"
        return aws.bedrockmodel.InvocationLoggingConfiguration(
            "invocation-logging",
            logging_config={"s3_config": {"bucket_name": bucket, "key_prefix": "bedrock"},
                            "text_data_delivery_enabled": True, "image_data_delivery_enabled": False,
                            "embedding_data_delivery_enabled": False},
            opts=c.aws,
        )  # fmt: skip

    return build


def bedrock_logging_large(code: str, dest: str) -> Build:
    # docs: bedrockmodel/invocationloggingconfiguration — `cloudwatchConfig.largeDataDeliveryS3Config.bucketName`.
    def build(c: Any) -> object:
        group = aws.cloudwatch.LogGroup("invocations", name="/fleet/bedrock", opts=c.aws)
        role = _role(c, "logging-role", "bedrock.amazonaws.com")
        bucket = aws.s3.Bucket("large-logs", opts=c.aws).bucket if dest == "home" else "partner-genai-logs"
        return aws.bedrockmodel.InvocationLoggingConfiguration(
            "invocation-logging",
            logging_config={"cloudwatch_config": {"log_group_name": group.name, "role_arn": role.arn,
                                                  "large_data_delivery_s3_config": {"bucket_name": bucket}},
                            "text_data_delivery_enabled": True},
            opts=c.aws,
        )  # fmt: skip

    return build


def bedrock_custom_model(code: str, dest: str) -> Build:
    # docs: bedrock/custommodel — `outputDataConfig.s3Uri` and `trainingDataConfig.s3Uri`.
    def build(c: Any) -> object:
        data = aws.s3.Bucket("training", opts=c.aws)
        out = data.bucket.apply(lambda b: f"s3://{b}/model/") if dest == "home" else "s3://partner-models/model/"
        role = _role(c, "customisation-role", "bedrock.amazonaws.com")
        return aws.bedrock.CustomModel(
            "custom", custom_model_name="fleet-model", job_name="fleet-ft", role_arn=role.arn,
            base_model_identifier=f"arn:{_part(code)}:bedrock:{HOME_AWS[code]}::foundation-model/amazon.titan-text-express-v1",
            hyperparameters={"epochCount": "1"},
            training_data_config={"s3_uri": data.bucket.apply(lambda b: f"s3://{b}/train.jsonl")},
            output_data_config={"s3_uri": out}, opts=c.aws,
        )  # fmt: skip

    return build


def datazone_environment(code: str, dest: str) -> Build:
    # docs: datazone/environment — `accountRegion`: "The AWS Region of the account the environment is created in".
    region = HOME_AWS[code] if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        role = _role(c, "datazone-role", "datazone.amazonaws.com")
        domain = aws.datazone.Domain("domain", name="fleet", domain_execution_role=role.arn, opts=c.aws)
        project = aws.datazone.Project("project", domain_identifier=domain.id, name="fleet", opts=c.aws)
        return aws.datazone.Environment(
            "environment", name="fleet-lake", domain_identifier=domain.id, project_identifier=project.id,
            profile_identifier="envprofile123", blueprint_identifier="blueprint123",
            account_identifier="123456789012", account_region=region, opts=c.aws,
        )  # fmt: skip

    return build


def datazone_profile(code: str, dest: str) -> Build:
    # docs: datazone/environmentprofile — `awsAccountRegion`: the Region environments of the profile are made in.
    region = HOME_AWS[code] if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        role = _role(c, "datazone-role", "datazone.amazonaws.com")
        domain = aws.datazone.Domain("domain", name="fleet", domain_execution_role=role.arn, opts=c.aws)
        project = aws.datazone.Project("project", domain_identifier=domain.id, name="fleet", opts=c.aws)
        return aws.datazone.EnvironmentProfile(
            "profile", name="fleet-lake", domain_identifier=domain.id, project_identifier=project.id,
            environment_blueprint_identifier="blueprint123", aws_account_id="123456789012",
            aws_account_region=region, opts=c.aws,
        )  # fmt: skip

    return build


def blueprint_config(code: str, dest: str) -> Build:
    # docs: datazone/environmentblueprintconfiguration — `enabledRegions`, `regionalParameters`.
    region = HOME_AWS[code] if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        role = _role(c, "datazone-role", "datazone.amazonaws.com")
        domain = aws.datazone.Domain("domain", name="fleet", domain_execution_role=role.arn, opts=c.aws)
        aws.s3.Bucket("datazone", bucket="fleet-datazone", opts=c.aws)
        return aws.datazone.EnvironmentBlueprintConfiguration(
            "blueprint", domain_id=domain.id, environment_blueprint_id="blueprint123",
            enabled_regions=[region], regional_parameters={region: {"s3Location": "s3://fleet-datazone"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def knowledge_base(store: str, code: str, dest: str) -> Build:
    # docs: bedrock/agentknowledgebase — `storageConfiguration`: the vector store every document's chunks and embeddings
    # are written to (Pinecone's `connectionString`, Redis Enterprise Cloud's and MongoDB Atlas' `endpoint`, an
    # OpenSearch domain's `domainEndpoint`, an S3 vector bucket's ARN, a Neptune Analytics graph's ARN).
    home, part = HOME_AWS[code], _part(code)
    region = home if dest == "home" else ABROAD_AWS
    storage: dict[str, Any]
    if store == "pinecone":
        storage = {
            "type": "PINECONE",
            "pinecone_configuration": {
                "connection_string": "https://fleet-kb-abc123.svc.aped-4627-b74a.pinecone.io",
                "credentials_secret_arn": f"arn:{part}:secretsmanager:{home}:123456789012:secret:pinecone-AbCdEf",
                "field_mapping": {"metadata_field": "metadata", "text_field": "text"},
            },
        }
    elif store == "redis":
        storage = {
            "type": "REDIS_ENTERPRISE_CLOUD",
            "redis_enterprise_cloud_configuration": {
                "endpoint": "redis-12345.c1.us-east-1-2.ec2.redns.redis-cloud.com:12345",
                "vector_index_name": "kb",
                "credentials_secret_arn": f"arn:{part}:secretsmanager:{home}:123456789012:secret:redis-AbCdEf",
                "field_mapping": {"metadata_field": "metadata", "text_field": "text", "vector_field": "vector"},
            },
        }
    elif store == "mongo":
        storage = {
            "type": "MONGO_DB_ATLAS",
            "mongo_db_atlas_configuration": {
                "endpoint": "fleet-kb.abc12.mongodb.net",
                "database_name": "kb",
                "collection_name": "chunks",
                "vector_index_name": "kb",
                "credentials_secret_arn": f"arn:{part}:secretsmanager:{home}:123456789012:secret:atlas-AbCdEf",
                "field_mapping": {"metadata_field": "metadata", "text_field": "text", "vector_field": "vector"},
            },
        }
    elif store == "opensearch":
        storage = {
            "type": "OPENSEARCH_MANAGED_CLUSTER",
            "opensearch_managed_cluster_configuration": {
                "domain_arn": f"arn:{part}:es:{region}:123456789012:domain/fleet-kb",
                # abroad: another Region's domain by its ARN only (its endpoint would be a second refusal, RES-006)
                "domain_endpoint": f"https://search-fleet-kb-abc123.{home}.es.amazonaws.com",
                "vector_index_name": "kb",
                "field_mapping": {"metadata_field": "metadata", "text_field": "text", "vector_field": "vector"},
            },
        }
    elif store == "neptune":
        storage = {
            "type": "NEPTUNE_ANALYTICS",
            "neptune_analytics_configuration": {
                "graph_arn": f"arn:{part}:neptune-graph:{region}:123456789012:graph/g-abc123",
                "field_mapping": {"metadata_field": "metadata", "text_field": "text"},
            },
        }
    else:  # s3 vectors
        storage = {
            "type": "S3_VECTORS",
            "s3_vectors_configuration": {
                "index_arn": f"arn:{part}:s3vectors:{region}:123456789012:bucket/fleet-vectors/index/kb"
            },
        }

    def build(c: Any) -> object:
        role = _role(c, "kb-role", "bedrock.amazonaws.com")
        return aws.bedrock.AgentKnowledgeBase(
            "kb", name="fleet-kb", role_arn=role.arn,
            knowledge_base_configuration={"type": "VECTOR", "vector_knowledge_base_configuration": {
                "embedding_model_arn": f"arn:{part}:bedrock:{home}::foundation-model/amazon.titan-embed-text-v2:0"}},
            storage_configuration=_any(storage), opts=c.aws,
        )  # fmt: skip

    return build


def evaluation_job(code: str, dest: str) -> Build:
    # docs: bedrock/evaluationjob — `outputDataConfig.s3Uri`: where the evaluation's prompts, responses and scores go.
    def build(c: Any) -> object:
        data = aws.s3.Bucket("evaluations", opts=c.aws)
        out = data.bucket.apply(lambda b: f"s3://{b}/results/") if dest == "home" else "s3://partner-evals/results/"
        role = _role(c, "evaluation-role", "bedrock.amazonaws.com")
        return aws.bedrock.EvaluationJob(
            "evaluation", job_name="fleet-eval", role_arn=role.arn,
            evaluation_config={"automated": {"dataset_metric_configs": [{
                "task_type": "Summarization", "metric_names": ["Builtin.Accuracy"],
                "dataset": {"name": "trips", "dataset_location": {
                    "s3_uri": data.bucket.apply(lambda b: f"s3://{b}/trips.jsonl")}}}]}},
            inference_config={"models": [{"bedrock_model": {
                "model_identifier": "anthropic.claude-3-haiku-20240307-v1:0", "inference_params": "{}"}}]},
            output_data_config={"s3_uri": out}, opts=c.aws,
        )  # fmt: skip

    return build


# -- Alibaba Cloud -----------------------------------------------------------------------------------------------------


def eas_service(dest: str) -> Build:
    # docs: pai/service — `serviceConfig`: the EAS service JSON (containers' images, mounted storage).
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        alicloud.oss.Bucket("models", bucket="fleet-models", opts=c.ali)
        config = {
            "metadata": {"name": "fleet_eta", "instance": 1, "cpu": 2, "memory": 4000},
            "containers": [{"image": f"registry-vpc.{region}.cr.aliyuncs.com/fleet/eta:1.0", "port": 8000}],
            "storage": [
                {
                    "mount_path": "/models",
                    "oss": {"path": "oss://fleet-models/eta/", "endpoint": f"oss-{region}-internal.aliyuncs.com"},
                }
            ],
        }
        return alicloud.pai.Service("eta", service_config=json.dumps(config), opts=c.ali)

    return build


def eas_image_only(dest: str) -> Build:
    # docs: pai/service — a processor-less service with only a container image from a registry.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        config = {
            "metadata": {"name": "fleet_eta", "instance": 1},
            "containers": [{"image": f"registry.{region}.aliyuncs.com/fleet/eta:1.0", "port": 8000}],
        }
        return alicloud.pai.Service("eta", service_config=json.dumps(config), opts=c.ali)

    return build


def sae_image(dest: str) -> Build:
    # docs: sae/application — `imageUrl`: the image the application runs.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.sae.Application(
            "app", app_name="fleet-api", package_type="Image", replicas=1, cpu=500, memory=1024,
            namespace_id=f"{HOME_ALI}:fleet", vpc_id="vpc-abc", vswitch_id="vsw-abc",
            image_url=f"registry-vpc.{region}.aliyuncs.com/fleet/api:1.0", opts=c.ali,
        )  # fmt: skip

    return build


def sae_package(dest: str) -> Build:
    # docs: sae/application — `packageUrl`: the deployment package's address (an OSS object URL).
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.sae.Application(
            "app", app_name="fleet-api", package_type="FatJar", replicas=1, cpu=500, memory=1024, jdk="Open JDK 8",
            namespace_id=f"{HOME_ALI}:fleet", vpc_id="vpc-abc", vswitch_id="vsw-abc", package_version="1.0",
            package_url=f"https://fleet-builds.oss-{region}.aliyuncs.com/api-1.0.jar", opts=c.ali,
        )  # fmt: skip

    return build


def sae_sls(dest: str) -> Build:
    # docs: sae/application — `slsConfigs`: JSON list of log sources and the Logstore they go to
    # ([{"logDir":..., "projectName":..., "logstoreName":...}]).
    def build(c: Any) -> object:
        if dest == "home":
            project: Any = alicloud.log.Project("app-logs", project_name="fleet-app-logs", opts=c.ali).project_name
        else:
            project = "partner-app-logs"
        configs = pulumi_json([{"logDir": "/var/log/app/*.log", "projectName": project, "logstoreName": "app"}])
        return alicloud.sae.Application(
            "app", app_name="fleet-api", package_type="Image", replicas=1, cpu=500, memory=1024,
            namespace_id=f"{HOME_ALI}:fleet", vpc_id="vpc-abc", vswitch_id="vsw-abc",
            image_url=f"registry-vpc.{HOME_ALI}.aliyuncs.com/fleet/api:1.0", sls_configs=configs, opts=c.ali,
        )  # fmt: skip

    return build


def sae_oss_mount(dest: str) -> Build:
    # docs: sae/application — `ossMountDescsV2s.bucketName`: the bucket mounted into the application.
    def build(c: Any) -> object:
        if dest == "home":
            bucket: Any = alicloud.oss.Bucket("shared", bucket="fleet-shared", opts=c.ali).bucket
        else:
            bucket = "partner-shared-bucket"
        return alicloud.sae.Application(
            "app", app_name="fleet-api", package_type="Image", replicas=1, cpu=500, memory=1024,
            namespace_id=f"{HOME_ALI}:fleet", vpc_id="vpc-abc", vswitch_id="vsw-abc",
            image_url=f"registry-vpc.{HOME_ALI}.aliyuncs.com/fleet/api:1.0",
            oss_mount_descs_v2s=[{"bucket_name": bucket, "bucket_path": "/", "mount_path": "/shared"}], opts=c.ali,
        )  # fmt: skip

    return build


def pulumi_json(value: Any) -> Any:
    import pulumi

    return pulumi.Output.json_dumps(value)


def firewall_policy(dest: str) -> Build:
    # docs: cloudfirewall/controlpolicy — an outbound `accept` policy whose `destination` is a domain.
    domain = "api.fleet-partner.cn" if dest == "home" else "api.partner.example.com"

    def build(c: Any) -> object:
        return alicloud.cloudfirewall.ControlPolicy(
            "egress", acl_action="accept", description="telemetry egress", direction="out", proto="TCP",
            source="10.0.0.0/8", source_type="net", destination=domain, destination_type="domain",
            dest_port="443", dest_port_type="port", application_name="HTTPS", opts=c.ali,
        )  # fmt: skip

    return build


def alb_redirect(dest: str) -> Build:
    # docs: alb/rule — `ruleActions.redirectConfig.host`: the host requests are redirected to.
    # The compliant twin keeps the request's own host (`${host}`, the default) and changes only the path.
    host = "${host}" if dest == "home" else "api.partner.example.com"

    def build(c: Any) -> object:
        return alicloud.alb.Rule(
            "redirect", listener_id="lsn-abc", priority=10, rule_name="redirect",
            rule_conditions=[{"type": "Path", "path_config": {"values": ["/old/*"]}}],
            rule_actions=[{"order": 1, "type": "Redirect",
                           "redirect_config": {"host": host, "http_code": "307", "protocol": "HTTPS", "port": "443"}}],
            opts=c.ali,
        )  # fmt: skip

    return build


def alb_ip_target(dest: str) -> Build:
    # docs: alb/servergroup — an IP server group (`serverType: Ip`, `remoteIpEnabled`) forwards to any address.
    address = "10.20.0.15" if dest == "home" else "203.0.113.10"

    def build(c: Any) -> object:
        group = alicloud.alb.ServerGroup(
            "remote", server_group_name="remote", server_group_type="Ip", vpc_id="vpc-abc", protocol="HTTP",
            health_check_config={"health_check_enabled": False},
            sticky_session_config={"sticky_session_enabled": False},
            servers=[{"server_id": address, "server_ip": address, "server_type": "Ip", "port": 80,
                      "remote_ip_enabled": True}],
            opts=c.ali,
        )  # fmt: skip
        return alicloud.alb.Rule(
            "forward", listener_id="lsn-abc", priority=11, rule_name="forward",
            rule_conditions=[{"type": "Path", "path_config": {"values": ["/api/*"]}}],
            rule_actions=[{"order": 1, "type": "ForwardGroup",
                           "forward_group_config": {"server_group_tuples": [{"server_group_id": group.id}]}}],
            opts=c.ali,
        )  # fmt: skip

    return build


def alb_ascript(dest: str) -> Build:
    # docs: alb/ascript — `scriptContent`: an EdgeScript run on requests (here it rewrites the upstream host).
    target = "/v2/trips" if dest == "home" else "https://api.partner.example.com/trips"

    def build(c: Any) -> object:
        script = f'if eq($uri, "/trips") {{\n  rewrite("{target}", "redirect")\n}}'
        return alicloud.alb.AScript(
            "script", ascript_name="trips", listener_id="lsn-abc", position="RequestHead", script_content=script,
            enabled=True, opts=c.ali,
        )  # fmt: skip

    return build


def fc_trigger_oss(dest: str) -> Build:
    # docs: fc/v3trigger — `sourceArn`: the OSS bucket (acs:oss:<region>:<uid>:<bucket>) whose events invoke the
    # function.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        config = json.dumps({"events": ["oss:ObjectCreated:*"], "filter": {"key": {"prefix": "in/"}}})
        return alicloud.fc.V3Trigger(
            "oss-trigger", function_name="fleet-ingest", trigger_name="oss", trigger_type="oss",
            source_arn=f"acs:oss:{region}:{UID}:fleet-uploads", trigger_config=config,
            invocation_role=f"acs:ram::{UID}:role/aliyunosseventnotificationrole", qualifier="LATEST", opts=c.ali,
        )  # fmt: skip

    return build


def fc_trigger_eventbridge(dest: str) -> Build:
    # docs: fc/v3trigger — an EventBridge trigger's `triggerConfig.eventSourceConfig` (an MNS queue of a Region).
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        config = json.dumps({
            "triggerEnable": True, "asyncInvocationType": False,
            "eventSourceConfig": {"eventSourceType": "MNS", "eventSourceParameters": {"sourceMNSParameters": {
                "QueueName": "fleet-events", "RegionId": region, "IsBase64Decode": False}}},
            "eventRuleFilterPattern": "{}",
        })  # fmt: skip
        return alicloud.fc.V3Trigger(
            "eb-trigger", function_name="fleet-ingest", trigger_name="mns-queue", trigger_type="eventbridge",
            trigger_config=config, qualifier="LATEST", opts=c.ali,
        )  # fmt: skip

    return build


def fc_trigger_sls(dest: str) -> Build:
    # docs: fc/v3trigger — a log trigger's `triggerConfig.sourceConfig.logstore` and `logConfig.project`.
    def build(c: Any) -> object:
        project = "fleet-fc-logs" if dest == "home" else "partner-fc-logs"
        if dest == "home":
            alicloud.log.Project("fc-logs", project_name=project, opts=c.ali)
        config = json.dumps({
            "sourceConfig": {"logstore": "trips", "startTime": None},
            "jobConfig": {"maxRetryTime": 3, "triggerInterval": 60},
            "logConfig": {"project": project, "logstore": "fc-trigger"}, "enable": True,
        })  # fmt: skip
        return alicloud.fc.V3Trigger(
            "log-trigger", function_name="fleet-ingest", trigger_name="sls", trigger_type="log",
            source_arn=f"acs:log:{HOME_ALI}:{UID}:project/fleet-app-logs", trigger_config=config,
            invocation_role=f"acs:ram::{UID}:role/aliyunlogetlrole", qualifier="LATEST", opts=c.ali,
        )  # fmt: skip

    return build


def _any(value: Any) -> Any:
    return value


def _target(kind: str, endpoint: str, params: list[dict[str, str]]) -> Any:
    return {"target_id": "t1", "type": kind, "endpoint": endpoint, "param_lists": params}


def eventbridge_target(kind: str, dest: str) -> Build:
    # docs: eventbridge/rule — `targets.{type, endpoint}`: where the rule delivers matching events
    # (acs.mns.queue: an MNS queue ARN; http / https: a URL; acs.dingtalk: a DingTalk robot's webhook).
    if kind == "mns":
        region = HOME_ALI if dest == "home" else ABROAD_ALI
        kind_type, endpoint = "acs.mns.queue", f"acs:mns:{region}:{UID}:queues/fleet-events"
        params = [{"resource_key": "queue", "form": "CONSTANT", "value": "fleet-events"},
                  {"resource_key": "Body", "form": "ORIGINAL"}]  # fmt: skip
    else:
        url = (
            f"https://{UID}.{HOME_ALI}.fc.aliyuncs.com/2016-08-15/proxy/fleet/hook/"
            if dest == "home"
            else "https://hooks.partner.example.com/events"
        )
        kind_type, endpoint = "http", url
        params = [
            {"resource_key": "url", "form": "CONSTANT", "value": url},
            {"resource_key": "Body", "form": "ORIGINAL"},
        ]

    def build(c: Any) -> object:
        bus = alicloud.eventbridge.EventBus("bus", event_bus_name="fleet", opts=c.ali)
        return alicloud.eventbridge.Rule(
            "rule", event_bus_name=bus.event_bus_name, rule_name="trips",
            filter_pattern=json.dumps({"source": ["fleet.trips"]}),
            targets=[_target(kind_type, endpoint, params)],
            opts=c.ali,
        )  # fmt: skip

    return build


def eventbridge_api_destination(dest: str) -> Build:
    # docs: eventbridge/apidestination — `httpApiParameters.endpoint`: the HTTP endpoint events are sent to.
    url = (
        f"https://{UID}.{HOME_ALI}.fc.aliyuncs.com/2016-08-15/proxy/fleet/hook/"
        if dest == "home"
        else "https://hooks.partner.example.com/events"
    )

    def build(c: Any) -> object:
        connection = alicloud.eventbridge.Connection(
            "connection", connection_name="fleet", network_parameters={"network_type": "PublicNetwork"}, opts=c.ali
        )
        return alicloud.eventbridge.ApiDestination(
            "api-destination", api_destination_name="fleet", connection_name=connection.connection_name,
            http_api_parameters={"endpoint": url, "method": "POST"}, opts=c.ali,
        )  # fmt: skip

    return build


def dts_sync_region(dest: str) -> Build:
    # docs: dts/synchronizationjob — `destinationEndpointRegion`: the Region of the destination database.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.dts.SynchronizationJob(
            "sync", dts_instance_id="dtsabc", dts_job_name="fleet-sync", data_initialization=True,
            data_synchronization=True, structure_initialization=True, db_list=json.dumps({"fleet": {"name": "fleet"}}),
            source_endpoint_engine_name="MySQL", source_endpoint_instance_type="RDS",
            source_endpoint_instance_id="rm-src", source_endpoint_region=HOME_ALI,
            source_endpoint_user_name="dts", source_endpoint_password="s3cret",
            destination_endpoint_engine_name="MySQL", destination_endpoint_instance_type="RDS",
            destination_endpoint_instance_id="rm-dst", destination_endpoint_region=region,
            destination_endpoint_user_name="dts", destination_endpoint_password="s3cret", opts=c.ali,
        )  # fmt: skip

    return build


def dts_sync_ip(dest: str) -> Build:
    # docs: dts/synchronizationjob — a destination database on another host (`destinationEndpointInstanceType:
    # other`, `destinationEndpointIp`).
    address = "10.20.0.15" if dest == "home" else "203.0.113.10"

    def build(c: Any) -> object:
        return alicloud.dts.SynchronizationJob(
            "sync", dts_instance_id="dtsabc", dts_job_name="fleet-sync", data_initialization=True,
            data_synchronization=True, structure_initialization=True, db_list=json.dumps({"fleet": {"name": "fleet"}}),
            source_endpoint_engine_name="MySQL", source_endpoint_instance_type="RDS",
            source_endpoint_instance_id="rm-src", source_endpoint_region=HOME_ALI,
            source_endpoint_user_name="dts", source_endpoint_password="s3cret",
            destination_endpoint_engine_name="MySQL", destination_endpoint_instance_type="OTHER",
            destination_endpoint_ip=address, destination_endpoint_port="3306", destination_endpoint_region=HOME_ALI,
            destination_endpoint_user_name="dts", destination_endpoint_password="s3cret", opts=c.ali,
        )  # fmt: skip

    return build


def dts_subscription(dest: str) -> Build:
    # docs: dts/subscriptionjob — `destinationRegion`: the Region of the change-tracking instance.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.dts.SubscriptionJob(
            "subscription", payment_type="PayAsYouGo", dts_job_name="fleet-cdc",
            source_endpoint_engine_name="MySQL", source_endpoint_instance_type="RDS",
            source_endpoint_instance_id="rm-src", source_endpoint_region=HOME_ALI,
            source_endpoint_user_name="dts", source_endpoint_password="s3cret", destination_region=region,
            db_list=json.dumps({"fleet": {"name": "fleet"}}), subscription_instance_network_type="vpc",
            subscription_instance_vpc_id="vpc-abc", subscription_instance_vswitch_id="vsw-abc", opts=c.ali,
        )  # fmt: skip

    return build


def vpn_customer_gateway(dest: str) -> Build:
    # docs: vpn/customergateway — `ipAddress`: the public address of the on-premise gateway the tunnel ends at.
    address = "10.20.0.15" if dest == "home" else "203.0.113.10"

    def build(c: Any) -> object:
        gateway = alicloud.vpn.CustomerGateway("office", ip_address=address, customer_gateway_name="office", opts=c.ali)
        return alicloud.vpn.Connection(
            "tunnel", vpn_gateway_id="vpn-abc", customer_gateway_id=gateway.id, local_subnets=["10.0.0.0/16"],
            remote_subnets=["192.168.0.0/16"], vpn_connection_name="office", opts=c.ali,
        )  # fmt: skip

    return build


def vbr_peer(dest: str) -> Build:
    # docs: expressconnect/virtualborderrouter — `peerGatewayIp`: the on-premise router's address.
    address = "10.20.0.2" if dest == "home" else "203.0.113.2"

    def build(c: Any) -> object:
        return alicloud.expressconnect.VirtualBorderRouter(
            "vbr", physical_connection_id="pc-abc", vlan_id=100, local_gateway_ip="10.20.0.1", peer_gateway_ip=address,
            peering_subnet_mask="255.255.255.252", virtual_border_router_name="office", opts=c.ali,
        )  # fmt: skip

    return build


def _sae(c: Any, **extra: Any) -> Any:
    return alicloud.sae.Application(
        "app", app_name="fleet-api", package_type="Image", replicas=1, cpu=500, memory=1024,
        namespace_id=f"{HOME_ALI}:fleet", vpc_id="vpc-abc", vswitch_id="vsw-abc",
        image_url=f"registry-vpc.{HOME_ALI}.aliyuncs.com/fleet/api:1.0", opts=c.ali, **extra,
    )  # fmt: skip


def sae_host_alias(dest: str) -> Build:
    # docs: sae/application — `customHostAliasV2s.{hostName, ip}`: entries of the containers' /etc/hosts. An in-country
    # service's name mapped to an address sends what the application writes to that name to the address.
    address = "10.20.0.15" if dest == "home" else "203.0.113.10"

    def build(c: Any) -> object:
        return _sae(
            c, custom_host_alias_v2s=[{"host_name": f"fleet-uploads.oss-{HOME_ALI}.aliyuncs.com", "ip": address}]
        )

    return build


def eci_host_alias(dest: str) -> Build:
    # docs: eci/containergroup — `hostAliases.{ip, hostnames}`: the same /etc/hosts entries for an ECI container group.
    address = "10.20.0.15" if dest == "home" else "203.0.113.10"

    def build(c: Any) -> object:
        return alicloud.eci.ContainerGroup(
            "group", container_group_name="fleet-api", cpu=1, memory=2, security_group_id="sg-abc",
            vswitch_id="vsw-abc",
            containers=[{"name": "api", "image": f"registry-vpc.{HOME_ALI}.aliyuncs.com/fleet/api:1.0"}],
            host_aliases=[{"ip": address, "hostnames": [f"fleet-uploads.oss-{HOME_ALI}.aliyuncs.com"]}], opts=c.ali,
        )  # fmt: skip

    return build


def ecs_extra_hosts(code: str, dest: str) -> Build:
    # docs: AWS ContainerDefinition `extraHosts.{hostname, ipAddress}`: /etc/hosts entries of the container.
    address = "10.20.0.15" if dest == "home" else "203.0.113.10"

    def build(c: Any) -> object:
        image = f"123456789012.dkr.ecr.{HOME_AWS[code]}.amazonaws.com/fleet/api:1.0"
        containers = [{"name": "api", "image": image, "memory": 512, "essential": True,
                       "extraHosts": [{"hostname": "telemetry.fleet.internal",
                                       "ipAddress": address}]}]  # fmt: skip
        return aws.ecs.TaskDefinition(
            "task", family="fleet-api", container_definitions=json.dumps(containers), opts=c.aws
        )

    return build


def sae_kafka(dest: str) -> Build:
    # docs: sae/application — `kafkaConfigs.kafkaEndpoint`: the Kafka cluster the application's logs are shipped to.
    host = "10.20.0.15:9092" if dest == "home" else "kafka.partner.example.com:9092"

    def build(c: Any) -> object:
        return _sae(
            c,
            kafka_configs={
                "kafka_endpoint": host,
                "kafka_instance_id": "alikafka-cn-abc",
                "kafka_configs": [{"kafka_topic": "app-logs", "log_dir": "/var/log/app/*.log", "log_type": "file_log"}],
            },
        )

    return build


def sae_nas(dest: str) -> Build:
    # docs: sae/application — `nasConfigs.mountDomain`: the NAS mount target the application writes to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return _sae(
            c,
            nas_configs=[
                {
                    "mount_domain": f"1a2b3c4d-abc12.{region}.nas.aliyuncs.com",
                    "nas_id": "1a2b3c4d",
                    "mount_path": "/data",
                    "nas_path": "/",
                    "read_only": False,
                }
            ],
        )

    return build


def sae_envs(dest: str) -> Build:
    # docs: sae/application — `envs`: a JSON list of the containers' environment variables.
    url = (
        f"https://fleet-uploads.oss-{HOME_ALI}.aliyuncs.com/in/"
        if dest == "home"
        else "https://hooks.partner.example.com/in"
    )

    def build(c: Any) -> object:
        return _sae(c, envs=json.dumps([{"name": "UPLOAD_URL", "value": url}]))

    return build


def eventbridge_template(dest: str) -> Build:
    # docs: eventbridge/rule — a target parameter of form TEMPLATE: the URL built from the event's own fields.
    template = (
        f"https://{UID}.{HOME_ALI}.fc.aliyuncs.com/2016-08-15/proxy/fleet/${{path}}"
        if dest == "home"
        else "https://${host}/events"
    )
    value = json.dumps({"path": "$.data.path"} if dest == "home" else {"host": "$.data.host"})

    def build(c: Any) -> object:
        bus = alicloud.eventbridge.EventBus("bus", event_bus_name="fleet", opts=c.ali)
        return alicloud.eventbridge.Rule(
            "rule", event_bus_name=bus.event_bus_name, rule_name="trips",
            filter_pattern=json.dumps({"source": ["fleet.trips"]}),
            targets=[{"target_id": "t1", "type": "http", "endpoint": template,
                      "param_lists": [{"resource_key": "url", "form": "TEMPLATE", "value": value,
                                       "template": template},
                                      {"resource_key": "Body", "form": "ORIGINAL"}]}],
            opts=c.ali,
        )  # fmt: skip

    return build


def cen_peer(dest: str) -> Build:
    # docs: cen/transitrouterpeerattachment — `peerTransitRouterRegionId`: the Region the peered transit router is in.
    region = "cn-beijing" if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.cen.TransitRouterPeerAttachment(
            "peer", cen_id="cen-abc", transit_router_id="tr-abc", peer_transit_router_id="tr-def",
            peer_transit_router_region_id=region, bandwidth_type="DataTransfer", opts=c.ali,
        )  # fmt: skip

    return build


def cen_attachment(dest: str) -> Build:
    # docs: cen/instanceattachment — `childInstanceRegionId`: the Region of the VPC attached to the CEN.
    region = "cn-beijing" if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        cen = alicloud.cen.Instance("cen", cen_instance_name="fleet", opts=c.ali)
        return alicloud.cen.InstanceAttachment(
            "attach", instance_id=cen.id, child_instance_id="vpc-def", child_instance_type="VPC",
            child_instance_region_id=region, opts=c.ali,
        )  # fmt: skip

    return build


def ecr_association(dest: str) -> Build:
    # docs: expressconnect/routervpcassociation — `associationRegionId`: the Region of the VPC the Express Connect
    # Router routes to.
    region = "cn-beijing" if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        ecr = alicloud.expressconnect.RouterExpressConnectRouter("ecr", alibaba_side_asn=45104, opts=c.ali)
        return alicloud.expressconnect.RouterVpcAssociation(
            "ecr-vpc", ecr_id=ecr.id, vpc_id="vpc-def", association_region_id=region, opts=c.ali
        )

    return build


def router_interface(dest: str) -> Build:
    # docs: expressconnect/routerinterface — `oppositeRegionId`: the Region of the peer router.
    region = "cn-beijing" if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.expressconnect.RouterInterface(
            "ri", opposite_region_id=region, role="InitiatingSide", router_id="vrt-abc", router_type="VRouter",
            spec="Mini.2", payment_type="PayAsYouGo", opts=c.ali,
        )  # fmt: skip

    return build


def eventbridge_jsonpath(dest: str) -> Build:
    # docs: eventbridge/rule — a target parameter of form JSONPATH: the URL is the value at a path of the event. The
    # compliant twin takes only the body from the event (the URL is a constant).
    def build(c: Any) -> object:
        bus = alicloud.eventbridge.EventBus("bus", event_bus_name="fleet", opts=c.ali)
        home = f"https://{UID}.{HOME_ALI}.fc.aliyuncs.com/2016-08-15/proxy/fleet/hook/"
        url = (
            {"resource_key": "url", "form": "CONSTANT", "value": home}
            if dest == "home"
            else {"resource_key": "url", "form": "JSONPATH", "value": "$.data.callbackUrl"}
        )
        body = {"resource_key": "Body", "form": "JSONPATH", "value": "$.data"}
        return alicloud.eventbridge.Rule(
            "rule", event_bus_name=bus.event_bus_name, rule_name="trips",
            filter_pattern=json.dumps({"source": ["fleet.trips"]}),
            targets=[_target("http", home if dest == "home" else "$.data.callbackUrl", [url, body])],
            opts=c.ali,
        )  # fmt: skip

    return build


def event_streaming_url(dest: str) -> Build:
    # docs: eventbridge/eventstreaming — `sink`: the sink's JSON (SinkHttpsParameters: `URL` {Form, Template, Value});
    # a TEMPLATE URL whose host comes from the event, or (home) a fixed in-country host with the path from the event.
    template = (
        f"https://{UID}.{HOME_ALI}.fc.aliyuncs.com/2016-08-15/proxy/fleet/${{path}}"
        if dest == "home"
        else "https://${host}/events"
    )
    value = json.dumps({"path": "$.data.path"} if dest == "home" else {"host": "$.data.host"})

    def build(c: Any) -> object:
        source = {"SourceMNSParameters": {"RegionId": HOME_ALI, "QueueName": "fleet-events", "IsBase64Decode": False}}
        sink = {
            "SinkHttpsParameters": {
                "URL": {"Form": "TEMPLATE", "Template": template, "Value": value},
                "Body": {"Form": "ORIGINAL"},
                "Method": "POST",
                "NetworkType": "PublicNetwork",
            }
        }
        return alicloud.eventbridge.EventStreaming(
            "stream", event_streaming_name="fleet-trips", description="trips to the hook",
            filter_pattern="{}", source=json.dumps(source), sink=json.dumps(sink),
            run_options=json.dumps({"errorsTolerance": "ALL", "retryStrategy": {"PushRetryStrategy": "BACKOFF_RETRY"}}),
            opts=c.ali,
        )  # fmt: skip

    return build


RES = str
AWS_EU: dict[str, tuple[Callable[[str, str], Build], set[RES]]] = {
    "appflow-snowflake": (appflow_snowflake, {"RES-009"}),
    "appflow-flow-s3": (appflow_flow_s3, {"RES-017"}),
    "bedrock-batch-output": (bedrock_batch_job, {"RES-017"}),
    "bedrock-logging": (bedrock_logging, {"RES-017"}),
    "bedrock-logging-large": (bedrock_logging_large, {"RES-017"}),
    "bedrock-custom-model": (bedrock_custom_model, {"RES-017"}),
    "datazone-environment": (datazone_environment, {"RES-009"}),
    "datazone-profile": (datazone_profile, {"RES-009"}),
    "datazone-blueprint": (blueprint_config, {"RES-009"}),
    "kb-opensearch": (lambda code, dest: knowledge_base("opensearch", code, dest), {"RES-004"}),
    "kb-neptune": (lambda code, dest: knowledge_base("neptune", code, dest), {"RES-004"}),
    "kb-s3-vectors": (lambda code, dest: knowledge_base("s3vectors", code, dest), {"RES-004"}),
    "evaluation-job": (evaluation_job, {"RES-017"}),
    "ecs-extra-hosts": (ecs_extra_hosts, {"RES-015"}),
    # Checked and kept: `s3BucketOwner` is the account the job expects to own the bucket its `s3Uri` names (a check
    # that fails the job otherwise); the bucket itself is judged by the URI.
    "bedrock-batch-owner": (bedrock_batch_owner, set()),
}
AWS_EU_SAAS: dict[str, Callable[[str, str], Build]] = {
    # A knowledge base's vector store outside AWS: a SaaS host no catalogue places (the compliant twins are the
    # OpenSearch, Neptune Analytics and S3 Vectors stores of AWS_EU).
    "kb-pinecone": lambda code, dest: knowledge_base("pinecone", code, dest),
    "kb-redis": lambda code, dest: knowledge_base("redis", code, dest),
    "kb-mongo": lambda code, dest: knowledge_base("mongo", code, dest),
}
ALI_CN: dict[str, tuple[Callable[[str], Build], set[RES]]] = {
    "eas-service": (eas_service, {"RES-006"}),
    "eas-image": (eas_image_only, {"RES-006"}),
    "sae-image": (sae_image, {"RES-006"}),
    "sae-package": (sae_package, {"RES-006"}),
    # Checked and kept: an SLS project is named in the application's (the function's) Region, as every SLS project
    # name is read (endpoints.yaml, OOS delivery); another account's project there is the open cross-account item.
    "sae-sls": (sae_sls, set()),
    "sae-oss-mount": (sae_oss_mount, {"RES-017"}),
    # Checked and kept: an outbound accept rule lets traffic out; it sends nothing (the workload's destination is
    # judged where the program names it).
    "firewall-policy": (firewall_policy, set()),
    "alb-redirect": (alb_redirect, {"RES-015"}),
    "alb-ip-target": (alb_ip_target, {"RES-015"}),
    "alb-ascript": (alb_ascript, {"RES-015"}),
    "fc-trigger-oss": (fc_trigger_oss, {"RES-005"}),
    "fc-trigger-eventbridge": (fc_trigger_eventbridge, {"RES-009"}),
    "fc-trigger-sls": (fc_trigger_sls, set()),
    "eventbridge-mns": (lambda dest: eventbridge_target("mns", dest), {"RES-005"}),
    "eventbridge-http": (lambda dest: eventbridge_target("http", dest), {"RES-015"}),
    "eventbridge-api-destination": (eventbridge_api_destination, {"RES-015"}),
    "dts-sync-region": (dts_sync_region, {"RES-009"}),
    "dts-sync-ip": (dts_sync_ip, {"RES-015"}),
    "dts-subscription": (dts_subscription, {"RES-009"}),
    "vpn-customer-gateway": (vpn_customer_gateway, {"RES-015"}),
    # Left open (docs/residency.md, round 13): a VBR's peer address is the far end of its physical connection, whose
    # site (`peer_location`) is judged where the stack makes the connection; an existing connection's site is unseen.
    "vbr-peer": (vbr_peer, set()),
    "sae-host-alias": (sae_host_alias, {"RES-015"}),
    "eci-host-alias": (eci_host_alias, {"RES-015"}),
    "sae-kafka": (sae_kafka, {"RES-015"}),
    "sae-nas": (sae_nas, {"RES-006"}),
    "sae-envs": (sae_envs, {"RES-015"}),
    # Leaks closed in this round (event_built_fields): a URL built from each event passed.
    "eventbridge-template": (eventbridge_template, {"RES-015"}),
    "eventbridge-jsonpath": (eventbridge_jsonpath, {"RES-015"}),
    "event-streaming-url": (event_streaming_url, {"RES-015"}),
    "cen-peer": (cen_peer, {"RES-009"}),
    "cen-attachment": (cen_attachment, {"RES-009"}),
    "ecr-association": (ecr_association, {"RES-009"}),
    "router-interface": (router_interface, {"RES-009"}),
}
