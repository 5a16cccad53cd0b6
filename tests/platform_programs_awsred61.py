"""AWS red team, round 38 (stop 61): what round 37 left open (a DMS replication task's and replication config's target
endpoint, a Verified Access endpoint's load balancer and RDS cluster, a Transfer Family SFTP connector's VPC Lattice
egress, each in another account; a Step Functions PutEvents through a global endpoint) and services no round had
probed (S3 Tables replication, Clean Rooms results, MWAA's bucket, Bedrock agent action groups, Entity Resolution).

Probed first through ``RuleEngine`` (one-value subjects, Pulumi and CloudFormation, own / partner account / Region
abroad), then written here as the programs a platform team writes, each in a ``cloudformation.Stack`` (provider pinned
to the team's account) beside its Pulumi twin. Reproduced on the unchanged engine (main 3c67a1f3), EU / US / CN:

- A DMS replication task's ``target_endpoint_arn`` (``TargetEndpointArn``) and a serverless replication config's
  (``aws.dms.ReplicationConfig``, ``AWS::DMS::ReplicationConfig``) naming an endpoint of a partner's account, in the
  stack's Region, **passed every door** (a Region abroad was RES-004): every migrated row is written through it.
- A Verified Access endpoint's ``load_balancer_options.load_balancer_arn`` and ``rds_options.rds_db_cluster_arn``
  (``LoadBalancerOptions.LoadBalancerArn``, ``RdsOptions.RdsDbClusterArn``) in a partner's account **passed every
  door**: every authorised request is forwarded there.
- A Transfer Family SFTP connector's ``egress_config.vpc_lattice.resource_configuration_arn``
  (``EgressConfig.VpcLattice.ResourceConfigurationArn``) naming a resource configuration a partner shares through RAM
  **passed every door**: the files the connector sends leave through the partner's resource configuration.
- A Step Functions ``arn:<partition>:states:::events:putEvents`` task with an ``EndpointId`` (a global endpoint, as a
  pipe's ``endpoint_id`` since round 37) **passed every door** (EU / US / CN, Pulumi and template).
- A pipe naming the template's own ``AWS::Events::Endpoint`` (both Regions in the jurisdiction) by ``Fn::GetAtt
  [GlobalBus, EndpointId]`` was RES-015 (a **false alarm**, round 37's decision): the attribute is read now
  (``template_attributes``) and the endpoint judged where it is made. A Pulumi ``cloudwatch.EventEndpoint`` has no
  output holding the id: that program still declares it.

Pinned alike (already right): a partner's S3 Tables replication destination (RES-023 outside CN), a Bedrock agent
action group's Lambda in another Region (RES-004), a Clean Rooms membership's result bucket and an MWAA environment's
DAG bucket the stack does not make (RES-017 outside CN; the stack's own passes), a DMS replication task whose *source*
endpoint is a partner's (a source: passes).

Ids ``awsred61-<code>-<kind>-<who>``: ``own`` / ``home`` (the pinned account's resource in the Region, the stack's own
bucket, no global endpoint: passes), ``partner`` (a partner's account: RES-023 outside CN, an aws-cn account being
China's by partition; a bucket the stack does not make: RES-017 outside CN; a global endpoint: RES-015), ``abroad`` (a
Region outside the jurisdiction), ``partner-declared`` (declared: passes). ``cfn-*`` kinds are a resource in a template,
``pulumi-*`` the Pulumi resource of the same API call. tests/test_realistic_programs.py runs them as CASES
(``awsred61-*``). On main 3c67a1f3, 29 of the 149 programs failed: 26 leaks (every ``partner`` twin of the five
written fields outside CN, template and Pulumi, and of the PutEvents tasks in CN too) and 3 false alarms (the
template's own global endpoint); no wrong rule (docs/residency.md, *AWS red team, round 38 (stop 61)*).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, partition

# The same accounts and template helpers as rounds 23 to 37 (one fact, one place).
from platform_programs_awsred55 import _one
from platform_programs_awsred58 import ACCOUNT_DECLARED, PARTNER_ACCOUNT
from platform_programs_awsred60 import (
    ABROAD,
    BUCKET_DECLARED,
    CODES,
    ENDPOINT_DECLARED,
    GLOBAL_ENDPOINT,
    PARTNER_BUCKET,
)

Program = Callable[[str, str], Build]


def _arn(code: str, who: str, service: str, resource: str, region: str | None = None) -> str:
    """An ARN of the team's account (``own``) or the partner's, in the jurisdiction's Region unless told."""
    account = PARTNER_ACCOUNT if who.startswith("partner") else OWN_ACCOUNT
    return f"arn:{partition(code)}:{service}:{region or HOME[code]}:{account}:{resource}"


