"""A recording stand-in for the Pulumi CLI boundary, so deploy runs can be checked without the CLI.

A test double: it lives with the tests, not in the shipped package.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from components.deploy.runner import Changes, OnOutput, StackSession
from components.deploy.waves import Invocation

__all__ = ["Call", "RecordingOperations"]


@dataclass(frozen=True)
class Call:
    """One call across the boundary, with what decides where the data goes."""

    operation: str
    stack: str
    backend_url: str
    secrets_provider: str
    work_dir: str
    config_file: str
    policy_pack: str = ""
    """The ``--policy-pack`` of a preview or up (empty for destroy)."""
    policy_config: str = ""
    """The ``--policy-pack-config`` of a preview or up (empty for destroy)."""


class RecordingOperations:
    """``StackOperations`` that records every call and returns scripted results.

    ``failures`` maps a stack to the error message its command raises; ``changes`` maps a stack to
    the change counts it returns; ``previews`` maps a stack to the ``pulumi preview --json`` document
    its preview saves (default: just the stack's root step); ``hook(stack, operation)`` runs at the
    start of every call (tests use it to block on a barrier or to raise from ``open``).
    """

    def __init__(
        self,
        *,
        failures: Mapping[str, str] | None = None,
        changes: Mapping[str, Changes] | None = None,
        hook: Callable[[str, str], None] | None = None,
        previews: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.calls: list[Call] = []
        self.max_active = 0
        self._failures = dict(failures or {})
        self._changes = dict(changes or {})
        self._hook = hook
        self._previews = dict(previews or {})
        self._active = 0
        self._lock = threading.Lock()

    def open(self, invocation: Invocation) -> StackSession:
        """Record the create-or-select and return a session bound to ``invocation``."""
        self._record("open", invocation)
        if self._hook is not None:
            self._hook(invocation.stack, "open")
        return _RecordingSession(self, invocation)

    def operations(self) -> list[tuple[str, str]]:
        """``(operation, stack)`` for every call, in call order."""
        with self._lock:
            return [(call.operation, call.stack) for call in self.calls]

    def _record(self, operation: str, invocation: Invocation) -> None:
        judged = operation in ("preview", "up")
        call = Call(
            operation,
            invocation.stack,
            invocation.backend_url,
            invocation.secrets_provider,
            str(invocation.project_dir),
            str(invocation.config_file),
            str(invocation.policy_pack) if judged else "",
            str(invocation.policy_config_file) if judged else "",
        )
        with self._lock:
            self.calls.append(call)

    def saved_preview(self, invocation: Invocation) -> dict[str, Any]:
        """The document a preview of ``invocation`` saves."""
        root = f"urn:pulumi:{invocation.stack}::sovereign-dc::pulumi:pulumi:Stack::sovereign-dc-{invocation.stack}"
        default = {
            "config": {"sovereign-dc:jurisdiction": invocation.jurisdiction},
            "steps": [
                {"op": "same", "urn": root, "newState": {"urn": root, "custom": False, "type": "pulumi:pulumi:Stack"}}
            ],
            "changeSummary": {"same": 1},
        }
        return dict(self._previews.get(invocation.stack, default))

    def _execute(self, operation: str, invocation: Invocation, on_output: OnOutput) -> Changes:
        self._record(operation, invocation)
        with self._lock:
            self._active += 1
            self.max_active = max(self.max_active, self._active)
        try:
            if self._hook is not None:
                self._hook(invocation.stack, operation)
            on_output(f"{operation} {invocation.stack}: recorded")
            if invocation.stack in self._failures:
                raise RuntimeError(self._failures[invocation.stack])
            return dict(self._changes.get(invocation.stack, {"same": 1}))
        finally:
            with self._lock:
                self._active -= 1


class _RecordingSession:
    def __init__(self, owner: RecordingOperations, invocation: Invocation) -> None:
        self._owner = owner
        self._invocation = invocation

    def preview(self, on_output: OnOutput, document: Path | None = None) -> Changes:
        changes = self._owner._execute("preview", self._invocation, on_output)
        if document is not None:
            document.parent.mkdir(parents=True, exist_ok=True)
            document.write_text(json.dumps(self._owner.saved_preview(self._invocation), indent=4) + "\n")
        return changes

    def up(self, on_output: OnOutput) -> Changes:
        return self._owner._execute("up", self._invocation, on_output)

    def destroy(self, on_output: OnOutput) -> Changes:
        return self._owner._execute("destroy", self._invocation, on_output)
