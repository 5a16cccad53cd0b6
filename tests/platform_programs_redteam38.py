"""Programs on the types earlier rounds did not reach (red team, round 14, stop 37).

Each builder is what a team writes from the provider's registry page for an in-country stack: an Aurora DSQL
multi-Region cluster and its peering, WorkSpaces Secure Browser session loggers and identity providers (social, SAML,
OIDC), an AgentCore browser's session recordings, a Bedrock batch inference job's model, a knowledge base's image
store, a Lex QnA intent's model, a Q Business application, AppFlow Redshift and custom-connector profiles and flows'
error buckets, cost and Storage Lens exports, DataSync locations outside AWS, S3 Tables replication, Resilience Hub
services; Function Compute 3 and 2.0 functions (custom container, OSS / NAS mounts, log config, layers, custom DNS,
variables), their asynchronous invocation destinations and custom domains, SAE configuration maps, PAI-EAS services'
NAS / OSS mounts and container variables, SLS collection policies and scheduled SQL, and Cloud Firewall address
policies. ``dest`` says where the program sends the data: ``"home"`` an in-country destination (the compliant twin),
``"abroad"`` one outside the jurisdiction. tests/test_realistic_programs.py runs them as CASES (``redteam38-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_alicloud as alicloud
import pulumi_aws as aws

Build = Callable[[Any], object]

OWN = "123456789012"
PARTNER = "999999999999"
"""Another AWS account (a partner's)."""

HOME_AWS = "eu-west-1"
HOME_AWS_PEER = "eu-west-3"
ABROAD_AWS = "us-east-1"
ABROAD_AWS_PEER = "us-west-2"
HOME_ALI = "cn-shanghai"
ABROAD_ALI = "ap-southeast-1"
UID = "1234567890123456"
CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})


def _trust(service: str) -> str:
    return json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}],
    })  # fmt: skip


def _any(value: Any) -> Any:
    """A nested input as the registry page writes it (a plain dict: the SDK's TypedDicts are not spelled out)."""
    return value


def _role(c: Any, name: str, service: str) -> Any:
    return aws.iam.Role(name, assume_role_policy=_trust(service), opts=c.aws)


# -- AWS (EU) ----------------------------------------------------------------------------------------------------------


def dsql_witness(dest: str) -> Build:
    # docs: dsql/cluster — `multiRegionProperties.witnessRegion`: "The Region that serves as the witness region for a
    # multi-Region cluster" (API_MultiRegionProperties); a witness Region "stores a limited window of encrypted
    # transaction logs" (configuring-multi-region-clusters.html): the cluster's writes are sent there.
    witness = HOME_AWS_PEER if dest == "home" else ABROAD_AWS_PEER

    def build(c: Any) -> object:
        return aws.dsql.Cluster(
            "orders", deletion_protection_enabled=True,
            multi_region_properties={"witness_region": witness}, opts=c.aws,
        )  # fmt: skip

    return build


def dsql_peering(dest: str) -> Build:
    # docs: dsql/clusterpeering — `clusters`: the ARNs of the peered clusters ("Each peered cluster represents a
    # database instance in a different Region"): every write is replicated to them synchronously.
    region = HOME_AWS_PEER if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        cluster = aws.dsql.Cluster(
            "orders", deletion_protection_enabled=True,
            multi_region_properties={"witness_region": "eu-north-1"}, opts=c.aws,
        )  # fmt: skip
        return aws.dsql.ClusterPeering(
            "orders-peer", identifier=cluster.identifier, witness_region="eu-north-1",
            clusters=[f"arn:aws:dsql:{region}:{OWN}:cluster/abcdefghijklmnopqrstuvwxyz"], opts=c.aws,
        )  # fmt: skip

    return build


