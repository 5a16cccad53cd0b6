"""AWS red team, round 39 (stop 62): what round 38 left open (a Step Functions PutEvents whose global endpoint is
chosen at run time, a Pulumi program's own ``cloudwatch.EventEndpoint`` named by its id, a Verified Access CIDR
endpoint), a template's ``Mappings`` rows no ``Fn::FindInMap`` can reach, containers in a StackSet's template, and a
sweep of pulumi-aws v7 resources no round had probed (AgentCore gateway targets, WorkSpaces Secure Browser session
loggers, ARC Region switch plans, S3 Tables table replication).

Probed first through ``RuleEngine`` (one-value subjects, Pulumi and CloudFormation, EU / US / CN), then written here
as the programs a platform team writes, each in a ``cloudformation.Stack`` / ``cloudformation.StackSet`` (provider
pinned to the team's account) beside its Pulumi twin. Reproduced on the unchanged engine (main 2519f654):

- A Step Functions ``events:putEvents`` task whose ``EndpointId.$`` (``$.globalEndpoint``) or JSONata ``EndpointId``
  (``{% $states.input.globalEndpoint %}``) takes the global endpoint from the execution input **passed every door**
  (EU / US / CN, Pulumi and template): the literal id is RES-015 since round 38, the run-time one was not read.
- A pipe or a workflow putting events through the program's own ``cloudwatch.EventEndpoint`` (both buses and the
  secondary Region at home), its id sliced out of the endpoint's ``endpoint_url`` output, was RES-015 (a **false
  alarm**, round 38's decision: no output holds the id).
- A template's ``Mappings`` map keyed by Region with a row for another market's Region, read only by ``!FindInMap [M,
  !Ref AWS::Region, K]`` in a ``cloudformation.Stack`` (one Region), was refused for that row (RES-009 / RES-006, a
  **false alarm**): the stack reads its own Region's row only.
- The Datadog Agent's sidecar with its API key alone and an exec-form ``aws ... --region <abroad>`` command in an
  ``AWS::ECS::TaskDefinition`` of a Pulumi ``cloudformation.StackSet``'s template **passed every door** (ecs61 read
  a ``cloudformation.Stack``'s only; an ``AWS::CloudFormation::StackSet`` in a template was read already: pinned).

Pinned alike (already right): a Verified Access CIDR endpoint sending to the VPC's own range passes (no destination
the engine can place: the range is reached through the stack's subnets); a literal ``Fn::FindInMap`` key of another
Region's row (RES-009) and a StackSet's every row (RES-009); an AgentCore gateway target's MCP server at a partner
(RES-015), a session logger's bucket the stack does not make (RES-017 outside CN), an ARC Region switch plan with a
Region abroad (RES-009), S3 Tables table replication into a partner's table bucket (RES-023 outside CN).

Ids ``awsred62-<code>-<kind>-<variant>``: ``home`` (compliant), ``partner`` / ``abroad`` (refused), ``-declared``
(declared: passes). tests/test_realistic_programs.py runs them as CASES (``awsred62-*``); the counts are in
docs/residency.md, *AWS red team, round 39 (stop 62)*.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD as ABROAD
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, partition, trust_policy
from platform_programs_awsred51 import _stack
from platform_programs_awsred55 import _one
from platform_programs_awsred58 import ACCOUNT_DECLARED, PARTNER_ACCOUNT
from platform_programs_awsred60 import BUCKET_DECLARED, PARTNER_BUCKET
from platform_programs_awsred61 import SECOND
from platform_programs_ecs61 import AGENT, CLI, SNAPSHOT

CODES = ("EU", "US", "CN")
Program = Callable[[str, str], Build]


def _arn(code: str, service: str, resource: str, region: str | None = None, account: str = OWN_ACCOUNT) -> str:
    return f"arn:{partition(code)}:{service}:{region or HOME[code]}:{account}:{resource}"


def _role(code: str, name: str) -> str:
    return f"arn:{partition(code)}:iam::{OWN_ACCOUNT}:role/{name}"


# -- a workflow's PutEvents through a global endpoint chosen at run time ---------------------------------------------

RUNTIME_PATH = "$.globalEndpoint"
JSONATA = "{% $states.input.globalEndpoint %}"
RUNTIME_DECLARED: dict[str, Any] = {
    "id": "claims-runtime-endpoint", "kind": "resident", "match": RUNTIME_PATH,
    "evidence": "every caller passes the platform team's global endpoint (both Regions in the market), DPA-62",
}  # fmt: skip
JSONATA_DECLARED: dict[str, Any] = {**RUNTIME_DECLARED, "match": JSONATA}
_ENTRIES = [{"Detail": {"claimId.$": "$.claimId", "status": "FILED"}, "DetailType": "ClaimFiled",
             "EventBusName": "claims", "Source": "claims.workflow"}]  # fmt: skip


def _put_events(code: str, who: str, jsonata: bool) -> str:
    # docs: Step Functions "Add EventBridge events with Step Functions" (arn:aws:states:::events:putEvents); EventBridge
    # PutEvents EndpointId ("The URL subdomain of the endpoint"); ASL Parameters (a field whose name ends in .$ takes
    # its value from a path); JSONata "Arguments ... {% expression %}" (QueryLanguage JSONata).
    resource = f"arn:{partition(code)}:states:::events:putEvents"
    if jsonata:
        arguments: dict[str, Any] = {"Entries": [{
            "Detail": "{% {'claimId': $states.input.claimId, 'status': 'FILED'} %}", "DetailType": "ClaimFiled",
            "EventBusName": "claims", "Source": "claims.workflow"}]}  # fmt: skip
        if who != "home":
            arguments["EndpointId"] = JSONATA
        state: dict[str, Any] = {"Type": "Task", "Resource": resource, "Arguments": arguments, "End": True}
        return json.dumps({"QueryLanguage": "JSONata", "StartAt": "Announce", "States": {"Announce": state}})
    parameters: dict[str, Any] = {"Entries": _ENTRIES}
    if who != "home":
        parameters["EndpointId.$"] = RUNTIME_PATH
    state = {"Type": "Task", "Resource": resource, "Parameters": parameters, "End": True}
    return json.dumps({"Comment": "Announce a filed claim", "StartAt": "Announce", "States": {"Announce": state}})


def _cfn_machine(definition: str) -> Build:
    # docs: AWS::StepFunctions::StateMachine RoleArn, StateMachineName, DefinitionString.
    return _one("claims-flow", "AWS::StepFunctions::StateMachine", {
        "StateMachineName": "claims-flow", "DefinitionString": definition,
        "RoleArn": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/claims-flow"}})  # fmt: skip


def _pulumi_machine(code: str, definition: Any) -> Build:
    # docs: sfn/stateMachine (name, role_arn, definition).
    def build(c: Any) -> object:
        return aws.sfn.StateMachine("claims-flow", name="claims-flow", role_arn=_role(code, "claims-flow"),
                                    definition=definition, opts=c.aws)  # fmt: skip

    return build


RUNTIME: dict[str, Program] = {
    "cfn-sfn-put-events-runtime-endpoint": lambda code, who: _cfn_machine(_put_events(code, who, False)),
    "pulumi-sfn-put-events-runtime-endpoint": lambda code, who: _pulumi_machine(code, _put_events(code, who, False)),
    "cfn-sfn-put-events-jsonata-endpoint": lambda code, who: _cfn_machine(_put_events(code, who, True)),
    "pulumi-sfn-put-events-jsonata-endpoint": lambda code, who: _pulumi_machine(code, _put_events(code, who, True)),
}
"""A global endpoint from the execution input: ``home`` (no endpoint) / ``partner`` (RES-015) / ``partner-declared``
(the exact expression declared)."""


# -- the program's own global endpoint, its id sliced out of endpoint_url ---------------------------------------------


def _endpoint_id(url: str) -> str:
    """The id in the endpoint's URL (PutEvents EndpointId: "if the URL for Endpoint is
    https://abcde.veo.endpoints.event.amazonaws.com, then the EndpointId is abcde.veo")."""
    return url.removeprefix("https://").split(".endpoints.event.", 1)[0]


