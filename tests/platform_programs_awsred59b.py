"""AWS red team, round 36, part 2 (stop 59): a RAM share naming the template's own data resource by ``Fn::GetAtt``.

Reproduced on the unchanged engine (main a15e0128), each program a ``cloudformation.Stack`` (provider pinned to the
team's account) beside its Pulumi twin, EU / DE / US / JP / CN: an ``AWS::RAM::ResourceShare`` whose ``ResourceArns``
names the template's own data resource by ``Fn::GetAtt`` (an ``AWS::Backup::LogicallyAirGappedBackupVault``'s
``VaultArn``, an ``AWS::Backup::BackupVault``'s ``BackupVaultArn``, an ``AWS::RDS::DBCluster``'s ``DBClusterArn``)
shared with a partner's account **passed every door** while the Pulumi twin (``ram.ResourceAssociation``
``resource_arn`` = the vault's or cluster's ``arn`` output) was RES-016 (``aws-ram-data-share``): the reference was
never turned into the ARN it gives (12 leaks). The stack's own advanced SSM parameter shared by ``Fn::Sub
arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Owned}`` passed too (4 leaks): the account stays
``${AWS::AccountId}``, which the entry's ``[^:]*`` account part did not match. See docs/residency.md *AWS red team,
round 36, part 2 (stop 59)* for the counts.

Now: ``template_attributes`` ``arn`` (the ARN an attribute gives, the logical id in its name) turns a mapped template
input's whole ``Ref`` / ``Fn::GetAtt`` of the template's own resource into that ARN, judged as the Pulumi input; the
SSM parameter and feature group patterns of ``aws-ram-data-share`` read the own-account placeholder as an account.

Ids ``awsred59b-<code>-<how>-ram-<kind>-share-<who>``: ``how`` ``cfn`` (the template) or ``pulumi`` (the Pulumi
resources of the same API calls); ``kind`` the shared resource (``subnet``: the home twin, used in place: passes);
``who`` ``partner`` (RES-016 outside CN, passes in aws-cn) or ``partner-declared`` (the catalogue id: passes).
tests/test_realistic_programs.py runs them as CASES (``awsred59b-*``).
"""

from __future__ import annotations

from typing import Any

import pulumi_aws as aws
from platform_parts import Build, Row

# The same accounts, template helpers and declaration as round 36 (one fact, one place).
from platform_programs_awsred51 import CODES, _stack
from platform_programs_awsred58 import PARTNER_ACCOUNT
from platform_programs_awsred59 import RAM_DECLARED

# The template's own resource shared, and the Fn::GetAtt that gives its ARN (each type's "Return values").
_OWNED: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    # docs: AWS::EC2::Subnet (Ref: the subnet id; the share takes its ARN, so an Fn::Sub): the home twin.
    "subnet": (
        {
            "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.41.0.0/16"}},
            "Owned": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.41.1.0/24"}},
        },
        {"Fn::Sub": "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:subnet/${Owned}"},
    ),
    # docs: AWS::Backup::LogicallyAirGappedBackupVault BackupVaultName, MinRetentionDays, MaxRetentionDays;
    # Fn::GetAtt VaultArn ("The ARN of the vault"). Logically air-gapped vaults are shared through RAM.
    "airgapped-vault": (
        {
            "Owned": {
                "Type": "AWS::Backup::LogicallyAirGappedBackupVault",
                "Properties": {"BackupVaultName": "claims-airgapped", "MinRetentionDays": 7, "MaxRetentionDays": 35},
            }
        },
        {"Fn::GetAtt": ["Owned", "VaultArn"]},
    ),
    # docs: AWS::Backup::BackupVault BackupVaultName; Fn::GetAtt BackupVaultArn.
    "backup-vault": (
        {"Owned": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "claims-vault"}}},
        {"Fn::GetAtt": ["Owned", "BackupVaultArn"]},
    ),
    # docs: AWS::RDS::DBCluster Engine aurora-postgresql; Fn::GetAtt DBClusterArn (Aurora clones across accounts
    # are shared through RAM).
    "aurora-cluster": (
        {
            "Owned": {
                "Type": "AWS::RDS::DBCluster",
                "Properties": {
                    "Engine": "aurora-postgresql",
                    "MasterUsername": "claims",
                    "ManageMasterUserPassword": True,
                },
            }
        },
        {"Fn::GetAtt": ["Owned", "DBClusterArn"]},
    ),
    # docs: AWS::SSM::Parameter Name, Type String, Tier Advanced (an advanced parameter is shareable through RAM),
    # Value; its Ref is the name, so the share takes its ARN by Fn::Sub with the own account.
    "ssm-parameter": (
        {
            "Owned": {
                "Type": "AWS::SSM::Parameter",
                "Properties": {"Name": "claims-db", "Type": "String", "Tier": "Advanced", "Value": "claims"},
            }
        },
        {"Fn::Sub": "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Owned}"},
    ),
}


