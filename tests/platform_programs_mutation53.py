"""Mutation search, round 22: a script variable's default word and a ``for`` loop's words (stop 53, issue 9:
mutation53).

Round 22 made mutants where the engine grew in stop 52 (the template twins' accounts and Regions, StackSet instances,
the Alibaba Cloud CLI's named options, Compose / Kubernetes service names, command substitutions and the files a script
writes and reads); the script mutants were made as one-line probes of ``RuleEngine`` on EC2 / ECS user data. Reproduced
first on the unchanged engine (main 45eea1d): a Region or host written as a shell variable's **default word**
(``--region "${DR_REGION:-eu-west-2}"``, ``DR_REGION="${DR_REGION:-eu-west-2}"`` then ``$DR_REGION``, ``export
AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-eu-west-2}``, ``curl "https://${INTAKE_HOST:-<partner>}/v1"``, the aliyun
CLI's ``--CrossBackupRegion ${BACKUP_REGION:-cn-hongkong}``) and a ``for`` loop's words (``for region in eu-central-1
eu-west-2; do aws ... --region "$region"; done``, an array's ``"${DR_REGIONS[@]}"``, ``for h in ...; do curl
https://$h/...``) **passed** every door in every jurisdiction: the script reader took ``${NAME:-word}`` for no value
and a loop's variable for an unset one. A boot script runs with no such variable set (cloud-init's environment), so
the word is the value, and a loop runs its body once for each word. The ``-partner`` / ``-abroad`` programs are now
RES-009 (a Region) or RES-015 (a host) at the guard, the plan, the pack and both reviews; the ``-own`` / ``-home``
twins pass, and ``-partner-declared`` passes with the intake declared (docs/residency.md "Mutation search, round 22
(stop 53)").

``kind`` and ``where`` / ``who``:

- ``snapshot-copy-default`` (AWS EU / DE / US / JP / CN): a nightly EBS snapshot copy whose destination Region is
  ``"${DR_REGION:-<region>}"`` (``-home``: the stack's Region, passes; ``-abroad``: the jurisdiction's neighbour).
- ``snapshot-copy-assigned-default`` (AWS): the same, the default taken once into a variable
  (``DR_REGION="${DR_REGION:-<region>}"``, the idiom of the AWS CLI's examples) and used as ``"$DR_REGION"``.
- ``snapshot-copy-loop`` (AWS): the copy run for each Region of a ``for`` loop (``-home``: two Regions of the
  jurisdiction, ``AWS_SECOND``; ``-abroad``: the stack's and the neighbour).
- ``snapshot-copy-array`` (AWS): the same loop over an array's items (``DR_REGIONS=(...)``, ``for region in
  "${DR_REGIONS[@]}"``; bash(1) "Arrays").
- ``intake-default`` (AWS, ``-own`` / ``-partner`` / ``-partner-declared``): events posted to
  ``https://${INTAKE_HOST:-<host>}/v1/events`` (the team's collector inside the VPC, or the partner's intake).
- ``ali-cross-backup-default`` (Alibaba Cloud CN / JP / DE): an RDS cross-Region backup policy set with the aliyun
  CLI, ``--CrossBackupRegion "${BACKUP_REGION:-<region>}"`` (``-home``: a Region of the market, ``-abroad``: Hong Kong,
  Seoul, London).

tests/test_realistic_programs.py runs them as CASES (``mutation53-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, PARTNER_INTAKE, SUBNETS, Build, Row, account_rows, ali_boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the Alibaba Cloud programs run in (``ALI_HOME``)."""
AWS_NEIGHBOUR = {"EU": "eu-west-2", "DE": "eu-west-1", "US": "ca-central-1", "JP": "ap-northeast-2", "CN": "ap-east-1"}
"""An AWS Region just outside each jurisdiction (London, Ireland, Canada, Seoul, Hong Kong): the ``-abroad`` Region."""
ALI_NEIGHBOUR = {"CN": "cn-hongkong", "JP": "ap-northeast-2", "DE": "eu-west-1"}
"""An Alibaba Cloud Region just outside each market (Hong Kong, Seoul, London: ``eu-west-1`` on Alibaba Cloud)."""
ALI_SECOND = {"CN": "cn-beijing", "JP": "ap-northeast-1", "DE": "eu-central-1"}
"""A Region of the market for the ``-home`` backups (Beijing beside Shanghai; one Region in Tokyo and Frankfurt)."""
AWS_SECOND = {
    "EU": "eu-central-1", "DE": "eu-central-1", "US": "us-west-2", "JP": "ap-northeast-3", "CN": "cn-northwest-1",
}  # fmt: skip
"""A second Region of each jurisdiction for the ``-home`` loops (Germany has one: Frankfurt twice over)."""
OWN_COLLECTOR = "10.20.1.15"
"""The team's event collector inside the VPC (a private address: in-network)."""
PARTNER_DECLARED: dict[str, Any] = {
    "id": "analytics-intake", "kind": "resident", "match": PARTNER_INTAKE,
    "evidence": "the analytics vendor's in-market intake; its contract keeps the data in the market",
}  # fmt: skip
"""The partner's intake, declared: the ``-partner-declared`` programs pass."""
SNAPSHOT = "snap-0a1b2c3d4e5f60718"


