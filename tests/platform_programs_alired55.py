"""Alibaba Cloud red team, round 13 (stop 55): OSS replication and bucket policies given to the aliyun CLI, read back
by ``"$(cat FILE)"`` or from a file no line writes; BP Studio and Compute Nest in ROS; cross-Region Pulumi inputs not
yet in the table.

Reproduced on the unchanged engine (main a7fee677, docs/residency.md "Alibaba Cloud red team, round 13 (stop 55)"):
OSS replication configured through the Alibaba Cloud CLI's ossutil commands (``aliyun oss replication --method put
oss://BUCKET FILE``, ossutil 1.x's command; ``aliyun ossutil api put-bucket-replication``, ossutil 2.0's) to another
Region abroad or to a partner's bucket passed every door in CN, JP and DE (no command entry read ``aliyun oss`` /
``aliyun ossutil``); so did ossutil 2.0's ``--replication-configuration "$(cat FILE)"`` of the file the script wrote,
and a configuration read from a file no line writes through either. A bucket policy given inline to ossutil 2.0 (``api
put-bucket-policy --body '<JSON>'``) granting a partner's account passed, and so did one read from a file no line
writes (``aliyun oss bucket-policy --method put oss://BUCKET /etc/fleet/policy.json``). ROS ``ALIYUN::BPStudio::
Application`` and ``ALIYUN::ComputeNest::ServiceInstance`` passed in JP and DE where their Pulumi twins are RES-016.
Pinned as they were: a bucket policy written by a here-document and given to ``aliyun oss bucket-policy`` (the written
file's reading), a policy read back (``--method get``) to a local file, and three cross-Region Pulumi inputs (CEN
``BandwidthLimit`` ``region_ids``, RDS ``DdrInstance`` ``source_region``, ECS ``EcsImagePipeline`` ``to_region_ids``).

Now ``aliyun oss`` / ``aliyun ossutil`` lead to the ossutil entries, a configuration or policy is read inline, from the
file the script writes (``file://``, an operand, ``"$(cat FILE)"``) or fails closed when no line writes it (RES-011
for a replication's Region, RES-023 for a policy's grantees, each declared by the text), ossutil 1.x's file operand
is read only with ``--method put``, and the two ROS types are judged as their Pulumi twins.

Ids: ``alired55-<code>-<aliyun-oss|aliyun-ossutil|ossutil2-cat>-replication-<home|abroad|partner>``,
``alired55-<code>-<aliyun-oss|ossutil2-cat>-replication-unwritten[-declared]``, ``alired55-<code>-<aliyun-oss|
ossutil2|aliyun-ossutil>-policy-<own|partner|partner-declared>``, ``alired55-<code>-oss-policy-unwritten[-declared]``,
``alired55-<code>-oss-policy-get``, ``alired55-<code>-ros-<bpstudio-application|computenest-service-instance>``,
``alired55-jp-ros-<...>-declared``, ``alired55-<code>-<cen-bandwidth-limit|rds-ddr|image-pipeline>-<home|abroad>``.
tests/test_realistic_programs.py runs them as CASES.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_alicloud as alicloud
from platform_parts import DEPLOYER, OWN_UID, PARTNER_UID, Build, Row, account_rows, ali_boot
from platform_programs_alired53 import ros

CODES = ("CN", "JP", "DE")
_HOME = {"CN": "cn-shanghai", "JP": "ap-northeast-1", "DE": "eu-central-1"}
_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "ap-southeast-1"}

_REPLICATION_XML = (
    "<ReplicationConfiguration><Rule><Action>ALL</Action><Destination><Bucket>{bucket}</Bucket>"
    "<Location>oss-{region}</Location><TransferType>internal</TransferType></Destination>"
    "<HistoricalObjectReplication>enabled</HistoricalObjectReplication></Rule></ReplicationConfiguration>"
)
"""OSS PutBucketReplication's configuration (``Destination``: ``Bucket``, ``Location`` as ``oss-<region>``)."""
_WRITE_XML = "cat > /tmp/replication.xml <<'EOF'\n" + _REPLICATION_XML + "\nEOF\n"
ALIYUN_OSS_REPLICATION = _WRITE_XML + "aliyun oss replication --method put oss://fleet-exports /tmp/replication.xml"
"""The Alibaba Cloud CLI's ossutil 1.x-compatible commands (``aliyun oss <command>``: ``replication --method put
oss://bucketname local_xml_file``), the file written by the script."""
ALIYUN_OSSUTIL_REPLICATION = (
    "aliyun ossutil api put-bucket-replication --bucket fleet-exports --replication-configuration "
    '\'{{"Rule":{{"Action":"ALL","Destination":{{"Bucket":"{bucket}","Location":"oss-{region}",\''
    '\'"TransferType":"internal"}}}}}}\''
)
"""ossutil 2.0 as the Alibaba Cloud CLI runs it (``aliyun ossutil``, CLI 3.3.3 and later), inline JSON."""
OSSUTIL2_CAT_REPLICATION = _WRITE_XML + (
    "ossutil api put-bucket-replication --bucket fleet-exports "
    '--replication-configuration "$(cat /tmp/replication.xml)"'
)
"""ossutil 2.0 given the file the script wrote through a command substitution."""
_REPLICATIONS = {"aliyun-oss-replication": ALIYUN_OSS_REPLICATION,
                 "aliyun-ossutil-replication": ALIYUN_OSSUTIL_REPLICATION,
                 "ossutil2-cat-replication": OSSUTIL2_CAT_REPLICATION}  # fmt: skip
