"""AWS red team, round 31 (stop 56): an EFS replica to an existing file system, the Elastic output, a memory model.

Reproduced on the unchanged engine (main 1ae99877), one resource in a ``cloudformation.Stack`` each (EU / DE / US /
JP / CN, provider pinned to the team's account), each **passing every door** while its Pulumi twin is refused:

- an ``AWS::EFS::FileSystem`` whose ``ReplicationConfiguration.Destinations`` item names an existing file system by a
  bare ``FileSystemId`` and no ``Region`` / ``AvailabilityZoneName`` (round 30 found it): the Pulumi
  ``efs.ReplicationConfiguration``'s ``destination.file_system_id`` is RES-017 (a ``global_group_fields`` entry: the
  id carries no Region; proven when the stack made the file system, placed by ``region`` /
  ``availability_zone_name`` beside it, or declared). 4 leaks (EU, DE, US, JP); the CN row was first written RES-017
  too and corrected to the Pulumi twin's verdict (a bare id in aws-cn passes: the partition is wholly in China);
- an ECS task definition's FireLens ``es`` output with ``Cloud_ID`` (Elastic's hosted service, its host inside the
  id): ``firelens-elastic-cloud-id`` has ``when_set``, which the template walk did not read (5 leaks);
- an ``AWS::BedrockAgentCore::Memory`` custom strategy overriding a step's ``ModelId`` with a ``global.`` profile:
  the Pulumi strategy's ``*.model_id`` is ``aws-bedrock-cross-region-nested-model``, unmapped for templates (5 leaks).

On main's engine the table's every-door test: 14 failed / 41 passed.

Now: ``stack_templates`` ``resources`` maps the EFS destination's ``FileSystemId`` to the Pulumi
``destination.file_system_id`` (its siblings read beside it; a Parameter's id beside a ``Region`` is placed by it);
``template_services`` read ``when_set``; the memory override's ``ModelId`` is the nested-model entry's field.

Ids ``awsred56b-<code>-<kind>-<variant>``. EFS (``cfn-efs-existing``): ``own``, ``Ref`` of a second file system of
the template (passes); ``placed``, a literal ``fs-...`` with the home ``Region`` (passes); ``bare``, without Region
(RES-017; CN passes); ``bare-declared``, the id declared as a resident partner's (passes); ``abroad``, a ``Region``
outside the jurisdiction (RES-009 as before; aws-cn's other Region passes). Elastic (``cfn-ecs-firelens-elastic``)
and memory (``cfn-agentcore-memory-override``): ``home`` (an OpenSearch domain's ``Host`` in the Region; a model of
the Region, JP's ``jp.`` profile), ``global`` (RES-016), ``global-declared`` (the catalogue id declared, passes).
tests/test_realistic_programs.py runs them as CASES (``awsred56b-*``).
"""

from __future__ import annotations

from typing import Any

from platform_parts import AWS_HOME as HOME
from platform_parts import Build, Row, dns_suffix

# The same accounts and template helpers as rounds 23 to 30 (one fact, one place).
from platform_programs_awsred51 import CODES, _role, _stack
from platform_programs_awsred55 import _declared, _one
from platform_programs_awsred55b import _model, _task

from components.residency.references import elastic_cloud_host

PARTNER_FS = "fs-0c1a1m5dr0000042"
"""An existing file system of the team's DR account, named by its bare id (a replica's destination)."""
ABROAD = {"EU": "us-east-1", "DE": "us-east-1", "US": "eu-west-1", "JP": "us-west-2", "CN": "cn-northwest-1"}
"""A Region outside the jurisdiction (aws-cn's other Region is in China: passes)."""
CLOUD_ID = {"EU": "claims-logs:ZXUtY2VudHJhbC0xLmF3cy5jbG91ZC5lcy5pbyQ0ZjJhOWMkN2IxZDNl",
            "DE": "claims-logs:ZXUtY2VudHJhbC0xLmF3cy5jbG91ZC5lcy5pbyQ0ZjJhOWMkN2IxZDNl",
            "US": "claims-logs:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbyQ0ZjJhOWMkN2IxZDNl",
            "JP": "claims-logs:YXAtbm9ydGhlYXN0LTEuYXdzLmZvdW5kLmlvJDRmMmE5YyQ3YjFkM2U=",
            "CN": "claims-logs:Y24tbm9ydGgtMS5hd3MuZXhhbXBsZS5jbiQ0ZjJhOWMkN2IxZDNl"}  # fmt: skip
"""An Elastic Cloud deployment's id (``<name>:<base64 of region$es-host$kibana-host>``) in the market's Region."""


def efs_existing(code: str, variant: str) -> Build:
    # docs: AWS::EFS::FileSystem ReplicationConfiguration {Destinations [ReplicationDestination {AvailabilityZoneName,
    # FileSystemId ("The ID of the destination Amazon EFS file system"), KmsKeyId, Region, RoleArn}]}: all "Required:
    # No"; "replicate to an existing file system" (the user guide: "the destination file system and AWS Region that
    # you choose"); the destination file system must have replication overwrite protection turned off.
    destination: dict[str, Any] = {"FileSystemId": PARTNER_FS}
    more: dict[str, Any] = {}
    if variant == "own":
        destination = {"FileSystemId": {"Ref": "Replica"}}  # Ref returns the file system's id
        more["Replica"] = {"Type": "AWS::EFS::FileSystem", "Properties": {
            "Encrypted": True, "FileSystemProtection": {"ReplicationOverwriteProtection": "DISABLED"},
            "FileSystemTags": [{"Key": "Name", "Value": "claims-files-replica"}]}}  # fmt: skip
    if variant == "placed":
        destination["Region"] = HOME[code]
    if variant == "abroad":
        destination["Region"] = ABROAD[code]
    return _stack("claims-files", {"X": {"Type": "AWS::EFS::FileSystem", "Properties": {
        "Encrypted": True, "PerformanceMode": "generalPurpose", "ThroughputMode": "elastic",
        "ReplicationConfiguration": {"Destinations": [destination]},
        "FileSystemTags": [{"Key": "Name", "Value": "claims-files"}]}}, **more})  # fmt: skip


