"""Regulatory categories of data classes and the legal bases of cross-border transfers.

Data, not code: ``data_protection.yaml`` beside this file says which category each data class has
in each jurisdiction (important data, sensitive personal information, personal information,
anonymised) and which legal bases a declared transfer may cite. The storage components use the
category for their defaults (object lock mode, access logging), the plan shows it, and the transfer
register uses it (in CN only a CAC security assessment can cover important data).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, ValidationError

from components.errors import CatalogueError
from components.yamlfile import YamlFileError, load_yaml

__all__ = [
    "CATEGORIES",
    "Category",
    "CategorySpec",
    "DataProtection",
    "TransferBasis",
    "load_data_protection",
]

Category = Literal["important", "sensitive_personal", "personal", "anonymised"]
"""Regulatory categories, from the most to the least protected."""

CATEGORIES: tuple[Category, ...] = get_args(Category)
DATA_PROTECTION_FILE = Path(__file__).with_name("data_protection.yaml")
_DEFAULT = "default"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CategorySpec(_Frozen):
    """What one category means and the storage defaults it drives."""

    id: Category
    """The category id, e.g. ``important``."""
    name: str
    """Human name, e.g. ``Important data``."""
    meaning: str
    """What falls in this category, in a sentence or two."""
    object_lock_mode: Literal["governance", "compliance"]
    """Default S3 Object Lock / OSS retention mode for backups of this category."""
    access_logging: Literal["required", "optional"]
    """Whether server access logging of the data-class bucket is required."""
    sources: tuple[str, ...]
    """Where the definition comes from."""


class TransferBasis(_Frozen):
    """A legal basis a ``kind: transfer`` declaration may cite."""

    id: str
    """The basis id used in stack files, e.g. ``cac-security-assessment``."""
    meaning: str
    """What the basis is."""
    only_for: frozenset[Category] = frozenset(CATEGORIES)
    """The categories this basis can cover (all unless restricted)."""
    sources: tuple[str, ...]
    """The provisions that create the basis."""


class DataProtection(_Frozen):
    """The whole data-protection catalogue."""

    version: str
    """Data version (bump on every change)."""
    categories: Mapping[Category, CategorySpec]
    """Every category by id."""
    class_defaults: Mapping[str, Mapping[str, Category]]
    """Data class -> {jurisdiction code or ``default``: category}."""
    bases: Mapping[str, Mapping[str, TransferBasis]]
    """Jurisdiction code or ``default`` -> basis id -> basis."""

    def category_of(self, jurisdiction: str, data_class: str, override: Category | None = None) -> CategorySpec:
        """The category of ``data_class`` in ``jurisdiction``: the stack file's override, else the catalogue's."""
        if override is not None:
            return self.categories[override]
        defaults = self.class_defaults.get(data_class)
        if defaults is None:
            known = ", ".join(sorted(self.class_defaults))
            raise CatalogueError(
                f"data class {data_class!r} has no default category (known: {known}). "
                f"Fix: set data_classes.{data_class}.category in the stack file, "
                f"or add the class to {DATA_PROTECTION_FILE.name} with its source"
            )
        return self.categories[defaults.get(jurisdiction.upper(), defaults[_DEFAULT])]

    def transfer_bases(self, jurisdiction: str) -> Mapping[str, TransferBasis]:
        """The bases a transfer out of ``jurisdiction`` may cite, by id."""
        return self.bases.get(jurisdiction.upper(), self.bases[_DEFAULT])

    def basis_covers(self, jurisdiction: str, basis: str, category: Category) -> bool:
        """True when ``basis`` exists in ``jurisdiction`` and may cover data of ``category``."""
        spec = self.transfer_bases(jurisdiction).get(basis)
        return spec is not None and category in spec.only_for


def _parse(raw: object, source: str) -> DataProtection:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{source}: expected a mapping at the top level. Fix: restore the file from git")
    try:
        categories = {cid: {"id": cid, **body} for cid, body in (raw.get("categories") or {}).items()}
        bases = {
            code: {bid: {"id": bid, **body} for bid, body in (entries or {}).items()}
            for code, entries in (raw.get("transfer_bases") or {}).items()
        }
        protection = DataProtection.model_validate(
            {
                "version": raw.get("version"),
                "categories": categories,
                "class_defaults": raw.get("data_classes") or {},
                "bases": bases,
            }
        )
    except (ValidationError, TypeError, AttributeError) as exc:
        if isinstance(exc, ValidationError):
            first = exc.errors()[0]
            problem = f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
        else:
            problem = "an entry is not a mapping"
        raise CatalogueError(f"{source}: {problem}. Fix: correct that entry") from None
    missing = [c for c in CATEGORIES if c not in protection.categories]
    no_default = [name for name, d in protection.class_defaults.items() if _DEFAULT not in d]
    if missing or no_default or _DEFAULT not in protection.bases:
        problem = (
            f"categories missing: {missing}"
            if missing
            else f"data classes without a default: {no_default}"
            if no_default
            else "transfer_bases has no default entry"
        )
        raise CatalogueError(f"{source}: {problem}. Fix: complete the catalogue")
    return protection


@functools.lru_cache(maxsize=2)
def load_data_protection(path: Path = DATA_PROTECTION_FILE) -> DataProtection:
    """Load and validate the data-protection catalogue (cached: immutable data)."""
    try:
        raw = load_yaml(
            path,
            what="data-protection catalogue",
            missing_fix="restore the file",
            fix="correct the syntax",
            cached=True,
        )
    except YamlFileError as exc:
        raise CatalogueError(str(exc)) from None
    return _parse(raw, str(path))
