"""More of an EV maker's ordinary, fully in-country platform programs: the owner data service, ML and analytics, the
IoT fleet, CI/CD, observability and disaster recovery inside one jurisdiction.

Written from the Pulumi registry (pulumi-aws v7, pulumi-alicloud) and the AWS / Alibaba Cloud docs, like
tests/platform_programs.py (whose areas these do not repeat). None sends data out of the country, so every front door
must accept every one of them; tests/test_realistic_programs.py runs them as CASES (``*-platform-ops-*``).
"""

from __future__ import annotations

import base64
import functools
import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _policy, _ram_trust, _trust

Build = Any

# "Docker Registry Paths and Example Code" (SageMaker): the account that serves the built-in algorithm and framework
# images in each region (scikit-learn and XGBoost share it).
SAGEMAKER_IMAGES = {
    "eu-central-1": "492215442770.dkr.ecr.eu-central-1.amazonaws.com",
    "eu-west-1": "141502667606.dkr.ecr.eu-west-1.amazonaws.com",
    "ap-northeast-1": "354813040037.dkr.ecr.ap-northeast-1.amazonaws.com",
    "us-east-1": "683313688378.dkr.ecr.us-east-1.amazonaws.com",
    "cn-north-1": "450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn",
}


def _opts(c: Any, region: str | None) -> pulumi.ResourceOptions:
    opts: pulumi.ResourceOptions = _aws(region) if region else c.aws
    return opts


def _s3(bucket: aws.s3.Bucket, path: str) -> pulumi.Output[str]:
    return bucket.bucket.apply(lambda b: f"s3://{b}/{path}")


def _token(dkim: Any, i: int) -> str:
    # sesv2/emailidentity dkim_signing_attributes.tokens: the three Easy DKIM tokens SES returns.
    return str(dkim["tokens"][i])


# -- the owner data service --------------------------------------------------------------------------------------