def _role(code: str, name: str) -> str:
    return f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/{name}"


_TABLE_MAPPINGS = json.dumps({"rules": [{
    "rule-type": "selection", "rule-id": "1", "rule-name": "claims", "rule-action": "include",
    "object-locator": {"schema-name": "claims", "table-name": "%"}}]})  # fmt: skip
"""DMS table mappings ("Using table mapping to specify task settings"): every table of the claims schema."""


# -- DMS: the target endpoint a replication task / config writes every migrated row through -------------------------


def _endpoint(code: str, who: str, kind: str) -> str:
    return _arn(code, who, "dms", f"endpoint:CLAIMS{kind.upper()}0A1B2C3D4E5F6")


def cfn_dms_task(code: str, who: str) -> Build:
    # docs: AWS::DMS::ReplicationTask MigrationType, ReplicationInstanceArn, SourceEndpointArn, TargetEndpointArn ("An
    # Amazon Resource Name (ARN) that uniquely identifies the target endpoint"), TableMappings.
    return _one("claims-cdc-task", "AWS::DMS::ReplicationTask", {
        "ReplicationTaskIdentifier": "claims-cdc", "MigrationType": "full-load-and-cdc",
        "ReplicationInstanceArn": _arn(code, "own", "dms", "rep:CLAIMS0A1B2C3D4E5F6"),
        "SourceEndpointArn": _endpoint(code, "own", "src"), "TargetEndpointArn": _endpoint(code, who, "tgt"),
        "TableMappings": _TABLE_MAPPINGS})  # fmt: skip


def pulumi_dms_task(code: str, who: str) -> Build:
    # docs: dms/replicationTask (replication_task_id, migration_type, replication_instance_arn, source_endpoint_arn,
    # target_endpoint_arn, table_mappings).
    def build(c: Any) -> object:
        return aws.dms.ReplicationTask("claims-cdc-task", replication_task_id="claims-cdc",
            migration_type="full-load-and-cdc",
            replication_instance_arn=_arn(code, "own", "dms", "rep:CLAIMS0A1B2C3D4E5F6"),
            source_endpoint_arn=_endpoint(code, "own", "src"), target_endpoint_arn=_endpoint(code, who, "tgt"),
            table_mappings=_TABLE_MAPPINGS, opts=c.aws)  # fmt: skip

    return build


def pulumi_dms_task_source(code: str, who: str) -> Build:
    """The source endpoint a partner's (a database the task reads from): a source, no transfer (passes)."""

    def build(c: Any) -> object:
        return aws.dms.ReplicationTask("claims-intake-task", replication_task_id="claims-intake",
            migration_type="cdc", replication_instance_arn=_arn(code, "own", "dms", "rep:CLAIMS0A1B2C3D4E5F6"),
            source_endpoint_arn=_endpoint(code, who, "src"), target_endpoint_arn=_endpoint(code, "own", "tgt"),
            table_mappings=_TABLE_MAPPINGS, opts=c.aws)  # fmt: skip

    return build


def cfn_dms_config(code: str, who: str) -> Build:
    # docs: AWS::DMS::ReplicationConfig ReplicationConfigIdentifier, ReplicationType, SourceEndpointArn,
    # TargetEndpointArn, ComputeConfig {MaxCapacityUnits, ReplicationSubnetGroupId}, TableMappings (JSON object).
    return _one("claims-cdc-serverless", "AWS::DMS::ReplicationConfig", {
        "ReplicationConfigIdentifier": "claims-cdc", "ReplicationType": "full-load-and-cdc",
        "SourceEndpointArn": _endpoint(code, "own", "src"), "TargetEndpointArn": _endpoint(code, who, "tgt"),
        "ComputeConfig": {"MaxCapacityUnits": 16, "ReplicationSubnetGroupId": "claims-dms"},
        "TableMappings": json.loads(_TABLE_MAPPINGS)})  # fmt: skip


