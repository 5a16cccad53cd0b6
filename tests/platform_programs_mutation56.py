"""Mutation search, round 25: stop 55's readers spelled another way (stop 56, issue 9: mutation56).

Round 25 mutated the stop-55 table programs' readers (scripts55 / scripts55b's positional parameters, ``"$@"``,
``shift``, arrays, ``mapfile``, brace sequences and the commands a container runs; config55 / config55b's Redis
``CONFIG SET``, syslog-ng ``@define``, Compose flow lists and HAProxy; fnros55 / fnros55b's jq programs; mutation55's
flow-style templates) with the existing kinds (home value abroad or unknown; another spelling) and the new ones:
``"$@"`` through two wrappers, ``shift 2`` / a computed count, an array index by arithmetic, ``mapfile -s`` / ``-n`` /
``-O``, brace sequences with a step, ``docker run --entrypoint``, the image's command split, podman / kubectl options
before the subcommand, ``docker container run``, ``CONFIG SET`` pairs with quoting, syslog-ng ``@define`` in single
quotes, Compose flow lists with quotes, jq programs with whitespace, comments, options and ``.["foo"]``. Probed as
``RuleEngine(code).check(...)`` of EC2 user data (a scratch probe kept out of the tree), then the mutants tool over the
stop-55 programs. Reproduced on the unchanged engine (main 8f0aa679), each through every front door, the ``-abroad``
programs passing every door with a Region abroad, a partner's host or a public resolver:

- a command substitution written over several lines (``DR=$(`` then the pipeline and ``)`` on later lines, a jq
  program spread over lines inside its quotes, options continued with a backslash): read as not closing, the variable
  held no value (an unset variable) and the Region argument passed; the same with an SSM parameter lookup passed where
  the one-line spelling was RES-011 (``subst-lines``, ``jq-lines``, ``subst-continued``);
- ``mapfile -t -s 1 R <<EOF`` / ``-O 1`` (the option's number read as the array's name: no array);
- ``"${R[i+1]}"`` and ``"${R[-1]}"`` (an arithmetic or negative subscript: no element), ``R=(us-west-{1..2})`` (no
  brace expansion in a compound assignment);
- ``f() { shift; aws ... --region "$1"; }`` (a shift after the one-line body's brace), ``shift "$N"``, ``outer() {
  shift; inner "$@"; }``, ``function retain { ... }`` and a wrapper's ``"$@"`` on a continued line;
- ``docker container run postgres:16 psql -h <partner>``, ``podman --root DIR run <aws-cli image> ... --region R``,
  ``kubectl -n batch run ... --command -- psql -h <partner>`` (an option before the subcommand, or the management
  command, hid the command the container runs), and ``kubectl -s <partner>:6443 apply`` (an API server written
  without a scheme);
- HAProxy's ``resolvers`` ``nameserver dns1 <public address>:53`` (found by the mutants tool);
- a CloudFormation template in YAML's flow style after a comment line or ``%YAML 1.1`` / ``---`` (read as no
  document: it did not begin with a brace);
- compliant and refused alike at home (RES-011): ``jq -er`` (an option the jq reader did not take).

Now they are RES-009 / RES-015 (``subst-continued-unknown`` RES-011) and the ``-home`` twins (a Region inside the
jurisdiction, the VPC's own address and resolver, the instance metadata) pass (docs/residency.md "Mutation search,
round 25 (stop 56)").

Ids ``mutation56-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; Alibaba Cloud CN / JP / DE for ``ali-*``) and
``mutation56-<code>-subst-continued-<metadata|unknown>``. tests/test_realistic_programs.py runs them as CASES
(``mutation56-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
import yaml
from platform_parts import AWS_HOME, PARTNER_DB, SUBNETS, Build, Row, ali_boot, home_abroad_rows
from platform_programs_mutation53 import ALI_NEIGHBOUR, ALI_SECOND, AWS_NEIGHBOUR, AWS_SECOND

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own primary in the VPC (a private address)."""
VPC_RESOLVER = "10.0.0.2"
"""The VPC's own resolver (the VPC range's base plus two: a private address)."""
PUBLIC_RESOLVER = "203.0.113.53"
"""A resolver at a public address nothing places."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each kind gives."""