def _global_bus(code: str, where: str, c: Any) -> aws.cloudwatch.EventEndpoint:
    # docs: cloudwatch/eventendpoint (name, role_arn, event_buses: "Exactly two event buses are required",
    # routing_config.failover_config {primary.health_check, secondary.route}, replication_config.state; output
    # endpoint_url "The URL of the endpoint that was created").
    second = SECOND[code] if where == "home" else ABROAD[code]
    role = aws.iam.Role("claims-replicate", assume_role_policy=trust_policy("events.amazonaws.com"), opts=c.aws)
    return aws.cloudwatch.EventEndpoint("claims-global", name="claims-global", role_arn=role.arn,
        event_buses=[{"event_bus_arn": _arn(code, "events", "event-bus/claims")},
                     {"event_bus_arn": _arn(code, "events", "event-bus/claims", second)}],
        routing_config={"failover_config": {
            "primary": {"health_check": f"arn:{partition(code)}:route53:::healthcheck/0a1b2c3d-claims"},
            "secondary": {"route": second}}},
        replication_config={"state": "ENABLED"}, opts=c.aws)  # fmt: skip


def pulumi_pipe_own_endpoint(code: str, where: str) -> Build:
    # docs: pipes/pipe target_parameters.eventbridge_event_bus_parameters {detail_type, endpoint_id, source}.
    def build(c: Any) -> object:
        endpoint = _global_bus(code, where, c)
        return aws.pipes.Pipe("claims-events", role_arn=_role(code, "claims-pipe"),
            source=_arn(code, "sqs", "claims-intake"), target=_arn(code, "events", "event-bus/claims"),
            target_parameters={"eventbridge_event_bus_parameters": {
                "detail_type": "ClaimFiled", "source": "claims.intake",
                "endpoint_id": endpoint.endpoint_url.apply(_endpoint_id)}}, opts=c.aws)  # fmt: skip

    return build