def pulumi_dms_config(code: str, who: str) -> Build:
    # docs: dms/replicationConfig (replication_config_identifier, replication_type, source_endpoint_arn,
    # target_endpoint_arn, compute_config {max_capacity_units, replication_subnet_group_id}, table_mappings).
    def build(c: Any) -> object:
        return aws.dms.ReplicationConfig("claims-cdc-serverless", replication_config_identifier="claims-cdc",
            replication_type="full-load-and-cdc", source_endpoint_arn=_endpoint(code, "own", "src"),
            target_endpoint_arn=_endpoint(code, who, "tgt"),
            compute_config={"max_capacity_units": 16, "replication_subnet_group_id": "claims-dms"},
            table_mappings=_TABLE_MAPPINGS, opts=c.aws)  # fmt: skip

    return build


# -- Verified Access: the load balancer / RDS cluster every authorised request is forwarded to ---------------------


def _alb(code: str, who: str) -> str:
    return _arn(code, who, "elasticloadbalancing", "loadbalancer/app/claims/50dc6c495c0c9188")


def cfn_va_load_balancer(code: str, who: str) -> Build:
    # docs: AWS::EC2::VerifiedAccessEndpoint LoadBalancerOptions {LoadBalancerArn ("The ARN of the load balancer"),
    # Port, Protocol, SubnetIds}.
    return _one("claims-va", "AWS::EC2::VerifiedAccessEndpoint", {
        "AttachmentType": "vpc", "EndpointType": "load-balancer", "ApplicationDomain": "claims.fleet-example.net",
        "DomainCertificateArn": _arn(code, "own", "acm", "certificate/0a1b2c3d"), "EndpointDomainPrefix": "claims",
        "VerifiedAccessGroupId": "vagr-0a1b2c3d4e5f60718", "LoadBalancerOptions": {
            "LoadBalancerArn": _alb(code, who), "Port": 443, "Protocol": "https",
            "SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}})  # fmt: skip


def pulumi_va_load_balancer(code: str, who: str) -> Build:
    # docs: verifiedaccess/endpoint load_balancer_options {load_balancer_arn, port, protocol, subnet_ids}.
    def build(c: Any) -> object:
        return aws.verifiedaccess.Endpoint("claims-va", attachment_type="vpc", endpoint_type="load-balancer",
            application_domain="claims.fleet-example.net",
            domain_certificate_arn=_arn(code, "own", "acm", "certificate/0a1b2c3d"), endpoint_domain_prefix="claims",
            verified_access_group_id="vagr-0a1b2c3d4e5f60718", load_balancer_options={
                "load_balancer_arn": _alb(code, who), "port": 443, "protocol": "https",
                "subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}, opts=c.aws)  # fmt: skip

    return build


def _cluster(code: str, who: str) -> str:
    return _arn(code, who, "rds", "cluster:claims-reporting")


def cfn_va_rds(code: str, who: str) -> Build:
    # docs: AWS::EC2::VerifiedAccessEndpoint EndpointType rds, RdsOptions {RdsDbClusterArn, Port, Protocol,
    # SubnetIds}: the database the endpoint's TCP clients reach.
    return _one("claims-db-va", "AWS::EC2::VerifiedAccessEndpoint", {
        "AttachmentType": "vpc", "EndpointType": "rds", "VerifiedAccessGroupId": "vagr-0a1b2c3d4e5f60718",
        "RdsOptions": {"RdsDbClusterArn": _cluster(code, who), "Port": 5432, "Protocol": "tcp",
                       "SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}})  # fmt: skip


def pulumi_va_rds(code: str, who: str) -> Build:
    # docs: verifiedaccess/endpoint rds_options {rds_db_cluster_arn, port, protocol, subnet_ids}.
    def build(c: Any) -> object:
        return aws.verifiedaccess.Endpoint("claims-db-va", attachment_type="vpc", endpoint_type="rds",
            verified_access_group_id="vagr-0a1b2c3d4e5f60718", rds_options={
                "rds_db_cluster_arn": _cluster(code, who), "port": 5432, "protocol": "tcp",
                "subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}, opts=c.aws)  # fmt: skip

    return build


# -- Transfer Family: an SFTP connector's egress through a VPC Lattice resource configuration -----------------------


def _resource_configuration(code: str, who: str) -> str:
    return _arn(code, who, "vpc-lattice", "resourceconfiguration/rcfg-0a1b2c3d4e5f60718")


def cfn_sftp_lattice(code: str, who: str) -> Build:
    # docs: AWS::Transfer::Connector AccessRole, SftpConfig {UserSecretId, TrustedHostKeys}, EgressConfig {VpcLattice
    # {ResourceConfigurationArn, PortNumber}}: the connector reaches the SFTP server through the resource configuration.
    return _one("claims-partner-sftp", "AWS::Transfer::Connector", {
        "AccessRole": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/sftp-connector"},
        "SftpConfig": {"UserSecretId": "claims-sftp", "TrustedHostKeys": ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"]},
        "EgressConfig": {"VpcLattice": {"ResourceConfigurationArn": _resource_configuration(code, who),
                                        "PortNumber": 22}}})  # fmt: skip


def pulumi_sftp_lattice(code: str, who: str) -> Build:
    # docs: transfer/connector (access_role, sftp_config, egress_config.vpc_lattice {resource_configuration_arn,
    # port_number}).
    def build(c: Any) -> object:
        return aws.transfer.Connector("claims-partner-sftp", access_role=_role(code, "sftp-connector"),
            sftp_config={"user_secret_id": "claims-sftp",
                         "trusted_host_keys": ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"]},
            egress_config={"vpc_lattice": {"resource_configuration_arn": _resource_configuration(code, who),
                                           "port_number": 22}}, opts=c.aws)  # fmt: skip

    return build


# -- pinned: S3 Tables replication into another account ---------------------------------------------------------------


def cfn_s3tables_replication(code: str, who: str) -> Build:
    # docs: AWS::S3Tables::TableBucket TableBucketName, ReplicationConfiguration {Role, Rules [{Destinations
    # [{DestinationTableBucketArn}]}]}.
    return _one("claims-tables", "AWS::S3Tables::TableBucket", {
        "TableBucketName": "claims-tables", "ReplicationConfiguration": {
            "Role": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/s3tables-replication"},
            "Rules": [{"Destinations": [{"DestinationTableBucketArn": _arn(
                code, who, "s3tables", "bucket/claims-tables-replica")}]}]}})  # fmt: skip


def pulumi_s3tables_replication(code: str, who: str) -> Build:
    # docs: s3tables/tableBucketReplication (table_bucket_arn, role, rule.destinations[].destination_table_bucket_arn).
    def build(c: Any) -> object:
        bucket = aws.s3tables.TableBucket("claims-tables", name="claims-tables", opts=c.aws)
        return aws.s3tables.TableBucketReplication("claims-tables-replication", table_bucket_arn=bucket.arn,
            role=_role(code, "s3tables-replication"), rule={"destinations": [{
                "destination_table_bucket_arn": _arn(code, who, "s3tables", "bucket/claims-tables-replica")}]},
            opts=c.aws)  # fmt: skip

    return build


ACCOUNTS: dict[str, Program] = {
    "cfn-dms-task-target-endpoint": cfn_dms_task,
    "pulumi-dms-task-target-endpoint": pulumi_dms_task,
    "cfn-dms-config-target-endpoint": cfn_dms_config,
    "pulumi-dms-config-target-endpoint": pulumi_dms_config,
    "cfn-verified-access-load-balancer": cfn_va_load_balancer,
    "pulumi-verified-access-load-balancer": pulumi_va_load_balancer,
    "cfn-verified-access-rds-cluster": cfn_va_rds,
    "pulumi-verified-access-rds-cluster": pulumi_va_rds,
    "cfn-sftp-connector-lattice-egress": cfn_sftp_lattice,
    "pulumi-sftp-connector-lattice-egress": pulumi_sftp_lattice,
    "cfn-s3tables-replication": cfn_s3tables_replication,
    "pulumi-s3tables-replication": pulumi_s3tables_replication,
}
"""Another account's resource written to (RES-023 outside CN): ``own`` / ``partner`` / ``partner-declared``."""


# -- a Step Functions PutEvents task through a global endpoint ------------------------------------------------------


def _put_events(code: str, who: str) -> str:
    # docs: Step Functions "Add EventBridge events with Step Functions" (arn:aws:states:::events:putEvents, Parameters
    # {Entries [{Detail, DetailType, EventBusName, Source}]}); EventBridge PutEvents EndpointId ("The URL subdomain of
    # the endpoint. For example, if the URL for Endpoint is https://abcde.veo.endpoints.event.amazonaws.com, then the
    # EndpointId is abcde.veo"): the events go to the endpoint's primary Region and, on failover, to its secondary.
    parameters: dict[str, Any] = {"Entries": [{
        "Detail": {"claimId.$": "$.claimId", "status": "FILED"}, "DetailType": "ClaimFiled", "EventBusName": "claims",
        "Source": "claims.workflow"}]}  # fmt: skip
    if who != "home":
        parameters["EndpointId"] = GLOBAL_ENDPOINT
    return json.dumps({"Comment": "File a claim and announce it", "StartAt": "Announce", "States": {"Announce": {
        "Type": "Task", "Resource": f"arn:{partition(code)}:states:::events:putEvents", "Parameters": parameters,
        "End": True}}})  # fmt: skip


def cfn_sfn_put_events(code: str, who: str) -> Build:
    # docs: AWS::StepFunctions::StateMachine RoleArn, StateMachineName, DefinitionString.
    return _one("claims-flow", "AWS::StepFunctions::StateMachine", {
        "StateMachineName": "claims-flow", "DefinitionString": _put_events(code, who),
        "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-flow"}})  # fmt: skip


def pulumi_sfn_put_events(code: str, who: str) -> Build:
    # docs: sfn/stateMachine (name, role_arn, definition).
    def build(c: Any) -> object:
        return aws.sfn.StateMachine("claims-flow", name="claims-flow", role_arn=_role(code, "claims-flow"),
                                    definition=_put_events(code, who), opts=c.aws)  # fmt: skip

    return build


PARTNER_HOSTS: dict[str, Program] = {
    "cfn-sfn-put-events-global-endpoint": cfn_sfn_put_events,
    "pulumi-sfn-put-events-global-endpoint": pulumi_sfn_put_events,
}
"""A global endpoint named by id (RES-015 until the id is declared): ``home`` (no endpoint) / ``partner`` /
``partner-declared``."""


# -- a pipe through the template's own global endpoint (Fn::GetAtt EndpointId) ---------------------------------------


SECOND = {"EU": "eu-central-1", "US": "us-west-2", "CN": "cn-northwest-1"}
"""A second Region inside each jurisdiction: a global endpoint's secondary."""


def cfn_pipe_own_global_endpoint(code: str, where: str) -> Build:
    # docs: AWS::Events::Endpoint Name, RoutingConfig {FailoverConfig {Primary {HealthCheck}, Secondary {Route}}},
    # ReplicationConfig {State}, RoleArn, EventBuses (exactly two: the primary's and the secondary's); its return values
    # EndpointId ("The URL subdomain of the endpoint") and EndpointUrl. AWS::Pipes::Pipe TargetParameters
    # {EventBridgeEventBusParameters {EndpointId}} naming it by Fn::GetAtt.
    second = SECOND[code] if where == "home" else ABROAD[code]
    arn = f"arn:{partition(code)}"
    endpoint = {"Type": "AWS::Events::Endpoint", "Properties": {
        "Name": "claims-global", "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/replicate"},
        "RoutingConfig": {"FailoverConfig": {
            "Primary": {"HealthCheck": f"{arn}:route53:::healthcheck/0a1b2c3d-claims"},
            "Secondary": {"Route": second}}},
        "ReplicationConfig": {"State": "ENABLED"},
        "EventBuses": [{"EventBusArn": _arn(code, "own", "events", "event-bus/claims")},
                       {"EventBusArn": _arn(code, "own", "events", "event-bus/claims", second)}]}}  # fmt: skip
    return _one("claims-events", "AWS::Pipes::Pipe", {
        "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-pipe"},
        "Source": _arn(code, "own", "sqs", "claims-intake"), "Target": _arn(code, "own", "events", "event-bus/claims"),
        "TargetParameters": {"EventBridgeEventBusParameters": {
            "DetailType": "ClaimFiled", "Source": "claims.intake",
            "EndpointId": {"Fn::GetAtt": ["GlobalBus", "EndpointId"]}}}},
        GlobalBus=endpoint)  # fmt: skip


# -- pinned: buckets of services no round probed ----------------------------------------------------------------------


def pulumi_cleanrooms_results(code: str, who: str) -> Build:
    # docs: cleanrooms/membership (collaboration_id, query_log_status, default_result_configuration
    # {output_configuration.s3 {bucket, result_format, key_prefix}, role_arn}): every query result is written there.
    def build(c: Any) -> object:
        bucket: Any = aws.s3.Bucket("claims-results", opts=c.aws).bucket if who == "home" else PARTNER_BUCKET
        return aws.cleanrooms.Membership("claims-membership", collaboration_id="a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            query_log_status="DISABLED", default_result_configuration={
                "output_configuration": {"s3": {"bucket": bucket, "result_format": "PARQUET", "key_prefix": "results"}},
                "role_arn": _role(code, "cleanrooms-results")}, opts=c.aws)  # fmt: skip

    return build


def pulumi_mwaa_dags(code: str, who: str) -> Build:
    # docs: mwaa/environment (name, source_bucket_arn, dag_s3_path, requirements_s3_path, execution_role_arn,
    # network_configuration): the environment reads its DAGs and requirements from the bucket and writes there too.
    def build(c: Any) -> object:
        if who == "home":
            arn: Any = aws.s3.Bucket("claims-airflow", opts=c.aws).arn
        else:
            arn = f"arn:{partition(code)}:s3:::{PARTNER_BUCKET}"
        return aws.mwaa.Environment("claims-airflow", name="claims-airflow", source_bucket_arn=arn, dag_s3_path="dags",
            requirements_s3_path="requirements.txt", execution_role_arn=_role(code, "airflow"),
            network_configuration={"security_group_ids": ["sg-0a1b2c3d"],
                                   "subnet_ids": ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"]},
            opts=c.aws)  # fmt: skip

    return build


BUCKETS: dict[str, Program] = {
    "pulumi-cleanrooms-membership-results": pulumi_cleanrooms_results,
    "pulumi-mwaa-dag-bucket": pulumi_mwaa_dags,
}
"""A bucket the stack does not make (RES-017 outside CN), the stack's own passes (``home`` / ``partner`` /
``partner-declared``)."""


# -- pinned: a Region abroad ------------------------------------------------------------------------------------------


def pulumi_bedrock_action_group(code: str, where: str) -> Build:
    # docs: bedrock/agentAgentActionGroup (action_group_name, agent_id, agent_version, action_group_executor.lambda_,
    # api_schema.payload): the agent sends each action's parameters (the user's conversation) to the function.
    def build(c: Any) -> object:
        region = HOME[code] if where == "home" else ABROAD[code]
        return aws.bedrock.AgentAgentActionGroup("claims-lookup", action_group_name="claims-lookup",
            agent_id="AGENT12345", agent_version="DRAFT",
            action_group_executor={"lambda_": _arn(code, "own", "lambda", "function:claims-lookup", region)},
            api_schema={"payload": json.dumps({"openapi": "3.0.0", "info": {"title": "claims", "version": "1"},
                                               "paths": {}})}, opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    out += [(f"awsred61-{code.lower()}-{kind}-{who}", code, make(code, who),
             {"RES-023"} if who == "partner" and code != "CN" else set(),
             [ACCOUNT_DECLARED] if who == "partner-declared" else [])
            for kind, make in ACCOUNTS.items() for code in CODES
            for who in ("own", "partner", "partner-declared")]  # fmt: skip
    out += [(f"awsred61-{code.lower()}-{kind}-{who}", code, make(code, who),
             {"RES-015"} if who == "partner" else set(), [ENDPOINT_DECLARED] if who == "partner-declared" else [])
            for kind, make in PARTNER_HOSTS.items() for code in CODES
            for who in ("home", "partner", "partner-declared")]  # fmt: skip
    out += [(f"awsred61-{code.lower()}-{kind}-{who}", code, make(code, who),
             {"RES-017"} if who == "partner" and code != "CN" else set(),
             [BUCKET_DECLARED] if who == "partner-declared" else [])
            for kind, make in BUCKETS.items() for code in ("EU", "CN")
            for who in ("home", "partner", "partner-declared")]  # fmt: skip
    out += [(f"awsred61-{code.lower()}-pulumi-dms-task-source-endpoint-{who}", code, pulumi_dms_task_source(code, who),
             set(), []) for code in ("EU", "US") for who in ("own", "partner")]  # fmt: skip
    # The template's own endpoint of two Regions at home (RES-015 before); one abroad is refused at the endpoint
    # (its bus RES-004, its Route RES-009: two rules, pinned in tests/test_rules.py).
    out += [(f"awsred61-{code.lower()}-cfn-pipe-own-global-endpoint-home", code,
             cfn_pipe_own_global_endpoint(code, "home"), set(), []) for code in CODES]  # fmt: skip
    out += [(f"awsred61-{code.lower()}-pulumi-bedrock-action-group-lambda-{where}", code,
             pulumi_bedrock_action_group(code, where), {"RES-004"} if where == "abroad" else set(), [])
            for code in ("EU", "US") for where in ("home", "abroad")]  # fmt: skip
    return out
