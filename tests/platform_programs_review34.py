"""Ordinary programs written next to this stop's new refusals (false-alarm review of stop 34's refusals).

Stop 34 judged new places: an ARN inside another ARN's resource part (API Gateway integration URIs naming a Lambda
function), nested AWS inputs (an MSK Replicator's self-managed brokers, Connect users' mail, a FinSpace DNS server, a
registered domain's glue IPs, AgentCore routing domains, Chime call records, ARC Region switch and DMS report buckets),
NAS mount targets written in SAE and E-HPC blocks, an ALB server group's remote IP, an Express Connect circuit's far
end, private DNS names under `.internal`, and InfluxDB buckets under `*_BUCKET`. Each builder is what an EV platform
team writes from the provider docs next to one of them: API Gateway REST and HTTP APIs integrating the stack's own
Lambda functions in every documented URI form (the function's invoke ARN, its ARN, an alias, a version, a stage
variable, another account of the same Region) and the AWS service integrations (Step Functions, S3, SQS, DynamoDB,
Kinesis, EventBridge), the stack's own buckets in every documented form, its own NAS mount targets, private addresses,
its internal load balancers and private zones. tests/test_realistic_programs.py runs them as CASES
(``falsealarm13-*``), in CN on both clouds, EU, DE, JP and US.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _trust

Build = Any

ACCOUNT = "123456789012"
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]
VPC = "vpc-0a1b2c3d4e5f60718"


def _partition(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def _suffix(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


# -- API Gateway integrations naming the stack's own Lambda functions ------------------------------------------------


def _invocations(region: str, function_arn: str) -> str:
    # docs: apigateway/integration — uri: "For AWS_PROXY ... the URI of the Lambda function ... in the form of
    # arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function_arn}/invocations".
    return f"arn:{_partition(region)}:apigateway:{region}:lambda:path/2015-03-31/functions/{function_arn}/invocations"


def rest_api_lambda(region: str, form: str) -> Build:
    # docs: apigateway/restapi (REGIONAL), apigateway/resource, apigateway/method, apigateway/integration (AWS_PROXY),
    # apigateway/deployment + stage (stage variables), lambda/alias, lambda/permission (source_arn the API's
    # execution_arn). The charging-session API's POST /sessions invokes the stack's function. `form`: `invoke-arn` the
    # function's invoke_arn output, `literal` the documented URI built from its ARN, `alias` its `live` alias,
    # `version` a published version, `stage-variable` `${stageVariables.alias}` after the function's ARN (the stage
    # says which alias), `cross-account` a function of another account of the same Region (the platform account's).
    def build(c: Any) -> object:
        opts = _aws(region)
        fn = _function("sessions-api", opts, {"TABLE": "charging-sessions"}, publish=True)
        alias = aws.lambda_.Alias("sessions-live", function_name=fn.name, function_version=fn.version, name="live",
                                  opts=opts)  # fmt: skip
        api = aws.apigateway.RestApi("sessions", name="charging-sessions",
                                     endpoint_configuration={"types": "REGIONAL"}, opts=opts)  # fmt: skip
        resource = aws.apigateway.Resource("sessions", rest_api=api.id, parent_id=api.root_resource_id,
                                           path_part="sessions", opts=opts)  # fmt: skip
        method = aws.apigateway.Method("post-sessions", rest_api=api.id, resource_id=resource.id, http_method="POST",
                                       authorization="AWS_IAM", opts=opts)  # fmt: skip
        if form == "invoke-arn":
            uri: Any = fn.invoke_arn
        elif form == "literal":
            uri = fn.arn.apply(lambda a: _invocations(region, a))
        elif form == "alias":
            uri = alias.invoke_arn
        elif form == "version":
            uri = pulumi.Output.all(fn.arn, fn.version).apply(lambda a: _invocations(region, f"{a[0]}:{a[1]}"))
        elif form == "stage-variable":
            uri = fn.arn.apply(lambda a: _invocations(region, a + ":${stageVariables.alias}"))
        else:  # cross-account, same Region
            other = f"arn:{_partition(region)}:lambda:{region}:210987654321:function:platform-sessions"
            uri = _invocations(region, other)
        integration = aws.apigateway.Integration(
            "post-sessions", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST", type="AWS_PROXY", uri=uri, opts=opts,
        )  # fmt: skip
        deployment = aws.apigateway.Deployment("sessions", rest_api=api.id,
                                               opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(
                                                   depends_on=[integration])))  # fmt: skip
        aws.apigateway.Stage("prod", rest_api=api.id, deployment=deployment.id, stage_name="prod",
                             variables={"alias": "live"}, opts=opts)  # fmt: skip
        target = alias.arn if form in ("alias", "stage-variable") else fn.name
        return aws.lambda_.Permission(
            "sessions-api-invoke", action="lambda:InvokeFunction", function=target,
            principal="apigateway.amazonaws.com", source_arn=api.execution_arn.apply(lambda a: f"{a}/*/POST/sessions"),
            opts=opts,
        )  # fmt: skip

    return build


def http_api_lambda(region: str, form: str) -> Build:
    # docs: apigatewayv2/api (HTTP), apigatewayv2/integration (AWS_PROXY, payload 2.0: integration_uri "For a Lambda
    # integration, specify the URI of a Lambda function", its ARN or invoke ARN), apigatewayv2/route, apigatewayv2/stage
    # (auto deploy), lambda/permission. The app's vehicle-status API. `form`: `arn`, `invoke-arn`, `alias-arn`.
    def build(c: Any) -> object:
        opts = _aws(region)
        fn = _function("vehicle-status", opts, {"REGION": region}, publish=True)
        alias = aws.lambda_.Alias("status-live", function_name=fn.name, function_version=fn.version, name="live",
                                  opts=opts)  # fmt: skip
        api = aws.apigatewayv2.Api("vehicle-status", name="vehicle-status", protocol_type="HTTP", opts=opts)
        uri = {"arn": fn.arn, "invoke-arn": fn.invoke_arn, "alias-arn": alias.arn}[form]
        integration = aws.apigatewayv2.Integration(
            "status", api_id=api.id, integration_type="AWS_PROXY", integration_uri=uri, integration_method="POST",
            payload_format_version="2.0", opts=opts,
        )  # fmt: skip
        aws.apigatewayv2.Route("get-status", api_id=api.id, route_key="GET /vehicles/{vin}/status",
                               target=integration.id.apply(lambda i: f"integrations/{i}"), opts=opts)  # fmt: skip
        aws.apigatewayv2.Stage("default", api_id=api.id, name="$default", auto_deploy=True, opts=opts)
        return aws.lambda_.Permission(
            "status-invoke", action="lambda:InvokeFunction", function=alias.arn if form == "alias-arn" else fn.name,
            principal="apigateway.amazonaws.com", source_arn=api.execution_arn.apply(lambda a: f"{a}/*/*"), opts=opts,
        )  # fmt: skip

    return build


def rest_api_service_integration(region: str, service: str, lambda_region: str | None = None) -> Build:
    # docs: apigateway/integration (type AWS: uri "arn:aws:apigateway:{region}:{subdomain.service|service}:
    # path|action/{service_api}", credentials the role API Gateway assumes, request_templates), the API Gateway
    # Developer Guide's tutorials (Step Functions StartExecution, an S3 proxy "arn:aws:apigateway:<region>:s3:path/
    # {bucket}/{object}", SQS "arn:aws:apigateway:<region>:sqs:path/<account>/<queue>", DynamoDB action/PutItem,
    # Kinesis action/PutRecord, EventBridge action/PutEvents). The fleet API hands requests straight to the stack's
    # service. `lambda_region`: the offending twin, a Lambda function of that Region behind the same API.
    def build(c: Any) -> object:
        opts = _aws(region)
        p = _partition(region)
        api = aws.apigateway.RestApi("fleet-ops", name="fleet-ops", endpoint_configuration={"types": "REGIONAL"},
                                     opts=opts)  # fmt: skip
        role = aws.iam.Role("apigw-integration", assume_role_policy=_trust("apigateway.amazonaws.com"), opts=opts)
        resource = aws.apigateway.Resource("ops", rest_api=api.id, parent_id=api.root_resource_id, path_part="ops",
                                           opts=opts)  # fmt: skip
        method = aws.apigateway.Method("post-ops", rest_api=api.id, resource_id=resource.id, http_method="POST",
                                       authorization="AWS_IAM", opts=opts)  # fmt: skip
        templates: Any = None
        params: Any = None
        if service == "states":
            machine = aws.sfn.StateMachine(
                "recall-campaign", role_arn=role.arn,
                definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}), opts=opts,
            )  # fmt: skip
            uri: Any = f"arn:{p}:apigateway:{region}:states:action/StartExecution"
            templates = machine.arn.apply(lambda a: {"application/json": json.dumps(
                {"input": "$util.escapeJavaScript($input.json('$'))", "stateMachineArn": a})})  # fmt: skip
        elif service == "s3-path":
            bucket = aws.s3.Bucket("uploads", bucket="fleet-diagnostic-uploads", opts=opts)
            uri = bucket.bucket.apply(lambda b: f"arn:{p}:apigateway:{region}:s3:path/{b}/{{key}}")
            params = {"integration.request.path.key": "method.request.path.key"}
        elif service == "s3-path-variable":
            aws.s3.Bucket("uploads", bucket="fleet-diagnostic-uploads", opts=opts)
            uri = f"arn:{p}:apigateway:{region}:s3:path/{{bucket}}/{{key}}"
            params = {"integration.request.path.bucket": "'fleet-diagnostic-uploads'",
                      "integration.request.path.key": "method.request.path.key"}  # fmt: skip
        elif service == "sqs":
            queue = aws.sqs.Queue("work-orders", name="work-orders", opts=opts)
            uri = queue.name.apply(lambda q: f"arn:{p}:apigateway:{region}:sqs:path/{ACCOUNT}/{q}")
            params = {"integration.request.header.Content-Type": "'application/x-www-form-urlencoded'"}
            templates = {"application/json": "Action=SendMessage&MessageBody=$util.urlEncode($input.body)"}
        elif service == "dynamodb":
            table = aws.dynamodb.Table("reservations", name="reservations", hash_key="id",
                                       billing_mode="PAY_PER_REQUEST", attributes=[{"name": "id", "type": "S"}],
                                       opts=opts)  # fmt: skip
            uri = f"arn:{p}:apigateway:{region}:dynamodb:action/PutItem"
            templates = table.name.apply(lambda t: {"application/json": json.dumps(
                {"TableName": t, "Item": {"id": {"S": "$context.requestId"}}})})  # fmt: skip
        elif service == "kinesis":
            stream = aws.kinesis.Stream("charger-events", name="charger-events", stream_mode_details={
                "stream_mode": "ON_DEMAND"}, opts=opts)  # fmt: skip
            uri = f"arn:{p}:apigateway:{region}:kinesis:action/PutRecord"
            templates = stream.name.apply(
                lambda s: {
                    "application/json": json.dumps(
                        {
                            "StreamName": s,
                            "Data": "$util.base64Encode($input.body)",
                            "PartitionKey": "$context.requestId",
                        }
                    )
                }
            )
        elif service == "events":
            bus = aws.cloudwatch.EventBus("fleet", name="fleet", opts=opts)
            uri = f"arn:{p}:apigateway:{region}:events:action/PutEvents"
            templates = bus.arn.apply(lambda b: {"application/json": json.dumps({"Entries": [
                {"EventBusName": b, "Source": "fleet.api", "DetailType": "ops", "Detail": "$util.escapeJavaScript("
                 "$input.body)"}]})})  # fmt: skip
        else:  # lambda
            fn_region = lambda_region or region
            fn_arn = f"arn:{p}:lambda:{fn_region}:{ACCOUNT}:function:fleet-ops"
            uri = f"arn:{p}:apigateway:{region}:lambda:path/2015-03-31/functions/{fn_arn}/invocations"
        return aws.apigateway.Integration(
            "ops-integration", rest_api=api.id, resource_id=resource.id, http_method=method.http_method,
            integration_http_method="POST" if service != "s3-path" else "PUT",
            type="AWS_PROXY" if service == "lambda" else "AWS", uri=uri,
            credentials=None if service == "lambda" else role.arn, request_templates=templates,
            request_parameters=params, opts=opts,
        )  # fmt: skip

    return build


def http_api_step_functions(region: str) -> Build:
    # docs: apigatewayv2/integration — an AWS service integration (integration_subtype StepFunctions-StartExecution,
    # request_parameters StateMachineArn / Input, credentials_arn).
    def build(c: Any) -> object:
        opts = _aws(region)
        role = aws.iam.Role("http-sfn", assume_role_policy=_trust("apigateway.amazonaws.com"), opts=opts)
        machine = aws.sfn.StateMachine(
            "ota-rollout", role_arn=role.arn,
            definition=json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}), opts=opts,
        )  # fmt: skip
        api = aws.apigatewayv2.Api("ota", name="ota", protocol_type="HTTP", opts=opts)
        return aws.apigatewayv2.Integration(
            "start-rollout", api_id=api.id, integration_type="AWS_PROXY",
            integration_subtype="StepFunctions-StartExecution", credentials_arn=role.arn,
            request_parameters={"StateMachineArn": machine.arn, "Input": "$request.body"},
            payload_format_version="1.0", opts=opts,
        )  # fmt: skip

    return build


# -- AWS nested inputs ----------------------------------------------------------------------------------------------


def msk_replicator_self_managed(region: str, brokers: str) -> Build:
    # docs: msk/replicator (kafka_clusters[].apache_kafka_cluster: apache_kafka_cluster_id, bootstrap_broker_string;
    # the target an MSK cluster by its ARN), msk/cluster. Migrating the plant's self-managed Kafka (on EC2 in the
    # stack's VPC, or on premises over Direct Connect) into the stack's MSK cluster. `brokers`: `ec2` the brokers'
    # EC2 private DNS names, `zone` names of the stack's private hosted zone, `instances` the brokers' private
    # addresses from the stack's EC2 instances, or a literal string.
    def build(c: Any) -> object:
        opts = _aws(region)
        role = aws.iam.Role("replicator-role", assume_role_policy=_trust("kafka.amazonaws.com"), opts=opts)
        target = aws.msk.Cluster(
            "telemetry", cluster_name="telemetry", kafka_version="3.6.0", number_of_broker_nodes=3,
            broker_node_group_info={"instance_type": "kafka.m7g.large", "client_subnets": [*SUBNETS, "subnet-2a"],
                                    "security_groups": ["sg-kafka"]},
            client_authentication={"sasl": {"iam": True}}, opts=opts,
        )  # fmt: skip
        bootstrap: Any
        if brokers == "ec2":
            domain = "ec2.internal" if region == "us-east-1" else f"{region}.compute.internal"
            bootstrap = ",".join(f"ip-10-40-5-1{n}.{domain}:9096" for n in (1, 2, 3))
        elif brokers == "zone":
            zone = aws.route53.Zone("plant-kafka", name="kafka.fleet.internal",
                                    vpcs=[{"vpc_id": VPC, "vpc_region": region}], opts=opts)  # fmt: skip
            for n in (1, 2, 3):
                aws.route53.Record(f"broker-{n}", zone_id=zone.zone_id, name=f"b{n}.kafka.fleet.internal", type="A",
                                   ttl=60, records=[f"10.40.5.1{n}"], opts=opts)  # fmt: skip
            bootstrap = "b1.kafka.fleet.internal:9096,b2.kafka.fleet.internal:9096,b3.kafka.fleet.internal:9096"
        elif brokers == "instances":
            nodes = [
                aws.ec2.Instance(
                    f"kafka-{n}",
                    ami="ami-0a1b2c3d4e5f60718",
                    instance_type="m7g.large",
                    subnet_id=SUBNETS[n % 2],
                    opts=opts,
                )
                for n in (1, 2, 3)
            ]
            bootstrap = pulumi.Output.all(*[n.private_ip for n in nodes]).apply(
                lambda ips: ",".join(f"{ip}:9096" for ip in ips)
            )
        else:
            bootstrap = brokers
        vpc: Any = {"subnet_ids": SUBNETS, "security_groups_ids": ["sg-kafka"]}
        return aws.msk.Replicator(
            "plant-migration", replicator_name="plant-migration", service_execution_role_arn=role.arn,
            kafka_clusters=[
                {"apache_kafka_cluster": {"apache_kafka_cluster_id": "plant-kafka", "bootstrap_broker_string":
                                          bootstrap}, "vpc_config": vpc},
                {"amazon_msk_cluster": {"msk_cluster_arn": target.arn}, "vpc_config": vpc},
            ],
            replication_info_list={
                "source_kafka_cluster_id": "plant-kafka", "target_kafka_cluster_arn": target.arn,
                "target_compression_type": "NONE", "topic_replications": [{"topics_to_replicates": ["plant-.*"]}],
                "consumer_group_replications": [{"consumer_groups_to_replicates": [".*"]}],
            },
            opts=opts,
        )  # fmt: skip

    return build


def connect_agents(region: str, domain: str) -> Build:
    # docs: connect/instance, connect/user (identity_info: first_name, last_name, email, secondary_email), the
    # after-sales hotline's agents with the company's mail (the company's mail domain declared as resident).
    def build(c: Any) -> object:
        opts = _aws(region)
        instance = aws.connect.Instance(
            "hotline", identity_management_type="CONNECT_MANAGED", inbound_calls_enabled=True,
            outbound_calls_enabled=True, instance_alias="fleet-hotline", opts=opts,
        )  # fmt: skip
        last: Any = None
        for name, first, sur in (("mkoch", "Maria", "Koch"), ("tsato", "Taro", "Sato")):
            last = aws.connect.User(
                f"agent-{name}", instance_id=instance.id, name=name, password="Passw0rd-Example",
                routing_profile_id="rp-11111111", security_profile_ids=["sp-22222222"],
                phone_config={"phone_type": "SOFT_PHONE", "after_contact_work_time_limit": 60},
                identity_info={"first_name": first, "last_name": sur, "email": f"{name}@{domain}",
                               "secondary_email": f"hotline-team@{domain}"},
                opts=opts,
            )  # fmt: skip
        return last

    return build


def finspace_private_dns(region: str) -> Build:
    # docs: finspace/kxenvironment (custom_dns_configurations: the on-premises resolvers' private addresses, reached
    # over the transit gateway).
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("kdb", description="kdb environment", opts=opts)
        return aws.finspace.KxEnvironment(
            "kdb", name="battery-analytics", kms_key_id=key.arn,
            transit_gateway_configuration={"transit_gateway_id": "tgw-0123456789abcdef0",
                                           "routable_cidr_space": "100.64.0.0/26"},
            custom_dns_configurations=[
                {"custom_dns_server_name": "dns1", "custom_dns_server_ip": "10.20.0.2"},
                {"custom_dns_server_name": "dns2", "custom_dns_server_ip": "10.20.1.2"},
            ],
            opts=opts,
        )  # fmt: skip

    return build


def registered_domain_own_zone(region: str) -> Build:
    # docs: route53/zone, route53domains/registereddomain (name_servers from the zone's name_servers output; no glue
    # IPs: Route 53's name servers are not under the domain).
    def build(c: Any) -> object:
        opts = _aws(region)
        zone = aws.route53.Zone("charging", name="charge-fleet.example.com", opts=opts)
        return aws.route53domains.RegisteredDomain(
            "charging", domain_name="charge-fleet.example.com", auto_renew=True, transfer_lock=True,
            name_servers=zone.name_servers.apply(lambda ns: [{"name": n} for n in ns]), opts=opts,
        )  # fmt: skip

    return build


def agentcore_routing(region: str, via: str) -> Build:
    # docs: elasticloadbalancingv2 (an internal ALB, its dns_name output), vpclattice/service (its dns_entries),
    # ec2/vpcendpoint, route53/zone + record (a private zone), bedrock/agentcoregatewaytarget (private_endpoint.
    # managed_vpc_resource.routing_domain: "Intermediate domain (e.g. a VPCE or ALB DNS name) to use instead of the
    # actual target domain"). The service assistant's MCP server in the stack's VPC, reached through `via`.
    def build(c: Any) -> object:
        opts = _aws(region)
        routing: Any
        endpoint = "https://parts-mcp.fleet.internal/mcp"
        zone = aws.route53.Zone("mcp", name="fleet.internal", vpcs=[{"vpc_id": VPC, "vpc_region": region}], opts=opts)
        if via == "alb-output":
            alb = aws.lb.LoadBalancer("mcp", name="parts-mcp", internal=True, load_balancer_type="application",
                                      subnets=SUBNETS, opts=opts)  # fmt: skip
            routing = alb.dns_name
        elif via == "alb-literal":
            routing = f"internal-parts-mcp-1234567890.{region}.elb.{_suffix(region)}"
        elif via == "lattice":
            svc = aws.vpclattice.Service("mcp", name="parts-mcp", auth_type="AWS_IAM", opts=opts)
            # The service's generated domain (dns_entries[0].domain_name; the test mocks give none, so its documented
            # shape <name>-<id>.<hash>.vpc-lattice-svcs.<region>.on.aws stands in).
            shape = f"parts-mcp-0a1b2c3d4e5f60718.7d67968.vpc-lattice-svcs.{region}.on.aws"
            routing = svc.dns_entries.apply(lambda d: d[0]["domain_name"] if d else shape)
        elif via == "lattice-literal":
            routing = f"parts-mcp-0a1b2c3d4e5f60718.7d67968.vpc-lattice-svcs.{region}.on.aws"
        elif via == "vpce-literal":
            routing = f"vpce-0a1b2c3d4e5f60718-abcdefgh.vpce-svc-0a1b2c3d4e5f60718.{region}.vpce.{_suffix(region)}"
        else:  # the private zone's own name for the ALB
            alb = aws.lb.LoadBalancer("mcp", name="parts-mcp", internal=True, load_balancer_type="application",
                                      subnets=SUBNETS, opts=opts)  # fmt: skip
            aws.route53.Record("mcp-alias", zone_id=zone.zone_id, name="mcp-lb.fleet.internal", type="A",
                               aliases=[{"name": alb.dns_name, "zone_id": alb.zone_id,
                                         "evaluate_target_health": True}], opts=opts)  # fmt: skip
            routing = "mcp-lb.fleet.internal"
        aws.route53.Record("mcp", zone_id=zone.zone_id, name="parts-mcp.fleet.internal", type="A", ttl=60,
                           records=["10.40.8.20"], opts=opts)  # fmt: skip
        return aws.bedrock.AgentcoreGatewayTarget(
            "parts-mcp", gateway_identifier="assistant-gw-1a2b3c4d5e", name="parts-mcp",
            target_configuration={"mcp": {"mcp_server": {"endpoint": endpoint}}},
            private_endpoint={"managed_vpc_resource": {
                "vpc_identifier": VPC, "subnet_ids": SUBNETS, "endpoint_ip_address_type": "IPV4",
                "routing_domain": routing}},
            opts=opts,
        )  # fmt: skip

    return build


def chime_cdr(region: str, form: str) -> Build:
    # docs: s3/bucket, chime/sdkvoiceglobalsettings (voice_connector.cdr_bucket: the bucket's name). `form`: `output`
    # the bucket's `bucket` output, `id` its id, `literal` the name the stack gives it.
    def build(c: Any) -> object:
        opts = _aws(region)
        bucket = aws.s3.Bucket("call-records", bucket="fleet-hotline-call-records", opts=opts)
        value: Any = {"output": bucket.bucket, "id": bucket.id, "literal": "fleet-hotline-call-records"}[form]
        return aws.chime.SdkvoiceGlobalSettings("voice", voice_connector={"cdr_bucket": value}, opts=opts)

    return build


def region_switch_reports(primary: str, standby: str, form: str) -> Build:
    # docs: arcregionswitch/plan (report_configurations.report_outputs.s3_configurations.bucket_path: "bucket-name or
    # bucket-name/prefix", the pattern allowing s3://). `form`: `bare` the name, `prefix` name/prefix, `s3` s3:// URL.
    def build(c: Any) -> object:
        opts = _aws(primary)
        bucket = aws.s3.Bucket("switch-reports", bucket="fleet-region-switch-reports", opts=opts)
        role = aws.iam.Role("switch-role", assume_role_policy=_trust("arc-region-switch.amazonaws.com"), opts=opts)
        path = bucket.bucket.apply(
            lambda b: {"bare": b, "prefix": f"{b}/reports/fleet", "s3": f"s3://{b}/reports/"}[form]
        )
        return aws.arcregionswitch.Plan(
            "fleet-failover", name="fleet-failover", execution_role=role.arn, recovery_approach="activePassive",
            regions=[primary, standby], primary_region=primary,
            workflows=[{"workflow_target_action": "activate", "workflow_target_region": standby}],
            report_configurations=[{"report_outputs": [{"s3_configurations": [
                {"bucket_path": path, "bucket_owner": ACCOUNT}]}]}],
            opts=opts,
        )  # fmt: skip

    return build


def dms_schema_conversion(region: str, form: str) -> Build:
    # docs: dms/migrationproject (schema_conversion_application_attributes.s3_bucket_path, s3_bucket_role_arn). The
    # dealer database's assessment reports into the stack's bucket: `bare`, `prefix`, `s3`, `arn`.
    def build(c: Any) -> object:
        opts = _aws(region)
        p = _partition(region)
        bucket = aws.s3.Bucket("sct-reports", bucket="fleet-dealer-sct-reports", opts=opts)
        path = bucket.bucket.apply(
            lambda b: {"bare": b, "prefix": f"{b}/sct/2026", "s3": f"s3://{b}/sct/", "arn": f"arn:{p}:s3:::{b}/sct"}[
                form
            ]
        )
        arn = f"arn:{p}:dms:{region}:{ACCOUNT}:data-provider:"
        return aws.dms.MigrationProject(
            "dealer-db", name="dealer-db", instance_profile_arn=f"arn:{p}:dms:{region}:{ACCOUNT}:instance-profile:ip1",
            source_data_provider_descriptors=[{"data_provider_arn": arn + "oracle-src"}],
            target_data_provider_descriptors=[{"data_provider_arn": arn + "aurora-tgt"}],
            schema_conversion_application_attributes={"s3_bucket_path": path,
                                                      "s3_bucket_role_arn": f"arn:{p}:iam::{ACCOUNT}:role/sct"},
            opts=opts,
        )  # fmt: skip

    return build


def influxdb_bucket_variable(region: str, bucket: str, how: str = "literal", told: str | None = None) -> Build:
    # docs: timestreaminfluxdb/dbinstance (bucket: "Name of the initial InfluxDB bucket", organization, its endpoint
    # output), lambda/function environment. The charger telemetry writer is told the database's bucket under
    # INFLUXDB_BUCKET (InfluxDB bucket names may hold capitals). `how`: `literal` the name written again, `output` the
    # instance's `bucket` output. `told`: the offending twin, another bucket name under the same variable.
    def build(c: Any) -> object:
        opts = _aws(region)
        db = aws.timestreaminfluxdb.DbInstance(
            "charger-telemetry", name="charger-telemetry", db_instance_type="db.influx.medium", allocated_storage=20,
            bucket=bucket, organization="fleet", username="admin", password="Influx-Example-2026",
            vpc_subnet_ids=SUBNETS, vpc_security_group_ids=["sg-influx"], publicly_accessible=False, opts=opts,
        )  # fmt: skip
        env: Any = {
            "INFLUXDB_BUCKET": told or (db.bucket if how == "output" else bucket),
            "INFLUXDB_ORG": "fleet",
            "INFLUXDB_TOKEN_SECRET": "fleet/influxdb/writer-token",
        }
        return _function("charger-writer", opts, env)

    return build


# -- Alibaba Cloud -------------------------------------------------------------------------------------------------


def sae_nas_mount(region: str, zone: str, form: str) -> Build:
    # docs: alicloud nas/filesystem (Performance, Capacity; extreme), nas/mounttarget (its mount_target_domain
    # output), sae/application (nas_configs: nas_id, mount_domain, nas_path, mount_path). The invoice service writes its
    # PDFs to the stack's NAS. `form`: `output` the mount target's domain, `literal` the domain written out,
    # `extreme` an Extreme NAS mount target written out.
    def build(c: Any) -> object:
        opts = _ali(region)
        nas = alicloud.nas.FileSystem("invoices", protocol_type="NFS", storage_type="Capacity", zone_id=zone,
                                      opts=opts)  # fmt: skip
        mount = alicloud.nas.MountTarget("invoices", file_system_id=nas.id, vswitch_id="vsw-1", opts=opts)
        domain: Any = {
            "output": mount.mount_target_domain,
            "literal": f"0a1b2c3d4e-xk71.{region}.nas.aliyuncs.com",
            "extreme": f"extreme-0a1b2c3d4e-xk71.{region}.extreme.nas.aliyuncs.com",
        }[form]
        ns = alicloud.sae.Namespace("fleet", namespace_id=f"{region}:fleet", namespace_name="fleet", opts=opts)
        return alicloud.sae.Application(
            "invoice-service", app_name="invoices", package_type="Image", replicas=2, cpu=1000, memory=2048,
            vpc_id="vpc-1", vswitch_id="vsw-1", namespace_id=ns.namespace_id,
            image_url=f"registry-vpc.{region}.aliyuncs.com/fleet/invoices:1.8",
            nas_configs=[{"nas_id": nas.id, "mount_domain": domain, "nas_path": "/invoices",
                          "mount_path": "/data/invoices", "read_only": False}],
            opts=opts,
        )  # fmt: skip

    return build


def ehpc_shared_storage(region: str, form: str) -> Build:
    # docs: alicloud nas/filesystem + nas/mounttarget, ehpc/clusterv2 (shared_storages[].mount_target_domain) — the
    # battery simulation cluster's home directory on the stack's NAS.
    def build(c: Any) -> object:
        opts = _ali(region)
        nas = alicloud.nas.FileSystem("sim-home", protocol_type="NFS", storage_type="Performance", opts=opts)
        mount = alicloud.nas.MountTarget("sim-home", file_system_id=nas.id, vswitch_id="vsw-1", opts=opts)
        domain: Any = mount.mount_target_domain if form == "output" else f"0a1b2c3d4e-qp24.{region}.nas.aliyuncs.com"
        return alicloud.ehpc.ClusterV2(
            "battery-sim", cluster_name="battery-sim", cluster_category="Standard", cluster_mode="Integrated",
            cluster_vpc_id="vpc-1", cluster_vswitch_id="vsw-1", security_group_id="sg-1",
            cluster_credentials={"password": "Sim-Cluster-2026!"},
            shared_storages=[{"file_system_id": nas.id, "mount_target_domain": domain, "nas_directory": "/home",
                              "mount_directory": "/home", "protocol_type": "NFS"}],
            opts=opts,
        )  # fmt: skip

    return build


def ehpc_v1_volumes(region: str, form: str) -> Build:
    # docs: alicloud ehpc/cluster (volume_id / volume_mountpoint, additional_volumes[].volume_mountpoint): the solver's
    # main and scratch shares on two of the stack's NAS file systems.
    def build(c: Any) -> object:
        opts = _ali(region)
        main = alicloud.nas.FileSystem("solver-main", protocol_type="NFS", storage_type="Performance", opts=opts)
        main_mt = alicloud.nas.MountTarget("solver-main", file_system_id=main.id, vswitch_id="vsw-1", opts=opts)
        scratch = alicloud.nas.FileSystem("solver-scratch", protocol_type="NFS", storage_type="Capacity", opts=opts)
        scratch_mt = alicloud.nas.MountTarget("solver-scratch", file_system_id=scratch.id, vswitch_id="vsw-1",
                                              opts=opts)  # fmt: skip
        first: Any = main_mt.mount_target_domain
        second: Any = scratch_mt.mount_target_domain
        if form != "output":
            first, second = f"0a1b2c3d4e-xk71.{region}.nas.aliyuncs.com", f"5f6e7d8c9b-qp24.{region}.nas.aliyuncs.com"
        return alicloud.ehpc.Cluster(
            "solver", cluster_name="solver", compute_count=4, compute_instance_type="ecs.c7.4xlarge", login_count=1,
            login_instance_type="ecs.c7.large", manager_instance_type="ecs.c7.large", os_tag="CentOS_7.6_64",
            vswitch_id="vsw-1", volume_type="NAS", volume_protocol="NFS", volume_id=main.id,
            volume_mountpoint=first, remote_directory="/",
            additional_volumes=[{"volume_id": scratch.id, "volume_mountpoint": second,
                                 "remote_directory": "/scratch", "local_directory": "/scratch",
                                 "volume_protocol": "NFS", "volume_type": "NAS"}],
            opts=opts,
        )  # fmt: skip

    return build


def express_connect_idc(region: str, access_point: str, peer_location: str) -> Build:
    # docs: alicloud expressconnect/physicalconnection (access_point_id, line_operator CT, peer_location, port_type,
    # bandwidth), expressconnect/virtualborderrouter, expressconnect/routerinterface is not needed for a VBR-to-VPC
    # path through a CEN transit router (cen/instance, cen/transitroutervbrattachment).
    def build(c: Any) -> object:
        opts = _ali(region)
        circuit = alicloud.expressconnect.PhysicalConnection(
            "plant-line", access_point_id=access_point, line_operator="CT", peer_location=peer_location,
            physical_connection_name="plant-line", port_type="10GBase-LR", bandwidth="10000",
            description="plant MES to the VPC", opts=opts,
        )  # fmt: skip
        vbr = alicloud.expressconnect.VirtualBorderRouter(
            "plant-vbr", physical_connection_id=circuit.id, vlan_id=210, local_gateway_ip="10.110.0.1",
            peer_gateway_ip="10.110.0.2", peering_subnet_mask="255.255.255.252",
            virtual_border_router_name="plant-vbr", opts=opts,
        )  # fmt: skip
        cen = alicloud.cen.Instance("fleet", cen_instance_name="fleet", opts=opts)
        tr = alicloud.cen.TransitRouter("fleet", cen_id=cen.id, opts=opts)
        return alicloud.cen.TransitRouterVbrAttachment(
            "plant-vbr", cen_id=cen.id, transit_router_id=tr.transit_router_id, vbr_id=vbr.id, opts=opts
        )

    return build


def alb_ip_server_group(region: str, servers: list[tuple[str, bool]]) -> Build:
    # docs: alicloud alb/servergroup (server_group_type Ip, servers[]: server_id / server_ip, server_type Ip, port,
    # weight, remote_ip_enabled: a remote address "not in the VPC", reached over CEN / Express Connect / VPN). The
    # dealer API's servers: ECS in the VPC, an IDC reached over Express Connect, a peer VPC over CEN.
    def build(c: Any) -> object:
        opts = _ali(region)
        return alicloud.alb.ServerGroup(
            "dealer-api", server_group_name="dealer-api", server_group_type="Ip", vpc_id="vpc-1", protocol="HTTP",
            health_check_config={"health_check_enabled": True, "health_check_path": "/healthz",
                                 "health_check_protocol": "HTTP", "health_check_codes": ["http_2xx"]},
            sticky_session_config={"sticky_session_enabled": False},
            servers=[{"server_id": ip, "server_ip": ip, "server_type": "Ip", "port": 8080, "weight": 100,
                      "remote_ip_enabled": remote} for ip, remote in servers],
            opts=opts,
        )  # fmt: skip

    return build


def alb_instance_server_group(region: str, zone: str) -> Build:
    # docs: alicloud ecs/instance, alb/servergroup (server_group_type Instance, servers[] server_type Ecs with the
    # instance's private address).
    def build(c: Any) -> object:
        opts = _ali(region)
        nodes = [
            alicloud.ecs.Instance(
                f"dealer-api-{n}",
                instance_type="ecs.g7.large",
                image_id="aliyun_3_x64_20G_alibase",
                vswitch_id="vsw-1",
                security_groups=["sg-1"],
                availability_zone=zone,
                opts=opts,
            )
            for n in (1, 2)
        ]
        return alicloud.alb.ServerGroup(
            "dealer-api", server_group_name="dealer-api", server_group_type="Instance", vpc_id="vpc-1", protocol="HTTP",
            health_check_config={"health_check_enabled": True, "health_check_path": "/healthz"},
            sticky_session_config={"sticky_session_enabled": False},
            servers=[{"server_id": n.id, "server_ip": n.private_ip, "server_type": "Ecs", "port": 8080, "weight": 100}
                     for n in nodes],
            opts=opts,
        )  # fmt: skip

    return build


def ali_private_zone_app(region: str, zone: str) -> Build:
    # docs: alicloud pvtz/zone, pvtz/zoneattachment, pvtz/zonerecord (A and CNAME), fc/v3function environment. The
    # order service reaches the PolarDB cluster and its cache by names of the stack's private zone.
    def build(c: Any) -> object:
        opts = _ali(region)
        pz = alicloud.pvtz.Zone("fleet", zone_name=zone, opts=opts)
        alicloud.pvtz.ZoneAttachment("fleet", zone_id=pz.id, vpc_ids=["vpc-1"], opts=opts)
        alicloud.pvtz.ZoneRecord("db", zone_id=pz.id, rr="db", type="A", value="10.60.2.15", ttl=60, opts=opts)
        alicloud.pvtz.ZoneRecord("cache", zone_id=pz.id, rr="cache", type="A", value="10.60.3.7", ttl=60, opts=opts)
        alicloud.pvtz.ZoneRecord("orders-db", zone_id=pz.id, rr="orders-db", type="CNAME", value=f"db.{zone}",
                                 ttl=60, opts=opts)  # fmt: skip
        return alicloud.fc.V3Function(
            "orders", function_name="orders", runtime="python3.10", handler="index.handler", memory_size=512,
            code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            environment_variables={"DB_HOST": f"orders-db.{zone}", "REDIS_URL": f"redis://cache.{zone}:6379/0"},
            vpc_config={"vpc_id": "vpc-1", "vswitch_ids": ["vsw-1"], "security_group_id": "sg-1"},
            opts=opts,
        )  # fmt: skip

    return build


def ecs_task_private_zone(region: str) -> Build:
    # docs: route53/zone (private, vpcs), route53/record, ecs/taskdefinition (container_definitions environment
    # name/value pairs), timestreaminfluxdb/dbinstance. The charger gateway's containers reach their database, cache
    # and the InfluxDB bucket by the stack's names.
    def build(c: Any) -> object:
        opts = _aws(region)
        zone = aws.route53.Zone("fleet", name="fleet.internal", vpcs=[{"vpc_id": VPC, "vpc_region": region}],
                                opts=opts)  # fmt: skip
        aws.route53.Record("db", zone_id=zone.zone_id, name="db", type="A", ttl=60, records=["10.40.2.15"], opts=opts)
        aws.route53.Record("writer", zone_id=zone.zone_id, name="writer.fleet.internal", type="CNAME", ttl=60,
                           records=["db.fleet.internal"], opts=opts)  # fmt: skip
        aws.timestreaminfluxdb.DbInstance(
            "charger-metrics", name="charger-metrics", db_instance_type="db.influx.medium", allocated_storage=20,
            bucket="charger_metrics", organization="fleet", username="admin", password="Influx-Example-2026",
            vpc_subnet_ids=SUBNETS, vpc_security_group_ids=["sg-influx"], publicly_accessible=False, opts=opts,
        )  # fmt: skip
        containers = json.dumps([{
            "name": "gateway", "image": f"{ACCOUNT}.dkr.ecr.{region}.{_suffix(region)}/charger-gateway:3.1",
            "essential": True, "portMappings": [{"containerPort": 8080}],
            "environment": [{"name": "DB_HOST", "value": "writer.fleet.internal"},
                            {"name": "INFLUXDB_BUCKET", "value": "charger_metrics"}],
        }])  # fmt: skip
        return aws.ecs.TaskDefinition(
            "charger-gateway", family="charger-gateway", requires_compatibilities=["FARGATE"], network_mode="awsvpc",
            cpu="512", memory="1024", container_definitions=containers, opts=opts,
        )  # fmt: skip

    return build
