"""The warm plan server: the provider SDKs imported once, every plan run in a fresh fork (issue 13).

Most of a plan of every stack is not planning: executing the provider SDK modules the programs use
(``pulumi_aws.ec2``, ``pulumi_alicloud.rds``, ... thousands of classes) takes 1.6-1.9 s of one core
in every new interpreter. ``make plan`` therefore asks a server that has done that once, as
Gradle's daemon or ``dmypy`` do: the server imports the third-party modules and waits on a Unix
socket; each run is a fork of it that receives the caller's working directory, environment,
arguments and standard streams, imports *this project's* code afresh from disk, runs
:func:`components.plan.cli.main` and reports the exit code. Since stop 43 that import is done once,
by a *template* (a fork of the server that imports the plan code and waits); a run whose caller has
the template's environment is a fork of the template instead, while nothing the template's import
read has changed (see :class:`_Template`; otherwise the server discards it and forks as before).
Started by the first run that needs it, it exits after ``SOVEREIGN_PLAN_SERVER_IDLE`` seconds
without a request (default 900).

Why a fork cannot give a stale verdict:

- The server imports no code of this project beyond this module, ``components/__init__.py`` and
  ``components/plan/__init__.py`` (lazy) and :mod:`components.precompile` (the module list); the
  engine, the catalogue data, the components and the stacks are read by each fork, from disk, or by
  the template, which is used only while every file it read and every folder an import searches
  keeps its ``stat`` and the caller's environment, folders and umask are the template's.
- Before it runs, each fork checks that every file the server loaded a module from still has the
  size and modification time it had (about 1,400 ``stat`` calls, a few milliseconds), and that the
  caller runs the same interpreter with the same ``sys.path``. If anything changed (``uv sync``, a
  new Python, an edit to this module) the server exits and the caller starts a new one.
- One server serves one interpreter and one checkout: its socket is named by a hash of both.

Its socket and log live in ``$XDG_RUNTIME_DIR/sovereign-dc`` (else ``/tmp/sovereign-dc-<uid>``), a
directory only the owner may enter; the server also checks the peer's uid on every connection.
Where ``fork`` or Unix sockets are missing (Windows), the plan runs in the calling process.

    python -m components.plan.server status | stop
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import io
import json
import os
import signal
import socket
import stat
import struct
import subprocess
import sys
import threading
import time
import types
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

__all__ = ["ENV", "ServerUnavailable", "address", "idle_seconds", "main", "run_through_server", "serve", "wanted"]

ENV = "SOVEREIGN_PLAN_SERVER"
_IDLE_ENV = "SOVEREIGN_PLAN_SERVER_IDLE"
_DIR_ENV = "SOVEREIGN_PLAN_SERVER_DIR"  # tests and unusual hosts: where the socket and log live
_IDLE_DEFAULT = 900.0
_START_TIMEOUT = 120.0  # a cold start compiles bytecode first where none exists yet
_POLL = 1.0
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # components/


class ServerUnavailable(Exception):
    """No server could be reached or started; the caller plans in its own process."""


# ---------------------------------------------------------------------------------------------
# Where: one server per interpreter and checkout


def wanted(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether ``SOVEREIGN_PLAN_SERVER`` asks for the server (``on``); ``off`` or unset: no.

    Raises ``ValueError`` with the fix for any other value.
    """
    value = environ.get(ENV, "off").strip().lower()
    if value in ("on", "1", "yes", "true"):
        return True
    if value in ("off", "0", "no", "false", ""):
        return False
    raise ValueError(
        f"environment variable {ENV}={environ[ENV]!r} is neither 'on' nor 'off'. Fix: set {ENV}=on to use the "
        f"warm plan server, {ENV}=off (or unset it) to plan in this process."
    )


def idle_seconds(environ: dict[str, str] | os._Environ[str] = os.environ) -> float:
    """``SOVEREIGN_PLAN_SERVER_IDLE``: how long the server waits for a request before it exits.

    Raises ``ValueError`` with the fix for anything but a positive number of seconds.
    """
    text = environ.get(_IDLE_ENV, "").strip()
    if not text:
        return _IDLE_DEFAULT
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(
            f"environment variable {_IDLE_ENV}={environ[_IDLE_ENV]!r} is not a positive number of seconds. "
            f"Fix: set it to e.g. 900 (the default, 15 minutes), or unset it."
        )
    return seconds