def pulumi_sfn_own_endpoint(code: str, where: str) -> Build:
    def build(c: Any) -> object:
        endpoint = _global_bus(code, where, c)

        def definition(url: str) -> str:
            state = {"Type": "Task", "Resource": f"arn:{partition(code)}:states:::events:putEvents", "End": True,
                     "Parameters": {"Entries": _ENTRIES, "EndpointId": _endpoint_id(url)}}  # fmt: skip
            return json.dumps({"StartAt": "Announce", "States": {"Announce": state}})

        return aws.sfn.StateMachine("claims-flow", name="claims-flow", role_arn=_role(code, "claims-flow"),
                                    definition=endpoint.endpoint_url.apply(definition), opts=c.aws)  # fmt: skip

    return build


OWN_ENDPOINT: dict[str, Program] = {
    "pulumi-pipe-own-global-endpoint": pulumi_pipe_own_endpoint,
    "pulumi-sfn-own-global-endpoint": pulumi_sfn_own_endpoint,
}
"""The program's own endpoint, both Regions in the jurisdiction: passes (one abroad is refused at the endpoint under two
rules, its second bus RES-004 and its Route RES-009: unit-pinned in tests/test_rules.py)."""


# -- a Verified Access CIDR endpoint (pinned) -------------------------------------------------------------------------


