"""Ordinary vehicle-data programs in the areas the realistic table covered least (false-alarm review, stop 35).

An EV platform team's telemetry and device estate, written from the provider docs, in the stack's own country: IoT Core
topic rules with every action kind to the stack's own Kinesis / Firehose / S3 / Timestream / DynamoDB / Lambda / SQS /
SNS / Step Functions / Kafka / HTTPS-to-its-own-API, IoT job templates and OTA documents naming the stack's S3 files,
provisioning templates with a pre-provisioning hook, fleet indexing, custom IoT domains, Greengrass v2 components
(recipes with ``s3://`` artifacts of the stack's bucket) and deployments, IoT Events detector models and IoT SiteWise
(CloudFormation templates: pulumi-aws v7 has no resource for them), Kinesis Video dashcam streams, AWS Backup plans
with copy actions to an in-country vault, DataSync; on Alibaba Cloud: IoT Platform rules (ROS ``ALIYUN::IOT::Rule`` /
``RuleAction``), Tablestore tables / tunnels, VOD, HBR backup plans, EMR clusters, MNS queues / topics with
subscriptions to the stack's own endpoints, DataWorks data sources and Log Service shipping to OSS.
tests/test_realistic_programs.py runs them as CASES (``falsealarm15-*``), in CN on both clouds, EU, DE, JP and US.
"""

from __future__ import annotations

import json
from typing import Any, cast

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _ram_trust, _trust

Build = Any
ACCOUNT = "123456789012"
UID = "1234567890123456"


