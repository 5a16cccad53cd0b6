"""Run a rollout plan wave by wave through the Pulumi Automation API.

The CLI boundary is the small ``StackOperations`` protocol: ``AutomationOperations`` is the real
one (one ``LocalWorkspace`` per stack, its backend in the workspace's ``env_vars`` so stacks of
different countries never share process-wide state), ``tests/deploy_recording.py`` the stand-in
the tests use. Within a wave at most ``concurrency`` stacks run at once; after the first failure
no further stack of the wave is started (stacks already running finish: interrupting a Pulumi
update mid-way leaves pending operations in the state) and no later wave runs.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Literal, Protocol

from components.deploy.policy import write_policy_config
from components.deploy.preview_json import write_preview_document
from components.deploy.waves import Invocation, PlannedWave, RolloutPlan
from components.tables import table

__all__ = [
    "AutomationOperations",
    "Changes",
    "OnOutput",
    "WaveRunner",
    "StackOperations",
    "StackResult",
    "StackSession",
    "render_dry_run",
    "render_summary",
]

Changes = Mapping[str, int]
OnOutput = Callable[[str], None]
Status = Literal["succeeded", "failed", "cancelled", "not run"]


class StackSession(Protocol):
    """A created-or-selected stack whose workspace is bound to its jurisdiction's backend."""

    def preview(self, on_output: OnOutput, document: Path | None = None) -> Changes:
        """Run ``pulumi preview`` with the policy pack; save its JSON to ``document``; return the change counts."""
        ...

    def up(self, on_output: OnOutput) -> Changes:
        """Run ``pulumi up`` with the policy pack; return the change counts by operation."""
        ...

    def destroy(self, on_output: OnOutput) -> Changes:
        """Run ``pulumi destroy``; return the change counts by operation."""
        ...


class StackOperations(Protocol):
    """The Pulumi CLI boundary: open (create or select) a stack for an invocation."""

    def open(self, invocation: Invocation) -> StackSession:
        """Create or select ``invocation.stack`` with its backend and secrets provider."""
        ...


class AutomationOperations:
    """``StackOperations`` on the Pulumi Automation API (needs the ``pulumi`` CLI on PATH)."""

    def open(self, invocation: Invocation) -> StackSession:
        """Create or select the stack in a ``LocalWorkspace`` over the project directory."""
        from pulumi import automation as auto

        options = auto.LocalWorkspaceOptions(
            # Per workspace, not os.environ: concurrent stacks of different countries must not
            # see each other's backend. Also overrides any PULUMI_BACKEND_URL the operator set.
            env_vars={"PULUMI_BACKEND_URL": invocation.backend_url},
            # Used by `pulumi stack init` only; an existing stack keeps the provider recorded in
            # its stack file, which the plan has already checked equals this one.
            secrets_provider=None if invocation.secrets_provider == "default" else invocation.secrets_provider,
        )
        # No project_settings/stack_settings: LocalWorkspace would write them into the work dir,
        # beside (not into) stackConfigDir, and the CLI would never read them.
        stack = auto.create_or_select_stack(
            stack_name=invocation.stack, work_dir=str(invocation.project_dir), opts=options
        )
        return _AutomationSession(stack, invocation)