def workspacesweb_logger(dest: str) -> Build:
    # docs: workspacesweb/sessionlogger — `logConfiguration.s3.bucket`: the bucket every session event is written to.
    def build(c: Any) -> object:
        bucket: Any = aws.s3.Bucket("session-logs", opts=c.aws).id if dest == "home" else "partner-session-logs"
        return aws.workspacesweb.SessionLogger(
            "sessions", display_name="fleet-browser-sessions", event_filter={"all": {}},
            log_configuration={"s3": {"bucket": bucket, "folder_structure": "Flat", "log_file_format": "Json"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def workspacesweb_logger_owner(dest: str) -> Build:
    # docs: workspacesweb/sessionlogger — `logConfiguration.s3.bucketOwner`: "Expected bucket owner of the target S3
    # bucket" (a check, as a batch job's `s3BucketOwner`; the bucket itself is the stack's own).
    owner = OWN if dest == "home" else PARTNER

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("session-logs", opts=c.aws)
        return aws.workspacesweb.SessionLogger(
            "sessions", display_name="fleet-browser-sessions", event_filter={"all": {}},
            log_configuration={"s3": {"bucket": bucket.id, "bucket_owner": owner, "folder_structure": "Flat",
                                      "log_file_format": "Json"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def agentcore_browser_recording(dest: str) -> Build:
    # docs: bedrock/agentcorebrowser — `recording.s3Location.bucket`: "Name of the S3 bucket where recordings are
    # stored" (each browser session's recording: the pages the agent saw, with what it typed).
    def build(c: Any) -> object:
        bucket: Any = aws.s3.Bucket("recordings", opts=c.aws).bucket if dest == "home" else "partner-recordings"
        role = _role(c, "browser-role", "bedrock-agentcore.amazonaws.com")
        return aws.bedrock.AgentcoreBrowser(
            "browser", name="fleet_browser", execution_role_arn=role.arn,
            network_configuration={"network_mode": "PUBLIC"},
            recording={"enabled": True, "s3_location": {"bucket": bucket, "prefix": "sessions/"}}, opts=c.aws,
        )  # fmt: skip

    return build


def bedrock_batch_model(dest: str) -> Build:
    # docs: bedrockmodel/invocationjob — `modelId`: the model the job's records are sent to; a cross-region inference
    # profile id (`eu.` routes to London and Zurich besides the EU Regions) in place of the model.
    model = "anthropic.claude-3-haiku-20240307-v1:0" if dest == "home" else "eu.anthropic.claude-3-haiku-20240307-v1:0"

    def build(c: Any) -> object:
        data = aws.s3.Bucket("batch-data", opts=c.aws)
        role = _role(c, "batch-role", "bedrock.amazonaws.com")
        return aws.bedrockmodel.InvocationJob(
            "batch", job_name="fleet-batch", model_id=model, role_arn=role.arn,
            input_data_config={"s3_input_data_config": {"s3_uri": data.bucket.apply(lambda b: f"s3://{b}/in/")}},
            output_data_config={"s3_output_data_config": {"s3_uri": data.bucket.apply(lambda b: f"s3://{b}/out/")}},
            opts=c.aws,
        )  # fmt: skip

    return build


def appflow_redshift_profile(dest: str) -> Build:
    # docs: appflow/connectorprofile — redshift `databaseUrl` (the JDBC URL the flow writes through) and `bucketName`
    # (the staging bucket).
    region = HOME_AWS if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        stage = aws.s3.Bucket("redshift-stage", opts=c.aws)
        role = _role(c, "appflow-redshift", "appflow.amazonaws.com")
        return aws.appflow.ConnectorProfile(
            "redshift", name="fleet-redshift", connector_type="Redshift", connection_mode="Public",
            connector_profile_config={
                "connector_profile_credentials": {"redshift": {"username": "appflow", "password": "s3cret"}},
                "connector_profile_properties": {"redshift": {
                    "bucket_name": stage.bucket, "role_arn": role.arn, "cluster_identifier": "fleet",
                    "database_name": "dev",
                    "database_url": f"jdbc:redshift://fleet.c0ffee1234.{region}.redshift.amazonaws.com:5439/dev"}},
            },
            opts=c.aws,
        )  # fmt: skip

    return build


def _flow(c: Any, destination: dict[str, Any]) -> Any:
    source = aws.s3.Bucket("flow-source", opts=c.aws)
    return aws.appflow.Flow(
        "flow", name="fleet-flow",
        source_flow_config=_any({"connector_type": "S3",
                            "source_connector_properties": {"s3": {"bucket_name": source.bucket,
                                                                   "bucket_prefix": "in"}}}),
        destination_flow_configs=_any([destination]),
        tasks=_any([{"source_fields": ["vin"], "task_type": "Map", "destination_field": "vin",
                     "connector_operators": [{"s3": "NO_OP"}]}]),
        trigger_config={"trigger_type": "OnDemand"}, opts=c.aws,
    )  # fmt: skip


def appflow_redshift_errors(dest: str) -> Build:
    # docs: appflow/flow — redshift destination `errorHandlingConfig.bucketName`: where records the flow could not
    # write are put (with the records themselves); `intermediateBucketName`: the staging bucket.
    def build(c: Any) -> object:
        stage = aws.s3.Bucket("flow-stage", opts=c.aws)
        errors: Any = aws.s3.Bucket("flow-errors", opts=c.aws).bucket if dest == "home" else "partner-flow-errors"
        return _flow(c, {
            "connector_type": "Redshift", "connector_profile_name": "fleet-redshift",
            "destination_connector_properties": {"redshift": {
                "object": "public.trips", "intermediate_bucket_name": stage.bucket,
                "error_handling_config": {"bucket_name": errors, "bucket_prefix": "errors",
                                          "fail_on_first_destination_error": False}}},
        })  # fmt: skip

    return build


def appflow_eventbridge_errors(dest: str) -> Build:
    # docs: appflow/flow — eventBridge destination `errorHandlingConfig.bucketName`.
    def build(c: Any) -> object:
        errors: Any = aws.s3.Bucket("flow-errors", opts=c.aws).bucket if dest == "home" else "partner-flow-errors"
        return _flow(c, {
            "connector_type": "EventBridge", "connector_profile_name": "fleet-events",
            "destination_connector_properties": {"event_bridge": {
                "object": "aws.partner/fleet.example/trips",
                "error_handling_config": {"bucket_name": errors, "fail_on_first_destination_error": False}}},
        })  # fmt: skip

    return build


def s3tables_replication(dest: str) -> Build:
    # docs: s3tables/tablebucketreplication — `rule.destinations.destinationTableBucketArn`: "ARN of destination table
    # bucket to replicate source tables to".
    region = HOME_AWS_PEER if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        source = aws.s3tables.TableBucket("lake", name="fleet-lake", opts=c.aws)
        role = _role(c, "replication", "replication.s3tables.amazonaws.com")
        return aws.s3tables.TableBucketReplication(
            "lake-replica", table_bucket_arn=source.arn, role=role.arn,
            rule={"destinations": [{"destination_table_bucket_arn":
                                    f"arn:aws:s3tables:{region}:{OWN}:bucket/fleet-lake-replica"}]},
            opts=c.aws,
        )  # fmt: skip

    return build


def resiliencehub_service(dest: str) -> Build:
    # docs: resiliencehub/v2service — `regions`: "List of AWS regions where the service operates" (the Regions whose
    # resources Resilience Hub discovers and assesses: read, not written).
    regions = [HOME_AWS, HOME_AWS_PEER] if dest == "home" else [HOME_AWS, ABROAD_AWS]

    def build(c: Any) -> object:
        return aws.resiliencehub.V2Service(
            "orders", name="fleet-orders", regions=regions,
            permission_model={"invoker_role_name": "ResilienceHubDiscovery"}, opts=c.aws,
        )  # fmt: skip

    return build


def appflow_custom_token(dest: str) -> Build:
    # docs: appflow/connectorprofile — customConnector `oauth2Properties.tokenUrl`: where AppFlow sends the client's
    # credentials for tokens (the connector's own service).
    host = f"auth.{HOME_AWS}.amazoncognito.com" if dest == "home" else "login.partner-crm.example.com"

    def build(c: Any) -> object:
        return aws.appflow.ConnectorProfile(
            "crm", name="fleet-crm", connector_type="CustomConnector", connector_label="fleet-crm",
            connection_mode="Public",
            connector_profile_config={
                "connector_profile_credentials": {"custom_connector": {
                    "authentication_type": "OAUTH2",
                    "oauth2": {"client_id": "appflow", "client_secret": "s3cret"}}},
                "connector_profile_properties": {"custom_connector": {
                    "oauth2_properties": {"oauth2_grant_type": "CLIENT_CREDENTIALS",
                                          "token_url": f"https://{host}/oauth2/token"}}},
            },
            opts=c.aws,
        )  # fmt: skip

    return build


def cost_export(dest: str) -> Build:
    # docs: bcmdata/export — `destinationConfigurations.s3Destination.{s3Bucket, s3Region}`: where the account's cost
    # and usage data (resource ids, tags, usage) is written.
    def build(c: Any) -> object:
        bucket: Any = aws.s3.Bucket("cost", opts=c.aws).bucket if dest == "home" else "partner-cost-exports"
        return aws.bcmdata.Export(
            "cur", export=_any({
                "name": "fleet-cur",
                "data_queries": [{"query_statement": "SELECT identity_line_item_id FROM COST_AND_USAGE_REPORT",
                                  "table_configurations": {"COST_AND_USAGE_REPORT": {"TIME_GRANULARITY": "DAILY"}}}],
                "destination_configurations": [{"s3_destination": {
                    "s3_bucket": bucket, "s3_prefix": "cur", "s3_region": HOME_AWS,
                    "s3_output_configurations": [{"overwrite": "OVERWRITE_REPORT", "format": "PARQUET",
                                                  "compression": "PARQUET", "output_type": "CUSTOM"}]}}],
                "refresh_cadences": [{"frequency": "SYNCHRONOUS"}]}),
            opts=c.aws,
        )  # fmt: skip

    return build


def cost_export_region(dest: str) -> Build:
    # docs: bcmdata/export — `s3Region`: the Region of the destination bucket.
    region = HOME_AWS if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("cost", opts=c.aws)
        return aws.bcmdata.Export(
            "cur", export=_any({
                "name": "fleet-cur",
                "data_queries": [{"query_statement": "SELECT identity_line_item_id FROM COST_AND_USAGE_REPORT"}],
                "destination_configurations": [{"s3_destination": {
                    "s3_bucket": bucket.bucket, "s3_prefix": "cur", "s3_region": region,
                    "s3_output_configurations": [{"overwrite": "OVERWRITE_REPORT", "format": "PARQUET",
                                                  "compression": "PARQUET", "output_type": "CUSTOM"}]}}],
                "refresh_cadences": [{"frequency": "SYNCHRONOUS"}]}),
            opts=c.aws,
        )  # fmt: skip

    return build


def storage_lens_export(dest: str) -> Build:
    # docs: s3control/storagelensconfiguration — `dataExport.s3BucketDestination.{arn, accountId}`: the bucket the
    # daily metrics export (bucket names, prefixes, object counts) is written to.
    def build(c: Any) -> object:
        if dest == "home":
            arn: Any = aws.s3.Bucket("lens", opts=c.aws).arn
            account = OWN
        else:
            arn, account = "arn:aws:s3:::partner-lens-exports", PARTNER
        return aws.s3control.StorageLensConfiguration(
            "lens", config_id="fleet-lens", storage_lens_configuration={
                "enabled": True,
                "account_level": {"bucket_level": {}},
                "data_export": {"s3_bucket_destination": {
                    "account_id": account, "arn": arn, "format": "CSV", "output_schema_version": "V_1",
                    "encryption": {"sse_s3s": [{}]}}}},
            opts=c.aws,
        )  # fmt: skip

    return build


def datasync_object_storage(dest: str) -> Build:
    # docs: datasync/locationobjectstorage — `serverHostname`: a self-managed object store a task copies to.
    def build(c: Any) -> object:
        return aws.datasync.LocationObjectStorage(
            "store", server_hostname="objects.partner-storage.example.com", bucket_name="fleet-archive",
            server_protocol="HTTPS", server_port=443,
            agent_arns=[f"arn:aws:datasync:{HOME_AWS}:{OWN}:agent/agent-0123"],
            opts=c.aws,
        )  # fmt: skip

    return build


def datasync_azure_blob(dest: str) -> Build:
    # docs: datasync/locationazureblob — `containerUrl`: an Azure Blob Storage container a task copies to.
    def build(c: Any) -> object:
        return aws.datasync.LocationAzureBlob(
            "azure", container_url="https://fleetarchive.blob.core.windows.net/trips", authentication_type="SAS",
            sas_configuration={"token": "sp=racwdl&st=2026-01-01"},
            agent_arns=[f"arn:aws:datasync:{HOME_AWS}:{OWN}:agent/agent-0123"], opts=c.aws,
        )  # fmt: skip

    return build


def _portal(c: Any) -> Any:
    return aws.workspacesweb.Portal("portal", display_name="fleet-browser", opts=c.aws)


def workspacesweb_social_idp(dest: str) -> Build:
    # docs: workspacesweb/identityprovider — `identityProviderType` Google (`client_id`, `client_secret`,
    # `authorize_scopes`): the portal's users sign in at Google, which sends their profile to the portal. The compliant
    # twin signs them in at the stack's Cognito user pool (OIDC, its issuer in the stack's Region).
    def build(c: Any) -> object:
        portal = _portal(c)
        if dest == "home":
            pool = aws.cognito.UserPool("users", name="fleet-browser-users", opts=c.aws)
            return aws.workspacesweb.IdentityProvider(
                "idp", portal_arn=portal.portal_arn, identity_provider_name="fleet-users",
                identity_provider_type="OIDC",
                identity_provider_details={
                    "client_id": "fleetclient", "client_secret": "s3cret", "attributes_request_method": "GET",
                    "authorize_scopes": "openid email",
                    "oidc_issuer": pool.id.apply(lambda i: f"https://cognito-idp.{HOME_AWS}.amazonaws.com/{i}")},
                opts=c.aws,
            )  # fmt: skip
        return aws.workspacesweb.IdentityProvider(
            "idp", portal_arn=portal.portal_arn, identity_provider_name="Google", identity_provider_type="Google",
            identity_provider_details={"client_id": "fleet.apps.googleusercontent.com", "client_secret": "s3cret",
                                       "authorize_scopes": "openid email"},
            opts=c.aws,
        )  # fmt: skip

    return build


def workspacesweb_oidc_idp(dest: str) -> Build:
    # docs: workspacesweb/identityprovider — OIDC `oidc_issuer`: the issuer the portal's users sign in at.
    region = HOME_AWS if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        portal = _portal(c)
        return aws.workspacesweb.IdentityProvider(
            "idp", portal_arn=portal.portal_arn, identity_provider_name="fleet-users", identity_provider_type="OIDC",
            identity_provider_details={
                "client_id": "fleetclient", "client_secret": "s3cret", "attributes_request_method": "GET",
                "authorize_scopes": "openid email",
                "oidc_issuer": f"https://cognito-idp.{region}.amazonaws.com/{region}_AbCdEf123"},
            opts=c.aws,
        )  # fmt: skip

    return build


def qbusiness_app(dest: str) -> Build:
    # docs: qbusiness/application — `encryptionConfiguration.kmsKeyId`: the key the application's index is encrypted
    # with (no destination field: data sources, retrievers and web crawlers are not in pulumi-aws).
    region = HOME_AWS if dest == "home" else ABROAD_AWS

    def build(c: Any) -> object:
        role = _role(c, "qbusiness", "qbusiness.amazonaws.com")
        return aws.qbusiness.Application(
            "assistant", display_name="fleet-assistant", iam_service_role_arn=role.arn,
            identity_center_instance_arn="arn:aws:sso:::instance/ssoins-0123456789abcdef",
            attachments_configuration={"attachments_control_mode": "ENABLED"},
            encryption_configuration={"kms_key_id": f"arn:aws:kms:{region}:{OWN}:key/0d1e2f3a-aaaa-bbbb-0123456789ab"},
            opts=c.aws,
        )  # fmt: skip

    return build


def _saml_metadata(sso_host: str) -> str:
    return (
        '<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
        f'entityID="https://{sso_host}/saml"><md:IDPSSODescriptor '
        'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:SingleSignOnService '
        'Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" '
        f'Location="https://{sso_host}/saml/sso"/></md:IDPSSODescriptor></md:EntityDescriptor>'
    )


def workspacesweb_saml_file(dest: str) -> Build:
    # docs: workspacesweb/identityprovider — SAML `MetadataFile`: the IdP's metadata, whose SingleSignOnService
    # Location is where the portal sends its users to sign in.
    # The compliant twin: IAM Identity Center's SAML endpoint of the stack's Region.
    host = f"portal.sso.{HOME_AWS}.amazonaws.com" if dest == "home" else "fleet.okta.com"

    def build(c: Any) -> object:
        portal = _portal(c)
        return aws.workspacesweb.IdentityProvider(
            "idp", portal_arn=portal.portal_arn, identity_provider_name="fleet-sso", identity_provider_type="SAML",
            identity_provider_details={"MetadataFile": _saml_metadata(host), "IDPInit": "false"}, opts=c.aws,
        )  # fmt: skip

    return build


def workspacesweb_saml_url(dest: str) -> Build:
    # docs: workspacesweb/identityprovider — SAML `MetadataURL`: where the portal reads the IdP's metadata.
    url = (
        f"https://portal.sso.{HOME_AWS}.amazonaws.com/saml/metadata/MTIzNDU2Nzg5MDEyX2lucy0x"
        if dest == "home"
        else "https://fleet.okta.com/app/exk123/sso/saml/metadata"
    )

    def build(c: Any) -> object:
        portal = _portal(c)
        return aws.workspacesweb.IdentityProvider(
            "idp", portal_arn=portal.portal_arn, identity_provider_name="fleet-sso", identity_provider_type="SAML",
            identity_provider_details={"MetadataURL": url}, opts=c.aws,
        )  # fmt: skip

    return build


def kb_supplemental_storage(dest: str) -> Build:
    # docs: bedrock/agentknowledgebase — `vectorKnowledgeBaseConfiguration.supplementalDataStorageConfiguration
    # .storageLocations.s3Location.uri`: where the images extracted from multimodal documents are written.
    def build(c: Any) -> object:
        if dest == "home":
            uri: Any = aws.s3.Bucket("kb-images", opts=c.aws).bucket.apply(lambda b: f"s3://{b}/images/")
        else:
            uri = "s3://partner-kb-images/images/"
        role = _role(c, "kb-role", "bedrock.amazonaws.com")
        return aws.bedrock.AgentKnowledgeBase(
            "kb", name="fleet-kb", role_arn=role.arn,
            knowledge_base_configuration={"type": "VECTOR", "vector_knowledge_base_configuration": {
                "embedding_model_arn": f"arn:aws:bedrock:{HOME_AWS}::foundation-model/amazon.titan-embed-text-v2:0",
                "supplemental_data_storage_configuration": {"storage_locations": [
                    {"type": "S3", "s3_location": {"uri": uri}}]}}},
            storage_configuration={"type": "S3_VECTORS", "s3_vectors_configuration": {
                "index_arn": f"arn:aws:s3vectors:{HOME_AWS}:{OWN}:bucket/fleet-vectors/index/kb"}},
            opts=c.aws,
        )  # fmt: skip

    return build


def lex_qna_model(dest: str) -> Build:
    # docs: lex/v2modelsintent — `qnaIntentConfiguration.bedrockModelConfiguration.modelArn`: the model the QnA intent
    # sends each utterance and the retrieved passages to; the abroad twin an `eu.` cross-region inference profile.
    model = (
        f"arn:aws:bedrock:{HOME_AWS}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"
        if dest == "home"
        else f"arn:aws:bedrock:{HOME_AWS}:{OWN}:inference-profile/eu.anthropic.claude-3-haiku-20240307-v1:0"
    )

    def build(c: Any) -> object:
        return aws.lex.V2modelsIntent(
            "qna", bot_id="FLEETBOT01", bot_version="DRAFT", locale_id="en_GB", name="FleetQnA",
            parent_intent_signature="AMAZON.QnAIntent",
            qna_intent_configuration={
                "bedrock_model_configuration": {"model_arn": model},
                "data_source_configuration": {"bedrock_knowledge_store_configuration": {
                    "bedrock_knowledge_base_arn": f"arn:aws:bedrock:{HOME_AWS}:{OWN}:knowledge-base/KB12345678"}}},
            opts=c.aws,
        )  # fmt: skip

    return build


# -- Alibaba Cloud (CN) ------------------------------------------------------------------------------------------------


def _fc(c: Any, **extra: Any) -> Any:
    return alicloud.fc.V3Function(
        "fn", function_name="fleet-ingest", handler="index.handler", runtime="python3.10", memory_size=512,
        timeout=60, **extra, opts=c.ali,
    )  # fmt: skip


def fc_container(dest: str) -> Build:
    # docs: fc/v3function — `customContainerConfig.image`: the ACR image the function runs.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.fc.V3Function(
            "fn", function_name="fleet-ingest", handler="index.handler", runtime="custom-container",
            memory_size=1024, timeout=60,
            custom_container_config={"image": f"registry-vpc.{region}.aliyuncs.com/fleet/ingest:1.0", "port": 9000},
            opts=c.ali,
        )  # fmt: skip

    return build


def fc_oss_mount(dest: str) -> Build:
    # docs: fc/v3function — `ossMountConfig.mountPoints.{bucketName, endpoint}`: a bucket mounted read-write.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        bucket = alicloud.oss.Bucket("shared", bucket="fleet-shared", opts=c.ali)
        return _fc(c, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}, oss_mount_config={"mount_points": [{
            "bucket_name": bucket.bucket, "bucket_path": "/", "mount_dir": "/mnt/shared", "read_only": False,
            "endpoint": f"http://oss-{region}-internal.aliyuncs.com"}]})  # fmt: skip

    return build


def fc_oss_mount_bucket(dest: str) -> Build:
    # docs: fc/v3function — `ossMountConfig.mountPoints.bucketName`: another team's bucket, the Region's endpoint.
    def build(c: Any) -> object:
        bucket: Any = (
            alicloud.oss.Bucket("shared", bucket="fleet-shared", opts=c.ali).bucket
            if dest == "home"
            else ("partner-shared-bucket")
        )
        return _fc(c, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="}, oss_mount_config={"mount_points": [{
            "bucket_name": bucket, "bucket_path": "/", "mount_dir": "/mnt/shared", "read_only": False,
            "endpoint": f"http://oss-{HOME_ALI}-internal.aliyuncs.com"}]})  # fmt: skip

    return build


def fc_nas_mount(dest: str) -> Build:
    # docs: fc/v3function — `nasConfig.mountPoints.serverAddr`: the NAS mount target the function writes to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return _fc(c, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
                   vpc_config={"vpc_id": "vpc-abc", "vswitch_ids": ["vsw-abc"], "security_group_id": "sg-abc"},
                   nas_config={"user_id": 0, "group_id": 0, "mount_points": [{
                       "server_addr": f"0a1b2c3d4e-abc12.{region}.nas.aliyuncs.com:/fleet", "mount_dir": "/mnt/nas",
                       "enable_tls": False}]})  # fmt: skip

    return build