def _partition(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def _dns(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _node_groups(group: dict[str, Any]) -> Any:
    return [
        {"node_group_type": "MASTER", "node_group_name": "master", "node_count": 1, **group},
        {"node_group_type": "CORE", "node_group_name": "core", "node_count": 3, **group},
    ]


def _iot_role(opts: pulumi.ResourceOptions, name: str = "iot-rule-role") -> Any:
    return aws.iam.Role(name, assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)


# -- IoT Core topic rules: every action kind, each to the stack's own resource -----------------------------------------


def iot_rule_action(region: str, kind: str) -> Build:
    # docs: aws iot/topicrule (kinesis, firehose, s3, timestream, dynamodb, dynamodbv2, lambda, sqs, sns,
    # step_functions, republish, cloudwatch_metric / _alarm / _logs, http (url, confirmation_url, http_header), kafka
    # (destination_arn of a VPC topic rule destination, client_properties bootstrap.servers), iot_events (input_name),
    # error_action); each action's resource is one the stack makes in its own region.
    def build(c: Any) -> object:
        opts = _aws(region)
        role = _iot_role(opts)
        errors = aws.cloudwatch.LogGroup("iot-rule-errors", retention_in_days=30, opts=opts)
        error_action: Any = {"cloudwatch_logs": {"log_group_name": errors.name, "role_arn": role.arn}}
        action: dict[str, Any] = {}
        if kind == "kinesis":
            stream = aws.kinesis.Stream("telemetry", stream_mode_details={"stream_mode": "ON_DEMAND"}, opts=opts)
            action = {"kineses": [{"stream_name": stream.name, "role_arn": role.arn, "partition_key": "${topic(3)}"}]}
        elif kind == "firehose":
            raw = aws.s3.Bucket("telemetry-raw", opts=opts)
            fh_role = aws.iam.Role("firehose", assume_role_policy=_trust("firehose.amazonaws.com"), opts=opts)
            delivery = aws.kinesis.FirehoseDeliveryStream(
                "telemetry",
                destination="extended_s3",
                extended_s3_configuration={"role_arn": fh_role.arn, "bucket_arn": raw.arn, "prefix": "raw/"},
                opts=opts,
            )
            action = {
                "firehoses": [
                    {"delivery_stream_name": delivery.name, "role_arn": role.arn, "separator": "\n", "batch_mode": True}
                ]
            }
        elif kind == "s3":
            bucket = aws.s3.Bucket("crash-snapshots", opts=opts)
            action = {
                "s3": [
                    {
                        "bucket_name": bucket.bucket,
                        "key": "${topic(2)}/${timestamp()}.json",
                        "role_arn": role.arn,
                        "canned_acl": "private",
                    }
                ]
            }
        elif kind == "timestream":
            db = aws.timestreamwrite.Database("fleet", database_name="fleet", opts=opts)
            table = aws.timestreamwrite.Table(
                "battery", database_name=db.database_name, table_name="battery", opts=opts
            )
            action = {
                "timestreams": [
                    {
                        "database_name": db.database_name,
                        "table_name": table.table_name,
                        "role_arn": role.arn,
                        "dimensions": [{"name": "vin", "value": "${topic(2)}"}],
                    }
                ]
            }
        elif kind == "dynamodb":
            events = aws.dynamodb.Table(
                "charge-events",
                billing_mode="PAY_PER_REQUEST",
                hash_key="vin",
                range_key="ts",
                attributes=[{"name": "vin", "type": "S"}, {"name": "ts", "type": "N"}],
                opts=opts,
            )
            action = {
                "dynamodbs": [
                    {
                        "table_name": events.name,
                        "role_arn": role.arn,
                        "hash_key_field": "vin",
                        "hash_key_value": "${topic(2)}",
                        "range_key_field": "ts",
                        "range_key_value": "${timestamp()}",
                        "range_key_type": "NUMBER",
                        "payload_field": "payload",
                    }
                ]
            }
        elif kind == "lambda":
            fn = _function("dtc-decoder", opts, {"TABLE": "dtc-codes"})
            aws.lambda_.Permission(
                "iot-invoke",
                action="lambda:InvokeFunction",
                function=fn.name,
                principal="iot.amazonaws.com",
                source_account=ACCOUNT,
                opts=opts,
            )
            action = {"lambdas": [{"function_arn": fn.arn}]}
        elif kind == "sqs":
            queue = aws.sqs.Queue("ota-status", sqs_managed_sse_enabled=True, opts=opts)
            action = {"sqs": [{"queue_url": queue.url, "role_arn": role.arn, "use_base64": False}]}
        elif kind == "sns":
            topic = aws.sns.Topic("crash-alerts", opts=opts)
            action = {"sns": [{"target_arn": topic.arn, "role_arn": role.arn, "message_format": "JSON"}]}
        elif kind == "step-functions":
            sfn_role = aws.iam.Role("sfn", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
            machine = aws.sfn.StateMachine(
                "recall-triage",
                role_arn=sfn_role.arn,
                definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}),
                opts=opts,
            )
            action = {
                "step_functions": [
                    {"state_machine_name": machine.name, "role_arn": role.arn, "execution_name_prefix": "recall"}
                ]
            }
        elif kind == "republish":
            action = {"republishes": [{"topic": "fleet/${topic(2)}/alerts", "role_arn": role.arn, "qos": 1}]}
        elif kind == "cloudwatch":
            action = {
                "cloudwatch_metrics": [
                    {
                        "metric_name": "PackTemp",
                        "metric_namespace": "Fleet",
                        "metric_unit": "None",
                        "metric_value": "${cell_temp}",
                        "role_arn": role.arn,
                    }
                ],
                "cloudwatch_alarms": [
                    {"alarm_name": "pack-overheat", "role_arn": role.arn, "state_reason": "hot", "state_value": "ALARM"}
                ],
            }
        elif kind == "http":
            fn = _function("telemetry-api", opts)
            api = aws.apigatewayv2.Api("telemetry", protocol_type="HTTP", target=fn.arn, opts=opts)
            action = {
                "https": [
                    {
                        "url": api.api_endpoint.apply(lambda e: f"{e}/telemetry"),
                        "confirmation_url": api.api_endpoint,
                        "http_headers": [{"key": "content-type", "value": "application/json"}],
                    }
                ]
            }
        elif kind == "kafka":
            vpc_role = _iot_role(opts, "iot-vpc-destination")
            dest = aws.iot.TopicRuleDestination(
                "msk",
                vpc_configuration={
                    "role_arn": vpc_role.arn,
                    "subnet_ids": ["subnet-0a1", "subnet-0b2"],
                    "security_groups": ["sg-0msk"],
                    "vpc_id": "vpc-0fleet",
                },
                opts=opts,
            )
            msk = aws.msk.ServerlessCluster(
                "telemetry",
                cluster_name="telemetry",
                client_authentication={"sasl": {"iam": {"enabled": True}}},
                vpc_configs=[{"subnet_ids": ["subnet-0a1", "subnet-0b2"], "security_group_ids": ["sg-0msk"]}],
                opts=opts,
            )
            action = {
                "kafkas": [
                    {
                        "destination_arn": dest.arn,
                        "topic": "vehicle-telemetry",
                        "key": "${topic(2)}",
                        "client_properties": {
                            "bootstrap.servers": msk.bootstrap_brokers_sasl_iam,
                            "security.protocol": "SASL_SSL",
                            "sasl.mechanism": "SCRAM-SHA-512",
                            "acks": "1",
                        },
                    }
                ]
            }
        else:  # iot-events
            action = {
                "iot_events": [{"input_name": "VehicleTelemetry", "role_arn": role.arn, "message_id": "${newuuid()}"}]
            }
        return aws.iot.TopicRule(
            f"fleet-{kind.replace('-', '')}",
            enabled=True,
            sql_version="2016-03-23",
            sql="SELECT * FROM 'fleet/+/telemetry'",
            error_action=error_action,
            opts=opts,
            **action,
        )

    return build


# -- IoT jobs, OTA, provisioning, fleet indexing, custom domains -------------------------------------------------------


def iot_ota_job_template(region: str, form: str, host_region: str | None = None) -> Build:
    # docs: AWS::IoT::JobTemplate (DocumentSource an S3 URL of the job document, or Document inline with the
    # ${aws:iot:s3-presigned-url:https://s3.<region>.amazonaws.com/<bucket>/<key>} placeholder, PresignedUrlConfig
    # RoleArn), in a CloudFormation stack (pulumi-aws v7 has no IoT job resource); the firmware bucket is the stack's.
    # `form`: `document-source` (the job document in the stack's bucket), `presigned` (an inline document with the
    # presigned-URL placeholder); `host_region` the S3 endpoint's region when it is not the stack's.
    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = aws.s3.Bucket("firmware", opts=opts)
        role = _iot_role(opts, "ota-presign")

        host = host_region or region

        def template(a: list[Any]) -> str:
            name, arn = a
            props: dict[str, Any] = {"JobTemplateId": "ota-bms-4-2", "Description": "BMS firmware 4.2"}
            if form == "document-source":
                props["DocumentSource"] = f"https://{name}.s3.{host}.{_dns(host)}/jobs/ota-bms-4-2.json"
            else:
                props["Document"] = json.dumps(
                    {
                        "operation": "firmware-update",
                        "version": "4.2.0",
                        "url": f"${{aws:iot:s3-presigned-url:https://s3.{host}.{_dns(host)}/{name}/bms/4.2.0.bin}}",
                    }
                )
            props["PresignedUrlConfig"] = {"RoleArn": arn, "ExpiresInSec": 3600}
            props["TimeoutConfig"] = {"InProgressTimeoutInMinutes": 120}
            return json.dumps(
                {
                    "AWSTemplateFormatVersion": "2010-09-09",
                    "Resources": {"OtaTemplate": {"Type": "AWS::IoT::JobTemplate", "Properties": props}},
                }
            )

        return aws.cloudformation.Stack(
            "ota-templates",
            name="ota-templates",
            template_body=pulumi.Output.all(bucket.bucket, role.arn).apply(template),
            opts=opts,
        )

    return build


def iot_ota_signing(region: str) -> Build:
    # docs: aws signer/signingprofile (platform AmazonFreeRTOS-Default), signer/signingjob (source: the stack's
    # versioned bucket, destination: the same bucket's signed/ prefix) — the code-signed OTA image.
    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = aws.s3.Bucket("firmware", opts=opts)
        aws.s3.BucketVersioning("firmware", bucket=bucket.id, versioning_configuration={"status": "Enabled"}, opts=opts)
        profile = aws.signer.SigningProfile(
            "ota",
            platform_id="AmazonFreeRTOS-Default",
            name_prefix="ota",
            signature_validity_period={"value": 5, "type": "YEARS"},
            opts=opts,
        )
        return aws.signer.SigningJob(
            "tcu-4-2",
            profile_name=profile.name,
            source={"s3": {"bucket": bucket.id, "key": "tcu/4.2.0.bin", "version": "1"}},
            destination={"s3": {"bucket": bucket.id, "prefix": "signed/"}},
            ignore_signing_job_failure=False,
            opts=opts,
        )

    return build


def iot_provisioning(region: str, hook: bool) -> Build:
    # docs: aws iot/provisioningtemplate (template_body: Parameters SerialNumber / AWS::IoT::Certificate::Id, Resources
    # thing, certificate, policy; provisioning_role_arn; pre_provisioning_hook target_arn, the stack's Lambda),
    # iot/policy, iot/thinggroup. Fleet provisioning by claim for the factory's telematics units.
    def build(c: Any) -> object:
        opts = _aws(region)
        role = aws.iam.Role("provisioning", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        aws.iam.RolePolicyAttachment(
            "provisioning",
            role=role.name,
            policy_arn=f"arn:{_partition(region)}:iam::aws:policy/service-role/AWSIoTThingsRegistration",
            opts=opts,
        )
        policy = aws.iot.Policy(
            "tcu",
            policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Action": ["iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive"],
                            "Resource": "*",
                        }
                    ],
                }
            ),
            opts=opts,
        )
        group = aws.iot.ThingGroup("tcu-fleet", name="tcu-fleet", opts=opts)
        body = pulumi.Output.all(policy.name, group.name).apply(
            lambda a: json.dumps(
                {
                    "Parameters": {"SerialNumber": {"Type": "String"}, "AWS::IoT::Certificate::Id": {"Type": "String"}},
                    "Resources": {
                        "certificate": {
                            "Properties": {"CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "Active"},
                            "Type": "AWS::IoT::Certificate",
                        },
                        "policy": {"Properties": {"PolicyName": a[0]}, "Type": "AWS::IoT::Policy"},
                        "thing": {
                            "OverrideSettings": {"AttributePayload": "MERGE", "ThingGroups": "DO_NOTHING"},
                            "Properties": {
                                "AttributePayload": {},
                                "ThingGroups": [a[1]],
                                "ThingName": {"Ref": "SerialNumber"},
                            },
                            "Type": "AWS::IoT::Thing",
                        },
                    },
                }
            )
        )
        extra: dict[str, Any] = {}
        if hook:
            fn = _function("serial-check", opts, {"ALLOWED_TABLE": "factory-serials"})
            aws.lambda_.Permission(
                "iot-hook", action="lambda:InvokeFunction", function=fn.name, principal="iot.amazonaws.com", opts=opts
            )
            extra["pre_provisioning_hook"] = {"target_arn": fn.arn, "payload_version": "2020-04-01"}
        return aws.iot.ProvisioningTemplate(
            "tcu-claim",
            name="tcu-claim",
            description="TCU fleet provisioning",
            provisioning_role_arn=role.arn,
            enabled=True,
            template_body=body,
            opts=opts,
            **extra,
        )

    return build


def iot_fleet_indexing(region: str) -> Build:
    # docs: aws iot/indexingconfiguration (thing indexing REGISTRY_AND_SHADOW, connectivity STATUS, named shadows,
    # custom fields), iot/thingtype, iot/loggingoptions (role, default level).
    def build(c: Any) -> object:
        opts = _aws(region)
        role = _iot_role(opts, "iot-logging")
        aws.iot.LoggingOptions("fleet", default_log_level="WARN", role_arn=role.arn, opts=opts)
        aws.iot.ThingType(
            "tcu-gen3", name="tcu-gen3", properties={"searchable_attributes": ["model", "market"]}, opts=opts
        )
        return aws.iot.IndexingConfiguration(
            "fleet",
            thing_indexing_configuration={
                "thing_indexing_mode": "REGISTRY_AND_SHADOW",
                "thing_connectivity_indexing_mode": "STATUS",
                "device_defender_indexing_mode": "VIOLATIONS",
                "named_shadow_indexing_mode": "ON",
                "filter": {"named_shadow_names": ["battery", "charging"]},
                "custom_fields": [
                    {"name": "shadow.reported.soc", "type": "Number"},
                    {"name": "attributes.market", "type": "String"},
                ],
            },
            thing_group_indexing_configuration={"thing_group_indexing_mode": "ON"},
            opts=opts,
        )

    return build


def iot_custom_domain(region: str, domain: str) -> Build:
    # docs: aws iot/domainconfiguration (domain_name, server_certificate_arns an ACM certificate of the region,
    # validation_certificate_arn, service_type DATA, tls_config security_policy), acm/certificate (DNS validation),
    # route53/record (CNAME of the custom domain to the account's ATS data endpoint, iot/getendpoint).
    def build(c: Any) -> object:
        opts = _aws(region)
        cert = aws.acm.Certificate("iot-domain", domain_name=domain, validation_method="DNS", opts=opts)
        config = aws.iot.DomainConfiguration(
            "vehicles",
            name="vehicles",
            domain_name=domain,
            service_type="DATA",
            server_certificate_arns=[cert.arn],
            validation_certificate_arn=cert.arn,
            tls_config={"security_policy": "IoTSecurityPolicy_TLS13_1_2_2022_10"},
            opts=opts,
        )
        zone = aws.route53.Zone("fleet", name=domain.split(".", 1)[1], opts=opts)
        endpoint = aws.iot.get_endpoint_output(
            endpoint_type="iot:Data-ATS", opts=pulumi.InvokeOutputOptions(provider=opts.provider)
        )
        aws.route53.Record(
            "iot",
            zone_id=zone.zone_id,
            name=domain,
            type="CNAME",
            ttl=300,
            records=[endpoint.endpoint_address],
            opts=opts,
        )
        return config

    return build


# -- Greengrass v2, IoT Events, IoT SiteWise (CloudFormation: no pulumi-aws v7 resource) ------------------------------


def greengrass_component(region: str, form: str, artifacts: str | None = None) -> Build:
    # docs: AWS::GreengrassV2::ComponentVersion (InlineRecipe: RecipeFormatVersion 2020-01-25, Manifests[].Artifacts[]
    # .URI s3://<bucket>/<key>), AWS::GreengrassV2::Deployment (TargetArn a thing group ARN, Components); the Greengrass
    # token exchange role (credentials.iot) reads the stack's artifact bucket. The edge CAN-bus logger on the depot
    # gateways. `form`: `component`, `deployment` (component and deployment to the depot thing group); `artifacts` a
    # bucket written out instead of the stack's.
    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = aws.s3.Bucket("gg-artifacts", opts=opts)
        group = aws.iot.ThingGroup("depot-gateways", name="depot-gateways", opts=opts)
        aws.iam.Role("gg-token-exchange", assume_role_policy=_trust("credentials.iot.amazonaws.com"), opts=opts)

        def template(a: list[Any]) -> str:
            name, group_arn = a
            name = artifacts or name
            recipe = {
                "RecipeFormatVersion": "2020-01-25",
                "ComponentName": "com.fleet.canlogger",
                "ComponentVersion": "1.4.0",
                "ComponentPublisher": "Fleet platform",
                "ComponentConfiguration": {"DefaultConfiguration": {"uploadPrefix": "can/"}},
                "Manifests": [
                    {
                        "Platform": {"os": "linux"},
                        "Lifecycle": {"Run": "python3 -u {artifacts:path}/canlogger.py"},
                        "Artifacts": [
                            {"URI": f"s3://{name}/canlogger/1.4.0/canlogger.py"},
                            {"URI": f"s3://{name}/canlogger/1.4.0/dbc.zip", "Unarchive": "ZIP"},
                        ],
                    }
                ],
            }
            resources: dict[str, Any] = {
                "CanLogger": {
                    "Type": "AWS::GreengrassV2::ComponentVersion",
                    "Properties": {"InlineRecipe": json.dumps(recipe)},
                }
            }
            if form == "deployment":
                resources["Depots"] = {
                    "Type": "AWS::GreengrassV2::Deployment",
                    "Properties": {
                        "TargetArn": group_arn,
                        "DeploymentName": "depot-canlogger",
                        "Components": {
                            "com.fleet.canlogger": {"ComponentVersion": "1.4.0"},
                            "aws.greengrass.Nucleus": {"ComponentVersion": "2.12.0"},
                        },
                    },
                }
            return json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources})

        return aws.cloudformation.Stack(
            "greengrass",
            name="depot-greengrass",
            template_body=pulumi.Output.all(bucket.bucket, group.arn).apply(template),
            opts=opts,
        )

    return build