def _host(where: str) -> str:
    return PRIVATE_DB if where == "home" else PARTNER_DB


def _region(code: str, where: str) -> str:
    # A second Region inside the jurisdiction, or its neighbour abroad.
    return AWS_SECOND.get(code, AWS_HOME[code]) if where == "home" else AWS_NEIGHBOUR[code]


def _copy_to(code: str, region: str) -> str:
    # aws ec2 copy-snapshot: the copy is made in the Region the call goes to (--region).
    return (f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id snap-0a1b2c3d4e5f60718 "
            f'--description nightly-dr --region "{region}"')  # fmt: skip


def _plan(code: str, where: str) -> str:
    targets = [{"name": "archive-1", "role": "archive", "region": AWS_HOME[code]},
               {"name": "dr-1", "role": "backup", "region": _region(code, where)}]  # fmt: skip
    return json.dumps({"targets": targets})


def subst_lines(code: str, where: str) -> str:
    # bash(1) "Command Substitution": `$(command)`; a command list may be written over newlines inside it.
    backup = '.targets[] | select(.role == "backup") | .region'
    return f"DR=$(\n  echo '{_plan(code, where)}' \\\n    | jq -r '{backup}'\n)\n{_copy_to(code, '$DR')}\n"


def jq_lines(code: str, where: str) -> str:
    # A jq program spread over lines inside its single quotes (jq reads a newline as whitespace).
    program = '\n  .targets[]\n  | select(.role == "backup")\n  | .region'
    return f"DR=$(echo '{_plan(code, where)}' | jq -r '{program}')\n{_copy_to(code, '$DR')}\n"


def jq_exit_status(code: str, where: str) -> str:
    # jq 1.6 "--exit-status / -e: Sets the exit status of jq ..." (the output is -r's).
    return (f"DR=$(echo '{_plan(code, where)}' | jq -er '.targets[] | select(.role == \"backup\") | .region')\n"
            f"{_copy_to(code, '$DR')}\n")  # fmt: skip


def mapfile_skip(code: str, where: str) -> str:
    # bash(1) "mapfile": "-s Discard the first count lines read".
    return (f"mapfile -t -s 1 REGIONS <<EOF\n{AWS_HOME[code]}\n{_region(code, where)}\nEOF\n"
            f"{_copy_to(code, '${REGIONS[0]}')}\n")  # fmt: skip


def mapfile_origin(code: str, where: str) -> str:
    # bash(1) "mapfile": "-O Begin assigning to array at index origin".
    return f"mapfile -t -O 1 REGIONS <<EOF\n{_region(code, where)}\nEOF\n{_copy_to(code, '${REGIONS[1]}')}\n"


def index_arith(code: str, where: str) -> str:
    # bash(1) "Arrays": "The subscript is treated as an arithmetic expression that must evaluate to a number".
    return f"REGIONS=({AWS_HOME[code]} {_region(code, where)})\ni=0\n{_copy_to(code, '${REGIONS[i+1]}')}\n"


def index_last(code: str, where: str) -> str:
    # bash(1) "Arrays": a negative subscript "is interpreted as relative to one greater than the maximum index".
    return f"REGIONS=({AWS_HOME[code]} {_region(code, where)})\n{_copy_to(code, '${REGIONS[-1]}')}\n"


def array_brace(code: str, where: str) -> str:
    # bash(1) "Arrays": each value of a compound assignment "is then expanded using all the shell expansions";
    # "Brace Expansion": `{a,b}` gives both words.
    return f"REGIONS=({{{AWS_HOME[code]},{_region(code, where)}}})\n{_copy_to(code, '${REGIONS[1]}')}\n"


def shift_oneline(code: str, where: str) -> str:
    # The shift builtin: "The positional parameters from n+1 ... are renamed to $1"; here first in a one-line body.
    copy = _copy_to(code, "$1")
    return f"copy() {{ shift; {copy}; }}\ncopy nightly {_region(code, where)}\n"


def shift_count(code: str, where: str) -> str:
    # A shift by a count held in a variable ("shift [n]": n may be any expansion): every word may be renamed to $1.
    copy = _copy_to(code, "$1")
    return f'SKIP=1\ncopy() {{\n  shift "$SKIP"\n  {copy}\n}}\ncopy nightly {_region(code, where)}\n'