def _identity() -> dict[str, Any]:
    """What a server must share with its caller: interpreter, import path (bar the script's folder), checkout."""
    return {
        "executable": os.path.realpath(sys.executable),
        "version": sys.version,
        "prefix": sys.prefix,
        "path": sys.path[1:],
        "package": str(_PACKAGE_ROOT),
    }


def _runtime_dir() -> Path:
    configured = os.environ.get(_DIR_ENV)
    if configured:
        return Path(configured)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime) / "sovereign-dc"
    return Path("/tmp") / f"sovereign-dc-{os.getuid()}"  # checked private below


def _private_dir() -> Path:
    """The socket folder, created 0700; refused if another user owns it or can enter it."""
    folder = _runtime_dir()
    try:
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700, parents=True)
        info = os.lstat(folder)
    except OSError as exc:
        raise ServerUnavailable(
            f"cannot use {folder} for the server's socket ({exc.strerror or exc}). "
            f"Fix: set {_DIR_ENV} to a folder you may create."
        ) from None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise ServerUnavailable(
            f"{folder} is not a private folder of this user (owner uid {info.st_uid}, "
            f"mode {oct(info.st_mode & 0o777)}). "
            f"Fix: remove it, or set {_DIR_ENV} to a folder only you can enter."
        )
    return folder


def address() -> tuple[Path, Path, Path]:
    """The socket, lock and log paths of the server for this interpreter and checkout."""
    key = hashlib.sha256(json.dumps(_identity(), sort_keys=True).encode()).hexdigest()[:16]
    folder = _private_dir()
    return folder / f"plan-{key}.sock", folder / f"plan-{key}.lock", folder / f"plan-{key}.log"


# ---------------------------------------------------------------------------------------------
# The wire: one JSON object per line; the caller's standard streams travel as file descriptors


def _send(conn: socket.socket, message: dict[str, Any]) -> None:
    conn.sendall(json.dumps(message).encode() + b"\n")


def _receive(stream: io.BufferedReader) -> dict[str, Any] | None:
    line = stream.readline()
    if not line:
        return None
    message: dict[str, Any] = json.loads(line)
    return message


# ---------------------------------------------------------------------------------------------
# The caller's side


def _connect(path: Path) -> socket.socket | None:
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(str(path))
    except (FileNotFoundError, ConnectionRefusedError):
        conn.close()
        return None
    return conn


@contextlib.contextmanager
def _locked(lock: Path) -> Iterator[None]:
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _start(path: Path, lock: Path, log: Path) -> socket.socket:
    """Connect to the server, starting it first if none listens (one starter at a time)."""
    with _locked(lock):
        conn = _connect(path)
        if conn is not None:
            return conn
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # a server that died without cleaning up
        with open(log, "wb") as log_file:
            process = subprocess.Popen(
                [sys.executable, "-m", "components.plan.server", "serve", str(path)],
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=log_file,
                start_new_session=True,  # not killed with the terminal's process group; it exits when idle
                close_fds=True,
            )
        deadline = time.monotonic() + _START_TIMEOUT
        while time.monotonic() < deadline:
            conn = _connect(path)
            if conn is not None:
                return conn
            if process.poll() is not None:
                break
            time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] if log.exists() else []
        raise ServerUnavailable(f"the warm plan server did not start ({' '.join(tail) or 'no output'}; log: {log})")


def _streams() -> list[int]:
    """The caller's standard streams as file descriptors, to hand to the fork."""
    try:
        return [stream.fileno() for stream in (sys.stdin, sys.stdout, sys.stderr)]
    except (AttributeError, ValueError, OSError):  # closed (None) or not backed by a descriptor
        raise ServerUnavailable("a standard stream of this process is closed or not a file") from None


