"""AWS red team, round 30 (stop 56): template readings round 29 lacked, User Notifications, a template's own profile.

Reproduced on the unchanged engine (main 8f0aa679), one resource in a ``cloudformation.Stack`` each (EU / DE / US / JP
/ CN, provider pinned to the team's account), while the Pulumi twin is RES-016:

- **passed every door**: a Route 53 ``AWS::Route53::HealthCheck`` of type ``HTTPS`` without ``Regions`` (run by
  health checkers in every checker region worldwide), an ``AWS::EFS::FileSystem`` replicated to a new file system whose
  destination names no Region (the Pulumi replica's ``(not stated)``), an ECS task definition whose FireLens output is
  ``datadog`` without ``Host`` (Datadog's US1 intake) and a Batch job definition's ``newrelic`` output without
  ``endpoint`` (New Relic's US endpoint): their entries have ``unless_set`` / ``default_unless``, which the template
  walk did not read, so round 29 left them unmapped; and AWS User Notifications outside the US (a
  ``NotificationConfiguration`` with its ``EventRule`` and a ``ChannelAssociation`` to an e-mail contact): the
  service stores configurations and notifications in US East (N. Virginia) whatever the Region, and its Pulumi types
  are refused outside the US (``aws-user-notifications-home-region``), while only the chat-channel entry was mapped
  for templates;
- **passed every door** too: an ``AWS::BedrockAgentCore::Memory`` with a built-in ``SemanticMemoryStrategy`` outside
  the US (its Pulumi strategy's ``type = "SEMANTIC"`` is refused there: cross-region inference in a geography whose
  Regions are documented only for the US); the fact is the strategy's key, which no template field read; and an
  ``AWS::BedrockAgentCore::OAuth2CredentialProvider`` of vendor ``GoogleOauth2`` (its entry's ``unless_set``, a tenant
  vendor's issuer, is nested in ``Oauth2ProviderConfigInput``);
- **refused, a false alarm**: a Bedrock ``Agent`` whose ``FoundationModel`` is ``Fn::GetAtt`` of the template's own
  ``AWS::Bedrock::ApplicationInferenceProfile`` copying a foundation model of the Region (RES-016 as "a value this
  check cannot evaluate"; its Pulumi twin passes). The profile's routing is its ``ModelSource.CopyFrom``, judged at the
  profile itself.

Now (``template_services`` ``unless_set`` / ``default_unless`` / ``keys``, the Notifications types,
``template_attributes`` ``names: [model]``): the leaks are RES-016 (declared by the catalogue id), the agent on its
own profile passes, and the agent on its own profile copying a ``global.`` profile is refused at the profile.

Ids ``awsred56-<code>-<kind>-<variant>``. ``home``: the same type with a value the entry accepts (a CloudWatch-metric
health check, a replica in the Region, FireLens to CloudWatch Logs, an agent on its profile of a Regional model, a
custom memory strategy on a model of the Region, a Cognito tenant's issuer in the Region); ``global``: refused
(except where the entry allows the partition: aws-cn for an EFS replica; or where it is resident: the US for User
Notifications and AgentCore Memory); ``global-declared``: the catalogue id declared. ``regions``: a health check
listing its checker Regions (US: three US Regions, passes; elsewhere Regions outside the jurisdiction, RES-009);
``host-declared``: the FireLens output with its host option set to the vendor's intake in the market, declared as a
resident host (passes: the option decides the destination, judged as a host).
tests/test_realistic_programs.py runs them as CASES (``awsred56-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, dns_suffix, partition

# The same accounts and template helpers as rounds 23 to 29 (one fact, one place).
from platform_programs_awsred51 import CODES, _role, _stack
from platform_programs_awsred55 import _declared, _one
from platform_programs_awsred55b import _model, _task

CHECKERS = {"US": ["us-east-1", "us-west-1", "us-west-2"]}
"""Route 53 checker Regions a health check lists: three in the US; elsewhere the nearest three, not all in the
jurisdiction (the checker Regions are us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1, ap-southeast-2,
ap-northeast-1, sa-east-1)."""
ABROAD_CHECKERS = ["eu-west-1", "us-east-1", "ap-northeast-1"]
DATADOG = {"EU": "http-intake.logs.datadoghq.eu", "DE": "http-intake.logs.datadoghq.eu",
           "US": "http-intake.logs.us5.datadoghq.com", "JP": "http-intake.logs.ap1.datadoghq.com",
           "CN": "logs.datadog.claims.example.cn"}  # fmt: skip
"""The intake a team names with ``Host``: Datadog's site in the market (declared resident by its host)."""
NEWRELIC = {"EU": "https://log-api.eu.newrelic.com/log/v1", "DE": "https://log-api.eu.newrelic.com/log/v1",
            "US": "https://log-api.newrelic.com/log/v1", "JP": "https://log-api.newrelic.jp.example.com/log/v1",
            "CN": "https://logs.newrelic.claims.example.cn/log/v1"}  # fmt: skip
