"""The deployment map (``stacks/deployments.yaml``): where each jurisdiction keeps state and secrets.

Pulumi sets the backend per project, not per stack, so the map gives it per jurisdiction and the
runner passes it to each stack's workspace. Loading validates the shape (pydantic) and then every
URL against the jurisdiction catalogue; each refusal is one ``ConfigError`` naming the key and fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from components.deploy.backends import check_backend, check_secrets_provider
from components.errors import CatalogueError, ConfigError
from components.residency.catalogue import Catalogue

__all__ = ["ALL_OTHER_STACKS", "DeploymentMap", "JurisdictionDeployment", "Rollout", "Wave", "load_deployment_map"]

ALL_OTHER_STACKS = "*"
_LABEL = r"^[a-z0-9][a-z0-9._-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class JurisdictionDeployment(_Model):
    """Where the stacks of one jurisdiction keep their state and their secrets key."""

    backend: str = Field(min_length=1)
    """Pulumi state backend URL, e.g. ``s3://bucket?region=cn-north-1&endpoint=s3.cn-north-1.amazonaws.com.cn``."""
    secrets_provider: str = Field(min_length=1)
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


def load_deployment_map(path: Path, catalogue: Catalogue) -> DeploymentMap:
    """Read, shape-check and residency-check the map at ``path``."""
    file = str(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(
            file, "", f"cannot read the deployment map ({exc.strerror})", "create it (see docs/deployments.md)"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(file, "", f"not valid YAML ({exc})", "correct the syntax") from None
    return parse_deployment_map(raw, catalogue, file)


def parse_deployment_map(raw: object, catalogue: Catalogue, file: str) -> DeploymentMap:
    """Validate already-parsed YAML ``raw`` as read from ``file``."""
    if not isinstance(raw, dict):
        raise ConfigError(file, "", "expected a mapping at the top level", "start from docs/deployments.md")
    try:
        dmap = DeploymentMap.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in error["loc"])
        fix = "remove the key" if error["type"] == "extra_forbidden" else "correct the value (see docs/deployments.md)"
        raise ConfigError(file, where, error["msg"], fix) from None
    for code, entry in dmap.jurisdictions.items():
        key = f"jurisdictions.{code}"
        try:
            jurisdiction = catalogue.get(code)
        except CatalogueError:
            known = ", ".join(sorted(catalogue.jurisdictions))
            raise ConfigError(
                file, key, f"{code!r} is not a jurisdiction of the catalogue", f"use one of {known}"
            ) from None
        if jurisdiction.code != code:
            raise ConfigError(file, key, "jurisdiction codes are upper case", f"write {jurisdiction.code}")
        check_backend(
            entry.backend, jurisdiction, catalogue, development=entry.development, file=file, key=f"{key}.backend"
        )
        check_secrets_provider(
            entry.secrets_provider,
            jurisdiction,
            catalogue,
            backend_url=entry.backend,
            development=entry.development,
            file=file,
            key=f"{key}.secrets_provider",
        )
    return dmap
