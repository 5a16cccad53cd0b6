"""Scripts and user data, round 6 (stop 50, issue 9, scripts50).

Reproduced on the unchanged engine (main at 25d38a3), one-value checks then these programs through every front door:

1. **Values through rewriting and selecting filters** (``filter-*``, EC2 user data of an instance in plain text, of a
   launch template in base64, an SSM Command document's ``aws:runShellScript`` and a CodeBuild buildspec, EU / US / JP
   / CN): ``HOST=$(echo collector.fleet.internal | awk '{sub(/fleet.internal/,"partner-analytics.com")}1')`` (or
   ``perl -pe 's/.../.../'``) then ``curl https://$HOST/intake``, and ``R=$(echo "fleet:<abroad>" | cut -d: -f2)``
   then ``aws logs ... --region $R``, passed (a value made at run time): RES-015 / RES-009 now. The same filters over
   a private address and the stack's own Region pass.
2. **xargs fed by filters, inside sh -c, and eval** (``xargs-*``, ``eval-*``): ``echo '{"collector": <partner>}' | jq
   -r .collector | xargs -I{} curl https://{}/intake``, ``bash -c 'echo <partner> | xargs -I{} curl ...'`` and
   ``eval "psql -h <partner> -f ..."`` passed: RES-015.
3. **Application and tool config files** (``conf-*``, ``toml-*``, ``rclone-*``, ``props-*``): ``cat >
   /etc/fleet/app.conf <<EOF`` with ``region = <abroad>``, a TOML ``[aws] region = "<abroad>"`` and an rclone
   remote's ``region = <abroad>`` passed (only ``.json`` / ``.yaml`` / ``.ini`` were read by key): RES-009. A
   ``.properties`` file with a private JDBC URL and ``aws.region=$R`` (R from the metadata), an rclone remote in the
   instance's own Region pass.
4. **docker's awslogs driver** (``docker-*``): ``docker run --log-opt awslogs-region=<abroad>`` passed: RES-009; ``$R``
   from the metadata passes.
5. **Kept as they were** (``kept-*``): a systemd unit's ``Environment=`` and ``/etc/environment`` lines, and a crontab
   line's ``curl``, were already read (as the script's assignments / an echoed line): a partner's host in a cron line
   RES-015, the instance's own values pass.
6. **Alibaba Cloud** (``ali-*``, CN / JP / DE; an ECS instance, an ECS launch template, an OOS template's
   ``ACS::ECS::RunCommand``): ``aliyun ecs DescribeInstances --RegionId us-west-1`` and ``aliyun ... --endpoint
   <partner>`` passed: RES-009 / RES-015; an ossutil ``~/.ossutilconfig`` on the region's internal endpoint and
   ``--RegionId`` from the ECS metadata pass; a ``.toml`` naming a partner's database under ``host`` RES-015 (refused
   before too: the line was read as the ``host`` DNS command, by chance).

tests/test_realistic_programs.py runs them as CASES (``scripts50-*``).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pulumi_alicloud as alicloud
import pulumi_aws as aws
from platform_parts import (
    ALI_METADATA,
    AWS_HOME,
    PARTNER_DB,
    PARTNER_INTAKE,
    REGION_FROM_METADATA,
    SUBNETS,
    Build,
    Row,
    ali_boot,
    trust_policy,
)
from platform_parts import AWS_ABROAD as ABROAD

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
ALI_CODES = ("CN", "JP", "DE")
"""The jurisdictions of the Alibaba Cloud programs (the table's Alibaba provider pins each one's region)."""
ALI_ABROAD = "us-west-1"
"""An Alibaba Cloud region outside CN, JP and DE."""
POST = "curl -sf -X POST https://$HOST/intake --data-binary @/var/log/fleet/boot.json"
"""The boot report posted to the host a filter gave."""

AWS_EXPECTED = {
    "filter-awk-partner": {"RES-015"},
    "filter-perl-partner": {"RES-015"},
    "filter-cut-abroad": {"RES-009"},
    "filter-own": set(),
    "xargs-jq-partner": {"RES-015"},
    "xargs-sh-c-partner": {"RES-015"},
    "eval-partner": {"RES-015"},
    "conf-region-abroad": {"RES-009"},
    "toml-region-abroad": {"RES-009"},
    "rclone-abroad": {"RES-009"},
    "rclone-own": set(),
    "props-own": set(),
    "docker-awslogs-abroad": {"RES-009"},
    "docker-awslogs-own": set(),
    "kept-cron-partner": {"RES-015"},
    "kept-unit-own": set(),
}
"""Each AWS shape and its verdict in every jurisdiction."""
SSM = frozenset({"filter-cut-abroad", "xargs-jq-partner", "eval-partner", "docker-awslogs-own"})
"""The shapes run by an SSM Command document (aws:runShellScript, one line a command)."""
BUILDSPEC = frozenset({"filter-perl-partner", "filter-own"})
"""The shapes run by a CodeBuild project's buildspec (phases.build.commands)."""
ENCODED = frozenset({"filter-awk-partner", "conf-region-abroad", "rclone-own", "docker-awslogs-abroad"})
"""The shapes made as a launch template (base64 user data); the others as an instance (plain text)."""
ALI_EXPECTED = {
    "ali-regionid-abroad": {"RES-009"},
    "ali-endpoint-partner": {"RES-015"},
    "ali-metadata-own": set(),
    "ali-toml-partner": {"RES-015"},
}
"""Each Alibaba Cloud shape and its verdict in every jurisdiction."""


