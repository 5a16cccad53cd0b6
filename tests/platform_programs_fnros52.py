"""Template functions, round 4: ROS Fn::Jq, Fn::ListMerge, Fn::MergeMapToList, conditions, CloudFormation
Fn::FindInMap's DefaultValue and Fn::ForEach, and the DocumentDB / Neptune / ElastiCache global members of a template
(stop 52, issue 9).

Reproduced first on the unchanged engine (main faa992a, ``RuleEngine(code).check`` of each template, then these
programs through every door on a copy of main's ``components``): a ROS ``DestinationRegionId`` computed by
``Fn::Jq`` from a JSON text naming a Region abroad passed (``ros-copy-jq-abroad``), as did one picked from an
``Fn::ListMerge`` of written lists (``ros-copy-listmerge-abroad``); one picked from an ``Fn::MergeMapToList`` was
RES-009 only because each literal inside was judged (``ros-copy-mergemaptolist-abroad``; a map holding a Region abroad
that is never picked would be refused alike). ``Fn::If`` over a condition was judged as both branches: a disaster-
recovery Region abroad behind a condition the stack's Parameter turns off was RES-009, a false alarm
(``ros-copy-if-condition-home``, ``replica-if-condition-home``). A CloudFormation ``Fn::FindInMap`` with a
``DefaultValue`` was RES-011 wherever the map lacked the stack's row, at home too (``replica-findinmap-default-home``,
a false alarm). A global table replica written through an ``Fn::ForEach`` loop's ``Ref`` of its identifier passed
abroad (``replica-foreach-abroad``). A template ``AWS::DocDB::DBCluster`` / ``AWS::Neptune::DBCluster`` joining a
partner's global cluster and an ``AWS::ElastiCache::ReplicationGroup`` joining a partner's Global datastore passed
(``cfn-{docdb,neptune,elasticache}-member-partner``; the Pulumi twins are RES-017).

Since stop 52 the one evaluation (engine ``_evaluated_functions``) reads those functions, conditions and loops, and the
catalogue maps the members' group fields (``endpoints.yaml`` ``stack_templates``).

``kind`` (AWS: EU, DE, US, JP, CN; ROS: CN, JP, DE): ``-home`` passes, ``-abroad`` refused (RES-009); the member
families ``-own`` (passes), ``-partner`` (RES-017 outside CN: aws-cn lies wholly in CN) and ``-partner-declared``
(passes).

tests/test_realistic_programs.py runs them as CASES (``fnros52-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, WHO, Build, Row, home_abroad_rows, ros_stack

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the ROS programs run in (the table's Alibaba Cloud provider Region, ``ALI_HOME``)."""
AWS_AWAY = {"EU": "us-east-1", "DE": "eu-west-1", "US": "eu-west-1", "JP": "ap-southeast-1", "CN": "ap-east-1"}
"""An AWS Region outside each jurisdiction (``eu-west-1`` is Ireland, outside DE; ``ap-east-1`` Hong Kong)."""
ALI_AWAY = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1"}
"""An Alibaba Cloud Region outside each market (``cn-hongkong`` is outside mainland China; ``eu-west-1`` London)."""
PARTNER_GLOBAL = "partner-orders-global"
"""A partner's global cluster / Global datastore, which no resource of the stack makes."""
GLOBAL_DECLARED: dict[str, Any] = {
    "id": "partner-orders-global", "kind": "resident", "match": PARTNER_GLOBAL,
    "evidence": "the partner's global database; its contract keeps every member in the market's Regions",
}  # fmt: skip
"""The declaration accepting the partner's global group (``-partner-declared``)."""
LANGUAGE_EXTENSIONS = "AWS::LanguageExtensions"
"""The transform giving CloudFormation ``Fn::ForEach`` ("replicates a template snippet for each item")."""


def _aws_region(code: str, where: str) -> str:
    return AWS_HOME[code] if where == "home" else AWS_AWAY[code]


def _ali_region(code: str, where: str) -> str:
    return ALI_HOME[code] if where == "home" else ALI_AWAY[code]


def _cfn(name: str, resources: dict[str, Any], parameters: dict[str, str] | None = None, **top: Any) -> Build:
    document = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", **top, "Resources": resources})

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body, parameters: "A map of Parameter structures that specify input
        # parameters for the stack")
        return aws.cloudformation.Stack(name, name=name, template_body=document, parameters=parameters, opts=c.aws)

    return build


def _table(replicas: list[Any]) -> dict[str, Any]:
    # AWS::DynamoDB::GlobalTable Replicas[].Region ("The region in which this replica exists").
    return {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "Replicas": replicas}}  # fmt: skip


def _second(code: str, where: str) -> list[Any]:
    # At home the one replica is the stack's own Region; abroad a second replica is added.
    return [] if where == "home" else [{"Region": {"Ref": "AWS::Region"}}]


