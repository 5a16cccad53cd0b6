"""AWS red team, round 29 (stop 55): template twins of global services round 28 left open.

Round 29 listed the ``global_services`` entries of an AWS type that no ``template_services`` or ``stack_templates``
entry names (47 on main b59e64d8) and wrote, for those with a CloudFormation type carrying the same fact, the template
a user would write, one resource in a ``cloudformation.Stack``. **Passed every door** on the unchanged engine while the
Pulumi resource was RES-016: a Security Hub ``ConnectorV2`` to Jira Cloud, an ``AutomationRuleV2`` whose action is
``EXTERNAL_INTEGRATION`` (tickets opened in the ITSM), a CodeBuild ``SourceCredential`` for GitHub.com, a Bedrock
``Prompt`` variant, an ``Agent``'s overridden orchestration step and a ``KnowledgeBase``'s embedding model naming a
``global.`` cross-Region inference profile, a Lex V2 ``Bot``'s ``AMAZON.QnAIntent`` answering with one, an Image
Builder distribution's ``LaunchPermissionConfiguration`` granting another account launch permission, a Bedrock
``DataSource`` parsing documents with a ``global.`` profile, and an ECS ``TaskDefinition`` whose container logs go to
Google Cloud Logging through FireLens (``Options.Name: stackdriver``) or to Logentries (``LogDriver: logentries``), and
a Cognito ``IdentityPool`` signing users in with Google (``SupportedLoginProviders``, a map: each value read, an engine
reading), and an ``Agent``'s own ``FoundationModel`` or a ``Flow``'s prompt node naming a ``global.`` profile (their
Pulumi entries' ``types: ["*"]`` / flow types kept them out of the listing). RES-016 now (``template_services``),
declared by the catalogue id. On main b59e64d8 the 205 programs: 69 failed (every ``global`` program the entry refuses:
no door found anything), 136 passed.

``variant``: ``home`` (the same type with a value the entry accepts: a finding-fields update, a GitHub Enterprise
Server credential, a foundation model in the Region or the jurisdiction's own geographic profile, an image distributed
with no launch permission, FireLens to CloudWatch Logs or the awslogs driver in the Region, a pool with only its user
pool), ``global`` (refused, but where the entry allows the partition: aws-cn for a launch permission),
``global-declared`` (the catalogue id declared: passes). A connector has no compliant twin but its declaration (every
provider is a third party's service).
tests/test_realistic_programs.py runs them as CASES (``awsred55b-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Row, partition

# The same accounts and template helpers as rounds 23 to 28 (one fact, one place).
from platform_programs_awsred44 import PARTNER
from platform_programs_awsred51 import CODES, _role
from platform_programs_awsred55 import _declared, _one

LOCALE = {"EU": "en_GB", "DE": "de_DE", "US": "en_US", "JP": "ja_JP", "CN": "zh_CN"}
"""The bot's locale in each market."""


def _model(code: str, variant: str, model: str) -> str:
    """A model the ``home`` program names (a foundation model in the Region, or the jurisdiction's geographic profile
    in JP, where the Bedrock page lists one) or the ``global.`` cross-Region profile of the same model."""
    arn = f"arn:{partition(code)}:bedrock:{HOME[code]}"
    if variant == "home" and code == "JP":
        return f"{arn}:{OWN_ACCOUNT}:inference-profile/jp.{model}"
    if variant == "home":
        return f"{arn}::foundation-model/{model}"
    return f"{arn}:{OWN_ACCOUNT}:inference-profile/global.{model}"


def securityhub_connector(code: str, variant: str) -> Build:
    # docs: AWS::SecurityHub::ConnectorV2 Name, Description, Provider {JiraCloud {ProjectKey} | ServiceNow
    # {InstanceName, SecretArn}}, KmsKeyArn: findings become tickets in the vendor's ITSM.
    return _one("findings-to-jira", "AWS::SecurityHub::ConnectorV2", {
        "Name": "claims-jira", "Description": "Critical findings as Jira issues",
        "Provider": {"JiraCloud": {"ProjectKey": "SEC"}}})  # fmt: skip


