"""Ordinary 2025-2026 platform programs on services the table had few or none of (false-alarm hunt, stop 34).

Each builder is what an EV maker's platform team writes from the Pulumi registry examples (pulumi-aws v7,
pulumi-alicloud) and the AWS / Alibaba Cloud docs for a service launched or reshaped in 2024-2026: S3 Tables, S3
Express One Zone, Aurora DSQL and Aurora Limitless, Bedrock Guardrails / Prompt management / AgentCore, EKS Pod
Identity and Auto Mode, ECS Service Connect, VPC Lattice, Verified Access, Resource Explorer, Network Firewall, IoT Core
with Timestream, Kinesis Video, MemoryDB, OpenSearch Serverless with an ingestion pipeline, Glue Data Quality, DataZone,
Lake Formation tags, Security Lake, logically air-gapped Backup vaults; on Alibaba Cloud FC 3.0 triggers, SAE,
PolarDB-X, Lindorm, Hologres, MaxCompute / DataWorks, EventBridge, MNS, RocketMQ 5, Kafka, SLS alerts and scheduled
SQL, KMS instances, Cloud Firewall, WAF 3, ALB / NLB, CEN transit routers inside the mainland, OSS replication inside
the mainland and the IoT Platform. Every one stays in the jurisdiction of the region it is given.
tests/test_realistic_programs.py runs them as CASES (``falsealarm12-*``).
"""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_programs import _ali, _aws, _function, _policy, _ram_trust, _trust

Build = Any

ACCOUNT = "123456789012"


def _partition(region: str) -> str:
    return "aws-cn" if region.startswith("cn-") else "aws"


def _suffix(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def _vpc(opts: pulumi.ResourceOptions, region: str, n: int = 2) -> tuple[Any, list[Any]]:
    vpc = aws.ec2.Vpc("vpc", cidr_block="10.20.0.0/16", enable_dns_hostnames=True, opts=opts)
    subnets = [
        aws.ec2.Subnet(
            f"private-{i}",
            vpc_id=vpc.id,
            cidr_block=f"10.20.{i}.0/24",
            availability_zone=f"{region}{'abc'[i]}",
            opts=opts,
        )
        for i in range(n)
    ]
    return vpc, subnets


def _ali_vpc(opts: pulumi.ResourceOptions, zone: str) -> tuple[Any, Any]:
    vpc = alicloud.vpc.Network("vpc", vpc_name="fleet", cidr_block="172.16.0.0/12", opts=opts)
    vsw = alicloud.vpc.Switch("vsw", vpc_id=vpc.id, cidr_block="172.16.0.0/21", zone_id=zone, opts=opts)
    return vpc, vsw


# -- AWS: S3 Tables, S3 Express One Zone ---------------------------------------------------------------------------


def s3_tables_lakehouse(region: str) -> Build:
    # docs: s3tables/tablebucket, s3tables/namespace, s3tables/table (format ICEBERG), s3tables/tablebucketpolicy; "S3
    # Tables" user guide: the table bucket ARN is arn:aws:s3tables:<region>:<account>:bucket/<name>. The telemetry
    # lakehouse: a table bucket encrypted with the stack's key, a namespace and a table, a policy letting the account's
    # analytics role read it.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("tables-key", description="S3 Tables telemetry", opts=opts)
        bucket = aws.s3tables.TableBucket(
            "telemetry-tables",
            name="ev-telemetry-tables",
            encryption_configuration={"sse_algorithm": "aws:kms", "kms_key_arn": key.arn},
            maintenance_configuration={
                "iceberg_unreferenced_file_removal": {
                    "status": "enabled",
                    "settings": {"non_current_days": 10, "unreferenced_days": 3},
                }
            },
            opts=opts,
        )
        ns = aws.s3tables.Namespace("trips", namespace="trips", table_bucket_arn=bucket.arn, opts=opts)
        aws.s3tables.Table(
            "trip-summary",
            name="trip_summary",
            namespace=ns.namespace,
            table_bucket_arn=bucket.arn,
            format="ICEBERG",
            metadata={
                "iceberg": {
                    "schema": {
                        "fields": [
                            {"name": "vin", "type": "string", "required": True},
                            {"name": "started_at", "type": "timestamp"},
                            {"name": "energy_kwh", "type": "double"},
                        ]
                    }
                }
            },
            opts=opts,
        )
        analytics = aws.iam.Role("analytics", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)
        return aws.s3tables.TableBucketPolicy(
            "telemetry-tables-policy",
            table_bucket_arn=bucket.arn,
            resource_policy=pulumi.Output.all(bucket.arn, analytics.arn).apply(
                lambda a: _policy(
                    [
                        {
                            "Effect": "Allow",
                            "Principal": {"AWS": a[1]},
                            "Action": [
                                "s3tables:GetTableData",
                                "s3tables:GetTableMetadataLocation",
                                "s3tables:GetTable",
                            ],
                            "Resource": [a[0], f"{a[0]}/table/*"],
                        },
                    ]
                )
            ),
            opts=opts,
        )

    return build


def s3_express_cache(region: str, zone_id: str) -> Build:
    # docs: s3/directorybucket ("bucket: Name of the bucket. The name must be in the format
    # [bucket_name]--[azid]--x-s3"; location {name: the Availability Zone ID, type AvailabilityZone}), S3 User Guide
    # "Directory buckets naming rules". A per-AZ cache of decoded CAN frames for the training jobs, read by a Lambda
    # through its env.
    def build(c: Any) -> object:
        opts = _aws(region)
        cache = aws.s3.DirectoryBucket(
            "frames-cache",
            bucket=f"ev-frames-cache--{zone_id}--x-s3",
            location={"name": zone_id, "type": "AvailabilityZone"},
            force_destroy=True,
            opts=opts,
        )
        return _function("frame-reader", opts, {"CACHE_BUCKET": cache.bucket, "CACHE_AZ": zone_id})

    return build


# -- AWS: Aurora DSQL, Aurora Limitless ------------------------------------------------------------------------------


def aurora_dsql(region: str, peers: tuple[str, str] | None = None) -> Build:
    # docs: dsql/cluster (deletion_protection_enabled, kms_encryption_key, multi_region_properties {witness_region}),
    # dsql/clusterpeering (clusters: the peer's ARN, witness_region); Aurora DSQL User Guide "Multi-Region clusters"
    # (peers and witness in one Region set). The charging-session ledger; `peers` = (second Region, witness Region).
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("dsql-key", description="charging ledger", opts=opts)
        if peers is None:
            cluster = aws.dsql.Cluster(
                "ledger", deletion_protection_enabled=True, kms_encryption_key=key.arn, opts=opts
            )
            return _function("ledger-api", opts, {"DSQL_CLUSTER": cluster.identifier, "DSQL_REGION": region})
        second, witness = peers
        other = _aws(second)
        first = aws.dsql.Cluster("ledger-1", multi_region_properties={"witness_region": witness}, opts=opts)
        peer = aws.dsql.Cluster("ledger-2", multi_region_properties={"witness_region": witness}, opts=other)
        aws.dsql.ClusterPeering(
            "peering-1", identifier=first.identifier, clusters=[peer.arn], witness_region=witness, opts=opts
        )
        return aws.dsql.ClusterPeering(
            "peering-2", identifier=peer.identifier, clusters=[first.arn], witness_region=witness, opts=other
        )

    return build


def aurora_limitless(region: str) -> Build:
    # docs: rds/cluster (engine aurora-postgresql, cluster_scalability_type "limitless", storage_type aurora-iopt1,
    # performance insights and enhanced monitoring required), rds/shardgroup (db_cluster_identifier, max_acu). The
    # charging-history store sharded by VIN.
    def build(c: Any) -> object:
        opts = _aws(region)
        monitoring = aws.iam.Role(
            "rds-monitoring", assume_role_policy=_trust("monitoring.rds.amazonaws.com"), opts=opts
        )
        cluster = aws.rds.Cluster(
            "charging-history",
            cluster_identifier="charging-history",
            engine="aurora-postgresql",
            engine_version="16.6-limitless",
            cluster_scalability_type="limitless",
            storage_type="aurora-iopt1",
            master_username="fleetadmin",
            manage_master_user_password=True,
            storage_encrypted=True,
            performance_insights_enabled=True,
            performance_insights_retention_period=31,
            monitoring_interval=5,
            monitoring_role_arn=monitoring.arn,
            enabled_cloudwatch_logs_exports=["postgresql"],
            skip_final_snapshot=True,
            opts=opts,
        )
        return aws.rds.ShardGroup(
            "charging-shards",
            db_cluster_identifier=cluster.cluster_identifier,
            db_shard_group_identifier="charging-shards",
            max_acu=768,
            min_acu=96,
            compute_redundancy=1,
            opts=opts,
        )

    return build


# -- AWS: Bedrock Guardrails, Prompt management, Knowledge Bases; AgentCore ----------------------------------------


def bedrock_guardrail_prompt(region: str, model: str) -> Build:
    # docs: bedrock/guardrail (content / sensitive-information / topic policies, kms_key_arn), bedrock/guardrailversion,
    # bedrock/agentprompt (variants with model_id, template_configuration.text); Bedrock User Guide "Prompt
    # management". The in-car assistant's guardrail (VINs and plates anonymised) and its prompt on a model of the
    # Region.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("assistant-key", description="assistant guardrail and prompts", opts=opts)
        guardrail = aws.bedrock.Guardrail(
            "assistant-guardrail",
            name="in-car-assistant",
            kms_key_arn=key.arn,
            blocked_input_messaging="Sorry, I can't help with that.",
            blocked_outputs_messaging="Sorry, I can't answer that.",
            content_policy_config={
                "filters_configs": [
                    {"type": "HATE", "input_strength": "HIGH", "output_strength": "HIGH"},
                    {"type": "VIOLENCE", "input_strength": "MEDIUM", "output_strength": "MEDIUM"},
                ]
            },
            sensitive_information_policy_config={
                "pii_entities_configs": [
                    {"type": "VEHICLE_IDENTIFICATION_NUMBER", "action": "ANONYMIZE"},
                    {"type": "LICENSE_PLATE", "action": "ANONYMIZE"},
                ],
                "regexes_configs": [{"name": "contract-id", "pattern": "EVC-[0-9]{8}", "action": "BLOCK"}],
            },
            topic_policy_config={
                "topics_configs": [
                    {
                        "name": "investment",
                        "type": "DENY",
                        "definition": "Investment or financial advice.",
                        "examples": ["Should I buy shares?"],
                    }
                ]
            },
            opts=opts,
        )
        aws.bedrock.GuardrailVersion(
            "assistant-guardrail-v1", guardrail_arn=guardrail.guardrail_arn, description="launch", opts=opts
        )
        return aws.bedrock.AgentPrompt(
            "charging-tips",
            name="charging-tips",
            customer_encryption_key_arn=key.arn,
            default_variant="v1",
            variants=[
                {
                    "name": "v1",
                    "model_id": model,
                    "template_type": "TEXT",
                    "inference_configuration": {"text": {"max_tokens": 512, "temperature": 0.2, "top_p": 0.9}},
                    "template_configuration": {
                        "text": {
                            "text": "Suggest charging stops near {{location}} for a {{model}} with {{soc}}% charge.",
                            "input_variables": [{"name": "location"}, {"name": "model"}, {"name": "soc"}],
                        }
                    },
                }
            ],
            opts=opts,
        )

    return build


def bedrock_knowledge_base(region: str) -> Build:
    # docs: opensearch/serverlesssecuritypolicy, opensearch/serverlessaccesspolicy, opensearch/serverlesscollection
    # (type VECTORSEARCH), bedrock/agentknowledgebase (vector knowledge base, embedding_model_arn a foundation model ARN
    # of the Region, opensearch_serverless_configuration), bedrock/agentdatasource (S3 bucket_arn). The service-manual
    # knowledge base of the in-car assistant.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        manuals = aws.s3.Bucket("service-manuals", opts=opts)
        aws.opensearch.ServerlessSecurityPolicy(
            "kb-encryption",
            name="manuals-kb",
            type="encryption",
            policy=json.dumps(
                {"Rules": [{"ResourceType": "collection", "Resource": ["collection/manuals-kb"]}], "AWSOwnedKey": True}
            ),
            opts=opts,
        )
        collection = aws.opensearch.ServerlessCollection(
            "manuals-kb", name="manuals-kb", type="VECTORSEARCH", opts=opts
        )
        role = aws.iam.Role("kb-role", assume_role_policy=_trust("bedrock.amazonaws.com"), opts=opts)
        kb = aws.bedrock.AgentKnowledgeBase(
            "manuals",
            name="service-manuals",
            role_arn=role.arn,
            knowledge_base_configuration={
                "type": "VECTOR",
                "vector_knowledge_base_configuration": {
                    "embedding_model_arn": f"arn:{part}:bedrock:{region}::foundation-model/amazon.titan-embed-text-v2:0"
                },
            },
            storage_configuration={
                "type": "OPENSEARCH_SERVERLESS",
                "opensearch_serverless_configuration": {
                    "collection_arn": collection.arn,
                    "vector_index_name": "bedrock-knowledge-base-default-index",
                    "field_mapping": {
                        "vector_field": "bedrock-knowledge-base-default-vector",
                        "text_field": "AMAZON_BEDROCK_TEXT_CHUNK",
                        "metadata_field": "AMAZON_BEDROCK_METADATA",
                    },
                },
            },
            opts=opts,
        )
        return aws.bedrock.AgentDataSource(
            "manuals-source",
            knowledge_base_id=kb.id,
            name="manuals-s3",
            data_source_configuration={
                "type": "S3",
                "s3_configuration": {"bucket_arn": manuals.arn, "inclusion_prefixes": ["en/", "de/"]},
            },
            opts=opts,
        )

    return build


def agentcore_runtime(region: str) -> Build:
    # docs: bedrock/agentcoreagentruntime (agent_runtime_artifact.container_configuration.container_uri an ECR image,
    # network_configuration network_mode PUBLIC, environment_variables), bedrock/agentcoreagentruntimeendpoint,
    # bedrock/agentcorememory (event_expiry_duration, encryption_key_arn), bedrock/agentcoreworkloadidentity; AgentCore
    # Developer Guide "Host agent or tools with Amazon Bedrock AgentCore Runtime". The service-booking agent.
    def build(c: Any) -> object:
        opts = _aws(region)
        repo = aws.ecr.Repository("booking-agent", image_scanning_configuration={"scan_on_push": True}, opts=opts)
        key = aws.kms.Key("agent-memory-key", description="agent memory", opts=opts)
        memory = aws.bedrock.AgentcoreMemory(
            "booking-memory", name="booking_memory", event_expiry_duration=30, encryption_key_arn=key.arn, opts=opts
        )
        aws.bedrock.AgentcoreWorkloadIdentity("booking-identity", name="booking-agent", opts=opts)
        role = aws.iam.Role("agent-runtime", assume_role_policy=_trust("bedrock-agentcore.amazonaws.com"), opts=opts)
        runtime = aws.bedrock.AgentcoreAgentRuntime(
            "booking-agent",
            agent_runtime_name="booking_agent",
            role_arn=role.arn,
            agent_runtime_artifact={
                "container_configuration": {"container_uri": repo.repository_url.apply(lambda u: f"{u}:2026.01")}
            },
            network_configuration={"network_mode": "PUBLIC"},
            protocol_configuration={"server_protocol": "HTTP"},
            environment_variables={"MEMORY_ID": memory.id, "AWS_REGION": region, "LOG_LEVEL": "INFO"},
            opts=opts,
        )
        return aws.bedrock.AgentcoreAgentRuntimeEndpoint(
            "booking-agent-prod", agent_runtime_id=runtime.agent_runtime_id, name="prod", opts=opts
        )

    return build


# -- AWS: EKS Pod Identity and Auto Mode, ECS Service Connect --------------------------------------------------------


def eks_auto_mode_pod_identity(region: str) -> Build:
    # docs: eks/cluster (compute_config {enabled, node_pools ["general-purpose", "system"], node_role_arn},
    # kubernetes_network_config.elastic_load_balancing, storage_config.block_storage, access_config
    # authentication_mode API, bootstrap_self_managed_addons False: EKS Auto Mode), eks/podidentityassociation, EKS
    # User Guide "Learn how EKS Pod Identity grants pods access to AWS services" (trust pods.eks.amazonaws.com).
    def build(c: Any) -> object:
        opts = _aws(region)
        _, subnets = _vpc(opts, region)
        cluster_role = aws.iam.Role("cluster", assume_role_policy=_trust("eks.amazonaws.com"), opts=opts)
        node_role = aws.iam.Role("nodes", assume_role_policy=_trust("ec2.amazonaws.com"), opts=opts)
        cluster = aws.eks.Cluster(
            "fleet",
            role_arn=cluster_role.arn,
            version="1.33",
            bootstrap_self_managed_addons=False,
            access_config={"authentication_mode": "API"},
            compute_config={
                "enabled": True,
                "node_pools": ["general-purpose", "system"],
                "node_role_arn": node_role.arn,
            },
            kubernetes_network_config={"elastic_load_balancing": {"enabled": True}},
            storage_config={"block_storage": {"enabled": True}},
            vpc_config={
                "subnet_ids": [s.id for s in subnets],
                "endpoint_private_access": True,
                "endpoint_public_access": False,
            },
            opts=opts,
        )
        workload = aws.iam.Role(
            "ota-worker",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "pods.eks.amazonaws.com"},
                            "Action": ["sts:AssumeRole", "sts:TagSession"],
                        }
                    ],
                }
            ),
            opts=opts,
        )
        return aws.eks.PodIdentityAssociation(
            "ota-worker",
            cluster_name=cluster.name,
            namespace="ota",
            service_account="ota-worker",
            role_arn=workload.arn,
            opts=opts,
        )

    return build