def fc_log_config(dest: str) -> Build:
    # docs: fc/v3function — `logConfig.{project, logstore}`: the SLS project the function's logs go to, by name (read
    # in the function's Region, as every SLS project name is).
    def build(c: Any) -> object:
        if dest == "home":
            project: Any = alicloud.log.Project("fn-logs", project_name="fleet-fn-logs", opts=c.ali).project_name
        else:
            project = "partner-fn-logs"
        return _fc(
            c,
            code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            log_config={"project": project, "logstore": "fn", "enable_request_metrics": True},
        )

    return build


def fc_layer(dest: str) -> Build:
    # docs: fc/v3function — `layers`: layer version ARNs (acs:fc:<region>:<uid>:layers/<name>/versions/<n>).
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return _fc(
            c,
            code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            layers=[f"acs:fc:{region}:{UID}:layers/fleet-deps/versions/3"],
        )

    return build


def fc_async_destination(dest: str) -> Build:
    # docs: fc/v3asyncinvokeconfig — `destinationConfig.onFailure.destination`: the MNS queue (ACS ARN) each failed
    # invocation's event is sent to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        fn = _fc(c, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="})
        return alicloud.fc.V3AsyncInvokeConfig(
            "async", function_name=fn.function_name, max_async_retry_attempts=2,
            destination_config={"on_failure": {"destination": f"acs:mns:{region}:{UID}:/queues/fleet-failed/messages"}},
            opts=c.ali,
        )  # fmt: skip

    return build


