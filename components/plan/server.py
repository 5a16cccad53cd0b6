"""The warm plan server: the provider SDKs imported once, every plan run in a fresh fork (issue 13).

Most of a plan of every stack is not planning: executing the provider SDK modules the programs use
(``pulumi_aws.ec2``, ``pulumi_alicloud.rds``, ... thousands of classes) takes 1.6-1.9 s of one core
in every new interpreter. ``make plan`` therefore asks a server that has done that once, as
Gradle's daemon or ``dmypy`` do: the server imports the third-party modules and waits on a Unix
socket; each run is a fork of it that receives the caller's working directory, environment,
arguments and standard streams, imports *this project's* code afresh from disk, runs
:func:`components.plan.cli.main` and reports the exit code. Started by the first run that needs it,
it exits after ``SOVEREIGN_PLAN_SERVER_IDLE`` seconds without a request (default 900).

Why a fork cannot give a stale verdict:

- The server imports no code of this project beyond this module, ``components/__init__.py`` and
  ``components/plan/__init__.py`` (lazy) and :mod:`components.precompile` (the module list); the
  engine, the catalogue data, the components and the stacks are read by each fork, from disk.
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


def _run_fork(conn: socket.socket, snapshot: dict[str, tuple[int, int]]) -> None:
    """A fork: adopt the caller's process state, plan, report the exit code. Never returns."""
    code = 2
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        _, fds, _, _ = socket.recv_fds(conn, 1, 3)
        reader = conn.makefile("rb")
        request = _receive(reader)
        if request is None or len(fds) != 3:
            os._exit(2)
        reason = _stale(snapshot, request["identity"])
        if reason is not None:
            _send(conn, {"stale": reason})
            os.kill(os.getppid(), signal.SIGTERM)
            os._exit(0)
        _send(conn, {"pid": os.getpid()})
        _adopt_streams(fds, request["encoding"])
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
    forks: set[int] = set()
    last = time.monotonic()
    print(f"serving plans on {path} (pid {os.getpid()}, {len(snapshot)} files watched)", flush=True)
    try:
        while not stopping:
            _reap(forks)
            if not forks and time.monotonic() - last > idle:
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
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    _run_fork(conn, snapshot)
                forks.add(pid)
        print("stopped", flush=True)
        return 0
    finally:
        release()


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