def ecs_firelens_elastic(code: str, variant: str) -> Build:
    # docs: AWS::ECS::TaskDefinition ContainerDefinitions [{LogConfiguration {LogDriver awsfirelens, Options {Name es,
    # Cloud_ID, Cloud_Auth, Index, tls, Suppress_Type_Name}}}]: Fluent Bit's es output; "If you are using Elastic's
    # Elasticsearch Service you can specify the cloud_id of the cluster running" (the deployment's host is inside the
    # id's base64); without it, Host / Port / AWS_Auth / AWS_Region (an Amazon OpenSearch Service domain).
    options: dict[str, Any] = {"Name": "es", "Cloud_ID": CLOUD_ID[code],
                               "Cloud_Auth": "{{resolve:secretsmanager:claims-elastic:SecretString:auth}}",
                               "Index": "claims-api", "tls": "On", "Suppress_Type_Name": "On"}  # fmt: skip
    if variant == "home":
        options = {"Name": "es", "Host": f"vpc-claims-logs-4f2a9c.{HOME[code]}.es.{dns_suffix(code)}", "Port": "443",
                   "AWS_Auth": "On", "AWS_Region": HOME[code], "Index": "claims-api", "tls": "On",
                   "Suppress_Type_Name": "On"}  # fmt: skip
    container = {"LogConfiguration": {"LogDriver": "awsfirelens", "Options": options}}
    return _one("claims-api-task", "AWS::ECS::TaskDefinition", _task(container, firelens=True),
                TaskRole=_role("ecs-tasks.amazonaws.com"))  # fmt: skip


def agentcore_memory_override(code: str, variant: str) -> Build:
    # docs: AWS::BedrockAgentCore::Memory MemoryStrategies [{CustomMemoryStrategy {Name, Namespaces, Configuration
    # {SemanticOverride | SummaryOverride | UserPreferenceOverride | EpisodicOverride {Extraction, Consolidation,
    # Reflection {AppendToPrompt, ModelId}} | SelfManagedConfiguration}}}]: each step's model, a foundation model or an
    # inference profile (a ``global.`` one routes the conversation's events to any commercial Region).
    model = _model(code, "home" if variant == "home" else "global", "amazon.nova-pro-v1:0")
    override = {"Extraction": {"ModelId": model, "AppendToPrompt": "Keep only facts about the claim."},
                "Consolidation": {"ModelId": model, "AppendToPrompt": "Merge facts about the same claim."}}  # fmt: skip
    strategy = {"CustomMemoryStrategy": {"Name": "claim_facts", "Namespaces": ["/claims/{actorId}"],
                                         "Configuration": {"SemanticOverride": override}}}  # fmt: skip
    return _one("claims-memory", "AWS::BedrockAgentCore::Memory", {
        "Name": "claims_helper_memory", "EventExpiryDuration": 30,
        "MemoryExecutionRoleArn": {"Fn::GetAtt": ["MemoryRole", "Arn"]}, "MemoryStrategies": [strategy]},
        MemoryRole=_role("bedrock-agentcore.amazonaws.com"))  # fmt: skip


def _expected(code: str, variant: str) -> set[str]:
    if variant == "bare":
        return set() if code == "CN" else {"RES-017"}
    if variant == "abroad":
        return set() if code == "CN" else {"RES-009"}
    return set()


def _declaration(variant: str) -> list[dict[str, Any]]:
    if variant != "bare-declared":
        return []
    return [{"id": "claims-dr-files", "kind": "resident", "match": PARTNER_FS,
             "evidence": "the DR account's file system in the home Region (DR runbook 7, DPA-56)"}]  # fmt: skip


VARIANTS = ("own", "placed", "bare", "bare-declared", "abroad")
ELASTIC = "firelens-elastic-cloud-id"
"""The global_services entry judging an es output with a Cloud_ID (refused in every jurisdiction until declared)."""
NESTED_MODEL = "aws-bedrock-cross-region-nested-model"
"""The global_services entry judging a model nested in an AgentCore memory strategy (a ``global.`` profile refused in
every jurisdiction until declared)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    efs: list[Row] = [
        (f"awsred56b-{code.lower()}-cfn-efs-existing-{variant}", code, efs_existing(code, variant),
         _expected(code, variant), _declaration(variant))
        for code in CODES
        for variant in VARIANTS
    ]  # fmt: skip
    elastic: list[Row] = [
        (f"awsred56b-{code.lower()}-cfn-ecs-firelens-elastic-{variant}", code, ecs_firelens_elastic(code, variant),
         # config64 (stop 64): the id is read as the Elastic Cloud host it encodes (RES-015, was RES-016 by the
         # entry's id), declared by that host
         {"RES-015"} if variant == "global" else set(),
         [_declared(elastic_cloud_host(CLOUD_ID[code]) or ELASTIC)] if variant == "global-declared" else [])
        for code in CODES
        for variant in ("home", "global", "global-declared")
    ]  # fmt: skip
    memory: list[Row] = [
        (f"awsred56b-{code.lower()}-cfn-agentcore-memory-override-{variant}", code,
         agentcore_memory_override(code, variant), {"RES-016"} if variant == "global" else set(),
         [_declared(NESTED_MODEL)] if variant == "global-declared" else [])
        for code in CODES
        for variant in ("home", "global", "global-declared")
    ]  # fmt: skip
    return efs + elastic + memory
