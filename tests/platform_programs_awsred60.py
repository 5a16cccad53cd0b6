"""AWS red team, round 37 (stop 60): services no round had probed field by field: Verified Access, Cognito identity
providers, AppSync HTTP, self-managed Kafka, Backup copy and air-gapped targets, DMS, Glue Kafka, EventBridge Pipes,
Transfer Family, DataSync.

Probed first through ``RuleEngine`` (about 180 one-value subjects, Pulumi and CloudFormation, home / abroad / partner),
then written here as the programs a platform team writes, each in a ``cloudformation.Stack`` (provider pinned to the
team's account) beside its Pulumi twin. Reproduced on the unchanged engine (main 0183f733), EU / US / CN:

- A DMS endpoint's ``extra_connection_attributes`` (``ExtraConnectionAttributes``: "name-value pair[s] associated by an
  equal sign ... separated by a semicolon") was one free text: a partner's Kafka broker (``broker=...``), a bucket the
  stack does not make (``bucketName=...``) and a partner account's Kinesis stream (``streamArn=...``) **passed every
  door** while the same values in ``kafka_settings`` / ``S3Settings`` / ``kinesis_settings`` were RES-015 / RES-017 /
  RES-023 (only an AWS host or ARN naming a Region abroad was seen in the text).
- A backup rule's ``target_logically_air_gapped_backup_vault_arn`` (``TargetLogicallyAirGappedBackupVaultArn``) and a
  DataSync task's ``destination_location_arn`` (``DestinationLocationArn``) in a partner's account **passed every door**
  while a copy action's ``destination_vault_arn`` in the same account was RES-023 (a Region abroad was RES-004 already).
- An ``AWS::Transfer::Agreement``'s ``BaseDirectory`` (the bucket every AS2 message received is stored in) was not
  read in a template: a bucket the stack does not make passed, while the Pulumi agreement's ``base_directory`` was
  RES-017.
- An EventBridge Pipe putting events through a global endpoint (``target_parameters.eventbridge_event_bus_parameters
  .endpoint_id``: "The URL subdomain of the endpoint", whose secondary Region no input of the pipe names) passed every
  door.

Pinned alike (already right, Pulumi and template): a Verified Access OIDC trust provider's token endpoint at a partner
(RES-015), a Verified Access endpoint's load balancer in another Region (RES-004), a Cognito SAML provider's
``MetadataFile`` naming a partner's sign-in service (RES-015), a DataSync NFS location's server, a Glue Kafka
connection's and a pipe's self-managed Kafka bootstrap servers and a Transfer Family SFTP connector's ``url`` at a
partner (RES-015). An AppSync HTTP data source was probed through ``RuleEngine`` only (its signing Region abroad beside
a home API is RES-009; an API abroad signed for its Region is RES-006 at the guard and RES-006 + RES-009 at the plan,
two rules for one resource, which the table's programs avoid: the guard reports its first refusal).

Ids ``awsred60-<code>-<kind>-<who>``: ``home`` / ``own`` (a private address of the VPC, the stack's own bucket, the
pinned account's resource in the Region: passes), ``partner`` (a partner's host: RES-015; a partner's account: RES-023
outside CN, an aws-cn account being China's by partition; a bucket the stack does not make: RES-017), ``abroad`` (a
Region outside the jurisdiction), ``partner-declared`` (declared: passes). ``cfn-*`` kinds are a resource in a template,
``pulumi-*`` the Pulumi resource of the same API call. tests/test_realistic_programs.py runs them as CASES
(``awsred60-*``). On main 0183f733, 38 of the first 182 programs failed: the 30 leaks above (every ``partner`` twin of
the fixed kinds outside CN, the DMS Kafka and pipe ones in CN too) and 8 faults of the programs (CN bucket twins
expecting RES-017; the four AppSync programs, removed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, partition

# The same accounts and template helpers as rounds 23 to 36 (one fact, one place).
from platform_programs_awsred55 import _one
from platform_programs_awsred58 import ACCOUNT_DECLARED, PARTNER, PARTNER_ACCOUNT

CODES = ("EU", "US", "CN")
"""The round's jurisdictions: two outside China (a partner's account is another country's) and aws-cn."""
ABROAD = {"EU": "us-west-2", "US": "eu-west-1", "JP": "us-west-2", "CN": "us-west-2"}
"""A Region outside each jurisdiction."""
Program = Callable[[str, str], Build]