def ecs_service_connect(region: str, proxy_log_region: str | None = None) -> Build:
    # docs: servicediscovery/httpnamespace, ecs/cluster (service_connect_defaults.namespace), ecs/service
    # (service_connect_configuration {namespace, services [{port_name, discovery_name, client_alias}], log_configuration
    # awslogs}); ECS Developer Guide "Service Connect". The charging API reaching the pricing service by name.
    # `proxy_log_region`: the offending twin, the Service Connect proxy's logs shipped to another Region's log group.
    def build(c: Any) -> object:
        opts = _aws(region)
        _, subnets = _vpc(opts, region)
        ns = aws.servicediscovery.HttpNamespace("fleet-ns", name="fleet.internal", opts=opts)
        logs = aws.cloudwatch.LogGroup("service-connect", retention_in_days=30, opts=opts)
        cluster = aws.ecs.Cluster(
            "fleet",
            service_connect_defaults={"namespace": ns.arn},
            settings=[{"name": "containerInsights", "value": "enhanced"}],
            opts=opts,
        )
        role = aws.iam.Role("task-exec", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        task = aws.ecs.TaskDefinition(
            "pricing-task",
            family="pricing",
            requires_compatibilities=["FARGATE"],
            network_mode="awsvpc",
            cpu="512",
            memory="1024",
            execution_role_arn=role.arn,
            container_definitions=logs.name.apply(
                lambda g: json.dumps(
                    [
                        {
                            "name": "pricing",
                            "image": f"{ACCOUNT}.dkr.ecr.{region}.{_suffix(region)}/pricing:1.4.0",
                            "essential": True,
                            "portMappings": [{"name": "http", "containerPort": 8080, "appProtocol": "http"}],
                            "logConfiguration": {
                                "logDriver": "awslogs",
                                "options": {
                                    "awslogs-group": g,
                                    "awslogs-region": region,
                                    "awslogs-stream-prefix": "pricing",
                                },
                            },
                        }
                    ]
                )
            ),
            opts=opts,
        )
        return aws.ecs.Service(
            "pricing",
            cluster=cluster.arn,
            task_definition=task.arn,
            desired_count=2,
            launch_type="FARGATE",
            network_configuration={"subnets": [s.id for s in subnets]},
            service_connect_configuration={
                "enabled": True,
                "namespace": ns.arn,
                "services": [
                    {
                        "port_name": "http",
                        "discovery_name": "pricing",
                        "client_alias": [{"port": 80, "dns_name": "pricing.fleet.internal"}],
                    }
                ],
                "log_configuration": {
                    "log_driver": "awslogs",
                    "options": {
                        "awslogs-group": logs.name,
                        "awslogs-region": proxy_log_region or region,
                        "awslogs-stream-prefix": "envoy",
                    },
                },
            },
            opts=opts,
        )

    return build


# -- AWS: VPC Lattice, Verified Access, Resource Explorer, Network Firewall -------------------------------------------


def vpc_lattice_service(region: str) -> Build:
    # docs: vpclattice/servicenetwork, vpclattice/service (auth_type AWS_IAM), vpclattice/targetgroup (type LAMBDA),
    # vpclattice/listener (default_action.forward), vpclattice/servicenetworkserviceassociation, vpclattice/authpolicy,
    # vpclattice/accesslogsubscription (destination a log group). The warranty-claims service shared across VPCs.
    def build(c: Any) -> object:
        opts = _aws(region)
        network = aws.vpclattice.ServiceNetwork("fleet-services", name="fleet-services", auth_type="AWS_IAM", opts=opts)
        service = aws.vpclattice.Service("warranty", name="warranty-claims", auth_type="AWS_IAM", opts=opts)
        fn = _function("warranty-handler", opts)
        tg = aws.vpclattice.TargetGroup(
            "warranty-fn", name="warranty-fn", type="LAMBDA", config={"lambda_event_structure_version": "V2"}, opts=opts
        )
        aws.vpclattice.TargetGroupAttachment(
            "warranty-fn", target_group_identifier=tg.id, target={"id": fn.arn}, opts=opts
        )
        # Any: a plain dict is no SDK input TypedDict for mypy.
        forward: Any = {"forward": {"target_groups": [{"target_group_identifier": tg.id, "weight": 100}]}}
        aws.vpclattice.Listener(
            "https",
            name="https",
            protocol="HTTPS",
            port=443,
            service_identifier=service.id,
            default_action=forward,
            opts=opts,
        )
        aws.vpclattice.ServiceNetworkServiceAssociation(
            "warranty", service_identifier=service.id, service_network_identifier=network.id, opts=opts
        )
        logs = aws.cloudwatch.LogGroup("lattice-access", retention_in_days=90, opts=opts)
        aws.vpclattice.AccessLogSubscription(
            "network-logs", resource_identifier=network.id, destination_arn=logs.arn, opts=opts
        )
        return aws.vpclattice.AuthPolicy(
            "warranty-auth",
            resource_identifier=service.arn,
            policy=pulumi.Output.all(service.arn, network.arn).apply(
                lambda a: _policy(
                    [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": "vpc-lattice-svcs:Invoke",
                            "Resource": f"{a[0]}/*",
                            "Condition": {
                                "StringEquals": {
                                    "vpc-lattice-svcs:ServiceNetworkArn": a[1],
                                    "aws:PrincipalAccount": ACCOUNT,
                                }
                            },
                        }
                    ]
                )
            ),
            opts=opts,
        )

    return build


def verified_access_dealer_portal(region: str) -> Build:
    # docs: verifiedaccess/trustprovider (trust_provider_type user, user_trust_provider_type iam-identity-center),
    # verifiedaccess/instance, verifiedaccess/instancetrustproviderattachment, verifiedaccess/group, verifiedaccess/
    # endpoint (endpoint_type load-balancer), verifiedaccess/instanceloggingconfiguration (cloudwatch_logs). The dealer
    # service portal behind Verified Access instead of a VPN.
    def build(c: Any) -> object:
        opts = _aws(region)
        vpc, subnets = _vpc(opts, region)
        sg = aws.ec2.SecurityGroup("portal", vpc_id=vpc.id, opts=opts)
        alb = aws.lb.LoadBalancer(
            "portal",
            internal=True,
            load_balancer_type="application",
            subnets=[s.id for s in subnets],
            security_groups=[sg.id],
            opts=opts,
        )
        cert = aws.acm.Certificate(
            "portal", domain_name="dealers.fleet.example.com", validation_method="DNS", opts=opts
        )
        provider = aws.verifiedaccess.TrustProvider(
            "identity-center",
            policy_reference_name="idc",
            trust_provider_type="user",
            user_trust_provider_type="iam-identity-center",
            opts=opts,
        )
        instance = aws.verifiedaccess.Instance("dealers", description="dealer portal", opts=opts)
        attach = aws.verifiedaccess.InstanceTrustProviderAttachment(
            "dealers-idc",
            verifiedaccess_instance_id=instance.id,
            verifiedaccess_trust_provider_id=provider.id,
            opts=opts,
        )
        group = aws.verifiedaccess.Group(
            "dealers",
            verifiedaccess_instance_id=instance.id,
            policy_document='permit(principal, action, resource) when { context.idc.groups has "dealer-staff" };',
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[attach])),
        )
        logs = aws.cloudwatch.LogGroup("verified-access", retention_in_days=90, opts=opts)
        aws.verifiedaccess.InstanceLoggingConfiguration(
            "dealers-logs",
            verifiedaccess_instance_id=instance.id,
            access_logs={"cloudwatch_logs": {"enabled": True, "log_group": logs.name}, "include_trust_context": True},
            opts=opts,
        )
        return aws.verifiedaccess.Endpoint(
            "portal",
            verified_access_group_id=group.id,
            endpoint_type="load-balancer",
            attachment_type="vpc",
            application_domain="dealers.fleet.example.com",
            domain_certificate_arn=cert.arn,
            endpoint_domain_prefix="dealers",
            security_group_ids=[sg.id],
            load_balancer_options={
                "load_balancer_arn": alb.arn,
                "port": 443,
                "protocol": "https",
                "subnet_ids": [s.id for s in subnets],
            },
            opts=opts,
        )

    return build


