"""SLS ETL sinks' and Scheduled SQL's write roles name the receiving account (stop 46, issue 9).

An SLS data transformation job writes into each sink's Logstore as the sink's ``role_arn``; across accounts that role is
made in the DESTINATION account ("Role B must have the write permissions on the destination Logstores ... you must
modify the trust policy of Role B within Alibaba Cloud Account 2 to allow Alibaba Cloud Account 1 to assume Role B", SLS
"Scenario 3: Use custom roles to transfer data across different Alibaba Cloud accounts", doc-detail/448356). A
Scheduled SQL job's ``dest_role_arn`` is the same: "If the source and destination Logstores do not belong to the same
Alibaba Cloud account", role-b is made in Account B (SLS "Grant a RAM role the permissions to access Logstores across
Alibaba Cloud accounts"). So the role ARN's UID names the account that receives the logs, judged as every written
destination's account is since stop 41 (``written_account_fields``, RES-023): a partner's role passed at every front
door until stop 46 (reproduced with one-value checks and these programs on ``main`` at 35d8768).

``kind``: ``log-etl`` (``alicloud.log.Etl`` ``etl_sinks[].role_arn``), ``sls-etl`` (``alicloud.sls.Etl``
``configuration.sinks[].role_arn``), ``scheduled-sql`` (``alicloud.sls.ScheduledSql``
``scheduled_sql_configuration.dest_role_arn``). ``who``:

- ``partner``: a partner's role ARN written out, the provider assuming the team's deployment role: RES-023;
- ``own-role``: the role made by the program (``alicloud.ram.Role``, trusted by ``log.aliyuncs.com``) passed as
  ``role.arn``, the provider assuming no role: passes (``made_account_arns``, stop 42);
- ``own-pinned``: the team's role ARN written out, the provider assuming the team's deployment role: passes;
- ``own-unpinned``: the team's role ARN written out under a provider assuming no role: RES-023 (what users notice:
  nothing ties that UID to the credentials; the fix is either of the two above);
- ``partner-declared``: the partner's account declared (``acs:ram::<uid>:``): passes.

The read roles (``log.Etl`` / ``sls.Etl`` job ``role_arn``, Scheduled SQL ``role_arn``: the source side) stay the
team's own text everywhere: they are not judged as an account (the source Logstore is the stack's).
tests/test_realistic_programs.py runs them as CASES (``etlrole46-*``) in CN, JP and DE, with the pinned twin of the
registry's Scheduled SQL example (falsealarm23, which writes the registry's own UID and is refused since stop 46).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import platform_programs_falsealarm23 as fa23
import platform_programs_falsealarm25 as fa25
import pulumi
import pulumi_alicloud as alicloud

Build = Callable[[Any], object]

OWN = "1234567890123456"
"""The team's Alibaba Cloud account (the mocks' account, whose deployment role the pinned provider assumes)."""
PARTNER = "5555666677778888"
"""A partner's account (the group's central logging account), which no provider of the stack assumes a role of."""
DEPLOYER = f"acs:ram::{OWN}:role/sovereign-deployer"
HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
KINDS = ("log-etl", "sls-etl", "scheduled-sql")
WHO = ("partner", "own-role", "own-pinned", "own-unpinned", "partner-declared")

LOG_TRUST = json.dumps({
    "Version": "1",
    "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": ["log.aliyuncs.com"]}}],
})  # fmt: skip
PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-central-logs", "kind": "resident", "match": f"acs:ram::{PARTNER}:",
    "evidence": "the group's central logging account; its contract keeps its projects in the market's regions",
}  # fmt: skip


def expected(who: str) -> set[str]:
    return {"RES-023"} if who in ("partner", "own-unpinned") else set()


def program(code: str, kind: str, who: str) -> Build:
    # docs: log/etl (etl_sinks: name, endpoint, project, logstore, role_arn "Sts role info under delivery target
    # logstore"), sls/etl (configuration.sinks[].role_arn "The ARN of the role authorized to write to the destination
    # Logstore"), sls/scheduledsql (scheduled_sql_configuration.dest_role_arn "Destination write role ARN", role_arn
    # "Source read role ARN"), ram/role (role_name, assume_role_policy_document; output arn), log/project, log/store.
    region = HOME[code]
    pinned = who in ("partner", "own-pinned", "partner-declared")

    def build(c: Any) -> object:
        role_args = alicloud.ProviderAssumeRoleArgs(role_arn=DEPLOYER, session_name="ci") if pinned else None
        opts = pulumi.ResourceOptions(provider=alicloud.Provider("team", region=region, assume_role=role_args))
        reader = f"acs:ram::{OWN}:role/fleet-log-reader"
        writer: Any = f"acs:ram::{PARTNER if who.startswith('partner') else OWN}:role/fleet-log-writer"
        if who == "own-role":
            role = alicloud.ram.Role(
                "log-writer", role_name=f"fleet-log-writer-{region}", assume_role_policy_document=LOG_TRUST,
                description="SLS writes the redacted trip logs as this role", opts=opts,
            )  # fmt: skip
            writer = role.arn
        project = alicloud.log.Project("trips", project_name=f"fleet-trips-{region}", opts=opts)
        store = alicloud.log.Store("raw", project_name=project.project_name, logstore_name="raw", opts=opts)
        endpoint = f"{region}-intranet.log.aliyuncs.com"
        central = f"fleet-central-{region}"
        if kind == "log-etl":
            return alicloud.log.Etl(
                "redact", etl_name="redact", display_name="redact VINs", project=project.project_name,
                logstore=store.logstore_name, script="e_set('vin', str_slice(v('vin'), 0, 8))", role_arn=reader,
                etl_sinks=[{"name": "central", "endpoint": endpoint, "project": central, "logstore": "trips",
                            "role_arn": writer}],
                opts=opts,
            )  # fmt: skip
        if kind == "sls-etl":
            return alicloud.sls.Etl(
                "redact", project=project.project_name, job_name="redact", display_name="redact VINs",
                configuration={"logstore": store.logstore_name, "role_arn": reader, "lang": "SPL",
                               "script": "* | extend vin=substr(vin, 1, 8)", "from_time": 0, "to_time": 0,
                               "sinks": [{"name": "central", "endpoint": endpoint, "project": central,
                                          "logstore": "trips", "role_arn": writer, "datasets": ["__UNNAMED__"]}]},
                opts=opts,
            )  # fmt: skip
        return alicloud.sls.ScheduledSql(
            "hourly", scheduled_sql_name="fleet-hourly", display_name="hourly trips", project=project.project_name,
            schedule={"type": "FixedRate", "interval": "60m"},
            scheduled_sql_configuration={
                "script": "* | select count(*) as trips", "sql_type": "searchQuery", "resource_pool": "enhanced",
                "source_logstore": store.logstore_name, "dest_project": central, "dest_logstore": "hourly",
                "dest_endpoint": endpoint, "data_format": "log2log", "role_arn": reader, "dest_role_arn": writer,
                "from_time_expr": "@m-1h", "to_time_expr": "@m", "max_run_time_in_seconds": 1800, "max_retries": 5},
            opts=opts,
        )  # fmt: skip

    return build


SCHEDULED_SQL_EXAMPLE = "alicloud.sls.ScheduledSql"
"""The registry's Scheduled SQL example (tests/fixtures/registry_examples_falsealarm23.yaml), whose read and write
roles are the registry's own account's (1395894005868720): refused since stop 46 (falsealarm23 ``REFUSED``)."""
_REGISTRY_UID = (("1395894005868720", OWN),)


def rows() -> Iterator[tuple[str, str, Build, set[str], list[dict[str, Any]]]]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    for code in HOME:
        for kind in KINDS:
            for who in WHO:
                declared = [PARTNER_DECLARED] if who == "partner-declared" else []
                yield f"etlrole46-{code.lower()}-{kind}-{who}", code, program(code, kind, who), expected(who), declared
    for code in ("CN", "US"):
        # The registry example with the team's UID for the registry's, under a provider assuming the team's deployment
        # role: the user's one-line fix of the example's refusal (falsealarm23-sls-scheduledsql-<code>).
        pinned = fa25.example_of(fa23.EXAMPLES, SCHEDULED_SQL_EXAMPLE, code, _REGISTRY_UID, pinned=True)
        name = f"etlrole46-falsealarm23-{fa23.slug(SCHEDULED_SQL_EXAMPLE)}-{code.lower()}-pinned"
        yield name, code, pinned, set(), []