def iot_events_detector(region: str) -> Build:
    # docs: AWS::IoTEvents::Input (InputDefinition.Attributes), AWS::IoTEvents::DetectorModel (DetectorModelDefinition
    # States[].OnInput.Events[].Actions: Sns TargetArn, Lambda FunctionArn, Sqs QueueUrl, DynamoDBv2 TableName,
    # IotTopicPublish MqttTopic; RoleArn; Key). The battery thermal-runaway detector per vehicle, actions on the stack's
    # own topic, function, queue and table.
    def build(c: Any) -> object:
        opts = _aws(region)
        topic = aws.sns.Topic("thermal-alerts", opts=opts)
        queue = aws.sqs.Queue("thermal-cases", opts=opts)
        table = aws.dynamodb.Table(
            "thermal-state",
            billing_mode="PAY_PER_REQUEST",
            hash_key="vin",
            attributes=[{"name": "vin", "type": "S"}],
            opts=opts,
        )
        fn = _function("thermal-case", opts)
        role = aws.iam.Role("iotevents", assume_role_policy=_trust("iotevents.amazonaws.com"), opts=opts)

        def template(a: list[Any]) -> str:
            topic_arn, queue_url, table_name, fn_arn, role_arn = a
            actions = [
                {"Sns": {"TargetArn": topic_arn}},
                {"Lambda": {"FunctionArn": fn_arn}},
                {"Sqs": {"QueueUrl": queue_url, "UseBase64": False}},
                {"DynamoDBv2": {"TableName": table_name}},
                {"IotTopicPublish": {"MqttTopic": "'fleet/thermal/alarm'"}},
            ]
            return json.dumps(
                {
                    "AWSTemplateFormatVersion": "2010-09-09",
                    "Resources": {
                        "Telemetry": {
                            "Type": "AWS::IoTEvents::Input",
                            "Properties": {
                                "InputName": "VehicleTelemetry",
                                "InputDefinition": {"Attributes": [{"JsonPath": "vin"}, {"JsonPath": "cell_temp"}]},
                            },
                        },
                        "Thermal": {
                            "Type": "AWS::IoTEvents::DetectorModel",
                            "DependsOn": "Telemetry",
                            "Properties": {
                                "DetectorModelName": "thermal-runaway",
                                "Key": "vin",
                                "EvaluationMethod": "BATCH",
                                "RoleArn": role_arn,
                                "DetectorModelDefinition": {
                                    "InitialStateName": "Normal",
                                    "States": [
                                        {
                                            "StateName": "Normal",
                                            "OnInput": {
                                                "TransitionEvents": [
                                                    {
                                                        "EventName": "hot",
                                                        "Condition": "$input.VehicleTelemetry.cell_temp > 60",
                                                        "NextState": "Overheat",
                                                        "Actions": [],
                                                    }
                                                ]
                                            },
                                        },
                                        {
                                            "StateName": "Overheat",
                                            "OnEnter": {"Events": [{"EventName": "alert", "Actions": actions}]},
                                        },
                                    ],
                                },
                            },
                        },
                    },
                }
            )

        return aws.cloudformation.Stack(
            "thermal-detector",
            name="thermal-detector",
            template_body=pulumi.Output.all(topic.arn, queue.url, table.name, fn.arn, role.arn).apply(template),
            capabilities=["CAPABILITY_IAM"],
            opts=opts,
        )

    return build


def sitewise_plant(region: str) -> Build:
    # docs: AWS::IoTSiteWise::AssetModel (AssetModelProperties Measurement / Transform), AWS::IoTSiteWise::Asset,
    # AWS::IoTSiteWise::Gateway (GatewayPlatform.GreengrassV2.CoreDeviceThingName), AWS::IoTSiteWise::Portal
    # (PortalAuthMode IAM, RoleArn, PortalContactEmail). The battery plant's formation line.
    def build(c: Any) -> object:
        opts = _aws(region)
        role = aws.iam.Role(
            "sitewise-portal", assume_role_policy=_trust("monitor.iotsitewise.amazonaws.com"), opts=opts
        )
        template = role.arn.apply(
            lambda arn: json.dumps(
                {
                    "AWSTemplateFormatVersion": "2010-09-09",
                    "Resources": {
                        "Cell": {
                            "Type": "AWS::IoTSiteWise::AssetModel",
                            "Properties": {
                                "AssetModelName": "formation-cell",
                                "AssetModelProperties": [
                                    {
                                        "Name": "voltage",
                                        "DataType": "DOUBLE",
                                        "Unit": "V",
                                        "LogicalId": "voltage",
                                        "Type": {"TypeName": "Measurement"},
                                    },
                                    {
                                        "Name": "voltage_mv",
                                        "DataType": "DOUBLE",
                                        "Unit": "mV",
                                        "LogicalId": "voltagemv",
                                        "Type": {
                                            "TypeName": "Transform",
                                            "Transform": {
                                                "Expression": "v * 1000",
                                                "Variables": [{"Name": "v", "Value": {"PropertyLogicalId": "voltage"}}],
                                            },
                                        },
                                    },
                                ],
                            },
                        },
                        "Line1": {
                            "Type": "AWS::IoTSiteWise::Asset",
                            "Properties": {"AssetName": "formation-line-1", "AssetModelId": {"Ref": "Cell"}},
                        },
                        "Gateway": {
                            "Type": "AWS::IoTSiteWise::Gateway",
                            "Properties": {
                                "GatewayName": "plant-gateway",
                                "GatewayPlatform": {"GreengrassV2": {"CoreDeviceThingName": "plant-gw-01"}},
                            },
                        },
                        "Portal": {
                            "Type": "AWS::IoTSiteWise::Portal",
                            "Properties": {
                                "PortalName": "plant-quality",
                                "PortalAuthMode": "IAM",
                                "RoleArn": arn,
                                "PortalContactEmail": "plant-quality@example.com",
                            },
                        },
                    },
                }
            )
        )
        return aws.cloudformation.Stack("plant-sitewise", name="plant-sitewise", template_body=template, opts=opts)

    return build


# -- Kinesis Video (dashcam), AWS Backup, DataSync ---------------------------------------------------------------------


def kinesis_video_dashcam(region: str) -> Build:
    # docs: aws kinesis/videostream (data_retention_in_hours, kms_key_id, media_type), kms/key; the clip indexer
    # Lambda given the stream ARN and the regional Kinesis Video endpoint (kinesisvideo.<region>.amazonaws.com[.cn]).
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("dashcam", enable_key_rotation=True, opts=opts)
        stream = aws.kinesis.VideoStream(
            "dashcam-demo-fleet",
            name="dashcam-demo-fleet",
            data_retention_in_hours=72,
            media_type="video/h264",
            kms_key_id=key.id,
            device_name="demo-fleet",
            opts=opts,
        )
        clips = aws.s3.Bucket("dashcam-clips", opts=opts)
        return _function(
            "clip-indexer",
            opts,
            {
                "STREAM_ARN": stream.arn,
                "CLIP_BUCKET": clips.bucket,
                "KVS_ENDPOINT": f"https://kinesisvideo.{region}.{_dns(region)}",
            },
        )

    return build


