"""The deployment map (``stacks/deployments.yaml``): where each jurisdiction keeps state and secrets.

Pulumi sets the backend per project, not per stack, so the map gives it per jurisdiction and the
runner passes it to each stack's workspace. Loading validates the shape (pydantic) and then every
URL against the jurisdiction catalogue; each refusal is one ``ConfigError`` naming the key and fix.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from components.deploy.backends import check_backend, check_secrets_provider
from components.errors import CatalogueError, ConfigError, raise_problems
from components.residency.catalogue import Catalogue
from components.yamlfile import YamlFileError, load_yaml, shorten

__all__ = ["ALL_OTHER_STACKS", "DeploymentMap", "JurisdictionDeployment", "Rollout", "Wave", "load_deployment_map"]

ALL_OTHER_STACKS = "*"
_LABEL = r"^[a-z0-9][a-z0-9._-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class JurisdictionDeployment(_Model):
    """Where the stacks of one jurisdiction keep their state and their secrets key."""

    backend: str = Field(min_length=1, max_length=2048)
    """Pulumi state backend URL, e.g. ``s3://bucket?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn``."""
    secrets_provider: str = Field(min_length=1, max_length=2048)
    """Pulumi secrets provider, e.g. ``awskms://alias/sovereign-dc-cn?region=cn-north-1``."""
    development: bool = False
    """Marks a throwaway development estate: allows ``file://`` state and the ``passphrase`` provider."""
    runner_label: str | None = Field(default=None, pattern=_LABEL)
    """CI runner label of machines inside the jurisdiction; defaults to ``jurisdiction-<code>``."""

    def label(self, code: str) -> str:
        """The CI runner label for jurisdiction ``code``."""
        return self.runner_label or f"jurisdiction-{code.lower()}"


class Wave(_Model):
    """A group of stacks deployed together; a wave starts only when the previous one succeeded."""

    name: str = Field(pattern=_LABEL)
    """Short name shown in progress and CI job ids, e.g. ``canary``."""
    stacks: tuple[str, ...] = Field(min_length=1)
    """Stack names (``Pulumi.<stack>.yaml``), or ``*`` for every stack no wave names."""
    concurrency: int | None = Field(default=None, ge=1, le=64)
    """Stacks of this wave run at once; defaults to ``rollout.concurrency``."""


class Rollout(_Model):
    """The order in which the estate is deployed."""

    concurrency: int = Field(default=1, ge=1, le=64)
    """Stacks run at once within a wave, unless the wave sets its own."""
    waves: tuple[Wave, ...] = Field(min_length=1)
    """Waves in order, e.g. a canary country first, then ``*``."""

    @field_validator("waves")
    @classmethod
    def _distinct(cls, waves: tuple[Wave, ...]) -> tuple[Wave, ...]:
        names = [wave.name for wave in waves]
        duplicate = next((name for name in names if names.count(name) > 1), None)
        if duplicate is not None:
            raise ValueError(f"the wave name {duplicate!r} is used twice")
        stacks = [stack for wave in waves for stack in wave.stacks]
        duplicate = next((stack for stack in stacks if stacks.count(stack) > 1), None)
        if duplicate is not None:
            raise ValueError(f"{duplicate!r} is listed in more than one place")
        return waves


class DeploymentMap(_Model):
    """The whole map: per-jurisdiction backends and secrets, and the estate's rollout."""

    version: Literal[1]
    """Schema version of this file."""
    jurisdictions: dict[str, JurisdictionDeployment] = Field(min_length=1)
    """Deployment settings by jurisdiction code (as in the catalogue, e.g. ``CN``)."""
    rollout: Rollout
    """Waves and concurrency."""


_FIELD_NAMES = sorted({f for m in (DeploymentMap, JurisdictionDeployment, Rollout, Wave) for f in m.model_fields})
"""Every key the map knows, for "did you mean" hints."""


def load_deployment_map(path: Path, catalogue: Catalogue) -> DeploymentMap:
    """Read, shape-check and residency-check the map at ``path``; every problem is reported at once."""
    try:
        raw = load_yaml(path, missing_fix="create it (see docs/deployments.md)", what="deployment map")
    except YamlFileError as exc:
        raise exc.to_config_error() from None
    return parse_deployment_map(raw, catalogue, str(path))


def parse_deployment_map(raw: object, catalogue: Catalogue, file: str) -> DeploymentMap:
    """Validate already-parsed YAML ``raw`` as read from ``file`` (``ConfigProblems`` for several problems)."""
    if not isinstance(raw, dict):
        raise ConfigError(file, "", "expected a mapping at the top level", "start from docs/deployments.md")
    try:
        dmap = DeploymentMap.model_validate(raw)
    except ValidationError as exc:
        raise_problems([_shape_problem(error, file) for error in exc.errors(include_url=False)])
        raise AssertionError("unreachable") from None  # raise_problems raised: pydantic gives at least one
    problems: list[ConfigError] = []
    for code, entry in dmap.jurisdictions.items():
        key = f"jurisdictions.{code}"
        try:
            jurisdiction = catalogue.get(code)
        except CatalogueError:
            known = ", ".join(sorted(catalogue.jurisdictions))
            problems.append(
                ConfigError(file, key, f"{shorten(code)} is not a jurisdiction of the catalogue", f"use one of {known}")
            )
            continue
        if jurisdiction.code != code:
            problems.append(ConfigError(file, key, "jurisdiction codes are upper case", f"write {jurisdiction.code}"))
            continue
        try:
            check_backend(
                entry.backend, jurisdiction, catalogue, development=entry.development, file=file, key=f"{key}.backend"
            )
        except ConfigError as exc:
            problems.append(exc)
        try:
            check_secrets_provider(
                entry.secrets_provider,
                jurisdiction,
                catalogue,
                backend_url=entry.backend,
                development=entry.development,
                file=file,
                key=f"{key}.secrets_provider",
            )
        except ConfigError as exc:
            problems.append(exc)
    raise_problems(problems)
    return dmap


def _shape_problem(error: ErrorDetails, file: str) -> ConfigError:
    where = ".".join(str(part) if len(str(part)) <= 60 else shorten(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, _FIELD_NAMES, n=1)
        fix = f"rename it to `{close[0]}`" if close else "remove the key"
        return ConfigError(file, where, f"unknown key {shorten(name)}", fix)
    given = error.get("input")
    problem = error["msg"].removeprefix("Value error, ")
    if error["type"] != "missing":
        problem += f" (got {shorten(given)})"
    return ConfigError(file, where, problem, "correct the value (see docs/deployments.md)")
