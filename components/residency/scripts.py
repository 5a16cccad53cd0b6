"""Reading the hosts a script's commands connect to, from the commands' documented options and operands.

A script payload (user data, a Cloud Assistant command, a lifecycle script, a cloud-config ``runcmd`` item) names
hosts as command-line values: ``psql -h db.example.cn``, ``redis-cli -h cache -p 6379``, ``ssh ops@bastion``,
``docker push registry.example.cn/app:1``, and as lines it writes into configuration files
(``echo "nameserver 8.8.8.8" >> /etc/resolv.conf``). Which option of which command holds a destination is catalogue
data (``endpoints.yaml`` ``script_commands``, each command with its manual as source): only those options and operands
are read, never a generic ``-h`` (``sort -h``, ``df -h``) nor a server's own listening address (``uvicorn --host
0.0.0.0``: listening commands are not listed). This module only *reads* the values; the engine judges them.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import ipaddress
import itertools
import json
import math
import re
import shlex
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from components.residency import jq
from components.residency.endpoints import Helm, ScriptCommand, load_endpoints
from components.residency.inputkeys import is_region_key, is_zone_key, key_tokens, snake_key
from components.residency.references import elastic_cloud_host, is_ip, is_private_address

__all__ = [
    "Edit",
    "ScriptHost",
    "ScriptReader",
    "ShellLine",
    "echoed_files",
    "edited_files",
    "heredoc_files",
    "heredoc_expanded_names",
    "hosts_file_names",
    "own_region_value",
    "own_document",
    "plain_assignment",
    "filter_values",
    "shell_blocks",
    "substitution_at",
    "substitutions_joined",
    "ARRAY_SUBSCRIPT",
    "substitution_filled",
    "substitution_values",
    "read_delimiter",
    "printf_as_assignments",
    "read_option_delimiter",
    "READ_DELIMITER_WORD",
    "counted_records",
    "input_items",
    "indexed_elements",
    "split_words_written",
    "reads_as_assignments",
    "written_files",
    "may_write_files",
    "has_for_loop",
    "has_positional",
    "alternates_written",
    "names_and_keys_written",
    "brace_expanded",
    "cat_heredoc_value",
    "has_array_element",
    "array_names",
    "array_elements",
    "positional_words",
    "split_array_elements",
    "for_loop_words",
    "plain_assigned_name",
    "command_output_files",
    "OWN_MACHINE",
    "machine_or_private",
    "xargs_expanded",
    "all_positional_expanded",
    "positional_expanded",
    "array_inputs",
    "array_input_elements",
    "loop_literal_values",
    "ansi_c_quoted_written",
    "multiline_assignments_written",
    "UNREAD_ANSI_C",
    "ARRAY_SLICE",
    "ARRAY_KEYS",
    "array_slice_items",
    "array_keys",
    "branch_echoes",
    "loop_bound_names",
    "UNKNOWN_KEYS",
    "UNCOMPUTED_BOUND",
    "templates_filled",
]

# Words that separate one command from the next (shlex's punctuation tokens), and redirections, whose next word is a
# file, not an argument.
_SEPARATORS = frozenset({";", "&&", "||", "|", "&", "(", ")", ";;", "|&", "((", "))"})
_OPERAND_LINES = frozenset({"operands", "run"})  # ScriptCommand.line: the operands are a line (written, or run)
_REDIRECTS = frozenset({">", ">>", "<", "<<", "<<<", ">&", "<&", "&>", "&>>", ">|", "<>"})
_WRITES = frozenset({">", ">>", ">|", "&>", "&>>"})
# crontab(5): a line is five time and date fields then the command (a system crontab, /etc/crontab or /etc/cron.d/*,
# has the user's name between them), or one of the special strings (@reboot, @hourly ...) then the command. A field is
# numbers, `*`, ranges, lists and steps; month and day of week may be names (jan, sun). The first field starts with a
# digit or `*`, which no command name does.
_CRON_FIELDS = 5
_CRON_FIELD = re.compile(r"[0-9*][0-9*/,-]*")
_CRON_NAMED_FIELD = re.compile(r"[0-9*/,A-Za-z-]+")
_CRON_PERCENT = re.compile(r"(?<!\\)%")  # an unescaped percent sign of a crontab line's command
_CRON_SPECIAL = frozenset({"@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# An /etc/hosts line (hosts(5), https://man7.org/linux/man-pages/man5/hosts.5.html): "IP_address canonical_hostname
# [aliases...]": every name on the line is sent to that address. Read in a script that names the file.
_HOSTS_FILE = "/etc/hosts"
# An address starts a hosts line: IPv4's digit, IPv6's hex digit or colon (::1, fe80::1).
_ADDRESS_START = frozenset("0123456789abcdefABCDEF:")
_MAX_DEPTH = 3  # echo "sh -c '...'" inside sh -c: a line re-read a few times at most


class ScriptHost(NamedTuple):
    """A host a script's command connects to (or a configuration line it writes sends to)."""

    command: str
    """The command (``psql``, ``docker push``, ``nameserver``; ``etc-hosts`` for an /etc/hosts line), for the path."""
    word: str
    """The whole option value or operand the host was read from (``tcp:sql.example.cn,1433``)."""
    host: str
    """The host, with a port when one was written (``db.example.cn:5432``); for ``region``, the region."""
    region: bool = False
    """The value is a region the command sends its request to (``aws ... --region us-east-1``), not a host."""
    zone: str | None = None
    """The cloud whose availability zone the value is (``aws ec2 create-subnet --availability-zone-id euw2-az1``:
    form ``aws-zone``; ``aliyun vpc CreateVSwitch --ZoneId cn-hangzhou-h``: ``alicloud-zone``), judged as a zone field;
    None for a host or region."""
    offset: int = 0
    """Where the line the value was read from starts in the script (a line continued with a backslash: its first),
    so that a variable in it is given the values that reach that line (scripts48)."""
    account: bool = False
    """(alired53) The value is the Alibaba Cloud account owning what the command writes into or joins (form
    ``alicloud-account``: ``aliyun dts ConfigureDtsJob --DestinationEndpointOwnerID``), judged as such an input's
    UID."""
    policy: bool = False
    """(alired54) The value is a RAM policy document granting accounts (form ``alicloud-policy``: ``aliyun ram
    CreateRole --AssumeRolePolicyDocument``, ``aliyun kms SetKeyPolicy --Policy``), walked as the document input of the
    resource twin is."""
    replication: bool = False
    """(alired54b) The value is an OSS replication configuration (form ``oss-replication``: ``ossutil api
    put-bucket-replication --replication-configuration``, ``ossutil replication --method put oss://b FILE``), inline or
    the file holding it, whose destinations are judged as oss.BucketReplication's."""
    bucket_policy: bool = False
    """(alired55) The value is an OSS bucket policy (form ``oss-policy``: ``ossutil bucket-policy --method put oss://b
    FILE``, ``ossutil api put-bucket-policy --body``), inline or the file holding it, walked as oss.BucketPolicy's
    ``policy``."""
    cors: bool = False
    """(alired56) The value is an OSS CORS configuration or origin (form ``oss-cors``: ``ossutil cors --method put oss://b
    FILE``, ``ossutil api put-bucket-cors --cors-configuration``, ``ossutil cors-options --origin``), inline or the file
    holding it: its origins are compared with requests, never contacted."""
    encoded: str = ""
    """(the lead, stop 64) The encoding a variable's value at ``host`` is in (form ``beat-setting``'s ``cloud.id``:
    ``elastic-cloud-id``, the catalogue's name of :func:`references.elastic_cloud_host`): the value that reaches the
    line is decoded before it is judged (``-E cloud.id=$CID`` with ``CID=<an id>`` passed every door: the id judged as
    a host it is not); ``""`` for every other value."""


class ScriptReader:
    """Reads ``script_commands`` from script text; one per catalogue (the gate pattern is compiled once)."""

    def __init__(self, commands: Mapping[str, ScriptCommand]) -> None:
        self._commands = commands
        # The gate: literal substring tests (str.__contains__, the cheapest scan Python has; a regex alternation of the
        # names costs several times more). A script holding no listed command's name is not tokenised; nor is a line.
        # Wrappers (sudo, env) and line writers (echo, sh -c) only lead to a listed command, whose name is in the text.
        # A name containing another (mongosh, mongo) needs no test of its own; a name of two letters (nc) is tested
        # with the blank that follows a command's name, so that "once" or "sync" does not open the gate.
        # systemd's Exec lines (assignment) only lead to a listed command too. A tab may follow a name as a blank does.
        # So do nginx's block directives that are no command of their own (config53: `location`, `upstream`).
        names = sorted(
            n
            for n, c in commands.items()
            if not c.wrapper and c.line is None and not c.assignment and not (c.block and c.operands is None)
        )
        stems = {n for n in names if len(n) > 2} | {f"{n}{blank}" for n in names if len(n) <= 2 for blank in " \t"}
        # config56: a command that is a YAML key (`externalName:`) written in JSON's spelling (`"externalName": "x"`,
        # a manifest as one line of JSON, pretty-printed, or a `kubectl patch -p` body): the quoted key is a stem too
        keys = sorted(n[:-1] for n in names if n.endswith(":"))
        self._json_keys = tuple(f'"{k}"' for k in keys)
        self._json_pair = (
            re.compile(rf'"({"|".join(map(re.escape, keys))})"\s*:\s*"((?:[^"\\]|\\.)*)"') if keys else None
        )
        stems |= set(self._json_keys)
        self._stems = tuple(sorted(s for s in stems if not any(o != s and o in s for o in stems)))
        # mutation54: nginx directives whose parameters may follow on the next lines (tested with str.endswith).
        self._directives = tuple(sorted(n for n, c in commands.items() if c.directive))

    def hosts(self, script: str, file: str | None = None) -> list[ScriptHost]:
        """Every host a listed command's listed option or operand names in ``script``; [] when none is listed.
        ``file``: the file ``script`` is written to (a cloud-config write_files entry's path), when known."""
        # An /etc/hosts line is read where the script writes that file (echo ... >> /etc/hosts, a heredoc into it), or
        # where the script is that file's content.
        hosts_file = file == _HOSTS_FILE or _HOSTS_FILE in script
        if not hosts_file and not any(stem in script for stem in self._stems):
            return []
        return list(self._lines(script, 0, hosts_file))

    def _lines(self, script: str, depth: int, hosts_file: bool, at: int | None = None) -> Iterator[ScriptHost]:
        """The hosts of ``script``'s lines; ``at``: the offset of the line a nested text (``sh -c '...'``, echo's
        words) was read from, else each line's own."""
        lines = list(_joined_lines(script))
        for index, (start, text) in enumerate(lines):
            offset = start if at is None else at
            line = text
            if self._directives and text.rstrip().endswith(self._directives):
                line = _directive_parameters(text, lines[index + 1 :], self._directives)
            if not any(stem in line for stem in self._stems) and not (
                hosts_file and (line.lstrip()[:1] in _ADDRESS_START or _HOSTS_FILE in line)
            ):
                continue
            if self._json_pair is not None and any(k in line for k in self._json_keys):
                yield from self._json_pairs(line, depth, hosts_file, offset)
                if line.lstrip()[:1] == '"':
                    continue  # a pretty-printed JSON line (`"externalName": "HOST",`): no shell words to read
            words = _words(line)
            if "%" in line and depth < _MAX_DEPTH and self._cron_command(words):
                # crontab(5): "Percent-signs (%) in the command, unless escaped with backslash (\\), will be changed
                # into newline characters, and all data after the first % will be sent to the command as standard
                # input" (a shell's input is the lines it runs: `* * * * * root /bin/sh%psql -h HOST`), scripts52
                command_text, *rest = _CRON_PERCENT.split(line)
                words = _words(command_text)
                yield from self._lines("\n".join(rest), depth + 1, hosts_file, offset)
            # echo's words are a configuration line only when written into a file (>, >>, | tee, | dd of=FILE): a
            # message on the console ("echo server db.example.cn is up") is not.
            commands = list(_simple_commands(words))
            written = any(w in _WRITES or w.rsplit("/", 1)[-1] == "tee" for w in words) or any(
                _dd_output(c.words) is not None or _crontab_input(c.words) for c in commands
            )
            for command in commands:
                for found in self._command(command.words, depth, written, hosts_file, offset):
                    yield found if found.offset == offset else found._replace(offset=offset)
            if depth < _MAX_DEPTH and '"' in line and ("$(" in line or "`" in line):
                # mutation66: a command substitution in double quotes runs its command (`R="$(aws ... --region R)"`)
                for inner in double_quoted_substitutions(line):
                    yield from self._lines(inner, depth + 1, hosts_file, offset)

    def _json_pairs(self, line: str, depth: int, hosts_file: bool, offset: int) -> Iterator[ScriptHost]:
        """(config56) The hosts of ``line``'s JSON pairs whose key is a command that is a YAML key (``"externalName":
        "HOST"``: the same manifest line as ``externalName: HOST``, JSON being YAML), read as that line is; a value
        that is no JSON string (an escape JSON does not know) is left as written."""
        assert self._json_pair is not None
        for m in self._json_pair.finditer(line):
            name = f"{m.group(1)}:"
            try:
                value = json.loads(f'"{m.group(2)}"')
            except ValueError:
                value = m.group(2)
            for found in self._arguments(name, self._commands[name], [value], depth, hosts_file, offset):
                yield found if found.offset == offset else found._replace(offset=offset)

    def _command(
        self, words: list[str], depth: int, written: bool, hosts_file: bool, offset: int
    ) -> Iterator[ScriptHost]:
        # Leading assignments (PGPASSWORD=x psql ...) and wrappers (sudo -u postgres psql ...) come before the command;
        # scripts51: so does a crontab line's schedule (and a system crontab's user), when the line is one.
        i = self._cron_command(words)
        while i < len(words):
            word = words[i]
            if word[:1] == "$" and words[i + 1 : i + 2] == ["="]:
                i += 2  # PowerShell's $ok = Test-NetConnection ... (about_Assignment_Operators): the command follows
                continue
            if _ASSIGNMENT.match(word):
                key, _, value = word.partition("=")
                exec_line = self._commands.get(key)
                if exec_line is not None and exec_line.assignment and value:
                    # ExecStart=-/usr/bin/psql -h ...: the value is the command, after systemd's prefixes (with @,
                    # the next word is argv[0], no argument).
                    command = value.lstrip(exec_line.exec_prefixes)
                    argv0 = "@" in value[: len(value) - len(command)]
                    words, i = [command, *words[i + 1 + argv0 :]], 0
                    if command:
                        continue
                i += 1
                continue
            spec = self._commands.get(word.rsplit("/", 1)[-1])
            if spec is not None and spec.runs_file:
                # agents62: `bash FILE ARGS` runs FILE with ARGS (a catalogued script's name: `logtail.sh install R`)
                at = _after_options(words, i + 1, spec)
                if at < len(words) and not any(_shell_reads_text(w, spec) for w in words[i + 1 : at]):
                    i = at
                    continue
            if spec is not None and spec.block and (after := _after_brace(words, i + 1)) is not None:
                words, i = after, 0  # config53: an nginx block directive leads to the directive after its brace
                continue
            if (
                spec is None
                or not (spec.wrapper or _wraps_by_option(words[i + 1 :], spec))
                or _wrapper_line_given(words[i + 1 :], spec)
            ):
                break
            at = _after_options(words, i + 1, spec)
            if spec.options:
                yield from _wrapper_destinations(word.rsplit("/", 1)[-1], spec, words[i + 1 : at])
            i = at + spec.skip_operands
        if i >= len(words):
            return
        name = words[i].rsplit("/", 1)[-1]
        spec = self._commands.get(name)
        if spec is None:
            if hosts_file and is_ip(name) and len(words) > i + 1 and not is_ip(words[i + 1]) and _unicast(name):
                # An /etc/hosts entry (hosts(5)): every name on the line goes to the address.
                yield ScriptHost("etc-hosts", name, name)
            return
        if spec.line == "operands" and not written:
            return
        args = _unprefixed(words[i + 1 :], spec.option_prefix)
        yield from self._arguments(name, spec, args, depth, hosts_file, offset)

    def _cron_command(self, words: list[str]) -> int:
        """Where a crontab(5) line's command starts in ``words``: after the five time and date fields or a special
        string (``@reboot``), and after a user's name there (a system crontab's: the word that follows is no listed
        command but the next is one, or a wrapper); 0 for a line that is no crontab entry."""
        if words[:1] and words[0] in _CRON_SPECIAL:
            i = 1
        elif (
            len(words) > _CRON_FIELDS
            and all(_CRON_FIELD.fullmatch(w) for w in words[:3])
            and all(_CRON_NAMED_FIELD.fullmatch(w) for w in words[3:5])
        ):
            i = _CRON_FIELDS
        else:
            return 0
        if i + 1 < len(words) and words[i] not in self._commands and words[i + 1].rsplit("/", 1)[-1] in self._commands:
            i += 1
        return i

    def _arguments(
        self, name: str, spec: ScriptCommand, args: list[str], depth: int, hosts_file: bool, offset: int
    ) -> Iterator[ScriptHost]:
        if spec.listen_options and any(_listens(arg, spec.listen_options) for arg in args):
            return  # a listening server (nc -l): its operands are its own address and port, not a destination
        args, run = self._run_command(spec, args, depth, hosts_file, offset)
        yield from run
        args, unknown = _unknown_words_taken(name, spec, args)  # scripts61: words no reader computes spliced here
        yield from unknown
        operands: list[str] = []
        j = 0
        while j < len(args):
            arg = args[j]
            j += 1
            if arg == "--" or (operands and spec.line == "run"):
                # scripts65b: a command running its operands as a line (eval, watch, tmux new-session) reads its
                # options before the first operand only (getopt's `+`): `watch -n 60 aws ... --region R` runs the
                # whole line, `--region R` included
                operands += args[j:] if arg == "--" else args[j - 1 :]
                break
            if arg.startswith("-") and len(arg) > 1:
                option, attached, form = _option_form(arg, spec)
                if option is None:
                    if arg in spec.value_options or _group_value(arg, spec.value_options) == "":
                        j += 1  # the option's value is not an operand
                    continue
                value = attached if attached is not None else (args[j] if j < len(args) else "")
                if attached is None:
                    j += 1
                if form is not None:
                    yield from _read(name, form, value)
                elif depth < _MAX_DEPTH:  # a line option (sh -c '...'): its value is script text
                    yield from self._lines(value, depth + 1, hosts_file, offset)
                continue
            if spec.subcommands and not operands:
                sub = _subcommand(spec, arg)
                if sub is not None:
                    read = self._paired_arguments if sub.paired else self._arguments
                    yield from read(f"{name} {arg}", sub, args[j:], depth, hosts_file, offset)
                    return
            operands.append(arg)
        if spec.line in _OPERAND_LINES and depth < _MAX_DEPTH:
            yield from self._operand_line(spec, operands, depth, hosts_file, offset)
            return
        # alired55: `ossutil bucket-policy --method get oss://b FILE` saves to FILE, no input (operands_when)
        if spec.operands is None or not operands or not _options_given(args, spec.operands_when):
            return
        for operand in _destinations(spec, operands):
            yield from _read(name, spec.operands, operand)

    def _run_command(
        self, spec: ScriptCommand, args: list[str], depth: int, hosts_file: bool, offset: int
    ) -> tuple[list[str], list[ScriptHost]]:
        """(scripts55) For a subcommand running a command (``wrapper``: ``docker run [OPTIONS] IMAGE [COMMAND]
        [ARG...]``), its own options (docker stops reading its options at the image) and the hosts of the command it
        runs (:func:`_container_command`); ``(args, [])`` for another."""
        if not spec.wrapper or depth >= _MAX_DEPTH or _wrapper_line_given(args, spec):
            return args, []  # mutation65: `flock FILE -c LINE` runs its line (read as an option's script text)
        if spec.command_after is not None:
            # scripts55b: `kubectl run NAME --image=IMAGE [options] -- [COMMAND] [args...]`: the words after `--`
            if spec.command_after not in args:
                return args, []
            at = args.index(spec.command_after)
            named = _option_value(args[:at], spec.image_option)
            run = [] if named is None or spec.command_options.intersection(args[:at]) else [named]
            if spec.arguments_options and not _flag_given(args[:at], spec.arguments_options):
                run = []  # config56b: kubectl debug's words after `--` are the command unless --arguments-only
            command = _container_command(spec, [], run, args[at + 1 :])
            return args[:at], list(self._command(command, depth + 1, False, hosts_file, offset)) if command else []
        at = _after_options(args, 0, spec)
        # config56b: a filter option selects the container (crictl exec --name): no CONTAINER-ID operand then
        skip = 0 if spec.selector_options and _flag_given(args[:at], spec.selector_options) else spec.skip_operands
        image, words = args[at : at + skip], args[at + skip :]
        command = _container_command(spec, args[:at], image, words)
        return args[:at], list(self._command(command, depth + 1, False, hosts_file, offset)) if command else []

    def _paired_arguments(
        self, name: str, spec: ScriptCommand, args: list[str], depth: int, hosts_file: bool, offset: int
    ) -> Iterator[ScriptHost]:
        """(config55) A command of ``parameter value`` pairs (``ScriptCommand.paired``: Redis 7's ``CONFIG SET
        maxmemory 1gb replicaof "HOST 6379"``, "CONFIG SET parameter value [parameter value ...]"): each parameter a
        subcommand names is read with its one value (a value may start with ``-``, so no word is an option here)."""
        for k in range(0, len(args) - 1, 2):
            sub = _subcommand(spec, args[k])
            if sub is not None:
                yield from self._arguments(f"{name} {args[k]}", sub, args[k + 1 : k + 2], depth, hosts_file, offset)

    def _operand_line(
        self, spec: ScriptCommand, operands: list[str], depth: int, hosts_file: bool, offset: int
    ) -> Iterator[ScriptHost]:
        """The hosts of the line a command's operands are (:func:`_operand_line_text`)."""
        yield from self._lines(_operand_line_text(spec, operands), depth + 1, hosts_file, offset)


def _options_given(args: list[str], wanted: Mapping[str, frozenset[str]]) -> bool:
    """(alired55) Whether each option of ``wanted`` is given one of its values in ``args`` (``--method put`` or
    ``--method=put``, in any case: ``ScriptCommand.operands_when``); True when none is wanted."""
    if not wanted:
        return True
    given: dict[str, str] = {}
    for i, arg in enumerate(args):
        name, equals, attached = arg.partition("=")
        if name in wanted:
            given[name] = (attached if equals else (args[i + 1] if i + 1 < len(args) else "")).lower()
    return all(given.get(name) in values for name, values in wanted.items())


def _flag_given(options: list[str], names: frozenset[str]) -> bool:
    """(config56b) Whether one of ``names`` is among ``options`` (a command's words before its operands), alone or with
    its value after ``=`` (``--name=redis``, ``--arguments-only=true``; ``=false`` is not given)."""
    for option in options:
        name, equals, value = option.partition("=")
        if name in names and not (equals and value.lower() == "false"):
            return True
    return False


def _subcommand(spec: ScriptCommand, word: str) -> ScriptCommand | None:
    """The subcommand ``word`` names, in any case where the command reads it so (config54b: redis-cli's ``ReplicaOf``,
    Redis's ``REPLICAOF``); None for another word."""
    sub = spec.subcommands.get(word)
    return spec.subcommands.get(word.upper()) if sub is None and spec.any_case else sub


def _operand_line_text(spec: ScriptCommand, operands: list[str]) -> str:
    """The line a command's operands are (echo: a line written into a file, resolv.conf, chrony.conf, /etc/hosts;
    eval, scripts50: the line it runs; scripts52: a substitution among eval's words runs its output, `eval "$(printf
    'psql -h %s' HOST)"`, read where the one evaluator computes it from literals)."""
    line = " ".join(operands)
    if spec.line == "run" and "$(" in line:
        line = _run_output(line)
    return line.replace("\\n", "\n")


def _run_output(line: str) -> str:
    """``line`` (eval's words) with each command substitution the engine computes from literals written as its
    output (:func:`substitution_values`), the others as written."""
    out, end = [], 0
    at = line.find("$(")
    while at >= 0:
        substitution = substitution_at(line, at)
        if substitution is None:
            break
        given = substitution_values(substitution, {}, {})
        out += [line[end:at], "\n".join(given) if given else substitution]
        end = at + len(substitution)
        at = line.find("$(", end)
    return "".join([*out, line[end:]])


def _joined_lines(script: str) -> Iterator[tuple[int, str]]:
    r"""``script``'s lines, each with its offset, a line ending in a backslash joined with the next (bash(1):
    "A backslash-newline pair is treated as a line continuation"). falsealarm56: a joined line's offset is its last
    physical line's, where the values reaching it are read: a loop opened on a continued line (`printf ... \`, then
    `| while read -r h; do psql -h "$h"; done`) gives its variable there (the first line's, before the loop, left the
    variable unset: a partner's host passed every door)."""
    start, offset, joined = 0, 0, None
    for raw in script.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        start = offset
        offset += len(raw)
        if body.endswith("\\") and raw[len(body) :] in ("\n", "\r\n"):
            joined = (joined or "") + body[:-1]
            continue
        yield start, (joined or "") + body
        joined = None
    if joined:  # a last line continued onto nothing (splitlines gives no empty line at the end)
        yield start, joined


_NGINX_COMMENT = re.compile(r"(?:^|(?<=\s))#.*")
"""An nginx comment on a directive's parameter line: ``#`` at a word's start, to the line's end."""
_MAX_DIRECTIVE_LINES = 8
"""The most lines an nginx directive's parameters are read from after its name (mutation54): past them, or at a
brace, the directive is read as written (its name alone: no host, as before)."""


def _directive_parameters(line: str, after: list[tuple[int, str]], directives: tuple[str, ...]) -> str:
    """``line`` with the parameters of the nginx directive that ends it (its name a word of its own: after a blank,
    ``{`` or ``;``) read from the lines ``after`` it up to the ``;`` that ends it (nginx "Configuration File's
    Structure": a directive "ends with a semicolon"; the tokenizer reads newlines as blanks); ``line`` itself when
    no such directive ends it or no ``;`` follows within :data:`_MAX_DIRECTIVE_LINES` lines before a brace."""
    body = line.rstrip()
    name = max((n for n in directives if body.endswith(n)), key=len)
    if body[: -len(name)][-1:] not in ("", " ", "\t", "{", ";"):
        return line  # `my_fastcgi_pass`: another word
    parameters: list[str] = []
    for _, line_after in after[:_MAX_DIRECTIVE_LINES]:
        text = _NGINX_COMMENT.sub("", line_after)  # "#" starts a comment to the line's end
        end = text.find(";")
        if any(brace in (text if end < 0 else text[:end]) for brace in "{}"):
            return line
        if end >= 0:
            return " ".join([body, *parameters, text[: end + 1]])
        parameters.append(text.strip())
    return line


# scripts60b (stop 60): bash(1) "Word Splitting": "The shell scans the results of parameter expansion, command
# substitution, and arithmetic expansion that did not occur within double quotes for word splitting"; with IFS unset or
# its default, "sequences of <space>, <tab>, and <newline> ... serve to delimit words". An unquoted variable whose value
# holds blanks becomes several words, options among them: `DB_OPTS="-p 5432 -h db.partner.example.com"` then `psql -h
# 10.0.2.15 $DB_OPTS` (psql takes the last `-h`), or `-p $P` with `P="5432 -h ..."`, passed every door (the value
# was read as one word, the option's). "Assignment" words and double-quoted ones are not split.
_UNQUOTED_REFERENCE = re.compile(r"(?<![\\$\w])\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))(?![\w\[])")
_SPLIT_KEPT_OUT = frozenset("'\"\\`$")  # a value holding these is spliced as written by no shell: not re-read


def split_words_written(
    script: str,
    values_at: Callable[[int], Mapping[str, Sequence[str]]],
    opaque_at: Callable[[int], Mapping[str, Sequence[str]]] | None = None,
    uncomputed: Callable[[str], bool] | None = None,
) -> list[tuple[int, str]]:
    """(scripts60b) Each line of ``script`` (:func:`_joined_lines`: its offset and text) holding an unquoted variable
    (outside quotes and comments; not an assignment's word) whose value there (``values_at``, the values reaching an
    offset) holds a blank, written once per such value with the value in the reference's place: the words the shell
    runs, for the command reader to read again (a value holding a quote, a backslash, a backquote or an expansion is
    left out: spliced into text its characters would be read as shell syntax). Gate: ``$``.
    scripts61 (stop 61): a value no reader computes (``opaque_at``: the command substitutions the evaluator cannot
    compute that the variable may hold there, ``OPTS=$(cat /etc/fleet/db.opts)``) may hold any words, options among
    them: the line is written with :data:`UNKNOWN_WORDS` and the substitution (one word) in the reference's place, for
    the command reader to read as every destination option the words may set (:func:`_unknown_words`).
    scripts63 (stop 63): a command substitution written unquoted as a word of its own (``aws ... --region <home>
    $(cat /etc/fleet/extra)``, or backquoted), which ``uncomputed`` says no reader computes, the same: its output is
    split into words as a variable's value is (bash(1) "Word Splitting": "the results of parameter expansion, command
    substitution, and arithmetic expansion that did not occur within double quotes"); it was read as one operand."""
    if "$" not in script and "`" not in script:
        return []
    # scripts64: `DR_OPT="--region=$(cat FILE)"`, then `"$DR_OPT"`
    out: list[tuple[int, str]] = _option_words_around_lines(script)
    for at, line in _joined_lines(script):
        if "$" not in line and "`" not in line:
            continue
        held: Mapping[str, Sequence[str]] | None = None
        opaque: Mapping[str, Sequence[str]] | None = None
        for a, b, kind in quoting_spans(line, comments=True, backquotes=True):
            if uncomputed is not None and kind in ("", "`"):
                out += _substitution_words(line, a, b, at, uncomputed)
            if "$" not in line[a:b]:
                continue
            if kind == '"':  # scripts62: `"$OPT"`, a whole word holding an option word (`--region=us-east-1`)
                out += _quoted_option_words(line, a, b, at, values_at)
                continue
            if kind:
                continue
            for m in _UNQUOTED_REFERENCE.finditer(line, a, b):
                if _ASSIGNMENT_BEFORE.search(line, 0, m.start()) is not None:
                    continue
                held = values_at(at) if held is None else held
                name = m.group(1) or m.group(2)
                for value in held.get(name, ()):
                    if (
                        any(c in value for c in " \t")
                        or (_option_word(value) and _whole_word(line, m.start(), m.end()))
                    ) and _SPLIT_KEPT_OUT.isdisjoint(value):
                        out.append((at, line[: m.start()] + value + line[m.end() :]))
                opaque = (opaque_at(at) if opaque_at is not None else {}) if opaque is None else opaque
                if name in opaque and line.count("$(", 0, m.start()) > line.count(")", 0, m.start()):
                    continue  # inside a command substitution (its quotes are its own): that command's word
                for value in dict.fromkeys(opaque.get(name, ())):
                    # mutation62: a backquoted substitution (`OPTS=`cat FILE``) as its `$(...)` form, the one the
                    # command reader's value is judged in (written as is, it was read as a literal word: passed)
                    word = _backquotes_as_dollar(value) if value[:1] == "`" else value
                    quoted = "'" + word.replace("'", "'\\''") + "'"
                    out.append((at, f"{line[: m.start()]}{UNKNOWN_WORDS} {quoted}{line[m.end() :]}"))
    return out


def _substitution_words(
    line: str, start: int, end: int, at: int, uncomputed: Callable[[str], bool]
) -> list[tuple[int, str]]:
    """(scripts63) ``line`` written with :data:`UNKNOWN_WORDS` before each unquoted command substitution starting in
    ``line[start:end]`` that stands as a word of its own, is no assignment's value and is not inside another, and
    that ``uncomputed`` says no reader computes (:func:`split_words_written`)."""
    out: list[tuple[int, str]] = []
    for m in _SUBSTITUTION_START.finditer(line, start, end):
        p = m.start()
        word = substitution_at(line, p)
        if word is None or not _whole_word(line, p, p + len(word)) or not uncomputed(word):
            continue
        if _ASSIGNMENT_BEFORE.search(line, 0, p) is not None or line.count("$(", 0, p) > line.count(")", 0, p):
            continue
        dollar = _backquotes_as_dollar(word) if word[:1] == "`" else word
        quoted = "'" + dollar.replace("'", "'\\''") + "'"
        out.append((at, f"{line[:p]}{UNKNOWN_WORDS} {quoted}{line[p + len(word) :]}"))
    return out


_SUBSTITUTION_START = re.compile(r"\$\((?!\()|`")
"""(scripts63) Where a command substitution starts (``$(``, not arithmetic's ``$((``, or a backquote)."""

_QUOTED_REFERENCE = re.compile(r'"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))"')
"""(scripts62) A double-quoted word that is one variable: ``"$OPT"``, ``"${OPT}"``."""


def _quoted_option_words(
    line: str, start: int, end: int, at: int, values_at: Callable[[int], Mapping[str, Sequence[str]]]
) -> list[tuple[int, str]]:
    """(scripts62) ``line`` written with each option word (:func:`_option_word`, no blank) the variable of the
    double-quoted word ``line[start:end]`` holds in its place, where that word is one variable standing alone."""
    whole = _QUOTED_REFERENCE.fullmatch(line, start, end)
    if whole is None or not _whole_word(line, start, end):
        return []
    values = values_at(at).get(whole.group(1) or whole.group(2), ())
    return [(at, line[:start] + v + line[end:]) for v in values if _option_word(v) and not any(c in v for c in " \t")]


# scripts64 (stop 64): an option word whose value is an expansion, assigned to a variable (`DR_OPT="--region=$(cat
# FILE)"`, `--region=$(echo A | sed s/A/B/)`, `--region=$R`), then spliced as a word (`aws ... "$DR_OPT"` or
# `$DR_OPT`). The evaluator holds no value for text around a substitution, so scripts62's option-word reading got none
# and the Region passed every door (Mutation search, round 34). The option word is the assignment's text, the
# expansion in it expanded where the command runs as where it is written (bash(1) "Parameter Expansion", "Command
# Substitution"): written in the reference's place, the command reader reads `--region=$(cat FILE)` as it reads it
# written so (the one evaluator computes it, or RES-011 / RES-015).
_OPTION_AROUND = re.compile(r"(?<![\w-])-{1,2}[A-Za-z][\w-]*=[$`]")
_WHOLE_QUOTED_OR_NOT = re.compile(r'"?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))"?')


def _option_words_around(script: str) -> dict[str, tuple[str, ...]]:
    """(scripts64) The option words around an expansion (:data:`_OPTION_AROUND` at their start, one word:
    :func:`_one_option_word`) each variable's plain assignments give it (:func:`_plain_assigned_values`)."""
    return {
        name: words
        for name, values in _plain_assigned_values(script).items()
        if (words := tuple(v for v in values if _OPTION_AROUND.match(v) and _one_option_word(v)))
    }


def _one_option_word(value: str) -> bool:
    """(scripts64) Whether ``value`` is one option word (:func:`_option_word`) holding no quote or backslash, a blank
    only inside the one substitution that is its value (``--region=$(cat FILE)``)."""
    if not _option_word(value) or any(c in value for c in "'\"\\"):
        return False
    rest = value.split("=", 1)[1]
    return not any(c in value for c in " \t\n") or substitution_at(rest, 0) == rest


def _option_words_around_lines(script: str) -> list[tuple[int, str]]:
    """(scripts64) Each line of ``script`` (:func:`_joined_lines`) holding a whole word that is a variable assigned an
    option word around an expansion (:func:`_option_words_around`), written with each such word in its place. Gate:
    :data:`_OPTION_AROUND` in the script."""
    around = _option_words_around(script) if _OPTION_AROUND.search(script) else {}
    out: list[tuple[int, str]] = []
    for at, line in _joined_lines(script) if around else ():
        if "$" in line:
            for a, b, kind in quoting_spans(line, comments=True, backquotes=True):
                if kind in ("", '"') and "$" in line[a:b]:
                    out += _option_words_around_written(line, a, b, at, around)
    return out


def _option_words_around_written(
    line: str, start: int, end: int, at: int, around: Mapping[str, tuple[str, ...]]
) -> list[tuple[int, str]]:
    """(scripts64) ``line`` written with each option word around an expansion (:func:`_option_words_around`) the
    variable of the whole word at ``line[start:end]`` (``"$OPT"`` quoted, or ``$OPT`` unquoted, standing alone) is
    assigned, double-quoted (one word, as the assignment's quotes made it), in the word's place."""
    out: list[tuple[int, str]] = []
    for m in _WHOLE_QUOTED_OR_NOT.finditer(line, start, end):
        a, b = m.span()
        if (line[a] == '"') != (line[b - 1] == '"') or not _whole_word(line, a, b):
            continue
        if _ASSIGNMENT_BEFORE.search(line, 0, a) is not None:
            continue
        out += [(at, f'{line[:a]}"{word}"{line[b:]}') for word in around.get(m.group(1) or m.group(2), ())]
    return out


def _whole_word(line: str, start: int, end: int) -> bool:
    """(scripts62) Whether ``line[start:end]`` stands as a word of its own (a word end or the line's end each side)."""
    return (start == 0 or line[start - 1] in _WORD_ENDS) and (end == len(line) or line[end] in _WORD_ENDS)


def _option_word(value: str) -> bool:
    """(scripts62, stop 62) Whether ``value``, spliced as a word, is an option word holding its value: a long option
    with ``=`` (``--region=us-east-1``: the AWS CLI's argparse and getopt_long read the option and its value from the
    one word) or a short option with its value attached (``-hdb.partner.example``: getopt). Held by a variable
    (``DR_OPT="--region=us-east-1"``, then ``aws ... "$DR_OPT"`` or ``$DR_OPT``) it was read as an operand: a Region
    abroad passed every door. A quoted value holding a blank is one word no such parser splits (``"--region
    us-east-1"``: argparse takes a word holding a blank for an operand), so it is not written."""
    return (value[:2] == "--" and "=" in value[3:]) or (value[:1] == "-" and value[1:2].isalpha() and len(value) > 2)


UNKNOWN_WORDS = "--scripts61-words-no-reader-computes"
"""(scripts61) The word :func:`split_words_written` writes before a value no reader computes spliced unquoted into a
command's words (the next word): the command reader reads it as each destination option the words may set."""
_UNKNOWN_WORD_FORMS = frozenset(
    {"host", "host-port", "hosts", "replica-set", "sqlserver", "ssh", "remote", "url", "region"}
)
"""The forms :data:`UNKNOWN_WORDS` is read in: a host or a Region (RES-015 / RES-011 for a value no reader computes);
a zone, an account or a document given so is left open."""


def _unknown_words(command: str, spec: ScriptCommand, value: str, after: list[str]) -> Iterator[ScriptHost]:
    """(scripts61) ``value``, words no reader computes spliced among ``command``'s options (:data:`UNKNOWN_WORDS`),
    read as each destination option they may set: every listed option's form (and a named Region option's) among
    :data:`_UNKNOWN_WORD_FORMS`, but a form an option written after the splice sets again (``after``, up to ``--``):
    getopt and the AWS CLI's argparse keep an option's last value (psql(1) ``-h``; argparse's ``store`` action), so
    ``psql $OPTS -h 10.0.2.15`` connects to 10.0.2.15 whatever OPTS holds. An option of the same form counts as the
    same option (psql's ``-h`` / ``--host``)."""
    later = after[: after.index("--")] if "--" in after else after
    again = {_option_form(a, spec)[2] for a in later if a.startswith("-")}
    forms = [*spec.options.values(), spec.named_options.get("region")]
    for form in dict.fromkeys(f for f in forms if f in _UNKNOWN_WORD_FORMS and f not in again):
        yield from _read(command, form, value)


def _unknown_words_taken(name: str, spec: ScriptCommand, args: list[str]) -> tuple[list[str], list[ScriptHost]]:
    """(scripts61) ``args`` without each :data:`UNKNOWN_WORDS` and the value after it, and what those values are read
    as (:func:`_unknown_words`; none after ``--``, where no option is read: an operand the value may add there is left
    open). A value standing as an option's value (after a listed option, a value option or a long option without
    ``=``: ``--availability-zone $Z``, ``-h $H``) is that option's value, which the script's own reading judged there
    (as before; read again here it is empty): the words after its first are not judged (left open: the idiom is one
    word read from a file)."""
    if UNKNOWN_WORDS not in args:
        return args, []
    out: list[str] = []
    found: list[ScriptHost] = []
    k = 0
    while k < len(args):
        if args[k] == UNKNOWN_WORDS:
            value = args[k + 1] if k + 1 < len(args) else ""
            if out and _takes_value(out[-1], spec):
                out.append("")  # the option's value: the script's own reading judged the reference there
            elif "--" not in out:
                found += _unknown_words(name, spec, value, args[k + 2 :])
            k += 2
            continue
        out.append(args[k])
        k += 1
    return out, found


def _takes_value(word: str, spec: ScriptCommand) -> bool:
    """(scripts61) Whether ``word`` is an option whose value is the next word: a listed destination option, a value
    option, or a long option written without ``=`` (the AWS and Alibaba Cloud CLIs' parameters take one) but one the
    command lists as taking none (scripts62: ``ScriptCommand.flags`` / ``flag_prefixes``, the AWS CLI's ``--dry-run``,
    ``--no-...``)."""
    if word in spec.options or word in spec.value_options:
        return True
    if word in spec.flags or (spec.flag_prefixes and word.startswith(spec.flag_prefixes)):
        return False  # scripts62: a flag taking no value (`--no-cli-pager $EXTRA`: the splice's words are options)
    return word.startswith("--") and len(word) > 2 and "=" not in word


_ASSIGNMENT_BEFORE = re.compile(r"(?:^|[\s;&|(])[A-Za-z_][A-Za-z0-9_]*\+?=[^\s;&|()<>]*\Z")


def _crontab_input(words: list[str]) -> bool:
    """Whether the command installs its standard input as the user's crontab (crontab(1): "installs a new crontab
    from some named file or standard input if the pseudo-filename '-' is given"): ``... | crontab -``."""
    return bool(words) and words[0].rsplit("/", 1)[-1] == "crontab" and words[-1] == "-"


def _dd_output(words: list[str]) -> str | None:
    """The file a ``dd`` command writes (coreutils dd(1) ``of=FILE``: "write to FILE instead of stdout"; scripts46:
    ``echo "nameserver ..." | sudo dd of=/etc/resolv.conf``, as ``| tee`` writes it); None for another command or a
    device (``of=/dev/sdb``)."""
    names = [w.rsplit("/", 1)[-1] for w in words]
    if "dd" not in names:
        return None
    out = next((w[3:] for w in words[names.index("dd") :] if w.startswith("of=")), None)
    return None if out is None or out.startswith("/dev/") else out


def _split_option(arg: str, spec: ScriptCommand) -> tuple[str | None, str | None]:
    """(listed option, value written in the same word or None); (None, None) when ``arg`` is no listed option."""
    if arg in spec.options or arg == spec.line:
        return arg, None
    if _line_in_flag_group(arg, spec):
        return spec.line, None  # scripts63: `bash -ec '...'`, `sh -xc '...'`, `su -lc '...'`
    if spec.line_aliases:
        line = _line_alias(arg, spec)
        if line is not None:
            return line
    if arg.startswith("--"):
        option, eq, value = arg.partition("=")
        return (option, value) if eq and option in spec.options else (None, None)
    short = arg[:2]  # getopt's attached value: -hdb.example.cn, -Stcp:host,1433
    if short in spec.options:
        return short, arg[2:]
    return None, None


# scripts63 (stop 63): a group of single-letter flags ending with a shell's line option (bash(1) "OPTIONS": "-c If the
# -c option is present, then commands are read from the first non-option argument command_string"; the one-letter
# options "may be combined" as getopt's, sh(1p) "-c Read commands from the command_string operand"; su(1) `-c,
# --command=COMMAND`, getopt: a value option last in a group takes the next word): `bash -ec 'aws ...'`, `sh -xc`,
# `su -lc`. The line was unread (its commands passed every door); a group where the letter is not last is left.
_FLAG_GROUP = re.compile(r"-[A-Za-z]{2,}")
_SHORT_OPTION = re.compile(r"-[A-Za-z]")


def _line_in_flag_group(arg: str, spec: ScriptCommand) -> bool:
    """(scripts63) Whether ``arg`` is a group of one-letter flags whose last is ``spec``'s short line option
    (``-ec`` of ``-c``)."""
    line = spec.line
    if line is None or _SHORT_OPTION.fullmatch(line) is None or _FLAG_GROUP.fullmatch(arg) is None:
        return False
    if arg.endswith(line[1]):
        return True
    # mutation64: a shell's `-c` is a flag (ScriptCommand.line_flag), anywhere in the group (`bash -ce`, `sh -cx`),
    # unless another letter of the group takes a value (`-co pipefail`: the next word is that option's)
    return (
        spec.line_flag
        and line[1] in arg[1:]
        and not any(f"-{letter}" in spec.value_options for letter in arg[1:] if letter != line[1])
    )


def is_line_option(arg: str, spec: ScriptCommand) -> bool:
    """(scripts63) Whether ``arg`` is ``spec``'s script-text option (``-c``), alone or last in a group of flags
    (``-ec``): the one test of the script reader and of a container's exec-form shell (``engine._judge_container``)."""
    return arg == spec.line or arg in spec.line_aliases or _line_in_flag_group(arg, spec)


def _line_alias(arg: str, spec: ScriptCommand) -> tuple[str | None, str | None] | None:
    """(scripts65) ``(line option, value written in the same word or None)`` where ``arg`` spells ``spec``'s line
    option otherwise (``ScriptCommand.line_aliases``: su's ``--command='...'``, ``--command '...'``, and getopt's value
    attached to a short line option that is no flag, ``-c'...'``); None for another word. su(1) and runuser(1) read
    their options with getopt_long (util-linux), which takes a long option's value after ``=`` or as the next word and
    a short option's value attached or as the next word."""
    if arg in spec.line_aliases:
        return spec.line, None
    option, eq, value = arg.partition("=")
    if eq and option in spec.line_aliases:
        return spec.line, value
    line = spec.line
    if line is not None and not spec.line_flag and _SHORT_OPTION.fullmatch(line) and arg[:2] == line and arg[2:]:
        return line, arg[2:]
    return None


_REPEAT_INDEX = re.compile(r"\.\d+$")
"""A repeated parameter's index (the aliyun CLI's ``--RegionIds.1 cn-beijing``: RepeatList items are numbered)."""


def _option_form(arg: str, spec: ScriptCommand) -> tuple[str | None, str | None, str | None]:
    """(option, value written in the same word or None, the form its value is read in): a listed option with its form,
    the script-text option (``line``) with none, an unlisted option named as a Region or zone input with its named form
    (``aliyun ... --TargetRegionId cn-hongkong``, ``--TargetRegionId=cn-hongkong``); (None, None, None) otherwise."""
    option, attached = _split_option(arg, spec)
    if option is not None:
        return option, attached, spec.options.get(option)
    repeated = _repeated_option(arg, spec)
    if repeated is not None:
        return repeated
    form = _named_form(arg, spec)
    if form is None:
        return None, None, None
    name, eq, value = arg.partition("=")
    return name, value if eq else None, form


def _repeated_option(arg: str, spec: ScriptCommand) -> tuple[str, str | None, str | None] | None:
    """A listed long option written as a RepeatList item (alired53b: ``aliyun ecs ModifyImageSharePermission
    --AddAccount.1 <uid>``, "AddAccount.N ... The value range of n is 1 to 10"): (the option as written, its value in
    the same word or None, the listed option's form); None otherwise. Only a word ending in a digit pays the lookup."""
    name, eq, value = arg.partition("=")
    if not name[-1:].isdigit() or not name.startswith("--"):
        return None
    listed = _REPEAT_INDEX.sub("", name)
    if listed == name or listed not in spec.options:
        return None
    return name, value if eq else None, spec.options[listed]


def _named_form(arg: str, spec: ScriptCommand) -> str | None:
    """The form of an unlisted long option named as a Region or zone input (``ScriptCommand.named_options``), by the
    same :func:`is_region_key` / :func:`is_zone_key` that classify a resource's inputs; None for any other option."""
    if not spec.named_options or not arg.startswith("--"):
        return None
    name = _REPEAT_INDEX.sub("", arg[2:].partition("=")[0])
    key = key_tokens(snake_key(name))
    if is_zone_key(key):
        return spec.named_options.get("zone")
    return spec.named_options.get("region") if is_region_key(key) else None


def _unprefixed(args: list[str], prefix: str | None) -> list[str]:
    """``args`` with options written with ``prefix`` as the options they are (curl's ``--expand-url``: ``--url``)."""
    if prefix is None:
        return args
    return [f"--{a[len(prefix) :]}" if a.startswith(prefix) else a for a in args]


def _destinations(spec: ScriptCommand, operands: list[str]) -> list[str]:
    """The operands that are destinations: all (scp, curl), the last (podman push's), else the first (mutation55: after
    ``skip_operands``, Sentinel MONITOR's master name); without those naming a local file or daemon (podman push ...
    dir:/tmp/x)."""
    operands = operands[spec.skip_operands :] if spec.skip_operands and not spec.wrapper else operands
    chosen = operands if spec.all_operands else operands[-1:] if spec.last_operand else operands[:1]
    if spec.local_prefixes:
        return [o for o in chosen if not any(o.startswith(p) for p in spec.local_prefixes)]
    return chosen


def _group_value(arg: str, value_options: frozenset[str]) -> str | None:
    """getopt's group of short flags ending with a value option: the value written in the same word (``-qO-``: "-"),
    "" when it is the next word (``-fsSLo FILE``), None when no letter of the group takes a value (or ``arg`` is a long
    option: PowerShell's ``-TraceRoute`` is not a group, its value options are listed whole)."""
    if arg[1:2] in ("-", ""):
        return None
    for k in range(1, len(arg)):
        if f"-{arg[k]}" in value_options:
            return arg[k + 1 :]
    return None


def _unicast(address: str) -> bool:
    """An address a connection can go to. hosts(5)'s own example and Debian's default file name multicast groups and
    prefixes (``ff02::1 ip6-allnodes``, ``ff00::0 ip6-mcastprefix``, ``fe00::0 ip6-localnet``): a multicast group
    or a reserved, unassigned block (IANA; Python's ``is_multicast`` / ``is_reserved``) is no host data is sent to."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return False
    return not (ip.is_multicast or ip.is_reserved)


def _listens(arg: str, listen: frozenset[str]) -> bool:
    """``arg`` is a listen option, alone or in a group of short flags (``nc -lk``, ``nc -lvp 8080``)."""
    if arg in listen:
        return True
    return arg[:1] == "-" and arg[1:2] not in ("-", "") and any(f"-{c}" in listen for c in arg[1:])


def _container_command(spec: ScriptCommand, options: list[str], skipped: list[str], words: list[str]) -> list[str]:
    """(scripts55) The command a container runs (``docker run``'s words after its image): ``--entrypoint``'s
    executable, or the image's catalogued entrypoint (``entrypoints``, the image named without registry ``docker.io/``,
    tag or digest), before ``words``; ``words`` alone for another image."""
    # scripts55b: the value after the option, "" at the end (zipped with the list shifted by one: the two lengths are
    # equal, also for no option at all, `docker run IMAGE COMMAND`, which raised ValueError before)
    following = [*options[1:], ""][: len(options)]
    entry = next((v for o, v in zip(options, following, strict=True) if o == "--entrypoint"), None)
    entry = next((o.partition("=")[2] for o in options if o.startswith("--entrypoint=")), entry)
    if entry is None and skipped:
        entry = image_entrypoint(spec.entrypoints, skipped[-1])
    return [entry, *words] if entry else words


def image_entrypoint(entrypoints: Mapping[str, str], image: str) -> str | None:
    """The catalogued entrypoint (``entrypoints``: ``amazon/aws-cli``: ``aws``) of ``image`` named without registry
    ``docker.io/``, tag or digest; mutation62 (stop 62): or of a copy of a listed image under another registry or
    prefix, its repository path ending with the listed one's (the listed registry host left out): an ECR pull-through
    cache keeps the upstream path under its prefix (Amazon ECR "Pulling an image with a pull through cache rule":
    ``aws_account_id.dkr.ecr.region.amazonaws.com/ecr-public/repository_name/image_name:tag``, ``.../docker-hub/...``),
    and so does a registry mirror (``mirror.gcr.io/amazon/aws-cli``, ``index.docker.io/amazon/aws-cli``), as config60
    reads the Datadog Agent's copies. ``<account>.dkr.ecr.<region>.amazonaws.com/ecr-public/aws-cli/aws-cli:2.17.0
    ec2 copy-snapshot ... --region <abroad>`` passed every door in EU (a task's exec-form command, ``docker run``)."""
    name = image.partition("@")[0]
    name = name.rsplit(":", 1)[0] if ":" in name.rsplit("/", 1)[-1] else name
    entry = entrypoints.get(name.removeprefix("docker.io/"))
    if entry is not None or "/" not in name:
        return entry
    for listed, listed_entry in entrypoints.items():
        first, _, rest = listed.partition("/")
        repository = rest if rest and ("." in first or ":" in first) else listed  # public.ecr.aws/: a registry host
        if name.endswith(f"/{repository}"):
            return listed_entry
    return None


_COMPOSE_COMMAND_KEYS = ("entrypoint", "command")  # the Compose Specification's service keys a container runs


def compose_commands(document: Mapping[Any, Any], key: str, spec: ScriptCommand) -> list[tuple[str, str]]:
    """(scripts56) The command each service of a Compose file runs, ``(service, line)``: its ``entrypoint`` then its
    ``command`` (the Compose Specification, "entrypoint declares the default entrypoint for the service container",
    "command overrides the default command declared by the container image"; each "can also be a list, in a manner
    similar to Dockerfile", a string is split into words as a shell would, without running one), the image's
    catalogued entrypoint (``spec``: docker run's ``entrypoints``, ``amazon/aws-cli``: ``aws``) before ``command`` where
    the service sets no ``entrypoint``. A service setting neither, or a word that is no scalar, gives nothing; ``key``
    is the catalogue's key of the services (``services``)."""
    services = document.get(key)
    if not isinstance(services, Mapping):
        return []
    found: list[tuple[str, str]] = []
    for name, service in services.items():
        if not isinstance(service, Mapping) or not any(k in service for k in _COMPOSE_COMMAND_KEYS):
            continue
        entry, command = (_compose_words(service.get(k)) for k in _COMPOSE_COMMAND_KEYS)
        if entry is None or command is None:
            continue  # a mapping or a nested list: no command Compose runs
        image = service.get("image")
        # (k8s63) "If the value is `null`, the default entrypoint from the image is used. If the value is `[]` (empty
        # list) or `''` (empty string), the default entrypoint declared by the image is ignored" (Compose file
        # reference, services, entrypoint): only an absent or null entrypoint keeps the image's
        if service.get("entrypoint") is None and isinstance(image, str):
            command = _container_command(spec, [], [image], command)
        words = [*entry, *command]
        if words:
            found.append((str(name), shlex.join(words)))
    return found


class ComposeRun(NamedTuple):
    """(k8s65) One ``docker compose`` / ``docker-compose`` command of a script: its line's offset, its ``-f`` /
    ``--file`` values in order, its ``--project-directory`` (None when not given), its ``--env-file`` values, and the
    names assigned before the command on its line (``NAME=value docker compose up``: that command's environment)."""

    offset: int
    files: list[str]
    project_directory: str | None
    env_files: list[str]
    assigned: frozenset[str]


_COMPOSE_OWN_OPTIONS = {"-f": "files", "--file": "files", "--env-file": "env", "--project-directory": "project"}
_COMPOSE_VALUE_OPTIONS = frozenset({"-p", "--project-name", "--profile", "--ansi", "--parallel", "--progress"})


def compose_runs(script: str) -> list[ComposeRun]:
    """(k8s65, stop 65) Each ``docker compose`` (``docker-compose``) command of ``script``, read by the one splitter
    (:func:`_simple_commands`; ``sudo`` and ``env`` before it, assignments before it kept as its own environment): its
    own options before the subcommand (Compose's ``-f``, ``--project-directory``, ``--env-file``, also ``--opt=VALUE``
    and ``-fFILE``; https://docs.docker.com/reference/cli/docker/compose/), which decide which ``.env`` file Compose
    reads ("the project directory": ``--project-directory``, else the first ``--file``'s directory, else the current
    one; ``--env-file`` in place of the default ``.env``). Gate: ``compose``."""
    if "compose" not in script:
        return []
    found: list[ComposeRun] = []
    for offset, line in _joined_lines(script):
        if "compose" not in line:
            continue
        for command in _simple_commands(_words(line)):
            words, assigned = list(command.words), set()
            while words and (words[0] in ("sudo", "env") or _ASSIGNMENT.match(words[0])):
                if _ASSIGNMENT.match(words[0]):
                    assigned.add(words[0].partition("=")[0])
                words = words[1:]
            if words[:1] and words[0].rpartition("/")[2] == "docker" and words[1:2] == ["compose"]:
                rest = words[2:]
            elif words[:1] and words[0].rpartition("/")[2] == "docker-compose":
                rest = words[1:]
            else:
                continue
            found.append(_compose_run(offset, rest, frozenset(assigned)))
    return found


def _compose_run(offset: int, words: list[str], assigned: frozenset[str]) -> ComposeRun:
    """(k8s65) :func:`compose_runs`' reading of Compose's own options (up to the subcommand)."""
    given: dict[str, list[str]] = {"files": [], "env": [], "project": []}
    k = 0
    while k < len(words) and words[k].startswith("-"):
        word = words[k]
        option, eq, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if not word.startswith("--") and len(word) > 2 and word[:2] == "-f":
            option, eq, value = "-f", "=", word[2:].removeprefix("=")
        taking = option in _COMPOSE_OWN_OPTIONS or option in _COMPOSE_VALUE_OPTIONS
        if not eq and taking:
            value = words[k + 1] if k + 1 < len(words) else ""
        k += 1 if eq or not taking else 2
        if option in _COMPOSE_OWN_OPTIONS and value:
            given[_COMPOSE_OWN_OPTIONS[option]].append(value)
    project = given["project"][-1] if given["project"] else None
    return ComposeRun(offset, given["files"], project, given["env"], assigned)


# config65b (stop 65): Fluent Bit's command line ("Configure Fluent Bit", "Command line interface",
# https://docs.fluentbit.io/manual/4.1/administration/configuring-fluent-bit: "-i, --input=INPUT set an input", "-F
# --filter=FILTER set a filter", "-o, --output=OUTPUT set an output", "-p, --prop="A=B" set plugin configuration
# property", "-m, --match=MATCH set plugin match, same as '-p match=abc'", "-t, --tag=TAG set plugin tag, same as '-p
# tag=abc'"): a property belongs to the plugin named last before it. Its other value options are skipped with their
# values (the same help text).
_FLUENT_BIT_PLUGINS = {
    "-i": "inputs",
    "--input": "inputs",
    "-F": "filters",
    "--filter": "filters",
    "-o": "outputs",
    "--output": "outputs",
}
_FLUENT_BIT_PROPS = {"-p": "", "--prop": "", "-m": "match", "--match": "match", "-t": "tag", "--tag": "tag"}
_FLUENT_BIT_VALUES = frozenset(
    {
        "-b",
        "--storage_path",
        "-c",
        "--config",
        "-f",
        "--flush",
        "-C",
        "--custom",
        "-R",
        "--parser",
        "-e",
        "--plugin",
        "-l",
        "--log_file",
        "-T",
        "--sp-task",
        "-w",
        "--workdir",
        "-P",
        "--port",
        "-s",
        "--coro_stack_size",
    }
)


def fluent_bit_lines(
    script: str, commands: Collection[str], images: Mapping[str, str] | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """(config65b, stop 65) Each ``fluent-bit`` (``td-agent-bit``) command of ``script`` that sets an output on its
    command line, read by the one splitter (:func:`_simple_commands`; ``sudo``, ``env``, ``nohup``, ``exec`` and
    assignments before it skipped) as the configuration its options make, in the shape :func:`fluent_bit_classic` gives
    a classic file (``{"pipeline": {"outputs": [{"name": "es", "cloud_id": ...}]}}``, keys lower-cased), so the
    engine judges it as that file's (its hosts by the key walk, each output's default by its catalogue entry). Before,
    ``fluent-bit -i cpu -o es -p cloud_id=<id>`` was not decoded and ``-o datadog`` with no ``Host`` not given the
    plugin's default: both passed every door. Gate: ``fluent-bit`` / ``td-agent-bit``.

    config66 (stop 66): ``commands``, Fluent Bit's commands (the engine's: the catalogue's ``log_router_options``
    that are Fluent Bit's, so no list of its own here), and ``images``, docker run's catalogued ``entrypoints``: a
    ``docker`` / ``podman`` ``run`` of an image whose entrypoint is one of them (fluent/fluent-bit
    ``dockerfiles/Dockerfile``: ``ENTRYPOINT [ "/fluent-bit/bin/fluent-bit" ]``) is read after the image (docker's
    own options stop there): ``docker run fluent/fluent-bit:3.1 -i cpu -o es -p cloud_id=<id>`` passed every door."""
    if "-bit" not in script:
        return []
    runs = {image for image, command in (images or {}).items() if command in commands}
    found: list[tuple[int, dict[str, Any]]] = []
    for offset, line in _joined_lines(script):
        if "-bit" not in line:
            continue
        for command in _simple_commands(_words(line)):
            words = list(command.words)
            while words and (words[0] in ("sudo", "env", "nohup", "exec") or _ASSIGNMENT.match(words[0])):
                words = words[1:]
            after = _fluent_bit_arguments(words, commands, runs)
            document = _fluent_bit_line_config(after) if after is not None else None
            if document is not None:
                found.append((offset, document))
    return found


def _fluent_bit_arguments(words: list[str], commands: Collection[str], runs: Collection[str]) -> list[str] | None:
    """(config66) The words Fluent Bit reads of a command: those after its name (by name or path), or after the image
    of a ``docker`` / ``podman`` ``run`` whose catalogued entrypoint it is (``runs``); None for another command."""
    if not words:
        return None
    if words[0].rpartition("/")[2] in commands:
        return words[1:]
    if not runs or words[0].rpartition("/")[2] not in ("docker", "podman") or "run" not in words[1:3]:
        return None
    listed = {image: "fluent-bit" for image in runs}
    at = next((k for k, w in enumerate(words) if not w.startswith("-") and image_entrypoint(listed, w)), None)
    return words[at + 1 :] if at is not None else None


def _fluent_bit_option(word: str) -> tuple[str, str | None]:
    """(config65b) A Fluent Bit option word as (option, value written in the word or None), getopt_long's spellings:
    ``--output=es``, ``-oes``, ``-o``; (word, None) for any other word."""
    if word.startswith("--"):
        option, eq, value = word.partition("=")
        return (option, value) if eq else (word, None)
    if len(word) > 2 and word[0] == "-" and word[:2] in {**_FLUENT_BIT_PLUGINS, **_FLUENT_BIT_PROPS}:
        return word[:2], word[2:]
    return word, None


def _fluent_bit_line_config(words: list[str]) -> dict[str, Any] | None:
    """(config65b) The configuration a Fluent Bit command line's options make (:func:`fluent_bit_lines`); None when it
    sets no output."""
    pipeline: dict[str, list[dict[str, str]]] = {}
    current: dict[str, str] | None = None
    k = 0
    while k < len(words):
        option, value = _fluent_bit_option(words[k])
        taking = option in _FLUENT_BIT_PLUGINS or option in _FLUENT_BIT_PROPS or option in _FLUENT_BIT_VALUES
        if value is None and taking:
            value = words[k + 1] if k + 1 < len(words) else ""
            k += 1
        k += 1
        if option in _FLUENT_BIT_PLUGINS and value:
            current = {"name": value}
            pipeline.setdefault(_FLUENT_BIT_PLUGINS[option], []).append(current)
        elif option in _FLUENT_BIT_PROPS and current is not None and value:
            key, eq, prop = (
                value.partition("=") if not _FLUENT_BIT_PROPS[option] else (_FLUENT_BIT_PROPS[option], "=", value)
            )
            if eq and key.strip():
                current[key.strip().lower()] = prop
    return {"pipeline": pipeline} if pipeline.get("outputs") else None


class HelmRelease(NamedTuple):
    """(k8s63) One ``helm install`` / ``upgrade`` / ``template`` of a script: the line's offset, the chart operand,
    the ``--set`` pairs and the values files in the order given, and the options giving values no script shows."""

    offset: int
    chart: str
    sets: list[tuple[str, str]]
    files: list[str]
    unknown: list[tuple[str, str]]
    """(option, its value): ``--set-json datadog={...}``, ``--reuse-values`` (value "")."""


def helm_releases(script: str, helm: Helm) -> list[HelmRelease]:
    """(k8s63) Each ``helm`` command of ``script`` installing a chart (``helm.commands``), its words read by the one
    splitter (:func:`_simple_commands`): the chart is the last operand ("helm install [NAME] [CHART] [flags]"), each
    option of ``helm.value_options`` and the value options below skipping its value; ``--set a=b,c=d`` gives its
    pairs (a comma escaped with a backslash stays in the value, Helm's strvals parser). Gate: ``helm``."""
    if "helm" not in script:
        return []
    found: list[HelmRelease] = []
    for offset, line in _joined_lines(script):
        if "helm" not in line:
            continue
        for command in _simple_commands(_words(line)):
            words = command.words[1:] if command.words[:1] == ["sudo"] else command.words
            if not words or words[0].rpartition("/")[2] != "helm":
                continue
            release = _helm_release(offset, words[1:], helm)
            if release is not None:
                found.append(release)
    return found


def _helm_release(offset: int, words: list[str], helm: Helm) -> HelmRelease | None:
    """(k8s63) :func:`helm_releases`' reading of one command's words after ``helm``."""
    taking = {*helm.value_options, *helm.set_options, *helm.values_options, *helm.unknown_options}
    operands: list[str] = []
    sets: list[tuple[str, str]] = []
    files: list[str] = []
    unknown: list[tuple[str, str]] = []
    k = 0
    while k < len(words):
        word = words[k]
        option, eq, attached = word.partition("=") if word.startswith("--") else (word, "", "")
        if not word.startswith("--") and len(word) > 2 and word[:2] in taking:
            # k8s64: a short option's value attached (`-f/tmp/values.yaml`, `-f=FILE`: pflag's shorthand forms, which
            # helm's flags are); the value was read as none, the file left unread
            option, eq, attached = word[:2], "=", word[2:].removeprefix("=")
        value = attached if eq else (words[k + 1] if option in taking and k + 1 < len(words) else "")
        k += 1 if eq or option not in taking else 2
        if option in helm.set_options:
            sets += [(p.partition("=")[0], p.partition("=")[2]) for p in re.split(r"(?<!\\),", value) if "=" in p]
        elif option in helm.values_options:
            files += [f for f in value.split(",") if f]
        elif option in helm.unknown_options or option == "--reuse-values":
            unknown.append((option, value))
        elif not word.startswith("-"):
            operands.append(word)
    if len(operands) < 2 or operands[0] not in helm.commands:  # a subcommand and a chart
        return None
    return HelmRelease(offset, operands[-1], [(k, v.replace("\\,", ",")) for k, v in sets], files, unknown)


# (k8s64, stop 64) kubectl's subcommands reading objects from a file, and the file option whose value `-` is standard
# input ("-f, --filename=[]: The files that contain the configurations to apply", kubectl apply: "cat pod.json |
# kubectl apply -f -", https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/; create and replace alike).
_STDIN_MANIFEST_COMMANDS = frozenset({"apply", "create", "replace"})
_STDIN_FILE_WORDS = frozenset({"-f-", "--filename=-", "-f=-"})


def piped_manifests(script: str) -> list[tuple[int, str]]:
    """(k8s64, stop 64) The text a script gives ``kubectl apply`` / ``create`` / ``replace -f -`` on its standard input
    from an ``echo`` / ``printf`` piped into it (through text filters: :func:`_piped_items`, the one reader of a pipe's
    printed line) or a here-string (bash(1) "Here Strings": "The word undergoes ... expansion ... The result is supplied
    as a single string ... to the command on its standard input"), each ``(the line's offset, text)``: the manifest
    ``echo '{...}' | kubectl apply -f -`` applies (its containers passed every door: the line is no YAML line). A
    here-document or a file the script writes is not here (their lines are the script's YAML runs already). Gate:
    ``kubectl``. (k8s66, stop 66) Read by :func:`standard_inputs`, the one reader of a command's standard input, which
    Helm's values file ``-`` is read by too."""
    if "kubectl" not in script:
        return []
    return [
        (given.offset, given.text)
        for given in standard_inputs(script, _reads_manifest_stdin, {})
        if given.source in ("printed", "here-string") and given.text
    ]


class StandardInput(NamedTuple):
    """(k8s66, stop 66) What one command of a script gets on its standard input (:func:`standard_inputs`)."""

    offset: int
    """The offset of the command's line (a joined line's last physical line's, as :func:`_joined_lines` gives)."""
    words: list[str]
    """The command's words as written on its line (its redirections among them)."""
    text: str | None
    """The text it reads, as written (an expanded here-document's ``$NAME`` stays); None where no input shows it."""
    source: str
    """``heredoc``, ``file`` (a file the script writes, by ``< FILE`` or ``cat FILE |``), ``printed`` (an ``echo`` /
    ``printf`` piped into it), ``here-string``, or ``""`` (a pipe from another command: unknown)."""
    variable: str | None
    """A variable given whole and double-quoted (``<<< "$V"``, ``echo "$V" |``, ``printf '%s\\n' "$V" |``: its value
    is the text, lines and all), else None."""


# falsealarm65 (stop 65): a variable given whole on a command's standard input, by a here-string (`CMD <<< "$V"`,
# bash(1) "Here Strings": "The word undergoes ... parameter and variable expansion ... The result is supplied as a
# single string, with a newline appended, to the command on its standard input") or by `echo "$V" |` / `printf '%s\n'
# "$V" |` before it on its line; double-quoted (unquoted, the value would be split and joined by blanks: not the
# document). k8s66 (stop 66): moved from engine.py into the one reader of a command's standard input.
_STDIN_VARIABLE = re.compile(
    r"""<<<\s*"\$\{?(?P<here>[A-Za-z_][A-Za-z0-9_]*)\}?"|(?:^|[;&|(]\s*)(?:echo|printf\s+'%s\\n')\s+"""
    r""""\$\{?(?P<piped>[A-Za-z_][A-Za-z0-9_]*)\}?"\s*\|"""
)


def standard_inputs(script: str, reads: Callable[[list[str]], bool], files: Mapping[str, str]) -> list[StandardInput]:
    """(k8s66, stop 66) The one reader of "the text a command gets on its standard input", for each simple command of
    ``script`` that ``reads`` accepts (its words, to the next separator): a here-string's word (bash(1) "Here
    Strings"), a file the script writes given by ``< FILE`` (bash(1) "Redirecting Input") or by ``cat FILE |``
    (``files``: path -> text), a here-document given on its line to no file (:func:`stdin_heredoc`, through the
    pipe's stages as falsealarm64 read it), or what an ``echo`` / ``printf`` piped into it prints
    (:func:`_piped_items`); another pipe's output is unknown (``source`` ``""``, no text). kubectl's ``-f -``
    (:func:`piped_manifests`, k8s64) and Helm's values file ``-`` (the engine's ``_helm_stdin``, falsealarm64 /
    falsealarm65) each read it; each had its own reading, and Helm's read neither ``cat FILE |`` nor ``< FILE`` nor
    a printed document (RES-015 by ``-``: a false alarm, or the wrong rule where the document named a Region
    abroad)."""
    found: list[StandardInput] = []
    for offset, line in _joined_lines(script):
        if "|" not in line and "<" not in line:
            continue
        words = _words(line)
        start = 0
        for end in [*(k for k, w in enumerate(words) if w in _SEPARATORS), len(words)]:
            stage, first = words[start:end], start
            start = end + 1
            if not stage or not reads(stage):
                continue
            found.append(_standard_input(script, (offset, line), words, (first, stage), files))
    return found


def _standard_input(
    script: str, at: tuple[int, str], words: list[str], stage_at: tuple[int, list[str]], files: Mapping[str, str]
) -> StandardInput:
    """(k8s66) :func:`standard_inputs`' reading of one command (``stage`` starting at ``words[first]``)."""
    (offset, line), (first, stage) = at, stage_at
    quoted = _STDIN_VARIABLE.search(line) if "$" in line else None
    variable = (quoted.group("here") or quoted.group("piped")) if quoted is not None else None
    for j, word in enumerate(stage[:-1]):
        if word == "<<<":
            return StandardInput(offset, stage, stage[j + 1], "here-string", variable)
        if word == "<":
            return StandardInput(offset, stage, files.get(stage[j + 1]), "file", None)
    if "<<" in stage or "<<-" in stage:
        return StandardInput(offset, stage, stdin_heredoc(script, offset), "heredoc", None)
    if first == 0 or words[first - 1] != "|":
        return StandardInput(offset, stage, None, "", None)
    before = _stage_before(words, first - 1)
    before = before[1:] if before[:1] == ["sudo"] else before
    if len(before) == 2 and before[0] == "cat" and not before[1].startswith("-"):
        return StandardInput(offset, stage, files.get(before[1]), "file", None)
    heredoc = stdin_heredoc(script, offset) if "<<" in line else None
    if heredoc is not None:  # falsealarm64: `cat <<'EOF' | helm ... --values -` (the body, through the pipe)
        return StandardInput(offset, stage, heredoc, "heredoc", None)
    printed = _piped_items(words, first - 1)
    return StandardInput(offset, stage, printed, "printed" if printed is not None else "", variable)


# (k8s64) kubectl's options naming the objects' files or kustomization directory ("-f, --filename=[]: The files that
# contain the configurations to apply", "-k, --kustomize='': Process a kustomization directory", kubectl apply), which
# may be URLs ("kubectl apply -f https://k8s.io/examples/application/nginx/nginx-deployment.yaml").
_MANIFEST_FILE_OPTIONS = ("-f", "--filename", "-k", "--kustomize")


def fetched_manifests(script: str, value_options: Mapping[str, Collection[str]]) -> list[tuple[int, str]]:
    """(k8s64, stop 64) Each URL a script's ``kubectl apply`` / ``create`` / ``replace`` reads its objects from
    (:data:`_MANIFEST_FILE_OPTIONS`, given ``-f URL``, ``--filename=URL``, ``-fURL``), ``(the line's offset, URL)``,
    the words read by the one splitter (:func:`_simple_commands`). Gate: ``kubectl`` and ``://`` on the line.
    (k8s65, stop 65) Also each value holding an expansion (``-f "$URL"``, ``-f "$(...)"``: the caller fills it with
    the values reaching the line) and a kustomization's remote target without a scheme at ``-k`` / ``--kustomize``
    (:data:`_KUSTOMIZE_REMOTE`: ``github.com/org/repo/path?ref=v1``, ``git@host:org/repo``). ``value_options``: the
    options of curl / wget taking a value (the catalogue's), for a manifest fetched on a pipe
    (:func:`_piped_fetches`)."""
    fetching = "curl" in script or "wget" in script or "s3" in script  # k8s66: a file fetched before
    if "kubectl" not in script or (
        "://" not in script and "$" not in script and "-k" not in script and "|" not in script and not fetching
    ):
        return []
    found: list[tuple[int, str]] = []
    written: dict[str, str] | None = None
    for offset, line in _joined_lines(script):
        if "kubectl" not in line or (
            "://" not in line and "$" not in line and "-k" not in line and "|" not in line and not fetching
        ):
            continue
        words = _words(line)
        for command in _simple_commands(words):
            kubectl = _kubectl_object_command(command.words)
            if kubectl is None:
                continue
            for k in range(len(kubectl)):
                value = _manifest_file_value(kubectl, k)
                if value is None:
                    continue
                kustomize = kubectl[k].startswith(("-k", "--kustomize"))
                local = _KUSTOMIZE_REMOTE.match(value) is None and not re.match(r"https?://", value)
                if kustomize and local and "$" not in value:
                    written = written_files(script) if written is None else written  # k8s65b: its remote bases
                    found += [(offset, base) for base in _kustomization_remote_bases(value, written)]
                elif kustomize or re.match(r"https?://", value) or "$" in value or "`" in value:
                    found.append((offset, value))
                elif value != "-":  # k8s66: a file an earlier line fetched (`curl -o FILE URL`)
                    found += [(offset, source) for source in _fetched_into(script, value, offset, value_options)]
        if "|" in words:  # k8s65b: a manifest fetched on a pipe into `kubectl apply -f -`
            written = written_files(script) if written is None else written
            found += [(offset, source) for source in _piped_fetches(words, written, value_options)]
    return found


def _piped_fetches(
    words: list[str], written: Mapping[str, str], value_options: Mapping[str, Collection[str]]
) -> list[str]:
    """(k8s65b, stop 65) What each stage piped into ``kubectl apply -f -`` fetches (:func:`_fetching_stage`), and the
    remote kustomization ``kustomize build TARGET`` / ``kubectl kustomize TARGET`` builds (a remote target, a URL, a
    value holding an expansion, or a written kustomization's remote bases). ``curl URL | kubectl apply -f -`` was
    judged by the URL's host only (k8s64 decided RES-015 by the URL for ``-f URL``), and ``kustomize build
    github.com/...`` not at all."""
    found: list[str] = []
    for k, word in enumerate(words):
        if word != "|" or not _reads_manifest_stdin(words[k + 1 :]):
            continue
        stage = _stage_before(words, k)
        stage = stage[1:] if stage[:1] == ["sudo"] else stage
        sources = _fetching_stage(stage, value_options)
        if sources or (stage[:2] != ["kustomize", "build"] and stage[:2] != ["kubectl", "kustomize"]):
            found += sources
            continue
        # `kustomize build DIR` / `kubectl kustomize DIR` (the current directory when none is given)
        target = next((w for w in stage[2:] if not w.startswith("-")), ".")
        if _KUSTOMIZE_REMOTE.match(target) is not None or re.match(r"https?://", target) or "$" in target:
            found.append(target)
        else:
            found += _kustomization_remote_bases(target, written)
    return found


def _fetched_into(script: str, path: str, before: int, value_options: Mapping[str, Collection[str]]) -> list[str]:
    """(k8s66, stop 66) The sources the last line before ``before`` that fetches into the file ``path`` reads: a
    ``curl -o FILE URL`` / ``wget -O FILE URL`` (:func:`_download`, the one reader of a download's file; its URL
    operands by :func:`_fetching_stage`) or ``aws s3 cp s3://... FILE`` (AWS CLI s3 cp: "Copies a local file or S3
    object to another location locally or in S3"). ``curl -fsSLo m.yaml URL`` then ``kubectl apply -f m.yaml`` was
    judged by the URL's host only (the stack's own bucket passed), where ``-f URL`` and ``curl URL | kubectl apply -f
    -`` are RES-015 by the URL until declared (k8s64 / k8s65b): the file holds what the URL gives. A file no line
    fetches (baked into the image) is none."""
    if "curl" not in script and "wget" not in script and "s3" not in script:
        return []
    sources: list[str] = []
    for offset, line in _joined_lines(script):
        if offset >= before:
            break
        command, file = _download(line)
        if file == path:
            sources = _fetching_stage(_words(command), value_options)
            continue
        if "s3" not in line or "cp" not in line:
            continue
        for simple in _simple_commands(_words(line)):
            words = simple.words[1:] if simple.words[:1] == ["sudo"] else simple.words
            operands = [w for w in words[3:] if not w.startswith("-")] if words[:3] == ["aws", "s3", "cp"] else []
            if len(operands) >= 2 and operands[1] == path and operands[0].startswith("s3://"):
                sources = [operands[0]]
    return sources


# (k8s65b, stop 65) The commands whose standard output is a fetched document: curl(1) ("curl [options / URLs]": the URL
# operands), wget(1) with `-O -` / `-qO-` (the URL operands), the AWS CLI's `aws s3 cp SOURCE -` ("the - argument ...
# stream to standard output": the s3:// source); the options of curl / wget taking a value (their value is no URL) are
# the catalogue's (`script_commands`, the engine's `_fetch_value_options`).


def _fetching_stage(stage: list[str], value_options: Mapping[str, Collection[str]]) -> list[str]:
    """(k8s65b) The sources a pipe's stage fetches its output from: a ``curl`` / ``wget`` URL operand (a scheme, or
    a whole expansion the caller fills), ``aws s3 cp s3://... -``'s source; else none."""
    name = stage[0].rpartition("/")[2] if stage else ""
    if name in ("curl", "wget"):
        sources: list[str] = []
        for k, word in enumerate(stage[1:], 1):
            after_value_option = stage[k - 1] in value_options.get(name, ())
            if re.match(r"(?:https?|ftps?)://", word) or (
                not after_value_option and not word.startswith("-") and ("$" in word or "`" in word)
            ):
                sources.append(word)
        return sources
    if stage[:3] == ["aws", "s3", "cp"]:
        operands = [w for w in stage[3:] if not w.startswith("-") or w == "-"]
        if len(operands) >= 2 and operands[1] == "-" and operands[0].startswith("s3://"):
            return [operands[0]]
    return []


# (k8s65b) kustomize's lists naming other kustomizations or files ("resources ... Each entry in this list must be a
# path to a file, or a path (or URL) referring to another kustomization directory"; `bases` deprecated, `components`),
# https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/resource/; the file's names kustomize looks for.
_KUSTOMIZATION_LISTS = re.compile(r"^(?:resources|bases|components)[ \t]*:[ \t]*(?:\[(?P<flow>[^\]]*)\])?[ \t]*$")
_KUSTOMIZATION_FILES = ("kustomization.yaml", "kustomization.yml", "Kustomization")


def _kustomization_remote_bases(directory: str, written: Mapping[str, str]) -> list[str]:
    """(k8s65b) The remote targets (:data:`_KUSTOMIZE_REMOTE`, or a URL) the kustomization the script writes in
    ``directory`` lists under ``resources`` / ``bases`` / ``components`` (a block or flow list of its top level)."""
    text = next((written[f] for n in _KUSTOMIZATION_FILES if (f := f"{directory.rstrip('/')}/{n}") in written), None)
    if text is None:
        return []
    items: list[str] = []
    listing = False
    for line in text.splitlines():
        opened = _KUSTOMIZATION_LISTS.match(line)
        if opened is not None:
            listing = opened.group("flow") is None
            items += [i.strip().strip("'\"") for i in (opened.group("flow") or "").split(",") if i.strip()]
        elif listing and (item := re.match(r"^\s*-\s+(\S+)", line)):
            items.append(item.group(1).strip("'\""))
        elif line[:1] not in ("", " ", "\t", "#", "-"):
            listing = False
    return [i for i in items if _KUSTOMIZE_REMOTE.match(i) is not None or re.match(r"https?://", i)]


# k8s65 (stop 65): a kustomization's remote target (kustomize "remote targets", examples/remoteBuild.md:
# `github.com/kubernetes-sigs/kustomize/examples/multibases?ref=v1.0.6`, `git@github.com:owner/repo`, `ssh://`,
# `git::https://...`): a first path segment naming a host (a dot in it, then `/` or `:`), or a git transport. A local
# directory (`overlays/prod`, `./k`, `/opt/k`) is none. mutation66: a host written with its root's trailing dot
# (`collector.example.com./org/repo`, the same host: RFC 1034 3.1, an absolute name) is one too (it was read as a local
# directory and passed every door where the same host without the dot is RES-015).
_KUSTOMIZE_REMOTE = re.compile(r"(?:git@|ssh://|git::|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\.?(?::\d+)?/)")


def _manifest_file_value(words: list[str], k: int) -> str | None:
    """(k8s64) The value ``words[k]`` gives one of :data:`_MANIFEST_FILE_OPTIONS` (``-f URL``, ``-fURL``, ``-f=URL``,
    ``--filename=URL``, ``--filename URL``), or None."""
    word = words[k]
    if word in _MANIFEST_FILE_OPTIONS:
        return words[k + 1] if k + 1 < len(words) else None
    for option in _MANIFEST_FILE_OPTIONS:
        rest = word[len(option) :] if word.startswith(option) else ""
        if option.startswith("--") and rest.startswith("="):
            return rest[1:]
        if not option.startswith("--") and rest and not rest.startswith("-"):
            return rest.removeprefix("=")
    return None


def _kubectl_object_command(words: list[str]) -> list[str] | None:
    """(k8s64) ``words`` (one simple command; ``sudo`` before it dropped) when they run ``kubectl`` with one of
    :data:`_STDIN_MANIFEST_COMMANDS` (the one test :func:`fetched_manifests` and :func:`_reads_manifest_stdin` share),
    else None."""
    stage = words[1:] if words[:1] == ["sudo"] else words
    if not stage or stage[0].rpartition("/")[2] != "kubectl" or not _STDIN_MANIFEST_COMMANDS & set(stage):
        return None
    return stage


def _stage_before(words: list[str], at: int) -> list[str]:
    """The words of the simple command ending before ``words[at]`` (back to a separator)."""
    start = at
    while start > 0 and words[start - 1] not in _SEPARATORS:
        start -= 1
    return words[start:at]


def _reads_manifest_stdin(words: list[str]) -> bool:
    """(k8s64) Whether the simple command starting ``words`` (to a separator; ``sudo`` before it) is ``kubectl``
    with one of :data:`_STDIN_MANIFEST_COMMANDS` and its file option given ``-``."""
    end = next((k for k, w in enumerate(words) if w in _SEPARATORS), len(words))
    stage = _kubectl_object_command(words[:end])
    if stage is None:
        return False
    return any(
        w in _STDIN_FILE_WORDS or (w in ("-f", "--filename") and stage[k + 1 : k + 2] == ["-"])
        for k, w in enumerate(stage)
    )


def stdin_heredoc(script: str, offset: int) -> str | None:
    """(falsealarm64, stop 64) The body of the here-document given on the line at ``offset`` of ``script`` to no file
    (bash(1) "Here Documents": the lines up to the delimiter are the command's standard input; ``cat <<EOF | CMD``
    passes them on): what a command there reads as its standard input, ``helm install ... -f -`` (helm/helm PR 2809,
    "Support reading the values file from STDIN": a values file named ``-`` is read from standard input; issue 7002:
    ``cat <<EOF | helm upgrade --install ... --values -``). Its body is as written (an unquoted delimiter's ``$NAME``
    stays, filled where it is read). None when the line has none."""
    if "<<" not in script:
        return None
    index = script.count("\n", 0, offset)
    return next((b for first, _, file, b in _heredocs(script.split("\n")) if first == index and file is None), None)


def _compose_words(value: Any) -> list[str] | None:
    """(scripts56) A Compose ``entrypoint`` / ``command`` as words: a list's scalars, a string split as a shell splits
    it (a string shlex cannot split, an unclosed quote, is split at blanks); [] for none; None for another value."""
    if value is None:
        return []
    if isinstance(value, str):
        try:
            return shlex.split(value)
        except ValueError:
            return value.split()
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return [str(v) for v in value]
    return None


def _option_value(words: list[str], option: str | None) -> str | None:
    """(scripts55b) The value ``option`` is given in ``words`` (``--image=IMAGE`` or ``--image IMAGE``), the last one
    given; None when it is not given (or ``option`` is None)."""
    value = None
    for k, word in enumerate(words):
        if option is not None and word == option and k + 1 < len(words):
            value = words[k + 1]
        elif option is not None and word.startswith(f"{option}="):
            value = word.partition("=")[2]
    return value


def _shell_reads_text(option: str, spec: ScriptCommand) -> bool:
    """(agents62) Whether a shell's ``option`` makes it read commands from its line option's value or its standard
    input (``-c``, ``-s``, alone or in a group of flags: ``-ec``), not from a file its first operand names."""
    if option == spec.line:
        return True
    return option[:1] == "-" and option[1:2] != "-" and any(flag in option[1:] for flag in "cs")


def _wrapper_line_given(args: list[str], spec: ScriptCommand) -> bool:
    """(mutation65, stop 65) Whether a wrapper's ``args`` (the words after its name) give it its script-text option
    (``line``) among its own options and skipped operands, where it runs that text instead of a command (flock(1):
    "flock [options] file|directory -c command", the option before or after the lock file): then the wrapper's own
    arguments are read (its ``line`` a shell line). A ``-c`` of the command it runs (``flock /x psql -c 'select 1'``)
    is that command's."""
    if spec.line is None:
        return False
    end = _after_options(args, 0, spec) + spec.skip_operands + 1
    return any(is_line_option(w, spec) for w in args[:end])


def _wrapper_destinations(name: str, spec: ScriptCommand, options: list[str]) -> Iterator[ScriptHost]:
    """(scripts65) The hosts a wrapper's own destination options name (``ScriptCommand.options`` of a wrapper:
    systemd-run(1)'s ``-H, --host=`` "Execute the operation remotely. Specify a hostname, or a username and hostname
    separated by "@", to connect to"), given as the next word or after ``=``; its command is read after them."""
    j = 0
    while j < len(options):
        option, attached = _split_option(options[j], spec)
        j += 1
        form = spec.options.get(option) if option is not None else None
        if form is None:
            continue
        value = attached if attached is not None else (options[j] if j < len(options) else "")
        j += attached is None
        yield from _read(name, form, value)


def _wraps_by_option(args: list[str], spec: ScriptCommand) -> bool:
    """(scripts65) Whether one of ``spec``'s ``wrapper_options`` is given among its options in ``args`` (runuser's
    ``-u USER``, ``--user=USER``, or ``-u`` last in a group of flags): the command after the options then runs."""
    if not spec.wrapper_options:
        return False
    return any(
        arg.partition("=")[0] in spec.wrapper_options or _group_value(arg, spec.wrapper_options) is not None
        for arg in args[: _after_options(args, 0, spec)]
        if arg[:1] == "-"
    )


def _after_options(words: list[str], i: int, spec: ScriptCommand) -> int:
    """The index of the first word after a wrapper's options (``sudo -u postgres``, ``env -i``)."""
    while i < len(words) and words[i].startswith("-") and len(words[i]) > 1:
        if words[i] == "--":
            return i + 1
        # scripts55: docker run --dns; mutation64: a group of flags ending with a value option (`sudo -iu ec2-user`,
        # getopt's: "-iu" takes the next word) skips its value too (the user was read as the command)
        taking = words[i] in spec.value_options or words[i] in spec.options
        i += 2 if taking or _group_value(words[i], spec.value_options) == "" else 1
    return i


# A here-document (bash(1) "Here Documents": `[n]<<[-]word`, the lines up to one holding only the delimiter are the
# command's input; `<<-` strips leading tabs; a quoted word leaves the body unexpanded) given to a command that writes
# it into a file: `cat > FILE <<EOF`, `cat <<'EOF' > FILE`, `cat >> FILE <<-EOF`, `tee [-a] FILE <<EOF` (with sudo or
# not). The delimiter is read with its quotes removed; the file is the word after `>` / `>>` (cat) or tee's first
# operand.
_HEREDOC = re.compile(r"<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_.-]*)\2")
_HEREDOC_CAT = re.compile(r"(?:^|[\s;&|(])cat\b[^<>]*(?:<<[^>]*)?>>?[ \t]*(['\"]?)([^\s'\";&|<>]+)\1")
_HEREDOC_TEE = re.compile(r"(?:^|[\s;&|(])tee(?:[ \t]+-[A-Za-z-]+)*[ \t]+(['\"]?)([^\s'\";&|<>-][^\s'\";&|<>]*)\1")
# logplugins44: `install [-D] [-m MODE] [-o OWNER] [-g GROUP] /dev/stdin FILE <<EOF` (coreutils install(1): "copy
# files ... SOURCE to DEST"; /dev/stdin is the here-document) writes the body to FILE with its mode set in one step.
_HEREDOC_INSTALL = re.compile(r"(?:^|[\s;&|(])install\b[^<>\n]*?[ \t]/dev/stdin[ \t]+(['\"]?)([^\s'\";&|<>]+)\1")


def heredoc_files(script: str) -> list[tuple[str, str]]:
    """Each here-document ``script`` writes into a file, as ``(file, body)``: the body is the file's content (what a
    shell expands in an unquoted one, ``${VAR}``, stays written as is). A here-document fed to another command
    (``psql <<SQL``), or whose delimiter line never comes, is left out."""
    return [(file, body) for _, _, file, body in _heredocs(script.splitlines()) if file is not None]


_QUOTED_HEREDOC = re.compile(r"<<-?[ \t]*['\"]")
# scripts64 (stop 64): the one reader of the names a script exports (bash(1) "Bourne Shell Builtins", `export [-fn]
# [-p] [name[=value]] ...`: every name of the list; "Bash Builtins", `declare -x` / `typeset -x`, the flag in a group
# as `-rx`; "The Set Builtin", `set -a` / `set -o allexport`: every variable), folding scripts63's engine-side pattern
# (every name of the list, before a run line) and jq's (the first name only).
_EXPORT_LIST = re.compile(
    r"(?:^|[;&|({]|\b(?:then|do|else)\b)[ \t]*(?:export|(?:declare|typeset)[ \t]+-[A-Za-z]*x[A-Za-z]*)"
    r"(?P<words>(?:[ \t]+[^\s;&|)}]+)*)",
    re.M,
)
_EXPORT_QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")
_EXPORT_NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:=|$)")
_ALL_EXPORTED = re.compile(r"(?<![^\s;&|(])set[ \t]+(?:-[A-Za-z]*a[A-Za-z]*\b|-o[ \t]+allexport\b)")


def exported_names(script: str) -> frozenset[str] | None:
    """(scripts64) The variables ``script`` exports to the commands it runs: each name of every ``export`` /
    ``declare -x`` / ``typeset -x`` list (``export A B=x``: A and B; a quoted value's words are no names, an option
    word none); None where ``set -a`` / ``set -o allexport`` exports every variable."""
    if _ALL_EXPORTED.search(script):
        return None
    names: set[str] = set()
    for m in _EXPORT_LIST.finditer(script) if "x" in script else ():
        words = _EXPORT_QUOTED.sub("''", m.group("words")).split()
        # config66 (stop 66): the builtin's options come before its first name ("export [-fn] [-p] [name[=value]
        # ...]", bash(1)); a word of a value after it (`export CID="$(curl -sf URL)"`, the list cut at its `)`) is no
        # option: `-sf` was read as `-f`, the name not exported, and a quoted here-document's `${CID}` passed
        options = list(itertools.takewhile(lambda w: w[:1] == "-", words))
        if any("f" in w for w in options):
            continue  # `export -f NAME` exports a function
        if any("n" in w for w in options):
            # scripts65: `export -n NAME` "the export property is removed from each name" (bash(1) "Bourne Shell
            # Builtins"): an earlier export of the name no longer reaches the commands after it (a later one does)
            names.difference_update(n.group(1) for w in words if (n := _EXPORT_NAME.match(w)) is not None)
            continue
        for word in words:
            name = _EXPORT_NAME.match(word)
            if name is not None and not word.startswith("-"):
                names.add(name.group(1))
    return frozenset(names)


# k8s65 (stop 65): a container's variable given to `-e` with its value attached (`-eDD_SITE=us5.datadoghq.com`):
# docker's flags are pflag's, whose shorthand takes its value attached as well as apart ("-e, --env: Set environment
# variables", docker container run; podman-run(1) and nerdctl take the same), on a line running or creating a container.
_ATTACHED_ENV = re.compile(r"""(?<=\s)-e(?=["']?[A-Za-z_][A-Za-z0-9_]*=)""")
_CONTAINER_RUN = re.compile(r"\b(?:docker|podman|nerdctl)\b.*?\b(?:run|create|exec)\b", re.S)


# (k8s66, stop 66) kubectl set env: "ENV-: To remove a variable, append a dash" and "KEY_1=VAL_1 ... KEY_N=VAL_N:
# Update environment variables" (also given as `-e, --env=[]`), https://kubernetes.io/docs/reference/kubectl/generated/
# kubectl_set/kubectl_set_env/: `kubectl set env deployment/registry STORAGE_DIR-`.
_ENV_REMOVED = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:-|=)")


def kubectl_env_unset(script: str) -> list[tuple[int, str]]:
    """(k8s66, stop 66) Each variable a ``kubectl set env`` of ``script`` removes (``NAME-``) or sets empty
    (``NAME=``, ``--env=NAME=``, ``-e NAME=``), ``(the line's offset, NAME)``: the workload's process then reads no
    value of it (an empty value is unset to the Datadog Agent, as the engine's scripts63 reading of ``-e DD_SITE``
    has it) and uses its own default. ``kubectl set env daemonset/datadog-agent DD_SITE-`` passed every door (the
    Agent back on US1). Gate: ``kubectl`` and ``env`` on the line."""
    if "kubectl" not in script or " env" not in script:
        return []
    found: list[tuple[int, str]] = []
    for offset, line in _joined_lines(script):
        if "kubectl" not in line or " env" not in line:
            continue
        for command in _simple_commands(_words(line)):
            words = command.words[1:] if command.words[:1] == ["sudo"] else command.words
            if not words or words[0].rpartition("/")[2] != "kubectl":
                continue
            at = next((k for k in range(1, len(words) - 1) if words[k : k + 2] == ["set", "env"]), None)
            for word in words[at + 2 :] if at is not None else ():
                m = _ENV_REMOVED.fullmatch(word.removeprefix("--env="))  # an option's word (`-c agent`) is none
                if m is not None:
                    found.append((offset, m.group("name")))
    return found


def container_env_options_written(script: str, value_options: Collection[str]) -> str:
    """(k8s65, stop 65) ``script`` with each ``-eNAME=VALUE`` among a container run's own options (``docker`` /
    ``podman`` / ``nerdctl`` ``run`` / ``create`` / ``exec`` before it on its logical line, a continued line joined, and
    no image before it: each word after the subcommand an option, ``value_options`` taking the next word) written
    apart, ``-e NAME=VALUE``, as every reader of a run's variables reads it (the assignments' scan, the Agent's
    ``DD_SITE`` on its run line). ``-eDD_SITE=us5.datadoghq.com`` was no variable: the Agent's default site was judged
    in place of the written one (a false alarm where it is declared; the written site, undeclared, passed every door).
    A word after the image is the container's command's (``sh -exc``, ``echo -eX=1``): left. Gate: an attached ``-e``
    followed by a name and ``=``."""
    if "-e" not in script or _ATTACHED_ENV.search(script) is None:
        return script
    out: list[str] = []
    last = 0
    for m in _ATTACHED_ENV.finditer(script):
        start = script.rfind("\n", 0, m.start()) + 1
        while start > 1 and script[start - 2] == "\\":  # the logical line's start (a continued line joined)
            start = script.rfind("\n", 0, start - 1) + 1
        before = script[start : m.start()].replace("\\\n", " ")
        run = _CONTAINER_RUN.search(before)
        if run is not None and _options_only(_run_option_words(before[run.end() :]), value_options):
            out.append(script[last : m.end()] + " ")
            last = m.end()
    return "".join(out) + script[last:] if out else script


def _run_option_words(text: str) -> list[str]:
    """(falsealarm65b, stop 65) The shell words of ``text`` (a run's words before an attached ``-e``), each quoted part
    and command substitution inside its word (:data:`_CALL_WORD`, quotes kept): ``-e DD_TAGS="env:prod team:fleet"``
    and ``-eDD_API_KEY=$(cat /run/dd)`` are two words each, not split at their blanks (a split word made the options
    look like an image, so the ``-eDD_SITE=`` after them was not read and the Agent's default site was judged: a false
    alarm where the written site is declared). An operator (``|``, ``;``, ``&``, ``<``, ``>``) ends the run's command:
    its text gives ``["|"]``, no option, so an ``-e`` after it is left as before."""
    words: list[str] = []
    i = 0
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text):
            return words
        word = _CALL_WORD.match(text, i)
        if word is None:
            return [*words, text[i]]
        words.append(word.group(0))
        i = word.end()


def _options_only(words: list[str], value_options: Collection[str]) -> bool:
    """(k8s65) Whether ``words`` are options alone (each of ``value_options`` written without ``=`` with its value)."""
    k = 0
    while k < len(words):
        if not words[k].startswith("-"):
            return False
        k += 2 if words[k] in value_options else 1
    return True


# scripts59b (stop 59): jq's view of its environment in a single-quoted program (jq 1.6 manual, "$ENV, env": "$ENV is
# an object representing the environment variables as set when the jq program started. env outputs an object
# representing jq's current environment"): `env.NAME`, `$ENV.NAME` (not a field `.env.NAME`, not `$envx`). The jq
# command: assignments before it (bash(1) "Simple Command Expansion": "the variable assignments ... are added to the
# environment of the executed command"), its path, its options, its program.
_JQ_ENV_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
# fnros61 (stop 61): a key by name (`.R`), by string (`."R"`) or by index (`["R"]`, piped `.["R"]`), each checked with
# jq 1.6 on this machine (`env.["R"]` is its syntax error, not taken)
_JQ_ENV_KEY = rf'\.{_JQ_ENV_NAME}\b|\."{_JQ_ENV_NAME}"|[ \t]*\[[ \t]*"{_JQ_ENV_NAME}"[ \t]*\]'
_JQ_ENV_PIPED_KEY = rf'\.{_JQ_ENV_NAME}\b|\."{_JQ_ENV_NAME}"|\.[ \t]*\[[ \t]*"{_JQ_ENV_NAME}"[ \t]*\]'
_JQ_ENV_REFERENCE = re.compile(
    rf"(?:(?<![\w.$])env|(?<![\w.$])\$ENV)(?P<key>{_JQ_ENV_KEY})"
    # fnros60: `env | .NAME` / `$ENV | .NAME` as a whole stage (after the start, `|` or `(`, before the end, `|` or
    # `)`): the same value (jq 1.6 manual, "$ENV, env"); elsewhere (`1, env | .R`) the pipe reaches further, left as
    # written (unread: RES-011 at a destination). fnros61: several keys (`env | .P, .D` is `env | (.P, .D)`: `,` binds
    # tighter than `|`, jq 1.6 prints both), a key by index, and inside `[...]` or after `;`
    rf"|(?:^|(?<=[|(\[;]))(?P<blank>[ \t]*)(?:env|\$ENV)[ \t]*\|[ \t]*"
    rf"(?P<keys>(?:{_JQ_ENV_PIPED_KEY})(?:[ \t]*,[ \t]*(?:{_JQ_ENV_PIPED_KEY}))*)(?=[ \t]*(?:$|[|);\]]))"
)
_JQ_ENV_PIPED = re.compile(r"\benv[ \t]*[|\[]|\$ENV[ \t]*[|\[]")  # fnros60: the gate of `env | .NAME` (fnros61: `env[`)
_JQ_ENV_NAMES = re.compile(_JQ_ENV_NAME)


def _jq_env_names(reference: re.Match[str]) -> list[str]:
    """(fnros61) The variables a :data:`_JQ_ENV_REFERENCE` match reads, in order."""
    return _JQ_ENV_NAMES.findall(reference.group("key") or reference.group("keys"))


_JQ_ENV_COMMAND = re.compile(
    r"(?<![^\s;&|(])(?P<prefix>(?:[A-Za-z_][A-Za-z0-9_]*=[^\s;&|<>()`'\"$]*[ \t]+)*)"
    r"(?P<jq>(?:/[\w./-]*/)?jq)(?P<options>(?:[ \t]+-[A-Za-z-]+)*)[ \t]+"
    r"(?:'(?P<program>[^']*)'|(?P<bare>[A-Za-z_.][^\s'\"$;&|()<>`\\]*))"  # single-quoted, or a word the shell keeps
)


def jq_environment_written(script: str) -> str:
    """(scripts59b) ``script`` with each jq program's ``env.NAME`` / ``$ENV.NAME`` of a variable the command's
    environment holds written as a jq variable the command is given: ``export R=eu-west-1; jq -rn 'env.R'`` is ``jq
    -rn --arg __env_R "$R" '$__env_R'`` (the one resolver gives ``$R``'s value; several values, or none it knows,
    leave the argument unread: unknown, RES-011 at a destination, as before), and ``R=eu-west-1 jq -n '$ENV.R'``
    (an assignment before the command, a literal) is ``--arg __env_R 'eu-west-1'``. A name neither exported by the
    script (``export``, ``declare -x``, ``set -a``) nor assigned before the command is left as written: jq's
    environment then holds what the machine has, which the text does not prove (unknown, fail closed). Gate: ``jq``
    and ``env.`` / ``$ENV.`` (fnros60: or ``env |`` / ``$ENV |``) in the script."""
    if "jq" not in script or ("env." not in script and "$ENV." not in script and not _JQ_ENV_PIPED.search(script)):
        return script
    exported_or_all = exported_names(script)
    everything = exported_or_all is None
    exported = exported_or_all or frozenset()

    def written(m: re.Match[str]) -> str:
        prefix = dict(
            word.split("=", 1) for word in m.group("prefix").split() if "=" in word
        )  # literal values only (the pattern admits no quote, `$` or backquote)
        arguments: dict[str, str] = {}
        written_program = m.group("program") if m.group("program") is not None else m.group("bare")
        for name in dict.fromkeys(n for r in _JQ_ENV_REFERENCE.finditer(written_program) for n in _jq_env_names(r)):
            if name in prefix:
                arguments[name] = shlex.quote(prefix[name])
            elif everything or name in exported:
                arguments[name] = f'"${name}"'
        if not arguments:
            return m.group(0)

        def variable(r: re.Match[str]) -> str:
            names = _jq_env_names(r)
            if any(name not in arguments for name in names):
                return r.group(0)
            return (r.group("blank") or "") + ", ".join(f"$__env_{name}" for name in names)

        program = _JQ_ENV_REFERENCE.sub(variable, written_program)
        given = "".join(f" --arg __env_{name} {value}" for name, value in arguments.items())
        # the assignments before the command dropped where the program reads no other part of its environment (the
        # readers take a command by its first word: `R=... jq` was no jq command to them)
        prefix_kept = m.group("prefix") if "env" in program.replace("$__env_", "") else ""
        return f"{prefix_kept}{m.group('jq')}{m.group('options')}{given} '{program}'"

    return _JQ_ENV_COMMAND.sub(written, script)


# scripts55: a command substitution whose command is `cat` reading a here-document (`R=$(cat <<EOF` then the body, the
# delimiter and `)` on the lines after): bash(1) "Command Substitution" replaces it "with the standard output of the
# command, with any trailing newlines deleted", and "Here Documents": cat's standard input is the body (`<<-` strips
# leading tabs; "If any part of word is quoted ... the lines in the here-document are not expanded").
# scripts57 (stop 57): and piped into `head -n N` / `head -N` on the same line (head(1): "Print the first 10 lines of
# each FILE to standard output"; "-n, --lines=[-]NUM: print the first NUM lines instead"): the body's first N lines.
# And the old-style backquoted form, `` `cat <<EOF `` ... `` ` `` (bash(1) "Command Substitution": "$(command) or
# `command`": the same output).
_CAT_HEREDOC = re.compile(
    r"(?:(?P<paren>\$\()|`)[ \t]*cat[ \t]*<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\3"
    r"(?:[ \t]*\|[ \t]*head[ \t]+(?:-n[ \t]*|--lines=|-)(?P<head>[1-9][0-9]*))?[ \t]*\n(.*?)\n\t*\4[ \t]*\n[ \t]*"
    r"(?(paren)\)|`)",
    re.S,
)


def cat_heredoc_value(text: str, start: int) -> tuple[str, bool] | None:
    """(scripts55) The output of a ``$(cat <<DELIM ... DELIM)`` substitution starting at ``text[start]`` (its body,
    trailing newlines deleted), and whether bash expands the body (an unquoted delimiter and a ``$`` or backquote in
    it); None when there is none."""
    m = _CAT_HEREDOC.match(text, start)
    if m is None:
        return None
    body = "\n".join(line.lstrip("\t") for line in m.group(6).split("\n")) if m.group(2) else m.group(6)
    if m.group("head"):  # scripts57: `| head -n N`
        body = "\n".join(body.split("\n")[: int(m.group("head"))])
    return body.rstrip("\n"), not m.group(3) and ("$" in body or "`" in body)


_CAT_HEREDOC_START = re.compile(r"(?<![=\w])(?<!=\")\$\([ \t]*cat[ \t]*<<")  # not an assignment's (cat_heredoc_value)
_QUOTED_BODY_BREAKS = frozenset('"\\`')  # what would end or change a double-quoted word the body is written into
_UNQUOTED_BODY = re.compile(r"[A-Za-z0-9_.:/@%+,=${}-]+")  # a body that stays one word unquoted (no blank, no glob)


def cat_heredocs_written(script: str) -> str:
    """(scripts56) ``script`` with each ``$(cat <<DELIM ... DELIM)`` written inside a command's words (``--region
    "$(cat <<EOF`` over the lines after it) replaced by its one-line output, blanks after it to the same length (the
    offsets after it do not move), so that the option reads the value as written. bash(1) "Command Substitution": the
    output, "with any trailing newlines deleted"; "Here Documents": the body is expanded as a double-quoted word is
    (parameter expansion, command substitution) unless the delimiter is quoted. Inside double quotes the body is
    written in their place (one without ``"``, ``\\`` or a backquote, and, with a quoted delimiter, no ``$``); unquoted,
    a body that is one word (no blank or glob character). An assignment's value (``R=$(cat <<EOF``) is read by
    :func:`cat_heredoc_value` and is left as it is; a body of several lines, or one these do not fit, too."""
    if "$(cat" not in script or "<<" not in script:
        return script
    out: list[str] = []
    last = 0
    for m in _CAT_HEREDOC_START.finditer(script):
        if m.start() < last:
            continue
        found = cat_heredoc_value(script, m.start())
        whole = _CAT_HEREDOC.match(script, m.start())
        if found is None or whole is None:
            continue
        body = found[0]
        line_start = script.rfind("\n", 0, m.start()) + 1
        quoted = script.count('"', line_start, m.start()) % 2 == 1
        if "\n" in body:
            # scripts57: unquoted, a body of several lines is split into words at its newlines (bash(1) "Word
            # Splitting": newline is in IFS), one word a line, written a blank apart (the same length); quoted, its
            # newlines stay in the word: not written
            if quoted:
                continue
            body = body.replace("\n", " ")
            if not all(_UNQUOTED_BODY.fullmatch(word) for word in body.split(" ")):
                continue
        literal = bool(whole.group(3))
        if "$" in body and literal:
            continue  # `<<'EOF'` holds `$R` as written: no word here says so
        if (quoted and _QUOTED_BODY_BREAKS.intersection(body)) or (
            not quoted and not _UNQUOTED_BODY.fullmatch(body.replace(" ", ""))
        ):
            continue
        out += [script[last : m.start()], body.ljust(whole.end() - m.start())]
        last = whole.end()
    return "".join(out) + script[last:] if out else script


def heredoc_expanded_names(script: str, offset: int) -> frozenset[str] | None:
    """(scripts54b) The variables whose values may stand where ``offset`` of ``script`` holds one: None (every
    variable, as before) unless ``offset`` is inside the body of a here-document whose delimiter is quoted (``<<'EOF'``,
    ``<<"EOF"``). bash(1) "Here Documents": "If any part of word is quoted, ... the lines in the here-document are not
    expanded", so the file holds ``$R`` as written: only a program that reads the file and expands it from its own
    environment may put a value there, and the environment holds the variables the script exports (``export R``,
    ``declare -x``; every one after ``set -a`` / ``set -o allexport``: None)."""
    if "<<" not in script or _QUOTED_HEREDOC.search(script) is None:
        return None
    lines = script.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    for first, after, _, _ in _heredocs(lines):
        heredoc = _HEREDOC.search(lines[first])
        if heredoc is not None and heredoc.group(2) and starts[first + 1] <= offset < starts[after - 1]:
            # config65b: a Beat's keystore key added from standard input is referenced as an exported variable is
            return exported_names(_beat_keystore_written(script) if "keystore" in script else script)
    return None


def _heredocs(lines: list[str]) -> Iterator[tuple[int, int, str | None, str]]:
    """Each closed here-document of ``lines`` as ``(first line, line after the delimiter, file written or None,
    body)``."""
    i = 0
    while i < len(lines):
        line = lines[i]
        start = i
        i += 1
        heredoc = _HEREDOC.search(line) if "<<" in line else None
        if heredoc is None:
            continue
        written = _HEREDOC_CAT.search(line) or _HEREDOC_TEE.search(line) or _HEREDOC_INSTALL.search(line)
        strip_tabs, delimiter = heredoc.group(1) == "-", heredoc.group(3)
        body: list[str] = []
        while i < len(lines):
            text = lines[i].lstrip("\t") if strip_tabs else lines[i]
            i += 1
            if text.rstrip("\r") == delimiter:
                yield start, i, written.group(2) if written is not None else None, "\n".join(body) + "\n"
                break
            body.append(text)


def tab_stripped_heredocs(script: str) -> str:
    """(mutation63, stop 63) ``script`` with the body and delimiter lines of each ``<<-`` here-document as the command
    reads them (bash(1) "Here Documents": "If the redirection operator is <<-, then all leading tab characters are
    stripped from input lines and the line containing delimiter"): a Kubernetes manifest indented by tabs inside a
    function (``kubectl apply -f - <<-EOF``) is YAML to kubectl, and was no YAML to the manifest reader (its containers
    passed every door). The opening line's own indentation, which bash ignores, is dropped too (indented inside the
    function, it would join the body's run of YAML lines). The same text where none is written with ``<<-``."""
    if "<<-" not in script:
        return script
    lines = script.split("\n")
    for start, after, _, _ in _heredocs(lines):
        if (m := _HEREDOC.search(lines[start])) is not None and m.group(1) == "-":
            lines[start] = lines[start].lstrip(" \t")
            lines[start + 1 : after] = [line.lstrip("\t") for line in lines[start + 1 : after]]
    return "\n".join(lines)


# A file written line by line (leftovers43): `echo TEXT > FILE`, `echo TEXT >> FILE`, `printf FORMAT > FILE` (bash(1)
# "Redirecting Output": `>` truncates the file, `>>` appends; bash builtins: echo writes its operands joined by one
# space and a newline, `-n` leaves the newline out, `-e` expands backslash escapes; printf writes its format with
# backslash escapes expanded, `printf '%s\n' A B` one operand a line). One such command per line, after `&&`, `;` or
# sudo or not; a printf format with other conversions, or a line shlex cannot read, is left out (not read).
_ECHOED = re.compile(r"(?:^|&&|;)\s*(?:sudo\s+)?(echo|printf)\s+(.*?)\s*(>>?)\s*(['\"]?)([^\s'\";&|<>]+)\4\s*$")
# scripts53: the same line piped into tee (coreutils tee(1): "Copy standard input to each FILE, and also to standard
# output"; -a, --append: "append to the given FILEs, do not overwrite"), its copy to standard output perhaps sent to
# /dev/null: `echo TEXT | [sudo] tee [-a] FILE [> /dev/null]`, the usual way to write a root-owned file with sudo.
# codehealth53: the one reading of `| [sudo] tee [-a] FILE [> /dev/null]` at a line's end, for an echo's line here and
# any command's line (command_output_files): group "append" holds the options, group "file" the file.
_TEE_TO_FILE = (
    r"\s*\|\s*(?:sudo\s+)?tee(?P<append>(?:[ \t]+-[ai]+|[ \t]+--append)*)[ \t]+"
    r"(?P<quote>['\"]?)(?P<file>[^\s'\";&|<>-][^\s'\";&|<>]*)(?P=quote)(?:[ \t]*>[ \t]*/dev/null)?\s*$"
)
_ECHOED_TEE = re.compile(r"(?:^|&&|;)\s*(?:sudo\s+)?(echo|printf)\s+(.*?)" + _TEE_TO_FILE)
# falsealarm58b (stop 58): `\0` too, a NUL (bash(1) "printf": "\0nnn the eight-bit character whose value is the
# octal value nnn (zero to three octal digits)"): `printf '%s\0' A B > FILE` then `mapfile -d '' -t L < FILE` (or a
# `read -d ''` loop) read the text `A\0B\0` as one value, and a partner's host among them passed every door.
_ESCAPES = re.compile(r"\\([nt\\]|0(?![0-7]))")
_ESCAPED = {"n": "\n", "t": "\t", "\\": "\\", "0": "\0"}


def echoed_files(script: str) -> list[tuple[str, str]]:
    """Each file ``script`` writes by ``echo`` / ``printf`` redirections, as ``(file, content)`` in the order first
    written: the lines appended (``>>``) after the last truncation (``>``)."""
    files: dict[str, str] = {}
    for line in script.splitlines():
        written = _echo_write(line)
        if written is not None:
            file, text, append = written
            files[file] = (files.get(file, "") if append else "") + text
    return list(files.items())


def _echo_write(line: str) -> tuple[str, str, bool] | None:
    """``(file, text, appended)`` when ``line`` is one ``echo`` / ``printf`` redirection read above, else None."""
    # tee first: its copy to standard output may be redirected too (`| tee FILE > /dev/null`)
    match = _ECHOED_TEE.search(line) if "tee" in line else None
    if match is not None:
        command, operands, file, append = match.group(1), match.group(2), match.group("file"), "a" in match["append"]
    elif ">" in line and (match := _ECHOED.search(line)) is not None:
        command, operands, file, append = match.group(1), match.group(2), match.group(5), match.group(3) == ">>"
    else:
        return None
    try:
        words = shlex.split(operands)
    except ValueError:
        return None
    text = _echoed(words) if command == "echo" else _printed(words)
    return None if text is None else (file, text, append)


def _echoed(words: list[str]) -> str:
    newline, escapes = True, False
    while words and words[0] in ("-n", "-e", "-E", "-ne", "-en"):
        newline = newline and "n" not in words[0]
        escapes = "e" in words[0]
        words = words[1:]
    text = " ".join(words)
    return (_ESCAPES.sub(lambda m: _ESCAPED[m.group(1)], text) if escapes else text) + ("\n" if newline else "")


def _printed(words: list[str]) -> str | None:
    if not words:
        return None
    form, operands = words[0], words[1:]
    if form in ("%s\\n", "%s\n"):
        return "".join(f"{operand}\n" for operand in operands)
    if operands and ("%s" in form or _PRINTF_CONVERSION.search(form.replace("%%", "")) is not None):
        # config54b: `printf 'replicaof %s 6379\\n' HOST >> FILE`, the format's `%s` filled (the one printf reader);
        # scripts60b (stop 60): any conversion it reads (`printf '%-16s' A B > FILE`, fixed-width records: a width)
        return _printf_strings(form, operands)
    if operands or "%" in form.replace("%%", ""):
        return None
    return _ESCAPES.sub(lambda m: _ESCAPED[m.group(1)], form).replace("%%", "%")


# Files a script changes after writing them, or writes from a file it wrote (logplugins44): `cp SRC DST`, `mv SRC DST`,
# `install [-m MODE] SRC DST` (coreutils: DST a directory when it ends with `/` or names no file, the copy then keeps
# SRC's name) from a file the script wrote earlier, and GNU `sed -i` (in place: "edit files in place") on any file. A
# sed script is applied when it is only `s/REGEXP/REPLACEMENT/[gI]` and `/REGEXP/d` commands, `;` or newline apart, in
# basic (BRE) or extended (`-E` / `-r`) syntax (GNU sed manual, "The s Command", "Regular Expressions"): sed edits each
# line, so each line is edited apart. Anything else (an address range, another command, a flag such as `3` or `w`, an
# expression from a file) is not applied: the file's content after it is unknown (None), and the texts the script
# would write into it (the replacements, `a` / `i` / `c` text) are returned for the engine to judge as values.
# scripts45 (stop 45): the same for the other commands that rewrite a file, each read only where its line matches
# EDIT_COMMAND (the one pattern the engine's prefilter and this reader share): sed WITHOUT `-i` whose output is
# redirected (`sed 's/a/b/' SRC > FILE`, or `< SRC`: GNU sed writes the edited input to standard output), applied as
# `sed -i` is; `perl -pi -e 's/RE/REPL/[gi]'` (perlrun: `-p` loops over the lines and prints each, `-i` edits the files
# in place), applied as the same sed substitution when its regexp and replacement are plain (`$1` / `$&` for sed's
# `\1` / `&`); `envsubst [SHELL-FORMAT] < SRC > FILE` (GNU gettext: "Substitutes the values of environment
# variables", `$VAR` and `${VAR}`, only those SHELL-FORMAT names when given) of a file the script wrote, with the
# variables the script assigns (`[export] NAME=value`) filled in and the others left as written (read at run time,
# as `${VAR}` in a file is); `awk PROGRAM SRC > FILE` (and `gawk -i inplace`), never applied: its string literals are
# the texts it writes. A command whose result is not computed marks whether it can drop lines (`deletes`: sed's `d`,
# `D`, `c`, `-n`, `-f`; awk): with the content it read (`before`), the engine judges each output of that content as
# if a delete left it with its plugin's defaults (an unapplied `/RE/d` removing a `Host` line).
EDIT_COMMAND = re.compile(r"(?:^|[\s;&|(`])(?:sed|cp|mv|install|perl|g?awk|envsubst|dd|tr|postconf)[ \t]")
_COPY_VALUE_OPTIONS = {"install": frozenset({"-m", "-o", "-g", "-S", "-t"}), "cp": frozenset({"-t"}),
                       "mv": frozenset({"-t"})}  # fmt: skip
_POSIX_CLASSES = {"space": r"\s", "blank": r" \t", "digit": "0-9", "alpha": "A-Za-z", "alnum": "A-Za-z0-9",
                  "upper": "A-Z", "lower": "a-z", "xdigit": "0-9A-Fa-f", "punct": r"!-/:-@\[-`{-~"}  # fmt: skip
_BRE_ESCAPES = {"(": "(", ")": ")", "{": "{", "}": "}", "+": "+", "?": "?", "|": "|"}
_CLASS_ESCAPES = frozenset("wWsSbB")
_SED_TEXT_ESCAPES = {"n": "\n", "t": "\t", **{d: "" for d in "123456789"}}


class Edit(NamedTuple):
    """A file a script copies, moves or edits in place: ``how`` (cp, mv, install, sed), the file, its content after
    the command (None: not known, the edit not applied) and the texts the command writes into it."""

    how: str
    file: str
    content: str | None
    texts: tuple[str, ...]
    source: str | None = None
    """The file moved away (``mv``): it no longer exists."""
    before: str | None = None
    """An edit not applied: the content the command read, when the script wrote it (scripts45)."""
    deletes: bool = False
    """An edit not applied that may drop lines of ``before`` (sed ``d`` / ``c`` / ``-n``, awk; scripts45)."""


def edited_files(script: str, own_region: tuple[re.Pattern[str], str] | None = None) -> list[Edit]:
    """The files ``script`` copies or moves from a file it wrote (here-document, ``echo`` / ``printf``), edits with
    ``sed -i`` or ``perl -pi``, or writes by redirecting ``sed``, ``awk`` or ``envsubst`` (scripts45), in the script's
    order, each with its content after the command when it is known. ``own_region``: a variable whose whole assigned
    value the pattern matches holds that Region (``instance_region_commands``: the instance metadata's
    ``placement/region``, the instance's own; falsealarm46)."""
    return _edited(script, own_region, None)


def _edited(
    script: str, own_region: tuple[re.Pattern[str], str] | None, reads: list[tuple[Edit, str, str]] | None
) -> list[Edit]:
    """:func:`edited_files`; ``reads``, when given, gets each applied sed edit with the file it read and that file's
    text then (falsealarm66: :func:`templates_filled`)."""
    if EDIT_COMMAND.search(script) is None:
        return []  # most scripts: one search
    lines = script.splitlines()
    heredocs = {start: (end, file, body) for start, end, file, body in _heredocs(lines)}
    state = _Files({}, {}, {}, own_region, reads)
    edits: list[Edit] = []
    blocks: list[ShellLine] = []  # read when the script assigns a variable
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in heredocs:
            end, file, body = heredocs[i]
            i = end
            if file is not None:
                state.write(file, body)
            elif EDIT_COMMAND.search(line) is not None:
                # a here-document fed to an edit command (`envsubst > FILE <<EOF`, `sed 's/a/b/' > FILE <<EOF`)
                state.files[_HEREDOC_INPUT] = body
                edits += _edit_line(line, state)
            continue
        i += 1
        while line.endswith("\\") and i < len(lines) and i not in heredocs:
            # mutation55: a backslash-newline continues the command ("a line continuation", bash(1) Quoting):
            # `postconf -e 'relayhost = ...' \` then more pairs on the next line was read as no edit.
            line, i = f"{line[:-1]} {lines[i]}", i + 1
        echoed = _echo_write(line)
        if echoed is not None:
            file, text, append = echoed
            state.write(file, (state.files.get(file, "") if append else "") + text)
            continue
        assigned = _ASSIGNED.match(line)
        if assigned is not None:
            blocks = blocks or shell_blocks(lines)
            state.assign(assigned.group(1), assigned.group(2), blocks[i - 1].top)
        if EDIT_COMMAND.search(line) is not None:
            edits += _edit_line(line, state)
    return edits


_HEREDOC_INPUT = "\0<<"  # the here-document a command on its first line reads (no file has this name)


def templates_filled(
    script: str, own_region: tuple[re.Pattern[str], str] | None = None
) -> tuple[str, list[str], frozenset[str]]:
    """(falsealarm66, stop 66) A template the script writes by a here-document and fills by sed before anything else
    reads it (``cat > T <<'EOF'`` ... ``sed 's/__REGION__/<Region>/g' T | kubectl apply -f -``, ``sed -i ... T``, ``sed
    ... <<'EOF' | ...``; GNU sed "The s Command"): ``script`` with each template line an applied sed edit changes
    blanked (the same length: offsets do not move), the lines each edit makes of them (for the reference scan, in their
    place), and the template files so read (their text reaches no reader but the edits). Before, the scan read the
    template as written: ``https://sqs.__REGION__.amazonaws.com/...`` was RES-015 (``sqs.__region__.amazonaws.com``)
    with the home Region filled in, and a Region abroad filled in was judged nowhere. Only where the edit keeps the
    template's lines (a substitution: one line for one), the template's text is written once in the script, and no
    line names the file but its here-document, its edits and, after an in-place edit, the readers of the edited file
    (:func:`_read_by_edits_only`); else the template stays as written (as before)."""
    if "sed" not in script or "<<" not in script:
        return script, [], frozenset()
    reads: list[tuple[Edit, str, str]] = []
    _edited(script, own_region, reads)
    spans: list[tuple[int, int]] = []
    filled: list[str] = []
    files: set[str] = set()
    for edit, file, text in reads:
        before, after = text.splitlines(keepends=True), (edit.content or "").splitlines(keepends=True)
        if not text.strip() or len(before) != len(after) or script.count(text) != 1:
            continue
        if file != _HEREDOC_INPUT and not _read_by_edits_only(script, file):
            continue
        at = script.index(text)
        for old, new in zip(before, after, strict=True):
            if old != new:
                spans.append((at, at + len(old.rstrip("\n"))))
                filled.append(new.rstrip("\n"))
            at += len(old)
        files |= {file} if file != _HEREDOC_INPUT else set()
    for start, end in spans:
        script = script[:start] + " " * (end - start) + script[end:]
    return script, filled, frozenset(files)


def _read_by_edits_only(script: str, file: str) -> bool:
    """(falsealarm66) Whether every line of ``script`` naming ``file`` (as a word) writes it by a here-document, is a
    sed command reading it, or comes after a ``sed -i`` of it (a reader then reads the edited file)."""
    named = re.compile(rf"(?<![\w./-]){re.escape(file)}(?![\w./-])")
    for line in script.splitlines():
        if named.search(line) is None:
            continue
        if "<<" in line and re.search(rf"(?:>>?|\btee)\s*['\"]?{re.escape(file)}", line) is not None:
            continue
        sed = _SED_LINE.search(line)
        if sed is None:
            return False
        if _SED_IN_PLACE.search(re.split(r"[|;&<>]", line[sed.end() :], maxsplit=1)[0]) is not None:
            return True  # in place: what reads it later reads the edited text (judged in its place)
    return True


_SED_LINE = re.compile(r"(?:^|[\s;&|(])(?:sudo\s+)?sed[ \t]")
_SED_IN_PLACE = re.compile(r"(?<!\S)(?:-[A-Za-z]*i\S*|--in-place\S*)(?!\S)")
# `NAME=value` / `export NAME=value` on a line of its own (bash: a variable an `export` passes to the commands the
# script runs, envsubst among them).
_ASSIGNED = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\S.*)?$")
_ENV_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_AWK_STRING = re.compile(r'"((?:\\.|[^"\\])*)"')
# dd(1)'s operands that leave what it copies whole: block sizes, messages, how the output is opened.
_DD_PLAIN = frozenset({"if", "of", "bs", "ibs", "obs", "cbs", "status", "iflag", "oflag", "conv"})
_DD_CONVS = frozenset({"fsync", "fdatasync", "excl", "nocreat", "noerror"})
_PERL_SEPARATOR = re.compile(r"0(?:x[0-9A-Fa-f]*|[0-7]*)")  # perlrun -0[octal] / -0x[hex]
_SED_DELETES = re.compile(r"(?:^|[;{}\n/\d$!,])\s*(?:[dD]\s*(?:[;}]|$)|c(?:\\|\s))", re.M)
_SED_SUBSTITUTION = re.compile(r"s([^\\\w\s])((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1")


class _Unknown(NamedTuple):
    """A file whose content a command left unknown: the texts it wrote, what it read, whether it may drop lines."""

    texts: tuple[str, ...]
    before: str | None
    deletes: bool


class _Files(NamedTuple):
    files: dict[str, str]
    """The files whose content is known."""
    unknown: dict[str, _Unknown]
    assigned: dict[str, str]
    """The variables the script assigns a fixed value (envsubst fills them in)."""
    own_region: tuple[re.Pattern[str], str] | None = None
    """A command substitution that gives the machine's own Region, and that Region (``edited_files``)."""
    reads: list[tuple[Edit, str, str]] | None = None
    """(falsealarm66) Where given, each applied sed edit, the file it read and its text then (:func:`_edited`)."""

    def write(self, file: str, content: str) -> None:
        self.files[file] = content
        self.unknown.pop(file, None)

    def lose(self, file: str, unknown: _Unknown) -> None:
        self.files.pop(file, None)  # whatever it held, its content is now unknown
        self.unknown[file] = unknown

    def assign(self, name: str, value: str | None, top: bool = True) -> None:
        """``NAME=value`` read on a line of its own; ``top``: outside every compound command (:func:`shell_blocks`).
        Inside one (an ``if`` branch, a loop) the assignment may not run: a value other than the one held leaves the
        variable unknown (scripts47: two branches setting two Regions filled the file with the last one written)."""
        held = self.assigned.get(name)
        self._assign(name, value)
        if not top and held is not None and self.assigned.get(name) != held:
            self.assigned.pop(name, None)

    def _assign(self, name: str, value: str | None) -> None:
        region = own_region_value(value or "", self.own_region)
        if region is not None:
            self.assigned[name] = region  # the instance's own Region (instance_region_commands)
            return
        try:
            words = shlex.split(value or "")
        except ValueError:
            words = []
        whole = _ENV_VARIABLE.fullmatch(words[0]) if len(words) == 1 and value and value.strip()[:1] != "'" else None
        if whole is not None and (whole.group(1) or whole.group(2)) in self.assigned:
            # scripts47: `A=$B` takes B's value at this line (the order is the script's: envsubst reads the value the
            # variable holds when it runs)
            self.assigned[name] = self.assigned[whole.group(1) or whole.group(2)]
        elif len(words) <= 1 and not any(c in (value or "") for c in "$`"):
            self.assigned[name] = words[0] if words else ""
        else:
            self.assigned.pop(name, None)  # a value made at run time: not known


def own_region_value(value: str, own_region: tuple[re.Pattern[str], str] | None) -> str | None:
    """The Region an assigned value gives when it is a command substitution (``$(...)`` or backquotes, one pair of
    double quotes around it dropped) whose command ``own_region``'s pattern matches whole (``instance_region_commands``:
    the instance metadata's Region, the instance's own; falsealarm46, scripts47); None otherwise."""
    if own_region is None:
        return None
    text = value.strip()
    if len(text) > 1 and text[0] == '"' == text[-1]:
        text = text[1:-1].strip()
    if text.startswith("$(") and text.endswith(")"):
        command = text[2:-1]
    elif len(text) > 1 and text[0] == "`" == text[-1] and "`" not in text[1:-1]:
        command = text[1:-1]
    else:
        return None
    return own_region[1] if own_region[0].fullmatch(command.strip()) else None


def _edit_line(line: str, state: _Files) -> list[Edit]:
    edits: list[Edit] = []
    words = _words(line)
    if "kubectl" in line and "|" in words:
        words = _kubectl_stdin_as_file(words)  # k8s65b: `sed ... | kubectl apply -f -`
    for command in _simple_commands(words):
        words = command.words
        while words and (words[0] in ("sudo", "command", "env") or (words[0] != words[-1] and "=" in words[0])):
            words = words[1:]
        if not words:
            continue
        name, args = words[0], words[1:]
        if name == "sed":
            edits += _sed_edit([_shell_filled(a, line, state) for a in args], state, command)
        elif name in _COPY_VALUE_OPTIONS:
            edits += _copied(name, args, state)
        elif name == "perl":
            edits += _perl(args, state, command)
        elif name in ("awk", "gawk"):
            edits += _awk(args, state, command)
        elif name == "envsubst":
            edits += _envsubst(args, state, command)
        elif name == "dd":
            edits += _dd(args, state, command)
        elif name == "tr":
            edits += _tr(args, state, command)
        elif name == "postconf":
            edits += _postconf(args, state)
    return edits


def _shell_filled(word: str, line: str, state: _Files) -> str:
    """(k8s65b, stop 65) A sed word as the shell gives it to sed: each ``$NAME`` / ``${NAME}`` of a value the script
    assigns filled in (bash(1) "Parameter Expansion", inside double quotes too), unless the word was single-quoted on
    ``line`` (kept literal); a variable whose value is not known stays as written. ``sed "s/__REGION__/$DR/g"`` filled
    the template with the text ``$DR``, and the Region it holds passed every door."""
    if "$" not in word or f"'{word}" in line:
        return word
    return _ENV_VARIABLE.sub(lambda m: state.assigned.get(m.group(1) or m.group(2), m.group(0)), word)


# (k8s65b, stop 65) The standard input of a `kubectl apply` / `create` / `replace -f -` an edit command's output is
# piped into (no file has this name): the edit's result is the manifest kubectl reads (`sed "s/X/$R/g" FILE | kubectl
# apply -f -`, `envsubst < FILE | kubectl apply -f -`; kubectl apply: "cat pod.json | kubectl apply -f -").
KUBECTL_STDIN = "\0|kubectl"


def _kubectl_stdin_as_file(words: list[str]) -> list[str]:
    """(k8s65b) ``words`` with each ``| kubectl apply -f -`` stage (:func:`_reads_manifest_stdin`) replaced by a
    redirection into :data:`KUBECTL_STDIN`, so that the edit command before it writes its result there as it writes
    ``> FILE`` (:func:`_written`): a template filled by ``sed`` / ``envsubst`` on its way into kubectl was judged as
    written (its placeholder), and the value filled in passed every door."""
    out: list[str] = []
    k = 0
    while k < len(words):
        if words[k] == "|" and _reads_manifest_stdin(words[k + 1 :]):
            end = next((j for j in range(k + 1, len(words)) if words[j] in _SEPARATORS), len(words))
            out += [">", KUBECTL_STDIN]
            k = end
            continue
        out.append(words[k])
        k += 1
    return out


def _postconf(args: list[str], state: _Files) -> list[Edit]:
    """(config54b) ``postconf -e [-c config_dir] name=value ...`` (postconf(1): "-e Edit the main.cf configuration
    file, and update parameter settings with the "name=value" pairs on the command line"; "-c config_dir The main.cf
    configuration file is in the named directory instead of the default configuration directory"): an edit of
    ``config_dir/main.cf`` (``/etc/postfix`` by default) not applied, whose texts are its ``name=value`` operands, read
    by the engine as that file's lines. Without ``-e`` postconf only prints."""
    directory, edit, pairs = "/etc/postfix", False, []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "-c" and i < len(args):
            directory, i = args[i], i + 1
        elif arg.startswith("-") and not arg.startswith("--"):
            edit = edit or "e" in arg[1:]
        elif "=" in arg:
            pairs.append(arg)
    if not edit or not pairs:
        return []
    file = f"{directory.rstrip('/')}/main.cf"
    state.lose(file, _Unknown(tuple(pairs), state.files.get(file), False))
    return [Edit("postconf", file, None, tuple(pairs), None, None, False)]


def _written(state: _Files, command: _SimpleCommand, how: str, content: str | None, unknown: _Unknown) -> list[Edit]:
    """The edit of a command whose output is redirected into a file: its content when known (appended to what the
    file held for ``>>``), else the file's content lost."""
    file = command.stdout
    if file is None or file.startswith("/dev/"):
        return []
    if content is not None and command.append:
        content = None if file in state.unknown else state.files.get(file, "") + content
    if content is not None:
        state.write(file, content)
        return [Edit(how, file, content, unknown.texts)]
    state.lose(file, unknown)
    return [Edit(how, file, None, unknown.texts, None, unknown.before, unknown.deletes)]


def _input(state: _Files, operands: list[str], stdin: str | None) -> str | None:
    """The content of the one file a filter reads (its operand, else its standard input), when known."""
    source = operands[0] if len(operands) == 1 else stdin if not operands else None
    return state.files.get(source) if source is not None else None


def _copied(command: str, args: list[str], state: _Files) -> list[Edit]:
    values = _COPY_VALUE_OPTIONS[command]
    operands: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in values:
            skip = True
        elif not arg.startswith("-") or arg == "-":
            operands.append(arg)
    if len(operands) != 2 or (operands[0] not in state.files and operands[0] not in state.unknown):
        return []
    source, target = operands
    if target.endswith("/") or "." not in target.rsplit("/", 1)[-1]:
        target = f"{target.rstrip('/')}/{source.rsplit('/', 1)[-1]}"
    moved = source if command == "mv" else None
    if source in state.unknown:
        # scripts45: a file a command left unknown (`sed ... SRC > /tmp/x`, then `mv /tmp/x FILE`) carries its texts.
        unknown = state.unknown[source]
        state.lose(target, unknown)
        if moved is not None:
            del state.unknown[source]
        return [Edit(command, target, None, unknown.texts, moved, unknown.before, unknown.deletes)]
    state.write(target, state.files[source])
    if moved is not None:
        del state.files[source]
    return [Edit(command, target, state.files[target], (), moved)]


class _SedArguments(NamedTuple):
    in_place: bool
    extended: bool
    applicable: bool
    expressions: list[str]
    operands: list[str]


def _sed_arguments(args: list[str]) -> _SedArguments:
    """A sed command line's options (GNU sed's), expressions and file operands."""
    in_place, extended, applicable = False, False, True
    expressions: list[str] = []
    operands: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg in ("-e", "--expression", "-f", "--file") and i < len(args):
            expressions.append(args[i])
            applicable = applicable and arg in ("-e", "--expression")  # -f: a script file the program does not show
            i += 1
        elif arg.startswith(("--expression=", "--file=")):
            expressions.append(arg.partition("=")[2])
            applicable = applicable and arg.startswith("--expression=")
        elif arg == "--":
            operands += args[i:]  # the end of the options: the rest are operands
            break
        elif arg.startswith("--"):
            in_place = in_place or arg.startswith("--in-place")
            extended = extended or arg == "--regexp-extended"
            applicable = applicable and (
                arg.startswith("--in-place") or arg in ("--regexp-extended", "--follow-symlinks", "--posix")
            )
        elif arg.startswith("-") and len(arg) > 1:
            flags = arg[1:]
            if "i" in flags:
                in_place = True
                flags = flags[: flags.index("i")]  # GNU: what follows -i is the backup suffix
            extended = extended or "E" in flags or "r" in flags
            # a combined -e / -f takes the next word; -n / -z change what is written
            applicable = applicable and not set(flags) & set("efnz")
        else:
            operands.append(arg)
    return _SedArguments(in_place, extended, applicable, expressions, operands)


def _sed_edit(args: list[str], state: _Files, command: _SimpleCommand) -> list[Edit]:
    """``sed -i`` on its files, or sed without ``-i`` whose output is redirected into a file (scripts45)."""
    sed = _sed_arguments(args)
    expressions, operands = sed.expressions, sed.operands
    if not expressions and operands:
        expressions.append(operands.pop(0))
    script = "\n".join(expressions)
    commands = _sed_commands(script, sed.extended) if sed.applicable else None
    texts = _sed_texts(script)
    deletes = not sed.applicable or _SED_DELETES.search(_SED_SUBSTITUTION.sub("", script)) is not None
    if not sed.in_place:
        content = _input(state, operands, command.stdin)
        edited = _sed_apply(commands, content) if content is not None and commands is not None else None
        done = _written(state, command, "sed", edited, _Unknown(texts, content, deletes))
        source = operands[0] if len(operands) == 1 else command.stdin if not operands else None
        if state.reads is not None and source is not None and content is not None:
            state.reads.extend((e, source, content) for e in done if e.content is not None)
        return done
    if state.reads is None:
        return _in_place("sed", operands, commands, texts, deletes, state)
    edits: list[Edit] = []
    for file in operands:
        before = state.files.get(file)
        done = _in_place("sed", [file], commands, texts, deletes, state)
        if before is not None:
            state.reads.extend((e, file, before) for e in done if e.content is not None)
        edits += done
    return edits


def _in_place(how: str, operands: list[str], commands: list[_SedCommand] | None, texts: tuple[str, ...],
              deletes: bool, state: _Files) -> list[Edit]:  # fmt: skip
    edits: list[Edit] = []
    for file in operands:
        content = state.files.get(file)
        if content is not None and commands is not None:
            state.write(file, _sed_apply(commands, content))
            edits.append(Edit(how, file, state.files[file], texts))
        else:
            earlier = state.unknown.get(file)
            before = content if earlier is None else earlier.before
            unknown = _Unknown(texts, before, deletes or (earlier is not None and earlier.deletes))
            state.lose(file, unknown)
            edits.append(Edit(how, file, None, texts, None, unknown.before, unknown.deletes))
    return edits


def _perl(args: list[str], state: _Files, command: _SimpleCommand) -> list[Edit]:
    """``perl -pi -e 's/RE/REPL/[gi]' FILE...`` (perlrun ``-p``, ``-i[EXTENSION]``, ``-e``), or ``perl -p`` / ``-n``
    without ``-i`` whose output is redirected into a file (scripts46: perlrun, ``-p`` prints each line after the
    program, ``-n`` prints nothing the program does not ``print``; without ``-i`` to standard output): applied as the
    sed substitution it is when :func:`_perl_as_sed` can spell it so and the flags are only ``-p`` / ``-i`` / ``-e``;
    else not applied, its replacement texts and string literals returned, and it may drop lines (``-n`` prints what it
    chooses; ``-0`` reads records other than lines, ``-0777`` the whole file, so a substitution may span lines)."""
    flags: set[str] = set()
    expressions: list[str] = []
    operands: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg.startswith("-") and len(arg) > 1 and not operands and not arg.startswith("--"):
            letters = arg[1:]
            if "i" in letters:
                letters = letters[: letters.index("i") + 1]  # what follows -i is the backup extension
            letters = _PERL_SEPARATOR.sub("0", letters)  # -0[octal] / -0xHEX: the record separator, one flag
            flags |= set(letters)
            if letters.endswith("e") and i < len(args):
                expressions.append(args[i])
                i += 1
        elif expressions:
            operands.append(arg)
        else:
            expressions.append(arg)  # a program without -e (perl -pi PROGRAM? no: a script file)
            flags.add("f")
    if not expressions or not flags & {"i", "p", "n"}:
        return []
    in_place = "i" in flags
    if not in_place and command.stdout is None:
        return []  # to the console or a pipe: no file written
    converted = [_perl_as_sed(e) for e in expressions]
    script = "\n".join(c if c is not None else e for c, e in zip(converted, expressions, strict=True))
    applicable = flags - {"i"} == {"p", "e"} and None not in converted
    commands = _sed_commands(script, extended=True) if applicable else None
    deletes = commands is None or any(template is None for _, template, _ in commands)
    texts = _sed_texts(script)
    if commands is None:
        strings = (_unescaped(t) for e in expressions for t in _AWK_STRING.findall(e))
        texts = tuple(dict.fromkeys([*texts, *(t for t in strings if t.strip())]))
    if in_place:
        return _in_place("perl", operands, commands, texts, deletes, state)
    content = _input(state, operands, command.stdin)
    edited = _sed_apply(commands, content) if content is not None and commands is not None else None
    return _written(state, command, "perl", edited, _Unknown(texts, content, deletes))


def _perl_as_sed(expression: str) -> str | None:
    """A perl substitution ``s/RE/REPL/FLAGS`` as sed's (ERE) when it is plain: its regexp within what
    :func:`_sed_regexp` reads, its replacement's ``$1`` / ``${1}`` / ``$&`` as ``\\1`` / ``&``, flags ``g`` and ``i``
    only; None for anything else (another statement, a variable, ``e`` / ``x`` / ``r`` flags)."""
    match = re.fullmatch(r"\s*s([^\w\s\\])((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1([a-z]*)\s*;?\s*", expression, re.S)
    if match is None or set(match.group(4)) - {"g", "i"}:
        return None
    delimiter, pattern, replacement = match.group(1), match.group(2), match.group(3)
    if re.search(r"[@%](?=[\w{])|\$(?![\d&{])|\$\{(?!\d+\})", replacement):
        return None  # an array, a hash or a variable interpolated: not known
    if any(len(group) > 1 for group in re.findall(r"\$(\d+)|\$\{(\d+)\}", replacement) for group in group if group):
        return None  # perl reads `$110` as group 110: no such sed group
    replacement = re.sub(r"\$&|\$(\d)|\$\{(\d)\}|&", _perl_group, replacement)
    flags = match.group(4).replace("i", "I")
    return f"s{delimiter}{pattern}{delimiter}{replacement}{delimiter}{flags}"


def _perl_group(match: re.Match[str]) -> str:
    """A perl replacement's ``$&`` / ``$N`` / ``${N}`` as sed's ``&`` / ``\\N``; a literal ``&`` escaped for sed."""
    text = match.group(0)
    return "&" if text == "$&" else "\\&" if text == "&" else "\\" + (match.group(1) or match.group(2))


def _awk(args: list[str], state: _Files, command: _SimpleCommand) -> list[Edit]:
    """``awk PROGRAM [FILE] > OUT`` or ``gawk -i inplace PROGRAM FILE``: never applied; the program's string
    literals and ``-v`` values are the texts it may write, and it may leave any line out (``deletes``)."""
    program: str | None = None
    operands: list[str] = []
    texts: list[str] = []
    in_place = False
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if program is None and arg in ("-F", "-v", "-f", "-i", "--include") and i < len(args):
            value = args[i]
            i += 1
            in_place = in_place or (arg in ("-i", "--include") and value == "inplace")
            if arg == "-v":
                texts.append(value.partition("=")[2])
        elif program is None and arg.startswith("-") and len(arg) > 1:
            continue
        elif program is None:
            program = arg
        else:
            operands.append(arg)
    if program is None:
        return []
    texts += [_unescaped(t) for t in _AWK_STRING.findall(program)]
    found = tuple(dict.fromkeys(t for t in texts if t.strip()))
    if in_place:
        return _in_place("awk", operands, None, found, True, state)
    content = _input(state, operands, command.stdin)
    return _written(state, command, "awk", None, _Unknown(found, content, True))


def _dd(args: list[str], state: _Files, command: _SimpleCommand) -> list[Edit]:
    """``dd [if=SRC] [of=FILE] [OPERAND=...]`` (coreutils dd(1): "Copy a file, converting and formatting according to
    the operands"; ``if=`` "read from FILE instead of stdin", ``of=`` "write to FILE instead of stdout"; scripts46),
    of a file the script wrote or one a command left unknown: a copy, as ``cp`` is, when its other operands only set
    block sizes, messages or how the output is opened (``oflag=append`` with ``conv=notrunc`` appends); a partial copy
    (``count=``, ``skip=``, ``seek=``) or a conversion (``conv=ucase`` ...) leaves the file unknown, any line of what
    it read possibly gone."""
    operands = dict(a.partition("=")[::2] for a in args if "=" in a)
    source = operands.get("if", command.stdin)
    target = _dd_output(["dd", *args]) if "of" in operands else command.stdout
    if source is None or target is None or (source not in state.files and source not in state.unknown):
        return []
    convs = set(filter(None, operands.get("conv", "").split(",")))
    oflags = set(filter(None, operands.get("oflag", "").split(",")))
    append = "append" in oflags and "notrunc" in convs
    output = _SimpleCommand(command.words, source, target, append or (command.append and "of" not in operands))
    if source in state.unknown:
        unknown = state.unknown[source]
        return _written(state, output, "dd", None, unknown)
    content = state.files[source]
    # conv=notrunc alone overwrites the file's start and keeps the rest (POSIX dd: "unless conv=notrunc is specified"
    # the output is truncated): what it leaves is the copy only when appending.
    convs_kept = _DD_CONVS | {"notrunc"} if append else _DD_CONVS
    plain = set(operands) <= _DD_PLAIN and convs <= convs_kept and not [a for a in args if "=" not in a]
    return _written(state, output, "dd", content if plain else None, _Unknown((), content, True))


def _tr(args: list[str], state: _Files, command: _SimpleCommand) -> list[Edit]:
    """``tr SET1 SET2 < SRC > FILE`` and ``tr -d SET1`` (coreutils tr(1): "Translate, squeeze, and/or delete
    characters from standard input, writing to standard output"; scripts46) of a file the script wrote: applied when
    the sets are characters, escapes (``\\n``, ``\\t``, ``\\\\``) and ranges (``a-z``), SET2 extended with its
    last character (GNU). Else (``-s``, ``-c``, a class such as ``[:lower:]``) the file is left unknown, and lines may
    be joined when a newline may be among the characters changed."""
    options = [a for a in args if a.startswith("-") and len(a) > 1]
    sets = [_tr_set(a) for a in args if a not in options]
    content = _input(state, [], command.stdin)
    table: dict[int, int] | dict[int, int | None] | None = None
    if options == [] and len(sets) == 2 and sets[0] and sets[1]:
        first, second = sets[0], sets[1]
        table = str.maketrans(first, (second + second[-1] * len(first))[: len(first)])
    elif options == ["-d"] and len(sets) == 1 and sets[0]:
        table = str.maketrans("", "", sets[0])
    joins = None in sets or any("c" in o or "C" in o for o in options) or any("\n" in t for t in sets if t)
    if table is None or joins:
        return _written(state, command, "tr", None, _Unknown((), content, joins))
    translated = content.translate(table) if content is not None else None
    return _written(state, command, "tr", translated, _Unknown((), content, False))


def _tr_set(word: str) -> str | None:
    """A tr set of characters, escapes and ranges, spelled out; None for a class, an equivalence or a repeat."""
    if "[" in word:
        return None
    chars: list[str] = []
    i = 0
    while i < len(word):
        c = word[i]
        if c == "\\" and i + 1 < len(word):
            c = _ESCAPED.get(word[i + 1], word[i + 1])
            i += 1
        i += 1
        if word[i : i + 1] == "-" and i + 1 < len(word):
            end = word[i + 1]
            if ord(end) < ord(c):
                return None
            chars += [chr(o) for o in range(ord(c), ord(end) + 1)]
            i += 2
            continue
        chars.append(c)
    return "".join(chars)


def _unescaped(literal: str) -> str:
    """A double-quoted awk or perl string literal's text: ``\\n``, ``\\t`` and escaped characters resolved."""
    return re.sub(r"\\(.)", lambda m: _ESCAPED.get(m.group(1), m.group(1)), literal)


def _envsubst(args: list[str], state: _Files, command: _SimpleCommand) -> list[Edit]:
    """``envsubst [SHELL-FORMAT] < SRC > OUT`` of a file the script wrote: each ``$VAR`` / ``${VAR}`` the script
    assigns (and SHELL-FORMAT names, when given) replaced by its value, the others left as written."""
    formats = [a for a in args if not a.startswith("-")]
    named = {m.group(1) or m.group(2) for f in formats for m in _ENV_VARIABLE.finditer(f)} if formats else None
    content = _input(state, [], command.stdin)
    if content is None:
        return _written(state, command, "envsubst", None, _Unknown((), None, False))

    def value(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        known = name in state.assigned and (named is None or name in named)
        return state.assigned[name] if known else match.group(0)

    return _written(state, command, "envsubst", _ENV_VARIABLE.sub(value, content), _Unknown((), None, False))


def _sed_texts(script: str) -> tuple[str, ...]:
    """Every text a sed script may write into a file: each ``s`` command's replacement and each ``a`` / ``i`` / ``c``
    command's text, read loosely (a script not understood may still hold one), escapes resolved."""
    found = [m.group(3) for m in re.finditer(r"s([^\\\w\s])((?:\\.|(?!\1).)*)\1((?:\\.|(?!\1).)*)\1", script)]
    found += [m.group(1) for m in re.finditer(r"(?:^|[;}/$\d])\s*[aic](?:\\\n?|[ \t]+)(.+)$", script, re.M)]
    texts: list[str] = []
    for raw in found:
        # `&` and `\1`..`\9` stand for text the line held (left out); `\n`, `\t` and escaped characters are written.
        text = re.sub(r"\\(.)|&", _sed_text_escape, raw)
        if text.strip() and text not in texts:
            texts.append(text)
    return tuple(texts)


def _sed_text_escape(match: re.Match[str]) -> str:
    escaped = match.group(1)
    return "" if escaped is None else _SED_TEXT_ESCAPES.get(escaped, escaped)


_SedCommand = tuple["re.Pattern[str]", str | None, int]  # (regexp, replacement template or None to delete, count)


def _sed_commands(script: str, extended: bool) -> list[_SedCommand] | None:
    """The ``s`` and ``/REGEXP/d`` commands of a sed script as Python regexps, or None when it holds anything else."""
    commands: list[_SedCommand] = []
    i = 0
    while i < len(script):
        c = script[i]
        if c in " \t\n;":
            i += 1
            continue
        if c == "s" and i + 1 < len(script) and script[i + 1] not in "\\\n":
            delimiter = script[i + 1]
            pattern, i = _sed_part(script, i + 2, delimiter)
            replacement, i = _sed_part(script, i, delimiter) if i >= 0 else ("", -1)
            if i < 0:
                return None
            flags = ""
            while i < len(script) and script[i] not in ";\n":
                flags += script[i]
                i += 1
            regexp = _sed_regexp(pattern, delimiter, extended)
            template = _sed_template(replacement, delimiter)
            if regexp is None or template is None or set(flags.strip()) - set("gI"):
                return None
            try:
                compiled = re.compile(regexp, re.I if "I" in flags else 0)
            except re.error:
                return None
            commands.append((compiled, template, 0 if "g" in flags else 1))
        elif c == "/":
            pattern, i = _sed_part(script, i + 1, "/")
            regexp = _sed_regexp(pattern, "/", extended) if i >= 0 else None
            if regexp is None or i >= len(script) or script[i] != "d":
                return None
            try:
                commands.append((re.compile(regexp), None, 0))
            except re.error:
                return None
            i += 1
        else:
            return None
    return commands or None


def _sed_part(script: str, i: int, delimiter: str) -> tuple[str, int]:
    """The text up to the next unescaped ``delimiter`` from ``i`` (escapes kept) and the index after it; -1 when the
    delimiter never comes."""
    out: list[str] = []
    while i < len(script):
        c = script[i]
        if c == "\\" and i + 1 < len(script):
            out.append(script[i : i + 2])
            i += 2
            continue
        if c == delimiter:
            return "".join(out), i + 1
        if c == "\n":
            return "", -1
        out.append(c)
        i += 1
    return "", -1


def _sed_regexp(pattern: str, delimiter: str, extended: bool) -> str | None:
    """A sed regexp as Python's: BRE's ``\\(`` ``\\)`` ``\\{`` ``\\}`` ``\\+`` ``\\?`` ``\\|`` are the operators and
    the bare characters literals (ERE: the other way round, as Python); bracket expressions as :func:`_sed_bracket`.
    None for a construct not translated (``\\<``, ``\\``` ...)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "[":
            bracket = _sed_bracket(pattern, i)
            if bracket is None:
                return None
            out.append(bracket[0])
            i = bracket[1]
            continue
        i += 1
        if c == "\\" and i < len(pattern):
            n = pattern[i]
            i += 1
            if n == delimiter:
                out.append(re.escape(n))
            elif n in "nt" or n.isdigit() or n in _CLASS_ESCAPES or n in ".*[]^$\\/":
                out.append("\\" + n)
            elif n in _BRE_ESCAPES:
                out.append(_BRE_ESCAPES[n] if not extended else "\\" + n)
            else:
                return None
        elif c in "+?(){}|" and not extended:
            out.append("\\" + c)
        elif c == "*" and not extended and (not out or out[-1] in ("^", "(")):
            out.append("\\*")  # a leading star is a literal in a BRE
        else:
            out.append(c)
    return "".join(out)


def _sed_bracket(pattern: str, i: int) -> tuple[str, int] | None:
    """The bracket expression opening at ``pattern[i]`` as Python's, and the index after it: a ``]`` first (after
    ``[`` or ``[^``) is a member, a backslash a literal, POSIX classes (``[:space:]``) spelled out; None when it never
    closes or names another class."""
    out = ["["]
    j = i + 1
    if pattern[j : j + 1] == "^":
        out.append("^")
        j += 1
    first = j
    while j < len(pattern):
        c = pattern[j]
        if c == "]" and j > first:
            return "".join(out) + "]", j + 1
        if pattern.startswith("[:", j):
            end = pattern.find(":]", j)
            cls = _POSIX_CLASSES.get(pattern[j + 2 : end]) if end > 0 else None
            if cls is None:
                return None
            out.append(cls)
            j = end + 2
            continue
        out.append(re.escape(c) if c in "\\[]" else c)
        j += 1
    return None


def _sed_template(replacement: str, delimiter: str) -> str | None:
    """A sed replacement as a template for :meth:`re.Pattern.sub`: ``&`` the match, ``\\1``..``\\9`` groups, ``\\n`` a
    newline; None for GNU's case conversions (``\\U``, ``\\L`` ...)."""
    out: list[str] = []
    i = 0
    while i < len(replacement):
        c = replacement[i]
        i += 1
        if c == "&":
            out.append("\\g<0>")
        elif c == "\\" and i < len(replacement):
            n = replacement[i]
            i += 1
            if n.isdigit():
                out.append(f"\\g<{n}>")
            elif n == "n":
                out.append("\n")
            elif n == "t":
                out.append("\t")
            elif n in ("&", "\\", delimiter) or not n.isalnum():
                out.append("\\\\" if n == "\\" else n)
            else:
                return None
        elif c == "\\":
            out.append("\\\\")
        else:
            out.append(c)
    return "".join(out)


def _sed_apply(commands: list[_SedCommand], content: str) -> str:
    lines: list[str] = []
    for line in content.split("\n")[:-1] if content.endswith("\n") else content.split("\n"):
        kept: str | None = line
        for regexp, template, count in commands:
            if kept is None:
                break
            if template is None:
                kept = None if regexp.search(kept) else kept
            else:
                kept = regexp.sub(template, kept, count=count)
        if kept is not None:
            lines.append(kept)
    return "".join(f"{line}\n" for line in lines)


def _words(line: str) -> list[str]:
    """A line's shell words, operators apart; a line shlex cannot read whole (a quote opened on another line, a
    stray backslash) is split at whitespace, so that no text is skipped."""
    if "`" in line:
        line = _backquotes_as_dollar(line)
    if "#" in line:
        line = _uncommented(line)
    quoted_substitution = '"$(' in line or (" $(" in line and line.count('"') > 3)
    masked = _nested_quotes_masked(line) if quoted_substitution else line  # falsealarm62
    if masked is not line:
        return [w.replace(_NESTED_QUOTE, '"') for w in _words(masked)]
    lexer = shlex.shlex(_glued_tails(line) if "$(" in line else line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = ""  # scripts57b: comments are cut by _uncommented, at a word's start only
    try:
        words = list(lexer)
    except ValueError:
        return line.split()
    if ")" in line and any(len(w) > 1 and ")" in w and _PUNCTUATION.issuperset(w) for w in words):
        # scripts53: shlex joins a run of operator characters into one word (`$(date);` gives `);`): a `)` is its own
        # word (bash(1): `)` and `;` are two operators), so that the substitution it closes ends there. falsealarm58
        # (stop 58): only such a run; a quoted word opening with a parenthesis (jq's `'(.r | length) as $n | ...'`)
        # is one word (it was cut at its `)`, the program unread: RES-011 for the home Region)
        words = [p for w in words for p in (_CLOSING.findall(w) if _PUNCTUATION.issuperset(w) and ")" in w else (w,))]
    if "{" in line and ("," in line or ".." in line):
        words = _braces_expanded(line, words)
    return words


# mutation66 (stop 66): bash(1) "Command Substitution": "Bash performs the expansion by executing command in a
# subshell environment and replacing the command substitution with the standard output of the command"; "If the
# substitution appears within double quotes, word splitting and pathname expansion are not performed on the results":
# the command runs quoted or not. A double-quoted substitution is one shell word (shlex keeps it whole), so its command
# was never read: `K="$(aws secretsmanager get-secret-value ... --region <abroad>)"`, `echo "$(psql -h <partner> ...)"`
# passed every door, where the same unquoted substitution was refused.
def double_quoted_substitutions(line: str) -> list[str]:
    """(mutation66) The commands of each command substitution (``$(...)``, a backquoted one written so first) that
    ``line`` holds inside double quotes, outermost ones only (a nested one is read when its text is), each the text
    between the parentheses; none inside single quotes (text, never run). [] where there is none."""
    if "`" in line:
        line = _backquotes_as_dollar(line)
    if "$(" not in line or '"' not in line:
        return []
    found: list[str] = []
    taken = 0
    for a, b, kind in quoting_spans(line):
        at = line.find("$(", max(a, taken), b) if kind == '"' else -1
        while at >= 0:
            substitution = None if line.startswith("$((", at) else substitution_at(line, at)
            if substitution is not None:
                found.append(substitution[2:-1])
                taken = at + len(substitution)
            at = line.find("$(", max(at + 2, taken), b)
    return found


# falsealarm62 (stop 62): bash(1) "Command Substitution": "When using the $(command) form, all characters between the
# parentheses make up the command; none are treated specially", inside double quotes too: `--region "$(curl -sf -H
# "X-aws-ec2-metadata-token: $T" <IMDS>/placement/region || echo us-west-2)"` is one word. shlex closed the outer
# quote at the inner one and cut the word at the header's blank (`$(curl -sf -H X-aws-ec2-metadata-token:`): a
# substitution left open, which no reader judged (passed every door with the Region abroad; `aws configure set region
# "$(curl ... "...: $TOKEN" ...)"` read its last word `<IMDS>/...)`, RES-011 at home). The double quotes inside such a
# substitution are masked while shlex reads the line, then written back.
_NESTED_QUOTE = "\ue000"
_MAX_NESTED_QUOTED = 8
"""The double-quoted substitutions holding double quotes :func:`_nested_quotes_masked` masks in a line at most."""


def _nested_quotes_masked(line: str) -> str:
    """(falsealarm62) ``line`` with the double quotes inside each command substitution that a double-quoted span opens
    and that runs past the span's end (:func:`quoting_spans` closes the span at the substitution's first inner quote)
    written :data:`_NESTED_QUOTE`; ``line`` itself (the same object) where there is none, or past
    :data:`_MAX_NESTED_QUOTED` (left as before)."""
    out = line
    for _ in range(_MAX_NESTED_QUOTED):
        for a, b, kind in quoting_spans(out):
            at = out.find("$(", a, b) if kind == '"' else -1
            substitution = substitution_at(out, at) if at >= 0 else None
            if substitution is not None and at + len(substitution) > b:
                out = out[:at] + substitution.replace('"', _NESTED_QUOTE) + out[at + len(substitution) :]
                break
        else:
            return out
    return line


# scripts58b (stop 58): the one walk of shell quoting (bash(1) "QUOTING") that the script reader's quote-aware readers
# share: unquoted text, an escape (`\x` outside single quotes), a single-quoted span (no escape inside), a
# double-quoted one (escapes and backquotes inside it apart), and, when asked, a comment and a backquoted
# substitution. Each reader keeps its own action on the spans (drop, cut, rewrite, blank); none walks quotes itself.
_UNQUOTED_STOPS = {
    (False, False): re.compile(r"[\\'\"]"),
    (True, False): re.compile(r"[\\'\"#]"),
    (False, True): re.compile(r"[\\'\"`]"),
    (True, True): re.compile(r"[\\'\"#`]"),
}
_DOUBLE_QUOTED_STOPS = {False: re.compile(r'[\\"]'), True: re.compile(r'[\\"`]')}


def quoting_spans(
    text: str, start: int = 0, end: int | None = None, *, comments: bool = False, backquotes: bool = False
) -> Iterator[tuple[int, int, str]]:
    """(scripts58b) ``text[start:end]`` cut into ``(start, end, kind)`` spans, in order and covering it: ``""``
    unquoted text; ``"\\"`` a backslash and the character it escapes (outside single quotes; bash(1): "A non-quoted
    backslash ... preserves the literal value of the next character", in double quotes too for the purpose of finding
    the closing quote); ``"'"`` a single-quoted span with its quotes ("Enclosing characters in single quotes preserves
    the literal value of each character"); ``'"'`` double-quoted text with its quotes, an escape or backquote inside
    it a span of its own; with ``comments``, ``"#"`` a comment (an unquoted ``#`` at a word's start: the text's
    start or after a :data:`_WORD_ENDS` character, to its line's end, the newline not included; bash(1) "Comments");
    with ``backquotes``, ``"`"`` a backquoted substitution with its backquotes, outside single quotes (its inside
    is not walked, as bash(1)'s "old-style backquote form" ends at the next unescaped backquote). A quote, comment or
    backquote that does not close runs to ``end``. Readers test a span's kind and closing character, never walk
    quotes themselves: :func:`_uncommented`, :func:`without_single_quoted`, :func:`_backquotes_as_dollar`,
    :func:`_jq_comments_blanked`."""
    end = len(text) if end is None else end
    unquoted, double = _UNQUOTED_STOPS[comments, backquotes], _DOUBLE_QUOTED_STOPS[backquotes]
    run, i, inside = start, start, False  # inside: within double quotes, from `run`
    while i < end:
        stop = (double if inside else unquoted).search(text, i, end)
        if stop is None:
            break
        j, c = stop.start(), text[stop.start()]
        kind = '"' if inside else ""
        if c == "#" and j > 0 and text[j - 1] not in _WORD_ENDS:
            i = j + 1  # a `#` inside a word (`a#b`, `$#`, `${#A}`) is text
            continue
        if c == '"':
            if inside:
                yield run, j + 1, '"'
                run, i, inside = j + 1, j + 1, False
            else:
                if run < j:
                    yield run, j, ""
                run, i, inside = j, j + 1, True
            continue
        if run < j:
            yield run, j, kind
        if c == "\\":
            close = min(j + 2, end)
        elif c == "#":
            newline = text.find("\n", j, end)
            close = end if newline < 0 else newline
        else:  # a single quote (unquoted) or a backquote
            found = text.find(c, j + 1, end)
            close = end if found < 0 else found + 1
        yield j, close, "\\" if c == "\\" else c
        run = i = close
    if run < end:
        yield run, end, '"' if inside else ""


def _closed(text: str, start: int, end: int) -> bool:
    """Whether the quoted span ``text[start:end]`` (:func:`quoting_spans`) ends with the quote it opens with."""
    return end - start >= 2 and text[end - 1] == text[start]


def _uncommented(line: str) -> str:
    """(scripts57b) ``line`` without its comments: bash(1) "Comments": "a word beginning with # causes that word and
    all remaining characters on that line to be ignored". Only an unquoted ``#`` at a word's start (the line's start,
    after a blank or an operator character) opens one, to the end of its line; a ``#`` inside a word (``a#b``,
    ``${!#}``, ``${R#eu-}``, ``$#``) is text. Python's shlex cut the line at any ``#``, so that the rest of a line
    after ``echo a#b;`` or a one-line function's ``${!#}`` was never read. scripts58b: the spans of
    :func:`quoting_spans`, its comments dropped."""
    return "".join(line[a:b] for a, b, kind in quoting_spans(line, comments=True) if kind != "#")


def without_single_quoted(text: str) -> str:
    """(fnros55) ``text`` with each single-quoted span's characters dropped (bash(1) "Quoting": "Enclosing characters
    in single quotes preserves the literal value of each character within the quotes"): a ``$`` inside one is no
    reference (``jq -r 'reduce .t[] as $t (...)'``, ``jq -n '$ENV.R'``). Quotes inside double quotes and escaped
    ones are kept, as :func:`_backquotes_as_dollar` reads them. scripts58b: the spans of :func:`quoting_spans`, the
    single-quoted ones dropped (comments are not read: a caller passes a line's text before a substitution, or a
    substitution's)."""
    if "'" not in text:
        return text
    return "".join(text[a:b] for a, b, kind in quoting_spans(text) if kind != "'")


def _backquotes_as_dollar(line: str) -> str:
    """``line`` with each backquoted command substitution outside single quotes written ``$(...)`` (bash(1) "Command
    Substitution": "$(command) or `command`", the same substitution), so that the one splitter reads both forms; a
    backquote that does not close leaves the line as written. scripts58b: the spans of :func:`quoting_spans`."""
    out: list[str] = []
    for a, b, kind in quoting_spans(line, backquotes=True):
        if kind != "`":
            out.append(line[a:b])
        elif not _closed(line, a, b):
            return line
        else:
            out.append(f"$({line[a + 1 : b - 1]})")
    return "".join(out)


# scripts59 (stop 59): bash(1) "QUOTING": "Character sequences of the form $'string' are treated as a special kind of
# single quotes. The sequence expands to string, with backslash-escaped characters in string replaced as specified by
# the ANSI C standard" (\a \b \e \E \f \n \r \t \v \\ \' \" \? \nnn octal, \xHH, \uHHHH, \UHHHHHHHH, \cx).
# `--region $'us-west-2'` and `curl $'https://h\x2eexample.com/'` passed every door (read as `$` and a
# single-quoted word: an unset variable's placeholder).
_ANSI_C_ESCAPE = re.compile(
    r"\\(?:([abeEfnrtv\\'\"?])|([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8})|c(.))"
)
_ANSI_C_LETTERS = {"a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                   "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}  # fmt: skip


def _ansi_c_decoded(match: re.Match[str]) -> str:
    """One backslash escape of a ``$'...'`` word as bash(1) "QUOTING" expands it."""
    letter, octal, hexa, short, long, control = match.groups()
    if letter is not None:
        return _ANSI_C_LETTERS[letter]
    if control is not None:
        return chr(ord(control) & 0x1F)
    number = int(octal, 8) & 0xFF if octal else int(hexa or short or long, 16)
    return chr(number) if number <= sys.maxunicode else "\ufffd"


def ansi_c_quoted_written(script: str) -> str:
    """(scripts59) ``script`` with each ANSI-C quoted word outside quotes (``$'eu-west-1'``, ``$'h\\x2eexample.com'``)
    written as the single-quoted word it expands to (``'eu-west-1'``), which every reader reads. scripts60b (stop 60):
    a word whose expansion holds a single quote or a control character and a letter or digit (``$'us-west-2\\n'``,
    ``$'us-west-2\\''``) is written ``"$(...)"`` of :data:`UNREAD_ANSI_C`, a substitution no evaluator computes: no
    Region or host name a client accepts holds one (botocore and curl refuse it), but the reader proves nothing of it
    either, so a destination fails it closed (RES-011 / RES-015); stop 59 left it as written, and a Region abroad so
    written passed every door. One of separators only (``IFS=$'\\n'``, ``-d $'\\t'``) and an ``IFS=`` value are left
    as written (the readers of IFS read that form). A word's end is found past its ``\\'`` escapes
    (:func:`_ansi_c_end`). Gate: ``$'``. scripts61 (stop 61): a here-string's word of several lines as the printf of
    its lines (:func:`_here_string_lines`), and a default's word inside double quotes (:func:`_quoted_default_ansi_c`).
    """
    if "$'" not in script:
        return script
    if "${" in script and (defaults := list(_QUOTED_DEFAULT_ANSI_C.finditer(script))):
        # scripts61: a default's ANSI-C word inside double quotes (a match starting in a double-quoted span)
        quoted = [(a, b) for a, b, kind in quoting_spans(script) if kind == '"']
        for m in reversed(defaults):
            if any(a < m.start() < b for a, b in quoted):
                script = script[: m.start()] + _quoted_default_ansi_c(m) + script[m.end() :]
    out: list[str] = []
    before = "\\"  # the kind of the span before (an escaped `\\$` opens no ANSI-C quoting)
    at = 0
    while at < len(script):
        restart = None
        for a, b, kind in quoting_spans(script, at):
            text = script[a:b]
            dollar = before == "" and out[-1].endswith("$") and not out[-1].endswith("$$")
            before = kind
            end = _ansi_c_end(script, a) if kind == "'" and dollar else None
            if end is None:
                out.append(text)
                continue
            raw = script[a + 1 : end - 1]
            word = _ANSI_C_ESCAPE.sub(_ansi_c_decoded, raw) if "\\" in raw else raw
            if "'" not in word and word.isprintable():
                out[-1] = out[-1][:-1]
                out.append(f"'{word}'")
            elif "'" not in word and _HERE_STRING_BEFORE.search(out[-1]) and (lines := _here_string_lines(word)):
                out[-1] = out[-1][:-1]
                out.append(lines)  # scripts61: lines of plain text, each read
            elif "'" not in word and _HERE_STRING_BEFORE.search(out[-1]) and not word.strip("\t\n").isprintable():
                out.append(script[a:end])  # a here-string of other control characters: as written (as before)
            elif "'" not in word and _HERE_STRING_BEFORE.search(out[-1]):
                # a here-string's word of lines and tabs (`<<< $'fleet\\teu-west-1'`): bash(1) "Here Strings": the
                # word is supplied to the command as one string, single-quoted so here (a newline in it kept)
                out[-1] = out[-1][:-1]
                out.append(f"'{word}'")
            elif any(c.isalnum() for c in word) and _IFS_ASSIGNED.search(out[-1]) is None:
                out[-1] = out[-1][:-1]
                out.append(f'"{UNREAD_ANSI_C}"')
            else:
                out.append(script[a:end])
            if end != b:  # a `\\'` inside: the spans after it were read from the wrong quote
                restart = end
                break
        if restart is None:
            break
        at, before = restart, "'"
    return "".join(out)


def locale_quoted_written(script: str) -> str:
    r"""(scripts61) ``script`` with each locale-quoted word outside quotes (``$"us-west-2"``) written as the
    double-quoted word it is without a message catalogue (bash(1) "Locale-Specific Translation": "A double-quoted
    string preceded by a dollar sign ($) will cause the string to be translated according to the current locale ... If
    the current locale is C or POSIX, or if there are no translations available, the dollar sign is ignored"): the
    readers read ``$"`` as a ``$`` before a quoted word, so ``R=$"us-west-2"`` held nothing and a Region abroad passed
    every door. A message catalogue the machine has may translate the string: not read (a boot script has none). An
    escaped ``\$``, ``$$`` and a ``$"`` inside double quotes (a ``$`` before the closing quote) are left. Gate:
    ``$"``."""
    if '$"' not in script:
        return script
    out: list[str] = []
    before = "\\"
    for a, b, kind in quoting_spans(script):
        if kind == '"' and before == "" and out and out[-1].endswith("$") and not out[-1].endswith("$$"):
            out[-1] = out[-1][:-1]
        out.append(script[a:b])
        before = kind
    return "".join(out)


# scripts61 (stop 61): `eval "RS=(a b)"` (bash(1) "eval": "The args are read and concatenated together into a single
# command. This command is then read and executed by the shell"): an array's compound assignment, an element's or a
# `declare` of one given to eval as one quoted word (the readers of arrays read `NAME=(` where a command starts, and the
# eval's word was none: RS held nothing and a Region abroad passed every door; `eval "R=WORD"` was read).
_EVAL_ARRAY = re.compile(
    r"(?<![^\s;&|(])eval[ \t]+([\"'])((?:(?:declare|typeset|local|readonly)[ \t]+(?:-[aAgr]+[ \t]+)*)?"
    r"[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]\n\"'`\\]*\])?\+?=\(?[^\n\"'`\\]*)\1(?=[ \t]*(?:$|[;&|)#]))",
    re.M,
)


def eval_arrays_written(script: str) -> str:
    """(scripts61) ``script`` with each ``eval`` of one quoted array assignment (:data:`_EVAL_ARRAY`: ``eval
    "RS=(a b)"``, ``eval "RS[$i]=a"``, ``eval 'declare -A M=([k]=v)'``) written as the assignment it runs, padded to
    the same length. A word holding a quote, a backquote or a backslash is left (eval would read them again). Gate:
    ``eval``."""
    if "eval" not in script:
        return script
    return _EVAL_ARRAY.sub(lambda m: f"{' ' * (m.start(2) - m.start())}{m.group(2)} ", script)


def _here_string_lines(word: str) -> str | None:
    """(scripts61) A here-string's ANSI-C word of several printable lines (``<<< $'eu-west-1\\nus-west-2'``) written as
    the ``printf`` substitution of its lines (a trailing newline dropped: the here-string adds one), which the one
    evaluator computes and the here-string readers read line by line (:func:`multiline_assignments_written`'s form);
    single-quoted, it held nothing for a ``while read`` loop, ``mapfile`` or ``read`` (a Region abroad on a line passed
    every door, left as written). None for a word with a tab or another control character, or no newline (read as
    before)."""
    lines = word.removesuffix("\n").split("\n")
    if "\n" not in word or not all(line.isprintable() for line in lines):
        return None
    return "\"$(printf '%s\\n' " + " ".join(f"'{line}'" for line in lines) + ')"'


# scripts61 (stop 61): an ANSI-C word as a default's word inside double quotes (`"${R:-$'us-west-2'}"`; bash(1)
# "extquote": "$'string' and $"string" quoting is performed within ${parameter} expansions enclosed in double quotes.
# This option is enabled by default"): the readers read it as written (a Region abroad passed every door).
_QUOTED_DEFAULT_ANSI_C = re.compile(r"(\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=+?])\$'((?:[^'\\\n]|\\[^\n])*)'\}")


def _quoted_default_ansi_c(m: re.Match[str]) -> str:
    """(scripts61) ``${NAME:-$'...'}`` inside double quotes written with the word it expands to, where that is
    printable text with no quote, blank, ``$``, backquote, brace or backslash; :data:`UNREAD_ANSI_C` where it holds a
    control character and a letter or digit (fail closed, as outside quotes); as written otherwise."""
    raw = m.group(2)
    word = _ANSI_C_ESCAPE.sub(_ansi_c_decoded, raw) if "\\" in raw else raw
    if word.isprintable() and not any(c in word for c in " '\"$`{}\\"):
        return f"{m.group(1)}{word}}}"
    if not word.isprintable() and any(c.isalnum() for c in word):
        return f"{m.group(1)}{UNREAD_ANSI_C}}}"
    return m.group(0)


UNREAD_ANSI_C = "$(an ANSI-C quoted word holding a control character or a quote)"
"""(scripts60b) What :func:`ansi_c_quoted_written` writes for an ANSI-C word expanding to a control character or a
quote: a substitution no evaluator computes, so that a destination fails it closed."""
_IFS_ASSIGNED = re.compile(r"(?:^|[\s;&|(])IFS=\$\Z")
_HERE_STRING_BEFORE = re.compile(r"<<<[ \t]*\$\Z")


def _ansi_c_end(script: str, start: int) -> int | None:
    """(scripts60b) The offset after the quote closing the ANSI-C word whose opening quote is at ``start`` (bash(1)
    "QUOTING": ``\\'`` and ``\\\\`` are escapes inside it, so ``$'it\\'s'`` is one word), or None where it does not
    close."""
    i = start + 1
    while i < len(script):
        c = script[i]
        if c == "\\":
            i += 2
            continue
        if c == "'":
            return i + 1
        i += 1
    return None


# scripts53: the mark before a word's text that follows a command substitution's `)` with no blank between (bash(1)
# "Command Substitution": "Bash performs the expansion by executing command ... and replacing the command substitution
# with the standard output of the command"; the output and the text around it are one word, unless quoted apart by
# word splitting). shlex reads `$(echo eu-west-1)a` as `$`, `(`, ..., `)`, `a`, as it reads `$(echo eu-west-1) a`:
# the mark (a character no script holds, a word character for shlex) tells the splitter the two are one word.
_GLUED = "\x01"


def _glued_tails(line: str) -> str:
    """``line`` with :data:`_GLUED` after each unquoted command substitution's ``)`` that a word's text follows
    directly (``--availability-zone $(...)a``, ``-h $(echo db).example.com``)."""
    marks: list[int] = []
    quote, i = "", 0
    while i < len(line):
        c = line[i]
        if c == "\\" and quote != "'":
            i += 2
            continue
        if c in "'\"" and quote in ("", c):
            quote = "" if quote == c else c
        elif not quote and line.startswith("$(", i):
            substitution = substitution_at(line, i)
            if substitution is None:
                break
            after = i + len(substitution)
            if after < len(line) and line[after] not in _WORD_ENDS:
                marks.append(after)  # a substitution inside it is met later, its mark before this one
        i += 1
    if not marks:
        return line
    cuts = [0, *sorted(marks), len(line)]
    return _GLUED.join(line[a:b] for a, b in itertools.pairwise(cuts))


_WORD_ENDS = frozenset(" \t\r\n;&|<>()")  # bash(1) "metacharacter": what ends a word unquoted
_PUNCTUATION = frozenset("();<>|&")  # shlex's punctuation_chars: a run of them is one word
_CLOSING = re.compile(r"\)|[^)]+")


class _SimpleCommand(NamedTuple):
    """A simple command of a line: its words (without redirections and their files) and the files it reads and
    writes through redirections."""

    words: list[str]
    stdin: str | None
    """The file it reads on standard input: ``< FILE``, a here-document, or ``cat FILE |`` before it."""
    stdout: str | None
    """The file its output is redirected to (``> FILE``, ``>> FILE``, ``>| FILE``)."""
    append: bool
    """``>>``: the output is appended to the file."""


@dataclasses.dataclass
class _Building:
    """A simple command :func:`_simple_commands` is reading: its words so far and its redirections."""

    words: list[str] = dataclasses.field(default_factory=list)
    stdin: str | None = None
    stdout: str | None = None
    append: bool = False
    piped: str | None = None
    """The file ``cat FILE |`` before it gives it on standard input."""
    opened: int = 0
    """The parentheses opened and not closed since it began (a subshell inside a command substitution)."""

    def done(self) -> _SimpleCommand | None:
        return _SimpleCommand(self.words, self.stdin or self.piped, self.stdout, self.append) if self.words else None

    def redirect(self, operator: str, target: str | None) -> None:
        """``operator`` (``>``, ``<``, ``<<`` ...) and its file; a descriptor's digit before it (``2>``) is no operand,
        and another descriptor than the output redirects nothing the readers follow."""
        if self.words and self.words[-1].isdigit():
            self.words.pop()
        elif operator in (">", ">|", ">>"):
            self.stdout, self.append = target, operator == ">>"
        elif operator == "<":
            self.stdin = target
        elif operator in ("<<", "<<-"):
            self.stdin = _HEREDOC_INPUT


def _bare_loop_do(word: str, current: _Building) -> bool:
    """(mutation66b, stop 66) Whether ``word`` is the ``do`` of ``for NAME do COMMAND`` (bash's grammar: the ``;``
    before ``do`` is optional where ``in`` is omitted): the loop's body starts after it, as after ``for NAME; do``
    (``COMMAND`` was read as an operand of a ``for`` command)."""
    return word == "do" and len(current.words) == 2 and current.words[0] in ("for", "select")


_PROCESS_SUBSTITUTIONS = frozenset({"<(", ">("})
"""(scripts62) A process substitution's opening word (shlex keeps the run of operator characters as one word): bash(1)
"Process Substitution", ``<(list)`` / ``>(list)``: "The process list is run asynchronously", so its commands are
commands of their own (``done < <(aws ... --region "$R")`` was read as the words of ``done``: the ``aws`` command
never)."""


def _simple_commands(words: list[str]) -> Iterator[_SimpleCommand]:
    """The simple commands of a line's words (:func:`_words`): split at ``;``, ``&&``, ``||``, ``|``, ``&``,
    parentheses and ``$(``, up to a comment; each redirection and its file left out of the words (a descriptor's digit
    with it: ``2>/dev/null``, ``2>&1``) and kept as the command's input or output. The one splitter: the host reader
    (:class:`ScriptReader`) reads the words, the file readers (:func:`edited_files`) the redirections too
    (scripts46: two splitters differed only in the descriptor's digit, left as an operand by the host reader's).
    A command substitution's commands are commands of their own, and after its ``)`` the command around it goes on
    (bash(1) "Command Substitution": the output replaces the substitution inside its word; `psql -U $(whoami) -h
    db.example.com`: `-h` is psql's, stop 51), the substitution's value one ``$(...)`` word, not known, as an unset
    ``$VAR`` is."""
    current = _Building()
    outer: list[_Building] = []  # the commands the open substitutions interrupted
    bodies: list[list[str]] = []  # the words of each open substitution, as written (scripts52)
    i = 0
    while i < len(words):
        word = words[i]
        i += 1
        for body in bodies:
            body.append(word)
        if word[-1:] == "$" and words[i : i + 1] == ["("]:  # "$(" is read as "$", "(": a command substitution starts
            i += 1
            for body in bodies:
                body.append("(")
            # `--region=$(...)`: the word goes on in the substitution's value
            current.words.append(f"{word.removeprefix(_GLUED)}(...)")
            outer.append(current)
            bodies.append([])
            current = _Building()
        elif word == ")" and outer and not current.opened:
            if (command := current.done()) is not None:
                yield command
            current = outer.pop()
            # scripts52: the word holds the substitution as written (its words joined again), so that its value can
            # be computed where the word is a destination (`--region $(echo eu-west-1)`: substitution_values).
            current.words[-1] = f"{current.words[-1].removesuffix('(...)')}({_joined_words(bodies.pop()[:-1])})"
            glued = words[i] if i < len(words) and words[i][:1] == _GLUED else None
            if glued is not None and not (glued[-1] == "$" and words[i + 1 : i + 2] == ["("]):  # scripts53: `$(...)a`
                for body in bodies:
                    body.append(words[i])
                current.words[-1] += words[i][1:]
                i += 1
        elif word in _SEPARATORS or word == "$" or word in _PROCESS_SUBSTITUTIONS or _bare_loop_do(word, current):
            word = "(" if word in _PROCESS_SUBSTITUTIONS else word  # scripts62: `<(list)` runs its list
            if (command := current.done()) is not None:
                yield command
            piped = current.words[1] if word == "|" and len(current.words) == 2 and current.words[0] == "cat" else None
            opened = current.opened + (word == "(") - (word == ")" and current.opened > 0)
            current = _Building(piped=piped, opened=opened)
        elif word in _REDIRECTS or (word[:1] in ("<", ">") and set(word) <= set("<>&|")):
            if words[i : i + 1] and words[i] in _PROCESS_SUBSTITUTIONS:
                current.redirect(word, None)  # scripts62: `done < <(list)`: the list's output, no file
                continue
            current.redirect(word, words[i] if i < len(words) else None)
            i += 1
        else:  # scripts57b: a word `#...` here was quoted or escaped (`_words` cuts comments): text, no comment
            current.words.append(word.removeprefix(_GLUED))
    for building in (current, *reversed(outer)):  # and the commands of a substitution not closed on the line
        if (command := building.done()) is not None:
            yield command


def _after_brace(words: list[str], start: int) -> list[str] | None:
    """The words after the ``{`` that opens an nginx block directive on its line (config53): nginx's tokenizer ends a
    word at ``{`` ("a block directive ... instead of the semicolon ... ends with a set of additional instructions
    surrounded by braces", https://nginx.org/en/docs/beginners_guide.html#conf_structure), so the brace may be a word
    of its own (``location ~ \\.php$ {``), glued to the next directive (``{server``) or to the last parameter
    (``location /api{``). None when no brace follows: the entry is then read as a command of its own (chrony's
    ``server``). A shell's ``${`` is no brace."""
    for j in range(start, len(words)):
        word = words[j]
        at = word.find("{")
        if at < 0 or word[at - 1 : at] == "$":
            continue
        rest = word[at + 1 :]
        return ([rest] if rest else []) + words[j + 1 :]
    return None


def _joined_words(words: list[str]) -> str:
    """Shell words (:func:`_words`) written as one line again: each word quoted where it needs it, operators as they
    are, ``$`` ``(`` back to ``$(``, no blank inside parentheses."""
    text = ""
    for word in words:
        if word[:1] == _GLUED:  # scripts53: the text right after a substitution's `)`, one word with it
            text += shlex.quote(word[1:])
        elif word in _SEPARATORS or word in _REDIRECTS or word == "$":
            glued = word == ")" or text.endswith(("$", "(")) or not text
            text += word if glued else f" {word}"
        else:
            text += shlex.quote(word) if text.endswith("(") or not text else f" {shlex.quote(word)}"
    return text


def _read(command: str, form: str, value: str) -> Iterator[ScriptHost]:
    """The hosts ``value`` names in the catalogued ``form``."""
    for part in _FORMS[form](value.strip()):
        host = part.strip()
        if host:
            # A value naming another host beside its destination (curl --resolve's name, often a cloud host the scan
            # judges) is no word to leave to the scan: the destination is its own word.
            zone = form.removesuffix("-zone") if form.endswith("-zone") else None
            region = form in _REGION_FORMS or (form == "log-opt" and value.startswith(_LOG_OPT_REGION))
            word = host if form in _BESIDE else value
            account, policy = form == "alicloud-account", form == "alicloud-policy"
            replication, bucket_policy = form == "oss-replication", form == "oss-policy"
            encoded = _beat_encoding(value) if form == "beat-setting" else ""
            yield ScriptHost(command, word, host, region, zone, account=account, policy=policy, replication=replication,
                             bucket_policy=bucket_policy, cors=form == "oss-cors", encoded=encoded)  # fmt: skip


def _resolve(value: str) -> list[str]:
    # curl --resolve [+]host:port:addr[,addr]... (a leading "-" removes an entry: no address); IPv6 in brackets.
    if value.startswith("-"):
        return []
    parts = value.lstrip("+").split(":", 2)
    return [a.strip().strip("[]") for a in parts[2].split(",")] if len(parts) == 3 else []


_CONNECT_TO = re.compile(r"^(?:\[[^\]]*\]|[^:]*):[^:]*:(\[[^\]]*\]|[^:]*):")


def _connect_to(value: str) -> list[str]:
    # curl --connect-to HOST1:PORT1:HOST2:PORT2; an empty HOST2 keeps the URL's host.
    m = _CONNECT_TO.match(value)
    return [m.group(1).strip("[]")] if m else []


def _region(value: str) -> list[str]:
    return [value]  # a cloud CLI's --region: judged by the engine as a region, not a host


# agents62 (stop 62): the network suffixes of the Logtail / LoongCollector installer's Region argument (SLS "Install
# LoongCollector on Linux", https://help.aliyun.com/zh/sls/loongcollector-installation-linux: `./loongcollector.sh
# install ${region_id}` over the internal network, `${region_id}-internet` over the internet,
# `${region_id}-acceleration` through transfer acceleration, "${region_id}需替换为Project所属地域的RegionID";
# `install-local` the same).
_SLS_NETWORKS = re.compile(r"-(?:internet|acceleration|intranet)$")


def _sls_region(value: str) -> list[str]:
    # agents62: the Project's Region without its network suffix, judged as a region; `auto` is the machine's own
    # Region (the installer finds it), no destination of its own
    return [] if value == "auto" else [_SLS_NETWORKS.sub("", value)]


_LOG_OPT_REGION = "awslogs-region="
"""docker's ``--log-opt`` key whose value is a Region (read as ``region``)."""
_LOG_OPT_ADDRESSES = frozenset({"fluentd-address", "gelf-address", "syslog-address", "splunk-url"})
"""config53: docker's ``--log-opt`` keys whose value is where the log driver sends every line the container writes:
fluentd "fluentd-address: ... ex fluentdhost:24224" (https://docs.docker.com/engine/logging/drivers/fluentd/), gelf
"gelf-address ... the address of the GELF server" (https://docs.docker.com/engine/logging/drivers/gelf/), syslog
"syslog-address ... [tcp|udp|tcp+tls]://host:port" (https://docs.docker.com/engine/logging/drivers/syslog/), splunk
"splunk-url: Path to your Splunk Enterprise, self-service Splunk Cloud instance, or Splunk Cloud managed cluster"
(https://docs.docker.com/engine/logging/drivers/splunk/). The same keys in a daemon.json's ``log-opts`` are host keys of
the key catalogue."""


def _log_opt(value: str) -> list[str]:
    # docker run --log-opt KEY=VALUE: the awslogs driver's `awslogs-region` is the Region CloudWatch Logs receives the
    # container's output in (https://docs.docker.com/engine/logging/drivers/awslogs/#awslogs-region); config53: an
    # address key's host, written without a scheme (`fluentd-address=host:24224`), read as curl's URL is (one with a
    # scheme, `udp://host:514`, is the reference scan's; a UNIX socket, `unix:///var/run/fluent.sock`, names no host).
    key, equals, rest = value.partition("=")
    if not equals:
        return []
    key = key.strip().lower()
    if key == _LOG_OPT_REGION[:-1]:
        return [rest]
    return _url(rest.strip()) if key in _LOG_OPT_ADDRESSES else []


# config64 (stop 64): a Beat's `-E <setting>=<value>` ("Overrides a specific configuration setting", Filebeat "Override
# configuration settings at the command line"; "metricbeat -e -E cloud.id="<cloud-id>" -E cloud.auth=..." on the Beats'
# "Configure the output for Elastic Cloud Hosted"), the settings naming where the Beat sends: `cloud.id` (the Elastic
# Cloud cluster it encodes, references.elastic_cloud_host, the one decoder every cloud id is read by) and an output's
# `hosts` / setup.kibana's `host` (a host or a YAML flow list of hosts, `["a:9200","b:9200"]`).
_BEAT_HOST_SETTINGS = re.compile(r"output\.[a-z_]+\.hosts?|setup\.kibana\.host")


def _beat_setting(value: str) -> list[str]:
    # config64: a cloud id that does not decode (a variable's value no reader computed) is kept as written: judged as a
    # host holding it (unproven), not dropped
    key, equals, rest = _pflag_short_value(value).partition("=")
    key, rest = key.strip().lower(), rest.strip().strip("\"'")
    if not equals or not rest:
        return []
    if key == "cloud.id":
        return [elastic_cloud_host(rest) or rest]
    if _BEAT_HOST_SETTINGS.fullmatch(key):
        items = (i.strip().strip("\"'") for i in rest.strip("[]").split(","))
        return [h for i in items if i for h in _url(i)]
    return []


def _beat_encoding(value: str) -> str:
    # the lead (stop 64): the encoding of a Beat setting's value (`cloud.id`: an Elastic Cloud id), for a variable in it
    # (ScriptHost.encoded); the other settings are hosts as written
    return "elastic-cloud-id" if _pflag_short_value(value).partition("=")[0].strip().lower() == "cloud.id" else ""


def _pflag_short_value(value: str) -> str:
    # config65b (stop 65): the Beats' `-E` is a Go flag their cobra root command adds to its pflag set
    # (libbeat/cmd/root.go `rootCmd.PersistentFlags().AddGoFlag(flag.CommandLine.Lookup("E"))`; a one-letter Go flag
    # becomes the pflag shorthand), and pflag's parseSingleShortArg reads `-E=VALUE` as the value after the `=`
    # ("if len(shorthands) > 2 && shorthands[1] == '=' { value = shorthands[2:] }"): `-E=cloud.id=<id>` passed
    # every door (the attached value was read as `=cloud.id=...`, no setting). `-Ecloud.id=<id>` is as before.
    return value[1:] if value[:1] == "=" else value


def _hosts(value: str) -> list[str]:
    return value.split(",")  # libpq takes a comma-separated host list; Kafka a bootstrap list


def _replica_set(value: str) -> list[str]:
    return value.rsplit("/", 1)[-1].split(",")  # mongosh --host rs0/a:27017,b:27017


def _sqlserver(value: str) -> list[str]:
    # sqlcmd -S [tcp:|np:|lpc:]server[\instance][,port]; np:\\server\pipe\...
    body = value.split(":", 1)[1] if re.match(r"^(?:tcp|np|lpc|admin):", value, re.IGNORECASE) else value
    body = body.lstrip("\\")
    return [re.split(r"[\\,]", body, maxsplit=1)[0]]


def _ssh(value: str) -> list[str]:
    # ssh [user@]host, -J [user@]host[:port][,...]; an ssh:// URL is the URL scan's.
    if "://" in value:
        return []
    hosts = []
    for part in value.split(","):
        host = part.rsplit("@", 1)[-1]
        hosts.append(host[: host.find("]") + 1] if host.startswith("[") else host.split(":", 1)[0])
    return hosts


def _remote(value: str) -> list[str]:
    # scp / rsync [user@]host:path and rsync host::module; a word without ':' (or with '/' first) is a local path.
    if "://" in value or ":" not in value:
        return []
    host = value.split(":", 1)[0].rsplit("@", 1)[-1]
    return [] if "/" in host or host.startswith("[") else [host]


def _image(value: str) -> list[str]:
    # Docker's rule (https://docs.docker.com/reference/cli/docker/image/tag/#description): the first component of a
    # name is a registry host when it holds a "." or ":" or is "localhost"; otherwise the image is Docker Hub's.
    # docker://registry/image (podman's transport) is a URL: the reference scan's.
    if "://" in value:
        return []
    first, slash, _ = value.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        return [first]
    return ["docker.io"] if value and not value.startswith("$") else []


def _host(value: str) -> list[str]:
    return [value]


def _host_port(value: str) -> list[str]:
    # config54b: redis-server --replicaof "host port" (its configuration directive's two arguments in one word, as
    # redis.conf writes them) or the host alone (the port the next word): the first word is the host.
    return value.split(None, 1)[:1]


def _url(value: str) -> list[str]:
    # curl / wget [user[:password]@]host[:port][/path][?query]: a URL without a scheme, guessed as http. One with a
    # scheme is the reference scan's.
    if "://" in value:
        return []
    return [re.split(r"[/?#]", value, maxsplit=1)[0].rsplit("@", 1)[-1]]


_FORMS = {
    "host": _host,
    "host-port": _host_port,
    "hosts": _hosts,
    "replica-set": _replica_set,
    "sqlserver": _sqlserver,
    "ssh": _ssh,
    "remote": _remote,
    "image": _image,
    "url": _url,
    "resolve": _resolve,
    "connect-to": _connect_to,
    "region": _region,
    "log-opt": _log_opt,
    "aws-zone": _region,  # a zone (name or id), judged by the engine as a zone field
    "alicloud-zone": _region,  # an Alibaba Cloud zone (cn-hangzhou-h), judged the same way
    "alicloud-account": _region,  # (alired53) an Alibaba Cloud UID, judged by the engine as an owner field's
    "alicloud-policy": _host,  # (alired54) a JSON policy document, whole (its commas are the document's)
    "oss-replication": _host,  # (alired54b) an OSS replication configuration or its file, whole
    "oss-policy": _host,  # (alired55) an OSS bucket policy or its file, whole
    "oss-cors": _host,  # (alired56) an OSS CORS configuration or its file, whole, or an origin
    "sls-region": _sls_region,  # (agents62) the Logtail / LoongCollector installer's Region argument
    "beat-setting": _beat_setting,  # (config64) a Beat's `-E <setting>=<value>`
}
_BESIDE = frozenset({"resolve", "connect-to"})
_REGION_FORMS = frozenset({"region", "sls-region"})


# The shell's compound commands (bash(1) "Compound Commands", "Shell Function Definitions"): what opens a block at a
# command's place and what closes it. A loop's body runs again after its later lines, and a function's body whenever it
# is called: the order of their lines is not the order their assignments happen in (shell_blocks).
_OPENERS = {"if": "if", "case": "case", "for": "loop", "while": "loop", "until": "loop", "select": "loop", "{": "group"}
_CLOSERS = {"fi": "if", "esac": "case", "done": "loop", "}": "group"}
_COMMAND_PLACES = frozenset({";", "&&", "||", "|", "&", "(", ")", ";;", "|&", "then", "do", "else", "elif", "{"})
_FUNCTION_DEFINITION = re.compile(r"^\s*(?:function\s+[A-Za-z_][\w:.-]*\s*(?:\(\s*\))?|[A-Za-z_][\w:.-]*\s*\(\s*\))")


class ShellLine(NamedTuple):
    """Where a script line stands among the shell's compound commands (:func:`shell_blocks`)."""

    top: bool
    """Outside every compound command from the line's start to its end: its commands run once, in the text's order."""
    repeated: bool
    """Inside a loop's or a function's body (at its start or end): its lines may run after the script's later ones."""


def shell_blocks(lines: list[str]) -> list[ShellLine]:
    """For each of ``lines`` (a script's lines, continuations joined or not), where it stands among the compound
    commands ``if``/``case``/``for``/``while``/``until``/``select``, brace groups and function definitions, read from
    the words at a command's place (scripts47). A here-document's body lines are data: neither top nor repeated."""
    bodies = {j for start, end, _, _ in _heredocs(lines) for j in range(start + 1, end)}
    stack: list[str] = []
    out: list[ShellLine] = []
    for i, line in enumerate(lines):
        if i in bodies:
            out.append(ShellLine(False, "loop" in stack or "function" in stack))
            continue
        seen = _block_words(line, stack)
        out.append(ShellLine(not seen, "loop" in seen or "function" in seen))
    return out


def _block_words(line: str, stack: list[str]) -> set[str]:
    """Opens and closes ``stack``'s blocks by the keywords at a command's place on ``line``; the kinds of block open
    at any point of the line."""
    seen = set(stack)
    words = _words(line)
    place = True
    if _FUNCTION_DEFINITION.match(line) and "{" in words:
        stack.append("function")
        seen.add("function")
        words = words[words.index("{") + 1 :]  # the brace opens the function's body, not a group of its own
    for word in words:  # scripts57b: `_words` cuts comments (a quoted `"#"` left is text)
        if place and word in _OPENERS:
            stack.append(_OPENERS[word])
            seen.add(stack[-1])
        elif place and word in _CLOSERS and stack:
            kind = _CLOSERS[word]
            while stack and stack[-1] != kind and not (kind == "group" and stack[-1] == "function"):
                stack.pop()
            if stack:
                stack.pop()
        place = word in _COMMAND_PLACES or (place and word in _OPENERS)
    return seen


def substitution_at(text: str, start: int) -> str | None:
    """The command substitution that starts at ``text[start]`` (``$(...)``, nested ones and quoted parentheses
    inside, or ``` `...` ```), as written; None when it does not close on its line (bash(1) "Command Substitution")."""
    if text.startswith("`", start):
        end = text.find("`", start + 1)
        return text[start : end + 1] if end > 0 and "\n" not in text[start:end] else None
    depth, quote, i = 0, "", start + 1
    while i < len(text) and text[i] != "\n":
        c = text[i]
        if c == "\\" and quote != "'" and text[i + 1 : i + 2] != "\n":
            i += 2  # bash(1) "Quoting": a backslash outside single quotes escapes the next character (`awk -F\"`)
            continue
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
        i += 1
    return None


# mutation56: bash(1) "Command Substitution": `$(command)` runs command, and a command list may hold newlines ("a
# sequence of one or more pipelines separated by one of the operators ;, &, &&, or || ... or a newline"); "Quoting": a
# backslash-newline "is treated as a line continuation". A substitution written over several lines (`R=$(` then the
# command on the next line and `)` after it; `... \` then more options; a jq program spread over lines inside its
# quotes) was read as not closing: the assignment gave no value (an unset variable: `--region "$R"` passed every door
# with a Region abroad or an unknown parameter) and an argument `"$(` was no substitution at all.
_MAX_SUBSTITUTION_LINES = 24  # the lines a substitution may span, at most (a longer one stays as before: unread)


def _substitution_end(text: str, start: int) -> int | None:
    """The offset after the ``)`` closing the ``$(`` at ``start`` of ``text``, read over newlines (at most
    :data:`_MAX_SUBSTITUTION_LINES`); None when it does not close, or holds a here-document (``$(cat <<EOF``: its body
    is read by :func:`cat_heredoc_value`)."""
    depth, quote, i, lines = 0, "", start + 1, 0
    while i < len(text):
        c = text[i]
        if c == "\n":
            lines += 1
            if lines > _MAX_SUBSTITUTION_LINES:
                return None
        elif c == "\\" and quote != "'":
            i += 2
            continue
        elif quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "<" and text.startswith("<<", i) and not text.startswith("<<<", i):
            return None
        elif c == "#" and text[i - 1] in " \t\n":
            return None  # a comment inside: its `)` may be text (left as before)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _jq_comments_blanked(script: str, start: int, end: int, text: list[str]) -> None:
    """(fnros57) In ``text`` (``script``'s characters, as :func:`substitutions_joined` writes them), the comments of
    each single-quoted word of a ``jq`` command inside the substitution ``script[start:end]`` written as blanks
    (:func:`jq.comments_blanked`; the jq manual, "Comments": a comment runs "until the end of the line"): joined on
    one line the comment would run over the rest of the program (the filter was unread: RES-011 at home). Other
    commands' words (data, where a ``#`` may be text) are left as written. scripts58b: the spans of
    :func:`quoting_spans`; a command starts after an unquoted ``|``, ``;``, ``&``, ``(`` or newline, and a
    backslash-newline before its name is a line continuation (bash(1) "Quoting"; ``cat f | \\`` then ``jq '...'``
    was not read as jq)."""
    stage = start + 2
    for a, b, kind in quoting_spans(script, start + 2, end):
        if kind == "":
            stage = max(stage, *(script.rfind(c, a, b) + 1 for c in "|;&(\n"))
        elif kind == "'" and _closed(script, a, b) and _names_jq(_words(script[stage:a].replace("\\\n", " "))):
            text[a + 1 : b - 1] = jq.comments_blanked(script[a + 1 : b - 1])


# lead (stop 60): bash(1) "Double Quotes": "Enclosing characters in double quotes preserves the literal value of all
# characters within the quotes, with the exception of $, `, \, and, when history expansion is enabled, !": a newline
# too, so `LIST="eu-west-1<newline>us-west-2"` assigns both lines. The assignment readers read a double-quoted word on
# its line only: LIST held nothing (an empty bare word), and `for R in $LIST`, `<<< "$LIST"` or `psql -h "$H"` over it
# passed every door with a Region abroad or a partner's host (mutation60's open finding).
_MULTILINE_ASSIGNMENT = re.compile(
    r"(?P<head>(?:^|(?<=[;&|(\s]))(?:(?:export|local|readonly|declare(?:[ \t]+-[A-Za-z]+)*)[ \t]+)?"
    r"[A-Za-z_][A-Za-z0-9_]*=)\"(?P<value>[^\"]*\n[^\"]*)\"",
    re.MULTILINE,
)
UNREAD_MULTILINE = "$(a double-quoted value over several lines holding a backquote or a backslash)"
"""(lead, stop 60) What :func:`multiline_assignments_written` writes for a value it does not rewrite: a substitution
no evaluator computes, so that a destination fails it closed."""


def heredoc_body_spans(script: str) -> list[tuple[int, int]]:
    """The offsets of each closed here-document's body in ``script`` (data, not commands: the rewritings of
    :func:`multiline_assignments_written` and :func:`substitutions_joined` leave them as written)."""
    if "<<" not in script:
        return []
    lines = script.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    return [(starts[a + 1], starts[b - 1]) for a, b, _, _ in _heredocs(lines) if b - 1 > a]


def multiline_assignments_written(script: str) -> str:
    """(lead, stop 60) ``script`` with each assignment of a double-quoted word over several lines (outside a
    here-document's body) written as the ``printf`` substitution that prints those lines
    (``LIST="$(printf '%s\\n' 'eu-west-1' 'us-west-2')"``), which the one evaluator computes: each line one value,
    as ``$(cat FILE)``'s are (a loop's words, a ``read`` loop's lines, a destination each line). A value holding a
    ``$`` (``"$DB1<newline>$DB2"``: the evaluator computes no printf of variables) has its lines joined by blanks, the
    words an unquoted use splits it into; one holding a backquote or a backslash (quoting this rewriting would
    change) is :data:`UNREAD_MULTILINE` (unknown: a destination fails it closed); one holding a command
    substitution (``R="$(cat <<EOF``) is left to the substitution readers. Gate: ``="`` and a newline."""
    if '="' not in script or "\n" not in script:
        return script
    bodies = heredoc_body_spans(script)

    def written(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in bodies):
            return m.group(0)
        value = m.group("value")
        if "$(" in value:  # a substitution over lines (`"$(cat <<EOF`): read by substitutions_joined, cat_heredocs
            return m.group(0)
        if "`" in value or "\\" in value:
            return f'{m.group("head")}"{UNREAD_MULTILINE}"'
        if "$" in value:  # the evaluator computes no printf of variables: the lines as words of one line
            return f'{m.group("head")}"{value.replace(chr(10), " ")}"'
        lines = " ".join(f"'{line}'" for line in value.split("\n"))
        return f"{m.group('head')}\"$(printf '%s\\n' {lines})\""

    return _MULTILINE_ASSIGNMENT.sub(written, script)


def substitutions_joined(script: str) -> str:
    """``script`` with each ``$(...)`` that does not close on its line but closes within
    :data:`_MAX_SUBSTITUTION_LINES` written on one line: its newlines (and a backslash before one) as blanks, so that
    its offsets do not move and the one reading of a substitution (:func:`substitution_at`, the evaluator, an
    assignment's value, an argument) reads it whole. A ``$(`` in a here-document's body (data) or after a comment's
    ``#`` is left as written. Gate: a script with a ``$(`` and a newline only."""
    if "$(" not in script or "\n" not in script:
        return script
    bodies = heredoc_body_spans(script)
    text = list(script)
    at = script.find("$(")
    while at >= 0:
        line_start = script.rfind("\n", 0, at) + 1
        skip = (
            script.startswith("$((", at)
            or any(a <= at < b for a, b in bodies)
            or "#" in without_single_quoted(script[line_start:at]).replace("$#", "").replace("${#", "")
            or substitution_at(script, at) is not None
        )
        end = None if skip else _substitution_end(script, at)
        if end is not None:
            if "#" in script[at:end] and "jq" in script[at:end]:
                _jq_comments_blanked(script, at, end, text)  # fnros57
            for k in range(at, end):
                if script[k] == "\n":
                    text[k] = " "
                    if text[k - 1] == "\\":
                        text[k - 1] = " "
            at = script.find("$(", end)
            continue
        at = script.find("$(", at + 2)
    joined = "".join(text)
    return joined if joined != script else script


# codehealth53: the builtins that assign as they declare (bash(1) "SHELL BUILTIN COMMANDS": `declare [-aAfFgiIlnrtux]
# [name[=value] ...]`, `local`, `readonly`, `export` take the same assignments), with their options: one spelling for
# the plain assignment's line and the array assignment (for_loop_words).
_DECLARATION = r"(?:export|readonly|local|declare)(?:[ \t]+-\w+)*[ \t]+"
# A command's place for a pattern reading one line (the compound commands' words shell_blocks reads by word: after a
# separator, `do`, `then`, `else`, or a line's start).
_COMMAND_PLACE = r"(?:^|[;&|]|\b(?:do|then|else))[ \t]*"
# `[export|readonly|declare [-x]] NAME=VALUE` alone on its line (scripts47).
# scripts60: an append too (`NAME+=value`: bash(1) "Shell Parameters", the value appended to the variable's): it
# replaces what the variable held by the value built on it.
_PLAIN_ASSIGNMENT = re.compile(rf"\s*(?:{_DECLARATION})?([A-Za-z_][A-Za-z0-9_]*)\+?=(.*)")


def plain_assignment(line: str) -> bool:
    """``line`` only assigns one variable one word (``[export] NAME=value``, ``NAME="$(...)"``, `` NAME=`...` ``):
    it runs whole, so what the variable held before no longer reaches a later use. A prefix assignment (``NAME=value
    command``, bash(1): "the variable assignments ... are added to the environment of the executed command"), a
    ``&&``, a pipe or another command on the line: not only an assignment (scripts47)."""
    return plain_assigned_name(line) is not None


def plain_assigned_name(line: str) -> str | None:
    """The variable ``line`` sets when it is a plain assignment (:func:`plain_assignment`), else None (codehealth53:
    the one reading of the line's name, for the engine's script lists too)."""
    match = _PLAIN_ASSIGNMENT.fullmatch(line.rstrip())
    if match is None:
        return None
    value = match.group(2)
    inner = value[1:-1] if len(value) > 1 and value[0] == '"' == value[-1] else value
    if inner[:2] == "$(" or inner[:1] == "`":
        return match.group(1) if substitution_at(inner, 0) == inner else None
    words = _words(value)
    return match.group(1) if len(words) <= 1 and not (set(words) & _SEPARATORS) else None


# mutation53: `for NAME in WORDS` at a command's place (bash(1) "Compound Commands": "The list of words following in
# is expanded, generating a list of items. The variable name is set to each element of this list in turn"): `for r in
# eu-central-1 eu-west-2; do aws ... --region $r; done` sends to both.
# mutation54: the words may go on over a backslash-newline (bash(1): "A backslash-newline pair is treated as a line
# continuation"): `for r in \` then the Regions on the next line passed.
# mutation55: `in` may stand on the next line (bash's grammar: `for NAME newline_list in word_list`): `for r` then `in
# <home> <abroad>` passed.
# scripts56b: and `select NAME in WORDS` (bash(1) "Compound Commands": "The list of words following in is expanded,
# generating a list of items ... the value of name is set to that word"): NAME holds one of the words, as a for loop's.
# scripts60: and first in a group's one-line body (`f() { for R in ...; do ...; done; }`: `{` is a reserved word
# before a command, as _CALL_PLACE reads it), whose loop bound nothing: a Region abroad in its words passed every door.
# scripts66 (stop 66): and the bare `for NAME; do` / `for NAME` then `do` on the next line (bash(1) "Looping
# Constructs": "If 'in words' is not present, the for command executes list once for each positional parameter that is
# set, as if 'in "$@"' had been specified"; select the same): the match's second group is empty there and
# :func:`loop_words_text` gives it `"$@"`; the loop bound nothing and a Region abroad in `set --` or a function's call
# passed every door. mutation66b: and `for NAME do` (no `;`: bash's grammar `for name [ [ in [ word ... ] ] ; ] do`,
# the `;` optional with `in` omitted), read the same (its second group then holds the `do` text: no words, see
# :func:`loop_words_text`).
_FOR_IN = re.compile(
    rf"(?:{_COMMAND_PLACE}|(?<![$\w])\{{[ \t]*)" + r"(?:for|select)[ \t]+([A-Za-z_][A-Za-z0-9_]*)"
    r"(?:\s+in[ \t]+|(?=[ \t]*(?:;|\n)\s*do\b|[ \t]+do\b))"
    r"((?:\$\([^()\n]*\)|[^;\n\\]|\\\n|\\[^\n])*)",  # scripts60: a substitution's `;` (a branch echo written out)
    re.M,
)
_LOOP_WORD = re.compile(r"[A-Za-z0-9._:/@%+-]+")

_LOOP_LIST = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(\[[@*]\])?\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def loop_words_text(m: re.Match[str]) -> str:
    """(scripts66) The word list a :data:`_FOR_IN` match's loop runs over: as written after ``in``, or ``"$@"`` for
    the bare ``for NAME; do`` (no ``in``: the positional parameters)."""
    return m.group(2) if m.start(2) > m.end(1) else '"$@"'


# An indexed array's assignment (bash(1) "Arrays": "Arrays are assigned to using compound assignments of the form
# name=(value1 ... valuen)"), at a command's place.
# mutation55: the items may stand on several lines (bash reads a compound assignment's words up to its `)`; "a word
# beginning with # causes that word and all remaining characters on that line to be ignored": _array_words drops them).
_ARRAY_ASSIGNMENT = re.compile(rf"{_COMMAND_PLACE}(?:{_DECLARATION})?([A-Za-z_][A-Za-z0-9_]*)\+?=\(([^()]*)\)", re.M)
_ARRAY_COMMENT = re.compile(r"(?:^|(?<=\s))#[^\n]*")


def _array_words(items: str) -> list[str]:
    """A compound assignment's words (``_ARRAY_ASSIGNMENT``'s second group), comments and line continuations left
    out (mutation55)."""
    return (_ARRAY_COMMENT.sub(" ", items) if "#" in items else items).replace("\\\n", " ").split()


# scripts55b: bash(1) "Arrays": "each value is of the form [subscript]=string. Indexed array assignments do not require
# anything but string. When assigning to indexed arrays, if the optional brackets and subscript are supplied, that
# index is assigned to; otherwise the index of the element assigned is the last index assigned to by the statement plus
# one": `R=([1]=us-west-2)` then `"${R[1]}"` passed every door.
_INDEXED_ITEM = re.compile(r"\[([0-9]+)\]=(.*)", re.S)


def _array_braces_expanded(words: list[str]) -> list[str]:
    """(mutation56) A compound assignment's words, each unquoted one brace-expanded (bash(1) "Arrays": "name=(value1
    ... valuen) ... Each value is then expanded using all the shell expansions"; brace expansion is the first:
    `R=(us-west-{1..2})` holds two items, each passed every door abroad as an unread word); a word with an explicit
    index (``[1]=...``) is left as written."""
    if not any("{" in w for w in words):
        return words
    return [e for w in words for e in (brace_expanded(w) if w[:1] not in "[\"'" else [w])]


def _indexed_item(word: str) -> tuple[int | None, str]:
    """A compound assignment's word: its explicit index (``[1]=us-west-2``: 1; None when it has none) and its item,
    quotes around it removed."""
    m = _INDEXED_ITEM.fullmatch(word) if word[:1] == "[" else None
    return (int(m.group(1)), m.group(2).strip("\"'")) if m is not None else (None, word.strip("\"'"))


def _array_items(script: str) -> dict[str, tuple[str, ...]]:
    """The items each ``NAME=(...)`` array assignment of ``script`` gives NAME (every assignment's, quotes removed);
    scripts55: and each item :func:`_other_array_items` reads (an element assigned alone, ``read -a``, ``mapfile``).
    mutation60: an item holding a variable or a substitution as written (:func:`for_loop_words` fills it)."""
    items: dict[str, list[str]] = {}
    for m, written in _compound_words(script, references=True):
        known = items.setdefault(m.group(1), [])
        words = _array_braces_expanded(written)
        known += [i for i in (_indexed_item(w)[1] for w in words) if i not in known]
    for name, given in _other_array_items(script, references=True).items():
        known = items.setdefault(name, [])
        known += [item for _, item in given if item not in known]
    return {name: tuple(found) for name, found in items.items()}


# scripts55: the other ways bash(1) fills an indexed array. "Arrays": "Any element of an array may be assigned to using
# the syntax name[subscript]=value"; the read builtin: "-a aname  The words are assigned to sequential indices of the
# array variable aname, starting at 0"; mapfile (readarray): "Read lines from the standard input into the indexed array
# variable array ... -t Remove a trailing delim (default newline) from each line read". The input is a here-string's
# literal word or a here-document's body (unquoted: one holding an expansion gives nothing, as a loop's word).
# mutation58 (stop 58): and an associative array's element by its key (bash(1) "Arrays": "Any element of an array may be
# assigned to using the syntax name[subscript]=value"; `declare -A M` then `M[dr]=<Region>`, `M["dr"]=...`): the key's
# item and every item's; `M[dr]=<abroad>` then `"${M[$k]}"` (k from a loop) or `"${M[dr]}"` passed every door (a key
# was no subscript here: nothing held).
# quoting59 (stop 59): and a subscript holding a variable (`RS[$i]=WORD`, `printf -v "RS[$i]"`): its index is not
# computed here, so the item may be any element (`${RS[1]}` held nothing and a Region abroad passed every door).
# scripts61 (stop 61): and a key given by a command substitution (`M[$(hostname)]=WORD`: held nothing, a Region abroad
# passed every door): any element, as a variable's subscript.
_ELEMENT_ASSIGNMENT = re.compile(
    rf"{_COMMAND_PLACE}(?:{_DECLARATION})?([A-Za-z_][A-Za-z0-9_]*)"
    r"\[([0-9]+|[A-Za-z_][A-Za-z0-9_.-]*|\"[A-Za-z0-9_.-]+\"|'[A-Za-z0-9_.-]+'"
    r"|\"?\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\}|\([^()\n]*\))\"?"
    r"|(?:\$?[A-Za-z0-9_]+[ \t]*[-+*/%][ \t]*)+\$?[A-Za-z0-9_]+)\]"
    r"=(\"[^\"\n]*\"|'[^'\n]*'|\$\([^()\n]*\)|[^\s;&|<>()'\"]*)",
    re.M,
)
_ELEMENT_ARITHMETIC = re.compile(r"(?:\$?[A-Za-z0-9_]+[ \t]*[-+*/%][ \t]*)+\$?[A-Za-z0-9_]+")
"""(scripts62, stop 62) An element's subscript that is an arithmetic expression (bash(1) "Arrays":
"name[subscript]=value ... The subscript is treated as an arithmetic expression that must evaluate to a number"):
``RS[i+1]=us-east-1`` held nothing (a Region abroad passed every door). Its index is computed where it is literal
numbers (``RS[0+1]``), else the item may be any element (None), as an element by a variable subscript is (quoting59)."""
# scripts57 (stop 57): a mapfile option and its value (bash(1) "mapfile": `-d delim`, `-u fd`, `-C callback`, `-c
# quantum`, `-n` / `-O` / `-s` count), quoted or not (`-C "echo read"`, `-d ''`), or an option taking none (`-t`).
_MAPFILE_OPTION = r"(?:-[A-Za-z]*[CcdunOs][ \t]*(?:'[^'\n]*'|\"[^\"\n]*\"|[^\s;&|<>()'\"]+)|-[A-Za-z]+)"
_ARRAY_READ = re.compile(
    r"(?<![^\s;&|(])(?:read(?:[ \t]+-[A-Za-z]+)*?[ \t]+-[A-Za-z]*a[ \t]*|(?:mapfile|readarray)"
    rf"(?:[ \t]+{_MAPFILE_OPTION})*[ \t]+)([A-Za-z_][A-Za-z0-9_]*)[ \t]*"
    r"(?:<<<[ \t]*(\"[^\"]*\"|'[^']*'|[^\s;&|<>()'\"]+)|<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\4[^\n]*\n)"
)


# mutation56: mapfile's options choosing which lines it keeps and where it puts them (bash(1) "mapfile": "-n Copy at
# most count lines. If count is 0, all lines are copied. -O Begin assigning to array at index origin. The default index
# is 0. -s Discard the first count lines read. -t Remove a trailing delim"): `mapfile -t -s 1 R <<EOF` over
# `<home>`, `<abroad>` then `"${R[0]}"` passed every door in EU (the option's number was read as the array's name: the
# array was not read, an unset variable). scripts57: `-d` another delimiter splits the input there, `-u` another file
# descriptor reads what `exec FD< FILE` opened (array_inputs), `-C` / `-c` a callback changes no item.
_MAPFILE_VALUE_OPTIONS = frozenset("sdnOuCc")


def _mapfile_window(command: str) -> tuple[int, int, int] | None:
    """The ``(skip, count, origin)`` a ``mapfile`` / ``readarray`` command's options (``command``: its text up to the
    array's name) give (``-s``, ``-n``, ``-O``; count 0: every line), or None when an option this reader does not
    follow is given. Letters may be joined (``-ts1``) and a value attached or the next word (getopts' reading)."""
    window = {"s": 0, "n": 0, "O": 0}
    options = _mapfile_options(command)
    if options is None:
        return None
    for letter, value in options:
        if letter in window:
            if not value.isdigit():
                return None
            window[letter] = int(value)
    return window["s"], window["n"], window["O"]


def _mapfile_options(command: str) -> list[tuple[str, str]] | None:
    """(scripts57) The options a ``mapfile`` / ``readarray`` command gives (``command``: its text up to the array's
    name), each ``(letter, value)`` (the value empty for an option taking none), getopts' reading: letters may be
    joined (``-ts1``), a value attached or the next word, quoted (``-d ''``, ``-C "echo read"``); None for text that
    is no such list."""
    try:
        words = shlex.split(command)[1:]
    except ValueError:
        return None
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        word, i = words[i], i + 1
        if word[:1] != "-":
            return None
        for k, letter in enumerate(word[1:], start=1):
            if letter not in _MAPFILE_VALUE_OPTIONS:
                found.append((letter, ""))
                continue
            value = word[k + 1 :] or (words[i] if i < len(words) else "")
            i += 0 if word[k + 1 :] else 1
            found.append((letter, value))
            break
    return found


def _mapfile_delimiter(command: str) -> str:
    """(scripts57) The delimiter a ``mapfile`` command's ``-d`` gives (bash(1): "The first character of delim is used
    to terminate each input line, rather than newline. If delim is the empty string, mapfile will terminate a line when
    it reads a NUL character"): its first character, NUL for an empty one, a newline without ``-d``."""
    given = [value for letter, value in _mapfile_options(command) or () if letter == "d"]
    return (given[-1][:1] or "\0") if given else "\n"


def _mapfile_descriptor(command: str) -> str | None:
    """(scripts57) The file descriptor a ``mapfile`` command's ``-u fd`` reads ("Read lines from file descriptor fd
    instead of the standard input"), or None."""
    given = [value for letter, value in _mapfile_options(command) or () if letter == "u"]
    return given[-1] if given else None


def _windowed(items: list[str], window: tuple[int, int, int]) -> list[tuple[int, str]]:
    """``items`` (the lines mapfile reads) with their indexes after :func:`_mapfile_window`'s ``window``."""
    skip, count, origin = window
    kept = items[skip:][: count or None]
    return [(origin + k, item) for k, item in enumerate(kept)]


def _other_array_items(script: str, references: bool = False) -> dict[str, list[tuple[int | str | None, str]]]:
    """(scripts55) The literal items ``script`` gives its arrays other than by a compound assignment, each with its
    index (None: not known): ``NAME[k]=WORD`` (mutation58: an associative array's key too, ``M[dr]=WORD``: the key as
    its index); ``read -a NAME`` fed by a here-document (its first line's words, from
    0; scripts56: ``read -a NAME <<< WORDS`` is :func:`reads_as_assignments`' alone); ``mapfile -t NAME`` /
    ``readarray`` fed by a here-string or a here-document (each line, from 0). mutation60: ``references``: and an
    element's word holding an expansion as written (``RS[1]="$DR"``, ``RS[1]=$(cmd)``), as :func:`array_elements`'
    compound items, for the engine's resolver to fill (each held nothing: a Region abroad passed every door)."""
    given: dict[str, list[tuple[int | str | None, str]]] = {}
    if "]=" in script:
        for m in _ELEMENT_ASSIGNMENT.finditer(script):
            item = m.group(3).strip("\"'")
            if _LOOP_WORD.fullmatch(item) or (references and m.group(3)[:1] != "'" and ("$" in item or "`" in item)):
                key = m.group(2).strip("\"'")  # mutation58: an associative array's key, its quotes removed
                at = None if key[:1] == "$" else int(key) if key.isdigit() else key  # quoting59: any index
                if _ELEMENT_ARITHMETIC.fullmatch(key):  # scripts62: `RS[i+1]=WORD`, literal numbers computed
                    at = _arithmetic_total(key)
                given.setdefault(m.group(1), []).append((at, item))
    if "read" not in script and "mapfile" not in script:
        return given
    for m in _ARRAY_READ.finditer(script):
        mapfile = m.group(0).split(None, 1)[0] != "read"
        if m.group(2) is not None and not mapfile:
            # scripts56 (the lead's review of stop 55): `read -a NAME <<< WORDS` has one reader, reads_as_assignments'
            # `_split_here_string` (`NAME=(f1 f2)`, the IFS before it too), which the engine applies first
            continue
        command = script[m.start() : m.start(1)]
        window = _mapfile_window(command) if mapfile else (0, 0, 0)
        if window is None or (mapfile and _mapfile_descriptor(command) is not None):
            continue  # scripts57: `-u FD` reads another descriptor than the redirection (array_inputs reads it)
        delimiter = _mapfile_delimiter(command) if mapfile else "\n"
        if m.group(2) is not None:
            word = m.group(2)[1:-1] if m.group(2)[:1] in "\"'" else m.group(2)
            if m.group(2)[:1] != "'" and ("$" in word or "`" in word):
                continue
            items = [line.strip() for line in word.split(delimiter)] if mapfile else word.split()
        else:
            items = []
            for written in script[m.end() :].split("\n"):
                line = written.lstrip("\t") if m.group(3) else written
                if line.rstrip("\r") == m.group(5):
                    break
                items.append(line.strip())
            if not m.group(4) and any("$" in i or "`" in i for i in items):
                continue
            items = items[0].split() if items and not mapfile else items
            if delimiter != "\n":  # scripts57: `mapfile -d SEP`: the body split at SEP, not at its lines
                items = [item.strip() for item in "\n".join(items).split(delimiter)]
        given.setdefault(m.group(1), []).extend(
            (k, item) for k, item in _windowed(items, window) if _LOOP_WORD.fullmatch(item)
        )
    return given


# scripts55b: `read -a NAME` / `mapfile NAME` fed by a file (`< FILE`), a process substitution (`< <(cmd)`: bash(1)
# "Process Substitution": "the file passed as an argument ... should be read to obtain the output of list") or a
# command substitution's here-string (`<<< "$(cmd)"`): the input is that command's output, as `$(< FILE)` / `$(cmd)`.
_ARRAY_READ_INPUT = re.compile(
    r"(?<![^\s;&|(])(?:read(?:[ \t]+-[A-Za-z]+)*?[ \t]+-[A-Za-z]*a[ \t]*|(?:mapfile|readarray)"
    rf"(?:[ \t]+{_MAPFILE_OPTION})*[ \t]+)([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:<[ \t]*<\((?P<process>[^\n]*)\)"
    r"|<[ \t]*(?P<file>\"[^\"\n]*\"|[^\s;&|<>()'\"]+)"
    r"|<<<[ \t]*(?P<quote>\"?)(?P<substitution>\$\([^\n]*\))(?P=quote)"
    r"|<<<[ \t]*(?P<vquote>\"?)(?P<variable>\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*)(?P=vquote))"
    r"[ \t]*(?=$|[;&|#])",
    re.M,
)
# and a compound assignment whose one item is a command substitution (`R=($(cmd))`: its output's words; `R=("$(cmd)")`:
# the output whole; :func:`reads_as_assignments` writes `read -a R <<< "$(cmd)"` so)
_ARRAY_OF_SUBSTITUTION = re.compile(
    rf"{_COMMAND_PLACE}(?:{_DECLARATION})?([A-Za-z_][A-Za-z0-9_]*)=\([ \t]*(\"?)(\$\([^\n]*\))\2[ \t]*\)[ \t]*"
    r"(?=$|[;&|#])",
    re.M,
)


def array_inputs(script: str) -> list[tuple[str, str, str]]:
    """(scripts55b) Each ``read -a NAME`` / ``mapfile NAME`` (``readarray``) of ``script`` fed by a file, a process
    substitution or a command substitution's here-string, and each ``NAME=($(cmd))``: ``(NAME, split, substitution)``,
    the input written as the command substitution giving the same text (``$(< FILE)``, ``$(cmd)``) for the one
    evaluator (:func:`substitution_values`), and how its output is split into items (:func:`array_input_elements`)."""
    found = []
    if "=(" in script and "$(" in script:
        for m in _ARRAY_OF_SUBSTITUTION.finditer(script):
            if substitution_at(m.group(3), 0) == m.group(3):
                found.append((m.group(1), "whole" if m.group(2) else "words", m.group(3)))
    if "-u" in script:  # scripts57: `mapfile -u FD NAME`, FD opened by `exec FD< FILE` before it
        for m in _MAPFILE_FROM_DESCRIPTOR.finditer(script):
            command = m.group(0)[: m.start(2) - m.start()]
            descriptor, window = _mapfile_descriptor(command), _mapfile_window(command)
            if descriptor is None or window is None:
                continue
            opened = [o.group(2) for o in _EXEC_OPENED.finditer(script, 0, m.start()) if o.group("fd") == descriptor]
            # an input the script opens nowhere is unknown: the one evaluator cannot compute it (RES-011 there)
            substitution = f"$(< {opened[-1]})" if opened else f"$(< /dev/fd/{descriptor})"
            found.append((m.group(2), _mapfile_split(command, window), substitution))
    if "<" not in script:
        return found
    for m in _ARRAY_READ_INPUT.finditer(script):
        if m.group("process") is not None:
            substitution = f"$({m.group('process')})"
        elif m.group("file") is not None:
            substitution = f"$(< {m.group('file')})"
        elif m.group("variable") is not None:
            if not _bound(script[: m.start()] + script[m.end() :], m.group("variable").strip("${}")):
                continue  # an environment variable the script never sets: unset here (a placeholder), as before
            substitution = f'$(echo "{m.group("variable")}")'  # scripts59: the variable's value, as echo prints it
        else:
            substitution = m.group("substitution")
        # mutation59 (stop 59): `readarray` starts with `read` too but is mapfile (bash(1) "readarray ... A synonym for
        # mapfile"): its lines were read as `read -a`'s first line's words, `${RS[1]}` held nothing
        if m.group(0).split(None, 1)[0] == "read":
            found.append((m.group(1), _read_split(script, m.start()), substitution))
        elif (window := _mapfile_window(m.group(0)[: m.start(1) - m.start()])) is not None:
            found.append((m.group(1), _mapfile_split(m.group(0)[: m.start(1) - m.start()], window), substitution))
    return found


_IFS_BEFORE = re.compile(r"IFS=(\$'[^'\n]*'|'[^'\n]*'|\"[^\"\n]*\"|[^\s;&|'\"]*)[ \t]+\Z")


def _read_split(script: str, at: int) -> str:
    """(scripts59) How :func:`array_input_elements` splits the input of the ``read -a`` at ``at``: ``first-line``
    (its first line's words, IFS the default), or ``ifs/C1-C2`` (its first line's fields at the characters, codes,
    of an ``IFS=X`` assignment before ``read``: bash(1) "read": "The characters in the value of the IFS variable
    are used to split the line into words")."""
    before = _IFS_BEFORE.search(script, max(0, script.rfind("\n", 0, at)), at)
    ifs = ifs_value(before.group(1)) if before is not None else None
    if before is None and "IFS" in script:
        # scripts66 (stop 66): an IFS set on an earlier line (`IFS=,` then `read -ra R <<< "$RS"`; :func:`ifs_at`, the
        # one reading of the IFS in effect): its fields were split at blanks (one item, a Region abroad passed every
        # door). One no reader computes is left as before (blanks).
        given = ifs_at(script, at, {})
        ifs = given[0] if len(given) == 1 and (given[0] is None or given[0][:2] != "$(") else None
    return "first-line" if ifs is None else "ifs/" + "-".join(str(ord(c)) for c in ifs)


def _mapfile_split(command: str, window: tuple[int, int, int]) -> str:
    """How :func:`array_input_elements` splits a ``mapfile`` command's input: ``lines``, or (mutation56) with -s / -n /
    -O carried in the split's name (``lines/1/0/0``); scripts57: a ``-d`` delimiter's character code after them
    (``lines/0/0/0/44``: at commas)."""
    delimiter = _mapfile_delimiter(command)
    if delimiter != "\n":
        return "lines/{}/{}/{}/".format(*window) + str(ord(delimiter))
    return "lines" if window == (0, 0, 0) else "lines/{}/{}/{}".format(*window)


# scripts57: `mapfile [OPTIONS] NAME` with no redirection (its `-u FD` names the input), and bash(1) "Redirections":
# `exec FD< FILE` ("Redirecting Input": "[n]<word ... the file descriptor n"; exec with no command "redirections take
# effect in the current shell") opening FILE on FD.
_MAPFILE_FROM_DESCRIPTOR = re.compile(
    rf"(?<![^\s;&|(])(?:mapfile|readarray)((?:[ \t]+{_MAPFILE_OPTION})*)[ \t]+([A-Za-z_][A-Za-z0-9_]*)"
    r"[ \t]*(?=$|[;&|#])",
    re.M,
)
_EXEC_OPENED = re.compile(r"(?<![^\s;&|(])exec[ \t]+(?P<fd>[0-9]+)<[ \t]*([^\s;&|<>()'\"]+)")


def array_input_elements(
    name: str, split: str, output: str, script: str, *, unknown: bool = False, whole: bool = False
) -> dict[str, tuple[str, ...]]:
    """(scripts55b) The elements of array ``name`` that ``script`` uses (``${R[1]}``, ``${R[@]}``, ``${R[$i]}``) and
    the items an input's ``output`` gives each (:func:`array_inputs`'s ``split``: ``lines`` each line, mapfile's;
    ``first-line`` the first line's words, ``read -a``'s; ``words`` every word; ``whole`` the output itself; mutation56:
    ``lines/S/N/O`` mapfile's lines after ``-s S -n N -O O``, :func:`_mapfile_window`); an index beyond them gets none,
    a subscript not computed (:func:`_subscript_index`) every item. With ``unknown``, ``output`` is one text every
    element may hold (not computed). scripts60b: with ``whole`` (``output`` is the input's whole text: a file the
    script writes), a slice of the array is computed by index (:func:`indexed_elements`); the evaluator's values may
    be each line apart, where a slice would drop an item, so those give every item, as before."""
    if unknown:
        return {f"{name}[{subscript}]": (output,) for used, subscript in element_uses(script) if used == name}
    indexed = input_items(split, output)
    elements: dict[str, tuple[str, ...]] = {}
    if whole and "]:" in script and any(s.group(1) == name for s in ARRAY_SLICE.finditer(script)):
        # scripts60b (stop 60): a slice of the array (`"${RS[@]:1:1}"`) is computed from its items by index
        # (array_slice_items); given `RS[@]` alone it was every item, and a line the slice leaves out (a Region
        # abroad) was RES-009 at home: a false alarm
        elements.update(indexed_elements(name, indexed))
    for used, subscript in element_uses(script):
        if used != name:
            continue
        index = _subscript_index(subscript)
        held = ([indexed[index]] if index in indexed else []) if index is not None else list(indexed.values())
        if held:
            # mutation58: held under the subscript as written (`R[@]`, `R[$i]`, `R[1+0]`), the name the resolver reads
            # (array_elements' keys); since mutation56 the computed index was written (`R[None]` for `@`: nothing held)
            elements[f"{name}[{subscript}]"] = tuple(held)
    return elements


def input_items(split: str, output: str) -> dict[int, str]:
    """(scripts60b) The items, by index, an input's ``output`` gives an array as :func:`array_input_elements` splits
    it (``split``: :func:`array_inputs`'); moved here from it, so that a loop over a slice (:func:`for_loop_words`)
    reads the same items."""
    lines = output.split("\n")
    ifs = "".join(chr(int(c)) for c in split[4:].split("-") if c) if split.startswith("ifs/") else None
    split, _, window = ("first-line", "", "") if ifs is not None else split.partition("/")
    items = {
        "lines": [line.strip() for line in lines if line.strip()],
        "first-line": lines[0].split() if ifs is None else ifs_fields(lines[0], ifs, 1 << 16),
        "words": output.split(),
        "whole": [output],
    }[split]
    if window:
        skip, count, origin, *delimiter = (int(w) for w in window.split("/"))
        if delimiter:  # scripts57: `mapfile -d SEP`'s items (_mapfile_split)
            # scripts58 (stop 58): `mapfile -t -d '' R < <(printf '%s\0' a b)` splits at the NUL printf writes
            # (its items passed every door: one item, the second unset); since falsealarm58b the evaluator writes
            # printf's `\0` as that NUL (printf(1): "\0NNN ... zero to three digits"), not as two characters
            items = [item.strip() for item in output.split(chr(delimiter[0])) if item.strip()]
        return dict(_windowed(items, (skip, count, origin)))
    return dict(enumerate(items))


def indexed_elements(name: str, indexed: Mapping[int, str]) -> dict[str, tuple[str, ...]]:
    """(scripts60b) ``indexed`` (:func:`input_items`) as the elements :func:`array_slice_items` reads: ``name[@]``
    every item, ``name[k]`` each index's."""
    return {f"{name}[@]": tuple(dict.fromkeys(indexed.values())), **{f"{name}[{k}]": (v,) for k, v in indexed.items()}}


# scripts54b: an array's element (bash(1) "Arrays": "Any element of an array may be referenced using
# ${name[subscript]} ... If subscript is @ or *, the word expands to all members of name"; a compound assignment
# `name=(value1 ... valuen)` assigns indexes from zero), used outside a `for` loop's words.
# scripts55: a subscript that is a variable (`${REGIONS[$i]}`, `${REGIONS[i]}`: "The subscript is treated as an
# arithmetic expression") may be any index: every item.
# mutation56: "The subscript is treated as an arithmetic expression that must evaluate to a number" and "If the
# subscript used to reference an element of an indexed array evaluates to a number less than zero, it is interpreted
# as relative to one greater than the maximum index of the array" (bash(1) "Arrays"): `${R[i+1]}`, `${R[ 1 ]}`,
# `${R[1-1]}`, `${R[-1]}`, `${R[$((i+1))]}` and `${R[${#R[@]}-1]}` were no element use (an unset variable: each passed
# every door with a Region abroad). An arithmetic subscript of literal numbers is computed; any other (a variable, a
# negative index) may be any index: every item, as a variable's since scripts55.
ARRAY_SUBSCRIPT = r"[0-9]+|[@*]|\$?[A-Za-z_][A-Za-z0-9_]*|(?:[^\[\]{}\n]|\$\{#?[A-Za-z_][A-Za-z0-9_]*(?:\[[@*]\])?\})+"
"""An indexed array's subscript as a script writes it in ``${NAME[subscript]}`` (group-free)."""
_ARRAY_ELEMENT_USE = re.compile(rf"\$\{{([A-Za-z_][A-Za-z0-9_]*)\[({ARRAY_SUBSCRIPT})\]\}}")
_SUBSCRIPT_ARITHMETIC = re.compile(r"[0-9]+(?:\s*[-+*]\s*[0-9]+)*")


def _subscript_index(subscript: str) -> int | None:
    """The index an element's ``subscript`` names when it is a number or an arithmetic expression of literal numbers
    (``1``, `` 1 ``, ``1-1``, ``0+1``; bash's ``$((...))`` around it too), or None when it may be any index (``@``,
    ``*``, a variable, a negative number, anything else)."""
    text = subscript.strip()
    if text.startswith("$((") and text.endswith("))"):
        text = text[3:-2].strip()
    if text.isdigit():
        return int(text)
    total = _arithmetic_total(text)
    return total if total is not None and total >= 0 else None


_SUBSCRIPT_VARIABLE = re.compile(r"\$?\{?([A-Za-z_][A-Za-z0-9_]*)\}?")
_MAX_SUBSCRIPT_COMBINATIONS = 16


def subscript_indexes(subscript: str, numbers: Callable[[str], Sequence[str] | None]) -> list[int] | None:
    """(scripts61) The indexes an arithmetic subscript holding variables may name (``i+1``, ``$((n-1))``, ``$i+1``;
    bash(1) "Arrays": "The subscript is treated as an arithmetic expression", a name in it its value), each variable
    given each number ``numbers`` knows it holds (literal words only); None where a variable holds anything else, the
    expression is no sum or product of numbers once filled, an index is negative, or past
    :data:`_MAX_SUBSCRIPT_COMBINATIONS` combinations (every item, as before: fail closed)."""
    names = list(dict.fromkeys(_SUBSCRIPT_VARIABLE.findall(subscript)))
    held: list[Sequence[str]] = []
    for name in names:
        given = numbers(name)
        if not given or not all(v.isdigit() for v in given):
            return None
        held.append(given)
    out: list[int] = []
    for combination in itertools.islice(itertools.product(*held), _MAX_SUBSCRIPT_COMBINATIONS + 1):
        filled = dict(zip(names, combination, strict=True))
        index = _subscript_index(_filled_subscript(subscript, filled))
        if index is None or len(out) >= _MAX_SUBSCRIPT_COMBINATIONS:
            return None
        out.append(index)
    return list(dict.fromkeys(out))


def _filled_subscript(subscript: str, filled: Mapping[str, str]) -> str:
    """(scripts61) ``subscript`` with each variable written as the number ``filled`` gives it."""
    return _SUBSCRIPT_VARIABLE.sub(lambda v: filled[v.group(1)], subscript)


def _arithmetic_total(text: str) -> int | None:
    """(mutation58b, from :func:`_subscript_index`) The value of an arithmetic expression of literal numbers (``1-1``,
    ``0+1``, ``2*3``, ``-3``: products first, then sums, as ``$((...))`` computes them), or None for any other."""
    text = text.strip()
    if text.startswith("-"):
        text = "0" + text
    if not _SUBSCRIPT_ARITHMETIC.fullmatch(text):
        return None
    terms: list[int] = []
    operator = "+"
    for token in re.findall(r"[0-9]+|[-+*]", text):  # products first, then sums, as $((...)) does
        if not token.isdigit():
            operator = token
        elif operator == "*" and terms:
            terms.append(terms.pop() * int(token))
        else:
            terms.append(int(token) if operator == "+" else -int(token))
    return sum(terms)


def array_names(line: str) -> tuple[frozenset[str], frozenset[str]]:
    """(scripts56b) The arrays a script line assigns (``NAME=(...)``, ``NAME[k]=``, ``read -a NAME``, ``mapfile
    NAME``) and those whose elements it uses (``${NAME[1]}``): for a script list's items one shell runs in order (an
    SSM Command document's ``runCommand``), where an item using an element an earlier item fills is judged again."""
    used = frozenset(name for name, _ in element_uses(line)) if "[" in line else frozenset()  # mutation58b: operated
    if not any(m in line for m in ("=(", "]=", "mapfile", "readarray")) and not _reads_array(line):
        return frozenset(), used
    line = reads_as_assignments(line)
    assigned = {m.group(1) for m in _ARRAY_ASSIGNMENT.finditer(line)} if "=(" in line else set()
    if "<" in line:  # scripts59: and an array read from an input (`IFS=, read -a RS <<< "$LIST"`: array_inputs)
        assigned |= {m.group(1) for m in _ARRAY_READ_INPUT.finditer(line)}
    return frozenset(assigned | set(_other_array_items(line))), used


# mutation59b (stop 59): `read -ra RS` (bash(1) "read": options grouped as getopt reads them, `-ra` is `-r -a`): the
# gate looked for `-a` alone, so `IFS=, read -ra RS <<< "$LIST"` then `"${RS[1]}"` passed every door with a Region
# abroad.
_READ_ARRAY_OPTION = re.compile(r"(?<![^\s;&|(])read(?:[ \t]+-[A-Za-z]+)*?[ \t]+-[A-Za-z]*a")


def _reads_array(script: str) -> bool:
    """(mutation59b) Whether ``script`` may run ``read -a`` (``-a``, or ``read`` with ``a`` among grouped options)."""
    return "-a" in script or ("read" in script and _READ_ARRAY_OPTION.search(script) is not None)


def has_array_element(script: str) -> bool:
    """Whether ``script`` assigns an array and uses one of its elements (``${REGIONS[1]}``, ``${REGIONS[@]}``;
    scripts55: ``${REGIONS[$i]}``, and an array filled by ``R[1]=``, ``read -a`` or ``mapfile`` / ``readarray``)."""
    return (
        "[" in script
        and ("=(" in script or "]=" in script or _reads_array(script) or "mapfile" in script or "readarray" in script)
        and next(element_uses(script), None) is not None
    )


def element_uses(script: str) -> Iterator[tuple[str, str]]:
    """(mutation58b) The name and subscript of each array element ``script`` uses: ``${R[1]}`` (``_ARRAY_ELEMENT_USE``)
    and an element a :data:`PARAMETER_OPERATION` changes (``${R[1]:3}``, ``${R[$i]#dr-}``, ``${R[1],,}``: bash(1)
    "Parameter Expansion" applies to "an array reference"; each passed every door with a Region abroad, no element
    held). Gate: an operation's element is looked for only in a script holding ``]`` and ``${``."""
    for m in _ARRAY_ELEMENT_USE.finditer(script):
        yield m.group(1), m.group(2)
    if "]" in script and "${" in script:
        for m in PARAMETER_OPERATION.finditer(script):
            name, bracket, subscript = m.group(1).partition("[")
            if bracket:
                yield name, subscript[:-1]
    if "]:" in script:  # scripts59: an array's slice uses every item
        for m in ARRAY_SLICE.finditer(script):
            yield m.group(1), "@"


# scripts59 (stop 59): bash(1) "Parameter Expansion": "If parameter is an indexed array name subscripted by @ or *, the
# result is the length members of the array beginning with ${parameter[offset]}. A negative offset is taken relative
# to one greater than the maximum index of the specified array"; and "${!name[@]} ... expands to the list of array
# indices (keys) assigned in name". `for R in "${RS[@]:1}"`, `--region "${RS[@]:1:1}"` and `for R in "${!M[@]}"`
# passed every door with a Region abroad (unread: an unset variable's placeholder, the loop variable held nothing).
# mutation60 (stop 60): a bound may hold a variable (`"${RS[@]:$N}"`, `${RS[@]:${N}:1}`; bash(1) "Substring Expansion":
# "offset and length are arithmetic expressions"), read as no literal number (every item): the `$` kept the slice
# unmatched, the word held nothing and a Region abroad among the items passed every door.
_SLICE_BOUND = r"((?:[^{}:`$]|\$(?!\{)|\$\{[A-Za-z_][A-Za-z0-9_]*\})*)"
ARRAY_SLICE = re.compile(rf"\$\{{([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]:{_SLICE_BOUND}(?::{_SLICE_BOUND})?\}}")
ARRAY_KEYS = re.compile(r"\$\{!([A-Za-z_][A-Za-z0-9_]*)\[[@*]\]\}")
_INDEX_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\[([0-9]+)\]")
# mutation59b (stop 59): a slice's negative offset after a blank (`for R in "${RS[@]: -1}"`, `"${RS[@]: -1:1}"`),
# written `${RS[@]:(-1)}` (the same offset: bash(1) "Substring Expansion") so that a loop's words split at blanks keep
# it one word; split there, the loop variable held nothing and a last item abroad passed every door.
_SLICE_BLANK = re.compile(r"(\[[@*]\]:)[ \t]+(-[0-9]+)(?=[:}])")


def array_slice_items(slice_match: re.Match[str], elements: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """(scripts59) The items an :data:`ARRAY_SLICE` gives of ``elements`` (:func:`array_elements`' keys, or the values
    reaching a line): the members from index offset on, length of them, where every item's index is known and both
    bounds are literal numbers (arithmetic of them, :func:`_substring_bound`); otherwise every item (a superset: a
    slice never gives an item the array does not hold)."""
    name = slice_match.group(1)
    every = tuple(elements.get(f"{name}[@]", ()))
    if slice_match.group(2)[:1] in ("-", "=", "+", "?"):
        # mutation59b (stop 59): `${RS[@]:-2:1}` is no slice but the default expansion (bash(1) "Substring Expansion":
        # "a negative offset must be separated from the colon by at least one space to avoid being confused with the
        # :- expansion"): every item (the array set); read as offset -2 it gave the first item, the second abroad
        # passed every door
        return every
    offset = _substring_bound(slice_match.group(2))
    length = _substring_bound(slice_match.group(3)) if slice_match.group(3) is not None else None
    if offset is None or (slice_match.group(3) is not None and (length is None or length < 0)):
        return every
    indexed: dict[int, Sequence[str]] = {}
    for key, items in elements.items():
        m = _INDEX_KEY.fullmatch(key) if key.startswith(name) else None
        if m is not None and m.group(1) == name:
            indexed[int(m.group(2))] = items
    if not indexed or not set(every) <= {item for items in indexed.values() for item in items}:
        return every
    start = max(indexed) + 1 + offset if offset < 0 else offset
    chosen = [i for i in sorted(indexed) if i >= start]
    chosen = chosen if length is None else chosen[:length]
    return tuple(dict.fromkeys(item for i in chosen for item in indexed[i]))


def array_keys(script: str, name: str, elements: Mapping[str, Sequence[str]]) -> list[str]:
    """(scripts59) The keys ``${!name[@]}`` may give: each subscript ``elements`` (:func:`array_elements`) holds for
    ``name``; and, where the script assigns an element by a variable's subscript (``M[$k]=...``), that subscript
    unknown (:data:`UNKNOWN_KEYS`: the keys are not proven)."""
    keys = [k[len(name) + 1 : -1] for k in elements if k.startswith(f"{name}[") and k[len(name) + 1 : -1] not in "@*"]
    if re.search(rf"(?<![\w${{]){re.escape(name)}\[\"?\$[^\]\n]*\]\+?=", script):
        keys.append(UNKNOWN_KEYS)
    return list(dict.fromkeys(k for k in keys if "$" not in k or k == UNKNOWN_KEYS))


UNKNOWN_KEYS = "$(array keys the reader does not know)"
"""(scripts59) A key ``${!NAME[@]}`` gives that the script sets from a variable: no evaluator computes it, so that a
destination fails it closed (as :data:`PAST_THE_FILLING`)."""


# scripts60 (stop 60): bash(1) "Parameter Expansion": "${!prefix*} ${!prefix@} Names matching prefix. Expands to the
# names of variables whose names begin with prefix ... When @ is used and the expansion appears within double quotes,
# each variable name expands to a separate word"; "${!name[@]} ${!name[*]} List of array keys"; and "If the first
# character of parameter is an exclamation point (!) ... Bash uses the value formed by expanding the rest of parameter
# as the new parameter; this is then expanded" (indirection). scripts59 read `${!M[@]}` in a `for` loop's words only:
# `TARGETS=("${!M[@]}")`, `$(echo "${!M[@]}")` and `for v in "${!DR_@}"; do ... "${!v}"` held nothing (a placeholder),
# so a Region abroad passed every door (or was RES-011 at home too).
_PREFIX_NAMES = re.compile(r"\$\{!([A-Za-z_][A-Za-z0-9_]*)([*@])\}")
_INDIRECT = re.compile(r"\$\{!([A-Za-z_][A-Za-z0-9_]*)\}")
_NAME_ASSIGNED = (
    r"(?:^|(?<=[\s;&|(]))(?:(?:export|declare|local|readonly|typeset)(?:[ \t]+-\w+)*[ \t]+)?({prefix}\w*)\+?="
)
UNKNOWN_INDIRECTION = "$(a variable named by a value the reader does not know)"
"""(scripts60) An indirect expansion ``${!NAME}`` whose NAME holds a value the reader does not know: no evaluator
computes it, so that a destination fails it closed (as :data:`UNKNOWN_KEYS`)."""


def names_and_keys_written(script: str) -> str:
    """(scripts60) ``script`` with each ``${!M[@]}`` / ``${!M[*]}`` (:data:`ARRAY_KEYS`) written as the keys
    :func:`array_keys` gives (an unknown one as :data:`UNKNOWN_KEYS`), each ``${!PREFIX@}`` / ``${!PREFIX*}`` as the
    names of the variables the script assigns beginning with PREFIX (sorted, as bash sorts them), and each indirect
    ``${!NAME}`` as the variable NAME names: one, that variable (``${DR_PRIMARY}``); several, a substitution whose
    branches echo each (read by the branch reader: each may be used); NAME bound otherwise than by literal words
    (:func:`plain_literal_values`, :func:`loop_literal_values`), :data:`UNKNOWN_INDIRECTION`. Keys or names with ``@``
    inside double quotes are separate words (``k1" "k2``), joined by a blank otherwise and in an assignment's word. An
    expansion no array or name gives is left as written (bash: nothing). Gate: ``${!``."""
    if "${!" not in script:
        return script
    if "[" in script and ARRAY_KEYS.search(script):
        elements = array_elements(script)

        def keys(m: re.Match[str]) -> str:
            given = array_keys(script, m.group(1), elements)
            return _words_written(script, m, given, "@" in m.group(0)) if given else m.group(0)

        script = ARRAY_KEYS.sub(keys, script)
    if _PREFIX_NAMES.search(script):

        def names(m: re.Match[str]) -> str:
            found = re.findall(_NAME_ASSIGNED.format(prefix=re.escape(m.group(1))), script, re.M)
            given = sorted(set(found))
            return _words_written(script, m, given, m.group(2) == "@") if given else m.group(0)

        script = _PREFIX_NAMES.sub(names, script)
    if _INDIRECT.search(script):

        def indirect(m: re.Match[str]) -> str:
            named = plain_literal_values(script, m.group(1)) or loop_literal_values(script, m.group(1))
            if not named or not all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n) for n in named):
                return UNKNOWN_INDIRECTION
            if len(named) == 1:
                return f"${{{named[0]}}}"
            return "$(if :; then " + "; elif :; then ".join(f'echo "${{{n}}}"' for n in named) + "; fi)"

        script = _INDIRECT.sub(indirect, script)
    return script


def _words_written(script: str, m: re.Match[str], words: Sequence[str], separate: bool) -> str:
    """(scripts60) ``words`` written in the place of ``m`` (an expansion giving them): separate words where
    ``separate`` and the expansion is inside double quotes (``k1" "k2``), else joined by a blank; joined in an
    assignment's word (``K="${!M[@]}"``)."""
    before = script[: m.start()]
    assigned = before.endswith(("=", '="'))
    quoted = before.count('"') % 2 == 1 and "\n" not in before[before.rfind('"') :]
    return '" "'.join(words) if separate and quoted and not assigned else " ".join(words)


# scripts56b: bash(1) "Arrays": "Associative arrays are created using declare -A name"; "name=( key1=value1 key2=value2
# ...)" ... "[subscript]=string": a key written as a word (quoted or not) and its item, `${M[key]}` that item.
_KEYED_ITEM = re.compile(r"\[[\"']?([A-Za-z_][A-Za-z0-9_.-]*)[\"']?\]=(.*)", re.S)


def array_elements(script: str, references: bool = False) -> dict[str, tuple[str, ...]]:
    """(scripts54b) The literal words each element of ``script``'s arrays may hold, by the element's written name
    (``REGIONS[0]``, ``REGIONS[@]`` and ``REGIONS[*]`` for every item), from each ``NAME=(...)`` compound assignment
    (quotes around a word removed; a word holding an expansion or a glob gives nothing, as in :func:`for_loop_words`).
    An append (``NAME+=(...)``) adds to ``[@]`` (its indexes follow items this reader may not know; scripts60: and to
    every element the script uses by an index, as an item by a variable's subscript). scripts55:
    and from :func:`_other_array_items` (``R[1]=...``, ``read -a``, ``mapfile``); an element whose subscript is a
    variable (``REGIONS[$i]``, as the script writes it) holds every item. scripts56b: ``references``: and an item
    holding an expansion as written (``RS=(eu-central-1 "$DR")``: ``$DR``), for the engine's resolver to fill."""
    elements: dict[str, list[str]] = {}

    def add(name: str, index: int | str | None, item: str) -> None:
        for key in (f"{name}[@]", f"{name}[*]", *(() if index is None else (f"{name}[{index}]",))):
            known = elements.setdefault(key, [])
            if item not in known:
                known.append(item)

    anywhere: dict[str, list[str]] = {}  # quoting59: items whose subscript is a variable: any element's
    for m, words in _compound_words(script, references):
        name, append = m.group(1), "+=(" in m.group(0)
        index = 0
        for word in _array_braces_expanded(words):
            keyed = _KEYED_ITEM.fullmatch(word) if word[:1] == "[" else None
            if keyed is not None:
                # scripts56b: an associative array's `[key]=value` (`declare -A M=([eu]=eu-central-1)`)
                item = keyed.group(2).strip("\"'")
                if _LOOP_WORD.fullmatch(item) or (references and ("$" in item or "`" in item)):
                    add(name, None, item)
                    elements.setdefault(f"{name}[{keyed.group(1)}]", []).append(item)
                continue
            subscript, item = _indexed_item(word)
            index = index if subscript is None else subscript
            if _LOOP_WORD.fullmatch(item) or (references and ("$" in item or "`" in item)):
                add(name, None if append and subscript is None else index, item)
                # scripts60: bash(1) "Arrays": appended "beginning at one greater than the array's maximum index",
                # which this reader may not know: the item may be any element used by an index (`DRS=(a)`,
                # `DRS+=(<abroad>)`, then `"${DRS[1]}"` held nothing: passed every door)
                anywhere.setdefault(name, []).extend([item] if append and subscript is None else [])
            index += 1
    for name, given in _other_array_items(script, references).items():
        for at, item in given:
            add(name, at, item)
            if at is None:
                anywhere.setdefault(name, []).append(item)
    for used, written in element_uses(script):
        if anywhere.get(used) and _add_any_element(elements, used, written, anywhere[used]):
            continue
        if written in ("@", "*") or written.isdigit() or f"{used}[{written}]" in elements:
            continue  # scripts56b: and a key an associative array gives
        _add_used_element(elements, used, written)
    return {key: tuple(items) for key, items in elements.items()}


# mutation60 (stop 60): a compound assignment holding a command substitution beside other items (`RS=($(cmd)
# eu-west-1)`, `RS=("$(cmd)" eu-west-1)`; bash(1) "Arrays": each value undergoes the shell's expansions) gave nothing:
# the substitution's parentheses ended the compound (`_ARRAY_ASSIGNMENT`) and `${RS[0]}` held nothing, so a Region
# abroad passed every door. For the engine's resolver and the loop reader (``references``) each such item is held as
# written (computed, or a destination fails closed); one substitution alone is :func:`array_inputs`' (its output's
# words).
_SUBSTITUTION = r"\$\([^()\n]*\)"
_ARRAY_WITH_SUBSTITUTION = re.compile(
    rf"{_COMMAND_PLACE}(?:{_DECLARATION})?([A-Za-z_][A-Za-z0-9_]*)\+?="
    rf"\(((?:[^()]|{_SUBSTITUTION})*{_SUBSTITUTION}(?:[^()]|{_SUBSTITUTION})*)\)",
    re.M,
)
_SUBSTITUTION_WORD = re.compile(
    rf"""(?:"(?:[^"\\$]|{_SUBSTITUTION}|\$(?!\())*"|'[^']*'|{_SUBSTITUTION}|`[^`]*`|[^\s"'$`]|\$(?!\())+"""
)


def _compound_words(script: str, references: bool) -> list[tuple[re.Match[str], list[str]]]:
    """Each ``NAME=(...)`` compound assignment of ``script`` (:data:`_ARRAY_ASSIGNMENT`) and its words
    (:func:`_array_words`); mutation60: ``references``: and each holding a command substitution beside other items
    (:data:`_ARRAY_WITH_SUBSTITUTION`, its words each substitution whole), other than one whose one item is the
    substitution (:data:`_ARRAY_OF_SUBSTITUTION`, :func:`array_inputs`')."""
    if "=(" not in script:
        return []
    found = [(m, _array_words(m.group(2))) for m in _ARRAY_ASSIGNMENT.finditer(script)]
    if references and "$(" in script:
        found += [
            (m, _SUBSTITUTION_WORD.findall(m.group(2)))
            for m in _ARRAY_WITH_SUBSTITUTION.finditer(script)
            if _ARRAY_OF_SUBSTITUTION.match(script, m.start()) is None
        ]
    return found


def _add_any_element(elements: dict[str, list[str]], name: str, subscript: str, items: list[str]) -> bool:
    """(quoting59) ``elements`` with ``items`` (assigned by a subscript holding a variable: any index) added to the
    element ``${name[subscript]}`` a script uses, where that is an index or a key an assignment gives; whether added."""
    key = f"{name}[{subscript}]"
    if subscript in ("@", "*") or not (subscript.isdigit() or key in elements):
        return False
    known = elements.get(key, [])
    elements[key] = [*known, *(i for i in items if i not in known)]
    return True


def _add_used_element(elements: dict[str, list[str]], name: str, subscript: str) -> None:
    """``elements`` with the element ``${name[subscript]}`` a script uses and no assignment names: mutation56: an
    arithmetic subscript of literal numbers is its index; any other may be any index (every item). mutation57b: a quoted
    subscript is the word it spells (bash(1) "Arrays": `${M["dr"]}` is `${M[dr]}`, `${M["$k"]}` is `${M[$k]}`), held
    under both spellings (the resolver reads the word with its quotes removed; ``${M["$k"]}`` held nothing)."""
    quoted = len(subscript) > 2 and subscript[0] == subscript[-1] and subscript[0] in "\"'"
    unquoted = subscript[1:-1] if quoted else subscript
    if quoted and f"{name}[{unquoted}]" in elements:
        elements[f"{name}[{subscript}]"] = list(elements[f"{name}[{unquoted}]"])
        return
    at = _subscript_index(unquoted)
    held = elements.get(f"{name}[{at}]" if at is not None else f"{name}[@]")
    if held:
        for key in {f"{name}[{subscript}]", f"{name}[{unquoted}]"}:
            elements[key] = list(held)


# scripts54b: bash(1) "Brace Expansion": "an optional preamble, followed by ... a series of comma-separated strings
# ... between a pair of braces, followed by an optional postscript. The preamble is prefixed to each string contained
# within the braces, and the postscript is then appended to each resulting string, expanding left to right"; a quoted
# word is not expanded. Only a comma list without a nested brace or an expansion.
# scripts55: and a sequence ("A sequence expression takes the form {x..y[..incr]}, where x and y are either integers
# or letters, and incr, an optional increment, is an integer ... When integers are supplied, the expression expands to
# each number between x and y, inclusive ... When either x or y begins with a zero, the shell attempts to force all
# generated terms to contain the same number of digits"); "the string `${` is not considered eligible for brace
# expansion".
_BRACE_LIST = re.compile(r"(?<!\$)\{([^{}$`\s]*,[^{}$`\s]*)\}")
_BRACE_SEQUENCE = re.compile(r"(?<!\$)\{(-?[0-9]+|[A-Za-z])\.\.(-?[0-9]+|[A-Za-z])(?:\.\.(-?[0-9]+))?\}")
_MAX_BRACE_WORDS = 32


def _sequence(m: re.Match[str]) -> list[str] | None:
    """The terms of a brace sequence (:data:`_BRACE_SEQUENCE`), or None for mixed ends or more than
    :data:`_MAX_BRACE_WORDS` terms."""
    first, last, step = m.group(1), m.group(2), abs(int(m.group(3) or 1)) or 1
    if first.lstrip("-").isdigit() != last.lstrip("-").isdigit():
        return None
    if not first.lstrip("-").isdigit():
        a, b = ord(first), ord(last)
        terms = [chr(c) for c in range(a, b + (1 if b >= a else -1), step if b >= a else -step)]
    else:
        a, b = int(first), int(last)
        width = max(len(first), len(last)) if first.lstrip("-")[:1] == "0" or last.lstrip("-")[:1] == "0" else 0
        terms = [str(n).zfill(width) for n in range(a, b + (1 if b >= a else -1), step if b >= a else -step)]
    return terms if len(terms) <= _MAX_BRACE_WORDS else None


def brace_expanded(word: str) -> list[str]:
    """``word``'s brace expansion (``eu-{west-1,central-1}``: ``eu-west-1``, ``eu-central-1``; scripts55:
    ``us-west-{1..2}``), left to right, at most :data:`_MAX_BRACE_WORDS` words; ``[word]`` when it holds no comma list
    or sequence."""
    words = [word]
    for _ in range(_MAX_BRACE_WORDS):
        expanded: list[str] = []
        for w in words:
            m = _BRACE_LIST.search(w)
            sequence = _BRACE_SEQUENCE.search(w) if ".." in w else None
            if sequence is not None and (m is None or sequence.start() < m.start()):
                terms = _sequence(sequence)
                if terms is None:
                    return words
                expanded += [w[: sequence.start()] + t + w[sequence.end() :] for t in terms]
                continue
            expanded += [w] if m is None else [w[: m.start()] + s + w[m.end() :] for s in m.group(1).split(",")]
        if expanded == words or len(expanded) > _MAX_BRACE_WORDS:
            return words
        words = expanded
    return words


def _braces_expanded(line: str, words: list[str]) -> list[str]:
    """(scripts55) ``words`` (a line's, :func:`_words`) with each unquoted word holding a brace list or sequence
    replaced by the words it expands to (bash(1) "Brace Expansion" is the first expansion of every word of a command:
    ``--region={a,b}`` is ``--region=a --region=b``, ``--region {a,b}`` gives the option ``a`` and an operand ``b``).
    A word written quoted (not so in the line's text) is left whole."""
    written = set(line.split())
    return [e for w in words for e in (brace_expanded(w) if "{" in w and w in written else (w,))]


def for_loop_words(
    script: str, values: Mapping[str, Sequence[str]], files: Mapping[str, str] | None = None
) -> dict[str, tuple[str, ...]]:
    """The literal words each ``for NAME in WORDS`` loop of ``script`` gives NAME (quotes around a word removed); a
    word that is a whole variable (``$TARGETS``) gives each blank-separated word of the values it holds anywhere
    (``values``: unquoted, it is split into words), an array (``"${TARGETS[@]}"``) each item of the script's
    ``TARGETS=(...)``; any other word holding an expansion, or a glob, is left out, as an assignment of one is
    (the engine's ``_match_values``). (lead, stop 54) A command substitution among the words (``for r in $(echo
    us-west-2)``, ``for h in $(cat /etc/fleet/hosts)``; bash(1) "Command Substitution": its output is split into
    words) gives the words of the values the one evaluator computes (:func:`substitution_values`, ``files`` the
    files the script writes), or, when it cannot compute them, the substitution as written (``$(...)``): the engine
    holds that apart, as a ``while read`` loop's unknown input, and it fails closed at a destination argument only."""
    arrays = _array_items(script) if "=(" in script or "[" in script else {}
    inputs = {name: (split, given) for name, split, given in array_inputs(script)} if has_array_element(script) else {}
    words: dict[str, list[str]] = {}
    loops = list(_FOR_IN.finditer(script))
    positional = positional_words(script) if _loops_over_positions(script, loops) else []
    for m in loops:
        listed_words, substituted = _loop_substitutions(loop_words_text(m).replace("\\\n", " "), values, files or {})
        if "]:" in listed_words:  # mutation59b: `"${RS[@]: -1}"` one word, its blank not a word's end
            listed_words = _SLICE_BLANK.sub(r"\1(\2)", listed_words)
        if substituted:
            known = words.setdefault(m.group(1), [])
            known += [w for w in dict.fromkeys(substituted) if w not in known]
        for word in listed_words.split():
            literal = word.strip("\"'")
            keyed = ARRAY_KEYS.fullmatch(literal) if literal[:3] == "${!" else None
            if keyed is not None:
                # scripts59: `for k in "${!M[@]}"`: the array's keys (array_keys; an unknown one held apart)
                known = words.setdefault(m.group(1), [])
                given = array_keys(script, keyed.group(1), array_elements(script))
                known += [k for k in given if (_LOOP_WORD.fullmatch(k) or k == UNKNOWN_KEYS) and k not in known]
                continue
            sliced = ARRAY_SLICE.fullmatch(literal) if "]:" in literal else None
            if sliced is not None:
                literal = f"${{{sliced.group(1)}[@]}}"  # scripts59: a slice's items, below
            listed = _LOOP_LIST.fullmatch(literal)
            chosen = _LOOP_POSITIONAL.fullmatch(literal) if literal[:1] == "$" and positional else None
            if literal in _ALL_POSITIONAL or chosen is not None:
                # scripts55: `for r in "$@"` (bash(1) "Special Parameters"): the words the positional parameters hold
                # on the loop's line (a function's calls', `set --`'s); a whole variable among them its values, a
                # substitution as written (held apart by the engine); scripts60: those a slice or one parameter
                # chooses (`"${@:2}"`, `"$2"`: _loop_positions)
                items = _loop_positional_items(positional, script.count("\n", 0, m.start()), chosen, values, script)
                # scripts66: unquoted, each word is split again at the IFS in effect at the loop
                items = _split_at_loop(items, script, m.start(), values) if word == literal else items
                known = words.setdefault(m.group(1), [])
                known += [
                    i for i in dict.fromkeys(items) if (_LOOP_WORD.fullmatch(i) or i[:2] == "$(") and i not in known
                ]
                continue
            if listed is None:
                items = brace_expanded(literal) if literal == word and "{" in word else [literal]
            elif listed.group(2):
                items = _array_loop_items(arrays.get(listed.group(1), ()), values)
                split = split_array_elements(script, values) if "$" in "".join(arrays.get(listed.group(1), ())) else {}
                items = list(split.get(f"{listed.group(1)}[@]", ())) or items  # scripts66: `ARR=($RS)` under IFS
                known = words.setdefault(m.group(1), [])  # mutation60: a substitution item as written (held apart)
                known += [i for i in dict.fromkeys(items) if i[:2] == "$(" and i not in known]
                if sliced is not None:
                    items = list(array_slice_items(sliced, array_elements(script)))
                if listed.group(1) in inputs:
                    # scripts56: an array `mapfile` / `read -a` / `R=($(cmd))` fills (array_inputs): the words its
                    # input gives, computed by the one evaluator, else the input as written (held apart)
                    from_file = _array_input_loop_items(inputs[listed.group(1)], sliced, values, files or {})
                    known = words.setdefault(m.group(1), [])
                    known += [w for w in dict.fromkeys(from_file) if w not in known]
            else:
                # lead (stop 60): a value that is a command substitution the evaluator did not compute (`L=$(cat
                # /etc/regions)`, an unread multi-line or ANSI-C word) is held as written, as the same substitution
                # among the loop's words is: split into words it gave the loop nothing and a Region abroad passed
                held = values.get(listed.group(1) or listed.group(3), ())
                items = _variable_loop_items(script, m.start(), held, values, words.setdefault(m.group(1), []))
            known = words.setdefault(m.group(1), [])
            known += [i for i in dict.fromkeys(items) if _LOOP_WORD.fullmatch(i) and i not in known]
    return {name: tuple(found) for name, found in words.items() if found}


def _loops_over_positions(script: str, loops: list[re.Match[str]]) -> bool:
    """Whether a loop of ``script`` (``loops``, :data:`_FOR_IN`'s) may take the positional parameters: ``"$@"``,
    ``$*``, a slice or one parameter written, or (scripts66) a bare ``for NAME; do``."""
    passed = "$@" in script or "$*" in script or "${@" in script or "${*" in script or has_positional(script)
    return passed or any(m.start(2) == m.end(1) for m in loops)


def _split_at_loop(items: list[str], script: str, at: int, values: Mapping[str, Sequence[str]]) -> list[str]:
    """(scripts66, stop 66) A loop's unquoted positional word's ``items`` (``for r in $1`` in a function called with
    ``"<home>,<abroad>"``; bash(1) "Word Splitting": an unquoted expansion's result is split at IFS) each split at the
    IFS in effect at offset ``at`` (:func:`ifs_at`, :func:`split_fields`; a function's ``local IFS=,`` before the
    loop): the item, holding a blank or the comma, was no loop word and the Region abroad passed every door. A
    substitution stays whole (held apart); an IFS no reader computes gives its placeholder (fail closed)."""
    if "IFS" not in script and all(i[:2] == "$(" or _LOOP_WORD.fullmatch(i) for i in items):
        return items
    separators = ifs_at(script, at, values) if "IFS" in script else [None]
    out = _unknown_ifs(separators)
    for item in items:
        if item[:2] == "$(":
            out.append(item)
            continue
        out += [f for ifs in separators if ifs is None or ifs[:2] != "$(" for f in split_fields(item, ifs)]
    return out


def _variable_loop_items(
    script: str, at: int, held: Sequence[str], values: Mapping[str, Sequence[str]], known: list[str]
) -> list[str]:
    """The words a whole variable holding ``held`` gives a ``for`` loop at offset ``at``: each value split into words;
    a value that is one command substitution the evaluator did not compute added to ``known`` as written (held apart,
    lead, stop 60). scripts65 (stop 65): each substitution inside a value with text around it held apart too (`T="$(cat
    FILE) <home>"`: split at blanks, its pieces were no loop words and the file's Region passed every door); the values
    split at the IFS the script sets before the loop (:func:`ifs_at`; one no reader computes held apart: fail
    closed)."""
    known += [v for v in dict.fromkeys(held) if v not in known and substitution_at(v, 0) == v]
    known += [u for v in held if substitution_at(v, 0) != v for u in _held_substitutions(v) if u not in known]
    separators = ifs_at(script, at, values) if "IFS" in script else [None]
    known += [u for u in _unknown_ifs(separators) if u not in known]
    return [
        w
        for v in held
        if substitution_at(v, 0) != v
        for ifs in separators
        if ifs is None or ifs[:2] != "$("
        for w in split_fields(v, ifs)
    ]


def _array_input_loop_items(
    given: tuple[str, str],
    sliced: re.Match[str] | None,
    values: Mapping[str, Sequence[str]],
    files: Mapping[str, str],
) -> list[str]:
    """The words an array ``mapfile`` / ``read -a`` / ``R=($(cmd))`` fills (``given``: :func:`array_inputs`' split and
    input) gives a loop over it (``sliced``: a slice of it, scripts60b: by index for a file the script writes,
    :func:`_sliced_file_items`), as the one evaluator computes the input."""
    split, substitution = given
    # mutation58: `mapfile -d SEP` (_mapfile_split): the output's items at SEP too, as the elements'
    # (array_input_elements); `-d ,` over `a,b` gave the one word `a,b`, no loop word: nothing judged
    at = chr(int(split.rsplit("/", 1)[1])) if split.count("/") == 4 else None
    if split.startswith("ifs/"):  # scripts59: `IFS=, read -a R <<<`: the output's fields at IFS
        at = next((chr(int(c)) for c in split[4:].split("-") if chr(int(c)) not in " \t\n"), None)
    from_file = _sliced_file_items(sliced, split, substitution, files) if sliced else None
    if from_file is None:
        _, from_file = _loop_substitutions(substitution, values, files, at)
    return from_file


def _array_loop_items(items: Sequence[str], values: Mapping[str, Sequence[str]]) -> list[str]:
    """(mutation60, stop 60) An array's items (:func:`_array_items`) as a loop's words: an item holding a variable or a
    substitution (`RS=("$DR" eu-west-1)`, `RS[1]=$(cmd)`) as a positional parameter's word (:func:`_positional_items`:
    a whole variable's values, a substitution as written, held apart by the engine); such an item gave the loop's
    variable nothing and a Region abroad passed every door."""
    if not any("$" in i or "`" in i for i in items):
        return list(items)
    return [w for i in items for w in _positional_items(i, values)]


# scripts60 (stop 60): a positional slice or one positional parameter as a loop's word (bash(1) "Parameter Expansion":
# "If parameter is @ or *, the result is length positional parameters beginning at offset"): `for R in "${@:2}"` in a
# function, or after `set --`, bound R nothing (the slice was read as a command's argument only): a Region abroad
# passed every door. A literal offset and length (or none) choose those positions; any other (`${@:$N}`) every one.
_LOOP_POSITIONAL = re.compile(
    r"\$\{[@*]:(?:[ \t]*(?P<offset>[0-9]+)|[^{}:]*)(?::[ \t]*(?P<length>[0-9]+)|(?P<other>:[^{}]*))?\}"
    r"|\$(?P<one>[1-9])|\$\{(?P<braced>[1-9][0-9]*)\}"
)


def _loop_positional_items(
    positional: Sequence[tuple[int, int, Mapping[str, Sequence[str]]]],
    line: int,
    chosen: re.Match[str] | None,
    values: Mapping[str, Sequence[str]],
    script: str = "",
) -> list[str]:
    """(scripts60) The items a loop on ``line`` takes from the positional parameters (:func:`positional_words`):
    every one for ``"$@"`` (``chosen`` None), else those ``chosen`` gives (:func:`_loop_positions`), each as
    :func:`_positional_items` reads it; scripts65b: a whole variable's values split at the IFS in effect where the
    positions are set (``script``'s, :func:`_ifs_at_line`)."""
    held = [
        (a, w)
        for a, b, given in positional
        if a <= line <= b
        for k, ws in given.items()
        if chosen is None or _loop_positions(chosen, k)
        for w in ws
    ]
    return [v for a, w in held for v in _positional_items(w, values, _ifs_at_line(script, a, values))]


def _ifs_at_line(script: str, line: int, values: Mapping[str, Sequence[str]]) -> list[str | None]:
    """(scripts65b) The IFS values in effect at the start of ``script``'s line ``line`` (:func:`ifs_at`; the default
    where the script sets none): ``IFS=,`` then ``set -- $RS`` splits RS's values at the comma."""
    if not script or "IFS" not in script:
        return [None]
    offset = 0
    for _ in range(line):
        offset = script.find("\n", offset) + 1
    return ifs_at(script, offset, values)


def _loop_positions(chosen: re.Match[str], key: str) -> bool:
    """(scripts60) Whether the positional parameter ``key`` (``"2"``; ``"!#"`` the last) is among those ``chosen``
    (:data:`_LOOP_POSITIONAL`) gives: one parameter itself; a slice's from its literal offset for its literal length;
    every one where the offset or the length is not a literal number (a superset)."""
    one = chosen.group("one") or chosen.group("braced")
    if one is not None:
        return key == one
    if chosen.group("offset") is None or chosen.group("other") is not None:
        return True
    length = chosen.group("length")
    if not key.isdigit():
        return length is None  # the last parameter: in every slice running to the end
    offset, position = int(chosen.group("offset")), int(key)
    return position >= offset and (length is None or position < offset + int(length))


def _sliced_file_items(
    sliced: re.Match[str], split: str, substitution: str, files: Mapping[str, str]
) -> list[str] | None:
    """(scripts60b, stop 60) The words a loop over a slice (:data:`ARRAY_SLICE`) of an array ``mapfile`` / ``read -a``
    fills from a file the script writes (``substitution`` ``$(< FILE)``, ``split`` :func:`array_inputs`') gives: the
    slice of the file's items by index (:func:`input_items`, :func:`array_slice_items`), each item's words; None for
    any other input (every item, as before: the evaluator may give a command's lines apart). Every item was given
    before, and an item the slice leaves out (a Region abroad) was RES-009 at home."""
    file = substitution[4:-1].strip().strip("\"'") if substitution.startswith("$(< ") else None
    if file is None or file not in files:
        return None
    items = array_slice_items(sliced, indexed_elements(sliced.group(1), input_items(split, files[file])))
    return [w for item in items for w in item.split() if _LOOP_WORD.fullmatch(w)]


def _positional_items(
    word: str, values: Mapping[str, Sequence[str]], separators: Sequence[str | None] = (None,)
) -> list[str]:
    """(scripts55) A positional parameter's word as a loop's items: a whole variable's values split into words, a
    command substitution as written, a literal itself. scripts65b: split at each of ``separators`` (the IFS values in
    effect, :func:`ifs_at`; one no reader computes given as its placeholder, held apart: fail closed)."""
    whole = _LOOP_LIST.fullmatch(word) if word[:1] == "$" and word[:2] != "$(" else None
    if whole is not None and not whole.group(2):
        given = values.get(whole.group(1) or whole.group(3), ())
        unknown = _unknown_ifs(separators) if given else []
        known = [s for s in separators if s is None or s[:2] != "$("]
        return [*unknown, *(w for v in given for ifs in known for w in split_fields(v, ifs))]
    return [word] if word[:2] == "$(" or not any(c in word for c in "$`") else []


def _loop_substitutions(
    text: str, values: Mapping[str, Sequence[str]], files: Mapping[str, str], separator: str | None = None
) -> tuple[str, list[str]]:
    """(lead, stop 54) ``text`` (a ``for`` loop's word list) with its command substitutions blanked, and the words they
    give (:func:`for_loop_words`): each computed value split into words (a word naming the machine itself is left
    out: no literal), or the substitution as written when it cannot be computed. mutation58: ``separator`` (a
    ``mapfile -d SEP`` array's) splits the values there too."""
    if "$(" not in text and "`" not in text:
        return text, []
    words: list[str] = []
    i = 0
    while True:
        starts = [at for at in (text.find("$(", i), text.find("`", i)) if at >= 0]
        if not starts:
            return text, words
        at = min(starts)
        substitution = substitution_at(text, at)
        if substitution is None:
            return text, words
        given = substitution_values(substitution, values, files)
        if given is None:
            words.append(substitution)
        else:
            # mutation58b: `mapfile -d ''` (a NUL) looped over splits at the NUL printf writes (falsealarm58b)
            split = (v.replace(separator, " ") if separator else v for v in given if v != OWN_MACHINE)
            words += [w for v in split for w in v.split() if _LOOP_WORD.fullmatch(w)]
        text = text[:at] + " " * len(substitution) + text[at + len(substitution) :]
        i = at + len(substitution)


# scripts54: `while read [-r] NAME; do ... done <<DELIM` (or `done < FILE`): bash(1) "read": "One line is read from the
# standard input ... the first word is assigned to the first name"; the loop's redirection is its standard input, so
# NAME holds each line of the here-document's body (or of FILE) in the loop's body. `IFS=... ` before read is allowed.
# scripts54b: several names ("the first word is assigned to the first name, the second word to the second name, and
# so on, with leftover words and their intervening separators assigned to the last name"), and a here-string `done
# <<< WORD` (Here Strings: the word, expanded, is the loop's input: its lines).
# mutation55: the `IFS=` value before read (quoted, `$'\t'` too) splits each line (:func:`ifs_fields`).
_IFS_VALUE = r"(?:IFS=(\$'[^'\n]*'|'[^'\n]*'|\"[^\"\n]*\"|[^\s;&|'\"]*)[ \t]+)?"
# scripts60b (stop 60): the one spelling of a `read -d` word (bash(1) "read": "-d delim The first character of delim is
# used to terminate the input line"): an empty quoted word (a NUL), a quoted word, a backslash-quoted character or a
# bare word, whose first character :func:`read_delimiter` reads. The five readers of `read -d` (a `while read` loop,
# a file, a process substitution, a here-string, a here-document) each spelled it (three of them one character only,
# two without `''`, one without `\;`); they use this one, and :func:`read_option_delimiter` beside it.
READ_DELIMITER_WORD = r"''|\"\"|'[^'\n]+'|\"[^\"\n]+\"|\\\S|[^\s'\";&|<>()]+"
"""A ``read -d`` option's word as a script writes it (group-free)."""
_READ_DELIMITER_OPTION = re.compile(rf"-r?d[ \t]*({READ_DELIMITER_WORD})")
# scripts60b (stop 60): `-n NCHARS` / `-N NCHARS` in a `while read` loop's options (bash(1) "read": "-n nchars read
# returns after reading nchars characters rather than waiting for a complete line of input, but honors a delimiter if
# fewer than nchars characters are read"; "-N nchars ... exactly nchars characters ... Delimiter characters encountered
# in the input are not treated specially ... The result is not split on the characters in IFS"): `while read -r -n 16
# R; do ... done < FILE` over fixed-width records passed every door with a Region abroad (the loop was not read).
_READ_COUNT = r"-r?[nN][ \t]*[0-9]+"
_WHILE_READ = re.compile(
    r"(?:"
    + _COMMAND_PLACE
    + r"(?:\{[ \t]+)?|\{[ \t]+)while[ \t]+"  # falsealarm56: `CMD | { while ...; }`, `f() { while ...; }` too
    + _IFS_VALUE
    # falsealarm58b: `-d ''` too (records end at a NUL: each record's lines, a superset, are read)
    # scripts59 (stop 59): and `-d X` (bash(1) "read": "-d delim The first character of delim is used to terminate
    # the input line, rather than newline"): `while read -r -d ';' R` over `a;b;` read nothing (R unset: a Region
    # abroad passed every door); each record's lines (a superset) are read
    # mutation59b (stop 59): and `-d \;` (a backslash-quoted character: read_delimiter)
    # mutation60 (stop 60): `-rd ';'` (getopt's grouped `-r -d`) too, and the idiom for a last record without its
    # delimiter, `while read -r R || [ -n "$R" ]` (`[[ -n $R ]]`, `test -n "$R"`: the loop runs once more for a last
    # line read without its newline, the record R holds): each left the loop unread (R unset) and a Region abroad
    # passed every door
    + r"read(?:[ \t]+-r)?(?:[ \t]+-r?d[ \t]*(?P<delim>"
    + READ_DELIMITER_WORD
    + r")(?:[ \t]+-r)?)?(?:[ \t]+(?P<count>"
    + _READ_COUNT
    + r")(?:[ \t]+-r)?)?"
    + r"(?P<names>(?:[ \t]+[A-Za-z_][A-Za-z0-9_]*)+)[ \t]*"
    + r"(?:\|\|[ \t]*(?:\[\[?|test)[ \t]+-n[ \t]+\"?\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\"?(?:[ \t]+\]\]?)?[ \t]*)?"
    + r"(?=;|\n|do\b)",
    re.M,
)
_IFS_BLANKS = " \t\n"


def read_delimiter(word: str) -> str:
    """(mutation59b, stop 59) The character a ``read -d WORD`` ends its records at: WORD's first character after quote
    removal (bash(1) "read": "The first character of delim"; "QUOTING": "A non-quoted backslash (\\) ... preserves the
    literal value of the next character"), so ``-d \\;`` is ``;`` (read as the backslash, a record ending at ``;``
    abroad passed every door); empty for ``''``."""
    return word[1:2] if word[:1] == "\\" else word.strip("'\"")[:1]


def read_option_delimiter(options: str) -> str | None:
    """(scripts60b) The character a ``read`` command's ``-d WORD`` among its ``options`` ends its input at
    (:func:`read_delimiter`; empty for ``''``, a NUL), or None without ``-d``."""
    given = _READ_DELIMITER_OPTION.search(options) if "d" in options else None
    return None if given is None else read_delimiter(given.group(1))


def ifs_value(written: str | None) -> str | None:
    """The characters an ``IFS=WORD`` assignment gives IFS (quotes removed, ``$'\\t'`` / ``$'\\n'`` decoded); None
    for none given, or a value holding an expansion (then bash's default, blanks, is read: mutation55)."""
    if written is None:
        return None
    if written[:2] == "$'":
        return written[2:-1].replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")
    value = written[1:-1] if written[:1] in "'\"" else written
    return None if "$" in value or "`" in value else value


# scripts65 (stop 65): IFS set at a command's place (bash(1) "Word Splitting": "The shell treats each character of IFS
# as a delimiter, and splits the results of the other expansions into words using these characters as field
# terminators"; "If IFS is unset, ... the default"): `IFS=,` / `IFS=$'\n'` / `local IFS=:` alone (not before a command,
# `IFS=, read ...`, which sets it for that command only), and `unset IFS`. `RS="<home>,<abroad>"; IFS=,; for r in
# $RS` split at blanks gave one word, no Region: the Region abroad passed every door.
_IFS_SET = re.compile(
    r"(?:^|[;&|({]|\b(?:do|then|else))[ \t]*(?:(?:local|declare|typeset|export|readonly)[ \t]+)?"
    r"(?:IFS=(?P<value>\$'[^'\n]*'|'[^'\n]*'|\"[^\"\n]*\"|(?:\$\([^()\n]*\)|[^\s;&|'\"()])*)"
    r"|unset[ \t]+(?:-v[ \t]+)?IFS)[ \t]*(?=$|[;&|)}#])",
    re.M,
)
_IFS_REFERENCE = re.compile(r"\$(?:\{(\w+)\}|(\w+))|\"\$(?:\{(\w+)\}|(\w+))\"")
_IFS_SAVED = re.compile(r"(?:^|[;&|({]|\b(?:do|then|else))[ \t]*(?:(?:local|declare|typeset|readonly)[ \t]+)?"
                        r"(\w+)=(?:\$IFS|\$\{IFS\}|\"\$IFS\"|\"\$\{IFS\}\")[ \t]*(?=$|[;&|)}#])", re.M)  # fmt: skip
_IFS_DEPTH = 4
"""How many saved IFS values (``OLD=$IFS`` ... ``IFS=$OLD``) are followed back."""


def ifs_at(script: str, at: int, values: Mapping[str, Sequence[str]], depth: int = 0) -> list[str | None]:
    """(scripts65) The IFS values in effect at offset ``at`` of ``script``: the last IFS assignment at a command's place
    before it (:data:`_IFS_SET`), None for the default (none, ``unset IFS``, a saved IFS restored: ``IFS=$OLD`` after
    ``OLD=$IFS``, followed back to the IFS at the save); a variable's literal values (``IFS=$SEP``); else the value as
    written wrapped as a substitution (``$(IFS=...)``), which no evaluator computes: a loop over it fails closed."""
    last = None
    for m in _IFS_SET.finditer(script, 0, at):
        last = m
    if last is None or last.group("value") is None:
        return [None]
    written = last.group("value")
    chars = ifs_value(written)
    if chars is not None:
        return [None if chars == " \t\n" else chars]
    reference = _IFS_REFERENCE.fullmatch(written)
    name = next((g for g in reference.groups() if g), "") if reference is not None else ""
    saved = [s for s in _IFS_SAVED.finditer(script, 0, last.start()) if s.group(1) == name]
    if saved and depth < _IFS_DEPTH:
        return ifs_at(script, saved[-1].start(), values, depth + 1)
    given = values.get(name, ()) if name else ()
    if given and not any("$" in v or "`" in v for v in given):
        return list(dict.fromkeys(given))
    return [f"$(IFS={written})"]


def _held_substitutions(value: str) -> list[str]:
    """(scripts65) The command substitutions written in a variable's value held as text (one the evaluator did not
    compute, with text around it), each whole."""
    found: list[str] = []
    k = value.find("$(")
    while k >= 0:
        sub = substitution_at(value, k)
        if sub is None:
            break
        found.append(sub)
        k = value.find("$(", k + len(sub))
    return found


def _unknown_ifs(separators: Sequence[str | None]) -> list[str]:
    """(scripts65) The placeholders :func:`ifs_at` gives for an IFS no reader computes."""
    return [s for s in separators if s is not None and s[:2] == "$("]


def split_fields(value: str, ifs: str | None) -> list[str]:
    """(scripts65) ``value`` (an unquoted expansion's) split into words at IFS ``ifs`` (None: the default, blanks;
    empty: not split), empty fields dropped and blanks around each field removed (bash(1) "Word Splitting"): the
    fields ``read`` splits (:func:`ifs_fields`, the one splitter at IFS) with no last name taking the rest."""
    return [f.strip() for f in ifs_fields(value, ifs, len(value) + 1) if f.strip()]


def ifs_fields(line: str, ifs: str | None, names: int) -> list[str]:
    """``line`` split into at most ``names`` fields as ``read`` splits it with IFS ``ifs`` (bash(1) "Word Splitting":
    IFS blanks at the ends are trimmed and a run of them is one delimiter; each other IFS character delimits a field,
    with the blanks around it; "leftover words and their intervening separators" go to the last name). None: the
    default (blanks); an empty IFS: the line whole (mutation55)."""
    if ifs is None:
        return line.split(None, names - 1)
    if not ifs:
        return [line]
    blanks = "".join(c for c in ifs if c in _IFS_BLANKS)
    others = "".join(c for c in ifs if c not in _IFS_BLANKS)
    trimmed = line.strip(blanks) if blanks else line
    around = f"[{re.escape(blanks)}]*" if blanks else ""
    delimiter = (f"{around}[{re.escape(others)}]{around}" if others else "") + (
        f"|[{re.escape(blanks)}]+" if blanks else ""
    )
    if not trimmed or names < 2:
        return [trimmed] if trimmed else []  # re.split's maxsplit 0 would split at every delimiter
    return re.split(delimiter.lstrip("|"), trimmed, maxsplit=names - 1)


# A command's standard input redirected (bash(1) "Redirections"): a here-document (groups 1-3: `-`, a quote, the
# delimiter), a file (4), a here-string (5) or a process substitution (6); a loop's after its `done`.
_INPUT_REDIRECTION = (
    r"<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\2[^\n]*\n|<[ \t]*([^\s;&|<>()]+)"
    r"|<<<[ \t]*(\"[^\"]*\"|'[^']*'|[^\s;&|<>()'\"]+)|<[ \t]*<\(([^()\n]*)\)"
)
_LOOP_INPUT = re.compile(r"\bdone[ \t]*(?:" + _INPUT_REDIRECTION + ")")
# falsealarm58 (stop 58): a function call's input redirected after its words on its line (`push_all < FILE`,
# `push_all <<EOF`, `push_all <<< "$HOSTS"`, `push_all < <(CMD)`)
_CALL_INPUT = re.compile(r"[^\n;&|<>]*?(?:" + _INPUT_REDIRECTION + ")")
# falsealarm56 (stop 56): a loop's input given by process substitution (bash(1) "Process Substitution": `<(list)`,
# `done < <(COMMAND)`) is COMMAND's output, as a pipe's; a loop whose input the reader finds nowhere reads the
# script's own standard input or a form not read (a `{ ...; }` group): its variable is unknown at a destination, not
# an unset variable (a partner's host piped into `| \` then `while read` on the next line passed every door).
_UNREAD_INPUT = "$(< /dev/stdin)"
_PIPE_BEFORE = re.compile(r"(?<!\|)\|(?:[ \t]*\\?\n)*[ \t]*\{?[ \t]*\Z")


def _pipe_into(script: str, at: int) -> int | None:
    """The offset of the pipe feeding the ``while`` command matched at ``at`` (bash(1) "Pipelines"; the pipe on the
    same line, or ending an earlier line, with or without a backslash-newline, and before a ``{`` group), or None."""
    if script[at] == "|":
        return at if at == 0 or script[at - 1] != "|" else None
    found = _PIPE_BEFORE.search(script, max(0, at - 200), at)
    return found.start() if found is not None else None


# falsealarm57 (stop 57): bash(1) "Shell Functions": a function's commands run in the caller's shell, with its standard
# input, so a `while read` loop opening a function body (`push_all() { while read -r ip; do ssh "$ip" ...; done; }`)
# reads what each call is given: `CMD | push_all` (a pipe on the call's line or ending an earlier one). The lines of
# every call's pipe, each as :func:`_piped_lines` reads a loop's own pipe; a call with any other input (none, a file,
# the script's standard input) or no call at all leaves the loop unread (None: unknown, as before).
_LOOP_IN_BODY = re.compile(
    r"(?:^|\n)[ \t]*(?:function[ \t]+([A-Za-z_][\w:.-]*)(?:[ \t]*\([ \t]*\))?|([A-Za-z_][\w:.-]*)[ \t]*\([ \t]*\))"
    r"[ \t]*(?:\n[ \t]*)?\{[ \t]*(?:\n[ \t]*)?\Z"
)


def _callers_lines(
    script: str, at: int, files: Mapping[str, str], values: Mapping[str, Sequence[str]]
) -> list[str] | None:
    """The lines the callers of the function whose body opens with the ``while`` at ``at`` pipe into it, or None."""
    at = script.index("while", at)  # after a one-line body's `{`
    defined = _LOOP_IN_BODY.search(script, max(0, at - 200), at)
    if defined is None:
        return None
    call = re.compile(_CALL_PLACE + "(" + re.escape(defined.group(1) or defined.group(2)) + r")(?=[ \t;&|)<]|$)", re.M)
    lines: list[str] = []
    for found in call.finditer(script):
        bar = _pipe_into(script, found.start(1))
        piped = _piped_lines(script, bar, files, values) if bar is not None else None
        if piped is None:
            # falsealarm58 (stop 58): a call's own redirection is read as a loop's (a file the script writes, a
            # here-document, a here-string); on main 38135ba4 any call not piped left the whole loop unknown (RES-015
            # for a compliant `push_all <<EOF` of the VPC's addresses)
            given = _CALL_INPUT.match(script, found.end(1))
            piped = _redirected_lines(script, given, files, values) if given is not None else None
        if piped is None:
            return None
        lines += piped
    return lines or None


def _redirected_lines(
    script: str, given: re.Match[str], files: Mapping[str, str], values: Mapping[str, Sequence[str]]
) -> list[str]:
    """The lines an input redirection (:data:`_INPUT_REDIRECTION`, matched as ``given``) gives a ``while read`` loop:
    a here-document's body lines (an unquoted one's variables filled), a here-string's, a process substitution's
    output, a file the script writes; ``$(< FILE)`` for a file it does not write (unknown, held apart)."""
    if given.group(3) is not None:
        lines: list[str] = []
        for written in script[given.end() :].split("\n"):
            line = written.lstrip("\t") if given.group(1) else written
            if line.rstrip("\r") == given.group(3):
                break
            expanded = not given.group(2) and "$" in line
            lines += filled_texts(line.strip(), values) if expanded else [line.strip()]
        return lines
    if given.group(5) is not None:
        written = given.group(5)
        word = written[1:-1] if written[:1] in "\"'" else written
        if word[:2] == "$(":
            return [word]
        if "$" in word and written[:1] != "'":
            # falsealarm58 (stop 58): bash(1) "Here Strings": "The word undergoes ... parameter and variable
            # expansion": `<<< "$H"` is each value H holds (it was the text `$H`, no loop word: a partner's host in H
            # passed every door, a loop's own here-string on main too)
            return [line.strip() for text in filled_texts(word, values) for line in text.splitlines()]
        return [line.strip() for line in word.splitlines()]
    if given.group(6) is not None:
        return _piped_lines(f"{given.group(6)}|", len(given.group(6)), files, values) or [_UNREAD_INPUT]
    if given.group(4) in files:
        # falsealarm58b: a NUL ends a record too (`read -d ''` of a file `printf '%s\0' A B` writes): each part
        return [line.strip() for record in files[given.group(4)].split("\0") for line in record.splitlines()]
    return [f"$(< {given.group(4)})"]


def while_read_words(
    script: str, files: Mapping[str, str], values: Mapping[str, Sequence[str]] | None = None
) -> dict[str, tuple[str, ...]]:
    """The lines each ``while read NAME; do ... done`` loop of ``script`` gives NAME (scripts54): a here-document's body
    lines, or the lines of a file the script writes (``files``), each a word :func:`for_loop_words` would take; a loop
    reading a file the script does not write gives NAME ``$(< FILE)``, the file's content as the script writes it
    nowhere (the engine fails it closed at a destination, as ``read NAME < FILE``). A loop whose input is neither is
    not read. scripts54b: a here-string's lines (a literal word's; a substitution's is ``$(...)`` whole, as a file's),
    and several names, each given its word of each line (the last the rest of it). mutation55: a loop fed by a pipe
    (``printf '%s\\n' a b | while read -r r``) reads the lines of the command before it, as the one evaluator computes
    them (:func:`substitution_values`, ``values`` the variables' values), else ``$(COMMAND)`` held apart."""
    words: dict[str, list[str]] = {}
    for m in _WHILE_READ.finditer(script):
        bar = _pipe_into(script, m.start())
        piped = _piped_lines(script, bar, files, values or {}) if bar is not None else None
        given = None if piped is not None else _LOOP_INPUT.search(script, m.end())
        if given is None and piped is None:
            # falsealarm56: an input the reader does not find is unknown, not unset; falsealarm57: a function's loop
            # reads what its callers pipe into it
            piped = _callers_lines(script, m.start(), files, values or {}) or [_UNREAD_INPUT]
        if piped is not None:
            lines = piped
        elif given is None:
            continue
        else:
            lines = _redirected_lines(script, given, files, values or {})
        names, ifs = m.group("names").split(), ifs_value(m.group(1))
        delimiter = read_delimiter(m.group("delim") or "")
        if delimiter:  # scripts59: `read -d X`: the records end at X
            lines = [r for line in lines for r in ([line] if line[:2] == "$(" else line.split(delimiter)) if r.strip()]
        exact = m.group("count") is not None and "N" in m.group("count")
        if m.group("count") is not None:  # scripts60b: `-n N` / `-N N`: each record of at most N characters
            lines = counted_records(lines, int(m.group("count").lstrip("-rnN \t")), exact=exact)
        for line in lines:
            unsplit = line[:2] == "$(" or exact  # `-N`: "not split on the characters in IFS"
            split = [line] * len(names) if unsplit else ifs_fields(line, ifs, len(names))
            for name, word in zip(names, split, strict=False):
                known = words.setdefault(name, [])
                if (word[:2] == "$(" or _LOOP_WORD.fullmatch(word)) and word not in known:
                    known.append(word)
    return {name: tuple(found) for name, found in words.items() if found}


def counted_records(lines: Sequence[str], count: int, *, exact: bool) -> list[str]:
    """(scripts60b) The records ``read -n COUNT`` (``exact``: ``-N COUNT``) reads from ``lines`` (a loop's input, its
    lines as :func:`_redirected_lines` gives them) one after another (bash(1) "read": ``-n`` reads at most COUNT
    characters of a line, stopping at its newline; ``-N`` exactly COUNT characters, newlines among them, "not split
    on the characters in IFS"). A ``-N`` record holding a newline or blanks is given with them removed too (a
    superset: the value a Region or host would be, judged, never fewer); an input not computed (``$(...)``) is kept
    whole; a count of 0 gives the lines as they are."""
    if count <= 0:
        return list(lines)
    out: list[str] = []
    known = [line for line in lines if line[:2] != "$("]
    texts = ["\n".join(known) + "\n"] if exact and known else known
    for text in texts:
        for at in range(0, len(text), count):
            record = text[at : at + count]
            out += [record, *([cleaned] if exact and (cleaned := "".join(record.split())) != record else [])]
    return [*(r for r in out if r.strip()), *(line for line in lines if line[:2] == "$(")]


# scripts57 (stop 57): the one filling of a script's values into a text (a host, a URL's authority, a command's option
# value, a here-document's line), moved here from the engine (its `_filled`, `_with_defaults`, `_defaulted`) so that the
# script reader's `while read` loop (scripts56's `_expanded_body_line`, a second filling) and the engine use one.
# scripts58 (stop 58): 64, was 8: `psql -h "${NET}.${OCT}.0.5"` over two loops of 2 and 5 words (10 combinations) was
# filled with each value once, so the one pair abroad (`192.17.0.5`, beside `10.17.0.5` and `192.168.0.5`) was never
# judged and passed every door. Past the bound the texts are each value once and PAST_THE_FILLING (fail closed).
_MAX_FILLED = 64  # every combination of the variables' values up to this many texts; past it, each value once
PAST_THE_FILLING = "$(more combinations than the reader keeps)"
"""(scripts58) The text :func:`filled_texts` adds where a text's variables give more than :data:`_MAX_FILLED`
combinations: a command substitution no evaluator computes, so that a destination fails it closed (RES-011 / RES-015,
as an unknown value) rather than dropping the combinations not written (the engine's ``_PAST_THE_CAP`` for values)."""


def _combinations(
    choices: list[list[str | None]], apart: frozenset[int] = frozenset()
) -> Iterator[tuple[str | None, ...]]:
    """The combinations :func:`filled_texts` writes: every one while they are at most :data:`_MAX_FILLED`; past that,
    each value of each variable once, the others at their first value (the lead's review of stop 57: the product was
    cut at eight, so that a ninth value a variable was assigned, a partner's host or a Region abroad, was never
    judged and passed every door). A text of one variable (the usual case) is thus filled with every value it holds;
    past the bound, a text of several variables is also given :data:`PAST_THE_FILLING` (:func:`filled_texts`).
    falsealarm59: the choices at ``apart`` (:func:`_judged_apart`: a port, an octet under a literal private network)
    are each value once, the others every combination (within the bound) at their first value."""
    joined = _joined(choices, apart)
    if apart and _every_combination(joined):
        yield from itertools.product(*joined)
        first = tuple(c[0] for c in choices)
        for i in sorted(apart):
            for value in choices[i][1:]:
                yield (*first[:i], value, *first[i + 1 :])
        return
    if _every_combination(choices):
        yield from itertools.product(*choices)
        return
    first = tuple(c[0] for c in choices)
    seen = {first}
    yield first
    for i, values in enumerate(choices):
        for value in values[1:]:
            combination = (*first[:i], value, *first[i + 1 :])
            if combination not in seen:
                seen.add(combination)
                yield combination


def _every_combination(choices: list[list[str | None]]) -> bool:
    """Whether :func:`_combinations` writes every combination of ``choices``: at most :data:`_MAX_FILLED`, or one
    variable of several values (each value once is then every combination)."""
    return sum(len(c) > 1 for c in choices) <= 1 or math.prod(len(c) for c in choices) <= _MAX_FILLED


def _joined(choices: list[list[str | None]], apart: frozenset[int]) -> list[list[str | None]]:
    """(falsealarm59) ``choices`` with those at ``apart`` cut to their first value: the choices whose every
    combination :func:`_combinations` writes."""
    return [c[:1] if i in apart else c for i, c in enumerate(choices)] if apart else choices


# falsealarm59 (stop 59): a text of several variables whose combinations pass the bound above is unknown (fail closed),
# so that `psql -h "10.${a}.${b}.5"` over two loops of nine octets, or `curl "$h:$p"` of nine private hosts and nine
# ports, was RES-015 (a false alarm). A variable is judged apart (each value once, not in every combination) only where
# no combination can judge otherwise than its values one by one do:
# - a port: every value a port number (RFC 3986 3.2.3, "port = *DIGIT"), every use right after the one `:` of an
#   authority (after a `]`, or with no other `:` back to a blank, `/` or `@`) and before its end (a blank, `/`, `?`,
#   `#`, a quote, `,`, `;` or the text's end): the host it follows is the same for every port (`$h` of an IPv6
#   address would take the port into the address: a `:` in a value, below);
# - an octet under a literal private network: every value a decimal octet (0-255, no leading zero), every use a whole
#   part of a dotted quad whose first part(s) are literal octets naming a private or loopback network (`10.`,
#   `192.168.`, `172.16.`; the first and last address of that prefix private, references.is_private_address): every
#   combination is an address of that network. `"${NET}.${OCT}.0.5"` (the first part a variable: `192.17.0.5` is
#   public) and `"$A$B"` (one part of two variables) stay judged in every combination, or unknown past the bound.
# - and no value of the text's variables holding a character that could open another authority, path, query or word
#   (`x@192` before `.${B}.5` makes a host 192.B.0.5 whose verdict is B's: every combination is then judged).
_STRUCTURAL = re.compile(r"[\s@/:?#\[\]\\\"'`$%,;|&()<>*{}=]")
_PORT_VALUE = re.compile(r"[0-9]{1,5}")
_OCTET_VALUE = re.compile(r"0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5]")
_VARIABLE_REFERENCE = r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))"
_PORT_USE = re.compile(rf":{_VARIABLE_REFERENCE}(?=$|[\s/?#\"',;])")
_QUAD_PART = rf"(?:{_OCTET_VALUE.pattern}|{_VARIABLE_REFERENCE})"
_QUAD = re.compile(rf"(?<![^\s\"'=/@\[(,;|<>])({_QUAD_PART}(?:\.{_QUAD_PART}){{3}})(?=$|[\s\"':/,;|)\]>?#])")


def _judged_apart(text: str, names: list[str], choices: list[list[str | None]]) -> frozenset[int]:
    """(falsealarm59) The indexes of ``names`` (``choices`` their values) that :func:`_combinations` writes each value
    once in ``text``: a port, an octet under a literal private network (the comment above)."""
    held = {n: c for n, c in zip(names, choices, strict=True) if c != [None]}
    if sum(len(c) > 1 for c in held.values()) <= 1 or any(
        v is None or _STRUCTURAL.search(v) for c in held.values() for v in c
    ):
        return frozenset()  # a value that could open another authority, path or word: every combination judged
    uses: dict[str, int] = {}
    for reference in SHELL_PARAMETER.finditer(text):
        name = reference.group(1) or reference.group(2)
        uses[name] = uses.get(name, 0) + 1
    apart: dict[str, int] = {}
    if ":" in text:
        for m in _PORT_USE.finditer(text):
            name = m.group(1) or m.group(2)
            if name in held and _port_colon(text, m.start()):
                apart[name] = apart.get(name, 0) + 1
        apart = {
            n: k
            for n, k in apart.items()
            if all(v is not None and _PORT_VALUE.fullmatch(v) and int(v) <= 65535 for v in held[n])
        }
    if "." in text:
        for m in _QUAD.finditer(text):
            parts = m.group(1).split(".")
            literal = list(itertools.takewhile(lambda part: part[:1] != "$", parts))
            references = [r for part in parts[len(literal) :] if (r := _WHOLE_REFERENCE.fullmatch(part))]
            quad = [r.group(1) or r.group(2) for r in references]
            if not literal or not _private_prefix(literal) or not all(n in held for n in quad):
                continue
            if all(v is not None and _OCTET_VALUE.fullmatch(v) for n in quad for v in held[n]):
                for name in quad:  # every part of the quad an octet (`1.1` in one would move the others)
                    apart[name] = apart.get(name, 0) + 1
    return frozenset(i for i, n in enumerate(names) if n in apart and apart[n] == uses.get(n))


def _port_colon(text: str, at: int) -> bool:
    """(falsealarm59) Whether the `:` at ``at`` of ``text`` is an authority's port separator: after a `]` (an IPv6
    literal's close), or the one `:` back to a blank, a quote, `/`, `@` or the text's start."""
    if text[at - 1 : at] == "]":
        return True
    start = max(text.rfind(c, 0, at) for c in (" ", "\t", "\n", "/", "@", '"', "'"))
    return ":" not in text[start + 1 : at]


def _private_prefix(literal: list[str]) -> bool:
    """(falsealarm59) Whether the literal leading octets of a dotted quad name a network every address of which is
    private or loopback (references.is_private_address of its first and last address)."""
    if len(literal) > 4 or not all(_OCTET_VALUE.fullmatch(part) for part in literal):
        return False
    return is_private_address(".".join([*literal, *["0"] * (4 - len(literal))])) and is_private_address(
        ".".join([*literal, *["255"] * (4 - len(literal))])
    )


DEFAULT_WORD = r"[^{}$`\"'\s]+"  # `${NAME:-word}`'s word, after `:-`, `-`, `:=` or `=` (SHELL_DEFAULT reads it)
# scripts54b: a shell variable, or a positional parameter (`$1`, `${1}`; bash(1): `$10` is `$1` then `0`), for the
# readers that fill a script's values in (:func:`filled_texts`, engine `_referenced`, `_match_values`): a positional
# parameter holds values only where :func:`positional_words` gives them (a function's calls, `set --`), else it stays
# as written.
SHELL_PARAMETER = re.compile(
    rf"\$(?:\{{([A-Za-z_][A-Za-z0-9_]*(?:\[(?:{ARRAY_SUBSCRIPT})\])?|[1-9][0-9]*|!#)\}}"
    r"|([A-Za-z_][A-Za-z0-9_]*|[1-9]))"
)  # and an array's element, `${REGIONS[1]}` (:func:`array_elements`; scripts55: `${REGIONS[$i]}` too;
# mutation56: an arithmetic subscript, `${REGIONS[i+1]}`; scripts57: the last positional parameter, `${!#}`, and
# `${10}` and later: bash(1) "Positional Parameters": "When a positional parameter consisting of more than a single
# digit is expanded, it must be enclosed in braces")
# mutation53: a parameter expansion with a default word (bash(1) "Parameter Expansion": `${parameter:-word}` "If
# parameter is unset or null, the expansion of word is substituted"; `${parameter:=word}` assigns it as well; without
# the colon, only when unset): `--region ${REGION:-eu-west-2}` sends to eu-west-2 wherever the script sets no REGION. A
# word holding an expansion or a quote of its own is left as written.
SHELL_DEFAULT = re.compile(rf"\$\{{([A-Za-z_][A-Za-z0-9_]*|[1-9]):?[-=]({DEFAULT_WORD})\}}")  # scripts54b: `${1:-w}`
# scripts54: bash(1) "Parameter Expansion": a default word that is itself an expansion (`${A:-${B:-eu-west-2}}`: A's
# value, else B's, else the word), read from the inside out, this deep; and `${parameter:+word}` ("If parameter is null
# or unset, nothing is substituted, otherwise the expansion of word is substituted"): the word is the only value it
# can give (nothing else is sent anywhere).
_NESTED_DEFAULTS = 3
# scripts58 (stop 58): the inner variable unbraced too (`${A:-$B}`: A's value, else B's; B holding a Region abroad
# passed every door, the word holding a `$` was left as written)
_REFERENCE_DEFAULT = re.compile(
    r"\$\{([A-Za-z_][A-Za-z0-9_]*):?[-=](\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*)\}"
)
_SHELL_ALTERNATE = re.compile(rf"\$\{{[A-Za-z_][A-Za-z0-9_]*:?\+({DEFAULT_WORD})\}}")


def with_defaults(text: str) -> tuple[str, dict[str, tuple[str]]]:
    """``text`` with each ``${NAME:-word}`` (``:=``, ``-``, ``=``) written ``${NAME}``, and each NAME's word as the
    value it holds where no literal the script gives it reaches (merged under the reaching values by
    :func:`under_defaults`: a literal the script gives NAME is what is used, else the word is; the environment's
    value, unknown, is left as an unset variable's). Every reader of a script's variables (:func:`filled_texts`, engine
    ``_referenced``, ``_match_values``) reads a default here. scripts54: a nested default's word is the inner variable
    (``${B}``, resolved by :func:`under_defaults`), and ``${NAME:+word}`` is its word."""
    if "${" not in text:
        return text, {}
    defaults: dict[str, tuple[str]] = {}

    def reference(m: re.Match[str]) -> str:
        defaults.setdefault(m.group(1), (m.group(2),))
        return f"${{{m.group(1)}}}"

    if "+" in text:
        text = _SHELL_ALTERNATE.sub(lambda m: m.group(1), text)
    for _ in range(_NESTED_DEFAULTS):
        written = SHELL_DEFAULT.sub(reference, text)
        written = _REFERENCE_DEFAULT.sub(reference, written) if "${" in written else written
        if written == text:
            break
        text = written
    return text, defaults


def under_defaults(
    defaults: Mapping[str, tuple[str, ...]], values: Mapping[str, Sequence[str]]
) -> Mapping[str, Sequence[str]]:
    """``values`` with :func:`with_defaults`' ``defaults`` under them (a value that reaches a name is what it holds,
    else its default word); scripts54: a default that is another variable (``${A:-${B:-word}}``) is the values that
    variable holds, or its own default, in turn."""
    if not defaults:
        return values

    def resolved(name: str, depth: int) -> tuple[str, ...]:
        if held := values.get(name):
            return tuple(held)
        out: list[str] = []
        for word in defaults.get(name, ()):
            inner = SHELL_PARAMETER.fullmatch(word) if word[:1] == "$" else None  # scripts58: `$B` too
            if inner is None:
                out.append(word)
            elif depth < _NESTED_DEFAULTS:
                out += resolved(inner.group(1) or inner.group(2), depth + 1)
        return tuple(out)

    # mutation59 (stop 59): a name held with no values (the values-anywhere reader's own entry for the variable it is
    # reading, `values.setdefault(NAME, [])`) is unset, as `resolved` reads it: it no longer hides the default word,
    # so `: "${A:=us-west-2}"` inside a function body gives A its word (A held nothing: the Region passed every door)
    return {
        **{n: r for n in defaults if (r := resolved(n, 0))},
        **{n: v for n, v in values.items() if v or n not in defaults},
    }


def filled_texts(text: str, reaching: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """``text`` with each variable written as each value that reaches it (``reaching``: engine
    ``_ScriptValues.at``, or every value a variable holds anywhere), one text per combination (at most
    :data:`_MAX_FILLED`); a variable the script gives no literal stays as written (``(text,)`` when none has one). The
    one filling of a script's values into a host, a URL's authority, a command's option value (scripts48) or a
    here-document's line (scripts56). A default word (``${REGION:-eu-west-2}``) is a value (:func:`with_defaults`)."""
    text, defaults = with_defaults(text)
    held = under_defaults(defaults, reaching)
    names = list(dict.fromkeys(v.group(1) or v.group(2) for v in SHELL_PARAMETER.finditer(text)))
    choices: list[list[str | None]] = [[*sorted(held[n])] if n in held else [None] for n in names]
    operations = _operations_held(text, held) if "${" in text else {}
    if all(c == [None] for c in choices) and not operations:
        return (text,)
    filled = []
    tokens = list(operations)
    apart = _judged_apart(text, names, choices) if len(names) > 1 else frozenset()  # falsealarm59
    choices += [[*operations[t]] for t in tokens]
    for combination in _combinations(choices, apart):
        given = dict(zip(names, combination[: len(names)], strict=True))
        written = text
        for token, value in zip(tokens, combination[len(names) :], strict=True):
            written = written.replace(token, token if value is None else value)
        filled.append(SHELL_PARAMETER.sub(functools.partial(_given_or_written, given), written))
    if not _every_combination(_joined(choices, apart)):  # scripts58: the combinations not written are unknown
        filled.append(PAST_THE_FILLING)
    return tuple(filled)


_KEPT_DOLLAR = "\ue000"  # falsealarm60: a single-quoted `$` kept from the filling (a private-use character)


def substitution_filled(text: str, reaching: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """(falsealarm60) :func:`filled_texts` of a command's value holding a command substitution (``$(jq -r --arg k "$k"
    '.regions[$k]' FILE)``) with the substitution's single-quoted text left as written: inside ``$(...)`` the shell
    quotes as anywhere (bash(1) "Single Quotes": "Enclosing characters in single quotes preserves the literal value of
    each character within the quotes"), so the jq program's own ``$k`` is jq's variable, not the shell's. Filled, the
    program was ``.regions[a]`` (no program the evaluator reads: RES-011 with the home Region, a false alarm, where the
    jq variable is named as the shell's). A here-document's line is filled by :func:`filled_texts` itself (there a
    quote is text)."""
    if "'" not in text or "$(" not in text:
        return filled_texts(text, reaching)
    kept = [(start, end) for start, end, kind in quoting_spans(text) if kind == "'" and "$" in text[start:end]]
    if not kept:
        return filled_texts(text, reaching)
    masked, at = [], 0
    for start, end in kept:
        masked += [text[at:start], text[start:end].replace("$", _KEPT_DOLLAR)]
        at = end
    masked.append(text[at:])
    return tuple(t.replace(_KEPT_DOLLAR, "$") for t in filled_texts("".join(masked), reaching))


# scripts57b: bash(1) "Parameter Expansion": `${parameter#word}` / `##` ("the result of the expansion is the expanded
# value of parameter with the shortest (`#`) or longest (`##`) matching pattern deleted" from its beginning), `%` /
# `%%` (from its end), `${parameter/pattern/string}` ("The pattern is expanded to produce a pattern ... The longest
# match of pattern against its value is replaced with string"; `//` every match, `/#` at the start, `/%` at the end),
# `${parameter^pattern}` / `^^` / `,` / `,,` ("Case modification ... The ^ operator converts lowercase letters
# matching pattern to uppercase; the , operator converts matching uppercase letters to lowercase. The ^^ and ,,
# expansions convert each matched character"; an empty pattern "is treated like a ?, which matches every
# character"). A variable's operation is each value it holds, changed so; a word holding a quote or an expansion of
# its own is left as written (unread, as before).
# mutation58 (stop 58) found the same leak (`R=x<abroad>` then `--region "${R:1}"`); `${R: 3}` and `${R::3}` (an empty
# offset is 0) are read too. `${R:-x}` / `:=` / `:+` / `:?` stay the default expansions they are.
# scripts58 (stop 58): and a word holding a variable (`${DR/eu-central/$B}`: "The pattern is expanded", as is the
# string: each value the variable holds there; one the script gives no literal leaves the operation as written), and
# "Substring Expansion": `${parameter:offset}` / `${parameter:offset:length}` ("Expands to up to length characters of
# the value of parameter starting at the character specified by offset ... If offset evaluates to a number less than
# zero, the value is used as an offset in characters from the end of the value ... If length evaluates to a number
# less than zero, it is interpreted as an offset in characters from the end of the value"; "a negative offset must be
# separated from the colon by at least one space to avoid being confused with the :- expansion"): literal numbers
# only. `--region "${DR:6:9}"` of `DR=fleet-us-west-2` and `${A/x/$B}` passed every door (left as written).
_OPERATION_WORD = r"(?:[^{}$`\"'\s]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})*"
# mutation58b (stop 58): "offset and length are arithmetic expressions" (bash(1) "Substring Expansion"): `${R:0-9}`
# (-9, no blank needed), `${R:(3)}`, `${R: 1+2}` passed every door with a Region abroad (unread); an expression of
# literal numbers is computed (:func:`_arithmetic_total`, the subscripts' reader), any other stays unread.
# scripts59 (stop 59): and a bound that is a variable (`${DR:$N:9}`, `${DR:6:${L}}`): filled with the values it holds
# (:func:`_operations_held`); one holding none the reader knows is unknown (:data:`UNCOMPUTED_BOUND`), not the
# operation left as written (a placeholder: `--region "${DR:$N:9}"` of `DR=fleet-us-west-2` passed every door).
_BOUND_VARIABLE = r"\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*"
_BOUND = rf"[ \t]*(?:\([ \t]*-?[0-9][-+*0-9 \t]*\)|-?[0-9][-+*0-9 \t]*|{_BOUND_VARIABLE})"
_SUBSTRING = (
    rf"(?<=:)(?:[0-9][-+*0-9 \t]*|[ \t]+-?[0-9][-+*0-9 \t]*|\({_BOUND}\)[ \t]*|{_BOUND_VARIABLE}|(?=:))(?::{_BOUND})?"
)
PARAMETER_OPERATION = re.compile(
    # mutation58b: an indexed element too (`${R[1]:3}`; not `[@]` / `[*]`: a slice of items, another operation)
    # mutation59 (stop 59): and a positional parameter (`${1:6}`, `${1#fleet-}`, `${10,,}` in a function or after
    # `set --`: bash(1) "Parameter Expansion" applies to any parameter; each passed every door with a Region abroad)
    r"\$\{([A-Za-z_][A-Za-z0-9_]*(?:\[(?:[0-9]+|\$?[A-Za-z_][A-Za-z0-9_]*)\])?|[1-9][0-9]*)"
    r"(##?|%%?|//?|\^\^?|,,?|:(?=[0-9]|[ \t]+-?[0-9]|\(|\$\{?[A-Za-z_]|:[ \t]*\(?[ \t]*(?:-?[0-9]|\$)))"
    rf"({_SUBSTRING}|(?<!:){_OPERATION_WORD})\}}"
)


def _operations_held(text: str, held: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Each :data:`PARAMETER_OPERATION` in ``text`` whose variable holds values there, and the values it gives
    (scripts58: a word holding variables is filled with theirs first, :func:`filled_texts`; one still holding an
    expansion gives nothing)."""
    out: dict[str, tuple[str, ...]] = {}
    for m in PARAMETER_OPERATION.finditer(text):
        if m.group(1) in held and m.group(0) not in out:
            words = filled_texts(m.group(3), held) if "$" in m.group(3) else (m.group(3),)
            given = (operated(v, m.group(2), w) for v in sorted(held[m.group(1)]) for w in words if "$" not in w)
            out[m.group(0)] = tuple(dict.fromkeys(v for v in given if v is not None))
            if m.group(2) == ":" and any("$" in w for w in words):
                # scripts59: a substring whose bound is a variable holding nothing the reader knows: unknown
                out[m.group(0)] += (UNCOMPUTED_BOUND,)
    if "]:" in text:  # scripts59: an array's slice (`"${RS[@]:1}"`): each item it gives, a word of its own
        for m in ARRAY_SLICE.finditer(text):
            if f"{m.group(1)}[@]" in held:
                out[m.group(0)] = array_slice_items(m, held)
    return {token: values for token, values in out.items() if values}


UNCOMPUTED_BOUND = "$(a substring bound the reader does not compute)"
"""(scripts59) What a substring of a known value gives where its bound is not computed: a substitution no evaluator
computes, so that a destination fails it closed (RES-009 / RES-011 / RES-015), as :data:`PAST_THE_FILLING`."""


def _substring_bound(text: str) -> int | None:
    """(mutation58b) A substring's offset or length: an arithmetic expression of literal numbers, in parentheses or
    not (``3``, `` -3``, ``(-3)``, ``0-9``, ``1+2``); 0 when empty (``${R::3}``); None otherwise."""
    text = text.strip(" \t")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip(" \t")
    return 0 if not text else _arithmetic_total(text)


def _substring(value: str, spec: str) -> str | None:
    """(scripts58) ``value``'s substring by a :data:`_SUBSTRING` ``spec`` (``6``, ``6:9``, `` -3``, ``(-3):2``,
    ``0:-1``, ``:3``; mutation58b: ``0-9``, ``(3)``, ``1+2``), as bash(1) "Substring Expansion" computes it; None for
    bounds that are no arithmetic of literal numbers (a variable: not computed)."""
    offset_text, _, length_text = spec.partition(":")
    offset, length = _substring_bound(offset_text), _substring_bound(length_text)  # `${R::3}`: an empty offset is 0
    if offset is None or length is None:
        return None
    if len(value) + offset < 0:
        return ""  # an offset before the value's start expands to nothing
    start = len(value) + offset if offset < 0 else min(offset, len(value))
    if not length_text:
        return value[start:]
    end = len(value) + length if length < 0 else start + length
    return value[start : max(end, start)]


# config60 (stop 60): the character classes of a bracket expression (bash(1) "Pattern Matching": "Within [ and ],
# character classes can be specified using the syntax [:class:], where class is one of the following classes defined
# in the POSIX standard: alnum alpha ascii blank cntrl digit graph lower print punct space upper word xdigit"), in
# the C locale.
_GLOB_CLASSES = {
    "alnum": "a-zA-Z0-9", "alpha": "a-zA-Z", "ascii": "\\x00-\\x7f", "blank": " \\t", "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~",
    "punct": re.escape("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"), "space": " \\t\\n\\r\\f\\v", "upper": "A-Z",
    "word": "a-zA-Z0-9_", "xdigit": "0-9A-Fa-f",
}  # fmt: skip


@functools.lru_cache(maxsize=1024)
def shell_pattern(pattern: str, tools: bool = False) -> re.Pattern[str]:
    """(config60, stop 60) A shell wildcard ``pattern`` as a regular expression matching a whole string, by bash(1)
    "Pattern Matching": ``*`` any string (a ``/`` too: wider than a path's glob(3), failing closed), ``?`` any one
    character, ``[...]`` one character of the set (ranges, ``[:class:]``, a ``]`` first is a member), negated by a
    first ``!`` or ``^`` ("If the first character following the [ is a ! or a ^ then any character not enclosed is
    matched"), ``\\`` quoting the next character; a ``[`` with no closing ``]`` is itself. Python's ``fnmatch`` reads
    ``[^...]`` as a set holding ``^``, knows no class and no quoting: ``$IncludeConfig /opt/fleet/rsyslog/[^_]*.conf``
    and ``[[:digit:]]*.conf`` matched no file and a partner's host there passed every door.
    ``tools``: a pattern a tool expands itself (a log router's include, a wildcard path at a tool's option) rather than
    bash: ``{a,b}`` is either word (Ruby's ``Dir.glob``, Fluentd's ``@include``; bash's brace expansion of an unquoted
    word), and ``[^...]``, a negation to glibc's glob(3) (rsyslog, Fluent Bit) and Ruby but a set holding ``^`` to the
    Rust glob crate (Vector's wildcard paths: rust-lang/glob#141 "Add caret negation ([^...]) in addition to
    exclamation mark", open; POSIX leaves it unspecified), is read as any one character, either reading's match
    (failing closed)."""
    try:
        return re.compile(_shell_regex(pattern, tools), re.DOTALL)
    except re.error:  # a range out of order (`[z-a]`): bash matches no character with it; the word is itself then
        return re.compile(re.escape(pattern))


def _shell_regex(pattern: str, tools: bool) -> str:
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        i += 1
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "\\" and i < n:
            out.append(re.escape(pattern[i]))
            i += 1
        elif c == "[" and (bracket := _glob_bracket(pattern, i, tools)) is not None:
            text, i = bracket
            out.append(text)
        elif c == "{" and tools and (alternatives := _glob_braces(pattern, i)) is not None:
            words, i = alternatives
            out.append("(?:" + "|".join(_shell_regex(w, tools) for w in words) + ")")
        else:
            out.append(re.escape(c))
    return "".join(out)


def _glob_bracket(pattern: str, i: int, tools: bool) -> tuple[str, int] | None:
    """The bracket expression opening before ``pattern[i]`` as a regular expression's class, and the index after its
    ``]``; None where none closes it (the ``[`` is itself)."""
    negated = pattern[i : i + 1] in ("!", "^")
    caret = pattern[i : i + 1] == "^"
    j = i + 1 if negated else i
    members: list[str] = []
    first = True
    while j < len(pattern):
        c = pattern[j]
        if c == "]" and not first:
            if caret and tools:
                return ".", j + 1  # either reading (a negation or a set holding `^`): any one character
            return ("[^" if negated else "[") + "".join(members) + "]", j + 1
        first = False
        if pattern.startswith("[:", j) and (end := pattern.find(":]", j + 2)) >= 0:
            # an unknown class matches any character (failing closed)
            members.append(_GLOB_CLASSES.get(pattern[j + 2 : end], "\\s\\S"))
            j = end + 2
        elif c == "\\" and j + 1 < len(pattern):
            members.append(re.escape(pattern[j + 1]))
            j += 2
        elif c == "-" and members and pattern[j + 1 : j + 2] not in ("", "]"):
            members.append("-")  # a range between the members around it
            j += 1
        else:
            members.append(re.escape(c))  # `&&`, `~~`, `||`, `--`, `[` are no set operations here
            j += 1
    return None


def _glob_braces(pattern: str, i: int) -> tuple[list[str], int] | None:
    """The words of the brace list opening before ``pattern[i]`` (``{a,b}``; nested lists kept whole in their word),
    and the index after its ``}``; None where it has no top-level comma or no closing brace (bash: left as it is)."""
    depth, start, words = 0, i, []
    for j in range(i, len(pattern)):
        c = pattern[j]
        if c == "{":
            depth += 1
        elif c == "}" and depth:
            depth -= 1
        elif c == "}":
            words.append(pattern[start:j])
            return (words, j + 1) if len(words) > 1 else None
        elif c == "," and not depth:
            words.append(pattern[start:j])
            start = j + 1
    return None


def shell_matches(text: str, pattern: str, tools: bool = False) -> bool:
    """(config60) Whether the whole of ``text`` matches the shell wildcard ``pattern`` (:func:`shell_pattern`)."""
    return shell_pattern(pattern, tools).fullmatch(text) is not None


def operated(value: str, operator: str, word: str) -> str | None:
    """``value`` changed by a :data:`PARAMETER_OPERATION`'s ``operator`` and ``word`` (bash(1) "Parameter
    Expansion"); None for a value holding an expansion (an uncomputed substitution kept as text)."""
    if "$" in value or "`" in value:
        return None
    if operator == ":":  # scripts58: substring expansion
        return _substring(value, word)
    # config60 (stop 60): each pattern by bash's own rules (shell_pattern: `${AZ%[[:alpha:]]}`, `${AZ%[^0-9]}`; fnmatch
    # knew no class and read `[^` as a set holding `^`: the zone stayed whole and a Region abroad passed every door)
    if operator[0] in "^,":
        pattern = word or "?"
        change = str.upper if operator[0] == "^" else str.lower
        count = len(value) if len(operator) == 2 else 1
        return "".join(change(c) if i < count and shell_matches(c, pattern) else c for i, c in enumerate(value))
    if operator[0] == "#":
        cuts = range(len(value) + 1) if operator == "#" else range(len(value), -1, -1)
        return next((value[i:] for i in cuts if shell_matches(value[:i], word)), value)
    if operator[0] == "%":
        cuts = range(len(value), -1, -1) if operator == "%" else range(len(value) + 1)
        return next((value[:i] for i in cuts if shell_matches(value[i:], word)), value)
    pattern, _, string = word.partition("/")
    anchor = pattern[:1] if operator == "/" and pattern[:1] in "#%" else ""
    pattern = pattern[len(anchor) :]
    if not pattern:
        return value
    if anchor == "#":
        end = next((e for e in range(len(value), 0, -1) if shell_matches(value[:e], pattern)), None)
        return value if end is None else string + value[end:]
    if anchor == "%":
        start = next((i for i in range(len(value)) if shell_matches(value[i:], pattern)), None)
        return value if start is None else value[:start] + string
    out, i = "", 0
    while i < len(value):
        end = next((e for e in range(len(value), i, -1) if shell_matches(value[i:e], pattern)), None)
        if end is None:
            out, i = out + value[i], i + 1
            continue
        out += string
        if operator == "/":
            return out + value[end:]
        i = end
    return out


def _given_or_written(given: Mapping[str, str | None], reference: re.Match[str]) -> str:
    """A variable's value in ``given``, else the reference as written (:func:`filled_texts`). falsealarm57 (stop 57): a
    literal value's double quotes are written escaped (``\\"``) inside a command substitution the evaluator re-reads
    as shell words (not where the text single-quotes the reference, which keeps them; not elsewhere: a policy document
    filled from ``"$P"`` is read as JSON): bash(1) "Quote Removal" removes only the quotes the script wrote,
    never those an expansion gives, so ``"$S"`` of ``{"region":"us-west-2"}`` reaches ``echo`` whole (written bare,
    the filled text was re-read as ``{region:us-west-2}``, jq read no JSON, and the Region abroad passed every door).
    A value holding an expansion or a backslash (an uncomputed substitution kept as text) is written as it is."""
    value = given[reference.group(1) or reference.group(2)]
    text, at = reference.string, reference.start()
    opened = text.rfind("$(", 0, at)
    reread = opened >= 0 and ")" not in text[opened:at] and text[at - 1 : at] != "'"  # the reader's `'$S'` keeps them
    if value and reread and '"' in value and not _KEPT_AS_WRITTEN.search(value):
        return value.replace('"', '\\"')
    return value or reference.group(0)


_KEPT_AS_WRITTEN = re.compile(r"[$`\\]")


def _piped_lines(
    script: str, bar: int, files: Mapping[str, str], values: Mapping[str, Sequence[str]]
) -> list[str] | None:
    """(mutation55) The lines a ``while read`` loop reads from the command piped into it at ``bar`` (bash(1)
    "Pipelines": "The standard output of command is connected via a pipe to the standard input of command2"): the
    command from its line's start (after the last ``;`` / ``&&``), its output as :func:`substitution_values` computes
    it, split into lines; ``$(COMMAND)`` when it cannot compute them (held apart: fail closed at a destination); None
    for ``||`` (no pipe) or no command."""
    if bar > 0 and script[bar - 1] == "|":
        return None
    start = script.rfind("\n", 0, bar) + 1
    while start > 1 and script[start - 2] == "\\":  # falsealarm56: the command's continued lines (a backslash-newline)
        start = script.rfind("\n", 0, start - 2) + 1
    command = re.split(r";|&&", script[start:bar].replace("\\\n", " "))[-1].strip()
    if not command:
        return None
    substitution = f"$({command})"
    given = substitution_values(substitution, values, files)
    if given is None:
        return [substitution]
    # falsealarm58b: a NUL ends a record too (`printf '%s\0' A B | while read -d '' X`)
    return [
        line.strip() for value in given for record in value.split("\0") for line in record.splitlines() if line.strip()
    ]


# scripts54b: positional parameters (bash(1) "Positional Parameters": "When a shell function is executed, the
# arguments to the function become the positional parameters during its execution"; "Shell Functions": "the arguments
# to the function become the positional parameters during its execution"; the `set` builtin: "--  If no arguments
# follow this option, then the positional parameters are unset. Otherwise, the positional parameters are set to the
# args"). A call's words: literal (quotes removed), a command substitution or a whole variable, kept as written.
_POSITIONAL_USE = re.compile(r"\$\{?[1-9]|\$\{!#\}")  # scripts57: `${!#}` (LAST_POSITIONAL) too
_CALL_WORD = re.compile(r"(?:\"[^\"\n]*\"|'[^'\n]*'|\$\([^()\n]*\)|[^\s;&|<>()'\"])+")
_SET_ARGUMENTS = re.compile(_COMMAND_PLACE + r"set[ \t]+--((?:[ \t]+[^\s;&|<>()]+)*)[ \t]*(?=$|[;&|)])", re.M)
# scripts57: `${10}` and later (braced) too; before, `$1` .. `$9`. scripts58: 99, was 20: a call's 21st word was
# dropped, so `--region "${21}"` held nothing (a placeholder) and a Region abroad there passed every door. The lead
# (stop 58): no bound (bash(1) sets none), as `${100}` of a call's 100th word abroad passed the same way;
# SHELL_PARAMETER reads every braced position
_MAX_POSITIONAL = sys.maxsize
_ANY_FUNCTION_DEFINITION = re.compile(_FUNCTION_DEFINITION.pattern, re.M)


def has_positional(script: str) -> bool:
    """Whether ``script`` uses a positional parameter ``$1`` .. ``$9`` or ``${!#}`` (a substring test, then a
    search)."""
    return "$" in script and _POSITIONAL_USE.search(script) is not None


def _call_words(text: str) -> list[str]:
    """The words of a call's arguments up to the end of its command (an unquoted operator): quotes around a whole word
    removed, a substitution kept whole."""
    words: list[str] = []
    for raw in _raw_call_words(text):
        quoted = len(raw) > 1 and raw[0] == raw[-1] and raw[0] in "\"'"
        words.append(raw[1:-1] if quoted and raw.count(raw[0]) == 2 else raw)
    return words


def _raw_call_words(text: str) -> list[str]:
    """(mutation66) The words of a call's arguments as written (quotes kept), up to the end of its command: the one
    tokenizer of :func:`_call_words` and of :func:`_split_call_positions`."""
    words: list[str] = []
    i = 0
    while True:
        while i < len(text) and text[i] in " \t":
            i += 1
        word = _CALL_WORD.match(text, i)
        if word is None:
            return words
        words.append(word.group(0))
        i = word.end()


# scripts55: bash(1) "Special Parameters": "@ ($@) Expands to the positional parameters, starting from one ... When the
# expansion occurs within double quotes, each parameter expands to a separate word", and `*` the same words unquoted;
# so a call written `retain "$@"` in a function's body gives retain that function's positional parameters (after the
# call's words before it). The shift builtin: "The positional parameters from n+1 ... are renamed to $1 ... n must be a
# non-negative number less than or equal to $#. If n is not supplied, it is assumed to be 1".
_ALL_POSITIONAL = frozenset({"$@", "$*", "${@}", "${*}"})
# scripts57b: a slice from a literal offset with no length, `"${@:N}"` (bash(1) "Parameter Expansion": "If parameter
# is @ or *, the result is length positional parameters beginning at offset ... If length is omitted, the expansion
# is ... all positional parameters from offset on"): each call's words from N on, several words (one word alone is
# also read by :func:`_slice_written`).
# mutation57: and a slice from a literal offset N (1 to 9): `${@:N:1}` is the one parameter N, `${@:N}` the parameters
# from N on, which is parameter N alone where every call gives N words (`retain /fleet/app us-west-2` and
# `--region "${@:2}"`, which passed every door); a slice of several words is left as written.
# scripts58 (stop 58): one pattern for both jobs (scripts57b's `_SLICE_FROM` was this without the length): a command's
# `"${@:N:1}"` is written out per call too (its word N alone), where the calls give different numbers of words.
_POSITIONAL_SLICE = re.compile(r"\$\{[@*]:([1-9])(:1)?\}")
# mutation56: and a shift first in a one-line body (`f() { shift; aws ... "$1"; }`: after the group's `{`), and one
# whose count is no literal number (`shift $N`, `shift $((1))`: each passed every door with a Region abroad), which may
# rename by any count: every position holds every word from there on, as a shift inside a loop does.
_SHIFT = re.compile(
    r"(?:"
    + _COMMAND_PLACE
    + r"|(?<![$\w])\{[ \t]*)shift(?:[ \t]+([0-9]+|\$[^\s;&|)]+|\"[^\"\n]*\"))?[ \t]*(?=$|[;&|)#])",
    re.M,
)
_MAX_PASSED_ON = 3  # calls passing "$@" on, followed this deep (a wrapper of a wrapper of a function)
# mutation57b: a call's word that is one positional parameter whole (`inner nightly "$1"`, `${2}`: quotes removed by
# _call_words), passed on from the caller's body as "$@" is (bash(1) "Positional Parameters"): it held nothing (a
# Region abroad given to `outer` passed every door through `inner`'s `$2`).
_ONE_POSITIONAL = re.compile(r"\$(?:([1-9])|\{([1-9][0-9]*)\})")


def positional_words(
    script: str, values: Mapping[str, Sequence[str]] | None = None
) -> list[tuple[int, int, dict[str, tuple[str, ...]]]]:
    """(scripts54b) The words positional parameters may hold, by line range of ``script`` (split at newlines):
    ``(first line, last line, {"1": words, ...})``, for each function's body (the words of every call of it:
    ``copy us-west-2`` gives its ``$1`` ``us-west-2``) and for the lines after a ``set -- WORDS`` (outside a
    function's body, the script's own). A position no call gives is left out (unset: a default word applies).
    scripts55: a call passing ``"$@"`` / ``$*`` on from another function's body (or after ``set --``) gives the words
    that function's positions hold there, from the call's own position on; after ``shift [n]`` the positions are
    renamed (``$1`` holds what ``$(1+n)`` held) to the range's end, and inside a loop every position may hold every
    word from the loop's line on (an option loop's ``shift 2``). scripts66: with ``values`` (the variables' values),
    an unquoted whole variable among ``set --``'s words gives its fields, each at its own position
    (:func:`_split_positions`)."""
    lines = script.split("\n")
    ranges: list[tuple[int, int, dict[str, tuple[str, ...]]]] = []
    last = LAST_POSITIONAL in script  # scripts57: `${!#}` (last_positional_written), each call's last word
    if "set" in script and "--" in script:
        for m in _SET_ARGUMENTS.finditer(script):
            line = script.count("\n", 0, m.start())
            ranges.append((line, len(lines) - 1, _set_positions(m, script, values, last)))
    bodies = _function_bodies(lines) if _ANY_FUNCTION_DEFINITION.search(script) else []  # most scripts define none
    calls = _function_calls(script, bodies)
    passed_on = "$@" in script or "$*" in script or "${@}" in script or "${*}" in script
    if not passed_on:  # mutation57b: or one positional parameter passed on whole (`inner nightly "$1"`)
        call_words = (w for given in calls.values() for _, ws in given for w in ws)
        passed_on = any(w[:1] == "$" and _ONE_POSITIONAL.fullmatch(w) for w in call_words)
    given_by: dict[str, dict[str, list[str]]] = {}
    for _ in range(_MAX_PASSED_ON + 1 if passed_on else 1):
        known_ranges = [*ranges, *((a, b, {k: tuple(v) for k, v in given_by.get(n, {}).items()}) for n, a, b in bodies)]
        if passed_on and "shift" in script:  # mutation56: `outer() { shift; inner "$@"; }` passes the shifted words on
            known_ranges = _shifted(script, lines, known_ranges)
        for name, _, _ in bodies:
            given = given_by.setdefault(name, {})
            for line, words in calls[name]:
                for k, word in _passed_words(words, line, known_ranges):
                    known = given.setdefault(str(k), [])
                    if word not in known:
                        known.append(word)
    for name, first, end in bodies:  # after `set --`'s: a function's own are its calls'
        if last:  # scripts57: each call's last word (a call passing "$@" on gives no literal last word here)
            ends = [words[-1] for _, words in calls[name] if words and not _ALL_POSITIONAL.intersection(words)]
            if ends:
                given_by.setdefault(name, {})["!#"] = list(dict.fromkeys(ends))
        if values is not None and calls[name]:  # mutation66b: `f $RS` (RS="<home> <abroad>"), then `"$2"` inside
            _split_call_positions(script, name, values, last, given_by.setdefault(name, {}))
        if given_by.get(name):
            ranges.append((first, end, {k: tuple(v) for k, v in given_by[name].items()}))
    return _shifted(script, lines, ranges) if "shift" in script else ranges


def _split_call_positions(
    script: str, name: str, values: Mapping[str, Sequence[str]], last: bool, given: dict[str, list[str]]
) -> None:
    """(mutation66b, stop 66) ``given`` (function ``name``'s positions, :func:`positional_words`) with what each call
    of it whose words hold an unquoted whole variable or substitution gives its positions when split
    (:func:`_split_positions`, the reading of ``set -- $RS``; at the IFS in effect at the call): mutation66 found
    `RS="<home> <abroad>"; f() { aws ... --region "$2"; }; f $RS` (and `f $(echo <home> <abroad>)`) passing every
    door, ``$2`` holding nothing."""
    for m in _function_call_pattern(name).finditer(script):
        if "$" not in m.group(1):
            continue
        raw = _raw_call_words(m.group(1))
        split = _split_positions(raw, _call_words(m.group(1)), script, m.start(), values, substitutions=True)
        for k, words in (split or {}).items():
            if k != "!#" or last:
                known = given.setdefault(k, [])
                known += [w for w in words if w not in known]


def _set_positions(
    m: re.Match[str], script: str, values: Mapping[str, Sequence[str]] | None, last: bool
) -> dict[str, tuple[str, ...]]:
    """The positions a ``set -- WORDS`` (:data:`_SET_ARGUMENTS`' match ``m``) gives (``last``: and ``!#``, the last
    word); scripts66: with ``values``, an unquoted whole variable's fields each at its own
    (:func:`_split_positions`)."""
    words = _call_words(m.group(1))
    positions: dict[str, tuple[str, ...]] = {str(k): (w,) for k, w in enumerate(words[:_MAX_POSITIONAL], 1)}
    if last and words:
        positions["!#"] = (words[-1],)
    raw = [w.group(0) for w in _CALL_WORD.finditer(m.group(1))] if values and "$" in m.group(1) else []
    split = _split_positions(raw, words, script, m.start(), values) if raw and values else None
    if split is not None and not last:
        split.pop("!#", None)
    return positions if split is None else split


# scripts66 (stop 66): `set -- $RS` (bash(1) "Word Splitting": an unquoted expansion's result is split at IFS into
# words; "The Set Builtin": "--  ... the positional parameters are set to the args"): RS="<home>,<abroad>" under `IFS=,`
# (or "<home> <abroad>" at blanks) sets $1 and $2, but the word was one position: `--region "$2"` held nothing and the
# Region abroad passed every door. At most this many different shifts of the later positions are followed.
_MAX_POSITION_SHIFTS = 8


def _split_positions(
    raw: list[str],
    words: list[str],
    script: str,
    at: int,
    values: Mapping[str, Sequence[str]],
    *,
    substitutions: bool = False,
) -> dict[str, tuple[str, ...]] | None:
    """(scripts66) The positions ``set -- WORDS`` (at offset ``at`` of ``script``; ``raw`` its words as written,
    ``words`` :func:`_call_words`' reading of them; or a compound assignment's, :func:`split_array_elements`) gives
    when an unquoted whole variable among its words holds literal values: each value's fields at the IFS in effect
    there (:func:`ifs_at`, :func:`split_fields`) at positions of their own, the later words after them (every shift its
    values give); None where no word splits or a value or IFS is not known (read as before). mutation66b: with
    ``substitutions``, an unquoted command substitution (``f $(cat FILE)``), whose fields are not known here, is given
    as written to each position from its own to the last one ``script`` names (:func:`_spread_substitution`: a
    superset; its value is computed where used, or fails closed)."""
    if len(raw) != len(words):
        return None
    separators = ifs_at(script, at, values) if "IFS" in script else [None]
    if any(s is not None and s[:2] == "$(" for s in separators):
        return None
    fields: dict[int, list[list[str]]] = {}
    for j, word in enumerate(raw):
        if substitutions and word[:2] == "$(" and _SPLIT_SUBSTITUTION.fullmatch(word):
            fields[j] = _spread_substitution(word, j, script)
            continue
        whole = _LOOP_LIST.fullmatch(word) if word[:1] == "$" else None
        held = values.get(whole.group(1) or whole.group(3), ()) if whole is not None and not whole.group(2) else ()
        if not held:
            continue
        if any("$" in v or "`" in v for v in held):
            return None
        fields[j] = [split_fields(v, ifs) for v in held for ifs in separators]
    if not any(len(f) != 1 for options in fields.values() for f in options):
        return None
    positions: dict[str, list[str]] = {}
    shifts = {0}
    for j, word in enumerate(words):
        after: set[int] = set()
        for s in shifts:
            for given in fields.get(j, [[word]]):
                for i, f in enumerate(given):
                    known = positions.setdefault(str(j + 1 + s + i), [])
                    known += [f] if f not in known else []
                after.add(s + len(given) - 1)
        if len(after) > _MAX_POSITION_SHIFTS:
            return None
        shifts = after
    ends = {len(words) + s for s in shifts}
    lasts = [w for e in ends for w in positions.get(str(e), ())]
    return {**{k: tuple(v) for k, v in positions.items()}, **({"!#": tuple(dict.fromkeys(lasts))} if lasts else {})}


# mutation66b (stop 66): an unquoted command substitution among a call's words (bash(1) "Word Splitting": its result
# is split too), and the positions a script names (`$2`, `${3}`, `${2:-x}`), at most _SPREAD_POSITIONS of them.
_SPLIT_SUBSTITUTION = re.compile(r"\$\([^()]*\)")
_USED_POSITION = re.compile(r"\$(?:([1-9])|\{([1-9][0-9]*)[}:#%/^,@-])")
_SPREAD_POSITIONS = 8


def _spread_substitution(word: str, j: int, script: str) -> list[list[str]]:
    """(mutation66b) The field lists an unquoted substitution ``word`` at index ``j`` of a call's words may give: the
    word alone, and the word at each position from ``j + 1`` to the last one ``script`` names (at most
    :data:`_SPREAD_POSITIONS` more)."""
    used = [int(m.group(1) or m.group(2)) for m in _USED_POSITION.finditer(script)]
    return [[word] * n for n in range(1, min(max(used, default=0) - j, _SPREAD_POSITIONS) + 1)] or [[word]]


def split_array_elements(script: str, values: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """(scripts66, stop 66) The elements (``NAME[0]``, ``NAME[@]`` ...) of each array one compound assignment of
    ``script`` alone gives, where an unquoted whole variable among its items splits into several fields
    (``IFS=,``, ``ARR=($RS)``; bash(1) "Arrays": each value undergoes word splitting): :func:`_split_positions`'
    fields, by index. ``ARR=($RS)`` then ``${ARR[1]}`` held nothing (the word one item) and a Region abroad passed every
    door; a loop over ``"${ARR[@]}"`` was split at blanks whatever IFS held."""
    if "=(" not in script or "$" not in script:
        return {}
    found = list(_ARRAY_ASSIGNMENT.finditer(script))
    counts = collections.Counter(m.group(1) for m in found)
    out: dict[str, tuple[str, ...]] = {}
    for m in found:
        raw = _array_words(m.group(2))
        if counts[m.group(1)] > 1 or "+=(" in m.group(0) or any(w[:1] == "[" for w in raw):
            continue
        split = _split_positions(raw, [w.strip("\"'") for w in raw], script, m.start(), values)
        if split is None:
            continue
        name = m.group(1)
        indexed = {f"{name}[{int(k) - 1}]": v for k, v in split.items() if k.isdigit()}
        every = tuple(dict.fromkeys(w for v in indexed.values() for w in v))
        out.update({**indexed, f"{name}[@]": every, f"{name}[*]": every})
    return out


def _passed_words(
    words: list[str], line: int, ranges: list[tuple[int, int, dict[str, tuple[str, ...]]]]
) -> Iterator[tuple[int, str]]:
    """(scripts55) The positions a call's ``words`` give (1 .. :data:`_MAX_POSITIONAL`) and each word at them: a
    ``"$@"`` / ``$*`` word gives the words the positions of ``ranges`` covering ``line`` hold, from its own position
    on (each of them at each position after it: a wrapper's words are as many as its caller gave)."""
    for k, word in enumerate(words[:_MAX_POSITIONAL], start=1):
        one = _ONE_POSITIONAL.fullmatch(word) if word[:1] == "$" else None
        if one is not None:  # mutation57b: `"$1"` gives the words the caller's position holds there (else as written)
            covering = [r for r in ranges if r[0] <= line <= r[1]][-1:]
            passed = [w for *_, given in covering for w in given.get(one.group(1) or one.group(2), ())]
            yield from ((k, w) for w in passed) if passed else ((k, word),)
            continue
        if word not in _ALL_POSITIONAL:
            yield k, word
            continue
        # mutation56: the last range covering the line holds its words there (a shift's range after the body's, as the
        # engine lays them over each other)
        for *_, given in [r for r in ranges if r[0] <= line <= r[1]][-1:]:
            for position, held in given.items():
                at = k + int(position) - 1
                if position.isdigit() and at <= _MAX_POSITIONAL:
                    yield from ((at, w) for w in held)
        return


def _loop_lines(lines: list[str]) -> dict[int, int]:
    """Each line of ``lines`` inside a loop, with the outermost loop's first line (:func:`shell_blocks`' reading)."""
    loops: dict[int, int] = {}
    stack: list[str] = []
    opened: list[int] = []  # the first line of each loop open after the line before
    for i, text in enumerate(lines):
        if "loop" in _block_words(text, stack):
            loops[i] = opened[0] if opened else i
        depth = stack.count("loop")
        del opened[depth:]
        opened += [i] * (depth - len(opened))
    return loops


def _shift_counts(script: str, lines: list[str] | None = None) -> list[tuple[int, int | None]]:
    """(mutation56) Each ``shift [n]`` of ``script`` (:data:`_SHIFT`): its line and count (None: a count no number
    writes; with ``lines``, the script's, also a shift inside a loop, which shifts again on each pass)."""
    if "shift" not in script:
        return []
    shifts = [
        (script.count("\n", 0, m.start()), int(m.group(1) or 1) if (m.group(1) or "1").isdigit() else None)
        for m in _SHIFT.finditer(script)
    ]
    if shifts and lines is not None:
        loops = _loop_lines(lines)
        shifts = [(at, None if at in loops else n) for at, n in shifts]
    return shifts


def _shifted(
    script: str, lines: list[str], ranges: list[tuple[int, int, dict[str, tuple[str, ...]]]]
) -> list[tuple[int, int, dict[str, tuple[str, ...]]]]:
    """(scripts55) ``ranges`` with, after each ``shift [n]`` line inside one, a range from that line to its end whose
    ``$k`` holds what ``$(k+n)`` held; a shift inside a loop gives every position every word from the loop's first
    line on (the loop shifts again on each pass)."""
    shifts = _shift_counts(script)
    if not any(first <= line <= last for line, _ in shifts for first, last, _ in ranges):
        return ranges  # no shift where a positional parameter holds a word: the blocks are not read
    loops = _loop_lines(lines)
    out = list(ranges)
    for first, last, given in ranges:
        held = dict(given)
        for line, n in shifts:
            if not first <= line <= last:
                continue
            if line in loops or n is None:
                every = tuple(dict.fromkeys(w for ws in held.values() for w in ws))
                begin = max(first, loops[line]) if line in loops else line
                # scripts58: as many positions as the calls give words
                given_count = max((int(k) for k in held if k.isdigit()), default=0)
                out.append((begin, last, {str(k): every for k in range(1, given_count + 1)}))
                break
            held = {str(int(k) - n): v for k, v in held.items() if k.isdigit() and int(k) > n}
            out.append((line, last, held))
    return out


# scripts55b: `"$@"` / `$*` written as a command's own arguments (bash(1) "Special Parameters": each positional
# parameter "expands to a separate word"): a wrapper passing options on (`retain() { aws logs put-retention-policy ...
# "$@"; }` then `retain --region us-west-2`, `pg() { psql "$@"; }` then `pg -h <host>`, `set -- --region R` then
# `aws ... "$@"`) runs the command with the call's words in their place, option and value together; the positions one
# by one (`positional_words`) would not pair them. Each such command is read again, written out once per call.
_RESERVED_LEAD = frozenset({"{", "do", "then", "else", "elif", "if", "while", "until", "!", "time"})
_RESERVED_COMPOUND = frozenset({"for", "case", "select", "function", "[[", "(("})
# a function's distinct calls written out, at most per command. The lead's review of stop 57: it was 8, so that a
# wrapper's ninth distinct call (`retain --log-group-name g9 --region us-west-2` after eight in-country ones) was never
# written out and passed every door; each distinct call is one more line to read (identical calls are written once).
_MAX_CALLS_EXPANDED = 64
PAST_THE_CALLS = "$(more calls than the reader keeps)"
"""(scripts58) A word of the calls :func:`_calls_within_bound` merges past :data:`_MAX_CALLS_EXPANDED`: a command
substitution no evaluator computes, so that a destination fails it closed (RES-011 / RES-015), as the engine's
``_PAST_THE_CAP`` does for a variable's values."""


def _calls_within_bound(lists: list[list[str]]) -> list[list[str]]:
    """(scripts58) A function's distinct calls' word lists, at most :data:`_MAX_CALLS_EXPANDED` written out and the rest
    merged, never dropped: the lead's review of stop 57 asked that a 65th distinct call's ``--region us-west-2`` (cut
    here, it passed every door) be judged, or be an unknown value at the destination. The calls past the bound are
    merged by their shape (the options, words starting with ``-``, an ``--opt=`` word by its name; other words by
    place): per shape, a place where the calls give at most :data:`_MAX_MERGED_WORDS` words is written with each of
    them (as :func:`_combinations` writes each value once), a place of more is :data:`PAST_THE_CALLS` (a log group
    name differing in every call; a destination there fails closed). Past as many shapes, one list of every option
    name met, each with an unknown value, and one of unknown words as long as the longest call (fail closed)."""
    if len(lists) <= _MAX_CALLS_EXPANDED:
        return lists
    shapes: dict[tuple[str | None, ...], list[list[str]]] = {}
    for words in lists[_MAX_CALLS_EXPANDED:]:
        shapes.setdefault(tuple(_option_name(w) for w in words), []).append(words)
    merged: list[list[str]] = []
    for shape, group in itertools.islice(shapes.items(), _MAX_CALLS_EXPANDED):
        places = [list(dict.fromkeys(given)) for given in zip(*group, strict=True)]
        first = [
            given[0] if len(given) <= _MAX_MERGED_WORDS else _unknown_word(name)
            for name, given in zip(shape, places, strict=True)
        ]
        merged.append(first)
        for k, given in enumerate(places):
            if 1 < len(given) <= _MAX_MERGED_WORDS:
                merged += [[*first[:k], word, *first[k + 1 :]] for word in given[1:]]
    if len(shapes) > _MAX_CALLS_EXPANDED:
        rest = list(itertools.islice(shapes, _MAX_CALLS_EXPANDED, None))
        names = dict.fromkeys(n for shape in rest for n in shape if n)
        # the lead's review of stop 58: and every place of those calls unknown, as long as the longest: a word that is
        # no option (`ssh "$@"`'s host) in a call past the shapes' bound was dropped and a partner's host passed
        merged.append([PAST_THE_CALLS] * max(len(shape) for shape in rest))
        merged.append([w for n in names for w in ((n,) if n[-1] != "=" else ()) + (_unknown_word(n),)])
    return [*lists[:_MAX_CALLS_EXPANDED], *merged]


# (scripts58) a merged place's distinct words written each, past the calls' bound. falsealarm59 (stop 59): 1,024, was 8:
# a wrapper called 81 times with 81 private hosts (`run() { ssh "$@"; }`, `run ec2-user@10.0.i.j ...`) was RES-015 at
# every call past the 64th (a false alarm). Each word is written once in its place with the shape's first words (one
# line per distinct word, as :func:`_combinations` writes each value once), so the lines written are at most the
# calls' own words: linear in the script, not in a product; past 1,024 distinct words a place is still unknown.
_MAX_MERGED_WORDS = 1024


def _unknown_word(name: str | None) -> str:
    """(scripts58) :data:`PAST_THE_CALLS` at a place of ``name`` (an ``--opt=`` word keeps its name)."""
    return f"{name}{PAST_THE_CALLS}" if name and name[-1] == "=" else PAST_THE_CALLS


def _option_name(word: str) -> str | None:
    """An option word's name (``--region``; ``--region=`` for ``--region=eu-west-1``), None for another word."""
    if word[:1] != "-":
        return None
    name, equals, _ = word.partition("=")
    return name + equals


def all_positional_expanded(script: str) -> str:
    """(scripts55b) ``script`` with, after its end, each simple command holding ``"$@"`` / ``$*`` (``${@}``,
    ``${*}``) among its words written out with the words of each call of its function (or of the ``set --`` before
    it) in their place, one line per call, so that the host reader, the Region options and the URL scan read ``aws ...
    --region us-west-2`` as written. The script's own text is unchanged (its offsets stay). A call passing ``"$@"`` on
    is followed as :func:`positional_words` follows it; a line continued from the one before, a here-document's body,
    and a compound command's own words (``for r in "$@"``: read by :func:`for_loop_words`) are left as written."""
    return _all_positional_expanded(script, None)


def _all_positional_expanded(script: str, given: list[tuple[int, int, list[list[str]]]] | None) -> str:
    """:func:`all_positional_expanded`; ``given``: ``_call_lists`` of this very text when read already (perf59)."""
    if "$@" not in script and "$*" not in script and "${@" not in script and "${*" not in script:
        return script
    lines = script.split("\n")
    given = _call_lists(script, lines) if given is None else given
    if not given:
        return script
    bodies = {i for start, end, _, _ in _heredocs(lines) for i in range(start + 1, end)} if "<<" in script else set()
    extra: list[str] = []
    shifts = _shift_counts(script, lines)
    # scripts56: a command continued over backslash-newlines (`aws ... \` then `  --retention-in-days 30 "$@"`) is
    # read whole, as the shell joins it (bash(1): "A backslash-newline pair is treated as a line continuation");
    # mutation56 found the same leak (one reader kept: this one)
    for start, line in _joined_lines(script) if "\\\n" in script else enumerate(lines):
        i = script.count("\n", 0, start) if "\\\n" in script else start
        if i in bodies or not (any(p in line for p in _ALL_POSITIONAL) or _POSITIONAL_SLICE.search(line)):
            continue
        calls = [
            words
            for first, last, lists in given
            if first <= i <= last
            for words in _shifted_lists(lists, shifts, first, i)
        ]
        calls = _calls_within_bound(list({tuple(w): w for w in calls}.values()))  # scripts58: past it, merged
        for command in _simple_commands(_words(line)) if calls else ():
            words = command.words
            if words[:1] == ["function"]:  # mutation56: `function NAME { CMD "$@"; }`, the body after its brace
                words = words[2:]
            while words and words[0] in _RESERVED_LEAD:
                words = words[1:]
            at = next((k for k, w in enumerate(words) if w in _ALL_POSITIONAL or _POSITIONAL_SLICE.fullmatch(w)), None)
            if at is None or words[0] in _RESERVED_COMPOUND:
                continue
            sliced = _POSITIONAL_SLICE.fullmatch(words[at])
            skipped = int(sliced.group(1)) - 1 if sliced else 0  # scripts57b: `"${@:N}"`, the words from N on
            end = skipped + 1 if sliced and sliced.group(2) else None  # scripts58: `"${@:N:1}"`, word N alone
            extra += [" ".join(map(_requoted, [*words[:at], *call[skipped:end], *words[at + 1 :]])) for call in calls]
            if any("$" in w for k, w in enumerate(words) if k != at):
                extra += _bound_words_written(lines, i, line, words, at, given, (skipped, end))
    return "\n".join([script, *dict.fromkeys(extra)]) if extra else script


# scripts64 (stop 64): in the body whose calls' words a line's `"$@"` is written out with, the other words of that
# command may name the calls' words too: `$N` (`"${@:2}" --region "$1"`) or a variable the body assigns a positional
# parameter before it (`with_region() { local r=$1; shift; AWS_REGION="$r" "$@"; }`, bash(1) "Simple Command
# Expansion": the assignment before the command is in its environment; "Positional Parameters", `shift`). Written out
# after the script's end, where neither holds the call's word, each such Region passed every door (False alarms,
# round 30). Each is written with the word of the same call (the body's shifts counted up to it).
_BODY_BINDING = re.compile(
    r"(?<![^\s;{(])(?:(?:local|declare|typeset|readonly)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)="
    r"(\"?)\$(?:\{([1-9])\}|([1-9]))\2(?=[\s;&|)}]|$)"
)
_BODY_SHIFT = re.compile(r"(?<![^\s;{(])shift(?:[ \t]+([^\s;&|)}]+))?(?=[\s;&|)}]|$)")
_BOUND_REFERENCE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*|[1-9])\}|([A-Za-z_][A-Za-z0-9_]*|[1-9]))")


def _bound_words_written(
    lines: list[str],
    i: int,
    line: str,
    words: list[str],
    at: int,
    given: list[tuple[int, int, list[list[str]]]],
    window: tuple[int, int | None],
) -> list[str]:
    """(scripts64) The command ``words`` of ``line`` (line ``i``), whose word ``at`` is ``"$@"`` (``window``: the
    slice of it), written once per call of each range of ``given`` holding it with the call's own words for ``$N`` and
    for each variable the range's text before the command binds to ``$N`` (:data:`_BODY_BINDING`), the shifts before
    each counted (:data:`_BODY_SHIFT`); none for a range with a shift of a count no number writes."""
    cut = min((line.find(p) for p in ("$@", "${@", "$*", "${*") if p in line), default=len(line))
    out: list[str] = []
    for first, last, lists in given:
        if not first <= i <= last:
            continue
        body = "\n".join([*lines[first:i], line[:cut]])
        events = sorted([*_BODY_BINDING.finditer(body), *_BODY_SHIFT.finditer(body)], key=lambda m: m.start())
        count, bound, known = 0, dict[str, int](), True
        for m in events:
            if m.re is _BODY_SHIFT:
                known = known and (m.group(1) or "1").isdigit()
                count += int(m.group(1) or 1) if known else 0
            else:
                bound[m.group(1)] = count + int(m.group(3) or m.group(4)) - 1
        if not known:
            continue
        for o in _calls_within_bound(lists):

            def value(ref: re.Match[str], o: list[str] = o, count: int = count, bound: dict[str, int] = bound) -> str:
                name = ref.group(1) or ref.group(2)
                k = count + int(name) - 1 if name.isdigit() else bound.get(name)
                return o[k] if k is not None and k < len(o) else ref.group(0)

            def named(ref: re.Match[str]) -> str:  # an assignment before the command: judged in the body already
                return ref.group(0) if (ref.group(1) or ref.group(2)).isdigit() else value(ref)

            leading = next((j for j, w in enumerate(words[:at]) if not _ASSIGNMENT_WORD.match(w)), at)
            rest = [_BOUND_REFERENCE.sub(named if j < leading else value, w) for j, w in enumerate(words)]
            if rest[:at] + rest[at + 1 :] != words[:at] + words[at + 1 :]:
                call = o[count:][window[0] : window[1]]
                out.append(" ".join(map(_requoted, [*rest[:at], *call, *rest[at + 1 :]])))
    return out


_ASSIGNMENT_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")


# scripts56: the last positional parameter: `${!#}` (bash(1) "Parameter Expansion": "If the first character of
# parameter is an exclamation point (!) ... the value of the variable formed from the rest of parameter" is used: `#`
# holds the count, so the parameter whose number it is) and `${@: -1}` ("If parameter is @ or *, the result is length
# positional parameters beginning at offset. A negative offset is taken relative to one greater than the greatest
# positional parameter"; written with a blank or in parentheses, not `:-`), `${@:$#}` too, length 1 or none.
_LAST_POSITIONAL = re.compile(r"\$\{(?:!#|[@*]:(?:[ \t]+-1|\(-1\)|\$#|\$\{#\})(?::1)?)\}")
# mutation57: and a slice from a literal offset (_POSITIONAL_SLICE, above; scripts58: joined with scripts57b's).


def last_positional_written(script: str) -> str:
    """(scripts56) ``script`` with each last positional parameter (:data:`_LAST_POSITIONAL`: ``${!#}``, ``${@: -1}``)
    written as the position it is, ``${N}``, where every call of its function (or the ``set --`` before it) gives the
    same number N of words (:func:`_call_lists`); so the one positional reader fills it. mutation57: a slice
    giving one parameter too (:func:`_slice_written`). scripts57: one whose calls give different numbers of words is
    written ``${!#}`` (:data:`LAST_POSITIONAL`), which holds each call's last word; one given no call is left as written
    (a placeholder, as an unset ``$1``)."""
    return _last_positional_written(script)[0]


def positional_expanded(script: str) -> str:
    """(perf59, stop 59) :func:`all_positional_expanded` of :func:`last_positional_written`'s text, the order the
    script judge reads them in, the script's call lists (:func:`_call_lists`, a pure function of the text) read once
    where the first leaves the text as it was: each read the same calls' words again (a wrapper's ``"${@:2}"`` over
    70 calls, falsealarm58b: about a fifth of such a program's CPU apiece). The same text as the two calls."""
    written, given = _last_positional_written(script)
    return _all_positional_expanded(written, given if written == script else None)


def _last_positional_written(script: str) -> tuple[str, list[tuple[int, int, list[list[str]]]] | None]:
    """:func:`last_positional_written`, and the call lists of ``script`` it read (None where its gate left them
    unread); it reads them only, never changes them."""
    if "${" not in script or (_LAST_POSITIONAL.search(script) is None and _POSITIONAL_SLICE.search(script) is None):
        return script, None
    lines = script.split("\n")
    given = _call_lists(script, lines)
    for first, last, lists in given:
        counts = {len(words) for words in lists}
        count = counts.pop() if len(counts) == 1 else 0
        # scripts57: calls giving different numbers of words: `${!#}`, each call's last word (positional_words' `!#`)
        written = f"${{{count}}}" if 1 <= count <= _MAX_POSITIONAL else LAST_POSITIONAL if counts else None
        if written is None:
            continue
        for i in range(first, min(last, len(lines) - 1) + 1):
            lines[i] = _LAST_POSITIONAL.sub(written, lines[i])
            if count:
                lines[i] = _POSITIONAL_SLICE.sub(functools.partial(_slice_written, count=count), lines[i])
    return "\n".join(lines), given


def _slice_written(m: re.Match[str], count: int) -> str:
    """(mutation57) A positional slice (:data:`_POSITIONAL_SLICE`) as the one parameter it gives where every call
    gives ``count`` words: ``${N}`` for a length of 1 or an offset that is the last word; as written otherwise."""
    offset = int(m.group(1))
    return f"${{{offset}}}" if m.group(2) or offset == count else m.group(0)


LAST_POSITIONAL = "${!#}"
"""(scripts57) The last positional parameter as :func:`last_positional_written` writes it where the calls give
different numbers of words; :func:`positional_words` gives it (as ``!#``) each call's last word, and
:data:`SHELL_PARAMETER` reads it as a name."""


def _requoted(word: str) -> str:
    """A word :func:`_words` read (its quotes removed), written back as one word the shell expands the same way."""
    if word and not any(c in word for c in " \t\n;&|<>()'\"\\`*?[#~"):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`") + '"'


def _call_lists(script: str, lines: list[str]) -> list[tuple[int, int, list[list[str]]]]:
    """(scripts55b) The word lists positional parameters may hold, by line range: ``(first line, last line, [words of
    one call, ...])`` for each function's body (each call of it, a call passing ``"$@"`` on given the caller's lists in
    its place, :data:`_MAX_PASSED_ON` deep) and for the lines after each ``set -- WORDS``."""
    ranges: list[tuple[int, int, list[list[str]]]] = []
    if "set" in script and "--" in script:
        for m in _SET_ARGUMENTS.finditer(script):
            ranges.append((script.count("\n", 0, m.start()), len(lines) - 1, [_call_words(m.group(1))]))
    bodies = _function_bodies(lines) if _ANY_FUNCTION_DEFINITION.search(script) else []
    calls = _loop_words_in_calls(script, lines, _function_calls(script, bodies))
    shifts = _shift_counts(script, lines)
    held: list[tuple[int, int, list[list[str]]]] = []
    for _ in range(_MAX_PASSED_ON + 1):
        known = [*ranges, *held]
        held = []
        for name, first, last in bodies:
            lists: list[list[str]] = []
            for line, words in calls[name]:
                at = next((k for k, w in enumerate(words) if w in _ALL_POSITIONAL), None)
                if at is None:
                    lists.append(words)
                    continue
                for a, b, outer in known:
                    if a <= line <= b:
                        lists += [[*words[:at], *o, *words[at + 1 :]] for o in _shifted_lists(outer, shifts, a, line)]
            unique = _calls_within_bound(list({tuple(w): w for w in lists}.values()))  # scripts58: none dropped
            if unique:
                held.append((first, last, unique))
    return [*ranges, *held]


def _loop_words_in_calls(
    script: str, lines: list[str], calls: dict[str, list[tuple[int, list[str]]]]
) -> dict[str, list[tuple[int, list[str]]]]:
    """(lead, stop 62) ``calls`` with each call made inside a ``for NAME in WORDS`` loop and passing the loop's variable
    as a whole word (``for r in eu-west-1 us-west-2; do retry aws ... --region "$r"; done``) written once per word the
    loop gives it (bash(1) "Looping Constructs": "name is set to each element of this list in turn"). The calls' words
    are written out after the script's end (:func:`all_positional_expanded`), where the loop's variable holds nothing:
    falsealarm62 found such a wrapper's call passing every door with the Region abroad. A loop of other than literal
    words (:func:`loop_literal_values`: ``for r in $REGIONS``, a glob) leaves the word as written, as before (still
    open: the variable's values anywhere are the engine's, not this reader's)."""
    if ("for" not in script and "read" not in script) or "$" not in script:
        return calls
    headers = [(script.count("\n", 0, m.start()), m.group(1)) for m in _FOR_IN.finditer(script)]
    if "read" in script:  # scripts63: a `while read NAME` loop's names too
        headers += [
            (script.count("\n", 0, m.start()), n) for m in _WHILE_READ.finditer(script) for n in m["names"].split()
        ]
    if not headers:
        return calls
    loops = _loop_lines(lines)
    computed: dict[str, tuple[str, ...]] | None = None
    out: dict[str, list[tuple[int, list[str]]]] = {}
    for function, found in calls.items():
        written: list[tuple[int, list[str]]] = []
        for line, words in found:
            outer = loops.get(line)
            bound = {name for at, name in headers if outer is not None and outer <= at <= line}
            choices: list[tuple[str, ...]] = []
            for word in words:
                m = _WHOLE_REFERENCE.fullmatch(word) if bound and word[:1] == "$" else None
                name = (m.group(1) or m.group(2)) if m is not None else None
                if name is None or name not in bound:
                    choices.append((word,))
                    continue
                given = loop_literal_values(script, name)
                if given is None:
                    computed = _computed_loop_words(script) if computed is None else computed
                    given = computed.get(name, (word,))
                choices.append(given)
            if all(len(c) == 1 for c in choices):
                written.append((line, [c[0] for c in choices]))
                continue
            # each word once in its place, as _combinations writes each value (linear in the words, never a product)
            first = [c[0] for c in choices]
            written.append((line, first))
            written += [(line, [*first[:k], w, *first[k + 1 :]]) for k, c in enumerate(choices) for w in c[1:]]
        out[function] = written
    return out


UNKNOWN_LOOP_WORDS = "$(loop words the reader does not compute)"
"""(scripts63) A loop's word given to a wrapper's call where the loop's words are no literal ones and the readers of
loops compute none (:func:`_computed_loop_words`): a substitution no evaluator computes, so that a destination fails
it closed (RES-011 / RES-015)."""


def _computed_loop_words(script: str) -> dict[str, tuple[str, ...]]:
    """(scripts63, stop 63) The words each loop of ``script`` gives its variable by the one reading of loops of the
    engine (:func:`for_loop_words`: ``for r in $REGIONS``, ``"${RS[@]}"``, ``$(cat FILE)``; :func:`while_read_words`:
    ``while read -r r; do ...; done < FILE`` or a here-document), the variables' values their plain literal
    assignments (:func:`_plain_assigned_values`), the files those the script writes. A substitution no evaluator
    computes is given as written (a destination fails it closed)."""
    # scripts64: `read -r T < FILE` / `read -r T <<< WORD` as the assignment the engine's values read it as
    # (reads_as_assignments: `T=$(< FILE)`), so the loop over `$T` gets the written file's words (was RES-011)
    values = _plain_assigned_values(reads_as_assignments(script) if "read" in script else script)
    files = written_files(script)
    found = {n: list(w) for n, w in for_loop_words(script, values, files).items()}
    for name, words in while_read_words(script, files, values).items():
        found.setdefault(name, []).extend(words)
    for m in _FOR_IN.finditer(script) if "for" in script else ():
        # words over a variable the script sets in a way no reader computes: unknown (one it never sets is empty in
        # user data, the loop runs nothing: left as written)
        used = [a or c for a, _, c in _LOOP_LIST.findall(loop_words_text(m))]
        if not found.get(m.group(1)) and any(re.search(rf"(?<![\w$]){n}\+?=|\b{n}\b[^\n]*<", script) for n in used):
            found[m.group(1)] = [UNKNOWN_LOOP_WORDS]
    return {n: tuple(dict.fromkeys(w)) for n, w in found.items() if w}


def _plain_assigned_values(script: str) -> dict[str, tuple[str, ...]]:
    """(scripts63; scripts64: one implementation with :func:`plain_literal_values`) The values each variable of
    ``script`` is given by plain assignments (:func:`plain_assigned_name`: ``REGIONS="eu-west-1 eu-central-1"``,
    ``L=$(cat FILE)``), by :func:`_plain_values`; a variable also bound another way has none (unknown)."""
    assigned: dict[str, list[str]] = {}
    for line in script.splitlines():
        name = plain_assigned_name(line.strip())
        if name is not None:
            assigned.setdefault(name, []).append(line.strip())
    bindings = _loop_words_blanked(script)
    out = {n: _plain_values(script, n, lines, bindings) for n, lines in assigned.items()}
    return {n: v for n, v in out.items() if v is not None}


def _loop_words_blanked(script: str) -> str:
    """(scripts63) ``script`` with each ``for NAME in WORDS`` loop's words blanked: they use variables, they bind none
    (``for r in $REGIONS`` binds r)."""
    if "for" not in script:
        return script
    # mutation66b: a bare loop's second group (`for r do aws ...`) holds no words: nothing blanked
    return _without_spans(script, [m.span(2) for m in _FOR_IN.finditer(script) if m.start(2) > m.end(1)])


def _plain_values(script: str, name: str, assigned: list[str], bindings: str) -> tuple[str, ...] | None:
    """(scripts64) The one reading of a variable's plain values: the values of its ``assigned`` lines (plain
    assignments, stripped), quotes around each removed, when they are every assignment of ``name`` in ``script``, none
    is an append (``k+=2`` is no value of its own) and nothing else binds it in ``bindings`` (``read``, ``for``,
    ``getopts``, ``${NAME:=}``: :data:`_OTHER_BINDING`); None otherwise."""
    if not assigned or len(re.findall(rf"(?<![\w$]){name}\+?=", script)) != len(assigned):
        return None
    if any(line.split("=", 1)[0].endswith("+") for line in assigned):
        return None  # scripts60: an append (`k+=2`) is no literal value of its own
    if re.search(_OTHER_BINDING.format(name=name), bindings):
        return None
    values = []
    for line in assigned:
        value = line.split("=", 1)[1].strip()
        values.append(value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'" else value)
    return tuple(dict.fromkeys(values))


def _shifted_lists(
    lists: list[list[str]], shifts: list[tuple[int, int | None]], first: int, line: int
) -> list[list[str]]:
    """(mutation56) The word lists a range's positional parameters hold at ``line`` after the ``shifts`` (``(line, n)``,
    None for a count no number writes) from its ``first`` line up to it: each list without its first n words; with a
    count not known, every list from each of its words on (`outer() { shift; inner "$@"; }` passes its words from the
    second on: written out whole, the first word reached inner's ``$1``)."""
    counts = [n for at, n in shifts if first <= at <= line]
    if not counts:
        return lists
    if None in counts:
        return [o[k:] for o in lists for k in range(len(o) + 1)]
    return [o[sum(n for n in counts if n is not None) :] for o in lists]


# falsealarm57b: and first in a command substitution (`Q=$(endpoint eu-west-1)`, bash(1) "Command Substitution": the
# command runs with its words; its `$1` held nothing there, and a URL built from it was read as the hosts `sqs` and
# `1.amazonaws.com`)
_CALL_PLACE = r"(?:^|[;&|]|(?<![$\w])\{|\$\(|\b(?:do|then|else))[ \t]*"


def _function_calls(script: str, bodies: list[tuple[str, int, int]]) -> dict[str, list[tuple[int, list[str]]]]:
    """Each function's calls in ``script``: the line and the words of its arguments (:func:`_call_words`)."""
    calls: dict[str, list[tuple[int, list[str]]]] = {}
    for name, _, _ in bodies:
        # a call: the name at a command's place, then a blank, an operator or the line's end (`copy()` defines it);
        # scripts55b: also first in a one-line body (`run() { retain "$@"; }`: after the group's `{`)
        call = _function_call_pattern(name)
        calls[name] = [(script.count("\n", 0, m.start()), _call_words(m.group(1))) for m in call.finditer(script)]
    return calls


@functools.lru_cache(maxsize=256)
def _function_call_pattern(name: str) -> re.Pattern[str]:
    """A call of function ``name`` (:func:`_function_calls`), its arguments' text the first group."""
    return re.compile(_CALL_PLACE + re.escape(name) + r"(?=[ \t;&|)]|$)([^\n]*)", re.M)


def _function_bodies(lines: list[str]) -> list[tuple[str, int, int]]:
    """Each function definition's name, its first line and the line its body closes on (:func:`shell_blocks`'
    reading of compound commands)."""
    bodies = {j for start, end, _, _ in _heredocs(lines) for j in range(start + 1, end)}
    stack: list[str] = []
    open_: list[tuple[str, int, int]] = []
    out: list[tuple[str, int, int]] = []
    for i, line in enumerate(lines):
        if i in bodies:
            continue
        depth = len(stack)
        defined = _FUNCTION_DEFINITION.match(line)
        _block_words(line, stack)
        if defined is not None and (len(stack) > depth or "}" in line):
            name = re.sub(r"^\s*(?:function\s+)?", "", defined.group(0)).split("(")[0].strip()
            open_.append((name, i, depth))
        while open_ and len(stack) <= open_[-1][2]:
            name, first, _ = open_.pop()
            out.append((name, first, i))
    return out


# falsealarm57b (stop 57): bash(1) "Shell Functions" ("executed in the context of the calling shell ... the
# positional parameters are set to the arguments of the function call") and "Command Substitution" (the command's
# standard output replaces it): a helper whose whole body is one `echo` / `printf '%s\n'` of words prints those words
# with the call's arguments in the positions (`last_arg() { echo "${!#}"; }`, `R=$(last_arg a "$HOME_REGION")`). The
# body holds no operator, redirection or substitution (a one-command body only); the call's arguments are literal
# words or whole variable references.
_ECHOING_BODY = re.compile(
    r"""(?:echo(?:[ \t]+-n)?|printf[ \t]+(?:'%s\\n'|"%s\\n"|'%s'|"%s"|%s))(?:[ \t]+[^\s;&|<>()`\\]+)+"""
)
_PLAIN_CALL_WORD = re.compile(r"[A-Za-z0-9_./:@,+=%-]+|\$([A-Za-z_][A-Za-z0-9_]*)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_BODY_POSITIONAL = re.compile(
    r"\$\{!#\}|\$\{[@*]:(?:[ \t]+-1|\(-1\))\}|\$\{([0-9]+)\}|\$([0-9])|\$\{[@*]\}|\$[@*]|\$\{#\}|\$#"
)


def function_outputs_written(script: str) -> str:
    """(falsealarm57b) ``script`` with each command substitution calling a function whose body is one ``echo`` /
    ``printf '%s\\n'`` of words (:data:`_ECHOING_BODY`; a name defined once) written as that command with the call's
    arguments in the positional parameters' place (``${N}`` / ``$N``, ``${!#}`` / ``${@: -1}`` the last, ``"$@"`` all,
    ``$#`` their count; a variable written braced): ``$(last_arg a "$HOME_REGION")`` is ``$(echo "${HOME_REGION}")``,
    which the one evaluator computes (was unknown: RES-011 at ``--region``). A call with another word (a quoted
    blank, a substitution) or a body with another expansion of the positions (``${@:2}``, ``$0``) is left as written
    (unknown, as before). Gate: ``$(`` and a function definition."""
    if ("$(" not in script and "`" not in script) or not _ANY_FUNCTION_DEFINITION.search(script):
        return script
    lines = script.split("\n")
    bodies = _function_bodies(lines)
    defined = [name for name, _, _ in bodies]
    texts: dict[str, str] = {}
    for name, first, last in bodies:
        text = "\n".join(lines[first : last + 1])
        start, end = text.find("{"), text.rfind("}")
        texts[name] = text[start + 1 : end].strip().rstrip(";").strip() if 0 <= start < end else ""
    silent = _silent_functions(texts, defined)
    echoing: dict[str, str] = {}
    for name, text in texts.items():
        body = text
        if silent and any(s in body for s in silent):
            body = _silent_calls_written(body, silent)  # falsealarm62: `standby && { echo <DR>; return 0; }`
        echoes = body if _ECHOING_BODY.fullmatch(body) else _echoing_command(body)  # scripts58: or one of several
        if echoes is None and "#" in body:
            # mutation60 (stop 60): a body read again without its comments (`# the DR Region` above its echo or its
            # `if`, in a branch, `then  # dr`): each made the call unknown, RES-011 with the Regions at home (a false
            # alarm)
            body = "\n".join(_uncommented(line) for line in body.split("\n")).strip()
            echoes = body if _ECHOING_BODY.fullmatch(body) else _echoing_command(body)
        if echoes is None:
            # scripts59: a body choosing its echo by a branch, as the one evaluator reads it (branch_echoes);
            # scripts60: an and-or list, an if without else, nested compounds, a way of several echoes too
            branches = branch_echoes(body)
            echoes = "if :; then " + "; elif :; then ".join(branches) + "; fi" if branches else None
            if branches and len(branches) == 1 and "; " not in branches[0] and not _ECHOING_BODY.fullmatch(branches[0]):
                echoes = branches[0]  # falsealarm62: one command that prints, written alone (as _output_command does)
        if echoes is None:
            # falsealarm61: `TOKEN=$(...)` then the metadata's Region lookup; scripts64: a loop printing
            echoes = _output_command(body) or _loop_echoes(body, script)
        if defined.count(name) == 1 and echoes:
            echoing[name] = echoes
    if not echoing:
        return script
    if "`" in script:
        script = _backquoted_calls_as_dollar(script, echoing)
    call = re.compile(r"\$\((" + "|".join(map(re.escape, echoing)) + r")(?=[ \t)])")
    parts: list[str] = []
    calls: list[str] = []
    end = 0
    for m in call.finditer(script):
        substitution = substitution_at(script, m.start()) if m.start() >= end else None
        if substitution is None:
            continue
        written = _echoed_with(echoing[m.group(1)], _call_words(substitution[m.end() - m.start() : -1]))
        if written is not None:
            parts += [script[end : m.start()], f"$({written})"]
            calls.append(substitution[2:-1])
            end = m.start() + len(substitution)
    # each call also written after the script's end (as all_positional_expanded writes its lines), so that the
    # body's own uses of the positions (a URL built from `$1`) are still given the call's words
    return "\n".join(["".join([*parts, script[end:]]), *dict.fromkeys(calls)]) if parts else script


# scripts64 (stop 64): a function whose body is one loop (bash(1) "Looping Constructs": `while list-1; do list-2;
# done`, `until ...`) printing with `echo` / `printf '%s\n'` (`pick() { while read -r r; do echo "$r"; return 0; done
# <<EOF ... EOF; }`): its output is what the loop's body prints on some pass, the read variable holding a line the
# loop reads (:func:`while_read_words`, the one reading of such loops). Was unknown (RES-011 with home Regions: a false
# alarm, left by scripts63). A body that prints anything else, or a read whose lines are not known, is left as written.
_LOOP_BODY = re.compile(
    r"(?P<head>while|until)[ \t]+(?P<cond>[^;\n]+?)[ \t]*(?:;|\n)\s*do\b(?P<inner>.*?)(?:;|\n)\s*done\b(?P<after>.*)",
    re.S,
)
_LOOP_READ = re.compile(r"read(?:[ \t]+-r)?[ \t]+([A-Za-z_][A-Za-z0-9_]*)")
_LOOP_EXIT = re.compile(r"return(?:[ \t]+[0-9]+)?|break|continue|:|true")


def _loop_echoes(body: str, script: str) -> str | None:
    """(scripts64) What a function ``body`` that is one loop prints, as the one evaluator's way of several echoes
    (``if :; then echo A; elif :; then echo B; fi``): each pass's echo, the read variable given each line the loop
    reads; None where it prints anything else."""
    if body[:6] == "select":
        return _select_echoes(body)
    m = _LOOP_BODY.fullmatch(body.strip()) if body[:5] in ("while", "until") else None
    if m is None or (m["after"].strip() and m["after"].strip()[:1] != "<"):
        return None  # a loop whose output goes elsewhere (`done > FILE`, `| cmd`): not read
    read = _LOOP_READ.fullmatch(m["cond"].strip()) if m["head"] == "while" else None
    words: tuple[str, ...] = ("",)
    if read is not None:
        given = while_read_words(body, written_files(script) if may_write_files(script) else {}).get(read.group(1))
        if not given or any(c in w for w in given for c in "$`\"'\\ "):
            return None
        words = given
    elif "$" in m["cond"] or "`" in m["cond"]:
        return None
    commands = [c.strip() for c in re.split(r"[;\n]", m["inner"]) if c.strip() and not _LOOP_EXIT.fullmatch(c.strip())]
    if len(commands) != 1:
        return None
    echoes = []
    for word in words:
        command = re.sub(r'"?\$(?:\{%s\}|%s\b)"?' % ((read.group(1),) * 2), word, commands[0]) if read else commands[0]
        if not _ECHOING_BODY.fullmatch(command) or "$" in command:
            return None
        echoes.append(command)
    return "if :; then " + "; elif :; then ".join(dict.fromkeys(echoes)) + "; fi"


# scripts65 (stop 65): a function whose body is one `select NAME in WORDS; do ...; done` (bash(1) "Conditional
# Constructs", select: "The set of expanded words is printed on the standard error output stream ... a line is read
# from the standard input. If the line consists of a number corresponding to one of the displayed words, then the value
# of name is set to that word ... If EOF is read, the select command completes and returns 1. Any other value read
# causes name to be set to null"): whatever user data's standard input holds (none: EOF, the body never runs), a pass
# prints with NAME one of the listed words or null; each is read as a way of the body's one echo. `pick() { select r in
# A B; do echo "$r"; break; done; }`, `R=$(pick)` was unknown: RES-011 with home Regions (a false alarm), and RES-011
# for RES-009 with one abroad.
_SELECT_BODY = re.compile(
    r"select[ \t]+(?P<name>[A-Za-z_][A-Za-z0-9_]*)[ \t]+in[ \t]+(?P<words>[^;\n]*?)[ \t]*(?:;|\n)\s*do\b"
    r"(?P<inner>.*?)(?:;|\n)\s*done\b(?P<after>.*)",
    re.S,
)


def _select_echoes(body: str) -> str | None:
    """(scripts65) What a function ``body`` that is one ``select`` loop over literal words prints, as
    :func:`_loop_echoes` reads a loop's passes: its one echo with NAME each listed word; None where a word
    holds an expansion or the body prints anything else."""
    m = _SELECT_BODY.fullmatch(body.strip())
    if m is None or m["after"].strip():
        return None  # a select whose output or input goes elsewhere: not read
    words = [w.strip("\"'") for w in m["words"].split()]
    if not words or not all(_LOOP_WORD.fullmatch(w) for w in words):
        return None
    inner = [c.strip() for c in re.split(r"[;\n]", m["inner"]) if c.strip() and not _LOOP_EXIT.fullmatch(c.strip())]
    if len(inner) != 1:
        return None
    name = re.escape(m["name"])
    echoes = []
    for word in words:  # null (or no pass at all) prints no destination: not written
        command = re.sub(rf'"?\$(?:\{{{name}\}}|{name}\b)"?', word, inner[0])
        if not _ECHOING_BODY.fullmatch(command) or "$" in command:
            return None
        echoes.append(command)
    return "if :; then " + "; elif :; then ".join(dict.fromkeys(echoes)) + "; fi"


# falsealarm62 (stop 62): bash(1) "Shell Functions": "the exit status of a function is the exit status of the last
# command executed in the body", and its output is its commands' output: a function whose every way prints nothing
# (its body's tests and silent commands, :func:`_branch_paths`: `standby() { [ -f /etc/fleet/standby ]; }`) is a test
# that prints nothing where another body calls it (`standby && { echo <DR>; return 0; }`, `if is_standby; then`: was
# unknown, RES-011 with the Regions at home). Its status is not computed: either way is taken, as for `[ ... ]`.
_SILENT_CALL_PLACE = r"((?:^|[;&|{(]|\b(?:if|elif|then|else|do|while|until)\b|!)[ \t]*)"


def _silent_functions(texts: Mapping[str, str], defined: Sequence[str]) -> frozenset[str]:
    """(falsealarm62) The functions defined once whose body (``texts``) prints nothing on any way."""
    return frozenset(
        name
        for name, body in texts.items()
        if defined.count(name) == 1
        and body
        and (paths := _branch_paths(body)) is not None
        and not any(paths)
        and not _ECHOING_BODY.search(body)
    )


def _silent_calls_written(body: str, names: frozenset[str]) -> str:
    """(falsealarm62) ``body`` with each call of a function of ``names`` at a command's place written ``: NAME ...``
    (``:``, a silent command of either status to :func:`_branch_paths`)."""
    call = re.compile(_SILENT_CALL_PLACE + "(" + "|".join(map(re.escape, sorted(names))) + r")(?=[ \t;&|)]|$)", re.M)
    return call.sub(r"\1: \2", body)


def _backquoted_calls_as_dollar(script: str, names: Iterable[str]) -> str:
    """(falsealarm61) ``script`` with each backquoted call of a function of ``names`` written ``$(...)`` (bash(1)
    "Command Substitution": "$(command) or `command`", the same substitution; :func:`quoting_spans` finds them outside
    single quotes and comments): `` R=`dr_region` `` was unknown (RES-011 with the function's Region at home: a false
    alarm), ``$(dr_region)`` was read. A backquoted call holding a backslash or a newline (the old form's own quoting
    rules) is left as written (unknown, as before)."""
    called = re.compile("(?:" + "|".join(map(re.escape, names)) + r")(?=[ \t]|$)")
    out: list[str] = []
    for a, b, kind in quoting_spans(script, comments=True, backquotes=True):
        inner = script[a + 1 : b - 1]
        if kind == "`" and _closed(script, a, b) and called.match(inner) and not any(c in inner for c in "\\\n"):
            out.append(f"$({inner})")
        else:
            out.append(script[a:b])
    return "".join(out)


# falsealarm61 (stop 61): bash(1) "Shell Functions" and "Command Substitution": a body whose commands write nothing to
# the standard output but one (an assignment, `local NAME=$(...)`, a silent command) gives that command's output:
# `region_of_machine() { TOKEN=$(curl -X PUT .../api/token ...); curl -H "...: $TOKEN" .../placement/region; }` then
# `$(region_of_machine)` is `$(curl -H ... .../placement/region)`, which the one evaluator computes as the machine's
# own Region (was unknown: RES-011 at home). The command is a simple command or a pipeline (no redirection, list,
# substitution or quoted separator); anything it does not compute stays unknown there.
_ASSIGNED_SUBSTITUTION = re.compile(
    r"(?:(?:local|export|readonly|declare)[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=(\"?)\$\(.*\)\1"
)
_DECLARED_NAMES = re.compile(  # `local r` (bash(1) "local [option] [name[=value] ...]"): no output; not -p / -f / -F
    r"(?:local|declare|typeset|readonly|export)(?:[ \t]+-[aAgilrux]+)*(?:[ \t]+[A-Za-z_][A-Za-z0-9_]*)+"
)
_OUTPUT_COMMAND = re.compile(r"[^\s;&|<>()`\\][^;&<>()`\\]*(?:(?<!\|)\|(?!\|)[^;&|<>()`\\]+)*")


def _output_command(body: str) -> str | None:
    """(falsealarm61) The one command of a function ``body`` that may write to the standard output, the others silent
    (:data:`_SILENT_COMMAND`, a declaration of names (:data:`_DECLARED_NAMES`), or an assignment of one command
    substitution), written as the command; else None."""
    if "\n" not in body and ";" not in body and not _OUTPUT_COMMAND.fullmatch(body):
        return None
    commands = [c.strip() for c in re.split(r"[;\n]", body) if c.strip()]
    silent = [c for c in commands if _SILENT_COMMAND.fullmatch(c) or _declares_or_assigns(c)]
    output = [c for c in commands if c not in silent]
    if len(output) != 1 or _quoted_separator(output[0]) or not _OUTPUT_COMMAND.fullmatch(output[0]):
        return None
    return output[0]


def split_function_outputs_written(items: Sequence[str]) -> list[str]:
    """(scripts59b) The items of a script list (an SSM Command document's ``runCommand``: one line an item, one script
    the agent runs) with each call of a function whose definition spans earlier items written as
    :func:`function_outputs_written` writes it in a whole script: ``dr_region() {`` / ``if ...`` / ``echo ...`` /
    ``}`` then ``R="$(dr_region)"`` (each its own item) was RES-011 with the home Region, the call's item judged alone
    (a false alarm). An item is rewritten from the definitions that close before it (bash(1) "Shell Functions": a
    function is defined when its definition runs); a definition the rewriting would alter, or a call it cannot write,
    leaves the item as written (unknown, as before). Gate: a ``$(`` (falsealarm61: or backquoted) item and a function
    definition."""
    out = list(items)
    if not any("$(" in item or "`" in item for item in items) or not any(
        _ANY_FUNCTION_DEFINITION.search(i) for i in items
    ):
        return out
    lines: list[str] = []
    starts: list[int] = []
    for item in items:
        starts.append(len(lines))
        lines += item.split("\n")
    bodies = _function_bodies(lines)
    for k, item in enumerate(items):
        before = [(first, last) for _, first, last in bodies if last < starts[k]]
        if ("$(" not in item and "`" not in item) or not before:  # falsealarm61: a backquoted call too
            continue
        definitions = [line for first, last in before for line in lines[first : last + 1]]
        written = function_outputs_written("\n".join([*definitions, item])).split("\n")
        # the item's own lines only (the calls function_outputs_written appends after a script's end would make the
        # item two commands: its assignment no longer read as one by the list's joined reading)
        if written[: len(definitions)] == definitions:
            out[k] = "\n".join(written[len(definitions) : len(definitions) + item.count("\n") + 1])
    return out


# scripts58 (stop 58): a body of several commands of which one echoes and every other writes nothing to the standard
# output (bash(1) "Command Substitution": "replacing the command substitution with the standard output of the
# command"): logger(1) ("makes entries in the system log"; `-s` copies to standard error), sleep, mkdir, touch, chmod,
# cd, `:` / true, set, local / export / readonly of an assignment, an assignment, and any command whose standard
# output is redirected to a file or standard error (`> FILE`, `>/dev/null`, `>&2`). `dr() { logger start; echo
# us-west-2; }` then `--region "$(dr)"` was RES-011 with the home Region too (unknown output: a false alarm).
_SILENT_COMMAND = re.compile(
    r"(?:logger|sleep|mkdir|touch|chmod|chown|cd|:|true|set|shopt|umask)(?:[ \t]+[^;&|<>()`]*)?"
    r"|(?:(?:local|export|readonly|declare)[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=[^\s;&|<>()`]*"
    r"|[^;&|<>()`]*?[ \t](?:1?>>?[ \t]*(?!&)[^\s;&|<>()`]+|&>>?[ \t]*[^\s;&|<>()`]+|1?>&[ \t]*2)[ \t]*"
)
# falsealarm62 (stop 62): bash(1) "Redirection": `2>FILE` sends the standard error only ("[n]>word": n is the
# descriptor); the command's standard output still reaches the substitution. `f() { cat /etc/fleet/region 2>/dev/null
# || echo <home>; }` then `--region "$(f)"` passed every door whatever the file held (the `cat` read as silent: a
# leak); only `>`, `1>`, `>>`, `&>` and `>&2` silence a command now.


def _echoing_command(body: str) -> str | None:
    """(scripts58) The one echoing command (:data:`_ECHOING_BODY`) of a function ``body`` whose other commands are
    silent (:data:`_SILENT_COMMAND`), else None."""
    if "\n" not in body and ";" not in body:
        return None
    commands = [c.strip() for c in re.split(r"[;\n]", body) if c.strip()]
    echoing = [c for c in commands if _ECHOING_BODY.fullmatch(c)]
    if len(echoing) != 1 or not all(c in echoing or _SILENT_COMMAND.fullmatch(c) for c in commands):
        return None
    return echoing[0]


# scripts59 (stop 59): bash(1) "Compound Commands": "if list; then list; [ elif list; then list; ] ... [ else list; ]
# fi" and "case word in [ [(] pattern [ | pattern ] ... ) list ;; ] ... esac": the output of whichever branch runs.
# `f() { if [ -f /etc/dr ]; then echo eu-central-1; else echo eu-west-1; fi; }` then `--region "$(f)"` was RES-011
# with both Regions at home (a false alarm). A test writing nothing to the standard output (`[ ... ]`, `[[ ... ]]`,
# `test`, `grep -q`, a silent command) is each condition; each branch is one echo among silent commands.
_SILENT_TEST = re.compile(
    r"(?:![ \t]+)?(?:\[\[?[ \t][^;&|<>()`]*\]\]?|test[ \t][^;&|<>()`]*|grep[ \t]+-[A-Za-z]*q[^;&|<>()`]*)"
    r"(?:[ \t]+2>[ \t]*/dev/null)?"  # falsealarm62: its errors dropped (`grep -q R FILE 2>/dev/null`)
)
_CASE_ARM = re.compile(r"\(?[^()`;]*\)(.*)", re.S)
_CASE_HEAD = re.compile(r"case[ \t]+[^\s;&|<>()`]+[ \t]+in(?=\s)")


def _branch_echo(commands: list[str]) -> str | None:
    """(scripts59) The one echoing command of a branch's ``commands``, the others silent; else None."""
    echoing = [c for c in commands if _ECHOING_BODY.fullmatch(c)]
    if len(echoing) != 1 or not all(c in echoing or _SILENT_COMMAND.fullmatch(c) for c in commands):
        return None
    return echoing[0]


def branch_echoes(body: str) -> list[str] | None:
    """(scripts59) The echoing commands of each way through ``body`` (:func:`_branch_paths`), each way's joined by
    ``; `` (a way of one echo: that echo); None where a way is not read or none echoes. A way that echoes nothing (an
    ``if`` without ``else``) gives no value and is left out, as before."""
    paths = _branch_paths(body)
    ways = ["; ".join(path) for path in paths or () if path]
    return list(dict.fromkeys(ways)) if ways else None


# scripts60 (stop 60): bash(1) "Lists": "An AND list has the form command1 && command2: command2 is executed if, and
# only if, command1 returns an exit status of zero. An OR list has the form command1 || command2: command2 is executed
# if, and only if, command1 returns a non-zero exit status"; "Shell Functions": "return ... causes a function to stop
# executing". `dr() { [[ -f /etc/dr ]] && echo A || echo B; }`, `if ...; then echo A; fi; echo B`, a nested `if` in a
# `case` arm and a branch of two echoes were unknown (RES-011 with Regions at home: a false alarm).
_MAX_BRANCH_WAYS = 32
"""The ways through a body :func:`_branch_paths` follows at most; past it the body is unknown (fails closed)."""
_BRANCH_TOKEN = re.compile(r"(;;&|;;|;&|&&|\|\||;|\n)")  # falsealarm61: `;&` / `;;&` end a case arm too
_QUOTED_BREAKS = frozenset(";&|\n`()")  # a separator or a substitution inside quotes: not read by the token split


def _quoted_separator(body: str) -> bool:
    """(scripts60) Whether ``body`` holds a separator or a substitution inside quotes (``echo "a;b"``), or a quote
    left open: the ways are not read then (the token split is not the shell's)."""
    quote = ""
    escaped = False
    for c in body:
        if escaped:
            escaped = False
        elif c == "\\" and quote != "'":
            escaped = True
        elif c in "'\"" and quote in ("", c):
            quote = "" if quote else c
        elif quote and c in _QUOTED_BREAKS:
            return True
    return bool(quote)


_CASE_START = re.compile(r"case[ \t]+[^\s;&|<>()`]+[ \t]+in(?=\s|$)")  # _CASE_HEAD, or its token's end
_EXITS = re.compile(r"(?:return|exit)(?:[ \t]+[0-9]+)?")
_BranchWay = tuple[tuple[str, ...], bool, int]  # (the echoes so far, ended by return / exit, the last exit status)


def _branch_paths(body: str) -> list[list[str]] | None:
    """(scripts59, scripts60, falsealarm61) The echoing commands (:data:`_ECHOING_BODY`) of each way a body of
    commands may run (bash(1) "Compound Commands", "Lists"): ``if`` / ``elif`` / ``else`` and ``case`` compounds
    (nested too; falsealarm61: arms ending in ``;&`` / ``;;&``), ``&&`` / ``||`` lists (each test either way),
    ``return`` / ``exit`` ending a way, falsealarm61's ``{ ...; }`` groups (:func:`_branch_group`) and ``for`` loops
    (:func:`_branch_for`), and silent commands (:data:`_SILENT_TEST`, :data:`_SILENT_COMMAND`: no output) between;
    None for any other command (one that may print, a ``while`` loop), a quoted separator, or past
    :data:`_MAX_BRANCH_WAYS` ways."""
    body = body.strip()
    if not body or _quoted_separator(_substitutions_blanked(body)):  # falsealarm62: a quoted `$(...)` of no list
        return None
    tokens = [t.strip() for t in _BRANCH_TOKEN.split(body)]
    tokens = [t for t in tokens if t and t != ";"]
    tokens.reverse()  # popped from the end: the first token last
    try:
        ways = _branch_list(tokens, {((), False, 0)}, frozenset())
    except ValueError:
        return None
    if tokens:
        return None
    return [list(echoes) for echoes, _, _ in sorted(ways)]


def _branch_list(tokens: list[str], ways: set[_BranchWay], stops: frozenset[str]) -> set[_BranchWay]:
    """The ways after the commands of ``tokens`` (reversed) up to a token whose first word is in ``stops`` (left
    there); raises ValueError for a command :func:`_branch_paths` does not read."""
    while tokens and tokens[-1].split(" ", 1)[0] not in stops and tokens[-1] not in stops:
        token = tokens.pop()
        if token in ("&&", "||"):
            if not tokens:
                raise ValueError(token)
            running = {w for w in ways if not w[1] and (w[2] == 0) == (token == "&&")}
            ways = (ways - running) | _branch_command(tokens, tokens.pop(), running)
        else:
            ways = _branch_command(tokens, token, ways)
        if len(ways) > _MAX_BRANCH_WAYS:
            raise ValueError("ways")
    return ways


def _branch_command(tokens: list[str], token: str, ways: set[_BranchWay]) -> set[_BranchWay]:
    """The ways after one command ``token`` (a compound's first token, its rest still in ``tokens``) from ``ways``."""
    live = {w for w in ways if not w[1]}
    ended = ways - live
    word = token.split(" ", 1)[0]
    if word == "if":
        return ended | _branch_if(tokens, token[2:].strip(), live)
    if word == "case":
        return ended | _branch_case(tokens, token, live)
    if word == "{":
        return ended | _branch_group(tokens, token[1:].strip(), live)
    if word == "for":
        return ended | _branch_for(tokens, token, live)
    if _ECHOING_BODY.fullmatch(token):
        return ended | {((*echoes, token), False, 0) for echoes, _, _ in live}
    if _EXITS.fullmatch(token):
        return ended | {(echoes, True, 0) for echoes, _, _ in live}
    if _SILENT_TEST.fullmatch(token) or _SILENT_COMMAND.fullmatch(token) or _declares_or_assigns(token):
        return ended | {(echoes, False, status) for echoes, _, _ in live for status in (0, 1)}
    if _prints(token):
        # falsealarm62: a command that may print is part of the way's output, either status (`curl -sf <IMDS>/...
        # || echo <home>`: the lookup's output, then the echo's where it failed); the evaluator computes it as the
        # command written alone (`$(curl ...)`: the machine's own Region) or leaves the whole unknown
        return ended | {((*echoes, token), False, status) for echoes, _, _ in live for status in (0, 1)}
    raise ValueError(token)


# falsealarm62 (stop 62): bash(1) "Command Substitution" ("replacing the command substitution with the standard output
# of the command") and "Lists": a simple command or pipeline in a function's body that may print is read as its output
# on that way (`region() { curl -sf <IMDS>/meta-data/placement/region || echo <home>; }` was unknown: RES-011 with the
# machine's own Region and the home one, a false alarm). Not a reserved word, a loop's `break` / `continue`, a
# redirection, a substitution or a quoted separator (:data:`_OUTPUT_COMMAND`): those leave the body unknown.
_NOT_PRINTING = frozenset({"then", "do", "done", "fi", "esac", "else", "elif", "}", "while", "until", "select",
                           "function", "in", "[[", "!", "time", "coproc", "break", "continue", "exec"})  # fmt: skip


def _prints(command: str) -> bool:
    """(falsealarm62) Whether ``command`` is a simple command or pipeline :func:`_branch_paths` reads as its output (a
    substitution in its words, :func:`_substitutions_blanked`, is the argument's, not output: IMDSv2's token)."""
    blanked = _substitutions_blanked(command)
    return _OUTPUT_COMMAND.fullmatch(blanked) is not None and blanked.split(None, 1)[0] not in _NOT_PRINTING


def _substitutions_blanked(text: str) -> str:
    """(falsealarm62) ``text`` with each closed command substitution that holds no list operator, newline or backquote
    (the token split of :func:`_branch_paths` does not cut it) written ``$_``; the others as written. bash(1)
    "Command Substitution": its output is the word's, so `curl -H "X-aws-ec2-metadata-token: $(curl -X PUT ...)" URL`
    prints what the outer curl prints."""
    if "$(" not in text:
        return text
    out: list[str] = []
    at = 0
    while (i := text.find("$(", at)) >= 0:
        substitution = substitution_at(text, i)
        out.append(text[at:i])
        if substitution is None or any(c in substitution for c in ";&|\n`"):
            out.append("$(")
            at = i + 2
        else:
            out.append("$_")
            at = i + len(substitution)
    return "".join([*out, text[at:]])


def _declares_or_assigns(command: str) -> bool:
    """(falsealarm61, falsealarm62) Whether ``command`` writes nothing to the standard output as a declaration of names
    (:data:`_DECLARED_NAMES`: ``local token``) or an assignment of one command substitution (``token=$(curl ...)``)."""
    if _DECLARED_NAMES.fullmatch(command):
        return True
    at = command.find("$(")
    return bool(_ASSIGNED_SUBSTITUTION.fullmatch(command)) and substitution_at(command, at) == command[at:].strip('"')


def _branch_then(tokens: list[str]) -> None:
    """Takes ``then`` (and leaves a command written after it on its line)."""
    if not tokens or tokens[-1].split(" ", 1)[0] != "then":
        raise ValueError("then")
    rest = tokens.pop()[4:].strip()
    if rest:
        tokens.append(rest)


def _branch_if(tokens: list[str], condition: str, ways: set[_BranchWay]) -> set[_BranchWay]:
    """The ways through an ``if`` compound whose first condition is ``condition``: each branch's (its conditions
    silent tests, either way), and the ways unchanged where no ``else`` is written."""
    out: set[_BranchWay] = set()
    while True:
        if _prints(condition) and not _SILENT_TEST.fullmatch(condition) and not _SILENT_COMMAND.fullmatch(condition):
            # falsealarm62: a condition that may print (`if curl -sf <IMDS>/...; then`): its output comes first on
            # every way after it (the branches it chooses and those after an `elif` / `else`)
            ways = {((*echoes, condition), False, 0) for echoes, _, _ in ways}
        elif not (_SILENT_TEST.fullmatch(condition) or _SILENT_COMMAND.fullmatch(condition)):
            raise ValueError(condition)
        _branch_then(tokens)
        out |= _branch_list(tokens, ways, frozenset({"elif", "else", "fi"}))
        if not tokens:
            raise ValueError("fi")
        token = tokens.pop()
        word = token.split(" ", 1)[0]
        if word == "elif":
            condition = token[4:].strip()
            continue
        if word == "else":
            if token[4:].strip():
                tokens.append(token[4:].strip())
            out |= _branch_list(tokens, ways, frozenset({"fi"}))
            if not tokens or tokens.pop() != "fi":
                raise ValueError("fi")
            return {(echoes, done, 0) for echoes, done, _ in out}
        if token != "fi":
            raise ValueError(token)
        return {(echoes, done, 0) for echoes, done, _ in out | ways}


def _branch_case(tokens: list[str], token: str, ways: set[_BranchWay]) -> set[_BranchWay]:
    """The ways through a ``case`` compound (``token`` its head): each arm's, and the ways unchanged (no arm
    matching)."""
    head = _CASE_START.match(token)
    if head is None:
        raise ValueError(token)
    if token[head.end() :].strip():
        tokens.append(token[head.end() :].strip())
    out = set(ways)
    testing = set(ways)  # the ways that test an arm's patterns: before any arm ran, or after one ending in `;;&`
    falling: set[_BranchWay] = set()  # the ways an arm ending in `;&` runs on into the next arm's list
    while tokens and tokens[-1] != "esac":
        arm = _CASE_ARM.fullmatch(tokens.pop())
        if arm is None:
            raise ValueError("arm")
        if arm.group(1).strip():
            tokens.append(arm.group(1).strip())
        ran = _branch_list(tokens, testing | falling, _ARM_ENDS)
        end = tokens.pop() if tokens and tokens[-1] in _ARM_ENDS and tokens[-1] != "esac" else ";;"
        # falsealarm61 (bash(1) "Compound Commands"): "Using ;& in place of ;; causes execution to continue with the
        # list associated with the next set of patterns. Using ;;& in place of ;; causes the shell to test the next
        # pattern list in the statement, if any, and execute any associated list on a successful match"
        falling = ran if end == ";&" else set()
        if end != ";&":
            out |= ran
        if end == ";;&":
            testing |= ran
        if len(out) + len(testing) + len(falling) > _MAX_BRANCH_WAYS:
            raise ValueError("ways")
    if not tokens:
        raise ValueError("esac")
    tokens.pop()
    return {(echoes, done, 0) for echoes, done, _ in out | falling}


_ARM_ENDS = frozenset({";;", ";&", ";;&", "esac"})

# falsealarm61 (stop 61): bash(1) "Compound Commands": "{ list; } list is simply executed in the current shell
# environment", and "Redirection" (`> word` opens the standard output on the file, `2>&1` duplicates one descriptor
# onto another, `&> word` both): a group's output is its list's, unless its standard output goes to a file. A group
# whose standard error reaches the output (`} 2>&1`: a command's error text would be part of the value) is not read.
_GROUP_REDIRECTION = re.compile(r"[ \t]*(&>>?|[0-9]?>[>|]?&?)[ \t]*([^\s;&|<>()`'\"]+)")


def _group_silenced(close: str) -> bool:
    """(falsealarm61) Whether a group's closing token ``close`` (``}`` and its redirections) sends the group's standard
    output away from the output (to a file, ``/dev/null`` or the standard error); raises ValueError for a redirection
    it does not read or one that sends the standard error into the output."""
    where = {1: "output", 2: "error"}
    at = 1
    while at < len(close):
        m = _GROUP_REDIRECTION.match(close, at)
        if m is None or m.end() == at:
            raise ValueError(close)
        at = m.end()
        operator, target = m.groups()
        if operator[0] == "&":
            where[1] = where[2] = "file"
            continue
        fd = int(operator[0]) if operator[0].isdigit() else 1
        if fd not in where:
            continue  # another descriptor: not the output
        if operator.endswith("&"):
            if target not in ("1", "2"):
                raise ValueError(close)
            where[fd] = where[int(target)]
        else:
            where[fd] = "file"
    if where[2] == "output":
        raise ValueError(close)
    return where[1] != "output"


def _branch_group(tokens: list[str], rest: str, ways: set[_BranchWay]) -> set[_BranchWay]:
    """(falsealarm61) The ways through a ``{ list; }`` group (``rest``: a command written after its ``{``): its list's
    ways after each of ``ways``, their echoes dropped where the group's standard output is redirected away."""
    if rest:
        tokens.append(rest)
    inner = _branch_list(tokens, {((), False, 0)}, frozenset({"}"}))
    if not tokens:
        raise ValueError("}")
    silenced = _group_silenced(tokens.pop())
    return {
        ((*echoes, *(() if silenced else more)), done, status) for echoes, _, _ in ways for more, done, status in inner
    }


# falsealarm61 (stop 61): bash(1) "Compound Commands": "for name [ [ in [ word ... ] ] ; ] do list ; done: The list of
# words following in is expanded, generating a list of items. The variable name is set to each element of this list
# in turn, and list is executed each time": the loop's ways are its list's, once for each word, the loop's variable
# written as the word. A word that is a variable (`$REGIONS`, `"$@"`) is one pass with the variable written in its
# place, where the loop's variable is used only as a whole word (its value's words printed on one line, which the
# evaluator reads word by word); any other word, or a use inside a word, is not read.
_BRANCH_FOR = re.compile(r"for[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]+in(?:[ \t]+(.*))?")
_BRANCH_LOOP_VARIABLE = re.compile(
    r"\"?\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\}|(@)|\{([A-Za-z_][A-Za-z0-9_]*\[[@*]\])\})\"?"
)  # falsealarm62: `"${RS[@]}"` too (bash(1) "Arrays": each element a word), written whole as a variable is
_LOOP_OPENERS = frozenset({"for", "while", "until", "select"})


def _branch_loop_words(text: str) -> tuple[list[str], bool]:
    """(falsealarm61) The words a ``for`` loop's head gives (a literal word, quoted or not, as itself; a whole
    variable reference as ``${NAME}``, ``"$@"`` as ``$@``), and whether any is a variable; raises ValueError for
    another word or more than :data:`_MAX_BRANCH_WAYS` words."""
    words: list[str] = []
    variable = False
    for word in text.split():
        literal = word[1:-1] if len(word) > 1 and word[0] == word[-1] and word[0] in "'\"" else word
        reference = _BRANCH_LOOP_VARIABLE.fullmatch(word)
        if _LOOP_WORD.fullmatch(literal):
            words.append(literal)
        elif reference is not None and (word[0] == '"') == (word[-1] == '"'):
            name = reference.group(1) or reference.group(2) or reference.group(4)
            words.append(f"${{{name}}}" if name else "$@")
            variable = True
        else:
            raise ValueError(word)
    if len(words) > _MAX_BRANCH_WAYS:
        raise ValueError("words")
    return words, variable


def _branch_for(tokens: list[str], token: str, ways: set[_BranchWay]) -> set[_BranchWay]:
    """(falsealarm61) The ways through a ``for NAME in WORDS; do LIST; done`` loop (``token`` its head): ``LIST``'s
    ways once for each word, ``$NAME`` / ``${NAME}`` written as the word."""
    head = _BRANCH_FOR.fullmatch(token)
    if head is None or not tokens or tokens[-1].split(" ", 1)[0] != "do":
        raise ValueError(token)
    name = head.group(1)
    words, variable = _branch_loop_words(head.group(2) or "")
    first = tokens.pop()[2:].strip()
    if first:
        tokens.append(first)  # a command written after `do` (a nested loop's head too)
    body: list[str] = []
    depth = 0
    while True:
        if not tokens:
            raise ValueError("done")
        inner = tokens.pop()
        opener = inner.split(" ", 1)[0]
        if inner == "done" and depth == 0:
            break
        depth += (opener in _LOOP_OPENERS) - (inner == "done")
        if opener == "done" and inner != "done":
            raise ValueError(inner)  # `done > FILE`, `done | ...`: not read
        body.append(inner)
    text = "\n".join(body)
    use = re.compile(rf"\$(?:\{{{name}\}}|{name}(?![A-Za-z0-9_]))")
    uses = len(use.findall(text))
    if any(braced != f"${{{name}}}" for braced in re.findall(rf"\$\{{[^}}]*\b{name}\b[^}}]*\}}", text)):
        raise ValueError(name)  # an operation on the loop's variable (`${r%-1}`, `${#r}`): not written
    if re.search(
        rf"(?<![\w$]){name}\+?=|\b(?:read|printf|let|unset|getopts)\b[^\n]*\b{name}\b|\(\([^)]*\b{name}\b", text
    ):
        raise ValueError(name)  # the list sets the loop's variable itself (`r=...`, `read r`): not written
    if variable and uses != len(re.findall(rf"(?<![^\s])\"?\$(?:\{{{name}\}}|{name})\"?(?![^\s])", text)):
        raise ValueError(name)  # a variable's words written inside another word: not read
    for word in words:
        template = word.replace("\\", "\\\\")  # a replacement template: no group reference (words hold no backslash)
        written = [use.sub(template, t) for t in body]
        written.reverse()
        ways = _branch_list(written, ways, frozenset())
        if written:
            raise ValueError(written[-1])
        if len(ways) > _MAX_BRANCH_WAYS:
            raise ValueError("ways")
    return ways


def _echoed_with(body: str, words: list[str]) -> str | None:
    """(falsealarm57b) ``body`` with its positional parameters given ``words`` (each a literal word or a variable,
    written braced); None for another word or another expansion of the positions."""
    given: list[str] = []
    for word in words:
        plain = _PLAIN_CALL_WORD.fullmatch(word)
        if plain is None:
            return None
        name = plain.group(1) or plain.group(2)
        given.append(f"${{{name}}}" if name else word)

    def position(m: re.Match[str]) -> str:
        text = m.group(0)
        number = m.group(1) or m.group(2)
        if number is not None:
            return given[int(number) - 1] if 0 < int(number) <= len(given) else ""
        if "#" in text and "!" not in text:
            return str(len(given))
        if "!" in text or "-1" in text:
            return given[-1] if given else ""
        return " ".join(given)

    if "$0" in body:
        return None
    written = _BODY_POSITIONAL.sub(position, body)
    return None if "${@" in written or "${*" in written or "${!" in written else written


def loop_bound_names(line: str) -> frozenset[str]:
    """(scripts59 (stop 59)) The variables a script line's ``for NAME in`` / ``select`` loops and ``while read NAMES``
    loops bind (:data:`_FOR_IN`, :data:`_WHILE_READ`): for a script list's items one shell runs in order (an SSM
    Command document's ``runCommand``), where a later item using one (the loop's body) is judged with the items joined.
    Gate: ``for`` / ``select`` / ``read`` in the line."""
    names: set[str] = set()
    if "for" in line or "select" in line:
        names.update(m.group(1) for m in _FOR_IN.finditer(line))
    if "read" in line and "while" in line:
        names.update(n for m in _WHILE_READ.finditer(line) for n in m.group("names").split())
    return frozenset(names)


def has_while_read(script: str) -> bool:
    """Whether ``script`` may hold a ``while read`` loop :func:`while_read_words` reads (two substring tests first)."""
    return "while" in script and "read" in script and _WHILE_READ.search(script) is not None


def has_for_loop(script: str) -> bool:
    """Whether ``script`` holds a ``for NAME in WORDS`` loop :func:`for_loop_words` reads (codehealth53: gated by
    ``for`` and a blank, two substring tests, so that "format", "before", "platform" do not open the search)."""
    loop = "for " in script or "for\t" in script or "select " in script  # scripts56b: select
    return loop and _FOR_IN.search(script) is not None


# GNU findutils xargs ("Invoking xargs"): the options taking a value as the next word (or attached), and those that make
# it read its items from elsewhere than standard input (`-a FILE`, `--arg-file`): then the items are not the echo's
# (scripts65b: they are the file's, _xargs_file_items).
_XARGS_VALUE_OPTIONS = frozenset({"-d", "-E", "-I", "-L", "-n", "-P", "-s", "--delimiter", "--max-args", "--max-chars",
                                  "--max-lines", "--max-procs", "--process-slot-var", "--eof"})  # fmt: skip
_XARGS_OTHER_INPUT = frozenset({"-a", "--arg-file"})
_PRINTF_ONE_STRING = frozenset({"%s", "%s\\n"})


# scripts54b: bash(1) "Parameter Expansion": `${parameter:+word}` "If parameter is null or unset, nothing is
# substituted, otherwise the expansion of word is substituted" (`+` without the colon: when unset). The word may hold
# blanks (`${DR:+--region us-west-2}`, split into words where unquoted) or variables (`${DR:+$DR_REGION}`).
# Only one whose word holds a blank or a variable (a plain word is read in place by the engine's `_with_defaults`),
# and that ends its shell word (the padding must not split a word: `https://api${EU:+-$S}.example.com/`).
_ALTERNATE_WORD = re.compile(
    r"\$\{[A-Za-z_][A-Za-z0-9_]*:?\+((?:[^{}$`\n]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})*"
    r"[\s$](?:[^{}$`\n]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})*)\}(?=[\s\"';&|)]|$)",
    re.M,
)


def alternates_written(script: str) -> str:
    """``script`` with each ``${NAME:+word}`` written as its word, blanks after it to the same length (a line's
    offsets do not move): the only value it can give, so the host reader, the filling and the reference scan read
    the destination the word names when NAME is set (scripts54: a word without blanks or variables was read as a
    value already, engine ``_with_defaults``)."""
    if "+" not in script or "${" not in script:
        return script
    return _ALTERNATE_WORD.sub(lambda m: m.group(1).ljust(len(m.group(0))), script)


def xargs_expanded(script: str, parallel_options: frozenset[str] = frozenset()) -> str:
    """``script`` with each line that pipes an ``echo`` / ``printf '%s\\n'`` of words into ``xargs`` followed (``;``,
    on the same line) by the command xargs runs, the words in place (scripts49): ``echo "$HOST" | xargs -I{} curl
    https://{}/intake`` is also read as ``curl https://$HOST/intake``, ``echo db.example.com | xargs psql -h`` as
    ``psql -h db.example.com``, so the host reader, the URL filling and the reference scan read the destination as
    they read it written out. findutils "Invoking xargs": ``-I replace-str`` "Replace occurrences of replace-str in the
    initial-arguments with names read from standard input" (one line an item; ``-i`` is ``-I {}``); without it the
    items, split at blanks, are appended to the command (the default command is ``echo``). The line itself is kept
    (what it read before is read as before); a line continued with a backslash, a here-document's body or items from
    another command (``ls | xargs ...``) are left as written. scripts65b: items read from a file (``-a FILE``, ``<
    FILE``, ``cat FILE |``) are the file's lines where the script writes it, else its substitution (fail closed).
    scripts66: and GNU parallel's ``:::`` argument sources (:func:`_parallel_commands`; ``parallel_options``: its
    catalogued options taking a value)."""
    if "xargs" not in script and ":::" not in script:
        return script
    lines = script.split("\n")
    # a here-document's body is data (what a file holds, or a command's input), never a command line
    bodies = {i for start, end, _, _ in _heredocs(lines) for i in range(start + 1, end)} if "<<" in script else set()
    files: Mapping[str, str] | None = None
    for i, text in enumerate(lines) if ":::" in script else ():
        if "parallel" in text and ":::" in text and i not in bodies and not text.rstrip().endswith("\\"):
            masked, held = _substitutions_held(text)
            runs = [_xargs_line(c, held) for c in _parallel_commands(_words(masked), parallel_options)]
            lines[i] = " ; ".join([text, *runs])
    for i, line in enumerate(lines):
        if "xargs" in line and i not in bodies and not line.rstrip().endswith("\\"):
            # mutation65: a command substitution among the items is one word (`printf '%s\n' $(cat FILE) B | xargs
            # -I{} ...`: `_words` cut it at its `$`, `(`, so no echo was found and `--region {}` passed unread)
            masked, held = _substitutions_held(line)
            words = _words(masked)
            # scripts50: the script text of a `sh -c '...'` / `bash -c "..."` word, one level down, is expanded too;
            # mutation65: and an `eval` word's (`eval "printf ... | xargs ..."`, the line eval runs)
            nested = [w for k, w in enumerate(words) if k and words[k - 1] in ("-c", "eval") and "xargs" in w]
            # scripts65b: items read from a file (`-a FILE`, `--arg-file=FILE`, `< FILE`, `cat FILE |`): the lines the
            # script writes into it, the file's substitution held apart where it writes none
            files = files if files is not None or not _XARGS_FILE_HINT.search(line) else written_files(script)
            expanded = [
                _xargs_line(c, held) for w in [words, *map(_words, nested)] for c in _xargs_commands(w, files, held)
            ]
            if expanded:
                lines[i] = " ; ".join([line, *expanded])
    return "\n".join(lines)


# scripts66 (stop 66): GNU parallel's argument sources (parallel(1), https://www.gnu.org/software/parallel/
# parallel.html: "parallel [options] [command [arguments]] ( ::: arguments | :::+ arguments | :::: argfile(s) | ::::+
# argfile(s) ) ..."; "::: arguments Use arguments on the command line as input source"; "{} Input line. This
# replacement string will be replaced by a full line read from the input source"; "{n} Argument from input source n";
# "If command is given, GNU parallel solve the same tasks as xargs. If command is not given GNU parallel will behave
# similar to cat | sh"; "If no replacement strings are used, the arguments are appended"; "When using more than one
# input source: all combinations are generated", "-I replace-str Use the replacement string replace-str instead of
# {}"): `parallel aws ... --region {} ::: <home> <abroad>` ran the command per argument, none read (a Region abroad
# passed every door). Each combination of the sources' arguments (at most :data:`_MAX_PARALLEL_RUNS`) is written out as
# xargs' runs are; `::::` files and the `:::+` link are not read (left as written).
_PARALLEL_REPLACEMENT = re.compile(r"\{(?:([1-9][0-9]*))?\}")
_MAX_PARALLEL_RUNS = 16


def _parallel_commands(words: list[str], value_options: frozenset[str]) -> Iterator[list[str]]:
    """(scripts66) The commands each ``parallel [options] COMMAND ::: ARGS [::: ARGS]`` among ``words`` runs, one per
    combination of its sources' arguments: ``{}`` (``-I STR``'s string) the combination's words, ``{n}`` source n's
    argument, the combination appended where no replacement string is written; none past the bound."""
    for i, word in enumerate(words):
        if word.rsplit("/", 1)[-1] != "parallel" or (i and words[i - 1] not in _SEPARATORS):
            continue
        end = next((j for j in range(i + 1, len(words)) if words[j] in _SEPARATORS), len(words))
        k, replace = i + 1, "{}"
        while k < end and words[k].startswith("-") and words[k] not in (":::", "::::"):
            if words[k] in ("-I", "--replace") and k + 1 < end:
                replace = words[k + 1]
            k += 2 if words[k] in value_options else 1
        marks = [j for j in range(k, end) if words[j] == ":::"]
        if not marks or any(w.startswith((":::+", "::::")) for w in words[k:end]):
            continue
        command = words[k : marks[0]]
        sources = [words[a + 1 : b] for a, b in zip(marks, [*marks[1:], end], strict=True)]
        if not command or any(not src for src in sources):
            continue
        runs = list(itertools.islice(itertools.product(*sources), _MAX_PARALLEL_RUNS + 1))
        for combination in runs[:_MAX_PARALLEL_RUNS]:
            yield _parallel_run(command, replace, list(combination))


def _parallel_run(command: list[str], replace: str, combination: list[str]) -> list[str]:
    """(scripts66) ``command`` as parallel runs it with ``combination`` (:func:`_parallel_commands`)."""
    joined = " ".join(combination)

    def filled(m: re.Match[str]) -> str:
        n = m.group(1)
        return joined if n is None else combination[int(n) - 1] if int(n) <= len(combination) else ""

    written = [w.replace(replace, joined) if replace != "{}" else _PARALLEL_REPLACEMENT.sub(filled, w) for w in command]
    return written if written != command else [*command, *combination]


_HELD = "\ue011"
"""(mutation65) The mark around a held command substitution's number in a line :func:`xargs_expanded` reads."""


def _substitutions_held(line: str) -> tuple[str, list[str]]:
    """(mutation65, stop 65) ``line`` with each command substitution closed on it (:func:`substitution_at`, not
    arithmetic's ``$((``) written as a mark holding its number, and the substitutions as written: the words around a
    substitution are read as the shell reads them (bash(1) "Command Substitution": its output is the word's)."""
    if "$(" not in line:
        return line, []
    held: list[str] = []
    out: list[str] = []
    at = 0
    while (i := line.find("$(", at)) >= 0:
        substitution = None if line.startswith("$((", i) else substitution_at(line, i)
        out.append(line[at:i])
        if substitution is None:
            out.append("$(")
            at = i + 2
            continue
        out.append(f"{_HELD}{len(held)}{_HELD}")
        held.append(substitution)
        at = i + len(substitution)
    out.append(line[at:])
    return "".join(out), held


def _xargs_line(command: list[str], held: list[str]) -> str:
    """(mutation65) A command xargs runs (:func:`_xargs_commands`) written as a line: each held substitution written
    back (:func:`_substitutions_held`), a word holding a blank outside them quoted as one word (`xargs -I{} sh -c
    'aws ... --region {}'`: the shell's line was written unquoted, its first word alone read as the line)."""
    out: list[str] = []
    for word in command:
        text = re.sub(f"{_HELD}(\\d+){_HELD}", lambda m: held[int(m.group(1))], word) if held else word
        blank = any(c in word for c in " \t\n")
        out.append(f"'{text}'" if blank and "'" not in text else text)
    return " ".join(out)


def _xargs_commands(
    words: list[str], files: Mapping[str, str] | None = None, held: list[str] | None = None
) -> Iterator[list[str]]:
    """The commands an ``echo WORDS | xargs [options] COMMAND ...`` pipeline of a line's words runs
    (:func:`xargs_expanded`); scripts65b: and an ``xargs`` reading its items from a file (:func:`_xargs_file_items`),
    split at its ``-0`` / ``-d`` delimiter (:func:`_xargs_split`)."""
    for i, word in enumerate(words):
        if word != "xargs" or (i and words[i - 1] not in _SEPARATORS):
            continue
        items = _xargs_file_items(words, i, files or {}, held)
        if items is None and i >= 2 and words[i - 1] == "|":
            items = _piped_items(words, i - 1)
        run = _xargs_run(words[i + 1 :])
        if items is None or run is None:
            continue
        replace, command = run
        delimiter = _xargs_delimiter(words[i + 1 :])
        if delimiter is not None:
            yield from _xargs_split(command, replace, items, delimiter, _xargs_count(words[i + 1 :]))
        elif replace is None:
            # scripts64: `-n N` / `-L N` run the command once per N items (lines) ("Invoking xargs":
            # "--max-args=max-args, -n max-args: Use at most max-args arguments per command line"): `echo A B | xargs
            # -n1 aws ... --region` runs it with A, then with B (was read as `--region A B`: B an operand)
            args, size = items.split(), _xargs_count(words[i + 1 :])
            for k in range(0, len(args), size or max(len(args), 1)):
                yield [*command, *(args[k : k + size] if size else args)]
        else:
            # scripts64: "-I replace-str ... Also, unquoted blanks do not terminate input items; instead the separator
            # is the newline character": one command per line (`printf '%s\n' A B | xargs -I{} ...` runs it with A,
            # then with B; both were written into one word across a line break: the second line no command's)
            for item in [line.strip() for line in items.split("\n") if line.strip()] or [items.strip()]:
                yield [w.replace(replace, item) for w in command]


# scripts65b: a line whose xargs may read a file (findutils "Invoking xargs": "--arg-file=file, -a file: Read items from
# file instead of standard input"; a `< FILE` redirection, or `cat FILE |`, gives it the file on standard input)
_XARGS_FILE_HINT = re.compile(r"\s-a|--arg-file|<|\bcat\s")


def _xargs_file_items(words: list[str], at: int, files: Mapping[str, str], held: list[str] | None) -> str | None:
    """(scripts65b) The text the file an ``xargs`` at ``at`` reads its items from holds (``-a FILE``, ``-aFILE``,
    ``--arg-file[=]FILE``, ``< FILE`` among its words, or ``cat FILE |`` before it): the file the script writes
    (:func:`written_files`), else the file's substitution ``$(cat FILE)`` held apart as one item (the engine fails it
    closed at a destination: RES-011); None where xargs reads no file."""
    end = next((j for j in range(at + 1, len(words)) if words[j] in _SEPARATORS), len(words))
    name: str | None = None
    k = at + 1
    while k < end and words[k].startswith("-") and name is None:
        option, eq, attached = words[k].partition("=")
        if option in _XARGS_OTHER_INPUT and not eq:
            name = words[k + 1] if k + 1 < end else None
        elif option == "--arg-file" or (option.startswith("-a") and option[2:] and not option.startswith("--")):
            name = attached if option == "--arg-file" else words[k][2:]
        k += 2 if option in _XARGS_VALUE_OPTIONS and not eq else 1
    redirect = next((j for j in range(at + 1, end) if words[j] == "<" or words[j].startswith("<")), None)
    if name is None and redirect is not None:
        name = words[redirect][1:] or (words[redirect + 1] if redirect + 1 < end else None)
    if name is None and at >= 3 and words[at - 1] == "|" and words[at - 3] == "cat":
        name = words[at - 2] if at == 3 or words[at - 4] in _SEPARATORS else None
    if not name or name.startswith(("<", "(")):
        return None
    if name in files:
        return files[name]
    if held is None:
        return None
    held.append(f"$(cat {name})")
    return f"{_HELD}{len(held) - 1}{_HELD}"


def _xargs_delimiter(words: list[str]) -> str | None:
    """(scripts65b) The character xargs' options end its items at (findutils "Invoking xargs": "--null, -0 Input items
    are terminated by a null character instead of by whitespace", "--delimiter=delim, -d delim Input items are
    terminated by the specified character. The specified delimiter may be a single character, a C-style character
    escape such as \\n, or an octal or hexadecimal escape code"); None for blanks and newlines."""
    found: str | None = None
    k = 0
    while k < len(words) and words[k].startswith("-") and words[k] not in _SEPARATORS:
        option, eq, attached = words[k].partition("=")
        if option in ("-0", "--null"):
            found = "\0"
        elif option in ("-d", "--delimiter") or (option[:2] == "-d" and option[2:]):
            given = attached if eq else option[2:] if option[:2] == "-d" and option[2:] else words[k + 1 : k + 2]
            text = given if isinstance(given, str) else (given[0] if given else "")
            found = _c_escape(text) or found
        k += 2 if option in _XARGS_VALUE_OPTIONS and not eq else 1
    return found


def _c_escape(text: str) -> str:
    """(scripts65b) The one character xargs' ``-d`` names (a character, or a C escape: ``\\n``, ``\\0``,
    ``\\x2c``, ``\\054``); empty where it cannot be read."""
    if text[:1] != "\\":
        return text[:1]
    # the one decoder of a C escape (bash's $'...' escapes, _ansi_c_decoded), anchored at the word's start
    m = _ANSI_C_ESCAPE.match(text)
    return _ansi_c_decoded(m)[:1] if m is not None else ""


def _xargs_split(
    command: list[str], replace: str | None, items: str, delimiter: str, size: int | None
) -> Iterator[list[str]]:
    """(scripts65b) The commands xargs runs with ``items`` cut at ``delimiter`` (:func:`_xargs_delimiter`): each item
    whole ("Input items are terminated by ...": blanks and quotes are no separators then), its blanks at the ends
    removed (the line's own newline, which the CLI would refuse too: the value judged, never fewer)."""
    args = [part.strip() for part in items.split(delimiter) if part.strip()]
    if replace is not None:
        for item in args:
            yield [w.replace(replace, item) for w in command]
        return
    for k in range(0, len(args), size or max(len(args), 1)):
        yield [*command, *(args[k : k + size] if size else args)]


def _piped_items(words: list[str], pipe: int) -> str | None:
    """What the pipeline ending at the ``|`` at ``pipe`` writes: an ``echo`` / ``printf``'s line, through the text
    filters between (scripts50: ``echo " $H " | tr -d ' ' | xargs ...``, ``echo '{...}' | jq -r .host | xargs
    ...``), each applied (:func:`text_filter`); None when the first command is no echo or a filter is not applied."""
    stages: list[list[str]] = []
    end = pipe
    start = pipe - 1
    while True:
        while start >= 0 and words[start] not in _SEPARATORS:
            start -= 1
        stages.append(words[start + 1 : end])
        if start < 0 or words[start] != "|":
            break
        end, start = start, start - 1
    stages.reverse()
    items = _echoed_items(stages[0])
    filters = [text_filter(stage) for stage in stages[1:]]
    if items is None or None in filters or (filters and any(c in items for c in f"$`{_HELD}")):
        return None  # a reference's value is filled later, on the written-out command: a filter cannot be applied
    applied = filtered([items], [f for f in filters if f is not None])
    return applied[0] if applied else None


def _echoed_items(words: list[str]) -> str | None:
    """What ``echo WORDS`` / ``printf '%s\\n' WORD`` prints (its one line), None for any other command."""
    if words[:1] == ["echo"]:
        rest = words[1:]
        while rest and rest[0] in ("-n", "-e", "-E"):
            rest = rest[1:]
        return " ".join(rest)
    if words[:1] == ["printf"] and len(words) == 3 and words[1] in _PRINTF_ONE_STRING:
        return words[2]
    if words[:1] == ["printf"] and len(words) > 1:
        printed = _printf_strings(words[1], words[2:])
        return printed.rstrip("\n") if printed is not None else None  # its line, as echo's (the newline a separator)
    return None


# scripts56b: with flags, a width and a precision, and `%d` / `%i` (bash(1) "printf": "the format is a character
# string which contains ... format specifications"; printf(1): "%d, %i: signed decimal", `-` left-justifies, a width
# pads), which Python's `%` operator reads alike for these.
# mutation57: and `%q` / `%b` of a word they print unchanged (bash(1) "printf": "%b causes printf to expand backslash
# escape sequences in the corresponding argument", "%q causes printf to output the corresponding argument in a format
# that can be reused as shell input": a word of letters, digits and `._:/@%+-` needs no quoting); another word is not
# read. `printf -v R '%q' us-west-2` was unread (R unset) and the Region passed every door.
# fnros61 (stop 61): and `%u` / `%o` / `%x` / `%X` / `%c` and the `#` flag (bash(1) "printf": the format's
# specifications are printf(3)'s; C's printf(3): "o, u, x, X: The unsigned int argument is converted to unsigned octal
# (o), unsigned decimal (u), or unsigned hexadecimal (x and X) notation", "c: ... converted to an unsigned char, and
# the resulting character is written"), each computed as C does (:func:`_c_integer`, checked with bash 5.2's printf).
_PRINTF_CONVERSION = re.compile(r"%%|%[-0 +#]*(?:[0-9]*|\*)(?:\.(?:[0-9]*|\*))?[sdiuoxXc]|%[qb]|%")
_PRINTF_SPEC = re.compile(
    r"%(?P<flags>[-0 +#]*)(?P<width>[0-9]*|\*)(?:\.(?P<precision>[0-9]*|\*))?(?P<conversion>[sdiuoxXc])"
)
# scripts57b: a width or precision `*` (printf(1), which bash's printf follows: "a field width or precision may be
# `*`, ... the value is taken from the next argument"; a negative width is a `-` flag): printf -v R '%*s' 0 us-west-2


def _printf_strings(form: str, operands: list[str]) -> str | None:
    """What ``printf FORMAT ARGS`` prints when the format's conversions are ``%s`` / ``%d`` / ``%i`` with flags, width
    and precision (:func:`_converted`; bash(1) "printf": "The format is reused as necessary to consume all of the
    arguments"; a missing argument is an empty string); None for another conversion or a ``%d`` of no number. The
    format's backslash escapes are printed as the characters they name (bash(1) "printf": "interprets backslash escapes
    in format"; the lead, stop 53: ``$(printf 'us-east-1\\n')`` is ``us-east-1``, a literal ``\\n`` left in it hid the
    Region), the arguments' are not (``%s`` prints its argument as it is)."""
    conversions = [c for c in _PRINTF_CONVERSION.findall(form) if c != "%%"]
    if any(c == "%" for c in conversions) or (operands and not conversions):
        return None
    form = _ESCAPES.sub(lambda m: _ESCAPED[m.group(1)], form)
    rest, out = list(operands), []
    while True:
        used = [rest.pop(0) if rest else "" for c in conversions for _ in range(1 + c.count("*"))]
        try:
            out.append(_PRINTF_CONVERSION.sub(functools.partial(_converted, used), form))
        except ValueError:  # scripts56b: `%d` of a word that is no number (bash prints an error)
            return None
        if not rest:
            return "".join(out)


_BRACED_VARIABLE = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}")  # a printf argument :func:`_braced_arguments` wrote


def _converted(used: list[str], conversion: re.Match[str]) -> str:
    """printf's ``%%`` or the next argument as its conversion prints it (:func:`_printf_strings`: ``%s`` as it is;
    scripts56b: a width, ``-``, a precision, ``%d`` / ``%i`` of a decimal number, an empty one 0; scripts57: of an
    octal, hexadecimal or character constant, :func:`_c_constant`; fnros61: ``%u`` / ``%o`` / ``%x`` / ``%X`` / ``%c``,
    :func:`_c_integer` / :func:`_c_text`). ValueError where bash's output is not computed."""
    spec = conversion.group(0)
    if spec == "%%":
        return "%"
    if spec in ("%q", "%b"):
        word = used.pop(0)
        if spec == "%q" and _BRACED_VARIABLE.fullmatch(word):
            # mutation58: `printf -v R '%q' "$X"` (written `${X}` by _braced_arguments): X's values, as `%s` gives
            # them (a Region or host %q leaves as it is); unread, R held nothing and a Region abroad passed every door
            return word
        if _LOOP_WORD.fullmatch(word) is None and word:
            raise ValueError(word)  # mutation57: a word %q quotes or %b unescapes: not read
        return word
    m = _PRINTF_SPEC.fullmatch(spec)
    if m is None:
        raise ValueError(spec)
    flags, kind = m.group("flags"), m.group("conversion")
    width: int | None = None
    if m.group("width") == "*":
        # scripts57b: the width the next argument gives (a C constant; negative: the `-` flag). fnros61: one a
        # variable gives (`printf -v R '%-*s' "$W" "$X"`) pads a string with blanks only, which name no destination:
        # the string is written without them (was unread: RES-011 with the home Region)
        given = used.pop(0)
        if not (kind == "s" and _BRACED_VARIABLE.fullmatch(given)):
            width = _c_constant(given)
            flags, width = (flags + "-", -width) if width < 0 else (flags, width)
    elif m.group("width"):
        width = int(m.group("width"))
    precision: int | None = None
    if m.group("precision") == "*":
        given_precision = _c_constant(used.pop(0))  # a variable's: ValueError (not read)
        precision = None if given_precision < 0 else given_precision  # fnros61: "as if the precision were omitted"
    elif m.group("precision") is not None:
        precision = int(m.group("precision") or "0")  # C: "If the precision is given as just '.', ... zero"
    word = used.pop(0)
    if kind in ("s", "c"):
        return _c_text(word, flags, width, precision, character=kind == "c")
    if spec in ("%d", "%i") and _BRACED_VARIABLE.fullmatch(word):
        # falsealarm60: `printf -v url 'http://%s:%d/x' "$h" "$p"` (written `${p}` by _braced_arguments): p's values,
        # as `%s` gives them (a port number prints as written; a value that is no number makes bash print an error
        # and less than the value, so the value as written is a superset); was unread, the VPC's URL RES-015
        return word
    return _c_integer(_c_constant(word), flags, width, precision, kind)


def _c_text(word: str, flags: str, width: int | None, precision: int | None, *, character: bool) -> str:
    """(fnros61) printf's ``%s`` / ``%c`` of ``word`` (C printf(3): "s: ... up to (but not including) a terminating
    null byte ... If a precision is given, no more than the number specified are written"; "c: ... the resulting
    character is written"; a width pads with blanks, on the right with ``-``; bash counts bytes, so a word not ASCII
    under a width or precision is not read). A variable written ``${X}`` by :func:`_braced_arguments` keeps its place
    for the one resolver: a precision as the same variable's substring (bash(1) "Parameter Expansion":
    ``${parameter:offset:length}``, ``printf '%.9s' "$AZ"`` is ``${AZ:0:9}``; the padding was counted on the text
    ``${X}`` and ``%.9s`` of a zone abroad left the zone whole, no Region: it passed every door), a width's blanks not
    written (they name no destination); a variable among other text under a width or precision is not read."""
    if character:
        if not word or not word[0].isascii() or "$" in word or "0" in flags:
            raise ValueError(word)  # C: a NUL for an empty argument; a multibyte first character: not read
        text = word[0]
    elif _BRACED_VARIABLE.fullmatch(word):
        return word if precision is None else f"${{{word[2:-1]}:0:{precision}}}"
    elif (width or precision is not None) and ("$" in word or not word.isascii()):
        raise ValueError(word)
    else:
        text = word if precision is None else word[:precision]
    if width is None or len(text) >= width:
        return text
    return text.ljust(width) if "-" in flags else text.rjust(width)


def _c_integer(value: int, flags: str, width: int | None, precision: int | None, kind: str) -> str:
    """(fnros61) printf's ``%d`` / ``%i`` / ``%u`` / ``%o`` / ``%x`` / ``%X`` of ``value`` as C prints it (printf(3):
    "The precision ... gives the minimum number of digits to appear"; "a precision of 0 ... zero value ... no
    characters"; "#: ... For o conversions, the first character of the output string is made zero ... For x and X
    conversions, a nonzero result has the string "0x" (or "0X" for X conversions) prepended"; "0: ... If a precision
    is given with an integer conversion, the 0 flag is ignored"; "+" and " " for signed conversions only). bash reads
    a signed argument as strtoimax, an unsigned one as strtoumax (``%u`` of -1 is 18446744073709551615; checked with
    bash 5.2): a value past 64 bits (bash's warning, the value clamped) is not read (ValueError)."""
    if kind in ("d", "i"):
        if not -(2**63) <= value < 2**63:
            raise ValueError(value)
    elif -(2**64) < value < 2**64:
        value %= 2**64
    else:
        raise ValueError(value)
    magnitude = abs(value)
    digits = "" if precision == 0 and magnitude == 0 else format(magnitude, "d" if kind in "diu" else kind)
    if precision is not None:
        digits = digits.rjust(precision, "0")
    prefix = ""
    if "#" in flags and kind == "o" and not digits.startswith("0"):
        digits = f"0{digits}"
    elif "#" in flags and kind in ("x", "X") and magnitude:
        prefix = f"0{kind}"
    if value < 0:
        prefix = f"-{prefix}"
    elif kind in ("d", "i") and ("+" in flags or " " in flags):
        prefix = f"{'+' if '+' in flags else ' '}{prefix}"
    text = prefix + digits
    if width is None or len(text) >= width:
        return text
    if "-" in flags:
        return text.ljust(width)
    if "0" in flags and precision is None:
        return prefix + digits.rjust(width - len(prefix), "0")
    return text.rjust(width)


# scripts57 (stop 57): bash(1) "printf": "Arguments to non-string format specifiers are treated as C language constants,
# except that a leading plus or minus sign is allowed, and if the leading character is a single or double quote, the
# value is the ASCII value of the following character": a decimal number, an octal one after `0` (`010` is 8), a
# hexadecimal one after `0x` (`0x10` is 16), `'a` / `"a` the character's code; an empty argument is 0.
_PRINTF_NUMBER = re.compile(r"([+-]?)(?:0[xX]([0-9a-fA-F]+)|0([0-7]*)|([1-9][0-9]*))|")


def _c_constant(word: str) -> int:
    """(scripts57) The number printf's ``%d`` / ``%i`` prints for the argument ``word`` (:data:`_PRINTF_NUMBER`);
    ValueError for a word that is no such constant (bash prints an error)."""
    if len(word) >= 2 and word[0] in "'\"":
        return ord(word[1])
    m = _PRINTF_NUMBER.fullmatch(word)
    if m is None:
        raise ValueError(word)
    sign = -1 if m.group(1) == "-" else 1
    hexadecimal, octal, decimal = m.group(2, 3, 4)
    if hexadecimal is not None:
        return sign * int(hexadecimal, 16)
    return sign * (int(octal or "0", 8) if decimal is None else int(decimal, 10))


def _xargs_count(words: list[str]) -> int | None:
    """(scripts64) The items per command xargs' options before its command give (``-n N``, ``-nN``, ``--max-args=N``,
    ``-L N`` of one item a line), None where none does (every item to one command)."""
    size: int | None = None
    for k, word in enumerate(words):
        if k and words[k - 1] in _XARGS_OTHER_INPUT:
            continue  # scripts65b: `-a FILE`'s file
        if not word.startswith("-") or word in _SEPARATORS:
            break
        option, eq, attached = word.partition("=")
        value = attached if option in ("--max-args", "--max-lines") else None
        if option == "--max-args" and not eq:
            # mutation65: a long option's required value may be the next word (getopt_long; "--max-args=max-args,
            # -n max-args"): `xargs --max-args 1 aws ... --region` ran once with every item
            value = words[k + 1] if k + 1 < len(words) else ""
        if option in ("-n", "-L") or (word[:2] in ("-n", "-L") and word[2:].isdigit()):
            value = word[2:] or (words[k + 1] if k + 1 < len(words) else "")
        if value is not None and value.isdigit() and int(value) > 0:
            size = int(value)
    return size


def _xargs_run(words: list[str]) -> tuple[str | None, list[str]] | None:
    """xargs' replace string (None without ``-I`` / ``-i`` / ``--replace``) and the command it runs (up to the next
    separator; ``echo`` when none is given); scripts65b: a file it reads its items from is skipped (read by
    :func:`_xargs_file_items`)."""
    replace: str | None = None
    i = 0
    while i < len(words) and words[i].startswith("-") and words[i] not in _SEPARATORS:
        option, eq, attached = words[i].partition("=")
        if option in _XARGS_OTHER_INPUT or words[i].startswith("-a"):
            # scripts65b: the file's items are read by :func:`_xargs_file_items`; its name is no command
            i += 2 if option in _XARGS_OTHER_INPUT and not eq else 1
            continue
        if option == "-I" or (words[i].startswith("-I") and len(words[i]) > 2):
            replace = words[i][2:] or (words[i + 1] if i + 1 < len(words) else None)
            i += 1 if words[i][2:] else 2
            continue
        if words[i].startswith("-i") or option == "--replace":
            replace = attached or words[i][2:] or "{}"
            i += 1
            continue
        i += 2 if option in _XARGS_VALUE_OPTIONS and not attached else 1
    end = next((j for j in range(i, len(words)) if words[j] in _SEPARATORS), len(words))  # scripts57b: no `#`
    command = words[i:end] or ["echo"]
    return replace, command


# A text a sed substitution writes that names a host (`s/internal/partner.com/`: `partner.com`), dots at its ends apart.
_SED_HOST_TEXT = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def filter_values(substitution: str, reaching: Mapping[str, Sequence[str]]) -> list[str] | None:
    """The values a command substitution ending in text filters gives (scripts49: sed; scripts50: ``perl -pe``,
    ``awk``'s sub / gsub / ``print $N``, ``tr``, ``cut``, ``jq -r .x``: :func:`text_filter`), or None when it is no
    such pipeline: ``$(echo WORD | sed 's/A/B/' | cut -d. -f1)`` is each value WORD may hold (a literal, or a whole
    reference's ``reaching`` values) with the filters applied by the engine, exactly. Where the input or a filter is
    not known (``$(hostname | sed 's/internal/partner.com/')``) the result is not proven: the host a substitution
    writes (``partner.com``) is given as its value, so that a destination the variable reaches is judged as that host
    (fail closed where the result is used; a text naming no host, ``s/_/-/g``, and a filter writing no text, ``tr``,
    ``cut``, give none)."""
    text = substitution.strip()
    command = text[2:-1] if text.startswith("$(") else text[1:-1]
    if not any(name in command for name in _FILTER_NAMES):
        return None
    commands = list(_simple_commands(_here_string_echoed(_words(command), command)))
    if len(commands) < 2:
        return None
    inputs = _echoed_values(commands[0].words, reaching)
    exact: list[str] | None = []
    texts: list[str] = []
    resolved = [_jq_arguments_resolved(c.words, reaching, command) for c in commands[1:]]
    for stages in _jq_choices(resolved) or [tuple(c.words for c in commands[1:])]:
        # fnros60: each combination of the values a jq stage's `--arg NAME "$VAR"` may take, its values joined
        filters = [text_filter(words) for words in stages]
        if filters[-1] is None:
            return None
        known = [f for f in filters if f is not None]
        texts += [t for f in known for t in f.texts]
        got = filtered(inputs, known) if inputs is not None and len(known) == len(filters) else None
        exact = None if got is None or exact is None else [*exact, *got]
    if exact is not None:
        return list(dict.fromkeys(exact))
    hosts = (_SED_HOST_TEXT.fullmatch(t.strip(".")) for t in texts)
    return [h.group(0) for h in hosts if h is not None]


def _here_string_echoed(words: list[str], command: str) -> list[str]:
    """(mutation57) A text filter reading a here-string (``jq -r '.dr.region' <<< '{...}'``, ``sed ... <<< "$R"``;
    bash(1) "Here Strings": the word, expanded, "is supplied as a single string, with a newline appended, to the
    command on its standard input") as ``echo WORD | FILTER``, which gives the filter the same line: was RES-011 at
    ``--region`` with the home Region (the filter's input not read). Any other words as they are, and a single-quoted
    word holding ``$`` or a backquote (no expansion: not the reference ``_echoed_values`` would fill in)."""
    if not words or words[0].rsplit("/", 1)[-1] not in _FILTER_NAMES or "<<<" not in words:
        return words
    at = words.index("<<<")
    if at + 1 >= len(words) or any(w in _SEPARATORS for w in words[:at]):
        return words
    word = words[at + 1]
    if ("$" in word or "`" in word) and f"'{word}'" in command:
        return words
    return ["echo", word, "|", *words[:at], *words[at + 2 :]]


# scripts52: commands whose output names the machine the script runs on, never another host: hostname(1) ("show or
# set the system's host name"; -f / --fqdn its full name, -s / --short, -d / --domain, -i / -I its addresses), whoami(1)
# / id -un (a user's name, no host), and the instance metadata services (EC2's IMDS at http://169.254.169.254/ and
# http://[fd00:ec2::254]/, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html;
# ec2-metadata(8), https://github.com/amazonlinux/amazon-ec2-utils/blob/main/doc/ec2-metadata.8; Alibaba Cloud ECS's
# at http://100.100.100.200/, https://www.alibabacloud.com/help/en/ecs/user-guide/view-instance-metadata): each item
# describes the instance itself (its address, name, zone, Region). Matched whole against a pipeline's first command.
# falsealarm57 (stop 57): ip-address(8) `ip [-4|-6] [-o|-br] addr show [dev] IFACE` of the cloud's own network
# interface (eth*, ens*, enp*): the interface's own addresses (`inet 10.0.1.5/24 brd ...`); not a tunnel's (`tun0`,
# `wg0`: its `peer` is the far end), nor every interface's.
_OWN_MACHINE = re.compile(
    r"(?:/usr)?(?:/s?bin/)?(?:hostname(?:\s+(?:-[fsdiIA]|--fqdn|--short|--domain|--ip-address|--all-ip-addresses))?"
    r"|whoami|id\s+-un|ec2-metadata(?:\s+-{1,2}[A-Za-z-]+)*"
    r"|ip(?:\s+-(?:4|6|o|br|brief|oneline))*\s+(?:a|addr|address)(?:\s+(?:show|list|s))?(?:\s+dev)?"
    r"\s+(?:eth[0-9]+|ens[0-9]+|enp[0-9a-z]+)(?:\s+(?:primary|scope\s+global))*"
    r"|(?:curl|wget)(?:\s+[^\s()`;|&<>]+)*?\s+['\"]?http://(?:169\.254\.169\.254|\[fd00:ec2::254\]|100\.100\.100\.200)"
    r"/[^\s()`;|&<>'\"]*['\"]?)"
)
# Stages after such a command that select whole lines or fields of its output (:func:`_selects_whole`: head / tail -n
# N, grep, `cut -d C -f N`, awk '{print $N}', a bare xargs, tr between blanks; jq's identity `jq -R .`): the value
# stays the machine's own. falsealarm57 (stop 57): a stage editing characters (`cut -c2-`, `sed 's/^1//'`, `tr 1 5`,
# `sed 's/.internal$//'`) no longer does for an address or a name: 172.16.0.5 minus its first character is a public
# address, and the machine's name without its last label is no name of the machine (a name with dots is asked of
# public DNS as written first). The instance's placement (zone, Region: never a host) keeps the looser test
# (:func:`_selects`: `sed 's/[a-z]$//'` of the zone is its Region, the idiom before `placement/region`).
_SELECTING = frozenset({"head", "tail", "xargs"})
_SELECTING_WORDS = 3
_JQ_IDENTITY = re.compile(r"jq(?:[ \t]+-[rRj]+)*[ \t]+['\"]?\.['\"]?")
_OWN_PLACEMENT = re.compile(r"/meta-data/placement/|\bec2-metadata\b")
OWN_MACHINE = "${HOSTNAME}"
"""What a substitution naming the machine itself stands for in a value (bash(1) "Shell Variables": HOSTNAME, "the name
of the current host"): a placeholder, judged as any placeholder is (before a fixed domain, a host under it)."""


def _branch_values(
    body: str, reaching: Mapping[str, Sequence[str]], files: Mapping[str, str], own: tuple[re.Pattern[str], str] | None
) -> list[str] | None:
    """(scripts59 (stop 59)) What an ``if`` / ``case`` compound ``body`` of echoing branches (:func:`branch_echoes`)
    gives: each branch's echo, any of which may run; None for any other body or a branch not computed."""
    branched = body[:3] == "if " or body[:5] == "case " or "&&" in body or "||" in body
    paths = _branch_paths(body) if branched or ";" in body or "\n" in body else None
    values: list[str] = []
    for path in paths or ():
        # scripts60: a way of several echoes gives their outputs one a line (each combination of their values)
        given = [substitution_values(f"$({echo})", reaching, files, own) for echo in path]
        if any(g is None for g in given):
            return None
        ways = [""] if path else []
        for g in given:
            ways = ["\n".join(filter(None, (w, v))) for w in ways for v in g or ()]
            if len(ways) > _MAX_BRANCH_WAYS:
                return None
        values += ways
    return list(dict.fromkeys(values)) if values else None


def substitution_values(
    substitution: str,
    reaching: Mapping[str, Sequence[str]],
    files: Mapping[str, str],
    own: tuple[re.Pattern[str], str] | None = None,
) -> list[str] | None:
    """The values a command substitution (``$(...)`` or backquotes) gives, or None when the engine cannot compute them
    (scripts52: the one evaluator of a substitution, for an assignment's value and a command's argument alike): the
    instance's own Region command (``own``: :func:`own_region_value`); a filter pipeline over a literal or a variable
    (:func:`filter_values`: ``$(echo eu-west-1 | sed s/eu/us/)``); ``echo WORDS`` / ``printf %s WORD`` alone; ``cat
    FILE`` / ``< FILE`` of a file the script writes (``files``: :func:`written_files`; bash(1) "Command Substitution":
    "$(cat file) can be replaced by the equivalent but faster $(< file)", trailing newlines deleted); a command naming
    the machine itself (``hostname``, an instance metadata lookup, perhaps through filters that write no text):
    :data:`OWN_MACHINE`. Anything else (``$(curl https://...)``, ``$(cat FILE)`` of a file the script did not write,
    an unknown variable piped through a filter): None."""
    region = own_region_value(substitution, own)
    if region is not None:
        return [region]
    text = substitution.strip()
    body = (text[2:-1] if text.startswith("$(") else text[1:-1]).strip()
    if body[:1] == "<" and body[1:2] != "<":
        read = _words(body[1:])
        return _file_values(files, read[0]) if len(read) == 1 else None
    if "jq" in body and files:
        from_file = _jq_file_values(body, files, reaching)
        if from_file is not None:
            return from_file
    rewritten = (
        _branch_values(body, reaching, files, own)
        or _nested_echo_values(body, reaching, files, own)
        or _own_field_values(body, reaching, own)
        or filter_values(text, reaching)
    )
    if rewritten:
        return rewritten
    commands = list(_simple_commands(_words(body)))
    if not commands or any(c.stdout is not None for c in commands):
        return None
    first = commands[0]
    if _own_machine_pipeline(commands):
        return [OWN_MACHINE]
    if first.words[:1] and first.words[0] in _LOOKUPS and all(_selects_whole(c.words) for c in commands[1:]):
        # falsealarm56: a lookup's answer, perhaps with its lines or fields selected, is still an answer for the name
        return _looked_up_values(first.words, reaching)
    if len(commands) > 1:
        # config58: a literal or written file's lines through stages that only select whole lines: among its lines
        return _selected_lines(first.words, commands[1:], reaching, files)
    if _names_jq(first.words) and first.stdin is None:
        return _jq_null_values(first.words, reaching, body)
    if first.words[:1] == ["cat"] and len(first.words) == 2:
        return _file_values(files, first.words[1])
    if first.words[:1] == ["seq"]:
        return _seq_values(first.words[1:])
    if first.words[:1] == ["echo"] and len(first.words) == 2 and body[4:].strip() == f'"{first.words[1]}"':
        inner = first.words[1]
        if inner.startswith("$(") and substitution_at(inner, 0) == inner:
            # scripts58b (stop 58): `$(echo "$(CMD)")`, one double-quoted substitution echoed (bash(1) "Command
            # Substitution": "Command substitutions may be nested"; in double quotes no word splitting): what the
            # inner one gives (was unknown: RES-011 at home)
            return substitution_values(inner, reaching, files, own)
    return _echoed_values(first.words, reaching)


def _nested_echo_values(
    body: str, reaching: Mapping[str, Sequence[str]], files: Mapping[str, str], own: tuple[re.Pattern[str], str] | None
) -> list[str] | None:
    """(scripts59 (stop 59)) ``echo $(CMD)``, one unquoted substitution echoed (bash(1) "Word Splitting": the inner
    output is split into words, which echo writes joined by one blank): what the inner one gives, its words so joined;
    None for any other body or an inner one not computed. `curl $(echo $(cat /etc/h))` and `--region "$(echo
    "$(cat FILE)")"` read as a command's argument (its quotes removed) were RES-011 at home too."""
    inner = body[4:].strip() if body[:5] in ("echo ", "echo\t") else ""
    if inner[:2] != "$(" or substitution_at(inner, 0) != inner:
        return None
    given = substitution_values(inner, reaching, files, own)
    return None if given is None else [" ".join(v.split()) for v in given if v.split()] or None


_MAX_SEQ_VALUES = 256
"""(falsealarm58b) The most numbers a ``seq`` the engine computes prints; a longer one is unknown (fails closed)."""


def _seq_values(operands: list[str]) -> list[str] | None:
    """(falsealarm58b) What ``seq [FIRST [INCREMENT]] LAST`` of literal integers prints (seq(1): "Print numbers from
    FIRST to LAST, in steps of INCREMENT"; FIRST and INCREMENT default to 1), one value a number: ``for i in $(seq 1
    50)`` then ``10.20.1.$i`` is each of the VPC's 50 addresses (was unknown: RES-015). An option (``-w``, ``-f``,
    ``-s``), a variable, a fraction or more than :data:`_MAX_SEQ_VALUES` numbers: None (unknown, as before)."""
    if not 1 <= len(operands) <= 3 or not all(re.fullmatch(r"-?[0-9]{1,6}", o) for o in operands):
        return None
    numbers = [int(o) for o in operands]
    first, step, last = (
        (1, 1, numbers[0]) if len(numbers) == 1 else (numbers[0], numbers[1] if len(numbers) == 3 else 1, numbers[-1])
    )
    values = range(first, last + (1 if step > 0 else -1), step) if step else range(0)
    if not values or len(values) > _MAX_SEQ_VALUES:
        return None
    return [str(v) for v in values]


def _jq_null_values(words: list[str], reaching: Mapping[str, Sequence[str]], body: str) -> list[str] | None:
    """(falsealarm57) A lone ``jq -n [--arg NAME VALUE ...] PROGRAM`` (jq 1.7 manual, ``--null-input``: the program
    run once on null; no file operand): what it prints, as :func:`filter_values` computes ``echo null | jq ...``
    (``$(jq -cn --arg region R '$ARGS.named')`` is ``{"region":"R"}``; was unknown: RES-011 where it was used). None
    without ``-n`` (jq would read the script's standard input) or for a program the one jq reader does not apply."""
    out: list[str] = []
    for resolved in _jq_arguments_resolved(words, reaching, body):  # fnros60: each value of a `--arg "$VAR"`
        found = text_filter(resolved)
        if found is None or found.apply is None or not found.apply(""):  # no -n: no JSON read, nothing printed
            return None
        got = filtered(["null"], [found])
        if got is None:
            return None
        out += got
    return list(dict.fromkeys(out))


def _keeps_own(command: list[str], words: list[str]) -> bool:
    """(falsealarm57) Whether a stage after the machine's own ``command`` keeps its value the machine's own: whole
    lines or fields (:func:`_selects_whole`), jq's identity, or, for the instance's placement only, any stage writing
    no text of its own (:func:`_selects`). (falsealarm63) And one field of the instance identity document
    (``jq -r .accountId``: :data:`_IDENTITY_DOCUMENT`, :data:`_JQ_FIELD`)."""
    if _selects_whole(words) or _JQ_IDENTITY.fullmatch(" ".join(words)) or _first_label(command, words):
        return True
    joined = " ".join(command)
    if _IDENTITY_DOCUMENT.search(joined) is not None and _JQ_FIELD.fullmatch(" ".join(words)) is not None:
        return True
    return _OWN_PLACEMENT.search(joined) is not None and _selects(words)


# falsealarm63 (stop 63): what the metadata services hold that the team writes, not the machine: the user data (EC2
# "Instance metadata categories": `user-data`; ECS "Instance metadata": `user-data`) and the instance's tags
# (`meta-data/tags/instance/<key>`, "the value of the instance tag"). A lookup of either was read as the machine's own
# (its output no destination): `--region "$(curl <IMDS>/meta-data/tags/instance/dr-region)"` passed every door with
# the tag abroad. It is now a lookup the evaluator does not compute (RES-011 at a Region, unknown at a host).
_USER_WRITTEN_METADATA = re.compile(r"/latest/user-data\b|/meta-data/tags/")
# falsealarm63: the instance identity document (EC2 User Guide, "Instance identity documents": accountId,
# architecture, availabilityZone, billingProducts, imageId, instanceId, instanceType, kernelId, pendingTime, privateIp,
# ramdiskId, region, version; ECS's `dynamic/instance-identity/document` the same kind: region-id, owner-account-id,
# instance-id, ...): every field a fact of the instance itself, none a host but its own address.
_IDENTITY_DOCUMENT = re.compile(r"/latest/dynamic/instance-identity/document/?['\"]?$")
# jq(1) printing one key of its input raw (`jq -r .accountId`, `jq -r '.region'`, `jq --raw-output ".region"`): "--raw-
# output / -r: if the filter's result is a string then it will be written directly to standard output rather than
# being formatted as a JSON string with quotes"; `.foo` "produces the value at the key foo".
_JQ_FIELD = re.compile(
    r"(?:/usr/bin/)?jq(?:[ \t]+(?:-[a-z]*[rj][a-z]*|--raw-output))+[ \t]+['\"]?\.([A-Za-z_][A-Za-z0-9_]*)['\"]?"
)
_CALLER_OPTIONS = frozenset({"--query", "--output", "--region", "--profile"})
_CALLER_FLAGS = frozenset({"--no-cli-pager"})


def _own_machine_pipeline(commands: list[_SimpleCommand]) -> bool:
    """Whether ``commands`` (a substitution's pipeline) print the machine's own value: a command naming the machine
    itself through stages keeping it (:func:`_own_machine_command`, :func:`_keeps_own`), or the caller's account
    (:func:`_caller_account`, falsealarm63)."""
    first = commands[0].words
    if _own_machine_command(first) and all(_keeps_own(first, c.words) for c in commands[1:]):
        return True
    return _caller_account(commands)


def _own_machine_command(words: list[str]) -> bool:
    """Whether ``words`` is a command naming the machine itself (:data:`_OWN_MACHINE`), not a lookup of what the team
    wrote into its metadata (:data:`_USER_WRITTEN_METADATA`, falsealarm63)."""
    joined = " ".join(words)
    return _OWN_MACHINE.fullmatch(joined) is not None and _USER_WRITTEN_METADATA.search(joined) is None


def own_document(substitution: str) -> bool:
    """(falsealarm63) Whether ``substitution`` (``$(...)`` or backquotes) is the instance identity document itself
    (``$(curl -s <IMDS>/latest/dynamic/instance-identity/document)``, no stage after it): a variable assigned it holds
    the machine's own value (:data:`OWN_MACHINE`), which :func:`_own_field_values` reads field by field, where any
    other own value is held as unset."""
    text = substitution.strip()
    body = (text[2:-1] if text.startswith("$(") else text[1:-1]).strip()
    if "instance-identity" not in body:
        return False
    commands = list(_simple_commands(_words(body)))
    return (
        len(commands) == 1
        and commands[0].stdout is None
        and _own_machine_command(commands[0].words)
        and _IDENTITY_DOCUMENT.search(" ".join(commands[0].words)) is not None
    )


def _caller_account(commands: list[_SimpleCommand]) -> bool:
    """(falsealarm63) Whether ``commands`` print the account id of the caller's credentials: ``aws sts
    get-caller-identity --query Account --output text``, or its JSON through ``jq -r .Account`` (AWS CLI reference,
    "get-caller-identity": "Account -> (string) The Amazon Web Services account ID number of the account that owns or
    contains the calling entity"; STS API "GetCallerIdentity": Account, "Type: String"). An account id is twelve
    digits (one DNS label, no dot, no slash): before a registry's suffix (``$ACCOUNT.dkr.ecr.<region>.amazonaws.com``,
    the ECR user guide's push) it names no other host, so it stands as the machine's own value does
    (:data:`OWN_MACHINE`). Other options (``--query Arn``, ``--output json``, ``--endpoint-url``) or stages: no."""
    words = commands[0].words
    if words[:3] != ["aws", "sts", "get-caller-identity"] or commands[0].stdin is not None:
        return False
    options: dict[str, str] = {}
    rest = words[3:]
    while rest:
        if rest[0] in _CALLER_FLAGS:
            rest = rest[1:]
            continue
        name, _, value = rest[0].partition("=")
        if name not in _CALLER_OPTIONS or (not value and len(rest) < 2):
            return False
        options[name], rest = (value, rest[1:]) if value else (rest[1], rest[2:])
    if len(commands) == 1:
        return options.get("--query") == "Account" and options.get("--output") == "text"
    field = _JQ_FIELD.fullmatch(" ".join(commands[1].words)) if len(commands) == 2 else None
    return field is not None and field.group(1) == "Account" and options.keys() <= {"--region", "--profile"}


def _own_field_values(
    body: str, reaching: Mapping[str, Sequence[str]], own: tuple[re.Pattern[str], str] | None
) -> list[str] | None:
    """(falsealarm63) A variable holding the machine's own value (:func:`own_document`) echoed through stages that only
    select (one field printed raw by jq, ``echo "$DOC" | jq -r .accountId``, ``jq -r .region <<< "$DOC"``; whole lines
    or fields, ``grep region | cut -d'"' -f4``): the machine's own value (:data:`OWN_MACHINE`), and for jq's
    ``.region`` alone the instance's own Region where the script's type has one (``own``: ``instance_region_commands``).
    The placeholder was read as the JSON text itself, its fields empty (`https://ssm.$REGION.amazonaws.com` was
    RES-015). None for anything else (a variable holding any other value, a stage writing text)."""
    if "<<<" not in body and ("|" not in body or "echo" not in body):
        return None  # most substitutions: two searches
    commands = list(_simple_commands(_here_string_echoed(_words(body), body)))
    if len(commands) < 2 or commands[0].words[:1] != ["echo"] or len(commands[0].words) != 2:
        return None
    reference = SHELL_PARAMETER.fullmatch(commands[0].words[1])
    if reference is None or any(c.stdin is not None or c.stdout is not None for c in commands[1:]):
        return None
    values = reaching.get(reference.group(1) or reference.group(2) or "", ())
    if not values or any(v != OWN_MACHINE for v in values):
        return None
    stages = [" ".join(c.words) for c in commands[1:]]
    fields = [_JQ_FIELD.fullmatch(stage) for stage in stages]
    if not all(f is not None or _JQ_IDENTITY.fullmatch(w) or _selects_whole(c.words)
               for f, w, c in zip(fields, stages, commands[1:], strict=True)):  # fmt: skip
        return None
    region = len(fields) == 1 and fields[0] is not None and fields[0].group(1) == "region"
    return [own[1]] if region and own is not None else [OWN_MACHINE]


def _selects(words: list[str]) -> bool:
    """A pipeline stage that only selects from its input (no text of its own written)."""
    if words[:1] and words[0] in _SELECTING:
        return len(words) <= _SELECTING_WORDS  # head -n 1, tail -1, xargs
    found = text_filter(words)
    return found is not None and not any(t.strip() for t in found.texts)


def _names_jq(words: list[str]) -> bool:
    """(scripts58b) Whether a command's words run jq, by its name or its path (``/usr/bin/jq``: the one test the jq
    readers share; was ``words[:1] == ["jq"]`` in three of them: ``/usr/bin/jq -r .region FILE`` was unknown, RES-011
    at home)."""
    return bool(words) and words[0].rsplit("/", 1)[-1] == "jq"


def _jq_file_values(
    body: str, files: Mapping[str, str], reaching: Mapping[str, Sequence[str]] | None = None
) -> list[str] | None:
    """(falsealarm56) jq over a file the script writes (jq(1) "jq [options...] filter [files...]"): ``jq -r FILTER
    FILE``, ``jq -r FILTER < FILE`` or ``cat FILE | jq -r FILTER``, the filter (:func:`text_filter`) applied to the
    file's whole text, as to an echoed variable's (was unknown: RES-011 at ``--region``). (fnros60) Several files
    the script writes (``jq -rn 'input | input.region' base.json site.json``): their texts one after another, as jq
    reads them (jq(1): "jq [options...] filter [files...]", each file's JSON texts in turn). None for anything else (a
    file the script does not write, a filter the engine does not apply). falsealarm60: an ``--arg NAME "$VAR"`` given
    the values ``reaching`` holds for VAR, the filter run with each (:func:`_jq_arguments_resolved`' combinations)."""
    commands = list(_simple_commands(_words(body)))
    if len(commands) == 1 and commands[0].stdin is None and any(w in _JQ_FILE_VARIABLES for w in commands[0].words):
        return _jq_file_variables_values(commands[0].words, files)
    if len(commands) == 2 and commands[0].words[:1] == ["cat"] and len(commands[0].words) == 2:
        read, words = [commands[0].words[1]], commands[1].words
    elif len(commands) == 1 and commands[0].stdin is not None:
        read, words = [commands[0].stdin], commands[0].words
    elif len(commands) == 1:
        words = commands[0].words
        operands = next((n for n in range(1, len(words) - 1) if words[-n - 1] not in files), len(words) - 2)
        read, words = words[len(words) - max(operands, 1) :], words[: len(words) - max(operands, 1)]
    else:
        return None
    if not _names_jq(words) or any(f not in files for f in read) or any(c.stdout is not None for c in commands):
        return None
    text = "".join(files[f] for f in read)
    out: list[str] = []
    for variant in _jq_arguments_resolved(words, reaching or {}, body):
        found = text_filter(variant)
        printed = filtered([text], [found]) if found is not None and found.apply is not None else None
        if printed is None:
            return None
        out += printed
    return list(dict.fromkeys(out))


# fnros57 (stop 57): jq 1.6 manual, "Invoking jq": "--slurpfile variable-name filename: This option reads all the
# JSON texts in the named file and binds an array of the parsed JSON values to the given global variable"; "--rawfile
# variable-name filename: This option reads in the named file and binds its contents to the given global variable".
_JQ_FILE_VARIABLES = frozenset({"--slurpfile", "--rawfile"})


def _jq_file_variables_values(words: list[str], files: Mapping[str, str]) -> list[str] | None:
    """(fnros57) ``jq -n ... --slurpfile NAME FILE`` / ``--rawfile NAME FILE`` of a file the script writes
    (``files``): each read as ``--argjson NAME [its documents]`` / ``--arg NAME its text`` and the filter
    (:func:`text_filter`) run with ``-n``'s null input (jq reads no other input then). None for anything else (a
    file the script does not write, a file operand, no ``-n``)."""
    if not _names_jq(words):
        return None
    given = words[:1]
    at = 1
    while at < len(words):
        if words[at] in _JQ_FILE_VARIABLES:
            if at + 2 >= len(words) or words[at + 2] not in files:
                return None
            text = files[words[at + 2]]
            documents = _jq_documents(text) if words[at] == "--slurpfile" else None
            if words[at] == "--slurpfile" and documents is None:
                return None
            value = json.dumps(documents) if documents is not None else text
            given += ["--argjson" if documents is not None else "--arg", words[at + 1], value]
            at += 3
            continue
        given.append(words[at])
        at += 1
    null_input = any(w == "--null-input" or (w[:1] == "-" and w[1:2] != "-" and "n" in w) for w in given[1:])
    found = text_filter(given)
    return filtered([""], [found]) if null_input and found is not None and found.apply is not None else None


# falsealarm55b (stop 55): dig(1) "dig [@server] ... [name] [type] [class] [queryopt...]"; "+short: Provide a terse
# answer" (the name's addresses, a CNAME's target first). Only the system's resolver (no `@server`, whose query is a
# destination of its own) and the query options / types below, which change neither the name nor the server.
_DIG_PLAIN = frozenset({"+short", "+search", "+nosearch", "-4", "-6", "A", "AAAA", "IN"})
_DIG_TIMING = re.compile(r"\+(?:time|tries|retry)=[0-9]+")


# falsealarm56 (stop 56): the other lookups through the system's resolver, read as dig +short is. getent(1) "hosts,
# ahosts, ahostsv4, ahostsv6": gethostbyname2(3) / getaddrinfo(3), the sources of nsswitch.conf(5) (/etc/hosts, then
# DNS: where a command given NAME connects), one key; no `-s SERVICE` (another source). host(1) "host [-aACdlnrsTUwv]
# [-c class] [-N ndots] [-R number] [-t type] [-W wait] [-m flag] [-4] [-6] [-v] [-V] {name} [server]": an A / AAAA
# type (or none: A, AAAA and MX, the records of NAME's own zone, as dig's CNAME chain is), no `server`. nslookup(1)
# "nslookup [-option] [name | -] [server]": `-type=` / `-query=` A / AAAA, `-timeout=` / `-retry=`, no `server`.
_LOOKUPS = frozenset({"dig", "getent", "host", "nslookup"})
_GETENT_HOSTS = frozenset({"hosts", "ahosts", "ahostsv4", "ahostsv6"})
_HOST_PLAIN = frozenset({"-4", "-6"})
_HOST_VALUED = frozenset({"-W", "-R"})
_ADDRESS_TYPES = frozenset({"A", "AAAA", "a", "aaaa"})
_NSLOOKUP_OPTION = re.compile(r"-(?:(?:type|query|q|querytype)=(?:A|AAAA|a|aaaa)|(?:timeout|retry)=[0-9]+)")


def _looked_up_values(words: list[str], reaching: Mapping[str, Sequence[str]]) -> list[str] | None:
    """(falsealarm55b) The values ``dig +short NAME`` prints, as the name itself: its output is the address the
    machine's resolver gives for NAME, so a command connecting to it connects where NAME does (``psql -h "$(dig
    +short $HOST)"`` is judged as ``psql -h $HOST``: the stack's private name passes, a partner's is RES-015); NAME a
    literal or one whole reference with ``reaching`` values. None (not computed) for any other dig: a ``@server``, a
    reverse or other record type, a name the script never sets. falsealarm56: ``getent hosts NAME``, ``host [-t A]
    NAME`` and ``nslookup NAME`` alike (:data:`_LOOKUPS`); a server operand, another record type or an option not
    listed is None."""
    command, names = words[0], None
    if command == "dig" and "+short" in words:
        names = [w for w in words[1:] if w not in _DIG_PLAIN and not _DIG_TIMING.fullmatch(w)]
    elif command == "getent" and len(words) == 3 and words[1] in _GETENT_HOSTS:
        names = words[2:]
    elif command == "host":
        names, i = [], 1
        while i < len(words):
            valued = words[i] in _HOST_VALUED or words[i] == "-t"
            if valued and (i + 1 == len(words) or (words[i] == "-t" and words[i + 1] not in _ADDRESS_TYPES)):
                return None
            if words[i] not in _HOST_PLAIN and not valued:
                names.append(words[i])
            i += 2 if valued else 1
    elif command == "nslookup":
        names = [w for w in words[1:] if not _NSLOOKUP_OPTION.fullmatch(w)]
    if names is None or len(names) != 1 or names[0][:1] in ("@", "-", "+"):
        return None
    return _echoed_values(["echo", names[0]], reaching)


# falsealarm56: stages that select whole lines or whole fields of a lookup's answer and change no character of them:
# head / tail by lines (`-n N`, `-N`), grep of lines (no `-o`: a part of a line), cut by fields (`-d C -f LIST`, not
# `-c` / `-b`: characters), awk printing one field (`'{print $N}'`, behind a `/regex/` or `NR==N` pattern), a bare
# xargs, tr between blanks (`tr '\t' '\n'`, `tr -d '\n'`). Not deletions (`sed 's/^1//'`, `cut -c2-`) that could
# turn 172.16.0.5 into 72.16.0.5, a public address: an answer is not that address edited. falsealarm57: the machine's
# own address and name (:data:`_OWN_MACHINE`, :func:`_keeps_own`) through the same stages.
_LINES = re.compile(r"-n|-?[0-9]+|-n[0-9]+|\+[0-9]+")
_GREP_PLAIN = re.compile(r"-[EFiwvx]+|-m[0-9]*|[0-9]+")
_GREP_PATTERN_OPTION = re.compile(r"-[EFiwvx]*e")
_CUT_FIELDS = re.compile(r"-d.?|-f[0-9,-]*|[0-9,-]+|-s")
_AWK_FIELD = re.compile(r"\s*(?:/[^/\n]*/|NR\s*==\s*[0-9]+)?\s*\{\s*print\s+\$(?:[0-9]+|NF)\s*;?\s*\}\s*")
_BLANK_SET = re.compile(r"(?:\\[ntr]|[ \t\n\r])+")
# falsealarm58 (stop 58): a character of an address or a host name (RFC 1123 labels, IPv4 dots, IPv6 colons): a field
# separator holding one cuts inside the value
_INSIDE_A_NAME = re.compile(r"[A-Za-z0-9.:_-]")


def _field_separator(rest: list[str], option: str) -> str:
    """The field separator ``option`` (cut's ``-d``, awk's ``-F``) gives among a stage's words ``rest``, attached
    (``-d.``) or the next word (``-d .``); empty when none is given (cut's tab, awk's blanks)."""
    for i, word in enumerate(rest):
        if word == option:
            return rest[i + 1] if i + 1 < len(rest) else ""
        if word.startswith(option):
            return word[len(option) :]
    return ""


def _first_label(command: list[str], words: list[str]) -> bool:
    """(falsealarm58) Whether ``words`` selects the first field at a dot (``cut -d. -f1``, ``awk -F. '{print $1}'``)
    of the machine's own name (``command``: hostname(1), ``-f`` / ``--fqdn`` / ``-s`` / ``--short``, or the
    metadata's ``local-hostname`` / ``hostname``): the short host name, as ``hostname -s`` ("the host name cut at the
    first dot") prints it."""
    name, rest = (words[0], words[1:]) if words else ("", [])
    option = {"cut": "-d", "awk": "-F"}.get(name)
    if option is None or _field_separator(rest, option).strip("'\"\\[]") != ".":
        return False
    kept = [w for i, w in enumerate(rest) if not w.startswith(option) and (i == 0 or rest[i - 1] != option)]
    first = kept in (["-f1"], ["-f", "1"]) if name == "cut" else len(kept) == 1 and _PRINT_FIRST.fullmatch(kept[0])
    return bool(first) and _OWN_NAME.fullmatch(" ".join(command)) is not None


_PRINT_FIRST = re.compile(r"\s*\{\s*print\s+\$1\s*;?\s*\}\s*")
# The machine's own name among _OWN_MACHINE's commands (not its addresses, nor its domain: hostname(1) -d)
_OWN_NAME = re.compile(
    r"(?:/usr)?(?:/s?bin/)?hostname(?:\s+(?:-[fs]|--fqdn|--short))?"
    r"|(?:curl|wget)(?:\s+\S+)*?\s+['\"]?http://\S+/meta-data/(?:local-)?hostname['\"]?"
)


def _selected_lines(
    first: list[str], stages: Sequence[_SimpleCommand], reaching: Mapping[str, Sequence[str]], files: Mapping[str, str]
) -> list[str] | None:
    """(config58) The lines a pipeline of ``first`` (``echo`` / ``printf`` of literal words or a whole variable, ``cat
    FILE`` of a file the script writes) then ``stages`` that each only select whole lines (``grep`` without ``-o``,
    ``head`` / ``tail -n N``, ``sort`` / ``uniq`` with options only) may give: every line of ``first``'s output, each a
    value (a superset of what the stages keep, failing closed: ``grep -v partner`` still leaves the partner judged),
    so that ``printf '%s\\n' 10.0.3.7 10.0.3.8 | grep -v '^#' | while read -r h`` reads the VPC's addresses. None for
    any other first command or stage (unknown, as before)."""
    read = first[1] if first[:1] == ["cat"] and len(first) == 2 else None
    # a stage's own input is the pipe (the splitter gives a stage after `cat FILE` that file as its input)
    if not all(_selects_lines(c.words) and c.stdin in (None, read) for c in stages):
        return None
    given = _file_values(files, read) if read is not None else _echoed_values(first, reaching)
    lines = [line.strip() for value in given or () for line in value.splitlines() if line.strip()]
    return lines or None


def _selects_lines(words: list[str]) -> bool:
    """(config58) Whether a pipeline stage writes only whole lines of its input, unchanged (``grep`` as
    :func:`_selects_whole` reads it, ``head`` / ``tail``, ``sort`` / ``uniq`` with options only)."""
    name, rest = (words[0], words[1:]) if words else ("", [])
    if name in ("grep", "head", "tail"):
        return _selects_whole(words)
    # sort(1) / uniq(1) options that neither write other text (`uniq -c`'s counts) nor change the line delimiter (`-z`)
    options = {"sort": r"-[bdfghiMnRrsuV]+", "uniq": r"-[diuD]+"}.get(name)
    return options is not None and all(re.fullmatch(options, w) for w in rest)


def _selects_whole(words: list[str]) -> bool:
    """Whether a pipeline stage only selects whole lines or fields of its input (a lookup's answer: falsealarm56).
    falsealarm58 (stop 58): fields split at a character of an address or a name (``cut -d. -f2-``, ``awk -F.``,
    ``cut -d- -f1``, ``-d:``) are parts of one, not whole: 172.16.0.5 cut at its dots from the second field is
    16.0.5 (16.0.0.5 to inet_aton(3), a public address), which passed as the machine's own."""
    name, rest = (words[0], words[1:]) if words else ("", [])
    if name in ("head", "tail"):
        return all(_LINES.fullmatch(w) for w in rest)
    if name == "grep":
        # mutation58b (stop 58): and patterns given by `-e PATTERN` (grep(1): "-e PATTERNS, --regexp=PATTERNS Use
        # PATTERNS as the patterns"; then no operand is a pattern: one would be a file, not the pipe). `grep -v -e
        # central` was no line selection: the VPC's own values RES-011, fail closed
        given = [i for i, w in enumerate(rest) if _GREP_PATTERN_OPTION.fullmatch(w)]
        operands = [
            w for i, w in enumerate(rest) if not _GREP_PLAIN.fullmatch(w) and i not in given and i - 1 not in given
        ]
        return len(operands) <= (0 if given else 1) and "-o" not in "".join(rest)
    if name == "cut":
        return (
            any(w.startswith("-f") for w in rest)
            and all(_CUT_FIELDS.fullmatch(w) or (i > 0 and rest[i - 1] == "-d") for i, w in enumerate(rest))
            and not _INSIDE_A_NAME.search(_field_separator(rest, "-d"))
        )
    if name == "awk":
        program = [w for i, w in enumerate(rest) if not w.startswith("-F") and (i == 0 or rest[i - 1] != "-F")]
        return (
            len(program) == 1
            and _AWK_FIELD.fullmatch(program[0]) is not None
            and not _INSIDE_A_NAME.search(_field_separator(rest, "-F"))
        )
    if name == "tr":
        sets = rest[1:] if rest[:1] == ["-d"] else rest
        return 0 < len(sets) <= 2 and all(_BLANK_SET.fullmatch(w) for w in sets)
    return name == "xargs" and not rest


def _file_values(files: Mapping[str, str], file: str) -> list[str] | None:
    """The lines a file the script wrote holds (None for one it did not write, or wrote nothing into)."""
    content = files.get(file)
    lines = [line.strip() for line in content.splitlines() if line.strip()] if content is not None else []
    return lines or None


def may_write_files(script: str) -> bool:
    """Whether ``script`` may write a file :func:`written_files` reads: a redirection, ``tee``, or a download's output
    option (falsealarm53: ``curl -o FILE``, ``wget -O FILE``). Substring tests only: most texts skip the reading."""
    return (
        ">" in script
        or "tee" in script
        or (("curl" in script or "wget" in script) and ("-o" in script or "O" in script))
    )


def hosts_file_names(script: str) -> frozenset[str]:
    """The names ``script`` maps in /etc/hosts (hosts(5): "IP_address canonical_hostname [aliases...]", read before
    DNS, nsswitch.conf(5) ``hosts: files dns``): from the text it writes into that file (a here-document, ``echo ...
    >> /etc/hosts``, ``| tee -a``: :func:`written_files`). Each name is sent to its line's address, which is judged
    where it is written (``etc-hosts``), so the name is no host of its own for the rest of the script (the lead, stop
    53: ``psql -h db.fleet.internal`` after mapping it to 10.20.1.30 was RES-015, falsealarm53b's find)."""
    if _HOSTS_FILE not in script or not may_write_files(script):
        return frozenset()
    files = written_files(script)
    body = files.get(_HOSTS_FILE, "")
    names: set[str] = set()
    for written in body.splitlines():
        line = written.split("#", 1)[0].strip()
        address = substitution_at(line, 0) if line[:2] == "$(" or line[:1] == "`" else None
        words = [address, *line[len(address) :].split()] if address else line.split()
        if len(words) > 1 and ((is_ip(words[0]) and _unicast(words[0])) or machine_or_private(words[0], script, files)):
            names.update(w for w in words[1:] if not is_ip(w))
    return frozenset(names)


# falsealarm54 (stop 54): an /etc/hosts line's address written as the machine's own lookup (`$(hostname -i)`, IMDS's
# `local-ipv4`) or as a variable the script assigns only such a lookup or a private address (`DB_IP=10.20.1.30`, then
# `echo "$DB_IP db.fleet.internal" >> /etc/hosts`): the names go to the machine itself or into the network (was
# RES-015 at every later use of the name). The /etc/hosts line's own reading (``etc-hosts``) judges literal addresses
# only, so a variable holding a public address or anything the evaluator cannot compute defines no name (fail closed).
_OTHER_BINDING = r"(?:\bread|\bfor|\bgetopts|\bmapfile|\breadarray|-v)\b[^\n;|&]*\b{name}\b|\$\{{{name}:?="


def plain_literal_values(script: str, name: str) -> tuple[str, ...] | None:
    """(scripts57) The literal words variable ``name`` of ``script`` is assigned, when every assignment of it is a
    plain one of a literal word (:func:`plain_assigned_name`: ``k=dr`` on a line of its own, scripts64: indented too)
    and nothing else binds it (``read``, ``for``, ``${NAME:=}``, :data:`_OTHER_BINDING`; scripts64: a loop's words
    bind none); None otherwise (a value the reader may not know: an arithmetic ``i=$((i+1))``, a substitution, the
    environment's). scripts64: the values are :func:`_plain_values`', the reading scripts63's
    :func:`_plain_assigned_values` shares."""
    assigned = [line.strip() for line in script.splitlines() if plain_assigned_name(line.strip()) == name]
    values = _plain_values(script, name, assigned, _loop_words_blanked(script)) if assigned else None
    if values is None or not all(_LOOP_WORD.fullmatch(v) for v in values):
        return None
    return values


def loop_literal_values(script: str, name: str) -> tuple[str, ...] | None:
    """(mutation58) The literal words variable ``name`` of ``script`` takes, when only ``for NAME in WORDS`` loops of
    literal words bind it (bash(1) "Looping Constructs": "The list of words following in is expanded ... name is set
    to each element of this list in turn"): ``for k in home; do ... "${M[$k]}"``; None when anything else binds or
    assigns it, or a loop's word is not a literal one (an expansion, a glob, a brace list)."""
    loops = [m for m in _FOR_IN.finditer(script) if m.group(1) == name] if "for" in script else []
    if not loops or re.search(rf"(?<![\w$]){name}\+?=", script):
        return None
    if re.search(_OTHER_BINDING.format(name=name), _without_spans(script, [m.span() for m in loops])):
        return None
    values: list[str] = []
    for m in loops:
        for word in loop_words_text(m).replace("\\\n", " ").split():
            literal = word[1:-1] if len(word) > 1 and word[0] == word[-1] and word[0] in "\"'" else word
            if not _LOOP_WORD.fullmatch(literal):
                return None
            values.append(literal)
    return tuple(dict.fromkeys(values)) or None


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (in order, not overlapping) blanked (spaces: the lines stay where they are)."""
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], " " * (end - start)]
        at = end
    return "".join([*out, text[at:]])


def machine_or_private(word: str, script: str, files: Mapping[str, str]) -> bool:
    """Whether ``word`` (an /etc/hosts line's address) is the machine's own address or a private one: a command
    substitution :func:`substitution_values` computes to :data:`OWN_MACHINE` or private addresses, or a whole
    variable reference (``$NAME``, ``${NAME}``, quoted) whose every assignment in ``script`` is a plain one
    (:func:`plain_assigned_name`) of such a value, and which nothing else binds (``read``, ``for``, ``${NAME:=}``).
    (lead, stop 54) The engine asks it too of an aliyun owner account given as a variable: ``OWNER=$(curl -s
    http://100.100.100.200/latest/meta-data/owner-account-id)`` is the instance's own account."""
    if word[:2] == "$(" or word[:1] == "`":
        values = substitution_values(word, {}, files) or []
        return bool(values) and all(v == OWN_MACHINE or is_private_address(v) for v in values)
    reference = re.fullmatch(r"\"?\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))\"?", word)
    if reference is None:
        return False
    name = reference.group(1) or reference.group(2)
    script = reads_as_assignments(script)
    assigned = [line for line in script.splitlines() if plain_assigned_name(line) == name]
    if not assigned or len(re.findall(rf"(?<![\w$]){name}\+?=", script)) != len(assigned):
        return False  # unassigned (the environment's), or assigned elsewhere than on a line of its own
    if re.search(_OTHER_BINDING.format(name=name), script):
        return False
    for line in assigned:
        value = line.split("=", 1)[1].strip()
        value = value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'" else value
        if not (is_private_address(value) or machine_or_private(value, "", files)):
            return False
    return True


def written_files(script: str) -> dict[str, str]:
    """Each file ``script`` writes whole, by a here-document, echo / printf redirections or another command's output
    the evaluator computes (:func:`command_output_files`), and its content (the last written)."""
    given = {**dict(heredoc_files(script)), **dict(echoed_files(script))}
    return {**given, **dict(command_output_files(script, given))}  # scripts59: a command reading a written file


# falsealarm53 (stop 53): a file written with a command's output (bash(1) "Redirecting Output": `COMMAND > FILE`), the
# command the one evaluator computes alone (:func:`substitution_values` with no variable and no file known: the
# machine's own lookup, `curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/.../region > FILE`, a
# filter over a literal). `$(cat FILE)` of it then gives what `$(COMMAND)` gives (stop 52 read only here-documents and
# echo / printf: a Region the metadata wrote into a file was an unknown Region, RES-011, read back). A command the
# evaluator cannot compute writes nothing the engine knows, so reading the file back stays unknown (fail closed).
_COMMAND_WRITE = re.compile(r"(?:^|&&|;)\s*(?:sudo\s+)?([^;&<>\s][^;&<>]*?)\s*>[ \t]*(['\"]?)([^\s'\";&|<>]+)\2\s*$")
_WRITERS_READ_ELSEWHERE = frozenset({"echo", "printf", "cat", "tee", "sed", "perl", "awk", "install"})


def command_output_files(script: str, given: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """Each file ``script`` truncates with the output of one command (or pipeline) the evaluator computes, as ``(file,
    its values a line)``; a lone echo / printf, a here-document and a file's edit are read by :func:`echoed_files`,
    :func:`heredoc_files` and the edit readers (an echo piped through a filter is computed here: echoed_files would
    take the pipeline's words for the text). scripts59 (stop 59): ``given``, the files those readers find written,
    and each file an earlier line writes so, are the files the command may read (`jq -r .region cfg.json > /tmp/r`
    of a cfg.json the script writes, then `R=$(cat /tmp/r)`: was unknown, RES-011 at home too)."""
    files: dict[str, str] = {}
    for written in script.splitlines():
        line = _STDERR_DISCARDED.sub("", written) if "2>" in written else written
        teed = _TEED.search(line) if "tee" in line else None
        match = _COMMAND_WRITE.search(line) if teed is None and ">" in line else None
        command, file = (
            (match.group(1), match.group(3))
            if match is not None
            else (teed.group(1), teed.group("file"))
            if teed is not None
            else _download(line)
        )
        if not command.strip() or (
            teed is None and "|" not in command and command.split(None, 1)[0] in _WRITERS_READ_ELSEWHERE
        ):
            continue
        if teed is not None and _echo_write(written) is not None:
            continue  # codehealth53: `echo TEXT | tee FILE` is echoed_files' (one reading of a line, not two)
        values = substitution_values(f"$({command})", {}, {**given, **files} if given else files)
        if values is not None:
            appended = files.get(file, "") if teed is not None and "a" in teed["append"] else ""
            files[file] = appended + "".join(f"{v}\n" for v in values)
    return list(files.items())


# bash(1) "Redirecting Output": `2>/dev/null` sends only the error output away (the file written by `>` keeps the
# standard output); tee(1): "copy standard input to each FILE, and also to standard output" (`-a`: "append to the given
# FILEs, do not overwrite"), its own output often discarded (`| tee FILE > /dev/null`).
_STDERR_DISCARDED = re.compile(r"[ \t]+2>[ \t]*/dev/null\b")
_TEED = re.compile(r"(?:^|&&|;)\s*([^;&<>|\s][^;&<>]*?)" + _TEE_TO_FILE)  # codehealth53: the one tee reading


# curl(1) "-o, --output <file>: Write output to <file> instead of stdout" (short options may run together, `-sSo`);
# wget(1) "-O file, --output-document=file: The documents will not be written to the appropriate files, but all will
# be concatenated together and written to file" (`-qO`). curl's own `-O` takes no file (the remote name).
_DOWNLOAD_OUTPUT = {
    "curl": re.compile(r"(?<!\S)(?:-[A-Za-z]*o|--output)(?:=|[ \t]+)(['\"]?)([^\s'\";&|<>]+)\1"),
    "wget": re.compile(r"(?<!\S)(?:-[A-Za-z]*O|--output-document)(?:=|[ \t]+)(['\"]?)([^\s'\";&|<>-][^\s'\";&|<>]*)\1"),
}
_DOWNLOAD_LINE = re.compile(r"^\s*(?:sudo\s+)?(curl|wget)\s[^;&|<>]*$")


def _download(line: str) -> tuple[str, str]:
    """``(the command without its output option, the file)`` for a line that is one ``curl -o FILE ...`` / ``wget -O
    FILE ...`` (its output written to FILE, as ``> FILE`` writes it); ``("", "")`` for any other line."""
    whole = _DOWNLOAD_LINE.match(line) if ("curl" in line or "wget" in line) else None
    if whole is None:
        return "", ""
    option = _DOWNLOAD_OUTPUT[whole.group(1)].search(line)
    if option is None or option.group(2) == "-":
        return "", ""
    return (line[: option.start()] + line[option.end() :]).strip(), option.group(2)


# scripts52: `read [-r] NAME < FILE` (bash(1) "read": "One line is read from the standard input ... the first word is
# assigned to the first name") assigns the file's first line, as `NAME=$(< FILE)` does: written so, padded to the same
# length (a line's offsets do not move), the one resolver reads it as any assignment. scripts57 (stop 57): also with
# `-d ''` ("If delim is the empty string, read will terminate a line when it reads a NUL character": a text file's
# whole content, its last newline stripped as IFS whitespace) or `-t TIMEOUT` ("This option has no effect if read is
# not reading input from the terminal or a pipe": a file is neither) among its options (`read -r -d '' R < FILE ||
# true`, the idiom for a whole file); a file the script does not write is `$(< FILE)`: RES-011 at a destination.
# scripts61 (stop 61): and `-s` ("Silent mode": nothing for a file), grouped or not (`read -rs R < FILE` left R unset).
_READ_FROM_FILE = re.compile(
    r"(?<![^\s;&|(])read(?:[ \t]+(?:-[rs]+|-[rs]*t[ \t]*[0-9.]+|-[rs]*d[ \t]*(?:''|\"\")))*[ \t]+"
    r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*<[ \t]*([^\s;&|<>()]+)"
)

# scripts58 (stop 58): and `-d DELIM` with a delimiter (read: "The first character of delim is used to terminate the
# input line, rather than newline"): the file's text up to DELIM's first character, IFS blanks at its ends removed
# (one name), where the script writes the file (written_files); `read -r -d , R < FILE` passed every door (unread).
_READ_DELIMITED_FROM_FILE = re.compile(
    r"(?<![^\s;&|(])read(?:[ \t]+(?:-r|-r?t[ \t]*[0-9.]+))*[ \t]+-r?d[ \t]*("
    + READ_DELIMITER_WORD
    + r")(?:[ \t]+(?:-r|-r?t[ \t]*[0-9.]+))*[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*<[ \t]*([^\s;&|<>()]+)"
)


def _delimited_file_read(m: re.Match[str], files: Mapping[str, str]) -> str:
    """(scripts58) ``read -d DELIM NAME < FILE`` (:data:`_READ_DELIMITED_FROM_FILE`) written as ``NAME=VALUE`` (the
    file's text up to DELIM) where the script writes FILE and the value is one plain word that fits; else as
    ``NAME=$(< FILE)`` (a file the script does not write: unknown, RES-011 at a destination; a value that does not fit
    or is no plain word: the whole text, judged as it is, fail closed). Padded to the same length."""
    delimiter, name, file = read_delimiter(m.group(1)), m.group(2), m.group(3)
    written = f"{name}=$(<{file})"
    if file in files:
        value = files[file].split(delimiter or "\0", 1)[0].strip(_IFS_BLANKS)  # scripts60b: `''`, a NUL
        if _LOOP_WORD.fullmatch(value) and len(name) + 1 + len(value) <= len(m.group(0)):
            written = f"{name}={value}"
    return written.ljust(len(m.group(0)))


# mutation59 (stop 59): and `read -n NCHARS` / `-N NCHARS` from a file or a process substitution (bash(1) "read":
# "-n nchars read returns after reading nchars characters rather than waiting for a complete line of input"; "-N
# nchars read returns after reading exactly nchars characters"; a here-string's and a here-document's were read since
# scripts57b / scripts58): `read -r -N 9 R < FILE` and `read -n 9 R < <(LIST)` of a Region abroad passed every door
# (unread). A file the script writes gives its first NCHARS characters (`-n`: of its first line, IFS blanks at the
# ends removed) where they are one plain word, else its whole text (judged as it is, fail closed); a file it does not
# write is `$(< FILE)` (RES-011 at a destination); a process substitution is `NAME=$(LIST|cut -c-NCHARS)` (each line's
# first NCHARS characters: a line after the first judged too, never fewer), which the one evaluator computes.
# scripts61 (stop 61): and `-s` (read: "Silent mode. If input is coming from a terminal, characters are not echoed":
# nothing for a file) among the options, grouped behind one dash as getopt reads them (`read -rsn9 R < FILE` passed
# every door with a Region abroad).
_READ_COUNTED_FROM_INPUT = re.compile(
    r"(?<![^\s;&|(])read((?:[ \t]+(?:-[rs]+|-[rs]*t[ \t]*[0-9.]+|-[rs]*[nN][ \t]*[0-9]+))+)[ \t]+"
    r"([A-Za-z_][A-Za-z0-9_]*)[ \t]*<"
    r"[ \t]*(?:<\((?P<process>[^()\n]*)\)|(?P<file>[^\s;&|<>()]+))"
)


def _counted_read(m: re.Match[str], files: Mapping[str, str]) -> str:
    """(mutation59) ``read -n N`` / ``-N N NAME`` from a file or a process substitution
    (:data:`_READ_COUNTED_FROM_INPUT`) written as ``NAME=VALUE`` / ``NAME=$(< FILE)`` / ``NAME=$(LIST|cut -c-N)``,
    padded to the same length; as written without a count or where the assignment does not fit."""
    options, name = m.group(1), m.group(2)
    exact, count = _read_exact(options), _read_count(options)
    chars = exact if exact is not None else count
    if not chars:
        return m.group(0)
    if m.group("process") is not None:
        written = f"{name}=$({m.group('process')}|cut -c-{chars})"
    else:
        file = m.group("file")
        written = f"{name}=$(<{file})"
        if (text := files.get(file.strip("\"'"))) is not None:  # `< "FILE"`, quoted or not
            value = text[:chars] if exact is not None else text.split("\n", 1)[0][:chars].strip(_IFS_BLANKS)
            if _LOOP_WORD.fullmatch(value) and len(name) + 1 + len(value) <= len(m.group(0)):
                written = f"{name}={value}"
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else m.group(0)


# scripts57b: `read [-r] NAME < <(LIST)` (bash(1) "Process Substitution": "<(list) ... the file name is passed as an
# argument to the current command as the result of the expansion"; read reads its first line) is `NAME=$(LIST)`, which
# the one evaluator computes (every line of the output: a line after the first is judged too; one it cannot compute
# fails closed at a destination, as `$(LIST)` does).
_READ_FROM_PROCESS = re.compile(
    r"(?<![^\s;&|(])read(?:[ \t]+(?:-r|-r?t[ \t]*[0-9.]+))*[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*<[ \t]*<\(([^()\n]*)\)"
)

# mutation58b (stop 58): and `read -d DELIM NAME < <(LIST)` (read: "The first character of delim is used to terminate
# the input line, rather than newline"; `-d ''`, a NUL, the whole output) is `NAME=$(LIST | cut -dDELIM -f1)`, the
# output's text up to DELIM's first character (each line's, when the output has several: more values judged, never
# fewer), which the one evaluator computes; `read -r -d , R < <(printf '%s,x' <abroad>)` passed every door (unread).
# One that does not fit in the command's length is left as written.
_READ_DELIMITED_FROM_PROCESS = re.compile(
    r"(?<![^\s;&|(])read(?:[ \t]+(?:-r|-r?t[ \t]*[0-9.]+))*[ \t]+-r?d[ \t]*("
    + READ_DELIMITER_WORD
    + r")(?:[ \t]+(?:-r|-r?t[ \t]*[0-9.]+))*[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*<[ \t]*<\(([^()\n]*)\)"
)


def _delimited_process_read(m: re.Match[str]) -> str:
    """(mutation58b) ``read -d DELIM NAME < <(LIST)`` (:data:`_READ_DELIMITED_FROM_PROCESS`) written as ``NAME=$(LIST
    | cut -dDELIM -f1)`` (``NAME=$(LIST)`` for an empty DELIM), padded to the same length; as written when longer."""
    delimiter, name, command = read_delimiter(m.group(1)), m.group(2), m.group(3)
    cut = f"|cut -d{shlex.quote(delimiter)} -f1" if delimiter else ""
    written = f"{name}=$({command}{cut})"
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else m.group(0)


# scripts54b: one word given to one name, which bash(1) assigns as `NAME=WORD` would: `read [-r] NAME <<< WORD` (Here
# Strings: "The word undergoes tilde expansion, parameter and variable expansion, command substitution ... The result
# is supplied as a single string, with a newline appended, to the command on its standard input"; read: with one name
# the whole line, leading and trailing IFS blanks removed) and `printf -v NAME %s WORD` (printf: "The -v option causes
# the output to be assigned to the variable var rather than being printed to the standard output"; `%s` prints its
# argument as is). The word is quoted or a bare word without blanks (or a bare `$(...)` with no nested parentheses),
# and ends the command; another format, several names or more arguments are not read.
_ONE_WORD = r"(\"[^\"\n]*\"|'[^'\n]*'|\$\([^()\n]*\)|[^\s;&|<>()'\"]+)(?=[ \t]*(?:$|[;&|)]))"
_READ_HERE_STRING = re.compile(
    r"(?<![^\s;&|(])read(?:[ \t]+-r)?[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*<<<[ \t]*" + _ONE_WORD, re.M
)
# scripts56: and with `-t TIMEOUT` / `-d DELIM` among its options (bash(1) "read": "-d delim The first character of
# delim is used to terminate the input line, rather than newline. If delim is the empty string, read will terminate a
# line when it reads a NUL character"; "-t timeout ... This option has no effect if read is not reading input from the
# terminal or a pipe" and a here-string's word is there at once): the word up to DELIM's first character (all of it
# for an empty DELIM), a literal one only (one holding an expansion is left as written).
_READ_OPTION = r"-r|-r?t[ \t]*[0-9.]+|-r?d[ \t]*(?:" + READ_DELIMITER_WORD + ")"
# scripts57b: and `-p PROMPT` (read: "Display prompt on standard error ... The prompt is displayed only if input is
# coming from a terminal": no value) and `-n NCHARS` ("read returns after reading nchars characters rather than waiting
# for a complete line of input, but honors a delimiter if fewer than nchars characters are read before the delimiter":
# the line's first NCHARS characters), with `-r` before them or not.
# scripts58 (stop 58): and `-N NCHARS` ("read returns after reading exactly nchars characters rather than waiting for
# a complete line of input ... Delimiter characters encountered in the input are not treated specially ... The result
# is not split on the characters in IFS"): the first NCHARS characters as they are (`read -r -N 9 R <<< "us-west-2-x"`
# passed every door).
_READ_PROMPT_COUNT = r"|-r?p[ \t]*(?:'[^'\n]*'|\"[^\"\n$`]*\"|[^\s'\";&|<>()]+)|-r?[nN][ \t]*[0-9]+"
_READ_OPTION += _READ_PROMPT_COUNT
_READ_DELIMITED = re.compile(
    rf"(?<![^\s;&|(])read((?:[ \t]+(?:{_READ_OPTION}))+)[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]*<<<[ \t]*" + _ONE_WORD,
    re.M,
)


def _delimited_read(m: re.Match[str]) -> str:
    """(scripts56) ``read -t N / -d D NAME <<< WORD`` (:data:`_READ_DELIMITED`) written as ``NAME=VALUE``, padded to
    the same length; as written for a word holding an expansion or one with no ``-t`` / ``-d`` (read elsewhere)."""
    options, name, word = m.group(1), m.group(2), m.group(3)
    literal = word[1:-1] if word[:1] in "\"'" else word
    delimiter = read_option_delimiter(options)  # scripts60b: the one spelling of a `-d` word
    count = _read_count(options)
    if word[:1] != "'" and delimiter is None and (variable := _ONE_VARIABLE.fullmatch(literal)) is not None:
        return _counted_variable_read(m, variable.group(1) or variable.group(2), _read_exact(options), count)
    if word[:1] != "'" and delimiter is None and "$" in literal:
        return _counted_text_read(m, word, _read_exact(options), count)
    if (
        "t" not in options and delimiter is None and count is None and "p" not in options and "N" not in options
    ) or any(c in literal for c in "$`"):
        return m.group(0)
    if (exact := _read_exact(options)) is not None:  # scripts58: `-N NCHARS`, the delimiter and IFS not applied
        value = (literal + "\n")[:exact].removesuffix("\n")
    else:
        if delimiter:
            literal = literal.split(delimiter, 1)[0]
        if count is not None:
            literal = literal[:count]
        value = literal.strip(_IFS_BLANKS)
    written = f"{name}={value if _LOOP_WORD.fullmatch(value) else shlex.quote(value)}"
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else m.group(0)


# scripts61 (stop 61): a here-string word that is one variable (`read -r -n 9 R <<< "$X"`: left as written, R unset,
# a Region abroad in X passed every door).
_ONE_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")


def _counted_variable_read(m: re.Match[str], variable: str, exact: int | None, count: int | None) -> str:
    """(scripts61) ``read -n N / -N N / -t T / -p P NAME <<< "$VAR"`` (:data:`_READ_DELIMITED`, a word of one variable)
    written as ``NAME="${VAR:0:N}"`` (``NAME="$VAR"`` without a count), the substring reading of the one evaluator:
    read's first N characters of the value (bash(1) "read" -n / -N; "Here Strings": the word's expansion is the input).
    A value holding blanks or a newline before N is judged whole (more than read takes: fail closed); as written where
    it does not fit."""
    chars = exact if exact is not None else count
    written = f'{m.group(2)}="${{{variable}:0:{chars}}}"' if chars is not None else f'{m.group(2)}="${variable}"'
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else m.group(0)


_TEXT_AROUND_VARIABLES = re.compile(r"(?:[A-Za-z0-9_.:/@%+,=-]|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})+")
"""(scripts62) A here-string word of plain text and whole variables (``us-east-$N``, ``${P}-${N}``): no substitution,
quote, blank or operation."""


def _counted_text_read(m: re.Match[str], word: str, exact: int | None, count: int | None) -> str:
    """(scripts62, stop 62) ``read -n N / -N N NAME <<< "TEXT$VAR"`` (:data:`_READ_DELIMITED`, a word of text around
    variables, :data:`_TEXT_AROUND_VARIABLES`) given read's first N characters of the
    word's expansion (bash(1) "read" -n / -N; "Here Strings"), written as ``NAME=WORD;NAME=${NAME:0:N}`` (the text
    around a variable and the substring, both read by the one evaluator; the word is plain text, so unquoted in an
    assignment it is the same word); where that does not fit the command's length (a name longer than a few
    characters), ``NAME=$(cut -c-N<<<WORD)``, which the evaluator does not compute: RES-011 at a destination (fail
    closed). ``read -r -n 9 R <<< "us-east-$N"`` left R unset: a Region abroad passed every door. Without a count the
    word is read by :data:`_READ_HERE_STRING` (``NAME=WORD``); as written where the word is another."""
    chars = exact if exact is not None else count
    literal = word[1:-1] if word[:1] == '"' else word
    if chars is None or _TEXT_AROUND_VARIABLES.fullmatch(literal) is None:
        return m.group(0)
    name = m.group(2)
    written = f"{name}={literal};{name}=${{{name}:0:{chars}}}"
    if len(written) > len(m.group(0)):
        written = f"{name}=$(cut -c-{chars}<<<{word})"  # unknown to the evaluator: RES-011 at a destination
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else m.group(0)


def _read_count(options: str) -> int | None:
    """(scripts57b) The NCHARS of read's ``-n NCHARS`` among ``options``, else None."""
    given = re.search(r"-[rs]*n[ \t]*([0-9]+)", options)  # scripts61: `-rsn9`
    return None if given is None else int(given.group(1))


def _read_exact(options: str) -> int | None:
    """(scripts58) The NCHARS of read's ``-N NCHARS`` among ``options``, else None."""
    given = re.search(r"-[rs]*N[ \t]*([0-9]+)", options)  # scripts61: `-rsN9`
    return None if given is None else int(given.group(1))


# mutation55: several names (`read -r APP R <<< "fleet us-west-2"`: each its field, the last the rest), an array
# (`read -a NAME`: "The words are assigned to sequential indices of the array variable aname, starting at 0"), and an
# `IFS=` value before read splitting the word (:func:`ifs_fields`). The word is a literal one: with an expansion
# (`"$X $Y"`) each name is given the word whole, which the engine judges as one value (fail closed).
_READ_HERE_STRING_SPLIT = re.compile(
    r"(?<![^\s;&|(])"
    + _IFS_VALUE
    + r"read((?:[ \t]+-[ra]+)*)((?:[ \t]+[A-Za-z_][A-Za-z0-9_]*)+)[ \t]*<<<[ \t]*"
    + _ONE_WORD,
    re.M,
)
# mutation60 (stop 60): and an element, its name quoted or not (`printf -v 'RS[1]' %s "$(cmd)"`, `"RS[$i]"`: as
# `RS[1]=WORD`, the element assignment's reading): a substitution given an element held nothing (the other printf
# reader, `_PRINTF_FORMAT_TO_VARIABLE`, takes no `(`), and a Region abroad passed every door.
_PRINTF_TO_VARIABLE = re.compile(
    r"(?<![^\s;&|(])printf[ \t]+-v[ \t]*['\"]?([A-Za-z_][A-Za-z0-9_]*"
    r"(?:\[(?:[0-9]+|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})\])?)['\"]?[ \t]+(?:%s|'%s'|\"%s\")[ \t]+"
    + _ONE_WORD,
    re.M,
)


# scripts61 (stop 61): a group of one read whose input is the group's redirection (bash(1) "Compound Commands": `{
# list; }`; "Redirections" of a compound command apply to its list): `{ read -r -n 9 R; } < FILE` reads FILE as `read
# -r -n 9 R < FILE` does (R was unset: a Region abroad passed every door). Written so, padded to the same length.
_GROUPED_READ = re.compile(
    r"(?<![^\s;&|(])(?<!\)[ \t])\{[ \t]+(read[ \t][^;{}\n<>|&`$]*?)[ \t]*;[ \t]*\}[ \t]*"
    r"(<[ \t]*(?:<\([^()\n]*\)|[^\s;&|<>()]+))"
)


# scripts62 (stop 62): a group of several commands whose input is the group's redirection (`{ read -r SRC; read -r
# DR; } < FILE`, `{ read -r R; echo x; } < FILE`): each read reads the next line of the one input (bash(1) "Compound
# Commands", "Redirections"; "read": "One line is read from the standard input"). Both left their names unset (a Region
# abroad passed every door). Each read of one name (options -r / -s only) is written as `NAME=LINE` (the file's lines
# in turn, IFS blanks at the ends removed) where the script writes the file, the line is one plain word and no other
# command before it may read the input (echo, printf, `:`, true, logger read none); else as `NAME=$(<FILE)` (the whole
# file, more than read takes: fail closed; a file the script does not write is unknown, RES-011 at a destination), a
# later such name as `NAME=$FIRST` (the same value, shorter).
# Padded to the group's length; as written where that does not fit or the group holds another read.
_GROUP_OF_COMMANDS = re.compile(
    r"(?<![^\s;&|(])(?<!\)[ \t])\{[ \t]+([^{}\n<>|&`$]*?;[^{}\n<>|&`$]*?)[ \t]*;[ \t]*\}[ \t]*<[ \t]*([^\s;&|<>()]+)"
)
_GROUP_PLAIN_READ = re.compile(r"read(?:[ \t]+-[rs]+)*[ \t]+([A-Za-z_][A-Za-z0-9_]*)")
_READS_NO_INPUT = frozenset({"echo", "printf", ":", "true", "logger"})


def _group_of_reads(m: re.Match[str], files: Mapping[str, str]) -> str:
    """(scripts62) A group of commands redirected from a file (:data:`_GROUP_OF_COMMANDS`) written as its reads'
    assignments, padded to the same length; as written where it holds no read, a read of another form, or the
    assignments do not fit."""
    file = m.group(2).strip("\"'")
    lines = files[file].split("\n") if file in files else None
    written: list[str] = []
    whole: str | None = None  # the first name given the whole file: the others are given it (shorter)
    consumed, known = 0, lines is not None
    for command in (c.strip() for c in m.group(1).split(";")):
        read = _GROUP_PLAIN_READ.fullmatch(command)
        if read is None:
            if command.startswith("read"):
                return m.group(0)  # a read of another form (-n, -a, several names): left as written
            known = known and command.split(None, 1)[:1] != [] and command.split(None, 1)[0] in _READS_NO_INPUT
            continue
        name = read.group(1)
        value = lines[consumed].strip(_IFS_BLANKS) if known and lines is not None and consumed < len(lines) else None
        consumed += 1
        if value is not None and _LOOP_WORD.fullmatch(value):
            written.append(f"{name}={value}")
        else:
            written.append(f"{name}=$(<{file})" if whole is None else f"{name}=${whole}")
            whole = name if whole is None else whole
    text = ";".join(written)
    if not written or len(text) > len(m.group(0)):
        return m.group(0)
    return text.ljust(len(m.group(0)))


def _groups_of_reads_written(script: str) -> str:
    """(scripts62) ``script`` with each group of commands holding a read and redirected from a file written as its
    reads' assignments (:func:`_group_of_reads`)."""
    groups = [g for g in _GROUP_OF_COMMANDS.finditer(script) if "read" in g.group(1)]
    if groups:
        files = written_files(script)
        for g in reversed(groups):
            script = script[: g.start()] + _group_of_reads(g, files) + script[g.end() :]
    return script


def reads_as_assignments(script: str) -> str:
    """``script`` with each ``read NAME < FILE`` written as ``NAME=$(< FILE)`` (blanks after it, same length);
    scripts54b: ``read NAME <<< WORD`` and ``printf -v NAME %s WORD`` as ``NAME=WORD``; config65b: a Beat's keystore key
    from standard input as ``export KEY=WORD`` (:func:`_beat_keystore_written`)."""
    if "read" not in script and "printf" not in script and "keystore" not in script:
        return script

    def assignment(m: re.Match[str]) -> str:
        written = f"{m.group(1)}=$(<{m.group(2)})"
        return written.ljust(len(m.group(0)))

    def given(m: re.Match[str]) -> str:
        return f"{m.group(1)}={m.group(2)}".ljust(len(m.group(0)))

    if "read" in script:
        if "{" in script:  # scripts61: `{ read -n9 R; } < FILE`, the group's redirection its read's
            script = _GROUPED_READ.sub(lambda g: f"{g.group(1)} {g.group(2)}".ljust(len(g.group(0))), script)
            script = _groups_of_reads_written(script)  # scripts62: `{ read -r A; read -r B; } < FILE`
        script = _READ_FROM_FILE.sub(assignment, script)
        if "-" in script and (delimited := list(_READ_DELIMITED_FROM_FILE.finditer(script))):  # scripts58
            files = written_files(script)
            for d in reversed(delimited):
                script = script[: d.start()] + _delimited_file_read(d, files) + script[d.end() :]
        if "-" in script and (counted := list(_READ_COUNTED_FROM_INPUT.finditer(script))):  # mutation59
            files = written_files(script)
            for c in reversed(counted):
                script = script[: c.start()] + _counted_read(c, files) + script[c.end() :]
        if "<(" in script:
            if "-" in script:  # mutation58b
                script = _READ_DELIMITED_FROM_PROCESS.sub(_delimited_process_read, script)
            script = _READ_FROM_PROCESS.sub(lambda p: f"{p.group(1)}=$({p.group(2)})".ljust(len(p.group(0))), script)
        if "<<<" in script:
            script = _READ_HERE_STRING.sub(given, script)
            script = _READ_DELIMITED.sub(_delimited_read, script)
            script = _READ_HERE_STRING_SPLIT.sub(_split_here_string, script)
        if "<<" in script:
            script = _READ_HERE_DOCUMENT.sub(_here_document_read, script)
    if "keystore" in script:
        script = _beat_keystore_written(script)
    return printf_as_assignments(script)


# config65b (stop 65): a Beat's keystore key given on standard input (Filebeat "Secrets keystore for secure settings",
# https://www.elastic.co/docs/reference/beats/filebeat/keystore: "filebeat keystore add ES_PWD --stdin"; "The syntax
# for referencing keys is identical to the syntax for environment variables: ${KEY}"), fed by `echo WORD |` /
# `printf '%s' WORD |` or a here-string (`<<< WORD`): written as `export KEY=WORD` (blanks after it, the same length),
# so a `${KEY}` of the Beat's file (`cloud.id: "${CLOUD_ID}"`) is filled as an exported variable's is (an Elastic Cloud
# deployment abroad passed every door). The keystore is resolved before the environment ("it resolves keys before
# resolving environment variables"); a later export of the same name is read as replacing it (the reading adds values,
# it does not decide between them where both are written). A key added without `--stdin` (prompted) is left.
@functools.cache
def _keystore_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(config65b) The piped and the here-string keystore additions of :func:`_beat_keystore_written`. config66 (stop
    66): the Beats named by the catalogue, the ``script_commands`` whose ``-E`` is a Beat's setting (``beat-setting``:
    filebeat, metricbeat, heartbeat, auditbeat, packetbeat), no list of their own here (config65b kept ``_BEATS``)."""
    commands = load_endpoints().script_commands
    names = sorted(n for n, c in commands.items() if "beat-setting" in c.options.values())
    beats = r"(?:sudo[ \t]+(?:-u[ \t]+\S+[ \t]+)?)?(?:\S*/)?(?:" + "|".join(map(re.escape, names)) + ")"
    add = beats + r"[ \t]+keystore[ \t]+add[ \t]+([A-Za-z_][A-Za-z0-9_]*)((?:[ \t]+--(?:stdin|force))+)"
    piped = re.compile(
        r"(?<![^\s;&|(])(?:echo(?:[ \t]+-n)?|printf[ \t]+(?:'%s'|\"%s\"|%s))[ \t]+"
        + _ONE_WORD.replace(r"(?=[ \t]*(?:$|[;&|)]))", "")
        + r"[ \t]*\|[ \t]*"
        + add
        + r"(?=[ \t]*(?:$|[;&|)]))",
        re.M,
    )
    return piped, re.compile(r"(?<![^\s;&|(])" + add + r"[ \t]*<<<[ \t]*" + _ONE_WORD, re.M)


def _beat_keystore_written(script: str) -> str:
    """(config65b) ``script`` with each Beat keystore key added from standard input written as ``export KEY=WORD``
    (:func:`_keystore_patterns`), the same offsets."""

    def piped(m: re.Match[str]) -> str:
        if "--stdin" not in m.group(3):
            return m.group(0)
        return f"export {m.group(2)}={m.group(1)}".ljust(len(m.group(0)))

    def here(m: re.Match[str]) -> str:
        if "--stdin" not in m.group(2):
            return m.group(0)
        return f"export {m.group(1)}={m.group(3)}".ljust(len(m.group(0)))

    piped_add, here_string_add = _keystore_patterns()
    return here_string_add.sub(here, piped_add.sub(piped, script))


def printf_as_assignments(script: str) -> str:
    """``script`` with each ``printf -v NAME FORMAT ARGS`` (scripts54b, scripts56) and, falsealarm60, each
    ``NAME=$(printf FORMAT ARGS)`` written as ``NAME=OUTPUT`` (:func:`_printed_assignment`; blanks after it, the same
    length): the one printf reading of :func:`reads_as_assignments`, and of the URL scan (engine ``_assigned_urls``:
    the URL printf prints is judged where it is assigned, as a written one is)."""
    if "printf" in script and "-v" in script:
        script = _PRINTF_TO_VARIABLE.sub(lambda m: f"{m.group(1)}={m.group(2)}".ljust(len(m.group(0))), script)
        script = _PRINTF_FORMAT_TO_VARIABLE.sub(_printed_assignment, script)
    if "$(printf" in script:  # falsealarm60: `NAME=$(printf FORMAT ARGS)` as `printf -v NAME FORMAT ARGS`
        script = _PRINTF_SUBSTITUTED_TO_VARIABLE.sub(_printed_assignment, script)
    if "%" in script and (">" in script or "|" in script):  # falsealarm65b: `printf 'NAME=%s\n' WORD > FILE`
        rest: list[str] = []
        script = _PRINTF_LINES_WRITTEN.sub(functools.partial(_printed_lines, rest=rest), script)
        if rest:  # scripts66: the format's further passes, after the script's end (its offsets stay)
            script = "\n".join([script, *rest])
    return script


# falsealarm65b (stop 65): an environment file written by printf with a conversion in an assignment's line (`printf
# 'AWS_REGION=%s\nLOG_LEVEL=info\n' eu-west-1 > /etc/fleet/worker.env`, or piped to `tee FILE`): the file holds what
# printf prints (bash(1) "printf": "the format is a character string ... conversion specifications, each of which
# causes printing of the next successive argument"), but the scan read the format, `AWS_REGION=%s`: a home Region
# filled into a Compose file from the file was refused (`sqs.v0.amazonaws.com`, RES-015) and a Region abroad sourced
# back (`set -a; . FILE`) and given to `--region` passed every door. The words written as `printf 'PRINTED'` (each
# line break as `\n`, falsealarm65's reading of a format's lines; double-quoted where an argument holds a variable,
# braced, which the one resolver fills), padded to the same length; as written where the output is not computed or
# does not fit (left open: the format reused for more arguments than it converts, longer than the words).
_PRINTF_LINES_WRITTEN = re.compile(
    r"(?<![^\s;&|(])printf[ \t]+(?P<given>[^-\s][^\n;&|<>()`]*?)[ \t]*"
    r"(?=>>?[ \t]*[^\s&>]|\|[ \t]*(?:sudo[ \t]+)?tee\b)",
    re.M,
)
_PRINTED_ASSIGNMENT = re.compile(r"(?:^|\\n)[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_]*=[^\n]*?%")


# scripts66 (stop 66): a format reused for more arguments than it converts (bash(1) "printf": "The format is reused as
# necessary to consume all of the arguments"): `printf 'AWS_REGION=%s\n' <home> <abroad> > FILE` prints two lines, whose
# text is longer than the words; left as written, the second line's Region abroad sourced back passed every door. The
# first pass is written in place (the same length) and each further pass after the script's end as `printf 'TEXT' >>
# FILE` (the same file; `| tee -a FILE` for a tee), as :func:`all_positional_expanded` writes its calls out.
_PRINTF_TARGET = re.compile(r"(?:>>?[ \t]*|\|[ \t]*(?:sudo[ \t]+)?tee(?:[ \t]+-a)?[ \t]+)([^\s;&|<>()]+)")


def _printf_passes(form: str, operands: list[str]) -> list[str] | None:
    """(scripts66) What each pass of ``printf FORM OPERANDS`` over its conversions prints (:func:`_printf_strings`
    of each pass's arguments); None where that is not computed or the format converts nothing."""
    per_pass = sum(1 + c.count("*") for c in _PRINTF_CONVERSION.findall(form) if c != "%%")
    if not per_pass:
        return None
    passes = [_printf_strings(form, operands[k : k + per_pass]) for k in range(0, len(operands), per_pass)]
    return None if any(p is None for p in passes) else [p for p in passes if p is not None]


def _printed_lines(m: re.Match[str], rest: list[str] | None = None) -> str:
    """(falsealarm65b) :data:`_PRINTF_LINES_WRITTEN`'s printf written as the text it prints, the same length;
    scripts66: where that does not fit and the format is reused, its first pass in place and the others added to
    ``rest`` (:data:`_PRINTF_TARGET`)."""
    given = m.group("given")
    if "$" in given:
        given = _braced_arguments(given)
        if given is None:
            return m.group(0)
    try:
        words = shlex.split(given)
    except ValueError:
        return m.group(0)
    if len(words) < 2 or "$" in words[0] or _PRINTED_ASSIGNMENT.search(words[0]) is None:
        return m.group(0)
    printed = _printf_strings(words[0], words[1:])
    if printed is None or any(c in printed for c in "\"'`\\"):
        return m.group(0)
    text = printed.replace("\n", "\\n")
    written = f'printf "{text}"' if "$" in printed else f"printf '{text}'"
    if len(written) <= len(m.group(0)):
        return written.ljust(len(m.group(0)))
    target = _PRINTF_TARGET.match(m.string, m.end())
    passes = _printf_passes(words[0], words[1:]) if rest is not None and target is not None else None
    if not passes or len(passes) < 2 or target is None or rest is None:
        return m.group(0)
    first, *others = (p.replace("\n", "\\n") for p in passes)
    quote = '"' if "$" in printed else "'"
    written = f"printf {quote}{first}{quote}"
    if len(written) > len(m.group(0)):
        return m.group(0)
    tee = m.string[m.end() : target.start(1)].lstrip()[:1] == "|"
    rest += [f"printf {quote}{o}{quote} {'| tee -a' if tee else '>>'} {target.group(1)}" for o in others]
    return written.ljust(len(m.group(0)))


# quoting59 (stop 59): an assignment whose word is quoted in parts (`R="us-"west-2`, `R=us-'west'-2`, `R="$A"-2`,
# `export R='us-'west-2`; bash(1) "Quote Removal": "all unquoted occurrences of the characters \\, ', and " that did not
# result from one of the above expansions are removed", the word is one word) held only its first part (`us-`) and a
# Region abroad passed every door. Written as one quoted word (single where it holds no `$`), blanks after it, the same
# length. A part holding a substitution, a backslash, a backquote or an unbalanced brace is left as written.
_PARTS_GATE = re.compile(r"""=(?:"[^"\n]*"|'[^'\n]*')[^\s;&|)<>]|=[^\s"';&|()<>=]+["']""")
_PARTS_ASSIGNMENT = re.compile(
    r"""(?:^|(?<=[;&|(\s]))(?P<head>[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]\s]*\])?\+?=)"""
    r"""(?P<word>(?:"[^"\n\\`]*+"|'[^'\n]*+'|[^\s;&|()<>"'\\`]++)++)(?=$|[\s;&|)<>])""",
    re.M,
)
_WORD_PART = re.compile(r""""([^"]*)"|'([^']*)'|([^"']+)""")


def _joined_word(m: re.Match[str], expanded: bool = False) -> str:
    """(quoting59) ``NAME=WORD`` with ``WORD``'s parts written as one quoted word, padded to the same length; as
    written where it is one part, or a part is left as written (:data:`_PARTS_ASSIGNMENT`). mutation60: a word without
    a head too (:data:`_PARTS_ITEM`); where its bare parts would be brace- or pathname-expanded (``expanded``: a loop's
    words, a compound assignment's items) and hold ``*``, ``?``, ``[``, ``~`` or a ``{`` not after ``$``, as written
    (quoted, they would not be)."""
    head = m.group("head") or ""
    parts = list(_WORD_PART.finditer(m.group("word")))
    if len(parts) < 2 or all(p.group(3) is not None for p in parts):
        return m.group(0)
    texts = [next(t for t in p.groups() if t is not None) for p in parts]
    if any("$(" in t or t.count("{") != t.count("}") for t in texts):
        return m.group(0)
    if expanded and any(p.group(3) is not None and _EXPANDED_BARE.search(p.group(3)) for p in parts):
        return m.group(0)
    if any("$" in t for p, t in zip(parts, texts, strict=True) if p.group(2) is None):
        if any(c in t for p, t in zip(parts, texts, strict=True) if p.group(2) is not None for c in '$"\\`'):
            return m.group(0)  # a single-quoted `$` would be expanded inside double quotes
        return f'{head}"{"".join(texts)}"'.ljust(len(m.group(0)))
    return f"{head}'{''.join(texts)}'".ljust(len(m.group(0)))


# mutation60 (stop 60): a word quoted in parts where quoting59 read assignments only: an element's assignment
# (`RS[1]=us-"west"-2`, `RS[$i]=...`: the head above), a compound assignment's items (`RS=(eu-west-1 us-"west"-2)`,
# `([dr]=us-'west'-2)`), a `for` loop's words (`for R in eu-west-1 us-"west"-2`) and a here-string's word (`read -r R
# <<< us-"west"-2`); bash(1) "Quote Removal" makes each one word. Each held its first part (or nothing) and a Region
# abroad passed every door. The same joining, the same offsets.
_PARTS_SPAN = re.compile(
    r"""(?:^|(?<=[;&|(\s]))(?:[A-Za-z_][A-Za-z0-9_]*\+?=\((?P<items>[^()\n]*)\)"""
    r"""|for[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]+in[ \t]+(?P<words>[^;\n]*))"""
    r"""|<<<[ \t]*(?P<here>(?:"[^"\n\\`]*+"|'[^'\n]*+'|[^\s;&|()<>"'\\`]++)++)""",
    re.M,
)
_PARTS_ITEM = re.compile(
    r"""(?:^|(?<=\s))(?P<head>\[[^\]\s]*\]\+?=)?"""
    r"""(?P<word>(?:"[^"\n\\`]*+"|'[^'\n]*+'|[^\s;&|()<>"'\\`]++)++)(?=$|[\s;&|)<>])"""
)
_EXPANDED_BARE = re.compile(r"[*?\[~]|(?<!\$)\{")
_PARTS_ANYWHERE = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*')[^\s;&|)<>]|[^\s"';&|()<>=]["']""")


def _joined_span(m: re.Match[str]) -> str:
    """(mutation60) A :data:`_PARTS_SPAN` with each of its words quoted in parts joined (:func:`_joined_word`)."""
    name = m.lastgroup or ""
    start, end = m.start(name) - m.start(), m.end(name) - m.start()
    if name == "here":
        inner = _PARTS_ITEM.sub(_joined_word, m.group(name))
    else:
        inner = _PARTS_ITEM.sub(functools.partial(_joined_word, expanded=True), m.group(name))
    return m.group(0)[:start] + inner + m.group(0)[end:]


def quoted_parts_joined(script: str) -> str:
    """(quoting59) ``script`` with each assignment whose word is quoted in parts written as one quoted word
    (:data:`_PARTS_ASSIGNMENT`), the same offsets. Gate: a quoted part after ``=`` with more after it, or a quote
    inside a bare word after ``=`` (:data:`_PARTS_GATE`). mutation60: and each such word of a compound assignment, a
    loop's words or a here-string (:data:`_PARTS_SPAN`); gate: a quote beside another part anywhere
    (:data:`_PARTS_ANYWHERE`)."""
    if "=" in script and _PARTS_GATE.search(script) is not None:
        script = _PARTS_ASSIGNMENT.sub(_joined_word, script)
    if ("(" in script or "for" in script or "<<<" in script) and _PARTS_ANYWHERE.search(script) is not None:
        script = _PARTS_SPAN.sub(_joined_span, script)
    return script


# mutation57: `read [-r] [-t N] NAME <<DELIM` and the here-document's first line (bash(1) "Here Documents": "the lines
# in the here-document are not expanded" when the delimiter is quoted, else they undergo "parameter expansion, command
# substitution, and arithmetic expansion"; "If the redirection operator is <<-, then all leading tab characters are
# stripped"; read: one line, one name given it whole, leading and trailing IFS blanks removed). `read -r R <<EOF` then
# `us-west-2` then `EOF`, and `--region "$R"`, passed every door (mutation57). Other options (`-d`, `-a`, `-n`, `-p`)
# and several names are left as written.
# scripts57b: with `-p PROMPT` / `-n NCHARS` too, and several names or `-a NAME` (each name its field,
# :func:`ifs_fields`; a line holding an expansion gives each name the line whole, as a here-string's does: the engine
# fails it closed).
# mutation59 (stop 59): and `-d DELIM` (read: "The first character of delim is used to terminate the input line")
# where the first line holds DELIM: the text before it (`read -r -d : R <<EOF` then `<abroad>:<home>` passed every
# door); a first line without it (the value runs on into the next lines) or `-d ''` is left as written.
_READ_HERE_DOCUMENT = re.compile(
    r"(?<![^\s;&|(])read((?:[ \t]+(?:-r|-r?t[ \t]*[0-9.]+|-r?a|-r?d[ \t]*(?:"
    + READ_DELIMITER_WORD
    + ")"
    + _READ_PROMPT_COUNT
    + r"))*)"
    r"((?:[ \t]+[A-Za-z_][A-Za-z0-9_]*)+)[ \t]*"
    r"<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\4((?:[ \t]*[;&|][^\n]*)?)[ \t]*\n([^\n]*)\n"
)


def _here_document_read(m: re.Match[str]) -> str:
    """(mutation57) ``read NAME <<DELIM`` and the document's first line (:data:`_READ_HERE_DOCUMENT`) written as
    ``NAME=LINE;:<<DELIM`` (the rest of its line kept), the first line left blank (``:`` takes the rest of the
    document): the same length and the same lines. As written where the line is the delimiter (an empty document),
    holds a backslash without ``-r``, or (an unquoted delimiter) a quote or backquote, or the assignment does not
    fit."""
    options, names, dash, quote, delimiter, rest, line = m.groups()
    line = line.lstrip("\t") if dash else line
    if line.strip(" \t") == delimiter or ("\\" in line and "r" not in options):
        return m.group(0)
    # mutation59: the first line up to DELIM (read_delimiter: the one reading of a `-d` word)
    if (stop_at := read_option_delimiter(options)) is not None:
        if not stop_at or stop_at not in line:
            # scripts60b (stop 60): the value runs past the first line (`-d ''`, a NUL, none in a document: its whole
            # body; `-d X` on a later line): read_delimiter's text of the body, written by _past_first_line
            return _past_first_line(m, stop_at)
        line = line.split(stop_at, 1)[0]
    if (count := _read_count(options)) is not None:
        line = line[:count]  # scripts57b: `-n NCHARS`
    if (exact := _read_exact(options)) is not None:  # scripts58: `-N NCHARS` of the first line, as it is (more
        line = line[:exact]  # characters run on into the next line: the first line is judged, never dropped)
    value = line if exact is not None else line.strip(" \t")
    if not quote and any(c in value for c in "\"'`\\"):
        return m.group(0)
    array, several = re.search(r"-r?a", options) is not None, len(names.split()) > 1
    if (array or several) and (quote or "$" not in value):
        fields = ifs_fields(value, None, 1 << 16 if array else len(names.split()))
    else:
        fields = [value] * (1 if array else len(names.split()))
    if quote or "$" not in value:
        fields = [f if _LOOP_WORD.fullmatch(f) else shlex.quote(f) for f in fields]
    else:
        fields = [f if _LOOP_WORD.fullmatch(f) else f'"{f}"' for f in fields]
    if array:
        assigned = f"{names.split()[-1]}=({' '.join(fields)})"
    else:
        assigned = ";".join(f"{n}={f}" for n, f in zip(names.split(), fields, strict=False))
    head = f"{assigned};:<<{dash}{quote}{delimiter}{quote}{rest}\n"
    room = len(m.group(0)) - len(head) - 1
    return m.group(0) if room < 0 else f"{head}{' ' * room}\n"


def _here_document_body(m: re.Match[str]) -> str:
    """The body of the here-document a :data:`_READ_HERE_DOCUMENT` match opens (its first line and the lines after it
    up to the delimiter's line; leading tabs removed for ``<<-``), each line ending with its newline."""
    _, _, dash, _, delimiter, _, first = m.groups()
    body = []
    for written in [first, *m.string[m.end() :].split("\n")]:
        line = written.lstrip("\t") if dash else written
        if line.rstrip("\r") == delimiter:
            break
        body.append(line + "\n")
    return "".join(body)


def _past_first_line(m: re.Match[str], stop_at: str) -> str:
    """(scripts60b) ``read -d X NAMES <<DELIM`` (:data:`_READ_HERE_DOCUMENT`) whose value runs past the document's
    first line (bash(1) "read": "The first character of delim is used to terminate the input line ... If delim is the
    empty string, read will terminate a line when it reads a NUL character"; at the document's end read assigns what
    it read): the body up to X (all of it for ``''`` or an X it does not hold), IFS blanks at its ends removed.
    Written as :func:`_here_document_read` writes a first line (``NAME=VALUE;:<<DELIM``), one assignment of each line
    of the value that is one plain word for one name (the value, newlines and all, is no Region or host name; each
    word line is judged, a superset), each name its field for several; as written where the body holds an expansion,
    a quote or a backslash, no line is a plain word, or the assignments do not fit."""
    options, names, dash, quote, delimiter, rest, _ = m.groups()
    body = _here_document_body(m)
    value = (body.split(stop_at, 1)[0] if stop_at else body).strip(_IFS_BLANKS)
    if any(c in value for c in "$`\\\"'") or not value:
        return m.group(0)
    several = names.split()
    if len(several) > 1 or re.search(r"-r?a", options) is not None:
        return m.group(0)  # several names or an array of a value over lines: left as written (as before)
    words = [line.strip(" \t") for line in value.split("\n")]
    assigned = ";".join(f"{several[0]}={w}" for w in dict.fromkeys(words) if _LOOP_WORD.fullmatch(w))
    if not assigned:
        return m.group(0)
    head = f"{assigned};:<<{dash}{quote}{delimiter}{quote}{rest}\n"
    if len(head) + 1 > len(m.group(0)):  # too long to fit: the input unknown (fail closed), no longer unread
        head = f"{several[0]}={_UNREAD_INPUT};:<<{dash}{quote}{delimiter}{quote}{rest}\n"
    room = len(m.group(0)) - len(head) - 1
    return m.group(0) if room < 0 else f"{head}{' ' * room}\n"


# scripts56: `printf -v NAME FORMAT ARGUMENTS...` with another format or several arguments (`printf -v R '%s-%s' us
# west-2`): what printf prints (:func:`_printf_strings`: the conversions it reads, the format reused for the rest)
_PRINTF_FORMAT_TO_VARIABLE = re.compile(
    r"(?<![^\s;&|(])printf[ \t]+-v[ \t]*(?P<q>['\"]?)(?P<name>[A-Za-z_][A-Za-z0-9_]*"
    r"(?:\[(?:[0-9]+|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})\])?)(?P=q)"
    r"[ \t]+(?P<given>[^\n;&|<>()`]+?)[ \t]*(?=$|[;&|)#])",
    re.M,
)  # scripts57: an argument holding a variable too (`"$A"`; a `$(` is no such word: `(` is not taken)
# falsealarm60 (stop 60): a command substitution of printf assigned (`url=$(printf 'http://%s:%d/x' "$h" 8080)`,
# double-quoted or not) is the same assignment (bash(1) "Command Substitution": "replacing the command substitution
# with the standard output of the command, with any trailing newlines deleted"; `printf -v` assigns that output, its
# trailing newline left out by _printed_assignment too): an argument holding a variable left it unread, and the URL was
# RES-015 with the VPC's host (a false alarm; literal arguments were computed). A format holding `(` / `)` or an
# argument holding a substitution is not taken (unread as before).
_PRINTF_SUBSTITUTED_TO_VARIABLE = re.compile(
    r"(?<![^\s;&|(])(?P<name>[A-Za-z_][A-Za-z0-9_]*)=(?P<dq>\"?)\$\(printf[ \t]+(?P<given>[^\n;&|<>()`]+?)[ \t]*\)"
    r"(?P=dq)(?=$|[ \t;&|)])",
    re.M,
)
# scripts59 (stop 59): and an indexed element (bash(1) "printf": "-v var ... assigns the output to the variable var";
# `printf -v 'A[1]' '%s' WORD` assigns that element, as `A[1]=WORD` does): `${A[1]}` held nothing (a Region abroad
# passed every door); quoting59: a subscript holding a variable too (`printf -v "RS[$i]"`: `RS[$i]=WORD`, any element)


def _printed_assignment(m: re.Match[str]) -> str:
    """(scripts56) ``printf -v NAME FORMAT ARGS`` of literal words written as ``NAME=OUTPUT`` (quoted where it holds a
    blank), padded to the same length; as written when a word holds an expansion, :func:`_printf_strings` does not
    read the format, or the assignment does not fit in it. falsealarm60: one it cannot write so assigns a value not
    known (:func:`_printf_unread`)."""
    given = m.group("given")
    literal = "$" in given and "$" not in without_single_quoted(given)  # falsealarm60: each `$` single-quoted, text
    if "$" in given and not literal:
        given = _braced_arguments(given)
        if given is None:
            return _printf_unread(m)
    try:
        words = shlex.split(given)
    except ValueError:
        return _printf_unread(m)
    if words[:1] == ["--"]:  # mutation57: the end of printf's options (`printf -v R -- '%s' WORD`)
        words = words[1:]
    printed = _printf_strings(words[0], words[1:]) if words and "$" not in words[0] else None
    if printed is None or "\n" in printed.rstrip("\n"):
        return _printf_unread(m)
    printed = printed.rstrip("\n")
    if "$" in printed and not literal:  # scripts57: the variables' values are filled in by the one resolver
        if any(c in printed for c in '"\\`'):
            return _printf_unread(m)
        written = f'{m.group("name")}="{printed}"'
        return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else _printf_unread(m)
    written = f"{m.group('name')}={printed if _LOOP_WORD.fullmatch(printed) else shlex.quote(printed)}"
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else _printf_unread(m)


def _printf_unread(m: re.Match[str]) -> str:
    """(falsealarm60) A ``printf -v NAME FORMAT ARGS`` whose output is not computed written as ``NAME=$(printf FORMAT
    ARGS)``, the same length (bash(1) "printf": "-v var ... assigns the output to the variable var"): NAME holds what
    the one evaluator cannot compute, unknown where it is used (RES-011 / RES-015 at a destination). Left as written,
    NAME was unset there (the environment's: a placeholder) and ``printf -v url 'http://%s:%x/' <partner> 80`` then
    ``curl "$url"`` passed every door. As written when it does not fit (``printf -vNAME``)."""
    if m.group(0).lstrip().startswith(f"{m.group('name')}="):
        return m.group(0)  # `NAME=$(printf ...)` itself
    written = f"{m.group('name')}=$(printf {m.group('given')})"
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else m.group(0)


def _braced_arguments(words: str) -> str | None:
    """(scripts57) printf's arguments ``words`` with each variable written braced (``"$A"`` as ``"${A}"``: printf's
    output keeps the variable apart from the text after it, ``NAME="${A}-2"``, which the engine fills with A's values,
    bash(1) "Parameter Expansion"); None when a ``$`` stands inside single quotes (no expansion: not read here) or
    starts another expansion (``${A:-x}``, ``${#A}``: left as written)."""
    if without_single_quoted(words).count("$") != words.count("$") or "$" in SHELL_PARAMETER.sub("", words):
        return None
    return SHELL_PARAMETER.sub(lambda r: f"${{{r.group(1) or r.group(2)}}}", words)


_WHOLE_INPUT = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$\([^\n]*\)")


def _split_here_string(m: re.Match[str]) -> str:
    """(mutation55) ``[IFS=X] read [-r] [-a] NAMES <<< WORD`` written as the assignments it makes (``A=f1;B=f2``, an
    array ``NAME=(f1 f2)``), padded to the same length; as written when they do not fit in it or one name alone is
    given the word whole (``_READ_HERE_STRING``'s reading)."""
    ifs, options, names, word = m.group(1), m.group(2), m.group(3).split(), m.group(4)
    literal = word[1:-1] if word[:1] in "\"'" else word
    others = f"{m.string[: m.start()]}\n{m.string[m.end() :]}" if word[:1] == '"' and "${" in word else ""
    if others and (unset := _UNSET_DEFAULT.fullmatch(literal)) and not _bound(others, unset.group(1)):
        literal = unset.group(2)  # scripts57: `<<< "${DR:-a b}"` where nothing sets DR: the default word
    array = "a" in options
    if not array and len(names) == 1 and ifs is None:
        return m.group(0)
    if array and word[:1] != "'" and _WHOLE_INPUT.fullmatch(literal) and (ifs is not None or literal[:2] != "$("):
        # scripts59 (stop 59): `IFS=, read -r -a R <<< "$(cmd)"` and `read -a R <<< "$LIST"` split what the input
        # gives at IFS (bash(1) "read"): left as written for array_inputs' `ifs/` reading; written `R=("$LIST")` the
        # value was one item, so `${R[1]}` held nothing (a second Region passed every door)
        return m.group(0)
    if (
        word[:1] != "'"
        and ("$" in literal or "`" in literal)
        and (split := _expanded_fields(literal, ifs_value(ifs), names, array))
    ):
        fields = split
    elif array and ifs is None and literal[:2] == "$(" and substitution_at(literal, 0) == literal:
        # mutation58: `read -a R <<< "$(cmd)"` splits the output's first line into items (bash(1) "read": "-a aname
        # The words are assigned to sequential indices"): left as written for array_inputs' `first-line` reading;
        # written `R=("$(cmd)")` the output was one item, so `${R[1]}` held nothing (a second Region passed)
        return m.group(0)
    elif "$" in literal or "`" in literal:
        fields = [word] * (1 if array else len(names))
    else:
        fields = ifs_fields(literal, ifs_value(ifs), 1 << 16 if array else len(names))
        fields = [f if _LOOP_WORD.fullmatch(f) else shlex.quote(f) for f in fields]
    if array:
        written = f"{names[-1]}=({' '.join(fields)})"
    else:
        written = ";".join(f"{name}={field}" for name, field in zip(names, fields, strict=False))
    return written.ljust(len(m.group(0))) if len(written) <= len(m.group(0)) else m.group(0)


# scripts57 (stop 57): a here-string word that is one default expansion (bash(1) "Parameter Expansion":
# `${parameter:-word}`, "If parameter is unset or null, the expansion of word is substituted") of literal words: where
# the script binds the variable nowhere, the word is what read splits (`read -r -a RS <<< "${DR:-a b}"`: RS=(a b)); a
# variable the script sets is read as before (the word whole, one item).
_UNSET_DEFAULT = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*):?-([^{}$`\"'\\]*)\}")


# scripts64 (stop 64): `eval WORD` of a word holding an expansion, `. FILE` / `source FILE` (bash(1) "Bourne Shell
# Builtins": eval "The args are read and concatenated together into a single command ... executed by the shell";
# `. filename`: "Read and execute commands from the filename argument in the current shell context"). What they
# run may set any variable; the script's own lines decide the names it assigns, so the unknown reaches only the names
# no line of the script assigns or binds (`eval "$(ssh-agent -s)"` leaves `R=eu-west-1` as it is).
_SOURCED = re.compile(  # at a command's place (`cp -r . /opt/app` sources nothing)
    r"(?:^|[;&|({]|\b(?:then|do|else)\b)[ \t]*"
    r"(?:eval[ \t]+(?P<eval>\"[^\"\n]*\"|[^\s;&|]+)|(?:\.|source)[ \t]+(?P<file>[^\s;&|)<>]+))",
    re.M,
)
_REFERENCED = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[}:#%/^,@\[-]|([A-Za-z_][A-Za-z0-9_]*))")


def sourced_unknowns(script: str, files: Mapping[str, str]) -> list[tuple[int, str, frozenset[str]]]:
    """(scripts64) Each ``eval`` of a word holding an expansion or a substitution and each ``.`` / ``source`` of a
    file ``script`` does not write (``files``; one it writes is read as its lines), as ``(offset, the text as a
    substitution, the names it may set)``: the names referenced after it that no line of the script assigns or binds
    (:func:`_bound`). A here-document's body is data (not read)."""
    if "eval" not in script and "source" not in script and ". " not in script:
        return []
    bodies = [(a, b) for a, b in _heredoc_spans(script)] if "<<" in script else []
    out: list[tuple[int, str, frozenset[str]]] = []
    for m in _SOURCED.finditer(script):
        if any(a <= m.start() < b for a, b in bodies):
            continue
        word, file = m.group("eval"), m.group("file")
        if word is not None and "$" not in word and "`" not in word:
            continue  # a literal eval (`eval "RS=(a b)"`): the readers of its text read it
        if file is not None and (file.strip("\"'") in files or file.startswith("-")):
            continue
        text = f"$(eval {word})" if word is not None else f"$(. {file})"
        names = frozenset(
            n for a, b in _REFERENCED.findall(script, m.end()) if not _bound(script, n := a or b) and n not in _SPECIAL
        )
        if names:
            out.append((m.start(), text, names))
    return out


_SPECIAL = frozenset({"HOME", "PATH", "PWD", "USER", "HOSTNAME", "SHELL", "UID", "EUID", "RANDOM", "LINENO", "IFS"})
"""(scripts64) Variables the shell itself sets (bash(1) "Shell Variables"): never the names an eval gives."""


def _heredoc_spans(script: str) -> list[tuple[int, int]]:
    """(scripts64) The offsets of each here-document's body in ``script``."""
    lines = script.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    return [(starts[first + 1], starts[after - 1]) for first, after, _, _ in _heredocs(lines) if after - 1 > first]


def _bound(script: str, name: str) -> bool:
    """(scripts57) Whether ``script`` assigns or binds variable ``name`` anywhere (``NAME=``, ``NAME+=``, ``read``,
    ``for``, ``${NAME:=}``, :data:`_OTHER_BINDING`)."""
    return bool(re.search(rf"(?<![\w$]){name}\+?=", script) or re.search(_OTHER_BINDING.format(name=name), script))


# scripts56b: a here-string's expansions that are whole references (`$DR`, `${DR}`) or a substitution of one word
# (`$(hostname)`): bash(1) "Here Strings": "The word undergoes ... parameter and variable expansion, command
# substitution", then read splits the result ("Word Splitting"). The fields are split as written, each holding an
# expansion written double-quoted, so the one resolver fills it with what the variable holds (a substitution it cannot
# compute fails closed at a destination). A value holding an IFS character would split further: not read (see
# docs/residency.md, *Scripts and user data, round 12, part 2 (stop 56)*).
_SIMPLE_EXPANSION = re.compile(r"\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*|\([^()\s`$\"']*\))")


def _expanded_fields(literal: str, ifs: str | None, names: list[str], array: bool) -> list[str] | None:
    """(scripts56b) The fields ``read`` gives from a here-string word ``literal`` holding only simple expansions
    (:data:`_SIMPLE_EXPANSION`), each holding an expansion double-quoted; None for any other expansion or an IFS
    character inside one."""
    bare = _SIMPLE_EXPANSION.sub("", literal)
    if "$" in bare or "`" in bare or "\\" in literal:
        return None
    if ifs and any(c in m.group(0) for m in _SIMPLE_EXPANSION.finditer(literal) for c in ifs):
        return None
    fields = ifs_fields(literal, ifs, 1 << 16 if array else len(names))
    return [f'"{f}"' if "$" in f else f if _LOOP_WORD.fullmatch(f) else shlex.quote(f) for f in fields]


def _echoed_values(words: list[str], reaching: Mapping[str, Sequence[str]]) -> list[str] | None:
    """The values an ``echo`` prints: its line of literal words (scripts50: a JSON document for jq, ``a,b,c`` for cut)
    or one whole reference with ``reaching`` values; None for any other command or word."""
    items = _echoed_items(words)
    if items is None or not items.strip():
        return None
    whole = re.fullmatch(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))", items)
    if whole is not None:
        values = reaching.get(whole.group(1) or whole.group(2))
        return list(values) if values else None
    if "[" in items and (every := _EVERY_ELEMENT.fullmatch(items)) is not None:
        # falsealarm62 (stop 62): bash(1) "Arrays": "${name[@]} expands each element of name to a separate word";
        # echo writes them on one line, `printf '%s\n'` one a line: each item, as a line of several words is judged
        # word by word (`for r in $(f)` splits either); an item not known leaves the whole unknown
        values = reaching.get(f"{every.group(1)}[{every.group(2)}]")
        return list(values) if values and not any(c in v for v in values for c in "$`") else None
    return None if any(c in items for c in "$`") else [items]


_EVERY_ELEMENT = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\[([@*])\]\}")


# scripts50: the text filters the engine applies to a value a pipeline passes through (`$(echo X | F | ...)`, `echo X |
# F | xargs ...`). Each filter is read from its words: what it does to one line (None when the engine cannot apply it)
# and the texts it writes into the line (a substitution's replacement), judged when the input is not known.
class _TextFilter(NamedTuple):
    apply: Callable[[str], str | None] | None  # fnros55b: None for a text it cannot compute
    texts: tuple[str, ...] = ()


_FILTER_NAMES = ("sed", "awk", "perl", "tr", "cut", "jq")
# awk's sub / gsub statements (POSIX awk "String Functions": sub(ere, repl[, in]) on $0 when `in` is omitted), a
# program of them followed by a pattern that prints the record (`1`) or a `print` / `print $0` statement.
_AWK_SUB = re.compile(
    r'(g?sub)\(\s*(?:/((?:\\.|[^/\\])*)/|"((?:\\.|[^"\\])*)")\s*,\s*"((?:\\.|[^"\\])*)"\s*\)[ \t]*;?[ \t]*'
)
_AWK_BLOCK = re.compile(r"\s*\{(?P<body>[^{}]*)\}\s*(?P<one>1)?\s*")
_BLANKS = re.compile(r"\s*")
_AWK_PRINT = re.compile(r"print(?:\s+\$0)?\s*;?\s*")
_AWK_PRINT_FIELD = re.compile(r"\s*\{\s*print\s+\$([1-9][0-9]*)\s*;?\s*\}\s*")
_SED_DELIMITERS = "|#@,%!~^:;"


def text_filter(words: list[str]) -> _TextFilter | None:
    """A pipeline stage as a text filter (``sed``, ``perl -pe``, ``awk``'s sub / gsub / print of a field, ``tr``,
    ``cut``, ``jq``); None for any other command."""
    reader = _FILTER_READERS.get(words[0].rsplit("/", 1)[-1]) if words else None
    return reader(words[1:]) if reader is not None else None


def _sed_filter(args: list[str]) -> _TextFilter:
    """sed without a file operand: its script applied by the engine's sed reader (GNU sed "The s Command")."""
    sed = _sed_arguments(args)
    expressions, operands = list(sed.expressions), list(sed.operands)
    if not expressions and operands:
        expressions.append(operands.pop(0))
    script = "\n".join(expressions)
    parsed = _sed_commands(script, sed.extended) if sed.applicable and not operands and not sed.in_place else None
    return _TextFilter(_sed_applier(parsed), _sed_texts(script))


def _sed_applier(commands: list[_SedCommand] | None) -> Callable[[str], str] | None:
    if commands is None:
        return None
    return lambda text: _sed_apply(commands, text)


def _perl_filter(args: list[str]) -> _TextFilter | None:
    """``perl -pe 's/A/B/'`` (perlrun: -p loops over the lines and prints each; -e the program; -l chomps and adds the
    newline back): a plain substitution applied as sed's (:func:`_perl_as_sed`)."""
    flags: set[str] = set()
    expressions: list[str] = []
    i = 0
    while i < len(args) and args[i].startswith("-") and len(args[i]) > 1:
        flags |= set(args[i][1:])
        if args[i].endswith("e") and i + 1 < len(args):
            expressions.append(args[i + 1])
            i += 1
        i += 1
    if not expressions or "p" not in flags:
        return None
    converted = [_perl_as_sed(e) for e in expressions]
    plain = flags <= {"p", "e", "l"} and i == len(args) and None not in converted
    script = "\n".join(c if c is not None else e for c, e in zip(converted, expressions, strict=True))
    return _TextFilter(_sed_applier(_sed_commands(script, extended=True) if plain else None), _sed_texts(script))


def _awk_filter(args: list[str]) -> _TextFilter | None:
    """awk's ``{sub(/A/, "B")}1`` / ``{gsub("A", "B"); print}`` (applied as sed's ``s/A/B/`` / ``s/A/B/g``, ERE; ``&``
    the matched text in both) and ``-F SEP '{print $N}'`` (the Nth field; the default separator splits at blanks)."""
    separator: str | None = None
    if args[:1] == ["-F"] and len(args) > 1:
        separator, args = args[1], args[2:]
    elif args[:1] and args[0].startswith("-F") and len(args[0]) > 2:
        separator, args = args[0][2:], args[1:]
    if len(args) != 1:
        return None
    program = args[0]
    field = _AWK_PRINT_FIELD.fullmatch(program)
    if field is not None:
        number = int(field.group(1))
        if separator is not None and (len(separator) != 1 or separator == " "):
            return _TextFilter(None)  # a regular expression or blank separator: not applied
        return _TextFilter(lambda text: _field_lines(text, separator, [(number, number)], cut=False))
    block = _AWK_BLOCK.fullmatch(program)
    read = _awk_substitutions(block.group("body")) if block is not None and separator is None else None
    if block is None or read is None:
        texts = tuple(t for t in (_unescaped(s) for s in _AWK_STRING.findall(program)) if t.strip())
        return _TextFilter(None, texts)
    statements, printed = read
    texts = tuple(replacement for _, _, replacement in statements if replacement.strip())
    if block.group("one") is None and not printed:
        return _TextFilter(None, texts)  # nothing printed
    sed = [_awk_as_sed(*statement) for statement in statements]
    script = "\n".join(s for s in sed if s is not None)
    applier = _sed_applier(_sed_commands(script, extended=True)) if None not in sed else None
    return _TextFilter(applier, texts)


def _after_blanks(text: str, at: int) -> int:
    blanks = _BLANKS.match(text, at)
    return blanks.end() if blanks is not None else at


def _awk_substitutions(body: str) -> tuple[list[tuple[str, str, str]], bool] | None:
    """An awk block's sub / gsub statements (function, ERE, replacement) when it holds only them, then perhaps a
    ``print`` / ``print $0`` (True); None for any other program."""
    statements: list[tuple[str, str, str]] = []
    at = _after_blanks(body, 0)
    while (m := _AWK_SUB.match(body, at)) is not None:
        pattern = m.group(2) if m.group(2) is not None else _unescaped(m.group(3))
        statements.append((m.group(1), pattern, _unescaped(m.group(4))))
        at = _after_blanks(body, m.end())
    rest = body[at:]
    printed = _AWK_PRINT.fullmatch(rest) is not None
    return (statements, printed) if statements and (printed or not rest.strip()) else None


def _awk_as_sed(function: str, pattern: str, replacement: str) -> str | None:
    """An awk sub / gsub as a sed substitution (ERE): awk's ``\\\\&`` is a literal ``&`` as sed's ``\\&``."""
    delimiter = next((d for d in _SED_DELIMITERS if d not in pattern and d not in replacement), None)
    if delimiter is None or "\\" in replacement.replace("\\&", ""):
        return None
    return f"s{delimiter}{pattern}{delimiter}{replacement}{delimiter}{'g' if function == 'gsub' else ''}"


def _tr_filter(args: list[str]) -> _TextFilter:
    """``tr SET1 SET2`` / ``tr -d SET1`` of characters, escapes and ranges (coreutils tr(1)); a class, ``-s`` or
    ``-c`` is not applied."""
    options = [a for a in args if a.startswith("-") and len(a) > 1]
    sets = [_tr_set(a) for a in args if a not in options]
    if options == [] and len(sets) == 2 and sets[0] and sets[1]:
        first, second = sets[0], sets[1]
        table = str.maketrans(first, (second + second[-1] * len(first))[: len(first)])
        return _TextFilter(lambda text: text.translate(table))
    if options == ["-d"] and len(sets) == 1 and sets[0]:
        deleted = str.maketrans("", "", sets[0])
        return _TextFilter(lambda text: text.translate(deleted))
    return _TextFilter(None)


def _cut_filter(args: list[str]) -> _TextFilter:
    """``cut -d D -f LIST`` / ``cut -c LIST`` (coreutils cut(1): "Print selected parts of lines"; a line without the
    delimiter is printed whole; LIST of ``N``, ``N-M``, ``N-``, ``-M`` ranges, comma-separated)."""
    values: dict[str, str] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        option, eq, attached = arg.partition("=") if arg.startswith("--") else (arg[:2], "", arg[2:])
        name = {"--delimiter": "-d", "--fields": "-f", "--characters": "-c"}.get(option, option)
        if name not in ("-d", "-f", "-c"):
            return _TextFilter(None)
        value = attached if (eq or attached) else (args[i + 1] if i + 1 < len(args) else None)
        if value is None:
            return _TextFilter(None)
        values[name] = value
        i += 1 if (eq or attached) else 2
    ranges = _cut_ranges(values.get("-f", values.get("-c", "")))
    delimiter = values.get("-d", "\t")
    if ranges is None or ("-f" in values) == ("-c" in values) or len(delimiter) != 1:
        return _TextFilter(None)
    if "-c" in values:
        return _TextFilter(lambda text: _field_lines(text, "", ranges, cut=True))
    return _TextFilter(lambda text: _field_lines(text, delimiter, ranges, cut=True))


def _cut_ranges(spec: str) -> list[tuple[int, int]] | None:
    ranges: list[tuple[int, int]] = []
    for part in spec.split(","):
        m = re.fullmatch(r"([1-9][0-9]{0,5})?(-)?([1-9][0-9]{0,5})?", part)
        if m is None or not (m.group(1) or m.group(3)) or (m.group(2) is None and m.group(3) is not None):
            return None
        start = int(m.group(1) or 1)
        end = int(m.group(3)) if m.group(3) else (start if m.group(2) is None else 1_000_000)
        ranges.append((start, end))
    return ranges


def _field_lines(text: str, separator: str | None, ranges: list[tuple[int, int]], *, cut: bool) -> str:
    """Each line's fields (1-based, ``ranges``) joined by the separator: ``None`` awk's blanks, ``""`` characters
    (cut -c); ``cut``: a line without the separator is printed whole (coreutils cut: "lines with no field delimiter
    ... are printed"); awk's record without it is its first field."""
    out = []
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        if cut and separator and separator not in line:
            out.append(line)
            continue
        parts = line.split() if separator is None else list(line) if separator == "" else line.split(separator)
        kept = [p for n, p in enumerate(parts, 1) if any(a <= n <= b for a, b in ranges)]
        out.append(("" if separator == "" else " " if separator is None else separator).join(kept))
    return "".join(f"{line}\n" for line in out)


# falsealarm56b (stop 56): jq 1.7 manual, "Regular expressions": `test(re)`, `match(re)`, `capture(re)`, `scan(re)`,
# `split(re; flags)`, `splits(re)`, `sub(re; tostring)`, `gsub(re; tostring)` match their input against the PCRE `re`;
# `split(str)` splits at a literal separator. Either is compared with the input, never contacted.
# scripts58b (stop 58): jq named by its path too (`/usr/bin/jq`, `/usr/local/bin/jq`; bash(1) "COMMAND EXECUTION": "If
# the command name contains one or more slashes, the shell executes the named program"), as _names_jq reads a
# command's name (its last path segment).
_JQ_COMMAND = re.compile(r"(?:^|(?<=[\s|;&(`/]))jq(?=[ \t])", re.MULTILINE)
_JQ_PATTERN_ARGUMENT = re.compile(r'\b(?:test|match|capture|scan|splits?|g?sub)\(\s*("(?:[^"\\\n]|\\.)*")')
_JQ_ESCAPED_PATTERN_ARGUMENT = re.compile(
    r'\b(?:test|match|capture|scan|splits?|g?sub)\(\s*(\\"(?:[^"\\\n]|\\[^"\n])*\\")'
)  # fnros57: the same argument inside a double-quoted word (its quotes escaped)


def jq_patterns_blanked(script: str) -> str:
    """(falsealarm56b) ``script`` with the first argument of each regular-expression call (``capture("^arn:aws:sqs:(?<r>
    [a-z0-9-]+):")``, ``test("^https://sqs\\.R\\.amazonaws\\.com/")``) in a single-quoted ``jq`` program written as
    blanks of the same length (offsets do not move): a pattern is no reference, and the whole-script scan read it as
    an ARN of the unknown Region ``(?<r>[a-z0-9-]+)`` (RES-011 at home), a bucket ``fleet-`` (RES-017) or a host.
    Only that literal at that place: a replacement (``sub(re; "https://...")``, the program's output), any other
    string, the same text elsewhere in the script and a pattern holding an interpolation (``\\(...)``) stay. Gate: the
    word ``jq`` and an opening parenthesis."""
    if "jq" not in script or "(" not in script:
        return script
    spans: list[tuple[int, int]] = []
    for command in _JQ_COMMAND.finditer(script):
        for start, end in _quoted_spans(script, command.end(), "'"):
            for call in _JQ_PATTERN_ARGUMENT.finditer(script, start, end):
                if "\\(" not in call.group(1):
                    spans.append(call.span(1))
        if '\\"' in script:
            # fnros57: and in a double-quoted program, where the pattern's quotes are escaped (`capture(\"^arn:...\")`,
            # bash(1) "Double Quotes"): RES-011 at home as well
            for start, end in _quoted_spans(script, command.end(), '"'):
                for call in _JQ_ESCAPED_PATTERN_ARGUMENT.finditer(script, start, end):
                    if "\\(" not in call.group(1) and "$" not in call.group(1).replace("\\$", ""):
                        spans.append(call.span(1))
    if not spans:
        return script
    chars = list(script)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in chars[start:end]]
    return "".join(chars)


def jq_interpolating_programs(text: str) -> list[tuple[int, int]]:
    """(falsealarm57b) The spans of ``text``'s single-quoted ``jq`` programs holding a string interpolation (jq 1.7
    manual, "String interpolation: ``\\(exp)``": "Inside a string, you can put an expression inside parens after a
    backslash. Whatever the expression returns will be interpolated into the string"): ``jq -rn --arg r "$R"
    '"https://sqs.\\($r).amazonaws.com/"'``. Such a program's text is a template, not the text it prints; the engine
    judges what the one evaluator computes instead where it can (:func:`substitution_values`). Gate: ``\\(``."""
    if "\\(" not in text or "jq" not in text:
        return []
    return [
        (start, end)
        for command in _JQ_COMMAND.finditer(text)
        for start, end in _quoted_spans(text, command.end(), "'")
        if "\\(" in text[start:end]
    ]


def _quoted_spans(script: str, at: int, quote: str) -> Iterator[tuple[int, int]]:
    """The spans of the contents of the words quoted by ``quote`` (``'`` or ``"``) of the command starting at ``at``,
    up to its end: an unquoted newline (a backslash-newline continues it, bash(1) "Quoting"), ``|``, ``;``, ``&`` or
    ``)``; a word quoted the other way is passed over (a double-quoted word's ``\\"`` too). fnros57 (stop 57) added
    the double-quoted words (the lead joined its scanner with the single-quoted one's)."""
    i, n = at, len(script)
    while i < n:
        c = script[i]
        if c == "'":
            close = script.find("'", i + 1)
        elif c == '"':
            close = i + 1
            while close < n and script[close] != '"':
                close += 2 if script[close] == "\\" else 1
        else:
            if c == "\\":
                i += 1
            elif c in "\n|;&)":
                return
            i += 1
            continue
        if not 0 <= close < n:
            return
        if c == quote:
            yield i + 1, close
        i = close + 1


def _jq_filter(args: list[str]) -> _TextFilter:
    """``jq [-r] [-R] PROGRAM`` over one JSON document (``-r``: a string written without its quotes; ``-R``, "Don't
    parse the input as JSON. Instead, each line of text is passed to the filter as a string"; without ``-r`` each
    output as JSON, one a line), the program read by the one jq reader (:mod:`components.residency.jq`: paths,
    pipes, ``select``, ``map``, ``//``, scripts52's ``sub`` / ``gsub``, ...). Any other program or option is not
    applied; the texts the program may write (its literals, replacements) are its texts."""
    variables, args, positional = _jq_variables(args)
    flags = [a for a in args if a.startswith("-")]
    programs = [a for a in args if not a.startswith("-")]
    letters = {c for f in flags if not f.startswith("--") for c in f[1:]}
    long = {f for f in flags if f.startswith("--")}
    if variables is None or letters - _JQ_LETTERS - _JQ_INPUTS or long - {*_JQ_LONG, *_JQ_INPUT_LONG}:
        return _TextFilter(None)
    if len(programs) != 1:
        return _TextFilter(None)
    letters |= {_JQ_LONG.get(f) or _JQ_INPUT_LONG[f] for f in long}
    if letters & _JQ_INPUTS or (_JQ_READS_INPUTS.search(programs[0]) and ("n" in letters or "R" not in letters)):
        # fnros57: -s, or -n with `input` / `inputs` (the documents read); falsealarm57's -n of any other program below;
        # fnros61: `input` / `inputs` without -n (`jq -r '. as $b | input | .r' a.json b.json`: was unread, RES-011)
        return _jq_inputs_filter(programs[0], variables, positional, letters)
    program = jq.read(programs[0], variables, positional)
    if program.run is None:
        # fnros55: the texts the program's literals may write, not the program itself: an unread `env.R` is no host
        # the substitution gives (a Region argument left it alone, taking it for a host: it passed every door)
        return _TextFilter(None, program.texts[:-1])
    printed = functools.partial(
        _jq_printed,
        program.run,
        raw="r" in letters or "j" in letters,
        raw_input="R" in letters,
        form=letters & set("jcS"),
    )
    if "n" in letters:  # falsealarm57: the program runs once on null, whatever the input; a null output is unknown
        return _TextFilter(lambda _: _jq_null_printed(printed), program.texts)
    return _TextFilter(printed, program.texts)


_WHOLE_REFERENCE = re.compile(_VARIABLE_REFERENCE)  # falsealarm59: the one pattern, also in _PORT_USE and _QUAD


def _jq_arguments_resolved(words: list[str], reaching: Mapping[str, Sequence[str]], command: str) -> list[list[str]]:
    """(fnros56) A ``jq`` stage's words with each ``--arg NAME "$VAR"`` / ``--argjson NAME "$VAR"`` value that is one
    whole reference, not single-quoted in ``command`` (bash(1) "Quoting"), to a variable the script gives a value
    (``reaching``, the values the engine's one resolver computed; none holding an expansion) replaced by that value:
    ``ROLE=backup; jq --arg role "$ROLE" ...`` is ``--arg role backup`` (RES-011 before: not applied). (fnros60) A
    variable of several values (``export R=...`` in two branches, read by ``env.R``): one list of words for each
    combination of the values (each judged; at most :data:`_MAX_JQ_CHOICES`, past which the words as written). Any
    other stage or an unset variable: the words as written (the value stays unproven). (fnros57) A word holding
    ``\\$`` inside double quotes is read as bash gives it (:func:`_jq_double_quoted`)."""
    if not _names_jq(words) or ("--arg" not in command and "\\$" not in command):
        return [words]
    out = [_jq_double_quoted(w, command) for w in words] if "\\$" in command else list(words)
    given: list[tuple[int, list[str]]] = []
    for at in range(1, len(words) - 2):
        reference = _WHOLE_REFERENCE.fullmatch(words[at + 2]) if words[at] in ("--arg", "--argjson") else None
        if reference is None or f"'{words[at + 2]}'" in command:
            continue
        values = list(dict.fromkeys(reaching.get(reference.group(1) or reference.group(2)) or ()))
        if values and all("$" not in value and "`" not in value for value in values):
            given.append((at + 2, values))
    if math.prod(len(values) for _, values in given) > _MAX_JQ_CHOICES:
        given = [(at, values) for at, values in given if len(values) == 1]  # the others left as written
    choices = []
    for chosen in itertools.product(*(values for _, values in given)):
        words_chosen = list(out)
        for (at, _), value in zip(given, chosen, strict=True):
            words_chosen[at] = value
        choices.append(words_chosen)
    return choices


_MAX_JQ_CHOICES = 16
"""(fnros60) The most combinations of its ``--arg`` variables' values one jq stage is run with."""


def _jq_choices(stages: list[list[list[str]]]) -> list[tuple[list[str], ...]]:
    """(fnros60) Each combination of a pipeline's jq stages' word choices (:func:`_jq_arguments_resolved`); none past
    :data:`_MAX_JQ_CHOICES` (the caller then reads the stages' words as written: unproven, never one value of
    several)."""
    combinations = list(itertools.islice(itertools.product(*stages), _MAX_JQ_CHOICES + 1))
    return combinations if len(combinations) <= _MAX_JQ_CHOICES else []


def _jq_double_quoted(word: str, command: str) -> str:
    """(fnros57) A jq word as bash gives it: inside double quotes "the backslash retains its special meaning only
    when followed by one of the following characters: $, `, ", \\, or newline" and is removed there (bash(1)
    "Double Quotes"); the splitter keeps ``\\$`` (shlex removes it before ``"`` and ``\\`` only), so ``jq ".[] |
    select(.r == \\$r)"`` was an unread program (jq has no ``\\$``: RES-011 at home). A word written single-quoted
    in ``command`` (its backslashes literal, jq's syntax error) is left as it is."""
    if "\\$" not in word or f"'{word}'" in command:
        return word
    return word.replace("\\$", "$")


def _jq_variables(args: list[str]) -> tuple[dict[str, Any] | None, list[str], list[Any]]:
    """(fnros55b) jq's ``--arg NAME VALUE`` ("passes a value to the jq program as a predefined variable": ``$NAME``,
    a string) and ``--argjson NAME JSON-TEXT`` ("passes a JSON-encoded value") among ``args``, the other arguments,
    and (fnros56) the positional arguments ``--args`` / ``--jsonargs`` give (the manual: "Remaining arguments are
    positional string / JSON text arguments", ``$ARGS.positional``: each word after the program once either is met);
    None for the variables where one cannot be read (a missing value, a JSON text jq may read otherwise, ``$ARGS``
    named by ``--arg``)."""
    variables: dict[str, Any] = {}
    rest: list[str] = []
    positional: list[Any] = []
    mode: str | None = None  # fnros56: --args or --jsonargs, once met
    program = False
    at = 0
    while at < len(args):
        if args[at] in ("--args", "--jsonargs"):
            mode = args[at]
            at += 1
            continue
        if args[at] not in ("--arg", "--argjson"):
            if program and mode is not None and not args[at].startswith("-"):
                if "$" in args[at] or "`" in args[at]:  # a shell expansion kept as written
                    return None, rest, positional
                try:
                    positional.append(args[at] if mode == "--args" else jq.json_value(args[at]))
                except ValueError:
                    return None, rest, positional
            else:
                program = program or not args[at].startswith("-")
                rest.append(args[at])
            at += 1
            continue
        if at + 2 >= len(args) or re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", args[at + 1]) is None:
            return None, rest, positional
        name, text = args[at + 1], args[at + 2]
        if "$" in text or "`" in text or name == "ARGS":  # a shell expansion the words keep as written: not this text
            return None, rest, positional
        try:
            variables[name] = text if args[at] == "--arg" else jq.json_value(text)
        except ValueError:
            return None, rest, positional
        at += 3
    return variables, rest, positional


# mutation56: jq's options that change nothing the program computes, only how it prints (jq 1.6 manual, "Invoking
# jq": "--exit-status / -e: Sets the exit status of jq ..."; "--compact-output / -c: By default, jq pretty-prints JSON
# output. Using this option will result in more compact output"; "--join-output / -j: Like -r but jq won't print a
# newline after each output"; "--sort-keys / -S: Output the fields of each object with the keys in sorted order";
# "--monochrome-output / -M"; each checked with jq 1.6 on this machine): `jq -er '.dr.region'` was an unread filter
# (RES-011 at home too). -C (colour codes in the text), -s and the others change the output or the input: unread.
# falsealarm57 (stop 57): jq 1.7 manual, "--null-input / -n: Don't read any input at all. Instead, the filter is run
# once using null as the input" (`jq -n --arg region R '$ARGS.named'`, a settings document built from arguments).
_JQ_LONG = {"--raw-output": "r", "--raw-input": "R", "--exit-status": "e", "--compact-output": "c",
            "--join-output": "j", "--sort-keys": "S", "--monochrome-output": "M", "--null-input": "n"}  # fmt: skip
_JQ_LETTERS = frozenset(_JQ_LONG.values())


def _jq_null_printed(printed: Callable[[str], str | None]) -> str | None:
    """(falsealarm57) What ``jq -n`` prints (the program run on null), None where it prints only ``null`` (a value the
    program did not find: unknown, as before, not a word ``null`` at a Region argument)."""
    out = printed("null")
    return None if out is None or out.strip() == "null" else out


# fnros57 (stop 57): jq 1.6 manual, "Invoking jq": "--slurp / -s: Instead of running the filter for each JSON object
# in the input, read the entire input stream into a large array and run the filter just once"; "--null-input / -n:
# Don't read any input at all! Instead, the filter is run once using null as the input", its documents read by
# `input` / `inputs` ("Outputs one new input", "Outputs all remaining inputs, one by one"; with -s and -n, the one
# slurped array). Each checked with jq 1.6 on this machine. With -R (lines, not documents) not read.
_JQ_INPUTS = frozenset("s")
_JQ_INPUT_LONG = {"--slurp": "s"}  # `--null-input` is falsealarm57's, in _JQ_LONG
_JQ_READS_INPUTS = re.compile(r"\binputs?\b")


def _jq_inputs_filter(program: str, variables: dict[str, Any], positional: list[Any], letters: set[str]) -> _TextFilter:
    """(fnros57) ``jq -n`` / ``jq -s`` (:data:`_JQ_INPUTS`): the program run once, on null (``-n``, the input's
    documents read by ``input`` / ``inputs``) or on the array of the documents (``-s``); the input's documents as jq
    reads them (:func:`_jq_documents`). The texts are those of the program as read without documents. (fnros61)
    Neither: a program naming ``input`` / ``inputs`` run on each document they leave (jq(1): the filter runs for each
    JSON text; ``input`` "Outputs one new input"), :func:`jq.read`'s ``each``."""
    alone = jq.read(program, variables, positional)
    texts = alone.texts[:-1] if alone.run is None else alone.texts  # as _jq_filter's: not the unread program itself
    if "R" in letters:
        return _TextFilter(None, texts)

    def printed(text: str) -> str | None:
        documents = _jq_documents(text)
        if documents is None:
            return None
        fed = [documents] if "s" in letters else documents
        each = not letters & {"n", "s"}  # fnros61: without -n, each document not taken by `input` is `.` for a run
        run = jq.read(program, variables, positional, fed if "n" in letters or each else (), each=each).run
        got = None if run is None else run(None if "n" in letters or each else fed[0])
        out = None if got is None else _jq_formatted(got, raw="r" in letters or "j" in letters, form=letters)
        # falsealarm57's reading of -n: an output of only `null` is a value the program did not find (unknown)
        return None if out is None or ("n" in letters and out.strip() == "null") else out

    return _TextFilter(printed, texts)


def _jq_documents(text: str) -> list[Any] | None:
    """(fnros57) The JSON texts jq reads from ``text`` one after another (blanks between them), each as jq 1.6 reads
    it (:func:`jq.json_value`); None where one is not read."""
    decoder = json.JSONDecoder()
    documents: list[Any] = []
    at = 0
    while text[at:].strip():
        at = len(text) - len(text[at:].lstrip())
        try:
            _, end = decoder.raw_decode(text, at)
            documents.append(jq.json_value(text[at:end]))
        except ValueError:
            return None
        at = end
        if len(documents) > _MAX_JQ_DOCUMENTS:
            return None
    return documents


_MAX_JQ_DOCUMENTS = 64


def _jq_formatted(got: list[Any], *, raw: bool, form: frozenset[str] | set[str]) -> str:
    """What jq prints for its outputs ``got`` (mutation56: ``form``'s ``j`` joins them with no newline, ``c`` prints
    JSON compact, ``S`` its keys sorted; ``raw``: a string without its quotes)."""
    printed = [
        out
        if raw and isinstance(out, str)
        else json.dumps(out, sort_keys="S" in form, separators=(",", ":") if "c" in form else None)
        for out in got
    ]
    return "".join(printed) if "j" in form else "".join(f"{line}\n" for line in printed)


def _jq_printed(
    run: Callable[[Any], list[Any] | None], text: str, *, raw: bool, raw_input: bool, form: frozenset[str] | set[str]
) -> str | None:
    """What jq prints for ``text``: each output on a line ("" where the input is no JSON); (fnros55b) None where the
    reader gives no value for it (jq's error or the subset's limit at run time, ``.t[$i]`` of ``--argjson i 1.5``):
    unknown, not an empty line (a Region argument took "" for the machine's own: it passed). mutation56: ``form``'s
    ``j`` joins the outputs with no newline, ``c`` prints JSON compact, ``S`` its keys sorted. (fnros60) Each JSON
    text of the input in turn (jq(1): the filter runs "for each JSON object in the input"; at a text it cannot parse
    jq stops, the outputs before printed; checked with jq 1.6): ``echo '{"r": "eu-west-1"} {"r": "us-east-1"}' | jq
    -r .r`` prints both (it was "": the second Region passed every door); more than :data:`_MAX_JQ_DOCUMENTS`: None."""
    inputs: list[Any] = text.splitlines() if raw_input else []
    decoder, at = json.JSONDecoder(), 0
    while not raw_input:
        at = len(text) - len(text[at:].lstrip(" \t\n\r"))
        if at >= len(text):
            break
        try:
            document, at = decoder.raw_decode(text, at)
        except ValueError:
            break  # jq's parse error: what it printed before stays
        inputs.append(document)
        if len(inputs) > _MAX_JQ_DOCUMENTS:
            return None
    printed: list[Any] = []
    for value in inputs:
        got = run(value)
        if got is None:
            return None
        printed += got
    return _jq_formatted(printed, raw=raw, form=form)  # fnros57: the one formatting of jq's outputs


_FILTER_READERS: dict[str, Callable[[list[str]], _TextFilter | None]] = {
    "sed": _sed_filter,
    "perl": _perl_filter,
    "awk": _awk_filter,
    "gawk": _awk_filter,
    "tr": _tr_filter,
    "cut": _cut_filter,
    "jq": _jq_filter,
}


def filtered(values: Sequence[str], filters: Sequence[_TextFilter]) -> list[str] | None:
    """Each value (one line) through the filters in order; None when one of them is not applied."""
    out = []
    for value in values:
        text = f"{value}\n"
        for f in filters:
            if f.apply is None:
                return None
            applied = f.apply(text)
            if applied is None:  # fnros55b: the filter could not compute this text
                return None
            text = applied
        out.append(text.strip())
    return out
