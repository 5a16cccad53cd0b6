"""Mutation search, round 21: nginx's other upstream addresses and an Alibaba Cloud CLI call's Region on an AWS machine
(stop 52, issue 9: mutation52).

Round 21's ``nginx-pass`` and ``aliyun-region`` kinds appended to the table's scripts the shapes the engine learnt in
stop 51 (falsealarm51's server groups, alired51's ``--DestinationRegionId``) written as a platform engineer also writes
them. Reproduced first on the unchanged engine (main faa992a, ``RuleEngine`` on EC2 / ECS user data): an nginx file's
``fastcgi_pass <partner>:9000;`` (and ``uwsgi_pass`` / ``grpc_pass`` / ``scgi_pass`` / ``memcached_pass``, and the
stream module's ``proxy_pass <partner>:5432;``), an ``upstream api { server <partner>:443; }`` written on one line, a
``proxy_pass http://api;`` whose group only a comment names (``# upstream api {``), and ``aliyun ecs CopyImage
--DestinationRegionId eu-west-1`` (Alibaba Cloud's London) on an AWS machine in the EU or Germany: **passed** in every
jurisdiction; the ``-own`` twins passed too. The ``-partner`` programs are now RES-015 (RES-009 for the copy), at the
guard, the plan, the pack and both reviews; ``-partner-declared`` programs pass with the intake declared
(docs/residency.md "Mutation search, round 21 (stop 52)").

``kind`` and ``who`` (``-own`` passes, ``-partner`` is refused, ``-partner-declared`` passes):

- ``nginx-fastcgi`` (AWS EU / DE / US / JP / CN, Alibaba Cloud CN / JP / DE): a PHP site's ``fastcgi_pass`` to the
  team's FPM pool (``10.20.1.15:9000``) or to a partner's host.
- ``nginx-upstream-line`` (the same): an ``upstream`` group written on one line, its server the team's or a
  partner's.
- ``nginx-stream`` (AWS): a TCP proxy (the stream module's ``proxy_pass host:port``) to the team's database or a
  partner's.
- ``nginx-comment-group`` (AWS): ``proxy_pass http://api;`` with the group defined (``-own``) or only commented out
  (``-partner``: nginx resolves ``api`` as a host name; the declared twin declares nothing it could match, so it is
  not made).
- ``aliyun-copy`` (AWS EU / DE): an AWS machine copying an Alibaba Cloud image with the Alibaba Cloud CLI to
  Frankfurt (``-own``) or to London (``-partner``: ``eu-west-1`` is Alibaba Cloud's London, AWS's Ireland).

tests/test_realistic_programs.py runs them as CASES (``mutation52-*``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import DEPLOYER, PARTNER_INTAKE, SUBNETS, Build, Row, account_rows, ali_boot

AWS_CODES = ("EU", "DE", "US", "JP", "CN")
"""The jurisdictions the AWS programs run in (the table's AWS provider Region, ``AWS_HOME``)."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets the Alibaba Cloud programs run in (the table's Alibaba provider region, ``ALI_HOME``)."""
OWN_POOL = "10.20.1.15"
"""The team's backend inside the VPC (a private address: in-network)."""
PARTNER_DECLARED: dict[str, Any] = {
    "id": "analytics-intake", "kind": "resident", "match": PARTNER_INTAKE,
    "evidence": "the analytics vendor's in-market intake; its contract keeps the data in the market",
}  # fmt: skip
"""The partner's intake, declared: the ``-partner-declared`` programs pass."""
NGINX: dict[str, str] = {
    "nginx-fastcgi": "server {{\n  listen 80;\n  root /var/www/app;\n"
    "  location ~ \\.php$ {{\n    include fastcgi_params;\n    fastcgi_pass {host}:9000;\n  }}\n}}\n",
    "nginx-upstream-line": "upstream api {{ server {host}:443; }}\n"
    "server {{\n  listen 80;\n  location / {{ proxy_pass https://api; }}\n}}\n",
    "nginx-stream": "stream {{\n  server {{ listen 5432; proxy_pass {host}:5432; }}\n}}\n",
}
"""nginx files (``{host}``: the team's address or the partner's host): the ``*_pass`` directives' bare addresses and
a group written on one line (mutation52's ``script_commands``)."""
COMMENTED_GROUP = {
    "own": "upstream api {\n  server 10.20.1.15:8080;\n}\n",
    "partner": "# upstream api {\n#   server 10.20.1.15:8080;\n# }\n",
}
"""The ``api`` group defined, or only commented out (no group: ``http://api`` is a host nginx resolves)."""
ALI_COPY_TO = {"own": "eu-central-1", "partner": "eu-west-1"}
"""Where the Alibaba Cloud image copy goes: Frankfurt, or London (``eu-west-1`` on Alibaba Cloud)."""


def _nginx_script(conf: str) -> str:
    """A boot script writing the site's nginx file (a quoted heredoc: the file holds the text as written)."""
    return (
        "#!/bin/bash\nset -euo pipefail\ndnf install -y nginx\n"
        f"cat > /etc/nginx/conf.d/app.conf <<'EOF'\n{conf}EOF\nsystemctl enable --now nginx\n"
    )


def _aws_machine(script: str) -> Build:
    # docs: ec2/instance (user_data: "User data to provide when launching the instance").
    def build(c: Any) -> object:
        return aws.ec2.Instance(
            "web", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0], user_data=script,
            opts=c.aws,
        )  # fmt: skip

    return build


def _ali_machine(script: str) -> Build:
    def build(c: Any) -> object:
        c.ali_role = DEPLOYER
        return ali_boot(c, script)

    return build


def _host(who: str) -> str:
    return OWN_POOL if who == "own" else PARTNER_INTAKE


def _nginx(kind: str, machine: Callable[[str], Build]) -> Callable[[str, str], Build]:
    def make(code: str, who: str) -> Build:
        return machine(_nginx_script(NGINX[kind].format(host=_host(who))))

    return make


def nginx_comment_group(code: str, who: str) -> Build:
    conf = COMMENTED_GROUP[who] + "server {\n  listen 80;\n  location / { proxy_pass http://api; }\n}\n"
    return _aws_machine(_nginx_script(conf))


def aliyun_copy(code: str, who: str) -> Build:
    to = ALI_COPY_TO[who]
    copy = f"aliyun ecs CopyImage --RegionId eu-central-1 --ImageId m-gw5fleet01 --DestinationRegionId {to}"
    script = f"#!/bin/bash\nset -euo pipefail\n{copy}\n"
    return _aws_machine(script)


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    out: list[Row] = []
    for kind in NGINX:
        out += account_rows("mutation52", {kind: _nginx(kind, _aws_machine)}, AWS_CODES, PARTNER_DECLARED,
                            frozenset({"RES-015"}))  # fmt: skip
        if kind != "nginx-stream":
            out += account_rows("mutation52", {f"ali-{kind}": _nginx(kind, _ali_machine)}, ALI_CODES,
                                PARTNER_DECLARED, frozenset({"RES-015"}))  # fmt: skip
    for code in AWS_CODES:
        out += [(f"mutation52-{code.lower()}-nginx-comment-group-{who}", code, nginx_comment_group(code, who),
                 {"RES-015"} if who == "partner" else set(), []) for who in ("own", "partner")]  # fmt: skip
    for code in ("EU", "DE"):
        out += [(f"mutation52-{code.lower()}-aliyun-copy-{who}", code, aliyun_copy(code, who),
                 {"RES-009"} if who == "partner" else set(), []) for who in ("own", "partner")]  # fmt: skip
    return out