def securityhub_rule(code: str, variant: str) -> Build:
    # docs: AWS::SecurityHub::AutomationRuleV2 RuleName, RuleStatus, RuleOrder, Description, Criteria
    # {OcsfFindingCriteria}, Actions [{Type (FINDING_FIELDS_UPDATE | EXTERNAL_INTEGRATION), FindingFieldsUpdate
    # {SeverityId, StatusId, Comment}, ExternalIntegrationConfiguration {ConnectorArn}}].
    action: dict[str, Any] = {"Type": "EXTERNAL_INTEGRATION", "ExternalIntegrationConfiguration": {
        "ConnectorArn": {"Fn::Sub": "arn:${AWS::Partition}:securityhub:${AWS::Region}:${AWS::AccountId}:"
                                    "connectorv2/claims-jira"}}}  # fmt: skip
    if variant == "home":
        action = {"Type": "FINDING_FIELDS_UPDATE",
                  "FindingFieldsUpdate": {"StatusId": 2, "Comment": "Triaged by the claims platform team"}}  # fmt: skip
    criteria = {"OcsfFindingCriteria": {"CompositeOperator": "AND", "CompositeFilters": [{"StringFilters": [
        {"FieldName": "severity", "Filter": {"Value": "Critical", "Comparison": "EQUALS"}}]}]}}  # fmt: skip
    return _one("critical-findings", "AWS::SecurityHub::AutomationRuleV2", {
        "RuleName": "critical-to-tickets", "RuleStatus": "ENABLED", "RuleOrder": 1,
        "Description": "Critical findings", "Criteria": criteria, "Actions": [action]})  # fmt: skip


def codebuild_credential(code: str, variant: str) -> Build:
    # docs: AWS::CodeBuild::SourceCredential AuthType (OAUTH | BASIC_AUTH | PERSONAL_ACCESS_TOKEN | CODECONNECTIONS),
    # ServerType (GITHUB | BITBUCKET | GITHUB_ENTERPRISE | GITLAB | GITLAB_SELF_MANAGED), Token, Username.
    server = "GITHUB_ENTERPRISE" if variant == "home" else "GITHUB"
    return _one("build-source-token", "AWS::CodeBuild::SourceCredential", {
        "AuthType": "PERSONAL_ACCESS_TOKEN", "ServerType": server,
        "Token": "{{resolve:secretsmanager:claims-build-token:SecretString:token}}"})  # fmt: skip