def backup_copy_in_country(region: str, dr_region: str) -> Build:
    # docs: aws backup/vault (kms key), backup/plan (rule: schedule, lifecycle, copy_actions destination_vault_arn of
    # a vault in another region of the country, its own lifecycle), backup/selection (IAM role, resources by ARN and by
    # tag), backup/vaultnotifications (the stack's SNS topic).
    def build(c: Any) -> object:
        opts, dr_opts = _aws(region), _aws(dr_region)
        vault = aws.backup.Vault("fleet", name="fleet", opts=opts)
        dr_vault = aws.backup.Vault("fleet-dr", name="fleet-dr", opts=dr_opts)
        topic = aws.sns.Topic("backup-events", opts=opts)
        aws.backup.VaultNotifications(
            "fleet",
            backup_vault_name=vault.name,
            sns_topic_arn=topic.arn,
            backup_vault_events=["BACKUP_JOB_FAILED", "COPY_JOB_FAILED"],
            opts=opts,
        )
        plan = aws.backup.Plan(
            "telemetry-daily",
            name="telemetry-daily",
            rules=[
                {
                    "rule_name": "daily",
                    "target_vault_name": vault.name,
                    "schedule": "cron(0 3 * * ? *)",
                    "start_window": 60,
                    "completion_window": 360,
                    "lifecycle": {"delete_after": 35},
                    "copy_actions": [{"destination_vault_arn": dr_vault.arn, "lifecycle": {"delete_after": 90}}],
                }
            ],
            opts=opts,
        )
        table = aws.dynamodb.Table(
            "vehicle-registry",
            billing_mode="PAY_PER_REQUEST",
            hash_key="vin",
            attributes=[{"name": "vin", "type": "S"}],
            opts=opts,
        )
        role = aws.iam.Role("backup", assume_role_policy=_trust("backup.amazonaws.com"), opts=opts)
        return aws.backup.Selection(
            "registry",
            name="registry",
            plan_id=plan.id,
            iam_role_arn=role.arn,
            resources=[table.arn],
            selection_tags=[{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}],
            opts=opts,
        )

    return build


def datasync_depot_nfs(region: str) -> Build:
    # docs: aws datasync/agent (activation by IP on the private network, private link endpoint), datasync/nfslocation
    # (server_hostname the depot NAS's private address, on_prem_config agent_arns), datasync/s3location, datasync/task
    # (schedule, options, task_report_config to the stack's bucket, cloudwatch_log_group_arn).
    def build(c: Any) -> object:
        opts = _aws(region)
        agent = aws.datasync.Agent(
            "depot-agent",
            ip_address="10.20.0.15",
            name="depot-agent",
            security_group_arns=[f"arn:{_partition(region)}:ec2:{region}:{ACCOUNT}:security-group/sg-0ds"],
            subnet_arns=[f"arn:{_partition(region)}:ec2:{region}:{ACCOUNT}:subnet/subnet-0ds"],
            vpc_endpoint_id="vpce-0datasync",
            private_link_endpoint="10.20.1.9",
            opts=opts,
        )
        nas = aws.datasync.NfsLocation(
            "depot-nas",
            server_hostname="10.20.4.11",
            subdirectory="/exports/diagnostics",
            on_prem_config={"agent_arns": [agent.arn]},
            opts=opts,
        )
        bucket = aws.s3.Bucket("depot-diagnostics", opts=opts)
        role = aws.iam.Role("datasync", assume_role_policy=_trust("datasync.amazonaws.com"), opts=opts)
        dest = aws.datasync.S3Location(
            "depot-diagnostics",
            s3_bucket_arn=bucket.arn,
            subdirectory="/depot",
            s3_config={"bucket_access_role_arn": role.arn},
            opts=opts,
        )
        logs = aws.cloudwatch.LogGroup("datasync", retention_in_days=30, opts=opts)
        return aws.datasync.Task(
            "depot-diagnostics",
            name="depot-diagnostics",
            source_location_arn=nas.arn,
            destination_location_arn=dest.arn,
            cloudwatch_log_group_arn=logs.arn,
            schedule={"schedule_expression": "cron(0 1 * * ? *)"},
            options={"verify_mode": "ONLY_FILES_TRANSFERRED", "log_level": "TRANSFER"},
            task_report_config={
                "s3_destination": {
                    "bucket_access_role_arn": role.arn,
                    "s3_bucket_arn": bucket.arn,
                    "subdirectory": "reports/",
                },
                "report_level": "ERRORS_ONLY",
            },
            opts=opts,
        )

    return build


# -- Alibaba Cloud IoT Platform rules (ROS: no pulumi-alicloud resource) ----------------------------------------------


def ali_iot_rule(region: str, kind: str) -> Build:
    # docs: ROS ALIYUN::IOT::Rule (IotInstanceId, Name, Select, ShortTopic, ProductKey, TopicType, DataType) and
    # ALIYUN::IOT::RuleAction (Type OTS / FC / MNS / REPUBLISH, Configuration a JSON string — CreateRuleAction:
    # OTS instanceName / tableName / primaryKeys / regionName / role, FC fcRegion / serviceName / functionName / role,
    # MNS regionName / themeName / role, REPUBLISH topic / topicType); the destination is the stack's own.
    def build(c: Any) -> object:
        opts = _ali(region)
        role = {"roleArn": f"acs:ram::{UID}:role/aliyuniotaccessingrole", "roleName": "AliyunIOTAccessingRole"}
        if kind == "ots":
            ots = alicloud.ots.Instance(
                "vehicle-state", name="vstate", accessed_by="Any", instance_type="Capacity", opts=opts
            )
            alicloud.ots.Table(
                "latest",
                instance_name=ots.name,
                table_name="latest",
                time_to_live=-1,
                max_version=1,
                primary_keys=[{"name": "vin", "type": "String"}],
                opts=opts,
            )
            config: Any = ots.name.apply(
                lambda n: {
                    "instanceName": n,
                    "tableName": "latest",
                    "regionName": region,
                    "role": role,
                    "primaryKeys": [{"columnName": "vin", "columnValue": "${deviceName}"}],
                }
            )
        elif kind == "fc":
            service = alicloud.fc.Service("telemetry", name="telemetry", opts=opts)
            config = service.name.apply(
                lambda n: {"fcRegion": region, "serviceName": n, "functionName": "decode", "role": role}
            )
        elif kind == "mns":
            topic = alicloud.mns.Topic("vehicle-events", name="vehicle-events", opts=opts)
            config = topic.name.apply(lambda n: {"regionName": region, "themeName": n, "role": role})
        else:  # republish
            config = {"topic": "/a1FleetPK/${deviceName}/user/alerts", "topicType": 1}
        action_type = {"ots": "OTS", "fc": "FC", "mns": "MNS", "republish": "REPUBLISH"}[kind]

        def template(conf: Any) -> str:
            return json.dumps(
                {
                    "ROSTemplateFormatVersion": "2015-09-01",
                    "Resources": {
                        "Telemetry": {
                            "Type": "ALIYUN::IOT::Rule",
                            "Properties": {
                                "IotInstanceId": f"iot-{region}-fleet01",
                                "Name": f"telemetry-{kind}",
                                "ProductKey": "a1FleetPK",
                                "ShortTopic": "+/user/telemetry",
                                "TopicType": 1,
                                "DataType": "JSON",
                                "Select": "vin, soc, speed, deviceName() as deviceName",
                            },
                        },
                        "Action": {
                            "Type": "ALIYUN::IOT::RuleAction",
                            "Properties": {
                                "IotInstanceId": f"iot-{region}-fleet01",
                                "RuleId": {"Fn::GetAtt": ["Telemetry", "RuleId"]},
                                "Type": action_type,
                                "Configuration": json.dumps(conf),
                            },
                        },
                    },
                }
            )

        body = pulumi.Output.from_input(config).apply(template)
        return alicloud.ros.Stack(f"iot-rule-{kind}", stack_name=f"iot-rule-{kind}", template_body=body, opts=opts)

    return build


def ali_iot_device_groups(region: str) -> Build:
    # docs: alicloud iot/devicegroup (group_name, super_group_id, iot_instance_id): model-year cohorts for OTA waves.
    def build(c: Any) -> object:
        opts = _ali(region)
        fleet = alicloud.iot.DeviceGroup(
            "fleet", group_name="fleet", group_desc="All vehicles", iot_instance_id=f"iot-{region}-fleet01", opts=opts
        )
        return alicloud.iot.DeviceGroup(
            "my2026", group_name="my2026", super_group_id=fleet.id, iot_instance_id=f"iot-{region}-fleet01", opts=opts
        )

    return build


# -- Tablestore, HBR -------------------------------------------------------------------------------------------------


