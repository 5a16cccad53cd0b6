"""Programs whose destination passed every front door unjudged until stop 40 (the "not judged" review, issue 9).

Each value below is written in the program (not only known at run time), yet passed the guard, the plan, the pack
and the reviews on the stop-39 engine; stop 40 judges it with the engine's existing rules, as catalogue data
(``components/residency/endpoints.yaml``):

- an Elastic Beanstalk environment's notifications (``settings`` in the ``aws:elasticbeanstalk:sns:topics``
  namespace): the ``Notification Endpoint`` (an e-mail address, or an SQS queue ARN) and an existing ``Notification
  Topic ARN`` (``config_items`` with a namespace: read as a host, and as a written account, RES-015 / RES-023);
- an Elastic Beanstalk environment property (``aws:elasticbeanstalk:application:environment``) ``EXPORT_BUCKET``,
  a user-named variable like a Lambda function's (RES-017 for a bucket the stack neither makes nor declares);
- an SMS and voice event destination's CloudWatch Logs group and Firehose stream, and a Mail Manager rule's WorkMail
  mailbox (``written_account_fields``, RES-023 for another account's);
- a Lambda function's ``MAIL_TO`` variable (a recipient key, RES-015 for a partner's domain);
- an Alibaba Cloud EventBridge ``acs.sms`` target whose ``PhoneNumbers`` is taken from each event (form ``JSONPATH``;
  RES-022, as a URL built from the event has been RES-015 since stop 36), CN only.

Every builder is what a team writes from the resource's registry page (pulumi-aws v7); ``dest`` says whose
destination it is: ``partner`` (refused: another account, a partner's domain, a bucket of no one known), ``own``
(the account the table's provider pins, the stack's own topic or bucket output), ``declared`` (the partner's value in
the register). In CN every aws-cn account and bucket is China's by partition, so the partner account / bucket pass
there, as RES-023 and RES-017 judge them; a partner's mail domain is refused in every jurisdiction.

tests/test_realistic_programs.py runs them as CASES (``unjudged40-*``).
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
"""The team's own account (the mocks' caller identity, pinned by the realistic table's provider)."""
PARTNER = "999999999999"
"""Another account no provider of the stack pins."""
REGIONS = {"CN": "cn-north-1", "EU": "eu-west-1", "JP": "ap-northeast-1", "US": "us-east-1"}
CODES = ("EU", "US", "JP", "CN")
PARTNER_DOMAIN = "noc.partner-ops.example.com"
"""The outsourced operations centre's mail domain (another company's, abroad for every jurisdiction)."""

PARTNER_ACCOUNT_DECLARED: dict[str, Any] = {
    "id": "partner-operations-account", "kind": "resident", "match": f"arn:aws:iam::{PARTNER}:",
    "evidence": "the group's operations account in the same jurisdiction; SCP limits it to in-country Regions",
}  # fmt: skip
PARTNER_DOMAIN_DECLARED: dict[str, Any] = {
    "id": "noc-mail", "kind": "resident", "match": PARTNER_DOMAIN,
    "evidence": "operations centre's mail servers hosted in the jurisdiction under the DPA of 2026-03",
}  # fmt: skip
PARTNER_BUCKET = "fleet-partner-exports"
PARTNER_BUCKET_DECLARED: dict[str, Any] = {
    "id": "partner-exports", "kind": "resident", "match": PARTNER_BUCKET,
    "evidence": "bucket of the group's analytics account, created in the stack's Region (account SCP)",
}  # fmt: skip


