"""Mutation search, round 35: stop 63's readings spelled another way (stop 64, issue 9: mutation64).

Round 35 mutated the realistic programs stop 63 added (mutation63, scripts63, config63, awsred63, k8s63,
falsealarm63, alired63, fnros63) with the mutants tool, then stop 63's readings by hand (``RuleEngine(code).check``
and ``tests/test_scripts.findings`` of EC2 user data, a scratch probe kept out of the tree): docs/residency.md
"Mutation search, round 35 (stop 64)". Reproduced on the unchanged engine (main 644efda6):

- a shell's ``-c`` not last in its group of flags (bash(1) "OPTIONS": "-c ... commands are read from the first
  non-option argument command_string"; the letters combine): ``bash -ce '<copy>'`` and ``sh -cx '<copy>'``
  (``shell-ce``, ``sh-cx``) passed every door abroad (scripts63 read a group ending with ``c`` only);
- ``dash -c`` (dash(1): "dash -c [-aCefnuvxIimqVEbp] ... command_string"; ``dash-c``): no listed command;
- ``sudo -iu ec2-user bash -c '<copy>'`` (sudo(8): ``-i`` and ``-u user`` combine as getopt's; ``sudo-iu``): the
  user was read as sudo's command, the shell's line never read;
- ``k3s kubectl create job ... -- <copy>`` (K3s "CLI Tools": "k3s kubectl | Run the embedded kubectl command";
  ``k3s-create-job``): ``k3s`` no listed command;
- a URL whose host holds a second command substitution (``https://$(cat /etc/fleet/api_id).execute-api.$(echo
  <Region>).amazonaws.com/prod/ingest``, ``url-second-substitution``): the abroad twin passed every door;
- a URL whose host holds a substitution after a literal label (``https://sqs.$(echo <Region>).amazonaws.com/``,
  ``url-mid-substitution``; ``https://sqs.$(curl -s <IMDS>/latest/meta-data/placement/region).amazonaws.com/``,
  ``url-mid-own-region``): RES-015 at ``sqs`` at home too (false alarms), RES-015 for RES-006 abroad (wrong rules);
- Filebeat's ``-E cloud.id=<id>`` and ``-E output.elasticsearch.hosts=[...]`` (Filebeat "Command reference": "-E,
  --E "SETTING_NAME=VALUE" Overrides a specific configuration setting"; Elastic's "Run Filebeat on Docker" page runs
  ``setup -E cloud.id=<Cloud ID>``; ``filebeat-e-cloud-id``, ``filebeat-e-hosts``): only the file's settings were read;
- an Elastic Cloud id whose cluster id carries its port (libbeat's ``cloudid.go``: ``esID, esPort :=
  extractPortFromName(words[1], port)``; ``cloud-id-es-port``): read as no host, it passed every door.

Ids ``mutation64-<code>-<kind>-<home|abroad>`` (AWS EU / US / JP / CN EC2 instances; the home twin uses a second
Region inside the jurisdiction), and the Filebeat rows (RES-015 and ``-declared``, which passes). On 644efda6: 22
leaks (every refused row but the four ``url-mid-substitution-abroad``), 6 false alarms (``url-mid-substitution-home``
x4, ``url-mid-own-region-home`` x2), 4 wrong rules (``url-mid-substitution-abroad``, RES-015 for RES-006).
tests/test_realistic_programs.py runs them as CASES (``mutation64-*``).
"""

from __future__ import annotations

import base64
from collections.abc import Callable

from platform_parts import AWS_HOME, Build, Row, home_abroad_rows

# The same helpers as rounds 25-34 (one fact, one place): the Regions, the machine, the copy (mutation56, mutation63),
# the declaration of a US destination (config61).
from platform_programs_config61 import declared
from platform_programs_mutation56 import _aws, _region
from platform_programs_mutation63 import _cli, _copy

AWS_CODES = ("EU", "US", "JP", "CN")
"""The jurisdictions of the AWS programs."""
IMDS_REGION = "$(curl -s http://169.254.169.254/latest/meta-data/placement/region)"
"""The instance's own Region from the metadata service (EC2 "Instance metadata categories": placement/region)."""
ELASTIC_DEPLOYMENT = "us-east-1.aws.found.io"
"""An Elastic Cloud deployment's domain in AWS us-east-1 (Elastic's own example cloud ids name it)."""


def _line(code: str, where: str) -> str:
    return " ".join(_copy(code, _region(code, where)))


def shell_ce(code: str, where: str) -> str:
    return f"bash -ce '{_line(code, where)}'\n"


def sh_cx(code: str, where: str) -> str:
    return f"sh -cx '{_line(code, where)}'\n"


def dash_c(code: str, where: str) -> str:
    return f"dash -c '{_line(code, where)}'\n"


def sudo_iu(code: str, where: str) -> str:
    # sudo(8): "-i, --login Run the shell specified by the target user's password database entry as a login shell";
    # "-u user, --user=user Run the command as a user other than the default target user"
    return f"sudo -iu ec2-user bash -c '{_line(code, where)}'\n"


def k3s_create_job(code: str, where: str) -> str:
    return f"k3s kubectl -n ops create job snapshot-copy --image={_cli(code)} -- {_line(code, where)}\n"