class _AutomationSession:
    def __init__(self, stack: Any, invocation: Invocation) -> None:
        self._stack = stack
        # The CLI finds stack files through stackConfigDir, but LocalWorkspace does not; passing
        # the file explicitly makes the validated file the one the engine reads, with `secure:`
        # values still encrypted and decrypted only by the engine.
        self._config_file = str(invocation.config_file)
        # Stack.preview/up take policy_packs and policy_pack_configs (pulumi/automation/_stack.py),
        # passed on as --policy-pack and --policy-pack-config.
        self._policy = {
            "policy_packs": [str(invocation.policy_pack)],
            "policy_pack_configs": [str(invocation.policy_config_file)],
        }

    def preview(self, on_output: OnOutput, document: Path | None = None) -> Changes:
        events: list[Any] = []
        stdout: list[str] = []

        def capture(line: str) -> None:
            stdout.append(line)
            on_output(line)

        try:
            result = self._stack.preview(
                on_output=capture,
                on_event=events.append,
                config_file=self._config_file,
                color="never",
                json=True,
                **self._policy,
            )
        finally:
            # Saved even when the preview fails (a mandatory policy violation exits non-zero), so the
            # review and the PR comment can still show what was refused.
            if document is not None and stdout:
                with contextlib.suppress(ValueError):
                    write_preview_document(document, "\n".join(stdout), events)
        return _counts(result.change_summary)

    def up(self, on_output: OnOutput) -> Changes:
        result = self._stack.up(
            on_output=on_output, config_file=self._config_file, color="never", show_secrets=False, **self._policy
        )
        return _counts(result.summary.resource_changes)

    def destroy(self, on_output: OnOutput) -> Changes:
        result = self._stack.destroy(
            on_output=on_output, config_file=self._config_file, color="never", show_secrets=False
        )
        return _counts(result.summary.resource_changes)


def _counts(raw: Mapping[Any, int] | None) -> dict[str, int]:
    return {str(op.value if isinstance(op, Enum) else op): int(n) for op, n in (raw or {}).items()}


@dataclass(frozen=True)
class StackResult:
    """What happened to one stack."""

    stack: str
    jurisdiction: str
    wave: str
    command: str
    status: Status
    duration: float | None = None
    changes: Changes | None = None
    error: str | None = None


