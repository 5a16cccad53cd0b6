"""Mutation search, round 26: stop 56's readers spelled another way (stop 57, issue 9: mutation57).

Round 26 mutated the stop-56 table programs' readers (scripts56 / scripts56b's last positional parameter, ``printf
-v``, ``read -t`` and Compose files; config56 / config56b's k3s manifests, Vector's options and variables, ctr;
fnros56's jq regular expressions and ``$ARGS``; alired56 / alired56b's PolarDB ``GDNId``; awsred56b's EFS replica and
FireLens ``when_set``) with the existing kinds (home value abroad or unknown; another spelling) and the new ones the
brief names. Probed as ``RuleEngine(code).check(...)`` of EC2 user data and CloudFormation / ROS stacks (a scratch
probe kept out of the tree). Reproduced on the unchanged engine (main 44bcf26a), each through every front door, the
``-abroad`` programs passing every door with a Region abroad or a partner's host:

- ``read -r DR <<EOF`` then the Region (or the partner's host) on the here-document's first line (``read`` from a
  here-string or a file was read; from a here-document the variable was unset);
- ``"${@:2}"`` / ``"${@:2:1}"`` in a wrapper called with two words (a slice from a literal offset: unread);
- ``printf -v DR '%q' REGION`` and ``printf -v DR -- '%s' REGION`` (``%q`` was no conversion read; ``--`` was read as
  the format);
- Vector's configuration named as one item of a comma-separated list (``export VECTOR_CONFIG=a.toml,b.yaml``, ``vector
  -c a.yaml,b.yaml``: "vector -c config1.yaml,config2.yaml");
- ``ctr c create IMAGE ID redis-server --replicaof <partner> 6379`` (ctr's ``containers create``, ``run``'s operands);
- ``ossutil ls --region <abroad>`` (found by the mutants tool: a standalone ossutil's own ``--region`` was no option
  the catalogue read; ``aliyun ossutil ... --region`` was);

and, compliant and refused alike (a false alarm at home):

- ``DR=$(jq -r '.dr.region' <<< '<plan>')``: jq's input given by a here-string was not read (RES-011 at home);
- an ``AWS::EFS::FileSystem`` replica whose ``Region`` is ``Ref`` of a Parameter with a Default in the jurisdiction:
  RES-016 (the ``aws-efs-replica-region-unstated`` entry did not read a Parameter's Default; the Region field did).

Now the ``-abroad`` programs are RES-009 / RES-015 and the ``-home`` twins (a second Region inside the jurisdiction,
the VPC's own address) pass (docs/residency.md "Mutation search, round 26 (stop 57)").

Ids ``mutation57-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; ``cfn-efs-region-parameter`` EU / US / JP;
Alibaba Cloud CN / JP / DE for ``ali-*``). tests/test_realistic_programs.py runs them as CASES (``mutation57-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import Build, Row, home_abroad_rows

# The same helpers as round 25 (one fact, one place): the DR copy, the Regions, the hosts and the machines.
from platform_programs_mutation56 import _ali, _ali_region, _aws, _copy_to, _host, _region

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
EFS_CODES = ("EU", "US", "JP")
"""The jurisdictions of the EFS template (aws-cn's replica stays in its partition: the entry judges nothing there)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets of the Alibaba Cloud programs."""


def read_heredoc(code: str, where: str) -> str:
    # bash(1) "Here Documents" and "read": one line read, the whole line given to the one name.
    return f"read -r DR <<EOF\n{_region(code, where)}\nEOF\n{_copy_to(code, '$DR')}\n"


def read_heredoc_host(code: str, where: str) -> str:
    # The same with a quoted delimiter (no expansion in the body) and the database's host.
    return f"read -r DB <<'EOF'\n{_host(where)}\nEOF\npsql -h \"$DB\" -U reports -d fleet -c 'select 1'\n"


def jq_here_string(code: str, where: str) -> str:
    # bash(1) "Here Strings": the word "is supplied as a single string, with a newline appended, to the command on its
    # standard input"; jq reads it as its input document.
    plan = json.dumps({"dr": {"region": _region(code, where)}})
    return f"DR=$(jq -r '.dr.region' <<< '{plan}')\n{_copy_to(code, '$DR')}\n"


def slice_offset(code: str, where: str) -> str:
    # bash(1) "Parameter Expansion": `${@:offset}`, the positional parameters beginning at offset.
    return f"copy() {{ {_copy_to(code, '${@:2}')}; }}\ncopy nightly {_region(code, where)}\n"


def slice_one(code: str, where: str) -> str:
    # `${@:offset:length}` with a length of 1: the one parameter at offset.
    return f"copy() {{\n  {_copy_to(code, '${@:2:1}')}\n}}\ncopy nightly {_region(code, where)}\n"


def printf_q(code: str, where: str) -> str:
    # bash(1) "printf": "%q causes printf to output the corresponding argument in a format that can be reused as shell
    # input" (a Region needs no quoting: printed as it is).
    return f"printf -v DR '%q' {_region(code, where)}\n{_copy_to(code, '$DR')}\n"


def printf_end_options(code: str, where: str) -> str:
    # `--` ends printf's options; the format follows.
    return f"printf -v DR -- '%s' {_region(code, where)}\n{_copy_to(code, '$DR')}\n"


_VECTOR_SINK = "sinks:\n  central:\n    type: socket\n    inputs: [app]\n    mode: tcp\n    address: {host}:514\n"
_VECTOR_SOURCE = '[sources.app]\ntype = "file"\ninclude = ["/var/log/app/*.log"]\n'


def vector_variable_list(code: str, where: str) -> str:
    # vector CLI: `--config` "env: VECTOR_CONFIG", several paths separated by commas.
    sink = _VECTOR_SINK.format(host=_host(where))
    return (f"mkdir -p /etc/fleet\ncat > /etc/fleet/sources.toml <<'EOF'\n{_VECTOR_SOURCE}EOF\n"
            f"cat > /etc/fleet/sinks.yaml <<'EOF'\n{sink}EOF\n"
            "export VECTOR_CONFIG=/etc/fleet/sources.toml,/etc/fleet/sinks.yaml\n"
            "nohup vector >/var/log/vector.log 2>&1 &\n")  # fmt: skip


def vector_option_list(code: str, where: str) -> str:
    # vector CLI: "vector -c config1.yaml,config2.yaml".
    sink = _VECTOR_SINK.format(host=_host(where))
    return (f"mkdir -p /etc/fleet\ncat > /etc/fleet/sinks.yaml <<'EOF'\n{sink}EOF\n"
            "nohup vector -c /etc/vector/vector.yaml,/etc/fleet/sinks.yaml >/var/log/vector.log 2>&1 &\n")  # fmt: skip


def ctr_container_create(code: str, where: str) -> str:
    # "ctr containers create [flags] Image|RootFS CONTAINER [COMMAND] [ARG...]" (`c` its alias), then `ctr task start`.
    return ("ctr -n fleet images pull docker.io/library/redis:7\n"
            f"ctr -n fleet c create --net-host docker.io/library/redis:7 cache redis-server --replicaof {_host(where)} "
            "6379\nctr -n fleet task start -d cache\n")  # fmt: skip


def ali_read_heredoc(code: str, where: str) -> str:
    # The aliyun CLI given its region by a here-document read.
    return (f"read -r DR <<EOF\n{_ali_region(code, where)}\nEOF\n"
            'aliyun ecs DescribeInstances --PageSize 50 --RegionId "$DR"\n')  # fmt: skip


def ali_ossutil_region(code: str, where: str) -> str:
    # ossutil 2.0 run standalone with its own `--region` (the region the request is sent to), as `aliyun ossutil` is.
    return f"ossutil ls --region {_ali_region(code, where)} --limited-num 10\n"


def cfn_efs_region_parameter(code: str, where: str) -> Build:
    """An EFS file system replicated to a new file system in the Region a Parameter gives (its Default: a second
    Region of the jurisdiction, or one abroad); docs: AWS::EFS::FileSystem ReplicationConfiguration Destinations
    [{Region}], Parameters (Type, Default)."""
    template = {"AWSTemplateFormatVersion": "2010-09-09",
                "Parameters": {"ReplicaRegion": {"Type": "String", "Default": _region(code, where),
                                                 "Description": "The Region of the file system's replica"}},
                "Resources": {"Files": {"Type": "AWS::EFS::FileSystem", "Properties": {
                    "Encrypted": True, "PerformanceMode": "generalPurpose", "ThroughputMode": "elastic",
                    "ReplicationConfiguration": {"Destinations": [{"Region": {"Ref": "ReplicaRegion"}}]},
                    "FileSystemTags": [{"Key": "Name", "Value": "claims-files"}]}}}}  # fmt: skip
    body = json.dumps(template)

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("claims-files", name="claims-files", template_body=body, opts=c.aws)

    return build


HOST = {"RES-015"}
REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "read-heredoc": (_aws(read_heredoc), REGION, AWS_CODES),
    "read-heredoc-host": (_aws(read_heredoc_host), HOST, AWS_CODES),
    "jq-here-string": (_aws(jq_here_string), REGION, AWS_CODES),
    "slice-offset": (_aws(slice_offset), REGION, AWS_CODES),
    "slice-one": (_aws(slice_one), REGION, AWS_CODES),
    "printf-q": (_aws(printf_q), REGION, AWS_CODES),
    "printf-end-options": (_aws(printf_end_options), REGION, AWS_CODES),
    "vector-variable-list": (_aws(vector_variable_list), HOST, AWS_CODES),
    "vector-option-list": (_aws(vector_option_list), HOST, AWS_CODES),
    "ctr-container-create": (_aws(ctr_container_create), HOST, AWS_CODES),
    "cfn-efs-region-parameter": (cfn_efs_region_parameter, REGION, EFS_CODES),
    "ali-read-heredoc": (_ali(ali_read_heredoc), REGION, ALI_CODES),
    "ali-ossutil-region": (_ali(ali_ossutil_region), REGION, ALI_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    return home_abroad_rows("mutation57", KINDS)
