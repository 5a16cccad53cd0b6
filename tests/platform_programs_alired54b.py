"""Alibaba Cloud red team, round 12, part 2 (stop 54): the aliyun CLI's grants on an AWS machine; documents built from
variables and here-documents; OSS bucket policies given to ossutil as a file the script writes.

Reproduced on the unchanged engine (main 0bf4fb91, docs/residency.md "Alibaba Cloud red team, round 12, part 2 (stop
54)"): an EC2 instance's user data running ``aliyun ram CreateRole --AssumeRolePolicyDocument`` trusting a partner's
``acs:ram::<uid>:root`` or ``aliyun resourcesharing AssociateResourceShare --Targets.1 <partner>`` passed every door in
CN, JP and DE (the account and the document were read as the machine's cloud's, AWS's, which parses neither); a trust
policy assigned by ``POLICY=$(cat <<EOF ... EOF)`` over several lines and given as ``"$POLICY"`` passed (the
evaluator leaves the variable unfilled, and a policy value that is no JSON object was nothing), and so did a principal
``acs:ram::$HUB_UID:root`` whose variable no line sets. Pinned as they were (refused / passing on main): a document
written by a here-document (``cat > FILE <<EOF`` with ``acs:ram::$UID:root``) and read back by ``"$(cat FILE)"``, and
an OSS bucket policy written so and given to ``ossutil bucket-policy --method put oss://BUCKET FILE``.

Now an ``alicloud-account`` / ``alicloud-policy`` value is judged as the command's cloud's (``script_commands``
``cloud``) on any machine, a policy value left an unfilled variable and an ``acs:ram::$VAR`` principal fail closed
(RES-023, declared by the text), and a document read back from a here-document has the script's variables filled in.
The compliant twins: the team's UID (its Alibaba Cloud provider assumes a role of it), the partner declared by
``acs:ram::<uid>:``, the unfilled text declared.

Ids: ``alired54b-<code>-<ec2-role-trust|ec2-share-associate|heredoc-file-trust|oss-policy>-<own|partner|
partner-declared>``, ``alired54b-<code>-<substituted-heredoc-trust|unset-principal>[-declared]``.
tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import DEPLOYER, OWN_UID, PARTNER_UID, SUBNETS, Build, Row, account_rows, ali_boot

_IMAGE = "ami-0a1b2c3d4e5f60718"
_TRUST = {"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                         "Principal": {"RAM": ["acs:ram::@UID@:root"]}}], "Version": "1"}  # fmt: skip
"""A RAM trust policy (CreateRole ``AssumeRolePolicyDocument``'s example shape) trusting the account ``@UID@``."""


def _trust(uid: str) -> str:
    return json.dumps(_TRUST).replace("@UID@", uid)


_ATTACH = (
    "aliyun ram AttachPolicyToRole --PolicyType System --PolicyName AliyunOSSReadOnlyAccess --RoleName fleet-reader"
)
EC2_ROLE_TRUST = "aliyun ram CreateRole --RoleName fleet-reader --AssumeRolePolicyDocument '{document}'\n" + _ATTACH
"""The Alibaba Cloud CLI on an AWS machine (the group's EC2 automation host managing its Alibaba Cloud account): the
role and its trust policy are Alibaba Cloud's whatever machine calls."""
EC2_SHARE_ASSOCIATE = (
    "aliyun resourcesharing AssociateResourceShare --RegionId {region} --ResourceShareId rs-fleet01 \\\n"
    "  --Targets.1 {owner}"
)
"""A principal added to the stack's Alibaba Cloud resource share from an AWS machine (Resource Sharing
AssociateResourceShare ``Targets.N``)."""
HEREDOC_FILE_TRUST = (
    "UID={owner}\ncat > /tmp/trust.json <<EOF\n{document}\nEOF\n"
    'aliyun ram CreateRole --RoleName fleet-reader --AssumeRolePolicyDocument "$(cat /tmp/trust.json)"\n' + _ATTACH
)
"""The trust policy written by an unquoted here-document (bash(1) "Here Documents": parameter expansion applies to its
lines), the account in a variable, read back by a command substitution."""
SUBSTITUTED_HEREDOC_TRUST = (
    "UID={owner}\nPOLICY=$(cat <<EOF\n{document}\nEOF\n)\n"
    'aliyun ram CreateRole --RoleName fleet-reader --AssumeRolePolicyDocument "$POLICY"\n' + _ATTACH
)
"""The trust policy assigned from a here-document inside a command substitution over several lines: not computed, so
the value is an unfilled variable (fails closed until declared; the file form above is read)."""
UNSET_PRINCIPAL = 'aliyun ram CreateRole --RoleName fleet-reader --AssumeRolePolicyDocument "{document}"\n' + _ATTACH
"""A principal built from a variable no line sets (``acs:ram::$HUB_UID:root``, the document double-quoted so the shell
expands it from an environment no door sees)."""
_OSS_POLICY = {"Version": "1", "Statement": [{
    "Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Principal": ["@UID@"],
    "Resource": [f"acs:oss:*:{OWN_UID}:fleet-exports", f"acs:oss:*:{OWN_UID}:fleet-exports/*"]}]}  # fmt: skip
"""An OSS bucket policy (OSS "Bucket Policy" syntax: ``Principal`` a list of account / RAM user UIDs, ``Resource``
``acs:oss:*:<owner uid>:<bucket>/*``) granting read access to ``@UID@``."""
OSS_POLICY = (
    "cat > /tmp/policy.json <<'EOF'\n{document}\nEOF\n"
    "ossutil bucket-policy --method put oss://fleet-exports /tmp/policy.json"
)
"""ossutil 1.x ``bucket-policy --method put oss://bucket local_json_file`` with the file the script writes."""

UNSET_DECLARED: dict[str, Any] = {
    "id": "hub-role-env", "kind": "resident", "match": "acs:ram::$HUB_UID",
    "evidence": "the image's /etc/environment gives HUB_UID, the group's network hub; it stays in the market",
}  # fmt: skip
POLICY_DECLARED: dict[str, Any] = {
    "id": "reader-trust-env", "kind": "resident", "match": "$POLICY",
    "evidence": "the trust policy assigned above names the group's shared-services account, resident in the market",
}  # fmt: skip
PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-shared-services", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the group's shared-services account; its contract keeps its copies in the market's regions",
}  # fmt: skip
_REPLICATION_XML = (
    "<ReplicationConfiguration><Rule><Action>ALL</Action><Destination><Bucket>{bucket}</Bucket>"
    "<Location>oss-{region}</Location><TransferType>internal</TransferType></Destination>"
    "<HistoricalObjectReplication>enabled</HistoricalObjectReplication></Rule></ReplicationConfiguration>"
)
"""OSS PutBucketReplication's configuration (``Destination``: ``Bucket``, ``Location`` as ``oss-<region>``)."""
OSSUTIL_REPLICATION = (
    "cat > /tmp/replication.xml <<'EOF'\n" + _REPLICATION_XML + "\nEOF\n"
    "ossutil replication --method put oss://fleet-exports /tmp/replication.xml"
)
"""ossutil 1.x ``replication --method put oss://bucketname local_xml_file``, the file written by the script."""
OSSUTIL2_REPLICATION = (
    "ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "
    '\'{{"Rule":{{"Action":"ALL","Destination":{{"Bucket":"{bucket}","Location":"oss-{region}",\''
    '\'"TransferType":"internal"}}}}}}\''
)
"""ossutil 2.0 ``api put-bucket-replication --replication-configuration`` with inline JSON (its documented form)."""
OSSUTIL2_REPLICATION_UNWRITTEN = (
    "ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration file:///etc/fleet/dr.xml"
)
"""The configuration in a file the image holds (no line writes it): where the copies go is unknown."""
_REPLICATIONS = {"ossutil-replication": OSSUTIL_REPLICATION, "ossutil2-replication": OSSUTIL2_REPLICATION}
_REPLICAS = {"home": ("fleet-dr", set()), "abroad": ("fleet-dr", {"RES-009"}), "partner": ("partner-dr", {"RES-017"})}
_HOME = {"CN": "cn-north-1", "JP": "ap-northeast-1", "DE": "eu-central-1"}
_ALI_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
CODES = ("CN", "JP", "DE")