def wrap_shift(code: str, where: str) -> str:
    # "$@" passed on after a shift: the inner function gets the outer's words from the second on.
    copy = _copy_to(code, "$1")
    return f'copy() {{ {copy}; }}\nnightly() {{ shift; copy "$@"; }}\nnightly fleet {_region(code, where)}\n'


def function_keyword(code: str, where: str) -> str:
    # bash(1) "Shell Function Definitions": "function fname [()] compound-command".
    copy = _copy_to(code, "$1")
    return f"function copy {{ {copy}; }}\ncopy {_region(code, where)}\n"


def wrap_continued(code: str, where: str) -> str:
    # A wrapper whose command goes on over a backslash-newline, "$@" on the continued line.
    return f'retain() {{\n  {RETENTION} \\\n    "$@"\n}}\nretain --region {_region(code, where)}\n'


def docker_container_run(code: str, where: str) -> str:
    # docker container run [OPTIONS] IMAGE [COMMAND] [ARG...] (`docker run` is its alias).
    return (f"docker container run --rm -e PGPASSWORD postgres:16 psql -h {_host(where)} -U reports -d fleet "
            "-c 'select 1'\n")  # fmt: skip


def podman_root(code: str, where: str) -> str:
    # podman(1): "podman [options] command"; --root, a global option with its value, before `run`.
    return (f"podman --root /var/lib/fleet/containers run --rm public.ecr.aws/aws-cli/aws-cli:2.22.0 "
            f"{RETENTION.removeprefix('aws ')} --region {_region(code, where)}\n")  # fmt: skip


def kubectl_namespace(code: str, where: str) -> str:
    # kubectl's global `-n NAMESPACE` before `run`; `--command --`: the container's command.
    return (f"kubectl -n batch run nightly --image=postgres:16 --restart=Never --command -- "
            f"psql -h {_host(where)} -U reports -d fleet -c 'select 1'\n")  # fmt: skip


def kubectl_server(code: str, where: str) -> str:
    # kubectl's global "-s, --server: The address and port of the Kubernetes API server", written without a scheme.
    server = "10.0.1.20" if where == "home" else PARTNER_DB
    return f"kubectl -s {server}:6443 apply -f /opt/fleet/app.yaml\n"


def haproxy_resolver(code: str, where: str) -> str:
    # HAProxy configuration manual 5.3.2: "nameserver <id> <ip>:<port>" in a resolvers section.
    resolver = VPC_RESOLVER if where == "home" else PUBLIC_RESOLVER
    return (f"cat > /etc/haproxy/haproxy.cfg <<'EOF'\nglobal\n    log 127.0.0.1 local0\nresolvers vpc\n"
            f"    nameserver dns1 {resolver}:53\n    hold valid 10s\nbackend app\n    balance roundrobin\n"
            "    server app1 10.0.1.15:8080 resolvers vpc check\nEOF\nsystemctl restart haproxy\n")  # fmt: skip


def _ali_region(code: str, where: str) -> str:
    return ALI_SECOND[code] if where == "home" else ALI_NEIGHBOUR[code]


def ali_subst_lines(code: str, where: str) -> str:
    # The aliyun CLI given its region from a substitution over several lines.
    plan = json.dumps({"dr": {"region": _ali_region(code, where)}})
    return (f"DR=$(\n  echo '{plan}' | jq -r '.dr.region'\n)\n"
            'aliyun ecs DescribeInstances --PageSize 50 --RegionId "$DR"\n')  # fmt: skip


def ali_docker_container_run(code: str, where: str) -> str:
    host = "192.168.0.9" if where == "home" else PARTNER_DB
    return f"docker container run --rm postgres:16 psql -h {host} -U reports -d fleet -c 'select 1'\n"


