"""Scripts and user data, round 14, part 2: the quote walkers (stop 58, issue 9, scripts58b).

The script reader walks shell quotes in four places (``scripts._uncommented``, ``without_single_quoted``,
``_backquotes_as_dollar``, ``_jq_comments_blanked``); these programs pin each walker's edges through every front door
before and after they were joined on one walker (``scripts.quoting_spans``): a ``#`` inside single / double quotes,
after a backslash, ``$#`` / ``${#A}`` / ``$'..#..'``, a backquoted substitution and a backquote inside single quotes,
nested ``$( )`` in double quotes, a here-document body with an apostrophe and a ``#``, ``/usr/bin/jq`` with ``#``
comments over several lines, a jq program in double quotes, and ``/usr/bin/jq``'s ``capture("^arn:aws:sqs:...")``.

Reproduced on the unchanged engine (main at 290bcb02): see docs/residency.md, *Scripts and user data, round 14,
part 2: the quote walkers (stop 58)*. Each refusal (a Region abroad: RES-009) has its home twin, which passes;
``jq-path-capture-home`` is a compliant program only (RES-011 on main). Ids:
``scripts58b-<jurisdiction>-<shape>-<abroad|home>``.
"""

from __future__ import annotations

import json
from typing import Any

import pulumi_aws as aws
from platform_parts import AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row

CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the programs."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
OWN_ACCOUNT = "123456789012"
"""The stack's own account."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives (bash(1) for each shell reading)."""


def _plan(home: str, region: str) -> str:
    return json.dumps({"targets": [{"role": "archive", "region": home}, {"role": "backup", "region": region}]})


def _script(shape: str, home: str, region: str) -> str:
    """The lines giving the call its Region ``region`` through the shape's quoting (bash(1) "QUOTING", "Comments",
    "Command Substitution", "Here Documents"; the jq manual, "Comments")."""
    written = f"mkdir -p /etc/dr\ncat > /etc/dr/plan.json <<'EOF'\n{_plan(home, region)}\nEOF\n"
    shapes = {
        # a `#` inside quotes or after a backslash is text: the rest of the line is a command
        "hash-single": f"logger -t fleet 'retention #1'; {RETENTION} --region {region}\n",
        "hash-double": f'N=1; logger -t fleet "retention #$N"; {RETENTION} --region {region}\n',
        "hash-escaped": f"logger -t fleet retention \\#1; {RETENTION} --region {region}\n",
        "hash-count": f'A=fleet; echo "$# ${{#A}}" > /dev/null; {RETENTION} --region {region}\n',
        "hash-ansi-c": f"logger -t fleet $'retention #1'; {RETENTION} --region {region}\n",
        "hash-word": f"echo fleet#1; {RETENTION} --region {region} # the DR Region\n",
        # an apostrophe in a comment or a here-document body opens no quote
        "apostrophe-comment": f"# the DR copy's Region\n{RETENTION} --region {region}\n",
        "apostrophe-heredoc": f"cat > /etc/fleet/NOTE <<'EOF'\nit's the DR copy # not a comment\nEOF\n"
        f"{RETENTION} --region {region}\n",
        # backquotes: a substitution outside single quotes, text inside them
        "backquote": f'R=`echo {region}`\n{RETENTION} --region "$R"\n',
        "backquote-single": f"logger -t fleet 'built `date`'; {RETENTION} --region {region}\n",
        "backquote-double": f'R="`echo {region}`"\n{RETENTION} --region "$R"\n',
        "nested-double": f'R="$(echo "$(echo {region})")"\n{RETENTION} --region "$R"\n',
        "escaped-quote": f'logger -t fleet "it\\"s # one"; {RETENTION} --region {region}\n',
        # jq: a program with comments over several lines at /usr/bin/jq, a double-quoted program
        "jq-path-comments": written + "R=$(/usr/bin/jq -r '\n  # the DR target\n  .targets[]\n"
        '  | select(.role == "backup") # one a plan\n  | .region\n\' /etc/dr/plan.json)\n'
        f'{RETENTION} --region "$R"\n',
        "jq-double": written + 'R=$(jq -r ".targets[] | select(.role == \\"backup\\") | .region" /etc/dr/plan.json)\n'
        f'{RETENTION} --region "$R"\n',
    }
    return shapes[shape]


SHAPES = (
    "hash-single", "hash-double", "hash-escaped", "hash-count", "hash-ansi-c", "hash-word", "apostrophe-comment",
    "apostrophe-heredoc", "backquote", "backquote-single", "backquote-double", "nested-double", "escaped-quote",
    "jq-path-comments", "jq-double",
)  # fmt: skip
"""The shapes refused with a Region abroad (RES-009) and passing with the home Region."""


def _capture_script(region: str) -> str:
    # A queue's Region from its ARN by /usr/bin/jq's `capture` (the jq manual, "capture(val)"): the pattern
    # `arn:aws:sqs:(?<r>...)` is compared, never contacted; the call goes to the queue's own Region.
    partition = "aws-cn" if region.startswith("cn-") else "aws"  # the China Regions' partition
    queue = json.dumps({"queue": f"arn:{partition}:sqs:{region}:{OWN_ACCOUNT}:jobs"})
    jq = f"'.queue | capture(\"^arn:{partition}:sqs:(?<r>[a-z0-9-]+):\") | .r'"
    call = 'aws sqs list-queues --queue-name-prefix jobs --region "$R"'
    return f"R=$(echo '{queue}' | /usr/bin/jq -r {jq})\n{call}\n"


def program(code: str, shape: str, abroad: bool) -> Build:
    region = AWS_ABROAD[code] if abroad else AWS_HOME[code]
    body = _capture_script(region) if shape == "jq-path-capture" else _script(shape, AWS_HOME[code], region)

    def build(c: Any) -> object:
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=f"#!/bin/bash\nset -euo pipefail\n{body}", opts=c.aws)  # fmt: skip

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in CODES:
        p = f"scripts58b-{code.lower()}-"
        for shape in SHAPES:
            out.append((f"{p}{shape}-abroad", code, program(code, shape, True), {"RES-009"}, []))
            out.append((f"{p}{shape}-home", code, program(code, shape, False), set(), []))
        # a false alarm only (abroad, the queue's ARN in the data is RES-004 as well as the call's RES-009)
        out.append((f"{p}jq-path-capture-home", code, program(code, "jq-path-capture", False), set(), []))
    return out