def fc_async_success(dest: str) -> Build:
    # docs: fc/v3asyncinvokeconfig — `destinationConfig.onSuccess.destination`: the function (ACS ARN) results go to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        fn = _fc(c, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="})
        return alicloud.fc.V3AsyncInvokeConfig(
            "async", function_name=fn.function_name,
            destination_config={"on_success": {"destination": f"acs:fc:{region}:{UID}:functions/fleet-after"}},
            opts=c.ali,
        )  # fmt: skip

    return build


def fc_custom_domain(dest: str) -> Build:
    # docs: fc/v3customdomain — `routeConfig.routes.functionName`: the account's functions of the domain's own Region a
    # path is routed to, by name (no field names another Region or host). The abroad twin makes the domain on a provider
    # of another Region (RES-001, as every resource there).
    def build(c: Any) -> object:
        fn = _fc(c, code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="})
        opts = c.ali
        if dest == "abroad":
            opts = pulumi.ResourceOptions(provider=alicloud.Provider("ali-sg", region=ABROAD_ALI))
        return alicloud.fc.V3CustomDomain(
            "api", custom_domain_name="api.fleet.example.cn", protocol="HTTP",
            route_config={"routes": [{"function_name": fn.function_name, "path": "/*", "methods": ["GET", "POST"],
                                      "qualifier": "LATEST"}]},
            opts=opts,
        )  # fmt: skip

    return build


def sae_config_map(dest: str) -> Build:
    # docs: sae/configmap — `data`: a JSON object of configuration entries the applications mount or read as their
    # environment (config_map_mount_desc_v2s); an entry naming the service the application writes to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        ns = alicloud.sae.Namespace("ns", namespace_id=f"{HOME_ALI}:fleet", namespace_name="fleet", opts=c.ali)
        return alicloud.sae.ConfigMap(
            "settings", name="fleet-settings", namespace_id=ns.namespace_id,
            data=json.dumps({"OSS_ENDPOINT": f"https://oss-{region}.aliyuncs.com", "LOG_LEVEL": "info"}), opts=c.ali,
        )  # fmt: skip

    return build


def sae_config_map_url(dest: str) -> Build:
    # docs: sae/configmap — `data`: an entry holding the webhook URL the application posts to.
    host = f"fleet-hooks.{HOME_ALI}.fcapp.run" if dest == "home" else "hooks.partner.example.com"

    def build(c: Any) -> object:
        ns = alicloud.sae.Namespace("ns", namespace_id=f"{HOME_ALI}:fleet", namespace_name="fleet", opts=c.ali)
        return alicloud.sae.ConfigMap(
            "settings", name="fleet-settings", namespace_id=ns.namespace_id,
            data=json.dumps({"WEBHOOK_URL": f"https://{host}/trips"}), opts=c.ali,
        )  # fmt: skip

    return build


def eas_nas(dest: str) -> Build:
    # docs: pai/service — `serviceConfig.storage[].nfs.server`: a NAS mount target mounted into the service.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        config = {
            "metadata": {"name": "fleet_eta", "instance": 1, "cpu": 2, "memory": 4000},
            "containers": [{"image": f"registry-vpc.{HOME_ALI}.cr.aliyuncs.com/fleet/eta:1.0", "port": 8000}],
            "cloud": {"networking": {"vpc_id": "vpc-abc", "vswitch_id": "vsw-abc", "security_group_id": "sg-abc"}},
            "storage": [
                {"mount_path": "/data", "nfs": {"server": f"0a1b2c3d4e-abc12.{region}.nas.aliyuncs.com", "path": "/"}}
            ],
        }
        return alicloud.pai.Service("eta", service_config=json.dumps(config), opts=c.ali)

    return build


