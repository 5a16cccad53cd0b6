"""AWS red team, round 22 (stop 50): file transfers, global endpoints, user-pool mail and packages of another account.

Round 22 started from what round 21 left open and the lead's list (docs/residency.md, "AWS red team, round 22 (stop
50)") and probed about 80 inputs of pulumi-aws v7 and their CloudFormation twins with another account's ARN or id, one
value each, on the unchanged engine (main 25d38a3). These programs passed every door there and are refused now
(RES-023 until pinned or declared): the stack hands its data to a resource of another account in the jurisdiction's own
Region (a foreign Region was RES-004 before, by the ARN):

- a Transfer Family server's structured logs (each session's user, address and file paths) and a Transfer Family
  workflow's custom step function (handed each uploaded file);
- an EventBridge global endpoint's event buses (every event published through the endpoint);
- a Cognito user pool's SES sending identity (its owner is told of every message, the users' addresses among them);
- a CodeArtifact repository in another account's domain (the packages are stored in the domain owner's account);
- a Glue crawler's event dead-letter queue (the S3 events, object keys, it could not process);
- the same Transfer Family workflow and CodeArtifact repository written in a CloudFormation template.

``who``: ``own`` (the stack makes it with the table's provider, which pins the team's account: passes), ``partner``
(another's: refused outside CN), ``partner-declared`` (declared: passes). aws-cn lies wholly in CN: every account
there is China's.

And one decision kept (``identity-policy-*``): an IAM role policy letting the stack's own role send to another
account's queue passes (a permission moves nothing; the queue's owner grants the write in its own policy, and what
the stack's code sends there is read by no door), as the SAM connector decision of stop 48 has it; the queue's Region
is judged (RES-004 abroad). tests/test_realistic_programs.py runs them as CASES (``awsred50-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, OWN_ACCOUNT, WHO, Build, Row, lambda_function, partition, trust_policy
from platform_parts import AWS_HOME as HOME

# The same accounts and declaration as rounds 16 to 21 (one fact, one place).
from platform_programs_awsred44 import PARTNER, PARTNER_DECLARED

FOUR = ("EU", "DE", "US", "JP")
"""The jurisdictions outside CN every kind runs in."""
WITH_CN = (*FOUR, "CN")
"""The same and CN, for Transfer Family (its China guide documents workflows' custom steps)."""
SECOND_REGION = {"EU": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1"}
"""A global endpoint's secondary Region inside the jurisdiction; Germany has one AWS Region (eu-central-1), so no DE
stack can hold an endpoint's two buses at home: the endpoint kind runs in EU, US, JP and CN."""
ABROAD = {**AWS_ABROAD, "DE": "eu-west-1"}
"""A Region outside each jurisdiction (Ireland is outside Germany)."""
HEALTH_CHECK = "healthcheck/4b6a2d1e-8c3f-4e8a-9d2b-0f1e2d3c4b5a"
"""The Route 53 health check the platform team registered for the primary Region (global endpoints fail over on it)."""


def _partner_arn(code: str, service: str, resource: str, region: str = "") -> str:
    """An ARN of the partner's account in the jurisdiction's own Region (only its account is foreign)."""
    return f"arn:{partition(code)}:{service}:{region or HOME[code]}:{PARTNER}:{resource}"


def _function(code: str, who: str, c: Any, name: str) -> Any:
    return lambda_function(name, c.aws).arn if who == "own" else _partner_arn(code, "lambda", f"function:{name}")


# -- Transfer Family ------------------------------------------------------------------------------------------------


def transfer_structured_logs(code: str, who: str) -> Build:
    # docs: transfer/server — `structured_log_destinations` "Set of ARNs of destinations that will receive structured
    # logs from the transfer server such as CloudWatch Log Group ARNs" (the registry example appends `:*` to the log
    # group's `arn`, as CreateServer asks).
    def build(c: Any) -> object:
        group: Any = (
            aws.cloudwatch.LogGroup("sftp", name="/aws/transfer/sftp", opts=c.aws).arn.apply(lambda a: f"{a}:*")
            if who == "own" else _partner_arn(code, "logs", "log-group:/aws/transfer/sftp:*")
        )  # fmt: skip
        return aws.transfer.Server(
            "partner-drop", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED", endpoint_type="PUBLIC",
            structured_log_destinations=[group], opts=c.aws,
        )  # fmt: skip

    return build


def transfer_workflow_step(code: str, who: str) -> Build:
    # docs: transfer/workflow — `steps` (`type` CUSTOM, `custom_step_details` `target` "The ARN for the lambda function
    # that is being called", `source_file_location` ${original.file}); transfer/server `workflow_details.on_upload`.
    def build(c: Any) -> object:
        workflow = aws.transfer.Workflow(
            "scan-uploads", description="scan each upload",
            steps=[{"type": "CUSTOM", "custom_step_details": {
                "name": "scan", "source_file_location": "${original.file}", "timeout_seconds": 60,
                "target": _function(code, who, c, "scan-upload")}}],
            opts=c.aws,
        )  # fmt: skip
        role = aws.iam.Role("transfer-workflow", assume_role_policy=trust_policy("transfer.amazonaws.com"), opts=c.aws)
        return aws.transfer.Server(
            "claims-drop", protocols=["SFTP"], identity_provider_type="SERVICE_MANAGED",
            workflow_details={"on_upload": {"execution_role": role.arn, "workflow_id": workflow.id}}, opts=c.aws,
        )  # fmt: skip

    return build


# -- EventBridge global endpoints -----------------------------------------------------------------------------------


def event_endpoint(code: str, who: str) -> Build:
    # docs: cloudwatch/eventendpoint — `event_buses` (two `event_bus_arn`s, one per Region), `routing_config.
    # failover_config` (`primary.health_check`, `secondary.route`), `replication_config.state`; cloudwatch/eventbus
    # `region` (pulumi-aws v7: "Region where this resource will be managed").
    def build(c: Any) -> object:
        buses: list[Any]
        if who == "own":
            buses = [aws.cloudwatch.EventBus("orders", name="orders", opts=c.aws).arn,
                     aws.cloudwatch.EventBus("orders-secondary", name="orders", region=SECOND_REGION[code],
                                             opts=c.aws).arn]  # fmt: skip
        else:
            buses = [_partner_arn(code, "events", "event-bus/orders"),
                     _partner_arn(code, "events", "event-bus/orders", SECOND_REGION[code])]  # fmt: skip
        return aws.cloudwatch.EventEndpoint(
            "orders", name="orders", event_buses=[{"event_bus_arn": b} for b in buses],
            routing_config={"failover_config": {
                "primary": {"health_check": f"arn:{partition(code)}:route53:::{HEALTH_CHECK}"},
                "secondary": {"route": SECOND_REGION[code]}}},
            replication_config={"state": "DISABLED"}, opts=c.aws,
        )  # fmt: skip

    return build


# -- Cognito user pools' mail ---------------------------------------------------------------------------------------


def user_pool_mail(code: str, who: str) -> Build:
    # docs: cognito/userpool — `email_configuration` (`email_sending_account` DEVELOPER, `from_email_address`,
    # `source_arn` "ARN of the identity that is associated with the sending authorization policy"); ses/domainidentity
    # `arn`.
    def build(c: Any) -> object:
        identity: Any = (
            aws.ses.DomainIdentity("mail", domain="mail.example.com", opts=c.aws).arn
            if who == "own" else _partner_arn(code, "ses", "identity/mail.example.com")
        )  # fmt: skip
        return aws.cognito.UserPool(
            "customers", name="customers", auto_verified_attributes=["email"],
            email_configuration={"email_sending_account": "DEVELOPER", "source_arn": identity,
                                 "from_email_address": "Claims <no-reply@mail.example.com>"},
            opts=c.aws,
        )  # fmt: skip

    return build


# -- CodeArtifact ---------------------------------------------------------------------------------------------------


def codeartifact_repository(code: str, who: str) -> Build:
    # docs: codeartifact/repository — `repository`, `domain`, `domain_owner` "The account number of the AWS account
    # that owns the domain", `upstreams`; codeartifact/domain `domain`.
    def build(c: Any) -> object:
        if who == "own":
            domain: Any = aws.codeartifact.Domain("packages", domain="packages", opts=c.aws).domain
        else:
            domain = "group-packages"
        return aws.codeartifact.Repository(
            "claims-libs", repository="claims-libs", domain=domain,
            domain_owner=OWN_ACCOUNT if who == "own" else PARTNER, opts=c.aws,
        )  # fmt: skip

    return build


# -- Glue crawlers ---------------------------------------------------------------------------------------------------


def glue_crawler_dlq(code: str, who: str) -> Build:
    # docs: glue/crawler — `s3_targets` (`path`, `event_queue_arn` "Valid Amazon SQS ARN", `dlq_event_queue_arn`
    # "Valid Amazon SQS ARN"), `recrawl_policy.recrawl_behavior` CRAWL_EVENT_MODE.
    def build(c: Any) -> object:
        bucket = aws.s3.Bucket("claims-landing", opts=c.aws)
        events = aws.sqs.Queue("claims-landing-events", opts=c.aws)
        dlq: Any = (
            aws.sqs.Queue("claims-landing-dlq", opts=c.aws).arn
            if who == "own" else _partner_arn(code, "sqs", "claims-landing-dlq")
        )  # fmt: skip
        role = aws.iam.Role("crawler", assume_role_policy=trust_policy("glue.amazonaws.com"), opts=c.aws)
        database = aws.glue.CatalogDatabase("claims", name="claims", opts=c.aws)
        return aws.glue.Crawler(
            "claims-landing", database_name=database.name, role=role.arn,
            recrawl_policy={"recrawl_behavior": "CRAWL_EVENT_MODE"},
            s3_targets=[{"path": bucket.bucket.apply(lambda b: f"s3://{b}/landing/"), "event_queue_arn": events.arn,
                         "dlq_event_queue_arn": dlq}],
            opts=c.aws,
        )  # fmt: skip

    return build


# -- the same, written in a CloudFormation template ------------------------------------------------------------------


def _stack(name: str, resources: dict[str, Any], c: Any) -> object:
    # docs: cloudformation/stack — `template_body`.
    return aws.cloudformation.Stack(name, name=name, template_body=json.dumps({"Resources": resources}), opts=c.aws)


def cfn_transfer_workflow(code: str, who: str) -> Build:
    # docs: AWS::Transfer::Workflow Steps [WorkflowStep {Type CUSTOM, CustomStepDetails {Name, Target}}].
    def build(c: Any) -> object:
        target = (
            {"Fn::GetAtt": ["Scan", "Arn"]} if who == "own" else _partner_arn(code, "lambda", "function:scan-upload")
        )  # fmt: skip
        resources: dict[str, Any] = {"Workflow": {"Type": "AWS::Transfer::Workflow", "Properties": {
            "Steps": [{"Type": "CUSTOM", "CustomStepDetails": {"Name": "scan", "Target": target,
                                                               "TimeoutSeconds": 60}}]}}}  # fmt: skip
        if who == "own":
            resources["Scan"] = {"Type": "AWS::Lambda::Function", "Properties": {
                "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["ScanRole", "Arn"]},
                "Code": {"ZipFile": "def handler(event, context):\n    return event\n"}}}  # fmt: skip
            resources["ScanRole"] = {"Type": "AWS::IAM::Role", "Properties": {
                "AssumeRolePolicyDocument": json.loads(trust_policy("lambda.amazonaws.com"))}}  # fmt: skip
        return _stack("upload-workflow", resources, c)

    return build


def cfn_codeartifact(code: str, who: str) -> Build:
    # docs: AWS::CodeArtifact::Repository RepositoryName, DomainName, DomainOwner ("The 12-digit account number of the
    # AWS account that owns the domain").
    def build(c: Any) -> object:
        owner = {"Ref": "AWS::AccountId"} if who == "own" else PARTNER
        resources: dict[str, Any] = {"Repo": {"Type": "AWS::CodeArtifact::Repository", "Properties": {
            "RepositoryName": "claims-libs", "DomainName": "group-packages", "DomainOwner": owner}}}  # fmt: skip
        return _stack("packages", resources, c)

    return build


KINDS: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "transfer-structured-logs": (transfer_structured_logs, WITH_CN),
    "transfer-workflow-step": (transfer_workflow_step, WITH_CN),
    "event-endpoint": (event_endpoint, ("EU", "US", "JP", "CN")),
    "user-pool-mail": (user_pool_mail, FOUR),
    "codeartifact-repository": (codeartifact_repository, FOUR),
    "glue-crawler-dlq": (glue_crawler_dlq, WITH_CN),
    "cfn-transfer-workflow": (cfn_transfer_workflow, WITH_CN),
    "cfn-codeartifact": (cfn_codeartifact, FOUR),
}
"""Kind -> (builder, jurisdictions); CN where written (Transfer Family; EventBridge global endpoints, whose China API
reference page exists; Glue); Cognito's SES mail and CodeArtifact are not written in CN (not checked there)."""


# -- the decision kept: an identity policy naming another account's queue -------------------------------------------


def identity_policy(code: str, where: str) -> Build:
    # docs: iam/rolepolicy — `role`, `policy` (an identity policy: `Action` sqs:SendMessage, `Resource` the queue ARN).
    def build(c: Any) -> object:
        role = aws.iam.Role("exporter", assume_role_policy=trust_policy("lambda.amazonaws.com"), opts=c.aws)
        region = HOME[code] if where == "home" else ABROAD[code]
        queue = _partner_arn(code, "sqs", "claims-intake", region)
        policy = {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": queue}]}  # fmt: skip
        return aws.iam.RolePolicy("exporter-send", role=role.id, policy=json.dumps(policy), opts=c.aws)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"awsred50-{code.lower()}-{kind}-{who}", code, make(code, who),
         {"RES-023"} if who == "partner" and code != "CN" else set(),
         [PARTNER_DECLARED] if who == "partner-declared" else [])
        for kind, (make, codes) in KINDS.items()
        for code in codes
        for who in WHO
    ] + [
        (f"awsred50-{code.lower()}-identity-policy-partner-queue-{where}", code, identity_policy(code, where),
         {"RES-004"} if where == "abroad" else set(), [])
        for code in WITH_CN
        for where in ("home", "abroad")
    ]  # fmt: skip