def owner_export_service(
    region: str | None = None,
    zone: str = "fleet.example.eu",
    *,
    mail_from_region: str | None = None,
    bounce_cname: str | None = None,
    rotation_selector: bool = False,
) -> Build:
    # docs: s3/bucket + bucketlifecycleconfiguration (exports expire after 7 days) + bucketcorsconfiguration (the owner
    # portal's origin may GET the presigned URLs), the export Lambda (env: bucket, URL lifetime, SES sender and
    # configuration set), sesv2/emailidentity (DKIM), emailidentitymailfromattributes, configurationset +
    # configurationseteventdestination to the stack's SNS topic, the route53 records SES asks for ("Easy DKIM" CNAMEs
    # to <token>.dkim.amazonses.com, the MAIL FROM MX feedback-smtp.<region>.amazonses.com and its SPF TXT),
    # apigateway/restapi with a COGNITO_USER_POOLS authorizer, usageplan (throttle and quota) + apikey + usageplankey.
    # `mail_from_region`: the MX copied from another region's example (SES there receives the bounces); `bounce_cname`:
    # a bounce host handed to an outside e-mail service by CNAME (its name computed from the identity);
    # `rotation_selector`: a second DKIM selector for a key rotation, its name computed from the identity and its
    # target written out.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        region_name = aws.get_region_output(opts=invoke).region
        exports = aws.s3.Bucket("owner-exports", opts=opts)
        aws.s3.BucketLifecycleConfiguration(
            "owner-exports", bucket=exports.id,
            rules=[{"id": "expire", "status": "Enabled", "filter": {"prefix": "exports/"}, "expiration": {"days": 7}}],
            opts=opts,
        )  # fmt: skip
        aws.s3.BucketCorsConfiguration(
            "owner-exports", bucket=exports.id,
            cors_rules=[{"allowed_methods": ["GET"], "allowed_origins": [f"https://owners.{zone}"],
                         "allowed_headers": ["*"], "max_age_seconds": 3000}],
            opts=opts,
        )  # fmt: skip
        identity = aws.sesv2.EmailIdentity("owners-mail", email_identity=zone, opts=opts)
        aws.sesv2.EmailIdentityMailFromAttributes(
            "owners-mail", email_identity=identity.email_identity, behavior_on_mx_failure="USE_DEFAULT_VALUE",
            mail_from_domain=f"mail.{zone}", opts=opts,
        )  # fmt: skip
        bounces = aws.sns.Topic("owner-mail-events", opts=opts)
        config_set = aws.sesv2.ConfigurationSet(
            "owners", configuration_set_name="owners",
            suppression_options={"suppressed_reasons": ["BOUNCE", "COMPLAINT"]},
            delivery_options={"tls_policy": "REQUIRE"}, opts=opts,
        )  # fmt: skip
        aws.sesv2.ConfigurationSetEventDestination(
            "owners-bounces", configuration_set_name=config_set.configuration_set_name,
            event_destination_name="bounces",
            event_destination={"enabled": True, "matching_event_types": ["BOUNCE", "COMPLAINT", "REJECT"],
                               "sns_destination": {"topic_arn": bounces.arn}},
            opts=opts,
        )  # fmt: skip
        dns = aws.route53.Zone("owners", name=zone, opts=opts)
        for i in range(3):
            token = identity.dkim_signing_attributes.apply(functools.partial(_token, i=i))
            aws.route53.Record(
                f"owners-dkim-{i}", zone_id=dns.zone_id, type="CNAME", ttl=600,
                name=token.apply(lambda t: f"{t}._domainkey.{zone}"),
                records=[token.apply(lambda t: f"{t}.dkim.amazonses.com")],
                opts=opts,
            )  # fmt: skip
        aws.route53.Record(
            "owners-mail-from-mx", zone_id=dns.zone_id, name=f"mail.{zone}", type="MX", ttl=600,
            records=[region_name.apply(lambda r: f"10 feedback-smtp.{mail_from_region or r}.amazonses.com")], opts=opts,
        )  # fmt: skip
        if rotation_selector:
            aws.route53.Record(
                "owners-dkim-rotation", zone_id=dns.zone_id, type="CNAME", ttl=600,
                records=["fleet2026b.dkim.amazonses.com"],
                name=identity.email_identity.apply(lambda d: f"fleet2026b._domainkey.{d}"), opts=opts,
            )  # fmt: skip
        if bounce_cname:
            aws.route53.Record(
                "owners-bounce-host", zone_id=dns.zone_id, type="CNAME", ttl=600, records=[bounce_cname],
                name=identity.email_identity.apply(lambda d: f"bounces.{d}"), opts=opts,
            )  # fmt: skip
        aws.route53.Record(
            "owners-mail-from-spf", zone_id=dns.zone_id, name=f"mail.{zone}", type="TXT", ttl=600,
            records=["v=spf1 include:amazonses.com ~all"], opts=opts,
        )  # fmt: skip
        fn = _function(
            "owner-export", opts,
            {"EXPORT_BUCKET": exports.bucket, "URL_EXPIRES_SECONDS": "900", "SENDER": f"no-reply@{zone}",
             "SES_CONFIGURATION_SET": config_set.configuration_set_name},
        )  # fmt: skip
        pool = aws.cognito.UserPool("owners", opts=opts)
        api = aws.apigateway.RestApi("owner-data", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        authorizer = aws.apigateway.Authorizer(
            "owners", rest_api=api.id, type="COGNITO_USER_POOLS", provider_arns=[pool.arn],
            identity_source="method.request.header.Authorization", opts=opts,
        )  # fmt: skip
        resource = aws.apigateway.Resource(
            "exports", rest_api=api.id, parent_id=api.root_resource_id, path_part="exports", opts=opts
        )
        method = aws.apigateway.Method(
            "post-export", rest_api=api.id, resource_id=resource.id, http_method="POST",
            authorization="COGNITO_USER_POOLS", authorizer_id=authorizer.id, api_key_required=True, opts=opts,
        )  # fmt: skip
        integration = aws.apigateway.Integration(
            "post-export", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST", type="AWS_PROXY", uri=fn.invoke_arn, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "owner-data", rest_api=api.id, opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                depends_on=[integration]))
        )  # fmt: skip
        stage = aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod", opts=opts)
        aws.lambda_.Permission(
            "api-invoke", action="lambda:InvokeFunction", function=fn.name, principal="apigateway.amazonaws.com",
            source_arn=api.execution_arn.apply(lambda arn: f"{arn}/*/*"), opts=opts,
        )  # fmt: skip
        plan = aws.apigateway.UsagePlan(
            "owner-app", api_stages=[{"api_id": api.id, "stage": stage.stage_name}],
            throttle_settings={"burst_limit": 20, "rate_limit": 10},
            quota_settings={"limit": 50, "period": "DAY"}, opts=opts,
        )  # fmt: skip
        key = aws.apigateway.ApiKey("owner-app", opts=opts)
        return aws.apigateway.UsagePlanKey(
            "owner-app", key_id=key.id, key_type="API_KEY", usage_plan_id=plan.id, opts=opts
        )

    return build


# -- ML and analytics --------------------------------------------------------------------------------------------


def sagemaker_pipeline(region: str) -> Build:
    # docs: sagemaker/pipeline (pipeline_definition JSON: a ProcessingStep with the SageMaker scikit-learn image and a
    # TrainingStep with the XGBoost image of the region's "Docker Registry Paths", S3 inputs and outputs in the
    # stack's bucket), sagemaker/modelpackagegroup, sagemaker/featuregroup with an offline store in the stack's bucket.
    def build(c: Any) -> object:
        opts = _aws(region)
        images = SAGEMAKER_IMAGES[region]
        data = aws.s3.Bucket("battery-ml", opts=opts)
        role = aws.iam.Role("sagemaker-pipeline", assume_role_policy=_trust("sagemaker.amazonaws.com"), opts=opts)
        aws.sagemaker.ModelPackageGroup("battery-soh", model_package_group_name="battery-soh", opts=opts)
        aws.sagemaker.FeatureGroup(
            "pack-features", feature_group_name="pack-features", record_identifier_feature_name="vin",
            event_time_feature_name="event_time", role_arn=role.arn,
            feature_definitions=[{"feature_name": "vin", "feature_type": "String"},
                                 {"feature_name": "event_time", "feature_type": "String"},
                                 {"feature_name": "cycle_count", "feature_type": "Integral"}],
            offline_store_config={"s3_storage_config": {"s3_uri": _s3(data, "feature-store/")}},
            online_store_config={"enable_online_store": True}, opts=opts,
        )  # fmt: skip

        def definition(args: list[str]) -> str:
            bucket, role_arn = args
            return json.dumps(
                {
                    "Version": "2020-12-01",
                    "Parameters": [{"Name": "InputData", "Type": "String", "DefaultValue": f"s3://{bucket}/raw/"}],
                    "Steps": [
                        {
                            "Name": "Prepare", "Type": "Processing",
                            "Arguments": {
                                "ProcessingResources": {"ClusterConfig": {"InstanceType": "ml.m5.xlarge",
                                                                          "InstanceCount": 1, "VolumeSizeInGB": 30}},
                                "AppSpecification": {
                                    "ImageUri": f"{images}/sagemaker-scikit-learn:1.2-1-cpu-py3",
                                    "ContainerEntrypoint": ["python3", "/opt/ml/processing/code/prepare.py"],
                                },
                                "RoleArn": role_arn,
                                "ProcessingInputs": [
                                    {"InputName": "raw", "S3Input": {
                                        "S3Uri": {"Get": "Parameters.InputData"},
                                        "LocalPath": "/opt/ml/processing/input", "S3DataType": "S3Prefix",
                                        "S3InputMode": "File"}},
                                    {"InputName": "code", "S3Input": {
                                        "S3Uri": f"s3://{bucket}/code/prepare.py",
                                        "LocalPath": "/opt/ml/processing/code", "S3DataType": "S3Prefix",
                                        "S3InputMode": "File"}},
                                ],
                                "ProcessingOutputConfig": {"Outputs": [{"OutputName": "train", "S3Output": {
                                    "S3Uri": f"s3://{bucket}/prepared/train/",
                                    "LocalPath": "/opt/ml/processing/train", "S3UploadMode": "EndOfJob"}}]},
                            },
                        },
                        {
                            "Name": "Train", "Type": "Training", "DependsOn": ["Prepare"],
                            "Arguments": {
                                "AlgorithmSpecification": {"TrainingImage": f"{images}/sagemaker-xgboost:1.7-1",
                                                           "TrainingInputMode": "File"},
                                "RoleArn": role_arn,
                                "OutputDataConfig": {"S3OutputPath": f"s3://{bucket}/models/"},
                                "ResourceConfig": {"InstanceType": "ml.m5.xlarge", "InstanceCount": 1,
                                                   "VolumeSizeInGB": 30},
                                "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
                                "HyperParameters": {"objective": "reg:squarederror", "num_round": "200"},
                                "InputDataConfig": [{"ChannelName": "train", "DataSource": {"S3DataSource": {
                                    "S3DataType": "S3Prefix", "S3DataDistributionType": "FullyReplicated",
                                    "S3Uri": {"Get": "Steps.Prepare.ProcessingOutputConfig.Outputs['train']"
                                                     ".S3Output.S3Uri"}}}}],
                            },
                        },
                    ],
                }
            )  # fmt: skip

        return aws.sagemaker.Pipeline(
            "battery-soh", pipeline_name="battery-soh", pipeline_display_name="battery-soh", role_arn=role.arn,
            pipeline_definition=pulumi.Output.all(data.bucket, role.arn).apply(definition), opts=opts,
        )  # fmt: skip

    return build


def emr_spark_jobs(region: str | None = None) -> Build:
    # docs: emr/cluster (release_label, applications, log_uri in the stack's bucket, a bootstrap action and a
    # spark-submit step through command-runner.jar on scripts in the stack's bucket, configurations_json), the EMR
    # service role and EC2 instance profile; emrserverless/application (spark, S3 and CloudWatch monitoring).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        lake = aws.s3.Bucket("trip-lake", opts=opts)
        service = aws.iam.Role("emr-service", assume_role_policy=_trust("elasticmapreduce.amazonaws.com"), opts=opts)
        ec2 = aws.iam.Role("emr-ec2", assume_role_policy=_trust("ec2.amazonaws.com"), opts=opts)
        profile = aws.iam.InstanceProfile("emr-ec2", role=ec2.name, opts=opts)
        aws.emr.Cluster(
            "trip-batch", release_label="emr-7.2.0", applications=["Spark", "Hadoop"], service_role=service.arn,
            log_uri=_s3(lake, "emr-logs/"),
            ec2_attributes={"subnet_id": "subnet-emr", "instance_profile": profile.arn,
                            "emr_managed_master_security_group": "sg-emr-master",
                            "emr_managed_slave_security_group": "sg-emr-core"},
            master_instance_group={"instance_type": "m5.xlarge"},
            core_instance_group={"instance_type": "m5.xlarge", "instance_count": 2},
            bootstrap_actions=[{"name": "python-deps", "path": _s3(lake, "bootstrap/install-deps.sh"),
                                "args": ["--requirements", "requirements.txt"]}],
            steps=[{"name": "daily-trips", "action_on_failure": "CONTINUE", "hadoop_jar_step": {
                "jar": "command-runner.jar",
                "args": lake.bucket.apply(lambda b: ["spark-submit", "--deploy-mode", "cluster",
                                                     f"s3://{b}/jobs/trips.py", "--input", f"s3://{b}/raw/",
                                                     "--output", f"s3://{b}/curated/"]),
            }}],
            configurations_json=json.dumps([{"Classification": "spark-defaults", "Properties": {
                "spark.dynamicAllocation.enabled": "true", "spark.sql.adaptive.enabled": "true"}}]),
            opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("emr-serverless", retention_in_days=30, opts=opts)
        return aws.emrserverless.Application(
            "trip-adhoc", name="trip-adhoc", release_label="emr-7.2.0", type="spark",
            maximum_capacity={"cpu": "64 vCPU", "memory": "256 GB"},
            auto_stop_configuration={"enabled": True, "idle_timeout_minutes": 15},
            monitoring_configuration={
                "s3_monitoring_configuration": {"log_uri": _s3(lake, "emr-serverless-logs/")},
                "cloudwatch_logging_configuration": {"enabled": True, "log_group_name": logs.name},
            },
            opts=opts,
        )  # fmt: skip

    return build


def glue_jobs_with_connection(region: str | None = None) -> Build:
    # docs: rds/instance (PostgreSQL, private), glue/connection (JDBC, the instance's endpoint, credentials from
    # Secrets Manager, physical_connection_requirements in the VPC), glue/job (script, --TempDir, --extra-py-files and
    # the Spark UI event logs in the stack's bucket, "Using job parameters in AWS Glue jobs"), glue/trigger
    # (scheduled), athena/datacatalog (GLUE) and namedquery.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
        etl = aws.s3.Bucket("warranty-etl", opts=opts)
        db = aws.rds.Instance(
            "warranty", engine="postgres", engine_version="16.3", instance_class="db.t4g.medium",
            allocated_storage=50, db_name="warranty", username="etl", manage_master_user_password=True,
            storage_encrypted=True, publicly_accessible=False, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        secret = aws.secretsmanager.Secret("warranty-etl", opts=opts)
        conn = aws.glue.Connection(
            "warranty-db", name="warranty-db", connection_type="JDBC",
            connection_properties={
                "JDBC_CONNECTION_URL": db.endpoint.apply(lambda e: f"jdbc:postgresql://{e}/warranty"),
                "SECRET_ID": secret.name, "JDBC_ENFORCE_SSL": "true",
            },
            physical_connection_requirements={"availability_zone": db.availability_zone,
                                              "security_group_id_lists": ["sg-glue"], "subnet_id": "subnet-glue"},
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("glue-job", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
        job = aws.glue.Job(
            "warranty-claims", name="warranty-claims", role_arn=role.arn, glue_version="4.0", worker_type="G.1X",
            number_of_workers=4, connections=[conn.name],
            command={"name": "glueetl", "python_version": "3", "script_location": _s3(etl, "scripts/claims.py")},
            default_arguments={
                "--job-language": "python", "--TempDir": _s3(etl, "tmp/"),
                "--extra-py-files": _s3(etl, "libs/fleet_common.zip"),
                "--enable-metrics": "true", "--enable-continuous-cloudwatch-log": "true",
                "--enable-spark-ui": "true", "--spark-event-logs-path": _s3(etl, "spark-ui/"),
                "--enable-job-insights": "true", "--job-bookmark-option": "job-bookmark-enable",
            },
            opts=opts,
        )  # fmt: skip
        aws.glue.Trigger(
            "nightly", type="SCHEDULED", schedule="cron(30 1 * * ? *)", actions=[{"job_name": job.name}], opts=opts
        )
        catalog = aws.athena.DataCatalog(
            "fleet",
            name="fleet",
            description="fleet Glue catalog",
            type="GLUE",
            parameters={"catalog-id": ident.account_id},
            opts=opts,
        )
        return aws.athena.NamedQuery(
            "open-claims", database="warranty", workgroup="primary",
            query=catalog.name.apply(lambda n: f'SELECT vin, count(*) FROM "{n}"."warranty"."claims" GROUP BY vin'),
            opts=opts,
        )  # fmt: skip

    return build


def flink_on_kinesis(region: str | None = None) -> Build:
    # docs: kinesisanalyticsv2/application (FLINK-1_19, code in the stack's bucket, environment property groups with
    # the source stream and "aws.region" as the Managed Service for Apache Flink examples write them, CloudWatch
    # logging to the stack's log stream), kinesis/stream.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        code = aws.s3.Bucket("flink-apps", opts=opts)
        stream = aws.kinesis.Stream("can-bus", stream_mode_details={"stream_mode": "ON_DEMAND"}, opts=opts)
        out = aws.kinesis.Stream("can-bus-anomalies", stream_mode_details={"stream_mode": "ON_DEMAND"}, opts=opts)
        group = aws.cloudwatch.LogGroup("flink", retention_in_days=30, opts=opts)
        log_stream = aws.cloudwatch.LogStream("flink", log_group_name=group.name, opts=opts)
        role = aws.iam.Role("flink", assume_role_policy=_trust("kinesisanalytics.amazonaws.com"), opts=opts)
        return aws.kinesisanalyticsv2.Application(
            "can-anomalies", runtime_environment="FLINK-1_19", service_execution_role=role.arn,
            application_configuration={
                "application_code_configuration": {"code_content_type": "ZIPFILE", "code_content": {
                    "s3_content_location": {"bucket_arn": code.arn, "file_key": "can-anomalies-1.4.0.jar"}}},
                "environment_properties": {"property_groups": [
                    {"property_group_id": "InputStream0", "property_map": {
                        "stream.name": stream.name, "aws.region": region_name, "flink.stream.initpos": "LATEST"}},
                    {"property_group_id": "OutputStream0", "property_map": {
                        "stream.name": out.name, "aws.region": region_name}},
                ]},
                "flink_application_configuration": {"checkpoint_configuration": {"configuration_type": "DEFAULT"}},
            },
            cloudwatch_logging_options={"log_stream_arn": log_stream.arn}, opts=opts,
        )  # fmt: skip

    return build


# -- the IoT fleet -------------------------------------------------------------------------------------------------


def iot_rule_actions(region: str | None = None) -> Build:
    # docs: iot/topicrule actions to the stack's own targets: s3 (key with substitution templates), sqs, lambda,
    # republish, cloudwatch_metric, step_functions, and http to the stack's own HTTP API (its api_endpoint output);
    # the error action to the stack's bucket.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        archive = aws.s3.Bucket("diag-archive", opts=opts)
        queue = aws.sqs.Queue("diag-events", opts=opts)
        fn = _function("diag-decoder", opts)
        machine_role = aws.iam.Role("dtc-workflow", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
        machine = aws.sfn.StateMachine(
            "dtc-workflow", role_arn=machine_role.arn,
            definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}), opts=opts,
        )  # fmt: skip
        api = aws.apigatewayv2.Api("dtc-intake", protocol_type="HTTP", opts=opts)
        role = aws.iam.Role("iot-actions", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        aws.lambda_.Permission(
            "iot-invoke", action="lambda:InvokeFunction", function=fn.name, principal="iot.amazonaws.com", opts=opts
        )
        return aws.iot.TopicRule(
            "diagnostics", enabled=True, sql_version="2016-03-23",
            sql="SELECT *, topic(2) AS vin, timestamp() AS ts FROM 'fleet/+/diag'",
            s3=[{"bucket_name": archive.bucket, "key": "vin=${topic(2)}/${timestamp()}.json", "role_arn": role.arn}],
            sqs=[{"queue_url": queue.url, "role_arn": role.arn, "use_base64": False}],
            lambdas=[{"function_arn": fn.arn}],
            republishes=[{"topic": "fleet/${topic(2)}/diag/ack", "role_arn": role.arn, "qos": 1}],
            cloudwatch_metrics=[{"metric_name": "DiagnosticMessages", "metric_namespace": "Fleet",
                                 "metric_unit": "Count", "metric_value": "1", "role_arn": role.arn}],
            step_functions=[{"state_machine_name": machine.name, "role_arn": role.arn,
                             "execution_name_prefix": "dtc"}],
            https=[{"url": api.api_endpoint.apply(lambda e: f"{e}/dtc"),
                    "http_headers": [{"key": "content-type", "value": "application/json"}]}],
            error_action={"s3": {"bucket_name": archive.bucket, "key": "errors/${newuuid()}", "role_arn": role.arn}},
            opts=opts,
        )  # fmt: skip

    return build


def iot_fleet_provisioning(region: str | None = None) -> Build:
    # docs: iot/provisioningtemplate ("Provisioning by claim": template_body with a Thing, the certificate from the
    # CSR and a policy, a pre-provisioning hook Lambda), iot/authorizer (custom authentication for the workshop
    # tools, a Lambda), iot/thinggroup, iot/rolealias for the credentials provider.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        hook = _function("provisioning-hook", opts, {"ALLOWED_PLANTS": "plant-a,plant-b"})
        auth_fn = _function("workshop-authorizer", opts)
        role = aws.iam.Role("iot-provisioning", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        aws.iam.RolePolicyAttachment(
            "iot-provisioning", role=role.name,
            policy_arn=role.arn.apply(lambda a: f"arn:{a.split(':')[1]}:iam::aws:policy/service-role/"
                                                "AWSIoTThingsRegistration"),
            opts=opts,
        )  # fmt: skip
        group = aws.iot.ThingGroup("vehicles", name="vehicles", opts=opts)
        body = group.name.apply(lambda g: json.dumps({
            "Parameters": {"SerialNumber": {"Type": "String"}, "AWS::IoT::Certificate::Id": {"Type": "String"}},
            "Resources": {
                "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {
                    "CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "Active"}},
                "thing": {"Type": "AWS::IoT::Thing", "OverrideSettings": {"AttributePayload": "MERGE"},
                          "Properties": {"ThingName": {"Ref": "SerialNumber"}, "ThingGroups": [g]}},
                "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyName": "vehicle"}},
            },
        }))  # fmt: skip
        aws.iot.ProvisioningTemplate(
            "vehicle-claim", name="vehicle-claim", enabled=True, provisioning_role_arn=role.arn, template_body=body,
            pre_provisioning_hook={"target_arn": hook.arn, "payload_version": "2020-04-01"}, opts=opts,
        )  # fmt: skip
        aws.iot.Authorizer(
            "workshop-tools", name="workshop-tools", authorizer_function_arn=auth_fn.arn, signing_disabled=True,
            status="ACTIVE", opts=opts,
        )  # fmt: skip
        creds = aws.iam.Role("vehicle-credentials", assume_role_policy=_trust("credentials.iot.amazonaws.com"),
                             opts=opts)  # fmt: skip
        return aws.iot.RoleAlias("vehicle-credentials", alias="vehicle-credentials", role_arn=creds.arn, opts=opts)

    return build


# -- CI/CD -------------------------------------------------------------------------------------------------------

BUILDSPEC = """version: 0.2
phases:
  pre_build:
    commands:
      - aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
  build:
    commands:
      - docker build -t $REPOSITORY_URI:$CODEBUILD_RESOLVED_SOURCE_VERSION .
      - docker push $REPOSITORY_URI:$CODEBUILD_RESOLVED_SOURCE_VERSION
      - printf '[{"name":"api","imageUri":"%s"}]' $REPOSITORY_URI:$CODEBUILD_RESOLVED_SOURCE_VERSION >imagedefs.json
artifacts:
  files:
    - imagedefs.json
"""


def codepipeline_to_ecs(region: str | None = None) -> Build:
    # docs: codepipeline/pipeline (V2, artifact store in the stack's bucket, S3 source, CodeBuild build, ECS deploy
    # with imagedefinitions.json), codebuild/project (the curated aws/codebuild/amazonlinux image, privileged mode,
    # environment variables naming the stack's ECR repository, the buildspec from "Tutorial: Amazon ECR sample for
    # CodeBuild", logs to the stack's log group, artifacts CODEPIPELINE).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        artifacts = aws.s3.Bucket("pipeline-artifacts", opts=opts)
        sources = aws.s3.Bucket("pipeline-sources", opts=opts)
        repo = aws.ecr.Repository("owner-api", image_tag_mutability="IMMUTABLE", opts=opts)
        logs = aws.cloudwatch.LogGroup("codebuild-owner-api", retention_in_days=30, opts=opts)
        build_role = aws.iam.Role("codebuild", assume_role_policy=_trust("codebuild.amazonaws.com"), opts=opts)
        project = aws.codebuild.Project(
            "owner-api", service_role=build_role.arn, artifacts={"type": "CODEPIPELINE"},
            source={"type": "CODEPIPELINE", "buildspec": BUILDSPEC},
            environment={
                "compute_type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER", "privileged_mode": True,
                "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0",
                "environment_variables": [
                    {"name": "REPOSITORY_URI", "value": repo.repository_url},
                    {"name": "REGISTRY", "value": repo.repository_url.apply(lambda u: u.split("/")[0])},
                ],
            },
            logs_config={"cloudwatch_logs": {"group_name": logs.name, "stream_name": "build"}},
            opts=opts,
        )  # fmt: skip
        pipe_role = aws.iam.Role("codepipeline", assume_role_policy=_trust("codepipeline.amazonaws.com"), opts=opts)
        return aws.codepipeline.Pipeline(
            "owner-api", role_arn=pipe_role.arn, pipeline_type="V2",
            artifact_stores=[{"location": artifacts.bucket, "type": "S3"}],
            stages=[
                {"name": "Source", "actions": [{
                    "name": "Source", "category": "Source", "owner": "AWS", "provider": "S3", "version": "1",
                    "output_artifacts": ["source"],
                    "configuration": {"S3Bucket": sources.bucket, "S3ObjectKey": "owner-api/source.zip",
                                      "PollForSourceChanges": "false"}}]},
                {"name": "Build", "actions": [{
                    "name": "Build", "category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1",
                    "input_artifacts": ["source"], "output_artifacts": ["image"],
                    "configuration": {"ProjectName": project.name}}]},
                {"name": "Deploy", "actions": [{
                    "name": "Deploy", "category": "Deploy", "owner": "AWS", "provider": "ECS", "version": "1",
                    "input_artifacts": ["image"],
                    "configuration": {"ClusterName": "owner-services", "ServiceName": "owner-api",
                                      "FileName": "imagedefs.json"}}]},
            ],
            opts=opts,
        )  # fmt: skip

    return build


def codebuild_from_own_ecr(region: str | None = None) -> Build:
    # docs: codebuild/project with a custom build image from the stack's ECR repository (image_pull_credentials_type
    # SERVICE_ROLE), the "ECR repository policy for CodeBuild" (codebuild.amazonaws.com with aws:SourceArn of the
    # project), an S3 cache and artifacts in the stack's bucket, VPC config.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        cache = aws.s3.Bucket("firmware-build-cache", opts=opts)
        out = aws.s3.Bucket("firmware-artifacts", opts=opts)
        builder = aws.ecr.Repository("firmware-builder", opts=opts)
        role = aws.iam.Role("firmware-build", assume_role_policy=_trust("codebuild.amazonaws.com"), opts=opts)
        project = aws.codebuild.Project(
            "firmware", service_role=role.arn, build_timeout=60,
            source={"type": "NO_SOURCE", "buildspec": "version: 0.2\nphases:\n  build:\n    commands:\n"
                                                      "      - make -C /src firmware\n"},
            artifacts={"type": "S3", "location": out.bucket, "path": "firmware", "packaging": "ZIP"},
            cache={"type": "S3", "location": cache.bucket.apply(lambda b: f"{b}/firmware")},
            environment={"compute_type": "BUILD_GENERAL1_LARGE", "type": "LINUX_CONTAINER",
                         "image": builder.repository_url.apply(lambda u: f"{u}:gcc-arm-13"),
                         "image_pull_credentials_type": "SERVICE_ROLE"},
            vpc_config={"vpc_id": "vpc-build", "subnets": ["subnet-build"], "security_group_ids": ["sg-build"]},
            opts=opts,
        )  # fmt: skip
        return aws.ecr.RepositoryPolicy(
            "firmware-builder", repository=builder.name,
            policy=project.arn.apply(lambda arn: _policy([{
                "Sid": "CodeBuildPull", "Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"},
                "Action": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
                "Condition": {"ArnLike": {"aws:SourceArn": arn}},
            }])),
            opts=opts,
        )  # fmt: skip

    return build


# -- observability -----------------------------------------------------------------------------------------------


def dashboards_and_tracing(region: str | None = None, *, grafana: bool = True) -> Build:
    # docs: cloudwatch/dashboard (dashboard_body: metric widgets with "region", a Logs Insights widget, an alarm
    # widget), cloudwatch/metricalarm → sns/topic, xray/group + samplingrule, cloudwatch/metricstream → the stack's
    # Firehose → its bucket, grafana/workspace (AWS_SSO, SERVICE_MANAGED, CloudWatch / Prometheus / X-Ray sources,
    # SNS notifications) where Amazon Managed Grafana is offered.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        region_name = aws.get_region_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider)).region
        topic = aws.sns.Topic("fleet-ops-alarms", opts=opts)
        api_logs = aws.cloudwatch.LogGroup("owner-api", retention_in_days=30, opts=opts)
        alarm = aws.cloudwatch.MetricAlarm(
            "owner-api-5xx", comparison_operator="GreaterThanThreshold", evaluation_periods=3, threshold=5,
            metric_name="5XXError", namespace="AWS/ApiGateway", period=60, statistic="Sum",
            dimensions={"ApiName": "owner-data"}, alarm_actions=[topic.arn], ok_actions=[topic.arn], opts=opts,
        )  # fmt: skip
        aws.cloudwatch.Dashboard(
            "fleet-ops", dashboard_name="fleet-ops",
            dashboard_body=pulumi.Output.all(region_name, api_logs.name, alarm.arn).apply(lambda a: json.dumps({
                "widgets": [
                    {"type": "metric", "x": 0, "y": 0, "width": 12, "height": 6, "properties": {
                        "title": "Owner API", "region": a[0], "view": "timeSeries", "stat": "Sum", "period": 60,
                        "metrics": [["AWS/ApiGateway", "Count", "ApiName", "owner-data"],
                                    [".", "5XXError", ".", "."]]}},
                    {"type": "log", "x": 12, "y": 0, "width": 12, "height": 6, "properties": {
                        "title": "Slow exports", "region": a[0], "view": "table",
                        "query": f"SOURCE '{a[1]}' | fields @timestamp, vin, latency | filter latency > 1000"}},
                    {"type": "alarm", "x": 0, "y": 6, "width": 24, "height": 2, "properties": {
                        "title": "Alarms", "alarms": [a[2]]}},
                ]
            })),
            opts=opts,
        )  # fmt: skip
        aws.xray.Group(
            "owner-api-errors", group_name="owner-api-errors",
            filter_expression='service("owner-data") { fault = true }',
            insights_configuration={"insights_enabled": True, "notifications_enabled": True}, opts=opts,
        )  # fmt: skip
        aws.xray.SamplingRule(
            "owner-api", rule_name="owner-api", priority=100, version=1, reservoir_size=5, fixed_rate=0.05,
            url_path="/exports*", host="*", http_method="*", service_type="*", service_name="owner-data",
            resource_arn="*", opts=opts,
        )  # fmt: skip
        metrics = aws.s3.Bucket("metric-archive", opts=opts)
        fh_role = aws.iam.Role("metric-firehose", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
        firehose = aws.kinesis.FirehoseDeliveryStream(
            "metric-archive", destination="extended_s3",
            extended_s3_configuration={"role_arn": fh_role.arn, "bucket_arn": metrics.arn, "prefix": "metrics/"},
            opts=opts,
        )  # fmt: skip
        ms_role = aws.iam.Role("metric-stream", assume_role_policy=_trust("streams.metrics.cloudwatch.amazonaws.com"),
                               opts=opts)  # fmt: skip
        stream = aws.cloudwatch.MetricStream(
            "fleet-metrics", role_arn=ms_role.arn, firehose_arn=firehose.arn, output_format="json",
            include_filters=[{"namespace": "AWS/ApiGateway"}, {"namespace": "Fleet"}], opts=opts,
        )  # fmt: skip
        if not grafana:
            return stream
        gf_role = aws.iam.Role("grafana", assume_role_policy=_trust("grafana.amazonaws.com"), opts=opts)
        return aws.grafana.Workspace(
            "fleet-ops", account_access_type="CURRENT_ACCOUNT", authentication_providers=["AWS_SSO"],
            permission_type="SERVICE_MANAGED", role_arn=gf_role.arn,
            data_sources=["CLOUDWATCH", "PROMETHEUS", "XRAY"], notification_destinations=["SNS"],
            configuration=json.dumps({"unifiedAlerting": {"enabled": True}}), opts=opts,
        )  # fmt: skip

    return build


# -- backup and DR inside the jurisdiction -----------------------------------------------------------------------


def backup_governance(region: str, copy_region: str) -> Build:
    # docs: backup/vault with backup/vaultlockconfiguration (compliance mode) and vaultnotifications to the stack's
    # SNS topic (with its topic policy for backup.amazonaws.com), backup/plan copying to a vault in a second region of
    # the jurisdiction, backup/reportplan delivering CSV reports to the stack's bucket.
    def build(c: Any) -> object:
        opts, copy_opts = _aws(region), _aws(copy_region)
        vault = aws.backup.Vault("vehicle-records", opts=opts)
        dr = aws.backup.Vault("vehicle-records-dr", opts=copy_opts)
        aws.backup.VaultLockConfiguration(
            "vehicle-records", backup_vault_name=vault.name, min_retention_days=7, max_retention_days=400,
            changeable_for_days=3, opts=opts,
        )  # fmt: skip
        topic = aws.sns.Topic("backup-events", opts=opts)
        aws.sns.TopicPolicy(
            "backup-events", arn=topic.arn,
            policy=topic.arn.apply(lambda arn: _policy([{
                "Effect": "Allow", "Principal": {"Service": "backup.amazonaws.com"}, "Action": "SNS:Publish",
                "Resource": arn}])),
            opts=opts,
        )  # fmt: skip
        aws.backup.VaultNotifications(
            "vehicle-records", backup_vault_name=vault.name, sns_topic_arn=topic.arn,
            backup_vault_events=["BACKUP_JOB_FAILED", "COPY_JOB_FAILED", "RESTORE_JOB_COMPLETED"], opts=opts,
        )  # fmt: skip
        aws.backup.Plan(
            "vehicle-records", rules=[{
                "rule_name": "daily", "target_vault_name": vault.name, "schedule": "cron(0 2 * * ? *)",
                "lifecycle": {"delete_after": 35},
                "copy_actions": [{"destination_vault_arn": dr.arn, "lifecycle": {"delete_after": 365}}],
            }],
            opts=opts,
        )  # fmt: skip
        reports = aws.s3.Bucket("backup-reports", opts=opts)
        return aws.backup.ReportPlan(
            "jobs", name="jobs", report_setting={"report_template": "BACKUP_JOB_REPORT"},
            report_delivery_channel={"s3_bucket_name": reports.bucket, "s3_key_prefix": "backup", "formats": ["CSV"]},
            opts=opts,
        )  # fmt: skip

    return build


def rds_cross_region_replica(region: str, replica_region: str) -> Build:
    # docs: rds/instance replicate_source_db (the source's ARN for a cross-region read replica, "Working with DB
    # instance read replicas"), a KMS key in the replica region, Performance Insights with that key.
    def build(c: Any) -> object:
        opts, replica_opts = _aws(region), _aws(replica_region)
        primary = aws.rds.Instance(
            "charging-ledger", engine="postgres", engine_version="16.3", instance_class="db.r6g.large",
            allocated_storage=100, db_name="ledger", username="ledger", manage_master_user_password=True,
            storage_encrypted=True, backup_retention_period=7, skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        key = aws.kms.Key("ledger-replica", enable_key_rotation=True, opts=replica_opts)
        return aws.rds.Instance(
            "charging-ledger-replica", replicate_source_db=primary.arn, instance_class="db.r6g.large",
            storage_encrypted=True, kms_key_id=key.arn, performance_insights_enabled=True,
            performance_insights_kms_key_id=key.arn, skip_final_snapshot=True, opts=replica_opts,
        )  # fmt: skip

    return build


# -- dealers -------------------------------------------------------------------------------------------------------


def dealer_sftp_and_pipes(region: str | None = None) -> Build:
    # docs: transfer/server (SFTP, SERVICE_MANAGED, S3, structured logs to the stack's log group), transfer/user
    # (LOGICAL home directory mapped to the dealer's prefix in the stack's bucket), pipes/pipe from the stack's SQS
    # queue (the bucket's notifications) through an enrichment Lambda to its Step Functions state machine.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        uploads = aws.s3.Bucket("dealer-diagnostics", opts=opts)
        logs = aws.cloudwatch.LogGroup("sftp", retention_in_days=90, opts=opts)
        server = aws.transfer.Server(
            "dealers", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED", domain="S3",
            endpoint_type="PUBLIC", security_policy_name="TransferSecurityPolicy-2024-01",
            structured_log_destinations=[logs.arn.apply(lambda a: f"{a}:*")], opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("sftp-user", assume_role_policy=_trust("transfer.amazonaws.com"), opts=opts)
        aws.transfer.User(
            "dealer-0042", server_id=server.id, user_name="dealer-0042", role=role.arn,
            home_directory_type="LOGICAL",
            home_directory_mappings=[{"entry": "/", "target": uploads.bucket.apply(lambda b: f"/{b}/dealer-0042")}],
            opts=opts,
        )  # fmt: skip
        queue = aws.sqs.Queue("diagnostics-uploaded", opts=opts)
        enrich = _function("diagnostics-enrich", opts)
        sfn_role = aws.iam.Role("diagnostics-workflow", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
        machine = aws.sfn.StateMachine(
            "diagnostics-workflow", role_arn=sfn_role.arn,
            definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}), opts=opts,
        )  # fmt: skip
        pipe_role = aws.iam.Role("diagnostics-pipe", assume_role_policy=_trust("pipes.amazonaws.com"), opts=opts)
        return aws.pipes.Pipe(
            "diagnostics", role_arn=pipe_role.arn, source=queue.arn, enrichment=enrich.arn, target=machine.arn,
            source_parameters={"sqs_queue_parameters": {"batch_size": 1}},
            target_parameters={"step_function_state_machine_parameters": {"invocation_type": "FIRE_AND_FORGET"}},
            opts=opts,
        )  # fmt: skip

    return build


# -- Alibaba Cloud -------------------------------------------------------------------------------------------------


def ali_owner_mail_and_api(region: str, domain: str = "fleet-example.cn", *, mx: bool = False) -> Build:
    # docs: directmail/domain, mailaddress, tag; the DNS records DirectMail's console asks for (alidns/record: the
    # ownership TXT, SPF "v=spf1 include:spfdm-<region>.aliyun.com -all", MX mxdm.aliyun.com); oss/bucket for the
    # exports (lifecycle, CORS for the owner portal); apigateway/group + api (FC backend), plugin (trafficControl with
    # per-API, per-user and per-app limits) + pluginattachment, app + appattachment. `mx`: the MX record for replies and
    # bounces, mxdm.aliyun.com, which names no region (no document found says where it is served).
    def build(c: Any) -> object:
        opts = _ali(region)
        mail = alicloud.directmail.Domain("owners", domain_name=f"mail.{domain}", opts=opts)
        alicloud.directmail.MailAddress(
            "no-reply", account_name=f"no-reply@mail.{domain}", sendtype="trigger",
            reply_address=f"service@{domain}", opts=opts,
        )  # fmt: skip
        alicloud.directmail.Tag("export-ready", tag_name="export_ready", opts=opts)
        records: list[tuple[str, str, Any, int | None]] = [
            ("aliyundm.mail", "TXT", mail.domain_name.apply(lambda d: f"verification for {d}"), None),
            ("mail", "TXT", f"v=spf1 include:spfdm-{region}.aliyun.com -all", None),
        ]
        if mx:
            records.append(("mail", "MX", "mxdm.aliyun.com", 5))
        for rr, kind, value, prio in records:
            alicloud.dns.AlidnsRecord(
                f"directmail-{kind.lower()}-{rr.split('.')[0]}", domain_name=domain, rr=rr, type=kind, value=value,
                priority=prio, opts=opts,
            )  # fmt: skip
        alicloud.oss.Bucket(
            "owner-exports", bucket=f"owner-exports-{region}",
            lifecycle_rules=[{"id": "expire", "prefix": "exports/", "enabled": True, "expirations": [{"days": 7}]}],
            cors_rules=[{"allowed_origins": [f"https://owners.{domain}"], "allowed_methods": ["GET"],
                         "allowed_headers": ["*"], "max_age_seconds": 3000}],
            opts=opts,
        )  # fmt: skip
        fn_role = alicloud.ram.Role(
            "fc-owner-export", role_name="fc-owner-export", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"),
            opts=opts,
        )  # fmt: skip
        fn = alicloud.fc.V3Function(
            "owner-export", function_name="owner-export", runtime="python3.10", handler="index.handler",
            role=fn_role.arn, code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={"EXPORT_BUCKET": f"owner-exports-{region}", "URL_EXPIRES_SECONDS": "900",
                                   "SENDER": f"no-reply@mail.{domain}"},
            opts=opts,
        )  # fmt: skip
        gw_role = alicloud.ram.Role(
            "apigw-owner-export", role_name="apigw-owner-export",
            assume_role_policy_document=_ram_trust("apigateway.aliyuncs.com"), opts=opts,
        )  # fmt: skip
        group = alicloud.apigateway.Group("owner-data", name="owner_data", description="owner data", opts=opts)
        fc_config: alicloud.apigateway.ApiFcServiceConfigArgsDict = {
            "region": region,
            "function_type": "FCEvent",
            "function_name": fn.function_name,
            "arn_role": gw_role.arn,
            "timeout": 10,
            "function_base_url": "",
            "path": "/",
            "method": "POST",
            "only_business_path": False,
        }
        api = alicloud.apigateway.Api(
            "exports", group_id=group.id, name="exports", description="request a data export", auth_type="APP",
            request_config={"protocol": "HTTPS", "method": "POST", "path": "/exports", "mode": "MAPPING"},
            service_type="FunctionCompute", fc_service_config=fc_config, stage_names=["RELEASE"], opts=opts,
        )  # fmt: skip
        plugin = alicloud.apigateway.Plugin(
            "export-limits", plugin_name="export_limits", plugin_type="trafficControl",
            plugin_data=json.dumps({"unit": "MINUTE", "apiDefault": 600, "userDefault": 60, "appDefault": 10}),
            opts=opts,
        )  # fmt: skip
        alicloud.apigateway.PluginAttachment(
            "export-limits", api_id=api.api_id, group_id=group.id, plugin_id=plugin.id, stage_name="RELEASE",
            opts=opts,
        )  # fmt: skip
        app = alicloud.apigateway.App("owner-app", name="owner_app", description="owner mobile app", opts=opts)
        return alicloud.apigateway.AppAttachment(
            "owner-app", api_id=api.api_id, group_id=group.id, app_id=app.id, stage_name="RELEASE", opts=opts
        )

    return build


def ali_data_platform(region: str) -> Build:
    # docs: maxcompute/project, dataworks/project, hologram/instance (Hologres, VPC endpoint), pai/workspaceworkspace
    # + workspacedataset (an OSS dataset, uri oss://<bucket>.<region>-internal endpoint/path as PAI's docs write it),
    # gpdb/instance (AnalyticDB for PostgreSQL, private, the VPC's CIDR whitelisted).
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.maxcompute.Project(
            "fleet-dw", project_name="fleet_dw", default_quota="os_PayAsYouGoQuota", comment="fleet warehouse",
            security_properties={"using_acl": True, "using_policy": True}, opts=opts,
        )  # fmt: skip
        alicloud.dataworks.Project(
            "fleet-dw", project_name="fleet_dw_studio", display_name="fleet data studio",
            description="fleet warehouse jobs", pai_task_enabled=True, opts=opts,
        )  # fmt: skip
        alicloud.hologram.Instance(
            "fleet-serving", instance_name="fleet-serving", instance_type="Standard", payment_type="PayAsYouGo",
            cpu=32, zone_id=f"{region}-e",
            endpoints=[{"type": "Intranet"}, {"type": "VPCSingleTunnel", "vpc_id": "vpc-fleet",
                                              "vswitch_id": "vsw-fleet"}],
            opts=opts,
        )  # fmt: skip
        bucket = alicloud.oss.Bucket("ml-datasets", bucket=f"fleet-ml-datasets-{region}", opts=opts)
        ws = alicloud.pai.WorkspaceWorkspace(
            "battery-ml", workspace_name="battery_ml", display_name="battery ml", description="battery health",
            env_types=["prod"], opts=opts,
        )  # fmt: skip
        alicloud.pai.WorkspaceDataset(
            "pack-cycles", workspace_id=ws.id, dataset_name="pack_cycles", data_source_type="OSS",
            data_type="COMMON", property="DIRECTORY", accessibility="PRIVATE",
            uri=bucket.bucket.apply(lambda b: f"oss://{b}.oss-{region}-internal.aliyuncs.com/pack-cycles/"),
            opts=opts,
        )  # fmt: skip
        return alicloud.gpdb.Instance(
            "warranty-adbpg", engine="gpdb", engine_version="6.0", db_instance_category="HighAvailability",
            db_instance_mode="StorageElastic", instance_spec="2C16G", seg_node_num=4, seg_storage_type="cloud_essd",
            storage_size=200, payment_type="PayAsYouGo", vpc_id="vpc-fleet", vswitch_id="vsw-fleet",
            zone_id=f"{region}-e", ip_whitelists=[{"security_ip_list": "10.0.0.0/8"}], opts=opts,
        )  # fmt: skip

    return build


def ali_cr_ee_sync(region: str, target_region: str) -> Build:
    # docs: cr/registryenterpriseinstance in two mainland regions, cs/registryenterprisenamespace + repo, and
    # cs/registryenterprisesyncrule ("Replicate images across instances in different regions", same account).
    def build(c: Any) -> object:
        opts, target_opts = _ali(region), _ali(target_region)
        src = alicloud.cr.RegistryEnterpriseInstance(
            "fleet-images", instance_name="fleet-images", instance_type="Advanced", payment_type="Subscription",
            period=1, renewal_status="AutoRenewal", opts=opts,
        )  # fmt: skip
        dst = alicloud.cr.RegistryEnterpriseInstance(
            "fleet-images-dr", instance_name="fleet-images-dr", instance_type="Advanced", payment_type="Subscription",
            period=1, renewal_status="AutoRenewal", opts=target_opts,
        )  # fmt: skip
        for name, inst, o in (("src", src, opts), ("dst", dst, target_opts)):
            ns = alicloud.cs.RegistryEnterpriseNamespace(
                f"fleet-{name}", instance_id=inst.id, name="fleet", auto_create=False, default_visibility="PRIVATE",
                opts=o,
            )  # fmt: skip
            alicloud.cs.RegistryEnterpriseRepo(
                f"owner-api-{name}", instance_id=inst.id, namespace=ns.name, name="owner-api", repo_type="PRIVATE",
                summary="owner data API", opts=o,
            )  # fmt: skip
        return alicloud.cs.RegistryEnterpriseSyncRule(
            "owner-api-dr", instance_id=src.id, namespace_name="fleet", sync_rule_name="owner-api-dr",
            target_instance_id=dst.id, target_namespace_name="fleet", target_region_id=target_region,
            tag_filter="release-.*", repo_name="owner-api", target_repo_name="owner-api", sync_scope="REPO",
            opts=opts,
        )  # fmt: skip

    return build


def ali_observability(region: str) -> Build:
    # docs: arms/prometheus (ManagedKubernetes cluster of the stack), arms/alertcontactgroup,
    # arms/prometheusalertrule (expression, annotations, message, notify_type ALERT_MANAGER), arms/grafanaworkspace,
    # log/dashboard (char_list of SLS charts), log/ossshipper of the stack's logstore to its OSS bucket. The provider
    # deploys as the team's role: the shipper's role_arn (the stack's own RAM role) names the account the logs are
    # written into, judged by RES-023 since stop 41 (alirole41), proven by the role the provider assumes.
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        alicloud.arms.Prometheus(
            "ack-fleet", cluster_type="aliyun-cs", cluster_id="c-fleetack01", grafana_instance_id="free",
            payment_type="PayAsYouGo", opts=opts,
        )  # fmt: skip
        alicloud.arms.PrometheusAlertRule(
            "api-errors", cluster_id="c-fleetack01", prometheus_alert_rule_name="owner-api-errors",
            expression='sum(rate(http_requests_total{service="owner-api",code=~"5.."}[5m])) > 1', duration="5",
            message="owner-api 5xx above 1/s", notify_type="ALERT_MANAGER",
            annotations=[{"name": "summary", "value": "owner-api is failing"}],
            labels=[{"name": "severity", "value": "critical"}], opts=opts,
        )  # fmt: skip
        alicloud.arms.GrafanaWorkspace(
            "fleet-ops", grafana_workspace_name="fleet-ops", grafana_version="10.0.x",
            grafana_workspace_edition="standard", description="fleet operations", opts=opts,
        )  # fmt: skip
        project = alicloud.log.Project("fleet-ops", project_name=f"fleet-ops-{region}", opts=opts)
        store = alicloud.log.Store("owner-api", project_name=project.project_name, logstore_name="owner-api",
                                   opts=opts)  # fmt: skip
        alicloud.log.Dashboard(
            "owner-api", project_name=project.project_name, dashboard_name="owner-api", display_name="owner API",
            char_list=json.dumps([{
                "title": "5xx per minute", "type": "linepro",
                "search": {"logstore": "owner-api", "topic": "", "query": "status >= 500 | select date_trunc('minute', "
                           "__time__) as t, count(*) as n group by t order by t", "start": "-3600s", "end": "now"},
                "display": {"xAxis": ["t"], "yAxis": ["n"], "xPos": 0, "yPos": 0, "width": 10, "height": 12,
                            "displayName": "5xx per minute"},
            }]),
            opts=opts,
        )  # fmt: skip
        archive = alicloud.oss.Bucket("log-archive", bucket=f"fleet-log-archive-{region}", opts=opts)
        role = alicloud.ram.Role(
            "sls-ship", role_name="sls-ship", assume_role_policy_document=_ram_trust("log.aliyuncs.com"), opts=opts
        )
        return alicloud.log.OssShipper(
            "owner-api-archive", project_name=project.project_name, logstore_name=store.logstore_name,
            shipper_name="owner-api-archive", oss_bucket=archive.bucket, oss_prefix="owner-api",
            buffer_interval=300, buffer_size=250, compress_type="snappy", format="json", json_enable_tag=True,
            path_format="%Y/%m/%d/%H/%M", role_arn=role.arn, opts=opts,
        )  # fmt: skip

    return build


def ali_dr_in_mainland(region: str, dr_region: str) -> Build:
    # docs: rds/rdsinstancecrossbackuppolicy (cross-region backups of the stack's RDS instance to a second mainland
    # region), hbr/vault + ossbackupplan of the stack's bucket, hbr/replicationvault in the DR region fed by the
    # vault, polardb/globaldatabasenetwork with a secondary cluster (creation_option CreateGdnStandby, gdn_id) there.
    def build(c: Any) -> object:
        opts, dr_opts = _ali(region), _ali(dr_region)
        rds = alicloud.rds.Instance(
            "charging-ledger", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.2c",
            instance_storage=100, instance_charge_type="Postpaid", vswitch_id="vsw-fleet",
            security_ips=["10.0.0.0/8"], opts=opts,
        )  # fmt: skip
        alicloud.rds.RdsInstanceCrossBackupPolicy(
            "charging-ledger", instance_id=rds.id, cross_backup_region=dr_region, retention=15,
            log_backup_enabled="Enable", opts=opts,
        )  # fmt: skip
        bucket = alicloud.oss.Bucket("vehicle-docs", bucket=f"fleet-vehicle-docs-{region}", opts=opts)
        vault = alicloud.hbr.Vault("vehicle-docs", vault_name="vehicle-docs", opts=opts)
        alicloud.hbr.OssBackupPlan(
            "vehicle-docs", oss_backup_plan_name="vehicle-docs", vault_id=vault.id, bucket=bucket.bucket,
            backup_type="COMPLETE", schedule="I|1700000000|P1D", retention="90", prefix="docs/", opts=opts,
        )  # fmt: skip
        alicloud.hbr.ReplicationVault(
            "vehicle-docs-dr", vault_name="vehicle-docs-dr", replication_source_region_id=region,
            replication_source_vault_id=vault.id, opts=dr_opts,
        )  # fmt: skip
        primary = alicloud.polardb.Cluster(
            "owner-profiles", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large",
            pay_type="PostPaid", vswitch_id="vsw-fleet", opts=opts,
        )  # fmt: skip
        gdn = alicloud.polardb.GlobalDatabaseNetwork(
            "owner-profiles", db_cluster_id=primary.id, description="owner profiles", opts=opts
        )
        return alicloud.polardb.Cluster(
            "owner-profiles-dr", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large",
            pay_type="PostPaid", vswitch_id="vsw-fleet-dr", creation_option="CreateGdnStandby", gdn_id=gdn.id,
            opts=dr_opts,
        )  # fmt: skip

    return build


def ali_dts_sync(region: str, dr_region: str) -> Build:
    # docs: dts/synchronizationinstance (MySQL → MySQL, source and destination regions) + synchronizationjob between
    # the stack's RDS instances in two mainland regions (endpoint instance type RDS, instance ids, db_list JSON).
    def build(c: Any) -> object:
        opts, dr_opts = _ali(region), _ali(dr_region)
        kw: dict[str, Any] = dict(
            engine="MySQL",
            engine_version="8.0",
            instance_type="mysql.n2.medium.2c",
            instance_storage=100,
            instance_charge_type="Postpaid",
            security_ips=["10.0.0.0/8", "100.104.0.0/16"],
        )
        src = alicloud.rds.Instance("vehicle-registry", vswitch_id="vsw-fleet", opts=opts, **kw)
        dst = alicloud.rds.Instance("vehicle-registry-dr", vswitch_id="vsw-fleet-dr", opts=dr_opts, **kw)
        inst = alicloud.dts.SynchronizationInstance(
            "vehicle-registry", payment_type="PayAsYouGo", source_endpoint_engine_name="MySQL",
            source_endpoint_region=region, destination_endpoint_engine_name="MySQL",
            destination_endpoint_region=dr_region, instance_class="small", sync_architecture="oneway", opts=opts,
        )  # fmt: skip
        return alicloud.dts.SynchronizationJob(
            "vehicle-registry", dts_instance_id=inst.id, dts_job_name="vehicle-registry-dr",
            source_endpoint_instance_type="RDS", source_endpoint_instance_id=src.id,
            source_endpoint_engine_name="MySQL", source_endpoint_region=region,
            source_endpoint_user_name="dts", source_endpoint_password="placeholder-rotated",
            destination_endpoint_instance_type="RDS", destination_endpoint_instance_id=dst.id,
            destination_endpoint_engine_name="MySQL", destination_endpoint_region=dr_region,
            destination_endpoint_user_name="dts", destination_endpoint_password="placeholder-rotated",
            db_list=json.dumps({"registry": {"name": "registry", "all": True}}),
            structure_initialization=True, data_initialization=True, data_synchronization=True, status="Synchronizing",
            opts=opts,
        )  # fmt: skip

    return build


# -- batch 2: mail tracking and inbound, owner sign-up mail, RUM, in-country transfers, EAS, event routing ----------


def ses_tracking_and_inbound(region: str, zone: str = "fleet.example.eu", *, custom_tracking: bool = False) -> Build:
    # docs: sesv2/configurationset tracking_options (custom_redirect_domain: "Configuring custom domains to handle open
    # and click tracking", the domain's CNAME to the region's tracking host r.<region>.awstrack.me), ses/receiptruleset
    # + receiptrule (S3 action into the stack's bucket, then a Lambda) + activereceiptruleset, the MX for inbound mail
    # "10 inbound-smtp.<region>.amazonaws.com" ("Setting up Amazon SES email receiving"). `custom_tracking`: the
    # tracking CNAME to r.<region>.awstrack.me, a host no document we found places in the region it names (recipients'
    # opens and clicks reach it): refused until declared.
    def build(c: Any) -> object:
        opts = _aws(region)
        dns = aws.route53.Zone("service-mail", name=zone, opts=opts)
        if custom_tracking:
            aws.sesv2.ConfigurationSet(
                "owner-newsletters", configuration_set_name="owner-newsletters",
                tracking_options={"custom_redirect_domain": f"track.{zone}", "https_policy": "REQUIRE"}, opts=opts,
            )  # fmt: skip
            aws.route53.Record(
                "track", zone_id=dns.zone_id, name=f"track.{zone}", type="CNAME", ttl=300,
                records=[f"r.{region}.awstrack.me"], opts=opts,
            )  # fmt: skip
        aws.route53.Record(
            "service-inbound-mx", zone_id=dns.zone_id, name=f"service.{zone}", type="MX", ttl=300,
            records=[f"10 inbound-smtp.{region}.amazonaws.com"], opts=opts,
        )  # fmt: skip
        inbox = aws.s3.Bucket("service-inbox", opts=opts)
        fn = _function("service-mail-triage", opts)
        rules = aws.ses.ReceiptRuleSet("service", rule_set_name="service", opts=opts)
        aws.ses.ReceiptRule(
            "service-desk", rule_set_name=rules.rule_set_name, name="service-desk", enabled=True, scan_enabled=True,
            recipients=[f"service@service.{zone}"], tls_policy="Require",
            s3_actions=[{"bucket_name": inbox.bucket, "object_key_prefix": "inbound/", "position": 1}],
            lambda_actions=[{"function_arn": fn.arn, "invocation_type": "Event", "position": 2}], opts=opts,
        )  # fmt: skip
        return aws.ses.ActiveReceiptRuleSet("service", rule_set_name=rules.rule_set_name, opts=opts)

    return build


def cognito_owner_signup_mail(region: str | None = None, zone: str = "fleet.example.eu") -> Build:
    # docs: cognito/userpool email_configuration (DEVELOPER sending through the stack's SES identity: source_arn, a
    # from address of the domain), lambda_config (pre sign-up and custom message triggers), verification message
    # template, cognito/userpooldomain with a prefix (<prefix>.auth.<region>.amazoncognito.com). The custom message
    # Lambda's PORTAL_URL (the owner portal's link it writes into the mails) is a URL in an environment, which the
    # function may as well call: the portal's host is declared (the stack cannot prove where it is served).
    def build(c: Any) -> object:
        opts = _opts(c, region)
        identity = aws.sesv2.EmailIdentity("owner-accounts", email_identity=zone, opts=opts)
        pre_signup = _function("owner-pre-signup", opts, {"ALLOWED_MARKETS": "EU"})
        message = _function("owner-custom-message", opts, {"PORTAL_URL": f"https://owners.{zone}/verify"})
        pool = aws.cognito.UserPool(
            "owners", auto_verified_attributes=["email"], username_attributes=["email"],
            email_configuration={"email_sending_account": "DEVELOPER", "source_arn": identity.arn,
                                 "from_email_address": f"Fleet Owners <accounts@{zone}>",
                                 "reply_to_email_address": f"support@{zone}"},
            lambda_config={"pre_sign_up": pre_signup.arn, "custom_message": message.arn},
            verification_message_template={"default_email_option": "CONFIRM_WITH_CODE",
                                           "email_subject": "Your verification code",
                                           "email_message": "Your code is {####}"},
            opts=opts,
        )  # fmt: skip
        for name, fn in (("pre-signup", pre_signup), ("custom-message", message)):
            aws.lambda_.Permission(
                f"cognito-{name}", action="lambda:InvokeFunction", function=fn.name,
                principal="cognito-idp.amazonaws.com", source_arn=pool.arn, opts=opts,
            )  # fmt: skip
        return aws.cognito.UserPoolDomain("owners", domain="fleet-owners-eu", user_pool_id=pool.id, opts=opts)

    return build


# CloudWatch Logs managed data identifiers: arn:aws:dataprotection::aws:data-identifier/<name>.
EMAIL_IDENTIFIER = "arn:aws:dataprotection::aws:data-identifier/EmailAddress"


def rum_and_log_protection(regions: list[str], zone: str = "fleet.example.eu") -> Build:
    # docs: rum/appmonitor (the owner portal's domain, CloudWatch Logs copy, X-Ray), cloudwatch/logdataprotectionpolicy
    # (audit findings to the stack's bucket and log group, masking e-mail addresses and VINs by a custom identifier),
    # cfg/configurationaggregator over the account's in-country regions.
    def build(c: Any) -> object:
        opts = _aws(regions[0])
        ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
        aws.rum.AppMonitor(
            "owner-portal", name="owner-portal", domain=f"owners.{zone}", cw_log_enabled=True,
            app_monitor_configuration={"allow_cookies": False, "enable_xray": True, "session_sample_rate": 0.1,
                                       "telemetries": ["errors", "performance", "http"]},
            opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("owner-api-app", retention_in_days=30, opts=opts)
        findings = aws.s3.Bucket("log-masking-findings", opts=opts)
        audit = aws.cloudwatch.LogGroup("log-masking-audit", retention_in_days=90, opts=opts)
        aws.cloudwatch.LogDataProtectionPolicy(
            "owner-api-app", log_group_name=logs.name,
            policy_document=pulumi.Output.all(findings.bucket, audit.name).apply(lambda a: json.dumps({
                "Name": "owner-data", "Version": "2021-06-01",
                "Configuration": {"CustomDataIdentifier": [{"Name": "Vin", "Regex": "[A-HJ-NPR-Z0-9]{17}"}]},
                "Statement": [
                    {"Sid": "audit", "DataIdentifier": [EMAIL_IDENTIFIER, "Vin"],
                     "Operation": {"Audit": {"FindingsDestination": {"S3": {"Bucket": a[0]},
                                                                     "CloudWatchLogs": {"LogGroup": a[1]}}}}},
                    {"Sid": "redact", "DataIdentifier": [EMAIL_IDENTIFIER, "Vin"],
                     "Operation": {"Deidentify": {"MaskConfig": {}}}},
                ],
            })),
            opts=opts,
        )  # fmt: skip
        return aws.cfg.ConfigurationAggregator(
            "in-country", name="in-country",
            account_aggregation_source={"account_ids": [ident.account_id], "regions": regions},
            opts=opts,
        )  # fmt: skip

    return build


def datasync_in_country(region: str, dest_region: str) -> Build:
    # docs: datasync/s3location (bucket ARN, the access role) for the stack's buckets in two regions of the country,
    # datasync/task with a schedule, verification, task report to the stack's bucket and its log group.
    def build(c: Any) -> object:
        opts, dest_opts = _aws(region), _aws(dest_region)
        src = aws.s3.Bucket("warranty-archive", opts=opts)
        dst = aws.s3.Bucket("warranty-archive-copy", opts=dest_opts)
        role = aws.iam.Role("datasync", assume_role_policy=_trust("datasync.amazonaws.com"), opts=opts)
        source = aws.datasync.S3Location(
            "warranty-archive", s3_bucket_arn=src.arn, subdirectory="/claims/", s3_config={"bucket_access_role_arn":
                                                                                          role.arn}, opts=opts,
        )  # fmt: skip
        dest = aws.datasync.S3Location(
            "warranty-archive-copy", s3_bucket_arn=dst.arn, subdirectory="/claims/",
            s3_config={"bucket_access_role_arn": role.arn}, opts=opts,
        )  # fmt: skip
        logs = aws.cloudwatch.LogGroup("datasync", retention_in_days=30, opts=opts)
        return aws.datasync.Task(
            "warranty-copy", source_location_arn=source.arn, destination_location_arn=dest.arn,
            cloudwatch_log_group_arn=logs.arn, schedule={"schedule_expression": "cron(0 3 ? * SUN *)"},
            options={"verify_mode": "ONLY_FILES_TRANSFERRED", "log_level": "TRANSFER"},
            task_report_config={"s3_destination": {"bucket_access_role_arn": role.arn, "s3_bucket_arn": src.arn,
                                                   "subdirectory": "reports/"}, "report_level": "ERRORS_ONLY"},
            opts=opts,
        )  # fmt: skip

    return build


def ali_pai_eas_and_events(region: str) -> Build:
    # docs: pai/service (EAS: service_config JSON with the image from the stack's ACR in the region's VPC registry
    # registry-vpc.<region>.aliyuncs.com, the model mounted from the stack's OSS bucket, the VPC networking),
    # eventbridge/rule on the default bus routing OSS events to the stack's Function Compute function (acs.fc target).
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        models = alicloud.oss.Bucket("soh-models", bucket=f"fleet-soh-models-{region}", opts=opts)
        ws = alicloud.pai.WorkspaceWorkspace(
            "battery-serving", workspace_name="battery_serving", display_name="battery serving",
            description="battery state of health", env_types=["prod"], opts=opts,
        )  # fmt: skip
        alicloud.pai.Service(
            "soh", workspace_id=ws.id,
            service_config=models.bucket.apply(lambda b: json.dumps({
                "metadata": {"name": "battery_soh", "instance": 2, "cpu": 4, "memory": 8000},
                "containers": [{"image": f"registry-vpc.{region}.aliyuncs.com/fleet/battery-soh:1.4.2",
                                "port": 8000, "script": "python -m serve --model /models/soh"}],
                "storage": [{"mount_path": "/models", "oss": {"path": f"oss://{b}/soh/1.4.2/", "readOnly": True}}],
                "cloud": {"networking": {"vpc_id": "vpc-fleet", "vswitch_id": "vsw-fleet",
                                         "security_group_id": "sg-fleet"}},
            })),
            opts=opts,
        )  # fmt: skip
        fn_role = alicloud.ram.Role(
            "fc-model-registry", role_name="fc-model-registry",
            assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts,
        )  # fmt: skip
        fn = alicloud.fc.V3Function(
            "model-registry", function_name="model-registry", runtime="python3.10", handler="index.handler",
            role=fn_role.arn, code={"zip_file": "UEsDBAoAAAAAAA=="}, opts=opts,
        )  # fmt: skip
        return alicloud.eventbridge.Rule(
            "model-uploaded", event_bus_name="default", rule_name="model-uploaded",
            filter_pattern=models.bucket.apply(lambda b: json.dumps({
                "source": ["acs.oss"], "type": ["oss:ObjectCreated:PutObject"],
                "data": {"oss": {"bucket": {"name": [b]}}}})),
            targets=[{
                "target_id": "fc", "type": "acs.fc.function",
                "endpoint": fn.function_name.apply(lambda n: f"acs:fc:{region}:1234567890123456:functions/{n}"),
                "param_lists": [{"resource_key": "functionName", "form": "CONSTANT", "value": fn.function_name},
                                {"resource_key": "Body", "form": "ORIGINAL"}],
            }],
            opts=opts,
        )  # fmt: skip

    return build


# -- batch 3: IoT to the stack's streams and search, API destinations, StackSets, SLS transformation, ROS ------------


def iot_rule_kafka_opensearch(region: str | None = None) -> Build:
    # docs: iot/topicruledestination (VPC), iot/topicrule kafka action ("bootstrap.servers" from the stack's MSK
    # cluster's bootstrap_brokers_tls, security.protocol SSL), the elasticsearch (OpenSearch) action to the stack's
    # domain, the firehose action to the stack's delivery stream.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        msk = aws.msk.Cluster(
            "can-events", cluster_name="can-events", kafka_version="3.6.0", number_of_broker_nodes=3,
            broker_node_group_info={"instance_type": "kafka.m5.large", "client_subnets": ["subnet-a", "subnet-b",
                                                                                          "subnet-c"],
                                    "security_groups": ["sg-msk"]},
            encryption_info={"encryption_in_transit": {"client_broker": "TLS", "in_cluster": True}}, opts=opts,
        )  # fmt: skip
        search = aws.opensearch.Domain(
            "dtc-search", engine_version="OpenSearch_2.13", cluster_config={"instance_type": "r6g.large.search"},
            ebs_options={"ebs_enabled": True, "volume_size": 50}, opts=opts,
        )  # fmt: skip
        archive = aws.s3.Bucket("can-archive", opts=opts)
        fh_role = aws.iam.Role("can-firehose", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
        firehose = aws.kinesis.FirehoseDeliveryStream(
            "can-archive", destination="extended_s3",
            extended_s3_configuration={"role_arn": fh_role.arn, "bucket_arn": archive.arn}, opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("iot-can-actions", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        vpc_dest = aws.iot.TopicRuleDestination(
            "msk", vpc_configuration={"role_arn": role.arn, "subnet_ids": ["subnet-a", "subnet-b"],
                                      "security_groups": ["sg-iot"], "vpc_id": "vpc-fleet"},
            opts=opts,
        )  # fmt: skip
        return aws.iot.TopicRule(
            "can-events", enabled=True, sql_version="2016-03-23", sql="SELECT * FROM 'fleet/+/can'",
            kafkas=[{"destination_arn": vpc_dest.arn, "topic": "can-events", "key": "${topic(2)}",
                     "client_properties": {"bootstrap.servers": msk.bootstrap_brokers_tls,
                                           "security.protocol": "SSL", "acks": "1"}}],
            elasticsearch=[{"endpoint": search.endpoint.apply(lambda e: f"https://{e}"), "index": "dtc",
                           "id": "${newuuid()}", "type": "_doc", "role_arn": role.arn}],
            firehoses=[{"delivery_stream_name": firehose.name, "role_arn": role.arn, "separator": "\n"}],
            opts=opts,
        )  # fmt: skip

    return build


def api_destination_to_own_api(region: str | None = None) -> Build:
    # docs: cloudwatch/eventconnection (API_KEY authorization), eventapidestination whose invocation_endpoint is the
    # stack's own REST API stage (its invoke_url), eventrule + eventtarget to it; a Step Functions HTTP task
    # ("arn:aws:states:::http:invoke") calling the same stage through the connection.
    def build(c: Any) -> object:
        opts = _opts(c, region)
        fn = _function("warranty-intake", opts)
        api = aws.apigateway.RestApi("warranty-intake", endpoint_configuration={"types": "REGIONAL"}, opts=opts)
        method = aws.apigateway.Method(
            "any", rest_api=api.id, resource_id=api.root_resource_id, http_method="POST", authorization="NONE",
            api_key_required=True, opts=opts,
        )  # fmt: skip
        integration = aws.apigateway.Integration(
            "any", rest_api=api.id, resource_id=api.root_resource_id, http_method=method.http_method,
            integration_http_method="POST", type="AWS_PROXY", uri=fn.invoke_arn, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment(
            "warranty-intake", rest_api=api.id,
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[integration])),
        )  # fmt: skip
        stage = aws.apigateway.Stage("v1", rest_api=api.id, deployment=deployment.id, stage_name="v1", opts=opts)
        conn = aws.cloudwatch.EventConnection(
            "warranty-intake", authorization_type="API_KEY",
            auth_parameters={"api_key": {"key": "x-api-key", "value": "placeholder-rotated-by-secrets-manager"}},
            opts=opts,
        )  # fmt: skip
        dest = aws.cloudwatch.EventApiDestination(
            "warranty-intake", connection_arn=conn.arn, http_method="POST", invocation_rate_limit_per_second=20,
            invocation_endpoint=stage.invoke_url.apply(lambda u: f"{u}/"), opts=opts,
        )  # fmt: skip
        rule = aws.cloudwatch.EventRule(
            "warranty-claims", event_pattern=json.dumps({"source": ["fleet.dealers"], "detail-type": ["Claim"]}),
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("events-api", assume_role_policy=_trust("events.amazonaws.com"), opts=opts)
        aws.cloudwatch.EventTarget("warranty-intake", rule=rule.name, arn=dest.arn, role_arn=role.arn, opts=opts)
        sfn_role = aws.iam.Role("claims-workflow", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
        return aws.sfn.StateMachine(
            "claims-workflow", role_arn=sfn_role.arn,
            definition=pulumi.Output.all(stage.invoke_url, conn.arn).apply(lambda a: json.dumps({
                "StartAt": "Submit", "States": {"Submit": {
                    "Type": "Task", "Resource": "arn:aws:states:::http:invoke", "End": True,
                    "Parameters": {"ApiEndpoint": f"{a[0]}/", "Method": "POST", "Authentication": {
                        "ConnectionArn": a[1]}, "RequestBody.$": "$"}}}})),
            opts=opts,
        )  # fmt: skip

    return build


def stackset_in_country(home: str, regions: list[str]) -> Build:
    # docs: cloudformation/stackset (SELF_MANAGED, a template creating an encrypted log bucket), stacksetinstance per
    # in-country region (stack_set_instance_region: pulumi-aws v7's name for the instance's region).
    def build(c: Any) -> object:
        opts = _aws(home)
        admin = aws.iam.Role("stackset-admin", assume_role_policy=_trust("cloudformation.amazonaws.com"), opts=opts)
        ident = aws.get_caller_identity_output(opts=pulumi.InvokeOutputOptions(provider=opts.provider))
        template = json.dumps({
            "Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Properties": {
                "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {
                    "SSEAlgorithm": "aws:kms"}}]},
                "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                                   "IgnorePublicAcls": True, "RestrictPublicBuckets": True}}}},
        })  # fmt: skip
        stackset = aws.cloudformation.StackSet(
            "regional-logs", name="regional-logs", permission_model="SELF_MANAGED",
            administration_role_arn=admin.arn, execution_role_name="AWSCloudFormationStackSetExecutionRole",
            template_body=template, opts=opts,
        )  # fmt: skip
        last: Any = stackset
        for r in regions:
            last = aws.cloudformation.StackSetInstance(
                f"regional-logs-{r}", stack_set_name=stackset.name, account_id=ident.account_id,
                stack_set_instance_region=r, opts=opts,
            )  # fmt: skip
        return last

    return build


def ali_sls_transform(region: str, peer_region: str, *, sink_region: str | None = None) -> Build:
    # docs: log/etl (a data transformation job from the stack's logstore into a project of a second mainland region:
    # etl_sinks endpoint "<region>.log.aliyuncs.com", the job's RAM role), sls/scheduledsql into an aggregate logstore.
    # `sink_region`: the sink's endpoint written for another region than its project's (a copied example).
    def build(c: Any) -> object:
        opts, peer_opts = _ali(region), _ali(peer_region)
        src = alicloud.log.Project("charging-logs", project_name=f"charging-logs-{region}", opts=opts)
        store = alicloud.log.Store("sessions", project_name=src.project_name, logstore_name="sessions", opts=opts)
        agg = alicloud.log.Store("sessions-hourly", project_name=src.project_name, logstore_name="sessions-hourly",
                                 opts=opts)  # fmt: skip
        dst = alicloud.log.Project("charging-audit", project_name=f"charging-audit-{peer_region}", opts=peer_opts)
        audit = alicloud.log.Store("sessions-audit", project_name=dst.project_name, logstore_name="sessions-audit",
                                   opts=peer_opts)  # fmt: skip
        role = alicloud.ram.Role(
            "sls-etl", role_name="sls-etl", assume_role_policy_document=_ram_trust("log.aliyuncs.com"), opts=opts
        )
        alicloud.log.Etl(
            "sessions-audit-etl", project=src.project_name, logstore=store.logstore_name, etl_name="sessions-audit",
            display_name="sessions-audit", script='e_drop_fields("card_number")', role_arn=role.arn,
            etl_sinks=[{"name": "audit", "endpoint": f"{sink_region or peer_region}.log.aliyuncs.com",
                        "project": dst.project_name,
                        "logstore": audit.logstore_name, "role_arn": role.arn}],
            opts=opts,
        )  # fmt: skip
        return alicloud.sls.ScheduledSql(
            "sessions-hourly", project=src.project_name, scheduled_sql_name="sessions-hourly",
            display_name="sessions-hourly",
            schedule={"type": "FixedRate", "interval": "60m", "delay": 30},
            scheduled_sql_configuration={
                "script": "* | select station_id, count(*) as sessions group by station_id",
                "sql_type": "searchQuery", "source_logstore": store.logstore_name,
                "dest_endpoint": f"{region}-intranet.log.aliyuncs.com", "dest_project": src.project_name,
                "dest_logstore": agg.logstore_name, "role_arn": role.arn, "dest_role_arn": role.arn,
                "from_time_expr": "@m-1h", "to_time_expr": "@m", "max_run_time_in_seconds": 1800,
                "resource_pool": "enhanced", "max_retries": 5, "from_time": 1700000000, "to_time": 0,
                "data_format": "log2log",
            },
            opts=opts,
        )  # fmt: skip

    return build


def ali_ros_stack(region: str) -> Build:
    # docs: ros/stack with a template_body (ROSTemplateFormatVersion 2015-09-01) creating an OSS bucket and an SLS
    # project in the stack's region ("ALIYUN::Region" pseudo parameter in the names), parameters, RAM role.
    def build(c: Any) -> object:
        opts = _ali(region)
        template = json.dumps({
            "ROSTemplateFormatVersion": "2015-09-01",
            "Parameters": {"Env": {"Type": "String", "Default": "prod"}},
            "Resources": {
                "Diag": {"Type": "ALIYUN::OSS::Bucket", "Properties": {
                    "BucketName": {"Fn::Sub": "fleet-diag-${Env}-${ALIYUN::Region}"}, "AccessControl": "private",
                    "ServerSideEncryptionConfiguration": {"SSEAlgorithm": "KMS"}}},
                "Logs": {"Type": "ALIYUN::SLS::Project", "Properties": {
                    "Name": {"Fn::Sub": "fleet-diag-logs-${Env}"}}},
            },
            "Outputs": {"Bucket": {"Value": {"Fn::GetAtt": ["Diag", "DomainName"]}}},
        })  # fmt: skip
        return alicloud.ros.Stack(
            "diag-baseline", stack_name="diag-baseline", template_body=template, timeout_in_minutes=30,
            parameters=[{"parameter_key": "Env", "parameter_value": "prod"}], opts=opts,
        )  # fmt: skip

    return build


# -- batch 4: same-region copies on Alibaba Cloud, a SageMaker Studio domain ------------------------------------------

# The Studio lifecycle script (data only, never run): pip reads the stack's CodeArtifact PyPI repository in the region.
STUDIO_PIP = (
    "#!/bin/bash\nset -eu\n"
    "pip config set global.index-url https://fleet-{account}.d.codeartifact.{region}.amazonaws.com/pypi/internal/simple/\n"
)


def _studio_pip(account: str, region: str, suffix: str, index_url: str | None) -> str:
    script = STUDIO_PIP.format(account=account, region=region).replace("amazonaws.com", suffix)
    return script.replace(script.split("index-url ", 1)[1].strip(), index_url) if index_url else script


def ali_copies_in_region(region: str) -> Build:
    # docs: oss/bucketreplication with the destination in the same region (same-region replication: location
    # oss-<region>, transfer_type internal, sync_role, SSE-KMS replicas), rds/readonlyinstance of the stack's instance,
    # iot/devicegroup in the stack's IoT Platform instance, cr/chartnamespace + chartrepository in its CR EE instance.
    def build(c: Any) -> object:
        opts = _ali(region)
        src = alicloud.oss.Bucket("ota-packages", bucket=f"fleet-ota-packages-{region}", opts=opts)
        dst = alicloud.oss.Bucket("ota-packages-copy", bucket=f"fleet-ota-packages-copy-{region}", opts=opts)
        key = alicloud.kms.Key("ota-replica", description="OTA replica encryption", opts=opts)
        role = alicloud.ram.Role(
            "oss-replication", role_name="oss-replication", assume_role_policy_document=_ram_trust("oss.aliyuncs.com"),
            opts=opts,
        )  # fmt: skip
        alicloud.oss.BucketReplication(
            "ota-packages", bucket=src.bucket, action="ALL", historical_object_replication="enabled",
            sync_role=role.role_name,
            destination={"bucket": dst.bucket, "location": f"oss-{region}", "transfer_type": "internal"},
            source_selection_criteria={"sse_kms_encrypted_objects": {"status": "Enabled"}},
            encryption_configuration={"replica_kms_key_id": key.id}, opts=opts,
        )  # fmt: skip
        primary = alicloud.rds.Instance(
            "vehicle-config", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.2c",
            instance_storage=50, instance_charge_type="Postpaid", vswitch_id="vsw-fleet", security_ips=["10.0.0.0/8"],
            opts=opts,
        )  # fmt: skip
        alicloud.rds.ReadOnlyInstance(
            "vehicle-config-ro", master_db_instance_id=primary.id, engine_version="8.0",
            instance_type="mysql.n2.medium.1", instance_storage=50, instance_name="vehicle-config-ro",
            vswitch_id="vsw-fleet", zone_id=f"{region}-h",
            opts=opts,
        )  # fmt: skip
        alicloud.iot.DeviceGroup(
            "telematics-units", group_name="telematics_units", group_desc="telematics control units",
            iot_instance_id="iot-060a0bqm", opts=opts,
        )  # fmt: skip
        ns = alicloud.cr.ChartNamespace(
            "fleet-charts", instance_id="cri-fleet01", namespace_name="fleet", auto_create_repo=False,
            default_repo_type="PRIVATE", opts=opts,
        )  # fmt: skip
        return alicloud.cr.ChartRepository(
            "owner-api-chart", instance_id="cri-fleet01", repo_namespace_name=ns.namespace_name, repo_name="owner-api",
            repo_type="PRIVATE", summary="owner data API chart", opts=opts,
        )  # fmt: skip

    return build


def sagemaker_studio_domain(region: str, *, index_url: str | None = None) -> Build:
    # docs: sagemaker/domain (VpcOnly, IAM auth, KMS, default_user_settings: execution role, sharing_settings to the
    # stack's bucket, the lifecycle configuration), sagemaker/studiolifecycleconfig (JupyterLab, base64 content that
    # points pip at the stack's CodeArtifact repository in the region), codeartifact/domain + repository.
    # `index_url`: pip pointed at another index instead (the notebooks' package requests go there).
    def build(c: Any) -> object:
        opts = _aws(region)
        invoke = pulumi.InvokeOutputOptions(provider=opts.provider)
        ident = aws.get_caller_identity_output(opts=invoke)
        suffix = aws.get_partition_output(opts=invoke).dns_suffix
        key = aws.kms.Key("studio", enable_key_rotation=True, opts=opts)
        shared = aws.s3.Bucket("studio-shared", opts=opts)
        domain = aws.codeartifact.Domain("fleet", domain="fleet", encryption_key=key.arn, opts=opts)
        aws.codeartifact.Repository("internal", repository="internal", domain=domain.domain, opts=opts)
        lifecycle = aws.sagemaker.StudioLifecycleConfig(
            "pip-internal", studio_lifecycle_config_name="pip-internal", studio_lifecycle_config_app_type="JupyterLab",
            studio_lifecycle_config_content=pulumi.Output.all(ident.account_id, suffix).apply(
                lambda a: base64.b64encode(_studio_pip(a[0], region, a[1], index_url).encode()).decode()
            ),
            opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("studio-users", assume_role_policy=_trust("sagemaker.amazonaws.com"), opts=opts)
        return aws.sagemaker.Domain(
            "battery-research", domain_name="battery-research", auth_mode="IAM", app_network_access_type="VpcOnly",
            vpc_id="vpc-ml", subnet_ids=["subnet-ml-a", "subnet-ml-b"], kms_key_id=key.arn,
            default_user_settings={
                "execution_role": role.arn,
                "sharing_settings": {"notebook_output_option": "Allowed", "s3_kms_key_id": key.arn,
                                     "s3_output_path": _s3(shared, "sharing/")},
                "jupyter_lab_app_settings": {"lifecycle_config_arns": [lifecycle.arn],
                                             "default_resource_spec": {"instance_type": "ml.t3.medium",
                                                                       "lifecycle_config_arn": lifecycle.arn}},
            },
            opts=opts,
        )  # fmt: skip

    return build
