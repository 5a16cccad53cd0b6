"""The jurisdiction catalogue: which clouds, partitions and exact regions each market may use.

The catalogue is data (``jurisdictions.yaml`` beside this file), not code branches, so a new
market or region is a reviewed data change. Regions are listed exactly; nothing is judged by
prefix, because prefixes lie (Alibaba ``cn-hongkong`` is not mainland China, AWS ``eu-west-2`` is
London and ``eu-central-2`` is Zurich, neither in the EU).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from components.errors import CatalogueError
from components.yamlfile import YamlFileError, load_yaml

__all__ = [
    "AwsPartition",
    "Catalogue",
    "CLOUDS",
    "Cloud",
    "Jurisdiction",
    "as_cloud",
    "load_catalogue",
]

Cloud = Literal["aws", "alicloud"]
CLOUDS: tuple[Cloud, ...] = ("aws", "alicloud")
"""Every :data:`Cloud`, in the order stacks build them."""


def as_cloud(name: str | None) -> Cloud | None:
    """``name`` as a :data:`Cloud` when it names one (resource records and plan rows carry plain text)."""
    return next((cloud for cloud in CLOUDS if cloud == name), None)


CATALOGUE_FILE = Path(__file__).with_name("jurisdictions.yaml")
_ISO_ALPHA2 = re.compile(r"^[A-Z]{2}$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AwsPartition(_Frozen):
    """An AWS partition: an isolated set of regions with its own ARN prefix and DNS suffix."""

    name: str
    """Partition id as it appears in ARNs, e.g. ``aws-cn``."""
    dns_suffix: str
    """DNS suffix of the partition's regional endpoints, e.g. ``amazonaws.com.cn``."""
    regions: frozenset[str]
    """Every region of the partition, in or out of any jurisdiction."""


class AwsFootprint(_Frozen):
    """What a jurisdiction may use on AWS."""

    partitions: frozenset[str] = frozenset()
    """Partitions whose ARNs and endpoints are allowed (an ARN's partition must be one of these)."""
    regions: frozenset[str] = frozenset()
    """Exact regions inside the jurisdiction."""


class AlicloudFootprint(_Frozen):
    """What a jurisdiction may use on Alibaba Cloud."""

    regions: frozenset[str] = frozenset()
    """Exact Alibaba Cloud region ids inside the jurisdiction."""


class LocalZoneGroup(_Frozen):
    """An AWS Local Zone or Wavelength Zone group (network border group) and where it is."""

    country: str
    """ISO 3166-1 alpha-2 code of the group's Geography (which may differ from its parent region's country)."""
    id: str | None = None
    """The zone-ID prefix of its zones (``use1-qro1`` for ``use1-qro1-az1``), when confirmed."""


class AwsLocalZones(_Frozen):
    """The AWS Local Zone and Wavelength Zone groups whose location the catalogue knows."""

    groups: Mapping[str, LocalZoneGroup] = Field(default_factory=dict)
    """Network border group (``us-east-1-qro-1``) -> where it is."""
    sources: tuple[str, ...] = ()


class Jurisdiction(_Frozen):
    """One market whose data must stay within its borders."""

    code: str
    """Short code used in stack files and ``enforce()``, e.g. ``CN``."""
    name: str
    """Human name, e.g. ``Mainland China``."""
    legal_basis: str
    """The law or rule that makes residency mandatory, in a few words."""
    aws: AwsFootprint = AwsFootprint()
    """Allowed AWS partitions and regions."""
    alicloud: AlicloudFootprint = AlicloudFootprint()
    """Allowed Alibaba Cloud regions."""
    countries: frozenset[str] = frozenset()
    """ISO 3166-1 alpha-2 codes of the countries and territories the jurisdiction covers: a phone number
    (SMS, voice) is resident when its country is one of them."""
    sources: tuple[str, ...] = ()
    """Public documents the region lists (and countries) were checked against."""
    dns_suffixes: frozenset[str] = frozenset()
    """Endpoint DNS suffixes allowed for this jurisdiction (filled from its partitions)."""

    def regions(self, cloud: Cloud) -> frozenset[str]:
        """The exact regions of ``cloud`` inside this jurisdiction."""
        return self.aws.regions if cloud == "aws" else self.alicloud.regions

    def allows_region(self, cloud: Cloud, region: str) -> bool:
        """True when ``region`` of ``cloud`` lies inside this jurisdiction."""
        return region in self.regions(cloud)


