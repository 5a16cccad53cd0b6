"""Load and validate a stack's config: from the Pulumi runtime, or straight from a stack file."""

from __future__ import annotations

import dataclasses
import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pulumi
from pydantic import ValidationError

from components._compat import runtime_config_keys
from components.config.checks import cloud_region_problems, datacenter_problems
from components.config.friendly import to_config_errors
from components.config.models import Clouds, DataCenterConfig
from components.config.stack_file import (
    NAMESPACE,
    PINNING_KEYS,
    SECRET_PLACEHOLDER,
    read_stack_file,
    stack_file_path,
    stack_name_of,
)
from components.errors import CatalogueError, ConfigError, raise_problems
from components.residency.catalogue import Jurisdiction, load_catalogue
from components.residency.destinations import Destination, read_register
from components.yamlfile import shorten

__all__ = [
    "KNOWN_KEYS",
    "StackConfig",
    "build_stack_config",
    "check_stack_file",
    "load_stack_config",
    "load_stack_file",
    "stack_file_path",
]

KNOWN_KEYS = ("jurisdiction", "datacenter", "breakglassContact", "destinations")
_CONTACT_KEY = f"{NAMESPACE}:breakglassContact"
"""Keys the program reads under the ``sovereign-dc:`` namespace."""


@dataclass(frozen=True)
class StackConfig:
    """A validated stack: everything ``CountryDataCenter`` needs."""

    stack: str
    """Stack name, e.g. ``cn``."""
    file: str
    """The stack file the values came from, for messages."""
    jurisdiction: Jurisdiction
    """The catalogue entry the stack is bound to."""
    datacenter: DataCenterConfig
    """The validated ``sovereign-dc:datacenter`` value."""
    breakglass_contact: pulumi.Output[str] | None = None
    """Emergency contact, always a secret output (stored with ``pulumi config set --secret``)."""
    destinations: tuple[Destination, ...] = ()
    """The transfer register (``sovereign-dc:destinations``), checked against the jurisdiction."""


def load_stack_config(stack: str | None = None) -> StackConfig:
    """Validate the running program's ``sovereign-dc:`` config; ``ConfigError`` names the stack file.

    Every problem is reported at once (``ConfigProblems`` when there are several).
    """
    stack = stack or pulumi.get_stack()
    file = stack_file_path(stack)
    config = pulumi.Config(NAMESPACE)
    problems = _unknown_keys(_runtime_keys(), file)
    contact = config.get_secret("breakglassContact")
    problems += _contact_problems(contact is not None, pulumi.runtime.is_config_secret(_CONTACT_KEY), file, stack)
    problems += _runtime_account_problems(file)
    return _build(
        stack, file, config.get("jurisdiction"), config.get("datacenter"), contact, problems, config.get("destinations")
    )


def _runtime_account_problems(file: str) -> list[ConfigError]:
    """The keys pinning the platform's providers to the stack's accounts (``aws:allowedAccountIds``,
    ``alicloud:assumeRole``) as the CLI passes them (JSON text), checked as the offline plan checks the file."""
    problems: list[ConfigError] = []
    for full_key, check in PINNING_KEYS.items():
        namespace, _, key = full_key.partition(":")
        raw = pulumi.Config(namespace).get(key)
        if raw is None:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        problems += check(value, file)
    return problems


def load_stack_file(path: str | Path, shown: str | None = None) -> StackConfig:
    """Validate a stack file from disk, without a Pulumi runtime (offline plan, tests).

    Every problem of the file is reported at once (``ConfigProblems`` when there are several);
    ``shown`` is the file name used in messages (defaults to ``path``).
    """
    config, has_contact = _check_stack_file(Path(path), shown)
    contact = pulumi.Output.secret(SECRET_PLACEHOLDER) if has_contact else None
    return dataclasses.replace(config, breakglass_contact=contact)


def check_stack_file(path: str | Path, shown: str | None = None) -> StackConfig:
    """Like :func:`load_stack_file` but creates no Pulumi output (safe before any Pulumi runtime exists)."""
    return _check_stack_file(Path(path), shown)[0]


def _check_stack_file(path: Path, shown: str | None) -> tuple[StackConfig, bool]:
    file = shown or str(path)
    contents = read_stack_file(path, file)
    values, secret_keys = contents.config, contents.secret_keys
    problems = [*contents.problems, *_unknown_keys(values, file)]
    stack = stack_name_of(path)
    problems += _contact_problems(_CONTACT_KEY in values, _CONTACT_KEY in secret_keys, file, stack)
    config = _build(
        stack,
        file,
        values.get(f"{NAMESPACE}:jurisdiction"),
        values.get(f"{NAMESPACE}:datacenter"),
        None,
        problems,
        values.get(f"{NAMESPACE}:destinations"),
    )
    return config, _CONTACT_KEY in values


def build_stack_config(
    stack: str,
    file: str,
    jurisdiction: str | None,
    datacenter_json: str | None,
    breakglass_contact: pulumi.Output[str] | None = None,
    destinations_json: str | None = None,
) -> StackConfig:
    """Validate raw config strings (as the CLI passes them) into a ``StackConfig``."""
    return _build(stack, file, jurisdiction, datacenter_json, breakglass_contact, [], destinations_json)