def bedrock_prompt(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::Prompt Name, DefaultVariant, Variants [{Name, TemplateType (TEXT | CHAT), ModelId ("The
    # unique identifier of the model or inference profile with which to run inference on the prompt"),
    # TemplateConfiguration {Text {Text}}, InferenceConfiguration}].
    return _one("claims-summary-prompt", "AWS::Bedrock::Prompt", {
        "Name": "claims-summary", "DefaultVariant": "v1",
        "Variants": [{"Name": "v1", "TemplateType": "TEXT",
                      "ModelId": _model(code, variant, "anthropic.claude-3-haiku-20240307-v1:0"),
                      "TemplateConfiguration": {"Text": {"Text": "Summarise the claim: {{claim}}",
                                                         "InputVariables": [{"Name": "claim"}]}},
                      "InferenceConfiguration": {"Text": {"MaxTokens": 512, "Temperature": 0.2}}}]})  # fmt: skip


def bedrock_agent_step(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::Agent AgentName, FoundationModel, AgentResourceRoleArn, Instruction,
    # PromptOverrideConfiguration {PromptConfigurations [{PromptType, PromptCreationMode, PromptState,
    # BasePromptTemplate, FoundationModel, ParserMode, InferenceConfiguration}]}: that step runs on its own model.
    step = {"PromptType": "ORCHESTRATION", "PromptCreationMode": "OVERRIDDEN", "PromptState": "ENABLED",
            "ParserMode": "DEFAULT", "BasePromptTemplate": "You route claims questions. $question$",
            "FoundationModel": _model(code, variant, "anthropic.claude-3-5-sonnet-20240620-v1:0"),
            "InferenceConfiguration": {"MaximumLength": 2048, "Temperature": 0}}  # fmt: skip
    return _one("claims-agent", "AWS::Bedrock::Agent", {
        "AgentName": "claims-helper", "FoundationModel": "amazon.nova-pro-v1:0",
        "AgentResourceRoleArn": {"Fn::GetAtt": ["AgentRole", "Arn"]},
        "Instruction": "Answer questions about the status of a claim from the claims records.",
        "PromptOverrideConfiguration": {"PromptConfigurations": [step]}},
        AgentRole=_role("bedrock.amazonaws.com"))  # fmt: skip


def bedrock_kb_embedding(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::KnowledgeBase Name, RoleArn, KnowledgeBaseConfiguration {Type VECTOR,
    # VectorKnowledgeBaseConfiguration {EmbeddingModelArn}}, StorageConfiguration {Type OPENSEARCH_SERVERLESS,
    # OpensearchServerlessConfiguration {CollectionArn, VectorIndexName, FieldMapping}}: every document chunk and query
    # is embedded by that model.
    collection = {"Fn::Sub": "arn:${AWS::Partition}:aoss:${AWS::Region}:${AWS::AccountId}:collection/claimsdocs"}
    storage = {"Type": "OPENSEARCH_SERVERLESS", "OpensearchServerlessConfiguration": {
        "CollectionArn": collection, "VectorIndexName": "claims-index",
        "FieldMapping": {"VectorField": "vector", "TextField": "text", "MetadataField": "metadata"}}}  # fmt: skip
    return _one("claims-knowledge", "AWS::Bedrock::KnowledgeBase", {
        "Name": "claims-handbook", "RoleArn": {"Fn::GetAtt": ["KbRole", "Arn"]},
        "KnowledgeBaseConfiguration": {"Type": "VECTOR", "VectorKnowledgeBaseConfiguration": {
            "EmbeddingModelArn": _model(code, variant, "cohere.embed-v4:0")}},
        "StorageConfiguration": storage}, KbRole=_role("bedrock.amazonaws.com"))  # fmt: skip


def lex_qna(code: str, variant: str) -> Build:
    # docs: AWS::Lex::Bot Name, RoleArn, DataPrivacy, IdleSessionTTLInSeconds, BotLocales [{LocaleId,
    # NluConfidenceThreshold, Intents [{Name, ParentIntentSignature AMAZON.QnAIntent, QnAIntentConfiguration
    # {BedrockModelConfiguration {ModelArn}, DataSourceConfiguration {BedrockKnowledgeStoreConfiguration
    # {BedrockKnowledgeBaseArn}}}}]}]: the users' questions and the passages found go to the model.
    kb = {"Fn::Sub": "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:knowledge-base/CLAIMSKB01"}
    model = {"ModelArn": _model(code, variant, "anthropic.claude-3-haiku-20240307-v1:0")}
    source = {"BedrockKnowledgeStoreConfiguration": {"BedrockKnowledgeBaseArn": kb}}
    qna = {"Name": "ClaimsQuestions", "ParentIntentSignature": "AMAZON.QnAIntent", "QnAIntentConfiguration": {
        "BedrockModelConfiguration": model, "DataSourceConfiguration": source}}  # fmt: skip
    fallback = {"Name": "FallbackIntent", "ParentIntentSignature": "AMAZON.FallbackIntent"}
    return _one("claims-bot", "AWS::Lex::Bot", {
        "Name": "claims-assistant", "RoleArn": {"Fn::GetAtt": ["BotRole", "Arn"]},
        "DataPrivacy": {"ChildDirected": False}, "IdleSessionTTLInSeconds": 300,
        "BotLocales": [{"LocaleId": LOCALE[code], "NluConfidenceThreshold": 0.4, "Intents": [qna, fallback]}]},
        BotRole=_role("lexv2.amazonaws.com"))  # fmt: skip


def imagebuilder_launch(code: str, variant: str) -> Build:
    # docs: AWS::ImageBuilder::DistributionConfiguration Distributions [{Region, AmiDistributionConfiguration {Name,
    # LaunchPermissionConfiguration {UserIds, UserGroups, OrganizationArns, OrganizationalUnitArns}}}]: "The launch
    # permission modification request is sent to the Amazon EC2 ModifyImageAttribute API".
    ami: dict[str, Any] = {"Name": "claims-base-{{ imagebuilder:buildDate }}"}
    if variant != "home":
        ami["LaunchPermissionConfiguration"] = {"UserIds": [PARTNER]}
    distribution = {"Region": HOME[code], "AmiDistributionConfiguration": ami}
    return _one("base-image", "AWS::ImageBuilder::DistributionConfiguration",
                {"Name": "claims-base", "Distributions": [distribution]})  # fmt: skip


def bedrock_data_source(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::DataSource KnowledgeBaseId, Name, DataSourceConfiguration {Type S3, S3Configuration
    # {BucketArn}}, VectorIngestionConfiguration {ParsingConfiguration {ParsingStrategy BEDROCK_FOUNDATION_MODEL,
    # BedrockFoundationModelConfiguration {ModelArn, ParsingModality}}}: every ingested document is parsed by the model.
    arn = _model(code, variant, "anthropic.claude-3-haiku-20240307-v1:0")
    model = {"ModelArn": arn, "ParsingModality": "MULTIMODAL"}
    parsing = {"ParsingStrategy": "BEDROCK_FOUNDATION_MODEL", "BedrockFoundationModelConfiguration": model}
    return _one("claims-handbook-source", "AWS::Bedrock::DataSource", {
        "KnowledgeBaseId": "CLAIMSKB01", "Name": "handbook-pdfs",
        "DataSourceConfiguration": {"Type": "S3", "S3Configuration": {"BucketArn": {"Fn::GetAtt": ["Docs", "Arn"]}}},
        "VectorIngestionConfiguration": {"ParsingConfiguration": parsing}},
        Docs={"Type": "AWS::S3::Bucket", "Properties": {}})  # fmt: skip


def _task(container: dict[str, Any], *, firelens: bool) -> dict[str, Any]:
    """A task definition of the claims API (on EC2, where every log driver is offered) and, for FireLens, its Fluent
    Bit log router; both images from the team's registry."""
    registry = "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}"
    api = {"Name": "api", "Image": {"Fn::Sub": f"{registry}/claims-api:1.4"}, "Essential": True, "Memory": 512,
           **container}  # fmt: skip
    router = {"Name": "log_router", "Image": {"Fn::Sub": f"{registry}/aws-for-fluent-bit:stable"}, "Essential": True,
              "Memory": 128, "FirelensConfiguration": {"Type": "fluentbit"}}  # fmt: skip
    return {"Family": "claims-api", "RequiresCompatibilities": ["EC2"], "NetworkMode": "bridge",
            "ExecutionRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]},
            "ContainerDefinitions": [router, api] if firelens else [api]}  # fmt: skip


def ecs_firelens_google(code: str, variant: str) -> Build:
    # docs: AWS::ECS::TaskDefinition ContainerDefinitions [{LogConfiguration {LogDriver awsfirelens, Options {Name
    # ...}}, FirelensConfiguration {Type fluentbit}}]: the options are the Fluent Bit output's (its `Name` the plugin).
    options: dict[str, Any] = {"Name": "stackdriver", "google_service_credentials": "/fluent-bit/etc/gcp.json",
                               "resource": "global"}  # fmt: skip
    if variant == "home":
        options = {"Name": "cloudwatch_logs", "region": HOME[code], "log_group_name": "/claims/api",
                   "log_stream_prefix": "api-", "auto_create_group": "true"}  # fmt: skip
    container = {"LogConfiguration": {"LogDriver": "awsfirelens", "Options": options}}
    return _one("claims-api-task", "AWS::ECS::TaskDefinition", _task(container, firelens=True),
                TaskRole=_role("ecs-tasks.amazonaws.com"))  # fmt: skip


def ecs_logentries(code: str, variant: str) -> Build:
    # docs: AWS::ECS::TaskDefinition LogConfiguration LogDriver ("Allowed values: awsfirelens | awslogs | fluentd |
    # gelf | journald | json-file | splunk | syslog", logentries on EC2 container instances, API LogConfiguration).
    logging: dict[str, Any] = {"LogDriver": "logentries", "Options": {"logentries-token": "claims-api-token"}}
    if variant == "home":
        logging = {"LogDriver": "awslogs", "Options": {"awslogs-group": "/claims/api", "awslogs-region": HOME[code],
                                                       "awslogs-stream-prefix": "api"}}  # fmt: skip
    return _one("claims-api-task", "AWS::ECS::TaskDefinition", _task({"LogConfiguration": logging}, firelens=False),
                TaskRole=_role("ecs-tasks.amazonaws.com"))  # fmt: skip


def cognito_identity_pool(code: str, variant: str) -> Build:
    # docs: AWS::Cognito::IdentityPool IdentityPoolName, AllowUnauthenticatedIdentities, CognitoIdentityProviders
    # [{ClientId, ProviderName}], SupportedLoginProviders ("Key-value pairs that map provider names to provider app
    # IDs"): the claimants sign in at Google and get AWS credentials for it.
    pool = {"ClientId": "7abc3claimsapp", "ProviderName": {"Fn::GetAtt": ["Pool", "ProviderName"]}}
    props: dict[str, Any] = {"IdentityPoolName": "claimants", "AllowUnauthenticatedIdentities": False,
                             "CognitoIdentityProviders": [pool]}  # fmt: skip
    if variant != "home":
        props["SupportedLoginProviders"] = {"accounts.google.com": "123456789012-claims.apps.googleusercontent.com"}
    return _one("claims-identity", "AWS::Cognito::IdentityPool", props,
                Pool={"Type": "AWS::Cognito::UserPool", "Properties": {"UserPoolName": "claimants"}})  # fmt: skip


def bedrock_agent_model(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::Agent AgentName, FoundationModel ("The foundation model used for orchestration by the agent"),
    # AgentResourceRoleArn, Instruction: every user turn goes to that model.
    return _one("claims-agent", "AWS::Bedrock::Agent", {
        "AgentName": "claims-helper", "AgentResourceRoleArn": {"Fn::GetAtt": ["AgentRole", "Arn"]},
        "FoundationModel": _model(code, variant, "anthropic.claude-3-5-sonnet-20240620-v1:0"),
        "Instruction": "Answer questions about the status of a claim from the claims records."},
        AgentRole=_role("bedrock.amazonaws.com"))  # fmt: skip


def bedrock_flow_prompt(code: str, variant: str) -> Build:
    # docs: AWS::Bedrock::Flow Name, ExecutionRoleArn, Definition {Nodes [{Name, Type Prompt, Configuration {Prompt
    # {SourceConfiguration {Inline {ModelId, TemplateType, TemplateConfiguration}}}}}], Connections}.
    inline = {"ModelId": _model(code, variant, "anthropic.claude-3-haiku-20240307-v1:0"), "TemplateType": "TEXT",
              "TemplateConfiguration": {"Text": {"Text": "Classify this claim: {{claim}}"}}}  # fmt: skip
    start = {"Name": "Start", "Type": "Input", "Outputs": [{"Name": "document", "Type": "String"}]}
    classify = {"Name": "Classify", "Type": "Prompt", "Configuration": {"Prompt": {"SourceConfiguration": {
        "Inline": inline}}}, "Inputs": [{"Name": "claim", "Type": "String", "Expression": "$.data"}]}  # fmt: skip
    nodes = [start, classify]
    return _one("claims-flow", "AWS::Bedrock::Flow", {
        "Name": "claims-triage", "ExecutionRoleArn": {"Fn::GetAtt": ["FlowRole", "Arn"]},
        "Definition": {"Nodes": nodes}}, FlowRole=_role("bedrock.amazonaws.com"))  # fmt: skip


GLOBAL_KINDS: dict[str, tuple[Callable[[str, str], Build], str, tuple[str, ...]]] = {
    "cfn-securityhub-jira-connector": (securityhub_connector, "aws-securityhub-itsm-connector", ()),
    "cfn-securityhub-ticket-rule": (securityhub_rule, "aws-securityhub-itsm-automation", ()),
    "cfn-codebuild-github-credential": (codebuild_credential, "aws-codebuild-cloud-provider-credential", ()),
    "cfn-bedrock-prompt-profile": (bedrock_prompt, "aws-bedrock-cross-region-prompt", ()),
    "cfn-bedrock-agent-step-profile": (bedrock_agent_step, "aws-bedrock-cross-region-agent-step-model", ()),
    "cfn-bedrock-kb-embedding-profile": (bedrock_kb_embedding, "aws-bedrock-cross-region-embedding-model", ()),
    "cfn-lex-qna-profile": (lex_qna, "aws-bedrock-cross-region-lex-model", ()),
    "cfn-imagebuilder-launch-permission": (imagebuilder_launch, "aws-imagebuilder-ami-launch-permission", ("CN",)),
    "cfn-bedrock-data-source-parsing-profile": (bedrock_data_source, "aws-bedrock-cross-region-ingestion-model", ()),
    "cfn-ecs-firelens-google": (ecs_firelens_google, "firelens-google-cloud-outputs", ()),
    "cfn-ecs-logentries-driver": (ecs_logentries, "container-logentries-driver", ()),
    "cfn-cognito-identity-pool-google": (cognito_identity_pool, "aws-cognito-identity-pool-public-login", ()),
    "cfn-bedrock-agent-profile": (bedrock_agent_model, "aws-bedrock-cross-region-model", ()),
    "cfn-bedrock-flow-prompt-profile": (bedrock_flow_prompt, "aws-bedrock-cross-region-nested-model", ()),
}  # fmt: skip
"""Kind -> (builder, the global_services entry judging it, jurisdictions whose partition the entry allows)."""
NO_HOME_TWIN = {"cfn-securityhub-jira-connector"}
"""Kinds with no compliant twin of the same type but the declaration."""
VARIANTS = {False: ("home", "global", "global-declared"), True: ("global", "global-declared")}
"""The variants a kind runs, by whether it has no home twin."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred55b-{code.lower()}-{kind}-{variant}", code, make(code, variant),
         {"RES-016"} if variant == "global" and code not in allowed else set(),
         [_declared(service)] if variant == "global-declared" else [])
        for kind, (make, service, allowed) in GLOBAL_KINDS.items()
        for code in CODES
        for variant in VARIANTS[kind in NO_HOME_TWIN]
    ]  # fmt: skip
