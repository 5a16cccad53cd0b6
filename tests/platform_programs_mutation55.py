"""Mutation search, round 24: stop 54's readers spelled another way (stop 55, issue 9: mutation55).

Round 24 mutated the stop-54 table programs' readers (scripts54 / scripts54b's ``while read`` loops and here-strings,
mutation54's continued loops, config54 / config54b's rsyslog, syslog-ng, stunnel, Sentinel and Compose files, fnros54's
nested ``Fn::ForEach``) with the existing kinds (home value abroad, spelling: quoting, case, whitespace, comments,
another key order) and the new ones: a loop's words split over lines, ``while read`` with ``IFS``, here-strings with
quotes, RainerScript actions split over lines, syslog-ng options in another order, Compose's flow syntax, a template's
``Fn::ForEach`` keys renamed, YAML flow vs block style. Probed as ``RuleEngine(code).check(...)`` of EC2 user data and
CloudFormation templates (a scratch probe kept out of the tree). Reproduced on the unchanged engine (main a7fee677),
each through every front door, the ``-abroad`` programs passing every door with a partner's host or a Region abroad:

- ``while IFS=, read -r app region; do ... --region "$region"; done <<EOF`` over ``fleet,<abroad>`` (and a here-string
  ``<<< "fleet:<abroad>"`` with ``IFS=:``): the loop's lines were split at blanks whatever ``IFS`` said;
  ``while IFS=' ' read -r name host`` (a quoted ``IFS``) was not read as a loop at all.
- ``printf '%s\\n' <home> <abroad> | while read -r region; do ... done`` (a loop fed by a pipe): not read.
- ``read -r APP R <<< "fleet <abroad>"`` (several names from a here-string) and ``read -r -a RS <<< "<home>
  <abroad>"`` then ``${RS[1]}``: only one name was read.
- ``for region`` then ``in <home> <abroad>`` on the next line, and an array assigned one item a line: not read.
- stunnel's own ``/etc/stunnel/redis.conf`` with ``connect=<partner>:6380``: read as redis.conf's words (nothing).
- ``redis-cli -p 26379 SENTINEL MONITOR fleet <partner> 6379 2`` (Sentinel told its primary at run time).
- ``postconf -e 'relayhost = [<partner>]:587' ... \\`` with more pairs on the next line (found by the mutants tool).
- a CloudFormation template written in YAML's flow style (``{AWSTemplateFormatVersion: '2010-09-09', Resources:
  {...}}``): it begins with a brace, is no JSON, and was read as no document at all.

All 54 ``-abroad`` programs passed every door there; now they are RES-009 / RES-015 and the ``-home`` twins (the
VPC's own addresses, a Region inside the jurisdiction) pass (docs/residency.md "Mutation search, round 24 (stop 55)").

Ids ``mutation55-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN; Alibaba Cloud CN / JP / DE for ``ali-*``).
tests/test_realistic_programs.py runs them as CASES (``mutation55-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
import yaml
from platform_parts import AWS_HOME, PARTNER_DB, SUBNETS, Build, Row, ali_boot, home_abroad_rows
from platform_programs_fnros53 import LANGUAGE_EXTENSIONS
from platform_programs_mutation53 import AWS_NEIGHBOUR, AWS_SECOND

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets of the Alibaba Cloud programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own primary in the VPC (a private address)."""


def _host(where: str) -> str:
    return PRIVATE_DB if where == "home" else PARTNER_DB


def _region(code: str, where: str) -> str:
    # A second Region inside the jurisdiction (the home one where it has one), or its neighbour abroad.
    return AWS_SECOND.get(code, AWS_HOME[code]) if where == "home" else AWS_NEIGHBOUR[code]


def _copy_to(code: str, region: str) -> str:
    # aws ec2 copy-snapshot: the copy is made in the Region the call goes to (--region).
    return (f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id snap-0a1b2c3d4e5f60718 "
            f"--description nightly-dr --region {region}")  # fmt: skip


def while_ifs_comma(code: str, where: str) -> str:
    # bash(1) "read": "The characters in the value of the IFS variable are used to split the line into words"; an
    # assignment before a command is in its environment ("Simple Command Expansion").
    copy = _copy_to(code, '"$region"')
    return (f'while IFS=, read -r app region; do\n  {copy}\ndone <<EOF\n'
            f"fleet,{_region(code, where)}\nEOF\n")  # fmt: skip


def while_ifs_colon_herestring(code: str, where: str) -> str:
    # bash(1) "Here Strings": `<<< word`, the word the command's standard input; IFS=: splits `app:region`.
    copy = _copy_to(code, '"$region"')
    return (f'while IFS=: read -r app region; do {copy}; '
            f'done <<< "fleet:{_region(code, where)}"\n')  # fmt: skip


def while_read_piped(code: str, where: str) -> str:
    # bash(1) "Pipelines": "The standard output of command is connected via a pipe to the standard input of command2";
    # printf reuses its format for each argument, one Region a line.
    copy = _copy_to(code, '"$region"')
    return f"printf '%s\\n' {AWS_HOME[code]} {_region(code, where)} | while read -r region; do\n  {copy}\ndone\n"


def while_ifs_quoted(code: str, where: str) -> str:
    # A quoted IFS (a blank: the default's first character) before read, over a quoted here-document.
    return (f"while IFS=' ' read -r name host; do\n  pg_isready -h \"$host\" -p 5432\ndone <<'EOF'\n"
            f"primary {_host(where)}\nEOF\n")  # fmt: skip