_REPLICAS = {"home": ("fleet-dr", set()), "abroad": ("fleet-dr", {"RES-009"}), "partner": ("partner-dr", {"RES-017"})}
_UNWRITTEN = {
    "aliyun-oss-replication": "aliyun oss replication --method put oss://fleet-exports /etc/fleet/replication.xml",
    "ossutil2-cat-replication": (
        "ossutil api put-bucket-replication --bucket fleet-exports "
        '--replication-configuration "$(cat /etc/fleet/replication.xml)"'
    ),
}
"""A configuration in a file the image holds (no line writes it): where the copies go is unknown."""
_UNWRITTEN_TEXT = {"aliyun-oss-replication": "/etc/fleet/replication.xml",
                   "ossutil2-cat-replication": "$(cat /etc/fleet/replication.xml)"}  # fmt: skip


def _declared(match: str, evidence: str) -> dict[str, Any]:
    return {"id": "fleet-dr-config", "kind": "resident", "match": match, "evidence": evidence}


_OSS_POLICY = {"Version": "1", "Statement": [{
    "Effect": "Allow", "Action": ["oss:GetObject", "oss:ListObjects"], "Principal": ["@UID@"],
    "Resource": [f"acs:oss:*:{OWN_UID}:fleet-exports", f"acs:oss:*:{OWN_UID}:fleet-exports/*"]}]}  # fmt: skip
"""An OSS bucket policy (``Principal`` a list of account UIDs, ``Resource`` ``acs:oss:*:<owner uid>:<bucket>/*``)
granting read access to ``@UID@``."""


def _oss_policy(uid: str) -> str:
    return json.dumps(_OSS_POLICY, separators=(",", ":")).replace("@UID@", uid)


ALIYUN_OSS_POLICY = (
    "cat > /tmp/policy.json <<'EOF'\n{document}\nEOF\n"
    "aliyun oss bucket-policy --method put oss://fleet-exports /tmp/policy.json"
)
"""ossutil 1.x ``bucket-policy --method put oss://bucketname local_json_file`` through the Alibaba Cloud CLI."""
OSSUTIL2_POLICY = "ossutil api put-bucket-policy --bucket fleet-exports --body '{document}'"
"""ossutil 2.0 ``api put-bucket-policy --bucket <value> --body <value>`` ("The bucket policy as a JSON document")."""
ALIYUN_OSSUTIL_POLICY = "aliyun " + OSSUTIL2_POLICY
POLICY_UNWRITTEN = "aliyun oss bucket-policy --method put oss://fleet-exports /etc/fleet/policy.json"
"""A bucket policy from a file the image holds: whom it grants is unknown."""
POLICY_GET = "ossutil bucket-policy --method get oss://fleet-exports /tmp/current-policy.json"
"""ossutil 1.x saving the bucket's policy to a local file (``--method get oss://bucketname [local_file]``): reads."""
PARTNER_DECLARED: dict[str, Any] = {
    "id": "group-shared-services", "kind": "resident", "match": f"acs:ram::{PARTNER_UID}:",
    "evidence": "the group's shared-services account; its contract keeps its copies in the market's regions",
}  # fmt: skip