def _ec2(line: str) -> Any:
    def make(code: str, who: str) -> Build:
        owner = OWN_UID if who == "own" else PARTNER_UID

        def build(c: Any) -> object:
            c.ali_role = DEPLOYER  # the team's Alibaba Cloud account is the stack's own (its provider assumes a role)
            alicloud.oss.Bucket("exports", bucket="fleet-exports", opts=c.ali)
            script = line.format(document=_trust(owner), owner=owner, region=_ALI_HOME[code])
            # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
            return aws.ec2.Instance("automation", ami=_IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                    user_data="#!/bin/bash\n" + script + "\n", opts=c.aws)  # fmt: skip

        return build

    return make


def _ecs(line: str, document: Any = _trust) -> Any:
    def make(code: str, who: str) -> Build:
        owner = OWN_UID if who == "own" else PARTNER_UID

        def build(c: Any) -> object:
            c.ali_role = DEPLOYER
            alicloud.oss.Bucket("exports", bucket="fleet-exports", opts=c.ali)
            text = document("$UID") if "UID=" in line else document(owner)
            return ali_boot(c, "#!/bin/bash\n" + line.format(document=text, owner=owner) + "\n")

        return build

    return make


def _replication(line: str, code: str, shape: str) -> Build:
    bucket, _ = _REPLICAS[shape]
    region = "ap-southeast-1" if shape == "abroad" else _ALI_HOME[code]

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        alicloud.oss.Bucket("exports", bucket="fleet-exports", opts=c.ali)
        alicloud.oss.Bucket("dr", bucket="fleet-dr", opts=c.ali)
        return ali_boot(c, "#!/bin/bash\n" + line.format(bucket=bucket, region=region) + "\n")

    return build