PARTNER_BROKERS = f"kafka-1.{PARTNER}:9092,kafka-2.{PARTNER}:9092"
BROKERS_DECLARED: dict[str, Any] = {
    "id": "claims-partner-kafka", "kind": "resident", "match": f"*.{PARTNER}",
    "evidence": "the partner's Kafka cluster in the home market (DPA-60)",
}  # fmt: skip
PARTNER_BUCKET = "partner-claims-landing"
BUCKET_DECLARED: dict[str, Any] = {
    "id": "claims-partner-landing", "kind": "resident", "match": PARTNER_BUCKET,
    "evidence": "the partner's landing bucket in the market's Region; its SCP pins the account there (DPA-60)",
}  # fmt: skip


def _arn(code: str, who: str, service: str, resource: str) -> str:
    """An ARN of the team's account (``own``) or the partner's, in the jurisdiction's Region."""
    account = OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT
    return f"arn:{partition(code)}:{service}:{HOME[code]}:{account}:{resource}"


# -- DMS endpoints' extra connection attributes -----------------------------------------------------------------------


def _kafka_attributes(who: str) -> str:
    # docs: DMS CreateEndpoint ExtraConnectionAttributes ("Each attribute is specified as a name-value pair associated
    # by an equal sign (=). Multiple attributes are separated by a semicolon (;) with no additional white space");
    # a Kafka target's Broker ("the locations of one or more brokers ... broker-hostname:port") and Topic.
    brokers = "10.20.4.11:9092,10.20.4.12:9092" if who == "home" else PARTNER_BROKERS
    return f"broker={brokers};topic=claims-cdc;messageFormat=json;includeTransactionDetails=true"


def cfn_dms_kafka_attributes(code: str, who: str) -> Build:
    # docs: AWS::DMS::Endpoint EndpointType target, EngineName kafka, ExtraConnectionAttributes (String).
    return _one("claims-cdc", "AWS::DMS::Endpoint", {
        "EndpointIdentifier": "claims-cdc", "EndpointType": "target", "EngineName": "kafka",
        "ExtraConnectionAttributes": _kafka_attributes(who)})  # fmt: skip


def pulumi_dms_kafka_attributes(code: str, who: str) -> Build:
    # docs: dms/endpoint (endpoint_id, endpoint_type target, engine_name kafka, extra_connection_attributes).
    def build(c: Any) -> object:
        return aws.dms.Endpoint("claims-cdc", endpoint_id="claims-cdc", endpoint_type="target", engine_name="kafka",
                                extra_connection_attributes=_kafka_attributes(who), opts=c.aws)  # fmt: skip

    return build


def _s3_attributes(bucket: str) -> str:
    # docs: DMS "Using Amazon S3 as a target": bucketFolder, compressionType, dataFormat ... as extra connection
    # attributes; S3Settings BucketName ("The name of the S3 bucket").
    return f"bucketName={bucket};bucketFolder=cdc;compressionType=GZIP;dataFormat=parquet"


def cfn_dms_s3_attributes(code: str, who: str) -> Build:
    # docs: AWS::DMS::Endpoint EngineName s3, ServiceAccessRoleArn, ExtraConnectionAttributes; the template's own
    # AWS::S3::Bucket by Fn::Sub (its Ref is the bucket's name).
    bucket = "${Landing}" if who == "home" else PARTNER_BUCKET
    return _one("claims-cdc-lake", "AWS::DMS::Endpoint", {
        "EndpointIdentifier": "claims-cdc-lake", "EndpointType": "target", "EngineName": "s3",
        "ServiceAccessRoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/dms-s3"},
        "ExtraConnectionAttributes": {"Fn::Sub": _s3_attributes(bucket)}},
        Landing={"Type": "AWS::S3::Bucket", "Properties": {}})  # fmt: skip


def pulumi_dms_s3_attributes(code: str, who: str) -> Build:
    # docs: dms/endpoint (engine_name s3, service_access_role, extra_connection_attributes); s3/bucket (`bucket`).
    def build(c: Any) -> object:
        if who == "home":
            bucket: Any = aws.s3.Bucket("claims-cdc-lake", opts=c.aws).bucket.apply(_s3_attributes)
        else:
            bucket = _s3_attributes(PARTNER_BUCKET)
        role = f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/dms-s3"
        return aws.dms.Endpoint("claims-cdc-lake", endpoint_id="claims-cdc-lake", endpoint_type="target",
                                engine_name="s3", service_access_role=role, extra_connection_attributes=bucket,
                                opts=c.aws)  # fmt: skip

    return build