def resource_explorer_local(region: str) -> Build:
    # docs: resourceexplorer/index (type LOCAL: "indexes resources only in the Region where it is created"),
    # resourceexplorer/view (filters filter_string, included_properties tags, default_view). An inventory of the
    # stack's Region for the platform on-call.
    def build(c: Any) -> object:
        opts = _aws(region)
        index = aws.resourceexplorer.Index("local", type="LOCAL", opts=opts)
        return aws.resourceexplorer.View(
            "fleet-inventory",
            name="fleet-inventory",
            default_view=True,
            filters={"filter_string": f"region:{region} tag:team=fleet-platform"},
            included_properties=[{"name": "tags"}],
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[index])),
        )

    return build


def network_firewall_egress(region: str) -> Build:
    # docs: networkfirewall/rulegroup (STATEFUL, rules_source_list generated_rules_type DENYLIST / ALLOWLIST,
    # target_types TLS_SNI HTTP_HOST), networkfirewall/firewallpolicy, networkfirewall/firewall (subnet_mapping),
    # networkfirewall/loggingconfiguration (S3 and CloudWatch Logs). The workshop VPC's egress: the Region's own AWS
    # endpoints allowed, known ad / tracker domains denied, flow and alert logs kept in the Region.
    def build(c: Any) -> object:
        opts = _aws(region)
        vpc, subnets = _vpc(opts, region)
        allow = aws.networkfirewall.RuleGroup(
            "aws-endpoints",
            name="aws-endpoints",
            capacity=100,
            type="STATEFUL",
            rule_group={
                "rules_source": {
                    "rules_source_list": {
                        "generated_rules_type": "ALLOWLIST",
                        "target_types": ["TLS_SNI", "HTTP_HOST"],
                        "targets": [f".{region}.{_suffix(region)}", f"s3.{region}.{_suffix(region)}"],
                    }
                }
            },
            opts=opts,
        )
        deny = aws.networkfirewall.RuleGroup(
            "trackers",
            name="trackers",
            capacity=100,
            type="STATEFUL",
            rule_group={
                "rules_source": {
                    "rules_source_list": {
                        "generated_rules_type": "DENYLIST",
                        "target_types": ["TLS_SNI", "HTTP_HOST"],
                        "targets": [".doubleclick.net", ".google-analytics.com", "telemetry.example-tracker.com"],
                    }
                }
            },
            opts=opts,
        )
        policy = aws.networkfirewall.FirewallPolicy(
            "egress",
            name="egress",
            firewall_policy={
                "stateless_default_actions": ["aws:forward_to_sfe"],
                "stateless_fragment_default_actions": ["aws:forward_to_sfe"],
                "stateful_rule_group_references": [{"resource_arn": deny.arn}, {"resource_arn": allow.arn}],
            },
            opts=opts,
        )
        firewall = aws.networkfirewall.Firewall(
            "egress",
            name="workshop-egress",
            firewall_policy_arn=policy.arn,
            vpc_id=vpc.id,
            subnet_mappings=[{"subnet_id": s.id} for s in subnets],
            delete_protection=True,
            opts=opts,
        )
        logs = aws.s3.Bucket("firewall-flow-logs", opts=opts)
        alerts = aws.cloudwatch.LogGroup("firewall-alerts", retention_in_days=180, opts=opts)
        return aws.networkfirewall.LoggingConfiguration(
            "egress",
            firewall_arn=firewall.arn,
            logging_configuration={
                "log_destination_configs": [
                    {
                        "log_destination": {"bucketName": logs.bucket, "prefix": "flow"},
                        "log_destination_type": "S3",
                        "log_type": "FLOW",
                    },
                    {
                        "log_destination": {"logGroup": alerts.name},
                        "log_destination_type": "CloudWatchLogs",
                        "log_type": "ALERT",
                    },
                ]
            },
            opts=opts,
        )

    return build


# -- AWS: vehicle data (IoT Core, Timestream, Kinesis Video), MemoryDB, OpenSearch ingestion --------------------------


def iot_timestream(region: str) -> Build:
    # docs: timestreamwrite/database (kms_key_id), timestreamwrite/table (magnetic store writes with rejected-data
    # report to S3), iot/topicrule (timestream action {database_name, table_name, dimensions, role_arn}, error_action
    # s3). Battery cell voltages from the vehicles' MQTT topic into Timestream.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("timestream-key", description="battery telemetry", opts=opts)
        rejected = aws.s3.Bucket("timestream-rejected", opts=opts)
        db = aws.timestreamwrite.Database("battery", database_name="battery", kms_key_id=key.arn, opts=opts)
        table = aws.timestreamwrite.Table(
            "cell-voltages",
            database_name=db.database_name,
            table_name="cell_voltages",
            retention_properties={
                "memory_store_retention_period_in_hours": 24,
                "magnetic_store_retention_period_in_days": 365,
            },
            magnetic_store_write_properties={
                "enable_magnetic_store_writes": True,
                "magnetic_store_rejected_data_location": {
                    "s3_configuration": {"bucket_name": rejected.bucket, "encryption_option": "SSE_S3"}
                },
            },
            opts=opts,
        )
        role = aws.iam.Role("iot-timestream", assume_role_policy=_trust("iot.amazonaws.com"), opts=opts)
        return aws.iot.TopicRule(
            "cell-voltages",
            name="cell_voltages",
            enabled=True,
            sql_version="2016-03-23",
            sql="SELECT cell, voltage FROM 'ev/+/bms/cells'",
            timestreams=[
                {
                    "database_name": db.database_name,
                    "table_name": table.table_name,
                    "role_arn": role.arn,
                    "dimensions": [{"name": "vin", "value": "${topic(2)}"}],
                    "timestamp": {"unit": "MILLISECONDS", "value": "${timestamp()}"},
                }
            ],
            error_action={"s3": {"bucket_name": rejected.bucket, "key": "errors/${newuuid()}", "role_arn": role.arn}},
            opts=opts,
        )

    return build


def kinesis_video_dashcam(region: str) -> Build:
    # docs: kinesis/videostream (data_retention_in_hours, kms_key_id, media_type), iot/rolealias (the credentials
    # provider for devices), iot/policy; Kinesis Video Streams Developer Guide "Controlling access to Kinesis Video
    # Streams resources using AWS IoT". Dashcam clips uploaded after an incident.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        key = aws.kms.Key("kvs-key", description="dashcam video", opts=opts)
        stream = aws.kinesis.VideoStream(
            "dashcam",
            name="dashcam-incidents",
            data_retention_in_hours=72,
            kms_key_id=key.arn,
            media_type="video/h264",
            opts=opts,
        )
        role = aws.iam.Role("kvs-devices", assume_role_policy=_trust("credentials.iot.amazonaws.com"), opts=opts)
        alias = aws.iot.RoleAlias("dashcam", alias="dashcam-kvs", role_arn=role.arn, opts=opts)
        return aws.iot.Policy(
            "dashcam-credentials",
            name="dashcam-credentials",
            policy=pulumi.Output.all(alias.arn, stream.arn).apply(
                lambda a: _policy(
                    [
                        {"Effect": "Allow", "Action": "iot:AssumeRoleWithCertificate", "Resource": a[0]},
                        {
                            "Effect": "Allow",
                            "Action": "iot:Connect",
                            "Resource": f"arn:{part}:iot:{region}:{ACCOUNT}:client/${{iot:Connection.Thing.ThingName}}",
                        },
                    ]
                )
            ),
            opts=opts,
        )

    return build


def memorydb_sessions(region: str) -> Build:
    # docs: memorydb/user (access_string, authentication_mode iam), memorydb/acl, memorydb/subnetgroup, memorydb/cluster
    # (engine valkey, tls_enabled, kms_key_arn, sns_topic_arn, snapshot_retention_limit). App sessions and digital-key
    # state.
    def build(c: Any) -> object:
        opts = _aws(region)
        _, subnets = _vpc(opts, region)
        key = aws.kms.Key("memorydb-key", description="session store", opts=opts)
        topic = aws.sns.Topic("memorydb-events", opts=opts)
        user = aws.memorydb.User(
            "app",
            user_name="app",
            access_string="on ~session:* +@all -@dangerous",
            authentication_mode={"type": "iam"},
            opts=opts,
        )
        acl = aws.memorydb.Acl("app", name="app", user_names=[user.user_name], opts=opts)
        group = aws.memorydb.SubnetGroup("sessions", name="sessions", subnet_ids=[s.id for s in subnets], opts=opts)
        return aws.memorydb.Cluster(
            "sessions",
            name="sessions",
            engine="valkey",
            engine_version="7.3",
            node_type="db.r7g.large",
            num_shards=2,
            num_replicas_per_shard=1,
            acl_name=acl.name,
            subnet_group_name=group.name,
            tls_enabled=True,
            kms_key_arn=key.arn,
            sns_topic_arn=topic.arn,
            snapshot_retention_limit=7,
            opts=opts,
        )

    return build


def opensearch_ingestion(region: str) -> Build:
    # docs: opensearch/serverlesssecuritypolicy (encryption), opensearch/serverlesscollection (TIMESERIES),
    # opensearchingest/pipeline (pipeline_configuration_body: the Data Prepper YAML with an http source and an
    # opensearch sink whose hosts are the collection endpoint and aws {sts_role_arn, region, serverless true}),
    # log_publishing_options to a log group. Diagnostic trouble codes from the workshop tools searched by technicians.
    def build(c: Any) -> object:
        opts = _aws(region)
        aws.opensearch.ServerlessSecurityPolicy(
            "dtc-encryption",
            name="dtc-events",
            type="encryption",
            policy=json.dumps(
                {"Rules": [{"ResourceType": "collection", "Resource": ["collection/dtc-events"]}], "AWSOwnedKey": True}
            ),
            opts=opts,
        )
        collection = aws.opensearch.ServerlessCollection("dtc-events", name="dtc-events", type="TIMESERIES", opts=opts)
        role = aws.iam.Role("osis", assume_role_policy=_trust("osis-pipelines.amazonaws.com"), opts=opts)
        logs = aws.cloudwatch.LogGroup(
            "osis-dtc", name="/aws/vendedlogs/OpenSearchIngestion/dtc/audit-logs", retention_in_days=30, opts=opts
        )

        def body(a: list[str]) -> str:
            return (
                "version: '2'\n"
                "dtc-pipeline:\n"
                "  source:\n"
                "    http:\n"
                "      path: /workshop/dtc\n"
                "  processor:\n"
                "    - date:\n"
                "        from_time_received: true\n"
                "        destination: '@timestamp'\n"
                "  sink:\n"
                "    - opensearch:\n"
                f"        hosts: ['{a[0]}']\n"
                "        index: 'dtc-%{yyyy.MM.dd}'\n"
                "        aws:\n"
                f"          sts_role_arn: '{a[1]}'\n"
                f"          region: '{region}'\n"
                "          serverless: true\n"
            )

        return aws.opensearchingest.Pipeline(
            "dtc",
            pipeline_name="dtc",
            min_units=1,
            max_units=4,
            pipeline_configuration_body=pulumi.Output.all(collection.collection_endpoint, role.arn).apply(body),
            log_publishing_options={"is_logging_enabled": True, "cloudwatch_log_destination": {"log_group": logs.name}},
            opts=opts,
        )

    return build


# -- AWS: governance (Glue Data Quality, DataZone, Lake Formation tags, Security Lake, Backup) -------------------------


