"""Template functions, round 15: jq's ``input`` past its first stage and without ``-n``, jq's environment read by
index (``$ENV["R"]``) or by several fields (``env | .P, .D``), printf formats the evaluator did not compute (``%x``,
a precision over a variable, ``*`` given by an argument) and CloudFormation's language extensions (stop 61, issue 9).

Reproduced first on the unchanged engine (main 3c67a1f3, these programs through every door): see docs/residency.md,
*Template functions, round 15 (stop 61)*, for the count.

- jq's ``input`` in a script's ``jq`` over two files the script writes, without ``-n`` (jq(1): the first JSON text is
  ``.``, ``input`` reads the next; the manual, "input": "Outputs one new input"): ``jq -r '. as $base | input |
  .region // $base.region' base.json site.json``, ``jq -r '[., input] | .[1].region' ...``; with ``-n``, two call
  sites in one stage (``jq -rn '[input, input] | .[1].region' ...``) and after a stage of one value (``jq -rn '.
  | input | input.region'``). ``-home`` passes, ``-abroad`` RES-009.
- jq's environment (jq 1.6 manual, "$ENV, env") by index (``$ENV["DR_REGION"]``, ``env["DR_REGION"]``), piped to
  an index (``$ENV | .["DR_REGION"]``) and to several fields (``env | .PRIMARY_REGION, .DR_REGION``, looped over),
  of variables the script exports (the failover Region in one branch, the home Region in the other).
- printf (bash(1) "printf", C printf(3)): a Region cut from the disaster-recovery zone's name by a precision
  (``printf -v DR '%.9s' "$DR_AZ"``, ``DR=$(printf '%.*s' 9 "$DR_AZ")``; the zone ``us-east-1b`` printed as
  ``us-east-1``), and an RDS host whose instance number is written in hexadecimal (``printf -v DB
  'fleet-%02x.c9akciq32xyz.%s.rds.amazonaws.com' 10 "$R"``).
- CloudFormation ``AWS::LanguageExtensions``: ``Fn::ForEach`` making a VPC peering connection for each Region of its
  collection (``PeerRegion: !Ref Region``), ``Fn::ToJsonString`` of a Lambda function's disaster-recovery settings
  (``{"region": ...}``), ``Fn::Length`` as an index and ``Fn::FindInMap`` with a ``DefaultValue``.
- Pinned: jq's ``--arg`` of variables holding more than 16 combinations of values stays unknown (RES-011 home and
  abroad: a value past a bound is never dropped), and ``aws ssm get-parameter ... | jq -r`` at ``--region`` (the
  stored value is fetched at run time: RES-011 until declared).

tests/test_realistic_programs.py runs them as CASES (``fnros61-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_HOME, Build, Row, home_abroad_rows
from platform_programs_fnros53 import AWS_AWAY, AWS_CODES, LANGUAGE_EXTENSIONS
from platform_programs_fnros55 import AWS_SECOND, USER_DATA_CODES, _copy_to, _user_data

Family = Callable[[str, str], Build]


def _dr(code: str, where: str) -> str:
    # The disaster-recovery Region: the jurisdiction's second Region (its own where it has one), or one abroad.
    return AWS_SECOND.get(code, AWS_HOME[code]) if where == "home" else AWS_AWAY[code]


def _files(code: str, where: str) -> str:
    # The base settings and the site's override, written by the boot script as two JSON files.
    return (
        "mkdir -p /etc/dr\n"
        f"cat > /etc/dr/base.json <<'EOF'\n{json.dumps({'region': AWS_HOME[code], 'tier': 'archive'})}\nEOF\n"
        f"cat > /etc/dr/site.json <<'EOF'\n{json.dumps({'region': _dr(code, where), 'tier': 'backup'})}\nEOF\n"
    )


def _inputs(command: str) -> Family:
    # jq reading the two files with `input` (jq(1): "jq [options...] filter [files...]"), then the copy to its Region.
    return lambda code, where: _user_data(
        f"{_files(code, where)}DR=$({command} /etc/dr/base.json /etc/dr/site.json)\n" + _copy_to(code, "$DR")
    )


def _environment(program: str, *, loop: bool = False) -> Family:
    # The failover Region exported in one branch, the home Region in the other, read through jq's environment.
    def family(code: str, where: str) -> Build:
        script = (
            f"export PRIMARY_REGION={AWS_HOME[code]}\n"
            f"if [ -f /etc/dr/failover ]; then\n  export DR_REGION={_dr(code, where)}\n"
            f"else\n  export DR_REGION={AWS_HOME[code]}\nfi\n"
        )
        if loop:  # each Region the program prints, one a line
            script += f"REGIONS=$(jq -rn '{program}')\nfor R in $REGIONS; do\n  " + _copy_to(code, "$R") + "done\n"
            return _user_data(script)
        return _user_data(f"{script}DR=$(jq -rn '{program}')\n" + _copy_to(code, "$DR"))

    return family


def _zone_precision(form: str) -> Family:
    # The disaster-recovery zone from the runbook's settings, its Region the zone's name without the zone letter
    # (bash(1) "printf", C printf(3): "the maximum number of characters to be printed from a string" for %s).
    def family(code: str, where: str) -> Build:
        region = _dr(code, where)
        command = form.format(n=len(region))
        return _user_data(f"DR_AZ={region}b\n{command}\n" + _copy_to(code, "$DR"))

    return family


def _hex_host(code: str, where: str) -> Build:
    # The fleet's database instance numbered in hexadecimal in its RDS endpoint name (printf(3) "%x": "unsigned
    # hexadecimal"), in the Region the runbook names, then the schema loaded with psql.
    region = AWS_HOME[code] if where == "home" else AWS_AWAY[code]
    suffix = "amazonaws.com.cn" if code == "CN" else "amazonaws.com"
    script = (
        f"R={region}\nprintf -v DB 'fleet-%02x.c9akciq32xyz.%s.rds.{suffix}' 10 \"$R\"\n"
        'psql -h "$DB" -U fleet -d fleet -f /opt/fleet/schema.sql\n'
    )
    return _user_data(script)


SCRIPTS: dict[str, Family] = {
    "jq-copy-input-as-base": _inputs("jq -r '. as $base | input | .region // $base.region'"),
    "jq-copy-input-pair": _inputs("jq -r '[., input] | .[1].region'"),
    "jq-copy-input-collected": _inputs("jq -rn '[input, input] | .[1].region'"),
    "jq-copy-input-after-stage": _inputs("jq -rn '. | input | input.region'"),
    "jq-copy-env-index": _environment('$ENV["DR_REGION"]'),
    "jq-copy-env-builtin-index": _environment('env["DR_REGION"]'),
    "jq-copy-env-piped-index": _environment('$ENV | .["DR_REGION"]'),
    "jq-copy-env-fields": _environment("env | .PRIMARY_REGION, .DR_REGION", loop=True),
    "printf-copy-zone-precision": _zone_precision("printf -v DR '%.{n}s' \"$DR_AZ\""),
    "printf-copy-zone-star": _zone_precision("DR=$(printf '%.*s' {n} \"$DR_AZ\")"),
}


def _cfn(resources: dict[str, Any], mappings: dict[str, Any] | None = None) -> Build:
    template: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09", "Transform": LANGUAGE_EXTENSIONS}
    if mappings:
        template["Mappings"] = mappings
    template["Resources"] = resources
    document = json.dumps(template)

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("dr", name="dr", template_body=document, opts=c.aws)

    return build


_VPC = {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.20.0.0/16"}}


def cfn_peering_foreach(code: str, where: str) -> Build:
    # Fn::ForEach ("replicates a template snippet for each item in the collection"): a peering connection from the
    # VPC to the transit VPC of each Region of the collection (AWS::EC2::VPCPeeringConnection PeerRegion).
    regions = [AWS_HOME[code], _dr(code, where)]
    snippet = {"Peer&{Region}": {"Type": "AWS::EC2::VPCPeeringConnection", "Properties": {
        "VpcId": {"Ref": "Vpc"}, "PeerVpcId": "vpc-0a1b2c3d4e5f60718", "PeerRegion": {"Ref": "Region"}}}}  # fmt: skip
    return _cfn({"Vpc": _VPC, "Fn::ForEach::Peers": ["Region", regions, snippet]})


def cfn_function_tojsonstring(code: str, where: str) -> Build:
    # Fn::ToJsonString ("converts an object or array to its corresponding JSON string"): the function's
    # disaster-recovery settings as one JSON environment variable, read by its code.
    settings = {"Fn::ToJsonString": {"region": _dr(code, where), "vault": "fleet-dr"}}
    role = {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
                           "Action": "sts:AssumeRole"}]}}}  # fmt: skip
    function = {"Type": "AWS::Lambda::Function", "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler", "Role": {"Fn::GetAtt": ["Role", "Arn"]},
        "Code": {"ZipFile": "def handler(event, context):\n    return None\n"},
        "Environment": {"Variables": {"DR_SETTINGS": settings}}}}  # fmt: skip
    return _cfn({"Role": role, "Copier": function})


def cfn_peering_findinmap_default(code: str, where: str) -> Build:
    # Fn::FindInMap with DefaultValue (AWS::LanguageExtensions: "the value returned when the key is not found"): the
    # peer Region of a Region the map does not list, and Fn::Length of the map's Regions as an index.
    default = _dr(code, where)
    region = {"Fn::FindInMap": ["Peers", {"Ref": "AWS::Region"}, "Peer", {"DefaultValue": default}]}
    peering = {"Type": "AWS::EC2::VPCPeeringConnection", "Properties": {
        "VpcId": {"Ref": "Vpc"}, "PeerVpcId": "vpc-0a1b2c3d4e5f60718", "PeerRegion": region}}  # fmt: skip
    second = {"Fn::Select": [{"Fn::Length": [AWS_HOME[code]]}, [AWS_HOME[code], default]]}
    other = {"Type": "AWS::EC2::VPCPeeringConnection", "Properties": {
        "VpcId": {"Ref": "Vpc"}, "PeerVpcId": "vpc-0f1e2d3c4b5a69788", "PeerRegion": second}}  # fmt: skip
    # the row's key is no Region key name: a map row of another Region keyed `Region` is judged as written, RES-009
    # at home (found by this round's first table, left open: docs/residency.md, *Template functions, round 15*)
    mappings = {"Peers": {"ap-south-2": {"Peer": "ap-south-1"}}}
    return _cfn({"Vpc": _VPC, "Peer": peering, "Other": other}, mappings)


HOME_ABROAD: dict[str, tuple[Family, set[str], tuple[str, ...]]] = {
    **{name: (family, {"RES-009"}, USER_DATA_CODES) for name, family in SCRIPTS.items()},
    "printf-psql-hex-host": (_hex_host, {"RES-006"}, USER_DATA_CODES),
    "cfn-peering-foreach": (cfn_peering_foreach, {"RES-009"}, AWS_CODES),
    "cfn-function-tojsonstring": (cfn_function_tojsonstring, {"RES-009"}, ("EU", "US")),
    "cfn-peering-findinmap-default": (cfn_peering_findinmap_default, {"RES-009"}, ("EU", "JP")),
}
"""Each home / abroad family, the rule its ``-abroad`` program breaks, and its jurisdictions."""


def _many_arguments(code: str, where: str) -> Build:
    # jq's --arg of two variables holding 4 and 5 values (20 combinations, past the 16 run): unknown, never one
    # value of several judged alone (fnros60's bound).
    dr = _dr(code, where)
    others = ("eu-west-3", "eu-north-1", "eu-south-1") if code == "EU" else ("us-east-2", "us-west-1", "us-east-1")
    regions = "".join(f"[ -f /etc/dr/{r} ] && R={r}\n" for r in others)  # with R, 4 values
    roles = "".join(f"[ -f /etc/dr/{r} ] && S={r}\n" for r in ("b", "c", "d", "e"))  # with S=a, 5 values
    script = (
        f'R={dr}\n{regions}S=a\n{roles}DR=$(jq -rn --arg r "$R" --arg s "$S" \'if $s == "a" then $r else $r end\')\n'
    )
    return _user_data(script + _copy_to(code, "$DR"))


def _stored(code: str, where: str) -> Build:
    # The runbook kept in Parameter Store, its Region read with jq at run time: the program does not show it.
    name = "/fleet/dr" if where == "home" else "/fleet/dr-abroad"
    script = f"DR=$(aws ssm get-parameter --name {name} --query Parameter.Value --output text | jq -r '.region')\n"
    return _user_data(script + _copy_to(code, "$DR"))


REFUSED: dict[str, tuple[Family, tuple[str, ...]]] = {
    "jq-copy-many-arguments": (_many_arguments, ("EU", "US")),
    "ssm-jq-copy": (_stored, ("EU",)),
}


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out = home_abroad_rows("fnros61", HOME_ABROAD)
    for kind, (make, codes) in REFUSED.items():
        out += [
            (f"fnros61-{c.lower()}-{kind}-{w}", c, make(c, w), {"RES-011"}, [])
            for c in codes
            for w in ("home", "abroad")
        ]
    return out
