"""The project and its stack files, found the way the Pulumi CLI finds them (``stackConfigDir``).

The Automation API's ``LocalWorkspace`` reads and writes ``Pulumi.<stack>.yaml`` in its work dir
and ignores ``stackConfigDir`` (pulumi/pulumi#10305), so the runner never relies on it: it reads
the stack files here and hands the exact file to every operation as ``--config-file``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from components.config.stack_file import stack_name_of
from components.errors import CatalogueError, ConfigError
from components.project import Project
from components.residency.catalogue import Catalogue
from components.yamlfile import YamlFileError, load_yaml, shorten

__all__ = ["StackFile", "discover_stacks"]

_PREFIX = "Pulumi."
_SUFFIX = ".yaml"


@dataclass(frozen=True)
class StackFile:
    """One ``Pulumi.<stack>.yaml`` and what the runner needs from it."""

    name: str
    path: Path
    jurisdiction: str
    secrets_provider: str | None
    """The ``secretsprovider`` recorded by ``pulumi stack init`` (None: none recorded)."""
    has_passphrase_salt: bool
    """True when the file carries ``encryptionsalt``, i.e. secrets are passphrase-encrypted."""

    def recorded_provider(self) -> str | None:
        """The secrets provider this file was initialised with, in deployment-map spelling."""
        if self.secrets_provider:
            return self.secrets_provider
        return "passphrase" if self.has_passphrase_salt else None


def discover_stacks(project: Project, catalogue: Catalogue) -> tuple[StackFile, ...]:
    """Every stack file of ``project``, sorted by stack name."""
    found = sorted(project.stack_config_dir.glob(f"{_PREFIX}*{_SUFFIX}"))
    stacks = tuple(_load_stack(project, path, catalogue) for path in found)
    if not stacks:
        raise ConfigError(
            str(project.stack_config_dir),
            "",
            "contains no Pulumi.<stack>.yaml",
            "add a stack file per market (see the stack file documentation)",
        )
    return stacks


def _load_stack(project: Project, path: Path, catalogue: Catalogue) -> StackFile:
    name = stack_name_of(path)
    raw = _read_yaml(path)
    config = raw.get("config")
    key = f"{project.name}:jurisdiction"
    code = config.get(key) if isinstance(config, dict) else None
    if not isinstance(code, str) or not code:
        raise ConfigError(str(path), f"config.{key}", "missing", "set it to a catalogue code such as CN")
    try:
        jurisdiction = catalogue.get(code)
    except CatalogueError:
        known = ", ".join(sorted(catalogue.jurisdictions))
        raise ConfigError(
            str(path), f"config.{key}", f"{shorten(code)} is not in the catalogue", f"use one of {known}"
        ) from None
    provider = raw.get("secretsprovider")
    return StackFile(
        name=name,
        path=path,
        jurisdiction=jurisdiction.code,
        secrets_provider=provider if isinstance(provider, str) and provider else None,
        has_passphrase_salt=bool(raw.get("encryptionsalt")),
    )


def _read_yaml(path: Path) -> dict[str, object]:
    try:
        raw = load_yaml(path)
    except YamlFileError as exc:
        raise exc.to_config_error() from None
    if not isinstance(raw, dict):
        raise ConfigError(str(path), "", "expected a mapping at the top level", "restore the file from git")
    return raw