def _filter_commands(code: str, shape: str) -> list[str]:
    """A host or Region made by a filter (POSIX awk sub, perlrun -p, coreutils cut) and used."""
    if shape == "filter-awk-partner":
        made = "echo collector.fleet.internal | awk '{sub(/fleet.internal/, \"partner-analytics.com\")}1'"
        return [f"HOST=$({made})", POST]
    if shape == "filter-perl-partner":
        return ["HOST=$(echo collector.fleet.internal | perl -pe 's/fleet\\.internal/partner-analytics.com/')", POST]
    region = ABROAD[code] if shape == "filter-cut-abroad" else AWS_HOME[code]
    commands = [
        f'R=$(echo "fleet:{region}" | cut -d: -f2)',
        "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region $R",
    ]
    if shape == "filter-own":
        commands += ["HOST=$(echo 10.0.3.9:8080 | perl -pe 's/8080/8443/' | tr -d ' ')", POST]
    return commands


def _xargs_commands(shape: str) -> list[str]:
    """A destination passed on by xargs after jq (jq manual: -r, .foo), inside bash -c, or run by eval."""
    post = "xargs -I{} curl -sf -X POST https://{}/intake --data-binary @/var/log/fleet/boot.json"
    if shape == "xargs-jq-partner":
        return [f'echo \'{{"collector": "{PARTNER_INTAKE}"}}\' | jq -r .collector | {post}']
    if shape == "xargs-sh-c-partner":
        return [f"bash -c 'echo {PARTNER_INTAKE} | {post}'"]
    return [f'eval "psql -h {PARTNER_DB} -U fleet -f /opt/fleet/schema.sql"']


