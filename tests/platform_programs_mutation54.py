"""Mutation search, round 23: stop 53's readers spelled another way (stop 54, issue 9: mutation54).

Round 23 mutated the stop-53 table programs' readers (config53's ``words`` files, nginx directives, Compose aliases,
fnros53's jq filters and ROS number functions) with the existing kinds (home value abroad, spelling: quoting, case,
whitespace, comments, another key order) and new ones: a ``words`` line with a tab, a trailing comment, an
``include``d file, the same setting on the server's command line; nginx directives split over lines; Compose's long and
JSON syntax; jq paths with ``[]?`` / ``.key?``; ROS numbers as strings. Probed as ``RuleEngine(code).check(...)`` of EC2
/ ECS user data and ROS templates (a scratch probe kept out of the tree). Reproduced on the unchanged engine (main
51ca59f), each through every front door:

- **Leaks** (passed every door with a partner's host): an nginx directive whose address is on the next line
  (``fastcgi_pass`` alone on its line, then ``<partner>:9000;``; an ``upstream`` group's ``server`` split the same way):
  nginx ends a directive at its ``;``, not at the line's end; a Redis replica's primary given on ``redis-server``'s
  command line (``--replicaof <partner> 6379``, redis.io "Passing arguments via the command line"), sent by
  ``redis-cli ... REPLICAOF <partner> 6379`` or written to
  ``/etc/valkey/valkey.conf`` (Valkey, the Redis fork Amazon Linux 2023 ships) or ``/etc/redis/6379.conf`` (the name
  Redis's own ``install_server.sh`` gives a port's file).
- **Leaks in the shell reader** (stop 53's default words and loops, spelled another way): ``: "${DR_REGION:=<region>}"``
  then ``--region "$DR_REGION"`` (the assign-default idiom: the ``:`` line assigned nothing) and ``for region in <home>
  \\`` with the second Region on the next line (the loop's words stopped at the backslash).
- **False alarms**: a Compose file written as JSON (or with its keys quoted) whose app reaches its search by a
  network alias: RES-015 (the ``services:`` line was looked for unquoted). A ROS ``Fn::Jq`` filter with jq's optional
  forms (``.targets[]? | select(.role? == "backup") | .region?``) was RES-011 at home (the filter unread) and RES-011
  abroad (the Region is known: RES-009).

Now the ``-abroad`` programs (a partner's host, a Region abroad) are RES-015 / RES-009 at every door and the ``-home``
twins (the VPC's own addresses, the home Region) pass (docs/residency.md "Mutation search, round 23 (stop 54)").

Ids ``mutation54-<code>-<kind>-<home|abroad>``:

- ``nginx-split-fastcgi`` (AWS EU / US / JP / CN, Alibaba Cloud CN / JP / DE): PHP-FPM behind nginx, the
  ``fastcgi_pass`` address on the line after the directive (``-home``: 127.0.0.1; ``-abroad``: the partner's).
- ``nginx-split-upstream`` (AWS): an ``upstream`` group whose ``server`` and its address stand on separate lines.
- ``redis-server-replicaof`` (AWS, Alibaba Cloud): a replica started as ``redis-server /etc/redis/redis.conf
  --replicaof <primary> 6379``.
- ``redis-cli-replicaof`` (AWS): the replica told its primary by ``redis-cli ... REPLICAOF <primary> 6379``.
- ``valkey-replica`` (AWS): ``/etc/valkey/valkey.conf``'s ``replicaof``; ``redis-port-conf`` (AWS):
  ``/etc/redis/6379.conf``'s ``replicaof``.
- ``snapshot-copy-colon-default``, ``snapshot-copy-loop-continued`` (AWS): an EBS snapshot copy to the Region a
  ``:=`` default or a continued loop gives (``-home``: the jurisdiction's; ``-abroad``: its neighbour).
- ``compose-json`` (AWS): the fleet's Compose file as JSON, the app's ``SEARCH_URL`` a network alias (``-home``) or a
  partner's search host (``-abroad``).
- ``ros-copy-jq-optional`` (ROS CN / JP / DE): an image copy whose Region a jq filter with ``[]?`` / ``.key?`` picks.

tests/test_realistic_programs.py runs them as CASES (``mutation54-*``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi_aws as aws
from platform_parts import (
    ALI_HOME,
    AWS_HOME,
    PARTNER_DB,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    home_abroad_rows,
    ros_stack,
)
from platform_programs_mutation53 import AWS_NEIGHBOUR, AWS_SECOND

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The markets of the Alibaba Cloud programs (``ALI_HOME``)."""
ALI_AWAY = {"CN": "cn-hongkong", "JP": "ap-southeast-1", "DE": "eu-west-1"}
"""An Alibaba Cloud Region outside each market (Hong Kong; Singapore; London is ``eu-west-1``)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
PRIVATE_DB = "10.0.3.9"
"""The fleet's own Redis primary in the VPC (a private address)."""


