"""Run Pulumi program code under the sovereign mocks and hand back what it registered.

Pulumi keeps its runtime state in context variables (settings, root stack, config) plus a few
class-level defaults, so a program run leaves traces that break the next one. :class:`MockSession`
installs the mocks and the recorder, and on close restores every such variable to what it was;
:func:`run_pulumi_program` also runs inside a copied context, so planning five stacks in one process
is the same as planning them in five.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import gc
import json
import os
import runpy
import sys
import sysconfig
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from inspect import isawaitable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pulumi
from pulumi.runtime import get_root_resource
from pulumi.runtime.config import set_all_config
from pulumi.runtime.mocks import Mocks, set_mocks

from components._compat import (
    RuntimeSnapshot,
    clear_failed_rpcs,
    ensure_event_loop,
    failed_rpc,
    massage_output,
    reset_runtime_state,
    run_shutdown_callbacks,
    sync_await,
    wait_for_rpcs,
)
from components.simulate.loops import close_at_exit
from components.simulate.mocks import SovereignMocks
from components.simulate.recorder import InvokeRecord, RecordingMonitor, ResourceRecord, Secret
from components.simulate.tuning import tuned_run, tuned_setup

__all__ = ["UNKNOWN", "MockSession", "ProgramRun", "ProgramFile", "run_pulumi_program"]

Program = Callable[[], Any] | Path | str  # a ProgramFile is a Callable too


class _Unknown:
    """A stack output whose value is unknown (only in preview)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()