def eas_oss_bucket(dest: str) -> Build:
    # docs: pai/service — `serviceConfig.storage[].oss.path`: another team's bucket mounted (written) into the service.
    def build(c: Any) -> object:
        bucket = "fleet-eta-out" if dest == "home" else "partner-eta-out"
        if dest == "home":
            alicloud.oss.Bucket("out", bucket=bucket, opts=c.ali)
        config = {
            "metadata": {"name": "fleet_eta", "instance": 1, "cpu": 2, "memory": 4000},
            "containers": [{"image": f"registry-vpc.{HOME_ALI}.cr.aliyuncs.com/fleet/eta:1.0", "port": 8000}],
            "storage": [{"mount_path": "/out", "oss": {"path": f"oss://{bucket}/eta/", "readOnly": False}}],
        }
        return alicloud.pai.Service("eta", service_config=json.dumps(config), opts=c.ali)

    return build


def firewall_address(dest: str) -> Build:
    # docs: cloudfirewall/controlpolicy — an outbound accept policy whose `destination` is an address (`net`).
    address = "10.20.0.0/16" if dest == "home" else "203.0.113.7/32"

    def build(c: Any) -> object:
        return alicloud.cloudfirewall.ControlPolicy(
            "out", application_name="ANY", acl_action="accept", description="to the partner", destination=address,
            destination_type="net", direction="out", proto="TCP", source="10.0.0.0/8", source_type="net",
            dest_port="443", dest_port_type="port", opts=c.ali,
        )  # fmt: skip

    return build