def _request(conn: socket.socket, argv: Sequence[str], streams: list[int]) -> dict[str, Any]:
    """Hand the run to a fork of the server; returns its last message (``exit`` or ``stale``)."""
    socket.send_fds(conn, [b"S"], streams)
    _send(
        conn,
        {
            "identity": _identity(),
            "argv": list(argv),
            "cwd": os.getcwd(),
            "path0": sys.path[0],
            "env": dict(os.environ),
            "umask": _umask(),
            "encoding": {
                name: [getattr(sys, name).encoding, getattr(sys, name).errors] for name in ("stdin", "stdout", "stderr")
            },
        },
    )
    reader = conn.makefile("rb")
    pid = None
    try:
        while True:
            message = _receive(reader)
            if message is None:
                return {"lost": True}
            if "pid" in message:
                pid = int(message["pid"])
                continue
            return message
    except KeyboardInterrupt:
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGINT)
        raise


def _umask() -> int:
    mask = os.umask(0o077)  # reading it means setting it: put it straight back
    os.umask(mask)
    return mask


def run_through_server(argv: Sequence[str]) -> int:
    """Run ``python -m components.plan argv`` in a fork of the warm server; its exit code.

    Raises ``ValueError`` (with the fix) for a bad ``SOVEREIGN_PLAN_SERVER_IDLE``.
    Raises :class:`ServerUnavailable` when no server can do it (no ``fork``, no Unix sockets, a
    folder that is not private, a server that does not start): the caller then plans in-process.
    """
    idle_seconds()  # a bad value is the caller's error to see, not a server that fails to start
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX") or not hasattr(socket, "send_fds"):
        raise ServerUnavailable("this platform has no fork or Unix sockets")
    streams = _streams()
    path, lock, log = address()
    for _ in range(2):  # a stale server exits at the first request; the second meets a new one
        conn = _connect(path) or _start(path, lock, log)
        with conn:
            answer = _request(conn, argv, streams)
        if "exit" in answer:
            return int(answer["exit"])
        if answer.get("lost"):
            print(
                "error: the warm plan server's worker ended without an exit code, so the plan may be incomplete. "
                f"Fix: run again; if it recurs, run with {ENV}=off and report it with {log}.",
                file=sys.stderr,
            )
            return 2
        _wait_gone(path)
    raise ServerUnavailable("the warm plan server kept answering 'stale'")


