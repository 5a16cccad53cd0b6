"""Programs of the Alibaba role fields review (stop 41): role fields whose role the account RECEIVING the data makes.

ActionTrail delivers a trail's events into another account when the trail names a role of that account: the
destination account creates "a RAM role for which ActionTrail is selected as the trusted service. The ActionTrail
service within source accounts must assume this role to write events to the destination account" (ActionTrail
"Deliver events across Alibaba Cloud accounts"; pulumi-alicloud 4.0.0 actiontrail/trail ``oss_write_role_arn``,
``sls_write_role_arn``). SLS ships a Logstore to another account's OSS bucket with a write role "the OSS Bucket owner
creates" (pulumi-alicloud log/ossexport ``role_arn``; SLS "Access data by using a default role", "Ship data across
Alibaba Cloud accounts"). Until stop 41 the engine read these role ARNs as identities only: a trail or an export
writing into a partner's in-country bucket that the stack declared (by its name, as the RES-017 message asks) passed
every front door although the partner's account received the data; the stop-40 rule judges the account of a written
destination named by ARN or UID (RES-023), and a role field of the receiving account names that account as surely.

``who``: ``own`` (the team's bucket, made by the stack, and the team's own role; the provider assumes the team's
deployment role, which proves the account: passes), ``partner`` (the partner's central audit bucket, declared by name
as resident, and the partner's role: RES-023 at the role field), ``partner-declared`` (the partner's UID declared too:
passes). tests/test_realistic_programs.py runs them as CASES (``alirole41-*``) in CN and JP.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud

Build = Callable[[Any], object]

OWN = "1234567890123456"
"""The team's Alibaba Cloud account (the mocks' account, whose deployment role the provider assumes)."""
PARTNER = "5555666677778888"
"""The group's central audit account, which no provider of the stack assumes a role of."""
DEPLOYER = f"acs:ram::{OWN}:role/sovereign-deployer"
HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1"}
WHO = ("own", "partner", "partner-declared")
KINDS = ("trail-oss", "trail-sls", "sls-oss-export")
PARTNER_BUCKET = "group-central-audit"


def _bucket_declared(code: str) -> dict[str, Any]:
    return {
        "id": "central-audit-bucket", "kind": "resident", "match": f"{PARTNER_BUCKET}-{HOME[code]}",
        "evidence": f"the group's central audit bucket, created in {HOME[code]}",
    }  # fmt: skip


PARTNER_DECLARED: dict[str, Any] = {
    "id": "central-audit-account", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's central audit account; its contract keeps the audit data in the market's Region",
}  # fmt: skip


def destinations(code: str, kind: str, who: str) -> list[dict[str, Any]]:
    """The stack's declarations: the partner's bucket by name (an OSS destination is judged by its global name,
    RES-017), the partner's SLS project by ARN, and for ``partner-declared`` the partner's account."""
    if who == "own":
        return []
    project = {
        "id": "central-audit-project", "kind": "resident",
        "match": f"acs:log:{HOME[code]}:{PARTNER}:project/group-central-audit",
        "evidence": f"the group's central audit project in {HOME[code]}",
    }  # fmt: skip
    place = project if kind == "trail-sls" else _bucket_declared(code)
    return [place, PARTNER_DECLARED] if who == "partner-declared" else [place]


def expected(who: str) -> set[str]:
    return {"RES-023"} if who == "partner" else set()


def _role(who: str, name: str) -> str:
    return f"acs:ram::{OWN if who == 'own' else PARTNER}:role/{name}"


def program(code: str, kind: str, who: str) -> Build:
    # docs: actiontrail/trail (trail_name, event_rw, trail_region, oss_bucket_name, oss_key_prefix, oss_write_role_arn;
    # sls_project_arn `acs:log:<region>:<uid>:project/<name>`, sls_write_role_arn), log/ossexport (project_name,
    # logstore_name, export_name, bucket, prefix, buffer_interval, buffer_size, compress_type, content_type,
    # path_format, time_zone, role_arn "the OSS Bucket owner creates the role"); oss/bucket, log/project, log/store.
    region = HOME[code]

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER  # the provider deploys as the team's role: the own account is proven
        bucket: Any = f"{PARTNER_BUCKET}-{region}"
        if who == "own" and kind != "trail-sls":
            bucket = alicloud.oss.Bucket("audit", bucket=f"fleet-audit-{region}", opts=c.ali).bucket
        if kind == "trail-oss":
            return alicloud.actiontrail.Trail(
                "fleet-audit", trail_name="fleet-audit", event_rw="All", trail_region="All", oss_bucket_name=bucket,
                oss_key_prefix="actiontrail", oss_write_role_arn=_role(who, "actiontrail-delivery"), opts=c.ali,
            )  # fmt: skip
        if kind == "trail-sls":
            if who == "own":
                project = alicloud.log.Project("audit", project_name=f"fleet-audit-{region}", opts=c.ali)
                arn: Any = project.project_name.apply(lambda p: f"acs:log:{region}:{OWN}:project/{p}")
            else:
                arn = f"acs:log:{region}:{PARTNER}:project/group-central-audit"
            return alicloud.actiontrail.Trail(
                "fleet-audit", trail_name="fleet-audit", event_rw="All", trail_region="All", sls_project_arn=arn,
                sls_write_role_arn=_role(who, "actiontrail-delivery"), opts=c.ali,
            )  # fmt: skip
        project = alicloud.log.Project("vehicle-logs", project_name=f"fleet-vehicle-logs-{region}", opts=c.ali)
        store = alicloud.log.Store(
            "tcu", project_name=project.project_name, logstore_name="tcu", retention_period=30, opts=c.ali
        )
        return alicloud.log.OssExport(
            "tcu-archive", project_name=project.project_name, logstore_name=store.logstore_name,
            export_name="tcu-archive", display_name="tcu-archive", bucket=bucket, prefix="tcu", suffix=".json",
            buffer_interval=300, buffer_size=256, compress_type="snappy", content_type="json",
            path_format="%Y/%m/%d/%H/%M", time_zone="+0800", role_arn=_role(who, "aliyunlogdefaultrole"), opts=c.ali,
        )  # fmt: skip

    return build


def rows() -> list[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rules, destinations) of every program."""
    return [
        (f"alirole41-{code.lower()}-{kind}-{who}", code, program(code, kind, who), expected(who),
         destinations(code, kind, who))
        for code in HOME
        for kind in KINDS
        for who in WHO
    ]  # fmt: skip