def fc_custom_dns(dest: str) -> Build:
    # docs: fc/v3function — `customDns.nameServers`: the resolvers the function's DNS queries go to.
    server = "100.100.2.136" if dest == "home" else "8.8.8.8"

    def build(c: Any) -> object:
        return _fc(
            c,
            code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            custom_dns={"name_servers": [server], "searches": ["fleet.internal"]},
        )

    return build


def fc_env(dest: str) -> Build:
    # docs: fc/v3function — `environmentVariables`: the endpoint the function writes to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return _fc(
            c,
            code={"zip_file": "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="},
            environment_variables={"OSS_ENDPOINT": f"https://oss-{region}.aliyuncs.com"},
        )

    return build


def sls_collection_policy(dest: str) -> Build:
    # docs: sls/collectionpolicy — `centralizeConfig.{destRegion, destProject, destLogstore}`: the Region and project
    # the collected cloud-product logs are forwarded to.
    region = "cn-beijing" if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.sls.CollectionPolicy(
            "oss-logs", policy_name="fleet-oss-access", product_code="oss", data_code="access_log", enabled=True,
            policy_config={"resource_mode": "all", "regions": [HOME_ALI]}, centralize_enabled=True,
            centralize_config={"dest_region": region, "dest_project": "fleet-central-logs",
                               "dest_logstore": "oss-access", "dest_ttl": 30},
            opts=c.ali,
        )  # fmt: skip

    return build