class WaveRunner:
    """Executes a ``RolloutPlan`` through ``StackOperations``, reporting progress through ``emit``."""

    def __init__(
        self,
        operations: StackOperations,
        emit: Callable[[str], None],
        *,
        show_output: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._operations = operations
        self._emit_unlocked = emit
        self._show_output = show_output
        self._clock = clock
        self._lock = threading.Lock()

    def run(self, plan: RolloutPlan) -> list[StackResult]:
        """Run every wave in order; stop after the first wave with a failure."""
        results: list[StackResult] = []
        stopped = False
        for wave in plan.waves:
            if stopped:
                results.extend(_unstarted(wave, "not run"))
                continue
            self._emit(
                f"wave {wave.index}/{plan.total_waves} {wave.name}: {len(wave.invocations)} stack(s), "
                f"concurrency {wave.concurrency}"
            )
            wave_results = self._run_wave(wave, f"[{wave.index}/{plan.total_waves} {wave.name}]")
            results.extend(wave_results)
            if any(result.status == "failed" for result in wave_results):
                stopped = True
                self._emit(f"wave {wave.name} failed: stopping the rollout")
        return results

    def _emit(self, line: str) -> None:
        with self._lock:
            self._emit_unlocked(line)

    def _run_wave(self, wave: PlannedWave, tag: str) -> list[StackResult]:
        pending = list(wave.invocations)
        finished: dict[str, StackResult] = {}
        failed = False
        with ThreadPoolExecutor(max_workers=wave.concurrency, thread_name_prefix="deploy") as pool:
            running: dict[Future[StackResult], Invocation] = {}
            while pending or running:
                # Start stacks only from this loop, so nothing new starts once a failure is seen.
                while pending and not failed and len(running) < wave.concurrency:
                    invocation = pending.pop(0)
                    running[pool.submit(self._run_one, invocation, wave.name, tag)] = invocation
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    result = future.result()
                    finished[running.pop(future).stack] = result
                    failed = failed or result.status == "failed"
        for invocation in pending:
            self._emit(f"{tag} {invocation.stack}: cancelled (an earlier stack of the wave failed)")
            finished[invocation.stack] = _unstarted_one(invocation, wave.name, "cancelled")
        return [finished[invocation.stack] for invocation in wave.invocations]

    def _run_one(self, invocation: Invocation, wave: str, tag: str) -> StackResult:
        name = f"{invocation.stack} ({invocation.jurisdiction})"
        self._emit(f"{tag} {name}: {invocation.command} started")
        start = self._clock()

        def on_output(line: str) -> None:
            if self._show_output:
                self._emit(f"  {invocation.stack} | {line}")

        try:
            if invocation.command in ("preview", "up"):
                write_policy_config(invocation.policy_config_file, invocation.jurisdiction)
            session = self._operations.open(invocation)
            if invocation.command == "preview":
                changes = session.preview(on_output, invocation.preview_file)
            else:
                changes = getattr(session, invocation.command)(on_output)
        except Exception as exc:  # one stack's failure is reported in the summary, never raised
            duration = self._clock() - start
            error = _one_line(exc)
            self._emit(f"{tag} {name}: FAILED after {duration:.1f}s: {error}")
            return StackResult(
                invocation.stack, invocation.jurisdiction, wave, invocation.command, "failed", duration, None, error
            )
        duration = self._clock() - start
        self._emit(f"{tag} {name}: succeeded in {duration:.1f}s ({_format_changes(changes)})")
        return StackResult(
            invocation.stack, invocation.jurisdiction, wave, invocation.command, "succeeded", duration, dict(changes)
        )


def _unstarted(wave: PlannedWave, status: Status) -> list[StackResult]:
    return [_unstarted_one(invocation, wave.name, status) for invocation in wave.invocations]


def _unstarted_one(invocation: Invocation, wave: str, status: Status) -> StackResult:
    return StackResult(invocation.stack, invocation.jurisdiction, wave, invocation.command, status)


def _one_line(exc: Exception) -> str:
    """The most telling line of an error: the CLI's last ``error:`` line, else the last line."""
    # CommandError text is "code: N / stdout: ... / stderr: ..."; the labels are not the message.
    lines = [line.strip().removeprefix("stderr:").removeprefix("stdout:").strip() for line in str(exc).splitlines()]
    lines = [line for line in lines if line and not line.startswith("code:")]
    errors = [line for line in lines if line.lower().startswith("error:")]
    line = errors[-1] if errors else (lines[-1] if lines else type(exc).__name__)
    return line if len(line) <= 200 else line[:197] + "..."


def _format_changes(changes: Changes | None) -> str:
    if changes is None:
        return "-"
    shown = [f"{op} {count}" for op, count in sorted(changes.items()) if count]
    return ", ".join(shown) if shown else "no changes"


def render_summary(results: list[StackResult]) -> str:
    """A fixed-width table: stack, jurisdiction, wave, command, result, duration, changes."""
    header = ("STACK", "JURISDICTION", "WAVE", "COMMAND", "RESULT", "DURATION", "CHANGES")
    rows = [header]
    for result in results:
        duration = f"{result.duration:.1f}s" if result.duration is not None else "-"
        changes = result.error if result.error else _format_changes(result.changes)
        rows.append(
            (result.stack, result.jurisdiction, result.wave, result.command, result.status, duration, changes or "-")
        )
    # The last column (changes or the error) is free text: table() never pads the last column.
    return "\n".join(table(rows))


def render_dry_run(plan: RolloutPlan) -> str:
    """Exactly what a run of ``plan`` would execute, wave by wave; nothing is run."""
    invocations = plan.invocations()
    work_dir = invocations[0].project_dir if invocations else None
    lines = [
        f"dry run: {plan.command} of {len(invocations)} stack(s) in {len(plan.waves)} wave(s); nothing is executed",
        f"work dir: {work_dir}",
    ]
    for wave in plan.waves:
        lines.append(f"wave {wave.index}/{plan.total_waves} {wave.name} (concurrency {wave.concurrency})")
        for invocation in wave.invocations:
            development = " [development]" if invocation.development else ""
            lines.extend(
                [
                    f"  stack {invocation.stack} ({invocation.jurisdiction}){development}",
                    f"    backend:          {invocation.backend_url}",
                    f"    secrets provider: {invocation.secrets_provider}",
                    f"    config file:      {invocation.config_file_arg()}",
                    f"    command:          {invocation.command}",
                    *(
                        [f"    policy pack:      {invocation.policy_pack} (config pins {invocation.jurisdiction})"]
                        if invocation.command in ("preview", "up")
                        else []
                    ),
                    "    runs:",
                    *(f"      {line}" for line in invocation.shell()),
                ]
            )
    lines.append("a failure stops starting stacks in its wave; later waves do not run")
    return "\n".join(lines)
