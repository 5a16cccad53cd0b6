"""Scripts and user data, round 11, part 2 (stop 55, issue 9, scripts55b).

*Scripts and user data, round 11 (stop 55)* and *False alarms, round 17 (stop 55)* left shapes the one script reader
did not read (docs/residency-open.md, "Free text and scripts"). Reproduced on the unchanged engine (main at b59e64d8),
these programs through every front door; the offending ones marked "passed" each passed every door:

1. **A function's ``$1`` in a URL's host** (``notify-url-*``, ``fetch-url-*``): ``notify() { curl -fsS -X POST
   "http://$1:8080/hooks/boot"; }`` then ``notify <partner>`` passed (the leak falsealarm55 found), and a multi-line
   ``fetch()`` building ``"https://$1/..."`` likewise. The same ``$1`` at ``psql -h "$1"`` (``fn-psql-*``) was
   refused there already (pinned).
2. **``"$@"`` as a command's own words** (``pass-opts-*``, ``retry-*``, ``pass-host-*``, ``set-args-*``): a wrapper
   passing options on (``retain() { aws logs put-retention-policy ... "$@"; }`` then ``retain --region <abroad>``), a
   retry loop running ``"$@"`` given the whole ``aws ... --region <abroad>`` command, ``pg() { psql "$@" ...; }`` then
   ``pg -h <partner>``, and ``set -- --region <abroad>`` then ``aws ... "$@"`` each passed. ``$#`` (a count, never a
   destination: ``count-home``) passes, pinned.
3. **A container's command beyond ``docker run``** (``docker-exec-*``, ``podman-cli-*``, ``podman-psql-*``,
   ``kubectl-cli-*``, ``kubectl-psql-*``): ``docker exec fleet-cli aws logs ... --region <abroad>``, ``podman run
   public.ecr.aws/aws-cli/aws-cli ... --region <abroad>``, ``podman run postgres:16 psql -h <partner>``, ``kubectl run
   --image=amazon/aws-cli -- logs ... --region <abroad>`` and ``kubectl run --image=postgres:16 --command -- psql -h
   <partner>`` each passed. An SSM Command document's ``aws:runShellScript`` with the ``"$@"`` wrapper
   (``ssm-pass-opts-*``) passed too.
4. **Alibaba Cloud** (``ali-*``, CN / JP / DE; ECS instances): ``notify() { curl "http://$1:8080/..."; }`` then
   ``notify <partner>``, and ``describe() { aliyun ecs DescribeInstances "$@"; }`` then ``describe --RegionId
   <abroad>`` passed.

What changed (docs/residency.md, *Scripts and user data, round 11, part 2 (stop 55)*): the engine's URL and host
patterns take a positional parameter (``$1``, ``${1}``) as a variable, filled with the calls' words; scripts.py's
``all_positional_expanded`` writes a command holding ``"$@"`` / ``$*`` out once per call (or ``set --``); the
catalogue reads ``docker exec``, ``podman run`` / ``create`` / ``exec``, ``kubectl run`` / ``exec`` as the command they
run (a ``docker run IMAGE COMMAND`` with no option raised ValueError in the reader: fixed). Each refusal has its
compliant twin (the home Region, the VPC's own database address), which passes.
Ids: ``scripts55b-<jurisdiction>-<shape>``. tests/test_realistic_programs.py runs them as CASES (``scripts55b-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_aws as aws
from platform_parts import ALI_HOME, AWS_ABROAD, AWS_HOME, SUBNETS, Build, Row, ali_boot

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs."""
ALI_ABROAD = {"CN": "ap-southeast-1", "JP": "us-west-1", "DE": "us-west-1"}
"""An Alibaba Cloud region outside each market (Singapore, US Silicon Valley)."""
PARTNER = "hooks.partner-analytics.com"
"""A partner's host no catalogue places."""
OWN = "10.0.1.15"
"""The VPC's own private address (the team's database and hook receiver)."""
IMAGE = "ami-0a1b2c3d4e5f60718"
"""The fleet's machine image."""
RETENTION = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
"""A log retention call; its Region is what each shape gives."""
AWS_EXPECTED = {
    "notify-url-partner": {"RES-015"},
    "notify-url-own": set(),
    "fetch-url-partner": {"RES-015"},
    "fetch-url-own": set(),
    "fn-psql-partner": {"RES-015"},
    "fn-psql-own": set(),
    "pass-opts-abroad": {"RES-009"},
    "pass-opts-home": set(),
    "retry-abroad": {"RES-009"},
    "retry-home": set(),
    "pass-host-partner": {"RES-015"},
    "pass-host-own": set(),
    "set-args-abroad": {"RES-009"},
    "set-args-home": set(),
    "count-home": set(),
    "docker-exec-abroad": {"RES-009"},
    "docker-exec-home": set(),
    "podman-cli-abroad": {"RES-009"},
    "podman-cli-home": set(),
    "podman-psql-partner": {"RES-015"},
    "podman-psql-own": set(),
    "kubectl-cli-abroad": {"RES-009"},
    "kubectl-cli-home": set(),
    "kubectl-psql-partner": {"RES-015"},
    "kubectl-psql-own": set(),
    "ssm-pass-opts-abroad": {"RES-009"},
    "ssm-pass-opts-home": set(),
    "array-index-abroad": {"RES-009"},
    "array-index-home": set(),
    "mapfile-file-abroad": {"RES-009"},
    "mapfile-file-home": set(),
    "mapfile-process-unknown": {"RES-011"},
    "mapfile-process-metadata": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
ALI_EXPECTED = {
    "ali-notify-url-partner": {"RES-015"},
    "ali-notify-url-own": set(),
    "ali-pass-opts-abroad": {"RES-009"},
    "ali-pass-opts-home": set(),
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""
LAUNCH_TEMPLATES = ("fetch-url-", "retry-", "set-args-", "podman-psql-", "kubectl-cli-", "mapfile-file-")
"""The shapes booted by a launch template (base64 user data); the others by an instance."""


def _user_data(code: str, shape: str) -> str:
    """A boot script naming its destination through a function's positional parameters, ``"$@"``, or a container
    another tool runs (bash(1) "Positional Parameters", "Special Parameters"; docker exec, podman-run(1), kubectl
    run)."""
    head = "#!/bin/bash\nset -euo pipefail\n"
    region = AWS_ABROAD[code] if shape.endswith("-abroad") else AWS_HOME[code]
    host = PARTNER if shape.endswith("-partner") else OWN
    if shape.startswith("notify-url-"):
        return f'{head}notify() {{ curl -fsS -X POST "http://$1:8080/hooks/boot"; }}\nnotify {host}\n'
    if shape.startswith("fetch-url-"):
        return (
            f'{head}fetch() {{\n  local name="$2"\n'
            f'  curl -fsS --retry 3 "https://$1/releases/$name" -o "/opt/fleet/$name"\n'
            f"}}\nfetch {host} fleet-agent.tar.gz\ntar -xzf /opt/fleet/fleet-agent.tar.gz -C /opt/fleet\n"
        )
    if shape.startswith("fn-psql-"):
        return f'{head}dump() {{\n  psql -h "$1" -U reports -d fleet -c "select 1"\n}}\ndump {host}\n'
    if shape.startswith("pass-opts-"):
        return f'{head}retain() {{\n  {RETENTION} "$@"\n}}\nretain --region {region}\n'
    if shape.startswith("retry-"):
        return (
            f'{head}retry() {{\n  for n in 1 2 3; do\n    "$@" && return 0\n    sleep $((n * 5))\n  done\n'
            f"  return 1\n}}\nretry {RETENTION} --region {region}\n"
        )
    if shape.startswith("pass-host-"):
        return f'{head}pg() {{ PGCONNECT_TIMEOUT=5 psql "$@" -U reports -d fleet -c "select 1"; }}\npg -h {host}\n'
    if shape.startswith("set-args-"):
        return f'{head}set -- --region {region}\n{RETENTION} "$@"\n'
    if shape.startswith("count-"):
        return (
            f'{head}retain() {{\n  if [ "$#" -lt 1 ]; then echo "usage: retain REGION" >&2; return 2; fi\n'
            f'  {RETENTION} --region "$1"\n}}\nretain {region}\n'
        )
    return _container_data(code, shape, head, region, host)


def _container_data(code: str, shape: str, head: str, region: str, host: str) -> str:
    """A boot script whose destination a container another tool runs names, or an array's element read from a file
    or a process substitution."""
    if shape.startswith("docker-exec-"):
        # docker container exec: "docker container exec [OPTIONS] CONTAINER COMMAND [ARG...]"
        return (
            f"{head}docker run -d --name fleet-cli --entrypoint sleep public.ecr.aws/aws-cli/aws-cli:2.22.0 infinity\n"
            f"docker exec -e AWS_PAGER= fleet-cli {RETENTION} --region {region}\n"
        )
    if shape.startswith("podman-cli-"):
        # podman-run(1): "podman run [options] image [command [arg ...]]"; the AWS CLI image's entrypoint is aws
        return (
            f"{head}podman run --rm --pull=missing -e AWS_PAGER= public.ecr.aws/aws-cli/aws-cli:2.22.0 "
            f"{RETENTION.removeprefix('aws ')} --region {region}\n"
        )
    if shape.startswith("podman-psql-"):
        return (
            f"{head}podman run --rm --name nightly -e PGPASSWORD -v /srv/sql:/sql:Z docker.io/library/postgres:16 "
            f"psql -h {host} -U reports -d fleet -f /sql/nightly.sql\n"
        )
    if shape.startswith("kubectl-cli-"):
        # kubectl run NAME --image=image [...] -- [COMMAND] [args...] (the image's entrypoint runs the args)
        return (
            f"{head}kubectl run retention --image=amazon/aws-cli:2.22.0 --restart=Never --env=AWS_PAGER= -- "
            f"{RETENTION.removeprefix('aws ')} --region {region}\n"
        )
    if shape.startswith("array-index-"):
        # bash(1) "Arrays": "if the optional brackets and subscript are supplied, that index is assigned to"
        return f'{head}REGIONS=([0]={AWS_HOME[code]} [1]={region})\n{RETENTION} --region "${{REGIONS[1]}}"\n'
    if shape.startswith("mapfile-file-"):
        return (
            f"{head}cat > /etc/fleet/regions <<EOF\n{AWS_HOME[code]}\n{region}\nEOF\n"
            f'mapfile -t REGIONS < /etc/fleet/regions\n{RETENTION} --region "${{REGIONS[1]}}"\n'
        )
    if shape == "mapfile-process-unknown":
        return (
            f"{head}mapfile -t REGIONS < <(aws ssm get-parameter --name /fleet/dr-regions --query Parameter.Value "
            f"--output text | tr , '\\n')\n{RETENTION} --region \"${{REGIONS[0]}}\"\n"
        )
    if shape == "mapfile-process-metadata":
        return (
            f"{head}TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token "
            f'-H "X-aws-ec2-metadata-token-ttl-seconds: 300")\n'
            f'mapfile -t REGIONS < <(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" '
            f"http://169.254.169.254/latest/meta-data/placement/region)\n"
            f'{RETENTION} --region "${{REGIONS[0]}}"\n'
        )
    # kubectl-psql-: `--command`: the words after `--` are the container's command
    return (
        f"{head}kubectl run nightly --image=postgres:16 --restart=Never --command -- "
        f"psql -h {host} -U reports -d fleet -c 'select 1'\n"
    )


def _commands(code: str, shape: str) -> list[str]:
    """The command lines of an SSM document's ``aws:runShellScript`` step: the user data shape of the same name,
    after the shebang and ``set`` lines."""
    return _user_data(code, shape.removeprefix("ssm-")).splitlines()[2:]


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape.startswith("ssm-"):
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": _commands(code, shape)}}
            document = {"schemaVersion": "2.2", "description": "Fleet log retention", "mainSteps": [step]}
            return aws.ssm.Document("fleet-retention", name="fleet-retention", document_type="Command",
                                    document_format="JSON", content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape.startswith(LAUNCH_TEMPLATES):
            # docs: ec2/launchtemplate (image_id, instance_type, user_data: base64)
            data = base64.b64encode(_user_data(code, shape).encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id=IMAGE, instance_type="t3.small", user_data=data,
                                          opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami=IMAGE, instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=_user_data(code, shape), opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """A boot hook posted to a function's ``$1``, or an aliyun CLI call given its region through a wrapper's
    ``"$@"``."""
    if shape.startswith("ali-notify-url-"):
        host = PARTNER if shape.endswith("-partner") else "192.168.1.20"
        return f'#!/bin/bash\nnotify() {{ curl -fsS -X POST "http://$1:8080/hooks/boot"; }}\nnotify {host}\n'
    region = ALI_ABROAD[code] if shape.endswith("abroad") else ALI_HOME[code]
    return (
        '#!/bin/bash\ndescribe() {\n  aliyun ecs DescribeInstances --PageSize 50 "$@"\n}\n'
        f"describe --RegionId {region}\n"
    )


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        return ali_boot(c, _ali_script(code, shape))

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts55b-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts55b-{code.lower()}-"
        out += [(p + s, code, ali_program(code, s), expected, []) for s, expected in ALI_EXPECTED.items()]
    return out