def _copy(code: str, region: str) -> str:
    # aws ec2 copy-snapshot: "--source-region: The ID of the Region that contains the snapshot to be copied"; the
    # copy is made in the Region the call goes to (--region).
    return (f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id {SNAPSHOT} "
            f"--description nightly-dr --region {region}")  # fmt: skip


def _region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_NEIGHBOUR[code]


def snapshot_copy_default(code: str, where: str) -> str:
    default = f'"${{DR_REGION:-{_region(code, where)}}}"'
    return f"#!/bin/bash\nset -euo pipefail\n{_copy(code, default)}\n"


def snapshot_copy_assigned_default(code: str, where: str) -> str:
    taken = f'DR_REGION="${{DR_REGION:-{_region(code, where)}}}"'
    copy = _copy(code, '"$DR_REGION"')
    return f"#!/bin/bash\nset -euo pipefail\n{taken}\n{copy}\n"


def snapshot_copy_loop(code: str, where: str) -> str:
    regions = f"{AWS_HOME[code]} {AWS_SECOND[code] if where == 'home' else AWS_NEIGHBOUR[code]}"
    each = _copy(code, '"$region"')
    return f"#!/bin/bash\nset -euo pipefail\nfor region in {regions}; do\n  {each}\ndone\n"


def snapshot_copy_array(code: str, where: str) -> str:
    regions = f"{AWS_HOME[code]} {AWS_SECOND[code] if where == 'home' else AWS_NEIGHBOUR[code]}"
    each = _copy(code, '"$region"')
    return (f"#!/bin/bash\nset -euo pipefail\nDR_REGIONS=({regions})\n"
            f'for region in "${{DR_REGIONS[@]}}"; do\n  {each}\ndone\n')  # fmt: skip


def intake_default(code: str, who: str) -> str:
    host = OWN_COLLECTOR if who == "own" else PARTNER_INTAKE
    return (f"#!/bin/bash\nset -euo pipefail\ncurl -fsS -X POST \"https://${{INTAKE_HOST:-{host}}}/v1/events\" "
            "--data-binary @/var/log/fleet/events.json\n")  # fmt: skip


def ali_cross_backup_default(code: str, where: str) -> str:
    region = ALI_SECOND[code] if where == "home" else ALI_NEIGHBOUR[code]
    # RDS ModifyInstanceCrossBackupPolicy: CrossBackupRegion, "The ID of the region in which the cross-region backup
    # files of the instance are stored".
    return (f"#!/bin/bash\nset -euo pipefail\naliyun rds ModifyInstanceCrossBackupPolicy --RegionId {ALI_HOME[code]} "
            f'--DBInstanceId rm-fleet01 --CrossBackupType 1 --BackupEnabled 1 '
            f'--CrossBackupRegion "${{BACKUP_REGION:-{region}}}"\n')  # fmt: skip


def _aws_machine(script: Callable[[str, str], str]) -> Callable[[str, str], Build]:
    # docs: ec2/instance (user_data: "User data to provide when launching the instance").
    def make(code: str, variant: str) -> Build:
        def build(c: Any) -> object:
            return aws.ec2.Instance(
                "dr", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0],
                user_data=script(code, variant), opts=c.aws,
            )  # fmt: skip

        return build

    return make


def _ali_machine(code: str, where: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return ali_boot(c, ali_cross_backup_default(code, where))

    return build


HOME_ABROAD: dict[str, tuple[Callable[[str, str], str], set[str]]] = {
    "snapshot-copy-default": (snapshot_copy_default, {"RES-009"}),
    "snapshot-copy-assigned-default": (snapshot_copy_assigned_default, {"RES-009"}),
    "snapshot-copy-loop": (snapshot_copy_loop, {"RES-009"}),
    "snapshot-copy-array": (snapshot_copy_array, {"RES-009"}),
}
"""The AWS home / abroad kinds and the rules refusing their ``-abroad`` programs."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for kind, (script, rules) in HOME_ABROAD.items():
        make = _aws_machine(script)
        out += [(f"mutation53-{code.lower()}-{kind}-{where}", code, make(code, where),
                 set(rules) if where == "abroad" else set(), [])
                for code in AWS_CODES for where in ("home", "abroad")]  # fmt: skip
    out += account_rows("mutation53", {"intake-default": _aws_machine(intake_default)}, AWS_CODES, PARTNER_DECLARED,
                        frozenset({"RES-015"}))  # fmt: skip
    out += [(f"mutation53-{code.lower()}-ali-cross-backup-default-{where}", code, _ali_machine(code, where),
             {"RES-009"} if where == "abroad" else set(), [])
            for code in ALI_CODES for where in ("home", "abroad")]  # fmt: skip
    return out
