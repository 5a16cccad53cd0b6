"""The toolkit's exception tree.

Every error says what went wrong *and* how to fix it, so an operator never needs a traceback:

    SovereignError
    ├── CatalogueError            the jurisdiction catalogue is missing, malformed or asked for an unknown code
    ├── ConfigError               a stack or deployment file is invalid (names the file, the key path and the fix)
    └── ResidencyViolation        a resource would create or reference something outside its jurisdiction
"""

from __future__ import annotations

from typing import Any

__all__ = ["CatalogueError", "ConfigError", "ResidencyViolation", "SovereignError"]


class SovereignError(Exception):
    """Base class of every error raised by sovereign-dc."""


class CatalogueError(SovereignError):
    """The jurisdiction catalogue cannot answer: unknown code, unreadable or inconsistent data."""


class ConfigError(SovereignError):
    """A configuration file is invalid.

    The message always has the shape ``<file>: <key.path>: <problem>. Fix: <what to do>.`` so that
    one line tells the operator where to look and what to change.
    """

    def __init__(self, file: str, key: str, problem: str, fix: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        self.fix = fix
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {problem}. Fix: {fix}")


class ResidencyViolation(SovereignError):
    """A resource breaks a residency rule.

    Raised by the construction-time guard before the resource reaches the Pulumi engine. It carries
    everything a reviewer needs: the rule id, the resource, the input path and value, and the fix.
    """

    def __init__(
        self,
        rule_id: str,
        resource_type: str,
        resource_name: str,
        path: str,
        value: Any,
        message: str,
        fix: str,
    ) -> None:
        self.rule_id = rule_id
        self.resource_type = resource_type
        self.resource_name = resource_name
        self.path = path
        self.value = value
        self.message = message
        self.fix = fix
        at = f" at {path}" if path else ""
        super().__init__(f"[{rule_id}] {resource_type} '{resource_name}'{at}: {message} (value: {value!r}). Fix: {fix}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions with keyword-rich constructors do not pickle by default; the plan's worker
        # processes and pytest-xdist need them to.
        return (
            type(self),
            (self.rule_id, self.resource_type, self.resource_name, self.path, self.value, self.message, self.fix),
        )