def _flow_template(preamble: str) -> Callable[[str, str], Build]:
    """A DynamoDB global table's template in YAML's flow style after YAML's comment lines or its document start marker
    (YAML 1.2: a document may begin with comments, directives and ``---``; CloudFormation "Template formats": JSON or
    YAML), a replica in a second Region of the jurisdiction or abroad."""

    def make(code: str, where: str) -> Build:
        table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
            "TableName": "orders", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
            "Replicas": [{"Region": AWS_HOME[code]}, {"Region": _region(code, where)}]}}  # fmt: skip
        document = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Orders": table}}
        body = preamble + yaml.safe_dump(document, default_flow_style=True, sort_keys=False)

        def build(c: Any) -> object:
            # docs: cloudformation/stack (template_body)
            return aws.cloudformation.Stack("tables", name="tables", template_body=body, opts=c.aws)

        return build

    return make


def _aws(script: Callable[[str, str], str]) -> Callable[[str, str], Build]:
    def make(code: str, where: str) -> Build:
        def build(c: Any) -> object:
            # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
            return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                    user_data=f"#!/bin/bash\nset -euo pipefail\n{script(code, where)}",
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(script: Callable[[str, str], str]) -> Callable[[str, str], Build]:
    def make(code: str, where: str) -> Build:
        return lambda c: ali_boot(c, f"#!/bin/bash\n{script(code, where)}")

    return make


def subst_continued(code: str, source: str) -> Build:
    """The DR Region read by a substitution continued over a backslash-newline: from the instance metadata (the
    machine's own Region: passes) or from an SSM parameter (unknown: RES-011, as the one-line spelling was)."""
    if source == "metadata":
        read = ('DR=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" \\\n'
                "  http://169.254.169.254/latest/meta-data/placement/region)\n")  # fmt: skip
    else:
        read = "DR=$(aws ssm get-parameter --name /fleet/dr-region \\\n  --query Parameter.Value --output text)\n"
    token = ('TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token \\\n'
             '  -H "X-aws-ec2-metadata-token-ttl-seconds: 300")\n')  # fmt: skip
    return _aws(lambda c, w: f"{token}{read}{_copy_to(c, '$DR')}\n")(code, "home")


HOST = {"RES-015"}
REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "subst-lines": (_aws(subst_lines), REGION, AWS_CODES),
    "jq-lines": (_aws(jq_lines), REGION, AWS_CODES),
    "jq-exit-status": (_aws(jq_exit_status), REGION, AWS_CODES),
    "mapfile-skip": (_aws(mapfile_skip), REGION, AWS_CODES),
    "mapfile-origin": (_aws(mapfile_origin), REGION, AWS_CODES),
    "index-arith": (_aws(index_arith), REGION, AWS_CODES),
    "index-last": (_aws(index_last), REGION, AWS_CODES),
    "array-brace": (_aws(array_brace), REGION, AWS_CODES),
    "shift-oneline": (_aws(shift_oneline), REGION, AWS_CODES),
    "shift-count": (_aws(shift_count), REGION, AWS_CODES),
    "wrap-shift": (_aws(wrap_shift), REGION, AWS_CODES),
    "function-keyword": (_aws(function_keyword), REGION, AWS_CODES),
    "wrap-continued": (_aws(wrap_continued), REGION, AWS_CODES),
    "docker-container-run": (_aws(docker_container_run), HOST, AWS_CODES),
    "podman-root": (_aws(podman_root), REGION, AWS_CODES),
    "kubectl-namespace": (_aws(kubectl_namespace), HOST, AWS_CODES),
    "kubectl-server": (_aws(kubectl_server), HOST, AWS_CODES),
    "haproxy-resolver": (_aws(haproxy_resolver), HOST, AWS_CODES),
    "cfn-flow-comment": (_flow_template("# The orders table, one replica per Region.\n"), REGION, AWS_CODES),
    "cfn-flow-document-start": (_flow_template("%YAML 1.1\n---\n"), REGION, AWS_CODES),
    "ali-subst-lines": (_ali(ali_subst_lines), REGION, ALI_CODES),
    "ali-docker-container-run": (_ali(ali_docker_container_run), HOST, ALI_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation56", KINDS)
    for code in AWS_CODES:
        out += [(f"mutation56-{code.lower()}-subst-continued-{source}", code, subst_continued(code, source),
                 set() if source == "metadata" else {"RES-011"}, []) for source in ("metadata", "unknown")]  # fmt: skip
    return out