def cfn_va_cidr(code: str, where: str) -> Build:
    # docs: AWS::EC2::VerifiedAccessEndpoint EndpointType cidr, CidrOptions {Cidr, PortRanges [{FromPort, ToPort}],
    # Protocol, SubnetIds}.
    return _one("claims-ssh-va", "AWS::EC2::VerifiedAccessEndpoint", {
        "AttachmentType": "vpc", "EndpointType": "cidr", "VerifiedAccessGroupId": "vagr-0a1b2c3d4e5f60718",
        "CidrOptions": {"Cidr": "10.20.0.0/16", "PortRanges": [{"FromPort": 22, "ToPort": 22}], "Protocol": "tcp",
                        "SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}})  # fmt: skip


def pulumi_va_cidr(code: str, where: str) -> Build:
    # docs: verifiedaccess/endpoint cidr_options {cidr ("CIDR block to send traffic to"), port_ranges, protocol,
    # subnet_ids}.
    def build(c: Any) -> object:
        return aws.verifiedaccess.Endpoint("claims-ssh-va", attachment_type="vpc", endpoint_type="cidr",
            verified_access_group_id="vagr-0a1b2c3d4e5f60718", cidr_options={
                "cidr": "10.20.0.0/16", "port_ranges": [{"from_port": 22, "to_port": 22}], "protocol": "tcp",
                "subnet_ids": ["subnet-0a1b2c3d4e5f60718"]}, opts=c.aws)  # fmt: skip

    return build


# -- a template's Mappings keyed by Region ----------------------------------------------------------------------------


def _regional_map(code: str) -> dict[str, Any]:
    """A row per market the template is shared with (the team's Region and another market's), each naming that market's
    AMI and backup Region: the usual "Mappings ... RegionMap" of the CloudFormation user guide."""
    other = ABROAD[code]
    return {"RegionConfig": {
        HOME[code]: {"Ami": "ami-0a1b2c3d4e5f60718", "BackupRegion": SECOND[code]},
        other: {"Ami": "ami-1a1b2c3d4e5f60718",
                "BackupRegion": {"us-west-2": "us-east-1", "eu-west-1": "eu-central-1"}[other]}}}  # fmt: skip


def _mapped_resources(key: Any) -> dict[str, Any]:
    # docs: Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey] ("Returns the value corresponding to keys in a
    # two-level map that's declared in the Mappings section"); AWS::EC2::Instance ImageId; AWS::Lambda::Function
    # Environment.
    def find(k: str) -> dict[str, Any]:
        return {"Fn::FindInMap": ["RegionConfig", key, k]}

    return {
        "Worker": {"Type": "AWS::EC2::Instance", "Properties": {"ImageId": find("Ami"), "InstanceType": "m7g.large"}},
        "Exporter": {"Type": "AWS::Lambda::Function", "Properties": {
            "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["ExporterRole", "Arn"]},
            "Code": {"ZipFile": "def handler(e, c):\n    return e\n"},
            "Environment": {"Variables": {"BACKUP_REGION": find("BackupRegion")}}}},
        "ExporterRole": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": json.loads(trust_policy("lambda.amazonaws.com"))}},
    }  # fmt: skip


def cfn_mappings_by_region(code: str, variant: str) -> Build:
    """``home``: every lookup by ``!Ref AWS::Region`` (the other market's row is never read); ``abroad``: the lookup
    keyed by the other market's Region written out (its row is read: RES-009)."""
    key: Any = {"Ref": "AWS::Region"} if variant == "home" else ABROAD[code]

    def build(c: Any) -> object:
        body = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Mappings": _regional_map(code),
                           "Resources": _mapped_resources(key)})  # fmt: skip
        return aws.cloudformation.Stack("claims-workers", name="claims-workers", template_body=body,
                                        capabilities=["CAPABILITY_IAM"], opts=c.aws)  # fmt: skip

    return build


def pulumi_stackset_mappings(code: str, variant: str) -> Build:
    """The same template as a StackSet's: it runs in every instance's Region, so every row is read (pinned)."""

    def build(c: Any) -> object:
        body = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Mappings": _regional_map(code),
                           "Resources": _mapped_resources({"Ref": "AWS::Region"})})  # fmt: skip
        return aws.cloudformation.StackSet("claims-workers", name="claims-workers", template_body=body,
                                           permission_model="SERVICE_MANAGED", capabilities=["CAPABILITY_IAM"],
                                           auto_deployment={"enabled": True}, opts=c.aws)  # fmt: skip

    return build


# -- containers in a StackSet's template ------------------------------------------------------------------------------