def glue_data_quality(region: str) -> Build:
    # docs: glue/catalogdatabase, glue/catalogtable, glue/dataqualityruleset (ruleset DQDL, target_table), glue/job
    # (glue_version 5.0, default_arguments --enable-data-quality...). Checks on the charging-sessions table.
    def build(c: Any) -> object:
        opts = _aws(region)
        data = aws.s3.Bucket("charging-data", opts=opts)
        db = aws.glue.CatalogDatabase("charging", name="charging", opts=opts)
        table = aws.glue.CatalogTable(
            "sessions",
            name="sessions",
            database_name=db.name,
            table_type="EXTERNAL_TABLE",
            storage_descriptor={
                "location": data.bucket.apply(lambda b: f"s3://{b}/sessions/"),
                "input_format": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                "output_format": "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                "ser_de_info": {"serialization_library": "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
                "columns": [{"name": "vin", "type": "string"}, {"name": "kwh", "type": "double"}],
            },
            opts=opts,
        )
        return aws.glue.DataQualityRuleset(
            "sessions-quality",
            name="charging-sessions-quality",
            ruleset='Rules = [ IsComplete "vin", ColumnLength "vin" = 17, ColumnValues "kwh" between 0 and 350 ]',
            target_table={"database_name": db.name, "table_name": table.name},
            opts=opts,
        )

    return build


def datazone_domain(region: str) -> Build:
    # docs: datazone/domain (domain_execution_role, kms_key_identifier), datazone/project, datazone/
    # environmentblueprintconfiguration (enabled_regions, regional_parameters keyed by Region: the blueprint's
    # S3Location). The owner-data catalogue for analysts.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("datazone-key", description="data portal", opts=opts)
        role = aws.iam.Role(
            "datazone-execution",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "datazone.amazonaws.com"},
                            "Action": ["sts:AssumeRole", "sts:TagSession"],
                            "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}},
                        }
                    ],
                }
            ),
            opts=opts,
        )
        domain = aws.datazone.Domain(
            "owner-data", name="owner-data", domain_execution_role=role.arn, kms_key_identifier=key.arn, opts=opts
        )
        lake = aws.s3.Bucket("datazone-lake", opts=opts)
        aws.datazone.EnvironmentBlueprintConfiguration(
            "data-lake",
            domain_id=domain.id,
            environment_blueprint_id="DefaultDataLake",
            enabled_regions=[region],
            regional_parameters={region: {"S3Location": lake.bucket.apply(lambda b: f"s3://{b}")}},
            opts=opts,
        )
        return aws.datazone.Project(
            "analytics", domain_identifier=domain.id, name="battery-analytics", skip_deletion_check=True, opts=opts
        )

    return build


def lake_formation_tags(region: str) -> Build:
    # docs: lakeformation/lftag, lakeformation/resourcelftag (database), lakeformation/permissions (lf_tag_policy
    # resource_type DATABASE / TABLE, expression). Tag-based access: analysts read only `sensitivity=internal` tables.
    def build(c: Any) -> object:
        opts = _aws(region)
        db = aws.glue.CatalogDatabase("fleet", name="fleet", opts=opts)
        tag = aws.lakeformation.LfTag("sensitivity", key="sensitivity", values=["internal", "personal"], opts=opts)
        aws.lakeformation.ResourceLfTag(
            "fleet-internal", database={"name": db.name}, lf_tag={"key": tag.key, "value": "internal"}, opts=opts
        )
        analysts = aws.iam.Role("analysts", assume_role_policy=_trust("athena.amazonaws.com"), opts=opts)
        return aws.lakeformation.Permissions(
            "analysts-internal",
            principal=analysts.arn,
            permissions=["SELECT", "DESCRIBE"],
            lf_tag_policy={"resource_type": "TABLE", "expressions": [{"key": tag.key, "values": ["internal"]}]},
            opts=opts,
        )

    return build


def security_lake_in_region(region: str) -> Build:
    # docs: securitylake/datalake (meta_store_manager_role_arn, configuration {region, encryption_configuration,
    # lifecycle_configuration}), securitylake/awslogsource (source {accounts, regions, source_name, source_version}).
    # Security Lake in the stack's Region only, CloudTrail management events and VPC flow logs.
    def build(c: Any) -> object:
        opts = _aws(region)
        role = aws.iam.Role("securitylake-metastore", assume_role_policy=_trust("lambda.amazonaws.com"), opts=opts)
        lake = aws.securitylake.DataLake(
            "security-lake",
            meta_store_manager_role_arn=role.arn,
            configuration={
                "region": region,
                "encryption_configurations": [{"kms_key_id": "S3_MANAGED_KEY"}],
                "lifecycle_configuration": {
                    "expiration": {"days": 365},
                    "transitions": [{"days": 31, "storage_class": "STANDARD_IA"}],
                },
            },
            opts=opts,
        )
        return aws.securitylake.AwsLogSource(
            "cloudtrail",
            source={
                "accounts": [ACCOUNT],
                "regions": [region],
                "source_name": "CLOUD_TRAIL_MGMT",
                "source_version": "2.0",
            },
            opts=pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(depends_on=[lake])),
        )

    return build


def backup_air_gapped(region: str, second: str | None = None) -> Build:
    # docs: backup/logicallyairgappedvault (min/max_retention_days), backup/vault, backup/plan (rule copy_actions
    # destination_vault_arn), backup/selection; AWS Backup Developer Guide "Logically air-gapped vault". Daily backups
    # of the owner data copied to an air-gapped vault in the same Region (or `second`, of the same jurisdiction).
    def build(c: Any) -> object:
        opts = _aws(region)
        gap_opts = _aws(second) if second else opts
        vault = aws.backup.Vault("primary", name="owner-data", opts=opts)
        gap = aws.backup.LogicallyAirGappedVault(
            "air-gapped", name="owner-data-airgap", min_retention_days=7, max_retention_days=90, opts=gap_opts
        )
        plan = aws.backup.Plan(
            "daily",
            name="owner-data-daily",
            rules=[
                {
                    "rule_name": "daily",
                    "target_vault_name": vault.name,
                    "schedule": "cron(0 3 * * ? *)",
                    "lifecycle": {"delete_after": 35},
                    "copy_actions": [{"destination_vault_arn": gap.arn, "lifecycle": {"delete_after": 60}}],
                }
            ],
            opts=opts,
        )
        role = aws.iam.Role("backup", assume_role_policy=_trust("backup.amazonaws.com"), opts=opts)
        table = aws.dynamodb.Table(
            "owners", hash_key="id", attributes=[{"name": "id", "type": "S"}], billing_mode="PAY_PER_REQUEST", opts=opts
        )
        return aws.backup.Selection(
            "owner-data", plan_id=plan.id, iam_role_arn=role.arn, name="owner-data", resources=[table.arn], opts=opts
        )

    return build


# -- Alibaba Cloud -------------------------------------------------------------------------------------------------


def fc3_triggers(region: str) -> Build:
    # docs: alicloud fc/v3function (log_config {project, logstore}, environment_variables), fc/v3trigger (trigger_type
    # oss with source_arn acs:oss:<region>:<account>:<bucket> and trigger_config events; timer with cronExpression;
    # http), log/project, log/store; Function Compute 3.0 "Triggers". Dashcam uploads processed when they land in OSS.
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.log.Project("fc-logs", project_name="ev-fc-logs", opts=opts)
        store = alicloud.log.Store("fc-store", project_name=project.project_name, logstore_name="functions", opts=opts)
        bucket = alicloud.oss.Bucket("dashcam-uploads", bucket="ev-dashcam-uploads", opts=opts)
        role = alicloud.ram.Role(
            "fc-role", role_name="fc-dashcam", assume_role_policy_document=_ram_trust("fc.aliyuncs.com"), opts=opts
        )
        fn = alicloud.fc.V3Function(
            "clip-indexer",
            function_name="clip-indexer",
            runtime="python3.10",
            handler="index.handler",
            memory_size=512,
            timeout=60,
            role=role.arn,
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            environment_variables={"CLIP_BUCKET": bucket.bucket, "OSS_ENDPOINT": f"oss-{region}-internal.aliyuncs.com"},
            log_config={
                "project": project.project_name,
                "logstore": store.logstore_name,
                "enable_request_metrics": True,
            },
            opts=opts,
        )
        alicloud.fc.V3Trigger(
            "on-upload",
            function_name=fn.function_name,
            qualifier="LATEST",
            trigger_type="oss",
            trigger_name="on-upload",
            invocation_role=role.arn,
            source_arn=bucket.bucket.apply(lambda b: f"acs:oss:{region}:{ACCOUNT}:{b}"),
            trigger_config=json.dumps(
                {"events": ["oss:ObjectCreated:PutObject"], "filter": {"key": {"prefix": "clips/", "suffix": ".mp4"}}}
            ),
            opts=opts,
        )
        alicloud.fc.V3Trigger(
            "nightly",
            function_name=fn.function_name,
            qualifier="LATEST",
            trigger_type="timer",
            trigger_name="nightly",
            trigger_config=json.dumps(
                {"cronExpression": "CRON_TZ=Asia/Shanghai 0 0 2 * * *", "enable": True, "payload": '{"task":"reindex"}'}
            ),
            opts=opts,
        )
        return alicloud.fc.V3Trigger(
            "http",
            function_name=fn.function_name,
            qualifier="LATEST",
            trigger_type="http",
            trigger_name="http",
            trigger_config=json.dumps({"authType": "function", "methods": ["GET", "POST"], "disableURLInternet": True}),
            opts=opts,
        )

    return build


def sae_application(region: str, zone: str) -> Build:
    # docs: alicloud sae/namespace, sae/application (package_type Image, image_url an ACR EE image of the Region,
    # acr_instance_id, envs JSON, vpc_id / vswitch_id / security_group_id, sls_configs). The dealer booking API.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        sg = alicloud.ecs.SecurityGroup("sae", vpc_id=vpc.id, opts=opts)
        ns = alicloud.sae.Namespace("fleet", namespace_id=f"{region}:fleet", namespace_name="fleet", opts=opts)
        registry = alicloud.cr.RegistryEnterpriseInstance(
            "registry",
            instance_name="ev-registry",
            instance_type="Basic",
            payment_type="Subscription",
            period=1,
            opts=opts,
        )
        return alicloud.sae.Application(
            "booking-api",
            app_name="booking-api",
            namespace_id=ns.namespace_id,
            package_type="Image",
            replicas=2,
            cpu=1000,
            memory=2048,
            vpc_id=vpc.id,
            vswitch_id=vsw.id,
            security_group_id=sg.id,
            acr_instance_id=registry.id,
            image_url=f"ev-registry-registry-vpc.{region}.cr.aliyuncs.com/fleet/booking-api:1.9.2",
            envs=json.dumps([{"name": "SPRING_PROFILES_ACTIVE", "value": "prod"}, {"name": "REGION", "value": region}]),
            opts=opts,
        )

    return build


def polardbx_orders(region: str, zone: str) -> Build:
    # docs: alicloud drds/polardbxinstance (topology_type 3azones / 1azone, primary_zone, cn/dn class and count). The
    # parts-order database.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        return alicloud.drds.PolardbxInstance(
            "parts-orders",
            topology_type="1azone",
            primary_zone=zone,
            cn_class="polarx.x4.medium.2e",
            cn_node_count=2,
            dn_class="mysql.n4.medium.25",
            dn_node_count=2,
            vpc_id=vpc.id,
            vswitch_id=vsw.id,
            description="parts orders",
            opts=opts,
        )

    return build


def lindorm_signals(region: str, zone: str) -> Build:
    # docs: alicloud lindorm/instance (disk_category cloud_efficiency, payment_type PayAsYouGo, table / time-series
    # engines, ip_white_lists). The vehicle signal time series store.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        return alicloud.lindorm.Instance(
            "signals",
            instance_name="vehicle-signals",
            disk_category="cloud_efficiency",
            payment_type="PayAsYouGo",
            zone_id=zone,
            vswitch_id=vsw.id,
            vpc_id=vpc.id,
            instance_storage="480",
            table_engine_specification="lindorm.c.xlarge",
            table_engine_node_count=2,
            time_series_engine_specification="lindorm.g.xlarge",
            time_series_engine_node_count=2,
            ip_white_lists=["172.16.0.0/12"],
            deletion_proection=True,
            opts=opts,
        )

    return build