def replica_findinmap_default(code: str, where: str) -> Build:
    # Fn::FindInMap [map, !Ref AWS::Region, key, {DefaultValue: ...}]: the map has rows for other Regions only, so the
    # DefaultValue is what the stack reads ("The value that Fn::FindInMap will resolve to if the TopLevelKey and/or
    # SecondLevelKey can not be found from the MapName map").
    lookup = {"Fn::FindInMap": ["ReplicaRegions", {"Ref": "AWS::Region"}, "Replica",
                                {"DefaultValue": _aws_region(code, where)}]}  # fmt: skip
    mappings = {"ReplicaRegions": {"sa-east-1": {"Replica": "sa-east-1"}}}
    table = _table([*_second(code, where), {"Region": lookup}])
    return _cfn("trips", {"Trips": table}, Transform=LANGUAGE_EXTENSIONS, Mappings=mappings)


def replica_foreach(code: str, where: str) -> Build:
    # Fn::ForEach::Tables [R, [Regions], {Table&{R}: ...}]: one global table per Region of the collection, its replica
    # in that Region (`Ref R` is the item).
    region = _aws_region(code, where)
    snippet = {"Trips&{R}": _table([*_second(code, where), {"Region": {"Ref": "R"}}])}
    return _cfn("trips", {"Fn::ForEach::Tables": ["R", [region], snippet]}, Transform=LANGUAGE_EXTENSIONS)


def replica_if_condition(code: str, where: str) -> Build:
    # Conditions: EnableDr = Fn::Equals [true, Ref EnableDr]; the disaster-recovery replica abroad exists only when
    # the stack is deployed with EnableDr=true (the Parameter's Default is false).
    dr = {"Fn::If": ["EnableDr", {"Region": AWS_AWAY[code]}, {"Ref": "AWS::NoValue"}]}
    table = _table([{"Region": {"Ref": "AWS::Region"}}, dr])
    parameters = {"EnableDr": {"Type": "String", "AllowedValues": ["true", "false"], "Default": "false"}}
    conditions = {"EnableDr": {"Fn::Equals": ["true", {"Ref": "EnableDr"}]}}
    given = {"EnableDr": "true"} if where == "abroad" else None
    return _cfn("trips", {"Trips": table}, given, Parameters=parameters, Conditions=conditions)


def _member(kind: str, joined: Any, own: dict[str, Any] | None) -> Build:
    resources: dict[str, Any] = {"Member": {"Type": kind, "Properties": joined}}
    if own is not None:
        resources["Global"] = own
        resources["Member"]["DependsOn"] = "Global"
    return _cfn("orders-db", resources)


def cfn_docdb_member(code: str, who: str) -> Build:
    # AWS::DocDB::DBCluster GlobalClusterIdentifier: the template's own AWS::DocDB::GlobalCluster by its literal
    # GlobalClusterIdentifier ("the unique key that identifies a global cluster"), or a partner's global cluster.
    name = "orders-global" if who == "own" else PARTNER_GLOBAL
    own = {"Type": "AWS::DocDB::GlobalCluster", "Properties": {"GlobalClusterIdentifier": "orders-global",
                                                                "Engine": "docdb"}}  # fmt: skip
    joined = {"DBSubnetGroupName": "fleet-db", "GlobalClusterIdentifier": name}
    return _member("AWS::DocDB::DBCluster", joined, own if who == "own" else None)


def cfn_neptune_member(code: str, who: str) -> Build:
    # AWS::Neptune::DBCluster GlobalClusterIdentifier (Neptune CreateDBCluster: "The ID of the Neptune global database
    # to which this new DB cluster should be added"): the template's own AWS::Neptune::GlobalCluster, or a partner's.
    name = "orders-global" if who == "own" else PARTNER_GLOBAL
    own = {"Type": "AWS::Neptune::GlobalCluster", "Properties": {"GlobalClusterIdentifier": "orders-global",
                                                                  "Engine": "neptune"}}  # fmt: skip
    joined = {"DBSubnetGroupName": "fleet-db", "GlobalClusterIdentifier": name}
    return _member("AWS::Neptune::DBCluster", joined, own if who == "own" else None)


