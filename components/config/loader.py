"""Load and validate a stack's config: from the Pulumi runtime, or straight from a stack file."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pulumi
from pydantic import ValidationError

from components.config.checks import check_datacenter
from components.config.friendly import to_config_error
from components.config.models import DataCenterConfig
from components.config.stack_file import NAMESPACE, SECRET_PLACEHOLDER, stack_file_to_pulumi_config
from components.errors import CatalogueError, ConfigError
from components.residency.catalogue import Jurisdiction, load_catalogue
from components.residency.destinations import Destination, DestinationProblem, check_destinations, parse_destinations

__all__ = ["KNOWN_KEYS", "StackConfig", "build_stack_config", "load_stack_config", "load_stack_file", "stack_file_path"]

KNOWN_KEYS = ("jurisdiction", "datacenter", "breakglassContact", "destinations")
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


def stack_file_path(stack: str) -> str:
    """The stack file of ``stack``, as operators see it."""
    return f"stacks/Pulumi.{stack}.yaml"


def load_stack_config(stack: str | None = None) -> StackConfig:
    """Validate the running program's ``sovereign-dc:`` config; ``ConfigError`` names the stack file."""
    stack = stack or pulumi.get_stack()
    file = stack_file_path(stack)
    config = pulumi.Config(NAMESPACE)
    _reject_unknown_keys(_runtime_keys(), file)
    contact = config.get_secret("breakglassContact")
    if contact is not None and not pulumi.runtime.is_config_secret(f"{NAMESPACE}:breakglassContact"):
        raise ConfigError(
            file,
            f"{NAMESPACE}:breakglassContact",
            "the break-glass contact is stored in plain text",
            f"run `pulumi config set --secret breakglassContact <contact> --stack {stack}`",
        )
    return build_stack_config(
        stack, file, config.get("jurisdiction"), config.get("datacenter"), contact, config.get("destinations")
    )


def load_stack_file(path: str | Path) -> StackConfig:
    """Validate a stack file from disk, without a Pulumi runtime (offline plan, tests)."""
    path = Path(path)
    file = str(path)
    values, secret_keys = stack_file_to_pulumi_config(path)
    _reject_unknown_keys(values, file)
    stack = path.name.removeprefix("Pulumi.").removesuffix(".yaml")
    contact_key = f"{NAMESPACE}:breakglassContact"
    if contact_key in values and contact_key not in secret_keys:
        raise ConfigError(
            file,
            contact_key,
            "the break-glass contact is stored in plain text",
            f"run `pulumi config set --secret breakglassContact <contact> --stack {stack}`",
        )
    contact = pulumi.Output.secret(SECRET_PLACEHOLDER) if contact_key in values else None
    return build_stack_config(
        stack,
        file,
        values.get(f"{NAMESPACE}:jurisdiction"),
        values.get(f"{NAMESPACE}:datacenter"),
        contact,
        values.get(f"{NAMESPACE}:destinations"),
    )


def build_stack_config(
    stack: str,
    file: str,
    jurisdiction: str | None,
    datacenter_json: str | None,
    breakglass_contact: pulumi.Output[str] | None = None,
    destinations_json: str | None = None,
) -> StackConfig:
    """Validate raw config strings (as the CLI passes them) into a ``StackConfig``."""
    resolved = _jurisdiction(jurisdiction, file)
    key = f"{NAMESPACE}:datacenter"
    if not datacenter_json:
        raise ConfigError(
            file,
            key,
            "the data center settings are missing",
            "add a `sovereign-dc:datacenter:` block (see docs/datacenter.md)",
        )
    try:
        raw = json.loads(datacenter_json)
    except json.JSONDecodeError:
        raise ConfigError(
            file, key, "the value is not structured YAML", "write it as a nested mapping, not a string"
        ) from None
    if not isinstance(raw, dict):
        raise ConfigError(
            file, key, f"expected a mapping, got {type(raw).__name__}", "write it as a nested mapping of settings"
        )
    try:
        datacenter = DataCenterConfig.model_validate(raw)
    except ValidationError as exc:
        raise to_config_error(exc, DataCenterConfig, file, key) from None
    check_datacenter(datacenter, resolved, file)
    destinations = load_destinations(destinations_json, resolved.code, file)
    return StackConfig(stack, file, resolved, datacenter, breakglass_contact, destinations)


def load_destinations(raw_json: str | None, code: str, file: str) -> tuple[Destination, ...]:
    """Validate ``sovereign-dc:destinations`` (the transfer register); ConfigError names the entry."""
    key = f"{NAMESPACE}:destinations"
    if not raw_json:
        return ()
    try:
        raw = json.loads(raw_json)
    except json.JSONDecodeError:
        raise ConfigError(file, key, "the value is not structured YAML", "write it as a list of entries") from None
    try:
        destinations = parse_destinations(raw)
        check_destinations(code, destinations)
    except DestinationProblem as exc:
        where = f"{key}[{exc.index}].{exc.field}".rstrip(".")
        raise ConfigError(file, where, exc.problem, exc.fix) from None
    return tuple(destinations)


def _jurisdiction(code: str | None, file: str) -> Jurisdiction:
    key = f"{NAMESPACE}:jurisdiction"
    catalogue = load_catalogue()
    known = ", ".join(sorted(catalogue.jurisdictions))
    if not code:
        raise ConfigError(file, key, "no jurisdiction is set", f"set it to one of {known}")
    try:
        return catalogue.get(code)
    except CatalogueError:
        raise ConfigError(file, key, f"unknown jurisdiction {code!r}", f"use one of {known}") from None


def _runtime_keys() -> list[str]:
    """Every config key the running program was given (the CLI passes them via the environment)."""
    keys = set(pulumi.runtime.config.CONFIG.get()) | set(pulumi.runtime.get_config_env())
    return sorted(keys)


def _reject_unknown_keys(keys: Iterable[str] | Mapping[str, str], file: str) -> None:
    prefix = f"{NAMESPACE}:"
    for key in keys:
        if not key.startswith(prefix):
            continue
        name = key.removeprefix(prefix)
        if name not in KNOWN_KEYS:
            close = difflib.get_close_matches(name, KNOWN_KEYS, n=1)
            hint = f"did you mean `{prefix}{close[0]}`? " if close else ""
            raise ConfigError(
                file,
                key,
                "unknown setting",
                f"{hint}remove it or use one of {', '.join(prefix + k for k in KNOWN_KEYS)}",
            )