def _build(
    stack: str,
    file: str,
    jurisdiction: str | None,
    datacenter_json: str | None,
    breakglass_contact: pulumi.Output[str] | None,
    problems: list[ConfigError],
    destinations_json: str | None = None,
) -> StackConfig:
    resolved = _jurisdiction(jurisdiction, file, problems)
    datacenter = _datacenter(datacenter_json, file, problems, resolved)
    if datacenter is not None:
        problems.extend(datacenter_problems(datacenter, resolved, file))
    destinations = _destinations(destinations_json, resolved, file, problems)
    raise_problems(problems)
    assert resolved is not None and datacenter is not None  # no problem means both were found
    return StackConfig(stack, file, resolved, datacenter, breakglass_contact, destinations)


def _destinations(
    raw_json: str | None, jurisdiction: Jurisdiction | None, file: str, problems: list[ConfigError]
) -> tuple[Destination, ...]:
    """Validate ``sovereign-dc:destinations`` (the transfer register); a problem names the entry and field."""
    key = f"{NAMESPACE}:destinations"
    if not raw_json:
        return ()
    try:
        raw = json.loads(raw_json)
    except (json.JSONDecodeError, RecursionError):
        problems.append(ConfigError(file, key, "the value is not structured YAML", "write it as a list of entries"))
        return ()
    # Every problem of the register, as of the rest of the file, so that one edit can fix them all.
    entries, found = read_register(raw, jurisdiction.code if jurisdiction is not None else None)
    for exc in found:
        problems.append(ConfigError(file, exc.key(key), exc.problem, exc.fix))
    return () if found else tuple(entries)


def _datacenter(
    datacenter_json: str | None, file: str, problems: list[ConfigError], jurisdiction: Jurisdiction | None
) -> DataCenterConfig | None:
    key = f"{NAMESPACE}:datacenter"
    if not datacenter_json:
        problems.append(
            ConfigError(
                file,
                key,
                "the data center settings are missing",
                "add a `sovereign-dc:datacenter:` block (see docs/datacenter.md)",
            )
        )
        return None
    try:
        raw = json.loads(datacenter_json)
    except (json.JSONDecodeError, RecursionError):
        problems.append(
            ConfigError(file, key, "the value is not structured YAML", "write it as a nested mapping, not a string")
        )
        return None
    if not isinstance(raw, dict):
        problems.append(
            ConfigError(
                file, key, f"expected a mapping, got {type(raw).__name__}", "write it as a nested mapping of settings"
            )
        )
        return None
    try:
        return DataCenterConfig.model_validate(raw)
    except ValidationError as exc:
        problems.extend(to_config_errors(exc, DataCenterConfig, file, key))
    # The settings are malformed somewhere: still judge the regions when `clouds` itself is well formed.
    try:
        clouds = Clouds.model_validate(raw.get("clouds"))
    except ValidationError:
        return None
    problems.extend(cloud_region_problems(clouds, jurisdiction, file))
    return None


def _contact_problems(present: bool, secret: bool, file: str, stack: str) -> list[ConfigError]:
    """The break-glass contact must be a secret (runtime config and stack files alike)."""
    if not present or secret:
        return []
    return [
        ConfigError(
            file,
            _CONTACT_KEY,
            "the break-glass contact is stored in plain text",
            f"run `pulumi config set --secret breakglassContact <contact> --stack {stack}`",
        )
    ]


def _jurisdiction(code: str | None, file: str, problems: list[ConfigError]) -> Jurisdiction | None:
    key = f"{NAMESPACE}:jurisdiction"
    catalogue = load_catalogue()
    known = ", ".join(sorted(catalogue.jurisdictions))
    if not code:
        problems.append(ConfigError(file, key, "no jurisdiction is set", f"set it to one of {known}"))
        return None
    try:
        return catalogue.get(code)
    except CatalogueError:
        pass
    if code == SECRET_PLACEHOLDER:
        # The plan never decrypts, and the policy pack and every reviewer must read the country in clear.
        problem, fix = "the jurisdiction is stored as a secret (`secure:`)", f"write it in clear, one of {known}"
    elif code.startswith(("[", "{")):  # a structured value arrives as its JSON text
        got = "a list" if code.startswith("[") else "a mapping"
        problem, fix = f"expected one jurisdiction code, got {got} {shorten(code)}", f"write one code, one of {known}"
    else:
        problem, fix = f"unknown jurisdiction {shorten(code)}", f"use one of {known}"
    problems.append(ConfigError(file, key, problem, fix))
    return None


def _runtime_keys() -> list[str]:
    """Every config key the running program was given (the CLI passes them via the environment)."""
    keys = runtime_config_keys() | set(pulumi.runtime.get_config_env())
    return sorted(keys)


def _unknown_keys(keys: Iterable[str] | Mapping[str, str], file: str) -> list[ConfigError]:
    prefix = f"{NAMESPACE}:"
    found: list[ConfigError] = []
    for key in keys:
        if not key.startswith(prefix):
            continue
        name = key.removeprefix(prefix)
        if name not in KNOWN_KEYS:
            close = difflib.get_close_matches(name, KNOWN_KEYS, n=1)
            hint = f"did you mean `{prefix}{close[0]}`? " if close else ""
            found.append(
                ConfigError(
                    file,
                    shorten(key, 80).strip("'"),
                    "unknown setting",
                    f"{hint}remove it or use one of {', '.join(prefix + k for k in KNOWN_KEYS)}",
                )
            )
    return found