def ali_tablestore(region: str, form: str) -> Build:
    # docs: alicloud ots/instance (accessed_by Vpc, network_type_acls), ots/instanceattachment (vpc), ots/table
    # (defined_columns, enable_sse, time_to_live), ots/secondaryindex, ots/searchindex, ots/tunnel (BaseAndStream); a
    # consumer on Function Compute given the instance's VPC endpoint (<instance>.<region>.vpc.tablestore.aliyuncs.com).
    # `form`: `tunnel`, `indexes`, `consumer`.
    def build(c: Any) -> object:
        opts = _ali(region)
        ots = alicloud.ots.Instance(
            "trips",
            name="fleettrips",
            accessed_by="Vpc",
            instance_type="HighPerformance",
            network_type_acls=["VPC"],
            opts=opts,
        )
        alicloud.ots.InstanceAttachment(
            "trips", instance_name=ots.name, vpc_name="fleetvpc", vswitch_id="vsw-fleet", opts=opts
        )
        table = alicloud.ots.Table(
            "trips",
            instance_name=ots.name,
            table_name="trips",
            time_to_live=31536000,
            max_version=1,
            primary_keys=[{"name": "vin", "type": "String"}, {"name": "trip_start", "type": "Integer"}],
            defined_columns=[{"name": "distance_km", "type": "Double"}, {"name": "driver", "type": "String"}],
            enable_sse=True,
            sse_key_type="SSE_KMS_SERVICE",
            opts=opts,
        )
        if form == "tunnel":
            return alicloud.ots.Tunnel(
                "trips-stream",
                instance_name=ots.name,
                table_name=table.table_name,
                tunnel_name="trips-stream",
                tunnel_type="BaseAndStream",
                opts=opts,
            )
        if form == "indexes":
            alicloud.ots.SecondaryIndex(
                "by-driver",
                instance_name=ots.name,
                table_name=table.table_name,
                index_name="by_driver",
                index_type="Global",
                include_base_data=True,
                primary_keys=["driver", "vin", "trip_start"],
                defined_columns=["distance_km"],
                opts=opts,
            )
            return alicloud.ots.SearchIndex(
                "trips-search",
                instance_name=ots.name,
                table_name=table.table_name,
                index_name="trips_search",
                time_to_live=-1,
                schemas=[
                    {
                        "field_schemas": [
                            {
                                "field_name": "driver",
                                "field_type": "Text",
                                "is_array": False,
                                "index": True,
                                "analyzer": "Split",
                                "store": True,
                            }
                        ]
                    }
                ],
                opts=opts,
            )
        service = alicloud.fc.Service(
            "trip-consumer",
            name="trip-consumer",
            vpc_config={"vswitch_ids": ["vsw-fleet"], "security_group_id": "sg-fc"},
            opts=opts,
        )
        return alicloud.fc.Function(
            "trip-consumer",
            service=service.name,
            name="consume",
            runtime="python3.10",
            handler="index.handler",
            memory_size=512,
            oss_bucket="fleet-code",
            oss_key="trip-consumer.zip",
            environment_variables=ots.name.apply(
                lambda n: {
                    "OTS_ENDPOINT": f"https://{n}.{region}.vpc.tablestore.aliyuncs.com",
                    "OTS_INSTANCE": n,
                    "OTS_TABLE": "trips",
                }
            ),
            opts=opts,
        )

    return build


def ali_hbr_plans(region: str, dr_region: str, form: str) -> Build:
    # docs: alicloud hbr/vault, hbr/otsbackupplan (instance_name, ots_details table_names, rules), hbr/ecsbackupplan
    # (instance_id, paths, schedule I|<start>|P1D), hbr/nasbackupplan, hbr/replicationvault (the in-country DR region's
    # vault replicating the home vault). `form`: `ots`, `ecs`, `replica`.
    def build(c: Any) -> object:
        opts = _ali(region)
        vault = alicloud.hbr.Vault("fleet", vault_name="fleet", opts=opts)
        if form == "ots":
            ots = alicloud.ots.Instance(
                "registry", name="fleetreg", accessed_by="Vpc", instance_type="Capacity", opts=opts
            )
            return alicloud.hbr.OtsBackupPlan(
                "registry",
                ots_backup_plan_name="registry",
                vault_id=vault.id,
                instance_name=ots.name,
                backup_type="COMPLETE",
                retention="30",
                ots_details=[{"table_names": ["vehicles", "owners"]}],
                rules=[
                    {
                        "schedule": "I|1602673264|PT2H",
                        "retention": "30",
                        "disabled": False,
                        "rule_name": "every-2h",
                        "backup_type": "COMPLETE",
                    }
                ],
                opts=opts,
            )
        if form == "ecs":
            return alicloud.hbr.EcsBackupPlan(
                "depot-gateway",
                ecs_backup_plan_name="depot-gateway",
                instance_id="i-depotgw01",
                vault_id=vault.id,
                backup_type="COMPLETE",
                schedule="I|1602673264|P1D",
                retention="14",
                paths=["/var/lib/depot"],
                exclude=json.dumps(["/var/lib/depot/tmp"]),
                opts=opts,
            )
        return alicloud.hbr.ReplicationVault(
            "fleet-dr",
            vault_name="fleet-dr",
            replication_source_region_id=region,
            replication_source_vault_id=vault.id,
            opts=_ali(dr_region),
        )

    return build


# -- VOD, EMR ------------------------------------------------------------------------------------------------------


def ali_vod(region: str, form: str) -> Build:
    # docs: alicloud vod/domain (domain_name, scope domestic, sources [{source_type oss, source_content the bucket's
    # <bucket>.oss-<region>.aliyuncs.com, source_port 443}]), vod/editingproject (timeline of the stack's media ids).
    # Owner-manual videos and dashcam highlight reels. `form`: `domain` (CN: domestic acceleration), `editing`.
    def build(c: Any) -> object:
        opts = _ali(region)
        bucket = alicloud.oss.Bucket("manual-videos", bucket=f"fleet-manual-videos-{region}", opts=opts)
        if form == "domain":
            return alicloud.vod.Domain(
                "videos",
                domain_name="videos.fleet.example.cn",
                scope="domestic",
                sources=[
                    {
                        "source_type": "oss",
                        "source_content": bucket.extranet_endpoint.apply(lambda e: f"fleet-manual-videos-{region}.{e}"),
                        "source_port": "443",
                        "source_priority": "20",
                    }
                ],
                opts=opts,
            )
        return alicloud.vod.EditingProject(
            "highlights",
            editing_project_name="weekly-highlights",
            title="Weekly highlights",
            division="16:9",
            timeline=json.dumps(
                {"VideoTracks": [{"VideoTrackClips": [{"MediaId": "a1b2c3d4e5f6"}, {"MediaId": "f6e5d4c3b2a1"}]}]}
            ),
            opts=opts,
        )

    return build


def ali_emr_oss(region: str) -> Build:
    # docs: alicloud emrv2/cluster (bootstrap_scripts script_path oss://<bucket>/..., application_configs
    # hive.metastore.warehouse.dir / spark.eventLog.dir on the stack's bucket, node_attributes); the trip analytics
    # lake on the stack's OSS bucket.
    def build(c: Any) -> object:
        opts = _ali(region)
        name = f"fleet-lake-{region}"
        alicloud.oss.Bucket("lake", bucket=name, opts=opts)
        role = alicloud.ram.Role(
            "emr-ecs", role_name="fleet-emr-ecs", assume_role_policy_document=_ram_trust("ecs.aliyuncs.com"), opts=opts
        )
        group: dict[str, Any] = {
            "instance_types": ["ecs.g7.xlarge"],
            "vswitch_ids": ["vsw-a"],
            "payment_type": "PayAsYouGo",
            "system_disk": {"category": "cloud_essd", "size": 120, "count": 1},
            "data_disks": [{"category": "cloud_essd", "size": 200, "count": 1}],
        }
        return alicloud.emrv2.Cluster(
            "trip-lake",
            cluster_name="trip-lake",
            cluster_type="DATALAKE",
            release_version="EMR-5.16.0",
            payment_type="PayAsYouGo",
            deploy_mode="NORMAL",
            security_mode="NORMAL",
            applications=["HADOOP-COMMON", "OSS-HDFS", "YARN", "SPARK3", "HIVE"],
            application_configs=[
                {
                    "application_name": "HIVE",
                    "config_file_name": "hive-site.xml",
                    "config_item_key": "hive.metastore.warehouse.dir",
                    "config_item_value": f"oss://{name}/warehouse",
                    "config_scope": "CLUSTER",
                },
                {
                    "application_name": "SPARK3",
                    "config_file_name": "spark-defaults.conf",
                    "config_item_key": "spark.eventLog.dir",
                    "config_item_value": f"oss://{name}/spark-history",
                    "config_scope": "CLUSTER",
                },
            ],
            node_attributes=[
                {
                    "vpc_id": "vpc-fleet",
                    "zone_id": f"{region}-b",
                    "security_group_id": "sg-emr",
                    "ram_role": role.role_name,
                    "key_pair_name": "emr-ops",
                }
            ],
            node_groups=_node_groups(group),
            bootstrap_scripts=[
                {
                    "script_name": "deps",
                    "script_path": f"oss://{name}/bootstrap/deps.sh",
                    "script_args": "--lake",
                    "execution_moment": "BEFORE_INSTALL",
                    "execution_fail_strategy": "FAILED_BLOCK",
                    "priority": 1,
                    "node_selector": {"node_select_type": "CLUSTER"},
                }
            ],
            opts=opts,
        )

    return build


# -- MNS, DataWorks, Log Service --------------------------------------------------------------------------------------