BPSTUDIO_APPLICATION = {"Type": "ALIYUN::BPStudio::Application", "Properties": {
    "ApplicationName": "fleet-portal", "TemplateId": "YAUUQIYRSV1CMFGX",
    "ImageUrl": "https://fleet-exports.oss-@REGION@.aliyuncs.com/bp/arch.png",
    "TopoUrl": "https://fleet-exports.oss-@REGION@.aliyuncs.com/bp/topo.json"}}  # fmt: skip
"""ROS ALIYUN::BPStudio::Application (ApplicationName, TemplateId, ImageUrl, TopoUrl): an application in BP Studio,
its topology file in the stack's own bucket (``@REGION@``: the stack's Region)."""
COMPUTENEST_SERVICE_INSTANCE = {"Type": "ALIYUN::ComputeNest::ServiceInstance", "Properties": {
    "ServiceInstanceName": "fleet-grafana", "Service": {"ServiceId": "service-0e6fca6a51a54420****", "Version": "1"},
    "Parameters": {"NodeCount": 3, "InstancePassword": "Fleet-Passw0rd"}}}  # fmt: skip
"""ROS ALIYUN::ComputeNest::ServiceInstance (Service, Parameters: "the parameters of the user's instance
deployment")."""
TEMPLATES: dict[str, tuple[dict[str, Any], str]] = {
    "bpstudio-application": (BPSTUDIO_APPLICATION, "alicloud-bpstudio-hub-region"),
    "computenest-service-instance": (COMPUTENEST_SERVICE_INSTANCE, "alicloud-compute-nest-hub-region"),
}


def _service_declared(service: str) -> dict[str, Any]:
    """The hub service declared as a transfer by its catalogue entry's id (the ``-declared`` programs)."""
    return {"id": "architecture-tools", "kind": "transfer", "match": service, "destination": "SG",
            "data_classes": ["audit_logs"], "basis": "documented-assessment", "reference": "JP-2026-055",
            "approved_by": "dpo", "expires": "2027-12-31"}  # fmt: skip


def _ros(code: str, kind: str) -> Build:
    resource = json.loads(json.dumps(TEMPLATES[kind][0]).replace("@REGION@", _HOME[code]))
    return ros(kind, resource)


