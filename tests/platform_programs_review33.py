"""Ordinary compliant programs next to the refusals stop 33's first round added (false-alarm review, stop 33).

Each builder is what an EV platform team writes from the provider docs beside one of the new refusals: environment
variables ending in `_BUCKET` / `_BUCKET_NAME` (`variable_bucket_keys`), `DB_READER` / `DB_WRITER` host keys, Step
Functions definitions using `.$` paths and JSONata, model ids in the stack's own Region or geography, Alibaba Cloud
SLS ETL sinks, ALB zones, contacts and alarm receivers, templated hosts and log / time formats, and Route 53 records
relative to a zone the stack makes. tests/test_realistic_programs.py runs them as CASES (``falsealarm10-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _ram_trust, _trust

Build = Any

ACCOUNT = "123456789012"


def _suffix(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _partition(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def _container(opts: pulumi.ResourceOptions, env: pulumi.Input[list[dict[str, Any]]]) -> Any:
    # docs: ecs/taskdefinition — container_definitions is the JSON list ECS takes; each `environment` entry is a
    # {name, value} pair.
    role = aws.iam.Role("task-role", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)

    def definitions(pairs: list[dict[str, Any]]) -> str:
        return json.dumps([{"name": "exporter", "image": "public.ecr.aws/docker/library/python:3.12-slim",
                            "essential": True, "environment": pairs}])  # fmt: skip

    return aws.ecs.TaskDefinition(
        "exporter", family="owner-exporter", requires_compatibilities=["FARGATE"], network_mode="awsvpc", cpu="256",
        memory="512", task_role_arn=role.arn, execution_role_arn=role.arn,
        container_definitions=pulumi.Output.from_input(env).apply(definitions), opts=opts,
    )  # fmt: skip


# -- environment variables naming the stack's own buckets (variable_bucket_keys) ------------------------------------


def bucket_variables(region: str, how: str) -> Build:
    # docs: s3/bucket (`bucket`, or `bucket_prefix`: "Creates a unique bucket name beginning with the specified
    # prefix"), lambda/function environment (Lambda "Working with environment variables"), pulumi Config. The owner
    # data export function is told its buckets by `how`: `literal` the names the stack gives them, `output` their
    # `bucket` / `id` outputs, `prefix` buckets made with `bucket_prefix`, `config` a name read from the stack's config
    # (with a default) that the stack's bucket is created with, `uri` an `s3://` URI and an ARN of them.
    def build(c: Any) -> object:
        opts = _aws(region)
        cfg = pulumi.Config("fleet")
        if how == "prefix":
            exports = aws.s3.Bucket("exports", bucket_prefix="owner-exports-", opts=opts)
            logs = aws.s3.Bucket("access-logs", bucket_prefix="owner-access-logs-", opts=opts)
        else:
            name = cfg.get("exportBucket") or f"fleet-owner-exports-{region}"
            exports = aws.s3.Bucket("exports", bucket=name, opts=opts)
            logs = aws.s3.Bucket("access-logs", bucket=f"fleet-access-logs-{region}", opts=opts)
        env: dict[str, Any]
        if how == "literal":
            env = {"EXPORT_BUCKET": f"fleet-owner-exports-{region}", "LOG_BUCKET_NAME": f"fleet-access-logs-{region}"}
        elif how == "uri":
            env = {
                "EXPORT_BUCKET": exports.bucket.apply(lambda b: f"s3://{b}/exports/"),
                "LOG_BUCKET_ARN": logs.arn,
                "LOG_BUCKET_NAME": logs.id,
            }
        else:
            env = {"EXPORT_BUCKET": exports.bucket, "LOG_BUCKET_NAME": logs.id, "ARCHIVE_BUCKET": exports.id}
        return _function("owner-export", opts, env)

    return build


def bucket_container_pairs(region: str) -> Build:
    # docs: ecs/taskdefinition — the exporter task reads its buckets from {name, value} pairs (the names from outputs).
    def build(c: Any) -> object:
        opts = _aws(region)
        exports = aws.s3.Bucket("exports", bucket_prefix="owner-exports-", opts=opts)
        staging = aws.s3.Bucket("staging", bucket=f"fleet-staging-{region}", opts=opts)
        env = pulumi.Output.all(exports.bucket, staging.bucket).apply(
            lambda b: [
                {"name": "EXPORT_BUCKET", "value": b[0]},
                {"name": "STAGING_BUCKET_NAME", "value": b[1]},
                {"name": "AWS_REGION", "value": region},
            ]
        )
        return _container(opts, env)

    return build


def influxdb_telemetry(region: str, variables: bool = False) -> Build:
    # docs: timestreaminfluxdb/dbinstance (`bucket`: "the name of the initial InfluxDB bucket. All InfluxDB data is
    # stored in a bucket"), lambda/function environment. The telemetry writer is told the instance's bucket by its
    # output (`variables`: also under INFLUXDB_BUCKET / INFLUX_BUCKET_NAME, and an API rate limiter's token bucket
    # size, "API Gateway throttles requests using the token bucket algorithm"): none of them an S3 bucket.
    def build(c: Any) -> object:
        opts = _aws(region)
        influx = aws.timestreaminfluxdb.DbInstance(
            "telemetry", name="fleet-telemetry", allocated_storage=20, db_instance_type="db.influx.medium",
            bucket="vehicle-telemetry", organization="fleet", username="admin", password="example-password-1",
            vpc_subnet_ids=["subnet-0a1b2c3d4e5f60718"], vpc_security_group_ids=["sg-0a1b2c3d4e5f60718"],
            opts=opts,
        )  # fmt: skip
        env: dict[str, Any] = {"INFLUXDB_ORG": "fleet", "INFLUXDB_DATABASE": influx.bucket}
        if variables:
            env = {"INFLUXDB_BUCKET": influx.bucket, "INFLUX_BUCKET_NAME": "vehicle-telemetry", "TOKEN_BUCKET": "100"}
        return _function("telemetry-writer", opts, env)

    return build


# -- database endpoints under DB_READER / DB_WRITER ------------------------------------------------------------------


def db_endpoints(region: str, how: str) -> Build:
    # docs: rds/cluster (`endpoint`, `reader_endpoint`), rds/proxy and rds/proxyendpoint (a read-only proxy endpoint,
    # `target_role: READ_ONLY`), route53/zone (a private hosted zone, `vpcs`) and route53/record (CNAMEs to the
    # cluster's endpoints). The service reads its writer and reader hosts from DB_WRITER / DB_READER.
    def build(c: Any) -> object:
        opts = _aws(region)
        cluster = aws.rds.Cluster(
            "fleet-db", cluster_identifier="fleet-db", engine="aurora-postgresql", engine_version="16.4",
            master_username="fleet", manage_master_user_password=True, storage_encrypted=True,
            db_subnet_group_name="fleet-db", skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        env: dict[str, Any]
        if how == "output":
            env = {"DB_WRITER": cluster.endpoint, "DB_READER": cluster.reader_endpoint, "DB_PORT": "5432"}
        elif how == "literal":
            sfx = _suffix(region)
            env = {
                "DB_WRITER": f"fleet-db.cluster-c1a2b3c4d5e6.{region}.rds.{sfx}",
                "DB_READER": f"fleet-db.cluster-ro-c1a2b3c4d5e6.{region}.rds.{sfx}:5432",
            }
        elif how == "proxy":
            role = aws.iam.Role("proxy-role", assume_role_policy=_trust("rds.amazonaws.com"), opts=opts)
            proxy = aws.rds.Proxy(
                "fleet-proxy", name="fleet-proxy", engine_family="POSTGRESQL", role_arn=role.arn,
                vpc_subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"], require_tls=True,
                auths=[{"auth_scheme": "SECRETS", "iam_auth": "REQUIRED",
                        "secret_arn": f"arn:{_partition(region)}:secretsmanager:{region}:{ACCOUNT}:secret:fleet-Ab"}],
                opts=opts,
            )  # fmt: skip
            reader = aws.rds.ProxyEndpoint(
                "fleet-proxy-ro", db_proxy_name=proxy.name, db_proxy_endpoint_name="fleet-proxy-ro",
                target_role="READ_ONLY", vpc_subnet_ids=["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"],
                opts=opts,
            )  # fmt: skip
            sfx = _suffix(region)
            env = {
                "DB_WRITER": proxy.endpoint,
                "DB_READER": reader.endpoint,
                "DB_WRITER_FALLBACK": f"fleet-proxy.proxy-c1a2b3c4d5e6.{region}.rds.{sfx}",
                "DB_READER_FALLBACK": f"fleet-proxy-ro.endpoint.proxy-c1a2b3c4d5e6.{region}.rds.{sfx}",
            }
        elif how == "private-ip":
            env = {"DB_WRITER": "10.40.3.11", "DB_READER": "10.40.3.12:5432"}
        else:  # a private hosted zone the stack makes, with records named relative to it and in full
            zone = aws.route53.Zone(
                "fleet-internal", name="db.fleet.internal", vpcs=[{"vpc_id": "vpc-0a1b2c3d4e5f60718"}], opts=opts
            )
            aws.route53.Record(
                "writer", zone_id=zone.zone_id, name="writer", type="CNAME", ttl=60, records=[cluster.endpoint],
                opts=opts,
            )  # fmt: skip
            aws.route53.Record(
                "reader", zone_id=zone.zone_id, name="reader.db.fleet.internal", type="CNAME", ttl=60,
                records=[cluster.reader_endpoint], opts=opts,
            )  # fmt: skip
            env = {"DB_WRITER": "writer.db.fleet.internal", "DB_READER": "reader.db.fleet.internal"}
        return _function("trip-api", opts, env)

    return build


# -- Step Functions ------------------------------------------------------------------------------------------------


def workflow_fixed_bucket(region: str, query: str) -> Build:
    # docs: sfn/statemachine, Step Functions "Call AWS services" (aws-sdk:s3:putObject / copyObject), "Distributed Map
    # ResultWriter" (Bucket, Prefix; WriterConfig), "Transforming data with JSONata" (`Arguments`). The daily report
    # workflow writes to the stack's bucket, fixed in the definition; only keys, bodies and the copied source come from
    # the input (`query`: JSONPath or JSONata).
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        reports = aws.s3.Bucket("reports", opts=opts)
        role = aws.iam.Role("report-role", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)

        def definition(b: str) -> str:
            if query == "jsonata":
                states: dict[str, Any] = {
                    "Archive": {"Type": "Task", "Resource": f"arn:{part}:states:::aws-sdk:s3:putObject",
                                "Arguments": {"Bucket": b, "Key": "{% 'daily/' & $states.input.day & '.json' %}",
                                              "Body": "{% $string($states.input.report) %}"},
                                "Next": "Copy"},
                    "Copy": {"Type": "Task", "Resource": f"arn:{part}:states:::aws-sdk:s3:copyObject",
                             "Arguments": {"Bucket": b, "Key": "{% 'latest/' & $states.input.day & '.json' %}",
                                           "CopySource": "{% $states.input.sourceBucket & '/' & $states.input.key %}"},
                             "Next": "Each"},
                    "Each": {"Type": "Map", "End": True,
                             "ItemReader": {"Resource": f"arn:{part}:states:::s3:listObjectsV2",
                                            "Arguments": {"Bucket": b, "Prefix": "{% $states.input.prefix %}"}},
                             "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                                               "StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": True}}},
                             "ResultWriter": {"Resource": f"arn:{part}:states:::s3:putObject",
                                              "Arguments": {"Bucket": b,
                                                            "Prefix": "{% 'runs/' & $states.input.day %}"}}},
                }  # fmt: skip
                return json.dumps({"QueryLanguage": "JSONata", "StartAt": "Archive", "States": states})
            states = {
                "Archive": {"Type": "Task", "Resource": f"arn:{part}:states:::aws-sdk:s3:putObject",
                            "Parameters": {"Bucket": b, "Key.$": "States.Format('daily/{}.json', $.day)",
                                           "Body.$": "States.JsonToString($.report)"},
                            "ResultPath": None, "Next": "Copy"},
                "Copy": {"Type": "Task", "Resource": f"arn:{part}:states:::aws-sdk:s3:copyObject",
                         "Parameters": {"Bucket": b, "Key.$": "States.Format('latest/{}.json', $.day)",
                                        "CopySource.$": "States.Format('{}/{}', $.sourceBucket, $.key)"},
                         "ResultPath": None, "Next": "Each"},
                "Each": {"Type": "Map", "End": True,
                         "ItemReader": {"Resource": f"arn:{part}:states:::s3:listObjectsV2",
                                        "Parameters": {"Bucket": b, "Prefix.$": "$.prefix"}},
                         "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                                           "StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": True}}},
                         "ResultWriter": {"Resource": f"arn:{part}:states:::s3:putObject",
                                          "WriterConfig": {"OutputType": "JSONL", "Transformation": "FLATTEN"},
                                          "Parameters": {"Bucket": b, "Prefix.$": "States.Format('runs/{}', $.day)"}}},
            }  # fmt: skip
            return json.dumps({"StartAt": "Archive", "States": states})

        return aws.sfn.StateMachine(
            "daily-report", role_arn=role.arn, definition=reports.bucket.apply(definition), opts=opts
        )

    return build


def workflow_runtime_bucket(region: str) -> Build:
    # docs: as workflow_fixed_bucket — the report's bucket taken from the execution input (`Bucket.$`): accepted in
    # aws-cn (every bucket there is in China), refused elsewhere unless declared.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        role = aws.iam.Role("report-role", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)
        definition = json.dumps({"StartAt": "Archive", "States": {"Archive": {
            "Type": "Task", "Resource": f"arn:{part}:states:::aws-sdk:s3:putObject", "End": True,
            "Parameters": {"Bucket.$": "$.bucket", "Key.$": "$.key", "Body.$": "$.report"}}}})  # fmt: skip
        return aws.sfn.StateMachine("daily-report", role_arn=role.arn, definition=definition, opts=opts)

    return build


def workflow_calls_own_api(region: str) -> Build:
    # docs: apigateway/restapi + stage, cloudwatch/eventconnection, sfn/statemachine, Step Functions "Call HTTPS APIs"
    # (`arn:aws:states:::http:invoke`, ApiEndpoint, Method, Authentication.ConnectionArn, QueryParameters, RequestBody)
    # and the optimized integrations that take their payload from the input (lambda:invoke `Payload.$`, sqs:sendMessage
    # `MessageBody.$`, sns:publish `Message.$`, events:putEvents `Detail.$`). The workflow calls the stack's own API.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        sfx = _suffix(region)
        api = aws.apigateway.RestApi(
            "dealer-api", name="dealer-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts
        )
        conn = aws.cloudwatch.EventConnection(
            "dealer-api-key", authorization_type="API_KEY",
            auth_parameters={"api_key": {"key": "x-api-key", "value": "example-key"}}, opts=opts,
        )  # fmt: skip
        fn = _function("notify-dealer", opts)
        queue = aws.sqs.Queue("dealer-events", opts=opts)
        topic = aws.sns.Topic("dealer-alerts", opts=opts)
        role = aws.iam.Role("dealer-flow-role", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)

        def definition(v: list[str]) -> str:
            api_id, conn_arn, fn_arn, queue_url, topic_arn = v
            endpoint = f"https://{api_id}.execute-api.{region}.{sfx}/prod/dealers"
            states = {
                "Call": {"Type": "Task", "Resource": f"arn:{part}:states:::http:invoke", "Next": "Invoke",
                         "Parameters": {"ApiEndpoint.$": f"States.Format('{endpoint}/{{}}', $.dealerId)",
                                        "Method": "POST", "Authentication": {"ConnectionArn": conn_arn},
                                        "QueryParameters.$": "$.query", "RequestBody.$": "$.order"}},
                "Invoke": {"Type": "Task", "Resource": f"arn:{part}:states:::lambda:invoke", "Next": "Queue",
                           "Parameters": {"FunctionName": fn_arn, "Payload.$": "$"}},
                "Queue": {"Type": "Task", "Resource": f"arn:{part}:states:::sqs:sendMessage", "Next": "Alert",
                          "Parameters": {"QueueUrl": queue_url, "MessageBody.$": "$.order"}},
                "Alert": {"Type": "Task", "Resource": f"arn:{part}:states:::sns:publish", "Next": "Event",
                          "Parameters": {"TopicArn": topic_arn, "Message.$": "States.JsonToString($.order)"}},
                "Event": {"Type": "Task", "Resource": f"arn:{part}:states:::events:putEvents", "End": True,
                          "Parameters": {"Entries": [{"Source": "fleet.dealers", "DetailType": "OrderPlaced",
                                                      "Detail.$": "$.order"}]}},
            }  # fmt: skip
            return json.dumps({"StartAt": "Call", "States": states})

        out = pulumi.Output.all(api.id, conn.arn, fn.arn, queue.url, topic.arn).apply(definition)
        return aws.sfn.StateMachine("dealer-flow", role_arn=role.arn, definition=out, opts=opts)

    return build


def workflow_calls_own_api_jsonata(region: str) -> Build:
    # docs: as workflow_calls_own_api, in JSONata (`Arguments`, `{% %}` expressions for the path and body).
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        sfx = _suffix(region)
        api = aws.apigateway.RestApi(
            "dealer-api", name="dealer-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts
        )
        conn = aws.cloudwatch.EventConnection(
            "dealer-api-key", authorization_type="API_KEY",
            auth_parameters={"api_key": {"key": "x-api-key", "value": "example-key"}}, opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("dealer-flow-role", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)

        def definition(v: list[str]) -> str:
            api_id, conn_arn = v
            endpoint = f"https://{api_id}.execute-api.{region}.{sfx}/prod/dealers/"
            return json.dumps({"QueryLanguage": "JSONata", "StartAt": "Call", "States": {"Call": {
                "Type": "Task", "Resource": f"arn:{part}:states:::http:invoke", "End": True,
                "Arguments": {"ApiEndpoint": "{% '" + endpoint + "' & $states.input.dealerId %}", "Method": "POST",
                              "Authentication": {"ConnectionArn": conn_arn},
                              "RequestBody": "{% $states.input.order %}"}}}})  # fmt: skip

        out = pulumi.Output.all(api.id, conn.arn).apply(definition)
        return aws.sfn.StateMachine("dealer-flow", role_arn=role.arn, definition=out, opts=opts)

    return build


def workflow_http_format(region: str, endpoint: str) -> Build:
    # docs: sfn/statemachine, Step Functions "Call HTTPS APIs" and "Intrinsic functions" (States.Format); AWS CDK's
    # HttpInvoke (JSONPath) writes `"ApiEndpoint.$": "States.Format('{}/{}', '<apiRoot>', <apiEndpoint>)"`. The
    # workflow posts each dealer's order to `endpoint`, a States.Format expression ({api}: the stack's own API id).
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        api = aws.apigateway.RestApi(
            "dealer-api", name="dealer-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts
        )
        conn = aws.cloudwatch.EventConnection(
            "dealer-api-key", authorization_type="API_KEY",
            auth_parameters={"api_key": {"key": "x-api-key", "value": "example-key"}}, opts=opts,
        )  # fmt: skip
        role = aws.iam.Role("dealer-flow-role", assume_role_policy=_trust("states.amazonaws.com"), opts=opts)

        def definition(v: list[str]) -> str:
            api_id, conn_arn = v
            return json.dumps({"StartAt": "Call", "States": {"Call": {
                "Type": "Task", "Resource": f"arn:{part}:states:::http:invoke", "End": True,
                "Parameters": {"ApiEndpoint.$": endpoint.replace("{api}", api_id), "Method": "POST",
                               "Authentication": {"ConnectionArn": conn_arn},
                               "RequestBody.$": "$.order"}}}})  # fmt: skip

        out = pulumi.Output.all(api.id, conn.arn).apply(definition)
        return aws.sfn.StateMachine("dealer-flow", role_arn=role.arn, definition=out, opts=opts)

    return build


def cdk_api_endpoint(region: str) -> str:
    """The `ApiEndpoint.$` AWS CDK's HttpInvoke writes for the stack's API (`{api}`), the path from the input."""
    root = f"https://{{api}}.execute-api.{region}.{_suffix(region)}/prod"
    return f"States.Format('{{}}/{{}}', '{root}', States.Format('dealers/{{}}/orders', $.dealerId))"


# -- model ids -----------------------------------------------------------------------------------------------------


def model_ids(region: str, model: str, embed: str | None = None) -> Build:
    # docs: lambda/function environment (the service reads MODEL_ID / BEDROCK_MODEL_ID), bedrock/agentagent
    # (`foundation_model`), Bedrock "Supported Regions and models for inference profiles" (geographic profiles `eu.`,
    # `us.`, `jp.`, `apac.`; a model id without a prefix runs in the Region called).
    def build(c: Any) -> object:
        opts = _aws(region)
        _function(
            "service-summary", opts,
            {"MODEL_ID": model, "BEDROCK_MODEL_ID": model, "SUMMARY_MODEL_ID": model,
             "EMBEDDING_MODEL_ID": embed or "amazon.titan-embed-text-v2:0",
             "MODEL_ARN": f"arn:aws:bedrock:{region}::foundation-model/amazon.titan-embed-text-v2:0",
             "ETA_MODEL_ID": "fleet-eta-xgboost-2026-11"},
        )  # fmt: skip
        role = aws.iam.Role("agent-role", assume_role_policy=_trust("bedrock.amazonaws.com"), opts=opts)
        return aws.bedrock.AgentAgent(
            "assistant", agent_name="owner-assistant", agent_resource_role_arn=role.arn, foundation_model=model,
            instruction="Answer vehicle owners' questions about charging and service history.", opts=opts,
        )  # fmt: skip

    return build


def knowledge_base(region: str, embed: str) -> Build:
    # docs: bedrock/agentknowledgebase (`embedding_model_arn`: a foundation model ARN of the Region).
    def build(c: Any) -> object:
        opts = _aws(region)
        role = aws.iam.Role("kb-role", assume_role_policy=_trust("bedrock.amazonaws.com"), opts=opts)
        collection = aws.opensearch.ServerlessCollection("manuals", name="manuals", type="VECTORSEARCH", opts=opts)
        return aws.bedrock.AgentKnowledgeBase(
            "manuals", name="manuals", role_arn=role.arn,
            knowledge_base_configuration={"type": "VECTOR", "vector_knowledge_base_configuration": {
                "embedding_model_arn": f"arn:aws:bedrock:{region}::foundation-model/{embed}"}},
            storage_configuration={"type": "OPENSEARCH_SERVERLESS", "opensearch_serverless_configuration": {
                "collection_arn": collection.arn, "vector_index_name": "manuals",
                "field_mapping": {"vector_field": "embedding", "text_field": "text", "metadata_field": "metadata"}}},
            opts=opts,
        )  # fmt: skip

    return build


# -- Alibaba Cloud ---------------------------------------------------------------------------------------------------


def sls_etl_sinks(region: str, form: str) -> Build:
    # docs: log/etl (`etl_sinks[].endpoint`: "Delivery target logstore region"), SLS "Endpoints" (public
    # `<region>.log.aliyuncs.com`, internal `<region>-intranet.log.aliyuncs.com`, with or without https://), ram/role
    # (output `arn`). The job's role is made here and passed as `role.arn` (stop 46: a sink's write role names the
    # account receiving the logs, RES-023; the team's role ARN written out under this provider, which assumes no role,
    # proved no account).
    def build(c: Any) -> object:
        opts = _ali(region)
        role = alicloud.ram.Role(
            "etl",
            role_name=f"fleet-etl-{region}",
            assume_role_policy_document=_ram_trust("log.aliyuncs.com"),
            opts=opts,
        ).arn
        endpoint = {
            "public": f"{region}.log.aliyuncs.com",
            "intranet": f"{region}-intranet.log.aliyuncs.com",
            "https": f"https://{region}.log.aliyuncs.com",
            "region": region,
        }[form]
        store = alicloud.log.Store("trips", project_name=f"fleet-trips-{region}", logstore_name="trips", opts=opts)
        return alicloud.log.Etl(
            "mask-vin", etl_name="mask-vin", display_name="mask VIN", project=store.project_name,
            logstore=store.logstore_name, script="e_set('vin', str_slice(v('vin'), 0, 8))", role_arn=role,
            etl_sinks=[{"name": "central", "endpoint": endpoint, "project": f"fleet-central-{region}",
                        "logstore": "trips-masked", "role_arn": role}],
            opts=opts,
        )  # fmt: skip

    return build


def alb_zones(region: str, eip_type: str | None) -> Build:
    # docs: alb/loadbalancer (`zone_mappings`, `eip_type` optional; pulumi-alicloud's examples write `Common`).
    def build(c: Any) -> object:
        zones: Any = [{"vswitch_id": "vsw-0a1b2c3d4e5f", "zone_id": f"{region}-e"},
                      {"vswitch_id": "vsw-1b2c3d4e5f6a", "zone_id": f"{region}-f"}]  # fmt: skip
        if eip_type:
            for z in zones:
                z["eip_type"] = eip_type
        return alicloud.alb.LoadBalancer(
            "charging-portal", load_balancer_name="charging-portal", load_balancer_edition="Standard",
            address_type="Internet", vpc_id="vpc-0a1b2c3d4e5f", load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=zones, opts=_ali(region),
        )  # fmt: skip

    return build


def database_zones(region: str) -> Build:
    # docs: rds/instance (`zone_id_slave_a`, `zone_id_slave_b`), polardb/cluster (`standby_az`, hot standby storage):
    # the secondary zones in the stack's Region.
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.rds.Instance(
            "orders", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.2c", instance_storage=50,
            category="HighAvailability", db_instance_storage_type="cloud_essd", zone_id=f"{region}-l",
            zone_id_slave_a=f"{region}-m", vswitch_id="vsw-0a1b2c3d4e5f,vsw-1b2c3d4e5f6a", opts=opts,
        )  # fmt: skip
        return alicloud.polardb.Cluster(
            "trips", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large", pay_type="PostPaid",
            zone_id=f"{region}-l", standby_az=f"{region}-m", hot_standby_cluster="ON",
            vswitch_id="vsw-0a1b2c3d4e5f", opts=opts,
        )  # fmt: skip

    return build


def alarm_contacts(region: str, mail: str, phone: str) -> Build:
    # docs: schedulerx/job (`job_monitor_info.contact_infos`), schedulerx/appgroup (`monitor_contacts_json`),
    # cloudfirewall/useralarmconfig (`contact_configs`): the on-call team's mailbox and mainland mobile.
    def build(c: Any) -> object:
        opts = _ali(region)
        alicloud.schedulerx.Job(
            "settlement", namespace="fleet-prod", group_id="fleet.settlement", job_name="nightly-settlement",
            job_type="java", class_name="com.fleet.settlement.NightlyJob", execute_mode="standalone",
            time_config={"time_type": 1, "time_expression": "0 0 2 * * ?"},
            job_monitor_info={
                "contact_infos": [{"user_name": "settlement-oncall", "user_mail": mail, "user_phone": phone}],
                "monitor_config": {"timeout": 7200, "timeout_enable": True, "fail_enable": True,
                                   "send_channel": "sms,mail"}},
            opts=opts,
        )  # fmt: skip
        alicloud.schedulerx.AppGroup(
            "dispatch-workers", namespace="fleet-prod", namespace_name="fleet-prod", group_id="fleet.dispatch",
            app_name="dispatch-workers",
            monitor_config_json=json.dumps({"sendChannel": "sms,mail", "alarmType": "CustomContacts"}),
            monitor_contacts_json=json.dumps([{"userName": "dispatch-oncall", "userPhone": phone, "userMail": mail}]),
            opts=opts,
        )  # fmt: skip
        return alicloud.cloudfirewall.UserAlarmConfig(
            "firewall-alarms",
            alarm_configs=[{"alarm_type": "weeklyReport", "alarm_value": "on", "alarm_period": "1", "alarm_hour": "10",
                            "alarm_week_day": "1", "alarm_notify": "0"}],
            contact_configs=[{"name": "secops", "email": mail, "mobile_phone": phone, "status": "1"}],
            lang="zh", opts=opts,
        )  # fmt: skip

    return build


def event_notify_and_dataworks(region: str, webhook: str) -> Build:
    # docs: cms/eventnotifypolicy (channel_type CONTACT / GROUP / DUTY, receivers are ids), dataworks/dialarmrule
    # (receiver_type AliyunUid, WebHookUrl).
    def build(c: Any) -> object:
        opts = _ali(region)
        channels: Any = [
            {"channel_type": t, "receivers": ["6a2b1c3d-0f1e-4e5f-8a9b-0c1d2e3f4a5b"],
             "enabled_sub_channels": ["EMAIL", "SMS"]}
            for t in ("CONTACT", "GROUP", "DUTY")
        ]  # fmt: skip
        alicloud.cms.EventNotifyPolicy(
            "fleet-events", workspace="fleet-observability", name="fleet-critical-events",
            notify_strategy={"routes": [{"channels": channels}]}, opts=opts,
        )  # fmt: skip
        return alicloud.dataworks.DiAlarmRule(
            "sync-alarms", di_job_id=11792, di_alarm_rule_name="telemetry-sync-failures", metric_type="Heartbeat",
            trigger_conditions=[{"severity": "Warning", "duration": 10, "threshold": 1}],
            notification_settings={
                "notification_channels": [{"severity": "Warning", "channels": ["Mail", "Webhook"]}],
                "notification_receivers": [{"receiver_type": "AliyunUid", "receiver_values": ["2876543210123456"]},
                                           {"receiver_type": "WebHookUrl", "receiver_values": [webhook]}]},
            opts=opts,
        )  # fmt: skip

    return build


# -- placeholders and formats --------------------------------------------------------------------------------------


def templated_hosts_aws(region: str) -> Build:
    # docs: lambda/function environment — URL templates the code fills with printf / autoconf / token tools before
    # the Region's own service suffix, and the log and time formats the service writes with (Python logging
    # "LogRecord attributes", strftime, printf).
    def build(c: Any) -> object:
        sfx = _suffix(region)
        return _function(
            "owner-portal", _aws(region),
            {"API_HOST": f"__STAGE__-api.execute-api.{region}.{sfx}",
             "OBJECT_URL": f"https://%s.s3.{region}.{sfx}/%s",
             "QUEUE_ENDPOINT": f"https://sqs.{region}.{sfx}/{ACCOUNT}/%s",
             "INGEST_HOST": f"@STAGE@.execute-api.{region}.{sfx}",
             "LOG_FORMAT": "%(asctime)s.%(msecs)03d %(levelname)s %(name)s [%(threadName)s] %(message)s",
             "ACCESS_LOG_FORMAT": '%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"',
             "DATE_FORMAT": "%Y-%m-%dT%H:%M:%S%z", "ARCHIVE_KEY_FORMAT": "exports/%Y/%m/%d/%H%M%S.json.gz",
             "GREETING": "Hello %s, your vehicle %s is %d%% charged."},
        )  # fmt: skip

    return build


def templated_hosts_ali(region: str) -> Build:
    # docs: fc/v3function environment_variables — the same templates before OSS's and SLS's Regional suffixes.
    def build(c: Any) -> object:
        return alicloud.fc.V3Function(
            "owner-portal", function_name="owner-portal", runtime="python3.10", handler="index.handler",
            memory_size=512, code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={
                "OSS_URL_TEMPLATE": f"https://%s.oss-{region}.aliyuncs.com",
                "OSS_HOST": f"@BUCKET@.oss-{region}-internal.aliyuncs.com",
                "SLS_ENDPOINT": f"__PROJECT__.{region}-intranet.log.aliyuncs.com",
                "LOG_FORMAT": "%(asctime)s %(levelname)s %(name)s: %(message)s",
                "TIME_FORMAT": "%Y%m%d-%H%M%S",
            },
            opts=_ali(region),
        )  # fmt: skip

    return build


def route53_relative(region: str, zone: str) -> Build:
    # docs: route53/zone + route53/record — records named relative to the zone (the provider completes them), a
    # CNAME to the stack's load balancer, MX and a DMARC TXT record whose reports go to the zone's own mailbox.
    def build(c: Any) -> object:
        opts = _aws(region)
        sfx = _suffix(region)
        hosted = aws.route53.Zone("fleet", name=zone, opts=opts)
        aws.route53.Record(
            "portal", zone_id=hosted.zone_id, name="portal", type="CNAME", ttl=300,
            records=[f"dualstack.fleet-portal-1234567890.{region}.elb.{sfx}"], opts=opts,
        )  # fmt: skip
        aws.route53.Record(
            "www", zone_id=hosted.zone_id, name="www", type="CNAME", ttl=300, records=[f"portal.{zone}"], opts=opts
        )
        if not region.startswith("cn-"):  # SES receiving is not offered in the China Regions
            aws.route53.Record(
                "mx", zone_id=hosted.zone_id, name=zone, type="MX", ttl=300,
                records=[f"10 inbound-smtp.{region}.{sfx}"], opts=opts,
            )  # fmt: skip
        return aws.route53.Record(
            "dmarc", zone_id=hosted.zone_id, name="_dmarc", type="TXT", ttl=300,
            records=[f"v=DMARC1; p=quarantine; rua=mailto:dmarc@{zone}"], opts=opts,
        )  # fmt: skip

    return build


def bucket_host_variable(region: str, host: str) -> Build:
    # docs: lambda/function environment — the offending twin of bucket_domain_variables: LOG_BUCKET names a bucket
    # this stack does not make by its S3 host.
    def build(c: Any) -> object:
        opts = _aws(region)
        aws.s3.Bucket("cdn-logs", bucket=f"fleet-cdn-logs-{region}", opts=opts)
        return _function("log-shipper", opts, {"LOG_BUCKET": host})

    return build


def bucket_domain_variables(region: str) -> Build:
    # docs: s3/bucket outputs (`bucket_domain_name`: "the bucket domain name ... bucketname.s3.amazonaws.com",
    # `bucket_regional_domain_name`, `arn`), lambda/function environment: the log shipper is told its bucket by the
    # bucket's domain names and ARN, as the outputs give them.
    def build(c: Any) -> object:
        opts = _aws(region)
        logs = aws.s3.Bucket("cdn-logs", bucket=f"fleet-cdn-logs-{region}", opts=opts)
        return _function(
            "log-shipper", opts,
            {"LOG_BUCKET": logs.bucket_domain_name, "REGIONAL_LOG_BUCKET": logs.bucket_regional_domain_name,
             "ARCHIVE_BUCKET": logs.arn, "LOG_BUCKET_NAME": f"fleet-cdn-logs-{region}.s3.{region}.{_suffix(region)}"},
        )  # fmt: skip

    return build


def ali_db_variables(region: str, literal: bool = False) -> Build:
    # docs: rds/instance (`connection_string`), polardb/cluster (`connection_string`), fc/v3function
    # environment_variables: the trip service reads its writer and reader hosts from DB_WRITER / DB_READER.
    def build(c: Any) -> object:
        opts = _ali(region)
        rds = alicloud.rds.Instance(
            "orders", engine="MySQL", engine_version="8.0", instance_type="mysql.n2.medium.2c", instance_storage=50,
            db_instance_storage_type="cloud_essd", vswitch_id="vsw-0a1b2c3d4e5f", opts=opts,
        )  # fmt: skip
        polar = alicloud.polardb.Cluster(
            "trips", db_type="MySQL", db_version="8.0", db_node_class="polar.mysql.x4.large", pay_type="PostPaid",
            vswitch_id="vsw-0a1b2c3d4e5f", opts=opts,
        )  # fmt: skip
        env: dict[str, Any] = {"DB_WRITER": rds.connection_string, "DB_READER": polar.connection_string}
        if literal:
            env = {"DB_WRITER": "rm-uf6wjk5xxxxxxx.mysql.rds.aliyuncs.com", "DB_READER": "10.20.3.12"}
        return alicloud.fc.V3Function(
            "trip-service", function_name="trip-service", runtime="python3.10", handler="index.handler",
            memory_size=512, code={"zip_file": "UEsDBAoAAAAAAA=="}, environment_variables=env, opts=opts,
        )  # fmt: skip

    return build


def settings_elsewhere(region: str) -> Build:
    # docs: ssm/parameter (a named setting applications read), glue/job (`default_arguments`: "--TempDir", job
    # parameters), codebuild/project (`environment.environment_variables`, type PLAINTEXT / PARAMETER_STORE /
    # SECRETS_MANAGER: "the value is the name of the parameter / secret"). The export bucket and the database hosts
    # the stack makes, told to the jobs that use them.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        exports = aws.s3.Bucket("exports", bucket_prefix="owner-exports-", opts=opts)
        cluster = aws.rds.Cluster(
            "fleet-db", cluster_identifier="fleet-db", engine="aurora-postgresql", engine_version="16.4",
            master_username="fleet", manage_master_user_password=True, storage_encrypted=True,
            db_subnet_group_name="fleet-db", skip_final_snapshot=True, opts=opts,
        )  # fmt: skip
        aws.ssm.Parameter("export-bucket", name="/fleet/prod/export_bucket", type="String", value=exports.bucket,
                          opts=opts)  # fmt: skip
        aws.ssm.Parameter("db-reader", name="/fleet/prod/db_reader", type="String", value=cluster.reader_endpoint,
                          opts=opts)  # fmt: skip
        role = aws.iam.Role("etl-role", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
        aws.glue.Job(
            "owner-export", role_arn=role.arn, glue_version="4.0",
            command={"script_location": exports.bucket.apply(lambda b: f"s3://{b}/scripts/export.py")},
            default_arguments={"--TempDir": exports.bucket.apply(lambda b: f"s3://{b}/tmp/"),
                               "--output_bucket": exports.bucket, "--job-language": "python",
                               "--enable-metrics": "true"},
            opts=opts,
        )  # fmt: skip
        build_role = aws.iam.Role("build-role", assume_role_policy=_trust("codebuild.amazonaws.com"), opts=opts)
        return aws.codebuild.Project(
            "exporter-image", service_role=build_role.arn, artifacts={"type": "NO_ARTIFACTS"},
            source={"type": "CODECOMMIT",
                    "location": f"https://git-codecommit.{region}.{_suffix(region)}/v1/repos/exporter"},
            environment={"compute_type": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0",
                         "type": "LINUX_CONTAINER", "environment_variables": [
                             {"name": "EXPORT_BUCKET", "value": "/fleet/prod/export_bucket", "type": "PARAMETER_STORE"},
                             {"name": "DB_WRITER", "value": "fleet/prod/db-writer", "type": "SECRETS_MANAGER"},
                             {"name": "STAGING_BUCKET", "value": exports.bucket, "type": "PLAINTEXT"},
                             {"name": "AWS_PARTITION", "value": part, "type": "PLAINTEXT"}]},
            opts=opts,
        )  # fmt: skip

    return build


def script_assigns_own_bucket(region: str) -> Build:
    # docs: ec2/instance (`user_data`, a shell script run at boot), the AWS CLI `aws s3 cp` and `curl`: the script
    # assigns the stack's own bucket and API host to variables and uses them in URLs.
    def build(c: Any) -> object:
        opts = _aws(region)
        sfx = _suffix(region)
        bucket = aws.s3.Bucket("diag-uploads", bucket=f"fleet-diag-uploads-{region}", opts=opts)
        api = aws.apigateway.RestApi(
            "diag-api", name="diag-api", endpoint_configuration={"types": "REGIONAL"}, opts=opts
        )

        def script(v: list[str]) -> str:
            name, api_id = v
            return (
                "#!/bin/bash\nset -euo pipefail\n"
                f"BUCKET={name}\nAPI={api_id}.execute-api.{region}.{sfx}\n"
                'LOG_FILE="/var/log/diag-$(date +%Y%m%d-%H%M%S).log"\n'
                'printf "%s uploading %s\\n" "$(date -u +%FT%TZ)" "$LOG_FILE"\n'
                'aws s3 cp "$LOG_FILE" "s3://$BUCKET/diag/$(hostname)/"\n'
                'curl -fsS -X POST "https://${API}/prod/diag/ready"\n'
            )

        return aws.ec2.Instance(
            "diag-collector", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.micro",
            user_data=pulumi.Output.all(bucket.bucket, api.id).apply(script), opts=opts,
        )  # fmt: skip

    return build