def _kinesis_attributes(code: str, who: str) -> str:
    # docs: DMS KinesisSettings StreamArn ("The Amazon Resource Name (ARN) for the Amazon Kinesis Data Streams
    # endpoint"), MessageFormat, ServiceAccessRoleArn, written as extra connection attributes.
    stream, role = _arn(code, who, "kinesis", "stream/claims-cdc"), f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/dms"
    return f"streamArn={stream};messageFormat=json;serviceAccessRoleArn={role}"


def cfn_dms_kinesis_attributes(code: str, who: str) -> Build:
    return _one("claims-cdc-stream", "AWS::DMS::Endpoint", {
        "EndpointIdentifier": "claims-cdc-stream", "EndpointType": "target", "EngineName": "kinesis",
        "ExtraConnectionAttributes": _kinesis_attributes(code, who)})  # fmt: skip


def pulumi_dms_kinesis_attributes(code: str, who: str) -> Build:
    def build(c: Any) -> object:
        return aws.dms.Endpoint("claims-cdc-stream", endpoint_id="claims-cdc-stream", endpoint_type="target",
                                engine_name="kinesis", extra_connection_attributes=_kinesis_attributes(code, who),
                                opts=c.aws)  # fmt: skip

    return build


# -- a backup rule's air-gapped target, a DataSync task's destination: written into another account -------------------


def cfn_backup_air_gapped(code: str, who: str) -> Build:
    # docs: AWS::Backup::BackupPlan BackupPlan {BackupPlanName, BackupPlanRule [{RuleName, TargetBackupVault,
    # ScheduleExpression, TargetLogicallyAirGappedBackupVaultArn ("The ARN of a logically air-gapped vault. ARN must be
    # in the same account and Region")}]}.
    return _one("claims-backup", "AWS::Backup::BackupPlan", {"BackupPlan": {
        "BackupPlanName": "claims-nightly", "BackupPlanRule": [{
            "RuleName": "nightly", "TargetBackupVault": "claims", "ScheduleExpression": "cron(0 3 * * ? *)",
            "TargetLogicallyAirGappedBackupVaultArn": _arn(code, who, "backup", "backup-vault:claims-air-gapped"),
        }]}})  # fmt: skip


def pulumi_backup_air_gapped(code: str, who: str) -> Build:
    # docs: backup/plan (rules[] {rule_name, target_vault_name, schedule,
    # target_logically_air_gapped_backup_vault_arn}).
    def build(c: Any) -> object:
        return aws.backup.Plan("claims-backup", name="claims-nightly", rules=[{
            "rule_name": "nightly", "target_vault_name": "claims", "schedule": "cron(0 3 * * ? *)",
            "target_logically_air_gapped_backup_vault_arn": _arn(code, who, "backup", "backup-vault:claims-air-gapped"),
        }], opts=c.aws)  # fmt: skip

    return build


def cfn_datasync_task(code: str, who: str) -> Build:
    # docs: AWS::DataSync::Task SourceLocationArn, DestinationLocationArn ("The Amazon Resource Name (ARN) of an AWS
    # storage resource's location"), Name: the files are written to the destination location.
    return _one("claims-archive-sync", "AWS::DataSync::Task", {
        "Name": "claims-archive", "SourceLocationArn": _arn(code, "own", "datasync", "location/loc-0a1b2c3d4e5f60718"),
        "DestinationLocationArn": _arn(code, who, "datasync", "location/loc-1a1b2c3d4e5f60718")})  # fmt: skip


def pulumi_datasync_task(code: str, who: str) -> Build:
    # docs: datasync/task (name, source_location_arn, destination_location_arn).
    def build(c: Any) -> object:
        return aws.datasync.Task("claims-archive-sync", name="claims-archive",
                                 source_location_arn=_arn(code, "own", "datasync", "location/loc-0a1b2c3d4e5f60718"),
                                 destination_location_arn=_arn(code, who, "datasync", "location/loc-1a1b2c3d4e5f60718"),
                                 opts=c.aws)  # fmt: skip

    return build