"""The endpoint a team names with ``endpoint`` (declared resident by its host)."""


def route53_check(code: str, variant: str) -> Build:
    # docs: AWS::Route53::HealthCheck HealthCheckConfig {Type (CALCULATED | CLOUDWATCH_METRIC | HTTP | HTTP_STR_MATCH |
    # HTTPS | HTTPS_STR_MATCH | RECOVERY_CONTROL | TCP), FullyQualifiedDomainName, Port, ResourcePath, RequestInterval,
    # FailureThreshold, Regions ("If you don't specify any Regions, Route 53 health checkers automatically perform
    # checks from all of the Regions that are listed under Valid Values"), AlarmIdentifier {Name, Region},
    # InsufficientDataHealthStatus}.
    config: dict[str, Any] = {"Type": "HTTPS", "FullyQualifiedDomainName": "claims.example.com", "Port": 443,
                              "ResourcePath": "/health", "RequestInterval": 30, "FailureThreshold": 3}  # fmt: skip
    if variant == "regions":
        config["Regions"] = CHECKERS.get(code, ABROAD_CHECKERS)
    if variant == "home":
        config = {"Type": "CLOUDWATCH_METRIC", "InsufficientDataHealthStatus": "LastKnownStatus",
                  "AlarmIdentifier": {"Name": "claims-api-5xx", "Region": HOME[code]}}  # fmt: skip
    return _one("claims-health", "AWS::Route53::HealthCheck", {
        "HealthCheckConfig": config, "HealthCheckTags": [{"Key": "team", "Value": "claims"}]})  # fmt: skip


def efs_replica(code: str, variant: str) -> Build:
    # docs: AWS::EFS::FileSystem Encrypted, PerformanceMode, ReplicationConfiguration {Destinations [{Region,
    # AvailabilityZoneName, FileSystemId, KmsKeyId, RoleArn}]}: "EFS creates a new file system" for a destination
    # without FileSystemId; its Region is optional.
    destination: dict[str, Any] = {"KmsKeyId": "alias/aws/elasticfilesystem"}
    if variant == "home":
        destination["Region"] = HOME[code]
    return _one("claims-files", "AWS::EFS::FileSystem", {
        "Encrypted": True, "PerformanceMode": "generalPurpose", "ThroughputMode": "elastic",
        "ReplicationConfiguration": {"Destinations": [destination]},
        "FileSystemTags": [{"Key": "Name", "Value": "claims-files"}]})  # fmt: skip