def read_herestring_two(code: str, where: str) -> str:
    # bash(1) "read": "the first word is assigned to the first name, the second word to the second name".
    copy = _copy_to(code, '"$DR_REGION"')
    return f'read -r APP DR_REGION <<< "fleet {_region(code, where)}"\n{copy}\n'


def read_array_herestring(code: str, where: str) -> str:
    # bash(1) "read": "-a aname The words are assigned to sequential indices of the array variable aname".
    copy = _copy_to(code, '"${REGIONS[1]}"')
    return (f'read -r -a REGIONS <<< "{AWS_HOME[code]} {_region(code, where)}"\n'
            f'{copy}\n')  # fmt: skip


def stunnel_compact(code: str, where: str) -> str:
    # stunnel(8): "connect = [host:]port"; the blanks around `=` are optional in its configuration file.
    return (f"cat > /etc/stunnel/redis.conf <<'EOF'\n[redis]\nclient=yes\naccept=127.0.0.1:6379\n"
            f"connect={_host(where)}:6380\nEOF\nsystemctl enable --now stunnel\n")  # fmt: skip


def loop_in_next_line(code: str, where: str) -> str:
    # bash's grammar: `for NAME newline_list in word_list`: `in` may stand on the line after the name.
    return f"for region\nin {AWS_HOME[code]} {_region(code, where)}\ndo\n  {_copy_to(code, '$region')}\ndone\n"


def array_lines(code: str, where: str) -> str:
    # bash(1) "Arrays": `name=(value1 ... valuen)`, here one item a line with a comment, then the array's items.
    copy = _copy_to(code, '"$region"')
    return (f"DR_REGIONS=(\n  {AWS_HOME[code]}  # the stack's own\n  {_region(code, where)}\n)\n"
            f'for region in "${{DR_REGIONS[@]}}"; do\n  {copy}\ndone\n')  # fmt: skip


def sentinel_cli(code: str, where: str) -> str:
    # redis.io "High availability with Redis Sentinel": "SENTINEL MONITOR <name> <ip> <port> <quorum> This command
    # tells the Sentinel to start monitoring a new master".
    return f"systemctl enable --now redis-sentinel\nredis-cli -p 26379 SENTINEL MONITOR fleet {_host(where)} 6379 2\n"


def postconf_continued(code: str, where: str) -> str:
    # postconf(1): "-e Edit the main.cf configuration file, and update parameter settings with the "name=value" pairs
    # on the command line"; the pairs go on over a backslash-newline (bash(1) Quoting: "a line continuation").
    return (f"postconf -e 'relayhost = [{_host(where)}]:587' 'smtp_tls_security_level = encrypt' \\\n"
            "  'smtp_sasl_auth_enable = yes' 'smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd'\n"
            "systemctl restart postfix\n")  # fmt: skip


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


def cfn_foreach_yaml_flow(code: str, where: str) -> Build:
    # CloudFormation accepts a template in YAML ("Template formats": JSON or YAML); YAML 1.2's flow style writes a
    # mapping in braces. A global table per Region of an Fn::ForEach (AWS::LanguageExtensions), the first Region abroad.
    home = AWS_HOME[code]
    first = AWS_NEIGHBOUR[code] if where == "abroad" else AWS_SECOND.get(code, home)
    table = {"Type": "AWS::DynamoDB::GlobalTable", "Properties": {
        "TableName": {"Fn::Sub": "orders-${Region}"}, "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "Replicas": [{"Region": {"Ref": "AWS::Region"}}, {"Region": {"Ref": "Region"}}]}}  # fmt: skip
    resources = {"Fn::ForEach::Replicas": ["Region", [first], {"Orders${Region}": table}]}
    document = {"AWSTemplateFormatVersion": "2010-09-09", "Transform": LANGUAGE_EXTENSIONS, "Resources": resources}
    body = yaml.safe_dump(document, default_flow_style=True, sort_keys=False)

    def build(c: Any) -> object:
        # docs: cloudformation/stack (template_body)
        return aws.cloudformation.Stack("tables", name="tables", template_body=body, opts=c.aws)

    return build


HOST = {"RES-015"}
REGION = {"RES-009"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "while-ifs-comma": (_aws(while_ifs_comma), REGION, AWS_CODES),
    "while-ifs-colon-herestring": (_aws(while_ifs_colon_herestring), REGION, AWS_CODES),
    "while-read-piped": (_aws(while_read_piped), REGION, AWS_CODES),
    "while-ifs-quoted": (_aws(while_ifs_quoted), HOST, AWS_CODES),
    "read-herestring-two": (_aws(read_herestring_two), REGION, AWS_CODES),
    "read-array-herestring": (_aws(read_array_herestring), REGION, AWS_CODES),
    "stunnel-compact": (_aws(stunnel_compact), HOST, AWS_CODES),
    "loop-in-next-line": (_aws(loop_in_next_line), REGION, AWS_CODES),
    "array-lines": (_aws(array_lines), REGION, AWS_CODES),
    "sentinel-cli": (_aws(sentinel_cli), HOST, AWS_CODES),
    "postconf-continued": (_aws(postconf_continued), HOST, AWS_CODES),
    "cfn-foreach-yaml-flow": (cfn_foreach_yaml_flow, REGION, AWS_CODES),
    "ali-stunnel-compact": (_ali(stunnel_compact), HOST, ALI_CODES),
    "ali-sentinel-cli": (_ali(sentinel_cli), HOST, ALI_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("mutation55", KINDS)