ACCOUNTS: dict[str, Program] = {
    "cfn-dms-kinesis-attributes": cfn_dms_kinesis_attributes,
    "pulumi-dms-kinesis-attributes": pulumi_dms_kinesis_attributes,
    "cfn-backup-air-gapped-target": cfn_backup_air_gapped,
    "pulumi-backup-air-gapped-target": pulumi_backup_air_gapped,
    "cfn-datasync-task-destination": cfn_datasync_task,
    "pulumi-datasync-task-destination": pulumi_datasync_task,
}
"""Another account's resource written to: RES-023 outside CN (``own`` / ``partner`` / ``partner-declared``)."""


# -- a Transfer Family AS2 agreement's base directory --------------------------------------------------------------


def cfn_transfer_agreement(code: str, who: str) -> Build:
    # docs: AWS::Transfer::Agreement ServerId, LocalProfileId, PartnerProfileId, AccessRole, BaseDirectory ("Specifies
    # the landing directory (folder) for files that are transferred by using the AS2 protocol": /bucket/prefix).
    base: Any = {"Fn::Sub": "/${Inbox}/as2/inbound"} if who == "home" else f"/{PARTNER_BUCKET}/as2/inbound"
    return _one("claims-as2", "AWS::Transfer::Agreement", {
        "ServerId": "s-0a1b2c3d4e5f60718", "LocalProfileId": "p-0a1b2c3d4e5f60718",
        "PartnerProfileId": "p-1a1b2c3d4e5f60718", "BaseDirectory": base,
        "AccessRole": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/as2-inbound"}},
        Inbox={"Type": "AWS::S3::Bucket", "Properties": {}})  # fmt: skip


def pulumi_transfer_agreement(code: str, who: str) -> Build:
    # docs: transfer/agreement (server_id, local_profile_id, partner_profile_id, base_directory, access_role).
    def build(c: Any) -> object:
        if who == "home":
            base: Any = aws.s3.Bucket("claims-as2", opts=c.aws).bucket.apply(lambda b: f"/{b}/as2/inbound")
        else:
            base = f"/{PARTNER_BUCKET}/as2/inbound"
        return aws.transfer.Agreement("claims-as2", server_id="s-0a1b2c3d4e5f60718",
                                      local_profile_id="p-0a1b2c3d4e5f60718", partner_profile_id="p-1a1b2c3d4e5f60718",
                                      base_directory=base,
                                      access_role=f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/as2-inbound",
                                      opts=c.aws)  # fmt: skip

    return build


# -- an EventBridge pipe putting events through a global endpoint --------------------------------------------------


GLOBAL_ENDPOINT = "claims7.veo"
"""A global endpoint's id ("if the URL for Endpoint is https://abcde.veo.endpoints.event.amazonaws.com, then the
EndpointId is abcde.veo"), made outside the stack: its secondary Region is no input of the pipe."""
ENDPOINT_DECLARED: dict[str, Any] = {
    "id": "claims-global-bus", "kind": "resident", "match": GLOBAL_ENDPOINT,
    "evidence": "the platform team's global endpoint: primary and secondary Regions both in the market (DPA-60)",
}  # fmt: skip


def _bus_parameters(who: str) -> dict[str, Any]:
    # docs: PipeTargetEventBridgeEventBusParameters DetailType, Source, EndpointId ("The URL subdomain of the
    # endpoint").
    return {"detail_type": "ClaimFiled", "source": "claims.intake",
            **({"endpoint_id": GLOBAL_ENDPOINT} if who != "home" else {})}  # fmt: skip


def cfn_pipe_global_endpoint(code: str, who: str) -> Build:
    # docs: AWS::Pipes::Pipe RoleArn, Source (an SQS queue), Target (an event bus), TargetParameters
    # {EventBridgeEventBusParameters {DetailType, Source, EndpointId}}.
    params = {"".join(p.capitalize() for p in k.split("_")): v for k, v in _bus_parameters(who).items()}
    return _one("claims-events", "AWS::Pipes::Pipe", {
        "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-pipe"},
        "Source": _arn(code, "own", "sqs", "claims-intake"), "Target": _arn(code, "own", "events", "event-bus/claims"),
        "TargetParameters": {"EventBridgeEventBusParameters": params}})  # fmt: skip


