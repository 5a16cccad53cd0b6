"""AWS red team, round 42 (stop 65): Incident Manager engaging another account's contacts and chat channels, a RAM
share's exclusive associations, and a KMS key of another account (decided: not a destination).

Round 41 left three questions open (docs/residency-open.md); this round answers them and sweeps pulumi-aws 7.51.1's
types no table module, unit test or catalogue entry named (about 830 of 1,747) for inputs that name an account, a
bucket, a destination, a share or a replica. Each input probed through ``RuleEngine`` (one-value subjects, Pulumi and
CloudFormation, EU / US / CN), then written here as the programs a platform team writes, each beside its
``cloudformation.Stack`` twin where the type exists. Reproduced on the unchanged engine (bc352e13); the counts are in
docs/residency.md, *AWS red team, round 42 (stop 65)*:

- An Incident Manager escalation plan whose stage engages a partner's contact or contact channel
  (``ssmcontacts.Plan`` ``stages[].targets[].contact_target_info.contact_id`` /
  ``channel_target_info.contact_channel_id``; ``AWS::SSMContacts::Plan`` ``Stages[].Targets[]``) **passed every
  door**: a contact shared through RAM ("The resource policy is used to share the contact or escalation plan using AWS
  RAM", PutContactPolicy) is engaged with the incident's title and summary on the channels (e-mail, SMS, voice) its
  owner's account sets, out of this stack's sight.
- A response plan engaging a partner's contact (``engagements``; ``Engagements``) or posting to a partner's chat
  channel topic (``chat_channels``; ``ChatChannel.ChatbotSns``) **passed every door**; its ``notification_targets``
  topic of a partner was RES-023 already (Pulumi and template).
- A RAM share's exclusive associations (``ram.ResourceShareAssociationsExclusive``: ``resource_arns`` and
  ``principals`` in one resource) of the stack's Glue database with a partner **passed every door**, while the same
  share made of ``ram.ResourceAssociation`` + ``ram.PrincipalAssociation`` is RES-016 (``aws-ram-data-share``).

Pinned alike (already right, and now decided): a CloudWatch Logs group, an S3 bucket's SSE-KMS and a Kinesis stream
encrypted with the group security account's KMS key in the stack's Region pass (another account's key is no
destination: the data stays in the stack's resource, the key's owner can allow or refuse its use), and such a key in a
Region abroad is RES-004 by its ARN. Incident Manager in the China Regions was not confirmed from a page: no CN program
for it (an aws-cn account passes in CN by partition, unit-pinned). RAM in the China Regions is documented (the CN row
passes by ``allowed_partitions``).

Ids ``awsred65-<code>-<kind>-<variant>``: ``own`` / ``home`` (compliant), ``partner`` (refused, RES-023 / RES-016),
``partner-declared`` (declared: passes), ``abroad`` (refused). tests/test_realistic_programs.py runs them as CASES
(``awsred65-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD as ABROAD
from platform_parts import AWS_HOME as HOME
from platform_parts import OWN_ACCOUNT, Build, Program, Row, account_rows, partition
from platform_programs_awsred51 import _stack
from platform_programs_awsred58 import ACCOUNT_DECLARED, PARTNER_ACCOUNT
from platform_programs_awsred59 import RAM_DECLARED


def _account(who: str) -> str:
    return OWN_ACCOUNT if who == "own" else PARTNER_ACCOUNT


def _arn(code: str, who: str, service: str, resource: str, region: str | None = None) -> str:
    return f"arn:{partition(code)}:{service}:{region or HOME[code]}:{_account(who)}:{resource}"


def _cfn_arn(code: str, who: str, service: str, resource: str) -> Any:
    if who == "own":
        return {"Fn::Sub": f"arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{resource}"}
    return _arn(code, who, service, resource)


# -- Incident Manager: escalation plans and response plans -------------------------------------------------------------


def _replication_set(code: str, c: Any) -> aws.ssmincidents.ReplicationSet:
    # docs: ssmincidents/replicationset (regions[].name): Incident Manager needs the account's replication set first.
    return aws.ssmincidents.ReplicationSet("incidents", regions=[{"name": HOME[code]}], opts=c.aws)


def pulumi_escalation_plan(code: str, who: str) -> Build:
    # docs: ssmcontacts/contact (alias, type "ESCALATION"), ssmcontacts/plan (contact_id, stages[].duration_in_minutes,
    # stages[].targets[].contact_target_info {contact_id, is_essential}); Incident Manager API CreateContact / Plan
    # ("Information about the contact that Incident Manager engages"). Stage 1 pages the team's own on-call contact,
    # stage 2 the managed-service partner's SRE contact (``partner``; shared through RAM, PutContactPolicy).
    def build(c: Any) -> object:
        _replication_set(code, c)
        oncall = aws.ssmcontacts.Contact("claims-oncall", alias="claims-oncall", type="PERSONAL",
                                         display_name="Claims on-call", opts=c.aws)  # fmt: skip
        plan = aws.ssmcontacts.Contact("claims-escalation", alias="claims-escalation", type="ESCALATION",
                                       display_name="Claims escalation", opts=c.aws)  # fmt: skip
        return aws.ssmcontacts.Plan("claims-escalation", contact_id=plan.arn, stages=[
            {"duration_in_minutes": 10, "targets": [{"contact_target_info": {"contact_id": oncall.arn,
                                                                             "is_essential": True}}]},
            {"duration_in_minutes": 20, "targets": [{"contact_target_info": {
                "contact_id": _arn(code, who, "ssm-contacts", "contact/claims-sre"), "is_essential": False}}]},
        ], opts=c.aws)  # fmt: skip

    return build


def pulumi_escalation_channel(code: str, who: str) -> Build:
    # docs: ssmcontacts/plan stages[].targets[].channel_target_info {contact_channel_id, retry_interval_in_minutes}
    # ("Information about the contact channel that Incident Manager engages"): a personal contact's plan paging one
    # channel of a partner's contact directly.
    def build(c: Any) -> object:
        _replication_set(code, c)
        oncall = aws.ssmcontacts.Contact("claims-oncall", alias="claims-oncall", type="PERSONAL",
                                         display_name="Claims on-call", opts=c.aws)  # fmt: skip
        channel = _arn(code, who, "ssm-contacts", "contact-channel/claims-sre/0a1b2c3d-1111-2222-3333-444455556666")
        return aws.ssmcontacts.Plan("claims-oncall", contact_id=oncall.arn, stages=[
            {"duration_in_minutes": 5, "targets": [{"channel_target_info": {"contact_channel_id": channel,
                                                                            "retry_interval_in_minutes": 2}}]},
        ], opts=c.aws)  # fmt: skip

    return build


def cfn_escalation_plan(code: str, who: str) -> Build:
    # docs: AWS::SSMContacts::Contact (Alias, DisplayName, Type; Ref gives the ARN), AWS::SSMContacts::Plan (ContactId,
    # Stages[] {DurationInMinutes, Targets[] {ContactTargetInfo {ContactId, IsEssential}, ChannelTargetInfo {ChannelId,
    # RetryIntervalInMinutes}}}).
    return _stack("claims-escalation", {
        "OnCall": {"Type": "AWS::SSMContacts::Contact", "Properties": {
            "Alias": "claims-oncall", "DisplayName": "Claims on-call", "Type": "PERSONAL"}},
        "Escalation": {"Type": "AWS::SSMContacts::Contact", "Properties": {
            "Alias": "claims-escalation", "DisplayName": "Claims escalation", "Type": "ESCALATION"}},
        "Plan": {"Type": "AWS::SSMContacts::Plan", "Properties": {"ContactId": {"Ref": "Escalation"}, "Stages": [
            {"DurationInMinutes": 10, "Targets": [{"ContactTargetInfo": {"ContactId": {"Ref": "OnCall"},
                                                                         "IsEssential": True}}]},
            {"DurationInMinutes": 20, "Targets": [{"ContactTargetInfo": {
                "ContactId": _cfn_arn(code, who, "ssm-contacts", "contact/claims-sre"), "IsEssential": False}}]},
        ]}},
    })  # fmt: skip


def pulumi_response_engagement(code: str, who: str) -> Build:
    # docs: ssmincidents/responseplan (name, incident_template {title, impact, summary}, engagements "ARN for the
    # contacts and escalation plans that the response plan engages during an incident").
    def build(c: Any) -> object:
        _replication_set(code, c)
        return aws.ssmincidents.ResponsePlan("claims-sev1", name="claims-sev1", display_name="Claims Sev1",
            incident_template={"title": "Claims API unavailable", "impact": 1,
                               "summary": "Claims submissions failing for customers"},
            engagements=[_arn(code, who, "ssm-contacts", "contact/claims-sre")], opts=c.aws)  # fmt: skip

    return build


def pulumi_response_chat(code: str, who: str) -> Build:
    # docs: ssmincidents/responseplan chat_channels ("The Chatbot chat channel used for collaboration during an
    # incident"); Incident Manager API ChatChannel `chatbotSns` ("The Amazon SNS targets that Amazon Q Developer in
    # chat applications uses to notify the chat channel of updates to an incident").
    def build(c: Any) -> object:
        _replication_set(code, c)
        return aws.ssmincidents.ResponsePlan("claims-sev2", name="claims-sev2",
            incident_template={"title": "Claims latency high", "impact": 3},
            chat_channels=[_arn(code, who, "sns", "claims-incidents-chat")], opts=c.aws)  # fmt: skip

    return build


def cfn_response_plan(code: str, who: str) -> Build:
    # docs: AWS::SSMIncidents::ResponsePlan Name, IncidentTemplate {Title, Impact, Summary}, Engagements ("The Amazon
    # Resource Name (ARN) for the contacts and escalation plans that the response plan engages during an incident"),
    # ChatChannel {ChatbotSns}.
    return _stack("claims-sev1", {"Plan": {"Type": "AWS::SSMIncidents::ResponsePlan", "Properties": {
        "Name": "claims-sev1", "IncidentTemplate": {"Title": "Claims API unavailable", "Impact": 1},
        "Engagements": [_cfn_arn(code, who, "ssm-contacts", "contact/claims-sre")],
        "ChatChannel": {"ChatbotSns": [_cfn_arn(code, who, "sns", "claims-incidents-chat")]}}}})  # fmt: skip


# -- RAM: a share's exclusive associations -----------------------------------------------------------------------------


def pulumi_ram_exclusive(code: str, what: str) -> Build:
    # docs: ram/resourceshareassociationsexclusive (resource_share_arn, principals "Specifies a list of one or more
    # principals to associate with the resource share", resource_arns "Specifies a list of one or more ARNs of the
    # resources to associate with the resource share"; "manages all of a resource share's associations"). ``subnet``:
    # VPC sharing (used in place, passes); ``database``: the stack's Glue database (RES-016 as a ResourceAssociation).
    def build(c: Any) -> object:
        share = aws.ram.ResourceShare(f"claims-{what}", name=f"claims-{what}", allow_external_principals=True,
                                      opts=c.aws)  # fmt: skip
        if what == "subnet":
            vpc = aws.ec2.Vpc("claims", cidr_block="10.40.0.0/16", opts=c.aws)
            owned: Any = aws.ec2.Subnet("claims-a", vpc_id=vpc.id, cidr_block="10.40.1.0/24", opts=c.aws).arn
        else:
            owned = aws.glue.CatalogDatabase("claims", name="claims", opts=c.aws).arn
        return aws.ram.ResourceShareAssociationsExclusive(f"claims-{what}", resource_share_arn=share.arn,
            principals=[PARTNER_ACCOUNT], resource_arns=[owned], opts=c.aws)  # fmt: skip

    return build


# -- a KMS key of another account (decided: judged by its Region, not its account) -------------------------------------


def _security_key(code: str, where: str) -> str:
    # The group security account's key (a central key account): in the stack's Region or abroad.
    region = HOME[code] if where == "home" else ABROAD[code]
    return _arn(code, "partner", "kms", "key/1234abcd-12ab-34cd-56ef-1234567890ab", region)


def pulumi_partner_key(code: str, where: str) -> Build:
    # docs: cloudwatch/loggroup kms_key_id ("The ARN of the KMS Key to use when encrypting log data"), s3/
    # bucketserversideencryptionconfiguration rule.apply_server_side_encryption_by_default.kms_master_key_id,
    # kinesis/stream (encryption_type "KMS", kms_key_id); KMS developer guide "Allowing users in other accounts to use a
    # KMS key".
    def build(c: Any) -> object:
        key = _security_key(code, where)
        aws.cloudwatch.LogGroup("claims-api", name="/claims/api", retention_in_days=90, kms_key_id=key, opts=c.aws)
        bucket = aws.s3.Bucket("claims-docs", bucket=f"claims-docs-{code.lower()}", opts=c.aws)
        aws.s3.BucketServerSideEncryptionConfiguration("claims-docs", bucket=bucket.id, rules=[{
            "apply_server_side_encryption_by_default": {"sse_algorithm": "aws:kms", "kms_master_key_id": key},
            "bucket_key_enabled": True}], opts=c.aws)  # fmt: skip
        return aws.kinesis.Stream("claims-events", shard_count=1, encryption_type="KMS", kms_key_id=key, opts=c.aws)

    return build


def cfn_partner_key(code: str, where: str) -> Build:
    # docs: AWS::Logs::LogGroup KmsKeyId, AWS::S3::Bucket BucketEncryption.ServerSideEncryptionConfiguration[]
    # .ServerSideEncryptionByDefault {SSEAlgorithm, KMSMasterKeyID}.
    key = _security_key(code, where)
    return _stack("claims-encrypted", {
        "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/claims/api", "KmsKeyId": key}},
        "Docs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key},
             "BucketKeyEnabled": True}]}}},
    })  # fmt: skip


ACCOUNTS: dict[str, tuple[Program, tuple[str, ...]]] = {
    "pulumi-escalation-plan": (pulumi_escalation_plan, ("EU", "US")),
    "pulumi-escalation-channel": (pulumi_escalation_channel, ("EU",)),
    "cfn-escalation-plan": (cfn_escalation_plan, ("EU", "US")),
    "pulumi-response-engagement": (pulumi_response_engagement, ("EU", "US")),
    "pulumi-response-chat": (pulumi_response_chat, ("EU", "US")),
    "cfn-response-plan": (cfn_response_plan, ("EU", "US")),
}
"""``own`` (passes) / ``partner`` (RES-023) / ``partner-declared`` (passes)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for kind, (make, codes) in ACCOUNTS.items():
        out += account_rows("awsred65", {kind: make}, codes, ACCOUNT_DECLARED)
    for code in ("EU", "US", "CN"):
        out.append((f"awsred65-{code.lower()}-ram-exclusive-subnet-home", code, pulumi_ram_exclusive(code, "subnet"),
                    set(), []))  # fmt: skip
        # aws-cn lies wholly in CN (allowed_partitions): every account's Regions are China's.
        out.append((f"awsred65-{code.lower()}-ram-exclusive-database-partner", code,
                    pulumi_ram_exclusive(code, "database"), set() if code == "CN" else {"RES-016"}, []))  # fmt: skip
    for code in ("EU", "US"):
        out.append((f"awsred65-{code.lower()}-ram-exclusive-database-partner-declared", code,
                    pulumi_ram_exclusive(code, "database"), set(), [RAM_DECLARED]))  # fmt: skip
    for kind, make in (("pulumi-partner-key", pulumi_partner_key), ("cfn-partner-key", cfn_partner_key)):
        for code in ("EU", "US"):
            out.append((f"awsred65-{code.lower()}-{kind}-home", code, make(code, "home"), set(), []))
        out.append((f"awsred65-eu-{kind}-abroad", "EU", make("EU", "abroad"), {"RES-004"}, []))
    return out