def _host(where: str) -> str:
    return PRIVATE_DB if where == "home" else PARTNER_DB


def nginx_split_fastcgi(where: str) -> str:
    # nginx "Configuration File's Structure": "A simple directive consists of the name and parameters separated by
    # spaces and ends with a semicolon (;)": the address may stand on the next line.
    php = "127.0.0.1" if where == "home" else PARTNER_DB
    return (
        "cat > /etc/nginx/conf.d/fleet.conf <<'EOF'\nserver {\n    listen 80;\n    root /var/www/fleet;\n"
        "    location ~ \\.php$ {\n        include fastcgi_params;\n        fastcgi_param SCRIPT_FILENAME "
        "$document_root$fastcgi_script_name;\n        fastcgi_pass\n"
        f"            {php}:9000;\n    }}\n}}\nEOF\nsystemctl reload nginx\n"
    )


def nginx_split_upstream(where: str) -> str:
    # ngx_http_upstream_module: `server address [parameters];` inside `upstream name { ... }`, here one parameter a
    # line.
    return (
        "cat > /etc/nginx/conf.d/api.conf <<'EOF'\nupstream api {\n    server\n"
        f"        {_host(where)}:8443\n        max_fails=3\n        fail_timeout=30s;\n    keepalive 16;\n}}\n"
        "server {\n    listen 80;\n    location / { proxy_pass https://api; }\n}\nEOF\nsystemctl reload nginx\n"
    )


def redis_server_replicaof(where: str) -> str:
    # redis.io "Redis configuration": "Passing arguments via the command line ... ./redis-server --port 6380
    # --replicaof 127.0.0.1 6379".
    return (
        f"redis-server /etc/redis/redis.conf --replicaof {_host(where)} 6379 --replica-read-only yes --daemonize yes\n"
    )


def redis_cli_replicaof(where: str) -> str:
    # redis.io REPLICAOF ("REPLICAOF hostname port will make the server a replica of another server listening at the
    # specified hostname and port"), sent by redis-cli once the local server is up.
    return (
        "systemctl enable --now redis\nuntil redis-cli -h 127.0.0.1 -p 6379 ping; do sleep 1; done\n"
        f'redis-cli -h 127.0.0.1 -p 6379 -a "$REDIS_PASSWORD" REPLICAOF {_host(where)} 6379\n'
    )


def valkey_replica(where: str) -> str:
    # valkey.io "Replication": `replicaof 192.168.1.1 6379` in valkey.conf.
    return (
        "dnf install -y valkey\ncat > /etc/valkey/valkey.conf <<'EOF'\nbind 0.0.0.0\nport 6379\n"
        f"replicaof {_host(where)} 6379\nreplica-read-only yes\ndir /var/lib/valkey\nEOF\n"
        "systemctl enable --now valkey\n"
    )


def redis_port_conf(where: str) -> str:
    # redis utils/install_server.sh: "Please select the redis config file name [/etc/redis/6379.conf]".
    return (
        "cat > /etc/redis/6379.conf <<'EOF'\nport 6379\ndaemonize yes\n"
        f"replicaof {_host(where)} 6379\ndir /var/lib/redis/6379\nEOF\n"
        "/usr/local/bin/redis-server /etc/redis/6379.conf\n"
    )


def compose_json(where: str) -> str:
    # Compose file reference: a network's `aliases` ("Other containers on the same network can use either the service
    # name or an alias"); the file written as JSON (YAML reads JSON: the Compose file is YAML).
    search = "search" if where == "home" else "search.partner-analytics.com"
    document = {
        "services": {
            "app": {"image": "fleet/app:1.4", "environment": {"SEARCH_URL": f"http://{search}:9200"},
                    "networks": ["backend"]},
            "opensearch": {"image": "opensearchproject/opensearch:2", "networks": {"backend": {"aliases": ["search"]}}},
        },
        "networks": {"backend": {}},
    }  # fmt: skip
    return (
        f"mkdir -p /opt/fleet\ncat > /opt/fleet/docker-compose.yml <<'EOF'\n{json.dumps(document, indent=2)}\nEOF\n"
        "docker compose -f /opt/fleet/docker-compose.yml up -d\n"
    )