def _cfn_share(kind: str) -> Build:
    # docs: AWS::RAM::ResourceShare Name, AllowExternalPrincipals, ResourceArns, Principals.
    owned, reference = _OWNED[kind]
    return _stack(f"claims-{kind}-share", {**owned, "Share": {"Type": "AWS::RAM::ResourceShare", "Properties": {
        "Name": f"claims-{kind}", "AllowExternalPrincipals": True, "ResourceArns": [reference],
        "Principals": [PARTNER_ACCOUNT]}}})  # fmt: skip


def _pulumi_share(kind: str) -> Build:
    # docs: ram/resourceshare, ram/resourceassociation (resource_arn), ram/principalassociation (principal);
    # backup/logicallyairgappedbackupvault (name, min/max_retention_days), backup/vault (name), rds/cluster (engine).
    def build(c: Any) -> object:
        share = aws.ram.ResourceShare(f"claims-{kind}", name=f"claims-{kind}", allow_external_principals=True,
                                      opts=c.aws)  # fmt: skip
        owned: Any
        if kind == "subnet":
            vpc = aws.ec2.Vpc("claims", cidr_block="10.41.0.0/16", opts=c.aws)
            owned = aws.ec2.Subnet("claims-a", vpc_id=vpc.id, cidr_block="10.41.1.0/24", opts=c.aws).arn
        elif kind == "airgapped-vault":
            owned = aws.backup.LogicallyAirGappedVault("claims-airgapped", name="claims-airgapped",
                                                       min_retention_days=7, max_retention_days=35,
                                                       opts=c.aws).arn  # fmt: skip
        elif kind == "ssm-parameter":
            owned = aws.ssm.Parameter("claims-db", name="claims-db", type="String", tier="Advanced", value="claims",
                                      opts=c.aws).arn  # fmt: skip
        elif kind == "backup-vault":
            owned = aws.backup.Vault("claims-vault", name="claims-vault", opts=c.aws).arn
        else:
            owned = aws.rds.Cluster("claims", engine="aurora-postgresql", master_username="claims",
                                    manage_master_user_password=True, skip_final_snapshot=True,
                                    opts=c.aws).arn  # fmt: skip
        aws.ram.ResourceAssociation(f"claims-{kind}", resource_arn=owned, resource_share_arn=share.arn, opts=c.aws)
        return aws.ram.PrincipalAssociation(f"claims-{kind}-partner", principal=PARTNER_ACCOUNT,
                                            resource_share_arn=share.arn, opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for code in CODES:
        abroad = code != "CN"  # aws-cn lies wholly in CN: aws-ram-data-share allows the partition
        for kind in _OWNED:
            for how, make in (("cfn", _cfn_share), ("pulumi", _pulumi_share)):
                whos = ("partner",) if kind == "subnet" else ("partner", "partner-declared")
                out += [
                    (f"awsred59b-{code.lower()}-{how}-ram-{kind}-share-{who}", code, make(kind),
                     {"RES-016"} if who == "partner" and abroad and kind != "subnet" else set(),
                     [RAM_DECLARED] if who == "partner-declared" else [])
                    for who in whos
                ]  # fmt: skip
    return out