def _task_template(code: str, variant: str) -> dict[str, Any]:
    """A Fargate task of the Datadog Agent's sidecar (``variant`` ``agent-*``) or the AWS CLI image's exec-form snapshot
    copy (``cli-*``), as an ``AWS::ECS::TaskDefinition`` (ContainerDefinitions, the API's keys in PascalCase)."""
    if variant.startswith("agent"):
        environment = [{"Name": "ECS_FARGATE", "Value": "true"}]
        if variant == "agent-home":
            environment.append({"Name": "DD_DD_URL", "Value": "https://10.0.3.20:3834"})  # the VPC's Datadog proxy
        key = {"Fn::Sub": "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:dd-Ab12Cd"}
        container: dict[str, Any] = {"Name": "datadog-agent", "Image": AGENT, "Essential": True,
                                     "Environment": environment,
                                     "Secrets": [{"Name": "DD_API_KEY", "ValueFrom": key}]}  # fmt: skip
    else:
        region = HOME[code] if variant == "cli-home" else ABROAD[code]
        container = {"Name": "snapshot-copy", "Image": CLI, "Essential": True, "Command": [
            "ec2", "copy-snapshot", "--source-region", HOME[code], "--source-snapshot-id", SNAPSHOT,
            "--region", region]}  # fmt: skip
    return {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Task": {
        "Type": "AWS::ECS::TaskDefinition", "Properties": {
            "Family": "claims-ops", "RequiresCompatibilities": ["FARGATE"], "NetworkMode": "awsvpc", "Cpu": "512",
            "Memory": "1024", "ContainerDefinitions": [container]}}}}  # fmt: skip


def pulumi_stackset_task(code: str, variant: str) -> Build:
    # docs: cloudformation/stackset (name, permission_model, auto_deployment, template_body).
    def build(c: Any) -> object:
        return aws.cloudformation.StackSet("claims-ops", name="claims-ops",
            template_body=json.dumps(_task_template(code, variant)), permission_model="SERVICE_MANAGED",
            auto_deployment={"enabled": True}, opts=c.aws)  # fmt: skip

    return build


def cfn_stackset_task(code: str, variant: str) -> Build:
    # docs: AWS::CloudFormation::StackSet StackSetName, PermissionModel, AutoDeployment, StackInstancesGroup,
    # TemplateBody (pinned: read since stop 49 as the Pulumi StackSet's template).
    return _stack("claims-ops", {"Ops": {"Type": "AWS::CloudFormation::StackSet", "Properties": {
        "StackSetName": "claims-ops", "PermissionModel": "SERVICE_MANAGED",
        "AutoDeployment": {"Enabled": True, "RetainStacksOnAccountRemoval": False},
        "StackInstancesGroup": [{"DeploymentTargets": {"OrganizationalUnitIds": ["ou-a1b2-c3d4e5f6"]},
                                 "Regions": [HOME[code]]}],
        "TemplateBody": json.dumps(_task_template(code, variant))}}})  # fmt: skip


TASKS: dict[str, tuple[Program, tuple[str, ...]]] = {
    "pulumi-stackset-task": (pulumi_stackset_task, CODES),
    "cfn-stackset-task": (cfn_stackset_task, ("EU",)),
}
TASK_VARIANTS = {"agent-home": set(), "agent-key-only": {"RES-015"}, "cli-home": set(), "cli-abroad": {"RES-009"}}


# -- the sweep (pinned) -----------------------------------------------------------------------------------------------


def pulumi_gateway_target(code: str, who: str) -> Build:
    # docs: bedrock/agentcoregatewaytarget (gateway_identifier, name, target_configuration.mcp.mcp_server.endpoint
    # "Endpoint for the MCP server target configuration"): the agent's tool calls, with the user's data, go there.
    host = "https://10.0.7.15:8443/mcp" if who == "home" else "https://mcp.partner-analytics.com/mcp"

    def build(c: Any) -> object:
        return aws.bedrock.AgentcoreGatewayTarget("claims-tools", gateway_identifier="claims-gw-0a1b2c3d4e",
            name="claims-tools", target_configuration={"mcp": {"mcp_server": {"endpoint": host}}},
            opts=c.aws)  # fmt: skip

    return build


def pulumi_session_logger(code: str, who: str) -> Build:
    # docs: workspacesweb/sessionlogger (event_filter.all, log_configuration.s3 {bucket "S3 bucket name where logs are
    # delivered", folder_structure, log_file_format, bucket_owner}).
    def build(c: Any) -> object:
        bucket: Any = aws.s3.Bucket("browser-sessions", opts=c.aws).bucket if who == "home" else PARTNER_BUCKET
        return aws.workspacesweb.SessionLogger("browser-sessions", display_name="browser-sessions",
            event_filter={"all": {}}, log_configuration={"s3": {"bucket": bucket, "folder_structure": "FlatStructure",
                                                                "log_file_format": "Json"}}, opts=c.aws)  # fmt: skip

    return build