def _copy_to(code: str, region: str) -> str:
    # aws ec2 copy-snapshot: the copy is made in the Region the call goes to (--region).
    return (f"aws ec2 copy-snapshot --source-region {AWS_HOME[code]} --source-snapshot-id snap-0a1b2c3d4e5f60718 "
            f"--description nightly-dr --region {region}")  # fmt: skip


def snapshot_copy_colon_default(code: str, where: str) -> str:
    # bash(1) "Assign Default Values": `${parameter:=word}`; the `:` builtin only expands its arguments.
    region = AWS_HOME[code] if where == "home" else AWS_NEIGHBOUR[code]
    return f': "${{DR_REGION:={region}}}"\n{_copy_to(code, "$DR_REGION")}\n'


def snapshot_copy_loop_continued(code: str, where: str) -> str:
    # bash(1) "Compound Commands" (`for name in word ...`) and a backslash-newline continuing the words.
    second = AWS_SECOND[code] if where == "home" else AWS_NEIGHBOUR[code]
    return f"for region in {AWS_HOME[code]} \\\n    {second}; do\n  {_copy_to(code, '$region')}\ndone\n"


def _aws_code(script: Callable[[str, str], str]) -> Callable[[str, str], Build]:
    def make(code: str, where: str) -> Build:
        return _aws(lambda w: script(code, w))(code, where)

    return make


def _aws(script: Callable[[str], str]) -> Callable[[str, str], Build]:
    def make(code: str, where: str) -> Build:
        def build(c: Any) -> object:
            # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
            return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                    user_data=f"#!/bin/bash\nset -euo pipefail\n{script(where)}",
                                    opts=c.aws)  # fmt: skip

        return build

    return make


def _ali(script: Callable[[str], str]) -> Callable[[str, str], Build]:
    def make(code: str, where: str) -> Build:
        return lambda c: ali_boot(c, f"#!/bin/bash\n{script(where)}")

    return make


def ros_copy_jq_optional(code: str, where: str) -> Build:
    # ROS Fn::Jq [First, filter, JSON]; jq manual "Optional Object Identifier-Index: .foo?" ("does not output an error
    # when . is not an object") and ".[]?" ("no errors will be output if . is not an array or object").
    picked, other = (ALI_HOME[code], ALI_AWAY[code]) if where == "home" else (ALI_AWAY[code], ALI_HOME[code])
    settings = json.dumps({"targets": [{"role": "archive", "region": other}, {"role": "backup", "region": picked}]})
    jq = '.targets[]? | select(.role? == "backup") | .region?'
    # ROS ALIYUN::ECS::CopyImage DestinationRegionId: the Region the image is copied to.
    region = {"Fn::Jq": ["First", jq, settings]}
    copy = {"Type": "ALIYUN::ECS::CopyImage", "Properties": {"ImageId": "m-uf6fleetbase0001",
                                                               "DestinationRegionId": region}}  # fmt: skip
    return ros_stack("images", {"Copy": copy})


HOST = {"RES-015"}
KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "nginx-split-fastcgi": (_aws(nginx_split_fastcgi), HOST, AWS_CODES),
    "nginx-split-upstream": (_aws(nginx_split_upstream), HOST, AWS_CODES),
    "redis-server-replicaof": (_aws(redis_server_replicaof), HOST, AWS_CODES),
    "redis-cli-replicaof": (_aws(redis_cli_replicaof), HOST, AWS_CODES),
    "valkey-replica": (_aws(valkey_replica), HOST, AWS_CODES),
    "redis-port-conf": (_aws(redis_port_conf), HOST, AWS_CODES),
    "compose-json": (_aws(compose_json), HOST, AWS_CODES),
    "snapshot-copy-colon-default": (_aws_code(snapshot_copy_colon_default), {"RES-009"}, AWS_CODES),
    "snapshot-copy-loop-continued": (_aws_code(snapshot_copy_loop_continued), {"RES-009"}, AWS_CODES),
    "ali-nginx-split-fastcgi": (_ali(nginx_split_fastcgi), HOST, ALI_CODES),
    "ali-redis-server-replicaof": (_ali(redis_server_replicaof), HOST, ALI_CODES),
    "ros-copy-jq-optional": (ros_copy_jq_optional, {"RES-009"}, ALI_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) for the realistic table."""
    return home_abroad_rows("mutation54", KINDS)