def ali_mns(region: str, form: str) -> Build:
    # docs: alicloud mns/queue, mns/topic, mns/topicsubscription (endpoint: a queue acs:mns:<region>:<uid>:/queues/<q>,
    # or the HTTP URL of the stack's own Function Compute trigger / API), message/servicetopic, message/servicequeue,
    # message/servicesubscription (push_type queue / http, endpoint). `form`: `queue-sub` (legacy mns, queue endpoint),
    # `message-queue` (message/service*, push_type queue), `http-fc` (http to the stack's FC HTTP trigger URL),
    # `http-apigw` (http to the stack's API Gateway group's subdomain).
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        if form == "queue-sub":
            queue = alicloud.mns.Queue(
                "ota-status", name="ota-status", visibility_timeout=60, message_retention_period=345600, opts=opts
            )
            topic = alicloud.mns.Topic("ota-events", name="ota-events", opts=opts)
            return alicloud.mns.TopicSubscription(
                "ota-status",
                topic_name=topic.name,
                name="ota-status",
                notify_strategy="BACKOFF_RETRY",
                notify_content_format="SIMPLIFIED",
                endpoint=queue.name.apply(lambda q: f"acs:mns:{region}:{UID}:/queues/{q}"),
                opts=opts,
            )
        topic2 = alicloud.message.ServiceTopic(
            "charge-events", topic_name="charge-events", max_message_size=65536, logging_enabled=True, opts=opts
        )
        if form == "message-queue":
            queue2 = alicloud.message.ServiceQueue(
                "charge-ledger", queue_name="charge-ledger", enable_sse=True, opts=opts
            )
            return alicloud.message.ServiceSubscription(
                "charge-ledger",
                topic_name=topic2.topic_name,
                subscription_name="charge-ledger",
                push_type="queue",
                endpoint=queue2.queue_name,
                notify_strategy="EXPONENTIAL_DECAY_RETRY",
                notify_content_format="JSON",
                opts=opts,
            )
        if form == "http-fc":
            service = alicloud.fc.Service("charge-hook", name="charge-hook", opts=opts)
            endpoint: Any = service.name.apply(
                lambda s: f"https://{UID}.{region}.fc.aliyuncs.com/2016-08-15/proxy/{s}/receive/"
            )
        else:
            group = alicloud.apigateway.Group("charging", name="charging", description="Charging API", opts=opts)
            endpoint = group.sub_domain.apply(lambda d: f"https://{d}/mns/charge-events")
        return alicloud.message.ServiceSubscription(
            "charge-hook",
            topic_name=topic2.topic_name,
            subscription_name="charge-hook",
            push_type="http",
            endpoint=endpoint,
            notify_strategy="BACKOFF_RETRY",
            notify_content_format="JSON",
            opts=opts,
        )

    return build


def ali_dataworks(region: str) -> Build:
    # docs: alicloud dataworks/project, dataworks/datasource (type oss: connection_properties envType / endpoint the
    # region's internal OSS endpoint / bucket; type mysql: the stack's RDS connection string), the fleet reporting
    # workspace.
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.dataworks.Project(
            "fleet-reporting",
            project_name="fleet_reporting",
            display_name="Fleet reporting",
            description="fleet KPIs",
            pai_task_enabled=False,
            opts=opts,
        )
        bucket = alicloud.oss.Bucket("reports", bucket=f"fleet-reports-{region}", opts=opts)
        alicloud.dataworks.DataSource(
            "reports-oss",
            project_id=cast(Any, project.id),
            data_source_name="reports_oss",
            type="oss",
            connection_properties_mode="UrlMode",
            connection_properties=bucket.bucket.apply(
                lambda b: json.dumps(
                    {
                        "envType": "Prod",
                        "endpoint": f"http://oss-{region}-internal.aliyuncs.com",
                        "bucket": b,
                        "authType": "RamRole",
                    }
                )
            ),
            opts=opts,
        )
        rds = alicloud.rds.Instance(
            "charging",
            engine="MySQL",
            engine_version="8.0",
            instance_type="mysql.n2.medium.1",
            instance_storage=50,
            vswitch_id="vsw-fleet",
            opts=opts,
        )
        return alicloud.dataworks.DataSource(
            "charging-mysql",
            project_id=cast(Any, project.id),
            data_source_name="charging_mysql",
            type="mysql",
            connection_properties_mode="UrlMode",
            connection_properties=rds.connection_string.apply(
                lambda h: json.dumps(
                    {
                        "envType": "Prod",
                        "address": [{"host": h, "port": 3306}],
                        "database": "charging",
                        "username": "reporting",
                        "password": "placeholder",
                    }
                )
            ),
            opts=opts,
        )

    return build


def ali_log_to_oss(region: str, form: str) -> Build:
    # docs: alicloud log/project, log/store, log/ossshipper (oss_bucket, oss_prefix, role_arn acs:ram::<uid>:role/
    # aliyunlogdefaultrole, format json), sls/ossexportsink (configuration: bucket, prefix, roleArn, endpoint the
    # region's internal OSS endpoint, dataFormat). `form`: `shipper`, `export-sink`.
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        project = alicloud.log.Project("vehicle-logs", project_name=f"fleet-vehicle-logs-{region}", opts=opts)
        store = alicloud.log.Store(
            "tcu", project_name=project.project_name, logstore_name="tcu", retention_period=30, opts=opts
        )
        bucket = alicloud.oss.Bucket("log-archive", bucket=f"fleet-log-archive-{region}", opts=opts)
        role = f"acs:ram::{UID}:role/aliyunlogdefaultrole"
        if form == "shipper":
            return alicloud.log.OssShipper(
                "tcu-archive",
                project_name=project.project_name,
                logstore_name=store.logstore_name,
                shipper_name="tcu-archive",
                oss_bucket=bucket.bucket,
                oss_prefix="tcu",
                buffer_interval=300,
                buffer_size=250,
                role_arn=role,
                compress_type="snappy",
                path_format="%Y/%m/%d/%H/%M",
                format="json",
                json_enable_tag=True,
                opts=opts,
            )
        return alicloud.sls.OssExportSink(
            "tcu-export",
            project=project.project_name,
            job_name="tcu-export",
            display_name="tcu-export",
            configuration={
                "logstore": store.logstore_name,
                "role_arn": role,
                "from_time": 1732165733,
                "to_time": 0,
                "sink": {
                    "bucket": bucket.bucket,
                    "prefix": "tcu",
                    "suffix": ".json",
                    "role_arn": role,
                    "endpoint": f"https://oss-{region}-internal.aliyuncs.com",
                    "time_zone": "+0800",
                    "content_type": "json",
                    "compression_type": "zstd",
                    "content_detail": '{"enableTag": true}',
                    "buffer_interval": "300",
                    "buffer_size": "256",
                    "path_format": "%Y/%m/%d/%H/%M",
                },
            },
            opts=opts,
        )

    return build


# -- the same estate's finer forms: SQL functions, container / Lambda components, endpoints in configuration -------


def iot_rule_sql_lambda(region: str, arn: str | None = None) -> Build:
    # docs: AWS IoT SQL functions aws_lambda(functionArn, inputJson) and get_dynamodb(tableName, partitionKeyName,
    # partitionKeyValue, ..., roleArn) in a rule's SELECT (Developer Guide, "Functions"); the enrichment function and
    # the vehicle registry table are the stack's own. `arn`: a function ARN written out instead of the stack's output.
    def build(c: Any) -> object:
        opts = _aws(region)
        fn = _function("enrich", opts)
        role = _iot_role(opts)
        table = aws.dynamodb.Table(
            "registry",
            billing_mode="PAY_PER_REQUEST",
            hash_key="vin",
            attributes=[{"name": "vin", "type": "S"}],
            opts=opts,
        )
        stream = aws.kinesis.Stream("enriched-telemetry", stream_mode_details={"stream_mode": "ON_DEMAND"}, opts=opts)
        sql = pulumi.Output.all(fn.arn, table.name, role.arn).apply(
            lambda a: (
                f"SELECT *, aws_lambda('{arn or a[0]}', *) AS enriched, "
                f"get_dynamodb('{a[1]}', 'vin', topic(2), '{a[2]}') AS registry FROM 'fleet/+/telemetry'"
            )
        )
        return aws.iot.TopicRule(
            "enriched",
            enabled=True,
            sql_version="2016-03-23",
            sql=sql,
            kineses=[{"stream_name": stream.name, "role_arn": role.arn, "partition_key": "${topic(2)}"}],
            opts=opts,
        )

    return build


def greengrass_container_component(region: str, form: str, image: str | None = None) -> Build:
    # docs: AWS::GreengrassV2::ComponentVersion — InlineRecipe Artifacts URI docker:<account>.dkr.ecr.<region>.
    # amazonaws.com/<repository>:<tag> (a private ECR image pulled through the token exchange role, component
    # aws.greengrass.DockerApplicationManager), and LambdaFunction.LambdaArn (a published version of the stack's own
    # function, ComponentLambdaParameters). `form`: `docker`, `lambda`; `image` an image written out instead.
    def build(c: Any) -> object:
        opts = _aws(region)
        repo = aws.ecr.Repository("anomaly-edge", image_tag_mutability="IMMUTABLE", opts=opts)
        fn = _function("edge-filter", opts, publish=True)

        def template(a: list[Any]) -> str:
            repo_url, fn_arn, version = a
            if form == "docker":
                recipe = {
                    "RecipeFormatVersion": "2020-01-25",
                    "ComponentName": "com.fleet.anomaly",
                    "ComponentVersion": "2.0.1",
                    "ComponentDependencies": {
                        "aws.greengrass.DockerApplicationManager": {"VersionRequirement": "~2.0.0"},
                        "aws.greengrass.TokenExchangeService": {"VersionRequirement": "~2.0.0"},
                    },
                    "Manifests": [
                        {
                            "Platform": {"os": "linux"},
                            "Lifecycle": {"Run": f"docker run --rm {image or repo_url + ':2.0.1'}"},
                            "Artifacts": [{"URI": f"docker:{image or repo_url + ':2.0.1'}"}],
                        }
                    ],
                }
                props: dict[str, Any] = {"InlineRecipe": json.dumps(recipe)}
            else:
                props = {
                    "LambdaFunction": {
                        "LambdaArn": f"{fn_arn}:{version}",
                        "ComponentName": "com.fleet.edgefilter",
                        "ComponentVersion": "1.0.0",
                        "ComponentPlatforms": [{"Attributes": {"os": "linux"}}],
                        "ComponentLambdaParameters": {
                            "EventSources": [{"Topic": "fleet/+/can", "Type": "IOT_CORE"}],
                            "MaxQueueSize": 1000,
                            "TimeoutInSeconds": 30,
                            "Pinned": True,
                        },
                    }
                }
            return json.dumps(
                {
                    "AWSTemplateFormatVersion": "2010-09-09",
                    "Resources": {"Component": {"Type": "AWS::GreengrassV2::ComponentVersion", "Properties": props}},
                }
            )

        return aws.cloudformation.Stack(
            f"greengrass-{form}",
            name=f"depot-{form}",
            template_body=pulumi.Output.all(repo.repository_url, fn.arn, fn.version).apply(template),
            opts=opts,
        )

    return build


