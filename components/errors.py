"""The toolkit's exception tree.

Every error says what went wrong *and* how to fix it, so an operator never needs a traceback:

    SovereignError
    ├── CatalogueError            the jurisdiction catalogue is missing, malformed or asked for an unknown code
    ├── ConfigError               a stack or deployment file is invalid (names the file, the key path and the fix)
    │   ├── ConfigProblems        every problem of one file at once (each a ConfigError)
    │   └── ZoneConfigError       (components.zones) a `zones` setting the region cannot satisfy
    ├── ResidencyViolation        a resource would create or reference something outside its jurisdiction
    ├── DestinationProblem        (components.residency.destinations) a transfer-register entry that is refused
    ├── YamlFileError             (components.yamlfile) a YAML file that cannot be read safely
    ├── PlanInputError            (components.plan.collect) the plan's command line names nothing to plan
    ├── DocumentError             (components.plan.documents) a preview/state document that cannot be judged
    ├── BaselineError             (components.plan.delta) a --baseline that is not a JSON plan
    ├── PortalConfigError         (portal.settings) the owner data service's settings are invalid
    ├── SecretShapeError          (portal.alicloud) a KMS secret that is not an RDS secret (a start-up problem)
    ├── MigrationError            (portal.migrate) the service's database cannot be brought to its schema
    ├── PackageError              (components.aws.portal_package) the service's Lambda package cannot be built
    └── UnsupportedSdkError       (components._compat) the installed pulumi cannot hold registrations for the guard

The errors defined elsewhere live next to the code that raises them; a test keeps this tree complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "CatalogueError",
    "ConfigError",
    "ConfigProblems",
    "ResidencyViolation",
    "SovereignError",
    "raise_problems",
]


class SovereignError(Exception):
    """Base class of every error raised by sovereign-dc."""


class CatalogueError(SovereignError):
    """The jurisdiction catalogue cannot answer: unknown code, unreadable or inconsistent data."""


class ConfigError(SovereignError):
    """A configuration file is invalid.

    The message always has the shape ``<file>: <key.path>: <problem>. Fix: <what to do>.`` so that
    one line tells the operator where to look and what to change. A refusal for residency carries
    the id of its rule in ``components/residency/rules.py`` (``rule_id``), shown before the problem
    (``<file>: <key>: [RES-030] <problem>. Fix: ...``) so an auditor can search every refusal by id.
    """

    def __init__(self, file: str, key: str, problem: str, fix: str, rule_id: str = "") -> None:
        self.file = file
        self.key = key
        self.problem = problem
        self.fix = fix
        self.rule_id = rule_id
        where = f"{file}: {key}" if key else file
        tagged = f"[{rule_id}] {problem}" if rule_id else problem
        super().__init__(f"{where}: {tagged}. Fix: {fix}")

    @property
    def problems(self) -> tuple[ConfigError, ...]:
        """Every problem this error reports (just itself; :class:`ConfigProblems` holds several)."""
        return (self,)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.file, self.key, self.problem, self.fix, self.rule_id))


class ConfigProblems(ConfigError):
    """Every problem found in one file, reported together so one edit can fix them all.

    ``str()`` is one paragraph per problem, one per line; ``file``, ``key``, ``problem`` and
    ``fix`` are those of the first problem, so code that expects one ``ConfigError`` still works.
    """

    def __init__(self, problems: Sequence[ConfigError]) -> None:
        flat = tuple(p for problem in problems for p in problem.problems)
        if not flat:
            raise ValueError("ConfigProblems needs at least one problem")
        first = flat[0]
        super().__init__(first.file, first.key, first.problem, first.fix, first.rule_id)
        self._problems = flat
        self.args = ("\n".join(str(p) for p in flat),)

    def __str__(self) -> str:
        return str(self.args[0])

    @property
    def problems(self) -> tuple[ConfigError, ...]:
        return self._problems

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._problems,))


def raise_problems(problems: Sequence[ConfigError]) -> None:
    """Raise the one problem, or :class:`ConfigProblems` for several; do nothing for none."""
    if len(problems) == 1 and type(problems[0]) is ConfigError:
        raise problems[0]
    if problems:
        raise ConfigProblems(problems)


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
        detail: str,
        fix: str,
    ) -> None:
        self.rule_id = rule_id
        self.resource_type = resource_type
        self.resource_name = resource_name
        self.path = path
        self.value = value
        self.detail = detail
        """Why this value breaks the rule (``Finding.detail``); the rule's own message is not repeated."""
        self.fix = fix
        at = f" at {path}" if path else ""
        super().__init__(f"[{rule_id}] {resource_type} '{resource_name}'{at}: {detail} (value: {value!r}). Fix: {fix}")

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions with keyword-rich constructors do not pickle by default; the plan's worker
        # processes and pytest-xdist need them to.
        return (
            type(self),
            (self.rule_id, self.resource_type, self.resource_name, self.path, self.value, self.detail, self.fix),
        )