def pulumi_pipe_global_endpoint(code: str, who: str) -> Build:
    # docs: pipes/pipe (role_arn, source, target, target_parameters.eventbridge_event_bus_parameters {detail_type,
    # endpoint_id, source}).
    def build(c: Any) -> object:
        parameters: Any = {"eventbridge_event_bus_parameters": _bus_parameters(who)}
        return aws.pipes.Pipe("claims-events", role_arn=f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/claims-pipe",
                              source=_arn(code, "own", "sqs", "claims-intake"),
                              target=_arn(code, "own", "events", "event-bus/claims"), target_parameters=parameters,
                              opts=c.aws)  # fmt: skip

    return build


# -- pinned: already judged alike in Pulumi and a template --------------------------------------------------------


def _host(code: str, who: str, partner_host: str) -> str:
    """A private address of the VPC, or the partner's host."""
    return "10.20.4.11" if who == "home" else partner_host


def cfn_verified_access_token(code: str, who: str) -> Build:
    # docs: AWS::EC2::VerifiedAccessTrustProvider TrustProviderType user, UserTrustProviderType oidc,
    # PolicyReferenceName, OidcOptions {Issuer, AuthorizationEndpoint, TokenEndpoint, UserInfoEndpoint, ClientId,
    # ClientSecret, Scope}.
    idp = f"https://login.{PARTNER}" if who != "home" else f"https://claims.auth.{HOME[code]}.amazoncognito.com"
    return _one("claims-idp", "AWS::EC2::VerifiedAccessTrustProvider", {
        "TrustProviderType": "user", "UserTrustProviderType": "oidc", "PolicyReferenceName": "idp",
        "OidcOptions": {"Issuer": f"https://cognito-idp.{HOME[code]}.amazonaws.com/{HOME[code]}_AbCdEf012",
                        "AuthorizationEndpoint": f"https://claims.auth.{HOME[code]}.amazoncognito.com/oauth2/authorize",
                        "TokenEndpoint": f"{idp}/oauth2/token",
                        "UserInfoEndpoint": f"https://claims.auth.{HOME[code]}.amazoncognito.com/oauth2/userInfo",
                        "ClientId": "claims", "ClientSecret": "s3cr3t", "Scope": "openid"}})  # fmt: skip


def pulumi_verified_access_token(code: str, who: str) -> Build:
    # docs: verifiedaccess/trustprovider (policy_reference_name, trust_provider_type, user_trust_provider_type,
    # oidc_options {issuer, authorization_endpoint, token_endpoint, user_info_endpoint, client_id, client_secret}).
    def build(c: Any) -> object:
        idp = f"https://login.{PARTNER}" if who != "home" else f"https://claims.auth.{HOME[code]}.amazoncognito.com"
        return aws.verifiedaccess.TrustProvider("claims-idp", policy_reference_name="idp", trust_provider_type="user",
            user_trust_provider_type="oidc", oidc_options={
                "issuer": f"https://cognito-idp.{HOME[code]}.amazonaws.com/{HOME[code]}_AbCdEf012",
                "authorization_endpoint": f"https://claims.auth.{HOME[code]}.amazoncognito.com/oauth2/authorize",
                "token_endpoint": f"{idp}/oauth2/token",
                "user_info_endpoint": f"https://claims.auth.{HOME[code]}.amazoncognito.com/oauth2/userInfo",
                "client_id": "claims", "client_secret": "s3cr3t", "scope": "openid"}, opts=c.aws)  # fmt: skip

    return build


def _saml_metadata(code: str, who: str) -> str:
    """An IdP's SAML 2.0 metadata (OASIS saml-metadata-2.0: EntityDescriptor, IDPSSODescriptor, SingleSignOnService)."""
    sso = (f"https://portal.sso.{HOME[code]}.amazonaws.com/saml/assertion/MTIzNDU2Nzg5MDEy" if who == "home"
           else f"https://idp.{PARTNER}/saml/sso")  # fmt: skip
    return (
        '<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor '
        f'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="{sso}"><md:IDPSSODescriptor '
        'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing">'
        '<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>MIIDAzCCAeugAwIBAg'
        "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
        "<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>"
        f'<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="{sso}"/>'
        "</md:IDPSSODescriptor></md:EntityDescriptor>"
    )


def cfn_cognito_saml_file(code: str, who: str) -> Build:
    # docs: AWS::Cognito::UserPoolIdentityProvider ProviderType SAML, ProviderDetails {MetadataFile | MetadataURL}.
    return _one("claims-sso", "AWS::Cognito::UserPoolIdentityProvider", {
        "UserPoolId": {"Ref": "Pool"}, "ProviderName": "corp", "ProviderType": "SAML",
        "ProviderDetails": {"MetadataFile": _saml_metadata(code, who), "IDPSignout": "false"},
        "AttributeMapping": {"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"}},
        Pool={"Type": "AWS::Cognito::UserPool", "Properties": {"UserPoolName": "claims"}})  # fmt: skip