def iot_authorizer_role_alias(region: str) -> Build:
    # docs: aws iot/authorizer (authorizer_function_arn the stack's Lambda, token_signing_public_keys), iot/rolealias
    # (the credentials provider's role), iot/policy allowing iot:AssumeRoleWithCertificate on the role alias ARN.
    def build(c: Any) -> object:
        opts = _aws(region)
        fn = _function("dealer-auth", opts)
        aws.iot.Authorizer(
            "dealer-tools",
            name="dealer-tools",
            authorizer_function_arn=fn.arn,
            signing_disabled=True,
            status="ACTIVE",
            enable_caching_for_http=True,
            opts=opts,
        )
        role = aws.iam.Role("tcu-uploads", assume_role_policy=_trust("credentials.iot.amazonaws.com"), opts=opts)
        alias = aws.iot.RoleAlias(
            "tcu-uploads", alias="tcu-uploads", role_arn=role.arn, credential_duration=3600, opts=opts
        )
        return aws.iot.Policy(
            "tcu-credentials",
            policy=alias.arn.apply(
                lambda arn: json.dumps(
                    {
                        "Version": "2012-10-17",
                        "Statement": [{"Effect": "Allow", "Action": "iot:AssumeRoleWithCertificate", "Resource": arn}],
                    }
                )
            ),
            opts=opts,
        )

    return build


def aws_vehicle_endpoints(region: str, form: str) -> Build:
    # docs: the regional data-plane hosts an EV backend's functions are given: AWS IoT's data endpoint
    # (iot/getendpoint iot:Data-ATS, <prefix>-ats.iot.<region>.amazonaws.com[.cn]), credentials provider
    # (<prefix>.credentials.iot.<region>...), jobs data plane (data.jobs.iot.<region>...), Kinesis Video's
    # GetDataEndpoint host (<id>.kinesisvideo.<region>...), IoT SiteWise's data plane (data.iotsitewise.<region>...),
    # Timestream's ingest cell (ingest-cell<N>.timestream.<region>...). `form` picks one.
    def build(c: Any) -> object:
        opts = _aws(region)
        dns = _dns(region)
        value: Any = {
            "credentials": f"https://c2b3d4e5f6a7b8.credentials.iot.{region}.{dns}",
            "jobs": f"https://data.jobs.iot.{region}.{dns}",
            "kvs-data": f"https://b-1234abcd.kinesisvideo.{region}.{dns}",
            "sitewise-data": f"https://data.iotsitewise.{region}.{dns}",
            "timestream-cell": f"https://ingest-cell2.timestream.{region}.{dns}",
            "iot-data-literal": f"a1b2c3d4e5f6g7-ats.iot.{region}.{dns}",
        }.get(form)
        if form == "iot-data":
            value = aws.iot.get_endpoint_output(
                endpoint_type="iot:Data-ATS", opts=pulumi.InvokeOutputOptions(provider=opts.provider)
            ).endpoint_address
        return _function("vehicle-gateway", opts, {"UPSTREAM_ENDPOINT": value, "SERVICE": form})

    return build


def ali_vehicle_endpoints(region: str, form: str) -> Build:
    # docs: the hosts an Alibaba Cloud EV backend's functions are given, each with the region in its name: IoT Platform
    # public instance MQTT (<productKey>.iot-as-mqtt.<region>.aliyuncs.com), Tablestore public / VPC
    # (<instance>.<region>.ots.aliyuncs.com, <instance>.<region>.vpc.tablestore.aliyuncs.com), Log Service intranet
    # (<region>-intranet.log.aliyuncs.com), VOD API (vod.<region>.aliyuncs.com), MNS internal
    # (<uid>.mns.<region>-internal.aliyuncs.com), OSS-HDFS (<bucket>.<region>.oss-dls.aliyuncs.com), MaxCompute VPC
    # (service.<region>-vpc.maxcompute.aliyun-inc.com/api), DataHub (dh-<region>-int-vpc.aliyuncs.com); and IoT
    # Platform's enterprise instance domain (<instance id>.mqtt.iothub.aliyuncs.com), which names no region.
    def build(c: Any) -> object:
        opts = _ali(region)
        value = {
            "iot-mqtt": f"a1FleetPK.iot-as-mqtt.{region}.aliyuncs.com:1883",
            "iot-instance": "iot-06z00ax1o4ngpvd.mqtt.iothub.aliyuncs.com:1883",
            "ots-public": f"https://fleettrips.{region}.ots.aliyuncs.com",
            "ots-vpc": f"https://fleettrips.{region}.vpc.tablestore.aliyuncs.com",
            "sls-intranet": f"{region}-intranet.log.aliyuncs.com",
            "vod": f"https://vod.{region}.aliyuncs.com",
            "mns-internal": f"https://{UID}.mns.{region}-internal.aliyuncs.com",
            "oss-hdfs": f"oss://fleet-lake-{region}.{region}.oss-dls.aliyuncs.com/warehouse",
            "maxcompute-vpc": f"http://service.{region}-vpc.maxcompute.aliyun-inc.com/api",
            "datahub-vpc": f"https://dh-{region}-int-vpc.aliyuncs.com",
        }[form]
        service = alicloud.fc.Service("gateway-service", name="vehicle-gateway", opts=opts)
        return alicloud.fc.Function(
            "vehicle-gateway",
            service=service.name,
            name="gateway",
            runtime="python3.10",
            handler="index.handler",
            memory_size=256,
            oss_bucket="fleet-code",
            oss_key="gateway.zip",
            environment_variables={"UPSTREAM_ENDPOINT": value, "SERVICE": form},
            opts=opts,
        )

    return build


def ali_hbr_policy(region: str, replica: str) -> Build:
    # docs: alicloud hbr/policy (policy_type STANDARD; rules: BACKUP with schedule / retention, TRANSITION, REPLICATION
    # with replication_region_id and replication rule retention), hbr/policybinding (source_type OSS, data_source_id
    # the stack's bucket). The vehicle-document bucket's policy with a copy in the country's second region.
    def build(c: Any) -> object:
        opts = _ali(region)
        bucket = alicloud.oss.Bucket("docs-bucket", bucket=f"fleet-vehicle-docs-{region}", opts=opts)
        vault = alicloud.hbr.Vault("fleet", vault_name="fleet", opts=opts)
        policy = alicloud.hbr.Policy(
            "vehicle-docs",
            policy_name="vehicle-docs",
            policy_type="STANDARD",
            rules=[
                {
                    "rule_type": "BACKUP",
                    "backup_type": "COMPLETE",
                    "schedule": "I|1631685600|P1D",
                    "retention": 30,
                    "archive_days": 0,
                    "vault_id": vault.id,
                },
                {"rule_type": "REPLICATION", "replication_region_id": replica, "retention": 90},
            ],
            opts=opts,
        )
        return alicloud.hbr.PolicyBinding(
            "vehicle-docs-binding",
            policy_id=policy.id,
            source_type="OSS",
            data_source_id=bucket.bucket,
            policy_binding_description="vehicle documents",
            opts=opts,
        )

    return build


def ali_iot_rule_datahub(region: str, target_region: str | None = None) -> Build:
    # docs: ROS ALIYUN::IOT::RuleAction Type DATAHUB (CreateRuleAction: projectName, topicName, regionName, role,
    # schemaVersion), the stack's DataHub project and topic (alicloud datahub/project, datahub/topic).
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.datahub.Project("telemetry", name="fleet_telemetry", opts=opts)
        alicloud.datahub.Topic(
            "soc",
            name="soc",
            project_name=project.name,
            record_type="TUPLE",
            record_schema={"vin": "STRING", "soc": "DOUBLE"},
            shard_count=3,
            opts=opts,
        )
        role = {
            "roleArn": f"acs:ram::{UID}:role/aliyuniotaccessingdatahubrole",
            "roleName": "AliyunIOTAccessingDataHubRole",
        }
        body = project.name.apply(
            lambda p: json.dumps(
                {
                    "ROSTemplateFormatVersion": "2015-09-01",
                    "Resources": {
                        "Soc": {
                            "Type": "ALIYUN::IOT::Rule",
                            "Properties": {
                                "IotInstanceId": f"iot-{region}-fleet01",
                                "Name": "soc-to-datahub",
                                "ProductKey": "a1FleetPK",
                                "ShortTopic": "+/user/battery",
                                "TopicType": 1,
                                "DataType": "JSON",
                                "Select": "vin, soc",
                            },
                        },
                        "Action": {
                            "Type": "ALIYUN::IOT::RuleAction",
                            "Properties": {
                                "IotInstanceId": f"iot-{region}-fleet01",
                                "RuleId": {"Fn::GetAtt": ["Soc", "RuleId"]},
                                "Type": "DATAHUB",
                                "Configuration": json.dumps(
                                    {
                                        "projectName": p,
                                        "topicName": "soc",
                                        "regionName": target_region or region,
                                        "role": role,
                                        "schemaVersion": "1.0",
                                    }
                                ),
                            },
                        },
                    },
                }
            )
        )
        return alicloud.ros.Stack("iot-rule-datahub", stack_name="iot-rule-datahub", template_body=body, opts=opts)

    return build