def ecs_firelens_datadog(code: str, variant: str) -> Build:
    # docs: AWS::ECS::TaskDefinition ContainerDefinitions [{LogConfiguration {LogDriver awsfirelens, Options {Name
    # datadog, Host, apikey, dd_service, dd_source, TLS, provider}}}]: Fluent Bit's datadog output, Host "The Datadog
    # server where you are sending your logs" (default http-intake.logs.datadoghq.com).
    options: dict[str, Any] = {"Name": "datadog", "apikey": "{{resolve:secretsmanager:claims-dd:SecretString:key}}",
                               "dd_service": "claims-api", "dd_source": "python", "TLS": "on",
                               "provider": "ecs"}  # fmt: skip
    if variant == "host-declared":
        options["Host"] = DATADOG[code]
    if variant == "home":
        options = {"Name": "cloudwatch_logs", "region": HOME[code], "log_group_name": "/claims/api",
                   "log_stream_prefix": "api-", "auto_create_group": "true"}  # fmt: skip
    container = {"LogConfiguration": {"LogDriver": "awsfirelens", "Options": options}}
    return _one("claims-api-task", "AWS::ECS::TaskDefinition", _task(container, firelens=True),
                TaskRole=_role("ecs-tasks.amazonaws.com"))  # fmt: skip


def batch_firelens_newrelic(code: str, variant: str) -> Build:
    # docs: AWS::Batch::JobDefinition Type container, PlatformCapabilities [EC2], EcsProperties {TaskProperties [{
    # Containers [{Name, Image, Essential, LogConfiguration {LogDriver awsfirelens, Options},
    # FirelensConfiguration}]}]}:
    # New Relic's Fluent Bit output (`Name newrelic`, its image for FireLens) sends to `endpoint`, by default the US
    # one (https://log-api.newrelic.com/log/v1).
    registry = "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}"
    options: dict[str, Any] = {"Name": "newrelic", "licenseKey": "{{resolve:secretsmanager:nr:SecretString:key}}"}
    if variant == "host-declared":
        options["endpoint"] = NEWRELIC[code]
    if variant == "home":
        options = {"Name": "cloudwatch_logs", "region": HOME[code], "log_group_name": "/claims/batch",
                   "log_stream_prefix": "nightly-", "auto_create_group": "true"}  # fmt: skip
    job = {"Name": "job", "Image": {"Fn::Sub": f"{registry}/claims-nightly:2.1"}, "Essential": True,
           "ResourceRequirements": [{"Type": "VCPU", "Value": "1"}, {"Type": "MEMORY", "Value": "2048"}],
           "LogConfiguration": {"LogDriver": "awsfirelens", "Options": options}}  # fmt: skip
    router = {"Name": "log_router", "Image": {"Fn::Sub": f"{registry}/aws-for-fluent-bit:stable"}, "Essential": True,
              "ResourceRequirements": [{"Type": "MEMORY", "Value": "256"}],
              "FirelensConfiguration": {"Type": "fluentbit"}}  # fmt: skip
    return _one("claims-nightly", "AWS::Batch::JobDefinition", {
        "Type": "container", "PlatformCapabilities": ["EC2"], "JobDefinitionName": "claims-nightly",
        "EcsProperties": {"TaskProperties": [{"ExecutionRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]},
                                              "Containers": [router, job]}]}},
        TaskRole=_role("ecs-tasks.amazonaws.com"))  # fmt: skip


def notifications(code: str, variant: str) -> Build:
    # docs: AWS::Notifications::NotificationConfiguration Name, Description, AggregationDuration;
    # AWS::Notifications::EventRule NotificationConfigurationArn, Source, EventType, EventPattern, Regions;
    # AWS::Notifications::ChannelAssociation Arn (an e-mail contact here), NotificationConfigurationArn. "User
    # Notifications stores the notification configuration's data in the default Region, US East (N. Virginia)".
    arn = f"arn:{partition(code)}"
    configuration = {"Ref": "Alerts"}  # Ref returns the configuration's ARN
    return _stack("claims-alerts", {
        "Alerts": {"Type": "AWS::Notifications::NotificationConfiguration", "Properties": {
            "Name": "claims-alarms", "Description": "Alarms of the claims platform", "AggregationDuration": "SHORT"}},
        "AlarmRule": {"Type": "AWS::Notifications::EventRule", "Properties": {
            "NotificationConfigurationArn": configuration, "Source": "aws.cloudwatch",
            "EventType": "CloudWatch Alarm State Change", "Regions": [HOME[code]],
            "EventPattern": '{"detail": {"state": {"value": ["ALARM"]}}}'}},
        "Desk": {"Type": "AWS::Notifications::ChannelAssociation", "Properties": {
            "Arn": f"{arn}:notifications-contacts::{OWN_ACCOUNT}:emailcontact/ops-desk",
            "NotificationConfigurationArn": configuration}}})  # fmt: skip