@dataclass(frozen=True)
class ProgramRun:
    """Everything one program run registered, read, invoked and exported."""

    project: str
    stack: str
    preview: bool
    resources: tuple[ResourceRecord, ...]
    """Resource records in the order the engine received them."""
    invokes: tuple[InvokeRecord, ...]
    outputs: Mapping[str, Any]
    """Stack exports, resolved. Secret exports are :class:`Secret`, unknown ones :data:`UNKNOWN`.
    Empty when the run failed (outputs of a failed run may never resolve)."""
    error: BaseException | None = None
    """The first exception the program raised (directly, in an apply, or in a registration)."""
    value: Any = None
    """The resolved return value of a callable program (handy in tests), else None."""
    _index: dict[str, list[ResourceRecord]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when the program ran without error."""
        return self.error is None

    def by_type(self, token: str) -> tuple[ResourceRecord, ...]:
        """Records of type ``token`` (e.g. ``aws:s3/bucket:Bucket``), in registration order."""
        return tuple(r for r in self.resources if r.type == token)

    def find(self, name: str, type_: str | None = None) -> ResourceRecord:
        """The one record named ``name`` (optionally of ``type_``); LookupError if none or several."""
        if not self._index:
            for record in self.resources:
                self._index.setdefault(record.name, []).append(record)
        matches = [r for r in self._index.get(name, ()) if type_ is None or r.type == type_]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            known = ", ".join(sorted(self._index)) or "none"
            raise LookupError(f"no resource named {name!r}{f' of type {type_}' if type_ else ''}; known: {known}")
        types = ", ".join(r.type for r in matches)
        raise LookupError(f"{len(matches)} resources named {name!r} ({types}); pass type_ to pick one")


def _normalise_config(project: str, config: Mapping[str, Any] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in (config or {}).items():
        full = key if ":" in key else f"{project}:{key}"
        out[full] = value if isinstance(value, str) else json.dumps(value)
    return out


async def _resolve_output(value: Any) -> Any:
    out = pulumi.Output.from_input(massage_output(value))
    known = await out.is_known()
    secret = await out.is_secret()
    resolved = await out.future(with_unknowns=True)
    if not known:
        return UNKNOWN
    return Secret(resolved) if secret else resolved


def _library_roots() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    roots = {paths.get(k, "") for k in ("purelib", "platlib", "stdlib", "platstdlib")}
    roots |= {sys.prefix, sys.base_prefix, sys.exec_prefix}
    return tuple(os.path.realpath(p) + os.sep for p in roots if p)


def _mark_all_failed_futures_retrieved() -> None:
    # A run that failed in several places (e.g. two components each refusing a setting) leaves one
    # rejected future per failure; only the first error is reported, so the others are marked as
    # retrieved too, or asyncio prints their tracebacks at exit. Failure path only (walks the heap).
    for obj in gc.get_objects():
        if isinstance(obj, asyncio.Future) and obj.done() and not obj.cancelled():
            obj.exception()


def _mark_retrieved(error: BaseException) -> None:
    # A failed registration rejects every output future of the resource with the same exception.
    # Nobody awaits them, so asyncio logs "Future exception was never retrieved" whenever they are
    # garbage collected - at an arbitrary point, possibly in the middle of a later compile(), which
    # CPython 3.11 turns into "SystemError: AST constructor recursion depth mismatch". The error is
    # reported through ProgramRun.error, so mark those futures as retrieved now. Failure path only.
    for holder in gc.get_referrers(error):
        if isinstance(holder, asyncio.Future) and holder.done() and not holder.cancelled():
            holder.exception()


class MockSession:
    """Sovereign mocks and the recorder, installed in the current context until :meth:`close`.

    Use it directly (``with MockSession(...) as s: s.run(fn)``) or through the ``pulumi_mocks``
    pytest fixture. Resources may also be created outside :meth:`run` while the session is open;
    :meth:`run` then waits for them too.
    """

    def __init__(
        self,
        *,
        project: str = "sovereign-dc",
        stack: str = "test",
        config: Mapping[str, Any] | None = None,
        secret_keys: list[str] | None = None,
        preview: bool = False,
        mocks: Mocks | None = None,
    ) -> None:
        self.project = project
        self.stack = stack
        self.preview = preview
        self._snapshot = RuntimeSnapshot()
        self._loop = ensure_event_loop()
        close_at_exit(self._loop)
        self._tasks = _TaskLog(self._loop)
        self.mocks: Mocks = mocks if mocks is not None else SovereignMocks()
        self.monitor = RecordingMonitor(self.mocks)
        self._closed = False
        try:
            # A root stack left by earlier code would parent our resources; start from none.
            reset_runtime_state()
            self.configure(config or {}, secret_keys)
            with tuned_setup():
                set_mocks(self.mocks, project=project, stack=stack, preview=preview, monitor=self.monitor)
        except BaseException:
            self._snapshot.restore()
            raise

    def __enter__(self) -> MockSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def configure(self, config: Mapping[str, Any], secret_keys: list[str] | None = None) -> None:
        """Replace the stack config for resources created from now on (same key rules as the runner)."""
        secrets = [k if ":" in k else f"{self.project}:{k}" for k in (secret_keys or [])]
        set_all_config(_normalise_config(self.project, config), secrets)

    @property
    def resources(self) -> tuple[ResourceRecord, ...]:
        """Resources recorded so far (registrations still in flight are not included)."""
        return tuple(self.monitor.records)

    @property
    def invokes(self) -> tuple[InvokeRecord, ...]:
        """Invokes recorded so far."""
        return tuple(self.monitor.invokes)

    def run(self, program: Program | None = None, *, raise_on_error: bool = True) -> ProgramRun:
        """Run ``program`` (a callable, or a path to a ``__main__.py`` or its directory), wait for
        every outstanding registration and apply, and return a :class:`ProgramRun`.

        With no program, just waits for what was already created. ``ProgramRun.error`` holds the
        first exception; with ``raise_on_error`` it is also re-raised (the original object).
        """
        if self._closed:
            raise RuntimeError("MockSession is closed")
        # A failure of an earlier run must not resurface in this one.
        clear_failed_rpcs()
        if isinstance(program, str | Path):
            program = ProgramFile(Path(program))
        with tuned_run(self._loop):
            if isinstance(program, ProgramFile):
                value, error = self._run_path(program)
            else:
                value, error = sync_await(self._drive(program))
            if error is not None:
                _mark_retrieved(error)
                _mark_all_failed_futures_retrieved()
            outputs: dict[str, Any] = {}
            if error is None:
                try:
                    outputs = sync_await(self._exports())
                except Exception as exc:  # an export's own apply may fail
                    error = exc
        result = ProgramRun(
            project=self.project,
            stack=self.stack,
            preview=self.preview,
            resources=self.resources,
            invokes=self.invokes,
            outputs=MappingProxyType(outputs),
            error=error,
            value=value,
        )
        if error is not None and raise_on_error:
            raise error
        return result

    async def _drive(self, program: Callable[[], Any] | None) -> tuple[Any, BaseException | None]:
        error: BaseException | None = None
        returned: Any = None
        try:
            if program is not None:
                returned = program()
                if isawaitable(returned) and not isinstance(returned, pulumi.Output):
                    returned = await returned
        except Exception as exc:
            error = exc
        try:
            await wait_for_rpcs()
        except Exception as exc:
            if error is None:
                # wait_for_rpcs raises whichever failed RPC it popped; the first failure is kept here.
                error = failed_rpc() or exc
        finally:
            await run_shutdown_callbacks()
        value = None
        if error is None and returned is not None:
            try:
                value = await _resolve_output(returned)
            except Exception as exc:
                error = exc
        return value, error

    def _run_path(self, program: ProgramFile) -> tuple[Any, BaseException | None]:
        program_dir = str(program.main.resolve().parent)
        modules_before = set(sys.modules)
        old_cwd = os.getcwd()
        sys.path.insert(0, program_dir)
        os.chdir(program_dir)
        try:
            return sync_await(self._drive(program))
        finally:
            os.chdir(old_cwd)
            with contextlib.suppress(ValueError):
                sys.path.remove(program_dir)
            # Only after the whole run (applies included): a module dropped while its applies are
            # still pending would be re-imported half-way by them.
            _forget_modules(program_dir, modules_before)

    async def _exports(self) -> dict[str, Any]:
        root = get_root_resource()
        exported: dict[str, Any] = dict(getattr(root, "outputs", None) or {})
        return {name: await _resolve_output(value) for name, value in exported.items()}

    def close(self) -> None:
        """Cancel work the program left behind and restore Pulumi's global state."""
        if self._closed:
            return
        self._closed = True
        try:
            self._tasks.close()
            leftover = [t for t in self._tasks.tasks if not t.done()]
            for task in leftover:
                task.cancel()
            if leftover and not self._loop.is_running():
                self._loop.run_until_complete(asyncio.gather(*leftover, return_exceptions=True))
        finally:
            self._snapshot.restore()


class _TaskLog:
    """The tasks created on ``loop`` from now until :meth:`close` (the loop's task factory, chained to any
    earlier one): what a session cancels when it closes.

    ``asyncio.all_tasks`` would find them too, but it walks every task still alive in the process, and with
    the collector paused while programs run (``tuning.collector_paused``) that is every task of every earlier
    run until the next full collection: about 10 ms per session late in a test session.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._previous = loop.get_task_factory()
        self.tasks: list[asyncio.Future[Any]] = []
        loop.set_task_factory(self)

    def __call__(self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Future[Any]:
        task = self._previous(loop, coro, **kwargs) if self._previous else asyncio.Task(coro, loop=loop, **kwargs)
        self.tasks.append(task)
        return task

    def close(self) -> None:
        """Stop logging: the loop's earlier task factory again."""
        if self._loop.get_task_factory() is self:
            self._loop.set_task_factory(self._previous)


@dataclass(frozen=True)
class ProgramFile:
    """A program's ``__main__.py`` (or its directory), run as ``pulumi up`` would run it.

    The runner executes it as ``__main__`` with its directory first on ``sys.path`` and as the cwd,
    and once every registration and apply of the run has finished it forgets the modules the program
    imported from beside itself, so the next run (the next stack) executes them afresh instead of
    reusing the previous stack's module objects. ``prelude`` runs first, in the same run (the plan
    puts its own ``enforce()`` ahead of a program that never calls it).
    """

    path: Path
    prelude: Callable[[], object] | None = None

    @property
    def main(self) -> Path:
        """The ``__main__.py`` file."""
        return self.path / "__main__.py" if self.path.is_dir() else self.path

    def __call__(self) -> None:
        if self.prelude is not None:
            self.prelude()
        runpy.run_path(str(self.main), run_name="__main__")


def _forget_modules(program_dir: str, modules_before: set[str]) -> None:
    # Each stack must re-execute the program's own modules, as a fresh `pulumi up` would. Only
    # modules first imported by this run, living beside the program and not part of an installed
    # library (a .venv often sits beside the program) are dropped.
    prefix = os.path.realpath(program_dir) + os.sep
    libraries = _library_roots()
    for name in set(sys.modules) - modules_before:
        file = getattr(sys.modules.get(name), "__file__", None)
        if not file:
            continue
        real = os.path.realpath(file)
        if real.startswith(prefix) and not real.startswith(libraries):
            del sys.modules[name]


def run_pulumi_program(
    program: Program,
    *,
    project: str,
    stack: str,
    config: Mapping[str, Any] | None = None,
    secret_keys: list[str] | None = None,
    preview: bool = False,
    mocks: Mocks | None = None,
    raise_on_error: bool = True,
) -> ProgramRun:
    """Run a whole Pulumi program under :class:`SovereignMocks` and record it.

    ``program`` is a callable or a path to a ``__main__.py`` (or its directory), executed like
    ``pulumi up`` would: as ``__main__``, with its directory on ``sys.path`` and as the cwd.
    ``config`` keys without a namespace get ``<project>:``; non-string values are JSON-encoded.
    Pulumi's global state is restored afterwards, whatever happens.
    """

    def run_isolated() -> ProgramRun:
        with MockSession(
            project=project, stack=stack, config=config, secret_keys=secret_keys, preview=preview, mocks=mocks
        ) as session:
            return session.run(program, raise_on_error=raise_on_error)

    return contextvars.copy_context().run(run_isolated)