# -- round 3: custom domains the stack makes, cross-account / cross-cloud copies inside the country --------------------


def iot_rule_http_custom_domain(region: str, host: str) -> Build:
    # docs: aws apigatewayv2/domainname (domain_name, REGIONAL endpoint with an ACM certificate of the region),
    # apigatewayv2/apimapping, route53/record (alias A record of the custom domain to the domain name's
    # target_domain_name); the IoT rule's http action posts to the stack's own API by that domain (url and
    # confirmation_url on the same host, as the IoT HTTP action requires).
    def build(c: Any) -> object:
        opts = _aws(region)
        fn = _function("ingest-api", opts)
        api = aws.apigatewayv2.Api("ingest", protocol_type="HTTP", target=fn.arn, opts=opts)
        cert = aws.acm.Certificate("ingest", domain_name=host, validation_method="DNS", opts=opts)
        domain = aws.apigatewayv2.DomainName(
            "ingest",
            domain_name=host,
            opts=opts,
            domain_name_configuration={
                "certificate_arn": cert.arn,
                "endpoint_type": "REGIONAL",
                "security_policy": "TLS_1_2",
            },
        )
        aws.apigatewayv2.ApiMapping("ingest", api_id=api.id, domain_name=domain.id, stage="$default", opts=opts)
        zone = aws.route53.Zone("fleet", name=host.split(".", 1)[1], opts=opts)
        aws.route53.Record(
            "ingest",
            zone_id=zone.zone_id,
            name=host,
            type="A",
            opts=opts,
            aliases=[
                {
                    "name": domain.domain_name_configuration.target_domain_name,
                    "zone_id": domain.domain_name_configuration.hosted_zone_id,
                    "evaluate_target_health": False,
                }
            ],
        )
        return aws.iot.TopicRule(
            "ingest-http",
            enabled=True,
            sql_version="2016-03-23",
            sql="SELECT * FROM 'fleet/+/trips'",
            https=[{"url": f"https://{host}/v1/trips", "confirmation_url": f"https://{host}/"}],
            opts=opts,
        )

    return build


def iot_custom_domain_client(region: str, host: str) -> Build:
    # docs: aws iot/domainconfiguration (the custom domain), route53/record (CNAME to iot/getendpoint's ATS endpoint);
    # the vehicle simulator's Lambda connects to the stack's own custom domain.
    def build(c: Any) -> object:
        iot_custom_domain(region, host)(c)
        return _function("fleet-simulator", _aws(region), {"MQTT_HOST": host, "MQTT_PORT": "8883"})

    return build


def backup_copy_org_vault(region: str, vault_region: str) -> Build:
    # docs: aws backup/plan copy_actions destination_vault_arn — a vault of the organisation's central backup account
    # (cross-account copy, "arn:<partition>:backup:<region>:<account>:backup-vault:<name>") in the country;
    # backup/reportplan delivering to the stack's bucket.
    def build(c: Any) -> object:
        opts = _aws(region)
        vault = aws.backup.Vault("fleet-local", name="fleet-local", opts=opts)
        central = f"arn:{_partition(vault_region)}:backup:{vault_region}:210987654321:backup-vault:org-central"
        aws.backup.Plan(
            "org-copy",
            name="org-copy",
            rules=[
                {
                    "rule_name": "weekly",
                    "target_vault_name": vault.name,
                    "schedule": "cron(0 4 ? * SUN *)",
                    "lifecycle": {"delete_after": 35},
                    "copy_actions": [{"destination_vault_arn": central, "lifecycle": {"delete_after": 365}}],
                }
            ],
            opts=opts,
        )
        reports = aws.s3.Bucket("backup-reports", opts=opts)
        return aws.backup.ReportPlan(
            "jobs",
            name="fleet_backup_jobs",
            report_delivery_channel={"s3_bucket_name": reports.bucket, "s3_key_prefix": "backup", "formats": ["CSV"]},
            report_setting={"report_template": "BACKUP_JOB_REPORT", "regions": [region]},
            opts=opts,
        )

    return build


def datasync_object_storage(region: str, host: str) -> Build:
    # docs: aws datasync/locationobjectstorage (server_hostname, bucket_name, agent_arns, server_protocol HTTPS) — a
    # depot's S3-compatible store on the private network, or Alibaba Cloud OSS's regional endpoint in the same country
    # (OSS is S3-compatible), copied into the stack's bucket by a datasync/task.
    def build(c: Any) -> object:
        opts = _aws(region)
        agent = f"arn:{_partition(region)}:datasync:{region}:{ACCOUNT}:agent/agent-0a1b2c3d4e5f6a7b8"
        source = aws.datasync.LocationObjectStorage(
            "depot-store",
            server_hostname=host,
            bucket_name="diagnostics",
            server_protocol="HTTPS",
            server_port=443,
            agent_arns=[agent],
            subdirectory="/exports",
            opts=opts,
        )
        bucket = aws.s3.Bucket("imported-diagnostics", opts=opts)
        role = aws.iam.Role("datasync", assume_role_policy=_trust("datasync.amazonaws.com"), opts=opts)
        dest = aws.datasync.S3Location(
            "imported",
            s3_bucket_arn=bucket.arn,
            subdirectory="/imported",
            s3_config={"bucket_access_role_arn": role.arn},
            opts=opts,
        )
        return aws.datasync.Task(
            "import-diagnostics", source_location_arn=source.arn, destination_location_arn=dest.arn, opts=opts
        )

    return build


def ali_log_etl(region: str, sink_region: str) -> Build:
    # docs: alicloud log/etl (etl_sinks: endpoint <region>-intranet.log.aliyuncs.com of the target project's region,
    # project, logstore, role_arn), the Python-like ETL script; the TCU logs split into a redacted store in another
    # region of the country. The provider assumes the team's deployment role (stop 46: the sink's `role_arn`, the
    # team's role written out, names the account receiving the logs, RES-023 unless a provider proves it).
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        project = alicloud.log.Project("tcu-raw", project_name=f"fleet-tcu-raw-{region}", opts=opts)
        alicloud.log.Store("raw", project_name=project.project_name, logstore_name="raw", opts=opts)
        role = f"acs:ram::{UID}:role/aliyunlogetlrole"
        return alicloud.log.Etl(
            "redact",
            etl_name="redact",
            project=project.project_name,
            display_name="redact",
            logstore="raw",
            script='e_drop_fields("vin_raw", "owner_phone")',
            role_arn=role,
            etl_type="ETL",
            lang="SPL",
            etl_sinks=[
                {
                    "name": "redacted",
                    "endpoint": f"{sink_region}-intranet.log.aliyuncs.com",
                    "project": f"fleet-tcu-redacted-{sink_region}",
                    "logstore": "redacted",
                    "role_arn": role,
                    "type": "General",
                }
            ],
            opts=opts,
        )

    return build


def ali_emr_dlf(region: str, catalog_region: str | None = None) -> Build:
    # docs: alicloud emrv2/cluster application_configs — Hive on the DLF catalog ("dlf.catalog.endpoint":
    # dlf-vpc.<region>.aliyuncs.com, "dlf.catalog.region"), the metastore of the stack's lake. `catalog_region`: the
    # catalog's region when it is not the cluster's.
    def build(c: Any) -> object:
        opts = _ali(region)
        group: dict[str, Any] = {
            "instance_types": ["ecs.g7.xlarge"],
            "vswitch_ids": ["vsw-a"],
            "payment_type": "PayAsYouGo",
            "system_disk": {"category": "cloud_essd", "size": 120, "count": 1},
            "data_disks": [{"category": "cloud_essd", "size": 200, "count": 1}],
        }
        configs = {
            "hive.metastore.type": "DLF",
            "dlf.catalog.endpoint": f"dlf-vpc.{region}.aliyuncs.com",
            "dlf.catalog.region": catalog_region or region,
            "dlf.catalog.uid": UID,
        }
        return alicloud.emrv2.Cluster(
            "trip-dlf",
            cluster_name="trip-dlf",
            cluster_type="DATALAKE",
            release_version="EMR-5.16.0",
            payment_type="PayAsYouGo",
            deploy_mode="NORMAL",
            security_mode="NORMAL",
            applications=["HADOOP-COMMON", "HDFS", "YARN", "SPARK3", "HIVE"],
            application_configs=[
                {
                    "application_name": "HIVE",
                    "config_file_name": "hive-site.xml",
                    "config_item_key": k,
                    "config_item_value": v,
                    "config_scope": "CLUSTER",
                }
                for k, v in configs.items()
            ],
            node_attributes=[
                {
                    "vpc_id": "vpc-fleet",
                    "zone_id": f"{region}-b",
                    "security_group_id": "sg-emr",
                    "ram_role": "fleet-emr-ecs",
                    "key_pair_name": "emr-ops",
                }
            ],
            node_groups=_node_groups(group),
            opts=opts,
        )

    return build