def sls_scheduled_sql(dest: str) -> Build:
    # docs: sls/scheduledsql — `scheduledSqlConfiguration.destEndpoint`: the endpoint of the project the results go to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        project = alicloud.log.Project("logs", project_name="fleet-logs", opts=c.ali)
        return alicloud.sls.ScheduledSql(
            "hourly", scheduled_sql_name="fleet-hourly", display_name="hourly trips", project=project.project_name,
            schedule={"type": "FixedRate", "interval": "60m"},
            scheduled_sql_configuration={
                "script": "* | select count(*) as trips", "sql_type": "searchQuery", "resource_pool": "enhanced",
                "source_logstore": "trips", "dest_project": "fleet-reports", "dest_logstore": "hourly",
                "dest_endpoint": f"{region}-intranet.log.aliyuncs.com", "data_format": "log2log",
                "role_arn": f"acs:ram::{UID}:role/aliyunlogetlrole",
                "dest_role_arn": f"acs:ram::{UID}:role/aliyunlogetlrole",
                "from_time_expr": "@m-1h", "to_time_expr": "@m", "max_run_time_in_seconds": 1800, "max_retries": 5},
            opts=c.ali,
        )  # fmt: skip

    return build


def eas_env(dest: str) -> Build:
    # docs: pai/service — `serviceConfig.containers[].env`: the containers' variables ({name, value} pairs).
    host = f"fleet-hooks.{HOME_ALI}.fcapp.run" if dest == "home" else "hooks.partner.example.com"

    def build(c: Any) -> object:
        config = {
            "metadata": {"name": "fleet_eta", "instance": 1, "cpu": 2, "memory": 4000},
            "containers": [
                {
                    "image": f"registry-vpc.{HOME_ALI}.cr.aliyuncs.com/fleet/eta:1.0",
                    "port": 8000,
                    "env": [{"name": "RESULT_WEBHOOK", "value": f"https://{host}/eta"}],
                }
            ],
        }
        return alicloud.pai.Service("eta", service_config=json.dumps(config), opts=c.ali)

    return build


def fc2_service_nas(dest: str) -> Build:
    # docs: fc/service (Function Compute 2.0) — `nasConfig.mountPoints.serverAddr`: the NAS mount target the service's
    # functions write to.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        return alicloud.fc.Service(
            "svc", name="fleet-ingest", internet_access=False,
            vpc_config={"vswitch_ids": ["vsw-abc"], "security_group_id": "sg-abc"},
            nas_config={"user_id": 0, "group_id": 0, "mount_points": [{
                "server_addr": f"0a1b2c3d4e-abc12.{region}.nas.aliyuncs.com:/fleet", "mount_dir": "/mnt/nas"}]},
            opts=c.ali,
        )  # fmt: skip

    return build


def fc2_async_destination(dest: str) -> Build:
    # docs: fc/functionasyncinvokeconfig (2.0) — `destinationConfig.onFailure.destination`: an MNS queue's ACS ARN.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        svc = alicloud.fc.Service("svc", name="fleet-ingest", opts=c.ali)
        return alicloud.fc.FunctionAsyncInvokeConfig(
            "async", service_name=svc.name, function_name="ingest",
            destination_config={"on_failure": {"destination": f"acs:mns:{region}:{UID}:/queues/fleet-failed/messages"}},
            opts=c.ali,
        )  # fmt: skip

    return build


