"""AWS red team, round 17 (stop 45): pulumi-aws types the table never made, tried with a partner's account.

Round 17 listed, as round 16 did, the ``aws.<module>.<Class>(`` constructors the realistic table makes against the
resource classes of the installed pulumi-aws 7.51.1 (683 made of 1,747) and wrote data-carrying types among the 1,074
never made (log delivery, ingestion destinations, directory and API sharing, replicas, resource policies that grant
another account, file shares, copies) as programs whose value is a partner account's resource in an in-country
Region, a Region abroad, or a bucket the stack does not make. The verdicts are in docs/residency.md, "AWS red team,
round 17 (stop 45)".

``who``: ``own`` (the team's account, which the table's provider pins: passes), ``partner`` (another account:
RES-023), ``partner-declared`` (the partner's account declared: passes). ``where``: ``home`` / ``abroad`` twins of
types already refused abroad, so a later change cannot lose them.

tests/test_realistic_programs.py runs them as CASES (``awsred45-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import Build, Row, account_rows, home_abroad_rows

# The same accounts, Regions and declaration as round 16 (one fact, one place).
from platform_programs_awsred44 import (
    ABROAD,
    CODES,
    HOME,
    OWN,
    PARTITION,
    PARTNER_DECLARED,
    account_arn,
    account_of,
)


def _grant(code: str, who: str, actions: list[str], resource: Any) -> pulumi.Output[str]:
    principal = f"arn:{PARTITION[code]}:iam::{account_of(who)}:root"
    return pulumi.Output.from_input(resource).apply(lambda r: json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": principal}, "Action": actions, "Resource": r}]}))  # fmt: skip


# -- another account's resource the stack writes into, or grants ----------------------------------------------------


def cognito_firehose(code: str, who: str) -> Build:
    # docs: cognito/logdeliveryconfiguration — `log_configurations.firehose_configuration.stream_arn` "The ARN of an
    # Amazon Data Firehose stream that's the destination for log delivery" (user notification / sign-in logs).
    def build(c: Any) -> object:
        pool = aws.cognito.UserPool("customers", opts=c.aws)
        return aws.cognito.LogDeliveryConfiguration(
            "customer-logs", user_pool_id=pool.id, log_configurations=[{
                "event_source": "userAuthEvents", "log_level": "INFO",
                "firehose_configuration": {
                    "stream_arn": account_arn(code, who, "firehose", "deliverystream/auth-events"),
                },
            }], opts=c.aws,
        )  # fmt: skip

    return build


def cognito_log_group(code: str, who: str) -> Build:
    # docs: cognito/logdeliveryconfiguration — `cloud_watch_logs_configuration.log_group_arn` "The ARN of a
    # CloudWatch Logs log group where your user pool sends logs".
    def build(c: Any) -> object:
        pool = aws.cognito.UserPool("customers", opts=c.aws)
        return aws.cognito.LogDeliveryConfiguration(
            "customer-logs", user_pool_id=pool.id, log_configurations=[{
                "event_source": "userNotification", "log_level": "ERROR",
                "cloud_watch_logs_configuration": {
                    "log_group_arn": account_arn(code, who, "logs", "log-group:/cognito/customers")},
            }], opts=c.aws,
        )  # fmt: skip

    return build


def shared_directory(code: str, who: str) -> Build:
    # docs: directoryservice/shareddirectory — `target.id` "Identifier of the directory consumer account"; sharing
    # lets that account join its instances to the directory (its users, groups and credentials).
    def build(c: Any) -> object:
        directory = aws.directoryservice.Directory(
            "corp", name="corp.example.com", password="SuperSecretPassw0rd", type="MicrosoftAD", edition="Standard",
            vpc_settings={"vpc_id": "vpc-0a1b2c3d", "subnet_ids": ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]},
            opts=c.aws,
        )  # fmt: skip
        return aws.directoryservice.SharedDirectory(
            "corp-share", directory_id=directory.id, notes="shared with the payments team",
            target={"id": account_of(who)}, opts=c.aws,
        )  # fmt: skip

    return build


def merged_api(code: str, who: str) -> Build:
    # docs: appsync/sourceapiassociation — `merged_api_arn` "ARN of the merged API": the merged API's callers run
    # this source API's resolvers (its data sources) through the merged schema.
    def build(c: Any) -> object:
        api = aws.appsync.GraphQLApi("orders", authentication_type="AWS_IAM", opts=c.aws)
        return aws.appsync.SourceApiAssociation(
            "orders-merged", source_api_id=api.id,
            merged_api_arn=account_arn(code, who, "appsync", "apis/merged0a1b2c3d4e5f"), opts=c.aws,
        )  # fmt: skip

    return build


def merged_source(code: str, who: str) -> Build:
    # docs: appsync/sourceapiassociation — `source_api_arn` "ARN of the source API": the stack's merged API runs that
    # source API's resolvers for its callers (their queries and arguments reach the source API's data sources).
    def build(c: Any) -> object:
        merged = aws.appsync.GraphQLApi("portal", authentication_type="AWS_IAM", opts=c.aws)
        return aws.appsync.SourceApiAssociation(
            "portal-orders", merged_api_id=merged.id,
            source_api_arn=account_arn(code, who, "appsync", "apis/src0a1b2c3d4e5f6071"), opts=c.aws,
        )  # fmt: skip

    return build


def kinesis_policy(code: str, who: str) -> Build:
    # docs: kinesis/resourcepolicy — a stream policy; the example grants another account's role GetRecords.
    def build(c: Any) -> object:
        stream = aws.kinesis.Stream("clicks", shard_count=1, opts=c.aws)
        return aws.kinesis.ResourcePolicy(
            "clicks-share", resource_arn=stream.arn,
            policy=_grant(code, who, ["kinesis:GetRecords", "kinesis:GetShardIterator"], stream.arn), opts=c.aws,
        )  # fmt: skip

    return build


def msk_policy(code: str, who: str) -> Build:
    # docs: msk/clusterpolicy — the cluster's resource policy (cross-account multi-VPC connectivity).
    def build(c: Any) -> object:
        cluster = aws.msk.ServerlessCluster(
            "events", cluster_name="events", client_authentication={"sasl": {"iam": {"enabled": True}}},
            vpc_configs=[{"subnet_ids": ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]}], opts=c.aws,
        )  # fmt: skip
        return aws.msk.ClusterPolicy(
            "events-share", cluster_arn=cluster.arn,
            policy=_grant(code, who, ["kafka:CreateVpcConnection", "kafka:GetBootstrapBrokers"], cluster.arn),
            opts=c.aws,
        )  # fmt: skip

    return build


def sesv2_identity_policy(code: str, who: str) -> Build:
    # docs: sesv2/emailidentitypolicy — a sending authorization policy (another account sends as the identity).
    def build(c: Any) -> object:
        identity = aws.sesv2.EmailIdentity("mail", email_identity="example.com", opts=c.aws)
        return aws.sesv2.EmailIdentityPolicy(
            "mail-delegate", email_identity=identity.email_identity, policy_name="delegate",
            policy=_grant(code, who, ["ses:SendEmail"], identity.arn), opts=c.aws,
        )  # fmt: skip

    return build


def redshift_policy(code: str, who: str) -> Build:
    # docs: redshift/resourcepolicy — a datashare's resource policy (who may consume it).
    def build(c: Any) -> object:
        share = account_arn(code, "own", "redshift", "datashare:0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9/claims")
        return aws.redshift.ResourcePolicy(
            "claims-share", resource_arn=share,
            policy=_grant(code, who, ["redshift:AuthorizeInboundIntegration"], share), opts=c.aws,
        )  # fmt: skip

    return build


def lattice_policy(code: str, who: str) -> Build:
    # docs: vpclattice/resourcepolicy — a service network's resource policy (another account may associate with it).
    def build(c: Any) -> object:
        network = aws.vpclattice.ServiceNetwork("mesh", name="mesh", opts=c.aws)
        return aws.vpclattice.ResourcePolicy(
            "mesh-share", resource_arn=network.arn,
            policy=_grant(code, who, ["vpc-lattice:CreateServiceNetworkVpcAssociation"], network.arn), opts=c.aws,
        )  # fmt: skip

    return build


def vector_bucket_policy(code: str, who: str) -> Build:
    # docs: s3/vectorsvectorbucketpolicy — the vector bucket's policy (another account may query the vectors).
    def build(c: Any) -> object:
        bucket = aws.s3.VectorsVectorBucket("embeddings", vector_bucket_name="embeddings", opts=c.aws)
        return aws.s3.VectorsVectorBucketPolicy(
            "embeddings-share", vector_bucket_arn=bucket.vector_bucket_arn,
            policy=_grant(code, who, ["s3vectors:QueryVectors", "s3vectors:GetVectors"], bucket.vector_bucket_arn),
            opts=c.aws,
        )  # fmt: skip

    return build


def serverless_snapshot_policy(code: str, who: str) -> Build:
    # docs: redshiftserverless/resourcepolicy — "grants a user authorization to restore a snapshot".
    def build(c: Any) -> object:
        snapshot = account_arn(code, "own", "redshift-serverless", "snapshot/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
        return aws.redshiftserverless.ResourcePolicy(
            "claims-restore", resource_arn=snapshot,
            policy=_grant(code, who, ["redshift-serverless:RestoreFromSnapshot"], snapshot), opts=c.aws,
        )  # fmt: skip

    return build


def access_point_policy(code: str, who: str) -> Build:
    # docs: s3control/accesspointpolicy — the access point's policy (who may read objects through it).
    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("records", opts=c.aws)
        point = aws.s3.AccessPoint("records-ap", bucket=bucket.bucket, name="records-ap", opts=c.aws)
        return aws.s3control.AccessPointPolicy(
            "records-ap-share", access_point_arn=point.arn,
            policy=_grant(code, who, ["s3:GetObject"], point.arn.apply(lambda a: f"{a}/object/*")), opts=c.aws,
        )  # fmt: skip

    return build


def grants_instance_policy(code: str, who: str) -> Build:
    # docs: s3control/accessgrantsinstanceresourcepolicy — lets another account use the instance's grants.
    def build(c: Any) -> object:
        instance = aws.s3control.AccessGrantsInstance("grants", opts=c.aws)
        return aws.s3control.AccessGrantsInstanceResourcePolicy(
            "grants-share", policy=_grant(code, who, ["s3:ListAccessGrants", "s3:GetDataAccess"],
                                          instance.access_grants_instance_arn), opts=c.aws,
        )  # fmt: skip

    return build


def agentcore_policy(code: str, who: str) -> Build:
    # docs: bedrock/agentcoreresourcepolicy — a resource policy on an agent runtime (who may invoke the agent).
    def build(c: Any) -> object:
        runtime = account_arn(code, "own", "bedrock-agentcore", "runtime/claims_agent-0a1b2c3d4e")
        return aws.bedrock.AgentcoreResourcePolicy(
            "claims-agent-share", resource_arn=runtime,
            policy=_grant(code, who, ["bedrock-agentcore:InvokeAgentRuntime"], runtime), opts=c.aws,
        )  # fmt: skip

    return build


def delegated_admin(code: str, who: str) -> Build:
    # docs: organizations/delegatedadministrator — `account_id` "The account ID number of the member account in the
    # organization to register as a delegated administrator" (for Security Hub: every member's findings).
    def build(c: Any) -> object:
        return aws.organizations.DelegatedAdministrator(
            "security-admin", account_id=account_of(who), service_principal="securityhub.amazonaws.com", opts=c.aws,
        )  # fmt: skip

    return build


def invocation(code: str, who: str) -> Build:
    # docs: lambda/invocation — `function_name` "Name of the Lambda function" (a name or ARN), `input` "JSON payload".
    def build(c: Any) -> object:
        return aws.lambda_.Invocation(
            "seed-customers", function_name=account_arn(code, who, "lambda", "function:seed-customers"),
            input=json.dumps({"customers": [{"id": 1, "email": "anna@example.eu"}]}), opts=c.aws,
        )  # fmt: skip

    return build


def profiles_dlq(code: str, who: str) -> Build:
    # docs: customerprofiles/domain — `dead_letter_queue_url` "The URL of the SQS dead letter queue, which is used for
    # reporting errors associated with ingesting data from third party applications" (the failed profile records).
    def build(c: Any) -> object:
        queue = f"https://sqs.{HOME[code]}.amazonaws.com/{account_of(who)}/profiles-dlq"
        return aws.customerprofiles.Domain("customers", domain_name="customers", default_expiration_days=365,
                                           dead_letter_queue_url=queue, opts=c.aws)  # fmt: skip

    return build


ACCOUNT_KINDS: dict[str, Callable[[str, str], Build]] = {
    "cognito-firehose": cognito_firehose,
    "cognito-log-group": cognito_log_group,
    "shared-directory": shared_directory,
    "merged-api": merged_api,
    "merged-source": merged_source,
    "kinesis-policy": kinesis_policy,
    "msk-policy": msk_policy,
    "ses-identity-policy": sesv2_identity_policy,
    "redshift-policy": redshift_policy,
    "lattice-policy": lattice_policy,
    "vector-bucket-policy": vector_bucket_policy,
    "serverless-snapshot-policy": serverless_snapshot_policy,
    "access-point-policy": access_point_policy,
    "grants-instance-policy": grants_instance_policy,
    "agentcore-policy": agentcore_policy,
    "delegated-admin": delegated_admin,
    "invocation": invocation,
    "profiles-dlq": profiles_dlq,
}


# -- a Region abroad, a bucket the stack does not make ----------------------------------------------------------------


def _where(code: str, where: str) -> str:
    return HOME[code] if where == "home" else ABROAD[code]


def _abroad_arn(code: str, where: str, service: str, rest: str) -> str:
    # Abroad from CN is the aws partition (Hong Kong), which also fails RES-004.
    partition = PARTITION[code] if where == "home" else "aws"
    return f"arn:{partition}:{service}:{_where(code, where)}:{OWN}:{rest}"


def table_replica(code: str, where: str) -> Build:
    # docs: dynamodb/tablereplica — `global_table_arn` "ARN of the _main_ or global table which this resource will
    # replicate": a global table is multi-active, so writes to the replica here are replicated to the main table.
    def build(c: Any) -> object:
        return aws.dynamodb.TableReplica(
            "orders-replica", global_table_arn=_abroad_arn(code, where, "dynamodb", "table/orders"), opts=c.aws,
        )  # fmt: skip

    return build


def cognito_bucket(code: str, where: str) -> Build:
    # docs: cognito/logdeliveryconfiguration — `s3_configuration.bucket_arn` "The ARN of an Amazon S3 bucket that's
    # the destination for log delivery". home: the stack's bucket; abroad: a bucket the stack does not make.
    def build(c: Any) -> object:
        pool = aws.cognito.UserPool("customers", opts=c.aws)
        bucket = aws.s3.Bucket("auth-logs", opts=c.aws).arn if where == "home" else "arn:aws:s3:::auth-logs-us"
        return aws.cognito.LogDeliveryConfiguration(
            "customer-logs", user_pool_id=pool.id, log_configurations=[{
                "event_source": "userAuthEvents", "log_level": "INFO", "s3_configuration": {"bucket_arn": bucket},
            }], opts=c.aws,
        )  # fmt: skip

    return build


def appfabric_bucket(code: str, where: str) -> Build:
    # docs: appfabric/ingestiondestination — `destination_configuration.audit_log.destination.s3_bucket.bucket_name`
    # (the SaaS applications' audit logs AppFabric ingests are written there).
    def build(c: Any) -> object:
        name = aws.s3.Bucket("saas-audit", opts=c.aws).bucket if where == "home" else "saas-audit-us-east-1"
        bundle = aws.appfabric.AppBundle("saas", opts=c.aws)
        return aws.appfabric.IngestionDestination(
            "saas-audit", app_bundle_arn=bundle.arn,
            ingestion_arn=account_arn(code, "own", "appfabric", "appbundle/0a1b2c3d/ingestion/4e5f6071"),
            processing_configuration={"audit_log": {"format": "json", "schema": "ocsf"}},
            destination_configuration={"audit_log": {"destination": {"s3_bucket": {"bucket_name": name}}}},
            opts=c.aws,
        )  # fmt: skip

    return build


def smb_share(code: str, where: str) -> Build:
    # docs: storagegateway/smbfileshare — `location_arn` "The ARN of the backed storage used for storing file data".
    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("office-files", opts=c.aws).arn if where == "home" else "arn:aws:s3:::office-files-us"
        role = aws.iam.Role("gateway", assume_role_policy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "storagegateway.amazonaws.com"},
             "Action": "sts:AssumeRole"}]}), opts=c.aws)  # fmt: skip
        return aws.storagegateway.SmbFileShare(
            "office", authentication="GuestAccess", role_arn=role.arn, location_arn=bucket,
            gateway_arn=account_arn(code, "own", "storagegateway", "gateway/sgw-0A1B2C3D"), opts=c.aws,
        )  # fmt: skip

    return build


def object_copy(code: str, where: str) -> Build:
    # docs: s3/objectcopy — `bucket` "Name of the bucket to put the file in" (the copy of the stack's object).
    def build(c: Any) -> object:
        data = aws.s3.Bucket("data", opts=c.aws)
        target = aws.s3.Bucket("archive", opts=c.aws).bucket if where == "home" else "archive-us-east-1"
        return aws.s3.ObjectCopy("report-copy", bucket=target, key="reports/2026.csv",
                                 source=data.bucket.apply(lambda b: f"{b}/reports/2026.csv"), opts=c.aws)  # fmt: skip

    return build


def fsx_location(code: str, where: str) -> Build:
    # docs: datasync/locationfsxlustre — `fsx_filesystem_arn` "ARN for the FSx for Lustre file system".
    def build(c: Any) -> object:
        return aws.datasync.LocationFsxLustre(
            "scratch", fsx_filesystem_arn=_abroad_arn(code, where, "fsx", "file-system/fs-0a1b2c3d4e5f60718"),
            security_group_arns=[account_arn(code, "own", "ec2", "security-group/sg-0a1b2c3d")], opts=c.aws,
        )  # fmt: skip

    return build


def efs_location(code: str, where: str) -> Build:
    # docs: datasync/efslocation — `efs_file_system_arn` "ARN of EFS File System".
    def build(c: Any) -> object:
        return aws.datasync.EfsLocation(
            "shared", efs_file_system_arn=_abroad_arn(code, where, "elasticfilesystem", "file-system/fs-0a1b2c3d"),
            ec2_config={"security_group_arns": [account_arn(code, "own", "ec2", "security-group/sg-0a1b2c3d")],
                        "subnet_arn": account_arn(code, "own", "ec2", "subnet/subnet-0a1b2c3d")}, opts=c.aws,
        )  # fmt: skip

    return build


def fsx_windows_location(code: str, where: str) -> Build:
    # docs: datasync/locationfsxwindows — `fsx_filesystem_arn` "ARN for the FSx for Windows file system".
    def build(c: Any) -> object:
        return aws.datasync.LocationFsxWindows(
            "office", fsx_filesystem_arn=_abroad_arn(code, where, "fsx", "file-system/fs-0a1b2c3d4e5f60718"),
            user="datasync", password="Sup3rSecret!", domain="corp.example.com",
            security_group_arns=[account_arn(code, "own", "ec2", "security-group/sg-0a1b2c3d")], opts=c.aws,
        )  # fmt: skip

    return build


def dms_task(code: str, where: str) -> Build:
    # docs: dms/replicationtask — `target_endpoint_arn` "ARN that uniquely identifies the target endpoint".
    def build(c: Any) -> object:
        return aws.dms.ReplicationTask(
            "claims-cdc", replication_task_id="claims-cdc", migration_type="full-load-and-cdc",
            replication_instance_arn=account_arn(code, "own", "dms", "rep:CLAIMSREPLICATION"),
            source_endpoint_arn=account_arn(code, "own", "dms", "endpoint:CLAIMSSOURCE"),
            target_endpoint_arn=_abroad_arn(code, where, "dms", "endpoint:CLAIMSTARGET"),
            table_mappings=json.dumps({"rules": [{"rule-type": "selection", "rule-id": "1", "rule-name": "1",
                                                  "object-locator": {"schema-name": "%", "table-name": "%"},
                                                  "rule-action": "include"}]}), opts=c.aws,
        )  # fmt: skip

    return build


def quicksight_source(code: str, where: str) -> Build:
    # docs: quicksight/datasource — `parameters.rds.instance_id` / `parameters.postgresql.host` (QuickSight connects
    # with the credentials and runs the dataset's queries there).
    def build(c: Any) -> object:
        dns = "amazonaws.com.cn" if code == "CN" and where == "home" else "amazonaws.com"
        host = f"claims.c0a1b2c3d4e5.{_where(code, where)}.rds.{dns}"
        return aws.quicksight.DataSource(
            "claims", data_source_id="claims", name="claims", type="POSTGRESQL",
            parameters={"postgresql": {"host": host, "port": 5432, "database": "claims"}},
            credentials={"credential_pair": {"username": "reader", "password": "Sup3rSecret!"}}, opts=c.aws,
        )  # fmt: skip

    return build


REGION_KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "table-replica": (table_replica, {"RES-004"}, ("EU", "CN")),
    "cognito-bucket": (cognito_bucket, {"RES-017"}, ("EU", "JP")),
    "appfabric-bucket": (appfabric_bucket, {"RES-017"}, ("EU", "JP")),
    "smb-share": (smb_share, {"RES-017"}, ("EU", "JP")),
    "object-copy": (object_copy, {"RES-017"}, ("EU", "JP")),
    "fsx-location": (fsx_location, {"RES-004"}, ("EU", "JP")),
    "efs-location": (efs_location, {"RES-004"}, ("EU", "JP")),
    "fsx-windows-location": (fsx_windows_location, {"RES-004"}, ("EU", "JP")),
    "dms-task": (dms_task, {"RES-004"}, ("EU", "CN")),
    "quicksight-source": (quicksight_source, {"RES-006"}, ("EU", "JP")),
}


# -- the own stream false alarm: the stack's Kinesis / Firehose stream by `arn` under a provider pinning no account ----

STREAM_SHAPES = ("own-unpinned", "own-second-provider", "arn-set-partner", "partner-unpinned")
"""``own-unpinned``: the stack's stream, made with the consumer's provider, which pins no account (passes since stop 45:
the stream's id, its ARN, proves it); ``own-second-provider``: the stream made by a second provider of the stack whose
account is unknown (RES-023: its credentials may be another account's); ``arn-set-partner``: the stack's stream whose
`arn` input the program set to a partner's ARN, passed by its `arn` (RES-023: the value is no longer the id);
``partner-unpinned``: a partner's ARN written out (RES-023)."""


def _role_with(name: str, service: str, opts: pulumi.ResourceOptions) -> aws.iam.Role:
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}  # fmt: skip
    return aws.iam.Role(name, assume_role_policy=json.dumps(document), opts=opts)


def _stream(code: str, shape: str, kind: str, opts: pulumi.ResourceOptions) -> pulumi.Input[str]:
    service, rest = ("kinesis", "stream/viewer-logs") if kind == "kinesis" else ("firehose", "deliverystream/events")
    if shape == "partner-unpinned":
        return account_arn(code, "partner", service, rest)
    made = opts
    if shape == "own-second-provider":
        made = pulumi.ResourceOptions(provider=aws.Provider("ops", region=HOME[code], profile="ops"))
    extra: dict[str, Any] = {"arn": account_arn(code, "partner", service, rest)} if shape == "arn-set-partner" else {}
    if kind == "kinesis":
        # docs: kinesis/stream — `arn` "ARN specifying the stream (same as `id`)".
        return aws.kinesis.Stream("viewer-logs", shard_count=1, opts=made, **extra).arn
    # docs: kinesis/firehosedeliverystream — `arn` "ARN specifying the Stream" (extended_s3 into the stack's bucket).
    bucket = aws.s3.Bucket("events-archive", opts=made)
    role = _role_with("firehose-delivery", "firehose.amazonaws.com", made)
    return aws.kinesis.FirehoseDeliveryStream(
        "events", destination="extended_s3",
        extended_s3_configuration={"role_arn": role.arn, "bucket_arn": bucket.arn}, opts=made, **extra,
    ).arn  # fmt: skip


def stream_consumer(code: str, shape: str, consumer: str) -> Build:
    def build(c: Any) -> object:
        team = pulumi.ResourceOptions(provider=aws.Provider("team", region=HOME[code]))
        if consumer == "realtime-log":
            # docs: cloudfront/realtimelogconfig (the registry example passes the stack's stream by `arn`).
            stream = _stream(code, shape, "kinesis", team)
            role = _role_with("realtime-logs", "cloudfront.amazonaws.com", team)
            return aws.cloudfront.RealtimeLogConfig(
                "viewer-logs", name="viewer-logs", sampling_rate=100, fields=["timestamp", "c-ip"],
                endpoint={"stream_type": "Kinesis",
                          "kinesis_stream_config": {"role_arn": role.arn, "stream_arn": stream}}, opts=team,
            )  # fmt: skip
        if consumer == "subscription":
            # docs: cloudwatch/logsubscriptionfilter — `destination_arn` (a Kinesis stream in the registry example).
            stream = _stream(code, shape, "kinesis", team)
            group = aws.cloudwatch.LogGroup("app", retention_in_days=30, opts=team)
            role = _role_with("logs-to-kinesis", "logs.amazonaws.com", team)
            return aws.cloudwatch.LogSubscriptionFilter(
                "app-to-stream", log_group=group.name, filter_pattern="", destination_arn=stream, role_arn=role.arn,
                opts=team,
            )  # fmt: skip
        # docs: pinpoint/eventstream — `destination_stream_arn` (a Firehose delivery stream).
        stream = _stream(code, shape, "firehose", team)
        app = aws.pinpoint.App("campaigns", opts=team)
        role = _role_with("pinpoint-events", "pinpoint.amazonaws.com", team)
        return aws.pinpoint.EventStream("campaign-events", application_id=app.application_id, role_arn=role.arn,
                                        destination_stream_arn=stream, opts=team)  # fmt: skip

    return build


STREAM_CONSUMERS = ("realtime-log", "subscription", "event-stream")


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = account_rows("awsred45", ACCOUNT_KINDS, CODES, PARTNER_DECLARED) + home_abroad_rows("awsred45", REGION_KINDS)
    for consumer in STREAM_CONSUMERS:
        for code in CODES:
            for shape in STREAM_SHAPES:
                out.append((f"awsred45-{code.lower()}-{consumer}-stream-{shape}", code,
                            stream_consumer(code, shape, consumer),
                            set() if shape == "own-unpinned" else {"RES-023"}, []))  # fmt: skip
    return out