def _part(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _arn(code: str, service: str, account: str, resource: str) -> str:
    return f"arn:{_part(code)}:{service}:{REGIONS[code]}:{account}:{resource}"


def _account(dest: str) -> str:
    return OWN if dest == "own" else PARTNER


def _beanstalk(c: Any, name: str, settings: list[Any]) -> object:
    """An Elastic Beanstalk application and environment (docs: elasticbeanstalk/environment) with ``settings``."""
    app = aws.elasticbeanstalk.Application(f"{name}-app", description="fleet portal", opts=c.aws)
    base: list[Any] = [
        {"namespace": "aws:autoscaling:launchconfiguration", "name": "IamInstanceProfile",
         "value": "aws-elasticbeanstalk-ec2-role"},
        {"namespace": "aws:elasticbeanstalk:environment", "name": "EnvironmentType", "value": "LoadBalanced"},
    ]  # fmt: skip
    return aws.elasticbeanstalk.Environment(
        name, application=app.name, solution_stack_name="64bit Amazon Linux 2023 v4.3.0 running Python 3.11",
        settings=[*base, *settings], opts=c.aws,
    )  # fmt: skip


def beanstalk_email(dest: str) -> Build:
    """Health and error notifications mailed to the operations centre (Elastic Beanstalk "Notification Endpoint":
    "an email address ... to receive emails from AWS when an error occurs, or when your environment's health
    changes"); ``own`` mails the team's address, whose domain no program proves either (refused until declared)."""

    def build(c: Any) -> object:
        address = f"alerts@{PARTNER_DOMAIN}"
        return _beanstalk(c, "portal-env", [
            {"namespace": "aws:elasticbeanstalk:sns:topics", "name": "Notification Protocol", "value": "email"},
            {"namespace": "aws:elasticbeanstalk:sns:topics", "name": "Notification Endpoint", "value": address},
        ])  # fmt: skip

    return build


def beanstalk_queue(code: str, dest: str) -> Build:
    """Notifications to an SQS queue (``Notification Protocol`` sqs, the queue's ARN as the endpoint)."""

    def build(c: Any) -> object:
        queue = _arn(code, "sqs", _account(dest), "fleet-portal-events")
        return _beanstalk(c, "portal-env", [
            {"namespace": "aws:elasticbeanstalk:sns:topics", "name": "Notification Protocol", "value": "sqs"},
            {"namespace": "aws:elasticbeanstalk:sns:topics", "name": "Notification Endpoint", "value": queue},
        ])  # fmt: skip

    return build


def beanstalk_topic(code: str, dest: str) -> Build:
    """Notifications sent to an existing topic (``Notification Topic ARN``): another account's, the pinned
    account's written out, or (``made``) the stack's own topic's ARN output."""

    def build(c: Any) -> object:
        topic: pulumi.Input[str]
        if dest == "made":
            topic = aws.sns.Topic("portal-events", opts=c.aws).arn
        else:
            topic = _arn(code, "sns", _account(dest), "fleet-portal-events")
        return _beanstalk(c, "portal-env", [
            {"namespace": "aws:elasticbeanstalk:sns:topics", "name": "Notification Topic ARN", "value": topic},
        ])  # fmt: skip

    return build


def beanstalk_env_bucket(dest: str) -> Build:
    """The application's export bucket as an environment property (``EXPORT_BUCKET``): a partner's bucket by name,
    or (``made``) the stack's own bucket's name output."""

    def build(c: Any) -> object:
        bucket: pulumi.Input[str] = aws.s3.Bucket("exports", opts=c.aws).bucket if dest == "made" else PARTNER_BUCKET
        return _beanstalk(c, "portal-env", [
            {"namespace": "aws:elasticbeanstalk:application:environment", "name": "EXPORT_BUCKET", "value": bucket},
            {"namespace": "aws:elasticbeanstalk:application:environment", "name": "LOG_LEVEL", "value": "info"},
        ])  # fmt: skip

    return build


def sms_event_destination(code: str, kind: str, dest: str) -> Build:
    """Delivery and opt-out events of an SMS configuration set (docs: pinpoint/smsvoicev2eventdestination) sent to a
    CloudWatch Logs group (``logs``) or a Firehose stream (``firehose``) of the partner's or the pinned account."""

    def build(c: Any) -> object:
        config = aws.pinpoint.Smsvoicev2ConfigurationSet("sms-config", opts=c.aws)
        role = _arn(code, "iam", OWN, "role/sms-events").replace(f":{REGIONS[code]}:", "::")
        target: dict[str, Any]
        if kind == "logs":
            target = {"cloudwatch_logs_destination": {
                "iam_role_arn": role, "log_group_arn": _arn(code, "logs", _account(dest), "log-group:/fleet/sms"),
            }}  # fmt: skip
        else:
            target = {"kinesis_firehose_destination": {
                "iam_role_arn": role,
                "delivery_stream_arn": _arn(code, "firehose", _account(dest), "deliverystream/fleet-sms"),
            }}  # fmt: skip
        return aws.pinpoint.Smsvoicev2EventDestination(
            "sms-events", configuration_set_name=config.name, event_destination_name="fleet-sms",
            matching_event_types=["TEXT_DELIVERED", "TEXT_BLOCKED"], **target, opts=c.aws,
        )  # fmt: skip

    return build


def mail_manager_mailbox(code: str, dest: str) -> Build:
    """Inbound mail of a Mail Manager rule set delivered to a WorkMail organization (docs: mailmanager/ruleset,
    ``deliver_to_mailbox``) of the partner's or the pinned account."""

    def build(c: Any) -> object:
        mailbox = _arn(code, "workmail", _account(dest), "organization/m-0123456789abcdef0123456789abcdef")
        role = f"arn:{_part(code)}:iam::{OWN}:role/mail-manager-delivery"
        return aws.mailmanager.RuleSet(
            "inbound-rules", name="fleet-inbound",
            rules=[{"name": "to-mailbox",
                    "actions": [{"deliver_to_mailbox": {"mailbox_arn": mailbox, "role_arn": role}}]}],
            opts=c.aws,
        )  # fmt: skip

    return build


def lambda_mail_to(dest: str) -> Build:
    """A report function mailing its daily report to ``MAIL_TO`` (a partner's address; declared in the twin)."""

    def build(c: Any) -> object:
        role = aws.iam.Role("report-role", assume_role_policy=_ROLE, opts=c.aws)
        return aws.lambda_.Function(
            "daily-report", role=role.arn, runtime="python3.12", handler="index.handler", code=_CODE,
            environment={"variables": {"MAIL_TO": f"reports@{PARTNER_DOMAIN}", "REPORT_HOUR": "6"}}, opts=c.aws,
        )  # fmt: skip

    return build


def eventbridge_sms(numbers: str, form: str = "CONSTANT") -> Build:
    """An on-call SMS rule (docs: eventbridge/rule, EventBridge "event target parameters"): an acs.sms target texts each
    matching event (its TemplateParam) to the numbers of the PhoneNumbers parameter, with the approved signature and
    template; ``form`` says whether the numbers are written (``CONSTANT``) or taken from the event (``JSONPATH``).
    Also the builder of the table's ``cn-eventbridge-sms-*`` programs."""

    def build(c: Any) -> object:
        bus = alicloud.eventbridge.EventBus("bus", event_bus_name="fleet", opts=c.ali)
        params: list[alicloud.eventbridge.RuleTargetParamListArgsDict] = [
            {"resource_key": "PhoneNumbers", "form": form, "value": numbers},
            {"resource_key": "SignName", "form": "CONSTANT", "value": "Fleet"},
            {"resource_key": "TemplateCode", "form": "CONSTANT", "value": "SMS_276480123"},
            {"resource_key": "TemplateParam", "form": "TEMPLATE", "value": json.dumps({"name": "$.data.name"}),
             "template": json.dumps({"name": "${name}"})},
        ]  # fmt: skip
        return alicloud.eventbridge.Rule(
            "sms-rule", event_bus_name=bus.event_bus_name, rule_name="sms-oncall",
            filter_pattern=json.dumps({"source": ["acs.ecs"], "type": ["ecs:Instance:StateChange"]}),
            targets=[{"target_id": "sms", "type": "acs.sms", "endpoint": "acs:sms:cn-shanghai:1234567890",
                      "param_lists": params}], opts=c.ali,
        )  # fmt: skip

    return build


def eventbridge_sms_from_event(form: str) -> Build:
    """The on-call SMS rule texting each event to ``PhoneNumbers`` taken from the event (``JSONPATH``,
    ``$.data.phone``) or written (``CONSTANT``, an in-country number)."""
    return eventbridge_sms("$.data.phone" if form == "JSONPATH" else "+8613800138000", form)


SMS_EXPRESSION_DECLARED: dict[str, Any] = {
    "id": "oncall-numbers", "kind": "resident", "match": "$.data.phone",
    "evidence": "events carry only the on-call rota's +86 numbers (HR system, mainland China)",
}  # fmt: skip


_ROLE = (
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},'
    ' "Action": "sts:AssumeRole"}]}'
)
_CODE = pulumi.AssetArchive({"index.py": pulumi.StringAsset("def handler(e, c):\n    return e\n")})


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    table: list[tuple[str, str, Build, set[str], list[dict[str, Any]]]] = []
    for code in CODES:
        c = code.lower()
        # Another account is refused outside CN (RES-023); every aws-cn account is China's by partition.
        account = {"RES-023"} if code != "CN" else set()
        # A bucket named by text only is unproven outside aws-cn (RES-017); in aws-cn every bucket is China's.
        bucket = {"RES-017"} if code != "CN" else set()
        mail = {"RES-015"}
        table += [
            (f"unjudged40-{c}-beanstalk-notify-email-partner", code, beanstalk_email("partner"), mail, []),
            (f"unjudged40-{c}-beanstalk-notify-email-declared", code, beanstalk_email("partner"), set(),
             [PARTNER_DOMAIN_DECLARED]),
            (f"unjudged40-{c}-beanstalk-notify-queue-partner", code, beanstalk_queue(code, "partner"), account, []),
            (f"unjudged40-{c}-beanstalk-notify-queue-own", code, beanstalk_queue(code, "own"), set(), []),
            (f"unjudged40-{c}-beanstalk-notify-topic-partner", code, beanstalk_topic(code, "partner"), account, []),
            (f"unjudged40-{c}-beanstalk-notify-topic-own", code, beanstalk_topic(code, "own"), set(), []),
            (f"unjudged40-{c}-beanstalk-notify-topic-made", code, beanstalk_topic(code, "made"), set(), []),
            (f"unjudged40-{c}-beanstalk-env-bucket-partner", code, beanstalk_env_bucket("partner"), bucket, []),
            (f"unjudged40-{c}-beanstalk-env-bucket-made", code, beanstalk_env_bucket("made"), set(), []),
            (f"unjudged40-{c}-mail-to-partner", code, lambda_mail_to("partner"), mail, []),
            (f"unjudged40-{c}-mail-to-declared", code, lambda_mail_to("partner"), set(), [PARTNER_DOMAIN_DECLARED]),
        ]  # fmt: skip
        for kind in ("logs", "firehose"):
            table += [
                (f"unjudged40-{c}-sms-events-{kind}-partner", code, sms_event_destination(code, kind, "partner"),
                 account, []),
                (f"unjudged40-{c}-sms-events-{kind}-own", code, sms_event_destination(code, kind, "own"), set(), []),
            ]  # fmt: skip
        if code != "CN":
            table += [
                (f"unjudged40-{c}-beanstalk-notify-topic-declared", code, beanstalk_topic(code, "partner"), set(),
                 [PARTNER_ACCOUNT_DECLARED]),
                (f"unjudged40-{c}-beanstalk-env-bucket-declared", code, beanstalk_env_bucket("partner"), set(),
                 [PARTNER_BUCKET_DECLARED]),
            ]  # fmt: skip
        if code in ("EU", "US"):  # Mail Manager and WorkMail Regions
            table += [
                (f"unjudged40-{c}-mail-manager-mailbox-partner", code, mail_manager_mailbox(code, "partner"),
                 account, []),
                (f"unjudged40-{c}-mail-manager-mailbox-own", code, mail_manager_mailbox(code, "own"), set(), []),
                (f"unjudged40-{c}-mail-manager-mailbox-declared", code, mail_manager_mailbox(code, "partner"), set(),
                 [PARTNER_ACCOUNT_DECLARED]),
            ]  # fmt: skip
    table += [
        ("unjudged40-cn-ali-sms-target-from-event", "CN", eventbridge_sms_from_event("JSONPATH"), {"RES-022"}, []),
        ("unjudged40-cn-ali-sms-target-from-event-declared", "CN", eventbridge_sms_from_event("JSONPATH"), set(),
         [SMS_EXPRESSION_DECLARED]),
        ("unjudged40-cn-ali-sms-target-constant", "CN", eventbridge_sms_from_event("CONSTANT"), set(), []),
    ]  # fmt: skip
    return table