def pulumi_region_switch(code: str, where: str) -> Build:
    # docs: arcregionswitch/plan (name, execution_role, recovery_approach, regions "List of AWS regions involved in the
    # plan", primary_region, workflows [{workflow_target_action, steps}]).
    second = SECOND[code] if where == "home" else ABROAD[code]

    def build(c: Any) -> object:
        return aws.arcregionswitch.Plan("claims-failover", name="claims-failover",
            execution_role=_role(code, "region-switch"), recovery_approach="activePassive",
            regions=[HOME[code], second], primary_region=HOME[code],
            workflows=[{"workflow_target_action": "activate", "steps": [{
                "name": "scale", "execution_block_type": "ManualApproval",
                "execution_approval_configs": [{"approval_role": _role(code, "region-switch-approver"),
                                                "timeout_minutes": 60}]}]}],
            opts=c.aws)  # fmt: skip

    return build


def pulumi_table_replication(code: str, who: str) -> Build:
    # docs: s3tables/tablereplication (table_arn, role, rule.destinations[].destination_table_bucket_arn "ARN of
    # destination table bucket to replicate source tables to").
    def build(c: Any) -> object:
        account = OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT
        return aws.s3tables.TableReplication("claims-table-replication",
            table_arn=_arn(code, "s3tables", "bucket/claims-tables/table/0a1b2c3d-claims"),
            role=_role(code, "s3tables-replication"), rule={"destinations": [{
                "destination_table_bucket_arn": _arn(code, "s3tables", "bucket/claims-replica", account=account)}]},
            opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    out += [(f"awsred62-{code.lower()}-{kind}-{who}", code, make(code, who), {"RES-015"} if who == "partner" else set(),
             [JSONATA_DECLARED if "jsonata" in kind else RUNTIME_DECLARED] if who == "partner-declared" else [])
            for kind, make in RUNTIME.items() for code in CODES
            for who in ("home", "partner", "partner-declared")]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-{kind}-home", code, make(code, "home"), set(), [])
            for kind, make in OWN_ENDPOINT.items() for code in CODES]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-{kind}-home", code, make(code, "home"), set(), [])
            for kind, make in (("cfn-verified-access-cidr", cfn_va_cidr),
                               ("pulumi-verified-access-cidr", pulumi_va_cidr))
            for code in ("EU", "US")]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-cfn-mappings-by-region-{variant}", code, cfn_mappings_by_region(code, variant),
             {"RES-009"} if variant == "abroad" else set(), [])
            for code in CODES for variant in ("home", "abroad")]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-pulumi-stackset-mappings-every-row", code,
             pulumi_stackset_mappings(code, "home"),
             {"RES-009"}, []) for code in CODES]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-{kind}-{variant}", code, make(code, variant), expected, [])
            for kind, (make, codes) in TASKS.items() for code in codes
            for variant, expected in TASK_VARIANTS.items()]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-pulumi-agentcore-gateway-mcp-{who}", code, pulumi_gateway_target(code, who),
             {"RES-015"} if who == "partner" else set(), [])
            for code in ("EU", "US") for who in ("home", "partner")]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-pulumi-browser-session-logger-{who}", code, pulumi_session_logger(code, who),
             {"RES-017"} if who == "partner" and code != "CN" else set(),
             [BUCKET_DECLARED] if who == "partner-declared" else [])
            for code in ("EU", "CN") for who in ("home", "partner", "partner-declared")]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-pulumi-region-switch-plan-{where}", code, pulumi_region_switch(code, where),
             {"RES-009"} if where == "abroad" else set(), [])
            for code in ("EU", "US") for where in ("home", "abroad")]  # fmt: skip
    out += [(f"awsred62-{code.lower()}-pulumi-s3tables-table-replication-{who}", code,
             pulumi_table_replication(code, who),
             {"RES-023"} if who == "partner" else set(), [ACCOUNT_DECLARED] if who == "partner-declared" else [])
            for code in ("EU", "US") for who in ("own", "partner", "partner-declared")]  # fmt: skip
    return out