def pulumi_cognito_saml_file(code: str, who: str) -> Build:
    # docs: cognito/identityprovider (user_pool_id, provider_name, provider_type SAML, provider_details MetadataFile).
    def build(c: Any) -> object:
        pool = aws.cognito.UserPool("claims", name="claims", opts=c.aws)
        return aws.cognito.IdentityProvider("claims-sso", user_pool_id=pool.id, provider_name="corp",
            provider_type="SAML", provider_details={"MetadataFile": _saml_metadata(code, who), "IDPSignout": "false"},
            attribute_mapping={"email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"},
            opts=c.aws)  # fmt: skip

    return build


def cfn_datasync_nfs(code: str, who: str) -> Build:
    # docs: AWS::DataSync::LocationNFS ServerHostname ("the DNS name or IP version 4 address of the NFS file server
    # that your DataSync agent connects to"), Subdirectory, OnPremConfig {AgentArns}.
    return _one("claims-nas", "AWS::DataSync::LocationNFS", {
        "ServerHostname": _host(code, who, f"nas.{PARTNER}"), "Subdirectory": "/exports/claims",
        "OnPremConfig": {"AgentArns": [_arn(code, "own", "datasync", "agent/agent-0a1b2c3d4e5f60718")]}})  # fmt: skip


def pulumi_datasync_nfs(code: str, who: str) -> Build:
    # docs: datasync/nfslocation (server_hostname, subdirectory, on_prem_config.agent_arns).
    def build(c: Any) -> object:
        return aws.datasync.NfsLocation("claims-nas", server_hostname=_host(code, who, f"nas.{PARTNER}"),
            subdirectory="/exports/claims",
            on_prem_config={"agent_arns": [_arn(code, "own", "datasync", "agent/agent-0a1b2c3d4e5f60718")]},
            opts=c.aws)  # fmt: skip

    return build


def cfn_glue_kafka(code: str, who: str) -> Build:
    # docs: AWS::Glue::Connection ConnectionInput {Name, ConnectionType KAFKA, ConnectionProperties
    # {KAFKA_BOOTSTRAP_SERVERS, KAFKA_SSL_ENABLED}, PhysicalConnectionRequirements}.
    return _one("claims-stream-conn", "AWS::Glue::Connection", {
        "CatalogId": {"Ref": "AWS::AccountId"}, "ConnectionInput": {
            "Name": "claims-kafka", "ConnectionType": "KAFKA",
            "ConnectionProperties": {"KAFKA_BOOTSTRAP_SERVERS": _host(code, who, PARTNER_BROKERS),
                                     "KAFKA_SSL_ENABLED": "true"}}})  # fmt: skip


def pulumi_glue_kafka(code: str, who: str) -> Build:
    # docs: glue/connection (connection_type KAFKA, connection_properties KAFKA_BOOTSTRAP_SERVERS).
    def build(c: Any) -> object:
        return aws.glue.Connection("claims-stream-conn", name="claims-kafka", connection_type="KAFKA",
            connection_properties={"KAFKA_BOOTSTRAP_SERVERS": _host(code, who, PARTNER_BROKERS),
                                   "KAFKA_SSL_ENABLED": "true"}, opts=c.aws)  # fmt: skip

    return build


def cfn_pipe_kafka(code: str, who: str) -> Build:
    # docs: AWS::Pipes::Pipe Source ("smk://<broker>" for a self-managed Kafka cluster), SourceParameters
    # {SelfManagedKafkaParameters {TopicName, AdditionalBootstrapServers, Vpc}}.
    return _one("claims-kafka-pipe", "AWS::Pipes::Pipe", {
        "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-pipe"},
        "Source": "smk://10.20.4.11:9092", "Target": _arn(code, "own", "sqs", "claims-intake"),
        "SourceParameters": {"SelfManagedKafkaParameters": {
            "TopicName": "claims", "AdditionalBootstrapServers": [_host(code, who, f"kafka-2.{PARTNER}:9092")],
            "Vpc": {"Subnets": ["subnet-0a1b2c3d4e5f60718"], "SecurityGroup": ["sg-0a1b2c3d"]}}}})  # fmt: skip