def fc2_container(dest: str) -> Build:
    # docs: fc/function (2.0) — `customContainerConfig.image`: the ACR image the function runs.
    region = HOME_ALI if dest == "home" else ABROAD_ALI

    def build(c: Any) -> object:
        svc = alicloud.fc.Service("svc", name="fleet-ingest", opts=c.ali)
        return alicloud.fc.Function(
            "fn", service=svc.name, name="ingest", handler="index.handler", runtime="custom-container",
            memory_size=1024, custom_container_config={"image": f"registry-vpc.{region}.aliyuncs.com/fleet/ingest:1.0"},
            opts=c.ali,
        )  # fmt: skip

    return build


RES = str
AWS_EU: dict[str, tuple[Callable[[str], Build], set[RES]]] = {
    "dsql-witness": (dsql_witness, {"RES-009"}),
    "dsql-peering": (dsql_peering, {"RES-004"}),
    "workspacesweb-logger": (workspacesweb_logger, {"RES-017"}),
    # Checked and kept: `bucketOwner` is the account the logger expects to own the bucket (a check, as a batch job's
    # `s3BucketOwner`); the bucket itself is the stack's.
    "workspacesweb-logger-owner": (workspacesweb_logger_owner, set()),
    "agentcore-browser-recording": (agentcore_browser_recording, {"RES-017"}),
    # Leak closed in this round (aws-bedrock-cross-region-batch-model): an `eu.` profile as the job's model passed.
    "bedrock-batch-model": (bedrock_batch_model, {"RES-016"}),
    "appflow-redshift-profile": (appflow_redshift_profile, {"RES-006"}),
    "appflow-redshift-errors": (appflow_redshift_errors, {"RES-017"}),
    "appflow-eventbridge-errors": (appflow_eventbridge_errors, {"RES-017"}),
    "s3tables-replication": (s3tables_replication, {"RES-004"}),
    # Kept refused: the Regions Resilience Hub assesses (read from) are judged as region fields (residency-open.md).
    "resiliencehub-service": (resiliencehub_service, {"RES-009"}),
    "appflow-custom-token": (appflow_custom_token, {"RES-015"}),
    "cost-export": (cost_export, {"RES-017"}),
    "cost-export-region": (cost_export_region, {"RES-009"}),
    "storage-lens-export": (storage_lens_export, {"RES-017"}),
    # Leak closed in this round (aws-workspacesweb-social-idp): a Google sign-in passed.
    "workspacesweb-social-idp": (workspacesweb_social_idp, {"RES-016"}),
    "workspacesweb-oidc-idp": (workspacesweb_oidc_idp, {"RES-006"}),
    "qbusiness-app": (qbusiness_app, {"RES-004"}),
    "workspacesweb-saml-file": (workspacesweb_saml_file, {"RES-015"}),
    "workspacesweb-saml-url": (workspacesweb_saml_url, {"RES-015"}),
    "kb-supplemental-storage": (kb_supplemental_storage, {"RES-017"}),
    # Leak closed in this round (aws-bedrock-cross-region-lex-model): an `eu.` profile ARN as the intent's model passed.
    "lex-qna-model": (lex_qna_model, {"RES-016"}),
}
AWS_EU_ABROAD: dict[str, tuple[Callable[[str], Build], set[RES]]] = {
    # A host outside AWS no catalogue places (no compliant twin: declare the host to accept it).
    "datasync-object-storage": (datasync_object_storage, {"RES-015"}),
    "datasync-azure-blob": (datasync_azure_blob, {"RES-015"}),
}
ALI_CN: dict[str, tuple[Callable[[str], Build], set[RES]]] = {
    "fc-container": (fc_container, {"RES-006"}),
    "fc-oss-mount": (fc_oss_mount, {"RES-006"}),
    # Leak closed in this round (oss_bucket_fields): another team's bucket mounted into a function passed.
    "fc-oss-mount-bucket": (fc_oss_mount_bucket, {"RES-017"}),
    "fc-nas-mount": (fc_nas_mount, {"RES-006"}),
    # Checked and kept: an SLS project is named in the function's Region (the open cross-account write).
    "fc-log-config": (fc_log_config, set()),
    "fc-layer": (fc_layer, {"RES-005"}),
    "fc-async-failure": (fc_async_destination, {"RES-005"}),
    "fc-async-success": (fc_async_success, {"RES-005"}),
    # Routes name the Region's functions by name: nothing to judge but where the domain is made.
    "fc-custom-domain": (fc_custom_domain, {"RES-001"}),
    "sae-config-map": (sae_config_map, {"RES-006"}),
    "sae-config-map-url": (sae_config_map_url, {"RES-015"}),
    "eas-nas": (eas_nas, {"RES-006"}),
    "eas-oss-bucket": (eas_oss_bucket, {"RES-017"}),
    # Checked and kept: an outbound accept rule lets traffic out; it sends nothing (round 13's reading).
    "firewall-address": (firewall_address, set()),
    "fc-custom-dns": (fc_custom_dns, {"RES-015"}),
    "fc-env": (fc_env, {"RES-006"}),
    "sls-collection-policy": (sls_collection_policy, {"RES-009"}),
    "sls-scheduled-sql": (sls_scheduled_sql, {"RES-006"}),
    "eas-env": (eas_env, {"RES-015"}),
    "fc2-service-nas": (fc2_service_nas, {"RES-006"}),
    "fc2-async-failure": (fc2_async_destination, {"RES-005"}),
    "fc2-container": (fc2_container, {"RES-006"}),
}