def _script(line: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER  # the team's account is the stack's own (its provider assumes a role of it)
        alicloud.oss.Bucket("exports", bucket="fleet-exports", opts=c.ali)
        alicloud.oss.Bucket("dr", bucket="fleet-dr", opts=c.ali)
        return ali_boot(c, "#!/bin/bash\n" + line + "\n")

    return build


def _policy(line: str) -> Any:
    def make(code: str, who: str) -> Build:
        return _script(line.format(document=_oss_policy(OWN_UID if who == "own" else PARTNER_UID)))

    return make


def _bandwidth_limit(code: str, where: str) -> Build:
    regions = [_HOME[code], "cn-beijing" if where == "home" else _ABROAD[code]]

    def build(c: Any) -> object:
        cen = alicloud.cen.Instance("fleet", cen_instance_name="fleet", opts=c.ali)
        # docs: cen/bandwidthlimit (instance_id, region_ids: "List of the two regions to interconnect")
        return alicloud.cen.BandwidthLimit("fleet", instance_id=cen.id, region_ids=regions, bandwidth_limit=4,
                                           opts=c.ali)  # fmt: skip

    return build


def _ddr(code: str, where: str) -> Build:
    source = _HOME[code] if where == "home" else _ABROAD[code]

    def build(c: Any) -> object:
        # docs: rds/ddrinstance (restore_type BackupSet, source_region: "The region ID of the source instance")
        return alicloud.rds.DdrInstance("restored", engine="MySQL", engine_version="8.0",
                                        instance_type="mysql.n2.medium.1", instance_storage=40,
                                        payment_type="PayAsYouGo", vswitch_id="vsw-fleet0001",
                                        restore_type="BackupSet", backup_set_id="1140356",
                                        source_region=source, source_db_instance_name="rm-fleet0001",
                                        opts=c.ali)  # fmt: skip

    return build


def _image_pipeline(code: str, where: str) -> Build:
    targets = [_HOME[code]] if where == "home" else [_HOME[code], _ABROAD[code]]

    def build(c: Any) -> object:
        # docs: ecs/ecsimagepipeline (to_region_ids: "The ID of the region to which you want to distribute the image")
        return alicloud.ecs.EcsImagePipeline("golden", base_image_type="IMAGE", base_image="m-fleetbase0001",
                                             build_content="RUN yum update -y", vswitch_id="vsw-fleet0001",
                                             to_region_ids=targets, opts=c.ali)  # fmt: skip

    return build


def rows() -> list[Row]:
    """Every program of the round: (id, jurisdiction, build, expected rule ids, declared destinations)."""
    out: list[Row] = []
    for code in CODES:
        c = code.lower()
        for kind, line in _REPLICATIONS.items():
            for shape, (bucket, rules) in _REPLICAS.items():
                region = _ABROAD[code] if shape == "abroad" else _HOME[code]
                out.append((f"alired55-{c}-{kind}-{shape}", code, _script(line.format(bucket=bucket, region=region)),
                            set(rules), []))  # fmt: skip
        for kind, line in _UNWRITTEN.items():
            declared = _declared(_UNWRITTEN_TEXT[kind], "the image's DR configuration copies to the market's regions")
            out += [(f"alired55-{c}-{kind}-unwritten", code, _script(line), {"RES-011"}, []),
                    (f"alired55-{c}-{kind}-unwritten-declared", code, _script(line), set(), [declared])]  # fmt: skip
        policy_declared = _declared("/etc/fleet/policy.json", "the image's bucket policy grants the team's own account")
        out += [
            (f"alired55-{c}-oss-policy-unwritten", code, _script(POLICY_UNWRITTEN), {"RES-023"}, []),
            (f"alired55-{c}-oss-policy-unwritten-declared", code, _script(POLICY_UNWRITTEN), set(), [policy_declared]),
            (f"alired55-{c}-oss-policy-get", code, _script(POLICY_GET), set(), []),
        ]  # fmt: skip
        for kind in TEMPLATES:
            out.append((f"alired55-{c}-ros-{kind}", code, _ros(code, kind), set() if code == "CN" else {"RES-016"},
                        []))  # fmt: skip
        for kind, make in {"rds-ddr": _ddr, "image-pipeline": _image_pipeline}.items():
            out += [(f"alired55-{c}-{kind}-home", code, make(code, "home"), set(), []),
                    (f"alired55-{c}-{kind}-abroad", code, make(code, "abroad"), {"RES-009"}, [])]  # fmt: skip
    out += account_rows("alired55", {"aliyun-oss-policy": _policy(ALIYUN_OSS_POLICY),
                                     "ossutil2-policy": _policy(OSSUTIL2_POLICY),
                                     "aliyun-ossutil-policy": _policy(ALIYUN_OSSUTIL_POLICY)},
                        CODES, PARTNER_DECLARED)  # fmt: skip
    for kind, (_, service) in TEMPLATES.items():
        out.append((f"alired55-jp-ros-{kind}-declared", "JP", _ros("JP", kind), set(), [_service_declared(service)]))
    out += [(f"alired55-cn-cen-bandwidth-limit-{where}", "CN", _bandwidth_limit("CN", where), rules, [])
            for where, rules in (("home", set()), ("abroad", {"RES-009"}))]  # fmt: skip
    out.append(("alired55-jp-cen-bandwidth-limit-abroad", "JP", _bandwidth_limit("JP", "abroad"), {"RES-009"}, []))
    return out