def pulumi_pipe_kafka(code: str, who: str) -> Build:
    # docs: pipes/pipe (source, source_parameters.self_managed_kafka_parameters {topic_name,
    # additional_bootstrap_servers, vpc}).
    def build(c: Any) -> object:
        role = f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/claims-pipe"
        return aws.pipes.Pipe("claims-kafka-pipe", role_arn=role,
            source="smk://10.20.4.11:9092", target=_arn(code, "own", "sqs", "claims-intake"),
            source_parameters={"self_managed_kafka_parameters": {
                "topic_name": "claims", "additional_bootstrap_servers": [_host(code, who, f"kafka-2.{PARTNER}:9092")],
                "vpc": {"subnets": ["subnet-0a1b2c3d4e5f60718"], "security_groups": ["sg-0a1b2c3d"]}}},
            opts=c.aws)  # fmt: skip

    return build


def cfn_transfer_connector(code: str, who: str) -> Build:
    # docs: AWS::Transfer::Connector Url ("The URL of the partner's AS2 or SFTP endpoint"), AccessRole, SftpConfig
    # {UserSecretId, TrustedHostKeys}: the files the connector sends go there.
    return _one("claims-partner-sftp", "AWS::Transfer::Connector", {
        "Url": f"sftp://{_host(code, who, f'sftp.{PARTNER}')}",
        "AccessRole": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/sftp-connector"},
        "SftpConfig": {"UserSecretId": "claims-sftp",
                       "TrustedHostKeys": ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"]}})  # fmt: skip


def pulumi_transfer_connector(code: str, who: str) -> Build:
    # docs: transfer/connector (url, access_role, sftp_config {user_secret_id, trusted_host_keys}).
    def build(c: Any) -> object:
        return aws.transfer.Connector("claims-partner-sftp", url=f"sftp://{_host(code, who, f'sftp.{PARTNER}')}",
            access_role=f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/sftp-connector",
            sftp_config={"user_secret_id": "claims-sftp",
                         "trusted_host_keys": ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"]}, opts=c.aws)  # fmt: skip

    return build


def _alb(code: str, who: str) -> str:
    region = HOME[code] if who == "home" else ABROAD[code]
    return f"arn:{partition(code)}:elasticloadbalancing:{region}:{OWN_ACCOUNT}:loadbalancer/app/claims/50dc6c495c0c9188"


def cfn_verified_access_endpoint(code: str, who: str) -> Build:
    # docs: AWS::EC2::VerifiedAccessEndpoint AttachmentType vpc, EndpointType load-balancer, ApplicationDomain,
    # DomainCertificateArn, EndpointDomainPrefix, VerifiedAccessGroupId, LoadBalancerOptions {LoadBalancerArn, Port,
    # Protocol, SubnetIds}: every authorised request is forwarded to the load balancer.
    return _one("claims-va", "AWS::EC2::VerifiedAccessEndpoint", {
        "AttachmentType": "vpc", "EndpointType": "load-balancer", "ApplicationDomain": "claims.fleet-example.net",
        "DomainCertificateArn": _arn(code, "own", "acm", "certificate/0a1b2c3d"), "EndpointDomainPrefix": "claims",
        "VerifiedAccessGroupId": "vagr-0a1b2c3d4e5f60718", "LoadBalancerOptions": {
            "LoadBalancerArn": _alb(code, who), "Port": 443, "Protocol": "https",
            "SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}})  # fmt: skip


def pulumi_verified_access_endpoint(code: str, who: str) -> Build:
    # docs: verifiedaccess/endpoint (attachment_type, endpoint_type, application_domain, domain_certificate_arn,
    # endpoint_domain_prefix, verified_access_group_id, load_balancer_options {load_balancer_arn, port, protocol,
    # subnet_ids}).
    def build(c: Any) -> object:
        return aws.verifiedaccess.Endpoint("claims-va", attachment_type="vpc", endpoint_type="load-balancer",
            application_domain="claims.fleet-example.net",
            domain_certificate_arn=_arn(code, "own", "acm", "certificate/0a1b2c3d"), endpoint_domain_prefix="claims",
            verified_access_group_id="vagr-0a1b2c3d4e5f60718", load_balancer_options={
                "load_balancer_arn": _alb(code, who), "port": 443, "protocol": "https",
                "subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}, opts=c.aws)  # fmt: skip

    return build


PARTNER_HOSTS: dict[str, tuple[Program, tuple[str, ...], Any]] = {
    "cfn-dms-kafka-attributes": (cfn_dms_kafka_attributes, CODES, BROKERS_DECLARED),
    "pulumi-dms-kafka-attributes": (pulumi_dms_kafka_attributes, CODES, BROKERS_DECLARED),
    "cfn-pipe-global-endpoint": (cfn_pipe_global_endpoint, CODES, ENDPOINT_DECLARED),
    "pulumi-pipe-global-endpoint": (pulumi_pipe_global_endpoint, CODES, ENDPOINT_DECLARED),
    "cfn-verified-access-token-endpoint": (cfn_verified_access_token, ("EU",), None),
    "pulumi-verified-access-token-endpoint": (pulumi_verified_access_token, ("EU",), None),
    "cfn-cognito-saml-metadata-file": (cfn_cognito_saml_file, ("EU",), None),
    "pulumi-cognito-saml-metadata-file": (pulumi_cognito_saml_file, ("EU",), None),
    "cfn-datasync-nfs": (cfn_datasync_nfs, ("EU", "CN"), None),
    "pulumi-datasync-nfs": (pulumi_datasync_nfs, ("EU", "CN"), None),
    "cfn-glue-kafka": (cfn_glue_kafka, ("EU", "CN"), None),
    "pulumi-glue-kafka": (pulumi_glue_kafka, ("EU", "CN"), None),
    "cfn-pipe-kafka-bootstrap": (cfn_pipe_kafka, ("EU", "CN"), None),
    "pulumi-pipe-kafka-bootstrap": (pulumi_pipe_kafka, ("EU", "CN"), None),
    "cfn-transfer-sftp-connector": (cfn_transfer_connector, ("EU", "CN"), None),
    "pulumi-transfer-sftp-connector": (pulumi_transfer_connector, ("EU", "CN"), None),
}
"""A partner's host (RES-015): (program, its jurisdictions, the declaration of its ``partner-declared`` twin, or
None)."""
BUCKETS: dict[str, Program] = {
    "cfn-dms-s3-attributes": cfn_dms_s3_attributes,
    "pulumi-dms-s3-attributes": pulumi_dms_s3_attributes,
    "cfn-transfer-agreement-base-directory": cfn_transfer_agreement,
    "pulumi-transfer-agreement-base-directory": pulumi_transfer_agreement,
}
"""A bucket the stack does not make (RES-017 outside CN: bucket names are global; every aws-cn bucket is in China), the
stack's own passes."""
REGIONS: dict[str, tuple[Program, str, tuple[str, ...]]] = {
    "cfn-verified-access-endpoint-load-balancer": (cfn_verified_access_endpoint, "RES-004", ("EU", "US")),
    "pulumi-verified-access-endpoint-load-balancer": (pulumi_verified_access_endpoint, "RES-004", ("EU", "US")),
}
"""A Region abroad (``abroad``): the rule refusing it; the home Region passes."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for kind, (make, codes, declared) in PARTNER_HOSTS.items():
        whos = ("home", "partner", "partner-declared") if declared else ("home", "partner")
        out += [(f"awsred60-{code.lower()}-{kind}-{who}", code, make(code, who),
                 {"RES-015"} if who == "partner" else set(), [declared] if who == "partner-declared" else [])
                for code in codes for who in whos]  # fmt: skip
    out += [(f"awsred60-{code.lower()}-{kind}-{who}", code, make(code, who),
             {"RES-017"} if who == "partner" and code != "CN" else set(),
             [BUCKET_DECLARED] if who == "partner-declared" else [])
            for kind, make in BUCKETS.items() for code in CODES
            for who in ("home", "partner", "partner-declared")]  # fmt: skip
    out += [(f"awsred60-{code.lower()}-{kind}-{who}", code, make(code, who),
             {"RES-023"} if who == "partner" and code != "CN" else set(),
             [ACCOUNT_DECLARED] if who == "partner-declared" else [])
            for kind, make in ACCOUNTS.items() for code in CODES
            for who in ("own", "partner", "partner-declared")]  # fmt: skip
    out += [(f"awsred60-{code.lower()}-{kind}-{where}", code, make(code, where),
             {rule} if where == "abroad" else set(), [])
            for kind, (make, rule, codes) in REGIONS.items() for code in codes
            for where in ("home", "abroad")]  # fmt: skip
    return out