def hologres_maxcompute_dataworks(region: str, zone: str) -> Build:
    # docs: alicloud hologram/instance (instance_type Standard, zone_id, endpoints [{type Intranet / VPCSingleTunnel}]),
    # maxcompute/project (default_quota, properties {type_system, timezone}, security_properties), dataworks/project.
    # Battery analytics: raw in MaxCompute, serving in Hologres, jobs in DataWorks.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        alicloud.maxcompute.Project(
            "battery",
            project_name="ev_battery_analytics",
            default_quota="os_PayAsYouGoQuota",
            comment="battery lake",
            properties={
                "type_system": "2",
                "timezone": "Asia/Shanghai",
                "table_lifecycle": {"type": "optional", "value": "365"},
            },
            security_properties={"using_acl": True, "using_policy": True, "enable_download_privilege": True},
            opts=opts,
        )
        alicloud.dataworks.Project(
            "battery",
            project_name="ev_battery_jobs",
            display_name="battery jobs",
            pai_task_enabled=False,
            dev_environment_enabled=True,
            opts=opts,
        )
        return alicloud.hologram.Instance(
            "serving",
            instance_name="battery-serving",
            instance_type="Standard",
            payment_type="PayAsYouGo",
            zone_id=zone,
            cpu=32,
            endpoints=[{"type": "Intranet"}, {"type": "VPCSingleTunnel", "vpc_id": vpc.id, "vswitch_id": vsw.id}],
            opts=opts,
        )

    return build


def eventbridge_mns_fc(region: str) -> Build:
    # docs: alicloud eventbridge/eventbus, eventbridge/rule (targets: type acs.mns.queue with endpoint
    # acs:mns:<region>:<account>:queues/<name>, type acs.fc.function with endpoint acs:fc:<region>:<account>:functions/
    # <name>; param_list), message/servicequeue, message/servicetopic, message/servicesubscription (push_type queue).
    # OTA campaign events fanned out to a queue and a function.
    def build(c: Any) -> object:
        # The provider assumes the team's role of the account the targets' ARNs name (RES-023).
        role = alicloud.ProviderAssumeRoleArgs(role_arn=f"acs:ram::{ACCOUNT}:role/sovereign-deployer")
        opts = pulumi.ResourceOptions(provider=alicloud.Provider(f"ali-{region}", region=region, assume_role=role))
        bus = alicloud.eventbridge.EventBus("ota", event_bus_name="ota-events", opts=opts)
        queue = alicloud.message.ServiceQueue("ota-failures", queue_name="ota-failures", enable_sse=True, opts=opts)
        topic = alicloud.message.ServiceTopic("ota-status", topic_name="ota-status", enable_logging=True, opts=opts)
        alicloud.message.ServiceSubscription(
            "status-to-queue",
            topic_name=topic.topic_name,
            subscription_name="to-failures",
            push_type="queue",
            endpoint=queue.queue_name,
            notify_content_format="SIMPLIFIED",
            notify_strategy="BACKOFF_RETRY",
            opts=opts,
        )
        return alicloud.eventbridge.Rule(
            "failed-updates",
            event_bus_name=bus.event_bus_name,
            rule_name="failed-updates",
            filter_pattern=json.dumps({"source": ["ev.ota"], "type": ["ota:UpdateFailed"]}),
            targets=[
                {
                    "target_id": "queue",
                    "type": "acs.mns.queue",
                    "endpoint": queue.queue_name.apply(lambda q: f"acs:mns:{region}:{ACCOUNT}:queues/{q}"),
                    "param_lists": [
                        {"resource_key": "queue", "form": "CONSTANT", "value": "ota-failures"},
                        {"resource_key": "Body", "form": "ORIGINAL"},
                    ],
                },
                {
                    "target_id": "fn",
                    "type": "acs.fc.function",
                    "endpoint": f"acs:fc:{region}:{ACCOUNT}:functions/ota-retry",
                    "param_lists": [
                        {"resource_key": "functionName", "form": "CONSTANT", "value": "ota-retry"},
                        {"resource_key": "Qualifier", "form": "CONSTANT", "value": "LATEST"},
                        {"resource_key": "Body", "form": "ORIGINAL"},
                    ],
                },
            ],
            opts=opts,
        )

    return build


def rocketmq5_orders(region: str, zone: str) -> Build:
    # docs: alicloud rocketmq/rocketmqinstance (series_code standard, sub_series_code cluster_ha, network_info
    # {vpc_info, internet_info internet_spec disable}), rocketmq/rocketmqtopic (message_type NORMAL / FIFO),
    # rocketmq/consumergroup (consume_retry_policy). Charging order events.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        mq = alicloud.rocketmq.RocketMQInstance(
            "orders",
            instance_name="charging-orders",
            service_code="rmq",
            series_code="standard",
            sub_series_code="cluster_ha",
            payment_type="PayAsYouGo",
            product_info={"msg_process_spec": "rmq.s2.2xlarge", "message_retention_time": 72},
            network_info={
                "vpc_info": {"vpc_id": vpc.id, "vswitches": [{"vswitch_id": vsw.id}]},
                "internet_info": {"internet_spec": "disable", "flow_out_type": "uninvolved"},
            },
            opts=opts,
        )
        alicloud.rocketmq.RocketMQTopic(
            "sessions", instance_id=mq.id, topic_name="charging-sessions", message_type="FIFO", opts=opts
        )
        return alicloud.rocketmq.ConsumerGroup(
            "billing",
            instance_id=mq.id,
            consumer_group_id="GID_billing",
            delivery_order_type="Orderly",
            consume_retry_policy={"retry_policy": "FixedRetryPolicy", "max_retry_times": 16},
            opts=opts,
        )

    return build


def kafka_telemetry(region: str, zone: str) -> Build:
    # docs: alicloud alikafka/instance (deploy_type 5 VPC, vswitch_id, zone_id, kms_key_id), alikafka/topic,
    # alikafka/consumergroup, kms/key. The telemetry bus between the gateway and the stream jobs.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        sg = alicloud.ecs.SecurityGroup("kafka", vpc_id=vpc.id, opts=opts)
        key = alicloud.kms.Key("kafka-key", description="telemetry bus", opts=opts)
        kafka = alicloud.alikafka.Instance(
            "telemetry",
            name="telemetry-bus",
            deploy_type=5,
            partition_num=50,
            disk_type=1,
            disk_size=500,
            io_max_spec="alikafka.hw.2xlarge",
            spec_type="professional",
            service_version="2.6.2",
            vswitch_id=vsw.id,
            zone_id=zone,
            security_group=sg.id,
            kms_key_id=key.id,
            opts=opts,
        )
        alicloud.alikafka.Topic(
            "signals", instance_id=kafka.id, topic="vehicle-signals", remark="CAN signals", partition_num=24, opts=opts
        )
        return alicloud.alikafka.ConsumerGroup(
            "flink", instance_id=kafka.id, consumer_id="flink-signals", description="stream jobs", opts=opts
        )

    return build


def sls_alert_scheduled_sql(region: str) -> Build:
    # docs: alicloud log/project, log/store, sls/scheduledsql (scheduled_sql_configuration: source / dest logstore,
    # dest_endpoint <region>-intranet.log.aliyuncs.com, dest_project, role_arn), sls/alert (configuration with
    # query_list and a notification to an action policy of the project: type "sls"). Charger fault logs summarised
    # hourly.
    def build(c: Any) -> object:
        opts = _ali(region)
        project = alicloud.log.Project("chargers", project_name="ev-charger-logs", opts=opts)
        raw = alicloud.log.Store(
            "faults", project_name=project.project_name, logstore_name="faults", retention_period=30, opts=opts
        )
        hourly = alicloud.log.Store(
            "faults-hourly",
            project_name=project.project_name,
            logstore_name="faults-hourly",
            retention_period=365,
            opts=opts,
        )
        role = alicloud.ram.Role(
            "sls-sql",
            role_name="sls-scheduled-sql",
            assume_role_policy_document=_ram_trust("log.aliyuncs.com"),
            opts=opts,
        )
        alicloud.sls.ScheduledSql(
            "faults-hourly",
            scheduled_sql_name="faults-hourly",
            display_name="faults hourly",
            project=project.project_name,
            schedule={"type": "FixedRate", "interval": "60m", "delay": 30},
            scheduled_sql_configuration={
                "script": "* | select charger_id, count(*) as faults group by charger_id",
                "sql_type": "searchQuery",
                "resource_pool": "enhanced",
                "source_logstore": raw.logstore_name,
                "dest_project": project.project_name,
                "dest_logstore": hourly.logstore_name,
                "dest_endpoint": f"{region}-intranet.log.aliyuncs.com",
                "role_arn": role.arn,
                "dest_role_arn": role.arn,
                "from_time_expr": "@m-1h",
                "to_time_expr": "@m",
                "max_run_time_in_seconds": 1800,
                "max_retries": 5,
                "from_time": 1767225600,
                "to_time": 0,
                "data_format": "log2log",
            },
            opts=opts,
        )
        return alicloud.sls.Alert(
            "charger-faults",
            alert_name="charger-faults",
            display_name="charger faults",
            project_name=project.project_name,
            schedule={"type": "FixedRate", "interval": "5m"},
            configuration={
                "type": "default",
                "version": "2.0",
                "dashboard": "internal-alert-analysis",
                "query_lists": [
                    {
                        "query": "level: ERROR | select count(*) as errors",
                        "time_span_type": "Relative",
                        "start": "-5m",
                        "end": "now",
                        "store_type": "log",
                        "project": project.project_name,
                        "store": raw.logstore_name,
                        "region": region,
                    }
                ],
                "condition_configuration": {"condition": "errors > 20", "count_condition": ""},
                "severity_configurations": [{"severity": 8, "eval_condition": {"condition": "errors > 20"}}],
                "policy_configuration": {
                    "alert_policy_id": "sls.builtin.dynamic",
                    "action_policy_id": "charger-oncall",
                    "repeat_interval": "1h",
                },
                "group_configuration": {"type": "no_group"},
            },
            opts=opts,
        )

    return build


def kms_instance_keys(region: str, zone: str) -> Build:
    # docs: alicloud kms/instance (product_version 3, vpc_id, vswitch_ids, zone_ids, spec, key_num, secret_num),
    # kms/key (dkms_instance_id, key_spec Aliyun_AES_256), kms/secret (dkms_instance_id, encryption_key_id). Keys for
    # the owner-data service in a dedicated KMS instance.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        second = alicloud.vpc.Switch(
            "vsw-b", vpc_id=vpc.id, cidr_block="172.16.8.0/21", zone_id=zone[:-1] + "h", opts=opts
        )
        kms = alicloud.kms.Instance(
            "owner-kms",
            instance_name="owner-kms",
            product_version="3",
            vpc_id=vpc.id,
            vswitch_ids=[vsw.id],
            zone_ids=[zone, zone[:-1] + "h"],
            spec=1000,
            key_num=1000,
            secret_num=100,
            vpc_num=1,
            payment_type="PayAsYouGo",
            opts=opts,
        )
        key = alicloud.kms.Key(
            "owner-data",
            dkms_instance_id=kms.id,
            key_spec="Aliyun_AES_256",
            key_usage="ENCRYPT/DECRYPT",
            description="owner data",
            opts=opts,
        )
        del second
        return alicloud.kms.Secret(
            "db-password",
            secret_name="owner-db",
            secret_data="change-me",
            version_id="v1",
            dkms_instance_id=kms.id,
            encryption_key_id=key.id,
            opts=opts,
        )

    return build


def cloud_firewall_waf(region: str, zone: str, backend: str | None = None) -> Build:
    # docs: alicloud cloudfirewall/addressbook (group_type ip, address_lists), cloudfirewall/controlpolicy (direction
    # out, destination a domain / address book), wafv3/instance, wafv3/domain (listen https_ports, redirect backends
    # the ALB's DNS name, loadbalance iphash; sni_host the site's own name presented to the origin). The charger
    # backend's allowlist and its WAF. `backend`: the offending twin, WAF forwarding to a host outside the stack.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        book = alicloud.cloudfirewall.AddressBook(
            "workshops",
            group_name="workshop-networks",
            group_type="ip",
            description="workshop offices",
            address_lists=["10.8.0.0/16", "10.9.0.0/16"],
            opts=opts,
        )
        alicloud.cloudfirewall.ControlPolicy(
            "workshops-in",
            direction="in",
            application_name="HTTPS",
            acl_action="accept",
            description="workshops",
            source=book.group_name,
            source_type="group",
            destination="172.16.0.0/12",
            destination_type="net",
            proto="TCP",
            dest_port="443",
            dest_port_type="port",
            release="true",
            opts=opts,
        )
        alb = alicloud.alb.LoadBalancer(
            "chargers-alb",
            load_balancer_name="chargers",
            load_balancer_edition="Standard",
            address_type="Internet",
            address_allocated_mode="Fixed",
            vpc_id=vpc.id,
            load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=[{"vswitch_id": vsw.id, "zone_id": zone}],
            opts=opts,
        )
        waf = alicloud.wafv3.Instance("waf", opts=opts)
        return alicloud.wafv3.Domain(
            "chargers",
            instance_id=waf.id,
            domain="chargers.fleet.example.cn",
            access_type="share",
            listen={
                "https_ports": [443],
                "http_ports": [80],
                "protection_resource": "share",
                "tls_version": "tlsv1.2",
                "enable_tlsv3": True,
                "http2_enabled": True,
                "cert_id": "12345-cn-hangzhou",
            },
            redirect={
                "backends": [backend] if backend else [alb.dns_name],
                "loadbalance": "iphash",
                "sni_enabled": True,
                "sni_host": "chargers.fleet.example.cn",
                "connect_timeout": 5,
                "read_timeout": 120,
                "write_timeout": 120,
                "keepalive": True,
                "retry": True,
            },
            opts=opts,
        )

    return build


