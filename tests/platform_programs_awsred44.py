"""AWS red team, round 16 (stop 44): data out of the jurisdiction through pulumi-aws types the table never made.

Round 16 listed the ``aws.<module>.<Class>(`` constructors the realistic table already makes (660, grepped from
``tests/*.py``) against the resource classes of the installed pulumi-aws 7.51.1 (1,747); of the 1,097 never made,
about sixty data-carrying types (exports, replication, delivery, sharing, subscriptions, joins to another account's
network) were written as one-value ``RuleEngine.check`` subjects from the registry pages (a partner account's ARN in
an in-country Region, a Region abroad, a foreign host, a bucket the stack does not make), then the shapes below as
programs. The full list and each verdict is in docs/residency.md, "AWS red team, round 16 (stop 44)".

What passed is one shape, the one stop 37 closed for its siblings (``written_account_fields``): the ARN of the
resource the stack WRITES into, in the jurisdiction's Region but owned by ANOTHER account, on types no round had
listed: a Pinpoint event stream's Kinesis / Firehose destination, a Kinesis Data Analytics (v1) application's output,
a CloudFront real-time log configuration's Kinesis stream, an S3 Object Lambda access point's transforming function
(every object read through it is sent there), a Bedrock agent's collaborator alias (the conversation is handed
over), an Amazon Connect instance's Lambda function (contact data) and an SES receipt rule's WorkMail organisation
(the mail itself); and one grant: the stack's VPC Lattice service or resource configuration associated with a
service network of another account (that account's clients reach it). ``who``: ``own`` (the team's account, which
the table's provider pins: passes), ``partner`` (another account: RES-023, passed before), ``partner-declared`` (the
partner's account declared: passes).

Beside them, paired ``home`` / ``abroad`` programs for types that were already refused (a Region or host abroad, a
bucket the stack does not make), so a later change cannot lose them.

tests/test_realistic_programs.py runs them as CASES (``awsred44-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_aws as aws
from platform_parts import Build, Row, account_rows, home_abroad_rows

OWN = "123456789012"
"""The team's AWS account, which the table's provider pins (``allowed_account_ids``)."""
PARTNER = "210987654321"
"""A partner's (or the group's shared-services) account, which no provider of the stack pins."""
HOME = {"EU": "eu-west-1", "US": "us-east-1", "JP": "ap-northeast-1", "CN": "cn-north-1"}
ABROAD = {"EU": "us-east-1", "US": "eu-west-1", "JP": "us-west-2", "CN": "ap-east-1"}
PARTITION = {"EU": "aws", "US": "aws", "JP": "aws", "CN": "aws-cn"}
CODES = ("EU", "JP")

PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-shared-services", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's shared-services account; its SCP keeps every resource in the market's Regions",
}  # fmt: skip


def _role(name: str, service: str, opts: pulumi.ResourceOptions) -> aws.iam.Role:
    document = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}  # fmt: skip
    return aws.iam.Role(name, assume_role_policy=json.dumps(document), opts=opts)


def account_of(who: str) -> str:
    """The account a program of ``who`` names: the team's (``own``), else the partner's."""
    return OWN if who == "own" else PARTNER


def account_arn(code: str, who: str, service: str, rest: str, region: str | None = None) -> str:
    """An ARN of ``who``'s account, in the jurisdiction's Region unless ``region`` is given."""
    return f"arn:{PARTITION[code]}:{service}:{region or HOME[code]}:{account_of(who)}:{rest}"


# -- the leak: another account's resource the stack writes into (RES-023 since stop 44) ---------------------------


def event_stream(code: str, who: str) -> Build:
    # docs: pinpoint/eventstream — `destination_stream_arn` "The Amazon Resource Name (ARN) of the Amazon Kinesis stream
    # or Firehose delivery stream to which you want to publish events" (every send, open and click of the project).
    def build(c: Any) -> object:
        app = aws.pinpoint.App("campaigns", opts=c.aws)
        role = _role("pinpoint-events", "pinpoint.amazonaws.com", c.aws)
        return aws.pinpoint.EventStream(
            "campaign-events", application_id=app.application_id, role_arn=role.arn,
            destination_stream_arn=account_arn(code, who, "firehose", "deliverystream/engagement-events"), opts=c.aws,
        )  # fmt: skip

    return build


def analytics_output(code: str, who: str) -> Build:
    # docs: kinesis/analyticsapplication — `outputs` (`kinesis_stream` / `kinesis_firehose` / `lambda`, each a
    # `resource_arn` "The ARN of the ... destination", `role_arn`): the SQL application's results are written there.
    def build(c: Any) -> object:
        role = _role("analytics", "kinesisanalytics.amazonaws.com", c.aws)
        source = aws.kinesis.Stream("clicks", shard_count=1, opts=c.aws)
        return aws.kinesis.AnalyticsApplication(
            "click-sessions",
            code="CREATE OR REPLACE STREAM \"DEST\" (session VARCHAR(64));",
            inputs={"name_prefix": "SOURCE", "kinesis_stream": {"resource_arn": source.arn, "role_arn": role.arn},
                    "schema": {"record_columns": [{"name": "session", "sql_type": "VARCHAR(64)", "mapping": "$.s"}],
                               "record_format": {"mapping_parameters": {"json": {"record_row_path": "$"}}}}},
            outputs=[{"name": "DEST", "schema": {"record_format_type": "JSON"},
                      "kinesis_stream": {"resource_arn": account_arn(code, who, "kinesis", "stream/click-sessions"),
                                         "role_arn": role.arn}}],
            opts=c.aws,
        )  # fmt: skip

    return build


def realtime_log(code: str, who: str) -> Build:
    # docs: cloudfront/realtimelogconfig — `endpoint.kinesis_stream_config.stream_arn` "The ARN of the Kinesis data
    # stream" (CloudFormation KinesisStreamConfig: "where you are sending real-time log data"): viewer IPs, URIs.
    def build(c: Any) -> object:
        role = _role("realtime-logs", "cloudfront.amazonaws.com", c.aws)
        return aws.cloudfront.RealtimeLogConfig(
            "viewer-logs", name="viewer-logs", sampling_rate=100, fields=["timestamp", "c-ip", "cs-uri-stem"],
            endpoint={"stream_type": "Kinesis", "kinesis_stream_config": {
                "role_arn": role.arn, "stream_arn": account_arn(code, who, "kinesis", "stream/viewer-logs")}},
            opts=c.aws,
        )  # fmt: skip

    return build


def object_lambda(code: str, who: str) -> Build:
    # docs: s3control/objectlambdaaccesspoint — `configuration.transformation_configurations.content_transformation
    # .aws_lambda.function_arn` (AwsLambdaTransformation: "AWS Lambda function used to transform objects through an
    # Object Lambda Access Point"): every object read through the access point is handed to that function.
    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("records", opts=c.aws)
        point = aws.s3.AccessPoint("records", bucket=bucket.id, name="records", opts=c.aws)
        return aws.s3control.ObjectLambdaAccessPoint(
            "records-redacted", name="records-redacted",
            configuration={"supporting_access_point": point.arn, "transformation_configurations": [{
                "actions": ["GetObject"], "content_transformation": {"aws_lambda": {
                    "function_arn": account_arn(code, who, "lambda", "function:redact-pii")}}}]},
            opts=c.aws,
        )  # fmt: skip

    return build


def agent_collaborator(code: str, who: str) -> Build:
    # docs: bedrock/agentagentcollaborator — `agent_descriptor.alias_arn` (the collaborator agent's alias), with
    # `relay_conversation_history` TO_COLLABORATOR: the supervisor hands the user's conversation to that agent.
    def build(c: Any) -> object:
        return aws.bedrock.AgentAgentCollaborator(
            "claims-triage", agent_id="SUPERVISOR1", collaborator_name="triage",
            collaboration_instruction="Hand over claims that need a triage decision.",
            relay_conversation_history="TO_COLLABORATOR",
            agent_descriptor={"alias_arn": account_arn(code, who, "bedrock", "agent-alias/TRIAGE0001/PROD000001")},
            opts=c.aws,
        )  # fmt: skip

    return build


def connect_lambda(code: str, who: str) -> Build:
    # docs: connect/lambdafunctionassociation — `function_arn` "Amazon Resource Name (ARN) of the Lambda Function":
    # contact flows invoke it with the contact's attributes (caller number, what the caller typed or said).
    def build(c: Any) -> object:
        instance = aws.connect.Instance(
            "contact-centre", identity_management_type="CONNECT_MANAGED", inbound_calls_enabled=True,
            outbound_calls_enabled=False, instance_alias="claims-contact", opts=c.aws,
        )  # fmt: skip
        return aws.connect.LambdaFunctionAssociation(
            "lookup", instance_id=instance.id,
            function_arn=account_arn(code, who, "lambda", "function:customer-lookup"),
            opts=c.aws,
        )  # fmt: skip

    return build


def workmail_receipt(code: str, who: str) -> Build:
    # docs: ses/receiptrule — `workmail_actions` (`organization_arn` "The ARN of the WorkMail organization",
    # `position`): the received message itself is delivered into that WorkMail organisation's mailboxes.
    def build(c: Any) -> object:
        rules = aws.ses.ReceiptRuleSet("inbound", rule_set_name="inbound", opts=c.aws)
        return aws.ses.ReceiptRule(
            "claims-inbox", rule_set_name=rules.rule_set_name, name="claims-inbox", recipients=["claims@example.com"],
            enabled=True, scan_enabled=True,
            workmail_actions=[{
                "position": 1,
                "organization_arn": account_arn(code, who, "workmail", "organization/m-0123456789abcdef"),
            }],
            opts=c.aws,
        )  # fmt: skip

    return build


def lattice_service(code: str, who: str) -> Build:
    # docs: vpclattice/servicenetworkserviceassociation — `service_network_identifier` "The ID or Amazon Resource
    # Identifier (ARN) of the service network. You must use the ARN if the resources specified in the operation are in
    # different accounts"; "When you associate a service with the service network, it enables clients (resources in a
    # VPC associated with the service network), to make requests to this service" (VPC Lattice user guide).
    def build(c: Any) -> object:
        service = aws.vpclattice.Service("claims-api", name="claims-api", auth_type="NONE", opts=c.aws)
        network = (
            aws.vpclattice.ServiceNetwork("claims", name="claims", opts=c.aws).arn
            if who == "own"
            else account_arn(code, who, "vpc-lattice", "servicenetwork/sn-0123456789abcdef0")
        )
        return aws.vpclattice.ServiceNetworkServiceAssociation(
            "claims-api", service_identifier=service.id, service_network_identifier=network, opts=c.aws
        )

    return build


def lattice_resource(code: str, who: str) -> Build:
    # docs: vpclattice/servicenetworkresourceassociation — `resource_configuration_identifier`,
    # `service_network_identifier` (the service network's id or ARN); the stack's database, as a resource
    # configuration, reachable from the VPCs of that service network.
    def build(c: Any) -> object:
        network = (
            aws.vpclattice.ServiceNetwork("claims", name="claims", opts=c.aws).arn
            if who == "own"
            else account_arn(code, who, "vpc-lattice", "servicenetwork/sn-0123456789abcdef0")
        )
        return aws.vpclattice.ServiceNetworkResourceAssociation(
            "claims-db", resource_configuration_identifier="rcfg-0123456789abcdef0",
            service_network_identifier=network, opts=c.aws,
        )  # fmt: skip

    return build


ACCOUNT_KINDS: dict[str, Callable[[str, str], Build]] = {
    "event-stream": event_stream,
    "analytics-output": analytics_output,
    "realtime-log": realtime_log,
    "object-lambda": object_lambda,
    "agent-collaborator": agent_collaborator,
    "connect-lambda": connect_lambda,
    "workmail-receipt": workmail_receipt,
    "lattice-service": lattice_service,
    "lattice-resource": lattice_resource,
}


# -- already refused before stop 44 (a Region or host abroad, a bucket the stack does not make) -----------------------


def _where(code: str, where: str) -> str:
    return HOME[code] if where == "home" else ABROAD[code]


def _abroad_arn(code: str, where: str, service: str, rest: str) -> str:
    # Abroad from CN is the aws partition (Hong Kong), which also fails RES-004.
    partition = PARTITION[code] if where == "home" else "aws"
    return f"arn:{partition}:{service}:{_where(code, where)}:{OWN}:{rest}"


def snapshot_copy(code: str, where: str) -> Build:
    # docs: rds/snapshotcopy — `destination_region` "The Destination region to place snapshot copy".
    def build(c: Any) -> object:
        db = aws.rds.Instance(
            "claims", engine="postgres", instance_class="db.t4g.micro", allocated_storage=20, username="claims",
            manage_master_user_password=True, skip_final_snapshot=True, storage_encrypted=True, opts=c.aws,
        )  # fmt: skip
        snapshot = aws.rds.Snapshot("claims-nightly", db_instance_identifier=db.identifier,
                                    db_snapshot_identifier="claims-nightly", opts=c.aws)  # fmt: skip
        return aws.rds.SnapshotCopy(
            "claims-copy", source_db_snapshot_identifier=snapshot.db_snapshot_arn,
            target_db_snapshot_identifier="claims-copy", destination_region=_where(code, where), opts=c.aws,
        )  # fmt: skip

    return build


def dynamodb_stream(code: str, where: str) -> Build:
    # docs: dynamodb/kinesisstreamingdestination — `stream_arn` "The ARN for a Kinesis data stream": every item change.
    def build(c: Any) -> object:
        table = aws.dynamodb.Table("orders", hash_key="id", attributes=[{"name": "id", "type": "S"}],
                                   billing_mode="PAY_PER_REQUEST", opts=c.aws)  # fmt: skip
        return aws.dynamodb.KinesisStreamingDestination(
            "orders-changes", table_name=table.name,
            stream_arn=_abroad_arn(code, where, "kinesis", "stream/orders-changes"), opts=c.aws,
        )  # fmt: skip

    return build


def multi_region_endpoint(code: str, where: str) -> Build:
    # docs: sesv2/multiregionendpoint — `details.routes_details` (`region`: "The name of an AWS-Region to be a
    # secondary region for the multi-region endpoint"): mail is sent from either Region.
    def build(c: Any) -> object:
        return aws.sesv2.MultiRegionEndpoint(
            "mail", endpoint_name="mail", details={"routes_details": {"region": _where(code, where)}}, opts=c.aws
        )

    return build


def framework_share(code: str, where: str) -> Build:
    # docs: auditmanager/frameworkshare — `destination_account`, `destination_region` ("Region of the recipient").
    def build(c: Any) -> object:
        return aws.auditmanager.FrameworkShare(
            "controls-share", framework_id="a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", destination_account=OWN,
            destination_region=_where(code, where), opts=c.aws,
        )  # fmt: skip

    return build


def stack_instances(code: str, where: str) -> Build:
    # docs: cloudformation/stackinstances — `regions` "Regions where you want to create stack instances".
    def build(c: Any) -> object:
        return aws.cloudformation.StackInstances(
            "baseline", stack_set_name="security-baseline", accounts=[OWN], regions=[HOME[code], _where(code, where)],
            opts=c.aws,
        )  # fmt: skip

    return build


def zone_authorisation(code: str, where: str) -> Build:
    # docs: route53/vpcassociationauthorization — `vpc_id`, `vpc_region` "The VPC's region": the private zone's
    # names answered in a VPC of that Region.
    def build(c: Any) -> object:
        vpc = aws.ec2.Vpc("claims", cidr_block="10.60.0.0/16", enable_dns_hostnames=True, opts=c.aws)
        zone = aws.route53.Zone("internal", name="claims.internal", vpcs=[{"vpc_id": vpc.id}], opts=c.aws)
        return aws.route53.VpcAssociationAuthorization(
            "shared-vpc", zone_id=zone.zone_id, vpc_id="vpc-0a1b2c3d4e5f67890", vpc_region=_where(code, where),
            opts=c.aws,
        )  # fmt: skip

    return build


def lake_notification(code: str, where: str) -> Build:
    # docs: securitylake/subscribernotification — `configuration.https_notification_configuration.endpoint` "The
    # subscription endpoint in Security Lake": object-created notifications for the subscriber's new log data.
    def build(c: Any) -> object:
        region = HOME[code]
        endpoint = (
            f"https://a1b2c3d4e5.execute-api.{region}.amazonaws.com/prod/lake-events"
            if where == "home"
            else "https://siem.partner-soc.example.com/lake-events"
        )
        role = _role("lake-notify", "securitylake.amazonaws.com", c.aws)
        return aws.securitylake.SubscriberNotification(
            "siem", subscriber_id="a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
            configuration={"https_notification_configuration": {"endpoint": endpoint, "target_role_arn": role.arn}},
            opts=c.aws,
        )  # fmt: skip

    return build


def hdfs_location(code: str, where: str) -> Build:
    # docs: datasync/locationhdfs — `name_nodes` (`hostname` "The hostname of the NameNode in the HDFS cluster"):
    # DataSync reads from and writes to that cluster.
    def build(c: Any) -> object:
        host = "10.60.12.5" if where == "home" else "namenode.partner-lake.example.com"
        return aws.datasync.LocationHdfs(
            "hadoop", agent_arns=[f"arn:{PARTITION[code]}:datasync:{HOME[code]}:{OWN}:agent/agent-0123456789abcdef0"],
            name_nodes=[{"hostname": host, "port": 8020}], authentication_type="SIMPLE", simple_user="datasync",
            opts=c.aws,
        )  # fmt: skip

    return build


def _own_or_partner_bucket(c: Any, where: str, name: str) -> Any:
    return aws.s3.Bucket(name, opts=c.aws).bucket if where == "home" else f"partner-{name}"


def training_output(code: str, where: str) -> Build:
    # docs: sagemaker/trainingjob — `output_data_config.s3_output_path` (the model artifacts).
    def build(c: Any) -> object:
        bucket = _own_or_partner_bucket(c, where, "models")
        role = _role("training", "sagemaker.amazonaws.com", c.aws)
        image = f"763104351884.dkr.ecr.{HOME[code]}.amazonaws.com/pytorch-training:2.3-cpu-py311"
        return aws.sagemaker.TrainingJob(
            "churn", training_job_name="churn", role_arn=role.arn,
            algorithm_specification={"training_input_mode": "File", "training_image": image},
            output_data_config={"s3_output_path": pulumi.Output.concat("s3://", bucket, "/churn/")},
            resource_config={"instance_type": "ml.m5.large", "instance_count": 1, "volume_size_in_gb": 10},
            stopping_condition={"max_runtime_in_seconds": 3600}, opts=c.aws,
        )  # fmt: skip

    return build


def transfer_copy(code: str, where: str) -> Build:
    # docs: transfer/workflow — a COPY step's `destination_file_location.s3_file_location` (`bucket`, `key`): every
    # uploaded file is copied there.
    def build(c: Any) -> object:
        bucket = _own_or_partner_bucket(c, where, "intake")
        return aws.transfer.Workflow(
            "intake", steps=[{"type": "COPY", "copy_step_details": {"name": "archive", "destination_file_location": {
                "s3_file_location": {"bucket": bucket, "key": "archive/"}}}}], opts=c.aws,
        )  # fmt: skip

    return build


def findings_export(code: str, where: str) -> Build:
    # docs: macie2/classificationexportconfiguration — `s3_destination` (`bucket_name`, `key_prefix`, `kms_key_arn`):
    # sensitive-data discovery results, which quote where personal data was found.
    def build(c: Any) -> object:
        bucket = _own_or_partner_bucket(c, where, "macie-results")
        key = aws.kms.Key("macie-results", opts=c.aws)
        return aws.macie2.ClassificationExportConfiguration(
            "results", s3_destination={"bucket_name": bucket, "key_prefix": "macie/", "kms_key_arn": key.arn},
            opts=c.aws,
        )  # fmt: skip

    return build


def revision_export(code: str, where: str) -> Build:
    # docs: dataexchange/eventaction — `action.export_revision_to_s3.revision_destination.bucket`: each new revision
    # of the subscribed data set is exported there.
    def build(c: Any) -> object:
        bucket = _own_or_partner_bucket(c, where, "market-data")
        return aws.dataexchange.EventAction(
            "market-data", event={"revision_published": {"data_set_id": "a1b2c3d4e5f60123456789abcdef0123"}},
            action={"export_revision_to_s3": {"revision_destination": {
                "bucket": bucket, "key_pattern": "${Revision.CreatedAt}/${Asset.Name}"}}}, opts=c.aws,
        )  # fmt: skip

    return build


REGION_KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "snapshot-copy": (snapshot_copy, {"RES-009"}, ("EU", "CN")),
    "dynamodb-stream": (dynamodb_stream, {"RES-004"}, ("US", "CN")),
    "multi-region-endpoint": (multi_region_endpoint, {"RES-009"}, ("EU", "JP")),
    "framework-share": (framework_share, {"RES-009"}, ("US", "JP")),
    "stack-instances": (stack_instances, {"RES-009"}, ("EU", "CN")),
    "zone-authorisation": (zone_authorisation, {"RES-009"}, ("JP", "CN")),
    "lake-notification": (lake_notification, {"RES-015"}, ("EU", "US")),
    "hdfs-location": (hdfs_location, {"RES-015"}, ("JP", "CN")),
    "training-output": (training_output, {"RES-017"}, ("EU", "US")),
    "transfer-copy": (transfer_copy, {"RES-017"}, ("EU", "JP")),
    "findings-export": (findings_export, {"RES-017"}, ("US", "JP")),
    "revision-export": (revision_export, {"RES-017"}, ("EU", "US")),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return account_rows("awsred44", ACCOUNT_KINDS, CODES, PARTNER_DECLARED) + home_abroad_rows("awsred44", REGION_KINDS)
