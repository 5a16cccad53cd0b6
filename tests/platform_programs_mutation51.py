"""Mutation search, round 20: a script's Region in a config file it writes (stop 51, issue 9: mutation51).

Round 20's ``config-file`` kind appended to every script of the table that names a resident Region a config file the
script writes (``.cfg``, ``.toml``, ``.properties``, ``.conf``) giving the Region beside the stack's (Zurich beside
Frankfurt, London beside Ireland, Canada beside Virginia, us-east-1 in a JP stack, Hong Kong beside Beijing). Its
``.cfg`` / ``.toml`` / ``.properties`` mutants were refused (RES-009: scripts50 reads these files by key); these
programs keep both verdicts in the table at every door, so a change that stops reading a format makes the lookalike
pass and a table test fail (docs/residency.md "Mutation search, round 20 (stop 51)").

Reproduced first on the unchanged engine (main 54b9529): the ``-lookalike`` programs refused (RES-009), the ``-own``
programs passed, through the guard, the plan, the pack and both reviews (this round changes no engine code).

``shape`` and ``who`` (``-own`` passes, ``-lookalike`` is refused):

- ``cfg-region`` / ``toml-region`` / ``properties-region`` (AWS EU / DE / US / JP / CN): an EC2 instance's user data
  writes the agent's ``/etc/fleet/sink.<format>`` naming the Region its SDK calls; ``-lookalike`` the Region beside.
- ``ali-toml-region`` (Alibaba Cloud CN / JP / DE): an ECS instance's user data writes the same TOML file with the
  market's region; ``-lookalike`` the region beside it.

tests/test_realistic_programs.py runs them as CASES (``mutation51-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_HOME, DEPLOYER, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the Alibaba Cloud programs run in (the table's Alibaba provider region, ``ALI_HOME``)."""
AWS_LOOKALIKE = {"EU": "eu-west-2", "DE": "eu-central-2", "US": "ca-central-1", "JP": "us-east-1", "CN": "ap-east-1"}
"""The AWS Region beside each jurisdiction's home (an AWS Region: the search's ``cn-hongkong`` is Alibaba's)."""
ALI_LOOKALIKE = {"CN": "cn-hongkong", "JP": "ap-northeast-2", "DE": "eu-west-1"}
"""The Alibaba Cloud region beside each market's (Hong Kong beside Shanghai, Seoul beside Tokyo, London beside
Frankfurt)."""
WHO = ("own", "lookalike")
LOOKALIKE_RULES = {"RES-009"}
"""A Region outside the jurisdiction named in the config file: every door's verdict on each lookalike."""
FORMATS = {
    "cfg": "[sink]\nregion = {region}\nbatch_seconds = 30\n",
    "toml": '[sink]\nregion = "{region}"\nbatch_seconds = 30\n',
    "properties": "sink.region={region}\nsink.batch.seconds=30\n",
}
"""A config file's body in each format the search's ``config-file`` kind wrote (``.conf`` lines without ``=`` are
not read by key: docs, Left open)."""


def _script(extension: str, region: str) -> str:
    """A boot script writing the agent's config file (a quoted heredoc: the file holds the text as written)."""
    body = FORMATS[extension].format(region=region)
    return (
        "#!/bin/bash\nset -euo pipefail\nmkdir -p /etc/fleet\n"
        f"cat > /etc/fleet/sink.{extension} <<'EOF'\n{body}EOF\nsystemctl restart fleet-agent\n"
    )


def _aws_config(extension: str) -> Callable[[str, str], Build]:
    def make(code: str, who: str) -> Build:
        # docs: ec2/instance (user_data: "User data to provide when launching the instance"); the agent's SDK calls
        # the Region its config file names.
        region = AWS_HOME[code] if who == "own" else AWS_LOOKALIKE[code]

        def build(c: Any) -> object:
            return aws.ec2.Instance(
                "agent", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0],
                user_data=_script(extension, region), opts=c.aws,
            )  # fmt: skip

        return build

    return make


def ali_toml_region(code: str, who: str) -> Build:
    # docs: ecs/instance (user_data: base64 or plain text).
    region = ALI_HOME[code] if who == "own" else ALI_LOOKALIKE[code]

    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return ali_boot(c, _script("toml", region))

    return build


FAMILIES: dict[str, tuple[Callable[[str, str], Build], tuple[str, ...]]] = {
    "cfg-region": (_aws_config("cfg"), AWS_CODES),
    "toml-region": (_aws_config("toml"), AWS_CODES),
    "properties-region": (_aws_config("properties"), AWS_CODES),
    "ali-toml-region": (ali_toml_region, ALI_CODES),
}
"""shape -> (program, its jurisdictions)."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return [
        (f"mutation51-{code.lower()}-{shape}-{who}", code, make(code, who), LOOKALIKE_RULES if who == "lookalike"
         else set(), [])
        for shape, (make, codes) in FAMILIES.items()
        for code in codes
        for who in WHO
    ]  # fmt: skip