def alb_nlb_gateway(region: str, zone: str) -> Build:
    # docs: alicloud alb/servergroup (server_group_type Ip, servers with server_ip), alb/listener (default_actions
    # ForwardGroup), nlb/loadbalancer (zone_mappings, address_type Intranet), nlb/servergroup, nlb/listener (TCP). The
    # vehicle gateway: MQTT over NLB, the app API over ALB.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        alb = alicloud.alb.LoadBalancer(
            "app-api",
            load_balancer_name="app-api",
            load_balancer_edition="Standard",
            address_type="Intranet",
            vpc_id=vpc.id,
            load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=[{"vswitch_id": vsw.id, "zone_id": zone}],
            opts=opts,
        )
        group = alicloud.alb.ServerGroup(
            "app-api",
            server_group_name="app-api",
            server_group_type="Ip",
            protocol="HTTP",
            vpc_id=vpc.id,
            health_check_config={
                "health_check_enabled": True,
                "health_check_path": "/healthz",
                "health_check_protocol": "HTTP",
            },
            sticky_session_config={"sticky_session_enabled": False},
            servers=[{"server_id": "172.16.1.10", "server_ip": "172.16.1.10", "server_type": "Ip", "port": 8080}],
            opts=opts,
        )
        alicloud.alb.Listener(
            "app-api",
            load_balancer_id=alb.id,
            listener_port=80,
            listener_protocol="HTTP",
            default_actions=[
                {
                    "type": "ForwardGroup",
                    "forward_group_config": {"server_group_tuples": [{"server_group_id": group.id}]},
                }
            ],
            opts=opts,
        )
        nlb = alicloud.nlb.LoadBalancer(
            "mqtt",
            load_balancer_name="vehicle-mqtt",
            load_balancer_type="Network",
            address_type="Intranet",
            address_ip_version="Ipv4",
            vpc_id=vpc.id,
            zone_mappings=[{"vswitch_id": vsw.id, "zone_id": zone}],
            opts=opts,
        )
        mqtt = alicloud.nlb.ServerGroup(
            "mqtt",
            server_group_name="mqtt",
            server_group_type="Ip",
            vpc_id=vpc.id,
            protocol="TCP",
            scheduler="Wrr",
            health_check={"health_check_enabled": True, "health_check_type": "TCP"},
            opts=opts,
        )
        return alicloud.nlb.Listener(
            "mqtt",
            load_balancer_id=nlb.id,
            server_group_id=mqtt.id,
            listener_protocol="TCP",
            listener_port=8883,
            idle_timeout=900,
            opts=opts,
        )

    return build


def cen_mainland(home: str, other: str) -> Build:
    # docs: alicloud cen/instance, cen/transitrouter, cen/transitroutervpcattachment (zone_mappings), cen/
    # transitrouterpeerattachment (peer_transit_router_region_id, bandwidth). Two mainland regions joined through
    # Cloud Enterprise Network transit routers.
    def build(c: Any) -> object:
        a, b = _ali(home), _ali(other)
        cen = alicloud.cen.Instance("backbone", cen_instance_name="ev-backbone", opts=a)
        tr_a = alicloud.cen.TransitRouter("tr-home", cen_id=cen.id, transit_router_name=f"tr-{home}", opts=a)
        tr_b = alicloud.cen.TransitRouter("tr-other", cen_id=cen.id, transit_router_name=f"tr-{other}", opts=b)
        for name, opts, region, tr in (("home", a, home, tr_a), ("other", b, other, tr_b)):
            vpc = alicloud.vpc.Network(f"vpc-{name}", vpc_name=f"fleet-{region}", cidr_block="172.16.0.0/16", opts=opts)
            v1 = alicloud.vpc.Switch(
                f"vsw-{name}-1", vpc_id=vpc.id, cidr_block="172.16.0.0/24", zone_id=f"{region}-g", opts=opts
            )
            v2 = alicloud.vpc.Switch(
                f"vsw-{name}-2", vpc_id=vpc.id, cidr_block="172.16.1.0/24", zone_id=f"{region}-h", opts=opts
            )
            alicloud.cen.TransitRouterVpcAttachment(
                f"attach-{name}",
                cen_id=cen.id,
                transit_router_id=tr.transit_router_id,
                vpc_id=vpc.id,
                zone_mappings=[
                    {"zone_id": f"{region}-g", "vswitch_id": v1.id},
                    {"zone_id": f"{region}-h", "vswitch_id": v2.id},
                ],
                opts=opts,
            )
        return alicloud.cen.TransitRouterPeerAttachment(
            "home-other",
            cen_id=cen.id,
            transit_router_id=tr_a.transit_router_id,
            peer_transit_router_id=tr_b.transit_router_id,
            peer_transit_router_region_id=other,
            bandwidth=10,
            bandwidth_type="DataTransfer",
            opts=a,
        )

    return build


def oss_replication_mainland(home: str, other: str) -> Build:
    # docs: alicloud oss/bucket (versioning Enabled: required for replication), oss/bucketreplication (destination
    # {bucket, location oss-<region>}, rtc, historical_object_replication, sync_role, encryption_configuration). OTA
    # packages replicated to a second mainland region.
    def build(c: Any) -> object:
        a, b = _ali(home), _ali(other)
        source = alicloud.oss.Bucket("ota-packages", bucket="ev-ota-packages", versioning={"status": "Enabled"}, opts=a)
        replica = alicloud.oss.Bucket(
            "ota-replica", bucket="ev-ota-packages-dr", versioning={"status": "Enabled"}, opts=b
        )
        role = alicloud.ram.Role(
            "oss-replication",
            role_name="oss-replication",
            assume_role_policy_document=_ram_trust("oss.aliyuncs.com"),
            opts=a,
        )
        return alicloud.oss.BucketReplication(
            "ota-dr",
            bucket=source.bucket,
            action="PUT,DELETE",
            historical_object_replication="enabled",
            destination={"bucket": replica.bucket, "location": f"oss-{other}"},
            sync_role=role.role_name,
            rtc={"enabled": True},
            prefix_set={"prefixes": ["releases/"]},
            opts=a,
        )

    return build


def iot_platform_groups(region: str) -> Build:
    # docs: alicloud iot/devicegroup (group_name, super_group_id, iot_instance_id). Vehicle cohorts on the IoT Platform
    # for staged OTA.
    def build(c: Any) -> object:
        opts = _ali(region)
        fleet = alicloud.iot.DeviceGroup(
            "fleet", group_name="fleet2026", group_desc="all 2026 vehicles", iot_instance_id="iot-060a0b1c", opts=opts
        )
        return alicloud.iot.DeviceGroup(
            "canary",
            group_name="canary",
            super_group_id=fleet.id,
            group_desc="OTA canary ring",
            iot_instance_id="iot-060a0b1c",
            opts=opts,
        )

    return build


def ack_rrsa_nodepool(region: str, zone: str) -> Build:
    # docs: alicloud cs/managedkubernetes (cluster_spec ack.pro.small, enable_rrsa, vswitch_ids, pod_vswitch_ids,
    # addons terway-eniip / csi, control_plane_log_components to SLS), cs/nodepool (instance_types, vswitch_ids,
    # scaling_config). The OTA build cluster with RAM Roles for Service Accounts.
    def build(c: Any) -> object:
        opts = _ali(region)
        _, vsw = _ali_vpc(opts, zone)
        cluster = alicloud.cs.ManagedKubernetes(
            "ota",
            name="ota-builds",
            cluster_spec="ack.pro.small",
            version="1.33.1-aliyun.1",
            enable_rrsa=True,
            vswitch_ids=[vsw.id],
            pod_vswitch_ids=[vsw.id],
            service_cidr="192.168.0.0/16",
            proxy_mode="ipvs",
            addons=[
                {"name": "terway-eniip"},
                {"name": "csi-plugin"},
                {"name": "csi-provisioner"},
                {"name": "loongcollector", "config": json.dumps({"IngressDashboardEnabled": "true"})},
            ],
            control_plane_log_components=["apiserver", "kcm", "scheduler"],
            control_plane_log_ttl="30",
            deletion_protection=True,
            opts=opts,
        )
        return alicloud.cs.NodePool(
            "builders",
            cluster_id=cluster.id,
            node_pool_name="builders",
            vswitch_ids=[vsw.id],
            instance_types=["ecs.g7.2xlarge"],
            system_disk_category="cloud_essd",
            system_disk_size=120,
            scaling_config={"min_size": 1, "max_size": 10},
            opts=opts,
        )

    return build


# -- second round: the same services as applications configure them (endpoints, catalogues, OpenTelemetry, OIDC) -----


def s3_tables_spark_job(region: str) -> Build:
    # docs: glue/job (default_arguments --datalake-formats iceberg, --conf, --extra-jars), S3 User Guide "Accessing
    # tables using the Amazon S3 Tables Iceberg REST endpoint" (https://s3tables.<region>.amazonaws.com/iceberg, signing
    # name s3tables) and "Using the Amazon S3 Tables Catalog for Apache Iceberg" (catalog-impl
    # software.amazon.s3tables.iceberg.S3TablesCatalog, warehouse the table bucket ARN); Glue's Iceberg REST endpoint
    # https://glue.<region>.amazonaws.com/iceberg. The nightly trip-summary job writing into the table bucket.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        scripts = aws.s3.Bucket("glue-scripts", opts=opts)
        tables = aws.s3tables.TableBucket("telemetry-tables", name="ev-telemetry-tables", opts=opts)
        role = aws.iam.Role("glue-job", assume_role_policy=_trust("glue.amazonaws.com"), opts=opts)

        def arguments(a: list[str]) -> dict[str, str]:
            bucket, warehouse = a
            return {
                "--datalake-formats": "iceberg",
                "--extra-jars": f"s3://{bucket}/jars/s3-tables-catalog-for-iceberg-runtime-0.1.5.jar",
                "--conf": (
                    "spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
                    " --conf spark.sql.catalog.s3tablesbucket=org.apache.iceberg.spark.SparkCatalog"
                    " --conf spark.sql.catalog.s3tablesbucket.catalog-impl="
                    "software.amazon.s3tables.iceberg.S3TablesCatalog"
                    f" --conf spark.sql.catalog.s3tablesbucket.warehouse={warehouse}"
                ),
                "--ICEBERG_REST_URI": f"https://s3tables.{region}.{_suffix(region)}/iceberg",
                "--GLUE_REST_URI": f"https://glue.{region}.{_suffix(region)}/iceberg",
                "--TABLE_WAREHOUSE": f"arn:{part}:s3tables:{region}:{ACCOUNT}:bucket/ev-telemetry-tables",
                "--enable-glue-datacatalog": "true",
            }

        return aws.glue.Job(
            "trip-summary",
            name="trip-summary",
            role_arn=role.arn,
            glue_version="5.0",
            worker_type="G.1X",
            number_of_workers=4,
            command={
                "name": "glueetl",
                "python_version": "3",
                "script_location": scripts.bucket.apply(lambda b: f"s3://{b}/jobs/trip_summary.py"),
            },
            default_arguments=pulumi.Output.all(scripts.bucket, tables.arn).apply(arguments),
            opts=opts,
        )

    return build