def _file_script(code: str, shape: str) -> str:
    """An application's or rclone's settings (rclone docs: a remote's type, provider, env_auth, region), a .properties
    file (java.util.Properties), a systemd unit's Environment= lines, a cron line."""
    region = ABROAD[code]
    if shape == "conf-region-abroad":
        write = f"cat > /etc/fleet/app.conf <<EOF\n[aws]\nregion = {region}\nqueue = fleet-jobs\nEOF\n"
    elif shape == "toml-region-abroad":
        write = f'cat > /etc/fleet/app.toml <<EOF\n[aws]\nregion = "{region}"\nqueue = "fleet-jobs"\nEOF\n'
    elif shape in ("rclone-abroad", "rclone-own"):
        where = region if shape == "rclone-abroad" else "$R"
        remote = f"[archive]\ntype = s3\nprovider = AWS\nenv_auth = true\nregion = {where}\n"
        write = f"{REGION_FROM_METADATA}mkdir -p /root/.config/rclone\ncat > /root/.config/rclone/rclone.conf <<EOF\n"
        write += f"{remote}EOF\n"
    elif shape == "props-own":
        body = "spring.datasource.url=jdbc:postgresql://10.0.3.7:5432/fleet\naws.region=$R\nserver.port=8080\n"
        write = f"{REGION_FROM_METADATA}cat > /opt/fleet/application.properties <<EOF\n{body}EOF\n"
    elif shape == "kept-cron-partner":
        line = f"*/5 * * * * root curl -sf -T /var/log/fleet/app.log https://{PARTNER_INTAKE}/upload"
        write = f"echo '{line}' > /etc/cron.d/fleet-ship\n"
    else:
        unit = "[Service]\nEnvironment=AWS_REGION=$R DB_HOST=10.0.3.7\nExecStart=/opt/fleet/bin/fleet\n"
        write = f"{REGION_FROM_METADATA}cat > /etc/systemd/system/fleet.service <<EOF\n{unit}EOF\n"
        write += 'echo "AWS_DEFAULT_REGION=$R" >> /etc/environment\n'
    return f"#!/bin/bash\nset -euo pipefail\nmkdir -p /etc/fleet\n{write}systemctl enable --now fleet\n"


def _docker_commands(code: str, shape: str) -> list[str]:
    """Run the API with the awslogs log driver (docker docs: awslogs-region, awslogs-group)."""
    region = ABROAD[code] if shape == "docker-awslogs-abroad" else "$R"
    return [
        REGION_FROM_METADATA.strip(),
        f"docker run -d --log-driver awslogs --log-opt awslogs-region={region} --log-opt awslogs-group=/fleet/api "
        "fleet/api:1.4",
    ]


def _aws_commands(code: str, shape: str) -> list[str]:
    if shape.startswith("filter-"):
        return _filter_commands(code, shape)
    if shape.startswith(("xargs-", "eval-")):
        return _xargs_commands(shape)
    return _docker_commands(code, shape)


def aws_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        if shape in SSM:
            # docs: ssm/document (content, document_type Command); SSM "aws:runShellScript" (runCommand)
            step = {
                "action": "aws:runShellScript",
                "name": "boot",
                "inputs": {"runCommand": _aws_commands(code, shape)},
            }
            document = {"schemaVersion": "2.2", "description": "Fleet boot", "mainSteps": [step]}
            return aws.ssm.Document("fleet-boot", name="fleet-boot", document_type="Command", document_format="JSON",
                                    content=json.dumps(document), opts=c.aws)  # fmt: skip
        if shape in BUILDSPEC:
            # docs: codebuild/project (source.buildspec; CodeBuild "Build specification reference": phases.build)
            commands = "".join(f"      - {json.dumps(line)}\n" for line in _aws_commands(code, shape))
            buildspec = f"version: 0.2\nphases:\n  build:\n    commands:\n{commands}"
            role = aws.iam.Role("build", assume_role_policy=trust_policy("codebuild.amazonaws.com"), opts=c.aws)
            return aws.codebuild.Project(
                "fleet-report", service_role=role.arn, artifacts={"type": "NO_ARTIFACTS"},
                source={"type": "NO_SOURCE", "buildspec": buildspec},
                environment={"compute_type": "BUILD_GENERAL1_SMALL", "type": "LINUX_CONTAINER",
                             "image": "aws/codebuild/amazonlinux-x86_64-standard:5.0"},
                opts=c.aws,
            )  # fmt: skip
        if shape.startswith(("conf-", "toml-", "rclone-", "props-", "kept-")):
            user_data = _file_script(code, shape)
        else:
            user_data = "#!/bin/bash\nset -euo pipefail\n" + "".join(f"{line}\n" for line in _aws_commands(code, shape))
        if shape in ENCODED:
            # docs: ec2/launchtemplate (user_data: "The base64-encoded user data to provide when launching the
            # instance")
            encoded = base64.b64encode(user_data.encode()).decode()
            return aws.ec2.LaunchTemplate("fleet", image_id="ami-0a1b2c3d4e5f60718", instance_type="t3.small",
                                          user_data=encoded, opts=c.aws)  # fmt: skip
        # docs: ec2/instance (ami, instance_type, subnet_id, user_data)
        return aws.ec2.Instance("fleet", ami="ami-0a1b2c3d4e5f60718", instance_type="t3.small", subnet_id=SUBNETS[0],
                                user_data=user_data, opts=c.aws)  # fmt: skip

    return build