def _domain(region: str) -> str:
    return "amazonaws.com.cn" if region.startswith("cn-") else "amazonaws.com"


def url_second_substitution(code: str, where: str) -> str:
    # API Gateway's invoke URL, "https://{restapi_id}.execute-api.{region}.amazonaws.com/{stage_name}/", the API's id
    # kept in a file, its Region echoed by the deploy tooling.
    region = _region(code, where)
    return (
        "curl -sf -X POST --data-binary @/var/log/fleet/boot.json "
        f"https://$(cat /etc/fleet/api_id).execute-api.$(echo {region}).{_domain(region)}/prod/ingest\n"
    )


def url_mid_substitution(code: str, where: str) -> str:
    # SQS's endpoint "sqs.<region>.amazonaws.com" (AWS General Reference, "Amazon SQS endpoints").
    region = _region(code, where)
    return f"curl -sf https://sqs.$(echo {region}).{_domain(region)}/ -d Action=ListQueues\n"


def url_mid_own_region(code: str) -> str:
    return f"curl -sf https://sqs.{IMDS_REGION}.{_domain(AWS_HOME[code])}/ -d Action=ListQueues\n"


def _cloud_id(text: str) -> str:
    return "fleet-logs:" + base64.b64encode(text.encode()).decode()


CLOUD_ID = _cloud_id(f"{ELASTIC_DEPLOYMENT}$4fa8821e75634032bed1cf22110e2f97$6f9c0b6c2a8f4e5d9a7b3c1d2e4f5a6b")
CLUSTER = f"4fa8821e75634032bed1cf22110e2f97.{ELASTIC_DEPLOYMENT}"
"""The cluster host the id names (libbeat: ``<es id>.<domain>``)."""
PORT_ID = _cloud_id(f"{ELASTIC_DEPLOYMENT}$4fa8821e75634032bed1cf22110e2f97:9243$6f9c0b6c2a8f4e5d9a7b3c1d2e4f5a6b")


def filebeat_e_cloud_id(code: str) -> str:
    return f"filebeat -e -E cloud.id={CLOUD_ID} -E 'cloud.auth=shipper:${{ES_PWD}}' &\n"


def filebeat_e_hosts(host: str) -> str:
    return f"""filebeat -e -E 'output.elasticsearch.hosts=["{host}:9200"]' &\n"""


def cloud_id_es_port(code: str) -> str:
    return (
        "cat > /etc/filebeat/filebeat.yml <<'EOF'\nfilebeat.inputs:\n- type: filestream\n  id: app\n"
        f'  paths: [/var/log/app/*.log]\ncloud.id: "{PORT_ID}"\ncloud.auth: "shipper:${{ES_PWD}}"\nEOF\n'
        "systemctl restart filebeat\n"
    )


REGION = {"RES-009"}
ENDPOINT = {"RES-006"}
HOST = {"RES-015"}

KINDS: dict[str, tuple[Callable[[str, str], Build], set[str], tuple[str, ...]]] = {
    "shell-ce": (_aws(shell_ce), REGION, AWS_CODES),
    "sh-cx": (_aws(sh_cx), REGION, ("EU", "CN")),
    "dash-c": (_aws(dash_c), REGION, ("EU", "US")),
    "sudo-iu": (_aws(sudo_iu), REGION, AWS_CODES),
    "k3s-create-job": (_aws(k3s_create_job), REGION, ("EU", "CN")),
    "url-second-substitution": (_aws(url_second_substitution), ENDPOINT, ("EU", "US", "JP")),
    "url-mid-substitution": (_aws(url_mid_substitution), ENDPOINT, AWS_CODES),
}
"""Each home / abroad kind, the rules its ``-abroad`` program breaks, and its jurisdictions."""


def _fixed(script: Callable[[str], str]) -> Callable[[str, str], str]:
    return lambda code, _where: script(code)


def rows() -> list[Row]:
    """(id, jurisdiction, build, expected rule ids, declared destinations) of every program."""
    out = home_abroad_rows("mutation64", KINDS)
    for code in ("EU", "CN"):
        own = _aws(_fixed(url_mid_own_region))(code, "home")
        out.append((f"mutation64-{code.lower()}-url-mid-own-region-home", code, own, set(), []))
    for code in ("EU", "US"):
        p = f"mutation64-{code.lower()}-"
        for kind, script in (("filebeat-e-cloud-id", filebeat_e_cloud_id), ("cloud-id-es-port", cloud_id_es_port)):
            build = _aws(_fixed(script))(code, "abroad")
            out.append((f"{p}{kind}", code, build, HOST, []))
            out.append((f"{p}{kind}-declared", code, build, set(), [declared(code, CLUSTER)]))
    partner = _aws(_fixed(lambda _c: filebeat_e_hosts("es.partner.example.com")))("EU", "abroad")
    out.append(("mutation64-eu-filebeat-e-hosts-partner", "EU", partner, HOST, []))
    vpc = _aws(_fixed(lambda _c: filebeat_e_hosts("10.0.3.20")))("EU", "home")
    out.append(("mutation64-eu-filebeat-e-hosts-private-home", "EU", vpc, set(), []))
    return out
