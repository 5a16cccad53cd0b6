"""The Pulumi project (``Pulumi.yaml``), read once for every command that needs it (plan, deploy).

The Automation API's ``LocalWorkspace`` reads and writes ``Pulumi.<stack>.yaml`` in its work dir and
ignores ``stackConfigDir`` (pulumi/pulumi#10305), so nothing here relies on it: commands read the
stack files from :attr:`Project.stack_config_dir` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from components.errors import ConfigError
from components.residency.rules import RuleId
from components.yamlfile import YamlFileError, load_yaml

__all__ = ["MANIFEST", "Project"]

MANIFEST = "Pulumi.yaml"


@dataclass(frozen=True)
class Project:
    """The Pulumi project: its directory, name, program and where its stack files live."""

    directory: Path
    name: str
    stack_config_dir: Path
    """Where the ``Pulumi.<stack>.yaml`` files live (``stackConfigDir``, default the project directory)."""
    program: Path
    """The project's ``__main__.py``."""

    @classmethod
    def load(cls, directory: Path) -> Project:
        """Read ``Pulumi.yaml`` in ``directory``; ``ConfigError`` names the key and the fix."""
        path = directory / MANIFEST
        try:
            raw = load_yaml(path, what="project file", missing_fix="restore it from git")
        except YamlFileError as exc:
            raise exc.to_config_error() from None
        if not isinstance(raw, dict):
            raise ConfigError(str(path), "", "expected a mapping at the top level", "restore the file from git")
        name = raw.get("name")
        if not isinstance(name, str) or not name:
            raise ConfigError(str(path), "name", "the project has no name", "set `name:`")
        if "backend" in raw:
            # A project-wide backend would override the per-jurisdiction one the runner sets.
            raise ConfigError(
                str(path),
                "backend",
                "a project-wide backend would put every country's state in one place",
                "remove `backend:` and give each jurisdiction its backend in stacks/deployments.yaml",
                rule_id=RuleId.STATE_BACKEND_IN_JURISDICTION,
            )
        config_dir = raw.get("stackConfigDir", ".")
        if not isinstance(config_dir, str):
            raise ConfigError(
                str(path), "stackConfigDir", "must be a directory path", "write e.g. `stackConfigDir: stacks`"
            )
        return cls(directory, name, directory / config_dir, directory / "__main__.py")

    @classmethod
    def above(cls, stacks_dir: Path) -> Project:
        """The project owning ``stacks_dir``: the nearest ``Pulumi.yaml`` at or above it."""
        for directory in [stacks_dir.resolve(), *stacks_dir.resolve().parents]:
            if (directory / MANIFEST).is_file():
                return cls.load(directory)
        raise ConfigError(
            str(stacks_dir),
            "",
            f"no {MANIFEST} in this directory or above it, so there is no program to plan",
            "pass --stacks-dir pointing at the stacks/ folder of a sovereign-dc project",
        )
