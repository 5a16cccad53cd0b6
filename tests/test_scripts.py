"""The hosts a script payload's commands connect to (endpoints.yaml script_commands, residency/scripts.py)."""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import fnmatch
import itertools
import json
import shlex
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from components.residency import RuleEngine, Subject, load_catalogue
from components.residency.catalogue import Cloud
from components.residency.destinations import parse_destinations
from components.residency.endpoints import load_endpoints
from components.residency.engine import ProviderRef
from components.residency.scripts import (
    UNKNOWN_WORDS,
    UNREAD_ANSI_C,
    UNREAD_MULTILINE,
    ScriptReader,
    _printf_strings,
    all_positional_expanded,
    alternates_written,
    array_elements,
    brace_expanded,
    cat_heredocs_written,
    command_output_files,
    compose_commands,
    eval_arrays_written,
    fetched_manifests,
    for_loop_words,
    function_outputs_written,
    ifs_fields,
    ifs_value,
    image_entrypoint,
    is_line_option,
    jq_environment_written,
    jq_interpolating_programs,
    jq_patterns_blanked,
    last_positional_written,
    locale_quoted_written,
    loop_literal_values,
    operated,
    own_document,
    positional_expanded,
    positional_words,
    printf_as_assignments,
    quoted_parts_joined,
    quoting_spans,
    read_delimiter,
    reads_as_assignments,
    split_array_elements,
    split_function_outputs_written,
    split_words_written,
    subscript_indexes,
    substitution_filled,
    substitution_values,
    without_single_quoted,
    xargs_expanded,
)

CATALOGUE = load_catalogue()
COMMANDS = load_endpoints().script_commands
READER = ScriptReader(COMMANDS)
ENGINES = {code: RuleEngine(code) for code in ("CN", "EU")}
# the options of curl / wget taking a value, as the engine gives them to fetched_manifests (the catalogue's)
_FETCH_OPTIONS = ENGINES["EU"]._fetch_value_options


def provider(code: str, cloud: Cloud) -> ProviderRef:
    return ProviderRef(cloud, "p", sorted(CATALOGUE.jurisdictions[code].regions(cloud))[0])


def findings(script: str, code: str = "CN", cloud: Cloud = "alicloud", **props: object) -> list[tuple[str, str, str]]:
    token = "alicloud:ecs/instance:Instance" if cloud == "alicloud" else "aws:ec2/instance:Instance"
    payload = base64.b64encode(script.encode()).decode()
    subject = Subject(token, "vm", {"user_data": payload, **props}, provider(code, cloud))
    return [(f.rule.id, f.path, str(f.value)) for f in ENGINES[code].check(subject)[0]]


def hosts(script: str) -> list[tuple[str, str]]:
    return [(h.command, h.host) for h in READER.hosts(script)]


# Each line read as its command's manual documents the destination option or operand.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("psql -h db.partner.example.com -U app", [("psql", "db.partner.example.com")]),
        ("psql --host=db.partner.example.com", [("psql", "db.partner.example.com")]),
        ("psql -hdb.partner.example.com", [("psql", "db.partner.example.com")]),  # getopt's attached value
        (
            "PGPASSWORD=x /usr/bin/psql -h a.example.com,b.example.com",
            [("psql", "a.example.com"), ("psql", "b.example.com")],
        ),
        ("sudo -u postgres pg_dump --host db.example.com fleet > /tmp/f.sql", [("pg_dump", "db.example.com")]),
        ("redis-cli -h cache.example.com -p 6379 ping", [("redis-cli", "cache.example.com")]),
        (
            "mongosh --host rs0/a.example.com:27017,b.example.com",
            [("mongosh", "a.example.com:27017"), ("mongosh", "b.example.com")],
        ),
        ("mysql -h db.example.com -u app && echo ok", [("mysql", "db.example.com")]),
        ("sqlcmd -S tcp:sql.example.com,1433 -Q 'select 1'", [("sqlcmd", "sql.example.com")]),
        ("sqlcmd -S 'sql.example.com\\FLEET'", [("sqlcmd", "sql.example.com")]),
        (
            "kafka-console-producer.sh --bootstrap-server k.example.com:9092 --topic t < f",
            [("kafka-console-producer.sh", "k.example.com:9092")],
        ),
        ("ssh -i /root/key -p 2222 ops@bastion.example.com uptime", [("ssh", "bastion.example.com")]),
        ("ssh -J jump.example.com:22 10.0.0.5", [("ssh", "jump.example.com"), ("ssh", "10.0.0.5")]),
        ("scp -P 22 /var/log/a.log files.example.com:logs/", [("scp", "files.example.com")]),
        ("rsync -av -e 'ssh -p 22' /data/ backup.example.com::fleet", [("rsync", "backup.example.com")]),
        ("nc -zv logs.example.com 443", [("nc", "logs.example.com")]),
        ("docker --config /root/.docker login -u ci registry.example.com", [("docker login", "registry.example.com")]),
        ("docker push registry.example.com:5000/fleet/api:1", [("docker push", "registry.example.com:5000")]),
        ("docker push fleet/api:1", [("docker push", "docker.io")]),  # Docker Hub: Docker's rule
        ("git clone --depth 1 git.example.com:fleet/api.git /opt/api", [("git clone", "git.example.com")]),
        ("echo 'nameserver 8.8.8.8' >> /etc/resolv.conf", [("nameserver", "8.8.8.8")]),
        ('echo "server ntp.example.com iburst" | sudo tee -a /etc/chrony.conf', [("server", "ntp.example.com")]),
        ("echo '203.0.113.5 api.internal' >> /etc/hosts", [("etc-hosts", "203.0.113.5")]),
        ("cat >> /etc/hosts <<EOF\n203.0.113.5 api.internal\nEOF", [("etc-hosts", "203.0.113.5")]),
        ("203.0.113.5 api.internal", []),  # an address line is read only where the script writes /etc/hosts
        ("su - postgres -c 'psql -h db.example.com'", [("psql", "db.example.com")]),
        ("if timeout 5 nc -z db.example.com 5432; then echo up; fi", [("nc", "db.example.com")]),
        ("psql \\\n  -h db.example.com \\\n  -c 'select 1'", [("psql", "db.example.com")]),
        ("cat <<EOF > /etc/chrony.conf\npool pool.example.com iburst\nEOF", [("pool", "pool.example.com")]),
        ("X=$(redis-cli -h cache.example.com get k)", [("redis-cli", "cache.example.com")]),
        # Not destinations: generic -h of other commands, listening servers, pulls, consoles, variables.
        ("sort -h sizes.txt && df -h && du -sh /var && free -h", []),
        ("uvicorn app:main --host 0.0.0.0 --port 8000", []),
        ("nc -lk 9000", []),
        ("docker run -h web.example.com -d nginx:1.27", []),
        ("docker pull registry.example.com/fleet/api:1", []),
        ("echo server db.example.com is up", []),  # a console message, not a configuration line
        ("psql -h \"$DB_HOST\" -c 'select 1'", [("psql", "$DB_HOST")]),  # read, then not host-shaped: never judged
        ("grep -h server /etc/chrony.conf", []),
        ("# psql -h db.example.com", []),
    ],
)
def test_the_reader_reads_only_listed_options(line: str, expected: list[tuple[str, str]]) -> None:
    assert hosts(f"#!/bin/sh\n{line}\n") == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "psql -h db.partner.example.com -U app -c 'select 1'",
            [("RES-015", "user_data(base64).psql", "db.partner.example.com")],
        ),
        (
            "redis-cli -h cache.partner.example.com -p 6379",
            [("RES-015", "user_data(base64).redis-cli", "cache.partner.example.com")],
        ),
        (
            "sqlcmd -S tcp:sql.partner.example.com,1433",
            [("RES-015", "user_data(base64).sqlcmd", "sql.partner.example.com")],
        ),
        (
            "ssh ops@bastion.partner.example.com uptime",
            [("RES-015", "user_data(base64).ssh", "bastion.partner.example.com")],
        ),
        (
            "docker push registry.partner.example.com/fleet/api:1",
            [("RES-015", "user_data(base64).docker push", "registry.partner.example.com")],
        ),
        ("echo 'nameserver 8.8.8.8' >> /etc/resolv.conf", [("RES-015", "user_data(base64).nameserver", "8.8.8.8")]),
        ("echo '203.0.113.5 api.internal' >> /etc/hosts", [("RES-015", "user_data(base64).etc-hosts", "203.0.113.5")]),
        # A cloud host is judged by its region, once (by the scan of the whole script); so is a remote path it reads.
        (
            "psql -h fleet.c9akciq32.cn-hongkong.rds.aliyuncs.com",
            [("RES-006", "user_data(base64)", "fleet.c9akciq32.cn-hongkong.rds.aliyuncs.com")],
        ),
        ("scp f ops@files.partner.example.com:/srv/", [("RES-015", "user_data(base64)", "files.partner.example.com")]),
        # The twins: the region's own database, private and VPC addresses, the VPC resolver and time service.
        ("psql -h pgm-uf6abc.pg.rds.cn-shanghai.aliyuncs.com -U app", []),
        ("psql -h 10.0.3.17 && redis-cli -h 172.16.0.5 ping", []),
        ("echo 'nameserver 100.100.2.136' > /etc/resolv.conf", []),
        ("echo 'server 169.254.169.123 prefer iburst' >> /etc/chrony.conf", []),
        ("echo '10.0.3.17 db.internal' >> /etc/hosts", []),
        ('psql -h "$DB_HOST" && ssh -i key localhost', []),
    ],
)
def test_a_script_command_s_host_is_a_destination(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(f"#!/bin/sh\n{line}\n") == expected


def test_a_declared_host_passes() -> None:
    # A host the stack declares (sovereign-dc:destinations) is proven like any other destination.
    entry = {"id": "cn-db", "kind": "resident", "match": "db.partner.example.cn", "evidence": "Shanghai colocation"}
    engine = RuleEngine("CN", destinations=parse_destinations([entry]))
    payload = base64.b64encode(b"#!/bin/sh\npsql -h db.partner.example.cn\n").decode()
    subject = Subject("alicloud:ecs/instance:Instance", "vm", {"user_data": payload}, provider("CN", "alicloud"))
    assert [(f.rule.id, f.declared_by) for f in engine.check(subject)[0]] == [("RES-015", "cn-db")]
    assert [f.declared_by for f in ENGINES["CN"].check(subject)[0]] == [None]  # undeclared: refused


def test_cloud_config_runcmd_items_are_read() -> None:
    script = (
        "#cloud-config\nruncmd:\n  - [sh, -c, 'psql -h db.partner.example.com -c \"select 1\"']\n"
        "  - ssh ops@b.partner.example.com\n"
    )
    assert {(r, v) for r, _, v in findings(script)} == {
        ("RES-015", "db.partner.example.com"),
        ("RES-015", "b.partner.example.com"),
    }


def test_every_command_is_sourced_and_only_listed_options_hold_hosts() -> None:
    for name, spec in COMMANDS.items():
        assert spec.source and spec.source.startswith("https://"), name
        # A listening or generic option is never listed: no bare -h outside the database clients that document it.
        assert not (set(spec.options) & {"-b", "--bind", "--listen", "-l"}), name


def test_a_script_without_a_listed_command_is_not_tokenised(monkeypatch: pytest.MonkeyPatch) -> None:
    # The gate is one regex search: a script naming no listed command never reaches the word reader.
    from components.residency import scripts

    def boom(line: str) -> list[str]:
        raise AssertionError(line)

    monkeypatch.setattr(scripts, "_words", boom)
    assert READER.hosts("#!/bin/sh\nyum install -y nginx\nsystemctl enable --now nginx\ndf -h\n") == []


_LISTED = sorted(n for n, c in COMMANDS.items() if not c.wrapper and c.line is None)
_WORD = st.text(st.characters(codec="utf-8"), max_size=12)  # utf-8: no lone surrogates
_SHELL_WORDS = ["-h", "--host=", "-S", "|", "&&", ";", "\\\n", "'", '"', "$(", ")", ">>", "echo", "sudo", "-c"]
_SHELL_WORDS += ["db.example.com", "8.8.8.8", "ops@h.example.com:", "\n", "=", "#", "<<", "tee"]
_SHELL_WORDS += ["ExecStart=", "ExecStartPre=-@", "-fsSLo", "-qO-", "$ok", "/etc/hosts", "::1", "\t", "dir:/x"]
_SHELLY = st.sampled_from(_SHELL_WORDS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORD, _SHELLY, st.sampled_from(_LISTED)), max_size=30).map(" ".join))
def test_the_reader_never_crashes(script: str) -> None:
    for found in READER.hosts(script):
        assert found.host.strip() == found.host and found.host


_ARGS = ["-h", "--host", "-S", "-J", "db.example.com", "8.8.8.8", "--host=a.example.com", "ops@h.example.com"]
_ARGS += ["h.example.com:/x", "-c", "x"]
_UNLISTED = st.from_regex(r"[a-z][a-z0-9_-]{1,10}", fullmatch=True).filter(lambda n: n not in COMMANDS)


@settings(max_examples=300, deadline=None)
@given(_UNLISTED, st.lists(st.sampled_from(_ARGS), max_size=8))
def test_an_unlisted_command_s_options_are_never_read(command: str, args: list[str]) -> None:
    # Only the listed commands' listed options are read: any other command's -h / --host is its own business
    # (a remote path h.example.com:/x is the reference scan's, not the reader's).
    line = " ".join([command, *args])
    assert hosts(f"#!/bin/sh\n{line}\n") == []


# -- Commands read from their manuals' option tables (curl, wget, ncat, Test-NetConnection, podman push), systemd
# Exec lines, IPv6 /etc/hosts lines, nc followed by a tab.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # curl / wget: an operand without a scheme is a URL whose host is guessed (http); every documented value
        # option's value is skipped, also at the end of a group of short flags (-fsSLo FILE, -qO-).
        (
            "curl -fsS -T /var/backups/fleet.sql.gz upload.partner.example.com/in/",
            [("curl", "upload.partner.example.com")],
        ),
        (
            "curl -H 'Authorization: Bearer x' -d @body.json api.partner.example.com:8443/v1/ingest",
            [("curl", "api.partner.example.com:8443")],
        ),
        (
            "curl -u 'ops:p@ss' --data-binary @f --url files.partner.example.com/up",
            [("curl", "files.partner.example.com")],
        ),
        ("curl -x proxy.partner.example.com:3128 https://x.example.com/", [("curl", "proxy.partner.example.com:3128")]),
        ("curl -sSLo /tmp/a.tgz ops:pw@mirror.partner.example.com/a.tgz", [("curl", "mirror.partner.example.com")]),
        ("wget -qO- partner.example.com/x | sh", [("wget", "partner.example.com")]),
        ("wget --output-document /tmp/x partner.example.com:8080", [("wget", "partner.example.com:8080")]),
        ("curl -fsSL -o out.tar.gz https://oss-cn-shanghai.aliyuncs.com/fleet/agent.tar.gz", []),
        ("curl -fsSLo out.tar.gz https://oss-cn-shanghai.aliyuncs.com/fleet/agent.tar.gz", []),
        ("wget -q -O /tmp/a.rpm --header 'X-A: b' -e robots=off https://mirrors.example.com/a.rpm", []),
        ("wget -qO /tmp/a.rpm https://mirrors.example.com/a.rpm", []),
        ("curl --help all && curl --version", []),
        # curl's --expand-<option> is the option (its value expands {{variables}}).
        (
            "curl --variable %HOST --expand-output out.tar.gz --expand-url '{{HOST}}/x' mirror.partner.example.com",
            [("curl", "{{HOST}}"), ("curl", "mirror.partner.example.com")],
        ),
        (
            "curl --expand-proxy proxy.partner.example.com:3128 https://x.example.com/",
            [("curl", "proxy.partner.example.com:3128")],
        ),
        # --resolve's addresses and --connect-to's HOST2: where the request goes instead of the URL's host.
        (
            "curl --resolve oss-cn-shanghai.aliyuncs.com:443:203.0.113.5,[2001:db8::5] https://oss-cn-shanghai.aliyuncs.com/",
            [("curl", "203.0.113.5"), ("curl", "2001:db8::5")],
        ),
        (
            "curl --connect-to api.example.com:443:edge.partner.example.com:8443 https://api.example.com/",
            [("curl", "edge.partner.example.com")],
        ),
        ("curl --connect-to ::[::1]:8443 --resolve -a.example.com:443 https://a.example.com/", [("curl", "::1")]),
        ("curl --connect-to a.example.com:443::8443 https://a.example.com/", []),  # HOST2 empty: the URL's host
        # systemd: an Exec line runs its command line (prefixes @ - : + ! before the path).
        (
            "ExecStart=/usr/bin/redis-cli -h cache.partner.example.com --rdb /backup/dump.rdb",
            [("redis-cli", "cache.partner.example.com")],
        ),
        ("ExecStartPre=-/usr/bin/nc -z db.partner.example.com 5432", [("nc", "db.partner.example.com")]),
        ("ExecStart=/usr/bin/uvicorn app:main --host 0.0.0.0", []),
        ("Environment=PSQL=psql", []),
        # IPv6 /etc/hosts lines, nc followed by a tab.
        ("echo '2001:db8::5 api.internal' >> /etc/hosts", [("etc-hosts", "2001:db8::5")]),
        ("echo '::1 localhost ip6-localhost' >> /etc/hosts", []),  # reserved block (::/8): loopback, no destination
        ("echo 'fe80::1%eth0 gw.internal' >> /etc/hosts", [("etc-hosts", "fe80::1%eth0")]),
        # hosts(5)'s example and Debian's default lines: multicast groups and reserved prefixes name no destination.
        (
            "cat > /etc/hosts <<EOF\n127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n"
            "fe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\nEOF",
            [("etc-hosts", "127.0.0.1")],
        ),
        ("nc\t-z db.partner.example.com 5432", [("nc", "db.partner.example.com")]),
        # ncat (Nmap's): [options] [hostname] [port]; --proxy is where the connection goes first; -l listens.
        ("ncat --ssl -w 5 logs.partner.example.com 6514 < /var/log/app.log", [("ncat", "logs.partner.example.com")]),
        (
            "ncat --proxy proxy.partner.example.com:3128 --proxy-type http 10.0.0.5 5432",
            [("ncat", "proxy.partner.example.com:3128"), ("ncat", "10.0.0.5")],
        ),
        ("ncat -lk -p 9000 --sh-exec 'cat'", []),
        # PowerShell's Test-NetConnection [[-ComputerName] <String>] (aliases RemoteAddress, cn).
        (
            "Test-NetConnection -ComputerName db.partner.example.com -Port 1433",
            [("Test-NetConnection", "db.partner.example.com")],
        ),
        ("Test-NetConnection db.partner.example.com -Port 1433", [("Test-NetConnection", "db.partner.example.com")]),
        ("Test-NetConnection -Port 443 -InformationLevel Quiet", []),
        ("Test-NetConnection -WarningAction SilentlyContinue -OutVariable r.txt -Port 443", []),
        (
            "$ok = Test-NetConnection -cn db.partner.example.com -Port 1433",
            [("Test-NetConnection", "db.partner.example.com")],
        ),
        # podman push [options] image [destination]: the destination when given, else the image's registry.
        (
            "podman push --authfile /root/auth.json fleet/api:1 registry.partner.example.com/fleet/api:1",
            [("podman push", "registry.partner.example.com")],
        ),
        ("podman push registry.partner.example.com/fleet/api:1", [("podman push", "registry.partner.example.com")]),
        ("podman push registry.partner.example.com/fleet/api:1 oci-archive:/tmp/api.tar", []),
        ("podman push fleet/api:1 dir:/tmp/api", []),
        ("podman push fleet/api:1 docker://registry.partner.example.com/api:1", []),  # the URL scan's
    ],
)
def test_the_reader_reads_manual_option_tables(line: str, expected: list[tuple[str, str]]) -> None:
    assert hosts(f"#!/bin/sh\n{line}\n") == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "#!/bin/sh\ncurl -fsS -T /var/backups/fleet.sql.gz upload.partner.example.com/in/\n",
            [("RES-015", "user_data(base64).curl", "upload.partner.example.com")],
        ),
        (
            "#!/bin/sh\nwget -qO- partner.example.com/bootstrap.sh | sh\n",
            [("RES-015", "user_data(base64).wget", "partner.example.com")],
        ),
        (
            "#cloud-config\nwrite_files:\n  - path: /etc/systemd/system/backup.service\n    content: |\n"
            "      [Service]\n      ExecStart=/usr/bin/redis-cli -h cache.partner.example.com --rdb /backup/d.rdb\n",
            [("RES-015", "user_data(base64)(yaml).write_files[0].content.redis-cli", "cache.partner.example.com")],
        ),
        (
            "#!/bin/sh\necho '2001:db8::5 api.internal' >> /etc/hosts\n",
            [("RES-015", "user_data(base64).etc-hosts", "2001:db8::5")],
        ),
        (
            "#!/bin/sh\nncat --ssl logs.partner.example.com 6514 < /var/log/app.log\n",
            [("RES-015", "user_data(base64).ncat", "logs.partner.example.com")],
        ),
        (
            "<powershell>\nTest-NetConnection -ComputerName sql.partner.example.com -Port 1433\n</powershell>\n",
            [("RES-015", "user_data(base64).Test-NetConnection", "sql.partner.example.com")],
        ),
        (
            "#!/bin/sh\npodman push fleet/api:1 registry.partner.example.com/fleet/api:1\n",
            [("RES-015", "user_data(base64).podman push", "registry.partner.example.com")],
        ),
        # The twins: the region's own bucket by URL, the metadata services and the VPC's own hosts without a scheme,
        # a private IPv6 hosts line, a unit running a listening server, a push to a local archive.
        ("#!/bin/sh\ncurl -fsSL -o /tmp/a.tgz https://oss-cn-shanghai.aliyuncs.com/fleet/a.tgz\n", []),
        ("#!/bin/sh\ncurl -s 100.100.100.200/latest/meta-data/region-id && wget -qO- 10.0.3.17:8080/health\n", []),
        ("#!/bin/sh\necho 'fd00:10::5 api.internal' >> /etc/hosts\necho '::1 localhost' >> /etc/hosts\n", []),
        (
            "#cloud-config\nwrite_files:\n  - path: /etc/systemd/system/api.service\n    content: |\n"
            "      [Service]\n      ExecStart=/usr/bin/uvicorn app:main --host 0.0.0.0 --port 8000\n",
            [],
        ),
        ("#!/bin/sh\npodman push fleet/api:1 oci-archive:/var/backups/api.tar\n", []),
        # curl --resolve sends the request for an own-region host to another address: that address is judged.
        (
            "#!/bin/sh\ncurl --resolve oss-cn-shanghai.aliyuncs.com:443:203.0.113.5 https://oss-cn-shanghai.aliyuncs.com/b/x\n",
            [("RES-015", "user_data(base64).curl", "203.0.113.5")],
        ),
        (
            "#!/bin/sh\ncurl --resolve oss-cn-shanghai.aliyuncs.com:443:100.118.28.1 https://oss-cn-shanghai.aliyuncs.com/b\n",
            [],
        ),
        # A cloud-config write_files entry whose path is /etc/hosts: its content is hosts(5) lines (also base64).
        (
            "#cloud-config\nwrite_files:\n  - path: /etc/hosts\n    append: true\n    content: |\n"
            "      203.0.113.5 api.internal\n      10.0.3.17 db.internal\n",
            [("RES-015", "user_data(base64)(yaml).write_files[0].content.etc-hosts", "203.0.113.5")],
        ),
        (
            "#cloud-config\nwrite_files:\n  - path: /etc/app.env\n    content: APP=1\n  - path: /etc/hosts\n"
            "    encoding: b64\n    content: " + base64.b64encode(b"2001:db8::5 api.internal\n").decode() + "\n",
            [("RES-015", "user_data(base64)(yaml).write_files[1].content(base64).etc-hosts", "2001:db8::5")],
        ),
        (
            "#cloud-config\nwrite_files:\n  - path: /etc/hosts\n    append: true\n    content: |\n"
            "      10.0.3.17 db.internal\n      fd00:10::5 api.internal\n      127.0.0.1 localhost\n",
            [],
        ),
        (
            "#cloud-config\nwrite_files:\n  - path: /etc/hosts\n    content: |\n      127.0.0.1 localhost\n"
            "      ::1 localhost ip6-localhost ip6-loopback\n      fe00::0 ip6-localnet\n"
            "      ff00::0 ip6-mcastprefix\n      ff02::1 ip6-allnodes\n      ff02::2 ip6-allrouters\n"
            "      fe80::1%eth0 gw.internal\n",
            [],
        ),
        # The same lines in a file that is not /etc/hosts name no destination (a list of addresses in some format).
        ("#cloud-config\nwrite_files:\n  - path: /etc/fleet/peers\n    content: |\n      203.0.113.5 api\n", []),
    ],
)
def test_a_manual_option_table_s_host_is_a_destination(script: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(script) == expected


_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_NAME = st.lists(_LABEL, min_size=2, max_size=4).map(".".join)
_PORT = st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}"))
_USERINFO = st.one_of(st.just(""), st.just("ops@"), st.just("ops:p%40ss@"))
_PATH = st.one_of(st.just(""), st.just("/"), st.just("/in/a@b.sql"), st.just("?x=1"), st.just("#top"), st.just("/a:b"))


@settings(max_examples=200, deadline=None)
@given(_USERINFO, _NAME, _PORT, _PATH)
def test_a_url_without_scheme_names_its_host(userinfo: str, name: str, port: str, path: str) -> None:
    # curl / wget [user[:password]@]host[:port][/path][?query][#fragment]: the host and port, whatever follows.
    assert hosts(f"#!/bin/sh\ncurl -fsS {userinfo}{name}{port}{path}\n") == [("curl", f"{name}{port}")]
    assert hosts(f"#!/bin/sh\nwget -q https://{userinfo}{name}{port}{path}\n") == []  # a scheme: the scan's


@settings(max_examples=200, deadline=None)
@given(_NAME, _PORT, st.one_of(_NAME, st.just("203.0.113.5"), st.just("[2001:db8::5]")))
def test_curl_resolve_and_connect_to_name_where_the_request_goes(name: str, port: str, target: str) -> None:
    p = port[1:] or "443"
    expected = [("curl", target.strip("[]"))]
    assert hosts(f"#!/bin/sh\ncurl --connect-to {name}:{p}:{target}:8443 https://{name}/\n") == expected
    if target[0].isdigit() or target[0] == "[":
        assert hosts(f"#!/bin/sh\ncurl --resolve {name}:{p}:{target} https://{name}/\n") == expected


_CURL = COMMANDS["curl"]
_CURL_FLAGS = "fsSLkvIiORNGjJlnqZ"  # curl's short options that take no value (curl --help all)
_CURL_SHORT_VALUES = sorted(o for o in _CURL.value_options if len(o) == 2)
_CURL_LONG_VALUES = sorted(o for o in _CURL.value_options if o.startswith("--"))
_CURL_ARGS = st.sampled_from(["out.tar.gz", "db.example.com", "@body.json", "ops:p@ss", "/tmp/x.example.com", "-"])
_CURL_OPTIONS = st.one_of(
    st.tuples(st.text(alphabet=_CURL_FLAGS, max_size=4), st.sampled_from(_CURL_SHORT_VALUES), _CURL_ARGS).map(
        lambda t: f"-{t[0]}{t[1][1]} {t[2]}"  # a group of flags ending with a value option: -fsSLo FILE
    ),
    st.tuples(st.text(alphabet=_CURL_FLAGS, max_size=4), st.sampled_from(_CURL_SHORT_VALUES), _CURL_ARGS).map(
        lambda t: f"-{t[0]}{t[1][1]}{t[2]}"  # the value in the same word: -qO-, -ofile
    ),
    st.tuples(st.sampled_from(_CURL_LONG_VALUES), _CURL_ARGS).map(" ".join),
    st.tuples(st.sampled_from(_CURL_LONG_VALUES), _CURL_ARGS).map("=".join),
    st.tuples(st.sampled_from(_CURL_LONG_VALUES), _CURL_ARGS).map(lambda t: f"--expand-{t[0][2:]} {t[1]}"),
    st.text(alphabet=_CURL_FLAGS, min_size=1, max_size=4).map(lambda f: f"-{f}"),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CURL_OPTIONS, max_size=6), st.booleans())
def test_curl_option_values_are_never_operands(options: list[str], schemeless: bool) -> None:
    # Whatever documented value options come first (grouped, attached, long with = or a blank), their values are never
    # read as hosts: only the operand is, and only without a scheme (with one, it is the reference scan's).
    assert not any(f"-{c}" in _CURL.value_options for c in _CURL_FLAGS)
    url = "up.partner.example.com/in" if schemeless else "https://up.partner.example.com/in"
    found = hosts(f"#!/bin/sh\ncurl {' '.join(options)} {url}\n")
    assert found == ([("curl", "up.partner.example.com")] if schemeless else [])


# -- where a cloud CLI or SDK in a script sends its calls (mutation search, stop 31) ----------------------------------
# The aws / aliyun CLIs' global --region and a script's region variable (AWS_REGION, ALIBABA_CLOUD_REGION_ID) name the
# region whose service receives the command's data: judged as a region field, of either cloud.
_EU_AWS = sorted(CATALOGUE.jurisdictions["EU"].regions("aws"))
_FOREIGN_AWS = sorted(r for r in CATALOGUE.known_regions("aws") if r not in _EU_AWS)
_CN_ALI = sorted(CATALOGUE.jurisdictions["CN"].regions("alicloud"))
_FOREIGN_ALI = sorted(r for r in CATALOGUE.known_regions("alicloud") if r not in _CN_ALI)
_REGION_FORMS = [
    "aws logs put-log-events --log-group-name app --region {r}",
    "aws --region={r} logs put-log-events --log-group-name app",
    "sudo aws s3api list-buckets --region '{r}'",
    "export AWS_REGION={r}",
    'AWS_DEFAULT_REGION="{r}" /opt/fleet/exporter',
    # Mutation search round 5: the CLI's config, which every later command without --region uses.
    "aws configure set default.region {r}",
    "aws configure set region {r} --profile fleet",
    "aws configure --profile fleet set profile.fleet.region {r}",
    "aws --profile fleet configure set sso_region {r}",
]


def test_a_cli_region_option_is_read_as_a_region() -> None:
    def regions(script: str) -> list[tuple[str, str, bool]]:
        return [(h.command, h.host, h.region) for h in READER.hosts(script)]

    assert regions("aws sqs send-message --region us-east-1 --queue-url q") == [("aws", "us-east-1", True)]
    assert regions("aliyun ecs DescribeInstances --region cn-beijing") == [("aliyun", "cn-beijing", True)]
    assert regions("psql -h db.example.cn --region x") == [("psql", "db.example.cn", False)]  # a host stays a host
    # `aws configure set varname value`: the value, whatever the variable; a value of no region shape is left alone.
    assert regions("aws configure set default.region eu-west-2") == [("aws configure set", "eu-west-2", True)]
    assert findings("#!/bin/sh\naws configure set output json\naws configure set cli_pager ''\n", "EU", "aws") == []
    assert findings('#!/bin/sh\naws configure set aws_access_key_id "$KEY" --profile fleet\n', "EU", "aws") == []
    assert regions("aws configure get region") == []
    # scripts50: the aliyun CLI's --endpoint is a host, an API's RegionId / --biz-region-id a region; docker's awslogs
    # driver's awslogs-region a region, its other --log-opt keys nothing
    assert regions("aliyun ecs DescribeInstances --RegionId cn-beijing --endpoint ecs.cn-beijing.aliyuncs.com") == [
        ("aliyun", "cn-beijing", True),
        ("aliyun", "ecs.cn-beijing.aliyuncs.com", False),
    ]
    assert regions("aliyun ecs describe-instances --biz-region-id cn-beijing") == [("aliyun", "cn-beijing", True)]
    assert regions("docker run -d --log-driver=awslogs --log-opt awslogs-region=eu-west-1 --log-opt tag=x nginx") == [
        ("docker run", "eu-west-1", True)
    ]
    assert regions("docker create --log-opt=awslogs-region=eu-west-1 nginx") == [("docker create", "eu-west-1", True)]
    assert regions("docker run --log-opt awslogs-group=fleet nginx") == []


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_scripts50_cli_options_are_judged(code: str) -> None:
    # scripts50 (reproduced on main 25d38a3: each passed): aliyun --endpoint / --RegionId, docker --log-opt
    # awslogs-region, eval's words, each judged as the same value under its key is; the stack's own passes.
    cloud: Cloud = "alicloud" if code == "CN" else "aws"
    own = provider(code, cloud).region
    abroad = "us-west-1" if code == "CN" else "us-west-2"
    cases = {
        f"aliyun ecs DescribeInstances --RegionId {own}\n": set(),
        f"aliyun ecs DescribeInstances --RegionId {abroad}\n": {"RES-009"},
        "aliyun ecs DescribeInstances --endpoint api.partner.example.com\n": {"RES-015"},
        f"docker run -d --log-driver awslogs --log-opt awslogs-region={own} nginx\n": set(),
        f"docker run -d --log-driver awslogs --log-opt awslogs-region={abroad} nginx\n": {"RES-009"},
        'eval "psql -h db.partner.example.com -f /opt/s.sql"\n': {"RES-015"},
        'eval "psql -h 10.0.3.7 -f /opt/s.sql"\n': set(),
    }
    for script, expected in cases.items():
        assert {rule for rule, _, _ in findings(script, code, cloud)} == expected, script


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_REGION_FORMS), st.sampled_from(_EU_AWS), st.sampled_from(_FOREIGN_AWS))
def test_a_script_s_region_is_judged_like_a_region_field(form: str, resident: str, foreign: str) -> None:
    assert findings(f"#!/bin/sh\n{form.format(r=resident)}\n", "EU", "aws") == []
    refused = findings(f"#!/bin/sh\n{form.format(r=foreign)}\n", "EU", "aws")
    assert [(rule, value) for rule, _, value in refused] == [("RES-009", foreign)]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(_CN_ALI), st.sampled_from(_FOREIGN_ALI))
def test_an_aliyun_cli_region_is_judged_in_china(resident: str, foreign: str) -> None:
    line = "aliyun sls PutLogs --project fleet-ops --region {r}"
    assert findings(f"#!/bin/sh\n{line.format(r=resident)}\n") == []
    assert [rule for rule, _, _ in findings(f"#!/bin/sh\n{line.format(r=foreign)}\n")] == ["RES-009"]


@pytest.mark.parametrize(
    "script",
    [
        "aws s3 ls --region $REGION",
        "aws --region ${AWS_REGION} logs describe-log-groups",
        "export AWS_REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)",
        "echo 'set the region us-east-1 in the console'",  # no CLI option, no assignment: free text
        "aws configure set region {{ region }}",
    ],
)
def test_a_region_variable_or_prose_is_not_judged(script: str) -> None:
    assert findings(f"#!/bin/sh\n{script}\n", "EU", "aws") == []


def test_an_ssm_command_document_s_run_command_is_read_like_user_data() -> None:
    # endpoints.yaml script_fields: the lines of an aws:runShellScript step are script text the instances run.
    import json

    def refused(lines: list[str]) -> list[tuple[str, str]]:
        step = {"action": "aws:runShellScript", "name": "s", "inputs": {"runCommand": lines}}
        content = json.dumps({"schemaVersion": "2.2", "mainSteps": [step]})
        subject = Subject("aws:ssm/document:Document", "d", {"document_type": "Command", "content": content},
                          provider("EU", "aws"))  # fmt: skip
        return [(f.rule.id, f.path) for f in ENGINES["EU"].check(subject)[0]]

    assert refused(["psql -h db.partner.example.com -c 'select 1'"]) == [
        ("RES-015", "content(json).mainSteps[0].inputs.runCommand[0].psql")
    ]
    assert refused(["psql -h 10.0.12.5 -c 'select 1'", "aws logs tail /fleet --region eu-central-1"]) == []
    assert refused(["export AWS_REGION=us-east-1"]) == [
        ("RES-009", "content(json).mainSteps[0].inputs.runCommand[0].AWS_REGION")
    ]


# -- URLs whose whole host is a variable the same script assigns (host-shape review, stop 33) ---------------------

_VARIABLE = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True)
_ASSIGNED = st.sampled_from(
    ["partner-exports-us", "heartbeat.partner.example.com", "10.20.4.11", "kms.us-east-1.amazonaws.com",
     "fleet-data.oss-cn-shanghai.aliyuncs.com", "oss-eu-central-1.aliyuncs.com"]
)  # fmt: skip


@given(
    name=_VARIABLE,
    value=_ASSIGNED,
    scheme=st.sampled_from(["s3://", "https://", "oss://"]),
    braced=st.booleans(),
    quote=st.sampled_from(["", '"', "'"]),
    export=st.booleans(),
    tail=st.sampled_from(["/", "/logs/$(hostname)/app.log", ":8443/v1", ""]),
)
@settings(max_examples=200, deadline=None)
def test_a_url_whose_host_is_an_assigned_variable_is_judged_as_written_out(
    name: str, value: str, scheme: str, braced: bool, quote: str, export: bool, tail: str
) -> None:
    # `BUCKET=partner-exports ... s3://$BUCKET/` was accepted: now the same verdict as `s3://partner-exports/`.
    variable = f"${{{name}}}" if braced else f"${name}"
    assignment = f"{'export ' if export else ''}{name}={quote}{value}{quote}"
    use = f'curl -sf "{scheme}{variable}{tail}"'
    written = f'curl -sf "{scheme}{value}{tail}"'
    rules = sorted({rule for rule, _, _ in findings(f"#!/bin/sh\n{assignment}\n{use}\n", "EU", "aws")})
    assert rules == sorted({rule for rule, _, _ in findings(f"#!/bin/sh\n{assignment}\n{written}\n", "EU", "aws")})


@pytest.mark.parametrize(
    "assignment",
    [
        "BUCKET=$(aws ssm get-parameter --name /fleet/bucket --query Parameter.Value --output text)",  # read elsewhere
        'BUCKET="$(curl -s http://169.254.169.254/latest/meta-data/tags/instance/bucket)"',
        "BUCKET=`cat /etc/fleet/bucket`",
        "BUCKET=$LOG_BUCKET",
        "",  # not assigned here: the environment's
    ],
)
def test_a_url_variable_the_script_does_not_assign_a_literal_stays_unjudged(assignment: str) -> None:
    assert findings(f"#!/bin/sh\n{assignment}\naws s3 cp /var/log/app.log s3://$BUCKET/logs/\n", "EU", "aws") == []


# -- URLs whose host holds a variable in part, assigned by the same script (stop 33, hostshape4) ------------------

_DOMAINS = st.sampled_from(
    ["partner.example.com", "eu-central-1.amazonaws.com", "us-east-1.amazonaws.com", "cn-north-1.amazonaws.com.cn",
     "oss-cn-shanghai.aliyuncs.com", "collector.partner.example.com"]
)  # fmt: skip


@given(
    name=_VARIABLE,
    value=_DOMAINS,
    prefix=st.sampled_from(["api.", "sqs.", "fleet-data.", "${TENANT}.", "$TENANT-edge."]),
    braced=st.booleans(),
    quote=st.sampled_from(["", '"', "'"]),
    tail=st.sampled_from(["/", "/v1/heartbeat", ":8443/v1", ""]),
    code=st.sampled_from(["CN", "EU"]),
)
@settings(max_examples=200, deadline=None)
def test_a_url_whose_host_holds_an_assigned_variable_is_judged_as_written_out(
    name: str, value: str, prefix: str, braced: bool, quote: str, tail: str, code: str
) -> None:
    # `DOMAIN=partner.example.com ... https://api.$DOMAIN/` was accepted (read as the one-label host `api` in a URL
    # elsewhere): now the same verdict as `https://api.partner.example.com/`; a variable the script does not assign
    # (`$TENANT`) stays a placeholder, one label.
    assume(name != "TENANT")
    variable = f"${{{name}}}" if braced else f"${name}"
    assignment = f"{name}={quote}{value}{quote}"
    use = f'curl -sf "https://{prefix}{variable}{tail}"'
    written = f'curl -sf "https://{prefix}{value}{tail}"'
    cloud: Cloud = "aws"
    rules = sorted({rule for rule, _, _ in findings(f"#!/bin/sh\n{assignment}\n{use}\n", code, cloud)})
    assert rules == sorted({rule for rule, _, _ in findings(f"#!/bin/sh\n{assignment}\n{written}\n", code, cloud)})


def test_each_value_a_script_gives_a_host_variable_is_judged() -> None:
    # A variable assigned twice (per environment, in branches of an if): each value is a host the script may reach.
    script = (
        "#!/bin/sh\nif [ -f /etc/fleet/prod ]; then DOMAIN=eu-central-1.amazonaws.com; "
        "else DOMAIN=us-east-1.amazonaws.com; fi\ncurl -sf https://sqs.$DOMAIN/123456789012/jobs\n"
    )
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == {"RES-006"}
    assert findings(script.replace("us-east-1", "eu-west-1"), "EU", "aws") == []


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        # scripts54 (stop 54): a substitution the evaluator cannot compute fails closed there now (RES-015, the text
        # it fills the host with; was passing): the domain is the value's, and nothing proves it
        (
            "DOMAIN=$(aws ssm get-parameter --name /fleet/domain --query Parameter.Value --output text)",
            [("RES-015", "api.$(aws ssm get-parameter --name /fleet/domain --query Parameter.Value --output text)")],
        ),
        ("DOMAIN=`cat /etc/fleet/domain`", [("RES-015", "api.`cat /etc/fleet/domain`")]),
        ("DOMAIN=$PARTNER_DOMAIN", []),
        ("", []),
    ],
)
def test_a_host_variable_the_script_does_not_assign_a_literal_leaves_no_host(
    assignment: str, expected: list[tuple[str, str]]
) -> None:
    # Nothing fixed after the variable: the domain is whatever fills it (was refused as the one-label host `api`); an
    # unset variable stays a placeholder.
    script = f"#!/bin/sh\n{assignment}\ncurl -sf https://api.$DOMAIN/v1/heartbeat\n"
    assert [(rule, value) for rule, _, value in findings(script, "EU", "aws")] == expected


# -- a container's command naming its own environment's variables (stop 33, hostshape4) ---------------------------


def _container_rules(container: Mapping[str, object], code: str = "EU") -> set[str]:
    import json

    subject = Subject(
        "aws:ecs/taskDefinition:TaskDefinition",
        "task",
        {"family": "shipper", "container_definitions": json.dumps([container])},
        provider(code, "aws"),
    )
    return {f.rule.id for f in ENGINES[code].check(subject)[0]}


@given(name=_VARIABLE, value=_DOMAINS, shell=st.sampled_from(["sh", "/bin/bash", "ash"]), braced=st.booleans())
@settings(max_examples=100, deadline=None)
def test_a_shell_command_s_environment_variable_is_judged_as_written_out(
    name: str, value: str, shell: str, braced: bool
) -> None:
    # ECS hands `command` to the container as is; `sh -c` expands $VAR from the container's `environment`.
    variable = f"${{{name}}}" if braced else f"${name}"
    environment = [{"name": name, "value": value}]
    used = {"name": "c", "entryPoint": [shell, "-c"], "command": [f"curl -sf https://api.{variable}/v1"],
            "environment": environment}  # fmt: skip
    written = {**used, "command": [f"curl -sf https://api.{value}/v1"]}
    assert _container_rules(used) == _container_rules(written)
    # Without a shell the text stays as written: a placeholder ending the host, no host to judge.
    assert _container_rules({**used, "entryPoint": ["/usr/bin/curl"], "command": [f"https://api.{variable}/v1"]}) == (
        _container_rules({**used, "entryPoint": [], "command": []})
    )


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--url=https://$(T).$(D)/v1"], [{"name": "D", "value": "partner.example.com"}], {"RES-015"}),
        (["--url=https://$(T).$(D)/v1"], [{"name": "D", "value": "execute-api.eu-central-1.amazonaws.com"}], set()),
        (["--url=https://$$(D).x/v1"], [{"name": "D", "value": "partner.example.com"}], set()),  # escaped: `$(D).x`
        (["--url=https://api.$(D)/v1"], [], set()),  # not given: filled elsewhere
        # a variable built from an earlier one (dependent environment variables)
        (
            ["--url=https://$(HOST)/v1"],
            [{"name": "D", "value": "partner.example.com"}, {"name": "HOST", "value": "api.$(D)"}],
            {"RES-015"},
        ),
    ],
)
def test_a_kubernetes_container_s_variable_references_are_expanded(
    args: list[str], env: list[dict[str, str]], expected: set[str]
) -> None:
    # A Pod's container: `$(VAR)` in `args` is expanded from the container's own `env` (Kubernetes API, Container).
    pod = {"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "c", "args": args, "env": env}]}}
    import json

    subject = Subject("aws:ssm/parameter:Parameter", "pod", {"type": "String", "value": json.dumps(pod)},
                      provider("EU", "aws"))  # fmt: skip
    assert {f.rule.id for f in ENGINES["EU"].check(subject)[0]} == expected


# scripts46 (stop 46): one splitter for the host reader and the file readers. Lines of plain words, each command's
# redirections after its words (a descriptor digit or not), joined by separators: the splitter returns each command's
# words without any redirection, its file or its descriptor digit, and the files of the redirections without a digit.
_SPLIT_WORD = st.from_regex(r"[a-z][a-z0-9./_-]{0,7}", fullmatch=True).filter(lambda w: w != "cat")
_SPLIT_REDIRECT = st.tuples(st.sampled_from(["", "1", "2"]), st.sampled_from([">", ">>", "<"]), _SPLIT_WORD)
_SPLIT_COMMAND = st.tuples(st.lists(_SPLIT_WORD, min_size=1, max_size=5), st.lists(_SPLIT_REDIRECT, max_size=3))


@given(st.lists(st.tuples(_SPLIT_COMMAND, st.sampled_from([";", "&&", "||", "|", "&"])), min_size=1, max_size=4))
def test_the_one_splitter_keeps_each_command_s_words_and_its_redirections(
    line: list[tuple[tuple[list[str], list[tuple[str, str, str]]], str]],
) -> None:
    from components.residency.scripts import _simple_commands, _words

    text = " ".join(
        " ".join([*words, *(f"{digit}{op} {file}" for digit, op, file in redirects)]) + f" {separator}"
        for (words, redirects), separator in line
    )
    split = list(_simple_commands(_words(text)))
    assert [c.words for c in split] == [words for (words, _), _ in line], text
    for command, ((_, redirects), _) in zip(split, line, strict=True):
        outputs = [(f, op == ">>") for digit, op, f in redirects if not digit and op != "<"]
        inputs = [f for digit, op, f in redirects if not digit and op == "<"]
        assert (command.stdout, command.append) == (outputs[-1] if outputs else (None, False)), text
        assert command.stdin == (inputs[-1] if inputs else None), text


def test_a_line_piped_into_dd_is_written_as_tee_writes_it() -> None:
    # scripts46 (stop 46): `| dd of=FILE` writes echo's line (coreutils dd(1) of=); passed before. To the console or a
    # device it writes no file.
    assert hosts("echo 'nameserver 8.8.8.8' | sudo dd of=/etc/resolv.conf status=none") == [("nameserver", "8.8.8.8")]
    assert hosts("echo 'nameserver 8.8.8.8' | sudo tee /etc/resolv.conf") == [("nameserver", "8.8.8.8")]
    assert hosts("echo 'nameserver 8.8.8.8' | dd") == []
    assert hosts("echo 'nameserver 8.8.8.8' | dd of=/dev/null") == []


# -- scripts47 (stop 47): the values a variable holds at its use, and the instance's own Region commands


def _values_at_end(script: str) -> Mapping[str, tuple[str, ...]]:
    from components.residency.engine import _assigned_values

    return _assigned_values(script).at(len(script) - 1)


def test_a_value_reaches_its_use_in_the_script_s_order() -> None:
    # A line that only assigns the variable, outside every compound command, replaces what it held.
    assert _values_at_end("H=partner.example.com\nH=10.0.3.7\ncurl https://$H/\n")["H"] == ("10.0.3.7",)
    # Used before the replacement: the earlier value reached that use.
    from components.residency.engine import _assigned_values

    script = "H=partner.example.com\ncurl https://$H/\nH=10.0.3.7\ncurl https://$H/\n"
    values = _assigned_values(script)
    assert values.at(script.index("curl"))["H"] == ("partner.example.com",)
    assert values.at(script.rindex("curl"))["H"] == ("10.0.3.7",)
    # `export A=$B` before B is set takes nothing of B's later value.
    assert "A" not in _values_at_end("export A=$B\nB=partner.example.com\n")
    # A branch, `&&`, a prefix assignment or a line with another command adds a value (it may not run).
    branch = "H=10.0.3.7\nif [ -f /etc/x ]; then\n  H=partner.example.com\nfi\ncurl https://$H/\n"
    assert set(_values_at_end(branch)["H"]) == {"10.0.3.7", "partner.example.com"}
    assert set(_values_at_end("H=10.0.3.7\n[ -f /x ] && H=p.example.com\n")["H"]) == {"10.0.3.7", "p.example.com"}
    assert set(_values_at_end("H=10.0.3.7\nH=p.example.com make\n")["H"]) == {"10.0.3.7", "p.example.com"}
    # Inside a loop's or a function's body every value assigned anywhere reaches (a later line runs before the next
    # pass; the function runs when called), and a function's value is never replaced after its definition.
    loop = "for i in 1 2; do\n  curl https://$H/\n  H=p.example.com\ndone\n"
    values = _assigned_values("H=10.0.3.7\n" + loop)
    assert set(values.at(len("H=10.0.3.7\nfor i in 1 2; do\n"))["H"]) == {"10.0.3.7", "p.example.com"}
    function = "f() {\n  H=p.example.com\n}\nH=10.0.3.7\nf\ncurl https://$H/\n"
    assert set(_values_at_end(function)["H"]) == {"10.0.3.7", "p.example.com"}
    # A here-document's body is data: it replaces nothing.
    heredoc = "H=p.example.com\ncat > /etc/app.env <<EOF\nH=10.0.3.7\nEOF\ncurl https://$H/\n"
    assert "p.example.com" in _values_at_end(heredoc)["H"]


def test_the_instance_s_own_region_command_gives_that_region() -> None:
    from components.residency.engine import _assigned_values
    from components.residency.scripts import own_region_value, substitution_at

    own = (load_endpoints().instance_region_commands[0].regex, "eu-west-1")
    imds = "curl -s http://169.254.169.254/latest/meta-data/placement/region"
    for value in (f"$({imds})", f'"$({imds})"', f"`{imds}`", f'"`{imds}`"'):
        assert own_region_value(value, own) == "eu-west-1", value
        script = f"R={value}\nA=$R\n"
        assert _assigned_values(script, own).at(len(script) - 1)["A"] == ("eu-west-1",), value
    for value in (f"$({imds} | tr a-z A-Z)", f"$({imds})x", f"$({imds.replace('region', 'availability-zone')})", imds):
        assert own_region_value(value, own) is None, value
    assert own_region_value(f"$({imds})", None) is None
    token = "$(curl -sX PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')"
    nested = (
        f'$(curl -s -H "X-aws-ec2-metadata-token: {token}" http://169.254.169.254/latest/meta-data/placement/region)'
    )
    assert substitution_at(f"R={nested} # x", 2) == nested
    assert own_region_value(nested, own) == "eu-west-1"
    # a token from elsewhere is no metadata session token: the command is not the catalogued one
    assert own_region_value(nested.replace("api/token", "api/tokens"), own) is None
    assert substitution_at("R=$(curl -s 'a)'\n)", 2) is None  # not closed on its line


_VARIABLES = ("A", "B", "C", "D", "E")
_LITERALS = ("10.0.3.7", "db.partner.example.com", "logs.example.cn")


@given(
    st.lists(
        st.tuples(st.sampled_from(_VARIABLES), st.one_of(st.sampled_from(_LITERALS), st.sampled_from(_VARIABLES))),
        min_size=1,
        max_size=12,
    )
)
def test_straight_line_values_are_the_shell_s(assignments: list[tuple[str, str]]) -> None:
    # A script of plain assignments (NAME=literal, NAME=$OTHER) outside every compound command: the values at the
    # end are exactly those the shell leaves (one each; a reference to a variable not set yet leaves none known).
    script = "".join(f"{name}={value}\n" if value in _LITERALS else f"{name}=${value}\n" for name, value in assignments)
    shell: dict[str, str | None] = {}
    for name, value in assignments:
        shell[name] = value if value in _LITERALS else shell.get(value)
    expected = {name: (value,) for name, value in shell.items() if value is not None}
    assert dict(_values_at_end(script)) == expected


@given(
    st.lists(st.tuples(st.sampled_from(_VARIABLES), st.sampled_from(_LITERALS), st.booleans()), min_size=1, max_size=8)
)
def test_a_branch_s_values_are_never_lost(assignments: list[tuple[str, str, bool]]) -> None:
    # Fail closed: every value an `if` branch assigns, and every value a plain line assigns after the last plain line
    # before it, reaches the end (the shell may take either way).
    lines = [f"if [ -f /x ]; then\n  {n}={v}\nfi\n" if branch else f"{n}={v}\n" for n, v, branch in assignments]
    values = _values_at_end("".join(lines))
    for i, (name, value, _) in enumerate(assignments):
        replaced = any(n == name and not b for n, _, b in assignments[i + 1 :])
        if not replaced:
            assert value in values.get(name, ()), (name, value)


def test_envsubst_fills_no_value_two_branches_disagree_on() -> None:
    # scripts47: the envsubst reader took the last assignment written, so `if ...; then R=sa-east-1; else
    # R=eu-west-1; fi` filled the file with eu-west-1 (the branch abroad hidden). Inside a compound command a value
    # other than the one held leaves the variable unknown; the same value, or a first value (the `[ -z "$R" ]` idiom),
    # is kept.
    from components.residency.scripts import edited_files

    template = "cat > /opt/t.tpl <<'EOF'\n    region ${FB_REGION}\nEOF\nenvsubst < /opt/t.tpl > /etc/fb.conf\n"

    def filled(assignments: str) -> str | None:
        return edited_files(assignments + template)[0].content

    branches = "if [ -f /etc/prod ]; then\n  export FB_REGION={a}\nelse\n  export FB_REGION={b}\nfi\n"
    assert filled(branches.format(a="sa-east-1", b="eu-west-1")) == "    region ${FB_REGION}\n"
    assert filled(branches.format(a="eu-west-1", b="eu-west-1")) == "    region eu-west-1\n"
    assert filled('if [ -z "${FB_REGION:-}" ]; then\n  FB_REGION=eu-west-1\nfi\n') == "    region eu-west-1\n"
    assert filled("FB_REGION=sa-east-1\nFB_REGION=eu-west-1\n") == "    region eu-west-1\n"  # replaced in order


# -- scripts48 (stop 48): more pipelines giving the instance's own Region; option values filled from the variables


_TOKENS = (
    "curl", "-s", "region", '\\"', "\\'", "\\)", "\\(", "'a)b'", "'(c'", '"d)e"', '"f\\"g"', '"h(i"', "$(x)", "`y`",
)  # fmt: skip


@given(st.lists(st.sampled_from(_TOKENS), max_size=10), st.sampled_from(["", " # )", ")", " ; z"]))
def test_a_substitution_ends_at_its_own_parenthesis(words: list[str], tail: str) -> None:
    # bash(1) "Quoting": a backslash outside single quotes escapes the next character, a quoted parenthesis closes
    # nothing, a nested substitution closes its own: the substitution is the text up to its own `)`, whatever follows.
    from components.residency.scripts import substitution_at

    inner = " ".join(words)
    text = f"R=$({inner}){tail}"
    assert substitution_at(text, 2) == f"$({inner})", text


_PHYSICAL = st.from_regex(r"[a-z $=-]{0,8}", fullmatch=True)


@given(st.lists(st.tuples(_PHYSICAL, st.booleans(), st.booleans()), min_size=1, max_size=8))
def test_joined_lines_keep_where_each_line_starts(lines: list[tuple[str, bool, bool]]) -> None:
    # A line ending in a backslash continues on the next (bash(1)); each logical line is the reading the host reader
    # had (`replace("\\\n", "")` then splitlines), and its offset is where its last physical line starts
    # (falsealarm56, stop 56: was its first's; the values reaching a loop opened on a continued line are read there).
    from components.residency.scripts import _joined_lines

    script = "".join(text + ("\\" if continued else "") + ("\r\n" if crlf else "\n") for text, continued, crlf in lines)
    joined = list(_joined_lines(script))
    assert [line for _, line in joined] == script.replace("\\\r\n", "").replace("\\\n", "").splitlines()
    starts, offset, last = [], 0, 0
    for text, continued, crlf in lines:
        last, offset = offset, offset + len(text) + continued + 1 + crlf
        if not continued:
            starts.append(last)
    starts.append(last)  # a last line continued onto nothing
    assert [start for start, _ in joined] == starts[: len(joined)]


def test_the_instance_s_own_region_through_more_pipelines() -> None:
    # scripts48: the identity document's region line cut at its quotes, jq's flags in either order, and a filter that
    # drops no character of a Region code (tr -d '\n') give the same Region; a cut of the zone does not.
    from components.residency.engine import _instance_region_commands
    from components.residency.scripts import own_region_value

    own = (_instance_region_commands(load_endpoints())["aws:ec2/instance:Instance"], "eu-west-1")
    document = "curl -s http://169.254.169.254/latest/dynamic/instance-identity/document"
    region = "curl -s http://169.254.169.254/latest/meta-data/placement/region"
    for command in (
        f"{document} | grep region | awk -F\\\" '{{print $4}}'",
        f"{document} | grep '\"region\"' | cut -d '\"' -f 4",
        f"{document} | jq .region -r",
        f"{document} | jq --raw-output '.region'",
        f"{region} | tr -d '\\n'",
        f"{region} | tr -d '[:space:]' | tr -d '\"'",
        "ec2-metadata --quiet --region | tr -d '\\n'",
    ):
        assert own_region_value(f"$({command})", own) == "eu-west-1", command
    for command in (
        f"{document} | grep region | awk -F\\\" '{{print $3}}'",  # the key, not the value
        f"{document} | grep zone | awk -F\\\" '{{print $4}}'",
        f"{region} | tr -d 'a'",  # may change the Region
        f"{region} | tr -d '[:alnum:]'",
        "curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone | sed 's/.$//'",
    ):
        assert own_region_value(f"$({command})", own) is None, command


def test_a_host_read_from_a_line_keeps_the_line_s_offset() -> None:
    script = "A=1\npsql -h db.example.com \\\n  -U app\nsh -c 'redis-cli -h cache.example.com ping'\n"
    found = READER.hosts(script)
    # falsealarm56 (stop 56): a continued line's offset is its last physical line's (was its first's: a loop opened
    # on a continued line, `printf ... \` then `| while read -r h; do psql -h "$h"; done`, left its variable unset)
    assert [(h.host, h.offset) for h in found] == [
        ("db.example.com", script.index("  -U app")),
        ("cache.example.com", script.index("sh -c")),
    ]


def test_filled_writes_each_value_that_reaches() -> None:
    from components.residency.scripts import filled_texts as _filled

    assert _filled("$R", {"R": ("eu-west-1",)}) == ("eu-west-1",)
    assert _filled("oss-${R}-internal.aliyuncs.com", {"R": ("cn-hangzhou", "cn-beijing")}) == (
        "oss-cn-beijing-internal.aliyuncs.com",
        "oss-cn-hangzhou-internal.aliyuncs.com",
    )
    assert _filled("db.$D", {}) == ("db.$D",)  # a variable given no literal stays as written
    assert _filled("$A.$B", {"A": ("x",)}) == ("x.$B",)


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_a_command_s_option_holds_the_values_its_variable_reaches(code: str) -> None:
    # scripts48: `--region $TARGET`, `psql -h $DBH` / `-h db.$DOMAIN` were read as written (no region, no host shape)
    # and passed whatever the variable held: each value that reaches the line is judged; a value made at run time
    # stays as written (passes, as before).
    own = provider(code, "aws").region
    foreign = "us-west-2"
    put = "aws cloudwatch put-metric-data --namespace F --metric-name B --value 1"
    cases = {
        f"TARGET={foreign}\n{put} --region $TARGET\n": {"RES-009"},
        f"TARGET={foreign}\n{put} --region=${{TARGET}}\n": {"RES-009"},
        f"TARGET={foreign}\naws configure set region $TARGET\n": {"RES-009"},
        f"TARGET={own}\n{put} --region $TARGET\n": set(),
        f"TARGET={foreign}\nTARGET={own}\n{put} --region $TARGET\n": set(),  # replaced before its use
        f"{put} --region $TARGET\nTARGET={foreign}\n": set(),  # set after its use
        # scripts53 (stop 53): a substitution the engine cannot compute, assigned first, fails closed at the argument
        # (RES-011, an unknown Region; was passing as an unset variable)
        f"TARGET=$(cat /etc/region)\n{put} --region $TARGET\n": {"RES-011"},
        "DBH=db.partner.example.com\npsql -h $DBH -f /opt/s.sql\n": {"RES-015"},
        "DOMAIN=partner.example.com\npsql -h db.$DOMAIN -f /opt/s.sql\n": {"RES-015"},
        "DBH=10.0.3.7\npsql -h $DBH -f /opt/s.sql\n": set(),
    }
    for script, expected in cases.items():
        assert {rule for rule, _, _ in findings(script, code, "aws")} == expected, script


@pytest.mark.parametrize("code", ["CN"])
def test_an_ossutil_endpoint_built_on_the_metadata_region_is_that_region_s(code: str) -> None:
    # scripts48: `-e oss-$REGION-internal.aliyuncs.com` (a host without a scheme) was read as the placeholder host
    # `REGION-internal.aliyuncs.com` (RES-015): the host is filled as a URL's is; a region from a file stays RES-015.
    region = provider(code, "alicloud").region
    upload = "ossutil cp /var/log/boot.log oss://$BUCKET/boot/ -e oss-$REGION-internal.aliyuncs.com\n"
    metadata = "REGION=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    assert {r for r, _, _ in findings(metadata + upload)} == set()
    assert {r for r, _, _ in findings(f"REGION={region}\n" + upload)} == set()
    assert {r for r, _, _ in findings("REGION=$(cat /etc/region)\n" + upload)} == {"RES-015"}
    assert {r for r, _, _ in findings("SITE=us-west-1\n" + upload.replace("$REGION", "$SITE"))} == {"RES-006"}


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_the_aws_shared_config_file_a_script_writes_is_read(code: str) -> None:
    # scripts48: `region = ...` in ~/.aws/config (the AWS CLI's and SDKs' shared config file, cli_config_files) passed
    # whatever it named; each line of every profile is judged as a region key, a variable's values filled in.
    imds = "R=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
    config = "cat > /root/.aws/config <<EOF\n[default]\nregion = {0}\n[profile b]\nregion = {1}\nEOF\n"
    own = provider(code, "aws").region
    assert {r for r, _, _ in findings(config.format(own, "us-west-2"), code, "aws")} == {"RES-009"}
    assert {r for r, _, _ in findings(config.format("us-west-2", own), code, "aws")} == {"RES-009"}
    assert {r for r, _, _ in findings("R=us-west-2\n" + config.format("$R", own), code, "aws")} == {"RES-009"}
    assert {r for r, _, _ in findings(imds + config.format("$R", own), code, "aws")} == set()
    echoed = "echo '[default]' > ~/.aws/config\necho 'region = us-west-2' >> ~/.aws/config\n"
    assert {r for r, _, _ in findings(echoed, code, "aws")} == {"RES-009"}
    # another file's `region = ...` is no CLI's setting; scripts49: an application's `.ini` is read by key
    # (app_config_files); scripts50: so is a `.conf`'s `key = value` line; a file no entry lists is not
    assert {r for r, _, _ in findings(config.format("us-west-2", own).replace(".aws/config", "app.settings"), code,
                                      "aws")} == set()  # fmt: skip
    assert {r for r, _, _ in findings(config.format("us-west-2", own).replace(".aws/config", "app.conf"), code,
                                      "aws")} == {"RES-009"}  # fmt: skip
    assert {r for r, _, _ in findings(config.format("us-west-2", own).replace(".aws/config", "app.ini"), code,
                                      "aws")} == {"RES-009"}  # fmt: skip


def test_urls_and_hosts_without_a_scheme_take_the_values_at_their_line() -> None:
    # scripts48: both are found in the script as written, each with the values that reach its line; a path is no host.
    from components.residency.engine import _assigned_urls

    script = (
        "R=eu-west-1\nD=partner.example.com\ncurl https://api.$D/v1 && ossutil ls -e oss-$R-internal.aliyuncs.com\n"
        "R=us-east-1\necho oss-$R.aliyuncs.com /var/$R.log\n"
    )
    assert _assigned_urls(script).splitlines()[2:] == [
        "curl https://api.partner.example.com/v1 && ossutil ls -e oss-eu-west-1-internal.aliyuncs.com",
        "R=us-east-1",
        "echo oss-us-east-1.aliyuncs.com /var/$R.log",
    ]


def test_a_long_word_of_variables_and_dots_is_read_in_one_pass() -> None:
    # The lead's review (stop 48): before the variable in the host and URL patterns was atomic, a word of 20 `$Aa.a`
    # pieces ending in no domain took 3.5 s to find no host in, about 2x longer for every piece more (the regular
    # expression tried every split of each name into `$A` and a host character `a`); 40 pieces would not end in a CI
    # run. `Aa` is the variable (bash takes the longest name): the URL's are filled with its literal, the word without
    # a domain at its end is no host and stays as written.
    from components.residency.engine import _assigned_urls

    word = "$Aa.a" * 40 + "$Aa"
    script = f"Aa=x\nA=eu-west-1\necho {word}-\ncurl http://{word}/\n"
    filled = word.replace("$Aa", "x")
    assert _assigned_urls(script) == f"Aa=x\nA=eu-west-1\necho {word}-\ncurl http://{filled}/\n"


def test_the_instance_s_own_region_through_filters_that_select_or_trim() -> None:
    # scripts49: filters that keep the metadata's one line whole (instance_region_filters: head / tail -n N >= 1, a bare
    # xargs, sed 's/"//g', awk '{print $1}') and jq's JSON string with its quotes removed give the same Region; a filter
    # that drops or rewrites a line does not.
    from components.residency.engine import _instance_region_commands
    from components.residency.scripts import own_region_value

    own = (_instance_region_commands(load_endpoints())["aws:ec2/instance:Instance"], "eu-west-1")
    document = "curl -s http://169.254.169.254/latest/dynamic/instance-identity/document"
    region = "curl -s http://169.254.169.254/latest/meta-data/placement/region"
    for command in (
        f"{region} | head -n 1",
        f"{region} | head -1",
        f"{region} | head --lines=1 | xargs",
        f"{region} | tail -n1",
        f"{region} | xargs echo",
        f"{region} | sed 's/\"//g'",
        f"{region} | awk '{{print $1}}'",
        f"{region} | awk '{{print}}' | tr -d '\\n'",
        f"{document} | jq .region | tr -d '\"'",
        f"{document} | jq '.region' | sed -e 's/\"//g'",
        "curl -s http://100.100.100.200/latest/meta-data/region-id | head -n 1",  # an AWS type: not its metadata
    )[:-1]:
        assert own_region_value(f"$({command})", own) == "eu-west-1", command
    for command in (
        f"{region} | head -n -1",  # all but the last line: nothing
        f"{region} | tail -n +2",  # from the second line: nothing
        f"{region} | head -c 4",  # bytes, not lines
        f"{region} | xargs -I{{}} echo x{{}}",
        f"{region} | sed 's/-1$/-2/'",  # writes text: unknown
        f"{region} | awk '{{print $2}}'",
        f"{document} | jq .region",  # the JSON string, quotes and all
    ):
        assert own_region_value(f"$({command})", own) is None, command


def test_a_long_pipeline_of_filters_is_read_in_one_pass() -> None:
    # The filters follow the command any number of times: each starts with its own command name after a `|`, so a
    # failing pipeline is given up at its first non-filter (no split of one filter into two is possible). A pipeline
    # of 5,000 filters ending in one that is not listed is read in one pass (an exponential pattern would not end).
    from components.residency.engine import _instance_region_commands
    from components.residency.scripts import own_region_value

    own = (_instance_region_commands(load_endpoints())["aws:ec2/instance:Instance"], "eu-west-1")
    region = "curl -s http://169.254.169.254/latest/meta-data/placement/region"
    filters = " | head -1 | xargs | tail -n 1" * 5000
    assert own_region_value(f"$({region}{filters})", own) == "eu-west-1"
    assert own_region_value(f"$({region}{filters} | tail -n +2)", own) is None
    assert own_region_value(f"$({region} | head -{'1' * 50000}x)", own) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('echo "$HOST" | xargs -I{} curl -s https://{}/intake', "curl -s https://$HOST/intake"),
        ("echo h.example.com | xargs -I % psql -h % -f s.sql", "psql -h h.example.com -f s.sql"),
        ("echo h.example.com | xargs -i ssh {} uptime && echo done", "ssh h.example.com uptime"),
        ("printf '%s\\n' h.example.com | xargs -n 1 -P 2 curl -sf", "curl -sf h.example.com"),
        ("echo -n a.example.com b.example.com | xargs -r ping -c1", "ping -c1 a.example.com b.example.com"),
        ("echo h.example.com | xargs --replace=@ curl https://@/", "curl https://h.example.com/"),
        # scripts50: through text filters the engine applies, and inside a sh -c / bash -c word
        ("echo ' h.example.com ' | tr -d ' ' | xargs -I{} curl https://{}/", "curl https://h.example.com/"),
        ("""echo '{"h": "h.example.com"}' | jq -r .h | xargs -I{} curl https://{}/""", "curl https://h.example.com/"),
        ("echo H.EXAMPLE.COM | tr A-Z a-z | cut -d. -f1- | xargs psql -h", "psql -h h.example.com"),
        ("bash -c 'echo h.example.com | xargs -I{} curl https://{}/'", "curl https://h.example.com/"),
    ],
)
def test_xargs_runs_its_command_on_the_echoed_words(line: str, expected: str) -> None:
    # scripts49, findutils "Invoking xargs": -I replaces in the command's words, -i is -I {}; without it the items
    # are appended. The line is kept and the command written out after it, on the same line.
    from components.residency.scripts import xargs_expanded

    assert xargs_expanded(f"A=1\n{line}\n") == f"A=1\n{line} ; {expected}\n"


@pytest.mark.parametrize(
    "script",
    [
        "ls | xargs rm\n",
        "cat > /opt/run.sh <<EOF\necho h.example.com | xargs curl\nEOF\n",  # a here-document's body is data
        "echo h.example.com | \\\n  xargs curl\n",  # continued on the next line: left as written
        "echo h.example.com | sort | xargs curl\n",  # a filter the engine does not apply (scripts50)
        'echo "$H" | tr a-z A-Z | xargs curl\n',  # a reference through a filter: filled later, not filtered
    ],
)
def test_xargs_on_other_input_is_left_as_written(script: str) -> None:
    from components.residency.scripts import xargs_expanded

    assert xargs_expanded(script) == script


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_a_host_echoed_into_xargs_is_a_destination(code: str) -> None:
    # scripts49: the URL's host was the placeholder `{}` (passed whatever the echo held)
    post = "xargs -I{} curl -sf -X POST https://{}/intake --data-binary @/var/log/boot.json\n"
    assert {r for r, _, _ in findings(f"echo intake.partner.example.com | {post}", code, "aws")} == {"RES-015"}
    assert {r for r, _, _ in findings(f'C=intake.partner.example.com\necho "$C" | {post}', code, "aws")} == {"RES-015"}
    assert {r for r, _, _ in findings("echo db.partner.example.com | xargs psql -f s.sql -h\n", code, "aws")} == {
        "RES-015"
    }
    assert {r for r, _, _ in findings(f"echo 10.0.3.9 | {post}", code, "aws")} == set()
    # scripts65b: a file the script does not write, read at run time, fails closed (its substitution at the URL)
    assert {r for r, _, _ in findings(f"cat /etc/fleet/intake | {post}", code, "aws")} == {"RES-015"}
    written = "echo intake.eu-west-1.example.com > /etc/fleet/intake\n"
    assert {r for r, _, _ in findings(f"{written}cat /etc/fleet/intake | {post}", code, "aws")} == {"RES-015"}


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("cat hosts | xargs -I{} curl https://{}/\n", "curl https://$(cat hosts)/"),
        ("echo h.example.com | xargs -a hosts curl\n", "curl $(cat hosts)"),  # items from the file, not the echo
        ("echo a.example.com > hosts\nxargs -a hosts curl\n", "curl a.example.com"),
    ],
)
def test_scripts65b_xargs_reads_the_file_it_is_given(script: str, expected: str) -> None:
    # scripts65b: was left as written (scripts49); the file's lines where the script writes it, else its substitution
    from components.residency.scripts import xargs_expanded

    assert xargs_expanded(script).rstrip("\n").rsplit(" ; ", 1)[-1] == expected


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_an_application_config_file_a_script_writes_is_read_by_key(code: str) -> None:
    # scripts49 (app_config_files): a .json / .yaml / .ini body is walked with the key catalogue of resource inputs;
    # before, only its URLs and cloud hosts were read (a partner's `db_host`, another country's `region` passed).
    own = provider(code, "aws").region
    imds = "R=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
    json_body = '{{"db_host": "{0}", "aws": {{"region": "{1}"}}}}\n'
    yaml_body = "database:\n  host: {0}\naws:\n  region: {1}\n"
    ini_body = "[db]\nhost = {0}\n[aws]\nregion = {1}\n"
    # scripts50: TOML 1.0 documents, java.util.Properties lines, `.cfg` as INI, a `.conf`'s `key = value` lines
    toml_body = '[db]\nhost = "{0}"\n[aws]\nregion = "{1}"\n'
    properties_body = "db.host={0}\naws.region: {1}\n"
    bodies = (("app.json", json_body), ("app.yaml", yaml_body), ("app.yml", yaml_body), ("a.ini", ini_body),
              ("app.toml", toml_body), ("app.properties", properties_body), ("app.cfg", ini_body),
              ("app.conf", ini_body))  # fmt: skip
    for file, body in bodies:
        write = f"cat > /etc/fleet/{file} <<EOF\n{body}EOF\n"
        assert {r for r, _, _ in findings(write.format("db.partner.example.com", own), code, "aws")} == {"RES-015"}
        assert {r for r, _, _ in findings(write.format("10.0.3.7", "us-west-2"), code, "aws")} == {"RES-009"}
        assert {r for r, _, _ in findings(write.format("10.0.3.7", own), code, "aws")} == set(), file
        assert {r for r, _, _ in findings(imds + write.format("localhost", "$R"), code, "aws")} == set(), file
        assert {r for r, _, _ in findings("R=us-west-2\n" + write.format("10.0.3.7", "$R"), code, "aws")} == {"RES-009"}
    # tee and printf write files too; a .conf line of its own syntax (no `=`) is not read by key (scripts50)
    tee = "tee /etc/fleet/app.yaml > /dev/null <<EOF\nendpoint: intake.partner.example.com\nEOF\n"
    assert {r for r, _, _ in findings(tee, code, "aws")} == {"RES-015"}
    printf = "printf 'db_host: db.partner.example.com\\n' > /etc/fleet/app.yaml\n"
    assert {r for r, _, _ in findings(printf, code, "aws")} == {"RES-015"}
    conf = "cat > /etc/fleet/app.conf <<EOF\nregion us-west-2\nserver_name db.partner.example.com;\nEOF\n"
    assert {r for r, _, _ in findings(conf, code, "aws")} == set()
    assert {r for r, _, _ in findings(conf.replace("region us", "region = us"), code, "aws")} == {"RES-009"}
    # listening addresses, paths and local services are no destination
    local = (
        "cat > /etc/fleet/app.yaml <<EOF\nserver:\n  host: 0.0.0.0\n  port: 8080\nhealth:\n  endpoint: /healthz\n"
        "metrics:\n  url: http://localhost:9100/metrics\nredis:\n  host: ${REDIS_HOST}\nEOF\n"
    )
    assert {r for r, _, _ in findings(local, code, "aws")} == set()


@pytest.mark.parametrize("code", ["CN"])
def test_the_aliyun_cli_config_file_a_script_writes_is_read(code: str) -> None:
    # scripts49 (cli_config_files): ~/.aliyun/config.json's profiles (aliyun-cli config/profile.go: region_id) passed
    # whatever region they named; only `aliyun configure set --region` was read.
    own = provider(code, "alicloud").region
    config = (
        'cat > {0} <<EOF\n{{"current": "default", "profiles": [{{"name": "default", "mode": "EcsRamRole", '
        '"ram_role_name": "node", "region_id": "{1}"}}, {{"name": "b", "mode": "EcsRamRole", "region_id": "{2}"}}]}}\n'
        "EOF\n"
    )
    metadata = "REGION=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\n"
    for file in ("/root/.aliyun/config.json", "~/.config/aliyun/config.json"):
        assert {r for r, _, _ in findings(config.format(file, own, "us-west-1"), code)} == {"RES-009"}
        assert {r for r, _, _ in findings(config.format(file, own, own), code)} == set()
        assert {r for r, _, _ in findings(metadata + config.format(file, "$REGION", own), code)} == set()


def test_a_value_sed_writes_is_the_substitution_applied() -> None:
    # scripts49: `$(echo WORD | sed 's/a/b/')` is WORD (a literal, or each value a whole reference holds) edited by the
    # engine's sed reader; over an unknown input the host the substitution writes is the value (fail closed where it
    # reaches a destination); a text naming no host gives none; no pipeline into sed is None.
    from components.residency.scripts import filter_values as sed_values

    assert sed_values("$(echo collector.internal | sed 's/internal/partner.com/')", {}) == ["collector.partner.com"]
    assert sed_values('$(echo "$X" | sed -e "s/a/b/g")', {"X": ("aa.example", "ca.example")}) == [
        "bb.exbmple",
        "cb.exbmple",
    ]
    assert sed_values("$(hostname | sed 's/[.]internal$/.partner.com/')", {}) == ["partner.com"]
    assert sed_values("$(echo $UNSET | sed 's/x/partner.com/')", {}) == ["partner.com"]
    assert sed_values("$(hostname | sed 's/_/-/g')", {}) == []
    assert sed_values("$(hostname | sed 's/[.].*$//')", {}) == []
    assert sed_values("`echo a | sed s/a/b.example.com/`", {}) == ["b.example.com"]
    assert sed_values("$(cat /etc/host)", {}) is None
    assert sed_values("$(sed 's/a/b/' /etc/host)", {}) is None


def test_a_value_other_filters_write_is_the_filter_applied() -> None:
    # scripts50 (each gave no value on main 25d38a3): perl -pe, awk's sub / gsub / print $N, tr, cut and jq -r over an
    # echo are applied; a filter the engine cannot apply makes the value unknown (its written host, if any, judged).
    from components.residency.scripts import filter_values

    x = {"X": ("a.fleet.internal",)}
    cases = {
        "$(echo a.fleet.internal | awk '{sub(/fleet.internal/,\"p.example.com\")}1')": ["a.p.example.com"],
        '$(echo a.fleet.internal | awk \'{gsub("fleet", "x"); gsub(/internal/,"p.com"); print}\')': ["a.x.p.com"],
        "$(echo $X | perl -pe 's/internal/p.example.com/')": ["a.fleet.p.example.com"],
        "$(echo $X | perl -lpe 's/(fleet)/$1-eu/g')": ["a.fleet-eu.internal"],
        "$(hostname | perl -pe 's/internal/p.example.com/')": ["p.example.com"],
        "$(echo x:us-west-2:z | cut -d: -f2)": ["us-west-2"],
        "$(echo x:us-west-2:z | cut --delimiter=: --fields=2-)": ["us-west-2:z"],
        "$(echo no-delimiter | cut -d: -f2)": ["no-delimiter"],  # cut prints such a line whole
        "$(echo eu-west-1a | cut -c1-9)": ["eu-west-1"],
        "$(echo a:b | awk -F: '{print $2}')": ["b"],
        "$(echo a | awk -F: '{print $2}')": [""],  # awk: no second field
        "$(echo 'a  b' | awk '{print $2}')": ["b"],
        '$(echo \'{"r": {"h": "x.p.com"}}\' | jq -r .r.h)': ["x.p.com"],
        '$(echo \'{"r": "x"}\' | jq .r)': ['"x"'],
        "$(echo ABC.P.COM | tr A-Z a-z)": ["abc.p.com"],
        "$(echo a-b-c | tr -d -- -)": [],  # an option tr is not read with: unknown, no text written
        "$(echo abc | sort | tr a b)": [],  # sort: not applied
        "$(hostname | cut -d. -f1)": [],
    }
    for substitution, expected in cases.items():
        assert filter_values(substitution, x) == expected, substitution
    assert filter_values("$(echo abc | wc -c)", x) is None


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_a_host_a_sed_substitution_writes_is_judged_where_it_is_used(code: str) -> None:
    # scripts49: the variable held no known value (a URL holding it was a placeholder: passed)
    post = "curl -sf https://$HOST/intake -d @/var/log/boot.log\n"
    literal = "HOST=$(echo collector.internal | sed 's/internal/partner.example.com/')\n"
    unknown = "HOST=$(hostname -f | sed 's/[.]internal$/.partner.example.com/')\n"
    private = "HOST=$(echo 10.0.3.9:8080 | sed 's/8080/8443/')\n"
    assert {r for r, _, _ in findings(literal + post, code, "aws")} == {"RES-015"}
    assert {r for r, _, _ in findings(unknown + post, code, "aws")} == {"RES-015"}
    assert {r for r, _, _ in findings(private + post, code, "aws")} == set()
    assert {r for r, _, _ in findings(unknown + "echo $HOST > /etc/hostname.bak\n", code, "aws")} == set()  # no use
    region = "R=$(echo eu-west-1 | sed 's/eu-west-1/us-west-2/')\naws s3 ls --region $R\n"
    assert {r for r, _, _ in findings(region, code, "aws")} == {"RES-009"}


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_a_variable_one_item_of_a_script_list_assigns_reaches_the_later_items(code: str) -> None:
    # scripts50 (each passed on main 25d38a3): an SSM Command document's runCommand items are one script (the agent
    # writes them into one file); `R=...` in one item and `--region $R` / `https://$HOST/` in a later one are judged
    # with the values the earlier item gives; the stack's own Region and a private address pass.
    import json

    def refused(lines: list[str]) -> set[str]:
        step = {"action": "aws:runShellScript", "name": "s", "inputs": {"runCommand": lines}}
        content = json.dumps({"schemaVersion": "2.2", "mainSteps": [step]})
        subject = Subject("aws:ssm/document:Document", "d", {"content": content, "document_type": "Command"},
                          provider(code, "aws"))  # fmt: skip
        return {f.rule.id for f in ENGINES[code].check(subject)[0]}

    own = provider(code, "aws").region
    use = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region $R"
    assert refused(["R=us-west-2", use]) == {"RES-009"}
    assert refused([f"R={own}", use]) == set()
    assert refused(['R=$(echo "x:us-west-2" | cut -d: -f2)', "echo start", use]) == {"RES-009"}
    assert refused(["export AWS_REGION=$R", "R=us-west-2"]) == set()  # assigned after its use: not reaching it
    assert refused(["R=us-west-2", "export AWS_REGION=$R"]) == {"RES-009"}
    post = "curl -sf -X POST https://$HOST/intake -d @/var/log/boot.json"
    assert refused(["HOST=intake.partner.example.com", post]) == {"RES-015"}
    assert refused(["HOST=10.0.3.9", post]) == set()
    assert refused(["HOST=db.partner.example.com", "psql -h $HOST -f /opt/s.sql"]) == {"RES-015"}


def test_a_toml_file_is_read_within_the_document_bounds() -> None:
    # scripts50: a .toml body is parsed by tomllib (recursive): nested deeper than the bounds it is RES-025, as a JSON
    # body is; a body TOML cannot parse is no document (its text is still scanned).
    from components.residency.documents import toml_or_none

    assert toml_or_none('x = 1\n[aws]\nregion = "eu-west-1"\n') == {"x": 1, "aws": {"region": "eu-west-1"}}
    assert toml_or_none("not = toml = [") is None
    deep = "a = " + "[" * 5000 + "]" * 5000
    assert {r for r, _, _ in findings(f"cat > /etc/app.toml <<EOF\n{deep}\nEOF\n", "EU", "aws")} == {"RES-025"}
    shallow = "a = " + "[" * 20 + "]" * 20
    assert findings(f"cat > /etc/app.toml <<EOF\n{shallow}\nEOF\n", "EU", "aws") == []


# -- scripts51 (stop 51): reproduced on main 54b9529, each refused case passed there --------------------------------


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_a_config_file_cloud_init_writes_is_read_by_its_path(code: str) -> None:
    # scripts51: a cloud-config write_files content is read as the file kind its path names (ini, conf, toml), as a
    # here-document into that path is; JSON and YAML contents were walked as documents already.
    cloud: Cloud = "alicloud" if code == "CN" else "aws"
    own = provider(code, cloud).region
    abroad = "us-west-1" if code == "CN" else "us-west-2"

    def written(path: str, content: str) -> set[str]:
        body = "".join(f"      {line}\n" for line in content.splitlines())
        script = f"#cloud-config\nwrite_files:\n  - path: {path}\n    content: |\n{body}"
        return {rule for rule, _, _ in findings(script, code, cloud)}

    for path in ("/root/.aws/config", "/etc/fleet/app.conf", "/etc/fleet/app.ini"):
        assert written(path, f"[default]\nregion = {abroad}\n") == {"RES-009"}, path
        assert written(path, f"[default]\nregion = {own}\n") == set(), path
    assert written("/etc/fleet/app.toml", f'[aws]\nregion = "{abroad}"\n') == {"RES-009"}
    assert written("/etc/fleet/app.toml", '[db]\nendpoint = "db.partner.example.com"\n') == {"RES-015"}
    assert written("/etc/fleet/app.toml", '[db]\nendpoint = "10.0.3.7"\n') == set()
    assert written("/etc/fleet/app.settings", f"region = {abroad}\n") == set()  # a file no entry lists


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_s3cmd_s_own_keys_are_read_as_the_catalogue_s(code: str) -> None:
    # scripts51: ~/.s3cfg's host_base / host_bucket (the hosts s3cmd sends to) and bucket_location (the Region it
    # creates buckets in) are read as `endpoint` and `region` (cli_config_files keys); the Region's own endpoints with
    # s3cmd's %(bucket)s template pass (a bucket `s` read from the template before: RES-017 in EU).
    cloud: Cloud = "alicloud" if code == "CN" else "aws"
    own = provider(code, cloud).region
    abroad = "us-west-1" if code == "CN" else "us-west-2"
    endpoint = f"oss-{own}-internal.aliyuncs.com" if code == "CN" else f"s3.{own}.amazonaws.com"
    config = (
        "cat > /root/.s3cfg <<EOF\n[default]\nhost_base = {0}\nhost_bucket = %(bucket)s.{0}\nbucket_location = {1}\n"
        "EOF\n"
    )

    def rules(script: str) -> set[str]:
        return {rule for rule, _, _ in findings(script, code, cloud)}

    assert rules(config.format(endpoint, own)) == set()
    assert rules(config.format("10.0.3.9:9000", own)) == set()
    assert rules(config.format("intake.partner.example.com", own)) == {"RES-015"}
    assert rules(config.format(endpoint, abroad)) == {"RES-009"}
    assert rules("echo 'host_base = intake.partner.example.com' >> ~/.s3cfg\n") == {"RES-015"}
    # the same names in another file are nobody's endpoint
    assert rules(config.format("intake.partner.example.com", abroad).replace(".s3cfg", "app.conf")) == set()


def test_a_host_never_starts_with_a_letter_right_after_a_parenthesis() -> None:
    # scripts51: in `%(bucket)s.s3...` (Python's %-interpolation, s3cmd's host_bucket) the `s` ends the placeholder: no
    # bucket `s` (RES-017 before); the endpoint's Region is still judged. A label after `${B}` is read as before, and
    # `oss-{{X}}-internal.aliyuncs.com`'s `-internal...` host stays refused (no Region proven).

    def rules(text: str, code: str = "EU", cloud: Cloud = "aws") -> set[str]:
        return {rule for rule, _, _ in findings(text, code, cloud)}

    assert rules("x %(bucket)s.s3.eu-west-1.amazonaws.com\n") == set()
    assert rules("x %(bucket)s.s3.us-west-2.amazonaws.com\n") == {"RES-006"}
    assert rules("x logs.s3.eu-west-1.amazonaws.com\n") == {"RES-017"}  # a bucket named in full is judged
    assert rules("x ${B}x.s3.eu-west-1.amazonaws.com\n") == {"RES-017"}
    assert rules("x oss-{{ACS::RegionId}}-internal.aliyuncs.com\n", "CN", "alicloud") == {"RES-015"}


def _buildspec_rules(buildspec: dict[str, object], code: str = "EU") -> set[str]:
    import json

    props = {"source": {"type": "NO_SOURCE", "buildspec": json.dumps(buildspec)}}
    subject = Subject("aws:codebuild/project:Project", "b", props, provider(code, "aws"))
    return {f.rule.id for f in ENGINES[code].check(subject)[0]}


@pytest.mark.parametrize("code", ["CN", "EU"])
def test_a_buildspec_s_phases_are_one_shell(code: str) -> None:
    # scripts51 (joined_scripts): buildspec 0.2 runs every phase's commands in one shell, in order, finally after
    # commands, env.variables set for all: a value set in an earlier phase or in env.variables reaches a later one.
    own = str(provider(code, "aws").region)
    use = "aws logs put-retention-policy --log-group-name /b --retention-in-days 7 --region $R"

    def spec(
        variables: dict[str, str], install: list[str], build: list[str], last: list[str] | None = None
    ) -> dict[str, object]:
        ended = {"finally": last} if last else {}
        phases: dict[str, object] = {"install": {"commands": install}, "build": {"commands": build, **ended}}
        return {"version": "0.2", "env": {"variables": variables}, "phases": phases}

    assert _buildspec_rules(spec({}, ["R=us-west-2"], [use]), code) == {"RES-009"}
    assert _buildspec_rules(spec({}, [f"R={own}"], [use]), code) == set()
    assert _buildspec_rules(spec({"R": "us-west-2"}, ["echo start"], [use]), code) == {"RES-009"}
    assert _buildspec_rules(spec({"R": own}, ["echo start"], [use]), code) == set()
    assert _buildspec_rules(spec({}, ["R=$AWS_REGION"], [use]), code) == set()
    post = "curl -sf -X POST https://$TARGET/r --data-binary @r.json"
    assert _buildspec_rules(spec({"TARGET": "intake.partner.example.com"}, ["echo x"], [post]), code) == {"RES-015"}
    assert _buildspec_rules(spec({"TARGET": "10.0.3.9:8443"}, ["echo x"], [post]), code) == set()
    assert _buildspec_rules(spec({}, ["echo x"], ["echo y"], [use.replace("$R", "us-west-2")]), code) == {"RES-009"}
    assert _buildspec_rules(spec({}, ["echo x"], ["echo y"], [use.replace("$R", own)]), code) == set()
    assert _buildspec_rules(spec({}, [use], ["R=us-west-2"]), code) == set()  # set after its use: not reaching it


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("echo '0 3 * * * root psql -h db.example.com -f x.sql' > /etc/cron.d/x", [("psql", "db.example.com")]),
        ("echo '*/5 1-3 * jan,feb mon-fri psql -h db.example.com' >> /etc/crontab", [("psql", "db.example.com")]),
        ("echo '@reboot sudo psql -h db.example.com' > /etc/cron.d/x", [("psql", "db.example.com")]),
        ("(crontab -l; echo '0 3 * * * psql -h db.example.com') | crontab -", [("psql", "db.example.com")]),
        ("cat > /etc/cron.d/x <<EOF\n15 2 * * * fleet psql -h db.example.com\nEOF", [("psql", "db.example.com")]),
        ("echo '0 3 * * * root psql -h db.example.com'", []),  # a message on the console
        ("echo 'ls 2 3 4 5 psql -h db.example.com' > /tmp/x", []),  # a minute starts with a digit or `*`, no name
    ],
)
def test_a_crontab_line_s_command_is_read_after_its_schedule(line: str, expected: list[tuple[str, str]]) -> None:
    # scripts51: crontab(5): five time and date fields (a system crontab's user after them) or @reboot / @daily ...,
    # then the command; crontab(1): `crontab -` installs its standard input.
    assert hosts(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("psql -U $(whoami) -h db.example.com -c 'select 1'", [("psql", "db.example.com")]),
        ("psql --username=$(whoami) -h db.example.com", [("psql", "db.example.com")]),
        ("psql -U $( (cd /srv && cat user) ) -h db.example.com", [("psql", "db.example.com")]),
        # scripts52: the substitution as written, for the one evaluator (a file the script did not write: RES-015)
        ("psql -U $(id -un) -h $(cat /etc/fleet/dbhost)", [("psql", "$(cat /etc/fleet/dbhost)")]),
        ("echo $(psql -h db.example.com -tAc 'select 1')", [("psql", "db.example.com")]),
        ("psql -U $(whoami", []),  # a substitution not closed on its line: its words are no psql command's
    ],
)
def test_a_command_goes_on_after_a_command_substitution(line: str, expected: list[tuple[str, str]]) -> None:
    # bash(1) "Command Substitution": `$(command)` is replaced by the command's output inside the word it is part of;
    # the words after its `)` still belong to the command around it. The lead (stop 51, alired51 and mutation51's
    # report): `-h` after `-U $(whoami)` was read as a new command's name, and the partner host passed every door.
    assert hosts(line) == expected


@pytest.mark.parametrize("cloud", ["aws", "alicloud"])
def test_a_destination_after_a_command_substitution_is_judged(cloud: Cloud) -> None:
    code = "EU" if cloud == "aws" else "CN"
    own = sorted(CATALOGUE.jurisdictions[code].regions(cloud))[0]
    if cloud == "aws":
        line = "aws ec2 copy-image --source-image-id $(cat /etc/fleet/ami) --source-region {} --name x --region {}"
        assert {f[0] for f in findings(line.format(own, "us-east-1"), code, cloud)} == {"RES-009"}
        assert findings(line.format(own, own), code, cloud) == []
    else:
        line = "aliyun ecs CopyImage --ImageId $(cat /etc/fleet/image) --RegionId {} --DestinationRegionId {}"
        assert {f[0] for f in findings(line.format(own, "cn-hongkong"), code, cloud)} == {"RES-009"}
        assert findings(line.format(own, own), code, cloud) == []
    psql = "psql -U $(whoami) -h {} -c 'select 1'"
    assert {f[0] for f in findings(psql.format("db.partner-analytics.com"), code, cloud)} == {"RES-015"}
    assert findings(psql.format("10.0.3.9"), code, cloud) == []


# scripts52: a command substitution's value where a command takes a destination, computed by the one evaluator
# (scripts.substitution_values); one it cannot compute fails closed there, the machine's own name / metadata pass.
_PARTNER = "db.partner-analytics.com"


@pytest.mark.parametrize(
    ("script", "code", "cloud", "expected"),
    [
        ("aws s3 ls --region $(echo eu-west-1 | sed s/eu-west-1/us-east-1/)", "EU", "aws", {"RES-009"}),
        ("aws s3 ls --region $(echo eu-west-1)", "EU", "aws", set()),
        ('aws s3 ls --region "$(printf %s us-east-1)"', "EU", "aws", {"RES-009"}),
        ('aws s3 ls --region "$(printf %s eu-west-1)"', "EU", "aws", set()),
        ("aws s3 ls --region `echo us-east-1`", "EU", "aws", {"RES-009"}),
        ("aws s3 ls --region $(aws configure get region --profile x)", "EU", "aws", {"RES-011"}),
        ("aws s3 ls --region $(curl -s http://169.254.169.254/latest/meta-data/placement/region)", "EU", "aws", set()),
        (
            "aws s3 ls --region $(curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone"
            " | sed 's/[a-z]$//')",
            "EU",
            "aws",
            set(),
        ),
        (f"psql -h $(echo {_PARTNER.upper()} | tr A-Z a-z) -c 'select 1'", "EU", "aws", {"RES-015"}),
        ("psql -h $(echo 10.0.3.9) -c 'select 1'", "EU", "aws", set()),
        ("psql -h $(cat /etc/fleet/dbhost) -c 'select 1'", "CN", "alicloud", {"RES-015"}),
        ("psql -U $(whoami) -h $(hostname -f) -c 'select 1'", "CN", "alicloud", set()),
        ("psql -h $(curl -s http://100.100.100.200/latest/meta-data/private-ipv4) -c x", "CN", "alicloud", set()),
        ("aliyun ecs DescribeInstances --RegionId $(echo cn-hongkong)", "CN", "alicloud", {"RES-009"}),
        ("aliyun ecs DescribeInstances --RegionId $(echo cn-hangzhou)", "CN", "alicloud", set()),
        (f'HOST=$(echo {_PARTNER})\npsql -h "$HOST" -c x', "CN", "alicloud", {"RES-015"}),
        ('HOST=$(echo 10.0.3.9)\npsql -h "$HOST" -c x', "CN", "alicloud", set()),
    ],
)
def test_a_substitution_value_at_a_destination_is_judged(
    script: str, code: str, cloud: Cloud, expected: set[str]
) -> None:
    assert {f[0] for f in findings(script, code, cloud)} == expected


@pytest.mark.parametrize("read", ["X=$(cat /etc/fleet/t)", "X=$(< /etc/fleet/t)", "read X < /etc/fleet/t",
                                  "read -r X </etc/fleet/t"])  # fmt: skip
@pytest.mark.parametrize(("host", "expected"), [(_PARTNER, {"RES-015"}), ("10.0.3.9", set())])
def test_a_value_written_into_a_file_and_read_back_is_judged(read: str, host: str, expected: set[str]) -> None:
    # bash(1) "Command Substitution": `$(cat file)` is the file's content, `$(< file)` the same; "read": one line of
    # standard input. The file the script wrote holds the value.
    script = f"echo {host} > /etc/fleet/t\n{read}\npsql -h \"$X\" -c 'select 1'\n"
    assert {f[0] for f in findings(script, "EU", "aws")} == expected
    url = f"echo {host} > /etc/fleet/t\ncurl -sf https://$(cat /etc/fleet/t)/intake\n"
    assert {f[0] for f in findings(url, "EU", "aws")} == expected


def test_a_file_another_item_of_a_script_list_writes_is_read_back() -> None:
    # cloud-init runcmd: the items run in order in one boot; the file an earlier item writes is the later one's value.
    for host, expected in ((_PARTNER, {"RES-015"}), ("10.0.3.9", set())):
        document = f"#cloud-config\nruncmd:\n  - echo {host} > /etc/fleet/t\n  - psql -h $(cat /etc/fleet/t) -c x\n"
        assert {f[0] for f in findings(document, "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("R=$(echo '{\"r\": \"eu-west-1\"}' | jq -r '.r | sub(\"eu-west-1\"; \"us-east-1\")')\n"
         "aws s3 ls --region $R", {"RES-009"}),
        ("R=$(echo eu-west-1 | jq -Rr 'gsub(\"1\"; \"2\")')\naws s3 ls --region $R", {"RES-009"}),
        ("R=$(echo '{\"r\": \"eu-west-1\"}' | jq -r '.r | sub(\"x\"; \"y\")')\naws s3 ls --region $R", set()),
        ("eval \"$(printf 'aws s3 ls --region %s' us-east-1)\"", {"RES-009"}),
        ("eval \"$(printf 'aws s3 ls --region %s' eu-west-1)\"", set()),
        (f"echo '0 3 * * * root /bin/bash%psql -h {_PARTNER} -c x' > /etc/cron.d/x", {"RES-015"}),
        ("echo '0 3 * * * root /bin/bash%psql -h 10.0.3.9 -c x' > /etc/cron.d/x", set()),
        ("echo '0 3 * * * root date +\\%F%aws s3 ls --region us-east-1' > /etc/cron.d/x", {"RES-009"}),
    ],
)  # fmt: skip
def test_jq_sub_eval_printf_and_a_crontab_percent_are_read(script: str, expected: set[str]) -> None:
    # jq manual "sub(regex; tostring)"; bash(1) eval / printf ("The format is reused as necessary"); crontab(5): "all
    # data after the first % will be sent to the command as standard input" (a shell runs it).
    assert {f[0] for f in findings(script, "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("psql -h `cat /etc/fleet/dbhost` -c x", [("psql", "$(cat /etc/fleet/dbhost)")]),
        ("psql -h '`x`' -c y", [("psql", "`x`")]),  # single quotes: no substitution
        ('aws s3 ls --region "$(printf %s us-east-1)"', [("aws", "$(printf %s us-east-1)")]),
        ("eval \"$(printf 'psql -h %s' db.example.com)\"", [("psql", "db.example.com")]),
    ],
)
def test_a_substitution_stays_whole_in_its_word(line: str, expected: list[tuple[str, str]]) -> None:
    # bash(1) "Command Substitution": "$(command) or `command`"; the word holds it as written, for the evaluator.
    assert hosts(line) == expected


# config53 (stop 53): configuration files user data writes, read by each tool's documented grammar. On main 45eea1d
# every offending script here passed (a `.conf` line without `=` was not read, `mailhub` / main.cf were no host key or
# listed file, s3cmd's `US` / `EU` no Region shape, `--log-opt`'s address keys not read, the directive after an nginx
# block's brace on the same line not read); each compliant twin passed there too.
_CONF_PARTNER = "db.partner-analytics.com"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # redis.conf `replicaof <masterip> <masterport>` (and `slaveof`); `replicaof no one` is no replication
        (f"cat > /etc/redis/redis.conf <<'EOF'\nbind 0.0.0.0\nreplicaof {_CONF_PARTNER} 6379\nEOF", {"RES-015"}),
        (f"cat > /etc/redis.conf <<'EOF'\nSLAVEOF {_CONF_PARTNER} 6379\nEOF", {"RES-015"}),
        ("cat > /etc/redis/redis.conf <<'EOF'\nbind 0.0.0.0\nreplicaof 10.0.3.9 6379\nEOF", set()),
        ("cat > /etc/redis/redis.conf <<'EOF'\nreplicaof no one\nEOF", set()),
        # ssh_config(5): HostName, whitespace or `=`; %h is the name ssh was given (judged where it is given)
        (f"cat > /root/.ssh/config <<'EOF'\nHost backup\n  HostName {_CONF_PARTNER}\nEOF", {"RES-015"}),
        (f"cat > /etc/ssh/ssh_config.d/50-fleet.conf <<'EOF'\nHost backup\n  hostname={_CONF_PARTNER}\nEOF",
         {"RES-015"}),
        ("cat > /root/.ssh/config <<'EOF'\nHost *.fleet\n  HostName %h.fleet.internal\n"
         "Host db\n  HostName 10.0.3.9\nEOF", set()),
        # ProxyJump [user@]host[:port]: the jump host; `none`; a name the file's own `Host` gives is that entry
        (f"cat > /root/.ssh/config <<'EOF'\nHost db\n  HostName 10.0.3.9\n  ProxyJump ops@{_CONF_PARTNER}:22\nEOF",
         {"RES-015"}),
        (f"cat > /root/.ssh/config <<'EOF'\nHost bastion\n  HostName {_CONF_PARTNER}\n"
         "Host db\n  ProxyJump bastion\nEOF", {"RES-015"}),  # the alias's own HostName is judged
        ("cat > /root/.ssh/config <<'EOF'\nHost bastion jump\n  HostName 10.0.1.5\nHost db\n  HostName 10.0.3.9\n"
         "  ProxyJump ops@jump:22\nEOF", set()),
        ("cat > /root/.ssh/config <<'EOF'\nHost db\n  HostName 10.0.3.9\n  ProxyJump none\nEOF", set()),
        # sshd's configuration names its own listen address: not a client file
        (f"cat > /etc/ssh/sshd_config <<'EOF'\nListenAddress 0.0.0.0\nHostName {_CONF_PARTNER}\nEOF", set()),
        # msmtp `host`, ssmtp `mailhub=`, Postfix `relayhost = [host]:port`
        (f"cat > /etc/msmtprc <<'EOF'\naccount default\nhost {_CONF_PARTNER}\nport 587\nEOF", {"RES-015"}),
        (f"cat > /etc/ssmtp/ssmtp.conf <<'EOF'\nmailhub={_CONF_PARTNER}:587\nEOF", {"RES-015"}),
        (f"cat >> /etc/postfix/main.cf <<'EOF'\nrelayhost = [{_CONF_PARTNER}]:587\nEOF", {"RES-015"}),
        ("cat >> /etc/postfix/main.cf <<'EOF'\nrelayhost = [email-smtp.eu-west-1.amazonaws.com]:587\nEOF", set()),
        ("cat >> /etc/postfix/main.cf <<'EOF'\nrelayhost = [email-smtp.us-east-1.amazonaws.com]:587\nEOF",
         {"RES-006"}),
        # s3cmd's legacy bucket_location: US is us-east-1, EU eu-west-1
        ("cat > /root/.s3cfg <<'EOF'\n[default]\nbucket_location = US\nEOF", {"RES-009"}),
        ("cat > /root/.s3cfg <<'EOF'\n[default]\nbucket_location = EU\nEOF", set()),
        # docker --log-opt: the drivers' address keys, a host without a scheme
        (f"docker run -d --log-driver fluentd --log-opt fluentd-address={_CONF_PARTNER}:24224 nginx", {"RES-015"}),
        (f"docker run -d --log-driver gelf --log-opt gelf-address={_CONF_PARTNER}:12201 nginx", {"RES-015"}),
        ("docker run -d --log-driver fluentd --log-opt fluentd-address=localhost:24224 nginx", set()),
        ("docker run -d --log-driver syslog --log-opt syslog-address=unixgram:///dev/log nginx", set()),
        ("docker run -d --log-driver fluentd --log-opt fluentd-address=unix:///var/run/fluent.sock nginx", set()),
        # daemon.json's log-opts: gelf-address / syslog-address are host keys
        (f'cat > /etc/docker/daemon.json <<\'EOF\'\n{{"log-opts": {{"gelf-address": "{_CONF_PARTNER}:12201"}}}}\nEOF',
         {"RES-015"}),
        ('cat > /etc/docker/daemon.json <<\'EOF\'\n{"log-opts": {"syslog-address": "unix:///dev/log"}}\nEOF', set()),
        # nginx: the directive after a block's brace on its line
        (f"cat > /etc/nginx/conf.d/a.conf <<'EOF'\nlocation ~ \\.php$ {{ fastcgi_pass {_CONF_PARTNER}:9000; }}\nEOF",
         {"RES-015"}),
        (f"cat > /etc/nginx/conf.d/a.conf <<'EOF'\nupstream api {{server {_CONF_PARTNER}:443;}}\nEOF", {"RES-015"}),
        (f"cat > /etc/nginx/conf.d/a.conf <<'EOF'\nserver {{ proxy_pass {_CONF_PARTNER}:5432; }}\nEOF", {"RES-015"}),
        ("cat > /etc/nginx/conf.d/a.conf <<'EOF'\nlocation ~ \\.php$ { fastcgi_pass 127.0.0.1:9000; }\n"
         "upstream php {server unix:/run/php-fpm/www.sock;}\nEOF", set()),
    ],
)  # fmt: skip
def test_config53_config_file_grammars_are_read(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("location ~ \\.php$ { fastcgi_pass fpm.example.com:9000; }", [("fastcgi_pass", "fpm.example.com:9000")]),
        ("location = /x { grpc_pass g.example.com:50051; }", [("grpc_pass", "g.example.com:50051")]),
        ("location /api{ uwsgi_pass u.example.com:3031; }", [("uwsgi_pass", "u.example.com:3031")]),
        ("upstream api {server a.example.com:443;}", [("server", "a.example.com:443")]),
        ("server { listen 80; }", []),
        ("server ntp.example.com iburst", [("server", "ntp.example.com")]),  # chrony's command, no brace
        ("location ${PREFIX} fastcgi_pass x.example.com:9000", []),  # a shell's ${ is no brace
        ("docker run --log-opt fluentd-address=f.example.com:24224 nginx", [("docker run", "f.example.com:24224")]),
        ("docker run --log-opt splunk-url=https://s.example.com:8088 nginx", []),  # a URL: the reference scan's
        ("docker run --log-opt tag=fleet --log-opt fluentd-async=true nginx", []),
    ],
)
def test_config53_block_directives_and_log_opt_addresses(line: str, expected: list[tuple[str, str]]) -> None:
    # nginx "Configuration File's Structure": a block directive's instructions follow its `{`; docker's log drivers'
    # address options (fluentd, gelf, syslog, splunk pages).
    assert hosts(line) == expected


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["HostName", "hostname", "HOSTNAME", "Hostname"]),
    st.sampled_from([" ", "\t", "=", " = ", "  "]),
    st.sampled_from(["", "  ", "\t"]),
)
def test_config53_ssh_config_hostname_in_any_spelling(keyword: str, separator: str, indent: str) -> None:
    # ssh_config(5): keywords are case-insensitive; "options may be separated by whitespace or optional whitespace
    # and exactly one '='".
    def script(host: str) -> str:
        return f"#!/bin/bash\ncat > /root/.ssh/config <<'EOF'\nHost b\n{indent}{keyword}{separator}{host}\nEOF\n"

    assert {f[0] for f in findings(script(_CONF_PARTNER), "EU", "aws")} == {"RES-015"}
    assert findings(script("10.0.3.9"), "EU", "aws") == []


# config54 (stop 54): more tools' configuration files user data writes, read by each tool's documented grammar. On main
# 51ca59f every offending script here passed (sentinel.conf, rsyslog, syslog-ng, stunnel had no reader or host key;
# HAProxy's `server-template` no host key; a file read with `ssh -F` no listed path; `ProxyCommand` not read), and the
# machine's own names (`host.docker.internal`, `curl --unix-socket`, an `ssh -F` file's alias) were RES-015.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # Redis Sentinel: `sentinel monitor <master-name> <ip> <redis-port> <quorum>`, the address after the name
        (f"cat > /etc/redis/sentinel.conf <<'EOF'\nsentinel monitor fleet {_CONF_PARTNER} 6379 2\nEOF", {"RES-015"}),
        (f"cat > /etc/redis-sentinel.conf <<'EOF'\nSENTINEL known-replica fleet {_CONF_PARTNER} 6379\nEOF",
         {"RES-015"}),
        ("cat > /etc/redis/sentinel.conf <<'EOF'\nsentinel monitor fleet 10.0.3.9 6379 2\n"
         "sentinel down-after-milliseconds fleet 5000\nsentinel announce-ip 203.0.113.9\nEOF", set()),
        ("cat > /etc/redis/sentinel.conf <<'EOF'\nsentinel monitor\nEOF", set()),  # no address: nothing to read
        # rsyslog: a legacy `@` (UDP) / `@@` (TCP) action, `action(type="omfwd" target=...)` on one line or several,
        # a target pool; a file, a comment, a module's load and an input's listen port name no host
        (f"cat > /etc/rsyslog.d/50.conf <<'EOF'\n*.* @@{_CONF_PARTNER}:514\nEOF", {"RES-015"}),
        (f"cat > /etc/rsyslog.d/50.conf <<'EOF'\nmail.* @(o){_CONF_PARTNER};RSYSLOG_ForwardFormat\nEOF", {"RES-015"}),
        (f"cat > /etc/rsyslog.conf <<'EOF'\n*.* action(type=\"omfwd\"\n  Target=\"{_CONF_PARTNER}\" port=\"514\")\nEOF",
         {"RES-015"}),
        (f"cat > /etc/rsyslog.conf <<'EOF'\n*.* action(type=\"omfwd\" target=[\"10.0.3.20\", \"{_CONF_PARTNER}\"])\n"
         "EOF", {"RES-015"}),
        (f"cat > /etc/rsyslog.conf <<'EOF'\n*.* action(type=\"omrelp\" target=\"{_CONF_PARTNER}\" port=\"2514\")\nEOF",
         {"RES-015"}),
        ("cat > /etc/rsyslog.d/50.conf <<'EOF'\nmodule(load=\"imtcp\")\ninput(type=\"imtcp\" port=\"514\")\n"
         "*.* action(type=\"omfwd\" target=[\"10.0.3.20\", \"10.0.3.21\"] protocol=\"tcp\")\n"
         "auth.* @10.0.3.20:514\n*.info /var/log/messages\n"
         f"# *.* @@{_CONF_PARTNER}:514\nEOF", set()),
        # syslog-ng: a destination block's network / tcp / udp / syslog driver's first argument
        (f"cat > /etc/syslog-ng/conf.d/f.conf <<'EOF'\ndestination d {{ network(\"{_CONF_PARTNER}\" port(514)); }};\n"
         "EOF", {"RES-015"}),
        (f"cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\ndestination d {{\n  syslog({_CONF_PARTNER} transport(tls));\n"
         "};\nEOF", {"RES-015"}),
        ("cat > /etc/syslog-ng/conf.d/f.conf <<'EOF'\nsource s { network(ip(0.0.0.0) port(514)); };\n"
         "destination d { file(\"/var/log/all\"); tcp(\"10.0.3.20\" port(601)); };\nEOF", set()),
        # stunnel `connect = [host:]port` (no host: localhost); HAProxy `server NAME ADDR`, `server-template P N FQDN`
        (f"cat > /etc/stunnel/stunnel.conf <<'EOF'\n[redis]\nclient = yes\nconnect = {_CONF_PARTNER}:6380\nEOF",
         {"RES-015"}),
        ("cat > /etc/stunnel/stunnel.conf <<'EOF'\n[redis]\naccept = 0.0.0.0:6380\nconnect = 6379\nEOF", set()),
        (f"cat > /etc/haproxy/haproxy.cfg <<'EOF'\nbackend b\n  server-template s 3 {_CONF_PARTNER}:5432 check\nEOF",
         {"RES-015"}),
        (f"cat > /etc/haproxy/haproxy.cfg <<'EOF'\nbackend b\n  server s1 ipv4@{_CONF_PARTNER}:5432 check\nEOF",
         {"RES-015"}),
        ("cat > /etc/haproxy/haproxy.cfg <<'EOF'\nglobal\n  log 127.0.0.1 local0\nbackend b\n"
         "  server s1 10.0.3.9:5432 check\n  server s2 unix@/run/pg.sock\nEOF", set()),
        # ssh: a file `ssh -F` reads is an ssh client configuration; ProxyCommand's command line is read as a script's
        (f"cat > /opt/b/ssh.conf <<'EOF'\nHost backup\n  HostName {_CONF_PARTNER}\nEOF\n"
         "ssh -F /opt/b/ssh.conf backup true", {"RES-015"}),
        (f"cat > /opt/b/ssh.conf <<'EOF'\nHost backup\n  HostName {_CONF_PARTNER}\nEOF\n"
         "rsync -e 'ssh -F /opt/b/ssh.conf' -a /srv/ backup:/srv/", {"RES-015"}),
        ("cat > /opt/b/ssh.conf <<'EOF'\nHost backup.fleet\n  HostName 10.0.3.9\nEOF\n"
         "ssh -F /opt/b/ssh.conf ops@backup.fleet true", set()),
        (f"cat > /root/.ssh/config <<'EOF'\nHost db\n  HostName 10.0.3.9\n"
         f"  ProxyCommand ssh -W %h:%p ops@{_CONF_PARTNER}\nEOF", {"RES-015"}),
        ("cat > /root/.ssh/config <<'EOF'\nHost db\n  HostName 10.0.3.9\n  ProxyCommand ssh -W %h:%p ops@10.0.1.5\nEOF",
         set()),
        # log shippers: Filebeat's outputs' `hosts`, a Vector sink's `address` (a source's `address` listens)
        (f"cat > /etc/filebeat/filebeat.yml <<'EOF'\noutput.logstash:\n  hosts: [\"{_CONF_PARTNER}:5044\"]\nEOF",
         {"RES-015"}),
        ("cat > /etc/filebeat/filebeat.yml <<'EOF'\nfilebeat.inputs:\n- type: tcp\n  host: 0.0.0.0:9000\n"
         "output.elasticsearch:\n  hosts: [\"10.0.3.20:9200\", \"10.0.3.21:9200\"]\nEOF", set()),
        (f"cat > /etc/vector/vector.toml <<'EOF'\n[sinks.out]\ntype = \"socket\"\naddress = \"{_CONF_PARTNER}:514\"\n"
         "EOF", {"RES-015"}),
        (f"cat > /etc/vector/vector.yaml <<'EOF'\nsinks:\n  out:\n    type: vector\n    address: {_CONF_PARTNER}:6000\n"
         "EOF", {"RES-015"}),
        ("cat > /etc/vector/vector.yaml <<'EOF'\nsources:\n  in:\n    type: socket\n    address: 0.0.0.0:9000\n"
         "sinks:\n  out:\n    type: vector\n    address: 10.0.3.20:6000\nEOF", set()),
        # the machine itself: a container's names for its host, and curl through a local socket
        ("podman run -d -e DB_URL=postgres://app@host.containers.internal:5432/app "
         "-e M=http://host.docker.internal:9100/m app:1", set()),  # Podman's own names for the machine
        ("podman run -d --add-host host.containers.internal:203.0.113.10 "
         "-e M=http://host.containers.internal:9100/m app:1", {"RES-015"}),  # mapped elsewhere
        ("podman run -d --no-hosts -e M=http://host.containers.internal:9100/m app:1", {"RES-015"}),
        ("docker run -d -e M=http://host.containers.internal:9100/m app:1", {"RES-015"}),  # Docker adds no such name
        ("curl -s --unix-socket /var/run/docker.sock http://docker/v1.43/containers/json | jq length", set()),
        ("curl --abstract-unix-socket fleet http://fleet/status", set()),
        (f"curl --unix-socket /run/a.sock http://docker/x; curl http://{_CONF_PARTNER}/x", {"RES-015"}),
        (f"curl http://{_CONF_PARTNER}/x\necho --unix-socket", {"RES-015"}),  # not a curl given the option
    ],
)  # fmt: skip
def test_config54_config_file_grammars_are_read(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


def test_config54_a_cloud_configs_ssh_aliases_are_its_own() -> None:
    # ssh_config(5) HostName: a cloud-config's write_files ssh configuration names its Host aliases' real hosts for
    # its runcmd's ssh clients, as a script's here-document does (was RES-015 at runcmd).
    config = (
        "#cloud-config\nwrite_files:\n  - path: /root/.ssh/config\n    content: |\n      Host backup.fleet\n"
        "        HostName {host}\nruncmd:\n  - ssh ops@backup.fleet true\n  - rsync -a /srv/ ops@backup.fleet:/srv/\n"
    )
    assert findings(config.format(host="10.0.3.9"), "EU", "aws") == []
    assert {f[0] for f in findings(config.format(host=_CONF_PARTNER), "EU", "aws")} == {"RES-015"}


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["*.*", "auth,authpriv.*", "*.info;mail.none", "kern.warn"]),
    st.sampled_from(["@", "@@", "@@(o)", "@(z9)"]),
    st.sampled_from(["", ":514", ":10514"]),
    st.sampled_from(["", ";RSYSLOG_SyslogProtocol23Format"]),
    st.sampled_from([" ", "\t", "   "]),
)
def test_config54_rsyslog_legacy_forwarding_in_any_spelling(
    selector: str, action: str, port: str, template: str, blank: str
) -> None:
    # rsyslog's legacy forwarding action: a selector, blanks, `@` (UDP) or `@@` (TCP), options in parentheses, the
    # host, an optional port and template.
    def script(host: str) -> str:
        line = f"{selector}{blank}{action}{host}{port}{template}"
        return f"#!/bin/bash\ncat > /etc/rsyslog.d/9.conf <<'EOF'\n{line}\nEOF\n"

    assert {f[0] for f in findings(script(_CONF_PARTNER), "EU", "aws")} == {"RES-015"}
    assert findings(script("10.0.3.20"), "EU", "aws") == []


# jqone53 (stop 53): a script's jq is read by the one jq reader (components/residency/jq.py), as a template's Fn::Jq:
# a program writing a host after the machine's own name no longer passes as the machine's name (it did: a program
# outside the old path / sub shape had no texts, so it "only selected"); the own name through a path still passes.
@pytest.mark.parametrize(
    ("script", "refused"),
    [
        ('H=$(hostname -f | jq -R \'"db.partner.example"\')\npsql -h "$H" -U app\n', True),
        ('H=$(hostname -f | jq -R \'. // "db.partner.example"\')\npsql -h "$H" -U app\n', True),
        ('psql -h "$(hostname -f | jq -R .)" -U app\n', False),
        (
            'T=\'{"t":[{"r":"b","region":"eu-central-1"}]}\'\n'
            'aws s3 ls --region $(echo "$T" | jq -r \'.t[] | select(.r == "b") | .region\')\n',
            False,
        ),
        (
            'T=\'{"t":[{"r":"b","region":"us-east-1"}]}\'\n'
            'aws s3 ls --region $(echo "$T" | jq -r \'.t[] | select(.r == "b") | .region\')\n',
            True,
        ),
    ],
)
def test_a_scripts_jq_is_the_one_jq_reading(script: str, refused: bool) -> None:
    found = findings(script, "EU", "aws")
    assert bool(found) is refused, found


# fnros54 (stop 54): jq's `a + b` and an array built `[f]` are read by the one jq reader, in a script's jq too: the host
# or Region they build is judged. On main 51ca59f the program was outside the subset: each line was refused as a value
# no one reads, the compliant ones too (false alarms).
@pytest.mark.parametrize(
    ("script", "refused"),
    [
        ('R=$(echo \'{"r":"eu-central-1"}\' | jq -r \'"sqs." + .r + ".amazonaws.com"\')\ncurl "https://$R/"\n', False),
        ('R=$(echo \'{"r":"us-east-1"}\' | jq -r \'"sqs." + .r + ".amazonaws.com"\')\ncurl "https://$R/"\n', True),
        ('aws s3 ls --region $(echo \'{"t":[{"r":"us-east-1"},{"r":"eu-west-1"}]}\' | jq -r \'[.t[].r][1]\')\n', False),
        ('aws s3 ls --region $(echo \'{"t":[{"r":"eu-west-1"},{"r":"us-east-1"}]}\' | jq -r \'[.t[].r][1]\')\n', True),
    ],
)  # fmt: skip
def test_a_scripts_jq_sum_and_array_are_read(script: str, refused: bool) -> None:
    found = findings(script, "EU", "aws")
    assert bool(found) is refused, found


# fnros54b (stop 54): the rest of jq in a script (objects, `if`, slices, `ltrimstr` / `split`, a step's `?`): the host
# or Region the program computes is judged. On main 0bf4fb91 the compliant lines were refused (RES-011 / RES-015: the
# program was outside the subset) and the `?` line abroad passed (mutation54's `?` stopped at "retired", hiding the
# Region after it).
_FNROS54B_LOOP = "for r in $R; do aws s3 ls --region $r; done"
_FNROS54B_REGION = 'aws s3 ls --region "$R"'
_FNROS54B_HOST = 'curl "https://$R/"'


@pytest.mark.parametrize(
    ("document", "program", "use", "expected"),
    [
        ('{"t":[{"r":"eu-central-1"},"retired",{"r":"eu-west-1"}]}', ".t[].r?", _FNROS54B_LOOP, set()),
        ('{"t":[{"r":"eu-central-1"},"retired",{"r":"us-east-1"}]}', ".t[].r?", _FNROS54B_LOOP, {"RES-009"}),
        ('{"d":{"on":true,"r":"eu-west-1"}}', 'if .d.on then .d.r else "x" end', _FNROS54B_REGION, set()),
        ('{"d":{"on":true,"r":"us-east-1"}}', 'if .d.on then .d.r else "x" end', _FNROS54B_REGION, {"RES-009"}),
        ('{"rs":["eu-west-1","eu-central-1"]}', ".rs[1:] | first", _FNROS54B_REGION, set()),
        ('{"rs":["eu-west-1","us-east-1"]}', ".rs[1:] | first", _FNROS54B_REGION, {"RES-009"}),
        ('{"u":"https://sqs.eu-west-1.amazonaws.com/1/q"}', '.u | ltrimstr("https://") | split("/")[0]',
         _FNROS54B_HOST, set()),
        ('{"u":"https://sqs.us-east-1.amazonaws.com/1/q"}', '.u | ltrimstr("https://") | split("/")[0]',
         _FNROS54B_HOST, {"RES-006"}),
        ('{"r":"eu-west-1"}', '{h: "sqs.\\(.r).amazonaws.com"} | .h', _FNROS54B_HOST, set()),
        ('{"r":"us-east-1"}', '{h: "sqs.\\(.r).amazonaws.com"} | .h', _FNROS54B_HOST, {"RES-006"}),
    ],
)  # fmt: skip
def test_fnros54b_the_rest_of_jq_in_a_script_is_read(document: str, program: str, use: str, expected: set[str]) -> None:
    script = f"R=$(echo '{document}' | jq -r '{program}')\n{use}\n"
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected


# fnros55 (stop 55): jq's `reduce`, `test`, `def`, arithmetic and `@base64d` in a script are read (the one reader), and
# three leaks at a Region argument are closed. On main a7fee677: `R=$(... | jq -r 'reduce .t[] as $t (...)')` then
# `--region "$R"` gave no finding (the jq program's `$t`, inside single quotes, was taken for a shell variable the
# script never set, so the substitution held "the machine's own" value); `jq -r 'env.R'` gave the program's own text
# `env.R` as a host the substitution writes, which a Region argument leaves alone; `echo "$PLAN" | jq -r 'env.R //
# .r'` over a variable holding a literal read no opaque variable, so its unknown output was the machine's own.
_FNROS55_PLAN = '{"t":[{"n":"archive","r":"eu-west-1"},{"n":"dr-1","r":"%s"}]}'


@pytest.mark.parametrize(
    ("program", "region", "expected"),
    [
        ("reduce .t[] as $t (null; $t.r)", "eu-central-1", set()),
        ("reduce .t[] as $t (null; $t.r)", "us-east-1", {"RES-009"}),
        ('.t[] | select(.n | test("^dr-")) | .r', "eu-central-1", set()),
        ('.t[] | select(.n | test("^dr-")) | .r', "us-east-1", {"RES-009"}),
        ("def dr: .t[-1]; dr | .r", "us-east-1", {"RES-009"}),
        ('[.t[].r] - ["eu-west-1"] | first', "us-east-1", {"RES-009"}),
        (".t[1].r | @base64 | @base64d", "us-east-1", {"RES-009"}),
        ("$ENV.DR_REGION // .t[1].r", "eu-central-1", {"RES-011"}),  # the machine's environment: unknown
        ("env.DR_REGION // .t[1].r", "eu-central-1", {"RES-011"}),
    ],
)
def test_fnros55_jq_functions_in_a_script_are_read(program: str, region: str, expected: set[str]) -> None:
    plan = _FNROS55_PLAN % region
    inline = f"R=$(echo '{plan}' | jq -r '{program}')\naws s3 ls --region \"$R\"\n"
    through = f"PLAN='{plan}'\nR=$(echo \"$PLAN\" | jq -r '{program}')\naws s3 ls --region \"$R\"\n"
    for script in (inline, through):
        assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected, script


def test_fnros55_a_dollar_in_single_quotes_is_no_reference() -> None:
    # bash(1) "Quoting": single quotes keep every character literal; double quotes and escapes keep a quote literal.
    assert without_single_quoted("echo '$t' \"$A\"") == 'echo  "$A"'
    assert without_single_quoted('echo "it\'s $A"') == 'echo "it\'s $A"'
    assert without_single_quoted("echo \\'$B") == "echo \\'$B"
    assert without_single_quoted("no quotes $A") == "no quotes $A"


# fnros55b (stop 55): jq's `--arg NAME VALUE` / `--argjson NAME JSON` give the program's `$NAME` (jq manual,
# "Invoking jq"), and jq's sort_by / getpath / a computed index are read. On main b59e64d8 each was unread: refused at
# home (RES-011), and by that rule abroad. A value from the shell (`--arg r "$DR"`) or a JSON text jq may read
# otherwise is not applied (unknown: RES-011 at a Region argument).
@pytest.mark.parametrize(
    ("options", "program", "region", "expected"),
    [
        ("--arg n dr-1", ".t[] | select(.n == $n) | .r", "eu-central-1", set()),
        ("--arg n dr-1", ".t[] | select(.n == $n) | .r", "us-east-1", {"RES-009"}),
        ("--argjson i 1", ".t[$i].r", "eu-central-1", set()),
        ("--argjson i 1", ".t[$i].r", "us-east-1", {"RES-009"}),
        ("--arg n dr-1 --argjson i 0", ".t[$i].r, (.t[] | select(.n == $n) | .r)", "us-east-1", {"RES-009"}),
        ("", ".t | sort_by(.n) | last | .r", "us-east-1", {"RES-009"}),
        ("", 'getpath(["t", 1, "r"])', "us-east-1", {"RES-009"}),
        ("", ".t[.t | length - 1].r", "us-east-1", {"RES-009"}),
        # fnros56 (stop 56): a variable the script gives one value is that value (RES-011 before: not applied)
        ('--arg n "$DR_NAME"', ".t[] | select(.n == $n) | .r", "eu-central-1", set()),  # DR_NAME=dr-1
        ("--argjson i 1.5", ".t[$i].r", "eu-central-1", {"RES-011"}),
        ("--argjson i", ".t[$i].r", "eu-central-1", {"RES-011"}),
    ],
)
def test_fnros55b_jq_parameters_in_a_script_are_read(
    options: str, program: str, region: str, expected: set[str]
) -> None:
    jq = f"R=$(echo '{_FNROS55_PLAN % region}' | jq -r {options} '{program}')"
    script = f'DR_NAME=dr-1\n{jq}\naws s3 ls --region "$R"\n'
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected, script


# mutation53 (stop 53): a variable's default word (bash(1) "Parameter Expansion": `${parameter:-word}` "If parameter is
# unset or null, the expansion of word is substituted") and a for loop's words ("name is set to each element of this
# list in turn") are values the variable holds; each offending line passed every door on main 45eea1d.
@pytest.mark.parametrize(
    ("script", "code", "cloud", "expected"),
    [
        ('aws ec2 copy-snapshot --source-snapshot-id snap-1 --region "${DR_REGION:-eu-west-2}"', "EU", "aws",
         {"RES-009"}),
        ('aws ec2 copy-snapshot --source-snapshot-id snap-1 --region "${DR_REGION:-eu-central-1}"', "EU", "aws", set()),
        ("aws ec2 copy-snapshot --source-snapshot-id snap-1 --region ${DR_REGION-eu-west-2}", "EU", "aws", {"RES-009"}),
        ("aws ec2 copy-snapshot --source-snapshot-id snap-1 --region ${DR_REGION:=eu-west-2}", "EU", "aws",
         {"RES-009"}),
        ('R="${R:-eu-west-2}"\naws ec2 describe-instances --region "$R"', "EU", "aws", {"RES-009"}),
        ('R="${R:-eu-central-1}"\naws ec2 describe-instances --region "$R"', "EU", "aws", set()),
        ("export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-eu-west-2}\naws ec2 describe-instances", "EU", "aws",
         {"RES-009"}),
        # a literal the script gives the variable is what the expansion uses: the default word is not
        ("R=eu-central-1\naws ec2 describe-instances --region ${R:-eu-west-2}", "EU", "aws", set()),
        ('curl -fsS "https://${INTAKE:-intake.partner-analytics.com}/v1" -d @/x', "EU", "aws", {"RES-015"}),
        ('curl -fsS "https://${INTAKE:-10.20.1.15}/v1" -d @/x', "EU", "aws", set()),
        ("curl -fsS https://sqs.${R:-eu-central-1}.amazonaws.com/123456789012/jobs", "EU", "aws", set()),
        ("curl -fsS https://sqs.${R:-eu-west-2}.amazonaws.com/123456789012/jobs", "EU", "aws", {"RES-006"}),
        ("psql -h ${PGHOST:-db.partner-analytics.com} -c 'select 1'", "EU", "aws", {"RES-015"}),
        ("aliyun rds ModifyInstanceCrossBackupPolicy --CrossBackupRegion ${B:-cn-hongkong}", "CN", "alicloud",
         {"RES-009"}),
        ("aliyun rds ModifyInstanceCrossBackupPolicy --CrossBackupRegion ${B:-cn-beijing}", "CN", "alicloud", set()),
        # for loops: each word, on one line or several, quoted or not; a host and a URL's host too
        ("for r in eu-central-1 eu-west-2; do aws ec2 describe-instances --region $r; done", "EU", "aws", {"RES-009"}),
        ("for r in eu-central-1 eu-west-3; do aws ec2 describe-instances --region $r; done", "EU", "aws", set()),
        ('for r in "eu-central-1" \'eu-west-2\'\ndo\n  aws ec2 describe-instances --region "${r}"\ndone', "EU", "aws",
         {"RES-009"}),
        ("for r in cn-beijing cn-hongkong; do\n  aliyun rds ModifyInstanceCrossBackupPolicy --CrossBackupRegion $r\n"
         "done", "CN", "alicloud", {"RES-009"}),
        ("for h in 10.20.1.15 intake.partner-analytics.com; do\n  curl -fsS https://$h/v1 -d @/x\ndone", "EU", "aws",
         {"RES-015"}),
        ("for h in 10.20.1.15 10.20.1.16; do\n  psql -h $h -c 'select 1'\ndone", "EU", "aws", set()),
        # a whole variable's words, an array's items
        ('TARGETS="eu-central-1 eu-west-2"\nfor t in $TARGETS; do aws ec2 describe-instances --region "$t"; done',
         "EU", "aws", {"RES-009"}),
        ('TARGETS="eu-central-1 eu-west-3"\nfor t in $TARGETS; do aws ec2 describe-instances --region "$t"; done',
         "EU", "aws", set()),
        ('TARGETS=(eu-central-1 "eu-west-2")\nfor t in "${TARGETS[@]}"; do\n  aws ec2 describe-instances --region $t\n'
         "done", "EU", "aws", {"RES-009"}),
        ("declare -a DBS=(10.20.1.15 db.partner-analytics.com)\nfor h in ${DBS[*]}; do psql -h $h -c 'select 1'; done",
         "EU", "aws", {"RES-015"}),
        ("DBS=(10.20.1.15 10.20.1.16)\nfor h in \"${DBS[@]}\"; do psql -h $h -c 'select 1'; done", "EU", "aws", set()),
        # prose and comments are no loop
        ("echo 'waiting for db in eu-west-2'\naws ec2 describe-instances --region eu-central-1", "EU", "aws", set()),
        ("# for r in eu-west-2 one day\naws ec2 describe-instances --region eu-central-1", "EU", "aws", set()),
    ],
)  # fmt: skip
def test_a_default_word_and_a_loops_words_are_values(script: str, code: str, cloud: Cloud, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", code, cloud)} == expected


@settings(max_examples=40, deadline=None)
@given(
    name=st.from_regex(r"[A-Z_][A-Z0-9_]{0,11}", fullmatch=True),
    region=st.sampled_from(["eu-central-1", "eu-west-1", "eu-west-2", "us-east-1", "eu-central-2", "ca-central-1"]),
    form=st.sampled_from([":-", "-", ":=", "="]),
)
def test_a_default_word_is_judged_as_the_region_written(name: str, region: str, form: str) -> None:
    # mutation53: `--region ${NAME<form>region}` in a script setting no NAME is judged as `--region region` is.
    def verdict(value: str) -> set[str]:
        return {f[0] for f in findings(f"#!/bin/bash\naws ec2 describe-instances --region {value}\n", "EU", "aws")}

    assert verdict(f"${{{name}{form}{region}}}") == verdict(region)


# falsealarm53 (stop 53): a file a command's output writes (`COMMAND > FILE`, curl -o / wget -O) holds what the one
# evaluator computes for `$(COMMAND)`, so reading it back (`$(cat FILE)`) is that value; a command it cannot compute
# writes nothing known (fail closed, RES-011 / RES-015 read back). On main 45eea1d the metadata's Region read back from
# a file curl wrote was RES-011 (the file was "not written": only here-documents and echo / printf were read).
_IMDS53 = "http://169.254.169.254/latest/meta-data"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"curl -s {_IMDS53}/placement/region > /etc/r", {"/etc/r": "${HOSTNAME}\n"}),
        (f'curl -s -H "X-aws-ec2-metadata-token: $T" {_IMDS53}/placement/region > /etc/r', {"/etc/r": "${HOSTNAME}\n"}),
        (f"curl -sf -o /etc/r {_IMDS53}/placement/region", {"/etc/r": "${HOSTNAME}\n"}),
        (f"curl -s {_IMDS53}/local-ipv4 --output /etc/ip", {"/etc/ip": "${HOSTNAME}\n"}),
        (f"wget -qO /etc/ip {_IMDS53}/local-ipv4", {"/etc/ip": "${HOSTNAME}\n"}),
        ("hostname -f > /etc/name", {"/etc/name": "${HOSTNAME}\n"}),
        ("echo eu-west-1 | sed s/eu/us/ > /etc/r", {"/etc/r": "us-west-1\n"}),  # the echo reader took the words
        ("aws configure get region > /etc/r", {}),  # not computed: nothing known written
        ("curl -s https://config.example.net/r -o /etc/r", {}),
        (f"curl -sO {_IMDS53}/placement/region", {}),  # curl's -O takes no file (the remote name)
        (f"wget -qO - {_IMDS53}/local-ipv4", {}),  # standard output
        ("echo eu-west-1 > /etc/r", {}),  # echoed_files' (a lone echo)
        # tee(1) copies its input to the file (`-a` appends); `2>/dev/null` discards the error output only
        (f"curl -s {_IMDS53}/placement/region | sudo tee /etc/r > /dev/null", {"/etc/r": "${HOSTNAME}\n"}),
        ("hostname -f | tee /etc/r\nhostname -s | tee -a /etc/r", {"/etc/r": "${HOSTNAME}\n${HOSTNAME}\n"}),
        ("aws configure get region | tee /etc/r", {}),
        (f"curl -s {_IMDS53}/local-ipv4 2>/dev/null > /etc/ip", {"/etc/ip": "${HOSTNAME}\n"}),
    ],
)  # fmt: skip
def test_a_file_a_commands_output_writes(script: str, expected: dict[str, str]) -> None:
    assert dict(command_output_files(script)) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (f"curl -s -o /etc/fleet/r {_IMDS53}/placement/region", set()),
        (f"curl -s {_IMDS53}/placement/region > /etc/fleet/r", set()),
        ("echo us-east-1 | tr -d ' ' > /etc/fleet/r", {"RES-009"}),
        ("aws configure get region > /etc/fleet/r", {"RES-011"}),
        (f"curl -s {_IMDS53}/placement/region | tee /etc/fleet/r", set()),
        ("echo us-east-1 | tee /etc/fleet/r", {"RES-009"}),
    ],
)
def test_a_region_a_command_wrote_into_a_file_is_read_back(written: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\n{written}\naws s3 ls --region $(cat /etc/fleet/r)\n"
    assert {f[0] for f in findings(script, "EU", "aws")} == expected


# scripts53 (stop 53): the shell's word after a command substitution's `)` (bash(1) "Command Substitution": the output
# replaces the substitution inside its word) is one word with it, not a word of its own.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("aws ec2 create-volume --availability-zone $(echo us-west-2)a", [("aws", "$(echo us-west-2)a")]),
        ("psql -h $(hostname -s).db.example.com -c x", [("psql", "$(hostname -s).db.example.com")]),
        ("psql -h db-$(cat /etc/t)-x.example.com -c x", [("psql", "db-$(cat /etc/t)-x.example.com")]),
        ("psql -h $(echo $(cat /etc/t)x).example.com -c y", [("psql", "$(echo $(cat /etc/t)x).example.com")]),
        ("psql -h $(hostname -f) -c x", [("psql", "$(hostname -f)")]),  # a blank after it: the next word
        # scripts53: shlex's `);` is two operators, the substitution closes there and the next command is read
        ("psql -h $(hostname -f);redis-cli -h c.x.com", [("psql", "$(hostname -f)"), ("redis-cli", "c.x.com")]),
        ("X=$(date)&& redis-cli -h c.x.com", [("redis-cli", "c.x.com")]),
        ("psql -h '$(x)a' -c y", [("psql", "$(x)a")]),  # single quotes: no substitution, one word as before
    ],
)  # fmt: skip
def test_text_after_a_substitution_is_one_word_with_it(line: str, expected: list[tuple[str, str]]) -> None:
    assert hosts(line) == expected


# scripts53 (stop 53): a substitution the evaluator cannot compute, assigned to a variable first, fails closed at a
# Region or host argument (RES-011 / RES-015, as written at the argument since stop 52); the machine's own values, a
# variable replaced before its use, and one used at no destination pass; text after it is the value's.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("R=$(aws configure get region)\naws s3 ls --region $R", {"RES-011"}),
        ('R="$(aws configure get region)"\naws s3 ls --region "$R"', {"RES-011"}),
        ("A=$(aws configure get region)\nB=$A\naws s3 ls --region $B", {"RES-011"}),
        ("H=$(aws ssm get-parameter --name /db --output text)\npsql -h $H -c x", {"RES-015"}),
        ("read H < /etc/fleet/dbhost\npsql -h $H -c x", {"RES-015"}),
        ("if [ -f /x ]; then R=$(cat /x); else R=eu-west-1; fi\naws s3 ls --region $R", {"RES-011"}),
        ("AZ=$(aws ec2 describe-availability-zones --output text)\nR=$(echo $AZ | sed 's/.$//')\n"
         "aws s3 ls --region $R", {"RES-011"}),
        ("H=$(echo db).partner.example.com\npsql -h $H -c x", {"RES-015"}),
        ("Z=$(echo us-west-2)a\naws ec2 create-volume --size 1 --availability-zone $Z", {"RES-008"}),
        ("R=$(aws configure get region)\nR=eu-west-1\naws s3 ls --region $R", set()),  # replaced before its use
        ("R=$(aws configure get region)\necho $R > /tmp/r", set()),  # used at no destination
        ("R=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\naws s3 ls --region $R", set()),
        ("AZ=$(curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone)\n"
         "R=$(echo $AZ | sed 's/[a-z]$//')\naws s3 ls --region $R", set()),
        ("H=$(hostname -f)\npsql -h $H -c x", set()),
        ("echo 10.0.3.9 > /etc/fleet/db\nH=$(cat /etc/fleet/db)\npsql -h $H -c x", set()),
        ("Z=$(echo eu-west-1)b\naws ec2 create-volume --size 1 --availability-zone $Z", set()),
        ("Z=$(cat /etc/az)\naws ec2 create-volume --size 1 --availability-zone $Z", set()),  # a zone: the call's Region
    ],
)  # fmt: skip
def test_a_variable_holding_a_substitution_fails_closed_at_a_destination(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


def test_an_uncomputed_substitution_stays_out_of_other_readers() -> None:
    # scripts53 (stop 53): only a destination argument reads it; a URL, a config file's `$R` keep the unset reading.
    from components.residency.engine import _assigned_values

    script = "R=$(aws configure get region)\nH=eu-west-1\naws s3 ls --region $R\n"
    values = _assigned_values(script)
    at = script.index("aws s3")
    assert values.at(at) == {"H": ("eu-west-1",)}
    assert values.at_destination(at) == {"H": ("eu-west-1",), "R": ("$(aws configure get region)",)}
    plain = _assigned_values("H=eu-west-1\naws s3 ls --region $H\n")
    assert plain.opaque == ()
    # scripts53b (stop 53): a URL's host is a destination too now (RES-015; was passing, a placeholder)
    assert {f[0] for f in findings("#!/bin/bash\nH=$(cat /etc/h)\ncurl -sf https://$H/x\n", "EU", "aws")} == {"RES-015"}


# scripts53b (stop 53): a variable holding a substitution the evaluator cannot compute fails closed in a URL's host
# (RES-015), a Region variable (`export AWS_REGION=$R`, RES-011) and a settings file's region / host line, as at a
# command's argument; the substitution written there too. The machine's own values, a value used at no destination
# (a token in a header, a date in a path) and a computed one pass; a JSON array of Regions is read item by item.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("H=$(aws ssm get-parameter --name /h --output text)\ncurl -fsS https://$H/ingest -d @r.json", {"RES-015"}),
        ('H="$(cat /etc/fleet/host)"\ncurl -fsS "https://${H}:8443/ingest"', {"RES-015"}),
        ("curl -fsS https://$(cat /etc/fleet/host)/ingest", {"RES-015"}),
        ("R=$(aws configure get region)\nexport AWS_REGION=$R\naws s3 ls", {"RES-011"}),
        ("R=$(cat /etc/fleet/region)\nexport AWS_DEFAULT_REGION=\"$R\"\naws s3 ls", {"RES-011"}),
        ("R=$(cat /etc/fleet/region)\nREGION=$R\necho $REGION > /tmp/r", set()),  # the script's own variable
        ("R=$(cat /etc/fleet/region)\ncurl -fsS https://sqs.$R.amazonaws.com/1/q", {"RES-015"}),  # placeholder (before)
        ("R=$(cat /etc/r)\ncat > /root/.aws/config <<EOF\n[default]\nregion = $R\nEOF", {"RES-011"}),
        ("R=$(cat /etc/r)\nprintf '[default]\\nregion = %s\\n' x | tee /root/.aws/config\n"
         "echo \"region = $R\" | tee -a /root/.aws/config", {"RES-011"}),
        ("R=$(echo us-west-2)\nexport AWS_REGION=$R\naws s3 ls", {"RES-009"}),  # computed: the Region it gives
        ("aws ec2 describe-regions --region-names '[\"eu-west-1\",\"us-west-2\"]' --region eu-west-1", set()),
        ("SELF=$(curl -s http://169.254.169.254/latest/meta-data/local-ipv4)\ncurl http://$SELF:8080/health", set()),
        ("H=$(hostname -f)\ncurl -fsS https://$H/health", set()),
        ("T=$(cat /etc/t)\ncurl -fsS -H \"Authorization: Bearer $T\" http://10.0.3.9/x/$T", set()),
        ("R=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\nexport AWS_REGION=$R", set()),
        ("echo eu-west-1 > /etc/r\nR=$(cat /etc/r)\nexport AWS_REGION=$R", set()),  # a file the script writes
        ("P=$(cat /etc/p)\nexport PGPASSWORD=$P\nexport TAG=$(date +%F)", set()),  # no destination
        ("R=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
         "cat > /root/.aws/config <<EOF\n[default]\nregion = $R\nEOF", set()),
    ],
)  # fmt: skip
def test_a_substitution_through_a_variable_fails_closed_at_every_destination(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# scripts53b (stop 53): the aliyun CLI's array parameter given as one JSON string (`--RegionIds '["a","b"]'`, Alibaba
# Cloud CLI "Understand command parameters") is read item by item (was one word, no Region: passed).
@pytest.mark.parametrize(
    ("regions", "expected"),
    [
        ('["cn-shanghai","us-west-1"]', {"RES-009"}),
        ('[ "cn-shanghai" , "cn-beijing" ]', set()),
        ('["cn-shanghai"]', set()),
    ],
)  # fmt: skip
def test_a_json_array_of_regions_is_read_item_by_item(regions: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\naliyun ros CreateStackInstances --StackGroupName g --RegionIds '{regions}'\n"
    assert {f[0] for f in findings(script, "CN", "alicloud")} == expected


def test_a_list_argument_s_items() -> None:
    # scripts53b (stop 53): the one list reading of a Region / zone argument; a JSON array's marks are separators
    from components.residency.engine import _list_items

    assert _list_items('["cn-shanghai","us-west-1"]') == ["cn-shanghai", "us-west-1"]
    assert _list_items("[ 'eu-west-1' ]") == ["eu-west-1"]
    assert _list_items("eu-west-1, eu-west-2") == ["eu-west-1", "eu-west-2"]
    assert _list_items("eu-west-1") == ["eu-west-1"]


# scripts53 (stop 53): `echo ... | [sudo] tee [-a] FILE [> /dev/null]` writes the file as `echo ... > FILE` does
# (coreutils tee(1): "Copy standard input to each FILE"; -a "append to the given FILEs, do not overwrite").
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("printf '[default]\\nregion = us-west-2\\n' | sudo tee /root/.aws/config > /dev/null", {"RES-009"}),
        ("echo 'region = us-west-2' | tee -a /root/.aws/config", {"RES-009"}),
        ("echo 'region = us-west-2' | sudo tee --append /root/.aws/config >/dev/null", {"RES-009"}),
        ("printf '[default]\\nregion = eu-west-1\\n' | sudo tee /root/.aws/config > /dev/null", set()),
        ("echo 'region = us-west-2' | tee /tmp/notes.txt", set()),  # no settings file
        ("echo partner.example.com | tee /etc/fleet/db\npsql -h $(cat /etc/fleet/db) -c x", {"RES-015"}),
        ("echo 10.0.3.9 | tee /etc/fleet/db\npsql -h $(cat /etc/fleet/db) -c x", set()),
    ],
)  # fmt: skip
def test_a_file_written_through_tee_is_read(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


def test_echoed_files_reads_tee() -> None:
    from components.residency.scripts import echoed_files

    script = "echo a | tee /etc/x\necho b | sudo tee -a /etc/x > /dev/null\necho c | tee /etc/y\necho d > /etc/z\n"
    assert echoed_files(script) == [("/etc/x", "a\nb\n"), ("/etc/y", "c\n"), ("/etc/z", "d\n")]


# scripts53 (stop 53): the splitter's mark is only inserted (the line is otherwise the same), never left in a word, and
# a `)` is never glued to an operator in a word the readers see.
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["$(", ")", "a", ";", "&&", " ", "'", '"', "''", "-h", "\\", "|"]), max_size=14))
def test_the_glue_mark_stays_inside_the_splitter(parts: list[str]) -> None:
    from components.residency.scripts import _GLUED, _glued_tails, _simple_commands, _words

    line = "".join(parts)
    assume(_GLUED not in line)
    assert _glued_tails(line).replace(_GLUED, "") == line
    for command in _simple_commands(_words(line)):
        assert not any(_GLUED in word for word in command.words), line


def test_an_empty_word_beside_a_closing_parenthesis_is_read() -> None:
    # scripts53 (stop 53): shlex gives '' an empty word; the `)` split skips it (found by a random search of lines)
    assert hosts("X=$(date); psql -h '' -c x; redis-cli -h c.example.com") == [("redis-cli", "c.example.com")]


# falsealarm53b (stop 53): an ssh_config `Host` name whose entry sets `HostName` (ssh_config(5): "nicknames or
# abbreviations for hosts") is that host for the script's ssh clients (ssh, scp, sftp, rsync and the `user@host:path`
# form): `ssh ops@bastion.fleet` beside `Host bastion.fleet` / `HostName 10.20.0.5` was RES-015 on main 7f5945b (the
# dotted alias read as a host; a dotless one was never judged). The entry's own HostName is judged in the file; a name
# with no HostName, a wildcard pattern, a non-ssh client (curl, psql) and another file's name stay judged as hosts.
_SSH_ALIAS = "Host bastion.fleet\n  User ops\n  HostName 10.20.0.5"


@pytest.mark.parametrize(
    ("config", "command", "expected"),
    [
        (_SSH_ALIAS, "ssh ops@bastion.fleet uptime", set()),
        (_SSH_ALIAS, "scp /tmp/a ops@bastion.fleet:/tmp/", set()),
        (_SSH_ALIAS, "rsync -az /srv/ ops@bastion.fleet:/srv/", set()),
        (_SSH_ALIAS, "sftp -J ops@bastion.fleet:22 ops@10.20.1.7", set()),
        ("Host bastion.fleet\n  HostName 10.20.0.5\nHost db.fleet\n  HostName 10.20.1.30\n"
         "  ProxyJump fleet@bastion.fleet:22", "ssh db.fleet uptime", set()),
        (_SSH_ALIAS, "ssh -J ops@bastion.fleet ops@db.partner-analytics.com uptime", {"RES-015"}),
        ("Host bastion.fleet\n  HostName db.partner-analytics.com", "ssh ops@bastion.fleet uptime", {"RES-015"}),
        ("Host bastion.partner-analytics.com\n  User ops", "ssh bastion.partner-analytics.com uptime", {"RES-015"}),
        ("Host *.fleet\n  HostName 10.20.0.5", "ssh ops@db.fleet uptime", {"RES-015"}),
        ("Host bastion.fleet\n  User ops\nMatch all\n  HostName 10.20.0.5", "ssh bastion.fleet uptime", {"RES-015"}),
        (_SSH_ALIAS, "curl -fsS https://bastion.fleet/health", {"RES-015"}),
        (_SSH_ALIAS, "psql -h bastion.fleet -U fleet", {"RES-015"}),
    ],
)  # fmt: skip
def test_falsealarm53b_an_ssh_config_alias_is_its_hostname(config: str, command: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\ncat > /root/.ssh/config <<'EOF'\n{config}\nEOF\n{command}\n"
    assert {f[0] for f in findings(script, "EU", "aws")} == expected
    # the same text written to no ssh client file: the name is a host wherever it is used
    if not expected:
        assert {f[0] for f in findings(script.replace("/root/.ssh/config", "/root/notes.txt"), "EU", "aws")} == {
            "RES-015"
        }


# codehealth53 (stop 53): one reading of `| [sudo] tee [-a] FILE [> /dev/null]` (scripts.py _TEE_TO_FILE) for an
# echo's line (echoed_files) and any command's line (command_output_files); a line echoed_files reads is its alone (on
# main command_output_files read `printf 'TEXT\n' | tee FILE` again, its `\n` left as written, and its reading won:
# the text read back was no Region or host, a leak); tee's `-i` ("ignore interrupt signals") writes the file as well.
@pytest.mark.parametrize(
    ("written", "use", "expected"),
    [
        ("printf 'us-east-1\\n' | sudo tee /etc/r > /dev/null", "aws s3 ls --region $(cat /etc/r)", {"RES-009"}),
        ("printf 'eu-west-1\\n' | tee /etc/r", "aws s3 ls --region $(cat /etc/r)", set()),
        ("printf 'partner.example.com\\n' | tee /etc/h", "psql -h $(cat /etc/h) -c x", {"RES-015"}),
        ("printf '10.0.3.9\\n' | tee /etc/h", "psql -h $(cat /etc/h) -c x", set()),
        ("hostname -f | tee -i /etc/h", "psql -h $(cat /etc/h) -c x", set()),  # own name (RES-015 on main)
        ("aws configure get region | tee -i /etc/r", "aws s3 ls --region $(cat /etc/r)", {"RES-011"}),
    ],
)  # fmt: skip
def test_one_tee_reading(written: str, use: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{written}\n{use}\n", "EU", "aws")} == expected


def test_an_echoed_tee_line_is_read_once() -> None:
    from components.residency.scripts import echoed_files, written_files

    script = "printf 'a\\nb\\n' | tee /etc/x\necho c | tee -a /etc/x\nhostname -f | tee -ai /etc/y\n"
    assert command_output_files(script) == [("/etc/y", "${HOSTNAME}\n")]
    assert echoed_files(script) == [("/etc/x", "a\nb\nc\n")]
    assert written_files(script) == {"/etc/x": "a\nb\nc\n", "/etc/y": "${HOSTNAME}\n"}


# codehealth53 (stop 53): the loop and array readers live in scripts.py beside shell_blocks and plain_assignment, with
# one spelling of a command's place and of the declaring builtins (`export NAME=(...)` assigns an array too: bash(1)
# "export ... name[=word]"; on main only declare / local / readonly were read there, a leak); the loop's gate is `for`
# and a blank ("format", "before" open nothing).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('export L=(us-east-1 eu-west-1)\nfor r in "${L[@]}"; do aws s3 ls --region $r; done', {"RES-009"}),
        ('export L=(eu-central-1 eu-west-1)\nfor r in "${L[@]}"; do aws s3 ls --region $r; done', set()),
        ("local -r R=us-east-1\naws s3 ls --region $R", {"RES-009"}),
        ("local -r R=us-east-1\nR=eu-west-1\naws s3 ls --region $R", set()),  # a plain assignment replaces it
    ],
)
def test_one_reading_of_loops_and_declarations(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("for r in a b; do x; done", True),
        ("x; for\tr in a; do :; done", True),
        ("echo format before platform", False),
        ("# wait for the network\n", False),  # `for ` opens the search, which finds no loop
    ],
)
def test_has_for_loop(script: str, expected: bool) -> None:
    from components.residency.scripts import has_for_loop

    assert has_for_loop(script) is expected


def test_for_loop_words_and_plain_assignment_share_the_declarations() -> None:
    from components.residency.scripts import for_loop_words, plain_assigned_name, plain_assignment

    script = "export A=(x y)\nreadonly -a B=(z)\nfor v in ${A[@]} ${B[*]} $C w; do :; done\n"
    assert for_loop_words(script, {"C": ("c1 c2",)}) == {"v": ("x", "y", "z", "c1", "c2", "w")}
    assert all(plain_assignment(line) for line in ("export X=a", "local -r X=a", "declare -x X=a", "readonly X=a"))
    assert not plain_assignment("export X=a Y=b")
    lines = ("local -r X=a", 'Y="$(date)"', "Z=a b", "W=a; ls")
    assert [plain_assigned_name(line) for line in lines] == ["X", "Y", None, None]


# The lead (stop 53): printf's format escapes are printed as the characters they name in a computed value too
# (codehealth53 found `$(printf 'us-east-1\n')` passing every door: the evaluator left `\n` in the value, so it was no
# Region); the file writer already expanded them. Checked on main first: both offending lines passed.
@pytest.mark.parametrize(
    ("script", "refused"),
    [
        ("aws s3 ls --region $(printf 'us-east-1\\n')\n", True),
        ("R=$(printf 'us-east-1\\n')\naws s3 ls --region $R\n", True),
        ("aws s3 ls --region $(printf 'eu-central-1\\n')\n", False),
        ("R=$(printf '%s\\n' eu-central-1)\naws s3 ls --region $R\n", False),
    ],
)
def test_a_printf_formats_escapes_are_printed_in_a_computed_value(script: str, refused: bool) -> None:
    found = findings(script, "EU", "aws")
    assert bool(found) is refused, found


# The lead (stop 53): a settings file's host key holding an uncomputed substitution fails closed only where the
# substitution is the host (scripts53b); a token in a URL's user part or path names no host (a pip.conf index-url
# with CodeArtifact's token was refused after scripts53b's merge: falsealarm53's table caught it).
@pytest.mark.parametrize(
    ("url", "refused"),
    [
        (
            "https://aws:${TOKEN}@fleet-111122223333.d.codeartifact.eu-central-1.amazonaws.com/pypi/packages/simple/",
            False,
        ),
        ("https://fleet-111122223333.d.codeartifact.eu-central-1.amazonaws.com/pypi/${TOKEN}/simple/", False),
        ("https://${TOKEN}/pypi/packages/simple/", True),
        ("https://aws:x@${TOKEN}:443/simple/", True),
    ],
)
def test_a_settings_files_substitution_fails_closed_only_as_its_host(url: str, refused: bool) -> None:
    script = (
        "TOKEN=$(aws codeartifact get-authorization-token --domain fleet --query authorizationToken --output text)\n"
        f"cat > /etc/pip.conf <<EOF\n[global]\nindex-url = {url}\nEOF\n"
    )  # scripts54b: unquoted (bash fills TOKEN in); a quoted `<<'EOF'` body holds `${TOKEN}` as written
    found = [f for f in findings(script, "EU", "aws") if f[0] == "RES-015"]
    assert bool(found) is refused, found


# The lead (stop 53): a name the script maps in /etc/hosts is sent to its line's address, judged where it is written
# (falsealarm53b found `psql -h db.fleet.internal` after mapping it to 10.20.1.30 refused: RES-015, a false alarm).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("echo '10.20.1.30 db.fleet.internal' >> /etc/hosts\npsql -h db.fleet.internal -U app\n", []),
        ("echo '10.20.1.30 db.fleet.internal' | sudo tee -a /etc/hosts\npsql -h db.fleet.internal -U app\n", []),
        ("cat >> /etc/hosts <<EOF\n10.20.1.30 db.fleet.internal db\nEOF\ncurl https://db.fleet.internal/x\n", []),
        ("echo '203.0.113.7 db.fleet.internal' >> /etc/hosts\npsql -h db.fleet.internal -U app\n", ["203.0.113.7"]),
        (
            "echo '10.20.1.30 db.fleet.internal' >> /etc/hosts\npsql -h db.partner.example -U app\n",
            ["db.partner.example"],
        ),
        ("echo '10.20.1.30 db.fleet.internal' > /tmp/hosts\npsql -h db.fleet.internal -U app\n", ["db.fleet.internal"]),
    ],
)
def test_a_name_the_script_maps_in_etc_hosts_is_its_address(script: str, expected: list[str]) -> None:
    assert [value for rule, _, value in findings(script, "EU", "aws") if rule == "RES-015"] == expected


# falsealarm54 (stop 54): an /etc/hosts line's address written as the machine's own lookup or as a variable the
# script assigns only a private address (or such a lookup) sends its names into the network; a public address, a value
# the evaluator cannot compute, a variable bound otherwise (read, for) or not assigned at all defines no name (the name
# stays a host). On main 51ca59f every compliant case was RES-015 at psql's `-h`.
_USE54 = "psql -h db.fleet.internal -U app\n"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('DB_IP=10.20.1.30\necho "$DB_IP db.fleet.internal" >> /etc/hosts\n', []),
        ('export DB_IP="10.20.1.30"\necho "${DB_IP} db.fleet.internal db" | sudo tee -a /etc/hosts\n', []),
        ('echo "$(hostname -i) db.fleet.internal" >> /etc/hosts\n', []),
        ("IP=$(curl -s http://169.254.169.254/latest/meta-data/local-ipv4)\n"
         'echo "$IP db.fleet.internal" >> /etc/hosts\n', []),
        ("IP=`hostname -I | awk '{print $1}'`\necho \"$IP $(hostname) db.fleet.internal\" >> /etc/hosts\n", []),
        ('DB_IP=203.0.113.5\necho "$DB_IP db.fleet.internal" >> /etc/hosts\n', ["db.fleet.internal"]),
        ('DB_IP=$(aws ssm get-parameter --name /ip --output text)\necho "$DB_IP db.fleet.internal" >> /etc/hosts\n',
         ["db.fleet.internal"]),
        ('echo "$DB_IP db.fleet.internal" >> /etc/hosts\n', ["db.fleet.internal"]),  # the environment's: unknown
        ('DB_IP=10.20.1.30\nread DB_IP < /tmp/ip\necho "$DB_IP db.fleet.internal" >> /etc/hosts\n',
         ["db.fleet.internal"]),
        ('DB_IP=10.20.1.30\nfor DB_IP in 203.0.113.5; do :; done\necho "$DB_IP db.fleet.internal" >> /etc/hosts\n',
         ["db.fleet.internal"]),
        ('DB_IP=10.20.1.30\n[ -n "$X" ] && DB_IP=203.0.113.5\necho "$DB_IP db.fleet.internal" >> /etc/hosts\n',
         ["db.fleet.internal"]),  # assigned on a line that is no plain assignment
        ('DB_IP=10.20.1.30\necho "$DB_IP db.fleet.internal" > /tmp/hosts\n', ["db.fleet.internal"]),  # no /etc/hosts
        ("echo \"$(curl -s https://ip.partner.example/) db.fleet.internal\" >> /etc/hosts\n", ["db.fleet.internal"]),
    ],
)  # fmt: skip
def test_falsealarm54_an_etc_hosts_address_by_variable_or_the_machines_own(lines: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{lines}{_USE54}", "EU", "aws")
    assert [value for rule, path, value in found if rule == "RES-015" and path.endswith(".psql")] == expected


# falsealarm54 (stop 54): `alias:/path` (no user) on an scp / rsync line is the ssh_config alias the script writes, as
# `user@alias:path` was since falsealarm53b; the same text on a `mount` line is an NFS export (mount reads no
# ssh_config) and stays a host. On main 51ca59f the rsync and scp cases were RES-015 at the whole-text scan.
@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("rsync -az /opt/fleet/ app.fleet:/opt/fleet/", set()),
        ("scp /tmp/a app.fleet:/tmp/a", set()),
        ("sudo -u ec2-user /usr/bin/rsync -az /opt/fleet/ app.fleet:/opt/fleet/", set()),
        ("mount -t nfs4 app.fleet:/srv/exports /mnt", {"RES-015"}),
        ("rsync -az /opt/ app.fleet:/opt/\nmount app.fleet:/srv /mnt", {"RES-015"}),
        ("rsync -az /opt/ other.fleet:/opt/", {"RES-015"}),  # no alias of the file
    ],
)  # fmt: skip
def test_falsealarm54_an_ssh_alias_remote_path_without_a_user(command: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\ncat > /root/.ssh/config <<'EOF'\nHost app.fleet\n  HostName 10.20.1.7\nEOF\n{command}\n"
    assert {f[0] for f in findings(script, "EU", "aws")} == expected


# falsealarm54b (stop 54): `docker network create NET`, then `docker run --network NET --name X` / `--network-alias
# X`: X is defined on the run lines of NET's containers (Docker's embedded DNS), not for the machine's own commands,
# another network's containers or a network the script does not create. On main 0bf4fb91 every compliant case was
# RES-015 at the whole-text scan (or at DB_HOST).
_NET54B = "docker network create fleet\ndocker run -d --network fleet --network-alias db --name fleet-cache redis:7\n"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("docker run -d --network fleet -e DATABASE_URL=postgres://fleet@db:5432/fleet app:1\n", []),
        ("docker run -d --net=fleet -e REDIS_URL=redis://fleet-cache:6379/0 -e DB_HOST=db app:1\n", []),
        ("docker run -d --network fleet \\\n  -e DATABASE_URL=postgres://fleet@db:5432/fleet app:1\n", []),
        ("curl -fsS http://fleet-cache:6379/\n", ["fleet-cache"]),  # the machine itself
        ("docker run -d -e DATABASE_URL=postgres://fleet@db:5432/fleet app:1\n", ["db"]),  # the default bridge
        ("docker network create other\ndocker run -d --network other -e DB_URL=postgres://fleet@db:5432/f app:1\n",
         ["db"]),  # another network's container
    ],
)  # fmt: skip
def test_falsealarm54b_a_docker_networks_container_names_on_its_run_lines(lines: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{_NET54B}{lines}", "EU", "aws")
    assert [value for rule, _, value in found if rule == "RES-015"] == expected
    # Without `docker network create fleet` the network is not the script's: no name is defined (a URL's host judged).
    uncreated = findings(f"#!/bin/bash\n{_NET54B.replace('docker network create fleet', 'true')}{lines}", "EU", "aws")
    assert len([rule for rule, _, _ in uncreated if rule == "RES-015"]) == lines.count("://")


# falsealarm54b (stop 54): the ~/.s3cfg `s3cmd --configure` writes holds `website_endpoint` (a URL `ws-info` prints)
# and `cloudfront_host` (where only the `cf*` commands and --cf-invalidate connect, s3cmd S3/CloudFront.py): neither
# is a destination of a script that runs no such command; `cloudfront_host` is judged when one runs. On main 0bf4fb91
# both lines were RES-015 (as keys and in the scan).
_S3CFG54B = (
    "cat > /root/.s3cfg <<'EOF'\n[default]\nhost_base = s3.eu-west-1.amazonaws.com\n"
    "website_endpoint = http://%(bucket)s.s3-website-%(location)s.amazonaws.com/\n"
    "cloudfront_host = cloudfront.amazonaws.com\ninvalidate_on_cf = False\nEOF\n"
)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("s3cmd ls s3://fleet-logs/", set()),
        ("s3cmd put /tmp/a s3://fleet-logs/a", set()),
        ("s3cmd ws-info s3://fleet-logs", set()),  # prints the website URL, connects to S3 only
        ("s3cmd sync --cf-invalidate /var/www/ s3://fleet-logs/www/", {"cloudfront.amazonaws.com"}),
        ("s3cmd cfinval s3://fleet-logs/index.html", {"cloudfront.amazonaws.com"}),
        ("s3cmd cflist", {"cloudfront.amazonaws.com"}),
        ("echo 'invalidate_on_cf = True' >> /root/.s3cfg", {"cloudfront.amazonaws.com"}),
    ],
)  # fmt: skip
def test_falsealarm54b_s3cmd_settings_no_command_of_the_script_uses(command: str, expected: set[str]) -> None:
    found = findings(f"#!/bin/bash\n{_S3CFG54B}{command}\n", "EU", "aws")
    assert {value for rule, _, value in found if rule == "RES-015" and "bucket" not in value} == expected


# falsealarm54b (stop 54): ssh_config(5)'s `Host=name` / `Host = name` (whitespace "or optional whitespace and exactly
# one '='") is the file's own entry, not a shell assignment of a host nor the scan's `Host = name`; the entry's
# HostName is judged as before. On main 0bf4fb91 the `Host=` line was RES-015.
@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("Host=app.fleet\n  HostName=10.20.1.7\n", set()),
        ("Host = app.fleet\n  HostName = 10.20.1.7\n", set()),
        ("Host=app.fleet\n  HostName=app.partner.example.com\n", {"app.partner.example.com"}),
    ],
)  # fmt: skip
def test_falsealarm54b_an_ssh_config_host_line_with_equals(entry: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\ncat > /root/.ssh/config <<'EOF'\n{entry}EOF\nssh app.fleet uptime\n"
    assert {value for rule, _, value in findings(script, "EU", "aws") if rule == "RES-015"} == expected
    # The same `Host=` outside an ssh configuration (an env file's assignment) is still a host
    env = "#!/bin/bash\ncat > /etc/fleet.env <<'EOF'\nHost=app.partner.example.com\nEOF\n"
    assert "app.partner.example.com" in {value for rule, _, value in findings(env, "EU", "aws") if rule == "RES-015"}


# falsealarm54b (stop 54): Alibaba Cloud's NTP servers' VPC endpoints (vpc_service_hosts) are the network's own from
# an Alibaba Cloud instance; the same names from an AWS instance, the public ntp.aliyun.com and a third party's pool
# stay refused. On main 0bf4fb91 every catalogued host was RES-015 on ECS.
@pytest.mark.parametrize("host", sorted(load_endpoints().alicloud.vpc_service_hosts))
def test_falsealarm54b_alibaba_ntp_vpc_endpoints_from_ecs(host: str) -> None:
    script = f"#!/bin/bash\necho 'server {host} minpoll 4 maxpoll 10 iburst' >> /etc/chrony.conf\n"
    assert findings(script, "CN", "alicloud") == []
    assert {rule for rule, _, _ in findings(script, "CN", "aws")} == {"RES-015"}
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == {"RES-015"}


@pytest.mark.parametrize(
    ("server", "expected"),
    [("ntp.aliyun.com", {"RES-016"}), ("2.pool.ntp.org", {"RES-015"}), ("ntp13.cloud.aliyuncs.com", {"RES-015"})],
)
def test_falsealarm54b_other_ntp_servers_from_ecs_stay_refused(server: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\necho 'server {server} iburst' >> /etc/chrony.conf\n"
    assert {rule for rule, _, _ in findings(script, "CN", "alicloud")} == expected


# scripts54 (stop 54): a URL's host whose last label is a variable holding a substitution the evaluator cannot compute
# fails closed with fixed text before it too (`ingest.$D`: the domain is the value's); one before a fixed domain is the
# placeholder reading (a host under that domain), the machine's own value passes.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("curl -fsS https://ingest.$D/v1", [("RES-015", "ingest.$(cat /etc/fleet/d)")]),
        ("curl -fsS https://ingest-${D}:8443/v1", [("RES-015", "ingest-$(cat /etc/fleet/d)")]),
        ("curl -fsS https://$D.eu-west-1.amazonaws.com/v1", []),
        ("echo $D > /var/fleet/domain", []),
    ],
)
def test_a_url_host_ending_in_an_uncomputed_variable_fails_closed(line: str, expected: list[tuple[str, str]]) -> None:
    script = f"#!/bin/bash\nD=$(cat /etc/fleet/d)\n{line}\n"
    assert [(rule, value) for rule, _, value in findings(script, "EU", "aws")] == expected


# scripts54 (stop 54): an SDK Region variable assigned a command substitution in its own assignment, unquoted (the bare
# value ended at the substitution's first blank): read whole, computed or an unknown Region; the metadata's passes.
@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        ("export AWS_REGION=$(cat /etc/fleet/region)", [("RES-011", "$(cat /etc/fleet/region)")]),
        ("export AWS_DEFAULT_REGION=`cat /etc/fleet/region`", [("RES-011", "`cat /etc/fleet/region`")]),
        ("export AWS_REGION=$(echo us-west-2)", [("RES-009", "us-west-2")]),
        ("export AWS_REGION=$(echo eu-west-1)", []),
        ("export AWS_REGION=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)", []),
        ("export FLEET_REGION=$(cat /etc/fleet/region)", []),  # a script's own variable: judged where it is used
    ],
)
def test_an_sdk_region_variable_s_own_substitution_is_read_whole(
    assignment: str, expected: list[tuple[str, str]]
) -> None:
    script = f"#!/bin/bash\n{assignment}\naws logs describe-log-groups\n"
    assert [(rule, value) for rule, _, value in findings(script, "EU", "aws")] == expected


# scripts54 (stop 54): ALICLOUD_REGION (the alicloud Terraform provider's Region variable) is an SDK Region variable.
def test_alicloud_region_is_an_sdk_region_variable() -> None:
    unknown = "#!/bin/bash\nR=$(cat /etc/fleet/region)\nexport ALICLOUD_REGION=$R\nterraform apply -auto-approve\n"
    own = "#!/bin/bash\nR=$(curl -s http://100.100.100.200/latest/meta-data/region-id)\nexport ALICLOUD_REGION=$R\n"
    assert [rule for rule, _, _ in findings(unknown)] == ["RES-011"]
    assert findings(own) == []


# scripts54 (stop 54): bash(1) "Parameter Expansion": a nested default is the outer variable's value, else the inner's,
# else the word; `${A:+word}` gives the word (or nothing). A value the script gives the inner variable is used first.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('aws s3 ls --region "${A:-${B:-us-west-2}}"', ["us-west-2"]),
        ('aws s3 ls --region "${A:-${B:-eu-west-1}}"', []),
        ('B=eu-west-1\naws s3 ls --region "${A:-${B:-us-west-2}}"', []),
        ('B=us-east-2\naws s3 ls --region "${A:-${B:-eu-west-1}}"', ["us-east-2"]),
        ('A=eu-west-1\naws s3 ls --region "${A:-${B:-us-west-2}}"', []),
        ("aws s3 ls --region ${A:-${B:-${C:-us-west-2}}}", ["us-west-2"]),
        ("T=${DR:+us-west-2}\naws s3 ls --region ${T:-eu-west-1}", ["us-west-2"]),
        ("T=${DR:+eu-west-1}\naws s3 ls --region ${T:-eu-west-1}", []),
        ("aws s3 ls --region ${DR:+us-west-2}", ["us-west-2"]),
    ],
)
def test_nested_defaults_and_alternate_words_are_values(script: str, expected: list[str]) -> None:
    assert [value for rule, _, value in findings(script, "EU", "aws") if rule == "RES-009"] == expected


# scripts54 (stop 54): `while read NAME; do ... done <<EOF` gives NAME each body line; `done < FILE` each line of a file
# the script writes, and fails closed for one it does not write (as `read NAME < FILE`).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "while read -r r; do\n  aws s3 ls --region $r\ndone <<EOF\neu-west-1\nus-west-2\nEOF\n",
            [("RES-009", "us-west-2")],
        ),
        ("while read -r r; do\n  aws s3 ls --region $r\ndone <<-'EOF'\n\teu-west-1\n\tEOF\n", []),
        ('while IFS= read -r r; do aws s3 ls --region "$r"; done < /etc/r\n', [("RES-011", "$(< /etc/r)")]),
        (
            "echo us-west-2 > /etc/r\nwhile read r; do aws s3 ls --region $r; done < /etc/r\n",
            [("RES-009", "us-west-2")],
        ),
        ("echo eu-west-1 > /etc/r\nwhile read r; do aws s3 ls --region $r; done < /etc/r\n", []),
        ("while read -r r; do\n  echo $r\ndone <<EOF\nus-west-2\nEOF\n", []),  # used at no destination
        # a URL's host holding it is filled with each line too (the URL filling's gate reads the loop)
        (
            "while read -r h; do\n  curl https://$h/health\ndone <<EOF\nintake.partner.example\nEOF\n",
            [("RES-015", "intake.partner.example")],
        ),
        ("while read -r h; do\n  curl https://$h/health\ndone <<EOF\n10.20.1.30\nEOF\n", []),
    ],
)
def test_a_while_read_loop_s_variable_holds_its_input_lines(script: str, expected: list[tuple[str, str]]) -> None:
    assert [(rule, value) for rule, _, value in findings(script, "EU", "aws")] == expected


# mutation54 (stop 54): round 23's mutants of config53's readers. An nginx directive ends at its `;`, not at the
# line's end (its address on the next line passed), a Redis / Valkey server's `--replicaof` on its command line and a
# `replicaof` line in valkey.conf or a `.conf` under /etc/redis/ passed; each twin passed there too.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"cat > /etc/nginx/conf.d/a.conf <<'EOF'\nlocation ~ \\.php$ {{\n  fastcgi_pass\n    {_CONF_PARTNER}:9000;\n"
         "}\nEOF", {"RES-015"}),
        (f"cat > /etc/nginx/conf.d/a.conf <<'EOF'\nlocation / {{ grpc_pass\n  # the pool\n  {_CONF_PARTNER}:50051; }}\n"
         "EOF", {"RES-015"}),
        (f"cat > /etc/nginx/conf.d/a.conf <<'EOF'\nupstream api {{\n  server\n    {_CONF_PARTNER}:443\n"
         "    max_fails=3;\n}\nEOF", {"RES-015"}),
        (f"cat > /etc/nginx/nginx.conf <<'EOF'\nstream {{\n  server {{\n    listen 5432;\n    proxy_pass\n"
         f"      {_CONF_PARTNER}:5432;\n  }}\n}}\nEOF", {"RES-015"}),
        ("cat > /etc/nginx/conf.d/a.conf <<'EOF'\nlocation / {\n  fastcgi_pass\n    127.0.0.1:9000;\n}\nEOF", set()),
        ("cat > /etc/nginx/conf.d/a.conf <<'EOF'\nlocation / {\n  fastcgi_pass\n    unix:/run/php-fpm/www.sock;\n}\n"
         "EOF", set()),
        # a name ending a line with no `;` before a brace names nothing (as written, before)
        (f"cat > /etc/nginx/conf.d/a.conf <<'EOF'\nupstream a {{\n  server\n}}\nserver {{ listen 80; }}\n"
         f"# {_CONF_PARTNER};\nEOF", set()),
        # redis.io "Redis configuration": a directive passed on the command line
        (f"redis-server /etc/redis/redis.conf --replicaof {_CONF_PARTNER} 6379 --daemonize yes", {"RES-015"}),
        (f"ExecStart=/usr/bin/valkey-server /etc/valkey/valkey.conf --slaveof {_CONF_PARTNER} 6379", {"RES-015"}),
        ("redis-server --port 6380 --replicaof 127.0.0.1 6379", set()),
        # redis-cli's REPLICAOF / SLAVEOF command (redis.io REPLICAOF), any case the docs write; other commands' words
        (f"redis-cli -h 127.0.0.1 -p 6379 -a \"$PASS\" REPLICAOF {_CONF_PARTNER} 6379", {"RES-015"}),
        (f"valkey-cli slaveof {_CONF_PARTNER} 6379", {"RES-015"}),
        ("redis-cli -h 127.0.0.1 REPLICAOF 10.0.3.9 6379", set()),
        ("redis-cli REPLICAOF NO ONE", set()),
        (f"redis-cli -n 2 SET replicaof {_CONF_PARTNER}", set()),
        ("redis-server /etc/redis/redis.conf --daemonize yes", set()),
        # valkey.conf, a port's file under /etc/redis/, an included file
        (f"cat > /etc/valkey/valkey.conf <<'EOF'\nreplicaof {_CONF_PARTNER} 6379\nEOF", {"RES-015"}),
        (f"cat > /etc/redis/6379.conf <<'EOF'\nport 6379\nreplicaof {_CONF_PARTNER} 6379\nEOF", {"RES-015"}),
        (f"cat > /etc/redis/conf.d/replica.conf <<'EOF'\nreplicaof {_CONF_PARTNER} 6379\nEOF\n"
         "echo 'include /etc/redis/conf.d/replica.conf' >> /etc/redis/redis.conf", {"RES-015"}),
        ("cat > /etc/valkey/valkey.conf <<'EOF'\nbind 0.0.0.0\nreplicaof 10.0.3.9 6379\nEOF", set()),
        ("cat > /etc/redis/6379.conf <<'EOF'\nreplicaof no one\ndir /var/lib/redis/6379\nEOF", set()),
    ],
)  # fmt: skip
def test_mutation54_split_directives_and_server_command_lines(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "memcached_pass", "proxy_pass"]),
    st.lists(st.sampled_from(["", "  ", "\t", "    # a comment"]), max_size=3),
    st.sampled_from(["", "{ ", "; "]),
)
def test_mutation54_a_directive_split_over_lines_names_its_address(name: str, between: list[str], before: str) -> None:
    # nginx "Configuration File's Structure": a simple directive's name and parameters are separated by blanks
    # (newlines too) and end with a semicolon; `#` starts a comment to the line's end.
    def script(host: str) -> str:
        gap = "".join(f"{line}\n" for line in between)
        return f"#!/bin/bash\ncat > /etc/nginx/conf.d/a.conf <<'EOF'\n{before}{name}\n{gap}  {host}:9000;\nEOF\n"

    assert hosts(script(_CONF_PARTNER)) == [(name, f"{_CONF_PARTNER}:9000")]
    assert findings(script("127.0.0.1"), "EU", "aws") == []


# mutation54 (stop 54): `${NAME:=word}` assigns NAME where it is expanded (the `: "${DR:=...}"` idiom, bash(1)
# "Assign Default Values"), and a `for` loop's words go on over a backslash-newline. On main 51ca59f each offending
# script passed (the `:` line assigned nothing; the loop's words stopped at the backslash); each twin passed too.
_COPY54 = "aws ec2 copy-snapshot --source-region eu-west-1 --source-snapshot-id snap-1 --region"


@pytest.mark.parametrize(
    ("script", "refused"),
    [
        (f': "${{DR:=us-east-1}}"\n{_COPY54} "$DR"', True),
        (f": ${{DR=us-east-1}}\n{_COPY54} $DR", True),
        (f'echo "copying to ${{DR:=us-east-1}}"\n{_COPY54} "$DR"', True),
        (f'if [ -z "$DR" ]; then : "${{DR:=us-east-1}}"; fi\n{_COPY54} "$DR"', True),
        (f'DR=us-east-1\n: "${{DR:=eu-central-1}}"\n{_COPY54} "$DR"', True),  # the value DR holds is what stays
        (f': "${{DR:=eu-central-1}}"\n{_COPY54} "$DR"', False),
        (f'DR=eu-central-1\n: "${{DR:=us-east-1}}"\n{_COPY54} "$DR"', False),  # set: the word is not assigned
        (f'for r in eu-central-1 \\\n    us-west-2; do\n  {_COPY54} "$r"\ndone', True),
        (f'for r in \\\n    us-west-2\ndo\n  {_COPY54} "$r"\ndone', True),
        (f'for r in eu-central-1 \\\n    eu-west-1; do\n  {_COPY54} "$r"\ndone', False),
    ],
)
def test_mutation54_an_assigned_default_and_a_continued_loop_are_values(script: str, refused: bool) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert (found != []) is refused, found
    assert all(rule == "RES-009" for rule, _, _ in found)


# scripts54b (stop 54): shell expansions the one reader did not compute. bash(1) "Positional Parameters" (a function's
# arguments; `set --`), "Here Strings" and the read builtin (`read R <<< WORD`, several names), printf's `-v`,
# "Arrays" (`${NAME[k]}`), "Brace Expansion" (a comma list in a loop's word) and `${A:+word}` with a blank or a
# variable. On main 0bf4fb91 each offending script passed (no finding); each twin passes.
_RETAIN54B = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'retain() {{\n  {_RETAIN54B} "$1"\n}}\nretain us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN54B} "$1"\n}}\nretain eu-central-1', []),
        (f'retain() {{ {_RETAIN54B} "${{1}}"; }}; retain us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN54B} "${{1:-us-west-2}}"\n}}\nretain', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN54B} "${{1:-us-west-2}}"\n}}\nretain eu-central-1', []),
        (f'retain() {{\n  local r="$1"\n  {_RETAIN54B} "$r"\n}}\nretain us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN54B} "$2"\n}}\nretain eu-central-1 us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN54B} "$1"\n}}\nretain "$(cat /etc/fleet/region)"', ["RES-011"]),
        (f'DR=us-west-2\nretain() {{\n  {_RETAIN54B} "$1"\n}}\nretain "$DR"', ["RES-009"]),
        (f'a() {{ {_RETAIN54B} "$1"; }}\nb() {{ echo "$1"; }}\na eu-central-1\nb us-west-2', []),
        (f'set -- us-west-2 /fleet/app\n{_RETAIN54B} "$1"', ["RES-009"]),
        (f'set -- eu-central-1 us-west-2\n{_RETAIN54B} "$1"', []),
        (f'read -r R <<< "us-west-2"\n{_RETAIN54B} "$R"', ["RES-009"]),
        (f"read R <<< eu-central-1\n{_RETAIN54B} $R", []),
        (f'read -r R <<< "$(cat /etc/fleet/region)"\n{_RETAIN54B} "$R"', ["RES-011"]),
        (f"printf -v R '%s' us-west-2\n{_RETAIN54B} \"$R\"", ["RES-009"]),
        (f'printf -v R %s eu-central-1\n{_RETAIN54B} "$R"', []),
        (f'while read -r app r; do\n  {_RETAIN54B} "$r"\ndone <<EOF\nfleet us-west-2\nEOF', ["RES-009"]),
        (f'while read -r app r; do\n  {_RETAIN54B} "$r"\ndone <<EOF\nus-west-2 eu-central-1\nEOF', []),
        (f'while read -r app r; do\n  {_RETAIN54B} "$r"\ndone < /etc/fleet/targets', ["RES-011"]),
        (f'while read -r r; do\n  {_RETAIN54B} "$r"\ndone <<< "us-west-2"', ["RES-009"]),
        (f'REGIONS=(eu-central-1 us-west-2)\n{_RETAIN54B} "${{REGIONS[1]}}"', ["RES-009"]),
        (f'REGIONS=(eu-central-1 us-west-2)\n{_RETAIN54B} "${{REGIONS[0]}}"', []),
        (f'for r in {{eu-central-1,us-west-2}}; do\n  {_RETAIN54B} "$r"\ndone', ["RES-009"]),
        (f'for r in eu-{{central-1,west-1}}; do\n  {_RETAIN54B} "$r"\ndone', []),
        (f'for r in "{{eu-central-1,us-west-2}}"; do\n  {_RETAIN54B} "$r"\ndone', []),  # quoted: one word, no Region
        (f"{_RETAIN54B} eu-central-1 ${{DR:+--region us-west-2}}", ["RES-009"]),
        (f"{_RETAIN54B} eu-central-1 ${{DR:+--region eu-west-1}}", []),
        (f"T=us-west-2\n{_RETAIN54B} ${{DR:+$T}}", ["RES-009"]),
    ],
)
def test_scripts54b_shell_expansions_give_their_values(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


# scripts54b (stop 54): a JSON / YAML settings file's Region or host field holding a variable assigned a substitution
# the evaluator cannot compute fails closed, as an INI `region = $R` line does since stop 53 (passed on main 0bf4fb91);
# the metadata's own Region passes. A quoted here-document (`<<'EOF'`, bash(1) "Here Documents": "the lines in the
# here-document are not expanded") holds `$R` as written: only an exported variable is filled in (RES-009 before).
_METADATA54B = "$(curl -s http://169.254.169.254/latest/meta-data/placement/region)"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('R=$(cat /etc/fleet/region)\ncat > /etc/fleet/app.json <<EOF\n{"region": "$R"}\nEOF', ["RES-011"]),
        (f'R={_METADATA54B}\ncat > /etc/fleet/app.json <<EOF\n{{"region": "$R"}}\nEOF', []),
        ("R=$(cat /etc/fleet/region)\ncat > /etc/fleet/app.yaml <<EOF\nstorage:\n  region: ${R}\nEOF", ["RES-011"]),
        ("H=$(cat /etc/fleet/db)\ncat > /etc/fleet/app.yaml <<EOF\ndatabase:\n  host: $H\nEOF", ["RES-015"]),
        ('R=$(cat /etc/fleet/region)\ncat > /etc/fleet/app.json <<EOF\n{"name": "$R"}\nEOF', []),  # no Region key
        ("R=us-west-2\ncat > /etc/fleet/app.yaml <<EOF\nregion: $R\nEOF", ["RES-009"]),
        ("R=us-west-2\ncat > /etc/fleet/app.yaml <<'EOF'\nregion: $R\nEOF", []),
        ('R=us-west-2\ncat > /etc/fleet/app.yaml <<"EOF"\nregion: $R\nEOF', []),
        ("export R=us-west-2\ncat > /etc/fleet/app.yaml <<'EOF'\nregion: $R\nEOF", ["RES-009"]),
        ("set -a\nR=us-west-2\ncat > /etc/fleet/app.yaml <<'EOF'\nregion: $R\nEOF", ["RES-009"]),
        ("R=us-west-2\nmkdir -p /root/.aws\ncat > /root/.aws/config <<'EOF'\n[default]\nregion = $R\nEOF", []),
        ("R=$(cat /etc/fleet/region)\ncat > /root/.aws/config <<'EOF'\n[default]\nregion = $R\nEOF", []),
        ("R=$(cat /etc/fleet/region)\ncat > /root/.aws/config <<EOF\n[default]\nregion = $R\nEOF", ["RES-011"]),
    ],
)
def test_scripts54b_settings_documents_and_quoted_heredocs(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


# scripts54b (stop 54): the readers themselves.
def test_scripts54b_positional_words_and_brace_expansion() -> None:
    script = 'copy() {\n  aws s3 cp f s3://b --region "$1"\n}\ncopy us-west-2\ncopy "$(cat /x)" b && echo\nset -- a\n'
    assert positional_words(script) == [
        (5, 6, {"1": ("a",)}),
        (0, 2, {"1": ("us-west-2", "$(cat /x)"), "2": ("b",)}),
    ]
    assert brace_expanded("eu-{west-1,central-1}") == ["eu-west-1", "eu-central-1"]
    assert brace_expanded("{a,b}-{1,2}") == ["a-1", "a-2", "b-1", "b-2"]
    assert brace_expanded("{a}") == ["{a}"]
    assert reads_as_assignments('read -r R <<< "x y"\n') == 'R="x y"'.ljust(len('read -r R <<< "x y"')) + "\n"
    assert alternates_written("a ${D:+--region x} b") == "a --region x" + " " * 6 + " b"


@given(st.lists(st.sampled_from(["eu-west-1", "us-east-1", "a", "b-2", "x.y"]), min_size=1, max_size=4))
def test_scripts54b_a_brace_list_expands_to_its_items(items: list[str]) -> None:
    word = "{" + ",".join(items) + "}" if len(items) > 1 else items[0]
    assert brace_expanded(word) == items


# config54b (stop 54): more of the tools' grammars in user data, each read as its manual documents. On main 0bf4fb9
# every offending script here passed (RES-015 / RES-009 now); each own twin passed before and passes now.
_P54B = "db.partner-analytics.com"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # rsyslog omrelp's legacy action and omkafka's broker array
        (f"cat > /etc/rsyslog.d/6.conf <<'EOF'\n*.* :omrelp:{_P54B}:2514;RSYSLOG_ForwardFormat\nEOF", {"RES-015"}),
        ("cat > /etc/rsyslog.d/6.conf <<'EOF'\n*.* :omrelp:[2001:db8::5]:2514\nEOF", {"RES-015"}),
        ("cat > /etc/rsyslog.d/6.conf <<'EOF'\n*.* :omrelp:10.0.3.20:2514\n# *.* :omrelp:x.example.com:1\nEOF", set()),
        (
            f'cat > /etc/rsyslog.d/7.conf <<\'EOF\'\n*.* action(type="omkafka" broker=["{_P54B}:9092"])\nEOF',
            {"RES-015"},
        ),
        ('cat > /etc/rsyslog.d/7.conf <<\'EOF\'\n*.* action(type="omkafka" broker=["10.0.3.20:9092"])\nEOF', set()),
        # syslog-ng failover servers
        (
            "cat > /etc/syslog-ng/conf.d/f.conf <<'EOF'\ndestination d { network(\"10.0.3.20\"\n"
            f'  failover(servers("10.0.3.21", "{_P54B}"))); }};\nEOF',
            {"RES-015"},
        ),
        (
            "cat > /etc/syslog-ng/conf.d/f.conf <<'EOF'\ndestination d { network(\"10.0.3.20\"\n"
            '  failover(servers("10.0.3.21", "10.0.3.22") failback(tcp-probe-interval(10)))); };\nEOF',
            set(),
        ),
        # redis: CONFIG SET, any case, one quoted argument, printf and sed -i '$a' lines into redis.conf
        (f'redis-cli CONFIG SET replicaof "{_P54B} 6379"', {"RES-015"}),
        (f'redis-cli -h 127.0.0.1 config set ReplicaOf "{_P54B} 6379"', {"RES-015"}),
        ('redis-cli CONFIG SET replicaof "10.0.3.9 6379"', set()),
        ('redis-cli CONFIG SET replicaof "no one"', set()),
        ("redis-cli CONFIG SET maxmemory 2gb", set()),
        (f"redis-cli ReplicaOf {_P54B} 6379", {"RES-015"}),
        (f"redis-cli SlaveOf {_P54B} 6379", {"RES-015"}),
        ("redis-cli ReplicaOf 10.0.3.9 6379", set()),
        (f'redis-server --replicaof "{_P54B} 6379"', {"RES-015"}),
        (f"valkey-server /etc/valkey/valkey.conf --replicaof '{_P54B} 6379'", {"RES-015"}),
        ('redis-server --replicaof "10.0.3.9 6379"', set()),
        (f"printf 'replicaof %s 6379\\n' {_P54B} >> /etc/redis/redis.conf", {"RES-015"}),
        ("printf 'replicaof %s %s\\n' 10.0.3.9 6379 >> /etc/redis/redis.conf", set()),
        (f"sed -i '$a replicaof {_P54B} 6379' /etc/redis/redis.conf", {"RES-015"}),
        ("sed -i '$a replicaof 10.0.3.9 6379' /etc/redis/redis.conf", set()),
        # Postfix: postconf -e, a main.cf value continued on an indented line
        (f"postconf -e 'relayhost = [{_P54B}]:587'", {"RES-015"}),
        (f"postconf -c /etc/postfix-out -e relayhost=[{_P54B}]:587", {"RES-015"}),
        ("postconf -e 'relayhost = [10.0.3.25]:587' 'inet_interfaces = all'", set()),
        (f"postconf relayhost=[{_P54B}]", set()),  # without -e postconf prints the parameter
        (f"cat > /etc/postfix/main.cf <<'EOF'\nrelayhost =\n    [{_P54B}]:587\nEOF", {"RES-015"}),
        ("cat > /etc/postfix/main.cf <<'EOF'\nrelayhost =\n    [10.0.3.25]:587\nmydestination =\nEOF", set()),
        # resolvers: nginx `resolver`, Compose `dns`, docker run --dns (as resolv.conf's nameserver)
        ("cat > /etc/nginx/conf.d/a.conf <<'EOF'\nresolver 8.8.8.8 valid=30s ipv6=off;\nEOF", {"RES-015"}),
        ("cat > /etc/nginx/conf.d/a.conf <<'EOF'\nresolver 169.254.169.253 127.0.0.53:53 valid=10s;\nEOF", set()),
        (
            "cat > /opt/a/docker-compose.yml <<'EOF'\nservices:\n  a:\n    image: a:1\n    dns: 1.1.1.1\nEOF",
            {"RES-015"},
        ),
        ("cat > /opt/a/compose.yaml <<'EOF'\nservices:\n  a:\n    image: a:1\n    dns: [169.254.169.253]\nEOF", set()),
        ("docker run -d --dns 8.8.8.8 fleet/app:1", {"RES-015"}),
        ("docker run -d --dns=169.254.169.253 fleet/app:1", set()),
        # rclone: an AWS remote without region or endpoint is in us-east-1
        ("cat > /root/.config/rclone/rclone.conf <<'EOF'\n[s3]\ntype = s3\nprovider = AWS\nEOF", {"RES-009"}),
        (
            "cat > /root/.config/rclone/rclone.conf <<'EOF'\n[s3]\ntype = s3\nprovider = AWS\nregion = eu-west-1\nEOF",
            set(),
        ),
        (
            "cat > /root/.config/rclone/rclone.conf <<'EOF'\n[c]\ntype = s3\nprovider = AWS\n"
            "endpoint = https://s3.eu-west-1.amazonaws.com\n[m]\ntype = s3\nprovider = Minio\nEOF",
            set(),
        ),
    ],
)
def test_config54b_config_file_grammars_are_read(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("/etc/filebeat/filebeat.yml", 'output.logstash:\n  hosts: ["{host}:5044"]'),
        ("/etc/vector/vector.yaml", "sinks:\n  agg:\n    type: vector\n    inputs: [j]\n    address: {host}:6000"),
        ("/opt/fleet/docker-compose.yml", "services:\n  api:\n    image: fleet/api:1\n    dns: [{host}]"),
    ],
)
def test_config54b_write_files_are_read_by_the_files_own_names(path: str, content: str) -> None:
    # config54b: a cloud-config's write_files content in YAML was walked by shape only: `hosts`, a sink's `address`
    # and Compose's `dns` (no key catalogue names) passed; they are read by the file's entry now.
    def config(host: str) -> str:
        body = "\n".join(f"      {line}" for line in content.format(host=host).splitlines())
        return f"#cloud-config\nwrite_files:\n  - path: {path}\n    content: |\n{body}\n"

    assert {f[0] for f in findings(config(_P54B), "EU", "aws")} == {"RES-015"}
    assert findings(config("10.0.3.20" if "compose" not in path else "169.254.169.253"), "EU", "aws") == []


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["replicaof", "REPLICAOF", "ReplicaOf", "replicaOf", "SLAVEOF", "SlaveOf"]), st.booleans())
def test_config54b_redis_commands_in_any_case(keyword: str, runtime: bool) -> None:
    # Redis looks commands and CONFIG parameters up case-insensitively: every spelling is the same command.
    def script(host: str) -> str:
        line = f'redis-cli config SET {keyword} "{host} 6379"' if runtime else f"redis-cli {keyword} {host} 6379"
        return f"#!/bin/bash\n{line}\n"

    assert {f[0] for f in findings(script(_P54B), "EU", "aws")} == {"RES-015"}
    assert findings(script("10.0.3.9"), "EU", "aws") == []


# lead (stop 54): a run-time value before a fixed domain in a URL's host is a placeholder under that domain, which
# decides (hostshape4's `https://${TENANT}.$DOMAIN/` with the stack's own API Gateway domain was RES-015 once scripts54
# filled DOMAIN in; the value as the last label still fails closed, a partner's domain is refused by the scan).
@pytest.mark.parametrize(
    ("domain", "expected"),
    [
        ("execute-api.eu-west-1.amazonaws.com", []),
        ("execute-api.eu-west-1.amazonaws.com:8443", []),
        ("collector.partner.example.com", ["RES-015"]),
        ("execute-api.us-east-1.amazonaws.com", ["RES-006", "RES-006"]),  # the URL and the assignment
    ],
)
def test_a_run_time_value_before_a_fixed_domain_is_judged_by_the_domain(domain: str, expected: list[str]) -> None:
    script = f'T=$(cat /etc/fleet/tenant)\nD={domain}\ncurl -sf -d @f "https://${{T}}.$D/ingest"\n'
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


def test_a_run_time_value_as_the_hosts_last_label_still_fails_closed() -> None:
    found = findings('#!/bin/bash\nD=$(cat /etc/fleet/domain)\ncurl -sf -d @f "https://ingest.$D/x"\n', "EU", "aws")
    assert [rule for rule, _, _ in found] == ["RES-015"], found


# lead (stop 54): a `for` loop over a command substitution (bash(1) "Command Substitution": the output is split into
# words) gives its variable the values the one evaluator computes, or fails closed at a destination argument when it
# cannot compute them (fnros54b found `for r in $(echo us-west-2); do aws s3 ls --region "$r"; done` passing every door
# in EU; each line but the home ones gave no finding on main 2cf852d).
@pytest.mark.parametrize(
    ("loop", "expected"),
    [
        ('for r in $(echo us-west-2); do aws s3 ls --region "$r"; done', ["RES-009"]),
        ("for r in `echo us-west-2`; do aws s3 ls --region $r; done", ["RES-009"]),
        ('for r in eu-west-1 $(echo us-west-2); do aws s3 ls --region "$r"; done', ["RES-009"]),
        ('for r in $(echo eu-west-1 eu-central-1); do aws s3 ls --region "$r"; done', []),
        ('for r in $(cat /etc/fleet/regions); do aws s3 ls --region "$r"; done', ["RES-011"]),
        ('for h in $(cat /etc/fleet/hosts); do psql -h "$h" -c "select 1"; done', ["RES-015"]),
        ('for f in $(ls /var/log/fleet); do gzip "/var/log/fleet/$f"; done', []),  # never at a destination
        (
            "for r in $(curl -s http://169.254.169.254/latest/meta-data/placement/region); do\n"
            '  aws s3 ls --region "$r"\ndone',
            [],
        ),  # the machine's own Region
        ("echo eu-west-1 > /etc/fleet/r\nfor r in $(cat /etc/fleet/r); do aws s3 ls --region $r; done", []),
        ("echo us-west-2 > /etc/fleet/r\nfor r in $(cat /etc/fleet/r); do aws s3 ls --region $r; done", ["RES-009"]),
    ],
)
def test_a_for_loop_over_a_command_substitution_gives_its_words(loop: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{loop}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


# config55 (stop 55): configuration grammars in user data, round 4. On main a7fee677 each offending script passed
# (redis CONFIG SET's later pairs, syslog-ng `@define` / `@include`, a Kubernetes ExternalName's `externalName`), and
# each own twin marked "was RES-015" below was refused (docker network connect / container: / --link names, a pod's
# private hostAliases, an ExternalName naming a Service of the same manifest).
_P55 = "db.partner-analytics.com"
_SNG = "cat > /etc/syslog-ng/conf.d/c.conf <<'EOF'\n{}\nEOF"
_K8S_BACKEND = (
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: backend\nspec:\n  selector:\n    app: api\n"
)


def _external_name(host: str) -> str:
    return (
        f"kubectl apply -f - <<'EOF'\n{_K8S_BACKEND}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n"
        f"  namespace: frontend\nspec:\n  type: ExternalName\n  externalName: {host}\nEOF"
    )


def _host_aliases(address: str) -> str:
    return (
        "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  hostAliases:\n"
        f'    - ip: "{address}"\n      hostnames: ["db.fleet"]\n  containers:\n    - name: api\n      image: a:1\n'
        "      env:\n        - name: DB_URL\n          value: postgres://db.fleet:5432/fleet\nEOF"
    )


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # redis 7: CONFIG SET parameter value [parameter value ...]
        (f'redis-cli CONFIG SET maxmemory 1gb replicaof "{_P55} 6379"', {"RES-015"}),
        (f'redis-cli config set maxmemory-policy allkeys-lru appendonly yes ReplicaOf "{_P55} 6379"', {"RES-015"}),
        ('redis-cli CONFIG SET maxmemory 1gb replicaof "10.0.3.9 6379"', set()),
        ("redis-cli CONFIG SET maxmemory-samples -1 save ''", set()),  # a value starting with `-` is no option
        (f"redis-cli CONFIG SET maxmemory {_P55}", set()),  # a value of another parameter names no host
        # syslog-ng: @define, an undefined name (the environment's), @include of a file the script writes
        (_SNG.format(f'@define c "{_P55}"\ndestination d {{ network("`c`" port(6514)); }};'), {"RES-015"}),
        (_SNG.format('@define c "10.0.3.20"\ndestination d { network("`c`" port(6514)); };'), set()),
        (_SNG.format('destination d { network("`c`" port(6514)); };'), {"RES-015"}),
        (
            _SNG.format(f'@define b "{_P55}"\ndestination d {{ network("10.0.3.20" failover(servers("`b`"))); }};'),
            {"RES-015"},
        ),
        (
            f"cat > /etc/fleet/d.inc <<'EOF'\ndestination d {{ network(\"{_P55}\"); }};\nEOF\n"
            "cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\n@include \"/etc/fleet/d.inc\"\nEOF",
            {"RES-015"},
        ),
        (
            "cat > /etc/syslog-ng/fleet.d/d.inc <<'EOF'\ndestination d { network(\"10.0.3.20\"); };\nEOF\n"
            "cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\n@include \"fleet.d\"\nEOF",
            set(),
        ),
        (
            "cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\n@define c \"10.0.3.20\"\n"
            '@include "/etc/syslog-ng/conf.d/*.conf"\nEOF\n' + _SNG.format('destination d { network("`c`"); };'),
            set(),
        ),  # defined in syslog-ng.conf, used in a conf.d file: one configuration
        # Kubernetes: ExternalName judged where written; a Service of the same manifest is that Service (was RES-015)
        (_external_name(_P55), {"RES-015"}),
        (_external_name(f'"{_P55}"'), {"RES-015"}),
        (_external_name("api.backend.svc.cluster.local"), set()),
        (_external_name("fleet.c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com"), set()),
        (_external_name("api.other.svc.cluster.local"), {"RES-015"}),  # no Service of the manifest
        # a pod's hostAliases: a private address defines the name for the manifest (was RES-015), a public one not
        (_host_aliases("10.0.3.9"), set()),
        (_host_aliases("203.0.113.10"), {"RES-015"}),
    ],
)
def test_config55_config_file_grammars_are_read(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # docker network connect: the container's name and --alias on the network's run lines (was RES-015)
        (
            "docker network create fleet\ndocker run -d --name fleet-db postgres:16\n"
            "docker network connect --alias db fleet fleet-db\n"
            "docker run -d --network fleet -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1",
            set(),
        ),
        (
            "docker network create fleet\ndocker run -d --name fleet-db postgres:16\n"
            "docker network connect --alias=db fleet fleet-db\ndocker run -d --network fleet "
            "-e CACHE=redis://fleet-db:6379/0 -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1",
            set(),
        ),
        (
            "docker network create fleet\ndocker run -d --name fleet-db postgres:16\n"
            "docker network connect --alias db fleet fleet-db\ncurl http://db:5432/",
            {"RES-015"},
        ),  # the machine's own command
        (
            "docker run -d --name fleet-db postgres:16\ndocker network connect --alias db shared fleet-db\n"
            "docker run -d --network shared -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1",
            {"RES-015"},
        ),  # a network the script does not create
        # --network container:X is on X's network (was RES-015)
        (
            "docker network create fleet\ndocker run -d --network fleet --name fleet-db postgres:16\n"
            "docker run -d --network fleet --name api a:1\n"
            "docker run -d --network container:api -e DATABASE_URL=postgres://fleet@fleet-db:5432/fleet b:1",
            set(),
        ),
        (
            "docker network create fleet\ndocker run -d --network fleet --name fleet-db postgres:16\n"
            "docker run -d --name api a:1\n"
            "docker run -d --network container:api -e DATABASE_URL=postgres://fleet@fleet-db:5432/fleet b:1",
            {"RES-015"},
        ),  # api is on the default bridge: no names
        # --link NAME:ALIAS to a container the script runs, on the linking line only (was RES-015)
        (
            "docker run -d --name fleet-db postgres:16\n"
            "docker run -d --link fleet-db:db -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1",
            set(),
        ),
        ("docker run -d --link fleet-db:db -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1", {"RES-015"}),
        (
            "docker run -d --name fleet-db postgres:16\ndocker run -d --link fleet-db:db a:1\ncurl http://db:5432/",
            {"RES-015"},
        ),
    ],
)
def test_config55_docker_names_from_connect_container_and_link(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["maxmemory 1gb", "appendonly yes", "save ''", "maxmemory-samples -1"]), max_size=3))
def test_config55_config_set_reads_replicaof_among_any_pairs(pairs: list[str]) -> None:
    # config55: wherever the replicaof pair stands among other pairs, its host is judged, and only it
    def script(host: str) -> str:
        return f"#!/bin/bash\nredis-cli CONFIG SET {' '.join(pairs)} replicaof '{host} 6379'\n"

    assert {f[0] for f in findings(script(_P55), "EU", "aws")} == {"RES-015"}
    assert findings(script("10.0.3.9"), "EU", "aws") == []


# falsealarm55 (stop 55): a JSON policy document's `"Principal": {"Service": ...}` written in a script's free text (a
# trust policy file given as `file://`, a document inline in a double-quoted word) names the service the role trusts,
# never a host: on main a7fee677 each compliant line was RES-015 at the whole-text scan. The same host under another key
# (an app's own "Service", a "Principal" with no Service key) is judged as before.
def _trust55(principal: str) -> str:
    """An IAM trust policy whose statement's Principal is ``principal``."""
    statement = '{"Effect": "Allow", "Principal": ' + principal + ', "Action": "sts:AssumeRole"}'
    return '{"Version": "2012-10-17", "Statement": [' + statement + "]}"


def _file55(document: str) -> str:
    """A here-document writing ``document`` to a file."""
    return "cat > /tmp/t.json <<'EOF'\n" + document + "\nEOF\n"


_LAMBDA55 = _trust55('{\n  "Service": "lambda.amazonaws.com"\n}')
_INLINE55 = _trust55('{"Service": "lambda.amazonaws.com"}').replace('"', '\\"')
_RAM55 = '{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["fc.aliyuncs.com"]}}]}'


@pytest.mark.parametrize(
    ("text", "cloud", "expected"),
    [
        (_file55(_trust55('{"Service": "ec2.amazonaws.com"}')), "aws", []),
        (_file55(_trust55('{"Service": ["ec2.amazonaws.com", "ssm.amazonaws.com"]}')), "aws", []),
        ("echo '" + _LAMBDA55 + "' > /tmp/t.json\n", "aws", []),
        ('aws iam create-role --role-name r --assume-role-policy-document "' + _INLINE55 + '"\n', "aws", []),
        (_file55(_RAM55) + 'aliyun ram CreateRole --RoleName r --AssumeRolePolicyDocument "$(cat /tmp/t.json)"\n',
         "alicloud", []),
        # The same hosts under no Principal's Service key: judged as before.
        ("""echo '{"Service": "sqs.amazonaws.com", "queue": "fleet"}' > /etc/fleet/q.json\n""", "aws",
         ["sqs.amazonaws.com"]),
        ("""echo '{"Principal": {"AWS": "*"}, "Endpoint": "sqs.amazonaws.com"}' > /etc/fleet/q.json\n""", "aws",
         ["sqs.amazonaws.com"]),
        ("""echo '{"Principal": {"Service": "ec2.amazonaws.com"}}' > /tmp/t.json\ncurl https://sts.amazonaws.com/\n""",
         "aws", ["sts.amazonaws.com"]),
    ],
)  # fmt: skip
def test_falsealarm55_a_policy_documents_service_principal_in_free_text(
    text: str, cloud: Cloud, expected: list[str]
) -> None:
    code = "EU" if cloud == "aws" else "CN"
    found = findings(f"#!/bin/bash\n{text}", code, cloud)
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


# falsealarm55 (stop 55): a RAM principal `acs:ram::$OWNER:root` in an aliyun CLI policy document, OWNER set only from
# the ECS metadata's `owner-account-id`, is the instance's own account (the lead's stop-54 reading of an owner
# parameter): RES-023 on main a7fee677. OWNER from a parameter, never set, or also set to a literal stays RES-023.
_OWNER55 = "OWNER=$(curl -s http://100.100.100.200/latest/meta-data/owner-account-id)\n"
_ROLE55 = (
    'aliyun ram CreateRole --RoleName ops --AssumeRolePolicyDocument "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",'
    '\\"Action\\":\\"sts:AssumeRole\\",\\"Principal\\":{\\"RAM\\":[\\"acs:ram::$OWNER:root\\"]}}],\\"Version\\":\\"1\\"}"\n'
)


@pytest.mark.parametrize(
    ("script", "refused"),
    [
        (_OWNER55 + _ROLE55, False),
        (_OWNER55 + _ROLE55.replace("$OWNER", "${OWNER}"), False),
        (_OWNER55 + "cat > /tmp/t.json <<EOF\n"
         '{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::$OWNER:root"]}}]}\n'
         'EOF\naliyun ram CreateRole --RoleName ops --AssumeRolePolicyDocument "$(cat /tmp/t.json)"\n', False),
        (_ROLE55, True),  # never set
        ("OWNER=$(aliyun oos GetParameter --Name hub | jq -r .Parameter.Value)\n" + _ROLE55, True),
        (_OWNER55 + "[ -f /etc/hub ] && OWNER=5555666677778888\n" + _ROLE55, True),
    ],
)  # fmt: skip
def test_falsealarm55_a_ram_principal_of_the_metadatas_owner_account(script: str, refused: bool) -> None:
    found = findings(f"#!/bin/bash\n{script}", "CN", "alicloud")
    assert ("RES-023" in {rule for rule, _, _ in found}) is refused, found


# falsealarm55 (stop 55): `docker network connect [--alias A] NET CONTAINER` (docker network connect: "Once connected,
# the container can communicate with other containers in the same network"): a container run on no network and
# attached to one network the script creates is on it. On main a7fee677 the first two were RES-015 at the scan.
_CONNECT55 = (
    "docker network create fleet\ndocker run -d --network fleet --name fleet-db postgres:16\n"
    "docker run -d --name api -e DATABASE_URL=postgres://fleet@fleet-db:5432/fleet app:1\n"
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("docker network connect fleet api\n", []),
        ("docker network connect --alias web --ip 172.18.0.9 fleet api\n", []),
        ("", ["fleet-db"]),  # never connected: the default bridge
        ("docker network connect shared api\n", ["fleet-db"]),  # a network the script does not create
        ("docker network connect fleet worker\n", ["fleet-db"]),  # another container
        ("docker network connect fleet api\ndocker network connect shared api\n", ["fleet-db"]),  # two networks
        ("docker network connect --bogus x fleet api\n", ["fleet-db"]),  # an option not catalogued: nothing read
        ("docker network connect fleet api\ncurl http://fleet-db:5432/\n", ["fleet-db"]),  # the machine itself
    ],
)  # fmt: skip
def test_falsealarm55_a_container_attached_by_docker_network_connect(lines: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{_CONNECT55}{lines}", "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


def test_falsealarm55_a_connects_alias_names_the_container_on_its_network() -> None:
    script = (
        "docker network create fleet\ndocker run -d --name db postgres:16\ndocker network connect --alias pg fleet db\n"
        "docker run -d --network fleet --name api -e DATABASE_URL=postgres://fleet@pg:5432/fleet -e DB_HOST=db app:1\n"
    )
    assert findings(f"#!/bin/bash\n{script}", "EU", "aws") == []
    assert {v for _, _, v in findings(f"#!/bin/bash\n{script}curl http://pg:5432/\n", "EU", "aws")} == {"pg"}


# falsealarm55 (stop 55): the two readers this round added never fail on any text made of their own words (a crash would
# stop every door); each answers a set of the text's own words.
_WORDS55 = ["docker", "network", "connect", "create", "run", "--alias", "--ip", "--name", "--network", "fleet", "api",
            "-d", "=", "'", '"', "\n", ";", "&&", "\\\n", "{", "}", "[", "]", ":", ",", "Principal", "Service",
            "ec2.amazonaws.com", "\\"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS55), max_size=40).map(" ".join))
def test_falsealarm55_the_new_readers_never_crash(text: str) -> None:
    from components.residency.engine import _policy_service_principals
    from components.residency.service_names import network_spans

    assert _policy_service_principals(text) <= {"ec2.amazonaws.com"}
    compose = load_endpoints().service_names
    assert compose is not None
    for _, _, names in network_spans(text, compose.compose):
        assert names <= {w.lower() for w in _WORDS55}


# mutation55 (stop 55): stop 54's shell readers spelled another way. bash(1) "read" ("The characters in the value of
# the IFS variable are used to split the line into words"; `-a aname`: "The words are assigned to sequential indices
# of the array variable aname"), "Here Strings", the grammar's `for NAME newline_list in`, "Arrays" over several lines
# (a `#` word starting a comment), a backslash-newline continuing an edit command (postconf -e). On main a7fee677 each
# offending line passed (no finding); each twin passes.
_COPY55 = "aws ec2 copy-snapshot --source-region eu-west-1 --source-snapshot-id snap-1 --region"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'while IFS=, read -r app r; do {_COPY55} "$r"; done <<EOF\nfleet,us-west-2\nEOF', ["RES-009"]),
        (f'while IFS=, read -r app r; do {_COPY55} "$r"; done <<EOF\nfleet,eu-central-1\nEOF', []),
        (f'while IFS=: read -r app r; do {_COPY55} "$r"; done <<< "fleet:us-west-2"', ["RES-009"]),
        (f"while IFS=$'\\t' read -r app r; do {_COPY55} \"$r\"; done <<< 'fleet\tus-west-2'", ["RES-009"]),
        ("while IFS=' ' read -r n h; do psql -h \"$h\" -c 'select 1'; done <<'EOF'\n"
         "primary db.partner.example.com\nEOF", ["RES-015"]),
        ("while IFS=' ' read -r n h; do psql -h \"$h\" -c 'select 1'; done <<'EOF'\nprimary 10.0.3.9\nEOF", []),
        (f'read -r APP R <<< "fleet us-west-2"\n{_COPY55} "$R"', ["RES-009"]),
        (f'read -r APP R <<< "fleet eu-central-1"\n{_COPY55} "$R"', []),
        (f'IFS=, read -r APP R <<< "fleet,us-west-2"\n{_COPY55} "$R"', ["RES-009"]),
        (f'read -r -a RS <<< "eu-west-1 us-west-2"\n{_COPY55} "${{RS[1]}}"', ["RES-009"]),
        (f'read -r -a RS <<< "eu-west-1 us-west-2"\n{_COPY55} "${{RS[0]}}"', []),
        (f"for r\nin eu-central-1 us-west-2\ndo\n  {_COPY55} $r\ndone", ["RES-009"]),
        (f"for r\nin eu-central-1 eu-west-1\ndo\n  {_COPY55} $r\ndone", []),
        (f'RS=(\n  eu-central-1  # ours\n  us-west-2\n)\nfor r in "${{RS[@]}}"; do {_COPY55} "$r"; done', ["RES-009"]),
        (f'RS=(\n  eu-central-1  # ours, us-west-2 is not\n  eu-west-1\n)\n'
         f'for r in "${{RS[@]}}"; do {_COPY55} "$r"; done', []),
        ("postconf -e 'relayhost = [db.partner.example.com]:587' \\\n  'smtp_tls_security_level = encrypt'",
         ["RES-015"]),
        ("postconf -e 'relayhost = [10.0.3.9]:587' \\\n  'smtp_tls_security_level = encrypt'", []),
        # stunnel's file for the Redis link it wraps, named redis.conf in stunnel's directory (read as redis.conf's
        # words before: no finding)
        ("cat > /etc/stunnel/redis.conf <<'EOF'\n[redis]\nclient=yes\nconnect=db.partner.example.com:6380\nEOF",
         ["RES-015"]),
        ("cat > /etc/stunnel/redis.conf <<'EOF'\n[redis]\nclient = yes\nconnect = 10.0.3.9:6380\nEOF", []),
        # still redis.conf's words elsewhere
        ("cat > /etc/redis/redis.conf <<'EOF'\nreplicaof db.partner.example.com 6379\nEOF", ["RES-015"]),
    ],
)  # fmt: skip
def test_mutation55_ifs_here_strings_loops_and_continued_edits(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


@pytest.mark.parametrize(
    ("written", "line", "names", "fields"),
    [
        (None, "  a  b c ", 2, ["a", "b c "]),
        (",", "fleet,us-west-2", 2, ["fleet", "us-west-2"]),
        (",", "a,b,c", 2, ["a", "b,c"]),
        ("' '", "  a  b ", 2, ["a", "b"]),
        ("$'\\t'", "a\tb", 2, ["a", "b"]),
        ('", "', " a , b ", 2, ["a", "b"]),
        ("", "a b", 2, ["a b"]),
        ("$SEP", "a b", 2, ["a", "b"]),  # an expansion: bash's default read (blanks)
    ],
)
def test_mutation55_read_splits_a_line_by_its_ifs(
    written: str | None, line: str, names: int, fields: list[str]
) -> None:
    assert ifs_fields(line, ifs_value(written), names) == fields


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="abcdefghij-0123456789", min_size=1, max_size=8), min_size=1, max_size=5),
    st.sampled_from([",", ":", "|", ";"]),
    st.integers(min_value=1, max_value=6),
)
def test_mutation55_a_one_character_ifs_splits_as_bash_does(words: list[str], sep: str, names: int) -> None:
    # bash(1): each non-blank IFS character delimits a field; the last name takes the rest with its separators.
    expected = [*words[: names - 1], sep.join(words[names - 1 :])] if len(words) >= names else words
    assert ifs_fields(sep.join(words), ifs_value(sep), names) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("redis-cli -p 26379 SENTINEL MONITOR fleet db.partner.example.com 6379 2",
         [("redis-cli SENTINEL MONITOR", "db.partner.example.com")]),
        ("redis-cli -p 26379 sentinel monitor fleet db.partner.example.com 6379 2",
         [("redis-cli sentinel monitor", "db.partner.example.com")]),  # any case: the command as written
        ("redis-cli Sentinel Monitor fleet db.partner.example.com 6379 2",
         [("redis-cli Sentinel Monitor", "db.partner.example.com")]),
        ("valkey-cli -p 26379 SENTINEL MONITOR fleet 10.0.3.9 6379 2", [("valkey-cli SENTINEL MONITOR", "10.0.3.9")]),
        ("redis-cli -p 26379 SENTINEL MASTERS", []),
    ],
)  # fmt: skip
def test_mutation55_sentinel_monitor_names_its_primary(line: str, expected: list[tuple[str, str]]) -> None:
    # redis.io "High availability with Redis Sentinel": SENTINEL MONITOR <name> <ip> <port> <quorum>.
    assert hosts(line) == expected


# mutation55 (stop 55): a `while read` loop fed by a pipe (bash(1) "Pipelines": the first command's output is the
# loop's input) reads the lines the one evaluator computes for the command before the `|`, else holds `$(COMMAND)`
# apart (fail closed at a destination only). On main a7fee677 the RES-009 / RES-011 lines passed.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"printf '%s\\n' eu-central-1 us-west-2 | while read -r r; do {_COPY55} \"$r\"; done", ["RES-009"]),
        (f"printf '%s\\n' eu-central-1 eu-west-1 | while read -r r; do {_COPY55} \"$r\"; done", []),
        (f"RS=us-west-2\necho \"$RS\" | while read -r r; do {_COPY55} \"$r\"; done", ["RES-009"]),
        (f"echo 'fleet,us-west-2' | while IFS=, read -r a r; do {_COPY55} \"$r\"; done", ["RES-009"]),
        (f"cat /etc/fleet/regions | while read -r r; do {_COPY55} \"$r\"; done", ["RES-011"]),
        (f"echo eu-west-1 > /etc/fleet/r\ncat /etc/fleet/r | while read -r r; do {_COPY55} \"$r\"; done", []),
        (f"curl -s http://169.254.169.254/latest/meta-data/placement/region | while read -r r; do {_COPY55} $r; done",
         []),
        ('ls /var/log/fleet | while read -r f; do gzip "/var/log/fleet/$f"; done', []),  # never at a destination
    ],
)  # fmt: skip
def test_mutation55_a_while_read_loop_fed_by_a_pipe_reads_its_lines(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


# scripts55 (stop 55): shell expansions the one reader did not compute (bash(1) "Special Parameters" `$@` / `$*`, the
# shift builtin, "Arrays" `name[subscript]=value`, read -a, mapfile / readarray, "Brace Expansion" outside a loop's
# words and sequences, `$(cat <<EOF ...)`) and the command `docker run` gives a container. Each offending line gave no
# finding on main a7fee677; the home / own / unused twins pass.
_RETAIN = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'retain() {{\n  {_RETAIN} --region "$1"\n}}\nrun() {{\n  retain "$@"\n}}\nrun us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN} --region "$1"\n}}\nrun() {{\n  retain "$@"\n}}\nrun eu-central-1', []),
        (f'retain() {{\n  {_RETAIN} --region "$1"\n}}\nrun() {{\n  retain $*\n}}\nrun us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN} --region "$2"\n}}\nrun() {{\n  retain x "$@"\n}}\nrun us-west-2', ["RES-009"]),
        (f'retain() {{\n  shift\n  {_RETAIN} --region "$1"\n}}\nretain fleet us-west-2', ["RES-009"]),
        (f'retain() {{\n  shift\n  {_RETAIN} --region "$1"\n}}\nretain us-west-2 eu-central-1', []),
        (f'retain() {{\n  shift 2\n  {_RETAIN} --region "$1"\n}}\nretain a b us-west-2', ["RES-009"]),
        (
            'main() {\n  while [ $# -gt 0 ]; do\n    case "$1" in\n      --region) R="$2"; shift 2 ;;\n'
            f'      *) shift ;;\n    esac\n  done\n  {_RETAIN} --region "$R"\n}}\nmain --verbose --region us-west-2',
            ["RES-009"],
        ),  # an option loop: after a shift in a loop every position may hold every word
        (f'set -- eu-central-1 us-west-2\nfor r in "$@"; do {_RETAIN} --region "$r"; done', ["RES-009"]),
        (f'set -- eu-central-1 eu-west-1\nfor r in "$@"; do {_RETAIN} --region "$r"; done', []),
        (f'f() {{\n  for r in "$@"; do {_RETAIN} --region "$r"; done\n}}\nf eu-west-1 us-west-2', ["RES-009"]),
        (f'f() {{\n  for r in "$@"; do {_RETAIN} --region "$r"; done\n}}\nf $(cat /etc/fleet/r)', ["RES-011"]),
    ],
)
def test_scripts55_positional_parameters_passed_on_and_shifted(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'R[0]=eu-west-1\nR[1]=us-west-2\n{_RETAIN} --region "${{R[1]}}"', ["RES-009"]),
        (f'R[0]=eu-west-1\nR[1]=us-west-2\n{_RETAIN} --region "${{R[0]}}"', []),
        (f'R=(eu-west-1 us-west-2)\nfor i in 0 1; do {_RETAIN} --region "${{R[$i]}}"; done', ["RES-009"]),
        (f'R=(eu-west-1 eu-central-1)\nfor i in 0 1; do {_RETAIN} --region "${{R[i]}}"; done', []),
        (f'read -r -a R <<< "eu-west-1 us-west-2"\n{_RETAIN} --region "${{R[1]}}"', ["RES-009"]),
        (f'read -ra R <<< "eu-west-1 us-west-2"\nfor r in "${{R[@]}}"; do {_RETAIN} --region "$r"; done', ["RES-009"]),
        (f'read -r -a R <<< "eu-west-1 us-west-2"\n{_RETAIN} --region "${{R[0]}}"', []),
        (f'mapfile -t R <<EOF\neu-west-1\nus-west-2\nEOF\n{_RETAIN} --region "${{R[1]}}"', ["RES-009"]),
        (f'readarray -t R <<EOF\neu-west-1\nus-west-2\nEOF\n{_RETAIN} --region "${{R[0]}}"', []),
        (f'mapfile -t R <<< "us-west-2"\n{_RETAIN} --region "${{R[0]}}"', ["RES-009"]),
        ('mapfile -t R <<< "us-west-2"\necho "${R[0]}"', []),  # never at a destination
    ],
)
def test_scripts55_array_elements_however_filled(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"{_RETAIN} --region={{us-west-2,eu-west-1}}", ["RES-009"]),  # --region=us-west-2 --region=eu-west-1
        (f"{_RETAIN} --region={{eu-central-1,eu-west-1}}", []),
        (f"{_RETAIN} --region {{us-west-2,eu-west-1}}", ["RES-009"]),  # the option's value is the first word
        (f"{_RETAIN} --region {{eu-west-1,us-west-2}}", []),  # us-west-2 is an operand, no Region
        (f'{_RETAIN} --region="{{us-west-2,eu-west-1}}"', []),  # quoted: not expanded (the CLI refuses the word)
        (f'for r in us-west-{{1..2}}; do {_RETAIN} --region "$r"; done', ["RES-009", "RES-009"]),
        (f'for r in eu-south-{{1..2}}; do {_RETAIN} --region "$r"; done', []),
        (f'for n in {{1..2}}; do {_RETAIN} --region "us-west-$n"; done', ["RES-009", "RES-009"]),
        ("R=$(cat <<EOF\nus-west-2\nEOF\n)\n" + _RETAIN + ' --region "$R"', ["RES-009"]),
        ('R="$(cat <<EOF\nus-west-2\nEOF\n)"\n' + _RETAIN + ' --region "$R"', ["RES-009"]),
        ("R=$(cat <<'EOF'\neu-west-1\nEOF\n)\n" + _RETAIN + ' --region "$R"', []),
        ("X=us-west-2\nR=$(cat <<EOF\n$X\nEOF\n)\n" + _RETAIN + ' --region "$R"', ["RES-009"]),
        ('H=$(cat <<EOF\ndb.partner.example.com\nEOF\n)\npsql -h "$H" -U app', ["RES-015"]),
    ],
)
def test_scripts55_brace_expansion_and_cat_heredocs(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("docker run --rm -v /l:/l amazon/aws-cli logs describe-log-groups --region us-west-2", ["RES-009"]),
        ("docker run --rm -v /l:/l amazon/aws-cli:2.22.0 logs describe-log-groups --region eu-west-1", []),
        ("docker run --rm public.ecr.aws/aws-cli/aws-cli logs describe-log-groups --region us-west-2", ["RES-009"]),
        ("docker run --rm --entrypoint aws python:3.12 logs describe-log-groups --region us-west-2", ["RES-009"]),
        ("docker run --rm -h fleet postgres:16 psql -h db.partner.example.com -U app", ["RES-015"]),
        ("docker run --rm -h fleet postgres:16 psql -h 10.0.1.15 -U app", []),
        ("docker create --name nightly postgres:16 pg_dump -h db.partner.example.com fleet", ["RES-015"]),
        ('docker run -d -h web nginx:1.27 -g "daemon off;"', []),  # nginx's own options, no destination
        ("docker run -d --log-opt awslogs-region=us-west-2 nginx:1.27", ["RES-009"]),  # scripts50's, kept
    ],
)
def test_scripts55_the_command_a_container_runs(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


def test_scripts55_brace_sequences() -> None:
    assert brace_expanded("us-west-{1..2}") == ["us-west-1", "us-west-2"]
    assert brace_expanded("ap-northeast-{1..3..2}") == ["ap-northeast-1", "ap-northeast-3"]
    assert brace_expanded("node{01..03}") == ["node01", "node02", "node03"]
    assert brace_expanded("{c..a}") == ["c", "b", "a"]
    assert brace_expanded("${A},{b,c}") == ["${A},b", "${A},c"]  # `${` is no brace expansion
    assert brace_expanded("{1..a}") == ["{1..a}"]  # mixed ends: not a sequence
    assert brace_expanded("{1..100}") == ["{1..100}"]  # beyond the bound: left whole


# The lead (stop 55): a substitution the evaluator cannot compute, reading a variable the script gives a literal, is
# unknown whatever its command (fnros55 had this for text filters): `$(aws ssm get-parameter --name /dr/$N/region)`
# passed every door, the same lookup naming no variable was RES-011. A variable the metadata fills keeps its value.
@pytest.mark.parametrize(
    ("lookup", "refused"),
    [
        ("N=prod\nR=$(aws ssm get-parameter --name /dr/$N/region --query Parameter.Value --output text)\n", True),
        ("R=$(aws ssm get-parameter --name /dr/prod/region --query Parameter.Value --output text)\n", True),
        ("AZ=$(curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone)\n"
         "R=$(echo $AZ | sed 's/[a-z]$//')\n", False),
    ],
)  # fmt: skip
def test_lead55_a_substitution_over_a_literal_variable_is_unknown(lookup: str, refused: bool) -> None:
    script = (
        f'#!/bin/bash\n{lookup}aws logs put-retention-policy --log-group-name /a --retention-in-days 7 --region "$R"\n'
    )
    assert ("RES-011" in {rule for rule, _, _ in findings(script, "EU", "aws")}) is refused


# scripts55b (stop 55): what round 11 left unread. A function's `$1` in a URL's host (the leak falsealarm55 found),
# `"$@"` / `$*` written as a command's own words (a wrapper passing options on, a retry loop running its arguments,
# `set --`), explicit array indexes, `mapfile` / `read -a` fed by a file, a process substitution or a substitution,
# and the command `docker exec`, `podman run` / `exec` and `kubectl run` / `exec` give a container.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('notify() { curl -fsS -X POST "http://$1:8080/hooks/boot"; }\nnotify db.partner.example.com', ["RES-015"]),
        ('notify() { curl -fsS -X POST "http://$1:8080/hooks/boot"; }\nnotify 10.0.1.15', []),
        ('get() {\n  curl -fsS "https://${1}/x" -o /tmp/x\n}\nget db.partner.example.com', ["RES-015"]),
        ('get() { curl -fsS "https://$1/x" -o /tmp/x; }\nget "$(aws ssm get-parameter --name /h)"', ["RES-015"]),
        ('get() { curl -fsS "https://$1/x" -o /tmp/x; }', []),  # never called: a placeholder, as an unset variable
        ('curl -fsS "https://$1/x"', []),  # the script's own arguments: not in the document
        ("ping() { redis-cli -h $1 ping; }\nping cache.partner.example.com", ["RES-015"]),  # scripts54b's, pinned
        ('awk \'{print "http://"$1"/x"}\' /etc/fleet/hosts', []),  # awk's field, in single quotes
    ],
)
def test_scripts55b_a_function_s_positional_parameter_in_a_url(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'retain() {{\n  {_RETAIN} "$@"\n}}\nretain --region us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_RETAIN} "$@"\n}}\nretain --region eu-west-1', []),
        (f"retain() {{ {_RETAIN} $*; }}\nretain --region us-west-2", ["RES-009"]),
        (f'retain() {{ {_RETAIN} "${{@}}"; }}\nrun() {{ retain "$@"; }}\nrun --region us-west-2', ["RES-009"]),
        (
            f'retry() {{\n  for n in 1 2 3; do\n    "$@" && return 0\n  done\n}}\nretry {_RETAIN} --region us-west-2',
            ["RES-009"],
        ),
        (f'retry() {{\n  for n in 1 2 3; do\n    "$@" && return 0\n  done\n}}\nretry {_RETAIN} --region eu-west-1', []),
        ('pg() { psql "$@" -U app -c "select 1"; }\npg -h db.partner.example.com', ["RES-015"]),
        ('pg() { psql "$@" -U app -c "select 1"; }\npg -h 10.0.1.15', []),
        (f'set -- --region us-west-2\n{_RETAIN} "$@"', ["RES-009"]),
        (f'set -- --region eu-west-1\n{_RETAIN} "$@"', []),
        ('log() { echo "$(date) $*" >> /var/log/boot.log; }\nlog syncing to us-west-2', []),  # text, no destination
        (f'for r in "$@"; do {_RETAIN} --region "$r"; done', []),  # the script's own arguments: not in the document
        (f'retain() {{ [ "$#" -ge 1 ] || return 2; {_RETAIN} --region "$1"; }}\nretain eu-west-1', []),  # a count
    ],
)
def test_scripts55b_all_positional_parameters_as_a_command_s_words(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


def test_scripts55b_all_positional_expanded_writes_each_call_out() -> None:
    script = 'pg() { psql "$@" -U app -c "select 1"; }\npg -h a.example.com\npg -h b.example.com'
    expanded = all_positional_expanded(script)
    assert expanded.startswith(script)  # the script's own text and offsets are kept
    assert expanded[len(script) :].split("\n")[1:] == [
        'psql -h a.example.com -U app -c "select 1"',
        'psql -h b.example.com -U app -c "select 1"',
    ]
    assert all_positional_expanded("echo $HOME") == "echo $HOME"  # no "$@": the text itself
    assert all_positional_expanded('for r in "$@"; do echo "$r"; done') == 'for r in "$@"; do echo "$r"; done'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'R=([1]=us-west-2)\n{_RETAIN} --region "${{R[1]}}"', ["RES-009"]),
        (f'R=([0]=eu-west-1 [1]=eu-central-1)\n{_RETAIN} --region "${{R[1]}}"', []),
        (f'R=([3]=eu-west-1 us-west-2)\n{_RETAIN} --region "${{R[4]}}"', ["RES-009"]),  # the index after [3]
        (f'R=([3]=eu-west-1 us-west-2)\n{_RETAIN} --region "${{R[3]}}"', []),
        (
            f'cat > /etc/r <<EOF\neu-west-1\nus-west-2\nEOF\nmapfile -t R < /etc/r\n{_RETAIN} --region "${{R[1]}}"',
            ["RES-009"],
        ),
        (f'cat > /etc/r <<EOF\neu-west-1\nus-west-2\nEOF\nmapfile -t R < /etc/r\n{_RETAIN} --region "${{R[0]}}"', []),
        (f'echo "eu-west-1 us-west-2" > /tmp/r\nread -r -a R < /tmp/r\n{_RETAIN} --region "${{R[1]}}"', ["RES-009"]),
        (f'mapfile -t R < /etc/fleet/regions\n{_RETAIN} --region "${{R[0]}}"', ["RES-011"]),  # not written: unknown
        (f'mapfile -t R < <(aws ssm get-parameter --name /r)\n{_RETAIN} --region "${{R[0]}}"', ["RES-011"]),
        (f'read -r -a R <<< "$(aws ssm get-parameter --name /r)"\n{_RETAIN} --region "${{R[0]}}"', ["RES-011"]),
        (f'R=($(aws ssm get-parameter --name /r))\n{_RETAIN} --region "${{R[1]}}"', ["RES-011"]),
        (f'R=($(echo eu-west-1 us-west-2))\n{_RETAIN} --region "${{R[1]}}"', ["RES-009"]),
        (f'R=($(echo eu-west-1 us-west-2))\n{_RETAIN} --region "${{R[0]}}"', []),
        (
            "mapfile -t R < <(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
            f'{_RETAIN} --region "${{R[0]}}"',
            [],
        ),  # the machine's own Region
        ('mapfile -t H < <(aws ssm get-parameter --name /h)\npsql -h "${H[0]}" -U app', ["RES-015"]),
        ('mapfile -t LINES < <(aws ssm get-parameter --name /r)\necho "${#LINES[@]} lines"', []),  # no destination
    ],
)
def test_scripts55b_array_items_by_index_file_and_substitution(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("docker run postgres:16 psql -h db.partner.example.com -U app", ["RES-015"]),  # no option: raised before
        ("docker exec fleet-cli aws logs describe-log-groups --region us-west-2", ["RES-009"]),
        ("docker exec -e AWS_PAGER= -u 0 fleet-cli aws logs describe-log-groups --region eu-west-1", []),
        ("docker exec -it fleet-db psql -h db.partner.example.com -U app", ["RES-015"]),
        ("podman run --rm public.ecr.aws/aws-cli/aws-cli logs describe-log-groups --region us-west-2", ["RES-009"]),
        ("podman run --rm --pull=missing amazon/aws-cli logs describe-log-groups --region eu-west-1", []),
        ("podman create --name n --pod fleet postgres:16 psql -h db.partner.example.com", ["RES-015"]),
        ("podman exec -w /srv fleet-db psql -h 10.0.1.15 -U app", []),
        ("podman run --rm --dns 8.8.8.8 alpine:3.20 true", ["RES-015"]),  # the container's resolver, as docker's
        (
            "kubectl run r --image=amazon/aws-cli:2.22.0 --restart=Never -- logs list-tags --region us-west-1",
            ["RES-009"],
        ),
        ("kubectl run r --image amazon/aws-cli -- logs describe-log-groups --region eu-west-1", []),
        ("kubectl run p --image=postgres:16 --command -- psql -h db.partner.example.com -U app", ["RES-015"]),
        ("kubectl run p --image=postgres:16 -- psql -h db.partner.example.com -U app", ["RES-015"]),  # args
        ("kubectl run n --image=nginx:1.27 --port=80", []),  # no command
        ("kubectl exec -n fleet deploy/api -c api -- curl -fsS http://10.0.1.15:8080/health", []),
        ("kubectl exec deploy/api -- psql -h db.partner.example.com -U app", ["RES-015"]),
        ("kubectl run r --image=amazon/aws-cli --command -- sleep 3600", []),  # --command: no entrypoint
    ],
)
def test_scripts55b_the_command_other_container_tools_run(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == expected, found


# falsealarm55b (stop 55): `$(dig +short NAME)` is NAME's address (dig(1) "+short: Provide a terse answer"): a command
# connecting to it connects where NAME does, so it is judged as NAME. On main b59e64d8 every lookup of a variable the
# script gives a literal was unknown (the lead's stop-55 mend of `_opaque_value`: RES-015 at psql's host), the
# partner's name as well; a `@server`, a reverse lookup or another record type stays unknown (RES-015 at the host).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('H=10.20.1.30\nIP=$(dig +short $H)\npsql -h "$IP" -U app\n', []),
        ('H=10.20.1.30\nIP=$(dig +short A "${H}" +time=2)\npsql -h "$IP" -U app\n', []),
        ('psql -h "$(dig +short 10.20.1.30)" -U app\n', []),
        ('H=db.partner.example.com\nIP=$(dig +short $H)\npsql -h "$IP" -U app\n', ["db.partner.example.com"]),
        ('psql -h "$(dig +short db.partner.example.com)" -U app\n', ["db.partner.example.com"]),
        ('H=10.20.1.30\nIP=$(dig @8.8.8.8 +short $H)\npsql -h "$IP" -U app\n', ["$(dig @8.8.8.8 +short $H)"]),
        ('H=10.20.1.30\nIP=$(dig +short MX $H)\npsql -h "$IP" -U app\n', ["$(dig +short MX $H)"]),
        ('H=10.20.1.30\nIP=$(dig $H)\npsql -h "$IP" -U app\n', ["$(dig $H)"]),  # the full answer: no address
        ('H=10.20.1.30\nIP=$(dig +short -x $H)\npsql -h "$IP" -U app\n', ["$(dig +short -x $H)"]),
    ],
)
def test_falsealarm55b_a_dig_lookup_is_the_name_it_looks_up(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


# falsealarm55b (stop 55): a YAML policy document's `Principal: Service:` (block style, a scalar, a flow list or block
# items; flow style `{Service: x}`) is a principal, as falsealarm55's JSON one: RES-015 on main b59e64d8. The same host
# under another key, in a Principal without Service, or outside the mapping is judged.
_YAML55B = "cat > /tmp/trust.yaml <<'EOF'\nStatement:\n  - Effect: Allow\n{principal}    Action: sts:AssumeRole\nEOF\n"


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ("    Principal:\n      Service: ec2.amazonaws.com\n", []),
        ("    Principal:\n      Service:\n        - ec2.amazonaws.com\n        - ssm.amazonaws.com\n", []),
        ("    Principal:\n      Service:\n      - ec2.amazonaws.com\n", []),
        ("    Principal:\n      AWS: arn:aws:iam::123456789012:root\n      Service: [ec2.amazonaws.com]\n", []),
        ("    Principal: {Service: ec2.amazonaws.com}\n", []),
        ("    'Principal':\n      'Service': 'ec2.amazonaws.com'  # the node role\n", []),
        ("    Principal:\n      Federated: ec2.amazonaws.com\n", ["ec2.amazonaws.com"]),
        ("    Principal:\n      AWS: arn:aws:iam::123456789012:root\n    Service: ec2.amazonaws.com\n",
         ["ec2.amazonaws.com"]),  # a sibling of Principal, not its key
        ("    Principal:\n      Service: ssm.amazonaws.com\n    Resource: ec2.amazonaws.com\n", ["ec2.amazonaws.com"]),
        ("    Upstream:\n      Service: ec2.amazonaws.com\n", ["ec2.amazonaws.com"]),
    ],
)  # fmt: skip
def test_falsealarm55b_a_yaml_policy_documents_service_principal(principal: str, expected: list[str]) -> None:
    found = findings("#!/bin/bash\n" + _YAML55B.replace("{principal}", principal), "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


_WORDS55B = ["Principal", "Service", ":", "-", "{", "}", "[", "]", ",", "'", '"', "#", "\n", "  ", "    ", "\t",
             "ec2.amazonaws.com", "AWS"]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS55B), max_size=40).map("".join))
def test_falsealarm55b_the_yaml_principal_reader_never_crashes(text: str) -> None:
    from components.residency.engine import _policy_service_principals

    assert _policy_service_principals(text) <= {"ec2.amazonaws.com"}


# config55b (stop 55): a configuration file a log shipper is told to read (`filebeat -c` / `--c`, `vector -c` /
# `--config` / `--config-json`) is that shipper's whatever its name (JSON is YAML; Vector's format by the
# extension), and a Compose service's environment written as a list of `NAME=value` items (a YAML flow sequence
# too) is read as its map. On main b59e64d8 each partner's line passed.
def _compose55b(environment: str) -> str:
    """A docker-compose.yml whose service's environment is ``environment`` (the text after ``environment``)."""
    return (
        "cat > /opt/fleet/docker-compose.yml <<'EOF'\nservices:\n  api:\n    image: fleet/api:3.2\n"
        f"    environment{environment}\nEOF\ndocker compose -f /opt/fleet/docker-compose.yml up -d"
    )


def _shipper55b(command: str, file: str, body: str) -> str:
    """``body`` written to ``file`` and given to ``command``."""
    return f"cat > {file} <<'EOF'\n{body}\nEOF\n{command} {file} &"


_FILEBEAT55B = '{"output.logstash": {"hosts": ["%s:5044"]}}'
_VECTOR55B = '{"sinks": {"out": {"type": "socket", "inputs": ["app"], "mode": "tcp", "address": "%s:514"}}}'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_compose55b(f": [DATABASE_HOST={_P55}, LOG_LEVEL=info]"), {"RES-015"}),
        (_compose55b(f": [LOG_LEVEL=info, DATABASE_HOST={_P55}]"), {"RES-015"}),
        (_compose55b(": [DATABASE_HOST=10.0.3.9, LOG_LEVEL=info]"), set()),  # the VPC's own address
        (_compose55b(": [DATABASE_HOST=fleet.c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com, SHOW=true]"), set()),
        (_compose55b(f":\n      - DATABASE_HOST={_P55}\n      - LOG_LEVEL=info"), {"RES-015"}),  # pinned
        (_compose55b(": [LOG_LEVEL=info, USER_INPUT]"), set()),  # a bare name (the shell's): left as a list
        (_shipper55b("filebeat -c", "/etc/fleet/filebeat.json", _FILEBEAT55B % _P55), {"RES-015"}),
        (_shipper55b("filebeat --c", "/etc/fleet/filebeat.json", _FILEBEAT55B % _P55), {"RES-015"}),
        (
            _shipper55b("filebeat -e -c", "/etc/fleet/shipper.yml", f"output.logstash:\n  hosts: ['{_P55}:5044']"),
            {"RES-015"},
        ),
        (_shipper55b("filebeat -c", "/etc/fleet/filebeat.json", _FILEBEAT55B % "10.0.3.20"), set()),
        (_shipper55b("vector --config", "/etc/fleet/pipeline.json", _VECTOR55B % _P55), {"RES-015"}),
        (_shipper55b("vector -c", "/etc/fleet/pipeline.yaml", f"sinks:\n  out:\n    address: {_P55}:514"), {"RES-015"}),
        (_shipper55b("vector --config-json", "/etc/fleet/pipeline.json", _VECTOR55B % "10.0.3.20"), set()),
        # a `.toml` file is TOML for Vector: the TOML entry reads it
        (
            _shipper55b(
                "vector -c", "/etc/fleet/pipeline.toml", f'[sinks.out]\ntype = "socket"\naddress = "{_P55}:514"'
            ),
            {"RES-015"},
        ),
        (
            _shipper55b(
                "vector -c", "/etc/fleet/pipeline.toml", '[sinks.out]\ntype = "socket"\naddress = "10.0.3.20:514"'
            ),
            set(),
        ),
        # a source's listen `address` is no destination, whatever file names it
        (
            _shipper55b(
                "vector -c",
                "/etc/fleet/in.json",
                '{"sources": {"in": {"type": "socket", "address": "0.0.0.0:514", "mode": "tcp"}}}',
            ),
            set(),
        ),
    ],
)
def test_config55b_shipper_files_named_by_option_and_compose_environment_lists(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.from_regex(r"[A-Z_][A-Z0-9_]{0,8}", fullmatch=True),
        st.from_regex(r"[a-z0-9.:/-]{0,12}", fullmatch=True),
        min_size=1,
        max_size=4,
    )
)
def test_config55b_a_variables_list_reads_as_its_map(variables: dict[str, str]) -> None:
    # config55b: a list of NAME=value items under a user-keyed name is exactly the map those items write; a list with
    # a bare name, or under any other key, is left as it was
    from components.residency.engine import _listed_variables

    def keyed(key: str) -> bool:
        return key == "environment"

    items = [f"{k}={v}" for k, v in variables.items()]
    assert _listed_variables({"s": {"environment": items}}, keyed) == {"s": {"environment": variables}}
    assert _listed_variables({"environment": [*items, "BARE"]}, keyed) == {"environment": [*items, "BARE"]}
    assert _listed_variables({"command": items}, keyed) == {"command": items}


# config55b (stop 55): an SSM Command document's `runCommand` items are one script on the machine: a docker name one
# item gives (`--name`, `docker network connect --alias`) is defined on another item's run line (`--link`, the network
# the script creates). On main b59e64d8 the compliant lists were RES-015 (each item read alone for these names).
def _ssm55b(lines: list[str]) -> set[str]:
    step = {"action": "aws:runShellScript", "name": "c", "inputs": {"runCommand": lines}}
    content = {"schemaVersion": "2.2", "mainSteps": [step]}
    subject = Subject(
        "aws:ssm/document:Document", "d", {"documentType": "Command", "content": json.dumps(content)},
        provider("EU", "aws"),
    )  # fmt: skip
    return {f.rule.id for f in ENGINES["EU"].check(subject)[0]}


_NET55B = [
    "docker network create --driver bridge fleet",
    "docker run -d --name fleet-db postgres:16",
    "docker network connect --alias db fleet fleet-db",
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["docker run -d --name fleet-db postgres:16",
          "docker run -d --link fleet-db:db -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1"], set()),
        ([*_NET55B, "docker run -d --network fleet -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1"], set()),
        ([*_NET55B, "until curl -sf http://db:5432/ ; do sleep 2; done"], {"RES-015"}),  # the machine's own command
        (["docker run -d --link fleet-db:db -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1"], {"RES-015"}),
        ([*_NET55B, f"docker run -d --network fleet -e DATABASE_URL=postgres://fleet@{_P55}:5432/fleet a:1"],
         {"RES-015"}),
    ],
)  # fmt: skip
def test_config55b_docker_names_across_runcommand_items(lines: list[str], expected: set[str]) -> None:
    assert _ssm55b(lines) == expected


# fnros56 (stop 56): a script's `jq --arg NAME "$VAR"` of a variable the script gives one value is that value (RES-011
# at home before: not applied); `--args` / `--jsonargs` give `$ARGS.positional`, `--arg` `$ARGS.named` (jq manual,
# "Invoking jq"); jq's regular expressions, group_by / min_by / max_by and a destructuring `as [$a, $b]` are read. A
# single-quoted `'$VAR'` is that text, a variable of several values or none stays unknown (RES-011 at a Region).
@pytest.mark.parametrize(
    ("setup", "options", "program", "region", "expected"),
    [
        ("N=dr-1", '--arg n "$N"', ".t[] | select(.n == $n) | .r", "eu-central-1", set()),
        ("N=dr-1", '--arg n "$N"', ".t[] | select(.n == $n) | .r", "us-east-1", {"RES-009"}),
        ("N=dr-1", "--arg n ${N}", ".t[] | select(.n == $n) | .r", "us-east-1", {"RES-009"}),
        ("I=1", '--argjson i "$I"', ".t[$i].r", "us-east-1", {"RES-009"}),
        ("N=dr-1", "--arg n '$N'", ".t[] | select(.n == $n) | .r", "eu-central-1", {"RES-011"}),  # the text `$N`
        ('if [ -f /etc/dr ]; then N=dr-1; else N=archive; fi', '--arg n "$N"', ".t[] | select(.n == $n) | .r",
         "eu-central-1", set()),  # two values: each applied since fnros60 (stop 60; RES-011 before)
        ('if [ -f /etc/dr ]; then N=dr-1; else N=archive; fi', '--arg n "$N"', ".t[] | select(.n == $n) | .r",
         "us-east-1", {"RES-009"}),  # fnros60: the dr-1 branch's Region abroad
        ("", '--arg n "$UNSET_NAME"', ".t[] | select(.n == $n) | .r", "us-east-1", set()),  # the machine's own
        ("", "", ".t[] | select(.n == $ARGS.positional[0]) | .r' --args 'dr-1", "us-east-1", {"RES-009"}),
        ("", "", ".t[$ARGS.positional[0]].r' --jsonargs '1", "eu-central-1", set()),
        ("", "--arg n dr-1", ".t[] | select(.n == $ARGS.named.n) | .r", "us-east-1", {"RES-009"}),
        ("", "", ".t | min_by(.n) | .r", "us-east-1", set()),  # "archive" < "dr-1": the archive, at home
        ("", "", ".t | max_by(.n) | .r", "us-east-1", {"RES-009"}),
        ("", "", '.t | group_by(.n) | .[1][0].r', "us-east-1", {"RES-009"}),
        ("", "", '.t[1].r | capture("^(?<geo>[a-z]+)-") | .geo + "-central-1"', "eu-north-1", set()),  # eu-central-1
        ("", "", '[.t[] | select(.n | test("^DR-"; "i")) | .r] | first', "us-east-1", {"RES-009"}),
        ("", "", ".t[] | [.n, .r] as [$n, $r] | select($n == \"dr-1\") | $r", "us-east-1", {"RES-009"}),
    ],
)  # fmt: skip
def test_fnros56_jq_variables_and_patterns_in_a_script_are_read(
    setup: str, options: str, program: str, region: str, expected: set[str]
) -> None:
    jq = f"R=$(echo '{_FNROS55_PLAN % region}' | jq -r {options} '{program}')"
    script = f'{setup}\n{jq}\naws s3 ls --region "$R"\n'
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected, script


# fnros57 (stop 57): a script's `jq -s` / `jq -n` with `input` / `inputs` (jq manual, "Invoking jq"), `--slurpfile` /
# `--rawfile` of a file the script writes, a double-quoted program's `\$name` (bash(1) "Double Quotes": the backslash
# is removed) and a program over several lines with `#` comments inside a substitution were unread (RES-011 at home);
# each now computes its value (RES-009 abroad). A file the script does not write, or no -n, stays unknown.
_FNROS57_FILE = "mkdir -p /etc/dr\ncat > /etc/dr/plan.json <<'EOF'\n%s\nEOF\n"


@pytest.mark.parametrize(
    ("substitution", "region", "expected"),
    [
        ("echo '{plan}' | jq -rs '.[0].t[1].r'", "eu-central-1", set()),
        ("echo '{plan}' | jq -rs '.[0].t[1].r'", "us-east-1", {"RES-009"}),
        ("echo '{plan}' | jq -r --slurp '.[0].t[1].r'", "us-east-1", {"RES-009"}),
        ("echo '{plan}' | jq -rn 'input | .t[1].r'", "us-east-1", {"RES-009"}),
        ("echo '{plan}' | jq -rn '[inputs | .t[1].r] | first'", "eu-central-1", set()),
        ("echo '{plan}' | jq -rn '[inputs | .t[1].r] | first'", "us-east-1", {"RES-009"}),
        ("echo '{plan}' | jq -rn '[input, input] | .[0].t[1].r'", "eu-central-1", {"RES-011"}),  # two call sites
        ("echo '{plan}' | jq -rRn 'input'", "eu-central-1", {"RES-011"}),  # lines, not documents: not read
        ("jq -rn --slurpfile p /etc/dr/plan.json '$p[0].t[1].r'", "eu-central-1", set()),
        ("jq -rn --slurpfile p /etc/dr/plan.json '$p[0].t[1].r'", "us-east-1", {"RES-009"}),
        ("jq -rn --rawfile p /etc/dr/plan.json '$p | fromjson | .t[1].r'", "us-east-1", {"RES-009"}),
        ("jq -rn --rawfile p /etc/dr/plan.json '$p | fromjson | .t[1].r'", "eu-central-1", set()),
        ("jq -rn --slurpfile p /etc/dr/other.json '$p[0].t[1].r'", "eu-central-1", {"RES-011"}),  # not written
        ("jq -r --slurpfile p /etc/dr/plan.json '$p[0].t[1].r'", "eu-central-1", {"RES-011"}),  # reads stdin
        ('echo \'{plan}\' | jq -r --arg n dr-1 ".t[] | select(.n == \\$n) | .r"', "eu-central-1", set()),
        ('echo \'{plan}\' | jq -r --arg n dr-1 ".t[] | select(.n == \\$n) | .r"', "us-east-1", {"RES-009"}),
        ("echo '{plan}' | jq -r --arg n dr-1 '.t[] | select(.n == \\$n) | .r'", "eu-central-1", {"RES-011"}),
        # an unread double-quoted program holding `\$n` is unknown, not a reference to an unset `$n` (the machine's
        # own: it passed every door abroad before, engine._opaque_value)
        ('echo \'{plan}\' | jq -r --arg n dr-1 ".t[] | select(.n == \\$n) | .r | ascii"', "us-east-1", {"RES-011"}),
        ('echo \'{plan}\' | jq -r "\\$ENV.R"', "us-east-1", {"RES-011"}),
        ("echo '{plan}' | jq -r '\n  # the DR target\n  .t[1] # not the archive\n  | .r'", "eu-central-1", set()),
        ("echo '{plan}' | jq -r '\n  # the DR target\n  .t[1] # not the archive\n  | .r'", "us-east-1", {"RES-009"}),
        ("echo '{plan}' | jq -r '\n  .t[1] # a \"quoted\" comment\n  | \"\\(.r)\"'", "us-east-1", {"RES-009"}),
    ],
)  # fmt: skip
def test_fnros57_jq_inputs_files_quotes_and_comments_in_a_script_are_read(
    substitution: str, region: str, expected: set[str]
) -> None:
    plan = _FNROS55_PLAN % region
    written = _FNROS57_FILE % plan
    script = f'{written}R=$({substitution.replace("{plan}", plan)})\naws s3 ls --region "$R"\n'
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected, script


# scripts56 (stop 56): what round 11 and its part 2 left unread in the one script reader. A Compose file's services'
# `command:` / `entrypoint:` (string and list forms; the Compose Specification), `docker compose run` / `exec`, a
# here-document substituted inside an argument, a loop over an array an input fills, the last positional parameter,
# `"$@"` on a continued line, `printf -v` with another format, `read -d` / `-t`, a here-document line with text around
# a variable (bash(1)); each refusal beside the compliant twin that passes.
_R56 = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30"
_RUN56 = {"amazon/aws-cli": "aws", "public.ecr.aws/aws-cli/aws-cli": "aws"}


def _compose56(service: str) -> str:
    return f"#!/bin/bash\ncat > /opt/fleet/compose.yaml <<'EOF'\nservices:\n  job:\n{service}EOF\n"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"services": {"a": {"image": "amazon/aws-cli:2.22.0", "command": ["s3", "ls", "--region", "us-west-2"]}}},
         [("a", "aws s3 ls --region us-west-2")]),
        ({"services": {"a": {"image": "public.ecr.aws/aws-cli/aws-cli@sha256:ab", "command": "s3 ls --region x"}}},
         [("a", "aws s3 ls --region x")]),
        ({"services": {"a": {"image": "alpine", "entrypoint": "/usr/bin/aws", "command": ["s3", "ls"]}}},
         [("a", "/usr/bin/aws s3 ls")]),
        ({"services": {"a": {"image": "amazon/aws-cli", "entrypoint": ["sh", "-c"], "command": ["aws s3 ls"]}}},
         [("a", "sh -c 'aws s3 ls'")]),
        ({"services": {"a": {"image": "postgres:16", "command": "psql -h 'db.example.com' -U x"}}},
         [("a", "psql -h db.example.com -U x")]),
        ({"services": {"a": {"image": "postgres:16", "command": 'psql -h "db.example.com'}}},  # unclosed quote
         [("a", "psql -h '\"db.example.com'")]),
        ({"services": {"a": {"image": "amazon/aws-cli"}}}, []),  # the image's own command: nothing written
        ({"services": {"a": {"image": "amazon/aws-cli", "command": {"x": 1}}}}, []),  # no command Compose runs
        ({"services": {"a": {"image": "amazon/aws-cli", "command": [True]}}}, []),
        ({"services": ["a"]}, []),
        ({"volumes": {"a": {"command": "x"}}}, []),
    ],
)  # fmt: skip
def test_scripts56_compose_commands(document: dict[str, object], expected: list[tuple[str, str]]) -> None:
    spec = COMMANDS["docker"].subcommands["run"]
    assert _RUN56.items() <= spec.entrypoints.items()  # the lead (stop 64): the Beats' images besides
    assert compose_commands(document, "services", spec) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # Compose: a service's command under the AWS CLI image, string and list forms, an entrypoint, psql
        (_compose56('    image: amazon/aws-cli\n    command: ["s3", "ls", "--region", "us-west-2"]\n'), ["RES-009"]),
        (_compose56('    image: amazon/aws-cli\n    command: ["s3", "ls", "--region", "eu-west-1"]\n'), []),
        (_compose56("    image: amazon/aws-cli:2.22.0\n    command: s3 ls --region us-west-2\n"), ["RES-009"]),
        (_compose56('    image: alpine\n    entrypoint: ["aws", "s3", "ls", "--region", "us-west-2"]\n'), ["RES-009"]),
        (_compose56("    image: postgres:16\n    command: psql -h db.partner.example.com\n"), ["RES-015"]),
        (_compose56("    image: postgres:16\n    command: psql -h 10.0.1.15\n"), []),
        (_compose56("    image: postgres:16\n    command: psql -h db\n  db:\n    image: postgres:16\n"), []),  # its own
        (_compose56('    image: amazon/aws-cli\n    command: ["s3", "ls", "--region", "${AWS_REGION}"]\n'), []),
        # docker compose run / exec (and the standalone docker-compose): the words after the service
        (f"docker compose -f c.yaml run --rm -e A=1 cli {_R56} --region us-west-2", ["RES-009"]),
        (f"docker compose -p fleet exec -T cli {_R56} --region us-west-2", ["RES-009"]),
        (f"docker-compose run --entrypoint aws cli {_R56[4:]} --region us-west-2", ["RES-009"]),
        (f"docker compose run --rm cli {_R56} --region eu-west-1", []),
        ("docker compose run --rm cli", []),
        # $(cat <<EOF ...) inside an argument: its one-line body
        (f'{_R56} --region "$(cat <<EOF\nus-west-2\nEOF\n)"', ["RES-009"]),
        (f'{_R56} --region "$(cat <<EOF\neu-west-1\nEOF\n)"', []),
        (f'R=us-west-2\n{_R56} --region "$(cat <<EOF\n$R\nEOF\n)"', ["RES-009"]),
        (f"P=us-west\n{_R56} --region $(cat <<EOF\n${{P}}-2\nEOF\n)", ["RES-009"]),
        (f"{_R56} --region \"$(cat <<'EOF'\n$R\nEOF\n)\"", []),  # a quoted delimiter: `$R` as written
        # a loop over an array a file or a substitution fills; unknown input fails closed, the metadata passes
        (f"printf '%s\\n' eu-west-1 us-west-2 > /etc/r\nmapfile -t R < /etc/r\nfor r in \"${{R[@]}}\"; do "
         f'{_R56} --region "$r"; done', ["RES-009"]),
        (f"printf '%s\\n' eu-west-1 eu-central-1 > /etc/r\nR=($(cat /etc/r))\nfor r in \"${{R[@]}}\"; do "
         f'{_R56} --region "$r"; done', []),
        (f'R=($(aws ssm get-parameter --name /r --output text))\nfor r in "${{R[@]}}"; do {_R56} --region "$r"; done',
         ["RES-011"]),
        ("R=($(aws ssm get-parameter --name /r --output text))\nfor r in \"${R[@]}\"; do echo \"$r\"; done", []),
        # the last positional parameter (scripts57: calls of different lengths, each call's last word, below)
        (f'f() {{ {_R56} --region "${{!#}}"; }}\nf /a us-west-2', ["RES-009"]),
        (f'f() {{ {_R56} --region "${{@: -1}}"; }}\nf /a us-west-2', ["RES-009"]),
        (f'f() {{ {_R56} --region "${{@:(-1)}}"; }}\nf /a eu-west-1', []),
        # scripts57: calls of different lengths give each call's last word (was a placeholder, pinned: passed)
        (f'f() {{ {_R56} --region "${{!#}}"; }}\nf /a us-west-2\nf eu-west-1', ["RES-009"]),
        # "$@" on a line continued from the one before
        ('f() {\n  aws logs put-retention-policy \\\n    --log-group-name /a "$@"\n}\nf --region us-west-2',
         ["RES-009"]),
        ('f() {\n  aws logs put-retention-policy \\\n    --log-group-name /a "$@"\n}\nf --region eu-west-1', []),
        # printf -v with another format or several arguments; read -d / -t
        (f"printf -v R '%s-%s' us west-2\n{_R56} --region \"$R\"", ["RES-009"]),
        (f"printf -v R '%s-%s-%s' eu west 1\n{_R56} --region \"$R\"", []),
        # another conversion: not computed here; scripts56b: `%d` computed (was pinned as passing, left open)
        (f"printf -v R '%d' 2\n{_R56} --region \"us-west-$R\"", ["RES-009"]),
        (f"read -r -d '' R <<< \"us-west-2\" || true\n{_R56} --region \"$R\"", ["RES-009"]),
        (f"read -d , R <<< \"us-west-2,eu-west-1\"\n{_R56} --region \"$R\"", ["RES-009"]),
        (f"read -d , R <<< \"eu-west-1,us-west-2\"\n{_R56} --region \"$R\"", []),
        (f"read -rt 5 R <<< us-west-2\n{_R56} --region \"$R\"", ["RES-009"]),
        # a here-document line with text around a variable
        (f'P=us-west\nwhile read -r r; do {_R56} --region "$r"; done <<EOF\n${{P}}-2\nEOF', ["RES-009"]),
        (f'P=eu-west\nwhile read -r r; do {_R56} --region "$r"; done <<EOF\n${{P}}-1\nEOF', []),
        (f"P=us-west\nwhile read -r r; do {_R56} --region \"$r\"; done <<'EOF'\n${{P}}-2\nEOF", []),
    ],
)  # fmt: skip
def test_scripts56_shapes(script: str, expected: list[str]) -> None:
    assert [rule for rule, _, _ in findings(script, "EU", "aws")] == expected


# scripts56: `read -a NAME <<< WORDS` has one reader (reads_as_assignments); these pin the verdicts both readers gave
# before the here-string branch of scripts._other_array_items was cut.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"IFS=' ' read -r -a RS <<< \"eu-west-1 us-west-2\"\n{_R56} --region \"${{RS[1]}}\"", ["RES-009"]),
        (f'read -ra RS <<< "eu-west-1 us-west-2"\n{_R56} --region "${{RS[1]}}"', ["RES-009"]),
        (f'read -ra RS <<< "eu-west-1 us-west-2"\n{_R56} --region "${{RS[0]}}"', []),
        (f'IFS=, read -r -a RS <<< "eu-west-1,us-west-2"\n{_R56} --region "${{RS[1]}}"', ["RES-009"]),
        # scripts56b: the variable's value filled in (was pinned as passing, left open)
        (f'DR=us-west-2\nread -r -a RS <<< "eu-west-1 $DR"\n{_R56} --region "${{RS[1]}}"', ["RES-009"]),
        (f"read -r -a RS <<< 'eu-west-1 us-west-2 x\\ y'\n{_R56} --region \"${{RS[1]}}\"", ["RES-009"]),
        (f'mapfile -t RS <<< "eu-west-1"\n{_R56} --region "${{RS[0]}}"', []),
        (f"mapfile -t RS <<EOF\neu-west-1\nus-west-2\nEOF\n{_R56} --region \"${{RS[1]}}\"", ["RES-009"]),
    ],
)  # fmt: skip
def test_scripts56_read_a_here_string_read_once(script: str, expected: list[str]) -> None:
    assert [rule for rule, _, _ in findings(script, "EU", "aws")] == expected


def test_scripts56_last_positional_written() -> None:
    assert last_positional_written('f() { x "${!#}" "${@: -1}"; }\nf a b') == 'f() { x "${2}" "${2}"; }\nf a b'
    assert last_positional_written('f() { x "${!#}"; }\nf a\nf a b') == 'f() { x "${!#}"; }\nf a\nf a b'
    assert last_positional_written('x "${!#}"') == 'x "${!#}"'  # the script's own arguments: not in the document
    assert last_positional_written('set -- a b c\nx "${@:$#}"') == 'set -- a b c\nx "${3}"'


# perf59 (stop 59): the script judge's two positional rewritings in one call read the script's call lists once where
# the first leaves the text as it was (falsealarm58b's 70 calls of `awsr() { aws --region "$1" "${@:2}"; }`); the
# same text as the two calls, whether the first rewrites the text or not.
_WRAPPER59 = 'awsr() { aws --region "$1" "${@:2}"; }\n' + "".join(
    f"awsr eu-west-1 ssm get-parameter --name p{n}\n" for n in range(3)
)


@pytest.mark.parametrize(
    ("script", "reads"),
    [
        (_WRAPPER59, 1),  # `${@:2}` of five-word calls: left as written, its call lists read once (twice before)
        ('f() { x "${!#}"; aws s3 ls "$@"; }\nf a b', 2),  # `${!#}` written `${2}`: the new text's lists read anew
        ('f() { aws s3 ls "$@"; }\nf a b', 1),  # no last parameter: the first leaves them unread
        ("echo $HOME", 0),
    ],
)
def test_perf59_positional_rewritings_read_the_calls_once(
    script: str, reads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from components.residency import scripts

    expected = all_positional_expanded(last_positional_written(script))
    read: list[str] = []
    call_lists = scripts._call_lists

    def counted(text: str, lines: list[str]) -> list[tuple[int, int, list[list[str]]]]:
        read.append(text)
        return call_lists(text, lines)

    monkeypatch.setattr(scripts, "_call_lists", counted)
    assert positional_expanded(script) == expected
    assert len(read) == reads


_SHELL59 = st.text(alphabet=st.sampled_from(list("ab$@!#:12{}()\"' \n-;f")), max_size=60)


@given(_SHELL59)
@settings(max_examples=200, deadline=None)
def test_perf59_positional_expanded_is_the_two_rewritings(text: str) -> None:
    for script in (text, f'f() {{ x "${{@:2}}" "$@"; }}\nf {text}', f'f() {{ x "${{!#}}" "$@"; }}\nf a {text}'):
        assert positional_expanded(script) == all_positional_expanded(last_positional_written(script))


# scripts56: the rewritings keep the script's length (offsets after them do not move) whatever the text
_SHELL56 = st.text(alphabet=st.sampled_from(list("ab$()<>'\"\n -=cat{}EOF|;")), max_size=60)


@given(_SHELL56)
@settings(max_examples=200, deadline=None)
def test_scripts56_rewritings_keep_the_length(text: str) -> None:
    for script in (text, f"$(cat <<EOF\n{text}\nEOF\n)", f"read -d , R <<< {text}", f"printf -v R '%s' {text}"):
        assert len(cat_heredocs_written(script)) == len(script)
        assert len(reads_as_assignments(script)) == len(script)


# config56 (stop 56): a manifest's `externalName` in JSON's spelling, a shipper's file given with `=`, a directory, an
# environment variable or relative to `--path.config`, a container's command under nerdctl / ctr / crictl / kubectl
# debug, a URL naming an ExternalName Service followed to its target, and a container given by its id in a variable.
# On main 8f0aa679 every RES-015 line below passed, and the ExternalName / docker id lines passing here were RES-015.
_RDS56 = "fleet.c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com"


def _svc56(target: str) -> dict[str, object]:
    return {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "analytics", "namespace": "analytics"},
            "spec": {"type": "ExternalName", "externalName": target}}  # fmt: skip


def _vector56(host: str, file: str = "/etc/fleet/pipe.yaml") -> str:
    return f"cat > {file} <<'EOF'\nsinks:\n  out:\n    type: socket\n    inputs: [app]\n    address: {host}:514\nEOF\n"


def _filebeat56(host: str, file: str = "/etc/fleet/shipper.yml") -> str:
    return f"cat > {file} <<'EOF'\noutput.logstash:\n  hosts: ['{host}:5044']\nEOF\n"


def _url56(target: str, url: str = "http://analytics:8080/", extra: str = "") -> str:
    return (
        "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Service\nmetadata:\n  name: analytics\nspec:\n"
        f"  type: ExternalName\n  externalName: {target}\n---\n{extra}apiVersion: v1\nkind: Pod\nmetadata:\n"
        "  name: api\nspec:\n  containers:\n    - name: api\n      image: a:1\n      env:\n"
        f"        - name: ANALYTICS_URL\n          value: {url}\nEOF"
    )


_BACKEND56 = "apiVersion: v1\nkind: Service\nmetadata:\n  name: ingest\nspec:\n  selector:\n    app: ingest\n---\n"
_NET56 = "docker network create fleet\nDB_ID=$(docker run -d postgres:16)\n" + (
    'docker network connect --alias db fleet "$DB_ID"\n'
)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a manifest as one line of JSON, pretty-printed, a kubectl patch body
        (f"kubectl apply -f - <<'EOF'\n{json.dumps(_svc56(_P55))}\nEOF", {"RES-015"}),
        (f"kubectl apply -f - <<'EOF'\n{json.dumps(_svc56(_RDS56))}\nEOF", set()),
        (f"echo '{json.dumps(_svc56(_P55))}' | kubectl apply -f -", {"RES-015"}),
        (f"kubectl apply -f - <<'EOF'\n{json.dumps(_svc56(_P55), indent=2)}\nEOF", {"RES-015"}),
        (f'kubectl patch svc analytics -p \'{{"spec":{{"externalName":"{_P55}"}}}}\'', {"RES-015"}),
        (f'kubectl patch svc analytics -p \'{{"spec":{{"externalName":"{_RDS56}"}}}}\'', set()),
        # a shipper's file: `=`, a directory, an environment variable, relative to --path.config
        (_filebeat56(_P55) + "filebeat -c=/etc/fleet/shipper.yml -e &", {"RES-015"}),
        (_filebeat56("10.0.3.20") + "filebeat -c=/etc/fleet/shipper.yml -e &", set()),
        (_vector56(_P55) + "vector --config=/etc/fleet/pipe.yaml &", {"RES-015"}),
        (_vector56(_P55) + "VECTOR_CONFIG=/etc/fleet/pipe.yaml vector &", {"RES-015"}),
        (_vector56(_P55) + 'export VECTOR_CONFIG="/etc/fleet/pipe.yaml"\nvector &', {"RES-015"}),
        (_vector56("10.0.3.20") + "VECTOR_CONFIG=/etc/fleet/pipe.yaml vector &", set()),
        (_vector56(_P55) + "export VECTOR_CONFIG=/etc/fleet/pipe.yaml", set()),  # no vector runs: not its file
        (_vector56(_P55, "/etc/fleet/v/sinks.yaml") + "vector --config-dir /etc/fleet/v/ &", {"RES-015"}),
        (_vector56(_P55, "/etc/fleet/v/sinks.yaml") + "vector -C /etc/fleet/v &", {"RES-015"}),
        (_vector56(_P55, "/etc/fleet/v/sinks.yaml") + "export VECTOR_CONFIG_DIR=/etc/fleet/v\nvector &", {"RES-015"}),
        (_vector56("10.0.3.20", "/etc/fleet/v/sinks.yaml") + "vector --config-dir=/etc/fleet/v &", set()),
        (_filebeat56(_P55) + "filebeat --path.config /etc/fleet -c shipper.yml -e &", {"RES-015"}),
        (_filebeat56(_P55) + "filebeat -e --path.config=/etc/fleet/ -c=shipper.yml &", {"RES-015"}),
        (_filebeat56("10.0.3.20") + "filebeat --path.config /etc/fleet -c shipper.yml -e &", set()),
        (_filebeat56(_P55) + "filebeat --path.config /etc/other -c shipper.yml -e &", set()),  # another file
        # a container's command under other container CLIs
        (f"nerdctl --namespace fleet run -d redis:7 redis-server --replicaof {_P55} 6379", {"RES-015"}),
        ("nerdctl run -d --name cache redis:7 redis-server --replicaof 10.0.3.9 6379", set()),
        (f"ctr run -d --env A=b docker.io/library/redis:7 cache redis-server --replicaof {_P55} 6379", {"RES-015"}),
        ("ctr run --rm -t docker.io/library/redis:7 cache redis-server --replicaof 10.0.3.9 6379", set()),
        (f"crictl exec -i 3f2a9c8e7d61 redis-cli replicaof {_P55} 6379", {"RES-015"}),
        ("crictl --timeout 5s exec -i 3f2a9c8e7d61 redis-cli replicaof 10.0.3.9 6379", set()),
        (f"kubectl debug cache-0 -i --image=redis:7 -- redis-cli replicaof {_P55} 6379", {"RES-015"}),
        ("kubectl debug cache-0 -i --image=redis:7 -- redis-cli replicaof 10.0.3.9 6379", set()),
        # a URL naming an ExternalName Service: its target judged (was RES-015 at the Service's name)
        (_url56(_RDS56), set()),
        (_url56(_RDS56, "http://analytics.default.svc.cluster.local:8080/"), set()),
        (_url56("ingest.default.svc.cluster.local", extra=_BACKEND56), set()),
        (_url56(_P55), {"RES-015"}),
        (_url56("db.example.internal"), {"RES-015"}),
        (_url56(_RDS56) + "\ncurl http://analytics:8080/", {"RES-015"}),  # the machine: no cluster DNS
        # a container given by its id in a variable (was RES-015)
        (_NET56 + "docker run -d --network fleet -e DATABASE_URL=postgres://fleet@db:5432/fleet a:1", set()),
        (_NET56 + "curl http://db:5432/", {"RES-015"}),
        (_NET56 + f"docker run -d --network fleet -e DATABASE_URL=postgres://fleet@{_P55}:5432/fleet a:1", {"RES-015"}),
    ],
)
def test_config56_config_file_and_command_grammars(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("name", "body", "expected"),
    [
        ("fleet.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  externalName: {}\n", {"RES-015"}),
        ("a.json", json.dumps(_svc56("{}"), indent=2), {"RES-015"}),
        ("a.json", json.dumps(_svc56("{}")), {"RES-015"}),
    ],
)
def test_config56_k3s_manifests_in_write_files(name: str, body: str, expected: set[str]) -> None:
    # config56: one YAML or JSON document in k3s's manifests directory was walked with no host key (passed)
    def check(target: str) -> set[str]:
        content = "".join(f"      {line}\n" for line in body.replace("{}", target).splitlines())
        config = (
            f"#cloud-config\nwrite_files:\n  - path: /var/lib/rancher/k3s/server/manifests/{name}\n"
            f"    content: |\n{content}runcmd:\n  - systemctl restart k3s\n"
        )
        subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": config}, provider("EU", "aws"))
        return {f.rule.id for f in ENGINES["EU"].check(subject)[0]}

    assert check(_P55) == expected
    assert check(_RDS56) == set()


@settings(max_examples=40, deadline=None)
@given(
    st.from_regex(r"[a-z][a-z0-9-]{0,10}(\.[a-z][a-z0-9-]{0,10}){1,3}", fullmatch=True),
    st.sampled_from([None, 2]),
    st.booleans(),
)
def test_config56_json_pairs_read_as_their_yaml_lines(host: str, indent: int | None, spaced: bool) -> None:
    # config56: `"externalName": "HOST"` (one line, pretty-printed, `":"` spaced or not) is the YAML line's reading
    text = json.dumps(_svc56(host), indent=indent, separators=(", ", ": ") if spaced else (",", ":"))
    assert hosts(f"kubectl apply -f - <<'EOF'\n{text}\nEOF\n") == [("externalName:", host)]
    assert hosts(f"kubectl apply -f - <<'EOF'\n  externalName: {host}\nEOF\n") == [("externalName:", host)]


# falsealarm56 (stop 56): getent(1) `hosts` / `ahosts*`, host(1) and nslookup(1) ask the system's resolver as `dig
# +short` does, and their answer's lines or fields selected (head / tail -n, grep, cut -f, awk '{print $N}', tr between
# blanks) are still an answer for NAME: judged as NAME (on main 8f0aa679 every one was unknown, RES-015 at psql's
# host). A server operand, another record type, getent's `-s` source or a stage that edits characters (tr 1 5, cut
# -c, sed) stays unknown; a partner's name is refused as that name.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("psql -h \"$(getent hosts 10.20.1.30 | awk '{print $1}')\" -U app\n", []),
        ("H=10.20.1.30\npsql -h \"$(getent ahostsv4 $H | head -n 1 | cut -d' ' -f1)\" -U app\n", []),
        ("psql -h \"$(host -t A 10.20.1.30 | awk '/has address/ {print $4}')\" -U app\n", []),
        ("psql -h \"$(host 10.20.1.30 | grep 'has address' | awk '{print $NF}')\" -U app\n", []),
        ("psql -h \"$(nslookup 10.20.1.30 | awk '/^Address: / {print $2}' | tail -n 1)\" -U app\n", []),
        ("psql -h \"$(nslookup -type=A -timeout=3 10.20.1.30 | tail -n1)\" -U app\n", []),
        ('H=10.20.1.30\npsql -h "$(dig +short "$H" | head -n 1)" -U app\n', []),
        ("psql -h \"$(getent hosts db.partner.example.com | awk '{print $1}')\" -U app\n", ["db.partner.example.com"]),
        ("psql -h \"$(host db.partner.example.com | awk '{print $4}')\" -U app\n", ["db.partner.example.com"]),
        ('psql -h "$(nslookup db.partner.example.com | tail -n 1)" -U app\n', ["db.partner.example.com"]),
        ("psql -h \"$(getent -s dns hosts 10.20.1.30 | awk '{print $1}')\" -U app\n",
         ["$(getent -s dns hosts 10.20.1.30 | awk '{print $1}')"]),
        ("psql -h \"$(getent hosts)\" -U app\n", ["$(getent hosts)"]),  # the whole hosts database
        ("psql -h \"$(host -t A 10.20.1.30 8.8.8.8 | awk '{print $4}')\" -U app\n",
         ["$(host -t A 10.20.1.30 8.8.8.8 | awk '{print $4}')"]),
        ("psql -h \"$(host -t MX 10.20.1.30 | awk '{print $NF}')\" -U app\n",
         ["$(host -t MX 10.20.1.30 | awk '{print $NF}')"]),
        ('psql -h "$(nslookup 10.20.1.30 1.1.1.1 | tail -n 1)" -U app\n',
         ["$(nslookup 10.20.1.30 1.1.1.1 | tail -n 1)"]),
        ('psql -h "$(nslookup -type=TXT 10.20.1.30 | tail -n 1)" -U app\n',
         ["$(nslookup -type=TXT 10.20.1.30 | tail -n 1)"]),
        ('psql -h "$(dig +short 10.20.1.30 | tr 1 5)" -U app\n', ["$(dig +short 10.20.1.30 | tr 1 5)"]),
        ('psql -h "$(dig +short 172.16.0.5 | cut -c2-)" -U app\n', ["$(dig +short 172.16.0.5 | cut -c2-)"]),
        ("psql -h \"$(dig +short 10.20.1.30 | sed 's/.*/db.partner.example.com/')\" -U app\n",
         ["db.partner.example.com"]),
        ("psql -h \"$(dig +short 10.20.1.30 | awk '{print \\\"db.partner.example.com\\\"}')\" -U app\n",
         ["db.partner.example.com"]),  # the host the filter writes
    ],
)  # fmt: skip
def test_falsealarm56_a_lookup_is_the_name_it_looks_up(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


# falsealarm56 (stop 56): a `while read` loop fed over continued lines (bash(1): "A backslash-newline pair is treated
# as a line continuation"; a line ending in `|` continues the pipeline), from a `{ ...; }` group's pipe and by process
# substitution (`done < <(...)`) gives its variable the command's lines. On main 8f0aa679 each partner line passed
# (the loop unread, its variable unset) and the first compliant one was refused (`$(10.20.1.8)`, the pipe's command
# read from its last physical line). A loop whose input the reader finds nowhere leaves its variable unknown.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("printf '%s\\n' 10.0.1.7 \\\n  10.0.1.8 | while read -r h; do psql -h \"$h\"; done\n", []),
        ("printf '%s\\n' 10.0.1.7 \\\n  | while read -r h; do psql -h \"$h\"; done\n", []),
        ("printf '%s\\n' 10.0.1.7 | \\\n  while read -r h; do psql -h \"$h\"; done\n", []),
        ("printf '%s\\n' 10.0.1.7 |\n  while read -r h; do psql -h \"$h\"; done\n", []),
        ("printf '%s\\n' 10.0.1.7 | { while read -r h; do psql -h \"$h\"; done; }\n", []),
        ("while read -r h; do psql -h \"$h\"; done < <(printf '%s\\n' 10.0.1.7)\n", []),
        ("printf '%s\\n' db.partner.example.com \\\n  10.0.1.8 | while read -r h; do psql -h \"$h\"; done\n",
         ["db.partner.example.com"]),
        ("printf '%s\\n' db.partner.example.com \\\n  | while read -r h; do psql -h \"$h\"; done\n",
         ["db.partner.example.com"]),
        ("printf '%s\\n' db.partner.example.com | \\\n  while read -r h; do psql -h \"$h\"; done\n",
         ["db.partner.example.com"]),
        ("printf '%s\\n' db.partner.example.com |\n  while read -r h; do psql -h \"$h\"; done\n",
         ["db.partner.example.com"]),
        ("printf '%s\\n' db.partner.example.com | { while read -r h; do psql -h \"$h\"; done; }\n",
         ["db.partner.example.com"]),
        ("while read -r h; do psql -h \"$h\"; done < <(printf '%s\\n' db.partner.example.com)\n",
         ["db.partner.example.com"]),
        ("while read -r h; do psql -h \"$h\"; done < <(curl -s https://10.0.1.7/hosts)\n",
         ["$(curl -s https://10.0.1.7/hosts)"]),
        ("cat /etc/fleet/hosts.txt \\\n  | while read -r h; do psql -h \"$h\"; done\n",
         ["$(cat /etc/fleet/hosts.txt)"]),
        ("while read -r h; do psql -h \"$h\"; done\n", ["$(< /dev/stdin)"]),
        # a function's loop reads its caller's input (the partner's passed on main 8f0aa679); falsealarm57 (stop 57):
        # the caller's pipe is read, so the partner is refused by name (was `$(< /dev/stdin)`, unknown)
        ("f() { while read -r h; do psql -h \"$h\"; done; }\nprintf '%s\\n' db.partner.example.com | f\n",
         ["db.partner.example.com"]),
        # falsealarm58 (stop 58): a call's own redirection is read as a loop's: a file the script does not write is
        # that file's unknown content (still RES-015; was the script's standard input, `$(< /dev/stdin)`)
        ("f() { while read -r h; do psql -h \"$h\"; done; }\nf < /etc/fleet/peers\n", ["$(< /etc/fleet/peers)"]),
        ("a || \\\n  while read -r h; do psql -h \"$h\"; done <<EOF\n10.0.1.7\nEOF\n", []),  # `||`: no pipe
        ("R=eu-west-1\naws s3 ls \\\n  --region \"$R\"\n", []),
    ],
)  # fmt: skip
def test_falsealarm56_a_while_read_loop_fed_over_continued_lines(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


_WORDS56 = ["dig", "getent", "host", "nslookup", "+short", "hosts", "ahostsv4", "-s", "-t", "A", "MX", "-W", "3", "-4",
            "-type=A", "-type=MX", "-timeout=2", "@8.8.8.8", "8.8.8.8", "db.example.com", "$H", "-"]  # fmt: skip


# falsealarm56 (stop 56): the lookup reader gives one operand of the lookup (its name) or nothing, whatever the words.
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["dig", "getent", "host", "nslookup"]), st.lists(st.sampled_from(_WORDS56), max_size=6))
def test_falsealarm56_the_lookup_reader_gives_its_name_or_nothing(command: str, words: list[str]) -> None:
    from components.residency.scripts import _looked_up_values

    given = _looked_up_values([command, *words], {"H": ("10.0.1.7",)})
    operands = {"10.0.1.7" if w == "$H" else w for w in words if w[:1] not in ("-", "+", "@")}
    assert given is None or (len(given) == 1 and given[0] in operands), given


# falsealarm56 (stop 56): jq over a JSON file the script writes (`jq FILTER FILE`, `< FILE`, `cat FILE |`) is the
# filter applied to the file's text, as to an echoed variable: on main 8f0aa679 unknown (RES-011 / RES-015). A file the
# script does not write, or several files, stays unknown; the file's partner host or Region abroad is refused at use.
_JQ56 = 'cat > /opt/s.json <<\'EOF\'\n{"region": "REGION", "db": {"host": "HOST"}}\nEOF\n'


@pytest.mark.parametrize(
    ("use", "region", "host", "expected"),
    [
        ('aws s3 ls --region "$(jq -r .region /opt/s.json)"', "eu-west-1", "10.0.1.7", set()),
        ("R=$(jq -r '.region' < /opt/s.json)\naws s3 ls --region \"$R\"", "eu-west-1", "10.0.1.7", set()),
        ("psql -h \"$(cat /opt/s.json | jq -r '.db.host')\"", "eu-west-1", "10.0.1.7", set()),
        ('aws s3 ls --region "$(jq -r .region /opt/s.json)"', "us-west-2", "10.0.1.7",
         {("RES-009", "us-west-2", "aws")}),
        ("psql -h \"$(jq -r .db.host < /opt/s.json)\"", "eu-west-1", "db.partner.example.com",
         {("RES-015", "db.partner.example.com", "psql")}),
        ('aws s3 ls --region "$(jq -r .region /opt/t.json)"', "eu-west-1", "10.0.1.7",
         {("RES-011", "$(jq -r .region /opt/t.json)", "aws")}),
        ('aws s3 ls --region "$(jq -r .region /opt/s.json /opt/t.json)"', "eu-west-1", "10.0.1.7",
         {("RES-011", "$(jq -r .region /opt/s.json /opt/t.json)", "aws")}),
    ],
)  # fmt: skip
def test_falsealarm56_jq_over_a_file_the_script_writes(
    use: str, region: str, host: str, expected: set[tuple[str, str, str]]
) -> None:
    script = _JQ56.replace("REGION", region).replace("HOST", host) + use + "\n"
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert {(rule, value, path.rsplit(".", 1)[-1]) for rule, path, value in found if "heredoc" not in path} == expected


# mutation56 (stop 56): a command substitution written over several lines (`R=$(` then the command and `)` on later
# lines, options continued with a backslash, a jq program spread inside its quotes) is read as one: on main 8f0aa679
# it closed on no line, the variable held no value and `--region "$R"` passed every door, even for an SSM lookup
# (RES-011 on one line). Its newlines become blanks (the offsets do not move); a here-document's body, a comment's
# `$(` and a `$(cat <<EOF` (read by its own reader) are left as written.
_DR56 = 'aws ec2 copy-snapshot --source-region eu-west-1 --source-snapshot-id snap-1 --region "$DR"'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("DR=$(\n  echo '{\"r\": \"eu-central-1\"}' | jq -r '.r'\n)", set()),
        ("DR=$(\n  echo '{\"r\": \"us-west-2\"}' | jq -r '.r'\n)", {"RES-009"}),
        ("DR=$(echo '{\"r\": \"us-west-2\"}' |\n  jq -r '\n  .r')", {"RES-009"}),
        ("DR=$(curl -s \\\n  http://169.254.169.254/latest/meta-data/placement/region)", set()),
        ("DR=$(aws ssm get-parameter --name /dr/region \\\n  --query Parameter.Value --output text)", {"RES-011"}),
    ],
)  # fmt: skip
def test_mutation56_a_substitution_over_several_lines(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n{_DR56}\n", "EU", "aws")} == expected


def test_mutation56_substitutions_joined_keeps_offsets() -> None:
    from components.residency.scripts import substitutions_joined

    script = "R=$(\n  echo a \\\n    b\n)\necho done\n"
    joined = substitutions_joined(script)
    assert len(joined) == len(script) and joined.startswith("R=$(   echo a       b )\necho done")
    heredoc = "cat > /etc/x.sh <<'EOF'\nR=$(\n  date\n)\nEOF\n"
    assert substitutions_joined(heredoc) == heredoc  # a here-document's body is data
    assert substitutions_joined("# see $(man bash\necho (x)\n") == "# see $(man bash\necho (x)\n"  # a comment
    assert substitutions_joined("R=$(cat <<EOF\neu-west-1\nEOF\n)\n") == "R=$(cat <<EOF\neu-west-1\nEOF\n)\n"
    assert substitutions_joined("R=$(echo a)\n") == "R=$(echo a)\n"


# mutation56 (stop 56): bash(1) "Arrays": an arithmetic subscript (`${R[i+1]}`, `${R[1-1]}`, `${R[ 1 ]}`,
# `${R[$((0+1))]}`) is computed where its numbers are literal, and any other (a variable, a negative index, `${#R[@]}`)
# may be any index; a compound assignment's words are brace-expanded; mapfile's -s / -n / -O choose and place its
# lines. On main 8f0aa679 each was no element (an unset variable): the Region abroad passed.
@pytest.mark.parametrize(
    ("script", "element", "expected"),
    [
        ("R=(a b c)", "R[1-1]", ("a",)),
        ("R=(a b c)", "R[ 2 ]", ("c",)),
        ("R=(a b c)", "R[$((0+1))]", ("b",)),
        ("R=(a b c)", "R[2*1-1]", ("b",)),
        ("R=(a b c)", "R[i+1]", ("a", "b", "c")),
        ("R=(a b c)", "R[-1]", ("a", "b", "c")),
        ("R=(a b c)", "R[${#R[@]}-1]", ("a", "b", "c")),
        ("R=(x-{1..2} y)", "R[1]", ("x-2",)),
        ("R=({a,b})", "R[@]", ("a", "b")),
        ("mapfile -t -s 1 R <<EOF\na\nb\nEOF", "R[0]", ("b",)),
        ("mapfile -ts1 R <<EOF\na\nb\nEOF", "R[0]", ("b",)),
        ("mapfile -t -n 1 R <<EOF\na\nb\nEOF", "R[@]", ("a",)),
        ("mapfile -t -O 2 R <<EOF\na\nEOF", "R[2]", ("a",)),
        ("mapfile -t -d , R <<EOF\na\nEOF", "R[0]", ("a",)),  # scripts57: another delimiter splits there (was not read)
    ],
)  # fmt: skip
def test_mutation56_array_elements(script: str, element: str, expected: tuple[str, ...] | None) -> None:
    from components.residency.scripts import array_elements

    name = element.split("[", 1)[0]
    use = f'{script}\necho "${{{element}}}" "${{{name}[@]}}"\n'
    assert array_elements(use).get(element) == expected


# mutation56 (stop 56): positional parameters through a one-line body's `shift`, a shift by a count no number writes
# (every word may be $1), `"$@"` passed on after a shift, `function NAME {`, and a wrapper's `"$@"` on a continued
# line. On main 8f0aa679 each passed every door with a Region abroad; the twins naming a Region abroad only in a word
# the shift drops pass.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('f() { shift; R --region "$1"; }\nf app us-west-2', {"RES-009"}),
        ('f() { shift; R --region "$1"; }\nf us-west-2 eu-central-1', set()),
        ('f() { shift; R --region "$1"; }\nf app eu-central-1', set()),
        ('N=1\nf() {\n  shift "$N"\n  R --region "$1"\n}\nf app us-west-2', {"RES-009"}),
        ('N=1\nf() {\n  shift "$N"\n  R --region "$1"\n}\nf app eu-central-1', set()),
        ('i() { R --region "$1"; }\no() { shift; i "$@"; }\no app us-west-2', {"RES-009"}),
        ('i() { R --region "$1"; }\no() { shift; i "$@"; }\no us-west-2 eu-central-1', set()),
        ('function f { R --region "$1"; }\nf us-west-2', {"RES-009"}),
        ('function f { R --region "$1"; }\nf eu-central-1', set()),
        ('function f { R "$@"; }\nf --region us-west-2', {"RES-009"}),
        ('f() {\n  R \\\n    "$@"\n}\nf --region us-west-2', {"RES-009"}),
        ('f() {\n  R \\\n    "$@"\n}\nf --region eu-central-1', set()),
    ],
)  # fmt: skip
def test_mutation56_positional_parameters(script: str, expected: set[str]) -> None:
    retention = "aws logs put-retention-policy --log-group-name /a --retention-in-days 30"
    text = script.replace("R --region", f"{retention} --region").replace('R "$@"', f'{retention} "$@"')
    text = text.replace("R \\", f"{retention} \\")
    assert {f[0] for f in findings(f"#!/bin/bash\n{text}\n", "EU", "aws")} == expected


# mutation56 (stop 56): the container commands and resolvers this round's mutants hid (catalogue: docker / podman
# `container run|create|exec`, podman's and kubectl's global options, `function`, HAProxy's resolvers `nameserver`).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("docker container run --rm postgres:16 psql -h {h} -U r", ("psql", "{h}")),
        ("podman container run --rm docker.io/library/postgres:16 psql -h {h} -U r", ("psql", "{h}")),
        ("docker container exec fleet-db psql -h {h} -U r", ("psql", "{h}")),
        ("podman --root /var/lib/c run --rm docker.io/library/postgres:16 psql -h {h}", ("psql", "{h}")),
        ("kubectl -n batch run n --image=postgres:16 --command -- psql -h {h}", ("psql", "{h}")),
        ("kubectl --context prod --namespace batch run n --image=postgres:16 --command -- psql -h {h}",
         ("psql", "{h}")),
        ("function dump { psql -h {h} -U r; }", ("psql", "{h}")),
        ("kubectl -s {h}:6443 apply -f /opt/fleet/app.yaml", ("kubectl", "{h}:6443")),
    ],
)  # fmt: skip
def test_mutation56_commands_read(line: str, expected: tuple[str, str]) -> None:
    for host in ("10.0.3.9", "db.partner-analytics.com"):
        assert (expected[0], expected[1].replace("{h}", host)) in hosts(line.replace("{h}", host))


@pytest.mark.parametrize(
    ("resolver", "expected"),
    [("10.0.0.2", set()), ("169.254.169.253", set()), ("203.0.113.53", {"RES-015"}), ("8.8.8.8", {"RES-015"})],
)
def test_mutation56_haproxy_resolvers_nameserver(resolver: str, expected: set[str]) -> None:
    config = (f"cat > /etc/haproxy/haproxy.cfg <<'EOF'\nresolvers vpc\n    nameserver dns1 {resolver}:53\n"
              "backend app\n    server app1 10.0.1.15:8080 resolvers vpc check\nEOF\n")  # fmt: skip
    assert {f[0] for f in findings(f"#!/bin/bash\n{config}", "EU", "aws")} == expected


# mutation56 (stop 56): jq's -e / -c / -j / -S / -M change only how it prints (each checked with jq 1.6): read as -r
# is; -n / -s / -C are not (their output or input differs; -n and -s are read since stop 57).
@pytest.mark.parametrize(
    ("options", "expected"),
    [("-er", {"RES-009"}), ("-r -e", {"RES-009"}), ("-j", {"RES-009"}), ("-rc", {"RES-009"}),
     ("--exit-status --raw-output", {"RES-009"}), ("-rS", {"RES-009"}),
     # fnros57 (stop 57): -s is read now: `[{...}] | .r` is jq's error (unknown); -n (falsealarm57): `null | .r`
     # prints only "null", a value not found (unknown)
     ("-rn", {"RES-011"}), ("-rs", {"RES-011"})],
)  # fmt: skip
def test_mutation56_jq_printing_options(options: str, expected: set[str]) -> None:
    script = f"DR=$(echo '{{\"r\": \"us-west-2\"}}' | jq {options} '.r')\n{_DR56}\n"
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}", "EU", "aws")} == expected


# falsealarm56b (stop 56): a jq program's regular expression (its first argument to test / match / capture / scan /
# split / splits / sub / gsub) is compared with the input, never contacted: the whole-script scan read one written
# like an ARN or a URL as a reference (RES-011 / RES-017 / RES-015 at home). Only that literal: a replacement, a
# double-quoted program, the same text outside jq and a reference beside it stay judged.
_Q56 = "Q=$(aws sqs get-queue-url --queue-name fleet-jobs --region eu-west-1 --query QueueUrl --output text)\n"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_Q56 + 'R=$(echo "$Q" | jq -rR \'capture("^https://sqs\\\\.(?<r>[a-z0-9-]+)\\\\.") | .r\')\necho $R\n', []),
        (
            "ARN=$(aws sqs get-queue-attributes --queue-url x --region eu-west-1 | jq -r .Attributes.QueueArn)\n"
            'R=$(jq -rn --arg a "$ARN" \'$a | capture("^arn:aws:sqs:(?<r>[a-z0-9-]+):") | .r\')\nlogger "$R"\n',
            [],
        ),
        ("aws s3api list-buckets | jq -r '.Buckets[].Name | select(test(\"^arn:aws:s3:::fleet-\"))'\n", []),
        (
            "aws lambda list-functions --region eu-west-1 \\\n  | jq -r '.Functions[].FunctionArn\n"
            '  | capture("^arn:aws:lambda:(?<region>[^:]+):(?<a>[0-9]{12}):function:(?<n>.+)$") | .n\'\n',
            [],
        ),
        ("aws sqs list-queues --region eu-west-1 | jq -r '.QueueUrls[] | [scan(\"https://sqs\\\\.[^/]+/\")]'\n", []),
        ('echo "$A" | jq -r \'split("arn:aws:sqs:") | .[1]\'\n', []),
        # the replacement is the program's output: a queue abroad stays judged
        ('echo x | jq -r \'sub("^x$"; "arn:aws:sqs:us-west-2:123456789012:dr")\'\n', ["RES-004"]),
        # fnros57 (stop 57): a double-quoted program's pattern is no reference either (RES-011 before); the same
        # pattern outside jq, an ARN beside the pattern in the same program
        ('echo "$A" | jq -r ".a | capture(\\"^arn:aws:sqs:(?<r>[a-z0-9-]+):\\")"\n', []),
        ("logger 'arn:aws:sqs:(?<r>[a-z0-9-]+):'\n", ["RES-011"]),
        ('jq -n \'"arn:aws:sqs:us-west-2:123456789012:dr" | test("^arn:aws:sqs:")\'\n', ["RES-004"]),
        # a pattern holding an interpolation is left as written
        ('jq -rn --arg r x \'"y" | test("arn:aws:sqs:\\($r):")\'\n', ["RES-011"]),
    ],
)
def test_falsealarm56b_a_jq_regular_expression_is_no_reference(script: str, expected: list[str]) -> None:
    assert [rule for rule, _, _ in findings("#!/bin/bash\n" + script, "EU", "aws")] == expected


def test_falsealarm56b_jq_patterns_blanked_keeps_offsets() -> None:
    script = "jq -r '.a | capture(\"^arn:aws:sqs:(?<r>[^:]+):\") | .r' f\ncurl 'capture(\"x\")'\n"
    blanked = jq_patterns_blanked(script)
    assert len(blanked) == len(script) and "arn:aws" not in blanked and "curl 'capture(\"x\")'" in blanked
    assert jq_patterns_blanked("echo 'test(\"a\")'\n") == "echo 'test(\"a\")'\n"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="jq '\"()\\|;\n atesu", max_size=60))
def test_falsealarm56b_jq_patterns_blanked_never_moves_text(text: str) -> None:
    blanked = jq_patterns_blanked(text)
    assert len(blanked) == len(text)
    assert all(b in (a, " ") for a, b in zip(text, blanked, strict=True))


# falsealarm56b (stop 56): a Compose network's dotted alias (`aliases: [pg.fleet-app.internal]`) is answered by
# Docker's embedded DNS for the containers on that network: a service's name where every service of the file joins it
# (RES-015 before); a service on another network, or the machine's own command, still judges it.
_COMPOSE56B = """cat > /opt/fleet/compose.yaml <<'EOF'
services:
  db:
    image: postgres:16
    networks:
      back:
        aliases: [pg.fleet-app.internal]
  app:
    image: fleet/app:1.4
    command: psql -h pg.fleet-app.internal -U fleet
    environment:
      PGHOST: pg.fleet-app.internal
      DB_URL: postgres://pg.fleet-app.internal:5432/fleet
    networks: [NET]
networks:
  back: {}
  front: {}
EOF
docker compose -f /opt/fleet/compose.yaml up -d
"""


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_COMPOSE56B.replace("NET", "back"), set()),
        (_COMPOSE56B.replace("NET", "back, front"), set()),
        (_COMPOSE56B.replace("NET", "front"), {"RES-015"}),
        (_COMPOSE56B.replace("    networks: [NET]\n", ""), {"RES-015"}),  # app on `default` only
        (_COMPOSE56B.replace("NET", "back") + "psql -h pg.fleet-app.internal\n", {"RES-015"}),
        # a dotted link alias or container name is still one DNS label's reading (not this round's)
        (_COMPOSE56B.replace("NET", "back").replace("aliases: [pg.fleet-app.internal]", "{}"), {"RES-015"}),
    ],
)
def test_falsealarm56b_a_compose_dotted_alias_on_a_shared_network(script: str, expected: set[str]) -> None:
    assert {rule for rule, _, _ in findings("#!/bin/bash\n" + script, "EU", "aws")} == expected


# falsealarm56b (stop 56): CORS rules given to ossutil as a quoted JSON document over several lines (single quotes, or
# double quotes with the quotes escaped) were read from their first line only, so their origins stayed in the scan
# (RES-015); the whole quoted word is the configuration now. A computed origin or an upload to it stays judged.
_CORS56B = "ossutil api put-bucket-cors --bucket fleet-web --region cn-shanghai --cors-configuration "
_ORIGIN56B = "https://portal.fleet-partner.example.com"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            _CORS56B + '\'{"CORSRule": [{\n  "AllowedOrigin": [\n    "' + _ORIGIN56B + '"\n  ],\n'
            '  "AllowedMethod": ["GET"]}]}\'\n',
            [],
        ),
        (
            _CORS56B + '"{\\"CORSRule\\":[{\\"AllowedOrigin\\":[\\"' + _ORIGIN56B + '\\",\n'
            '  \\"https://admin.fleet-partner.example.com\\"],\\"AllowedMethod\\":[\\"GET\\"]}]}"\n',
            [],
        ),
        (
            _CORS56B + "'<CORSConfiguration>\n<CORSRule>\n<AllowedOrigin>" + _ORIGIN56B + "</AllowedOrigin>\n"
            "</CORSRule>\n</CORSConfiguration>'\n",
            [],
        ),
        (
            _CORS56B
            + '"{\\"CORSRule\\":[{\\"AllowedOrigin\\":[\\"https:\\/\\/portal.fleet-partner.example.com\\"]}]}"\n',
            [],
        ),
        # an upload to the origin beside the rules, an origin the shell computes, a quote that never closes
        (
            _CORS56B + '\'{"CORSRule": [{\n  "AllowedOrigin": ["' + _ORIGIN56B + "\"]}]}'\n"
            "curl -T f " + _ORIGIN56B + "/upload\n",
            ["RES-015"],
        ),
        (
            _CORS56B + '"{\\"CORSRule\\":[{\\"AllowedOrigin\\":[\\"https://$PORTAL\\",\n'
            '  \\"' + _ORIGIN56B + '\\"]}]}"\n',
            ["RES-015"],
        ),
        (_CORS56B + '\'{"CORSRule": [{\n  "AllowedOrigin": ["' + _ORIGIN56B + '"]}]}\n', ["RES-015"]),
    ],
)
def test_falsealarm56b_cors_rules_over_several_lines(script: str, expected: list[str]) -> None:
    found = {rule for rule, _, _ in findings("#!/bin/bash\n" + script, "CN", "alicloud") if rule != "RES-017"}
    assert found == set(expected)


# config56b (stop 56): a Kubernetes manifest in JSON (one line, pretty-printed, a `List`) names its Services as YAML
# does, an ExternalName Service is followed where the manifest is walked as one document and at a host key; ctr task
# exec, crictl exec selecting the container by a filter, kubectl debug --arguments-only under the AWS CLI image;
# Telegraf's InfluxDB v2 `bucket` is no S3 bucket.
_URL56B = "postgres://reports@analytics-db:5432/analytics"


def _list56b(target: str | None, value: str = _URL56B, key: str = "DATABASE_URL") -> dict[str, Any]:
    spec: dict[str, object] = (
        {"type": "ExternalName", "externalName": target}
        if target
        else {"selector": {"app": "db"}, "ports": [{"port": 5432}]}
    )
    service = {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "analytics-db"}, "spec": spec}
    config = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "reports"}, "data": {key: value}}
    return {"apiVersion": "v1", "kind": "List", "items": [service, config]}


def _apply56b(document: object, indent: int | None = None) -> str:
    return f"kubectl apply -f - <<'EOF'\n{json.dumps(document, indent=indent)}\nEOF"


_DEBUG56B = "kubectl debug ops-0 -i --image=amazon/aws-cli {} sqs list-queues --region us-east-1"
_TELEGRAF56B = (
    "cat > /etc/telegraf/telegraf.d/outputs.conf <<'EOF'\n[[outputs.influxdb_v2]]\n  urls = [\"http://{}:8086\"]\n"
    '  organization = "fleet"\n  bucket = "metrics"\nEOF'
)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a JSON List naming its own Service (was RES-015 at the Service's name)
        (_apply56b(_list56b(None)), set()),
        (_apply56b(_list56b(None), indent=2), set()),
        (_apply56b(_list56b(_RDS56)), set()),
        (_apply56b(_list56b(_RDS56), indent=2), set()),
        (_apply56b(_list56b(None)["items"][0]) + "\n" + _apply56b(_list56b(None)["items"][1]), {"RES-015"}),  # two runs
        (_apply56b(_list56b(_P55)), {"RES-015"}),
        (_apply56b(_list56b(None)) + "\ncurl http://analytics-db:5432/", {"RES-015"}),  # the machine: no cluster DNS
        # ctr task exec, crictl exec by filter, kubectl debug --arguments-only (each passed)
        (f"ctr task exec --exec-id s1 cache redis-cli replicaof {_P55} 6379", {"RES-015"}),
        (f"ctr -n fleet tasks exec -t --exec-id=s1 --cwd /data cache redis-cli replicaof {_P55} 6379", {"RES-015"}),
        ("ctr t exec --exec-id s1 cache redis-cli replicaof 10.0.3.9 6379", set()),
        (f"crictl exec --name redis redis-cli replicaof {_P55} 6379", {"RES-015"}),
        (f"crictl exec -i --label app=redis redis-cli replicaof {_P55} 6379", {"RES-015"}),
        (f"crictl exec --latest redis-cli replicaof {_P55} 6379", {"RES-015"}),
        (f"crictl exec --name=redis -s redis-cli replicaof {_P55} 6379", {"RES-015"}),
        ("crictl exec --name redis redis-cli replicaof 10.0.3.9 6379", set()),
        (f"crictl exec -i 3f2a9c8e7d61 redis-cli replicaof {_P55} 6379", {"RES-015"}),  # by ID, as before
        (
            "kubectl debug ops-0 -i --image=amazon/aws-cli --arguments-only -- sqs list-queues --region us-east-1",
            {"RES-009"},
        ),
        ("kubectl debug ops-0 -i --image=amazon/aws-cli --arguments-only -- sqs list-queues --region eu-west-1", set()),
        (_DEBUG56B.format("--arguments-only=false -- aws"), {"RES-009"}),
        # without --arguments-only the words are the command (config56), the image's entrypoint not put before them
        ("kubectl debug ops-0 -i --image=amazon/aws-cli -- aws sqs list-queues --region us-east-1", {"RES-009"}),
        ("kubectl debug ops-0 -i --image=amazon/aws-cli -- aws sqs list-queues --region eu-west-1", set()),
        # Telegraf's InfluxDB v2 bucket (was RES-017); its urls judged
        (_TELEGRAF56B.format("10.0.3.20"), set()),
        (_TELEGRAF56B.format(_P55), {"RES-015"}),
        (
            _TELEGRAF56B.format("10.0.3.20").replace('"metrics"', '"metrics"\n[agent]\n  region = "us-east-1"'),
            {"RES-009"},
        ),
    ],
)
def test_config56b_manifest_and_command_grammars(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@pytest.mark.parametrize("as_json", [True, False])
@pytest.mark.parametrize(("value", "key"), [(_URL56B, "DATABASE_URL"), ("analytics-db", "ANALYTICS_HOST")])
def test_config56b_external_name_followed_in_a_walked_document(as_json: bool, value: str, key: str) -> None:
    # config56b: one List document in k3s's manifests directory is walked as a document: a URL's host or a host key's
    # value naming its ExternalName Service is the Service's target (was RES-015 at the Service's name)
    def check(target: str) -> set[str]:
        document = _list56b(target, value, key)
        if as_json:
            body, name = json.dumps(document, indent=2), "analytics.json"
        else:
            items = "".join(f"  - {json.dumps(item)}\n" for item in document["items"])
            body, name = f"apiVersion: v1\nkind: List\nitems:\n{items}", "analytics.yaml"
        content = "".join(f"      {line}\n" for line in body.splitlines())
        config = (
            f"#cloud-config\nwrite_files:\n  - path: /var/lib/rancher/k3s/server/manifests/{name}\n"
            f"    content: |\n{content}"
        )
        subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": config}, provider("EU", "aws"))
        return {f.rule.id for f in ENGINES["EU"].check(subject)[0]}

    assert check(_RDS56) == set()
    assert check(_P55) == {"RES-015"}
    assert check("db.example.internal") == {"RES-015"}


@settings(max_examples=30, deadline=None)
@given(st.from_regex(r"[a-z](?:[a-z0-9-]{0,9}[a-z0-9])?", fullmatch=True), st.sampled_from([None, 2]))
def test_config56b_a_json_list_defines_its_selector_services(name: str, indent: int | None) -> None:
    # config56b: the Service's names are defined whatever its name (a DNS label) and the JSON's layout; a URL to
    # another name is not
    assume(name != "other")
    document = _list56b(None, f"postgres://r@{name}:5432/a")
    document["items"][0]["metadata"]["name"] = name
    assert {f[0] for f in findings("#!/bin/bash\n" + _apply56b(document, indent) + "\n", "EU", "aws")} == set()
    document["items"][1]["data"]["DATABASE_URL"] = "postgres://r@other:5432/a"
    assert {f[0] for f in findings("#!/bin/bash\n" + _apply56b(document, indent) + "\n", "EU", "aws")} == {"RES-015"}


# scripts56b (stop 56): a here-string or an array item holding a variable holds the variable's values (bash(1) "Here
# Strings": parameter expansion, then read's split), `select` as `for`, an associative array's `[key]=value` items. On
# main 1ae99877 every RES-009 / RES-011 line below passed.
_R56B = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'DR=us-west-2\nread -r -a RS <<< "eu-central-1 $DR"\n{_R56B} "${{RS[1]}}"', ["RES-009"]),
        (f'DR=eu-west-1\nread -r -a RS <<< "eu-central-1 $DR"\n{_R56B} "${{RS[1]}}"', []),
        (f'DR=us-west-2\nread -r -a RS <<< "eu-central-1 $DR"\n{_R56B} "${{RS[0]}}"', []),
        (f'DR=us-west-2\nread -r -a RS <<< "${{DR}} eu-central-1"\n{_R56B} "${{RS[0]}}"', ["RES-009"]),
        (f'DR=us-west-2\nIFS=, read -r -a RS <<< "eu-central-1,$DR"\n{_R56B} "${{RS[1]}}"', ["RES-009"]),
        (f'DR=us-west-2\nread -r APP R <<< "fleet $DR"\n{_R56B} "$R"', ["RES-009"]),
        (f'DR=eu-west-1\nread -r APP R <<< "fleet $DR"\n{_R56B} "$R"', []),
        (f'DR=$(aws configure get dr)\nread -r -a RS <<< "eu-central-1 $DR"\n{_R56B} "${{RS[1]}}"', ["RES-011"]),
        # a one-word substitution: as the same substitution written at the destination (`$(hostname)`: passes there)
        (f'read -r -a RS <<< "eu-central-1 $(hostname)"\n{_R56B} "${{RS[1]}}"', []),
        (f'read -r -a RS <<< "eu-central-1 $(hostname)"\n{_R56B} "${{RS[0]}}"', []),
        (f'DR=us-west-2\nRS=(eu-central-1 "$DR")\n{_R56B} "${{RS[1]}}"', ["RES-009"]),
        (f'DR=us-west-2\nRS=(eu-central-1 $DR)\n{_R56B} "${{RS[0]}}"', []),
        ('DR=us-west-2\nRS=(eu-central-1 "$DR")\necho "${RS[1]}"', []),  # never at a destination
        (f'select R in eu-central-1 us-west-2; do {_R56B} "$R"; break; done', ["RES-009"]),
        (f'select R in eu-central-1 eu-west-1; do {_R56B} "$R"; break; done', []),
        (f'declare -A M=([eu]=eu-central-1 [us]=us-west-2)\n{_R56B} "${{M[us]}}"', ["RES-009"]),
        (f'declare -A M=([eu]=eu-central-1 [us]=us-west-2)\n{_R56B} "${{M[eu]}}"', []),
        (f'declare -A M=(["eu"]=us-west-2)\nk=eu\n{_R56B} "${{M[$k]}}"', ["RES-009"]),
        (f'declare -A M=([eu]=eu-central-1)\nk=eu\n{_R56B} "${{M[$k]}}"', []),
        (f"printf -v R '%s-%d' us-west 2\n{_R56B} \"$R\"", ["RES-009"]),
        (f"printf -v R '%s-%d' eu-west 1\n{_R56B} \"$R\"", []),
        (f"printf -v R '%-12s' us-west-2\n{_R56B} $R", ["RES-009"]),
        (f"printf -v R '%-12s' eu-west-1\n{_R56B} $R", []),
        (f"printf -v R '%.9s' us-west-2a\n{_R56B} \"$R\"", ["RES-009"]),
    ],
)
def test_scripts56b_variables_in_here_strings_and_arrays(script: str, expected: list[str]) -> None:
    assert [rule for rule, _, _ in findings(script, "EU", "aws")] == expected


def test_scripts56b_here_string_fields_written() -> None:
    assert reads_as_assignments('read -r -a RS <<< "a $DR"').rstrip() == 'RS=(a "$DR")'
    assert reads_as_assignments('read -r A B <<< "a ${DR}"').rstrip() == 'A=a;B="${DR}"'
    # a single-quoted word is not expanded; an expansion with blanks inside is left to the old reading (one item)
    assert reads_as_assignments("read -r -a RS <<< 'a $DR'").rstrip() == "RS=('a $DR')"
    assert reads_as_assignments('read -r -a RS <<< "a ${DR:-b c}"').rstrip() == 'RS=("a ${DR:-b c}")'
    assert array_elements('RS=(a "$DR")\nx "${RS[1]}"', references=True)["RS[1]"] == ("$DR",)
    assert "RS[1]" not in array_elements('RS=(a "$DR")\nx "${RS[1]}"')
    assert array_elements('declare -A M=([k]=v [j]="w")\nx "${M[j]}"')["M[j]"] == ("w",)


def test_scripts56b_printf_conversions() -> None:
    assert reads_as_assignments("printf -v R 'us-west-%d' 2").rstrip() == "R=us-west-2"
    assert reads_as_assignments("printf -v R '%-4s:' ab").rstrip() == "R='ab  :'"
    assert reads_as_assignments("printf -v R '%i-%03d' 7 5").rstrip() == "R=7-005"
    # a word that is no number, or another conversion: not computed (scripts57: `010` is octal, read below); since
    # falsealarm60 an assignment of that substitution, a value not known (left as written R was unset: a placeholder)
    assert reads_as_assignments("printf -v R '%d' x").rstrip() == "R=$(printf '%d' x)"
    assert reads_as_assignments("printf -v R '%x' x").rstrip() == "R=$(printf '%x' x)"
    assert reads_as_assignments("printf -v R '%x' 10").rstrip() == "R=a"  # fnros61: %x computed (bash prints a)


# scripts56b: an SSM Command document's items are one script: an array an item fills (`RS=(...)`, `read -a`) reaches a
# later item's `${RS[1]}` (on main 1ae99877 both RES-009 lines passed)
@pytest.mark.parametrize(
    ("fill", "dr", "expected"),
    [
        ('RS=(eu-central-1 "$DR")', "us-west-2", ["RES-009"]),
        ('RS=(eu-central-1 "$DR")', "eu-west-1", []),
        ('read -r -a RS <<< "eu-central-1 $DR"', "us-west-2", ["RES-009"]),
        ('read -r -a RS <<< "eu-central-1 $DR"', "eu-west-1", []),
    ],
)
def test_scripts56b_array_across_ssm_items(fill: str, dr: str, expected: list[str]) -> None:
    lines = [f"DR={dr}", fill, f'{_R56B} "${{RS[1]}}"']
    step = {"action": "aws:runShellScript", "name": "b", "inputs": {"runCommand": lines}}
    content = json.dumps({"schemaVersion": "2.2", "mainSteps": [step]})
    props = {"content": content, "documentType": "Command", "documentFormat": "JSON"}
    subject = Subject("aws:ssm/document:Document", "d", props, provider("EU", "aws"))
    assert [f.rule.id for f in ENGINES["EU"].check(subject)[0]] == expected


# mutation57 (stop 57): `read NAME <<DELIM` takes the here-document's first line (bash(1) "Here Documents", "read"),
# quoted delimiter or not, `<<-` with tabs, a command after it on the line; a positional slice giving one parameter
# (`${@:2}` of two words, `${@:2:1}`); `printf -v` with `%q` / `%b` of a plain word and `--`; a text filter reading a
# here-string (`jq -r .x <<< '{...}'`). On main 44bcf26a each RES-009 row passed (an unset variable) and each
# compliant jq row was RES-011.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("read -r DR <<EOF\nus-west-2\nEOF", {"RES-009"}),
        ("read -r DR <<EOF\neu-central-1\nus-west-2\nEOF", set()),  # only the first line is read
        ("read DR <<'EOF'\nus-west-2\nEOF", {"RES-009"}),
        ("read -r -t 1 DR <<-EOF\n\tus-west-2\n\tEOF", {"RES-009"}),
        ("read -r DR <<EOF; echo read\nus-west-2\nEOF", {"RES-009"}),
        ("X=us-west-2\nread -r DR <<EOF\n$X\nEOF", {"RES-009"}),
        ("read -r DR <<EOF\neu-central-1\nEOF", set()),
        ("read -r DR <<EOF\n$(aws configure get region)\nEOF", {"RES-011"}),
        ('f() { R --region "${@:2}"; }\nf app us-west-2', {"RES-009"}),
        ('f() { R --region "${@:2}"; }\nf app eu-central-1', set()),
        ('f() {\n  R --region "${*:2:1}"\n}\nf app us-west-2', {"RES-009"}),
        ("printf -v DR '%q' us-west-2", {"RES-009"}),
        ("printf -v DR '%b' eu-central-1", set()),
        ("printf -v DR -- '%s' us-west-2", {"RES-009"}),
        ("DR=$(jq -r '.dr' <<< '{\"dr\": \"eu-central-1\"}')", set()),
        ("DR=$(jq -r '.dr' <<< '{\"dr\": \"us-west-2\"}')", {"RES-009"}),
        ('P=\'{"dr": "us-west-2"}\'\nDR=$(jq -r \'.dr\' <<< "$P")', {"RES-009"}),
        ("DR=$(cut -d, -f2 <<< 'eu-west-1,us-west-2')", {"RES-009"}),
    ],
)
def test_mutation57_shell_values(script: str, expected: set[str]) -> None:
    retention = "aws logs put-retention-policy --log-group-name /a --retention-in-days 30"
    text = script.replace("R --region", f"{retention} --region")
    tail = "" if "R --region" in script else f'\n{retention} --region "$DR"'
    assert {f[0] for f in findings(f"#!/bin/bash\n{text}{tail}\n", "EU", "aws")} == expected


def test_mutation57_here_document_read_keeps_offsets() -> None:
    from components.residency.scripts import reads_as_assignments

    script = "read -r DR <<EOF\nus-west-2\nEOF\necho $DR\n"
    written = reads_as_assignments(script)
    assert len(written) == len(script) and written.count("\n") == script.count("\n")
    assert written.startswith("DR=us-west-2;:<<EOF\n")
    # an empty document is left as written; scripts57b (stop 57): several names and -a are read (pin moved);
    # scripts60b (stop 60): `-d X` past the first line is read (the body up to X, all of it here: pin moved)
    for kept in ("read -r A <<EOF\nEOF\n",):
        assert reads_as_assignments(kept) == kept
    assert reads_as_assignments("read -d , A <<EOF\nx\nEOF\n") == "A=x;:<<EOF\n        \nEOF\n"
    assert reads_as_assignments("read -r A B <<EOF\nx y\nEOF\n").startswith("A=x;B=y;:<<EOF\n")
    assert reads_as_assignments("read -ra A <<EOF\nx y\nEOF\n").startswith("A=(x y);:<<EOF\n")


# mutation57 (stop 57): catalogue: Vector's options and VECTOR_CONFIG take comma-separated lists (`option_separator`),
# ctr's `containers create` (`c`, `container`) reads as `ctr run`. Each partner row passed every door on main 44bcf26a.
_SINK57 = "sinks:\n  c:\n    type: socket\n    inputs: [a]\n    mode: tcp\n    address: {h}:514\n"


@pytest.mark.parametrize(
    ("run", "expected_partner"),
    [
        ("export VECTOR_CONFIG=/etc/fleet/a.toml,/etc/fleet/sinks.yaml\nvector &", {"RES-015"}),
        ('export VECTOR_CONFIG="/etc/fleet/sinks.yaml,/etc/fleet/a.toml"\nvector &', {"RES-015"}),
        ("vector -c /etc/vector/vector.yaml,/etc/fleet/sinks.yaml &", {"RES-015"}),
        ("vector --config=/etc/vector/vector.yaml,/etc/fleet/sinks.yaml &", {"RES-015"}),
        ("VECTOR_CONFIG_DIR=/etc/vector,/etc/fleet vector &", {"RES-015"}),
        ("vector -c /etc/vector/vector.yaml &", set()),  # the written file named nowhere
    ],
)
def test_mutation57_vector_config_lists(run: str, expected_partner: set[str]) -> None:
    for host, expected in (("10.0.1.20", set()), ("db.partner-analytics.com", expected_partner)):
        script = f"mkdir -p /etc/fleet\ncat > /etc/fleet/sinks.yaml <<'EOF'\n{_SINK57.format(h=host)}EOF\n{run}\n"
        assert {f[0] for f in findings(f"#!/bin/bash\n{script}", "EU", "aws")} == expected


@pytest.mark.parametrize(
    "line",
    [
        "ctr c create docker.io/library/redis:7 cache redis-server --replicaof {h} 6379",
        "ctr -n k8s.io containers create --net-host docker.io/library/redis:7 cache redis-cli -h {h} ping",
        "ctr container create --env A=1 docker.io/library/postgres:16 db psql -h {h} -U r",
    ],
)
def test_mutation57_ctr_containers_create(line: str) -> None:
    for host in ("10.0.3.9", "db.partner-analytics.com"):
        assert any(h == host for _, h in hosts(line.replace("{h}", host)))
    assert {
        f[0] for f in findings(f"#!/bin/bash\n{line.replace('{h}', 'db.partner-analytics.com')}\n", "EU", "aws")
    } == {"RES-015"}


# mutation57 (stop 57): a standalone ossutil's own `--region` is read as `aliyun ossutil ... --region` is (found by the
# mutants tool: `ossutil ... --region <abroad>` passed every door on main 44bcf26a; through `aliyun ossutil` RES-009).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ossutil ls --region ap-southeast-1 --limited-num 10", {"RES-009"}),
        ("ossutil ls --region cn-beijing --limited-num 10", set()),
        ("aliyun ossutil ls --region ap-southeast-1 --limited-num 10", {"RES-009"}),
    ],
)
def test_mutation57_ossutil_region(line: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{line}\n")} == expected


# falsealarm57 (stop 57): a function's `while read` loop reads what its callers pipe into it (bash(1) "Shell
# Functions": the function runs with the caller's standard input). On main 44bcf26a every such loop was unknown
# (`$(< /dev/stdin)`, RES-015 at a destination), a false alarm for the VPC's addresses; a partner's host piped in is
# refused by name now, and a call whose input is not read (a file the script does not write, none) stays unknown.
_F57 = 'f() { while read -r h; do psql -h "$h"; done; }\n'
_F57_LINES = 'function f {\n  while read -r h; do\n    psql -h "$h"\n  done\n}\n'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_F57 + "printf '%s\\n' 10.0.1.7 10.0.1.8 | f\n", []),
        (_F57_LINES + "printf '%s\\n' 10.0.1.7 |\n  f\n", []),
        (_F57 + "hostname -I | tr ' ' '\\n' | f\n", []),
        (_F57 + "printf '%s\\n' db.partner.example.com | f\n", ["db.partner.example.com"]),
        (_F57 + "printf '%s\\n' 10.0.1.7 | f\nprintf '%s\\n' db.partner.example.com | f\n", ["db.partner.example.com"]),
        (_F57_LINES + "printf '%s\\n' db.partner.example.com | f\n", ["db.partner.example.com"]),
        # falsealarm58 (stop 58): the call's own redirection is read (the file's unknown content, still RES-015)
        (_F57 + "printf '%s\\n' 10.0.1.7 | f\nf < /etc/fleet/peers\n", ["$(< /etc/fleet/peers)"]),
        (_F57 + "f\n", ["$(< /dev/stdin)"]),
        (_F57 + "true || f\n", ["$(< /dev/stdin)"]),
        (_F57, ["$(< /dev/stdin)"]),
    ],
)  # fmt: skip
def test_falsealarm57_a_function_s_loop_reads_its_callers_pipes(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


# falsealarm57 (stop 57): the machine's own address or name keeps through stages selecting whole lines or fields
# (`cut -d' ' -f1`, `awk '{print $1}'`, `head`, `tr -d ' '`, jq's identity), and `ip -4 addr show eth0` is its own
# (RES-015 on main 44bcf26a); a character edit (`cut -c2-`, `sed 's/^1//'`, `tr 1 5`, a name's last label removed)
# and a tunnel's address are not the machine's own (each passed on main). The instance's placement keeps the looser
# test (a zone minus its letter is its Region).
@pytest.mark.parametrize(
    ("value", "refused"),
    [
        ("$(hostname -i | cut -d' ' -f1)", False),
        ("$(hostname -I | awk '{print $1}')", False),
        ("$(hostname -I | tr -d ' ')", False),
        ("$(hostname | cut -d. -f1)", False),
        ("$(hostname -f | jq -R .)", False),
        ("$(curl -s http://169.254.169.254/latest/meta-data/local-ipv4 | head -n 1)", False),
        ("$(curl -s http://100.100.100.200/latest/meta-data/private-ipv4)", False),
        ("$(ip -4 addr show eth0 | awk '/inet / {print $2}' | cut -d/ -f1)", False),
        ("$(ip -o -4 addr show dev ens5 | awk '{print $4}' | cut -d/ -f1)", False),
        ("$(hostname -i | cut -c2-)", True),
        ("$(hostname -i | sed 's/^1//')", True),
        ("$(hostname -I | awk '{print $1}' | tr 1 5)", True),
        ("$(hostname -f | sed 's/.internal$//')", True),
        ("$(curl -s http://169.254.169.254/latest/meta-data/local-ipv4 | cut -c3-)", True),
        ("$(ip -4 addr show tun0 | awk '/inet / {print $2}' | cut -d/ -f1)", True),
        ("$(ip -4 addr show | awk '/inet / {print $2}' | cut -d/ -f1)", True),
    ],
)
def test_falsealarm57_the_machine_s_own_values_through_text_tools(value: str, refused: bool) -> None:
    found = findings(f'#!/bin/bash\nIP={value}\ncurl -fsS "http://$IP:8080/healthz"\n', "EU", "aws")
    assert bool(found) is refused, found


def test_falsealarm57_the_instance_s_zone_minus_its_letter_is_still_its_region() -> None:
    zone = "$(curl -s http://169.254.169.254/latest/meta-data/placement/availability-zone | sed 's/[a-z]$//')"
    assert findings(f"#!/bin/bash\naws s3 ls --region {zone}\n", "EU", "aws") == []


# falsealarm57 (stop 57): jq 1.7 `--null-input` (`jq -n --arg region R '$ARGS.named'`) is computed (RES-011 on main
# 44bcf26a), and a variable's JSON value filled into `$(echo "$S" | jq -r .region)` keeps its quotes (bash(1) "Quote
# Removal": an expansion's quotes are not removed): on main the Region abroad passed every door.
_READ57 = 'aws s3 ls --region "$(echo "$S" | jq -r .region)"'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("S=$(jq -cn --arg region eu-west-1 --arg b x '$ARGS.named')\n" + _READ57,
         set()),
        ("S=$(jq -cn --arg region us-west-2 --arg b x '$ARGS.named')\n" + _READ57,
         {("RES-009", "us-west-2")}),
        ("aws s3 ls --region \"$(jq -rn --arg r eu-west-1 '$r')\"", set()),
        ("aws s3 ls --region \"$(jq -rn --arg r us-west-2 '$r')\"", {("RES-009", "us-west-2")}),
        ("S='{\"region\":\"eu-west-1\"}'\naws s3 ls --region \"$(echo \"$S\" | jq -r .region)\"", set()),
        ("S='{\"region\":\"us-west-2\"}'\naws s3 ls --region \"$(echo \"$S\" | jq -r .region)\"",
         {("RES-009", "us-west-2")}),
        ("aws s3 ls --region \"$(jq -r .region)\"", {("RES-011", "$(jq -r .region)")}),
    ],
)  # fmt: skip
def test_falsealarm57_jq_null_input_and_a_json_value_filled_whole(script: str, expected: set[tuple[str, str]]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == expected, found


# scripts57 (stop 57): the one filling of a script's values (scripts.filled_texts, the engine's `_filled` moved; the
# `while read` here-document reader's `_expanded_body_line` cut), pinned through both paths before the cut: a line with
# text around an expansion, a default word, a variable the script never assigns (a placeholder)
_R57 = "aws logs put-retention-policy --log-group-name /fleet/app --retention-in-days 30 --region"


def _loop57(line: str, before: str = "") -> str:
    return f'#!/bin/bash\n{before}while read -r R; do\n  {_R57} "$R"\ndone <<EOF\n{line}\nEOF\n'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_loop57("${P}-2", "P=us-west\n"), ["RES-009"]),  # refused on main already (scripts56)
        (_loop57("${P}-1", "P=eu-west\n"), []),
        (_loop57("${DR:-us-west-2}"), ["RES-009"]),  # passed every door on main 44bcf26a
        (_loop57("${DR:-eu-west-1}"), []),
        (_loop57("${P:-us-west}-2"), ["RES-009"]),
        (_loop57("${Q}-2"), []),  # Q is never assigned: a placeholder, as before
        (_loop57("$P-2", "P=$(aws ssm get-parameter --name /p --output text)\n"), []),  # not a loop word, as before
        ("#!/bin/bash\nP=us-west\n" + f'{_R57} "${{P}}-2"\n', ["RES-009"]),  # the option path, refused on main
        (f'#!/bin/bash\n{_R57} "${{DR:-us-west-2}}"\n', ["RES-009"]),
        (f'#!/bin/bash\n{_R57} "${{DR:-eu-west-1}}"\n', []),
    ],
)
def test_scripts57_one_filling(script: str, expected: list[str]) -> None:
    assert [f[0] for f in findings(script, "EU", "aws")] == expected


def test_scripts57_filled_texts_reads_defaults_and_keeps_unknowns() -> None:
    from components.residency.scripts import filled_texts

    assert filled_texts("${DR:-us-west-2}", {}) == ("us-west-2",)
    assert filled_texts("${DR:-us-west-2}", {"DR": ("eu-west-1",)}) == ("eu-west-1",)
    assert filled_texts("${P}-$Q", {"P": ("us-west",)}) == ("us-west-$Q",)
    assert filled_texts("${Q}-2", {}) == ("${Q}-2",)
    assert filled_texts("${!#}", {"!#": ("a", "b")}) == ("a", "b")  # the last positional parameter (scripts57)
    assert filled_texts("${12}", {"12": ("x",)}) == ("x",)
    assert filled_texts("$12", {"1": ("x",)}) == ("x2",)  # bash(1): `$12` is `$1` then `2`


# scripts57: the shapes round 12, part 2 left open, each passed every door on main 44bcf26a with a Region abroad
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'{_R57} "$(cat <<EOF | head -n1\nus-west-2\neu-west-1\nEOF\n)"', ["RES-009"]),
        (f'{_R57} "$(cat <<EOF | head -n1\neu-west-1\nus-west-2\nEOF\n)"', []),
        (f"{_R57.removesuffix(' --region')} $(cat <<EOF\n--region\nus-west-2\nEOF\n)", ["RES-009"]),
        (f'retain() {{\n  {_R57} "${{!#}}"\n}}\nretain a eu-west-1\nretain a b us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_R57} "${{@: -1}}"\n}}\nretain a eu-west-1\nretain a b eu-west-1', []),
        (f'retain() {{\n  {_R57} "${{11}}"\n}}\nretain 1 2 3 4 5 6 7 8 9 10 us-west-2', ["RES-009"]),
        (f'A=us-west\nprintf -v R \'%s-%s\' "$A" 2\n{_R57} "$R"', ["RES-009"]),
        (f"A=us-west\nprintf -v R '%s-%s' '$A' 2\n{_R57} \"$R\"", []),  # single-quoted: the text `$A`, no Region
        (f"printf -v R 'us-west-%d' 0x2\n{_R57} \"$R\"", ["RES-009"]),
        (f"printf -v R 'us-west-%d' 02\n{_R57} \"$R\"", ["RES-009"]),
        (f"echo us-west-2 > /etc/r\nread -r -d '' R < /etc/r || true\n{_R57} \"$R\"", ["RES-009"]),
        (f'echo eu-west-1 > /etc/r\nread -t 5 R < /etc/r\n{_R57} "$R"', []),
        (f"read -r -d '' R < /etc/r || true\n{_R57} \"$R\"", ["RES-011"]),
        (f'mapfile -d , -t RS < <(printf %s "eu-west-1,us-west-2")\n{_R57} "${{RS[1]}}"', ["RES-009"]),
        (f'mapfile -d , -t RS < <(printf %s "eu-west-1,us-west-2")\n{_R57} "${{RS[0]}}"', []),
        (f'mapfile -t -u 3 RS\n{_R57} "${{RS[0]}}"', ["RES-011"]),  # a descriptor the script opens nowhere
        (f'R=`cat <<EOF\nus-west-2\nEOF\n`\n{_R57} "$R"', ["RES-009"]),
        (f'RS=(eu-west-1 us-west-2)\nR="${{RS[1]}}"\n{_R57} "$R"', ["RES-009"]),
        (f'RS=(eu-west-1 us-west-2)\nR="${{RS[0]}}"\n{_R57} "$R"', []),
        (f'declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nk=home\n{_R57} "${{M[$k]}}"', []),  # was RES-009
        (f'declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nk=dr\n{_R57} "${{M[$k]}}"', ["RES-009"]),
        # mutation58 (stop 58): a key bound by a loop of literal words is those keys' items (was RES-009: every
        # item, a false alarm where the loop never takes the key abroad)
        (f'declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nfor k in home; do {_R57} "${{M[$k]}}"; done', []),
        (
            f'declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nfor k in home dr; do {_R57} "${{M[$k]}}"; done',
            ["RES-009"],
        ),
        (f'read -r -a RS <<< "${{DR:-eu-west-1 us-west-2}}"\n{_R57} "${{RS[1]}}"', ["RES-009"]),
        (f'DR=eu-west-1\nread -r -a RS <<< "${{DR:-eu-west-1 us-west-2}}"\n{_R57} "${{RS[1]}}"', []),
        (f'P=us-west\nR="${{P}}-2"\n{_R57} "$R"', ["RES-009"]),  # an assignment's text around a variable
        (f'P=eu-west\nR="$P-1"\n{_R57} "$R"', []),
        (f'P=$(aws ssm get-parameter --name /p)\nR="$P-1"\n{_R57} "$R"', ["RES-011"]),
    ],
)
def test_scripts57_shapes(script: str, expected: list[str]) -> None:
    assert sorted({f[0] for f in findings("#!/bin/bash\n" + script + "\n", "EU", "aws")}) == expected


def test_scripts57_readings() -> None:
    from components.residency.scripts import _mapfile_options, array_inputs

    assert reads_as_assignments("read -r -d '' R < /etc/r").rstrip() == "R=$(</etc/r)"
    assert reads_as_assignments("read -t 5 -r R < /etc/r").rstrip() == "R=$(</etc/r)"
    # scripts58 (stop 58): another delimiter is read now (pinned unread here): a file the script does not write is
    # unknown, `$(< FILE)`, as with `-d ''` (test_scripts58_read_delimited_file)
    assert reads_as_assignments("read -d , R < /etc/r").rstrip() == "R=$(</etc/r)"
    assert reads_as_assignments("printf -v R 'us-west-%d' 010").rstrip() == "R=us-west-8"  # octal (was left as is)
    assert reads_as_assignments("printf -v R '%d' \"'a\"").rstrip() == "R=97"
    assert reads_as_assignments("printf -v R '%s-%s' \"$A\" 2").rstrip() == 'R="${A}-2"'
    # falsealarm60: `%d` of a variable gives its values (a value that is no number: bash prints less, a superset)
    assert reads_as_assignments("printf -v R '%d' \"$A\"").rstrip() == 'R="${A}"'
    # falsealarm60: not computed, an assignment of that substitution (a value not known; R was unset)
    assert reads_as_assignments("printf -v R '%s' \"${A:-x}\" y").rstrip() == "R=$(printf '%s' \"${A:-x}\" y)"
    assert _mapfile_options("mapfile -t -C \"echo read\" -c 1 -d '' ") == [
        ("t", ""),
        ("C", "echo read"),
        ("c", "1"),
        ("d", ""),
    ]
    script = "exec 3< /etc/fleet/regions\nmapfile -t -u 3 RS\n"
    assert array_inputs(script) == [("RS", "lines", "$(< /etc/fleet/regions)")]
    assert array_inputs('mapfile -d , -t RS < <(printf %s "a,b")') == [("RS", "lines/0/0/0/44", '$(printf %s "a,b")')]
    assert cat_heredocs_written('x "$(cat <<EOF | head -n1\na\nb\nEOF\n)"').startswith('x "a')
    assert last_positional_written('f() { x "${!#}"; }\nf a\nf a b') == 'f() { x "${!#}"; }\nf a\nf a b'
    assert last_positional_written('f() { x "${@: -1}"; }\nf a\nf a b') == 'f() { x "${!#}"; }\nf a\nf a b'
    assert positional_words('f() { x "${!#}"; }\nf a\nf a b')[0][2]["!#"] == ("a", "b")


@given(st.integers(min_value=-(2**31), max_value=2**31), st.sampled_from(["{:d}", "0x{:x}", "0X{:X}", "0{:o}"]))
def test_scripts57_printf_c_constants(number: int, form: str) -> None:
    from components.residency.scripts import _c_constant

    sign = "-" if number < 0 else ""
    assert _c_constant(sign + form.format(abs(number))) == number


def test_scripts57_words_built_on_each_other_hold_few_values() -> None:
    # scripts57: text around variables is filled (`A="${B}-x"`); words built on each other in a loop stop growing
    from components.residency.engine import _MAX_VALUES_ANYWHERE, _assigned_values

    script = '#!/bin/bash\nB=x\nC=y\nfor i in 1 2; do\n A="${B}${C}"\n B="${A}${C}"\n C="$B$A"\ndone\necho "$A"\n'
    values = _assigned_values(script).at(script.index("echo"))
    assert values and all(len(held) <= _MAX_VALUES_ANYWHERE for held in values.values())


# config57 (stop 57): Vector's namespace subdirectories of a --config-dir / VECTOR_CONFIG_DIR directory hold one
# component each (`sinks/central.yaml` is the sink `central`'s body), Filebeat's relative `-c NAME` with no
# --path.config names a written file whose path ends with the name (a tarball's `./filebeat` run by its path too), and
# the Datadog Agent's site (datadog.yaml `site`, DD_SITE) is the host its data goes to. On main 44bcf26a every RES-015
# below passed.
def _vector57(host: str, run: str, kind: str = "sinks", name: str = "central") -> str:
    return (
        f"mkdir -p /etc/fleet/pipe/{kind}\ncat > /etc/fleet/pipe/{kind}/{name}.yaml <<'EOF'\ntype: socket\n"
        f"inputs: [app]\naddress: {host}:514\nmode: tcp\nEOF\n{run}"
    )


def _filebeat57(file: str, host: str, run: str) -> str:
    return f"cat > {file} <<'EOF'\noutput.logstash:\n  hosts: [\"{host}:5044\"]\nEOF\n{run}"


_DATADOG57 = "cat > /etc/datadog-agent/datadog.yaml <<'EOF'\napi_key: x\nsite: {}\nEOF"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_vector57(_P55, "vector --config-dir /etc/fleet/pipe"), {"RES-015"}),
        (_vector57(_P55, "vector -C /etc/fleet/pipe/ --watch-config"), {"RES-015"}),
        (_vector57(_P55, "vector --config-dir=/etc/fleet/pipe"), {"RES-015"}),
        (_vector57(_P55, "VECTOR_CONFIG_DIR=/etc/fleet/pipe vector"), {"RES-015"}),
        (_vector57(_P55, "export VECTOR_CONFIG_DIR='/etc/fleet/pipe'\nvector"), {"RES-015"}),
        (_vector57("10.0.3.20", "vector --config-dir /etc/fleet/pipe"), set()),
        # a source's `address` is where it listens (read under `sources`, no host key there)
        (_vector57("0.0.0.0", "vector --config-dir /etc/fleet/pipe", kind="sources"), set()),
        # right in the directory, as config56 read it: unchanged
        (_vector57(_P55, "vector -C /etc/fleet/pipe/sinks"), {"RES-015"}),
        # relative -c with no --path.config: a written file whose path ends with the name
        (_filebeat57("/opt/filebeat/shipper.yml", _P55, "cd /opt/filebeat && ./filebeat -c shipper.yml"), {"RES-015"}),
        (_filebeat57("/etc/filebeat/shipper.yml", _P55, "filebeat -e -c shipper.yml"), {"RES-015"}),
        (_filebeat57("/etc/filebeat/shipper.yml", _P55, "filebeat -e -c=./shipper.yml"), {"RES-015"}),
        (_filebeat57("/opt/fb/conf/ship.yml", _P55, "/usr/share/filebeat/bin/filebeat -c conf/ship.yml"), {"RES-015"}),
        (_filebeat57("/opt/filebeat/shipper.yml", "10.0.3.20", "cd /opt/filebeat && ./filebeat -c shipper.yml"), set()),
        # an absolute -c given to the binary run by its path (config55b's reading, now with the path)
        (_filebeat57("/opt/fleet/ship.json", _P55, "/opt/filebeat/filebeat -c /opt/fleet/ship.json"), {"RES-015"}),
        # the Datadog Agent's site: a third party's host, declared to pass
        (_DATADOG57.format("datadoghq.com"), {"RES-015"}),
        (_DATADOG57.format("datadoghq.eu"), {"RES-015"}),
        ("export DD_SITE=us5.datadoghq.com\nsystemctl restart datadog-agent", {"RES-015"}),
        ("cat > /etc/datadog-agent/datadog.yaml <<'EOF'\napi_key: x\nhostname: fleet-1\nEOF", set()),
        ("export DD_ENV=prod DD_SERVICE=fleet\nsystemctl restart datadog-agent", set()),
    ],
)  # fmt: skip
def test_config57_namespaced_relative_and_site_grammars(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@settings(max_examples=30, deadline=None)
@given(st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True), st.sampled_from(["-C", "--config-dir"]))
def test_config57_a_namespaced_sink_is_read_whatever_its_id(name: str, option: str) -> None:
    # config57: the file's stem is the component's id (any id), the subdirectory its type
    script = _vector57(_P55, f"vector {option} /etc/fleet/pipe", name=name)
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == {"RES-015"}


def test_config57_a_declared_datadog_site_passes() -> None:
    # config57: the site declared (a resident destination) is proven like any host
    entry = {"id": "dd-eu1", "kind": "resident", "match": "datadoghq.eu", "evidence": "Datadog EU1, under contract"}
    engine = RuleEngine("EU", destinations=parse_destinations([entry]))
    payload = base64.b64encode(f"#!/bin/bash\n{_DATADOG57.format('datadoghq.eu')}\n".encode()).decode()
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": payload}, provider("EU", "aws"))
    assert [(f.rule.id, f.declared_by) for f in engine.check(subject)[0]] == [("RES-015", "dd-eu1")]


# config57 (stop 57): an `@include` of a relative name is also looked for in the configuration's `include-path`
# directories (`@define include-path "...:DIR"`, in the including file or another syslog-ng file the script writes); a
# part naming a definition (`scl-root`) is the package's. On main 44bcf26a the RES-015 lines passed.
def _syslog57(host: str, define: str, where: str = "main") -> str:
    main = f'@version: 4.2\n@include "scl.conf"\n{define if where == "main" else ""}\n'
    included = f'{define if where == "conf.d" else ""}\n@include "central.conf"\nlog {{ destination(d_central); }};\n'
    return (
        f"cat > /etc/syslog-ng/fleet/central.conf <<'EOF'\ndestination d_central {{ network(\"{host}\"); }};\nEOF\n"
        f"cat > /etc/syslog-ng/syslog-ng.conf <<'EOF'\n{main}EOF\n"
        f"cat > /etc/syslog-ng/conf.d/fleet.conf <<'EOF'\n{included}EOF"
    )


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_syslog57(_P55, '@define include-path "`include-path`:/etc/syslog-ng/fleet"'), {"RES-015"}),
        (_syslog57(_P55, '@define include-path "/etc/syslog-ng/fleet/"', where="conf.d"), {"RES-015"}),
        (_syslog57(_P55, "@define include-path '/usr/share/syslog-ng/include/scl:/etc/syslog-ng/fleet'"), {"RES-015"}),
        (_syslog57("10.0.3.20", '@define include-path "`include-path`:/etc/syslog-ng/fleet"'), set()),
        # no include-path naming the directory: the relative name is the including file's neighbour (not written)
        (_syslog57(_P55, '@define include-path "`scl-root`"'), set()),
        (_syslog57(_P55, ""), set()),
    ],
)  # fmt: skip
def test_config57_syslog_ng_include_path(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# config57 (stop 57): a cloud-config's runcmd naming a file its write_files writes at a tool's option (`vector -C DIR`
# with DIR/sinks/NAME.yaml, `./filebeat -c NAME`) makes it that tool's file, as in a script (both passed on main).
_CC_SINK57 = "/etc/fleet/pipe/sinks/central.yaml"
_FB57 = "/opt/filebeat/shipper.yml"


@pytest.mark.parametrize(
    ("path", "content", "run", "expected"),
    [
        (_CC_SINK57, f"type: socket\naddress: {_P55}:514", "vector -C /etc/fleet/pipe", {"RES-015"}),
        (_CC_SINK57, "type: socket\naddress: 10.0.3.20:514", "vector -C /etc/fleet/pipe", set()),
        (_FB57, f"output.logstash:\n  hosts: ['{_P55}:5044']", "cd /opt/filebeat && ./filebeat -c shipper.yml",
         {"RES-015"}),
        (_FB57, "output.logstash:\n  hosts: ['10.0.3.20:5044']", "/opt/filebeat/filebeat -c shipper.yml", set()),
        ("/opt/fleet/pipe.yaml", f"sinks:\n  o:\n    type: socket\n    address: {_P55}:514",
         "vector -c /opt/fleet/pipe.yaml", {"RES-015"}),
    ],
)  # fmt: skip
def test_config57_a_cloud_config_runcmd_names_its_written_file(
    path: str, content: str, run: str, expected: set[str]
) -> None:
    body = "".join(f"      {line}\n" for line in content.splitlines())
    config = f"#cloud-config\nwrite_files:\n  - path: {path}\n    content: |\n{body}runcmd:\n  - {run}\n"
    assert {f[0] for f in findings(config, "EU", "aws")} == expected


# scripts57b (stop 57): what rounds 13 and 26 left open, each passed every door on main 8bba384b with a Region abroad
# (a `#` inside a word, read's -p / -n / several names / process substitution, "${@:N}", printf's `*`, a variable's
# parameter operations); each with its twin at home, and a comment at a word's start still a comment
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"retain() {{ {_R57} ${{!#}}; }}\nretain a us-west-2", ["RES-009"]),
        (f"retain() {{ {_R57} ${{!#}}; }}\nretain a eu-west-1", []),
        (f'R=us-west-2\necho a#b; {_R57} "$R"', ["RES-009"]),
        (f"{_R57} eu-west-1 # --region us-west-2", []),
        (f"{_R57} eu-west-1;# us-west-2", []),
        (f'{_R57} "eu-west-1" \\# --region us-west-2', ["RES-009"]),  # an escaped `#` is text: a second option
        (f'echo "#x"; {_R57} us-west-2', ["RES-009"]),  # a quoted `#` word cut the line's next command
        (f"echo '#x'; {_R57} eu-west-1", []),
        (f'read -r -p "Region: " R <<< "us-west-2"\n{_R57} "$R"', ["RES-009"]),
        (f"read -rp 'Region: ' R <<< eu-west-1\n{_R57} \"$R\"", []),
        (f'read -r -n 9 R <<< "us-west-2-fleet"\n{_R57} "$R"', ["RES-009"]),
        (f'read -r -n 9 R <<< "eu-west-1-fleet"\n{_R57} "$R"', []),
        (f'read -r -n 9 R <<EOF\nus-west-2-fleet\nEOF\n{_R57} "$R"', ["RES-009"]),
        (f'read -r A R <<EOF\nfleet us-west-2\nEOF\n{_R57} "$R"', ["RES-009"]),
        (f'read -r A R <<EOF\nus-west-2 eu-west-1\nEOF\n{_R57} "$R"', []),
        (f'read -r R < <(echo us-west-2)\n{_R57} "$R"', ["RES-009"]),
        (f'read -r R < <(echo eu-west-1)\n{_R57} "$R"', []),
        (f'read -r R < <(aws ssm get-parameter --name /p)\n{_R57} "$R"', ["RES-011"]),
        (f'retain() {{\n  {_R57.removesuffix(" --region")} "${{@:2}}"\n}}\nretain x --region us-west-2', ["RES-009"]),
        (f'retain() {{\n  {_R57.removesuffix(" --region")} "${{@:2}}"\n}}\nretain x --region eu-west-1', []),
        (f"printf -v R '%*s' 0 us-west-2\n{_R57} \"$R\"", ["RES-009"]),
        (f"printf -v R '%.*s' 9 eu-west-1x\n{_R57} \"$R\"", []),
        (f'DR=eu-west-1\n{_R57} "${{DR/eu-west-1/us-west-2}}"', ["RES-009"]),
        (f'DR=eu-west-1\n{_R57} "${{DR/west/central}}"', []),
        (f'DR=xxus-west-2\n{_R57} "${{DR#xx}}"', ["RES-009"]),
        (f'DR=us-west-2.fleet\n{_R57} "${{DR%%.*}}"', ["RES-009"]),
        (f'DR=eu-west-1.fleet\n{_R57} "${{DR%.*}}"', []),
        (f'DR=US-WEST-2\n{_R57} "${{DR,,}}"', ["RES-009"]),
        (f'DR=EU-WEST-1\n{_R57} "${{DR,,}}"', []),
        (f'DR=xxus-west-2\nR="${{DR#xx}}"\n{_R57} "$R"', ["RES-009"]),
        (f'DR=eu-west-1\nread -r R <<< "${{DR/eu-west-1/us-west-2}}"\n{_R57} "$R"', ["RES-009"]),
        (f'{_R57} "${{DR#xx}}"', []),  # a variable the script never sets: a placeholder, as `${DR}`
    ],
)
def test_scripts57b_shapes(script: str, expected: list[str]) -> None:
    assert sorted({f[0] for f in findings("#!/bin/bash\n" + script + "\n", "EU", "aws")}) == expected


# scripts57b: bash(1) "Comments": only an unquoted `#` at a word's start opens one, in the one splitter
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("aws s3 ls # --region us-west-2", ["aws", "s3", "ls"]),
        ("echo a#b; ls", ["echo", "a#b", ";", "ls"]),
        ("f() { x ${!#}; }", ["f", "(", ")", "{", "x", "${!#}", ";", "}"]),
        ("echo \"#x\" '#y' \\#z", ["echo", "#x", "#y", "#z"]),
        ("a;#c d", ["a", ";"]),
        ("x ${#R} $# ${R#eu-} ${R##*-}", ["x", "${#R}", "$#", "${R#eu-}", "${R##*-}"]),
        ("#!/bin/bash", []),
    ],
)
def test_scripts57b_words_comments(line: str, expected: list[str]) -> None:
    from components.residency.scripts import _words

    assert _words(line) == expected


# scripts57b: the parameter operations bash(1) "Parameter Expansion" documents, against a glob-free reference where
# the pattern is literal
@given(st.text("ab-", max_size=8), st.text("ab-", min_size=1, max_size=3))
@settings(max_examples=200)
def test_scripts57b_operations_literal_patterns(value: str, pattern: str) -> None:
    from components.residency.scripts import operated

    assert operated(value, "#", pattern) == value.removeprefix(pattern)
    assert operated(value, "%", pattern) == value.removesuffix(pattern)
    assert operated(value, "//", f"{pattern}/X") == value.replace(pattern, "X")
    assert operated(value, "/", f"{pattern}/X") == value.replace(pattern, "X", 1)
    assert operated(value.upper(), ",,", "") == value.upper().lower()


def test_scripts57b_operations_globs() -> None:
    from components.residency.scripts import operated

    assert operated("a-b-c", "#", "*-") == "b-c"
    assert operated("a-b-c", "##", "*-") == "c"
    assert operated("a-b-c", "%", "-*") == "a-b"
    assert operated("a-b-c", "%%", "-*") == "a"
    assert operated("eu-west-1", "/", "#eu/us") == "us-west-1"
    assert operated("eu-west-1", "/", "%1/2") == "eu-west-2"
    assert operated("eu-west-1", "/", "e*t/us-west") == "us-west-1"
    assert operated("eu-west-1", "^", "") == "Eu-west-1"
    assert operated("$(cmd)", "#", "x") is None


# falsealarm57b (stop 57): jq's string interpolation (jq 1.7 manual, "String interpolation: \(exp)") building a URL
# is judged as the URL the one evaluator computes, its template blanked for the whole-script scan (on main 8bba384b
# the template `sqs.\($r).amazonaws.com` was RES-015 at home); a substitution it cannot compute keeps its template
# (RES-015).
_F57B_JQ = 'Q=$(jq -rn --arg r "$R" --arg a 123456789012 \'"https://sqs.\\($r).amazonaws.com/\\($a)/q"\')\n'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("R=eu-central-1\n" + _F57B_JQ + 'aws sqs send-message --queue-url "$Q" --message-body x\n', set()),
        ("R=eu-west-1\n" + _F57B_JQ.replace("-rn", "-r -n") + 'curl -fsS "$Q"\n', set()),
        ("R=us-west-2\n" + _F57B_JQ + 'aws sqs send-message --queue-url "$Q" --message-body x\n',
         {("RES-006", "sqs.us-west-2.amazonaws.com")}),
        ('R="$(cat /etc/fleet/region)"\n' + _F57B_JQ,
         {("RES-015", "sqs"), ("RES-015", "sqs.\\($r).amazonaws.com")}),
        ("R=eu-central-1\nQ=$(jq -rn --arg r \"$R\" '\"https://intake.partner.example.com/\\($r)\"')\ncurl \"$Q\"\n",
         {("RES-015", "intake.partner.example.com")}),
    ],
)  # fmt: skip
def test_falsealarm57b_jq_interpolation_judged_as_printed(script: str, expected: set[tuple[str, str]]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == expected, found


def test_falsealarm57b_jq_interpolating_programs() -> None:
    text = '$(jq -rn --arg r "$R" \'"https://sqs.\\($r).amazonaws.com/"\')'
    [(start, end)] = jq_interpolating_programs(text)
    assert text[start:end] == '"https://sqs.\\($r).amazonaws.com/"'
    assert jq_interpolating_programs("$(jq -r '.region' <<< \"$S\")") == []  # no interpolation
    assert jq_interpolating_programs("echo '\\(x)'") == []  # no jq


# falsealarm57b (stop 57): a function whose whole body is one echo of words prints them with the call's arguments in
# the positions (bash(1) "Shell Functions"): `R=$(last_arg a "$HOME_REGION")` was unknown on main 8bba384b (RES-011);
# a call given another word, or a body doing more than one echo, stays unknown. Each call is also written after the
# script's end, so that the body's own uses of the positions get its words.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('last() { echo "${!#}"; }\nR=$(last a "$H")\n', 'last() { echo "${!#}"; }\nR=$(echo "${H}")\n\nlast a "$H"'),
        ('f() { echo "$2"; }\nR=$(f a eu-west-1)\n', 'f() { echo "$2"; }\nR=$(echo "eu-west-1")\n\nf a eu-west-1'),
        ('f() {\n  echo "${1}-$#"\n}\nR=$(f eu)\n', 'f() {\n  echo "${1}-$#"\n}\nR=$(echo "eu-1")\n\nf eu'),
        ("f() { printf '%s\\n' \"$@\"; }\nR=$(f a b)\n",
         "f() { printf '%s\\n' \"$@\"; }\nR=$(printf '%s\\n' \"a b\")\n\nf a b"),
        ('f() { echo "$1"; }\nR=$(f "$(cat /etc/r)")\n', None),  # a word read at run time
        ('f() { echo "$1"; }\nR=$(f "a b")\n', None),  # a quoted blank
        ('f() { echo "$1" >&2; }\nR=$(f eu-west-1)\n', None),  # a redirection: prints nothing
        # scripts58 (stop 58): two commands, one silent (was pinned None: unread)
        ('f() { logger x; echo "$1"; }\nR=$(f eu-west-1)\n',
         'f() { logger x; echo "$1"; }\nR=$(echo "eu-west-1")\n\nf eu-west-1'),
        # falsealarm62 (stop 62): two commands, both writing: read as the way they are (was pinned None: unread); the
        # evaluator computes no `date` (RES-011 where used)
        ('f() { date; echo "$1"; }\nR=$(f eu-west-1)\n',
         'f() { date; echo "$1"; }\nR=$(if :; then date; echo "eu-west-1"; fi)\n\nf eu-west-1'),
        ('f() { echo "${@:2}"; }\nR=$(f a eu-west-1)\n', None),  # another expansion of the positions
        ('f() { echo "$1"; }\nf() { echo us-west-2; }\nR=$(f eu-west-1)\n', None),  # defined twice
    ],
)  # fmt: skip
def test_falsealarm57b_function_outputs_written(script: str, expected: str | None) -> None:
    assert function_outputs_written(script) == (script if expected is None else expected)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('H=eu-central-1\nlast() { echo "${!#}"; }\nR=$(last a "$H")\naws s3 ls --region "$R"\n', set()),
        ('last() { echo "${!#}"; }\naws s3 ls --region "$(last a us-west-2)"\n', {("RES-009", "us-west-2")}),
        ('last() { echo "${!#}"; }\nR=$(last a "$(cat /etc/r)")\naws s3 ls --region "$R"\n',
         {("RES-011", '$(last a "$(cat /etc/r)")')}),
        # a call in a substitution gives the body's `$1` its word (its URL was the hosts `sqs`, `1.amazonaws.com`)
        ("u() { printf '%s\\n' \"https://sqs.$1.amazonaws.com/1/q\"; }\nQ=$(u eu-west-1)\ncurl \"$Q\"\n", set()),
        ("u() { printf '%s\\n' \"https://sqs.$1.amazonaws.com/1/q\"; }\nQ=$(u us-west-2)\ncurl \"$Q\"\n",
         {("RES-006", "sqs.us-west-2.amazonaws.com")}),
    ],
)  # fmt: skip
def test_falsealarm57b_a_function_s_output(script: str, expected: set[tuple[str, str]]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == expected, found


# falsealarm57b (stop 57): a Compose network's dotted alias on a network only some services join names that service
# for the services on that network (their values, command and the URLs inside their blocks); a service elsewhere, a
# document with `network_mode: host` and the machine's own commands still judge it (RES-015 for every use on main
# 8bba384b). Each finding's path, after the document's `(yaml)`.
_F57B_COMPOSE = """cat > /opt/c.yaml <<'EOF'
services:
  db:
    image: postgres:16
    networks:
      back:
        aliases: [pg.fleet.internal]
  app:
    image: fleet/app:1
    command: psql -h pg.fleet.internal -U fleet
    environment:
      DATABASE_URL: postgres://fleet@pg.fleet.internal:5432/fleet
    networks: [back]
  web:
    image: nginx:1.27
    networks: [front]
EOF
"""
_F57B_WEB = "    networks: [front]\n"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_F57B_COMPOSE, set()),
        (_F57B_COMPOSE.replace(_F57B_WEB, _F57B_WEB + "    environment:\n      PGHOST: pg.fleet.internal\n"),
         {".services.web.environment.PGHOST"}),
        (_F57B_COMPOSE.replace(_F57B_WEB, _F57B_WEB + "    environment:\n      U: http://pg.fleet.internal/\n"),
         {".services.web.environment.U", "user_data(base64)"}),
        (_F57B_COMPOSE.replace(_F57B_WEB, _F57B_WEB + "    network_mode: host\n"),
         {".services.app.environment.DATABASE_URL", "(services.app).psql", "user_data(base64)"}),
        (_F57B_COMPOSE + "curl http://pg.fleet.internal/\n", {"user_data(base64)"}),
    ],
)  # fmt: skip
def test_falsealarm57b_a_dotted_alias_on_some_services_network(script: str, expected: set[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert all(rule == "RES-015" and value == "pg.fleet.internal" for rule, _, value in found), found
    assert {path.rpartition("(yaml)")[2] or path for _, path, _ in found} == expected, found


# mutation57b (stop 57): a function's `"$1"` passed on whole to another function (bash(1) "Positional Parameters")
# gives the caller's words at that position, as `"$@"` does (on main 8a249ced the inner `$2` held nothing: each
# RES-009 row passed); an associative array's element by a double-quoted subscript (`${M["$k"]}`, `${M["dr"]}`:
# bash(1) "Arrays", the subscript's quotes removed) holds the items of the key it spells (the `"$k"` row passed), used
# in the command or assigned first (`R="${M["$k"]}"`: the assignment's value ended at the inner quote; R unset).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('f() {\n  R --region "$2"\n}\ng() {\n  f app "$1"\n}\ng us-west-2', {"RES-009"}),
        ('f() {\n  R --region "$2"\n}\ng() {\n  f app "$1"\n}\ng eu-central-1', set()),
        ('f() { R --region "${@:2:1}"; }\ng() { f app "${1}"; }\ng us-west-2', {"RES-009"}),
        ('f() { R --region "$1"; }\ng() { f $2; }\ng app eu-west-1\ng app us-west-2', {"RES-009"}),
        ('f() { R --region "$1"; }\ng() { f "$2"; }\ng us-west-2 eu-west-1', set()),  # the position, not every word
        ('f() { R --region "$1"; }\ng() { f "$1"; }\ng "$(aws configure get region)"', {"RES-011"}),
        ('declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nk=dr\nR --region "${M["$k"]}"', {"RES-009"}),
        ('declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nk=home\nR --region "${M["$k"]}"', set()),
        ('declare -A M=([home]=eu-central-1 [dr]=eu-west-1)\nk=dr\nR --region "${M["$k"]}"', set()),
        ('declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nR --region "${M["dr"]}"', {"RES-009"}),
        ("declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nR --region \"${M['home']}\"", set()),
        ('declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nk=dr\nR="${M["$k"]}"\nR --region "$R"', {"RES-009"}),
        ('declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nk=home\nR="${M["$k"]}"\nR --region "$R"', set()),
        ('declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nR=${M["dr"]}\nR --region "$R"', {"RES-009"}),
        ('declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nexport R="x${M["dr"]}"\nR --region "$R"', {"RES-011"}),
    ],
)
def test_mutation57b_shell_values(script: str, expected: set[str]) -> None:
    retention = "aws logs put-retention-policy --log-group-name /a --retention-in-days 30"
    text = script.replace("R --region", f"{retention} --region")
    assert {f[0] for f in findings(f"#!/bin/bash\n{text}\n", "EU", "aws")} == expected


def test_mutation57b_quoted_subscript_held_under_both_spellings() -> None:
    script = 'declare -A M=([home]=eu-central-1 [dr]=us-west-2)\nk=dr\necho "${M["$k"]}" "${M["dr"]}"\n'
    elements = array_elements(script)
    assert elements['M["dr"]'] == ("us-west-2",)
    assert elements['M["$k"]'] == elements["M[$k]"] == ("eu-central-1", "us-west-2")  # narrowed by the engine


# The lead's review of stop 57: the one filling wrote at most eight combinations, so a variable's ninth value (a
# partner's host after eight private addresses) was never judged, and the reader's 32-values cap dropped the 33rd:
# both passed every door. Each value of a one-variable text is judged now, and a value past the cap is unknown.
def _pushes(hosts: list[str]) -> str:
    calls = "".join(f"H={h}\npush\n" for h in hosts)
    return "#!/bin/bash\npush() { psql -h \"$H\" -c 'select 1'; }\n" + calls


@pytest.mark.parametrize("own", [7, 8, 20, 31])
def test_review57_every_value_of_a_variable_is_filled(own: int) -> None:
    addresses = [f"10.0.{i}.5" for i in range(own)]
    assert findings(_pushes(addresses), "EU", "aws") == []
    partner = findings(_pushes([*addresses, "db.partner.example.com"]), "EU", "aws")
    assert partner == [("RES-015", "user_data(base64).psql", "db.partner.example.com")]


def test_review57_a_value_past_the_readers_cap_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    # falsealarm58 (stop 58): the cap is at least the most assignments of one variable (below), so a cap of four is
    # set here to reach it with few values: the fifth is unknown
    from components.residency import engine

    monkeypatch.setattr(engine, "_MAX_VALUES_ANYWHERE", 4)
    script = '#!/bin/bash\nB=x\nfor i in 1 2 3 4 5 6; do\n  A="${B}y"\n  B="$A"\n  psql -h "$B.example.net"\ndone\n'
    rules = findings(script, "EU", "aws")
    assert ("RES-015", "user_data(base64).psql", "$(more values than the reader keeps).example.net") in rules


# falsealarm58 (stop 58): a variable assigned once for each of 40 in-country hosts held 32 of them and an unknown
# 33rd (RES-015, a false alarm): the cap is at least the most assignments the script writes of one variable, so each
# of them is judged (the partner's by name) and a word built on the variable holds a value for each.
@pytest.mark.parametrize("own", [32, 33, 40, 64])
def test_falsealarm58_a_variable_holds_every_value_it_is_assigned(own: int) -> None:
    addresses = [f"10.0.{i}.5" for i in range(own)]
    assert findings(_pushes(addresses), "EU", "aws") == []
    partner = findings(_pushes([*addresses, "db.partner.example.com"]), "EU", "aws")
    assert partner == [("RES-015", "user_data(base64).psql", "db.partner.example.com")]
    built = _pushes(addresses).replace('psql -h "$H"', 'U="http://$H:8080/healthz"; curl -fsS "$U"')
    assert findings(built, "EU", "aws") == []
    assert findings(built + "H=db.partner.example.com\npush\n", "EU", "aws") == [
        ("RES-015", "user_data(base64)", "db.partner.example.com")
    ]


# The lead's review of stop 57: a wrapper's calls were written out eight at most, so a ninth distinct call's Region
# passed every door.
@pytest.mark.parametrize("before", [7, 8, 20])
def test_review57_every_distinct_call_of_a_wrapper_is_written_out(before: int) -> None:
    body = '#!/bin/bash\nretain() { aws logs put-retention-policy --retention-in-days 30 "$@"; }\n'
    calls = "".join(f"retain --log-group-name g{i} --region eu-central-1\n" for i in range(before))
    assert findings(body + calls, "EU", "aws") == []
    abroad = findings(body + calls + "retain --log-group-name last --region us-west-2\n", "EU", "aws")
    assert abroad == [("RES-009", "user_data(base64).aws", "us-west-2")]


# mutation58 (stop 58): what the stop-57 readers missed when spelled another way. An array mapfile / read -a fills from
# a file or command was held under its computed index (`RS[None]` for `@`: since mutation56), so a use by `[@]`,
# `[$i]`, `[1+0]`, `[-1]` held nothing; `mapfile -d ,` looped over `"${RS[@]}"` gave one word; `read -a RS <<<
# "$(cmd)"` was one item; an associative array's `M[dr]=...`, a substring expansion and `printf -v R '%q' "$X"` were
# unread: each passed every door with a Region abroad. And `${M[$k]}` with k bound by `for k in home` was every item.
_R58 = "aws logs put-retention-policy --log-group-name /a --retention-in-days 30 --region"
_INPUTS58 = [
    "mapfile -d , -t RS < <(printf %s eu-central-1,{r})",
    'printf "%s\\n" eu-central-1 {r} > /etc/r\nmapfile -t RS < /etc/r',
    'mapfile -t RS < <(printf "%s\\n" eu-central-1 {r})',
    'read -r -a RS <<< "$(echo eu-central-1 {r})"',
]
_USES58 = [
    'for r in "${{RS[@]}}"; do {R} "$r"; done',
    '{R} "${{RS[@]}}"',
    'for i in 0 1; do {R} "${{RS[$i]}}"; done',
    '{R} "${{RS[1+0]}}"',
    '{R} "${{RS[-1]}}"',
    "{R} ${{RS[*]}}",
]


@pytest.mark.parametrize("given", _INPUTS58)
@pytest.mark.parametrize("use", _USES58)
@pytest.mark.parametrize(("region", "expected"), [("eu-west-1", []), ("us-west-2", ["RES-009"])])
def test_mutation58_array_inputs_by_any_subscript(given: str, use: str, region: str, expected: list[str]) -> None:
    script = f"#!/bin/bash\n{given.format(r=region)}\n{use.format(R=_R58)}\n"
    assert sorted({f[0] for f in findings(script, "EU", "aws")}) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # an associative array's element assigned by its key (quoted or not), by a literal or a variable subscript
        ('declare -A M\nM[home]=eu-west-1\nM[dr]=us-west-2\nk=dr\n{R} "${{M[$k]}}"', ["RES-009"]),
        ('declare -A M\nM[home]=eu-west-1\nM[dr]=us-west-2\nk=home\n{R} "${{M[$k]}}"', []),
        ('declare -A M\nM["dr"]=us-west-2\n{R} "${{M[dr]}}"', ["RES-009"]),
        ('declare -A M\nM[home]=eu-west-1\nM[dr]=us-west-2\n{R} "${{M[home]}}"', []),
        # a key bound by loops of literal words alone: those keys' items; any other binding: every item, as before
        ('declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nfor k in home\ndo\n  {R} "${{M[$k]}}"\ndone', []),
        (
            'declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nfor k in "${{!M[@]}}"; do {R} "${{M[$k]}}"; done',
            ["RES-009"],
        ),
        (
            'declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nfor k in home; do :; done\nk=dr\n{R} "${{M[$k]}}"',
            ["RES-009"],
        ),
        (
            'declare -A M=([home]=eu-west-1 [dr]=us-west-2)\nfor k in home; do :; done\nread -r k\n{R} "${{M[$k]}}"',
            ["RES-009"],
        ),
        # substring expansion, in a command, an assignment, a function and a loop; the default expansions unchanged
        ('R=dr:us-west-2\n{R} "${{R:3}}"', ["RES-009"]),
        ('R=dr:eu-west-1\n{R} "${{R:3}}"', []),
        ("R=us-west-2-prod\n{R} ${{R:0:9}}", ["RES-009"]),
        ('R=prod-us-west-2\n{R} "${{R: -9}}"', ["RES-009"]),
        ('R=xus-west-2\nD=${{R:1}}\n{R} "$D"', ["RES-009"]),
        ('R=xus-west-2\nf() {{ {R} "${{R:1}}"; }}\nf', ["RES-009"]),
        ('{R} "${{DR:-eu-west-1}}"', []),
        # printf -v R '%q' of a variable: its values
        ('X=us-west-2\nprintf -v R \'%q\' "$X"\n{R} "$R"', ["RES-009"]),
        ('X=eu-west-1\nprintf -v R %q "$X"\n{R} "$R"', []),
    ],
)
def test_mutation58_shell_values(script: str, expected: list[str]) -> None:
    text = f"#!/bin/bash\n{script.format(R=_R58)}\n"
    assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected


@pytest.mark.parametrize(
    ("value", "word", "expected"),
    [("xus-west-2", "1", "us-west-2"), ("us-west-2x", "0:9", "us-west-2"), ("abc", "-2", "bc"),
     ("abcdef", "1:-1", "bcde"), ("abc", "5", ""), ("abc", "1:-5", ""), ("abc", ":2", "ab"), ("abc", "$n", None)],
)  # fmt: skip
def test_mutation58_substring_expansion(value: str, word: str, expected: str | None) -> None:
    assert operated(value, ":", word) == expected


def test_mutation58_loop_literal_values() -> None:
    assert loop_literal_values("for k in home dr; do :; done\nfor k in 'eu'; do :; done\n", "k") == ("home", "dr", "eu")
    assert loop_literal_values("for k in home $X; do :; done\n", "k") is None
    assert loop_literal_values("for k in home; do :; done\nk=dr\n", "k") is None
    assert loop_literal_values("k=dr\n", "k") is None


# mutation58 (stop 58): the Datadog site chosen by editing the package's datadog.yaml in place (a key the catalogue
# entry names, set by the edit's one line) is judged as the written file's `site` is; other keys of the edit stay
# unread.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("site: datadoghq.com", [("RES-015", "datadoghq.com")]),
        ('site: "datadoghq.com"', [("RES-015", "datadoghq.com")]),
        ("logs_enabled: true", []),
        ("api_key: 0123abcd", []),
        ("site: $DD_SITE", []),  # a variable the script does not assign: unjudged, as in the written file
    ],
)
def test_mutation58_datadog_site_edited_in_place(text: str, expected: list[tuple[str, str]]) -> None:
    key = text.partition(":")[0]
    script = f"#!/bin/bash\nsed -i 's/^# {key}:.*/{text}/' /etc/datadog-agent/datadog.yaml\n"
    assert [(f[0], f[2]) for f in findings(script, "EU", "aws")] == expected


# scripts58 (stop 58): the reader's bounds fail closed. filled_texts writes every combination of a text's variables up
# to 64 (it was 8: the one pair abroad of ten passed every door), and past that each value once and an unknown text.
def test_scripts58_filled_texts_every_combination_then_unknown() -> None:
    from components.residency.scripts import PAST_THE_FILLING, filled_texts

    ten = filled_texts("${NET}.${OCT}.0.5", {"NET": ["10", "192"], "OCT": ["168", "17", "2", "20", "3"]})
    assert len(ten) == 10 and "192.17.0.5" in ten and PAST_THE_FILLING not in ten
    held = {"A": [str(i) for i in range(9)], "B": [str(i) for i in range(8)]}
    past = filled_texts("${A}.${B}", held)
    assert past[-1] == PAST_THE_FILLING and {"8.0", "0.7"} <= set(past)  # each value once, then unknown
    assert filled_texts("${A}", {"A": [str(i) for i in range(100)]})[-1] == "99"  # one variable: every value


_NETS = {"abroad": ("10 192", "168 17 2 20 3", ".0.5"), "home": ("10.1 10.2", "0 1 2 3 4", ".5")}


@pytest.mark.parametrize("side", ["abroad", "home"])
def test_scripts58_a_host_of_two_variables_past_eight_combinations(side: str) -> None:
    nets, octets, tail = _NETS[side]
    looped = f'for NET in {nets}; do\n for OCT in {octets}; do\n  psql -h "${{NET}}.${{OCT}}{tail}" -c 1\n done\ndone\n'
    cases = "".join(f"  n{n}) NET={n} ;;\n" for n in nets.split()) + "".join(
        f"  o{o}) OCT={o} ;;\n" for o in octets.split()
    )
    assigned = f'case "$S" in\n{cases}esac\nH="${{NET}}.${{OCT}}{tail}"\npsql -h "$H" -c 1\n'
    for script in (looped, assigned):
        rules = {f[0] for f in findings("#!/bin/bash\n" + script, "EU", "aws")}
        assert rules == ({"RES-015"} if side == "abroad" else set()), script


def test_scripts58_an_assignment_past_the_combinations_is_unknown() -> None:
    # falsealarm59 (stop 59): moved. `10.$A.$B.5` of two octets under the literal 10.0.0.0/8 is judged per variable
    # (every combination is a private address): its 81 combinations pass (were the unknown value, a false alarm)
    values = " ".join(str(i) for i in range(9))
    script = f'#!/bin/bash\nfor A in {values}; do\n for B in {values}; do\n  H="10.$A.$B.5"\n'
    script += '  psql -h "$H" -c 1\n done\ndone\n'
    assert findings(script, "EU", "aws") == []
    unknown = ("RES-015", "user_data(base64).psql", "$(more values than the reader keeps)")
    first = script.replace("for A", "for N in 10 11; do for A").replace('"10.$A', '"$N.$A') + "done\n"
    assert unknown in findings(first, "EU", "aws")  # the first octet a variable: every combination, past 64 unknown
    cases = "".join(f"  a{i}) A={i} ;;\n" for i in range(9)) + "".join(f"  b{i}) B={i} ;;\n" for i in range(9))
    script = f'#!/bin/bash\ncase "$S" in\n{cases}esac\nH="10.${{A}}.${{B}}.5"\npsql -h "$H" -c 1\n'
    assert findings(script, "EU", "aws") == []  # falsealarm59: was unknown
    for other in ("8.partner", "256", "x@192"):  # a value no octet: every combination judged, past 64 unknown
        assert unknown in findings(script.replace("a8) A=8", f"a8) A={other}"), "EU", "aws"), other


# scripts58: a wrapper's distinct calls past 64 are merged by shape, never dropped
def test_scripts58_calls_past_the_bound_are_merged() -> None:
    from components.residency.scripts import PAST_THE_CALLS, _calls_within_bound

    # falsealarm59 (stop 59): moved. A place's distinct words past the bound are each written up to 1,024 (was 8)
    own = [["--log-group-name", f"g{i}", "--region", "eu-central-1"] for i in range(80)]  # 16 names past: each
    merged = _calls_within_bound(own)
    assert merged[:64] == own[:64] and merged[64:] == own[64:]
    mixed = _calls_within_bound([*own, ["--log-group-name", "x", "--region", "us-west-2"]])
    assert ["--log-group-name", "g64", "--region", "us-west-2"] in mixed
    many = [["--log-group-name", f"g{i}", "--region", "eu-central-1"] for i in range(64 + 1025)]  # 1,025 past
    assert _calls_within_bound(many)[64:] == [["--log-group-name", PAST_THE_CALLS, "--region", "eu-central-1"]]
    shapes = _calls_within_bound([[f"--o{i}", "x", f"--region={i}"] for i in range(200)])
    assert PAST_THE_CALLS in shapes[-1] and "--o199" in shapes[-1] and f"--region={PAST_THE_CALLS}" in shapes[-1]
    assert _calls_within_bound(own[:64]) == own[:64]


# falsealarm59 (stop 59): moved. Nine Regions past the bound at one place are each judged (RES-009: us-west-2 among
# them), not unknown (RES-011): a place's distinct words are written each up to 1,024
@pytest.mark.parametrize(("last", "expected"), [("us-west-2", ["RES-009"]), ("eu-north-1", []), (None, ["RES-009"])])
def test_scripts58_the_65th_distinct_call(last: str | None, expected: list[str]) -> None:
    body = '#!/bin/bash\nretain() { aws logs put-retention-policy --retention-in-days 30 "$@"; }\n'
    calls = "".join(f"retain --log-group-name g{i} --region eu-central-1\n" for i in range(64))
    if last is None:  # nine past the bound, differing in more than eight Regions: each judged
        tail = "".join(f"retain --log-group-name x{i} --region {r}\n" for i, r in enumerate(_NINE_REGIONS))
    else:
        tail = f"retain --log-group-name last --region {last}\n"
    assert sorted({f[0] for f in findings(body + calls + tail, "EU", "aws")}) == expected


# nine Regions past the bound at one place: each judged (falsealarm59; unknown, RES-011, at stop 58)
_NINE_REGIONS = ["eu-west-1", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2", "eu-central-1", "us-west-2",
                 "us-east-1", "ap-south-1"]  # fmt: skip


@pytest.mark.parametrize(("position", "words"), [(21, 20), (30, 29), (99, 98)])
def test_scripts58_positional_parameters_past_twenty(position: int, words: int) -> None:
    fill = " ".join(f"w{i}" for i in range(words))
    for region, expected in (("us-west-2", ["RES-009"]), ("eu-west-1", [])):
        script = f'#!/bin/bash\nf() {{ aws s3 ls --region "${{{position}}}"; }}\nf {fill} {region}\n'
        assert sorted({f[0] for f in findings(script, "EU", "aws")}) == expected


# scripts58: shell readings left open at stop 57
_R58 = "aws s3 ls --region"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f'read -r -N 9 R <<< "us-west-2-fleet"\n{_R58} "$R"', ["RES-009"]),  # read -N: exactly N characters
        (f'read -r -N 9 R <<< "eu-west-1-fleet"\n{_R58} "$R"', []),
        (f'read -r -N 9 R <<EOF\nus-west-2-fleet\nEOF\n{_R58} "$R"', ["RES-009"]),
        (f'echo "us-west-2,eu-west-1" > /etc/r\nread -r -d , R < /etc/r\n{_R58} "$R"', ["RES-009"]),
        (f'echo "eu-west-1,us-west-2" > /etc/r\nread -r -d , R < /etc/r || true\n{_R58} "$R"', []),
        (f'read -r -d , R < /etc/r\n{_R58} "$R"', ["RES-011"]),  # a file the script does not write
        (f'DR=fleet-us-west-2-x\n{_R58} "${{DR:6:9}}"', ["RES-009"]),  # substring expansion
        (f'DR=fleet-eu-west-1-x\n{_R58} "${{DR:6:9}}"', []),
        (f'DR=fleet-us-west-2\nR="${{DR: -9}}"\n{_R58} "$R"', ["RES-009"]),
        (f'DR=fleet-us-west-2\n{_R58} "${{DR:(-9)}}"', ["RES-009"]),
        (f'DR=us-west-2\n{_R58} "${{DR:-eu-west-1}}"', ["RES-009"]),  # `:-` stays a default word
        (f'B=us-west-2\n{_R58} "${{A:-$B}}"', ["RES-009"]),  # a default word that is a variable
        (f'B=eu-west-1\n{_R58} "${{A:-$B}}"', []),
        (f'A=eu-west-1\nB=us-west-2\n{_R58} "${{A:-$B}}"', []),  # A set: its value
        (f'B=us-west\nT=fleet-2\n{_R58} "${{T/fleet/$B}}"', ["RES-009"]),  # a replacement that is a variable
        (f'B=eu-west\nT=fleet-1\n{_R58} "${{T/fleet/${{B}}}}"', []),
        (f'T=fleet-2\n{_R58} "${{T/fleet/$B}}"', []),  # B never set: as written (a placeholder, as before)
        (f"mapfile -t -d '' RS < <(printf '%s\\0' eu-west-1 us-west-2)\n{_R58} \"${{RS[1]}}\"", ["RES-009"]),
        (f"mapfile -t -d '' RS < <(printf '%s\\0' us-west-2 eu-west-1)\n{_R58} \"${{RS[1]}}\"", []),
        (f'dr() {{\n  logger -t fleet "dr"\n  echo us-west-2\n}}\n{_R58} "$(dr)"', ["RES-009"]),  # one echo
        (f'dr() {{ mkdir -p /x; echo eu-west-1 >/dev/null; echo eu-west-1; }}\n{_R58} "$(dr)"', []),
        (f'dr() {{ date; echo eu-west-1; }}\n{_R58} "$(dr)"', ["RES-011"]),  # date writes: unknown, as before
        (f'f() {{ {_R58} "${{@:2:1}}"; }}\nf a us-west-2\nf a b eu-west-1', ["RES-009"]),  # `${@:N:1}` written out
    ],
)
def test_scripts58_shapes(script: str, expected: list[str]) -> None:
    assert sorted({f[0] for f in findings("#!/bin/bash\n" + script + "\n", "EU", "aws")}) == expected


@pytest.mark.parametrize(
    ("spec", "bash"),
    [  # each as bash 5 prints `${V:spec}` of V=fleet-us-west-2
        ("0", "fleet-us-west-2"), ("6", "us-west-2"), ("6:9", "us-west-2"), ("20", ""), (" -3", "t-2"),
        (" -3:2", "t-"), ("(-3)", "t-2"), ("(-3):1", "t"), ("0:-1", "fleet-us-west-"), ("6:-2", "us-west"),
        ("3:0", ""), (" -20", ""), ("14:5", "2"),
        (" 3", "et-us-west-2"), (":5", "fleet"), (":-2", "fleet-us-west"),  # the lead (stop 58), with mutation58's
    ],
)  # fmt: skip
def test_scripts58_substring_expansion_as_bash(spec: str, bash: str) -> None:
    from components.residency.scripts import PARAMETER_OPERATION, operated

    m = PARAMETER_OPERATION.fullmatch("${V:" + spec + "}")
    assert m is not None and operated("fleet-us-west-2", m.group(2), m.group(3)) == bash


@pytest.mark.parametrize("text", ["${A:-1}", "${A:=x}", "${A:+x}", "${A:?x}", "${A-1}", "${A:-$B}"])
def test_scripts58_a_default_is_no_substring(text: str) -> None:
    from components.residency.scripts import PARAMETER_OPERATION

    assert PARAMETER_OPERATION.fullmatch(text) is None


def test_scripts58_read_delimited_file() -> None:
    written = 'echo "us-west-2,eu-west-1" > /etc/r\nread -r -d , R < /etc/r'
    assert reads_as_assignments(written).splitlines()[1].rstrip() == "R=us-west-2"
    assert len(reads_as_assignments(written)) == len(written)
    assert reads_as_assignments("read -r -d , R < /etc/r").rstrip() == "R=$(</etc/r)"


# scripts58: an assignment built from a loop's variable held nothing (the values anywhere were read before the loop's
# words), so `X="$R"` or `H="${N}.0.5"` in the loop's body passed every door
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('for R in eu-west-1 us-west-2; do\n  X="$R"\n  aws s3 ls --region "$X"\ndone', ["RES-009"]),
        ('for R in eu-west-1 eu-north-1; do\n  X="$R"\n  aws s3 ls --region "$X"\ndone', []),
        ('for P in eu-west us-west; do\n  X="${P}-1"\n  aws s3 ls --region "$X"\ndone', ["RES-009"]),
        ('for N in 10 192; do\n  H="${N}.17.0.5"\n  psql -h "$H" -c 1\ndone', ["RES-015"]),
        ('for N in 10 172; do\n  H="${N}.17.0.5"\n  psql -h "$H" -c 1\ndone', []),
        ('R=eu-west-1\nfor R in eu-north-1 us-west-2; do\n  X="$R"\n  aws s3 ls --region "$X"\ndone', ["RES-009"]),
        (
            'while read -r R; do\n  X="$R"\n  aws s3 ls --region "$X"\ndone <<EOF\neu-west-1\nus-west-2\nEOF',
            ["RES-009"],
        ),
    ],
)
def test_scripts58_an_assignment_from_a_loop_variable(script: str, expected: list[str]) -> None:
    assert sorted({f[0] for f in findings("#!/bin/bash\n" + script + "\n", "EU", "aws")}) == expected


# falsealarm58 (stop 58): a function's loop reads each call's own redirection as a loop's (bash(1) "Redirections"): a
# here-document, a here-string, a file the script writes, a process substitution; on main 38135ba4 any call not piped
# left the loop unknown (RES-015 for the VPC's addresses). A partner's host there is refused by name; a file the
# script does not write, a call with no input or one after `||` stay unknown.
@pytest.mark.parametrize(
    ("calls", "expected"),
    [
        ("f <<EOF\n10.0.1.7\n10.0.1.8\nEOF\n", []),
        ("f <<-'EOF'\n\t10.0.1.7\n\tEOF\n", []),
        ("f <<< 10.0.1.7\n", []),
        ("f <<< \"10.0.1.7\"\n", []),
        ("printf '%s\\n' 10.0.1.7 > /etc/fleet/peers\nf < /etc/fleet/peers\n", []),
        ("f < <(printf '%s\\n' 10.0.1.7)\n", []),
        ("printf '%s\\n' 10.0.1.8 | f\nf <<EOF\n10.0.1.7\nEOF\n", []),
        ("f <<EOF\n10.0.1.7\ndb.partner.example.com\nEOF\n", ["db.partner.example.com"]),
        ("f <<< db.partner.example.com\n", ["db.partner.example.com"]),
        ("f < <(printf '%s\\n' db.partner.example.com)\n", ["db.partner.example.com"]),
        ("printf '%s\\n' db.partner.example.com > /etc/fleet/peers\nf < /etc/fleet/peers\n",
         ["db.partner.example.com"]),
        ("f <<EOF\n10.0.1.7\nEOF\nf < /etc/other/peers\n", ["$(< /etc/other/peers)"]),
        ("f <<EOF\n10.0.1.7\nEOF\nf\n", ["$(< /dev/stdin)"]),
        ("f <<EOF\n10.0.1.7\nEOF\ntrue || f\n", ["$(< /dev/stdin)"]),
        ("f 2>/dev/null\n", ["$(< /dev/stdin)"]),
    ],
)  # fmt: skip
def test_falsealarm58_a_function_s_loop_reads_each_call_s_redirection(calls: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{_F57}{calls}", "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


# falsealarm58 (stop 58): a quoted word opening with a parenthesis is one word (shlex's operator run alone is cut at
# its `)`): jq's `(.regions | length) as $n | ...` was cut and unread (RES-011 for the home Region).
@pytest.mark.parametrize(
    "program",
    [
        "(.regions | length) as $n | .regions[$n - 1]",
        "(.regions) as $r | $r[1]",
        "(.regions[1])",
        ".regions | length as $n | .[$n - 1]",
        '(.regions | length) as $n | getpath(["regions", $n - 1])',
    ],
)
def test_falsealarm58_a_parenthesised_jq_program_is_one_word(program: str) -> None:
    script = '#!/bin/bash\nCFG=\'{"regions": ["eu-west-1", "%s"]}\'\nR=$(echo "$CFG" | jq -r \'%s\')\n'
    script += 'aws sqs list-queues --region "$R"\n'
    assert findings(script % ("eu-central-1", program), "EU", "aws") == []
    assert findings(script % ("us-west-2", program), "EU", "aws") == [("RES-009", "user_data(base64).aws", "us-west-2")]


def test_falsealarm58_operator_runs_are_still_cut() -> None:
    from components.residency.scripts import _words

    assert _words("x $(date);y") == ["x", "$", "(", "date", ")", ";", "y"]
    assert _words("(cd /tmp && ls)") == ["(", "cd", "/tmp", "&&", "ls", ")"]
    assert _words("jq -r '(.a) as $x | $x'") == ["jq", "-r", "(.a) as $x | $x"]


# falsealarm58 (stop 58): a field selection at a character of an address or a name (`.`, `-`, `:`) is part of the
# value, not a whole field: the machine's own address from its second field at a dot (172.16.0.5 -> 16.0.5, to
# inet_aton(3) 16.0.0.5, public) passed as the machine's own and is unknown now (RES-015); the first label of its own
# name (hostname(1) -s, "the host name cut at the first dot") stays its own, as whole fields at a blank or `/` do.
@pytest.mark.parametrize(
    ("command", "own"),
    [
        ("hostname | cut -d. -f1", True),
        ("hostname -f | cut -d . -f 1", True),
        ("hostname --fqdn | awk -F. '{print $1}'", True),
        ("hostname -f | awk -F'[.]' '{print $1}'", True),
        ("curl -s http://169.254.169.254/latest/meta-data/local-hostname | cut -d. -f1", True),
        ("curl -s http://100.100.100.200/latest/meta-data/hostname | cut -d. -f1", True),
        ("hostname -I | awk '{print $1}'", True),
        ("ip -4 addr show eth0 | awk '/inet / {print $2}' | cut -d/ -f1", True),
        ("hostname -i | cut -d' ' -f1", True),
        ("hostname -i | cut -d. -f2-", False),
        ("hostname -i | cut -d. -f1", False),
        ("hostname -I | cut -d' ' -f1 | cut -d. -f1-3", False),
        ("hostname -f | cut -d. -f2-", False),
        ("hostname -f | cut -d. -f1-2", False),
        ("hostname -d | cut -d. -f1", False),
        ("hostname | cut -d- -f2-", False),
        ("hostname -i | awk -F. '{print $2}'", False),
        ("curl -s http://169.254.169.254/latest/meta-data/local-ipv4 | cut -d. -f1", False),
    ],
)
def test_falsealarm58_a_field_selection_at_a_dot(command: str, own: bool) -> None:
    script = f'#!/bin/bash\nH=$({command})\nredis-cli -h "$H" ping\n'
    expected = [] if own else [("RES-015", "user_data(base64).redis-cli", f"$({command})")]
    assert findings(script, "EU", "aws") == expected


# falsealarm58 (stop 58): bash(1) "Here Strings": "The word undergoes ... parameter and variable expansion": a loop's
# here-string of a variable the script assigns (`done <<< "$H"`, a function's `f <<< "$H"`) is each value H holds; it
# was the text `$H`, no loop word, so a partner's host in H passed every door (the loop's own on main 38135ba4 too).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('H=10.0.1.7\nwhile read -r h; do psql -h "$h"; done <<< "$H"\n', []),
        ('H=10.0.1.7\nf() { while read -r h; do psql -h "$h"; done; }\nf <<< "${H}"\n', []),
        ('H=db.partner.example.com\nwhile read -r h; do psql -h "$h"; done <<< "$H"\n', ["db.partner.example.com"]),
        ('H=db.partner.example.com\nwhile read -r h; do psql -h "$h"; done <<< $H\n', ["db.partner.example.com"]),
        ('H=db.partner.example.com\nf() { while read -r h; do psql -h "$h"; done; }\nf <<< "$H"\n',
         ["db.partner.example.com"]),
        ("H=db.partner.example.com\nwhile read -r h; do psql -h \"$h\"; done <<< '$H'\n", []),  # no expansion
    ],
)  # fmt: skip
def test_falsealarm58_a_here_string_s_variable_is_expanded(script: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{script}", "EU", "aws")
    assert sorted({value for rule, _, value in found if rule == "RES-015"}) == expected, found


# the lead (stop 58), merging falsealarm58 with scripts58: the values cap is at least the most words a loop binds (its
# seed), so a loop over 41 in-country addresses copied into another variable passes (RES-015 when the cap counted only
# assignments), and one partner's host among them stays refused
@pytest.mark.parametrize(("last", "expected"), [("10.0.1.41", []), ("db.partner.example.com", ["RES-015"])])
def test_lead58_a_loop_of_more_than_32_words_copied(last: str, expected: list[str]) -> None:
    hosts = " ".join(f"10.0.1.{i}" for i in range(1, 41))
    script = f'#!/bin/bash\nfor h in {hosts} {last}; do\n  T="$h"\n  psql -h "$T" -c \'select 1\'\ndone\n'
    assert sorted({f[0] for f in findings(script, "EU", "aws")}) == expected


# config58 (stop 58): the Datadog Agent's default site. A datadog.yaml with neither `site` nor `dd_url` (and no
# DD_SITE / DD_DD_URL) sends to US1, datadoghq.com (the Agent's config template: "site ... default: datadoghq.com"),
# judged as if written where the script runs the agent (its service, its package, its command, the install script); a
# file nobody runs passes. On main 38135ba4 every RES-015 below passed.
_DD58 = "cat > /etc/datadog-agent/datadog.yaml <<'EOF'\napi_key: ${{DD_API_KEY}}\n{}EOF\n"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_DD58.format("") + "systemctl restart datadog-agent", [("RES-015", "datadoghq.com")]),
        (_DD58.format("logs_enabled: true\n") + "systemctl enable --now datadog-agent.service",
         [("RES-015", "datadoghq.com")]),
        (_DD58.format("") + "service datadog-agent start", [("RES-015", "datadoghq.com")]),
        (_DD58.format("") + "yum install -y datadog-agent", [("RES-015", "datadoghq.com")]),
        (_DD58.format("") + "datadog-agent run &", [("RES-015", "datadoghq.com")]),
        ("cat > /etc/datadog-agent/datadog.yaml <<'EOF'\nEOF\nsystemctl start datadog-agent",
         [("RES-015", "datadoghq.com")]),
        # nobody runs the agent with the file (its directory and a unit drop-in's path name no command)
        (_DD58.format(""), []),
        (_DD58.format("") + "chown dd-agent /etc/datadog-agent/datadog.yaml", []),
        (_DD58.format("") + "mkdir -p /etc/systemd/system/datadog-agent.service.d", []),
        # the site written, or given by DD_SITE: that value is judged, not the default
        (_DD58.format("site: datadoghq.eu\n") + "systemctl restart datadog-agent", [("RES-015", "datadoghq.eu")]),
        (_DD58.format("") + "export DD_SITE=ap1.datadoghq.com\nsystemctl restart datadog-agent",
         [("RES-015", "ap1.datadoghq.com")]),
        (_DD58.format("dd_url: https://intake.fleet.internal:8443\n") + "systemctl restart datadog-agent",
         [("RES-015", "intake.fleet.internal")]),
    ],
)  # fmt: skip
def test_config58_the_datadog_agents_default_site(script: str, expected: list[tuple[str, str]]) -> None:
    found = sorted({(f[0], f[2]) for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")})
    assert found == expected


def test_config58_a_declared_default_site_passes() -> None:
    # config58: the default site declared (US1, resident in a US stack) is proven like the written site
    entry = {"id": "dd-us1", "kind": "resident", "match": "datadoghq.com", "evidence": "Datadog US1, under contract"}
    engine = RuleEngine("US", destinations=parse_destinations([entry]))
    script = f"#!/bin/bash\n{_DD58.format('')}systemctl restart datadog-agent\n"
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("US", "aws"))
    assert [(f.rule.id, f.declared_by) for f in engine.check(subject)[0]] == [("RES-015", "dd-us1")]


# config58 (stop 58): a wildcard pattern at a tool's file option or variable names each written file it matches (bash(1)
# "Pathname Expansion" for an unquoted one, the tool's own glob for a quoted one), and rsyslog's `$IncludeConfig` /
# `include(file=...)` read the written files they include (a pattern, a directory). On main 38135ba4 every RES-015
# below passed.
def _filebeat58(host: str, run: str, file: str = "/etc/fleet/beats/central.yml") -> str:
    return f"mkdir -p /etc/fleet/beats\ncat > {file} <<'EOF'\noutput.logstash:\n  hosts: [\"{host}:5044\"]\nEOF\n{run}"


_VECTOR58 = f"cat > /etc/fleet/beats/v.yml <<'EOF'\nsinks:\n  o:\n    type: socket\n    address: {_P55}:514\nEOF\n"


def _rsyslog58(host: str, include: str, file: str = "/etc/fleet/rsyslog/forward.conf") -> str:
    action = f'*.* action(type="omfwd" target="{host}" port="514")'
    return f"cat > {file} <<'EOF'\n{action}\nEOF\ncat > /etc/rsyslog.conf <<'EOF'\n{include}\nEOF"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_filebeat58(_P55, "filebeat -e -c '/etc/fleet/beats/*.yml'"), {"RES-015"}),
        (_filebeat58(_P55, "filebeat -e -c /etc/fleet/beats/*.yml"), {"RES-015"}),
        (_filebeat58(_P55, 'filebeat -c="/etc/fleet/beats/c*.yml"'), {"RES-015"}),
        (_filebeat58(_P55, "filebeat -e -c '/etc/fleet/beats/?entral.yml'"), {"RES-015"}),
        (_filebeat58("10.0.3.20", "filebeat -e -c '/etc/fleet/beats/*.yml'"), set()),
        # a pattern matching another directory, or a deeper one (`*` stays within a segment), names no written file
        (_filebeat58(_P55, "filebeat -e -c '/etc/fleet/other/*.yml'"), set()),
        (_filebeat58(_P55, "filebeat -e -c '/etc/fleet/*.yml'"), set()),
        # Vector's option and variable (read by shape before: pinned)
        (_VECTOR58 + "vector -c '/etc/fleet/beats/*.yml'", {"RES-015"}),
        (_rsyslog58(_P55, "$IncludeConfig /etc/fleet/rsyslog/*.conf"), {"RES-015"}),
        (_rsyslog58(_P55, "$IncludeConfig /etc/fleet/rsyslog/"), {"RES-015"}),
        (_rsyslog58(_P55, 'include(file="/etc/fleet/rsyslog/*.conf" mode="optional")'), {"RES-015"}),
        (_rsyslog58(_P55, "include(mode=\"optional\" file='/etc/fleet/rsyslog/forward.conf')"), {"RES-015"}),
        (_rsyslog58(_P55, 'INCLUDE(File="/etc/fleet/rsyslog/*.conf")'), {"RES-015"}),
        (_rsyslog58("10.0.3.20", "$IncludeConfig /etc/fleet/rsyslog/*.conf"), set()),
        # an include naming other files: the written one is no rsyslog file
        (_rsyslog58(_P55, "$IncludeConfig /etc/fleet/rsyslog/*.rules"), set()),
        (_rsyslog58(_P55, "# $IncludeConfig /etc/fleet/rsyslog/*.conf"), set()),
        # the package's own directory is read on its own, once
        (_rsyslog58(_P55, "$IncludeConfig /etc/rsyslog.d/*.conf", "/etc/rsyslog.d/fwd.conf"), {"RES-015"}),
    ],
)  # fmt: skip
def test_config58_wildcards_and_rsyslog_includes(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@settings(max_examples=30, deadline=None)
@given(st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True), st.sampled_from(["*.yml", "*", "c*", "*.y?l"]))
def test_config58_a_wildcard_names_every_file_it_matches(name: str, pattern: str) -> None:
    # config58: any written file the pattern matches is Filebeat's (fnmatch's match within the directory)
    file = f"/etc/fleet/beats/{name}.yml"
    assume(fnmatch.fnmatchcase(file, f"/etc/fleet/beats/{pattern}"))
    script = _filebeat58(_P55, f"filebeat -e -c '/etc/fleet/beats/{pattern}'", file)
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == {"RES-015"}


# config58 (stop 58): a pipeline whose stages only select whole lines (grep without -o, head / tail, sort / uniq) gives
# among the first stage's lines: each is a value (a superset, failing closed). The VPC's addresses through `| grep -v
# '^#' | while read` were RES-015 on main 38135ba4 (a false alarm); a partner's host there stays RES-015.
@pytest.mark.parametrize(
    ("substitution", "files", "expected"),
    [
        ("$(printf '%s\\n' 10.0.3.7 10.0.3.8 | grep -v '^#')", {}, ["10.0.3.7", "10.0.3.8"]),
        ("$(printf '%s\\n' a b | grep -v b)", {}, ["a", "b"]),  # a superset: what grep drops is judged too
        ("$(echo eu-west-1 | head -n 1)", {}, ["eu-west-1"]),
        ("$(printf '%s\\n' b a | sort -u | uniq)", {}, ["b", "a"]),
        ("$(cat /etc/h | grep -v '^#' | tail -2)", {"/etc/h": "# c\n10.0.3.7\n"}, ["# c", "10.0.3.7"]),
        ("$(echo $R | grep eu)", {}, ["eu-west-1", "us-west-2"]),
        # a stage writing other text, an unread first stage, or a file the script did not write: unknown
        ("$(printf '%s\\n' a b | grep -o a)", {}, None),
        ("$(printf '%s\\n' a b | sort -k 2)", {}, None),
        ("$(printf '%s\\n' a a | uniq -c)", {}, None),  # a count before each line
        ("$(printf '%s\\n' a b | head -c 3)", {}, None),
        ("$(curl -s https://inventory.internal/hosts | grep -v '^#')", {}, None),
        ("$(cat /etc/other | grep x)", {}, None),
        ("$(grep -v '^#' /etc/h | head -1)", {"/etc/h": "a\n"}, None),
    ],
)  # fmt: skip
def test_config58_line_selecting_stages_keep_their_inputs_lines(
    substitution: str, files: dict[str, str], expected: list[str] | None
) -> None:
    assert substitution_values(substitution, {"R": ("eu-west-1", "us-west-2")}, files) == expected


@pytest.mark.parametrize(
    ("hosts", "expected"),
    [
        ("10.0.3.7 10.0.3.8", []),
        ("10.0.3.7 db.partner-analytics.com", [("RES-015", "user_data(base64).ssh", "db.partner-analytics.com")]),
    ],
)
def test_config58_a_two_stage_pipe_into_while_read(hosts: str, expected: list[tuple[str, str, str]]) -> None:
    loop = 'while read -r h; do ssh ec2-user@"$h" uptime; done'
    assert findings(f"#!/bin/bash\nprintf '%s\\n' {hosts} | grep -v '^#' | {loop}\n", "EU", "aws") == expected


# config58 (stop 58): a log router's main file named at its `-c` / `--config` option is its configuration whatever its
# path, and so is a file that configuration's `@INCLUDE` / `@include` names (relative to its directory, a wildcard
# pattern). On main 38135ba4 every RES-015 below passed (only the packages' directories were read as a router's).
_FB_OUT58 = "[OUTPUT]\n    Name  forward\n    Match *\n    Host  {}\n    Port  24224\n"


def _router58(host: str, include: str, run: str, output: str = "/opt/fb/outputs/central.conf") -> str:
    return (
        f"mkdir -p /opt/fb/outputs\ncat > {output} <<'EOF'\n{_FB_OUT58.format(host)}EOF\n"
        f"cat > /opt/fb/main.conf <<'EOF'\n[SERVICE]\n    Flush 1\n{include}\nEOF\n{run}"
    )


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_router58(_P55, "@INCLUDE outputs/*.conf", "fluent-bit -c /opt/fb/main.conf"), {"RES-015"}),
        (_router58(_P55, "@INCLUDE /opt/fb/outputs/central.conf", "fluent-bit --config=/opt/fb/main.conf"),
         {"RES-015"}),
        (_router58(_P55, "@INCLUDE outputs/c*.conf", "/opt/fluent-bit/bin/fluent-bit -c /opt/fb/main.conf"),
         {"RES-015"}),
        (_router58("10.0.3.20", "@INCLUDE outputs/*.conf", "fluent-bit -c /opt/fb/main.conf"), set()),
        # the main file itself holding the output
        (f"cat > /opt/fb/main.conf <<'EOF'\n{_FB_OUT58.format(_P55)}EOF\nfluent-bit -c /opt/fb/main.conf", {"RES-015"}),
        # no router runs the main file, or the include names other files: nothing read as a router's
        (_router58(_P55, "@INCLUDE outputs/*.conf", "echo ready"), set()),
        (_router58(_P55, "@INCLUDE filters/*.conf", "fluent-bit -c /opt/fb/main.conf"), set()),
    ],
)  # fmt: skip
def test_config58_a_log_routers_file_named_at_its_option(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# mutation58b (stop 58): "offset and length are arithmetic expressions" (bash(1) "Substring Expansion"): `${V:0-9}`,
# `${V:(6)}`, `${V: 1+5}` were left unread (a Region abroad passed every door); each expected value is what bash 5
# prints for `${V:spec}` of V=fleet-us-west-2. A bound holding a variable stays unread (None).
@pytest.mark.parametrize(
    ("spec", "bash"),
    [
        ("0-9", "us-west-2"), ("(6)", "us-west-2"), (" 1+5", "us-west-2"), ("2*3", "us-west-2"),
        ("6:10-1", "us-west-2"), ("(6):(9)", "us-west-2"), (" 6 : 9", "us-west-2"), ("(-3):(1)", "t"),
        ("0-20", ""), ("3-1:2*2", "eet-"), (":(2)", "fl"),
    ],
)  # fmt: skip
def test_mutation58b_substring_bounds_are_arithmetic(spec: str, bash: str) -> None:
    from components.residency.scripts import PARAMETER_OPERATION

    m = PARAMETER_OPERATION.fullmatch("${V:" + spec + "}")
    assert m is not None and operated("fleet-us-west-2", m.group(2), m.group(3)) == bash


@pytest.mark.parametrize("spec", ["0-$n", "($n)", "1+x"])
def test_mutation58b_a_bound_holding_a_variable_is_not_computed(spec: str) -> None:
    assert operated("fleet-us-west-2", ":", spec) is None


# mutation58b (stop 58): `read -d DELIM NAME < <(LIST)` is the output's text up to DELIM (`-d ''`: all of it); on main
# each `us-west-2` below passed every door (a process substitution was read without `-d` only).
_R58B = "aws ec2 copy-snapshot --source-region eu-central-1 --source-snapshot-id snap-0a1b2c3d4e5f60718 --region"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("read -d , R < <(printf '%s,eu-west-1' us-west-2)", ["RES-009"]),
        ("read -r -d ',' R < <(echo us-west-2,x)", ["RES-009"]),
        ("read -t 5 -d : R < <(echo us-west-2:x) || true", ["RES-009"]),
        ("read -r -d '' R < <(printf %s us-west-2)", ["RES-009"]),
        ("read -d , R < <(printf '%s,eu-west-1' eu-central-1)", []),
        ("read -d , R < <(echo eu-central-1,us-west-2)", []),  # the text after the delimiter is not read
        ("read -d , R < <(get-region)", ["RES-011"]),  # an output not computed: unknown, as `$(get-region)`
    ],
)
def test_mutation58b_read_delimited_from_a_process_substitution(script: str, expected: list[str]) -> None:
    text = f'#!/bin/bash\n{script}\n{_R58B} "$R"\n'
    assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected


# mutation58b (stop 58): an operation on an array's element (`${RS[1]:3}`, `${RS[$i]:3}`, `${RS[1],,}`,
# `${RS[1]#dr-}`; bash(1) "Parameter Expansion": parameter may be "an array reference") is the element's value changed
# so; each `us-west-2` below passed every door on main (no element held: the element use was not seen).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('RS=(dr:eu-central-1 dr:us-west-2)\n{R} "${{RS[1]:3}}"', ["RES-009"]),
        ('RS=(dr:eu-central-1 dr:eu-west-1)\n{R} "${{RS[1]:3}}"', []),
        ('RS=(dr:eu-central-1 dr:us-west-2)\nfor i in 0 1; do\n  {R} "${{RS[$i]:3}}"\ndone', ["RES-009"]),
        ('RS=(EU-CENTRAL-1 US-WEST-2)\n{R} "${{RS[1],,}}"', ["RES-009"]),
        ('RS=(EU-CENTRAL-1 EU-WEST-1)\n{R} "${{RS[1],,}}"', []),
        ('RS=(eu-central-1 dr-us-west-2)\n{R} "${{RS[1]#dr-}}"', ["RES-009"]),
        ("mapfile -t RS < <(printf '%s\\n' eu-central-1 dr:us-west-2)\n{R} \"${{RS[1]:3}}\"", ["RES-009"]),
        ("mapfile -t RS < <(printf '%s\\n' eu-central-1 dr:eu-west-1)\n{R} \"${{RS[1]:3}}\"", []),
    ],
)
def test_mutation58b_an_operation_on_an_array_element(script: str, expected: list[str]) -> None:
    text = f"#!/bin/bash\n{script.format(R=_R58B)}\n"
    assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected


def test_mutation58b_element_uses() -> None:
    from components.residency.scripts import element_uses

    # scripts59 (stop 59): an array's slice (`${R[@]:1}`) now uses every item (array_slice_items reads it)
    assert list(element_uses('a "${R[1]}" "${R[2]:3}" "${M[$k],,}" "${R[@]:1}" "${#R[@]}"')) == [
        ("R", "1"), ("R", "2"), ("M", "$k"), ("R", "@"),
    ]  # fmt: skip


# mutation58b (stop 58): `mapfile -d ''` (NUL-delimited, `find -print0`'s idiom) looped over with `"${RS[@]}"`: the
# items at each NUL printf writes (on main one word `a\0b`: the `us-west-2` below passed every door).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("mapfile -d '' RS < <(printf '%s\\0' eu-central-1 us-west-2)", ["RES-009"]),
        ("mapfile -t -d '' RS < <(printf '%s\\0' us-west-2)", ["RES-009"]),
        ("mapfile -d '' RS < <(printf '%s\\0' eu-central-1 eu-west-1)", []),
    ],
)
def test_mutation58b_a_nul_delimited_mapfile_looped_over(script: str, expected: list[str]) -> None:
    text = f'#!/bin/bash\n{script}\nfor r in "${{RS[@]}}"; do\n  {_R58B} "$r"\ndone\n'
    assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected


# mutation58b (stop 58): grep's patterns given by `-e` (`grep -v -e central`, `grep -ve x`, `grep -e a -e b`) select
# whole lines as a bare pattern does (on main the home program was RES-011: a false alarm); with `-e`, an operand is a
# file (not the pipe): not read as a selection of the pipe's lines (RES-011, unknown, as before).
@pytest.mark.parametrize(
    ("stage", "region", "expected"),
    [
        ("grep -v -e central", "eu-west-1", []),
        ("grep -v -e central", "us-west-2", ["RES-009"]),
        ("grep -ve central", "eu-west-1", []),
        ("grep -v -e central -e '^#'", "eu-west-1", []),
        ("grep -v -e central -e '^#'", "us-west-2", ["RES-009"]),
        ("grep -e west /etc/fleet/regions", "eu-west-1", ["RES-011"]),
    ],
)
def test_mutation58b_grep_patterns_by_option(stage: str, region: str, expected: list[str]) -> None:
    text = f"#!/bin/bash\nR=$(printf '%s\\n' eu-central-1 {region} | {stage})\n{_R58B} \"$R\"\n"
    assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected


# the lead's review of stop 58: positional parameters had a bound (99, scripts58; 20 before): a call's 100th or 150th
# word, or `set --`'s 120th, at `--region "${N}"` stayed a placeholder and a Region abroad passed every door
@pytest.mark.parametrize("count", [100, 150])
@pytest.mark.parametrize(("region", "expected"), [("us-west-2", ["RES-009"]), ("eu-west-1", [])])
def test_review58_every_positional_parameter_is_read(count: int, region: str, expected: list[str]) -> None:
    words = " ".join(f"a{i}" for i in range(1, count))
    in_function = f'f() {{ aws s3 ls --region "${{{count}}}"; }}\nf {words} {region}'
    after_set = f'set -- {words} {region}\naws s3 ls --region "${{{count}}}"'
    for script in (in_function, after_set):
        assert sorted({f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")}) == expected


# falsealarm58b (stop 58): Fluent Bit's classic `@SET NAME=VALUE` ("Configuration Variables") is filled in where the
# configuration writes `${NAME}`, in the file itself and in a file it `@INCLUDE`s: the home Region set so at a
# `cloudwatch_logs` output was RES-016 (a false alarm) and a partner's collector set so at a `forward` output's `Host`
# passed every door. A variable set to two values, or not set (the environment's), stays as written (as before).
_FB58B = "#!/bin/bash\nmkdir -p /opt/fleet/fluent/outputs\ncat > /opt/fleet/fluent/main.conf <<'EOF'\n{sets}[INPUT]\n"
_FB58B += "    Name systemd\n@INCLUDE outputs/*.conf\n{main}EOF\ncat > /opt/fleet/fluent/outputs/out.conf <<'EOF'\n"
_FB58B += "{out}EOF\nfluent-bit -c /opt/fleet/fluent/main.conf &\n"
_CW58B = "[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    region ${r}\n    log_group_name /fleet/boot\n"
_FW58B = "[OUTPUT]\n    Name forward\n    Match *\n    Host ${h}\n    Port 24224\n"


@pytest.mark.parametrize(
    ("sets", "main", "out", "expected"),
    [
        ("@SET r=eu-central-1\n", _CW58B, "", []),
        ("@SET r=eu-central-1\n", "", _CW58B, []),
        ("@SET r=us-west-2\n", "", _CW58B, [("RES-009", "us-west-2")]),
        ("", _CW58B, "", [("RES-016", "cloudwatch_logs")]),
        ("@SET h=10.0.1.50\n", "", _FW58B, []),
        ("@SET h=db.partner.example.com\n", "", _FW58B, [("RES-015", "db.partner.example.com")]),
        ("@set h=db.partner.example.com\n", _FW58B, "", [("RES-015", "db.partner.example.com")]),
        ("@SET h=10.0.1.50\n", "", "@SET h=10.0.1.51\n" + _FW58B, []),
        ("", "", _FW58B, []),
    ],
)  # fmt: skip
def test_falsealarm58b_fluent_bit_set_variables_are_filled(
    sets: str, main: str, out: str, expected: list[tuple[str, str]]
) -> None:
    found = findings(_FB58B.format(sets=sets, main=main, out=out), "EU", "aws")
    assert sorted((rule, value) for rule, _, value in found) == expected, found


# falsealarm58b (stop 58): `seq` of literal integers (seq(1): "Print numbers from FIRST to LAST, in steps of
# INCREMENT") is computed, so a loop over `$(seq 1 50)` building the VPC's addresses passes (was RES-015, the
# substitution unknown); each number is judged (a public address built so is refused), and an option, a variable or
# more than 256 numbers stays unknown.
@pytest.mark.parametrize(
    ("loop", "expected"),
    [
        ('for i in $(seq 1 50); do nc -z "10.20.1.$i" 22; done', []),
        ('for i in $(seq 50); do nc -z "10.20.1.$i" 22; done', []),
        ('for i in $(seq 2 2 40); do nc -z "10.20.1.$i" 22; done', []),
        ('for i in $(seq 8 8); do nc -z "$i.8.8.8" 53; done', ["8.8.8.8"]),
        ('for i in $(seq 1 2); do psql -h "db$i.partner.example.com"; done',
         ["db1.partner.example.com", "db2.partner.example.com"]),
        ('for i in $(seq 1 300); do nc -z "10.20.1.$i" 22; done', ["10.20.1.$(seq 1 300)"]),
        ('for i in $(seq -w 1 50); do nc -z "10.20.1.$i" 22; done', ["10.20.1.$(seq -w 1 50)"]),
        ('for i in $(seq 1 "$N"); do nc -z "10.20.1.$i" 22; done', ['10.20.1.$(seq 1 "$N")']),
    ],
)  # fmt: skip
def test_falsealarm58b_seq_of_literal_integers_is_computed(loop: str, expected: list[str]) -> None:
    found = findings(f"#!/bin/bash\n{loop}\n", "EU", "aws")
    assert sorted(value for rule, _, value in found if rule == "RES-015") == expected, found


# falsealarm58b (stop 58): printf's `\0` is a NUL (bash(1) "printf": "\0nnn ... zero to three octal digits"), and a NUL
# ends a record where a loop or mapfile reads a file or a pipe (`mapfile -d ''`, `while read -r -d ''`): the list
# `printf '%s\0' A B` writes was read as the one text `A\0B\0`, so a partner's host among them passed every door.
@pytest.mark.parametrize(
    "reading",
    [
        "printf '%s\\0' 10.0.1.7 {h} > /etc/fleet/p0\nmapfile -d '' -t L < /etc/fleet/p0\n"
        'for p in "${{L[@]}}"; do nc -z "$p" 22; done',
        "mapfile -d '' -t L < <(printf '%s\\0' 10.0.1.7 {h})\nfor p in \"${{L[@]}}\"; do nc -z \"$p\" 22; done",
        "printf '%s\\0' 10.0.1.7 {h} > /etc/fleet/p0\n"
        "while IFS= read -r -d '' p; do nc -z \"$p\" 22; done < /etc/fleet/p0",
        "printf '%s\\0' 10.0.1.7 {h} | while IFS= read -d '' -r p; do nc -z \"$p\" 22; done",
    ],
)
def test_falsealarm58b_a_nul_ends_a_record(reading: str) -> None:
    assert findings("#!/bin/bash\n" + reading.format(h="10.0.1.8") + "\n", "EU", "aws") == []
    partner = findings("#!/bin/bash\n" + reading.format(h="db.partner.example.com") + "\n", "EU", "aws")
    assert [(rule, value) for rule, _, value in partner] == [("RES-015", "db.partner.example.com")]


# scripts58b (stop 58): the four quote-aware readers share one walk (quoting_spans); each reader's edges pinned as
# they were on main 290bcb02 (no output moved): a `#` in single / double quotes, after `\`, in `$#` / `${#A}` /
# `$'..#..'`, an escaped quote, a backquote inside single quotes, nested `$( )` in double quotes, a here-document body.
_WALKER_EDGES = [
    # (text, _uncommented, without_single_quoted, _backquotes_as_dollar)
    ("echo 'a # b'; x", "echo 'a # b'; x", "echo ; x", "echo 'a # b'; x"),
    ('echo "a # b"; x', 'echo "a # b"; x', 'echo "a # b"; x', 'echo "a # b"; x'),
    ("echo a \\# b; x", "echo a \\# b; x", "echo a \\# b; x", "echo a \\# b; x"),
    ("echo $# ${#A}; x", "echo $# ${#A}; x", "echo $# ${#A}; x", "echo $# ${#A}; x"),
    ("echo $'a # b'; x", "echo $'a # b'; x", "echo $; x", "echo $'a # b'; x"),
    ("echo a#b # c\nd", "echo a#b \nd", "echo a#b # c\nd", "echo a#b # c\nd"),
    ("# it's\nx 'y'", "\nx 'y'", "# ity", "# it's\nx 'y'"),
    ('echo "it\\"s # one"; x', 'echo "it\\"s # one"; x', 'echo "it\\"s # one"; x', 'echo "it\\"s # one"; x'),
    ("echo '`date`'; x", "echo '`date`'; x", "echo ; x", "echo '`date`'; x"),
    ('echo "`date`" `id`', 'echo "`date`" `id`', 'echo "`date`" `id`', 'echo "$(date)" $(id)'),
    ("echo `a", "echo `a", "echo `a", "echo `a"),
    ('"$(a "$(b)")"', '"$(a "$(b)")"', '"$(a "$(b)")"', '"$(a "$(b)")"'),
    ("cat <<'EOF'\nit's # x\nEOF\n", "cat <<'EOF'\nit's # x\nEOF\n", "cat <<\nit", "cat <<'EOF'\nit's # x\nEOF\n"),
    ("a\\", "a\\", "a\\", "a\\"),
    ("echo 'open # x", "echo 'open # x", "echo ", "echo 'open # x"),
    ('echo "open `x` # y', 'echo "open `x` # y', 'echo "open `x` # y', 'echo "open $(x) # y'),
]  # fmt: skip


@pytest.mark.parametrize(("text", "uncommented", "unquoted", "dollar"), _WALKER_EDGES)
def test_scripts58b_quote_walkers_edges(text: str, uncommented: str, unquoted: str, dollar: str) -> None:
    from components.residency.scripts import _backquotes_as_dollar, _uncommented

    assert _uncommented(text) == uncommented
    assert without_single_quoted(text) == unquoted
    assert _backquotes_as_dollar(text) == dollar


# scripts58b: the spans cover the text in order, each kind read where bash(1) "QUOTING" says.
def test_scripts58b_quoting_spans_kinds() -> None:
    text = 'a \'b\' \\c "d\\"`e`" `f` #g\nh'
    spans = list(quoting_spans(text, comments=True, backquotes=True))
    assert [(text[a:b], kind) for a, b, kind in spans] == [
        ("a ", ""), ("'b'", "'"), (" ", ""), ("\\c", "\\"), (" ", ""), ('"d', '"'), ('\\"', "\\"), ("`e`", "`"),
        ('"', '"'), (" ", ""), ("`f`", "`"), (" ", ""), ("#g", "#"), ("\nh", ""),
    ]  # fmt: skip
    plain = list(quoting_spans(text))
    assert [kind for _, _, kind in plain] == ["", "'", "", "\\", "", '"', "\\", '"', ""]
    assert list(quoting_spans("x 'y' z", 2, 5)) == [(2, 5, "'")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab #'\"`\\$(){}|;&\n", max_size=24), st.booleans(), st.booleans())
def test_scripts58b_quoting_spans_cover_the_text(text: str, comments: bool, backquotes: bool) -> None:
    spans = list(quoting_spans(text, comments=comments, backquotes=backquotes))
    assert "".join(text[a:b] for a, b, _ in spans) == text
    assert all(a < b for a, b, _ in spans) and all(p[1] == q[0] for p, q in itertools.pairwise(spans))


# scripts58b: jq's comments blanked in a multi-line substitution at /usr/bin/jq too, not in a double-quoted program
# (left open: its `\"` would be read as a jq string's start), nor in another command's single-quoted word; and at a
# jq continued from the line before (`cat f | \` then `jq ...`: bash(1) "a \<newline> pair is treated as a line
# continuation"; the program was left unblanked on main, RES-011 at home).
@pytest.mark.parametrize(
    ("script", "joined"),
    [
        ("R=$(/usr/bin/jq -r '\n  # the DR # target\n  .t[]\n  | .r # one\n' f)\n",
         "R=$(/usr/bin/jq -r '                       .t[]   | .r       ' f)\n"),
        ("R=$(jq -r '\n  # c\n  .r\n' f)\n", "R=$(jq -r '         .r ' f)\n"),
        ('R=$(jq -r "\n  # c\n  .r\n" f)\n', 'R=$(jq -r "   # c   .r " f)\n'),
        ("R=$(grep -v '\n# c\n' f | jq -r .r)\n", "R=$(grep -v ' # c ' f | jq -r .r)\n"),
        ("R=$(cat f | \\\n  jq -r '\n  # c\n  .r')\n", "R=$(cat f |     jq -r '         .r')\n"),
    ],
)  # fmt: skip
def test_scripts58b_jq_comments_blanked_in_substitutions(script: str, joined: str) -> None:
    from components.residency.scripts import substitutions_joined

    assert substitutions_joined(script) == joined


# scripts58b: jq named by its path is read as jq (the readers' one test, _names_jq; was RES-011 at home).
@pytest.mark.parametrize("jq", ["jq", "/usr/bin/jq", "/usr/local/bin/jq"])
def test_scripts58b_jq_by_its_path(jq: str) -> None:
    plan = 'mkdir -p /etc/dr\ncat > /etc/dr/plan.json <<\'EOF\'\n{"r": "%s"}\nEOF\n'
    call = 'R=$(%s -r .r /etc/dr/plan.json)\naws logs describe-log-groups --region "$R"\n'
    assert findings(f"#!/bin/bash\n{plan % 'eu-west-1'}{call % jq}", "EU", "aws") == []
    refused = findings(f"#!/bin/bash\n{plan % 'us-east-1'}{call % jq}", "EU", "aws")
    assert [rule for rule, _, _ in refused] == ["RES-009"]
    capture = "'.q | capture(\"^arn:aws:sqs:(?<r>[a-z0-9-]+):\") | .r'"
    assert jq_patterns_blanked(f"{jq} -r {capture}").count("arn:") == 0


# scripts58b: an echoed double-quoted nested substitution gives what the inner one gives (RES-011 at home before);
# unquoted (word splitting, read as two commands) it stays unknown, as does one in a command's argument (left open).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('R="$(echo "$(echo {r})")"\naws logs describe-log-groups --region "$R"', "RES-009"),
        ('R=$(echo "$(echo {r})")\naws logs describe-log-groups --region "$R"', "RES-009"),
        # scripts59 (stop 59): unquoted too now (the inner output's words, joined by echo; left open at stop 58)
        ('R=$(echo $(echo {r}))\naws logs describe-log-groups --region "$R"', "RES-009"),
        ("R=$(echo '$(echo {r})')\naws logs describe-log-groups --region \"$R\"", "RES-011"),
    ],
)
def test_scripts58b_nested_substitution(line: str, expected: str) -> None:
    home = findings(f"#!/bin/bash\n{line.format(r='eu-west-1')}\n", "EU", "aws")
    abroad = findings(f"#!/bin/bash\n{line.format(r='us-east-1')}\n", "EU", "aws")
    assert [rule for rule, _, _ in abroad] == [expected]
    assert [rule for rule, _, _ in home] == ([] if expected == "RES-009" else ["RES-011"])


# the lead's review of stop 58: past 64 written calls and 64 merged shapes, a wrapper's calls kept only their option
# names: a word that is no option (`ssh "$@"`'s host) was dropped and a partner's host passed every door. Every place
# of those calls is unknown now (fail closed: the in-country twin of that size is refused too, a named bound)
@pytest.mark.parametrize("last", ["db.partner.example.com", "10.0.0.9"])
def test_review58_a_call_past_the_shapes_bound_keeps_its_words(last: str) -> None:
    calls = "\n".join(f"w 10.0.0.{i % 200 + 1}" + " x" * i for i in range(140))
    script = f'#!/bin/bash\nw() {{ ssh "$@"; }}\n{calls}\nw {last}' + " x" * 150 + "\n"
    assert sorted({f[0] for f in findings(script, "EU", "aws")}) == ["RES-015"]


# mutation59 (stop 59): stop 58's readers spelled another way; each `us-west-2` below passed every door on main
# 8801eb8a (unread), each home twin passes. `readarray` is mapfile (bash(1): "A synonym for mapfile"), not `read -a`;
# an operation on a positional parameter (`${1:6}`, `${1#dr-}`); `${A:=$B}` assigns A; read's `-n` / `-N` from a file
# or a process substitution, `-d` from a here-document.
_R59 = "aws ec2 copy-snapshot --source-region eu-central-1 --source-snapshot-id snap-0a1b2c3d4e5f60718 --region"


@pytest.mark.parametrize(
    "script",
    [
        "readarray -t RS < <(printf '%s\\n' eu-central-1 {r})\n{R} \"${{RS[1]}}\"",
        "readarray -t -d , RS < <(printf '%s,' eu-central-1 {r})\n{R} \"${{RS[1]}}\"",
        "readarray -t -d '' RS < <(printf '%s\\0' eu-central-1 {r})\n{R} \"${{RS[1]}}\"",
        'f() {{\n  {R} "${{1:6}}"\n}}\nf fleet-{r}',
        'f() {{\n  {R} "${{1: -9}}"\n}}\nf fleet-{r}',
        'f() {{\n  {R} "${{1#fleet-}}"\n}}\nf fleet-{r}',
        'set -- a b c d e f g h i fleet-{r}\n{R} "${{10:6}}"',
        'B={r}\n: "${{A:=$B}}"\n{R} "$A"',
        'B={r}\n: ${{A=${{B}}}}\n{R} "$A"',
        'B={r}\necho "${{A:=$B}}" > /dev/null\n{R} "$A"',
        'f() {{\n  : "${{A:={r}}}"\n  {R} "$A"\n}}\nf',  # in a function body, a literal word too
        'f() {{\n  : "${{A:=$B}}"\n  {R} "$A"\n}}\nB={r}\nf',
        'C={r}\n: "${{A:=${{B:-$C}}}}"\n{R} "$A"',  # a nested word: B's value, else C's
        'echo "{r}-fleet" > /etc/fleet-r\nread -r -N 9 R < /etc/fleet-r\n{R} "$R"',
        'echo "{r}-fleet" > /etc/fleet-r\nread -rn9 R < /etc/fleet-r\n{R} "$R"',
        'read -r -N 9 R < <(echo {r}-fleet)\n{R} "$R"',
        'read -r -n 9 R < <(echo {r}-fleet)\n{R} "$R"',
        'read -r -d : R <<EOF || true\n{r}:eu-central-1\nEOF\n{R} "$R"',
        "read -r -d ':' R <<'EOF' || true\n{r}:eu-central-1\nEOF\n{R} \"$R\"",
        'read -d , -r R <<-EOF || true\n\t{r},eu-central-1\nEOF\n{R} "$R"',
    ],
)
def test_mutation59_stop_58_readers_spelled_another_way(script: str) -> None:
    for region, expected in (("eu-west-1", []), ("us-west-2", ["RES-009"])):
        text = f"#!/bin/bash\n{script.format(r=region, R=_R59)}\n"
        assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected, region


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('A=eu-west-1\nB=us-west-2\n: "${{A:=$B}}"\n{R} "$A"', []),  # A set: the word is not assigned
        ('B=eu-west-1\nC=us-west-2\n: "${{A:=${{B:-$C}}}}"\n{R} "$A"', []),  # B set: C is not reached
        ('B=$(curl -s http://10.0.0.5/r)\n: "${{A:=$B}}"\n{R} "$A"', ["RES-011"]),  # a word not computed
        ('read -r -N 9 R < /etc/fleet/r\n{R} "$R"', ["RES-011"]),  # a file the script does not write
        ('f() {{\n  {R} "${{1:-eu-west-1}}"\n}}\nf', []),  # `${1:-w}` stays a default, no substring
    ],
)
def test_mutation59_the_twins_that_decide(script: str, expected: list[str]) -> None:
    text = f"#!/bin/bash\n{script.format(R=_R59)}\n"
    assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected


# mutation59 (stop 59): an include inside an included rsyslog / syslog-ng file (each file once); on main one level was
# read and the partner's host passed every door.
def _nested_includes(kind: str, host: str) -> str:
    def doc(path: str, body: str) -> str:
        return f"mkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n"

    if kind == "rsyslog":
        return (
            doc("/etc/fleet/r/forward.conf", f'*.* action(type="omfwd" target="{host}" port="514")\n')
            + doc("/etc/fleet/r/a.conf", 'include(file="/etc/fleet/r/b.conf")\n')
            + doc(
                "/etc/fleet/r/b.conf", "$IncludeConfig /etc/fleet/r/forward.conf\n$IncludeConfig /etc/fleet/r/a.conf\n"
            )
            + doc("/etc/rsyslog.conf", "$IncludeConfig /etc/fleet/r/a.conf\n")
            + "systemctl restart rsyslog\n"
        )
    return (
        doc("/etc/fleet/s/forward.conf", f'destination d {{ network("{host}" port(514)); }};\n')
        + doc("/etc/fleet/s/a.conf", '@include "/etc/fleet/s/forward.conf"\n')
        + doc("/etc/syslog-ng/syslog-ng.conf", '@version: 4.2\n@include "/etc/fleet/s/a.conf"\n')
        + "systemctl restart syslog-ng\n"
    )


@pytest.mark.parametrize("kind", ["rsyslog", "syslog-ng"])
def test_mutation59_an_included_files_own_includes(kind: str) -> None:
    # b.conf includes a.conf again (a cycle): each file is inlined once
    partner = findings(f"#!/bin/bash\n{_nested_includes(kind, 'logs.partner.example.com')}", "EU", "aws")
    assert {f[0] for f in partner} == {"RES-015"}
    assert findings(f"#!/bin/bash\n{_nested_includes(kind, '10.0.3.20')}", "EU", "aws") == []


# mutation59 (stop 59): an empty Datadog `site` / `dd_url` or an empty `DD_SITE` is unset to the Agent, which sends to
# its default site then (datadog-agent pkg/config/utils/endpoints.go GetMainEndpoint); each passed every door on main.
_DD59 = "mkdir -p /etc/datadog-agent\ncat > /etc/datadog-agent/datadog.yaml <<'EOF'\napi_key: x\n{body}EOF\n{more}"
_DD59_RUN = "systemctl restart datadog-agent\n"
_DD59_UNIT = "/etc/systemd/system/datadog-agent.service.d/site.conf"


@pytest.mark.parametrize(
    ("body", "more", "expected"),
    [
        ('site: ""\n', _DD59_RUN, ["RES-015"]),
        ("site: ''\n", _DD59_RUN, ["RES-015"]),
        ("site:\n", _DD59_RUN, ["RES-015"]),
        ("site: ~\n", _DD59_RUN, ["RES-015"]),
        ('dd_url: ""\n', _DD59_RUN, ["RES-015"]),
        ('site: ""\n', "apt-get install -y datadog-agent\n", ["RES-015"]),
        ("", f"export DD_SITE=\n{_DD59_RUN}", ["RES-015"]),
        ("", f"printf '[Service]\\nEnvironment=DD_SITE=\\n' > {_DD59_UNIT}\n{_DD59_RUN}", ["RES-015"]),
        ("", f"echo 'DD_SITE=\"\"' > /etc/datadog-agent/environment\n{_DD59_RUN}", ["RES-015"]),
        ('site: ""\n', "", []),  # nobody runs the agent
        ("dd_url: http://10.0.3.20:3834\n", _DD59_RUN, []),  # the VPC's proxy
        ("", f"export DD_SITE=datadoghq.eu\n{_DD59_RUN}", ["RES-015"]),  # the variable's own value, judged there
    ],
)
def test_mutation59_an_empty_datadog_site_is_the_default(body: str, more: str, expected: list[str]) -> None:
    script = "#!/bin/bash\n" + _DD59.format(body=body, more=more)
    assert sorted({f[0] for f in findings(script, "EU", "aws")}) == expected


def test_mutation59_sets_variable() -> None:
    from components.residency.engine import _sets_variable

    assert not _sets_variable("export DD_SITE=\n", "DD_SITE")
    assert not _sets_variable('Environment="DD_SITE="\n', "DD_SITE")
    assert not _sets_variable("DD_SITE='' x", "DD_SITE")
    assert _sets_variable('DD_SITE="datadoghq.eu"', "DD_SITE")
    assert _sets_variable("-e DD_SITE=us3.datadoghq.com", "DD_SITE")
    assert _sets_variable('echo "$DD_SITE"', "DD_SITE")
    assert not _sets_variable("MY_DD_SITE=x DD_SITE_X=y", "DD_SITE")


# mutation59b (stop 59): stop 59's readers spelled another way; each `us-west-2` one passed every door on main (a slice
# read as the default expansion `${RS[@]:-2:1}` or split at its blank in a loop, a slice assigned, `read -ra`'s
# grouped options, `read -d \;`).
_R59B = "aws ec2 copy-snapshot --source-region eu-central-1 --source-snapshot-id snap-0a1b2c3d4e5f60718 --region"


@pytest.mark.parametrize(
    "script",
    [
        'RS=(eu-central-1 {r})\nfor R in "${{RS[@]:-2:1}}"; do {R} "$R"; done',
        'RS=(eu-central-1 {r})\n{R} "${{RS[@]:-2:1}}"',
        'RS=(eu-central-1 {r})\nfor R in "${{RS[@]: -1}}"; do {R} "$R"; done',
        'RS=(eu-central-1 eu-central-1 {r})\nfor R in "${{RS[@]: -1:1}}"; do {R} "$R"; done',
        'RS=(eu-central-1 {r})\nDR="${{RS[@]:1}}"\n{R} "$DR"',
        'RS=(eu-central-1 {r})\nDR="${{RS[*]:1}}"\n{R} "$DR"',
        'RS=(eu-central-1 {r})\nDR=${{RS[@]:1}}\n{R} "$DR"',
        'RS=(eu-central-1 {r})\nDR="${{RS[@]:(-1)}}"\n{R} "$DR"',
        'RS=(eu-central-1 {r})\nDR="${{RS[@]: -1:1}}"\n{R} "$DR"',
        'LIST="eu-central-1,{r}"\nIFS=, read -ra RS <<< "$LIST"\n{R} "${{RS[1]}}"',
        'IFS=, read -ra RS <<< "$(echo eu-central-1,{r})"\n{R} "${{RS[1]}}"',
        'LIST="eu-central-1;{r};"\nwhile read -r -d \\; R; do {R} "$R"; done <<< "$LIST"',
        'printf "eu-central-1;{r};" > /tmp/rs\nwhile read -r -d \\; R; do {R} "$R"; done < /tmp/rs',
    ],
)
def test_mutation59b_stop_59_readers_spelled_another_way(script: str) -> None:
    for region, expected in (("eu-west-1", []), ("us-west-2", ["RES-009"])):
        text = f"#!/bin/bash\n{script.format(r=region, R=_R59B)}\n"
        assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected, region


@pytest.mark.parametrize(
    "script",
    [
        'RS=(us-west-2 eu-central-1)\nfor R in "${{RS[@]: -1}}"; do {R} "$R"; done',  # the slice, not the array
        'RS=(us-west-2 eu-central-1)\nDR="${{RS[@]:1}}"\n{R} "$DR"',
        'RS=(us-west-2 eu-central-1)\nDR="${{RS[@]:(-1)}}"\n{R} "$DR"',
    ],
)
def test_mutation59b_the_item_outside_the_slice_passes(script: str) -> None:
    assert findings(f"#!/bin/bash\n{script.format(R=_R59B)}\n", "EU", "aws") == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [(";", ";"), ("\\;", ";"), ("';'", ";"), ('";"', ";"), ("''", ""), ('""', ""), (":x", ":"), ("\\:", ":")],
)
def test_mutation59b_read_delimiter_is_its_first_character_after_quote_removal(word: str, expected: str) -> None:
    assert read_delimiter(word) == expected


# mutation59b (stop 59): a systemd drop-in's `EnvironmentFile=` gives Fluent Bit's `${NAME}` as `Environment=` does
# (systemd.exec(5)); on main the partner's collector in the file passed every door.
@pytest.mark.parametrize(("host", "expected"), [("logs.partner.example.com", {"RES-015"}), ("10.0.3.20", set())])
def test_mutation59b_a_unit_environment_file_gives_fluent_bit_s_variable(host: str, expected: set[str]) -> None:
    def doc(path: str, body: str) -> str:
        return f"mkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n"

    script = (
        doc("/etc/fluent-bit/fluent-bit.conf", "[OUTPUT]\n    Name forward\n    Host ${LOG_SINK}\n    Port 24224\n")
        + doc("/etc/fleet/sink.env", f"# the fleet's collector\nLOG_SINK={host}\n")
        + doc("/etc/systemd/system/fluent-bit.service.d/sink.conf", "[Service]\nEnvironmentFile=/etc/fleet/sink.env\n")
        + "systemctl restart fluent-bit\n"
    )
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}", "EU", "aws")} == expected


# scripts59 (stop 59): bash(1) "QUOTING": $'string' expands to string with its ANSI C escapes replaced; written as
# the single-quoted word it expands to (a control character or a quote in it, or an escaped `$`, left as written).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aws --region $'us-west-2'", "aws --region 'us-west-2'"),
        ("R=$'us-west\\x2d2'", "R='us-west-2'"),
        ("R=$'a\\101\\u0042\\U00000043'", "R='aABC'"),
        ("curl $'https://h\\x2eexample.com/x'", "curl 'https://h.example.com/x'"),
        ("IFS=$'\\n'", "IFS=$'\\n'"),
        # scripts60b (stop 60): a word holding a control character or a quote and a letter is unknown (pins moved)
        ("echo $'a\\tb'", 'echo "$(an ANSI-C quoted word holding a control character or a quote)"'),
        ("echo $'it\\'s'", 'echo "$(an ANSI-C quoted word holding a control character or a quote)"'),
        ("echo \"$'x'\"", "echo \"$'x'\""),
        ("echo \\$'x'", "echo \\$'x'"),
        ("echo '$'x", "echo '$'x"),
        ("echo $$'x'", "echo $$'x'"),
        ("echo $'x", "echo $'x"),
    ],
)
def test_scripts59_ansi_c_quoted_written(text: str, expected: str) -> None:
    from components.residency.scripts import ansi_c_quoted_written

    assert ansi_c_quoted_written(text) == expected


# scripts59: an indexed array's slice and an array's keys (bash(1) "Parameter Expansion", "Arrays"), pinned against
# bash 5's output for `RS=(a b c)` and the sparse `RS=([0]=a [3]=d [5]=f)`
@pytest.mark.parametrize(
    ("assignment", "spec", "bash"),
    [
        ("RS=(a b c)", "1", "b c"), ("RS=(a b c)", "1:1", "b"), ("RS=(a b c)", " -1", "c"),
        ("RS=(a b c)", " -2:1", "b"), ("RS=(a b c)", "0:2", "a b"), ("RS=(a b c)", "5", ""),
        ("RS=(a b c)", "(1)", "b c"), ("RS=(a b c)", "1+1", "c"), ("RS=(a b c)", ":1", "a"),
        ("RS=([0]=a [3]=d [5]=f)", "1", "d f"), ("RS=([0]=a [3]=d [5]=f)", " -1", "f"),
        ("RS=([0]=a [3]=d [5]=f)", "4:1", "f"),
    ],
)  # fmt: skip
def test_scripts59_array_slice_as_bash(assignment: str, spec: str, bash: str) -> None:
    from components.residency.scripts import ARRAY_SLICE, array_elements, array_slice_items

    use = f'"${{RS[@]:{spec}}}"'
    m = ARRAY_SLICE.search(use)
    assert m is not None
    assert " ".join(array_slice_items(m, array_elements(f"{assignment}\necho {use}\n"))) == bash


# scripts59: where an item's index is not known (an append) or a bound is no number, a slice is every item (a
# superset, never an item the array does not hold)
def test_scripts59_a_slice_not_computed_is_every_item() -> None:
    from components.residency.scripts import ARRAY_SLICE, array_elements, array_slice_items

    for script, use in (("RS=(a)\nRS+=(b)\n", '"${RS[@]:0:1}"'), ("RS=(a b)\n", '"${RS[@]:n:1}"')):
        m = ARRAY_SLICE.search(use)
        assert m is not None
        assert array_slice_items(m, array_elements(script + f"echo {use}\n")) == ("a", "b")


# scripts59: the branches of an if / case body, each one echo among silent commands; any other body is not read
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("if [ -f /x ]; then echo a; else echo b; fi", ["echo a", "echo b"]),
        ("if [ -f /x ]\nthen\n  logger x\n  echo a\nelif grep -q b /y; then echo b\nfi", ["echo a", "echo b"]),
        ('case "$1" in a) echo a ;; (b|c) echo b ;; *) echo c ;; esac', ["echo a", "echo b", "echo c"]),
        ("if curl -s x; then echo a; else echo b; fi", ["curl -s x; echo a", "curl -s x; echo b"]),  # falsealarm62
        ("if [ -f /x ]; then echo a; echo b; fi", ["echo a; echo b"]),  # scripts60: a way of two echoes
        ("if [ -f /x ]; then date; fi", ["date"]),  # falsealarm62: a command that prints (was None: unread)
        ("if [ -f /x ]; then if [ -f /y ]; then echo a; fi; fi", ["echo a"]),  # scripts60: nested
        ('case "$1" in a) case x in x) echo a ;; esac ;; esac', ["echo a"]),  # scripts60: nested
        ("echo a", ["echo a"]),  # scripts60: one way (function bodies of one echo are read before, as one)
        ("date", ["date"]),  # falsealarm62: the evaluator decides (`$(date)`: unknown)
    ],
)
def test_scripts59_branch_echoes(body: str, expected: list[str] | None) -> None:
    from components.residency.scripts import branch_echoes

    assert branch_echoes(body) == expected


# scripts59: one-value programs (an EC2 instance's user data, EU: eu-west-1 home, eu-central-1 the second Region in
# the jurisdiction, us-east-1 abroad), each shape of the round refused abroad and passing at home; and the bounds and
# unknowns fail closed (RES-011 at home too): a substring bound the reader does not know, an array's keys assigned by
# a variable's subscript, a branch whose condition may print.
_R59 = "aws logs put-retention-policy --log-group-name /a --retention-in-days 3 --region"


@pytest.mark.parametrize(
    "script",
    [
        'RS=(eu-central-1 {r} eu-west-1)\nfor R in "${{RS[@]:1:1}}"; do {P} "$R"; done',
        'RS=({r} eu-central-1)\n{P} "${{RS[@]: -2:1}}"',
        'declare -A M=([eu-central-1]=a [{r}]=b)\nfor R in "${{!M[@]}}"; do {P} "$R"; done',
        "{P} $'{r}'",
        "R=$'{r}'\n{P} \"$R\"",
        'IFS=, read -r -a RS <<< "$(echo eu-central-1,{r})"\nfor R in "${{RS[@]}}"; do {P} "$R"; done',
        'L="eu-central-1 {r}"\nread -r -a RS <<< "$L"\n{P} "${{RS[1]}}"',
        'L="eu-central-1,{r}"\nIFS=, read -r -a RS <<< "$L"\n{P} "${{RS[1]}}"',
        "echo 'eu-central-1;{r};' > /tmp/rs\nwhile read -r -d ';' R; do {P} \"$R\"; done < /tmp/rs",
        "while IFS= read -r -d , R; do {P} \"$R\"; done <<< 'eu-central-1,{r},'",
        "printf -v 'A[1]' '%s' {r}\n{P} \"${{A[1]}}\"",
        'N=6\nL=9\nDR=fleet-{r}\n{P} "${{DR:$N:${{L}}}}"',
        'f() {{ if [ -f /x ]; then echo eu-central-1; else echo {r}; fi; }}\n{P} "$(f)"',
        'f() {{\n  case "$1" in\n    a) echo eu-central-1 ;;\n    *) echo "$2" ;;\n  esac\n}}\n{P} "$(f b {r})"',
        'R="$(if [ -f /x ]; then echo eu-central-1; else echo {r}; fi)"\n{P} "$R"',
        "echo {r} > /etc/h\n{P} $(echo $(cat /etc/h))",
        'echo {r} > /etc/h\n{P} "$(echo "$(cat /etc/h)")"',
        'echo \'{{"region":"{r}"}}\' > /etc/c.json\njq -r .region /etc/c.json > /tmp/r\nR=$(cat /tmp/r)\n{P} "$R"',
    ],
)
def test_scripts59_shapes(script: str) -> None:
    for region, expected in (("eu-west-1", []), ("us-east-1", ["RES-009"])):
        text = f"#!/bin/bash\n{script.format(P=_R59, r=region)}\n"
        assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected, (region, text)


@pytest.mark.parametrize(
    "script",
    [
        'N=$(cat /etc/n)\nDR=fleet-eu-west-1\n{P} "${{DR:$N:9}}"',
        'DR=fleet-eu-west-1\n{P} "${{DR:$N:9}}"',
        'declare -A M\nwhile read k v; do M[$k]=$v; done < /etc/m\nfor R in "${{!M[@]}}"; do {P} "$R"; done',
        'f() {{ if curl -s http://10.0.0.5/x; then echo eu-west-1; else echo eu-central-1; fi; }}\n{P} "$(f)"',
        'IFS=, read -r -a RS <<< "$(curl -s http://10.0.0.5/r)"\n{P} "${{RS[1]}}"',
    ],
)
def test_scripts59_unknowns_fail_closed(script: str) -> None:
    text = f"#!/bin/bash\n{script.format(P=_R59)}\n"
    assert "RES-011" in {f[0] for f in findings(text, "EU", "aws")}


# scripts59: what is not at a destination, or an environment variable the script never sets, is not judged
@pytest.mark.parametrize(
    "script",
    [
        'declare -A M\nM[$1]=x\nfor R in "${{!M[@]}}"; do echo "$R"; done\n{P} eu-west-1',
        'IFS=, read -r -a RS <<< "$FLEET_REGIONS"\n{P} "${{RS[1]}}"',
        'RS=(us-east-1 eu-west-1)\nfor R in "${{RS[@]:1}}"; do {P} "$R"; done',
        "echo $'us-east-1'\n{P} eu-west-1",
    ],
)
def test_scripts59_not_at_a_destination(script: str) -> None:
    text = f"#!/bin/bash\n{script.format(P=_R59)}\n"
    assert findings(text, "EU", "aws") == []


# scripts59: a command's output written to a file reads the files the script writes before (`jq ... cfg.json > F`)
def test_scripts59_command_output_of_a_written_file() -> None:
    from components.residency.scripts import written_files

    script = 'echo \'{"r":"us-east-1"}\' > /etc/c.json\njq -r .r /etc/c.json > /tmp/r\n'
    assert written_files(script)["/tmp/r"] == "us-east-1\n"


# scripts59: an SSM Command document's runCommand, one line an item: a loop whose body is a later item than its
# `for` / `while read` line (and an array read from a here-string of an earlier item's variable) passed every door
# with a Region abroad (the body judged alone); judged with the items joined now
_LOOP_ITEMS59 = [
    ["for R in eu-central-1 {r}; do", '  {P} "$R"', "done"],
    ["RS=(eu-central-1 {r})", 'for R in "${{RS[@]:1}}"; do', '  {P} "$R"', "done"],
    ["while read -r R; do", '  {P} "$R"', "done <<'EOF'", "eu-central-1", "{r}", "EOF"],
    ['LIST="eu-central-1,{r}"', 'IFS=, read -r -a RS <<< "$LIST"', '{P} "${{RS[1]}}"'],
]


@pytest.mark.parametrize("items", _LOOP_ITEMS59)
def test_scripts59_a_loop_over_script_list_items(items: list[str]) -> None:
    for region, expected in (("eu-west-1", []), ("us-east-1", ["RES-009"])):
        lines = [item.format(P=_R59, r=region) for item in items]
        step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": lines}}
        content = json.dumps({"schemaVersion": "2.2", "mainSteps": [step]})
        props = {"content": content, "documentType": "Command", "documentFormat": "JSON"}
        subject = Subject("aws:ssm/document:Document", "d", props, provider("EU", "aws"))
        assert sorted({f.rule.id for f in ENGINES["EU"].check(subject)[0]}) == expected, (region, lines)


# falsealarm59 (stop 59): a text of several variables past 64 combinations was unknown (RES-015, a false alarm for
# 81 private addresses or nine hosts by nine ports). A port after an authority's `:` and an octet under a literal
# private network are judged apart (each value once): no combination can judge otherwise. Every other shape keeps
# every combination (past 64: unknown).
_OCTETS9 = [str(i) for i in range(1, 10)]
_HOSTS9 = [f"10.20.1.{i}" for i in range(11, 20)]
_PORTS9 = [str(p) for p in range(8080, 8089)]


@pytest.mark.parametrize(
    ("text", "held", "apart"),
    [
        ("10.${A}.${B}.5", {"A": _OCTETS9, "B": _OCTETS9}, {"A", "B"}),
        ("http://10.20.$A.$B:8080/", {"A": _OCTETS9, "B": _OCTETS9}, {"A", "B"}),
        ("192.168.${A}.${B}", {"A": _OCTETS9, "B": _OCTETS9}, {"A", "B"}),
        ("172.16.${A}.${B}", {"A": _OCTETS9, "B": _OCTETS9}, {"A", "B"}),
        ("$h:$p", {"h": _HOSTS9, "p": _PORTS9}, {"p"}),
        ("http://$h:${p}/healthz", {"h": _HOSTS9, "p": _PORTS9}, {"p"}),
        ("ec2-user@$h:$p", {"h": _HOSTS9, "p": _PORTS9}, {"p"}),
        ("[fd00::1]:$p $h", {"h": _HOSTS9, "p": _PORTS9}, {"p"}),
        # kept whole: the first part a variable, a public or partial literal prefix, two variables in one part
        ("${NET}.${OCT}.0.5", {"NET": ["10", "192"], "OCT": ["168", "17", *_OCTETS9]}, set()),
        ("172.${A}.${B}.5", {"A": ["16", "17", "31"], "B": _OCTETS9}, set()),
        ("100.${A}.${B}.5", {"A": ["64", "65"], "B": _OCTETS9}, set()),
        ("203.0.${A}.${B}", {"A": _OCTETS9, "B": _OCTETS9}, set()),
        ("10.$A$B.0.5", {"A": _OCTETS9, "B": _OCTETS9}, set()),
        ("x10.${A}.${B}.5", {"A": _OCTETS9, "B": _OCTETS9}, set()),
        ("${P}10.${A}.${B}.5", {"P": ["1", "2"], "A": _OCTETS9, "B": _OCTETS9}, set()),
        ("10.${A}.${B}.5.nip.io", {"A": _OCTETS9, "B": _OCTETS9}, set()),
        ("10.${A}.${B}.5", {"A": [*_OCTETS9[:8], "x@192"], "B": _OCTETS9}, set()),  # a value opening a host
        ("10.${A}.${B}.5", {"A": [*_OCTETS9[:8], "1.1"], "B": _OCTETS9}, set()),  # one part no octet: none apart
        ("10.${A}.${B}.5", {"A": [*_OCTETS9[:8], "08"], "B": _OCTETS9}, set()),
        ("$h:$p", {"h": ["fd00::1", "fd00::2"], "p": _PORTS9}, set()),  # `fd00::1:8080` is an address
        ("$h:$p", {"h": _HOSTS9, "p": ["80@db.partner.example.com", "8080"]}, set()),  # user information, no port
        ("$h:$p", {"h": _HOSTS9, "p": ["80", "70000", *_PORTS9]}, set()),  # 70000 is no port number
        ("fd00:1:$h:$p", {"h": ["1", "2"], "p": _PORTS9}, set()),  # an IPv6 address's groups, not a port
        ("$h:$p.partner.example.com", {"h": _HOSTS9, "p": _PORTS9}, set()),
        ("$h:$p $p.0.0.1", {"h": _HOSTS9, "p": _PORTS9}, set()),  # used elsewhere too
        ("$A$B", {"A": ["10.0", "192.1", *_OCTETS9], "B": [".0.5", "7.0.5", *_OCTETS9]}, set()),
    ],
)
def test_falsealarm59_judged_apart(text: str, held: dict[str, list[str]], apart: set[str]) -> None:
    from components.residency.scripts import _judged_apart

    names = list(held)
    assert {names[i] for i in _judged_apart(text, names, [[*held[n]] for n in names])} == apart


def test_falsealarm59_filled_texts_apart() -> None:
    from components.residency.scripts import PAST_THE_FILLING, filled_texts

    octets = filled_texts("10.${A}.${B}.5", {"A": _OCTETS9, "B": _OCTETS9})
    assert len(octets) == 17 and PAST_THE_FILLING not in octets and {"10.9.1.5", "10.1.9.5"} <= set(octets)
    ports = filled_texts("http://$h:$p/", {"h": _HOSTS9, "p": _PORTS9})
    assert {f"http://{h}:8080/" for h in _HOSTS9} <= set(ports) and "http://10.20.1.11:8088/" in ports
    assert len(ports) == 17 and PAST_THE_FILLING not in ports
    split = filled_texts("${NET}.${OCT}.0.${N}", {"NET": ["10", "192"], "OCT": ["168", "17", *_OCTETS9], "N": _OCTETS9})
    assert split[-1] == PAST_THE_FILLING  # the counter case: 198 combinations, unknown past the bound
    assert "192.17.0.5" in filled_texts("${NET}.${OCT}.0.5", {"NET": ["10", "192"], "OCT": ["168", "17"]})


# A property of the reading: where no text is unknown, every combination's address verdict (private or not) is among
# the written texts' verdicts for the same host part, so a public combination is never hidden behind private ones.
_POOL = ["0", "1", "9", "10", "16", "17", "31", "64", "100", "168", "172", "192", "255", "256", "08", "1.1", "x@192"]


@given(
    st.sampled_from(["10.$A.$B.5", "192.168.$A.$B", "172.16.$A.$B", "$A.$B.0.5", "10.$A$B.5", "127.$A.$B.1"]),
    st.lists(st.sampled_from(_POOL), min_size=1, max_size=9, unique=True),
    st.lists(st.sampled_from(_POOL), min_size=1, max_size=9, unique=True),
)
def test_falsealarm59_apart_hides_no_public_combination(text: str, a: list[str], b: list[str]) -> None:
    from components.residency.references import is_private_address
    from components.residency.scripts import PAST_THE_FILLING, filled_texts

    written = filled_texts(text, {"A": a, "B": b})
    if PAST_THE_FILLING in written:
        return
    every = {text.replace("$A", x).replace("$B", y) for x in a for y in b}
    assert {is_private_address(t) for t in every} <= {is_private_address(t) for t in written}
    assert all(is_private_address(t) for t in written) <= all(is_private_address(t) for t in every)


@pytest.mark.parametrize("last", [None, "db.partner.example.com"])
def test_falsealarm59_a_wrapper_of_81_hosts(last: str | None) -> None:
    calls = "".join(f"run ec2-user@10.20.{r}.{s} uptime\n" for r in range(1, 10) for s in range(1, 10))
    script = '#!/bin/bash\nrun() { ssh -o StrictHostKeyChecking=no "$@"; }\n' + calls
    if last is not None:
        script = script.replace("ec2-user@10.20.5.5 ", f"ec2-user@{last} ")  # a call past the 64th
    assert sorted({f[0] for f in findings(script, "EU", "aws")}) == ([] if last is None else ["RES-015"])


# config59 (stop 59): one include resolver for every log router (engine `_include_matches`, syslog-ng's, rsyslog's,
# Fluent Bit's and Fluentd's includes): the file, every file of a directory, each file a wildcard matches, a relative
# name under each base. Pinned before the move (config58's router rows above passed before and after), with the edges
# the shared resolver keeps: a nested include, a quoted name, an include naming no written file.
@pytest.mark.parametrize(
    ("name", "bases", "expected"),
    [
        ("/opt/fb/outputs/central.conf", ["/x"], ["/opt/fb/outputs/central.conf"]),
        ("outputs/*.conf", ["/opt/fb"], ["/opt/fb/outputs/central.conf", "/opt/fb/outputs/other.conf"]),
        ("outputs/c*.conf", ["/opt/fb"], ["/opt/fb/outputs/central.conf"]),
        ("outputs", ["/opt/fb"], ["/opt/fb/outputs/central.conf", "/opt/fb/outputs/other.conf"]),  # a directory
        ("outputs/", ["/etc", "/opt/fb"], ["/opt/fb/outputs/central.conf", "/opt/fb/outputs/other.conf"]),
        ("filters/*.conf", ["/opt/fb"], []),
        ("../x.conf", ["/opt/fb"], ["/opt/x.conf"]),  # `..` resolved (config59)
        # fnmatch's `*` crosses a `/` (wider than glob(3), failing closed; as before the shared resolver)
        ("*.conf", ["/opt/fb"], ["/opt/fb/main.conf", "/opt/fb/outputs/central.conf", "/opt/fb/outputs/other.conf"]),
    ],
)
def test_config59_one_include_resolver(name: str, bases: list[str], expected: list[str]) -> None:
    from components.residency.engine import _include_matches

    files = ["/opt/fb/main.conf", "/opt/fb/outputs/central.conf", "/opt/fb/outputs/other.conf", "/opt/x.conf"]
    assert _include_matches(name, bases, files) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # an included file's own include (nested), relative to its own directory
        (
            "mkdir -p /opt/fb/outputs /opt/fb/parts\n"
            f"cat > /opt/fb/outputs/central.conf <<'EOF'\n{_FB_OUT58.format(_P55)}EOF\n"
            "cat > /opt/fb/parts/all.conf <<'EOF'\n@INCLUDE ../outputs/*.conf\nEOF\n"
            "cat > /opt/fb/main.conf <<'EOF'\n[SERVICE]\n    Flush 1\n@INCLUDE parts/all.conf\nEOF\n"
            "fluent-bit -c /opt/fb/main.conf",
            {"RES-015"},
        ),
        (_router58(_P55, '@INCLUDE "outputs/*.conf"', "fluent-bit -c /opt/fb/main.conf"), {"RES-015"}),
        (_router58(_P55, "@INCLUDE /etc/fluent-bit/extra/*.conf", "fluent-bit -c /opt/fb/main.conf"), set()),
        (_router58("10.0.3.20", '@INCLUDE "outputs/*.conf"', "fluent-bit -c /opt/fb/main.conf"), set()),
    ],
)
def test_config59_log_router_includes_through_the_shared_resolver(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# config59 (stop 59): the Datadog Agent's container reads its settings from its environment (Datadog "Docker Agent"):
# run with DD_API_KEY and no DD_SITE / DD_DD_URL it sends to the default site, US1 datadoghq.com, judged as stop 58
# judges a datadog.yaml with no site (RES-015 until declared). On main 8801eb8a each RES-015 `datadoghq.com` below
# passed every door; DD_SITE given was judged before too.
_DDC59 = "docker run -d --name dd-agent -v /proc/:/host/proc/:ro {env}-e DD_API_KEY=0123abcd {image}"
_DDY59 = "mkdir -p /etc/datadog-agent\ncat > /etc/datadog-agent/datadog.yaml <<'EOF'\nsite: ap1.datadoghq.com\nEOF\n"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_DDC59.format(env="", image="gcr.io/datadoghq/agent:7"), [("RES-015", "datadoghq.com")]),
        (_DDC59.format(env="", image="datadog/agent:latest"), [("RES-015", "datadoghq.com")]),
        (_DDC59.format(env="", image="public.ecr.aws/datadog/agent"), [("RES-015", "datadoghq.com")]),
        (_DDC59.format(env="", image="eu.gcr.io/datadoghq/agent:7.60.0"), [("RES-015", "datadoghq.com")]),
        (_DDC59.format(env="", image="registry.datadoghq.com/agent:7").replace("docker", "podman"),
         [("RES-015", "datadoghq.com")]),
        ("docker run -d \\\n  -e DD_API_KEY=k \\\n  gcr.io/datadoghq/agent:7", [("RES-015", "datadoghq.com")]),
        ("cat > /opt/dd/compose.yaml <<'EOF'\nservices:\n  agent:\n    image: gcr.io/datadoghq/agent:7\n"
         "    environment:\n      DD_API_KEY: k\nEOF\ndocker compose -f /opt/dd/compose.yaml up -d",
         [("RES-015", "datadoghq.com")]),
        # the site or the intake URL given: judged where it is set (the VPC's proxy passes)
        (_DDC59.format(env="-e DD_SITE=datadoghq.eu ", image="gcr.io/datadoghq/agent:7"),
         [("RES-015", "datadoghq.eu")]),
        (_DDC59.format(env="-e DD_DD_URL=https://10.0.3.20:3834 ", image="gcr.io/datadoghq/agent:7"), []),
        # an image only pulled or listed, another vendor's agent image: nothing runs the Agent
        ("docker pull gcr.io/datadoghq/agent:7\ndocker image ls gcr.io/datadoghq/agent", []),
        (_DDC59.format(env="", image="grafana/agent:v0.40.0"), []),
        (_DDC59.format(env="", image="gcr.io/datadoghq/cluster-agent:7"), []),
        # a datadog.yaml the script writes: a run mounting it reads its site; one not given the file sends to US1
        (_DDY59 + _DDC59.format(env="-v /etc/datadog-agent/datadog.yaml:/etc/datadog-agent/datadog.yaml:ro ",
                                image="gcr.io/datadoghq/agent:7"), [("RES-015", "ap1.datadoghq.com")]),
        (_DDY59 + _DDC59.format(env="-v /etc/datadog-agent:/etc/datadog-agent ", image="gcr.io/datadoghq/agent:7"),
         [("RES-015", "ap1.datadoghq.com")]),
        (_DDY59 + _DDC59.format(env="", image="gcr.io/datadoghq/agent:7"),
         [("RES-015", "ap1.datadoghq.com"), ("RES-015", "datadoghq.com")]),
        ("cat > /etc/datadog-agent/datadog.yaml <<'EOF'\napi_key: k\nEOF\n"
         + _DDC59.format(env="-v /etc/datadog-agent/datadog.yaml:/etc/datadog-agent/datadog.yaml ",
                         image="gcr.io/datadoghq/agent:7"), [("RES-015", "datadoghq.com")]),
    ],
)  # fmt: skip
def test_config59_the_datadog_agents_container_default_site(script: str, expected: list[tuple[str, str]]) -> None:
    found = sorted({(f[0], f[2]) for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")})
    assert found == expected


def test_config59_a_declared_default_site_passes_for_the_container() -> None:
    entry = {"id": "dd-us1", "kind": "resident", "match": "datadoghq.com", "evidence": "Datadog US1, under contract"}
    engine = RuleEngine("US", destinations=parse_destinations([entry]))
    script = "#!/bin/bash\n" + _DDC59.format(env="", image="gcr.io/datadoghq/agent:7") + "\n"
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("US", "aws"))
    assert [(f.rule.id, f.declared_by) for f in engine.check(subject)[0]] == [("RES-015", "dd-us1")]


# config59 (stop 59): a `sed -i` giving datadog.yaml's `site:` from the script's variable (double quotes: the shell
# fills it) is judged with each value reaching it; a substitution not computed fails closed. On main 8801eb8a each
# RES-015 below passed every door (the line was read as `site: ${SITE}`).
_DDSED59 = 'sed -i "s/^# site:.*/site: {v}/" /etc/datadog-agent/datadog.yaml\nsystemctl restart datadog-agent'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("SITE=datadoghq.com\n" + _DDSED59.format(v="${SITE}"), [("RES-015", "datadoghq.com")]),
        ("SITE=us5.datadoghq.com\n" + _DDSED59.format(v="$SITE"), [("RES-015", "us5.datadoghq.com")]),
        ("for S in datadoghq.eu ap1.datadoghq.com; do\n" + _DDSED59.format(v="$S") + "\ndone",
         [("RES-015", "ap1.datadoghq.com"), ("RES-015", "datadoghq.eu")]),
        ("SITE=$(cat /etc/fleet/dd-site)\n" + _DDSED59.format(v="${SITE}"),
         [("RES-015", "$(cat /etc/fleet/dd-site)")]),
        # single quotes: sed writes `${SITE}` as it is (no site the Agent can reach)
        (_DDSED59.format(v="${SITE}").replace('"', "'"), []),
        # another key the entry does not read
        ("LEVEL=debug\n" + _DDSED59.format(v="${LEVEL}").replace("site:", "log_level:"), []),
    ],
)  # fmt: skip
def test_config59_a_sed_site_from_a_variable(script: str, expected: list[tuple[str, str]]) -> None:
    found = sorted({(f[0], f[2]) for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")})
    assert found == expected


# config59 (stop 59): a wildcard relative to the working directory at a tool's option (`cd /etc/fleet && filebeat -c
# 'beats/*.yml'`) names each written file whose path ends with a match (failing closed: the directory is not proven).
# On main 8801eb8a each RES-015 below passed every door.
def _fb59(host: str, run: str) -> str:
    return _filebeat58(host, run)


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_fb59(_P55, "cd /etc/fleet && filebeat -e -c 'beats/*.yml'"), {"RES-015"}),
        (_fb59(_P55, "cd /etc/fleet/beats\nfilebeat -e -c *.yml"), {"RES-015"}),
        (_fb59(_P55, "cd /etc/fleet && filebeat -e -c ./beats/c*.yml"), {"RES-015"}),
        (_fb59("10.0.3.20", "cd /etc/fleet && filebeat -e -c 'beats/*.yml'"), set()),
        (_fb59(_P55, "cd /etc/fleet && filebeat -e -c 'beats/*.yaml'"), set()),  # matches no written file
        (_fb59(_P55, "cd /etc/fleet && filebeat -e -c 'other/*.yml'"), set()),
    ],
)
def test_config59_a_relative_wildcard_at_a_tools_option(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@settings(max_examples=25, deadline=None)
@given(st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True), st.sampled_from(["*.yml", "beats/*.yml", "beats/?*"]))
def test_config59_a_relative_wildcard_names_every_file_it_matches(name: str, pattern: str) -> None:
    file = f"/etc/fleet/beats/{name}.yml"
    tail = "/".join(file.split("/")[-(pattern.count("/") + 1) :])
    assume(fnmatch.fnmatchcase(tail, pattern))
    script = _filebeat58(_P55, f"cd /etc/fleet && filebeat -e -c '{pattern}'", file)
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == {"RES-015"}


# config59 (stop 59): a log router's file holding the script's variable is judged with each value reaching it, as a
# settings file is (the one filling): a loop's words and a branch's assignments in an unquoted here-document; in a
# quoted one Fluent Bit's `${NAME}` reads its environment: the script's exports, or a systemd unit's `Environment=` the
# script writes. On main 8801eb8a each RES-015 below passed every door (`Host ${H}` judged as written).
_FBV59 = "[SERVICE]\n    Flush 1\n[INPUT]\n    Name tail\n    Path /var/log/a.log\n" + _FB_OUT58


def _fbv59(before: str, value: str, quoted: bool, after: str = "systemctl restart fluent-bit") -> str:
    delimiter = "'EOF'" if quoted else "EOF"
    body = _FBV59.format(value)
    return f"{before}cat > /etc/fluent-bit/fluent-bit.conf <<{delimiter}\n{body}EOF\n{after}"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_fbv59(f"for H in 10.0.3.7 {_P55}; do\n", "${H}", False, "done"), {"RES-015"}),
        (_fbv59(f"if [ -f /etc/prod ]; then H={_P55}; else H=10.0.3.7; fi\n", "${H}", False), {"RES-015"}),
        (_fbv59(f"export SINK={_P55}\n", "${SINK}", True, "fluent-bit -c /etc/fluent-bit/fluent-bit.conf &"),
         {"RES-015"}),
        (_fbv59(f"cat > /etc/systemd/system/fluent-bit.service.d/s.conf <<'EOF'\n[Service]\nEnvironment=SINK={_P55}\n"
                "EOF\n", "${SINK}", True), {"RES-015"}),
        (_fbv59(f"cat > /etc/systemd/system/fluent-bit.service.d/s.conf <<'EOF'\n[Service]\n"
                f'Environment="LEVEL=info" "SINK={_P55}"\nEOF\n', "${SINK}", True), {"RES-015"}),
        # the VPC's addresses, a variable nobody gives, a quoted here-document's variable the script does not export
        (_fbv59("for H in 10.0.3.7 10.0.3.8; do\n", "${H}", False, "done"), set()),
        (_fbv59("if [ -f /etc/prod ]; then H=10.0.3.8; else H=10.0.3.7; fi\n", "${H}", False), set()),
        (_fbv59("cat > /etc/systemd/system/fluent-bit.service.d/s.conf <<'EOF'\n[Service]\nEnvironment=SINK=10.0.3.9\n"
                "EOF\n", "${SINK}", True), set()),
        (_fbv59("", "${SINK}", True), set()),
        (_fbv59(f"SINK={_P55}\n", "${SINK}", True), set()),
    ],
)  # fmt: skip
def test_config59_a_log_routers_variables_filled(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# config60 (stop 60): one reading of a shell wildcard pattern (scripts.shell_pattern, bash(1) "Pattern Matching") for
# the log routers' includes, the wildcard paths at a tool's option and bash's own parameter patterns. Python's fnmatch
# (the reading before) differs: `[^...]` is a set holding `^`, no `[:class:]`, no `\` quoting, no `{a,b}`.
@pytest.mark.parametrize(
    ("text", "pattern", "tools", "expected"),
    [
        ("50-central.conf", "[!_]*.conf", False, True),
        ("_off.conf", "[!_]*.conf", False, False),
        ("50-central.conf", "[^_]*.conf", False, True),  # fnmatch: False (a set holding `^` or `_`)
        ("_off.conf", "[^_]*.conf", False, False),
        # a tool's `[^...]`: a negation to glibc / Ruby, a set to Rust's glob crate: either reading (any character)
        ("_off.conf", "[^_]*.conf", True, True),
        ("50-central.conf", "[[:digit:]]*.conf", False, True),  # fnmatch: False
        ("central.conf", "[[:digit:]]*.conf", False, False),
        ("a.conf", "[[:bogus:]].conf", False, True),  # an unknown class: any character (failing closed)
        ("a]", "[]a]]", False, True),
        ("b.yml", "shipper-[ab].yml".removeprefix("shipper-"), False, True),
        ("-", "[a-]", False, True),
        ("x*y", "x\\*y", False, True),
        ("xay", "x\\*y", False, False),  # fnmatch: True (no quoting)
        ("a/b/c.conf", "a/*.conf", False, True),  # `*` crosses a `/` (failing closed, as fnmatch did)
        ("[x", "[x", False, True),  # no closing `]`: the `[` is itself
        ("a.conf", "{a,b}.conf", True, True),  # Ruby's Dir.glob (Fluentd's @include), bash's brace expansion
        ("{a,b}.conf", "{a,b}.conf", False, True),  # no brace list in a parameter pattern
        ("a.conf", "{a}.conf", True, False),  # no comma: no list
        ("b9.conf", "{a,b[0-9]}.conf", True, True),
        ("y", "[z-a]", False, False),  # a range out of order matches nothing
    ],
)
def test_config60_one_reading_of_a_shell_pattern(text: str, pattern: str, tools: bool, expected: bool) -> None:
    from components.residency.scripts import shell_matches

    assert shell_matches(text, pattern, tools) is expected


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab_.-*?/", max_size=8), st.text(alphabet="ab_.-/", max_size=8))
def test_config60_a_plain_pattern_reads_as_fnmatch_did(pattern: str, text: str) -> None:
    from components.residency.scripts import shell_matches

    # no bracket, brace or backslash: the one reading agrees with fnmatch (whose `*` also crosses a `/`)
    assert shell_matches(text, pattern) is fnmatch.fnmatchcase(text, pattern)
    assert shell_matches(text, pattern, tools=True) is fnmatch.fnmatchcase(text, pattern)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab_09", min_size=1, max_size=3), st.text(alphabet="ab_09x", min_size=1, max_size=1))
def test_config60_a_bracket_negated_by_either_mark_in_bash(members: str, text: str) -> None:
    from components.residency.scripts import shell_matches

    assert shell_matches(text, f"[!{members}]") is shell_matches(text, f"[^{members}]") is (text not in members)


def _include60(include: str, output: str = "/opt/fleet/outputs/central.conf", host: str = _P55) -> str:
    """Fluent Bit's package file (by its path) including ``output`` by ``include``, started by its service."""
    return (
        f"mkdir -p {output.rpartition('/')[0]}\ncat > {output} <<'EOF'\n{_FB_OUT58.format(host)}EOF\n"
        f"cat > /etc/fluent-bit/fluent-bit.conf <<'EOF'\n[SERVICE]\n    Flush 1\n{include}\nEOF\n"
        "systemctl enable --now fluent-bit"
    )


_FD60 = "<match **>\n  @type forward\n  <server>\n    host {}\n    port 24224\n  </server>\n</match>\n"


# config60 (stop 60): a log router's file read by its package path (no `-c` on the script's lines) has its includes
# followed as a file named at `-c` has; each include is matched by the shell's rules. On main 0183f733 each RES-015
# below passed every door (only the `-c` reading followed an include; fnmatch read `[^_]` / `[[:digit:]]` / `{a,b}`
# as no file's name).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_include60("@INCLUDE /opt/fleet/outputs/*.conf"), {"RES-015"}),
        (_include60("@INCLUDE /opt/fleet/outputs/[a-c]*.conf"), {"RES-015"}),
        (_include60("@INCLUDE /opt/fleet/outputs/[^_]*.conf"), {"RES-015"}),
        (_include60("@INCLUDE /opt/fleet/outputs/[[:lower:]]*.conf"), {"RES-015"}),
        (_include60("@INCLUDE ../../opt/fleet/outputs/central.conf"), {"RES-015"}),
        (
            f"mkdir -p /opt/fleet/forward\ncat > /opt/fleet/forward/a.conf <<'EOF'\n{_FD60.format(_P55)}EOF\n"
            "cat > /etc/fluent/fluentd.conf <<'EOF'\n@include /opt/fleet/{forward,extra}/*.conf\nEOF\n"
            "systemctl restart fluentd",
            {"RES-015"},
        ),
        (_rsyslog58(_P55, "$IncludeConfig /etc/fleet/rsyslog/[^_]*.conf"), {"RES-015"}),
        (_rsyslog58(_P55, 'include(file="/etc/fleet/rsyslog/[[:alpha:]]*.conf")'), {"RES-015"}),
        # the VPC's collector; a pattern excluding the file by `[!...]` (every tool's negation); an include of files the
        # script does not write (the package's conf.d: not read); a wildcard naming another directory
        (_include60("@INCLUDE /opt/fleet/outputs/*.conf", host="10.0.3.20"), set()),
        (_include60("@INCLUDE /opt/fleet/outputs/[!c]*.conf"), set()),
        (_include60("@INCLUDE /etc/fluent-bit/conf.d/*.conf"), set()),
        (_include60("@INCLUDE /opt/fleet/filters/*.conf"), set()),
        (_rsyslog58(_P55, "$IncludeConfig /etc/fleet/rsyslog/[!f]*.conf"), set()),
    ],
)
def test_config60_a_routers_includes_without_its_option(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# config60 (stop 60): a bracket expression alone (no `*` or `?`) in a path at a tool's option names each written file
# it matches. On main 0183f733 each RES-015 below passed every door.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_filebeat58(_P55, "filebeat -e -c '/etc/fleet/beats/centra[lx].yml'"), {"RES-015"}),
        (_filebeat58(_P55, "filebeat -e -c /etc/fleet/beats/[[:alpha:]]entral.yml"), {"RES-015"}),
        (_filebeat58(_P55, "cd /etc/fleet && filebeat -e -c 'beats/[c]entral.yml'"), {"RES-015"}),
        (
            f"mkdir -p /etc/fleet/pipeline\ncat > /etc/fleet/pipeline/sink-1.yaml <<'EOF'\nsinks:\n  o:\n"
            f"    type: socket\n    address: {_P55}:514\nEOF\nvector --config /etc/fleet/pipeline/sink-[0-9].yaml",
            {"RES-015"},
        ),
        (_filebeat58("10.0.3.20", "filebeat -e -c '/etc/fleet/beats/centra[lx].yml'"), set()),
        (_filebeat58(_P55, "filebeat -e -c '/etc/fleet/beats/centra[xy].yml'"), set()),  # matches no written file
    ],
)
def test_config60_a_bracket_expression_at_a_tools_option(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# config60 (stop 60): the Agent's image copied to a private registry or an ECR pull-through cache keeps the Agent's
# repository path (`.../datadog/agent`, `.../datadoghq/agent`), or is renamed `datadog-agent` under a namespace; and
# Datadog's own Azure registry, datadoghq.azurecr.io/agent. On main 0183f733 each RES-015 below passed every door.
@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/datadog/agent:7", [("RES-015", "datadoghq.com")]),
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/datadog/agent", [("RES-015", "datadoghq.com")]),
        ("registry.internal:5000/mirror/datadoghq/agent:7.60.0", [("RES-015", "datadoghq.com")]),
        ("harbor.corp.example/proxy/datadog/agent@sha256:0123456789abcdef", [("RES-015", "datadoghq.com")]),
        ("registry.corp.example/platform/datadog-agent:7", [("RES-015", "datadoghq.com")]),
        ("datadoghq.azurecr.io/agent:7", [("RES-015", "datadoghq.com")]),
        ("gcr.io/datadoghq/agent:7", [("RES-015", "datadoghq.com")]),  # as before
        # other images from the same mirror: Datadog's cluster agent, another vendor's agent, a bare `agent` copy,
        # `datadog-agent` with no namespace (a container's name as often as an image's)
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/datadog/cluster-agent:7", []),
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/docker-hub/grafana/agent:v0.40.0", []),
        ("registry.corp.example/agent:7", []),
        ("datadog-agent:7", []),
    ],
)
def test_config60_the_agents_image_from_a_mirror(image: str, expected: list[tuple[str, str]]) -> None:
    script = _DDC59.format(env="", image=image)
    assert sorted({(f[0], f[2]) for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")}) == expected
    # the VPC's proxy given: judged where it is set (passes)
    proxied = _DDC59.format(env="-e DD_DD_URL=https://10.0.3.20:3834 ", image=image)
    assert findings(f"#!/bin/bash\n{proxied}\n", "EU", "aws") == []


def test_config60_a_mounted_host_directory_is_no_image() -> None:
    script = _DDC59.format(env="-v /etc/datadog-agent:/etc/datadog-agent ", image="grafana/agent:v0.40.0")
    assert findings(f"#!/bin/bash\n{script}\n", "EU", "aws") == []


# config60 (stop 60): bash's parameter patterns read by the same rules (`${AZ%[[:alpha:]]}`: the zone's letter cut).
# On main 0183f733 each RES-009 below passed every door (fnmatch matched no class: the zone stayed whole).
@pytest.mark.parametrize(
    ("zone", "pattern", "expected"),
    [
        ("us-west-2a", "[[:alpha:]]", {"RES-009"}),
        ("us-west-2a", "[^0-9]", {"RES-009"}),
        ("us-west-2a", "[[:lower:]]", {"RES-009"}),
        ("eu-west-1a", "[[:alpha:]]", set()),
        ("eu-west-1a", "[^0-9]", set()),
    ],
)
def test_config60_a_parameter_pattern_by_bashs_rules(zone: str, pattern: str, expected: set[str]) -> None:
    script = f'AZ={zone}\nR=${{AZ%{pattern}}}\naws sts get-caller-identity --region "$R"\n'
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}", "EU", "aws")} == expected


_VEC61 = "sinks:\n  central:\n    type: socket\n    inputs: [app]\n    address: {}:514\n    mode: tcp\n"


def _vector61(host: str, run: str, file: str = "/etc/fleet/logs/pipeline/sink.yaml") -> str:
    """Vector's sink to ``host`` written to ``file``, then ``run``."""
    return f"mkdir -p {file.rpartition('/')[0]}\ncat > {file} <<'EOF'\n{_VEC61.format(host)}EOF\n{run}"


# config61 (stop 61): a directory option or variable naming the sink's directory by a wildcard, bracket or brace
# pattern (bash expands an unquoted one before Vector starts; a quoted one is read the same, failing closed). On main
# 3c67a1f3 each RES-015 below passed every door (only a directory named as written was read).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_vector61(_P55, "vector --config-dir /etc/fleet/*/pipeline"), {"RES-015"}),
        (_vector61(_P55, "vector --config-dir '/etc/fleet/*/pipeline'"), {"RES-015"}),
        (_vector61(_P55, "vector -C /etc/fleet/logs/pipe*/"), {"RES-015"}),
        (_vector61(_P55, "vector --config-dir=/etc/fleet/[lm]ogs/pipeline"), {"RES-015"}),
        (_vector61(_P55, "vector -C /etc/fleet/{logs,metrics}/pipeline"), {"RES-015"}),
        (_vector61(_P55, "export VECTOR_CONFIG_DIR='/etc/fleet/*/pipeline'\nvector"), {"RES-015"}),
        (
            _vector61(_P55, "vector -C /etc/fleet/*/pipeline", "/etc/fleet/logs/pipeline/sinks/central.yaml"),
            {"RES-015"},
        ),
        # the VPC's collector; a pattern matching another directory; a pattern at no directory option
        (_vector61("10.0.3.20", "vector --config-dir /etc/fleet/*/pipeline"), set()),
        (_vector61(_P55, "vector --config-dir /etc/fleet/*/metrics"), set()),
        (_vector61(_P55, "ls /etc/fleet/*/pipeline\nvector --config-dir /etc/vector"), set()),
    ],
)
def test_config61_a_directory_option_by_a_pattern(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


# config61 (stop 61): a brace list at a tool's option (bash(1) "Brace Expansion": `--config=/p/{a,b}.yaml` is
# `--config=/p/a.yaml --config=/p/b.yaml`) names each written file a word of it names. On main 3c67a1f3 each RES-015
# below passed every door (a `,` ended the option's word; no brace list was a pattern).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_vector61(_P55, "vector --config=/etc/fleet/logs/pipeline/{source,sink}.yaml"), {"RES-015"}),
        (_vector61(_P55, "vector -c /etc/fleet/logs/pipeline/{source,sink}.yaml"), {"RES-015"}),
        (_vector61(_P55, "vector --config '/etc/fleet/logs/pipeline/{source,sink}.yaml'"), {"RES-015"}),
        (_vector61(_P55, "vector -c /etc/fleet/logs/pipeline/{source,sink}.yaml,/etc/fleet/extra.yaml"), {"RES-015"}),
        (_vector61(_P55, "vector -c /etc/fleet/logs/pipeline/sink{,-b}.yaml"), {"RES-015"}),
        (_filebeat58(_P55, "filebeat -e -c /etc/fleet/beats/{central,edge}.yml"), {"RES-015"}),
        # the VPC's collector; a list naming other files; `${VAR,,}` (a case conversion, no list)
        (_vector61("10.0.3.20", "vector --config=/etc/fleet/logs/pipeline/{source,sink}.yaml"), set()),
        (_vector61(_P55, "vector --config=/etc/fleet/logs/pipeline/{source,transform}.yaml"), set()),
        (_vector61(_P55, 'D=/ETC/FLEET\nvector -c "${D,,}/logs/pipeline/source.yaml"'), set()),
    ],
)
def test_config61_a_brace_list_at_an_option(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


@settings(max_examples=20, deadline=None)
@given(
    st.lists(st.text(alphabet="abc01-_", min_size=1, max_size=5), min_size=2, max_size=4, unique=True),
    st.data(),
)
def test_config61_any_word_of_a_brace_list_names_its_file(words: list[str], data: st.DataObject) -> None:
    # the file a word of the list names is read; a list of other words names nothing
    named = data.draw(st.sampled_from(words))
    listed = ",".join(words)
    file = f"/etc/fleet/pipe/sink{named}.yaml"
    assert findings(
        f"#!/bin/bash\n{_vector61(_P55, f'vector -c /etc/fleet/pipe/sink{{{listed}}}.yaml', file)}\n", "EU", "aws"
    )
    others = ",".join(f"x{w}" for w in words)
    assert not findings(
        f"#!/bin/bash\n{_vector61(_P55, f'vector -c /etc/fleet/pipe/sink{{{others}}}.yaml', file)}\n", "EU", "aws"
    )


_FBY61 = "pipeline:\n  outputs:\n    - name: forward\n      match: '*'\n      host: ${AGGREGATOR}\n      port: 24224\n"


def _fluent_bit_yaml61(main: str, output: str = _FBY61, file: str = "/opt/fleet/outputs/forward.yaml") -> str:
    """Fluent Bit's YAML ``output`` file and its main file ``/etc/fluent-bit/fluent-bit.yaml`` (``main``), run."""
    return (
        f"mkdir -p {file.rpartition('/')[0]}\ncat > {file} <<'EOF'\n{output}EOF\n"
        f"cat > /etc/fluent-bit/fluent-bit.yaml <<'EOF'\n{main}EOF\nfluent-bit -c /etc/fluent-bit/fluent-bit.yaml &"
    )


# config61 (stop 61): Fluent Bit's YAML `env` section fills `${NAME}` as the classic `@SET` does, and its `includes`
# list makes the files it names part of the router's configuration (read by the router's reading, with the main
# file's `env`). On main 3c67a1f3 each finding below passed every door.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "cat > /etc/fluent-bit/fluent-bit.yaml <<'EOF'\nenv:\n  AGGREGATOR: db.partner-analytics.com\n"
            + _FBY61
            + "EOF\nsystemctl restart fluent-bit",
            {("RES-015", _P55)},
        ),
        (
            _fluent_bit_yaml61(f"env:\n  AGGREGATOR: {_P55}\nincludes:\n  - /opt/fleet/outputs/forward.yaml\n"),
            {("RES-015", _P55)},
        ),
        (
            _fluent_bit_yaml61(
                f"env:\n  AGGREGATOR: {_P55}\nincludes: [out/forward.yml]\n", file="/etc/fluent-bit/out/forward.yml"
            ),
            {("RES-015", _P55)},
        ),
        (
            _fluent_bit_yaml61(
                "env:\n  R: us-east-1\nincludes:\n  - /opt/fleet/outputs/cw.yaml\n",
                "pipeline:\n  outputs:\n    - name: cloudwatch_logs\n      match: '*'\n      region: ${R}\n"
                "      log_group_name: app\n",
                "/opt/fleet/outputs/cw.yaml",
            ),
            {("RES-009", "us-east-1")},
        ),
        (
            "cat > /etc/fluent-bit/fluent-bit.yaml <<'EOF'\nenv:\n  - name: AGGREGATOR\n"
            + f"    value: {_P55}\n"
            + _FBY61
            + "EOF\nsystemctl restart fluent-bit",
            {("RES-015", _P55)},
        ),
        # the VPC's collector; the variable set to two values in two files (which one Fluent Bit reads is the files'
        # order: unfilled, as `@SET`'s); an include naming no written file
        (_fluent_bit_yaml61("env:\n  AGGREGATOR: 10.0.3.20\nincludes:\n  - /opt/fleet/outputs/forward.yaml\n"), set()),
        (
            _fluent_bit_yaml61(
                f"env:\n  AGGREGATOR: {_P55}\nincludes:\n  - /opt/fleet/outputs/forward.yaml\n",
                "env:\n  AGGREGATOR: 10.0.3.20\n" + _FBY61,
            ),
            set(),
        ),
        (_fluent_bit_yaml61(f"env:\n  AGGREGATOR: {_P55}\nincludes:\n  - /etc/fluent-bit/extra.yaml\n"), set()),
    ],
)
def test_config61_fluent_bits_yaml_env_and_includes(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(f[0], f[2]) for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


_OTEL61 = "exporters:\n{}service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [{}]\n"


# config61 (stop 61): the OpenTelemetry Collector's Datadog exporter's `api.site` is a host, as datadog.yaml's `site`
# (a third party's: RES-015 until declared). On main 3c67a1f3 each RES-015 below passed every door.
@pytest.mark.parametrize(
    ("file", "exporter", "run", "expected"),
    [
        ("/etc/otelcol-contrib/config.yaml", "datadog", "systemctl restart otelcol-contrib", {"datadoghq.com"}),
        ("/etc/otelcol/config.yaml", "datadog/prod", "systemctl restart otelcol", {"datadoghq.com"}),
        (
            "/opt/aws/aws-otel-collector/etc/config.yaml",
            "datadog",
            "systemctl restart aws-otel-collector",
            {"datadoghq.com"},
        ),
        (
            "/etc/fleet/collector.yaml",
            "datadog",
            "otelcol-contrib --config /etc/fleet/collector.yaml &",
            {"datadoghq.com"},
        ),
        # a file no collector reads (a Kubernetes values file, say): `site` is no host key there
        ("/etc/fleet/values.yaml", "datadog", "true", set()),
    ],
)
def test_config61_the_collectors_datadog_site(file: str, exporter: str, run: str, expected: set[str]) -> None:
    body = _OTEL61.format(
        f"  {exporter}:\n    api:\n      site: datadoghq.com\n      key: ${{env:DD_API_KEY}}\n", exporter
    )
    script = f"mkdir -p {file.rpartition('/')[0]}\ncat > {file} <<'EOF'\n{body}EOF\n{run}"
    assert {f[2] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws") if f[0] == "RES-015"} == expected
    # the OTLP exporter to the VPC's collector passes
    own = _OTEL61.format("  otlp:\n    endpoint: 10.0.3.20:4317\n", "otlp")
    assert findings(f"#!/bin/bash\ncat > {file} <<'EOF'\n{own}EOF\n{run}\n", "EU", "aws") == []


# config61 (stop 61): Grafana Alloy's configuration (`.alloy`; Grafana Agent Flow's `.river`, the same syntax) is read
# as a `.conf` file's `key = value` lines, its attributes judged by name. On main 3c67a1f3 each finding below passed
# every door (no entry read the file; only `url = "https://..."` values, by the URL scan).
@pytest.mark.parametrize(
    ("file", "block", "expected"),
    [
        (
            "/etc/alloy/config.alloy",
            f'otelcol.exporter.otlp "c" {{\n  client {{\n    endpoint = "{_P55}:4317"\n  }}\n}}',
            {("RES-015", _P55)},
        ),
        (
            "/etc/grafana-agent-flow.river",
            f'otelcol.exporter.otlp "c" {{\n  client {{\n    endpoint = "{_P55}:4317"\n  }}\n}}',
            {("RES-015", _P55)},
        ),
        (
            "/etc/alloy/config.alloy",
            'otelcol.exporter.awsemf "cw" {\n  region = "us-west-2"\n}',
            {("RES-009", "us-west-2")},
        ),
        (
            "/etc/alloy/config.alloy",
            'otelcol.exporter.otlp "c" {\n  client {\n    endpoint = "10.0.3.20:4317"\n  }\n}',
            set(),
        ),
        ("/etc/alloy/config.alloy", 'otelcol.exporter.awsemf "cw" {\n  region = "eu-west-1"\n}', set()),
        (
            "/etc/alloy/config.alloy",
            'local.file_match "app" {\n  path_targets = [{"__path__" = "/var/log/app/*.log"}]\n}',
            set(),
        ),
    ],
)
def test_config61_grafana_alloys_attributes(file: str, block: str, expected: set[tuple[str, str]]) -> None:
    script = f"mkdir -p {file.rpartition('/')[0]}\ncat > {file} <<'EOF'\n{block}\nEOF\nsystemctl restart alloy\n"
    assert {(f[0], f[2]) for f in findings(f"#!/bin/bash\n{script}", "EU", "aws")} == expected


# lead (stop 59): a URL's port holding a variable is filled with its values, the whole authority then read
# (RFC 3986 3.2: `userinfo "@" host`): `P=88@partner.example.com` after a literal private host's `:` passed every door
# (found in the review of stop 59); a numeric port, and a value the evaluator cannot compute, stay as before.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('P=88@partner.example.com\ncurl -s "http://10.0.0.1:$P/healthz"\n', {"RES-015"}),
        ('P=88@partner.example.com\ncurl -s "http://10.0.0.1:${P}/healthz"\n', {"RES-015"}),
        ('H=10.0.0.2\nP=88@partner.example.com\ncurl -s "http://$H:$P/healthz"\n', {"RES-015"}),
        ('for P in 80 "81@partner.example.com"; do curl "http://10.0.0.1:${P}/x"; done\n', {"RES-015"}),
        ('P=8080\ncurl -s "http://10.0.0.1:$P/healthz"\n', set()),
        ('H=10.0.0.2\nP=8443\ncurl -s "https://$H:$P/healthz"\n', set()),
        ('for P in 80 81; do curl "http://10.0.0.1:${P}/x"; done\n', set()),
        ('D=partner.example.com\ncurl "https://api.${D}:8443/"\n', {"RES-015"}),
    ],
)
def test_lead59_a_port_holding_a_variable_is_filled(script: str, expected: set[str]) -> None:
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected


# quoting59 (stop 59): an assignment whose word is quoted in parts is one word, its quotes removed (bash(1) "Quote
# Removal"): it held its first part only (`us-`) and a Region abroad passed every door; written as one quoted word, the
# same length. A part holding a substitution, or an unbalanced brace (`${M["dr"]}`'s subscript), is left as written.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('R="us-"west-2', "R='us-west-2'"),
        ("R=us-'west'-2", "R='us-west-2'"),
        ("R='us-'west-2", "R='us-west-2'"),
        ('R=us-"west"-2', "R='us-west-2'"),
        ('R="$A"-2', 'R="$A-2"'),
        ('R="${P}"west-2', 'R="${P}west-2"'),
        ("export R=\"a\"'b'c; x", "export R='abc'  ; x"),
        ('R="$(cmd)"x', 'R="$(cmd)"x'),
        ('R="${M["dr"]}"', 'R="${M["dr"]}"'),
        ("R=\"$A\"'$B'", "R=\"$A\"'$B'"),
        ("R=plain", "R=plain"),
        ('R="whole"', 'R="whole"'),
        ('echo "R="us-west-2', 'echo "R="us-west-2'),
    ],
)
def test_quoting59_a_word_quoted_in_parts_is_one_word(line: str, expected: str) -> None:
    assert quoted_parts_joined(line + "\n").rstrip(" \n") == expected
    assert len(quoted_parts_joined(line + "\n")) == len(line) + 1


@given(st.text(alphabet="ab-$\"'=R {}()\n;", max_size=30))
@settings(max_examples=200, deadline=None)
def test_quoting59_joining_keeps_every_offset(script: str) -> None:
    joined = quoted_parts_joined(script)
    assert len(joined) == len(script)
    assert [i for i, c in enumerate(joined) if c == "\n"] == [i for i, c in enumerate(script) if c == "\n"]


# quoting59 (stop 59): the Region or host given by a word quoted in parts (after export / local / declare / readonly
# too), or by an element whose subscript is a variable (`RS[$i]=`, `printf -v "RS[$i]"`), reaches its destination;
# the home Region, the fleet's private address and a variable never used at a destination pass.
_Q59 = 'aws logs put-retention-policy --log-group-name /fleet/app --region "$R"\n'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('R="us-"west-2\n' + _Q59, {"RES-009"}),
        ("R=us-'west'-2\n" + _Q59, {"RES-009"}),
        ('A=us-west\nR="$A"-2\n' + _Q59, {"RES-009"}),
        ('P=us-\nR="${P}"west-2\n' + _Q59, {"RES-009"}),
        ('f() {\n  local R="us-"west-2\n  ' + _Q59 + "}\nf\n", {"RES-009"}),
        ("declare R=us-'west'-2\n" + _Q59, {"RES-009"}),
        ('readonly R=us-"west"-2\n' + _Q59, {"RES-009"}),
        ('export AWS_REGION="us-"west-2\naws s3 ls\n', {"RES-009"}),
        ('i=1\nRS[$i]=us-west-2\nR="${RS[1]}"\n' + _Q59, {"RES-009"}),
        ('i=1\nprintf -v "RS[$i]" "%s" us-west-2\nR="${RS[1]}"\n' + _Q59, {"RES-009"}),
        ('H="partner."example.com\ncurl -s "https://$H/v1/logs"\n', {"RES-015"}),
        ('R="eu-"west-1\n' + _Q59, set()),
        ("R=eu-'central'-1\n" + _Q59, set()),
        ('A=eu-west\nR="$A"-1\n' + _Q59, set()),
        ('export AWS_REGION="eu-"west-1\naws s3 ls\n', set()),
        ('i=1\nRS[$i]=eu-west-1\nR="${RS[1]}"\n' + _Q59, set()),
        ('i=1\nprintf -v "RS[$i]" "%s" eu-west-1\nR="${RS[1]}"\n' + _Q59, set()),
        ('H="10.0."3.7\ncurl -s "http://$H/v1/logs"\n', set()),
        ('X="us-"west-2\naws s3 ls --region eu-west-1\n', set()),
    ],
)
def test_quoting59_a_word_quoted_in_parts_reaches_its_destination(script: str, expected: set[str]) -> None:
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected


# quoting59 (stop 59): an element whose subscript is a variable may be any element (its index is not computed)
def test_quoting59_an_element_by_a_variable_subscript_is_any_element() -> None:
    elements = array_elements('RS=(eu-west-1 eu-central-1)\nRS[$i]=us-west-2\necho "${RS[1]}" "${RS[0]}"\n')
    assert elements["RS[1]"] == ("eu-central-1", "us-west-2")
    assert elements["RS[0]"] == ("eu-west-1", "us-west-2")
    assert "us-west-2" in elements["RS[@]"]


# scripts59b (stop 59): an SSM Command document's `runCommand` items (one line an item, one script): a function defined
# over several items and called by a later one was RES-011 with the home Region too (the call's item judged alone); a
# `sed -i` edit of datadog.yaml whose `${SITE}` an earlier item assigns passed every door with a site abroad
def _ssm59b(lines: list[str]) -> list[str]:
    step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": lines}}
    content = json.dumps({"schemaVersion": "2.2", "mainSteps": [step]})
    props = {"content": content, "documentType": "Command", "documentFormat": "JSON"}
    subject = Subject("aws:ssm/document:Document", "d", props, provider("EU", "aws"))
    return sorted({f.rule.id for f in ENGINES["EU"].check(subject)[0]})


_FUNCTION_ITEMS59B = [
    ["dr_region() {", "  if [ -f /etc/fleet/dr ]; then", "    echo {r}", "  else", "    echo eu-central-1", "  fi", "}",
     'R="$(dr_region)"', '{P} "$R"'],
    ["dr_region() {", "  echo {r}", "}", '{P} "$(dr_region)"'],
    ["dr_region() {", '  case "$1" in', "    primary) echo eu-central-1 ;;", "    *) echo {r} ;;", "  esac", "}",
     '{P} "$(dr_region dr)"'],
    ["dr_region() { echo {r}; }", 'R=$(dr_region)', '{P} "$R"'],
]  # fmt: skip


@pytest.mark.parametrize("items", _FUNCTION_ITEMS59B)
def test_scripts59b_a_function_over_script_list_items(items: list[str]) -> None:
    for region, expected in (("eu-west-1", []), ("us-east-1", ["RES-009"])):
        lines = [item.replace("{P}", _R59).replace("{r}", region) for item in items]
        assert _ssm59b(lines) == expected, (region, lines)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # a function the items never close, a call before the definition, a body the reader cannot compute: unknown
        (["dr_region() {", "  echo us-east-1", '{P} "$(dr_region)"'], ["RES-011"]),
        (['{P} "$(dr_region)"', "dr_region() {", "  echo eu-west-1", "}"], ["RES-011"]),
        (["dr_region() {", "  cat /etc/fleet/region", "}", '{P} "$(dr_region)"'], ["RES-011"]),
    ],
)
def test_scripts59b_split_functions_fail_closed(items: list[str], expected: list[str]) -> None:
    assert _ssm59b([item.replace("{P}", _R59) for item in items]) == expected


def test_scripts59b_split_function_outputs_written() -> None:
    items = ["f() {", "  echo eu-west-1", "}", 'aws s3 ls --region "$(f)"', "g"]
    written = split_function_outputs_written(items)
    assert written == ["f() {", "  echo eu-west-1", "}", 'aws s3 ls --region "$(echo eu-west-1)"', "g"]
    assert split_function_outputs_written(["a", "b"]) == ["a", "b"]  # no substitution: the items as they are


@pytest.mark.parametrize(
    ("site", "expected"),
    # a site the script cannot give (a file the image holds): refused as its EC2 twin (config59 dd-sed-site-*)
    [("datadoghq.com", ["RES-015"]), ("us5.datadoghq.com", ["RES-015"]), ("$(cat /etc/fleet/dd-site)", ["RES-015"])],
)
def test_scripts59b_an_edit_variable_from_an_earlier_item(site: str, expected: list[str]) -> None:
    lines = [f"SITE={site}", 'sed -i "s/^# site:.*/site: ${SITE}/" /etc/datadog-agent/datadog.yaml']
    assert _ssm59b(lines) == expected
    # the same edit whose variable no item assigns: a placeholder, no destination (as before)
    assert _ssm59b(["echo start", lines[1]]) == []


# scripts59b (stop 59): jq 1.6 manual, "$ENV, env": jq's environment read by `env.NAME` / `$ENV.NAME` was unread
# (RES-011 with the home Region too); a variable the script exports, or assigns before the command, gives its values
@pytest.mark.parametrize(
    "given",
    [
        "export R={r}\nREG=$(jq -rn 'env.R')\n",
        "export R={r}\nREG=$(jq -rn '$ENV.R')\n",
        "R={r}\nexport R\nREG=$(jq -n -r env.R)\n",
        "declare -x R={r}\nREG=$(/usr/bin/jq -r -n '{{r: env.R}} | .r')\n",
        "set -a\nR={r}\nREG=$(jq -rn 'env.R')\n",
        "REG=$(R={r} jq -rn '$ENV.R')\n",
    ],
)
def test_scripts59b_jq_environment(given: str) -> None:
    for region, expected in (("eu-west-1", set()), ("us-east-1", {"RES-009"})):
        script = f'#!/bin/bash\n{given.format(r=region)}{_R59} "$REG"\n'
        assert {f[0] for f in findings(script, "EU", "aws")} == expected, script


@pytest.mark.parametrize(
    "given",
    [
        "R=eu-west-1\nREG=$(jq -rn 'env.R')\n",  # not exported: jq's environment holds what the machine has
        "REG=$(jq -rn 'env.AWS_REGION')\n",  # the machine's environment
        # (two values, `export R=eu-west-1` then `[ -f /etc/dr ] && R=eu-central-1`: each judged since fnros60)
        "export R=$(cat /etc/fleet/region)\nREG=$(jq -rn 'env.R')\n",  # a file the script does not write
    ],
)
def test_scripts59b_jq_environment_unknown(given: str) -> None:
    script = f'#!/bin/bash\n{given}{_R59} "$REG"\n'
    assert {f[0] for f in findings(script, "EU", "aws")} == {"RES-011"}, script


@pytest.mark.parametrize(
    ("script", "written"),
    [
        ("jq -r '.env.R' f.json", "jq -r '.env.R' f.json"),  # a field named env, not jq's environment
        ("jq -rn 'env.R'", "jq -rn 'env.R'"),
        ("export R=a; jq -rn env.R", "export R=a; jq -rn --arg __env_R \"$R\" '$__env_R'"),
        ("R=a jq -rn '$ENV.R'", "jq -rn --arg __env_R a '$__env_R'"),
        ("R=a jq -rn '[$ENV.R, env.HOME]'", "R=a jq -rn --arg __env_R a '[$__env_R, env.HOME]'"),
    ],
)
def test_scripts59b_jq_environment_written(script: str, written: str) -> None:
    assert jq_environment_written(script) == written


# fnros60 (stop 60): jq's environment of a variable the script exports in two branches (each value judged: the `--arg`
# it is written as is run with each), `env | .NAME` as a whole stage (jq 1.6 manual, "$ENV, env"), and jq reading
# several files the script writes (jq(1) "jq [options...] filter [files...]"), `input` at two call sites.
@pytest.mark.parametrize("program", ["env.R", "$ENV.R", "env | .R", "env|.R", "$ENV | .R", '(env | .R) // "x"'])
def test_fnros60_jq_environment_of_two_exported_values(program: str) -> None:
    for second, expected in (("eu-central-1", set()), ("us-east-1", {"RES-009"})):
        given = f"if [ -f /etc/dr ]; then\n  export R={second}\nelse\n  export R=eu-west-1\nfi\n"
        script = f"#!/bin/bash\n{given}REG=$(jq -rn '{program}')\n{_R59} \"$REG\"\n"
        assert {f[0] for f in findings(script, "EU", "aws")} == expected, script


@pytest.mark.parametrize(
    ("script", "written"),
    [
        ("export R=a; jq -rn 'env | .R'", "export R=a; jq -rn --arg __env_R \"$R\" '$__env_R'"),
        ("export R=a; jq -rn '.x | env | .R | ascii_upcase'",
         "export R=a; jq -rn --arg __env_R \"$R\" '.x | $__env_R | ascii_upcase'"),
        ("export R=a; jq -rn '1, env | .R'", "export R=a; jq -rn '1, env | .R'"),  # the pipe reaches `1, env`
        # and `.R, .S` (fnros61: read where both are exported; S is not, the stage left as written)
        ("export R=a; jq -rn 'env | .R, .S'", "export R=a; jq -rn --arg __env_R \"$R\" 'env | .R, .S'"),
        ("export R=a; jq -rn 'environment | .R'", "export R=a; jq -rn 'environment | .R'"),
    ],
)  # fmt: skip
def test_fnros60_jq_environment_piped_written(script: str, written: str) -> None:
    assert jq_environment_written(script) == written


def test_fnros60_jq_arguments_of_many_values_fail_closed() -> None:
    # 5 Regions by 4 roles: past the combinations run (16), the arguments left as written: unknown, RES-011 (each
    # value at home: never one value of several judged alone)
    others = ("eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1")
    regions = "".join(f"[ -f /etc/dr/{r} ] && R={r}\n" for r in others)
    roles = "".join(f"[ -f /etc/dr/{r} ] && S={r}\n" for r in ("b", "c", "d"))
    program = 'if $s == "a" then $r else $r end'
    given = f'R=eu-west-1\n{regions}S=a\n{roles}REG=$(jq -rn --arg r "$R" --arg s "$S" \'{program}\')\n'
    assert {f[0] for f in findings(f'#!/bin/bash\n{given}{_R59} "$REG"\n', "EU", "aws")} == {"RES-011"}
    given = given.replace('--arg s "$S"', "--arg s a")  # 5 values: each judged
    assert {f[0] for f in findings(f'#!/bin/bash\n{given}{_R59} "$REG"\n', "EU", "aws")} == set()


_FILES60 = ("cat > /etc/dr/base.json <<'EOF'\n{{\"region\": \"eu-west-1\"}}\nEOF\n"
            "cat > /etc/dr/site.json <<'EOF'\n{{\"region\": \"{dr}\"}}\nEOF\n")  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [
        "jq -rn 'input | input.region' /etc/dr/base.json /etc/dr/site.json",
        "jq -rn 'input as $base | input | .region // $base.region' /etc/dr/base.json /etc/dr/site.json",
        "jq -r '.region' /etc/dr/site.json",
    ],
)
def test_fnros60_jq_over_several_files(command: str) -> None:
    for dr, expected in (("eu-central-1", set()), ("us-east-1", {"RES-009"})):
        script = f'#!/bin/bash\n{_FILES60.format(dr=dr)}REG=$({command})\n{_R59} "$REG"\n'
        assert {f[0] for f in findings(script, "EU", "aws")} == expected, script


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ('echo \'{"r": "eu-west-1"} {"r": "%s"}\'', {"RES-009"}),  # both texts (jq 1.6: two lines)
        ('printf \'%%s\\n\' \'{"r": "eu-west-1"}\' \'{"r": "%s"}\'', {"RES-009"}),
        ('echo \'{"r": "%s"} x\'', {"RES-009"}),  # jq prints the first, then stops at its parse error
    ],
)
def test_fnros60_jq_reads_each_json_text_of_its_input(given: str, expected: set[str]) -> None:
    for region, rules in (("eu-central-1", set()), ("us-east-1", expected)):
        script = f"#!/bin/bash\nREG=$({given % region} | jq -r '.r')\n{_R59} \"$REG\"\n"
        assert {f[0] for f in findings(script, "EU", "aws")} == rules, script


def test_fnros60_jq_over_a_file_not_written_fails_closed() -> None:
    command = "jq -rn 'input | input.region' /etc/dr/base.json /etc/dr/other.json"
    script = f'#!/bin/bash\n{_FILES60.format(dr="eu-central-1")}REG=$({command})\n{_R59} "$REG"\n'
    assert {f[0] for f in findings(script, "EU", "aws")} == {"RES-011"}


# fnros61 (stop 61): jq's `input` without -n over files the script writes (jq(1): the first JSON text is `.`, `input`
# reads the next), jq's environment by index and by several fields, jq's `--arg` bound pinned both ways, and printf's
# `%x` / `%o` / `%u` / `%c`, a precision over a variable and a width a variable gives (bash(1) "printf", C printf(3)).
@pytest.mark.parametrize(
    "command",
    [
        "jq -r '. as $base | input | .region // $base.region' /etc/dr/base.json /etc/dr/site.json",
        "jq -r '[., input] | .[1].region' /etc/dr/base.json /etc/dr/site.json",
        "jq -r '.tier | input | .region' /etc/dr/base.json /etc/dr/site.json",
        "jq -r '[inputs] | .[0].region' /etc/dr/base.json /etc/dr/site.json",
        "jq -rn '[input, input] | .[1].region' /etc/dr/base.json /etc/dr/site.json",
        "jq -rn '. | input | input.region' /etc/dr/base.json /etc/dr/site.json",
        "cat /etc/dr/site.json | jq -r 'input? // .region'",
    ],
)
def test_fnros61_jq_input_past_the_first_stage(command: str) -> None:
    for dr, expected in (("eu-central-1", set()), ("us-east-1", {"RES-009"})):
        script = f'#!/bin/bash\n{_FILES60.format(dr=dr)}REG=$({command})\n{_R59} "$REG"\n'
        assert {f[0] for f in findings(script, "EU", "aws")} == expected, script


def test_fnros61_jq_input_with_none_left_fails_closed() -> None:
    # three texts, the filter taking two a run: the second run's `input` is jq's error (exit 5): unknown, RES-011
    files = _FILES60.format(dr="eu-central-1") + 'cat > /etc/dr/more.json <<\'EOF\'\n{"region": "eu-west-1"}\nEOF\n'
    command = "jq -r '[., input] | .[1].region' /etc/dr/base.json /etc/dr/site.json /etc/dr/more.json"
    script = f'#!/bin/bash\n{files}REG=$({command})\n{_R59} "$REG"\n'
    assert {f[0] for f in findings(script, "EU", "aws")} == {"RES-011"}


@pytest.mark.parametrize(
    "program",
    ['$ENV["R"]', 'env["R"]', '$ENV[ "R" ]', 'env."R"', '$ENV | .["R"]', 'env | ."R"', "env | .S, .R",
     '[env | .S, .R] | .[1]', '[env | .R] | first', "(env | .S, .R)"],
)  # fmt: skip
def test_fnros61_jq_environment_by_index_and_fields(program: str) -> None:
    for second, expected in (("eu-central-1", set()), ("us-east-1", {"RES-009"})):
        given = f"export S=eu-west-1\nif [ -f /etc/dr ]; then\n  export R={second}\nelse\n  export R=eu-west-1\nfi\n"
        script = f"#!/bin/bash\n{given}REG=$(jq -rn '{program}')\n{_R59} \"$REG\"\n"
        assert {f[0] for f in findings(script, "EU", "aws")} == expected, script


@pytest.mark.parametrize(
    ("script", "written"),
    [
        ("export R=a; jq -rn '$ENV[\"R\"]'", "export R=a; jq -rn --arg __env_R \"$R\" '$__env_R'"),
        # scripts64: every name of `export R=a S=b` is exported (the one reader, scripts.exported_names; before it the
        # first name only, S left as written)
        ("export R=a S=b; jq -rn 'env | .R, .S | ascii_upcase'",
         "export R=a S=b; jq -rn --arg __env_R \"$R\" --arg __env_S \"$S\" '$__env_R, $__env_S | ascii_upcase'"),
        ("export R=a; export S=b; jq -rn 'env | .R, .S'",
         "export R=a; export S=b; jq -rn --arg __env_R \"$R\" --arg __env_S \"$S\" '$__env_R, $__env_S'"),
        ("export R=a; jq -rn 'env | .R, .X'", "export R=a; jq -rn --arg __env_R \"$R\" 'env | .R, .X'"),  # X not
        ("export R=a; jq -rn 'env.[\"R\"]'", "export R=a; jq -rn 'env.[\"R\"]'"),  # jq 1.6's syntax error
        ("export R=a; jq -rn '1, env | .R'", "export R=a; jq -rn '1, env | .R'"),  # (1, env) | .R: jq's error
        ("export R=a; jq -rn 'env | .R?, .S'", "export R=a; jq -rn 'env | .R?, .S'"),
    ],
)  # fmt: skip
def test_fnros61_jq_environment_written(script: str, written: str) -> None:
    assert jq_environment_written(script) == written


def test_fnros61_jq_arguments_bound_both_ways() -> None:
    # 16 combinations of --arg values (4 Regions by 4 roles): each run and judged; 17 (one Region, 17 roles): the
    # roles left as written, the program unread: RES-011 whatever the Region (a value past the bound never dropped)
    program = 'if $s == "a" then $r else $r end'

    def script(regions: list[str], roles: int) -> str:
        given = f"R={regions[0]}\n" + "".join(f"[ -f /etc/dr/{r} ] && R={r}\n" for r in regions[1:])
        given += "S=a\n" + "".join(f"[ -f /etc/dr/s{i} ] && S=s{i}\n" for i in range(1, roles))
        return f'#!/bin/bash\n{given}REG=$(jq -rn --arg r "$R" --arg s "$S" \'{program}\')\n{_R59} "$REG"\n'

    home = ["eu-west-1", "eu-west-3", "eu-north-1", "eu-south-1"]
    assert {f[0] for f in findings(script(home, 4), "EU", "aws")} == set()
    assert {f[0] for f in findings(script([*home[:3], "us-east-1"], 4), "EU", "aws")} == {"RES-009"}
    assert {f[0] for f in findings(script(home[:1], 17), "EU", "aws")} == {"RES-011"}
    assert {f[0] for f in findings(script(["us-east-1"], 17), "EU", "aws")} == {"RES-011"}
    assert {f[0] for f in findings(script(home[:1], 16), "EU", "aws")} == set()


@pytest.mark.parametrize(
    ("form", "operands", "printed"),
    [  # each bash 5.2's output (printf builtin, checked on this machine)
        ("us-east-%x", ["1"], "us-east-1"),
        ("%x|%X|%o|%u", ["255", "255", "8", "-1"], "ff|FF|10|18446744073709551615"),
        ("%#x|%#o|%#X|%#x|%#o", ["255", "8", "255", "0", "0"], "0xff|010|0XFF|0|0"),
        ("%05.3d|%-5d|%+5u|% d|%+d|%08.3x|%-#8x|%.0d|", ["3", "3", "3", "3", "3", "255", "255", "0"],
         "  003|3    |    3| 3|+3|     0ff|0xff    ||"),
        ("%i %i %i %x", ["0x1F", "010", "-0x10", "'a"], "31 8 -16 61"),
        ("%c|%5c|%-3c|%.3c", ["xy", "a", "b", "c"], "x|    a|b  |c"),
        ("%.*s|%-*s|%*s|%.*s", ["3", "abcdef", "4", "ab", "-4", "cd", "-1", "ef"], "abc|ab  |cd  |ef"),
        ("%.s|%5.1s|%#s", ["abc", "abc", "abc"], "|    a|abc"),
    ],
)  # fmt: skip
def test_fnros61_printf_conversions(form: str, operands: list[str], printed: str) -> None:
    assert _printf_strings(form, operands) == printed


@pytest.mark.parametrize(
    ("form", "operands"),
    [
        ("%x", ["1.5"]),  # bash: "invalid number", prints 1
        ("%x", ["18446744073709551616"]),  # past 64 bits: bash's warning, the value clamped
        ("%d", ["9223372036854775808"]),
        ("%c", [""]),  # a NUL
        ("%c", ["é"]),  # its first byte
        ("%05c", ["a"]),
        ("%.3s", ["éa"]),  # bash counts bytes
        ("%.*s", ["$P", "abc"]),  # a precision a variable gives
        ("%5x", ["$N"]),
    ],
)
def test_fnros61_printf_conversions_not_computed(form: str, operands: list[str]) -> None:
    assert _printf_strings(form, operands) is None


_LIBC = ctypes.util.find_library("c")


@pytest.mark.skipif(_LIBC is None, reason="no C library to compare with")
@settings(max_examples=300, deadline=None)
@given(
    st.text("-0 +#", max_size=3),
    st.one_of(st.none(), st.integers(0, 12)),
    st.one_of(st.none(), st.integers(0, 12)),
    st.sampled_from("diuoxX"),
    st.integers(-(2**63), 2**63 - 1),
)
def test_fnros61_printf_integers_as_c_prints_them(
    flags: str, width: int | None, precision: int | None, kind: str, value: int
) -> None:
    # C's snprintf of an intmax_t (`%jd`, bash's reading of a signed argument; `%ju` ... of its unsigned value)
    libc = ctypes.CDLL(_LIBC)
    spec = f"%{flags}{'' if width is None else width}{'' if precision is None else f'.{precision}'}"
    buffer = ctypes.create_string_buffer(128)
    argument = ctypes.c_longlong(value) if kind in "di" else ctypes.c_ulonglong(value % 2**64)
    libc.snprintf(buffer, 128, f"{spec}ll{kind}".encode(), argument)
    assert _printf_strings(f"{spec}{kind}", [str(value)]) == buffer.value.decode()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # a precision over a variable: the same variable's substring (bash(1) ${parameter:offset:length}); the
        # zone abroad cut to its Region passed every door (the precision was counted on the text `${AZ}`)
        ("printf -v REG '%.9s' \"$AZ\"", {"RES-009"}),
        ("REG=$(printf '%.*s' 9 \"$AZ\")", {"RES-009"}),
        ('REG="$(printf \'%10.9s\' "$AZ")"', {"RES-009"}),
        ("printf -v REG '%.2s' \"$AZ\"", set()),  # `us`: no Region
        ('W=12\nR=us-east-1\nprintf -v REG \'%-*s\' "$W" "$R"', {"RES-009"}),  # a width a variable gives: blanks
        ("printf -v REG '%s' \"$(printf 'us-east-%x' 1)\"", {"RES-009"}),
        ('P=9\nprintf -v REG \'%.*s\' "$P" "$AZ"', {"RES-011"}),  # a precision a variable gives: unknown
        ("N=1\nprintf -v REG 'us-east-%x' \"$N\"", {"RES-011"}),  # %x of a variable: unknown
    ],
)
def test_fnros61_printf_of_a_variable(given: str, expected: set[str]) -> None:
    script = f'#!/bin/bash\nAZ=us-east-1b\n{given}\n{_R59} "$REG"\n'
    assert {f[0] for f in findings(script, "EU", "aws")} == expected, script
    home = script.replace("us-east-", "eu-west-")
    assert {f[0] for f in findings(home, "EU", "aws")} == (expected & {"RES-011"}), home


# falsealarm59b (stop 59): a value built from two loops' words (`A="$h:$p"` over 40 private hosts and two ports: 41
# values, the port judged apart) held 40 and an unknown (RES-015, a false alarm): a variable keeps every value its
# assignments give in the first pass; a partner's host among them is refused by name.
@pytest.mark.parametrize("hosts", [30, 40, 70])
def test_falsealarm59b_a_built_value_keeps_its_first_pass(hosts: int) -> None:
    words = " ".join(f"10.0.{i}.5" for i in range(hosts))
    loop = 'for p in 8080 9100; do\n    A="$h:$p"\n    curl -fsS "http://$A/"\n  done'
    script = f"#!/bin/bash\nfor h in {words}; do\n  {loop}\ndone\n"
    assert findings(script, "EU", "aws") == []
    partner = findings(script.replace("10.0.0.5 ", "db.partner.example.com "), "EU", "aws")
    assert {(rule, value) for rule, _, value in partner} == {("RES-015", "db.partner.example.com")}


# falsealarm59b (stop 59): `${A:=word}` inside a function body gives its word whatever A holds elsewhere (a function
# runs when called: A may be unset or emptied then). `R=<home>` before the definition hid the word, so `R=` or `unset
# R` before the call passed every door; A set before every call is refused too (decided: not proven unused). The
# default at home, `${R:?message}` and a default at the top level after R's value pass.
_FN59B = 'f() {\n  : "${R:=WORD}"\n  aws sqs list-queues --region "$R"\n}\n'


@pytest.mark.parametrize(
    ("script", "refused"),
    [
        ("R=eu-central-1\n" + _FN59B.replace("WORD", "us-west-2") + "R=\nf", True),
        ("R=eu-central-1\n" + _FN59B.replace("WORD", "us-west-2") + "unset R\nf", True),
        ("R=eu-central-1\n" + _FN59B.replace("WORD", "us-west-2") + "f", True),
        (_FN59B.replace("WORD", "us-west-2") + "R=eu-central-1\nf", True),
        (_FN59B.replace("WORD", "eu-west-1") + "R=eu-central-1\nf", False),
        (_FN59B.replace(":=WORD", ":?set R first") + "R=eu-central-1\nf", False),
        ('R=eu-central-1\n: "${R:=us-west-2}"\naws sqs list-queues --region "$R"', False),
        # a top-level default keeps the text's order for a loop's use too; one in a loop's body does not
        ('R=eu-central-1\n: "${R:=us-west-2}"\nfor q in a b; do aws sqs list-queues --region "$R"; done', False),
        ('R=eu-central-1\nfor q in a b; do : "${R:=us-west-2}"; aws sqs list-queues --region "$R"; R=; done', True),
    ],
)
def test_falsealarm59b_a_functions_default_word_is_a_value(script: str, refused: bool) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert (found != []) is refused, found
    assert all(rule == "RES-009" for rule, _, _ in found)


# falsealarm60 (stop 60): `NAME=$(printf FORMAT ARGS)` is the assignment `printf -v NAME FORMAT ARGS` makes (bash(1)
# "Command Substitution": the command's output, trailing newlines deleted): with a variable among the arguments it was
# unread, and the VPC's URL was RES-015 (a false alarm). The URL printf prints is judged where it is assigned: a
# partner's by `printf -v` passed every door (the reference scan read only the format).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('h=10.0.1.7\nurl=$(printf \'http://%s:%d/healthz\' "$h" 8080)\ncurl -fsS "$url"', set()),
        ('for h in 10.0.1.7 10.0.1.8; do\n  url="$(printf \'http://%s/x\' "$h")"\n  curl "$url"\ndone', set()),
        ('h=10.0.1.7\nlocal url=$(printf \'http://%s:%d/x\' "$h" 80)\ncurl "$url"', set()),
        (
            'h=db.partner.example.com\nurl=$(printf \'http://%s:%d/healthz\' "$h" 8080)\ncurl -fsS "$url"',
            {("RES-015", "db.partner.example.com")},
        ),
        (
            "printf -v url 'http://%s:%d/healthz' db.partner.example.com 8080\ncurl -fsS \"$url\"",
            {("RES-015", "db.partner.example.com")},
        ),
        ("printf -v url 'http://%s:%d/healthz' 10.0.1.7 8080\ncurl -fsS \"$url\"", set()),
        (
            "R=eu-west-1\nQ=$(printf 'https://sqs.%s.amazonaws.com/123456789012/q' \"$R\")\n"
            'aws sqs send-message --queue-url "$Q" --message-body x --region eu-west-1',
            set(),
        ),
        (
            "R=us-west-2\nQ=$(printf 'https://sqs.%s.amazonaws.com/123456789012/q' \"$R\")\n"
            'aws sqs send-message --queue-url "$Q" --message-body x --region eu-west-1',
            {("RES-006", "sqs.us-west-2.amazonaws.com")},
        ),
    ],
)
def test_falsealarm60_a_printf_substitution_is_its_assignment(script: str, expected: set[tuple[str, str]]) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == expected, found


def test_falsealarm60_printf_as_assignments_keeps_the_offsets() -> None:
    script = "h=10.0.1.7\nurl=$(printf 'http://%s:%d/x' \"$h\" 8080)\nx=$(printf '%s\\n%s' a b)\n"
    written = printf_as_assignments(script)
    assert len(written) == len(script)
    assert written.split("\n")[1].rstrip() == 'url="http://${h}:8080/x"'
    assert written.split("\n")[2] == "x=$(printf '%s\\n%s' a b)"  # two lines: left as written


# falsealarm60 (stop 60): jq's `--arg NAME "$VAR"` with the program single-quoted (jq manual, "Invoking jq": "--arg
# name value ... $name is available in the program"): the shell's value was written into the program where the jq
# variable is named as the shell's (`.regions[a]`), and in an assignment the argument stayed `$k`: RES-011 with the
# home Region (a false alarm), RES-011 too abroad. Now jq runs once for each value the variable holds.
_PLAN60 = 'cat > /etc/p.json <<\'EOF\'\n{"regions": {"a": "eu-west-1", "b": "REGION"}}\nEOF\n'
_JQ60 = "'.regions[$k]' /etc/p.json"


@pytest.mark.parametrize(
    "use",
    [
        f'for k in a b; do aws sqs list-queues --region "$(jq -r --arg k "$k" {_JQ60})"; done',
        f'k=b\naws sqs list-queues --region "$(jq -r --arg k "$k" {_JQ60})"',
        f'k=b\nR=$(jq -r --arg k "$k" {_JQ60})\naws sqs list-queues --region "$R"',
        f'for k in a b; do\n  R=$(jq -r --arg k "$k" {_JQ60})\n  aws sqs list-queues --region "$R"\ndone',
        "for k in a b; do R=$(jq -r --arg k \"$k\" '.regions[$k]' < /etc/p.json)\n"
        '  aws sqs list-queues --region "$R"; done',
        'k=b\naws sqs list-queues --region "$(cat /etc/p.json | jq -r --arg k "$k" \'.regions[$k]\')"',
    ],
)
def test_falsealarm60_a_jq_argument_takes_each_value(use: str) -> None:
    assert findings(f"#!/bin/bash\n{_PLAN60.replace('REGION', 'eu-central-1')}{use}\n", "EU", "aws") == []
    abroad = findings(f"#!/bin/bash\n{_PLAN60.replace('REGION', 'us-west-2')}{use}\n", "EU", "aws")
    assert {(rule, value) for rule, _, value in abroad} == {("RES-009", "us-west-2")}, abroad


def test_falsealarm60_a_jq_argument_of_an_unset_variable_stays_unknown() -> None:
    use = f'aws sqs list-queues --region "$(jq -r --arg k "$K" {_JQ60})"'
    found = findings(f"#!/bin/bash\n{_PLAN60.replace('REGION', 'eu-central-1')}{use}\n", "EU", "aws")
    assert [rule for rule, _, _ in found] == ["RES-011"], found


def test_falsealarm60_substitution_filled_leaves_single_quoted_text() -> None:
    text = "$(jq -r --arg k \"$k\" '.regions[$k]' f)"
    assert substitution_filled(text, {"k": ("a", "b")}) == (
        "$(jq -r --arg k \"a\" '.regions[$k]' f)",
        "$(jq -r --arg k \"b\" '.regions[$k]' f)",
    )
    # a here-document's line (no substitution) is filled as before: a quote there is text
    assert substitution_filled("echo '$k'", {"k": ("a",)}) == ("echo 'a'",)


# falsealarm60 (stop 60): a `printf -v NAME` whose output the reader does not compute (`%x`, a width of a variable, a
# format from a variable) left NAME unset (a placeholder) and a partner's URL so printed passed every door: NAME now
# holds the unknown `$(printf ...)` (RES-015 / RES-011 at a destination). `%d` of a variable gives its values.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("printf -v url 'http://%s:%x/x' db.partner.example.com 80\ncurl \"$url\"", "RES-015"),
        ('h=db.partner.example.com\nprintf -v url \'http://%s:%05d/x\' "$h" 80\ncurl "$url"', "RES-015"),
        # fnros61: %x computed (bash prints `1us-west-2`, no Region: passes); %x of a variable stays unknown
        ("printf -v R '%x%s' 1 us-west-2\naws sqs list-queues --region \"$R\"", None),
        ('N=1\nprintf -v R \'%x%s\' "$N" us-west-2\naws sqs list-queues --region "$R"', "RES-011"),
        ('h=10.0.1.7\np=8080\nprintf -v url \'http://%s:%d/x\' "$h" "$p"\ncurl "$url"', None),
        ('h=10.0.1.7\nfor p in 80 8080; do\n  url=$(printf \'http://%s:%i/x\' "$h" "$p")\n  curl "$url"\ndone', None),
        ('h=10.0.1.7\np=80@db.partner.example.com\nprintf -v url \'http://%s:%d/x\' "$h" "$p"\ncurl "$url"', "RES-015"),
    ],
)
def test_falsealarm60_an_unread_printf_assigns_an_unknown_value(script: str, expected: str | None) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert {rule for rule, _, _ in found} == ({expected} if expected else set()), found


# falsealarm60 (stop 60): a printf substitution in a command's argument prints its URL for the reference scan: a
# partner's host there passed every door (the command's reader leaves a URL to the scan, which read only the format),
# and the format read as a URL was a placeholder host (`sqs.%s.amazonaws.com`: RES-015 with the home Region).
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("curl \"$(printf 'http://%s/x' db.partner.example.com)\"", {("RES-015", "db.partner.example.com")}),
        (
            'for h in 10.0.1.7 db.partner.example.com; do curl "$(printf \'http://%s/x\' "$h")"; done',
            {("RES-015", "db.partner.example.com")},
        ),
        ('for h in 10.0.1.7 10.0.1.8; do curl "$(printf \'http://%s:%d/x\' "$h" 8080)"; done', set()),
        ("wget -q \"$(printf 'https://sqs.%s.amazonaws.com/1/q' eu-west-1)\"", set()),
        (
            "wget -q \"$(printf 'https://sqs.%s.amazonaws.com/1/q' us-west-2)\"",
            {("RES-006", "sqs.us-west-2.amazonaws.com")},
        ),
    ],
)
def test_falsealarm60_a_printf_substitution_in_an_argument_prints_its_url(
    script: str, expected: set[tuple[str, str]]
) -> None:
    found = findings(f"#!/bin/bash\n{script}\n", "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == expected, found


# mutation60 (stop 60): stop 59's readers spelled another way, round 32; each `us-west-2` one passed every door on main
# 0183f733 (a word quoted in parts beyond an assignment, a slice's bound holding a variable, an array item holding a
# variable or a substitution, `while read ... || [ -n "$R" ]`, `read -rd`), the `eu-west-1` one passes.
_R60 = "aws ec2 copy-snapshot --source-region eu-central-1 --source-snapshot-id snap-0a1b2c3d4e5f60718 --region"


@pytest.mark.parametrize(
    "script",
    [
        # bash(1) "Quote Removal": one word wherever it stands
        'RS[1]={a}"{b}"{c}\n{R} "${{RS[1]}}"',
        'i=1\nRS[$i]={a}"{b}"{c}\n{R} "${{RS[1]}}"',
        'RS=(eu-central-1 {a}"{b}"{c})\n{R} "${{RS[1]}}"',
        'RS=(eu-central-1 "{a}"{b}{c})\nfor R in "${{RS[@]}}"; do {R} "$R"; done',
        "for R in eu-central-1 {a}'{b}'{c}; do {R} \"$R\"; done",
        'read -r R <<< {a}"{b}"{c}\n{R} "$R"',
        # bash(1) "Substring Expansion": a bound holding a variable (every item: not computed)
        'N=1\nRS=(eu-central-1 {r})\nDR="${{RS[@]:$N}}"\n{R} "$DR"',
        'N=1\nRS=(eu-central-1 {r})\n{R} "${{RS[@]:$N:1}}"',
        'N=1\nRS=(eu-central-1 {r})\n{R} "${{RS[@]:${{N}}:1}}"',
        'N=1\nRS=(eu-central-1 {r})\nfor R in "${{RS[@]:$N}}"; do {R} "$R"; done',
        # bash(1) "Arrays": an item's value expanded
        'DR={r}\nRS[1]="$DR"\n{R} "${{RS[1]}}"',
        'RS[1]=$(echo {r})\n{R} "${{RS[1]}}"',
        'RS[1]="$(echo eu-central-1 | sed \'s/eu-central-1/{r}/\')"\n{R} "${{RS[1]}}"',
        'RS=($(echo {r}) eu-central-1)\n{R} "${{RS[0]}}"',
        'RS=("$(echo {r})" eu-central-1)\nfor R in "${{RS[@]}}"; do {R} "$R"; done',
        'DR={r}\nRS=("$DR" eu-central-1)\nfor R in "${{RS[@]}}"; do {R} "$R"; done',
        'DR={r}\nRS[0]=eu-central-1\nRS[1]="$DR"\nfor R in "${{RS[@]}}"; do {R} "$R"; done',
        "printf -v 'RS[1]' '%s' \"$(echo {r})\"\n{R} \"${{RS[1]}}\"",
        'i=0\nfor x in eu-central-1 {r}; do\n  printf -v "RS[$i]" "%s" "$x"\n  i=$((i+1))\ndone\n{R} "${{RS[1]}}"',
        # bash(1) "read": a last line without its newline; grouped options
        'printf "%s\\n%s" eu-central-1 {r} > /tmp/rs\nwhile read -r R || [ -n "$R" ]; do {R} "$R"; done < /tmp/rs',
        'while read -r R || [[ -n $R ]]; do\n  {R} "$R"\ndone <<EOF\neu-central-1\n{r}\nEOF',
        'LIST="eu-central-1;{r};"\nwhile read -rd \';\' R; do {R} "$R"; done <<< "$LIST"',
        'LIST="eu-central-1,{r},"\nwhile read -rd, R; do {R} "$R"; done <<< "$LIST"',
    ],
)
def test_mutation60_stop_59_readers_spelled_another_way(script: str) -> None:
    for region, expected in (("eu-west-1", []), ("us-west-2", ["RES-009"])):
        head, rest = region.split("-", 1)
        middle, number = rest.rsplit("-", 1)
        text = script.format(r=region, a=f"{head}-", b=middle, c=f"-{number}", R=_R60)
        assert sorted({f[0] for f in findings(f"#!/bin/bash\n{text}\n", "EU", "aws")}) == expected, region


# An item the reader cannot compute fails closed (RES-011 at home too), as the same substitution assigned to a variable.
@pytest.mark.parametrize(
    "script",
    [
        'RS[1]=$(curl -s http://10.0.0.1/dr)\n{R} "${{RS[1]}}"',
        'RS=($(curl -s http://10.0.0.1/dr) eu-central-1)\n{R} "${{RS[0]}}"',
        'RS=("$(curl -s http://10.0.0.1/dr)" eu-central-1)\nfor R in "${{RS[@]}}"; do {R} "$R"; done',
        "printf -v 'RS[1]' '%s' \"$(curl -s http://10.0.0.1/dr)\"\n{R} \"${{RS[1]}}\"",
    ],
)
def test_mutation60_an_item_not_computed_is_unknown(script: str) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script.format(R=_R60)}\n", "EU", "aws")} == {"RES-011"}


# A function choosing its echo by `if` / `case` among comments (bash(1) "Comments") is read as without them: RES-011
# with both Regions at home on main.
@pytest.mark.parametrize(
    "body",
    [
        "  # the DR Region\n  echo {r}",
        "  # choose\n  if [ -f /etc/fleet/failover ]; then  # failed over\n    echo eu-central-1\n  else\n"
        "    # the usual one\n    echo {r}\n  fi",
        '  # by role\n  case "$1" in\n    dr) echo {r} ;;  # DR\n    *) echo eu-central-1 ;;\n  esac',
    ],
)
def test_mutation60_a_branch_body_is_read_without_its_comments(body: str) -> None:
    for region, expected in (("eu-west-1", []), ("us-west-2", ["RES-009"])):
        script = f'dr_region() {{\n{body.format(r=region)}\n}}\n{_R60} "$(dr_region dr)"'
        assert sorted({f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")}) == expected, region


# The joining keeps offsets, and leaves a word whose bare part a loop or a compound would expand (a glob, a brace
# list) as written: quoted, it would not be.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('RS[1]=us-"west"-2', "RS[1]='us-west-2'"),
        ('RS=(a "us-"west-2)', "RS=(a 'us-west-2')"),
        ("for R in a us-'west'-2; do", "for R in a 'us-west-2'; do"),
        ('read -r R <<< "us-"west-2', "read -r R <<< 'us-west-2'"),
        ('RS=([dr]="us-"west-2)', "RS=([dr]='us-west-2')"),
        ('RS=("$D"/x)', 'RS=("$D/x")'),
    ],
)
def test_mutation60_words_quoted_in_parts_joined_in_place(text: str, expected: str) -> None:
    joined = quoted_parts_joined(text)
    assert joined.rstrip() == expected and len(joined) == len(text)


# Pinned beside it (as on main: the joining must not reach them): quoted, a glob or a brace list would not expand.
@pytest.mark.parametrize("text", ['for f in "$D"/*.conf; do', 'RS=("$D"/{a,b})', "for R in 'eu-'{west,central}-1; do"])
def test_mutation60_a_word_a_loop_would_expand_is_left_as_written(text: str) -> None:
    assert quoted_parts_joined(text) == text


# scripts60 (stop 60): one-value programs (an EC2 instance's user data, EU: eu-west-1 home, eu-central-1 the second
# Region in the jurisdiction, us-east-1 abroad), each shape of the round refused abroad (RES-009) and passing at home:
# appends (bash(1) "Shell Parameters": `+=`), an array's append read by index, a positional slice or parameter in a
# loop's words, a loop first in a one-line function body, and-or lists, an if without else, nested compounds, a way
# of two echoes, an array's keys outside a loop, names by prefix and indirection (bash(1) "Parameter Expansion").
_R60 = "aws ec2 copy-snapshot --source-region eu-west-1 --source-snapshot-id snap-1 --region"


@pytest.mark.parametrize(
    "script",
    [
        'R={h}-\nR+={t}\n{P} "$R"',
        'R=\'{h}\'\nR+="-{t}"\n{P} "$R"',
        'export R={h}-\nexport R+={t}\n{P} "$R"',
        'P1={h}\nR=$P1\nR+=-{t}\n{P} "$R"',
        'f() {{\n  local R={h}-\n  R+={t}\n  {P} "$R"\n}}\nf',
        "AWS_REGION={h}-\nexport AWS_REGION+={t}\naws s3 ls",
        'L=\nfor r in eu-central-1 {r}; do L+=" $r"; done\nfor x in $L; do {P} "$x"; done',
        'RS=(eu-central-1)\nRS+=({r})\n{P} "${{RS[1]}}"',
        'f() {{\n  for R in "${{@:2}}"; do {P} "$R"; done\n}}\nf eu-west-1 eu-central-1 {r}',
        'f() {{ for R in "${{@:2}}"; do {P} "$R"; done; }}\nf eu-west-1 {r}',
        'set -- eu-west-1 {r} eu-central-1\nfor R in "${{@:2:1}}"; do {P} "$R"; done',
        'set -- eu-west-1 eu-central-1 {r}\nfor R in "$3"; do {P} "$R"; done',
        'f() {{ for R in eu-central-1 {r}; do {P} "$R"; done; }}\nf',
        'f() {{ [[ -f /etc/dr ]] && echo {r} || echo eu-central-1; }}\n{P} "$(f)"',
        'R=$([ -f /etc/dr ] && echo eu-central-1 || echo {r})\n{P} "$R"',
        'f() {{ test -f /etc/dr || echo eu-central-1 && echo {r}; }}\nfor R in $(f); do {P} "$R"; done',
        'f() {{\n  if [ -f /etc/dr ]; then echo {r}; return 0; fi\n  echo eu-central-1\n}}\n{P} "$(f)"',
        "f() {{\n  if [ -f /etc/dr ]; then\n    echo {r}\n  fi\n  echo eu-central-1\n}}\n"
        'for R in $(f); do {P} "$R"; done',
        'f() {{\n  case "$1" in\n    dr) if [ -f /a ]; then echo {r}; else echo eu-central-1; fi ;;\n'
        '    *) echo eu-west-1 ;;\n  esac\n}}\n{P} "$(f dr)"',
        "f() {{\n  if [ -f /a ]; then\n    if [ -f /b ]; then echo eu-central-1; else echo {r}; fi\n  else\n"
        '    echo eu-west-1\n  fi\n}}\n{P} "$(f)"',
        "f() {{\n  if [ -f /a ]; then\n    echo eu-central-1\n    echo {r}\n  else\n    echo eu-west-1\n  fi\n}}\n"
        'for R in $(f); do {P} "$R"; done',
        'f() {{ echo eu-central-1; echo {r}; }}\n{P} "$(f)"',
        'declare -A M=([eu-central-1]=a [{r}]=b)\nK=("${{!M[@]}}")\nfor R in "${{K[@]}}"; do {P} "$R"; done',
        'declare -A M=([{r}]=b)\n{P} "${{!M[@]}}"',
        'declare -A M=([eu-central-1]=a [{r}]=b)\nfor R in $(echo "${{!M[@]}}"); do {P} "$R"; done',
        'DR_A=eu-central-1\nDR_B={r}\nfor v in "${{!DR_@}}"; do {P} "${{!v}}"; done',
        'DR_A=eu-central-1\nDR_B={r}\nfor v in ${{!DR_*}}; do {P} "${{!v}}"; done',
        'DR={r}\nv=DR\n{P} "${{!v}}"',
    ],
)
def test_scripts60_shapes(script: str) -> None:
    for region, expected in (("eu-west-1", []), ("us-east-1", ["RES-009"])):
        head, tail = region.split("-", 1)
        text = f"#!/bin/bash\n{script.format(P=_R60, r=region, h=head, t=tail)}\n"
        assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected, (region, text)


# scripts60: a partner's host built by an append is RES-015; the fleet's private intake so built passes (RES-015 on
# main: `10.0.` read as the host)
def test_scripts60_an_appended_host() -> None:
    post = 'curl -s -X POST --data-binary @/var/log/app.log "https://$H/v1/logs"'
    assert findings(f"#!/bin/bash\nH=10.0.\nH+=3.7\n{post}\n", "EU", "aws") == []
    found = findings(f"#!/bin/bash\nH=logs.\nH+=partner.example.com\n{post}\n", "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == {("RES-015", "logs.partner.example.com")}
    assert findings("#!/bin/bash\nDB_HOST=10.0.\nDB_HOST+=3.7\n", "EU", "aws") == []
    found = findings("#!/bin/bash\nDB_HOST=db.\nDB_HOST+=partner.example.com\n", "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == {("RES-015", "db.partner.example.com")}


# scripts60: what the reader cannot prove fails closed at a destination (RES-011, at home too): an indirection through
# a variable holding an unknown value, an and-or list whose test may print, a way that is a loop; a positional slice
# whose offset is not a literal gives every position (a superset: the abroad word is refused)
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('v=$(cat /etc/fleet/name)\n{P} "${{!v}}"', "RES-011"),
        ('f() {{ curl -s http://10.0.0.5/x && echo eu-west-1 || echo eu-central-1; }}\n{P} "$(f)"', "RES-011"),
        # falsealarm61 (stop 61): a `for` loop over literal words is read now (this pin was `for r in a`): a `while`
        # loop stays unknown
        ('f() {{ [ -f /a ] && while read -r r; do echo "$r"; done < /etc/r; }}\n{P} "$(f)"', "RES-011"),
        ('set -- eu-west-1 us-east-1\nfor R in "${{@:$N}}"; do {P} "$R"; done', "RES-009"),
        ('R=eu-west-1\nfor q in a b; do R+=-x; done\nR+=$(cat /etc/fleet/suffix)\n{P} "$R"', "RES-011"),
    ],
)
def test_scripts60_unknowns_fail_closed(script: str, expected: str) -> None:
    text = f"#!/bin/bash\n{script.format(P=_R60)}\n"
    assert expected in {f[0] for f in findings(text, "EU", "aws")}, text


# scripts60: the ways through a body (bash(1) "Lists", "Compound Commands"): each way's echoes, in order
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[[ -f /a ]] && echo a || echo b", [["echo a"], ["echo b"]]),
        ("[ -f /a ] && echo a", [[], ["echo a"]]),
        ("test -f /a || echo b", [[], ["echo b"]]),
        ("if [ -f /a ]; then echo a; return; fi; echo b", [["echo a"], ["echo b"]]),
        ("if [ -f /a ]; then echo a; fi\necho b", [["echo a", "echo b"], ["echo b"]]),
        ("if [ -f /a ]; then exit 1; fi; echo b", [[], ["echo b"]]),
        (
            'case "$1" in\n  a) if [ -f /b ]; then echo a; else echo b; fi ;;\n  *) echo c ;;\nesac',
            [[], ["echo a"], ["echo b"], ["echo c"]],
        ),
        ("logger x; echo a; echo b", [["echo a", "echo b"]]),
        ("[ -f /a ] && echo 'a;b' || echo c", None),
        ("curl -s x && echo a || echo b", [["curl -s x", "echo a"], ["curl -s x", "echo b"]]),  # falsealarm62
        ("while read r; do echo $r; done", None),
        ("if [ -f /a ]; then echo a", None),
        ("[ -f /a ] &&", None),
    ],
)
def test_scripts60_branch_paths(body: str, expected: list[list[str]] | None) -> None:
    from components.residency.scripts import _branch_paths

    got = _branch_paths(body)
    assert (sorted(got) if got is not None else None) == (sorted(expected) if expected is not None else None)


# scripts60: ${!M[@]}, ${!PREFIX@} / ${!PREFIX*} and ${!v} written as what they give (bash(1) "Parameter Expansion")
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('declare -A M=([a]=1 [b]=2)\nK=("${!M[@]}")', 'declare -A M=([a]=1 [b]=2)\nK=("a" "b")'),
        ('declare -A M=([a]=1 [b]=2)\nK="${!M[@]}"', 'declare -A M=([a]=1 [b]=2)\nK="a b"'),
        ("declare -A M=([a]=1 [b]=2)\necho ${!M[*]}", "declare -A M=([a]=1 [b]=2)\necho a b"),
        ("DR_B=2\nDR_A=1\nfor v in ${!DR_*}; do :; done", "DR_B=2\nDR_A=1\nfor v in DR_A DR_B; do :; done"),
        ('DR_A=1\nexport DR_B=2\necho "${!DR_@}"', 'DR_A=1\nexport DR_B=2\necho "DR_A" "DR_B"'),
        ("A=1\nv=A\necho ${!v}", "A=1\nv=A\necho ${A}"),
        (
            'A=1\nB=2\nfor v in A B; do echo "${!v}"; done',
            'A=1\nB=2\nfor v in A B; do echo "$(if :; then echo "${A}"; elif :; then echo "${B}"; fi)"; done',
        ),
        ("v=$(cat /x)\necho ${!v}", "v=$(cat /x)\necho $(a variable named by a value the reader does not know)"),
        ("echo ${!NONE_*} ${!#}", "echo ${!NONE_*} ${!#}"),
    ],
)
def test_scripts60_names_and_keys_written(script: str, expected: str) -> None:
    from components.residency.scripts import names_and_keys_written

    assert names_and_keys_written(script) == expected


# scripts60: a positional slice in a loop's words chooses the positions bash(1) gives ("${@:offset:length}")
@pytest.mark.parametrize(
    ("word", "keys"),
    [
        ("${@:2}", {"2", "3", "!#"}),
        ("${@:2:1}", {"2"}),
        ("${*: 1:2}", {"1", "2"}),
        ("${@:$N}", {"1", "2", "3", "!#"}),
        ("${@:1:$L}", {"1", "2", "3", "!#"}),
        ("$3", {"3"}),
        ("${2}", {"2"}),
    ],
)
def test_scripts60_loop_positions(word: str, keys: set[str]) -> None:
    from components.residency.scripts import _LOOP_POSITIONAL, _loop_positions

    chosen = _LOOP_POSITIONAL.fullmatch(word)
    assert chosen is not None
    assert {k for k in ("1", "2", "3", "!#") if _loop_positions(chosen, k)} == keys


# scripts60: an append's values, with a bound (engine._appended): held apart and unknown values kept so
@pytest.mark.parametrize(
    ("before", "word", "expected"),
    [
        ((), ("a",), ["a"]),
        (("eu-", "us-"), ("west-1",), ["eu-west-1", "us-west-1"]),
        (("\0$(x)",), ("-1",), ["\0$(x)-1"]),
        (("a",), ("b" * 1024,), ["\0$(more values than the reader keeps)"]),
        (("a",), (), []),
    ],
)
def test_scripts60_appended(before: tuple[str, ...], word: tuple[str, ...], expected: list[str]) -> None:
    from components.residency.engine import _appended

    assert _appended(before, word) == expected


# scripts60: a variable appended to holds no literal word of its own (plain_literal_values: `k+=2` is not `k=2`), so
# an element keyed by it is every item (a key abroad is refused) and an indirection through it is unknown
def test_scripts60_an_append_is_no_literal_value() -> None:
    from components.residency.scripts import plain_literal_values

    assert plain_literal_values("k=dr\nk+=2\n", "k") is None
    assert plain_literal_values("k=dr\n", "k") == ("dr",)
    script = 'declare -A M=([dr]=eu-central-1 [dr2]=us-east-1)\nk=dr\nk+=2\n{P} "${{M[$k]}}"'
    assert "RES-009" in {f[0] for f in findings(f"#!/bin/bash\n{script.format(P=_R60)}\n", "EU", "aws")}


# scripts60b (stop 60): read forms, word splitting into options, ANSI-C control characters. Each offending case passed
# every door on main 0183f733 (or, for a slice of a mapfile'd file, each compliant case was RES-009).
_RETENTION60B = "aws logs put-retention-policy --log-group-name /a --retention-in-days 30"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("-r -d ';'", ";"), ('-d ";"', ";"), ("-d \\;", ";"), ("-rd,", ","), ("-d 'ab'", "a"), ("-d ''", ""),
        ('-d ""', ""), ("-r -t 5", None), ("-r", None),
    ],
)  # fmt: skip
def test_scripts60b_read_option_delimiter(options: str, expected: str | None) -> None:
    from components.residency.scripts import read_option_delimiter

    assert read_option_delimiter(options) == expected


# The one spelling of a `-d` word (READ_DELIMITER_WORD) in each reader of `read -d`: a backslash-quoted character and a
# quoted word of several characters (bash(1) "read": its first character) were unread by the file, process,
# here-string and here-document readers (each spelled the word itself: a Region abroad passed every door).
@pytest.mark.parametrize(
    "script",
    [
        'echo "{r};x" > /etc/r\nread -r -d \\; R < /etc/r',
        "read -r -d \\; R < <(echo '{r};x')",
        "read -r -d ';x' R <<< '{r};x'",
        "read -r -d ';x' R <<EOF\n{r};x\nEOF",
    ],
)
@pytest.mark.parametrize(("region", "expected"), [("us-west-2", {"RES-009"}), ("eu-central-1", set())])
def test_scripts60b_read_delimiter_word_in_every_reader(script: str, region: str, expected: set[str]) -> None:
    text = f'#!/bin/bash\n{script.format(r=region)}\n{_RETENTION60B} --region "$R"\n'
    assert {f[0] for f in findings(text, "EU", "aws")} == expected


# bash(1) "read": -n nchars / -N nchars in a `while read` loop (fixed-width records; -N: not split at IFS)
@pytest.mark.parametrize(
    "loop",
    [
        "printf '%-16s' eu-central-1 {r} > /etc/r\nwhile read -r -n 16 R; do\n  {P} --region \"$R\"\ndone < /etc/r",
        "printf '%-16s' eu-central-1 {r} > /etc/r\nwhile read -n 16 -r R; do {P} --region \"$R\"; done < /etc/r",
        "printf '%s' eu-west-1 {r} > /etc/r\nwhile read -r -N 9 R; do {P} --region \"$R\"; done < /etc/r",
        'while read -r -N 9 R; do {P} --region "$R"; done <<EOF\neu-west-1{r}\nEOF',
        "while read -n 9 R; do {P} --region \"$R\"; done <<< '{r}'",
    ],
)
@pytest.mark.parametrize(("region", "expected"), [("us-west-2", {"RES-009"}), ("eu-west-3", set())])
def test_scripts60b_while_read_counted(loop: str, region: str, expected: set[str]) -> None:
    text = "#!/bin/bash\n" + loop.replace("{P}", _RETENTION60B).replace("{r}", region) + "\n"
    assert {f[0] for f in findings(text, "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("lines", "count", "exact", "expected"),
    [
        (["abcdef"], 4, False, ["abcd", "ef"]),
        (["ab", "cd"], 4, False, ["ab", "cd"]),
        (["ab", "cd"], 3, True, ["ab\n", "ab", "cd\n", "cd"]),
        (["ab", "$(< /x)"], 1, False, ["a", "b", "$(< /x)"]),
        (["ab"], 0, False, ["ab"]),
    ],
)
def test_scripts60b_counted_records(lines: list[str], count: int, exact: bool, expected: list[str]) -> None:
    from components.residency.scripts import counted_records

    assert counted_records(lines, count, exact=exact) == expected


# bash(1) "read": `-d ''` reads to a NUL (none in a here-document: the whole body), `-d X` to an X on a later line; at
# the document's end read assigns what it read. A value over several lines gives each line that is a plain word.
@pytest.mark.parametrize(
    "script",
    [
        "read -r -d '' R <<'EOF'\n{r}\nEOF",
        "read -r -d '' R <<'EOF' || true\n\n  {r}\n\nEOF",
        "read -r -d ';' R <<EOF\n\n{r};eu-west-1\nEOF",
        "read -r -d ';' R <<-EOF\n\teu-west-1\n\t{r};\n\tEOF",
        "read -d , R <<EOF\n{r}\nEOF",
    ],
)
@pytest.mark.parametrize(("region", "expected"), [("us-west-2", {"RES-009"}), ("eu-west-3", set())])
def test_scripts60b_here_document_past_its_first_line(script: str, region: str, expected: set[str]) -> None:
    text = f'#!/bin/bash\n{script.format(r=region)}\n{_RETENTION60B} --region "$R"\n'
    assert {f[0] for f in findings(text, "EU", "aws")} == expected


def test_scripts60b_here_document_past_its_first_line_written() -> None:
    from components.residency.scripts import reads_as_assignments

    script = "read -r -d '' R <<'EOF'\nus-west-2\nEOF\necho $R\n"
    written = reads_as_assignments(script)
    assert len(written) == len(script) and written.count("\n") == script.count("\n")
    assert written.startswith("R=us-west-2;:<<'EOF'\n")
    two = reads_as_assignments("read -d ';' R <<-EOF\n\t\teu-west-1\n\tus-west-2;\n\tEOF\n")
    assert two.startswith("R=eu-west-1;R=us-west-2;:<<-EOF\n")
    # assignments that do not fit: the input unknown (RES-011 at a destination), no longer unread
    tight = reads_as_assignments("read -d ';' R <<EOF\neu-west-1\nus-west-2;\nEOF\n")
    assert tight.startswith("R=$(< /dev/stdin);:<<EOF\n")
    # as written: an expansion in the body, several names or an array over lines, no plain word
    for kept in ("read -d '' R <<EOF\n$X\nEOF\n", "read -d '' A B <<EOF\na\nb\nEOF\n", "read -d '' R <<EOF\n{\nEOF\n"):
        assert reads_as_assignments(kept) == kept


# bash(1) "mapfile" (each line an element from index 0) and "Parameter Expansion" (a slice's members by index): a file
# the script writes is sliced; a command's output (the evaluator may give its lines apart) keeps every item, as before.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("printf '%s\\n' us-west-2 eu-west-1 eu-central-1 > /etc/r\nmapfile -t RS < /etc/r\n"
         'for R in "${RS[@]:1:2}"; do\n  {P} --region "$R"\ndone', set()),
        ("printf '%s\\n' eu-west-1 us-west-2 eu-central-1 > /etc/r\nmapfile -t RS < /etc/r\n"
         'for R in "${RS[@]:1:2}"; do\n  {P} --region "$R"\ndone', {"RES-009"}),
        ("echo us-west-2 > /etc/r\necho eu-west-1 >> /etc/r\nmapfile -t RS < /etc/r\n{P} --region \"${RS[@]:1:1}\"",
         set()),
        ("echo eu-west-1 > /etc/r\necho us-west-2 >> /etc/r\nmapfile -t RS < /etc/r\n{P} --region \"${RS[@]: -1}\"",
         {"RES-009"}),
        ("printf '%s\\n' us-west-2 eu-west-1 > /etc/r\nreadarray -t RS < /etc/r\n{P} --region \"${RS[@]:1}\"", set()),
        ("mapfile -t RS < <(printf '%s\\n' us-west-2 eu-west-1)\n{P} --region \"${RS[@]:1:1}\"", {"RES-009"}),
    ],
)  # fmt: skip
def test_scripts60b_slice_of_a_mapfile_array(script: str, expected: set[str]) -> None:
    text = "#!/bin/bash\n" + script.replace("{P}", _RETENTION60B) + "\n"
    assert {f[0] for f in findings(text, "EU", "aws")} == expected


# bash(1) "Word Splitting": an unquoted variable's value split at blanks, options among the words (the last `-h`
# counts for psql, mysql and redis-cli; every one is judged, a superset); quoted, or an assignment's word, one word.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('P="5432 -h db.partner.example.com"\npsql -h 10.0.0.1 -p $P -c "select 1"', {"RES-015"}),
        ('P="5432 -h db.partner.example.com"\npsql -h 10.0.0.1 -p "$P" -c "select 1"', set()),
        ('P=5432\npsql -h 10.0.0.1 -p $P -c "select 1"', set()),
        ('DB_OPTS="-p 5432 -h 10.0.2.9"\npsql -h 10.0.0.1 $DB_OPTS -d app', set()),
        ('DB_OPTS="-p 5432 -h db.partner.example.com"\npsql -h 10.0.0.1 ${DB_OPTS} -d app', {"RES-015"}),
        ('O="--port=3306 --host=db.partner.example.com"\nmysql -h 10.0.0.2 $O app < /opt/s.sql', {"RES-015"}),
        ('O="-p 6379 -h cache.partner.example.com"\nredis-cli -h 10.0.0.3 $O PING', {"RES-015"}),
        ('O="-p 6379 -n 2"\nredis-cli -h 10.0.0.3 $O PING', set()),
        ('O="--region eu-west-1 --region us-west-2"\naws ec2 describe-instances $O', {"RES-009"}),
        ('O="--region eu-west-1 --output json"\naws ec2 describe-instances $O', set()),
        ('O="-p 5432 -h db.partner.example.com"\nX=$O\necho "$X"', set()),
    ],
)
def test_scripts60b_word_splitting_into_options(script: str, expected: set[str]) -> None:
    assert {f[0] for f in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


def test_scripts60b_split_words_written() -> None:
    from components.residency.scripts import split_words_written

    values = {"P": ("5432 -h h.example.com", "5433"), "Q": ("a 'b'",)}
    script = 'psql -p $P -c "$P"\nX=$P\necho $Q # $P\n'
    assert split_words_written(script, lambda _: values) == [(0, 'psql -p 5432 -h h.example.com -c "$P"')]


# bash(1) "QUOTING": an ANSI-C word expanding to a control character or a quote is no Region or host name; unknown at a
# destination (RES-011 / RES-015), ordinary ones read as stop 59 reads them
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("R=$'us-west-2\\n'\n{P} --region \"$R\"", {"RES-011"}),
        ("R=$'eu-west-1\\n'\n{P} --region \"$R\"", {"RES-011"}),
        ("{P} --region $'us-west-2\\''", {"RES-011"}),
        ("{P} --region $'eu-west-1\\t'", {"RES-011"}),
        ("R=$'\\x65u-west-1'\n{P} --region \"$R\"", set()),
        ("{P} --region $'eu-west-1'", set()),
        ("IFS=$'\\n'\n{P} --region eu-west-1", set()),
        ("while IFS=$'\\t' read -r app r; do {P} --region \"$r\"; done <<< $'fleet\\teu-west-1'", set()),
        ("curl -s $'https://10.0.3.7\\n/v1'", {"RES-015"}),
        ("echo $'it\\'s' > /dev/null; {P} --region eu-west-1", set()),
    ],
)
def test_scripts60b_ansi_c_control_characters(script: str, expected: set[str]) -> None:
    text = "#!/bin/bash\n" + script.replace("{P}", _RETENTION60B) + "\n"
    assert {f[0] for f in findings(text, "EU", "aws")} == expected


# The lead's review (stop 60): a double-quoted assignment over several lines (bash(1) "Double Quotes": the newline
# kept) held nothing and each use passed every door (mutation60's open finding); a loop over a variable holding an
# uncomputed command substitution gave the loop nothing (`L=$(cat /etc/regions)`, `for r in $L`). Each offending
# twin passed every door before (0183f733); each compliant twin passes.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('L="eu-west-1\neu-central-1"\nfor R in $L; do aws s3 ls --region "$R"; done\n', set()),
        ('L="eu-west-1\nus-west-2"\nfor R in $L; do aws s3 ls --region "$R"; done\n', {("RES-009", "us-west-2")}),
        (
            'L="eu-west-1\nus-west-2"\nwhile read -r R; do aws s3 ls --region "$R"; done <<< "$L"\n',
            {("RES-009", "us-west-2")},
        ),
        ('P="main eu-west-1\ndr eu-central-1"\nwhile read -r k R; do aws s3 ls --region "$R"; done <<< "$P"\n', set()),
        (
            'P="main eu-west-1\ndr us-west-2"\nwhile read -r k R; do aws s3 ls --region "$R"; done <<< "$P"\n',
            {("RES-009", "us-west-2")},
        ),
        ('export R="us-west-2\n"\naws s3 ls --region $R\n', {("RES-009", "us-west-2")}),
        ('A=10.0.0.1\nB=10.0.0.2\nH="$A\n$B"\nfor h in $H; do psql -h "$h" -c "select 1"; done\n', set()),
        (
            'A=10.0.0.1\nB=db.partner.example.com\nH="$A\n$B"\nfor h in $H; do psql -h "$h" -c "select 1"; done\n',
            {("RES-015", "db.partner.example.com")},
        ),
        ('L="eu-west-1\\\nus-west-2"\nfor r in $L; do aws s3 ls --region $r; done\n', {("RES-011", UNREAD_MULTILINE)}),
        # a here-document's body is data, left as written; a value no destination uses judges nothing
        ('cat > /etc/default/app <<EOF\nOPTS="a\nb"\nEOF\naws s3 ls --region eu-west-1\n', set()),
        ('MSG="Deploying\nplease wait"\necho "$MSG"\naws s3 ls --region eu-west-1\n', set()),
    ],
)
def test_lead60_a_double_quoted_value_over_lines_is_each_line(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("L=$(cat /etc/regions)\nfor r in $L; do aws s3 ls --region $r; done\n", {("RES-011", "$(cat /etc/regions)")}),
        (
            'L="$(cat /etc/regions)"\nfor r in $L; do aws s3 ls --region $r; done\n',
            {("RES-011", "$(cat /etc/regions)")},
        ),
        ("L=$'us-west-2\\n'\nfor r in $L; do aws s3 ls --region $r; done\n", {("RES-011", UNREAD_ANSI_C)}),
        # computed substitutions and the machine's own Region stay as before
        ("RS=$(echo eu-west-1 eu-central-1)\nfor r in $RS; do aws s3 ls --region $r; done\n", set()),
        (
            "R=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\n"
            "for r in $R; do aws s3 ls --region $r; done\n",
            set(),
        ),
    ],
)
def test_lead60_a_loop_over_an_uncomputed_substitution_fails_closed(
    script: str, expected: set[tuple[str, str]]
) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


# the lead (stop 61): a word naming the variable it assigns (bash(1) expands the word, then assigns) gave no value, so
# `REG=1; REG=us-east-$REG` and `H=partner; H=$H.example.com` passed every door (fnros61's open finding)
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('REG=1\nREG=us-east-$REG\naws s3 ls --region "$REG"\n', {("RES-009", "us-east-1")}),
        ('REG=west\nREG="us-${REG}-2"\naws s3 ls --region $REG\n', {("RES-009", "us-west-2")}),
        ('REG=west\nREG="eu-$REG-1"\naws s3 ls --region "$REG"\n', set()),
        ("H=partner\nH=$H.example.com\ncurl -s https://$H/v1\n", {("RES-015", "partner.example.com")}),
        ('REG=$(cat /etc/r)\nREG=us-east-$REG\naws s3 ls --region "$REG"\n', {("RES-011", "us-east-$(cat /etc/r)")}),
        # in a loop each pass's value (bash ends with the second, `us-east-us-east-1`), and the growth stops
        (
            'S=1\nfor i in a b; do S="us-east-$S"; done\naws s3 ls --region "$S"\n',
            {("RES-009", "us-east-1"), ("RES-011", "us-east-us-east-1"), ("RES-011", "us-east-us-east-us-east-1")},
        ),
        ('P=/usr/bin\nP="$P:/opt/bin"\naws s3 ls --region eu-west-1\n', set()),
    ],
)
def test_lead61_a_value_built_on_its_own_variable_is_filled(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


# the lead (stop 61): a variable holding a one_word_commands substitution (`TMP=$(mktemp)`), spliced unquoted, adds one
# word that is never an option: scripts61's reading of an uncomputed value as every destination option it may set
# refused the usual temporary file (RES-011, a false alarm); other uncomputed values are read so as before
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("TMP=$(mktemp)\naws s3 cp $TMP s3://fleet-logs/x\n", set()),
        ("W=`mktemp -d -t fleet.XXXXXX`\naws s3 sync $W s3://fleet-logs/x\n", set()),
        ("D=$(date -u +%Y%m%dT%H%M%S).tar.gz\naws s3 cp /tmp/b $D\n", set()),
        ("H=$(hostname -s)\npsql -h 10.0.2.15 -U app $H\n", set()),
        ("O=$(cat /etc/fleet/opts)\naws s3 cp /tmp/b s3://fleet-logs/x $O\n", {("RES-011", "$(cat /etc/fleet/opts)")}),
        ("D=$(date '+%F %T')\naws s3 cp /tmp/b s3://fleet-logs/x $D\n", {("RES-011", "$(date '+%F %T')")}),
        ("A=$(uname -a)\naws s3 ls $A\n", {("RES-011", "$(uname -a)")}),
        ("Z=$(date +%z)\naws s3 ls $Z\n", {("RES-011", "$(date +%z)")}),
    ],
)
def test_lead61_a_one_word_command_spliced_adds_no_option(script: str, expected: set[tuple[str, str]]) -> None:
    got = {(r, v) for r, _, v in findings(script, "EU", "aws")}
    assert {f for f in got if f[0] != "RES-017"} == expected


# falsealarm61 (stop 61): a function's output made by a loop or a `{ ...; }` group in its body, a function called in
# backquotes, a body of silent commands and the metadata's Region lookup, and `;&` / `;;&` case arms (bash(1)
# "Compound Commands", "Command Substitution", "Shell Functions"): each was RES-011 with the Region at home (a false
# alarm) and RES-011 abroad (a wrong rule); now the home Region passes and the one abroad is RES-009
_R61 = "aws sqs list-queues --region"


@pytest.mark.parametrize(
    "script",
    [
        'f() {{ for r in eu-west-1 {r}; do echo "$r"; done; }}\nfor x in $(f); do {P} "$x"; done',
        'f() {{\n  for r in eu-west-1 {r}\n  do\n    echo "$r"\n  done\n}}\nfor x in $(f); do {P} "$x"; done',
        'RS="eu-west-1 {r}"\nf() {{ for r in $RS; do echo "$r"; done; }}\nfor x in $(f); do {P} "$x"; done',
        'f() {{ for r in "$@"; do echo "$r"; done; }}\nfor x in $(f eu-west-1 {r}); do {P} "$x"; done',
        'f() {{ for r in eu-west-1; do echo "$r"; done; echo {r}; }}\n{P} "$(f)"',
        'f() {{ [ -f /etc/dr ] && {{ logger -t fleet dr; echo {r}; return 0; }}\n  echo eu-west-1\n}}\n{P} "$(f)"',
        'f() {{ {{ echo {r}; }} 2>/dev/null; }}\n{P} "$(f)"',
        'f() {{\n  {{\n    echo {r}\n  }}\n}}\n{P} "$(f)"',
        'f() {{ {{ [ -f /etc/dr ] && echo {r}; }} || echo eu-west-1; }}\nfor x in $(f); do {P} "$x"; done',
        'f() {{ echo {r}; }}\nR=`f`\n{P} "$R"',
        'f() {{ echo "$1"; }}\nR=`f {r}`\n{P} "$R"',
        'f() {{ echo {r}; }}\n{P} "`f`"',
        'f() {{ if [ -f /a ]; then echo eu-central-1; else echo {r}; fi; }}\nfor x in `f`; do {P} "$x"; done',
        'f() {{\n  case "$1" in\n    dr) echo {r} ;&\n    *) echo eu-west-1 ;;\n  esac\n}}\n'
        'for x in $(f dr); do {P} "$x"; done',
        'f() {{\n  case "$1" in\n    dr) echo eu-west-1 ;&\n    p) echo {r} ;;\n  esac\n}}\n'
        'for x in $(f dr); do {P} "$x"; done',
        'f() {{\n  case "$1" in\n    dr) echo {r} ;;&\n    *) echo eu-west-1 ;;\n  esac\n}}\n'
        'for x in $(f dr); do {P} "$x"; done',
        'f() {{\n  case "$1" in\n    a) echo eu-west-1 ;;&\n    b) echo {r} ;;\n  esac\n}}\n{P} "$(f a)"',
        'R=$(for r in eu-west-1 {r}; do echo "$r"; done)\nfor x in $R; do {P} "$x"; done',
    ],
)
def test_falsealarm61_function_outputs(script: str) -> None:
    for region, expected in (("eu-central-1", []), ("us-east-1", ["RES-009"])):
        text = f"#!/bin/bash\n{script.format(P=_R61, r=region)}\n"
        assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected, (region, text)


# the machine's own Region looked up in a function (EC2 User Guide, "Retrieve instance metadata": IMDSv2's token, then
# meta-data/placement/region), called with $( ) or in backquotes; was RES-011 (the call's output unknown)
def test_falsealarm61_a_function_of_the_metadata_lookup() -> None:
    imds = "http://169.254.169.254/latest"
    body = (
        "region_of_machine() {\n"
        f'  TOKEN=$(curl -sS -X PUT "{imds}/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 300")\n'
        f'  curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" {imds}/meta-data/placement/region\n'
        "}\n"
    )
    for call in ("R=`region_of_machine`", "R=$(region_of_machine)", 'R="$(region_of_machine)"'):
        assert findings(f'#!/bin/bash\n{body}{call}\n{_R61} "$R"\n', "EU", "aws") == [], call
    # `local r` declares (no output), then the lookup assigned and echoed; abroad by assignment: RES-009; `declare -p`
    # prints (unknown)
    local = f'region() {{\n  local r\n  r=$(curl -s {imds}/meta-data/placement/region)\n  echo "$r"\n}}\n'
    assert findings(f'#!/bin/bash\n{local}{_R61} "$(region)"\n', "EU", "aws") == []
    abroad = 'region() {\n  local r\n  r=us-west-2\n  echo "$r"\n}\n'
    assert {f[0] for f in findings(f'#!/bin/bash\n{abroad}{_R61} "$(region)"\n', "EU", "aws")} == {"RES-009"}
    printing = "region() {\n  declare -p r\n  echo eu-west-1\n}\n"
    assert {f[0] for f in findings(f'#!/bin/bash\n{printing}{_R61} "$(region)"\n', "EU", "aws")} == {"RES-011"}
    # a body whose one output command the evaluator does not compute stays unknown
    found = findings(f'#!/bin/bash\nf() {{ cd /tmp; cat /etc/fleet/region; }}\nR=`f`\n{_R61} "$R"\n', "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == {("RES-011", "$(cat /etc/fleet/region)")}


# what the readers cannot prove stays unknown (RES-011 with the Region at home): a group whose standard error reaches
# the output, a loop's variable used inside a word where the loop's word is a variable, an operation on the loop's
# variable, `break`, a loop piped or redirected at its `done`, a backquoted call holding a backslash, two commands that
# may print
@pytest.mark.parametrize(
    "script",
    [
        'f() {{ {{ echo eu-west-1; }} 2>&1; }}\n{P} "$(f)"',
        'RS="eu-west-1"\nf() {{ for r in $RS; do echo "x-$r"; done; }}\n{P} "$(f)"',
        'f() {{ for r in eu-west-1-x; do echo "${{r%-x}}"; done; }}\n{P} "$(f)"',
        'f() {{ for r in eu-west-1 eu-central-1; do echo "$r"; break; done; }}\n{P} "$(f)"',
        'f() {{ for r in eu-west-1; do echo "$r"; done | sort; }}\n{P} "$(f)"',
        'f() {{ for r in "${{RS[@]}}"; do echo "$r"; done; }}\n{P} "$(f)"',
        'f() {{ echo eu-west-1; }}\nR=`f \\\\x`\n{P} "$R"',
        'f() {{ curl -s http://10.0.0.5/a; curl -s http://10.0.0.5/b; }}\n{P} "$(f)"',
        'f() {{ for r in primary; do r=us-west-2; echo "$r"; done; }}\n{P} "$(f)"',
    ],
)
def test_falsealarm61_unknowns_fail_closed(script: str) -> None:
    text = f"#!/bin/bash\n{script.format(P=_R61)}\n"
    assert {f[0] for f in findings(text, "EU", "aws")} == {"RES-011"}, text


# a partner's host among a function's outputs made by a loop, a group or a `;;&` arm is RES-015 by name (RES-015 on
# the call before: the value unknown)
@pytest.mark.parametrize(
    "body",
    [
        "for i in 7 8; do echo 10.20.1.$i; done; echo db.partner.example.com",
        "{ echo 10.20.1.7; echo db.partner.example.com; } 2>/dev/null",
        'case "$1" in\n  api) echo 10.20.1.7 ;;&\n  *) echo db.partner.example.com ;;\nesac',
    ],
)
def test_falsealarm61_a_partner_host_among_the_outputs(body: str) -> None:
    script = f'#!/bin/bash\nhosts() {{\n{body}\n}}\nfor h in $(hosts api); do nc -z -w 3 "$h" 5432; done\n'
    found = findings(script, "EU", "aws")
    assert {(rule, value) for rule, _, value in found} == {("RES-015", "db.partner.example.com")}
    assert findings(script.replace("db.partner.example.com", "10.20.1.30"), "EU", "aws") == []


# the ways through loops, groups and fall-through arms (scripts._branch_paths)
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('for r in a b; do echo "$r"; done', [['echo "a"', 'echo "b"']]),
        ("for r in 'a' \"b\"; do\n  echo $r\ndone\necho c", [["echo a", "echo b", "echo c"]]),
        ('for r in $RS; do echo "$r"; done', [['echo "${RS}"']]),
        ('for r in "$@"; do echo "$r"; done', [['echo "$@"']]),
        ("for r in; do echo $r; done", [[]]),
        ("for i in 1 2; do for j in a; do echo $i$j; done; done", [["echo 1a", "echo 2a"]]),
        ("[ -f /a ] && { logger x; echo a; return 0; }\necho b", [["echo a"], ["echo b"]]),
        ("{ echo a; } 2>/dev/null", [["echo a"]]),
        ("{ echo a; } >/dev/null 2>&1; echo b", [["echo b"]]),
        ("{ echo a; } >&2; echo b", [["echo b"]]),
        ("{ echo a; } &>> /var/log/x; echo b", [["echo b"]]),
        ('case "$1" in\n a) echo a ;&\n b) echo b ;;\nesac', [[], ["echo a", "echo b"], ["echo b"]]),
        ('case "$1" in\n a) echo a ;&\nesac', [[], ["echo a"]]),
        (
            'case "$1" in\n a) echo a ;;&\n b) echo b ;;\nesac',
            [[], ["echo a"], ["echo a", "echo b"], ["echo b"]],
        ),
        ("{ echo a; } 2>&1", None),
        ("{ echo a; } 2>&1 >/dev/null", None),
        ("{ echo a; }", [["echo a"]]),
        ("{ echo a", None),
        ('for r in $RS; do echo "a$r"; done', None),
        ('for r in a; do echo "${#r}"; done', None),
        ("for r in a; do echo $r; done > /tmp/x", None),
        ("for r in a; do echo $r", None),
        ("for r in a b; do continue; done", None),
        ("for r in $(ls); do echo $r; done", None),
        ("for ((i=0; i<2; i++)); do echo $i; done", None),
        ('for r in primary; do r=us-west-2; echo "$r"; done', None),
        ("for r in a; do read -r r < /x; echo $r; done", None),
        ("for r in a; do printf -v r %s x; echo $r; done", None),
    ],
)
def test_falsealarm61_branch_paths(body: str, expected: list[list[str]] | None) -> None:
    from components.residency.scripts import _branch_paths

    got = _branch_paths(body)
    assert (sorted(got) if got is not None else None) == (sorted(expected) if expected is not None else None)


# a loop over literal words gives each word's echo in order, whatever the words (hypothesis: the unrolling is the
# shell's, one pass a word)
@given(st.lists(st.from_regex(r"[a-z0-9][a-z0-9.-]{0,12}", fullmatch=True), max_size=8))
def test_falsealarm61_a_loop_over_words_echoes_each(words: list[str]) -> None:
    from components.residency.scripts import _branch_paths

    body = f'for r in {" ".join(words)}; do echo "$r"; done'
    assert _branch_paths(body) == [[f'echo "{w}"' for w in words]]


# perf61 (stop 61): scripts60b's word splitting keys the findings already made once per script, not once per line it
# reads again (1,200 split lines with a finding each keyed 720,000 findings), and finds a line's place by its offset;
# the findings the same, in the same order: each line's partner refused once, a duplicate kept once, a script list's
# item's path its own
def _ssm_perf61(lines: list[str]) -> list[tuple[str, str, str]]:
    step = {"action": "aws:runShellScript", "name": "boot", "inputs": {"runCommand": lines}}
    content = json.dumps({"schemaVersion": "2.2", "mainSteps": [step]})
    props = {"content": content, "documentType": "Command", "documentFormat": "JSON"}
    subject = Subject("aws:ssm/document:Document", "d", props, provider("EU", "aws"))
    return [(f.rule.id, f.path, str(f.value)) for f in ENGINES["EU"].check(subject)[0]]


def test_perf61_split_words_findings_each_line_once_in_order() -> None:
    lines = "".join(f'O{i}="-p 5432 -h db{i}.{{host}}"\npsql -h 10.0.1.5 $O{i} -c "select 1"\n' for i in range(30))
    offending = findings("#!/bin/bash\n" + lines.replace("{host}", "partner.example.com"), "EU", "aws")
    assert offending == [("RES-015", "user_data(base64).psql", f"db{i}.partner.example.com") for i in range(30)]
    assert findings("#!/bin/bash\n" + lines.replace("{host}", "10.0.2.9"), "EU", "aws") == []
    twice = 'O="--region eu-west-1 --region {r}"\naws ec2 describe-instances $O\naws s3 ls $O\naws ec2 wait $O'
    assert findings(f"#!/bin/bash\n{twice.format(r='us-west-2')}\n", "EU", "aws") == [
        ("RES-009", "user_data(base64).aws", "us-west-2")
    ]
    assert findings(f"#!/bin/bash\n{twice.format(r='eu-central-1')}\n", "EU", "aws") == []


def test_perf61_split_words_in_a_script_list_at_their_items() -> None:
    items = ['O="-p 5432 -h {h}"', "echo start", "psql -h 10.0.0.1 $O -c 'select 1'", 'R="--region {r}"',
             "aws s3 ls $R", "aws s3 ls $R"]  # fmt: skip
    step = "content(json).mainSteps[0].inputs.runCommand"
    assert _ssm_perf61([i.format(h="db.partner.example.com", r="us-west-2") for i in items]) == [
        ("RES-015", f"{step}[2].psql", "db.partner.example.com"),
        ("RES-009", f"{step}[4].aws", "us-west-2"),
        ("RES-009", f"{step}[5].aws", "us-west-2"),
    ]
    assert _ssm_perf61([i.format(h="10.0.2.9", r="eu-west-1") for i in items]) == []


# ecs61 (stop 61): a container definition read as the `docker run` line it is (endpoints.yaml `containers`): the
# Datadog Agent's image with no DD_SITE / DD_DD_URL among its variables sends to its default site (the one
# `document_defaults` reading of a script's `docker run`), an exec-form command is one command line (each item one
# word). On main 3c67a1f3 each finding below passed every door (a task's image and environment were walked as fields,
# each command item read alone).
_ECS61_TASK = "aws:ecs/taskDefinition:TaskDefinition"
_ECS61_AGENT = "public.ecr.aws/datadog/agent:7"


def _ecs61_task(*containers: dict[str, Any], code: str = "EU") -> list[tuple[str, str]]:
    subject = Subject(_ECS61_TASK, "t", {"family": "t", "container_definitions": json.dumps(list(containers))},
                      provider(code, "aws"))  # fmt: skip
    return sorted((f.rule.id, str(f.value)) for f in ENGINES[code].check(subject)[0])


_ECS61_KEY = {"name": "DD_API_KEY", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:dd-Ab12Cd"}


@pytest.mark.parametrize(
    ("environment", "secrets", "expected"),
    [
        ([], [_ECS61_KEY], [("RES-015", "datadoghq.com")]),
        ([{"name": "DD_API_KEY", "value": "0123456789abcdef"}], [], [("RES-015", "datadoghq.com")]),
        ([{"name": "DD_SITE", "value": ""}], [_ECS61_KEY], [("RES-015", "datadoghq.com")]),  # empty: unset
        ([{"name": "DD_SITE"}], [_ECS61_KEY], [("RES-015", "datadoghq.com")]),  # no value: unset
        ([{"name": "DD_DD_URL", "value": "https://10.0.3.20:3834"}], [_ECS61_KEY], []),  # the VPC's proxy
        ([{"name": "DD_SITE", "value": "datadoghq.eu"}], [_ECS61_KEY], [("RES-015", "datadoghq.eu")]),  # as before
        # k8s62 (stop 62): a secret's value is in no input: the site is unknown, RES-015 by the reference until
        # declared (ecs61 counted it set and passed it)
        (
            [],
            [_ECS61_KEY, {"name": "DD_SITE", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/dd"}],
            [("RES-015", "arn:aws:ssm:eu-west-1:123456789012:parameter/dd")],
        ),
    ],
)
def test_ecs61_the_agents_image_in_a_task_definition(
    environment: list[dict[str, str]], secrets: list[dict[str, str]], expected: list[tuple[str, str]]
) -> None:
    agent = {"name": "datadog-agent", "image": _ECS61_AGENT, "essential": True, "environment": environment,
             "secrets": secrets}  # fmt: skip
    app = {"name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", "essential": True}
    assert _ecs61_task(app, agent) == expected


def test_ecs61_each_container_has_its_own_variables() -> None:
    """The app's DD_SITE is no setting of the Agent's container beside it (each container its own environment)."""
    app = {"name": "app", "image": "app:1", "environment": [{"name": "DD_DD_URL", "value": "https://10.0.3.20:3834"}]}
    agent = {"name": "datadog-agent", "image": _ECS61_AGENT, "secrets": [_ECS61_KEY]}
    assert _ecs61_task(app, agent) == [("RES-015", "datadoghq.com")]
    assert _ecs61_task({**agent, "environment": app["environment"]}) == []


@pytest.mark.parametrize(
    "image",
    ["datadog/cluster-agent:7.60.0", "grafana/agent:v0.40.0", "public.ecr.aws/aws-observability/aws-otel-collector"],
)
def test_ecs61_other_agents_in_a_task_pass(image: str) -> None:
    assert _ecs61_task({"name": "datadog-agent", "image": image, "secrets": [_ECS61_KEY]}) == []


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        # the AWS CLI images' entrypoint is aws (script_commands docker `run` entrypoints)
        (
            {
                "image": "public.ecr.aws/aws-cli/aws-cli:2.17.0",
                "command": ["ec2", "copy-snapshot", "--source-region", "eu-west-1", "--region", "us-west-2"],
            },
            [("RES-009", "us-west-2")],
        ),
        (
            {
                "image": "amazon/aws-cli",
                "command": ["ec2", "copy-snapshot", "--source-region", "eu-west-1", "--region", "eu-central-1"],
            },
            [],
        ),
        (
            {
                "image": "ops-tools:1",
                "entryPoint": ["aws"],
                "command": ["ssm", "get-parameter", "--region", "us-west-2"],
            },
            [("RES-009", "us-west-2")],
        ),
        (
            {
                "image": "ops-tools:1",
                "entryPoint": ["/usr/local/bin/aws", "logs"],
                "command": ["tail", "/fleet", "--region=us-west-2"],
            },
            [("RES-009", "us-west-2")],
        ),
        (
            {"image": "postgres:16", "command": ["pg_dump", "--host", "db.partner-analytics.com", "orders"]},
            [("RES-015", "db.partner-analytics.com")],
        ),
        ({"image": "postgres:16", "command": ["pg_dump", "--host", "10.0.5.12", "orders"]}, []),
        (
            {"image": "postgres:16", "command": ["psql", "-h", "db.partner-analytics.com"]},
            [("RES-015", "db.partner-analytics.com")],
        ),
        # an item is one word: a query's text holding `-h HOST` is psql's -c argument, no option (a naive join of the
        # items would read `-h` there)
        (
            {
                "image": "postgres:16",
                "command": ["psql", "-h", "10.0.5.12", "-c", "select 1 -h db.partner-analytics.com"],
            },
            [],
        ),
        # an item quoted as a word: `--region us-west-2` as one argument is no --region option of the CLI
        ({"image": "amazon/aws-cli", "command": ["s3", "ls", "--region us-west-2"]}, []),
    ],
)
def test_ecs61_an_exec_form_command_is_one_command_line(
    container: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    assert _ecs61_task({"name": "c", "essential": True, **container}) == expected


@given(st.lists(st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12), max_size=6))
@settings(max_examples=60, deadline=None)
def test_ecs61_the_run_line_keeps_each_item_one_word(command: list[str]) -> None:
    """Each item of an exec-form command is one word of the ``docker run`` line, whatever it holds (blanks, quotes,
    ``$``): the line split as a shell splits it gives the items back after the image."""
    import shlex

    from components.residency.engine import _container_run_line

    line = _container_run_line({"Image": "app:1", "Command": command, "Environment": [{"Name": "A", "Value": "1"}]})
    assert line is not None
    assert shlex.split(line) == ["docker", "run", "-e", "A", "app:1", *command]


def test_ecs61_the_run_line_of_a_template_container() -> None:
    from components.residency.engine import _container_run_line

    container = {
        "Name": "copy", "Image": "app:1", "EntryPoint": ["sh", "-c"], "Command": ["aws s3 ls --region \"$R\""],
        "Environment": [{"Name": "R", "Value": "eu-west-1"}, {"Name": "DD_SITE", "Value": ""}],
        "Secrets": [{"Name": "DD_API_KEY", "ValueFrom": "arn:aws:ssm:eu-west-1:1:parameter/k"}],
        "EnvironmentFiles": [{"Type": "s3", "Value": "arn:aws:s3:::b/app.env"}],
    }  # fmt: skip
    assert _container_run_line(container) == (
        "docker run -e R -e DD_SITE= -e DD_API_KEY --entrypoint sh app:1 -c 'aws s3 ls --region \"$R\"'"
    )
    # no literal image: nothing known runs; a template function among the items: the image alone
    assert _container_run_line({"Image": {"Ref": "Image"}, "Command": ["x"]}) is None
    assert _container_run_line({"Image": "app:1", "Command": [{"Ref": "Cmd"}, "x"]}) == "docker run app:1"


# -- scripts61 (stop 61): uncomputed values spliced into options, read forms, eval and defaults ----------------------

LOOP = 'while read -r R; do aws s3 ls --region "$R"; done'
SSM_OPTS = "$(aws ssm get-parameter --name /fleet/copy-options --query Parameter.Value --output text)"
COPY = "aws ec2 copy-snapshot --source-snapshot-id snap-1 --source-region eu-west-1"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # psql(1) -h, getopt: the last -h counts; the words a value no reader computes holds may set it
        ("O=$(cat /etc/fleet/db.opts)\npsql -h 10.0.2.15 $O -d app\n", {("RES-015", "$(cat /etc/fleet/db.opts)")}),
        ("O=$(cat /etc/fleet/db.opts)\npsql $O -h 10.0.2.15 -d app\n", set()),  # overridden after it
        ("O=$(cat /etc/fleet/db.opts)\npsql $O --host=10.0.2.15 -d app\n", set()),  # the same form: the same option
        ('O=$(cat /etc/fleet/db.opts)\npsql -h 10.0.2.15 -v o="$O" -d app\n', set()),  # quoted: one value
        # the AWS CLI (argparse: the last occurrence of an option counts)
        (f"E={SSM_OPTS}\n{COPY} --region eu-west-1 $E\n", {("RES-011", SSM_OPTS)}),
        (f"E={SSM_OPTS}\n{COPY} $E --region eu-west-1\n", set()),
        (f'E={SSM_OPTS}\n{COPY} --region eu-west-1 --description "$E"\n', set()),
        # an option's value (the idiom of one word read from a file): read as that value, as before (decision)
        (f"E={SSM_OPTS}\n{COPY} --region eu-west-1 --description $E\n", set()),
        ("Z=$(cat /etc/az)\naws ec2 create-volume --size 1 --availability-zone $Z --region eu-west-1\n", set()),
        # a reference inside a command substitution is that command's word (IMDSv2's token header, falsealarm53)
        (
            'T=$(curl -sX PUT "http://169.254.169.254/latest/api/token")\n'
            'aws s3 ls --region "$(curl -s -H "X-aws-ec2-metadata-token: $T" http://169.254.169.254/latest/meta-data'
            '/placement/region)"\n',
            set(),
        ),
        # after `--` no option is read; a computed value is split as scripts60b reads it; the machine's own Region
        ("E=$(cat /x)\nscp -- a 10.0.0.5:/b $E\n", set()),
        ('E="--region eu-central-1"\naws s3 ls $E\n', set()),
        (
            "E=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)\naws s3 ls --region eu-west-1 $E\n",
            set(),
        ),
    ],
)
def test_scripts61_an_uncomputed_value_spliced_into_options(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_scripts61_the_splice_is_written_for_the_command_reader() -> None:
    script = "O=$(cat /etc/o)\npsql -h 10.0.2.15 $O\n"
    opaque = {"O": ("$(cat /etc/o)",)}
    assert split_words_written(script, lambda _: {}, lambda _: opaque) == [
        (16, f"psql -h 10.0.2.15 {UNKNOWN_WORDS} '$(cat /etc/o)'")
    ]
    assert split_words_written(script, lambda _: {}) == []  # without the opaque values: as before
    assert split_words_written('psql -h 10.0.2.15 "$O"\n', lambda _: {}, lambda _: opaque) == []  # quoted
    read = hosts(f"psql -h 10.0.2.15 {UNKNOWN_WORDS} '$(cat /etc/o)' -d app")
    assert read == [("psql", "$(cat /etc/o)"), ("psql", "10.0.2.15")]
    assert hosts(f"psql {UNKNOWN_WORDS} '$(cat /etc/o)' -h 10.0.2.15") == [("psql", "10.0.2.15")]
    assert hosts(f"ssh -- 10.0.0.5 {UNKNOWN_WORDS} '$(cat /etc/o)'") == [("ssh", "10.0.0.5")]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a group's redirection is its read's input (bash(1) "Compound Commands", "Redirections")
        ('echo us-west-2 > /etc/r\n{ read -r -n 9 R; } < /etc/r\naws s3 ls --region "$R"\n', {"us-west-2"}),
        ('echo eu-west-1 > /etc/r\n{ read -r -n 9 R; } < /etc/r\naws s3 ls --region "$R"\n', set()),
        ('{ read -n 9 R; } < <(echo us-west-2)\naws s3 ls --region "$R"\n', {"us-west-2"}),
        # -s among grouped options (silent: nothing for a file)
        ('echo us-west-2 > /etc/r\nread -rsn9 R < /etc/r\naws s3 ls --region "$R"\n', {"us-west-2"}),
        ('echo eu-west-1 > /etc/r\nread -rsn9 R < /etc/r\naws s3 ls --region "$R"\n', set()),
        ('echo us-west-2 > /etc/r\nread -s -N 9 R < /etc/r\naws s3 ls --region "$R"\n', {"us-west-2"}),
        ('echo us-west-2 > /etc/r\nread -s R < /etc/r\naws s3 ls --region "$R"\n', {"us-west-2"}),
        ('echo eu-west-1 > /etc/r\nread -rs R < /etc/r\naws s3 ls --region "$R"\n', set()),
        # a counted read of a variable's here-string: the value's first N characters
        ('X=us-west-2\nread -r -n 9 R <<< "$X"\naws s3 ls --region "$R"\n', {"us-west-2"}),
        ('X=eu-west-1-dr\nread -r -n 9 R <<< "${X}"\naws s3 ls --region "$R"\n', set()),
        ('X=us-west-2\nread -N 9 R <<< $X\naws s3 ls --region "$R"\n', {"us-west-2"}),
    ],
)
def test_scripts61_read_forms(script: str, expected: set[str]) -> None:
    assert {v for r, _, v in findings(script, "EU", "aws") if r == "RES-009"} == expected
    assert {r for r, _, _ in findings(script, "EU", "aws")} <= {"RES-009"}


def test_scripts61_a_group_is_read_alone() -> None:
    # the rewriting keeps offsets, and a function's body with a redirection is no group of its own
    text = "{ read -n9 R; } < /etc/r\n"
    assert len(reads_as_assignments(text)) == len(text)
    assert reads_as_assignments("f() { read -n9 R; } < /etc/r\n") == "f() { read -n9 R; } < /etc/r\n"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # eval's word is read as the command it runs (bash(1) "eval")
        ('eval "RS=(eu-central-1 us-west-2)"\nfor R in "${RS[@]}"; do aws s3 ls --region "$R"; done\n', "us-west-2"),
        ('eval "RS=(eu-central-1 eu-west-1)"\nfor R in "${RS[@]}"; do aws s3 ls --region "$R"; done\n', None),
        ('i=1\neval "RS[$i]=us-west-2"\naws s3 ls --region "${RS[1]}"\n', "us-west-2"),
        ("eval 'declare -A M=([dr]=us-west-2)'\naws s3 ls --region \"${M[dr]}\"\n", "us-west-2"),
        # locale quoting without a catalogue is double quoting (bash(1) "Locale-Specific Translation")
        ('R=$"us-west-2"\naws s3 ls --region "$R"\n', "us-west-2"),
        ('R=$"us-"west-2\naws s3 ls --region "$R"\n', "us-west-2"),
        ('aws s3 ls --region $"eu-west-1"\n', None),
        # an unquoted backslash preserves the next character (quote removal)
        ('R=us-\\west-2\naws s3 ls --region "$R"\n', "us-west-2"),
        ('R=eu\\-west-1\naws s3 ls --region "$R"\n', None),
        # ${R:=word} assigns word's expansion: a substitution (computed, or the machine's own Region)
        (': "${R:=$(echo us-west-2)}"\naws s3 ls --region "$R"\n', "us-west-2"),
        (': "${R:=$(echo eu-central-1)}"\naws s3 ls --region "$R"\n', None),
        (
            ': "${R:=$(curl -s http://169.254.169.254/latest/meta-data/placement/region)}"\naws s3 ls --region "$R"\n',
            None,
        ),
        (': "${R:=us-west-2}"\naws s3 ls --region "$R"\n', "us-west-2"),
    ],
)
def test_scripts61_words_the_shell_rewrites(script: str, expected: str | None) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == ({("RES-009", expected)} if expected else set())


def test_scripts61_an_uncomputed_default_word_fails_closed() -> None:
    script = ': "${R:=$(cat /etc/fleet/region)}"\naws s3 ls --region "$R"\n'
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == {("RES-011", "$(cat /etc/fleet/region)")}


def test_scripts61_the_rewritten_forms() -> None:
    assert locale_quoted_written('R=$"a" "$" \\$"b" $$"c"') == 'R="a" "$" \\$"b" $$"c"'
    assert locale_quoted_written('echo "x $"') == 'echo "x $"'  # a `$` before a closing quote
    assert eval_arrays_written('eval "RS=(a b)"; x') == "      RS=(a b) ; x"
    assert eval_arrays_written('eval "RS=(a $(b))"') == "      RS=(a $(b)) "  # the expansion eval runs
    assert eval_arrays_written('eval "RS=(\\"a\\")"') == 'eval "RS=(\\"a\\")"'  # quotes eval reads again: left
    assert eval_arrays_written('eval "echo RS=(a)"') == 'eval "echo RS=(a)"'  # no assignment: left


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # "Arrays": an arithmetic subscript of variables holding literal numbers
        ('RS=(us-west-2 eu-central-1)\ni=0\naws s3 ls --region "${RS[i+1]}"\n', set()),
        ('RS=(eu-west-1 us-west-2)\ni=0\naws s3 ls --region "${RS[i+1]}"\n', {"us-west-2"}),
        ('RS=(us-west-2 eu-west-1)\nn=2\nR="${RS[$((n-1))]}"\naws s3 ls --region "$R"\n', set()),
        ('RS=(eu-west-1 us-west-2)\nn=2\naws s3 ls --region "${RS[$((n-1))]}"\n', {"us-west-2"}),
        # a variable the reader does not know as a number: every item, as before
        ('RS=(us-west-2 eu-west-1)\nn=$(cat /x)\naws s3 ls --region "${RS[$((n-1))]}"\n', {"us-west-2"}),
        # a key given by a command substitution: any element
        ('declare -A M\nM[$(hostname -s)]=us-west-2\nfor k in "${!M[@]}"; do aws s3 ls --region "${M[$k]}"; done\n',
         {"us-west-2"}),
        ('declare -A M\nM[$(hostname -s)]=eu-west-1\nfor k in "${!M[@]}"; do aws s3 ls --region "${M[$k]}"; done\n',
         set()),
    ],
)  # fmt: skip
def test_scripts61_subscripts_and_keys(script: str, expected: set[str]) -> None:
    assert {v for r, _, v in findings(script, "EU", "aws") if r == "RES-009"} == expected


@given(st.integers(0, 9), st.integers(0, 9), st.sampled_from("+-*"), st.booleans())
def test_scripts61_subscript_indexes_compute_as_bash(a: int, b: int, op: str, dollar: bool) -> None:
    subscript = f"$((i{op}{b}))" if dollar else f"i{op}{b}"
    total = {"+": a + b, "-": a - b, "*": a * b}[op]
    assert subscript_indexes(subscript, lambda name: (str(a),) if name == "i" else None) == (
        [total] if total >= 0 else None
    )
    assert subscript_indexes(subscript, lambda name: None) is None  # unknown: every item
    assert subscript_indexes(subscript, lambda name: ("x",)) is None


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a here-string's ANSI-C word of several lines: each line a record
        (f"{LOOP} <<< $'eu-central-1\\nus-west-2'\n", {("RES-009", "us-west-2")}),
        (f"{LOOP} <<< $'eu-central-1\\neu-west-1'\n", set()),
        ("mapfile -t RS <<< $'eu-west-1\\nus-west-2'\naws s3 ls --region \"${RS[1]}\"\n", {("RES-009", "us-west-2")}),
        ("read -r R <<< $'us-west-2\\n'\naws s3 ls --region \"$R\"\n", {("RES-009", "us-west-2")}),
        # a default's ANSI-C word inside double quotes (shopt extquote, on by default)
        ("aws s3 ls --region \"${R:-$'us\\x2dwest-2'}\"\n", {("RES-009", "us-west-2")}),
        ("R=\"${DR:-$'eu-west-1'}\"\naws s3 ls --region \"$R\"\n", set()),
        ("aws s3 ls --region \"${R:-$'us-west-2\\n'}\"\n", {("RES-011", f"${{R:-{UNREAD_ANSI_C}}}")}),
    ],
)  # fmt: skip
def test_scripts61_ansi_c_words_in_here_strings_and_defaults(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


# mutation62 (stop 62, mutation search round 33): stop 61's readings spelled another way. On main 2519f654 each
# offending case below passed every door.
_MUTATION62_COPY = ["ec2", "copy-snapshot", "--source-region", "eu-west-1", "--source-snapshot-id", "snap-1"]
_MUTATION62_ECR = "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
_MUTATION62_CP = "aws ec2 copy-snapshot --source-snapshot-id snap-1"


@pytest.mark.parametrize(
    ("image", "region", "expected"),
    [
        # an ECR pull-through cache keeps the upstream path under its prefix (ECR Public, Docker Hub)
        (f"{_MUTATION62_ECR}/ecr-public/aws-cli/aws-cli:2.17.0", "us-west-2", [("RES-009", "us-west-2")]),
        (f"{_MUTATION62_ECR}/docker-hub/amazon/aws-cli:2.17.0", "us-west-2", [("RES-009", "us-west-2")]),
        ("mirror.gcr.io/amazon/aws-cli:2.17.0", "us-west-2", [("RES-009", "us-west-2")]),
        ("registry.internal:5000/amazon/aws-cli@sha256:" + "0" * 64, "us-west-2", [("RES-009", "us-west-2")]),
        (f"{_MUTATION62_ECR}/ecr-public/aws-cli/aws-cli:2.17.0", "eu-central-1", []),
        # another image ending so by name only is no copy (`my-aws-cli`), and a bare `aws-cli` is not recognised
        (f"{_MUTATION62_ECR}/tools/my-aws-cli:1", "us-west-2", []),
        (f"{_MUTATION62_ECR}/aws-cli:2.17.0", "us-west-2", []),
    ],
)
def test_mutation62_a_copy_of_the_cli_image_runs_aws(image: str, region: str, expected: list[tuple[str, str]]) -> None:
    container = {"name": "copy", "image": image, "command": [*_MUTATION62_COPY, "--region", region]}
    assert _ecs61_task(container) == expected
    words = " ".join([*_MUTATION62_COPY, "--region", region])
    assert {(r, v) for r, _, v in findings(f"docker run --rm {image} {words}\n", "EU", "aws")} == set(expected)


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("amazon/aws-cli", "aws"),
        ("docker.io/amazon/aws-cli:2.17.0", "aws"),
        ("public.ecr.aws/aws-cli/aws-cli:2.17.0", "aws"),
        (f"{_MUTATION62_ECR}/ecr-public/aws-cli/aws-cli", "aws"),
        ("index.docker.io/amazon/aws-cli:latest", "aws"),
        ("amazon/aws-cli-v1", None),
        ("aws-cli/aws-cli", None),  # the listed one is under public.ecr.aws: its repository path alone is no copy
        ("postgres:16", None),
    ],
)
def test_mutation62_image_entrypoint(image: str, expected: str | None) -> None:
    entrypoints = {"amazon/aws-cli": "aws", "public.ecr.aws/aws-cli/aws-cli": "aws"}
    assert image_entrypoint(entrypoints, image) == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a backquoted substitution no reader computes, spliced unquoted after the option: as its $(...) twin
        (
            f"EXTRA=`cat /etc/fleet/extra`\n{_MUTATION62_CP} --region eu-west-1 $EXTRA",
            {("RES-011", "$(cat /etc/fleet/extra)")},
        ),
        (
            f"EXTRA=$(cat /etc/fleet/extra)\n{_MUTATION62_CP} --region eu-west-1 $EXTRA",
            {("RES-011", "$(cat /etc/fleet/extra)")},
        ),
        ("O=`< /etc/fleet/pgopts`\npsql -h 10.0.5.12 -U app $O -c 'select 1'", {("RES-015", "$(< /etc/fleet/pgopts)")}),
        # the option written after the splice decides; quoted, one word; a one-word command prints no option
        (f"EXTRA=`cat /etc/fleet/extra`\n{_MUTATION62_CP} $EXTRA --region eu-west-1", set()),
        ('O=`cat /etc/fleet/pgopts`\npsql -h 10.0.5.12 -U app -d "$O" -c \'select 1\'', set()),
        ("T=`mktemp`\naws s3 cp /var/log/boot.log s3://fleet-logs-eu/boot.log --region eu-west-1 $T", set()),
    ],
)  # fmt: skip
def test_mutation62_a_backquoted_value_spliced_into_options(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{script}\n", "EU", "aws") if r != "RES-017"} == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a URL's host given by a backquoted substitution: computed by the one evaluator, or unknown (RES-015)
        ("curl -sS https://`echo api.partner.example.com`/x", {("RES-015", "api.partner.example.com")}),
        ("echo api.partner.example.com > /h\ncurl https://`cat /h`/x", {("RES-015", "api.partner.example.com")}),
        ("curl -sS https://`cat /etc/h`/x", {("RES-015", "`cat /etc/h`")}),
        ('curl -sS "https://`cat /etc/h`:8443/x"', {("RES-015", "`cat /etc/h`")}),
        # the VPC's collector, computed or written by the script
        ("curl -sS https://`echo 10.0.3.20`/x", set()),
        ("echo 10.0.3.20 > /etc/h\ncurl -sS https://`cat /etc/h`/v1/logs", set()),
    ],
)  # fmt: skip
def test_mutation62_a_url_host_in_backquotes(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{script}\n", "EU", "aws")} == expected


_MUTATION62_OTEL = (
    "mkdir -p /etc/fleet/otel\ncat > /etc/fleet/otel/config.yaml <<'EOF'\n"
    "exporters:\n  datadog:\n    api:\n      site: {site}\nservice:\n  pipelines:\n    traces:\n"
    "      receivers: [otlp]\n      exporters: [datadog]\nEOF\n"
)


@pytest.mark.parametrize(
    ("run", "site", "expected"),
    [
        # the Collector's configuration URI, `file:` then the path (the Configuration page)
        ("otelcol-contrib --config=file:/etc/fleet/otel/config.yaml &", "datadoghq.com", {"RES-015"}),
        ("otelcol-contrib --config file:/etc/fleet/otel/config.yaml &", "datadoghq.com", {"RES-015"}),
        ("/usr/bin/otelcol --config='file:/etc/fleet/otel/config.yaml' &", "datadoghq.com", {"RES-015"}),
        ("otelcol-contrib --config=/etc/fleet/otel/config.yaml &", "datadoghq.com", {"RES-015"}),  # as before
        # the VPC's Datadog proxy; another file; another tool's option with the scheme (vector reads no URI)
        ("otelcol-contrib --config=file:/etc/fleet/otel/config.yaml &", "10.0.3.20", set()),
        ("otelcol-contrib --config=file:/etc/fleet/otel/other.yaml &", "datadoghq.com", set()),
        ("vector --config=file:/etc/fleet/otel/config.yaml &", "datadoghq.com", set()),
    ],
)
def test_mutation62_the_collectors_config_uri(run: str, site: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\n{_MUTATION62_OTEL.format(site=site)}{run}\n"
    assert {r for r, _, _ in findings(script, "EU", "aws")} == expected


# scripts62 (stop 62): splices and overrides, read and eval forms (docs/residency.md, *Scripts and user data, round 18*)
_COPY62 = "aws ec2 copy-snapshot --source-snapshot-id snap-1 --source-region eu-west-1"
_LOGS62 = "aws logs put-retention-policy --log-group-name /a --retention-in-days 30"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a value no reader computes spliced after a flag taking no value: the splice's words may set --region
        (f"X=$(cat /etc/x)\n{_COPY62} --region eu-west-1 --no-cli-pager $X\n", {("RES-011", "$(cat /etc/x)")}),
        (f"X=$(cat /etc/x)\n{_LOGS62} --region eu-west-1 --dry-run $X\n", {("RES-011", "$(cat /etc/x)")}),
        (f"X=$(cat /etc/x)\n{_LOGS62} --region eu-west-1 --no-dry-run $X\n", {("RES-011", "$(cat /etc/x)")}),
        # the Region written after the splice overrides it (argparse: the last occurrence counts)
        (f"X=$(cat /etc/x)\n{_COPY62} --no-cli-pager $X --region eu-west-1\n", set()),
        # a long option the CLI does not list as a flag still takes the splice as its value (scripts61's decision)
        ("Z=$(cat /etc/az)\naws ec2 create-subnet --vpc-id vpc-1 --region eu-west-1 --availability-zone $Z\n", set()),
    ],
)  # fmt: skip
def test_scripts62_a_splice_after_a_flag_taking_no_value(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('O="--region=us-west-2"\naws s3 ls "$O"\n', {("RES-009", "us-west-2")}),
        ('O="--region=us-west-2"\naws s3 ls ${O}\n', {("RES-009", "us-west-2")}),
        ('O="--region=eu-west-1"\naws s3 ls "$O"\n', set()),
        ('O="-hdb.partner.example.com"\npsql "$O" -d app\n', {("RES-015", "db.partner.example.com")}),
        ('O="-h10.0.2.15"\npsql "$O" -d app\n', set()),
        # one quoted word holding a blank is no option to argparse (an operand): not read as --region
        ('O="--region us-west-2"\naws s3 ls "$O"\n', set()),
        # a quoted variable inside a longer word is not a whole word
        ('O="--region=us-west-2"\naws s3 ls "x$O"\n', set()),
    ],
)  # fmt: skip
def test_scripts62_an_option_word_held_by_a_variable(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a group of several reads redirected from one file: each read its line
        (f"printf '%s\\n' eu-west-1 us-west-2 > /etc/r\n{{ read -r A; read -r B; }} < /etc/r\n"
         f'{_LOGS62} --region "$B"\n', {("RES-009", "us-west-2")}),
        (f"printf '%s\\n' us-west-2 eu-west-1 > /etc/r\n{{ read -r A; read -r B; }} < /etc/r\n"
         f'{_LOGS62} --region "$B"\n', set()),
        (f"printf '%s\\n' eu-west-1 eu-central-1 > /etc/r\n{{ read -r A; read -r B; }} < /etc/r\n"
         f'{_LOGS62} --region "$A"\n{_LOGS62} --region "$B"\n', set()),
        # a command that may read the input before a read: the whole file (fail closed)
        (f"printf '%s\\n' us-west-2 eu-west-1 > /etc/r\n{{ sed -n 1p; read -r B; }} < /etc/r\n"
         f'{_LOGS62} --region "$B"\n', {("RES-009", "us-west-2")}),
        (f"echo us-west-2 > /etc/r\n{{ read -r A; echo done; }} < /etc/r\n{_LOGS62} --region \"$A\"\n",
         {("RES-009", "us-west-2")}),
        # a file the script does not write: unknown at the destination
        (f"{{ read -r SRC; read -r DR; }} < /etc/fleet/regions\n{_LOGS62} --region \"$DR\"\n",
         {("RES-011", "$(</etc/fleet/regions)")}),
        # a counted here-string of text around a variable
        (f'N=2\nread -r -n 9 R <<< "us-west-$N"\n{_LOGS62} --region "$R"\n', {("RES-009", "us-west-2")}),
        (f'N=1\nread -r -n 9 R <<< "eu-west-$N"\n{_LOGS62} --region "$R"\n', set()),
        (f'N=2\nread -n 9 R <<< "us-west-${{N}}-dr"\n{_LOGS62} --region "$R"\n', {("RES-009", "us-west-2")}),
        (f'N=2\nread -r -N 9 R <<< "us-west-$N"\n{_LOGS62} --region "$R"\n', {("RES-009", "us-west-2")}),
        # a name too long for the written assignments to fit: unknown (fail closed)
        (f'N=2\nread -r -n 9 DR_REGION <<< "us-west-$N"\n{_LOGS62} --region "$DR_REGION"\n',
         {("RES-011", '$(cut -c-9<<<"us-west-$N")')}),
    ],
)  # fmt: skip
def test_scripts62_read_forms(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_scripts62_the_rewritten_reads() -> None:
    group = "{ read -r A; read -r B; } < /etc/r"
    written = reads_as_assignments(f"printf '%s\\n' eu-west-1 us-west-2 > /etc/r\n{group}\n")
    assert written.splitlines()[1] == "A=eu-west-1;B=us-west-2".ljust(len(group))
    here = 'read -r -n 9 R <<< "us-west-$N"'
    assert reads_as_assignments(here) == "R=us-west-$N;R=${R:0:9}".ljust(len(here))
    # a read of another form in the group: left as written
    other = "{ read -r -a A; read -r B; } < /etc/r"
    assert reads_as_assignments(other) == other


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a process substitution's command is a command of its own
        ('R=us-west-2\nwhile read -r s; do echo "$s"; done < <(aws ec2 describe-snapshots --region "$R")\n',
         {("RES-009", "us-west-2")}),
        ('R=eu-west-1\nwhile read -r s; do echo "$s"; done < <(aws ec2 describe-snapshots --region "$R")\n', set()),
        ("diff <(aws s3 ls --region us-west-2) <(aws s3 ls --region eu-west-1)\n", {("RES-009", "us-west-2")}),
        ('R=$(cat /etc/r)\ncat <(aws ec2 describe-snapshots --region "$R")\n', {("RES-011", "$(cat /etc/r)")}),
        # an element assigned by an arithmetic subscript
        (f'i=0\nRS[i]=eu-west-1\nRS[i+1]=us-west-2\nfor R in "${{RS[@]}}"; do {_LOGS62} --region "$R"; done\n',
         {("RES-009", "us-west-2")}),
        (f'i=0\nRS[i]=eu-west-1\nRS[i+1]=eu-central-1\nfor R in "${{RS[@]}}"; do {_LOGS62} --region "$R"; done\n',
         set()),
        (f'RS[0+1]=us-west-2\n{_LOGS62} --region "${{RS[1]}}"\n', {("RES-009", "us-west-2")}),
        (f'RS[0+1]=us-west-2\nRS[0]=eu-west-1\n{_LOGS62} --region "${{RS[0]}}"\n', set()),
    ],
)  # fmt: skip
def test_scripts62_process_substitutions_and_arithmetic_elements(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_scripts62_a_process_substitution_splits_its_commands() -> None:
    from components.residency.scripts import _simple_commands

    words = ["done", "<", "<(", "aws", "s3", "ls", "--region", "us-west-2", ")"]
    assert [c.words for c in _simple_commands(words)] == [["done"], ["aws", "s3", "ls", "--region", "us-west-2"]]
    assert hosts("cat <(aws s3 ls --region us-west-2)\n") == [("aws", "us-west-2")]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # decided: a variable the script never assigns, inside a word, is what bash gives in user data's environment
        # (empty: `us-west-`, which names no Region and the CLI refuses), as the literal is; under `set -u` the
        # script stops at the line (nothing runs); assigned, its value is judged
        (f'{_LOGS62} --region "us-west-$N"\n', set()),
        (f'set -u\n{_LOGS62} --region "us-west-$N"\n', set()),
        (f"{_LOGS62} --region us-west-\n", set()),
        (f'N=2\n{_LOGS62} --region "us-west-$N"\n', {("RES-009", "us-west-2")}),
        (f'N=$(cat /etc/n)\n{_LOGS62} --region "us-west-$N"\n', {("RES-011", "us-west-$(cat /etc/n)")}),
    ],
)  # fmt: skip
def test_scripts62_an_unset_variable_inside_a_word(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def _written62(path: str, body: str, run: str) -> str:
    return f"#!/bin/bash\nmkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n{run}\n"


_OTEL62 = (
    "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: 0.0.0.0:4317\n"
    "exporters:\n{}service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [{}]\n"
)
_TELEGRAF62 = '[agent]\n  interval = "10s"\n\n[[inputs.cpu]]\n\n{}'
_ALLOY62 = 'otelcol.receiver.otlp "default" {{\n  grpc {{\n    endpoint = "0.0.0.0:4317"\n  }}\n}}\n\n{}'


# agents62 (stop 62): a block's default, judged as if written (catalogue `document_defaults` with `block`): the
# OpenTelemetry Collector's Datadog exporter's `api.site` (US1), Telegraf's Datadog output's `url`, Alloy's Datadog
# exporter's `api.site`; and Alloy's written `api { site = ... }` by its block. On main 2519f654 each RES-015 below
# passed every door.
@pytest.mark.parametrize(
    ("path", "body", "run", "expected"),
    [
        # the Collector: no site, an empty one, a named exporter
        ("/etc/otelcol-contrib/config.yaml", _OTEL62.format("  datadog:\n    api:\n      key: ${env:DD_API_KEY}\n",
         "datadog"), "systemctl restart otelcol-contrib", {("RES-015", "datadoghq.com")}),
        ("/etc/otelcol/config.yaml", _OTEL62.format("  datadog/prod:\n    api:\n      key: k\n      site: ''\n",
         "datadog/prod"), "systemctl restart otelcol", {("RES-015", "datadoghq.com")}),
        ("/etc/fleet/collector.yaml", _OTEL62.format("  datadog:\n    api:\n      key: k\n", "datadog"),
         "otelcol-contrib --config /etc/fleet/collector.yaml &", {("RES-015", "datadoghq.com")}),
        # the site written: judged as written, no default beside it
        ("/etc/otelcol-contrib/config.yaml", _OTEL62.format("  datadog:\n    api:\n      key: k\n"
         "      site: datadoghq.eu\n", "datadog"), "systemctl restart otelcol-contrib", {("RES-015", "datadoghq.eu")}),
        # no Datadog exporter; a Datadog receiver (it listens); the VPC's OTLP collector
        ("/etc/otelcol-contrib/config.yaml", _OTEL62.format("  otlp:\n    endpoint: 10.0.3.20:4317\n", "otlp"),
         "systemctl restart otelcol-contrib", set()),
        ("/etc/otelcol-contrib/config.yaml", "receivers:\n  datadog:\n    endpoint: 0.0.0.0:8126\n"
         + _OTEL62.format("  otlp:\n    endpoint: 10.0.3.20:4317\n", "otlp").partition("\n")[2].partition(
         "        endpoint: 0.0.0.0:4317\n")[2], "systemctl restart otelcol-contrib", set()),
        # Telegraf: no url, the VPC's proxy, another output, the url written before a sub-table
        ("/etc/telegraf/telegraf.conf", _TELEGRAF62.format('[[outputs.datadog]]\n  apikey = "k"\n'),
         "systemctl restart telegraf", {("RES-015", "app.datadoghq.com")}),
        ("/etc/telegraf/telegraf.d/datadog.conf", '[[outputs.datadog]]\n  apikey = "k"\n  url = ""\n',
         "systemctl restart telegraf", {("RES-015", "app.datadoghq.com")}),
        ("/etc/telegraf/telegraf.conf", _TELEGRAF62.format(
         '[[outputs.datadog]]\n  apikey = "k"\n  url = "http://10.0.3.20:3834/api/v1/series"\n'
         '  [outputs.datadog.tagpass]\n    env = ["prod"]\n'), "systemctl restart telegraf", set()),
        ("/etc/telegraf/telegraf.conf", _TELEGRAF62.format(
         '[[outputs.influxdb_v2]]\n  urls = ["http://10.0.3.20:8086"]\n  bucket = "metrics"\n'),
         "systemctl restart telegraf", set()),
        # Alloy: the site written, none, another block's `site`, the home proxy's endpoints written (the default stays:
        # its host metadata goes to the site)
        ("/etc/alloy/config.alloy", _ALLOY62.format('otelcol.exporter.datadog "dd" {\n  api {\n    api_key = "k"\n'
         '    site    = "datadoghq.com"\n  }\n}\n'), "systemctl restart alloy", {("RES-015", "datadoghq.com")}),
        ("/etc/alloy/config.alloy", _ALLOY62.format('otelcol.exporter.datadog "dd" {\n  api {\n'
         '    api_key = sys.env("DD_API_KEY")\n  }\n}\n'), "systemctl restart alloy", {("RES-015", "datadoghq.com")}),
        ("/etc/alloy/config.alloy", _ALLOY62.format('otelcol.exporter.otlp "dc" {\n  client {\n'
         '    endpoint = "10.0.3.20:4317"\n  }\n}\nlocal.file "site" {\n  site = "dc1"\n  filename = "/etc/site"\n'
         '}\n'), "systemctl restart alloy", set()),
    ],
)  # fmt: skip
def test_agents62_a_blocks_default_is_judged_as_written(
    path: str, body: str, run: str, expected: set[tuple[str, str]]
) -> None:
    assert {(r, v) for r, _, v in findings(_written62(path, body, run), "EU", "aws")} == expected


# agents62: the default is given to each Telegraf Datadog table that writes no `url`, wherever it stands among the
# file's other tables (TOML's `[[array of tables]]`), and to none when each writes one.
@given(
    st.lists(st.sampled_from(["inputs.cpu", "inputs.mem", "outputs.file", "outputs.datadog"]), min_size=1, max_size=6),
    st.booleans(),
)
@settings(max_examples=25, deadline=None)
def test_agents62_telegrafs_datadog_tables_anywhere(tables: list[str], with_url: bool) -> None:
    url = '  url = "http://10.0.3.20:3834/api/v1/series"\n' if with_url else ""
    body = "".join(
        f'[[{t}]]\n  apikey = "k"\n{url}' if t == "outputs.datadog" else f'[[{t}]]\n  files = ["stdout"]\n'
        for t in tables
    )
    found = {(r, v) for r, _, v in findings(_written62("/etc/telegraf/telegraf.conf", body, "telegraf &"), "EU", "aws")}
    refused = "outputs.datadog" in tables and not with_url
    assert found == ({("RES-015", "app.datadoghq.com")} if refused else set())


# agents62: the Logtail / LoongCollector installer's Region argument (`install <region>[-internet|-acceleration]`),
# the Region of the SLS Project the agent sends to; `auto` the machine's own. `bash FILE ARGS` runs FILE. On main
# 2519f654 each RES-009 below passed every door.
@pytest.mark.parametrize(
    ("code", "cloud", "line", "expected"),
    [
        ("EU", "aws", "./logtail.sh install cn-hangzhou-internet", {("RES-009", "cn-hangzhou")}),
        ("CN", "alicloud", "sh logtail.sh install ap-southeast-1", {("RES-009", "ap-southeast-1")}),
        ("CN", "alicloud", "sudo bash /tmp/loongcollector.sh install us-west-1-acceleration -v 3.2.6",
         {("RES-009", "us-west-1")}),
        ("CN", "alicloud", "bash -x ./logtail.sh install-local ap-southeast-1-internet",
         {("RES-009", "ap-southeast-1")}),
        ("CN", "alicloud", "bash -c './logtail.sh install ap-southeast-1'", {("RES-009", "ap-southeast-1")}),
        ("CN", "alicloud", "./logtail.sh install cn-shanghai", set()),
        ("CN", "alicloud", "sudo ./loongcollector.sh install cn-hangzhou -v 3.2.6", set()),
        ("CN", "alicloud", "./logtail.sh install auto", set()),
        ("EU", "aws", "bash logtail.sh install eu-central-1-internet", set()),
        ("CN", "alicloud", "./loongcollector.sh upgrade", set()),
        ("CN", "alicloud", "bash /opt/fleet/setup.sh install fleet-web", set()),
    ],
)  # fmt: skip
def test_agents62_the_installers_region(code: str, cloud: Cloud, line: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{line}\n", code, cloud)} == expected


_CLOUD_CONFIG62 = (
    "#cloud-config\nwrite_files:\n  - path: /etc/otelcol-contrib/config.yaml\n    content: |\n      exporters:\n"
    "        datadog:\n          api:\n            key: k\n{}      service:\n        pipelines:\n          traces:\n"
    "            exporters: [datadog]\nruncmd:\n  - systemctl restart otelcol-contrib\n"
)


# agents62: a cloud-config's written Collector file gets the block's default as a script's does (_by_written_names)
@pytest.mark.parametrize(
    ("site", "expected"),
    [
        ("", {("RES-015", "datadoghq.com")}),
        ("            site: datadoghq.eu\n", {("RES-015", "datadoghq.eu")}),
    ],
)
def test_agents62_a_cloud_configs_collector_file(site: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(_CLOUD_CONFIG62.format(site), "EU", "aws")} == expected


# k8s62 (stop 62): a Kubernetes manifest a script applies is read by its containers (service_names.manifest_containers,
# container_forms `kubernetes`), each as the `docker run` line it is: an exec-form `command` / `args` naming a Region
# abroad or a partner's host, a multi-line `sh -c` script in `args`, a CronJob's or a List's pod template, the Agent's
# DD_SITE from a ConfigMap. Each offending script passed every door on main 2519f654 (each YAML item read alone).
def _k8s62_job(container: str, kind: str = "Job") -> str:
    spec = "      containers:\n" + "".join(f"        {line}\n" for line in container.strip("\n").split("\n"))
    if kind == "CronJob":
        return (
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: j\nspec:\n  schedule: '0 2 * * *'\n"
            "  jobTemplate:\n    spec:\n      template:\n        spec:\n"
            + "".join(f"      {line}\n" for line in spec.rstrip("\n").split("\n"))
        )
    return f"apiVersion: batch/v1\nkind: {kind}\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n{spec}"


_K8S62_CLI = "public.ecr.aws/aws-cli/aws-cli:2.17.0"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # kubectl apply -f - with a here-document: args after the AWS CLI image's `aws` entrypoint
        ("kubectl apply -f - <<'EOF'\n"
         + _k8s62_job(f'- name: c\n  image: {_K8S62_CLI}\n  args: ["s3", "ls", "--region", "R"]') + "EOF\n",
         "RES-009"),
        # a file written then applied; command in block form
        ("cat > /opt/j.yaml <<'EOF'\n"
         + _k8s62_job("- name: c\n  image: postgres:16\n  command:\n    - pg_dump\n    - --host\n    - H\n    - orders")
         + "EOF\nkubectl apply -f /opt/j.yaml\n", "RES-015"),
        # a CronJob's pod template, `command: [aws]` and args
        ("kubectl apply -f - <<'EOF'\n"
         + _k8s62_job(f'- name: c\n  image: {_K8S62_CLI}\n  command: ["aws"]\n  args: ["ssm", "get-parameter", '
                      '"--name", "/x", "--region", "R"]', kind="CronJob") + "EOF\n", "RES-009"),
        # a shell's multi-line script in args
        ("kubectl apply -f - <<'EOF'\n"
         + _k8s62_job(f'- name: c\n  image: {_K8S62_CLI}\n  command: ["/bin/sh", "-c"]\n  args:\n    - |\n'
                      "      set -e\n      aws s3 ls \\\n        --region R\n") + "EOF\n", "RES-009"),
    ],
)  # fmt: skip
def test_k8s62_a_manifests_container_is_its_docker_run_line(script: str, expected: str) -> None:
    home = script.replace("--region R", "--region eu-central-1").replace('"R"]', '"eu-central-1"]')
    home = home.replace("- H\n", "- 10.0.5.12\n")
    away = script.replace("--region R", "--region us-west-2").replace('"R"]', '"us-west-2"]')
    away = away.replace("- H\n", "- db.partner-analytics.com\n")
    assert findings(home, "EU", "aws") == []
    assert {rule for rule, _, _ in findings(away, "EU", "aws")} == {expected}
    assert any("(manifest@" in path for _, path, _ in findings(away, "EU", "aws"))


def test_k8s62_a_manifests_site_from_a_config_map_is_unknown() -> None:
    """The Agent's DaemonSet with DD_SITE from a ConfigMap: RES-015 by the reference's text (ecs61's reading counted
    it set: passed every door); declared by that text, and with DD_SITE written, it passes."""
    env = "  env:\n    - name: DD_SITE\n      valueFrom:\n        configMapKeyRef: {name: dd, key: site}\n"
    script = (
        "kubectl apply -f - <<'EOF'\n" + _k8s62_job("- name: a\n  image: gcr.io/datadoghq/agent:7\n" + env) + "EOF\n"
    )
    assert [(r, v) for r, _, v in findings(script, "EU", "aws")] == [("RES-015", "configMapKeyRef:dd/site")]
    declared = parse_destinations(
        [{"id": "dd", "kind": "resident", "match": "configMapKeyRef:dd/site", "evidence": "EU1 site in the map"}]
    )
    token = "aws:ec2/instance:Instance"
    subject = Subject(token, "vm", {"user_data": script}, provider("EU", "aws"))
    assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]] == ["dd"]


def test_k8s62_a_manifest_without_containers_costs_two_substring_tests() -> None:
    """A script holding no ``kind`` or no container list reads no manifest (the gate), and a Compose file's
    ``image`` / ``command`` is no Kubernetes container (no ``kind``)."""
    from components.residency.service_names import manifest_containers

    lists = load_endpoints().container_forms["kubernetes"].manifest_lists
    assert manifest_containers("docker run -d image: x", lists) == ([], [])
    compose = "cat > /opt/compose.yaml <<'EOF'\nservices:\n  c:\n    image: x\n    command: [psql, -h, H]\nEOF\n"
    assert manifest_containers(compose, lists) == ([], [])


# falsealarm62 (stop 62): a function choosing its output by a command that prints (the instance metadata's Region
# lookup) or a fallback echo, a condition that prints, an array echoed (`echo "${RS[@]}"`, `printf '%s\n'`, a loop over
# it), a predicate function as a branch's test (bash(1) "Lists", "Arrays", "Shell Functions"): each was RES-011 with
# the Region at home (a false alarm) and RES-011 abroad (a wrong rule); now the home Region passes and the one abroad
# is RES-009. The last two were a leak (the double-quoted substitution cut at its inner quotes: passed every door).
_M62 = "http://169.254.169.254/latest"


@pytest.mark.parametrize(
    "script",
    [
        'f() {{ curl -sf --max-time 2 {M}/meta-data/placement/region || echo {r}; }}\n{P} "$(f)"',
        'f() {{\n  local token\n  token=$(curl -sf -X PUT "{M}/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 9")'
        "\n"
        '  curl -sf -H "X-aws-ec2-metadata-token: $token" {M}/meta-data/placement/region || echo "{r}"\n}}\n{P} "$(f)"',
        'f() {{ if curl -sf {M}/meta-data/placement/region; then return 0; fi; echo {r}; }}\n{P} "$(f)"',
        'RS=(eu-west-1 {r})\nf() {{ echo "${{RS[@]}}"; }}\nfor x in $(f); do {P} "$x"; done',
        'RS=(eu-west-1 {r})\nf() {{ printf \'%s\\n\' "${{RS[@]}}"; }}\nfor x in $(f); do {P} "$x"; done',
        'RS=(eu-west-1 {r})\nf() {{ for r in "${{RS[@]}}"; do echo "$r"; done; }}\nfor x in $(f); do {P} "$x"; done',
        "standby() {{ [ -f /etc/fleet/standby ]; }}\nf() {{ standby && {{ echo {r}; return 0; }}; echo eu-west-1; }}\n"
        '{P} "$(f)"',
        "is_dr() {{\n  [[ -f /a ]] || grep -q '^dr$' /etc/role 2>/dev/null\n}}\n"
        'f() {{\n  if is_dr; then\n    echo {r}\n  else\n    echo eu-west-1\n  fi\n}}\n{P} "$(f)"',
        'T=abc\n{P} "$(curl -sf -H "X-aws-ec2-metadata-token: $T" {M}/meta-data/placement/region || echo "{r}")"',
    ],
)
def test_falsealarm62_function_outputs(script: str) -> None:
    for region, expected in (("eu-central-1", []), ("us-east-1", ["RES-009"])):
        text = f"#!/bin/bash\n{script.format(P=_R61, r=region, M=_M62)}\n"
        assert sorted({f[0] for f in findings(text, "EU", "aws")}) == expected, (region, text)


# the EC2 User Guide's own way to set the CLI's Region from IMDSv2 (`aws configure set region "$(curl -H "...: $TOKEN"
# .../placement/region)"`): its last word was read as `<IMDS>/...)`, RES-011 at home
def test_falsealarm62_configure_set_region_from_the_metadata() -> None:
    token = f'TOKEN=$(curl -sS -X PUT "{_M62}/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\n'
    lookup = f'curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" {_M62}/meta-data/placement/region'
    line = f'aws configure set region "$({lookup})"'
    assert findings(f"#!/bin/bash\n{token}{line}\naws sqs list-queues\n", "EU", "aws") == []
    abroad = findings(f"#!/bin/bash\n{token}{line}\naws configure set profile.dr.region us-west-2\n", "EU", "aws")
    assert {(rule, value) for rule, _, value in abroad} == {("RES-009", "us-west-2")}


# what the readers cannot prove stays unknown (RES-011 with the Region at home): a command whose standard error only is
# dropped still prints (`2>/dev/null`: was read as silent, the function's fallback alone judged: a leak), a file the
# script does not write, a double-quoted substitution holding a quoted blank (was cut at its inner quote: passed every
# door), an array the script does not set, a predicate that prints, a `while read` loop, two lookups of a URL
@pytest.mark.parametrize(
    "script",
    [
        'f() {{ cat /etc/fleet/region 2>/dev/null || echo eu-west-1; }}\n{P} "$(f)"',
        'f() {{ logger -t x hi; cat /etc/fleet/region 2>/dev/null; echo eu-west-1; }}\n{P} "$(f)"',
        'f() {{ cat /etc/fleet/region || echo eu-west-1; }}\n{P} "$(f)"',
        '{P} "$(cat "/etc/fleet/a b")"',
        '{P} "$(cat "/etc/fleet/a b" || echo eu-west-1)"',
        'f() {{ echo "${{RS[@]}}"; }}\n{P} "$(f)"',
        'p() {{ echo checking; [ -f /a ]; }}\nf() {{ p && echo eu-west-1; }}\n{P} "$(f)"',
        'f() {{ while read -r r; do echo "$r"; done < /etc/regions; }}\n{P} "$(f)"',
        'f() {{ curl -sf https://cfg.internal/region || curl -sf https://cfg2.internal/region; }}\n{P} "$(f)"',
    ],
)
def test_falsealarm62_unknowns_fail_closed(script: str) -> None:
    text = f"#!/bin/bash\n{script.format(P=_R61)}\n"
    assert "RES-011" in {f[0] for f in findings(text, "EU", "aws")}, text


# the ways of a body holding commands that print (scripts._branch_paths)
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("curl -sf http://x/r || echo a", [["curl -sf http://x/r"], ["curl -sf http://x/r", "echo a"]]),
        ('local t\nt=$(curl -X PUT http://x/t)\ncurl -H "T: $t" http://x/r', [['curl -H "T: $t" http://x/r']] * 2),
        (
            "if curl -s http://x/r; then return 0; fi; echo a",
            [["curl -s http://x/r"], ["curl -s http://x/r", "echo a"]],
        ),
        ("cat /a 2>/dev/null || echo a", None),
        ("for r in a; do break; done", None),
        ("while read -r r; do echo $r; done < /a", None),
    ],
)
def test_falsealarm62_branch_paths(body: str, expected: list[list[str]] | None) -> None:
    from components.residency.scripts import _branch_paths

    got = _branch_paths(body)
    assert (sorted(got) if got is not None else None) == (sorted(expected) if expected is not None else None)


# a double-quoted substitution is one word whatever it quotes inside (bash(1) "Command Substitution": "all characters
# between the parentheses make up the command"); hypothesis over a header's text with blanks and colons
@given(st.from_regex(r"[A-Za-z0-9-]{1,12}(: ?[A-Za-z0-9 $]{0,12})?", fullmatch=True))
def test_falsealarm62_a_double_quoted_substitution_is_one_word(header: str) -> None:
    from components.residency.scripts import _words

    substitution = f'$(curl -sf -H "{header}" http://169.254.169.254/latest/meta-data/placement/region)'
    assert _words(f'aws configure set region "{substitution}"') == ["aws", "configure", "set", "region", substitution]


# perf62 (stop 62): `_assigned_values` records each variable's values on the lines that assign it and looks a line's
# values up there, where it made a dictionary of every variable for every line (quadratic in variables x lines: 1.2 s
# of CPU for a 2,000-line script of 1,000 variables, 18 s for 8,000 lines). The values each line gives are the same:
# a plain assignment's line as the variable holds after it, another line's the values before and after its
# assignments, a repeated block's every value assigned anywhere, iterated in the order first assigned; these cases
# pass on main 2519f654 too (the behaviour pinned, never the time).
def _perf62_script(lines: int, host: str = "10.0.4.5", region: str = "eu-central-1") -> str:
    """A user-data script of ``lines`` lines: every other line assigns a new variable (a private host, a Region),
    the others use one (``aws --region`` in an ``if``, ``curl`` to the host); variable 4 holds ``host``, 9 ``region``.
    """
    out = ["#!/bin/bash", "set -e"]
    i = 0
    while len(out) < lines:
        if i % 4 == 0:
            out.append(f'H{i}="{host if i == 4 else f"10.{i // 250 % 250}.{i % 250}.5"}"')
        elif i % 4 == 1:
            out.append(f"R{i}={region if i == 9 else 'eu-central-1'}")
        elif i % 4 == 2:
            out.append(f'if [ -n "$X" ]; then aws ec2 describe-instances --region "$R{i - 1}"; fi')
        else:
            out.append(f'curl -s "http://$H{i - 3}:8080/health" -o /tmp/o{i}')
        i += 1
    return "\n".join(out) + "\n"


def test_perf62_each_line_s_values_as_the_dictionary_per_line_gave_them() -> None:
    from components.residency.engine import _assigned_values

    script = (
        "A=one\n"  # 0: a plain assignment: what A holds after it
        'echo "$A"; B=two\n'  # 1: beside another command: before and after
        "if [ -f /x ]; then A=three; fi\n"  # 2: in a branch: adds a value
        "A=four\n"  # 3: replaces
        "f() {\n  A=five\n}\n"  # 4-6: a function's body: every value assigned anywhere
        'curl "https://$A/"\n'  # 7: after the function: its value is never replaced
        "C=$(aws configure get region)\n"  # 8: held apart (opaque), not a literal
        "aws s3 ls --region $C\n"  # 9
    )
    values = _assigned_values(script)
    lines = [dict(values.lines[i]) for i in range(len(values.lines))]
    assert lines[:4] == [
        {"A": ("one",)},
        {"A": ("one",), "B": ("two",)},
        {"A": ("one", "three"), "B": ("two",)},
        {"A": ("four",), "B": ("two",)},
    ]
    assert lines[5] == {"A": ("one", "three", "four", "five"), "B": ("two",)}
    assert lines[7] == {"A": ("four", "five"), "B": ("two",)} == lines[9]
    assert list(values.at(script.index("aws s3"))) == ["A", "B"]  # C holds no literal: only a destination reads it
    assert values.opaque_at(script.index("aws s3")) == {"C": ("$(aws configure get region)",)}
    assert values.at_destination(script.index("aws s3"))["C"] == ("$(aws configure get region)",)
    assert values.at(len(script) + 10) == values.lines[-1] and "Z" not in values.at(0)


@pytest.mark.parametrize("size", [40, 600])
def test_perf62_a_long_script_of_many_variables_judged_alike(size: int) -> None:
    from components.residency.engine import _assigned_values

    script = _perf62_script(size)
    at_end = _assigned_values(script).at(len(script) - 1)
    names = [n for n in (f"{k}{i}" for i in range(size) for k in "HR") if f"\n{n}=" in script]
    assert list(at_end) == names and len(at_end) == len(names) > 10
    assert at_end["H4"] == ("10.0.4.5",) and at_end["R9"] == ("eu-central-1",)
    assert findings(script, "EU", "aws") == []
    assert findings(_perf62_script(size, "db.partner.example.com", "us-west-2"), "EU", "aws") == [
        ("RES-009", "user_data(base64).aws", "us-west-2"),
        ("RES-015", "user_data(base64)", "db.partner.example.com"),
    ]


# the lead (stop 62): a wrapper passing "$@" on (`retry() { until "$@"; do sleep 2; done; }`) called inside a `for`
# loop with the loop's variable (`retry aws ... --region "$r"`): the call's words were written out after the script's
# end, where `r` holds nothing, and a Region abroad passed every door (falsealarm62's open finding); each loop word is
# now written in its place. A loop over an expansion is left as written (still open).
_RETRY = 'retry() { until "$@"; do sleep 2; done; }\n'


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_RETRY + 'for r in eu-west-1 us-west-2; do retry aws sqs list-queues --region "$r"; done\n', {"us-west-2"}),
        (_RETRY + 'for r in eu-west-1 eu-central-1; do retry aws sqs list-queues --region "$r"; done\n', set()),
        ('run() { "$@"; }\nfor r in us-west-2; do run aws sqs list-queues --region "${r}"; done\n', {"us-west-2"}),
        (
            'retry() {\n  local n=0\n  until "$@"; do n=$((n+1)); sleep 2; done\n}\n'
            'for r in eu-west-1 us-west-2\ndo\n  retry aws sqs list-queues --region "$r"\ndone\n',
            {"us-west-2"},
        ),
        (_RETRY + 'for r in us-west-2; do echo "$r"; done\nretry aws sqs list-queues --region eu-west-1\n', set()),
        (_RETRY + 'R="eu-west-1 eu-central-1"\nfor r in $R; do retry aws sqs list-queues --region "$r"; done\n', set()),
    ],
)
def test_lead62_a_wrapper_called_in_a_loop_gets_each_loop_word(script: str, expected: set[str]) -> None:
    got = findings(script, "EU", "aws")
    assert {v for r, _, v in got if r == "RES-009"} == expected
    assert not expected or {r for r, _, _ in got} == {"RES-009"}


# the lead (stop 62): a manifest's run of YAML lines beyond the document bounds is refused by the container reader
# (RES-025 at its place), as the readers of names leave it out: both read the runs through one helper
# (service_names._marked_documents); k8s62 pinned no such case.
def test_lead62_a_manifest_beyond_the_bounds_is_refused() -> None:
    deep = "x: " + "[" * 120 + "]" * 120
    script = (
        "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n"
        f"  - name: c\n    image: amazon/aws-cli\n    args: [s3, ls, --region, eu-central-1]\n  {deep}\nEOF\n"
    )
    assert findings(script, "EU", "aws") == [("RES-025", "user_data(base64)(manifest@27)", "(manifest@27)")]


# the lead (stop 62): an Alloy block opened and closed on one line with one setting (`api { site = "datadoghq.eu" }`)
# holds that setting: agents62 read it as a line, so the exporter's block was given the default US1 site (RES-015
# datadoghq.com beside the written site: a false alarm once the EU site is declared)
@pytest.mark.parametrize(
    ("api", "expected"),
    [
        ('  api { site = "datadoghq.eu" }\n', {("RES-015", "datadoghq.eu")}),
        ('  api { api_key = sys.env("DD_API_KEY") }\n', {("RES-015", "datadoghq.com")}),
        ('  api { site = "us5.datadoghq.com" } // the US5 site\n', {("RES-015", "us5.datadoghq.com")}),
    ],
)
def test_lead62_an_alloy_block_on_one_line_holds_its_setting(api: str, expected: set[tuple[str, str]]) -> None:
    body = _ALLOY62.format(f'otelcol.exporter.datadog "dd" {{\n{api}}}\n')
    found = findings(_written62("/etc/alloy/config.alloy", body, "systemctl restart alloy"), "EU", "aws")
    assert {(r, v) for r, _, v in found} == expected


# -- scripts63 (stop 63): the Agent's site on a docker run line, flag groups, wrappers in loops over expansions, inline
# splices, substituted URL hosts (docs/residency.md, "Scripts and user data, round 19 (stop 63)")

_H63 = "#!/bin/bash\nset -euo pipefail\n"
_AGENT63 = "docker run -d --name dd-agent -e DD_API_KEY=$K {env}gcr.io/datadoghq/agent:7\n"


# bash(1): "-c If the -c option is present, then commands are read from the first non-option argument"; one-letter
# options combine (`-ec`); the line was unread (each offending case passed every door on 86a0559b)
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("bash -ec 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("sh -xc 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("sudo -u ec2-user bash -euxc 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("bash -o pipefail -ec 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("su -lc 'aws sqs list-queues --region us-west-2' ec2-user", {("RES-009", "us-west-2")}),
        ("bash -ec 'aws sqs list-queues --region eu-central-1'", set()),
        ("bash -c 'aws sqs list-queues --region eu-central-1'", set()),
        ("bash -ex /opt/fleet/boot.sh eu-central-1", set()),
    ],
)
def test_scripts63_a_line_option_in_a_group_of_flags(line: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"{_H63}{line}\n", "EU", "aws")} == expected


@given(st.text(alphabet="abdefhiklmnopqrstuvwxyzABEHP", min_size=1, max_size=5))
def test_scripts63_a_group_of_flags_is_the_line_option_only_ending_with_its_letter(flags: str) -> None:
    spec = COMMANDS["bash"]
    assert is_line_option(f"-{flags}c", spec)
    assert not is_line_option(f"-{flags}", spec)
    assert not is_line_option(f"--{flags}c", spec)


# docker run -e NAME passes the shell's value (Docker "Set environment variables"; docker/cli#1780: one not exported
# reaches the container empty); the Agent's DD_SITE given by a value no reader computes is RES-015, none given is the
# default US1 site (each offending case passed every door on 86a0559b, but the literal ones)
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("S=$(cat /etc/dd_site)\n{}", {("RES-015", "$(cat /etc/dd_site)")}),
        ("S=$(cat /etc/dd_site)\n" + _AGENT63.format(env='-e "DD_SITE=$S" '), {("RES-015", "$(cat /etc/dd_site)")}),
        (_AGENT63.format(env="-e DD_SITE=$(cat /etc/dd_site) "), {("RES-015", "$(cat /etc/dd_site)")}),
        ("export DD_SITE=`cat /etc/dd_site`\n" + _AGENT63.format(env="-e DD_SITE "),
         {("RES-015", "`cat /etc/dd_site`")}),
        (_AGENT63.format(env="-e DD_SITE "), {("RES-015", "datadoghq.com")}),
        (_AGENT63.format(env="--env DD_SITE=$SITE "), {("RES-015", "datadoghq.com")}),
        ("DD_SITE=datadoghq.eu\n" + _AGENT63.format(env="-e DD_SITE "),
         {("RES-015", "datadoghq.eu"), ("RES-015", "datadoghq.com")}),  # not exported: the container's is empty
        ("export DD_SITE=datadoghq.eu\n" + _AGENT63.format(env="-e DD_SITE "), {("RES-015", "datadoghq.eu")}),
        ("set -a\nDD_SITE=datadoghq.eu\n" + _AGENT63.format(env="-e DD_SITE "), {("RES-015", "datadoghq.eu")}),
        ("S=datadoghq.eu\n" + _AGENT63.format(env='-e DD_SITE="$S" '), {("RES-015", "datadoghq.eu")}),
        ("U=$(cat /etc/dd_url)\n" + _AGENT63.format(env="--env DD_DD_URL=$U -e DD_SITE=datadoghq.eu "),
         {("RES-015", "$(cat /etc/dd_url)"), ("RES-015", "datadoghq.eu")}),
    ],
)  # fmt: skip
def test_scripts63_an_agent_site_on_a_docker_run_line(lines: str, expected: set[tuple[str, str]]) -> None:
    script = _H63 + lines.replace("{}", _AGENT63.format(env='-e DD_SITE="$S" '))
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_scripts63_an_agent_site_on_a_continued_docker_run_line() -> None:
    run = 'docker run -d \\\n  -e DD_API_KEY="$K" \\\n  -e DD_SITE="$S" \\\n  public.ecr.aws/datadog/agent:7\n'
    assert findings(f"{_H63}S=$(cat /etc/dd_site)\n{run}", "EU", "aws") == [
        ("RES-015", "user_data(base64)(docker run).DD_SITE", "$(cat /etc/dd_site)")
    ]
    assert {r for r, _, _ in findings(f"{_H63}S=datadoghq.eu\n{run}", "EU", "aws")} == {"RES-015"}  # the EU site


# a wrapper called inside a loop over an expansion or a while read: the words the engine's loop readers compute
# (for_loop_words / while_read_words), an uncomputed value as written (RES-011), a variable never set none
@pytest.mark.parametrize(
    ("loop", "expected"),
    [
        ('T="eu-west-1 us-west-2"\nfor r in $T; do retry aws sqs list-queues --region "$r"; done\n',
         {("RES-009", "us-west-2")}),
        ('T="eu-west-1 eu-central-1"\nfor r in $T; do retry aws sqs list-queues --region "$r"; done\n', set()),
        ("T=$(cat /etc/t)\nfor r in $T; do retry aws sqs list-queues --region \"$r\"; done\n",
         {("RES-011", "$(cat /etc/t)")}),
        ('RS=(eu-west-1 us-west-2)\nfor r in "${RS[@]}"; do retry aws sqs list-queues --region "$r"; done\n',
         {("RES-009", "us-west-2")}),
        ('T="$(cat /etc/t) eu-west-1"\nfor r in $T; do retry aws sqs list-queues --region "$r"; done\n',
         {("RES-011", "$(loop words the reader does not compute)")}),
        # scripts64: the read as the assignment the engine reads (`T=$(< FILE)`): RES-011 by the file's substitution
        ('read -r T < /etc/t\nfor r in $T; do retry aws sqs list-queues --region "$r"; done\n',
         {("RES-011", "$(</etc/t)")}),
        ('T="$A eu-west-1"\nfor r in $T; do retry aws sqs list-queues --region "$r"; done\n', set()),  # A: empty
        ('for r in $NEVER_SET; do retry aws sqs list-queues --region "$r"; done\n', set()),
        ('while read -r r; do retry aws sqs list-queues --region "$r"; done <<EOF\neu-west-1\nus-west-2\nEOF\n',
         {("RES-009", "us-west-2")}),
        ('while read -r r; do retry aws sqs list-queues --region "$r"; done <<EOF\neu-west-1\neu-central-1\nEOF\n',
         set()),
        ("printf '%s\\n' eu-west-1 us-west-2 > /etc/r\nwhile read -r r; do\n  retry aws sqs list-queues --region "
         '"$r"\ndone < /etc/r\n', {("RES-009", "us-west-2")}),
    ],
)  # fmt: skip
def test_scripts63_a_wrapper_called_in_a_loop_over_an_expansion(loop: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(_H63 + _RETRY + loop, "EU", "aws")} == expected


# bash(1) "Word Splitting": an unquoted command substitution's output is split into words, options among them
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("aws sqs list-queues --region eu-west-1 $(cat /etc/extra)", {("RES-011", "$(cat /etc/extra)")}),
        ("aws sqs list-queues --region eu-west-1 `cat /etc/extra`", {("RES-011", "$(cat /etc/extra)")}),
        ("aws sqs list-queues $(cat /etc/extra) --region eu-west-1", set()),
        ('aws sqs list-queues --region eu-west-1 "$(cat /etc/extra)"', set()),  # one word: an operand (scripts61)
        ("aws sqs list-queues --region eu-west-1 $(echo --no-paginate)", set()),  # computed: no Region in it
        ("aws sqs list-queues --region eu-west-1 --queue-name-prefix $(cat /etc/prefix)", set()),  # an option's value
        ("aws s3 cp $(mktemp) s3://fleet-eu-west-1-logs/x --region eu-west-1", set()),  # one_word_commands
    ],
)
def test_scripts63_a_substitution_spliced_inline(line: str, expected: set[tuple[str, str]]) -> None:
    found = findings(f"{_H63}{line}\n", "EU", "aws")
    assert {(r, v) for r, _, v in found if r != "RES-017"} == expected


def test_scripts63_split_words_written_splices_an_uncomputed_substitution() -> None:
    line = "psql -h 10.0.2.15 $(cat /etc/db.opts) -c 'select 1'"
    written = split_words_written(line, lambda _: {}, None, lambda w: w == "$(cat /etc/db.opts)")
    assert written == [(0, f"psql -h 10.0.2.15 {UNKNOWN_WORDS} '$(cat /etc/db.opts)' -c 'select 1'")]
    assert split_words_written(line, lambda _: {}, None, lambda _: False) == []
    assert split_words_written("X=$(cat /etc/db.opts) psql -h 10.0.2.15", lambda _: {}, None, lambda _: True) == []


# a URL host whose first label is a substitution no reader computes before a fixed domain: a placeholder under that
# domain, as the variable's twin (`T=$(cat ...)`, `https://$T.partner.example.com/`) is
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://$(cat /etc/tenant).partner.example.com/v1/hook", {"RES-015"}),
        ("https://`cat /etc/tenant`.partner.example.com/v1/hook", {"RES-015"}),
        ("https://$(cat /etc/api_id).execute-api.eu-west-1.amazonaws.com/prod/x", set()),
        ("https://$(cat /etc/api_id).execute-api.us-west-2.amazonaws.com/prod/x", {"RES-006"}),
        ("https://$(echo abc123).execute-api.eu-west-1.amazonaws.com/prod/x", set()),  # computed: as written out
    ],
)
def test_scripts63_a_url_host_under_a_fixed_domain_given_by_a_substitution(url: str, expected: set[str]) -> None:
    assert {r for r, _, _ in findings(f"{_H63}curl -sf -X POST -d @f {url}\n", "EU", "aws")} == expected


# k8s63 (stop 63): a Compose service whose `entrypoint` is `[]` or `''` clears the image's entrypoint (Compose file
# reference, services, entrypoint: "If the value is `null`, the default entrypoint from the image is used. If the value
# is `[]` (empty list) or `''` (empty string), the default entrypoint declared by the image is ignored"): its command is
# read from its first word. The AWS CLI image's `aws` was put before `["/bin/sh", "-c", "aws ... --region R"]`, so the
# shell's script was an `aws` operand and passed every door in EU.
@pytest.mark.parametrize(
    ("entrypoint", "expected"),
    [
        ([], "/bin/sh -c 'aws s3 ls --region R'"),
        ("", "/bin/sh -c 'aws s3 ls --region R'"),
        (None, "aws /bin/sh -c 'aws s3 ls --region R'"),  # null: the image's entrypoint (as before)
    ],
)
def test_k8s63_compose_entrypoint_cleared(entrypoint: object, expected: str) -> None:
    spec = COMMANDS["docker"].subcommands["run"]
    service = {"image": "amazon/aws-cli:2.22.0", "entrypoint": entrypoint,
               "command": ["/bin/sh", "-c", "aws s3 ls --region R"]}  # fmt: skip
    assert compose_commands({"services": {"a": service}}, "services", spec) == [("a", expected)]
    absent = {k: v for k, v in service.items() if k != "entrypoint"}
    assert compose_commands({"services": {"a": absent}}, "services", spec) == [
        ("a", "aws /bin/sh -c 'aws s3 ls --region R'")
    ]


@pytest.mark.parametrize("entrypoint", ["[]", "''", '""'])
def test_k8s63_compose_cleared_entrypoint_runs_its_shell(entrypoint: str) -> None:
    """The user data's Compose file: the home twin passes, the Region abroad is RES-009 (passed every door before)."""
    command = '["/bin/sh", "-c", "aws ssm put-parameter --name /x --value up --region R"]'
    service = f"    image: amazon/aws-cli:2.22.0\n    entrypoint: {entrypoint}\n    command: {command}\n"
    script = _compose56(service) + "docker compose -f /opt/fleet/compose.yaml up -d\n"
    assert findings(script.replace("region R", "region eu-central-1"), "EU", "aws") == []
    assert {(r, v) for r, _, v in findings(script.replace("region R", "region us-west-2"), "EU", "aws")} == {
        ("RES-009", "us-west-2")
    }


@given(
    st.lists(st.sampled_from(["psql", "-h", "H", "aws", "s3", "ls", "--region", "R", "a b", "'q'"]), max_size=6),
    st.sampled_from([[], "", None]),
)
@settings(max_examples=60, deadline=None)
def test_k8s63_compose_command_after_a_cleared_entrypoint_is_its_words(words: list[str], entrypoint: object) -> None:
    """An exec-form command after a cleared (or absent) entrypoint on an image with no catalogued entrypoint is its
    words as given: the line splits back to them."""
    spec = COMMANDS["docker"].subcommands["run"]
    service = {"image": "postgres:16", "entrypoint": entrypoint, "command": words}
    found = compose_commands({"services": {"a": service}}, "services", spec)
    assert [shlex.split(line) for _, line in found] == ([words] if words else [])


# k8s63 (stop 63): the Datadog chart a script installs with Helm (endpoints.yaml `helm`): its values as Helm merges
# them (the written values files, then --set, the last winning), each destination key judged as a host or a URL, a value
# no input shows RES-015 by its text, and the chart's default site where none is given. Each offending case passed every
# door before (`helm install ... datadog/datadog` was read as nothing; `helm.datadoghq.com` only as a URL's host).
_K8S63_CHART = "oci://123456789012.dkr.ecr.eu-central-1.amazonaws.com/charts/datadog"
_K8S63_HELM = f"helm upgrade --install dd {_K8S63_CHART} -n datadog --set datadog.apiKeyExistingSecret=s"
_K8S63_VALUES = "cat > /opt/v.yaml <<'EOF'\ndatadog:\n  logs:\n    enabled: true\n{site}EOF\n"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"{_K8S63_HELM}\n", [("RES-015", "datadoghq.com")]),
        (f"{_K8S63_HELM} --set datadog.site=datadoghq.com\n", [("RES-015", "datadoghq.com")]),
        (f"{_K8S63_HELM} --set datadog.dd_url=http://10.0.5.20:3834\n", []),
        (f"{_K8S63_HELM} --set datadog.dd_url=https://intake.partner-analytics.com\n",
         [("RES-015", "intake.partner-analytics.com"), ("RES-015", "intake.partner-analytics.com")]),
        (_K8S63_VALUES.format(site="") + f"{_K8S63_HELM} -f /opt/v.yaml\n", [("RES-015", "datadoghq.com")]),
        (_K8S63_VALUES.format(site="  dd_url: http://10.0.5.20:3834\n") + f"{_K8S63_HELM} -f /opt/v.yaml\n", []),
        # a site in the file beside the proxy: each given key is judged (the site still takes the Agent's other data)
        (_K8S63_VALUES.format(site="  site: datadoghq.com\n")
         + f"{_K8S63_HELM} --values=/opt/v.yaml --set datadog.dd_url=http://10.0.5.20:3834\n",
         [("RES-015", "datadoghq.com")]),
        (f"P=10.0.5.20\n{_K8S63_HELM} --set datadog.dd_url=http://$P:3834\n", []),
        (f"S=$(cat /etc/dd_site)\n{_K8S63_HELM} --set datadog.site=$S\n", [("RES-015", "$(cat /etc/dd_site)")]),
        (f"{_K8S63_HELM} -f /opt/fetched.yaml\n", [("RES-015", "/opt/fetched.yaml")]),
        (f"{_K8S63_HELM} --set-json 'datadog={{\"site\": \"x\"}}'\n",
         [("RES-015", '--set-json datadog={"site": "x"}')]),
        (f"{_K8S63_HELM} --reuse-values\n", [("RES-015", "--reuse-values")]),
        # another chart, another subcommand: nothing read
        (f"helm install ingress {_K8S63_CHART}-ingress -f /opt/fetched.yaml\n", []),
        (f"helm pull {_K8S63_CHART}\n", []),
    ],
)  # fmt: skip
def test_k8s63_a_helm_charts_values(script: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, v) for r, _, v in findings("#!/bin/bash\n" + script, "EU", "aws")] == expected


def test_k8s63_a_helm_charts_value_is_declared_by_its_text() -> None:
    """A site declared passes (the finding is coverable), as the same site under DD_SITE does."""
    declared = parse_destinations(
        [{"id": "dd", "kind": "resident", "match": "datadoghq.eu", "evidence": "Datadog EU1, our organisation"}]
    )
    script = f"#!/bin/bash\n{_K8S63_HELM} --set datadog.site=datadoghq.eu\n"
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("EU", "aws"))
    assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]] == ["dd"]


@given(
    st.lists(
        st.sampled_from([["-n", "ns"], ["--wait"], ["--set", "a=b,c=d"], ["-f", "v.yaml"], ["--version", "1.2.3"],
                         ["--set=datadog.site=x"], ["--atomic"], ["--kube-context", "prod"]]),
        max_size=5,
    ),
    st.sampled_from(["install rel", "upgrade --install rel", "template", "template rel"]),
    st.booleans(),
)  # fmt: skip
@settings(max_examples=80, deadline=None)
def test_k8s63_a_helm_charts_operand_is_its_last(options: list[list[str]], command: str, after: bool) -> None:
    """The chart is the last operand whatever options come before or after it (each value option skipping its
    value), and each --set pair is read."""
    from components.residency.scripts import helm_releases

    helm = load_endpoints().helm
    assert helm is not None
    words = [w for option in options for w in option]
    line = (
        f"helm {command} repo/chart {shlex.join(words)}" if after else f"helm {command} {shlex.join(words)} repo/chart"
    )
    found = helm_releases(line + "\n", helm)
    assert [r.chart for r in found] == ["repo/chart"]
    expected = [p for o in options if o[0].startswith("--set") for p in (o[1] if len(o) > 1 else o[0][6:]).split(",")]
    assert [f"{k}={v}" for k, v in found[0].sets] == expected


def test_k8s63_helm_values_the_last_given_wins() -> None:
    """Helm's merge: values files in order, then --set (an empty value is none: the chart's empty default)."""
    from components.residency.engine import _helm_values
    from components.residency.scripts import HelmRelease

    keys = {"datadog.site": "host"}
    release = HelmRelease(0, "datadog/datadog", [("datadog.site", "b")], ["/v.yaml", "/w.yaml"], [])
    files = {"/v.yaml": "datadog:\n  site: x\n", "/w.yaml": "datadog:\n  site: y\n"}
    assert _helm_values(keys, release, files) == ({"datadog.site": "b"}, [])
    assert _helm_values(keys, release._replace(sets=[]), files) == ({"datadog.site": "y"}, [])
    assert _helm_values(keys, release._replace(sets=[("datadog.site", " ")]), files) == ({"datadog.site": "y"}, [])
    assert _helm_values(keys, release._replace(files=["/u.yaml"], sets=[]), files) == ({}, ["/u.yaml"])


# -- falsealarm63 (stop 63): the account a registry's host is built from; the metadata the team writes ---------------

_IMDS63 = "http://169.254.169.254/latest"
_DOC63 = f"{_IMDS63}/dynamic/instance-identity/document"


# The ECR user guide's push (`<aws_account_id>.dkr.ecr.<region>.amazonaws.com`) with the account from STS or from the
# instance identity document: RES-015 before (the host unknown); the registry abroad stays refused by its Region, an
# account no reader computes stays RES-015.
@pytest.mark.parametrize(
    ("account", "region", "expected"),
    [
        ("$(aws sts get-caller-identity --query Account --output text)", "eu-central-1", set()),
        ('"$(aws sts get-caller-identity --output text --query \'Account\')"', "eu-central-1", set()),
        ("$(aws sts get-caller-identity --query=Account --output=text --no-cli-pager)", "eu-central-1", set()),
        ("$(aws sts get-caller-identity | jq -r .Account)", "eu-central-1", set()),
        (f"$(curl -s {_DOC63} | jq -r .accountId)", "eu-central-1", set()),
        (f"$(curl -s {_DOC63} | jq --raw-output '.accountId')", "eu-central-1", set()),
        ("$(aws sts get-caller-identity --query Account --output text)", "us-west-2", {"RES-006"}),
        (f"$(curl -s {_DOC63} | jq -r .accountId)", "us-west-2", {"RES-006"}),
        ("$(aws ssm get-parameter --name /a --query Parameter.Value --output text)", "eu-central-1", {"RES-015"}),
        ("$(aws sts get-caller-identity --query Account --output json)", "eu-central-1", {"RES-015"}),
        ("$(aws sts get-caller-identity --endpoint-url https://sts.partner.com --query Account --output text)",
         "eu-central-1", {"RES-015"}),
    ],
)  # fmt: skip
def test_falsealarm63_a_registry_host_from_the_caller_s_account(account: str, region: str, expected: set[str]) -> None:
    suffix = "amazonaws.com"
    script = (
        f"#!/bin/bash\nACCOUNT={account}\naws ecr get-login-password --region {region} | docker login --username AWS "
        f'--password-stdin "$ACCOUNT.dkr.ecr.{region}.{suffix}"\n'
    )
    got = {rule for rule, _, _ in findings(script, "EU", "aws")}
    assert got - {"RES-009"} == expected  # the login's own --region abroad is RES-009 beside the host's RES-006


@given(
    order=st.permutations(["--query Account", "--output text", "--region eu-central-1", "--profile ops"]),
    dropped=st.sampled_from(["", "--query Account", "--output text", "--region eu-central-1", "--profile ops"]),
    equals=st.booleans(),
)
@settings(max_examples=80, deadline=None)
def test_falsealarm63_the_caller_s_account_in_any_option_order(order: list[str], dropped: str, equals: bool) -> None:
    # the two options that make the output the account id are required, in any order, each `--name value` or
    # `--name=value`; the Region and the profile change which account, never what the output is
    options = [o.replace(" ", "=") if equals else o for o in order if o != dropped]
    got = substitution_values(f"$(aws sts get-caller-identity {' '.join(options)})", {}, {}, None)
    assert (got == ["${HOSTNAME}"]) == (dropped not in ("--query Account", "--output text"))


# The identity document held in a variable and read field by field: the machine's own value, its `.region` the
# instance's own Region (was the placeholder read as JSON: empty, `https://ssm..amazonaws.com` RES-015).
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('REGION=$(echo "$DOC" | jq -r .region)\ncurl -sf "https://ssm.$REGION.amazonaws.com/"', set()),
        ('REGION=$(jq -r .region <<< "$DOC")\naws sqs list-queues --region "$REGION"', set()),
        ('REGION=$(echo "$DOC" | grep region | cut -d\'"\' -f4)\naws sqs list-queues --region "$REGION"', set()),
        ('A=$(echo "$DOC" | jq -r .accountId)\ndocker pull "$A.dkr.ecr.eu-central-1.amazonaws.com/app:1"', set()),
        ('A=$(echo "$DOC" | jq -r .accountId)\ndocker pull "$A.dkr.ecr.us-west-2.amazonaws.com/app:1"', {"RES-006"}),
        ('IP=$(echo "$DOC" | jq -r .privateIp)\ncurl -s "https://$IP.partner.example.com/"', {"RES-015"}),
        ('H=$(echo "$DOC" | sed s/.*/x.partner.example.com/)\ncurl -s "https://$H/"', {"RES-015"}),
        ('curl -s -d "$DOC" https://intake.partner.example.com/', {"RES-015"}),
        ('REGION=$(echo "$DOC" | jq -r .region)\naws sqs list-queues --region us-west-2', {"RES-009"}),
    ],
)
def test_falsealarm63_the_identity_document_read_field_by_field(lines: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\nDOC=$(curl -s {_DOC63})\n{lines}\n"
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected


def test_falsealarm63_own_document_is_the_document_alone() -> None:
    assert own_document(f"$(curl -s {_DOC63})")
    assert own_document(f"`wget -qO- {_DOC63}`")
    assert not own_document(f"$(curl -s {_DOC63} | jq -r .region)")  # a field: read by the evaluator, not held
    assert not own_document(f"$(curl -s {_IMDS63}/meta-data/local-ipv4)")
    assert not own_document("$(curl -s https://example.com/dynamic/instance-identity/document)")


# The instance's tags and user data through the metadata service are texts the team writes: a Region or a host read
# from them is unknown (each passed every door before, as the machine's own); the machine's own items stay its own.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f'aws sqs list-queues --region "$(curl -s {_IMDS63}/meta-data/tags/instance/dr-region)"', {"RES-011"}),
        (f'aws sqs list-queues --region "$(curl -s {_IMDS63}/user-data | jq -r .region)"', {"RES-011"}),
        (f'curl -s "https://$(curl -s {_IMDS63}/user-data | head -1)/ingest"', {"RES-015"}),
        (f'curl -s "http://$(curl -s {_IMDS63}/meta-data/local-ipv4):8080/health"', set()),
        (f'aws sqs list-queues --region "$(curl -s {_IMDS63}/meta-data/placement/region)"', set()),
        (f'aws sqs list-queues --region "$(curl -s {_DOC63} | jq -r .region)"', set()),
    ],
)
def test_falsealarm63_metadata_the_team_writes_is_not_the_machine_s_own(line: str, expected: set[str]) -> None:
    assert {rule for rule, _, _ in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    "line",
    [
        'aliyun ecs DescribeImages --RegionId "$(curl -s http://100.100.100.200/latest/user-data | jq -r .region)"',
        'aliyun ecs DescribeImages --RegionId "$(curl -s http://100.100.100.200/latest/meta-data/tags/instance/dr)"',
    ],
)
def test_falsealarm63_ecs_metadata_the_team_writes_is_unknown(line: str) -> None:
    assert {rule for rule, _, _ in findings(f"#!/bin/bash\n{line}\n", "CN", "alicloud")} == {"RES-011"}


# A wrapper called in a loop over an array with the loop's variable: each item the array holds is written into the
# call (the twin abroad passed every door: the call's words are written after the script's end, where the loop's
# variable held nothing); an item the engine does not know is left out as before.
@pytest.mark.parametrize(
    ("items", "loop", "expected"),
    [
        ("eu-central-1 eu-west-1", '"${RS[@]}"', set()),
        ("eu-central-1 us-west-2", '"${RS[@]}"', {"RES-009"}),
        ("eu-central-1 us-west-2", "${RS[@]}", {"RES-009"}),
        ('eu-central-1 "$DR"', '"${RS[@]}"', set()),  # DR unset: the item holds nothing (as before)
        ("eu-central-1 us-west-2", '"${OTHER[@]}"', set()),  # the loop is over another array
    ],
)
def test_falsealarm63_a_wrapper_called_in_a_loop_over_an_array(items: str, loop: str, expected: set[str]) -> None:
    script = (
        f'#!/bin/bash\nretry() {{ until "$@"; do sleep 2; done; }}\nRS=({items})\nOTHER=(eu-central-1)\n'
        f'for r in {loop}; do\n  retry aws sqs list-queues --region "$r"\ndone\n'
    )
    assert {rule for rule, _, _ in findings(script, "EU", "aws")} == expected


# mutation63 (stop 63): stop 62's container readings spelled another way. Each offending script passed every door on
# main 86a0559b (the `$(NAME)` home case was RES-011 there: a false alarm): `kubectl create job` / `cronjob` /
# `deployment` (the words after `--` the container's command), a manifest's `env` values (judged on the container's
# line where no walk judges them), Kubernetes' `$(NAME)` references, a manifest on one line of JSON and one in a `<<-`
# here-document indented by tabs.
_M63_CLI = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/mirror/amazon/aws-cli:2.17.0"


def _m63_job(container: str) -> str:
    return "kubectl apply -f - <<'EOF'\n" + _k8s62_job(container) + "EOF\n"


@pytest.mark.parametrize(
    "script",
    [
        f"kubectl create job cp --image={_M63_CLI} -- aws ec2 copy-snapshot --source-region eu-west-1 --region @R@\n",
        f"kubectl -n ops create cronjob cp --image={_M63_CLI} --schedule='0 2 * * *' -- aws s3 ls --region @R@\n",
        f"kubectl create deployment cp --image={_M63_CLI} -- aws sqs list-queues --region=@R@\n",
        _m63_job(f"- name: c\n  image: {_M63_CLI}\n  env:\n  - name: AWS_REGION\n    value: @R@\n  args: [s3, ls]"),
        _m63_job(f"- name: c\n  image: {_M63_CLI}\n  env:\n  - {{name: AWS_DEFAULT_REGION, value: @R@}}\n"
                 "  args: [s3, ls]"),
        _m63_job(f"- name: c\n  image: {_M63_CLI}\n  env:\n  - name: T\n    value: @R@\n"
                 '  args: ["s3", "ls", "--region", "$(T)"]'),
        _m63_job(f'- name: c\n  image: {_M63_CLI}\n  command: ["aws"]\n  env:\n  - name: T\n    value: @R@\n'
                 '  args: ["s3", "ls", "--region=$(T)"]'),
        "kubectl apply -f - <<'EOF'\n" + json.dumps({"apiVersion": "batch/v1", "kind": "Job", "spec": {"template": {
            "spec": {"containers": [{"name": "c", "image": _M63_CLI, "args": ["s3", "ls", "--region", "@R@"]}]}}}})
        + "\nEOF\n",
        "f() {\n\tkubectl apply -f - <<-'EOF'\n"
        + "".join(f"\t{line}\n" for line in _k8s62_job(
            f"- name: c\n  image: {_M63_CLI}\n  args: [s3, ls, --region, @R@]").rstrip("\n").split("\n"))
        + "\tEOF\n}\nf\n",
    ],
)  # fmt: skip
def test_mutation63_a_containers_region_in_other_spellings(script: str) -> None:
    assert findings(script.replace("@R@", "eu-central-1"), "EU", "aws") == []
    away = findings(script.replace("@R@", "us-west-2"), "EU", "aws")
    assert {(r, v) for r, _, v in away} == {("RES-009", "us-west-2")}


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        # a literal site on the container's line: judged as the Agent's DD_SITE is on `docker run -e` (RES-015)
        ("- name: DD_SITE\n  value: datadoghq.com", [("RES-015", "datadoghq.com")]),
        ("- name: DD_SITE\n  value: collector.partner.example.com", [("RES-015", "collector.partner.example.com")]),
        # DD_SITE from a variable given by a ConfigMap: the ConfigMap's reference (as k8s62's valueFrom)
        ("- name: S\n  valueFrom:\n    configMapKeyRef: {name: dd, key: site}\n- name: DD_SITE\n  value: $(S)",
         [("RES-015", "configMapKeyRef:dd/site")]),
        # from a literal variable: that value
        ("- name: S\n  value: datadoghq.com\n- name: DD_SITE\n  value: $(S)", [("RES-015", "datadoghq.com")]),
        # `$$` escapes: the literal text `$(S)` is no site (the Agent's intake fails; nothing is sent)
        ("- name: S\n  value: datadoghq.com\n- name: DD_SITE\n  value: $$(S)", []),
    ],
)  # fmt: skip
def test_mutation63_the_agents_site_in_a_manifest(env: str, expected: list[tuple[str, str]]) -> None:
    script = _m63_job("- name: a\n  image: gcr.io/datadoghq/agent:7\n  env:\n" + "".join(
        f"  {line}\n" for line in env.split("\n")))  # fmt: skip
    assert [(r, v) for r, _, v in findings(script, "EU", "aws")] == expected


def test_mutation63_a_walked_manifests_values_are_judged_once() -> None:
    """A cloud-config's k3s manifest is walked as a document (each env value judged at its field): its container's
    line keeps `-e NAME` (one finding, at the walked field), as before."""
    job = _k8s62_job(
        f"- name: c\n  image: {_M63_CLI}\n  env:\n  - name: AWS_REGION\n    value: us-west-2\n  args: [s3, ls]"
    )
    head = "#cloud-config\nwrite_files:\n- path: /var/lib/rancher/k3s/server/manifests/j.yaml\n  content: |\n"
    script = head + "".join(f"    {line}\n" for line in job.rstrip("\n").split("\n"))
    found = findings(script, "EU", "aws")
    assert [(r, v) for r, _, v in found] == [("RES-009", "us-west-2")]
    assert found[0][1].endswith("env[0].value")


def test_mutation63_pins_left_as_they_were() -> None:
    """A Compose file is no manifest (no `kind`); an ECS task's variables keep `-e NAME` (walked at their fields);
    `kubectl create -f FILE` and `kubectl create secret` read no command; a `<<EOF` (no dash) body indented by tabs is
    no YAML to kubectl either (nothing applied: nothing read)."""
    assert findings("kubectl create secret generic dd --from-literal=site=us-west-2\n", "EU", "aws") == []
    assert findings(f"kubectl create job cp --image={_M63_CLI}\n", "EU", "aws") == []
    # kubectl's global flags after `create` (and its subcommand) are read as before (`-s`: RES-015 on main too)
    for line in (
        "kubectl create -f /opt/j.yaml -s db.partner.example.com:6443\n",
        f"kubectl create job cp --image={_M63_CLI} -s db.partner.example.com:6443 -- aws s3 ls\n",
    ):
        assert [(r, v) for r, _, v in findings(line, "EU", "aws")] == [("RES-015", "db.partner.example.com")]
    tabbed = "kubectl apply -f - <<'EOF'\n" + "".join(
        f"\t{line}\n" for line in _k8s62_job(f"- name: c\n  image: {_M63_CLI}\n  args: [s3, ls, --region, us-west-2]")
        .rstrip("\n").split("\n")) + "EOF\n"  # fmt: skip
    assert findings(tabbed, "EU", "aws") == []


@given(
    name=st.from_regex(r"[A-Z_][A-Z0-9_]{0,8}", fullmatch=True),
    value=st.from_regex(r"[a-z0-9.-]{1,20}", fullmatch=True),
    before=st.from_regex(r"[a-z -]{0,6}", fullmatch=True),
)
@settings(max_examples=60, deadline=None)
def test_mutation63_references_expanded_as_kubernetes_does(name: str, value: str, before: str) -> None:
    """Kubernetes' `$(NAME)`: a defined variable's value; an undefined one left as written; `$$` one `$` (an escaped
    reference never expanded); a reference's variable gives its reference, the text unchanged."""
    from components.residency.engine import _references_expanded

    assert _references_expanded(f"{before}$({name})", {name: (value, None)}) == (f"{before}{value}", None)
    assert _references_expanded(f"{before}$({name})", {}) == (f"{before}$({name})", None)
    assert _references_expanded(f"{before}$$({name})", {name: (value, None)}) == (f"{before}$({name})", None)
    assert _references_expanded(f"$({name})", {name: (None, {"ref": 1})}) == (f"$({name})", {"ref": 1})


# -- config63 (stop 63): configuration file grammars, round 14 ---------------------------------------------------------


def _written63(path: str, body: str, then: str = "") -> str:
    """A script writing ``body`` to ``path`` by a quoted here-document, then running ``then``."""
    return f"#!/bin/bash\nmkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n{then}\n"


def _vector63(sink: str, settings: str, *, toml: bool = False) -> str:
    if toml:
        body = f'[sinks.out]\ntype = "{sink}"\ninputs = ["app"]\ndefault_api_key = "x"\n{settings}'
        return _written63("/etc/vector/vector.toml", body, "systemctl restart vector")
    body = f"sinks:\n  out:\n    type: {sink}\n    inputs: [app]\n    default_api_key: x\n{settings}"
    return _written63("/etc/vector/vector.yaml", body, "systemctl restart vector")


# Vector's Datadog sinks: `site` is judged as a host, and its default (US1) where a Datadog sink writes neither `site`
# nor `endpoint` and the script sets no DD_SITE; another sink type gets no default, a file nobody runs sends nothing.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_vector63("datadog_logs", "    site: datadoghq.com\n"), {("RES-015", "datadoghq.com")}),
        (_vector63("datadog_logs", "    site: datadoghq.eu\n"), {("RES-015", "datadoghq.eu")}),
        (_vector63("datadog_logs", ""), {("RES-015", "datadoghq.com")}),
        (_vector63("datadog_metrics", "", toml=True), {("RES-015", "datadoghq.com")}),
        (_vector63("datadog_traces", 'site = "us5.datadoghq.com"\n', toml=True), {("RES-015", "us5.datadoghq.com")}),
        (_vector63("datadog_logs", "    site: ''\n"), {("RES-015", "datadoghq.com")}),  # empty: unset
        (_vector63("datadog_logs", "    endpoint: http://10.0.3.20:8282\n"), set()),
        (_vector63("http", "    uri: http://10.0.3.9:8080/ingest\n"), set()),
        ("export DD_SITE=datadoghq.com\n" + _vector63("datadog_logs", ""), {("RES-015", "datadoghq.com")}),
        (_vector63("datadog_logs", "").replace("systemctl restart vector", ""), set()),
    ],
)
def test_config63_vector_s_datadog_sinks_site(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_config63_vector_s_default_site_is_not_given_beside_a_written_one() -> None:
    found = findings(_vector63("datadog_logs", "    site: datadoghq.eu\n"), "EU", "aws")
    assert [p for _, p, _ in found] == ["user_data(base64)(heredoc:/etc/vector/vector.yaml)(yaml).sinks.out.host"]
    found = findings("export DD_SITE=10.0.3.20\n" + _vector63("datadog_logs", ""), "EU", "aws")
    assert found == []  # the variable names the site (a private proxy here): no default


def _cloud_id63(text: str, name: str = "fleet") -> str:
    return f"{name}:" + base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    ("cloud_id", "host"),
    [
        (_cloud_id63("us-east-1.aws.found.io$abc123$def456"), "abc123.us-east-1.aws.found.io"),
        (_cloud_id63("eu-west-1.aws.found.io:443$abc123$def456"), "abc123.eu-west-1.aws.found.io"),
        (_cloud_id63("europe-west3.gcp.cloud.es.io$e5$k5", ""), "e5.europe-west3.gcp.cloud.es.io"),
        ('"' + _cloud_id63("us-east-1.aws.found.io$abc$def") + '"', "abc.us-east-1.aws.found.io"),
        ("${ELASTIC_CLOUD_ID}", None),
        ("fleet:not base64!", None),
        (_cloud_id63("us-east-1.aws.found.io"), None),  # no cluster id
        (_cloud_id63("$abc$def"), None),  # no domain
    ],
)
def test_config63_an_elastic_cloud_id_names_its_cluster_s_host(cloud_id: str, host: str | None) -> None:
    from components.residency.references import elastic_cloud_host

    assert elastic_cloud_host(cloud_id) == host


@given(
    st.from_regex(r"[a-z]{2}-[a-z]{4,9}-[1-3]", fullmatch=True),
    st.from_regex(r"[0-9a-f]{32}", fullmatch=True),
    st.from_regex(r"[0-9a-f]{32}", fullmatch=True),
    st.sampled_from(["", ":443", ":9243"]),
    st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True),
)
def test_config63_an_elastic_cloud_id_round_trips(region: str, es: str, kb: str, port: str, name: str) -> None:
    from components.residency.references import elastic_cloud_host

    cloud_id = _cloud_id63(f"{region}.aws.found.io{port}${es}${kb}", name)
    assert elastic_cloud_host(cloud_id) == f"{es}.{region}.aws.found.io"


# Filebeat's cloud.id (flat, nested) is judged as the host it encodes; declared by that host it passes.
@pytest.mark.parametrize(
    "cloud",
    [
        'cloud.id: "{id}"\ncloud.auth: "w:${{PWD}}"\n',
        'cloud:\n  id: "{id}"\n  auth: "w:${{PWD}}"\n',
    ],
)
def test_config63_filebeat_s_cloud_id_is_its_cluster_s_host(cloud: str) -> None:
    cloud_id = _cloud_id63("us-east-1.aws.found.io$abc123$def456")
    body = "filebeat.inputs:\n- type: filestream\n  paths: [/var/log/*.log]\n" + cloud.format(id=cloud_id)
    script = _written63("/etc/filebeat/filebeat.yml", body, "systemctl restart filebeat")
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == {("RES-015", "abc123.us-east-1.aws.found.io")}
    declared = {"id": "ec", "kind": "resident", "match": "abc123.us-east-1.aws.found.io", "evidence": "contract"}
    assert _declared_findings63(script, "EU", [declared]) == []


def _declared_findings63(script: str, code: str, destinations: list[dict[str, Any]]) -> list[str]:
    payload = base64.b64encode(script.encode()).decode()
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": payload}, provider(code, "aws"))
    engine = RuleEngine(code, destinations=parse_destinations(destinations))
    return [f.rule.id for f in engine.check(subject)[0] if f.declared_by is None]


# The Collector's configuration URIs: a `yaml:` URI's settings and an `env:` variable's document are judged as the
# Collector's file; a variable with no value the script gives and an http(s) URI are unknown (RES-015 by the URI).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "otelcol-contrib --config='yaml:exporters::datadog::api::site: datadoghq.com' &",
            {("RES-015", "datadoghq.com")},
        ),
        ("/usr/bin/otelcol --config 'yaml:exporters::awsemf::region: us-east-1' &", {("RES-009", "us-east-1")}),
        ("otelcol-contrib --config='yaml:exporters::otlp::endpoint: 10.0.3.9:4317' &", set()),
        ("otelcol-contrib --config='yaml:exporters::awsemf::region: eu-west-1' &", set()),
        (
            "export OTEL_CONFIG='{exporters: {datadog: {api: {site: datadoghq.com}}}}'\n"
            "otelcol-contrib --config=env:OTEL_CONFIG &",
            {("RES-015", "datadoghq.com")},
        ),
        (
            "export OTEL_CONFIG='{exporters: {otlp: {endpoint: 10.0.3.9:4317}}}'\n"
            "otelcol-contrib --config=env:OTEL_CONFIG &",
            set(),
        ),
        (
            "OTEL_CONFIG=$(cat /opt/otel.yaml)\notelcol-contrib --config=env:OTEL_CONFIG &",
            {("RES-015", "env:OTEL_CONFIG")},
        ),
        (
            "otelcol-contrib --config=https://10.0.3.5/otel.yaml &",
            {("RES-015", "https://10.0.3.5/otel.yaml")},
        ),
        (
            "echo 'OTELCOL_OPTIONS=\"--config=http://10.0.3.5/c.yaml\"' > /etc/otelcol-contrib/otelcol-contrib.conf",
            {("RES-015", "http://10.0.3.5/c.yaml")},
        ),
        ("otelcol-contrib --config=/etc/otelcol-contrib/config.yaml &", set()),
        ("otelcol-contrib --config=file:/etc/otelcol-contrib/config.yaml &", set()),
    ],
)
def test_config63_the_collector_s_configuration_uris(line: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")} == expected


def test_config63_a_fetched_configuration_is_declared_by_its_uri() -> None:
    script = "#!/bin/bash\notelcol-contrib --config=https://10.0.3.5/otel.yaml &\n"
    declared = {"id": "cfg", "kind": "resident", "match": "https://10.0.3.5/otel.yaml", "evidence": "VPC server"}
    assert _declared_findings63(script, "EU", [declared]) == []
    assert _declared_findings63(script, "EU", []) == ["RES-015"]


# The Splunk forwarder's CLI names its indexer and its deployment server.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/opt/splunkforwarder/bin/splunk add forward-server idx.partner.example.com:9997 -auth admin:pw", True),
        ("sudo ./splunk set deploy-poll ds.partner.example.com:8089 -auth admin:pw", True),
        ("/opt/splunkforwarder/bin/splunk add forward-server 10.0.3.30:9997 -auth admin:pw", False),
        ("/opt/splunkforwarder/bin/splunk set deploy-poll 10.0.3.31:8089", False),
        ("/opt/splunkforwarder/bin/splunk add monitor /var/log/partner.example.com -auth admin:pw", False),
    ],
)
def test_config63_the_splunk_forwarder_s_servers(line: str, expected: bool) -> None:
    found = findings(f"#!/bin/bash\n{line}\n", "EU", "aws")
    assert (found != []) is expected
    assert all(r == "RES-015" for r, _, _ in found)


# A CIDR block under a host key is judged by its addresses: inside the network only when every address is.
@pytest.mark.parametrize(
    ("value", "judged"),
    [
        ("203.0.113.0/24", "203.0.113.0"),
        ("0.0.0.0/0", "255.255.255.255"),
        ("10.0.0.0/7", "11.255.255.255"),
        ("2001:db8::/32", "2001:db8::"),
        ("10.0.40.0/24", None),
        ("192.168.0.0/16", None),
        ("fd00::/8", None),
        ("127.0.0.0/8", None),
    ],
)
def test_config63_a_cidr_block_under_a_host_key(value: str, judged: str | None) -> None:
    script = _written63("/etc/fleet/app.yaml", f"DB_HOST: {value}\n")
    found = findings(script, "EU", "aws")
    assert found == (
        [] if judged is None else [("RES-015", "user_data(base64)(heredoc:/etc/fleet/app.yaml)(yaml).DB_HOST", judged)]
    )


@given(st.integers(min_value=8, max_value=32), st.integers(min_value=0, max_value=2**24 - 1))
def test_config63_a_private_block_is_inside_the_network(prefix: int, offset: int) -> None:
    import ipaddress

    from components.residency.references import is_private_address, network_host

    net = ipaddress.ip_network((int(ipaddress.IPv4Address("10.0.0.0")) + offset, prefix), strict=False)
    judged = network_host(str(net))
    assert judged is not None and is_private_address(judged)
    public = ipaddress.ip_network((int(ipaddress.IPv4Address("198.18.0.0")) + offset, prefix), strict=False)
    assert not is_private_address(network_host(str(public)) or "")


# (alired64, stop 64) An E-HPC job template's command line (script_fields `alicloud:ehpc/jobTemplate:JobTemplate`
# `command_line`) is read as a command line: a Region option abroad is RES-009 (it passed every door before), at home
# it passes; a variable set on the line reaches the option as in user data.
@pytest.mark.parametrize(
    ("code", "region", "expected"),
    [("CN", "cn-shanghai", set()), ("CN", "ap-southeast-1", {"RES-009"}), ("JP", "ap-northeast-1", set()),
     ("JP", "cn-hangzhou", {"RES-009"}), ("DE", "eu-central-1", set()), ("DE", "ap-southeast-1", {"RES-009"})],
)  # fmt: skip
def test_alired64_an_ehpc_job_template_s_command_line_is_a_script(code: str, region: str, expected: set[str]) -> None:
    def rules(line: str) -> set[str]:
        subject = Subject("alicloud:ehpc/jobTemplate:JobTemplate", "job",
                          {"job_template_name": "sim", "command_line": line}, provider(code, "alicloud"))  # fmt: skip
        return {f.rule.id for f in engine.check(subject)[0]}

    engine = ENGINES.get(code) or RuleEngine(code)
    run = "/opt/fleet/bin/route-sim --out /home/fleet/out && "
    assert rules(f"{run}aliyun ecs DescribeInstances --region {region}") == expected
    assert rules(f"R={region}; {run}aliyun ecs DescribeInstances --region $R") == expected
    # The same words under another type's field are text, not a command line (nothing read there before either).
    text = {"description": f"aliyun ecs DescribeInstances --region {region}"}
    other = Subject("alicloud:ecs/instance:Instance", "vm", text, provider(code, "alicloud"))
    assert {f.rule.id for f in engine.check(other)[0]} == set()


# k8s64 (stop 64): a Compose service of the Agent's image whose environment gives DD_SITE only an interpolation of a
# variable nothing sets (Compose "Interpolation": an unresolved variable is an empty string, so the Agent's default US1
# site), judged as the default; a set variable, a default value, a required one (`:?`) and a proxy are not.
_K8S64_AGENT = "gcr.io/datadoghq/agent:7"
_K8S64_COMPOSE = (
    "{before}cat > /opt/dd/docker-compose.yml <<'EOF'\nservices:\n  datadog:\n    image: " + _K8S64_AGENT
    + "\n    environment:\n{env}EOF\ndocker compose -f /opt/dd/docker-compose.yml up -d\n"
)  # fmt: skip
_K8S64_DEFAULT = ("RES-015", "datadoghq.com")


@pytest.mark.parametrize(
    ("before", "env", "expected"),
    [
        ("", "      DD_API_KEY: k\n      DD_SITE: ${DD_SITE}\n", [_K8S64_DEFAULT]),
        ("", "      - DD_API_KEY=k\n      - DD_SITE=${DD_SITE}\n", [_K8S64_DEFAULT]),
        ("", "      - DD_API_KEY=k\n      - DD_SITE=$DD_SITE\n", [_K8S64_DEFAULT]),
        ("", "      - DD_API_KEY=k\n      - DD_SITE\n", [_K8S64_DEFAULT]),
        ("", "      DD_API_KEY: k\n      DD_SITE: ${SITE:-}\n", [_K8S64_DEFAULT]),
        # the alternative's text is judged as written (as before), the empty value where SITE is unset too
        ("", "      DD_API_KEY: k\n      DD_SITE: ${SITE:+datadoghq.eu}\n",
         [("RES-015", "datadoghq.eu"), _K8S64_DEFAULT]),
        # set by the shell, given a default, required, escaped ($$: a literal), or a proxy given: not the default
        ("export DD_SITE=datadoghq.eu\n", "      DD_SITE: ${DD_SITE}\n", [("RES-015", "datadoghq.eu")] * 2),
        ("", "      DD_SITE: ${DD_SITE:-datadoghq.eu}\n", [("RES-015", "datadoghq.eu")]),
        ("", "      DD_SITE: ${DD_SITE:?set DD_SITE}\n", []),
        ("", "      DD_SITE: $${DD_SITE}\n", []),
        ("", "      DD_SITE: ${DD_SITE}\n      DD_DD_URL: http://10.0.5.20:3834\n", []),
        # the name alone beside an env_file: the file may give it
        ("", "      - DD_SITE\n    env_file: /opt/dd/agent.env\n", []),
    ],
)  # fmt: skip
def test_k8s64_a_compose_variable_nothing_sets_is_empty(before: str, env: str, expected: list[tuple[str, str]]) -> None:
    script = "#!/bin/bash\n" + _K8S64_COMPOSE.format(before=before, env=env)
    assert [(r, v) for r, _, v in findings(script, "EU", "aws")] == expected


@given(st.sampled_from(["${N}", "$N", "${N:-}", "${N-}", "${N:+x}", "${N+x}"]), st.booleans())
@settings(max_examples=30, deadline=None)
def test_k8s64_a_compose_interpolation_of_an_unset_variable(value: str, set_: bool) -> None:
    """Each form giving an empty value where N is unset is unset exactly when the script names N nowhere else."""
    from components.residency.engine import _compose_unset_value

    script = "export N=datadoghq.eu\n" if set_ else "echo start\n"
    assert _compose_unset_value("DD_SITE", value, script, False) is not set_
    assert not _compose_unset_value("DD_SITE", value.replace("$", "$$", 1), script, False)
    assert not _compose_unset_value("DD_SITE", "${N:?e}", script, False)


# k8s64: a manifest echoed or printed into `kubectl apply -f -`, or given by a here-string, is read as a here-document's
_K8S64_JOB = (
    '{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j"},"spec":{"template":{"spec":{"restartPolicy":"Never",'
    '"containers":[{"name":"c","image":"public.ecr.aws/aws-cli/aws-cli:2.17.0","args":["s3","ls","--region","R"]}]}}}}'
)


@pytest.mark.parametrize(
    "line",
    [
        "echo '{job}' | kubectl apply -f -",
        "printf '%s\\n' '{job}' | kubectl -n ops apply --filename=-",
        "echo '{job}' | sudo kubectl create -f-",
        "kubectl apply -f - <<< '{job}'",
    ],
)
@pytest.mark.parametrize(("region", "expected"), [("eu-west-1", []), ("us-west-2", [("RES-009", "us-west-2")])])
def test_k8s64_a_manifest_on_kubectls_standard_input(line: str, region: str, expected: list[tuple[str, str]]) -> None:
    script = "#!/bin/bash\n" + line.replace("{job}", _K8S64_JOB.replace('"R"', f'"{region}"')) + "\n"
    assert [(r, v) for r, _, v in findings(script, "EU", "aws")] == expected


def test_k8s64_piped_manifests_reads_only_kubectls_standard_input() -> None:
    from components.residency.scripts import piped_manifests

    assert piped_manifests('echo \'{"kind":"Pod"}\' | kubectl apply -f -\n') == [(0, '{"kind":"Pod"}')]
    assert piped_manifests('echo \'{"kind":"Pod"}\' | kubectl apply -f pod.json\n') == []
    assert piped_manifests('echo \'{"kind":"Pod"}\' | kubectl get -f -\n') == []
    assert piped_manifests("echo x | jq . > kubectl.json\n") == []


# k8s64: kubectl's global flags after run / exec / debug (as after create since mutation63)
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("kubectl run c --image=busybox -s k8s.partner-analytics.com:6443 -- sleep 1", ["k8s.partner-analytics.com"]),
        ("kubectl run c --image=busybox --server=k8s.partner-analytics.com:6443 -- sleep 1",
         ["k8s.partner-analytics.com"]),
        ("kubectl exec -it api -n ops -s k8s.partner-analytics.com:6443 -- ls", ["k8s.partner-analytics.com"]),
        ("kubectl debug api -it --image=busybox -s k8s.partner-analytics.com:6443 -- sh",
         ["k8s.partner-analytics.com"]),
        ("kubectl run c --image=busybox -n ops -s 10.0.8.10:6443 -- sleep 1", []),
        ("kubectl run c -n ops --image=amazon/aws-cli --context prod -- s3 ls --region eu-west-1", []),
    ],
)  # fmt: skip
def test_k8s64_kubectls_global_flags_after_run(line: str, expected: list[str]) -> None:
    assert [v for _, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")] == expected


# k8s64 (decided): a manifest applied from a URL is unknown content, RES-015 by the URL (declared by it), as the
# Collector's `--config=https://...`; its host is judged as before (a bucket the stack does not make: RES-017)
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("kubectl apply -f https://10.0.8.20/manifests/agent.yaml", ["https://10.0.8.20/manifests/agent.yaml"]),
        ("kubectl apply --filename=https://10.0.8.20/a.yaml -n ops", ["https://10.0.8.20/a.yaml"]),
        ("kubectl -n ops create -fhttps://10.0.8.20/a.yaml", ["https://10.0.8.20/a.yaml"]),
        ("kubectl apply -k https://10.0.8.20/kustomize/base", ["https://10.0.8.20/kustomize/base"]),
        ("kubectl apply -f /opt/manifests/agent.yaml", []),
        ("kubectl get -f https://10.0.8.20/a.yaml", []),
        ("curl -fsSLo /tmp/a.yaml https://10.0.8.20/a.yaml", []),
    ],
)
def test_k8s64_a_manifest_applied_from_a_url(line: str, expected: list[str]) -> None:
    assert [v for r, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws") if r == "RES-015"] == expected


def test_k8s64_a_manifests_url_is_declared_by_its_text() -> None:
    url = "https://10.0.8.20/manifests/agent.yaml"
    declared = parse_destinations([{"id": "m", "kind": "resident", "match": url, "evidence": "the VPC's server"}])
    script = f"kubectl apply -f {url}\n"
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("EU", "aws"))
    assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]] == ["m"]


# k8s64: the OpenTelemetry Collector's and Vector's charts: their values key holding the tool's configuration judged as
# the tool's file (its defaults too); the Datadog chart's values file given tight (`-fFILE`)
_K8S64_CHARTS = "oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/charts"
_K8S64_OTEL = f"helm upgrade --install otel {_K8S64_CHARTS}/opentelemetry-collector --set mode=daemonset"
_K8S64_VECTOR = (
    "cat > /opt/v.yaml <<'EOF'\ncustomConfig:\n  sinks:\n    dd:\n      type: datadog_logs\n      inputs: [k8s]\n"
    "{site}EOF\nhelm install vector " + _K8S64_CHARTS + "/vector {option}\n"
)  # fmt: skip


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"{_K8S64_OTEL} --set config.exporters.datadog.api.key=k\n", [_K8S64_DEFAULT]),
        (f"{_K8S64_OTEL} --set config.exporters.datadog/eu.api.key=k\n", [_K8S64_DEFAULT]),
        (f"{_K8S64_OTEL} --set config.exporters.datadog.api.key=k "
         "--set config.exporters.datadog.api.site=datadoghq.eu\n",
         [("RES-015", "datadoghq.eu")]),
        (f"{_K8S64_OTEL} --set config.exporters.otlp.endpoint=10.0.5.30:4317\n", []),
        (f"{_K8S64_OTEL} --set config.exporters.otlp.endpoint=otlp.partner-analytics.com:4317\n",
         [("RES-015", "otlp.partner-analytics.com")] * 2),
        (f"{_K8S64_OTEL}\n", []),
        (f"{_K8S64_OTEL} --set-json 'config.exporters={{\"otlp\":{{}}}}'\n",
         [("RES-015", '--set-json config.exporters={"otlp":{}}')]),
        (_K8S64_VECTOR.format(site="", option="-f /opt/v.yaml"), [_K8S64_DEFAULT]),
        (_K8S64_VECTOR.format(site="      site: datadoghq.eu\n", option="-f/opt/v.yaml"),
         [("RES-015", "datadoghq.eu")]),
        (_K8S64_VECTOR.format(site="      endpoint: http://10.0.5.20:8080\n", option="--values=/opt/v.yaml"), []),
        # the Datadog chart's file given tight: read (the chart's default was judged in its place)
        ("cat > /opt/d.yaml <<'EOF'\ndatadog:\n  site: datadoghq.eu\nEOF\n"
         f"helm install dd {_K8S64_CHARTS}/datadog -f/opt/d.yaml\n", [("RES-015", "datadoghq.eu")]),
    ],
)  # fmt: skip
def test_k8s64_a_charts_configuration_values(script: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, v) for r, _, v in findings("#!/bin/bash\n" + script, "EU", "aws")] == expected


@given(
    st.lists(st.sampled_from(["a", "b", "c[0]", "c[2]", "d"]), min_size=1, max_size=4),
    st.text("abcxyz.-", min_size=1, max_size=8),
)
@settings(max_examples=60, deadline=None)
def test_k8s64_a_set_path_gives_its_value(parts: list[str], value: str) -> None:
    """Helm's --set path (`a.c[2].b=v`): the value is found at the path, list items by index, later sets winning."""
    from components.residency.engine import _helm_tree
    from components.residency.scripts import HelmRelease

    dotted = ".".join(["config", *parts])
    tree = _helm_tree("config", HelmRelease(0, "c", [(dotted, "first"), (dotted, value)], [], []), {})
    node: object = tree
    for part in parts:
        name, _, index = part.partition("[")
        assert isinstance(node, dict)
        node = node[name] if not index else node[name][int(index[:-1])]
    assert node == value


# -- falsealarm64 (stop 64): the Datadog chart's values from standard input, the Collector's env: document, the Agent's
# -e DD_SITE given a computed value --------------------------------------------------------------------------------
_FA64_HELM = (
    "helm upgrade --install datadog-agent oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/charts/datadog "
    "--version 3.69.0 -n datadog"
)
_FA64_VALUES = "datadog:\n  apiKeyExistingSecret: datadog-secret\n{site}EOF\n"
_FA64_COLLECTOR = "/usr/bin/otelcol-contrib --config=/etc/otelcol-contrib/config.yaml --config=env:OTEL_CONFIG &\n"
_FA64_EXPORTER = "exporters:\n  datadog:\n    api:\n{site}      key: $DD_API_KEY\n"
_FA64_AGENT = 'docker run -d --name dd-agent -e DD_API_KEY="$DD_API_KEY" {site}gcr.io/datadoghq/agent:7\n'


def _fa64_values(site: str | None) -> str:
    return _FA64_VALUES.format(site=f"  site: {site}\n" if site else "")


def _fa64_env(site: str | None) -> str:
    """``OTEL_CONFIG`` given the exporter by ``"$(cat <<EOF`` over lines."""
    return f'export OTEL_CONFIG="$(cat <<EOF\n{_fa64_exporter(site)}EOF\n)"\n'


def _fa64_exporter(site: str | None) -> str:
    return _FA64_EXPORTER.format(site=f"      site: {site}\n" if site else "")


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # the here-document the line gives is the values file `-` (helm/helm PR 2809): its site judged
        (f"{_FA64_HELM} -f - <<EOF\n{_fa64_values('datadoghq.eu')}", ["datadoghq.eu"]),
        (f"{_FA64_HELM} -f - <<EOF\n{_fa64_values('us5.datadoghq.com')}", ["us5.datadoghq.com"]),
        (f"cat <<'EOF' | {_FA64_HELM} --values -\n{_fa64_values('datadoghq.eu')}", ["datadoghq.eu"]),
        (f"SITE=us5.datadoghq.com\n{_FA64_HELM} -f - <<EOF\n{_fa64_values('$SITE')}", ["us5.datadoghq.com"]),
        # none given there: the chart's default (US1)
        (f"{_FA64_HELM} -f - <<EOF\n{_fa64_values(None)}", ["datadoghq.com"]),
        # standard input no input shows (a pipe, or a here-document written to a file on another line): `-`
        (f"sops -d /etc/fleet/values.enc.yaml | {_FA64_HELM} -f -\n", ["-"]),
        (f"cat > /tmp/v.yaml <<EOF\n{_fa64_values('datadoghq.eu')}{_FA64_HELM} -f -\n", ["-"]),
    ],
)
def test_falsealarm64_helm_values_from_a_here_document(script: str, expected: list[str]) -> None:
    assert [(r, v) for r, _, v in findings(script, "EU", "aws")] == [("RES-015", v) for v in expected]


@given(
    st.from_regex(r"[A-Z][A-Z_]{0,8}", fullmatch=True),
    st.lists(st.from_regex(r"[a-z]{1,6}: [a-z0-9.]{1,12}", fullmatch=True), min_size=1, max_size=4),
    st.booleans(),
)
def test_falsealarm64_stdin_heredoc_is_the_line_s_body(delimiter: str, lines: list[str], quoted: bool) -> None:
    from components.residency.scripts import stdin_heredoc

    word = f"'{delimiter}'" if quoted else delimiter
    body = "\n".join(lines) + "\n"
    head = "set -e\n"
    script = f"{head}helm install x chart -f - <<{word}\n{body}{delimiter}\necho done\n"
    assert stdin_heredoc(script, len(head)) == body
    assert stdin_heredoc(script, 0) is None  # another line
    written = f"{head}cat > /tmp/v <<{word}\n{body}{delimiter}\n"
    assert stdin_heredoc(written, len(head)) is None  # written to a file: no command's input


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        # a here-document's body (expanded: `$DD_API_KEY` decides nothing), and a written file's whole text
        (_fa64_env("datadoghq.eu"), ["datadoghq.eu"]),
        (_fa64_env("us5.datadoghq.com"), ["us5.datadoghq.com"]),
        (f"cat > /etc/otel/dd.yaml <<EOF\n{_fa64_exporter('us5.datadoghq.com')}EOF\n"
         'export OTEL_CONFIG="$(cat /etc/otel/dd.yaml)"\n', ["us5.datadoghq.com"]),
        # the exporter with no site: its default (US1)
        (_fa64_env(None), ["datadoghq.com"]),
        # a site no reader computes, and a file the script does not write: unproven
        ("S=$(curl -s http://10.0.3.5/site)\n" + _fa64_env("$S"), ["$(curl -s http://10.0.3.5/site)"]),
        ('export OTEL_CONFIG="$(cat /etc/otel/other.yaml)"\n', ["env:OTEL_CONFIG"]),
    ],
)  # fmt: skip
def test_falsealarm64_the_collector_s_env_document(script: str, expected: list[str]) -> None:
    found = findings(script + _FA64_COLLECTOR, "EU", "aws")
    assert [(r, v) for r, _, v in found] == [("RES-015", v) for v in expected]


def test_falsealarm64_document_assigned() -> None:
    from components.residency.engine import _document_assigned

    files = {"/etc/otel/dd.yaml": "a: 1\nb: 2\n"}
    script = 'X="$(cat <<EOF\na: $K\nb: 2\nEOF\n)"\nY="$(cat /etc/otel/dd.yaml)"\nZ=$(cat /etc/region)\nrun\n'
    at = script.index("run")
    assert _document_assigned(script, "X", at, files) == "a: $K\nb: 2"
    assert _document_assigned(script, "Y", at, files) == "a: 1\nb: 2"
    assert _document_assigned(script, "Z", at, files) is None  # a file the script does not write
    assert _document_assigned(script, "Y", script.index("Y="), files) is None  # not assigned before
    assert _document_assigned("X='$(cat /etc/otel/dd.yaml)'\nrun\n", "X", 30, files) is None  # single-quoted


@pytest.mark.parametrize("site", ["datadoghq.eu", "us5.datadoghq.com"])
@pytest.mark.parametrize(
    "given",
    [
        "echo {site} > /etc/fleet/dd_site\n" + _FA64_AGENT.format(site='-e DD_SITE="$(cat /etc/fleet/dd_site)" '),
        "echo {site} > /etc/fleet/dd_site\nread -r DD_SITE < /etc/fleet/dd_site\nexport DD_SITE\n"
        + _FA64_AGENT.format(site="-e DD_SITE "),
    ],
)
def test_falsealarm64_the_agent_s_site_computed_on_its_run_line(given: str, site: str) -> None:
    """A value the evaluator computes for ``-e DD_SITE`` is judged as the Agent's site (it passed unjudged whatever
    the file held); the home site is the one finding, covered by its declaration."""
    script = given.replace("{site}", site)
    assert [(r, p, v) for r, p, v in findings(script, "EU", "aws")] == [
        ("RES-015", "user_data(base64)(docker run).DD_SITE.host", site)
    ]
    declared = parse_destinations([{"id": "dd", "kind": "resident", "match": "datadoghq.eu", "evidence": "EU1"}])
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("EU", "aws"))
    covered = [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]]
    assert covered == (["dd"] if site == "datadoghq.eu" else [None])


# scripts64 (stop 64): round 20 of the script reader (docs/residency.md, "Scripts and user data, round 20").
_Q64 = "aws sqs list-queues --queue-name-prefix fleet"


def _rules64(body: str, code: str = "EU") -> set[str]:
    return {f[0] for f in findings(f"#!/bin/bash\nset -euo pipefail\n{body}", code, "aws")}


@pytest.mark.parametrize(
    ("script", "names"),
    [
        ("export A B=x\n", {"A", "B"}),
        ('export A="x B y"\n', {"A"}),  # a quoted value's words are no names
        ("declare -rx A\ntypeset -x B=1\n", {"A", "B"}),
        ("export -n A\nexport -f f\n", set()),  # un-exported, a function
        ("A=1; export A; X=export\n", {"A"}),
        ("echo export A\n", set()),  # a word of another command
        ("set -a\nA=1\n", None),
        ("set -o allexport\n", None),
    ],
)
def test_scripts64_exported_names_one_reader(script: str, names: set[str] | None) -> None:
    from components.residency.scripts import exported_names

    assert exported_names(script) == (None if names is None else frozenset(names))


def test_scripts64_exported_list_reaches_the_agent_and_jq() -> None:
    run = "docker run -d -e DD_SITE -e DD_API_KEY=x gcr.io/datadoghq/agent:7\n"
    # every name of the list is exported: the value judged (RES-015 until declared)
    listed = findings(f"#!/bin/bash\nDD_SITE=datadoghq.eu\nexport A=1 DD_SITE\n{run}", "EU", "aws")
    assert {v for _, _, v in listed} == {"datadoghq.eu"}
    # a name only read in an exported value is not exported (scripts63's pattern took it): the Agent gets no site, its
    # default US1 site judged (the assignment's own value is judged where it is set, as before)
    found = findings(f"#!/bin/bash\nDD_SITE=datadoghq.eu\nexport A=$DD_SITE\n{run}", "EU", "aws")
    assert "datadoghq.com" in {v for _, _, v in found}
    exported = findings(f"#!/bin/bash\nexport DD_SITE=datadoghq.eu\n{run}", "EU", "aws")
    assert "datadoghq.com" not in {v for _, _, v in exported}
    assert jq_environment_written("export R=a S=b; jq -rn 'env.S'") == (
        "export R=a S=b; jq -rn --arg __env_S \"$S\" '$__env_S'"
    )


@pytest.mark.parametrize(
    ("script", "values"),
    [
        ("k=dr\n", ("dr",)),
        ("if [ -f /x ]; then\n  k=dr\nfi\n", ("dr",)),  # indented: an assignment too (was None)
        ("k=dr\nfor r in $k; do :; done\n", ("dr",)),  # a loop's words bind none (was None)
        ("k=dr\nk+=x\n", None),  # an append
        ("k=dr\nread -r k < /f\n", None),
        ("k=$(cat /f)\n", None),  # not a literal word
    ],
)
def test_scripts64_plain_literal_values_one_reading(script: str, values: tuple[str, ...] | None) -> None:
    from components.residency.scripts import _plain_assigned_values, plain_literal_values

    assert plain_literal_values(script, "k") == values
    if values is not None:
        assert _plain_assigned_values(script)["k"] == values


@pytest.mark.parametrize(("second", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
def test_scripts64_xargs_runs_per_item(second: str, expected: set[str]) -> None:
    assert _rules64(f"printf '%s\\n' eu-west-1 {second} | xargs -I{{}} {_Q64} --region {{}}\n") == expected
    assert _rules64(f"echo eu-west-1 {second} | xargs -n1 {_Q64} --region\n") == expected
    assert _rules64(f"echo eu-west-1 {second} | xargs --max-args=1 {_Q64} --region\n") == expected


def test_scripts64_xargs_without_a_count_appends_every_item() -> None:
    # one command: `--region eu-west-1 us-east-1` (the second an operand the CLI refuses), as before
    assert _rules64(f"echo eu-west-1 us-east-1 | xargs {_Q64} --region\n") == set()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("$(cat /etc/fleet/dr)", {"RES-011"}),
        ("$(echo eu-west-1 | sed s/eu-west-1/us-east-1/)", {"RES-009"}),
        ("$(echo eu-west-1 | sed s/eu-west-1/eu-central-1/)", set()),
    ],
)
@pytest.mark.parametrize("spliced", ['"$DR_OPT"', "$DR_OPT", "${DR_OPT}"])
def test_scripts64_option_word_around_a_substitution(value: str, expected: set[str], spliced: str) -> None:
    assert _rules64(f'DR_OPT="--region={value}"\n{_Q64} {spliced}\n') == expected


def test_scripts64_option_word_around_a_variable() -> None:
    assert _rules64(f'R=$(cat /etc/fleet/dr)\nDR_OPT="--region=$R"\n{_Q64} "$DR_OPT"\n') == {"RES-011"}
    assert _rules64('DR_OPT="--region=$(cat /etc/fleet/dr)"\necho "$DR_OPT"\n') == set()  # no destination


@pytest.mark.parametrize(("second", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
@pytest.mark.parametrize(
    "wrapper",
    [
        'with_region() {\n  local r=$1\n  shift\n  AWS_REGION="$r" "$@"\n}\n',
        'with_region() { local r=$1; shift; AWS_REGION=$r "$@"; }\n',
        'with_region() { local r="$1"; shift; "$@" --region "$r"; }\n',
        'with_region() { "${@:2}" --region "$1"; }\n',
    ],
)
def test_scripts64_wrapper_words_bound_to_the_call(wrapper: str, second: str, expected: set[str]) -> None:
    assert _rules64(f'{wrapper}for r in eu-west-1 {second}; do with_region "$r" {_Q64}; done\n') == expected
    assert _rules64(f"{wrapper}with_region {second} {_Q64}\n") == expected


def test_scripts64_wrapper_shift_of_no_number_left_as_written() -> None:
    # `shift $N`: the positions not counted, no word bound (as before)
    wrapper = 'with_region() { local r=$1; shift $N; AWS_REGION=$r "$@"; }\n'
    assert _rules64(f"{wrapper}with_region eu-central-1 {_Q64}\n") == set()


@pytest.mark.parametrize(
    "sourced", ['eval "$(cat /etc/fleet/env)"', ". /etc/fleet/env", "source /etc/fleet/env", 'eval "$ENV_LINES"']
)
def test_scripts64_eval_or_source_of_unread_text(sourced: str) -> None:
    # a name no line assigns: the unread text may set it (RES-011 at a destination, was read as unset)
    assert _rules64(f'{sourced}\n{_Q64} --region "$DR_REGION"\n') == {"RES-011"}
    # a name a line assigns keeps its values; a use before it is not reached
    assert _rules64(f'R=eu-central-1\n{sourced}\n{_Q64} --region "$R"\n') == set()
    assert _rules64(f'{_Q64} --region "${{DR_REGION:-eu-central-1}}"\n{sourced}\n') == set()


def test_scripts64_a_dot_that_is_no_command_sources_nothing() -> None:
    assert (
        _rules64(f'cp -r . /opt/app\nfind . -name "*.env"\n{_Q64} --region "${{DR_REGION:-eu-central-1}}"\n') == set()
    )
    assert _rules64(f'cp -r . /opt/app\n{_Q64} --region "$DR_REGION"\n') == set()  # unset: empty, as before
    assert _rules64(f'if [ -f /etc/fleet/env ]; then . /etc/fleet/env; fi\n{_Q64} --region "$DR_REGION"\n') == {
        "RES-011"
    }


def test_scripts64_eval_of_a_file_the_script_writes_is_read() -> None:
    written = "cat > /etc/fleet/env <<'EOF'\nDR_REGION={}\nEOF\n. /etc/fleet/env\n"
    assert _rules64(written.format("eu-central-1") + f'{_Q64} --region "$DR_REGION"\n') == set()
    assert _rules64(written.format("us-east-1") + f'{_Q64} --region "$DR_REGION"\n') == {"RES-009"}
    assert _rules64(f'R=eu-central-1\neval "$(ssh-agent -s)"\n{_Q64} --region "$R"\n') == set()
    assert _rules64('eval "$(ssh-agent -s)"\necho "$SSH_AUTH_SOCK"\n') == set()  # no destination


@pytest.mark.parametrize(("second", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
@pytest.mark.parametrize(
    "body",
    [
        'while read -r r; do echo "$r"; return 0; done <<EOF\n{r}\nEOF',
        "while read -r r; do\n    printf '%s\\n' \"$r\"\n    break\n  done <<EOF\n{r}\nEOF",
        "until false; do echo {r}; return 0; done",
    ],
)
def test_scripts64_function_printing_from_a_loop(body: str, second: str, expected: set[str]) -> None:
    script = f'pick() {{\n  {body.format(r=second)}\n}}\nR=$(pick)\n{_Q64} --region "$R"\n'
    assert _rules64(script) == expected


def test_scripts64_function_loop_printing_elsewhere_left_unknown() -> None:
    # a loop whose input the script does not write, or that prints a variable no read binds: unknown, as before
    unread = 'pick() { while read -r r; do echo "$r"; return 0; done < /etc/fleet/regions; }\n'
    assert _rules64(f'{unread}R=$(pick)\n{_Q64} --region "$R"\n') == {"RES-011"}
    other = 'pick() { until false; do echo "$X"; return 0; done; }\n'
    assert _rules64(f'{other}R=$(pick)\n{_Q64} --region "$R"\n') == {"RES-011"}


@pytest.mark.parametrize(("second", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
def test_scripts64_loop_over_a_variable_read_from_a_written_file(second: str, expected: set[str]) -> None:
    retry = 'retry() { until "$@"; do sleep 5; done; }\n'
    head = f"{retry}echo 'eu-west-1 {second}' > /etc/fleet/t\nread -r T < /etc/fleet/t\n"
    assert _rules64(f'{head}for r in $T; do retry {_Q64} --region "$r"; done\n') == expected
    # a file the script does not write: unknown (fail closed), as before
    unread = f"{retry}read -r T < /etc/fleet/t\n"
    assert _rules64(f'{unread}for r in $T; do retry {_Q64} --region "$r"; done\n') == {"RES-011"}


@pytest.mark.parametrize(("second", "expected"), [("eu-central-1", set()), ("us-east-1", {"RES-009"})])
def test_scripts64_double_quoted_text_after_a_substitution(second: str, expected: set[str]) -> None:
    assert _rules64(f'T="$(echo eu-west-1) {second}"\nfor r in $T; do {_Q64} --region "$r"; done\n') == expected
    assert _rules64(f'T="$(echo eu-west-1) {second}"\n{_Q64} --region $T\n') == expected


# -- mutation64 (stop 64): stop 63's readings spelled another way (docs/residency.md, "Mutation search, round 35")

_H64 = "#!/bin/bash\nset -euo pipefail\n"


# bash(1): "-c ... commands are read from the first non-option argument command_string": `-c` is a flag, anywhere in
# a group (`-ce`); dash / zsh / ksh / ash the same; sudo's `-iu user` (getopt) skips its value; `k3s kubectl`. Each
# offending case passed every door on 644efda6.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("bash -ce 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("sh -cx 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("bash -xce 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("dash -c 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("zsh -c 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("/bin/ash -ce 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("sudo -iu ec2-user bash -c 'aws sqs list-queues --region us-west-2'", {("RES-009", "us-west-2")}),
        ("sudo -Eu ec2-user aws sqs list-queues --region us-west-2", {("RES-009", "us-west-2")}),
        (
            "k3s kubectl create job x --image=busybox -- aws sqs list-queues --region us-west-2",
            {("RES-009", "us-west-2")},
        ),
        ("bash -ce 'aws sqs list-queues --region eu-central-1'", set()),
        ("dash -c 'aws sqs list-queues --region eu-central-1'", set()),
        ("sudo -iu ec2-user bash -c 'aws sqs list-queues --region eu-central-1'", set()),
        ("k3s kubectl create job x --image=busybox -- aws sqs list-queues --region eu-central-1", set()),
        ("k3s server --write-kubeconfig-mode 644", set()),
        # `-co pipefail`: the group's `o` takes the next word, which is then no script text (bash: an option name)
        ("bash -co pipefail /opt/fleet/boot.sh", set()),
    ],
)
def test_mutation64_a_shell_s_line_flag_anywhere_in_its_group(line: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"{_H64}{line}\n", "EU", "aws")} == expected


@given(st.text(alphabet="abefhiklmnpqrstuvwxyzABEHP", min_size=1, max_size=4), st.integers(min_value=0, max_value=4))
def test_mutation64_a_shell_s_c_flag_at_any_place_of_the_group(flags: str, at: int) -> None:
    from components.residency.scripts import is_line_option

    group = f"-{flags[:at]}c{flags[at:]}"
    assert is_line_option(group, COMMANDS["bash"])
    assert is_line_option(group, COMMANDS["dash"])
    assert not is_line_option(f"-{flags}", COMMANDS["bash"])
    assert not is_line_option(f"-{flags}o", COMMANDS["bash"])  # no c
    assert is_line_option(f"-{flags}c", COMMANDS["su"])  # su's -c takes a value: last only
    assert not is_line_option(f"-c{flags}", COMMANDS["su"])


# A URL host holding a second substitution, or one after a literal label: each computed value is judged, one the
# evaluator cannot compute is a placeholder (RES-015), the instance's own Region passes. On 644efda6 the second
# substitution passed every door and the mid-host one was RES-015 at its first label, home or abroad.
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://$(cat /etc/a).execute-api.$(echo us-east-1).amazonaws.com/prod",
            {("RES-006", "v0.execute-api.us-east-1.amazonaws.com")},
        ),
        (
            "https://`cat /etc/a`.execute-api.`echo us-east-1`.amazonaws.com/prod",
            {("RES-006", "v0.execute-api.us-east-1.amazonaws.com")},
        ),
        (
            "https://$(cat /etc/a).execute-api.$(cat /etc/r).amazonaws.com/prod",
            {("RES-015", "v0.execute-api.v0.amazonaws.com")},
        ),
        (
            "https://$(cat /etc/a).$(cat /etc/b).example.com/prod",
            {("RES-015", "https://${SUBSTITUTED}.${SUBSTITUTED}.example.com/prod")},
        ),
        ("https://$(cat /etc/a).execute-api.$(echo eu-west-1).amazonaws.com/prod", set()),
        ("https://sqs.$(echo us-east-1).amazonaws.com/", {("RES-006", "sqs.us-east-1.amazonaws.com")}),
        ("https://sqs.$(echo eu-west-1).amazonaws.com/", set()),
        ("https://sqs.$(curl -s http://169.254.169.254/latest/meta-data/placement/region).amazonaws.com/", set()),
        ("https://abc.execute-api.$(echo eu-west-1).amazonaws.com/prod", set()),
        ("https://sqs.$(cat /etc/r).amazonaws.com/", {("RES-015", "sqs"), ("RES-015", "sqs.v0.amazonaws.com")}),
    ],
)
def test_mutation64_a_url_host_s_further_substitutions(url: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"{_H64}curl -sf {url}\n", "EU", "aws")} == expected


# Filebeat's `-E NAME=VALUE` overrides one setting of filebeat.yml (the cloud id decoded, the hosts judged); a cluster
# id with its own port is the cluster's host (libbeat's extractPortFromName). Each passed every door on 644efda6.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("filebeat -e -E cloud.id={id}", {("RES-015", "abc123.us-east-1.aws.found.io")}),
        ("/usr/share/filebeat/bin/filebeat --E=cloud.id={id}", {("RES-015", "abc123.us-east-1.aws.found.io")}),
        (
            "docker run -d docker.elastic.co/beats/filebeat:8.15.0 setup -E cloud.id={id}",
            {("RES-015", "abc123.us-east-1.aws.found.io")},
        ),
        (
            """filebeat -e -E 'output.elasticsearch.hosts=["es.partner.example.com:9200"]'""",
            {("RES-015", "es.partner.example.com")},
        ),
        ("""filebeat -e -E 'output.elasticsearch.hosts=["10.0.3.20:9200"]'""", set()),
        ("filebeat -e -E name=shipper -E logging.level=debug", set()),
        ("filebeat -e -c /etc/filebeat/filebeat.yml", set()),
    ],
)
def test_mutation64_filebeat_s_setting_overrides(line: str, expected: set[tuple[str, str]]) -> None:
    cloud_id = _cloud_id63("us-east-1.aws.found.io$abc123$def456")
    assert {(r, v) for r, _, v in findings(f"{_H64}{line.format(id=cloud_id)}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("us-east-1.aws.found.io$abc123:9243$def456", "abc123.us-east-1.aws.found.io"),
        ("us-east-1.aws.found.io:443$abc123:9243$def456:9244", "abc123.us-east-1.aws.found.io"),
        ("us-east-1.aws.found.io$:9243$def456", None),
    ],
)
def test_mutation64_an_elastic_cloud_id_s_cluster_with_a_port(text: str, host: str | None) -> None:
    from components.residency.references import elastic_cloud_host

    assert elastic_cloud_host(_cloud_id63(text)) == host


# -- config64 (stop 64): configuration file grammars in user data, round 15 ----------------------------------------


def _cloud_id64(region: str, es: str = "4fa8821e75634032bed1cf22110e2f97") -> str:
    """An Elastic Cloud id of a deployment on AWS in ``region`` (``<name>:<base64 of domain$es$kibana>``)."""
    return "fleet:" + base64.b64encode(f"{region}.aws.found.io${es}$5ac1e2d3".encode()).decode()


def _written64(path: str, body: str, then: str = "") -> str:
    return f"#!/bin/bash\nmkdir -p {path.rpartition('/')[0]}\ncat > {path} <<'EOF'\n{body}EOF\n{then}"


_FB64 = "[OUTPUT]\n    Name {name}\n    Match *\n    Cloud_ID {cid}\n    Cloud_Auth fleet:pw\n"
_FD64 = "<match **>\n  @type {name}\n  cloud_id {cid}\n  cloud_auth fleet:pw\n</match>\n"


@pytest.mark.parametrize(
    ("path", "body", "then"),
    [
        ("/etc/fluent-bit/fluent-bit.conf", _FB64.format(name="es", cid="{cid}"), "systemctl restart fluent-bit\n"),
        ("/etc/fluent-bit/fluent-bit.conf", _FB64.format(name="elasticsearch", cid="{cid}"), ""),
        (
            "/etc/td-agent/td-agent.conf",
            _FD64.format(name="elasticsearch", cid="{cid}"),
            "systemctl restart td-agent\n",
        ),
        ("/etc/fluent/fluentd.conf", _FD64.format(name="elasticsearch_data_stream", cid="{cid}"), ""),
    ],
)
def test_config64_a_log_router_s_cloud_id_is_judged_as_its_host(path: str, body: str, then: str) -> None:
    # config64: Fluent Bit's / Fluentd's Elastic Cloud id is decoded as Filebeat's is (encoded_host_keys `cloud_id`):
    # the deployment's host is RES-015 (a third party's), declared by that host, in every market; an id no reader
    # decodes (the router's environment) stays RES-016 by the entry
    abroad = _written64(path, body.format(cid=_cloud_id64("us-east-1")), then)
    ((rule, where, value),) = findings(abroad, "EU", "aws")
    assert (rule, value) == ("RES-015", "4fa8821e75634032bed1cf22110e2f97.us-east-1.aws.found.io")
    assert where.endswith("cloud_id")
    home = _written64(path, body.format(cid=_cloud_id64("eu-west-1")), then)
    host = "4fa8821e75634032bed1cf22110e2f97.eu-west-1.aws.found.io"
    assert findings(home, "EU", "aws") == [("RES-015", where, host)]
    entry = {"id": "elastic", "kind": "resident", "match": host, "evidence": "the fleet's deployment in eu-west-1"}
    declared = RuleEngine("EU", destinations=parse_destinations([entry]))
    payload = base64.b64encode(home.encode()).decode()
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": payload}, provider("EU", "aws"))
    assert [f.declared_by for f in declared.check(subject)[0]] == ["elastic"]
    unknown = _written64(path, body.format(cid="${ELASTIC_CLOUD_ID}"), then)
    assert [r for r, _, _ in findings(unknown, "EU", "aws")] == ["RES-016"]


def test_config64_a_cloud_id_that_does_not_decode_is_left_to_the_entry() -> None:
    # an id whose base64 names no cluster (no es id) is no host: the es output is refused by the entry, as before
    broken = "fleet:" + base64.b64encode(b"us-east-1.aws.found.io$").decode()
    script = _written64("/etc/fluent-bit/fluent-bit.conf", _FB64.format(name="es", cid=broken))
    assert [(r, v) for r, _, v in findings(script, "CN", "aws")] == [("RES-016", "es")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Beats' `-E <setting>=<value>` (libbeat "Override configuration settings at the command line")
        (f"filebeat setup -E cloud.id={_cloud_id64('us-east-1')} -E cloud.auth=u:p",
         [("RES-015", "4fa8821e75634032bed1cf22110e2f97.us-east-1.aws.found.io")]),
        (f"/usr/share/filebeat/bin/filebeat -e -E 'cloud.id={_cloud_id64('us-east-1')}'",
         [("RES-015", "4fa8821e75634032bed1cf22110e2f97.us-east-1.aws.found.io")]),
        (f'metricbeat -e -E cloud.id="{_cloud_id64("ap-northeast-1", "abc")}"',
         [("RES-015", "abc.ap-northeast-1.aws.found.io")]),
        ("filebeat -e -E 'output.elasticsearch.hosts=[\"es.partner-analytics.com:9200\"]'",
         [("RES-015", "es.partner-analytics.com")]),
        ("heartbeat -e --E output.logstash.hosts=logs.partner-analytics.com:5044",
         [("RES-015", "logs.partner-analytics.com")]),
        # the VPC's cluster, other settings, a config file option: nothing
        ("filebeat -e -E 'output.elasticsearch.hosts=[\"10.0.3.7:9200\",\"10.0.3.8:9200\"]'", []),
        ("filebeat -e -c /etc/filebeat/filebeat.yml -E name=fleet-a -E logging.level=info", []),
        ("auditbeat -e -E setup.kibana.host=10.0.3.9:5601", []),
    ],
)  # fmt: skip
def test_config64_a_beat_s_setting_overrides_are_read(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, v) for r, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")] == expected


@given(
    st.sampled_from(["us-east-1", "eu-west-1", "ap-northeast-1", "eu-central-1"]),
    st.from_regex(r"[0-9a-f]{8,32}", fullmatch=True),
    st.sampled_from(["filebeat", "metricbeat", "packetbeat"]),
    st.sampled_from(["-E ", "--E "]),
)
@settings(max_examples=25, deadline=None)
def test_config64_a_beat_s_cloud_id_names_its_cluster(region: str, es: str, beat: str, flag: str) -> None:
    line = f"{beat} -e {flag}cloud.id={_cloud_id64(region, es)}\n"
    assert [(c, h) for c, h in hosts(line) if c == beat] == [(beat, f"{es}.{region}.aws.found.io")]


_OTEL64 = "exporters:\n  datadog:\n    api:\n      site: {site}\n      key: ${{env:DD_API_KEY}}\n"
_US1_DEFAULT = ("RES-015", "datadoghq.com")


@pytest.mark.parametrize(
    ("before", "site", "expected"),
    [
        # never set: the Collector expands an unset variable to an empty value, the exporter's default site (US1)
        ("", "${env:DD_SITE}", [_US1_DEFAULT]),
        ("", "${DD_SITE}", [_US1_DEFAULT]),
        ("echo 'DD_SITE=' > /etc/otelcol-contrib/otelcol-contrib.conf\n", "${env:DD_SITE}", [_US1_DEFAULT]),
        # set where the service reads it: judged where it is set (the default not given)
        ("echo 'DD_SITE=datadoghq.eu' >> /etc/otelcol-contrib/otelcol-contrib.conf\n", "${env:DD_SITE}",
         [("RES-015", "datadoghq.eu")]),
        ("mkdir -p /etc/systemd/system/otelcol-contrib.service.d\ncat > /etc/systemd/system/otelcol-contrib.service.d"
         "/site.conf <<'EOF'\n[Service]\nEnvironment=DD_SITE=datadoghq.eu\nEOF\n", "${DD_SITE}",
         [("RES-015", "datadoghq.eu")]),
        # a reference with fixed text around it (a host under a placeholder, as before), or a variable the script sets
        ("", "${env:DD_SITE}.example", [("RES-015", "${env:DD_SITE}.example")]),
        ("export DD_SITE_FILE=/etc/dd\n", "${env:DD_SITE_FILE}", []),
    ],
)  # fmt: skip
def test_config64_the_collector_s_site_from_an_unset_variable_is_its_default(
    before: str, site: str, expected: list[tuple[str, str]]
) -> None:
    script = (
        "#!/bin/bash\n"
        + before
        + _written64(
            "/etc/otelcol-contrib/config.yaml", _OTEL64.format(site=site), "systemctl restart otelcol-contrib\n"
        ).removeprefix("#!/bin/bash\n")
    )
    found = sorted({(r, v) for r, _, v in findings(script, "EU", "aws")})
    assert found == sorted(expected)


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("", [_US1_DEFAULT]),
        ("echo 'DD_SITE=datadoghq.eu' > /etc/default/alloy\n", [("RES-015", "datadoghq.eu")]),
    ],
)
def test_config64_alloy_s_sys_env_site(before: str, expected: list[tuple[str, str]]) -> None:
    # Alloy "sys": "If the environment variable doesn't exist, sys.env returns an empty string"
    body = (
        'otelcol.exporter.datadog "default" {\n  api {\n    api_key = sys.env("DD_API_KEY")\n'
        '    site = sys.env("DD_SITE")\n  }\n}\n'
    )
    script = (
        "#!/bin/bash\n"
        + before
        + _written64("/etc/alloy/config.alloy", body, "systemctl restart alloy\n").removeprefix("#!/bin/bash\n")
    )
    assert sorted({(r, v) for r, _, v in findings(script, "EU", "aws")}) == expected


@pytest.mark.parametrize(
    ("mount", "judged"),
    [
        ("-v /etc/otel:/etc/otelcol-contrib", True),
        ("-v /etc/otel/config.yaml:/etc/otelcol-contrib/config.yaml:ro", True),
        ("--volume=/etc/otel:/etc/otelcol-contrib", True),
        ("--mount type=bind,source=/etc/otel,target=/etc/otelcol-contrib,readonly", True),
        ("--mount type=bind,src=/etc/otel/config.yaml,dst=/etc/otelcol/config.yaml", True),
        # not mounted where the Collector reads it, or a volume (no bind): the host path's own reading (none)
        ("-v /etc/otel:/opt/otel", False),
        ("--mount type=volume,source=otel,target=/etc/otelcol-contrib", False),
    ],
)
def test_config64_a_bind_mounted_collector_file_is_the_collector_s(mount: str, judged: bool) -> None:
    body = "exporters:\n  datadog:\n    api:\n      key: ${env:DD_API_KEY}\n"
    run = f"docker run -d --name otel {mount} otel/opentelemetry-collector-contrib:0.115.0\n"
    found = {(r, v) for r, _, v in findings(_written64("/etc/otel/config.yaml", body, run), "EU", "aws")}
    assert found == ({_US1_DEFAULT} if judged else set())


def test_config64_a_mounted_path() -> None:
    from components.residency.engine import _mounted_path

    script = "docker run -v /srv/a:/etc/x -v /srv/b/f.yml:/etc/y/f.yml img\n"
    assert _mounted_path(script, "/srv/a/c.yaml") == "/etc/x/c.yaml"
    assert _mounted_path(script, "/srv/b/f.yml") == "/etc/y/f.yml"
    assert _mounted_path(script, "/srv/ab/c.yaml") is None
    assert _mounted_path(script, "/srv/c.yaml") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("systemd-run --unit fleet-dump psql -h db.partner.example.com -U app",
         [("RES-015", "db.partner.example.com")]),
        ("systemd-run --unit=x -p Restart=always -E A=1 psql -h db.partner.example.com",
         [("RES-015", "db.partner.example.com")]),
        ("systemd-run --unit fleet-dump psql -h 10.0.3.4 -U app", []),
        ("systemd-run --on-calendar=hourly /usr/local/bin/rotate-logs", []),
    ],
)  # fmt: skip
def test_config64_systemd_run_runs_the_command_after_its_options(line: str, expected: list[tuple[str, str]]) -> None:
    # config64: systemd-run(1) `systemd-run [OPTIONS...] COMMAND [ARGS...]`: a wrapper (its command was not read)
    assert [(r, v) for r, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")] == expected


# The lead (stop 64): a Beat's `-E cloud.id=$CID` with the id in a variable: the value that reaches the line is decoded
# (ScriptHost.encoded) and judged as the Elastic Cloud host it names, as a written id is; before, the id was judged as a
# host it is not and passed every door. A value no reader computes stays RES-015 by its text; an output's hosts setting
# is a host as written.
_US64, _EU64 = "abc.us-east-1.aws.found.io", "abc.eu-west-1.aws.found.io"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("CID={abroad}\nfilebeat setup -e -E cloud.id=$CID", {("RES-015", _US64)}),
        ("CID={home}\nfilebeat setup -e -E cloud.id=$CID", {("RES-015", _EU64)}),  # a third party's: declared by host
        ('CID="fleet:{abroad}"\nmetricbeat -e -E "cloud.id=$CID"', {("RES-015", _US64)}),
        ("echo '{abroad}' > /etc/cid\nfilebeat -e -E cloud.id=$(cat /etc/cid)", {("RES-015", _US64)}),
        ("CID=$(cat /etc/cid)\nfilebeat -e -E cloud.id=$CID", {("RES-015", "$(cat /etc/cid)")}),
        ("H=10.0.3.20\nfilebeat -e -E output.elasticsearch.hosts=[$H:9200]", set()),
        ("H=es.partner.example\nfilebeat -e -E output.elasticsearch.hosts=[$H]", {("RES-015", "es.partner.example")}),
    ],
)  # fmt: skip
def test_lead64_a_beat_s_cloud_id_in_a_variable_is_decoded(lines: str, expected: set[tuple[str, str]]) -> None:
    script = "#!/bin/bash\n" + lines.format(
        abroad=_cloud_id64("us-east-1", "abc"), home=_cloud_id64("eu-west-1", "abc")
    )
    assert {(r, v) for r, _, v in findings(script + "\n", "EU", "aws")} == expected


# config65 (stop 65): the OpenTelemetry Collector merges every `--config` of its line into one configuration
# ("--config=file:/path/to/first/file --config=file:/path/to/second/file", the Collector's "Configuration" page), so the
# Datadog exporter's default site (US1) is judged once over the merge of the line's sources, not per source: a file
# writing the site and an `env:` / `yaml:` source adding a setting of the same exporter name no US1 (a false alarm
# before, both orders); no source writing a site still gives US1, and so does a `yaml:` URI alone (it got no default).
_OTEL65_FILE = (
    "cat > /etc/otel/config.yaml <<'EOF'\nexporters:\n  datadog:\n    api:\n      key: ${{env:DD_API_KEY}}\n{site}"
    "service:\n  pipelines:\n    traces:\n      exporters: [datadog]\nEOF\n"
)
_OTEL65_ENV = (
    "export X=\"$(cat <<'EOF'\nexporters:\n  datadog:\n    host_metadata:\n      enabled: true\n{site}EOF\n)\"\n"
)
_EU_SITE65 = "      site: datadoghq.eu\n"


@pytest.mark.parametrize(
    ("file_site", "env_site", "configs", "expected"),
    [
        (_EU_SITE65, "", "--config=/etc/otel/config.yaml --config=env:X", {"datadoghq.eu"}),
        (_EU_SITE65, "", "--config=env:X --config=/etc/otel/config.yaml", {"datadoghq.eu"}),
        (_EU_SITE65, "", "--config=file:/etc/otel/config.yaml --config='yaml:processors::batch::timeout: 5s'",
         {"datadoghq.eu"}),
        ("", "", "--config=/etc/otel/config.yaml --config='yaml:exporters::datadog::api::site: datadoghq.eu'",
         {"datadoghq.eu"}),
        ("", "    api:\n      site: datadoghq.eu\n", "--config=/etc/otel/config.yaml --config=env:X", {"datadoghq.eu"}),
        ("", "", "--config=/etc/otel/config.yaml --config=env:X", {"datadoghq.com"}),
        ("", "", "--config=env:X", {"datadoghq.com"}),
        ("", "", "--config='yaml:exporters::datadog::api::key: ${env:K}'", {"datadoghq.com"}),
        # a file the script does not write adds nothing (the defaults are judged over what is read)
        ("", "", "--config=/etc/baked.yaml --config='yaml:exporters::datadog::api::key: K'", {"datadoghq.com"}),
        ("", "", "--config=/etc/baked.yaml --config='yaml:exporters::datadog::api::site: datadoghq.eu'",
         {"datadoghq.eu"}),
        # the lead (stop 65): a merged file's reference default is its site (mutation65's _reference_defaults), an
        # empty one none (US1); the merge judged its text as written before (a second `datadoghq.com`)
        ("      site: ${env:DD_SITE:-datadoghq.eu}\n", "", "--config=/etc/otel/config.yaml --config=env:X",
         {"datadoghq.eu"}),
        ("      site: ${env:DD_SITE:-}\n", "", "--config=/etc/otel/config.yaml --config=env:X", {"datadoghq.com"}),
    ],
)  # fmt: skip
def test_config65_the_collector_s_defaults_are_judged_over_its_merged_line(
    file_site: str, env_site: str, configs: str, expected: set[str]
) -> None:
    script = (
        "#!/bin/bash\n"
        + _OTEL65_FILE.format(site=file_site)
        + _OTEL65_ENV.format(site=env_site)
        + f"otelcol-contrib {configs} &\n"
    )
    found = findings(script, "EU", "aws")
    assert {r for r, _, _ in found} <= {"RES-015"}
    assert {v for _, _, v in found} == expected


@pytest.mark.parametrize(
    ("assign", "expected"),
    [
        ("SITE=$(curl -sf http://10.0.8.12/fleet/datadog-site)", {"$(curl -sf http://10.0.8.12/fleet/datadog-site)"}),
        ("SITE=$(cat /etc/fleet/dd-site)", {"$(cat /etc/fleet/dd-site)"}),
        ("SITE=datadoghq.eu", {"datadoghq.eu"}),  # a third party's site in the market: declared by its host
        ("echo datadoghq.eu > /etc/fleet/dd-site\nSITE=$(cat /etc/fleet/dd-site)", {"datadoghq.eu"}),
    ],
)
def test_config65_a_collector_site_from_a_variable_no_reader_computes(assign: str, expected: set[str]) -> None:
    # config65: `site: $SITE` in the Collector's file written by an unquoted here-document: the setting is named by its
    # catalogue path (`exporters.*.api.site`) in the substitution reading, as an `env:` document's was
    body = _OTEL65_FILE.format(site="      site: $SITE\n").replace("<<'EOF'", "<<EOF").replace("${env:", "\\${env:")
    script = f"#!/bin/bash\n{assign}\n{body}otelcol-contrib --config=/etc/otel/config.yaml\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == {("RES-015", v) for v in expected}


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("docker run -d otel/opentelemetry-collector-contrib:0.115.0 --config='yaml:exporters::datadog::api::site: "
         "datadoghq.com'", {"datadoghq.com"}),
        ("docker run -d ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-contrib:0.115.0"
         " --config='yaml:exporters::datadog::api::key: K'", {"datadoghq.com"}),
        ("podman run -d docker.io/otel/opentelemetry-collector:0.115.0 --config=https://config.partner.example/o.yaml",
         {"https://config.partner.example/o.yaml", "config.partner.example"}),
        ("docker run -d otel/opentelemetry-collector-contrib:0.115.0 --config='yaml:exporters::otlp::endpoint: "
         "10.0.3.5:4317'", set()),
        # docker's own options before the image are not the Collector's
        ("docker --config /root/.docker run -d otel/opentelemetry-collector-contrib:0.115.0", set()),
    ],
)  # fmt: skip
def test_config65_the_collector_s_image_reads_the_config_after_it(line: str, expected: set[str]) -> None:
    assert {v for _, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    "line",
    [
        "otelcol-contrib --config='yaml:processors::batch::timeout: 5s' "
        "--config='yaml:exporters::datadog::api::site: datadoghq.com'",
        # the package's options file: the quote opening the options ends a URI, not a file's path before it
        "cat > /etc/otelcol-contrib/otelcol-contrib.conf <<'EOF'\nOTELCOL_OPTIONS=\"--config=/etc/otelcol-contrib/"
        "config.yaml --config='yaml:exporters::datadog::api::site: datadoghq.com'\"\nEOF",
    ],
)
def test_config65_every_yaml_uri_of_a_line_is_read(line: str) -> None:
    assert {v for _, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")} == {"datadoghq.com"}


_WORD65 = st.from_regex(r"[a-z][a-z0-9./:-]{0,20}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(_WORD65, min_size=1, max_size=4), quoted=st.lists(st.booleans(), min_size=4, max_size=4))
def test_config65_a_line_s_config_values_in_order(values: list[str], quoted: list[bool]) -> None:
    # config65: _config_line_sources gives every value of the option on the line, quoted or not, in the line's order
    from components.residency.engine import _config_line_sources

    entry = next(e for e in RuleEngine("EU").endpoints.app_config_files if e.option_uris)
    words = [f"--config='{v}'" if q else f"--config {v}" for v, q in zip(values, quoted, strict=False)]
    script = f"#!/bin/bash\nexport A=1\notelcol-contrib {' '.join(words)} &\n"
    assert _config_line_sources(script, entry, {}) == [(script.index("otelcol"), values)]


# -- mutation65 (stop 65): mutation search, round 36 ------------------------------------------------------------------

_COPY65 = "aws ec2 copy-snapshot --source-region eu-west-1 --source-snapshot-id snap-1 --region {r}"


# A command run under setsid / stdbuf / ionice / chrt / taskset / flock (util-linux, coreutils: each runs the command
# after its options and, for chrt / taskset / flock, one operand), and flock's `-c` line before or after its lock
# file: read as the command is alone. Each abroad line passed every door on bc352e13 (no listed command).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("setsid {copy} &", {("RES-009", "us-east-1")}),
        ("setsid -f {copy}", {("RES-009", "us-east-1")}),
        ("stdbuf -oL {copy} | tee /var/log/x", {("RES-009", "us-east-1")}),
        ("stdbuf -o L -e L {copy}", {("RES-009", "us-east-1")}),
        ("ionice -c 2 -n 7 {copy}", {("RES-009", "us-east-1")}),
        ("chrt -b 0 {copy}", {("RES-009", "us-east-1")}),
        ("taskset -c 0,1 {copy}", {("RES-009", "us-east-1")}),
        ("flock -n /var/lock/dr.lock {copy}", {("RES-009", "us-east-1")}),
        ("flock -w 60 /var/lock/dr.lock -c '{copy}'", {("RES-009", "us-east-1")}),
        ("flock -c '{copy}' /var/lock/dr.lock", {("RES-009", "us-east-1")}),
        ("nice -n 10 ionice -c3 setsid {copy}", {("RES-009", "us-east-1")}),
        ("flock -n /var/lock/x psql -h db.partner.example.com -c 'select 1'", {("RES-015", "db.partner.example.com")}),
        ("flock /var/lock/x -c 'psql -h db.partner.example.com'", {("RES-015", "db.partner.example.com")}),
        ("flock /var/lock/dr.lock -c '{home}'", set()),
        ("setsid {home} &", set()),
        ("taskset 0x3 {home}", set()),
        ("flock -n /var/lock/dr.lock -c /opt/fleet/dr.sh", set()),
    ],
)  # fmt: skip
def test_mutation65_a_command_under_a_wrapper(line: str, expected: set[tuple[str, str]]) -> None:
    script = line.format(copy=_COPY65.format(r="us-east-1"), home=_COPY65.format(r="eu-central-1"))
    assert {(r, v) for r, _, v in findings(f"{_H64}{script}\n", "EU", "aws")} == expected


# xargs running its command per item where the line reader did not see it: a shell's `-c` text per item (the expanded
# command's shell text was unquoted), `--max-args N` with its value in the next word, an item given by a command
# substitution (computed, or RES-011), a pipeline run by eval. Each abroad line passed every door on bc352e13.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("printf '%s\\n' eu-central-1 us-east-1 | xargs -I{{}} sh -c '{xargs} || true'", {("RES-009", "us-east-1")}),
        ("echo eu-central-1 us-east-1 | xargs --max-args 1 {bare}", {("RES-009", "us-east-1")}),
        ("echo eu-central-1 us-east-1 | xargs --max-args=1 {bare}", {("RES-009", "us-east-1")}),
        (
            "printf '%s\\n' $(echo eu-west-1 | sed 's/eu-west-1/us-east-1/') eu-central-1 | xargs -I{{}} {xargs}",
            {("RES-009", "us-east-1")},
        ),
        ("printf '%s\\n' $(cat /etc/r) eu-central-1 | xargs -I{{}} {xargs}", {("RES-011", "$(cat /etc/r)")}),
        ("eval \"printf '%s\\n' eu-central-1 us-east-1 | xargs -I{{}} {xargs}\"", {("RES-009", "us-east-1")}),
        ("printf '%s\\n' eu-central-1 eu-west-1 | xargs -I{{}} sh -c '{xargs}'", set()),
        ("echo eu-central-1 eu-west-1 | xargs --max-args 1 {bare}", set()),
        ("printf '%s\\n' $(echo eu-west-1) eu-central-1 | xargs -I{{}} {xargs}", set()),
        ("eval \"printf '%s\\n' eu-central-1 eu-west-1 | xargs -I{{}} {xargs}\"", set()),
    ],
)  # fmt: skip
def test_mutation65_xargs_per_item(line: str, expected: set[tuple[str, str]]) -> None:
    script = line.format(xargs=_COPY65.format(r="{}"), bare=_COPY65.format(r="").rstrip())
    assert {(r, v) for r, _, v in findings(f"{_H64}{script}\n", "EU", "aws")} == expected


_SUBSTITUTIONS65 = ["$(echo a)", "$(cat /etc/r)", "$(echo a | sed 's/a/b/')", "$(printf '%s' \"$(id -u)\")"]


@given(
    st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), min_size=1, max_size=4),
    st.lists(st.sampled_from(_SUBSTITUTIONS65)),
)
def test_mutation65_substitutions_held_write_back_the_line(words: list[str], substitutions: list[str]) -> None:
    import re

    from components.residency.scripts import _HELD, _substitutions_held

    line = " ".join(["printf", "'%s\\n'", *substitutions, *words, "|", "xargs", "-I{}", "echo", "{}"])
    masked, held = _substitutions_held(line)
    assert held == substitutions
    assert "$(" not in masked
    assert re.sub(f"{_HELD}(\\d+){_HELD}", lambda m: held[int(m.group(1))], masked) == line


# The Collector's `${env:NAME:-default}` (opentelemetry-collector PR 10907: the default of an unset variable): where the
# script never sets NAME the tool reads the default, `""` (the exporter's US1 default then) or the written site. Both
# passed every door on bc352e13; a NAME the script sets is judged where it is set, as before.
_OTEL65 = (
    "cat > /etc/otelcol-contrib/config.yaml <<'EOF'\nreceivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n"
    "  datadog:\n    api:\n      key: ${{env:DD_API_KEY}}\n      site: {site}\nservice:\n  pipelines:\n    traces:\n"
    "      receivers: [otlp]\n      exporters: [datadog]\nEOF\n{then}systemctl restart otelcol-contrib\n"
)


@pytest.mark.parametrize(
    ("site", "then", "expected"),
    [
        ("${env:DD_SITE:-}", "", {("RES-015", "datadoghq.com")}),
        ('"${env:DD_SITE:-}"', "", {("RES-015", "datadoghq.com")}),
        ("${DD_SITE:-}", "", {("RES-015", "datadoghq.com")}),
        ("${env:DD_SITE:-us5.datadoghq.com}", "", {("RES-015", "us5.datadoghq.com")}),
        ("${env:DD_SITE:-datadoghq.eu}", "", {("RES-015", "datadoghq.eu")}),
        (
            "${env:DD_SITE:-datadoghq.com}",
            "echo DD_SITE=datadoghq.eu >> /etc/otelcol-contrib/otelcol-contrib.conf\n",
            {("RES-015", "datadoghq.eu")},
        ),
        ("datadoghq.eu", "", {("RES-015", "datadoghq.eu")}),
    ],
)  # fmt: skip
def test_mutation65_the_collector_s_reference_default(site: str, then: str, expected: set[tuple[str, str]]) -> None:
    script = _OTEL65.format(site=site, then=then)
    assert {(r, v) for r, _, v in findings(f"{_H64}{script}", "EU", "aws")} == expected


def test_mutation65_a_reference_default_is_the_unset_variable_s_value() -> None:
    from components.residency.engine import _reference_defaults

    collector = next(e for e in load_endpoints().app_config_files if "env:" in e.variable_references)
    body = "site: ${env:DD_SITE:-datadoghq.eu}\nkey: ${env:DD_API_KEY}\nurl: ${env:DD_URL:-}\n"
    assert _reference_defaults(body, collector, body) == "site: datadoghq.eu\nkey: ${env:DD_API_KEY}\nurl: \n"
    script = "export DD_SITE=us5.datadoghq.com\n" + body
    kept = "site: ${env:DD_SITE:-datadoghq.eu}\nkey: ${env:DD_API_KEY}\nurl: \n"
    assert _reference_defaults(body, collector, script) == kept


# scripts65 (stop 65): su's long and attached line option, runuser's two forms (util-linux su(1) / runuser(1): "-c,
# --command=command Pass command to the shell with the -c option"; "runuser [options] -u user [[--] command
# [argument...]]", without -u "su-compatible semantics"), systemd-run's remote host (systemd-run(1) "-H, --host=
# Execute the operation remotely"). Each offending line passed every door on bc352e13.
_Q65 = "aws sqs list-queues --queue-name-prefix fleet"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"su ec2-user --command='{_Q65} --region us-west-2'", [("RES-009", "us-west-2")]),
        (f"su ec2-user --command='{_Q65} --region eu-west-1'", []),
        (f"su ec2-user --command '{_Q65} --region us-west-2'", [("RES-009", "us-west-2")]),
        (f"su ec2-user -c'{_Q65} --region us-west-2'", [("RES-009", "us-west-2")]),
        (f"su ec2-user -c'{_Q65} --region eu-west-1'", []),
        (f"su --session-command='{_Q65} --region us-west-2' ec2-user", [("RES-009", "us-west-2")]),
        (f"runuser -u ec2-user -- bash -c '{_Q65} --region us-west-2'", [("RES-009", "us-west-2")]),
        (f"runuser -u ec2-user -- {_Q65} --region us-west-2", [("RES-009", "us-west-2")]),
        (f"runuser --user=ec2-user {_Q65} --region us-west-2", [("RES-009", "us-west-2")]),
        (f"runuser -u ec2-user -- {_Q65} --region eu-west-1", []),
        (f"runuser -l ec2-user -c '{_Q65} --region us-west-2'", [("RES-009", "us-west-2")]),
        (f"runuser ec2-user --command='{_Q65} --region us-west-2'", [("RES-009", "us-west-2")]),
        (f"runuser -l ec2-user -c '{_Q65} --region eu-west-1'", []),
        ("runuser -l ec2-user -s /bin/bash", []),
        (f"systemd-run -H ops@bastion.partner.example.com {_Q65} --region eu-west-1",
         [("RES-015", "bastion.partner.example.com")]),
        (f"systemd-run --host=bastion.partner.example.com --unit x {_Q65} --region eu-west-1",
         [("RES-015", "bastion.partner.example.com")]),
        (f"systemd-run -H ops@10.0.3.4 {_Q65} --region us-west-2", [("RES-009", "us-west-2")]),
        (f"systemd-run -H ops@10.0.3.4 --unit x {_Q65} --region eu-west-1", []),
    ],
)  # fmt: skip
def test_scripts65_su_runuser_and_systemd_run_hosts(line: str, expected: list[tuple[str, str]]) -> None:
    assert [(r, v) for r, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")] == expected


# scripts65: IFS set at a command's place before a loop over a variable (bash(1) "Word Splitting"); a saved IFS restored
# (`OLD=$IFS` ... `IFS=$OLD`) is the default again; a value no reader computes fails closed; `IFS=, read` sets it for
# read alone.
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('RS="eu-west-1,us-west-2"\nIFS=,\nfor r in $RS; do {q} --region "$r"; done', {("RES-009", "us-west-2")}),
        ('RS="eu-west-1,eu-central-1"\nIFS=,\nfor r in $RS; do {q} --region "$r"; done', set()),
        ('RS="eu-west-1, us-west-2"\nIFS=","\nfor r in $RS\ndo\n  {q} --region "$r"\ndone', {("RES-009", "us-west-2")}),
        ('RS="eu-west-1:us-west-2"\nlocal IFS=:\nfor r in $RS; do {q} --region "$r"; done', {("RES-009", "us-west-2")}),
        ('SEP=,\nIFS=$SEP\nRS="eu-west-1,us-west-2"\nfor r in $RS; do {q} --region "$r"; done',
         {("RES-009", "us-west-2")}),
        ('IFS=$(cat /etc/sep)\nRS="eu-west-1,eu-central-1"\nfor r in $RS; do {q} --region "$r"; done',
         {("RES-011", "$(IFS=$(cat /etc/sep))")}),
        ('OLD=$IFS\nIFS=,\nX="a,b"\nIFS=$OLD\nRS="eu-west-1 eu-central-1"\nfor r in $RS; do {q} --region "$r"; done',
         set()),
        ('IFS=,\nunset IFS\nRS="eu-west-1 us-west-2"\nfor r in $RS; do {q} --region "$r"; done',
         {("RES-009", "us-west-2")}),
        ('IFS=, read -ra X <<< "a,b"\nRS="eu-west-1 us-west-2"\nfor r in $RS; do {q} --region "$r"; done',
         {("RES-009", "us-west-2")}),
        # the strict mode's IFS: the value is one word, no Region (the CLI refuses it): nothing is sent abroad
        ("IFS=$'\\n\\t'\nRS=\"eu-west-1 us-west-2\"\nfor r in $RS; do {q} --region \"$r\"; done", set()),
        ("IFS=$'\\n\\t'\nRS=\"eu-west-1\nus-west-2\"\nfor r in $RS; do {q} --region \"$r\"; done",
         {("RES-009", "us-west-2")}),
    ],
)  # fmt: skip
def test_scripts65_ifs_set_before_a_loop_splits_its_words(lines: str, expected: set[tuple[str, str]]) -> None:
    script = "#!/bin/bash\n" + lines.replace("{q}", _Q65) + "\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


@given(st.text(alphabet="ab ,:\t\n-", max_size=20), st.sampled_from([None, ",", ":", ",:", "\n", " ,"]))
def test_scripts65_split_fields_agrees_with_word_splitting(value: str, ifs: str | None) -> None:
    from components.residency.scripts import split_fields

    fields = split_fields(value, ifs)
    assert all(f and f == f.strip() for f in fields)
    if ifs is None:
        assert fields == value.split()
    else:
        assert not any(c in f for f in fields for c in ifs)
        kept = "".join(c for c in value if c not in ifs and not c.isspace())
        assert "".join(c for f in fields for c in f if not c.isspace()) == kept


# scripts65: a function printing from a select loop (bash(1) "Conditional Constructs", select: NAME is one of the listed
# words, null, or the body never runs at EOF): each listed word; a word holding an expansion stays unknown.
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('pick() {{ select r in us-west-2 eu-west-1; do echo "$r"; break; done; }}\nR=$(pick)\n{q} --region "$R"',
         {("RES-009", "us-west-2")}),
        ('pick() {{ select r in eu-central-1 eu-west-1; do echo "$r"; break; done; }}\nR=$(pick)\n{q} --region "$R"',
         set()),
        ('pick() {{\n  select r in eu-central-1 eu-west-1; do\n    printf \'%s\\n\' "$r"\n    break\n  done\n}}\n'
         '{q} --region "$(pick)"', set()),
        ('pick() {{ select r in $(cat /etc/rs); do echo "$r"; break; done; }}\nR=$(pick)\n{q} --region "$R"',
         {("RES-011", "$(pick)")}),
        ('pick() {{ select r in eu-west-1; do echo "$r"; done > /tmp/x; }}\nR=$(pick)\n{q} --region "$R"',
         {("RES-011", "$(pick)")}),
    ],
)  # fmt: skip
def test_scripts65_select_in_a_function_prints_its_words(lines: str, expected: set[tuple[str, str]]) -> None:
    script = "#!/bin/bash\n" + lines.format(q=_Q65) + "\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


# scripts65: several command substitutions in one double-quoted value (bash(1) "Double Quotes"), and a substitution the
# evaluator cannot compute inside a value with text around it, looped over.
@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('T="$(echo eu-west-1) $(echo us-west-2)"\nfor r in $T; do {q} --region "$r"; done',
         {("RES-009", "us-west-2")}),
        ('T="$(echo eu-west-1) $(echo eu-central-1)"\nfor r in $T; do {q} --region "$r"; done', set()),
        ('T="$(echo us-west)-$(echo 2)"\n{q} --region "$T"', {("RES-009", "us-west-2")}),
        ('T="$(echo eu-west-1) $(cat /etc/dr)"\nfor r in $T; do {q} --region "$r"; done',
         {("RES-011", "$(cat /etc/dr)")}),
        ('T="$(echo eu-west-1) $(cat /etc/dr)"\n{q} --region "$T"',
         {("RES-011", "$(echo eu-west-1) $(cat /etc/dr)")}),
        ('T="$(cat /etc/dr) eu-west-1"\nfor r in $T; do {q} --region "$r"; done', {("RES-011", "$(cat /etc/dr)")}),
        ('T="$(hostname) eu-west-1"\nfor r in $T; do {q} --region "$r"; done', set()),
    ],
)  # fmt: skip
def test_scripts65_several_substitutions_in_a_quoted_value(lines: str, expected: set[tuple[str, str]]) -> None:
    script = "#!/bin/bash\n" + lines.format(q=_Q65) + "\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


# scripts65: `export -n NAME` removes the export an earlier `export` gave (bash(1) "Bourne Shell Builtins"); a later
# export gives it again.
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("export A=1 B=2\nexport -n A\n", {"B"}),
        ("export -n A\nexport A=1\n", {"A"}),
        ("export A=1\nexport -n A B\nexport B\n", {"B"}),
        ("declare -x A=1\nexport -fn f\n", {"A"}),
    ],
)
def test_scripts65_export_n_removes_an_earlier_export(script: str, expected: set[str]) -> None:
    from components.residency.scripts import exported_names

    assert exported_names(script) == frozenset(expected)


# -- falsealarm65 (stop 65): printf's `\n` lines as assignments apart, Compose's `.env` / `--env-file` interpolation, a
# chart's values from a variable on standard input ------------------------------------------------------------------
_FA65_REGIONS = st.sampled_from(["eu-west-1", "eu-central-1", "us-west-2", "ap-northeast-1", "cn-north-1"])


@given(
    _FA65_REGIONS, st.from_regex(r"[A-Z][A-Z_]{0,8}", fullmatch=True), st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True)
)
def test_falsealarm65_a_printf_format_s_lines_are_assignments_apart(region: str, other: str, value: str) -> None:
    from components.residency.engine import _assigned_values

    assume(other != "REGION")
    script = f"printf 'REGION={region}\\n{other}={value}\\n' > /etc/fleet.env\n. /etc/fleet.env\necho \"$REGION\"\n"
    values = _assigned_values(script, None).at(script.rfind("echo"))
    assert values["REGION"] == (region,)
    assert values[other] == (value,)


@pytest.mark.parametrize(
    ("region", "expected"),
    [("eu-west-1", set()), ("us-west-2", {("RES-009", "us-west-2")})],
)
def test_falsealarm65_a_printf_env_file_sourced_back(region: str, expected: set[tuple[str, str]]) -> None:
    script = (
        f"printf 'AWS_REGION={region}\\nLOG_LEVEL=info\\n' > /etc/fleet/worker.env\n"
        'set -a; . /etc/fleet/worker.env; set +a\naws sqs get-queue-url --queue-name q --region "$AWS_REGION"\n'
    )
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


_FA65_COMPOSE = (
    "cat > /opt/app/compose.yaml <<'EOF'\nservices:\n  worker:\n    image: worker:1.4\n    environment:\n"
    "      QUEUE_URL: https://sqs.${AWS_REGION}.amazonaws.com/123456789012/jobs\nEOF\n"
)


@pytest.mark.parametrize(
    ("env", "run", "expected"),
    [
        # the project's .env, written by a here-document, by echo; an --env-file written by printf
        ("cat > /opt/app/.env <<EOF\nAWS_REGION=eu-west-1\nEOF\n", "cd /opt/app && docker compose up -d", set()),
        ("echo AWS_REGION=eu-west-1 > /opt/app/.env\n", "cd /opt/app && docker compose up -d", set()),
        ("printf 'AWS_REGION=eu-west-1\\nX=1\\n' > /opt/app/f.env\n",
         "docker compose --env-file /opt/app/f.env -f /opt/app/compose.yaml up -d", set()),
        # the same abroad: the assignment and the filled URL
        ("cat > /opt/app/.env <<EOF\nAWS_REGION=us-west-2\nEOF\n", "cd /opt/app && docker compose up -d",
         {("RES-009", "us-west-2"), ("RES-006", "sqs.us-west-2.amazonaws.com")}),
        # no environment file: the variable unknown, the URL unproven (as before)
        ("", "cd /opt/app && docker compose up -d", {("RES-015", "sqs.v0.amazonaws.com")}),
        # a service's env_file is the container's environment, not interpolation's (docker/docs#20735)
        ("cat > /opt/app/app.env <<EOF\nAWS_REGION=eu-west-1\nEOF\n", "cd /opt/app && docker compose up -d",
         {("RES-015", "sqs.v0.amazonaws.com")}),
    ],
)  # fmt: skip
def test_falsealarm65_compose_interpolates_from_its_env_file(
    env: str, run: str, expected: set[tuple[str, str]]
) -> None:
    script = f"mkdir -p /opt/app\n{env}{_FA65_COMPOSE}{run}\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


_FA65_VALUES = (
    "VALUES=$(cat <<'EOF'\ncustomConfig:\n  sinks:\n    cw:\n"
    "      type: aws_cloudwatch_logs\n      region: {r}\nEOF\n)\n"
)
_FA65_VECTOR = "helm upgrade --install vector vector/vector"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (_FA65_VALUES.format(r="eu-west-1") + f'{_FA65_VECTOR} -f - <<< "$VALUES"\n', set()),
        (_FA65_VALUES.format(r="us-west-2") + f'{_FA65_VECTOR} -f - <<< "$VALUES"\n', {("RES-009", "us-west-2")}),
        (_FA65_VALUES.format(r="us-west-2") + f'echo "$VALUES" | {_FA65_VECTOR} --values -\n',
         {("RES-009", "us-west-2")}),
        (_FA65_VALUES.format(r="eu-west-1") + f"printf '%s\\n' \"$VALUES\" | {_FA65_VECTOR} --values -\n", set()),
        # a value no reader computes, and an unquoted here-string (split and joined by blanks): unknown, by `-`
        (f'VALUES=$(sops -d /etc/v.enc.yaml)\n{_FA65_VECTOR} -f - <<< "$VALUES"\n', {("RES-015", "-")}),
        (_FA65_VALUES.format(r="eu-west-1") + f"{_FA65_VECTOR} -f - <<< $VALUES\n", {("RES-015", "-")}),
    ],
)  # fmt: skip
def test_falsealarm65_helm_values_from_a_variable_on_stdin(script: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


# k8s65 (stop 65): container definitions, round 5 (docs/residency.md, "Container definitions, round 5").
_US5_65 = "us5.datadoghq.com"
_AGENT65 = "gcr.io/datadoghq/agent:7"


def _uncovered65(script: str, code: str, declared: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """The findings no declaration covers, ``(rule, value)``."""
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider(code, "aws"))
    engine = RuleEngine(code, destinations=parse_destinations(declared))
    return {(f.rule.id, str(f.value)) for f in engine.check(subject)[0] if f.declared_by is None}


_US5_DECLARED65 = {"id": "us5", "kind": "resident", "match": _US5_65, "evidence": "Datadog US5, the fleet's org"}
_US1_DECLARED65 = {"id": "us1", "kind": "resident", "match": "datadoghq.com", "evidence": "Datadog US1"}


@pytest.mark.parametrize(
    ("option", "declared", "expected"),
    [
        (f"-eDD_SITE={_US5_65}", _US5_DECLARED65, set()),  # was RES-015 datadoghq.com: the default judged
        (f"-eDD_SITE={_US5_65}", _US1_DECLARED65, {("RES-015", _US5_65)}),  # the written site passed
        (f"-e'DD_SITE={_US5_65}'", _US5_DECLARED65, set()),
        (f'-e"DD_SITE={_US5_65}"', _US1_DECLARED65, {("RES-015", _US5_65)}),
        (f"-e DD_SITE={_US5_65}", _US5_DECLARED65, set()),  # read before
        (f"--env=DD_SITE={_US5_65}", _US1_DECLARED65, {("RES-015", _US5_65)}),  # read before
        ("-eDD_API_KEY=k", _US5_DECLARED65, {("RES-015", "datadoghq.com")}),  # no site: the default
    ],
)  # fmt: skip
def test_k8s65_the_agent_s_variable_attached_to_e(option: str, declared: dict[str, Any], expected: set[Any]) -> None:
    for code in ("EU", "US"):
        script = f"#!/bin/bash\ndocker run -d --name dd -e DD_API_KEY=$K {option} \\\n  {_AGENT65}\n"
        assert _uncovered65(script, code, [declared]) == expected


@given(
    name=st.from_regex(r"[A-Z_][A-Z0-9_]{0,12}", fullmatch=True),
    value=st.from_regex(r"[a-z0-9.:/-]{0,20}", fullmatch=True),
    runner=st.sampled_from(["docker run", "sudo docker run", "podman run", "docker container create", "nerdctl run"]),
)
@settings(max_examples=60, deadline=None)
def test_k8s65_container_env_options_written(name: str, value: str, runner: str) -> None:
    from components.residency.scripts import container_env_options_written

    options = ENGINES["EU"]._run_value_options  # docker / podman run's catalogued value options
    line = f"{runner} -d --name x -v /a:/b -e{name}={value} img:1 sh -exc 'echo -eX=1'\n"
    # the run's own option written apart; the container command's words after the image left
    assert container_env_options_written(line, options) == line.replace(f" -e{name}=", f" -e {name}=", 1)
    for other in (f"grep -e{name}={value} f\n", "sh -exc 'x'\n", f"docker run img npm run -e{name}=1\n"):
        assert container_env_options_written(other, options) == other  # no container run's own option


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('URL="{url}"\nkubectl apply -f "$URL"', {"{url}"}),
        ("export MANIFEST={url}\nkubectl apply --filename=${{MANIFEST}} -n ops", {"{url}"}),
        ('URL=$(aws ssm get-parameter --name /m --query Parameter.Value --output text)\nkubectl apply -f "$URL"',
         {"$(aws ssm get-parameter --name /m --query Parameter.Value --output text)"}),
        ('kubectl apply -f "$MANIFEST"', set()),  # nothing assigns it: a local file's path, as an unwritten file
        ("kubectl apply -f /opt/k8s/agent.yaml", set()),
        ("kubectl apply -k 'github.com/org/addons/prod?ref=v1'", {"github.com/org/addons/prod?ref=v1"}),
        ("kubectl apply -k git@github.com:org/addons.git", {"git@github.com:org/addons.git"}),
        ("kubectl apply -k overlays/prod", set()),
        ("kubectl apply -k ./config.d/prod", set()),
    ],
)  # fmt: skip
def test_k8s65_a_manifest_s_url_in_a_variable(lines: str, expected: set[str]) -> None:
    url = "https://fleet-manifests.s3.eu-west-1.amazonaws.com/agent.yaml"
    script = "#!/bin/bash\n" + lines.format(url=url) + "\n"
    found = {v for r, p, v in findings(script, "EU", "aws") if "(kubectl@" in p}
    assert found == {e.format(url=url) for e in expected}


def test_k8s65_a_manifest_s_url_in_a_variable_is_declared_by_its_text() -> None:
    url = "https://fleet-manifests.s3.eu-west-1.amazonaws.com/agent.yaml"
    script = f'#!/bin/bash\nURL="{url}"\nkubectl apply -f "$URL"\n'
    declared = [{"id": "m", "kind": "resident", "match": url, "evidence": "the stack's bucket"}]
    assert not {f for f in _uncovered65(script, "EU", declared) if f[1] == url}


_KM65 = "helm upgrade --install km grafana/k8s-monitoring -n monitoring "


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (_KM65 + "--set 'destinations[0].url=prom.partner.example/api/push'", {("RES-015", "prom.partner.example")}),
        (_KM65 + "--set destinations[0].type=otlp,destinations[0].url=otlp.partner.example:443",
         {("RES-015", "otlp.partner.example")}),
        (_KM65 + "--set 'destinations[0].url=10.0.8.10:9090/api/v1/write'", set()),
        (_KM65 + "--set destinations[0].url=aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write",
         set()),
        ("U=$(aws ssm get-parameter --name /u --output text)\n" + _KM65 + '--set "destinations[0].url=$U"',
         {("RES-015", "$(aws ssm get-parameter --name /u --output text)")}),
        ("U=prom.partner.example\n" + _KM65 + "--set destinations[0].url=$U", {("RES-015", "prom.partner.example")}),
        (_KM65 + '--set "destinations[0].url=$PROM_URL"', set()),  # nothing assigns it: Helm's empty value
        (_KM65 + "--set cluster.name=fleet --set alloy-metrics.enabled=true", set()),
        ("helm install aws-lbc eks/aws-load-balancer-controller --set region=us-west-2 --set clusterName=c",
         {("RES-009", "us-west-2")}),
        ("helm install aws-lbc eks/aws-load-balancer-controller --set region=eu-west-1 --set clusterName=c", set()),
        ("cat > /opt/o.conf <<'EOF'\n[OUTPUT]\n    Name cloudwatch_logs\n    Match *\n    region us-west-2\n"
         "    log_group_name g\nEOF\nhelm install fb fluent/fluent-bit --set-file config.outputs=/opt/o.conf",
         {("RES-009", "us-west-2")}),
        ("helm install fb fluent/fluent-bit --set-file config.outputs=/opt/unwritten.conf", set()),
        ("helm install dd datadog/datadog --set datadog.site=datadoghq.eu", {("RES-015", "datadoghq.eu")}),  # once
    ],
)  # fmt: skip
def test_k8s65_any_chart_s_set_values_are_walked(lines: str, expected: set[tuple[str, str]]) -> None:
    found = findings(f"#!/bin/bash\n{lines}\n", "EU", "aws")
    assert {(r, v) for r, _, v in found} == expected
    assert len([f for f in found if "datadoghq.eu" in f[2]]) <= 1  # a catalogued chart's key judged once


_COMPOSE65 = (
    "cat > /opt/dd/docker-compose.yml <<'EOF'\nservices:\n  dd:\n    image: gcr.io/datadoghq/agent:7\n"
    "    environment:\n      DD_SITE: ${DD_SITE}\nEOF\n"
)


@pytest.mark.parametrize(
    ("before", "run", "expected"),
    [
        (f"cat > /etc/fleet/.env <<'EOF'\nDD_SITE={_US5_65}\nEOF\n",
         "docker compose -f /opt/dd/docker-compose.yml up -d",
         {("RES-015", "datadoghq.com")}),  # another directory's .env: Compose reads the project's
        (f"cat > /etc/fleet/.env <<'EOF'\nDD_SITE={_US5_65}\nEOF\n",
         "docker compose --project-directory /etc/fleet -f /opt/dd/docker-compose.yml up -d", set()),
        (f"cat > /opt/dd/.env <<'EOF'\nDD_SITE={_US5_65}\nEOF\n", "docker compose -f /opt/dd/docker-compose.yml up -d",
         set()),
        (f"cat > /opt/dd/.env <<'EOF'\nDD_SITE={_US5_65}\nEOF\n", "cd /opt/dd && docker compose up -d", set()),
        (f"cat > /etc/fleet/dd.env <<'EOF'\nDD_SITE={_US5_65}\nEOF\n",
         "docker-compose --env-file=/etc/fleet/dd.env -f /opt/dd/docker-compose.yml up -d", set()),
        (f"DD_SITE={_US5_65} /opt/bin/check\n", "docker compose -f /opt/dd/docker-compose.yml up -d",
         {("RES-015", "datadoghq.com")}),  # given to another command only
        (f"DD_SITE={_US5_65}\n", "docker compose -f /opt/dd/docker-compose.yml up -d",
         {("RES-015", "datadoghq.com")}),  # not exported: not Compose's
        (f"export DD_SITE={_US5_65}\n", "docker compose -f /opt/dd/docker-compose.yml up -d", set()),
        (f"set -a\nDD_SITE={_US5_65}\n", "docker compose -f /opt/dd/docker-compose.yml up -d", set()),
        ("", f"DD_SITE={_US5_65} docker compose -f /opt/dd/docker-compose.yml up -d", set()),
        ("", f"sudo env DD_SITE={_US5_65} docker compose -f /opt/dd/docker-compose.yml up -d", set()),
        (f"export DD_SITE={_US5_65}\n", "systemctl start dd-compose", set()),  # no run of the file: as before
    ],
)  # fmt: skip
def test_k8s65_what_reaches_compose_s_interpolation(before: str, run: str, expected: set[tuple[str, str]]) -> None:
    script = f"#!/bin/bash\nmkdir -p /opt/dd /etc/fleet\n{before}{_COMPOSE65}{run}\n"
    for code in ("EU", "US"):
        assert _uncovered65(script, code, [_US5_DECLARED65]) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("docker compose -f a.yml -f /b.yml --env-file x.env up -d", (["a.yml", "/b.yml"], None, ["x.env"], set())),
        ("D=1 docker-compose --project-directory=/p -fc.yml -p n up", (["c.yml"], "/p", [], {"D"})),
        ("sudo /usr/bin/docker compose --profile x --file=/c.yml up", (["/c.yml"], None, [], set())),
        ("docker compose up -d", ([], None, [], set())),
        ("docker run compose", None),
    ],
)  # fmt: skip
def test_k8s65_compose_runs(line: str, expected: tuple[Any, ...] | None) -> None:
    from components.residency.scripts import compose_runs

    runs = compose_runs(line + "\n")
    if expected is None:
        assert runs == []
        return
    (run,) = runs
    assert (run.files, run.project_directory, run.env_files, set(run.assigned)) == expected


# config65b (stop 65): Fluent Bit's command line read as the configuration its options make, and a Beat's pflag `-E=`.
_ES_US65B = base64.b64encode(b"us-east-1.aws.found.io$4fa8821e$5ac1e2d3").decode()
_ES_EU65B = base64.b64encode(b"eu-west-1.aws.found.io$4fa8821e$5ac1e2d3").decode()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("fluent-bit -i cpu -o es -p host=a.example -p Port=9200",
         [{"outputs": [{"name": "es", "host": "a.example", "port": "9200"}], "inputs": [{"name": "cpu"}]}]),
        ("sudo FOO=1 /opt/fluent-bit/bin/fluent-bit --input=tail --prop=path=/x --output=http --prop=Host=b.example",
         [{"outputs": [{"name": "http", "host": "b.example"}], "inputs": [{"name": "tail", "path": "/x"}]}]),
        ("td-agent-bit -icpu -oes -m '*' -t t1 -pcloud_id=x:y -c /etc/a.conf -F grep -p regex=a",
         [{"outputs": [{"name": "es", "match": "*", "tag": "t1", "cloud_id": "x:y"}], "inputs": [{"name": "cpu"}],
           "filters": [{"name": "grep", "regex": "a"}]}]),
        ("fluent-bit -p host=early.example -o stdout", [{"outputs": [{"name": "stdout"}]}]),  # before any plugin
        ("fluent-bit -c /etc/fluent-bit/fluent-bit.conf", []),  # no output on the line: the file's reader judges it
        ("fluent-bit -i cpu -o es -p host=a.example; fluent-bit -i mem -o forward -p host=b.example",
         [{"outputs": [{"name": "es", "host": "a.example"}], "inputs": [{"name": "cpu"}]},
          {"outputs": [{"name": "forward", "host": "b.example"}], "inputs": [{"name": "mem"}]}]),
        ("echo fluent-bit -o es -p host=a.example", []),
    ],
)  # fmt: skip
def test_config65b_fluent_bit_lines(line: str, expected: list[dict[str, Any]]) -> None:
    from components.residency.scripts import fluent_bit_lines

    assert [document["pipeline"] for _, document in fluent_bit_lines(line + "\n", FLUENT_BIT_COMMANDS)] == expected


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["host", "port", "cloud_id", "tls", "index"]),
            st.from_regex(r"[a-z0-9.:]{1,12}", fullmatch=True),
        ),
        max_size=5,
    ),
    st.sampled_from(["-p {k}={v}", "-p{k}={v}", "--prop={k}={v}", "--prop {k}={v}", "-p '{k}={v}'"]),
)
@settings(max_examples=60, deadline=None)
def test_config65b_every_property_spelling_reaches_its_output(props: list[tuple[str, str]], form: str) -> None:
    from components.residency.scripts import fluent_bit_lines

    words = " ".join(form.format(k=k, v=v) for k, v in props)
    ((_, document),) = fluent_bit_lines(f"fluent-bit -i cpu -o es {words}\n", FLUENT_BIT_COMMANDS)
    assert document["pipeline"]["outputs"] == [{"name": "es", **dict(props)}]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"fluent-bit -i cpu -o es -p cloud_id=logs:{_ES_US65B}", {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),
        # the market's deployment: a third party's host in the market, declared by it (the table's -home-declared)
        (f"fluent-bit -i cpu -o es -p cloud_id=logs:{_ES_EU65B}", {("RES-015", "4fa8821e.eu-west-1.aws.found.io")}),
        ("fluent-bit -i cpu -o datadog -p apikey=K -p TLS=on", {("RES-016", "datadog")}),
        ("fluent-bit -i cpu -o datadog -p apikey=K -p Host=http-intake.logs.datadoghq.eu",
         {("RES-015", "http-intake.logs.datadoghq.eu")}),
        ("td-agent-bit -i cpu -o nrlogs -p license_key=K", {("RES-016", "nrlogs")}),
        ("fluent-bit -i cpu -o es -p Host=10.0.3.4 -p Port=9200", set()),
        ("fluent-bit -i cpu -o stdout -m '*'", set()),
        ("fluent-bit -i cpu -o es -p Host=search-logs-abc.eu-west-1.es.amazonaws.com -p tls=On", set()),
    ],
)  # fmt: skip
def test_config65b_fluent_bit_command_line_outputs_are_judged(line: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{line} &\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (f"-E=cloud.id=logs:{_ES_US65B}", {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),
        (f"-E='cloud.id=logs:{_ES_US65B}'", {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),
        (f"-E cloud.id=logs:{_ES_US65B}", {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),  # as before
        (f"--E=cloud.id=logs:{_ES_US65B}", {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),  # as before
        ("-E=output.elasticsearch.hosts=[\"https://search.example.com:9200\"]", {("RES-015", "search.example.com")}),
        ("-E=output.elasticsearch.hosts=[\"https://10.0.3.4:9200\"]", set()),
        ("-E=logging.level=debug", set()),
    ],
)  # fmt: skip
def test_config65b_a_beat_s_pflag_equals_spelling(words: str, expected: set[tuple[str, str]]) -> None:
    script = f"#!/bin/bash\nfilebeat -e --path.config /etc/filebeat {words} &\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


_FILEBEAT65B = (
    "cat > /etc/filebeat/filebeat.yml <<'EOF'\nfilebeat.inputs:\n  - type: filestream\n    id: app\n"
    '    paths: [/var/log/app.log]\ncloud.id: "${CLOUD_ID}"\nEOF\nsystemctl enable --now filebeat\n'
)


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        (f"echo 'logs:{_ES_US65B}' | filebeat keystore add CLOUD_ID --stdin --force",
         {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),
        (f"sudo /usr/share/filebeat/bin/filebeat keystore add CLOUD_ID --force --stdin <<< \"logs:{_ES_US65B}\"",
         {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),
        (f"printf '%s' 'logs:{_ES_US65B}' | filebeat keystore add CLOUD_ID --stdin",
         {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),
        # the market's deployment: a third party's host in the market, declared by it (the table's -home-declared)
        (f"echo 'logs:{_ES_EU65B}' | filebeat keystore add CLOUD_ID --stdin",
         {("RES-015", "4fa8821e.eu-west-1.aws.found.io")}),
        ("filebeat keystore add CLOUD_ID", set()),  # prompted: no value in the script (as before)
        (f"echo 'logs:{_ES_US65B}' | filebeat keystore add OTHER_ID --stdin", set()),  # another key
        (f"echo 'logs:{_ES_US65B}' | filebeat keystore add CLOUD_ID", set()),  # no --stdin: prompted, as before
    ],
)  # fmt: skip
def test_config65b_a_beat_s_keystore_key_fills_its_reference(added: str, expected: set[tuple[str, str]]) -> None:
    script = f"#!/bin/bash\nfilebeat keystore create --force\n{added}\n{_FILEBEAT65B}"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_config65b_keystore_lines_keep_their_offsets() -> None:
    from components.residency.scripts import reads_as_assignments

    script = "echo 'a:b' | filebeat keystore add K --stdin\nmetricbeat keystore add M --stdin <<< x\nfilebeat run\n"
    written = reads_as_assignments(script)
    assert len(written) == len(script)
    assert [line.rstrip() for line in written.splitlines()] == ["export K='a:b'", "export M=x", "filebeat run"]


# falsealarm65b (stop 65): the Agent's attached `-eDD_SITE=` after an option word holding a blank (a substitution, a
# quoted value) was not read (the words split at the blank looked like an image): the default site was judged
_KEY65B = '-eDD_API_KEY="$(aws secretsmanager get-secret-value --secret-id dd --query SecretString --output text)"'


@pytest.mark.parametrize(
    ("before", "declared", "expected"),
    [
        ("-eDD_API_KEY=$(cat /run/dd)", _US5_DECLARED65, set()),  # was RES-015 datadoghq.com
        ("-eDD_API_KEY=$(cat /run/dd)", _US1_DECLARED65, {("RES-015", _US5_65)}),  # the written site passed
        (_KEY65B + " \\\n ", _US5_DECLARED65, set()),
        ('-e DD_TAGS="env:prod team:fleet"', _US5_DECLARED65, set()),
        ('-e DD_TAGS="env:prod team:fleet"', _US1_DECLARED65, {("RES-015", _US5_65)}),
        ("-e DD_TAGS='a b' -v /a:/b", _US5_DECLARED65, set()),
    ],
)  # fmt: skip
def test_falsealarm65b_an_attached_site_after_a_word_holding_a_blank(
    before: str, declared: dict[str, Any], expected: set[tuple[str, str]]
) -> None:
    script = f"#!/bin/bash\ndocker run -d --name dd-agent {before} -eDD_SITE={_US5_65} {_AGENT65}\n"
    for code in ("EU", "US"):
        assert _uncovered65(script, code, [declared]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-d --name x ", ["-d", "--name", "x"]),
        ('-e K="$(cat /f) x" -eA=$(echo a b) ', ["-e", 'K="$(cat /f) x"', "-eA=$(echo a b)"]),
        ("-d 'a b' | ", ["-d", "'a b'", "|"]),  # an operator ends the command: no option, left as before
        ("-d ; ", ["-d", ";"]),
    ],
)
def test_falsealarm65b_run_option_words(text: str, expected: list[str]) -> None:
    from components.residency.scripts import _run_option_words

    assert _run_option_words(text) == expected


def test_falsealarm65b_an_attached_e_after_an_operator_is_not_the_run_s() -> None:
    from components.residency.scripts import container_env_options_written

    options = ENGINES["EU"]._run_value_options
    for line in (
        "docker run -d img:1 | grep -eX=1 f\n",
        "docker run -d 'a b' ; grep -eX=1 f\n",
        "docker run -d img:1 sh -c 'echo -eX=1'\n",
    ):
        assert container_env_options_written(line, options) == line


# falsealarm65b (stop 65): an environment file written by printf with a conversion (`printf 'NAME=%s\n' WORD > FILE`):
# what printf prints, not the format, is what a source or Compose's --env-file reads
_PRINTF65B = "printf 'AWS_REGION=%s\\nLOG_LEVEL=%s\\n' {r} info > /etc/fleet/w.env\n"


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (_PRINTF65B.format(r="eu-west-1"), []),
        (_PRINTF65B.format(r="us-west-2"), [("RES-009", "us-west-2")]),  # passed every door (`%s` read)
        ("printf 'AWS_REGION=%s\\n' us-west-2 | sudo tee /etc/fleet/w.env >/dev/null\n", [("RES-009", "us-west-2")]),
        ("printf 'AWS_REGION=%s\\n' eu-west-1 | tee -a /etc/fleet/w.env\n", []),
        ("R=us-west-2\nprintf 'export AWS_REGION=%s\\n' \"$R\" > /etc/fleet/w.env\n", [("RES-009", "us-west-2")]),
        ("R=eu-west-1\nprintf 'export AWS_REGION=%s\\n' \"$R\" > /etc/fleet/w.env\n", []),
        ("printf 'AWS_REGION=%s\\n' \"$(cat /etc/r)\" > /etc/fleet/w.env\n", []),  # not read: left (the file's text)
    ],
)  # fmt: skip
def test_falsealarm65b_a_printf_environment_file_sourced(write: str, expected: list[tuple[str, str]]) -> None:
    script = f'#!/bin/bash\n{write}set -a; . /etc/fleet/w.env; set +a\naws sqs list-queues --region "$AWS_REGION"\n'
    assert [(rule, value) for rule, _, value in findings(script, "EU", "aws")] == expected


def test_falsealarm65b_a_printf_environment_file_for_compose() -> None:
    compose = (
        "cat > /opt/f/compose.yaml <<'EOF'\nservices:\n  w:\n    image: fleet/w:1\n    environment:\n"
        "      QUEUE_URL: https://sqs.${AWS_REGION}.amazonaws.com/123456789012/jobs\n      DB_HOST: ${DB_HOST}\nEOF\n"
        "docker compose --env-file /opt/f/p.env -f /opt/f/compose.yaml up -d\n"
    )
    for db, expected in (("10.20.1.30", []), ("db.partner-analytics.com", ["db.partner-analytics.com"])):
        script = f"#!/bin/bash\nprintf 'AWS_REGION=%s\\nDB_HOST=%s\\n' eu-west-1 {db} > /opt/f/p.env\n{compose}"
        found = findings(script, "EU", "aws")
        assert {value for _, _, value in found} == set(expected)  # was RES-015 sqs.v0.amazonaws.com at home


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("printf 'R=%s\\nL=info\\n' eu-west-1 > /f\n", "printf 'R=eu-west-1\\nL=info\\n'"),
        ('printf "R=%s\\n" "$A" > /f\n', 'printf "R=${A}\\n"'),
        ("printf '%s\\n' 'R=x' > /f\n", None),  # no assignment with a conversion in the format: as written
        ("printf 'R=%s\\n' a b > /f\n", "printf 'R=a\\nR=b\\n'"),  # the format reused: both lines
        # scripts66 (stop 66): the reused format that does not fit is now read (first pass in place, the others after
        # the script's end): test_scripts66_printf_passes_after_the_script_s_end
        ("printf 'R=%d\\n' a > /f\n", None),  # a conversion not computed (no number): as written
        ("printf -v R '%s' a\n", "R=a"),  # printf -v: scripts54b's reading, unchanged
    ],
)  # fmt: skip
def test_falsealarm65b_printf_lines_written(line: str, expected: str | None) -> None:
    from components.residency.scripts import printf_as_assignments

    written = printf_as_assignments(line)
    assert len(written) == len(line)
    assert written == line if expected is None else written.startswith(expected)


# scripts65b (stop 65): xargs given its items from a file (`-a FILE`, `--arg-file`, `< FILE`, `cat FILE |`: the lines
# the script writes into it; one it does not write fails closed, RES-011) or cut at `-0` / `-d` (findutils "Invoking
# xargs"). Each abroad / unknown line passed every door on 23bea94d.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{w}xargs -a /etc/r -I{{}} {xargs}", {("RES-009", "us-east-1")}),
        ("{w}xargs -a/etc/r -I{{}} {xargs}", {("RES-009", "us-east-1")}),
        ("{w}xargs --arg-file=/etc/r -I{{}} {xargs}", {("RES-009", "us-east-1")}),
        ("{w}xargs --arg-file /etc/r -n1 {bare}", {("RES-009", "us-east-1")}),
        ("{w}xargs -I{{}} {xargs} < /etc/r", {("RES-009", "us-east-1")}),
        ("{w}cat /etc/r | xargs -I{{}} {xargs}", {("RES-009", "us-east-1")}),
        ("xargs -a /etc/unwritten -I{{}} {xargs}", {("RES-011", "$(cat /etc/unwritten)")}),
        ("xargs -I{{}} {xargs} < /etc/unwritten", {("RES-011", "$(cat /etc/unwritten)")}),
        ("printf '%s\\0' eu-central-1 us-east-1 | xargs -0 -I{{}} {xargs}", {("RES-009", "us-east-1")}),
        ("printf '%s\\0' eu-central-1 us-east-1 | xargs --null -n 1 {bare}", {("RES-009", "us-east-1")}),
        ("echo 'eu-central-1;us-east-1' | xargs -d ';' -I{{}} {xargs}", {("RES-009", "us-east-1")}),
        ("printf 'eu-central-1:us-east-1' | xargs --delimiter=: -n1 {bare}", {("RES-009", "us-east-1")}),
        ("{h}xargs -a /etc/r -I{{}} {xargs}", set()),
        ("{h}xargs -I{{}} {xargs} < /etc/r", set()),
        ("printf '%s\\0' eu-central-1 eu-west-1 | xargs -0 -I{{}} {xargs}", set()),
        ("echo 'eu-central-1;eu-west-1' | xargs -d ';' -I{{}} {xargs}", set()),
        ("xargs -a /etc/unwritten rm -f", set()),  # no destination: nothing judged
        ("xargs -I{{}} {xargs} <<< eu-central-1", set()),  # a here-string: not a file (as before)
    ],
)  # fmt: skip
def test_scripts65b_xargs_items_from_a_file_or_a_delimiter(line: str, expected: set[tuple[str, str]]) -> None:
    script = line.format(
        xargs=_COPY65.format(r="{}"),
        bare=_COPY65.format(r="").rstrip(),
        w="printf '%s\\n' eu-central-1 us-east-1 > /etc/r\n",
        h="printf '%s\\n' eu-central-1 eu-west-1 > /etc/r\n",
    )
    assert {(r, v) for r, _, v in findings(f"{_H64}{script}\n", "EU", "aws")} == expected


@given(
    st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), min_size=1, max_size=5),
    st.sampled_from(["\\0", ",", ";", ":", "\\n"]),
)
def test_scripts65b_xargs_delimiter_gives_each_item(items: list[str], delimiter: str) -> None:
    from components.residency.scripts import xargs_expanded

    option = "-0" if delimiter == "\\0" else f"-d '{delimiter}'"
    printed = f"printf '%s{delimiter}' " + " ".join(items)
    text = xargs_expanded(f"{printed} | xargs {option} -I{{}} curl https://{{}}.example.com/\n").rstrip("\n")
    assert text.split(" ; ")[1:] == [f"curl https://{item}.example.com/" for item in items]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(",", ","), ("\\n", "\n"), ("\\0", "\0"), ("\\x2c", ","), ("\\054", ","), ("", ""), ("\\", "")],
)
def test_scripts65b_xargs_delimiter_escape(text: str, expected: str) -> None:
    from components.residency.scripts import _c_escape

    assert _c_escape(text) == expected


# scripts65b (stop 65): wrappers and shells the catalogue did not list (doas(1), screen(1), tmux(1) new-session,
# watch(1), script(1) -c, BusyBox, mksh(1)); and a command running its operands as a line reads its options before the
# first operand only (`watch -n 60 aws ... --region R`, `eval aws ... --region R`). Each abroad line passed every door
# on 23bea94d.
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("doas -u ec2-user {copy}", {("RES-009", "us-east-1")}),
        ("doas -n -C /etc/doas.conf {copy}", {("RES-009", "us-east-1")}),
        ("screen -dmS dr {copy}", {("RES-009", "us-east-1")}),
        ("screen -S dr -d -m bash -c '{copy}'", {("RES-009", "us-east-1")}),
        ("tmux new-session -d -s dr '{copy}'", {("RES-009", "us-east-1")}),
        ("tmux -L fleet new -d '{copy}'", {("RES-009", "us-east-1")}),
        ("watch -n 60 {copy}", {("RES-009", "us-east-1")}),
        ("watch -n 60 '{copy}'", {("RES-009", "us-east-1")}),
        ("eval {copy}", {("RES-009", "us-east-1")}),
        ("script -qc '{copy}' /dev/null", {("RES-009", "us-east-1")}),
        ("script --command '{copy}' /tmp/log", {("RES-009", "us-east-1")}),
        ("busybox sh -c '{copy}'", {("RES-009", "us-east-1")}),
        ("mksh -c '{copy}'", {("RES-009", "us-east-1")}),
        ("doas -u postgres psql -h db.partner.example.com", {("RES-015", "db.partner.example.com")}),
        ("doas -u ec2-user {home}", set()),
        ("screen -dmS dr {home}", set()),
        ("tmux new-session -d '{home}'", set()),
        ("watch -n 60 {home}", set()),
        ("script -q /tmp/typescript", set()),  # the typescript file: no script
        ("busybox wget -q -O /tmp/x http://169.254.169.254/latest/meta-data/", set()),
        ("tmux kill-server", set()),
    ],
)  # fmt: skip
def test_scripts65b_a_command_under_a_wrapper_or_shell(line: str, expected: set[tuple[str, str]]) -> None:
    script = line.format(copy=_COPY65.format(r="us-east-1"), home=_COPY65.format(r="eu-central-1"))
    assert {(r, v) for r, _, v in findings(f"{_H64}{script}\n", "EU", "aws")} == expected


# scripts65b (stop 65): the IFS in effect where `set -- $RS` sets the positional parameters splits RS's values for a
# loop over "$@" (bash(1) "Word Splitting"); one no reader computes fails closed. Each abroad line passed on 23bea94d.
@pytest.mark.parametrize(
    ("ifs", "value", "expected"),
    [
        ("IFS=,", "eu-central-1,us-east-1", {("RES-009", "us-east-1")}),
        ("IFS=:", "eu-central-1:us-east-1", {("RES-009", "us-east-1")}),
        ("IFS=$(cat /etc/sep)", "eu-central-1,us-east-1", {("RES-011", "$(IFS=$(cat /etc/sep))")}),
        ("IFS=,", "eu-central-1,eu-west-1", set()),
        ("", "eu-central-1 eu-west-1", set()),
        ("", "eu-central-1 us-east-1", {("RES-009", "us-east-1")}),
    ],
)  # fmt: skip
def test_scripts65b_ifs_splits_set_positional_words(ifs: str, value: str, expected: set[tuple[str, str]]) -> None:
    script = f'RS="{value}"\n{ifs}\nset -- $RS\nfor r in "$@"; do\n  {_COPY65.format(r="$r")}\ndone\n'
    assert {(r, v) for r, _, v in findings(f"{_H64}{script}\n", "EU", "aws")} == expected


# -- k8s65b (stop 65): a manifest the script computes or fetches before kubectl reads it

_JOB65B = (
    "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: inv\nspec:\n  template:\n    spec:\n"
    "      restartPolicy: Never\n      containers:\n        - name: inv\n"
    "          image: public.ecr.aws/aws-cli/aws-cli:2.15.30\n"
    '          command: ["aws", "ec2", "describe-instances", "--region", "{r}"]\n'
)
_TPL65B = "cat > /opt/t.yaml <<'EOF'\n" + _JOB65B.format(r="__R__") + "EOF\n"
_ENV_TPL65B = "cat > /opt/t.yaml <<'EOF'\n" + _JOB65B.format(r="${{DR}}") + "EOF\n"  # its $DR after format


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (_TPL65B + "sed 's/__R__/{r}/g' /opt/t.yaml | kubectl apply -f -", True),
        (_TPL65B + "sed -e 's/__R__/{r}/g' < /opt/t.yaml | sudo kubectl apply -f -", True),
        (_TPL65B + "cat /opt/t.yaml | sed 's/__R__/{r}/g' | kubectl create -f -", True),
        ("sed 's/__R__/{r}/g' <<'EOF' | kubectl apply -f -\n" + _JOB65B.format(r="__R__") + "EOF", True),
        ("DR={r}\n" + _TPL65B + 'sed "s/__R__/$DR/g" /opt/t.yaml | kubectl apply -f -', True),
        ("DR={r}\n" + _TPL65B + 'sed "s/__R__/${{DR}}/g" /opt/t.yaml | kubectl apply -f -', True),
        # single quotes: the text $DR, no Region
        ("DR={r}\n" + _TPL65B + "sed 's/__R__/$DR/g' /opt/t.yaml | kubectl apply -f -", False),
        (_TPL65B + "sed 's/__R__/{r}/g' /opt/t.yaml > /opt/j.yaml\nkubectl apply -f /opt/j.yaml", True),
        (_TPL65B + "sed -i 's/__R__/{r}/g' /opt/t.yaml\nkubectl apply -f /opt/t.yaml", True),
        ("export DR={r}\n" + _ENV_TPL65B + "envsubst < /opt/t.yaml | kubectl apply -f -", True),
        ("export DR={r}\nenvsubst <<'EOF' | kubectl apply -f -\n" + _JOB65B.format(r="${{DR}}") + "EOF", True),
        (_TPL65B + "sed 's/__R__/{r}/g' /opt/t.yaml | grep -v '^#'", False),  # not applied: no manifest read
    ],
)  # fmt: skip
def test_k8s65b_a_template_filled_on_its_way_into_kubectl(lines: str, expected: bool) -> None:
    for region in ("us-west-2", "eu-west-1"):
        found = {(r, v) for r, _, v in findings(f"#!/bin/bash\n{lines.format(r=region)}\n", "EU", "aws")}
        assert found == ({("RES-009", region)} if expected and region == "us-west-2" else set()), region


_URL65B = "https://fleet-manifests.s3.eu-west-1.amazonaws.com/agent.yaml"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (f"curl -fsSL {_URL65B} | kubectl apply -f -", {_URL65B}),
        (f"wget -qO- {_URL65B} | sudo kubectl apply -f -", {_URL65B}),
        (f'curl -sL -H "Authorization: Bearer $T" {_URL65B} | kubectl apply --server-side -f -', {_URL65B}),
        ("aws s3 cp s3://fleet-manifests/agent.yaml - | kubectl apply -f -", {"s3://fleet-manifests/agent.yaml"}),
        ("aws s3 cp s3://fleet-manifests/agent.yaml /opt/agent.yaml", set()),  # a copy: the file's own reading
        ("kustomize build github.com/org/addons//agent?ref=v1 | kubectl apply -f -",
         {"github.com/org/addons//agent?ref=v1"}),
        ("kubectl kustomize https://github.com/org/addons/agent | kubectl apply -f -",
         {"https://github.com/org/addons/agent"}),
        ("kustomize build /opt/k | kubectl apply -f -", set()),  # a local directory the script does not write
        ("kustomize build overlays/prod | kubectl apply -f -", set()),
        (f"curl -fsSL {_URL65B} | tee /opt/a.yaml", set()),  # not applied
        (f"curl -fsSL {_URL65B} -o /opt/a.yaml", set()),
    ],
)  # fmt: skip
def test_k8s65b_a_manifest_fetched_on_a_pipe(lines: str, expected: set[str]) -> None:
    assert {v for _, v in fetched_manifests(f"#!/bin/bash\n{lines}\n", _FETCH_OPTIONS)} == expected
    found = {v for r, p, v in findings(f"#!/bin/bash\n{lines}\n", "EU", "aws") if "(kubectl@" in p and r == "RES-015"}
    assert found == expected


def test_k8s65b_a_fetched_manifest_is_declared_by_its_text() -> None:
    script = f"#!/bin/bash\ncurl -fsSL {_URL65B} | kubectl apply -f -\n"
    declared = [{"id": "m", "kind": "resident", "match": _URL65B, "evidence": "the stack's bucket"}]
    assert not {f for f in _uncovered65(script, "EU", declared) if f[1] == _URL65B}


_KUST65B = "cat > /opt/k/kustomization.yaml <<'EOF'\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"


@pytest.mark.parametrize(
    ("body", "run", "expected"),
    [
        ("resources:\n  - github.com/org/addons//agent?ref=v1.2.0\n  - ./local.yaml\n", "kubectl apply -k /opt/k",
         {"github.com/org/addons//agent?ref=v1.2.0"}),
        ("resources: [./a.yaml, 'https://github.com/org/addons/agent?ref=v1']\n", "kubectl apply -k /opt/k/",
         {"https://github.com/org/addons/agent?ref=v1"}),
        ("bases:\n- git@github.com:org/addons.git//agent\nnamePrefix: x-\n",
         "kustomize build /opt/k | kubectl apply -f -", {"git@github.com:org/addons.git//agent"}),
        ("resources:\n  - ../base\n  - deployment.yaml\n", "kubectl apply -k /opt/k", set()),
        ("resources:\n  - ./local.yaml\ncomponents:\n  - gitlab.example.com/org/c//x\n", "kubectl apply -k /opt/k",
         {"gitlab.example.com/org/c//x"}),
        ("resources:\n  - github.com/org/addons//agent?ref=v1.2.0\n", "kubectl apply -k /opt/other", set()),
    ],
)  # fmt: skip
def test_k8s65b_a_written_kustomization_s_remote_bases(body: str, run: str, expected: set[str]) -> None:
    script = f"#!/bin/bash\nmkdir -p /opt/k\n{_KUST65B}{body}EOF\n{run}\n"
    assert {v for _, v in fetched_manifests(script, _FETCH_OPTIONS)} == expected


_LOCAL65B = r"(?:\.\./|\./)?[a-z][a-z0-9_-]{0,8}(?:/[a-z0-9_-]{1,8}){0,2}(?:\.yaml)?"
_REMOTE65B = r"[a-z]{2,8}\.(?:com|io|org)/[a-z]{1,8}/[a-z]{1,8}(?://[a-z]{1,8})?(?:\?ref=v[0-9])?"


@given(
    local=st.lists(st.from_regex(_LOCAL65B, fullmatch=True), max_size=4),
    remote=st.lists(st.from_regex(_REMOTE65B, fullmatch=True), max_size=3),
)
@settings(max_examples=60, deadline=None)
def test_k8s65b_kustomization_bases_read_remote_items_only(local: list[str], remote: list[str]) -> None:
    items = "".join(f"  - {i}\n" for i in [*local, *remote])
    script = f"#!/bin/bash\n{_KUST65B}resources:\n{items}EOF\nkubectl apply -k /opt/k\n"
    assert {v for _, v in fetched_manifests(script, _FETCH_OPTIONS)} == set(remote)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('M=$(aws ssm get-parameter --name /m --output text)\necho "$M" | kubectl apply -f -',
         {"$(aws ssm get-parameter --name /m --output text)"}),
        ('M=$(aws ssm get-parameter --name /m --output text)\nkubectl apply -f - <<< "$M"',
         {"$(aws ssm get-parameter --name /m --output text)"}),
        ('echo "$(curl -fsSL http://10.0.8.20/m.yaml)" | kubectl apply -f -', {"$(curl -fsSL http://10.0.8.20/m.yaml)"}),
        ('echo "$MANIFEST" | kubectl apply -f -', set()),  # nothing assigns it: left, as an unwritten local file
        ("M=$(cat <<'EOF'\n" + _JOB65B.format(r="eu-west-1") + 'EOF\n)\necho "$M" | kubectl apply -f -', set()),
        (_TPL65B + 'M=$(cat /opt/t.yaml)\necho "$M" | kubectl apply -f -', set()),  # a written file's text: read there
    ],
)  # fmt: skip
def test_k8s65b_a_manifest_piped_from_one_expansion(lines: str, expected: set[str]) -> None:
    found = {v for r, p, v in findings(f"#!/bin/bash\n{lines}\n", "EU", "aws") if "(kubectl@" in p and r == "RES-015"}
    assert found == expected


# config66 (stop 66): a Beat's `${CLOUD_ID}` from a value no reader computes, Fluent Bit run by its image, the
# Collector's write_files file merged on its runcmd line, export's options before its first name, the catalogue's lists.
FLUENT_BIT_COMMANDS = ENGINES["EU"]._fluent_bit_commands()  # the catalogue's Fluent Bit commands
_ES_US66 = "logs:" + base64.b64encode(b"us-east-1.aws.found.io$4fa8821e$5ac1e2d3").decode()
_ES_EU66 = "logs:" + base64.b64encode(b"eu-west-1.aws.found.io$4fa8821e$5ac1e2d3").decode()
_BEAT66 = (
    'cat > /etc/filebeat/filebeat.yml <<{q}\ncloud:\n  id: "${{CLOUD_ID}}"\nEOF\nsystemctl enable --now filebeat\n'
)


@pytest.mark.parametrize(
    ("assignment", "quoted", "expected"),
    [
        ('export CLOUD_ID="$(curl -sf http://169.254.169.254/latest/meta-data/tags/instance/cid)"', True,
         {"$(curl -sf http://169.254.169.254/latest/meta-data/tags/instance/cid)"}),
        ("CLOUD_ID=$(aws ssm get-parameter --name /es/cid --query Parameter.Value --output text)", False,
         {"$(aws ssm get-parameter --name /es/cid --query Parameter.Value --output text)"}),
        # not exported: Filebeat, expanding a quoted here-document's file from its environment, never sees it
        ("CLOUD_ID=$(curl -s http://10.0.8.12/cid)", True, set()),
        (f"export CLOUD_ID='{_ES_EU66}'", True, {"4fa8821e.eu-west-1.aws.found.io"}),  # the market's: declare it
        (f"export CLOUD_ID='{_ES_US66}'", True, {"4fa8821e.us-east-1.aws.found.io"}),
    ],
)  # fmt: skip
def test_config66_a_beat_s_cloud_id_from_a_value_no_reader_computes(
    assignment: str, quoted: bool, expected: set[str]
) -> None:
    script = f"#!/bin/bash\n{assignment}\n" + _BEAT66.format(q="'EOF'" if quoted else "EOF")
    assert {v for r, _, v in findings(script, "EU", "aws") if r == "RES-015"} == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"docker run -d --name fluent-bit fluent/fluent-bit:3.1 -i cpu -o es -p cloud_id={_ES_US66}",
         [{"outputs": [{"name": "es", "cloud_id": _ES_US66}], "inputs": [{"name": "cpu"}]}]),
        ("sudo podman run --rm -v /var/log:/var/log cr.fluentbit.io/fluent/fluent-bit:4.0 -i tail -o datadog",
         [{"outputs": [{"name": "datadog"}], "inputs": [{"name": "tail"}]}]),
        # the debug image has no entrypoint: its command names the binary (read the same way)
        ("docker run docker.io/fluent/fluent-bit:3.1-debug /fluent-bit/bin/fluent-bit -o forward -p host=a.example",
         [{"outputs": [{"name": "forward", "host": "a.example"}]}]),
        ("docker container run fluent/fluent-bit@sha256:0a1b -o http -p host=b.example",
         [{"outputs": [{"name": "http", "host": "b.example"}]}]),
        # docker's own options before the image are not Fluent Bit's; an image run by no entry is not Fluent Bit
        ("docker run -e O=es -p 2020:2020 fluent/fluent-bit -c /fluent-bit/etc/fluent-bit.conf", []),
        ("docker run -d example/fluent-bit-sidecar:1 -o es -p host=c.example", []),
        ("docker run amazon/aws-for-fluent-bit:stable -o es -p host=c.example", []),  # its own entrypoint script
    ],
)  # fmt: skip
def test_config66_fluent_bit_run_by_its_image(line: str, expected: list[dict[str, Any]]) -> None:
    from components.residency.scripts import fluent_bit_lines

    images = ENGINES["EU"]._image_entrypoints()
    assert [d["pipeline"] for _, d in fluent_bit_lines(line + "\n", FLUENT_BIT_COMMANDS, images)] == expected


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (f"-o es -p cloud_id={_ES_US66}", {("RES-015", "4fa8821e.us-east-1.aws.found.io")}),
        ("-o datadog -p apikey=${DD_API_KEY}", {("RES-016", "datadog")}),  # the plugin's default host
        ("-o forward -p host=10.0.8.12 -p port=24224", set()),  # the fleet's own aggregator
    ],
)
def test_config66_fluent_bit_s_image_judged_as_its_command_line(output: str, expected: set[tuple[str, str]]) -> None:
    run = "docker run -d --restart always fluent/fluent-bit:3.1 -i tail -p path=/var/log/*.log"
    script = f"#!/bin/bash\n{run} {output}\n"
    assert {(r, v) for r, p, v in findings(script, "EU", "aws") if "(fluent-bit@" in p} == expected


def test_config66_the_catalogue_names_the_agents() -> None:
    from components.residency.scripts import _keystore_patterns

    # Fluent Bit's commands and the Beats are the catalogue's (log_router_options, script_commands' `beat-setting`)
    assert {"fluent-bit", "td-agent-bit"} == FLUENT_BIT_COMMANDS
    for beat in ("filebeat", "metricbeat", "heartbeat", "auditbeat", "packetbeat"):
        assert _keystore_patterns()[1].search(f"{beat} keystore add CLOUD_ID --stdin <<< 'x'") is not None
    assert _keystore_patterns()[1].search("fluentd keystore add CLOUD_ID --stdin <<< 'x'") is None


_OTEL_CC66 = (
    "#cloud-config\nwrite_files:\n  - path: /etc/otelcol-contrib/base.yaml\n    content: |\n      exporters:\n"
    "        datadog:\n          api:\n            key: ${{env:DD_API_KEY}}\n{site}runcmd:\n"
    '  - [sh, -c, "otelcol-contrib --config=/etc/otelcol-contrib/base.yaml{uri} &"]\n'
)


@pytest.mark.parametrize(
    ("site", "uri", "expected"),
    [
        # the market's site by a `yaml:` URI beside the file: no US1 default (was one, from the file alone)
        ("", " --config='yaml:exporters::datadog::api::site: datadoghq.eu'", {"datadoghq.eu"}),
        ("", " --config='yaml:processors::batch::timeout: 5s'", {"datadoghq.com"}),  # no site anywhere: US1
        ("", "", {"datadoghq.com"}),  # the file alone: its own default, as before
        ("            site: datadoghq.eu\n", " --config='yaml:processors::batch::timeout: 5s'", {"datadoghq.eu"}),
        ("            site: datadoghq.com\n", " --config='yaml:exporters::datadog::api::site: datadoghq.eu'",
         {"datadoghq.com", "datadoghq.eu"}),  # each written site judged wherever written
    ],
)  # fmt: skip
def test_config66_a_written_collector_file_merged_on_its_runcmd_line(site: str, uri: str, expected: set[str]) -> None:
    script = _OTEL_CC66.format(site=site, uri=uri)
    assert {v for r, _, v in findings(script, "EU", "aws") if r == "RES-015"} == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('export CID="$(curl -sf http://10.0.8.12/cid)"', {"CID"}),
        ("export CID=$(curl -fsSL http://10.0.8.12/cid)", {"CID"}),
        ("export -f notify", set()),
        ("export -fn A", set()),
        ("declare -x A=$(cat /etc/a -n)", {"A"}),
        ("export -p", set()),
    ],
)
def test_config66_export_s_options_come_before_its_first_name(line: str, expected: set[str]) -> None:
    from components.residency.scripts import exported_names

    found = exported_names(line + "\n")
    assert found is not None
    assert set(found) == expected


# k8s66 (stop 66): container definitions, round 7 (docs/residency.md, "Container definitions, round 7").
_VALUES66 = "customConfig:\n  sinks:\n    cw:\n      type: aws_cloudwatch_logs\n      region: {r}\n"
_VECTOR66 = "helm upgrade --install vector vector/vector"
_WRITTEN66 = "cat > /opt/v.yaml <<'EOF'\n" + _VALUES66 + "EOF\n"
_JSON66 = '{{"customConfig":{{"sinks":{{"cw":{{"type":"aws_cloudwatch_logs","region":"{r}"}}}}}}}}'


@pytest.mark.parametrize(
    "lines",
    [
        _WRITTEN66 + f"cat /opt/v.yaml | {_VECTOR66} --values -",
        _WRITTEN66 + f"{_VECTOR66} -f - < /opt/v.yaml",
        _WRITTEN66 + f"sudo cat /opt/v.yaml | sudo {_VECTOR66} -f -",
        f"echo '{_JSON66}' | {_VECTOR66} -f -",
        f"printf '%s\\n' '{_JSON66}' | {_VECTOR66} -f -",
        f"{_VECTOR66} -f - <<< '{_JSON66}'",
    ],
)
@pytest.mark.parametrize(("region", "expected"), [("eu-west-1", set()), ("us-west-2", {("RES-009", "us-west-2")})])
def test_k8s66_a_chart_s_values_file_on_standard_input(lines: str, region: str, expected: set[Any]) -> None:
    """Each was RES-015 by ``-`` (a false alarm at home, the wrong rule abroad where the text is echoed)."""
    script = f"#!/bin/bash\n{lines.format(r=region)}\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


@pytest.mark.parametrize(
    "lines",
    [
        f"cat /opt/other.yaml | {_VECTOR66} -f -",  # a file the script does not write
        f"{_VECTOR66} -f - < /opt/other.yaml",
        f"sops -d /opt/v.enc.yaml | {_VECTOR66} -f -",  # another command's output
        f'echo "$(sops -d /opt/v.enc.yaml)" | {_VECTOR66} -f -',  # a substitution no reader computes
        f"echo $VALUES | {_VECTOR66} -f -",  # unquoted: split and joined by blanks
    ],
)
def test_k8s66_a_values_file_on_standard_input_no_input_shows(lines: str) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{lines}\n", "EU", "aws")} == {("RES-015", "-")}


def test_k8s66_standard_inputs_is_the_one_reader() -> None:
    from components.residency.scripts import StandardInput, standard_inputs

    def helm(words: list[str]) -> bool:
        return words[:1] == ["helm"]

    files = {"/opt/v.yaml": "a: 1\n"}
    script = (
        "helm install x c -f - < /opt/v.yaml\ncat /opt/v.yaml | helm install x c -f -\n"
        "echo 'a: 2' | helm install x c -f -\nhelm install x c -f - <<< \"$V\"\nfoo | helm install x c -f -\n"
        "helm install x c -f - <<'EOF'\na: 3\nEOF\n"
    )
    got = [(i.text, i.source, i.variable) for i in standard_inputs(script, helm, files)]
    assert got == [
        ("a: 1\n", "file", None),
        ("a: 1\n", "file", None),
        ("a: 2", "printed", None),
        ("$V", "here-string", "V"),
        (None, "", None),
        ("a: 3\n", "heredoc", None),
    ]
    assert all(isinstance(i, StandardInput) for i in standard_inputs(script, helm, files))
    assert standard_inputs("echo 'a: 2' | helm install x c -f -\n", lambda w: w[:1] == ["kubectl"], files) == []


@given(
    st.from_regex(r"[a-z]{1,6}: [a-z0-9]{1,8}", fullmatch=True),
    st.sampled_from(["kubectl apply -f -", "helm install x c -f -"]),
)
@settings(max_examples=40, deadline=None)
def test_k8s66_a_printed_document_reaches_either_reader(line: str, reader: str) -> None:
    from components.residency.scripts import piped_manifests, standard_inputs

    script = f"echo '{line}' | {reader}\n"
    inputs = standard_inputs(script, lambda w: w[:1] == [reader.partition(" ")[0]], {})
    assert [(i.text, i.source) for i in inputs] == [(line, "printed")]
    assert piped_manifests(script) == ([(0, line)] if reader.startswith("kubectl") else [])


_URL66 = "https://fleet-manifests.s3.eu-west-1.amazonaws.com/cluster/agent.yaml"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (f"curl -fsSLo /opt/k8s/agent.yaml {_URL66}\nkubectl apply -f /opt/k8s/agent.yaml", {_URL66}),
        (f"curl -fsSL --output /opt/k8s/agent.yaml {_URL66}\nkubectl -n ops apply -f /opt/k8s/agent.yaml", {_URL66}),
        (f"wget -qO /opt/k8s/agent.yaml {_URL66}\nkubectl apply --filename=/opt/k8s/agent.yaml", {_URL66}),
        ("aws s3 cp s3://fleet-manifests/cluster/agent.yaml /opt/k8s/agent.yaml\nkubectl apply -f /opt/k8s/agent.yaml",
         {"s3://fleet-manifests/cluster/agent.yaml"}),
        # another file fetched, the applied one baked; fetched after it is applied; a written file
        (f"curl -fsSLo /opt/k8s/sums.txt {_URL66}\nkubectl apply -f /opt/k8s/agent.yaml", set()),
        (f"kubectl apply -f /opt/k8s/agent.yaml\ncurl -fsSLo /opt/k8s/agent.yaml {_URL66}", set()),
        ("cat > /opt/k8s/agent.yaml <<'EOF'\nkind: Namespace\nEOF\nkubectl apply -f /opt/k8s/agent.yaml", set()),
    ],
)  # fmt: skip
def test_k8s66_a_manifest_fetched_into_the_file_kubectl_applies(lines: str, expected: set[str]) -> None:
    found = findings(f"#!/bin/bash\n{lines}\n", "EU", "aws")
    assert {v for r, p, v in found if "(kubectl@" in p and r == "RES-015"} == expected


def test_k8s66_a_fetched_manifest_file_is_declared_by_its_url() -> None:
    declared = parse_destinations([{"id": "m", "kind": "resident", "match": _URL66, "evidence": "the stack's bucket"}])
    script = f"#!/bin/bash\ncurl -fsSLo /opt/agent.yaml {_URL66}\nkubectl apply -f /opt/agent.yaml\n"
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("EU", "aws"))
    found = RuleEngine("EU", destinations=declared).check(subject)[0]
    assert [f.declared_by for f in found if "(kubectl@" in f.path] == ["m"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("DD_SITE-", {("RES-015", "datadoghq.com")}),
        ("DD_SITE=", {("RES-015", "datadoghq.com")}),
        ("--env=DD_SITE=", {("RES-015", "datadoghq.com")}),
        ("-c agent DD_DD_URL-", {("RES-015", "datadoghq.com")}),
        ("DD_SITE=datadoghq.eu", {("RES-015", "datadoghq.eu")}),  # read before: the written site
        ("DD_LOGS_ENABLED-", set()),  # no destination variable
        ("--list", set()),
    ],
)
def test_k8s66_kubectl_set_env_removing_the_agent_s_site(change: str, expected: set[Any]) -> None:
    script = f"#!/bin/bash\nkubectl -n datadog set env daemonset/datadog-agent {change}\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_k8s66_kubectl_set_env_removal_is_declared_by_the_default_site() -> None:
    declared = parse_destinations([{"id": "us1", "kind": "resident", "match": "datadoghq.com", "evidence": "US1"}])
    script = "#!/bin/bash\nkubectl -n datadog set env ds/datadog-agent DD_SITE-\n"
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("EU", "aws"))
    assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]] == ["us1"]


@given(st.from_regex(r"[A-Z][A-Z0-9_]{0,10}", fullmatch=True), st.sampled_from(["-", "="]))
@settings(max_examples=40, deadline=None)
def test_k8s66_kubectl_env_unset(name: str, mark: str) -> None:
    from components.residency.scripts import kubectl_env_unset

    assert kubectl_env_unset(f"kubectl set env deploy/x {name}{mark}\n") == [(0, name)]
    assert kubectl_env_unset(f"kubectl set env deploy/x {name}=v\n") == []
    assert kubectl_env_unset(f"kubectl get deploy/x {name}{mark}\n") == []


_JOB66 = (
    "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
    "      containers:\n        - name: c\n          image: public.ecr.aws/aws-cli/aws-cli:2.15.30\n"
    '          command: ["aws", "ec2", "describe-instances", "--region", "{ref}"]\n'
)
_SSM66 = "$(aws ssm get-parameter --name /fleet/dr --query Parameter.Value --output text)"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (f"DR={_SSM66}\ncat > /opt/t.yaml <<'EOF'\n{_JOB66.format(ref='__R__')}EOF\n"
         'sed "s/__R__/$DR/g" /opt/t.yaml | kubectl apply -f -', {("RES-011", _SSM66)}),
        (f"export DR={_SSM66}\ncat > /opt/t.yaml <<'EOF'\n{_JOB66.format(ref='${DR}')}EOF\n"
         "envsubst < /opt/t.yaml | kubectl apply -f -", {("RES-011", _SSM66)}),
        ("DR=eu-west-1\ncat > /opt/t.yaml <<'EOF'\n" + _JOB66.format(ref="__R__") + "EOF\n"
         'sed "s/__R__/$DR/g" /opt/t.yaml | kubectl apply -f -', set()),
        # a value deciding nothing (the Job's name) read at run time: not judged
        (f"N={_SSM66}\ncat > /opt/t.yaml <<'EOF'\n"
         + _JOB66.format(ref="eu-west-1").replace("name: j", "name: __N__") + "EOF\n"
         'sed "s/__N__/$N/g" /opt/t.yaml | kubectl apply -f -', set()),
    ],
)  # fmt: skip
def test_k8s66_a_run_time_value_an_edit_leaves_in_a_manifest(lines: str, expected: set[Any]) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{lines}\n", "EU", "aws")} == expected


_QUEUE66 = _JOB66.replace(
    '"ec2", "describe-instances", "--region", "{ref}"', '"sqs", "receive-message", "--queue-url", "{ref}"'
)


def test_k8s66_a_host_a_sed_fills_is_judged_in_the_filled_manifest() -> None:
    """The filled text is walked (it passed every door abroad: only the placeholder's host was judged); the
    placeholder's own host stays RES-015 (left open: the template as written is read by the reference scan)."""
    url = "https://sqs.__R__.amazonaws.com/123456789012/q"
    for region, rule in (("us-west-2", "RES-006"), ("eu-west-1", None)):
        script = (
            f"#!/bin/bash\nR={region}\ncat > /opt/t.yaml <<'EOF'\n{_QUEUE66.format(ref=url)}EOF\n"
            'sed "s/__R__/$R/g" /opt/t.yaml | kubectl apply -f -\n'
        )
        filled = {(r, v) for r, p, v in findings(script, "EU", "aws") if "(sed:stdin)" in p}
        assert filled == ({(rule, f"sqs.{region}.amazonaws.com")} if rule else set())


def test_k8s66_a_kubernetes_reference_in_a_set_value_is_declared_by_its_text() -> None:
    """Decided: ``--set-string 'env.DD_AGENT_HOST=$(HOST_IP)'`` stays RES-015 by its text (which variable the chart
    binds to the node's IP is the chart's, no input shows it; the release's cluster is not tied to the helm line, as
    an in-cluster Service name's is not, falsealarm65b); declared by the text, it passes."""
    script = "#!/bin/bash\nhelm upgrade --install app fleet/app --set-string 'env.DD_AGENT_HOST=$(HOST_IP)'\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == {("RES-015", "$(HOST_IP)")}
    declared = parse_destinations([{"id": "n", "kind": "resident", "match": "$(HOST_IP)", "evidence": "the node"}])
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": script}, provider("EU", "aws"))
    assert [f.declared_by for f in RuleEngine("EU", destinations=declared).check(subject)[0]] == ["n"]


# scripts66 (stop 66): the bare `for NAME; do` (bash(1) "Looping Constructs": no `in`, the positional parameters), IFS
# for the other splits, an array holding a substitution printed, a printf format reused, GNU parallel's `:::`, screen's
# flag groups. Each pair: the home twin passes, the Region abroad (or unknown) is refused.
_Q66 = "aws sqs list-queues --queue-name-prefix fleet"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("set -- eu-west-1 eu-central-1\nfor r; do\n  {q} --region \"$r\"\ndone", set()),
        ("set -- eu-west-1 us-west-2\nfor r; do\n  {q} --region \"$r\"\ndone", {"us-west-2"}),
        ("set -- eu-west-1 us-west-2\nfor r\ndo\n  {q} --region \"$r\"\ndone", {"us-west-2"}),
        ("set -- eu-west-1 us-west-2\nfor r ; do {q} --region \"$r\"; done", {"us-west-2"}),
        ("f() {{\n  for r; do\n    {q} --region \"$r\"\n  done\n}}\nf eu-west-1 eu-central-1", set()),
        ("f() {{\n  for r; do\n    {q} --region \"$r\"\n  done\n}}\nf eu-west-1 us-west-2", {"us-west-2"}),
        ("set -- eu-west-1 us-west-2\nfor r in eu-west-1; do\n  {q} --region \"$r\"\ndone", set()),
    ],
)  # fmt: skip
def test_scripts66_a_bare_for_loop_runs_over_the_positional_parameters(lines: str, expected: set[str]) -> None:
    found = findings(f"#!/bin/bash\n{lines.format(q=_Q66)}\n", "EU", "aws")
    assert {v for r, _, v in found if r == "RES-009"} == expected
    assert not {r for r, _, _ in found} - {"RES-009"}


def test_scripts66_the_bare_loop_s_words() -> None:
    assert for_loop_words("set -- a b\nfor r; do echo $r; done\n", {}) == {"r": ("a", "b")}
    assert for_loop_words("set -- a b\nfor r in c; do echo $r; done\n", {}) == {"r": ("c",)}
    assert for_loop_words("for r; do echo $r; done\n", {}) == {}  # no positional parameter set: the loop runs none


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ('RS="eu-west-1,{o}"\nIFS=,\nARR=($RS)\nfor r in "${{ARR[@]}}"; do\n  {q} --region "$r"\ndone', True),
        ('RS="eu-west-1,{o}"\nIFS=,\nARR=($RS)\nunset IFS\n{q} --region "${{ARR[1]}}"', True),
        ('RS="eu-west-1 {o}"\nARR=($RS)\n{q} --region "${{ARR[1]}}"', True),
        ('RS="eu-west-1,{o}"\nIFS=,\nread -ra ARR <<< "$RS"\nfor r in "${{ARR[@]}}"; do\n  {q} --region "$r"\n'
         "done", True),
        ('RS="eu-west-1,{o}"\nIFS=,\nset -- $RS\nunset IFS\n{q} --region "$2"', True),
        ('RS="eu-west-1 {o}"\nset -- $RS\n{q} --region "$2"', True),
        ('f() {{\n  local IFS=,\n  for r in $1; do\n    {q} --region "$r"\n  done\n}}\nf "eu-west-1,{o}"', True),
        ('f() {{\n  for r in $1; do\n    {q} --region "$r"\n  done\n}}\nf "eu-west-1 {o}"', True),
        # quoted: one word, no Region split out (the CLI refuses it): as bash gives it
        ('f() {{\n  for r in "$1"; do\n    {q} --region "$r"\n  done\n}}\nf "eu-west-1 {o}"', False),
        ('RS="eu-west-1,{o}"\nIFS=,\nARR=("$RS")\nunset IFS\n{q} --region "${{ARR[1]}}"', False),
    ],
)  # fmt: skip
def test_scripts66_ifs_splits_arrays_reads_positions_and_function_loops(lines: str, expected: bool) -> None:
    for other, abroad in (("eu-central-1", False), ("us-west-2", expected)):
        found = findings(f"#!/bin/bash\n{lines.format(q=_Q66, o=other)}\n", "EU", "aws")
        assert {v for r, _, v in found if r == "RES-009"} == ({"us-west-2"} if abroad else set())


def test_scripts66_split_array_elements() -> None:
    split = split_array_elements("IFS=,\nARR=($RS)\n", {"RS": ("a,b",)})
    assert split == {"ARR[0]": ("a",), "ARR[1]": ("b",), "ARR[@]": ("a", "b"), "ARR[*]": ("a", "b")}
    assert split_array_elements("IFS=,\nARR=(x $RS)\n", {"RS": ("a,b",)})["ARR[2]"] == ("b",)
    assert split_array_elements('IFS=,\nARR=("$RS")\n', {"RS": ("a,b",)}) == {}  # quoted: one item
    assert split_array_elements("IFS=,\nARR=($RS)\n", {"RS": ("$(cat /f)",)}) == {}  # not known: as before
    assert split_array_elements("ARR=($RS)\nARR=(c)\n", {"RS": ("a b",)}) == {}  # assigned twice: as before


@given(
    fields=st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), min_size=2, max_size=5),
    sep=st.sampled_from([",", ":", ";", "|", " "]),
    before=st.lists(st.from_regex(r"[a-z]{1,5}", fullmatch=True), max_size=2),
)
@settings(max_examples=60, deadline=None)
def test_scripts66_set_splits_a_variable_into_positions(fields: list[str], sep: str, before: list[str]) -> None:
    ifs = "" if sep == " " else f"IFS='{sep}'\n"
    script = f"{ifs}set -- {' '.join(before)} $RS after\n"
    (_, _, positions), *_ = positional_words(script, {"RS": (sep.join(fields),)}) or [(0, 0, {})]
    words = [*before, *fields, "after"]
    assert {k: v for k, v in positions.items() if k.isdigit()} == {str(i): (w,) for i, w in enumerate(words, 1)}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("REGIONS=($(cat /etc/fleet/regions) eu-west-1)\nregions() {{ printf '%s\\n' \"${{REGIONS[@]}}\"; }}\n"
         "for r in $(regions); do\n  {q} --region \"$r\"\ndone", {"RES-011"}),
        ("REGIONS=($(cat /etc/fleet/regions) eu-west-1)\nfor r in $(echo \"${{REGIONS[@]}}\"); do\n"
         "  {q} --region \"$r\"\ndone", {"RES-011"}),
        ("printf '%s\\n' us-west-2 > /etc/fleet/regions\nREGIONS=($(cat /etc/fleet/regions) eu-west-1)\n"
         "for r in $(printf '%s\\n' \"${{REGIONS[@]}}\"); do\n  {q} --region \"$r\"\ndone", {"RES-009"}),
        ("printf '%s\\n' eu-central-1 > /etc/fleet/regions\nREGIONS=($(cat /etc/fleet/regions) eu-west-1)\n"
         "for r in $(printf '%s\\n' \"${{REGIONS[@]}}\"); do\n  {q} --region \"$r\"\ndone", set()),
        ("REGIONS=($(echo eu-central-1) eu-west-1)\nregions() {{ printf '%s\\n' \"${{REGIONS[@]}}\"; }}\n"
         "for r in $(regions); do\n  {q} --region \"$r\"\ndone", set()),
        ("REGIONS=($(curl -s http://169.254.169.254/latest/meta-data/placement/region) eu-west-1)\n"
         "for r in $(echo \"${{REGIONS[@]}}\"); do\n  {q} --region \"$r\"\ndone", set()),
    ],
)  # fmt: skip
def test_scripts66_an_array_printed_with_an_item_held_apart(lines: str, expected: set[str]) -> None:
    assert {r for r, _, _ in findings(f"#!/bin/bash\n{lines.format(q=_Q66)}\n", "EU", "aws")} == expected


@pytest.mark.parametrize(
    ("other", "expected"),
    [("eu-central-1", set()), ("us-west-2", {("RES-009", "us-west-2")})],
)
def test_scripts66_a_printf_format_reused_is_sourced_back(other: str, expected: set[tuple[str, str]]) -> None:
    script = f"#!/bin/bash\nprintf 'AWS_REGION=%s\\n' eu-west-1 {other} > /etc/fleet/env\n. /etc/fleet/env\n{_Q66}\n"
    assert {(r, v) for r, _, v in findings(script, "EU", "aws")} == expected


def test_scripts66_printf_passes_after_the_script_s_end() -> None:
    line = "printf 'R=%s\\n' a b c > /etc/f\n"
    written = printf_as_assignments(line)
    assert written.startswith("printf 'R=a\\n'") and len(written.split("\n")[0]) == len(line) - 1
    assert written.endswith("printf 'R=b\\n' >> /etc/f\nprintf 'R=c\\n' >> /etc/f")
    teed = printf_as_assignments("printf 'REGION=%s\\n' a b c | tee /etc/f\n")
    assert teed.endswith("printf 'REGION=c\\n' | tee -a /etc/f")
    assert printf_as_assignments("printf 'R=%s\\n' a > /etc/f\n").count("\n") == 1  # one pass: in place, as before


_PARALLEL66 = frozenset(COMMANDS["parallel"].value_options)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("parallel echo {} ::: a b", ["echo a", "echo b"]),
        ("parallel -j 4 echo ::: a b", ["echo a", "echo b"]),  # no replacement string: appended
        ("parallel -I XX echo XX-1 ::: a", ["echo a-1"]),
        ("parallel echo {1}/{2} ::: a b ::: x", ["echo a/x", "echo b/x"]),
        ("parallel --joblog /tmp/j echo {} ::: a", ["echo a"]),
        ("parallel echo {} :::: /etc/list", []),  # argument files: not read
        ("parallel echo {} ::: a :::+ x", []),  # linked sources: not read
        ("echo ::: a", []),
    ],
)  # fmt: skip
def test_scripts66_parallel_runs_per_argument(line: str, expected: list[str]) -> None:
    assert xargs_expanded(line, _PARALLEL66).split(" ; ")[1:] == expected


@given(args=st.lists(st.from_regex(r"[a-z][a-z0-9.-]{0,10}", fullmatch=True), min_size=1, max_size=20))
@settings(max_examples=60, deadline=None)
def test_scripts66_parallel_writes_each_argument_out(args: list[str]) -> None:
    runs = xargs_expanded(f"parallel run --to {{}} ::: {' '.join(args)}", _PARALLEL66).split(" ; ")[1:]
    assert runs == [f"run --to {a}" for a in args[:16]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f"parallel {_Q66} --region {{}} ::: eu-west-1 eu-central-1", set()),
        (f"parallel {_Q66} --region {{}} ::: eu-west-1 us-west-2", {("RES-009", "us-west-2")}),
        ("parallel -j 2 psql -h {} -c 'select 1' ::: db.partner.example.com",
         {("RES-015", "db.partner.example.com")}),
        (f"screen -LdmS sync bash -c '{_Q66} --region us-west-2'", {("RES-009", "us-west-2")}),
        (f"screen -dmLS sync bash -c '{_Q66} --region us-west-2'", {("RES-009", "us-west-2")}),
        (f"screen -L -Logfile /var/log/s.log -dmS sync bash -c '{_Q66} --region us-west-2'",
         {("RES-009", "us-west-2")}),
        (f"screen -LdmS sync bash -c '{_Q66} --region eu-west-1'", set()),
    ],
)  # fmt: skip
def test_scripts66_parallel_and_screen_groups(line: str, expected: set[tuple[str, str]]) -> None:
    assert {(r, v) for r, _, v in findings(f"#!/bin/bash\n{line}\n", "EU", "aws")} == expected


# -- falsealarm66 (stop 66): a Fluent Bit command line's property from a variable, a template sed fills ----------------
_ES66 = "4fa8821e75634032bed1cf22110e2f97"
_HOME_ID66 = _cloud_id63(f"eu-west-1.aws.found.io${_ES66}$5ac1e2d3", "fleet-logs")
_ABROAD_ID66 = _cloud_id63(f"us-east-1.aws.found.io${_ES66}$5ac1e2d3", "fleet-logs")
_ES_HOME66 = f"{_ES66}.eu-west-1.aws.found.io"
_FB66 = "fluent-bit -i tail -p path=/var/log/app/*.log -o es -m '*' -p tls=on"
_ENGINE66 = RuleEngine(
    "EU",
    destinations=parse_destinations([{"id": "es", "kind": "resident", "match": _ES_HOME66, "evidence": "in the EU"}]),
)


def _refused66(script: str) -> set[str]:
    payload = base64.b64encode(f"#!/bin/bash\n{script}".encode()).decode()
    subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": payload}, provider("EU", "aws"))
    return {f.rule.id for f in _ENGINE66.check(subject)[0] if f.declared_by is None}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (f'ES_CLOUD_ID={_HOME_ID66}\n{_FB66} -p cloud_id="$ES_CLOUD_ID" &', set()),
        (f"export ES_CLOUD_ID='{_HOME_ID66}'\n{_FB66} -p \"cloud_id=${{ES_CLOUD_ID}}\" &", set()),
        (f"ES_CLOUD_ID={_ABROAD_ID66}\n{_FB66} -p cloud_id=$ES_CLOUD_ID &", {"RES-015"}),  # the host, not RES-016
        (f"if [ -f /etc/dr ]; then ES_CLOUD_ID={_ABROAD_ID66}; else ES_CLOUD_ID={_HOME_ID66}; fi\n"
         f"{_FB66} -p cloud_id=$ES_CLOUD_ID &", {"RES-015"}),  # either value may reach it
        ("ES_CLOUD_ID=$(aws ssm get-parameter --name /es/id --query Parameter.Value --output text)\n"
         f"{_FB66} -p cloud_id=$ES_CLOUD_ID &", {"RES-016"}),  # read at run time: the output's entry, as before
        (f"{_FB66} -p cloud_id=$ES_CLOUD_ID &", {"RES-016"}),  # nothing assigns it: as written, as before
        (f"{_FB66} -p cloud_id={_HOME_ID66} &", set()),
        ("AGG=db.partner-analytics.com\nfluent-bit -i cpu -o forward -m '*' -p host=$AGG &", {"RES-015"}),
        ("AGG=10.20.1.50\nfluent-bit -i cpu -o forward -m '*' -p host=$AGG &", set()),
    ],
)  # fmt: skip
def test_falsealarm66_a_fluent_bit_property_from_a_variable(lines: str, expected: set[str]) -> None:
    assert _refused66(lines + "\n") == expected


def test_falsealarm66_fluent_bit_line_filled() -> None:
    from components.residency.engine import _fluent_bit_line_filled

    document = {"pipeline": {"inputs": [{"name": "cpu"}], "outputs": [{"name": "es", "cloud_id": "$X", "tls": "on"}]}}
    filled = _fluent_bit_line_filled(document, {"X": ("a", "\0$(cat /x)")})
    assert [d["pipeline"]["outputs"][0]["cloud_id"] for d in filled] == ["a", "$(cat /x)"]
    assert all(d["pipeline"]["inputs"] == [{"name": "cpu"}] for d in filled)
    assert document["pipeline"]["outputs"][0]["cloud_id"] == "$X"  # the line's own document is left as read
    assert _fluent_bit_line_filled(document, {}) == [document]  # nothing assigns X: as written


_TPL66 = (
    "mkdir -p /opt/k8s\ncat > /opt/k8s/cm.tpl.yaml <<'EOF'\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n"
    "data:\n  QUEUE_URL: https://sqs.__REGION__.amazonaws.com/123456789012/jobs\nEOF\n"
)
_CONF66 = "cat > /etc/fleet/up.yaml <<'EOF'\nqueue_url: https://sqs.REGION_ID.amazonaws.com/123456789012/jobs\nEOF\n"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (_TPL66 + "sed 's/__REGION__/{r}/g' /opt/k8s/cm.tpl.yaml | kubectl apply -f -", "filled"),
        (_TPL66 + 'R={r}\nsed "s/__REGION__/$R/g" /opt/k8s/cm.tpl.yaml > /opt/k8s/cm.yaml\nkubectl apply -f '
         "/opt/k8s/cm.yaml", "filled"),
        ("sed 's/__REGION__/{r}/g' <<'EOF' | kubectl apply -f -\ndata:\n  Q: https://sqs.__REGION__.amazonaws.com/1/q\n"
         "EOF", "filled"),
        (_CONF66 + "sed -i 's/REGION_ID/{r}/g' /etc/fleet/up.yaml\nsystemctl restart up", "filled"),
        (_CONF66 + "sed -i 's/REGION_ID/{r}/g' /etc/fleet/up.yaml\n/opt/up/bin/up -c /etc/fleet/up.yaml &", "filled"),
        # the template's text reaches another reader: left as written (its placeholder host, RES-015), as before
        (_TPL66 + "sed 's/__REGION__/{r}/g' /opt/k8s/cm.tpl.yaml | kubectl apply -f -\nkubectl apply -f "
         "/opt/k8s/cm.tpl.yaml", "written"),
        (_TPL66 + "cp /opt/k8s/cm.tpl.yaml /opt/k8s/base.yaml\nsed -i 's/__REGION__/{r}/g' /opt/k8s/base.yaml",
         "written"),
        (_CONF66 + "/opt/up/bin/up -c /etc/fleet/up.yaml &\nsed -i 's/REGION_ID/{r}/g' /etc/fleet/up.yaml", "written"),
        (_CONF66 + "sed -i -e 's/REGION_ID/{r}/g' -e '/queue/d' /etc/fleet/up.yaml", "dropped"),  # a line deleted
        (_CONF66 + _CONF66 + "sed -i 's/REGION_ID/{r}/g' /etc/fleet/up.yaml", "written"),  # the text written twice
    ],
)  # fmt: skip
def test_falsealarm66_a_template_filled_by_sed(lines: str, expected: str) -> None:
    home = {r for r, _, _ in findings(lines.format(r="eu-west-1") + "\n", "EU", "aws")}
    abroad = {r for r, _, _ in findings(lines.format(r="us-west-2") + "\n", "EU", "aws")}
    if expected == "filled":
        assert (home, abroad) == (set(), {"RES-006"})
    elif expected == "written":
        assert "RES-015" in home and "RES-015" in abroad
    else:
        assert home == {"RES-015"}  # the template as written (the edit drops a line), as before


@given(region=st.sampled_from(sorted(CATALOGUE.jurisdictions["EU"].regions("aws"))), token=st.sampled_from(
    ["__REGION__", "REGION_ID", "@@REGION@@", "{{REGION}}", "%REGION%"]))  # fmt: skip
@settings(max_examples=30, deadline=None)
def test_falsealarm66_a_template_filled_by_sed_with_any_home_region(region: str, token: str) -> None:
    lines = _CONF66.replace("REGION_ID", token) + f"sed -i 's/{token}/{region}/g' /etc/fleet/up.yaml\n"
    assert findings(lines, "EU", "aws") == []
    assert {r for r, _, _ in findings(lines.replace(region, "us-east-1"), "EU", "aws")} == {"RES-006"}


def test_falsealarm66_templates_filled() -> None:
    from components.residency.scripts import templates_filled

    script = _TPL66 + "sed 's/__REGION__/eu-west-1/g' /opt/k8s/cm.tpl.yaml | kubectl apply -f -\n"
    blanked, filled, files = templates_filled(script)
    assert len(blanked) == len(script) and "__REGION__" not in blanked.split("sed ")[0]
    assert filled == ["  QUEUE_URL: https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"]
    assert files == frozenset({"/opt/k8s/cm.tpl.yaml"})
    assert templates_filled(_TPL66 + "kubectl apply -f /opt/k8s/cm.tpl.yaml\n") == (
        _TPL66 + "kubectl apply -f /opt/k8s/cm.tpl.yaml\n",
        [],
        frozenset(),
    )


_OTEL66 = (
    "#cloud-config\nwrite_files:\n  - path: /etc/otelcol-contrib/base.yaml\n    content: |\n      exporters:\n"
    "        datadog:\n          api:\n            key: ${env:DD_API_KEY}\n      service:\n        pipelines:\n"
    "          traces:\n            receivers: [otlp]\n            exporters: [datadog]\n"
)
_SITE66 = (
    "  - path: /etc/otelcol-contrib/site.yaml\n    content: |\n      exporters:\n        datadog:\n          api:\n"
    "            site: {site}\n"
)
_DD66 = RuleEngine(
    "EU",
    destinations=parse_destinations([{"id": "dd", "kind": "resident", "match": "datadoghq.eu", "evidence": "EU1"}]),
)


@pytest.mark.parametrize(
    ("files", "line", "expected"),
    [
        ("", "--config=/etc/otelcol-contrib/base.yaml --config='yaml:exporters::datadog::api::site: {site}'", "site"),
        (_SITE66, "--config=/etc/otelcol-contrib/base.yaml --config=/etc/otelcol-contrib/site.yaml", "site"),
        (_SITE66, "--config=/etc/otelcol-contrib/site.yaml --config=file:/etc/otelcol-contrib/base.yaml", "site"),
        # no site on the line: the exporter's US1 default, as before
        ("", "--config=/etc/otelcol-contrib/base.yaml --config='yaml:processors::batch::timeout: 10s'", "default"),
        ("", "--config=/etc/otelcol-contrib/base.yaml --config=/etc/otelcol-contrib/site.yaml", "default"),  # unwritten
        ("", "--config=/etc/otelcol-contrib/base.yaml", "default"),  # alone
    ],
)  # fmt: skip
def test_falsealarm66_a_cloud_config_file_merged_on_its_line(files: str, line: str, expected: str) -> None:
    def refused(site: str, item: str) -> set[str]:
        payload = _OTEL66 + files.format(site=site) + f"runcmd:\n  - {item}\n"
        subject = Subject("aws:ec2/instance:Instance", "vm", {"user_data": payload}, provider("EU", "aws"))
        return {str(f.value) for f in _DD66.check(subject)[0] if f.declared_by is None}

    quoted = json.dumps(f"otelcol-contrib {line}")
    home, abroad = refused("datadoghq.eu", quoted.format(site="datadoghq.eu")), refused(
        "us5.datadoghq.com", quoted.format(site="us5.datadoghq.com"))  # fmt: skip
    if expected == "site":
        assert (home, abroad) == (set(), {"us5.datadoghq.com"})
    else:
        assert home == abroad == {"datadoghq.com"}
    # (a runcmd item YAML reads as a mapping, an unquoted `: `, is left open: config66's section, residency-open.md)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("sed -i 's/a/b/' /e/u.yaml\ncat /e/u.yaml", True),  # read after the edit: the edited text
        ("sudo sed --in-place 's/a/b/' /e/u.yaml", True),
        ("sed 's/a/b/' /e/u.yaml > /e/v.yaml\nsed -e 's/a/c/' /e/u.yaml | kubectl apply -f -", True),
        ("sed 's/a/b/' /e/u.yaml | grep -i x\ncat /e/u.yaml", False),  # grep's -i is no sed -i
        ("cat /e/u.yaml\nsed -i 's/a/b/' /e/u.yaml", False),  # read before the edit
        ("cp /e/u.yaml /e/w.yaml\nsed -i 's/a/b/' /e/w.yaml", False),
        ("sed -i 's/a/b/' /e/u.yaml.bak", True),  # another file
    ],
)
def test_falsealarm66_read_by_edits_only(lines: str, expected: bool) -> None:
    from components.residency.scripts import _read_by_edits_only

    assert _read_by_edits_only(f"cat > /e/u.yaml <<'EOF'\nx: a\nEOF\n{lines}\n", "/e/u.yaml") is expected


# -- mutation66 (stop 66): a `for` loop without `in`, an unquoted variable split into positions, a function's loop over
# a quoted word holding separators, a command in a double-quoted substitution, a remote kustomization host with the
# root's trailing dot (docs/residency.md "Mutation search, round 37")
_COPY66 = "aws ec2 copy-snapshot --source-region eu-west-1 --source-snapshot-id snap-0a1b2c3d4e5f60718 --region"


@pytest.mark.parametrize(
    "lines",
    [
        'set -- eu-west-1 {r}\nfor x; do {c} "$x"; done',
        'set -- eu-west-1 {r}\nfor x do {c} "$x"; done',
        'set -- eu-west-1 {r}\nfor x\ndo\n  {c} "$x"\ndone',
        'f() {{ for x; do {c} "$x"; done; }}\nf eu-west-1 {r}',
        'f() {{\n  for x\n  do {c} "$x"; done\n}}\nf eu-central-1 {r}',
        'RS="eu-west-1 {r}"\nset -- $RS\n{c} "$2"',
        'RS="eu-west-1 {r}"\nset -- nightly $RS\n{c} "${{3}}"',
        'RS="eu-west-1,{r}"\nIFS=,\nset -- $RS\n{c} "$2"',
        'RS="eu-west-1 {r}"\nf() {{ {c} "$2"; }}\nf $RS',
        'f() {{ for x in $1; do {c} "$x"; done; }}\nf "eu-west-1 {r}"',
        'f() {{\n  local IFS=,\n  for x in $1; do {c} "$x"; done\n}}\nf "eu-west-1,{r}"',
        'f() {{ local IFS=,; for x in $1; do {c} "$x"; done; }}\nf "eu-west-1,{r}"',
        'ID="$({c} {r} --query SnapshotId --output text)"',
        'echo "copy $({c} {r} --query SnapshotId --output text) started"',
        'ID="`{c} {r} --query SnapshotId --output text`"',
        'ID="$(timeout 300 {c} {r})"',
        'f() {{ {c} "$2"; }}\nf $(echo eu-west-1 {r})',
        "exec -a fleet-dr {c} {r}",
        'OUT="$(echo "$({c} {r})")"',
    ],
)
def test_mutation66_positions_loops_and_quoted_substitutions(lines: str) -> None:
    home = lines.format(c=_COPY66, r="eu-central-1")
    abroad = lines.format(c=_COPY66, r="us-east-1")
    assert findings(f"#!/bin/bash\n{home}\n", "EU", "aws") == []
    assert {r for r, *_ in findings(f"#!/bin/bash\n{abroad}\n", "EU", "aws")} == {"RES-009"}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("N=\"$(psql -h reports.partner.example.com -tAc 'select 1')\"", ["RES-015"]),
        ('echo "$(redis-cli -h cache.partner.example.com ping)"', ["RES-015"]),
        ("echo '$(psql -h reports.partner.example.com)'", []),  # single-quoted: text, never run
        ('X="$((1 + 2))"\necho "$X"', []),  # arithmetic, no command
        ("kubectl apply -k 'collector.example.com./fleet/addons/overlays/prod?ref=v1'", ["RES-015"]),
        ("kubectl apply -k 'collector.example.com/fleet/addons/overlays/prod?ref=v1'", ["RES-015"]),
        ("kubectl apply -k ./overlays/prod", []),
        ("kubectl apply -k overlays/prod.d/", []),
    ],
)
def test_mutation66_partner_hosts(lines: str, expected: list[str]) -> None:
    assert sorted({r for r, *_ in findings(f"#!/bin/bash\n{lines}\n", "EU", "aws")}) == expected


def test_mutation66_bare_loops_read_as_positional_words() -> None:
    # mutation66b: one reading of the bare loop, scripts66's (_FOR_IN, loop_words_text); `for r do` too
    from components.residency.scripts import _FOR_IN, loop_words_text

    for bare in ("for r; do echo $r; done", "f() { for r do echo; done; }", "for r\ndo\n echo\ndone", "select r; do"):
        assert [loop_words_text(m) for m in _FOR_IN.finditer(bare)] == ['"$@"']
    assert [loop_words_text(m) for m in _FOR_IN.finditer("for r in a b; do echo; done")] == ["a b"]
    assert [loop_words_text(m) for m in _FOR_IN.finditer("for r\nin a b\ndo echo; done")] == ["a b"]
    for kept in ("echo for r; do", "for ((i=0; i<3; i++)); do"):
        assert list(_FOR_IN.finditer(kept)) == []


def test_mutation66_call_words_split_into_positions() -> None:
    # mutation66b: a function call's unquoted variable / substitution split by scripts66's _split_positions
    from components.residency.scripts import positional_words

    assert positional_words('f() { echo "$3"; }\nf $RS x', {"RS": ("a b",)}) == [
        (0, 0, {"1": ("$RS", "a"), "2": ("x", "b"), "3": ("x",)})
    ]
    assert positional_words('f() { echo "$2"; }\nIFS=,\nf $RS', {"RS": ("a,b",)}) == [
        (0, 0, {"1": ("$RS", "a"), "2": ("b",)})
    ]
    assert positional_words('f() { echo "$2"; }\nf $(cat f)', {}) == [(0, 0, {"1": ("$(cat f)",), "2": ("$(cat f)",)})]
    for kept, first in (('f "$RS" x', "$RS"), ('f "$(cat f)" x', "$(cat f)")):  # quoted: one word, one position
        assert positional_words('f() { echo "$2"; }\n' + kept, {"RS": ("a b",)}) == [
            (0, 0, {"1": (first,), "2": ("x",)})
        ]
    assert positional_words('f() { echo "$2"; }\nf $RS', {"RS": ("a,b",)}) == [(0, 0, {"1": ("$RS",)})]  # no split


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('X="$(aws sts get-caller-identity)"', ["aws sts get-caller-identity"]),
        ('echo "a $(hostname) b $(date +%F)"', ["hostname", "date +%F"]),
        ('X="$(echo "$(cat f)")"', ['echo "$(cat f)"']),
        ('X="`uname -r`"', ["uname -r"]),
        ("echo '$(aws s3 ls)'", []),
        ("X=$(aws s3 ls)", []),  # unquoted: its words are the line's own
        ('X="$((1 + 2))"', []),
        ('X="$(unclosed"', []),
    ],
)
def test_mutation66_double_quoted_substitutions(line: str, expected: list[str]) -> None:
    from components.residency.scripts import double_quoted_substitutions

    assert double_quoted_substitutions(line) == expected


@given(command=st.from_regex(r"[a-z]{1,8}(?: -{1,2}[a-z]{1,6}(?: [a-z0-9./-]{1,12})?){0,4}", fullmatch=True))
@settings(max_examples=80, deadline=None)
def test_mutation66_a_quoted_substitution_gives_its_command(command: str) -> None:
    from components.residency.scripts import double_quoted_substitutions

    assert double_quoted_substitutions(f'V="$({command})"') == [command]
    assert double_quoted_substitutions(f"V='$({command})'") == []