def _wait_gone(path: Path, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


# ---------------------------------------------------------------------------------------------
# The server's side


def _preload() -> None:
    """Import the third-party modules a plan needs (never this project's engine, data or stacks)."""
    from components.precompile import PROVIDER_MODULES, SERVER_MODULES, load

    load(("pulumi", "pulumi.runtime", "pulumi.automation", "pydantic", "yaml"))
    for modules in PROVIDER_MODULES.values():
        load(modules)
    load(SERVER_MODULES)


def _module_files() -> dict[str, tuple[int, int]]:
    """Every file a loaded module came from, with its (mtime_ns, size)."""
    files: dict[str, tuple[int, int]] = {}
    for module in list(sys.modules.values()):
        origin = getattr(module, "__file__", None)
        if isinstance(origin, str) and origin not in files:
            with contextlib.suppress(OSError):
                info = os.stat(origin)
                files[origin] = (info.st_mtime_ns, info.st_size)
    with contextlib.suppress(OSError):
        info = os.stat(sys.executable)
        files[sys.executable] = (info.st_mtime_ns, info.st_size)
    return files


def _project_modules() -> list[str]:
    """Loaded modules of this project other than the ones the server is allowed to hold."""
    allowed = {
        "components",
        "components.plan",
        "components.plan.server",
        "components.precompile",
        "__main__",
        "__mp_main__",
    }
    found = []
    for name, module in list(sys.modules.items()):
        origin = getattr(module, "__file__", None)
        if isinstance(origin, str) and origin.startswith(str(_PACKAGE_ROOT)) and name not in allowed:
            found.append(name)
    return sorted(found)


def _stale(snapshot: dict[str, tuple[int, int]], identity: dict[str, Any]) -> str | None:
    if identity != _identity():
        return "the caller runs another interpreter, import path or checkout"
    for origin, before in snapshot.items():
        try:
            info = os.stat(origin)
        except OSError:
            return f"{origin} is gone"
        if (info.st_mtime_ns, info.st_size) != before:
            return f"{origin} changed"
    return None


def _adopt_streams(fds: list[int], encodings: dict[str, list[str]]) -> None:
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    for target, name in enumerate(("stdin", "stdout", "stderr")):
        encoding, errors = encodings[name]
        # As Python opens its own: stderr line-buffered always, stdout when it is a terminal.
        line_buffered = target == 2 or (target == 1 and os.isatty(1))
        stream = open(  # noqa: SIM115 - lives as long as the fork
            target,
            "r" if target == 0 else "w",
            buffering=1 if line_buffered else -1,
            encoding=encoding,
            errors=errors,
            closefd=False,
        )
        setattr(sys, name, stream)


def _adopt_caller(request: dict[str, Any]) -> None:
    """Take the caller's working folder, environment, umask and script folder, as a fresh interpreter has them."""
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()  # TZ may differ, and dates decide expiring declarations
    # The preload imported zoneinfo (pydantic imports it), which reads PYTHONTZPATH once, at import:
    # read the caller's, as a fresh interpreter would.
    import zoneinfo

    zoneinfo.reset_tzpath()
    os.umask(int(request["umask"]))  # files the plan writes (--output) get the caller's permissions
    sys.path[0] = request["path0"]


def _run_fork(
    conn: socket.socket,
    fds: list[int],
    request: dict[str, Any],
    snapshot: dict[str, tuple[int, int]],
    server_pid: int,
) -> None:
    """A worker (a fork of the server, or of the template): adopt the caller's process state, plan,
    report the exit code. Never returns."""
    code = 2
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        reason = _stale(snapshot, request["identity"])
        if reason is not None:
            _send(conn, {"stale": reason})
            os.kill(server_pid, signal.SIGTERM)
            os._exit(0)
        _send(conn, {"pid": os.getpid()})
        _adopt_streams(fds, request["encoding"])
        _adopt_caller(request)
        sys.argv = [sys.argv[0], *request["argv"]]
        gc.unfreeze()
        gc.enable()

        from components.plan.cli import main as plan_main

        code = plan_main(request["argv"])
    except KeyboardInterrupt:
        code = 130
    except BaseException as exc:  # a bug here must still answer the caller, never hang it
        print(f"error: the warm plan server failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        code = 2
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(OSError):
            _send(conn, {"exit": code})
        os._exit(code)


# ---------------------------------------------------------------------------------------------
# The template: this project's plan code imported once, in a process of its own (stop 43)
#
# The server holds no code of this project, so a worker forked from it imports the plan code from
# disk (about 0.2 s of CPU: pydantic model classes, regular expressions, dataclasses). The template
# is a fork of the server that has done that import, in the environment of the request that made
# it, and then waits; a request whose caller has the same environment, working folder, script
# folder and umask is handed to it, and it forks the worker, so the worker starts with the import
# done and the template stays as it was for the next request. It is used only while nothing its
# import read has changed: it records the (mtime_ns, size, inode) of every file the import opened
# (an audit hook sees every ``open``, so data files read at import count as well as modules; since
# perf43 the hook is in a child that does the same import once and exits, :func:`_recorded_import`),
# every folder it listed, the folder of every module it loaded and every folder the import system
# searches (``sys.path_importer_cache``: a new file in any of them changes its mtime, which is how
# "a new file shadows a module" is seen), and compares them before every request. On any
# difference, or a caller in another environment, the server discards it and forks a worker from
# itself, as before (the import read from disk); a new template is made once that plan is done.

_TEMPLATE_TIMEOUT = 120.0  # the template's import at a cold start compiles bytecode where none exists yet
_AUDITED = frozenset({"open", "os.listdir", "os.scandir"})
_Fingerprint = tuple[int, int, int] | None


def _basis(request: dict[str, Any]) -> dict[str, Any]:
    """What a template's import may depend on, of the process state a request carries."""
    return {key: request[key] for key in ("identity", "cwd", "path0", "env", "umask")}


def _own_basis() -> dict[str, Any]:
    """The server's own state as a request carries it (the first caller's: the server inherited it)."""
    return {
        "identity": _identity(),
        "cwd": os.getcwd(),
        "path0": sys.path[0],
        "env": dict(os.environ),
        "umask": _umask(),
    }


def _fingerprint(path: str) -> _Fingerprint:
    try:
        info = os.stat(path)
    except OSError:
        return None  # missing then, missing now: same; a file that appears is a difference
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def _changed(watched: dict[str, _Fingerprint]) -> str | None:
    for path, before in watched.items():
        if _fingerprint(path) != before:
            return f"{path} changed"
    return None


class _Template:
    """The server's handle on its template process."""

    def __init__(self, pid: int, channel: socket.socket, basis: dict[str, Any]) -> None:
        self.pid = pid
        self.channel = channel
        self.reader = channel.makefile("rb")
        self.basis = basis

    def hand(self, conn: socket.socket, fds: list[int], request: dict[str, Any]) -> str | None:
        """Hand the request to the template; None once its worker has it, else why it could not take it."""
        if _basis(request) != self.basis:
            return "the caller's environment, folder or umask differs from the template's"
        try:
            self.channel.settimeout(_TEMPLATE_TIMEOUT)
            socket.send_fds(self.channel, [b"R"], [conn.fileno(), *fds])
            _send(self.channel, request)
            answer = _receive(self.reader)
        except (OSError, ValueError) as exc:
            return f"the template did not answer ({type(exc).__name__}: {exc})"
        if answer is None:
            return "the template ended"
        if "served" in answer:
            return None
        return str(answer.get("declined", "the template declined"))

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.reader.close()
            self.channel.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def _spawn_template(basis: dict[str, Any], snapshot: dict[str, tuple[int, int]], listener: socket.socket) -> _Template:
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    server_pid = os.getpid()
    pid = os.fork()
    if pid == 0:
        listener.close()
        ours.close()
        _template_main(theirs, basis, snapshot, server_pid)
    theirs.close()
    return _Template(pid, ours, basis)


def _watch_list(before: set[str], opened: set[str]) -> list[str]:
    """What an import that found ``before`` in ``sys.modules`` and opened or listed ``opened`` depends on: those paths,
    the file and folder of every module it loaded, every ``sys.path`` entry and every folder the import system
    searches (``sys.path_importer_cache``), sorted."""
    folders = {entry for entry in sys.path_importer_cache if isinstance(entry, str)}
    paths = set(opened)
    for name in set(sys.modules) - before:
        origin = getattr(sys.modules[name], "__file__", None)
        if isinstance(origin, str):
            paths.add(origin)
            folders.add(os.path.dirname(origin))
    return sorted(paths | folders | {p for p in sys.path if p})


def _import_plan_code() -> None:
    """What a worker would import before it plans, imported by the template (and by its recording child): the plan
    code and the components the stacks' program imports (:data:`components.precompile.GROUPS`, whose provider modules
    the server's preload has already executed).

    Why the components too (plancost50): a worker that found them unloaded imported them itself, 34 modules of this
    project, on every warm plan: before forking its plan processes (the parallel plan loads the groups first, on the
    plan's serial path), or, planning one stack after another (busy cores), once per stack, since the runner forgets
    the modules a program imported from beside itself after each stack (``simulate.program._forget_modules``).
    Loaded before the plan, they are shared by its stacks as the parallel plan's processes share them (the same plan,
    byte for byte: ``tests/test_speed.py``), and what their import opened is watched like the rest."""
    from components.precompile import GROUPS, load

    for group in GROUPS:
        load(group)


def _start_recording() -> tuple[int, int]:
    """Fork a child that does the plan code's import once, recording by an audit hook every file it opens and every
    folder it lists, writes :func:`_watch_list` of that import to a pipe as JSON and exits: (its pid, the pipe's
    reading end), for :func:`_recorded`.

    Why a child (perf43): a hook cannot be removed, and one left in the template stays in every worker forked from it,
    one Python call per audited event for the rest of the plan (650,000 events in a plan of every stack, most of them
    ``object.__getattr__`` and ``builtins.id``: 0.16 s of CPU measured for ``--stack de``, 0.36 s for every stack).
    The template does the same import, in the same state, without a hook, while the child runs (on the other core: at
    a cold start the first plan waits for the template's import, not for one after the other)."""
    before = set(sys.modules)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(reader)
            null = os.open(os.devnull, os.O_RDWR)
            for target in range(3):
                os.dup2(null, target)  # what the import writes goes nowhere: the template's own import catches it
            seen: set[str] = set()

            def audit(event: str, args: tuple[Any, ...]) -> None:
                if event in _AUDITED and args and isinstance(args[0], str | bytes):
                    seen.add(os.path.abspath(os.fsdecode(args[0])))

            sys.addaudithook(audit)  # after os.devnull was opened: it is no input of the import
            gc.unfreeze()
            gc.enable()
            with contextlib.suppress(BaseException):  # the template's import meets the same error and reports it
                _import_plan_code()
            with os.fdopen(writer, "w", encoding="utf-8") as out:
                json.dump(_watch_list(before, seen), out)
        finally:
            os._exit(0)
    os.close(writer)
    return pid, reader


def _recorded(recording: tuple[int, int]) -> list[str] | None:
    """What :func:`_start_recording`'s child recorded (None if it wrote nothing readable), once it has ended."""
    pid, reader = recording
    with os.fdopen(reader, "r", encoding="utf-8") as source:
        text = source.read()
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    try:
        paths = json.loads(text)
    except ValueError:
        return None
    return paths if isinstance(paths, list) and all(isinstance(p, str) for p in paths) else None


def _template_import(basis: dict[str, Any]) -> tuple[str | None, dict[str, _Fingerprint]]:
    """Import the plan code as a worker would, in ``basis``'s state; (why it is unusable or None, what to watch)."""
    _adopt_caller(basis)
    sys.argv = sys.argv[:1]  # no project module reads the arguments at import
    before = set(sys.modules)
    recording = _start_recording()

    # What the import writes would go to the caller's streams in a fresh process: catch it (a template
    # whose import writes anything is not used), and stand-in stream objects show whether any module
    # kept a reference to a standard stream at import (it would hold the template's, not the caller's).
    import tempfile

    capture = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
    saved = [os.dup(0), os.dup(1), os.dup(2)]
    for target in (1, 2):
        os.dup2(capture.fileno(), target)
    originals = (sys.stdin, sys.stdout, sys.stderr)
    stand_ins = [open(target, "r" if target == 0 else "w", closefd=False) for target in range(3)]  # noqa: SIM115
    sys.stdin, sys.stdout, sys.stderr = stand_ins
    problem: str | None = None
    gc.unfreeze()
    gc.enable()
    try:
        _import_plan_code()
    except BaseException as exc:  # a fresh interpreter meets the same error: the fallback reports it
        problem = f"the import failed ({type(exc).__name__}: {exc})"
    finally:
        for stream in stand_ins[1:]:
            with contextlib.suppress(Exception):
                stream.flush()
        sys.stdin, sys.stdout, sys.stderr = originals
        for target, fd in enumerate(saved):
            os.dup2(fd, target)
            os.close(fd)
    if problem is None and os.fstat(capture.fileno()).st_size:
        problem = "the import wrote to a standard stream"
    capture.close()
    if problem is None:
        holders = [
            type(holder).__name__
            for holder in gc.get_referrers(*stand_ins)
            if holder is not stand_ins and not isinstance(holder, types.FrameType)
        ]
        if holders:
            problem = f"a module kept a standard stream at import (held by {', '.join(sorted(holders))})"
    if problem is None and threading.active_count() != 1:
        problem = "the import started threads, which a fork would not carry"
    for stream in stand_ins:
        with contextlib.suppress(Exception):
            stream.close()
    recorded = _recorded(recording)
    if problem is None and recorded is None:
        problem = "the import's reads could not be recorded"
    # The same import in the same state loads the same modules from the same files; one that did not (a file changed
    # while the two imports ran) is not used.
    unrecorded = set(_watch_list(before, set())) - set(recorded or ())
    if problem is None and unrecorded:
        problem = f"the import loaded from {min(unrecorded)}, which its recorded run did not"
    watched = {path: _fingerprint(path) for path in recorded or ()}
    gc.freeze()  # the workers share the imported heap, as they share the server's
    return problem, watched


def _template_main(
    channel: socket.socket, basis: dict[str, Any], snapshot: dict[str, tuple[int, int]], server_pid: int
) -> None:
    """The template: import, then fork one worker per request handed over while nothing changed. Never returns."""
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # its workers are reaped by the system; each resets it
        problem, watched = _template_import(basis)
        reader = channel.makefile("rb")
        while True:
            _, fds, _, _ = socket.recv_fds(channel, 1, 4)
            request = _receive(reader)
            if request is None or len(fds) != 4:
                break  # the server is gone
            reason = problem or _changed(watched)
            if reason is not None:
                for fd in fds:
                    os.close(fd)
                _send(channel, {"declined": reason})
                break
            pid = os.fork()
            if pid == 0:
                reader.close()  # the socket's descriptor closes only once its file object is closed too
                channel.close()
                _run_fork(socket.socket(fileno=fds[0]), fds[1:], request, snapshot, server_pid)
            for fd in fds:
                os.close(fd)
            _send(channel, {"served": pid})
    except BaseException as exc:
        with contextlib.suppress(Exception):
            print(f"template: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
    finally:
        os._exit(0)


def _prepared() -> dict[str, tuple[int, int]] | None:
    """Preload; the files to watch, or None (with the reason on stderr) when it is not safe to serve."""
    _preload()
    leaked = _project_modules()
    if leaked:  # they would be served stale: refuse to start
        print(f"refusing to serve: the preload imported project modules {leaked}", file=sys.stderr)
        return None
    if threading.active_count() != 1:
        print("refusing to serve: the preload started threads, which a fork would not carry", file=sys.stderr)
        return None
    return _module_files()


def serve(path: Path, idle: float | None = None) -> int:
    """Preload, listen on ``path`` and fork one worker per request until idle for ``idle`` seconds."""
    idle = idle_seconds() if idle is None else idle
    snapshot = _prepared()
    if snapshot is None:
        return 2
    # Frozen without a collection first (0.2 s at every cold start): the forks then share the
    # preloaded heap instead of copying it page by page as their collector walks it.
    gc.freeze()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(path))
    except OSError:
        print(f"another server already listens on {path}", file=sys.stderr)
        return 0
    identity = os.stat(path).st_ino
    listener.listen(16)
    listener.settimeout(_POLL)

    def release() -> None:
        with contextlib.suppress(OSError):
            if os.stat(path).st_ino == identity:  # never remove a successor's socket
                path.unlink()

    stopping = False

    def stop(signum: int, frame: object) -> None:
        # No exception here: the signal may land inside fork()'s at-fork handlers, which swallow
        # one (and the server would go on serving). The socket goes at once, so a successor can
        # bind it; the loop sees the flag at its next turn (at most _POLL seconds).
        nonlocal stopping
        stopping = True
        release()

    signal.signal(signal.SIGTERM, stop)
    workers = _Workers(listener, snapshot)
    last = time.monotonic()
    print(f"serving plans on {path} (pid {os.getpid()}, {len(snapshot)} files watched)", flush=True)
    try:
        while not stopping:
            workers.tend()
            if not workers.forks and time.monotonic() - last > idle:
                print("idle: exiting", flush=True)
                return 0
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            last = time.monotonic()
            with conn:
                if _peer_uid(conn) != os.getuid():
                    continue
                workers.tend()  # a plan that ended since the last turn: its successor's template first
                workers.serve(conn)
        print("stopped", flush=True)
        return 0
    finally:
        workers.close()
        release()


class _Workers:
    """The server's workers: its own forks (the import from disk) and its template (the import done)."""

    def __init__(self, listener: socket.socket, snapshot: dict[str, tuple[int, int]]) -> None:
        self.listener = listener
        self.snapshot = snapshot
        self.forks: set[int] = set()
        self.template: _Template | None = _spawn_template(_own_basis(), snapshot, listener)
        self.wanted: dict[str, Any] | None = None  # the basis of a template to make once the forks are done

    def tend(self) -> None:
        _reap(self.forks)
        if self.template is None and self.wanted is not None and not self.forks:
            # Made after the plan, not beside it: its import would take a core from the plan's workers.
            self.template, self.wanted = _spawn_template(self.wanted, self.snapshot, self.listener), None

    def serve(self, conn: socket.socket) -> None:
        received = _read_request(conn)
        if received is None:
            return
        fds, request = received
        try:
            if self.template is not None:
                reason = self.template.hand(conn, fds, request)
                if reason is None:
                    print("served by the template", flush=True)
                    return
                print(f"template discarded: {reason}", flush=True)
                self.template.discard()
                self.template = None
            self.wanted = _basis(request)
            self.forks.add(_fork_worker(self.listener, conn, fds, request, self.snapshot))
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)

    def close(self) -> None:
        if self.template is not None:
            self.template.discard()


def _fork_worker(
    listener: socket.socket,
    conn: socket.socket,
    fds: list[int],
    request: dict[str, Any],
    snapshot: dict[str, tuple[int, int]],
) -> int:
    """A worker forked from the server itself: it imports this project's code from disk (no template)."""
    pid = os.fork()
    if pid == 0:
        listener.close()
        _run_fork(conn, fds, request, snapshot, os.getppid())
    return pid


def _read_request(conn: socket.socket) -> tuple[list[int], dict[str, Any]] | None:
    """The caller's standard streams and request (None, the descriptors closed, for anything malformed)."""
    fds: list[int] = []
    try:
        conn.settimeout(_START_TIMEOUT)  # a caller sends both at once; never wait on one for ever
        _, fds, _, _ = socket.recv_fds(conn, 1, 3)
        with conn.makefile("rb") as reader:
            request = _receive(reader)
        conn.settimeout(None)
    except (OSError, ValueError):
        request = None
    if request is None or len(fds) != 3:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        return None
    return fds, request


def _reap(forks: set[int]) -> None:
    for pid in list(forks):
        with contextlib.suppress(ChildProcessError):
            done, _ = os.waitpid(pid, os.WNOHANG)
            if not done:
                continue
        forks.discard(pid)


def _peer(conn: socket.socket) -> tuple[int, int] | None:
    """(pid, uid) of the process at the other end of ``conn``; None where the OS does not say (not Linux)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None
    credentials = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid, uid, _ = struct.unpack("3i", credentials)
    return int(pid), int(uid)


def _peer_uid(conn: socket.socket) -> int:
    peer = _peer(conn)
    return os.getuid() if peer is None else peer[1]  # not Linux: the private folder is the only gate


# ---------------------------------------------------------------------------------------------
# python -m components.plan.server serve PATH | status | stop


def _status() -> tuple[Path, socket.socket | None]:
    path, _, _ = address()
    return path, _connect(path)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) == 2 and args[0] == "serve":
        return serve(Path(args[1]))
    if args in (["status"], ["stop"]):
        try:
            path, conn = _status()
        except ServerUnavailable as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if conn is None:
            print(f"no warm plan server for this checkout ({path})")
            return 0 if args == ["stop"] else 1
        with conn:
            peer = _peer(conn)
        if peer is None:
            print(f"a warm plan server listens on {path}; this OS does not say its pid. Fix: end it by its pid.")
            return 0 if args == ["status"] else 2
        server_pid = peer[0]
        if args == ["status"]:
            print(f"warm plan server pid {server_pid} on {path}")
            return 0
        os.kill(server_pid, signal.SIGTERM)
        _wait_gone(path)
        print(f"stopped the warm plan server (pid {server_pid})")
        return 0
    print("usage: python -m components.plan.server status | stop", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
