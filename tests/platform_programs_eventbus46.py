"""Event bus policies inside templates (stop 46, issue 9: eventbus46).

An ``AWS::Events::EventBusPolicy`` has two forms. Its legacy form (``Principal``, ``Action: events:PutEvents``,
``Condition``) is EventBridge PutPermission's own parameters, the Pulumi ``aws.cloudwatch.EventPermission``
(``principal``, ``action``, ``condition``); its ``Statement`` form is a policy statement, as the Pulumi
``aws.cloudwatch.EventBusPolicy`` ``policy``. On the unchanged engine (main, 4466671) the legacy form disagreed with
its Pulumi twin both ways: ``Principal: "*"`` without ``Condition`` passed (the Pulumi twin RES-024); a partner's
account as ``Principal`` was RES-023 (read as a policy principal; the Pulumi twin passes: a PutEvents grant lets the
partner write into our bus); and ``*`` with an undeclared organisation's ``Condition`` passed outside CN (the Pulumi
twin RES-023 at ``condition.value``). The ``Statement`` form already agreed with the Pulumi EventBusPolicy (pinned
here).

``shape``:

- ``cfn-legacy-open`` / ``pulumi-permission-open``: ``*`` with no condition: RES-024 in every jurisdiction.
- ``cfn-legacy-org`` / ``pulumi-permission-org``: ``*`` limited to an organisation not declared: RES-023 outside CN
  in stops 46 and 47 (an aws-cn organisation's accounts are China's by partition); passes since stop 48 (the lead's
  decision, docs/residency.md "An organization's delivery-only grant (stop 48)": PutPermission only lets the
  organisation put events into the bus, as a partner's account).
- ``cfn-legacy-org-declared``: the organisation declared: passes.
- ``cfn-legacy-partner`` / ``pulumi-permission-partner``: a partner's account may put events on our bus: passes.
- ``cfn-legacy-own``: the pinned account, on a named bus (``EventBusName``): passes.
- ``cfn-statement-partner-putevents`` / ``pulumi-policy-partner-putevents``: the same PutEvents grant written as a
  statement: RES-023 outside CN in stop 46 (every resource-policy principal of another account was, whatever its
  actions: the Pulumi EventBusPolicy's verdict, pinned; docs/residency.md "Event bus policies inside templates (stop
  46)"); passes since stop 47 (inbound47: a PutEvents-only statement may only deliver into the bus, as the legacy form
  and ``EventPermission``; docs/residency.md "Action-aware resource-policy grants (stop 47)").
- ``cfn-statement-partner-rules``: a partner may put rules and targets on our bus (route our events to its targets):
  RES-023 outside CN.
- ``cfn-statement-open``: a statement to ``*``: RES-024 everywhere.
- ``cfn-statement-own``: a statement to the pinned account's root: passes.

tests/test_realistic_programs.py runs them as CASES (``eventbus46-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws

Build = Callable[[Any], object]
Row = tuple[str, str, Build, set[str], list[dict[str, Any]]]

PARTNER = "444455556666"
OWN = "123456789012"  # the table's provider is pinned to it (allowed_account_ids)
ORG = "o-a1b2c3d4e5"
CODES = ("EU", "US", "JP", "CN")
ORG_DECLARED: dict[str, Any] = {
    "id": "fleet-organisation", "kind": "resident", "match": ORG,
    "evidence": "the organisation's member accounts are all in the jurisdiction (Organizations console export)",
}  # fmt: skip
OPEN = ("cfn-legacy-open", "pulumi-permission-open", "cfn-statement-open")
PARTNER_GRANTS = ("cfn-statement-partner-putevents", "pulumi-policy-partner-putevents",
                  "cfn-statement-partner-rules")  # fmt: skip
COMPLIANT = ("cfn-legacy-org", "pulumi-permission-org", "cfn-legacy-org-declared", "cfn-legacy-partner",
             "pulumi-permission-partner", "cfn-legacy-own", "cfn-statement-own")  # fmt: skip
SHAPES = OPEN + PARTNER_GRANTS + COMPLIANT
CONDITION = {"Type": "StringEquals", "Key": "aws:PrincipalOrgID", "Value": ORG}


def expected(code: str, shape: str) -> set[str]:
    if shape in OPEN:
        return {"RES-024"}
    if shape.endswith("-partner-putevents"):
        return set()  # delivery-only since stop 47 (inbound47): RES-023 outside CN in stop 46
    return {"RES-023"} if shape in PARTNER_GRANTS and code != "CN" else set()


def _partition(code: str) -> str:
    return "aws-cn" if code == "CN" else "aws"


def _statement(code: str, shape: str) -> dict[str, Any]:
    principal: Any = {"AWS": f"arn:{_partition(code)}:iam::{PARTNER}:root"}
    action: Any = "events:PutEvents"
    if shape.endswith("-open"):
        principal = "*"
    elif shape.endswith("-own"):
        principal = {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}}
    elif shape.endswith("-rules"):
        action = ["events:PutRule", "events:PutTargets", "events:DeleteRule", "events:RemoveTargets"]
    bus = {"Fn::GetAtt": ["FleetBus", "Arn"]}
    return {"Sid": "fleet-partner", "Effect": "Allow", "Principal": principal, "Action": action, "Resource": bus}


def _template_policy(code: str, shape: str) -> dict[str, Any]:
    props: dict[str, Any] = {"EventBusName": {"Ref": "FleetBus"}, "StatementId": "fleet-partner"}
    if shape.startswith("cfn-statement-"):
        props["Statement"] = _statement(code, shape)
        return props
    props["Action"] = "events:PutEvents"
    principal = {"cfn-legacy-partner": PARTNER, "cfn-legacy-own": OWN}.get(shape, "*")
    props["Principal"] = principal
    if shape.startswith("cfn-legacy-org"):
        props["Condition"] = CONDITION
    return props


def _template(code: str, shape: str) -> Build:
    resources = {
        "FleetBus": {"Type": "AWS::Events::EventBus", "Properties": {"Name": "fleet-events"}},
        "FleetBusPolicy": {"Type": "AWS::Events::EventBusPolicy", "Properties": _template_policy(code, shape)},
    }
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources})

    def build(c: Any) -> object:
        return aws.cloudformation.Stack("fleet-bus", template_body=document, opts=c.aws)

    return build


def _pulumi(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        bus = aws.cloudwatch.EventBus("fleet-bus", name="fleet-events", opts=c.aws)
        if shape == "pulumi-policy-partner-putevents":
            statement = {
                "Sid": "fleet-partner", "Effect": "Allow", "Action": "events:PutEvents",
                "Principal": {"AWS": f"arn:{_partition(code)}:iam::{PARTNER}:root"},
            }  # fmt: skip
            policy = bus.arn.apply(
                lambda arn: json.dumps({"Version": "2012-10-17", "Statement": [{**statement, "Resource": arn}]})
            )
            return aws.cloudwatch.EventBusPolicy("fleet-bus-policy", event_bus_name=bus.name, policy=policy, opts=c.aws)
        condition = None
        if shape == "pulumi-permission-org":
            condition = aws.cloudwatch.EventPermissionConditionArgs(
                key="aws:PrincipalOrgID", type="StringEquals", value=ORG
            )
        principal = PARTNER if shape == "pulumi-permission-partner" else "*"
        return aws.cloudwatch.EventPermission(
            "fleet-partner", principal=principal, statement_id="fleet-partner", action="events:PutEvents",
            event_bus_name=bus.name, condition=condition, opts=c.aws,
        )  # fmt: skip

    return build


def program(code: str, shape: str) -> Build:
    return _pulumi(code, shape) if shape.startswith("pulumi-") else _template(code, shape)


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in CODES:
        for shape in SHAPES:
            declared = [ORG_DECLARED] if shape == "cfn-legacy-org-declared" else []
            build, ids = program(code, shape), expected(code, shape)
            out.append((f"eventbus46-{code.lower()}-{shape}", code, build, ids, declared))
    return out