def _ali_script(code: str, shape: str) -> str:
    """List the region's instances with the aliyun CLI (--RegionId, --endpoint: its command-line options and API
    parameters), upload the boot log with ossutil configured by its config file (endpoint), or write the fleet
    service's TOML settings."""
    if shape == "ali-regionid-abroad":
        return (
            f"#!/bin/bash\nset -e\naliyun ecs DescribeInstances --RegionId {ALI_ABROAD} > /var/log/fleet-peers.json\n"
        )
    if shape == "ali-endpoint-partner":
        return f"#!/bin/bash\nset -e\naliyun ecs DescribeInstances --endpoint {PARTNER_INTAKE} > /var/log/peers.json\n"
    if shape == "ali-metadata-own":
        config = "[Credentials]\nlanguage=EN\nendpoint=oss-$REGION-internal.aliyuncs.com\n"
        return (
            f"#!/bin/bash\nset -e\nREGION=$(curl -s {ALI_METADATA}/meta-data/region-id)\n"
            f"cat > /root/.ossutilconfig <<EOF\n{config}EOF\n"
            "aliyun ecs DescribeInstances --RegionId $REGION > /var/log/fleet-peers.json\n"
        )
    body = f'[database]\nhost = "{PARTNER_DB}"\nport = 5432\n[log]\nlevel = "info"\n'
    return f"#!/bin/bash\nset -e\nmkdir -p /etc/fleet\ncat > /etc/fleet/app.toml <<EOF\n{body}EOF\n"


def ali_program(code: str, shape: str) -> Build:
    def build(c: Any) -> object:
        script = _ali_script(code, shape)
        if shape == "ali-endpoint-partner":
            # docs: oos/template (template_name, content); OOS ACS::ECS::RunCommand (regionId, commandType,
            # commandContent)
            task = {"Name": "listPeers", "Action": "ACS::ECS::RunCommand", "Properties": {
                "regionId": "{{ ACS::RegionId }}", "instanceId": "{{ instanceId }}", "commandType": "RunShellScript",
                "commandContent": script}}  # fmt: skip
            runbook = {"FormatVersion": "OOS-2019-06-01", "Parameters": {"instanceId": {"Type": "String"}},
                       "Tasks": [task]}  # fmt: skip
            return alicloud.oos.Template("list-peers", template_name="fleet-list-peers", content=json.dumps(runbook),
                                         opts=c.ali)  # fmt: skip
        if shape == "ali-metadata-own":
            return ali_boot(c, base64.b64encode(script.encode()).decode(), launch_template=True)
        return ali_boot(c, script)

    return build


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out: list[Row] = []
    for code in AWS_CODES:
        p = f"scripts50-{code.lower()}-"
        out += [(p + shape, code, aws_program(code, shape), expected, []) for shape, expected in AWS_EXPECTED.items()]
    for code in ALI_CODES:
        p = f"scripts50-{code.lower()}-"
        out += [(p + shape, code, ali_program(code, shape), expected, []) for shape, expected in ALI_EXPECTED.items()]
    return out
