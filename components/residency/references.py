"""Finding cloud references in input values: ARNs, endpoints, OSS locations, zones and regions.

The parser only *extracts* references and says where they point (cloud, partition, region);
judging them against a jurisdiction is the engine's job. Free text is not a reference: a tag
saying "replicates to us-east-1 later" is fine, while ``arn:aws:s3:::bucket`` in a policy is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from components.residency.catalogue import Catalogue, Cloud

__all__ = ["Reference", "ReferenceParser", "RefKind"]

RefKind = Literal["aws-arn", "acs-arn", "endpoint", "oss-location", "zone", "region"]


@dataclass(frozen=True, slots=True)
class Reference:
    """A pointer to a place in a cloud, found in an input value."""

    kind: RefKind
    """What was found."""
    cloud: Cloud
    """Which cloud it points into."""
    text: str
    """The exact text found (an ARN, a host name, a zone...)."""
    region: str | None
    """The region it names; None when it names none (global services, S3 ARNs, wildcards)."""
    partition: str | None = None
    """AWS partition (from an ARN prefix or an endpoint's DNS suffix); None for Alibaba Cloud."""
    dns_suffix: str | None = None
    """For endpoints: the DNS suffix the host ends with."""
    known_region: bool = True
    """False when ``region`` looks like a region but the catalogue does not know it."""
    in_url: bool = False
    """For endpoints: True when the host appeared with a scheme (``https://...``)."""


# One cheap pre-filter so that the vast majority of strings (names, CIDRs, booleans as text)
# never reach the detailed patterns: the guard runs on every resource registration.
_PREFILTER = re.compile(r"arn:|acs:|amazonaws|aliyuncs|api\.aws|oss-|\.gov|adc-e\.uk", re.IGNORECASE)
_AWS_ARN = re.compile(r"(?<![A-Za-z0-9_-])arn:(aws[a-z-]*):([^:\s\"']*):([^:\s\"']*):[^\s\"',]*", re.IGNORECASE)
_ACS_ARN = re.compile(r"(?<![A-Za-z0-9_-])acs:([a-z0-9_-]+):([^:\s\"']*):[^\s\"',]*", re.IGNORECASE)
_OSS_LOCATION = re.compile(r"^oss-([a-z]{2,}(?:-[a-z0-9]+)+?)(?:-internal)?$")
# A label that has the shape of a region id (used to refuse unknown regions rather than miss them).
_REGIONISH = re.compile(r"^[a-z]{2,5}(?:-[a-z]+)+(?:-\d+)?(?:-[a-z]+)?$")
_AWS_REGIONISH = re.compile(r"^[a-z]{2,5}(?:-[a-z]+)+-\d+$")
_AZ_ID = re.compile(r"^([a-z]{3,9}\d+)-az\d+$")
_HOST_DECORATIONS = ("-internal", "-vpc", "-accelerate")
_DIRECTIONS = {
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "central": "c",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
}


class ReferenceParser:
    """Extracts references from strings, with lookups precomputed from the catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self._aws_regions = catalogue.known_regions("aws")
        self._ali_regions = catalogue.known_regions("alicloud")
        self._region_partition = dict(catalogue.aws_region_partition)
        # Longest suffix first so that amazonaws.com.cn is not read as amazonaws.com.
        aws_suffixes = {p.dns_suffix: p.name for p in catalogue.aws_partitions.values() if p.name != "aws-us-gov"}
        aws_suffixes["api.aws"] = "aws"
        self._suffix_cloud: list[tuple[str, Cloud, str | None]] = sorted(
            [(s, "aws", p) for s, p in aws_suffixes.items()] + [(catalogue.alicloud_dns_suffix, "alicloud", None)],
            key=lambda item: -len(item[0]),
        )
        suffix_alternatives = "|".join(re.escape(s) for s, _, _ in self._suffix_cloud)
        self._host = re.compile(
            rf"(?P<scheme>[a-z][a-z0-9+.-]*://)?(?P<host>(?:[a-z0-9-]+\.)+(?:{suffix_alternatives}))(?![a-z0-9-])",
            re.IGNORECASE,
        )
        self._az_id_prefix = {self._az_id_abbreviation(r): r for r in self._aws_regions}

    @staticmethod
    def _az_id_abbreviation(region: str) -> str:
        # AWS AZ ids abbreviate the region: us-east-1 -> use1, cn-northwest-1 -> cnnw1, us-gov-west-1 -> usgw1.
        parts = region.split("-")
        return "".join(_DIRECTIONS.get(p, p[0] if i else p) for i, p in enumerate(parts))

    # -- free text ----------------------------------------------------------------------------

    def has_candidates(self, text: str) -> bool:
        """Cheap test: can this string contain any reference at all?"""
        return _PREFILTER.search(text) is not None

    def scan(self, text: str) -> list[Reference]:
        """Every ARN, ACS ARN, endpoint host and OSS location inside ``text``."""
        if not _PREFILTER.search(text):
            return []
        found: list[Reference] = []
        for m in _AWS_ARN.finditer(text):
            partition, region = m.group(1).lower(), m.group(3).lower()
            found.append(self._aws_region_ref("aws-arn", m.group(0), region, partition))
        for m in _ACS_ARN.finditer(text):
            region = m.group(2).lower()
            found.append(self._ali_region_ref("acs-arn", m.group(0), region))
        # Every host the pattern matches has a dot; without one, skip its costly scan (most ARNs).
        for m in self._host.finditer(text) if "." in text else ():
            found.append(self._endpoint(m.group("host").lower(), in_url=m.group("scheme") is not None))
        oss = _OSS_LOCATION.match(text)
        if oss:
            found.append(self._ali_region_ref("oss-location", text, oss.group(1)))
        return found

    def _aws_region_ref(self, kind: RefKind, text: str, region: str, partition: str | None) -> Reference:
        if region in ("", "*"):
            return Reference(kind, "aws", text, None, partition)
        known = region in self._aws_regions
        return Reference(kind, "aws", text, region, partition, known_region=known)

    def _ali_region_ref(self, kind: RefKind, text: str, region: str) -> Reference:
        if region in ("", "*"):
            return Reference(kind, "alicloud", text, None)
        return Reference(kind, "alicloud", text, region, known_region=region in self._ali_regions)

    def _endpoint(self, host: str, *, in_url: bool) -> Reference:
        for suffix, cloud, partition in self._suffix_cloud:
            if host.endswith("." + suffix):
                labels = host[: -len(suffix) - 1].split(".")
                region, known = self._region_in_labels(cloud, labels)
                # amazonaws.com serves both aws and aws-us-gov; the region tells which.
                exact = self._region_partition.get(region, partition) if cloud == "aws" and region else partition
                return Reference("endpoint", cloud, host, region, exact, suffix, known, in_url)
        raise AssertionError(f"host regex matched an unknown suffix: {host}")  # pragma: no cover

    def _region_in_labels(self, cloud: Cloud, labels: list[str]) -> tuple[str | None, bool]:
        known_regions = self._aws_regions if cloud == "aws" else self._ali_regions
        regionish = _AWS_REGIONISH if cloud == "aws" else _REGIONISH
        unknown: str | None = None
        # Right to left: the region label sits next to the suffix (bucket.s3.cn-north-1.amazonaws.com.cn).
        for raw_label in reversed(labels):
            label = raw_label
            for decoration in _HOST_DECORATIONS:
                label = label.removesuffix(decoration)
            candidates = _dash_suffixes(label)
            for candidate in candidates:
                if candidate in known_regions:
                    return candidate, True
            if unknown is None:
                unknown = next((c for c in candidates if regionish.match(c) and "-" in c), None)
        return (unknown, False) if unknown else (None, True)

    # -- typed fields ---------------------------------------------------------------------------

    def region_field(self, cloud: Cloud, value: str) -> Reference | None:
        """A region-valued input; None when the value is not region-shaped (``*``, empty, a flag)."""
        v = value.strip().lower()
        if cloud == "aws":
            if v in self._aws_regions:
                return Reference("region", "aws", value, v)
            return Reference("region", "aws", value, v, known_region=False) if _AWS_REGIONISH.match(v) else None
        if v in self._ali_regions:
            return Reference("region", "alicloud", value, v)
        return Reference("region", "alicloud", value, v, known_region=False) if _REGIONISH.match(v) else None

    def zone_field(self, cloud: Cloud, value: str) -> Reference | None:
        """An availability-zone input (name or AWS zone id); None when the value is not zone-shaped."""
        v = value.strip().lower()
        known_regions = self._aws_regions if cloud == "aws" else self._ali_regions
        if cloud == "aws":
            az_id = _AZ_ID.match(v)
            if az_id:
                region = self._az_id_prefix.get(az_id.group(1))
                return Reference("zone", "aws", value, region or az_id.group(1), known_region=region is not None)
            if v[:-1] in known_regions:  # cn-north-1a
                return Reference("zone", "aws", value, v[:-1])
        # Local zones (us-east-1-bos-1a) and Alibaba zones (cn-hangzhou-h, cn-shanghai-finance-1z):
        # the longest known region that prefixes the value at a dash boundary.
        best = v[:-1] if v[:-1] in known_regions else None  # cn-shanghai-finance-1z
        for i, ch in enumerate(v):
            if ch == "-" and v[:i] in known_regions and len(v[:i]) > len(best or ""):
                best = v[:i]
        if best:
            return Reference("zone", cloud, value, best)
        shaped = _REGIONISH.match(v) if cloud == "alicloud" else re.match(r"^[a-z]{2,5}(?:-[a-z]+)+-\d+[a-z]$", v)
        return Reference("zone", cloud, value, v, known_region=False) if shaped else None


def _dash_suffixes(label: str) -> list[str]:
    """``s3-website-us-east-1`` -> itself, ``website-us-east-1``, ``us-east-1``, ``east-1``, ``1``."""
    out = [label]
    start = label.find("-")
    while start != -1:
        out.append(label[start + 1 :])
        start = label.find("-", start + 1)
    return out
