"""An organization's delivery-only grant (stop 48, issue 9: the lead's decision).

inbound47 (stop 47) made a statement letting another ACCOUNT only deliver into the stack's queue, topic, bus or stream
(``delivery_actions``) grant nothing out, and left an ORGANIZATION's (``aws:PrincipalOrgID`` / ``PrincipalOrgPaths``,
``cloudwatch.EventPermission``'s organisation condition) refused whatever its actions: orgkeys42's decision. Reproduced
on main (1fd7240): each ``*-org`` shape below that only delivers was RES-023 outside CN at
``...Condition.StringEquals.aws:PrincipalOrgID`` while the same statement naming one partner account passed. Since
this stop an organization a delivery-only statement reaches is judged as such a statement's accounts are: it may only
hand data in. An organization allowed a read stays RES-023 until declared (its accounts can be anywhere).

``shape`` (the organization o-a1b2c3d4e5 is not declared; in CN an aws-cn organization's accounts are China's by
partition, so nothing is refused there):

- pass: ``sqs-send-org`` (SendMessage, aws:PrincipalOrgID), ``sns-publish-org-paths`` (Publish,
  aws:PrincipalOrgPaths), ``kinesis-put-org`` (the producer's four actions), ``sqs-send-perimeter`` (Allow ``*``
  SendMessage with a Deny unless aws:PrincipalOrgID: the data-perimeter shape);
- RES-023 outside CN: ``sqs-receive-org`` (ReceiveMessage: the organization reads the queue), ``sns-subscribe-org``
  (the topic then sends to the subscriber), ``sqs-receive-perimeter`` (the perimeter shape allowing a read),
  ``kinesis-read-org``.

tests/test_realistic_programs.py runs them as CASES (``orgdelivery48-*``).
"""

from __future__ import annotations

import json
from typing import Any

import platform_programs_inbound47 as inbound47

Build = inbound47.Build
Row = inbound47.Row

CODES = ("CN", "DE", "EU", "JP", "US")
ORG = inbound47.ORG
"""An organization the stack does not declare."""

_ORG_ID = {"StringEquals": {"aws:PrincipalOrgID": ORG}}
_ORG_PATHS = {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": [f"{ORG}/r-ab12/ou-ab12-11111111/*"]}}
_KINESIS_PUT = ["kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:PutRecord", "kinesis:PutRecords"]
_KINESIS_READ = ["kinesis:DescribeStreamSummary", "kinesis:GetShardIterator", "kinesis:GetRecords"]
STATEMENTS: dict[str, tuple[Any, dict[str, Any]]] = {
    "sqs-send-org": ("sqs:SendMessage", _ORG_ID),
    "sns-publish-org-paths": ("sns:Publish", _ORG_PATHS),
    "kinesis-put-org": (_KINESIS_PUT, _ORG_ID),
    "sqs-receive-org": (["sqs:ReceiveMessage", "sqs:DeleteMessage"], _ORG_ID),
    "sns-subscribe-org": (["sns:Publish", "sns:Subscribe"], _ORG_ID),
    "kinesis-read-org": (_KINESIS_READ, _ORG_ID),
}
"""Each ``*-org`` shape's ``Action`` and ``Condition`` on a statement to ``*``."""
PERIMETER = {"sqs-send-perimeter": "sqs:SendMessage", "sqs-receive-perimeter": "sqs:ReceiveMessage"}
"""Each perimeter shape's action: Allow ``*`` it, and Deny ``*`` it unless the caller is of the organization."""
PASSES = ("sqs-send-org", "sns-publish-org-paths", "kinesis-put-org", "sqs-send-perimeter")
SHAPES = (*STATEMENTS, *PERIMETER)


def document(shape: str) -> str:
    """The resource policy (``Resource: "*"``: the resource the policy is attached to)."""
    if shape in PERIMETER:
        action = PERIMETER[shape]
        return json.dumps({"Version": "2012-10-17", "Statement": [
            {"Sid": "Org", "Effect": "Allow", "Principal": "*", "Action": action, "Resource": "*"},
            {"Sid": "Perimeter", "Effect": "Deny", "Principal": "*", "Action": action, "Resource": "*",
             "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": ORG}}}]})  # fmt: skip
    action, condition = STATEMENTS[shape]
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": "Org", "Effect": "Allow", "Principal": "*", "Action": action, "Resource": "*",
         "Condition": condition}]})  # fmt: skip


def expected(code: str, shape: str) -> set[str]:
    return set() if shape in PASSES or code == "CN" else {"RES-023"}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"orgdelivery48-{c.lower()}-{shape}", c, inbound47.program(c, shape, document(shape)), expected(c, shape), [])
        for c in CODES
        for shape in SHAPES
    ]