def bedrock_agent_own_profile(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::ApplicationInferenceProfile InferenceProfileName, ModelSource {CopyFrom ("the ARN of the
    # foundation model or system-defined inference profile")}, return values InferenceProfileArn; AWS::Bedrock::Agent
    # FoundationModel ("The foundation model used for orchestration by the agent": a model or inference profile).
    model = "anthropic.claude-3-5-sonnet-20240620-v1:0"
    source = _model(code, "home" if variant == "home" else "global", model)
    return _stack("claims-agent", {
        "Profile": {"Type": "AWS::Bedrock::ApplicationInferenceProfile", "Properties": {
            "InferenceProfileName": "claims-helper-usage", "ModelSource": {"CopyFrom": source},
            "Tags": [{"Key": "costcentre", "Value": "claims"}]}},
        "X": {"Type": "AWS::Bedrock::Agent", "Properties": {
            "AgentName": "claims-helper", "AgentResourceRoleArn": {"Fn::GetAtt": ["AgentRole", "Arn"]},
            "FoundationModel": {"Fn::GetAtt": ["Profile", "InferenceProfileArn"]},
            "Instruction": "Answer questions about the status of a claim from the claims records."}},
        "AgentRole": _role("bedrock.amazonaws.com")})  # fmt: skip


def agentcore_memory(code: str, variant: str) -> Build:
    # docs: AWS::BedrockAgentCore::Memory Name, EventExpiryDuration, MemoryExecutionRoleArn, MemoryStrategies
    # [MemoryStrategy {CustomMemoryStrategy | EpisodicMemoryStrategy | SemanticMemoryStrategy | SummaryMemoryStrategy |
    # UserPreferenceMemoryStrategy}]: "Built-in strategies may use cross-region inference" within the geography; a
    # custom strategy's override names its own model.
    strategy: dict[str, Any] = {"SemanticMemoryStrategy": {"Name": "claim_facts", "Namespaces": ["/claims/{actorId}"]}}
    if variant == "home":
        override = {"Extraction": {"ModelId": _model(code, "home", "amazon.nova-pro-v1:0"),
                                   "AppendToPrompt": "Keep only facts about the claim."}}  # fmt: skip
        strategy = {"CustomMemoryStrategy": {"Name": "claim_facts", "Namespaces": ["/claims/{actorId}"],
                                             "Configuration": {"SemanticOverride": override}}}  # fmt: skip
    return _one("claims-memory", "AWS::BedrockAgentCore::Memory", {
        "Name": "claims_helper_memory", "EventExpiryDuration": 30,
        "MemoryExecutionRoleArn": {"Fn::GetAtt": ["MemoryRole", "Arn"]}, "MemoryStrategies": [strategy]},
        MemoryRole=_role("bedrock-agentcore.amazonaws.com"))  # fmt: skip


def agentcore_oauth2(code: str, variant: str) -> Build:
    # docs: AWS::BedrockAgentCore::OAuth2CredentialProvider Name, CredentialProviderVendor (GoogleOauth2 | ... |
    # CognitoOauth2 | OktaOauth2 | CustomOauth2 ...), Oauth2ProviderConfigInput {GoogleOauth2ProviderConfig {ClientId,
    # ClientSecret} | IncludedOauth2ProviderConfig {ClientId, ClientSecret, Issuer ("Token issuer of your isolated
    # OAuth2 application tenant"), AuthorizationEndpoint, TokenEndpoint}}: the agent's users sign in there.
    secret = "{{resolve:secretsmanager:claims-oauth:SecretString:secret}}"
    vendor, config = "GoogleOauth2", {"GoogleOauth2ProviderConfig": {"ClientId": "claims.apps.googleusercontent.com",
                                                                    "ClientSecret": secret}}  # fmt: skip
    if variant == "home":
        pool = f"https://cognito-idp.{HOME[code]}.{dns_suffix(code)}/{HOME[code]}_Cla1ms"
        vendor, config = "CognitoOauth2", {"IncludedOauth2ProviderConfig": {
            "ClientId": "7claimsagentclient", "ClientSecret": secret, "Issuer": pool}}  # fmt: skip
    return _one("claims-agent-login", "AWS::BedrockAgentCore::OAuth2CredentialProvider", {
        "Name": "claims-agent-login", "CredentialProviderVendor": vendor,
        "Oauth2ProviderConfigInput": config})  # fmt: skip


def _host_declared(host: str) -> dict[str, Any]:
    return {"id": "vendor-log-intake", "kind": "resident", "match": host,
            "evidence": "the vendor's intake site in the market, its contract naming the site (DPA-56)"}  # fmt: skip


GLOBAL_KINDS: dict[str, tuple[Callable[[str, str], Build], str, tuple[str, ...]]] = {
    "cfn-route53-health-check": (route53_check, "aws-route53-health-check-all-regions", ()),
    "cfn-efs-replica-unstated": (efs_replica, "aws-efs-replica-region-unstated", ("CN",)),
    "cfn-ecs-firelens-datadog": (ecs_firelens_datadog, "firelens-datadog-default-host", ()),
    "cfn-batch-firelens-newrelic": (batch_firelens_newrelic, "firelens-newrelic-default-endpoint", ()),
    "cfn-notifications-email": (notifications, "aws-user-notifications-home-region", ("US",)),
    "cfn-bedrock-agent-own-profile": (bedrock_agent_own_profile, "aws-bedrock-cross-region-profile", ()),
    "cfn-agentcore-memory-builtin": (agentcore_memory, "aws-agentcore-memory-builtin-strategy", ("US",)),
    "cfn-agentcore-oauth2-google": (agentcore_oauth2, "aws-agentcore-oauth2-vendor", ()),
}  # fmt: skip
"""Kind -> (builder, the global_services entry judging it, jurisdictions where the entry refuses nothing: the
partition it allows, or where it is resident)."""
VARIANTS = {
    "cfn-route53-health-check": ("home", "global", "global-declared", "regions"),
    "cfn-ecs-firelens-datadog": ("home", "global", "global-declared", "host-declared"),
    "cfn-batch-firelens-newrelic": ("home", "global", "global-declared", "host-declared"),
    "cfn-notifications-email": ("global", "global-declared"),
}
"""The variants of a kind (``home``, ``global``, ``global-declared`` unless listed); User Notifications has no
compliant twin of its types outside the US but the declaration."""


def _expected(kind: str, code: str, variant: str, allowed: tuple[str, ...]) -> set[str]:
    if variant == "regions":
        return set() if code in CHECKERS else {"RES-009"}
    return {"RES-016"} if variant == "global" and code not in allowed else set()


def _declaration(kind: str, code: str, variant: str, service: str) -> list[dict[str, Any]]:
    if variant == "global-declared":
        return [_declared(service)]
    if variant == "host-declared":
        make = GLOBAL_KINDS[kind][0]
        host = DATADOG[code] if make is ecs_firelens_datadog else NEWRELIC[code].split("/")[2]
        return [_host_declared(host)]
    return []


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred56-{code.lower()}-{kind}-{variant}", code, make(code, variant),
         _expected(kind, code, variant, allowed), _declaration(kind, code, variant, service))
        for kind, (make, service, allowed) in GLOBAL_KINDS.items()
        for code in CODES
        for variant in VARIANTS.get(kind, ("home", "global", "global-declared"))
    ]  # fmt: skip