def s3_metadata_tables(region: str) -> Build:
    # docs: s3/bucketmetadataconfiguration (metadata_configuration: journal_table_configuration with record_expiration,
    # inventory_table_configuration configuration_state ENABLED, encryption SSE-KMS); S3 User Guide "Accelerating data
    # discovery with S3 Metadata" (the tables live in the AWS managed table bucket aws-s3 of the bucket's Region).
    # Object metadata of the OTA artefact bucket queryable from Athena.
    def build(c: Any) -> object:
        opts = _aws(region)
        key = aws.kms.Key("metadata-key", description="S3 Metadata", opts=opts)
        artefacts = aws.s3.Bucket("ota-artefacts", opts=opts)
        return aws.s3.BucketMetadataConfiguration(
            "ota-artefacts-metadata",
            bucket=artefacts.bucket,
            metadata_configuration={
                "journal_table_configuration": {
                    "record_expiration": {"expiration": "ENABLED", "days": 30},
                    "encryption_configuration": {"sse_algorithm": "aws:kms", "kms_key_arn": key.arn},
                },
                "inventory_table_configuration": {
                    "configuration_state": "ENABLED",
                    "encryption_configuration": {"sse_algorithm": "aws:kms", "kms_key_arn": key.arn},
                },
            },
            opts=opts,
        )

    return build


def dsql_and_express_endpoints(region: str, zone_id: str | None) -> Build:
    # docs: Aurora DSQL User Guide "Connecting to Aurora DSQL clusters" (the cluster endpoint
    # <cluster-id>.dsql.<region>.on.aws, PGHOST, PGSSLMODE=require, token from dsql:DbConnect), S3 User Guide "Regional
    # and Zonal endpoints for directory buckets" (s3express-control.<region>.amazonaws.com and the zonal
    # <bucket>.s3express-<az-id>.<region>.amazonaws.com). A Lambda reading the charging ledger and the frames cache by
    # their endpoints, as the SDK samples configure them.
    def build(c: Any) -> object:
        opts = _aws(region)
        suffix = _suffix(region)
        env = {
            "PGHOST": f"kvabtxyzs3uqdemo7wbq5slm5y.dsql.{region}.on.aws",
            "PGSSLMODE": "require",
            "DSQL_ENDPOINT": f"kvabtxyzs3uqdemo7wbq5slm5y.dsql.{region}.on.aws",
        }
        if zone_id:
            env["S3_EXPRESS_CONTROL"] = f"https://s3express-control.{region}.{suffix}"
            env["FRAMES_CACHE_URL"] = f"https://ev-frames-cache--{zone_id}--x-s3.s3express-{zone_id}.{region}.{suffix}"
        return _function("ledger-reader", opts, env)

    return build


def application_signals(region: str, how: str) -> Build:
    # docs: eks/addon (amazon-cloudwatch-observability, pod_identity_associations), CloudWatch User Guide "Enable
    # Application Signals" (Lambda: the AWS Distro for OpenTelemetry layer,
    # AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-instrument;
    # ECS: the CloudWatch agent sidecar, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://localhost:4316/v1/traces,
    # OTEL_AWS_APPLICATION_SIGNALS_EXPORTER_ENDPOINT=http://localhost:4316/v1/metrics). `how`: eks, lambda or ecs.
    def build(c: Any) -> object:
        opts = _aws(region)
        if how == "lambda":
            return _function(
                "charging-api",
                opts,
                {
                    "AWS_LAMBDA_EXEC_WRAPPER": "/opt/otel-instrument",
                    "OTEL_AWS_APPLICATION_SIGNALS_ENABLED": "true",
                    "OTEL_METRICS_EXPORTER": "none",
                    "OTEL_SERVICE_NAME": "charging-api",
                },
                tracing_config={"mode": "Active"},
            )
        if how == "ecs":
            role = aws.iam.Role("task", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
            env = [
                {"name": "OTEL_RESOURCE_ATTRIBUTES", "value": "service.name=charging-api,deployment.environment=prod"},
                {"name": "OTEL_AWS_APPLICATION_SIGNALS_ENABLED", "value": "true"},
                {"name": "OTEL_EXPORTER_OTLP_PROTOCOL", "value": "http/protobuf"},
                {"name": "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "value": "http://localhost:4316/v1/traces"},
                {"name": "OTEL_AWS_APPLICATION_SIGNALS_EXPORTER_ENDPOINT", "value": "http://localhost:4316/v1/metrics"},
                {"name": "OTEL_TRACES_SAMPLER", "value": "xray"},
            ]
            return aws.ecs.TaskDefinition(
                "charging-api",
                family="charging-api",
                requires_compatibilities=["FARGATE"],
                network_mode="awsvpc",
                cpu="512",
                memory="1024",
                task_role_arn=role.arn,
                execution_role_arn=role.arn,
                container_definitions=json.dumps(
                    [
                        {
                            "name": "app",
                            "image": f"{ACCOUNT}.dkr.ecr.{region}.{_suffix(region)}/charging-api:3.2.0",
                            "essential": True,
                            "environment": env,
                        },
                        {
                            "name": "ecs-cwagent",
                            "image": "public.ecr.aws/cloudwatch-agent/cloudwatch-agent:latest",
                            "essential": True,
                            "environment": [
                                {
                                    "name": "CW_CONFIG_CONTENT",
                                    "value": json.dumps(
                                        {
                                            "traces": {"traces_collected": {"application_signals": {}}},
                                            "logs": {"metrics_collected": {"application_signals": {}}},
                                        }
                                    ),
                                }
                            ],
                        },
                    ]
                ),
                opts=opts,
            )
        _, subnets = _vpc(opts, region)
        cluster_role = aws.iam.Role("cluster", assume_role_policy=_trust("eks.amazonaws.com"), opts=opts)
        cluster = aws.eks.Cluster(
            "fleet",
            role_arn=cluster_role.arn,
            access_config={"authentication_mode": "API"},
            vpc_config={"subnet_ids": [s.id for s in subnets]},
            opts=opts,
        )
        agent = aws.iam.Role(
            "cloudwatch-agent",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {"Service": "pods.eks.amazonaws.com"},
                            "Action": ["sts:AssumeRole", "sts:TagSession"],
                        }
                    ],
                }
            ),
            opts=opts,
        )
        aws.eks.Addon("pod-identity-agent", cluster_name=cluster.name, addon_name="eks-pod-identity-agent", opts=opts)
        return aws.eks.Addon(
            "cloudwatch-observability",
            cluster_name=cluster.name,
            addon_name="amazon-cloudwatch-observability",
            pod_identity_associations=[{"role_arn": agent.arn, "service_account": "cloudwatch-agent"}],
            configuration_values=json.dumps(
                {
                    "agent": {
                        "config": {
                            "logs": {
                                "metrics_collected": {
                                    "application_signals": {},
                                    "kubernetes": {"enhanced_container_insights": True},
                                }
                            },
                            "traces": {"traces_collected": {"application_signals": {}}},
                        }
                    },
                    "manager": {"applicationSignals": {"autoMonitor": {"monitorAllServices": True}}},
                }
            ),
            opts=opts,
        )

    return build


def agentcore_gateway_cognito(region: str) -> Build:
    # docs: cognito/userpool, cognito/userpoolclient (client credentials), cognito/userpooldomain,
    # bedrock/agentcoregateway (protocol_type MCP, authorizer_type CUSTOM_JWT, custom_jwt_authorizer.discovery_url the
    # pool's https://cognito-idp.<region>.amazonaws.com/<pool-id>/.well-known/openid-configuration, allowed_clients),
    # bedrock/agentcoregatewaytarget (mcp.lambda with tool_schema). The workshop assistant's tools behind an MCP
    # gateway.
    def build(c: Any) -> object:
        opts = _aws(region)
        pool = aws.cognito.UserPool("workshop-agents", name="workshop-agents", opts=opts)
        aws.cognito.UserPoolDomain("workshop-agents", domain="ev-workshop-agents", user_pool_id=pool.id, opts=opts)
        client = aws.cognito.UserPoolClient(
            "gateway-client",
            user_pool_id=pool.id,
            generate_secret=True,
            allowed_oauth_flows=["client_credentials"],
            allowed_oauth_flows_user_pool_client=True,
            opts=opts,
        )
        role = aws.iam.Role("gateway", assume_role_policy=_trust("bedrock-agentcore.amazonaws.com"), opts=opts)
        gateway = aws.bedrock.AgentcoreGateway(
            "tools",
            name="workshop-tools",
            role_arn=role.arn,
            protocol_type="MCP",
            authorizer_type="CUSTOM_JWT",
            authorizer_configuration={
                "custom_jwt_authorizer": {
                    "discovery_url": pool.id.apply(
                        lambda p: f"https://cognito-idp.{region}.{_suffix(region)}/{p}/.well-known/openid-configuration"
                    ),
                    "allowed_clients": [client.id],
                }
            },
            opts=opts,
        )
        fn = _function("parts-lookup", opts)
        return aws.bedrock.AgentcoreGatewayTarget(
            "parts-lookup",
            gateway_identifier=gateway.gateway_id,
            name="parts-lookup",
            target_configuration={
                "mcp": {
                    "lambda_": {
                        "lambda_arn": fn.arn,
                        "tool_schema": {
                            "inline_payloads": [
                                {
                                    "name": "lookup_part",
                                    "description": "Find a spare part by number",
                                    "input_schema": {
                                        "type": "object",
                                        "properties": [{"name": "part_number", "type": "string", "required": True}],
                                    },
                                }
                            ]
                        },
                    }
                }
            },
            credential_provider_configuration={"gateway_iam_role": {}},
            opts=opts,
        )

    return build


def verified_access_oidc(region: str) -> Build:
    # docs: verifiedaccess/trustprovider (trust_provider_type user, user_trust_provider_type oidc, oidc_options issuer,
    # authorization_endpoint, token_endpoint, user_info_endpoint, client_id / client_secret, scope), Cognito Developer
    # Guide "User pool endpoints" (https://<prefix>.auth.<region>.amazoncognito.com/oauth2/authorize, /oauth2/token,
    # /oauth2/userInfo; issuer https://cognito-idp.<region>.amazonaws.com/<pool-id>). Workshop staff sign in with the
    # stack's own user pool.
    def build(c: Any) -> object:
        opts = _aws(region)
        pool = aws.cognito.UserPool("workshop-staff", name="workshop-staff", opts=opts)
        aws.cognito.UserPoolDomain("workshop-staff", domain="ev-workshop-staff", user_pool_id=pool.id, opts=opts)
        client = aws.cognito.UserPoolClient(
            "verified-access",
            user_pool_id=pool.id,
            generate_secret=True,
            allowed_oauth_flows=["code"],
            allowed_oauth_scopes=["openid", "email"],
            allowed_oauth_flows_user_pool_client=True,
            callback_urls=["https://workshop.fleet.example.com/oauth2/idpresponse"],
            supported_identity_providers=["COGNITO"],
            opts=opts,
        )
        if region.startswith("cn-"):
            raise ValueError("no CN case: Verified Access is not listed for the China Regions")
        login = f"https://ev-workshop-staff.auth.{region}.amazoncognito.com/oauth2"
        return aws.verifiedaccess.TrustProvider(
            "workshop-staff",
            policy_reference_name="staff",
            trust_provider_type="user",
            user_trust_provider_type="oidc",
            oidc_options={
                "issuer": pool.id.apply(lambda p: f"https://cognito-idp.{region}.{_suffix(region)}/{p}"),
                "authorization_endpoint": f"{login}/authorize",
                "token_endpoint": f"{login}/token",
                "user_info_endpoint": f"{login}/userInfo",
                "client_id": client.id,
                "client_secret": client.client_secret,
                "scope": "openid email",
            },
            opts=opts,
        )

    return build


def ecs_express_gateway(region: str) -> Build:
    # docs: ecs/expressgatewayservice (primary_container image / container_port / environments /
    # aws_logs_configurations, execution_role_arn, infrastructure_role_arn, network_configurations, health_check_path,
    # scaling_targets); ECS Developer Guide "Amazon ECS Express Mode" (2025). The parts-catalogue web app.
    def build(c: Any) -> object:
        opts = _aws(region)
        vpc, subnets = _vpc(opts, region)
        sg = aws.ec2.SecurityGroup("parts-catalogue", vpc_id=vpc.id, opts=opts)
        execution = aws.iam.Role("express-exec", assume_role_policy=_trust("ecs-tasks.amazonaws.com"), opts=opts)
        infra = aws.iam.Role("express-infra", assume_role_policy=_trust("ecs.amazonaws.com"), opts=opts)
        logs = aws.cloudwatch.LogGroup("parts-catalogue", retention_in_days=30, opts=opts)
        # Any: a plain dict is no SDK input TypedDict for mypy.
        container: Any = {
            "image": f"{ACCOUNT}.dkr.ecr.{region}.{_suffix(region)}/parts-catalogue:5.1.0",
            "container_port": 8080,
            "environments": [
                {"name": "SPRING_PROFILES_ACTIVE", "value": "prod"},
                {"name": "AWS_REGION", "value": region},
            ],
            "aws_logs_configurations": [{"log_group": logs.name, "log_stream_prefix": "parts"}],
        }
        return aws.ecs.ExpressGatewayService(
            "parts-catalogue",
            service_name="parts-catalogue",
            execution_role_arn=execution.arn,
            infrastructure_role_arn=infra.arn,
            cpu="1024",
            memory="2048",
            health_check_path="/health",
            primary_container=container,
            network_configurations=[
                aws.ecs.ExpressGatewayServiceNetworkConfigurationArgs(
                    subnets=[s.id for s in subnets], security_groups=[sg.id]
                )
            ],
            opts=opts,
        )

    return build


