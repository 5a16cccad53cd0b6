"""Programs on services and fields the providers added recently (red team, round 12, stop 36).

Each builder is what a team writes from the provider's registry page for a type the realistic table had no program for:
a mail relay, an SFTP connector, a telemetry centralisation rule, a cost export, a table replication, a Bedrock
AgentCore gateway target, a Verified Access endpoint, Alibaba disk replication, HBR cross-account backup, ... ``dest``
says where the program sends the data: ``"home"`` an in-country destination (the compliant twin), ``"abroad"`` one
outside the jurisdiction. tests/test_realistic_programs.py runs them as CASES (``redteam36-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from pulumi import ResourceOptions

Build = Callable[[Any], object]

PARTNER = "999999999999"
"""Another AWS account (a partner's, or the group's account in another market)."""

HOME_AWS = {"CN": "cn-north-1", "EU": "eu-west-1"}
ABROAD_AWS = "us-east-1"
HOME_ALI = "cn-shanghai"
ABROAD_ALI = "ap-southeast-1"


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _suffix(code: str) -> str:
    return "amazonaws.com.cn" if code == "CN" else "amazonaws.com"


# -- AWS ---------------------------------------------------------------------------------------------------------------


def mail_relay(code: str, dest: str) -> Build:
    # docs: mailmanager/relay — `serverName` / `serverPort`: the SMTP server Mail Manager relays messages to.
    server = f"email-smtp.{HOME_AWS[code]}.{_suffix(code)}" if dest == "home" else "smtp.partner-mail.example.com"

    def build(c: Any) -> object:
        return aws.mailmanager.Relay(
            "relay", name="partner-relay", server_name=server, server_port=587,
            authentication={"no_authentication": {}}, opts=c.aws,
        )  # fmt: skip

    return build


def sftp_connector(code: str, dest: str) -> Build:
    # docs: transfer/connector — `url`: the SFTP server the connector sends files to.
    url = "sftp://10.20.0.15" if dest == "home" else "sftp://sftp.partner.example.com"

    def build(c: Any) -> object:
        role = aws.iam.Role("connector-role", assume_role_policy=_trust("transfer.amazonaws.com"), opts=c.aws)
        return aws.transfer.Connector(
            "connector", access_role=role.arn, url=url,
            sftp_config={"trusted_host_keys": ["ssh-rsa AAAAB3Nza"], "user_secret_id": "sftp-user"}, opts=c.aws,
        )  # fmt: skip

    return build


def network_probe(code: str, dest: str) -> Build:
    # docs: networkmonitor/probe — `destination`: the IP address the probe sends packets to.
    address = "10.20.0.15" if dest == "home" else "8.8.4.4"

    def build(c: Any) -> object:
        monitor = aws.networkmonitor.Monitor("monitor", monitor_name="wan", opts=c.aws)
        return aws.networkmonitor.Probe(
            "probe", monitor_name=monitor.monitor_name, destination=address, destination_port=443, protocol="TCP",
            packet_size=56, source_arn=f"arn:{_part(code)}:ec2:{HOME_AWS[code]}:123456789012:subnet/subnet-0a1b2c3d",
            opts=c.aws,
        )  # fmt: skip

    return build


def centralization_rule(code: str, dest: str) -> Build:
    # docs: observabilityadmin/centralizationrulefororganization — `rule.destination.{account, region}`: the account
    # and Region the organisation's logs are copied to.
    region = HOME_AWS[code] if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        return aws.observabilityadmin.CentralizationRuleForOrganization(
            "central-logs", rule_name="central-logs",
            rule={
                "destination": {"account": "123456789012", "region": region},
                "source": {"regions": [HOME_AWS[code]], "scope": "OrganizationId = 'o-abc123'",
                           "source_logs_configuration": {"encrypted_log_group_strategy": "SKIP",
                                                         "log_group_selection_criteria": "*"}},
            },
            opts=c.aws,
        )  # fmt: skip

    return build


def telemetry_pipeline(code: str, dest: str) -> Build:
    # docs: observabilityadmin/telemetrypipeline — `configuration.body`: the pipeline's YAML, its sink included.
    sink = (
        {"cloudwatch_logs": {"log_group": "/fleet/pipeline", "aws": {"region": HOME_AWS[code]}}}
        if dest == "home"
        else {"http": {"url": "https://collector.partner.example.com/v1/logs"}}
    )
    body = json.dumps({"pipeline": {"source": {"cloudwatch_logs": {}}, "sink": [sink]}})

    def build(c: Any) -> object:
        return aws.observabilityadmin.TelemetryPipeline(
            "pipeline", name="fleet-pipeline", configuration={"body": body}, opts=c.aws
        )

    return build


def cost_export(code: str, dest: str) -> Build:
    # docs: bcmdata/export — `export.destinationConfigurations.s3Destination.{s3Bucket, s3Region}`.
    def build(c: Any) -> object:
        # abroad: the export's Region set to another one (the bucket is the stack's own).
        name = aws.s3.Bucket("billing", opts=c.aws).bucket
        region = HOME_AWS[code] if dest == "home" else ABROAD_AWS
        export: Any = {
            "name": "fleet-costs",
            "data_queries": [{"query_statement": "SELECT * FROM COST_AND_USAGE_REPORT"}],
            "destination_configurations": [{"s3_destination": {
                "s3_bucket": name, "s3_prefix": "cur", "s3_region": region,
                "s3_output_configurations": [{"overwrite": "OVERWRITE_REPORT", "format": "PARQUET",
                                              "compression": "PARQUET", "output_type": "CUSTOM"}]}}],
            "refresh_cadences": [{"frequency": "SYNCHRONOUS"}],
        }  # fmt: skip
        return aws.bcmdata.Export("cost-export", export=export, opts=c.aws)

    return build


def table_replication(code: str, dest: str) -> Build:
    # docs: s3tables/tablereplication — `rule.destinations[].destinationTableBucketArn`.
    def build(c: Any) -> object:
        source = aws.s3tables.TableBucket("tables", name="fleet-tables", opts=c.aws)
        if dest == "home":
            target: Any = aws.s3tables.TableBucket("tables-dr", name="fleet-tables-dr", opts=c.aws).arn
        else:
            target = f"arn:{_part(code)}:s3tables:{ABROAD_AWS}:{PARTNER}:bucket/partner-tables"
        role = aws.iam.Role("replication-role", assume_role_policy=_trust("s3.amazonaws.com"), opts=c.aws)
        return aws.s3tables.TableBucketReplication(
            "replication", table_bucket_arn=source.arn, role=role.arn,
            rule={"destinations": [{"destination_table_bucket_arn": target}]}, opts=c.aws,
        )  # fmt: skip

    return build


def dsql_cluster(code: str, dest: str) -> Build:
    # docs: dsql/cluster — `multiRegionProperties.witnessRegion`: the Region that stores the cluster's encrypted log.
    witness = "eu-north-1" if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        return aws.dsql.Cluster("ledger", multi_region_properties={"witness_region": witness}, opts=c.aws)

    return build


def agentcore_target(code: str, dest: str) -> Build:
    # docs: bedrock/agentcoregatewaytarget — `targetConfiguration.mcp.mcpServer.endpoint`: the MCP server called.
    endpoint = (
        "https://abc123.lambda-url.eu-west-1.on.aws/mcp" if dest == "home" else "https://mcp.partner.example.com/mcp"
    )

    def build(c: Any) -> object:
        role = aws.iam.Role("gw-role", assume_role_policy=_trust("bedrock-agentcore.amazonaws.com"), opts=c.aws)
        gateway = aws.bedrock.AgentcoreGateway(
            "gateway", name="fleet-gateway", role_arn=role.arn, authorizer_type="AWS_IAM", protocol_type="MCP",
            opts=c.aws,
        )  # fmt: skip
        return aws.bedrock.AgentcoreGatewayTarget(
            "target", name="partner-tools", gateway_identifier=gateway.gateway_id,
            target_configuration={"mcp": {"mcp_server": {"endpoint": endpoint}}}, opts=c.aws,
        )  # fmt: skip

    return build


def verified_access_rds(code: str, dest: str) -> Build:
    # docs: verifiedaccess/endpoint — `rdsOptions.rdsEndpoint`: the database the endpoint forwards users to.
    host = "fleet.cluster-abc.eu-west-1.rds.amazonaws.com" if dest == "home" else "db.partner.example.com"

    def build(c: Any) -> object:
        return aws.verifiedaccess.Endpoint(
            "db-access", attachment_type="vpc", endpoint_type="rds", verified_access_group_id="vagr-0123456789abcdef0",
            security_group_ids=["sg-0123456789abcdef0"],
            rds_options={"port": 5432, "protocol": "tcp", "rds_endpoint": host,
                         "subnet_ids": ["subnet-0a1b2c3d"]},
            opts=c.aws,
        )  # fmt: skip

    return build


def security_lake_subscriber(code: str, dest: str) -> Build:
    # docs: securitylake/subscriber — `subscriberIdentity.principal`: the AWS account that may read the data lake.
    account = "123456789012" if dest == "home" else PARTNER

    def build(c: Any) -> object:
        return aws.securitylake.Subscriber(
            "siem", subscriber_name="siem", access_type="S3",
            subscriber_identity={"external_id": "siem-ext", "principal": account},
            sources=[{"aws_log_source_resource": {"source_name": "ROUTE53", "source_version": "2.0"}}], opts=c.aws,
        )  # fmt: skip

    return build


def access_grant(code: str, dest: str) -> Build:
    # docs: s3control/accessgrant — `grantee.granteeIdentifier`: the IAM principal the S3 location is granted to.
    account = "123456789012" if dest == "home" else PARTNER

    def build(c: Any) -> object:
        instance = aws.s3control.AccessGrantsInstance("grants", opts=c.aws)
        bucket = aws.s3.Bucket("lake", opts=c.aws)
        location = aws.s3control.AccessGrantsLocation(
            "lake-location", iam_role_arn=f"arn:{_part(code)}:iam::123456789012:role/grants",
            location_scope=bucket.bucket.apply(lambda b: f"s3://{b}/"),
            opts=c.aws.merge(ResourceOptions(depends_on=[instance])),
        )  # fmt: skip
        return aws.s3control.AccessGrant(
            "analyst-grant", access_grants_location_id=location.access_grants_location_id, permission="READ",
            grantee={"grantee_type": "IAM", "grantee_identifier": f"arn:{_part(code)}:iam::{account}:role/analyst"},
            opts=c.aws,
        )  # fmt: skip

    return build


def account_grant(kind: str, code: str, dest: str) -> Build:
    # docs: redshift/endpointauthorization `account`, opensearch/authorizevpcendpointaccess `account`, kms/grant
    # `granteePrincipal`, lambda/layerversionpermission `principal`, signer/signingprofilepermission `principal`,
    # redshiftserverless/endpointaccess `ownerAccount`: each lets another account reach the resource.
    account = "123456789012" if dest == "home" else PARTNER
    partition = _part(code)

    def build(c: Any) -> object:
        if kind == "redshift-endpoint":
            return aws.redshift.EndpointAuthorization(
                "bi-access", account=account, cluster_identifier="fleet-dw", opts=c.aws
            )
        if kind == "opensearch-endpoint":
            return aws.opensearch.AuthorizeVpcEndpointAccess(
                "search-access", account=account, domain_name="fleet-search", opts=c.aws
            )
        if kind == "kms-grant":
            key = aws.kms.Key("data-key", opts=c.aws)
            return aws.kms.Grant(
                "reader", key_id=key.key_id, grantee_principal=f"arn:{partition}:iam::{account}:role/reader",
                operations=["Decrypt"], opts=c.aws,
            )  # fmt: skip
        if kind == "layer-permission":
            return aws.lambda_.LayerVersionPermission(
                "layer-share", layer_name="fleet-common", version_number=3, principal=account,
                action="lambda:GetLayerVersion", statement_id="share", opts=c.aws,
            )  # fmt: skip
        if kind == "signer-permission":
            return aws.signer.SigningProfilePermission(
                "signer-share", profile_name="fleet_signing", action="signer:StartSigningJob", principal=account,
                opts=c.aws,
            )  # fmt: skip
        if kind == "serverless-endpoint":
            return aws.redshiftserverless.EndpointAccess(
                "bi-endpoint", endpoint_name="bi", workgroup_name="fleet", owner_account=account,
                subnet_ids=["subnet-0a1b2c3d"], opts=c.aws,
            )  # fmt: skip
        raise ValueError(kind)

    return build


def ecr_replication(code: str, dest: str) -> Build:
    # docs: ecr/replicationconfiguration — `destinations[].registryId`: the account whose registry the images are
    # copied to ("specify your own account ID" for cross-Region replication within your own registry).
    account = "123456789012" if dest == "home" else PARTNER
    replica = "cn-northwest-1" if code == "CN" else "eu-central-1"

    def build(c: Any) -> object:
        return aws.ecr.ReplicationConfiguration(
            "images-dr",
            replication_configuration={"rules": [{"destinations": [{"region": replica, "registry_id": account}]}]},
            opts=c.aws,
        )  # fmt: skip

    return build


def oam_link(code: str, dest: str) -> Build:
    # docs: oam/link — `sinkIdentifier`: the monitoring account's sink this account's metrics, logs and traces are
    # shared with (a sink of the same Region; home: the team's own monitoring sink, made by the stack).
    def build(c: Any) -> object:
        if dest == "home":
            sink: Any = aws.oam.Sink("monitoring", name="fleet-monitoring", opts=c.aws).arn
        else:
            sink = f"arn:{_part(code)}:oam:{HOME_AWS[code]}:{PARTNER}:sink/f3b2a1c0-1234-4abc-9def-0123456789ab"
        return aws.oam.Link(
            "share-telemetry", label_template="$AccountName", sink_identifier=sink,
            resource_types=["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup"], opts=c.aws,
        )  # fmt: skip

    return build


def endpoint_service(kind: str, code: str, dest: str) -> Build:
    # docs: ec2/vpcendpointservice `allowedPrincipals`, ec2/vpcendpointserviceallowedprinciple `principalArn`: the
    # accounts whose VPCs may connect to the service (and so read what it serves).
    principal = f"arn:{_part(code)}:iam::{'123456789012' if dest == 'home' else PARTNER}:root"

    def build(c: Any) -> object:
        nlb = aws.lb.LoadBalancer(
            "telemetry-nlb", load_balancer_type="network", internal=True, subnets=["subnet-a", "subnet-b"], opts=c.aws
        )
        if kind == "list":
            return aws.ec2.VpcEndpointService(
                "telemetry-service", acceptance_required=True, network_load_balancer_arns=[nlb.arn],
                allowed_principals=[principal], opts=c.aws,
            )  # fmt: skip
        service = aws.ec2.VpcEndpointService(
            "telemetry-service", acceptance_required=True, network_load_balancer_arns=[nlb.arn], opts=c.aws
        )
        return aws.ec2.VpcEndpointServiceAllowedPrinciple(
            "telemetry-consumer", vpc_endpoint_service_id=service.id, principal_arn=principal, opts=c.aws
        )

    return build


def bucket_log_sink(kind: str, code: str, dest: str) -> Build:
    # docs: workspacesweb/sessionlogger `logConfiguration.s3.bucket`; fis/experimenttemplate
    # `logConfiguration.s3Configuration.bucketName`; timestreaminfluxdb/dbcluster
    # `logDeliveryConfiguration.s3Configuration.bucketName`; cur/reportdefinition `s3Bucket` / `s3Region`.
    def build(c: Any) -> object:
        if dest == "home" or kind == "cur":  # cur: abroad is its `s3Region`, the bucket is the stack's own
            bucket: Any = aws.s3.Bucket("logs", opts=c.aws).bucket
        else:
            bucket = "partner-session-logs"
        if kind == "session-logger":
            return aws.workspacesweb.SessionLogger(
                "sessions", display_name="sessions", event_filter={"all": {}},
                log_configuration={"s3": {"bucket": bucket, "folder_structure": "Flat", "log_file_format": "Json"}},
                opts=c.aws,
            )  # fmt: skip
        if kind == "fis":
            return aws.fis.ExperimentTemplate(
                "chaos", description="az outage", role_arn=f"arn:{_part(code)}:iam::123456789012:role/fis",
                stop_conditions=[{"source": "none"}],
                actions=[{"name": "stop", "action_id": "aws:ec2:stop-instances", "target": {"key": "Instances",
                          "value": "fleet"}}],
                targets=[{"name": "fleet", "resource_type": "aws:ec2:instance", "selection_mode": "ALL",
                          "resource_tags": [{"key": "app", "value": "fleet"}]}],
                log_configuration={"log_schema_version": 2, "s3_configuration": {"bucket_name": bucket}},
                opts=c.aws,
            )  # fmt: skip
        if kind == "influx":
            return aws.timestreaminfluxdb.DbCluster(
                "telemetry", name="telemetry", allocated_storage=20, db_instance_type="db.influx.medium",
                username="admin", password="change-me-please", organization="fleet", bucket="telemetry",
                vpc_subnet_ids=["subnet-0a1b2c3d", "subnet-0e1f2a3b"], vpc_security_group_ids=["sg-0123456789abcdef0"],
                log_delivery_configuration={"s3_configuration": {"bucket_name": bucket, "enabled": True}},
                opts=c.aws,
            )  # fmt: skip
        if kind == "cur":
            return aws.cur.ReportDefinition(
                "cur", report_name="fleet-cur", time_unit="DAILY", format="Parquet", compression="Parquet",
                additional_schema_elements=["RESOURCES"], s3_bucket=bucket, s3_prefix="cur",
                s3_region=HOME_AWS[code] if dest == "home" else ABROAD_AWS, opts=c.aws,
            )  # fmt: skip
        raise ValueError(kind)

    return build


def _trust(service: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
        }
    )


# -- Alibaba Cloud -----------------------------------------------------------------------------------------------------


def disk_replica(kind: str, dest: str) -> Build:
    # docs: ebs/diskreplicapair, ebs/diskreplicagroup — `destinationRegionId` / `destinationZoneId`: where the
    # asynchronous replica of the disk is kept.
    region = "cn-beijing" if dest == "home" else ABROAD_ALI
    zone = f"{region}-a" if dest == "home" else f"{ABROAD_ALI}-b"

    def build(c: Any) -> object:
        if kind == "pair":
            return alicloud.ebs.DiskReplicaPair(
                "disk-dr", disk_id="d-uf6abcdefghijklmnop1", source_zone_id=f"{HOME_ALI}-b",
                destination_region_id=region, destination_zone_id=zone, destination_disk_id="d-abcdefghijklmnop2",
                payment_type="POSTPAY", rpo=900, opts=c.ali,
            )  # fmt: skip
        return alicloud.ebs.DiskReplicaGroup(
            "disk-dr-group", source_region_id=HOME_ALI, source_zone_id=f"{HOME_ALI}-b",
            destination_region_id=region, destination_zone_id=zone, rpo=900, opts=c.ali,
        )  # fmt: skip

    return build


def hbr_cross_account(dest: str) -> Build:
    # docs: hbr/crossaccount — `crossAccountUserId`: the Alibaba Cloud account whose data this account backs up
    # (the HBR cross-account backup's other account, which then holds the backups' vault access).
    account = 1234567890123456 if dest == "home" else 9876543210987654

    def build(c: Any) -> object:
        return alicloud.hbr.CrossAccount(
            "backup-account", cross_account_user_id=account, cross_account_role_name="BackupRole", alias="dr",
            opts=c.ali,
        )  # fmt: skip

    return build


def mns_event_rule(dest: str) -> Build:
    # docs: message/serviceeventrule — `endpoint.{endpointType, endpointValue}`: where OSS events are pushed.
    value = (
        f"https://1234567890123456.{HOME_ALI}.fc.aliyuncs.com/2016-08-15/proxy/fleet/hook/"
        if dest == "home"
        else "https://hooks.partner.example.com/oss-events"
    )

    def build(c: Any) -> object:
        return alicloud.message.ServiceEventRule(
            "oss-events", rule_name="oss-events", event_types=["ObjectCreated:PutObject"],
            match_rules=[[{"match_state": "true", "name": "fleet-uploads", "prefix": "", "suffix": ""}]],
            endpoint={"endpoint_type": "http", "endpoint_value": value}, opts=c.ali,
        )  # fmt: skip

    return build


def logtail_flusher(dest: str) -> Build:
    # docs: sls/logtailpipelineconfig — `flushers`: where Logtail sends what it collects (flusher_sls: the project's
    # endpoint and Region).
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.sls.LogtailPipelineConfig(
            "app-logs", project="fleet-logs", config_name="app-logs",
            inputs=[{"Type": "input_file", "FilePaths": "/var/log/fleet/*.log"}],
            # abroad: the flusher's Region another one (its Endpoint, optional, left to the Region's).
            flushers=[{"Type": "flusher_sls", "Logstore": "app", "Region": region, "TelemetryType": "logs",
                       **({"Endpoint": f"{region}.log.aliyuncs.com"} if dest == "home" else {})}],
            opts=c.ali,
        )  # fmt: skip

    return build


def fnf_flow(dest: str) -> Build:
    # docs: fnf/flow — `definition`: the FDL steps; a task step's `resourceArn` is the function it invokes.
    region = HOME_ALI if dest == "home" else ABROAD_ALI
    definition = (
        "version: v1\ntype: flow\nsteps:\n  - type: task\n    name: export\n"
        f"    resourceArn: acs:fc:{region}:1234567890123456:services/fleet/functions/export\n"
    )

    def build(c: Any) -> object:
        return alicloud.fnf.Flow(
            "export-flow", name="export-flow", description="nightly export", type="FDL", definition=definition,
            role_arn="acs:ram::1234567890123456:role/fnf-role", opts=c.ali,
        )  # fmt: skip

    return build


def dts_migration(dest: str) -> Build:
    # docs: dts/migrationinstance — `destinationEndpointRegion`: the Region of the database the data is migrated to.
    region = "cn-beijing" if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.dts.MigrationInstance(
            "migration", payment_type="PayAsYouGo", source_endpoint_engine_name="MySQL",
            source_endpoint_region=HOME_ALI, destination_endpoint_engine_name="MySQL",
            destination_endpoint_region=region, instance_class="small", sync_architecture="oneway", opts=c.ali,
        )  # fmt: skip

    return build


def hybrid_double_write(dest: str) -> Build:
    # docs: cloudmonitor/servicehybriddoublewrite — `userId` / `namespace`: the account and namespace the monitoring
    # data of `sourceNamespace` is also written to.
    account = "1234567890123456" if dest == "home" else "9876543210987654"

    def build(c: Any) -> object:
        return alicloud.cloudmonitor.ServiceHybridDoubleWrite(
            "double-write", source_namespace="fleet-metrics", source_user_id="1234567890123456",
            namespace="partner-metrics", user_id=account, opts=c.ali,
        )  # fmt: skip

    return build


def delivery_channel(dest: str) -> Build:
    # docs: resourcemanager/deliverychannel — `resourceChangeDelivery.targetArn`: the SLS logstore resource changes
    # are delivered to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.resourcemanager.DeliveryChannel(
            "changes", delivery_channel_name="changes",
            delivery_channel_filter={"resource_types": ["ACS::ECS::Instance"]},
            resource_change_delivery={"target_arn": f"acs:log:{region}:1234567890123456:project/fleet/logstore/rc"},
            resource_snapshot_delivery={"delivery_time": "16:00Z", "target_type": "OSS",
                                        "target_arn": f"acs:oss:{region}:1234567890123456:fleet-snapshots"},
            opts=c.ali,
        )  # fmt: skip

    return build


def global_events_region(dest: str) -> Build:
    # docs: actiontrail/globaleventsstorageregion — `storageRegion`: where global events are stored.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.actiontrail.GlobalEventsStorageRegion("global-events", storage_region=region, opts=c.ali)

    return build


def event_source_webhook(dest: str) -> Build:
    # docs: eventbridge/eventsourcev2 — `sourceHttpEventParameters`: an HTTP source (ingress); `linkedExternalSource`.
    def build(c: Any) -> object:
        return alicloud.eventbridge.EventSourceV2(
            "webhook", event_bus_name="fleet", event_source_name="partner-webhook",
            source_http_event_parameters={"type": "HTTPS", "methods": ["POST"], "security_config": "ip",
                                          "ips": ["10.20.0.0/16"] if dest == "home" else ["198.51.100.0/24"]},
            opts=c.ali,
        )  # fmt: skip

    return build


def delegate_account(dest: str) -> Build:
    # docs: cloudsso/delegateaccount — `accountId`: the member account made CloudSSO's delegated administrator.
    account = "1234567890123456" if dest == "home" else "9876543210987654"

    def build(c: Any) -> object:
        return alicloud.cloudsso.DelegateAccount("sso-admin", account_id=account, opts=c.ali)

    return build


def pai_dataset_version(dest: str) -> Build:
    # docs: pai/workspacedatasetversion — `uri`: the OSS path the dataset version reads.
    uri = (
        f"oss://fleet-data.oss-{HOME_ALI}.aliyuncs.com/train/"
        if dest == "home"
        else f"oss://partner-data.oss-{ABROAD_ALI}.aliyuncs.com/train/"
    )

    def build(c: Any) -> object:
        return alicloud.pai.WorkspaceDatasetversion(
            "train-v2", dataset_id="d-abc123", data_source_type="OSS", source_type="USER", uri=uri,
            property="DIRECTORY", opts=c.ali,
        )  # fmt: skip

    return build


# -- the table: (name, builder(code, dest), rule of the "abroad" program) ----------------------------------------------

RES = str
AWS_EU: dict[str, tuple[Callable[[str, str], Build], set[RES]]] = {
    "mail-relay": (mail_relay, {"RES-015"}),
    "sftp-connector": (sftp_connector, {"RES-015"}),
    "centralization-rule": (centralization_rule, {"RES-009"}),
    "telemetry-pipeline": (telemetry_pipeline, {"RES-015"}),
    "cost-export": (cost_export, {"RES-009"}),
    "table-replication": (table_replication, {"RES-004"}),
    "dsql-witness": (dsql_cluster, {"RES-009"}),
    "agentcore-mcp-target": (agentcore_target, {"RES-015"}),
    "verified-access-rds": (verified_access_rds, {"RES-015"}),
    "security-lake-subscriber": (security_lake_subscriber, {"RES-023"}),
    "session-logger": (lambda code, dest: bucket_log_sink("session-logger", code, dest), {"RES-017"}),
    "fis-logs": (lambda code, dest: bucket_log_sink("fis", code, dest), {"RES-017"}),
    "influx-logs": (lambda code, dest: bucket_log_sink("influx", code, dest), {"RES-017"}),
    "cur": (lambda code, dest: bucket_log_sink("cur", code, dest), {"RES-009"}),
    # Leaks closed in this round (granted_account_fields): accepted in EU before, whatever the account.
    "access-grant": (access_grant, {"RES-023"}),
    "redshift-endpoint-authorization": (lambda code, dest: account_grant("redshift-endpoint", code, dest), {"RES-023"}),
    "opensearch-endpoint-access": (lambda code, dest: account_grant("opensearch-endpoint", code, dest), {"RES-023"}),
    "kms-grant": (lambda code, dest: account_grant("kms-grant", code, dest), {"RES-023"}),
    "layer-permission": (lambda code, dest: account_grant("layer-permission", code, dest), {"RES-023"}),
    "ecr-replication-account": (ecr_replication, {"RES-023"}),
    "oam-link-sink": (oam_link, {"RES-023"}),
    "endpoint-service-principals": (lambda code, dest: endpoint_service("list", code, dest), {"RES-023"}),
    "endpoint-service-principal": (lambda code, dest: endpoint_service("one", code, dest), {"RES-023"}),
    # Checked and kept: no data of the stack goes to the other account or address (see docs/residency.md).
    "signer-permission": (lambda code, dest: account_grant("signer-permission", code, dest), set()),
    "network-probe": (network_probe, set()),
    # Left open in round 12, closed by the cross-account writes review (stop 37): an endpoint on another account's
    # workgroup (`owner_account`, granted_account_fields) is judged as a grant to that account.
    "serverless-endpoint-owner": (lambda code, dest: account_grant("serverless-endpoint", code, dest), {"RES-023"}),
}
AWS_CN: dict[str, tuple[Callable[[str, str], Build], set[RES]]] = {
    "sftp-connector": (sftp_connector, {"RES-015"}),
    "cost-export": (cost_export, {"RES-009"}),
    "table-replication": (table_replication, {"RES-004"}),
    "cur": (lambda code, dest: bucket_log_sink("cur", code, dest), {"RES-009"}),
    # aws-cn: every account of the partition is a China account (RES-023 judges by partition there).
    "kms-grant": (lambda code, dest: account_grant("kms-grant", code, dest), set()),
    "ecr-replication-account": (ecr_replication, set()),
    "oam-link-sink": (oam_link, set()),
    "endpoint-service-principal": (lambda code, dest: endpoint_service("one", code, dest), set()),
}
ALI_CN: dict[str, tuple[Callable[[str], Build], set[RES]]] = {
    # A replica abroad names both a Region and a zone there (both required), refused twice (RES-009 and RES-008), which
    # a one-rule Case cannot hold: tests/test_rules.py pins each; only the compliant twin runs here.
    "disk-replica-pair": (lambda dest: disk_replica("pair", dest), set()),
    "disk-replica-group": (lambda dest: disk_replica("group", dest), set()),
    "mns-event-rule": (mns_event_rule, {"RES-015"}),
    "logtail-flusher": (logtail_flusher, {"RES-009"}),
    "fnf-flow": (fnf_flow, {"RES-005"}),
    "dts-migration": (dts_migration, {"RES-009"}),
    "config-delivery-channel": (delivery_channel, {"RES-005"}),
    "global-events-region": (global_events_region, {"RES-009"}),
    "pai-dataset-version": (pai_dataset_version, {"RES-006"}),
    # Decided again at stop 66 (alired66, docs/residency.md "Alibaba Cloud red team, round 26"): CloudSSO's delegated
    # administrator is the account that then runs the directory's sign-in (its users, groups, access configurations
    # and provisioning), as the resource directory's delegated administrator decided at stop 65: another account is
    # a written account (RES-023) until pinned or declared. Kept here before as "sends to the stack".
    "sso-delegate-account": (delegate_account, {"RES-023"}),
    # Checked and kept: the other account or address sends to the stack, not the reverse.
    "hbr-cross-account": (hbr_cross_account, set()),
    "event-source-webhook": (event_source_webhook, set()),
}

PARTNER_DECLARED: dict[str, Any] = {
    "id": "eu-analytics-account", "kind": "resident", "match": PARTNER,
    "evidence": "the group's EU analytics account; SCP limits it to EU Regions",
}  # fmt: skip
"""The other account declared resident by its bare id (docs/residency.md, "Accounts a policy grants")."""