class Catalogue(_Frozen):
    """The whole catalogue: jurisdictions plus every known region of each cloud."""

    version: str
    """Catalogue data version (bump on every data change, so plans can cite it)."""
    aws_partitions: Mapping[str, AwsPartition]
    """Every AWS partition by name."""
    alicloud_regions: frozenset[str]
    """Every Alibaba Cloud region id, in or out of any jurisdiction."""
    alicloud_dns_suffix: str = "aliyuncs.com"
    """DNS suffix of Alibaba Cloud endpoints."""
    jurisdictions: Mapping[str, Jurisdiction]
    """Jurisdictions by code."""
    aws_region_partition: Mapping[str, str] = Field(default_factory=dict)
    """Derived: AWS region -> its partition name."""
    aws_local_zones: AwsLocalZones = AwsLocalZones()
    """AWS Local Zone and Wavelength Zone groups placed by their Geography."""

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        region_partition: dict[str, str] = {}
        for partition in self.aws_partitions.values():
            for region in partition.regions:
                if region in region_partition:
                    raise ValueError(f"AWS region {region} is listed in two partitions")
                region_partition[region] = partition.name
        for code, jurisdiction in self.jurisdictions.items():
            if code != jurisdiction.code:
                raise ValueError(f"jurisdiction key {code} does not match its code {jurisdiction.code}")
            unknown_partitions = jurisdiction.aws.partitions - self.aws_partitions.keys()
            if unknown_partitions:
                raise ValueError(f"{code}: unknown AWS partitions {sorted(unknown_partitions)}")
            for region in jurisdiction.aws.regions:
                if region_partition.get(region) not in jurisdiction.aws.partitions:
                    allowed = sorted(jurisdiction.aws.partitions)
                    raise ValueError(f"{code}: AWS region {region} is not in any of its partitions {allowed}")
            not_iso = sorted(c for c in jurisdiction.countries if not _ISO_ALPHA2.match(c))
            if not_iso:
                raise ValueError(f"{code}: countries must be ISO 3166-1 alpha-2 codes (GB, not UK): {not_iso}")
            unknown_ali = jurisdiction.alicloud.regions - self.alicloud_regions
            if unknown_ali:
                raise ValueError(f"{code}: unknown Alibaba Cloud regions {sorted(unknown_ali)}")
        object.__setattr__(self, "aws_region_partition", region_partition)
        for jurisdiction in self.jurisdictions.values():
            suffixes = {self.aws_partitions[p].dns_suffix for p in jurisdiction.aws.partitions}
            if jurisdiction.alicloud.regions:
                suffixes.add(self.alicloud_dns_suffix)
            # Jurisdictions are frozen; the derived suffixes are written once, here, at load time.
            object.__setattr__(jurisdiction, "dns_suffixes", frozenset(suffixes))
        return self

    @model_validator(mode="after")
    def _local_zones_of_known_regions(self) -> Catalogue:
        # Runs after _consistent, which derives aws_region_partition.
        for group, where in self.aws_local_zones.groups.items():
            if not any(group.startswith(f"{region}-") for region in self.aws_region_partition):
                raise ValueError(f"aws_local_zones: {group} does not start with a known AWS region")
            if not _ISO_ALPHA2.match(where.country):
                raise ValueError(f"aws_local_zones: {group}: country must be an ISO 3166-1 alpha-2 code")
        return self

    def get(self, code: str) -> Jurisdiction:
        """The jurisdiction for ``code`` (case-insensitive); a clear error lists the known codes."""
        jurisdiction = self.jurisdictions.get(code.upper()) if isinstance(code, str) else None
        if jurisdiction is None:
            known = ", ".join(sorted(self.jurisdictions))
            raise CatalogueError(
                f"unknown jurisdiction {code!r}. Fix: use one of {known}, "
                f"or add it to {CATALOGUE_FILE.name} with its exact regions and sources"
            )
        return jurisdiction

    def known_regions(self, cloud: Cloud) -> frozenset[str]:
        """Every region of ``cloud`` the catalogue knows, anywhere in the world."""
        if cloud == "aws":
            return frozenset(self.aws_region_partition)
        return self.alicloud_regions

    def partition_of(self, aws_region: str) -> AwsPartition | None:
        """The AWS partition an AWS region belongs to, or None for an unknown region."""
        name = self.aws_region_partition.get(aws_region)
        return self.aws_partitions[name] if name else None

    @functools.cached_property
    def _local_zone_countries(self) -> Mapping[str, str]:
        groups = self.aws_local_zones.groups
        by_name = {name: g.country for name, g in groups.items()}
        return {**by_name, **{g.id: g.country for g in groups.values() if g.id}}

    def local_zone_country(self, group: str) -> str | None:
        """The country of an AWS Local Zone or Wavelength Zone group, by name or zone-ID prefix; None when unlisted."""
        return self._local_zone_countries.get(group)

    def jurisdictions_of(self, cloud: Cloud, region: str) -> tuple[str, ...]:
        """Codes of every jurisdiction containing ``region`` (a region can be in EU and DE)."""
        return tuple(sorted(code for code, j in self.jurisdictions.items() if j.allows_region(cloud, region)))


def _parse(raw: object, source: str) -> Catalogue:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{source}: expected a mapping at the top level. Fix: restore the file from git")
    partitions = {name: {"name": name, **(body or {})} for name, body in (raw.get("aws_partitions") or {}).items()}
    jurisdictions = {code: {"code": code, **(body or {})} for code, body in (raw.get("jurisdictions") or {}).items()}
    try:
        return Catalogue.model_validate(
            {
                "version": raw.get("version"),
                "aws_partitions": partitions,
                "alicloud_regions": raw.get("alicloud_regions"),
                "jurisdictions": jurisdictions,
                "aws_local_zones": raw.get("aws_local_zones") or {},
            }
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        # Cross-entry checks fail at the model level (empty loc) and carry pydantic's "Value error, "
        # prefix; both would only add noise to a message an operator has to act on.
        problem = first["msg"].removeprefix("Value error, ")
        prefix = f"{source}: {where}" if where else source
        raise CatalogueError(f"{prefix}: {problem}. Fix: correct that entry") from None


@functools.lru_cache(maxsize=4)
def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    """Load and validate the catalogue (cached: it is immutable data, read once per process)."""
    try:
        raw = load_yaml(path, what="catalogue", missing_fix="restore the file", fix="correct the syntax", cached=True)
    except YamlFileError as exc:
        raise CatalogueError(str(exc)) from None
    return _parse(raw, str(path))