def fleetwise_campaign(region: str) -> Build:
    # docs: cloudformation/stack (template_body), AWS::IoTFleetWise::Campaign (DataDestinationConfigs S3Config
    # {BucketArn, DataFormat, Prefix}, SignalCatalogArn, TargetArn), AWS IoT FleetWise Developer Guide "Collect and
    # transfer data with campaigns" (FleetWise in us-east-1 and eu-central-1). pulumi-aws v7 has no FleetWise
    # resources, so the platform team ships the campaign as a CloudFormation stack targeting the stack's bucket.
    def build(c: Any) -> object:
        opts = _aws(region)
        part = _partition(region)
        vehicle_data = aws.s3.Bucket("fleetwise-data", opts=opts)

        def template(arn: str) -> str:
            return json.dumps(
                {
                    "AWSTemplateFormatVersion": "2010-09-09",
                    "Resources": {
                        "BatteryCampaign": {
                            "Type": "AWS::IoTFleetWise::Campaign",
                            "Properties": {
                                "Name": "battery-health",
                                "Action": "APPROVE",
                                "SignalCatalogArn": f"arn:{part}:iotfleetwise:{region}:{ACCOUNT}:signal-catalog/ev",
                                "TargetArn": f"arn:{part}:iotfleetwise:{region}:{ACCOUNT}:fleet/ev-2026",
                                "CollectionScheme": {"TimeBasedCollectionScheme": {"PeriodMs": 10000}},
                                "SignalsToCollect": [{"Name": "Vehicle.Battery.StateOfHealth"}],
                                "DataDestinationConfigs": [
                                    {"S3Config": {"BucketArn": arn, "DataFormat": "PARQUET", "Prefix": "battery/"}}
                                ],
                            },
                        }
                    },
                }
            )

        return aws.cloudformation.Stack(
            "fleetwise-campaign", name="fleetwise-campaign", template_body=vehicle_data.arn.apply(template), opts=opts
        )

    return build


def influxdb_charging(region: str) -> Build:
    # docs: timestreaminfluxdb/dbinstance (bucket / organization: InfluxDB's own names, log_delivery_configuration
    # s3_configuration {bucket_name, enabled}, vpc_subnet_ids, publicly_accessible false). Charger power curves.
    def build(c: Any) -> object:
        opts = _aws(region)
        vpc, subnets = _vpc(opts, region)
        sg = aws.ec2.SecurityGroup("influx", vpc_id=vpc.id, opts=opts)
        logs = aws.s3.Bucket("influx-logs", opts=opts)
        return aws.timestreaminfluxdb.DbInstance(
            "charger-curves",
            name="charger-curves",
            allocated_storage=400,
            bucket="charger_power",
            organization="ev-energy",
            username="admin",
            password="change-me-in-secrets-manager",
            db_instance_type="db.influx.large",
            vpc_subnet_ids=[s.id for s in subnets],
            vpc_security_group_ids=[sg.id],
            publicly_accessible=False,
            log_delivery_configuration={"s3_configuration": {"bucket_name": logs.bucket, "enabled": True}},
            opts=opts,
        )

    return build


def s3_tables_replication(home: str, other: str) -> Build:
    # docs: s3tables/tablebucketreplication (role, rule destinations [{destination_table_bucket_arn}]), S3 User Guide
    # "Replicating S3 tables" (2025). The trip tables replicated to a second Region of the jurisdiction.
    def build(c: Any) -> object:
        a, b = _aws(home), _aws(other)
        source = aws.s3tables.TableBucket("tables", name="ev-trips", opts=a)
        replica = aws.s3tables.TableBucket("tables-replica", name="ev-trips-dr", opts=b)
        role = aws.iam.Role(
            "tables-replication", assume_role_policy=_trust("replication.s3tables.amazonaws.com"), opts=a
        )
        return aws.s3tables.TableBucketReplication(
            "trips-dr",
            table_bucket_arn=source.arn,
            role=role.arn,
            rule={"destinations": [{"destination_table_bucket_arn": replica.arn}]},
            opts=a,
        )

    return build


# -- Alibaba Cloud, second round ------------------------------------------------------------------------------------


def alb_health_host_access_log(region: str, zone: str, remote: str | None = None) -> Build:
    # docs: alicloud alb/servergroup (health_check_config.health_check_host: "The domain name that is used for health
    # checks", the Host header of the probe sent to the group's own servers), alb/loadbalancer (access_log_config
    # {log_project, log_store}). The app API's ALB probing its servers with the site's own Host header. `remote`: the
    # offending twin, a server outside the VPC (remote_ip_enabled: "the server is a remote IP") in the group.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        project = alicloud.log.Project("alb-logs", project_name="ev-alb-logs", opts=opts)
        store = alicloud.log.Store("alb-access", project_name=project.project_name, logstore_name="access", opts=opts)
        alicloud.alb.LoadBalancer(
            "app-api-alb",
            load_balancer_name="app-api",
            load_balancer_edition="Standard",
            address_type="Internet",
            vpc_id=vpc.id,
            load_balancer_billing_config={"pay_type": "PayAsYouGo"},
            zone_mappings=[{"vswitch_id": vsw.id, "zone_id": zone}],
            access_log_config={"log_project": project.project_name, "log_store": store.logstore_name},
            opts=opts,
        )
        return alicloud.alb.ServerGroup(
            "app-api",
            server_group_name="app-api",
            protocol="HTTPS",
            vpc_id=vpc.id,
            health_check_config={
                "health_check_enabled": True,
                "health_check_protocol": "HTTPS",
                "health_check_host": "api.fleet.example.cn",
                "health_check_path": "/healthz",
                "health_check_codes": ["http_2xx"],
            },
            sticky_session_config={"sticky_session_enabled": False},
            servers=[
                {"server_type": "Ip", "server_id": remote, "server_ip": remote, "port": 443, "remote_ip_enabled": True}
            ]
            if remote
            else [{"server_type": "Ip", "server_id": "172.16.1.10", "server_ip": "172.16.1.10", "port": 443}],
            opts=opts,
        )

    return build


def sls_etl_oss_shipper(region: str) -> Build:
    # docs: alicloud sls/etl (configuration: script, lang SPL, logstore, role_arn, sinks [{name, endpoint
    # <region>-intranet.log.aliyuncs.com, project, logstore, role_arn}]), log/ossshipper (oss_bucket, path_format,
    # format parquet). Vehicle app logs masked by ETL into a second logstore and shipped to the stack's OSS bucket.
    def build(c: Any) -> object:
        opts = _ali(region, own_account=True)
        project = alicloud.log.Project("app-logs", project_name="ev-app-logs", opts=opts)
        raw = alicloud.log.Store("raw", project_name=project.project_name, logstore_name="raw", opts=opts)
        masked = alicloud.log.Store("masked", project_name=project.project_name, logstore_name="masked", opts=opts)
        role = alicloud.ram.Role(
            "sls-etl", role_name="sls-etl", assume_role_policy_document=_ram_trust("log.aliyuncs.com"), opts=opts
        )
        alicloud.sls.Etl(
            "mask-vin",
            job_name="mask-vin",
            display_name="mask VIN",
            project=project.project_name,
            configuration={
                "script": "* | extend vin = regexp_replace(vin, '(.{11}).*', '\\1******')",
                "lang": "SPL",
                "logstore": raw.logstore_name,
                "role_arn": role.arn,
                "from_time": 1767225600,
                "to_time": 0,
                "sinks": [
                    {
                        "name": "masked",
                        "endpoint": f"{region}-intranet.log.aliyuncs.com",
                        "project": project.project_name,
                        "logstore": masked.logstore_name,
                        "role_arn": role.arn,
                        "datasets": ["__UNNAMED__"],
                    }
                ],
            },
            opts=opts,
        )
        archive = alicloud.oss.Bucket("log-archive", bucket="ev-app-log-archive", opts=opts)
        return alicloud.log.OssShipper(
            "masked-archive",
            project_name=project.project_name,
            logstore_name=masked.logstore_name,
            shipper_name="masked-archive",
            oss_bucket=archive.bucket,
            oss_prefix="masked",
            buffer_interval=300,
            buffer_size=256,
            compress_type="snappy",
            path_format="%Y/%m/%d/%H/%M",
            format="parquet",
            parquet_configs=[{"name": "vin", "type": "string"}, {"name": "__time__", "type": "int64"}],
            role_arn=role.arn,
            opts=opts,
        )

    return build


def fc3_custom_domain_vpc(region: str, zone: str) -> Build:
    # docs: alicloud fc/v3function (vpc_config, nas_config mount_points server_addr <id>.<region>.nas.aliyuncs.com:/,
    # internet_access False), fc/v3customdomain (custom_domain_name, protocol HTTPS, route_config routes
    # [{function_name, path, qualifier}], cert_config), nas/filesystem, nas/mounttarget. The dealer API on the
    # stack's own domain, reading manuals from NAS.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        sg = alicloud.ecs.SecurityGroup("fc", vpc_id=vpc.id, opts=opts)
        nas = alicloud.nas.FileSystem("manuals", protocol_type="NFS", storage_type="Performance", opts=opts)
        alicloud.nas.MountTarget(
            "manuals", file_system_id=nas.id, vswitch_id=vsw.id, access_group_name="DEFAULT_VPC_GROUP_NAME", opts=opts
        )
        fn = alicloud.fc.V3Function(
            "dealer-api",
            function_name="dealer-api",
            runtime="python3.10",
            handler="index.handler",
            code={"zip_file": "UEsDBAoAAAAAAA=="},
            internet_access=False,
            vpc_config={"vpc_id": vpc.id, "vswitch_ids": [vsw.id], "security_group_id": sg.id},
            nas_config={
                "user_id": 10003,
                "group_id": 10003,
                "mount_points": [
                    {
                        "server_addr": nas.id.apply(lambda i: f"{i}-abc12.{region}.nas.aliyuncs.com:/manuals"),
                        "mount_dir": "/mnt/manuals",
                        "enable_tls": False,
                    }
                ],
            },
            opts=opts,
        )
        return alicloud.fc.V3CustomDomain(
            "dealer-api",
            custom_domain_name="dealer-api.fleet.example.cn",
            protocol="HTTP",
            route_config={
                "routes": [
                    {"function_name": fn.function_name, "path": "/*", "qualifier": "LATEST", "methods": ["GET", "POST"]}
                ]
            },
            opts=opts,
        )

    return build


def sae_sls_host_alias(region: str, zone: str) -> Build:
    # docs: alicloud sae/application (sls_configs: JSON [{logDir, logType}], custom_host_alias_v2s [{host_name, ip}]:
    # /etc/hosts entries pointing names at the VPC's own addresses, timezone). The parts service reaching the
    # legacy dealer DB by an alias of its private IP.
    def build(c: Any) -> object:
        opts = _ali(region)
        vpc, vsw = _ali_vpc(opts, zone)
        sg = alicloud.ecs.SecurityGroup("sae", vpc_id=vpc.id, opts=opts)
        ns = alicloud.sae.Namespace("parts", namespace_id=f"{region}:parts", namespace_name="parts", opts=opts)
        return alicloud.sae.Application(
            "parts-service",
            app_name="parts-service",
            namespace_id=ns.namespace_id,
            package_type="Image",
            replicas=2,
            cpu=1000,
            memory=2048,
            vpc_id=vpc.id,
            vswitch_id=vsw.id,
            security_group_id=sg.id,
            image_url=f"registry-vpc.{region}.aliyuncs.com/ev/parts-service:2.0.1",
            timezone="Asia/Shanghai",
            sls_configs=json.dumps(
                [{"logDir": "/var/log/parts/app.log", "logType": "file_log"}, {"logDir": "", "logType": "stdout"}]
            ),
            custom_host_alias_v2s=[{"host_name": "dealer-db.internal", "ip": "172.16.3.20"}],
            opts=opts,
        )

    return build