def cfn_elasticache_member(code: str, who: str) -> Build:
    # AWS::ElastiCache::ReplicationGroup GlobalReplicationGroupId ("The name of the Global datastore"): the template's
    # own AWS::ElastiCache::GlobalReplicationGroup by its Ref (the service prefixes the suffix given, so only the
    # Ref names it), or a partner's Global datastore by name.
    joined: dict[str, Any] = {
        "ReplicationGroupDescription": "session cache",
        "Engine": "redis",
        "CacheNodeType": "cache.r6g.large",
        "GlobalReplicationGroupId": {"Ref": "Global"} if who == "own" else PARTNER_GLOBAL,
    }
    own = {"Type": "AWS::ElastiCache::GlobalReplicationGroup", "Properties": {
        "GlobalReplicationGroupIdSuffix": "sessions",
        "Members": [{"ReplicationGroupId": "sessions-primary", "ReplicationGroupRegion": {"Ref": "AWS::Region"},
                     "Role": "PRIMARY"}]}}  # fmt: skip
    return _member("AWS::ElastiCache::ReplicationGroup", joined, own if who == "own" else None)


# -- ROS -------------------------------------------------------------------------------------------------------------


def _copy(region: Any, **top: Any) -> Build:
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId: the Region the image is copied to.
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    given = top.pop("_given", None)
    if not top:
        return ros_stack("images", {"Copy": copy})
    document = json.dumps({"ROSTemplateFormatVersion": "2015-09-01", **top, "Resources": {"Copy": copy}})

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return alicloud.ros.Stack("images", stack_name="images", template_body=document, parameters=given,
                                  opts=c.ali)  # fmt: skip

    return build


def ros_copy_jq(code: str, where: str) -> Build:
    # ROS Fn::Jq [First, filter, JSON text] ("First: the first value that is sorted by the filter"): a path filter.
    settings = json.dumps({"copy": {"to": _ali_region(code, where), "name": "fleet-base"}})
    return _copy({"Fn::Jq": ["First", ".copy.to", settings]})


def ros_copy_listmerge(code: str, where: str) -> Build:
    # ROS Fn::ListMerge ("concatenates two or more lists into a single list"), the second list's Region picked.
    regions = {"Fn::ListMerge": [[ALI_HOME[code]], [_ali_region(code, where)]]}
    return _copy({"Fn::Select": ["1", regions]})


def ros_copy_mergemaptolist(code: str, where: str) -> Build:
    # ROS Fn::MergeMapToList ("merges multiple source mappings into a list of mappings, combining values by position")
    # and Fn::SelectMapList (a key's value in each map): the first copy target's Region.
    targets = {"Fn::MergeMapToList": [{"region": [_ali_region(code, where)]}, {"name": ["fleet-base", "fleet-dr"]}]}
    return _copy({"Fn::Select": ["0", {"Fn::SelectMapList": ["region", targets]}]})


def ros_copy_if_condition(code: str, where: str) -> Build:
    # ROS Conditions (Fn::Equals of a Parameter) and Fn::If: the image goes to the disaster-recovery Region abroad only
    # when the stack is deployed with EnableDr=true; else to the stack's own Region.
    region = {"Fn::If": ["DrEnabled", ALI_AWAY[code], {"Ref": "ALIYUN::Region"}]}
    parameters = {"EnableDr": {"Type": "String", "AllowedValues": ["true", "false"], "Default": "false"}}
    conditions = {"DrEnabled": {"Fn::Equals": ["true", {"Ref": "EnableDr"}]}}
    given = [{"parameter_key": "EnableDr", "parameter_value": "true"}] if where == "abroad" else None
    return _copy(region, Parameters=parameters, Conditions=conditions, _given=given)


Family = Callable[[str, str], Build]
HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    "replica-findinmap-default": (replica_findinmap_default, {"RES-009"}, AWS_CODES),
    "replica-foreach": (replica_foreach, {"RES-009"}, AWS_CODES),
    "replica-if-condition": (replica_if_condition, {"RES-009"}, AWS_CODES),
    "ros-copy-jq": (ros_copy_jq, {"RES-009"}, ALI_CODES),
    "ros-copy-listmerge": (ros_copy_listmerge, {"RES-009"}, ALI_CODES),
    "ros-copy-mergemaptolist": (ros_copy_mergemaptolist, {"RES-009"}, ALI_CODES),
    "ros-copy-if-condition": (ros_copy_if_condition, {"RES-009"}, ALI_CODES),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""
WHO_FAMILIES: dict[str, Family] = {
    "cfn-docdb-member": cfn_docdb_member,
    "cfn-neptune-member": cfn_neptune_member,
    "cfn-elasticache-member": cfn_elasticache_member,
}
"""Each own / partner family (``-partner`` RES-017 outside CN, passes declared)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = home_abroad_rows("fnros52", HOME_ABROAD)
    for kind, make in WHO_FAMILIES.items():
        for code in AWS_CODES:
            out += [(f"fnros52-{code.lower()}-{kind}-{who}", code, make(code, who),
                     {"RES-017"} if who == "partner" and code != "CN" else set(),
                     [GLOBAL_DECLARED] if who == "partner-declared" else []) for who in WHO]  # fmt: skip
    return out