def _oss_policy(uid: str) -> str:
    return json.dumps(_OSS_POLICY).replace("@UID@", uid)


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out = account_rows("alired54b", {"ec2-role-trust": _ec2(EC2_ROLE_TRUST),
                                     "ec2-share-associate": _ec2(EC2_SHARE_ASSOCIATE),
                                     "heredoc-file-trust": _ecs(HEREDOC_FILE_TRUST),
                                     "oss-policy": _ecs(OSS_POLICY, _oss_policy)},
                       CODES, PARTNER_DECLARED)  # fmt: skip
    unset = _ecs(UNSET_PRINCIPAL, lambda _: _trust("$HUB_UID").replace('"', '\\"'))
    for code in CODES:
        c = code.lower()
        out += [
            (f"alired54b-{c}-substituted-heredoc-trust", code, _ecs(SUBSTITUTED_HEREDOC_TRUST)(code, "partner"),
             {"RES-023"}, []),
            (f"alired54b-{c}-substituted-heredoc-trust-declared", code,
             _ecs(SUBSTITUTED_HEREDOC_TRUST)(code, "own"), set(), [POLICY_DECLARED]),
            (f"alired54b-{c}-unset-principal", code, unset(code, "own"), {"RES-023"}, []),
            (f"alired54b-{c}-unset-principal-declared", code, unset(code, "own"), set(), [UNSET_DECLARED]),
        ]  # fmt: skip
        out += [
            (f"alired54b-{c}-{kind}-{shape}", code, _replication(line, code, shape), rules, [])
            for kind, line in _REPLICATIONS.items()
            for shape, (_, rules) in _REPLICAS.items()
        ]  # fmt: skip
        out.append((f"alired54b-{c}-ossutil2-replication-unwritten", code,
                    _replication(OSSUTIL2_REPLICATION_UNWRITTEN, code, "home"), {"RES-011"}, []))  # fmt: skip
    return out
